/* test_entity_viprec.c: precision of Vietnamese highlights on real news
 * (see doc/entities.md): capitalized small words that are no one's name,
 * names that run on into the next sentence where the text lost its full
 * stop, streets listed after a road's noun, directions and stars that
 * are no places or people. One test per error class found by judging
 * real articles by hand; sentences written for these tests. */
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

/* A Vietnamese form of address ending a sentence ("an ủi cô.", "kể với
 * ông.") is no abbreviation like "Mr.": the capitalized word after its
 * full stop starts the next sentence ("Sau", "Trong", "Tôi"), no person.
 * "Mr. Đàm" keeps its dot. */
static void test_honorific_full_stop(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Minh ôm Hoa vào lòng, an ủi cô. Sau một lúc, Hoa kể tiếp. Hai đứa trẻ chạy tới "
	           "bên ông. Trong căn nhà nhỏ, mọi người im lặng. Bà nói với các em. Tôi không quên "
	           "được. Cô dặn con. Một lúc sau mới về. Phóng viên hỏi Mr. Đàm về dự án.",
	           &l);
	expect_no_mention(&l, "Sau");
	expect_no_mention(&l, "Trong");
	expect_no_mention(&l, "Tôi");
	expect_no_mention(&l, "Một");
	expect_mention(&l, "Đàm", ENT_PER, "Đàm");
	mention_list_free(&l);
}

/* A name runs on into the next sentence where scraped text lost its full
 * stop: a capitalized small word (Trong, Trên, Tại) before a lower-case
 * word or a known place starts the sentence, and a capitalized road's
 * noun the next road ("đường Nguyễn Văn Trỗi | Đường Trường Sơn"). A
 * name given by birth order stays the person's ("Nguyễn Văn Hai"), and
 * so does an English common word ("Theresa May cho biết"). */
static void test_glued_sentence_start(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Xe đông trên đường Hoàng Minh Giám, quận Tân Bình Trong khi đó, cửa ngõ phía Đông "
	           "thông thoáng. Xe chạy chậm trên đường Cộng Hòa Trên cầu vượt xe đông. Nữ ca sĩ "
	           "Ailee Trong top 10 vẫn đứng đầu. Xe nối đuôi trên đường Nguyễn Văn Trỗi Đường "
	           "Trường Sơn đoạn qua sân bay thông thoáng. Ảnh: Đình Sơn Tại TP.HCM, giá nhà tăng. "
	           "Ông Nguyễn Văn Hai cho biết xe đông. Thủ tướng Anh Theresa May cho biết sẽ đi.",
	           &l);
	expect_no_mention(&l, "quận Tân Bình Trong");
	expect_mention(&l, "quận Tân Bình", ENT_LOC, "Tân Bình");
	expect_mention(&l, "đường Cộng Hòa", ENT_LOC, "đường Cộng Hòa");
	expect_mention(&l, "Ailee", ENT_PER, "Ailee");
	expect_mention(&l, "đường Nguyễn Văn Trỗi", ENT_LOC, "đường Nguyễn Văn Trỗi");
	expect_mention(&l, "Đường Trường Sơn", ENT_LOC, "Đường Trường Sơn");
	expect_mention(&l, "Đình Sơn", ENT_PER, "Đình Sơn");
	expect_mention(&l, "Nguyễn Văn Hai", ENT_PER, "Nguyễn Văn Hai");
	expect_mention(&l, "Theresa May", ENT_PER, "Theresa May");
	mention_list_free(&l);
	extract_vi("U23 Việt Nam gặp U23 Malaysia tại Thống Nhất ngày mai.", &l);
	expect_mention(&l, "Thống Nhất", ENT_LOC, "Thống Nhất");
	mention_list_free(&l);
}

/* Streets are named after people: listed after a road's noun and "như",
 * "gồm" or a colon (roads in the plural may have words between: "các
 * trục phố chính như"), after "tuyến" (a route), or after a road (a
 * comma, "và", a junction's dash), they are places, one named after a
 * known place or starting with a head word too ("Tân Kỳ Tân Quý",
 * "Trường Sơn"). The same name elsewhere stays the person's, and so do
 * people after "đường về gồm" (on the way back). */
