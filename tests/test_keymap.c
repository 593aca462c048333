/* test_keymap.c: the key table (ui/keymap.c) and the config file reader
 * (src/conffile.c): key names both ways, the defaults, bind/unbind lines
 * and their errors, the help screen's lines, and the man page's KEYS
 * section, which must list exactly the default bindings of each context. */
#include "config.h"

#include <curses.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "conffile.h"
#include "keymap.h"
#include "util.h"

/* Key names parse to the codes the terminal gives, and back. */
static void test_key_names(void **state)
{
	(void)state;
	int code;
	assert_int_equal(keymap_parse_key("j", &code), 0);
	assert_int_equal(code, keymap_code('j', 1));
	assert_int_equal(keymap_parse_key("Ctrl-F", &code), 0);
	assert_int_equal(code, keymap_code(6, 1));
	assert_int_equal(keymap_parse_key("C-f", &code), 0);
	assert_int_equal(code, keymap_code(6, 1));
	assert_int_equal(keymap_parse_key("PgDn", &code), 0);
	assert_int_equal(code, keymap_code(KEY_NPAGE, 0));
	assert_int_equal(keymap_parse_key("Shift-Tab", &code), 0);
	assert_int_equal(code, keymap_code(KEY_BTAB, 0));
	assert_int_equal(keymap_parse_key("F1", &code), 0);
	assert_int_equal(code, keymap_code(KEY_F(1), 0));
	assert_int_equal(keymap_parse_key("é", &code), 0);
	assert_int_equal(code, 0xe9);
	/* Enter and Backspace are one key whatever the terminal sends */
	assert_int_equal(keymap_parse_key("Enter", &code), 0);
	assert_int_equal(code, keymap_code('\r', 1));
	assert_int_equal(code, keymap_code(KEY_ENTER, 0));
	assert_int_equal(keymap_parse_key("Backspace", &code), 0);
	assert_int_equal(code, keymap_code(127, 1));
	assert_int_equal(code, keymap_code(KEY_BACKSPACE, 0));
	/* not keys */
	assert_int_equal(keymap_parse_key("Ctl-x", &code), -1);
	assert_int_equal(keymap_parse_key("jk", &code), -1);
	assert_int_equal(keymap_parse_key("", &code), -1);
	assert_int_equal(keymap_parse_key("F13", &code), -1);
	assert_int_equal(keymap_parse_key("Ctrl-1", &code), -1);

	const char *names[] = {"j", "?", "Ctrl-F", "PgDn", "Shift-Tab", "F1", "Enter",
	                       "Esc", "Space", "Delete", "é"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		char back[32];
		assert_int_equal(keymap_parse_key(names[i], &code), 0);
		keymap_key_name(code, back, sizeof back);
		assert_string_equal(back, names[i]);
	}
}

/* The defaults: a pane's own keys, the global ones, and nothing bound
 * to printable keys in the sidebar but its own (they narrow there). */
static void test_defaults(void **state)
{
	(void)state;
	keymap *km = keymap_new();
	assert_int_equal(keymap_lookup(km, KC_LIST, 'j'), ACT_DOWN);
	assert_int_equal(keymap_lookup(km, KC_READER, keymap_code(KEY_NPAGE, 0)), ACT_PAGE_DOWN);
	assert_int_equal(keymap_lookup(km, KC_SIDEBAR, keymap_code(14, 1)), ACT_DOWN);
	assert_int_equal(keymap_lookup(km, KC_SIDEBAR, 'j'), ACT_NONE);
	assert_int_equal(keymap_lookup(km, KC_SIDEBAR, 'x'), ACT_NONE);
	assert_int_equal(keymap_lookup(km, KC_GLOBAL, 'x'), ACT_CLEAR_FILTER);
	assert_int_equal(keymap_lookup(km, KC_GLOBAL, keymap_code(KEY_F(1), 0)), ACT_HELP);
	assert_int_equal(keymap_lookup(km, KC_LIST, keymap_code('\r', 1)), ACT_OPEN);
	char keys[100];
	assert_int_equal(keymap_keys(km, KC_SIDEBAR, ACT_DOWN, keys, sizeof keys), 2);
	assert_string_equal(keys, "Down, Ctrl-N");
	keymap_free(km);
}

