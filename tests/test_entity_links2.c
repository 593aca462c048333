/* test_entity_links2.c: links that must never merge two things
 * (doc/entities.md, "Linking within the article"): a name after a royal
 * title, on sentences written for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "entity.h"
#include "testutil.h"
#include "util.h"

static entity_extractor *ex;

/* The canonical name of the first mention written `surface`, or "" when
 * there is none. */
static const char *canon_of(const mention_list *l, const char *surface)
{
	const mention *m = find_surface(l, surface);
	return m ? m->canonical : "";
}

/* A name after a royal or noble title is a given or title name: it is
 * named with its title, and links to no full name it is the last word
 * of ("Lord Osborne" is not Tim Osborne). */
static void test_royal_title(void **state)
{
	(void)state;
	mention_list l;
	extract_body_with(ex, "en",
	                  "Judge Lord Osborne heard the appeal on Monday. The plaintiff, "
	                  "farmer Tim Osborne, said he would go on.",
	                  &l);
	assert_string_equal(canon_of(&l, "Tim Osborne"), "Tim Osborne");
	assert_string_not_equal(canon_of(&l, "Osborne"), "Tim Osborne");
	mention_list_free(&l);

	extract_body_with(ex, "en",
	                  "Prince Charles visited the hospital on Friday. Charles spoke "
	                  "to nurses for an hour.",
	                  &l);
	assert_string_equal(canon_of(&l, "Charles"), "Prince Charles");
	mention_list_free(&l);

	/* a full name is no title name */
	extract_body_with(ex, "en", "The singer Ray Charles toured Europe. Charles sang.", &l);
	assert_string_equal(canon_of(&l, "Charles"), "Ray Charles");
	mention_list_free(&l);
}

/* A compass word in lower case before America makes the region, not the
 * United States. */
static void test_compass_america(void **state)
{
	(void)state;
	mention_list l;
	extract_body_with(ex, "en",
	                  "Sales in north America rose by a tenth, while exports to "
	                  "central America fell.",
	                  &l);
	assert_null(find_surface(&l, "America"));
	assert_string_equal(canon_of(&l, "north America"), "Bắc Mỹ");
	assert_string_equal(canon_of(&l, "central America"), "Trung Mỹ");
	mention_list_free(&l);

	/* Latin America is no South America */
	extract_body_with(ex, "en", "Growth in Latin America beat that of South America alone.", &l);
	assert_string_not_equal(canon_of(&l, "Latin America"), canon_of(&l, "South America"));
	mention_list_free(&l);
}

/* Another language's name of a city ("vi:Roma") is the city only in
 * that language: in English the Roma are a people. */
static void test_alias_of_language(void **state)
{
	(void)state;
	mention_list l;
	extract_body_with(ex, "en",
	                  "Groups speaking for the Roma said on Tuesday that the Roma "
	                  "face hardship across Europe.",
	                  &l);
	assert_string_not_equal(canon_of(&l, "Roma"), "Rome");
	mention_list_free(&l);

	extract_body_with(ex, "vi", "Đoàn khách đến thủ đô Roma của Italy hôm thứ Ba.", &l);
	assert_string_equal(canon_of(&l, "Roma"), "Rome");
	mention_list_free(&l);
}

/* In sport news "Madrid" alone is the club. */
static void test_sport_madrid(void **state)
{
	(void)state;
	mention_list l;
	extract_body_with(ex, "en",
	                  "Madrid beat Barcelona 2-1 in the league on Sunday, and the "
	                  "Madrid coach praised his players after the match.",
	                  &l);
	assert_string_equal(canon_of(&l, "Madrid"), "Real Madrid");
	mention_list_free(&l);
}

/* A Vietnamese form of address at a sentence start is a pronoun ("Anh
 * đã ghi bàn": he scored), not the given name of a person the article
 * names ("Nguyễn Tuấn Anh"); the person's full name still links. */
static void test_pronoun_not_name(void **state)
{
	(void)state;
	mention_list l;
	extract_body_with(ex, "vi",
	                  "Tiền đạo Nguyễn Tuấn Anh ghi hai bàn cho đội nhà. Anh đã trở "
	                  "thành cầu thủ xuất sắc nhất trận.",
	                  &l);
	assert_string_equal(canon_of(&l, "Nguyễn Tuấn Anh"), "Nguyễn Tuấn Anh");
	assert_null(find_surface(&l, "Anh"));
	mention_list_free(&l);
}

/* Loads the extractor once for all tests. */
static int setup(void **state)
{
	(void)state;
	ex = entity_extractor_new();
	return ex ? 0 : -1;
}

/* Frees it. */
static int teardown(void **state)
{
	(void)state;
	entity_extractor_free(ex);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_royal_title),
	    cmocka_unit_test(test_compass_america),
	    cmocka_unit_test(test_alias_of_language),
	    cmocka_unit_test(test_sport_madrid),
	    cmocka_unit_test(test_pronoun_not_name),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
