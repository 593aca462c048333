/* entity.c: named-entity extraction and within-article linking for
 * Vietnamese and English news (see entity.h; every rule is described in
 * HACKING, section "Entities").
 *
 * The work per article is linear: each field is cut into tokens once, each
 * token gets a matching key once, and gazetteer and cue phrases are found
 * with an open-addressing hash table over keys of whole token sequences.
 * Token keys sit in one arena, separated as in those keys, so that a
 * sequence's key is a stretch of the arena and never has to be copied. */
#include "config.h"

#include "entity.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <uninorm.h>
#include <unistr.h>

#include "datafile.h"
#include "text.h"
#include "util.h"

/* ---- character classes and matching keys ---------------------------- */

/* Matching keys keep diacritics (so "bà" is not "Ba" and "Mỹ" is not
 * "My") but not where they sit: the key of a word is its lower-case base
 * letters, then, if it has any, a 0x01 byte and its marks in sorted order.
 * "hòa" and "hoà" (two spelling conventions) share the key. */

#define CP_TABLE 0x2000 /* code points below this have a precomputed entry */
#define MAXMARKS 3

enum { C_ALPHA = 1, C_UPPER = 2, C_LOWER = 4, C_MARK = 8, C_DIGIT = 16 };

typedef struct cp_info {
	uint32_t base;            /* lower-case base letter, 0 for a lone mark */
	uint16_t marks[MAXMARKS]; /* combining marks of the decomposition */
	uint8_t nmarks;
	uint8_t cls;
} cp_info;

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

/* ---- phrase tables -------------------------------------------------- */

/* Gazetteer entries and cue phrases both live in one open-addressing hash
 * table keyed by the matching key of their whole token sequence. */

enum cue_kind {
	CUE_TITLE = 1u << 0,
	CUE_HONORIFIC = 1u << 1,
	CUE_ORG_HEAD = 1u << 2,
	CUE_ORG_HEAD_LOC = 1u << 3,
	CUE_ORG_SUFFIX = 1u << 4,
	CUE_ORG_PRE = 1u << 5,
	CUE_LOC_HEAD = 1u << 6,
	CUE_LOC_CUE = 1u << 7,
	CUE_LOC_SUFFIX = 1u << 8,
	CUE_LOC_PREP = 1u << 9,
	CUE_PER_POST = 1u << 10,
	CUE_CONNECTOR = 1u << 11,
	CUE_STOP = 1u << 12,
	CUE_STOP_ACRO = 1u << 13,
	CUE_PARTICLE = 1u << 14,
	CUE_MISC_SUFFIX = 1u << 15,
	CUE_FUNCTION = 1u << 16,
	CUE_LOC_ADMIN = 1u << 17,
	CUE_PER_PRE = 1u << 18,
	CUE_MISC_HEAD = 1u << 19,
	CUE_SURNAME = 1u << 20,
};

static const struct {
	const char *name;
	unsigned kind;
} cue_names[] = {
    {"title", CUE_TITLE},
    {"honorific", CUE_HONORIFIC},
    {"org-head", CUE_ORG_HEAD},
    {"org-head+", CUE_ORG_HEAD_LOC},
    {"org-suffix", CUE_ORG_SUFFIX},
    {"org-pre", CUE_ORG_PRE},
    {"loc-head", CUE_LOC_HEAD},
    {"loc-cue", CUE_LOC_CUE},
    {"loc-suffix", CUE_LOC_SUFFIX},
    {"loc-prep", CUE_LOC_PREP},
    {"per-post", CUE_PER_POST},
    {"connector", CUE_CONNECTOR},
    {"stop", CUE_STOP},
    {"stop-acro", CUE_STOP_ACRO},
    {"particle", CUE_PARTICLE},
    {"misc-suffix", CUE_MISC_SUFFIX},
    {"function", CUE_FUNCTION},
    {"loc-admin", CUE_LOC_ADMIN},
    {"per-pre", CUE_PER_PRE},
    {"misc-head", CUE_MISC_HEAD},
    {"surname", CUE_SURNAME},
};

#define MAXPHRASE 12 /* tokens in the longest phrase looked up */

typedef struct phrase {
	char *key; /* matching key of the token sequence */
	uint32_t keylen;
	uint8_t ntok;
	/* gazetteer part */
	int8_t type;       /* entity_type, or -1 when only a cue */
	bool not_initial;  /* common word too: not at a sentence start */
	uint32_t need_cap; /* bit i: token i must start upper case */
	uint32_t need_all; /* bit i: token i must be all capitals */
	char *canonical;
	/* cue part */
	unsigned cue_any; /* cue kinds matching in any case */
	unsigned cue_cap; /* cue kinds matching only when capitalized */
} phrase;

struct entity_extractor {
	cp_info *cp; /* CP_TABLE entries */
	phrase *ph;  /* all phrases */
	size_t nph, capph;
	uint32_t *slots; /* hash slots: phrase index + 1, 0 when empty */
	size_t nslots;
	/* first-token keys of all phrases, with their lengths and the longest
	 * phrase length */
	char **first;
	uint32_t *firstlen;
	uint8_t *firstmax;
	uint32_t *fslots;
	size_t nfirst, capfirst, nfslots;
};

#define FNV_BASIS 2166136261u

/* Continues a 32-bit FNV-1a hash over n more bytes: the scanner hashes a
 * growing sequence of tokens once, not once per length. */
static uint32_t fnv_more(uint32_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* FNV-1a over a key: spreads short keys well enough for a few thousand. */
static uint32_t key_hash(const char *s, size_t n)
{
	return fnv_more(FNV_BASIS, s, n);
}

/* Index of the phrase with this key and hash, or -1. */
static long ph_find_h(const entity_extractor *ex, const char *key, size_t n, uint32_t h)
{
	if (!ex->nslots)
		return -1;
	size_t mask = ex->nslots - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint32_t v = ex->slots[i];
		if (!v)
			return -1;
		const phrase *p = &ex->ph[v - 1];
		if (p->keylen == n && memcmp(p->key, key, n) == 0)
			return (long)(v - 1);
	}
}

/* Index of the phrase with this key, or -1. */
static long ph_find(const entity_extractor *ex, const char *key, size_t n)
{
	return ph_find_h(ex, key, n, key_hash(key, n));
}

/* Longest phrase length starting with this first-token key (hash h),
 * 0 if none. */
static int first_max(const entity_extractor *ex, const char *key, size_t n, uint32_t h)
{
	if (!ex->nfslots)
		return 0;
	size_t mask = ex->nfslots - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint32_t v = ex->fslots[i];
		if (!v)
			return 0;
		if (ex->firstlen[v - 1] == n && memcmp(ex->first[v - 1], key, n) == 0)
			return ex->firstmax[v - 1];
	}
}

/* Rebuilds an open-addressing table of `n` string keys into *slots. */
static void rehash(uint32_t **slots, size_t *nslots, size_t n,
                   const char *(*keyof)(const void *, size_t), const void *arg)
{
	size_t size = 64;
	while (size < n * 2 + 1)
		size <<= 1;
	free(*slots);
	*slots = xcalloc(size, sizeof **slots);
	*nslots = size;
	for (size_t k = 0; k < n; k++) {
		const char *key = keyof(arg, k);
		for (size_t i = key_hash(key, strlen(key)) & (size - 1);;
		     i = (i + 1) & (size - 1)) {
			if (!(*slots)[i]) {
				(*slots)[i] = (uint32_t)(k + 1);
				break;
			}
		}
	}
}

/* Key of phrase k, for rehash. */
static const char *ph_keyof(const void *arg, size_t k)
{
	return ((const entity_extractor *)arg)->ph[k].key;
}

/* Key of first-token entry k, for rehash. */
static const char *first_keyof(const void *arg, size_t k)
{
	return ((const entity_extractor *)arg)->first[k];
}

/* ---- tokens ---------------------------------------------------------- */

enum tok_flag {
	T_WORD = 1u << 0,
	T_CAP = 1u << 1,     /* first letter upper case */
	T_ALLCAPS = 1u << 2, /* two or more letters, none lower case */
	T_LOWER = 1u << 3,   /* first letter lower case */
	T_DIGIT = 1u << 4,
	T_INITIAL = 1u << 5, /* starts a sentence, a quote or a paragraph */
	T_VI = 1u << 6,      /* spelled like a Vietnamese syllable */
	T_BREAK = 1u << 7,   /* sentence-ending punctuation or a line end */
	T_OPEN = 1u << 8,    /* opening quote or bracket */
	T_PARA = 1u << 9,    /* first token of a line */
	T_SPACE = 1u << 10,  /* white space before the token */
	T_DOMAIN = 1u << 11, /* "APnews.com" */
	T_DASH = 1u << 12,
	T_SEP = 1u << 13, /* '/', ',' or ';' */
	T_LPAREN = 1u << 14,
};

typedef struct tok {
	uint32_t start, end; /* bytes in the field */
	uint32_t key, klen;  /* matching key in the context's key arena */
	uint32_t flags;
	/* the phrase lookups starting here, done together once when first
	 * asked for (memo) */
	bool memo;
	uint8_t gaz_n, cue_n;
	unsigned cue_kinds;
	const phrase *gaz, *cue;
} tok;

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

/* Per-call state: the extractor is shared and read-only, so everything an
 * extraction writes lives here. */
/* The fields an article has (article_field). */
#define FIELDS 5

typedef struct cand cand;
typedef struct uniq uniq;
typedef struct cref cref;

