/* fts.c: the FTS5 tokenizer "lede".
 *
 * A token is a maximal run of letters, digits and combining marks (general
 * categories L, N and M as libunistring knows them), folded with
 * text_fold_append and reported with its byte offsets in the original
 * text, so that highlighting works on the stored text. The same rules
 * tokenize documents and queries, which is what makes "dam phan",
 * "Đàm phán" and "ĐÀM PHÁN" all find "đàm phán".
 *
 * An apostrophe between two word characters ("O'Brien", "Putin’s") splits
 * the word, so that "putin" finds "Putin's". In documents the whole word
 * without apostrophes ("obrien") is also indexed at the position of its
 * first part, so that it can be searched for written either way. */
#include "config.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unictype.h>
#include <unistr.h>

#include "fts.h"
#include "text.h"
#include "util.h"

/* Folded tokens are cut to this many bytes (at a character boundary):
 * a megabyte-long "word" is junk, and cutting documents and queries alike
 * keeps them matching. */
#define TOKEN_MAX 256

/* One tokenizer instance: FTS5 creates one per table and connection, and
 * a connection is used by one thread at a time, so the buffers are ours. */
typedef struct lede_tokenizer {
	strbuf fold;   /* the folded token being reported */
	strbuf joined; /* a word with apostrophes, folded and without them */
	fts_queue *queue; /* prepared texts of the connection, or NULL */
} lede_tokenizer;

