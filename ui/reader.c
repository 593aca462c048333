/* reader.c: the reading pane: loading the article, drawing its lines,
 * keys, marks and n/N. The article is read on a worker thread and made
 * into blocks and wrapped lines (reader_text.c) a step at a time: a
 * screenful at once, the rest as idle work between keys, so that a long
 * article never holds up keys or signals. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "reader_int.h"
#include "text.h"
#include "uitext.h"

/* The pane's own state. */
static reader_state *state(pane *p)
{
	return p->priv;
}

/* Keeps the scroll position inside the text. */
static void clamp_top(pane *p)
{
	reader_state *R = state(p);
	int rows = PANE_ROWS(p);
	if (R->top > (int)R->nlines - rows)
		R->top = (int)R->nlines - rows;
	if (R->top < 0)
		R->top = 0;
}

/* Paints one wrapped line with its mentions highlighted. */
static void draw_line(pane *p, int y, const rline *l)
{
	reader_state *R = state(p);
	app *a = p->app;
	WINDOW *w = p->win;
	int left = PANE_LEFT(p) + 1;
	int cols = PANE_COLS(p) - 1;
	wmove(w, y, PANE_LEFT(p));
	draw_fill(w, y, left, A_NORMAL);
	if (l->block < 0 || cols <= 0) {
		draw_fill(w, y, p->w, A_NORMAL);
		return;
	}
	rblock *b = &R->blocks[l->block];
	int indent = b->indent < cols ? b->indent : 0;
	draw_fill(w, y, left + indent, A_NORMAL);
	cols -= indent;
	attr_t base = role_attr(a, b->role);
	size_t pos = l->start;
	for (size_t i = 0; i < b->nspans && pos < l->end && cols > 0; i++) {
		rspan *sp = &b->spans[i];
		if (sp->end <= pos || sp->start >= l->end)
			continue;
		if (sp->start > pos) {
			cols -= draw_prepared(a, w, b->s + pos, sp->start - pos, cols, base);
			pos = sp->start;
		}
		size_t e = sp->end < l->end ? sp->end : l->end;
		attr_t at = sp->type == SPAN_MATCH ? base | role_attr(a, ROLE_FILTER) | A_UNDERLINE
		                                   : base | role_attr(a, entity_role(sp->type));
		if (l->block == R->cur_block && (int)i == R->cur_span)
			at |= A_REVERSE;
		cols -= draw_prepared(a, w, b->s + pos, e - pos, cols, at);
		pos = e;
	}
	if (pos < l->end && cols > 0)
		draw_prepared(a, w, b->s + pos, l->end - pos, cols, base);
	draw_fill(w, y, p->w, A_NORMAL);
}

/* Paints the pane. */
static void reader_draw(pane *p)
{
	reader_state *R = state(p);
	app *a = p->app;
	char right[48] = "";
	if (R->waiting)
		snprintf(right, sizeof right, "loading");
	if (R->loaded) {
		reader_layout_to(p, 0, 0); /* a screenful; the rest is idle work */
		clamp_top(p);
		int rows = PANE_ROWS(p);
		int pct = R->nlines <= (size_t)rows
		              ? 100
		              : (int)(100 * (R->top + rows) / (long)R->nlines);
		if (reader_loading(R))
			snprintf(right, sizeof right, "loading");
		else
			snprintf(right, sizeof right, "%d%%", pct > 100 ? 100 : pct);
	}
	draw_pane_frame(p, "Reader", right);
	int rows = PANE_ROWS(p);
	for (int i = 0; i < rows; i++) {
		int li = R->top + i;
		if (R->loaded && li < (int)R->nlines) {
			draw_line(p, PANE_TOP + i, &R->lines[li]);
		} else {
			wmove(p->win, PANE_TOP + i, PANE_LEFT(p));
			if (!R->loaded && !R->waiting && i == 1) {
				waddch(p->win, ' ');
				draw_text(a, p->win, "Enter on an article opens it here.", -1,
				          PANE_COLS(p) - 1, role_attr(a, ROLE_DIM));
			}
			draw_fill(p->win, PANE_TOP + i, p->w, A_NORMAL);
		}
	}
}

