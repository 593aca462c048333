/* test_list_stream.c: the whole list as `lede list` streams it
 * (query_each, query_each_page) on a generated store of a few thousand
 * articles with tied and missing dates: every filter kind gives exactly
 * the rows an independent SQL query gives, in the same order, across the
 * page boundaries; the first row comes before the filter's whole set is
 * read and sorted; and a callback can stop the list. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "query.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

/* Enough articles that the walked first pages (64 + 256 + 1,024 rows)
 * and the rest read whole both have work. */
#define N_ARTICLES 12000

static char *tmpdir;
static store *st;

/* Adds a mention of name to the body being built. */
static void add_mention(strbuf *body, mention_list *ml, const char *name, entity_type t)
{
	if (ml->n == ml->cap) {
		ml->cap = ml->cap ? 2 * ml->cap : 8;
		ml->v = xrealloc(ml->v, ml->cap * sizeof *ml->v);
	}
	mention *m = &ml->v[ml->n++];
	memset(m, 0, sizeof *m);
	sb_adds(body, body->len ? " " : "");
	m->type = t;
	m->field = FIELD_BODY;
	m->start = body->len;
	sb_adds(body, name);
	m->end = body->len;
	m->surface = xstrdup(name);
	m->canonical = xstrdup(name);
	m->evidence[t] = 100;
}

/* Writes the generated articles: "Common Place" in 7 of 10, "Middle
 * Org" in 1 of 5, "Rare Person" in 1 of 100; the word "often" in 3 of 4,
 * "seldom" in 1 of 50; 40 distinct dates (many ties on one key) and every
 * 37th article undated. Common Place and "often" are in more than 8,000
 * articles: pages probe them per article walked (PROBE_MIN_ARTICLES). */
static int write_articles(void)
{
	char *err = NULL;
	strbuf body, title;
	sb_init(&body);
	sb_init(&title);
	if (store_begin(st, &err))
		return -1;
	for (int i = 0; i < N_ARTICLES; i++) {
		mention_list ml;
		mention_list_init(&ml);
		sb_clear(&body);
		sb_clear(&title);
		sb_printf(&title, "Generated article %d", i);
		sb_printf(&body, "Text number %d %s %s.", i, i % 4 ? "often" : "plain",
			  i % 50 == 3 ? "seldom" : "words");
		if (i % 10 < 7)
			add_mention(&body, &ml, "Common Place", ENT_LOC);
		if (i % 5 == 3)
			add_mention(&body, &ml, "Middle Org", ENT_ORG);
		if (i % 100 == 42)
			add_mention(&body, &ml, "Rare Person", ENT_PER);
		article a;
		memset(&a, 0, sizeof a);
		a.title = title.s;
		a.body = body.s;
		strcpy(a.lang, "en");
		if (i % 37 != 5) {
			a.date.year = 2000 + (i * 7) % 20;
			a.date.month = 1 + i % 2;
			a.date.day = 1;
			a.date.precision = DATE_DAY;
		}
		char path[64], hash[32];
		snprintf(path, sizeof path, "/gen/%05d.txt", i);
		snprintf(hash, sizeof hash, "gen%016x", i);
		store_file f = {path, (int64_t)body.len, i};
		store_prepared prep;
		store_prepare(&a, &ml, &prep);
		int put = store_put_article(st, &f, hash, NULL, &a, &prep, &err);
		store_prepared_free(&prep);
		mention_list_free(&ml);
		if (put < 0) {
			free(err);
			store_rollback(st);
			return -1;
		}
	}
	sb_free(&body);
	sb_free(&title);
	if (store_commit(st, &err)) {
		free(err);
		return -1;
	}
	/* Some marks, for --unread and --starred. */
	for (int id = 1; id <= N_ARTICLES; id += 3)
		query_set_read(st, id, 1);
	for (int id = 2; id <= N_ARTICLES; id += 11)
		query_set_starred(st, id, 1);
	return 0;
}