typedef struct ctx {
	const entity_extractor *ex;
	const char *text; /* current field */
	size_t len;
	int field;
	bool en;        /* English article */
	bool titlecase; /* English headline in Title Case: capitals prove nothing */
	strbuf keys;    /* arena of token keys */
	tok *t;
	size_t nt, capt;
	cand *c; /* the candidates of the window being scanned */
	size_t nc, capc;
	/* the unique names found so far (see fold_cands), their hash table
	 * (index + 1, 0 empty), and the candidates of finished windows */
	uniq *u;
	size_t nu, capu;
	uint32_t *slots;
	size_t nslots;
	cref *r;
	size_t nr, capr;
	/* the fields of the crefs, in the order scanned: crefs from
	 * field_end[i - 1] (0 for i = 0) to field_end[i] are field_of[i]'s */
	size_t field_end[FIELDS];
	uint8_t field_of[FIELDS];
	size_t nfields;
	/* the crefs whose candidate names another in brackets (or the reverse) */
	struct cref_link *links;
	size_t nlinks, caplinks;
} ctx;

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
			p += u8_mbtouc(&uc, p, (size_t)(end - p));
			beyond = cp_get(table, uc);
			ci = &beyond;
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
		for (size_t i = 0; i < nm; i++) {
			int n = u8_uctomb((uint8_t *)x->keys.s + x->keys.len, marks[i], 3);
			if (n > 0)
				x->keys.len += (size_t)n;
		}
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
	*len = u8_mbtouc(&uc, (const uint8_t *)x->text + i, x->len - i);
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
static void tokenize(ctx *x)
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
			len = u8_mbtouc(&uc, (const uint8_t *)x->text + i, x->len - i);
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
			int jl = u8_mbtouc(&j, (const uint8_t *)x->text + i, x->len - i);
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
				/* TP.HCM, U.S.: capitals on both sides of the dot */
				int l1, l2;
				uint8_t a = class_at(x, i - 1, &l1);
				uint8_t b = class_at(x, k, &l2);
				bool left_caps = true;
				for (size_t q = s; q < i;) {
					if (class_at(x, q, &l1) & C_LOWER)
						left_caps = false;
					q += (size_t)l1;
				}
				if (left_caps && (a & C_UPPER) && (b & C_UPPER)) {
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

static const char *tkey(const ctx *x, size_t k)
{
	return x->keys.s + x->t[k].key;
}

/* ---- phrase lookup in the text --------------------------------------- */

/* Whether token k's case satisfies phrase token i's requirements. */
static bool case_ok(const ctx *x, const phrase *p, size_t k, int i)
{
	uint32_t f = x->t[k].flags;
	if ((p->need_all >> i) & 1)
		return (f & T_ALLCAPS) != 0;
	if ((p->need_cap >> i) & 1)
		return (f & T_CAP) != 0;
	return true;
}

typedef struct match {
	const phrase *p;
	size_t ntok; /* tokens covered */
} match;

static bool head_word(const ctx *x, size_t k, uint32_t h);

/* Whether phrase p, a gazetteer name of n tokens, may be read at token k
 * (h: hash of token k's key): the case its tokens need, and no sentence
 * start for names that are common words too. */
static bool gaz_ok(const ctx *x, const phrase *p, size_t k, int n, uint32_t h)
{
	/* the last token must be a word: "Mỹ." is Mỹ */
	bool ok = true;
	for (int i = 0; i < n && ok; i++)
		ok = case_ok(x, p, k + (size_t)i, i);
	/* a multi-word name may start with a lower-case head word:
	 * "điện Kremlin", "châu Âu" (but "bờ Tây" is no "Bờ Tây") */
	if (!ok && n > 1 && head_word(x, k, h)) {
		ok = true;
		for (int i = 1; i < n && ok; i++)
			ok = case_ok(x, p, k + (size_t)i, i);
	}
	if (!ok)
		return false;
	/* "Thứ Năm" is a weekday, not the Năm of a name */
	return !(p->not_initial && (x->t[k].flags & T_INITIAL));
}

/* Finds, once per token, the longest gazetteer name (with its case rules)
 * and the longest cue phrase (with the cue kinds that apply) starting at
 * token k. Both come from one walk: the key of a token sequence is the
 * stretch of the key arena from its first token's key to its last one's,
 * so the phrase table is probed without copying keys. */
static void lookup(ctx *x, size_t k)
{
	tok *t = &x->t[k];
	t->memo = true;
	t->gaz = t->cue = NULL;
	t->gaz_n = t->cue_n = 0;
	t->cue_kinds = 0;
	if (!(t->flags & T_WORD) && x->text[t->start] != '&')
		return;
	const char *key = tkey(x, k);
	uint32_t h = key_hash(key, t->klen);
	int maxn = first_max(x->ex, key, t->klen, h);
	if (!maxn)
		return;
	/* the key length and hash of each prefix of up to maxn tokens, then
	 * the longest tried first */
	size_t ends[MAXPHRASE + 1];
	uint32_t hashes[MAXPHRASE + 1];
	int n = 0;
	ends[0] = 0;
	for (size_t j = k; j < x->nt && n < maxn && n < MAXPHRASE; j++) {
		const tok *u = &x->t[j];
		if (u->flags & T_BREAK && x->text[u->start] == '\n')
			break;
		size_t end = u->key + u->klen - t->key;
		if (n)
			h = fnv_more(h, key + ends[n], end - ends[n]);
		ends[++n] = end;
		hashes[n] = h;
	}
	bool want_gaz = (t->flags & T_WORD) != 0, want_cue = true;
	for (; n > 0 && (want_gaz || want_cue); n--) {
		long pi = ph_find_h(x->ex, key, ends[n], hashes[n]);
		if (pi < 0)
			continue;
		const phrase *p = &x->ex->ph[pi];
		if (want_gaz && p->type >= 0 && gaz_ok(x, p, k, n, hashes[1])) {
			t->gaz = p;
			t->gaz_n = (uint8_t)n;
			want_gaz = false;
		}
		unsigned kk = p->cue_any;
		if (t->flags & T_CAP)
			kk |= p->cue_cap;
		if (want_cue && kk) {
			t->cue = p;
			t->cue_n = (uint8_t)n;
			t->cue_kinds = kk;
			want_cue = false;
		}
	}
}

/* The phrase lookups at token k, remembered: the scanner asks the same
 * question about a token several times. want_gaz: the gazetteer name,
 * else the cue phrase with its kinds in *kinds. */
static match find_phrase(ctx *x, size_t k, bool want_gaz, unsigned *kinds)
{
	if (!x->t[k].memo)
		lookup(x, k);
	const tok *t = &x->t[k];
	if (want_gaz)
		return (match){t->gaz, t->gaz ? t->gaz_n : 0};
	*kinds = t->cue_kinds;
	return (match){t->cue, t->cue ? t->cue_n : 0};
}

/* ---- candidates -------------------------------------------------------- */

static int best_type(const int *score);

#define TYPE_UNK 3

struct cand {
	int field;
	size_t start, end; /* bytes in the field */
	size_t t0, t1;     /* tokens of the field (while it is scanned) */
	uint8_t ntok;
	bool strong;     /* written as a name where capitals are evidence */
	bool nodefault;  /* no type without evidence (products, events) */
	bool misc;       /* a treaty or plan: no entity, but its acronym follows it */
	int score[3];    /* type evidence */
	const char *gaz; /* gazetteer canonical, borrowed */
	char *name;      /* the name as written, spaces normalized */
	char *lkey;      /* joined token keys, for linking (in name's block) */
	size_t lklen;    /* strlen(lkey) */
	int link;        /* candidate this one is the acronym or full name of, or -1 */
};

/* Evidence weights: a definite cue outweighs any number of weak ones. */
enum { EV_DEF = 100, EV_CUE = 10, EV_WEAK = 1 };

/* Adds a candidate over tokens a..b-1 of the current field. */
static cand *add_cand(ctx *x, size_t a, size_t b)
{
	if (x->nc == x->capc) {
		x->capc = x->capc ? x->capc * 2 : 64;
		x->c = xrealloc(x->c, x->capc * sizeof *x->c);
	}
	cand *c = &x->c[x->nc++];
	memset(c, 0, sizeof *c);
	c->field = x->field;
	c->t0 = a;
	c->t1 = b;
	c->start = x->t[a].start;
	c->end = x->t[b - 1].end;
	c->ntok = (uint8_t)(b - a > 255 ? 255 : b - a);
	c->link = -1;
	/* the name as written, with one space where the text has any */
	size_t nlen = 0;
	bool allcaps = true;
	for (size_t k = a; k < b; k++) {
		const tok *t = &x->t[k];
		nlen += (k > a && (t->flags & T_SPACE) ? 1 : 0) + t->end - t->start;
		if ((t->flags & T_WORD) && !(t->flags & T_ALLCAPS))
			allcaps = false;
	}
	/* one allocation for the name and, after it, the joined keys: the
	 * stretch of the key arena the tokens cover */
	size_t lklen = x->t[b - 1].key + x->t[b - 1].klen - x->t[a].key;
	char *name = xmalloc(nlen + lklen + 2), *w = name;
	for (size_t k = a; k < b; k++) {
		const tok *t = &x->t[k];
		if (k > a && (t->flags & T_SPACE))
			*w++ = ' ';
		memcpy(w, x->text + t->start, t->end - t->start);
		w += t->end - t->start;
	}
	/* "REHOBOTH BEACH" reads as "Rehoboth Beach"; acronyms stay */
	if (allcaps && b - a > 1) {
		size_t tl = 0;
		uint8_t *tc = u8_totitle((const uint8_t *)name, nlen, NULL, NULL, NULL, &tl);
		if (tc) {
			free(name);
			name = xmalloc(tl + lklen + 2);
			memcpy(name, tc, tl);
			nlen = tl;
			free(tc);
		}
	}
	name[nlen] = '\0';
	c->name = name;
	c->lkey = name + nlen + 1;
	c->lklen = lklen;
	memcpy(c->lkey, tkey(x, a), lklen);
	c->lkey[lklen] = '\0';
	return c;
}

/* Adds a gazetteer match as a candidate. */
static void add_gaz(ctx *x, size_t k, const match *m)
{
	cand *c = add_cand(x, k, k + m->ntok);
	c->gaz = m->p->canonical;
	c->strong = true;
	c->score[m->p->type] += EV_DEF;
}

/* Whether token k is an acronym that names an organization (NATO, CNN). */
static bool acronym(ctx *x, size_t k)
{
	const tok *t = &x->t[k];
	if (!(t->flags & T_ALLCAPS) || (t->flags & T_DIGIT))
		return false;
	size_t n = t->end - t->start;
	if (n > 8)
		return false;
	/* Roman numerals (II, XIV) are numbers */
	bool roman = true;
	for (size_t i = t->start; i < t->end; i++)
		if (!strchr("IVXLCDM", x->text[i]))
			roman = false;
	if (roman)
		return false;
	unsigned kinds = 0;
	match m = find_phrase(x, k, false, &kinds);
	if (m.p && m.ntok == 1 && (kinds & (CUE_STOP_ACRO | CUE_STOP | CUE_TITLE | CUE_HONORIFIC)))
		return false;
	return true;
}

/* Whether token k (whose key hashes to h) alone is an organization's or
 * a place's head word, in any case ("điện", "châu", "tòa"). */
static bool head_word(const ctx *x, size_t k, uint32_t h)
{
	const tok *t = &x->t[k];
	long pi = ph_find_h(x->ex, tkey(x, k), t->klen, h);
	if (pi < 0)
		return false;
	const phrase *p = &x->ex->ph[pi];
	return ((p->cue_any | p->cue_cap) &
	        (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC | CUE_LOC_HEAD | CUE_LOC_CUE)) != 0;
}

/* Cue kinds of the phrase starting at token k and its length (0 if none). */
static size_t cue_at(ctx *x, size_t k, unsigned *kinds)
{
	*kinds = 0;
	if (k >= x->nt)
		return 0;
	match m = find_phrase(x, k, false, kinds);
	return m.p ? m.ntok : 0;
}

/* A gazetteer match at token k, or ntok 0. */
static match gaz_at(ctx *x, size_t k)
{
	if (k >= x->nt || !(x->t[k].flags & T_WORD))
		return (match){NULL, 0};
	unsigned dummy;
	return find_phrase(x, k, true, &dummy);
}

/* Whether token k can be part of a proper name run. */
static bool namey(const ctx *x, size_t k)
{
	if (k >= x->nt)
		return false;
	uint32_t f = x->t[k].flags;
	return (f & T_WORD) && (f & T_CAP) && !(f & T_DIGIT) && !(f & T_DOMAIN);
}

/* Whether a Korean-style name starts at token j: a capitalized word and a
 * hyphenated given name ("Park Seung-woo", "Lee Ji-eun"). Such a name
 * ends whatever capitalized run comes before it ("Tập đoàn LG | Park
 * Seung-woo"). */
static bool korean_name(const ctx *x, size_t j)
{
	return j + 3 < x->nt && namey(x, j) && !(x->t[j].flags & T_ALLCAPS) && namey(x, j + 1) &&
	       (x->t[j + 2].flags & T_DASH) && !(x->t[j + 2].flags & T_SPACE) &&
	       x->text[x->t[j + 2].start] == '-' && (x->t[j + 3].flags & T_WORD) &&
	       (x->t[j + 3].flags & T_LOWER) && !(x->t[j + 3].flags & T_SPACE);
}

/* Collects a run of capitalized tokens from k (English: with connectors
 * inside organization names). Returns the index after the run. */
static size_t name_run(ctx *x, size_t k, bool *has_org, bool *has_loc, bool *misc)
{
	size_t j = k;
	size_t last_conn = 0, poss = 0;
	*has_org = *has_loc = *misc = false;
	bool caps = (x->t[k].flags & T_ALLCAPS) != 0;
	while (j < x->nt) {
		if (namey(x, j)) {
			/* an acronym does not join a run of ordinary names */
			bool jc = (x->t[j].flags & T_ALLCAPS) != 0;
			if (j > k && jc != caps)
				break;
			if (j > k) {
				/* a title or a stop phrase inside ends the run: "Hoa Kỳ Thứ Năm" */
				unsigned kinds;
				size_t n = cue_at(x, j, &kinds);
				if ((n > 1 && (kinds & CUE_STOP)) || (n && (kinds & CUE_TITLE)))
					break;
				/* "Phía Nga", "Tuyển Việt Nam": a capitalized first word of a
				 * sentence before a known name is no part of it */
				if (j == k + 1 && (x->t[k].flags & T_INITIAL) && gaz_at(x, j).p)
					break;
				if (korean_name(x, j))
					break;
			}
			unsigned kinds;
			size_t n = cue_at(x, j, &kinds);
			if (n == 1 && (kinds & CUE_ORG_SUFFIX))
				*has_org = true;
			if (n == 1 && (kinds & CUE_LOC_SUFFIX))
				*has_loc = true;
			if (n == 1 && (kinds & CUE_MISC_SUFFIX) && j > k)
				*misc = true;
			j++;
			/* "Park Hang-seo": a hyphenated lower-case tail */
			if (j + 1 < x->nt && (x->t[j].flags & T_DASH) &&
			    !(x->t[j].flags & T_SPACE) && (x->t[j + 1].flags & T_WORD) &&
			    (x->t[j + 1].flags & T_LOWER) && !(x->t[j + 1].flags & T_SPACE) &&
			    x->text[x->t[j].start] == '-')
				j += 2;
			continue;
		}
		/* "Ursula von der Leyen" */
		if (j > k && (x->t[j].flags & T_WORD) && (x->t[j].flags & T_LOWER)) {
			size_t q = j;
			unsigned kinds;
			while (q < x->nt && cue_at(x, q, &kinds) == 1 && (kinds & CUE_PARTICLE) &&
			       (x->t[q].flags & T_LOWER))
				q++;
			if (q > j && namey(x, q) && !(x->t[q].flags & T_ALLCAPS)) {
				j = q;
				continue;
			}
		}
		/* connectors: "Ministry of Foreign Affairs", "Bosnia and Herzegovina" */
		if (j > k && (x->t[j].flags & (T_WORD)) && (x->t[j].flags & T_LOWER) &&
		    namey(x, j + 1)) {
			unsigned kinds;
			size_t n = cue_at(x, j, &kinds);
			if (n == 1 && (kinds & CUE_CONNECTOR) && x->en) {
				/* "Shares of Acme Inc": the first word of a sentence
				 * before "of" joins only as an organization's or a
				 * place's word ("Bank of America", "Bosnia and
				 * Herzegovina") */
				unsigned fk;
				if (j == k + 1 && (x->t[k].flags & T_INITIAL) && !gaz_at(x, k).p &&
				    !(cue_at(x, k, &fk) == 1 &&
				      (fk & (CUE_ORG_SUFFIX | CUE_ORG_HEAD | CUE_ORG_HEAD_LOC |
				             CUE_LOC_HEAD | CUE_LOC_SUFFIX))))
					break;
				if (!last_conn)
					last_conn = j;
				j++;
				continue;
			}
		}
		if (j > k && x->text[x->t[j].start] == '&' && namey(x, j + 1) &&
		    !(x->t[j].flags & T_SPACE)) {
			j++;
			continue;
		}
		/* "Hanoi People's Committee": a possessive inside an English
		 * organization name, not after a known name ("Russia's") */
		if (j > k && !(x->t[j].flags & T_WORD) && !(x->t[j].flags & T_SPACE) &&
		    j + 2 < x->nt && x->t[j + 1].end - x->t[j + 1].start == 1 &&
		    x->text[x->t[j + 1].start] == 's' && !(x->t[j + 1].flags & T_SPACE) &&
		    namey(x, j + 2) && !gaz_at(x, j - 1).p &&
		    (x->text[x->t[j].start] == '\'' ||
		     (x->t[j].end - x->t[j].start == 3 &&
		      memcmp(x->text + x->t[j].start, "\xe2\x80\x99", 3) == 0))) {
			if (!poss)
				poss = j;
			j += 2;
			continue;
		}
		break;
	}
	/* connectors and possessives stay only inside organization (and place)
	 * names */
	if (last_conn && !*has_org && !*has_loc)
		j = last_conn;
	if (poss && !*has_org && j > poss)
		j = poss;
	if (j - k > MAXPHRASE)
		j = k + MAXPHRASE;
	return j;
}

/* The end of the place named at token q after an administrative unit
 * ("tỉnh Điện Biên", "huyện Mường Nhé"), or 0: a gazetteer place, or one
 * to three capitalized Vietnamese syllables (two when more follow: a
 * person's name may come next). */
static size_t admin_place(ctx *x, size_t q)
{
	match g = gaz_at(x, q);
	if (g.p)
		return g.p->type == ENT_LOC ? q + g.ntok : 0;
	size_t e = q;
	while (namey(x, e) && (x->t[e].flags & T_VI) && !(x->t[e].flags & T_ALLCAPS)) {
		unsigned kinds;
		if (cue_at(x, e, &kinds) && (kinds & (CUE_TITLE | CUE_ORG_HEAD | CUE_ORG_HEAD_LOC)))
			break;
		e++;
	}
	if (e == q)
		return 0;
	return e - q > 3 ? q + 2 : e;
}

/* Whether a place that an organization's name may end with starts at
 * token q: a known place (for heads that keep it) or an administrative
 * unit and its place. */
static bool org_place_at(ctx *x, size_t q, bool keep_loc)
{
	if (q >= x->nt)
		return false;
	if (keep_loc && (x->t[q].flags & T_CAP)) {
		match g = gaz_at(x, q);
		if (g.p && g.p->type == ENT_LOC)
			return true;
	}
	unsigned kinds;
	size_t n = cue_at(x, q, &kinds);
	return n && (kinds & CUE_LOC_ADMIN) && admin_place(x, q + n);
}

/* Extends an organization name after its head noun (tokens k..h-1).
 * Vietnamese capitalizes the first syllable of each word of an
 * organization's name, so one lower-case syllable may follow a capitalized
 * one ("Bộ Ngoại giao"); "và", "&" and "châu" join when a capital follows.
 * A foreign name right after the head is the name ("Điện Kremlin"). A
 * known place ends the name ("Bộ Ngoại giao | Nga"), except after heads
 * like "Đại học" whose names end with their city (keep_loc); an
 * administrative unit and its place always end it inside ("Sở Y tế tỉnh
 * Điện Biên"). After a title (after_title), a surname and another capital
 * start the person ("Bộ trưởng Bộ Tài chính | Hồ Văn Phúc"). Returns the
 * end token, or k when nothing name-like follows the head. */
static size_t org_tail(ctx *x, size_t k, size_t h, bool keep_loc, bool after_title)
{
	size_t j = h, end = k;
	int lower_run = (x->t[h - 1].flags & T_LOWER) ? 1 : 0;
	int ncap = 0;
	bool foreign = false, vi = false, place_next = false, after_dash = false;
	int cap_run = 0; /* capitalized syllables in a row */
	while (j < x->nt) {
		const tok *t = &x->t[j];
		if (!(t->flags & T_WORD)) {
			if (x->text[t->start] == '&' && ncap && namey(x, j + 1)) {
				j++;
				lower_run = 0;
				continue;
			}
			/* "Bộ Văn hóa, Thể thao và Du lịch": a list that ends in "và" */
			if (x->text[t->start] == ',' && ncap && vi && namey(x, j + 1)) {
				size_t q = j + 1;
				bool found = false;
				while (q < x->nt && q < j + 8) {
					const tok *u = &x->t[q];
					unsigned kinds;
					if ((u->flags & T_WORD) && (u->flags & T_LOWER) &&
					    cue_at(x, q, &kinds) == 1 && (kinds & CUE_CONNECTOR) &&
					    namey(x, q + 1)) {
						found = true;
						break;
					}
					if (!(u->flags & T_WORD) && x->text[u->start] != ',')
						break;
					if ((u->flags & T_WORD) && !(u->flags & T_VI))
						break;
					q++;
				}
				if (found) {
					j++;
					lower_run = 0;
					continue;
				}
			}
			/* "Ủy ban Tài chính - Ngân sách", "Liên minh Kinh tế Á - Âu": a
			 * dash between Vietnamese words of the name */
			if ((t->flags & T_DASH) && ncap && vi && !foreign && namey(x, j + 1) &&
			    (x->t[j + 1].flags & T_VI) && !(x->t[j + 1].flags & T_ALLCAPS) &&
			    !gaz_at(x, j + 1).p) {
				unsigned kinds;
				if (!cue_at(x, j + 1, &kinds) ||
				    !(kinds &
				      (CUE_TITLE | CUE_ORG_HEAD | CUE_ORG_HEAD_LOC | CUE_STOP))) {
					j++;
					lower_run = 0;
					continue;
				}
			}
			break;
		}
		if (t->flags & (T_DIGIT | T_DOMAIN))
			break;
		if (t->flags & T_CAP) {
			match g = gaz_at(x, j);
			if (g.p && g.p->type == ENT_LOC) {
				if ((keep_loc && !foreign) || after_dash) {
					j += g.ntok;
					end = j;
					ncap++;
				}
				break;
			}
			unsigned kinds;
			size_t n = cue_at(x, j, &kinds);
			if (n && (kinds & CUE_TITLE))
				break;
			if (after_title && ncap && (t->flags & T_VI) && n == 1 &&
			    (kinds & CUE_SURNAME) && namey(x, j + 1))
				break;
			if (ncap && korean_name(x, j))
				break;
			cap_run = (t->flags & T_ALLCAPS) ? 0 : cap_run + 1;
			if (t->flags & T_ALLCAPS) {
				/* "Công ty TNHH Xây dựng", "Tập đoàn LG": an acronym is
				 * neither Vietnamese nor foreign */
			} else if (t->flags & T_VI) {
				if (foreign)
					break;
				vi = true;
			} else {
				if (vi) {
					/* "Công ty Cổ phần Thực phẩm Dinh dưỡng Nutifood": a
					 * company's brand ends its name */
					if (keep_loc && !namey(x, j + 1)) {
						ncap++;
						end = ++j;
					}
					break;
				}
				foreign = true;
			}
			ncap++;
			lower_run = place_next ? 1 : 0;
			place_next = false;
			end = ++j;
			/* "Hội đồng NATO - Nga" */
			if ((t->flags & T_ALLCAPS) && j + 1 < x->nt && (x->t[j].flags & T_DASH) &&
			    namey(x, j + 1)) {
				foreign = vi = false;
				after_dash = true;
				j++;
			}
			continue;
		}
		if (foreign)
			break;
		unsigned kinds;
		size_t n = cue_at(x, j, &kinds);
		/* "Ủy ban nhân dân huyện Mường Nhé", "Sở Y tế tỉnh Điện Biên" */
		if (n && (kinds & CUE_LOC_ADMIN) && (ncap || keep_loc)) {
			size_t pe = admin_place(x, j + n);
			if (pe) {
				end = pe;
				ncap++;
				break;
			}
		}
		/* "Ủy ban nhân dân thành phố Hà Nội" */
		if (keep_loc && n && (kinds & CUE_LOC_CUE) && !foreign) {
			match g = gaz_at(x, j + n);
			if (g.p && g.p->type == ENT_LOC) {
				end = j + n + g.ntok;
				ncap++;
				break;
			}
		}
		/* "và" before another organization's head starts that one:
		 * "Bệnh viện Bạch Mai | và Bệnh viện Chợ Rẫy" */
		if (n == 1 && (kinds & (CUE_CONNECTOR | CUE_LOC_HEAD)) && ncap && namey(x, j + 1)) {
			unsigned nk;
			if ((kinds & CUE_CONNECTOR) && cue_at(x, j + 1, &nk) &&
			    (nk & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC)))
				break;
			/* "Tập đoàn LG | của Hàn Quốc": a known name after a small word
			 * is a name of its own */
			if ((kinds & CUE_CONNECTOR) && gaz_at(x, j + 1).p)
				break;
			j++;
			lower_run = 0;
			cap_run = 0;
			place_next = (kinds & CUE_LOC_HEAD) != 0;
			continue;
		}
		/* verbs and function words never continue a name: "Bộ Tứ | gồm" */
		if (n && (kinds & (CUE_FUNCTION | CUE_LOC_PREP | CUE_PER_POST | CUE_CONNECTOR)))
			break;
		/* one lower-case syllable ends a word begun by one capital, not
		 * two: "An ninh Quốc gia", but "Xây dựng Trường Sơn | tăng" */
		if (lower_run == 0 && (t->flags & T_VI) && ncap && cap_run <= 1) {
			lower_run = 1;
			cap_run = 0;
			end = ++j;
			continue;
		}
		/* a second or third lower-case syllable only on the way to the
		 * place the name ends with: "Đường cao tốc | Việt Nam", "Phòng
		 * chống thiên tai | tỉnh Hà Tĩnh" */
		if (lower_run == 1 && (t->flags & T_VI) && ncap && !n) {
			if (org_place_at(x, j + 1, keep_loc)) {
				j++;
				lower_run = 2;
				continue;
			}
			if (j + 1 < x->nt && (x->t[j + 1].flags & T_WORD) &&
			    (x->t[j + 1].flags & T_LOWER) && (x->t[j + 1].flags & T_VI) &&
			    !cue_at(x, j + 1, &kinds) && org_place_at(x, j + 2, keep_loc)) {
				j += 2;
				lower_run = 2;
				continue;
			}
		}
		break;
	}
	return ncap ? end : k;
}

