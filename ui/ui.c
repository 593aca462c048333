/* ui.c: the screen manager and the main loop. It registers the panes,
 * lays them out for the terminal's size from the layout table, routes
 * keys (as actions, see keymap.h) and mouse events to the focused pane
 * (which may decline them) and then to the global actions, tells every
 * pane what changed (app_broadcast), keeps the status line, polls the
 * store for changes when idle, and restores the terminal on every way
 * out, signals included. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "conffile.h"
#include "text.h"
#include "ui.h"
#include "uiint.h"

volatile sig_atomic_t ui_signal;

/* Widths at which the layouts change. */
#define WIDE_COLS    160
#define STACKED_COLS 80
#define MIN_COLS     20
#define MIN_ROWS     6
#define POLL_MS      500
#define WAIT_MS      10 /* how often to look for a worker's answer */

/* Remembers the signal; the main loop notices it within one timeout. */
static void on_signal(int sig)
{
	ui_signal = sig;
}

/* See uiint.h: a one-shot message in the status line. */
void app_message(app *a, int error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	strbuf b;
	sb_init(&b);
	char tmp[512];
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	sb_adds(&b, tmp);
	free(a->message);
	a->message = sb_detach(&b);
	a->message_error = error;
}

/* Milliseconds on a monotonic clock. */
static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Places one pane (or hides it when h or w is 0). */
static void place(pane *p, int y, int x, int h, int w, int border)
{
	if (p->win) {
		delwin(p->win);
		p->win = NULL;
	}
	p->shown = h > 1 && w > 1;
	p->y = y;
	p->x = x;
	p->h = h;
	p->w = w;
	p->border = border;
	if (p->shown) {
		p->win = newwin(h, w, y, x);
		if (!p->win)
			p->shown = 0;
	}
}

/* The panes, in Tab order: a new pane is its own file plus one line here
 * (and a place in the layouts below). */
static void (*const pane_inits[])(pane *p) = {list_init,    reader_init,   sidebar_init,
                                              related_init, timeline_init, card_init};

/* A layout is data: from the whole area (above the status line), each
 * slot in turn cuts its pane from one side ('L', 'R', 'T', 'B': num/den
 * of what is left, clamped to min..max, max 0 for none), and the last
 * slot (side 0) takes the rest. Panes a layout does not name, and panes
 * that have nothing to show (pane_ops.wanted), are hidden.
 * The first layout the terminal is big enough for is used; below them
 * all, the focused pane alone. */
typedef struct layout_slot {
	const char *pane;
	char side;
	short num, den, min, max;
	char border; /* column 0 is a separator line */
} layout_slot;

typedef struct layout_def {
	const char *name;
	int min_cols, min_rows;
	layout_slot slot[MAX_PANES];
} layout_def;

static const layout_def layouts[] = {
    {"wide",
     WIDE_COLS,
     MIN_ROWS,
     {{"timeline", 'T', 0, 1, 3, 3, 0},
      {"sidebar", 'R', 1, 5, 28, 44, 1},
      {"list", 'L', 2, 5, 0, 0, 0},
      {"card", 'B', 1, 2, 9, 12, 1},
      {"related", 'B', 1, 3, 4, 12, 1},
      {"reader", 0, 0, 0, 0, 0, 1}}},
    {"stacked",
     STACKED_COLS,
     13,
     {{"timeline", 'T', 0, 1, 3, 3, 0},
      {"sidebar", 'R', 1, 4, 20, 34, 1},
      {"list", 'T', 2, 5, 4, 0, 0},
      {"card", 'B', 1, 2, 9, 10, 0},
      {"related", 'B', 1, 3, 4, 10, 0},
      {"reader", 0, 0, 0, 0, 0, 0}}},
};

/* See uiint.h. */
pane *app_pane(app *a, const char *name)
{
	for (int i = 0; i < a->npanes; i++) {
		if (strcmp(a->panes[i].ops->name, name) == 0)
			return &a->panes[i];
	}
	return NULL;
}

/* See uiint.h. */
int pane_wanted(pane *p)
{
	return !p->ops->wanted || p->ops->wanted(p);
}

/* See uiint.h. */
int app_has_focus(const pane *p)
{
	return p == &p->app->panes[p->app->focus];
}

