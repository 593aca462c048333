/* entity_data.c: the gazetteers and cue phrases of entity extraction:
 * their hash table over matching keys (filled by entity_load.c from the
 * data files), and finding them in a field's tokens (once per token, see
 * ent_lookup). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "datafile.h"
#include "entity_int.h"
#include "util.h"

/* ---- phrase tables -------------------------------------------------- */

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

/* ---- the table filled ------------------------------------------------ */


/* Adds one phrase (a gazetteer alias when type >= 0, else a cue of kind
 * `kind`) to the extractor; a GAZ_SPORT alias is the phrase's reading in
 * a sport context only, a GAZ_ADMIN one a place only after a unit word.
 * Returns the phrase written, NULL when the text is none. */
phrase *ent_add_phrase(entity_extractor *ex, const char *text, int type, const char *canonical,
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