/* An ALL-CAPS dateline at the start of a line ("REHOBOTH BEACH - ",
 * "WASHINGTON (AP) -"): a place. Returns the token after it, or 0. */
static size_t dateline(ctx *x, size_t k)
{
	size_t e = k;
	while (e < x->nt && (x->t[e].flags & T_WORD) && (x->t[e].flags & T_ALLCAPS) &&
	       !(x->t[e].flags & T_DIGIT) && e - k < 5)
		e++;
	if (e == k || e >= x->nt)
		return 0;
	uint32_t f = x->t[e].flags;
	char c = x->text[x->t[e].start];
	if (!((f & T_DASH) || (f & T_LPAREN) || c == ','))
		return 0;
	match g = gaz_at(x, k);
	if (g.p && k + g.ntok == e) {
		add_gaz(x, k, &g);
		return e;
	}
	cand *cd = add_cand(x, k, e);
	cd->strong = true;
	cd->score[ENT_LOC] += EV_DEF;
	return e;
}

/* Names from one segment of a photo credit ("APnews.com", "Patrick
 * Semansky", "Reuters"): a gazetteer name, a web site (an organization),
 * a capitalized name of two words or more (a person), or one capitalized
 * word (an agency). */
static void credit_segment(ctx *x, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (x->text[x->t[k].start] == ':')
			a = k + 1;
	while (a < b && !(x->t[a].flags & T_WORD))
		a++;
	while (b > a && !(x->t[b - 1].flags & T_WORD))
		b--;
	if (a >= b)
		return;
	unsigned kinds;
	size_t n = cue_at(x, a, &kinds);
	if (n && (kinds & CUE_STOP) && a + n < b)
		a += n;
	match g = gaz_at(x, a);
	if (g.p && a + g.ntok == b) {
		add_gaz(x, a, &g);
		return;
	}
	if (b - a == 1 && (x->t[a].flags & T_DOMAIN)) {
		cand *c = add_cand(x, a, b);
		/* cut in place: the joined keys share the name's block */
		char *dot = memchr(c->name, '.', strlen(c->name));
		if (dot && dot > c->name)
			*dot = '\0';
		c->strong = true;
		c->score[ENT_ORG] += EV_DEF;
		return;
	}
	for (size_t k = a; k < b; k++) {
		/* "Lee Ji-eun" */
		if (k > a && k + 1 < b && x->text[x->t[k].start] == '-' &&
		    !(x->t[k].flags & T_SPACE) && (x->t[k + 1].flags & T_WORD) &&
		    !(x->t[k + 1].flags & T_SPACE)) {
			k++;
			continue;
		}
		if (!namey(x, k))
			return;
	}
	cand *c = add_cand(x, a, b);
	c->strong = true;
	c->score[b - a >= 2 ? ENT_PER : ENT_ORG] += b - a >= 2 ? EV_DEF : EV_CUE;
}

