/* tally.c: mentions grouped by entity, with salience and spans (see
 * tally.h). */
#include "config.h"

#include "tally.h"

#include <stdbool.h>
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
 * canonical name, the store's identity of an entity with its type) and
 * its group. */
typedef struct keyed {
	const mention *m;
	size_t key;    /* offset of the key in tally_mentions' buffer of keys */
	size_t index;  /* in the mention list */
	size_t group;  /* groups are numbered in order of first mention */
} keyed;

/* Orders a group's mentions by reading order (field, start), then list
 * order. */
static int cmp_reading(const void *a, const void *b)
{
	const keyed *x = a, *y = b;
	if (x->m->field != y->m->field)
		return x->m->field < y->m->field ? -1 : 1;
	if (x->m->start != y->m->start)
		return x->m->start < y->m->start ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* A group of mentions of one entity. */
typedef struct group {
	size_t first;     /* smallest index in the mention list */
	size_t from, to;  /* range of the grouped mentions */
} group;

/* A small open-addressing set of mentions (their indexes + 1, 0 empty)
 * for grouping by equal strings without sorting them: an article has
 * tens of mentions, and sorting them with strcmp took a third of the
 * tally's time. */
typedef struct index_set {
	size_t *slot;
	size_t mask;
} index_set;

/* A set with room for n entries at most half full. */
static void index_set_init(index_set *t, size_t n)
{
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	t->slot = xcalloc(cap, sizeof *t->slot);
	t->mask = cap - 1;
}

/* Where the strings of a tally list are written while it is made: its
 * pool, and per tally the offsets of its strings there, turned into
 * pointers once the pool stops moving (tally_fix). */
typedef struct pool_offsets {
	size_t canonical, spans, written; /* written: SIZE_MAX for none */
	size_t alias_from;                /* first of its aliases in alias_off */
} pool_offsets;

typedef struct tally_pool {
	strbuf s;
	size_t *alias_off; /* every alias's offset in s, tally by tally */
	size_t n_alias, cap_alias;
} tally_pool;

/* Copies string v, NUL included, into the pool; returns its offset. */
static size_t pool_add(tally_pool *pl, const char *v)
{
	size_t off = pl->s.len;
	sb_add(&pl->s, v, strlen(v) + 1);
	return off;
}

/* Adds name to t's aliases unless it is the canonical name or known. */
static void add_alias(tally_pool *pl, entity_tally *t, const pool_offsets *o, const char *name)
{
	if (strcmp(name, pl->s.s + o->canonical) == 0)
		return;
	for (size_t a = 0; a < t->n_aliases; a++)
		if (strcmp(pl->s.s + pl->alias_off[o->alias_from + a], name) == 0)
			return;
	if (pl->n_alias == pl->cap_alias) {
		pl->cap_alias = pl->cap_alias ? pl->cap_alias * 2 : 64;
		pl->alias_off = xrealloc(pl->alias_off, pl->cap_alias * sizeof *pl->alias_off);
	}
	pl->alias_off[pl->n_alias++] = pool_add(pl, name);
	t->n_aliases++;
}

/* Whether the key shrt is the last words of the key lng. */
static bool words_end(const char *shrt, const char *lng)
{
	size_t a = strlen(lng), b = strlen(shrt);
	return a > b && lng[a - b - 1] == ' ' && strcmp(lng + a - b, shrt) == 0;
}

/* The surface of mention m that names its entity: without a unit word
 * before it ("Nghệ An" of "tỉnh Nghệ An"). */
static const char *name_of(const mention *m)
{
	/* lead < strlen(surface), measuring no further than lead */
	size_t lead = m->lead;
	return m->surface + (lead && strnlen(m->surface, lead + 1) > lead ? lead : 0);
}

/* The surface that names the entity in this article (tally.h, written):
 * the most written one that is no short form of another surface of the
 * article, the first of equals. NULL when there is none. */
static const char *written_name(const keyed *k, const group *g)
{
	size_t n = g->to - g->from, nd = 0;
	/* mostly one spelling: nothing to weigh */
	bool one = true;
	for (size_t i = g->from + 1; i < g->to && one; i++)
		one = strcmp(name_of(k[i].m), name_of(k[g->from].m)) == 0;
	if (one)
		return name_of(k[g->from].m);
	const char **surf = xmalloc(n * sizeof *surf);
	size_t *count = xcalloc(n, sizeof *count);
	char **key = xcalloc(n, sizeof *key);
	for (size_t i = g->from; i < g->to; i++) {
		const char *s = name_of(k[i].m);
		size_t d = 0;
		while (d < nd && strcmp(surf[d], s) != 0)
			d++;
		if (d == nd) {
			surf[nd] = s;
			key[nd++] = entity_key(s);
		}
		count[d]++;
	}
	long best = -1;
	for (size_t d = 0; d < nd; d++) {
		bool shortform = false;
		for (size_t o = 0; o < nd && !shortform; o++)
			shortform = o != d && (words_end(key[d], key[o]) || entity_initials_of(surf[d], key[o]));
		if (!shortform && (best < 0 || count[d] > count[best]))
			best = (long)d;
	}
	const char *out = best >= 0 ? surf[best] : NULL;
	for (size_t d = 0; d < nd; d++)
		free(key[d]);
	free(key);
	free(count);
	free(surf);
	return out;
}

/* Fills one tally from the grouped mentions k[g->from, g->to), its
 * strings written to the pool (offsets in *o). Its name is the canonical
 * name of its first mention in the list; other spellings of the same key
 * ("châu Âu" beside "Châu Âu") and surfaces are aliases. */
static void tally_group(const keyed *k, const group *g, double total, entity_tally *t,
                        tally_pool *pl, pool_offsets *o)
{
	const mention *m0 = NULL;
	for (size_t i = g->from; i < g->to; i++)
		if (k[i].index == g->first)
			m0 = k[i].m;
	double weight = 0;
	t->type = m0->type;
	o->canonical = pool_add(pl, m0->canonical);
	o->alias_from = pl->n_alias;
	t->mentions = g->to - g->from;
	t->aliases = NULL;
	t->n_aliases = 0;
	t->evidence = 0;
	for (size_t i = g->from; i < g->to; i++) {
		const mention *m = k[i].m;
		weight += field_weight(m->field);
		if (m->evidence[m->type] > t->evidence)
			t->evidence = m->evidence[m->type];
		add_alias(pl, t, o, m->canonical);
		add_alias(pl, t, o, m->surface);
	}
	/* the spans after the aliases, as one string */
	strbuf *b = &pl->s;
	o->spans = b->len;
	sb_grow(b, 2 + 16 * (g->to - g->from)); /* most spans fit */
	sb_addc(b, '[');
	for (size_t i = g->from; i < g->to; i++) {
		const mention *m = k[i].m;
		if (i > g->from)
			sb_addc(b, ',');
		sb_addc(b, '[');
		sb_add_int(b, (int64_t)m->field);
		sb_addc(b, ',');
		sb_add_int(b, (int64_t)m->start);
		sb_addc(b, ',');
		sb_add_int(b, (int64_t)m->end);
		sb_addc(b, ']');
	}
	sb_addc(b, ']');
	sb_addc(b, '\0');
	t->salience = total > 0 ? weight / total : 0;
	const char *w = written_name(k, g);
	o->written = w ? pool_add(pl, w) : SIZE_MAX;
}

/* Points the tallies of out at their strings in the pool, which is
 * made and will not move again. */
static void tally_fix(tally_list *out, tally_pool *pl, const pool_offsets *o)
{
	out->pool = sb_detach(&pl->s);
	out->alias_v = pl->n_alias ? xmalloc(pl->n_alias * sizeof *out->alias_v) : NULL;
	for (size_t a = 0; a < pl->n_alias; a++)
		out->alias_v[a] = out->pool + pl->alias_off[a];
	free(pl->alias_off);
	for (size_t i = 0; i < out->n; i++) {
		entity_tally *t = &out->v[i];
		t->canonical = out->pool + o[i].canonical;
		t->spans = out->pool + o[i].spans;
		t->written = o[i].written == SIZE_MAX ? NULL : out->pool + o[i].written;
		t->aliases = t->n_aliases ? out->alias_v + o[i].alias_from : NULL;
	}
}

/* Sorts a group's mentions into reading order: by insertion when they
 * are few, as they mostly are. */
static void sort_reading(keyed *v, size_t n)
{
	if (n > 16) {
		qsort(v, n, sizeof *v, cmp_reading);
		return;
	}
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && cmp_reading(&v[j - 1], &v[j]) > 0; j--) {
			keyed tmp = v[j];
			v[j] = v[j - 1];
			v[j - 1] = tmp;
		}
}

