/* keymap.c: named actions, the default key table, key names and the
 * config file's bind/unbind lines (see keymap.h). */
#include "config.h"

#include "keymap.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistr.h>

#include "util.h"

typedef struct binding {
	key_context ctx;
	int code;
	action act;
} binding;

struct keymap {
	binding *v;
	size_t n, cap;
};

/* Action names, as the config file writes them (index: action). */
static const char *const action_names[NACTIONS] = {
    [ACT_NONE] = "none",
    [ACT_DOWN] = "down",
    [ACT_UP] = "up",
    [ACT_PAGE_DOWN] = "page-down",
    [ACT_PAGE_UP] = "page-up",
    [ACT_TOP] = "top",
    [ACT_BOTTOM] = "bottom",
    [ACT_OPEN] = "open",
    [ACT_MARK] = "mark",
    [ACT_RENAME] = "rename",
    [ACT_MERGE] = "merge",
    [ACT_RETYPE] = "retype",
    [ACT_HIDE] = "hide",
    [ACT_UNDO] = "undo",
    [ACT_EXCLUDE] = "exclude",
    [ACT_REMOVE_FILTER] = "remove-filter",
    [ACT_NARROW_ERASE] = "narrow-erase",
    [ACT_NARROW_CLEAR] = "narrow-clear",
    [ACT_NEXT_PANE] = "next-pane",
    [ACT_PREV_PANE] = "previous-pane",
    [ACT_SEARCH] = "search",
    [ACT_ORDER] = "order",
    [ACT_ENTITY] = "entity",
    [ACT_CLEAR_FILTER] = "clear-filter",
    [ACT_ALL_ENTITIES] = "all-entities",
    [ACT_NEXT_MENTION] = "next-mention",
    [ACT_PREV_MENTION] = "previous-mention",
    [ACT_STAR] = "star",
    [ACT_READ] = "read",
    [ACT_RELOAD] = "reload",
    [ACT_RELATED] = "related",
    [ACT_TIMELINE] = "timeline",
    [ACT_CARD] = "card",
    [ACT_BACK] = "back",
    [ACT_REDRAW] = "redraw",
    [ACT_HELP] = "help",
    [ACT_QUIT] = "quit",
};

static const char *const context_names[NCONTEXTS] = {"global",  "list",     "reader", "sidebar",
                                                     "related", "timeline", "card"};
static const char *const context_titles[NCONTEXTS] = {
    "Everywhere",      "Article list", "Reader",     "Entity sidebar",
    "Related stories", "Timeline",     "Entity card"};

