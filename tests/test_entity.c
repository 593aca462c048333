/* test_entity.c: entity extraction and linking rules (see
 * doc/entities.md) on hand-made articles (the real corpus is test_corpus.c's). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "entity.h"
#include "testutil.h"
#include "util.h"

static entity_extractor *ex;

/* Builds a Vietnamese (or English) article from its parts. */
static article make(const char *lang, const char *title, const char *lede, const char *caption,
                    const char *credit, const char *body)
{
	article a;
	memset(&a, 0, sizeof a);
	a.title = xstrdup(title ? title : "");
	a.lede = lede ? xstrdup(lede) : NULL;
	a.caption = caption ? xstrdup(caption) : NULL;
	a.credit = credit ? xstrdup(credit) : NULL;
	a.body = xstrdup(body ? body : "");
	memcpy(a.lang, lang, 3);
	return a;
}

/* Frees what make built. */
static void unmake(article *a)
{
	free(a->title);
	free(a->lede);
	free(a->caption);
	free(a->credit);
	free(a->body);
}

/* Extracts from a body-only article in language lang. */
static void extract_body(const char *lang, const char *body, mention_list *out)
{
	extract_body_with(ex, lang, body, out);
}

/* Extracts from a body-only Vietnamese article. */
static void extract_vi(const char *body, mention_list *out)
{
	extract_body("vi", body, out);
}

static void test_key(void **state)
{
	(void)state;
	const char *same[][2] = {{"Zelenskyy", "Zelensky"}, {"ZELENSKY", "zelensky"},
	                         {"Châu Âu", "châu Âu"},    {"Đà Nẵng", "ĐÀ NẴNG"},
	                         {"Hoà Bình", "Hòa Bình"},  {"  Joe   Biden ", "joe biden"}};
	for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
		char *a = entity_key(same[i][0]), *b = entity_key(same[i][1]);
		assert_string_equal(a, b);
		free(a);
		free(b);
	}
	/* Vietnamese marks are kept (doc/entities.md, "Vietnamese marks") */
	char *a = entity_key("Đà Nẵng"), *b = entity_key("Da Nang");
	assert_string_not_equal(a, b);
	free(a);
	free(b);
	a = entity_key("Joe Biden"), b = entity_key("Hunter Biden");
	assert_string_not_equal(a, b);
	free(a);
	free(b);
	assert_string_equal(entity_type_name(ENT_ORG), "ORG");
	assert_int_equal(entity_type_parse("LOC"), ENT_LOC);
	assert_int_equal(entity_type_parse("MISC"), -1);
}

static void test_titles_and_linking(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Tổng thống Nga Vladimir Putin gặp Ngoại trưởng Hoa Kỳ Antony Blinken. "
	           "Ông Putin nói rằng ông Blinken đã đến Moscow.",
	           &l);
	assert_true(has_entity(&l, ENT_PER, "Vladimir Putin"));
	assert_true(has_entity(&l, ENT_PER, "Antony Blinken"));
	assert_true(has_entity(&l, ENT_LOC, "Nga"));
	assert_true(has_entity(&l, ENT_LOC, "Moscow"));
	/* titles are cues, not names */
	assert_false(has_name(&l, "Tổng thống"));
	assert_false(has_name(&l, "Ngoại trưởng"));
	/* partial names link to the full name, with their own offsets */
	const mention *m = find_surface(&l, "Putin");
	assert_non_null(m);
	assert_string_equal(m->canonical, "Vladimir Putin");
	assert_int_equal(m->type, ENT_PER);
	const char *body = "Tổng thống Nga Vladimir Putin gặp Ngoại trưởng Hoa Kỳ Antony Blinken. "
	                   "Ông Putin";
	assert_int_equal(m->end, strlen(body));
	assert_int_equal(m->start, strlen(body) - strlen("Putin"));
	/* gazetteer aliases share one canonical name */
	m = find_surface(&l, "Hoa Kỳ");
	assert_non_null(m);
	mention_list_free(&l);

	extract_vi("Mỹ và Nga đàm phán tại Geneva.", &l);
	m = find_surface(&l, "Mỹ");
	assert_non_null(m);
	assert_int_equal(m->type, ENT_LOC);
	assert_string_equal(m->canonical, "Hoa Kỳ");
	mention_list_free(&l);
}

