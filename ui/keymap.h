/* keymap.h: named actions and the one table that binds keys to them, per
 * context (everywhere, or while a pane has the focus). The panes act on
 * actions, never on raw keys; the help screen is written from the table;
 * the user's config file rebinds keys (`bind`, `unbind`). */
#ifndef LEDE_KEYMAP_H
#define LEDE_KEYMAP_H

#include <stddef.h>

/* What a key does. The order is the help screen's order. */
typedef enum action {
	ACT_NONE = 0,
	/* movement in any list-like pane */
	ACT_DOWN,
	ACT_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_OPEN,
	/* the timeline */
	ACT_MARK,
	/* the entity card */
	ACT_RENAME,
	ACT_MERGE,
	ACT_RETYPE,
	ACT_HIDE,
	ACT_UNDO,
	/* the sidebar */
	ACT_EXCLUDE,
	ACT_REMOVE_FILTER,
	ACT_NARROW_ERASE,
	ACT_NARROW_CLEAR,
	/* everywhere */
	ACT_NEXT_PANE,
	ACT_PREV_PANE,
	ACT_SEARCH,
	ACT_ORDER,
	ACT_ENTITY,
	ACT_CLEAR_FILTER,
	ACT_ALL_ENTITIES,
	ACT_NEXT_MENTION,
	ACT_PREV_MENTION,
	ACT_STAR,
	ACT_READ,
	ACT_RELOAD,
	ACT_RELATED,
	ACT_TIMELINE,
	ACT_CARD,
	ACT_BACK,
	ACT_REDRAW,
	ACT_HELP,
	ACT_QUIT,
	NACTIONS
} action;

/* Where a binding applies: everywhere, or in the focused pane (which
 * looks there first). */
typedef enum key_context {
	KC_GLOBAL,
	KC_LIST,
	KC_READER,
	KC_SIDEBAR,
	KC_RELATED,
	KC_TIMELINE,
	KC_CARD,
	NCONTEXTS
} key_context;

/* A key as lede sees it: a character (its code point) or, with
 * KEY_CODE_FLAG, an ncurses key code (KEY_DOWN, ...). Enter, Backspace
 * and Tab each have one code whatever the terminal sends. */
#define KEY_CODE_FLAG 0x40000000
int keymap_code(int key, int is_char);

/* The table: every context's bindings. */
typedef struct keymap keymap;

/* The default bindings (documented in the man page). */
keymap *keymap_new(void);
void keymap_free(keymap *km);

/* The action of code in context ctx, ACT_NONE when it has none there. */
action keymap_lookup(const keymap *km, key_context ctx, int code);

/* Binds or unbinds (act ACT_NONE) a key in a context. */
void keymap_bind(keymap *km, key_context ctx, int code, action act);

/* Names, as the config file and the man page write them. Each parse
 * returns 0, or -1 when the name is unknown. */
int keymap_parse_key(const char *name, int *code);
int keymap_parse_action(const char *name, action *act);
int keymap_parse_context(const char *name, key_context *ctx);
/* The key's name ("j", "Ctrl-F", "PgDn", "Shift-Tab") into buf. */
void keymap_key_name(int code, char *buf, size_t size);
const char *keymap_action_name(action act);
const char *keymap_context_name(key_context ctx);
/* The heading of a context on the help screen and in the man page. */
const char *keymap_context_title(key_context ctx);
/* What act does in ctx, one line for the help screen; NULL when the
 * action means nothing there. */
const char *keymap_describe(key_context ctx, action act);

/* The keys bound to act in ctx, in binding order, as names joined by
 * ", " into buf. Returns how many. */
int keymap_keys(const keymap *km, key_context ctx, action act, char *buf, size_t size);

/* The help screen's lines for every context: a heading, then one line
 * per bound action with its keys and what it does. Appended to out. */
struct strlist;
void keymap_help(const keymap *km, struct strlist *out);

/* Applies one config line's words ("bind CONTEXT KEY ACTION",
 * "unbind CONTEXT KEY"). Returns 1 when the line was a key binding and
 * was applied, 0 when its first word is not bind/unbind, -1 with a
 * message in err (what is wrong, naming the word) when it is wrong. */
int keymap_config_line(keymap *km, char **words, size_t n, char *err, size_t errsize);

#endif
