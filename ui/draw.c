/* draw.c: attributes by role (colour, or bold/reverse/underline on
 * monochrome terminals and under NO_COLOR) and text output that is
 * measured by display width and never cut inside a grapheme. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "uiint.h"
#include "uitext.h"

/* Sets up colour pairs when the terminal has colours and the user did not
 * ask for none (NO_COLOR, https://no-color.org: present and not empty). */
void draw_setup(app *a)
{
	const char *nc = getenv("NO_COLOR");
	a->color = has_colors() && !(nc && *nc);
	attr_t *r = a->attr;
	for (int i = 0; i < NROLES; i++)
		r[i] = A_NORMAL;
	r[ROLE_UNREAD] = A_BOLD;
	r[ROLE_SELECTED] = A_REVERSE;
	r[ROLE_HEADLINE] = A_BOLD;
	r[ROLE_STATUS] = A_REVERSE;
	r[ROLE_TITLE_FOCUS] = A_REVERSE | A_BOLD;
	r[ROLE_TITLE] = A_UNDERLINE;
	r[ROLE_MESSAGE] = A_BOLD;
	if (!a->color) {
		/* Monochrome: types told apart by bold and underline. */
		r[ROLE_PER] = A_BOLD | A_UNDERLINE;
		r[ROLE_ORG] = A_UNDERLINE;
		r[ROLE_LOC] = A_BOLD;
		r[ROLE_FILTER] = A_BOLD;
		r[ROLE_STAR] = A_BOLD;
		r[ROLE_DIM] = A_NORMAL;
		r[ROLE_CAPTION] = A_NORMAL;
		return;
	}
	start_color();
	use_default_colors();
	init_pair(1, COLOR_YELLOW, -1);
	init_pair(2, COLOR_CYAN, -1);
	init_pair(3, COLOR_GREEN, -1);
	init_pair(4, COLOR_BLUE, -1);
	init_pair(5, COLOR_MAGENTA, -1);
	init_pair(6, COLOR_BLACK, COLOR_CYAN);
	init_pair(7, COLOR_RED, -1);
	r[ROLE_PER] = COLOR_PAIR(1) | A_BOLD;
	r[ROLE_ORG] = COLOR_PAIR(2) | A_BOLD;
	r[ROLE_LOC] = COLOR_PAIR(3) | A_BOLD;
	r[ROLE_DIM] = COLOR_PAIR(4);
	r[ROLE_CAPTION] = COLOR_PAIR(5);
	r[ROLE_TITLE_FOCUS] = COLOR_PAIR(6) | A_BOLD;
	r[ROLE_STAR] = COLOR_PAIR(1) | A_BOLD;
	r[ROLE_FILTER] = COLOR_PAIR(7) | A_BOLD;
	r[ROLE_MESSAGE] = A_BOLD | A_REVERSE;
}

/* Attribute of a role. */
attr_t role_attr(app *a, int role)
{
	return a->attr[role];
}

/* Role that highlights an entity type. */
int entity_role(int type)
{
	switch (type) {
	case ENT_PER:
		return ROLE_PER;
	case ENT_ORG:
		return ROLE_ORG;
	default:
		return ROLE_LOC;
	}
}

/* The mark of cut text: one column either way. */
const char *draw_ellipsis(app *a)
{
	return a->ascii ? "~" : "\xE2\x80\xA6";
}

/* The row whose last column the latest write filled: curses leaves the
 * cursor there (bottom row) or on the next row, so draw_fill must not
 * trust the cursor after such a write. */
static WINDOW *full_win;
static int full_row = -1;

