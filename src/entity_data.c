/* entity_data.c: the gazetteers and cue phrases of entity extraction:
 * loading them from the data files, their hash table over matching keys,
 * and finding them in a field's tokens (once per token, see ent_lookup). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "entity_int.h"
#include "util.h"

/* ---- phrase tables -------------------------------------------------- */

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
    {"common", CUE_COMMON},
    {"sport", CUE_SPORT},
    {"club-suffix", CUE_CLUB},
    {"road", CUE_ROAD},
    {"demonym", CUE_DEMONYM},
};

/* Whether n bytes at a and b are equal: memcmp inline, for the short keys
 * of words and phrases compared at every word of every article (a call
 * to memcmp per probe was a fortieth of the ingest's time). */
static inline bool key_eq(const char *a, const char *b, size_t n)
{
	for (; n >= 8; a += 8, b += 8, n -= 8) {
		uint64_t x, y;
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		if (x != y)
			return false;
	}
	if (n >= 4) {
		uint32_t x, y;
		memcpy(&x, a, 4);
		memcpy(&y, b, 4);
		if (x != y)
			return false;
		a += 4, b += 4, n -= 4;
	}
	for (; n; a++, b++, n--)
		if (*a != *b)
			return false;
	return true;
}

/* The hash of a phrase key of n bytes (phrase_hash_more). */
static uint32_t phrase_hash(const char *s, size_t n)
{
	uint32_t h = FNV_BASIS;
	const char *end = s + n;
	for (;;) {
		const char *sp = memchr(s, ' ', (size_t)(end - s));
		const char *we = sp ? sp : end;
		h = phrase_hash_more(h, word_hash(s, (size_t)(we - s)));
		if (!sp)
			return h;
		s = sp + 1;
	}
}

/* A slot of the phrase tables for entry index k whose key hashes to h. */
static inline uint64_t slot_make(size_t k, uint32_t h)
{
	return (uint64_t)h << 32 | (uint32_t)(k + 1);
}

/* The key hash a slot keeps. */
static inline uint32_t slot_hash(uint64_t v)
{
	return (uint32_t)(v >> 32);
}

/* The entry index of a full slot. */
static inline size_t slot_index(uint64_t v)
{
	return (size_t)(uint32_t)v - 1;
}

/* Index of the phrase with this key and hash, or -1. */
static long ph_find_h(const entity_extractor *ex, const char *key, size_t n, uint32_t h)
{
	if (!ex->nslots)
		return -1;
	size_t mask = ex->nslots - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint64_t v = ex->slots[i];
		if (!v)
			return -1;
		if (slot_hash(v) != h)
			continue;
		const phrase *p = &ex->ph[slot_index(v)];
		if (p->keylen == n && key_eq(p->key, key, n))
			return (long)slot_index(v);
	}
}

/* Index of the phrase with this key, or -1. */
static long ph_find(const entity_extractor *ex, const char *key, size_t n)
{
	return ph_find_h(ex, key, n, phrase_hash(key, n));
}

unsigned ent_cue_kinds(const entity_extractor *ex, const char *key, size_t n)
{
	long i = ph_find(ex, key, n);
	return i < 0 ? 0 : ex->ph[i].cue_any | ex->ph[i].cue_cap;
}

/* See entity_int.h. */
bool ent_key_country(const entity_extractor *ex, const char *key, size_t n)
{
	long i = ph_find(ex, key, n);
	return i >= 0 && ex->ph[i].country;
}

/* See entity_int.h. */
unsigned ent_key_vi_name(const entity_extractor *ex, const char *key, size_t n)
{
	long i = ph_find(ex, key, n);
	return i >= 0 ? ex->ph[i].vi_name : 0;
}

/* The bit of phrase length ntok in first_entry.ns. */
static uint32_t ntok_bit(unsigned ntok)
{
	return ntok < 32 ? 1u << ntok : 1u;
}