/* Finds the candidates of a photo credit field. */
static void scan_credit(ctx *x)
{
	size_t k = 0;
	while (k < x->nt) {
		size_t e = k;
		while (e < x->nt && !(x->t[e].flags & T_SEP))
			e++;
		credit_segment(x, k, e);
		k = e + 1;
	}
}

/* Whether token k may be the short form in brackets of a longer name:
 * an acronym (KTNN, NSC, AfDB) or one capitalized foreign word after an
 * organization (Vinamilk). */
static bool short_form(const ctx *x, size_t k, bool after_org)
{
	const tok *t = &x->t[k];
	if (!(t->flags & T_WORD) || !(t->flags & T_CAP) || (t->flags & T_DIGIT))
		return false;
	if (t->flags & T_ALLCAPS)
		return true;
	for (size_t i = t->start + 1; i < t->end; i++)
		if (x->text[i] >= 'A' && x->text[i] <= 'Z')
			return true; /* AfDB, VnExpress */
	return after_org && !(t->flags & T_VI);
}

/* Whether the first letters of the words a..b-1 spell the acronym at
 * token k ("Kiểm toán Nhà nước" = KTNN; đ counts as d). */
static bool initials(const ctx *x, size_t a, size_t b, size_t k)
{
	const tok *t = &x->t[k];
	if (t->end - t->start != b - a)
		return false;
	for (size_t q = a; q < b; q++) {
		char c = x->text[t->start + (q - a)];
		if (!(x->t[q].flags & T_WORD) || c < 'A' || c > 'Z' ||
		    x->keys.s[x->t[q].key] != c - 'A' + 'a')
			return false;
	}
	return (x->t[a].flags & T_CAP) != 0;
}

/* Links names to their short forms in brackets, in the candidates of the
 * current field from c0 on: "Hội đồng An ninh Quốc gia (NSC)", "NSC
 * (National Security Council)", "Công ty Cổ phần Sữa Việt Nam (Vinamilk)".
 * An acronym whose words found no name yet makes one when their initials
 * spell it ("Kiểm toán Nhà nước (KTNN)"). After a treaty's name the
 * acronym is no entity either ("Hiệp định ... (TPP)"). */
