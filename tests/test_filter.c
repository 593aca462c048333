/* test_filter.c: the filter as a core object (filter.h): adding,
 * replacing, negating, removing, clearing, copying and describing it
 * without a store; and its entities resolved once to ids against a store
 * of our own three articles, where a place and a person share a name
 * ("Lincoln"), so that a name means the entity that bears it, an entity
 * picked by id means that one alone, its count agrees with the facets',
 * mentions by an alias belong to the filter, and a merge is followed. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "filter.h"
#include "ingest.h"
#include "query.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

static char *tmpdir;
static store *st;

/* Our articles: a city named Lincoln in two, a president in the third. */
static const char *const articles[] = {
	"Council meets\n\n2021-03-01\n\nThe council in Lincoln met on Monday. Residents of "
	"Lincoln, a city in England, came. Lincoln is old.\n",
	"Old speech read\n\n2021-03-02\n\nMr Lincoln said the union must hold. Lincoln spoke for "
	"two minutes. President Abraham Lincoln was tall.\n",
	"Another council day\n\n2021-03-03\n\nThe mayor of Lincoln opened a bridge in Lincoln on "
	"Tuesday.\n",
};

/* Writes the articles and ingests them into a fresh store. */
static int setup(void **state)
{
	(void)state;
	st = temp_store("test-filter", &tmpdir);
	if (!st)
		return -1;
	char *corpus = xasprintf("%s/c", tmpdir);
	mkdir(corpus, 0755);
	for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++) {
		char *p = xasprintf("%s/a%zu.txt", corpus, i + 1);
		FILE *f = fopen(p, "w");
		free(p);
		if (!f) {
			free(corpus);
			return -1;
		}
		fputs(articles[i], f);
		fclose(f);
	}
	ingest_options o = {.progress = 0, .jobs = 1};
	ingest_summary sum;
	char *paths[1] = {corpus};
	char *err = NULL;
	int rc = ingest_paths(st, paths, 1, &o, &sum, &err);
	free(corpus);
	free(err);
	return rc == 0 ? 0 : -1;
}

/* Closes and removes the store. */
static int teardown(void **state)
{
	(void)state;
	return temp_store_remove(st, tmpdir);
}

/* Adding, replacing, negating, removing and clearing. */
static void test_build(void **state)
{
	(void)state;
	query_filter f;
	query_filter_init(&f);
	assert_true(filter_is_empty(&f));
	assert_int_equal(filter_add(&f, "Lincoln", 0), 0);
	assert_int_equal(filter_add(&f, "England", 1), 1);
	/* the same name in another case and without marks replaces it */
	assert_int_equal(filter_add(&f, "LINCOLN", 1), 0);
	assert_int_equal(f.n_ents, 2);
	assert_true(f.ents[0].negated);
	assert_int_equal(f.ents[0].n_ids, -1); /* not resolved */
	/* by id: another entity than any spec, replaced by id */
	assert_int_equal(filter_add_entity(&f, 42, "Abraham Lincoln", 0, 0), 2);
	assert_int_equal(filter_add_entity(&f, 42, "Abraham Lincoln", 0, 1), 2);
	assert_int_equal(f.n_ents, 3);
	assert_int_equal(filter_count_negated(&f), 3);
	filter_negate(&f, 1);
	assert_false(f.ents[1].negated);
	assert_int_equal(filter_count_negated(&f), 2);
	filter_remove(&f, 0);
	assert_int_equal(f.n_ents, 2);
	assert_string_equal(f.ents[0].label, "England");
	assert_int_equal(filter_find(&f, 42), 1);
	assert_int_equal(filter_find(&f, 7), -1);
	assert_false(filter_wants(&f, 42)); /* excluded, not wanted */
	filter_remove(&f, 9);                /* out of range: nothing */
	assert_int_equal(f.n_ents, 2);
	f.search = xstrdup("bridge");
	assert_false(filter_is_empty(&f));
	filter_clear(&f);
	assert_true(filter_is_empty(&f));
	assert_int_equal(f.n_ents, 0);
	query_filter_free(&f);
}

/* The line the status bar shows, and a copy that owns its own strings. */
static void test_describe_copy(void **state)
{
	(void)state;
	query_filter f, g;
	query_filter_init(&f);
	char *d = filter_describe(&f);
	assert_string_equal(d, "");
	free(d);
	filter_add(&f, "England", 1);
	filter_add(&f, "Lincoln", 0);
	f.search = xstrdup("bridge");
	f.since = xstrdup("2021-01-01");
	d = filter_describe(&f);
	assert_string_equal(d, " +Lincoln -England /bridge 2021-01-01..");
	free(d);
	int64_t ids[2] = {5, 6};
	filter_set_resolved(&f.ents[1], ids, 2, "Lincoln City", 2);
	query_filter_copy(&g, &f);
	query_filter_free(&f);
	assert_int_equal(g.n_ents, 2);
	assert_int_equal(g.ents[1].n_ids, 2);
	assert_true(filter_wants(&g, 6));
	assert_false(filter_wants(&g, 7));
	d = filter_describe(&g);
	assert_string_equal(d, " +Lincoln City -England /bridge 2021-01-01..");
	free(d);
	query_filter_free(&g);
}

/* The articles of filter f, counted, with f resolved first. */
static int64_t count_of(query_filter *f)
{
	char *err = NULL;
	assert_int_equal(query_filter_resolve(st, f, &err), 0);
	int64_t n = query_count(st, f, &err);
	assert_true(n >= 0);
	return n;
}

