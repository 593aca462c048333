/* timeline.c: the timeline strip (t): the result set's articles per
 * period as a sparkline across the screen, one column a period (day,
 * week, month or year, chosen from the range as `lede timeline` chooses),
 * the open article's period marked under it. Left and Right pick a
 * period, Space marks a range's start, Enter filters by the period or the
 * range (as dates: the status line shows them, x clears them). The counts
 * come from a worker (src/timeline.c): keys never wait on them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cursor.h"
#include "timeline.h"
#include "uiint.h"

typedef struct timeline_state {
	int on;           /* shown (t toggles it) */
	timeline t;
	int have;         /* t holds an answer */
	int stale;        /* the filter changed since it was asked */
	int loading;
	char *error;
	cursor pos;       /* pos.cur: the period picked; pos.top: the first shown */
	char open_date[17]; /* the open article's date, "" when none */
	long anchor;      /* a marked range's first period, or -1 */
	worker *worker;
	int no_worker;
	unsigned job;
} timeline_state;

static timeline_state *state(pane *p)
{
	return p->priv;
}

/* The job's argument: its own copy of the filter. */
static void filter_free(void *arg)
{
	query_filter_free(arg);
	free(arg);
}

/* Frees an answer nobody took. */
static void answer_free(void *res)
{
	timeline_free(res);
	free(res);
}

/* The job, on the worker's connection. */
static void *timeline_run_job(store *s, void *arg, int *failed, char **err)
{
	timeline *t = xcalloc(1, sizeof *t);
	if (query_timeline(s, arg, TIMELINE_AUTO, t, err) < 0) {
		*failed = 1;
		free(t);
		return NULL;
	}
	return t;
}

/* Takes an answer (NULL: the error err). The pick stays on the same
 * period name when it is still there, else goes to the last. */
static void install(timeline_state *T, timeline *t, char *err)
{
	char was[11] = "";
	if (T->have && T->pos.cur < (int64_t)T->t.n)
		snprintf(was, sizeof was, "%s", T->t.periods[T->pos.cur].name);
	timeline_free(&T->t);
	free(T->error);
	T->error = NULL;
	T->loading = 0;
	T->have = t != NULL;
	T->anchor = -1;
	if (!t) {
		T->error = err ? err : xstrdup("the query failed");
		return;
	}
	T->t = *t;
	free(t);
	T->pos.cur = T->t.n ? (int64_t)T->t.n - 1 : 0;
	for (size_t i = 0; i < T->t.n; i++)
		if (strcmp(T->t.periods[i].name, was) == 0)
			T->pos.cur = (int64_t)i;
}

/* Asks for the counts of the current filter: on the worker, or here. */
static void ask(pane *p)
{
	timeline_state *T = state(p);
	T->stale = 0;
	query_filter *f = xmalloc(sizeof *f);
	query_filter_copy(f, &p->app->filter);
	void *res = NULL;
	char *err = NULL;
	T->loading = worker_ask(&T->worker, &T->no_worker, p->app->s, timeline_run_job, f,
	                        filter_free, answer_free, &T->job, &res, &err);
	if (!T->loading)
		install(T, res, err);
}

/* See uiint.h. */
void timeline_toggle(pane *p)
{
	timeline_state *T = state(p);
	T->on = !T->on;
	if (T->on && (!T->have || T->stale) && !T->loading)
		ask(p);
}

/* Shown only when turned on. */
static int timeline_wanted(pane *p)
{
	return state(p)->on;
}

/* The period of the open article, or -1. */
static long open_period(pane *p)
{
	timeline_state *T = state(p);
	return T->open_date[0] ? timeline_find(&T->t, T->open_date) : -1;
}

/* Remembers the date of the article opened (one row of the list's query). */
static void note_opened(pane *p, int64_t id)
{
	timeline_state *T = state(p);
	query_filter f;
	query_filter_init(&f);
	f.article_id = id;
	article_row row;
	char *err = NULL;
	T->open_date[0] = '\0';
	if (query_page(p->app->s, &f, NULL, 0, 1, &row, &err) == 1) {
		snprintf(T->open_date, sizeof T->open_date, "%s", row.date);
		article_row_free(&row);
	}
	free(err);
	query_filter_free(&f);
}

/* Columns a period takes: one when they are many, up to 6 (5 drawn, one
 * apart) when a few would leave the strip empty. */
static int period_cols(pane *p)
{
	timeline_state *T = state(p);
	int cols = PANE_COLS(p);
	int cw = T->t.n ? cols / (int)T->t.n : 1;
	return cw < 1 ? 1 : cw > 6 ? 6 : cw;
}

/* Paints the strip: the frame (the period picked and its count), the
 * sparkline, the axis (first and last period shown, the open article's). */
