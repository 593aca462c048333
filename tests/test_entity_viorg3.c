/* test_entity_viorg3.c: Vietnamese organization names that generalise
 * (issue 11): shapes that make a word a firm's, verbs that end a name,
 * heads that stay outside a foreign name, clubs named after their
 * province; one test per error class, on sentences written for these
 * tests. */
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

/* An acronym that goes on in lower case ("XYBank", "QTTex") and capitals
 * joined by a glued "&" ("K&T") are a firm's shapes: no person, even
 * after a title or before "cho biết"; an acronym's plural, a unit and
 * the common nouns so written (M&A, R&D) are none, and a stage name of
 * two capitals ("MLee") stays a person's. */
static void test_org_brand_shape(void **state)
{
	(void)state;
	mention_list l;
	extract("Bà Lê Thị Hoa, Tổng giám đốc XYBank cho biết lãi suất sẽ giảm. QTTex đã có lãi "
	        "trong quý ba. Hôm qua, K&T cho biết sẽ hạ bậc tín nhiệm của hai ngân hàng. "
	        "Các thương vụ M&A và chi phí R&D đều tăng, sóng 5 GHz phủ khắp. Ca sĩ MLee "
	        "hát cùng nhóm.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "XYBank"));
	assert_true(has_surface(&l, ENT_ORG, "QTTex"));
	assert_true(has_surface(&l, ENT_ORG, "K&T"));
	assert_false(has_name(&l, "M&A"));
	assert_false(has_name(&l, "R&D"));
	assert_false(has_name(&l, "GHz"));
	assert_false(has_surface(&l, ENT_ORG, "MLee"));
	mention_list_free(&l);
}

/* A verb after a body's name is no word of it: "Tòa án Tối cao | gửi",
 * "Học viện Ngoại giao | đánh giá" (a name's lower-case syllables stop
 * at a verb of news, as at a function word). */
static void test_org_verb_after(void **state)
{
	(void)state;
	mention_list l;
	extract("Tòa án Tối cao gửi công văn cho các tòa. Ông Trần Văn Bình, Phó giám đốc Học "
	        "viện Ngoại giao đánh giá cuộc thi là bổ ích. Bộ Tư lệnh Thủ đô nhân dịp này "
	        "tặng quà. Tổng cục Du lịch thực hiện khảo sát. Ban quản lý dự án Giao thông "
	        "nhằm giảm ùn tắc ở Thủ đô đã họp.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Tòa án Tối cao"));
	assert_true(has_surface(&l, ENT_ORG, "Học viện Ngoại giao"));
	assert_true(has_surface(&l, ENT_ORG, "Bộ Tư lệnh Thủ đô"));
	assert_true(has_surface(&l, ENT_ORG, "Tổng cục Du lịch"));
	assert_true(has_surface(&l, ENT_ORG, "Ban quản lý dự án Giao thông"));
	mention_list_free(&l);
}

/* In sport news a V.League club is named by its province alone: "Hải
 * Phòng" beside a score, a match or another club is the club; after a
 * place's word, a way there ("bay ra") or its people ("người dân") it
 * stays the place, and so it does outside sport news. */
static void test_org_province_club(void **state)
{
	(void)state;
	mention_list l;
	extract("Ở vòng 19 V.League, Quảng Nam đánh bại Hải Phòng 2-1 trên sân nhà. HLV "
	        "Trần Văn Hòa cho biết các cầu thủ đã thi đấu tốt, ghi hai bàn thắng trong "
	        "hiệp một. Đội bóng sẽ bay ra Hà Nội vào tuần sau.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Quảng Nam"));
	assert_true(has_surface(&l, ENT_ORG, "Hải Phòng"));
	assert_false(has_surface(&l, ENT_LOC, "Hải Phòng"));
	assert_true(has_surface(&l, ENT_LOC, "Hà Nội"));
	mention_list_free(&l);

	/* a list of places in sport news names the cities */
	extract("Trận đấu có 20.000 khán giả. Cổ động viên ở Thành phố Hồ Chí Minh và Đà Nẵng "
	        "xem trận đấu qua màn hình lớn, HLV đội bóng cho biết các cầu thủ đã ghi bàn.",
	        &l);
	assert_true(has_surface(&l, ENT_LOC, "Đà Nẵng"));
	mention_list_free(&l);

	extract("Mưa lớn kéo dài ở Quảng Nam và Hải Phòng làm nhiều nhà bị ngập.", &l);
	assert_true(has_surface(&l, ENT_LOC, "Quảng Nam"));
	assert_true(has_surface(&l, ENT_LOC, "Hải Phòng"));
	mention_list_free(&l);
}