/* Longest phrase length starting with this first-token key (hash h),
 * 0 if none; *ns gets the lengths there are (first_entry.ns). */
static int first_max(const entity_extractor *ex, const char *key, size_t n, uint32_t h,
                     uint32_t *ns)
{
	if (!ex->nfslots)
		return 0;
	size_t mask = ex->nfslots - 1;
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint64_t v = ex->fslots[i];
		if (!v)
			return 0;
		size_t f = slot_index(v);
		const first_entry *fe = &ex->first[f];
		size_t head = n < FIRST_HEAD ? n : FIRST_HEAD;
		if (slot_hash(v) == h && fe->len == n && key_eq(fe->head, key, head) &&
		    key_eq(fe->key + head, key + head, n - head)) {
			*ns = fe->ns;
			return fe->max;
		}
	}
}

/* Puts slot v into the first free place of its probe sequence in a
 * table of size slots (a power of two). */
static void slot_put(uint64_t *slots, size_t size, uint64_t v)
{
	for (size_t i = slot_hash(v) & (size - 1);; i = (i + 1) & (size - 1))
		if (!slots[i]) {
			slots[i] = v;
			return;
		}
}

/* Rebuilds an open-addressing table of `n` string keys into *slots. */
static void rehash(uint64_t **slots, size_t *nslots, size_t n,
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
		uint32_t h = phrase_hash(key, strlen(key));
		slot_put(*slots, size, slot_make(k, h));
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
	return ((const entity_extractor *)arg)->first[k].key;
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
	if ((p->need_lower >> i) & 1)
		return (f & T_LOWER) != 0;
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

/* Whether token k is a compass word English may write in lower case
 * before a region's name: "north America" is North America, not the
 * America of the United States. */
bool ent_compass_word(const ctx *x, size_t k)
{
	static const char *const words[] = {"north", "south", "east", "west", "central", "latin"};
	const tok *t = &x->t[k];
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (t->klen == strlen(words[i]) && memcmp(tkey(x, k), words[i], t->klen) == 0)
			return true;
	return false;
}

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
	if (!ok && n > 1 &&
	    (head_word(x, k, h) || (x->en && p->type == ENT_LOC && ent_compass_word(x, k)))) {
		ok = true;
		for (int i = 1; i < n && ok; i++)
			ok = case_ok(x, p, k + (size_t)i, i);
	}
	if (!ok || (p->vi_only && x->en))
		return false;
	/* "huyện An Phú": a unit's name that is a person's name too */
	if (p->admin_only && !ent_after_admin((ctx *)x, k))
		return false;
	/* "Thứ Năm" is a weekday, not the Năm of a name */
	return !(p->not_initial && (x->t[k].flags & T_INITIAL));
}

/* Finds, once per token, the longest gazetteer name (with its case rules)
 * and the longest cue phrase (with the cue kinds that apply) starting at
 * token k. Both come from one walk: the key of a token sequence is the
 * stretch of the key arena from its first token's key to its last one's,
 * so the phrase table is probed without copying keys. */
