/* query_rank.c: the list in relevance order (query.h, QUERY_BY_RELEVANCE):
 * a search's articles ranked by FTS5's bm25, the title weighing most.
 * bm25 needs every match scored before the first row is known, so the
 * ranking of a filter is made once (rank_get: every match's score and id,
 * the filter's other parts applied on a bitmap, sorted) and kept in
 * memory for the process, shared by every connection to the same store
 * (the interface's worker ranks, its list pages): pages are then read by
 * key, (rank, id), with a bisection, never by OFFSET. A ranking is for
 * one filter and one state of the store (rank_stamp); the marks (starred,
 * unread) change as a person reads, so they are tested on each row
 * paged, not kept in the ranking. */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docval.h"
#include "query_int.h"
#include "util.h"

/* bm25's weights of article_fts's columns (title, lede, caption,
 * credit, body): a word in the title counts as eight in the body, so
 * that an article about the word comes before one that mentions it. */
#define RANK_WEIGHTS "8.0, 3.0, 2.0, 2.0, 1.0"

/* One ranked article. */
typedef struct ranked {
	double score; /* bm25: lower is better */
	int64_t id;
} ranked;

/* A filter's articles in relevance order, shared by reference. */
struct ranking {
	char *sig;    /* the store, its state and the filter (rank_signature) */
	ranked *v;
	size_t n;
	int refs;     /* holders, the cache included */
};

/* The last ranking made: one is kept, at most 16 bytes an article. */
static pthread_mutex_t rank_lock = PTHREAD_MUTEX_INITIALIZER;
static ranking *rank_cache;

/* See query_int.h. */
int rank_applies(const query_filter *f)
{
	return f->order == QUERY_BY_RELEVANCE && search_given(f->search);
}

/* True when the filter keeps only starred or unread articles (tested
 * per row, see above). */
static int has_marks(store *s, const query_filter *f)
{
	return s->has_state && (f->starred_only || f->unread_only);
}

/* Drops a holder of r; the last one frees it. */
void rank_release(ranking *r)
{
	if (!r)
		return;
	pthread_mutex_lock(&rank_lock);
	int last = --r->refs == 0;
	pthread_mutex_unlock(&rank_lock);
	if (last) {
		free(r->sig);
		free(r->v);
		free(r);
	}
}

/* Appends a filter entity's ids as the filter resolves them (the
 * user's merges included). */
static void sig_entity(store *s, strbuf *b, const filter_entity *e)
{
	int64_t ids[MAX_IDS];
	int n = filter_entity_ids(s, e, ids);
	sb_printf(b, "\x1f%c", e->negated ? '-' : '+');
	for (int i = 0; i < n; i++)
		sb_printf(b, "%lld,", (long long)ids[i]);
}

/* What a ranking is of: the store (its file), its state (articles, the
 * last id, and FTS5's averages row, which every change to the index
 * rewrites) and the filter but its marks. New string, or NULL when the
 * store cannot be read. */
static char *rank_signature(store *s, const query_filter *f)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT (SELECT value FROM meta WHERE key = 'articles'),"
			       " (SELECT coalesce(max(id), 0) FROM article),"
			       " (SELECT block FROM article_fts_data WHERE id = 1)",
			       -1, &st, NULL) != SQLITE_OK)
		return NULL;
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return NULL;
	}
	strbuf b;
	sb_init(&b);
	const void *avg = sqlite3_column_blob(st, 2);
	sb_printf(&b, "%s\x1f%lld\x1f%lld\x1f%llx\x1f%s", s->path,
		  (long long)sqlite3_column_int64(st, 0), (long long)sqlite3_column_int64(st, 1),
		  (unsigned long long)(avg ? hash64(avg, (size_t)sqlite3_column_bytes(st, 2)) : 0),
		  f->search);
	sqlite3_finalize(st);
	for (size_t i = 0; i < f->n_ents; i++)
		sig_entity(s, &b, &f->ents[i]);
	sb_printf(&b, "\x1f%s\x1f%s\x1f%lld", f->since ? f->since : "", f->until ? f->until : "",
		  (long long)f->article_id);
	return sb_detach(&b);
}

/* Relevance order: the better score first, then the newer id. */
static int ranked_cmp(const void *pa, const void *pb)
{
	const ranked *a = pa, *b = pb;
	if (a->score != b->score)
		return a->score < b->score ? -1 : 1;
	return a->id > b->id ? -1 : a->id < b->id;
}

/* The filter's parts but its search and marks, alone: what the matches
 * are tested against. */
static void rest_of_filter(const query_filter *f, query_filter *g)
{
	query_filter_copy(g, f);
	free(g->search);
	g->search = NULL;
	g->starred_only = g->unread_only = 0;
	g->order = QUERY_BY_DATE;
}

/* The articles the search matches with their scores, those the rest of
 * the filter lets through, in relevance order. 0, or -1 with *err. */
static int rank_make(store *s, const query_filter *f, ranking *r, char **err)
{
	query_filter g;
	rest_of_filter(f, &g);
	uint64_t *bits = NULL;
	int64_t max = 0;
	if (!filter_is_empty(&g)) {
		max = query_one_int(s, "SELECT coalesce(max(id), 0) FROM article", NULL, NULL, 0);
		bits = max >= 0 ? filter_bitmap(s, &g, NULL, max, err) : NULL;
		if (!bits) {
			if (max < 0)
				*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
			query_filter_free(&g);
			return -1;
		}
	}
	query_filter_free(&g);
	sql_builder b;
	sqlb_init(&b);
	sb_adds(&b.sql, "SELECT rowid, bm25(article_fts, " RANK_WEIGHTS ") FROM article_fts"
			" WHERE article_fts MATCH ");
	sqlb_search(&b, f->search);
	sqlite3_stmt *st = sqlb_prepare(s, &b, err);
	sqlb_free(&b);
	if (!st) {
		free(bits);
		return -1;
	}
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (bits && (id > max || !(bits[id >> 6] >> (id & 63) & 1)))
			continue;
		if (r->n == cap) {
			cap = cap ? 2 * cap : 1024;
			r->v = xrealloc(r->v, cap * sizeof *r->v);
		}
		r->v[r->n++] = (ranked){sqlite3_column_double(st, 1), id};
	}
	free(bits);
	if (rc != SQLITE_DONE) {
		*err = search_error(s, f->search);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	qsort(r->v, r->n, sizeof *r->v, ranked_cmp);
	return 0;
}

