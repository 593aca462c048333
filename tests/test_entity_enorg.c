/* test_entity_enorg.c: recall of English organizations (issue 11): the
 * classes of organizations the extractor missed or typed as people or
 * places in newswire, one test per class, on sentences written for the
 * test. */
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

/* The sides of a result's line in sport news are teams, whatever their
 * words ("Harlan Ostrava 2 Kestrel 1"), and so is the name heading a
 * league table's row; a player's name before his rounds stays a
 * person. */
static void test_score_lines(void **state)
{
	(void)state;
	mention_list l;
	extract("Results of soccer matches in the first division league on Saturday:\n\n"
	        "Harlan Ostrava 2 Kestrel 1\n\n"
	        "Dravo Pelnik 0 Marden Vale (Tomsk 15th, Oriel 80th) 3\n\n"
	        "In Turnhout: Sorrel Banja (Slovakia) 1 Ivet (Wales) 0 (0-0)\n\n"
	        "Dinamo (K) 1 Kestrel 1.\n\n"
	        "Standings (tabulate under played, won, drawn, lost, goals, points):\n\n"
	        "Torva Ruse 4 3 1 0 9 2 10\n\n"
	        "Leading golf scores after the final round:\n\n"
	        "Tobias Marlow 68 70 71 69 278\n",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Harlan Ostrava"));
	assert_true(has_surface(&l, ENT_ORG, "Kestrel"));
	assert_true(has_surface(&l, ENT_ORG, "Dravo Pelnik"));
	assert_true(has_surface(&l, ENT_ORG, "Marden Vale"));
	assert_true(has_surface(&l, ENT_ORG, "Sorrel Banja"));
	assert_true(has_surface(&l, ENT_ORG, "Ivet"));
	assert_true(has_surface(&l, ENT_ORG, "Dinamo (K)"));
	assert_true(has_surface(&l, ENT_ORG, "Torva Ruse"));
	assert_true(has_surface(&l, ENT_PER, "Tobias Marlow"));
	/* the scorers in brackets stay people's names, the country a place */
	assert_false(has_surface(&l, ENT_ORG, "Tomsk"));
	assert_true(has_surface(&l, ENT_LOC, "Slovakia"));
	mention_list_free(&l);
	/* a headline is no result: "SOCCER - X BEAT Y" */
	extract("SOCCER - ENGLAND BEAT FRANCE BY 2 GOALS IN LEAGUE MATCH.\n\nThe match was "
	        "a league game and the striker scored twice.\n",
	        &l);
	assert_false(has_name(&l, "SOCCER - ENGLAND BEAT FRANCE BY"));
	mention_list_free(&l);
}

/* A name right before "newspaper", "news agency" or "magazine" is the
 * paper's or the agency's, an organization though it "said" things; not
 * after a possessive (a person's paper) nor before the paper's own name
 * (an adjective). */
static void test_press_names(void **state)
{
	(void)state;
	mention_list l;
	extract("Talks resumed on Monday, the Dravinka news agency said. The Morning Lantern "
	        "newspaper said the talks failed, and Dravinka said a deal was near.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Dravinka"));
	assert_true(has_entity(&l, ENT_ORG, "Morning Lantern"));
	assert_false(has_entity(&l, ENT_PER, "Dravinka"));
	mention_list_free(&l);
	extract("Mark Tolley said the deal was good, and Tolley's newspaper agreed. The "
	        "Molvanian newspaper Vesti Grad said it was not.",
	        &l);
	assert_false(has_entity(&l, ENT_ORG, "Tolley"));
	assert_false(has_entity(&l, ENT_ORG, "Molvanian"));
	mention_list_free(&l);
}

/* In sport news a team is named by the words around it: "the Belgian
 * club X", "first division side X" before it, "X striker Y", "X coach
 * Y", "X fans" after it; a person's name after "champions", a
 * sentence's first word alone and a nationality are no team. */
