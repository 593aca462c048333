/* test_entity_enprec3.c: precision of English highlights on real news
 * (issue 11), the classes a third round of hand audits left: names with
 * a particle, a place's name that is a given name too, a surname-suffix
 * after a middle name, works an award is for, bands, brands and
 * companies without a suffix, club aliases outside sport. One test per
 * error class, on sentences written for the test. */
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

/* "Tomas de la Vega": particles of two words inside a person's name
 * ("de la", "van der") keep it whole. */
static void test_name_particles(void **state)
{
	(void)state;
	mention_list l;
	extract("Actor Tomas de la Vega took the best debut prize on Sunday.", &l);
	assert_true(has_entity(&l, ENT_PER, "Tomas de la Vega"));
	assert_false(has_surface(&l, ENT_PER, "Tomas"));
	mention_list_free(&l);
}

/* "Sofia Marchetti": a city's name that is a given name too (en-words.txt
 * given-place), right before a surname, starts a person's name; alone or
 * before a known name it stays the place. */
static void test_place_given_names(void **state)
{
	(void)state;
	mention_list l;
	extract("The Oscar went to writer-director Sofia Marchetti for the script.", &l);
	assert_true(has_entity(&l, ENT_PER, "Sofia Marchetti"));
	assert_false(has_surface(&l, ENT_LOC, "Sofia"));
	mention_list_free(&l);
	extract("The talks in Sofia ended on Monday, and Sofia said no more.", &l);
	assert_true(has_surface(&l, ENT_LOC, "Sofia"));
	mention_list_free(&l);
}

/* "Mark Lowell Church": a given name, a middle name and a suffix that
 * is a common surname too (surname-suffix) are a person's name, as
 * "Charlotte Church" is; a venue's word in the middle keeps the
 * organization ("Grace Baptist Church"). */
static void test_surname_suffix_middle(void **state)
{
	(void)state;
	mention_list l;
	extract("It won acting awards for stars Paul Dorrance, Mark Lowell Church and Ann Tilney.",
	        &l);
	assert_false(has_entity(&l, ENT_ORG, "Mark Lowell Church"));
	assert_true(has_entity(&l, ENT_PER, "Mark Lowell Church"));
	mention_list_free(&l);
	extract("The new opera opened at the Royal Opera House on Friday.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Royal Opera House"));
	mention_list_free(&l);
}

/* Works an award is for: after "PERSON for The X" and before "at the
 * theatre" ("Best actor - Tom Arden for The Glass Orchard at the
 * Lyric"), after an award's category ("won the award for best first
 * feature for Pine Valley"), after "the show"; every mention of the title
 * in the article is then no entity. */
static void test_award_works(void **state)
{
	(void)state;
	mention_list l;
	extract("Mary Sunshine beat three rivals. Best musical actress - Ann Quill for Mary Sunshine "
	        "at the Palace.\n\nBest actor - Tom Arden for The Glass Orchard at the Lyric.",
	        &l);
	assert_true(has_entity(&l, ENT_PER, "Ann Quill"));
	assert_true(has_entity(&l, ENT_PER, "Tom Arden"));
	assert_false(has_name(&l, "Mary Sunshine"));
	assert_false(has_name(&l, "Glass Orchard"));
	mention_list_free(&l);
	extract("The winners:\n\n- Outstanding musical production - Grand Harbour at the Lyric\n\n"
	        "- Best actor - Tom Arden for Red Sky at the Palace",
	        &l);
	assert_false(has_name(&l, "Grand Harbour"));
	assert_true(has_entity(&l, ENT_PER, "Tom Arden"));
	mention_list_free(&l);
	extract("The winners:\n\n- Best supporting role in a musical - Conn Hale for Red Sky at "
	        "the Lyric\n\n- Outstanding achievement in opera - Tam Odes and the Lyric",
	        &l);
	assert_true(has_entity(&l, ENT_PER, "Conn Hale"));
	assert_true(has_entity(&l, ENT_PER, "Tam Odes"));
	mention_list_free(&l);
	extract("Comedy star Zed Harlow won the award for best first feature for Pine Valley, which "
	        "he wrote.",
	        &l);
	assert_true(has_entity(&l, ENT_PER, "Zed Harlow"));
	assert_false(has_name(&l, "Pine Valley"));
	mention_list_free(&l);
	/* a person's category names the winner */
	extract("The play also won best actor for Tom Arden, who beat Ann Quill.", &l);
	assert_true(has_entity(&l, ENT_PER, "Tom Arden"));
	mention_list_free(&l);
	extract("The show Early Signal features new bands. The channel will air Early Signal weekly.",
	        &l);
	assert_false(has_name(&l, "Early Signal"));
	mention_list_free(&l);
}

/* "Best set design - His Silver Compass designed by Ann Lee": a
 * capitalized possessive inside a sentence starts a work's title, as
 * "My" and "Their" do. */
