/* test_entity_org.c: organization names and common-noun abbreviations in
 * entity extraction (issue 11: abbreviations as ORG, organization names cut
 * short or run on), on sentences written for these tests. */
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

/* Prints the mentions, so that a failure shows what was found. */
static void show(const mention_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		fprintf(stderr, "  %s %s\n", entity_type_name(l->v[i].type), l->v[i].surface);
}

/* Common nouns, titles and organization heads written as abbreviations
 * are no entity on their own. */
static void test_abbrev_alone(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "HLV Park Hang-seo gọi thêm cầu thủ. Anh Nguyễn Văn Bình (SN 1990) bị bắt. "
	        "Theo PV, chiếc xe mang BKS 30A bị CSGT dừng lại. HĐXX tuyên án. HĐQT họp "
	        "bất thường. Nhiều DN gặp khó. Các CĐV kéo đến sân. VCK diễn ra ở đây. "
	        "Ông Bình có ĐTDĐ riêng. UBND đã họp. CLB vừa công bố. Công ty CP vừa "
	        "thành lập. Lãnh đạo HTX cho biết.",
	        &l);
	show(&l);
	const char *junk[] = {"HLV", "SN",  "PV",   "BKS",  "CSGT", "HĐXX", "HĐQT", "DN",
	                      "CĐV", "VCK", "ĐTDĐ", "UBND", "CLB",  "CP",   "HTX"};
	for (size_t i = 0; i < sizeof junk / sizeof *junk; i++)
		assert_false(has_name(&l, junk[i]));
	/* a title abbreviation still says who comes next */
	assert_true(has_surface(&l, ENT_PER, "Park Hang-seo"));
	mention_list_free(&l);

	extract("en", "The MP said the new PC was slow. Police said PC Smith was hurt.", &l);
	show(&l);
	assert_false(has_name(&l, "MP"));
	assert_false(has_name(&l, "PC"));
	mention_list_free(&l);
}

/* An abbreviated head with a place or a qualifier after it starts an
 * organization's name, whole. */
static void test_abbrev_org_head(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Chủ tịch UBND xã Đức Nhân cho biết. Chủ tịch UBND TP Hà Nội Nguyễn Văn Bình "
	        "phát biểu. Vụ án do TAND tỉnh Nghệ An xét xử. CLB Hà Nội thắng. Sinh viên "
	        "ĐH Quốc gia Hà Nội dự thi.",
	        &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "UBND xã Đức Nhân"));
	assert_true(has_surface(&l, ENT_ORG, "UBND TP Hà Nội"));
	assert_true(has_surface(&l, ENT_ORG, "TAND tỉnh Nghệ An"));
	assert_true(has_surface(&l, ENT_ORG, "CLB Hà Nội"));
	assert_true(has_surface(&l, ENT_ORG, "ĐH Quốc gia Hà Nội"));
	assert_true(has_surface(&l, ENT_PER, "Nguyễn Văn Bình"));
	assert_false(has_name(&l, "Ubnd Tp"));
	mention_list_free(&l);
}

/* Age-group teams are organizations: "U23 Việt Nam". */
static void test_age_group_team(void **state)
{
	(void)state;
	mention_list l;
	extract("vi", "U23 Việt Nam thắng U16 Thái Lan trong trận giao hữu.", &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "U23 Việt Nam"));
	assert_true(has_surface(&l, ENT_ORG, "U16 Thái Lan"));
	mention_list_free(&l);
}

/* An English abbreviation that ends an organization's name joins it. */
static void test_org_suffix_abbrev(void **state)
{
	(void)state;
	mention_list l;
	extract("vi", "Trận đấu giữa Hà Nội FC và đội khách diễn ra tối qua.", &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "Hà Nội FC"));
	mention_list_free(&l);
}

/* Lower-case words go on with a Vietnamese organization's name after its
 * head until a verb or a function word. */
static void test_org_lower_tail(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Cục Quản lý đấu thầu vừa ban hành hướng dẫn. Viện Nghiên cứu lập pháp "
	        "cho biết. Trường Đại học Bách khoa đã tuyển sinh.",
	        &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "Cục Quản lý đấu thầu"));
	assert_true(has_surface(&l, ENT_ORG, "Viện Nghiên cứu lập pháp"));
	assert_true(has_surface(&l, ENT_ORG, "Trường Đại học Bách khoa"));
	mention_list_free(&l);
}

/* The known place an organization's name ends with is also a place
 * mention of its own, inside the organization's span. */
