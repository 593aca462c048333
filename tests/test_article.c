/* test_article.c: article_parse on the three layouts of the bundled
 * samples, their encoding variants, the trailer cut and glued sentences
 * (the real scraped corpus is test_corpus.c's). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "testutil.h"
#include "util.h"

static article_rules rules;

/* Parses samples/NAME into *a, skipping the test when $LEDE_SAMPLES is
 * not set (the harness always sets it). */
static void parse_sample(const char *name, article *a)
{
	const char *dir = getenv("LEDE_SAMPLES");
	if (!dir)
		skip();
	char *path = xasprintf("%s/%s", dir, name);
	size_t n = 0;
	uint8_t *raw = slurp(path, &n);
	assert_non_null(raw);
	assert_int_equal(article_parse(raw, n, &rules, a), TEXT_OK);
	assert_non_null(a->title);
	assert_non_null(a->body);
	free(raw);
	free(path);
}

/* Parses an in-memory article. */
static text_status parse_text(const char *s, article *a)
{
	return article_parse((const uint8_t *)s, strlen(s), &rules, a);
}

static void test_layout_lede_first(void **state)
{
	(void)state;
	article a;
	parse_sample("vi-001-dam-phan-an-ninh.txt", &a);
	assert_string_equal(a.title, "Mỹ và Nga mở vòng đàm phán an ninh tại Geneva giữa lúc căng "
	                             "thẳng biên giới leo thang");
	assert_string_equal(iso(&a), "2022-01-09 14:05");
	assert_int_equal(a.date.precision, DATE_MINUTE);
	assert_non_null(a.lede);
	assert_true(strncmp(a.lede, "Mỹ và Nga chuẩn bị bước vào vòng đàm phán", 20) == 0);
	/* The lede is not repeated in the body, nor the title. */
	assert_null(strstr(a.body, a.lede));
	assert_null(strstr(a.body, a.title));
	assert_true(strncmp(a.body, "Theo thông báo của Bộ Ngoại giao Mỹ", 20) == 0);
	/* The trailer is cut at "Bài liên quan". */
	assert_true(ends_with(a.body, "luôn để ngỏ cánh cửa ngoại giao."));
	assert_null(strstr(a.body, "Bài liên quan"));
	assert_null(strstr(a.body, "POWERED"));
	assert_null(strstr(a.body, "Giá vàng"));
	/* "12.1" is a date, not a glued sentence. */
	assert_non_null(strstr(a.body, "vào ngày 12.1, tiếp đó"));
	assert_string_equal(a.lang, "vi");
	assert_null(a.dateline);
	assert_null(a.caption);
	article_free(&a);

	parse_sample("vi-003-bo-ngoai-giao-hop-bao.txt", &a);
	assert_string_equal(iso(&a), "2022-01-20");
	assert_int_equal(a.date.precision, DATE_DAY);
	assert_string_equal(a.title, "Bộ Ngoại giao: Việt Nam ủng hộ đối thoại để giải quyết bất đồng");
	assert_null(strstr(a.body, "Đừng bỏ lỡ"));
	assert_null(strstr(a.body, "Thời tiết"));
	article_free(&a);
}