static void link_brackets(ctx *x, size_t c0)
{
	size_t nc = x->nc;
	/* "cao tốc Cầu Giẽ - Ninh Bình", "Kandahar and Herat": a name of no
	 * known type before a known place of the same list is weakly one */
	for (size_t i = c0 + 1; i < nc; i++) {
		cand *p = &x->c[i - 1];
		const cand *c = &x->c[i];
		if (!c->gaz || p->t1 + 1 != c->t0 || best_type(p->score) >= 0 || p->misc)
			continue;
		const tok *j = &x->t[p->t1];
		unsigned jk;
		if (((j->flags & T_DASH) && (j->flags & T_SPACE)) ||
		    (cue_at(x, p->t1, &jk) == 1 && (jk & CUE_CONNECTOR) && (j->flags & T_LOWER)))
			p->score[best_type(c->score)] += EV_WEAK;
	}
	for (size_t i = c0; i < nc; i++) {
		size_t a = x->c[i].t0, b = x->c[i].t1;
		if (a < 2 || b >= x->nt || !(x->t[a - 1].flags & T_LPAREN) ||
		    x->text[x->t[b].start] != ')' || x->c[i].misc)
			continue;
		long o = -1;
		for (size_t q = i; q-- > c0;)
			if (x->c[q].t1 == a - 1) {
				o = (long)q;
				break;
			}
		if (o >= 0) {
			cand *out = &x->c[o], *in = &x->c[i];
			bool out_org = out->score[ENT_ORG] >= EV_DEF;
			if (out->misc) {
				if (b - a == 1 && short_form(x, a, true)) {
					in->misc = true;
					in->strong = false;
				}
				continue;
			}
			/* "Văn phòng Đại diện Thương mại Mỹ (USTR)": the organization
			 * before the place */
			if (out->score[ENT_LOC] >= EV_DEF && o > (long)c0 &&
			    x->c[o - 1].t1 == out->t0 && x->c[o - 1].score[ENT_ORG] >= EV_DEF &&
			    !x->c[o - 1].misc) {
				o--;
				out = &x->c[o];
			}
			if (out->score[ENT_LOC] >= EV_DEF || out->score[ENT_PER] >= EV_DEF)
				continue;
			if (b - a == 1 && short_form(x, a, out_org) &&
			    (out->ntok >= 2 || out->gaz) && !(out->gaz && in->gaz))
				in->link = (int)o;
			else if (out->ntok == 1 && short_form(x, out->t0, false) &&
			         (x->t[out->t0].flags & T_ALLCAPS) && b - a >= 2 && !in->gaz)
				in->link = (int)o;
			continue;
		}
		/* no name right before: the words whose initials spell it */
		if (b - a != 1 || !(x->t[a].flags & T_ALLCAPS) || x->c[i].gaz)
			continue;
		size_t len = x->t[a].end - x->t[a].start;
		if (len < 2 || len + 1 > a)
			continue;
		size_t s0 = a - 1 - len;
		if (!initials(x, s0, a - 1, a))
			continue;
		/* the candidates inside those words give way */
		for (size_t q = c0; q < i; q++)
			if (x->c[q].t0 >= s0 && x->c[q].t1 <= a - 1)
				x->c[q].misc = true;
		cand *full = add_cand(x, s0, a - 1);
		full->strong = true;
		full->score[ENT_ORG] += EV_DEF;
		x->c[i].link = (int)(x->nc - 1);
	}
}

/* Finds the candidates of a running-text field. */
static void scan_field(ctx *x)
{
	int pend = -1, pend_w = 0; /* type a cue before a name gives it */
	bool pend_title = false, pend_honor = false;
	for (size_t k = 0; k < x->nt;) {
		const tok *t = &x->t[k];
		if (!(t->flags & T_WORD)) {
			pend = -1;
			k++;
			continue;
		}
		if ((t->flags & T_PARA) && (t->flags & T_ALLCAPS)) {
			size_t e = dateline(x, k);
			if (e) {
				k = e;
				continue;
			}
		}
		if (!pend_honor) {
			match g = gaz_at(x, k);
			/* "sân Mỹ Đình", "nhóm Bucharest Nine": a cue before a longer
			 * name that merely starts with a known one */
			if (g.p && pend >= 0 && !pend_title && pend_w >= EV_CUE &&
			    namey(x, k + g.ntok) && (x->t[k + g.ntok].flags & T_SPACE) &&
			    !gaz_at(x, k + g.ntok).p)
				g.p = NULL;
			/* "Quốc hội Phần Lan": a gazetteer name that is also a head
			 * word names another country's institution before a place */
			unsigned hk;
			if (g.p && g.p->type == ENT_ORG && cue_at(x, k, &hk) == g.ntok &&
			    (hk & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC))) {
				match lg = gaz_at(x, k + g.ntok);
				if (lg.p && lg.p->type == ENT_LOC) {
					cand *c = add_cand(x, k, k + g.ntok);
					c->strong = true;
					c->score[ENT_ORG] += EV_DEF;
					k += g.ntok;
					continue;
				}
			}
			/* "Hanoi Metro Company", "Japan International Cooperation
			 * Agency": a place that starts an English organization name */
			if (g.p && g.p->type == ENT_LOC && !x->titlecase && namey(x, k + g.ntok) &&
			    (x->t[k + g.ntok].flags & T_SPACE)) {
				bool ho, hl, mi;
				size_t e = name_run(x, k, &ho, &hl, &mi);
				if (ho && !mi && e > k + g.ntok) {
					/* "NATO-Russia Council": a name joined by a hyphen */
					size_t s0 = k;
					if (k >= 2 && x->text[x->t[k - 1].start] == '-' &&
					    !(x->t[k - 1].flags & T_SPACE) &&
					    !(x->t[k].flags & T_SPACE) && x->nc &&
					    x->c[x->nc - 1].field == x->field &&
					    x->c[x->nc - 1].t1 == k - 1 &&
					    x->c[x->nc - 1].ntok == 1) {
						s0 = x->c[x->nc - 1].t0;
						x->nc--;
						free(x->c[x->nc].name);
					}
					cand *c = add_cand(x, s0, e);
					c->strong = true;
					c->score[ENT_ORG] += EV_DEF;
					k = e;
					continue;
				}
			}
			if (g.p) {
				add_gaz(x, k, &g);
				k += g.ntok;
				continue;
			}
		}
		unsigned kinds = 0;
		size_t n = (t->flags & T_DIGIT) ? 0 : cue_at(x, k, &kinds);
		/* a name after "ông"/"Tổng thống" may look like a stop word */
		if (n && pend >= 0 && (pend_honor || pend_title) && n == 1 && namey(x, k) &&
		    !(kinds & (CUE_TITLE | CUE_HONORIFIC | CUE_ORG_HEAD | CUE_ORG_HEAD_LOC)))
			n = 0;
		if (n) {
			/* "Hiệp định Đối tác xuyên Thái Bình Dương": no entity */
			if ((kinds & CUE_MISC_HEAD) && (t->flags & T_CAP)) {
				size_t e = org_tail(x, k, k + n, true, false);
				if (e > k) {
					cand *c = add_cand(x, k, e);
					c->misc = true;
					c->nodefault = true;
					pend = -1, pend_title = pend_honor = false;
					k = e;
					continue;
				}
			}
			if ((kinds & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC)) && (t->flags & T_CAP)) {
				size_t e = org_tail(x, k, k + n, (kinds & CUE_ORG_HEAD_LOC) != 0,
				                    pend_title);
				if (e > k) {
					cand *c = add_cand(x, k, e);
					c->strong = true;
					c->score[ENT_ORG] += EV_DEF;
					k = e;
					continue;
				}
			}
			/* "biển | Đồng bằng sông Cửu Long": a known name after the
			 * head is that name */
			bool loc_name = (kinds & CUE_LOC_HEAD) && namey(x, k + n) &&
			                !(x->t[k + n].flags & T_ALLCAPS) && !gaz_at(x, k + n).p;
			if (loc_name) {
				size_t e = k + n;
				while (namey(x, e) && !(x->t[e].flags & T_ALLCAPS))
					e++;
				cand *c = add_cand(x, k, e);
				c->strong = true;
				c->score[ENT_LOC] += EV_DEF;
				k = e;
				continue;
			}
			bool set = false;
			if (kinds & CUE_TITLE) {
				pend = ENT_PER, pend_w = EV_DEF, pend_title = true,
				pend_honor = false;
				set = true;
			} else if (kinds & CUE_HONORIFIC) {
				if (namey(x, k + n) ||
				    (k + n + 1 < x->nt && x->text[x->t[k + n].start] == '.' &&
				     namey(x, k + n + 1))) {
					pend = ENT_PER, pend_w = EV_DEF, pend_honor = true,
					pend_title = false;
					set = true;
				}
			} else if (kinds & CUE_LOC_CUE) {
				/* "Chủ tịch huyện | Lò Văn Thắng": after a title, a surname
				 * and two more capitals are the person */
				unsigned sk;
				if (pend_title && namey(x, k + n) && cue_at(x, k + n, &sk) == 1 &&
				    (sk & CUE_SURNAME) && namey(x, k + n + 1) &&
				    namey(x, k + n + 2) && !gaz_at(x, k + n).p) {
					k += n;
					continue;
				}
				pend = ENT_LOC, pend_w = EV_DEF, pend_title = pend_honor = false;
				set = true;
			} else if (kinds & CUE_PER_PRE) {
				pend = ENT_PER, pend_w = EV_CUE, pend_title = pend_honor = false;
				set = true;
			} else if (kinds & CUE_ORG_PRE) {
				pend = ENT_ORG, pend_w = EV_CUE, pend_title = pend_honor = false;
				set = true;
			} else if (kinds & CUE_LOC_PREP) {
				pend = ENT_LOC, pend_w = EV_WEAK, pend_title = pend_honor = false;
				set = true;
			}
			if (set ||
			    (kinds & (CUE_STOP | CUE_STOP_ACRO | CUE_CONNECTOR | CUE_PER_POST)) ||
			    !(t->flags & T_CAP)) {
				if (!set)
					pend = -1, pend_title = pend_honor = false;
				k += n;
				/* "Mr. Putin": the dot of the abbreviation */
				if (pend_honor && k < x->nt && x->text[x->t[k].start] == '.')
					k++;
				continue;
			}
		}
		if (!namey(x, k)) {
			pend = -1, pend_title = pend_honor = false;
			k++;
			continue;
		}
		/* after a title: "Bộ trưởng Quốc phòng Mỹ Lloyd Austin" */
		if (pend_title && (t->flags & T_VI) && !(t->flags & T_ALLCAPS) && k + 1 < x->nt &&
		    (x->t[k + 1].flags & T_WORD) && (x->t[k + 1].flags & T_LOWER) &&
		    (x->t[k + 1].flags & T_VI)) {
			k += 2;
			continue;
		}
		bool has_org, has_loc, misc;
		size_t e = name_run(x, k, &has_org, &has_loc, &misc);
		/* in a Title Case headline every word stands alone; those that
		 * name something link to the body's names */
		if (x->titlecase)
			e = k + 1, has_org = has_loc = misc = false;
		cand *c = add_cand(x, k, e);
		/* "Nord Stream 2", "Boeing 737": a product; "Paris Agreement" */
		if ((e < x->nt && (x->t[e].flags & T_DIGIT) && (x->t[e].flags & T_SPACE)) || misc)
			c->nodefault = true;
		if (misc)
			c->strong = false;
		bool single = e - k == 1;
		bool acro = single && acronym(x, k);
		if (single && (t->flags & T_ALLCAPS) && !acro) {
			/* a stop acronym or a numeral: not a name */
			x->nc--;
			free(c->name);
			pend = -1, pend_title = pend_honor = false;
			k = e;
			continue;
		}
		c->strong = !misc && (!(t->flags & T_INITIAL) || !single || acro || pend_honor ||
		                      (pend_title && !x->titlecase));
		/* one capitalized Vietnamese syllable before a lower-case one is a
		 * capitalized common word ("Phó giám đốc", "vùng Thủ đô") */
		bool capword = single && (t->flags & T_VI) && !(t->flags & T_ALLCAPS) &&
		               e < x->nt && (x->t[e].flags & T_WORD) && (x->t[e].flags & T_LOWER) &&
		               (x->t[e].flags & T_VI) && !(x->t[e].flags & T_DIGIT);
		if (capword && !pend_honor && !pend_title) {
			c->strong = false;
			pend = -1;
		}
		if (x->titlecase && !acro)
			c->strong = false;
		if (has_org && !single)
			c->score[ENT_ORG] += EV_DEF;
		else if (has_loc && !single)
			c->score[ENT_LOC] += EV_DEF;
		if (acro)
			c->score[ENT_ORG] += EV_CUE;
		if (pend >= 0) {
			int w = pend_w;
			/* "Phó Chủ tịch LG": an acronym after a title is the employer */
			if (pend_title && acro)
				w = 0;
			/* "Thủ tướng Chính nói": one Vietnamese syllable is a weaker sign */
			if (pend_title && single && (t->flags & T_VI))
				w = EV_CUE;
			/* "vùng Thủ đô": one capitalized syllable of a common word */
			if (!pend_honor && single && (t->flags & T_VI) && e < x->nt &&
			    (x->t[e].flags & T_WORD) && (x->t[e].flags & T_LOWER) &&
			    (x->t[e].flags & T_VI) && !pend_title)
				w = 0, c->strong = false;
			c->score[pend] += w;
		}
		/* "Kandahar and Herat", "Hưng Yên, Bắc Ninh": a list shares its type */
		if (x->nc >= 2 && k >= 2) {
			const cand *p = &x->c[x->nc - 2];
			unsigned jk;
			bool joiner =
			    x->text[x->t[k - 1].start] == ',' ||
			    ((x->t[k - 1].flags & T_DASH) && (x->t[k - 1].flags & T_SPACE)) ||
			    (cue_at(x, k - 1, &jk) == 1 && (jk & CUE_CONNECTOR) &&
			     (x->t[k - 1].flags & T_LOWER));
			int pt = best_type(p->score);
			if (p->field == x->field && p->t1 == k - 1 && joiner && pt >= 0 &&
			    c->strong)
				c->score[pt] += EV_WEAK;
		}
		unsigned pk = 0;
		if (e < x->nt && cue_at(x, e, &pk) && (pk & CUE_PER_POST))
			c->score[ENT_PER] += EV_CUE;
		/* "Giám đốc CDC Rochelle Walensky": the title is the full name's
		 * after the acronym of the employer */
		bool keep =
		    pend_title && acro && namey(x, e) && namey(x, e + 1) && !korean_name(x, e + 1);
		if (!keep)
			pend = -1, pend_title = pend_honor = false;
		k = e;
	}
}

