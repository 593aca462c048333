/* timeline.c: articles per period of a result set (see timeline.h).
 *
 * One pass over the date index in order, each article tested against
 * the filter's bitmap (query_bits.c), counts the articles per day; the
 * days make the periods; then the periods between the first and the last
 * are filled in, empty ones included, so that a sparkline shows the
 * gaps. Dates are ISO strings to the precision found, so a
 * period is a prefix of them (a week: the Monday on or before the day,
 * by SQLite's date functions); an article dated less precisely than the
 * period is counted apart (imprecise), as are undated ones. */
#include "config.h"

#include "timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "day_index.h"
#include "query_int.h"

/* What each kind of period needs: the SQL that names an article's period,
 * the date length it needs, the step to the next period. */
static const struct {
	const char *name;
	const char *expr;
	int need; /* characters of a.date */
	const char *step;
} kinds[] = {
    [TIMELINE_AUTO] = {"auto", NULL, 0, NULL},
    [TIMELINE_DAY] = {"day", "substr(a.date, 1, 10)", 10, "+1 day"},
    [TIMELINE_WEEK] = {"week", "date(substr(a.date, 1, 10), '-6 days', 'weekday 1')", 10, "+7 days"},
    [TIMELINE_MONTH] = {"month", "substr(a.date, 1, 7)", 7, "+1 month"},
    [TIMELINE_YEAR] = {"year", "substr(a.date, 1, 4)", 4, "+1 year"},
};

/* See timeline.h. */
const char *timeline_by_name(timeline_by by)
{
	return kinds[by].name;
}

/* See timeline.h. */
int timeline_by_parse(const char *name)
{
	for (int i = 0; i < (int)(sizeof kinds / sizeof kinds[0]); i++)
		if (strcmp(name, kinds[i].name) == 0)
			return i;
	return -1;
}

/* The first date of a period named name ("2022" -> "2022-01-01"). */
static void period_start(const char *name, char out[11])
{
	size_t n = strlen(name);
	char buf[24];
	snprintf(buf, sizeof buf, "%.10s%s", name, n == 4 ? "-01-01" : n == 7 ? "-01" : "");
	memcpy(out, buf, 10);
	out[10] = '\0';
}

/* The result set's articles per date as stored, cut to the day (dates
 * coarser kept whole), in date order. */
typedef struct date_count {
	char d[11];
	unsigned char len; /* of d */
	int64_t n;
} date_count;

typedef struct dates {
	date_count *v;
	size_t n, cap;
	int64_t undated;
	char first[17], last[17]; /* the oldest and newest dates, whole */
} dates;

/* Appends a count of n articles on day (a date cut to the day) to d. */
static void add_day(dates *d, const char *day, size_t len, int64_t n)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 256;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	date_count *c = &d->v[d->n++];
	memcpy(c->d, day, len);
	c->d[len] = '\0';
	c->len = (unsigned char)len;
	c->n = n;
}

/* Counts the rows of st (id, date; in date order) per day. */
static int count_rows(sqlite3_stmt *st, dates *d)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *date = (const char *)sqlite3_column_text(st, 1);
		size_t len = (size_t)sqlite3_column_bytes(st, 1);
		if (!date || !len) {
			d->undated++;
			continue;
		}
		size_t whole = len < sizeof d->last - 1 ? len : sizeof d->last - 1;
		if (!d->first[0]) {
			memcpy(d->first, date, whole);
			d->first[whole] = '\0';
		}
		memcpy(d->last, date, whole);
		d->last[whole] = '\0';
		size_t cut = len < 10 ? len : 10;
		date_count *prev = d->n ? &d->v[d->n - 1] : NULL;
		if (prev && prev->len == cut && memcmp(prev->d, date, cut) == 0)
			prev->n++;
		else
			add_day(d, date, cut, 1);
	}
	return rc;
}

/* True when bits (NULL: every article) has id, up to max. */
static int in_set(const uint64_t *bits, int64_t max, int64_t id)
{
	return !bits || (id >= 0 && id <= max && ((bits[id >> 6] >> (id & 63)) & 1));
}

/* The whole date (time included) of the set's first article on day, or
 * with newest its last, into out: the day index keeps only days. The
 * date index is read from that day on until an article of the set: a
 * day's articles at most. 0, or -1 on a database error. */
static int date_at_end(store *s, const uint64_t *bits, int64_t max, const char *day, int newest,
                       char out[17])
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
	                       newest ? "SELECT id, date FROM article INDEXED BY article_date"
	                                " WHERE date < ?1 || char(127) ORDER BY date DESC, id DESC"
	                              : "SELECT id, date FROM article INDEXED BY article_date"
	                                " WHERE date >= ?1 ORDER BY date, id",
	                       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, day, -1, SQLITE_STATIC);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (in_set(bits, max, sqlite3_column_int64(st, 0))) {
			snprintf(out, 17, "%s", (const char *)sqlite3_column_text(st, 1));
			break;
		}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

/* Counts a big set's articles (bits; NULL: all) per day on the store's
 * day index (day_index.h): each id of the set looked up, no pass over
 * the date index once the connection has made it. 0, or -1 with *err. */