void ent_lookup(ctx *x, size_t k)
{
	tok *t = &x->t[k];
	t->memo = true;
	t->gaz = t->cue = NULL;
	t->gaz_n = t->cue_n = 0;
	t->cue_kinds = 0;
	if (!(t->flags & T_WORD) && x->text[t->start] != '&')
		return;
	const char *key = tkey(x, k);
	uint32_t h = phrase_hash_more(FNV_BASIS, t->hash);
	uint32_t ns = 0;
	int maxn = first_max(x->ex, key, t->klen, h, &ns);
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
			h = phrase_hash_more(h, u->hash);
		ends[++n] = end;
		hashes[n] = h;
	}
	bool want_gaz = (t->flags & T_WORD) != 0, want_cue = true;
	for (; n > 0 && (want_gaz || want_cue); n--) {
		/* no phrase of n tokens starts with this word */
		if (!(ns & ntok_bit((unsigned)n)))
			continue;
		long pi = ph_find_h(x->ex, key, ends[n], hashes[n]);
		if (pi < 0)
			continue;
		const phrase *p = &x->ex->ph[pi];
		/* "Liverpool" is the club in sport news (in English, news of
		 * club sport: "Madrid" of athletics is the city) */
		if (p->sport)
			t->flags |= T_SPORTALT;
		const phrase *g = x->sport && (!x->en || x->clubs) && p->sport ? p->sport : p;
		if (g->vi_only && x->en && g->other)
			g = g->other;
		if (want_gaz && g->type >= 0 && gaz_ok(x, g, k, n, hashes[1])) {
			t->gaz = g;
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

const phrase *ent_plain(const ctx *x, const phrase *p)
{
	if (!p || !p->plain)
		return NULL;
	const phrase *q = &x->ex->ph[p->plain - 1];
	return q->type >= 0 && !(q->vi_only && x->en) ? q : NULL;
}

/* ---- loading ---------------------------------------------------------- */

/* How a gazetteer alias is added (add_phrase). */
enum { GAZ_PLAIN = 0, GAZ_COUNTRY = 1, GAZ_SPORT = 2, GAZ_CLUB = 3, GAZ_ADMIN = 4, GAZ_WORD = 5 };

/* Adds one phrase (a gazetteer alias when type >= 0, else a cue of kind
 * `kind`) to the extractor; a GAZ_SPORT alias is the phrase's reading in
 * a sport context only, a GAZ_ADMIN one a place only after a unit word.
 * Returns the phrase written, NULL when the text is none. */
static phrase *add_phrase(entity_extractor *ex, const char *text, int type, const char *canonical,
                       unsigned kind, int how)
{
	bool not_initial = false, vi_only = false;
	if (*text == '~') {
		not_initial = true;
		text++;
	}
	/* another language's name for it, seldom the thing in English:
	 * "Roma" is Rome in Vietnamese, the Roma or a club in English */
	if (type >= 0 && strncmp(text, "vi:", 3) == 0) {
		vi_only = true;
		text += 3;
	}
	ctx x;
	memset(&x, 0, sizeof x);
	x.ex = ex;
	sb_init(&x.keys);
	x.text = text;
	x.len = strlen(text);
	ent_tokenize(&x);
	if (!x.nt || x.nt > MAXPHRASE) {
		ent_ctx_free(&x);
		return NULL;
	}
	strbuf key;
	sb_init(&key);
	uint32_t need_cap = 0, need_all = 0, lower = 0;
	for (size_t k = 0; k < x.nt; k++) {
		if (k)
			sb_addc(&key, ' ');
		sb_add(&key, tkey(&x, k), x.t[k].klen);
		if (x.t[k].flags & T_ALLCAPS)
			need_all |= 1u << k;
		else if (x.t[k].flags & T_CAP)
			need_cap |= 1u << k;
		else if (x.t[k].flags & T_LOWER)
			lower |= 1u << k;
	}
	bool cap_first = (x.t[0].flags & T_CAP) != 0;
	/* the first token's key, for the first-token table */
	char *first = xstrndup(tkey(&x, 0), x.t[0].klen);
	uint8_t ntok = (uint8_t)x.nt;
	ent_ctx_free(&x);

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
		else
			slot_put(ex->slots, ex->nslots,
			         slot_make(ex->nph - 1, phrase_hash(p->key, p->keylen)));
	} else {
		p = &ex->ph[pi];
	}
	sb_free(&key);
	if (type >= 0 && how == GAZ_SPORT) {
		if (!p->sport) {
			p->sport = xcalloc(1, sizeof *p->sport);
			p->sport->type = -1;
			p->sport->plain = (uint32_t)(p - ex->ph) + 1;
		}
		p = p->sport;
	}
	if (type >= 0) {
		p->country = how == GAZ_COUNTRY;
		bool admin_only = how == GAZ_ADMIN;
		p->club = how == GAZ_CLUB || how == GAZ_SPORT;
		bool same = p->type == type && p->canonical && strcmp(p->canonical, canonical) == 0;
		/* "vi:Facebook" (events.tsv) over "Facebook" (organizations.tsv):
		 * the earlier reading stays for English articles */
		if (!same && vi_only && p->type >= 0 && !p->vi_only && !p->other && how != GAZ_SPORT) {
			p->other = xmalloc(sizeof *p->other);
			*p->other = *p;
			p->other->sport = NULL;
			p->canonical = NULL; /* now the other reading's */
		}
		if (!same) {
			free(p->canonical);
			p->canonical = xstrdup(canonical);
			p->type = (int8_t)type;
			p->admin_only = admin_only;
			p->vi_only = vi_only;
			p->not_initial = not_initial;
			p->need_cap = need_cap;
			p->need_all = need_all;
			/* "Anh hùng": the word only as written, a name
			 * after the first syllable ("Nguyễn Anh Hùng") is a
			 * person's */
			p->need_lower = how == GAZ_WORD ? lower : 0;
		} else {
			/* two spellings of one alias: either case is fine */
			p->not_initial |= not_initial;
			p->admin_only &= admin_only;
			p->vi_only &= vi_only;
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
	uint32_t fh = phrase_hash(first, fl);
	if (ex->nfslots) {
		size_t mask = ex->nfslots - 1;
		for (size_t i = fh & mask;; i = (i + 1) & mask) {
			uint64_t v = ex->fslots[i];
			if (!v)
				break;
			size_t f = slot_index(v);
			first_entry *fe = &ex->first[f];
			if (slot_hash(v) == fh && strcmp(fe->key, first) == 0) {
				if (fe->max < ntok)
					fe->max = ntok;
				fe->ns |= ntok_bit(ntok);
				free(first);
				return p;
			}
		}
	}
	if (ex->nfirst == ex->capfirst) {
		ex->capfirst = ex->capfirst ? ex->capfirst * 2 : 1024;
		ex->first = xrealloc(ex->first, ex->capfirst * sizeof *ex->first);
	}
	first_entry *fe = &ex->first[ex->nfirst++];
	*fe = (first_entry){first, (uint32_t)fl, ntok_bit(ntok), ntok, {0}};
	memcpy(fe->head, first, fl < FIRST_HEAD ? fl : FIRST_HEAD);
	if (ex->nfirst * 2 + 1 > ex->nfslots) {
		rehash(&ex->fslots, &ex->nfslots, ex->nfirst, first_keyof, ex);
	} else {
		slot_put(ex->fslots, ex->nfslots, slot_make(ex->nfirst - 1, fh));
	}
	return p;
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

/* The type of a gazetteer line's TYPE field, with how its aliases are
 * added: PER, ORG, LOC, MISC (no entity), ORG@sport or LOC@country (a
 * country's reading: a national side stays a place), LOC@admin (only
 * after a unit word), MISC@word (a common word: its lower-case syllables
 * only in lower case); -1 for a type this extractor does not know. */
static int gaz_type(const char *s, int *how)
{
	*how = GAZ_PLAIN;
	if (strcmp(s, "MISC") == 0)
		return ENT_MISC;
	if (strcmp(s, "LOC@country") == 0) {
		*how = GAZ_COUNTRY;
		return ENT_LOC;
	}
	if (strcmp(s, "ORG@sport") == 0) {
		*how = GAZ_SPORT;
		return ENT_ORG;
	}
	if (strcmp(s, "LOC@admin") == 0) {
		*how = GAZ_ADMIN;
		return ENT_LOC;
	}
	if (strcmp(s, "MISC@word") == 0) {
		*how = GAZ_WORD;
		return ENT_MISC;
	}
	return entity_type_parse(s);
}

/* Loads the gazetteer file `name`: TYPE, canonical name, aliases. */
static void load_gazetteer(entity_extractor *ex, const char *name)
{
	strlist lines;
	sl_init(&lines);
	datafile_lines(name, &lines);
	bool countries = strcmp(name, "countries.tsv") == 0;
	bool clubs = strcmp(name, "sport.tsv") == 0;
	for (size_t i = 0; i < lines.n; i++) {
		char *f[64];
		size_t n = split_tabs(lines.v[i], f, 64);
		int how = GAZ_PLAIN;
		int type = n >= 2 ? gaz_type(f[0], &how) : -1;
		if (type < 0)
			continue;
		if (countries && how == GAZ_PLAIN)
			how = GAZ_COUNTRY;
		else if (clubs && how == GAZ_PLAIN && type == ENT_ORG)
			how = GAZ_CLUB;
		const char *canonical = f[1][0] == '~' ? f[1] + 1 : f[1];
		if (strncmp(canonical, "vi:", 3) == 0)
			canonical += 3; /* a name read in Vietnamese only */
		if (!*canonical)
			continue;
		for (size_t k = 1; k < n; k++)
			if (*f[k])
				add_phrase(ex, f[k], type, canonical, 0, how);
	}
	sl_free(&lines);
}

/* Loads the cue phrases of a cue file (entity-cues.txt, en-words.txt,
 * sport-words.txt): KIND, phrase. */
static void load_cues(entity_extractor *ex, const char *name)
{
	strlist lines;
	sl_init(&lines);
	datafile_lines(name, &lines);
	for (size_t i = 0; i < lines.n; i++) {
		char *f[2];
		if (split_tabs(lines.v[i], f, 2) != 2 || !*f[1])
			continue;
		for (size_t c = 0; c < sizeof cue_names / sizeof *cue_names; c++)
			if (strcmp(cue_names[c].name, f[0]) == 0)
				add_phrase(ex, f[1], -1, NULL, cue_names[c].kind, GAZ_PLAIN);
	}
	sl_free(&lines);
}

/* Whether an abbreviation has a capital after its first letter (HLV, ThS,
 * ĐBQH; not Dr, Sen.): anything but ASCII lower case and dots counts. */
static bool two_capitals(const char *s)
{
	const char *p = s + 1;
	while ((*p & 0xC0) == 0x80) /* the rest of a first letter like Đ */
		p++;
	for (; *p; p++)
		if (!(*p >= 'a' && *p <= 'z') && *p != '.')
			return true;
	return false;
}

/* Loads abbreviations.tsv: KIND, abbreviation, long forms. Each line adds
 * its kind to the abbreviation's set of cue kinds (ĐT is a common noun
 * and an organization's head); a "title" abbreviation (HLV, GS.TS) is a
 * title cue. Long forms are not read yet. */
static void load_abbreviations(entity_extractor *ex)
{
	static const struct {
		const char *name;
		unsigned kind;
	} kinds[] = {
	    {"common", CUE_ABBR_COMMON},         {"title", CUE_TITLE},
	    {"org-head", CUE_ABBR_ORG_HEAD},     {"org-part", CUE_ABBR_ORG_PART},
	    {"org-suffix", CUE_ABBR_ORG_SUFFIX},
	};
	strlist lines;
	sl_init(&lines);
	datafile_lines("abbreviations.tsv", &lines);
	for (size_t i = 0; i < lines.n; i++) {
		char *f[3];
		if (split_tabs(lines.v[i], f, 3) < 2 || !*f[1])
			continue;
		/* "Sen", "Gen", "St": a title written as a word is also a name's
		 * word (Làng Sen, St Louis); titles with two capitals only */
		if (strcmp(f[0], "title") == 0 && !two_capitals(f[1]))
			continue;
		for (size_t c = 0; c < sizeof kinds / sizeof *kinds; c++)
			if (strcmp(kinds[c].name, f[0]) == 0)
				add_phrase(ex, f[1], -1, NULL, kinds[c].kind, GAZ_PLAIN);
	}
	sl_free(&lines);
}

/* A kind of a data file of KIND<TAB>phrase lines, and the bit it sets. */
typedef struct word_kind {
	const char *name;
	uint32_t bit;
} word_kind;

/* Loads the lines of file whose KIND is one of kinds: each phrase joins
 * the phrase table (as a cue of kinds cue, or none) and gets the kind's
 * bit, in phrase.vi_name when vi, else in phrase.en_word. */
static void load_kinds(entity_extractor *ex, const char *file, const word_kind *kinds,
                       size_t nkinds, unsigned cue, bool vi)
{
	strlist lines;
	sl_init(&lines);
	datafile_lines(file, &lines);
	for (size_t i = 0; i < lines.n; i++) {
		char *f[2];
		if (split_tabs(lines.v[i], f, 2) != 2 || !*f[1])
			continue;
		for (size_t c = 0; c < nkinds; c++) {
			if (strcmp(kinds[c].name, f[0]) != 0)
				continue;
			phrase *p = add_phrase(ex, f[1], -1, NULL, cue, GAZ_PLAIN);
			if (p && vi)
				p->vi_name |= (uint8_t)kinds[c].bit;
			else if (p)
				p->en_word |= kinds[c].bit;
		}
	}
	sl_free(&lines);
}

/* Loads vn-names.txt: KIND (surname, middle, given), syllable. Its family
 * names are evidence of a person, not the title rule's CUE_SURNAME. */
static void load_vi_names(entity_extractor *ex)
{
	static const word_kind kinds[] = {
	    {"surname", VN_FAMILY}, {"middle", VN_MIDDLE}, {"given", VN_GIVEN}};
	load_kinds(ex, "vn-names.txt", kinds, sizeof kinds / sizeof *kinds, CUE_VI_NAME, true);
}

/* Loads the kinds of a word file (en-words.txt, vi-words.txt) that are
 * no cue (entity_en.c, entity_vi.c): corp-pre, corp-post, corp-of
 * (business words before and after a company's name), work (a work's or
 * a product's noun before its title), work-in, work-after, work-post
 * (words around a work's title), band-post (a band's words after its
 * name), title-word, people, device (a device's noun before its brand
 * and model), surname-suffix (an organization's suffix that is a
 * surname too), kin (a relative's word around a person's name), temple
 * (a temple's word before "bà", "ông" in its name), shop (a shop's or a
 * brand's word before a business), given-place (a place's name that is a
 * given name too), club-word (a word of club sport), media (a
 * broadcaster's, a magazine's or a news agency's noun that is no part of
 * the foreign name after it), unit-head (a unit's noun that heads a name
 * only before a word of its domain), press-post (a paper's or an
 * agency's word after its name), club-pre and club-post (a team's words
 * before and after its name in sport news), not-team (a plural that is
 * no team's nickname), acro-post (a body's word after an acronym),
 * addr-title (a title after a form of address), national-body (a known
 * body's short name that every nation's body has), person-poss (what
 * only a person has: "X's wife"), loc-post (a place's common noun after
 * its name: "the X ward"), compound (a Vietnamese word of two syllables
 * whose second is a function word elsewhere: "hàng không"). */
static void load_words(entity_extractor *ex, const char *file)
{
	static const word_kind kinds[] = {{"corp-pre", EN_CORP_PRE},
	                                  {"corp-post", EN_CORP_POST},
	                                  {"corp-of", EN_CORP_OF},
	                                  {"work", EN_WORK},
	                                  {"work-in", EN_WORK_IN},
	                                  {"work-after", EN_WORK_AFTER},
	                                  {"band-post", EN_BAND_POST},
	                                  {"title-word", EN_TITLE_WORD},
	                                  {"work-post", EN_WORK_POST},
	                                  {"people", EN_PEOPLE},
	                                  {"device", EN_DEVICE},
	                                  {"surname-suffix", EN_SURNAME},
	                                  {"kin", EN_KIN},
	                                  {"temple", EN_TEMPLE},
	                                  {"shop", EN_SHOP},
	                                  {"given-place", EN_GIVEN_PLACE},
	                                  {"club-word", EN_CLUB_WORD},
	                                  {"media", EN_MEDIA},
	                                  {"unit-head", EN_UNIT_HEAD},
	                                  {"press-post", EN_PRESS_POST},
	                                  {"club-pre", EN_CLUB_PRE},
	                                  {"club-post", EN_CLUB_POST},
	                                  {"not-team", EN_NOT_TEAM},
	                                  {"acro-post", EN_ACRO_POST},
	                                  {"addr-title", EN_ADDR_TITLE},
	                                  {"national-body", EN_NATIONAL},
	                                  {"person-poss", EN_PER_POSS},
	                                  {"loc-post", EN_LOC_POST},
	                                  {"compound", EN_COMPOUND}};
	load_kinds(ex, file, kinds, sizeof kinds / sizeof *kinds, 0, false);
}

static unsigned words_bits(ctx *x, size_t k, size_t n, bool any_case);

/* The EN_* bits of the phrase of exactly n lower-case words ending
 * before token k ("bộ phim", "mã độc"; load_words), 0 for none. Its key
 * is the stretch of the key arena from its first word's key to its last
 * one's, as ent_lookup probes it. */
unsigned ent_words_before(ctx *x, size_t k, size_t n)
{
	return words_bits(x, k, n, false);
}

/* See entity_int.h. */
unsigned ent_words_at(ctx *x, size_t k, size_t n)
{
	return words_bits(x, k + n, n, true);
}

/* The EN_* bits of the phrase of exactly n words ending before token k:
 * lower case or first in a sentence, or any case when any_case. */
static unsigned words_bits(ctx *x, size_t k, size_t n, bool any_case)
{
	if (n == 0 || n > k || k > x->nt)
		return 0;
	size_t a = k - n;
	uint32_t h = FNV_BASIS;
	for (size_t j = a; j < k; j++) {
		const tok *u = &x->t[j];
		/* lower case, or capitalized first in a sentence ("Bộ phim") */
		if (!(u->flags & T_WORD) || (u->flags & T_ALLCAPS) ||
		    !(any_case || (u->flags & T_LOWER) ||
		      (j == a && (u->flags & T_CAP) && (u->flags & T_INITIAL))))
			return 0;
		h = phrase_hash_more(h, u->hash);
	}
	const tok *t = &x->t[a], *l = &x->t[k - 1];
	long pi = ph_find_h(x->ex, tkey(x, a), l->key + l->klen - t->key, h);
	return pi < 0 ? 0 : x->ex->ph[pi].en_word;
}

/* See entity_int.h. */
unsigned ent_en_bits(ctx *x, size_t k)
{
	const tok *t = &x->t[k];
	long pi = ph_find_h(x->ex, tkey(x, k), t->klen, phrase_hash_more(FNV_BASIS, t->hash));
	return pi < 0 ? 0 : x->ex->ph[pi].en_word;
}

/* The EN_* bits of the word at token k (load_words), 0 for none. */
unsigned ent_en_word(ctx *x, size_t k)
{
	if (k >= x->nt)
		return 0;
	const tok *t = &x->t[k];
	/* lower case, or capitalized first in a sentence ("Shares in X") */
	if (!(t->flags & T_WORD) || (t->flags & T_ALLCAPS) ||
	    !((t->flags & T_LOWER) || ((t->flags & T_CAP) && (t->flags & T_INITIAL))))
		return 0;
	return ent_en_bits(x, k);
}

/* Loads given-names.txt: one given name per line, kept by its matching
 * key (the key of its one token; a line of several tokens is skipped). */
static void load_given_names(entity_extractor *ex)
{
	strlist lines;
	sl_init(&lines);
	datafile_lines("given-names.txt", &lines);
	for (size_t i = 0; i < lines.n; i++) {
		ctx x;
		memset(&x, 0, sizeof x);
		x.ex = ex;
		sb_init(&x.keys);
		x.text = lines.v[i];
		x.len = strlen(lines.v[i]);
		ent_tokenize(&x);
		if (x.nt == 1) {
			char *key = xstrndup(tkey(&x, 0), x.t[0].klen);
			sm_put(&ex->given, key, 1);
			free(key);
		}
		ent_ctx_free(&x);
	}
	sl_free(&lines);
}

/* See entity_int.h. */
bool ent_given_name(const ctx *x, size_t k)
{
	const tok *t = &x->t[k];
	if (!x->ex->given.n || !(t->flags & T_CAP) || (t->flags & T_ALLCAPS) || t->klen >= 64)
		return false;
	char key[64];
	memcpy(key, tkey(x, k), t->klen);
	key[t->klen] = '\0';
	return sm_get(&x->ex->given, key) != 0;
}

/* Loads vn-admin-words.txt: LEVELS, the long form, short forms. A short
 * form written "~Q." is also an initial, and the words of level 4
 * (villages) are common words too: both CUE_ADMIN_WEAK. */
static void load_admin_words(entity_extractor *ex)
{
	strlist lines;
	sl_init(&lines);
	datafile_lines("vn-admin-words.txt", &lines);
	for (size_t i = 0; i < lines.n; i++) {
		char *f[16];
		size_t n = split_tabs(lines.v[i], f, 16);
		bool village = strcmp(f[0], "4") == 0;
		for (size_t k = 1; k < n; k++) {
			const char *w = f[k];
			unsigned kind = village ? CUE_ADMIN_WEAK : CUE_LOC_ADMIN | CUE_LOC_CUE;
			if (*w == '~') {
				w++;
				kind = CUE_ADMIN_WEAK;
			}
			if (*w)
				add_phrase(ex, w, -1, NULL, kind, GAZ_PLAIN);
		}
	}
	sl_free(&lines);
}

/* Loads the cue phrases and the gazetteers into ex. Vietnam's districts
 * come before the other places: a place of places.tsv with the same name
 * may be matched bare (the later file wins). */
void ent_load_data(entity_extractor *ex)
{
	load_cues(ex, "entity-cues.txt");
	load_cues(ex, "en-words.txt");
	load_cues(ex, "sport-words.txt");
	load_vi_names(ex);
	load_words(ex, "en-words.txt");
	load_words(ex, "vi-words.txt");
	load_given_names(ex);
	load_admin_words(ex);
	load_abbreviations(ex);
	load_gazetteer(ex, "vn-admin.tsv");
	load_gazetteer(ex, "countries.tsv");
	load_gazetteer(ex, "places.tsv");
	load_gazetteer(ex, "organizations.tsv");
	load_gazetteer(ex, "sport.tsv");
	load_gazetteer(ex, "events.tsv");
	load_gazetteer(ex, "people.tsv");
}

/* Frees the phrase tables of ex. */
void ent_data_free(entity_extractor *ex)
{
	sm_free(&ex->given);
	for (size_t i = 0; i < ex->nph; i++) {
		free(ex->ph[i].key);
		free(ex->ph[i].canonical);
		if (ex->ph[i].sport)
			free(ex->ph[i].sport->canonical);
		free(ex->ph[i].sport);
		if (ex->ph[i].other)
			free(ex->ph[i].other->canonical);
		free(ex->ph[i].other);
	}
	for (size_t i = 0; i < ex->nfirst; i++)
		free(ex->first[i].key);
	free(ex->ph);
	free(ex->slots);
	free(ex->first);
	free(ex->fslots);
}