/* Whether an English headline is in Title Case, where capitals prove
 * nothing: most of its longer words are capitalized. */
static bool title_case(ctx *x)
{
	size_t words = 0, caps = 0;
	for (size_t k = 0; k < x->nt; k++) {
		const tok *t = &x->t[k];
		if (!(t->flags & T_WORD) || t->end - t->start < 4)
			continue;
		words++;
		if (t->flags & T_CAP)
			caps++;
	}
	return words >= 3 && caps * 10 >= words * 6;
}

/* ---- linking ------------------------------------------------------------ */

struct uniq {
	/* what makes it one: a gazetteer name's canonical and type, else the
	 * joined keys (lkey) */
	const char *lkey;
	size_t lklen;
	const char *gaz;
	int gtype;        /* best type of a gazetteer name's first mention */
	const char *name; /* the first spelling */
	int ntok;
	int count;
	int score[3];
	bool strong;
	bool nodefault;
	int root; /* unique this one links to */
};

/* A candidate of a finished window, folded into its unique name: all that
 * linking needs of it, an eighth of a candidate's size (a line of one
 * capital letter is a candidate per two bytes). Its field is known from
 * its place (ctx field_end), its bracket link from a cref_link. */
struct cref {
	uint32_t start, end; /* bytes in the field */
	int32_t uid;         /* its unique name, -1 for a misc candidate */
};

/* A cref whose candidate names another in brackets (or the reverse). */
struct cref_link {
	size_t cref;
	int32_t uid; /* the other candidate's unique name */
};

/* Hash of a unique name: its kind (tag), then its text. */
static uint32_t uniq_hash(char tag, const char *id)
{
	return fnv_more(fnv_more(FNV_BASIS, &tag, 1), id, strlen(id));
}

/* The kind of unique name q is: '1' + type for a gazetteer name, else 'N'. */
static char uniq_tag(const uniq *q)
{
	return q->gaz ? (char)('1' + q->gtype) : 'N';
}

/* Makes the table of unique names twice as large as their number, at
 * least, placing every one again. */
static void uniq_room(ctx *x)
{
	if (x->nu * 2 + 1 <= x->nslots)
		return;
	size_t n = x->nslots ? x->nslots : 64;
	while (n < x->nu * 2 + 1)
		n <<= 1;
	free(x->slots);
	x->slots = xcalloc(n, sizeof *x->slots);
	x->nslots = n;
	size_t mask = n - 1;
	for (size_t j = 0; j < x->nu; j++) {
		const uniq *q = &x->u[j];
		for (size_t i = uniq_hash(uniq_tag(q), q->gaz ? q->gaz : q->lkey) & mask;;
		     i = (i + 1) & mask)
			if (!x->slots[i]) {
				x->slots[i] = (uint32_t)(j + 1);
				break;
			}
	}
}

/* Index of candidate c's unique name in the per-call table, adding it if
 * new: gazetteer names are one by canonical name and type, other names by
 * their joined keys. *added tells whether c is the first of its name (its
 * name block then belongs to the table). */
static int uniq_id(ctx *x, const cand *c, bool *added)
{
	int gtype = c->gaz ? best_type(c->score) : 0;
	const char *id = c->gaz ? c->gaz : c->lkey;
	char tag = c->gaz ? (char)('1' + gtype) : 'N';
	*added = false;
	uniq_room(x);
	size_t mask = x->nslots - 1;
	for (size_t i = uniq_hash(tag, id) & mask;; i = (i + 1) & mask) {
		if (!x->slots[i]) {
			if (x->nu == x->capu) {
				x->capu = x->capu ? x->capu * 2 : 32;
				x->u = xrealloc(x->u, x->capu * sizeof *x->u);
			}
			uniq *q = &x->u[x->nu];
			memset(q, 0, sizeof *q);
			q->lkey = c->lkey;
			q->lklen = c->lklen;
			q->gaz = c->gaz;
			q->gtype = gtype;
			q->name = c->name;
			q->ntok = c->ntok;
			q->root = (int)x->nu;
			x->slots[i] = (uint32_t)(++x->nu);
			*added = true;
			return (int)(x->nu - 1);
		}
		const uniq *q = &x->u[x->slots[i] - 1];
		if (c->gaz ? q->gaz && q->gtype == gtype && strcmp(q->gaz, c->gaz) == 0
		           : !q->gaz && strcmp(q->lkey, c->lkey) == 0)
			return (int)(x->slots[i] - 1);
	}
}

/* Folds the candidates of a finished window (or field) into the unique
 * names, keeping of each only a cref, and empties the window's list: the
 * memory of a long field is then its unique names and 20 bytes per
 * candidate, not a whole candidate each. */
static void fold_cands(ctx *x)
{
	if (x->nr + x->nc > x->capr) {
		/* grown by half: the array is most of a long field's memory */
		while (x->nr + x->nc > x->capr)
			x->capr = x->capr ? x->capr + x->capr / 2 : 64;
		x->r = xrealloc(x->r, x->capr * sizeof *x->r);
	}
	/* no candidates yet: x->r may be NULL, and NULL + 0 is undefined */
	cref *r = x->nc ? x->r + x->nr : NULL;
	for (size_t i = 0; i < x->nc; i++) {
		cand *c = &x->c[i];
		bool added = false;
		r[i] = (cref){(uint32_t)c->start, (uint32_t)c->end, -1};
		if (!c->misc) {
			int id = uniq_id(x, c, &added);
			r[i].uid = id;
			uniq *q = &x->u[id];
			q->count++;
			for (int t = 0; t < 3; t++)
				q->score[t] += c->score[t];
			q->strong |= c->strong;
			q->nodefault |= c->nodefault;
		}
		if (!added)
			free(c->name); /* and the joined keys after it */
	}
	/* links point at candidates of the same window */
	for (size_t i = 0; i < x->nc; i++) {
		if (x->c[i].link < 0 || r[i].uid < 0 || r[x->c[i].link].uid < 0)
			continue;
		if (x->nlinks == x->caplinks) {
			x->caplinks = x->caplinks ? x->caplinks * 2 : 16;
			x->links = xrealloc(x->links, x->caplinks * sizeof *x->links);
		}
		x->links[x->nlinks++] = (struct cref_link){x->nr + i, r[x->c[i].link].uid};
	}
	x->nr += x->nc;
	x->nc = 0;
	/* the crefs so far end the current field's */
	if (!x->nfields || x->field_of[x->nfields - 1] != (uint8_t)x->field) {
		x->field_of[x->nfields] = (uint8_t)x->field;
		x->nfields++;
	}
	x->field_end[x->nfields - 1] = x->nr;
}

/* Type with the most evidence, or -1 when there is none. */
static int best_type(const int *score)
{
	int best = -1, bs = 0;
	for (int t = 0; t < 3; t++)
		if (score[t] > bs)
			bs = score[t], best = t;
	return best;
}

/* Whether short (a name's last words) ends the longer name key long
 * (their lengths a and b). */
static bool key_suffix(const char *lng, size_t a, const char *shrt, size_t b)
{
	return a > b && lng[a - b - 1] == ' ' && memcmp(lng + a - b, shrt, b) == 0;
}

/* Whether shrt is the family name that starts the Korean-style name lng
 * ("jung" of "jung min - seok", the keys of "Jung" and "Jung Min-seok"). */
static bool key_family(const char *lng, const char *shrt)
{
	size_t b = strlen(shrt);
	if (strncmp(lng, shrt, b) != 0 || lng[b] != ' ')
		return false;
	const char *rest = lng + b + 1, *d = strstr(rest, " - ");
	return d && d > rest && !memchr(rest, ' ', (size_t)(d - rest)) && !strchr(d + 3, ' ');
}

