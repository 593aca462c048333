/* test_entity_link.c: linking (doc/entities.md, "Linking within the article"):
 * what links one thing's names, and what must never merge two things,
 * on sentences written for the tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
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

/* The canonical name of the first mention written `surface`, or "" when
 * there is none. */
static const char *canon_of(const mention_list *l, const char *surface)
{
	const mention *m = find_surface(l, surface);
	return m ? m->canonical : "";
}

/* A bracket after a name gives an alias only when it is the name's own
 * acronym or an organization's short form: a place, a player's country
 * or a reporter's agency in brackets is another thing. */
static void test_bracket_not_alias(void **state)
{
	(void)state;
	mention_list l;
	extract("vi", "Hành khách chờ ở Tân Sơn Nhất (TP.HCM) suốt đêm.", &l);
	assert_string_not_equal(canon_of(&l, "Tân Sơn Nhất"), canon_of(&l, "TP.HCM"));
	mention_list_free(&l);

	extract("en", "The seeds are Andy Roddick (US) and Carlos Moya (Spain).", &l);
	assert_true(has_name(&l, "Andy Roddick"));
	assert_string_not_equal(canon_of(&l, "Andy Roddick"), canon_of(&l, "US"));
	assert_string_not_equal(canon_of(&l, "Carlos Moya"), canon_of(&l, "Spain"));
	mention_list_free(&l);

	extract("vi", "Buổi lễ diễn ra trang trọng. Trần Văn Hùng (TTXVN)", &l);
	assert_string_not_equal(canon_of(&l, "Trần Văn Hùng"), canon_of(&l, "TTXVN"));
	mention_list_free(&l);

	/* an acronym after a known organization is another one's */
	extract("vi", "Các nước thành viên ASEAN (AFTA) cam kết giảm thuế.", &l);
	assert_string_not_equal(canon_of(&l, "AFTA"), canon_of(&l, "ASEAN"));
	mention_list_free(&l);

	/* the name's own acronym still links, in both orders */
	extract("en", "The National Rural Bank (NRB) met. Later the NRB "
	              "said so. The CBA (Central Bank Authority) agreed.",
	        &l);
	assert_string_equal(canon_of(&l, "NRB"), "National Rural Bank");
	assert_string_equal(canon_of(&l, "CBA"), "Central Bank Authority");
	mention_list_free(&l);
}

/* A one-word partial name links to a person's full name, not to an
 * organization whose last word it merely is. */
static void test_partial_not_org(void **state)
{
	(void)state;
	mention_list l;
	extract("vi", "Bộ Ngoại giao lên tiếng. Giao tranh đẫm máu kéo dài. Bộ Tài chính "
	              "đồng ý. Vì vậy, Chính phủ quyết tâm cải cách.",
	        &l);
	assert_true(has_name(&l, "Bộ Ngoại giao"));
	assert_null(find_surface(&l, "Giao"));
	assert_null(find_surface(&l, "Chính"));
	mention_list_free(&l);

	extract("en", "The Bank of England kept rates. Officials in England were calm. "
	              "The Labour Party met and the Party agreed.",
	        &l);
	assert_string_not_equal(canon_of(&l, "England"), "Bank of England");
	assert_string_not_equal(canon_of(&l, "Party"), "Labour Party");
	mention_list_free(&l);

	/* people's names still link */
	extract("en", "Prime Minister Tony Blair spoke. Blair said the Labour Party would win.",
	        &l);
	assert_string_equal(canon_of(&l, "Blair"), "Tony Blair");
	mention_list_free(&l);
}

/* Acronyms merge across the corpus only when written the same: a short
 * word's doubled letter is its own; a long name's is a spelling. */
static void test_key_exact_acronyms(void **state)
{
	(void)state;
	const char *apart[][2] = {{"CNN", "CN"}, {"BBC", "BCC"}, {"ISS", "IS"}, {"Lee", "Le"}};
	for (size_t i = 0; i < sizeof apart / sizeof *apart; i++) {
		char *a = entity_key(apart[i][0]), *b = entity_key(apart[i][1]);
		assert_string_not_equal(a, b);
		free(a);
		free(b);
	}
	char *a = entity_key(" Volodymyr  Zelenskyy"), *b = entity_key("volodymyr zelensky");
	assert_string_equal(a, b);
	free(a);
	free(b);
}

/* A name written in capitals keeps its acronyms as written; only the
 * words of a capitals-only headline or dateline are title-cased. */
static void test_caps_as_written(void **state)
{
	(void)state;
	mention_list l;
	extract("vi", "Sáng nay, UBND TP đã họp với các sở ngành.", &l);
	assert_false(has_name(&l, "Ubnd Tp"));
	const mention *m = find_surface(&l, "UBND TP");
	if (m)
		assert_string_equal(m->canonical, "UBND TP");
	mention_list_free(&l);

	extract("en", "REHOBOTH BEACH - The mayor spoke on Monday.", &l);
	assert_true(has_name(&l, "Rehoboth Beach"));
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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_bracket_not_alias),
	    cmocka_unit_test(test_partial_not_org),
	    cmocka_unit_test(test_key_exact_acronyms),
	    cmocka_unit_test(test_caps_as_written),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
