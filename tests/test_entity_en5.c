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
	/* (a role's word before a name that starts with no known given name) */
	mention_list_free(&l);
	extract("Boss Graemon Sounder felt the side were never in danger. Sounder said so.", &l);
	expect_mention(&l, "Graemon Sounder", ENT_PER, "Graemon Sounder");
	expect_no_mention(&l, "Boss Graemon Sounder");
	mention_list_free(&l);
	extract("Boss Alan Pardew felt the side were never in danger. \"Making Michael "
	        "Howard leader was a gift,\" the source said.",
	        &l);
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

/* The US Treasury is named with its country and is no alias of the bare
 * Treasury of British news: the two are two entities. */
static void test_two_treasuries(void **state)
{
	(void)state;
	mention_list l;
	extract("US Treasury Secretary Ann Vorley spoke in Washington. Chief Secretary to the "
	        "Treasury Paul Denham said the Treasury in London disagreed. The Treasury "
	        "Department declined to comment.",
	        &l);
	expect_mention(&l, "US Treasury", ENT_ORG, "US Treasury");
	expect_mention(&l, "Treasury Department", ENT_ORG, "US Treasury");
	expect_mention(&l, "Treasury", ENT_ORG, "Treasury");
	expect_mention(&l, "Paul Denham", ENT_PER, "Paul Denham");
	mention_list_free(&l);
}

/* The BBC's channels are named whole ("BBC One's", "BBC Three", "BBC
 * America"), not cut at the BBC. */
static void test_bbc_channels(void **state)
{
	(void)state;
	mention_list l;
	extract("Mr Tolley told BBC One's breakfast programme. A BBC Three documentary and "
	        "the cable channel BBC America followed, and the BBC said so.",
	        &l);
	expect_mention(&l, "BBC One", ENT_ORG, "BBC");
	expect_mention(&l, "BBC Three", ENT_ORG, "BBC");
	expect_mention(&l, "BBC America", ENT_ORG, "BBC");
	expect_mention(&l, "BBC", ENT_ORG, "BBC");
	mention_list_free(&l);
}

/* A body's or a website's word makes an organization of a name that
 * looks like a person's ("anti-corruption body Openness International",
 * "the Hush Note and Mac Rumble websites"). */
static void test_body_and_website(void **state)
{
	(void)state;
	mention_list l;
	extract("Anti-graft body Openness International said so. The leaks went to the "
	        "Hush Note websites. A dispute with Hush Note goes on.",
	        &l);
	expect_mention(&l, "Openness International", ENT_ORG, "Openness International");
	expect_mention(&l, "Hush Note", ENT_ORG, "Hush Note");
	mention_list_free(&l);
}

/* Storms and inquiries are events, no people ("Hurricane Ivan",
 * "Typhoon Songda", "the Pelham Inquiry"). */
static void test_storms_inquiries(void **state)
{
	(void)state;
	mention_list l;
	extract("Stocks fell after Hurricane Ivette in September and Typhoon Marlo in October. "
	        "Key probes like the Pelham Inquiry may suffer, Kim Ardent said.",
	        &l);
	expect_no_mention(&l, "Hurricane Ivette");
	expect_no_mention(&l, "Ivette");
	expect_no_mention(&l, "Typhoon Marlo");
	expect_no_mention(&l, "Pelham Inquiry");
	expect_mention(&l, "Kim Ardent", ENT_PER, "Kim Ardent");
	mention_list_free(&l);
}

/* Films named without a work's noun right before them are works by what
 * surrounds them: "her role in X", "box office hits X, Y and Z", a list
 * of films going on past a title that made no name, a person's possessive
 * before a title that is no person's name. */
