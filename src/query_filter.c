/* query_filter.c: the filter as SQL (see query.h, query_filter): the
 * statement builder with bound parameters, the WHERE clause of lists
 * and counts (probing a page's articles or building the set first), the
 * compound SELECT over the indexes alone, and the user's search turned
 * into an FTS5 expression, checked, and its errors made readable. */
#include "config.h"

#include "query_int.h"

#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* Starts an empty statement. */
void sqlb_init(sql_builder *b)
{
	sb_init(&b->sql);
	b->n = 0;
	sl_init(&b->owned);
}

/* Frees the statement text and owned strings. */
void sqlb_free(sql_builder *b)
{
	sb_free(&b->sql);
	sl_free(&b->owned);
}

/* Adds a text parameter (copied) and its '?' to the SQL. */
void sqlb_text(sql_builder *b, const char *s)
{
	if (b->n >= (int)(sizeof b->p / sizeof b->p[0]))
		return;
	sl_push(&b->owned, s);
	b->p[b->n++] = (sql_param){0, 0, b->owned.v[b->owned.n - 1]};
	sb_adds(&b->sql, "?");
}

/* Adds an integer parameter and its '?' to the SQL. */
void sqlb_int(sql_builder *b, int64_t v)
{
	if (b->n >= (int)(sizeof b->p / sizeof b->p[0]))
		return;
	b->p[b->n++] = (sql_param){1, v, NULL};
	sb_adds(&b->sql, "?");
}

/* Prepares the built statement and binds its parameters. */
sqlite3_stmt *sqlb_prepare(store *s, sql_builder *b, char **err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, b->sql.s, -1, &st, NULL) != SQLITE_OK) {
		if (err)
			*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
		return NULL;
	}
	for (int i = 0; i < b->n; i++) {
		if (b->p[i].is_int)
			sqlite3_bind_int64(st, i + 1, b->p[i].i);
		else
			sqlite3_bind_text(st, i + 1, b->p[i].s, -1, SQLITE_TRANSIENT);
	}
	return st;
}

/* Adds ids as a comma-separated list of integer parameters. */
static void sqlb_ids(sql_builder *b, const int64_t *ids, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			sb_addc(&b->sql, ',');
		sqlb_int(b, ids[i]);
	}
}

/* Sets of at least this many articles are probed when paging: about
 * sqrt(page * store size) for a page of 60 rows and a million articles,
 * where walking the date index and building the set cost alike. */
#define PROBE_MIN_ARTICLES 8000

/* Appends a condition that the article mentions (or, negated, does not
 * mention) any of ids; probe: as an EXISTS per article walked. */
static void where_entity(sql_builder *b, const int64_t *ids, int n, int negate, int probe)
{
	if (probe)
		sb_adds(&b->sql, negate ? " AND NOT EXISTS (SELECT 1 FROM article_entity pe"
					  " WHERE pe.article_id = a.id AND pe.entity_id IN ("
					: " AND EXISTS (SELECT 1 FROM article_entity pe"
					  " WHERE pe.article_id = a.id AND pe.entity_id IN (");
	else
		sb_adds(&b->sql, negate ? " AND a.id NOT IN (SELECT article_id FROM article_entity"
					  " WHERE entity_id IN ("
					: " AND a.id IN (SELECT article_id FROM article_entity"
					  " WHERE entity_id IN (");
	sqlb_ids(b, ids, n);
	sb_adds(&b->sql, "))");
}

/* Runs a one-integer statement with up to two bound values (int64 when
 * text is NULL); -1 on error. */
int64_t query_one_int(store *s, const char *sql, const char *text, const int64_t *ids, int n)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (text)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	for (int i = 0; ids && i < n; i++)
		sqlite3_bind_int64(st, i + 1, ids[i]);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Articles mentioning any of ids (an upper bound: the entities' own
 * counts added up). */
int64_t entity_articles(store *s, const int64_t *ids, int n)
{
	int64_t total = 0;
	for (int i = 0; i < n; i++) {
		int64_t k = query_one_int(s, "SELECT articles FROM entity WHERE id = ?1", NULL, &ids[i], 1);
		total += k > 0 ? k : 0;
	}
	return total;
}

