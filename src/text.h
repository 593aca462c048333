/* text.h: Unicode work on article text, all through libunistring:
 * decoding raw file bytes to clean NFC UTF-8, folding for search and
 * entity keys, and display width for the interface. No curses here. */
#ifndef LEDE_TEXT_H
#define LEDE_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include <unistr.h>

/* Decodes the character at s (n > 0 bytes) into *uc and returns its
 * length, as u8_mbtouc does. Hot loops (tokenizers, folding) decode every
 * character of every article, and most non-ASCII characters of news are
 * well-formed two- or three-byte sequences (Latin with diacritics,
 * Vietnamese): those are decoded here inline; anything else, including
 * every invalid sequence, is left to libunistring. */
static inline int text_mbtouc(ucs4_t *uc, const uint8_t *s, size_t n)
{
	uint8_t c = s[0];
	if (c < 0x80) {
		*uc = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF && n >= 2 && (s[1] & 0xC0) == 0x80) {
		*uc = ((ucs4_t)(c & 0x1F) << 6) | (s[1] & 0x3F);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF && n >= 3 && (s[1] & 0xC0) == 0x80 && (s[2] & 0xC0) == 0x80 &&
	    (c != 0xE0 || s[1] >= 0xA0) && (c != 0xED || s[1] < 0xA0)) {
		*uc = ((ucs4_t)(c & 0x0F) << 12) | ((ucs4_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		return 3;
	}
	return u8_mbtouc(uc, s, n);
}

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

/* Copies n bytes replacing each invalid UTF-8 part by U+FFFD (and
 * nothing else); *outlen gets the length. New NUL-terminated string. */
char *text_repair_utf8(const char *s, size_t n, size_t *outlen);

/* An NFC copy of the UTF-8 text s[0..n), as u8_normalize makes it
 * (invalid sequences become U+FFFD): a new NUL-terminated string, *outlen
 * its length; NULL when u8_normalize fails. Text that NFC cannot change
 * (ASCII, precomposed Latin and Vietnamese) is copied without asking
 * u8_normalize, which is slow. */
char *text_nfc(const char *s, size_t n, size_t *outlen);

/* Folds text for matching: case folding, diacritics removed (NFD then
 * combining marks dropped), 'đ'/'Đ' to 'd'. "ĐÀM PHÁN" -> "dam phan".
 * Returns a new NUL-terminated string; *outlen gets its length if not NULL. */
char *text_fold(const char *s, size_t n, size_t *outlen);

/* Like text_fold, but appends the folded text to a strbuf (util.h), so
 * that hot loops (the FTS tokenizer) reuse one buffer. */
struct strbuf;
void text_fold_append(struct strbuf *out, const char *s, size_t n);

/* The terminal guard (termsafe.c): what one character of a string would
 * do on a terminal. Every string lede prints or draws goes through it. */
typedef enum text_hazard {
	TEXT_SAFE = 0,  /* shows as itself */
	TEXT_CONTROL,   /* C0, DEL, C1 (U+0080..U+009F), U+2028/2029: acts */
	TEXT_HIDDEN,    /* bidi controls and invisible format characters:
	                 * reorder or hide text (a needed joiner is SAFE) */
	TEXT_INVALID    /* a byte that is not part of valid UTF-8 */
} text_hazard;

/* Classifies the character at s[i] (s of n bytes, i < n); *len gets its
 * length in bytes (1 for an invalid byte). */
text_hazard text_hazard_at(const char *s, size_t n, size_t i, size_t *len);

/* Copies text for a terminal or a TSV line: controls become a space,
 * hidden characters go, invalid bytes become U+FFFD. For article text,
 * titles and entity names. */
char *text_printable(const char *s);

/* Copies a name for a terminal with every hazard shown as a visible,
 * reversible escape: "\\" for a backslash, "\xNN" for a control or
 * invalid byte, "\uNNNN" / "\UNNNNNNNN" for other unsafe characters.
 * For file names, paths and echoed arguments. When max_cols > 3 and the
 * result is wider, it is cut to max_cols columns ending in "...". */
char *text_escaped(const char *s, size_t max_cols);

/* Display width of UTF-8 text in terminal columns (combining marks 0,
 * East Asian wide 2), as libunistring measures it. */
size_t text_width(const char *s, size_t n);

/* Longest prefix of s (in bytes) that fits in cols columns without
 * cutting a grapheme cluster. */
size_t text_fit(const char *s, size_t n, size_t cols);

#endif
