/* test_query.c: the read side: keyset pages agree with the full list in
 * both directions, counts and cursor indexes agree with pages, facets
 * count within the filtered set, entity filters accept aliases in any
 * case, and per-user marks filter the list. */
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
#include "text.h"
#include "testutil.h"
#include "util.h"

static char *tmpdir;
static store *st;

/* Ingests the samples plus generated articles with equal dates (so that
 * keys tie on date and the id decides) into a fresh store. */
static int setup(void **state)
{
	(void)state;
	const char *samples = getenv("LEDE_SAMPLES");
	if (!samples)
		samples = "samples";
	st = temp_store("test-query", &tmpdir);
	if (!st)
		return -1;
	char *corpus = xasprintf("%s/gen", tmpdir);
	mkdir(corpus, 0755);
	for (int i = 0; i < 120; i++) {
		char *p = xasprintf("%s/g%03d.txt", corpus, i);
		FILE *f = fopen(p, "w");
		if (!f)
			return -1;
		fprintf(f, "Generated piece %d\n\n%s\n\nA line of text number %d about paging.\n", i,
			i % 3 == 0 ? "2020-05-05" : "May 5, 2020", i);
		fclose(f);
		free(p);
	}
	ingest_options o = {.progress = 0, .jobs = 2};
	ingest_summary sum;
	char *paths[2] = {(char *)samples, corpus};
	char *err = NULL;
	int rc = ingest_paths(st, paths, 2, &o, &sum, &err);
	free(err);
	free(corpus);
	return rc == 0 ? 0 : -1;
}

/* Closes and removes the store. */
static int teardown(void **state)
{
	(void)state;
	return temp_store_remove(st, tmpdir);
}

/* Collects ids from query_each. */
typedef struct id_list {
	int64_t v[4096];
	int n;
} id_list;

/* query_each callback that keeps the id. */
static int collect_id(void *ctx, const article_row *r)
{
	id_list *l = ctx;
	if (l->n < 4096)
		l->v[l->n++] = r->id;
	return 0;
}

/* Paging forward by key, 7 at a time, yields exactly the full list; paging
 * backward from the end yields it too; index_of matches positions. */
static void test_keyset_paging(void **state)
{
	(void)state;
	query_filter f;
	query_filter_init(&f);
	char *err = NULL;
	static id_list all;
	all.n = 0;
	assert_int_equal(query_each(st, &f, collect_id, &all, &err), 0);
	assert_int_equal(query_count(st, &f, &err), all.n);
	assert_true(all.n > 120);

	article_row rows[7];
	query_key key;
	int pos = 0, n;
	const query_key *after = NULL;
	while ((n = query_page(st, &f, after, 0, 7, rows, &err)) > 0) {
		for (int i = 0; i < n; i++) {
			assert_int_equal(rows[i].id, all.v[pos]);
			if (pos % 13 == 0)
				assert_int_equal(query_index_of(st, &f, &rows[i].key, &err), pos);
			pos++;
		}
		key = rows[n - 1].key;
		after = &key;
		for (int i = 0; i < n; i++)
			article_row_free(&rows[i]);
	}
	assert_int_equal(n, 0);
	assert_int_equal(pos, all.n);

	/* Backward from past the end: the last rows, still in list order. */
	query_key end = {"", 0, 0};
	n = query_page(st, &f, &end, 1, 7, rows, &err);
	/* (date, id) > ("", 0) is every row; backward gives the oldest 7. */
	assert_int_equal(n, 7);
	for (int i = 0; i < n; i++) {
		assert_int_equal(rows[i].id, all.v[all.n - 7 + i]);
		article_row_free(&rows[i]);
	}
	query_filter_free(&f);
}

/* Search narrows, counts agree, a malformed search is an error. */
static void test_search_filter(void **state)
{
	(void)state;
	query_filter f;
	query_filter_init(&f);
	char *err = NULL;
	f.search = xstrdup("paging");
	assert_int_equal(query_count(st, &f, &err), 120);
	free(f.search);
	f.search = xstrdup("\"unterminated");
	assert_int_equal(query_count(st, &f, &err), -1);
	assert_non_null(err);
	assert_non_null(strstr(err, "unterminated"));
	free(err);
	err = NULL;
	article_row rows[2];
	assert_int_equal(query_page(st, &f, NULL, 0, 2, rows, &err), -1);
	free(err);
	query_filter_free(&f);
}

/* Facets of a filtered set count within it, and filtering by a facet gives
 * as many articles as the facet said; aliases resolve in any case. */
