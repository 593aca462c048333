/* sidebar.c: the entity sidebar: the active filters on top (each
 * removable), then the facets of the current result set (entities with
 * their article counts within it), narrowed as the user types. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "text.h"
#include "cursor.h"
#include "uiint.h"
#include "uitext.h"

/* Facets loaded at once: far more than a screen, few enough to be quick. */
#define SIDEBAR_LIMIT 300

typedef struct sidebar_state {
	facet_row *rows;
	int n;
	int stale;
	worker *worker;   /* computes the facets off the main thread */
	int no_worker;    /* it could not start: compute them here */
	unsigned job;     /* the worker's request for the current facets, 0: none */
	char narrow[256]; /* what the user typed, UTF-8 */
	cursor pos;       /* over the items: filters, then facets */
} sidebar_state;

/* Kinds of filter items, in the order they are listed. */
enum { ITEM_ENTITY, ITEM_NOT_ENTITY, ITEM_SEARCH, ITEM_FACET };

/* The pane's own state. */
static sidebar_state *state(pane *p)
{
	return p->priv;
}

/* Number of active filter items. */
static int n_filters(app *a)
{
	return (int)a->filter.n_ents + (a->filter.search ? 1 : 0);
}

/* What item i is; *index gets its index within its kind. */
static int item_kind(app *a, int i, int *index)
{
	int ne = (int)a->filter.n_ents;
	if (i < ne) {
		*index = i;
		return a->filter.ents[i].negated ? ITEM_NOT_ENTITY : ITEM_ENTITY;
	}
	if (i == ne && a->filter.search) {
		*index = 0;
		return ITEM_SEARCH;
	}
	*index = i - n_filters(a);
	return ITEM_FACET;
}

/* See uiint.h. */
int64_t sidebar_current_entity(pane *p)
{
	sidebar_state *S = state(p);
	int k;
	int kind = item_kind(p->app, (int)S->pos.cur, &k);
	if (kind == ITEM_ENTITY || kind == ITEM_NOT_ENTITY) {
		/* picked by id, or a name that stands for one entity (its
		 * group's id first) */
		const filter_entity *e = &p->app->filter.ents[k];
		return e->entity ? e->entity : e->type >= 0 && e->n_ids > 0 ? e->ids[0] : 0;
	}
	if (kind != ITEM_FACET || k >= S->n)
		return 0;
	return S->rows[k].id;
}

/* Frees the loaded facets. */
static void clear_rows(sidebar_state *S)
{
	for (int i = 0; i < S->n; i++)
		facet_row_free(&S->rows[i]);
	S->n = 0;
}

/* Takes facet rows as the current ones (got < 0: the query failed). */
static void install(pane *p, int got, char *err)
{
	sidebar_state *S = state(p);
	app *a = p->app;
	if (got < 0) {
		app_message(a, 1, "%s", err ? err : "facets failed");
		free(err);
		got = 0;
	}
	/* Entities already in the filter would only repeat it. */
	int kept = 0;
	for (int i = 0; i < got; i++) {
		if (filter_find(&a->filter, S->rows[i].id) >= 0) {
			facet_row_free(&S->rows[i]);
			continue;
		}
		S->rows[kept++] = S->rows[i];
	}
	S->n = kept;
	S->stale = 0;
	S->job = 0;
	int items = n_filters(a) + S->n;
	if (S->pos.cur >= items)
		S->pos.cur = items - 1;
	if (S->pos.cur < 0)
		S->pos.cur = 0;
}

/* Loads the facets of the current filter and narrowing, here and now. */
static void load(pane *p)
{
	sidebar_state *S = state(p);
	app *a = p->app;
	char *err = NULL;
	clear_rows(S);
	int got = query_facets(a->s, &a->filter, -1, S->narrow[0] ? S->narrow : NULL, SIDEBAR_LIMIT,
	                       S->rows, &err);
	install(p, got, err);
}

/* The facets no longer match the filter or the narrowing. */
static void mark_stale(sidebar_state *S)
{
	S->stale = 1;
	S->job = 0; /* an answer on its way is for what was asked before */
}

/* Rows for items: all but the narrowing row. */
static int item_rows(pane *p)
{
	return PANE_ROWS(p) - 1;
}

/* Keeps the cursor in range and on screen. The facets load later, when
 * no key is waiting (sidebar_idle), unless the keys need them now. */
static void settle(pane *p)
{
	sidebar_state *S = state(p);
	cursor_settle(&S->pos, n_filters(p->app) + S->n, item_rows(p));
}

