/* related.c: the related stories pane. R asks for the stories related to
 * the open article (src/related.c, on a worker thread: keys never wait);
 * the pane then shows under the reader (or alone in the one-pane layout)
 * with each story's score, date and title; Enter opens one in the reader
 * and the list stays, so that the stories can be read one after another;
 * R again or Esc closes it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cursor.h"
#include "related.h"
#include "uiint.h"

/* Stories the pane shows at most. */
#define RELATED_PANE_MAX 30

typedef struct related_state {
	int64_t id;         /* the article whose stories these are; 0: closed */
	related_row *rows;
	int n;
	int loading;        /* the worker has the query */
	char *error;
	cursor pos;
	worker *worker;
	int no_worker;
	unsigned job;
} related_state;

/* A job's answer. */
typedef struct related_answer {
	related_row *rows;
	int n;
} related_answer;

static related_state *state(pane *p)
{
	return p->priv;
}

/* Frees the rows shown. */
static void clear_rows(related_state *R)
{
	for (int i = 0; i < R->n; i++)
		related_row_free(&R->rows[i]);
	free(R->rows);
	R->rows = NULL;
	R->n = 0;
	free(R->error);
	R->error = NULL;
}

/* Frees an answer nobody took. */
static void answer_free(void *res)
{
	related_answer *r = res;
	for (int i = 0; i < r->n; i++)
		related_row_free(&r->rows[i]);
	free(r->rows);
	free(r);
}

/* The job, on the worker's connection: the stories of article *arg. */
static void *related_run_job(store *s, void *arg, int *failed, char **err)
{
	related_answer *r = xcalloc(1, sizeof *r);
	r->rows = xcalloc(RELATED_PANE_MAX, sizeof *r->rows);
	int n = query_related(s, *(int64_t *)arg, RELATED_PANE_MAX, r->rows, err);
	if (n < 0) {
		*failed = 1;
		answer_free(r);
		return NULL;
	}
	r->n = n;
	return r;
}

/* Installs an answer (or an error). */
static void install(related_state *R, related_answer *ans, char *err)
{
	clear_rows(R);
	R->loading = 0;
	R->pos.cur = R->pos.top = 0;
	if (!ans) {
		R->error = err ? err : xstrdup("the query failed");
		return;
	}
	R->rows = ans->rows;
	R->n = ans->n;
	free(ans);
}

/* Asks for the stories of R->id: on the worker, or here without one. */
static void ask(pane *p)
{
	related_state *R = state(p);
	int64_t *arg = xmalloc(sizeof *arg);
	*arg = R->id;
	void *res = NULL;
	char *err = NULL;
	R->loading = worker_ask(&R->worker, &R->no_worker, p->app->s, related_run_job, arg, free,
	                        answer_free, &R->job, &res, &err);
	if (!R->loading)
		install(R, res, err);
}

/* See uiint.h. */
void related_show(pane *p, int64_t id)
{
	related_state *R = state(p);
	clear_rows(R);
	R->loading = 0;
	R->job = 0; /* an answer on its way is for another article */
	R->id = id;
	R->pos.cur = R->pos.top = 0;
	if (id)
		ask(p);
}

/* Shown only while it has an article's stories (or is looking). */
static int related_wanted(pane *p)
{
	return state(p)->id != 0;
}

/* One story: cursor mark, score, date, title. */
static void draw_row(pane *p, int y, const related_row *r, int selected)
{
	app *a = p->app;
	WINDOW *w = p->win;
	int left = PANE_LEFT(p), cols = PANE_COLS(p);
	attr_t base = selected && app_has_focus(p) ? role_attr(a, ROLE_SELECTED) : A_NORMAL;
	wmove(w, y, left);
	char head[32];
	snprintf(head, sizeof head, "%c %3.0f%% ", selected ? '>' : ' ', r->score * 100);
	int x = draw_text(a, w, head, -1, cols, base);
	if (cols - x >= 40) {
		char date[12];
		snprintf(date, sizeof date, "%-10.10s ", r->row.date);
		x += draw_text(a, w, date, -1, 11, base | (selected ? 0 : role_attr(a, ROLE_DIM)));
	}
	const char *title = r->row.title && *r->row.title ? r->row.title : "(untitled)";
	draw_text(a, w, title, -1, cols - x,
	          base | (r->row.read ? A_NORMAL : role_attr(a, ROLE_UNREAD)));
	draw_fill(w, y, left + cols, base);
}

