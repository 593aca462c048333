/* text.c: decoding raw file bytes into clean NFC UTF-8 (see text.h).
 * Folding and display width live in fold.c.
 *
 * The work is a chain of passes, each skipped when it has nothing to do,
 * because most input is already valid UTF-8 with LF line ends:
 *   1. BOM and encoding (UTF-16 converted with u16_to_u8),
 *   2. line ends and control characters (one copying pass, which also
 *      checks UTF-8 and counts the odd bytes that tell binary data),
 *   3. invalid UTF-8 repaired with U+FFFD (only when that pass met an
 *      invalid sequence; the pass then runs again),
 *   4. NFC with u8_normalize (only when non-ASCII text is present). */
#include "config.h"

#include "text.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "util.h"

/* Only this much of the text is sampled to decide it is binary: enough to
 * see the nature of a file, and cheap on a 50 MB one. */
#define BINARY_SAMPLE (64 * 1024)

/* The UTF-8 encoding of U+FFFD REPLACEMENT CHARACTER. */
static const char replacement[] = "\xEF\xBF\xBD";

/* Converts UTF-16 (either byte order) to UTF-8, repairing unpaired
 * surrogates and an odd trailing byte with U+FFFD. Returns a new buffer. */
static uint8_t *utf16_to_utf8(const uint8_t *raw, size_t n, int big_endian, size_t *outlen,
                              size_t *repaired)
{
	size_t units = n / 2;
	uint16_t *u = xmalloc((units ? units : 1) * sizeof *u);
	for (size_t i = 0; i < units; i++) {
		const uint8_t *p = raw + 2 * i;
		u[i] = big_endian ? (uint16_t)(p[0] << 8 | p[1]) : (uint16_t)(p[1] << 8 | p[0]);
	}
	size_t len = 0;
	uint8_t *s = u16_to_u8(u, units, NULL, &len);
	if (!s) {
		/* Unpaired surrogates: walk the units, replacing each bad one. */
		strbuf b;
		sb_init(&b);
		sb_grow(&b, units * 3);
		b.s[0] = '\0';
		for (size_t i = 0; i < units;) {
			ucs4_t uc;
			int k = u16_mbtoucr(&uc, u + i, units - i);
			if (k < 0) {
				sb_add(&b, replacement, 3);
				(*repaired)++;
				i++;
				continue;
			}
			uint8_t tmp[6];
			int m = u8_uctomb(tmp, uc, sizeof tmp);
			if (m > 0)
				sb_add(&b, (const char *)tmp, (size_t)m);
			i += (size_t)k;
		}
		len = b.len;
		s = (uint8_t *)sb_detach(&b);
	}
	free(u);
	if (n % 2) {
		s = xrealloc(s, len + 3);
		memcpy(s + len, replacement, 3);
		len += 3;
		(*repaired)++;
	}
	*outlen = len;
	return s;
}

/* Copies invalid UTF-8 replacing each maximal invalid part with U+FFFD.
 * Returns a new buffer. */
static uint8_t *repair_utf8(const uint8_t *s, size_t n, size_t *outlen, size_t *repaired)
{
	strbuf b;
	sb_init(&b);
	sb_grow(&b, n + n / 2);
	size_t i = 0;
	while (i < n) {
		const uint8_t *bad = u8_check(s + i, n - i);
		if (!bad) {
			sb_add(&b, (const char *)s + i, n - i);
			break;
		}
		size_t good = (size_t)(bad - (s + i));
		sb_add(&b, (const char *)s + i, good);
		i += good;
		ucs4_t uc;
		int k = u8_mbtouc(&uc, s + i, n - i);
		sb_add(&b, replacement, 3);
		(*repaired)++;
		i += k > 0 ? (size_t)k : 1;
	}
	*outlen = b.len;
	return (uint8_t *)sb_detach(&b);
}

/* Whether decoded UTF-8 of n bytes looks like binary data, given the
 * odd bytes in its first BINARY_SAMPLE bytes (controls but for tab, line
 * ends, form feed and ESC; DEL; repaired garbage): more than one in five
 * (random bytes give about a third; Latin-1 prose a few in a hundred). A
 * few odd bytes never make a short text binary. */
static int looks_binary(size_t n, size_t odd)
{
	size_t sample = n < BINARY_SAMPLE ? n : BINARY_SAMPLE;
	return odd >= 16 && odd * 5 > sample;
}

/* Counts U+FFFD in the first BINARY_SAMPLE bytes of repaired text. */
static size_t count_replacements(const uint8_t *s, size_t n)
{
	size_t sample = n < BINARY_SAMPLE ? n : BINARY_SAMPLE;
	size_t count = 0;
	for (size_t i = 0; i + 2 < sample; i++)
		if (s[i] == 0xEF && s[i + 1] == 0xBF && s[i + 2] == 0xBD)
			count++;
	return count;
}

/* Skips the parameter, intermediate and final bytes of a control sequence
 * (after ESC [ or C1 CSI); returns the index just past it. */