static void test_works_around(void **state)
{
	(void)state;
	mention_list l;
	extract("Actress Ida Penrose was praised for her role in Maud Fenwick. His role in "
	        "Iraq was criticised.",
	        &l);
	expect_mention(&l, "Ida Penrose", ENT_PER, "Ida Penrose");
	expect_no_mention(&l, "Maud Fenwick");
	assert_true(has_surface(&l, ENT_LOC, "Iraq"));
	mention_list_free(&l);
	extract("It followed the box office hits Nora Quill, Calendar Wives and Lasting Grace.",
	        &l);
	expect_no_mention(&l, "Nora Quill");
	expect_no_mention(&l, "Calendar Wives");
	expect_no_mention(&l, "Lasting Grace");
	mention_list_free(&l);
	extract("Also nominated are the comedy Napier Dane, The Gate in the Wall and Orchard "
	        "Country - written by Ezra Moll.",
	        &l);
	expect_no_mention(&l, "Orchard Country");
	expect_mention(&l, "Ezra Moll", ENT_PER, "Ezra Moll");
	mention_list_free(&l);
	extract("The runners-up were named, with Clint Harwood's Million Penny Child just missing "
	        "out.",
	        &l);
	expect_mention(&l, "Clint Harwood", ENT_PER, "Clint Harwood");
	expect_no_mention(&l, "Million Penny Child");
	mention_list_free(&l);
}

/* A name written with a common English word, or first a verb's -ing
 * form, and no given name first is a title or a product's name as often
 * as anything: no type as a guess ("Small Talk", "Open Harbour",
 * "Finding Marlowe"), while a person's name with no common word keeps
 * its guess ("Kolo Tourane"). */
static void test_common_word_phrase(void **state)
{
	(void)state;
	mention_list l;
	extract("The numbers include Small Talk and Open Harbour. Mardi Fisk beat Kolo Tourane.",
	        &l);
	expect_no_mention(&l, "Small Talk");
	expect_no_mention(&l, "Open Harbour");
	expect_mention(&l, "Kolo Tourane", ENT_PER, "Kolo Tourane");
	mention_list_free(&l);
	/* a verb's -ing form first: a title ("Finding Nemo"), and a plan is
	 * no body nor person ("the Marshall Plan") */
	extract("Critics loved Finding Marlowe and Seeking Tamsin. The Harrow Plan helped, "
	        "said Kolo Tourane.",
	        &l);
	expect_no_mention(&l, "Finding Marlowe");
	expect_no_mention(&l, "Seeking Tamsin");
	expect_no_mention(&l, "Harrow Plan");
	mention_list_free(&l);
}

/* "the island of X", "the town of X", "the village of X" name a place
 * ("the Thai island of Koh Tarn"), as "the city of X" does. */
static void test_island_town_of(void **state)
{
	(void)state;
	mention_list l;
	extract("He was holidaying on the Thai island of Koh Tarn Pai with Eileen Mott, 24. "
	        "Later he moved to the town of Bexley Marsh.",
	        &l);
	expect_mention(&l, "Koh Tarn Pai", ENT_LOC, "Koh Tarn Pai");
	expect_mention(&l, "Bexley Marsh", ENT_LOC, "Bexley Marsh");
	expect_mention(&l, "Eileen Mott", ENT_PER, "Eileen Mott");
	mention_list_free(&l);
}

/* The first part of a double-barrelled surname is the person's short
 * name ("Kilroy" for "Robert Kilroy-Silk"), no place of its own. */
static void test_double_barrelled(void **state)
{
	(void)state;
	mention_list l;
	extract("Robert Dunmore-Pike launched a party on Monday. Dunmore said it would win. "
	        "Good luck to Dunmore though.",
	        &l);
	expect_mention(&l, "Robert Dunmore-Pike", ENT_PER, "Robert Dunmore-Pike");
	expect_mention(&l, "Dunmore", ENT_PER, "Robert Dunmore-Pike");
	mention_list_free(&l);
}

/* Line-ups and headlines shorten countries: "(S Africa)", "S Korea", "N
 * Korea" are the countries, not Africa nor a Korea. */
static void test_short_countries(void **state)
{
	(void)state;
	mention_list l;
	extract("J Fourlie (S Africa), T Umbaga (New Zealand). S Korea and N Korea met.", &l);
	assert_true(has_surface(&l, ENT_LOC, "S Africa"));
	assert_true(has_surface(&l, ENT_LOC, "S Korea"));
	assert_true(has_surface(&l, ENT_LOC, "N Korea"));
	expect_no_mention(&l, "Africa");
	mention_list_free(&l);
}