/* True for a byte FTS5 accepts in a bareword: ASCII letters, digits,
 * '_', and any byte of a non-ASCII character. */
static int fts_bareword_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_';
}

/* Turns what a person types into an FTS5 expression: quoted phrases,
 * parentheses, AND/OR/NOT/NEAR, prefix '*', '^' and column filters pass
 * through, but a word FTS5 would refuse as a bareword ("covid-19",
 * "O'Brien", "U.S.") becomes a quoted string, which our tokenizer splits
 * like the text. A malformed expression stays malformed: FTS5 names the
 * error. New string. */
static char *search_expression(const char *user)
{
	strbuf b;
	sb_init(&b);
	const char *p = user;
	while (*p) {
		unsigned char c = (unsigned char)*p;
		if (c == '"') {
			const char *q = strchr(p + 1, '"');
			size_t n = q ? (size_t)(q - p) + 1 : strlen(p);
			sb_add(&b, p, n);
			p += n;
			continue;
		}
		if (strchr(" \t\n()*^:+", c)) {
			sb_addc(&b, (char)c);
			p++;
			continue;
		}
		size_t n = 0, bare = 1;
		while (p[n] && !strchr(" \t\n\"()*^:+", p[n])) {
			if (!fts_bareword_byte((unsigned char)p[n]))
				bare = 0;
			n++;
		}
		if (!bare)
			sb_addc(&b, '"');
		sb_add(&b, p, n);
		if (!bare)
			sb_addc(&b, '"');
		p += n;
	}
	return sb_detach(&b);
}

/* The most words (and phrases) a search may have. FTS5's NEAR matches
 * in time that grows with the square of its terms: NEAR of 640 words over
 * a short article took 8.7 s and of 3,000 words minutes (found by
 * fuzz_query), and nobody types 64 words to find an article. */
#define SEARCH_MAX_WORDS 64

/* The number of words and phrases in a user's search, as
 * search_expression cuts it. */
static size_t search_words(const char *user)
{
	size_t words = 0;
	const char *p = user;
	while (*p) {
		if (*p == '"') {
			const char *q = strchr(p + 1, '"');
			p = q ? q + 1 : p + strlen(p);
			words++;
		} else if (strchr(" \t\n()*^:+", *p)) {
			p++;
		} else {
			while (*p && !strchr(" \t\n\"()*^:+", *p))
				p++;
			words++;
		}
	}
	return words;
}

/* True when a search has something to look for: NULL, "" and blanks are
 * no search at all. */
int search_given(const char *search)
{
	return search && !str_is_blank(search);
}

/* Adds the user's search as a bound FTS5 expression. */
void sqlb_search(sql_builder *b, const char *user)
{
	char *expr = search_expression(user);
	sqlb_text(b, expr);
	free(expr);
}

/* True when the search matches enough articles to be probed while
 * walking the date index (counted only up to there). A probe of the index
 * for one article (MATCH and rowid) costs about 0.2 ms, a hundred times
 * an entity's, and a page of 60 rows needs 60 / density of them, while
 * reading the matches whole costs about 3 us each: they cost alike at
 * sqrt(3,500 x store size) matches (59,000 in a million, measured: a
 * search of 11,000 took 1 s to its first page probed, 50 ms read
 * whole; one of 72,000, 0.17 s probed, 0.24 s whole); at least
 * PROBE_MIN_ARTICLES. */
static int search_is_common(store *s, const char *search)
{
	int64_t total = query_one_int(s, "SELECT value FROM meta WHERE key = 'articles'", NULL,
				      NULL, 0);
	int64_t need = (int64_t)sqrt(3500.0 * (double)(total > 0 ? total : 0));
	if (need < PROBE_MIN_ARTICLES)
		need = PROBE_MIN_ARTICLES;
	char *sql = xasprintf("SELECT count(*) FROM (SELECT rowid FROM article_fts"
			      " WHERE article_fts MATCH ?1 LIMIT %lld)",
			      (long long)need);
	char *expr = search_expression(search);
	int64_t n = query_one_int(s, sql, expr, NULL, 0);
	free(expr);
	free(sql);
	return n >= need;
}

