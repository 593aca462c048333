/* entity_tok.c: the word tokenizer of entity extraction: code-point
 * classes, matching keys, tokens with their case and sentence flags, and
 * the test for a Vietnamese syllable. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "entity_int.h"
#include "text.h"
#include "util.h"

/* ---- character classes and matching keys ---------------------------- */

/* Matching keys keep diacritics (so "bà" is not "Ba" and "Mỹ" is not
 * "My") but not where they sit: the key of a word is its lower-case base
 * letters, then, if it has any, a 0x01 byte and its marks in sorted order.
 * "hòa" and "hoà" (two spelling conventions) share the key. */

/* Works out the class and key parts of one code point with libunistring. */
static void cp_compute(ucs4_t uc, cp_info *ci)
{
	memset(ci, 0, sizeof *ci);
	if (uc_is_general_category(uc, UC_CATEGORY_M)) {
		ci->cls = C_MARK;
		if (uc < 0x10000) {
			ci->marks[0] = (uint16_t)uc;
			ci->nmarks = 1;
		}
		return;
	}
	if (uc_is_general_category(uc, UC_CATEGORY_Nd)) {
		ci->cls = C_DIGIT;
		ci->base = uc;
		return;
	}
	if (!uc_is_property_alphabetic(uc))
		return;
	ci->cls = C_ALPHA;
	if (uc_is_property_uppercase(uc) || uc_is_general_category(uc, UC_CATEGORY_Lt))
		ci->cls |= C_UPPER;
	else if (uc_is_property_lowercase(uc))
		ci->cls |= C_LOWER;
	/* The Vietnamese d with stroke folds to d, as in search; its stroke
	 * counts as a mark so that "Đức" and "Duc" keep distinct keys. */
	if (uc == 0x0110 || uc == 0x0111) {
		ci->base = 'd';
		ci->marks[0] = 0x0111;
		ci->nmarks = 1;
		return;
	}
	uint8_t buf[8];
	int n = u8_uctomb(buf, uc, sizeof buf);
	size_t dlen = 0;
	uint8_t *d = n > 0 ? u8_normalize(UNINORM_NFD, buf, (size_t)n, NULL, &dlen) : NULL;
	ucs4_t first = uc;
	if (d && dlen) {
		const uint8_t *p = d, *end = d + dlen;
		int len = u8_mbtouc(&first, p, (size_t)(end - p));
		p += len;
		while (p < end) {
			ucs4_t m;
			len = u8_mbtouc(&m, p, (size_t)(end - p));
			p += len;
			if (ci->nmarks < MAXMARKS && m < 0x10000 &&
			    uc_is_general_category(m, UC_CATEGORY_M))
				ci->marks[ci->nmarks++] = (uint16_t)m;
		}
	}
	free(d);
	ci->base = uc_tolower(first);
}

/* The class of uc beyond the table (punctuation, other scripts), worked
 * out without decomposing, which is slow and matters only for Latin
 * letters, all inside the table. */
static uint8_t cp_far_cls(ucs4_t uc)
{
	if (uc_is_general_category(uc, UC_CATEGORY_M))
		return C_MARK;
	if (uc_is_general_category(uc, UC_CATEGORY_Nd))
		return C_DIGIT;
	if (!uc_is_property_alphabetic(uc))
		return 0;
	if (uc_is_property_uppercase(uc))
		return C_ALPHA | C_UPPER;
	if (uc_is_property_lowercase(uc))
		return C_ALPHA | C_LOWER;
	return C_ALPHA;
}

/* The class and key parts of uc: from the table when it is covered, else
 * as cp_far_cls says, with the letter itself in lower case as its base. */
static cp_info cp_get(const cp_info *table, ucs4_t uc)
{
	if (uc < CP_TABLE)
		return table[uc];
	cp_info ci;
	memset(&ci, 0, sizeof ci);
	ci.cls = cp_far_cls(uc);
	if (ci.cls & C_DIGIT)
		ci.base = uc;
	else if (ci.cls & C_ALPHA)
		ci.base = uc_tolower(uc);
	return ci;
}

/* Just the class of uc, as cp_get has it: the tokenizer asks for nothing
 * more of most characters. */
static inline uint8_t cp_cls(const cp_info *table, ucs4_t uc)
{
	return uc < CP_TABLE ? table[uc].cls : cp_far_cls(uc);
}

/* A new table of the class and key parts of every code point below
 * CP_TABLE, worked out once per extractor. */