/* Short name of an entity type. */
static const char *type_tag(int type)
{
	return type == ENT_PER ? "PER" : type == ENT_ORG ? "ORG" : "LOC";
}

/* Paints one item at screen row y. */
static void draw_item(pane *p, int y, int i)
{
	app *a = p->app;
	sidebar_state *S = state(p);
	WINDOW *w = p->win;
	int left = PANE_LEFT(p), cols = PANE_COLS(p);
	int focused = app_has_focus(p);
	attr_t sel = i == S->pos.cur && focused ? role_attr(a, ROLE_SELECTED) : A_NORMAL;
	if (i == S->pos.cur && !focused)
		sel = A_UNDERLINE;
	int k;
	int kind = item_kind(a, i, &k);
	wmove(w, y, left);
	if (kind != ITEM_FACET) {
		const char *mark = kind == ITEM_ENTITY       ? "+ "
		                   : kind == ITEM_NOT_ENTITY ? "- "
		                                             : "/ ";
		const char *name = kind == ITEM_SEARCH ? a->filter.search : a->filter.ents[k].label;
		int used = draw_text(a, w, mark, -1, cols, sel | role_attr(a, ROLE_FILTER));
		draw_text(a, w, name, -1, cols - used, sel | role_attr(a, ROLE_FILTER));
		draw_fill(w, y, left + cols, sel);
		return;
	}
	facet_row *r = &S->rows[k];
	char count[24];
	snprintf(count, sizeof count, " %lld", (long long)r->articles);
	int used = 0;
	if (cols >= 16)
		used += draw_text(a, w, type_tag(r->type), -1, 3,
		                  sel | role_attr(a, entity_role(r->type))) +
		        draw_text(a, w, " ", -1, 1, sel);
	int cw = (int)strlen(count);
	if (cols - used - cw < 4)
		cw = 0;
	used += draw_text(a, w, r->name ? r->name : "?", -1, cols - used - cw, sel);
	draw_fill(w, y, left + cols - cw, sel);
	if (cw)
		draw_text(a, w, count, -1, cw, sel | (sel ? 0 : role_attr(a, ROLE_DIM)));
}

/* The facets job, on the worker's connection: the top SIDEBAR_LIMIT
 * facets of its own copy of the filter, narrowed by prefix. */
typedef struct facets_job {
	query_filter filter;
	char *prefix;
} facets_job;

typedef struct facets_answer {
	facet_row *rows;
	int n;
} facets_answer;

/* Frees a facets job. */
static void facets_job_free(void *arg)
{
	facets_job *j = arg;
	query_filter_free(&j->filter);
	free(j->prefix);
	free(j);
}

/* Frees a facets answer nobody took. */
static void facets_answer_free(void *res)
{
	facets_answer *r = res;
	for (int i = 0; i < r->n; i++)
		facet_row_free(&r->rows[i]);
	free(r->rows);
	free(r);
}

/* Runs a facets job. */
static void *facets_run_job(store *s, void *arg, int *failed, char **err)
{
	facets_job *j = arg;
	facets_answer *r = xcalloc(1, sizeof *r);
	r->rows = xcalloc(SIDEBAR_LIMIT, sizeof *r->rows);
	int n = query_facets(s, &j->filter, -1, j->prefix, SIDEBAR_LIMIT, r->rows, err);
	if (n < 0) {
		*failed = 1;
		facets_answer_free(r);
		return NULL;
	}
	r->n = n;
	return r;
}

/* Takes the worker's answer to the current request (waiting for it when
 * asked); IDLE_DONE when installed, else IDLE_WAITING. */
static int take(pane *p, int wait)
{
	sidebar_state *S = state(p);
	char *err = NULL;
	void *res = NULL;
	int got = worker_collect(S->worker, S->job, wait, &res, &err);
	if (got == 0)
		return IDLE_WAITING;
	clear_rows(S);
	int n = -1;
	if (got == 1) {
		facets_answer *r = res;
		n = r->n;
		memcpy(S->rows, r->rows, (size_t)n * sizeof *r->rows);
		free(r->rows);
		free(r);
	}
	install(p, n, err);
	return IDLE_DONE;
}

/* Gets the facets now when they are stale (keys that move over them or
 * apply one cannot wait for idle): the worker's answer when it has the
 * request already (it began earlier), else a query here. */
static void need_rows(pane *p)
{
	sidebar_state *S = state(p);
	if (!S->stale)
		return;
	if (S->worker && S->job && take(p, 1) == IDLE_DONE)
		return;
	load(p);
}

/* Paints the pane: the filters, then the facets or, while they are
 * stale, a note that they are coming. */
