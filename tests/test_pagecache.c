/* test_pagecache.c: the article list's paging cache (ui/pagecache.c) on
 * synthetic lists, its fetch counted and logged: walking down and up
 * fetches each page once, End, Home and a far key fetch a page or two
 * and not what lies between, the rows held stay bounded, and an empty
 * list, a list that shrank between fetches (the store changed) and
 * backward paging keep every row at its index in list order. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "pagecache.h"
#include "util.h"

/* The count while it is not known, as the list has it. */
#define COUNT_UNKNOWN (INT64_MAX / 4)
/* Rows on the screen the tests move over. */
#define SCREEN 20

/* A list in a store: ids in list order (newest first: descending). */
typedef struct synth {
	int64_t *ids;
	int n;
	const pagecache *cache; /* to see what it holds when it asks */
	int calls;              /* fetches asked for */
	int most_held;          /* the most rows held when a fetch was asked */
	int64_t *after;         /* each fetch's key (0: none), backward or not */
	int *backward;
	int log_cap;
} synth;

/* A list of n rows whose ids leave gaps (rows can be taken out). */
static void synth_init(synth *d, int n)
{
	memset(d, 0, sizeof *d);
	d->n = n;
	d->ids = xcalloc((size_t)n + 1, sizeof *d->ids);
	for (int i = 0; i < n; i++)
		d->ids[i] = 2 * (int64_t)(n - i);
	d->log_cap = 4096;
	d->after = xcalloc((size_t)d->log_cap, sizeof *d->after);
	d->backward = xcalloc((size_t)d->log_cap, sizeof *d->backward);
}

static void synth_free(synth *d)
{
	free(d->ids);
	free(d->after);
	free(d->backward);
}

/* Takes rows [from, to) out of the list (another process deleted them). */
static void synth_remove(synth *d, int from, int to)
{
	memmove(d->ids + from, d->ids + to, (size_t)(d->n - to) * sizeof *d->ids);
	d->n -= to - from;
}

/* The position of the first row after key in list order. */
static int synth_after(const synth *d, const query_key *key)
{
	int i = 0;
	while (i < d->n && d->ids[i] >= key->id)
		i++;
	return i;
}

/* The cache's fetch: query_page's contract on the synthetic list. */
static int synth_fetch(void *ctx, const query_key *after, int backward, int limit, article_row *out)
{
	synth *d = ctx;
	assert_true(d->calls < d->log_cap);
	d->after[d->calls] = after ? after->id : 0;
	d->backward[d->calls] = backward;
	d->calls++;
	if (d->cache && d->cache->n > d->most_held)
		d->most_held = d->cache->n;
	int lo, hi;
	if (!backward) {
		lo = after ? synth_after(d, after) : 0;
		hi = lo + limit < d->n ? lo + limit : d->n;
	} else {
		/* Rows before key: those whose id is above key's. */
		hi = 0;
		if (!after)
			hi = d->n;
		else
			while (hi < d->n && d->ids[hi] > after->id)
				hi++;
		lo = hi - limit > 0 ? hi - limit : 0;
	}
	for (int i = lo; i < hi; i++) {
		article_row *r = &out[i - lo];
		char title[32];
		snprintf(title, sizeof title, "row %lld", (long long)d->ids[i]);
		memset(r, 0, sizeof *r);
		r->id = d->ids[i];
		r->key.id = d->ids[i];
		strcpy(r->key.sortdate, "2024-05-01");
		strcpy(r->date, "2024-05-01");
		r->title = xstrdup(title);
	}
	return hi - lo;
}

/* Whether a fetch with the same key and direction was asked twice. */
static int synth_repeated(const synth *d, int from)
{
	for (int i = from; i < d->calls; i++)
		for (int j = from; j < i; j++)
			if (d->after[i] == d->after[j] && d->backward[i] == d->backward[j])
				return 1;
	return 0;
}

