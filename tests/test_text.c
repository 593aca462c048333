/* test_text.c: text_decode on every kind of input a scraped corpus has
 * (BOMs, UTF-16, invalid UTF-8, line ends, NFD, controls, binary, empty,
 * huge) and text_printable. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <uninorm.h>

#include "text.h"

/* Decodes a C string's bytes (n of them) and checks it succeeded. */
static void decode_ok(const char *raw, size_t n, text_decoded *out)
{
	assert_int_equal(text_decode((const uint8_t *)raw, n, out), TEXT_OK);
	assert_non_null(out->s);
	assert_int_equal(strlen(out->s), out->len);
}

static void test_plain_utf8(void **state)
{
	(void)state;
	text_decoded d;
	const char *s = "Đàm phán\nở Hà Nội\n";
	decode_ok(s, strlen(s), &d);
	assert_string_equal(d.s, s);
	assert_string_equal(d.encoding, "UTF-8");
	assert_int_equal(d.repaired, 0);
	assert_int_equal(d.controls, 0);
	free(d.s);
}

static void test_utf8_bom(void **state)
{
	(void)state;
	text_decoded d;
	const char *s = "\xEF\xBB\xBFHoa Kỳ";
	decode_ok(s, strlen(s), &d);
	assert_string_equal(d.s, "Hoa Kỳ");
	assert_string_equal(d.encoding, "UTF-8 BOM");
	free(d.s);
}

/* Encodes "Kỳ\r\nA😀" as UTF-16 with a BOM in the given byte order. */
static size_t utf16_sample(uint8_t *buf, int big)
{
	const uint16_t units[] = {0xFEFF, 'K', 0x1EF3, '\r', '\n', 'A', 0xD83D, 0xDE00};
	size_t n = 0;
	for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
		uint8_t hi = (uint8_t)(units[i] >> 8), lo = (uint8_t)(units[i] & 0xff);
		buf[n++] = big ? hi : lo;
		buf[n++] = big ? lo : hi;
	}
	return n;
}

static void test_utf16(void **state)
{
	(void)state;
	uint8_t buf[32];
	text_decoded d;
	for (int big = 0; big <= 1; big++) {
		size_t n = utf16_sample(buf, big);
		assert_int_equal(text_decode(buf, n, &d), TEXT_OK);
		assert_string_equal(d.s, "Kỳ\nA\xF0\x9F\x98\x80");
		assert_string_equal(d.encoding, big ? "UTF-16BE" : "UTF-16LE");
		assert_int_equal(d.repaired, 0);
		free(d.s);
	}
	/* An unpaired surrogate and an odd last byte are repaired. */
	const uint8_t bad[] = {0xFF, 0xFE, 'a', 0, 0x3D, 0xD8, 'b', 0, 'c'};
	assert_int_equal(text_decode(bad, sizeof bad, &d), TEXT_OK);
	assert_string_equal(d.s, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
	assert_int_equal(d.repaired, 2);
	free(d.s);
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	text_decoded d;
	/* A lone continuation byte, an overlong form, a truncated sequence. */
	const char *s = "a\x80" "b\xC0\xAF" "c\xE1\xBA";
	decode_ok(s, strlen(s), &d);
	assert_true(d.repaired >= 3);
	assert_non_null(strstr(d.s, "a\xEF\xBF\xBD" "b"));
	assert_null(strchr(d.s, '\x80'));
	assert_int_equal(strncmp(d.s + d.len - 3, "\xEF\xBF\xBD", 3), 0);
	free(d.s);
	/* Latin-1 text is repaired, not called binary. */
	s = "Caf\xE9 au lait, cr\xE8me br\xFBl\xE9" "e, na\xEFve";
	decode_ok(s, strlen(s), &d);
	assert_int_equal(d.repaired, 5);
	free(d.s);
}

static void test_line_ends(void **state)
{
	(void)state;
	text_decoded d;
	const char *s = "one\r\ntwo\rthree\n\r\nfour\r";
	decode_ok(s, strlen(s), &d);
	assert_string_equal(d.s, "one\ntwo\nthree\n\nfour\n");
	assert_int_equal(d.controls, 0);
	free(d.s);
}

static void test_nfd_to_nfc(void **state)
{
	(void)state;
	text_decoded d;
	/* "Hà Nội" with combining marks: a + U+0300, o + U+0323 + U+0302. */
	const char *nfd = "Ha\xCC\x80 No\xCC\xA3\xCC\x82i";
	decode_ok(nfd, strlen(nfd), &d);
	assert_string_equal(d.s, "Hà Nội");
	free(d.s);
}

/* text.c skips u8_normalize for text made only of U+0001..U+02FF,
 * U+1E00..U+1EFF and U+2010..U+205F: check that NFC indeed leaves every
 * such character, and every pair of them, unchanged. */
static void test_nfc_fast_path_claim(void **state)
{
	(void)state;
	static uint32_t cps[1200];
	size_t k = 0;
	for (uint32_t c = 1; c < 0x2100; c++)
		if (c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2010 && c <= 0x205F))
			cps[k++] = c;
	for (size_t i = 0; i < k; i++) {
		for (size_t j = 0; j < k; j++) {
			uint32_t pair[2] = {cps[i], cps[j]};
			size_t n = 0;
			uint32_t *r = u32_normalize(UNINORM_NFC, pair, 2, NULL, &n);
			assert_non_null(r);
			assert_int_equal(n, 2);
			assert_memory_equal(r, pair, sizeof pair);
			free(r);
		}
	}
	/* And the decoder normalizes what lies outside: Å (U+212B) and a
	 * combining acute after ê. */
	text_decoded d;
	const char *s = "\xE2\x84\xAB \xC3\xAA\xCC\x81";
	decode_ok(s, strlen(s), &d);
	assert_string_equal(d.s, "\xC3\x85 \xE1\xBA\xBF");
	free(d.s);
}