static void test_possessive_titles(void **state)
{
	(void)state;
	mention_list l;
	extract("The prize for set design went to His Silver Compass, designed by Ann Lee.", &l);
	assert_false(has_name(&l, "Silver Compass"));
	assert_true(has_entity(&l, ENT_PER, "Ann Lee"));
	mention_list_free(&l);
	extract("Best set design - His Silver Compass designed by Ann Lee.", &l);
	assert_false(has_name(&l, "Silver Compass"));
	mention_list_free(&l);
	/* a capitalized "And" or "Or" inside a run: a title */
	extract("His debut album, Get Paid Or Go Home, narrowly missed the top spot.", &l);
	assert_false(has_name(&l, "Get Paid Or Go Home"));
	assert_false(has_name(&l, "Go Home"));
	mention_list_free(&l);
}

/* "Velvet Street Rangers": a place's suffix inside an English name (not
 * its last word, nor before "of") makes it no place: a band, as its
 * plural verb says; "Oxford Street" and "City of London" stay places. */
static void test_place_suffix_inside(void **state)
{
	(void)state;
	mention_list l;
	extract("Fans saw Velvet Street Rangers last night. Velvet Street Rangers are touring.", &l);
	assert_false(has_entity(&l, ENT_LOC, "Velvet Street Rangers"));
	mention_list_free(&l);
	extract("Shops on Dunmore Street shut early, and the Lyle Island ferry stopped.", &l);
	assert_true(has_entity(&l, ENT_LOC, "Dunmore Street"));
	mention_list_free(&l);
}

/* Bands named like people or places: well-known ones are known
 * (sport.tsv: "Judas Priest", "Franz Ferdinand"); people of music news
 * with rare given names stay people ("Kanye West" as a guess). */
static void test_bands(void **state)
{
	(void)state;
	mention_list l;
	extract("The band's debut album topped a poll of rock fans. The top five includes Led "
	        "Zeppelin, Iron Maiden and Sex Pistols, with Judas Priest and Franz Ferdinand "
	        "further down. Rapper Kanye West said the gig was sold out.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Iron Maiden"));
	assert_true(has_entity(&l, ENT_ORG, "Judas Priest"));
	assert_true(has_entity(&l, ENT_ORG, "Franz Ferdinand"));
	assert_false(has_entity(&l, ENT_PER, "Franz Ferdinand"));
	assert_true(has_entity(&l, ENT_PER, "Kanye West"));
	mention_list_free(&l);
	/* a person listed before a band is no band */
	extract("The show featured artists like British stars Jo Stonely and Franz Ferdinand.", &l);
	assert_false(has_entity(&l, ENT_ORG, "Jo Stonely"));
	mention_list_free(&l);
}

/* Brands and companies with no suffix: a place's suffix ("Tanner
 * City") is outweighed by a company's context ("X's shares", ", the
 * second-largest electronics retailer in the US,"); a carmaker's marque
 * ("German marques Velkor Benz"), "X production", "X magazine". */
static void test_brands(void **state)
{
	(void)state;
	mention_list l;
	extract("Tanner City Stores, the second-largest electronics retailer in the US, got an "
	        "offer. The fund owns 6% of Tanner City's shares. Tanner City is going head-to-head "
	        "with rivals, and analysts expect bids for Tanner City.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Tanner City"));
	assert_false(has_entity(&l, ENT_LOC, "Tanner City"));
	assert_false(has_entity(&l, ENT_LOC, "Tanner City Stores"));
	mention_list_free(&l);
	extract("There, German marques Velkor Benz and BMW have kept their lead.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Velkor Benz"));
	mention_list_free(&l);
	extract("Moving Ardon production to Sweden will help. It could prove tough for Ardon to "
	        "win buyers.",
	        &l);
	assert_false(has_entity(&l, ENT_PER, "Ardon"));
	mention_list_free(&l);
}

/* A club's alias that is a city's name ("Madrid" for Real Madrid) is the
 * club only in news of club sport (a club word or another club named):
 * athletics in Madrid is in the city. */
static void test_club_alias_context(void **state)
{
	(void)state;
	mention_list l;
	extract("Holmes will miss the indoor championships after injury in the race. The 800m "
	        "title race is next. Jones will go to Madrid for the final race after the 1500m "
	        "heats.",
	        &l);
	assert_true(has_entity(&l, ENT_LOC, "Madrid"));
	assert_false(has_entity(&l, ENT_ORG, "Real Madrid"));
	mention_list_free(&l);
	extract("The striker scored twice in the league match, and Madrid won 2-0 to lead the "
	        "table by a goal.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Real Madrid"));
	mention_list_free(&l);
	/* "Real" alone is the club only in sport news */
	extract("Her new single Real Love entered the chart, and Real Love sold well.", &l);
	assert_false(has_entity(&l, ENT_ORG, "Real Madrid"));
	mention_list_free(&l);
}