static void test_facets(void **state)
{
	(void)state;
	query_filter f;
	query_filter_init(&f);
	char *err = NULL;
	facet_row top[5];
	int n = query_facets(st, &f, -1, NULL, 5, top, &err);
	assert_true(n > 0);
	for (int i = 1; i < n; i++)
		assert_true(top[i - 1].articles >= top[i].articles);

	/* Filter by the most frequent entity, written in upper case. */
	char *upper = xstrdup(top[0].name);
	for (char *p = upper; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p = (char)(*p - 'a' + 'A');
	filter_add(&f, upper, 0);
	assert_int_equal(query_count(st, &f, &err), top[0].articles);
	facet_row within[50];
	int m = query_facets(st, &f, -1, NULL, 50, within, &err);
	assert_true(m > 0);
	int found_self = 0;
	for (int i = 0; i < m; i++) {
		assert_true(within[i].articles <= top[0].articles);
		if (within[i].id == top[0].id) {
			found_self = 1;
			assert_int_equal(within[i].articles, top[0].articles);
		}
		facet_row_free(&within[i]);
	}
	assert_true(found_self);

	/* Its negation gives the rest. */
	query_filter g;
	query_filter_init(&g);
	filter_add(&g, upper, 1);
	int64_t total = query_count(st, &g, &err) + top[0].articles;
	query_filter_free(&g);
	query_filter_init(&g);
	assert_int_equal(query_count(st, &g, &err), total);
	query_filter_free(&g);

	/* An unknown entity matches nothing. */
	filter_add(&f, "No Such Entity Anywhere", 0);
	assert_int_equal(query_count(st, &f, &err), 0);

	/* Prefix narrowing ignores case and diacritics. */
	char *fold = text_fold(top[0].name, strlen(top[0].name), NULL);
	query_filter_free(&f);
	query_filter_init(&f);
	m = query_facets(st, &f, -1, fold, 50, within, &err);
	assert_true(m >= 1);
	for (int i = 0; i < m; i++)
		facet_row_free(&within[i]);
	free(fold);
	free(upper);
	for (int i = 0; i < n; i++)
		facet_row_free(&top[i]);
	query_filter_free(&f);
}

/* Read and starred marks are stored per user and filter the list. */
static void test_marks(void **state)
{
	(void)state;
	query_filter f;
	query_filter_init(&f);
	char *err = NULL;
	article_row rows[3];
	assert_int_equal(query_page(st, &f, NULL, 0, 3, rows, &err), 3);
	int64_t total = query_count(st, &f, &err);
	assert_int_equal(query_set_read(st, rows[0].id, 1), 0);
	assert_int_equal(query_set_starred(st, rows[1].id, 1), 0);
	f.unread_only = 1;
	assert_int_equal(query_count(st, &f, &err), total - 1);
	f.unread_only = 0;
	f.starred_only = 1;
	assert_int_equal(query_count(st, &f, &err), 1);
	article_full a;
	assert_int_equal(query_article(st, rows[1].id, NULL, &a, &err), 1);
	assert_int_equal(a.starred, 1);
	assert_int_equal(a.read, 0);
	article_full_free(&a);
	assert_int_equal(query_set_read(st, rows[0].id, 0), 0);
	f.starred_only = 0;
	f.unread_only = 1;
	assert_int_equal(query_count(st, &f, &err), total);
	for (int i = 0; i < 3; i++)
		article_row_free(&rows[i]);
	query_filter_free(&f);
}

/* An article loads with its paths and mentions, whose offsets point at
 * the mention's own text in the field. */
static void test_article_mentions(void **state)
{
	(void)state;
	query_filter f;
	query_filter_init(&f);
	char *err = NULL;
	facet_row top[1];
	assert_int_equal(query_facets(st, &f, -1, NULL, 1, top, &err), 1);
	filter_add(&f, top[0].name, 0);
	article_row r[1];
	assert_int_equal(query_page(st, &f, NULL, 0, 1, r, &err), 1);
	article_full a;
	assert_int_equal(query_article(st, r[0].id, NULL, &a, &err), 1);
	assert_true(a.paths.n >= 1);
	assert_true(a.n_mentions >= 1);
	for (size_t i = 0; i < a.n_mentions; i++) {
		const query_mention *m = &a.mentions[i];
		const char *text = m->field == FIELD_TITLE     ? a.title
				   : m->field == FIELD_LEDE    ? a.lede
				   : m->field == FIELD_CAPTION ? a.caption
				   : m->field == FIELD_CREDIT  ? a.credit
							       : a.body;
		assert_non_null(text);
		assert_true(m->end > m->start);
		assert_true((size_t)m->end <= strlen(text));
		assert_memory_equal(text + m->start, m->surface, (size_t)(m->end - m->start));
	}
	char *json = query_article_json(st, a.id, &err);
	assert_non_null(json);
	assert_non_null(strstr(json, "\"mentions\":[{"));
	free(json);
	article_full_free(&a);
	article_row_free(&r[0]);
	facet_row_free(&top[0]);
	query_filter_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keyset_paging),
		cmocka_unit_test(test_search_filter),
		cmocka_unit_test(test_facets),
		cmocka_unit_test(test_marks),
		cmocka_unit_test(test_article_mentions),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
