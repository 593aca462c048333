/* test_entity_viname.c: Vietnamese persons and places as real news
 * writes them (see doc/entities.md, "Vietnamese places and person
 * names"): one test per error class found by reading real articles.
 * Sentences written for these tests. */
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

/* One Vietnamese syllable opening a sentence ("Nội dung", "Nam giới")
 * is no short name of a place or a body the article names ("UBND TP Hà
 * Nội", "U20 Việt Nam"); a person's given name still is the person's. */
static void test_syllable_not_partial(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("UBND TP Hà Nội vừa họp. Nội dung cuộc họp được công bố. U20 Việt Nam thắng. "
	           "Nam giới chiếm đa số. Ông Nguyễn Văn Bình nói Bình sẽ đi.",
	           &l);
	expect_no_mention(&l, "Nội");
	expect_no_mention(&l, "Nam");
	expect_mention(&l, "Bình", ENT_PER, "Nguyễn Văn Bình");
	mention_list_free(&l);
}

/* Words of time opening a sentence ("Phút 89", "Chiều 17.5") are no
 * names, and a code of law ("Bộ luật Lao động") is no ministry; a man
 * named Chiều after "ông" is still a person. */
static void test_time_words_and_codes(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Phút 89, Lê Văn Bình ghi bàn. Chiều 17.5, Công an TP Hà Nội cho biết. Bộ luật Lao "
	           "động sửa đổi. Ông Chiều nói.",
	           &l);
	expect_no_mention(&l, "Phút");
	expect_no_mention(&l, "Bộ luật Lao");
	expect_no_mention(&l, "Bộ luật Lao động");
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].surface, "Chiều") == 0 && l.v[i].start < 60)
			fail_msg("\"Chiều 17.5\" is a mention");
	expect_mention(&l, "Lê Văn Bình", ENT_PER, "Lê Văn Bình");
	mention_list_free(&l);
}

/* A street named after a person, after a junction's or a flyover's
 * word ("nút giao Lê Văn Sỹ", "cầu vượt Hoàng Hoa Thám", "vòng xoay
 * Phạm Văn Đồng"), is a place, no person. */
static void test_junction_streets(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Tại nút giao Lê Văn Sỹ, xe đông. Ùn ứ dưới chân cầu vượt Hoàng Hoa Thám. Vòng "
	           "xoay Phạm Văn Đồng cũng kẹt.",
	           &l);
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].type == ENT_PER)
			fail_msg("\"%s\" is a person", l.v[i].surface);
	mention_list_free(&l);
}

/* Compass directions are no places: after a word of direction ("hướng
 * Nam", "phương vị Tây Nam"), opening a sentence with it ("Hướng
 * Đông-Nam") or beside another ("Đông, Tây, Nam, Bắc"); "miền Nam" and
 * "Đông Nam Á" stay places. */
static void test_compass_directions(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Bốn phương (Đông, Tây, Nam, Bắc) đều tốt. Cửa quay về hướng Nam, còn phương vị "
	           "Tây Nam xấu. Hướng Đông-Nam là hướng tốt. Ông Lê Văn Bình ở miền Nam rồi "
	           "sang Đông Nam Á.",
	           &l);
	expect_no_mention(&l, "Đông");
	expect_no_mention(&l, "Nam");
	expect_no_mention(&l, "Tây Nam");
	expect_mention(&l, "miền Nam", ENT_LOC, "miền Nam");
	expect_mention(&l, "Đông Nam Á", ENT_LOC, "Đông Nam Á");
	mention_list_free(&l);
}

/* A known company's brand with a model's name after it ("Asus ZenFone
 * Go", "Samsung Galaxy S8") is a product, no entity; the company alone
 * ("Asus cho biết"), its branch ("Honda Việt Nam") and the person after
 * an organization ("Tổng Thư ký NATO Jens Stoltenberg") stay. */