static void test_organizations(void **state)
{
	(void)state;
	mention_list l;
	extract_vi(
	    "Người phát ngôn Hội đồng An ninh Quốc gia Emily Horne cho biết Bộ Ngoại giao Nga "
	    "sẽ dẫn đầu, còn Tổ chức An ninh và Hợp tác châu Âu và Tổ chức Hiệp ước Bắc Đại "
	    "Tây Dương theo dõi. NATO và Nhà Trắng im lặng; Tòa Bạch Ốc không bình luận, "
	    "do điện Kremlin yêu cầu.",
	    &l);
	assert_true(has_entity(&l, ENT_ORG, "Hội đồng An ninh Quốc gia"));
	assert_true(has_entity(&l, ENT_PER, "Emily Horne"));
	/* a country after a ministry is the ministry's, and a place nested in it */
	assert_true(has_entity(&l, ENT_ORG, "Bộ Ngoại giao Nga"));
	assert_true(has_entity(&l, ENT_LOC, "Nga"));
	assert_true(has_entity(&l, ENT_ORG, "OSCE"));
	/* the Vietnamese name and the acronym are one entity */
	const mention *m = find_surface(&l, "Tổ chức Hiệp ước Bắc Đại Tây Dương");
	assert_non_null(m);
	assert_string_equal(m->canonical, "NATO");
	m = find_surface(&l, "Tòa Bạch Ốc");
	assert_non_null(m);
	assert_string_equal(m->canonical, find_surface(&l, "Nhà Trắng")->canonical);
	m = find_surface(&l, "điện Kremlin");
	assert_non_null(m);
	assert_int_equal(m->type, ENT_ORG);
	assert_false(has_name(&l, "Người"));
	mention_list_free(&l);

	/* the ORG name stops at a verb: "Bộ Tứ gồm" is "Bộ Tứ" */
	extract_vi("Lãnh đạo nhóm Bộ Tứ gồm bốn nước đã họp.", &l);
	assert_true(has_entity(&l, ENT_ORG, "Bộ Tứ"));
	mention_list_free(&l);
}

static void test_no_junk(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Theo các nhà phân tích, cuộc gặp diễn ra hôm Thứ Năm, 30 tháng 12 năm 2021. "
	           "Trong khi đó, Hai bên chưa đạt thỏa thuận. Nhưng ông cho biết sẽ tiếp tục. "
	           "Quý III tăng 12%. Các Đồng minh lo ngại về COVID-19 và GDP.",
	           &l);
	for (size_t i = 0; i < l.n; i++)
		fail_msg("unexpected entity %s %s", entity_type_name(l.v[i].type), l.v[i].surface);
	mention_list_free(&l);
}

/* Short forms in brackets link to their full names; initials make the
 * name when no rule found it; a treaty's acronym is no entity. */