cp_info *ent_cp_table_new(void)
{
	cp_info *cp = xmalloc(CP_TABLE * sizeof *cp);
	for (ucs4_t uc = 0; uc < CP_TABLE; uc++)
		cp_compute(uc, &cp[uc]);
	return cp;
}

/* ---- tokens ---------------------------------------------------------- */

/* Top-level domains that turn "word.tld" into one token. */
static bool is_tld(const char *s, size_t n)
{
	static const char *const tlds[] = {"com", "net", "org", "vn", "gov", "edu", "info", "io",
	                                   "co",  "uk",  "ru",  "fr", "de",  "int", "news"};
	for (size_t i = 0; i < sizeof tlds / sizeof *tlds; i++)
		if (strlen(tlds[i]) == n && memcmp(tlds[i], s, n) == 0)
			return true;
	return false;
}

/* Whether folded letter c is a vowel of Vietnamese spelling. */
static inline bool vi_vowel(char c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* Whether s[il..n) can follow an initial consonant of il letters in a
 * Vietnamese syllable: one to three vowels and a permitted final. */
static bool vi_rhyme(const char *s, size_t n, size_t il)
{
	size_t v = il;
	while (v < n && vi_vowel(s[v]))
		v++;
	if (v == il || v - il > 3)
		return false;
	size_t fl = n - v;
	const char *f = s + v;
	return fl == 0 ||
	       (fl == 1 && (f[0] == 'c' || f[0] == 'm' || f[0] == 'n' || f[0] == 'p' ||
	                    f[0] == 't')) ||
	       (fl == 2 && ((f[0] == 'c' && f[1] == 'h') ||
	                    (f[0] == 'n' && (f[1] == 'g' || f[1] == 'h'))));
}

/* Whether folded letters s[0..n) can be one Vietnamese syllable: an
 * initial consonant, one to three vowels, and a permitted final. Foreign
 * names ("Kremlin", "Biden", "Horne") fail this; it tells the end of a
 * Vietnamese organization name from a foreign person's name after it. */
static bool vi_syllable(const char *s, size_t n)
{
	if (n == 0 || n > 7)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return false;
	/* the initial consonants a syllable may start with, by its first
	 * letter; where a longer one fits a shorter one may still be the
	 * initial ("gin" is g + in, not gi + n) */
	char c1 = n > 1 ? s[1] : '\0', c2 = n > 2 ? s[2] : '\0';
	switch (s[0]) {
	case 'b':
	case 'd':
	case 'h':
	case 'l':
	case 'm':
	case 'r':
	case 's':
	case 'v':
	case 'x':
		return vi_rhyme(s, n, 1);
	case 'c': /* ch, c */
	case 'k': /* kh, k */
	case 'p': /* ph, p */
		return (c1 == 'h' && vi_rhyme(s, n, 2)) || vi_rhyme(s, n, 1);
	case 'g': /* gh, gi, g */
		return ((c1 == 'h' || c1 == 'i') && vi_rhyme(s, n, 2)) || vi_rhyme(s, n, 1);
	case 'n': /* ngh, ng, nh, n */
		return (c1 == 'g' && c2 == 'h' && vi_rhyme(s, n, 3)) ||
		       ((c1 == 'g' || c1 == 'h') && vi_rhyme(s, n, 2)) || vi_rhyme(s, n, 1);
	case 'q': /* qu */
		return c1 == 'u' && vi_rhyme(s, n, 2);
	case 't': /* th, tr, t */
		return ((c1 == 'h' || c1 == 'r') && vi_rhyme(s, n, 2)) || vi_rhyme(s, n, 1);
	case 'a':
	case 'e':
	case 'i':
	case 'o':
	case 'u':
	case 'y':
		return vi_rhyme(s, n, 0);
	default:
		return false;
	}
}

/* Makes room for n more bytes in the key arena (sb_grow's terms, without
 * a call per token). */
static inline void keys_room(ctx *x, size_t n)
{
	if (x->keys.len + n + 1 > x->keys.cap)
		sb_grow(&x->keys, n);
}

/* Appends byte c to the key arena. */
static inline void key_addc(ctx *x, char c)
{
	keys_room(x, 1);
	x->keys.s[x->keys.len++] = c;
}

/* Writes mark m (a combining mark, below U+10000) as UTF-8 at o and
 * returns its length (0 for a surrogate, as u8_uctomb refuses it):
 * inline, for the marks of every Vietnamese word. */
static inline size_t mark_utf8(uint8_t *o, uint16_t m)
{
	if (m < 0x80) {
		o[0] = (uint8_t)m;
		return 1;
	}
	if (m < 0x800) {
		o[0] = (uint8_t)(0xC0 | (m >> 6));
		o[1] = (uint8_t)(0x80 | (m & 0x3F));
		return 2;
	}
	if (m >= 0xD800 && m < 0xE000)
		return 0;
	o[0] = (uint8_t)(0xE0 | (m >> 12));
	o[1] = (uint8_t)(0x80 | ((m >> 6) & 0x3F));
	o[2] = (uint8_t)(0x80 | (m & 0x3F));
	return 3;
}

/* Appends the matching key of text[s..e) to the arena and sets
 * *flags_out to the word's case, digit and syllable flags. */
static void make_key(ctx *x, size_t s, size_t e, uint32_t *flags_out)
{
	const uint8_t *p = (const uint8_t *)x->text + s, *end = (const uint8_t *)x->text + e;
	const cp_info *table = x->ex->cp;
	uint16_t marks[32];
	size_t nm = 0, nletters = 0, nupper = 0;
	uint32_t flags = 0;
	bool first = true;
	size_t base_start = x->keys.len;
	/* room for a base letter per byte left: an ASCII base comes from at
	 * least one byte, and a longer one makes room again */
	keys_room(x, (size_t)(end - p) + 8);
	char *kb = x->keys.s;
	size_t kl = x->keys.len;
	while (p < end) {
		const cp_info *ci;
		cp_info beyond; /* a character the table does not cover */
		if (*p < 0x80) {
			ci = &table[*p++];
		} else {
			ucs4_t uc;
			p += text_mbtouc(&uc, p, (size_t)(end - p));
			if (uc < CP_TABLE) {
				ci = &table[uc];
			} else {
				beyond = cp_get(table, uc);
				ci = &beyond;
			}
		}
		if (ci->cls & C_ALPHA) {
			nletters++;
			if (ci->cls & C_UPPER)
				nupper++;
			if (first)
				flags |= (ci->cls & C_UPPER)   ? T_CAP
				         : (ci->cls & C_LOWER) ? T_LOWER
				                               : 0;
			first = false;
		} else if (ci->cls & C_DIGIT) {
			flags |= T_DIGIT;
			first = false;
		}
		if (ci->base && ci->base < 0x80) {
			kb[kl++] = (char)ci->base;
		} else if (ci->base) {
			uint8_t buf[8];
			int n = u8_uctomb(buf, ci->base, sizeof buf);
			x->keys.len = kl;
			if (n > 0)
				sb_add(&x->keys, (const char *)buf, (size_t)n);
			keys_room(x, (size_t)(end - p) + 8);
			kb = x->keys.s;
			kl = x->keys.len;
		}
		if (ci->nmarks)
			for (int i = 0; i < ci->nmarks && nm < 32; i++)
				marks[nm++] = ci->marks[i];
	}
	x->keys.len = kl;
	if (nletters >= 2 && nupper == nletters)
		flags |= T_ALLCAPS;
	size_t blen = x->keys.len - base_start;
	if (!(flags & T_DIGIT) && nletters && vi_syllable(x->keys.s + base_start, blen))
		flags |= T_VI;
	if (nm) {
		/* insertion sort: a word has a handful of marks */
		for (size_t i = 1; i < nm; i++)
			for (size_t j = i; j > 0 && marks[j - 1] > marks[j]; j--) {
				uint16_t tmp = marks[j];
				marks[j] = marks[j - 1];
				marks[j - 1] = tmp;
			}
		/* a mark (below U+10000) takes at most 3 bytes */
		keys_room(x, 1 + 3 * nm);
		x->keys.s[x->keys.len++] = '\x01';
		for (size_t i = 0; i < nm; i++)
			x->keys.len += mark_utf8((uint8_t *)x->keys.s + x->keys.len, marks[i]);
	}
	*flags_out = flags;
}

/* Adds a token for text[s..e). */
static void push_tok(ctx *x, size_t s, size_t e, uint32_t flags)
{
	if (x->nt == x->capt) {
		x->capt = x->capt ? x->capt * 2 : 256;
		x->t = xrealloc(x->t, x->capt * sizeof *x->t);
	}
	tok *t = &x->t[x->nt++];
	t->start = (uint32_t)s;
	t->end = (uint32_t)e;
	t->key = (uint32_t)x->keys.len;
	uint32_t kf = 0;
	if (flags & T_WORD) {
		make_key(x, s, e, &kf);
	} else if (flags & T_DASH) {
		key_addc(x, '-'); /* "-", "–" and "—" match alike */
	} else {
		sb_add(&x->keys, x->text + s, e - s);
	}
	t->klen = (uint32_t)(x->keys.len - t->key);
	t->hash = word_hash(x->keys.s + t->key, t->klen);
	/* keys are separated as in a phrase's key, so that the keys of tokens
	 * k..j read as the key of that token sequence */
	key_addc(x, ' ');
	t->flags = flags | kf;
	t->memo = false;
}

/* Class of the code point at i (and its length in *len). */
static inline uint8_t class_at(const ctx *x, size_t i, int *len)
{
	unsigned char c = (unsigned char)x->text[i];
	if (c < 0x80) {
		*len = 1;
		return x->ex->cp[c].cls;
	}
	ucs4_t uc;
	*len = text_mbtouc(&uc, (const uint8_t *)x->text + i, x->len - i);
	return cp_cls(x->ex->cp, uc);
}

/* Whether the code point at i is a letter, digit or mark. */
static bool wordch_at(const ctx *x, size_t i)
{
	if (i >= x->len)
		return false;
	int len;
	return (class_at(x, i, &len) & (C_ALPHA | C_DIGIT | C_MARK)) != 0;
}

/* Cuts the current field into word and punctuation tokens and marks
 * sentence starts. */
void ent_tokenize(ctx *x)
{
	x->nt = 0;
	sb_clear(&x->keys);
	/* tokens take more than four bytes on average: most fields need no
	 * more room than this */
	if (x->capt < x->len / 4 + 16) {
		x->capt = x->len / 4 + 16;
		x->t = xrealloc(x->t, x->capt * sizeof *x->t);
	}
	size_t i = 0;
	bool space = true, para = true;
	while (i < x->len) {
		unsigned char c = (unsigned char)x->text[i];
		if (c == '\n') {
			push_tok(x, i, i + 1, T_BREAK);
			i++;
			space = para = true;
			continue;
		}
		if (c == ' ' || c == '\t' || c == '\r') {
			i++;
			space = true;
			continue;
		}
		int len = 1;
		ucs4_t uc = c;
		uint8_t cls;
		if (c < 0x80) {
			cls = x->ex->cp[c].cls;
		} else {
			len = text_mbtouc(&uc, (const uint8_t *)x->text + i, x->len - i);
			cls = cp_cls(x->ex->cp, uc);
		}
		if (uc == 0xA0 || (c >= 0x80 && !cls && uc_is_space(uc))) {
			i += (size_t)len;
			space = true;
			continue;
		}
		uint32_t fl = (space ? T_SPACE : 0) | (para ? T_PARA : 0);
		space = para = false;
		if (!(cls & (C_ALPHA | C_DIGIT | C_MARK))) {
			uint32_t pf = fl;
			if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' ||
			    uc == 0x2026)
				pf |= T_BREAK;
			if (c == '(' || c == '[' || uc == 0x201C || uc == 0x2018 || uc == 0xAB)
				pf |= T_OPEN;
			if (c == '(')
				pf |= T_LPAREN;
			if ((c == '"' || c == '\'') && (fl & T_SPACE))
				pf |= T_OPEN;
			if (c == '-' || uc == 0x2013 || uc == 0x2014)
				pf |= T_DASH;
			if (c == '/' || c == ',' || c == ';')
				pf |= T_SEP;
			push_tok(x, i, i + (size_t)len, pf);
			i += (size_t)len;
			continue;
		}
		/* a word: letters, digits and marks, with joiners inside */
		size_t s = i;
		bool domain = false;
		for (;;) {
			while (i < x->len) {
				if (!(class_at(x, i, &len) & (C_ALPHA | C_DIGIT | C_MARK)))
					break;
				i += (size_t)len;
			}
			if (i + 1 >= x->len)
				break;
			unsigned char d = (unsigned char)x->text[i];
			ucs4_t j;
			int jl = text_mbtouc(&j, (const uint8_t *)x->text + i, x->len - i);
			if ((d == '\'' || j == 0x2019) && wordch_at(x, i + (size_t)jl)) {
				/* O'Brien, d'Ivoire joined; the English possessive 's is not */
				size_t k = i + (size_t)jl;
				if ((x->text[k] == 's') && !wordch_at(x, k + 1))
					break;
				i = k;
				continue;
			}
			if (d == '.' && wordch_at(x, i + 1)) {
				size_t k = i + 1, ke = k;
				while (wordch_at(x, ke)) {
					class_at(x, ke, &len);
					ke += (size_t)len;
				}
				if (is_tld(x->text + k, ke - k)) {
					i = ke;
					domain = true;
					continue;
				}
				/* TP.HCM, U.S.: capitals on both sides of the dot; but
				 * "TP.Bến Tre", "Q.Bình Thạnh" are a unit's short form
				 * glued to a name */
				int l1, l2;
				uint8_t a = class_at(x, i - 1, &l1);
				uint8_t b = class_at(x, k, &l2);
				bool left_caps = true, right_caps = true;
				for (size_t q = s; q < i;) {
					if (class_at(x, q, &l1) & C_LOWER)
						left_caps = false;
					q += (size_t)l1;
				}
				for (size_t q = k; q < ke;) {
					if (class_at(x, q, &l1) & C_LOWER)
						right_caps = false;
					q += (size_t)l1;
				}
				if (left_caps && right_caps && (a & C_UPPER) && (b & C_UPPER)) {
					i = k;
					continue;
				}
			}
			break;
		}
		/* U.S. keeps its last dot: single capitals joined by dots */
		if (i < x->len && x->text[i] == '.' && i - s >= 3 && x->text[i - 2] == '.' &&
		    !wordch_at(x, i + 1))
			i++;
		push_tok(x, s, i, T_WORD | fl | (domain ? T_DOMAIN : 0));
	}
	/* sentence starts: after a break, an opening quote or bracket, a spaced
	 * dash, or at the start of the field */
	bool initial = true;
	for (size_t k = 0; k < x->nt; k++) {
		tok *t = &x->t[k];
		if (t->flags & T_WORD) {
			if (initial)
				t->flags |= T_INITIAL;
			initial = false;
		} else if (t->flags & (T_BREAK | T_OPEN)) {
			initial = true;
		} else if ((t->flags & T_DASH) && (t->flags & T_SPACE)) {
			initial = true;
		} else if (x->text[t->start] == '"' || x->text[t->start] == '\'') {
			/* a closing quote keeps the state it found */
		} else {
			initial = false;
		}
		if (x->titlecase && (t->flags & T_WORD))
			t->flags |= T_INITIAL;
	}
}