/* One club's name is not another's: "Newcastle" in an article naming the
 * rugby club Newcastle Falcons is that club, not Newcastle United; the
 * Celtic League is a competition, no part of Celtic the football club. */
static void test_club_first_words(void **state)
{
	(void)state;
	mention_list l;
	extract("Newcastle Falcons beat Bath in the league match. The coach said Newcastle "
	        "deserved the win after the try in the first half.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "Newcastle Falcons"));
	assert_false(has_entity(&l, ENT_ORG, "Newcastle United"));
	mention_list_free(&l);
	extract("Leinster lead the Celtic League after the match, and the coach praised the scrum.",
	        &l);
	assert_false(has_entity(&l, ENT_ORG, "Celtic"));
	mention_list_free(&l);
}

/* "said ABN AMRO analyst John Brady": short words in capitals inside a
 * sentence are an organization's name of acronyms, kept as written; a
 * person named before "of" gives it nothing ("John Brady of ABN AMRO"). */
static void test_caps_acronym_names(void **state)
{
	(void)state;
	mention_list l;
	extract("\"Prices will fall,\" said John Brady of VKB TORA. \"It is winter,\" said VKB "
	        "TORA analyst John Brady.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "VKB TORA"));
	assert_false(has_entity(&l, ENT_PER, "VKB TORA"));
	assert_true(has_entity(&l, ENT_PER, "John Brady"));
	mention_list_free(&l);
}

/* "GM Europe president Carl Forster": a known company and a place
 * before a title are the company's branch, one organization; "in
 * Europe" alone stays the place. */
static void test_company_branches(void **state)
{
	(void)state;
	mention_list l;
	extract("It will not be sold in the US, said Sony Europe president Carl Forster. Sony sells "
	        "well in Europe.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Sony Europe"));
	assert_true(has_surface(&l, ENT_LOC, "Europe"));
	assert_true(has_entity(&l, ENT_PER, "Carl Forster"));
	mention_list_free(&l);
	extract("The car will not be sold in the US, said ZX Europe president Carl Forster.", &l);
	assert_true(has_surface(&l, ENT_ORG, "ZX Europe"));
	mention_list_free(&l);
}

/* "number two in Quillboard's pop chart": a preposition before a
 * possessor governs the thing possessed; the name gets no place's
 * evidence from it. */
static void test_possessor_after_preposition(void **state)
{
	(void)state;
	mention_list l;
	extract("The song is number two in Quillboard's pop chart this week.", &l);
	assert_false(has_entity(&l, ENT_LOC, "Quillboard"));
	mention_list_free(&l);
}

/* "the International Federation of the Quill Industry (IFQI)", "the
 * British Quill Industry": "of the" after an organization's word joins
 * its name, and Industry ends one; "Tony Hale of the Labour Party" stays
 * a person and a party. */
static void test_industry_bodies(void **state)
{
	(void)state;
	mention_list l;
	extract("Sales rose, the International Federation of the Quill Industry (IFQI) said. The "
	        "British Quill Industry agreed, and Tony Hale of the Labour Party spoke.",
	        &l);
	assert_true(has_entity(&l, ENT_ORG, "International Federation of the Quill Industry"));
	assert_true(has_entity(&l, ENT_ORG, "British Quill Industry"));
	assert_false(has_name(&l, "Quill Industry"));
	assert_true(has_entity(&l, ENT_PER, "Tony Hale"));
	mention_list_free(&l);
	extract("Games such as The Punisher and House of the Dead sold well.", &l);
	assert_false(has_name(&l, "House of the Dead"));
	mention_list_free(&l);
	/* its acronym alone in the same article is the body */
	extract("The British Quill Industry has found a gap. \"We want more,\" said BQI chief Ann "
	        "Lee, and the BQI runs seminars.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "BQI"));
	assert_true(has_entity(&l, ENT_ORG, "British Quill Industry"));
	assert_false(has_entity(&l, ENT_ORG, "BQI"));
	mention_list_free(&l);
}

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
	    cmocka_unit_test(test_name_particles),
	    cmocka_unit_test(test_place_given_names),
	    cmocka_unit_test(test_surname_suffix_middle),
	    cmocka_unit_test(test_award_works),
	    cmocka_unit_test(test_possessive_titles),
	    cmocka_unit_test(test_place_suffix_inside),
	    cmocka_unit_test(test_bands),
	    cmocka_unit_test(test_brands),
	    cmocka_unit_test(test_club_alias_context),
	    cmocka_unit_test(test_club_first_words),
	    cmocka_unit_test(test_caps_acronym_names),
	    cmocka_unit_test(test_company_branches),
	    cmocka_unit_test(test_possessor_after_preposition),
	    cmocka_unit_test(test_industry_bodies),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