static void test_brand_product(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Mẫu điện thoại Asus ZenFone Go sẽ ra mắt. Asus cho biết giá chưa chốt. Ông Lê Văn "
	           "Bình mua Samsung Galaxy S8 tại Honda Việt Nam. Tổng Thư ký NATO Jens Stoltenberg "
	           "đến Hà Nội.",
	           &l);
	expect_no_mention(&l, "ZenFone Go");
	expect_no_mention(&l, "Galaxy S8");
	expect_no_mention(&l, "Samsung");
	expect_mention(&l, "Asus", ENT_ORG, "Asus");
	expect_mention(&l, "Jens Stoltenberg", ENT_PER, "Jens Stoltenberg");
	expect_mention(&l, "Lê Văn Bình", ENT_PER, "Lê Văn Bình");
	mention_list_free(&l);
}

/* The Kitchen Gods of Tết ("các Táo quân", "các Táo") are no person,
 * while "Nguyễn Văn Táo" is one; a border post ("Đồn Biên phòng Trà
 * Cổ") is an organization, no place "Đồn Biên". */
static void test_deity_and_border_post(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Năm nay các Táo quân bay về trời. Các Táo cứ yên tâm. Đồn Biên phòng Trà Cổ bắt "
	           "hàng lậu. Ông Nguyễn Văn Táo cho biết.",
	           &l);
	expect_no_mention(&l, "Táo");
	expect_no_mention(&l, "Đồn Biên");
	expect_mention(&l, "Đồn Biên phòng Trà Cổ", ENT_ORG, "Đồn Biên phòng Trà Cổ");
	expect_mention(&l, "Nguyễn Văn Táo", ENT_PER, "Nguyễn Văn Táo");
	mention_list_free(&l);
}

/* A title after a Vietnamese work's or product's noun ("mã độc
 * WannaCry", "tên lửa Tomahawk") is no entity, nor the same name
 * written alone later; the people around it stay people. */
static void test_work_after_noun(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Mã độc WannaCry đã tấn công 150 nước. Ông Lê Văn Bình cho biết WannaCry lây qua "
	           "email. Tên lửa Tomahawk được phóng, đại tá Lê Văn Kiệt cho hay.",
	           &l);
	expect_no_mention(&l, "WannaCry");
	expect_no_mention(&l, "Tomahawk");
	expect_mention(&l, "Lê Văn Bình", ENT_PER, "Lê Văn Bình");
	expect_mention(&l, "Lê Văn Kiệt", ENT_PER, "Lê Văn Kiệt");
	mention_list_free(&l);
}

/* A paper cited by its name ("Theo Lao Động", "PV Lao Động") is an
 * organization, no person; "trụ sở CSGT" (the headquarters) holds no
 * office named "sở CSGT". */
static void test_paper_and_headquarters(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Theo Lao Động, ông Lê Văn Bình đã về quê. Hai trụ sở CSGT bị ném đá. "
	           "Ông Bình đến sở GTVT Hà Nội.",
	           &l);
	expect_mention(&l, "Lao Động", ENT_ORG, "Lao Động");
	expect_no_mention(&l, "sở CSGT");
	expect_mention(&l, "sở GTVT Hà Nội", ENT_ORG, "sở GTVT Hà Nội");
	mention_list_free(&l);
}

/* A common word whose first syllable is a country's or a city's name
 * ("Anh hùng", "Pháp luật", "Mỹ phẩm", "Viên chức") is no mention of the
 * place; written as a name ("Nguyễn Anh Hùng") it stays a person's. */
static void test_common_word_not_place(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Ông Lê Văn Bình được phong danh hiệu Anh hùng Lao động. Pháp luật cấm việc này. "
	           "Mỹ phẩm giả bị thu giữ. Viên chức nghỉ Tết. Ông Nguyễn Anh Hùng đến Pháp.",
	           &l);
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].type == ENT_LOC && strcmp(l.v[i].surface, "Pháp") == 0 && l.v[i].start < 100)
			fail_msg("\"Pháp\" of \"Pháp luật\" is a place");
	expect_no_mention(&l, "Anh");
	expect_no_mention(&l, "Mỹ");
	expect_no_mention(&l, "Viên");
	expect_mention(&l, "Nguyễn Anh Hùng", ENT_PER, "Nguyễn Anh Hùng");
	mention_list_free(&l);
}

