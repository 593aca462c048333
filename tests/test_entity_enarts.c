/* test_entity_enarts.c: English entertainment news (issue 11): bands
 * told from people and places by their words, works' titles (films,
 * albums, songs, games) that are no entity, one test per error class, on
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

/* A band named by a band member's word after it ("X frontman", "X's
 * guitarist", "X singer Y", "X lead singer") is an organization, though
 * its name reads like a person's or a place's. */
static void test_band_member_words(void **state)
{
	(void)state;
	mention_list l;
	extract("Crimson Ladders frontman Joe Pike said the tour would go ahead.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Crimson Ladders"));
	assert_true(has_entity(&l, ENT_PER, "Joe Pike"));
	mention_list_free(&l);
	extract("Fans cheered when Copper Hill guitarist Ann Vale walked on stage.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Copper Hill"));
	assert_false(has_entity(&l, ENT_LOC, "Copper Hill"));
	mention_list_free(&l);
	extract("Dale Corrigan lead singer Tom Wray has left. Dale Corrigan said it was sad.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Dale Corrigan"));
	assert_false(has_entity(&l, ENT_PER, "Dale Corrigan"));
	mention_list_free(&l);
	extract("Fans saw Glass Wolves singer Ed Pike lowered onto the stage.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Glass Wolves"));
	mention_list_free(&l);
	/* a singer's genre or home before "singer" names no band */
	extract("The folk singer Mara Quill said she was thrilled.", &l);
	assert_true(has_entity(&l, ENT_PER, "Mara Quill"));
	mention_list_free(&l);
	extract("The Kerrow singer Ann Bell grew up near the sea.", &l);
	assert_false(has_entity(&l, ENT_ORG, "Kerrow"));
	mention_list_free(&l);
}

/* A run of capitals with a function word capitalized inside it is a
 * work's title ("Dancer In The Dark"), no entity: names write "of",
 * "in", "the" in lower case. A title that goes on in lower case joins
 * its next capitals ("Once Upon a Time in X"): the place inside it is no
 * mention. */
static void test_titles_by_shape(void **state)
{
	(void)state;
	mention_list l;
	extract("Critics praised Drifting Under The Bridge and Walking On The Rim, "
	        "which both opened on Friday.",
	        &l);
	assert_false(has_name(&l, "Drifting Under The Bridge"));
	assert_false(has_name(&l, "Walking On The Rim"));
	mention_list_free(&l);
	extract("The band's new record, Rivers Have No Bridges, sold well.", &l);
	assert_false(has_name(&l, "Rivers Have No Bridges"));
	mention_list_free(&l);
	extract("Ron Hale made Once Upon a Summer in Ohio last year.", &l);
	assert_true(has_entity(&l, ENT_PER, "Ron Hale"));
	assert_false(has_name(&l, "Ohio"));
	mention_list_free(&l);
	/* a capitalized article or possessive inside a sentence starts one */
	extract("She starred in A Quiet Harbour and won praise for her roles in My Brother "
	        "Lenny and Our Silent Tide.",
	        &l);
	assert_false(has_name(&l, "Quiet Harbour"));
	assert_false(has_name(&l, "Brother Lenny"));
	assert_false(has_name(&l, "Silent Tide"));
	mention_list_free(&l);
	/* a contraction is in no name; a capitalized possessive inside a
	 * sentence starts a title */
	extract("Critics loved Girls Don't Wait. I've seen it, said Ann Bell, praised for her "
	        "part in My Red Shoe.",
	        &l);
	assert_false(has_name(&l, "Girls Don't Wait"));
	assert_false(has_name(&l, "I've"));
	assert_false(has_name(&l, "My Red Shoe"));
	assert_true(has_entity(&l, ENT_PER, "Ann Bell"));
	mention_list_free(&l);
	/* capitalized words inside a sentence around the run, one of them
	 * a function word ("the She Likes Me director", "Do The Long Walk") */
	extract("The She Likes Me director Tom Pratt said Dan Cole had praised Do The Long Walk.",
	        &l);
	assert_false(has_name(&l, "Likes Me"));
	assert_false(has_name(&l, "Long Walk"));
	assert_true(has_entity(&l, ENT_PER, "Tom Pratt"));
	assert_true(has_entity(&l, ENT_PER, "Dan Cole"));
	mention_list_free(&l);
	/* at a sentence start a capitalized function word proves nothing */
	extract("But The Courier said so. Then the Courier said no.", &l);
	assert_true(has_name(&l, "Courier"));
	mention_list_free(&l);
	/* an initial is no title word, nor a hyphenated syllable, nor are
	 * lower-case links of names */
	extract("The minister Park In-sook spoke to Lee On-ju in Seoul.", &l);
	assert_true(has_name(&l, "Park In-sook"));
	assert_true(has_name(&l, "Lee On-ju"));
	mention_list_free(&l);
	extract("John A Smith met officials at the Bank of England.", &l);
	assert_true(has_name(&l, "John A Smith"));
	assert_true(has_name(&l, "Bank of England"));
	mention_list_free(&l);
}