static void sidebar_draw(pane *p)
{
	sidebar_state *S = state(p);
	app *a = p->app;
	settle(p);
	char right[32];
	snprintf(right, sizeof right, S->stale ? "..." : "%d", S->n);
	draw_pane_frame(p, "Entities", right);
	int left = PANE_LEFT(p), cols = PANE_COLS(p);
	if (PANE_ROWS(p) <= 0)
		return;
	wmove(p->win, PANE_TOP, left);
	if (S->narrow[0]) {
		int used = draw_text(a, p->win, "Find: ", -1, cols, role_attr(a, ROLE_DIM));
		used += draw_text(a, p->win, S->narrow, -1, cols - used, A_BOLD);
		if (used < cols && app_has_focus(p))
			draw_text(a, p->win, "_", -1, 1, A_BLINK);
	} else {
		draw_text(a, p->win,
		          app_has_focus(p) ? "type to narrow, Enter adds, ! excludes"
		                                   : "Tab here, type to narrow",
		          -1, cols, role_attr(a, ROLE_DIM));
	}
	draw_fill(p->win, PANE_TOP, left + cols, A_NORMAL);
	int nf = n_filters(a);
	int items = nf + (S->stale ? 0 : S->n);
	for (int r = 0; r < item_rows(p); r++) {
		int i = (int)(S->pos.top + r);
		if (i < items) {
			draw_item(p, PANE_TOP + 1 + r, i);
		} else {
			wmove(p->win, PANE_TOP + 1 + r, left);
			if (i == nf && S->stale)
				draw_text(a, p->win, "counting...", -1, cols,
				          role_attr(a, ROLE_DIM));
			else if (i == 0)
				draw_text(a, p->win, "no entities", -1, cols,
				          role_attr(a, ROLE_DIM));
			draw_fill(p->win, PANE_TOP + 1 + r, left + cols, A_NORMAL);
		}
	}
}

/* Removes filter item i (an entity, an excluded entity or the search). */
static void remove_filter(pane *p, int i)
{
	app *a = p->app;
	int k;
	int kind = item_kind(a, i, &k);
	if (kind == ITEM_SEARCH) {
		free(a->filter.search);
		a->filter.search = NULL;
	} else if (kind == ITEM_ENTITY || kind == ITEM_NOT_ENTITY) {
		filter_remove(&a->filter, (size_t)k);
	} else {
		return;
	}
	app_filter_changed(a);
}

/* Removes the last character (grapheme) of the narrowing text. */
static void narrow_backspace(sidebar_state *S)
{
	size_t len = strlen(S->narrow);
	S->narrow[uitext_prev_grapheme(S->narrow, len)] = '\0';
}

/* Adds facet k to the filter; the narrowing is done with, so that the
 * sidebar shows what co-occurs with the new filter. */
static void apply(pane *p, int k, int negated)
{
	sidebar_state *S = state(p);
	facet_row *r = &S->rows[k];
	char *name = xstrdup(r->name ? r->name : "");
	if (app_add_entity_id(p->app, r->id, name, (int)r->type, negated)) {
		S->narrow[0] = '\0';
		mark_stale(S);
		S->pos.cur = n_filters(p->app);
		S->pos.top = 0;
	}
	free(name);
}

/* Actions of the sidebar: movement, Enter and '!', editing the narrowing
 * text; Esc clears that text before it leaves the pane. */
static int sidebar_action(pane *p, action act)
{
	sidebar_state *S = state(p);
	app *a = p->app;
	int nf = n_filters(a);
	switch (act) {
	case ACT_DOWN:
	case ACT_UP:
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP:
	case ACT_TOP:
	case ACT_BOTTOM:
	case ACT_OPEN:
	case ACT_EXCLUDE:
		need_rows(p);
		break;
	default:
		break;
	}
	if (cursor_move(&S->pos, act, nf + S->n, item_rows(p)))
		return 1;
	int k;
	int kind = item_kind(a, (int)S->pos.cur, &k);
	switch (act) {
	case ACT_OPEN:
		if (kind == ITEM_FACET && k < S->n)
			apply(p, k, 0);
		else if (kind != ITEM_FACET)
			remove_filter(p, (int)S->pos.cur);
		return 1;
	case ACT_EXCLUDE:
		if (kind == ITEM_FACET && k < S->n) {
			apply(p, k, 1);
		} else if (kind == ITEM_ENTITY || kind == ITEM_NOT_ENTITY) {
			/* on a filter item: wanted <-> excluded */
			filter_negate(&a->filter, (size_t)k);
			app_filter_changed(a);
		}
		return 1;
	case ACT_REMOVE_FILTER:
		if (S->pos.cur < nf)
			remove_filter(p, (int)S->pos.cur);
		break;
	case ACT_NARROW_ERASE:
		if (S->narrow[0]) {
			narrow_backspace(S);
			mark_stale(S);
			S->pos.cur = nf;
		}
		break;
	case ACT_NARROW_CLEAR:
		S->narrow[0] = '\0';
		mark_stale(S);
		return 1;
	case ACT_BACK:
		if (!S->narrow[0])
			return 0;
		S->narrow[0] = '\0';
		mark_stale(S);
		return 1;
	default:
		return 0;
	}
	settle(p);
	return 1;
}