/* A place the gazetteer knows with its unit word, nested in an
 * organization's name ("Thành ủy | Thành phố Hồ Chí Minh |"), is that
 * place, though the article names the person Hồ Chí Minh too: one
 * spelling, two referents of two types. */
static void test_nested_city_not_person(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Học tập tấm gương Chủ tịch Hồ Chí Minh. Bí thư Thành ủy Thành phố Hồ Chí Minh "
	           "Nguyễn Văn Nên phát biểu.",
	           &l);
	expect_mention(&l, "Hồ Chí Minh", ENT_PER, "Hồ Chí Minh");
	expect_mention(&l, "Thành phố Hồ Chí Minh", ENT_LOC, "TP.HCM");
	mention_list_free(&l);
}

/* "VN-Index" opening a line is an index's name, no dateline: the hyphen
 * glued on both sides is no dateline's dash (but "HÀ NỘI - " is one). */
static void test_index_no_dateline(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("VN-Index tăng nhẹ trong phiên chiều.\nHÀ NỘI - Trời mưa to.", &l);
	expect_no_mention(&l, "VN");
	expect_mention(&l, "HÀ NỘI", ENT_LOC, "Hà Nội");
	mention_list_free(&l);
}

/* A given name that is also a country ("Đức" is Germany), written alone
 * in an article that names a man "... Đức" in full, is that man; with a
 * cue before it, or in a list of places, it stays the country. */
static void test_given_name_not_country(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Công an bắt Trần Quang Đức (40 tuổi). Chị Lan cho biết Đức đã gửi ảnh. "
	           "Sợ lời đe dọa của Đức, chị Lan trình báo. Tháng 3, Đức lại đến. "
	           "Đức bị bắt ngay tại nhà.",
	           &l);
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].surface, "Đức") == 0 &&
		    (l.v[i].type != ENT_PER || strcmp(l.v[i].canonical, "Trần Quang Đức") != 0))
			fail_msg("\"Đức\" at %zu is %s \"%s\"", l.v[i].start,
			         entity_type_name(l.v[i].type), l.v[i].canonical);
	mention_list_free(&l);
	extract_vi("Bà Trần Thị Nga đến dự. Liên doanh Việt - Nga vẫn làm ăn tốt. Nga, Pháp vui. "
	           "Mỹ, Nga và Pháp họp.",
	           &l);
	expect_mention(&l, "Nga", ENT_LOC, "Nga");
	mention_list_free(&l);
	extract_vi("Ông Lê Văn Đức sang Đức du học.", &l);
	expect_mention(&l, "Đức", ENT_LOC, "Đức");
	mention_list_free(&l);
}

/* A photo credit glued to the next sentence, where the caption lost its
 * full stop, ends before the sentence's first word: a syllable that names
 * no one before a lower-case word, or a head or stop word. */
static void test_credit_glued(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Học sinh xếp hàng. Ảnh: Phạm Văn Khải Bộ GDĐT nên công khai việc này. "
	           "Ảnh: Ngọc Hà Theo nhà trường, các em đã về. Cây nở hoa. Ảnh: Minh Tâm.",
	           &l);
	expect_mention(&l, "Phạm Văn Khải", ENT_PER, "Phạm Văn Khải");
	expect_mention(&l, "Bộ GDĐT", ENT_ORG, "Bộ GDĐT");
	expect_mention(&l, "Ngọc Hà", ENT_PER, "Ngọc Hà");
	expect_mention(&l, "Minh Tâm", ENT_PER, "Minh Tâm");
	expect_no_mention(&l, "Phạm Văn Khải Bộ");
	mention_list_free(&l);
}

/* A national age-group team's country is a place nested in the team's
 * name, in sport news too; a club's city is not. */