/* A film named by the words around it is no entity: "starred in X",
 * "a cameo in X", "X, starring Y", "X, directed by Y", "X star Y", "X
 * actress Y", "films such as X", and the works listed after it ("X, Y
 * and Z"), "his debut X", a person's award "for X" ("the award went to
 * Ann Lee for Red Sky"); nor a show after "TV show", a song after "the
 * track" or "her hit". */
static void test_work_context(void **state)
{
	(void)state;
	mention_list l;
	extract("Hale then starred in Glass Orchard, which made $20m.", &l);
	assert_false(has_name(&l, "Glass Orchard"));
	mention_list_free(&l);
	extract("Cold Harbour, starring Ann Lee, topped the chart. Pale Meridian, directed by "
	        "Sam Roe, was second.",
	        &l);
	assert_false(has_name(&l, "Cold Harbour"));
	assert_false(has_name(&l, "Pale Meridian"));
	assert_true(has_entity(&l, ENT_PER, "Ann Lee"));
	assert_true(has_entity(&l, ENT_PER, "Sam Roe"));
	mention_list_free(&l);
	extract("Viewers saw Glass Harbour star Ann Lee and Fenmoor actress Jo Hart on Friday.",
	        &l);
	assert_false(has_name(&l, "Glass Harbour"));
	assert_false(has_name(&l, "Fenmoor"));
	assert_true(has_entity(&l, ENT_PER, "Ann Lee"));
	mention_list_free(&l);
	extract("Audiences shun films such as Paper Baby, Red Lake and Finding Lands, which end "
	        "badly. He starred in the cult TV show Twin Oaks. Polls show Labour ahead. The "
	        "film Red Sky, Tom Hanks said, was good.",
	        &l);
	assert_false(has_name(&l, "Paper Baby"));
	assert_false(has_name(&l, "Red Lake"));
	assert_false(has_name(&l, "Finding Lands"));
	assert_false(has_name(&l, "Twin Oaks"));
	assert_true(has_name(&l, "Labour"));
	assert_true(has_entity(&l, ENT_PER, "Tom Hanks"));
	mention_list_free(&l);
	extract("The director award went to Ann Lee for Red Sky, and Tom Hale, for Glass "
	        "Orchard. He made his debut Garden Lane in 2004. John Smith for Labour said no.",
	        &l);
	assert_false(has_name(&l, "Red Sky"));
	assert_false(has_name(&l, "Glass Orchard"));
	assert_false(has_name(&l, "Garden Lane"));
	assert_true(has_entity(&l, ENT_PER, "Ann Lee"));
	assert_true(has_name(&l, "Labour"));
	mention_list_free(&l);
	extract("Critics cited Lock, Stock and Two Smoking Guns.", &l);
	assert_false(has_name(&l, "Smoking Guns"));
	mention_list_free(&l);
	extract("DJs played the track Silver Coins all week.", &l);
	assert_false(has_name(&l, "Silver Coins"));
	mention_list_free(&l);
	extract("She closed with her hit Paper Moons. Later storms hit Port Carrow.", &l);
	assert_false(has_name(&l, "Paper Moons"));
	assert_true(has_name(&l, "Port Carrow"));
	mention_list_free(&l);
}

/* A stage name that starts with a number is one name ("rap star 70
 * Dime", "70 Dime said"), not a number and a name; but "about 50 Scots",
 * "£50 Million", "75 Mordian rebels" hold no name with a number. A name
 * with an exclamation mark glued to it in the middle of a sentence is a
 * band's or a company's ("his days in Zonk! through to"). */
static void test_number_and_bang_names(void **state)
{
	(void)state;
	mention_list l;
	extract("The rap star 70 Dime has a new album. Fans said 70 Dime was late.", &l);
	assert_true(has_surface(&l, ENT_PER, "70 Dime"));
	assert_false(has_surface(&l, ENT_PER, "Dime"));
	mention_list_free(&l);
	extract("About 75 Mordian rebels paid £50 Million.", &l);
	assert_false(has_name(&l, "75 Mordian"));
	assert_false(has_name(&l, "50 Million"));
	mention_list_free(&l);
	extract("He recalled his days in Zonk! through to 1990.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Zonk"));
	assert_false(has_entity(&l, ENT_LOC, "Zonk"));
	mention_list_free(&l);
}

