/* test_typing.c: types decided by the whole corpus. A name whose type
 * its article only guessed takes the type another article proves ("tỉnh
 * Mộc Yên" makes every Mộc Yên a place, "ông Phúc Khang" a person),
 * without re-ingest, and goes back when that article leaves; a name with
 * no evidence anywhere is of low confidence, left out of facets and
 * highlights unless asked for; names proven of two types stay two. */
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
#include "util.h"

/* A corpus folder and its store. */
typedef struct corpus {
	char *top, *dir, *path;
} corpus;

/* Makes an empty corpus folder with a store path beside it. */
static void corpus_make(corpus *c)
{
	char *tmpl = xstrdup("/tmp/lede-test-typing.XXXXXX");
	assert_non_null(mkdtemp(tmpl));
	c->top = tmpl;
	c->dir = xasprintf("%s/corpus", tmpl);
	c->path = xasprintf("%s/store.db", tmpl);
	assert_int_equal(mkdir(c->dir, 0755), 0);
}

/* Removes the corpus, its store and their folder. */
static void corpus_free(corpus *c)
{
	char *cmd = xasprintf("rm -rf '%s'", c->top);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(c->top);
	free(c->dir);
	free(c->path);
}

/* Writes an article (title, blank line, body) into the corpus. */
static void put(corpus *c, const char *name, const char *title, const char *body)
{
	char *path = xasprintf("%s/%s", c->dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "%s\n\n%s\n", title, body);
	fclose(f);
	free(path);
}

/* Deletes an article of the corpus. */
static void drop(corpus *c, const char *name)
{
	char *path = xasprintf("%s/%s", c->dir, name);
	assert_int_equal(unlink(path), 0);
	free(path);
}

/* Ingests the corpus folder (gone files leave the store) and opens
 * the store for reading. */
static store *ingest(corpus *c)
{
	char *err = NULL;
	store *s = store_open(c->path, NULL, STORE_OPEN_CREATE, &err);
	assert_non_null(s);
	ingest_options o = {.progress = 0, .jobs = 1};
	ingest_summary sum;
	char *paths[1] = {c->dir};
	assert_true(ingest_paths(s, paths, 1, &o, &sum, &err) >= 0);
	assert_int_equal(sum.failed, 0);
	return s;
}

/* Runs a one-integer query. */
static int64_t one_int(store *s, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The type and article count the facets list for name ("LOC 2"), "-"
 * when they leave it out, "LOC 1,PER 1" for two entities of that name. */
static char *facet_of(store *s, const char *name)
{
	query_filter f;
	query_filter_init(&f);
	facet_row rows[64];
	char *err = NULL;
	int n = query_facets(s, &f, -1, NULL, 64, rows, &err);
	assert_true(n >= 0);
	strbuf b;
	sb_init(&b);
	for (int i = 0; i < n; i++) {
		if (strcmp(rows[i].name, name) == 0)
			sb_printf(&b, "%s%s %lld", b.len ? "," : "", entity_type_name(rows[i].type),
				  (long long)rows[i].articles);
		facet_row_free(&rows[i]);
	}
	query_filter_free(&f);
	if (!b.len)
		sb_adds(&b, "-");
	return sb_detach(&b);
}

/* The types of the mentions of name in the article of file (in the
 * corpus), as the reader highlights them: "LOC LOC", or "" for none. */
static char *mentions_of(store *s, corpus *c, const char *file, const char *name)
{
	char *path = xasprintf("%s/%s", c->dir, file);
	article_full a;
	char *err = NULL;
	assert_int_equal(query_article(s, 0, path, &a, &err), 1);
	strbuf b;
	sb_init(&b);
	for (size_t i = 0; i < a.n_mentions; i++)
		if (strcmp(a.mentions[i].canonical, name) == 0)
			sb_printf(&b, "%s%s", b.len ? " " : "", entity_type_name(a.mentions[i].type));
	article_full_free(&a);
	free(path);
	if (!b.len)
		sb_adds(&b, "");
	return sb_detach(&b);
}

/* Asserts what facet_of says of name. */
#define assert_facet(s, name, want)                                                            \
	do {                                                                                   \
		char *got_ = facet_of(s, name);                                                \
		assert_string_equal(got_, want);                                               \
		free(got_);                                                                    \
	} while (0)

/* Asserts what mentions_of says of name in file. */
#define assert_mentions(s, c, file, name, want)                                                \
	do {                                                                                   \
		char *got_ = mentions_of(s, c, file, name);                                    \
		assert_string_equal(got_, want);                                               \
		free(got_);                                                                    \
	} while (0)

/* The store's counts are the sums of its rows. */
static void assert_sums(store *s)
{
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity e WHERE e.articles <>"
				    " (SELECT count(*) FROM article_entity ae WHERE ae.entity_id = e.id)"
				    " OR e.evidence <> (SELECT coalesce(sum(evidence), 0)"
				    "  FROM article_entity ae WHERE ae.entity_id = e.id)"
				    " OR e.guessed <> (SELECT count(*) FROM article_entity ae"
				    "  WHERE ae.entity_id = e.id AND ae.guess IS NOT NULL)"),
			 0);
}