/* Makes the store. */
static int setup(void **state)
{
	(void)state;
	st = temp_store("test-list", &tmpdir);
	if (!st)
		return -1;
	return write_articles();
}

/* Closes and removes the store. */
static int teardown(void **state)
{
	(void)state;
	return temp_store_remove(st, tmpdir);
}

/* A list of article ids. */
typedef struct ids {
	int64_t *v;
	size_t n, cap;
} ids;

/* Appends an id. */
static void ids_push(ids *l, int64_t id)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 256;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = id;
}

/* query_each callback: keeps the id. */
static int keep_id(void *ctx, const article_row *r)
{
	ids_push(ctx, r->id);
	return 0;
}

/* The ids an independent query gives: the articles where cond holds
 * (SQL on article a, ?1 bound to arg), newest first, ties by id. */
static void expected_ids(const char *cond, const char *arg, ids *out)
{
	char *sql = xasprintf("SELECT a.id FROM article a WHERE %s"
			      " ORDER BY a.date DESC, a.id DESC",
			      cond);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(st->db, sql, -1, &q, NULL), SQLITE_OK);
	if (arg)
		sqlite3_bind_text(q, 1, arg, -1, SQLITE_STATIC);
	while (sqlite3_step(q) == SQLITE_ROW)
		ids_push(out, sqlite3_column_int64(q, 0));
	sqlite3_finalize(q);
	free(sql);
}

/* The condition "mentions the entity named ?1". */
#define MENTIONS "a.id IN (SELECT article_id FROM article_entity WHERE entity_id IN" \
		 " (SELECT id FROM entity WHERE name = ?1))"

/* Checks that the list of filter f is exactly cond's rows, in order. */
static void check_filter(const query_filter *f, const char *cond, const char *arg,
			 size_t at_least)
{
	ids got = {0}, want = {0};
	char *err = NULL;
	assert_int_equal(query_each(st, f, keep_id, &got, &err), 0);
	expected_ids(cond, arg, &want);
	assert_true(want.n >= at_least);
	assert_int_equal(got.n, want.n);
	for (size_t i = 0; i < got.n; i++)
		assert_int_equal(got.v[i], want.v[i]);
	free(got.v);
	free(want.v);
}

/* Every filter kind streams the rows the independent query gives, in its
 * order, long lists across the walked pages and the rest. */
static void test_every_filter(void **state)
{
	(void)state;
	query_filter f;
	query_filter_init(&f);
	check_filter(&f, "1", NULL, N_ARTICLES);

	filter_add(&f, "Common Place", 0);
	check_filter(&f, MENTIONS, "Common Place", 2000);
	filter_add(&f, "Middle Org", 0);
	check_filter(&f,
		     MENTIONS " AND a.id IN (SELECT article_id FROM article_entity WHERE entity_id"
			      " IN (SELECT id FROM entity WHERE name = 'Middle Org'))",
		     "Common Place", 200);
	query_filter_free(&f);

	query_filter_init(&f);
	filter_add(&f, "rare person", 0); /* any case */
	check_filter(&f, MENTIONS, "Rare Person", 30);
	query_filter_free(&f);

	query_filter_init(&f);
	filter_add(&f, "Common Place", 1);
	check_filter(&f, "NOT " MENTIONS, "Common Place", 800);
	filter_add(&f, "Middle Org", 0);
	check_filter(&f,
		     "NOT " MENTIONS " AND a.id IN (SELECT article_id FROM article_entity WHERE"
				     " entity_id IN (SELECT id FROM entity WHERE name = 'Middle Org'))",
		     "Common Place", 100);
	query_filter_free(&f);

	query_filter_init(&f);
	f.search = xstrdup("often");
	check_filter(&f, "a.body LIKE '% often %'", NULL, 1400);
	filter_add(&f, "Common Place", 0);
	check_filter(&f, "a.body LIKE '% often %' AND " MENTIONS, "Common Place", 1000);
	free(f.search);
	f.search = xstrdup("seldom");
	check_filter(&f, "a.body LIKE '% seldom%' AND " MENTIONS, "Common Place", 30);
	query_filter_free(&f);

	query_filter_init(&f);
	f.since = xstrdup("2005");
	f.until = xstrdup("2016-01");
	check_filter(&f, "a.date <> '' AND a.date >= '2005' AND substr(a.date, 1, 7) <= '2016-01'",
		     NULL, 1000);
	filter_add(&f, "Common Place", 0);
	check_filter(&f,
		     "a.date <> '' AND a.date >= '2005' AND substr(a.date, 1, 7) <= '2016-01' AND "
		     MENTIONS, "Common Place", 700);
	query_filter_free(&f);

	query_filter_init(&f);
	f.unread_only = 1;
	check_filter(&f, "a.id % 3 <> 1", NULL, 1900);
	f.unread_only = 0;
	f.starred_only = 1;
	check_filter(&f, "a.id % 11 = 2", NULL, 250);
	query_filter_free(&f);

	query_filter_init(&f);
	filter_add(&f, "Nobody Known", 0);
	check_filter(&f, "0", NULL, 0);
	query_filter_free(&f);
}