/* Arts bodies named by their last word are organizations ("the Royal
 * Ballet", "the National Theatre", "Q Magazine"), a station with its
 * number is one ("Radio 2", "Channel 4"), and a film an actor makes a
 * debut in is no place ("her debut in Kisna"). */
static void test_arts_bodies(void **state)
{
	(void)state;
	mention_list l;
	extract("Ann Lee joined the Dorset Ballet after a season at the Harbour Theatre.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Dorset Ballet"));
	assert_true(has_entity(&l, ENT_ORG, "Harbour Theatre"));
	mention_list_free(&l);
	extract("She sang on Radio 2 and later on Channel 4.", &l);
	assert_true(has_surface(&l, ENT_ORG, "Radio 2"));
	assert_true(has_surface(&l, ENT_ORG, "Channel 4"));
	assert_false(has_surface(&l, ENT_LOC, "Radio"));
	mention_list_free(&l);
	extract("She made her debut in Morrow Field last year.", &l);
	assert_false(has_name(&l, "Morrow Field"));
	mention_list_free(&l);
}

/* A name at the head of a sentence before a plural verb is a group, a
 * band ("Black Marlin are one of the best bands"), never one person; a
 * list's names keep their type ("Tom Hale and Ann Lee are"). A regional
 * adjective is no part of a person's name ("Texan Joe Dill"), nor is a
 * capitalized article a paragraph's lost end left after a name
 * ("analyst Ivan Petrov The dispute"), nor an auxiliary that opens a
 * question ("Have X split?"), nor "Whilst". */
static void test_groups_and_name_edges(void **state)
{
	(void)state;
	mention_list l;
	extract("Black Marlin are one of the loudest bands. Black Marlin have reunited.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Black Marlin"));
	assert_false(has_entity(&l, ENT_PER, "Black Marlin"));
	mention_list_free(&l);
	extract("Tom Hale and Ann Lee are happy. The rebels in Varkesh have fled.", &l);
	assert_true(has_entity(&l, ENT_PER, "Ann Lee"));
	assert_false(has_entity(&l, ENT_ORG, "Varkesh"));
	mention_list_free(&l);
	/* nor a conjunction that opens a sentence */
	extract("Whilst Paper Lanterns sold well, it was no classic.", &l);
	assert_false(has_name(&l, "Whilst Paper Lanterns"));
	mention_list_free(&l);
	/* an auxiliary that opens a question is no part of a name */
	extract("Have Crimson Ladders split? Did Ann Lee sing? Will Smith said no.", &l);
	assert_true(has_name(&l, "Crimson Ladders"));
	assert_false(has_name(&l, "Have Crimson Ladders"));
	assert_true(has_surface(&l, ENT_PER, "Ann Lee"));
	assert_true(has_name(&l, "Will Smith"));
	mention_list_free(&l);
	extract("The singer, Texan Joe Dill, agreed, said analyst Ivan Petrov The dispute goes on.",
	        &l);
	assert_true(has_surface(&l, ENT_PER, "Joe Dill"));
	assert_false(has_name(&l, "Texan Joe Dill"));
	assert_true(has_surface(&l, ENT_PER, "Ivan Petrov"));
	assert_false(has_name(&l, "Ivan Petrov The"));
	mention_list_free(&l);
}

/* Award ceremonies are events, no people or organizations ("the Golden
 * Lyre Awards", "the Amber Quill Prizes"); bookmakers named as such are
 * companies ("bookmakers Ross Hanley"). */
static void test_events_and_bookmakers(void **state)
{
	(void)state;
	mention_list l;
	extract("She won twice at the Golden Lyre Awards and the Amber Quill Prizes.", &l);
	assert_false(has_name(&l, "Golden Lyre Awards"));
	assert_false(has_name(&l, "Amber Quill Prizes"));
	mention_list_free(&l);
	extract("The odds were cut by bookmakers Ross Hanley on Friday.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Ross Hanley"));
	assert_false(has_entity(&l, ENT_PER, "Ross Hanley"));
	mention_list_free(&l);
}

/* A nation's or a city's people in the plural are no entity, though
 * they "said" something: "Scots", "Londoners", and the plural of a
 * nationality adjective ("Canadians", "Iraqis"); nor is a number word
 * ("the Five" of "the Carter Five"). People's names ending in "s"
 * stay. */