/* The default bindings, in the order the help screen lists keys. */
static const struct {
	key_context ctx;
	const char *key;
	action act;
} defaults[] = {
    {KC_GLOBAL, "Tab", ACT_NEXT_PANE},
    {KC_GLOBAL, "Shift-Tab", ACT_PREV_PANE},
    {KC_GLOBAL, "/", ACT_SEARCH},
    {KC_GLOBAL, "o", ACT_ORDER},
    {KC_GLOBAL, "e", ACT_ENTITY},
    {KC_GLOBAL, "x", ACT_CLEAR_FILTER},
    {KC_GLOBAL, "a", ACT_ALL_ENTITIES},
    {KC_GLOBAL, "n", ACT_NEXT_MENTION},
    {KC_GLOBAL, "N", ACT_PREV_MENTION},
    {KC_GLOBAL, "s", ACT_STAR},
    {KC_GLOBAL, "u", ACT_READ},
    {KC_GLOBAL, "r", ACT_RELOAD},
    {KC_GLOBAL, "R", ACT_RELATED},
    {KC_GLOBAL, "t", ACT_TIMELINE},
    {KC_GLOBAL, "i", ACT_CARD},
    {KC_GLOBAL, "Esc", ACT_BACK},
    {KC_GLOBAL, "Ctrl-L", ACT_REDRAW},
    {KC_GLOBAL, "?", ACT_HELP},
    {KC_GLOBAL, "F1", ACT_HELP},
    {KC_GLOBAL, "q", ACT_QUIT},

    {KC_LIST, "j", ACT_DOWN},
    {KC_LIST, "Down", ACT_DOWN},
    {KC_LIST, "k", ACT_UP},
    {KC_LIST, "Up", ACT_UP},
    {KC_LIST, "Space", ACT_PAGE_DOWN},
    {KC_LIST, "PgDn", ACT_PAGE_DOWN},
    {KC_LIST, "Ctrl-F", ACT_PAGE_DOWN},
    {KC_LIST, "PgUp", ACT_PAGE_UP},
    {KC_LIST, "Ctrl-B", ACT_PAGE_UP},
    {KC_LIST, "g", ACT_TOP},
    {KC_LIST, "Home", ACT_TOP},
    {KC_LIST, "G", ACT_BOTTOM},
    {KC_LIST, "End", ACT_BOTTOM},
    {KC_LIST, "Enter", ACT_OPEN},

    {KC_READER, "j", ACT_DOWN},
    {KC_READER, "Down", ACT_DOWN},
    {KC_READER, "k", ACT_UP},
    {KC_READER, "Up", ACT_UP},
    {KC_READER, "Space", ACT_PAGE_DOWN},
    {KC_READER, "PgDn", ACT_PAGE_DOWN},
    {KC_READER, "Ctrl-F", ACT_PAGE_DOWN},
    {KC_READER, "PgUp", ACT_PAGE_UP},
    {KC_READER, "Ctrl-B", ACT_PAGE_UP},
    {KC_READER, "g", ACT_TOP},
    {KC_READER, "Home", ACT_TOP},
    {KC_READER, "G", ACT_BOTTOM},
    {KC_READER, "End", ACT_BOTTOM},

    {KC_SIDEBAR, "Down", ACT_DOWN},
    {KC_SIDEBAR, "Ctrl-N", ACT_DOWN},
    {KC_SIDEBAR, "Up", ACT_UP},
    {KC_SIDEBAR, "Ctrl-P", ACT_UP},
    {KC_SIDEBAR, "PgDn", ACT_PAGE_DOWN},
    {KC_SIDEBAR, "PgUp", ACT_PAGE_UP},
    {KC_SIDEBAR, "Home", ACT_TOP},
    {KC_SIDEBAR, "End", ACT_BOTTOM},
    {KC_SIDEBAR, "Enter", ACT_OPEN},
    {KC_SIDEBAR, "!", ACT_EXCLUDE},
    {KC_SIDEBAR, "Delete", ACT_REMOVE_FILTER},
    {KC_SIDEBAR, "Backspace", ACT_NARROW_ERASE},
    {KC_SIDEBAR, "Ctrl-U", ACT_NARROW_CLEAR},
    {KC_SIDEBAR, "?", ACT_HELP},
    {KC_SIDEBAR, "Right", ACT_CARD},

    {KC_RELATED, "j", ACT_DOWN},
    {KC_RELATED, "Down", ACT_DOWN},
    {KC_RELATED, "k", ACT_UP},
    {KC_RELATED, "Up", ACT_UP},
    {KC_RELATED, "PgDn", ACT_PAGE_DOWN},
    {KC_RELATED, "PgUp", ACT_PAGE_UP},
    {KC_RELATED, "g", ACT_TOP},
    {KC_RELATED, "Home", ACT_TOP},
    {KC_RELATED, "G", ACT_BOTTOM},
    {KC_RELATED, "End", ACT_BOTTOM},
    {KC_RELATED, "Enter", ACT_OPEN},

    {KC_TIMELINE, "l", ACT_DOWN},
    {KC_TIMELINE, "Right", ACT_DOWN},
    {KC_TIMELINE, "h", ACT_UP},
    {KC_TIMELINE, "Left", ACT_UP},
    {KC_TIMELINE, "PgDn", ACT_PAGE_DOWN},
    {KC_TIMELINE, "PgUp", ACT_PAGE_UP},
    {KC_TIMELINE, "g", ACT_TOP},
    {KC_TIMELINE, "Home", ACT_TOP},
    {KC_TIMELINE, "G", ACT_BOTTOM},
    {KC_TIMELINE, "End", ACT_BOTTOM},
    {KC_TIMELINE, "Space", ACT_MARK},
    {KC_TIMELINE, "Enter", ACT_OPEN},

    {KC_CARD, "r", ACT_RENAME},
    {KC_CARD, "m", ACT_MERGE},
    {KC_CARD, "T", ACT_RETYPE},
    {KC_CARD, "h", ACT_HIDE},
    {KC_CARD, "u", ACT_UNDO},
    {KC_CARD, "Enter", ACT_OPEN},
};

