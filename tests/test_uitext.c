/* test_uitext.c: the interface's curses-free text work (ui/uitext.c):
 * display copies are safe for a terminal and keep offsets mapped, ASCII
 * mode transliterates Vietnamese, wrapping breaks at words and cuts
 * overlong words between grapheme clusters, and cursor moves step over
 * whole graphemes. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "uitext.h"

/* Control, escape and bidi characters never reach the screen; tabs and
 * controls become spaces, invalid bytes U+FFFD. */
static void test_display_safe(void **state)
{
	(void)state;
	const char in[] = "a\x1b[31mb\tc\xe2\x80\xae" "d\x7f\xff";
	size_t n;
	char *out = uitext_display(in, sizeof in - 1, 0, NULL, &n);
	assert_int_equal(strlen(out), n);
	assert_null(strchr(out, '\x1b'));
	assert_null(strchr(out, '\t'));
	assert_null(strchr(out, '\x7f'));
	assert_null(strstr(out, "\xe2\x80\xae")); /* RIGHT-TO-LEFT OVERRIDE */
	assert_non_null(strstr(out, "\xef\xbf\xbd")); /* U+FFFD */
	assert_non_null(strstr(out, "[31mb c"));
	free(out);
}

/* ASCII mode: Vietnamese without its marks, đ as d; the map follows. */
static void test_display_ascii_map(void **state)
{
	(void)state;
	const char in[] = "Đàm phán ở Hà Nội";
	size_t map[sizeof in];
	size_t n;
	char *out = uitext_display(in, sizeof in - 1, 1, map, &n);
	assert_string_equal(out, "Dam phan o Ha Noi");
	/* "Hà" starts at byte 14 of the input ("Đàm phán ở " is 14 bytes) */
	size_t ha = (size_t)(strstr(in, "Hà") - in);
	assert_int_equal(map[ha], 11);
	assert_int_equal(map[sizeof in - 1], n);
	free(out);
}

/* Wrapping: at spaces, no line wider than the width, a word longer than
 * the width cut, and a forced break. */
static void test_wrap(void **state)
{
	(void)state;
	const char *s = "Mưa lớn kéo dài khiến nước sông dâng cao";
	uiline *l;
	size_t n = uitext_wrap(s, strlen(s), 12, &l);
	assert_true(n >= 4);
	for (size_t i = 0; i < n; i++) {
		assert_true(l[i].end > l[i].start);
		assert_true(l[i].end - l[i].start <= 3 * 12); /* bytes of 12 columns */
		assert_true(s[l[i].start] != ' ');
	}
	assert_int_equal(l[n - 1].end, strlen(s));
	free(l);
	const char *w = "abcdefghijklmnopqrstuvwxyz";
	n = uitext_wrap(w, strlen(w), 10, &l);
	assert_int_equal(n, 3);
	assert_int_equal(l[0].end - l[0].start, 10);
	free(l);
	const char *f = "one\ntwo";
	n = uitext_wrap(f, strlen(f), 40, &l);
	assert_int_equal(n, 2);
	free(l);
	n = uitext_wrap("", 0, 10, &l);
	assert_int_equal(n, 1);
	free(l);
}

/* Cursor moves step over a whole grapheme (a letter with its marks). */
static void test_graphemes(void **state)
{
	(void)state;
	const char s[] = "a" "e\xcc\x81" "b"; /* a, e + combining acute, b */
	size_t n = sizeof s - 1;
	assert_int_equal(uitext_next_grapheme(s, n, 0), 1);
	assert_int_equal(uitext_next_grapheme(s, n, 1), 4);
	assert_int_equal(uitext_prev_grapheme(s, 4), 1);
	assert_int_equal(uitext_prev_grapheme(s, 1), 0);
	assert_int_equal(uitext_next_grapheme(s, n, n), n);
	assert_int_equal(uitext_prev_grapheme(s, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_display_safe),
	    cmocka_unit_test(test_display_ascii_map),
	    cmocka_unit_test(test_wrap),
	    cmocka_unit_test(test_graphemes),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