static const char guessed_body[] = "Mùa xuân năm nay, Mộc Yên rực rỡ sắc hoa. Nhiều gia đình"
				   " nói Mộc Yên đẹp nhất vào tháng hai.";

/* One "tỉnh Mộc Yên" makes the Mộc Yên another article only guessed
 * a place, in the facets and in that article's highlights; deleting the
 * article that proved it takes it back to a guess, left out again. */
static void test_place_evidence_retypes(void **state)
{
	(void)state;
	corpus c;
	corpus_make(&c);
	put(&c, "guessed.txt", "Lễ hội mùa xuân", guessed_body);
	store *s = ingest(&c);
	/* only guessed: of low confidence, left out unless all are asked */
	assert_facet(s, "Mộc Yên", "-");
	assert_mentions(s, &c, "guessed.txt", "Mộc Yên", "");
	query_all_entities(s, 1);
	assert_facet(s, "Mộc Yên", "PER 1");
	assert_mentions(s, &c, "guessed.txt", "Mộc Yên", "PER PER");
	store_close(s);

	put(&c, "proof.txt", "Tỉnh mở rộng địa giới",
	    "Theo quyết định mới, tỉnh Mộc Yên sẽ được mở rộng về phía bắc.");
	s = ingest(&c);
	assert_facet(s, "Mộc Yên", "LOC 2");
	assert_mentions(s, &c, "guessed.txt", "Mộc Yên", "LOC LOC");
	assert_sums(s);
	/* --entity finds both articles under the one place */
	query_filter f;
	query_filter_init(&f);
	filter_add(&f, "LOC:Mộc Yên", 0);
	char *err = NULL;
	assert_int_equal(query_count(s, &f, &err), 2);
	query_filter_free(&f);
	store_close(s);

	drop(&c, "proof.txt");
	s = ingest(&c);
	assert_facet(s, "Mộc Yên", "-");
	assert_mentions(s, &c, "guessed.txt", "Mộc Yên", "");
	query_all_entities(s, 1);
	assert_facet(s, "Mộc Yên", "PER 1");
	assert_sums(s);
	store_close(s);
	corpus_free(&c);
}

/* "ông Phúc Khang" in one article makes the bare Phúc Khang of another,
 * left out while only guessed, a person of confidence. */
static void test_person_evidence(void **state)
{
	(void)state;
	corpus c;
	corpus_make(&c);
	put(&c, "a.txt", "Tin ngắn",
	    "Sáng nay, Phúc Khang có mặt tại sân bay. Phúc Khang chào mọi người rồi đi.");
	store *s = ingest(&c);
	assert_facet(s, "Phúc Khang", "-");
	assert_mentions(s, &c, "a.txt", "Phúc Khang", "");
	store_close(s);
	put(&c, "b.txt", "Tin vắn", "Theo ông Phúc Khang, chuyến đi kéo dài một tuần.");
	s = ingest(&c);
	assert_facet(s, "Phúc Khang", "PER 2");
	assert_mentions(s, &c, "a.txt", "Phúc Khang", "PER PER");
	assert_sums(s);
	store_close(s);
	corpus_free(&c);
}

/* One spelling proven of two types by two articles stays two entities
 * (each keeps its own evidence); a third article that only guesses it
 * follows the type with more evidence in the corpus. */
static void test_two_proven_types_stay_two(void **state)
{
	(void)state;
	corpus c;
	corpus_make(&c);
	put(&c, "place1.txt", "Tỉnh mới", "Người dân tỉnh Mộc Yên vui mừng đón tin.");
	put(&c, "place2.txt", "Tỉnh mới nữa", "Đường về tỉnh Mộc Yên đã thông xe.");
	put(&c, "person.txt", "Gặp gỡ", "Hôm qua, ông Mộc Yên tiếp khách tại nhà.");
	put(&c, "guessed.txt", "Lễ hội mùa xuân", guessed_body);
	store *s = ingest(&c);
	assert_facet(s, "Mộc Yên", "LOC 3,PER 1");
	assert_mentions(s, &c, "person.txt", "Mộc Yên", "PER");
	assert_mentions(s, &c, "guessed.txt", "Mộc Yên", "LOC LOC");
	assert_sums(s);
	store_close(s);
	corpus_free(&c);
}

