/* query.c: every read of the store (see query.h): lists paged by (date,
 * id) keys so a page costs the same wherever it is, counts, marks and
 * statistics. One article with its mentions is query_article.c's. Filters become SQL in
 * query_filter.c, facets are facets.c's, the user's entity edits
 * query_edit.c's. */
#include "config.h"

#include "query_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "docval.h"
#include "text.h"
#include "util.h"


/* Copies a text column, making it safe for a terminal or TSV line. */
char *column_printable(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	return text_printable(t ? t : "");
}

/* Columns of a list row; marks come from the state database when any. */
void select_row_columns(store *s, sql_builder *b)
{
	if (s->has_state)
		sb_adds(&b->sql,
			"SELECT a.id, a.date, a.title, a.source,"
			" coalesce(m.read, 0), coalesce(m.starred, 0)"
			" FROM article a LEFT JOIN state.mark m ON m.hash = a.hash WHERE 1");
	else
		sb_adds(&b->sql, "SELECT a.id, a.date, a.title, a.source, 0, 0"
				 " FROM article a WHERE 1");
}

/* Fills a row from the current result of a list statement. */
void row_from_stmt(sqlite3_stmt *st, article_row *r)
{
	memset(r, 0, sizeof *r);
	r->id = sqlite3_column_int64(st, 0);
	const char *d = (const char *)sqlite3_column_text(st, 1);
	snprintf(r->date, sizeof r->date, "%s", d ? d : "");
	memcpy(r->key.sortdate, r->date, sizeof r->date);
	r->key.id = r->id;
	r->title = column_printable(st, 2);
	r->source = column_dup(st, 3);  /* raw: escaped by whoever shows it */
	r->read = sqlite3_column_int(st, 4);
	r->starred = sqlite3_column_int(st, 5);
}

/* Frees a row's strings. */
void article_row_free(article_row *r)
{
	free(r->title);
	free(r->source);
	r->title = r->source = NULL;
}

/* Appends the condition that a row comes after key in list order (before
 * it when backward). */
static void where_after(sql_builder *b, const query_key *key, int backward)
{
	sb_adds(&b->sql, backward ? " AND (a.date, a.id) > (" : " AND (a.date, a.id) < (");
	sqlb_text(b, key->sortdate);
	sb_addc(&b->sql, ',');
	sqlb_int(b, key->id);
	sb_addc(&b->sql, ')');
}

/* One page of the list by key, as query_page; *sorted (when not NULL)
 * says whether SQLite sorted the rows, that is read a set whole and
 * sorted it, rather than walking the date index. */