static void test_controls(void **state)
{
	(void)state;
	text_decoded d;
	const char *s = "a\x1b[31mred\x1b[0m b\x1b]0;title\x07 c\x1b]8;;x\x1b\\d"
	                "\xC2\x85" "e\xC2\x9B" "2Jf\x7fg\x01h\ti\x1b" "cj\x08k";
	decode_ok(s, strlen(s), &d);
	assert_string_equal(d.s, "ared b cdefgh\tijk");
	assert_int_equal(d.controls, 10);
	for (size_t i = 0; i < d.len; i++) {
		unsigned char c = (unsigned char)d.s[i];
		assert_true(c >= 0x20 || c == '\t' || c == '\n');
		assert_true(c != 0x7f);
	}
	free(d.s);
}

static void test_binary(void **state)
{
	(void)state;
	text_decoded d;
	const uint8_t nul[] = {'a', 'b', 0, 'c'};
	assert_int_equal(text_decode(nul, sizeof nul, &d), TEXT_BINARY);
	assert_null(d.s);
	/* Random-looking bytes without NUL. */
	uint8_t junk[4096];
	uint32_t x = 12345;
	for (size_t i = 0; i < sizeof junk; i++) {
		x = x * 1103515245u + 12345u;
		junk[i] = (uint8_t)((x >> 16) | 1);
	}
	assert_int_equal(text_decode(junk, sizeof junk, &d), TEXT_BINARY);
	assert_null(d.s);
	/* Valid UTF-8 made of control characters in one byte of three:
	 * binary; a form feed, tab or line end is no sign of it. */
	uint8_t ctl[3000];
	for (size_t i = 0; i < sizeof ctl; i++)
		ctl[i] = i % 3 ? (uint8_t)('a' + i % 26) : (uint8_t)(1 + i % 8);
	assert_int_equal(text_decode(ctl, sizeof ctl, &d), TEXT_BINARY);
	assert_null(d.s);
	for (size_t i = 0; i < sizeof ctl; i += 3)
		ctl[i] = "\f\t\n"[i % 9 / 3];
	assert_int_equal(text_decode(ctl, sizeof ctl, &d), TEXT_OK);
	free(d.s);
	/* A few stray controls in text are dropped, not taken for binary. */
	const char *stray = "Tin \x01nhanh\x02 v\x7f\x03\x04\x05\x06\x07\x08\x0b\x0e\x0f\x10\x11\x12 ok";
	assert_int_equal(text_decode((const uint8_t *)stray, strlen(stray), &d), TEXT_OK);
	assert_string_equal(d.s, "Tin nhanh v ok");
	free(d.s);
	/* UTF-16 that hides NULs is binary too. */
	const uint8_t u16nul[] = {0xFF, 0xFE, 'a', 0, 0, 0, 'b', 0};
	assert_int_equal(text_decode(u16nul, sizeof u16nul, &d), TEXT_BINARY);
}

