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
	/* a party's adjective before a peer stays the party */
	extract("Opponents of the bill, including Tory Lord Halsey and Tory MP Ann Deller, said "
	        "no.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Tory"));
	expect_mention(&l, "Halsey", ENT_PER, "Lord Halsey");
	expect_mention(&l, "Ann Deller", ENT_PER, "Ann Deller");
	expect_no_mention(&l, "Tory MP Ann Deller");
	mention_list_free(&l);
}

/* A name before a capitalized title and a person's name is the person's
 * employer, no person ("Carnegie Mellon Professor ...", "Deputy High
 * Court Judge ..."); an office named with a postpositive "General" is
 * one title ("Solicitor General"). */
static void test_employer_before_title(void **state)
{
	(void)state;
	mention_list l;
	extract("Brackley Marsh Professor Ines Varga leads the work. The Brackley Marsh team "
	        "says it is cheap.",
	        &l);
	expect_mention(&l, "Brackley Marsh", ENT_ORG, "Brackley Marsh");
	expect_mention(&l, "Ines Varga", ENT_PER, "Ines Varga");
	mention_list_free(&l);
	extract("Deputy Crown Court Judge Alan Pirbright told the hearing it was serious.", &l);
	expect_mention(&l, "Crown Court", ENT_ORG, "Crown Court");
	expect_mention(&l, "Alan Pirbright", ENT_PER, "Alan Pirbright");
	mention_list_free(&l);
	extract("He said Solicitor General Mary Ostrow agreed.", &l);
	expect_no_mention(&l, "Solicitor");
	expect_mention(&l, "Mary Ostrow", ENT_PER, "Mary Ostrow");
	mention_list_free(&l);
}

/* After a title or a form of address, a title word ending the name is
 * its surname ("Labour MP Oona King"), not a title cutting it. */
static void test_title_word_surname(void **state)
{
	(void)state;
	mention_list l;
	extract("He will stand against Labour MP Tamsel King at the election.", &l);
	expect_mention(&l, "Tamsel King", ENT_PER, "Tamsel King");
	expect_no_mention(&l, "Tamsel");
	mention_list_free(&l);
}

/* A word in brackets spelled by the initials of the words before it,
 * whatever its case, is the short form of their organization
 * ("Global Alliance for Vaccines and Immunisation (Gavi)"), no place. */
static void test_spelled_short_form(void **state)
{
	(void)state;
	mention_list l;
	extract("Funds go to the Open Pledge for Seeds and Harvests (Opsh). If Opsh can raise "
	        "more, Britain, France and Opsh will gain.",
	        &l);
	expect_mention(&l, "Opsh", ENT_ORG, "Open Pledge for Seeds and Harvests");
	mention_list_free(&l);
}

/* "the Scottish FA": a nationality before a body every nation has is
 * that nation's own, no mention of the English one. */
static void test_national_body(void **state)
{
	(void)state;
	mention_list l;
	extract("He was approached by the Scottish FA, and the Spanish FA fined him.", &l);
	expect_mention(&l, "Scottish FA", ENT_ORG, "Scottish FA");
	expect_mention(&l, "Spanish FA", ENT_ORG, "Spanish FA");
	expect_no_mention(&l, "FA");
	mention_list_free(&l);
}

/* Nations' adjectives joined by a hyphen are an adjective, no entity
 * ("Anglo-American relations"). */
static void test_nations_adjective(void **state)
{
	(void)state;
	mention_list l;
	extract("A debate on Anglo-American relations and Sino-Japanese trade began.", &l);
	expect_no_mention(&l, "Anglo-American");
	expect_no_mention(&l, "Sino-Japanese");
	mention_list_free(&l);
}

/* Names of British news the gazetteers now know: "Number 10" and "No
 * 10" are Downing Street, "BBC Sport" the BBC's, Parliament the
 * legislature, War on Want a charity, New York State a place, a General
 * Election and Braille no entity; "Industry" ends an organization's
 * name (the British Phonographic Industry). */
static void test_known_names(void **state)
{
	(void)state;
	mention_list l;
	extract("The text was drawn up at Number 10, and No 10 approved it, he told BBC Sport. "
	        "Ministers must answer in Parliament and in the Commons, War on Want said. A "
	        "forthcoming General Election must be fair. A student in New York State "
	        "printed the maps in Braille.",
	        &l);
	expect_mention(&l, "Number 10", ENT_ORG, "Phố Downing");
	expect_mention(&l, "No 10", ENT_ORG, "Phố Downing");
	expect_mention(&l, "BBC Sport", ENT_ORG, "BBC");
	expect_mention(&l, "Parliament", ENT_ORG, "Parliament");
	expect_mention(&l, "Commons", ENT_ORG, "House of Commons");
	expect_mention(&l, "War on Want", ENT_ORG, "War on Want");
	expect_mention(&l, "New York State", ENT_LOC, "New York State");
	expect_no_mention(&l, "Election");
	expect_no_mention(&l, "Braille");
	mention_list_free(&l);
	/* an "Industry" ends an organization's name */
	extract("Sales rose, said the British Tapeworks Industry, which met on Monday.", &l);
	expect_mention(&l, "British Tapeworks Industry", ENT_ORG, "British Tapeworks Industry");
	mention_list_free(&l);
}

/* A match report's scorers' line ("Name 59.") gives the minute of a
 * goal, no team: the player stays a person. */
static void test_scorers_line(void **state)
{
	(void)state;
	mention_list l;
	extract("Rovers took the lead when the corner found Anzo Varelli, whose volley won the "
	        "match. The coach praised the goal.\n\nIngham, Morley, Varelli, Tierney.\n\n"
	        "Varelli 59.\n\n1,375\n",
	        &l);
	expect_mention(&l, "Anzo Varelli", ENT_PER, "Anzo Varelli");
	mention_list_free(&l);
}