/* Names of ncurses key codes and of the characters with a name. */
static const struct {
	const char *name;
	int code; /* as keymap_code gives it */
} key_names[] = {
    {"Enter", '\n'},
    {"Tab", '\t'},
    {"Esc", 27},
    {"Space", ' '},
    {"Shift-Tab", KEY_CODE_FLAG | KEY_BTAB},
    {"Backspace", KEY_CODE_FLAG | KEY_BACKSPACE},
    {"Delete", KEY_CODE_FLAG | KEY_DC},
    {"Insert", KEY_CODE_FLAG | KEY_IC},
    {"Up", KEY_CODE_FLAG | KEY_UP},
    {"Down", KEY_CODE_FLAG | KEY_DOWN},
    {"Left", KEY_CODE_FLAG | KEY_LEFT},
    {"Right", KEY_CODE_FLAG | KEY_RIGHT},
    {"PgUp", KEY_CODE_FLAG | KEY_PPAGE},
    {"PgDn", KEY_CODE_FLAG | KEY_NPAGE},
    {"Home", KEY_CODE_FLAG | KEY_HOME},
    {"End", KEY_CODE_FLAG | KEY_END},
};

/* See keymap.h. */
int keymap_code(int key, int is_char)
{
	if (is_char) {
		if (key == '\r')
			return '\n';
		if (key == 127 || key == 8)
			return KEY_CODE_FLAG | KEY_BACKSPACE;
		return key;
	}
	if (key == KEY_ENTER)
		return '\n';
	return KEY_CODE_FLAG | key;
}

/* See keymap.h. */
void keymap_bind(keymap *km, key_context ctx, int code, action act)
{
	for (size_t i = 0; i < km->n; i++) {
		if (km->v[i].ctx == ctx && km->v[i].code == code) {
			memmove(km->v + i, km->v + i + 1, (km->n - i - 1) * sizeof *km->v);
			km->n--;
			break;
		}
	}
	if (act == ACT_NONE)
		return;
	if (km->n == km->cap) {
		km->cap = km->cap ? 2 * km->cap : 64;
		km->v = xrealloc(km->v, km->cap * sizeof *km->v);
	}
	km->v[km->n++] = (binding){ctx, code, act};
}

/* See keymap.h. */
keymap *keymap_new(void)
{
	keymap *km = xcalloc(1, sizeof *km);
	for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++) {
		int code;
		if (keymap_parse_key(defaults[i].key, &code) == 0)
			keymap_bind(km, defaults[i].ctx, code, defaults[i].act);
	}
	return km;
}

/* See keymap.h. */
void keymap_free(keymap *km)
{
	if (!km)
		return;
	free(km->v);
	free(km);
}

/* See keymap.h. */
action keymap_lookup(const keymap *km, key_context ctx, int code)
{
	for (size_t i = 0; i < km->n; i++) {
		if (km->v[i].ctx == ctx && km->v[i].code == code)
			return km->v[i].act;
	}
	return ACT_NONE;
}

/* See keymap.h. */
int keymap_parse_key(const char *name, int *code)
{
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (strcasecmp(name, key_names[i].name) == 0) {
			*code = key_names[i].code;
			return 0;
		}
	}
	if ((strncasecmp(name, "Ctrl-", 5) == 0 || strncasecmp(name, "C-", 2) == 0)) {
		const char *k = name + (name[1] == '-' ? 2 : 5);
		char c = k[0];
		if (c && !k[1] && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
			*code = keymap_code(c & 0x1f, 1);
			return 0;
		}
		return -1;
	}
	if ((name[0] == 'F' || name[0] == 'f') && name[1] >= '1' && name[1] <= '9') {
		char *end;
		long n = strtol(name + 1, &end, 10);
		if (!*end && n >= 1 && n <= 12) {
			*code = KEY_CODE_FLAG | KEY_F(n);
			return 0;
		}
		return -1;
	}
	/* One printable character. */
	ucs4_t uc;
	size_t len = strlen(name);
	int n = u8_mbtoucr(&uc, (const uint8_t *)name, len);
	if (n <= 0 || (size_t)n != len || uc < 0x21 || uc == 0x7f)
		return -1;
	*code = (int)uc;
	return 0;
}

/* See keymap.h. */
void keymap_key_name(int code, char *buf, size_t size)
{
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++) {
		if (key_names[i].code == code) {
			snprintf(buf, size, "%s", key_names[i].name);
			return;
		}
	}
	if (code & KEY_CODE_FLAG) {
		int k = code & ~KEY_CODE_FLAG;
		if (k >= KEY_F(1) && k <= KEY_F(12))
			snprintf(buf, size, "F%d", k - KEY_F0);
		else
			snprintf(buf, size, "key-%d", k);
		return;
	}
	if (code >= 1 && code <= 26) {
		snprintf(buf, size, "Ctrl-%c", 'A' + code - 1);
		return;
	}
	uint8_t u[8];
	int n = code > 0 ? u8_uctomb(u, (ucs4_t)code, sizeof u - 1) : -1;
	if (n <= 0 || code < 0x21) {
		snprintf(buf, size, "char-%d", code);
		return;
	}
	u[n] = '\0';
	snprintf(buf, size, "%s", (const char *)u);
}