/* See uiint.h. */
int draw_prepared(app *a, WINDOW *w, const char *s, size_t n, int cols, attr_t attr)
{
	if (cols <= 0)
		return 0;
	int y0, x0;
	getyx(w, y0, x0);
	full_win = NULL;
	size_t width = text_width(s, n);
	size_t len = n;
	int used;
	int cut = 0;
	if (width > (size_t)cols) {
		len = text_fit(s, n, (size_t)cols - 1);
		cut = 1;
	}
	wattrset(w, attr);
	waddnstr(w, s, (int)len);
	used = (int)text_width(s, len);
	if (cut) {
		waddstr(w, draw_ellipsis(a));
		used++;
	}
	wattrset(w, A_NORMAL);
	if (x0 + used >= getmaxx(w)) {
		full_win = w;
		full_row = y0;
	}
	return used;
}

/* See uiint.h. */
int draw_text(app *a, WINDOW *w, const char *s, long n, int cols, attr_t attr)
{
	size_t len = n < 0 ? strlen(s) : (size_t)n;
	size_t dlen;
	char *d = uitext_display(s, len, a->ascii, NULL, &dlen);
	int used = draw_prepared(a, w, d, dlen, cols, attr);
	free(d);
	return used;
}

/* See uiint.h. */
int draw_width(app *a, const char *s)
{
	size_t dlen;
	char *d = uitext_display(s, strlen(s), a->ascii, NULL, &dlen);
	int width = (int)text_width(d, dlen);
	free(d);
	return width;
}

/* See uiint.h. */
void draw_fill(WINDOW *w, int row, int to, attr_t attr)
{
	int y, x;
	getyx(w, y, x);
	/* Text that ended at the right edge moved the cursor to the next row:
	 * there is nothing left to fill on this one. */
	if (y != row || (w == full_win && row == full_row)) {
		full_win = NULL;
		return;
	}
	wattrset(w, attr);
	for (; x < to; x++)
		waddch(w, ' ');
	wattrset(w, A_NORMAL);
}

/* See uiint.h. */
void draw_pane_frame(pane *p, const char *title, const char *right)
{
	app *a = p->app;
	int focused = a->focus == (int)(p - a->panes);
	attr_t at = role_attr(a, focused ? ROLE_TITLE_FOCUS : ROLE_TITLE);
	/* ACS line drawing in UTF-8; a plain '|' elsewhere, which every
	 * terminal shows whatever its alternate character set support. */
	if (p->border)
		mvwvline(p->win, 0, 0, a->ascii ? '|' : ACS_VLINE, p->h);
	wmove(p->win, 0, PANE_LEFT(p));
	int cols = PANE_COLS(p);
	wattrset(p->win, at);
	/* The focus mark is visible without colour or reverse video too. */
	waddstr(p->win, focused ? (cols > 4 ? "> " : ">") : (cols > 4 ? "  " : " "));
	int used = focused || cols <= 4 ? (cols > 4 ? 2 : 1) : 2;
	int rw = right ? draw_width(a, right) : 0;
	if (rw + 1 >= cols - used)
		rw = 0;
	used += draw_text(a, p->win, title, -1, cols - used - (rw ? rw + 1 : 0), at);
	draw_fill(p->win, 0, PANE_LEFT(p) + cols - rw, at);
	if (rw)
		draw_text(a, p->win, right, -1, rw, at);
	wattrset(p->win, A_NORMAL);
}

/* Role names in the config file (index: role). */
static const char *const role_names[NROLES] = {
    [ROLE_NORMAL] = "normal",     [ROLE_TITLE_FOCUS] = "title-focus",
    [ROLE_TITLE] = "title",       [ROLE_UNREAD] = "unread",
    [ROLE_SELECTED] = "selected", [ROLE_DIM] = "dim",
    [ROLE_STAR] = "star",         [ROLE_HEADLINE] = "headline",
    [ROLE_CAPTION] = "caption",   [ROLE_STATUS] = "status",
    [ROLE_MESSAGE] = "message",   [ROLE_PER] = "per",
    [ROLE_ORG] = "org",           [ROLE_LOC] = "loc",
    [ROLE_FILTER] = "filter",
};

/* A colour by name or number (0-255); -1 is the terminal's default.
 * Returns 0, or -1 when unknown. */
