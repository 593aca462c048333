/* util.c: allocation, buffers, string lists and hashing (see util.h). */
#include "config.h"

#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

/* Reports memory exhaustion and stops: there is no sane way on. */
static void oom(void)
{
	fputs("lede: out of memory\n", stderr);
	abort();
}

/* malloc that never returns NULL. */
void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

/* calloc that never returns NULL. */
void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		oom();
	return p;
}

/* realloc that never returns NULL. */
void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

/* strdup that never returns NULL. */
char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* strndup that never returns NULL. */
char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* Formats into a new string. */
char *xasprintf(const char *fmt, ...)
{
	strbuf b;
	va_list ap;
	sb_init(&b);
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	sb_grow(&b, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(b.s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b.len = (size_t)n;
	return sb_detach(&b);
}

/* Starts an empty buffer; no allocation until something is added. */
void sb_init(strbuf *b)
{
	b->s = NULL;
	b->len = 0;
	b->cap = 0;
}

/* See util.h: sb_grow when the buffer is too small. */
void sb_grow_slow(strbuf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

/* Appends n bytes. */
void sb_add(strbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

/* Appends a NUL-terminated string. */
void sb_adds(strbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}


/* Appends formatted text. */
void sb_printf(strbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	sb_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* Appends v in decimal. */
void sb_add_int(strbuf *b, int64_t v)
{
	char digits[24];
	int n = 0;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		digits[n++] = '-';
	sb_grow(b, (size_t)n);
	while (n)
		b->s[b->len++] = digits[--n];
	b->s[b->len] = '\0';
}

/* Empties the buffer but keeps its memory. */
void sb_clear(strbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* Gives the caller the string and resets the buffer. */
char *sb_detach(strbuf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	sb_init(b);
	return s;
}

/* Frees the buffer's memory. */
void sb_free(strbuf *b)
{
	free(b->s);
	sb_init(b);
}

/* Starts an empty list. */
void sl_init(strlist *l)
{
	l->v = NULL;
	l->n = 0;
	l->cap = 0;
}

/* Appends a string the list takes ownership of. */
void sl_push_owned(strlist *l, char *s)
{
	if (l->n + 1 >= l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

/* Appends a copy of s. */
void sl_push(strlist *l, const char *s)
{
	sl_push_owned(l, xstrdup(s));
}

/* Frees every string and the list. */
void sl_free(strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	sl_init(l);
}

/* FNV-1a, 64 bits. */
uint64_t hash64(const void *data, size_t n)
{
	const unsigned char *p = data;
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

/* See util.h. */
int str_is_blank(const char *s)
{
	return s[strspn(s, " \t\n")] == '\0';
}

/* SHA-256 of a byte range, in hex (nettle). */
void content_hash(const void *data, size_t n, char out[CONTENT_HASH_SIZE])
{
	struct sha256_ctx ctx;
	uint8_t digest[SHA256_DIGEST_SIZE];
	sha256_init(&ctx);
	sha256_update(&ctx, n, data);
	sha256_digest(&ctx, sizeof digest, digest);
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < sizeof digest; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[2 * SHA256_DIGEST_SIZE] = '\0';
}

/* The hash of stores before schema 6. */
void legacy_content_hash(const void *data, size_t n, char out[LEGACY_HASH_SIZE])
{
	snprintf(out, LEGACY_HASH_SIZE, "%016llx-%llx", (unsigned long long)hash64(data, n),
		 (unsigned long long)n);
}

/* Starts an empty map; no allocation until the first put. */
void sm_init(strmap *m)
{
	m->keys = NULL;
	m->vals = NULL;
	m->hashes = NULL;
	m->cap = m->n = 0;
}

/* The slot holding key (whose hash64 is h), or the empty slot where it
 * would go. Another key in the way is passed on its hash, without
 * reading its string. */
static size_t sm_slot(const strmap *m, const char *key, uint64_t h)
{
	size_t mask = m->cap - 1;
	size_t i = (size_t)h & mask;
	while (m->keys[i] && (m->hashes[i] != h || strcmp(m->keys[i], key) != 0))
		i = (i + 1) & mask;
	return i;
}

/* Looks key up. */
int64_t sm_get(const strmap *m, const char *key)
{
	if (!m->cap)
		return 0;
	size_t i = sm_slot(m, key, hash64(key, strlen(key)));
	return m->keys[i] ? m->vals[i] : 0;
}

/* The value of key, added as 0 if absent (the table grows at half load):
 * one lookup where a get and a put would make two. The pointer holds
 * until the next change to the map. */
int64_t *sm_ref(strmap *m, const char *key)
{
	if ((m->n + 1) * 2 > m->cap) {
		strmap big;
		big.cap = m->cap ? m->cap * 2 : 256;
		big.n = 0;
		big.keys = xcalloc(big.cap, sizeof *big.keys);
		big.vals = xcalloc(big.cap, sizeof *big.vals);
		big.hashes = xcalloc(big.cap, sizeof *big.hashes);
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->keys[i])
				continue;
			size_t j = sm_slot(&big, m->keys[i], m->hashes[i]);
			big.keys[j] = m->keys[i];
			big.vals[j] = m->vals[i];
			big.hashes[j] = m->hashes[i];
			big.n++;
		}
		free(m->keys);
		free(m->vals);
		free(m->hashes);
		*m = big;
	}
	uint64_t h = hash64(key, strlen(key));
	size_t i = sm_slot(m, key, h);
	if (!m->keys[i]) {
		m->keys[i] = xstrdup(key);
		m->vals[i] = 0;
		m->hashes[i] = h;
		m->n++;
	}
	return &m->vals[i];
}

/* Sets key to val. */
void sm_put(strmap *m, const char *key, int64_t val)
{
	*sm_ref(m, key) = val;
}

/* Adds delta to the value of key (0 if absent) and returns the sum. */
int64_t sm_add(strmap *m, const char *key, int64_t delta)
{
	return *sm_ref(m, key) += delta;
}

/* Frees the keys and tables, leaving an empty map. */
void sm_free(strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	free(m->hashes);
	sm_init(m);
}