static void test_brackets(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Báo cáo của Kiểm toán Nhà nước (KTNN) nêu nhiều sai phạm. Theo KTNN, "
	           "số tiền phải thu hồi rất lớn. Tổ chức Nông Lương Liên Hợp Quốc (FAO) "
	           "cũng lên tiếng. Hội đồng An ninh Quốc gia (NSC) họp khẩn. Công ty Cổ "
	           "phần Sữa Việt Nam (Vinamilk) báo lãi, và Vinamilk chia cổ tức. Mỹ đã "
	           "rút khỏi Hiệp định Đối tác xuyên Thái Bình Dương (TPP) năm 2017.",
	           &l);
	assert_true(has_entity(&l, ENT_ORG, "Kiểm toán Nhà nước"));
	assert_false(has_entity(&l, ENT_ORG, "KTNN"));
	const mention *m = find_surface(&l, "KTNN");
	assert_non_null(m);
	assert_string_equal(m->canonical, "Kiểm toán Nhà nước");
	assert_true(has_entity(&l, ENT_ORG, "Tổ chức Nông Lương Liên Hợp Quốc"));
	assert_false(has_entity(&l, ENT_ORG, "FAO"));
	/* the gazetteer's name wins: NSC */
	m = find_surface(&l, "Hội đồng An ninh Quốc gia");
	assert_non_null(m);
	assert_string_equal(m->canonical, "NSC");
	assert_true(has_entity(&l, ENT_ORG, "Công ty Cổ phần Sữa Việt Nam"));
	m = find_surface(&l, "Vinamilk");
	assert_non_null(m);
	assert_string_equal(m->canonical, "Công ty Cổ phần Sữa Việt Nam");
	assert_false(has_name(&l, "TPP"));
	assert_false(has_name(&l, "Thái Bình Dương"));
	mention_list_free(&l);

	/* a place in brackets is no short form */
	extract_vi("Đoàn công tác đến Hà Nội (Việt Nam) hôm thứ Ba.", &l);
	assert_true(has_entity(&l, ENT_LOC, "Hà Nội"));
	assert_true(has_entity(&l, ENT_LOC, "Việt Nam"));
	mention_list_free(&l);
}

/* Provinces, administrative units inside organization names, titles
 * before organizations and persons. */
static void test_admin_units(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Chủ tịch Ủy ban nhân dân tỉnh Kon Tum Nguyễn Văn Bình đi kiểm tra. Ông "
	           "Bình gặp lãnh đạo Sở Y tế tỉnh Lai Châu và Ban Chỉ huy Phòng chống thiên "
	           "tai tỉnh Yên Bái. Ủy ban nhân dân huyện Sa Thầy đã báo cáo. Bộ trưởng Bộ "
	           "Kế hoạch và Đầu tư Trần Quốc Khánh phát biểu. Chủ tịch huyện Đào Văn "
	           "Lâm cũng có mặt. Bệnh viện Thống Nhất và Bệnh viện Gia Định nhận bệnh nhân.",
	           &l);
	assert_true(has_entity(&l, ENT_ORG, "Ủy ban nhân dân tỉnh Kon Tum"));
	assert_true(has_entity(&l, ENT_PER, "Nguyễn Văn Bình"));
	const mention *m = find_surface(&l, "Bình");
	assert_non_null(m);
	assert_string_equal(m->canonical, "Nguyễn Văn Bình");
	assert_true(has_entity(&l, ENT_ORG, "Sở Y tế tỉnh Lai Châu"));
	assert_true(has_entity(&l, ENT_ORG, "Ban Chỉ huy Phòng chống thiên tai tỉnh Yên Bái"));
	assert_true(has_entity(&l, ENT_ORG, "Ủy ban nhân dân huyện Sa Thầy"));
	assert_true(has_entity(&l, ENT_ORG, "Bộ Kế hoạch và Đầu tư"));
	assert_true(has_entity(&l, ENT_PER, "Trần Quốc Khánh"));
	assert_true(has_entity(&l, ENT_PER, "Đào Văn Lâm"));
	assert_false(has_entity(&l, ENT_LOC, "Đào Văn Lâm"));
	assert_true(has_entity(&l, ENT_ORG, "Bệnh viện Thống Nhất"));
	assert_true(has_entity(&l, ENT_ORG, "Bệnh viện Gia Định"));
	mention_list_free(&l);

	/* a province alone, with and without its cue */
	extract_vi("Mưa lớn ở Quảng Ngãi và tỉnh Hà Giang khiến nhiều tuyến đường bị chia cắt.",
	           &l);
	assert_true(has_entity(&l, ENT_LOC, "Quảng Ngãi"));
	assert_true(has_entity(&l, ENT_LOC, "Hà Giang"));
	mention_list_free(&l);
}

/* Names that end or share organization names; surnames with a per-pre
 * cue; Korean names; another country's parliament. */
