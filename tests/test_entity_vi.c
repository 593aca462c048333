/* test_entity_vi.c: Vietnamese places and person names in entity
 * extraction (see doc/entities.md): administrative units with their
 * place, the shape of a person's name, where a name begins and ends, and
 * places inside other names. Sentences written for these tests. */
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

/* Extracts the mentions of a Vietnamese article with this body. */
static void extract_vi(const char *body, mention_list *out)
{
	extract_body_with(ex, "vi", body, out);
}

/* An administrative word is highlighted with the place it names, and the
 * entity is the place: one Nghệ An. Unknown names after it are places. */
static void test_admin_span(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Mưa lớn ở tỉnh Nghệ An, TP Hà Nội, quận Cầu Giấy và thị trấn Lim. "
	           "Người dân thôn Duệ Đông, phường Trung Hòa và xã Đức Nhân đi sơ tán. "
	           "Nghệ An có hàng nghìn ngôi nhà bị ngập.",
	           &l);
	expect_mention(&l, "tỉnh Nghệ An", ENT_LOC, "Nghệ An");
	expect_mention(&l, "Nghệ An", ENT_LOC, "Nghệ An");
	expect_mention(&l, "TP Hà Nội", ENT_LOC, "Hà Nội");
	expect_mention(&l, "quận Cầu Giấy", ENT_LOC, "Cầu Giấy");
	expect_mention(&l, "thị trấn Lim", ENT_LOC, "Lim");
	expect_mention(&l, "thôn Duệ Đông", ENT_LOC, "Duệ Đông");
	expect_mention(&l, "phường Trung Hòa", ENT_LOC, "Trung Hòa");
	expect_mention(&l, "xã Đức Nhân", ENT_LOC, "Đức Nhân");
	assert_false(has_entity(&l, ENT_PER, "Duệ Đông"));
	mention_list_free(&l);
}

/* Short forms of unit words, glued or not; one-letter forms only before
 * a number or a known place; district names that are also personal names
 * only after a unit word. */
static void test_admin_short_forms(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Cháy nhà ở Q. Bình Thạnh, H. Củ Chi, TX. Bình Minh và Q.1, còn TP.Bến Tre "
	           "thì không. Phóng viên H. Nguyễn ghi lại. Anh Bình Minh cho biết huyện An "
	           "Phú đã có mưa. Cô tặng quà cho ông xã Trấn Thành rồi đi khắp phố phường Hà "
	           "Nội.",
	           &l);
	expect_mention(&l, "Q. Bình Thạnh", ENT_LOC, "Bình Thạnh");
	expect_mention(&l, "H. Củ Chi", ENT_LOC, "Củ Chi");
	expect_mention(&l, "TX. Bình Minh", ENT_LOC, "Bình Minh");
	const mention *m = find_surface(&l, "Q.1");
	assert_non_null(m);
	assert_int_equal(m->type, ENT_LOC);
	/* numbered units stay apart in the store */
	char *k1 = entity_key("Quận 1"), *k11 = entity_key("Quận 11");
	assert_string_not_equal(k1, k11);
	free(k1);
	free(k11);
	expect_mention(&l, "TP.Bến Tre", ENT_LOC, "Bến Tre");
	expect_mention(&l, "huyện An Phú", ENT_LOC, "An Phú");
	/* an initial is no district, a man called Bình Minh no town */
	assert_false(has_name(&l, "H. Nguyễn"));
	assert_false(has_entity(&l, ENT_LOC, "Nguyễn"));
	m = find_surface(&l, "Bình Minh");
	assert_true(m == NULL || m->type == ENT_PER);
	/* "ông xã" is a husband, "phố phường" the streets */
	assert_false(has_entity(&l, ENT_LOC, "Trấn Thành"));
	expect_mention(&l, "Hà Nội", ENT_LOC, "Hà Nội");
	assert_false(has_name(&l, "phường Hà Nội"));
	mention_list_free(&l);
}