/* A religion is the body of its faithful, an organization, written
 * bare ("Phật giáo") or after "đạo" ("đạo Hồi" is Hồi giáo); a person
 * named like one stays a person. */
static void test_org_religion(void **state)
{
	(void)state;
	mention_list l;
	extract("Ở làng này, người theo đạo Hồi và người theo Phật giáo sống cạnh nhau. Nhiều "
	        "gia đình theo Công giáo. Ông Thiên Chúa đã đến dự.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "đạo Hồi"));
	assert_true(has_surface(&l, ENT_ORG, "Phật giáo"));
	assert_true(has_surface(&l, ENT_ORG, "Công giáo"));
	assert_true(has_surface(&l, ENT_PER, "Thiên Chúa"));
	mention_list_free(&l);
}

/* A broadcaster's, a magazine's or a news agency's noun is no part of
 * the foreign name or the acronym after it ("Đài | BBC", "Tạp chí |
 * Forbes", "Hãng tin | Reuters"), but is of a Vietnamese name ("Đài
 * Tiếng nói Việt Nam"). */
static void test_org_media_head(void **state)
{
	(void)state;
	mention_list l;
	extract("Đài NHK dẫn lời một quan chức địa phương. Theo Tạp chí Fortune, công ty đã lãi "
	        "lớn. Hãng tin Kyodo cho hay trận động đất không gây sóng thần. Đài Tiếng nói "
	        "Việt Nam cũng đưa tin.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "NHK"));
	assert_true(has_surface(&l, ENT_ORG, "Fortune"));
	assert_true(has_surface(&l, ENT_ORG, "Kyodo"));
	assert_true(has_surface(&l, ENT_ORG, "Đài Tiếng nói Việt Nam"));
	assert_false(has_name(&l, "Đài NHK"));
	mention_list_free(&l);
}

/* The United Nations and its organs as news write them, with the
 * syllables after "Liên" in lower case ("Liên hợp quốc") or the short
 * form after an organ's name ("Đại hội đồng LHQ"): the known bodies,
 * whole. */
static void test_org_un_spelling(void **state)
{
	(void)state;
	mention_list l;
	extract("Hội đồng Bảo an Liên hợp quốc đã họp khẩn. Liên hợp quốc kêu gọi các bên kiềm "
	        "chế. Đại hội đồng LHQ khai mạc hôm qua.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Hội đồng Bảo an Liên hợp quốc"));
	assert_true(has_surface(&l, ENT_ORG, "Liên hợp quốc"));
	assert_true(has_surface(&l, ENT_ORG, "Đại hội đồng LHQ"));
	mention_list_free(&l);
}

/* The country's mass organizations as news name them, "Tổng" before a
 * federation's head included ("Tổng LĐLĐ Việt Nam", "Tổng Liên đoàn
 * Lao động Lào"): no person "Tổng", and the party's Central Committee
 * written with "chấp hành" in lower case is the committee, whole. */
static void test_org_mass_bodies(void **state)
{
	(void)state;
	mention_list l;
	extract("Hôm qua, Tổng LĐLĐ Việt Nam đã gửi thư chúc mừng Tổng Liên đoàn Lao động Lào. "
	        "Nghị quyết của Ban chấp hành Trung ương Đảng khóa XII đã được ban hành.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Tổng LĐLĐ Việt Nam"));
	assert_true(has_surface(&l, ENT_ORG, "Tổng Liên đoàn Lao động Lào"));
	assert_true(has_surface(&l, ENT_ORG, "Ban chấp hành Trung ương Đảng"));
	assert_false(has_surface(&l, ENT_PER, "Tổng"));
	mention_list_free(&l);
}

