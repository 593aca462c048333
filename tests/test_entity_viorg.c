/* test_entity_viorg.c: Vietnamese organization names on real news
 * (issue 11): where a name ends (numbers, lower-case words, places),
 * which head words start one, and which bodies are no name; one test
 * per error class, on sentences written for these tests. */
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

/* Extracts the mentions of a body-only Vietnamese article, and prints
 * them so that a failure shows what was found. */
static void extract(const char *body, mention_list *out)
{
	extract_body_with(ex, "vi", body, out);
	for (size_t i = 0; i < out->n; i++)
		fprintf(stderr, "  %s %s\n", entity_type_name(out->v[i].type), out->v[i].surface);
}

/* A unit's number closes its name ("Ban Quản lý dự án 7", a hospital's
 * number and the place after it); a count or a date after a name stays
 * out of it. */
static void test_org_unit_number(void **state)
{
	(void)state;
	mention_list l;
	extract("Ban QLDA 7 đã bàn giao công trình. Bệnh nhân được đưa tới Bệnh viện Đa khoa "
	        "118 Thanh Hóa cấp cứu. Sư đoàn 312 vừa diễn tập. Trường Tiểu học Kim Đồng "
	        "2 đã khai giảng. Bộ Y tế 3 năm qua đã chi nhiều tiền. Sở Tài chính 15/8 ra văn "
	        "bản.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Ban QLDA 7"));
	assert_true(has_surface(&l, ENT_ORG, "Bệnh viện Đa khoa 118 Thanh Hóa"));
	assert_true(has_surface(&l, ENT_ORG, "Sư đoàn 312"));
	assert_true(has_surface(&l, ENT_ORG, "Trường Tiểu học Kim Đồng 2"));
	assert_true(has_surface(&l, ENT_ORG, "Bộ Y tế"));
	assert_true(has_surface(&l, ENT_ORG, "Sở Tài chính"));
	mention_list_free(&l);

	/* lower-case words describing the unit before its number, and a
	 * military unit written in lower case */
	extract("Ông từng ở trung đoàn pháo binh 45 của quân khu. Ban quản lý dự án 8 đã "
	        "bàn giao công trình.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "trung đoàn pháo binh 45"));
	assert_true(has_surface(&l, ENT_ORG, "Ban quản lý dự án 8"));
	mention_list_free(&l);

	/* a rank is no unit's number */
	extract("Bệnh viện hạng 2 đã được nâng cấp.", &l);
	assert_false(has_name(&l, "Bệnh viện hạng 2"));
	mention_list_free(&l);
}

/* More heads start an organization's name: a party's committee of a
 * province or city, a museum, a military unit, and "công an" written in
 * lower case before its unit and place. */
static void test_org_more_heads(void **state)
{
	(void)state;
	mention_list l;
	extract("Tỉnh ủy Hà Tĩnh vừa họp. Thành ủy TP Vinh chỉ đạo các ngành. Đoàn khách "
	        "thăm Bảo tàng tỉnh Quảng Bình. Lực lượng công an xã Đông Sơn đã có mặt.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Tỉnh ủy Hà Tĩnh"));
	assert_true(has_surface(&l, ENT_ORG, "Thành ủy TP Vinh"));
	assert_true(has_surface(&l, ENT_ORG, "Bảo tàng tỉnh Quảng Bình"));
	assert_true(has_surface(&l, ENT_ORG, "công an xã Đông Sơn"));
	mention_list_free(&l);

	/* the committee after a party secretary's title is an organization */
	extract("Ông là Bí thư Tỉnh ủy Hà Giang từ năm ngoái.", &l);
	assert_true(has_surface(&l, ENT_ORG, "Tỉnh ủy Hà Giang"));
	mention_list_free(&l);

	/* "công an" in lower case is the police in general before anything
	 * but a unit; a lower-case head's words lead to a province, not to
	 * a country (a Korean plant) */
	extract("Sau đó công an tìm Ngân và đưa về trụ sở. Ông làm ở nhà máy gang thép Yên "
	        "Bái. Đây là nhà máy điện tử Hàn Quốc.",
	        &l);
	assert_false(has_name(&l, "công an tìm Ngân"));
	assert_true(has_surface(&l, ENT_ORG, "nhà máy gang thép Yên Bái"));
	assert_false(has_name(&l, "nhà máy điện tử Hàn Quốc"));
	mention_list_free(&l);
}

/* A body named by its role (an event's organizers, a jury, a board) is
 * no entity alone; followed by a qualifier it heads a name, and before
 * its organization's own name that name is the entity. */
