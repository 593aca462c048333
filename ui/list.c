/* list.c: the article list pane. It never holds the whole result: a
 * window of rows around the cursor is paged from the store by key
 * (query_page, through pagecache.c), and the cursor's absolute index comes
 * from query_count and query_index_of, so moving costs the same at row 10
 * and row 900,000.
 * In relevance order the count ranks the matches (query_rank.c): the
 * worker counts first, and the rows are paged from its ranking once it
 * is there (a common word's takes a second or more at a million). */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "text.h"
#include "cursor.h"
#include "pagecache.h"
#include "uiint.h"

#define LIST_PAGE PAGECACHE_PAGE
/* The count while the worker computes it: paging finds the end anyway. */
#define COUNT_UNKNOWN (INT64_MAX / 4)

typedef struct list_state {
	pagecache rows; /* the rows around the cursor */
	int64_t count;  /* rows the filter lets through (COUNT_UNKNOWN: not yet) */
	int counted;    /* count is known */
	worker *worker; /* counts off the main thread */
	int no_worker;  /* it could not start: count here */
	unsigned job;   /* the worker's request for the current count, 0: none */
	cursor pos;     /* the selected row and the first on screen */
	query_key keep; /* in relevance order, the row to select again once
	                 * ranked (keep.id 0: none) */
} list_state;

/* The pane's own state. */
static list_state *state(pane *p)
{
	return p->priv;
}


/* True while the rows wait for the worker's ranking: in relevance
 * order, before the count (which ranks) has come from the worker. */
static int ranking_pending(pane *p)
{
	list_state *L = state(p);
	const query_filter *f = &p->app->filter;
	return f->order == QUERY_BY_RELEVANCE && f->search && !L->counted && !L->no_worker;
}

/* The count is known: the list, the status line and, without a filter,
 * the store's total take it. */
static void set_count(pane *p, int64_t n)
{
	list_state *L = state(p);
	L->count = n;
	L->counted = 1;
	L->job = 0;
	p->app->shown = n;
	if (filter_is_empty(&p->app->filter))
		p->app->total = n;
}

/* The cache's fetch: a page of the filter's list; reports errors in the
 * status line. */
static int fetch(void *ctx, const query_key *after, int backward, int limit, article_row *out)
{
	pane *p = ctx;
	char *err = NULL;
	int got = query_page(p->app->s, &p->app->filter, after, backward, limit, out, &err);
	if (got < 0) {
		app_message(p->app, 1, "%s", err ? err : "query failed");
		free(err);
		got = 0;
	}
	return got;
}

/* Makes sure rows [lo, hi) are cached (as far as they exist); the end
 * of the rows, when met, gives the count. */
static void ensure(pane *p, int64_t lo, int64_t hi)
{
	list_state *L = state(p);
	if (ranking_pending(p))
		return;
	int64_t end = pagecache_ensure(&L->rows, lo, hi, L->count, L->pos.cur);
	if (end >= 0)
		set_count(p, end);
}

/* See uiint.h. */
const article_row *list_selected(pane *p)
{
	list_state *L = state(p);
	return L->count ? pagecache_row(&L->rows, L->pos.cur) : NULL;
}

/* Keeps the cursor inside the list and on screen, and its rows cached. */
static void settle(pane *p)
{
	list_state *L = state(p);
	int rows = PANE_ROWS(p) > 0 ? PANE_ROWS(p) : 1;
	cursor_settle(&L->pos, L->count, rows);
	ensure(p, L->pos.top, L->pos.top + rows);
	if (!pagecache_row(&L->rows, L->pos.cur) && L->count) {
		ensure(p, L->pos.cur, L->pos.cur + 1);
		if (L->pos.cur >= L->count)
			L->pos.cur = L->count ? L->count - 1 : 0;
	}
	pagecache_trim(&L->rows, L->pos.cur);
}

/* The count job, on the worker's connection: query_count of its own copy
 * of the filter; the answer is a malloc'd int64_t. */
static void *count_run_job(store *s, void *arg, int *failed, char **err)
{
	int64_t n = query_count(s, arg, err);
	if (n < 0) {
		*failed = 1;
		return NULL;
	}
	int64_t *r = xmalloc(sizeof *r);
	*r = n;
	return r;
}

/* Frees the count job's filter. */
static void count_job_free(void *arg)
{
	query_filter_free(arg);
	free(arg);
}