/* Appends the filter's conditions (each starting with " AND") on
 * article alias a; mode: WHERE_PAGE for a list walked in date order,
 * WHERE_SET for counts and facets. */
void where_filter(store *s, sql_builder *b, const query_filter *f, int mode)
{
	int64_t ids[MAX_IDS];
	/* When paging, the rarest small entity set (if any) is built; the
	 * others are probed. */
	size_t build = (size_t)-1;
	if (mode == WHERE_PAGE) {
		int64_t best = PROBE_MIN_ARTICLES;
		for (size_t i = 0; i < f->n_ents; i++) {
			if (f->ents[i].negated)
				continue;
			int n = filter_entity_ids(s, &f->ents[i], ids);
			int64_t k = entity_articles(s, ids, n);
			if (k < best) {
				best = k;
				build = i;
			}
		}
	}
	for (size_t i = 0; i < f->n_ents; i++) {
		int negated = f->ents[i].negated;
		int n = filter_entity_ids(s, &f->ents[i], ids);
		if (n == 0) {
			/* An unknown entity matches nothing; excluding it,
			 * everything. */
			if (!negated)
				sb_adds(&b->sql, " AND 0");
			continue;
		}
		where_entity(b, ids, n, negated, mode == WHERE_PAGE && (negated || i != build));
	}
	if (search_given(f->search)) {
		if (mode == WHERE_PAGE && build == (size_t)-1 && search_is_common(s, f->search)) {
			sb_adds(&b->sql, " AND EXISTS (SELECT 1 FROM article_fts WHERE article_fts"
					 " MATCH ");
			sqlb_search(b, f->search);
			sb_adds(&b->sql, " AND rowid = a.id)");
		} else {
			sb_adds(&b->sql,
				" AND a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ");
			sqlb_search(b, f->search);
			sb_adds(&b->sql, ")");
		}
	}
	if (f->since && *f->since) {
		sb_adds(&b->sql, " AND a.date <> '' AND a.date >= ");
		sqlb_text(b, f->since);
	}
	if (f->until && *f->until) {
		/* "2021-12-30" includes "2021-12-30 09:32": every date up to
		 * the bound followed by the last code point (ISO dates are
		 * ASCII). A range of the date index, where substr(a.date, 1,
		 * length(?)) <= ? read every date after the bound. */
		sb_adds(&b->sql, " AND a.date <> '' AND a.date < ");
		sqlb_text(b, f->until);
		sb_adds(&b->sql, " || char(1114111)");
	}
	if (f->article_id) {
		sb_adds(&b->sql, " AND a.id = ");
		sqlb_int(b, f->article_id);
	}
	if (s->has_state && f->starred_only)
		sb_adds(&b->sql, " AND EXISTS (SELECT 1 FROM state.mark m WHERE m.hash = a.hash"
				 " AND m.starred)");
	if (s->has_state && f->unread_only)
		sb_adds(&b->sql, " AND NOT EXISTS (SELECT 1 FROM state.mark m WHERE m.hash = a.hash"
				 " AND m.read)");
}

/* FTS5's words for a malformed search, and what to tell a person. */
static const struct {
	const char *fts5;
	const char *says;
} search_faults[] = {
	{"unknown special query", "'*' must end a word (hano*); alone it matches nothing"},
	{"unterminated string", "a quote (\") is not closed"},
	{"syntax error near \"\"", "it ends too soon: a word is missing after AND, OR, NOT or "
				   "'(', or a parenthesis is not closed"},
	{"syntax error near", "unexpected word or sign"},
	{"parser stack overflow", "too deeply nested"},
	{"no such column", "no such field before ':' (title, lede, caption, body)"},
};

/* Makes a search error readable: what was typed (cut to a line, its
 * controls escaped) and what is wrong with it, in a reader's words when
 * FTS5's are known. The message is ready for a terminal as it is. */