static void test_org_generic_body(void **state)
{
	(void)state;
	mention_list l;
	extract("Ban Tổ chức cho biết giải đấu sẽ lùi lại. Ban Giám khảo chấm điểm. Ban Chỉ "
	        "đạo Quốc gia về bình đẳng giới đã họp. Ban Giám đốc Công an tỉnh Yên Bái khen "
	        "thưởng. Cơ quan Cảnh sát điều tra Công an huyện Đông Anh khởi tố vụ án. Hội "
	        "đồng quản trị FPT đã họp.",
	        &l);
	assert_false(has_name(&l, "Ban Tổ chức"));
	assert_false(has_name(&l, "Ban Giám khảo"));
	assert_false(has_name(&l, "Ban Giám khảo chấm điểm"));
	assert_true(has_surface(&l, ENT_ORG, "Ban Chỉ đạo Quốc gia"));
	assert_true(has_surface(&l, ENT_ORG, "Công an tỉnh Yên Bái"));
	assert_true(has_surface(&l, ENT_ORG, "Công an huyện Đông Anh"));
	assert_true(has_surface(&l, ENT_ORG, "FPT"));
	assert_false(has_name(&l, "Hội đồng quản trị FPT"));
	mention_list_free(&l);

	/* the event such a body serves names no organization; an
	 * abbreviated head with its domain ("Sở GTVT") keeps its place */
	extract("Ban tổ chức Liên hoan Ẩm thực cho biết. Ban Chấp hành Đảng bộ tỉnh Lạng Sơn "
	        "họp. Giám đốc Sở GTVT TP Đà Nẵng phát biểu.",
	        &l);
	assert_false(has_name(&l, "Ban tổ chức Liên hoan Ẩm thực"));
	mention_list_free(&l);

	/* the police as a body named by its role */
	extract("Cơ quan Công an đã trích xuất camera. Tỷ lệ tại Trường ĐH Nông nghiệp dao "
	        "động từ 60 đến 80%.",
	        &l);
	assert_false(has_name(&l, "Cơ quan Công an"));
	assert_true(has_surface(&l, ENT_ORG, "Trường ĐH Nông nghiệp"));
	mention_list_free(&l);

	/* a party's committee of a body: the body is the entity */
	extract("Đảng ủy Bộ Tài chính tổ chức hội nghị. Đảng ủy xã Tân Lập họp.", &l);
	assert_true(has_surface(&l, ENT_ORG, "Bộ Tài chính"));
	assert_false(has_name(&l, "Đảng ủy Bộ Tài chính"));
	assert_true(has_surface(&l, ENT_ORG, "Đảng ủy xã Tân Lập"));
	mention_list_free(&l);

	extract("Ban tổ chức Liên hoan Ẩm thực cho biết. Ban Chấp hành Đảng bộ tỉnh Lạng Sơn "
	        "họp. Giám đốc Sở GTVT TP Đà Nẵng phát biểu.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Đảng bộ tỉnh Lạng Sơn"));
	assert_true(has_surface(&l, ENT_ORG, "Sở GTVT TP Đà Nẵng"));
	mention_list_free(&l);
}

/* An airport's short head (CHK) starts its name like the other short
 * heads (BV, Cty). */
static void test_org_short_heads(void **state)
{
	(void)state;
	mention_list l;
	extract("Chuyến bay hạ cánh xuống CHK Quốc tế Cam Ranh lúc 9 giờ. Bác sĩ BV 175 cho "
	        "biết bệnh nhân đã tỉnh.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "CHK Quốc tế Cam Ranh"));
	assert_true(has_surface(&l, ENT_ORG, "BV 175"));
	mention_list_free(&l);
}

/* A name goes on in lower case to the body's reach ("quốc tế"), to a
 * bracket that defines its acronym, and after two capitals to the
 * body's own name; verbs after a name end it. */
static void test_org_lower_words(void **state)
{
	(void)state;
	mention_list l;
	extract("Ủy ban Cứu trợ nhi đồng quốc tế cho biết. Ông làm ở Cục Quản lý dược "
	        "(DAV) mười năm. Ban Quản lý Khu Kinh tế mở Chu Lai thông báo. Công ty Lâm "
	        "Sơn còn nợ thuế. Trường Mầm non Hoa Mai thuộc khu đô thị Ecopark khai giảng.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Ủy ban Cứu trợ nhi đồng quốc tế"));
	assert_true(has_surface(&l, ENT_ORG, "Cục Quản lý dược"));
	assert_true(has_surface(&l, ENT_ORG, "Ban Quản lý Khu Kinh tế mở Chu Lai"));
	assert_true(has_surface(&l, ENT_ORG, "Công ty Lâm Sơn"));
	assert_true(has_surface(&l, ENT_ORG, "Trường Mầm non Hoa Mai"));
	mention_list_free(&l);

	/* a unit's word before a lower-case syllable is a word's ("xã hội") */
	extract("Quỹ Bảo trợ xã hội tỉnh Hà Nam trao quà. Ông vay vốn của Ngân hàng Phát "
	        "triển xã hội.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Quỹ Bảo trợ xã hội tỉnh Hà Nam"));
	assert_true(has_surface(&l, ENT_ORG, "Ngân hàng Phát triển xã hội"));
	mention_list_free(&l);
}