/* Groups mentions by entity; see tally.h. */
void tally_mentions(const mention_list *ml, tally_list *out)
{
	out->v = NULL;
	out->n = 0;
	out->pool = NULL;
	out->alias_v = NULL;
	if (!ml || ml->n == 0)
		return;
	size_t n = ml->n, ng = 0;
	keyed *k = xmalloc(n * sizeof *k);
	double total = 0;
	strbuf keys; /* the keys one after the other, each NUL-terminated */
	sb_init(&keys);
	sb_grow(&keys, 16 * n); /* most fit */
	/* In list order: the key of each distinct canonical name, made once,
	 * and the group of each distinct type and key, numbered as met. */
	index_set names, entities;
	index_set_init(&names, n);
	index_set_init(&entities, n);
	for (size_t i = 0; i < n; i++) {
		const mention *m = &ml->v[i];
		k[i] = (keyed){m, 0, i, 0};
		total += field_weight(m->field);
		size_t p = (size_t)hash64(m->canonical, strlen(m->canonical)) & names.mask;
		while (names.slot[p] && strcmp(k[names.slot[p] - 1].m->canonical, m->canonical) != 0)
			p = (p + 1) & names.mask;
		if (names.slot[p]) {
			k[i].key = k[names.slot[p] - 1].key;
		} else {
			names.slot[p] = i + 1;
			k[i].key = entity_key_append(&keys, m->canonical);
			sb_addc(&keys, '\0');
		}
		const char *key = keys.s + k[i].key;
		p = (size_t)(hash64(key, strlen(key)) + (uint64_t)m->type) & entities.mask;
		for (; entities.slot[p]; p = (p + 1) & entities.mask) {
			const keyed *o = &k[entities.slot[p] - 1];
			if (o->m->type == m->type &&
			    (o->key == k[i].key || strcmp(keys.s + o->key, key) == 0))
				break;
		}
		if (entities.slot[p]) {
			k[i].group = k[entities.slot[p] - 1].group;
		} else {
			entities.slot[p] = i + 1;
			k[i].group = ng++;
		}
	}
	free(names.slot);
	free(entities.slot);
	/* Each group's mentions side by side (a counting sort, which keeps
	 * list order), then in reading order. */
	group *g = xcalloc(ng, sizeof *g);
	for (size_t i = 0; i < n; i++)
		g[k[i].group].to++;
	for (size_t gi = 0, at = 0; gi < ng; gi++) {
		size_t count = g[gi].to;
		g[gi].from = g[gi].to = at;
		at += count;
	}
	keyed *sorted = xmalloc(n * sizeof *sorted);
	for (size_t i = 0; i < n; i++) {
		group *gr = &g[k[i].group];
		if (gr->to == gr->from)
			gr->first = i;
		sorted[gr->to++] = k[i];
	}
	out->v = xcalloc(ng, sizeof *out->v);
	out->n = ng;
	tally_pool pl = {.alias_off = NULL, .n_alias = 0, .cap_alias = 0};
	sb_init(&pl.s);
	sb_grow(&pl.s, 64 * n); /* names, aliases and spans: most fit */
	pool_offsets *o = xmalloc(ng * sizeof *o);
	for (size_t gi = 0; gi < ng; gi++) {
		sort_reading(sorted + g[gi].from, g[gi].to - g[gi].from);
		tally_group(sorted, &g[gi], total, &out->v[gi], &pl, &o[gi]);
	}
	tally_fix(out, &pl, o);
	free(o);
	free(sorted);
	free(g);
	sb_free(&keys);
	free(k);
}

/* Frees a tally list. */
void tally_list_free(tally_list *l)
{
	free(l->pool);
	free(l->alias_v);
	free(l->v);
	l->v = NULL;
	l->n = 0;
	l->pool = NULL;
	l->alias_v = NULL;
}
