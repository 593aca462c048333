/* test_entity_vi3.c: precision of Vietnamese highlights on real news,
 * the classes of the third round of hand audits (see doc/entities.md):
 * stage names glued in one word, brands before a model's code, Arabic
 * names' particles, words ending with a function word, festivals,
 * cities' teams, words of longer foreign names, institutes' reach,
 * companies' "Viet" names, assistants' titles, foreign names after
 * Vietnamese words, singles, "Tây" and "Xuân" as common words, border
 * posts' places, a master's title with its dot, "Bé" before a child's
 * name, names run on into the next sentence.
 * One test per error class; sentences written for these tests. */
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

/* A Vietnamese given name glued to a nickname ("KhoaMe", "LinhKa") is a
 * stage name, no brand's word: no organization, nor is the actress
 * listed with him; a brand written so stays one ("OceanBank",
 * "AkzoNobel"). */
static void test_stage_name(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Chàng vlogger KhoaMe vừa đóng phim đầu tay. KhoaMe chia sẻ rằng anh rất hồi hộp. "
	           "Trong phim, KhoaMe và Thu Trang vào vai một cặp đôi sinh viên.",
	           &l);
	expect_not_type(&l, "KhoaMe", ENT_ORG);
	expect_not_type(&l, "Thu Trang", ENT_ORG);
	mention_list_free(&l);
	extract_vi("Cổ phiếu của OceanBank tăng mạnh, AkzoNobel thì giảm.", &l);
	expect_mention(&l, "OceanBank", ENT_ORG, "OceanBank");
	expect_mention(&l, "AkzoNobel", ENT_ORG, "AkzoNobel");
	mention_list_free(&l);
}

/* A brand right before its model's code ("Vivo V5s", "Tecno K7") stands
 * for the phone, a product: no organization; the brand alone stays the
 * company, and a year after it is no model ("Samsung 2017"). */
static void test_brand_model_code(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Chiếc điện thoại Vivo V5s được nhiều bạn trẻ chú ý. Vivo V5s có camera trước 20 MP. "
	           "Hãng Tecno vừa ra mắt điện thoại Tecno K7. Công ty Tecno cho biết Tecno K7 bán chạy. "
	           "Năm nay Samsung 2017 lãi lớn.",
	           &l);
	expect_not_type(&l, "Vivo", ENT_ORG);
	expect_not_type(&l, "Tecno", ENT_ORG);
	expect_mention(&l, "Công ty Tecno", ENT_ORG, "Công ty Tecno");
	expect_mention(&l, "Samsung", ENT_ORG, "Samsung");
	mention_list_free(&l);
}

/* An Arabic name's particle hyphened to its next part ("Karim al-Hadi",
 * "Omar bin-Saleh") is inside the name: one person, not two halves; the
 * surname alone then links to the whole. */
static void test_arabic_particle(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Tổng thống Karim al-Hadi đã gặp ông Omar bin-Saleh tại thủ đô. Ông Hadi cho biết "
	           "hai bên đã đạt thỏa thuận.",
	           &l);
	expect_mention(&l, "Karim al-Hadi", ENT_PER, "Karim al-Hadi");
	expect_mention(&l, "Omar bin-Saleh", ENT_PER, "Omar bin-Saleh");
	expect_mention(&l, "Hadi", ENT_PER, "Karim al-Hadi");
	mention_list_free(&l);
}

/* A body's word whose second syllable is a function word elsewhere
 * ("hàng không", "tự do") goes on inside its name: "Cục Hàng không Việt
 * Nam", not "Cục Hàng"; the function word alone still ends a name ("Hãng
 * Hàng không | không bay"). */
static void test_name_compound(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Cục Hàng không Việt Nam đã ra quyết định cấm bay. Cơ quan Hàng không và Vũ trụ "
	           "Hoa Kỳ đã phóng tàu. Đảng Tự do đã giành thắng lợi. Đài Tiếng nói Việt Nam đưa tin.",
	           &l);
	expect_mention(&l, "Cục Hàng không Việt Nam", ENT_ORG, "Cục Hàng không Việt Nam");
	expect_mention(&l, "Cơ quan Hàng không và Vũ trụ Hoa Kỳ", ENT_ORG,
	               "Cơ quan Hàng không và Vũ trụ Hoa Kỳ");
	expect_mention(&l, "Đảng Tự do", ENT_ORG, "Đảng Tự do");
	expect_no_mention(&l, "Cục Hàng");
	mention_list_free(&l);
}

