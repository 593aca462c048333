/* test_relevance.c: the list in relevance order (query_rank.c): a word in
 * the title ranks an article above those with it only in the body, however
 * old; pages by key, forward and backward, across rows of equal score,
 * neither repeat nor skip a row; counts and the cursor's index agree with
 * the pages; the marks and the other filters still apply; a ranking is
 * made again when the store changes; without a search the order is the
 * date's. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "ingest.h"
#include "query.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

static char *tmpdir;
static store *st;

/* Number of generated articles that all match "paging" alike. */
#define GENERATED 150

/* Writes one article file under dir. */
static int write_article(const char *dir, const char *name, const char *title,
			 const char *date, const char *body)
{
	char *p = xasprintf("%s/%s", dir, name);
	FILE *f = fopen(p, "w");
	free(p);
	if (!f)
		return -1;
	fprintf(f, "%s\n\n%s\n\n%s\n", title, date, body);
	return fclose(f);
}

/* Ingests dir into the store. */
static int ingest_dir(const char *dir)
{
	ingest_options o = {.progress = 0, .jobs = 2};
	ingest_summary sum;
	char *err = NULL;
	char *paths[1] = {(char *)dir};
	int rc = ingest_paths(st, paths, 1, &o, &sum, &err);
	free(err);
	return rc;
}

/* A store of: the oldest article with "tide" in its title, newer ones
 * with it in their bodies, and GENERATED articles of one shape (equal
 * scores for "paging") on a few dates. */
static int setup(void **state)
{
	(void)state;
	st = temp_store("test-relevance", &tmpdir);
	if (!st)
		return -1;
	char *corpus = xasprintf("%s/c", tmpdir);
	mkdir(corpus, 0755);
	int rc = write_article(corpus, "title.txt", "The tide turns at the harbour", "2001-02-03",
			       "Boats came back to the port after a long winter.");
	rc |= write_article(corpus, "body1.txt", "Council meeting", "2020-01-01",
			    "The council talked of the tide and of the roads.");
	rc |= write_article(corpus, "body2.txt", "Fishing news", "2021-01-01",
			    "A low tide left the boats on the mud; the tide came back at noon.");
	rc |= write_article(corpus, "other.txt", "Markets", "2022-01-01",
			    "Nothing about the sea today.");
	for (int i = 0; i < GENERATED && rc == 0; i++) {
		char name[32], title[64];
		snprintf(name, sizeof name, "g%03d.txt", i);
		snprintf(title, sizeof title, "Generated piece %d", i);
		rc |= write_article(corpus, name, title, i % 3 ? "2019-05-05" : "2018-05-05",
				    "A line of text about paging and keys.");
	}
	rc = rc ? -1 : ingest_dir(corpus);
	free(corpus);
	return rc == 0 ? 0 : -1;
}

/* Closes and removes the store. */
static int teardown(void **state)
{
	(void)state;
	return temp_store_remove(st, tmpdir);
}

/* Ids handed on by query_each, in order. */
typedef struct id_list {
	int64_t v[1024];
	char title[1024][64];
	int n;
} id_list;

/* query_each callback that keeps the id and title. */
static int collect(void *ctx, const article_row *r)
{
	id_list *l = ctx;
	if (l->n < 1024) {
		snprintf(l->title[l->n], sizeof l->title[0], "%s", r->title);
		l->v[l->n++] = r->id;
	}
	return 0;
}

/* A filter of search q in relevance order. */
static void ranked_filter(query_filter *f, const char *q)
{
	query_filter_init(f);
	f->search = xstrdup(q);
	f->order = QUERY_BY_RELEVANCE;
}

/* The article with "tide" in its title comes first, though it is the
 * oldest; by date it comes last. */
static void test_title_above_body(void **state)
{
	(void)state;
	query_filter f;
	ranked_filter(&f, "tide");
	static id_list l;
	l.n = 0;
	char *err = NULL;
	assert_int_equal(query_each(st, &f, collect, &l, &err), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.title[0], "The tide turns at the harbour");
	assert_int_equal(query_count(st, &f, &err), 3);

	article_row rows[3];
	assert_int_equal(query_page(st, &f, NULL, 0, 3, rows, &err), 3);
	assert_string_equal(rows[0].title, "The tide turns at the harbour");
	/* bm25: the lower, the better */
	assert_true(rows[0].key.rank < rows[1].key.rank);
	assert_true(rows[1].key.rank <= rows[2].key.rank);
	for (int i = 0; i < 3; i++)
		article_row_free(&rows[i]);

	f.order = QUERY_BY_DATE;
	l.n = 0;
	assert_int_equal(query_each(st, &f, collect, &l, &err), 0);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.title[2], "The tide turns at the harbour");
	query_filter_free(&f);
}

/* Pages of 7 forward and backward give the whole list once, in the order
 * query_each gives it; counts and indexes agree. */
