/* cursor.h: the cursor and scroll position of a list-like pane (the
 * article list, the entity sidebar): one movement logic for all of them,
 * curses-free so that it is unit-tested. */
#ifndef LEDE_CURSOR_H
#define LEDE_CURSOR_H

#include <stdint.h>

#include "keymap.h"

typedef struct cursor {
	int64_t cur; /* the selected row, 0-based */
	int64_t top; /* the first row on screen */
} cursor;

/* Keeps cur inside 0..count-1 and on a screen of rows rows; top never
 * leaves rows empty below the last row when the list fills the screen. */
void cursor_settle(cursor *c, int64_t count, int rows);

/* Applies a movement action (down, up, page down/up, top, bottom) for a
 * list of count rows shown rows at a time: a page moves the cursor and the
 * screen together, as less does. Returns 1 when act is a movement. */
int cursor_move(cursor *c, action act, int64_t count, int rows);

#endif