/* A spring festival named after its mountain ("Hội xuân Ngọa Long",
 * "lễ khai hội Xuân Ngọa Long") is an event, no association: no
 * organization, and the mountain written alone is the place, not a
 * short form of the festival. */
static void test_festival_place(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Hàng vạn người dự lễ khai hội Xuân Ngọa Long 2017 dưới chân núi Ngọa Long. Hội "
	           "xuân Ngọa Long kéo dài đến hết tháng Ba. Du khách đến Ngọa Long dâng hương. Hội "
	           "Xuân Ngọa Long năm nay rất đông vui.",
	           &l);
	expect_not_type(&l, "Hội Xuân Ngọa Long", ENT_ORG);
	expect_not_type(&l, "Xuân Ngọa Long", ENT_ORG);
	expect_not_type(&l, "Hội xuân Ngọa Long", ENT_ORG);
	expect_not_type(&l, "Ngọa Long", ENT_ORG);
	expect_mention(&l, "núi Ngọa Long", ENT_LOC, "núi Ngọa Long");
	mention_list_free(&l);
}

/* A city before an English plural nickname is its team ("HCMC Falcons",
 * "Danang Dragons"): the club whole, no place "HCMC" and no place
 * "Falcons"; nor is the English name with a place's suffix inside
 * ("Hochiminh City Falcons") a place. */
static void test_city_team(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("CLB bóng rổ Hochiminh City Falcons vừa ký hợp đồng với HLV mới. Ban lãnh đạo HCMC "
	           "Falcons đặt mục tiêu vào bán kết, sau đó HCMC Falcons sẽ gặp Danang Dragons.",
	           &l);
	expect_mention(&l, "HCMC Falcons", ENT_ORG, "HCMC Falcons");
	expect_mention(&l, "Danang Dragons", ENT_ORG, "Danang Dragons");
	expect_no_mention(&l, "HCMC");
	expect_no_mention(&l, "Falcons");
	expect_not_type(&l, "Hochiminh City Falcons", ENT_LOC);
	mention_list_free(&l);
}

/* A foreign one-word place between two foreign capitalized words is a
 * word of a longer name, a ship's ("tàu MV Pacific Collector"): no
 * place, so no alias of the ocean; the ocean stays a place. */
static void test_name_inside_foreign(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Tàu MV Pacific Collector đang neo đậu tại cảng. MV Pacific Collector dài hơn 120 "
	           "mét. Con tàu sẽ đi qua Thái Bình Dương.",
	           &l);
	expect_no_mention(&l, "Pacific");
	expect_mention(&l, "Thái Bình Dương", ENT_LOC, "Thái Bình Dương");
	mention_list_free(&l);
}

/* An institute's name that runs in lower-case words up to its reach
 * ("Viện Nghiên cứu phòng chống lao quốc tế") is whole, not cut after
 * its first word ("Viện Nghiên cứu"). */
static void test_intl_body(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Viện Nghiên cứu phòng chống lao quốc tế đã công bố báo cáo. Bà Lê Thị Hoa, Viện "
	           "Nghiên cứu phòng chống lao quốc tế, cho biết thêm.",
	           &l);
	expect_mention(&l, "Viện Nghiên cứu phòng chống lao quốc tế", ENT_ORG,
	               "Viện Nghiên cứu phòng chống lao quốc tế");
	expect_no_mention(&l, "Viện Nghiên cứu");
	mention_list_free(&l);
}

/* A Vietnamese company's name made one word with "Viet" or "Vina"
 * ("Vietmart", "Vinasteel") is an organization even where a person's
 * verbs surround it ("cho biết"); no person. */
static void test_viet_company(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Vietmart vừa đưa ra con số thống kê. Vietmart cho biết doanh thu tăng 20%. "
	           "Vinasteel nói rằng giá thép sẽ giảm.",
	           &l);
	expect_mention(&l, "Vietmart", ENT_ORG, "Vietmart");
	expect_mention(&l, "Vinasteel", ENT_ORG, "Vinasteel");
	mention_list_free(&l);
}