/* A family name followed by middle and given names is a person whatever
 * comes before it: a unit word, an organization, a place's head word. */
static void test_person_shape(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Chủ tịch UBND xã Trần Văn Bình đã đến. Thủ tướng Chính phủ Nguyễn Xuân "
	           "Phúc gửi điện mừng. Các vận động viên Châu Tuyết Vân - Nguyễn Thị Lệ Kim "
	           "- Liên Thị Tuyết Mai giành huy chương. Bị cáo Nguyễn Văn Q. khai nhận. "
	           "Trên xe có Từ Thái Lưu. Chủ tịch huyện Lò Văn Thắng nói.",
	           &l);
	assert_true(has_entity(&l, ENT_PER, "Trần Văn Bình"));
	assert_false(has_entity(&l, ENT_LOC, "Trần Văn Bình"));
	assert_true(has_entity(&l, ENT_PER, "Nguyễn Xuân Phúc"));
	assert_false(has_name(&l, "Chính phủ Nguyễn Xuân Phúc"));
	assert_true(has_entity(&l, ENT_PER, "Châu Tuyết Vân"));
	assert_true(has_entity(&l, ENT_PER, "Nguyễn Thị Lệ Kim"));
	assert_true(has_entity(&l, ENT_PER, "Liên Thị Tuyết Mai"));
	/* an initial keeps its dot */
	expect_mention(&l, "Nguyễn Văn Q.", ENT_PER, "Nguyễn Văn Q");
	/* "Từ" is a family name here, not "from" */
	expect_mention(&l, "Từ Thái Lưu", ENT_PER, "Từ Thái Lưu");
	/* a family name of two syllables */
	expect_mention(&l, "Lò Văn Thắng", ENT_PER, "Lò Văn Thắng");
	mention_list_free(&l);
}

/* Forms of address are no part of a name and split glued names; a
 * country's name that is a given name too belongs to the person. */
static void test_person_boundaries(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Dự lễ có ông Nguyễn Quý Thanh Bà Nguyễn Thị Kim Phụng. Chị Trang cho "
	           "biết bầu Đức vui. HLV Đức Nam khen ca sĩ Mỹ Chi. Tuấn Anh ghi bàn, diễn "
	           "viên Anh Tú cổ vũ. Sau đó, Nhật Anh và Trần Văn An Lê Thị Hoa về.",
	           &l);
	assert_true(has_entity(&l, ENT_PER, "Nguyễn Quý Thanh"));
	assert_true(has_entity(&l, ENT_PER, "Nguyễn Thị Kim Phụng"));
	expect_mention(&l, "Trang", ENT_PER, "Trang");
	assert_false(has_name(&l, "Chị Trang"));
	expect_mention(&l, "Đức", ENT_PER, "Đức");
	expect_mention(&l, "Đức Nam", ENT_PER, "Đức Nam");
	expect_mention(&l, "Mỹ Chi", ENT_PER, "Mỹ Chi");
	expect_mention(&l, "Tuấn Anh", ENT_PER, "Tuấn Anh");
	expect_mention(&l, "Anh Tú", ENT_PER, "Anh Tú");
	expect_mention(&l, "Nhật Anh", ENT_PER, "Nhật Anh");
	assert_true(has_entity(&l, ENT_PER, "Trần Văn An"));
	assert_true(has_entity(&l, ENT_PER, "Lê Thị Hoa"));
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].type == ENT_LOC)
			fail_msg("unexpected place %s", l.v[i].surface);
	mention_list_free(&l);
}

/* A place's name inside the name of a road or an index is no mention of
 * the place. */
static void test_place_inside_names(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Tai nạn trên xa lộ Hà Nội làm chỉ số VN-Index giảm. Xe qua cầu Long Biên.",
	           &l);
	assert_false(has_entity(&l, ENT_LOC, "Hà Nội"));
	assert_false(has_entity(&l, ENT_LOC, "Long Biên"));
	expect_mention(&l, "cầu Long Biên", ENT_LOC, "cầu Long Biên");
	assert_false(has_entity(&l, ENT_LOC, "Việt Nam"));
	expect_mention(&l, "xa lộ Hà Nội", ENT_LOC, "xa lộ Hà Nội");
	mention_list_free(&l);
}

