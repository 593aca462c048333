/* test_entity_enprec4.c: precision of English highlights on real news,
 * the classes of a hand audit of BBC news (issue 11): titles kept inside
 * people's names, names cut at their first words, organizations and
 * people of the wrong type, one test per error class, on sentences
 * written for the test. */
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

/* British forms of address and titles are no part of a person's name:
 * "Prof", "Rev", "Rt Rev", "Baroness" as "Lord" and "Professor" are; a
 * judge's "Justice" after "Mr" or "Lord" or before a full name; and a
 * sentence's first word before "Mr" is no part of the name after it. */
static void test_titles_outside(void **state)
{
	(void)state;
	mention_list l;
	extract("The first step, says Prof Yendle, is cheap hardware. Prof Yendle also "
	        "thinks the idea will spread.",
	        &l);
	expect_mention(&l, "Yendle", ENT_PER, "Yendle");
	expect_no_mention(&l, "Prof Yendle");
	mention_list_free(&l);
	extract("Mr Justice Orlow said the claim failed, and Lord Justice Pennick agreed. "
	        "Justice Martha Quell dissented; the Justice Department declined to comment.",
	        &l);
	expect_mention(&l, "Orlow", ENT_PER, "Orlow");
	expect_mention(&l, "Pennick", ENT_PER, "Pennick");
	expect_mention(&l, "Martha Quell", ENT_PER, "Martha Quell");
	expect_no_mention(&l, "Justice Orlow");
	expect_mention(&l, "Justice Department", ENT_ORG, "Justice Department");
	mention_list_free(&l);
	extract("Downing Street adviser Baroness Tillard said so, and the Rt Rev Colm Ardery "
	        "and the Rev Ama Tobin agreed.",
	        &l);
	expect_mention(&l, "Tillard", ENT_PER, "Baroness Tillard");
	expect_mention(&l, "Colm Ardery", ENT_PER, "Colm Ardery");
	expect_mention(&l, "Ama Tobin", ENT_PER, "Ama Tobin");
	mention_list_free(&l);
	extract("Interrupting Mr Dessau in his opening, the judge asked for calm.", &l);
	expect_mention(&l, "Dessau", ENT_PER, "Dessau");
	expect_no_mention(&l, "Interrupting Mr Dessau");
	mention_list_free(&l);
}

/* Loads the extractor from the source tree's data once. */
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
	    cmocka_unit_test(test_titles_outside),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