/* Places the panes of a split layout in the rectangle y, x, h, w. */
static void place_layout(app *a, const layout_def *L, int y, int x, int h, int w)
{
	int placed[MAX_PANES] = {0};
	for (int i = 0; i < MAX_PANES && L->slot[i].pane; i++) {
		const layout_slot *sl = &L->slot[i];
		pane *p = app_pane(a, sl->pane);
		if (!p || !pane_wanted(p))
			continue;
		placed[p - a->panes] = 1;
		if (!sl->side) {
			place(p, y, x, h, w, sl->border);
			continue;
		}
		int whole = sl->side == 'L' || sl->side == 'R' ? w : h;
		int size = whole * sl->num / sl->den;
		if (size < sl->min)
			size = sl->min;
		if (sl->max && size > sl->max)
			size = sl->max;
		if (size > whole)
			size = whole;
		switch (sl->side) {
		case 'L':
			place(p, y, x, h, size, sl->border);
			x += size;
			w -= size;
			break;
		case 'R':
			place(p, y, x + w - size, h, size, sl->border);
			w -= size;
			break;
		case 'T':
			place(p, y, x, size, w, sl->border);
			y += size;
			h -= size;
			break;
		default: /* 'B' */
			place(p, y + h - size, x, size, w, sl->border);
			h -= size;
			break;
		}
	}
	for (int i = 0; i < a->npanes; i++) {
		if (!placed[i])
			place(&a->panes[i], 0, 0, 0, 0, 0);
	}
}

/* Chooses a layout for the terminal's size and places the panes. */
static void layout(app *a)
{
	int rows = LINES, cols = COLS;
	int h = rows - 1; /* the status line */
	if (a->status)
		delwin(a->status);
	const layout_def *L = NULL;
	for (size_t i = 0; i < sizeof layouts / sizeof layouts[0] && !L; i++) {
		if (cols >= layouts[i].min_cols && rows >= layouts[i].min_rows)
			L = &layouts[i];
	}
	a->layout_name = L ? L->name : NULL;
	if (cols < MIN_COLS || rows < MIN_ROWS) {
		a->layout = LAYOUT_TOO_SMALL;
		for (int i = 0; i < a->npanes; i++)
			place(&a->panes[i], 0, 0, 0, 0, 0);
		a->status = newwin(1, cols > 0 ? cols : 1, rows / 2, 0);
	} else if (L) {
		a->layout = LAYOUT_SPLIT;
		place_layout(a, L, 0, 0, h, cols);
		a->status = newwin(1, cols, rows - 1, 0);
	} else {
		a->layout = LAYOUT_SINGLE;
		for (int i = 0; i < a->npanes; i++)
			place(&a->panes[i], 0, 0, i == a->focus ? h : 0, i == a->focus ? cols : 0,
			      0);
		a->status = newwin(1, cols, rows - 1, 0);
	}
	keypad(a->status, TRUE);
	wtimeout(a->status, POLL_MS);
	leaveok(a->status, TRUE);
	for (int i = 0; i < a->npanes; i++) {
		if (a->panes[i].shown) {
			leaveok(a->panes[i].win, TRUE);
			a->panes[i].ops->resize(&a->panes[i]);
		}
	}
}

/* The status line: filters (or a message), shown/total and the help hint. */
static void draw_status(app *a)
{
	WINDOW *w = a->status;
	int cols = getmaxx(w);
	attr_t at = role_attr(a, ROLE_STATUS);
	werase(w);
	wbkgdset(w, ' ' | at);
	wmove(w, 0, 0);
	if (a->layout == LAYOUT_TOO_SMALL) {
		const char *note = "terminal too small";
		int nw = (int)strlen(note);
		wmove(w, 0, cols > nw ? (cols - nw) / 2 : 0);
		draw_text(a, w, note, -1, cols, A_BOLD);
		wbkgdset(w, ' ');
		wnoutrefresh(w);
		return;
	}
	/* Counts still coming from the worker show as "...". */
	char shown[24], total[24], right[96];
	snprintf(shown, sizeof shown, a->shown < 0 ? "..." : "%lld", (long long)a->shown);
	snprintf(total, sizeof total, a->total < 0 ? "..." : "%lld", (long long)a->total);
	snprintf(right, sizeof right, " %s/%s %s ? help ", shown, total,
	         a->ascii ? "|" : "\xE2\x94\x82");
	int rw = draw_width(a, right);
	if (rw > cols / 2) {
		snprintf(right, sizeof right, " %s/%s", shown, total);
		rw = draw_width(a, right);
	}
	if (rw > cols)
		rw = 0;
	int room = cols - rw;
	draw_fill(w, 0, cols, at);
	wmove(w, 0, 0);
	if (a->message) {
		draw_text(a, w, " ", -1, room, at);
		draw_text(a, w, a->message, -1, room - 1,
		          a->message_error ? (at | A_BOLD) : role_attr(a, ROLE_MESSAGE));
	} else {
		strbuf b;
		sb_init(&b);
		char *said = filter_describe(&a->filter);
		sb_adds(&b, said);
		free(said);
		if (a->filter.search && a->filter.order == QUERY_BY_RELEVANCE)
			sb_adds(&b, " by relevance");
		if (!b.len)
			sb_adds(&b, " all articles");
		if (a->s->all_entities)
			sb_adds(&b, " [all entities]");
		draw_text(a, w, b.s, (long)b.len, room, at);
		sb_free(&b);
	}
	if (rw) {
		wmove(w, 0, cols - rw);
		draw_text(a, w, right, -1, rw, at);
	}
	wbkgdset(w, ' ');
	wnoutrefresh(w);
}

