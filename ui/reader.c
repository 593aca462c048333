/* reader.c: the reading pane. An article is turned once into blocks of
 * display text (title, meta line, caption, lede, body paragraphs) with the
 * entity mentions as spans; a layout wraps the blocks to the pane width
 * (again on every resize) into lines that index back into the blocks. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "uiint.h"
#include "uitext.h"

/* A mention inside a block, in display byte offsets. */
typedef struct rspan {
	size_t start, end;
	int type;
	int wanted; /* mentions an entity of the active filter */
} rspan;

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

typedef struct reader_state {
	article_full art;
	int loaded;
	rblock *blocks;
	size_t nblocks, blocks_cap;
	rline *lines;
	size_t nlines, lines_cap;
	int laid_width;
	int top;
	int cur_block, cur_span; /* mention n/N stopped at, -1 none */
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
}

/* True when the mention names an entity of the active filter. */
static int mention_wanted(app *a, const query_mention *m)
{
	int wanted = 0;
	if (!a->filter.entities.n)
		return 0;
	char *mc = text_fold(m->canonical ? m->canonical : "",
	                     m->canonical ? strlen(m->canonical) : 0, NULL);
	char *ms =
	    text_fold(m->surface ? m->surface : "", m->surface ? strlen(m->surface) : 0, NULL);
	for (size_t i = 0; i < a->filter.entities.n && !wanted; i++) {
		const char *name = a->filter.entities.v[i];
		char *f = text_fold(name, strlen(name), NULL);
		wanted = !strcmp(f, mc) || !strcmp(f, ms);
		free(f);
	}
	free(mc);
	free(ms);
	return wanted;
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
			sp->wanted = mention_wanted(a, m);
		}
		/* Keep spans in text order for drawing and n/N. */
		for (size_t i = 1; i < b.nspans; i++) {
			rspan t = b.spans[i];
			size_t j = i;
			for (; j > 0 && b.spans[j - 1].start > t.start; j--)
				b.spans[j] = b.spans[j - 1];
			b.spans[j] = t;
		}
	}
	free(map);
	if (R->nblocks == R->blocks_cap) {
		R->blocks_cap = R->blocks_cap ? R->blocks_cap * 2 : 16;
		R->blocks = xrealloc(R->blocks, R->blocks_cap * sizeof *R->blocks);
	}
	R->blocks[R->nblocks++] = b;
}

/* Adds one block per non-empty line of a field. */
static void add_paragraphs(pane *p, const char *text, int field, int role, int indent, int gap)
{
	if (!text)
		return;
	size_t len = strlen(text), i = 0;
	int first = 1;
	while (i < len) {
		size_t e = i;
		while (e < len && text[e] != '\n')
			e++;
		size_t s = i;
		while (s < e && (text[s] == ' ' || text[s] == '\t'))
			s++;
		if (s < e) {
			add_block(p, text, s, e, field, role, indent, first ? gap : 1);
			first = 0;
		}
		i = e + 1;
	}
}

/* Builds the blocks of the loaded article. */
static void build_blocks(pane *p)
{
	reader_state *R = state(p);
	article_full *art = &R->art;
	clear_blocks(R);
	add_paragraphs(p, art->title && *art->title ? art->title : "(untitled)", FIELD_TITLE,
	               ROLE_HEADLINE, 0, 0);
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
	add_paragraphs(p, art->caption, FIELD_CAPTION, ROLE_CAPTION, 2, 1);
	add_paragraphs(p, art->credit, FIELD_CREDIT, ROLE_CAPTION, 2, 0);
	/* No block for the dateline: the body's first paragraph begins with it. */
	add_paragraphs(p, art->lede, FIELD_LEDE, ROLE_UNREAD, 0, 1);
	add_paragraphs(p, art->body, FIELD_BODY, ROLE_NORMAL, 0, 1);
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

/* Wraps every block to the pane's width (only when the width changed). */
static void layout(pane *p)
{
	reader_state *R = state(p);
	int width = PANE_COLS(p) - 2; /* a column of margin on each side */
	if (width < 1)
		width = 1;
	if (R->laid_width == width)
		return;
	R->nlines = 0;
	R->laid_width = width;
	for (size_t i = 0; i < R->nblocks; i++) {
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
		attr_t at = base | role_attr(a, entity_role(sp->type));
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
	if (R->loaded) {
		layout(p);
		clamp_top(p);
		int rows = PANE_ROWS(p);
		int pct = R->nlines <= (size_t)rows
		              ? 100
		              : (int)(100 * (R->top + rows) / (long)R->nlines);
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
			if (!R->loaded && i == 1) {
				waddch(p->win, ' ');
				draw_text(a, p->win, "Enter on an article opens it here.", -1,
				          PANE_COLS(p) - 1, role_attr(a, ROLE_DIM));
			}
			draw_fill(p->win, PANE_TOP + i, p->w, A_NORMAL);
		}
	}
}

/* See uiint.h. */
void reader_load(pane *p, int64_t id)
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
	memset(&R->art, 0, sizeof R->art);
	int found = query_article(a->s, id, NULL, &R->art, &err);
	if (found <= 0) {
		app_message(a, 1, "%s", found < 0 && err ? err : "article not found");
		free(err);
		if (found == 0)
			article_full_free(&R->art);
		return;
	}
	R->loaded = 1;
	build_blocks(p);
}

/* See uiint.h. */
void reader_set_marks(pane *p, int read, int starred)
{
	reader_state *R = state(p);
	if (!R->loaded)
		return;
	if (read >= 0)
		R->art.read = read;
	if (starred >= 0)
		R->art.starred = starred;
	int top = R->top;
	build_blocks(p);
	R->top = top;
}

/* See uiint.h: moves to the next (dir > 0) or previous mention, of the
 * filter's entities when the article has any, else of any entity, and
 * scrolls it into view. Returns 0 when there is none that way. */
int reader_jump_mention(pane *p, int dir)
{
	reader_state *R = state(p);
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

/* Keys of the reader: scrolling. */
static int reader_key(pane *p, int key, int is_char)
{
	reader_state *R = state(p);
	int rows = PANE_ROWS(p) > 1 ? PANE_ROWS(p) - 1 : 1;
	int code = is_char ? 0 : key;
	int ch = is_char ? key : 0;
	if (ch == 'j' || code == KEY_DOWN)
		R->top++;
	else if (ch == 'k' || code == KEY_UP)
		R->top--;
	else if (ch == ' ' || ch == 6 || code == KEY_NPAGE)
		R->top += rows;
	else if (ch == 2 || code == KEY_PPAGE)
		R->top -= rows;
	else if (ch == 'g' || code == KEY_HOME)
		R->top = 0;
	else if (ch == 'G' || code == KEY_END)
		R->top = (int)R->nlines;
	else
		return 0;
	clamp_top(p);
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
	layout(p);
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

/* Frees the pane's state. */
static void reader_destroy(pane *p)
{
	reader_state *R = state(p);
	if (R->loaded)
		article_full_free(&R->art);
	clear_blocks(R);
	free(R);
	p->priv = NULL;
}

static const pane_ops reader_ops = {
    .title = "Reader",
    .draw = reader_draw,
    .key = reader_key,
    .resize = reader_resize,
    .mouse = reader_mouse,
    .reload = reader_refresh,
    .destroy = reader_destroy,
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
