/* test_corpus.c: the real scraped corpus (two files in ../shared/corpus
 * beside the checkout, or $LEDE_CORPUS): the exact expectations for their
 * parse (title, date, lede, trailers cut, dateline, credit, glued
 * sentences) and their entities (people, organizations, places, linking
 * across the two files). The corpus is never shipped: without it the
 * whole program exits 77, so the harness reports SKIP, not PASS. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "entity.h"
#include "testutil.h"
#include "util.h"

static article_rules rules;
static entity_extractor *ex;
static char *corpus_dir;

/* The corpus folder: $LEDE_CORPUS, else ../shared/corpus beside the
 * source tree ($LEDE_TESTS is its tests/ folder); NULL when absent. */
static char *find_corpus_dir(void)
{
	char *dir = NULL;
	if (getenv("LEDE_CORPUS") && *getenv("LEDE_CORPUS"))
		dir = xstrdup(getenv("LEDE_CORPUS"));
	else if (getenv("LEDE_TESTS"))
		dir = xasprintf("%s/../../shared/corpus", getenv("LEDE_TESTS"));
	DIR *d = dir ? opendir(dir) : NULL;
	if (!d) {
		free(dir);
		return NULL;
	}
	closedir(d);
	return dir;
}

/* The path of the corpus file whose name starts with prefix, or NULL. */
static char *corpus_file(const char *prefix)
{
	DIR *d = opendir(corpus_dir);
	char *found = NULL;
	if (!d)
		return NULL;
	struct dirent *e;
	while ((e = readdir(d)) && !found)
		if (strncmp(e->d_name, prefix, strlen(prefix)) == 0)
			found = xasprintf("%s/%s", corpus_dir, e->d_name);
	closedir(d);
	return found;
}

/* Parses the corpus file with the given prefix (the file must be there:
 * a corpus folder without it is a failure, not a skip). */
static void parse_corpus(const char *prefix, article *a)
{
	char *path = corpus_file(prefix);
	assert_non_null(path);
	size_t n = 0;
	uint8_t *raw = slurp(path, &n);
	assert_non_null(raw);
	assert_int_equal(article_parse(raw, n, &rules, a), TEXT_OK);
	free(raw);
	free(path);
}

/* Parses and extracts one corpus file into l. */
static void corpus_mentions(const char *prefix, mention_list *l)
{
	article a;
	parse_corpus(prefix, &a);
	mention_list_init(l);
	entity_extract(ex, &a, l);
	article_free(&a);
}

static void test_parse_000(void **state)
{
	(void)state;
	article a;
	parse_corpus("000_", &a);
	assert_string_equal(a.title, "Tổng thống Mỹ và Nga sẽ điện đàm hôm nay trước sức nóng từ "
	                             "biên giới Nga - Ukraine");
	assert_string_equal(iso(&a), "2021-12-30 09:32");
	assert_int_equal(a.date.precision, DATE_MINUTE);
	assert_non_null(a.lede);
	assert_true(strncmp(a.lede, "Trong bối cảnh 10 vạn quân Nga", 20) == 0);
	assert_null(strstr(a.body, a.lede));
	assert_null(strstr(a.body, "Bài liên quan"));
	assert_null(strstr(a.body, "Bình luận"));
	assert_null(strstr(a.body, "Thủ tướng"));
	assert_null(strstr(a.body, "POWERED"));
	assert_true(ends_with(a.body, "tham vấn thường xuyên với Ukraine."));
	assert_non_null(strstr(a.body, "ngày 10.1"));
	assert_string_equal(a.lang, "vi");
	article_free(&a);
}