/* Whether token k is a brand's word with a capital inside after a
 * syllable ("OceanBank", "AkzoNobel", "YouTube"), a bank's name made
 * one word ("Oceanbank", "Techcombank"), a Vietnamese company's made
 * one word with "Viet" or "Vina" ("Vietlott"), or an acronym of three capitals
 * or more that goes on in lower case ("TPBank", "PVOil", "FAPtv"; not an
 * acronym's plural, "CEOs", a unit, "MHz", nor a stage name, "MLee"): no
 * person's name. Names of people written
 * so have a short particle before the capital ("McDonald", "LeBron",
 * "DiCaprio", "MacArthur", "VanVleet"). */
bool ent_camel_word(const ctx *x, size_t k)
{
	const tok *t = &x->t[k];
	if (!(t->flags & T_CAP) || (t->flags & T_ALLCAPS))
		return false;
	const char *s = x->text + t->start;
	size_t n = t->end - t->start;
	if (n >= 7 && memcmp(s + n - 4, "bank", 4) == 0)
		return true;
	/* "Vietlott", "Vinaconex": Vietnamese companies' names made one
	 * word from "Viet" or "Vina" (not the people, "Vietnamese") */
	if (n >= 7 && (memcmp(s, "Viet", 4) == 0 || memcmp(s, "Vina", 4) == 0) &&
	    s[4] >= 'a' && s[4] <= 'z' && !(n == 10 && memcmp(s, "Vietnamese", 10) == 0))
		return true;
	size_t caps = 0, lower = 0;
	while (caps < n && s[caps] >= 'A' && s[caps] <= 'Z')
		caps++;
	while (caps + lower < n && s[caps + lower] >= 'a' && s[caps + lower] <= 'z')
		lower++;
	if (caps >= 3 && lower >= 2)
		return true;
	for (size_t i = 3; i < n; i++) {
		if (!(s[i] >= 'A' && s[i] <= 'Z') || !(s[i - 1] >= 'a' && s[i - 1] <= 'z'))
			continue;
		static const char *const particles[] = {"Mac", "Van", "Von", "Del", "Des", "Dal"};
		for (size_t p = 0; p < sizeof particles / sizeof *particles; p++)
			if (i == 3 && memcmp(s, particles[p], 3) == 0)
				return false;
		/* "HuyMe", "LinhKa": a Vietnamese given name glued to a
		 * nickname is a stage name (a vlogger's, a singer's) */
		char key[8];
		for (size_t j = 0; j < i && i < sizeof key; j++)
			key[j] = (char)(s[j] | 0x20);
		if (i < sizeof key && (ent_key_vi_name(x->ex, key, i) & VN_GIVEN))
			return false;
		return true;
	}
	return false;
}