static void test_road_list(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Các tuyến đường như Hoàng Văn Thụ, Lê Văn Sỹ, Hoàng Sa đều thoáng. Giao lộ "
	           "Trường Chinh - Phạm Văn Bạch xe đông. Xe ùn ở các giao lộ Cộng Hòa, Tân Kỳ Tân "
	           "Quý, Âu Cơ, Tân Sơn Nhì. Ùn nhẹ trên tuyến Trường Chinh (quận Tân Bình). Các tuyến "
	           "phố gồm Nguyễn Trãi, Lê Văn Lương được cấm xe.",
	           &l);
	expect_mention(&l, "Hoàng Văn Thụ", ENT_LOC, "Hoàng Văn Thụ");
	expect_mention(&l, "Lê Văn Sỹ", ENT_LOC, "Lê Văn Sỹ");
	expect_mention(&l, "Phạm Văn Bạch", ENT_LOC, "Phạm Văn Bạch");
	expect_mention(&l, "Tân Kỳ Tân Quý", ENT_LOC, "Tân Kỳ Tân Quý");
	expect_mention(&l, "Âu Cơ", ENT_LOC, "Âu Cơ");
	expect_mention(&l, "Tân Sơn Nhì", ENT_LOC, "Tân Sơn Nhì");
	expect_mention(&l, "tuyến Trường Chinh", ENT_LOC, "tuyến Trường Chinh");
	expect_mention(&l, "Nguyễn Trãi", ENT_LOC, "Nguyễn Trãi");
	expect_mention(&l, "Lê Văn Lương", ENT_LOC, "Lê Văn Lương");
	mention_list_free(&l);
	extract_vi("Kẹt xe ở các trục phố chính như Trần Phú, Lê Hồng Phong, Tô Hiến Thành. Đơn vị đã "
	           "làm 13 đường đèn, gồm: Trường Sơn, Nguyễn Văn Trỗi. Đoàn công tác trên đường về "
	           "gồm Nguyễn Văn An, Trần Văn Bình.",
	           &l);
	expect_mention(&l, "Trần Phú", ENT_LOC, "Trần Phú");
	expect_mention(&l, "Tô Hiến Thành", ENT_LOC, "Tô Hiến Thành");
	expect_mention(&l, "Trường Sơn", ENT_LOC, "Trường Sơn");
	expect_mention(&l, "Nguyễn Văn Trỗi", ENT_LOC, "Nguyễn Văn Trỗi");
	expect_mention(&l, "Nguyễn Văn An", ENT_PER, "Nguyễn Văn An");
	mention_list_free(&l);
	/* a road's noun inside another word, the city after a road, a
	 * unit's word and a credit after a road are no roads */
	extract_vi("Công ty được các đại gia toàn cầu như Alibaba rót vốn. Các trang bán lẻ trực tuyến "
	           "như Flipkart hạ giá. Nhà ở số 5 đường Lê Lợi, Hà Nội. Khách chờ ở phố Cầu Đất, Q. "
	           "Ngô Quyền. Tại nút giao Dầu Giây - Ảnh: Anh Quân.",
	           &l);
	expect_not_type(&l, "Alibaba", ENT_LOC);
	expect_not_type(&l, "Flipkart", ENT_LOC);
	expect_mention(&l, "Hà Nội", ENT_LOC, "Hà Nội");
	expect_no_mention(&l, "Q");
	expect_no_mention(&l, "Ảnh");
	mention_list_free(&l);
	extract_vi("Ông Lê Văn Sỹ cho biết gia đình ông ở Hà Nội.", &l);
	expect_mention(&l, "Lê Văn Sỹ", ENT_PER, "Lê Văn Sỹ");
	mention_list_free(&l);
}

