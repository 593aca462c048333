/* text.h: Unicode work on article text, all through libunistring:
 * decoding raw file bytes to clean NFC UTF-8, folding for search and
 * entity keys, and display width for the interface. No curses here. */
#ifndef LEDE_TEXT_H
#define LEDE_TEXT_H

#include <stddef.h>
#include <stdint.h>

/* What text_decode found in the raw bytes. */
typedef enum text_status {
	TEXT_OK = 0,
	TEXT_EMPTY,   /* no bytes, or only white space after cleaning */
	TEXT_BINARY   /* NUL bytes or too many non-text bytes: not an article */
} text_status;

typedef struct text_decoded {
	char *s;               /* clean UTF-8, NFC, '\n' line ends, NUL-terminated */
	size_t len;
	const char *encoding;  /* "UTF-8", "UTF-8 BOM", "UTF-16LE", "UTF-16BE" */
	size_t repaired;       /* invalid sequences replaced by U+FFFD */
	size_t controls;       /* control characters removed */
} text_decoded;

/* Decodes raw file bytes: detects the encoding (UTF-8 with or without BOM,
 * UTF-16 LE/BE with BOM), repairs invalid UTF-8 with U+FFFD, turns CRLF and
 * lone CR into LF, normalizes to NFC, and removes control characters
 * (C0 but '\n' and '\t', DEL, C1, and whole ESC sequences). On TEXT_OK,
 * out->s is owned by the caller; otherwise out->s is NULL. */
text_status text_decode(const uint8_t *raw, size_t n, text_decoded *out);

/* Folds text for matching: case folding, diacritics removed (NFD then
 * combining marks dropped), 'đ'/'Đ' to 'd'. "ĐÀM PHÁN" -> "dam phan".
 * Returns a new NUL-terminated string; *outlen gets its length if not NULL. */
char *text_fold(const char *s, size_t n, size_t *outlen);

/* Like text_fold, but appends the folded text to a strbuf (util.h), so
 * that hot loops (the FTS tokenizer) reuse one buffer. */
struct strbuf;
void text_fold_append(struct strbuf *out, const char *s, size_t n);

/* Copies s replacing every control character (C0, DEL, C1) by a space:
 * the last guard before text reaches a terminal or a TSV line. */
char *text_printable(const char *s);

/* Display width of UTF-8 text in terminal columns (combining marks 0,
 * East Asian wide 2), as libunistring measures it. */
size_t text_width(const char *s, size_t n);

/* Longest prefix of s (in bytes) that fits in cols columns without
 * cutting a grapheme cluster. */
size_t text_fit(const char *s, size_t n, size_t cols);

#endif
