/* reader.c: the reading pane. An article is turned once into blocks of
 * display text (title, meta line, caption, lede, body paragraphs) with the
 * entity mentions as spans; a layout wraps the blocks to the pane width
 * (again on every resize) into lines that index back into the blocks.
 * The article is read on a worker thread, and blocks and lines go a step
 * at a time: a screenful at once, the rest as idle work between keys, so
 * that a long article never holds up keys or signals. */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fts.h"
#include "text.h"
#include "uiint.h"
#include "uitext.h"

/* A mention inside a block, in display byte offsets. */
typedef struct rspan {
	size_t start, end;
	size_t mention; /* its index in the article's mentions */
	int type;       /* the entity's; SPAN_MATCH: a word the search found */
	int wanted; /* mentions an entity of the active filter */
} rspan;

#define SPAN_MATCH (-1)

typedef struct rblock {
	char *s;
	size_t n;
	int role;
	int indent;
	int gap; /* blank line before it */
	rspan *spans;
	size_t nspans;
	int first_line; /* set by the layout */
} rblock;

typedef struct rline {
	int block; /* -1: blank */
	size_t start, end;
} rline;

/* A field still to be cut into blocks, from pos on (see build_step). */
typedef struct pending_field {
	const char *text; /* NULL: the meta line */
	int field, role, indent, gap;
	size_t pos;
	int first; /* no block of it made yet */
} pending_field;

/* Milliseconds a step of idle work may take: keys wait no longer. */
#define READER_STEP_MS 15.0

typedef struct reader_state {
	article_full art;
	int64_t id; /* the article asked for last (0: none) */
	int loaded;
	/* The article is read on a worker thread: a long one (16 MB takes
	 * about 150 ms) never holds up keys or signals. */
	worker *worker;
	int worker_tried;       /* worker_start was called (it may fail) */
	unsigned job;           /* the article asked for, while waiting */
	int waiting;            /* an article is being read */
	int pend_read, pend_starred; /* marks set while it was (-1: none) */
	pending_field todo[6]; /* what build_step has still to do, in order */
	int ntodo, todo_at;
	size_t laid_blocks; /* blocks wrapped at laid_width */
	int to_end;         /* G while loading: stay at the end */
	rblock *blocks;
	size_t nblocks, blocks_cap;
	rline *lines;
	size_t nlines, lines_cap;
	int laid_width;
	int top;
	int cur_block, cur_span; /* mention n/N stopped at, -1 none */
	strlist terms;           /* the search's words (fts_query_terms) */
} reader_state;

/* The pane's own state. */
static reader_state *state(pane *p)
{
	return p->priv;
}

/* Frees blocks and lines. */
static void clear_blocks(reader_state *R)
{
	for (size_t i = 0; i < R->nblocks; i++) {
		free(R->blocks[i].s);
		free(R->blocks[i].spans);
	}
	free(R->blocks);
	R->blocks = NULL;
	R->nblocks = R->blocks_cap = 0;
	free(R->lines);
	R->lines = NULL;
	R->nlines = R->lines_cap = 0;
	R->laid_width = -1;
	R->laid_blocks = 0;
	R->ntodo = R->todo_at = 0;
}

/* Milliseconds on a monotonic clock. */
static double reader_now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* True when the mention is of an entity the filter wants (by id: the
 * filter holds the ids its names resolved to, merged groups too). */
static int mention_wanted(app *a, const query_mention *m)
{
	return filter_wants(&a->filter, m->entity_id);
}

/* Index of the first mention of field at or after byte start (mentions
 * are in order of field, then start). */