/* A rank before a title is part of the title, no name ("Phó | Bí thư",
 * "Phó | Tư lệnh", "Nguyên | Bộ trưởng"), and so is "Tổng" before a
 * body's head ("Tổng LĐLĐ Việt Nam", "Tổng Liên đoàn"); "Phó" and
 * "Đoàn" as family names stay ("Phó Đức Phương", "Đoàn Văn Hậu"), a
 * command keeps its name ("Bộ Tư lệnh Thủ đô Hà Nội"), and a bar is a
 * body ("Đoàn Luật sư TP HCM"). */
static void test_title_rank(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Ông Đặng Minh Khanh, Phó Bí thư Thường trực Huyện ủy, cho biết. Ông Lê Văn Hòa, "
	           "Phó Tư lệnh Quân khu 4, dự lễ. Ông Trần Văn Tâm, Nguyên Bộ trưởng, phát biểu. "
	           "Nhạc sĩ Phó Đức Phương hát. Bộ Tư lệnh Thủ đô Hà Nội tổ chức lễ.",
	           &l);
	expect_no_mention(&l, "Phó");
	expect_no_mention(&l, "Phó Tư");
	expect_no_mention(&l, "Nguyên");
	expect_mention(&l, "Phó Đức Phương", ENT_PER, "Phó Đức Phương");
	expect_mention(&l, "Bộ Tư lệnh Thủ đô Hà Nội", ENT_ORG, "Bộ Tư lệnh Thủ đô Hà Nội");
	mention_list_free(&l);
	extract_vi("Luật sư Nguyễn Văn Phúc, Đoàn Luật sư TP HCM, trả lời. Tổng LĐLĐ Việt Nam phối hợp "
	           "với ngân hàng. Đoàn Chủ tịch Tổng Liên đoàn vừa ban hành kế hoạch. Cầu thủ Đoàn Văn "
	           "Hậu ghi bàn.",
	           &l);
	expect_no_mention(&l, "Đoàn");
	expect_no_mention(&l, "Tổng");
	expect_mention(&l, "Đoàn Luật sư TP HCM", ENT_ORG, "Đoàn Luật sư TP HCM");
	if (!has_surface(&l, ENT_ORG, "Tổng LĐLĐ Việt Nam"))
		fail_msg("\"Tổng LĐLĐ Việt Nam\" is no organization");
	expect_mention(&l, "Đoàn Văn Hậu", ENT_PER, "Đoàn Văn Hậu");
	mention_list_free(&l);
}

/* "Bạn" heading a reader's question or comment is a form of address
 * ("Bạn Huỳnh Nga hỏi": the reader is Huỳnh Nga), in lower case a
 * friend before a country too ("nước bạn Lào"). */
static void test_reader_byline(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Bạn Huỳnh Nga ở Đà Nẵng hỏi: con tôi nên học trường nào? Đoàn sang thăm nước bạn "
	           "Lào.",
	           &l);
	expect_no_mention(&l, "Bạn Huỳnh Nga");
	expect_mention(&l, "Huỳnh Nga", ENT_PER, "Huỳnh Nga");
	expect_mention(&l, "Lào", ENT_LOC, "Lào");
	mention_list_free(&l);
}

/* A person's initial glued by its dot to a given name signs an article
 * ("H.Nga", "T.Hương"): a person, no district of Russia; a unit's short
 * form before a place of two syllables stays the place ("Q.Bình
 * Thạnh"). */
static void test_initial_byline(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Giá nhà ở Q.Bình Thạnh tăng mạnh trong năm nay.\nH.Nga", &l);
	expect_not_type(&l, "H.Nga", ENT_LOC);
	if (has_entity(&l, ENT_LOC, "Nga"))
		fail_msg("a byline's \"H.Nga\" is Russia");
	expect_mention(&l, "H.Nga", ENT_PER, "H.Nga");
	if (!has_entity(&l, ENT_LOC, "Bình Thạnh"))
		fail_msg("Q.Bình Thạnh is no place");
	mention_list_free(&l);
}