static int count_by_index(store *s, const uint64_t *bits, int64_t max, dates *d, char **err)
{
	const day_index *x = day_index_get(s, err);
	if (!x)
		return -1;
	int64_t *n = xcalloc(x->n_days + DAY_FIRST, sizeof *n);
	int64_t top = x->max < max ? x->max : max;
	if (bits) {
		size_t words = (size_t)(top >> 6) + 1;
		for (size_t w = 0; w < words; w++)
			for (uint64_t b = bits[w]; b; b &= b - 1) {
				int64_t id = (int64_t)(w << 6) + __builtin_ctzll(b);
				if (id > top)
					break;
				n[x->day[id]]++;
			}
	} else {
		for (int64_t id = 0; id <= top; id++)
			n[x->day[id]]++;
	}
	d->undated = n[DAY_UNDATED];
	for (size_t k = 0; k < x->n_days; k++)
		if (n[k + DAY_FIRST])
			add_day(d, x->days[k], strlen(x->days[k]), n[k + DAY_FIRST]);
	free(n);
	if (d->n && (date_at_end(s, bits, top, d->v[0].d, 0, d->first) < 0 ||
	             date_at_end(s, bits, top, d->v[d->n - 1].d, 1, d->last) < 0)) {
		*err = xasprintf("timeline: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	return 0;
}

/* Counts the articles f lets through per date: a small set (under a
 * twentieth of the store) by its own rows, sorted (a rare entity's
 * hundred articles need nothing of the other million); a bigger one by
 * its bitmap (query_bits.c; its common entities tested on the doc
 * values) on the day index (the most common entity of a million: 5 s by
 * SQL's GROUP BY, 0.25 s by a pass over the date index, a few tens of
 * ms so once the index is made). 0, or -1 with *err. */
static int count_dates(store *s, const query_filter *f, dates *d, char **err)
{
	uint64_t *bits = NULL;
	int64_t max = query_one_int(s, "SELECT coalesce(max(id), 0) FROM article", NULL, NULL, 0);
	if (!filter_is_empty(f)) {
		bits = filter_bitmap_exact(s, f, max, err);
		if (!bits) {
			if (!*err)
				*err = search_error(s, f->search);
			return -1;
		}
	}
	int64_t in = 0;
	if (bits) {
		size_t words = (size_t)(max >> 6) + 1;
		for (size_t w = 0; w < words; w++)
			in += __builtin_popcountll(bits[w]);
	}
	if (!bits || in * 20 >= max) {
		int rc = count_by_index(s, bits, max, d, err);
		free(bits);
		return rc;
	}
	free(bits);
	sql_builder b;
	sqlb_init(&b);
	sb_adds(&b.sql, "SELECT a.id, a.date FROM article a WHERE 1");
	where_filter(s, &b, f, WHERE_SET);
	sb_adds(&b.sql, " ORDER BY a.date, a.id");
	sqlite3_stmt *st = sqlb_prepare(s, &b, err);
	sqlb_free(&b);
	if (!st)
		return -1;
	int rc = count_rows(st, d);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*err = xasprintf("timeline: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	return 0;
}

/* Chooses the kind of period from the span of the dates: days for two
 * months, weeks for a year, months for fifteen years, else years; and
 * months rather than days or weeks when more than a tenth of the dates
 * name only their month (they would be left out). */
static timeline_by choose_by(store *s, const dates *d)
{
	if (!d->n)
		return TIMELINE_MONTH;
	char lo[11], hi[11];
	period_start(d->v[0].d, lo);
	snprintf(hi, sizeof hi, "%s", d->v[d->n - 1].d);
	int64_t dated = 0, coarse = 0;
	for (size_t i = 0; i < d->n; i++) {
		dated += d->v[i].n;
		if (strlen(d->v[i].d) < 10)
			coarse += d->v[i].n;
	}
	double days = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT julianday(substr(?2 || '-12-31', 1, 10)) - julianday(?1)",
	                       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, lo, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, hi, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			days = sqlite3_column_double(st, 0);
		sqlite3_finalize(st);
	}
	timeline_by by = days <= 62 ? TIMELINE_DAY : days <= 366 ? TIMELINE_WEEK
	                 : days <= 366 * 15 ? TIMELINE_MONTH : TIMELINE_YEAR;
	if ((by == TIMELINE_DAY || by == TIMELINE_WEEK) && coarse * 10 > dated)
		by = TIMELINE_MONTH;
	return by;
}

/* See timeline.h. */
int query_timeline(store *s, const query_filter *f, timeline_by by, timeline *out, char **err)
{
	memset(out, 0, sizeof *out);
	*err = NULL;
	dates d = {0};
	/* one snapshot for the bitmap, the day index and the ends */
	int own = sqlite3_get_autocommit(s->db) && store_read_begin(s) == 0;
	int rc = count_dates(s, f, &d, err);
	if (own)
		store_read_end(s);
	if (rc < 0) {
		free(d.v);
		return -1;
	}
	if (by == TIMELINE_AUTO)
		by = choose_by(s, &d);
	out->by = by;
	snprintf(out->first_date, sizeof out->first_date, "%s", d.first);
	snprintf(out->last_date, sizeof out->last_date, "%s", d.last);
	/* An undated article is out of any date range (none are counted). */
	out->undated = d.undated;
	/* The periods that have articles, in order: a date's period is a
	 * prefix of it, a week the Monday on or before its day (asked of
	 * SQLite once per day; the days come in order, so do their weeks). */
	sqlite3_stmt *monday = NULL;
	if (by == TIMELINE_WEEK &&
	    sqlite3_prepare_v2(s->db, "SELECT date(?1, '-6 days', 'weekday 1')", -1, &monday,
	                       NULL) != SQLITE_OK) {
		free(d.v);
		*err = xasprintf("timeline: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	timeline_period *have = NULL;
	size_t nhave = 0, cap = 0;
	size_t need = (size_t)kinds[by].need;
	for (size_t i = 0; i < d.n; i++) {
		const char *date = d.v[i].d;
		if (strlen(date) < need) {
			out->imprecise += d.v[i].n;
			continue;
		}
		char name[11];
		if (monday) {
			sqlite3_reset(monday);
			sqlite3_bind_text(monday, 1, date, -1, SQLITE_STATIC);
			if (sqlite3_step(monday) != SQLITE_ROW || sqlite3_column_type(monday, 0) == SQLITE_NULL)
				continue;
			snprintf(name, sizeof name, "%s", (const char *)sqlite3_column_text(monday, 0));
		} else {
			snprintf(name, sizeof name, "%.*s", (int)need, date);
		}
		if (nhave && strcmp(have[nhave - 1].name, name) == 0) {
			have[nhave - 1].articles += d.v[i].n;
			continue;
		}
		if (nhave == cap) {
			cap = cap ? 2 * cap : 64;
			have = xrealloc(have, cap * sizeof *have);
		}
		timeline_period *p = &have[nhave++];
		memset(p, 0, sizeof *p);
		snprintf(p->name, sizeof p->name, "%s", name);
		p->articles = d.v[i].n;
	}
	sqlite3_finalize(monday);
	free(d.v);
	sqlite3_stmt *st;
	if (!nhave)
		return 0;

	/* Every period from the first to the last, by SQLite's calendar. */
	if (sqlite3_prepare_v2(s->db, "SELECT date(?1, ?2), date(?1, ?2, '-1 day')", -1, &st,
	                       NULL) != SQLITE_OK) {
		free(have);
		*err = xasprintf("timeline: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	char start[11], end[11];
	period_start(have[0].name, start);
	period_start(have[nhave - 1].name, end);
	size_t k = 0, name_len = strlen(have[0].name);
	cap = 0;
	while (strcmp(start, end) <= 0) {
		if (out->n == TIMELINE_MAX_PERIODS) {
			*err = xasprintf("timeline: more than %d periods of a %s; try a longer period "
			                 "(--by month or --by year)",
			                 TIMELINE_MAX_PERIODS, kinds[by].name);
			sqlite3_finalize(st);
			free(have);
			timeline_free(out);
			return -1;
		}
		if (out->n == cap) {
			cap = cap ? 2 * cap : 64;
			out->periods = xrealloc(out->periods, cap * sizeof *out->periods);
		}
		timeline_period *p = &out->periods[out->n++];
		memset(p, 0, sizeof *p);
		snprintf(p->name, sizeof p->name, "%.*s", (int)name_len, start);
		snprintf(p->first, sizeof p->first, "%s", start);
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, start, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, kinds[by].step, -1, SQLITE_STATIC);
		if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL) {
			*err = xasprintf("timeline: no period after %s", start);
			sqlite3_finalize(st);
			free(have);
			timeline_free(out);
			return -1;
		}
		snprintf(p->last, sizeof p->last, "%s", (const char *)sqlite3_column_text(st, 1));
		char next[11];
		snprintf(next, sizeof next, "%s", (const char *)sqlite3_column_text(st, 0));
		if (k < nhave && strcmp(have[k].name, p->name) == 0)
			p->articles = have[k++].articles;
		memcpy(start, next, sizeof start);
	}
	sqlite3_finalize(st);
	free(have);
	return 0;
}

/* See timeline.h. */
void timeline_free(timeline *t)
{
	free(t->periods);
	memset(t, 0, sizeof *t);
}

/* See timeline.h. */
long timeline_find(const timeline *t, const char *date)
{
	if (!date || !t->n || strlen(date) < (size_t)kinds[t->by].need)
		return -1;
	char given[11], day[11];
	snprintf(given, sizeof given, "%s", date);
	period_start(given, day);
	/* The periods are in order and cover every day from the first. */
	long lo = 0, hi = (long)t->n - 1;
	while (lo <= hi) {
		long mid = (lo + hi) / 2;
		if (strcmp(day, t->periods[mid].first) < 0)
			hi = mid - 1;
		else if (strcmp(day, t->periods[mid].last) > 0)
			lo = mid + 1;
		else
			return mid;
	}
	return -1;
}