/* A party committee's standing organ (Ban Thường vụ, Ban Thường trực)
 * before the committee is one name with it ("Ban Thường vụ Tỉnh ủy Nghệ
 * An");
 * another body named by its role before an organization stays out of
 * it ("Ban Giám đốc | Công an tỉnh Yên Bái"). */
static void test_org_party_organ(void **state)
{
	(void)state;
	mention_list l;
	extract("Ủy ban Kiểm tra đã kết luận về vi phạm của Ban Thường vụ Tỉnh ủy Nghệ An. Ông "
	        "báo cáo Ban thường trực Đảng ủy xã Nghi Phong. Ban Giám đốc Công an "
	        "tỉnh Yên Bái đã họp.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Ban Thường vụ Tỉnh ủy Nghệ An"));
	assert_true(has_surface(&l, ENT_ORG, "Ban thường trực Đảng ủy xã Nghi Phong"));
	assert_true(has_surface(&l, ENT_ORG, "Công an tỉnh Yên Bái"));
	assert_false(has_name(&l, "Ban Giám đốc Công an tỉnh Yên Bái"));
	mention_list_free(&l);
}

/* In Vietnamese news a social network or a messaging app is the
 * platform people post on, a product, no organization ("đăng lên
 * Facebook", "kênh YouTube"); in English news the same name is the
 * company that speaks ("Facebook said"). */
static void test_org_platform(void **state)
{
	(void)state;
	mention_list l;
	extract("Chị đăng ảnh lên Facebook và Instagram rồi chia sẻ qua Zalo. Kênh YouTube của "
	        "anh có hàng triệu lượt xem.",
	        &l);
	assert_false(has_name(&l, "Facebook"));
	assert_false(has_name(&l, "Instagram"));
	assert_false(has_name(&l, "Zalo"));
	assert_false(has_name(&l, "YouTube"));
	mention_list_free(&l);

	extract_body_with(ex, "en",
	                  "Facebook said on Monday that it had removed the posts, and YouTube "
	                  "said it would review the videos.",
	                  &l);
	assert_true(has_surface(&l, ENT_ORG, "Facebook"));
	assert_true(has_surface(&l, ENT_ORG, "YouTube"));
	mention_list_free(&l);
}

/* A paper named after its reporter on a byline ("Reporter - Paper |
 * time", or among the last lines) is an organization whole, its
 * lower-case syllables and the country in it included. */
static void test_org_byline_paper(void **state)
{
	(void)state;
	mention_list l;
	extract("Minh Khôi - Bóng đá Việt Nam | 08:15 12/03/2019\n"
	        "Đội tuyển đã có buổi tập đầu tiên trên sân nhà. Các cầu thủ đều khỏe.\n"
	        "Hoài Nam - Báo Lao động",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Bóng đá Việt Nam"));
	assert_true(has_surface(&l, ENT_ORG, "Báo Lao động"));
	mention_list_free(&l);

	/* two reporters, the second after the dash */
	extract("Đội tuyển đã có buổi tập đầu tiên.\nMinh Anh - Bá Khải", &l);
	assert_true(has_surface(&l, ENT_PER, "Bá Khải"));
	assert_false(has_surface(&l, ENT_ORG, "Bá Khải"));
	mention_list_free(&l);
}

/* Bodies named by a place right after their head: a fleet by its sea
 * ("Hạm đội Biển Bắc"), a royal house and its police by their country,
 * a sports delegation by its country, and the police of a city's
 * numbered district ("Công an quận 5"). */
static void test_org_head_place(void **state)
{
	(void)state;
	mention_list l;
	extract("Hạm đội Biển Bắc của Nga vừa tập trận. Công an quận 5 đã bắt giữ nghi phạm. "
	        "Cảnh sát Hoàng gia Campuchia cho biết. Hoàng gia Anh chúc mừng. Đoàn thể thao "
	        "Việt Nam đã lên đường.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Hạm đội Biển Bắc"));
	assert_true(has_surface(&l, ENT_ORG, "Công an quận 5"));
	assert_true(has_surface(&l, ENT_ORG, "Cảnh sát Hoàng gia Campuchia"));
	assert_true(has_surface(&l, ENT_ORG, "Hoàng gia Anh"));
	assert_true(has_surface(&l, ENT_ORG, "Đoàn thể thao Việt Nam"));
	mention_list_free(&l);
}

