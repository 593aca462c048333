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

/* A person's name before "of" ends there: what follows is the person's
 * employer ("Tim Daly of Michael Foods"), while an organization's or a
 * place's word before "of" keeps the name whole ("Bank of England"). */
static void test_person_of_employer(void **state)
{
	(void)state;
	mention_list l;
	extract("According to Ansel Pardoe of Tarrant Trade Magazine, the law helps. Tim "
	        "Vellacott of Hollin Foods agreed. The Bank of England and the Isle of Man "
	        "did not.",
	        &l);
	expect_mention(&l, "Ansel Pardoe", ENT_PER, "Ansel Pardoe");
	expect_mention(&l, "Tarrant Trade Magazine", ENT_ORG, "Tarrant Trade Magazine");
	expect_mention(&l, "Tim Vellacott", ENT_PER, "Tim Vellacott");
	expect_mention(&l, "Hollin Foods", ENT_ORG, "Hollin Foods");
	expect_no_mention(&l, "Ansel Pardoe of Tarrant Trade Magazine");
	expect_mention(&l, "Bank of England", ENT_ORG, "Bank of England");
	assert_true(has_surface(&l, ENT_LOC, "Isle of Man"));
	mention_list_free(&l);
}

/* A possessive before a person's name, or after a form of address, ends
 * a name: "The Agency's Ricky Anstey" is a sitcom's actor, "Mr Ortega's
 * Workers Party" a man's party, while "the Hanoi People's Committee"
 * stays one name. */
static void test_possessive_owner(void **state)
{
	(void)state;
	mention_list l;
	extract("The Agency's Ricky Anstey is writing an episode. Anstey said it was fun.",
	        &l);
	expect_mention(&l, "Ricky Anstey", ENT_PER, "Ricky Anstey");
	expect_no_mention(&l, "Agency's Ricky Anstey");
	mention_list_free(&l);
	extract("The plan was opposed by Mr Ortega's Workers Party.", &l);
	expect_mention(&l, "Ortega", ENT_PER, "Ortega");
	expect_no_mention(&l, "Ortega's Workers Party");
	mention_list_free(&l);
	extract("The Hanoi People's Committee met on Monday.", &l);
	expect_mention(&l, "Hanoi People's Committee", ENT_ORG, "Hanoi People's Committee");
	mention_list_free(&l);
}

/* A sentence's capitalized first word before a person's name is no part
 * of it ("Boss Alan Pardew", "Making Michael Howard leader"), and a
 * prefix glued by a hyphen is no part of the name after it
 * ("Ex-Downing Street", "Anti-Europe"). */
static void test_lead_word_prefix(void **state)
{
	(void)state;
	mention_list l;
	extract("Boss Alan Pardew felt the side were never in danger. \"Making Michael "
	        "Howard leader was a gift,\" the source said.",
	        &l);
	expect_mention(&l, "Alan Pardew", ENT_PER, "Alan Pardew");
	expect_no_mention(&l, "Boss Alan Pardew");
	assert_true(has_surface(&l, ENT_PER, "Michael Howard"));
	expect_no_mention(&l, "Making Michael Howard");
	mention_list_free(&l);
	extract("Ex-Downing Street media chief Alastair Campbell will return. Anti-Europe "
	        "feeling grew in Kent.",
	        &l);
	expect_no_mention(&l, "Ex-Downing Street");
	expect_no_mention(&l, "Anti-Europe");
	assert_true(has_surface(&l, ENT_LOC, "Europe"));
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
	    cmocka_unit_test(test_person_of_employer),
	    cmocka_unit_test(test_possessive_owner),
	    cmocka_unit_test(test_lead_word_prefix),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
