/* test_entity_en.c: English rules, sport and culture (issue 11): events
 * and works that are no entity, clubs in a sport context, headlines and
 * tables in capitals, nationality words, company suffixes, hyphenated
 * names, roles, initials and lists, on sentences written for the test. */
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

/* Extracts the mentions of a body-only article in language lang. */
static void extract(const char *lang, const char *body, mention_list *out)
{
	extract_body_with(ex, lang, body, out);
}

/* Competitions, holidays and works are no entity, and no place or person
 * is cut out of them; MISC is no type a user can give. */
static void test_events(void **state)
{
	(void)state;
	mention_list l;
	extract("en", "Maria Ortega won the Australian Open, and her club played in the "
	              "Champions League before Christmas.",
	        &l);
	assert_true(has_entity(&l, ENT_PER, "Maria Ortega"));
	assert_false(has_name(&l, "Australian Open"));
	assert_false(has_name(&l, "Open"));
	assert_false(has_name(&l, "Champions League"));
	assert_false(has_name(&l, "Christmas"));
	mention_list_free(&l);
	extract("vi", "Đội bóng của anh vào chung kết Champions League ngay trước Giáng Sinh.", &l);
	assert_false(has_name(&l, "Champions League"));
	assert_false(has_name(&l, "Giáng Sinh"));
	mention_list_free(&l);
	/* a year of the sexagenary cycle and a folk deity are no person */
	extract("vi", "Dịp Tết Đinh Dậu, nhiều gia đình đi lễ; năm Mậu Tuất tới, ngày vía Thần Tài"
	              " người dân mua vàng. Ông Đinh Văn Dậu cho biết như vậy.",
	        &l);
	assert_false(has_name(&l, "Đinh Dậu"));
	assert_false(has_name(&l, "Mậu Tuất"));
	assert_false(has_name(&l, "Thần Tài"));
	assert_true(has_entity(&l, ENT_PER, "Đinh Văn Dậu"));
	mention_list_free(&l);
	/* nutrients and a holiday written like names */
	extract("vi", "Vitamin C giúp tăng sức đề kháng. Dịp Tết Độc Lập, ông Nguyễn Văn Nam về"
	              " quê.",
	        &l);
	assert_false(has_name(&l, "Vitamin C"));
	assert_false(has_name(&l, "Độc Lập"));
	assert_true(has_entity(&l, ENT_PER, "Nguyễn Văn Nam"));
	mention_list_free(&l);
	assert_int_equal(entity_type_parse("MISC"), -1);
}

/* Clubs keep their whole name; a city that is a club's short name is the
 * club in sport news and the city elsewhere. */
static void test_clubs(void **state)
{
	(void)state;
	mention_list l;
	extract("vi", "Real Madrid thắng Atletico Madrid 2-1, còn Hoàng Anh Gia Lai hòa Man City.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Real Madrid"));
	assert_true(has_surface(&l, ENT_ORG, "Atletico Madrid"));
	assert_true(has_surface(&l, ENT_ORG, "Hoàng Anh Gia Lai"));
	assert_true(has_surface(&l, ENT_ORG, "Man City"));
	assert_false(has_surface(&l, ENT_LOC, "Madrid"));
	mention_list_free(&l);
	extract("en", "Liverpool beat Monaco 2-0 in the league match: the striker scored twice "
	              "and the coach praised the goal.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Liverpool"));
	assert_true(has_surface(&l, ENT_ORG, "Monaco"));
	mention_list_free(&l);
	extract("en", "The prince flew back to Monaco on Monday.", &l);
	assert_true(has_surface(&l, ENT_LOC, "Monaco"));
	mention_list_free(&l);
}

/* Headlines and tables in capitals: common words are no names, a
 * dateline with a date is a place, teams in standings and schedules are
 * organizations, countries (national teams) stay places. */
static void test_capitals(void **state)
{
	(void)state;
	mention_list l;
	extract("en", "SOCCER - ROMANIA BEAT LITHUANIA IN FRIENDLY MATCH.\n"
	              "BELGRADE 1996-08-22\n"
	              "Romania beat Lithuania 2-1 in the league match; the coach praised the "
	              "striker's goal.\n"
	              "EASTERN DIVISION\n"
	              "KANSAS CITY 61 74 .452 20\n"
	              "CLEVELAND AT TEXAS\n",
	        &l);
	assert_false(has_name(&l, "SOCCER"));
	assert_false(has_name(&l, "Soccer"));
	assert_false(has_name(&l, "BEAT"));
	assert_false(has_name(&l, "DIVISION"));
	assert_false(has_name(&l, "Eastern Division"));
	assert_true(has_surface(&l, ENT_LOC, "BELGRADE"));
	assert_true(has_surface(&l, ENT_LOC, "ROMANIA"));
	assert_true(has_surface(&l, ENT_ORG, "KANSAS CITY"));
	assert_true(has_surface(&l, ENT_ORG, "CLEVELAND"));
	assert_true(has_surface(&l, ENT_ORG, "TEXAS"));
	assert_false(has_name(&l, "Cleveland At Texas"));
	mention_list_free(&l);
}

/* In sport news: a name ending in a club's word is a club, a national
 * side heading a score line stays its country, a club's city after a
 * place's cue or in a dateline is the city, a table's letters are none,
 * a player before a score is a person. */