/* Paints every shown pane and the status line, sending only what changed. */
static void draw_all(app *a)
{
	trace_draw_begin();
	if (a->layout == LAYOUT_TOO_SMALL) {
		werase(stdscr);
		wnoutrefresh(stdscr);
	}
	for (int i = 0; i < a->npanes; i++) {
		pane *p = &a->panes[i];
		if (!p->shown)
			continue;
		touchwin(p->win);
		p->ops->draw(p);
		wnoutrefresh(p->win);
	}
	draw_status(a);
	doupdate();
	trace_frame_done();
}

/* See uiint.h. */
void app_layout(app *a)
{
	layout(a);
}

/* See uiint.h: lays out again (the size may have changed), then repaints. */
void app_redraw_all(app *a)
{
	layout(a);
	draw_all(a);
}

/* See uiint.h. */
void app_focus(app *a, int index)
{
	int was = a->focus;
	a->focus = (index + a->npanes) % a->npanes;
	if (a->layout == LAYOUT_SINGLE && was != a->focus)
		layout(a);
}

/* See uiint.h. */
void app_focus_step(app *a, int dir)
{
	int i = a->focus;
	for (int k = 0; k < a->npanes; k++) {
		i = (i + dir + a->npanes) % a->npanes;
		if (pane_wanted(&a->panes[i]))
			break;
	}
	app_focus(a, i);
}

/* See uiint.h. */
void app_focus_pane(app *a, const char *name)
{
	pane *p = app_pane(a, name);
	if (p)
		app_focus(a, (int)(p - a->panes));
}

/* See uiint.h. */
void app_broadcast(app *a, const ui_event *ev)
{
	for (int i = 0; i < a->npanes; i++) {
		if (a->panes[i].ops->event)
			a->panes[i].ops->event(&a->panes[i], ev);
	}
}

/* See uiint.h: an event that carries no article. */
void app_broadcast_kind(app *a, ui_event_kind kind)
{
	ui_event ev = {.kind = kind, .read = -1, .starred = -1};
	app_broadcast(a, &ev);
}

/* See uiint.h. */
void app_broadcast_marks(app *a, int64_t id, int read, int starred)
{
	ui_event ev = {.kind = EV_MARKS_CHANGED, .id = id, .read = read, .starred = starred};
	app_broadcast(a, &ev);
}

/* See uiint.h: the filter changed. */
void app_filter_changed(app *a)
{
	trace_label("filter");
	app_broadcast_kind(a, EV_FILTER_CHANGED);
}

/* Recounts the whole store (for shown/total). */
static void count_total(app *a)
{
	query_filter none;
	char *err = NULL;
	query_filter_init(&none);
	a->total = query_count(a->s, &none, &err);
	if (a->total < 0) {
		free(err);
		a->total = 0;
	}
	query_filter_free(&none);
}

/* See uiint.h: shows the article in the reader and marks it read. */
void app_open_article(app *a, int64_t id)
{
	a->open_id = id;
	ui_event ev = {.kind = EV_ARTICLE_OPENED, .id = id, .read = -1, .starred = -1};
	app_broadcast(a, &ev);
	if (query_set_read(a->s, id, 1) == 0)
		app_broadcast_marks(a, id, 1, -1);
	if (a->layout == LAYOUT_SINGLE)
		app_focus_pane(a, "reader");
}

/* Everything the store may have changed: the total, then every pane
 * (kind: EV_STORE_CHANGED when another process wrote, EV_RELOAD when the
 * user asked). */