/* An assistant's and an acting holder's titles ("quyền Trợ lý Ngoại
 * trưởng", "Trợ lý Tổng thống") are titles, no person's name cut out of
 * them ("Trợ", "Quyền Trợ"); the name after them is the person. */
static void test_assistant_title(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Theo quyền Trợ lý Ngoại trưởng Mỹ, lò thiêu đã được xây. Quyền Trợ lý Ngoại trưởng "
	           "Mỹ đã trưng ra nhiều bức ảnh. Trợ lý Tổng thống Trần Văn Nam phát biểu.",
	           &l);
	expect_no_mention(&l, "Trợ");
	expect_no_mention(&l, "Quyền Trợ");
	expect_mention(&l, "Trần Văn Nam", ENT_PER, "Trần Văn Nam");
	mention_list_free(&l);
}

/* A foreign given name right after Vietnamese words ("các vấn đề Cận
 * Đông Stuart Jones", a cast list's "siêu nhân Đỏ Jason Reed") starts
 * the person's name: the Vietnamese words are none of it; a foreign
 * given name before a Vietnamese one stays whole ("Johnny Trí
 * Nguyễn"). */
static void test_foreign_after_vi(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Ông phụ trách các vấn đề Cận Đông Stuart Jones cho biết thêm. Nam diễn viên vào "
	           "vai siêu nhân Đỏ Jason Reed. Ca sĩ Johnny Trí Nguyễn hát.",
	           &l);
	expect_no_mention(&l, "Cận Đông Stuart Jones");
	expect_no_mention(&l, "Đỏ Jason Reed");
	expect_mention(&l, "Stuart Jones", ENT_PER, "Stuart Jones");
	expect_mention(&l, "Johnny Trí Nguyễn", ENT_PER, "Johnny Trí Nguyễn");
	mention_list_free(&l);
}

/* A single's title after its noun ("đĩa đơn Morning Rain") is a work,
 * no person, nor is the same title written alone later. */
static void test_single_title(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Đĩa đơn Morning Rain đã giúp anh giành giải thưởng. Năm nay, Morning Rain vẫn "
	           "đứng đầu bảng xếp hạng.",
	           &l);
	expect_no_mention(&l, "Morning Rain");
	mention_list_free(&l);
}

/* "Tây" (Western) after a relative's, a spouse's or a guest's word
 * ("chồng Tây", "ông xã Tây", "khách Tây") and a heading's "Chồng Tây"
 * are no person nor place; "miền Tây" and "Hà Tây" stay places. */
static void test_western_adjective(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Chồng Tây của nữ ca sĩ rất điển trai. Cô đăng clip song ca cùng chồng Tây. Dù ông "
	           "xã Tây còn bập bẹ tiếng Việt, nhiều khách Tây vẫn khen. Người dân miền Tây đón "
	           "Tết.",
	           &l);
	expect_no_mention(&l, "Tây");
	expect_no_mention(&l, "Chồng Tây");
	expect_mention(&l, "miền Tây", ENT_LOC, "miền Tây");
	mention_list_free(&l);
}

/* The spring written with a capital after a word of the season ("du
 * Xuân", "sang Xuân", "đón Xuân") is no person nor place; a woman named
 * Xuân stays a person. */
static void test_spring(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Các sao lên đồ du Xuân đầu năm. Vừa mới sang Xuân, cô đã mặc đồ hè. Cả nhà đón "
	           "Xuân. Bà Lê Thị Xuân đi chợ.",
	           &l);
	expect_no_mention(&l, "Xuân");
	expect_mention(&l, "Lê Thị Xuân", ENT_PER, "Lê Thị Xuân");
	mention_list_free(&l);
}

/* A border post is named by its place ("Đồn Biên phòng Tà Lùng", "Đồn
 * Biên phòng Bắc Sơn"): the place ends its name inside it, no name cut
 * before the place. */
static void test_post_place(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Ngày 19/5, Đồn Biên phòng Bắc Sơn, thành phố Móng Cái quyết định khởi tố vụ án. "
	           "Đồn Biên phòng Bắc Sơn đã bàn giao hồ sơ cho công an.",
	           &l);
	expect_mention(&l, "Đồn Biên phòng Bắc Sơn", ENT_ORG, "Đồn Biên phòng Bắc Sơn");
	mention_list_free(&l);
}

