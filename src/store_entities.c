/* store_entities.c: an article's entities written at ingest: each
 * tally found or added as an entity (its alias, its name vote), the
 * article's rows in article_entity, and the entities' counts kept in
 * memory as deltas until the commit writes them (store_flush_deltas) and
 * marks the entities touched for retyping (store_type.c). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "tally.h"
#include "text.h"
#include "util.h"

/* Records name as an alias of entity id, once per store session. */
static void add_alias(store_private *p, int64_t id, const char *name)
{
	sb_clear(&p->scratch);
	sb_add_int(&p->scratch, id);
	sb_addc(&p->scratch, '\x1f');
	sb_adds(&p->scratch, name);
	int64_t *seen = sm_ref(&p->aliases, p->scratch.s);
	if (*seen)
		return;
	*seen = 1;
	char *fold = text_fold(name, strlen(name), NULL);
	sqlite3_stmt *st = store_write_stmt(&p->pub, ST_ALIAS_INSERT);
	if (st) {
		sqlite3_bind_text(st, 1, fold, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	free(fold);
}

/* The id of the entity of this type and key, added under name when the
 * store has none. A lookup and a plain insert, not an upsert: ON
 * CONFLICT DO UPDATE keeps a statement journal, a copy of each page the
 * statement changes that the transaction had changed before; on a
 * corpus naming many people, that was half a gigabyte of temporary file
 * writes per 10,000 articles. */
static int64_t entity_find_or_add(store *s, const char *type, const char *key, const char *name)
{
	sqlite3_stmt *st = store_write_stmt(s, ST_ENTITY_BY_KEY);
	if (!st)
		return 0;
	int64_t id = 0;
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (id)
		return id;
	st = store_write_stmt(s, ST_ENTITY_INSERT);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(s->db);
	sqlite3_reset(st);
	/* "Prince Charles" lends "Charles" to no partial name */
	if (id && strcmp(type, "PER") == 0 && strchr(key, ' ') && !entity_title_len(name) &&
	    store_link_new((store_private *)s, id, key) != 0)
		id = 0;
	return id;
}

/* The entity id of a tally, made on first sight, with its names recorded
 * as aliases; 0 on failure. Aliases are looked up by fold (case and
 * diacritics), so `lede list --entity putin` finds "Vladimir Putin". */
static int64_t entity_for_tally(store *s, const entity_tally *t)
{
	store_private *p = (store_private *)s;
	sb_clear(&p->scratch);
	sb_add_int(&p->scratch, (int64_t)t->type);
	sb_addc(&p->scratch, '\x1f');
	sb_adds(&p->scratch, t->canonical);
	int64_t id = sm_get(&p->entity_ids, p->scratch.s);
	if (!id) {
		char *cache_key = xstrdup(p->scratch.s);
		char *key = entity_key(t->canonical);
		/* "Obama" is the corpus's only "Barack Obama" (store_link.c),
		 * when the article's cues make "Obama" a person */
		id = t->type == ENT_PER   ? store_link_partial(p, key, t->canonical, t->evidence)
		     : t->type == ENT_ORG ? store_link_acronym(p, key, t->canonical)
		                          : 0;
		if (!id)
			id = entity_find_or_add(s, entity_type_name(t->type), key, t->canonical);
		if (id) {
			sm_put(&p->entity_ids, cache_key, id);
			add_alias(p, id, t->canonical);
		}
		free(key);
		free(cache_key);
		if (!id)
			return 0;
	}
	for (size_t a = 0; a < t->n_aliases; a++) {
		add_alias(p, id, t->aliases[a]);
		if (t->type == ENT_ORG)
			store_link_acronym_seen(p, id, t->aliases[a], t->canonical);
	}
	if (t->written)
		store_names_vote(p, id, t->written, strcmp(t->written, t->canonical) != 0);
	return id;
}

/* Adds an article's row to the counts of entity id that the next commit
 * writes: its mentions, and its evidence for the type (0: guessed). */
static void add_delta(store_private *p, int64_t id, int64_t mentions, int64_t evidence)
{
	sb_clear(&p->scratch);
	sb_add_int(&p->scratch, id);
	int64_t *slot = sm_ref(&p->delta_index, p->scratch.s);
	if (!*slot) {
		if (p->n_deltas == p->cap_deltas) {
			p->cap_deltas = p->cap_deltas ? p->cap_deltas * 2 : 256;
			p->deltas = xrealloc(p->deltas, p->cap_deltas * sizeof *p->deltas);
		}
		p->deltas[p->n_deltas] = (struct entity_delta){id, 0, 0, 0, 0};
		*slot = (int64_t)++p->n_deltas;
	}
	int64_t k = *slot;
	p->deltas[k - 1].articles++;
	p->deltas[k - 1].mentions += mentions;
	p->deltas[k - 1].evidence += evidence;
	p->deltas[k - 1].guessed += evidence == 0;
}

/* Forgets the pending counts (after they are written, or rolled back). */
void store_clear_deltas(store_private *p)
{
	p->n_deltas = 0;
	sm_free(&p->delta_index);
}

/* Remembers entity id for the retyping at commit (store_type.c). */
static void touch(store_private *p, int64_t id)
{
	if (p->n_touched == p->cap_touched) {
		p->cap_touched = p->cap_touched ? p->cap_touched * 2 : 256;
		p->touched = xrealloc(p->touched, p->cap_touched * sizeof *p->touched);
	}
	p->touched[p->n_touched++] = id;
}

/* Writes the pending entity counts; part of the transaction. */
int store_flush_deltas(store_private *p)
{
	int rc = 0;
	for (size_t i = 0; i < p->n_deltas && rc == 0; i++) {
		sqlite3_stmt *st = store_write_stmt(&p->pub, ST_ENTITY_COUNT_ADD);
		if (!st)
			return -1;
		touch(p, p->deltas[i].id);
		sqlite3_bind_int64(st, 1, p->deltas[i].id);
		sqlite3_bind_int64(st, 2, p->deltas[i].articles);
		sqlite3_bind_int64(st, 3, p->deltas[i].mentions);
		sqlite3_bind_int64(st, 4, p->deltas[i].evidence);
		sqlite3_bind_int64(st, 5, p->deltas[i].guessed);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = -1;
		sqlite3_reset(st);
	}
	store_clear_deltas(p);
	return rc;
}



/* The entity of a tally under its own key, never a full name it is
 * linked to; 0 on failure. */
static int64_t own_entity(store *s, const entity_tally *t)
{
	char *key = entity_key(t->canonical);
	int64_t id = entity_find_or_add(s, entity_type_name(t->type), key, t->canonical);
	if (id)
		add_alias((store_private *)s, id, t->canonical);
	free(key);
	return id;
}

/* The entity ids of an article's tallies (a new array), NULL on failure.
 * Two tallies on one entity: a partial name linked across articles
 * (store_link.c) to a full name the article writes apart from it, which
 * the article did not link it to; each then keeps its own. */
static int64_t *entity_ids_of(store *s, const tally_list *tl)
{
	if (!tl->n)
		return NULL;
	int64_t *ids = xmalloc(tl->n * sizeof *ids);
	for (size_t j = 0; j < tl->n; j++) {
		ids[j] = entity_for_tally(s, &tl->v[j]);
		for (size_t i = 0; i < j && ids[j]; i++)
			if (ids[i] == ids[j]) {
				ids[i] = own_entity(s, &tl->v[i]);
				ids[j] = own_entity(s, &tl->v[j]);
				if (!ids[i] || ids[i] == ids[j])
					ids[j] = 0;
				break;
			}
		if (!ids[j]) {
			free(ids);
			return NULL;
		}
	}
	return ids;
}

/* Rows of article_entity written by one statement: an article has tens
 * of entities, and each execution of a statement costs about as much as
 * the insert itself. */
#define ENTITY_ROWS_PER_INSERT 8

/* An article's row for tally t, to be written (put_tallies). */
typedef struct entity_row {
	int64_t id;
	const entity_tally *t;
} entity_row;

/* Orders rows by entity id (qsort). */
static int cmp_row_id(const void *a, const void *b)
{
	int64_t x = ((const entity_row *)a)->id, y = ((const entity_row *)b)->id;
	return x < y ? -1 : x > y;
}

/* Sorts rows by entity id: by insertion when they are few, as an
 * article's mostly are (tens). */
static void sort_rows(entity_row *v, size_t n)
{
	if (n > 64) {
		qsort(v, n, sizeof *v, cmp_row_id);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		entity_row r = v[i];
		size_t j = i;
		for (; j > 0 && v[j - 1].id > r.id; j--)
			v[j] = v[j - 1];
		v[j] = r;
	}
}

/* Stores the entities of a new article: a row per entity with its
 * mentions' spans; their counts are added at commit. The rows go in
 * order of entity id: each then ends the article's part of the primary
 * key, where SQLite appends without a search. */
int store_put_tallies(store *s, int64_t article_id, const tally_list *tl)
{
	int64_t *all = entity_ids_of(s, tl);
	if (!all && tl->n)
		return -1;
	entity_row *rows_v = xmalloc((tl->n ? tl->n : 1) * sizeof *rows_v);
	for (size_t j = 0; j < tl->n; j++)
		rows_v[j] = (entity_row){all[j], &tl->v[j]};
	sort_rows(rows_v, tl->n);
	int rc = 0;
	for (size_t k = 0; k < tl->n && rc == 0;) {
		/* eight rows a statement, the rest four, two and one at a time
		 * (a row a statement, the rest took about four statements) */
		size_t left = tl->n - k;
		size_t rows = left >= ENTITY_ROWS_PER_INSERT ? ENTITY_ROWS_PER_INSERT
		              : left >= 4                    ? 4
		              : left >= 2                    ? 2
		                                             : 1;
		sqlite3_stmt *st = store_write_stmt(s, rows == 8   ? ST_ARTICLE_ENTITY_INSERT8
		                               : rows == 4 ? ST_ARTICLE_ENTITY_INSERT4
		                               : rows == 2 ? ST_ARTICLE_ENTITY_INSERT2
		                                           : ST_ARTICLE_ENTITY_INSERT);
		if (!st) {
			rc = -1;
			break;
		}
		sqlite3_bind_int64(st, 1, article_id);
		for (size_t r = 0; r < rows; r++) {
			const entity_tally *t = rows_v[k + r].t;
			int base = 2 + 6 * (int)r;
			sqlite3_bind_int64(st, base, rows_v[k + r].id);
			sqlite3_bind_int64(st, base + 1, (int64_t)t->mentions);
			sqlite3_bind_double(st, base + 2, t->salience);
			sqlite3_bind_text(st, base + 3, t->spans, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, base + 4, t->evidence);
			if (t->evidence == 0)
				sqlite3_bind_text(st, base + 5, entity_type_name(t->type), -1,
						  SQLITE_STATIC);
		}
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = -1;
		sqlite3_reset(st);
		k += rows;
	}
	/* the counts in the article's own order, as they were written */
	for (size_t j = 0; j < tl->n && rc == 0; j++)
		add_delta((store_private *)s, all[j], (int64_t)tl->v[j].mentions, tl->v[j].evidence);
	free(rows_v);
	free(all);
	return rc;
}
