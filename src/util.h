/* util.h: small helpers every module of lede uses: checked allocation,
 * a growable byte buffer, a growable list of strings and a content hash. */
#ifndef LEDE_UTIL_H
#define LEDE_UTIL_H

#include <stddef.h>
#include <stdint.h>

/* Allocation that aborts with a message on out-of-memory: lede cannot do
 * anything useful once malloc fails, and checking every call site would
 * hide the real logic. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte buffer that is always NUL-terminated. */
typedef struct strbuf {
	char *s;
	size_t len;
	size_t cap;
} strbuf;

void sb_init(strbuf *b);
void sb_grow_slow(strbuf *b, size_t extra);

/* Makes room for extra more bytes plus the terminating NUL: inline, as
 * the tokenizers and tallies ask at every word and separator, and there
 * is room nearly always. */
static inline void sb_grow(strbuf *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap)
		sb_grow_slow(b, extra);
}

void sb_add(strbuf *b, const char *s, size_t n);
void sb_adds(strbuf *b, const char *s);

/* Appends one byte (inline: tallies and keys add hundreds of separators
 * per article). */
static inline void sb_addc(strbuf *b, char c)
{
	if (b->len + 2 > b->cap)
		sb_grow_slow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}
void sb_printf(strbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends a decimal integer (hot paths: no format string to parse). */
void sb_add_int(strbuf *b, int64_t v);
void sb_clear(strbuf *b);
/* Hands over the string (never NULL) and leaves the buffer empty. */
char *sb_detach(strbuf *b);
void sb_free(strbuf *b);

/* A growable list of owned strings. */
typedef struct strlist {
	char **v;
	size_t n;
	size_t cap;
} strlist;

void sl_init(strlist *l);
void sl_push(strlist *l, const char *s);      /* copies s */
void sl_push_owned(strlist *l, char *s);      /* takes s */
void sl_free(strlist *l);

/* A map from strings to integers (open addressing, keys copied): caches
 * of ids on hot paths, where a query per lookup would cost too much. */
typedef struct strmap {
	char **keys;
	int64_t *vals;
	uint64_t *hashes; /* each key's hash64: a probe compares it first */
	size_t cap, n;
} strmap;

void sm_init(strmap *m);
/* The value stored for key, or 0 when there is none (store no zeros). */
int64_t sm_get(const strmap *m, const char *key);
void sm_put(strmap *m, const char *key, int64_t val);
int64_t sm_add(strmap *m, const char *key, int64_t delta);
int64_t *sm_ref(strmap *m, const char *key);
void sm_free(strmap *m);

/* True when s is empty or only spaces, tabs and line ends: never a name,
 * path or query. */
int str_is_blank(const char *s);

/* 64-bit FNV-1a of a byte range: hash tables; not for security. */
uint64_t hash64(const void *data, size_t n);

/* The content hash that identifies an article: SHA-256 of the file's
 * bytes, in lower-case hex. Nobody can make two files with one hash, so
 * a file put in a shared corpus cannot take another article's place. */
#define CONTENT_HASH_SIZE 65  /* 64 hex digits and the NUL */
void content_hash(const void *data, size_t n, char out[CONTENT_HASH_SIZE]);

/* The content hash of stores before schema 6: FNV-1a 64 and the length,
 * "%016llx-%llx". Only to recognize their articles (store.c checks the
 * text too: anyone can make two files with one such hash). */
#define LEGACY_HASH_SIZE 34
void legacy_content_hash(const void *data, size_t n, char out[LEGACY_HASH_SIZE]);

#endif