/* The count job's answer (as worker_collect returns), into *n. */
static int count_collect(worker *w, unsigned id, int wait, int64_t *n, char **err)
{
	void *res = NULL;
	int got = worker_collect(w, id, wait, &res, err);
	if (got == 1) {
		*n = *(int64_t *)res;
		free(res);
	}
	return got;
}

/* Makes sure the count is known (G needs it): the worker's answer when
 * it has the request, else a count here. */
static void need_count(pane *p)
{
	list_state *L = state(p);
	app *a = p->app;
	if (L->counted)
		return;
	char *err = NULL;
	int64_t n = -1;
	if (!(L->worker && L->job && count_collect(L->worker, L->job, 1, &n, &err) == 1))
		n = query_count(a->s, &a->filter, &err);
	if (n < 0) {
		app_message(a, 1, "%s", err ? err : "query failed");
		n = L->rows.base + L->rows.n;
	}
	free(err);
	set_count(p, n);
}

/* Jumps to the last row: one backward page from the end. */
static void jump_end(pane *p)
{
	list_state *L = state(p);
	need_count(p);
	pagecache_last(&L->rows, L->count);
	L->pos.cur = L->count - 1;
}

enum { LIST_KEEP_ALWAYS = 1, LIST_KEEP_NEAR_TOP = 2 };

static void place_at(pane *p, const query_key *at, int keep_selection);

/* Reloads count and rows; keeps the selected article (or its
 * place) as asked: LIST_KEEP_ALWAYS (the store changed: what is read must
 * not move), LIST_KEEP_NEAR_TOP (a new filter: kept when it is among the
 * first rows, else the list starts at the top, since finding the index of
 * a row deep in a big set means counting it), or 0. */
static void list_reload(pane *p, int keep_selection)
{
	list_state *L = state(p);
	app *a = p->app;
	query_key key = {{0}, 0, 0};
	int have_key = 0;
	const article_row *sel = list_selected(p);
	if (keep_selection && sel) {
		key = sel->key;
		have_key = 1;
	}
	pagecache_clear(&L->rows);
	/* No filter: the count is the store's, which the app keeps. Else it
	 * comes from the worker when no key waits (list_idle): counting a
	 * big set takes far longer than the pages shown. */
	if (filter_is_empty(&a->filter) && a->total >= 0) {
		set_count(p, a->total);
	} else {
		L->count = COUNT_UNKNOWN;
		L->counted = 0;
		L->job = 0;
		a->shown = -1;
	}
	pagecache_rebase(&L->rows, 0);
	L->keep.id = 0;
	if (have_key && ranking_pending(p)) {
		/* found again when the ranking is there (list_idle) */
		if (keep_selection == LIST_KEEP_ALWAYS)
			L->keep = key;
		have_key = 0;
	}
	if (!have_key || L->count == 0) {
		L->pos.cur = L->pos.top = 0;
		settle(p);
		return;
	}
	place_at(p, &key, keep_selection);
}

/* Selects the row of key (list_reload's keep_selection), its rows
 * cached around it. */
static void place_at(pane *p, const query_key *at, int keep_selection)
{
	list_state *L = state(p);
	app *a = p->app;
	char *err = NULL;
	query_key key = *at;
	/* The rows before the key, then the page from the key on. When
	 * fewer than asked come before it, they are all there are and give
	 * the key's index; only deeper keys need query_index_of, which
	 * counts (slow on sets of hundreds of thousands). */
	int before = pagecache_before(&L->rows, &key, LIST_PAGE / 2);
	int64_t idx = before;
	if (before == LIST_PAGE / 2 && keep_selection == LIST_KEEP_NEAR_TOP) {
		/* Deep in a new filter's list: its newest rows instead. */
		pagecache_clear(&L->rows);
		L->pos.cur = L->pos.top = 0;
		settle(p);
		return;
	}
	if (before == LIST_PAGE / 2) {
		idx = query_index_of(a->s, &a->filter, &key, &err);
		if (idx < 0) {
			free(err);
			idx = 0;
		}
	}
	pagecache_rebase(&L->rows, idx - before);
	pagecache_extend_forward(&L->rows);
	L->pos.cur = idx < L->count ? idx : L->count - 1;
	for (int i = 0; i < L->rows.n; i++) {
		if (L->rows.rows[i].id == key.id) {
			L->pos.cur = L->rows.base + i;
			break;
		}
	}
	int rows = PANE_ROWS(p) > 0 ? PANE_ROWS(p) : 1;
	int64_t off = L->pos.cur - L->pos.top;
	if (off < 0 || off >= rows)
		L->pos.top = L->pos.cur - rows / 3;
	settle(p);
}