static int parse_color(const char *name, short *color)
{
	static const char *const names[] = {"black", "red",     "green", "yellow",
	                                    "blue",  "magenta", "cyan",  "white"};
	if (strcmp(name, "default") == 0) {
		*color = -1;
		return 0;
	}
	for (short i = 0; i < 8; i++) {
		if (strcmp(name, names[i]) == 0) {
			*color = i;
			return 0;
		}
	}
	char *end;
	long v = strtol(name, &end, 10);
	if (*name && !*end && v >= 0 && v <= 255) {
		*color = (short)v;
		return 0;
	}
	return -1;
}

/* An attribute by name; -1 when unknown. */
static int parse_attr(const char *name, attr_t *attr)
{
	static const struct {
		const char *name;
		attr_t attr;
	} attrs[] = {{"normal", A_NORMAL},    {"bold", A_BOLD},     {"underline", A_UNDERLINE},
	             {"reverse", A_REVERSE}, {"dim", A_DIM},       {"standout", A_STANDOUT},
	             {"italic", A_ITALIC}};
	for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
		if (strcmp(name, attrs[i].name) == 0) {
			*attr = attrs[i].attr;
			return 0;
		}
	}
	return -1;
}

/* See uiint.h. */
int draw_config_line(app *a, char **words, size_t n, char *err, size_t errsize)
{
	if (strcmp(words[0], "color") != 0 && strcmp(words[0], "colour") != 0)
		return 0;
	if (n < 3) {
		snprintf(err, errsize, "%s takes ROLE FOREGROUND [BACKGROUND] [ATTRIBUTE...]",
		         words[0]);
		return -1;
	}
	int role = -1;
	for (int i = 0; i < NROLES; i++) {
		if (strcmp(words[1], role_names[i]) == 0)
			role = i;
	}
	if (role < 0) {
		snprintf(err, errsize, "unknown role \"%s\" (per, org, loc, filter, star, ...)",
		         words[1]);
		return -1;
	}
	short fg, bg = -1;
	if (parse_color(words[2], &fg) < 0) {
		snprintf(err, errsize, "unknown colour \"%s\"", words[2]);
		return -1;
	}
	size_t i = 3;
	attr_t attr = A_NORMAL, one;
	if (i < n && parse_attr(words[i], &one) < 0) {
		if (parse_color(words[i], &bg) < 0) {
			snprintf(err, errsize, "unknown colour or attribute \"%s\"", words[i]);
			return -1;
		}
		i++;
	}
	for (; i < n; i++) {
		if (parse_attr(words[i], &one) < 0) {
			snprintf(err, errsize, "unknown attribute \"%s\"", words[i]);
			return -1;
		}
		attr |= one;
	}
	if (!a->color) {
		a->attr[role] = attr;
		return 1;
	}
	if ((fg >= COLORS || bg >= COLORS) || 8 + a->config_pairs >= COLOR_PAIRS) {
		a->attr[role] = attr; /* the terminal has too few colours */
		return 1;
	}
	if (fg < 0 && bg < 0) {
		a->attr[role] = attr;
		return 1;
	}
	short pair = (short)(8 + a->config_pairs++); /* pairs 1-7 are draw_setup's */
	init_pair(pair, fg, bg);
	a->attr[role] = COLOR_PAIR(pair) | attr;
	return 1;
}

/* See uiint.h. */
const char *draw_spark(app *a, int64_t n, int64_t max)
{
	static const char *const blocks[] = {" ", "\xE2\x96\x81", "\xE2\x96\x82", "\xE2\x96\x83",
	                                     "\xE2\x96\x84", "\xE2\x96\x85", "\xE2\x96\x86",
	                                     "\xE2\x96\x87", "\xE2\x96\x88"};
	static const char *const ascii[] = {" ", "_", ".", "-", "=", "+", "*", "#", "@"};
	int k = 0;
	if (n > 0 && max > 0)
		k = 1 + (int)((n * 7 + max - 1) / max);
	if (k > 8)
		k = 8;
	return a->ascii ? ascii[k] : blocks[k];
}