/* Paints the pane. */
static void related_draw(pane *p)
{
	related_state *R = state(p);
	app *a = p->app;
	char right[32] = "";
	if (R->n)
		snprintf(right, sizeof right, "%lld/%d", (long long)R->pos.cur + 1, R->n);
	draw_pane_frame(p, "Related stories", right);
	int rows = PANE_ROWS(p);
	cursor_settle(&R->pos, R->n, rows);
	for (int i = 0; i < rows; i++) {
		int64_t k = R->pos.top + i;
		if (k < R->n) {
			draw_row(p, PANE_TOP + i, &R->rows[k], k == R->pos.cur);
			continue;
		}
		wmove(p->win, PANE_TOP + i, PANE_LEFT(p));
		const char *note = NULL;
		if (i == 0)
			note = R->loading ? "looking for stories about the same event..."
			       : R->error ? R->error
			                  : "No other article tells this story.";
		if (note && (i == 0 && (R->loading || R->error || R->n == 0)))
			draw_text(a, p->win, note, -1, PANE_COLS(p),
			          R->error ? role_attr(a, ROLE_FILTER) : role_attr(a, ROLE_DIM));
		draw_fill(p->win, PANE_TOP + i, p->w, A_NORMAL);
	}
}

/* Actions: movement, Enter opens a story, Esc closes the pane. */
static int related_action(pane *p, action act)
{
	related_state *R = state(p);
	if (cursor_move(&R->pos, act, R->n, PANE_ROWS(p)))
		return 1;
	switch (act) {
	case ACT_OPEN:
		if (R->pos.cur < R->n)
			app_open_article(p->app, R->rows[R->pos.cur].row.id);
		return 1;
	case ACT_BACK:
		related_show(p, 0);
		app_layout(p->app);
		return 0; /* and back to the list */
	default:
		return 0;
	}
}

/* Click selects (again: opens); wheel scrolls. */
static void related_mouse(pane *p, int row, int col, mmask_t button)
{
	related_state *R = state(p);
	(void)col;
	if (button & BUTTON4_PRESSED) {
		cursor_move(&R->pos, ACT_UP, R->n, PANE_ROWS(p));
	} else if (button & BUTTON5_PRESSED) {
		cursor_move(&R->pos, ACT_DOWN, R->n, PANE_ROWS(p));
	} else if (row >= PANE_TOP) {
		int64_t k = R->pos.top + row - PANE_TOP;
		if (k < R->n) {
			if (k == R->pos.cur)
				related_action(p, ACT_OPEN);
			R->pos.cur = k;
		}
	}
}

static void related_resize(pane *p)
{
	related_state *R = state(p);
	cursor_settle(&R->pos, R->n, PANE_ROWS(p));
}

/* Marks show on the rows; a store change asks again. */
static void related_event(pane *p, const ui_event *ev)
{
	related_state *R = state(p);
	switch (ev->kind) {
	case EV_MARKS_CHANGED:
		for (int i = 0; i < R->n; i++) {
			if (R->rows[i].row.id == ev->id && ev->read >= 0)
				R->rows[i].row.read = ev->read;
			if (R->rows[i].row.id == ev->id && ev->starred >= 0)
				R->rows[i].row.starred = ev->starred;
		}
		break;
	case EV_STORE_CHANGED:
	case EV_RELOAD:
		if (R->id) {
			int64_t cur = R->pos.cur;
			related_show(p, R->id);
			R->pos.cur = cur;
		}
		break;
	default:
		break;
	}
}

/* Takes the worker's answer when it is there. */
static int related_idle(pane *p)
{
	related_state *R = state(p);
	if (!R->loading || !R->worker)
		return IDLE_NONE;
	void *res = NULL;
	char *err = NULL;
	int got = worker_collect(R->worker, R->job, 0, &res, &err);
	if (got == 0)
		return IDLE_WAITING;
	install(R, got == 1 ? res : NULL, err);
	return IDLE_DONE;
}

/* Frees the pane's state. */
static void related_destroy(pane *p)
{
	related_state *R = state(p);
	worker_stop(R->worker);
	clear_rows(R);
	free(R);
	p->priv = NULL;
}

static const pane_ops related_ops = {
    .name = "related",
    .title = "Related stories",
    .context = KC_RELATED,
    .draw = related_draw,
    .action = related_action,
    .resize = related_resize,
    .mouse = related_mouse,
    .event = related_event,
    .wanted = related_wanted,
    .idle = related_idle,
    .destroy = related_destroy,
};

/* See uiint.h. */
void related_init(pane *p)
{
	p->ops = &related_ops;
	p->priv = xcalloc(1, sizeof(related_state));
}
