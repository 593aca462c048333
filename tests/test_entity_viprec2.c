/* test_entity_viprec2.c: precision of Vietnamese highlights on real
 * news, the classes of the newest hand audits (see doc/entities.md):
 * people named with their relatives, companies and their shops, shops
 * named after their street, quoted titles, "Bà" in places' names, an
 * organization before a person, wrong aliases. One test per error
 * class; sentences written for these tests. */
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

/* A relative's word next to a name ("vợ Suarez", "bạn gái của Rivaldo",
 * "Sofia - vợ Suarez") makes it a person's, a foreign one-word place of
 * the gazetteer too (Sofia), and the article's other mentions of it
 * follow, lists included ("Carla và Sofia"); a country stays a place. */
static void test_kin_person(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Khi Rivaldo dạo phố. Hôm qua, bạn gái của Rivaldo và Sofia - vợ Gonzalo khai "
	           "trương cửa hàng. Hai người đẹp là Carla và Sofia. Carla - người yêu Rivaldo mặc "
	           "váy đỏ. Cả hai từng sống ở Argentina.",
	           &l);
	expect_mention(&l, "Rivaldo", ENT_PER, "Rivaldo");
	expect_mention(&l, "Sofia", ENT_PER, "Sofia");
	expect_mention(&l, "Carla", ENT_PER, "Carla");
	expect_not_type(&l, "Sofia", ENT_LOC);
	expect_not_type(&l, "Rivaldo", ENT_LOC);
	expect_not_type(&l, "Carla", ENT_LOC);
	expect_mention(&l, "Argentina", ENT_LOC, "Argentina");
	mention_list_free(&l);
	/* the capital stays a place where no relative names it */
	extract_vi("Đoàn đại biểu đã tới Sofia và làm việc với chính quyền Sofia.", &l);
	expect_mention(&l, "Sofia", ENT_LOC, "Sofia");
	mention_list_free(&l);
}

/* Companies taken for people or places: an acronym after a form of
 * address is a common noun's abbreviation ("3 em HSG", học sinh giỏi),
 * no person whose name a stock's ticker would take; a newspaper in a
 * photo credit ("Ảnh: Dân Việt") and a foreign agency's acronym
 * ("chuẩn USDA của Mỹ") are organizations, and so are a gold shop after
 * its noun ("cửa hàng vàng Mi Hồng", "cửa hàng của Mi Hồng và Phú
 * Quý") and a firm of architects ("Kraal Architecten"). */
static void test_company_type(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Toàn trường có 5 em HSG cấp tỉnh năm nay.", &l);
	expect_not_type(&l, "HSG", ENT_PER);
	mention_list_free(&l);
	extract_vi("Xe bị kéo đi trong đêm. Ảnh: Dân Việt Sau đó ông Lê Văn Tám báo công an.", &l);
	expect_mention(&l, "Dân Việt", ENT_ORG, "Dân Việt");
	mention_list_free(&l);
	extract_vi("Gạo hữu cơ đạt chuẩn USDA của Mỹ và chuẩn của EU.", &l);
	expect_mention(&l, "USDA", ENT_ORG, "USDA");
	mention_list_free(&l);
	/* a shop's or a brand's noun before the name, a foreign firm's
	 * word for architects after it */
	extract_vi("Khách mua vàng tại cửa hàng vàng Mi Hồng. Người dân xếp hàng tại Mi Hồng "
	           "từ sáng. Nhà do Veld Architecten thiết kế.",
	           &l);
	expect_mention(&l, "Mi Hồng", ENT_ORG, "Mi Hồng");
	expect_mention(&l, "Veld Architecten", ENT_ORG, "Veld Architecten");
	mention_list_free(&l);
	/* "của" between the shop's word and the business; a district whose
	 * name is a given name too (Phú Quý) is a place only after its
	 * unit's word, and the business listed after another here */
	extract_vi("Khách xếp hàng tại cửa hàng của Mi Hồng và Phú Quý. Tàu ra huyện Phú Quý mỗi "
	           "ngày.",
	           &l);
	expect_mention(&l, "Mi Hồng", ENT_ORG, "Mi Hồng");
	expect_mention(&l, "Phú Quý", ENT_ORG, "Phú Quý");
	expect_mention(&l, "huyện Phú Quý", ENT_LOC, "Phú Quí");
	mention_list_free(&l);
}