/* Shows the screen from top with the cursor at cur, as the list's
 * settle does; *count learns the end when the rows run out. */
static void show(pagecache *c, int64_t *count, int64_t top, int64_t cur)
{
	int64_t end = pagecache_ensure(c, top, top + SCREEN, *count, cur);
	if (end >= 0)
		*count = end;
	if (!pagecache_row(c, cur) && *count) {
		end = pagecache_ensure(c, cur, cur + 1, *count, cur);
		if (end >= 0)
			*count = end;
	}
	pagecache_trim(c, cur);
}

/* Every row of the screen from top is cached and is the list's row at
 * its index; the cache is bounded. */
static void assert_screen(pagecache *c, const synth *d, int64_t count, int64_t top)
{
	for (int64_t i = top; i < top + SCREEN && i < count; i++) {
		const article_row *r = pagecache_row(c, i);
		assert_non_null(r);
		assert_int_equal(r->id, d->ids[i]);
	}
	assert_true(c->n <= PAGECACHE_KEEP);
	assert_true(c->cap <= PAGECACHE_KEEP + 2 * PAGECACHE_PAGE);
}

/* Moves the cursor to cur, the screen following as less's does. */
static void move_to(pagecache *c, const synth *d, int64_t *count, int64_t *top, int64_t cur)
{
	if (cur < *top)
		*top = cur;
	if (cur >= *top + SCREEN)
		*top = cur - SCREEN + 1;
	show(c, count, *top, cur);
	assert_screen(c, d, *count, *top);
}

/* Down the whole list a row at a time, then back up: each page is
 * fetched once each way, in the direction of the walk, and rows held
 * never pass the bound. */
static void test_walk(void **state)
{
	(void)state;
	synth d;
	synth_init(&d, 10000);
	pagecache c;
	pagecache_init(&c, synth_fetch, &d);
	d.cache = &c;
	int64_t count = d.n, top = 0;
	for (int64_t cur = 0; cur < d.n; cur++)
		move_to(&c, &d, &count, &top, cur);
	assert_int_equal(d.calls, (d.n + PAGECACHE_PAGE - 1) / PAGECACHE_PAGE);
	for (int i = 0; i < d.calls; i++)
		assert_int_equal(d.backward[i], 0);
	assert_false(synth_repeated(&d, 0));
	int down = d.calls;
	for (int64_t cur = d.n - 1; cur >= 0; cur--)
		move_to(&c, &d, &count, &top, cur);
	/* Up: the rows dropped behind the cursor, a page at a time. */
	int up = d.calls - down;
	assert_true(up >= (d.n - PAGECACHE_KEEP) / PAGECACHE_PAGE);
	assert_true(up <= (d.n - PAGECACHE_KEEP) / PAGECACHE_PAGE + 2);
	for (int i = down; i < d.calls; i++)
		assert_int_equal(d.backward[i], 1);
	assert_false(synth_repeated(&d, down));
	assert_true(d.most_held <= PAGECACHE_KEEP);
	assert_int_equal(count, d.n);
	pagecache_free(&c);
	synth_free(&d);
}

/* Up and down across page boundaries, again and again, with the cache
 * full (deep in the list): nothing fetched after the first time. */
static void test_boundary(void **state)
{
	(void)state;
	synth d;
	synth_init(&d, 5000);
	pagecache c;
	pagecache_init(&c, synth_fetch, &d);
	int64_t count = d.n, top = 0;
	int64_t lo = 15 * PAGECACHE_PAGE - 10, hi = 16 * PAGECACHE_PAGE + 10;
	for (int64_t cur = 0; cur <= hi; cur++)
		move_to(&c, &d, &count, &top, cur);
	for (int64_t cur = hi; cur >= lo; cur--)
		move_to(&c, &d, &count, &top, cur);
	int calls = d.calls;
	for (int round = 0; round < 50; round++) {
		for (int64_t cur = lo; cur <= hi; cur++)
			move_to(&c, &d, &count, &top, cur);
		for (int64_t cur = hi; cur >= lo; cur--)
			move_to(&c, &d, &count, &top, cur);
	}
	assert_int_equal(d.calls, calls);
	assert_int_equal(c.n, PAGECACHE_KEEP); /* full: trimming had to choose */
	pagecache_free(&c);
	synth_free(&d);
}