static void timeline_draw(pane *p)
{
	timeline_state *T = state(p);
	app *a = p->app;
	int cols = PANE_COLS(p), left = PANE_LEFT(p);
	char right[96] = "";
	if (T->have && T->t.n) {
		const timeline_period *cur = &T->t.periods[T->pos.cur];
		if (T->anchor >= 0) {
			long lo = T->anchor < T->pos.cur ? T->anchor : (long)T->pos.cur;
			long hi = T->anchor < T->pos.cur ? (long)T->pos.cur : T->anchor;
			int64_t sum = 0;
			for (long i = lo; i <= hi; i++)
				sum += T->t.periods[i].articles;
			snprintf(right, sizeof right, "%s..%s: %lld", T->t.periods[lo].name,
			         T->t.periods[hi].name, (long long)sum);
		} else {
			snprintf(right, sizeof right, "%s: %lld", cur->name, (long long)cur->articles);
		}
	}
	char title[48];
	snprintf(title, sizeof title, "Timeline%s%s", T->have ? " by " : "",
	         T->have ? timeline_by_name(T->t.by) : "");
	draw_pane_frame(p, title, right);
	if (PANE_ROWS(p) < 1)
		return;
	wmove(p->win, PANE_TOP, left);
	if (!T->have || !T->t.n) {
		draw_text(a, p->win,
		          T->loading ? "counting..."
		          : T->error ? T->error
		                     : "No dated article in the result set.",
		          -1, cols, role_attr(a, ROLE_DIM));
		draw_fill(p->win, PANE_TOP, left + cols, A_NORMAL);
		for (int r = 1; r < PANE_ROWS(p); r++) {
			wmove(p->win, PANE_TOP + r, left);
			draw_fill(p->win, PANE_TOP + r, left + cols, A_NORMAL);
		}
		return;
	}
	int cw = period_cols(p);
	int shown = cols / cw;
	cursor_settle(&T->pos, (int64_t)T->t.n, shown);
	int64_t max = 0;
	for (size_t i = 0; i < T->t.n; i++)
		if (T->t.periods[i].articles > max)
			max = T->t.periods[i].articles;
	long open = open_period(p);
	long lo = T->anchor < 0 ? -1 : T->anchor < T->pos.cur ? T->anchor : (long)T->pos.cur;
	long hi = T->anchor < 0 ? -1 : T->anchor < T->pos.cur ? (long)T->pos.cur : T->anchor;
	int focused = app_has_focus(p);
	wmove(p->win, PANE_TOP, left);
	for (int c = 0; c < shown; c++) {
		int64_t i = T->pos.top + c;
		if (i >= (int64_t)T->t.n)
			break;
		attr_t at = role_attr(a, ROLE_LOC);
		if (i == open)
			at = role_attr(a, ROLE_FILTER);
		if (i >= lo && i <= hi)
			at |= A_UNDERLINE;
		if (i == T->pos.cur && focused)
			at = role_attr(a, ROLE_SELECTED);
		/* an empty period picked still shows where the pick is */
		const char *b = draw_spark(a, T->t.periods[i].articles, max);
		if (i == T->pos.cur && focused && b[0] == ' ')
			b = a->ascii ? "_" : "\xE2\x96\x81";
		for (int k = 0; k < cw; k++)
			draw_text(a, p->win, k < cw - 1 || cw == 1 ? b : " ", -1, 1,
			          k < cw - 1 || cw == 1 ? at : A_NORMAL);
	}
	draw_fill(p->win, PANE_TOP, left + cols, A_NORMAL);
	if (PANE_ROWS(p) < 2)
		return;
	/* The axis: the first and last periods shown, and the open
	 * article's period marked (over a label if need be). */
	int64_t last = T->pos.top + shown - 1 < (int64_t)T->t.n ? T->pos.top + shown - 1
	                                                         : (int64_t)T->t.n - 1;
	int span = (int)(last - T->pos.top + 1) * cw;
	wmove(p->win, PANE_TOP + 1, left);
	draw_fill(p->win, PANE_TOP + 1, left + cols, A_NORMAL);
	int mark = open >= T->pos.top && open <= last ? (int)(open - T->pos.top) * cw : -1;
	const char *first = T->t.periods[T->pos.top].name;
	int fw = draw_width(a, first);
	if (mark < 0 || mark > fw) {
		wmove(p->win, PANE_TOP + 1, left);
		draw_text(a, p->win, first, -1, cols, role_attr(a, ROLE_DIM));
	}
	const char *end = T->t.periods[last].name;
	int ew = draw_width(a, end);
	if (last > T->pos.top && span >= fw + ew + 2 && (mark < span - ew - 1 || mark >= span)) {
		wmove(p->win, PANE_TOP + 1, left + span - ew);
		draw_text(a, p->win, end, -1, ew, role_attr(a, ROLE_DIM));
	}
	if (mark >= 0) {
		wmove(p->win, PANE_TOP + 1, left + mark);
		draw_text(a, p->win, a->ascii ? "^" : "\xE2\x96\xB2", -1, 1, role_attr(a, ROLE_FILTER));
	}
}