static size_t skip_csi_body(const uint8_t *s, size_t n, size_t i)
{
	while (i < n && s[i] >= 0x30 && s[i] <= 0x3f)
		i++;
	while (i < n && s[i] >= 0x20 && s[i] <= 0x2f)
		i++;
	if (i < n && s[i] >= 0x40 && s[i] <= 0x7e)
		i++;
	return i;
}

/* Length of the ESC sequence starting at s[0] == ESC (at least 1):
 * CSI "ESC [ params intermediates final", string controls (OSC, DCS, PM,
 * APC, SOS) up to BEL or ESC \, and two-byte escapes. */
static size_t esc_length(const uint8_t *s, size_t n)
{
	if (n < 2)
		return 1;
	uint8_t c = s[1];
	size_t i = 2;
	if (c == '[') {
		i = skip_csi_body(s, n, i);
		return i;
	}
	if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_') {
		/* A string control runs to its terminator; an unterminated one
		 * stops at the end of the line so it cannot eat the article. */
		while (i < n) {
			if (s[i] == 0x07)
				return i + 1;
			if (s[i] == 0x1b && i + 1 < n && s[i + 1] == '\\')
				return i + 2;
			if (s[i] == '\n')
				return i;
			i++;
		}
		return i;
	}
	if (c >= 0x20 && c <= 0x2f) {
		/* nF escapes: intermediates then one final byte. */
		while (i < n && s[i] >= 0x20 && s[i] <= 0x2f)
			i++;
		if (i < n && s[i] >= 0x30 && s[i] <= 0x7e)
			i++;
		return i;
	}
	if (c >= 0x30 && c <= 0x7e)
		return 2;
	return 1;
}

/* Whether the character starting at s (valid UTF-8, not ASCII) is one
 * NFC never changes, alone or next to another such: U+0080..U+02FF
 * (Latin, no combining marks), U+1E00..U+1EFF (precomposed Vietnamese)
 * and U+2010..U+205F (punctuation). test_text.c checks the claim against
 * u8_normalize for every pair. Text made only of these, which is most
 * Vietnamese news, skips u8_normalize, the costliest pass. */
static int nfc_stable(const uint8_t *s, size_t n)
{
	if (s[0] >= 0xC2 && s[0] <= 0xCB)
		return 1;
	if (s[0] == 0xE1 && n >= 2 && s[1] >= 0xB8 && s[1] <= 0xBB)
		return 1;
	if (s[0] == 0xE2 && n >= 3)
		return (s[1] == 0x80 && s[2] >= 0x90) || (s[1] == 0x81 && s[2] <= 0x9F);
	/* A continuation byte of a character already judged. */
	return s[0] < 0xC0;
}

/* See text.h. */
char *text_nfc(const char *s, size_t n, size_t *outlen)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t i = 0;
	if (!u8_check(u, n))
		while (i < n && nfc_stable(u + i, n - i))
			i++;
	if (n && i == n) {
		*outlen = n;
		return xstrndup(s, n);
	}
	uint8_t *nfc = u8_normalize(UNINORM_NFC, u, n, NULL, outlen);
	if (!nfc)
		return NULL;
	char *copy = xstrndup((const char *)nfc, *outlen);
	free(nfc);
	return copy;
}

/* Copies UTF-8 turning CRLF and CR into LF and dropping control
 * characters and ESC sequences. dst must hold n bytes. Returns the
 * length written; *needs_nfc tells whether NFC may have work to do, and
 * *odd counts the bytes of the binary sample that looks_binary counts
 * (counted here, where controls are handled anyway: a pass of its own
 * over every file cost a tenth of the parse). With invalid not NULL, s
 * may be invalid UTF-8: the copy stops at the first invalid sequence
 * and sets *invalid (checking here, character by character, spared a
 * pass of u8_check over every file); with NULL, s is valid. */
static size_t clean_controls(const uint8_t *s, size_t n, uint8_t *dst, size_t *removed,
                             int *needs_nfc, size_t *odd, int *invalid)
{
	size_t o = 0;
	size_t i = 0;
	while (i < n) {
		uint8_t c = s[i];
		if (c >= 0x20 && c < 0x7f) {
			dst[o++] = c;
			i++;
			continue;
		}
		if (c == '\n' || c == '\t') {
			dst[o++] = c;
			i++;
			continue;
		}
		if (c == '\r') {
			dst[o++] = '\n';
			i += (i + 1 < n && s[i + 1] == '\n') ? 2 : 1;
			continue;
		}
		if (c == 0x1b) {
			i += esc_length(s + i, n - i);
			(*removed)++;
			continue;
		}
		if (c < 0x80) {
			/* Other C0 controls and DEL. */
			if (c != '\f' && i < BINARY_SAMPLE)
				(*odd)++;
			i++;
			(*removed)++;
			continue;
		}
		if (c == 0xC2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9f) {
			/* C1 controls U+0080..U+009F; CSI (U+009B) takes its
			 * parameters along like ESC [ does. */
			uint8_t c1 = s[i + 1];
			i += 2;
			if (c1 == 0x9b) {
				i = skip_csi_body(s, n, i);
			}
			(*removed)++;
			continue;
		}
		if (c == 0xEF && i + 2 < n && s[i + 1] == 0xBB && s[i + 2] == 0xBF) {
			/* A stray U+FEFF (BOM) inside text, from concatenated
			 * files: invisible, never meant as content. */
			i += 3;
			(*removed)++;
			continue;
		}
		/* the whole character (no byte after the first can start
		 * anything handled above); U+FFFD is what u8_mbtouc makes of
		 * an invalid sequence, and EF BF BD is U+FFFD itself */
		ucs4_t uc;
		size_t len = (size_t)text_mbtouc(&uc, s + i, n - i);
		if (invalid && uc == 0xFFFD &&
		    !(len == 3 && s[i] == 0xEF && s[i + 1] == 0xBF && s[i + 2] == 0xBD)) {
			*invalid = 1;
			return o;
		}
		if (!*needs_nfc && !nfc_stable(s + i, n - i))
			*needs_nfc = 1;
		for (size_t k = 0; k < len; k++)
			dst[o++] = s[i + k];
		i += len;
	}
	return o;
}