/* A school is often named after a person, also after a title ("học
 * sinh") and in lower case ("trường THCS"); the person's name ends it
 * (a second name, a verb after it). */
static void test_org_school_person(void **state)
{
	(void)state;
	mention_list l;
	extract("Học sinh Trường Tiểu học Phan Văn Trị đã đến. Cô giáo trường THPT chuyên "
	        "Lê Quý Đôn cho biết. Hiệu trưởng Trường THCS Chu Văn An Trần Thị Mai phát "
	        "biểu. Học sinh trường THCS Ngô Mây đón chào năm học mới.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Trường Tiểu học Phan Văn Trị"));
	assert_true(has_surface(&l, ENT_ORG, "trường THPT chuyên Lê Quý Đôn"));
	assert_true(has_surface(&l, ENT_ORG, "Trường THCS Chu Văn An"));
	assert_true(has_surface(&l, ENT_PER, "Trần Thị Mai"));
	assert_true(has_surface(&l, ENT_ORG, "trường THCS Ngô Mây"));
	/* the person it is named after is a person inside it; a city no
	 * person ("Hà" is a family name too) */
	assert_true(has_surface(&l, ENT_PER, "Phan Văn Trị"));
	assert_true(has_surface(&l, ENT_PER, "Chu Văn An"));
	mention_list_free(&l);
	extract("Ông đến Trường Đại học Bách khoa Hà Nội.", &l);
	assert_false(has_surface(&l, ENT_PER, "Hà Nội"));
	mention_list_free(&l);
}

/* A company's brand of several foreign words ends its name, a foreign
 * place's name among them included; a foreign company's branch keeps
 * the home country. */
static void test_org_brand(void **state)
{
	(void)state;
	mention_list l;
	extract("Công ty Dệt may Atlanta Harbor vừa tuyển thêm công nhân. Công ty Toyota "
	        "Việt Nam cho biết xe mới sẽ ra mắt.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Công ty Dệt may Atlanta Harbor"));
	assert_true(has_surface(&l, ENT_ORG, "Công ty Toyota Việt Nam"));
	mention_list_free(&l);

	/* a head in lower case too */
	extract("Ông làm ở công ty Dệt may Atlanta Harbor nhiều năm.", &l);
	assert_true(has_surface(&l, ENT_ORG, "công ty Dệt may Atlanta Harbor"));
	mention_list_free(&l);
}

/* The agency or site a picture is credited to is an organization; a
 * Vietnamese name there is the photographer, a common abbreviation
 * (NVCC: provided by the subject) none. */
static void test_org_credit(void **state)
{
	(void)state;
	mention_list l;
	extract("Chiếc tàu rời cảng sáng qua. Ảnh: Ruptly.\nCầu mới thông xe. Nguồn ảnh: "
	        "Pixabay.\nNgười dân đón xuân. Ảnh: Hoàng Minh.\nCô gái trong ngày "
	        "cưới. Ảnh: NVCC.\nViện Nghiên cứu trực thuộc Bộ đã đến.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Ruptly"));
	assert_true(has_surface(&l, ENT_ORG, "Pixabay"));
	assert_false(has_surface(&l, ENT_ORG, "Hoàng Minh"));
	assert_false(has_name(&l, "NVCC"));
	assert_true(has_surface(&l, ENT_ORG, "Viện Nghiên cứu"));
	mention_list_free(&l);

	/* an acronym cited after "Theo", or credited with two letters, is
	 * proven an organization (not only guessed one) */
	extract("Theo XNB, giá dầu giảm.\nXe tăng tiến vào thành phố. Ảnh: QK", &l);
	const mention *m = find_surface(&l, "XNB");
	assert_non_null(m);
	assert_true(m->evidence[ENT_ORG] > 0);
	m = find_surface(&l, "QK");
	assert_non_null(m);
	assert_true(m->evidence[ENT_ORG] > 0);
	mention_list_free(&l);
}

/* In a Vietnamese article a word with capitals inside it is a brand
 * ("SeaBank"), also after a title (the employer), but not a family name
 * with a prefix (McCain). */