/* An entry of the name index: name j has key (len bytes) as a word
 * suffix, or (family) as the family name of a Korean-style name. */
typedef struct name_entry {
	const char *key;
	size_t len;
	uint32_t j;
	uint32_t next; /* the next entry of its slot, + 1; 0: none */
	bool family;
} name_entry;

/* The word suffixes and family names of an article's unique names, each
 * to the names that have it: slots of chains, by key hash. */
typedef struct name_index {
	uint32_t *slots;
	size_t nslots;
	name_entry *e;
	size_t n, cap;
} name_index;

/* Adds an entry to the index (its slots already sized). */
static void name_index_add(name_index *ix, const char *key, size_t len, size_t j, bool family)
{
	if (ix->n == ix->cap) {
		ix->cap = ix->cap ? ix->cap * 2 : 64;
		ix->e = xrealloc(ix->e, ix->cap * sizeof *ix->e);
	}
	size_t h = key_hash(key, len) & (ix->nslots - 1);
	ix->e[ix->n] = (name_entry){key, len, (uint32_t)j, ix->slots[h], family};
	ix->slots[h] = (uint32_t)++ix->n;
}

/* Indexes the names that others may be a part of: each proper suffix
 * after a space of a name's joined keys, and the family name of a
 * Korean-style name (key_family). Gazetteer names are never linked to. */
static void name_index_build(name_index *ix, const uniq *u, size_t nu)
{
	memset(ix, 0, sizeof *ix);
	size_t words = 0;
	for (size_t j = 0; j < nu; j++)
		if (!u[j].gaz)
			words += (size_t)u[j].ntok + 1;
	ix->nslots = 64;
	while (ix->nslots < words * 2 + 1)
		ix->nslots <<= 1;
	ix->slots = xcalloc(ix->nslots, sizeof *ix->slots);
	for (size_t j = 0; j < nu; j++) {
		const uniq *r = &u[j];
		if (r->gaz)
			continue;
		for (size_t k = 0; k + 1 < r->lklen; k++)
			if (r->lkey[k] == ' ')
				name_index_add(ix, r->lkey + k + 1, r->lklen - k - 1, j, false);
		const char *sp = memchr(r->lkey, ' ', r->lklen);
		if (sp && sp > r->lkey) {
			char first[256];
			size_t fl = (size_t)(sp - r->lkey);
			if (fl < sizeof first) {
				memcpy(first, r->lkey, fl);
				first[fl] = '\0';
				if (key_family(r->lkey, first))
					name_index_add(ix, r->lkey, fl, j, true);
			}
		}
	}
}

/* Frees the index. */
static void name_index_free(name_index *ix)
{
	free(ix->slots);
	free(ix->e);
}

/* Links the candidates of the article into entities, decides their type,
 * drops what has no evidence, and appends the mentions to out. */
static void resolve(ctx *x, const article *a, mention_list *out)
{
	uniq *u = x->u;
	size_t nu = x->nu;
	/* partial names link to the longer name they end ("Putin" ->
	 * "Vladimir Putin"), found through an index of the names' word
	 * suffixes (each name against every other one took the square of
	 * the number of names: minutes for a long list of names) */
	name_index ix;
	name_index_build(&ix, u, nu);
	for (size_t i = 0; i < nu; i++) {
		uniq *q = &u[i];
		if (q->gaz || q->ntok >= MAXPHRASE)
			continue;
		int qt = best_type(q->score);
		int best = -1;
		size_t h = key_hash(q->lkey, q->lklen) & (ix.nslots - 1);
		for (uint32_t e = ix.slots[h]; e; e = ix.e[e - 1].next) {
			const name_entry *ne = &ix.e[e - 1];
			if (ne->len != q->lklen || memcmp(ne->key, q->lkey, ne->len) != 0)
				continue;
			int j = (int)ne->j;
			const uniq *r = &u[j];
			/* a family name only for one word ("Jung", "Jung Min-seok") */
			if (r->ntok <= q->ntok || (ne->family && q->ntok != 1) ||
			    (!ne->family && !key_suffix(r->lkey, r->lklen, q->lkey, q->lklen)))
				continue;
			int rt = best_type(r->score);
			if (qt >= 0 && rt >= 0 && qt != rt && q->score[qt] >= EV_DEF &&
			    r->score[rt] >= EV_DEF)
				continue;
			/* the most mentioned, then the longest, then the first */
			if (best < 0 || r->count > u[best].count ||
			    (r->count == u[best].count &&
			     (r->ntok > u[best].ntok || (r->ntok == u[best].ntok && j < best))))
				best = j;
		}
		if (best >= 0)
			q->root = best;
	}
	name_index_free(&ix);
	/* a name and its short form in brackets are one entity, named by the
	 * gazetteer if it knows either, else by the longer name */
	for (size_t i = 0; i < x->nlinks; i++) {
		int ra = x->r[x->links[i].cref].uid, rb = x->links[i].uid;
		while (u[ra].root != ra)
			ra = u[ra].root;
		while (u[rb].root != rb)
			rb = u[rb].root;
		if (ra == rb || (u[ra].gaz && u[rb].gaz))
			continue;
		int ta = best_type(u[ra].score), tb = best_type(u[rb].score);
		if (ta >= 0 && tb >= 0 && ta != tb && u[ra].score[ta] >= EV_DEF &&
		    u[rb].score[tb] >= EV_DEF)
			continue;
		bool to_a = u[ra].gaz || (!u[rb].gaz && u[ra].ntok > u[rb].ntok);
		if (to_a)
			u[rb].root = ra;
		else
			u[ra].root = rb;
	}
	/* evidence flows to the root of each chain */
	for (size_t i = 0; i < nu; i++) {
		int r = (int)i;
		while (u[r].root != r)
			r = u[r].root;
		u[i].root = r;
	}
	for (size_t i = 0; i < nu; i++) {
		int r = u[i].root;
		if (r == (int)i)
			continue;
		for (int t = 0; t < 3; t++)
			u[r].score[t] += u[i].score[t];
		u[r].strong |= u[i].strong;
	}
	/* The mentions: what has a type and is written as a name. Their
	 * strings are pooled in out->owned: one canonical name per entity and
	 * one block of surfaces, not two allocations per mention. */
	size_t n = 0, bytes = 0;
	for (int pass = 0; pass < 2; pass++) {
		char *w = NULL;
		char **canon = NULL;
		if (pass == 1) {
			if (!n)
				break;
			if (out->cap < out->n + n) {
				out->cap = out->n + n;
				out->v = xrealloc(out->v, out->cap * sizeof *out->v);
			}
			w = xmalloc(bytes);
			sl_push_owned(&out->owned, w);
			canon = xcalloc(nu, sizeof *canon);
		}
		for (size_t i = 0, f = 0; i < x->nr; i++) {
			const cref *c = &x->r[i];
			while (i >= x->field_end[f])
				f++;
			int field = x->field_of[f];
			if (c->uid < 0)
				continue;
			int root = u[c->uid].root;
			const uniq *r = &u[root];
			int type = best_type(r->score);
			if (type < 0 && !r->gaz && r->ntok >= 2 && !r->nodefault)
				type = ENT_PER; /* a capitalized name of several words: a person */
			if (type < 0 || !r->strong)
				continue;
			if (pass == 0) {
				n++;
				bytes += c->end - c->start + 1;
				continue;
			}
			const char *text = field == FIELD_TITLE     ? a->title
			                   : field == FIELD_LEDE    ? a->lede
			                   : field == FIELD_CAPTION ? a->caption
			                   : field == FIELD_CREDIT  ? a->credit
			                                            : a->body;
			mention *m = &out->v[out->n++];
			m->type = (entity_type)type;
			m->field = (article_field)field;
			m->start = c->start;
			m->end = c->end;
			m->surface = w;
			memcpy(w, text + c->start, c->end - c->start);
			w += c->end - c->start;
			*w++ = '\0';
			if (!canon[root]) {
				sl_push(&out->owned, r->gaz ? r->gaz : r->name);
				canon[root] = out->owned.v[out->owned.n - 1];
			}
			m->canonical = canon[root];
		}
		free(canon);
	}
}

/* ---- public API -------------------------------------------------------- */

void mention_list_init(mention_list *l)
{
	l->v = NULL;
	l->n = l->cap = 0;
	sl_init(&l->owned);
}

void mention_list_free(mention_list *l)
{
	/* strings pooled by entity_extract, else one allocation each */
	if (l->owned.n) {
		sl_free(&l->owned);
	} else {
		for (size_t i = 0; i < l->n; i++) {
			free(l->v[i].surface);
			free(l->v[i].canonical);
		}
	}
	free(l->v);
	mention_list_init(l);
}

/* Releases a context's buffers. */
static void ctx_free(ctx *x)
{
	for (size_t i = 0; i < x->nc; i++)
		free(x->c[i].name); /* and the joined keys after it */
	for (size_t i = 0; i < x->nu; i++)
		free((char *)x->u[i].name); /* the first spelling's block */
	free(x->c);
	free(x->u);
	free(x->slots);
	free(x->r);
	free(x->links);
	free(x->t);
	sb_free(&x->keys);
}

/* Points the context at text[0..len) of a field and cuts it into tokens. */
static void ctx_field(ctx *x, const char *text, size_t len, int field)
{
	x->text = text;
	x->len = len;
	x->field = field;
	x->titlecase = false;
	tokenize(x);
	if (field == FIELD_TITLE && x->en && title_case(x)) {
		x->titlecase = true;
		tokenize(x);
	}
}

/* How much of a running-text field is tokenized and scanned at a time.
 * A token takes 48 bytes and a short line is one word and a break: a
 * whole field at once took 24 times its size (a 10 MB file of one-letter
 * lines, 1.3 GB), a window takes a constant. Real articles are shorter
 * than one window, so their names never meet a window's edge. */
#define SCAN_WINDOW (256u << 10)

/* Length of the next window of text[0..len): whole lines up to
 * SCAN_WINDOW bytes, else (one very long line) whole sentences or words,
 * else whole characters. */
static size_t window_len(const char *text, size_t len)
{
	if (len <= SCAN_WINDOW)
		return len;
	const char *nl = NULL;
	for (size_t i = SCAN_WINDOW; i-- > 0;)
		if (text[i] == '\n') {
			nl = text + i;
			break;
		}
	if (nl)
		return (size_t)(nl - text) + 1;
	for (size_t i = SCAN_WINDOW; i-- > 1;)
		if (text[i] == ' ' && text[i - 1] == '.')
			return i + 1;
	for (size_t i = SCAN_WINDOW; i-- > 0;)
		if (text[i] == ' ')
			return i + 1;
	size_t n = SCAN_WINDOW;
	while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	return n ? n : SCAN_WINDOW;
}