/* End, Home and a far key: a page or two each, never the rows between. */
static void test_jumps(void **state)
{
	(void)state;
	synth d;
	synth_init(&d, 100000);
	pagecache c;
	pagecache_init(&c, synth_fetch, &d);
	int64_t count = d.n, top = 0;
	move_to(&c, &d, &count, &top, 0);
	assert_int_equal(d.calls, 1);

	/* End: one backward page from the end. */
	pagecache_last(&c, count);
	assert_int_equal(d.calls, 2);
	assert_int_equal(d.after[1], 0);
	assert_int_equal(d.backward[1], 1);
	top = count - SCREEN;
	move_to(&c, &d, &count, &top, count - 1);
	assert_int_equal(d.calls, 2);
	/* Up across the page before: one more page. */
	for (int64_t cur = count - 1; cur >= count - PAGECACHE_PAGE - 10; cur--)
		move_to(&c, &d, &count, &top, cur);
	assert_int_equal(d.calls, 3);

	/* Home: the first page again, not a walk back. */
	top = 0;
	move_to(&c, &d, &count, &top, 0);
	assert_int_equal(d.calls, 4);
	assert_int_equal(d.after[3], 0);
	assert_int_equal(d.backward[3], 0);

	/* Home from the middle of the list, after a long walk down. */
	for (int64_t cur = 0; cur < 1000; cur++)
		move_to(&c, &d, &count, &top, cur);
	int calls = d.calls;
	move_to(&c, &d, &count, &top, 0);
	assert_int_equal(d.calls, calls + 1);

	/* A far key (the selected article kept when the store changed):
	 * the rows before it, its index from the caller, the page after. */
	calls = d.calls;
	int64_t at = 70000;
	query_key key = {.sortdate = "2024-05-01", .id = d.ids[at]};
	int before = pagecache_before(&c, &key, PAGECACHE_PAGE / 2);
	assert_int_equal(before, PAGECACHE_PAGE / 2);
	pagecache_rebase(&c, at - before);
	pagecache_extend_forward(&c);
	assert_int_equal(d.calls, calls + 2);
	top = at - SCREEN / 2;
	move_to(&c, &d, &count, &top, at);
	assert_int_equal(d.calls, calls + 2);
	pagecache_free(&c);
	synth_free(&d);
}

/* An empty list, known or not yet counted: no rows, no loop. */
static void test_empty(void **state)
{
	(void)state;
	synth d;
	synth_init(&d, 0);
	pagecache c;
	pagecache_init(&c, synth_fetch, &d);
	int64_t count = 0;
	show(&c, &count, 0, 0);
	assert_int_equal(d.calls, 0); /* a known empty list is not asked */
	assert_null(pagecache_row(&c, 0));
	count = COUNT_UNKNOWN;
	assert_int_equal(pagecache_ensure(&c, 0, SCREEN, count, 0), 0);
	assert_int_equal(d.calls, 1);
	assert_int_equal(c.n, 0);
	assert_null(pagecache_row(&c, 0));
	pagecache_last(&c, 0);
	assert_int_equal(c.n, 0);
	assert_int_equal(c.base, 0);
	query_key key = {.sortdate = "2024-05-01", .id = 5};
	assert_int_equal(pagecache_before(&c, &key, PAGECACHE_PAGE / 2), 0);
	assert_int_equal(c.n, 0);
	pagecache_free(&c);
	synth_free(&d);
}