/* A unit named by its head and its domain ("Vụ Hợp tác quốc tế", "Đội
 * CSGT số 3", "Trạm Y tế xã Tân Lập") and a bank's branch office ("Phòng
 * giao dịch Láng Hạ") are organizations, no person "Vụ Hợp"; the same
 * heads before a name of capitals are other nouns ("Vụ Lê Văn Luyện" is
 * a case). */
static void test_org_unit_head(void **state)
{
	(void)state;
	mention_list l;
	extract("Ông Nguyễn Văn Hải, Vụ trưởng Vụ Hợp tác quốc tế cho biết. Đội CSGT số 3 "
	        "làm nhiệm vụ. Bệnh nhân được đưa tới Trạm Y tế xã Tân Lập. Khách hàng gửi tiền "
	        "tại Phòng giao dịch Láng Hạ của ngân hàng. Vụ Lê Văn Luyện gây chấn động.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Vụ Hợp tác quốc tế"));
	assert_true(has_surface(&l, ENT_ORG, "Đội CSGT số 3"));
	assert_true(has_surface(&l, ENT_ORG, "Trạm Y tế xã Tân Lập"));
	assert_true(has_surface(&l, ENT_ORG, "Phòng giao dịch Láng Hạ"));
	assert_false(has_surface(&l, ENT_ORG, "Vụ Lê Văn Luyện"));
	assert_false(has_surface(&l, ENT_PER, "Vụ Hợp"));
	mention_list_free(&l);
}

/* "Trường" before one or two capitalized syllables is a given name
 * ("danh hài Trường Giang"), no school; a school's name goes on with a
 * person's full name or a word of a domain ("Trường Nguyễn Du",
 * "Trường Chính trị tỉnh Hà Tĩnh"). */
static void test_org_school_given_name(void **state)
{
	(void)state;
	mention_list l;
	extract("Danh hài Trường Giang cho biết anh sẽ nghỉ ngơi. Trường Giang và vợ đã về "
	        "quê. Trường Nguyễn Du khai giảng năm học mới. Trường Chính trị tỉnh Hà Tĩnh "
	        "mở lớp.",
	        &l);
	assert_true(has_surface(&l, ENT_PER, "Trường Giang"));
	assert_false(has_surface(&l, ENT_ORG, "Trường Giang"));
	assert_true(has_surface(&l, ENT_ORG, "Trường Nguyễn Du"));
	assert_true(has_surface(&l, ENT_ORG, "Trường Chính trị tỉnh Hà Tĩnh"));
	mention_list_free(&l);

	/* a school named by a foreign name */
	extract("Ông tốt nghiệp Trường Luật Harvard năm 1990.", &l);
	assert_true(has_surface(&l, ENT_ORG, "Trường Luật Harvard"));
	mention_list_free(&l);
}