static void test_parse_004(void **state)
{
	(void)state;
	article a;
	parse_corpus("004_", &a);
	assert_string_equal(iso(&a), "2021-12");
	assert_int_equal(a.date.precision, DATE_MONTH);
	assert_string_equal(a.dateline, "REHOBOTH BEACH");
	assert_string_equal(a.credit, "APnews.com/Patrick Semansky");
	assert_non_null(a.caption);
	assert_null(strstr(a.caption, "Nguồn"));
	assert_true(strncmp(a.body, "REHOBOTH BEACH - ", 17) == 0);
	assert_true(strlen(a.title) > 10);
	assert_null(strstr(a.title, "REHOBOTH"));
	assert_non_null(strstr(a.body, "thêm. Hoa Kỳ"));
	assert_null(strstr(a.body, "thêm.Hoa"));
	article_free(&a);
}

static void test_entities(void **state)
{
	(void)state;
	mention_list l0, l4;
	corpus_mentions("000_", &l0);
	corpus_mentions("004_", &l4);
	assert_true(has_entity(&l0, ENT_PER, "Joe Biden"));
	assert_true(has_entity(&l0, ENT_PER, "Vladimir Putin"));
	assert_true(has_entity(&l0, ENT_PER, "Emily Horne"));
	assert_true(has_entity(&l0, ENT_PER, "Antony Blinken"));
	assert_true(has_entity(&l0, ENT_ORG, "NATO"));
	assert_true(has_entity(&l0, ENT_ORG, "Hội đồng An ninh Quốc gia"));
	assert_true(has_entity(&l0, ENT_LOC, "Nga"));
	assert_true(has_entity(&l0, ENT_LOC, "Ukraine"));
	assert_false(has_name(&l0, "Phạm Minh Chính"));
	assert_false(has_name(&l0, "Tổng thống"));
	assert_false(has_name(&l0, "Theo"));
	assert_false(has_name(&l0, "Trong"));
	/* 000 writes Mỹ, 004 writes Hoa Kỳ: one canonical name, one key */
	const mention *my = find_surface(&l0, "Mỹ");
	const mention *hk = find_surface(&l4, "Hoa Kỳ");
	assert_non_null(my);
	assert_non_null(hk);
	assert_int_equal(my->type, ENT_LOC);
	assert_string_equal(my->canonical, hk->canonical);
	char *k1 = entity_key(my->canonical), *k2 = entity_key(hk->canonical);
	assert_string_equal(k1, k2);
	free(k1);
	free(k2);
	/* Zelensky (000) and Zelenskyy (004) share a key across the corpus */
	const mention *z0 = find_surface(&l0, "Volodymyr Zelensky");
	const mention *z4 = find_surface(&l4, "Volodymyr Zelenskyy");
	assert_non_null(z0);
	assert_non_null(z4);
	k1 = entity_key(z0->canonical);
	k2 = entity_key(z4->canonical);
	assert_string_equal(k1, k2);
	free(k1);
	free(k2);
	/* 004: the credit and the dateline */
	assert_true(has_entity(&l4, ENT_PER, "Patrick Semansky"));
	assert_true(has_entity(&l4, ENT_ORG, "AP"));
	assert_true(has_entity(&l4, ENT_LOC, "Rehoboth Beach"));
	assert_true(has_entity(&l4, ENT_PER, "Jake Sullivan"));
	mention_list_free(&l0);
	mention_list_free(&l4);
}

/* Loads the shipped trailer markers and gazetteers once; never the
 * user's own. */
static int setup(void **state)
{
	(void)state;
	setenv("XDG_CONFIG_HOME", "/nonexistent-lede-test-config", 1);
	article_rules_load(&rules);
	ex = entity_extractor_new();
	return rules.trailers.n > 0 && ex ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	entity_extractor_free(ex);
	article_rules_free(&rules);
	return 0;
}

int main(void)
{
	corpus_dir = find_corpus_dir();
	if (!corpus_dir) {
		printf("# SKIP: no corpus (../shared/corpus beside the checkout, or $LEDE_CORPUS)\n");
		return 77;
	}
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_parse_000),
	    cmocka_unit_test(test_parse_004),
	    cmocka_unit_test(test_entities),
	};
	int rc = cmocka_run_group_tests(tests, setup, teardown);
	free(corpus_dir);
	return rc;
}
