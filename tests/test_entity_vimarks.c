/* test_entity_vimarks.c: Vietnamese diacritics tell names apart
 * (doc/entities.md, "Vietnamese marks"): Đức is not Đúc, Trần Thành is not
 * Trấn Thành, while the same name with its tone placed elsewhere (Thủy,
 * Thuỷ), in capitals, or a foreign name without its accents is one name.
 * Sentences written for the tests. */
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

/* The entity key of the canonical name of the first mention written
 * `surface` (a new string), or NULL when there is none. */
static char *key_of(const mention_list *l, const char *surface)
{
	const mention *m = find_surface(l, surface);
	return m ? entity_key(m->canonical) : NULL;
}

/* Whether the names a and b have the same entity key. */
static bool same_key(const char *a, const char *b)
{
	char *ka = entity_key(a), *kb = entity_key(b);
	bool same = strcmp(ka, kb) == 0;
	free(ka);
	free(kb);
	return same;
}

/* Asserts that the mentions written a and b are found and are of two
 * entities (different keys, as the store merges by key). */
static void assert_apart(const mention_list *l, const char *a, const char *b)
{
	char *ka = key_of(l, a), *kb = key_of(l, b);
	assert_non_null(ka);
	assert_non_null(kb);
	assert_string_not_equal(ka, kb);
	free(ka);
	free(kb);
}

/* Asserts that the mentions written a and b are found and are one entity. */
static void assert_one(const mention_list *l, const char *a, const char *b)
{
	char *ka = key_of(l, a), *kb = key_of(l, b);
	assert_non_null(ka);
	assert_non_null(kb);
	assert_string_equal(ka, kb);
	free(ka);
	free(kb);
}

/* Keys: marks that only Vietnamese writes keep names apart, wherever
 * the tone sits and whatever the case; foreign names fold as before. */
static void test_keys(void **state)
{
	(void)state;
	assert_false(same_key("Đức", "Đúc"));
	assert_false(same_key("Đức", "Dục"));
	assert_false(same_key("Đực", "Đức"));
	assert_false(same_key("Trần Thành", "Trấn Thành"));
	assert_false(same_key("Phường Đúc", "Phường Đức"));
	assert_true(same_key("Thủy", "Thuỷ"));
	assert_true(same_key("Nguyễn Thị Thủy", "NGUYỄN THỊ THUỶ"));
	assert_true(same_key("Hòa", "Hoà"));
	assert_true(same_key("Quý", "Qúy"));
	assert_true(same_key("HÀ NỘI", "Hà Nội"));
	assert_true(same_key("José Mourinho", "Jose Mourinho"));
	assert_true(same_key("Zürich", "Zurich"));
	assert_true(same_key("Nestlé", "Nestle"));
	/* a person's last words stay words of the key (entity_suffix) */
	char *k = entity_key("Bùi Đăng Đức");
	char *last = entity_key("Đức");
	assert_non_null(strstr(k, last));
	assert_int_equal(strlen(strstr(k, last)), strlen(last));
	free(k);
	free(last);
}

/* The ward Đúc and Germany (Đức) in one article are two places. */
static void test_duc_ward_not_germany(void **state)
{
	(void)state;
	mention_list l;
	extract("vi", "Nhiều hộ dân ở phường Đúc, thành phố Huế bị ngập. Đoàn khách từ Đức "
	              "sang thăm phường Đúc.",
	        &l);
	const mention *ward = find_surface(&l, "phường Đúc");
	assert_non_null(ward);
	assert_string_equal(ward->canonical, "Đúc");
	const mention *de = find_surface(&l, "Đức");
	assert_non_null(de);
	assert_string_equal(de->canonical, "Đức");
	assert_apart(&l, "phường Đúc", "Đức");
	mention_list_free(&l);
}

/* Two people whose names differ only in a tone are two people, in
 * full and by a partial name ("Đúc" is not "Bùi Đăng Đức"). */
static void test_tone_tells_people_apart(void **state)
{
	(void)state;
	mention_list l;
	extract("vi", "Danh hài Trấn Thành dẫn chương trình. Cầu thủ Trần Thành ghi bàn "
	              "ở phút cuối. Sau trận, Trần Thành nói anh rất vui.",
	        &l);
	assert_apart(&l, "Trấn Thành", "Trần Thành");
	mention_list_free(&l);

	extract("vi", "Ông Bùi Đăng Đức là giám đốc công ty. Ông Nguyễn Văn Đúc là kế toán. "
	              "Sau đó, ông Đúc đã ký biên bản.",
	        &l);
	const mention *m = NULL;
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].surface, "Đúc") == 0)
			m = &l.v[i];
	assert_non_null(m);
	assert_string_not_equal(m->canonical, "Bùi Đăng Đức");
	mention_list_free(&l);
}

/* One name written with its tone elsewhere, in capitals, or a foreign
 * name without its accents stays one entity. */
static void test_same_name_stays_one(void **state)
{
	(void)state;
	mention_list l;
	extract("vi", "Bà Nguyễn Thị Thủy phát biểu. Sau đó, bà Nguyễn Thị Thuỷ cảm ơn mọi người.",
	        &l);
	assert_one(&l, "Nguyễn Thị Thủy", "Nguyễn Thị Thuỷ");
	mention_list_free(&l);

	extract("vi", "HÀ NỘI - Mưa lớn kéo dài. Người dân Hà Nội đi làm muộn.", &l);
	assert_one(&l, "HÀ NỘI", "Hà Nội");
	mention_list_free(&l);

	extract("en", "José Mourinho spoke on Monday. Later Jose Mourinho left the room.", &l);
	assert_one(&l, "José Mourinho", "Jose Mourinho");
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
	    cmocka_unit_test(test_keys),
	    cmocka_unit_test(test_duc_ward_not_germany),
	    cmocka_unit_test(test_tone_tells_people_apart),
	    cmocka_unit_test(test_same_name_stays_one),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