static void test_peoples(void **state)
{
	(void)state;
	mention_list l;
	extract("Many Scots said they would vote. Canadians said the same, and Londoners "
	        "said otherwise. Iraqis said little.",
	        &l);
	assert_false(has_name(&l, "Scots"));
	assert_false(has_name(&l, "Canadians"));
	assert_false(has_name(&l, "Londoners"));
	assert_false(has_name(&l, "Iraqis"));
	mention_list_free(&l);
	/* a number word alone is no short form of a band's name */
	extract("Ann Bell sang with the Carter Five. Five of them toured, and the Five said "
	        "they would return.",
	        &l);
	assert_true(has_name(&l, "Carter Five"));
	assert_false(has_surface(&l, ENT_PER, "Five"));
	mention_list_free(&l);
	extract("Tom Evans met Sam Jones. Evans said Jones was late.", &l);
	assert_true(has_entity(&l, ENT_PER, "Tom Evans"));
	assert_true(has_entity(&l, ENT_PER, "Sam Jones"));
	mention_list_free(&l);
}

/* Loads the extractor from the source tree's data once. */
/* A venue named by its building's last word (House, Warehouse,
 * Playhouse) and a church before "of" are organizations whole: "the
 * Harbour Opera House" is no person, "Church of Wales" no "Church". */
static void test_venues_and_churches(void **state)
{
	(void)state;
	mention_list l;
	extract("The opera opened at the Harbour Opera House on Friday.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Harbour Opera House"));
	assert_false(has_entity(&l, ENT_PER, "Harbour Opera House"));
	mention_list_free(&l);
	extract("Critics at the Tanner Warehouse and the Moor Playhouse agreed.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Tanner Warehouse"));
	assert_true(has_entity(&l, ENT_ORG, "Moor Playhouse"));
	mention_list_free(&l);
	/* a given name before a suffix that is a surname too: a person */
	extract("Singer Ella Church has a new album, and Gregory House said no.", &l);
	assert_true(has_entity(&l, ENT_PER, "Ella Church"));
	assert_true(has_entity(&l, ENT_PER, "Gregory House"));
	mention_list_free(&l);
	extract("A spokesman for the Church of Wales said the bells would ring.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Church of Wales"));
	assert_false(has_name(&l, "Church"));
	mention_list_free(&l);
}

/* A connector before a weekday or a month joins nothing: "the Quay
 * Theatre on Friday" ends at Theatre; "Church of All Saints" goes on. */
static void test_connector_before_date(void **state)
{
	(void)state;
	mention_list l;
	extract("The play transfers to the Quay Theatre on Friday.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Quay Theatre"));
	assert_false(has_name(&l, "Quay Theatre on Friday"));
	mention_list_free(&l);
	extract("The Vale Orchestra in March played the new symphony.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Vale Orchestra"));
	mention_list_free(&l);
	extract("Bells rang at the Church of All Saints in Tarwick.", &l);
	assert_true(has_name(&l, "Church of All Saints"));
	mention_list_free(&l);
}

/* A title in an award list is a work, no entity: "X won best musical",
 * "X, nominated for best new play"; the winner of an actor's or a music
 * award stays a person, and so does a name after "best actor for" (the
 * show's award given for its actor). */
static void test_award_works(void **state)
{
	(void)state;
	mention_list l;
	extract("The show won best actor for Jo Marsh at the ceremony.", &l);
	assert_true(has_entity(&l, ENT_PER, "Jo Marsh"));
	mention_list_free(&l);
	extract("Critics agreed when The Girl in Grey won best musical.", &l);
	assert_false(has_name(&l, "Grey"));
	mention_list_free(&l);
	extract("Lorna Vance, nominated for best new play, closes in May.", &l);
	assert_false(has_name(&l, "Lorna Vance"));
	mention_list_free(&l);
	extract("Later Tom Arden won best actor and Ann Quill won best album.", &l);
	assert_true(has_entity(&l, ENT_PER, "Tom Arden"));
	assert_true(has_entity(&l, ENT_PER, "Ann Quill"));
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
	    cmocka_unit_test(test_band_member_words),
	    cmocka_unit_test(test_titles_by_shape),
	    cmocka_unit_test(test_work_context),
	    cmocka_unit_test(test_events_and_bookmakers),
	    cmocka_unit_test(test_peoples),
	    cmocka_unit_test(test_number_and_bang_names),
	    cmocka_unit_test(test_arts_bodies),
	    cmocka_unit_test(test_groups_and_name_edges),
	    cmocka_unit_test(test_venues_and_churches),
	    cmocka_unit_test(test_connector_before_date),
	    cmocka_unit_test(test_award_works),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