/* Feng-shui and horoscope articles: stars are no people ("sao Văn
 * Xương", "hung tinh Phá Quân", "sao Nhị Hắc Bệnh Phù"), a direction is
 * no place in a heading's answer ("Hướng vượng Quan: Đông Bắc"), as a
 * city's gateway ("cửa ngõ Tây Bắc thành phố") nor after a lone
 * direction and "và" ("hướng chính Đông và Tây Bắc"; the regions "Đông
 * Bắc và Tây Bắc" stay). A person named like a star after a form of
 * address stays one. */
static void test_stars_and_directions(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Năm nay sao Văn Xương bay vào hướng Đông, hung tinh Phá Quân chiếu mệnh, sao Nhị "
	           "Hắc Bệnh Phù đóng ở phía Tây.\nHướng vượng Quan: Đông Bắc\nGhi nhận ở cửa ngõ Tây "
	           "Bắc thành phố cho thấy xe đông. Ông Văn Khúc cho biết.",
	           &l);
	expect_no_mention(&l, "Văn Xương");
	expect_no_mention(&l, "Phá Quân");
	expect_no_mention(&l, "Nhị Hắc Bệnh Phù");
	expect_no_mention(&l, "Đông Bắc");
	expect_no_mention(&l, "Tây Bắc");
	expect_mention(&l, "Văn Khúc", ENT_PER, "Văn Khúc");
	mention_list_free(&l);
	extract_vi("Hướng chính Đông và Tây Bắc là những hướng tốt nhất năm nay.", &l);
	expect_no_mention(&l, "Tây Bắc");
	mention_list_free(&l);
	extract_vi("Đông Bắc và Tây Bắc là hai vùng núi có nhiều mưa.", &l);
	expect_mention(&l, "Tây Bắc", ENT_LOC, "Tây Bắc");
	mention_list_free(&l);
}

/* A part of a country named by a direction after a region's noun
 * ("miền Đông Ukraine", "phía Tây Syria"): the place named is the
 * country. Names known whole stay ("Nam Phi", "Đông Nam Á"). */
static void test_region_of_country(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Tình hình miền Đông Ukraine căng thẳng. Khu vực phía Tây Syria bị pháo kích. Đoàn "
	           "đi Nam Phi và Đông Nam Á.",
	           &l);
	expect_no_mention(&l, "miền Đông Ukraine");
	expect_no_mention(&l, "Đông Ukraine");
	expect_no_mention(&l, "Tây Syria");
	expect_mention(&l, "Ukraine", ENT_LOC, "Ukraine");
	expect_mention(&l, "Syria", ENT_LOC, "Syria");
	if (!has_surface(&l, ENT_LOC, "Nam Phi") || !has_surface(&l, ENT_LOC, "Đông Nam Á"))
		fail_msg("Nam Phi and Đông Nam Á are places");
	mention_list_free(&l);
}

/* A given name that is a country too ("Anh", "Đức") ends a person's
 * name after a family or given name at a sentence start or signing an
 * article ("Ảnh: Trần Anh.", "Đỗ Anh" on the last line), and a name of
 * capitalized syllables inside an organization's name ("Tập đoàn Hoàng
 * Anh", "Công ty Thiên Đức"): no England, no Germany. "Tại Anh, ..." and
 * a ministry's country stay the place. */
static void test_given_name_country(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Công an đưa nghi phạm về trụ sở. Ảnh: Trần Anh. Tập đoàn Hoàng Anh công bố lỗ. Công "
	           "ty Thiên Đức thắng thầu. Tại Anh, giá nhà tăng. Bộ Ngoại giao Anh phản đối.\nĐỗ Anh",
	           &l);
	expect_mention(&l, "Trần Anh", ENT_PER, "Trần Anh");
	expect_mention(&l, "Đỗ Anh", ENT_PER, "Đỗ Anh");
	size_t uk = 0;
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].type == ENT_LOC && strcmp(l.v[i].canonical, "Anh") == 0)
			uk++;
	if (uk != 2)
		fail_msg("%zu mentions of England, not 2 (Tại Anh, Bộ Ngoại giao Anh)", uk);
	expect_not_type(&l, "Đức", ENT_LOC);
	mention_list_free(&l);
}

