/* uitext.h: text preparation for the interface that needs no curses:
 * making article text safe for a terminal, ASCII transliteration for
 * non-UTF-8 locales, and wrapping paragraphs to a width. Kept apart from
 * the panes so that unit tests can check it. */
#ifndef LEDE_UITEXT_H
#define LEDE_UITEXT_H

#include <stddef.h>

/* Copies n bytes of UTF-8 for display, through the terminal guard
 * (text_hazard_at): control characters (C0, DEL, C1) and tabs become
 * spaces, bidi controls and invisible characters go, invalid bytes
 * become U+FFFD. With ascii set, the text is transliterated to
 * printable ASCII: diacritics dropped (NFD, marks removed), 'đ' -> 'd',
 * 'Đ' -> 'D', common punctuation to its ASCII look-alike, anything else
 * '?'. When map is not NULL it must hold n + 1 entries and receives, for
 * each input byte offset, the matching output offset, so that mention
 * offsets can follow the text. Returns a new string; *outlen its length. */
char *uitext_display(const char *s, size_t n, int ascii, size_t *map, size_t *outlen);

/* One wrapped line: a byte range of the paragraph. */
typedef struct uiline {
	size_t start, end;
} uiline;

/* Wraps one paragraph (no '\n' inside, or '\n' as a forced break) to
 * width columns with libunistring's line breaking; a word wider than the
 * width is cut between grapheme clusters. Trailing spaces are not part of
 * a line. Returns the number of lines (at least 1) and a new array in
 * *lines. */
size_t uitext_wrap(const char *s, size_t n, int width, uiline **lines);

/* Byte offset of the grapheme boundary before / after pos in s[0..n). */
size_t uitext_prev_grapheme(const char *s, size_t pos);
size_t uitext_next_grapheme(const char *s, size_t n, size_t pos);

#endif
