/* uiint.h: what the parts of the interface share: the pane object with
 * its table of operations, the application state the screen manager keeps,
 * and the drawing helpers every pane uses. */
#ifndef LEDE_UIINT_H
#define LEDE_UIINT_H

#include <curses.h>
#include <signal.h>
#include <stdint.h>

#include "keymap.h"
#include "query.h"
#include "util.h"
#include "worker.h"

struct app;
typedef struct pane pane;

/* What the screen manager tells every pane (app_broadcast). */
typedef enum ui_event_kind {
	EV_FILTER_CHANGED, /* a new filter: the result set changed */
	EV_STORE_CHANGED,  /* another process wrote the store */
	EV_RELOAD,         /* the user asked to read everything again */
	EV_ENTITIES_SHOWN, /* entities of low confidence shown or hidden */
	EV_MARKS_CHANGED,  /* id's marks: read and starred (-1: unchanged) */
	EV_ARTICLE_OPENED, /* id is opened (its read mark follows) */
} ui_event_kind;

typedef struct ui_event {
	ui_event_kind kind;
	int64_t id;
	int read, starred;
} ui_event;

/* What a pane does; the screen manager knows panes only through this. */
typedef struct pane_ops {
	const char *name;           /* how layouts and the app name it */
	const char *title;
	key_context context;        /* where its key bindings are looked up */
	void (*draw)(pane *p);      /* paints p->win (no refresh) */
	int (*action)(pane *p, action act); /* 1 when the action was used */
	/* Optional: a printable character no binding of the pane's context
	 * took (the sidebar narrows its list with them). */
	void (*text)(pane *p, int ch);
	void (*resize)(pane *p);                   /* the rectangle changed */
	void (*mouse)(pane *p, int row, int col, mmask_t button);
	void (*event)(pane *p, const ui_event *ev); /* see ui_event_kind */
	/* Optional: 0 while the pane has nothing to show, so that layouts
	 * leave it out and Tab passes it by (NULL: always wanted). */
	int (*wanted)(pane *p);
	void (*destroy)(pane *p);
	/* Optional: work put off until no key is waiting (slow queries
	 * whose results can come a moment after the rest of the screen).
	 * Returns IDLE_DONE when it did some (the pane must be painted
	 * again), IDLE_WAITING while a worker thread has it, else IDLE_NONE. */
	int (*idle)(pane *p);
} pane_ops;

struct pane {
	const pane_ops *ops;
	struct app *app;
	WINDOW *win;
	int y, x, h, w; /* rectangle on the screen */
	int shown;      /* laid out in the current layout */
	int border;     /* column 0 is a separator line */
	void *priv;
};

/* Content area of a pane: below its title row, right of its border. */
#define PANE_TOP     1
#define PANE_LEFT(p) ((p)->border ? 1 : 0)
#define PANE_ROWS(p) ((p)->h - PANE_TOP)
#define PANE_COLS(p) ((p)->w - PANE_LEFT(p))

#define MAX_PANES 8
/* LAYOUT_SPLIT: several panes as the layout table says; LAYOUT_SINGLE:
 * the focused pane alone; LAYOUT_TOO_SMALL: a notice. */
enum { LAYOUT_SPLIT, LAYOUT_SINGLE, LAYOUT_TOO_SMALL };

/* Drawing attributes by role, set up once for colour or monochrome. */
enum {
	ROLE_NORMAL,
	ROLE_TITLE_FOCUS,
	ROLE_TITLE,
	ROLE_UNREAD,
	ROLE_SELECTED,
	ROLE_DIM,
	ROLE_STAR,
	ROLE_HEADLINE,
	ROLE_CAPTION,
	ROLE_STATUS,
	ROLE_MESSAGE,
	ROLE_PER,
	ROLE_ORG,
	ROLE_LOC,
	ROLE_FILTER,
	NROLES
};

typedef struct app {
	store *s;
	query_filter filter;
	int ascii; /* the locale is not UTF-8: transliterate */
	int color; /* colours in use */
	attr_t attr[NROLES];
	int config_pairs; /* colour pairs the config file made */
	pane panes[MAX_PANES]; /* in Tab order, as registered in ui.c */
	int npanes;
	int focus; /* index of the focused pane */
	int layout;
	const char *layout_name; /* the split layout in use (for tests, traces) */
	WINDOW *status;
	char *message; /* shown in the status line until the next key */
	int message_error;
	int64_t total;   /* articles in the store */
	int64_t shown;   /* articles the filter lets through */
	int64_t open_id; /* article in the reader, 0 when none */
	int quit;
	strlist search_history, entity_history;
	keymap *keys;
} app;

extern volatile sig_atomic_t ui_signal;

