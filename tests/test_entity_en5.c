/* test_entity_en5.c: precision of English highlights on real news, the
 * classes of a fifth hand audit of BBC news (issue 11): the states of
 * the US, names run on over "of" or a possessive, common words before a
 * name, works named without a cue; one test per error class, on
 * sentences written for the test. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "entity.h"
#include "testutil.h"
#include "util.h"

static entity_extractor *ex;

/* Extracts the mentions of an English body-only article. */
static void extract(const char *body, mention_list *out)
{
	extract_body_with(ex, "en", body, out);
}

/* The states of the US are places ("Born in New Jersey"), and a state
 * that is a given name too starts a person's name before a surname
 * ("Virginia Tallis"). */
static void test_us_states(void **state)
{
	(void)state;
	mention_list l;
	extract("Born in New Jersey, Orla Penhale moved to Ohio and later to Nebraska.", &l);
	expect_mention(&l, "New Jersey", ENT_LOC, "New Jersey");
	expect_mention(&l, "Ohio", ENT_LOC, "Ohio");
	expect_mention(&l, "Nebraska", ENT_LOC, "Nebraska");
	mention_list_free(&l);
	extract("The actress Virginia Tallis, who grew up in Virginia, said so.", &l);
	expect_mention(&l, "Virginia Tallis", ENT_PER, "Virginia Tallis");
	mention_list_free(&l);
}

/* Sets up the extractor on the source tree's data. */
static int setup(void **state)
{
	(void)state;
	ex = entity_extractor_new();
	return ex ? 0 : -1;
}

/* Frees the extractor. */
static int teardown(void **state)
{
	(void)state;
	entity_extractor_free(ex);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_us_states),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