/* A product's noun before its name, or with "called" between, makes no
 * entity of it ("a web-based tool called EdgeWise", "the browser
 * Foxglove"). */
static void test_product_called(void **state)
{
	(void)state;
	mention_list l;
	extract("Akamai uses a web-based tool called EdgeWise that lets customers work. "
	        "Users of the browser Foxglove grew.",
	        &l);
	expect_no_mention(&l, "EdgeWise");
	expect_no_mention(&l, "Foxglove");
	mention_list_free(&l);
}

/* In a rugby squad's list a player after another's country in brackets
 * is a player when his own country follows in brackets ("J Fourlie (S
 * Africa) T Umbaga (New Zealand)"), no team as a rider's team after his
 * country is. */
static void test_squad_bracket_player(void **state)
{
	(void)state;
	mention_list l;
	extract("The squad for the rugby match at the stadium, with the coach and the "
	        "try-scoring wing: C Lathem (Australia); J Fourlie (S Africa) T Umbaga (New "
	        "Zealand), S Bobbo (Fiji); A Mertens (New Zealand) G Gregon (Australia, capt).",
	        &l);
	expect_mention(&l, "T Umbaga", ENT_PER, "T Umbaga");
	expect_mention(&l, "G Gregon", ENT_PER, "G Gregon");
	mention_list_free(&l);
}

/* "The" and an organization's word alone inside a sentence is a show's
 * title or a common noun, no body ("co-wrote The Office", "joined The
 * Bank"): a body's name says whose office it is ("the Home Office"). */
static void test_the_head_word(void **state)
{
	(void)state;
	mention_list l;
	extract("He co-wrote The Office with Stephen Marwick, and the Home Office praised it. "
	        "The US version of The Office aired later.",
	        &l);
	expect_no_mention(&l, "The Office");
	expect_mention(&l, "Stephen Marwick", ENT_PER, "Stephen Marwick");
	assert_true(has_surface(&l, ENT_ORG, "Home Office"));
	mention_list_free(&l);
}

/* A name before an event's noun is the event's ("the Rugby Relief
 * match", "the Make Hunger Vanish campaign"): no type as a guess, while a
 * known team before "match" stays the team. */
static void test_event_noun_after(void **state)
{
	(void)state;
	mention_list l;
	extract("They are in the squad for the Tasman Relief match on 5 March. The executive "
	        "backs the Make Hunger Vanish campaign. Arsenal won the Chelsea match.",
	        &l);
	expect_no_mention(&l, "Tasman Relief");
	expect_no_mention(&l, "Make Hunger Vanish");
	assert_true(has_surface(&l, ENT_ORG, "Chelsea"));
	mention_list_free(&l);
}

/* An organization's word alone that speaks is no person ("the Data
 * Commissioner's Office said"); "her performance in X" names a work. */
static void test_office_said_performance(void **state)
{
	(void)state;
	mention_list l;
	extract("A spokesman for the Data Commissioner's Office said it would be classed as "
	        "marketing. Mae Tolland, an Oscar nominee for her performance in Nora Quillan, "
	        "said so.",
	        &l);
	expect_no_mention(&l, "Office");
	expect_no_mention(&l, "Nora Quillan");
	expect_mention(&l, "Mae Tolland", ENT_PER, "Mae Tolland");
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
	    cmocka_unit_test(test_two_treasuries),
	    cmocka_unit_test(test_bbc_channels),
	    cmocka_unit_test(test_body_and_website),
	    cmocka_unit_test(test_storms_inquiries),
	    cmocka_unit_test(test_works_around),
	    cmocka_unit_test(test_common_word_phrase),
	    cmocka_unit_test(test_island_town_of),
	    cmocka_unit_test(test_double_barrelled),
	    cmocka_unit_test(test_short_countries),
	    cmocka_unit_test(test_product_called),
	    cmocka_unit_test(test_squad_bracket_player),
	    cmocka_unit_test(test_the_head_word),
	    cmocka_unit_test(test_event_noun_after),
	    cmocka_unit_test(test_office_said_performance),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