/* Applies one config line; returns keymap_config_line's result. */
static int config(keymap *km, const char *line, char *err, size_t size)
{
	strlist w;
	sl_init(&w);
	char *copy = xstrdup(line);
	for (char *t = strtok(copy, " "); t; t = strtok(NULL, " "))
		sl_push(&w, t);
	int r = keymap_config_line(km, w.v, w.n, err, size);
	sl_free(&w);
	free(copy);
	return r;
}

/* bind replaces, unbind removes; each wrong line says which word. */
static void test_config_lines(void **state)
{
	(void)state;
	keymap *km = keymap_new();
	char err[200];
	assert_int_equal(config(km, "bind list J down", err, sizeof err), 1);
	assert_int_equal(keymap_lookup(km, KC_LIST, 'J'), ACT_DOWN);
	assert_int_equal(config(km, "bind list j bottom", err, sizeof err), 1);
	assert_int_equal(keymap_lookup(km, KC_LIST, 'j'), ACT_BOTTOM);
	assert_int_equal(config(km, "unbind global q", err, sizeof err), 1);
	assert_int_equal(keymap_lookup(km, KC_GLOBAL, 'q'), ACT_NONE);
	assert_int_equal(config(km, "bind global Ctrl-Q quit", err, sizeof err), 1);
	assert_int_equal(keymap_lookup(km, KC_GLOBAL, keymap_code(17, 1)), ACT_QUIT);
	/* the help screen follows */
	strlist help;
	sl_init(&help);
	keymap_help(km, &help);
	int saw_quit = 0, saw_j = 0;
	for (size_t i = 0; i < help.n; i++) {
		if (strstr(help.v[i], "Ctrl-Q") && strstr(help.v[i], "quit"))
			saw_quit = 1;
		if (strstr(help.v[i], "  G, End, j") && strstr(help.v[i], "last article"))
			saw_j = 1;
	}
	assert_true(saw_quit);
	assert_true(saw_j);
	sl_free(&help);

	assert_int_equal(config(km, "color per red", err, sizeof err), 0);
	assert_int_equal(config(km, "bind list J", err, sizeof err), -1);
	assert_string_equal(err, "bind takes CONTEXT KEY ACTION");
	assert_int_equal(config(km, "bind pager j down", err, sizeof err), -1);
	assert_non_null(strstr(err, "\"pager\""));
	assert_int_equal(config(km, "bind list Ctl-j down", err, sizeof err), -1);
	assert_non_null(strstr(err, "\"Ctl-j\""));
	assert_int_equal(config(km, "bind list j downn", err, sizeof err), -1);
	assert_non_null(strstr(err, "\"downn\""));
	assert_int_equal(config(km, "bind global j down", err, sizeof err), -1);
	assert_non_null(strstr(err, "does nothing in global"));
	assert_int_equal(config(km, "unbind list", err, sizeof err), -1);
	/* a wrong line changes nothing */
	assert_int_equal(keymap_lookup(km, KC_GLOBAL, 'j'), ACT_NONE);
	keymap_free(km);
}

/* Writes text to a new temporary file; returns its path. */
static char *temp_file(const char *text)
{
	char *path = xstrdup("/tmp/lede-conf-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	FILE *f = fdopen(fd, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return path;
}

/* The config file: comments, quotes, blank lines, line numbers, and the
 * lines that cannot be split kept with their error. */
static void test_conffile(void **state)
{
	(void)state;
	char *path = temp_file("\xEF\xBB\xBF# keys\n\nbind list J down  # comment\n"
	                       "color per \"light \\\"x\\\"\"\n"
	                       "bind \"list\n"
	                       "bad \xff byte\n");
	conf_file cf;
	char *err = NULL;
	assert_int_equal(conffile_read(path, &cf, &err), 1);
	assert_null(err);
	assert_int_equal(cf.n, 4);
	assert_int_equal(cf.lines[0].lineno, 3);
	assert_int_equal(cf.lines[0].words.n, 4);
	assert_string_equal(cf.lines[0].words.v[3], "down");
	assert_null(cf.lines[0].error);
	assert_int_equal(cf.lines[1].lineno, 4);
	assert_string_equal(cf.lines[1].words.v[2], "light \"x\"");
	assert_int_equal(cf.lines[2].lineno, 5);
	assert_non_null(cf.lines[2].error);
	assert_int_equal(cf.lines[3].lineno, 6);
	assert_non_null(cf.lines[3].error);
	conffile_free(&cf);
	unlink(path);
	/* gone is no error; a folder cannot be read */
	assert_int_equal(conffile_read(path, &cf, &err), 0);
	assert_int_equal(cf.n, 0);
	free(path);
	assert_int_equal(conffile_read("/", &cf, &err), -1);
	assert_non_null(err);
	free(err);
}

/* The key names of one man page line ".B x" / ".BR a \", \" b"; the
 * alternating roman parts are the separators. */
static void man_keys(const char *line, strlist *out)
{
	int br = strncmp(line, ".BR ", 4) == 0;
	const char *s = line + (br ? 4 : 3);
	int part = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		strbuf w;
		sb_init(&w);
		if (*s == '"') {
			for (s++; *s && *s != '"'; s++)
				sb_addc(&w, *s);
			if (*s)
				s++;
		} else {
			for (; *s && *s != ' '; s++)
				sb_addc(&w, *s);
		}
		if (!br || part % 2 == 0) {
			/* \- is a hyphen in roff */
			strbuf k;
			sb_init(&k);
			for (size_t i = 0; i < w.len; i++) {
				if (w.s[i] == '\\' && w.s[i + 1] == '-')
					continue;
				sb_addc(&k, w.s[i]);
			}
			sl_push(out, k.s ? k.s : "");
			sb_free(&k);
		}
		sb_free(&w);
		part++;
	}
}

