/* filter.c: the filter as an object (filter.h): its entities added,
 * removed, negated, found by id and described; no store is read here. */
#include "config.h"

#include "filter.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* Starts an empty filter. */
void query_filter_init(query_filter *f)
{
	memset(f, 0, sizeof *f);
}

/* Frees one entity's strings and ids. */
static void entity_free(filter_entity *e)
{
	free(e->spec);
	free(e->label);
	free(e->ids);
	memset(e, 0, sizeof *e);
}

/* Frees a filter's strings and entities. */
void query_filter_free(query_filter *f)
{
	for (size_t i = 0; i < f->n_ents; i++)
		entity_free(&f->ents[i]);
	free(f->ents);
	free(f->search);
	free(f->since);
	free(f->until);
	query_filter_init(f);
}

/* A copy of entity e (its strings and ids owned by the copy). */
static filter_entity entity_copy(const filter_entity *e)
{
	filter_entity c = *e;
	c.spec = e->spec ? xstrdup(e->spec) : NULL;
	c.label = e->label ? xstrdup(e->label) : NULL;
	c.ids = NULL;
	if (e->n_ids > 0) {
		c.ids = xmalloc((size_t)e->n_ids * sizeof *c.ids);
		memcpy(c.ids, e->ids, (size_t)e->n_ids * sizeof *c.ids);
	}
	return c;
}

/* Deep copy: the interface's jobs read their own copy on the worker. */
void query_filter_copy(query_filter *dst, const query_filter *src)
{
	query_filter_init(dst);
	if (src->n_ents) {
		dst->ents = xmalloc(src->n_ents * sizeof *dst->ents);
		dst->cap_ents = dst->n_ents = src->n_ents;
		for (size_t i = 0; i < src->n_ents; i++)
			dst->ents[i] = entity_copy(&src->ents[i]);
	}
	dst->search = src->search ? xstrdup(src->search) : NULL;
	dst->since = src->since ? xstrdup(src->since) : NULL;
	dst->until = src->until ? xstrdup(src->until) : NULL;
	dst->starred_only = src->starred_only;
	dst->unread_only = src->unread_only;
	dst->article_id = src->article_id;
	dst->order = src->order;
}

/* True when a and b (specs) name the same, any case and diacritics. */
static int same_spec(const char *a, const char *b)
{
	char *fa = text_fold(a, strlen(a), NULL);
	char *fb = text_fold(b, strlen(b), NULL);
	int same = strcmp(fa, fb) == 0;
	free(fa);
	free(fb);
	return same;
}

/* Puts e at the end, or in place of the entity that names the same;
 * returns its index. Takes e's strings. */
static size_t put_entity(query_filter *f, filter_entity e)
{
	for (size_t i = 0; i < f->n_ents; i++) {
		filter_entity *o = &f->ents[i];
		int same = e.entity ? o->entity == e.entity
		                    : !o->entity && o->spec && same_spec(o->spec, e.spec);
		if (same) {
			entity_free(o);
			*o = e;
			return i;
		}
	}
	if (f->n_ents == f->cap_ents) {
		f->cap_ents = f->cap_ents ? 2 * f->cap_ents : 4;
		f->ents = xrealloc(f->ents, f->cap_ents * sizeof *f->ents);
	}
	f->ents[f->n_ents] = e;
	return f->n_ents++;
}

/* See filter.h. */
size_t filter_add(query_filter *f, const char *spec, int negated)
{
	filter_entity e = {xstrdup(spec), 0, xstrdup(spec), -1, negated, NULL, -1};
	return put_entity(f, e);
}

/* See filter.h. */
size_t filter_add_entity(query_filter *f, int64_t entity, const char *label, int type,
                         int negated)
{
	filter_entity e = {NULL, entity, xstrdup(label ? label : ""), type, negated, NULL, -1};
	return put_entity(f, e);
}

/* See filter.h. */
size_t filter_add_copy(query_filter *f, const filter_entity *e, int negated)
{
	filter_entity c = entity_copy(e);
	c.negated = negated;
	return put_entity(f, c);
}

/* See filter.h. */
void filter_remove(query_filter *f, size_t i)
{
	if (i >= f->n_ents)
		return;
	entity_free(&f->ents[i]);
	memmove(f->ents + i, f->ents + i + 1, (f->n_ents - i - 1) * sizeof *f->ents);
	f->n_ents--;
}

/* See filter.h. */
void filter_negate(query_filter *f, size_t i)
{
	if (i < f->n_ents)
		f->ents[i].negated = !f->ents[i].negated;
}

/* See filter.h. */
void filter_clear(query_filter *f)
{
	int order = f->order;
	query_filter_free(f);
	f->order = order;
}

/* See filter.h. */
int filter_is_empty(const query_filter *f)
{
	return f->n_ents == 0 && !(f->search && !str_is_blank(f->search)) &&
	       !(f->since && *f->since) && !(f->until && *f->until) && !f->starred_only &&
	       !f->unread_only && !f->article_id;
}

/* See filter.h. */
size_t filter_count_negated(const query_filter *f)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n_ents; i++)
		n += f->ents[i].negated != 0;
	return n;
}

/* True when entity e holds id. */
static int entity_holds(const filter_entity *e, int64_t id)
{
	if (e->entity == id)
		return 1;
	for (int k = 0; k < e->n_ids; k++)
		if (e->ids[k] == id)
			return 1;
	return 0;
}

/* See filter.h. */
int filter_wants(const query_filter *f, int64_t id)
{
	for (size_t i = 0; i < f->n_ents; i++)
		if (!f->ents[i].negated && entity_holds(&f->ents[i], id))
			return 1;
	return 0;
}

/* See filter.h. */
long filter_find(const query_filter *f, int64_t id)
{
	for (size_t i = 0; i < f->n_ents; i++)
		if (entity_holds(&f->ents[i], id))
			return (long)i;
	return -1;
}

/* See filter.h. */
char *filter_describe(const query_filter *f)
{
	strbuf b;
	sb_init(&b);
	for (size_t i = 0; i < f->n_ents; i++)
		if (!f->ents[i].negated)
			sb_printf(&b, " +%s", f->ents[i].label);
	for (size_t i = 0; i < f->n_ents; i++)
		if (f->ents[i].negated)
			sb_printf(&b, " -%s", f->ents[i].label);
	if (f->search && !str_is_blank(f->search))
		sb_printf(&b, " /%s", f->search);
	if ((f->since && *f->since) || (f->until && *f->until))
		sb_printf(&b, " %s..%s", f->since ? f->since : "", f->until ? f->until : "");
	if (f->starred_only)
		sb_adds(&b, " starred");
	if (f->unread_only)
		sb_adds(&b, " unread");
	return sb_detach(&b);
}

/* See filter.h. */
void filter_set_resolved(filter_entity *e, const int64_t *ids, int n, const char *label,
                         int type)
{
	free(e->ids);
	e->ids = NULL;
	e->n_ids = n < 0 ? 0 : n;
	if (n > 0) {
		e->ids = xmalloc((size_t)n * sizeof *e->ids);
		memcpy(e->ids, ids, (size_t)n * sizeof *e->ids);
	}
	if (label) {
		free(e->label);
		e->label = xstrdup(label);
	}
	e->type = type;
}
