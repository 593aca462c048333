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
	/* an adjective before a business word, a suffix alone: no company */
	extract("Malaysia plans an Islamic bank, said LG Group, a family owned conglomerate.", &l);
	assert_false(has_name(&l, "Islamic"));
	assert_false(has_surface(&l, ENT_ORG, "Group"));
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
 * game X: Subtitle" (and the title written again alone); a name before a
 * work noun ("the X series") is no person as a guess. */
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
	/* a subtitle after a colon, and the title written again alone */
	extract("Sales were boosted by the game Crimson Drift: Night Harbour. Analysts say "
	        "that Night Harbour broke the record, as did the sequel to Moon Patrol City.",
	        &l);
	assert_false(has_name(&l, "Moon Patrol City"));
	assert_false(has_name(&l, "Night Harbour"));
	assert_false(has_name(&l, "Crimson Drift"));
	mention_list_free(&l);
	/* one word before an auxiliary */
	extract("The animated movie Cogwheels has opened at the top of the chart. Featuring the "
	        "voices of Ada Cole, Tom Reeve and Cogwheels, it follows a robot.",
	        &l);
	assert_false(has_name(&l, "Cogwheels"));
	mention_list_free(&l);
	/* after a comma and "The" */
	extract("Another comic book adaptation, The Brass Giant, opens this summer.", &l);
	assert_false(has_name(&l, "Brass Giant"));
	mention_list_free(&l);
	/* a title before its work noun has no type as a guess */
	extract("He is known for his work on Star-Rider and other comics. The Star-Rider series "
	        "was a hit, said Ana Ruiz.",
	        &l);
	assert_false(has_name(&l, "Star-Rider"));
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

/* Words that are no person: a demonym noun ("the Frenchman"), a
 * lecture named after someone, a game's name, a bill; a name ending in
 * Films is a company; a plural title before a
 * name ("Presidents George Lane and ...") is no part of it. */
static void test_not_people(void **state)
{
	(void)state;
	mention_list l;
	extract("The 40-year-old Dutchman told reporters he gave the 12th Ada Quill Lecture. "
	        "The Ohio Game was launched by Presidents Dora Lane and Bill Mott.",
	        &l);
	assert_false(has_name(&l, "Dutchman"));
	assert_false(has_name(&l, "Ada Quill Lecture"));
	assert_false(has_name(&l, "Ohio Game"));
	assert_true(has_surface(&l, ENT_PER, "Dora Lane"));
	mention_list_free(&l);
	/* a bill is a law; a name ending in Films is a company */
	extract("MPs debated the Young Carers Bill, and Harbour Lane Films said it would "
	        "distribute the film.",
	        &l);
	assert_false(has_name(&l, "Young Carers Bill"));
	assert_true(has_surface(&l, ENT_ORG, "Harbour Lane Films"));
	mention_list_free(&l);
	/* a "Bill" inside a name is a given name */
	extract("Tycoon Bill Harlan said he would buy the club.", &l);
	assert_true(has_name(&l, "Bill Harlan") || has_name(&l, "Tycoon Bill Harlan"));
	mention_list_free(&l);
}

/* A title word after a given name, ending the name, is a surname:
 * "Larry King said". */
static void test_title_surname(void **state)
{
	(void)state;
	mention_list l;
	extract("The television host Larry King said the show was over.", &l);
	assert_true(has_surface(&l, ENT_PER, "Larry King"));
	mention_list_free(&l);
}

/* A party's name written as an adjective is the party, not a place
 * ("the NHS was not safe in Conservative hands"). */
static void test_party_adjective(void **state)
{
	(void)state;
	mention_list l;
	extract("The minister said the schools were not safe in Conservative hands, and "
	        "attacked Tory plans.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Conservative"));
	assert_false(has_surface(&l, ENT_LOC, "Conservative"));
	mention_list_free(&l);
}

/* Names joined by a spaced "&" are a firm's, whole: "Tibbett & Britten",
 * "Fairmont Hotels & Resorts". */
static void test_ampersand_firms(void **state)
{
	(void)state;
	mention_list l;
	extract("He bought stakes in Harlow Hotels & Resorts, and Dobbs & Kettering said it "
	        "would buy the rest.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Harlow Hotels & Resorts"));
	assert_true(has_surface(&l, ENT_ORG, "Dobbs & Kettering"));
	mention_list_free(&l);
}

/* A firm's first word alone is the firm, though it "said" things:
 * "Harlow Hotels & Resorts" ... "Harlow said". */
static void test_firm_first_word(void **state)
{
	(void)state;
	mention_list l;
	extract("He has stakes in Harlow Hotels & Resorts, which will run the hotel. Work will "
	        "end in May, Harlow said.",
	        &l);
	const mention *m = find_surface(&l, "Harlow");
	assert_non_null(m);
	assert_int_equal(m->type, ENT_ORG);
	assert_string_equal(m->canonical, "Harlow Hotels & Resorts");
	mention_list_free(&l);
}

/* Roles of athletes are no part of a name: "Sprinter Ada Cole". */
static void test_athlete_roles(void **state)
{
	(void)state;
	mention_list l;
	extract("Sprinter Ada Cole has been banned, and the golfer Tom Reeve won.", &l);
	assert_true(has_surface(&l, ENT_PER, "Ada Cole"));
	assert_true(has_surface(&l, ENT_PER, "Tom Reeve"));
	assert_false(has_name(&l, "Sprinter Ada Cole"));
	mention_list_free(&l);
}

/* Plurals of a title in capitals ("MPs", "MEPs") and believers of a
 * faith ("Catholics", "Muslims") are nobody's name. */
static void test_members_and_believers(void **state)
{
	(void)state;
	mention_list l;
	extract("MPs voted on the bill. Labour MPs said Tony Blair was wrong. Catholics and "
	        "Muslims prayed together.",
	        &l);
	assert_false(has_name(&l, "MPs"));
	assert_false(has_name(&l, "Catholics"));
	assert_false(has_name(&l, "Muslims"));
	assert_true(has_surface(&l, ENT_PER, "Tony Blair"));
	assert_true(has_surface(&l, ENT_ORG, "Labour"));
	mention_list_free(&l);
}

/* Large companies known by their brand are organizations, though they
 * "said" things (organizations.tsv). */
static void test_known_companies(void **state)
{
	(void)state;
	mention_list l;
	extract("Yahoo said profits rose, and Vodafone said it would cut jobs under New Labour.", &l);
	assert_true(has_surface(&l, ENT_ORG, "Yahoo"));
	assert_true(has_surface(&l, ENT_ORG, "New Labour"));
	assert_true(has_surface(&l, ENT_ORG, "Vodafone"));
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
	    cmocka_unit_test(test_hyphen_adjectives), cmocka_unit_test(test_not_people),
	    cmocka_unit_test(test_title_surname),     cmocka_unit_test(test_party_adjective),
	    cmocka_unit_test(test_ampersand_firms),   cmocka_unit_test(test_athlete_roles),
	    cmocka_unit_test(test_firm_first_word),  cmocka_unit_test(test_members_and_believers),
	    cmocka_unit_test(test_known_companies),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