/* An article job: reads article *arg on the worker's connection. */
static void *article_run_job(store *s, void *arg, int *failed, char **err)
{
	article_full *art = xcalloc(1, sizeof *art);
	int found = query_article(s, *(int64_t *)arg, NULL, art, err);
	if (found > 0)
		return art;
	if (found == 0) {
		article_full_free(art);
		*err = xstrdup("article not found");
	}
	free(art);
	*failed = 1;
	return NULL;
}

/* Frees an article nobody took. */
static void article_answer_free(void *res)
{
	article_full_free(res);
	free(res);
}

/* Shows art (the reader's own now): the marks set while it was being
 * read, then its first screenful. */
static void reader_show(pane *p, article_full *art)
{
	reader_state *R = state(p);
	R->art = *art;
	free(art);
	R->loaded = 1;
	if (R->pend_read >= 0)
		R->art.read = R->pend_read;
	if (R->pend_starred >= 0)
		R->art.starred = R->pend_starred;
	reader_build_blocks(p);
	if (R->to_end) {
		/* G came first: the end of what is made (drawing clamps it),
		 * and reader_idle keeps it there while the rest is made */
		R->top = INT_MAX / 2;
		R->to_end = reader_loading(R);
	}
}

/* Takes the article from the worker when it is there (with wait set:
 * waits for it). 1 when the reader has it or none is awaited. */
static int reader_take(pane *p, int wait)
{
	reader_state *R = state(p);
	if (!R->waiting)
		return 1;
	void *res = NULL;
	char *err = NULL;
	int got = worker_collect(R->worker, R->job, wait, &res, &err);
	if (got == 0)
		return 0;
	R->waiting = 0;
	if (got < 0) {
		app_message(p->app, 1, "%s", err ? err : "article not found");
		free(err);
		return 1;
	}
	reader_show(p, res);
	return 1;
}

/* Asks for the article; it shows when the worker has read it
 * (reader_idle), or at once when there is no worker. */
static void reader_load(pane *p, int64_t id)
{
	reader_state *R = state(p);
	app *a = p->app;
	char *err = NULL;
	if (R->loaded)
		article_full_free(&R->art);
	R->loaded = 0;
	reader_clear_blocks(R);
	R->top = 0;
	R->cur_block = R->cur_span = -1;
	R->pend_read = R->pend_starred = -1;
	R->to_end = 0;
	R->id = id;
	memset(&R->art, 0, sizeof R->art);
	if (!R->worker_tried) {
		R->worker = worker_start(a->s);
		R->worker_tried = 1;
	}
	if (R->worker) {
		int64_t *arg = xmalloc(sizeof *arg);
		*arg = id;
		R->job = worker_submit(R->worker, article_run_job, arg, free, article_answer_free);
		R->waiting = 1;
		return;
	}
	article_full *art = xcalloc(1, sizeof *art);
	int found = query_article(a->s, id, NULL, art, &err);
	if (found <= 0) {
		app_message(a, 1, "%s", found < 0 && err ? err : "article not found");
		free(err);
		if (found == 0)
			article_full_free(art);
		free(art);
		return;
	}
	reader_show(p, art);
}

/* See uiint.h. */
int reader_marks(pane *p, int *read, int *starred)
{
	reader_state *R = state(p);
	if (!R->loaded)
		return 0;
	*read = R->art.read;
	*starred = R->art.starred;
	return 1;
}

