/* fold.c: folding text for search and entity keys, and measuring it for
 * the terminal. All Unicode knowledge comes from libunistring.
 *
 * Folding runs on every word of every article at ingest, so it must be
 * cheap. ASCII is lower-cased directly. Other code points are looked up in
 * a table that is filled lazily, 128 code points at a time, by asking
 * libunistring (u8_casefold with NFD, then combining marks dropped).
 * Folding one code point at a time gives the same result as folding the
 * whole string: case folding maps each code point on its own, and NFD only
 * reorders the combining marks that we drop anyway. */
#include "config.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>
#include <uniwidth.h>

#include "text.h"
#include "util.h"

/* The folded form of one code point: up to FOLD_MAX bytes of UTF-8.
 * len FOLD_LONG marks a rare code point whose folded form is longer; it is
 * folded through libunistring every time. */
#define FOLD_MAX  7
#define FOLD_LONG 0xff

typedef struct fold_entry {
	uint8_t len;
	char s[FOLD_MAX];
} fold_entry;

#define BLOCK_BITS 7
#define BLOCK_SIZE (1u << BLOCK_BITS)
/* The table covers the Basic Multilingual Plane; code points above it
 * (emoji, historic scripts) are folded directly and are rare in news. */
#define TABLE_LIMIT 0x10000u
#define NBLOCKS     (TABLE_LIMIT >> BLOCK_BITS)

static _Atomic(fold_entry *) fold_blocks[NBLOCKS];

/* Appends the folded form of code point uc to out: case folded, decomposed,
 * combining marks dropped, and 'đ' (and 'ð', which legacy Vietnamese
 * encodings use for 'Đ') turned into 'd', which has no decomposition. */
static void fold_slow(ucs4_t uc, strbuf *out)
{
	uint8_t in[6];
	int inlen = u8_uctomb(in, uc, sizeof in);
	if (inlen <= 0)
		return;
	uint8_t small[32];
	size_t flen = sizeof small;
	uint8_t *f = u8_casefold(in, (size_t)inlen, NULL, UNINORM_NFD, small, &flen);
	if (!f) {
		/* Out of memory or an unassigned oddity: keep the code point. */
		sb_add(out, (const char *)in, (size_t)inlen);
		return;
	}
	const uint8_t *p = f, *end = f + flen;
	while (p < end) {
		ucs4_t c;
		int k = u8_mbtouc(&c, p, (size_t)(end - p));
		if (c == 0x0111 || c == 0x00F0)
			sb_addc(out, 'd');
		else if (!uc_is_general_category(c, UC_CATEGORY_M))
			sb_add(out, (const char *)p, (size_t)k);
		p += k;
	}
	if (f != small)
		free(f);
}

/* Returns the table block holding code point uc (< TABLE_LIMIT), building
 * it on first use. Threads racing to build the same block each build one;
 * the first to publish wins and the others free theirs. */
static const fold_entry *fold_block(ucs4_t uc)
{
	size_t bi = uc >> BLOCK_BITS;
	fold_entry *b = atomic_load_explicit(&fold_blocks[bi], memory_order_acquire);
	if (b)
		return b;
	b = xcalloc(BLOCK_SIZE, sizeof *b);
	strbuf tmp;
	sb_init(&tmp);
	for (size_t i = 0; i < BLOCK_SIZE; i++) {
		sb_clear(&tmp);
		fold_slow((ucs4_t)((bi << BLOCK_BITS) | i), &tmp);
		if (tmp.len > FOLD_MAX) {
			b[i].len = FOLD_LONG;
		} else {
			b[i].len = (uint8_t)tmp.len;
			if (tmp.len)
				memcpy(b[i].s, tmp.s, tmp.len);
		}
	}
	sb_free(&tmp);
	fold_entry *expected = NULL;
	if (!atomic_compare_exchange_strong_explicit(&fold_blocks[bi], &expected, b,
	                                             memory_order_acq_rel, memory_order_acquire)) {
		free(b);
		b = expected;
	}
	return b;
}

/* Appends the folded form of n bytes of UTF-8 at s to out (see text_fold).
 * Invalid bytes become U+FFFD. Hot loops reuse one buffer this way.
 * The buffer always has room for the rest of the input byte for byte, so
 * ASCII, most of any text, is written without checks. */
void text_fold_append(strbuf *out, const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	sb_grow(out, n);
	while (p < end) {
		if (*p < 0x80) {
			uint8_t c = *p++;
			out->s[out->len++] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
			continue;
		}
		ucs4_t uc;
		int k = text_mbtouc(&uc, p, (size_t)(end - p));
		p += k;
		const fold_entry *e = uc < TABLE_LIMIT ? &fold_block(uc)[uc & (BLOCK_SIZE - 1)] : NULL;
		if (!e || e->len == FOLD_LONG) {
			fold_slow(uc, out);
			sb_grow(out, (size_t)(end - p));
			continue;
		}
		if (e->len > k)
			sb_grow(out, e->len + (size_t)(end - p));
		memcpy(out->s + out->len, e->s, e->len);
		out->len += e->len;
	}
	out->s[out->len] = '\0';
}

/* Folds text for matching (see text.h). */
char *text_fold(const char *s, size_t n, size_t *outlen)
{
	strbuf b;
	sb_init(&b);
	text_fold_append(&b, s, n);
	if (outlen)
		*outlen = b.len;
	return sb_detach(&b);
}

/* Display width in terminal columns; control characters count 0. */
size_t text_width(const char *s, size_t n)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;
	size_t w = 0;
	while (p < end) {
		/* ASCII printable characters are one column each. */
		if (*p >= 0x20 && *p < 0x7f) {
			w++;
			p++;
			continue;
		}
		ucs4_t uc;
		int k = u8_mbtouc(&uc, p, (size_t)(end - p));
		int cw = uc_width(uc, "UTF-8");
		if (cw > 0)
			w += (size_t)cw;
		p += k;
	}
	return w;
}

/* Longest prefix that fits in cols columns, cut only between grapheme
 * clusters, so that "e" is never shown without its accent. */
size_t text_fit(const char *s, size_t n, size_t cols)
{
	const uint8_t *start = (const uint8_t *)s, *end = start + n;
	const uint8_t *p = start;
	size_t w = 0;
	while (p < end) {
		const uint8_t *next = u8_grapheme_next(p, end);
		if (!next)
			break;
		size_t cw = text_width((const char *)p, (size_t)(next - p));
		if (w + cw > cols)
			break;
		w += cw;
		p = next;
	}
	return (size_t)(p - start);
}
