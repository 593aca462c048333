/* termsafe.c: the one guard between lede's strings and a terminal
 * (declared in text.h). Article text, titles, entity names, file names
 * and echoed arguments all pass text_hazard_at before they are printed
 * or drawn: a file name or an article must never be able to send the
 * terminal a command (ESC, 8-bit CSI 0x9b, OSC 52 that sets the
 * clipboard), nor make text read other than it is stored (bidi
 * overrides that reorder "bidi-<U+202E>txt.exe" into "bidi-exe.txt",
 * zero-width characters that hide or glue words).
 *
 * What is kept: every visible character, combining marks (Vietnamese
 * needs nothing else), variation selectors, and the joiners where a
 * script needs them (see joiner_needed). Strong right-to-left letters
 * keep their natural direction: only the invisible controls that
 * override it go. */
#include "config.h"

#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "text.h"
#include "util.h"

#define ZWNJ 0x200C
#define ZWJ  0x200D

/* Whether the joiner uc at s[i] (of len bytes) does work in its place,
 * by the CONTEXTJ rules of RFC 5892 (the ones domain names use against
 * look-alikes): either joiner after a virama (Indic conjuncts), ZWNJ
 * between letters that join in Arabic script (Persian "mi<ZWNJ>khwaham"),
 * and ZWJ inside an emoji sequence (family and profession emoji). Next to
 * a Latin letter, or alone, a joiner only hides a difference. */
static int joiner_needed(const uint8_t *s, size_t n, size_t i, ucs4_t uc, size_t len)
{
	ucs4_t before;
	if (!u8_prev(&before, s + i, s))
		return 0;
	if (uc_combining_class(before) == UC_CCC_VR)
		return 1;
	ucs4_t after = 0;
	if (i + len < n && u8_mbtouc(&after, s + i + len, n - i - len) <= 0)
		after = 0;
	if (uc == ZWJ)
		return uc_is_property_extended_pictographic(after) &&
		       (uc_is_property_extended_pictographic(before) ||
		        uc_is_property_emoji_modifier(before) || before == 0xFE0F);
	/* ZWNJ: (L|D) T* ZWNJ T* (R|D), T being transparent marks. */
	const uint8_t *p = s + i;
	ucs4_t c;
	while ((p = u8_prev(&c, p, s)) && uc_joining_type(c) == UC_JOINING_TYPE_T)
		;
	if (!p ||
	    (uc_joining_type(c) != UC_JOINING_TYPE_L && uc_joining_type(c) != UC_JOINING_TYPE_D))
		return 0;
	size_t j = i + len;
	while (j < n) {
		int k = u8_mbtouc(&c, s + j, n - j);
		if (k <= 0 || uc_joining_type(c) != UC_JOINING_TYPE_T)
			break;
		j += (size_t)k;
	}
	if (j >= n)
		return 0;
	return uc_joining_type(c) == UC_JOINING_TYPE_R || uc_joining_type(c) == UC_JOINING_TYPE_D;
}

/* See text.h. */
text_hazard text_hazard_at(const char *str, size_t n, size_t i, size_t *len)
{
	const uint8_t *s = (const uint8_t *)str;
	uint8_t c = s[i];
	*len = 1;
	if (c < 0x80)
		return c < 0x20 || c == 0x7F ? TEXT_CONTROL : TEXT_SAFE;
	ucs4_t uc;
	int k = u8_mbtoucr(&uc, s + i, n - i);
	if (k < 0)
		return TEXT_INVALID;
	*len = (size_t)k;
	/* C1 controls (U+009B is CSI), and the line and paragraph
	 * separators, which break lines as no other character does. */
	if (uc <= 0x9F || uc == 0x2028 || uc == 0x2029)
		return TEXT_CONTROL;
	/* Latin-1 letters, Latin Extended, IPA, combining diacritics and
	 * precomposed Vietnamese hold no hidden character but the soft
	 * hyphen: most text decides here, without the property tables
	 * (test_text.c checks the claim). */
	if ((uc <= 0x36F && uc != 0xAD) || (uc >= 0x1E00 && uc <= 0x1EFF))
		return TEXT_SAFE;
	if (uc == ZWNJ || uc == ZWJ)
		return joiner_needed(s, n, i, uc, *len) ? TEXT_SAFE : TEXT_HIDDEN;
	/* Format characters: the bidi controls (U+202A..202E, 2066..2069,
	 * 200E/200F, 061C), ZWSP, word joiner, BOM, soft hyphen, tags,
	 * interlinear annotations. Default-ignorable characters that are not
	 * marks: Hangul fillers and the like, blank letters. Marks that are
	 * default-ignorable (variation selectors, CGJ, Mongolian free
	 * variation selectors) shape the letter before them and stay. */
	if (uc_is_general_category(uc, UC_CATEGORY_Cf) ||
	    (uc_is_property_default_ignorable_code_point(uc) &&
	     !uc_is_general_category(uc, UC_CATEGORY_M)))
		return TEXT_HIDDEN;
	return TEXT_SAFE;
}

/* See text.h. */
char *text_printable(const char *s)
{
	size_t n = strlen(s);
	strbuf b;
	sb_init(&b);
	sb_grow(&b, n);
	b.s[0] = '\0';
	/* Safe characters are copied a run at a time: text is mostly safe. */
	size_t run = 0, i = 0;
	while (i < n) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
			i++;
			continue;
		}
		size_t len;
		text_hazard h = text_hazard_at(s, n, i, &len);
		if (h == TEXT_SAFE) {
			i += len;
			continue;
		}
		sb_add(&b, s + run, i - run);
		if (h == TEXT_CONTROL)
			sb_addc(&b, ' ');
		else if (h == TEXT_INVALID)
			sb_adds(&b, "\xEF\xBF\xBD"); /* a Latin-1 terminal would read C1 */
		/* TEXT_HIDDEN: nothing. */
		i += len;
		run = i;
	}
	sb_add(&b, s + run, n - run);
	return sb_detach(&b);
}

/* See text.h. */
char *text_escaped(const char *s, size_t max_cols)
{
	size_t n = strlen(s);
	strbuf b;
	sb_init(&b);
	sb_grow(&b, n);
	b.s[0] = '\0';
	size_t i = 0;
	while (i < n) {
		size_t len;
		text_hazard h = text_hazard_at(s, n, i, &len);
		if (h == TEXT_SAFE && s[i] != '\\') {
			sb_add(&b, s + i, len);
		} else if (s[i] == '\\') {
			sb_adds(&b, "\\\\");
		} else if (h == TEXT_INVALID || len == 1) {
			sb_printf(&b, "\\x%02x", (unsigned char)s[i]);
		} else {
			ucs4_t uc;
			u8_mbtouc(&uc, (const uint8_t *)s + i, len);
			sb_printf(&b, uc > 0xFFFF ? "\\U%08x" : "\\u%04x", (unsigned)uc);
		}
		i += len;
	}
	if (max_cols > 3 && text_width(b.s, b.len) > max_cols) {
		b.len = text_fit(b.s, b.len, max_cols - 3);
		sb_adds(&b, "...");
	}
	return sb_detach(&b);
}