static void test_age_group_country(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Trận đấu: U19 Việt Nam thắng U19 Thái Lan 2-1. Tiền đạo ghi bàn, thủ môn cản phá, "
	           "HLV vui với bàn thắng. Real Madrid cũng thắng trận ở vòng đấu này.",
	           &l);
	expect_mention(&l, "U19 Việt Nam", ENT_ORG, "U19 Việt Nam");
	expect_mention(&l, "Việt Nam", ENT_LOC, "Việt Nam");
	expect_mention(&l, "Thái Lan", ENT_LOC, "Thái Lan");
	expect_no_mention(&l, "Madrid");
	mention_list_free(&l);
}

/* Names that are no people though no cue says what they are: a
 * festival or holiday ("lễ hội X", "Tết X") is no entity, a school or a
 * business after its kind ("mầm non X", "homestay X") is an
 * organization. */
static void test_unknown_not_person(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Du khách dự lễ hội Xuống Đồng và Tết Độc Lập ở Mộc Châu. "
	           "Phụ huynh trường mầm non Hoa Cúc Vàng lo lắng. Homestay Mây Núi kín phòng.",
	           &l);
	expect_no_mention(&l, "Xuống Đồng");
	expect_no_mention(&l, "Độc Lập");
	/* the school's kind written before its name is part of it (viorg) */
	expect_mention(&l, "trường mầm non Hoa Cúc Vàng", ENT_ORG, "trường mầm non Hoa Cúc Vàng");
	expect_mention(&l, "Mây Núi", ENT_ORG, "Mây Núi");
	expect_mention(&l, "Mộc Châu", ENT_LOC, "Mộc Châu");
	mention_list_free(&l);
}

/* A company's stock code is an organization: an acronym that "cho biết"
 * (says) is a body, not a person, and one after "ở" or after a place and
 * a comma no place. */
static void test_stock_codes(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Sức mua tăng mạnh ở KDP trong phiên chiều. PQX cho biết doanh thu giảm. "
	           "Cổ phiếu TMV đứng giá. Tên lửa bay tới Mỹ, DQA cho rằng vậy.",
	           &l);
	expect_mention(&l, "DQA", ENT_ORG, "DQA");
	expect_mention(&l, "KDP", ENT_ORG, "KDP");
	expect_mention(&l, "PQX", ENT_ORG, "PQX");
	expect_mention(&l, "TMV", ENT_ORG, "TMV");
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].surface, "Mỹ") != 0 &&
		    (l.v[i].evidence[ENT_PER] || l.v[i].evidence[ENT_LOC]))
			fail_msg("\"%s\" has evidence of a person or place", l.v[i].surface);
	mention_list_free(&l);
}

/* A brand's word with a capital inside ("SeaBank") is no person, after a
 * title (the employer), before "cho biết", or after a sentence's first
 * word; people's names with a particle ("McDonald", "LeBron") still are. */
static void test_brand_words(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Vụ LotusBank gây thiệt hại lớn. Ông Peter Hanssen, Giám đốc điều hành PaintCorp "
	           "chia sẻ: tốt. LotusBank cho biết sẽ bồi thường. Ông LeBron Smith đến. "
	           "Ông Lê Văn Tám, nguyên Chủ tịch HĐQT Riverbank, bị bắt.",
	           &l);
	expect_mention(&l, "Riverbank", ENT_ORG, "Riverbank");
	expect_mention(&l, "LotusBank", ENT_ORG, "LotusBank");
	expect_mention(&l, "PaintCorp", ENT_ORG, "PaintCorp");
	expect_mention(&l, "Peter Hanssen", ENT_PER, "Peter Hanssen");
	expect_mention(&l, "LeBron Smith", ENT_PER, "LeBron Smith");
	expect_no_mention(&l, "Vụ LotusBank");
	mention_list_free(&l);
}

/* In Vietnamese news dotted initials are a person's (a reporter's, or a
 * name kept back), no organization's acronym; "HH" (hoa hậu) is a title. */