/* The prosecution and the court named alone in a trial's report ("Viện
 * KSND đề nghị", "đại diện Viện Kiểm sát") are the body in general, no
 * entity, as "UBND" alone; with their place they are one ("Viện kiểm
 * sát nhân dân huyện Đông Anh", "Tòa án nhân dân tỉnh Hòa Bình"). A
 * picture credited to the person's own Facebook (FBNV) names no body. */
static void test_org_court_generic(void **state)
{
	(void)state;
	mention_list l;
	extract("Viện KSND đề nghị mức án 20 năm tù. Đại diện Viện Kiểm sát cho rằng bị cáo có "
	        "tội. Vụ án do Viện kiểm sát nhân dân huyện Đông Anh truy tố, Tòa án nhân dân "
	        "tỉnh Hòa Bình xét xử.\nẢnh: FBNV",
	        &l);
	assert_false(has_name(&l, "Viện KSND"));
	assert_false(has_name(&l, "Viện Kiểm sát"));
	assert_false(has_name(&l, "FBNV"));
	assert_true(has_surface(&l, ENT_ORG, "Viện kiểm sát nhân dân huyện Đông Anh"));
	assert_true(has_surface(&l, ENT_ORG, "Tòa án nhân dân tỉnh Hòa Bình"));
	mention_list_free(&l);
}

/* A product's model letter or number is part of the product, no
 * acronym of its own ("iPhone X", "iPhone 8 Plus"). */
static void test_org_product_model(void **state)
{
	(void)state;
	mention_list l;
	extract("Xét cho cùng, Galaxy Note 8 đáng mua hơn iPhone X của Apple. Người dùng iPhone X "
	        "phải chờ, còn iPhone 8 Plus rẻ hơn.",
	        &l);
	assert_false(has_name(&l, "X"));
	assert_false(has_name(&l, "Plus"));
	assert_true(has_surface(&l, ENT_ORG, "Apple"));
	mention_list_free(&l);
}

/* Heads of several words inside or before a name are words of it, not a
 * title ("Văn phòng Bộ Tư lệnh Thủ đô", "Bộ Tổng tham mưu Quân
 * đội Nga", "Cục Hậu cần"); a committee's long list of domains ends
 * with "và" ("Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi
 * đồng"); the Central Inspection Committee by its short forms, and its
 * acronym alone is no entity, as "UBND". */
static void test_org_inner_heads(void **state)
{
	(void)state;
	mention_list l;
	extract("Văn phòng Bộ Tư lệnh Thủ đô cho biết. Bộ Tổng tham mưu Quân đội Nga "
	        "tuyên bố. Cục Hậu cần Quân khu 4 nhận hàng. Ủy ban Văn hóa, Giáo dục, Thanh "
	        "niên, Thiếu niên và Nhi đồng tổ chức hội thảo. UBKT Trung ương kết luận, UBKT "
	        "đã họp.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Văn phòng Bộ Tư lệnh Thủ đô"));
	assert_true(has_surface(&l, ENT_ORG, "Bộ Tổng tham mưu Quân đội Nga"));
	assert_true(has_name(&l, "Cục Hậu cần Quân khu 4"));
	assert_true(has_surface(&l, ENT_ORG,
	                        "Ủy ban Văn hóa, Giáo dục, Thanh niên, Thiếu niên và Nhi đồng"));
	assert_true(has_surface(&l, ENT_ORG, "UBKT Trung ương"));
	assert_false(has_surface(&l, ENT_ORG, "UBKT"));
	mention_list_free(&l);

	/* a ministry's name with its second domain in lower case */
	extract("Bộ Nông nghiệp và phát triển nông thôn vừa ban hành quyết định.", &l);
	assert_true(has_surface(&l, ENT_ORG, "Bộ Nông nghiệp và phát triển nông thôn"));
	mention_list_free(&l);

	/* a head inside a name, then a verb; a list of bodies, each its own */
	extract("Văn phòng Bộ Công an đính chính thông tin. Sinh viên Đại học Thăng Long, Học "
	        "viện Ngân hàng và Đại học Mở tham gia cuộc thi.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Văn phòng Bộ Công an"));
	assert_true(has_surface(&l, ENT_ORG, "Đại học Thăng Long"));
	assert_true(has_surface(&l, ENT_ORG, "Học viện Ngân hàng"));
	assert_true(has_surface(&l, ENT_ORG, "Đại học Mở"));
	mention_list_free(&l);
}