static void test_sport_context(void **state)
{
	(void)state;
	mention_list l;
	extract("en", "MONACO 1996-08-30\n"
	              "Cambridge United beat Notts County in the cup match and the coach "
	              "praised the striker's goal; the season ends in Monaco.\n"
	              "W D L\n"
	              "England 292 for eight (C. Lewis 80 not out)\n"
	              "A. Hollioake run out 15\n"
	              "Scorers: Hungary - Ferenc Lakatos (12th)\n",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Cambridge United"));
	assert_true(has_surface(&l, ENT_ORG, "Notts County"));
	assert_true(has_surface(&l, ENT_LOC, "MONACO"));
	assert_true(has_surface(&l, ENT_LOC, "Monaco"));
	assert_true(has_surface(&l, ENT_LOC, "England"));
	assert_false(has_name(&l, "W D L"));
	/* a number after a name is a score, not a product's model */
	assert_true(has_surface(&l, ENT_PER, "C. Lewis"));
	assert_true(has_surface(&l, ENT_PER, "A. Hollioake"));
	/* a spaced dash after a country is no list of places */
	assert_true(has_surface(&l, ENT_PER, "Ferenc Lakatos"));
	mention_list_free(&l);
}

/* Nationality words are no entity; companies are known by their last
 * word. */
static void test_demonyms_companies(void **state)
{
	(void)state;
	mention_list l;
	extract("en", "The talks between South African and Dutch officials went on, while "
	              "shares of Halvorsen Research and Bluefin Pictures fell.",
	        &l);
	assert_false(has_name(&l, "South African"));
	assert_false(has_name(&l, "Dutch"));
	assert_true(has_surface(&l, ENT_ORG, "Halvorsen Research"));
	assert_true(has_surface(&l, ENT_ORG, "Bluefin Pictures"));
	mention_list_free(&l);
	/* a party's adjective is the party, not a person */
	extract("en", "The Liberal Democrat leader said the Lib Dems would gain seats.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Liberal Democrats"));
	assert_false(has_surface(&l, ENT_PER, "Liberal Democrat"));
	mention_list_free(&l);
}

/* Hyphenated names stay whole; roles and sentence-starting words are no
 * part of a name; an initial belongs to its surname; two names joined by
 * "and" are two. */
static void test_name_shapes(void **state)
{
	(void)state;
	mention_list l;
	extract("en", "Defender Hassan Abbas thanked Kilroy-Silk and Karl-Anthony Towns. "
	              "Although Wal-Mart objected, Inzamam-ul-Haq agreed. "
	              "Fly-half Charlie Hodgson met J. Ratcliffe. "
	              "Travellers chose Norrland Air and British Airways.",
	        &l);
	assert_true(has_surface(&l, ENT_PER, "Hassan Abbas"));
	assert_false(has_name(&l, "Defender Hassan Abbas"));
	assert_true(has_name(&l, "Kilroy-Silk"));
	assert_true(has_name(&l, "Karl-Anthony Towns"));
	assert_false(has_name(&l, "Silk"));
	assert_true(has_name(&l, "Wal-Mart"));
	assert_false(has_name(&l, "Although Wal-Mart"));
	assert_true(has_name(&l, "Inzamam-ul-Haq"));
	assert_true(has_surface(&l, ENT_PER, "Charlie Hodgson"));
	assert_false(has_name(&l, "Fly-half Charlie Hodgson"));
	assert_true(has_surface(&l, ENT_PER, "J. Ratcliffe"));
	assert_true(has_surface(&l, ENT_ORG, "British Airways"));
	assert_false(has_name(&l, "Norrland Air and British Airways"));
	mention_list_free(&l);
}

static int setup(void **state)
{
	(void)state;
	ex = entity_extractor_new();
	return ex ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	entity_extractor_free(ex);
	return 0;
}

/* The evidence a mention of this surface carries for type t, or -1 when
 * there is no such mention. */
static int evidence_of(const mention_list *l, const char *surface, entity_type t)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].surface, surface) == 0)
			return l->v[i].evidence[t];
	return -1;
}

/* A name that starts with a given name (given-names.txt) has a person's
 * shape: evidence, so it is no guess; a club word or a known company
 * outweighs it, and unknown words prove nothing. */
static void test_given_names(void **state)
{
	(void)state;
	mention_list l;
	extract("en", "Monica Seles beat Conchita Martinez, while Zorblax Quimby lost to "
	              "Paul Haarhuis. Shares of Morgan Stanley fell.",
	        &l);
	assert_true(evidence_of(&l, "Monica Seles", ENT_PER) > 0);
	assert_true(evidence_of(&l, "Conchita Martinez", ENT_PER) > 0);
	assert_true(evidence_of(&l, "Paul Haarhuis", ENT_PER) > 0);
	assert_int_equal(evidence_of(&l, "Zorblax Quimby", ENT_PER), 0);
	assert_true(has_surface(&l, ENT_ORG, "Morgan Stanley"));
	mention_list_free(&l);
	extract("vi", "Tiền đạo Cristiano Ronaldo ghi bàn, còn Luka Modric kiến tạo.", &l);
	assert_true(evidence_of(&l, "Cristiano Ronaldo", ENT_PER) > 0);
	assert_true(evidence_of(&l, "Luka Modric", ENT_PER) > 0);
	mention_list_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_events),
	    cmocka_unit_test(test_clubs),
	    cmocka_unit_test(test_capitals),
	    cmocka_unit_test(test_sport_context),
	    cmocka_unit_test(test_demonyms_companies),
	    cmocka_unit_test(test_name_shapes),
	    cmocka_unit_test(test_given_names),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
