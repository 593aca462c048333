/* fts.h: lede's FTS5 tokenizer. Tokens are words (letters and digits, as
 * libunistring classifies them) folded with text_fold, so that "dam phan",
 * "Đàm phán" and "ĐÀM PHÁN" all match "đàm phán".
 *
 * Tokenizing is most of the cost of indexing, and ingest has one thread
 * writing to SQLite but several parsing. So a text can be tokenized ahead
 * (fts_prepare, on any thread) and queued on the writer's connection; when
 * FTS5 then asks the tokenizer for that very text (the same bytes),
 * the tokens are replayed instead of made again. Any other text is
 * tokenized as usual, so the index never depends on the queue. */
#ifndef LEDE_FTS_H
#define LEDE_FTS_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* One text and its tokens, packed. */
typedef struct fts_prepared {
	size_t len;     /* the text's length in bytes */
	strbuf packed;  /* the text (to know it again: a copy costs less than
			 * hashing it twice), then its tokens; empty for a
			 * long text, tokenized only when FTS5 asks for it */
} fts_prepared;

/* Tokenizes n bytes of text as a document. Thread-safe. */
void fts_prepare(const char *text, size_t n, fts_prepared *out);
void fts_prepared_free(fts_prepared *p);

/* Texts prepared for one connection, in the order FTS5 will index them. */
typedef struct fts_queue {
	fts_prepared *v;
	size_t head, n, cap;
} fts_queue;

void fts_queue_init(fts_queue *q);
/* Appends p, taking its tokens (p is left empty). */
void fts_queue_push(fts_queue *q, fts_prepared *p);
/* Drops what FTS5 did not ask for. */
void fts_queue_clear(fts_queue *q);

/* Reports the folded words of n bytes of text to fn, as the index has
 * them (the same tokens a search matches), in order, with the bytes of
 * the text each was made from ([start, end)); fn returns non-zero to
 * stop. Thread-safe. */
typedef int (*fts_word_fn)(void *ctx, const char *word, size_t n, size_t start, size_t end);
void fts_words(const char *text, size_t n, fts_word_fn fn, void *ctx);

/* The words a full-text query looks for, folded as the index folds
 * them, each once; a prefix query's word ("đàm*") ends in '*'. The
 * operators (AND, OR, NOT, NEAR, written in capitals) are left out.
 * Appended to out. */
void fts_query_terms(const char *query, strlist *out);

/* True when the folded word (n bytes) is one of terms (from
 * fts_query_terms): equal to a word, or starting with a prefix's. */
int fts_term_matches(const strlist *terms, const char *word, size_t n);

/* Registers the tokenizer as "lede" on db, replaying texts from q (NULL:
 * none; else q must outlive db). Returns an SQLite code. */
int fts_register(sqlite3 *db, fts_queue *q);

#endif