/* A country after "tiếng" is a language, no mention of the place; the
 * place itself still is. */
static void test_languages(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Tiếng Nhật và tiếng Anh khó học.", &l);
	for (size_t i = 0; i < l.n; i++)
		fail_msg("unexpected entity %s %s", entity_type_name(l.v[i].type), l.v[i].surface);
	mention_list_free(&l);
	extract_vi("Họ nói tiếng Pháp khi sang Pháp.", &l);
	assert_int_equal(l.n, 1);
	expect_mention(&l, "Pháp", ENT_LOC, "Pháp");
	assert_int_equal(l.v[0].start, strlen("Họ nói tiếng Pháp khi sang "));
	mention_list_free(&l);
}

/* A place named inside a Vietnamese organization's name is a mention of
 * the place too, with its unit word; the organization keeps its name. */
static void test_nested_places(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Sở Y tế tỉnh Điện Biên và Tập đoàn Điện lực Việt Nam làm việc với Ủy ban "
	           "nhân dân xã Đức Nhân.",
	           &l);
	assert_true(has_entity(&l, ENT_ORG, "Sở Y tế tỉnh Điện Biên"));
	expect_mention(&l, "tỉnh Điện Biên", ENT_LOC, "Điện Biên");
	assert_true(has_entity(&l, ENT_ORG, "Tập đoàn Điện lực Việt Nam"));
	expect_mention(&l, "Việt Nam", ENT_LOC, "Việt Nam");
	assert_true(has_entity(&l, ENT_ORG, "Ủy ban nhân dân xã Đức Nhân"));
	expect_mention(&l, "xã Đức Nhân", ENT_LOC, "Đức Nhân");
	mention_list_free(&l);
}

/* Asserts that the article proves the mention of this surface a person:
 * its evidence is no guess. */
static void expect_proven_person(const mention_list *l, const char *surface)
{
	const mention *m = find_surface(l, surface);
	if (!m)
		fail_msg("no mention \"%s\"", surface);
	if (m->type != ENT_PER || m->evidence[ENT_PER] <= 0)
		fail_msg("\"%s\" is %s with PER evidence %d, not a proven person", surface,
		         entity_type_name(m->type), m->evidence[ENT_PER]);
}

/* A reporter's or photographer's name: after "Ảnh:", or on a line of
 * its own at the end, alone or before the paper, is a person's. */
static void test_bylines(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Nước lũ dâng cao ở vùng trũng. Ảnh: Thanh Hải.\n"
	           "Người dân đã được sơ tán đến nơi an toàn.\n"
	           "Minh Khôi\n",
	           &l);
	expect_proven_person(&l, "Thanh Hải");
	expect_proven_person(&l, "Minh Khôi");
	mention_list_free(&l);
	extract_vi("Giá lúa tăng mạnh trong tuần qua.\nTheo Hữu Lộc/Dân Trí\n", &l);
	expect_proven_person(&l, "Hữu Lộc");
	mention_list_free(&l);
	extract_vi("Trận đấu kết thúc với tỷ số 2-1.\nBảo Ngọc - Bóng Đá Trẻ | 10:05\n", &l);
	expect_proven_person(&l, "Bảo Ngọc");
	expect_mention(&l, "Bóng Đá Trẻ", ENT_ORG, "Bóng Đá Trẻ"); /* the paper */
	mention_list_free(&l);
}

/* Roles of sport and culture before a name are titles, and so is a role
 * with a nationality: "siêu sao người Brazil X". */