static void test_initials_and_titles(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Đám cưới của HH Thu Hằng rất lớn. Anh T.V.K. cho biết đã trình báo. "
	           "Hắn bị bắt sau đó. B.T.(theo Tuổi Trẻ)",
	           &l);
	expect_mention(&l, "Thu Hằng", ENT_PER, "Thu Hằng");
	expect_no_mention(&l, "HH");
	expect_mention(&l, "T.V.K.", ENT_PER, "T.V.K.");
	expect_mention(&l, "B.T.", ENT_PER, "B.T.");
	mention_list_free(&l);
}

/* A model's code ("KN-08", "F-16") is no organization, and a name after
 * a house's number ("số nhà 25 Trần Hưng Đạo") is the street's. */
static void test_codes_and_addresses(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Tên lửa KX-09 bay xa. Anh đón khách ở số nhà 25 Trần Hưng Đạo rồi đi. "
	           "Cửa hàng ở số 12/3 Lê Văn Sỹ. Trụ sở tại 7 Lý Tự Trọng.",
	           &l);
	expect_mention(&l, "Lý Tự Trọng", ENT_LOC, "Lý Tự Trọng");
	expect_no_mention(&l, "KX");
	expect_mention(&l, "Trần Hưng Đạo", ENT_LOC, "Trần Hưng Đạo");
	expect_mention(&l, "Lê Văn Sỹ", ENT_LOC, "Lê Văn Sỹ");
	mention_list_free(&l);
}

/* "người Pháp" (the French, a Frenchman) is a nationality, no mention of
 * France, as independent annotations write it; "người Hà Nội" keeps the
 * city, "sang Pháp" the country. */
static void test_nationality(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Tiền vệ người Pháp ghi bàn rồi sang Ý. Người Hà Nội thích phở.", &l);
	expect_no_mention(&l, "Pháp");
	expect_mention(&l, "Ý", ENT_LOC, "Ý");
	expect_mention(&l, "Hà Nội", ENT_LOC, "Hà Nội");
	mention_list_free(&l);
}

/* A person named by an initial after a form of address ("chị T.") keeps
 * the initial's dot, as a full name's last initial does. */
static void test_initial_after_address(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Sau đó, chị K. chủ động cắt quan hệ. Anh P. cho biết đã trình báo.", &l);
	expect_mention(&l, "K.", ENT_PER, "K");
	expect_mention(&l, "P.", ENT_PER, "P");
	mention_list_free(&l);
}

/* A ship is no entity: "tàu sân bay X" (an aircraft carrier) names no
 * airport, and "USS" before a ship's name is no organization. An
 * acronym spelled like a syllable after a title is the employer. */
static void test_ships(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Mỹ điều tàu sân bay USS Harold Brown và tàu ngầm USS Nevada tới. "
	           "Theo giám đốc DAM, ông Peter Hanssen, tình hình căng thẳng.",
	           &l);
	expect_no_mention(&l, "USS");
	expect_no_mention(&l, "Harold Brown");
	expect_mention(&l, "Mỹ", ENT_LOC, "Hoa Kỳ");
	expect_mention(&l, "DAM", ENT_ORG, "DAM");
	mention_list_free(&l);
}

/* A road named by two directions keeps both ("đại lộ Đông - Tây"); a
 * source credited at the end ("Tổng hợp từ X") is an organization, not
 * a place the preposition "từ" would make of it. */
static void test_roads_and_sources(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Xe chạy trên đại lộ Đông - Tây rồi rẽ. Minh Tâm (Tổng hợp từ Kickoff)", &l);
	expect_mention(&l, "đại lộ Đông - Tây", ENT_LOC, "đại lộ Đông - Tây");
	expect_mention(&l, "Kickoff", ENT_ORG, "Kickoff");
	mention_list_free(&l);
}

/* A full name with a middle name is a person of its own after words
 * that start with no family name ("Trận Đồi Hồ | Lê Văn Tám": Hồ is one,
 * but "Trận" starts no name). */
