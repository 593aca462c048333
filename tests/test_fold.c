/* test_fold.c: search folding (case, diacritics, đ), display width and
 * fitting text into columns without cutting a grapheme cluster. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* Folds a NUL-terminated string and checks the result and its length. */
static void check_fold(const char *in, const char *want)
{
	size_t len = 12345;
	char *got = text_fold(in, strlen(in), &len);
	assert_string_equal(got, want);
	assert_int_equal(len, strlen(want));
	free(got);
}

/* ASCII is only lower-cased. */
static void test_fold_ascii(void **state)
{
	(void)state;
	check_fold("Zelenskyy", "zelenskyy");
	check_fold("NATO, EU & G7!", "nato, eu & g7!");
	check_fold("", "");
	check_fold("already lower 123", "already lower 123");
}

/* Vietnamese loses case, tones and vowel marks; đ becomes d. */
static void test_fold_vietnamese(void **state)
{
	(void)state;
	check_fold("ĐÀM PHÁN", "dam phan");
	check_fold("đàm phán", "dam phan");
	check_fold("Hoa Kỳ", "hoa ky");
	check_fold("Tổng thống Mỹ và Nga sẽ điện đàm", "tong thong my va nga se dien dam");
	check_fold("Nhà Trắng, Tòa Bạch Ốc", "nha trang, toa bach oc");
	/* Every vowel with every tone, upper and lower case. */
	check_fold("ẮẰẲẴẶ ắằẳẵặ ỨỪỬỮỰ ứừửữự ỚỜỞỠỢ", "aaaaa aaaaa uuuuu uuuuu ooooo");
	/* Ð (U+00D0, eth) stands for Đ in text from legacy encodings. */
	check_fold("\xC3\x90\xC3\xA0 N\xE1\xBA\xB5ng", "da nang");
}

/* Decomposed input folds like precomposed input. */
static void test_fold_nfd(void **state)
{
	(void)state;
	/* "đàm phán" written decomposed: a + U+0300, a + U+0301. */
	check_fold("\304\221a\314\200m pha\314\201n", "dam phan");
	/* A combining mark right after ASCII, and one with no base at all. */
	check_fold("Cafe\xCC\x81", "cafe");
	check_fold("\xCC\x81", "");
	/* Upper-case NFD: E + U+0302 + U+0301 (Ế). */
	check_fold("TI\xC3\x8A\xCC\x81NG VI\xE1\xBB\x86T", "tieng viet");
	check_fold("TIE\xCC\x82\xCC\x81NG", "tieng");
}

/* Other scripts fold by Unicode case folding; invalid bytes are replaced. */
static void test_fold_other_scripts(void **state)
{
	(void)state;
	/* Case folding beyond Latin, and expansions. */
	check_fold("Путин", "путин");
	check_fold("STRASSE Straße", "strasse strasse");
	check_fold("Ελλάδα", "ελλαδα");
	/* Scripts without case pass through; supplementary planes too. */
	check_fold("北京", "北京");
	check_fold("ok \xF0\x9F\x98\x80", "ok \xF0\x9F\x98\x80");
	/* Invalid UTF-8 becomes U+FFFD instead of being copied through. */
	check_fold("a\377b", "a\357\277\275b");
}

/* text_fold_append appends to a buffer and reads only n bytes. */
static void test_fold_append_reuses(void **state)
{
	(void)state;
	strbuf b;
	sb_init(&b);
	text_fold_append(&b, "ĐÀM ", strlen("ĐÀM "));
	text_fold_append(&b, "PHÁN", strlen("PHÁN"));
	assert_string_equal(b.s, "dam phan");
	assert_int_equal(b.len, 8);
	/* Only n bytes are read, not up to the NUL. */
	sb_clear(&b);
	text_fold_append(&b, "ABCDEF", 3);
	assert_string_equal(b.s, "abc");
	sb_free(&b);
}

/* A long mixed text folds the same piece by piece as whole: the table and
 * the direct path agree. */
static void test_fold_long(void **state)
{
	(void)state;
	strbuf in, want;
	sb_init(&in);
	sb_init(&want);
	for (int i = 0; i < 1000; i++) {
		sb_adds(&in, "Chính phủ Việt Nam ĐÃ ĐỒNG Ý. ");
		sb_adds(&want, "chinh phu viet nam da dong y. ");
	}
	size_t len;
	char *got = text_fold(in.s, in.len, &len);
	assert_int_equal(len, want.len);
	assert_string_equal(got, want.s);
	free(got);
	sb_free(&in);
	sb_free(&want);
}

/* Widths: combining marks 0, CJK and emoji 2, controls 0. */
static void test_width(void **state)
{
	(void)state;
	assert_int_equal(text_width("hello", 5), 5);
	assert_int_equal(text_width("", 0), 0);
	/* Precomposed and decomposed Vietnamese are equally wide. */
	assert_int_equal(text_width("Đàm", strlen("Đàm")), 3);
	assert_int_equal(text_width("a\xCC\x80m", 4), 2);
	/* CJK and emoji take two columns. */
	assert_int_equal(text_width("北京", strlen("北京")), 4);
	assert_int_equal(text_width("\xF0\x9F\x98\x80", 4), 2);
	/* Control characters take none. */
	assert_int_equal(text_width("a\033b", 3), 2);
	/* Only n bytes are measured. */
	assert_int_equal(text_width("abcdef", 2), 2);
}

/* text_fit never cuts a grapheme cluster or a wide character. */
static void test_fit(void **state)
{
	(void)state;
	const char *s = "abc";
	assert_int_equal(text_fit(s, 3, 10), 3);
	assert_int_equal(text_fit(s, 3, 2), 2);
	assert_int_equal(text_fit(s, 3, 0), 0);

	/* "ce" + U+0301 + "x": the accent stays with its e. */
	const char *acc = "ce\xCC\x81x";
	size_t n = strlen(acc);
	assert_int_equal(text_fit(acc, n, 1), 1);
	assert_int_equal(text_fit(acc, n, 2), 4);
	assert_int_equal(text_fit(acc, n, 3), 5);

	/* A wide character that does not fit entirely is left out. */
	const char *cjk = "a北京";
	assert_int_equal(text_fit(cjk, strlen(cjk), 2), 1);
	assert_int_equal(text_fit(cjk, strlen(cjk), 3), 4);
	assert_int_equal(text_fit(cjk, strlen(cjk), 4), 4);
	assert_int_equal(text_fit(cjk, strlen(cjk), 5), 7);

	/* Hangul written as jamo is one cluster of two columns. */
	const char *jamo = "\341\204\200\341\205\241b";
	assert_int_equal(text_fit(jamo, strlen(jamo), 1), 0);
	assert_int_equal(text_fit(jamo, strlen(jamo), 2), 6);
}

/* Runs the folding and width tests. */
int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fold_ascii),
	    cmocka_unit_test(test_fold_vietnamese),
	    cmocka_unit_test(test_fold_nfd),
	    cmocka_unit_test(test_fold_other_scripts),
	    cmocka_unit_test(test_fold_append_reuses),
	    cmocka_unit_test(test_fold_long),
	    cmocka_unit_test(test_width),
	    cmocka_unit_test(test_fit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
