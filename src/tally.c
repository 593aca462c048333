/* tally.c: mentions grouped by entity, with salience and spans (see
 * tally.h). */
#include "config.h"

#include "tally.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Weight of a mention for salience: the title and the lede say what an
 * article is about more than a passing mention in the body. */
static double field_weight(article_field f)
{
	switch (f) {
	case FIELD_TITLE:
		return 3.0;
	case FIELD_LEDE:
		return 2.0;
	default:
		return 1.0;
	}
}

/* A mention while grouping: its entity's key (entity_key() of its
 * canonical name, the store's identity of an entity with its type). */
typedef struct keyed {
	const mention *m;
	const char *key;
	size_t index;  /* in the mention list */
} keyed;

/* Orders mentions by entity (type, key), then reading order (field,
 * start), then list order, so that grouping is one pass and stable. */
static int cmp_keyed(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	if (x->m->type != y->m->type)
		return x->m->type < y->m->type ? -1 : 1;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	if (x->m->field != y->m->field)
		return x->m->field < y->m->field ? -1 : 1;
	if (x->m->start != y->m->start)
		return x->m->start < y->m->start ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Orders by canonical name, then list position. */
static int cmp_canonical(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	int c = strcmp(x->m->canonical, y->m->canonical);
	return c ? c : (x->index < y->index ? -1 : x->index > y->index);
}

/* A group of mentions of one entity: a range of the sorted mentions. */
typedef struct group {
	size_t first;     /* smallest index in the mention list */
	size_t from, to;  /* range in the sorted order */
} group;

/* Orders groups by their first mention in the list. */
static int cmp_group(const void *a, const void *b)
{
	const group *x = a, *y = b;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* Adds name to t's aliases unless it is the canonical name or known. */
static void add_alias(entity_tally *t, const char *name)
{
	if (strcmp(name, t->canonical) == 0)
		return;
	for (size_t a = 0; a < t->n_aliases; a++)
		if (strcmp(t->aliases[a], name) == 0)
			return;
	t->aliases = xrealloc(t->aliases, (t->n_aliases + 1) * sizeof *t->aliases);
	t->aliases[t->n_aliases++] = xstrdup(name);
}

/* Fills one tally from the sorted mentions k[g->from, g->to). Its name is
 * the canonical name of its first mention in the list; other spellings
 * of the same key ("châu Âu" beside "Châu Âu") and surfaces are aliases. */
static void tally_group(const keyed *k, const group *g, double total, entity_tally *t)
{
	const mention *m0 = NULL;
	for (size_t i = g->from; i < g->to; i++)
		if (k[i].index == g->first)
			m0 = k[i].m;
	strbuf spans;
	sb_init(&spans);
	sb_addc(&spans, '[');
	double weight = 0;
	t->type = m0->type;
	t->canonical = xstrdup(m0->canonical);
	t->mentions = g->to - g->from;
	t->aliases = NULL;
	t->n_aliases = 0;
	for (size_t i = g->from; i < g->to; i++) {
		const mention *m = k[i].m;
		weight += field_weight(m->field);
		if (i > g->from)
			sb_addc(&spans, ',');
		sb_addc(&spans, '[');
		sb_add_int(&spans, (int64_t)m->field);
		sb_addc(&spans, ',');
		sb_add_int(&spans, (int64_t)m->start);
		sb_addc(&spans, ',');
		sb_add_int(&spans, (int64_t)m->end);
		sb_addc(&spans, ']');
		add_alias(t, m->canonical);
		add_alias(t, m->surface);
	}
	sb_addc(&spans, ']');
	t->spans = sb_detach(&spans);
	t->salience = total > 0 ? weight / total : 0;
}

/* Groups mentions by entity; see tally.h. */
void tally_mentions(const mention_list *ml, tally_list *out)
{
	out->v = NULL;
	out->n = 0;
	if (!ml || ml->n == 0)
		return;
	keyed *k = xmalloc(ml->n * sizeof *k);
	double total = 0;
	for (size_t i = 0; i < ml->n; i++) {
		k[i] = (keyed){&ml->v[i], NULL, i};
		total += field_weight(ml->v[i].field);
	}
	/* One key per distinct canonical name: sorted by name, the mentions
	 * of a name are adjacent. */
	qsort(k, ml->n, sizeof *k, cmp_canonical);
	strlist keys;
	sl_init(&keys);
	for (size_t i = 0; i < ml->n; i++) {
		if (i == 0 || strcmp(k[i].m->canonical, k[i - 1].m->canonical) != 0)
			sl_push_owned(&keys, entity_key(k[i].m->canonical));
		k[i].key = keys.v[keys.n - 1];
	}
	qsort(k, ml->n, sizeof *k, cmp_keyed);
	group *g = xmalloc(ml->n * sizeof *g);
	size_t ng = 0;
	for (size_t i = 0; i < ml->n; i++) {
		if (ng && k[i].m->type == k[i - 1].m->type && strcmp(k[i].key, k[i - 1].key) == 0) {
			g[ng - 1].to = i + 1;
			if (k[i].index < g[ng - 1].first)
				g[ng - 1].first = k[i].index;
			continue;
		}
		g[ng++] = (group){k[i].index, i, i + 1};
	}
	qsort(g, ng, sizeof *g, cmp_group);
	out->v = xcalloc(ng, sizeof *out->v);
	out->n = ng;
	for (size_t i = 0; i < ng; i++)
		tally_group(k, &g[i], total, &out->v[i]);
	free(g);
	sl_free(&keys);
	free(k);
}

/* Frees a tally list. */
void tally_list_free(tally_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		entity_tally *t = &l->v[i];
		free(t->canonical);
		free(t->spans);
		for (size_t a = 0; a < t->n_aliases; a++)
			free(t->aliases[a]);
		free(t->aliases);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}