static void test_nested_place(void **state)
{
	(void)state;
	mention_list l;
	const char *body = "Tập đoàn Điện lực Việt Nam tăng giá điện.";
	extract("vi", body, &l);
	show(&l);
	const mention *org = NULL, *loc = NULL;
	for (size_t i = 0; i < l.n; i++) {
		if (l.v[i].type == ENT_ORG &&
		    strcmp(l.v[i].surface, "Tập đoàn Điện lực Việt Nam") == 0)
			org = &l.v[i];
		if (l.v[i].type == ENT_LOC && strcmp(l.v[i].surface, "Việt Nam") == 0)
			loc = &l.v[i];
	}
	assert_non_null(org);
	assert_non_null(loc);
	assert_true(loc->start > org->start && loc->end == org->end);
	mention_list_free(&l);
}

/* A country right after a ministry or parliament is its body's: "Bộ
 * Quốc phòng Nga" (not the gazetteer's Bộ Quốc phòng of Việt Nam). */
static void test_ministry_country(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Bộ Quốc phòng Nga cho biết Bộ Ngoại giao Trung Quốc và Quốc hội Hàn Quốc đã "
	        "phản đối.",
	        &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "Bộ Quốc phòng Nga"));
	assert_true(has_surface(&l, ENT_ORG, "Bộ Ngoại giao Trung Quốc"));
	assert_true(has_surface(&l, ENT_ORG, "Quốc hội Hàn Quốc"));
	assert_true(has_surface(&l, ENT_LOC, "Nga"));
	mention_list_free(&l);
}

/* More common nouns written short (medals, imports, DNA, investigators,
 * contract forms, tonnage) are no organization; "VKS" alone is the
 * prosecutors' office named in full elsewhere; "NTK" is a title. */
static void test_abbrev_common_more(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Đội tuyển giành 3 HCV và 2 HCĐ. Hàng NK tăng mạnh. Mẫu ADN được gửi đi. "
	        "Lực lượng giữ ANTT có mặt. CQĐT đã khởi tố. Trạm BOT ngừng thu phí. Hợp "
	        "đồng EPC được ký. Tàu 5.000 DWT cập cảng. VKS đã truy tố. Mỗi CH có hai "
	        "phòng. NTK Lê Văn Bình ra mắt bộ sưu tập.",
	        &l);
	show(&l);
	const char *junk[] = {"HCV", "HCĐ", "NK", "ADN", "ANTT", "CQĐT",
	                      "BOT", "EPC", "DWT", "VKS", "CH",  "NTK"};
	for (size_t i = 0; i < sizeof junk / sizeof *junk; i++)
		assert_false(has_name(&l, junk[i]));
	assert_true(has_surface(&l, ENT_PER, "Lê Văn Bình"));
	mention_list_free(&l);
}

/* Lower-case words describing an organization go on after its head and
 * after its capitalized words up to the body's own name ("Trung tâm sách
 * Gia Định"), never through a verb or a person's name. */
static void test_org_descr_to_name(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Ông Lê Văn An, Giám đốc Công ty TNHH MTV Công nghiệp tàu thủy Hòa Lâm, cho "
	        "biết. Trung tâm sách Gia Phong mở cửa. Ban quản lý Vườn quốc gia Phù Vân "
	        "cho biết. Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An họp. Bộ "
	        "Công an bắt Nguyễn Văn Hùng. Nhà máy đóng tàu mang tên Gorky hoạt động.",
	        &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "Công ty TNHH MTV Công nghiệp tàu thủy Hòa Lâm"));
	assert_true(has_surface(&l, ENT_ORG, "Trung tâm sách Gia Phong"));
	assert_true(has_surface(&l, ENT_ORG, "Ban quản lý Vườn quốc gia Phù Vân"));
	assert_true(
	    has_surface(&l, ENT_ORG, "Sở Nông nghiệp và Phát triển nông thôn tỉnh Nghệ An"));
	assert_true(has_surface(&l, ENT_ORG, "Bộ Công an"));
	assert_true(has_surface(&l, ENT_PER, "Nguyễn Văn Hùng"));
	assert_false(has_name(&l, "Nhà máy đóng tàu mang tên Gorky"));
	mention_list_free(&l);
}

/* A unit's short form glued or spaced before its place ends an
 * organization's name with the place ("Chi cục Thuế TP.Cà Mau"), and so
 * does a known place after a domain's acronym ("Phòng CSGT Hòa Bình"); a
 * hyphen inside a foreign name after the head joins ("Mặt trận
 * Al-Shabaab"). */