/* The shown article's marks changed (-1: this one did not). */
static void reader_set_marks(pane *p, int read, int starred)
{
	reader_state *R = state(p);
	if (R->waiting) {
		if (read >= 0)
			R->pend_read = read;
		if (starred >= 0)
			R->pend_starred = starred;
		return;
	}
	if (!R->loaded)
		return;
	if (read >= 0)
		R->art.read = read;
	if (starred >= 0)
		R->art.starred = starred;
	/* only the meta line changes: made again in its place, the lines
	 * from it on wrapped again */
	for (size_t i = 0; i < R->nblocks; i++) {
		if (R->blocks[i].role != ROLE_DIM || R->blocks[i].nspans)
			continue;
		size_t n = R->nblocks;
		reader_add_meta(p);
		rblock b = R->blocks[--R->nblocks];
		R->nblocks = n;
		free(R->blocks[i].s);
		free(R->blocks[i].spans);
		b.first_line = R->blocks[i].first_line;
		R->blocks[i] = b;
		if (R->laid_blocks > i)
			reader_rewrap_block(p, i);
		break;
	}
}

/* See uiint.h: moves to the next (dir > 0) or previous mention, of the
 * filter's entities when the article has any, else of any entity, and
 * scrolls it into view. Returns 0 when there is none that way. */
int reader_jump_mention(pane *p, int dir)
{
	reader_state *R = state(p);
	reader_take(p, 1); /* n/N asks for the article's mentions: wait for it */
	if (!R->loaded)
		return 0;
	reader_layout(p);
	int any_wanted = 0;
	for (size_t b = 0; b < R->nblocks; b++)
		for (size_t i = 0; i < R->blocks[b].nspans; i++)
			any_wanted |= R->blocks[b].spans[i].wanted;
	/* Walk spans in text order from the current one. */
	long total = 0, cur = -1;
	for (size_t b = 0; b < R->nblocks; b++) {
		if ((int)b == R->cur_block)
			cur = total + R->cur_span;
		total += (long)R->blocks[b].nspans;
	}
	if (total == 0)
		return 0;
	if (cur < 0) {
		/* Start from what is on screen. */
		int first = R->top;
		cur = dir > 0 ? -1 : total;
		long k = 0;
		for (size_t b = 0; b < R->nblocks; b++) {
			for (size_t i = 0; i < R->blocks[b].nspans; i++, k++) {
				int line = R->blocks[b].first_line;
				if (dir > 0 && line < first)
					cur = k;
				if (dir < 0 && line >= first && cur == total)
					cur = k;
			}
		}
	}
	for (long k = cur + dir; k >= 0 && k < total; k += dir) {
		long kk = k;
		size_t b = 0;
		while (kk >= (long)R->blocks[b].nspans) {
			kk -= (long)R->blocks[b].nspans;
			b++;
		}
		rspan *sp = &R->blocks[b].spans[kk];
		if (any_wanted && !sp->wanted)
			continue;
		R->cur_block = (int)b;
		R->cur_span = (int)kk;
		/* The line holding the mention's start. */
		int line = R->blocks[b].first_line;
		while (line + 1 < (int)R->nlines && R->lines[line + 1].block == (int)b &&
		       R->lines[line + 1].start <= sp->start)
			line++;
		int rows = PANE_ROWS(p);
		if (line < R->top || line >= R->top + rows)
			R->top = line - rows / 3;
		clamp_top(p);
		return 1;
	}
	return 0;
}

/* Actions of the reader: scrolling. */
static int reader_action(pane *p, action act)
{
	reader_state *R = state(p);
	int rows = PANE_ROWS(p) > 1 ? PANE_ROWS(p) - 1 : 1;
	switch (act) {
	case ACT_DOWN:
		R->top++;
		break;
	case ACT_UP:
		R->top--;
		break;
	case ACT_PAGE_DOWN:
		R->top += rows;
		break;
	case ACT_PAGE_UP:
		R->top -= rows;
		break;
	case ACT_TOP:
		R->top = 0;
		break;
	case ACT_BOTTOM:
		R->top = (int)R->nlines;
		break;
	default:
		return 0;
	}
	/* the end of a text still loading (or being read) is where it stops */
	R->to_end = act == ACT_BOTTOM && (reader_loading(R) || R->waiting);
	clamp_top(p);
	return 1;
}

