/* uitext.c: display text for the interface without curses: what the
 * terminal guard (text_hazard_at) refuses out, ASCII transliteration,
 * wrapping (libunistring). */
#include "config.h"

#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "text.h"
#include "uitext.h"
#include "util.h"

/* ASCII stand-ins for characters that have no decomposition to ASCII:
 * letters NFD leaves alone, typographic punctuation and spaces. */
static const struct {
	ucs4_t uc;
	const char *ascii;
} ascii_table[] = {
    {0x0110, "D"},   {0x0111, "d"},   {0x00D0, "D"},  {0x00F0, "d"},  {0x00D8, "O"},
    {0x00F8, "o"},   {0x00DF, "ss"},  {0x00C6, "AE"}, {0x00E6, "ae"}, {0x0152, "OE"},
    {0x0153, "oe"},  {0x0141, "L"},   {0x0142, "l"},  {0x0131, "i"},  {0x00A0, " "},
    {0x00AB, "\""},  {0x00BB, "\""},  {0x00B7, "."},  {0x2010, "-"},  {0x2011, "-"},
    {0x2012, "-"},   {0x2013, "-"},   {0x2014, "-"},  {0x2015, "-"},  {0x2212, "-"},
    {0x2018, "'"},   {0x2019, "'"},   {0x201A, "'"},  {0x201B, "'"},  {0x2032, "'"},
    {0x201C, "\""},  {0x201D, "\""},  {0x201E, "\""}, {0x2033, "\""}, {0x2022, "*"},
    {0x2026, "..."}, {0x20AC, "EUR"}, {0x00B0, "o"},  {0x00D7, "x"},  {0x2039, "<"},
    {0x203A, ">"},   {0x3000, " "},   {0xFFFD, "?"},
};

/* True for the ASCII control characters. */
static int is_control(ucs4_t uc)
{
	return uc < 0x20 || uc == 0x7F;
}

/* Appends the ASCII form of one character (given as its UTF-8 bytes). */
static void ascii_of(strbuf *out, ucs4_t uc, const uint8_t *bytes, int len)
{
	if (uc < 0x80) {
		sb_addc(out, is_control(uc) ? ' ' : (char)uc);
		return;
	}
	if ((uc >= 0x2000 && uc <= 0x200A) || uc == 0x202F) {
		sb_addc(out, ' ');
		return;
	}
	/* Marks, and the joiners the guard kept, have no ASCII form. */
	if (uc_is_general_category(uc, UC_CATEGORY_M) || uc_is_general_category(uc, UC_CATEGORY_Cf))
		return;
	for (size_t i = 0; i < sizeof ascii_table / sizeof ascii_table[0]; i++) {
		if (ascii_table[i].uc == uc) {
			sb_adds(out, ascii_table[i].ascii);
			return;
		}
	}
	/* Canonical decomposition: keep the base letters, drop the marks. */
	uint8_t buf[64];
	size_t dlen = sizeof buf;
	uint8_t *d = u8_normalize(UNINORM_NFD, bytes, (size_t)len, buf, &dlen);
	int kept = 0;
	if (d) {
		const uint8_t *p = d, *end = d + dlen;
		while (p < end) {
			ucs4_t c;
			int l = u8_mbtouc(&c, p, (size_t)(end - p));
			if (c < 0x80 && !is_control(c)) {
				sb_addc(out, (char)c);
				kept++;
			}
			p += l;
		}
		if (d != buf)
			free(d);
	}
	if (!kept)
		sb_addc(out, '?');
}

/* See uitext.h. */
char *uitext_display(const char *s, size_t n, int ascii, size_t *map, size_t *outlen)
{
	strbuf out;
	sb_init(&out);
	const uint8_t *u = (const uint8_t *)s;
	size_t i = 0;
	while (i < n) {
		size_t len;
		text_hazard h = text_hazard_at(s, n, i, &len);
		for (size_t k = 0; map && k < len; k++)
			map[i + k] = out.len;
		if (h == TEXT_SAFE && ascii) {
			ucs4_t uc;
			u8_mbtouc(&uc, u + i, n - i);
			ascii_of(&out, uc, u + i, (int)len);
		} else if (h == TEXT_SAFE) {
			sb_add(&out, s + i, len);
		} else if (h == TEXT_CONTROL) {
			/* Same byte length, so offsets into the text stay valid. */
			for (size_t k = 0; k < (ascii ? 1 : len); k++)
				sb_addc(&out, ' ');
		} else if (h == TEXT_INVALID) {
			sb_adds(&out, ascii ? "?" : "\xEF\xBF\xBD");
		}
		/* TEXT_HIDDEN: bidi controls and invisible characters go. */
		i += len;
	}
	if (map)
		map[n] = out.len;
	if (outlen)
		*outlen = out.len;
	return sb_detach(&out);
}

/* Appends a line, cutting it between graphemes when it is still wider
 * than the width (one long word, a URL). */
static void push_line(const char *s, size_t start, size_t end, int width, uiline **lines, size_t *n,
                      size_t *cap)
{
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\n' || s[end - 1] == '\t'))
		end--;
	do {
		size_t len = end - start;
		if (width > 0 && text_width(s + start, len) > (size_t)width) {
			len = text_fit(s + start, len, (size_t)width);
			if (len == 0)
				len = uitext_next_grapheme(s, end, start) - start;
		}
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 8;
			*lines = xrealloc(*lines, *cap * sizeof **lines);
		}
		(*lines)[*n].start = start;
		(*lines)[*n].end = start + len;
		(*n)++;
		start += len;
	} while (start < end);
}

/* See uitext.h. */
size_t uitext_wrap(const char *s, size_t n, int width, uiline **lines)
{
	size_t count = 0, cap = 0;
	*lines = NULL;
	if (width < 1)
		width = 1;
	if (n == 0) {
		push_line(s, 0, 0, width, lines, &count, &cap);
		return count;
	}
	char *p = xmalloc(n);
	u8_width_linebreaks((const uint8_t *)s, n, width, 0, 0, NULL, "UTF-8", p);
	size_t start = 0;
	for (size_t i = 1; i < n; i++) {
		if (p[i] == UC_BREAK_POSSIBLE || p[i] == UC_BREAK_MANDATORY) {
			push_line(s, start, i, width, lines, &count, &cap);
			start = i;
		}
	}
	push_line(s, start, n, width, lines, &count, &cap);
	free(p);
	return count;
}

/* See uitext.h. */
size_t uitext_prev_grapheme(const char *s, size_t pos)
{
	if (pos == 0)
		return 0;
	const uint8_t *p = u8_grapheme_prev((const uint8_t *)s + pos, (const uint8_t *)s);
	return p ? (size_t)(p - (const uint8_t *)s) : 0;
}

/* See uitext.h. */
size_t uitext_next_grapheme(const char *s, size_t n, size_t pos)
{
	if (pos >= n)
		return n;
	const uint8_t *p = u8_grapheme_next((const uint8_t *)s + pos, (const uint8_t *)s + n);
	return p ? (size_t)(p - (const uint8_t *)s) : n;
}