/* The facet row of the entity named name and of type t (or -1). */
static int64_t facet_count(const char *name, entity_type t, int64_t *id)
{
	query_filter none;
	query_filter_init(&none);
	facet_row rows[32];
	char *err = NULL;
	int n = query_facets(st, &none, -1, NULL, 32, rows, &err);
	assert_true(n >= 0);
	int64_t count = -1;
	for (int i = 0; i < n; i++) {
		if (rows[i].type == t && strcmp(rows[i].name, name) == 0) {
			count = rows[i].articles;
			*id = rows[i].id;
		}
		facet_row_free(&rows[i]);
	}
	return count;
}

/* A name two entities share (the city's own name, the president's
 * alias) means the one it is the own name of, and the filter's count is
 * the sidebar's; the president picked by id or TYPE:NAME is his alone. */
static void test_shared_name(void **state)
{
	(void)state;
	int64_t city = 0, man = 0;
	int64_t city_n = facet_count("Lincoln", ENT_LOC, &city);
	int64_t man_n = facet_count("Abraham Lincoln", ENT_PER, &man);
	assert_int_equal(city_n, 2);
	assert_int_equal(man_n, 1);

	query_filter f;
	query_filter_init(&f);
	filter_add(&f, "lincoln", 0);
	assert_int_equal(count_of(&f), city_n);
	assert_int_equal(f.ents[0].type, ENT_LOC);
	assert_string_equal(f.ents[0].label, "Lincoln");
	assert_false(filter_wants(&f, man));
	query_filter_free(&f);

	query_filter_init(&f);
	filter_add_entity(&f, man, "Abraham Lincoln", ENT_PER, 0);
	assert_int_equal(count_of(&f), man_n);
	query_filter_free(&f);

	query_filter_init(&f);
	filter_add(&f, "PER:Lincoln", 0);
	assert_int_equal(count_of(&f), man_n);
	assert_string_equal(f.ents[0].label, "Abraham Lincoln");
	query_filter_free(&f);

	/* excluded: the articles without the city, the president's */
	query_filter_init(&f);
	filter_add_entity(&f, city, "Lincoln", ENT_LOC, 1);
	assert_int_equal(count_of(&f), 1);
	query_filter_free(&f);
}

/* A mention written as an alias ("Lincoln" for the president) belongs to
 * a filter that names him, whatever name the filter was given: the
 * reader's n/N and highlights ask the filter by id. */
static void test_mentions_by_id(void **state)
{
	(void)state;
	query_filter f;
	query_filter_init(&f);
	filter_add(&f, "PER:Lincoln", 0);
	char *err = NULL;
	assert_int_equal(query_filter_resolve(st, &f, &err), 0);
	article_full a;
	int wanted = 0, others = 0;
	for (int64_t id = 1; id <= 3; id++) {
		assert_int_equal(query_article(st, id, NULL, &a, &err), 1);
		for (size_t i = 0; i < a.n_mentions; i++) {
			const query_mention *m = &a.mentions[i];
			if (filter_wants(&f, m->entity_id)) {
				assert_int_equal(m->type, ENT_PER);
				wanted += strcmp(m->surface, "Lincoln") == 0;
			} else {
				others++;
			}
		}
		article_full_free(&a);
	}
	assert_true(wanted >= 2); /* "Mr Lincoln", "Lincoln spoke" */
	assert_true(others >= 5); /* the city's mentions are not his */
	query_filter_free(&f);
}

/* After a merge the filter, resolved again, stands for the whole group;
 * an entity no article has stands for none and matches nothing, and
 * excluding it excludes nothing. */
static void test_merge_and_unknown(void **state)
{
	(void)state;
	int64_t city = 0, england = 0;
	facet_count("Lincoln", ENT_LOC, &city);
	assert_true(facet_count("England", ENT_LOC, &england) == 1);
	query_filter f;
	query_filter_init(&f);
	filter_add_entity(&f, england, "England", ENT_LOC, 0);
	assert_int_equal(count_of(&f), 1);
	char *err = NULL;
	assert_int_equal(query_entity_merge(st, england, city, &err), 0);
	/* the entity as the user sees it: the one it was merged into */
	entity_match m;
	assert_int_equal(query_entity_get(st, england, &m), 1);
	assert_true(m.id == city);
	assert_string_equal(m.name, "Lincoln");
	assert_int_equal(m.type, ENT_LOC);
	entity_match_free(&m);
	assert_int_equal(query_entity_get(st, 999999, &m), 0);
	assert_int_equal(count_of(&f), 2);
	assert_string_equal(f.ents[0].label, "Lincoln");
	assert_true(filter_wants(&f, city));
	assert_true(filter_wants(&f, england));
	assert_int_equal(query_entity_unmerge(st, england, &err), 0);
	assert_int_equal(count_of(&f), 1);
	query_filter_free(&f);

	query_filter_init(&f);
	filter_add(&f, "Nobody Known Here", 0);
	assert_int_equal(count_of(&f), 0);
	assert_int_equal(f.ents[0].n_ids, 0);
	f.ents[0].negated = 1;
	assert_int_equal(count_of(&f), 3);
	query_filter_free(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build),
		cmocka_unit_test(test_describe_copy),
		cmocka_unit_test(test_shared_name),
		cmocka_unit_test(test_mentions_by_id),
		cmocka_unit_test(test_merge_and_unknown),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