static void test_org_unit_place(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Chi cục Thuế TP.Cà Mau cho biết. Công an Tp Hải Dương đã vào cuộc. Ban "
	        "Tuyên giáo Tỉnh ủy Nam Định họp. Mặt trận Al-Shabaab tấn công. Phòng CSGT "
	        "Hòa Bình lập chốt.",
	        &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "Chi cục Thuế TP.Cà Mau"));
	assert_true(has_surface(&l, ENT_ORG, "Công an Tp Hải Dương"));
	assert_true(has_surface(&l, ENT_ORG, "Ban Tuyên giáo Tỉnh ủy Nam Định"));
	assert_true(has_surface(&l, ENT_ORG, "Mặt trận Al-Shabaab"));
	assert_true(has_surface(&l, ENT_ORG, "Phòng CSGT Hòa Bình"));
	mention_list_free(&l);
}

/* A head written in lower case before a name is part of the name
 * ("nhà máy Đạm Hà Bắc"), a numbered unit ends it ("số 1"); a known
 * place or organization right after such a head is itself. */
static void test_org_lower_head(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Theo công ty XYZ, nhà máy Đạm Phú Lâm ngừng. Công nhân nhà máy sản xuất "
	        "phân bón DAP số 3 nghỉ. Ông đến bệnh viện Hòa Lâm. Một công ty Nhật mua "
	        "lại. Công ty Xây dựng số 4 thắng thầu. Công ty Xổ số Kiến thiết Hòa Lâm "
	        "nộp thuế.",
	        &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "công ty XYZ"));
	assert_true(has_surface(&l, ENT_ORG, "nhà máy Đạm Phú Lâm"));
	assert_true(has_surface(&l, ENT_ORG, "nhà máy sản xuất phân bón DAP số 3"));
	assert_true(has_surface(&l, ENT_ORG, "bệnh viện Hòa Lâm"));
	assert_true(has_surface(&l, ENT_LOC, "Nhật"));
	assert_true(has_surface(&l, ENT_ORG, "Công ty Xây dựng số 4"));
	assert_true(has_surface(&l, ENT_ORG, "Công ty Xổ số Kiến thiết Hòa Lâm"));
	mention_list_free(&l);
}

/* After an acronym in an organization's name, a lower-case word is a
 * verb unless more words lead to the body's name ("Bộ GDĐT | ban hành"). */
static void test_org_acronym_verb(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Bộ GDĐT ban hành quy chế. Ban PHHS thường họp. Công ty TNHH thương mại "
	        "Hòa Lâm khai trương.",
	        &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "Bộ GDĐT"));
	assert_true(has_surface(&l, ENT_ORG, "Ban PHHS"));
	assert_true(has_surface(&l, ENT_ORG, "Công ty TNHH thương mại Hòa Lâm"));
	mention_list_free(&l);
}

/* An acronym alone with no other sign is an organization only as a guess
 * (no evidence: the corpus decides); a cue or a definition proves it. */
static void test_acronym_guess(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Dự án dùng công nghệ XQZ mới. Ông Bình làm việc tại công ty KLMN. Quỹ Phát "
	        "triển Nông thôn (QPTNT) vừa cho vay.",
	        &l);
	show(&l);
	int xqz = 0, klmn = 0, qp = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (strcmp(l.v[i].surface, "XQZ") == 0)
			xqz = 1, assert_true(mention_guessed(&l.v[i]));
		if (strcmp(l.v[i].surface, "công ty KLMN") == 0)
			klmn = 1, assert_false(mention_guessed(&l.v[i]));
		if (strcmp(l.v[i].surface, "QPTNT") == 0)
			qp = 1, assert_false(mention_guessed(&l.v[i]));
	}
	assert_true(xqz && klmn && qp);
	mention_list_free(&l);
}

/* The last word of a name joined by "và" keeps its lower-case syllables
 * up to the clause's end, a small word or the place after them. */
static void test_org_joined_tail(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Đại diện Sở Nông nghiệp và Phát triển nông thôn của 5 tỉnh dự họp. Sở Nông "
	        "nghiệp và Phát triển nông thôn Tp. Cần Thơ cho biết. Ông làm việc tại Hiệp "
	        "hội Nuôi trồng và Chế biến thủy sản, rồi nghỉ hưu.",
	        &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "Sở Nông nghiệp và Phát triển nông thôn"));
	assert_true(
	    has_surface(&l, ENT_ORG, "Sở Nông nghiệp và Phát triển nông thôn Tp. Cần Thơ"));
	assert_true(has_surface(&l, ENT_ORG, "Hiệp hội Nuôi trồng và Chế biến thủy sản"));
	mention_list_free(&l);
}

/* Without "và" too, a name's last word keeps its lower-case syllables up
 * to the clause's end. */