/* Which ASCII bytes are word characters. */
static inline bool ascii_word(uint8_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Word characters are letters, digits and combining marks (general
 * categories L, N and M). Every character of a document is classified,
 * so libunistring's answers for the code points of the Latin, Greek,
 * Cyrillic and other alphabetic blocks (below WORD_TABLE) are kept in a
 * bitmap made once; beyond it libunistring is asked each time. */
#define WORD_TABLE 0x3000u
static uint8_t word_bits[WORD_TABLE / 8];
static pthread_once_t word_bits_once = PTHREAD_ONCE_INIT;

/* Whether code point uc is a word character, asking libunistring. U+02BC
 * is a letter by category but serves as an apostrophe. */
static bool word_cp(ucs4_t uc)
{
	if (uc == 0x02BC)
		return false;
	return uc_is_general_category(uc, UC_CATEGORY_L) || uc_is_general_category(uc, UC_CATEGORY_N) ||
	       uc_is_general_category(uc, UC_CATEGORY_M);
}

/* Fills word_bits (once per process). */
static void word_bits_init(void)
{
	for (ucs4_t uc = 0; uc < WORD_TABLE; uc++)
		if (word_cp(uc))
			word_bits[uc >> 3] |= (uint8_t)(1u << (uc & 7));
}

/* word_char_at beyond ASCII. */
static bool word_char_far(const uint8_t *p, const uint8_t *end, int *len)
{
	ucs4_t uc;
	*len = text_mbtouc(&uc, p, (size_t)(end - p));
	if (uc < WORD_TABLE)
		return (word_bits[uc >> 3] >> (uc & 7)) & 1;
	return word_cp(uc);
}

/* Decodes the character at p and says whether it belongs to a word;
 * *len gets its length in bytes. Inline for ASCII: it is asked about
 * every character of every article. */
static inline bool word_char_at(const uint8_t *p, const uint8_t *end, int *len)
{
	if (*p < 0x80) {
		*len = 1;
		return ascii_word(*p);
	}
	return word_char_far(p, end, len);
}

/* Length of the apostrophe at p (', U+2019, U+02BC), or 0. */
static int apostrophe_at(const uint8_t *p, const uint8_t *end)
{
	if (*p == '\'')
		return 1;
	if (end - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0x99)
		return 3;
	if (end - p >= 2 && p[0] == 0xCA && p[1] == 0xBC)
		return 2;
	return 0;
}

/* Cuts a folded token to TOKEN_MAX bytes without splitting a character. */
static size_t token_cut(const strbuf *b)
{
	if (b->len <= TOKEN_MAX)
		return b->len;
	size_t n = TOKEN_MAX;
	while (n > 0 && ((uint8_t)b->s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* Sets up a tokenizer's buffers. */
static void tokenizer_init(lede_tokenizer *t, fts_queue *q)
{
	sb_init(&t->fold);
	sb_init(&t->joined);
	pthread_once(&word_bits_once, word_bits_init);
	t->queue = q;
}

/* Frees a tokenizer's buffers. */
static void tokenizer_done(lede_tokenizer *t)
{
	sb_free(&t->fold);
	sb_free(&t->joined);
}

/* xCreate: a new tokenizer; "lede" takes no arguments. ctx is the queue
 * given to fts_register. */
static int lede_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)argv;
	*out = NULL;
	if (argc > 0)
		return SQLITE_ERROR;
	lede_tokenizer *t = xcalloc(1, sizeof *t);
	tokenizer_init(t, ctx);
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

/* xDelete: frees a tokenizer. */
static void lede_delete(Fts5Tokenizer *tok)
{
	lede_tokenizer *t = (lede_tokenizer *)tok;
	if (!t)
		return;
	tokenizer_done(t);
	free(t);
}

typedef int (*token_cb)(void *ctx, int tflags, const char *tok, int ntok, int start, int end);

/* Folds s[start, end) and reports it, unless it folds to nothing (a lone
 * combining mark). */
static int emit(lede_tokenizer *t, void *ctx, token_cb cb, int tflags, const char *s, size_t start,
                size_t end)
{
	const uint8_t *p = (const uint8_t *)s + start;
	size_t n = end - start, i = 0;
	sb_clear(&t->fold);
	/* Most tokens are ASCII: lower-cased here, without the general path. */
	if (n <= TOKEN_MAX) {
		sb_grow(&t->fold, n);
		for (; i < n && p[i] < 0x80; i++)
			t->fold.s[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ? p[i] + ('a' - 'A') : p[i]);
	}
	if (i == n) {
		t->fold.len = n;
		t->fold.s[n] = '\0';
	} else {
		/* the ASCII before the first other character is folded */
		t->fold.len = i;
		text_fold_append(&t->fold, s + start + i, n - i);
	}
	n = token_cut(&t->fold);
	if (n == 0)
		return SQLITE_OK;
	return cb(ctx, tflags, t->fold.s, (int)n, (int)start, (int)end);
}

/* Length of the character at p within a word span (always valid UTF-8,
 * as word_char_at only accepts decodable characters). */
static size_t char_len(const uint8_t *p, const uint8_t *end)
{
	int k = u8_mblen(p, (size_t)(end - p));
	return k > 0 ? (size_t)k : 1;
}

/* Reports a word with inner apostrophes: each part, and in documents the
 * joined word as a synonym of the first part. */
static int emit_apostrophe_word(lede_tokenizer *t, void *ctx, token_cb cb, bool document,
                                const char *s, size_t start, size_t end)
{
	const uint8_t *base = (const uint8_t *)s;
	const uint8_t *p = base + start, *stop = base + end;
	int rc = SQLITE_OK;
	if (document) {
		/* Folding keeps apostrophes as they are: fold, then drop them. */
		sb_clear(&t->joined);
		text_fold_append(&t->joined, s + start, end - start);
		const uint8_t *q = (const uint8_t *)t->joined.s, *qend = q + t->joined.len;
		char *o = t->joined.s;
		while (q < qend) {
			int a = apostrophe_at(q, qend);
			if (a) {
				q += a;
				continue;
			}
			*o++ = (char)*q++;
		}
		t->joined.len = (size_t)(o - t->joined.s);
		t->joined.s[t->joined.len] = '\0';
	}
	bool first = true;
	while (p < stop && rc == SQLITE_OK) {
		const uint8_t *q = p;
		while (q < stop && !apostrophe_at(q, stop))
			q += char_len(q, stop);
		rc = emit(t, ctx, cb, 0, s, (size_t)(p - base), (size_t)(q - base));
		/* The synonym needs a token to sit with. */
		if (rc == SQLITE_OK && first && document && t->fold.len && t->joined.len) {
			size_t n = token_cut(&t->joined);
			rc = cb(ctx, FTS5_TOKEN_COLOCATED, t->joined.s, (int)n, (int)start,
			        (int)end);
		}
		first = false;
		p = q;
		if (p < stop)
			p += apostrophe_at(p, stop);
	}
	return rc;
}

/* Splits text into folded words (see the top of the file) and reports
 * them to cb. */
static int tokenize(lede_tokenizer *t, void *ctx, int flags, const char *text, int ntext,
                    token_cb cb)
{
	const uint8_t *base = (const uint8_t *)text;
	const uint8_t *end = base + (ntext > 0 ? ntext : 0);
	const uint8_t *p = base;
	bool document = (flags & FTS5_TOKENIZE_DOCUMENT) != 0;
	int rc = SQLITE_OK;

	while (p < end && rc == SQLITE_OK) {
		int k;
		if (!word_char_at(p, end, &k)) {
			p += k > 0 ? k : 1;
			continue;
		}
		const uint8_t *start = p;
		bool apostrophes = false;
		p += k;
		while (p < end) {
			if (word_char_at(p, end, &k)) {
				p += k;
				continue;
			}
			/* An apostrophe counts only with word characters on both sides. */
			int a = apostrophe_at(p, end);
			if (a && p + a < end && word_char_at(p + a, end, &k)) {
				apostrophes = true;
				p += a + k;
				continue;
			}
			break;
		}
		size_t s0 = (size_t)(start - base), s1 = (size_t)(p - base);
		if (apostrophes)
			rc = emit_apostrophe_word(t, ctx, cb, document, text, s0, s1);
		else
			rc = emit(t, ctx, cb, 0, text, s0, s1);
	}
	return rc;
}

/* Adapts tokenize's callback to fts_words'. */
typedef struct words_ctx {
	fts_word_fn fn;
	void *ctx;
} words_ctx;

/* Reports one token of fts_words, dropping colocated synonyms (the
 * apostrophe-less spelling of a word is the same word). */
static int words_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	words_ctx *w = ctx;
	if (tflags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	return w->fn(w->ctx, tok, (size_t)ntok, (size_t)start, (size_t)end) ? SQLITE_DONE
	                                                                     : SQLITE_OK;
}

/* See fts.h. */
void fts_words(const char *text, size_t n, fts_word_fn fn, void *ctx)
{
	lede_tokenizer t;
	tokenizer_init(&t, NULL);
	words_ctx w = {fn, ctx};
	tokenize(&t, &w, FTS5_TOKENIZE_DOCUMENT, text, n > INT32_MAX ? INT32_MAX : (int)n,
	         words_token);
	tokenizer_done(&t);
}

/* What fts_query_terms collects. */
typedef struct terms_ctx {
	const char *query;
	size_t len;
	strlist *out;
} terms_ctx;

/* One word of a query: an operator is skipped, a prefix marked. */
static int query_term(void *ctx, const char *word, size_t n, size_t start, size_t end)
{
	terms_ctx *c = ctx;
	static const char *const ops[] = {"AND", "OR", "NOT", "NEAR"};
	for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
		if (end - start == strlen(ops[i]) && memcmp(c->query + start, ops[i], end - start) == 0)
			return 0;
	int prefix = end < c->len && c->query[end] == '*';
	char *t = xasprintf("%.*s%s", (int)n, word, prefix ? "*" : "");
	for (size_t i = 0; i < c->out->n; i++)
		if (strcmp(c->out->v[i], t) == 0) {
			free(t);
			return 0;
		}
	sl_push_owned(c->out, t);
	return 0;
}

/* See fts.h. */
void fts_query_terms(const char *query, strlist *out)
{
	if (!query)
		return;
	terms_ctx c = {query, strlen(query), out};
	fts_words(query, c.len, query_term, &c);
}

/* See fts.h. */
int fts_term_matches(const strlist *terms, const char *word, size_t n)
{
	for (size_t i = 0; i < terms->n; i++) {
		const char *t = terms->v[i];
		size_t tn = strlen(t);
		if (tn && t[tn - 1] == '*') {
			if (n >= tn - 1 && memcmp(word, t, tn - 1) == 0)
				return 1;
		} else if (tn == n && memcmp(word, t, n) == 0) {
			return 1;
		}
	}
	return 0;
}

/* ---- prepared texts ------------------------------------------------------ */

/* Packed tokens: per token a byte (1: colocated), then as varints its
 * start less the previous token's start, its length in the text and its
 * folded length, then the folded bytes. */

/* Writes v as a little-endian base-128 varint at o; returns the end. */
static char *put_varint(char *o, uint32_t v)
{
	while (v >= 0x80) {
		*o++ = (char)(0x80 | (v & 0x7f));
		v >>= 7;
	}
	*o++ = (char)v;
	return o;
}

/* Reads a varint at *p (before end); 0 at a truncated end. */
static uint32_t get_varint(const uint8_t **p, const uint8_t *end)
{
	uint32_t v = 0;
	for (int shift = 0; *p < end && shift < 35; shift += 7) {
		uint8_t c = *(*p)++;
		v |= (uint32_t)(c & 0x7f) << shift;
		if (!(c & 0x80))
			break;
	}
	return v;
}

/* Packing state of fts_prepare. */
typedef struct packer {
	strbuf *out;
	int prev_start;
} packer;

/* Token callback of fts_prepare: packs one token. */
static int pack_token(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	packer *pk = ctx;
	strbuf *b = pk->out;
	/* A flag byte, three varints of at most 5 bytes, the token. */
	sb_grow(b, 16 + (size_t)ntok);
	char *o = b->s + b->len;
	*o++ = (tflags & FTS5_TOKEN_COLOCATED) ? 1 : 0;
	o = put_varint(o, (uint32_t)(start - pk->prev_start));
	o = put_varint(o, (uint32_t)(end - start));
	o = put_varint(o, (uint32_t)ntok);
	memcpy(o, tok, (size_t)ntok);
	o += ntok;
	b->len = (size_t)(o - b->s);
	b->s[b->len] = '\0';
	pk->prev_start = start;
	return SQLITE_OK;
}

/* Texts longer than this are not tokenized ahead but by FTS5 when it
 * indexes them: packed tokens of short words take up to three times the
 * text, for one article more than all the others a worker holds. */
#define FTS_PREPARE_MAX (1u << 20)

/* Tokenizes a text ahead of indexing; see fts.h. */
void fts_prepare(const char *text, size_t n, fts_prepared *out)
{
	out->len = n;
	sb_init(&out->packed);
	if (n > FTS_PREPARE_MAX)
		return;
	/* Packed tokens take about half the text's bytes. */
	sb_grow(&out->packed, n + n / 2);
	sb_add(&out->packed, text, n);
	lede_tokenizer t;
	tokenizer_init(&t, NULL);
	packer pk = {&out->packed, 0};
	tokenize(&t, &pk, FTS5_TOKENIZE_DOCUMENT, text, (int)n, pack_token);
	tokenizer_done(&t);
}

/* Frees a prepared text. */
void fts_prepared_free(fts_prepared *p)
{
	sb_free(&p->packed);
	p->len = 0;
}

/* Reports the packed tokens of p to cb. */
static int replay(const fts_prepared *p, void *ctx, token_cb cb)
{
	if (p->packed.len <= p->len)
		return SQLITE_OK;
	const uint8_t *q = (const uint8_t *)p->packed.s + p->len;
	const uint8_t *end = (const uint8_t *)p->packed.s + p->packed.len;
	int start = 0, rc = SQLITE_OK;
	while (q < end && rc == SQLITE_OK) {
		int colocated = *q++ == 1;
		start += (int)get_varint(&q, end);
		int len = (int)get_varint(&q, end);
		uint32_t ntok = get_varint(&q, end);
		if (ntok > (size_t)(end - q))
			return SQLITE_CORRUPT;
		rc = cb(ctx, colocated ? FTS5_TOKEN_COLOCATED : 0, (const char *)q, (int)ntok, start,
		        start + len);
		q += ntok;
	}
	return rc;
}

void fts_queue_init(fts_queue *q)
{
	memset(q, 0, sizeof *q);
}

/* Appends a prepared text, taking its tokens. */
void fts_queue_push(fts_queue *q, fts_prepared *p)
{
	if (q->n == q->cap) {
		q->cap = q->cap ? q->cap * 2 : 64;
		q->v = xrealloc(q->v, q->cap * sizeof *q->v);
	}
	q->v[q->n++] = *p;
	sb_init(&p->packed);
	p->len = 0;
}

/* Frees every queued text (and the queue's memory when it was large). */
void fts_queue_clear(fts_queue *q)
{
	for (size_t i = q->head; i < q->n; i++)
		fts_prepared_free(&q->v[i]);
	free(q->v);
	fts_queue_init(q);
}

/* xTokenize: replays the next prepared text when FTS5 asks for it, else
 * tokenizes. */
static int lede_tokenize(Fts5Tokenizer *tok, void *ctx, int flags, const char *text, int ntext,
                         token_cb cb)
{
	lede_tokenizer *t = (lede_tokenizer *)tok;
	fts_queue *q = t->queue;
	if (q && q->head < q->n && (flags & FTS5_TOKENIZE_DOCUMENT) && ntext > 0) {
		fts_prepared *p = &q->v[q->head];
		if (p->len == (size_t)ntext && p->packed.len == 0) {
			/* a long text left to be tokenized now */
			fts_prepared_free(p);
			q->head++;
			return tokenize(t, ctx, flags, text, ntext, cb);
		}
		if (p->len == (size_t)ntext && p->packed.len >= p->len &&
		    memcmp(p->packed.s, text, p->len) == 0) {
			int rc = replay(p, ctx, cb);
			fts_prepared_free(p);
			q->head++;
			return rc;
		}
	}
	return tokenize(t, ctx, flags, text, ntext, cb);
}

/* Finds the fts5_api of db, as the FTS5 documentation prescribes: the
 * fts5() SQL function hands it out through a typed pointer. */
static fts5_api *fts5_api_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

/* Registers the tokenizer (see fts.h). */
int fts_register(sqlite3 *db, fts_queue *q)
{
	fts5_api *api = fts5_api_of(db);
	if (!api)
		return SQLITE_ERROR;
	static fts5_tokenizer lede = {lede_create, lede_delete, lede_tokenize};
	return api->xCreateTokenizer(api, "lede", q, &lede, NULL);
}
