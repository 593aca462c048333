/* ui.c: the screen manager and the main loop. It lays the three panes out
 * for the terminal's size, routes keys and mouse events to the focused
 * pane (which may decline them) and then to the global keys, keeps the
 * status line, polls the store for changes when idle, and restores the
 * terminal on every way out, signals included. */
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

/* Chooses a layout for the terminal's size and places the panes. */
static void layout(app *a)
{
	int rows = LINES, cols = COLS;
	int h = rows - 1; /* the status line */
	pane *list = &a->panes[PANE_LIST], *reader = &a->panes[PANE_READER],
	     *side = &a->panes[PANE_SIDEBAR];
	if (a->status)
		delwin(a->status);
	if (cols < MIN_COLS || rows < MIN_ROWS) {
		a->layout = LAYOUT_TOO_SMALL;
		for (int i = 0; i < NPANES; i++)
			place(&a->panes[i], 0, 0, 0, 0, 0);
		a->status = newwin(1, cols > 0 ? cols : 1, rows / 2, 0);
	} else if (cols >= WIDE_COLS) {
		a->layout = LAYOUT_WIDE;
		int sw = cols / 5 < 28 ? 28 : cols / 5 > 44 ? 44 : cols / 5;
		int lw = (cols - sw) * 2 / 5;
		place(list, 0, 0, h, lw, 0);
		place(reader, 0, lw, h, cols - sw - lw, 1);
		place(side, 0, cols - sw, h, sw, 1);
		a->status = newwin(1, cols, rows - 1, 0);
	} else if (cols >= STACKED_COLS && h >= 12) {
		a->layout = LAYOUT_STACKED;
		int sw = cols / 4 < 20 ? 20 : cols / 4 > 34 ? 34 : cols / 4;
		int lh = h * 2 / 5 < 4 ? 4 : h * 2 / 5;
		place(list, 0, 0, lh, cols - sw, 0);
		place(reader, lh, 0, h - lh, cols - sw, 0);
		place(side, 0, cols - sw, h, sw, 1);
		a->status = newwin(1, cols, rows - 1, 0);
	} else {
		a->layout = LAYOUT_SINGLE;
		for (int i = 0; i < NPANES; i++)
			place(&a->panes[i], 0, 0, i == a->focus ? h : 0, i == a->focus ? cols : 0,
			      0);
		a->status = newwin(1, cols, rows - 1, 0);
	}
	keypad(a->status, TRUE);
	wtimeout(a->status, POLL_MS);
	leaveok(a->status, TRUE);
	for (int i = 0; i < NPANES; i++) {
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
		for (size_t i = 0; i < a->filter.entities.n; i++)
			sb_printf(&b, " +%s", a->filter.entities.v[i]);
		for (size_t i = 0; i < a->filter.not_entities.n; i++)
			sb_printf(&b, " -%s", a->filter.not_entities.v[i]);
		if (a->filter.search)
			sb_printf(&b, " /%s", a->filter.search);
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
	for (int i = 0; i < NPANES; i++) {
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
	a->focus = (index + NPANES) % NPANES;
	if (a->layout == LAYOUT_SINGLE && was != a->focus)
		layout(a);
}

/* See uiint.h: the filter changed: count, list, sidebar, reader. */
void app_filter_changed(app *a)
{
	trace_label("filter");
	list_reload(&a->panes[PANE_LIST], LIST_KEEP_NEAR_TOP);
	a->panes[PANE_SIDEBAR].ops->reload(&a->panes[PANE_SIDEBAR]);
	a->panes[PANE_READER].ops->reload(&a->panes[PANE_READER]);
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
	if (query_set_read(a->s, id, 1) == 0)
		list_mark(&a->panes[PANE_LIST], id, 1, -1);
	reader_load(&a->panes[PANE_READER], id);
	reader_set_marks(&a->panes[PANE_READER], 1, -1);
	if (a->layout == LAYOUT_SINGLE)
		app_focus(a, PANE_READER);
}

/* Removes name (folded comparison) from a list; returns 1 if it was there. */
static int remove_name(strlist *l, const char *name)
{
	char *f = text_fold(name, strlen(name), NULL);
	int found = 0;
	for (size_t i = 0; i < l->n; i++) {
		char *g = text_fold(l->v[i], strlen(l->v[i]), NULL);
		int same = !strcmp(f, g);
		free(g);
		if (same) {
			free(l->v[i]);
			memmove(l->v + i, l->v + i + 1, (l->n - i - 1) * sizeof *l->v);
			l->n--;
			found = 1;
			break;
		}
	}
	free(f);
	return found;
}

/* See uiint.h: adds an entity (negated: excluded) to the filter. Returns
 * 0 when no entity has that name. */
int app_add_entity(app *a, const char *name, int negated)
{
	int64_t ids[8];
	while (*name == ' ')
		name++;
	if (!*name)
		return 0;
	if (query_resolve_entity(a->s, name, ids, 8) <= 0) {
		app_message(a, 1, "no entity named \"%s\"", name);
		return 0;
	}
	remove_name(&a->filter.entities, name);
	remove_name(&a->filter.not_entities, name);
	sl_push(negated ? &a->filter.not_entities : &a->filter.entities, name);
	app_filter_changed(a);
	return 1;
}

/* Completion for the entity prompt: facets of the current result set
 * whose name or alias starts with the text. */
static int complete_entity(app *a, const char *text, strlist *out)
{
	facet_row rows[20];
	char *err = NULL;
	const char *prefix = text[0] == '!' ? text + 1 : text;
	int n = query_facets(a->s, &a->filter, -1, *prefix ? prefix : NULL, 20, rows, &err);
	if (n < 0) {
		free(err);
		return 0;
	}
	for (int i = 0; i < n; i++) {
		char *c = xasprintf("%s%s", text[0] == '!' ? "!" : "", rows[i].name);
		sl_push_owned(out, c);
		facet_row_free(&rows[i]);
	}
	return n;
}

/* `/`: asks for a search and applies it; an empty or blank one removes
 * it (as the query layer reads it). */
static void do_search(app *a)
{
	char *q = prompt_read(a, "Search: ", &a->search_history, NULL);
	trace_begin(q ? "search" : "cancel", NULL);
	if (!q)
		return;
	char *old = a->filter.search;
	int blank = str_is_blank(q);
	a->filter.search = blank ? NULL : q;
	if (blank)
		free(q);
	/* A malformed query must not leave a broken filter behind: checked
	 * as the CLI checks it (its words, then one match at most: a count
	 * would read every match of a common word). */
	char *err = NULL;
	if (query_check_search(a->s, a->filter.search, &err) != 0) {
		app_message(a, 1, "search: %s", err ? err : "invalid query");
		free(err);
		free(a->filter.search);
		a->filter.search = old;
		return;
	}
	free(old);
	app_filter_changed(a);
}

/* `e`: asks for an entity (with completion); "!name" excludes it. */
static void do_entity(app *a)
{
	char *name = prompt_read(a, "Entity: ", &a->entity_history, complete_entity);
	trace_begin(name ? "entity" : "cancel", NULL);
	if (!name)
		return;
	if (name[0] == '!')
		app_add_entity(a, name + 1, 1);
	else
		app_add_entity(a, name, 0);
	free(name);
}

/* The article `s` and `u` act on: the one read when the reader has the
 * focus, else the one selected in the list. */
static int64_t target_article(app *a, int *read, int *starred)
{
	const article_row *r = list_selected(&a->panes[PANE_LIST]);
	if (a->focus == PANE_READER && a->open_id) {
		if (r && r->id == a->open_id) {
			*read = r->read;
			*starred = r->starred;
		} else if (!reader_marks(&a->panes[PANE_READER], read, starred)) {
			article_full art;
			memset(&art, 0, sizeof art);
			char *err = NULL;
			if (query_article(a->s, a->open_id, NULL, &art, &err) <= 0) {
				free(err);
				article_full_free(&art);
				return 0;
			}
			*read = art.read;
			*starred = art.starred;
			article_full_free(&art);
		}
		return a->open_id;
	}
	if (!r)
		return 0;
	*read = r->read;
	*starred = r->starred;
	return r->id;
}

/* `s` and `u`: flip a mark and show it everywhere. */
static void toggle_mark(app *a, int star)
{
	int read = 0, starred = 0;
	int64_t id = target_article(a, &read, &starred);
	if (!id)
		return;
	int rc = star ? query_set_starred(a->s, id, !starred) : query_set_read(a->s, id, !read);
	if (rc != 0) {
		app_message(a, 1, "could not save the mark");
		return;
	}
	list_mark(&a->panes[PANE_LIST], id, star ? -1 : !read, star ? !starred : -1);
	if (id == a->open_id)
		reader_set_marks(&a->panes[PANE_READER], star ? -1 : !read, star ? !starred : -1);
	app_message(a, 0, "%s",
	            star ? (!starred ? "starred" : "unstarred")
	                 : (!read ? "marked read" : "marked unread"));
}

/* Everything the store may have changed: counts, list, facets, reader. */
static void reload(app *a)
{
	count_total(a);
	list_reload(&a->panes[PANE_LIST], LIST_KEEP_ALWAYS);
	sidebar_stale(&a->panes[PANE_SIDEBAR]);
}

/* The pane under a screen position, or -1. */
static int pane_at(app *a, int y, int x)
{
	for (int i = 0; i < NPANES; i++) {
		pane *p = &a->panes[i];
		if (p->shown && y >= p->y && y < p->y + p->h && x >= p->x && x < p->x + p->w)
			return i;
	}
	return -1;
}

/* Actions the focused pane did not take. */
static void global_action(app *a, action act)
{
	switch (act) {
	case ACT_NEXT_PANE:
		app_focus(a, a->focus + 1);
		break;
	case ACT_PREV_PANE:
		app_focus(a, a->focus - 1);
		break;
	case ACT_QUIT:
		a->quit = 1;
		break;
	case ACT_HELP:
		help_show(a);
		break;
	case ACT_SEARCH:
		do_search(a);
		break;
	case ACT_ENTITY:
		do_entity(a);
		break;
	case ACT_ALL_ENTITIES:
		/* entities of low confidence: shown or left out, in the
		 * sidebar and the reader's highlights */
		query_all_entities(a->s, !a->s->all_entities);
		sidebar_stale(&a->panes[PANE_SIDEBAR]);
		a->panes[PANE_READER].ops->reload(&a->panes[PANE_READER]);
		app_message(a, 0, a->s->all_entities ? "showing all entities, low confidence too"
						     : "hiding entities of low confidence");
		break;
	case ACT_CLEAR_FILTER:
		sl_free(&a->filter.entities);
		sl_free(&a->filter.not_entities);
		sl_init(&a->filter.entities);
		sl_init(&a->filter.not_entities);
		free(a->filter.search);
		a->filter.search = NULL;
		app_filter_changed(a);
		break;
	case ACT_STAR:
		toggle_mark(a, 1);
		break;
	case ACT_READ:
		toggle_mark(a, 0);
		break;
	case ACT_RELOAD:
		reload(a);
		a->panes[PANE_READER].ops->reload(&a->panes[PANE_READER]);
		app_message(a, 0, "reloaded");
		break;
	case ACT_NEXT_MENTION:
	case ACT_PREV_MENTION: {
		int next = act == ACT_NEXT_MENTION;
		if (!a->open_id) {
			app_message(a, 0, "no article open");
			break;
		}
		if (a->layout == LAYOUT_SINGLE && a->focus != PANE_READER)
			app_focus(a, PANE_READER);
		if (!reader_jump_mention(&a->panes[PANE_READER], next ? 1 : -1))
			app_message(a, 0, "no %s mention", next ? "further" : "earlier");
		break;
	}
	case ACT_BACK:
		app_focus(a, PANE_LIST);
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
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
	global_action(a, act);
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
	for (int i = 0; i < NPANES; i++) {
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

	list_init(&a->panes[PANE_LIST]);
	reader_init(&a->panes[PANE_READER]);
	sidebar_init(&a->panes[PANE_SIDEBAR]);
	for (int i = 0; i < NPANES; i++)
		a->panes[i].app = a;
	a->focus = PANE_LIST;
	layout(a);
	trace_header(LINES, COLS);
	query_store_changed(s); /* the first call only sets the baseline */
	a->total = -1;          /* the list's first count gives it, when idle */
	list_reload(&a->panes[PANE_LIST], 0);
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
				reload(a);
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
	for (int i = 0; i < NPANES; i++) {
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