/* A known organization's acronym before the name of one of its bodies
 * is one name ("the UN Development Programme"), not the acronym and a
 * fragment. */
static void test_acronym_body(void **state)
{
	(void)state;
	mention_list l;
	extract("The report by the UN Housing Programme was welcomed.", &l);
	expect_mention(&l, "UN Housing Programme", ENT_ORG, "UN Housing Programme");
	expect_no_mention(&l, "Housing Programme");
	mention_list_free(&l);
}

/* "The Glasgow Kelvin MP": the name between "the" and a member's title
 * is the constituency, a place. */
static void test_constituency_mp(void **state)
{
	(void)state;
	mention_list l;
	extract("The Dunmore Heath MP said the plan would fail.", &l);
	expect_mention(&l, "Dunmore Heath", ENT_LOC, "Dunmore Heath");
	mention_list_free(&l);
}

/* A line-up's "A" before a surname is the player's initial, not the
 * article ("; A Lo Cicero, F Ongaro"); two initials in capitals are the
 * player's too (", KP Robertson."). */
static void test_lineup_initial(void **state)
{
	(void)state;
	mention_list l;
	extract("The coach was pleased with the match, the goal and the try.\n\nItaly: R Bellini; "
	        "A Masetti, A Lo Verde, F Ongarini, KP Robley.\n",
	        &l);
	expect_mention(&l, "A Lo Verde", ENT_PER, "A Lo Verde");
	expect_no_mention(&l, "Lo Verde");
	expect_mention(&l, "KP Robley", ENT_PER, "KP Robley");
	expect_no_mention(&l, "KP");
	mention_list_free(&l);
}

/* A headline with a verb in lower case is a sentence with names, not a
 * Title Case headline whose words stand alone: "Venus stunned by Farina
 * Elia" names Farina Elia whole. */
static void test_sentence_headline(void **state)
{
	(void)state;
	article a;
	memset(&a, 0, sizeof a);
	a.title = xstrdup("Vera stunned by Dalla Orsini");
	a.body = xstrdup("Vera Kent lost to Mina Dalla Orsini in Dubai. Dalla Orsini won 7-5.");
	memcpy(a.lang, "en", 3);
	mention_list l;
	mention_list_init(&l);
	entity_extract(ex, &a, &l);
	int whole = 0;
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].field == FIELD_TITLE && strcmp(l.v[i].surface, "Dalla Orsini") == 0)
			whole = 1;
	assert_true(whole);
	mention_list_free(&l);
	free(a.title);
	free(a.body);
}

/* In sport news an initial without its dot and a surname are a player,
 * whatever a preposition says of the surname elsewhere ("a break from
 * Paterson"). */
static void test_lineup_player(void **state)
{
	(void)state;
	mention_list l;
	extract("The match turned on a try, and a half-break from Varden sparked the side "
	        "after the goal.\n\n: C Varden; S Webbe, A Crayle.\n",
	        &l);
	expect_mention(&l, "Varden", ENT_PER, "C Varden");
	mention_list_free(&l);
}

/* What only a person has after a name's possessive makes the name a
 * person's, whatever a preposition says ("money from Saddam Hussein's
 * regime"). */
static void test_person_possessive(void **state)
{
	(void)state;
	mention_list l;
	extract("Money from Farid Kassem's regime went to him, and from Tarkov's widow too.", &l);
	expect_mention(&l, "Farid Kassem", ENT_PER, "Farid Kassem");
	expect_mention(&l, "Tarkov", ENT_PER, "Tarkov");
	mention_list_free(&l);
}

/* A place's common noun after a name makes it a place ("the Bordesley
 * Green ward"), not a person by its shape. */
static void test_place_noun_after(void **state)
{
	(void)state;
	mention_list l;
	extract("Claims were made against three councillors in the Harley Green ward.", &l);
	expect_mention(&l, "Harley Green", ENT_LOC, "Harley Green");
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

/* Athletics clubs end in Harriers or Striders in any news; software a
 * person uses is no entity. */
static void test_clubs_and_software(void **state)
{
	(void)state;
	mention_list l;
	extract("Ann Brodie (Kelvale Harriers) beat Tess Aird (Norbury Striders) in the "
	        "final. Downloads of Firefox rose while Internet Explorer lost users.",
	        &l);
	expect_mention(&l, "Kelvale Harriers", ENT_ORG, "Kelvale Harriers");
	expect_mention(&l, "Norbury Striders", ENT_ORG, "Norbury Striders");
	expect_mention(&l, "Ann Brodie", ENT_PER, "Ann Brodie");
	expect_no_mention(&l, "Firefox");
	expect_no_mention(&l, "Internet Explorer");
	mention_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_titles_outside),     cmocka_unit_test(test_employer_before_title),
	    cmocka_unit_test(test_title_word_surname), cmocka_unit_test(test_spelled_short_form),
	    cmocka_unit_test(test_national_body),      cmocka_unit_test(test_nations_adjective),
	    cmocka_unit_test(test_known_names),        cmocka_unit_test(test_scorers_line),
	    cmocka_unit_test(test_acronym_body),       cmocka_unit_test(test_constituency_mp),
	    cmocka_unit_test(test_lineup_initial),     cmocka_unit_test(test_sentence_headline),
	    cmocka_unit_test(test_lineup_player),      cmocka_unit_test(test_person_possessive),
	    cmocka_unit_test(test_place_noun_after),
	    cmocka_unit_test(test_clubs_and_software),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