/* A chain's shop named after its street, the brand written with a dot
 * inside ("Co.opmart Lê Văn Sỹ"): the street is a place, no person. */
static void test_branch_street(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Khách đông tại siêu thị Co.opmart Trần Hưng Đạo. Các siêu thị gồm Co.opmart Lê "
	           "Văn Sỹ, Co.opmart Phan Kiệm ở quận 3.",
	           &l);
	expect_not_type(&l, "Trần Hưng Đạo", ENT_PER);
	expect_not_type(&l, "Lê Văn Sỹ", ENT_PER);
	expect_not_type(&l, "Phan Kiệm", ENT_PER);
	mention_list_free(&l);
	/* a person after a title stays one */
	extract_vi("Giám đốc Co.opmart Nguyễn Văn Hậu cho biết hàng đã về.", &l);
	expect_mention(&l, "Nguyễn Văn Hậu", ENT_PER, "Nguyễn Văn Hậu");
	mention_list_free(&l);
}

/* Titles and product lines taken for people: foreign words alone between
 * quotes are a title ("mang tên "Night Call"", a song "Dont Be Late");
 * "nói riêng" and "nói chung" (in particular, in general) after a name
 * are no one speaking ("sản phẩm Co.op Green nói riêng"). */
static void test_titles_products(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Nhóm mở 2 sự kiện mang tên \"Night Call\" và “Lyric Time” cho fan. Ca khúc "
	           "\"Please Dont Be Late\" đứng đầu.",
	           &l);
	expect_no_mention(&l, "Night Call");
	expect_no_mention(&l, "Lyric Time");
	expect_no_mention(&l, "Please Dont Be Late");
	mention_list_free(&l);
	extract_vi("Rau hữu cơ nói chung và sản phẩm Co.op Green nói riêng đều đắt. Co.op Green có mặt ở "
	           "nhiều siêu thị.",
	           &l);
	expect_no_mention(&l, "Green");
	
	mention_list_free(&l);
	/* a Vietnamese name in quotes keeps its reading */
	extract_vi("Ông Trần Văn Hải, biệt danh \"Hải Lúa\", bị bắt.", &l);
	expect_mention(&l, "Trần Văn Hải", ENT_PER, "Trần Văn Hải");
	mention_list_free(&l);
}

/* "Bà" and "Ông" capitalized inside a sentence are a place's first word
 * ("chùa Bà Đanh", "ngã tư Bà Triệu và Phố Huế"), no form of address:
 * no person "Đanh", no "Triệu" to link to a Nguyễn Minh Triệu; "đoàn"
 * (a delegation) before a country is no family name ("các đại biểu Đoàn
 * Việt Nam"). A full name after "Bà" stays a person's. */
static void test_elder_place(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Ông Nguyễn Minh Triệu nói chợ vắng như chùa Bà Đanh. Xe kẹt từ ngã tư Bà Triệu "
	           "và Phố Huế.",
	           &l);
	expect_no_mention(&l, "Đanh");
	expect_no_mention(&l, "Triệu");
	expect_not_type(&l, "Bà Đanh", ENT_PER);
	expect_not_type(&l, "Bà Triệu", ENT_PER);
	mention_list_free(&l);
	/* some write the temple's "bà" in lower case */
	extract_vi("Phố vắng như chùa bà Đanh suốt buổi sáng.", &l);
	expect_no_mention(&l, "Đanh");
	mention_list_free(&l);
	extract_vi("Ông chụp ảnh với các đại biểu Đoàn Việt Nam tại hội nghị. Khách gặp Bà Lê Thị "
	           "Hồng.",
	           &l);
	expect_no_mention(&l, "Đoàn Việt Nam");
	expect_mention(&l, "Việt Nam", ENT_LOC, "Việt Nam");
	expect_mention(&l, "Lê Thị Hồng", ENT_PER, "Lê Thị Hồng");
	mention_list_free(&l);
}

