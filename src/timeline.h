/* timeline.h: how many articles of a result set fall in each day, week,
 * month or year: the interface's timeline strip and `lede timeline`. */
#ifndef LEDE_TIMELINE_H
#define LEDE_TIMELINE_H

#include <stdint.h>

#include "query.h"
#include "store.h"

typedef enum timeline_by {
	TIMELINE_AUTO = 0, /* chosen from the range the articles span */
	TIMELINE_DAY,
	TIMELINE_WEEK,     /* weeks start on Monday, named by that day */
	TIMELINE_MONTH,
	TIMELINE_YEAR
} timeline_by;

/* One period: its name ("2022", "2022-05", "2022-05-02") and the
 * dates it covers (ISO, inclusive: what --since and --until take). */
typedef struct timeline_period {
	char name[11];
	char first[11], last[11];
	int64_t articles;
} timeline_period;

typedef struct timeline {
	timeline_by by;           /* as chosen when asked for TIMELINE_AUTO */
	timeline_period *periods; /* every period from the first article's to
	                           * the last one's, empty ones included */
	size_t n;
	char first_date[17], last_date[17]; /* the oldest and newest date, "" */
	int64_t undated;   /* articles without a date */
	int64_t imprecise; /* dated less precisely than a period (a month's
	                    * article in a timeline by day) */
} timeline;

/* At most this many periods: a timeline by day over decades says
 * nothing a timeline by month does not. */
#define TIMELINE_MAX_PERIODS 20000

/* The timeline of the articles f lets through. Returns 0, or -1 with
 * *err (a malformed search; more than TIMELINE_MAX_PERIODS periods). */
int query_timeline(store *s, const query_filter *f, timeline_by by, timeline *out, char **err);
void timeline_free(timeline *t);

/* Names: "day", "week", "month", "year" (and "auto" for parsing).
 * Parsing returns -1 for an unknown name. */
const char *timeline_by_name(timeline_by by);
int timeline_by_parse(const char *name);

/* The period of an ISO date (as stored) in t, or -1 when it has none
 * (undated, too imprecise, out of range). */
long timeline_find(const timeline *t, const char *date);

#endif