static void test_layout_caption_dateline(void **state)
{
	(void)state;
	article a;
	parse_sample("vi-101-washington-dien-dam.txt", &a);
	assert_string_equal(iso(&a), "2022-01");
	assert_int_equal(a.date.precision, DATE_MONTH);
	assert_non_null(a.dateline);
	assert_string_equal(a.dateline, "WASHINGTON");
	assert_non_null(a.credit);
	assert_string_equal(a.credit, "Reuters/Kevin Lamarque");
	assert_non_null(a.caption);
	assert_true(strncmp(a.caption, "Tổng thống Hoa Kỳ Joe Biden phát biểu", 20) == 0);
	assert_null(strstr(a.caption, "Nguồn"));
	assert_true(ends_with(a.caption, "trong tuần tới."));
	/* The body begins with the dateline paragraph. */
	assert_true(strncmp(a.body, "WASHINGTON - Tổng thống Hoa Kỳ", 20) == 0);
	assert_null(strstr(a.body, a.caption));
	/* Glued sentences get their space; dates and numbers do not. */
	assert_non_null(strstr(a.body, "lãnh thổ Ukraine. Ông Zelensky"));
	assert_non_null(strstr(a.body, "chính quyền Biden. Nếu"));
	assert_non_null(strstr(a.body, "vào ngày 10.1."));
	assert_null(strstr(a.body, "Ukraine.Ông"));
	/* A sensible title from the first sentence after the dateline. */
	assert_true(strncmp(a.title, "Tổng thống Hoa Kỳ Joe Biden đã điện đàm", 20) == 0);
	assert_true(strlen(a.title) < 200);
	assert_null(strstr(a.title, "WASHINGTON"));
	assert_null(a.lede);
	assert_string_equal(a.lang, "vi");
	article_free(&a);

	parse_sample("vi-103-brussels-nato.txt", &a);
	assert_string_equal(a.credit, "NATO.int");
	assert_string_equal(a.dateline, "BRUSSELS");
	assert_non_null(strstr(a.body, "ông nói. Các nước Baltic"));
	article_free(&a);
}

static void test_layout_english(void **state)
{
	(void)state;
	article a;
	parse_sample("en-001-geneva-security-talks.txt", &a);
	assert_string_equal(a.title,
	                    "U.S. and Russian envoys end Geneva security talks without breakthrough");
	assert_string_equal(iso(&a), "2022-01-10");
	assert_string_equal(a.dateline, "GENEVA");
	assert_string_equal(a.lang, "en");
	/* A body sentence that starts with "Related" is not a trailer. */
	assert_non_null(strstr(a.body, "Related talks are scheduled"));
	assert_null(strstr(a.body, "Related articles"));
	assert_null(strstr(a.body, "Markets slip"));
	assert_non_null(strstr(a.body, "the U.S. delegation"));
	assert_true(ends_with(a.body, "before the end of the week."));
	article_free(&a);

	parse_sample("en-004-white-house-call.txt", &a);
	assert_string_equal(iso(&a), "2021-12-30");
	assert_non_null(strstr(a.body, "on every step. Secretary of State"));
	assert_null(strstr(a.body, "POWERED"));
	assert_null(strstr(a.body, "Comments"));
	assert_true(ends_with(a.body, "have asked for more troops."));
	article_free(&a);

	parse_sample("en-002-nato-foreign-ministers.txt", &a);
	assert_string_equal(iso(&a), "2021-12-01");
	assert_non_null(strstr(a.body, "European partners. Mr. Blinken"));
	article_free(&a);
}

