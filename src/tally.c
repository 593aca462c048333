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

/* Orders mentions by entity, then reading order (field, start), then
 * position in the list, so that grouping is one pass and stable. */
static _Thread_local const mention *sort_base;
static int cmp_mention(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const mention *x = &sort_base[i], *y = &sort_base[j];
	if (x->type != y->type)
		return x->type < y->type ? -1 : 1;
	int c = strcmp(x->canonical, y->canonical);
	if (c)
		return c;
	if (x->field != y->field)
		return x->field < y->field ? -1 : 1;
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	return i < j ? -1 : i > j;
}

/* Orders groups by their first mention in the list. */
typedef struct group {
	size_t first;     /* smallest index in the mention list */
	size_t from, to;  /* range in the sorted order */
} group;

static int cmp_group(const void *a, const void *b)
{
	const group *x = a, *y = b;
	return x->first < y->first ? -1 : x->first > y->first;
}

/* Fills one tally from the sorted mentions order[from, to). */
static void tally_group(const mention_list *ml, const size_t *order, size_t from, size_t to,
			double total, entity_tally *t)
{
	const mention *m0 = &ml->v[order[from]];
	strbuf spans;
	sb_init(&spans);
	sb_addc(&spans, '[');
	double weight = 0;
	t->type = m0->type;
	t->canonical = xstrdup(m0->canonical);
	t->mentions = to - from;
	t->aliases = NULL;
	t->n_aliases = 0;
	for (size_t k = from; k < to; k++) {
		const mention *m = &ml->v[order[k]];
		weight += field_weight(m->field);
		if (k > from)
			sb_addc(&spans, ',');
		sb_addc(&spans, '[');
		sb_add_int(&spans, (int64_t)m->field);
		sb_addc(&spans, ',');
		sb_add_int(&spans, (int64_t)m->start);
		sb_addc(&spans, ',');
		sb_add_int(&spans, (int64_t)m->end);
		sb_addc(&spans, ']');
		if (strcmp(m->surface, m->canonical) == 0)
			continue;
		size_t a = 0;
		while (a < t->n_aliases && strcmp(t->aliases[a], m->surface) != 0)
			a++;
		if (a == t->n_aliases) {
			t->aliases = xrealloc(t->aliases, (t->n_aliases + 1) * sizeof *t->aliases);
			t->aliases[t->n_aliases++] = xstrdup(m->surface);
		}
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
	size_t *order = xmalloc(ml->n * sizeof *order);
	double total = 0;
	for (size_t i = 0; i < ml->n; i++) {
		order[i] = i;
		total += field_weight(ml->v[i].field);
	}
	/* qsort has no context argument; workers tally concurrently, so the
	 * base lives in a thread-local. */
	sort_base = ml->v;
	qsort(order, ml->n, sizeof *order, cmp_mention);
	group *g = xmalloc(ml->n * sizeof *g);
	size_t ng = 0;
	for (size_t k = 0; k < ml->n; k++) {
		const mention *m = &ml->v[order[k]];
		if (ng && k > 0) {
			const mention *p = &ml->v[order[k - 1]];
			if (p->type == m->type && strcmp(p->canonical, m->canonical) == 0) {
				g[ng - 1].to = k + 1;
				if (order[k] < g[ng - 1].first)
					g[ng - 1].first = order[k];
				continue;
			}
		}
		g[ng++] = (group){order[k], k, k + 1};
	}
	qsort(g, ng, sizeof *g, cmp_group);
	out->v = xcalloc(ng, sizeof *out->v);
	out->n = ng;
	for (size_t i = 0; i < ng; i++)
		tally_group(ml, order, g[i].from, g[i].to, total, &out->v[i]);
	free(g);
	free(order);
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