/* A character no binding took narrows the facets. */
static void sidebar_text(pane *p, int ch)
{
	sidebar_state *S = state(p);
	uint8_t buf[8];
	int len = u8_uctomb(buf, (ucs4_t)ch, sizeof buf);
	size_t have = strlen(S->narrow);
	if (len > 0 && have + (size_t)len < sizeof S->narrow) {
		memcpy(S->narrow + have, buf, (size_t)len);
		S->narrow[have + (size_t)len] = '\0';
		mark_stale(S);
		S->pos.cur = n_filters(p->app);
		S->pos.top = 0;
	}
}

/* Click selects, a click on the selected item applies it; wheel scrolls. */
static void sidebar_mouse(pane *p, int row, int col, mmask_t button)
{
	sidebar_state *S = state(p);
	(void)col;
	need_rows(p);
	if (button & BUTTON4_PRESSED) {
		S->pos.cur -= 3;
	} else if (button & BUTTON5_PRESSED) {
		S->pos.cur += 3;
	} else if (row >= PANE_TOP + 1) {
		int i = (int)S->pos.top + row - PANE_TOP - 1;
		if (i < n_filters(p->app) + S->n) {
			if (i == S->pos.cur) {
				sidebar_action(p, ACT_OPEN);
				return;
			}
			S->pos.cur = i;
		}
	}
	settle(p);
}

/* The rectangle changed. */
static void sidebar_resize(pane *p)
{
	settle(p);
}

/* The filter, the store or the entities shown changed: the facets are
 * read again when next drawn. */
static void sidebar_event(pane *p, const ui_event *ev)
{
	switch (ev->kind) {
	case EV_FILTER_CHANGED:
	case EV_STORE_CHANGED:
	case EV_RELOAD:
	case EV_ENTITIES_SHOWN:
		mark_stale(state(p));
		break;
	default:
		break;
	}
}

/* Gets the facets put off while keys were coming: asks the worker for
 * them, then takes its answer when it is there; without a worker, loads
 * them here. */
static int sidebar_idle(pane *p)
{
	sidebar_state *S = state(p);
	if (!S->stale || !p->shown)
		return IDLE_NONE;
	if (!S->worker && !S->no_worker) {
		S->worker = worker_start(p->app->s);
		S->no_worker = !S->worker;
	}
	if (!S->worker) {
		load(p);
		settle(p);
		return IDLE_DONE;
	}
	if (!S->job) {
		facets_job *j = xcalloc(1, sizeof *j);
		query_filter_copy(&j->filter, &p->app->filter);
		j->prefix = S->narrow[0] ? xstrdup(S->narrow) : NULL;
		S->job = worker_submit(S->worker, facets_run_job, j, facets_job_free, facets_answer_free);
		return IDLE_WAITING;
	}
	if (take(p, 0) == IDLE_WAITING)
		return IDLE_WAITING;
	settle(p);
	return IDLE_DONE;
}

/* Frees the pane's state. */
static void sidebar_destroy(pane *p)
{
	sidebar_state *S = state(p);
	worker_stop(S->worker);
	clear_rows(S);
	free(S->rows);
	free(S);
	p->priv = NULL;
}

static const pane_ops sidebar_ops = {
    .name = "sidebar",
    .title = "Entities",
    .draw = sidebar_draw,
    .context = KC_SIDEBAR,
    .action = sidebar_action,
    .text = sidebar_text,
    .resize = sidebar_resize,
    .mouse = sidebar_mouse,
    .event = sidebar_event,
    .destroy = sidebar_destroy,
    .idle = sidebar_idle,
};

/* See uiint.h. */
void sidebar_init(pane *p)
{
	p->ops = &sidebar_ops;
	sidebar_state *S = xcalloc(1, sizeof *S);
	S->rows = xcalloc(SIDEBAR_LIMIT, sizeof *S->rows);
	S->stale = 1;
	p->priv = S;
}
