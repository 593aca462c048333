/* pagecache.h: the article list's rows around the cursor. The list
 * never holds a whole result: pages of rows are fetched by key around
 * the rows wanted and dropped again far from the cursor, so moving costs
 * the same at row 10 and row 900,000 and memory stays bounded. The fetch
 * is a function the list gives (query_page on its filter), curses-free
 * so that the cache is unit-tested with synthetic rows. */
#ifndef LEDE_PAGECACHE_H
#define LEDE_PAGECACHE_H

#include <stdint.h>

#include "query.h"

/* Rows fetched per page, and the most rows kept around the cursor. */
#define PAGECACHE_PAGE 64
#define PAGECACHE_KEEP (4 * PAGECACHE_PAGE)

/* Fills up to limit rows after `after` (NULL: from the first row) in list
 * order, or before it when backward is set (still in list order), as
 * query_page does. Returns the rows filled; on an error the fetch
 * reports it itself and returns 0 (the cache then sees an end). */
typedef int (*pagecache_fetch)(void *ctx, const query_key *after, int backward, int limit,
                               article_row *out);

typedef struct pagecache {
	article_row *rows; /* rows[i] is the row at index base + i */
	int n, cap;
	int64_t base;
	pagecache_fetch fetch;
	void *ctx;
} pagecache;

/* An empty cache whose pages come from fetch(ctx, ...). */
void pagecache_init(pagecache *c, pagecache_fetch fetch, void *ctx);
/* Drops every row (the cache stays usable); _free also its memory. */
void pagecache_clear(pagecache *c);
void pagecache_free(pagecache *c);

/* The cached row at index i, or NULL. */
article_row *pagecache_row(pagecache *c, int64_t i);

/* Makes sure rows [lo, hi) of a list of count rows are cached as far as
 * they exist, the cursor at cur (the side away from it is dropped first).
 * Returns the count when the rows ran out before it (the list is shorter
 * than count: the store changed, or count was not known yet), else -1. */
int64_t pagecache_ensure(pagecache *c, int64_t lo, int64_t hi, int64_t count, int64_t cur);

/* Drops rows far from the cursor down to PAGECACHE_KEEP. */
void pagecache_trim(pagecache *c, int64_t cur);

/* Holds only the last page of a list of count rows (End): one backward
 * fetch from the end, whatever lies between. */
void pagecache_last(pagecache *c, int64_t count);

/* Holds only the rows just before key, up to limit of them, at index 0
 * until the caller knows theirs (pagecache_rebase). Returns how many. */
int pagecache_before(pagecache *c, const query_key *key, int limit);

/* Sets the index of the first cached row (at least 0). */
void pagecache_rebase(pagecache *c, int64_t base);

/* Appends the page after the last cached row (or the first page);
 * returns the rows added. */
int pagecache_extend_forward(pagecache *c);

#endif