/* A master's degree written with a dot ("Th.S Bình Nguyễn", which the
 * parser's repair of glued sentences writes "Th. S") is a title: the
 * person's name starts after it, no "S" in it. */
static void test_master_title(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Bài viết của nhóm tác giả gồm Th.S Bình Nguyễn và Th.S Lê Văn Tám.", &l);
	expect_no_mention(&l, "S Bình Nguyễn");
	expect_mention(&l, "Lê Văn Tám", ENT_PER, "Lê Văn Tám");
	expect_no_mention(&l, "S Lê Văn Tám");
	mention_list_free(&l);
}

/* "Bé" (the child) before a name is a form of address, no part of it
 * ("Bé Tấn Đức ra đời"); "Sông Bé" stays a place's name. */
static void test_child_address(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Bé Minh Khôi ra đời vào mùa xuân. Khi bé Minh Khôi lên ba, cả nhà về tỉnh Sông Bé.", &l);
	expect_no_mention(&l, "Bé Minh Khôi");
	expect_mention(&l, "Minh Khôi", ENT_PER, "Minh Khôi");
	expect_mention(&l, "Sông Bé", ENT_LOC, "Sông Bé");
	mention_list_free(&l);
}

/* A country after a body's or a place's cue, before a foreign name
 * ("liên bang Mỹ | James Robart", "tình báo Mỹ | Wayne White"), is the
 * country of the gazetteer (one entity with every other "Mỹ"), and the
 * foreign name after it a person, neither typed by that cue. */
static void test_country_before_foreign_name(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Thẩm phán liên bang Mỹ James Robart ở Seattle đã ra phán quyết. "
	           "Cựu quan chức tình báo Mỹ Wayne White nhấn mạnh điều đó.",
	           &l);
	const mention *m = find_surface(&l, "Mỹ");
	assert_non_null(m);
	assert_int_equal(m->type, ENT_LOC);
	assert_true(has_entity(&l, ENT_LOC, "Hoa Kỳ"));
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].surface, "Mỹ") == 0)
			assert_string_equal(l.v[i].canonical, m->canonical);
	expect_mention(&l, "James Robart", ENT_PER, "James Robart");
	expect_mention(&l, "Wayne White", ENT_PER, "Wayne White");
	mention_list_free(&l);
}

/* A name run on into the next sentence where the text lost its stop:
 * a form of address and a title before a full name ("HLV Ricky Ông bầu
 * Trần Anh Tú") or a time of day ("HLV Ricky Sáng nay") start another
 * sentence; a person named Sáng keeps the name. */
static void test_run_on_sentence(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("CLB ký hợp đồng với HLV Marco Ricky Ông bầu Trần Anh Tú cho biết. Tân HLV Marco "
	           "Ricky Sáng nay đã tới sân tập. Ông Nguyễn Văn Sáng cũng có mặt.",
	           &l);
	expect_no_mention(&l, "Marco Ricky Ông");
	expect_no_mention(&l, "Marco Ricky Sáng");
	expect_mention(&l, "Marco Ricky", ENT_PER, "Marco Ricky");
	expect_mention(&l, "Trần Anh Tú", ENT_PER, "Trần Anh Tú");
	expect_mention(&l, "Nguyễn Văn Sáng", ENT_PER, "Nguyễn Văn Sáng");
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
	    cmocka_unit_test(test_stage_name),
	    cmocka_unit_test(test_brand_model_code),
	    cmocka_unit_test(test_arabic_particle),
	    cmocka_unit_test(test_name_compound),
	    cmocka_unit_test(test_festival_place),
	    cmocka_unit_test(test_city_team),
	    cmocka_unit_test(test_name_inside_foreign),
	    cmocka_unit_test(test_intl_body),
	    cmocka_unit_test(test_viet_company),
	    cmocka_unit_test(test_assistant_title),
	    cmocka_unit_test(test_foreign_after_vi),
	    cmocka_unit_test(test_single_title),
	    cmocka_unit_test(test_western_adjective),
	    cmocka_unit_test(test_spring),
	    cmocka_unit_test(test_post_place),
	    cmocka_unit_test(test_master_title),
	    cmocka_unit_test(test_child_address),
	    cmocka_unit_test(test_run_on_sentence),
	    cmocka_unit_test(test_country_before_foreign_name),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
