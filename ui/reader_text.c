/* reader_text.c: an article as the reading pane shows it: its fields
 * cut into blocks of display text (title, meta line, caption, lede, body
 * paragraphs) with the entity mentions and the search's words as spans,
 * a step at a time; and the blocks wrapped to the pane's width into lines
 * that index back into them (again on every resize). */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fts.h"
#include "reader_int.h"
#include "text.h"
#include "uitext.h"

/* The pane's own state. */
static reader_state *state(pane *p)
{
	return p->priv;
}

/* Frees blocks and lines. */
void reader_clear_blocks(reader_state *R)
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
double reader_now_ms(void)
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
void reader_add_meta(pane *p)
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
int reader_build_step(pane *p, double deadline)
{
	reader_state *R = state(p);
	unsigned made = 0;
	while (R->todo_at < R->ntodo) {
		pending_field *f = &R->todo[R->todo_at];
		if (!f->text) {
			reader_add_meta(p);
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
void reader_build_blocks(pane *p)
{
	reader_state *R = state(p);
	article_full *art = &R->art;
	reader_clear_blocks(R);
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
	reader_build_step(p, reader_now_ms() + READER_STEP_MS);
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
void reader_layout_to(pane *p, size_t upto, double deadline)
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
void reader_layout(pane *p)
{
	reader_layout_to(p, state(p)->nblocks, 0);
}

/* Whether blocks or lines are still to be made. */
int reader_loading(const reader_state *R)
{
	return R->loaded && (R->todo_at < R->ntodo || R->laid_blocks < R->nblocks);
}

/* Wraps block i again after its text changed: in place when it takes as
 * many lines as before, else the layout starts again from it. */
void reader_rewrap_block(pane *p, size_t i)
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
