/* test_text.c: text_decode on every kind of input a scraped corpus has
 * (BOMs, UTF-16, invalid UTF-8, line ends, NFD, controls, binary, empty,
 * huge) and the terminal guard: text_printable, text_escaped. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <unictype.h>
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

/* The cleaning pass finds invalid UTF-8 itself (no u8_check): it must
 * find what u8_check finds. Short random strings of bytes that make and
 * break sequences (surrogates, overlong forms, U+FFFD itself, beyond
 * U+10FFFF) decode exactly as the same strings repaired first. */
static void test_invalid_utf8_found(void **state)
{
	(void)state;
	static const uint8_t bytes[] = {'a',  ' ',  0x80, 0x8F, 0xBF, 0xBD, 0xA0, 0xC0,
	                                0xC2, 0xC3, 0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0,
	                                0xF4, 0xF5, 0xFF, 0x90, 0x9F, 0xBB, 0xBA};
	uint32_t seed = 12345;
	for (int round = 0; round < 50000; round++) {
		uint8_t raw[12];
		seed = seed * 1103515245u + 12345u;
		size_t n = 1 + (seed >> 16) % sizeof raw;
		for (size_t i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			raw[i] = bytes[(seed >> 16) % sizeof bytes];
		}
		raw[0] = 'a'; /* no BOM */
		bool valid = u8_check(raw, n) == NULL;
		size_t flen = 0;
		char *fixed = text_repair_utf8((const char *)raw, n, &flen);
		text_decoded a, b;
		text_status sa = text_decode(raw, n, &a);
		text_status sb = text_decode((const uint8_t *)fixed, flen, &b);
		if (sa == TEXT_OK && sb == TEXT_OK) {
			assert_int_equal(a.len, b.len);
			assert_memory_equal(a.s, b.s, a.len);
			assert_true(valid ? a.repaired == 0 : a.repaired > 0);
		} else {
			assert_true(sa != TEXT_OK || valid == false);
		}
		free(a.s);
		free(b.s);
		free(fixed);
	}
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

/* text_nfc gives what u8_normalize gives, on the text it copies
 * without asking (ASCII, Vietnamese) and on the rest: a decomposed
 * letter, Å (U+212B), invalid bytes (U+FFFD each, as u8_normalize). */
static void test_nfc_copy(void **state)
{
	(void)state;
	const char *cases[] = {"Nguyễn Thị Minh Khai", "plain ascii",
	                       "\xE2\x84\xAB",         "e\xCC\x81t\xC3\xAA\xCC\x81",
	                       "a\xFF\xC3(b",          "\xE2\x80\x9Cq\xE2\x80\x9D"};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t want_len = 0, got_len = 0;
		uint8_t *want = u8_normalize(UNINORM_NFC, (const uint8_t *)cases[i],
		                             strlen(cases[i]), NULL, &want_len);
		char *got = text_nfc(cases[i], strlen(cases[i]), &got_len);
		assert_non_null(want);
		assert_non_null(got);
		assert_int_equal(got_len, want_len);
		assert_memory_equal(got, want, want_len);
		assert_int_equal(got[got_len], '\0');
		free(want);
		free(got);
	}
}

/* text_mbtouc decodes two- and three-byte sequences itself: it must
 * agree with u8_mbtouc on every one, well-formed or not (overlong forms,
 * surrogates, stray continuation bytes, truncated input), and on every
 * lead byte whatever follows. */