static void test_roles(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Siêu sao người Brazil Rafael Duarte và thủ thành Tomas Vieira cùng hoa "
	           "khôi Ngọc Diệp dự buổi lễ. Chân sút Kaito Mori vắng mặt.",
	           &l);
	expect_proven_person(&l, "Rafael Duarte");
	expect_proven_person(&l, "Tomas Vieira");
	expect_proven_person(&l, "Ngọc Diệp");
	expect_proven_person(&l, "Kaito Mori");
	/* "người Brazil", a nationality, is no mention of the country */
	assert_null(find_surface(&l, "Brazil"));
	mention_list_free(&l);
}

/* What only people do or have after a name: say, share, reveal ("chia
 * sẻ", "tiết lộ"), an age or life dates ("(1480-1521)", ", 25 tuổi,",
 * "(sinh năm 1990)"); years too close for a life are none. */
static void test_person_after(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Hôm qua, Pedro Alvares (1480-1521) được nhắc đến. Khi đó Minh Hạnh, 25 "
	           "tuổi, đi làm. Còn Gia Khang (sinh năm 1990) ở nhà. Bảo Lâm chia sẻ rằng "
	           "trời mưa, còn Kaito tiết lộ điều khác.",
	           &l);
	expect_proven_person(&l, "Pedro Alvares");
	expect_proven_person(&l, "Minh Hạnh");
	expect_proven_person(&l, "Gia Khang");
	expect_proven_person(&l, "Bảo Lâm");
	expect_proven_person(&l, "Kaito");
	mention_list_free(&l);
	/* a campaign's years are no life */
	extract_vi("Chiến dịch Trung Du (1950-1951) kết thúc.", &l);
	const mention *m = find_surface(&l, "Trung Du");
	assert_true(m == NULL || m->evidence[ENT_PER] == 0);
	mention_list_free(&l);
}

/* Names typed as people by default that are something else: the paper
 * of a byline ("Theo X/Bạn Nhà Nông"), a station ("nhà ga X", "ga X"), a
 * combat sport's team or federation ("Taekwondo Việt Nam"), and the sport
 * alone after a title ("vận động viên Karate"), which is no name. */
static void test_not_people(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Một vận động viên Karate bị bắt tại nhà ga Kings Cross. Hôm qua "
	           "Taekwondo Việt Nam giành HCV, còn khách đổ về ga Hòa Hưng.\n"
	           "Theo Hữu Lộc/Bạn Nhà Nông\n",
	           &l);
	assert_null(find_surface(&l, "Karate"));
	expect_mention(&l, "Kings Cross", ENT_LOC, "Kings Cross");
	expect_mention(&l, "Hòa Hưng", ENT_LOC, "Hòa Hưng");
	assert_true(has_entity(&l, ENT_ORG, "Taekwondo Việt Nam"));
	expect_mention(&l, "Bạn Nhà Nông", ENT_ORG, "Bạn Nhà Nông");
	mention_list_free(&l);
}

/* A Vietnamese transliteration of a foreign name keeps all its
 * hyphenated parts ("Mi-sê-lô Tô-ri-ê-li"), as a Korean one does. */
static void test_transliterated_names(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Nhà văn Mi-sê-lô Tô-ri-ê-li đến thăm. HLV Park Hang-seo vui.", &l);
	expect_mention(&l, "Mi-sê-lô Tô-ri-ê-li", ENT_PER, "Mi-sê-lô Tô-ri-ê-li");
	expect_mention(&l, "Park Hang-seo", ENT_PER, "Park Hang-seo");
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
	    cmocka_unit_test(test_admin_span),        cmocka_unit_test(test_admin_short_forms),
	    cmocka_unit_test(test_person_shape),      cmocka_unit_test(test_person_boundaries),
	    cmocka_unit_test(test_place_inside_names), cmocka_unit_test(test_nested_places),
	    cmocka_unit_test(test_languages),         cmocka_unit_test(test_bylines),
	    cmocka_unit_test(test_roles),             cmocka_unit_test(test_person_after),
	    cmocka_unit_test(test_not_people),        cmocka_unit_test(test_transliterated_names),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
