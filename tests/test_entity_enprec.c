/* test_entity_enprec.c: precision of English highlights on real news
 * (issue 11): companies told from people by corporate context, acronyms
 * that "said" something, works after a work noun, sponsors of events,
 * hyphenated adjectives, one test per error class, on sentences written
 * for the test. */
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

/* A one-word company that "said" things is an organization when a
 * corporate word names it: a business noun before it ("banking giant X",
 * "research firm X", "analysts X", "retailer, X,"), a business word after
 * it ("X shares", "X's chief executive"), "shares in X", a role at it
 * ("an economist at X"). People keep their "said". */
static void test_corporate_context(void **state)
{
	(void)state;
	mention_list l;
	extract("Traders at the banking giant Borlex face an inquiry. Borlex said it would "
	        "co-operate, and Borlex said it was disappointed.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Borlex"));
	assert_false(has_entity(&l, ENT_PER, "Borlex"));
	mention_list_free(&l);
	extract("Phone sales grew by a third, according to technology analysts Quantik. The "
	        "market will slow, Quantik said.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Quantik"));
	assert_false(has_entity(&l, ENT_PER, "Quantik"));
	mention_list_free(&l);
	extract("The world's biggest grocer, Mervo-Mart, has agreed to pay a fine. Mervo-Mart "
	        "said it would appeal.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Mervo-Mart"));
	assert_false(has_entity(&l, ENT_PER, "Mervo-Mart"));
	mention_list_free(&l);
	extract("Shares in Dantley jumped on Monday. Dantley said profits had doubled.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Dantley"));
	mention_list_free(&l);
	extract("Fenwick shares fell sharply. Fenwick's chief executive resigned, and Fenwick "
	        "said it would cut jobs.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Fenwick"));
	assert_false(has_entity(&l, ENT_PER, "Fenwick"));
	mention_list_free(&l);
	extract("\"Rates will stay on hold,\" said Helen Marsh, an economist at Tellwood Insight.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Tellwood Insight"));
	assert_true(has_entity(&l, ENT_PER, "Helen Marsh"));
	mention_list_free(&l);
	/* people keep the evidence of what they said */
	extract("Tom Ashby said the deal was good. Ashby said he was pleased.", &l);
	assert_true(has_entity(&l, ENT_PER, "Tom Ashby"));
	assert_false(has_entity(&l, ENT_ORG, "Tom Ashby"));
	mention_list_free(&l);
}

/* An acronym alone is no person, whatever it said ("BT said"). */
static void test_acronym_said(void **state)
{
	(void)state;
	mention_list l;
	extract("The KLT said profits fell in the spring. KLT told investors to wait.", &l);
	assert_false(has_entity(&l, ENT_PER, "KLT"));
	mention_list_free(&l);
}

/* The title after a work noun is a work, no entity: "the film X", "the
 * game X", "the album X". */
static void test_work_titles(void **state)
{
	(void)state;
	mention_list l;
	extract("The channel refused to air the film Silver Harbour Nights, and the game "
	        "Crimson Drift Vice broke sales records, said Ana Ruiz.",
	        &l);
	assert_false(has_name(&l, "Silver Harbour Nights"));
	assert_false(has_name(&l, "Crimson Drift Vice"));
	assert_true(has_entity(&l, ENT_PER, "Ana Ruiz"));
	mention_list_free(&l);
}

/* A sponsor's name before an event is part of the event: no entity
 * ("the XBK Six Nations"). */
static void test_event_sponsor(void **state)
{
	(void)state;
	mention_list l;
	extract("Wales won their first away match in the XBK Six Nations since 2001.", &l);
	assert_false(has_name(&l, "XBK"));
	assert_true(has_entity(&l, ENT_LOC, "Wales"));
	mention_list_free(&l);
}

/* "Glasgow-based", "Robot-themed": a name with a lower-case hyphenated
 * tail is an adjective, no name of its own; Korean given names keep
 * theirs ("Lee Min-ho"). */
static void test_hyphen_adjectives(void **state)
{
	(void)state;
	mention_list l;
	extract("The Glasgow-based developer made the game. Robot-themed toys sold well, "
	        "Lee Min-ho said.",
	        &l);
	assert_false(has_name(&l, "Glasgow-based"));
	assert_false(has_name(&l, "Robot-themed"));
	assert_true(has_entity(&l, ENT_PER, "Lee Min-ho"));
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
	    cmocka_unit_test(test_corporate_context), cmocka_unit_test(test_acronym_said),
	    cmocka_unit_test(test_work_titles),       cmocka_unit_test(test_event_sponsor),
	    cmocka_unit_test(test_hyphen_adjectives),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
