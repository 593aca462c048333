/* entity_card.c: one entity's card (see entity_card.h), made of what the
 * query layer already answers fast: the facets of the entity's own
 * articles (its row there gives its aliases and counts after the user's
 * edits, the other rows the entities beside it), and their timeline. */
#include "config.h"

#include "entity_card.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* See entity_card.h. */
int query_entity_card(store *s, const entity_match *m, entity_card *out, char **err)
{
	memset(out, 0, sizeof *out);
	*err = NULL;
	out->id = m->id;
	out->type = m->type;
	out->name = xstrdup(m->name);
	out->hidden = m->hidden;
	query_filter f;
	query_filter_init(&f);
	filter_add_entity(&f, m->id, m->name, (int)m->type, 0);
	/* its group's ids once, for the facets, the count and the timeline */
	if (query_filter_resolve(s, &f, err) != 0) {
		query_filter_free(&f);
		entity_card_free(out);
		return -1;
	}
	/* The entity itself is among the facets of its articles (first,
	 * unless hidden); the rest are those beside it. */
	facet_row rows[CARD_WITH + 1];
	int n = query_facets(s, &f, -1, NULL, CARD_WITH + 1, rows, err);
	if (n < 0) {
		query_filter_free(&f);
		entity_card_free(out);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		if (rows[i].id == m->id) {
			out->aliases = rows[i].aliases;
			rows[i].aliases = NULL;
			out->articles = rows[i].articles;
			out->mentions = rows[i].mentions;
			facet_row_free(&rows[i]);
		} else if (out->nwith < CARD_WITH) {
			out->with[out->nwith++] = rows[i];
		} else {
			facet_row_free(&rows[i]);
		}
	}
	if (!out->articles) {
		/* hidden: not among facets, counted apart */
		out->articles = query_count(s, &f, err);
		if (out->articles < 0) {
			query_filter_free(&f);
			entity_card_free(out);
			return -1;
		}
	}
	int rc = query_timeline(s, &f, TIMELINE_AUTO, &out->time, err);
	query_filter_free(&f);
	if (rc < 0) {
		entity_card_free(out);
		return -1;
	}
	return 0;
}

/* See entity_card.h. */
void entity_card_free(entity_card *c)
{
	free(c->name);
	free(c->aliases);
	for (int i = 0; i < c->nwith; i++)
		facet_row_free(&c->with[i]);
	timeline_free(&c->time);
	memset(c, 0, sizeof *c);
}