static void test_name_edges(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Công ty TNHH Xây dựng Hồng Hà tăng ca. Tập đoàn LG của Hàn Quốc mở nhà "
	           "máy. Chủ tịch Tập đoàn LG Kim Dong-hyun nói ông Kim rất lạc quan. Chính "
	           "quyền Obama từng ủng hộ dự án. Chủ tịch Quốc hội Na Uy Masud Gharahkhani "
	           "đến thăm. Liên minh Kinh tế Á - Âu họp tại Moscow.",
	           &l);
	assert_true(has_entity(&l, ENT_ORG, "Công ty TNHH Xây dựng Hồng Hà"));
	assert_true(has_entity(&l, ENT_ORG, "Tập đoàn LG"));
	assert_true(has_entity(&l, ENT_LOC, "Hàn Quốc"));
	assert_true(has_entity(&l, ENT_PER, "Kim Dong-hyun"));
	const mention *m = find_surface(&l, "Kim");
	assert_non_null(m);
	assert_string_equal(m->canonical, "Kim Dong-hyun");
	assert_true(has_entity(&l, ENT_PER, "Obama"));
	assert_true(has_entity(&l, ENT_ORG, "Quốc hội Na Uy"));
	assert_false(has_entity(&l, ENT_ORG, "Quốc hội Việt Nam"));
	assert_true(has_entity(&l, ENT_PER, "Masud Gharahkhani"));
	assert_true(has_entity(&l, ENT_ORG, "Liên minh Kinh tế Á - Âu"));
	mention_list_free(&l);

	/* English: a place that starts an organization's name, possessives */
	extract_body("en",
	             "The Hanoi People's Committee met officials of the Japan International "
	             "Cooperation Agency and the NATO-Russia Council. Russia's envoy "
	             "criticised the Trump administration.",
	             &l);
	assert_true(has_entity(&l, ENT_ORG, "Hanoi People's Committee"));
	assert_true(has_entity(&l, ENT_ORG, "Japan International Cooperation Agency"));
	assert_false(has_entity(&l, ENT_LOC, "Nhật Bản"));
	assert_true(has_entity(&l, ENT_ORG, "NATO-Russia Council"));
	assert_true(has_entity(&l, ENT_LOC, "Nga"));
	assert_true(has_entity(&l, ENT_PER, "Trump"));
	mention_list_free(&l);

	/* English company names end in a business word, not a person's name */
	extract_body("en",
	             "Pilbara Minerals rose 5 percent on Monday. Qantas Airways fell after "
	             "Mitsui Holdings sold its stake. Analyst Jane Morton said demand held.",
	             &l);
	assert_true(has_entity(&l, ENT_ORG, "Pilbara Minerals"));
	assert_true(has_entity(&l, ENT_ORG, "Mitsui Holdings"));
	assert_true(has_entity(&l, ENT_ORG, "Qantas Airways"));
	assert_false(has_entity(&l, ENT_PER, "Pilbara Minerals"));
	assert_true(has_entity(&l, ENT_PER, "Jane Morton"));
	mention_list_free(&l);

	/* the first word of a sentence joins a name through "of" only when
	 * it is an organization's or a place's own word */
	extract_body("en",
	             "Shares of Acme Inc rose. Bank of America said profits held. Bosnia and "
	             "Herzegovina voted.",
	             &l);
	assert_true(has_entity(&l, ENT_ORG, "Acme Inc"));
	assert_false(has_name(&l, "Shares of Acme Inc"));
	assert_true(has_entity(&l, ENT_ORG, "Bank of America"));
	assert_true(has_name(&l, "Bosnia and Herzegovina"));
	mention_list_free(&l);
}