static void check_paging(const query_filter *f, int want)
{
	char *err = NULL;
	static id_list all;
	all.n = 0;
	assert_int_equal(query_each(st, f, collect, &all, &err), 0);
	assert_int_equal(all.n, want);
	assert_int_equal(query_count(st, f, &err), want);

	article_row rows[7];
	query_key key;
	int pos = 0, n;
	const query_key *after = NULL;
	while ((n = query_page(st, f, after, 0, 7, rows, &err)) > 0) {
		for (int i = 0; i < n; i++) {
			assert_int_equal(rows[i].id, all.v[pos]);
			if (pos % 5 == 0)
				assert_int_equal(query_index_of(st, f, &rows[i].key, &err), pos);
			pos++;
		}
		key = rows[n - 1].key;
		after = &key;
		for (int i = 0; i < n; i++)
			article_row_free(&rows[i]);
	}
	assert_int_equal(n, 0);
	assert_int_equal(pos, want);

	/* Backward from the end (no key): the last rows, in list order,
	 * then page by page to the first. */
	pos = want;
	after = NULL;
	while ((n = query_page(st, f, after, 1, 7, rows, &err)) > 0) {
		pos -= n;
		assert_true(pos >= 0);
		for (int i = 0; i < n; i++)
			assert_int_equal(rows[i].id, all.v[pos + i]);
		key = rows[0].key;
		after = &key;
		for (int i = 0; i < n; i++)
			article_row_free(&rows[i]);
	}
	assert_int_equal(pos, 0);
}

/* Rows of equal score (the generated articles) page by (rank, id)
 * without a repeat or a gap. */
static void test_paging_no_repeat_no_skip(void **state)
{
	(void)state;
	query_filter f;
	ranked_filter(&f, "paging");
	check_paging(&f, GENERATED);
	static id_list all;
	all.n = 0;
	char *err = NULL;
	assert_int_equal(query_each(st, &f, collect, &all, &err), 0);
	for (int i = 0; i < all.n; i++)
		for (int j = i + 1; j < all.n; j++)
			assert_true(all.v[i] != all.v[j]);
	/* with a date range as well */
	f.since = xstrdup("2019-01-01");
	check_paging(&f, GENERATED - (GENERATED + 2) / 3);
	query_filter_free(&f);
}

/* The marks are tested per row: read articles leave an unread list at
 * once, and pages, counts and indexes agree. */
static void test_unread_in_relevance(void **state)
{
	(void)state;
	query_filter f;
	ranked_filter(&f, "paging");
	char *err = NULL;
	static id_list all;
	all.n = 0;
	assert_int_equal(query_each(st, &f, collect, &all, &err), 0);
	for (int i = 0; i < all.n; i += 4)
		assert_int_equal(query_set_read(st, all.v[i], 1), 0);
	f.unread_only = 1;
	check_paging(&f, GENERATED - (GENERATED + 3) / 4);
	for (int i = 0; i < all.n; i += 4)
		assert_int_equal(query_set_read(st, all.v[i], 0), 0);
	check_paging(&f, GENERATED);
	query_filter_free(&f);
}

/* A new article is in the next ranking (the store changed). */
static void test_store_change(void **state)
{
	(void)state;
	query_filter f;
	ranked_filter(&f, "tide");
	char *err = NULL;
	assert_int_equal(query_count(st, &f, &err), 3);
	char *dir = xasprintf("%s/more", tmpdir);
	mkdir(dir, 0755);
	assert_int_equal(write_article(dir, "new.txt", "Tide tables for the tide season",
				       "2023-03-03", "The tide, the tide."),
			 0);
	assert_int_equal(ingest_dir(dir), 0);
	free(dir);
	assert_int_equal(query_count(st, &f, &err), 4);
	article_row row;
	assert_int_equal(query_page(st, &f, NULL, 0, 1, &row, &err), 1);
	assert_string_equal(row.title, "Tide tables for the tide season");
	article_row_free(&row);
	query_filter_free(&f);
}

/* Without a search, relevance is the date order. */
static void test_no_search_is_date(void **state)
{
	(void)state;
	query_filter f;
	query_filter_init(&f);
	static id_list by_date, by_rank;
	by_date.n = by_rank.n = 0;
	char *err = NULL;
	assert_int_equal(query_each(st, &f, collect, &by_date, &err), 0);
	f.order = QUERY_BY_RELEVANCE;
	assert_int_equal(query_each(st, &f, collect, &by_rank, &err), 0);
	assert_int_equal(by_date.n, by_rank.n);
	assert_memory_equal(by_date.v, by_rank.v, (size_t)by_date.n * sizeof by_date.v[0]);
	query_filter_free(&f);
}

/* A malformed search is an error in relevance order too. */
static void test_malformed(void **state)
{
	(void)state;
	query_filter f;
	ranked_filter(&f, "tide AND");
	char *err = NULL;
	article_row row;
	assert_int_equal(query_page(st, &f, NULL, 0, 1, &row, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "malformed query"));
	free(err);
	query_filter_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_title_above_body),
		cmocka_unit_test(test_paging_no_repeat_no_skip),
		cmocka_unit_test(test_unread_in_relevance),
		cmocka_unit_test(test_no_search_is_date),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_store_change),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