static size_t first_mention(const article_full *art, int field, int64_t start)
{
	size_t lo = 0, hi = art->n_mentions;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const query_mention *m = &art->mentions[mid];
		if ((int)m->field < field || ((int)m->field == field && m->start < start))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* What add_match adds to. */
typedef struct match_ctx {
	const strlist *terms;
	rblock *b;
	const size_t *map; /* source offset -> display offset */
	size_t *cap;
} match_ctx;

/* A word of a block's text (fts_words' callback): a span when the search
 * looks for it. */
static int add_match(void *ctx, const char *word, size_t n, size_t start, size_t end)
{
	match_ctx *m = ctx;
	if (!fts_term_matches(m->terms, word, n))
		return 0;
	rblock *b = m->b;
	if (b->nspans == *m->cap) {
		*m->cap = *m->cap ? *m->cap * 2 : 4;
		b->spans = xrealloc(b->spans, *m->cap * sizeof *b->spans);
	}
	rspan *sp = &b->spans[b->nspans++];
	sp->start = m->map[start];
	sp->end = m->map[end];
	sp->mention = 0;
	sp->type = SPAN_MATCH;
	sp->wanted = 1;
	return 0;
}

/* Adds a block made from text[start, end) of a field, with the mentions
 * of that field falling inside. The mentions are in order of field, then
 * start: a block finds its first by bisection, so a long article costs its
 * length, not its paragraphs times its mentions. */
static void add_block(pane *p, const char *text, size_t start, size_t end, int field, int role,
                      int indent, int gap)
{
	reader_state *R = state(p);
	app *a = p->app;
	size_t n = end - start;
	size_t *map = xmalloc((n + 1) * sizeof *map);
	rblock b = {0};
	b.s = uitext_display(text + start, n, a->ascii, map, &b.n);
	b.role = role;
	b.indent = indent;
	b.gap = gap;
	if (field >= 0) {
		size_t cap = 0;
		for (size_t i = first_mention(&R->art, field, (int64_t)start);
		     i < R->art.n_mentions; i++) {
			const query_mention *m = &R->art.mentions[i];
			if ((int)m->field != field || m->start >= (int64_t)end)
				break;
			if (m->end > (int64_t)end || m->start >= m->end)
				continue;
			if (b.nspans == cap) {
				cap = cap ? cap * 2 : 4;
				b.spans = xrealloc(b.spans, cap * sizeof *b.spans);
			}
			rspan *sp = &b.spans[b.nspans++];
			sp->start = map[m->start - (int64_t)start];
			sp->end = map[m->end - (int64_t)start];
			sp->type = m->type;
			sp->mention = i;
			sp->wanted = mention_wanted(a, m);
		}
		/* The words the search looks for, as the index has them. */
		if (R->terms.n) {
			match_ctx mc = {&R->terms, &b, map, &cap};
			fts_words(text + start, n, add_match, &mc);
		}
		/* Keep spans in text order for drawing and n/N. */
		for (size_t i = 1; i < b.nspans; i++) {
			rspan t = b.spans[i];
			size_t j = i;
			for (; j > 0 && b.spans[j - 1].start > t.start; j--)
				b.spans[j] = b.spans[j - 1];
			b.spans[j] = t;
		}
		/* A mention nested in another (the place ending an organization's
		 * name) is drawn and stopped at as the outer one, unless only it
		 * is of the active filter. */
		size_t kept = 0;
		for (size_t i = 0; i < b.nspans; i++) {
			rspan *o = kept ? &b.spans[kept - 1] : NULL;
			if (o && b.spans[i].end <= o->end) {
				if (b.spans[i].wanted && !o->wanted)
					*o = b.spans[i];
				continue;
			}
			b.spans[kept++] = b.spans[i];
		}
		b.nspans = kept;
	}
	free(map);
	if (R->nblocks == R->blocks_cap) {
		R->blocks_cap = R->blocks_cap ? R->blocks_cap * 2 : 16;
		R->blocks = xrealloc(R->blocks, R->blocks_cap * sizeof *R->blocks);
	}
	R->blocks[R->nblocks++] = b;
}

/* Adds the meta line: date, file, marks. */
static void add_meta(pane *p)
{
	article_full *art = &state(p)->art;
	strbuf meta;
	sb_init(&meta);
	sb_adds(&meta, *art->date ? art->date : "undated");
	if (art->paths.n) {
		const char *path = art->paths.v[0];
		const char *slash = strrchr(path, '/');
		char *shown = text_escaped(slash ? slash + 1 : path, 0);
		sb_printf(&meta, " | %s", shown);
		free(shown);
	}
	if (art->starred)
		sb_adds(&meta, " | starred");
	if (!art->read)
		sb_adds(&meta, " | unread");
	add_block(p, meta.s, 0, meta.len, -1, ROLE_DIM, 0, 0);
	sb_free(&meta);
}

/* Adds blocks, one per non-empty line of the fields still to do, until
 * they are all done (returns 1) or until the clock passes deadline (a
 * time of reader_now_ms(); returns 0). */
static int build_step(pane *p, double deadline)
{
	reader_state *R = state(p);
	unsigned made = 0;
	while (R->todo_at < R->ntodo) {
		pending_field *f = &R->todo[R->todo_at];
		if (!f->text) {
			add_meta(p);
			R->todo_at++;
			continue;
		}
		size_t len = strlen(f->text + f->pos) + f->pos;
		while (f->pos < len) {
			/* the clock is read every few blocks: a block is short */
			if (++made % 16 == 0 && reader_now_ms() > deadline)
				return 0;
			const char *text = f->text;
			size_t i = f->pos, e = i;
			while (e < len && text[e] != '\n')
				e++;
			size_t st = i;
			while (st < e && (text[st] == ' ' || text[st] == '\t'))
				st++;
			if (st < e) {
				add_block(p, text, st, e, f->field, f->role, f->indent,
				          f->first ? f->gap : 1);
				f->first = 0;
			}
			f->pos = e + 1;
		}
		R->todo_at++;
	}
	return 1;
}

/* Adds a field to the blocks still to make (text NULL: the meta line). */
static void add_todo(reader_state *R, const char *text, int field, int role, int indent,
                     int gap)
{
	R->todo[R->ntodo++] = (pending_field){text, field, role, indent, gap, 0, 1};
}

/* Starts the blocks of the loaded article over: the fields in the order
 * they are read, cut by build_step. */
static void build_blocks(pane *p)
{
	reader_state *R = state(p);
	article_full *art = &R->art;
	clear_blocks(R);
	sl_free(&R->terms);
	sl_init(&R->terms);
	fts_query_terms(p->app->filter.search, &R->terms);
	add_todo(R, art->title && *art->title ? art->title : "(untitled)", FIELD_TITLE,
	         ROLE_HEADLINE, 0, 0);
	add_todo(R, NULL, -1, ROLE_DIM, 0, 0);
	static const char none[] = "";
	add_todo(R, art->caption ? art->caption : none, FIELD_CAPTION, ROLE_CAPTION, 2, 1);
	add_todo(R, art->credit ? art->credit : none, FIELD_CREDIT, ROLE_CAPTION, 2, 0);
	/* No block for the dateline: the body's first paragraph begins with it. */
	add_todo(R, art->lede ? art->lede : none, FIELD_LEDE, ROLE_UNREAD, 0, 1);
	add_todo(R, art->body ? art->body : none, FIELD_BODY, ROLE_NORMAL, 0, 1);
	/* a screenful now, the rest between keys (reader_idle) */
	build_step(p, reader_now_ms() + READER_STEP_MS);
}

/* Appends a line to the layout. */
static void push_line(reader_state *R, int block, size_t start, size_t end)
{
	if (R->nlines == R->lines_cap) {
		R->lines_cap = R->lines_cap ? R->lines_cap * 2 : 64;
		R->lines = xrealloc(R->lines, R->lines_cap * sizeof *R->lines);
	}
	R->lines[R->nlines].block = block;
	R->lines[R->nlines].start = start;
	R->lines[R->nlines].end = end;
	R->nlines++;
}

/* Wraps the blocks to the pane's width (all again when the width
 * changed), at least up to block upto and to a screenful past the top,
 * then on until deadline (a time of reader_now_ms()). */
static void layout_to(pane *p, size_t upto, double deadline)
{
	reader_state *R = state(p);
	int width = PANE_COLS(p) - 2; /* a column of margin on each side */
	if (width < 1)
		width = 1;
	if (R->laid_width != width) {
		R->nlines = 0;
		R->laid_blocks = 0;
		R->laid_width = width;
	}
	size_t need_lines = (size_t)(R->top > 0 ? R->top : 0) + (size_t)PANE_ROWS(p) + 1;
	for (unsigned made = 0; R->laid_blocks < R->nblocks; made++) {
		/* the clock is read every few blocks: a block is short */
		if (R->laid_blocks >= upto && R->nlines >= need_lines &&
		    (deadline <= 0 || (made % 16 == 0 && reader_now_ms() > deadline)))
			break;
		size_t i = R->laid_blocks++;
		rblock *b = &R->blocks[i];
		if (b->gap && R->nlines)
			push_line(R, -1, 0, 0);
		b->first_line = (int)R->nlines;
		int w = width - b->indent > 4 ? width - b->indent : width;
		uiline *ls;
		size_t n = uitext_wrap(b->s, b->n, w, &ls);
		for (size_t k = 0; k < n; k++)
			push_line(R, (int)i, ls[k].start, ls[k].end);
		free(ls);
	}
}

/* Wraps every block made so far. */
static void layout(pane *p)
{
	layout_to(p, state(p)->nblocks, 0);
}

/* Whether blocks or lines are still to be made. */
static int reader_loading(const reader_state *R)
{
	return R->loaded && (R->todo_at < R->ntodo || R->laid_blocks < R->nblocks);
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
		layout_to(p, 0, 0); /* a screenful; the rest is idle work */
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
	build_blocks(p);
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
	clear_blocks(R);
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

/* Wraps block i again after its text changed: in place when it takes as
 * many lines as before, else the layout starts again from it. */
static void rewrap_block(pane *p, size_t i)
{
	reader_state *R = state(p);
	rblock *b = &R->blocks[i];
	int w = R->laid_width - b->indent > 4 ? R->laid_width - b->indent : R->laid_width;
	uiline *ls;
	size_t n = uitext_wrap(b->s, b->n, w, &ls), old = 0;
	size_t first = (size_t)b->first_line;
	while (first + old < R->nlines && R->lines[first + old].block == (int)i)
		old++;
	if (n == old) {
		for (size_t k = 0; k < n; k++) {
			R->lines[first + k].start = ls[k].start;
			R->lines[first + k].end = ls[k].end;
		}
	} else {
		R->laid_blocks = i;
		R->nlines = first - (b->gap && first > 0 ? 1 : 0); /* and its gap */
	}
	free(ls);
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
		add_meta(p);
		rblock b = R->blocks[--R->nblocks];
		R->nblocks = n;
		free(R->blocks[i].s);
		free(R->blocks[i].spans);
		b.first_line = R->blocks[i].first_line;
		R->blocks[i] = b;
		if (R->laid_blocks > i)
			rewrap_block(p, i);
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
	layout(p);
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
int reader_current_entity(pane *p, char **spec)
{
	reader_state *R = state(p);
	if (!R->loaded || R->cur_block < 0 || (size_t)R->cur_block >= R->nblocks)
		return 0;
	const rblock *b = &R->blocks[R->cur_block];
	if (R->cur_span < 0 || (size_t)R->cur_span >= b->nspans)
		return 0;
	if (b->spans[R->cur_span].type == SPAN_MATCH)
		return 0;
	const query_mention *m = &R->art.mentions[b->spans[R->cur_span].mention];
	*spec = xasprintf("%s:%s", entity_type_name(m->type), m->canonical);
	return 1;
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
	layout_to(p, block + 1, 0);
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
	build_blocks(p);
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
	if (build_step(p, deadline) && p->shown)
		layout_to(p, 0, deadline);
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
	clear_blocks(R);
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