/* A count not known yet: the end of the rows gives it. */
static void test_unknown_count(void **state)
{
	(void)state;
	synth d;
	synth_init(&d, 150);
	pagecache c;
	pagecache_init(&c, synth_fetch, &d);
	int64_t count = COUNT_UNKNOWN, top = 0;
	move_to(&c, &d, &count, &top, 0);
	assert_int_equal(count, COUNT_UNKNOWN);
	for (int64_t cur = 1; cur < 200 && cur < count; cur++)
		move_to(&c, &d, &count, &top, cur);
	assert_int_equal(count, 150);
	pagecache_free(&c);
	synth_free(&d);
}

/* The list shrank between fetches (another process deleted articles):
 * paging down meets the end early and says where it is; paging up runs
 * out of rows before index 0, and what is cached then starts the list. */
static void test_shrinking(void **state)
{
	(void)state;
	synth d;
	synth_init(&d, 1000);
	pagecache c;
	pagecache_init(&c, synth_fetch, &d);
	int64_t count = d.n, top = 0;
	move_to(&c, &d, &count, &top, 0);
	synth_remove(&d, 100, 1000);
	int64_t end = pagecache_ensure(&c, 480, 500, count, 499);
	assert_int_equal(end, 100);
	for (int64_t i = 0; i < 100; i++)
		assert_int_equal(pagecache_row(&c, i)->id, d.ids[i]);
	assert_null(pagecache_row(&c, 100));

	/* Deep in the list, rows before those held go: walking up, the
	 * backward pages run out before index 0, and what is held then
	 * starts the list (the count stays the old one until the list
	 * reloads, as it does when it sees the store change). */
	synth_free(&d);
	synth_init(&d, 1000);
	pagecache_clear(&c);
	count = d.n;
	top = 0;
	for (int64_t cur = 0; cur <= 700; cur++)
		move_to(&c, &d, &count, &top, cur);
	assert_true(c.base > 300);
	synth_remove(&d, 0, 300);
	/* Up to just past the old row 300 (not far enough for a new start,
	 * as Home is): the page before it is not there. */
	for (int64_t cur = 700; cur >= 280; cur--) {
		if (cur < top)
			top = cur;
		show(&c, &count, top, cur);
	}
	assert_true(c.n >= SCREEN);
	for (int64_t i = c.base; i < c.base + c.n; i++)
		assert_int_equal(pagecache_row(&c, i)->id, d.ids[i]);
	assert_true(c.n <= PAGECACHE_KEEP);
	for (int64_t cur = 279; cur >= 0; cur--)
		move_to(&c, &d, &count, &top, cur);
	pagecache_free(&c);
	synth_free(&d);
}

/* Paging backward from the end puts each page before the rows held, in
 * list order, every row at its index. */
static void test_backward_order(void **state)
{
	(void)state;
	synth d;
	synth_init(&d, 1000);
	pagecache c;
	pagecache_init(&c, synth_fetch, &d);
	pagecache_last(&c, d.n);
	assert_int_equal(c.base, d.n - PAGECACHE_PAGE);
	assert_int_equal(pagecache_ensure(&c, d.n - 3 * PAGECACHE_PAGE - 7, d.n, d.n, d.n - 1), -1);
	assert_int_equal(d.calls, 4); /* the end's page and three before */
	assert_true(c.base <= d.n - 3 * PAGECACHE_PAGE - 7);
	for (int i = 0; i < c.n; i++) {
		assert_int_equal(c.rows[i].id, d.ids[c.base + i]);
		if (i)
			assert_true(c.rows[i].id < c.rows[i - 1].id);
	}
	pagecache_free(&c);
	synth_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_walk),
	    cmocka_unit_test(test_boundary),
	    cmocka_unit_test(test_jumps),
	    cmocka_unit_test(test_empty),
	    cmocka_unit_test(test_unknown_count),
	    cmocka_unit_test(test_shrinking),
	    cmocka_unit_test(test_backward_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