static void test_org_camel_brand(void **state)
{
	(void)state;
	mention_list l;
	extract("Khách hàng của SeaBank tăng mạnh. Ông Hùng, nguyên Phó Tổng giám đốc "
	        "MegaPay, bị bắt. Công nhân công ty dệt Pacific Crystal đình công.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "SeaBank"));
	assert_true(has_surface(&l, ENT_ORG, "MegaPay"));
	assert_true(has_surface(&l, ENT_ORG, "công ty dệt Pacific Crystal"));
	mention_list_free(&l);
	extract("Tổng thống Mỹ gặp thượng nghị sĩ McCain hôm qua.", &l);
	assert_false(has_surface(&l, ENT_ORG, "McCain"));
	mention_list_free(&l);
}

/* After a capitalized head of two words, lower-case words describing the
 * body lead on to the country or place it belongs to; the authorities in
 * general ("cơ quan chức năng") are no body of the place after them. */
static void test_org_descr_place(void **state)
{
	(void)state;
	mention_list l;
	extract("Cơ quan hợp tác phát triển Đức tài trợ dự án. Cơ quan chức năng Quảng Ngãi "
	        "đã vào cuộc.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Cơ quan hợp tác phát triển Đức"));
	assert_false(has_name(&l, "Cơ quan chức năng Quảng Ngãi"));
	assert_true(has_surface(&l, ENT_LOC, "Quảng Ngãi"));
	mention_list_free(&l);

	/* a national agency's head of one word: its description, then the
	 * home country; another noun made with the head is none */
	extract("Theo Cục hàng hải Việt Nam, tàu đã cập cảng. Viện trợ Nhật Bản đã đến.", &l);
	assert_true(has_surface(&l, ENT_ORG, "Cục hàng hải Việt Nam"));
	assert_false(has_name(&l, "Viện trợ Nhật Bản"));
	mention_list_free(&l);
}

/* A Vietnamese word written in capitals in a headline, with its marks,
 * is no acronym (an acronym has no marks but Đ). */
static void test_org_caps_word(void **state)
{
	(void)state;
	mention_list l;
	extract("NÓNG: Xe khách lao xuống vực. SỐC với giá vàng hôm nay. Theo VKSND, vụ án "
	        "đã được khởi tố.",
	        &l);
	assert_false(has_name(&l, "NÓNG"));
	assert_false(has_name(&l, "SỐC"));
	mention_list_free(&l);
}

/* A capitalized syllable of a word inside a name that spells a title's
 * abbreviation (DI, Detective Inspector) is the word: "Di truyền". */
static void test_org_title_syllable(void **state)
{
	(void)state;
	mention_list l;
	extract("Viện Di truyền Nông nghiệp cho biết giống lúa mới đã ra đời.", &l);
	assert_true(has_surface(&l, ENT_ORG, "Viện Di truyền Nông nghiệp"));
	mention_list_free(&l);
}

/* An online paper or portal is named as a body: "Báo điện tử" heads
 * the name, the place at its end included. */
static void test_org_online_paper(void **state)
{
	(void)state;
	mention_list l;
	extract("Theo Báo điện tử Nông thôn Việt Nam, giá lúa tăng. Cổng thông tin điện tử "
	        "Chính phủ đăng tải thông báo.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Báo điện tử Nông thôn Việt Nam"));
	assert_true(has_surface(&l, ENT_ORG, "Cổng thông tin điện tử Chính phủ"));
	mention_list_free(&l);
}

/* An office ("phòng", "sở") written in lower case before its domain's
 * abbreviation is an organization with its place, also after a title
 * that ends with it ("Trưởng phòng"); "trụ sở" (headquarters) is none. */
static void test_org_lower_office(void **state)
{
	(void)state;
	mention_list l;
	extract("Ông đến phòng CSGT Đà Nẵng trình báo. Trưởng phòng GD&ĐT huyện Kỳ Anh cho "
	        "biết. Đoàn đến trụ sở UBND xã Kỳ Phong.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "phòng CSGT Đà Nẵng"));
	assert_true(has_surface(&l, ENT_ORG, "phòng GD&ĐT huyện Kỳ Anh"));
	assert_false(has_name(&l, "sở UBND xã Kỳ Phong"));
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
	    cmocka_unit_test(test_org_unit_number),
	    cmocka_unit_test(test_org_more_heads),
	    cmocka_unit_test(test_org_generic_body),
	    cmocka_unit_test(test_org_short_heads),
	    cmocka_unit_test(test_org_lower_words),
	    cmocka_unit_test(test_org_school_person),
	    cmocka_unit_test(test_org_brand),
	    cmocka_unit_test(test_org_credit),
	    cmocka_unit_test(test_org_camel_brand),
	    cmocka_unit_test(test_org_descr_place),
	    cmocka_unit_test(test_org_caps_word),
	    cmocka_unit_test(test_org_title_syllable),
	    cmocka_unit_test(test_org_online_paper),
	    cmocka_unit_test(test_org_lower_office),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