static void test_name_after_words(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Trận Đồi Hồ Lê Văn Tám hy sinh anh dũng.", &l);
	expect_mention(&l, "Lê Văn Tám", ENT_PER, "Lê Văn Tám");
	mention_list_free(&l);
}

/* A peninsula, gulf or strait named after a country is a place of its
 * own ("bán đảo Triều Tiên" is not North Korea); other heads before a
 * known name leave the name alone. */
static void test_features_named_after_countries(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Căng thẳng trên bán đảo Triều Tiên. Tàu vào vịnh Thái Lan. Triều Tiên thử tên lửa.",
	           &l);
	expect_mention(&l, "bán đảo Triều Tiên", ENT_LOC, "bán đảo Triều Tiên");
	expect_mention(&l, "vịnh Thái Lan", ENT_LOC, "vịnh Thái Lan");
	expect_mention(&l, "Triều Tiên", ENT_LOC, "Triều Tiên");
	mention_list_free(&l);
}

/* A facility named after a city is a place of its own, head and all
 * ("sân bay Đà Lạt" is no mention of the city), and so is a citadel
 * ("Hoàng thành Cổ Loa"), not a person. */
static void test_facilities(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Máy bay hạ cánh ở sân bay Đà Lạt. Khách xuống ga Huế. "
	           "Du khách thăm Hoàng thành Cổ Lũy rồi về Đà Lạt.",
	           &l);
	expect_mention(&l, "sân bay Đà Lạt", ENT_LOC, "sân bay Đà Lạt");
	expect_mention(&l, "ga Huế", ENT_LOC, "ga Huế");
	expect_mention(&l, "Hoàng thành Cổ Lũy", ENT_LOC, "Hoàng thành Cổ Lũy");
	expect_mention(&l, "Đà Lạt", ENT_LOC, "Đà Lạt");
	mention_list_free(&l);
}

/* A name ends before a head of several words whose next word is in lower
 * case ("Nguyễn Huy Tĩnh | Văn phòng UBND"), and "Thưa ngài" is a form
 * of address, no part of the name. */
static void test_name_before_head(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Bài của ThS. Trần Huy Tĩnh Văn phòng UBND tỉnh Quảng Ninh. "
	           "Thưa Ngài Peter Hanssen, tôi mong Ngài vui.",
	           &l);
	expect_mention(&l, "Trần Huy Tĩnh", ENT_PER, "Trần Huy Tĩnh");
	expect_mention(&l, "Văn phòng UBND tỉnh Quảng Ninh", ENT_ORG, "Văn phòng UBND tỉnh Quảng Ninh");
	expect_mention(&l, "Peter Hanssen", ENT_PER, "Peter Hanssen");
	mention_list_free(&l);
}

/* One word of a pair at an organization's end ("Trung - Việt") is no
 * short name of the organization elsewhere. */
static void test_pair_not_partial(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Ông gặp Hội Hữu nghị Xô - Việt. Quan hệ Việt - Xô ngày càng tốt.", &l);
	expect_mention(&l, "Hội Hữu nghị Xô - Việt", ENT_ORG, "Hội Hữu nghị Xô - Việt");
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].surface, "Việt") == 0 && l.v[i].type == ENT_ORG)
			fail_msg("\"Việt\" is the organization");
	mention_list_free(&l);
}

/* A foreign name before a country's name is a company's branch there
 * ("Brightfood Việt Nam"), no person; a Vietnamese given name ending in
 * a country's ("ca sĩ Bảo Anh") stays a person. */
static void test_branch_names(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Kết quả kinh doanh của Brightfood Việt Nam khá tốt. Ca sĩ Bảo Anh hát.", &l);
	expect_mention(&l, "Brightfood Việt Nam", ENT_ORG, "Brightfood Việt Nam");
	expect_mention(&l, "Bảo Anh", ENT_PER, "Bảo Anh");
	mention_list_free(&l);
}

/* A foreign name in Vietnamese text keeps an initial inside it
 * ("Margaret T. Holloway"), as in English text. */
