/* day_index.h: each article's date cut to the day, as a number per
 * article id into the store's distinct days in order, so that a timeline
 * of a big result set counts its bitmap's articles into days instead of
 * walking the date index (timeline.c). Made on a connection's first use
 * (one pass over the date index), kept with the connection and made again
 * when the store has changed since (day_index_get). */
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
	int64_t version, commits; /* the store's when made (staleness) */
} day_index;

/* The store's day index, made when it has none or the store changed
 * since (another connection's commit, or this one's store_commit). Owned by
 * the store (freed by store_close). Call inside a read transaction, so
 * that it matches the caller's other reads. NULL with *err on a
 * database error. */
const day_index *day_index_get(store *s, char **err);

/* Frees an index (store_close does it for the store's). */
void day_index_free(day_index *x);

#endif
