/* query_bits.c: the articles a filter lets through as a bitmap over
 * article ids (filter_bitmap), for facets (facets.c) and counts
 * (query.c). */
#include "config.h"

#include <string.h>

#include "docval.h"
#include "query_int.h"
#include "sqlfn.h"
#include "util.h"

/* See query_int.h. */
size_t filter_parts(const query_filter *f)
{
	return f->n_ents + FILTER_PARTS_OTHER;
}

/* See query_int.h. */
size_t filter_parts_and(const query_filter *f)
{
	return f->n_ents - filter_count_negated(f) + FILTER_PARTS_OTHER;
}

/* See query_int.h. */
const filter_entity *filter_part_entity(const query_filter *f, size_t i)
{
	size_t n_want = f->n_ents - filter_count_negated(f);
	int negated = i >= n_want + FILTER_PARTS_OTHER;
	if (!negated && i >= n_want)
		return NULL;
	size_t k = negated ? i - n_want - FILTER_PARTS_OTHER : i;
	for (size_t j = 0; j < f->n_ents; j++)
		if (!f->ents[j].negated == !negated && k-- == 0)
			return &f->ents[j];
	return NULL;
}

/* Appends the parameter a statement's lede_mark takes its bitmap from;
 * returns its number, for run_marks. */
static int bitmap_param(sql_builder *b)
{
	sqlb_int(b, 0); /* bound as a pointer by run_marks */
	return b->n;
}

/* Runs b, a statement that marks ids in bits (ids up to max_article)
 * through lede_mark with its bitmap at parameter param. 0, or -1 with
 * *err (search: the filter's search, for its error). */
static int run_marks(store *s, sql_builder *b, int param, uint64_t *bits, int64_t max_article,
		     const char *search, char **err)
{
	sqlite3_stmt *st = sqlb_prepare(s, b, err);
	sqlb_free(b);
	if (!st)
		return -1;
	sqlfn_bitmap m = {bits, max_article};
	sqlite3_bind_pointer(st, param, &m, SQLFN_BITMAP, NULL);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		*err = search_error(s, search);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* ORs into bits (ids up to max_article) the articles a one-part filter
 * lets through. 0, or -1 with *err. */
static int mark_part(store *s, const query_filter *part, uint64_t *bits, int64_t max_article,
		     char **err)
{
	sql_builder b;
	sqlb_init(&b);
	sb_adds(&b.sql, "WITH ids(id) AS (");
	filtered_ids(s, &b, part);
	sb_adds(&b.sql, ") SELECT count(lede_mark(");
	int param = bitmap_param(&b);
	sb_adds(&b.sql, ", id)) FROM ids");
	return run_marks(s, &b, param, bits, max_article, part->search, err);
}

/* See query_int.h. */
int mark_from_key(store *s, const query_key *key, uint64_t *bits, int64_t max_article, char **err)
{
	sql_builder b;
	sqlb_init(&b);
	sb_adds(&b.sql, "SELECT count(lede_mark(");
	int param = bitmap_param(&b);
	/* the list's order: newest first (date, then id, descending) */
	sb_adds(&b.sql, ", id)) FROM article WHERE (date, id) <= (");
	sqlb_text(&b, key->sortdate);
	sb_addc(&b.sql, ',');
	sqlb_int(&b, key->id);
	sb_addc(&b.sql, ')');
	return run_marks(s, &b, param, bits, max_article, NULL, err);
}

/* Makes part i of filter f alone: its entities one by one, then the
 * search, the dates, the marks and article (each part ANDed), then its
 * NOT entities one by one (each ANDed NOT, given as a positive part).
 * The parts are read apart and combined by filter_bitmap. */
static void filter_part(const query_filter *f, size_t i, query_filter *part)
{
	query_filter_init(part);
	size_t n = filter_parts_and(f) - FILTER_PARTS_OTHER;
	const filter_entity *e = filter_part_entity(f, i);
	if (e) {
		filter_add_copy(part, e, 0); /* a NOT part is given as a positive one */
	} else if (i == n) {
		part->search = search_given(f->search) ? xstrdup(f->search) : NULL;
	} else if (i == n + 1) {
		part->since = f->since ? xstrdup(f->since) : NULL;
		part->until = f->until ? xstrdup(f->until) : NULL;
	} else if (i == n + 2) {
		part->starred_only = f->starred_only;
		part->unread_only = f->unread_only;
		part->article_id = f->article_id;
	}
}

/* See query_int.h. Each part of the filter (filter_part: an entity, the
 * search, the dates) is read alone, as a range of one index, and the
 * parts are combined here a word at a time: SQLite's INTERSECT and
 * EXCEPT sort their sides, which took longer than counting the set. */
uint64_t *filter_bitmap(store *s, const query_filter *f, const unsigned char *skip,
		       int64_t max_article, char **err)
{
	size_t words = ((size_t)(max_article >> DOCVAL_CHUNK_BITS) + 1) * (DOCVAL_CHUNK / 64);
	size_t n_and = filter_parts_and(f), n_parts = filter_parts(f);
	uint64_t *bits = xcalloc(words, sizeof *bits), *one = xmalloc(words * sizeof *one);
	int have = 0, rc = 0;
	for (size_t i = 0; i < n_parts && rc == 0; i++) {
		query_filter part;
		filter_part(f, i, &part);
		if (i == n_and && !have) {
			/* no part but NOT ones: every article (those that
			 * are not have no entities to count) */
			memset(bits, 0xff, words * sizeof *bits);
			have = 1;
		}
		if (rc == 0 && !filter_is_empty(&part) && !(skip && skip[i])) {
			memset(one, 0, words * sizeof *one);
			rc = mark_part(s, &part, one, max_article, err);
			for (size_t w = 0; rc == 0 && w < words; w++) {
				if (i >= n_and)
					bits[w] &= ~one[w]; /* a NOT part */
				else
					bits[w] = have ? bits[w] & one[w] : one[w];
			}
			have |= i < n_and;
		}
		query_filter_free(&part);
	}
	if (!have)
		memset(bits, 0xff, words * sizeof *bits);
	free(one);
	if (rc) {
		free(bits);
		return NULL;
	}
	return bits;
}

