/* reader_int.h: what the reading pane's two files share: reader.c (the
 * pane: loading, drawing, keys, marks) and reader_text.c (an article
 * made into blocks of display text with their mention spans, and the
 * blocks wrapped into lines). Not for other panes. */
#ifndef LEDE_READER_INT_H
#define LEDE_READER_INT_H

#include "uiint.h"

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

/* reader_text.c */
/* Milliseconds on a monotonic clock. */
double reader_now_ms(void);
/* Frees blocks and lines. */
void reader_clear_blocks(reader_state *R);
/* Starts the blocks of the loaded article over and makes a screenful. */
void reader_build_blocks(pane *p);
/* Makes blocks until all are made (1) or the clock passes deadline (0). */
int reader_build_step(pane *p, double deadline);
/* Wraps blocks up to block upto and a screenful past the top, then on
 * until deadline (0: no more). */
void reader_layout_to(pane *p, size_t upto, double deadline);
/* Wraps every block made so far. */
void reader_layout(pane *p);
/* Whether blocks or lines are still to be made. */
int reader_loading(const reader_state *R);
/* Adds the meta line (date, file, marks) as a block at the end. */
void reader_add_meta(pane *p);
/* Wraps block i again after its text changed. */
void reader_rewrap_block(pane *p, size_t i);

#endif