/* The learned layer: a name without evidence whose type the names the
 * corpus proved confirm ("Quorin Walker" among sixty proven people, ten
 * of them Quorins, and ten cities) is of confidence; one whose words the
 * corpus never proved is not; and the confirmation goes when its
 * teachers leave the store. */
static void test_learned_layer(void **state)
{
	(void)state;
	/* given names of no data file: only the corpus can teach them */
	static const char *const given[] = {"Quorin", "Velmaro", "Tazrik", "Brenvo", "Kaldor",
					    "Zephran"};
	static const char *const family[] = {"Carter", "Hughes", "Palmer", "Fisher", "Porter",
					     "Warren", "Barker", "Lawson", "Gibson", "Fowler"};
	static const char *const city[] = {"Paris", "London", "Berlin", "Madrid", "Rome",
					   "Vienna", "Prague", "Warsaw", "Dublin", "Lisbon"};
	corpus c;
	corpus_make(&c);
	put(&c, "guessed.txt", "Bridge opens",
	    "On Monday, Quorin Walker and Zorblax Quimby opened the new bridge over the river.");
	for (size_t i = 0; i < 6; i++)
		for (size_t j = 0; j < 10; j++) {
			char *name = xasprintf("proof-%zu-%zu.txt", i, j);
			char *body = xasprintf("Mr %s %s, the mayor, spoke to reporters in %s.",
					       given[i], family[j], city[j]);
			put(&c, name, "Town news", body);
			free(name);
			free(body);
		}
	store *s = ingest(&c);
	char *f = facet_of(s, "Quorin Walker");
	assert_string_equal(f, "PER 1");
	free(f);
	f = facet_of(s, "Zorblax Quimby");
	assert_string_equal(f, "-");
	free(f);
	assert_int_equal(one_int(s, "SELECT learned FROM entity WHERE name = 'Quorin Walker'"), 1);
	assert_int_equal(one_int(s, "SELECT evidence FROM entity WHERE name = 'Quorin Walker'"), 0);
	store_close(s);
	/* the teachers leave: nothing confirms Quorin Walker any more */
	for (size_t i = 0; i < 6; i++)
		for (size_t j = 0; j < 10; j++) {
			char *name = xasprintf("proof-%zu-%zu.txt", i, j);
			drop(&c, name);
			free(name);
		}
	put(&c, "other.txt", "River news", "The river rose overnight.");
	s = ingest(&c);
	f = facet_of(s, "Quorin Walker");
	assert_string_equal(f, "-");
	free(f);
	store_close(s);
	corpus_free(&c);
}

/* An acronym's shape is that of common nouns' abbreviations too (BCTC,
 * VNĐ): among sixty proven organizations' acronyms that start as it
 * does, one that no article proves stays of low confidence; the learned
 * layer never confirms a word in capitals. */
static void test_learned_not_acronyms(void **state)
{
	(void)state;
	corpus c;
	corpus_make(&c);
	static const char *const family[] = {"Carter", "Hughes", "Palmer", "Fisher", "Porter",
					     "Warren", "Barker", "Lawson", "Gibson", "Fowler"};
	static const char *const city[] = {"Paris", "London", "Berlin", "Madrid", "Rome",
					   "Vienna", "Prague", "Warsaw", "Dublin", "Lisbon"};
	put(&c, "guessed.txt", "Tin kinh tế",
	    "Sáng nay các doanh nghiệp nộp XAQZ đúng hạn, giá vàng không đổi.");
	for (size_t i = 0; i < 60; i++) {
		char *name = xasprintf("proof-%zu.txt", i);
		char *body = xasprintf("Theo hãng tin X%c%c, ông Tom %s phát biểu tại thành phố %s.",
				       'A' + (int)(i / 26) % 26, 'A' + (int)(i % 26),
				       family[i % 10], city[i / 6]);
		put(&c, name, "Tin vàng", body);
		free(name);
		free(body);
	}
	store *s = ingest(&c);
	assert_int_equal(one_int(s, "SELECT evidence > 0 FROM entity WHERE name = 'XAB'"), 1);
	assert_int_equal(one_int(s, "SELECT learned FROM entity WHERE name = 'XAQZ'"), 0);
	char *f = facet_of(s, "XAQZ");
	assert_string_equal(f, "-");
	free(f);
	store_close(s);
	corpus_free(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_place_evidence_retypes),
		cmocka_unit_test(test_person_evidence),
		cmocka_unit_test(test_two_proven_types_stay_two),
		cmocka_unit_test(test_learned_layer),
		cmocka_unit_test(test_learned_not_acronyms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