static void test_team_words(void **state)
{
	(void)state;
	mention_list l;
	extract("The soccer league match ended in a draw after the striker scored a late goal. "
	        "Former Varlenko striker Tom Adler joined the Belgian club Harlem Oost on "
	        "Friday, and first division side Turvey signed him as Kestrel fans booed, and "
	        "Sao Paulo coach Jon Brask was sacked.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Varlenko"));
	assert_true(has_entity(&l, ENT_ORG, "Harlem Oost"));
	assert_true(has_entity(&l, ENT_ORG, "Turvey"));
	assert_true(has_entity(&l, ENT_ORG, "Kestrel"));
	assert_true(has_surface(&l, ENT_ORG, "Sao Paulo"));
	assert_true(has_entity(&l, ENT_PER, "Tom Adler"));
	mention_list_free(&l);
	extract("The soccer league match ended in a draw after the striker scored a late goal. "
	        "Olympic champions Ann Lovell and Tom Adler ran. Home fans booed. Veteran "
	        "Uruguayan coach Jon Brask left, and England coach Sven Berg stayed.",
	        &l);
	assert_false(has_entity(&l, ENT_ORG, "Ann Lovell"));
	assert_false(has_name(&l, "Home"));
	assert_false(has_entity(&l, ENT_ORG, "Veteran Uruguayan"));
	assert_false(has_entity(&l, ENT_ORG, "Uruguayan"));
	assert_false(has_entity(&l, ENT_ORG, "England"));
	mention_list_free(&l);
}

/* A city's name and a plural nickname are a team, in any section
 * ("the Toronto Marmots"); a place's plural ("Hollywood Hills"), an
 * event, a people and a person named after a place are not. */
static void test_city_nicknames(void **state)
{
	(void)state;
	mention_list l;
	extract("The Toronto Marmots and the Sydney Herons agreed a trade on Monday, the "
	        "owners said.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Toronto Marmots"));
	assert_true(has_entity(&l, ENT_ORG, "Sydney Herons"));
	mention_list_free(&l);
	extract("Houses in the Hollywood Hills were sold, Chad Curtis said on Monday.", &l);
	assert_false(has_entity(&l, ENT_ORG, "Hollywood Hills"));
	assert_false(has_entity(&l, ENT_ORG, "Chad Curtis"));
	mention_list_free(&l);
}

/* In sport news "the" and a plural name is a team ("the Marmots", "the
 * Blue Herons"): no person is "the X"; not a range of mountains, a
 * family or a nation's people. */
static void test_team_plurals(void **state)
{
	(void)state;
	mention_list l;
	extract("The Marmots beat the Blue Herons 3-1 in the league match on Sunday, and the "
	        "coach praised the striker who scored both goals.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Blue Herons"));
	mention_list_free(&l);
	extract("The cycling race crossed the Alps as the Slovaks cheered, and the Marren "
	        "sisters won the doubles match, the coach said after the tournament.",
	        &l);
	assert_false(has_entity(&l, ENT_ORG, "Alps"));
	assert_false(has_entity(&l, ENT_ORG, "Slovaks"));
	assert_false(has_entity(&l, ENT_ORG, "Marren"));
	mention_list_free(&l);
	/* a given name is no plural ("the Tarvin James-inspired Wolves") */
	extract("The coach said the Tarvin James-inspired Wolves won the league match after the "
	        "striker scored twice.",
	        &l);
	assert_false(has_entity(&l, ENT_ORG, "Tarvin James"));
	mention_list_free(&l);
}

/* In sport results a team follows a rider's country in brackets ("Tom
 * Adler (Belgium) Varlenko 5:02:11") or stands in brackets after a
 * player's name ("Tom Adler (Varlenko)"); a country there stays the
 * rider's nation. */