/* See query_int.h: the cached ranking when it is of this filter and
 * this state of the store, else one made now (and cached). */
ranking *rank_get(store *s, const query_filter *f, char **err)
{
	char *sig = rank_signature(s, f);
	if (!sig) {
		*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
		return NULL;
	}
	pthread_mutex_lock(&rank_lock);
	ranking *r = rank_cache && strcmp(rank_cache->sig, sig) == 0 ? rank_cache : NULL;
	if (r)
		r->refs++;
	pthread_mutex_unlock(&rank_lock);
	if (r) {
		free(sig);
		return r;
	}
	r = xcalloc(1, sizeof *r);
	r->sig = sig;
	r->refs = 1;
	if (rank_make(s, f, r, err)) {
		rank_release(r);
		return NULL;
	}
	pthread_mutex_lock(&rank_lock);
	ranking *old = rank_cache;
	rank_cache = r;
	r->refs++;
	pthread_mutex_unlock(&rank_lock);
	rank_release(old);
	return r;
}

/* Where key is in r: *at, the index of the first entry after it. The
 * key's own article is looked for by id when its score is not found (the
 * store changed and the ranking was made again), so that the list stays
 * on it; an article gone falls where its score would be. Returns 1 when
 * the key's article is at *at - 1. */
static int rank_find(const ranking *r, const query_key *key, size_t *at)
{
	ranked k = {key->rank, key->id};
	size_t lo = 0, hi = r->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ranked_cmp(&r->v[mid], &k) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < r->n && r->v[lo].id == key->id) {
		*at = lo + 1;
		return 1;
	}
	for (size_t i = 0; i < r->n; i++) {
		if (r->v[i].id == key->id) {
			*at = i + 1;
			return 1;
		}
	}
	*at = lo;
	return 0;
}

/* The statement that reads one list row by id (?1), with its marks. */
static sqlite3_stmt *row_stmt(store *s, char **err)
{
	sql_builder b;
	sqlb_init(&b);
	select_row_columns(s, &b);
	sb_adds(&b.sql, " AND a.id = ?1");
	sqlite3_stmt *st = sqlb_prepare(s, &b, err);
	sqlb_free(&b);
	return st;
}

/* See query_int.h. Rows come from the ranking's entries after the key
 * (before it when backward), read one by one by id; those the marks
 * leave out (or deleted since) are passed over. */
int rank_rows(store *s, const query_filter *f, const ranking *r, const query_key *after,
	      int backward, int limit, article_row *rows, char **err)
{
	size_t at = backward ? r->n : 0;
	if (after) {
		int found = rank_find(r, after, &at);
		if (backward && found)
			at--;
	}
	sqlite3_stmt *st = row_stmt(s, err);
	if (!st)
		return -1;
	int marks = has_marks(s, f), n = 0;
	while (n < limit && (backward ? at > 0 : at < r->n)) {
		const ranked *e = &r->v[backward ? --at : at++];
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, e->id);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			continue;
		if (rc != SQLITE_ROW) {
			*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
			for (int i = 0; i < n; i++)
				article_row_free(&rows[i]);
			sqlite3_finalize(st);
			return -1;
		}
		row_from_stmt(st, &rows[n]);
		rows[n].key.rank = e->score;
		if (marks && ((f->starred_only && !rows[n].starred) ||
			      (f->unread_only && rows[n].read))) {
			article_row_free(&rows[n]);
			continue;
		}
		n++;
	}
	sqlite3_finalize(st);
	if (backward) {
		for (int i = 0; i < n / 2; i++) {
			article_row t = rows[i];
			rows[i] = rows[n - 1 - i];
			rows[n - 1 - i] = t;
		}
	}
	return n;
}

/* See query_int.h: the entries before key (all of them without one)
 * that the marks let through. */
int64_t rank_count(store *s, const query_filter *f, const query_key *key, char **err)
{
	ranking *r = rank_get(s, f, err);
	if (!r)
		return -1;
	size_t end = r->n;
	if (key) {
		int found = rank_find(r, key, &end);
		end -= found;
	}
	int64_t n = (int64_t)end;
	if (has_marks(s, f) && end > 0) {
		query_filter m;
		query_filter_init(&m);
		m.starred_only = f->starred_only;
		m.unread_only = f->unread_only;
		int64_t max = query_one_int(s, "SELECT coalesce(max(id), 0) FROM article", NULL,
					    NULL, 0);
		uint64_t *bits = max >= 0 ? filter_bitmap(s, &m, NULL, max, err) : NULL;
		query_filter_free(&m);
		if (!bits) {
			if (max < 0)
				*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
			rank_release(r);
			return -1;
		}
		n = 0;
		for (size_t i = 0; i < end; i++) {
			int64_t id = r->v[i].id;
			n += id <= max && (bits[id >> 6] >> (id & 63) & 1);
		}
		free(bits);
	}
	rank_release(r);
	return n;
}