static void test_org_plain_tail(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Hồ sơ được chuyển tới Cục Cảnh sát điều tra. Anh Tâm gia nhập Hiệp hội "
	        "Chăn nuôi gia cầm, nơi anh gặp vợ.",
	        &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "Cục Cảnh sát điều tra"));
	assert_true(has_surface(&l, ENT_ORG, "Hiệp hội Chăn nuôi gia cầm"));
	mention_list_free(&l);
}

/* "Hội" heads an association's name, which ends with its place; the town
 * Hội An stays a place, the festival Hội Lim no entity. */
static void test_org_hoi_head(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Chị Lan gia nhập Hội Điêu khắc Việt Nam. Anh Tâm gửi quà qua Hội Chữ thập "
	        "đỏ tỉnh Nam Định. Năm sau, chị về sống ở Hội An.",
	        &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "Hội Điêu khắc Việt Nam"));
	assert_true(has_surface(&l, ENT_ORG, "Hội Chữ thập đỏ tỉnh Nam Định"));
	assert_true(has_surface(&l, ENT_LOC, "Hội An"));
	mention_list_free(&l);

	/* a festival is no association */
	extract("vi", "Năm nào bà cũng đi Hội Lim.", &l);
	show(&l);
	assert_false(has_name(&l, "Hội Lim"));
	mention_list_free(&l);
}

/* Right after an association's head, a title names its members and
 * stays in the name; after a name, it still starts the person. */
static void test_org_members_title(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Hội Nhà báo Việt Nam trao giải. Hội Nông dân huyện Gia Lâm có thêm hội "
	        "viên. Hội Điêu khắc Việt Nam Nhà điêu khắc Trần Văn Bình phát biểu.",
	        &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "Hội Nhà báo Việt Nam"));
	assert_true(has_surface(&l, ENT_ORG, "Hội Nông dân huyện Gia Lâm"));
	assert_true(has_surface(&l, ENT_ORG, "Hội Điêu khắc Việt Nam"));
	mention_list_free(&l);
}

/* The home country is part of an agency's name, a ministry's is the body
 * named bare. */
static void test_org_home_country(void **state)
{
	(void)state;
	mention_list l;
	extract("vi",
	        "Ông Hải làm việc ở Viện Nghiên cứu Hải sản Việt Nam, còn vợ ông ở Bộ Ngoại "
	        "giao Việt Nam.",
	        &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "Viện Nghiên cứu Hải sản Việt Nam"));
	assert_true(has_surface(&l, ENT_ORG, "Bộ Ngoại giao"));
	assert_true(has_surface(&l, ENT_LOC, "Việt Nam"));
	mention_list_free(&l);
}

/* A known foreign place after a word's lower-case syllables ends the
 * name inside it. */
static void test_org_lower_then_place(void **state)
{
	(void)state;
	mention_list l;
	extract("vi", "Theo Cục Bảo vệ môi trường Mỹ, khí thải đã giảm.", &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "Cục Bảo vệ môi trường Mỹ"));
	mention_list_free(&l);
}

/* Verbs and adverbs that follow a body ("lại", "đưa tin") end its name
 * at the clause's end too. */
static void test_org_verb_after(void **state)
{
	(void)state;
	mention_list l;
	extract("vi", "Sáng nay Ban Thi đua lại họp. Đài Phát thanh đưa tin.", &l);
	show(&l);
	assert_true(has_surface(&l, ENT_ORG, "Ban Thi đua"));
	assert_true(has_surface(&l, ENT_ORG, "Đài Phát thanh"));
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
	    cmocka_unit_test(test_abbrev_alone),         cmocka_unit_test(test_abbrev_org_head),
	    cmocka_unit_test(test_age_group_team),       cmocka_unit_test(test_org_suffix_abbrev),
	    cmocka_unit_test(test_org_lower_tail),       cmocka_unit_test(test_nested_place),
	    cmocka_unit_test(test_ministry_country),     cmocka_unit_test(test_abbrev_common_more),
	    cmocka_unit_test(test_org_descr_to_name),    cmocka_unit_test(test_org_unit_place),
	    cmocka_unit_test(test_org_lower_head),       cmocka_unit_test(test_org_acronym_verb),
	    cmocka_unit_test(test_acronym_guess),        cmocka_unit_test(test_org_joined_tail),
	    cmocka_unit_test(test_org_plain_tail),       cmocka_unit_test(test_org_hoi_head),
	    cmocka_unit_test(test_org_members_title),    cmocka_unit_test(test_org_home_country),
	    cmocka_unit_test(test_org_lower_then_place), cmocka_unit_test(test_org_verb_after),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