static void test_mbtouc_agrees(void **state)
{
	(void)state;
	uint8_t s[4] = {0, 0, 0, 0};
	for (unsigned a = 0; a < 256; a++)
		for (unsigned b = 0; b < 256; b++)
			for (unsigned c = 0; c < 256; c++) {
				/* beyond two bytes only leads of three-byte forms */
				if (c && (a < 0xE0 || a > 0xEF))
					break;
				s[0] = (uint8_t)a, s[1] = (uint8_t)b, s[2] = (uint8_t)c, s[3] = 0x80;
				for (size_t n = 1; n <= 4; n++) {
					ucs4_t want = 0, got = 0;
					int lw = u8_mbtouc(&want, s, n), lg = text_mbtouc(&got, s, n);
					if (lw != lg || want != got)
						fail_msg("%02x %02x %02x (n %zu): %d U+%04X, not %d U+%04X", a,
						         b, c, n, lg, (unsigned)got, lw, (unsigned)want);
				}
			}
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

/* The bidi controls and invisible characters go from text; what real
 * scripts need stays. */
static void test_printable_bidi_invisible(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		/* U+202E RLO: "bidi-<RLO>txt.exe" would read "bidi-exe.txt". */
		{"bidi-\u202Etxt.exe", "bidi-txt.exe"},
		/* Embeddings, overrides, isolates, marks, ALM. */
		{"a\u202Ab\u202Bc\u202Cd\u202De", "abcde"},
		{"a\u2066b\u2067c\u2068d\u2069e", "abcde"},
		{"a\u200Eb\u200Fc\u061Cd", "abcd"},
		/* ZWSP, word joiner, BOM, soft hyphen, a tag character,
		 * Hangul filler. */
		{"pass\u200Bword \u2060x\uFEFFy z\u00ADw \U000E0041t \u3164!", "password xy zw t !"},
		/* Joiners next to Latin letters or alone hide a difference. */
		{"pay\u200Dpal \u200Cx", "paypal x"},
		/* Vietnamese, NFC and NFD, is untouched. */
		{"Đàm phán ở Hà Nội", "Đàm phán ở Hà Nội"},
		{"Ha\u0300 No\u0323\u0302i", "Ha\u0300 No\u0323\u0302i"},
		/* Devanagari: ZWJ and ZWNJ after a virama (half forms). */
		{"\u0915\u094D\u200D\u0937 \u0915\u094D\u200C\u0937",
		 "\u0915\u094D\u200D\u0937 \u0915\u094D\u200C\u0937"},
		/* Persian "mi-khaham": ZWNJ between joining letters. */
		{"\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645",
		 "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645"},
		/* Emoji: a family (ZWJ sequence), a heart with VS16. */
		{"\U0001F468\u200D\U0001F469\u200D\U0001F467 \u2764\uFE0F",
		 "\U0001F468\u200D\U0001F469\u200D\U0001F467 \u2764\uFE0F"},
		/* Right-to-left letters keep their own direction. */
		{"\u05E9\u05DC\u05D5\u05DD", "\u05E9\u05DC\u05D5\u05DD"},
		/* C1 (NEL, CSI) and the line separator act: a space. */
		{"a\xC2\x85" "b\xC2\x9B" "c\u2028d\u2029e", "a b c d e"},
		/* Raw 0x9b (8-bit CSI) is not UTF-8: U+FFFD. */
		{"x\x9b" "2Jy", "x\uFFFD" "2Jy"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *p = text_printable(cases[i].in);
		assert_string_equal(p, cases[i].out);
		free(p);
	}
}

/* The guard's fast path: no character of U+00A0..U+036F but the soft
 * hyphen, nor of U+1E00..U+1EFF, is a format or hidden character. */
static void test_guard_fast_path_claim(void **state)
{
	(void)state;
	for (ucs4_t uc = 0xA0; uc <= 0x1EFF; uc++) {
		if ((uc > 0x36F && uc < 0x1E00) || uc == 0xAD)
			continue;
		assert_false(uc_is_general_category(uc, UC_CATEGORY_Cf));
		assert_false(uc_is_property_default_ignorable_code_point(uc) &&
			     !uc_is_general_category(uc, UC_CATEGORY_M));
	}
}

/* Names show every hazard as a visible escape. */
static void test_escaped(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"osc-\x1b]52;c;aGk=\x07x.txt", "osc-\\x1b]52;c;aGk=\\x07x.txt"},
		{"csi-\x9b" "2J.txt", "csi-\\x9b" "2J.txt"},
		{"c1-\xC2\x9B" "2J.txt", "c1-\\u009b" "2J.txt"},
		{"bidi-\u202Etxt.exe", "bidi-\\u202etxt.exe"},
		{"zw\u200Bsp \u200Dx", "zw\\u200bsp \\u200dx"},
		{"tag\U000E0041", "tag\\U000e0041"},
		{"a\\b\tc\n", "a\\\\b\\x09c\\x0a"},
		{"Hà Nội/Đà Nẵng.txt", "Hà Nội/Đà Nẵng.txt"},
		{"", ""},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *p = text_escaped(cases[i].in, 0);
		assert_string_equal(p, cases[i].out);
		free(p);
	}
	char *p = text_escaped("((((((((((((((((((((((((((((((", 10);
	assert_string_equal(p, "(((((((...");
	free(p);
	p = text_escaped("short", 10);
	assert_string_equal(p, "short");
	free(p);
}