/* Sets the filter's dates to the period picked or the marked range. */
static void apply(pane *p)
{
	timeline_state *T = state(p);
	app *a = p->app;
	if (!T->have || !T->t.n)
		return;
	long lo = T->pos.cur, hi = T->pos.cur;
	if (T->anchor >= 0) {
		lo = T->anchor < lo ? T->anchor : lo;
		hi = T->anchor > hi ? T->anchor : hi;
	}
	free(a->filter.since);
	free(a->filter.until);
	/* from the period's name: "2022-05" also takes the articles dated
	 * only to that month */
	a->filter.since = xstrdup(T->t.periods[lo].name);
	a->filter.until = xstrdup(T->t.periods[hi].last);
	T->anchor = -1;
	app_filter_changed(a);
}

/* Actions: moving the pick, marking, filtering; Esc unmarks first. */
static int timeline_action(pane *p, action act)
{
	timeline_state *T = state(p);
	if (cursor_move(&T->pos, act, (int64_t)T->t.n, PANE_COLS(p) / period_cols(p)))
		return 1;
	switch (act) {
	case ACT_MARK:
		T->anchor = T->anchor >= 0 ? -1 : (long)T->pos.cur;
		return 1;
	case ACT_OPEN:
		apply(p);
		return 1;
	case ACT_BACK:
		if (T->anchor < 0)
			return 0;
		T->anchor = -1;
		return 1;
	default:
		return 0;
	}
}

/* A click picks a period (again: filters by it); the wheel moves. */
static void timeline_mouse(pane *p, int row, int col, mmask_t button)
{
	timeline_state *T = state(p);
	if (button & BUTTON4_PRESSED) {
		timeline_action(p, ACT_UP);
	} else if (button & BUTTON5_PRESSED) {
		timeline_action(p, ACT_DOWN);
	} else if (row == PANE_TOP && T->have) {
		int64_t i = T->pos.top + (col - PANE_LEFT(p)) / period_cols(p);
		if (i >= 0 && i < (int64_t)T->t.n) {
			int again = i == T->pos.cur;
			T->pos.cur = i;
			if (again)
				apply(p);
		}
	}
}

static void timeline_resize(pane *p)
{
	(void)p;
}

/* The result set or the store changed: count again (now if shown, else
 * when next shown). */
static void timeline_event(pane *p, const ui_event *ev)
{
	timeline_state *T = state(p);
	switch (ev->kind) {
	case EV_FILTER_CHANGED:
	case EV_STORE_CHANGED:
	case EV_RELOAD:
		T->stale = 1;
		T->job = 0;
		T->loading = 0;
		break;
	case EV_ARTICLE_OPENED:
		note_opened(p, ev->id);
		break;
	default:
		break;
	}
}

/* Asks when stale and shown; takes the worker's answer when it is there. */
static int timeline_idle(pane *p)
{
	timeline_state *T = state(p);
	if (T->on && T->stale) {
		ask(p);
		return T->loading ? IDLE_WAITING : IDLE_DONE;
	}
	if (!T->loading || !T->worker)
		return IDLE_NONE;
	void *res = NULL;
	char *err = NULL;
	int got = worker_collect(T->worker, T->job, 0, &res, &err);
	if (got == 0)
		return IDLE_WAITING;
	install(T, got == 1 ? res : NULL, err);
	return IDLE_DONE;
}

static void timeline_destroy(pane *p)
{
	timeline_state *T = state(p);
	worker_stop(T->worker);
	timeline_free(&T->t);
	free(T->error);
	free(T);
	p->priv = NULL;
}

static const pane_ops timeline_ops = {
    .name = "timeline",
    .title = "Timeline",
    .context = KC_TIMELINE,
    .draw = timeline_draw,
    .action = timeline_action,
    .resize = timeline_resize,
    .mouse = timeline_mouse,
    .event = timeline_event,
    .wanted = timeline_wanted,
    .idle = timeline_idle,
    .destroy = timeline_destroy,
};

/* See uiint.h. */
void timeline_init(pane *p)
{
	p->ops = &timeline_ops;
	timeline_state *T = xcalloc(1, sizeof *T);
	T->anchor = -1;
	T->stale = 1;
	p->priv = T;
}