/* ui.c */
void app_message(app *a, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void app_filter_changed(app *a);
void app_open_article(app *a, int64_t id);
void app_focus(app *a, int index);
/* Focuses the next (dir 1) or previous (-1) pane that is wanted. */
void app_focus_step(app *a, int dir);
/* True when the pane is wanted (pane_ops.wanted). */
int pane_wanted(pane *p);
/* Focuses the pane named name (pane_ops.name), when there is one. */
void app_focus_pane(app *a, const char *name);
/* The pane named name, or NULL. */
pane *app_pane(app *a, const char *name);
/* True when p has the focus. */
int app_has_focus(const pane *p);
/* Tells every pane about ev; _kind: an event that carries no article;
 * _marks: article id's marks changed (-1: unchanged). */
void app_broadcast(app *a, const ui_event *ev);
void app_broadcast_kind(app *a, ui_event_kind kind);
void app_broadcast_marks(app *a, int64_t id, int read, int starred);
/* Counts the store again and tells every pane (EV_STORE_CHANGED,
 * EV_RELOAD). */
void app_reload(app *a, ui_event_kind kind);
/* actions.c: does an action no pane took. */
void app_action(app *a, action act);
void app_redraw_all(app *a);
/* Lays the panes out again (a pane became wanted or not). */
void app_layout(app *a);
/* Adds to the filter the entity a person typed (a name, an alias or
 * TYPE:NAME; negated: excluded), or the entity a pane picked by id
 * (name, type: as shown). 0 when there is none; the status line says so. */
int app_add_entity(app *a, const char *name, int negated);
int app_add_entity_id(app *a, int64_t id, const char *name, int type, int negated);
/* Completion of entity names for prompts: the current result set's. */
int app_complete_entity(app *a, const char *text, strlist *out);

/* draw.c */
void draw_setup(app *a);
/* Applies a config line "color ROLE FOREGROUND [BACKGROUND] [ATTRIBUTE...]":
 * 1 when applied, 0 when the line is not about colours, -1 with why in
 * err. Without colours only the attributes apply. */
int draw_config_line(app *a, char **words, size_t n, char *err, size_t errsize);
/* Writes s (n bytes, or strlen when n is -1) at the window's cursor in at
 * most cols columns, cutting with an ellipsis when it does not fit.
 * Returns the columns used. Transliterates in ASCII mode. */
int draw_text(app *a, WINDOW *w, const char *s, long n, int cols, attr_t attr);
/* Same for text already prepared for display (uitext_display). */
int draw_prepared(app *a, WINDOW *w, const char *s, size_t n, int cols, attr_t attr);
/* Fills row `row` from the cursor to column `to` with spaces (nothing when
 * the cursor already left the row). */
void draw_fill(WINDOW *w, int row, int to, attr_t attr);
/* The title row of a pane, marked when focused, and its border. */
void draw_pane_frame(pane *p, const char *title, const char *right);
/* Width of text as shown (after transliteration in ASCII mode). */
int draw_width(app *a, const char *s);
attr_t role_attr(app *a, int role);
int entity_role(int type);
const char *draw_ellipsis(app *a);
/* A sparkline's cell for n of max: a block of eighths (ASCII in ASCII
 * mode), blank for 0, the lowest for any other. */
const char *draw_spark(app *a, int64_t n, int64_t max);

/* trace.c: per-frame timings appended to $LEDE_TRACE (benchmarks only). */
void trace_open(void);
int trace_on(void);
void trace_header(int rows, int cols);
void trace_begin(const char *event, const char *key); /* an operation starts now */
void trace_key_begin(int key, int is_char);           /* a key came in now */
void trace_label(const char *event);                  /* a "key" turned out to be this */
void trace_draw_begin(void);
void trace_frame_done(void); /* after doupdate(): writes the operation's line */
void trace_cancel(void);     /* nothing was done: no line */
void trace_close(void);

/* ready.c: with $LEDE_READY_TITLE set, the terminal title says when every
 * key read so far has been handled and no work is left (screen tests). */
void ready_init(void);
void ready_key(int rc, wint_t wc); /* a key was read (wget_wch's rc) */
void ready_now(void);              /* about to wait, nothing left to do */
void ready_forget(void);           /* send the title again next time */

/* Results of pane_ops.idle. */
enum { IDLE_NONE = 0, IDLE_DONE = 1, IDLE_WAITING = 2 };

/* Pane constructors. */
void list_init(pane *p);
void reader_init(pane *p);
void sidebar_init(pane *p);
void related_init(pane *p);
void timeline_init(pane *p);
void card_init(pane *p);

/* card.c: shows the card of entity id (as the user sees it: merged ones
 * show the entity they count as); 0 and a message when it is gone. */
int card_show(pane *p, int64_t id);

/* timeline.c: shows or hides the timeline strip. */
void timeline_toggle(pane *p);

/* related.c: shows the stories related to article id (0: closes). */
void related_show(pane *p, int64_t id);

/* list.c: the selected row. */
const article_row *list_selected(pane *p);
/* The filter's order changed (app.filter.order): reloads the list, the
 * cursor at the top. */
void list_reorder(pane *p);

/* reader.c */
/* The shown article's marks; 0 when none is shown yet. */
int reader_marks(pane *p, int *read, int *starred);
int reader_jump_mention(pane *p, int dir);
/* The entity of the mention n/N stopped at (its id as the user sees
 * it), or 0 when there is none. */
int64_t reader_current_entity(pane *p);

/* sidebar.c: the entity under the cursor, as reader_current_entity. */
int64_t sidebar_current_entity(pane *p);

/* prompt.c: reads a line at the bottom row; NULL when cancelled. */
typedef int (*prompt_complete_fn)(app *a, const char *text, strlist *out);
char *prompt_read(app *a, const char *label, strlist *history, prompt_complete_fn complete);
/* Shows the help screen until a key closes it. */
void help_show(app *a);

#endif
