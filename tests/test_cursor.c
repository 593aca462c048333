/* test_cursor.c: the one movement logic of list-like panes (ui/cursor.c):
 * the cursor stays in the list and on screen, pages move cursor and screen
 * together, the end of the list never leaves blank rows, and an empty list
 * is no trouble. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "cursor.h"

/* Down and up stay inside the list and scroll it one row at a time. */
static void test_lines(void **state)
{
	(void)state;
	cursor c = {0, 0};
	assert_int_equal(cursor_move(&c, ACT_UP, 100, 10), 1);
	assert_int_equal(c.cur, 0);
	for (int i = 0; i < 10; i++)
		cursor_move(&c, ACT_DOWN, 100, 10);
	assert_int_equal(c.cur, 10);
	assert_int_equal(c.top, 1); /* the cursor's row is the last on screen */
	c = (cursor){99, 90};
	cursor_move(&c, ACT_DOWN, 100, 10);
	assert_int_equal(c.cur, 99);
	assert_int_equal(c.top, 90);
}

/* A page moves cursor and screen by a screen less one row; top and bottom
 * go to the ends; the last page is full. */
static void test_pages(void **state)
{
	(void)state;
	cursor c = {3, 0};
	cursor_move(&c, ACT_PAGE_DOWN, 100, 10);
	assert_int_equal(c.cur, 12);
	assert_int_equal(c.top, 9);
	cursor_move(&c, ACT_PAGE_UP, 100, 10);
	assert_int_equal(c.cur, 3);
	assert_int_equal(c.top, 0);
	cursor_move(&c, ACT_BOTTOM, 100, 10);
	assert_int_equal(c.cur, 99);
	assert_int_equal(c.top, 90);
	cursor_move(&c, ACT_PAGE_DOWN, 100, 10);
	assert_int_equal(c.cur, 99);
	assert_int_equal(c.top, 90); /* no blank rows past the end */
	cursor_move(&c, ACT_TOP, 100, 10);
	assert_int_equal(c.cur, 0);
	assert_int_equal(c.top, 0);
}

/* Lists shorter than the screen, empty lists and a list that shrank. */
static void test_short_lists(void **state)
{
	(void)state;
	cursor c = {0, 0};
	cursor_move(&c, ACT_BOTTOM, 4, 10);
	assert_int_equal(c.cur, 3);
	assert_int_equal(c.top, 0);
	c = (cursor){5, 2};
	cursor_move(&c, ACT_DOWN, 0, 10);
	assert_int_equal(c.cur, 0);
	assert_int_equal(c.top, 0);
	c = (cursor){50, 45};
	cursor_settle(&c, 20, 10); /* the list shrank under the cursor */
	assert_int_equal(c.cur, 19);
	assert_int_equal(c.top, 10);
	/* a screen of no rows is taken as one */
	c = (cursor){0, 0};
	cursor_move(&c, ACT_PAGE_DOWN, 10, 0);
	assert_int_equal(c.cur, 1);
	assert_int_equal(c.top, 1);
}

/* Other actions are not movements and change nothing. */
static void test_not_movement(void **state)
{
	(void)state;
	cursor c = {5, 2};
	assert_int_equal(cursor_move(&c, ACT_OPEN, 100, 10), 0);
	assert_int_equal(cursor_move(&c, ACT_QUIT, 100, 10), 0);
	assert_int_equal(c.cur, 5);
	assert_int_equal(c.top, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lines),
	    cmocka_unit_test(test_pages),
	    cmocka_unit_test(test_short_lists),
	    cmocka_unit_test(test_not_movement),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