char *search_error(store *s, const char *search)
{
	const char *why = sqlite3_errmsg(s->db);
	const char *near = strstr(why, "near ");
	for (size_t i = 0; i < sizeof search_faults / sizeof search_faults[0]; i++) {
		if (strstr(why, search_faults[i].fts5)) {
			why = search_faults[i].says;
			break;
		}
	}
	/* Escaped here, once: FTS5's words may quote the query. */
	char *shown = text_escaped(search ? search : "", 60);
	char *tail = near && strcmp(why, "unexpected word or sign") == 0
			     ? xasprintf("unexpected %s", near + 5)
			     : xstrdup(why);
	char *tail_shown = text_escaped(tail, 120);
	char *msg = xasprintf("malformed query '%s': %s", shown, tail_shown);
	free(tail_shown);
	free(tail);
	free(shown);
	return msg;
}

/* See query.h. */
int query_check_search(store *s, const char *search, char **err)
{
	*err = NULL;
	if (!search_given(search))
		return 0;
	size_t words = search_words(search);
	if (words > SEARCH_MAX_WORDS) {
		char *shown = text_escaped(search, 60);
		*err = xasprintf("query '%s' has %zu words; at most %d", shown, words,
				 SEARCH_MAX_WORDS);
		free(shown);
		return 1;
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT rowid FROM article_fts WHERE article_fts MATCH ?1 LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK) {
		*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	char *expr = search_expression(search);
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	int bad = 0;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		/* FTS5 refuses a malformed expression with a plain
		 * SQLITE_ERROR; anything else is the store failing. */
		bad = (rc & 0xff) == SQLITE_ERROR ? 1 : -1;
		*err = bad > 0 ? search_error(s, search)
			       : xasprintf("query failed: %s", sqlite3_errmsg(s->db));
	}
	sqlite3_finalize(st);
	free(expr);
	return bad;
}

/* True when the filter is made of entities and a search only, so that
 * its articles can be found on the indexes alone (set_select). */
int set_applies(const query_filter *f)
{
	if ((f->since && *f->since) || (f->until && *f->until) || f->article_id ||
	    f->starred_only || f->unread_only)
		return 0;
	for (size_t i = 0; i < f->n_ents; i++)
		if (!f->ents[i].negated)
			return 1;
	return search_given(f->search);
}

/* Appends the ids of the filtered articles as a compound SELECT over the
 * indexes alone (entity index, full-text index), never reading an
 * article row, when set_applies; returns 0 (nothing appended) otherwise. */
int set_select(store *s, sql_builder *b, const query_filter *f)
{
	if (!set_applies(f))
		return 0;
	int have_search = search_given(f->search);
	int64_t ids[MAX_IDS];
	int parts = 0;
	for (size_t i = 0; i < f->n_ents; i++) {
		if (f->ents[i].negated)
			continue;
		int n = filter_entity_ids(s, &f->ents[i], ids);
		sb_adds(&b->sql, parts++ ? " INTERSECT " : "");
		/* an article that mentions two of the ids once (INTERSECT and
		 * EXCEPT drop repeats; alone, DISTINCT must) */
		sb_adds(&b->sql, n > 1 ? "SELECT DISTINCT article_id" : "SELECT article_id");
		sb_adds(&b->sql, " FROM article_entity WHERE entity_id IN (");
		sqlb_ids(b, ids, n);
		sb_adds(&b->sql, n ? ")" : "NULL)");
	}
	if (have_search) {
		sb_adds(&b->sql, parts++ ? " INTERSECT " : "");
		sb_adds(&b->sql, "SELECT rowid FROM article_fts WHERE article_fts MATCH ");
		sqlb_search(b, f->search);
	}
	for (size_t i = 0; i < f->n_ents; i++) {
		if (!f->ents[i].negated)
			continue;
		int n = filter_entity_ids(s, &f->ents[i], ids);
		if (n == 0)
			continue;
		sb_adds(&b->sql, " EXCEPT SELECT article_id FROM article_entity WHERE entity_id IN (");
		sqlb_ids(b, ids, n);
		sb_adds(&b->sql, ")");
	}
	return 1;
}

/* Appends a SELECT of the filtered articles' ids: over the indexes alone
 * when it can (set_select), else over the article table. */
void filtered_ids(store *s, sql_builder *b, const query_filter *f)
{
	if (set_select(s, b, f))
		return;
	sb_adds(&b->sql, "SELECT a.id FROM article a WHERE 1");
	where_filter(s, b, f, WHERE_SET);
}