/* Appends the UTF-8 form of uc (test helper). */
static size_t put_utf8(char *o, unsigned long uc)
{
	if (uc < 0x80) {
		o[0] = (char)uc;
		return 1;
	}
	if (uc < 0x800) {
		o[0] = (char)(0xC0 | uc >> 6);
		o[1] = (char)(0x80 | (uc & 0x3F));
		return 2;
	}
	if (uc < 0x10000) {
		o[0] = (char)(0xE0 | uc >> 12);
		o[1] = (char)(0x80 | (uc >> 6 & 0x3F));
		o[2] = (char)(0x80 | (uc & 0x3F));
		return 3;
	}
	o[0] = (char)(0xF0 | uc >> 18);
	o[1] = (char)(0x80 | (uc >> 12 & 0x3F));
	o[2] = (char)(0x80 | (uc >> 6 & 0x3F));
	o[3] = (char)(0x80 | (uc & 0x3F));
	return 4;
}

/* Undoes text_escaped, as the README tells a script to. */
static char *unescape(const char *s)
{
	char *out = malloc(strlen(s) + 1);
	size_t o = 0;
	while (*s) {
		if (*s != '\\') {
			out[o++] = *s++;
			continue;
		}
		char kind = s[1];
		if (kind == '\\') {
			out[o++] = '\\';
			s += 2;
			continue;
		}
		int digits = kind == 'x' ? 2 : kind == 'u' ? 4 : 8;
		char hex[9] = {0};
		memcpy(hex, s + 2, (size_t)digits);
		unsigned long v = strtoul(hex, NULL, 16);
		if (kind == 'x')
			out[o++] = (char)v;
		else
			o += put_utf8(out + o, v);
		s += 2 + digits;
	}
	out[o] = '\0';
	return out;
}

/* text_escaped is reversible, and its output has no control byte, no
 * invalid UTF-8 and nothing hidden, whatever the input bytes. */
static void test_escaped_reversible(void **state)
{
	(void)state;
	static const char pieces[][5] = {"a", "\\", "\x1b", "\x9b", "\xC2\x9B", "\xE2\x80\xAE",
					 "\xE2\x80\x8B", "\xE2\x80\x8D", "\xC3", "\xFF", "\x07",
					 "\xE0\xA4\x95", "\xE0\xA5\x8D", "\xF3\xA0\x81\x81", "u", "x"};
	unsigned seed = 12345;
	for (int round = 0; round < 2000; round++) {
		char in[128] = {0};
		size_t n = 0;
		int parts = round % 12 + 1;
		for (int k = 0; k < parts; k++) {
			seed = seed * 1103515245u + 12345u;
			const char *piece = pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])];
			memcpy(in + n, piece, strlen(piece));
			n += strlen(piece);
		}
		char *e = text_escaped(in, 0);
		size_t elen = strlen(e);
		for (size_t i = 0; i < elen;) {
			size_t len;
			assert_int_equal(text_hazard_at(e, elen, i, &len), TEXT_SAFE);
			i += len;
		}
		char *back = unescape(e);
		assert_string_equal(back, in);
		free(back);
		free(e);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_utf8),   cmocka_unit_test(test_utf8_bom),
		cmocka_unit_test(test_utf16),        cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_invalid_utf8_found),
		cmocka_unit_test(test_line_ends),    cmocka_unit_test(test_nfd_to_nfc),
		cmocka_unit_test(test_nfc_fast_path_claim), cmocka_unit_test(test_nfc_copy),
		cmocka_unit_test(test_mbtouc_agrees),
		cmocka_unit_test(test_controls),     cmocka_unit_test(test_binary),
		cmocka_unit_test(test_empty),        cmocka_unit_test(test_long_line),
		cmocka_unit_test(test_huge_input),   cmocka_unit_test(test_printable),
		cmocka_unit_test(test_printable_bidi_invisible), cmocka_unit_test(test_escaped),
		cmocka_unit_test(test_escaped_reversible), cmocka_unit_test(test_guard_fast_path_claim),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