/* Where an organization ends and a person begins: after a title, a
 * company's foreign brand goes on to the Vietnamese name it is followed
 * by ("Chủ tịch Tập đoàn TH True Milk | Thái Hương"); an English rank is
 * a title ("Commodore Joel Garcia"); a foreign surname keeps its hyphen
 * ("HLV Villas-Boas"); a club's foreign city right after its head goes
 * on to the rest of its name ("CLB Shanghai SIPG"), and before an
 * acronym is one name with it ("Shanghai SIPG"). */
static void test_org_person_boundary(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Chủ tịch Tập đoàn TH True Milk Lê Thu Hà phát biểu tại hội nghị.", &l);
	expect_mention(&l, "Tập đoàn TH True Milk", ENT_ORG, "Tập đoàn TH True Milk");
	expect_mention(&l, "Lê Thu Hà", ENT_PER, "Lê Thu Hà");
	mention_list_free(&l);
	extract_vi("Người chỉ huy lực lượng, Commodore Joel Garcia, cho rằng tàu đã rời cảng. HLV "
	           "Villas-Boas không bình luận.",
	           &l);
	expect_mention(&l, "Joel Garcia", ENT_PER, "Joel Garcia");
	expect_no_mention(&l, "Commodore Joel Garcia");
	expect_mention(&l, "Villas-Boas", ENT_PER, "Villas-Boas");
	expect_no_mention(&l, "Villas");
	mention_list_free(&l);
	/* a foreign city right after the head, then more of the name */
	extract_vi("Anh gia nhập CLB Shanghai SIPG năm ngoái. Trước khi tới Shanghai SIPG, anh đá ở "
	           "Pháp.",
	           &l);
	expect_mention(&l, "CLB Shanghai SIPG", ENT_ORG, "CLB Shanghai SIPG");
	expect_mention(&l, "Shanghai SIPG", ENT_ORG, "CLB Shanghai SIPG");
	expect_no_mention(&l, "SIPG");
	mention_list_free(&l);
	/* a comma after a clause is no list: the club lends no type */
	extract_vi("Trước khi tới Shanghai SIPG, Carvalho đã chơi 3 năm cho CLB Monaco.", &l);
	expect_not_type(&l, "Carvalho", ENT_ORG);
	mention_list_free(&l);
	/* short parts are a code's or a word's shape */
	extract_vi("Quán có Wi-Fi miễn phí và phòng Lab-S mới.", &l);
	expect_no_mention(&l, "Wi-Fi");
	expect_no_mention(&l, "Lab-S");
	mention_list_free(&l);
	/* places joined by a hyphen stay two */
	extract_vi("Tuyến Hà Nội-Hải Phòng mở lại.", &l);
	expect_mention(&l, "Hà Nội", ENT_LOC, "Hà Nội");
	expect_mention(&l, "Hải Phòng", ENT_LOC, "Hải Phòng");
	mention_list_free(&l);
}

/* Known names caught inside other names: a club's common-word alias
 * starting a firm's name ("hãng Real Capital Analytics" is no Real
 * Madrid), a sea's English name inside a company's ("Công ty Dona
 * Pacific" is no Pacific Ocean), a country after "trẻ em" (children:
 * "em" is no form of address there, "trẻ em Úc" no person Úc). */
static void test_alias_inside(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Theo hãng phân tích Real Capital Analytics, giá nhà tăng. Công ty Dona Pacific "
	           "ký hợp đồng. Hơn 400 trẻ em Úc được giúp đỡ.",
	           &l);
	expect_no_mention(&l, "Real");
	expect_no_mention(&l, "Pacific");
	expect_mention(&l, "Úc", ENT_LOC, "Úc");
	expect_not_type(&l, "Úc", ENT_PER);
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
	    cmocka_unit_test(test_kin_person),
	    cmocka_unit_test(test_company_type),
	    cmocka_unit_test(test_branch_street),
	    cmocka_unit_test(test_titles_products),
	    cmocka_unit_test(test_elder_place),
	    cmocka_unit_test(test_org_person_boundary),
	    cmocka_unit_test(test_alias_inside),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