void app_reload(app *a, ui_event_kind kind)
{
	count_total(a);
	/* merges and new entities change what the filter's names stand for */
	char *err = NULL;
	if (query_filter_resolve(a->s, &a->filter, &err) != 0) {
		app_message(a, 1, "%s", err);
		free(err);
	}
	app_broadcast_kind(a, kind);
}

/* The pane under a screen position, or -1. */
static int pane_at(app *a, int y, int x)
{
	for (int i = 0; i < a->npanes; i++) {
		pane *p = &a->panes[i];
		if (p->shown && y >= p->y && y < p->y + p->h && x >= p->x && x < p->x + p->w)
			return i;
	}
	return -1;
}

/* A key: the focused pane's binding first, then (in a pane that takes
 * text) a plain character as text, then the global binding; the pane may
 * take a global action before the screen manager does (Esc in the
 * sidebar clears its narrowing first). */
static void handle_key(app *a, int key, int is_char)
{
	pane *p = &a->panes[a->focus];
	int code = keymap_code(key, is_char);
	action act = ACT_NONE;
	if (p->shown)
		act = keymap_lookup(a->keys, p->ops->context, code);
	if (act == ACT_NONE && p->shown && p->ops->text && is_char && key >= 32 && key != 127) {
		p->ops->text(p, key);
		return;
	}
	if (act == ACT_NONE)
		act = keymap_lookup(a->keys, KC_GLOBAL, code);
	if (act == ACT_NONE)
		return;
	if (p->shown && p->ops->action(p, act))
		return;
	app_action(a, act);
}

/* Reads the user's config file (key bindings and colours). Problems are
 * reported in the status line, naming the file and line; lede starts
 * anyway with what was right. */
static void load_config(app *a)
{
	char *path = conffile_path();
	conf_file cf;
	char *err = NULL;
	int rc = conffile_read(path, &cf, &err);
	free(path);
	if (rc < 0) {
		app_message(a, 1, "config: %s", err);
		free(err);
		return;
	}
	int errors = 0;
	char first[300] = "";
	for (size_t i = 0; i < cf.n; i++) {
		conf_line *l = &cf.lines[i];
		char why[200] = "";
		int r = -1;
		if (l->error)
			snprintf(why, sizeof why, "%s", l->error);
		else if ((r = keymap_config_line(a->keys, l->words.v, l->words.n, why, sizeof why)) == 0)
			r = draw_config_line(a, l->words.v, l->words.n, why, sizeof why);
		if (r == 0)
			snprintf(why, sizeof why, "unknown setting \"%s\" (bind, unbind, color)",
			         l->words.v[0]);
		if (r <= 0 && !errors++) {
			char *shown = text_escaped(cf.path, 60);
			snprintf(first, sizeof first, "%s line %d: %s", shown, l->lineno, why);
			free(shown);
		}
	}
	if (errors > 1)
		app_message(a, 1, "%s (and %d more)", first, errors - 1);
	else if (errors)
		app_message(a, 1, "%s", first);
	conffile_free(&cf);
}

/* Does the work one shown pane put off until idle: IDLE_DONE when there
 * was some (paint again; there may be more), IDLE_WAITING when a worker
 * thread has it (look again soon), IDLE_NONE when there is nothing left. */
static int run_idle(app *a)
{
	int waiting = 0;
	for (int i = 0; i < a->npanes; i++) {
		pane *p = &a->panes[i];
		if (!p->ops->idle) /* hidden panes too: the list's count shows in the status */
			continue;
		trace_begin("idle", p->ops->title);
		int r = p->ops->idle(p);
		if (r == IDLE_DONE)
			return IDLE_DONE;
		waiting |= r == IDLE_WAITING;
	}
	trace_cancel();
	return waiting ? IDLE_WAITING : IDLE_NONE;
}

/* True when the locale's character set is UTF-8. */
static int locale_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (!strcasecmp(cs, "UTF-8") || !strcasecmp(cs, "utf8"));
}