/* See uiint.h. */
int64_t reader_current_entity(pane *p)
{
	reader_state *R = state(p);
	if (!R->loaded || R->cur_block < 0 || (size_t)R->cur_block >= R->nblocks)
		return 0;
	const rblock *b = &R->blocks[R->cur_block];
	if (R->cur_span < 0 || (size_t)R->cur_span >= b->nspans)
		return 0;
	if (b->spans[R->cur_span].type == SPAN_MATCH)
		return 0;
	return R->art.mentions[b->spans[R->cur_span].mention].entity_id;
}

/* Wheel scrolls. */
static void reader_mouse(pane *p, int row, int col, mmask_t button)
{
	reader_state *R = state(p);
	(void)row;
	(void)col;
	if (button & BUTTON4_PRESSED)
		R->top -= 3;
	else if (button & BUTTON5_PRESSED)
		R->top += 3;
	clamp_top(p);
}

/* The width changed: wrap again, keeping the same text at the top. */
static void reader_resize(pane *p)
{
	reader_state *R = state(p);
	if (!R->loaded || R->laid_width < 0)
		return;
	size_t block = 0, off = 0;
	if (R->top < (int)R->nlines && R->lines[R->top].block >= 0) {
		block = (size_t)R->lines[R->top].block;
		off = R->lines[R->top].start;
	}
	reader_layout_to(p, block + 1, 0);
	R->top = 0;
	for (size_t i = 0; i < R->nlines; i++) {
		if (R->lines[i].block == (int)block && R->lines[i].start <= off)
			R->top = (int)i;
	}
	clamp_top(p);
}

/* The filter changed: which mentions n/N stops at changes too. */
static void reader_refresh(pane *p)
{
	reader_state *R = state(p);
	if (!R->loaded)
		return;
	int top = R->top;
	reader_build_blocks(p);
	R->top = top;
	R->cur_block = R->cur_span = -1;
}

/* Idle work: the blocks and lines of a long article, a step at a time. */
static int reader_idle(pane *p)
{
	reader_state *R = state(p);
	if (R->waiting)
		return reader_take(p, 0) ? IDLE_DONE : IDLE_WAITING;
	/* a hidden pane makes its blocks, and lines once it has a width */
	if (!reader_loading(R) || (!p->shown && R->todo_at == R->ntodo))
		return IDLE_NONE;
	double deadline = reader_now_ms() + READER_STEP_MS;
	if (reader_build_step(p, deadline) && p->shown)
		reader_layout_to(p, 0, deadline);
	if (R->to_end) {
		R->top = (int)R->nlines;
		clamp_top(p);
		R->to_end = reader_loading(R);
	}
	return IDLE_DONE;
}

/* Frees the pane's state. */
static void reader_destroy(pane *p)
{
	reader_state *R = state(p);
	worker_stop(R->worker);
	if (R->loaded)
		article_full_free(&R->art);
	reader_clear_blocks(R);
	sl_free(&R->terms);
	free(R);
	p->priv = NULL;
}

/* Opens what was opened; the filter and the entities shown decide which
 * mentions are highlighted and where n/N stop. */
static void reader_event(pane *p, const ui_event *ev)
{
	reader_state *R = state(p);
	switch (ev->kind) {
	case EV_ARTICLE_OPENED:
		reader_load(p, ev->id);
		break;
	case EV_MARKS_CHANGED:
		if (ev->id == R->id)
			reader_set_marks(p, ev->read, ev->starred);
		break;
	case EV_FILTER_CHANGED:
	case EV_ENTITIES_SHOWN:
	case EV_RELOAD:
		reader_refresh(p);
		break;
	default:
		break;
	}
}

static const pane_ops reader_ops = {
    .name = "reader",
    .title = "Reader",
    .draw = reader_draw,
    .context = KC_READER,
    .action = reader_action,
    .resize = reader_resize,
    .mouse = reader_mouse,
    .event = reader_event,
    .destroy = reader_destroy,
    .idle = reader_idle,
};

/* See uiint.h. */
void reader_init(pane *p)
{
	p->ops = &reader_ops;
	reader_state *R = xcalloc(1, sizeof *R);
	R->laid_width = -1;
	R->cur_block = R->cur_span = -1;
	p->priv = R;
}