static void test_dateline_credit_english(void **state)
{
	(void)state;
	article a =
	    make("vi", "Hai nhà lãnh đạo điện đàm", NULL, "Tổng thống Joe Biden tại Nhà Trắng.",
	         "APnews.com/Patrick Semansky",
	         "REHOBOTH BEACH - Tổng thống Joe Biden nói chuyện.\n\nÔng Biden về Delaware.");
	mention_list l;
	mention_list_init(&l);
	entity_extract(ex, &a, &l);
	assert_true(has_entity(&l, ENT_LOC, "Rehoboth Beach"));
	assert_true(has_entity(&l, ENT_PER, "Patrick Semansky"));
	const mention *m = find_surface(&l, "APnews.com");
	assert_non_null(m);
	assert_int_equal(m->type, ENT_ORG);
	assert_int_equal(m->field, FIELD_CREDIT);
	assert_string_equal(m->canonical, "AP");
	m = find_surface(&l, "Patrick Semansky");
	assert_int_equal(m->start, strlen("APnews.com/"));
	/* a mention in the caption counts in the caption's offsets */
	int caption = 0;
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i].field == FIELD_CAPTION && strcmp(l.v[i].canonical, "Joe Biden") == 0)
			caption = 1;
	assert_true(caption);
	mention_list_free(&l);
	unmake(&a);

	a = make("en", "Biden and Putin Talk as Tensions Rise Over Ukraine", NULL, NULL, NULL,
	         "WASHINGTON - President Joe Biden spoke with Russian President Vladimir Putin on "
	         "Thursday. Mr. Biden met officials from the Ministry of Foreign Affairs in "
	         "Kandahar and Herat. White House press secretary Jen Psaki said the United States "
	         "and the European Union agree. Officials said Nord Stream 2 would stop.");
	mention_list_init(&l);
	entity_extract(ex, &a, &l);
	assert_true(has_entity(&l, ENT_LOC, "Washington"));
	assert_true(has_entity(&l, ENT_PER, "Joe Biden"));
	assert_true(has_entity(&l, ENT_PER, "Vladimir Putin"));
	assert_true(has_entity(&l, ENT_PER, "Jen Psaki"));
	assert_true(has_entity(&l, ENT_ORG, "Ministry of Foreign Affairs"));
	assert_true(has_entity(&l, ENT_LOC, "Kandahar"));
	assert_true(has_entity(&l, ENT_LOC, "Herat"));
	assert_true(has_entity(&l, ENT_LOC, "Hoa Kỳ"));
	assert_true(has_entity(&l, ENT_ORG, "EU"));
	assert_false(has_name(&l, "Russian"));
	assert_false(has_name(&l, "Thursday"));
	assert_false(has_name(&l, "Officials"));
	assert_false(has_name(&l, "Nord Stream"));
	/* the Title Case headline still links its names to the body's */
	m = find_surface(&l, "Putin");
	assert_non_null(m);
	assert_int_equal(m->field, FIELD_TITLE);
	assert_string_equal(m->canonical, "Vladimir Putin");
	assert_false(has_name(&l, "Talk"));
	assert_false(has_name(&l, "Tensions Rise Over Ukraine"));
	mention_list_free(&l);
	unmake(&a);
}

/* Thread body: extracts the same article many times and checks that the
 * shared extractor gives the same answer every time. */
static void *worker(void *arg)
{
	size_t *count = arg;
	article a = make("vi", "", NULL, NULL, NULL,
	                 "Tổng thống Joe Biden gặp Tổng thống Vladimir Putin tại Geneva. Ông Biden "
	                 "và NATO bàn về Ukraine.");
	for (int i = 0; i < 200; i++) {
		mention_list l;
		mention_list_init(&l);
		entity_extract(ex, &a, &l);
		if (i == 0)
			*count = l.n;
		else if (l.n != *count)
			*count = (size_t)-1;
		mention_list_free(&l);
	}
	unmake(&a);
	return NULL;
}

static void test_threads(void **state)
{
	(void)state;
	pthread_t th[4];
	size_t counts[4];
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&th[i], NULL, worker, &counts[i]), 0);
	for (int i = 0; i < 4; i++)
		pthread_join(th[i], NULL);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(counts[i], counts[0]);
		assert_true(counts[i] >= 6 && counts[i] != (size_t)-1);
	}
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
	    cmocka_unit_test(test_key),
	    cmocka_unit_test(test_titles_and_linking),
	    cmocka_unit_test(test_organizations),
	    cmocka_unit_test(test_no_junk),
	    cmocka_unit_test(test_dateline_credit_english),
	    cmocka_unit_test(test_brackets),
	    cmocka_unit_test(test_admin_units),
	    cmocka_unit_test(test_name_edges),
	    cmocka_unit_test(test_threads),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