/* Finds the candidates of a running-text field, a window at a time: the
 * candidates of a window get offsets in the whole field, and token
 * indexes that no later window can take for its own. */
static void scan_windows(ctx *x, const char *text, int field)
{
	size_t len = strlen(text), off = 0;
	do {
		size_t n = window_len(text + off, len - off);
		size_t c0 = x->nc;
		ctx_field(x, text + off, n, field);
		scan_field(x);
		link_brackets(x, c0);
		for (size_t i = c0; i < x->nc; i++) {
			x->c[i].start += off;
			x->c[i].end += off;
		}
		fold_cands(x);
		off += n;
	} while (off < len);
}

void entity_extract(const entity_extractor *ex, const article *a, mention_list *out)
{
	ctx x;
	memset(&x, 0, sizeof x);
	x.ex = ex;
	sb_init(&x.keys);
	x.en = a->lang[0] == 'e' && a->lang[1] == 'n';
	const struct {
		const char *text;
		int field;
	} fields[] = {{a->title, FIELD_TITLE},
	              {a->lede, FIELD_LEDE},
	              {a->caption, FIELD_CAPTION},
	              {a->credit, FIELD_CREDIT},
	              {a->body, FIELD_BODY}};
	for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
		if (!fields[f].text || !*fields[f].text)
			continue;
		if (fields[f].field == FIELD_CREDIT) {
			ctx_field(&x, fields[f].text, strlen(fields[f].text), fields[f].field);
			scan_credit(&x);
			fold_cands(&x);
		} else {
			scan_windows(&x, fields[f].text, fields[f].field);
		}
	}
	resolve(&x, a, out);
	ctx_free(&x);
}

/* Adds one phrase (a gazetteer alias when type >= 0, else a cue of kind
 * `kind`) to the extractor. */
static void add_phrase(entity_extractor *ex, const char *text, int type, const char *canonical,
                       unsigned kind)
{
	bool not_initial = false;
	if (*text == '~') {
		not_initial = true;
		text++;
	}
	ctx x;
	memset(&x, 0, sizeof x);
	x.ex = ex;
	sb_init(&x.keys);
	x.text = text;
	x.len = strlen(text);
	tokenize(&x);
	if (!x.nt || x.nt > MAXPHRASE) {
		ctx_free(&x);
		return;
	}
	strbuf key;
	sb_init(&key);
	uint32_t need_cap = 0, need_all = 0;
	for (size_t k = 0; k < x.nt; k++) {
		if (k)
			sb_addc(&key, ' ');
		sb_add(&key, tkey(&x, k), x.t[k].klen);
		if (x.t[k].flags & T_ALLCAPS)
			need_all |= 1u << k;
		else if (x.t[k].flags & T_CAP)
			need_cap |= 1u << k;
	}
	bool cap_first = (x.t[0].flags & T_CAP) != 0;
	/* the first token's key, for the first-token table */
	char *first = xstrndup(tkey(&x, 0), x.t[0].klen);
	uint8_t ntok = (uint8_t)x.nt;
	ctx_free(&x);

	long pi = ph_find(ex, key.s, key.len);
	phrase *p;
	if (pi < 0) {
		if (ex->nph == ex->capph) {
			ex->capph = ex->capph ? ex->capph * 2 : 1024;
			ex->ph = xrealloc(ex->ph, ex->capph * sizeof *ex->ph);
		}
		p = &ex->ph[ex->nph++];
		memset(p, 0, sizeof *p);
		p->keylen = (uint32_t)key.len;
		p->key = sb_detach(&key);
		p->ntok = ntok;
		p->type = -1;
		if (ex->nph * 2 + 1 > ex->nslots)
			rehash(&ex->slots, &ex->nslots, ex->nph, ph_keyof, ex);
		else {
			size_t mask = ex->nslots - 1;
			for (size_t i = key_hash(p->key, p->keylen) & mask;; i = (i + 1) & mask)
				if (!ex->slots[i]) {
					ex->slots[i] = (uint32_t)ex->nph;
					break;
				}
		}
	} else {
		p = &ex->ph[pi];
	}
	sb_free(&key);
	if (type >= 0) {
		bool same = p->type == type && p->canonical && strcmp(p->canonical, canonical) == 0;
		if (!same) {
			free(p->canonical);
			p->canonical = xstrdup(canonical);
			p->type = (int8_t)type;
			p->not_initial = not_initial;
			p->need_cap = need_cap;
			p->need_all = need_all;
		} else {
			/* two spellings of one alias: either case is fine */
			p->not_initial |= not_initial;
			p->need_cap &= need_cap;
			p->need_all &= need_all;
		}
	} else if (cap_first) {
		p->cue_cap |= kind;
	} else {
		p->cue_any |= kind;
	}

	/* first-token table */
	size_t fl = strlen(first);
	if (ex->nfslots) {
		size_t mask = ex->nfslots - 1;
		for (size_t i = key_hash(first, fl) & mask;; i = (i + 1) & mask) {
			uint32_t v = ex->fslots[i];
			if (!v)
				break;
			if (strcmp(ex->first[v - 1], first) == 0) {
				if (ex->firstmax[v - 1] < ntok)
					ex->firstmax[v - 1] = ntok;
				free(first);
				return;
			}
		}
	}
	if (ex->nfirst == ex->capfirst) {
		ex->capfirst = ex->capfirst ? ex->capfirst * 2 : 1024;
		ex->first = xrealloc(ex->first, ex->capfirst * sizeof *ex->first);
		ex->firstlen = xrealloc(ex->firstlen, ex->capfirst * sizeof *ex->firstlen);
		ex->firstmax = xrealloc(ex->firstmax, ex->capfirst);
	}
	ex->first[ex->nfirst] = first;
	ex->firstlen[ex->nfirst] = (uint32_t)fl;
	ex->firstmax[ex->nfirst] = ntok;
	ex->nfirst++;
	if (ex->nfirst * 2 + 1 > ex->nfslots) {
		rehash(&ex->fslots, &ex->nfslots, ex->nfirst, first_keyof, ex);
	} else {
		size_t mask = ex->nfslots - 1;
		for (size_t i = key_hash(first, fl) & mask;; i = (i + 1) & mask)
			if (!ex->fslots[i]) {
				ex->fslots[i] = (uint32_t)ex->nfirst;
				break;
			}
	}
}

/* Splits a tab-separated line in place. Returns the number of fields. */
static size_t split_tabs(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *p = line;
	while (n < max) {
		f[n++] = p;
		char *tab = strchr(p, '\t');
		if (!tab)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	return n;
}

/* Loads the gazetteer file `name`: TYPE, canonical name, aliases. */
static void load_gazetteer(entity_extractor *ex, const char *name)
{
	strlist lines;
	sl_init(&lines);
	datafile_lines(name, &lines);
	for (size_t i = 0; i < lines.n; i++) {
		char *f[64];
		size_t n = split_tabs(lines.v[i], f, 64);
		int type = n >= 2 ? entity_type_parse(f[0]) : -1;
		if (type < 0)
			continue;
		const char *canonical = f[1][0] == '~' ? f[1] + 1 : f[1];
		if (!*canonical)
			continue;
		for (size_t k = 1; k < n; k++)
			if (*f[k])
				add_phrase(ex, f[k], type, canonical, 0);
	}
	sl_free(&lines);
}

/* Loads the cue phrases of entity-cues.txt. */
static void load_cues(entity_extractor *ex)
{
	strlist lines;
	sl_init(&lines);
	datafile_lines("entity-cues.txt", &lines);
	for (size_t i = 0; i < lines.n; i++) {
		char *f[2];
		if (split_tabs(lines.v[i], f, 2) != 2 || !*f[1])
			continue;
		for (size_t c = 0; c < sizeof cue_names / sizeof *cue_names; c++)
			if (strcmp(cue_names[c].name, f[0]) == 0)
				add_phrase(ex, f[1], -1, NULL, cue_names[c].kind);
	}
	sl_free(&lines);
}

entity_extractor *entity_extractor_new(void)
{
	entity_extractor *ex = xcalloc(1, sizeof *ex);
	ex->cp = xmalloc(CP_TABLE * sizeof *ex->cp);
	for (ucs4_t uc = 0; uc < CP_TABLE; uc++)
		cp_compute(uc, &ex->cp[uc]);
	load_cues(ex);
	load_gazetteer(ex, "countries.tsv");
	load_gazetteer(ex, "places.tsv");
	load_gazetteer(ex, "organizations.tsv");
	load_gazetteer(ex, "people.tsv");
	return ex;
}

void entity_extractor_free(entity_extractor *ex)
{
	if (!ex)
		return;
	for (size_t i = 0; i < ex->nph; i++) {
		free(ex->ph[i].key);
		free(ex->ph[i].canonical);
	}
	for (size_t i = 0; i < ex->nfirst; i++)
		free(ex->first[i]);
	free(ex->ph);
	free(ex->slots);
	free(ex->first);
	free(ex->firstlen);
	free(ex->firstmax);
	free(ex->fslots);
	free(ex->cp);
	free(ex);
}

char *entity_key(const char *name)
{
	char *f = text_fold(name, strlen(name), NULL);
	/* collapse repeated characters and runs of white space: "Zelenskyy" and
	 * "Zelensky" share a key */
	char *w = f;
	const char *r = f;
	while (*r == ' ')
		r++;
	const char *prev = NULL;
	size_t prevlen = 0;
	while (*r) {
		size_t len = 1;
		while ((r[len] & 0xC0) == 0x80)
			len++;
		bool space = *r == ' ' || *r == '\t' || *r == '\n';
		if (space && (prev == NULL || (prevlen == 1 && w[-1] == ' '))) {
			r += len;
			continue;
		}
		if (!space && prev && prevlen == len && memcmp(w - len, r, len) == 0) {
			r += len;
			continue;
		}
		memmove(w, space ? " " : r, space ? 1 : len);
		w += space ? 1 : len;
		prev = w - (space ? 1 : len);
		prevlen = space ? 1 : len;
		r += len;
	}
	while (w > f && w[-1] == ' ')
		w--;
	*w = '\0';
	return f;
}

const char *entity_type_name(entity_type t)
{
	switch (t) {
	case ENT_PER:
		return "PER";
	case ENT_ORG:
		return "ORG";
	case ENT_LOC:
		return "LOC";
	default:
		return "?";
	}
}

int entity_type_parse(const char *s)
{
	if (!s)
		return -1;
	for (int t = 0; t < ENT_NTYPES; t++)
		if (strcmp(s, entity_type_name((entity_type)t)) == 0)
			return t;
	return -1;
}