/* A dash after a company's acronym leads to its parent group, another
 * organization ("Công ty CP DAP | – Vinachem"); a place after it stays
 * in the name ("Hội đồng NATO - Nga"). */
static void test_org_dash_parent(void **state)
{
	(void)state;
	mention_list l;
	extract("Từ tháng 8, Công ty CP DAP – Hóa chất Miền Nam đã có lãi. Hội đồng NATO - Nga "
	        "họp tại Brussels.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Công ty CP DAP"));
	assert_false(has_name(&l, "Công ty CP DAP – Hóa chất Miền Nam"));
	assert_true(has_surface(&l, ENT_ORG, "Hội đồng NATO - Nga"));
	mention_list_free(&l);
}

/* The Red Cross as news write it: the country's society alone ("Hội
 * Chữ thập đỏ đã trao quà": no person "Hội Chữ"), a province's with its
 * place, the international committee and federation in lower case. */
static void test_org_red_cross(void **state)
{
	(void)state;
	mention_list l;
	extract("Hội Chữ thập đỏ tỉnh Quảng Bình trao quà cho người dân. Hội Chữ thập đỏ đã kêu "
	        "gọi quyên góp. Ủy ban Chữ thập đỏ quốc tế cho biết. Hiệp hội Chữ thập đỏ - "
	        "Trăng lưỡi liềm đỏ quốc tế hỗ trợ.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Hội Chữ thập đỏ tỉnh Quảng Bình"));
	assert_true(has_surface(&l, ENT_ORG, "Hội Chữ thập đỏ"));
	assert_false(has_name(&l, "Hội Chữ"));
	assert_true(has_surface(&l, ENT_ORG, "Ủy ban Chữ thập đỏ quốc tế"));
	assert_true(has_surface(&l, ENT_ORG, "Hiệp hội Chữ thập đỏ - Trăng lưỡi liềm đỏ quốc tế"));
	mention_list_free(&l);
}

/* A plant or a company described by six or seven lower-case syllables
 * before its own name keeps them ("Nhà máy sản xuất nhiên liệu sinh học
 * Dung Quất"). */
static void test_org_long_description(void **state)
{
	(void)state;
	mention_list l;
	extract("Nhà máy sản xuất nhiên liệu sinh học Dung Quất vẫn chưa vận hành lại được.", &l);
	assert_true(has_surface(&l, ENT_ORG, "Nhà máy sản xuất nhiên liệu sinh học Dung Quất"));
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
	    cmocka_unit_test(test_org_brand_shape),
	    cmocka_unit_test(test_org_verb_after),
	    cmocka_unit_test(test_org_province_club),
	    cmocka_unit_test(test_org_religion),
	    cmocka_unit_test(test_org_media_head),
	    cmocka_unit_test(test_org_un_spelling),
	    cmocka_unit_test(test_org_mass_bodies),
	    cmocka_unit_test(test_org_party_organ),
	    cmocka_unit_test(test_org_platform),
	    cmocka_unit_test(test_org_byline_paper),
	    cmocka_unit_test(test_org_head_place),
	    cmocka_unit_test(test_org_unit_head),
	    cmocka_unit_test(test_org_school_given_name),
	    cmocka_unit_test(test_org_court_generic),
	    cmocka_unit_test(test_org_product_model),
	    cmocka_unit_test(test_org_inner_heads),
	    cmocka_unit_test(test_org_dash_parent),
	    cmocka_unit_test(test_org_red_cross),
	    cmocka_unit_test(test_org_long_description),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