/* See ui.h. */
int ui_run(store *s)
{
	app A;
	app *a = &A;
	memset(a, 0, sizeof A);
	a->s = s;
	query_filter_init(&a->filter);
	sl_init(&a->search_history);
	sl_init(&a->entity_history);
	a->keys = keymap_new();
	setlocale(LC_ALL, "");
	a->ascii = !locale_is_utf8();
	trace_open();
	ready_init();

	/* Our handlers before initscr, so that ncurses keeps them; SIGTSTP
	 * stays with ncurses, which suspends and redraws on fg. */
	struct sigaction sa, old_int, old_term, old_hup;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	sigaction(SIGHUP, &sa, &old_hup);
	ui_signal = 0;

	if (!getenv("ESCDELAY"))
		set_escdelay(25);
	if (!initscr()) {
		keymap_free(a->keys);
		trace_close();
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGTERM, &old_term, NULL);
		sigaction(SIGHUP, &old_hup, NULL);
		return 1;
	}
	cbreak();
	noecho();
	nonl();
	curs_set(0);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	draw_setup(a);

	a->npanes = (int)(sizeof pane_inits / sizeof pane_inits[0]);
	for (int i = 0; i < a->npanes; i++) {
		pane_inits[i](&a->panes[i]);
		a->panes[i].app = a;
	}
	a->focus = 0; /* the first pane: the list */
	layout(a);
	trace_header(LINES, COLS);
	query_store_changed(s); /* the first call only sets the baseline */
	a->total = -1;          /* the list's first count gives it, when idle */
	app_broadcast_kind(a, EV_FILTER_CHANGED); /* the first filter: everything */
	if (a->ascii)
		app_message(a, 0, "ASCII mode: set LANG=C.UTF-8 for full text");
	load_config(a); /* its errors matter more than the ASCII notice */
	long long last_poll = now_ms();
	draw_all(a);

	int idle = IDLE_DONE; /* panes may have work put off until idle */
	while (!a->quit && !ui_signal) {
		wint_t wc;
		/* With work put off, only look for a key; while a worker has
		 * it, look again soon; else wait. */
		wtimeout(a->status, idle == IDLE_DONE      ? 0
		                    : idle == IDLE_WAITING ? WAIT_MS
		                                           : POLL_MS);
		if (idle == IDLE_NONE)
			ready_now();
		int rc = wget_wch(a->status, &wc);
		ready_key(rc, wc);
		wtimeout(a->status, POLL_MS); /* prompts and help wait for keys */
		if (ui_signal)
			break;
		if (rc == OK || rc == KEY_CODE_YES)
			trace_key_begin((int)wc, rc == OK);
		/* Polled when idle and between keys, so that articles another
		 * process ingests show up within a second even while typing. */
		int changed = 0;
		long long now = now_ms();
		if (now - last_poll >= POLL_MS) {
			last_poll = now;
			if (query_store_changed(s)) {
				if (rc == ERR)
					trace_begin("reload", NULL);
				app_reload(a, EV_STORE_CHANGED);
				changed = 1;
			}
		}
		if (rc == ERR && !changed) {
			if (idle != IDLE_NONE)
				idle = run_idle(a);
			if (idle == IDLE_DONE)
				draw_all(a);
			continue;
		}
		idle = IDLE_DONE;
		if (rc == OK || rc == KEY_CODE_YES) {
			int is_char = rc == OK;
			int key = (int)wc;
			free(a->message);
			a->message = NULL;
			if (!is_char && key == KEY_RESIZE) {
				ready_forget(); /* also after fg, when the shell had the title */
				layout(a);
			} else if (!is_char && key == KEY_MOUSE) {
				MEVENT ev;
				if (getmouse(&ev) == OK) {
					int i = pane_at(a, ev.y, ev.x);
					if (i >= 0) {
						if (i != a->focus &&
						    !(ev.bstate &
						      (BUTTON4_PRESSED | BUTTON5_PRESSED)))
							app_focus(a, i);
						pane *p = &a->panes[i];
						p->ops->mouse(p, ev.y - p->y, ev.x - p->x,
						              ev.bstate);
					}
				}
			} else if (a->layout != LAYOUT_TOO_SMALL) {
				handle_key(a, key, is_char);
			} else if (keymap_lookup(a->keys, KC_GLOBAL, keymap_code(key, is_char)) ==
			           ACT_QUIT) {
				a->quit = 1;
			}
		}
		if (!a->quit && !ui_signal)
			draw_all(a);
	}

	int status = ui_signal ? 128 + (int)ui_signal : 0;
	endwin();
	for (int i = 0; i < a->npanes; i++) {
		if (a->panes[i].win)
			delwin(a->panes[i].win);
		a->panes[i].ops->destroy(&a->panes[i]);
	}
	if (a->status)
		delwin(a->status);
	free(a->message);
	query_filter_free(&a->filter);
	sl_free(&a->search_history);
	sl_free(&a->entity_history);
	keymap_free(a->keys);
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	sigaction(SIGHUP, &old_hup, NULL);
	trace_close();
	return status;
}