/* Keeps the cached row's marks in step with the store. */
static void list_mark(pane *p, int64_t id, int read, int starred)
{
	list_state *L = state(p);
	for (int i = 0; i < L->rows.n; i++) {
		article_row *r = &L->rows.rows[i];
		if (r->id == id) {
			if (read >= 0)
				r->read = read;
			if (starred >= 0)
				r->starred = starred;
		}
	}
}

/* Paints one row at screen row y. */
static void draw_row(pane *p, int y, const article_row *r, int selected)
{
	app *a = p->app;
	WINDOW *w = p->win;
	int left = PANE_LEFT(p), cols = PANE_COLS(p);
	attr_t base = selected ? role_attr(a, ROLE_SELECTED) : A_NORMAL;
	attr_t title_at = base | (r->read ? A_NORMAL : role_attr(a, ROLE_UNREAD));
	wmove(w, y, left);
	int x = 0;
	if (cols >= 4) {
		/* The cursor is marked in text too: monochrome, screen readers. */
		wattrset(w, base);
		waddch(w, selected ? '>' : ' ');
		wattrset(w, base | (r->read ? A_NORMAL : A_BOLD));
		waddch(w, r->read ? ' ' : 'N');
		wattrset(w, base | (r->starred ? role_attr(a, ROLE_STAR) : A_NORMAL));
		waddch(w, r->starred ? '*' : ' ');
		wattrset(w, base);
		waddch(w, ' ');
		x = 4;
	}
	if (cols - x >= 40) {
		char date[12];
		snprintf(date, sizeof date, "%-10.10s ", r->date);
		x += draw_text(a, w, date, -1, 11, base | (selected ? 0 : role_attr(a, ROLE_DIM)));
	}
	int src_cols = 0;
	/* A file name shows its hazards escaped, as the command line does. */
	char *source = cols - x >= 60 && r->source ? text_escaped(r->source, 0) : NULL;
	if (source) {
		src_cols = draw_width(a, source);
		if (src_cols > 18)
			src_cols = 18;
	}
	int title_cols = cols - x - (src_cols ? src_cols + 2 : 0);
	const char *title = r->title && *r->title ? r->title : "(untitled)";
	x += draw_text(a, w, title, -1, title_cols, title_at);
	draw_fill(w, y, left + cols - (src_cols ? src_cols + 1 : 0), base);
	if (src_cols) {
		draw_text(a, w, source, -1, src_cols,
		          base | (selected ? 0 : role_attr(a, ROLE_DIM)));
		draw_fill(w, y, left + cols, base);
	}
	free(source);
}

/* Paints the pane. */
static void list_draw(pane *p)
{
	list_state *L = state(p);
	app *a = p->app;
	char right[64];
	if (L->count && !L->counted)
		snprintf(right, sizeof right, "%lld/...", (long long)(L->pos.cur + 1));
	else if (L->count)
		snprintf(right, sizeof right, "%lld/%lld", (long long)(L->pos.cur + 1),
		         (long long)L->count);
	else
		snprintf(right, sizeof right, "0/0");
	draw_pane_frame(p, "Articles", right);
	int rows = PANE_ROWS(p);
	for (int i = 0; i < rows; i++) {
		int64_t idx = L->pos.top + i;
		article_row *r = pagecache_row(&L->rows, idx);
		if (r) {
			draw_row(p, PANE_TOP + i, r, idx == L->pos.cur);
		} else {
			wmove(p->win, PANE_TOP + i, PANE_LEFT(p));
			if (i == 0 && (L->count == 0 || ranking_pending(p)))
				draw_text(a, p->win,
				          L->count ? "Ranking by relevance..." : "No articles match.", -1,
				          PANE_COLS(p), role_attr(a, ROLE_DIM));
			draw_fill(p->win, PANE_TOP + i, p->w, A_NORMAL);
		}
	}
}