/* Finds name in a table of n names; -1 when absent. */
static int name_index(const char *const *names, int n, const char *name)
{
	for (int i = 0; i < n; i++) {
		if (names[i] && strcmp(names[i], name) == 0)
			return i;
	}
	return -1;
}

/* See keymap.h. */
int keymap_parse_action(const char *name, action *act)
{
	int i = name_index(action_names, NACTIONS, name);
	if (i < 0)
		return -1;
	*act = (action)i;
	return 0;
}

/* See keymap.h. */
int keymap_parse_context(const char *name, key_context *ctx)
{
	int i = name_index(context_names, NCONTEXTS, name);
	if (i < 0)
		return -1;
	*ctx = (key_context)i;
	return 0;
}

/* See keymap.h. */
const char *keymap_action_name(action act)
{
	return act < NACTIONS ? action_names[act] : "none";
}

/* See keymap.h. */
const char *keymap_context_name(key_context ctx)
{
	return context_names[ctx];
}

/* See keymap.h. */
const char *keymap_context_title(key_context ctx)
{
	return context_titles[ctx];
}

/* What the global actions do, wherever they are bound. */
static const char *describe_global(action act)
{
	switch (act) {
	case ACT_NEXT_PANE:
		return "next pane";
	case ACT_PREV_PANE:
		return "previous pane";
	case ACT_SEARCH:
		return "full-text search (any case, diacritics optional)";
	case ACT_ORDER:
		return "order a search's results by relevance or by date";
	case ACT_ENTITY:
		return "filter by entity (Tab completes; !name excludes)";
	case ACT_CLEAR_FILTER:
		return "clear all filters and the search";
	case ACT_ALL_ENTITIES:
		return "show / hide entities of low confidence";
	case ACT_NEXT_MENTION:
		return "next mention (or word searched) in the reader";
	case ACT_PREV_MENTION:
		return "previous mention (or word searched)";
	case ACT_STAR:
		return "star or unstar the article";
	case ACT_READ:
		return "mark the article read or unread";
	case ACT_RELOAD:
		return "reload from the store";
	case ACT_RELATED:
		return "related stories of the open article (again: close them)";
	case ACT_TIMELINE:
		return "show / hide the timeline of the result set";
	case ACT_CARD:
		return "the card of the entity under the cursor (sidebar) or at n/N";
	case ACT_BACK:
		return "back to the list";
	case ACT_REDRAW:
		return "redraw the screen";
	case ACT_HELP:
		return "this help";
	case ACT_QUIT:
		return "quit";
	default:
		return NULL;
	}
}

/* See keymap.h. */
const char *keymap_describe(key_context ctx, action act)
{
	const char *g = describe_global(act);
	if (g)
		return g;
	switch (ctx) {
	case KC_LIST:
		switch (act) {
		case ACT_DOWN:
			return "next article";
		case ACT_UP:
			return "previous article";
		case ACT_PAGE_DOWN:
			return "page down";
		case ACT_PAGE_UP:
			return "page up";
		case ACT_TOP:
			return "first article";
		case ACT_BOTTOM:
			return "last article";
		case ACT_OPEN:
			return "open the article in the reader";
		default:
			return NULL;
		}
	case KC_READER:
		switch (act) {
		case ACT_DOWN:
			return "scroll a line down";
		case ACT_UP:
			return "scroll a line up";
		case ACT_PAGE_DOWN:
			return "scroll a page down";
		case ACT_PAGE_UP:
			return "scroll a page up";
		case ACT_TOP:
			return "top of the article";
		case ACT_BOTTOM:
			return "bottom of the article";
		default:
			return NULL;
		}
	case KC_CARD:
		switch (act) {
		case ACT_RENAME:
			return "rename the entity";
		case ACT_MERGE:
			return "merge it into another entity (Tab completes)";
		case ACT_RETYPE:
			return "give it another type (PER, ORG or LOC)";
		case ACT_HIDE:
			return "hide it from lists and highlights, or show it again";
		case ACT_UNDO:
			return "undo the last edit made here";
		case ACT_OPEN:
			return "filter by the entity";
		default:
			return NULL;
		}
	case KC_TIMELINE:
		switch (act) {
		case ACT_DOWN:
			return "next period";
		case ACT_UP:
			return "previous period";
		case ACT_PAGE_DOWN:
			return "a screen of periods later";
		case ACT_PAGE_UP:
			return "a screen of periods earlier";
		case ACT_TOP:
			return "first period";
		case ACT_BOTTOM:
			return "last period";
		case ACT_MARK:
			return "mark a range's first period (again: unmark)";
		case ACT_OPEN:
			return "filter by the period (or the marked range)";
		default:
			return NULL;
		}
	case KC_RELATED:
		switch (act) {
		case ACT_DOWN:
			return "next story";
		case ACT_UP:
			return "previous story";
		case ACT_PAGE_DOWN:
			return "page down";
		case ACT_PAGE_UP:
			return "page up";
		case ACT_TOP:
			return "closest story";
		case ACT_BOTTOM:
			return "last story";
		case ACT_OPEN:
			return "open the story in the reader";
		default:
			return NULL;
		}
	case KC_SIDEBAR:
		switch (act) {
		case ACT_DOWN:
			return "next entity";
		case ACT_UP:
			return "previous entity";
		case ACT_PAGE_DOWN:
			return "page down";
		case ACT_PAGE_UP:
			return "page up";
		case ACT_TOP:
			return "first row";
		case ACT_BOTTOM:
			return "last entity";
		case ACT_OPEN:
			return "add to the filter (AND); on an active filter: remove it";
		case ACT_EXCLUDE:
			return "exclude the entity; on an active filter: flip want/exclude";
		case ACT_REMOVE_FILTER:
			return "remove the active filter under the cursor";
		case ACT_NARROW_ERASE:
			return "erase the last character of the narrowing text";
		case ACT_NARROW_CLEAR:
			return "clear the narrowing text";
		default:
			return NULL;
		}
	default:
		return NULL;
	}
}