static int page_of(store *s, const query_filter *f, const query_key *after, int backward,
		   int limit, article_row *rows, int *sorted, char **err)
{
	sql_builder b;
	sqlb_init(&b);
	select_row_columns(s, &b);
	where_filter(s, &b, f, WHERE_PAGE);
	if (after)
		where_after(&b, after, backward);
	sb_adds(&b.sql, backward ? " ORDER BY a.date ASC, a.id ASC LIMIT "
				 : " ORDER BY a.date DESC, a.id DESC LIMIT ");
	sqlb_int(&b, limit);
	sqlite3_stmt *st = sqlb_prepare(s, &b, err);
	sqlb_free(&b);
	if (!st)
		return -1;
	int n = 0, rc;
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		row_from_stmt(st, &rows[n++]);
	if (n < limit && rc != SQLITE_DONE) {
		*err = search_error(s, f->search);
		for (int i = 0; i < n; i++)
			article_row_free(&rows[i]);
		sqlite3_finalize(st);
		return -1;
	}
	if (sorted)
		*sorted = sqlite3_stmt_status(st, SQLITE_STMTSTATUS_SORT, 0) > 0;
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

/* One page of the list by key; see query.h. */
int query_page(store *s, const query_filter *f, const query_key *after, int backward, int limit,
	       article_row *rows, char **err)
{
	if (rank_applies(f)) {
		ranking *r = rank_get(s, f, err);
		int n = r ? rank_rows(s, f, r, after, backward, limit, rows, err) : -1;
		rank_release(r);
		return n;
	}
	return page_of(s, f, after, backward, limit, rows, NULL, err);
}

/* Runs a single-integer query built from the filter. */
static int64_t count_where(store *s, const query_filter *f, const query_key *before, char **err)
{
	sql_builder b;
	sqlb_init(&b);
	int64_t ids[MAX_IDS];
	if (!before && set_applies(f) && f->n_ents == 1 && !f->ents[0].negated &&
	    !search_given(f->search) && filter_entity_ids(s, &f->ents[0], ids) == 1) {
		/* One entity: its articles, counted on the entity index alone. */
		sb_adds(&b.sql, "SELECT count(*) FROM article_entity WHERE entity_id = ");
		sqlb_int(&b, ids[0]);
	} else if (!before && set_applies(f)) {
		sb_adds(&b.sql, "SELECT count(*) FROM (");
		set_select(s, &b, f);
		sb_adds(&b.sql, ")");
	} else {
		sb_adds(&b.sql, "SELECT count(*) FROM article a WHERE 1");
		where_filter(s, &b, f, WHERE_SET);
	}
	if (before) {
		sb_adds(&b.sql, " AND (a.date, a.id) > (");
		sqlb_text(&b, before->sortdate);
		sb_addc(&b.sql, ',');
		sqlb_int(&b, before->id);
		sb_addc(&b.sql, ')');
	}
	sqlite3_stmt *st = sqlb_prepare(s, &b, err);
	sqlb_free(&b);
	if (!st)
		return -1;
	int64_t n = -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		*err = search_error(s, f->search);
	sqlite3_finalize(st);
	return n;
}

/* True when a filter has a part that lets articles through (anything
 * but NOT entities). */
static int filter_has_positive(const query_filter *f)
{
	return f->n_ents > filter_count_negated(f) || search_given(f->search) || (f->since && *f->since) ||
	       (f->until && *f->until) || f->starred_only || f->unread_only || f->article_id;
}

/* Counts a filter of several parts, or of NOT entities, on the bitmap
 * of its articles (filter_bitmap): INTERSECT and EXCEPT sorted their
 * sides (0.3-0.5 s at a million articles). Without a part that lets
 * articles through, the bitmap starts from every id: the ids that are
 * no article (max(id) less the count kept in meta) come off. */
static int64_t count_bits(store *s, const query_filter *f, const query_key *before, char **err)
{
	int own = sqlite3_get_autocommit(s->db);
	if (own && sqlite3_exec(s->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	int64_t n = -1;
	int64_t max = query_one_int(s, "SELECT coalesce(max(id), 0) FROM article", NULL, NULL, 0);
	int64_t articles =
		query_one_int(s, "SELECT value FROM meta WHERE key = 'articles'", NULL, NULL, 0);
	uint64_t *bits = max >= 0 && articles >= 0 ? filter_bitmap_exact(s, f, max, err) : NULL;
	uint64_t *later = NULL;
	if (bits && before) {
		/* the articles at the key and after it leave the count */
		size_t words = ((size_t)(max >> DOCVAL_CHUNK_BITS) + 1) * (DOCVAL_CHUNK / 64);
		later = xcalloc(words, sizeof *later);
		if (mark_from_key(s, before, later, max, err)) {
			free(bits);
			bits = NULL;
		} else {
			for (size_t w = 0; w < words; w++)
				bits[w] &= ~later[w];
		}
		free(later);
	}
	if (bits) {
		n = 0;
		for (int64_t w = 0; w <= max >> 6; w++) {
			uint64_t word = bits[w];
			if (w == 0)
				word &= ~(uint64_t)1; /* no article 0 */
			if (w == max >> 6 && (max & 63) != 63)
				word &= ((uint64_t)1 << ((max & 63) + 1)) - 1;
			n += __builtin_popcountll(word);
		}
		if (!filter_has_positive(f))
			n -= max - articles;
		free(bits);
	} else if (max < 0 || articles < 0) {
		*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
	}
	if (own)
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	return n;
}

/* Counts the filtered rows. */
int64_t query_count(store *s, const query_filter *f, char **err)
{
	/* In relevance order the count is the ranking's (made here: the
	 * interface counts on its worker, and its pages then find it made). */
	if (rank_applies(f))
		return rank_count(s, f, NULL, err);
	if (filter_is_empty(f)) {
		/* The whole store: the count store.c keeps at each commit. */
		int64_t n = query_one_int(s, "SELECT value FROM meta WHERE key = 'articles'", NULL, NULL, 0);
		if (n >= 0)
			return n;
	}
	/* One entity, one search or a date range alone is one range of one
	 * index. */
	size_t parts = f->n_ents + (search_given(f->search) ? 1 : 0) +
		       ((f->since && *f->since) || (f->until && *f->until)) +
		       (f->starred_only || f->unread_only || f->article_id);
	if (parts > 1 || filter_count_negated(f))
		return count_bits(s, f, NULL, err);
	return count_where(s, f, NULL, err);
}

/* True when the cursor's index is counted on bitmaps (count_bits): a
 * filter of several parts or of NOT entities, a search, or an entity in
 * at least 1/32 of the store. Counting the rows before the key in SQL
 * probes each of the filter's articles (seconds for half a million);
 * the bitmaps read the filter's parts and the articles after the key by
 * their indexes. A small set is faster in SQL. */
static int index_on_bits(store *s, const query_filter *f)
{
	size_t parts = f->n_ents + (search_given(f->search) ? 1 : 0) +
		       ((f->since && *f->since) || (f->until && *f->until)) +
		       (f->starred_only || f->unread_only || f->article_id);
	if (parts > 1 || filter_count_negated(f) || search_given(f->search))
		return 1;
	if (f->n_ents != 1)
		return 0;
	int64_t ids[MAX_IDS];
	int n = filter_entity_ids(s, &f->ents[0], ids);
	int64_t max = query_one_int(s, "SELECT coalesce(max(id), 0) FROM article", NULL, NULL, 0);
	return n > 0 && max > 0 && entity_articles(s, ids, n) >= max / 32;
}

/* Counts the filtered rows that come before key in list order. */
int64_t query_index_of(store *s, const query_filter *f, const query_key *key, char **err)
{
	if (rank_applies(f))
		return rank_count(s, f, key, err);
	return index_on_bits(s, f) ? count_bits(s, f, key, err) : count_where(s, f, key, err);
}

/* How query_each_page reads the list: first pages as the interface's
 * (query_page), of EACH_PAGE_FIRST rows growing fourfold to
 * EACH_PAGE_WALKED, so that the first rows come at once and a reader that
 * wants only those (`| head`) is served and gone; then the rest in one
 * statement that reads the filter's sets whole (WHERE_SET), handed on in
 * pages of EACH_PAGE_MAX. Walking the date index with a probe per article
 * is the fast way to a page but the slow way through a whole list: all of
 * a common search's 100,000 articles took ten times as long. A page that
 * was sorted (a small set, read whole for the page) goes to the rest at
 * once: each page would read the set again. */
#define EACH_PAGE_FIRST 64
#define EACH_PAGE_WALKED 256
#define EACH_PAGE_MAX 1024

/* Streams the rows after key in list order to fn, a page of rows at a
 * time (query_each_page's rest). 0, or -1 with *err. */
static int each_rest(store *s, const query_filter *f, const query_key *after, article_row *rows,
		     query_page_fn fn, void *ctx, char **err)
{
	sql_builder b;
	sqlb_init(&b);
	select_row_columns(s, &b);
	where_filter(s, &b, f, WHERE_SET);
	where_after(&b, after, 0);
	sb_adds(&b.sql, " ORDER BY a.date DESC, a.id DESC");
	sqlite3_stmt *st = sqlb_prepare(s, &b, err);
	sqlb_free(&b);
	if (!st)
		return -1;
	int n = 0, rc, stop = 0;
	while (!stop && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		row_from_stmt(st, &rows[n++]);
		if (n == EACH_PAGE_MAX) {
			stop = fn(ctx, rows, n);
			for (int i = 0; i < n; i++)
				article_row_free(&rows[i]);
			n = 0;
		}
	}
	if (!stop && rc == SQLITE_DONE && n)
		fn(ctx, rows, n);
	for (int i = 0; i < n; i++)
		article_row_free(&rows[i]);
	if (!stop && rc != SQLITE_DONE) {
		*err = search_error(s, f->search);
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Streams the list in relevance order to fn, pages of EACH_PAGE_MAX
 * rows of one ranking. 0, or -1 with *err. */
static int each_ranked(store *s, const query_filter *f, article_row *rows, query_page_fn fn,
		       void *ctx, char **err)
{
	ranking *r = rank_get(s, f, err);
	if (!r)
		return -1;
	query_key key;
	int n, rc = 0;
	for (const query_key *after = NULL;; after = &key) {
		n = rank_rows(s, f, r, after, 0, EACH_PAGE_MAX, rows, err);
		if (n < 0) {
			rc = -1;
			break;
		}
		int stop = n > 0 && fn(ctx, rows, n);
		if (n > 0)
			key = rows[n - 1].key;
		for (int i = 0; i < n; i++)
			article_row_free(&rows[i]);
		if (stop || n < EACH_PAGE_MAX)
			break;
	}
	rank_release(r);
	return rc;
}

/* Streams the filtered list page by page; see query.h. One read
 * transaction, so that every page sees the same store. */
int query_each_page(store *s, const query_filter *f, query_page_fn fn, void *ctx, char **err)
{
	int began = sqlite3_get_autocommit(s->db) && store_read_begin(s) == 0;
	article_row *rows = xmalloc(EACH_PAGE_MAX * sizeof *rows);
	if (rank_applies(f)) {
		int rc = each_ranked(s, f, rows, fn, ctx, err);
		free(rows);
		if (began)
			store_read_end(s);
		return rc;
	}
	query_key key;
	int limit = EACH_PAGE_FIRST, rc = 0;
	for (const query_key *after = NULL;;) {
		int sorted = 0;
		int n = page_of(s, f, after, 0, limit, rows, &sorted, err);
		if (n < 0) {
			rc = -1;
			break;
		}
		int stop = n > 0 && fn(ctx, rows, n);
		if (n > 0)
			key = rows[n - 1].key;
		for (int i = 0; i < n; i++)
			article_row_free(&rows[i]);
		if (stop || n < limit)
			break;
		after = &key;
		if (sorted || limit == EACH_PAGE_WALKED) {
			rc = each_rest(s, f, &key, rows, fn, ctx, err);
			break;
		}
		limit *= 4;
	}
	free(rows);
	if (began)
		store_read_end(s);
	return rc;
}

/* What query_each hands its pages' rows to. */
typedef struct each_rows {
	query_row_fn fn;
	void *ctx;
} each_rows;

/* Passes a page's rows one by one; non-zero when fn said stop. */
static int each_row_of_page(void *ctx, const article_row *rows, int n)
{
	each_rows *e = ctx;
	for (int i = 0; i < n; i++)
		if (e->fn(e->ctx, &rows[i]))
			return 1;
	return 0;
}

/* Streams every filtered row in list order to fn. */
int query_each(store *s, const query_filter *f, query_row_fn fn, void *ctx, char **err)
{
	each_rows e = {fn, ctx};
	return query_each_page(s, f, each_row_of_page, &e, err);
}

/* See query.h. */
void query_all_entities(store *s, int all)
{
	s->all_entities = all;
}


/* Sets one mark column for the article's content hash. */
static int set_mark(store *s, int64_t id, const char *column, int value)
{
	if (!s->has_state)
		return -1;
	char *sql = xasprintf("INSERT INTO state.mark(hash, %s) SELECT hash, ?2 FROM article"
			      " WHERE id = ?1 ON CONFLICT(hash) DO UPDATE SET %s = excluded.%s",
			      column, column, column);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, value ? 1 : 0);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Marks an article read or unread for this user. */
int query_set_read(store *s, int64_t id, int read)
{
	return set_mark(s, id, "read", read);
}

/* Stars or unstars an article for this user. */
int query_set_starred(store *s, int64_t id, int starred)
{
	return set_mark(s, id, "starred", starred);
}

/* Counts for `lede stats`. */
int query_stats(store *s, store_stats *st, char **err)
{
	memset(st, 0, sizeof *st);
	static const char sql[] =
		"SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM file),"
		" (SELECT count(*) FROM entity WHERE articles > 0),"
		" (SELECT coalesce(sum(mentions), 0) FROM entity),"
		" (SELECT count(*) FROM entity WHERE articles > 0 AND type = 'PER'),"
		" (SELECT count(*) FROM entity WHERE articles > 0 AND type = 'ORG'),"
		" (SELECT count(*) FROM entity WHERE articles > 0 AND type = 'LOC'),"
		" (SELECT min(date) FROM article WHERE date <> ''),"
		" (SELECT max(date) FROM article)";
	/* With edits: entities as the user sees them (merged ones once,
	 * hidden ones not, retyped ones under their new type). */
	static const char sql_edited[] =
		"WITH eff(t) AS (SELECT coalesce(x.type, e.type) FROM entity e"
		"  LEFT JOIN temp.entity_eff x ON x.id = e.id"
		"  WHERE (e.articles > 0 OR coalesce(x.merged, 0))"
		"  AND (x.id IS NULL OR (x.canon = x.id AND NOT x.hidden)))"
		"SELECT (SELECT count(*) FROM article), (SELECT count(*) FROM file),"
		" (SELECT count(*) FROM eff),"
		" (SELECT coalesce(sum(mentions), 0) FROM entity),"
		" (SELECT count(*) FROM eff WHERE t = 'PER'),"
		" (SELECT count(*) FROM eff WHERE t = 'ORG'),"
		" (SELECT count(*) FROM eff WHERE t = 'LOC'),"
		" (SELECT min(date) FROM article WHERE date <> ''),"
		" (SELECT max(date) FROM article)";
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(s->db, query_edits_active(s) ? sql_edited : sql, -1, &q, NULL) !=
	    SQLITE_OK) {
		*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	if (sqlite3_step(q) == SQLITE_ROW) {
		st->articles = sqlite3_column_int64(q, 0);
		st->files = sqlite3_column_int64(q, 1);
		st->entities = sqlite3_column_int64(q, 2);
		st->mentions = sqlite3_column_int64(q, 3);
		st->per = sqlite3_column_int64(q, 4);
		st->org = sqlite3_column_int64(q, 5);
		st->loc = sqlite3_column_int64(q, 6);
		const char *o = (const char *)sqlite3_column_text(q, 7);
		const char *n = (const char *)sqlite3_column_text(q, 8);
		snprintf(st->oldest, sizeof st->oldest, "%s", o ? o : "");
		snprintf(st->newest, sizeof st->newest, "%s", n ? n : "");
	}
	sqlite3_finalize(q);
	if (s->has_state &&
	    sqlite3_prepare_v2(s->db,
			       "SELECT count(*) FILTER (WHERE m.read), count(*) FILTER (WHERE m.starred)"
			       " FROM state.mark m JOIN article a ON a.hash = m.hash",
			       -1, &q, NULL) == SQLITE_OK) {
		if (sqlite3_step(q) == SQLITE_ROW) {
			st->read = sqlite3_column_int64(q, 0);
			st->starred = sqlite3_column_int64(q, 1);
		}
		sqlite3_finalize(q);
	}
	struct stat sb;
	if (stat(s->path, &sb) == 0)
		st->db_bytes = sb.st_size;
	char *wal = xasprintf("%s-wal", s->path);
	if (stat(wal, &sb) == 0)
		st->db_bytes += sb.st_size;
	free(wal);
	return 0;
}

/* True when another connection committed since the last call. A reader
 * of a shared store that may not write its -shm reads the log itself
 * while no writer is connected, and SQLite then counts every read as a
 * change (it cannot know better): the store's count of commits says
 * whether there was one. */
int query_store_changed(store *s)
{
	int64_t v = query_one_int(s, "PRAGMA data_version", NULL, NULL, 0);
	int first = !s->data_version;
	/* A failed read (a writer busy with the index) is asked again at
	 * the next poll. */
	if (v < 0 || (!first && v == s->data_version))
		return 0;
	s->data_version = v;
	int64_t commits = query_one_int(
		s, "SELECT coalesce((SELECT value FROM meta WHERE key = 'commits'), 0)", NULL, NULL, 0);
	if (commits < 0) {
		s->data_version = first ? 0 : -1;  /* ask again next time */
		return 0;
	}
	int changed = !first && commits != s->seen_commits;
	s->seen_commits = commits;
	return changed;
}