/* Moves the cursor by delta rows (clamped). */
static void move_by(pane *p, int64_t delta)
{
	list_state *L = state(p);
	L->pos.cur += delta;
	settle(p);
}

/* Actions of the list: movement (cursor.c) and opening. */
static int list_action(pane *p, action act)
{
	list_state *L = state(p);
	switch (act) {
	case ACT_BOTTOM: /* the last page, without paging through the list */
		jump_end(p);
		settle(p);
		return 1;
	case ACT_OPEN:
		if (list_selected(p))
			app_open_article(p->app, list_selected(p)->id);
		return 1;
	default:
		if (!cursor_move(&L->pos, act, L->count, PANE_ROWS(p)))
			return 0;
		settle(p); /* and the rows on screen fetched */
		return 1;
	}
}

/* Click selects (a click on the selected row opens it); wheel scrolls. */
static void list_mouse(pane *p, int row, int col, mmask_t button)
{
	list_state *L = state(p);
	(void)col;
	if (button & BUTTON4_PRESSED) {
		move_by(p, -3);
	} else if (button & BUTTON5_PRESSED) {
		move_by(p, 3);
	} else if (row >= PANE_TOP) {
		int64_t idx = L->pos.top + row - PANE_TOP;
		if (idx < L->count) {
			int again = idx == L->pos.cur;
			L->pos.cur = idx;
			settle(p);
			if (again && list_selected(p))
				app_open_article(p->app, list_selected(p)->id);
		}
	}
}

/* The rectangle changed: keep the cursor on screen. */
static void list_resize(pane *p)
{
	settle(p);
}

/* A new filter starts near the top; a store change keeps what is read
 * in place; marks show on the cached rows. */
static void list_event(pane *p, const ui_event *ev)
{
	switch (ev->kind) {
	case EV_FILTER_CHANGED:
		list_reload(p, LIST_KEEP_NEAR_TOP);
		break;
	case EV_STORE_CHANGED:
	case EV_RELOAD:
		list_reload(p, LIST_KEEP_ALWAYS);
		break;
	case EV_MARKS_CHANGED:
		list_mark(p, ev->id, ev->read, ev->starred);
		break;
	default:
		break;
	}
}

/* Counts the rows of a new filter: asks the worker, then takes its
 * answer when it is there; without a worker, counts here. */
static int list_idle(pane *p)
{
	list_state *L = state(p);
	app *a = p->app;
	if (L->counted)
		return IDLE_NONE;
	if (!L->worker && !L->no_worker) {
		L->worker = worker_start(a->s);
		L->no_worker = !L->worker;
	}
	if (L->worker && !L->job) {
		query_filter *f = xmalloc(sizeof *f);
		query_filter_copy(f, &a->filter);
		L->job = worker_submit(L->worker, count_run_job, f, count_job_free, free);
		return IDLE_WAITING;
	}
	if (L->worker) {
		int64_t n = 0;
		char *err = NULL;
		int got = count_collect(L->worker, L->job, 0, &n, &err);
		if (got == 0)
			return IDLE_WAITING;
		if (got < 0) {
			app_message(a, 1, "%s", err ? err : "query failed");
			free(err);
			n = L->rows.base + L->rows.n;
		}
		set_count(p, n);
	} else {
		need_count(p);
	}
	if (L->keep.id) {
		/* relevance order: the row read before, in the new ranking */
		query_key key = L->keep;
		L->keep.id = 0;
		place_at(p, &key, LIST_KEEP_ALWAYS);
	}
	settle(p);
	return IDLE_DONE;
}

/* See uiint.h. */
void list_reorder(pane *p)
{
	list_reload(p, 0);
}

/* Frees the pane's state. */
static void list_destroy(pane *p)
{
	list_state *L = state(p);
	worker_stop(L->worker);
	pagecache_free(&L->rows);
	free(L);
	p->priv = NULL;
}

static const pane_ops list_ops = {
    .name = "list",
    .title = "Articles",
    .draw = list_draw,
    .context = KC_LIST,
    .action = list_action,
    .resize = list_resize,
    .mouse = list_mouse,
    .event = list_event,
    .destroy = list_destroy,
    .idle = list_idle,
};

/* See uiint.h. */
void list_init(pane *p)
{
	p->ops = &list_ops;
	list_state *L = xcalloc(1, sizeof *L);
	pagecache_init(&L->rows, fetch, p);
	p->priv = L;
}
