/* prompt.c: the one-line editor at the bottom row (search and entity
 * prompts): UTF-8 aware movement and deletion by grapheme cluster,
 * history, completion; and the help screen. Both are modal: they run their
 * own small input loop but still follow resizes and signals. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>
#include <wchar.h>

#include "text.h"
#include "uiint.h"
#include "uitext.h"

/* Replaces the edited text. */
static void set_text(strbuf *b, size_t *cur, const char *s)
{
	sb_clear(b);
	sb_adds(b, s);
	*cur = b->len;
}

/* Paints the prompt row with the cursor kept in view. */
static void draw_prompt(app *a, const char *label, const strbuf *b, size_t cur, const char *hint)
{
	WINDOW *w = a->status;
	int cols = getmaxx(w);
	werase(w);
	wmove(w, 0, 0);
	int used = draw_text(a, w, label, -1, cols, A_BOLD);
	int hw = hint ? draw_width(a, hint) : 0;
	int room = cols - used - 1 - (hw ? hw + 1 : 0);
	if (room < 1) {
		room = cols - used - 1;
		hw = 0;
	}
	/* Scroll horizontally: drop graphemes at the left until the cursor fits. */
	size_t start = 0;
	for (;;) {
		size_t dlen;
		char *d = uitext_display(b->s + start, cur - start, a->ascii, NULL, &dlen);
		int before = (int)text_width(d, dlen);
		free(d);
		if (before < room || start >= cur)
			break;
		start = uitext_next_grapheme(b->s, b->len, start);
	}
	size_t dlen;
	char *d = uitext_display(b->s + start, cur - start, a->ascii, NULL, &dlen);
	int cx = used + draw_prepared(a, w, d, dlen, room, A_NORMAL);
	free(d);
	draw_text(a, w, b->s + cur, (long)(b->len - cur), room - (cx - used), A_NORMAL);
	if (hw) {
		wmove(w, 0, cols - hw);
		draw_text(a, w, hint, -1, hw, role_attr(a, ROLE_DIM));
	}
	wmove(w, 0, cx < cols ? cx : cols - 1);
	wnoutrefresh(w);
	doupdate();
}

/* See uiint.h. */
char *prompt_read(app *a, const char *label, strlist *history, prompt_complete_fn complete)
{
	strbuf b;
	sb_init(&b);
	sb_adds(&b, ""); /* the editing below relies on a NUL-terminated buffer */
	size_t cur = 0;
	size_t hist = history ? history->n : 0;
	char *saved = NULL; /* the new line while browsing history */
	strlist cands;
	sl_init(&cands);
	size_t cand = 0;
	char hint[48] = "";
	char *result = NULL;
	int done = 0;
	curs_set(1);
	while (!done) {
		if (a->layout == LAYOUT_TOO_SMALL)
			break;
		draw_prompt(a, label, &b, cur, hint[0] ? hint : NULL);
		wint_t wc;
		ready_now();
		int rc = wget_wch(a->status, &wc);
		ready_key(rc, wc);
		if (ui_signal)
			break;
		if (rc == ERR)
			continue;
		int is_char = rc == OK;
		int key = (int)wc;
		if (!(is_char && key == '\t') && cands.n) {
			sl_free(&cands);
			sl_init(&cands);
			hint[0] = '\0';
		}
		if (!is_char) {
			switch (key) {
			case KEY_RESIZE:
				app_redraw_all(a);
				break;
			case KEY_LEFT:
				cur = uitext_prev_grapheme(b.s, cur);
				break;
			case KEY_RIGHT:
				cur = uitext_next_grapheme(b.s, b.len, cur);
				break;
			case KEY_HOME:
				cur = 0;
				break;
			case KEY_END:
				cur = b.len;
				break;
			case KEY_BACKSPACE: {
				size_t prev = uitext_prev_grapheme(b.s, cur);
				memmove(b.s + prev, b.s + cur, b.len - cur + 1);
				b.len -= cur - prev;
				cur = prev;
				break;
			}
			case KEY_DC: {
				size_t next = uitext_next_grapheme(b.s, b.len, cur);
				memmove(b.s + cur, b.s + next, b.len - next + 1);
				b.len -= next - cur;
				break;
			}
			case KEY_UP:
				if (history && hist > 0) {
					if (hist == history->n) {
						free(saved);
						saved = xstrdup(b.s);
					}
					hist--;
					set_text(&b, &cur, history->v[hist]);
				}
				break;
			case KEY_DOWN:
				if (history && hist < history->n) {
					hist++;
					set_text(&b, &cur,
					         hist == history->n ? (saved ? saved : "")
					                            : history->v[hist]);
				}
				break;
			case KEY_ENTER:
				done = 1;
				result = xstrdup(b.s);
				break;
			}
			continue;
		}
		switch (key) {
		case '\n':
		case '\r':
			done = 1;
			result = xstrdup(b.s);
			break;
		case 27: /* Esc */
		case 7:  /* Ctrl-G */
			done = 1;
			break;
		case 127:
		case 8: {
			size_t prev = uitext_prev_grapheme(b.s, cur);
			memmove(b.s + prev, b.s + cur, b.len - cur + 1);
			b.len -= cur - prev;
			cur = prev;
			break;
		}
		case 21: /* Ctrl-U: delete to the start */
			memmove(b.s, b.s + cur, b.len - cur + 1);
			b.len -= cur;
			cur = 0;
			break;
		case 11: /* Ctrl-K: delete to the end */
			b.s[cur] = '\0';
			b.len = cur;
			break;
		case 1: /* Ctrl-A */
			cur = 0;
			break;
		case 5: /* Ctrl-E */
			cur = b.len;
			break;
		case '\t':
			if (!complete)
				break;
			if (!cands.n) {
				complete(a, b.s, &cands);
				cand = 0;
			} else {
				cand = (cand + 1) % cands.n;
			}
			if (cands.n) {
				set_text(&b, &cur, cands.v[cand]);
				snprintf(hint, sizeof hint, "Tab %zu/%zu", cand + 1, cands.n);
			} else {
				snprintf(hint, sizeof hint, "no match");
			}
			break;
		default:
			if (key >= 32 && key != 127) {
				uint8_t buf[8];
				int len = u8_uctomb(buf, (ucs4_t)key, sizeof buf);
				if (len > 0) {
					sb_grow(&b, (size_t)len);
					memmove(b.s + cur + len, b.s + cur, b.len - cur + 1);
					memcpy(b.s + cur, buf, (size_t)len);
					b.len += (size_t)len;
					cur += (size_t)len;
				}
			}
		}
	}
	curs_set(0);
	if (result && history && *result &&
	    (history->n == 0 || strcmp(history->v[history->n - 1], result)))
		sl_push(history, result);
	sl_free(&cands);
	free(saved);
	sb_free(&b);
	return result;
}