static void test_team_brackets(void **state)
{
	(void)state;
	mention_list l;
	extract("Results of the cycling race, the fourth stage of the tour, on Sunday:\n\n"
	        "1. Tom Adler (Belgium) Varlenko 5 hours 2 mins 11 secs\n\n"
	        "2. Jon Brask (Norway) Ostrex same time\n\n"
	        "The coach named his squad for the match: Ivo Marek (Turvey), Ben Ashdown "
	        "(Kestrel Athletic), Sam Odell (Ireland).\n",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Varlenko"));
	assert_true(has_entity(&l, ENT_ORG, "Ostrex"));
	assert_true(has_entity(&l, ENT_ORG, "Turvey"));
	assert_true(has_entity(&l, ENT_PER, "Tom Adler"));
	assert_true(has_surface(&l, ENT_LOC, "Belgium"));
	assert_true(has_surface(&l, ENT_LOC, "Ireland"));
	mention_list_free(&l);
	/* a surname in brackets after a given name completes it */
	extract("\"Mike (Harwood) asked me to stay,\" the striker said after the league match, "
	        "in which he scored two goals.",
	        &l);
	assert_false(has_entity(&l, ENT_ORG, "Harwood"));
	mention_list_free(&l);
}

/* An English acronym that speaks or has officials is a body ("the KLT
 * said", "DRVA officials"); a common noun in capitals does neither and
 * stays a guess. */
static void test_acronym_bodies(void **state)
{
	(void)state;
	mention_list l;
	extract("Prices fell in May, the KLT said on Monday. DRVA officials disagreed, and "
	        "the QPX's spokesman declined to comment.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "KLT"));
	assert_true(has_entity(&l, ENT_ORG, "DRVA"));
	assert_true(has_entity(&l, ENT_ORG, "QPX"));
	/* proved, no guess: the corpus shows it */
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].surface, "DRVA") == 0 || strcmp(l.v[i].surface, "QPX") == 0)
			assert_false(mention_guessed(&l.v[i]));
	mention_list_free(&l);
	extract("Sales of the PCX rose in May, and the HDQ sold well.", &l);
	for (size_t i = 0; i < l.n; i++)
		assert_true(mention_guessed(&l.v[i]));
	mention_list_free(&l);
}

/* A company's abbreviated suffix with its dot ("Halvor Corp.", "Tremont
 * Inc.") makes the name an organization, the dot kept inside a sentence
 * and left to the sentence at its end. */
static void test_suffix_dot(void **state)
{
	(void)state;
	mention_list l;
	extract("Halvor Corp. said it would buy the bank. The deal with Tremont Inc. was "
	        "signed on Monday, after talks with Orlen Co. Shares rose.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Halvor Corp."));
	assert_true(has_surface(&l, ENT_ORG, "Tremont Inc."));
	assert_true(has_surface(&l, ENT_ORG, "Orlen Co"));
	assert_false(has_entity(&l, ENT_PER, "Halvor Corp"));
	mention_list_free(&l);
	/* "Kansas City-based X": the place is an adjective, no part of it */
	extract("Analysts said Kansas City-based Dorner Bancshares Inc. could be sold.", &l);
	assert_true(has_surface(&l, ENT_ORG, "Dorner Bancshares Inc."));
	mention_list_free(&l);
	/* a tail that is no participle stays in the name */
	extract("The European Low-fare Carriers Association said fares fell.", &l);
	assert_true(has_entity(&l, ENT_ORG, "European Low-fare Carriers Association"));
	mention_list_free(&l);
}

/* The Treasury, a government's finance department, is an organization
 * (organizations.tsv); the US one is named with its country, a name of
 * its own that the bare Treasury (of British news) is not linked to. */
static void test_treasury(void **state)
{
	(void)state;
	mention_list l;
	extract("The Treasury said borrowing rose. The U.S. Treasury sold bonds.", &l);
	assert_true(has_surface(&l, ENT_ORG, "Treasury"));
	assert_true(has_entity(&l, ENT_ORG, "Treasury"));
	assert_true(has_surface(&l, ENT_ORG, "U.S. Treasury"));
	assert_true(has_entity(&l, ENT_ORG, "US Treasury"));
	mention_list_free(&l);
}

/* Builds the extractor. */
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
	    cmocka_unit_test(test_score_lines),    cmocka_unit_test(test_press_names),
	    cmocka_unit_test(test_team_words),     cmocka_unit_test(test_city_nicknames),
	    cmocka_unit_test(test_team_plurals),   cmocka_unit_test(test_team_brackets),
	    cmocka_unit_test(test_acronym_bodies), cmocka_unit_test(test_suffix_dot),
	    cmocka_unit_test(test_treasury),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