/* True when l holds s. */
static int has(const strlist *l, const char *s)
{
	for (size_t i = 0; i < l->n; i++) {
		if (strcmp(l->v[i], s) == 0)
			return 1;
	}
	return 0;
}

/* doc/lede.1's KEYS section lists, per context, exactly the keys the
 * table binds by default: documentation cannot drift from the code. */
static void test_man_page_matches(void **state)
{
	(void)state;
	const char *tests = getenv("LEDE_TESTS");
	if (!tests)
		skip();
	char *path = xasprintf("%s/../doc/lede.1", tests);
	FILE *f = fopen(path, "r");
	if (!f)
		fail_msg("cannot read %s", path);
	free(path);
	keymap *km = keymap_new();
	strlist man[NCONTEXTS];
	for (int c = 0; c < NCONTEXTS; c++)
		sl_init(&man[c]);
	int ctx = -1, in_keys = 0, after_tp = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	while ((got = getline(&line, &cap, f)) >= 0) {
		if (got > 0 && line[got - 1] == '\n')
			line[got - 1] = '\0';
		if (strncmp(line, ".SH ", 4) == 0) {
			in_keys = strcmp(line, ".SH KEYS") == 0;
			ctx = -1;
			continue;
		}
		if (!in_keys)
			continue;
		if (strncmp(line, ".SS ", 4) == 0) {
			ctx = -1;
			for (int c = 0; c < NCONTEXTS; c++) {
				if (strcmp(line + 4, keymap_context_title((key_context)c)) == 0)
					ctx = c;
			}
			continue;
		}
		if (strcmp(line, ".TP") == 0) {
			after_tp = 1;
			continue;
		}
		if (after_tp && ctx >= 0 &&
		    (strncmp(line, ".B ", 3) == 0 || strncmp(line, ".BR ", 4) == 0))
			man_keys(line, &man[ctx]);
		after_tp = 0;
	}
	free(line);
	fclose(f);
	for (int c = 0; c < NCONTEXTS; c++) {
		assert_true(man[c].n > 0);
		/* every documented key is bound there */
		for (size_t i = 0; i < man[c].n; i++) {
			int code;
			if (keymap_parse_key(man[c].v[i], &code) < 0 ||
			    keymap_lookup(km, (key_context)c, code) == ACT_NONE)
				fail_msg("the man page lists %s under %s, but it is not bound there",
				         man[c].v[i], keymap_context_title((key_context)c));
		}
		/* every bound key is documented there */
		for (int act = 1; act < NACTIONS; act++) {
			char keys[200];
			if (!keymap_keys(km, (key_context)c, (action)act, keys, sizeof keys))
				continue;
			for (char *t = strtok(keys, ","); t; t = strtok(NULL, ",")) {
				while (*t == ' ')
					t++;
				if (!has(&man[c], t))
					fail_msg("%s (%s) is bound under %s but not in the man page", t,
					         keymap_action_name((action)act),
					         keymap_context_title((key_context)c));
			}
		}
		sl_free(&man[c]);
	}
	keymap_free(km);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_key_names),
	    cmocka_unit_test(test_defaults),
	    cmocka_unit_test(test_config_lines),
	    cmocka_unit_test(test_conffile),
	    cmocka_unit_test(test_man_page_matches),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