/* The help screen's lines after the key table's: keys that are not
 * bindings (the prompts' line editing, the mouse). */
static const char *const help_tail[] = {
    "",
    "Prompts",
    "  Left, Right, Home, End, Ctrl-A, Ctrl-E   move",
    "  Backspace, Delete  delete a character; Ctrl-U, Ctrl-K to start / end",
    "  Up, Down           history; Enter accepts, Esc cancels",
    "",
    "Mouse: click selects (click again opens), wheel scrolls.",
    "",
    "Keys are rebound in the config file (see man lede, CONFIGURATION).",
    "Press q, Esc or ? to close this help.",
};

/* See uiint.h. */
void help_show(app *a)
{
	strlist lines;
	sl_init(&lines);
	sl_push(&lines, "lede - keys");
	sl_push(&lines, "");
	keymap_help(a->keys, &lines);
	for (size_t i = 0; i < sizeof help_tail / sizeof help_tail[0]; i++)
		sl_push(&lines, help_tail[i]);
	int n = (int)lines.n;
	int top = 0;
	WINDOW *w = NULL;
	for (;;) {
		if (!w)
			w = newwin(LINES, COLS, 0, 0);
		if (!w)
			return;
		keypad(w, TRUE);
		wtimeout(w, 500);
		int rows = LINES;
		if (top > n - rows)
			top = n - rows;
		if (top < 0)
			top = 0;
		werase(w);
		for (int i = 0; i < rows && top + i < n; i++) {
			wmove(w, i, 1);
			draw_text(a, w, lines.v[top + i], -1, COLS - 2,
			          top + i == 0 ? role_attr(a, ROLE_HEADLINE) : A_NORMAL);
		}
		wnoutrefresh(w);
		doupdate();
		wint_t wc;
		ready_now();
		int rc = wget_wch(w, &wc);
		ready_key(rc, wc);
		if (ui_signal)
			break;
		if (rc == ERR)
			continue;
		if (rc == KEY_CODE_YES) {
			if (wc == KEY_RESIZE) {
				delwin(w);
				w = NULL;
				app_redraw_all(a);
			} else if (wc == KEY_DOWN) {
				top++;
			} else if (wc == KEY_UP) {
				top--;
			} else if (wc == KEY_NPAGE) {
				top += rows - 1;
			} else if (wc == KEY_PPAGE) {
				top -= rows - 1;
			} else {
				break;
			}
			continue;
		}
		if (wc == 'j')
			top++;
		else if (wc == 'k')
			top--;
		else if (wc == ' ')
			top += rows - 1;
		else
			break;
	}
	if (w)
		delwin(w);
	sl_free(&lines);
	app_redraw_all(a);
}