/* See keymap.h. */
int keymap_keys(const keymap *km, key_context ctx, action act, char *buf, size_t size)
{
	int count = 0;
	size_t used = 0;
	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < km->n; i++) {
		if (km->v[i].ctx != ctx || km->v[i].act != act)
			continue;
		char name[32];
		keymap_key_name(km->v[i].code, name, sizeof name);
		int w = snprintf(buf + used, used < size ? size - used : 0, "%s%s",
		                 count ? ", " : "", name);
		if (w > 0)
			used += (size_t)w;
		count++;
	}
	return count;
}

/* See keymap.h. */
int keymap_config_line(keymap *km, char **words, size_t n, char *err, size_t errsize)
{
	int bind = strcmp(words[0], "bind") == 0;
	if (!bind && strcmp(words[0], "unbind") != 0)
		return 0;
	size_t want = bind ? 4 : 3;
	if (n != want) {
		snprintf(err, errsize, "%s takes %s", words[0],
		         bind ? "CONTEXT KEY ACTION" : "CONTEXT KEY");
		return -1;
	}
	key_context ctx;
	if (keymap_parse_context(words[1], &ctx) < 0) {
		snprintf(err, errsize,
		         "unknown context \"%s\" (global, list, reader, sidebar, related, timeline, card)",
		         words[1]);
		return -1;
	}
	int code;
	if (keymap_parse_key(words[2], &code) < 0) {
		snprintf(err, errsize, "unknown key \"%s\"", words[2]);
		return -1;
	}
	action act = ACT_NONE;
	if (bind) {
		if (keymap_parse_action(words[3], &act) < 0 || act == ACT_NONE) {
			snprintf(err, errsize, "unknown action \"%s\"", words[3]);
			return -1;
		}
		if (!keymap_describe(ctx, act)) {
			snprintf(err, errsize, "action \"%s\" does nothing in %s", words[3],
			         words[1]);
			return -1;
		}
	}
	keymap_bind(km, ctx, code, act);
	return 1;
}

/* See keymap.h. */
void keymap_help(const keymap *km, strlist *out)
{
	for (int c = 0; c < NCONTEXTS; c++) {
		if (c)
			sl_push(out, "");
		sl_push(out, keymap_context_title((key_context)c));
		if (c == KC_GLOBAL)
			sl_push(out, "  (in the entity sidebar, characters narrow the list instead)");
		for (int act = 1; act < NACTIONS; act++) {
			char keys[200];
			if (!keymap_keys(km, (key_context)c, (action)act, keys, sizeof keys))
				continue;
			const char *what = keymap_describe((key_context)c, (action)act);
			char *line;
			if (strlen(keys) <= 19) {
				line = xasprintf("  %-19s %s", keys, what);
			} else {
				sl_push_owned(out, xasprintf("  %s", keys));
				line = xasprintf("  %-19s %s", "", what);
			}
			sl_push_owned(out, line);
		}
	}
}