static void test_variants(void **state)
{
	(void)state;
	static const struct {
		const char *file, *encoding, *title_start, *lang;
	} cases[] = {
		{"variant-crlf.txt", "UTF-8", "Quốc hội thông qua chương trình", "vi"},
		{"variant-cr.txt", "UTF-8", "Red Cross warns", "en"},
		{"variant-utf8-bom.txt", "UTF-8 BOM", "ASEAN ministers meet", "en"},
		{"variant-utf16le.txt", "UTF-16LE", "Hà Nội khởi công đường vành đai", "vi"},
		{"variant-utf16be.txt", "UTF-16BE", "Cuộc gặp cấp ngoại trưởng", "vi"},
		{"variant-nfd.txt", "UTF-8", "Tuyển Việt Nam thắng Trung Quốc", "vi"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		article a;
		parse_sample(cases[i].file, &a);
		assert_string_equal(a.encoding, cases[i].encoding);
		assert_true(strncmp(a.title, cases[i].title_start, strlen(cases[i].title_start)) == 0);
		assert_string_equal(a.lang, cases[i].lang);
		assert_null(strchr(a.body, '\r'));
		assert_null(strchr(a.title, '\r'));
		assert_int_not_equal(a.date.precision, DATE_NONE);
		assert_true(strlen(a.body) > 1000);
		article_free(&a);
	}
	article a;
	parse_sample("variant-utf16be.txt", &a);
	assert_string_equal(a.credit, "Anadolu/Cem Ozdel");
	assert_string_equal(a.dateline, "ANTALYA");
	article_free(&a);
	/* NFD input is stored NFC: the precomposed "Việt" is found. */
	parse_sample("variant-nfd.txt", &a);
	assert_string_equal(a.title, "Tuyển Việt Nam thắng Trung Quốc trong ngày mùng Một Tết");
	assert_string_equal(iso(&a), "2022-02-01");
	assert_non_null(strstr(a.body, "Hà Nội"));
	article_free(&a);
}

static void test_every_sample(void **state)
{
	(void)state;
	const char *dir = getenv("LEDE_SAMPLES");
	if (!dir)
		skip();
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *e;
	int seen = 0;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);
		if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0)
			continue;
		article a;
		parse_sample(e->d_name, &a);
		assert_true(strlen(a.title) > 10);
		assert_true(strlen(a.body) > 1000);
		assert_int_not_equal(a.date.precision, DATE_NONE);
		if (strncmp(e->d_name, "vi-", 3) == 0)
			assert_string_equal(a.lang, "vi");
		if (strncmp(e->d_name, "en-", 3) == 0)
			assert_string_equal(a.lang, "en");
		assert_null(strstr(a.body, "POWERED BY"));
		article_free(&a);
		seen++;
	}
	closedir(d);
	assert_true(seen >= 16);
}

static void test_glued_sentences(void **state)
{
	(void)state;
	article a;
	const char *s = "Tiêu đề thử nghiệm\n\n"
	                "Hai bên sẽ thảo luận thêm.Hoa Kỳ và Nga họp vào ngày 10.1 với 100.000 "
	                "binh sĩ ở biên giới.Theo TP.HCM và APnews.com, U.S. officials met Mr.Smith "
	                "at 3.5 percent.Đại diện nói vậy.\n";
	assert_int_equal(parse_text(s, &a), TEXT_OK);
	assert_string_equal(a.title, "Tiêu đề thử nghiệm");
	assert_string_equal(a.body,
	                    "Hai bên sẽ thảo luận thêm. Hoa Kỳ và Nga họp vào ngày 10.1 với 100.000 "
	                    "binh sĩ ở biên giới. Theo TP.HCM và APnews.com, U.S. officials met "
	                    "Mr. Smith at 3.5 percent. Đại diện nói vậy.");
	article_free(&a);
}