/* Whether the text has nothing but white space (Unicode's definition). */
static int only_space(const uint8_t *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		if (s[i] < 0x80) {
			if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
				return 0;
			i++;
			continue;
		}
		ucs4_t uc;
		int k = u8_mbtouc(&uc, s + i, n - i);
		if (!uc_is_property_white_space(uc) && uc != 0x200B)
			return 0;
		i += k > 0 ? (size_t)k : 1;
	}
	return 1;
}

text_status text_decode(const uint8_t *raw, size_t n, text_decoded *out)
{
	memset(out, 0, sizeof *out);
	out->encoding = "UTF-8";
	if (n == 0)
		return TEXT_EMPTY;

	/* 1. Encoding. */
	uint8_t *owned = NULL;
	const uint8_t *s = raw;
	size_t len = n;
	size_t repaired = 0;
	int utf16 = 0;
	if (n >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF))) {
		int big = raw[0] == 0xFE;
		out->encoding = big ? "UTF-16BE" : "UTF-16LE";
		owned = utf16_to_utf8(raw + 2, n - 2, big, &len, &repaired);
		s = owned;
		utf16 = 1;
	} else if (n >= 3 && raw[0] == 0xEF && raw[1] == 0xBB && raw[2] == 0xBF) {
		out->encoding = "UTF-8 BOM";
		s = raw + 3;
		len = n - 3;
	}

	/* 2. NUL bytes. A file full of NULs is binary whatever else, and
	 * finding that first saves repairing it. */
	if (!utf16 && memchr(s, '\0', len)) {
		out->encoding = NULL;
		return TEXT_BINARY;
	}
	if (utf16 && memchr(s, '\0', len)) {
		free(owned);
		memset(out, 0, sizeof *out);
		return TEXT_BINARY;
	}

	/* 3. Line ends and controls, and whether it is binary after all.
	 * The copy checks UTF-8 as it goes (UTF-16 made valid UTF-8); at an
	 * invalid sequence, the text is repaired and copied again. */
	uint8_t *clean = xmalloc(len + 1);
	size_t removed = 0, odd = repaired ? count_replacements(s, len) : 0;
	int needs_nfc = 0, invalid = 0;
	size_t clen =
	    clean_controls(s, len, clean, &removed, &needs_nfc, &odd, utf16 ? NULL : &invalid);
	if (invalid) {
		uint8_t *fixed = repair_utf8(s, len, &len, &repaired);
		free(owned);
		owned = fixed;
		s = owned;
		clean = xrealloc(clean, len + 1);
		removed = 0;
		needs_nfc = 0;
		odd = count_replacements(s, len);
		clen = clean_controls(s, len, clean, &removed, &needs_nfc, &odd, NULL);
	}
	if (looks_binary(len, odd)) {
		free(owned);
		free(clean);
		memset(out, 0, sizeof *out);
		return TEXT_BINARY;
	}
	free(owned);

	/* 4. NFC. */
	if (needs_nfc) {
		size_t nlen = 0;
		uint8_t *nfc = u8_normalize(UNINORM_NFC, clean, clen, NULL, &nlen);
		if (nfc) {
			free(clean);
			clean = xrealloc(nfc, nlen + 1);
			clen = nlen;
		}
	}
	clean[clen] = '\0';

	if (only_space(clean, clen)) {
		free(clean);
		const char *enc = out->encoding;
		memset(out, 0, sizeof *out);
		out->encoding = enc;
		return TEXT_EMPTY;
	}
	out->s = (char *)clean;
	out->len = clen;
	out->repaired = repaired;
	out->controls = removed;
	return TEXT_OK;
}

/* See text.h. */
char *text_repair_utf8(const char *s, size_t n, size_t *outlen)
{
	size_t repaired = 0;
	return (char *)repair_utf8((const uint8_t *)s, n, outlen, &repaired);
}
