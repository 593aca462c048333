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
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
