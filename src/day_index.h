/* day_index.h: each article's date cut to the day, as a number per
 * article id into the store's distinct days in order, so that a timeline
 * of a big result set counts its bitmap's articles into days instead of
 * walking the date index (timeline.c). Made on first use (one pass over
 * the date index), kept with the connection, shared with the process's
 * other connections to the same store (the interface's workers) while
 * one holds it, and made again when the store has changed since
 * (day_index_get). */
#ifndef LEDE_DAY_INDEX_H
#define LEDE_DAY_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

/* What day[] holds for an id besides a day. */
enum {
	DAY_NONE = 0,    /* no article has the id */
	DAY_UNDATED = 1, /* an article without a date */
	DAY_FIRST = 2    /* day[id] - DAY_FIRST: the index into days */
};

typedef struct day_index {
	int64_t max;       /* the highest id day[] covers */
	uint32_t *day;     /* ids 0..max */
	char (*days)[11];  /* the distinct dates cut to the day ("2022-05-01";
	                    * coarser ones whole: "2022-05", "2022"), in the
	                    * date index's order */
	size_t n_days;
	/* What it was made of: the store's file and count of commits
	 * (store_commit's; with max, what says the articles changed). */
	char *path;
	int64_t commits;
	int refs;          /* connections holding it (day_index_release) */
} day_index;

/* The store's day index: the connection's own when the store has not
 * changed since it was made (its count of commits and newest id are the
 * same), else another connection's that is current, else a new one.
 * Held by the store until store_close or the next change. Call inside a
 * read transaction, so that it matches the caller's other reads. NULL
 * with *err on a database error. */
const day_index *day_index_get(store *s, char **err);

/* Lets go of a connection's hold on an index (store_close does it for
 * the store's); the last one frees it. NULL is fine. */
void day_index_release(day_index *x);

#endif