/* Counts SQLite's virtual machine steps (in hundreds). */
static int count_steps(void *ctx)
{
	(*(long *)ctx)++;
	return 0;
}

/* What first_row_work keeps. */
typedef struct first_row {
	long *steps;
	long at_first; /* steps counted when the first row came, -1 before */
} first_row;

/* query_each callback: notes the work done before the first row. */
static int note_first(void *ctx, const article_row *r)
{
	(void)r;
	first_row *fr = ctx;
	if (fr->at_first < 0)
		fr->at_first = *fr->steps;
	return 0;
}

/* The first row of a long list comes after a small part of the whole
 * list's work: the list is not read whole and sorted before it is
 * written (it was: `lede list --entity TOP | head` took 1.6 s on a
 * million articles). Counted in SQLite's steps, not in time. Small sets
 * (under PROBE_MIN_ARTICLES) are read whole for the first page too, by
 * design: they are small. */
static void test_first_row_early(void **state)
{
	(void)state;
	for (int k = 0; k < 3; k++) {
		query_filter f;
		query_filter_init(&f);
		if (k != 1)
			filter_add(&f, "Common Place", 0);
		if (k == 1)
			f.search = xstrdup("often");
		if (k == 2)
			filter_add(&f, "Rare Person", 1);
		long steps = 0;
		first_row fr = {&steps, -1};
		sqlite3_progress_handler(st->db, 100, count_steps, &steps);
		char *err = NULL;
		assert_int_equal(query_each(st, &f, note_first, &fr, &err), 0);
		sqlite3_progress_handler(st->db, 0, NULL, NULL);
		assert_true(fr.at_first >= 0);
		/* The first page is 64 rows of 8,000 or more. */
		assert_true(fr.at_first * 4 < steps);
		query_filter_free(&f);
	}
}

/* query_each_page callback: keeps the page sizes, stops after three. */
static int three_pages(void *ctx, const article_row *rows, int n)
{
	ids *l = ctx;
	assert_true(n > 0);
	for (int i = 1; i < n; i++) {
		int c = strcmp(rows[i - 1].key.sortdate, rows[i].key.sortdate);
		assert_true(c > 0 || (c == 0 && rows[i - 1].id > rows[i].id));
	}
	ids_push(l, n);
	return l->n == 3;
}

/* A callback's non-zero return stops the list; pages are in order. */
static void test_stop(void **state)
{
	(void)state;
	query_filter f;
	query_filter_init(&f);
	ids pages = {0};
	char *err = NULL;
	assert_int_equal(query_each_page(st, &f, three_pages, &pages, &err), 0);
	assert_int_equal(pages.n, 3);
	/* And the store is left outside any transaction. */
	assert_true(sqlite3_get_autocommit(st->db));
	free(pages.v);
	query_filter_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_filter),
		cmocka_unit_test(test_first_row_early),
		cmocka_unit_test(test_stop),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