static void test_trailer_rules(void **state)
{
	(void)state;
	article a;
	const char *s = "A short title\n\nFirst paragraph of the story.\n\n"
	                "Related coverage of the summit appears on page four.\n\n"
	                "Comments from readers were mixed.\n\nLast paragraph.\n\n"
	                "Related\nOther headline entirely\nComments (3)\n";
	assert_int_equal(parse_text(s, &a), TEXT_OK);
	assert_non_null(strstr(a.body, "Related coverage of the summit"));
	assert_non_null(strstr(a.body, "Comments from readers"));
	assert_true(ends_with(a.body, "Last paragraph."));
	assert_null(strstr(a.body, "Other headline"));
	assert_null(a.lede);
	article_free(&a);

	/* A count before the marker, in any case. */
	s = "Tiêu đề\n\nĐoạn một của bài.\n\n(12) BÌNH LUẬN\nTin khác ở đây\n";
	assert_int_equal(parse_text(s, &a), TEXT_OK);
	assert_string_equal(a.body, "Đoạn một của bài.");
	article_free(&a);

	/* A marker that starts with a letter beyond ASCII, in other cases
	 * ("Đọc thêm" and "đọc thêm" are both shipped as "Đọc thêm"); a line
	 * that only shares that letter stays. */
	s = "Tiêu đề\n\nĐoạn một của bài.\n\nĐó là điều chắc chắn.\n\nĐỌC THÊM\nTin khác\n";
	assert_int_equal(parse_text(s, &a), TEXT_OK);
	assert_string_equal(a.body, "Đoạn một của bài.\n\nĐó là điều chắc chắn.");
	article_free(&a);
	s = "Tiêu đề\n\nĐoạn một của bài.\n\nđọc thêm:\nTin khác\n";
	assert_int_equal(parse_text(s, &a), TEXT_OK);
	assert_string_equal(a.body, "Đoạn một của bài.");
	article_free(&a);

	/* The user's own markers in $XDG_CONFIG_HOME/lede/trailers.txt. */
	char tmpl[] = "/tmp/lede-test-article-XXXXXX";
	char *dir = mkdtemp(tmpl);
	assert_non_null(dir);
	char *sub = xasprintf("%s/lede", dir);
	char *file = xasprintf("%s/trailers.txt", sub);
	assert_int_equal(mkdir(sub, 0700), 0);
	FILE *f = fopen(file, "w");
	assert_non_null(f);
	fputs("# mine\nHết bài\n", f);
	fclose(f);
	char *old = getenv("XDG_CONFIG_HOME") ? xstrdup(getenv("XDG_CONFIG_HOME")) : NULL;
	setenv("XDG_CONFIG_HOME", dir, 1);
	article_rules mine;
	article_rules_load(&mine);
	s = "Tiêu đề\n\nĐoạn một.\n\nHết bài\nQuảng cáo\n";
	assert_int_equal(article_parse((const uint8_t *)s, strlen(s), &mine, &a), TEXT_OK);
	assert_string_equal(a.body, "Đoạn một.");
	article_free(&a);
	article_rules_free(&mine);
	if (old)
		setenv("XDG_CONFIG_HOME", old, 1);
	else
		unsetenv("XDG_CONFIG_HOME");
	free(old);
	unlink(file);
	rmdir(sub);
	rmdir(dir);
	free(file);
	free(sub);
}

static void test_not_articles(void **state)
{
	(void)state;
	article a;
	assert_int_equal(parse_text("", &a), TEXT_EMPTY);
	assert_null(a.title);
	assert_null(a.body);
	assert_int_equal(parse_text(" \r\n\t\n", &a), TEXT_EMPTY);
	const uint8_t bin[] = {0x7f, 'E', 'L', 'F', 0, 1, 2, 0};
	assert_int_equal(article_parse(bin, sizeof bin, &rules, &a), TEXT_BINARY);
	assert_null(a.title);
	/* A single line is kept as the body, its sentence as the title. */
	assert_int_equal(parse_text("Only one line here", &a), TEXT_OK);
	assert_string_equal(a.body, "Only one line here");
	assert_string_equal(a.title, "Only one line here");
	article_free(&a);
	/* Invalid UTF-8 is counted for a warning. */
	assert_int_equal(parse_text("Title\n\nBody with \xFF byte.\n", &a), TEXT_OK);
	assert_int_equal(a.repaired, 1);
	article_free(&a);
}

/* Loads the shipped trailer markers once; never the user's own. */
static int setup(void **state)
{
	(void)state;
	setenv("XDG_CONFIG_HOME", "/nonexistent-lede-test-config", 1);
	article_rules_load(&rules);
	return rules.trailers.n > 0 ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	article_rules_free(&rules);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_lede_first), cmocka_unit_test(test_layout_caption_dateline),
		cmocka_unit_test(test_layout_english),    cmocka_unit_test(test_variants),
		cmocka_unit_test(test_every_sample),      cmocka_unit_test(test_glued_sentences),
		cmocka_unit_test(test_trailer_rules),     cmocka_unit_test(test_not_articles),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