static void test_foreign_initial(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Theo nhà sinh vật học Margaret T. Holloway, đó là do cấu trúc của hoa.", &l);
	expect_mention(&l, "Margaret T. Holloway", ENT_PER, "Margaret T. Holloway");
	mention_list_free(&l);
}

/* The person a school is named after is a person nested in the school's
 * name, as the place a body ends with is ("Trường tiểu học | Đinh Tiên
 * Hoàng |"), and no short name of the school. */
static void test_school_person(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Học sinh Trường tiểu học Đinh Tiên Hoàng được nghỉ học.", &l);
	expect_mention(&l, "Trường tiểu học Đinh Tiên Hoàng", ENT_ORG, "Trường tiểu học Đinh Tiên Hoàng");
	expect_mention(&l, "Đinh Tiên Hoàng", ENT_PER, "Đinh Tiên Hoàng");
	mention_list_free(&l);
}

/* Roads listed after a road are roads, though named after people
 * ("đường Lý Nam Đế, Lê Văn Hưu và Trần Quang Khải"); a person after a
 * road and a comma, followed by what he does, stays a person. */
static void test_road_lists(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Ùn tắc trên các tuyến đường Lý Nam Đế, Lê Văn Hưu và Trần Quang Khải. "
	           "Trên đường Láng, Phạm Văn Tùng điều khiển xe máy.",
	           &l);
	expect_mention(&l, "Lê Văn Hưu", ENT_LOC, "Lê Văn Hưu");
	expect_mention(&l, "Trần Quang Khải", ENT_LOC, "Trần Quang Khải");
	expect_mention(&l, "Phạm Văn Tùng", ENT_PER, "Phạm Văn Tùng");
	mention_list_free(&l);
}

/* A foreign word with a hyphen's lower-case tail at a sentence start
 * ("Blue-chip phục hồi") proves no more than one capitalized word; a
 * transliteration's syllables ("Pu-tin nói") still name someone. */
static void test_hyphen_common_word(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Thị trường chiều nay: Mid-cap phục hồi mạnh. Tổng thống Pu-tin đến. Pu-tin nói.", &l);
	expect_no_mention(&l, "Mid-cap");
	expect_mention(&l, "Pu-tin", ENT_PER, "Pu-tin");
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
	    cmocka_unit_test(test_index_no_dateline),
	    cmocka_unit_test(test_given_name_not_country),
	    cmocka_unit_test(test_nested_city_not_person),
	    cmocka_unit_test(test_common_word_not_place),
	    cmocka_unit_test(test_paper_and_headquarters),
	    cmocka_unit_test(test_work_after_noun),
	    cmocka_unit_test(test_deity_and_border_post),
	    cmocka_unit_test(test_brand_product),
	    cmocka_unit_test(test_compass_directions),
	    cmocka_unit_test(test_junction_streets),
	    cmocka_unit_test(test_time_words_and_codes),
	    cmocka_unit_test(test_syllable_not_partial),
	    cmocka_unit_test(test_credit_glued),
	    cmocka_unit_test(test_age_group_country),
	    cmocka_unit_test(test_unknown_not_person),
	    cmocka_unit_test(test_stock_codes),
	    cmocka_unit_test(test_brand_words),
	    cmocka_unit_test(test_initials_and_titles),
	    cmocka_unit_test(test_codes_and_addresses),
	    cmocka_unit_test(test_nationality),
	    cmocka_unit_test(test_initial_after_address),
	    cmocka_unit_test(test_ships),
	    cmocka_unit_test(test_roads_and_sources),
	    cmocka_unit_test(test_name_after_words),
	    cmocka_unit_test(test_features_named_after_countries),
	    cmocka_unit_test(test_facilities),
	    cmocka_unit_test(test_name_before_head),
	    cmocka_unit_test(test_pair_not_partial),
	    cmocka_unit_test(test_branch_names),
	    cmocka_unit_test(test_foreign_initial),
	    cmocka_unit_test(test_school_person),
	    cmocka_unit_test(test_road_lists),
	    cmocka_unit_test(test_hyphen_common_word),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
