/* pagecache.c: the article list's rows around the cursor, paged by key
 * (see pagecache.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "pagecache.h"
#include "util.h"

/* See pagecache.h. */
void pagecache_init(pagecache *c, pagecache_fetch fetch, void *ctx)
{
	memset(c, 0, sizeof *c);
	c->fetch = fetch;
	c->ctx = ctx;
}

/* See pagecache.h. */
void pagecache_clear(pagecache *c)
{
	for (int i = 0; i < c->n; i++)
		article_row_free(&c->rows[i]);
	c->n = 0;
}

/* See pagecache.h. */
void pagecache_free(pagecache *c)
{
	pagecache_clear(c);
	free(c->rows);
	c->rows = NULL;
	c->cap = 0;
}

/* Fetches a page into a new array of limit rows; returns the rows got. */
static int fetch_page(pagecache *c, const query_key *after, int backward, int limit,
                      article_row **out)
{
	*out = xcalloc((size_t)limit, sizeof **out);
	int got = c->fetch(c->ctx, after, backward, limit, *out);
	return got > 0 ? got : 0;
}

/* Makes room for `more` rows (an array even for none: memcpy's
 * pointers may not be NULL). */
static void reserve(pagecache *c, int more)
{
	if (!c->rows || c->n + more > c->cap) {
		c->cap = c->n + more + PAGECACHE_PAGE;
		c->rows = xrealloc(c->rows, (size_t)c->cap * sizeof *c->rows);
	}
}

/* See pagecache.h. */
int pagecache_extend_forward(pagecache *c)
{
	article_row *page;
	int got = fetch_page(c, c->n ? &c->rows[c->n - 1].key : NULL, 0, PAGECACHE_PAGE, &page);
	reserve(c, got);
	memcpy(c->rows + c->n, page, (size_t)got * sizeof *page);
	c->n += got;
	free(page);
	return got;
}

/* Prepends the page before the first cached row; returns rows added. */
static int extend_backward(pagecache *c)
{
	if (!c->n)
		return 0;
	article_row *page;
	int got = fetch_page(c, &c->rows[0].key, 1, PAGECACHE_PAGE, &page);
	reserve(c, got);
	memmove(c->rows + got, c->rows, (size_t)c->n * sizeof *c->rows);
	memcpy(c->rows, page, (size_t)got * sizeof *page);
	c->n += got;
	c->base -= got;
	free(page);
	return got;
}

/* See pagecache.h. */
void pagecache_trim(pagecache *c, int64_t cur)
{
	while (c->n > PAGECACHE_KEEP) {
		int64_t ahead = c->base + c->n - cur, behind = cur - c->base;
		int drop = PAGECACHE_PAGE;
		if (ahead > behind) {
			for (int i = c->n - drop; i < c->n; i++)
				article_row_free(&c->rows[i]);
			c->n -= drop;
		} else {
			for (int i = 0; i < drop; i++)
				article_row_free(&c->rows[i]);
			memmove(c->rows, c->rows + drop, (size_t)(c->n - drop) * sizeof *c->rows);
			c->n -= drop;
			c->base += drop;
		}
	}
}

/* See pagecache.h. */
int64_t pagecache_ensure(pagecache *c, int64_t lo, int64_t hi, int64_t count, int64_t cur)
{
	if (lo < 0)
		lo = 0;
	if (hi > count)
		hi = count;
	/* Far back towards the start (g, Home): paging backward there would
	 * walk and hold every row between; the start is one page away. */
	if (c->n && lo < c->base - PAGECACHE_PAGE && lo < PAGECACHE_KEEP)
		pagecache_clear(c);
	if (c->n == 0 && count > 0) {
		c->base = 0;
		if (!pagecache_extend_forward(c))
			return 0;
	}
	/* Long walks (a store change, a big jump) keep the cache bounded:
	 * trimming drops the rows on the side away from the cursor. */
	while (lo < c->base) {
		if (!extend_backward(c)) {
			/* The store changed under us: what is cached starts the list. */
			c->base = 0;
			break;
		}
		pagecache_trim(c, cur);
	}
	while (hi > c->base + c->n) {
		if (!pagecache_extend_forward(c))
			return c->base + c->n; /* the end: the count is known */
		pagecache_trim(c, cur);
	}
	return -1;
}

/* See pagecache.h. */
article_row *pagecache_row(pagecache *c, int64_t i)
{
	if (i < c->base || i >= c->base + c->n)
		return NULL;
	return &c->rows[i - c->base];
}

/* Holds only the page fetched after (backward or not) at index base. */
static int replace(pagecache *c, const query_key *after, int backward, int limit)
{
	pagecache_clear(c);
	article_row *page;
	int got = fetch_page(c, after, backward, limit, &page);
	reserve(c, got);
	memcpy(c->rows, page, (size_t)got * sizeof *page);
	free(page);
	c->n = got;
	c->base = 0;
	return got;
}

/* See pagecache.h. */
void pagecache_last(pagecache *c, int64_t count)
{
	int got = replace(c, NULL, 1, PAGECACHE_PAGE);
	pagecache_rebase(c, count - got);
}

/* See pagecache.h. */
int pagecache_before(pagecache *c, const query_key *key, int limit)
{
	return replace(c, key, 1, limit);
}

/* See pagecache.h. */
void pagecache_rebase(pagecache *c, int64_t base)
{
	c->base = base < 0 ? 0 : base;
}