/* Hồ Chí Minh the city written without its unit's word: listed among
 * cities ("Hà Nội, Hồ Chí Minh, Cần Thơ", "như Hồ Chí Minh, Hà Nội, Đà
 * Nẵng") or after "TP" inside a school's name ("Trường ĐH Luật TP Hồ
 * Chí Minh": no person the school is named after). The president after
 * his title stays the person. */
static void test_city_named_after_person(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Các thành phố trực thuộc trung ương là Hà Nội, Hồ Chí Minh, Cần Thơ. Giá nhà tăng "
	           "tại các thành phố lớn như Hồ Chí Minh, Hà Nội, Đà Nẵng. Trường ĐH Luật TP Hồ Chí Minh "
	           "thông báo tuyển sinh.",
	           &l);
	if (has_surface(&l, ENT_PER, "Hồ Chí Minh"))
		fail_msg("the city Hồ Chí Minh is a person");
	expect_mention(&l, "Hồ Chí Minh", ENT_LOC, "Hồ Chí Minh");
	mention_list_free(&l);
	extract_vi("Chủ tịch Hồ Chí Minh đọc bản Tuyên ngôn tại Hà Nội, Việt Nam.", &l);
	expect_mention(&l, "Hồ Chí Minh", ENT_PER, "Hồ Chí Minh");
	mention_list_free(&l);
}

/* A brand standing for a model of its product ("mẫu đồng hồ thông minh
 * LG", "những mô hình Kawasaki", "Dòng điện thoại Samsung") is no
 * entity; the company elsewhere stays ("điện thoại LG", "của Honda"),
 * and a fashion model ("người mẫu Gigi") is a person. */
static void test_brand_product(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Hãng vừa ra mắt mẫu đồng hồ thông minh LG mới. Những mô hình Kawasaki được trang bị "
	           "động cơ mạnh. Dòng điện thoại Samsung bán chạy.",
	           &l);
	expect_no_mention(&l, "LG");
	expect_no_mention(&l, "Kawasaki");
	expect_no_mention(&l, "Samsung");
	mention_list_free(&l);
	extract_vi("Ông Nam mua điện thoại LG. Mẫu xe mới của Honda ra mắt. Người mẫu Gigi xuất hiện.",
	           &l);
	expect_mention(&l, "LG", ENT_ORG, "LG");
	expect_mention(&l, "Honda", ENT_ORG, "Honda");
	expect_mention(&l, "Gigi", ENT_PER, "Gigi");
	mention_list_free(&l);
}

/* A company named by an acronym and one foreign word ("LG Display", "SK
 * Telecom") is one organization, after a title too (the employer, no
 * person "Display"); two words after an acronym after a title are the
 * person ("Giám đốc CDC Rochelle Walensky"). */
static void test_acronym_company(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Ông Kim, Tổng giám đốc LG Display, cho biết. Năm nay SK Telecom báo lãi. Giám đốc "
	           "CDC Rochelle Walensky phát biểu.",
	           &l);
	expect_mention(&l, "LG Display", ENT_ORG, "LG Display");
	expect_mention(&l, "SK Telecom", ENT_ORG, "SK Telecom");
	expect_no_mention(&l, "Display");
	expect_mention(&l, "Rochelle Walensky", ENT_PER, "Rochelle Walensky");
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
	    cmocka_unit_test(test_honorific_full_stop),
	    cmocka_unit_test(test_glued_sentence_start),
	    cmocka_unit_test(test_road_list),
	    cmocka_unit_test(test_title_rank),
	    cmocka_unit_test(test_reader_byline),
	    cmocka_unit_test(test_initial_byline),
	    cmocka_unit_test(test_stars_and_directions),
	    cmocka_unit_test(test_region_of_country),
	    cmocka_unit_test(test_given_name_country),
	    cmocka_unit_test(test_city_named_after_person),
	    cmocka_unit_test(test_brand_product),
	    cmocka_unit_test(test_acronym_company),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
