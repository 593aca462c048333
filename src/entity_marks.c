/* entity_marks.c: the marks that tell Vietnamese names apart. Folding
 * drops diacritics, which is right for foreign names (José = Jose, Zürich
 * = Zurich) but merges different Vietnamese names: the ward Đúc and Đức
 * (Germany), Trần Thành and Trấn Thành. A word is Vietnamese-marked when
 * it has a letter only Vietnamese writes: đ, a horn (ơ ư), a breve on a
 * (ă), a dot below or hook above on a vowel, or a tone on a vowel with a
 * circumflex, horn or breve. Such a word's marks are written as a short
 * code in Telex letters: each modified letter's pair (dd, aa, aw, ee, oo,
 * ow, uw) in order, then the tone (s f r x j). The code does not say
 * where the tone sits, so Thủy = Thuỷ and Hòa = Hoà; case never counts. */
#include "config.h"

#include <pthread.h>
#include <string.h>

#include <unistr.h>
#include <uninorm.h>

#include "entity_int.h"
#include "text.h"

/* The marks a letter can carry, as bits. */
enum {
	MK_CIRC = 1,   /* U+0302 */
	MK_BREVE = 2,  /* U+0306 */
	MK_HORN = 4,   /* U+031B */
	MK_GRAVE = 8,  /* U+0300 */
	MK_ACUTE = 16, /* U+0301 */
	MK_TILDE = 32, /* U+0303 */
	MK_HOOK = 64,  /* U+0309 */
	MK_DOT = 128,  /* U+0323 */
	MK_TONES = MK_GRAVE | MK_ACUTE | MK_TILDE | MK_HOOK | MK_DOT,
};

/* The mark bit of combining character uc, or 0 for any other. */
static unsigned mark_bit(ucs4_t uc)
{
	switch (uc) {
	case 0x302:
		return MK_CIRC;
	case 0x306:
		return MK_BREVE;
	case 0x31B:
		return MK_HORN;
	case 0x300:
		return MK_GRAVE;
	case 0x301:
		return MK_ACUTE;
	case 0x303:
		return MK_TILDE;
	case 0x309:
		return MK_HOOK;
	case 0x323:
		return MK_DOT;
	default:
		return 0;
	}
}

/* Splits uc into its base letter and the marks above, by libunistring's
 * canonical decompositions (ấ is â + acute, â is a + circumflex). */
static ucs4_t decompose(ucs4_t uc, unsigned *marks)
{
	ucs4_t d[UC_DECOMPOSITION_MAX_LENGTH];
	for (int depth = 0; depth < 4; depth++) {
		int n = uc_canonical_decomposition(uc, d);
		if (n < 2)
			break;
		for (int i = 1; i < n; i++)
			*marks |= mark_bit(d[i]);
		uc = d[0];
	}
	return uc;
}

/* The base letter and marks of the code points below U+0250 and of
 * U+1EA0..U+1EFF (Latin with diacritics: every Vietnamese letter), worked
 * out once with decompose(): entity_key runs for every entity of every
 * article, and a table read is a fraction of two libunistring lookups. */
#define LATIN_END 0x250
#define VIET_START 0x1EA0
#define VIET_END 0x1F00
static struct letter {
	uint16_t base;
	uint8_t marks;
} latin[LATIN_END], viet[VIET_END - VIET_START];
static pthread_once_t letters_once = PTHREAD_ONCE_INIT;

/* Fills the tables (once, pthread_once). */
static void letters_init(void)
{
	for (ucs4_t uc = 0; uc < LATIN_END; uc++) {
		unsigned m = 0;
		latin[uc].base = (uint16_t)decompose(uc, &m);
		latin[uc].marks = (uint8_t)m;
	}
	for (ucs4_t uc = VIET_START; uc < VIET_END; uc++) {
		unsigned m = 0;
		ucs4_t b = decompose(uc, &m);
		viet[uc - VIET_START].base = (uint16_t)(b < 0x10000 ? b : 0);
		viet[uc - VIET_START].marks = (uint8_t)m;
	}
}

/* decompose(), from the tables where they cover uc. */
static ucs4_t letter_of(ucs4_t uc, unsigned *marks)
{
	const struct letter *l = uc < LATIN_END                      ? &latin[uc]
	                         : uc >= VIET_START && uc < VIET_END ? &viet[uc - VIET_START]
	                                                             : NULL;
	if (!l || !l->base)
		return decompose(uc, marks);
	*marks = l->marks;
	return l->base;
}

/* Adds the marks of one letter (base b, marks m) to the code being built:
 * its vowel marks' pairs, its tone into *tone. Returns whether they are
 * Vietnamese's own. */
static bool letter_marks(ucs4_t b, unsigned m, char *code, size_t *len, char *tone)
{
	if (b == 0x110 || b == 0x111) { /* Đ đ */
		if (*len + 2 <= ENT_MARKS_MAX) {
			code[(*len)++] = 'd';
			code[(*len)++] = 'd';
		}
		return true;
	}
	if (b >= 'A' && b <= 'Z')
		b += 'a' - 'A';
	if (b >= 0x80 || !m || !strchr("aeiouy", (int)b))
		return false;
	bool vi = false;
	char pair = 0;
	if ((m & MK_CIRC) && (b == 'a' || b == 'e' || b == 'o'))
		pair = (char)b;
	else if ((m & MK_BREVE) && b == 'a')
		pair = 'w', vi = true;
	else if ((m & MK_HORN) && (b == 'o' || b == 'u'))
		pair = 'w', vi = true;
	if (pair && *len + 2 <= ENT_MARKS_MAX) {
		code[(*len)++] = (char)b;
		code[(*len)++] = pair;
	}
	if (m & MK_TONES) {
		if (m & (MK_HOOK | MK_DOT))
			vi = true;
		else if (pair)
			vi = true; /* a tone on â ê ô ă ơ ư */
		if (!*tone)
			*tone = (m & MK_GRAVE)   ? 'f'
			        : (m & MK_ACUTE) ? 's'
			        : (m & MK_TILDE) ? 'x'
			        : (m & MK_HOOK)  ? 'r'
			                         : 'j';
	}
	return vi;
}

/* See entity_int.h. */
size_t ent_word_marks(const char *s, size_t n, char code[ENT_MARKS_MAX + 1])
{
	size_t i = 0;
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	if (i == n)
		return 0; /* ASCII: no marks (the common case) */
	pthread_once(&letters_once, letters_init);
	size_t len = 0;
	char tone = 0;
	bool vi = false;
	ucs4_t base = 0;
	unsigned marks = 0;
	i = 0;
	while (i < n) {
		ucs4_t uc;
		int l = text_mbtouc(&uc, (const uint8_t *)s + i, n - i);
		i += (size_t)l;
		unsigned bit = mark_bit(uc);
		if (bit && base) {
			/* a mark written apart from its letter (text not in NFC) */
			marks |= bit;
			continue;
		}
		if (marks || base == 0x110 || base == 0x111)
			vi |= letter_marks(base, marks, code, &len, &tone);
		marks = 0;
		base = uc < 0x80 ? uc : letter_of(uc, &marks);
	}
	if (marks || base == 0x110 || base == 0x111)
		vi |= letter_marks(base, marks, code, &len, &tone);
	if (!vi)
		return 0;
	if (tone && len < ENT_MARKS_MAX)
		code[len++] = tone;
	code[len] = '\0';
	return len;
}