static void test_empty(void **state)
{
	(void)state;
	text_decoded d;
	assert_int_equal(text_decode((const uint8_t *)"", 0, &d), TEXT_EMPTY);
	assert_null(d.s);
	const char *ws = " \n\r\n\t \xC2\xA0\xE3\x80\x80\n\x1b[0m";
	assert_int_equal(text_decode((const uint8_t *)ws, strlen(ws), &d), TEXT_EMPTY);
	assert_null(d.s);
	assert_int_equal(text_decode((const uint8_t *)"\xEF\xBB\xBF", 3, &d), TEXT_EMPTY);
	const uint8_t bom16[] = {0xFE, 0xFF};
	assert_int_equal(text_decode(bom16, sizeof bom16, &d), TEXT_EMPTY);
}

static void test_long_line(void **state)
{
	(void)state;
	size_t n = 1024 * 1024;
	char *raw = malloc(n + 1);
	assert_non_null(raw);
	/* One line of "đàm phán " without a single newline. */
	const char *word = "đàm phán ";
	size_t wl = strlen(word), o = 0;
	while (o + wl <= n) {
		memcpy(raw + o, word, wl);
		o += wl;
	}
	text_decoded d;
	decode_ok(raw, o, &d);
	assert_int_equal(d.len, o);
	assert_null(strchr(d.s, '\n'));
	free(d.s);
	free(raw);
}

static void test_huge_input(void **state)
{
	(void)state;
	size_t n = 50u * 1024 * 1024;
	char *raw = malloc(n);
	assert_non_null(raw);
	/* Mixed Vietnamese and ASCII paragraphs with CRLF line ends and a
	 * few invalid bytes sprinkled in, 50 MB in all. */
	const char *para = "Tổng thống Joe Biden và Tổng thống Vladimir Putin đàm phán.\r\n"
	                   "NATO met in Brussels on December 30, 2021.\r\n\r\n";
	size_t pl = strlen(para), o = 0, k = 0;
	while (o + pl + 1 <= n) {
		memcpy(raw + o, para, pl);
		o += pl;
		if (++k % 10000 == 0)
			raw[o++] = (char)0xFF;
	}
	text_decoded d;
	decode_ok(raw, o, &d);
	assert_int_equal(d.repaired, k / 10000);
	assert_null(strchr(d.s, '\r'));
	assert_true(d.len > 45u * 1024 * 1024);
	free(d.s);
	free(raw);
}

static void test_printable(void **state)
{
	(void)state;
	char *p = text_printable("a\tb\nc\x1b[1md\xC2\x9B" "e\x7f" "f Đà");
	assert_string_equal(p, "a b c [1md e f Đà");
	free(p);
	p = text_printable("bad\x80" "byte");
	assert_string_equal(p, "bad\xEF\xBF\xBD" "byte");
	free(p);
	p = text_printable("");
	assert_string_equal(p, "");
	free(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_utf8),   cmocka_unit_test(test_utf8_bom),
		cmocka_unit_test(test_utf16),        cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_line_ends),    cmocka_unit_test(test_nfd_to_nfc),
		cmocka_unit_test(test_nfc_fast_path_claim), cmocka_unit_test(test_controls),     cmocka_unit_test(test_binary),
		cmocka_unit_test(test_empty),        cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_huge_input),   cmocka_unit_test(test_printable),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
