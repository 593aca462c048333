/* timeline.c: articles per period of a result set (see timeline.h).
 *
 * One GROUP BY over the filtered articles' dates (the filter's conditions
 * as the list's counts write them), then the periods between the first
 * and the last are filled in, empty ones included, so that a sparkline
 * shows the gaps. Dates are ISO strings to the precision found, so a
 * period is a prefix of them (a week: the Monday on or before the day,
 * by SQLite's date functions); an article dated less precisely than the
 * period is counted apart (imprecise), as are undated ones. */
#include "config.h"

#include "timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* Runs the filter's statement "SELECT <what> FROM article a WHERE <cond>
 * <filter>"; returns it ready to step, or NULL with *err. */
static sqlite3_stmt *filtered(store *s, const query_filter *f, const char *what, const char *cond,
                              const char *tail, char **err)
{
	sql_builder b;
	sqlb_init(&b);
	sb_printf(&b.sql, "SELECT %s FROM article a WHERE %s", what, cond);
	where_filter(s, &b, f, WHERE_SET);
	if (tail)
		sb_adds(&b.sql, tail);
	sqlite3_stmt *st = sqlb_prepare(s, &b, err);
	sqlb_free(&b);
	return st;
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

/* Chooses the kind of period from the span of the dates: days for two
 * months, weeks for a year, months for fifteen years, else years; and
 * months rather than days or weeks when more than a tenth of the dates
 * name only their month (they would be left out). */
static int choose_by(store *s, const query_filter *f, timeline_by *by, char **err)
{
	sqlite3_stmt *st = filtered(
	    s, f,
	    "julianday(substr(max(a.date) || '-12-31', 1, 10)) -"
	    " julianday(substr(min(a.date) || '-01-01', 1, 10)),"
	    " total(length(a.date) < 10) / count(*)",
	    "a.date <> ''", NULL, err);
	if (!st)
		return -1;
	double days = 0, coarse = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		days = sqlite3_column_double(st, 0);
		coarse = sqlite3_column_double(st, 1);
	}
	else
		*err = search_error(s, f->search);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return -1;
	*by = days <= 62 ? TIMELINE_DAY : days <= 366 ? TIMELINE_WEEK
	      : days <= 366 * 15 ? TIMELINE_MONTH : TIMELINE_YEAR;
	if ((*by == TIMELINE_DAY || *by == TIMELINE_WEEK) && coarse > 0.1)
		*by = TIMELINE_MONTH;
	return 0;
}

/* One count query; -1 with *err. */
static int64_t count_of(store *s, const query_filter *f, const char *cond, char **err)
{
	sqlite3_stmt *st = filtered(s, f, "count(*)", cond, NULL, err);
	if (!st)
		return -1;
	int64_t n = -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	else
		*err = search_error(s, f->search);
	sqlite3_finalize(st);
	return n;
}

/* See timeline.h. */
int query_timeline(store *s, const query_filter *f, timeline_by by, timeline *out, char **err)
{
	memset(out, 0, sizeof *out);
	*err = NULL;
	if (by == TIMELINE_AUTO && choose_by(s, f, &by, err) < 0)
		return -1;
	out->by = by;
	sqlite3_stmt *range = filtered(s, f, "min(a.date), max(a.date)", "a.date <> ''", NULL, err);
	if (!range)
		return -1;
	if (sqlite3_step(range) == SQLITE_ROW && sqlite3_column_type(range, 0) != SQLITE_NULL) {
		snprintf(out->first_date, sizeof out->first_date, "%s",
		         (const char *)sqlite3_column_text(range, 0));
		snprintf(out->last_date, sizeof out->last_date, "%s",
		         (const char *)sqlite3_column_text(range, 1));
	}
	sqlite3_finalize(range);
	char cond[64];
	snprintf(cond, sizeof cond, "length(a.date) >= %d", kinds[by].need);
	char what[128];
	snprintf(what, sizeof what, "%s, count(*)", kinds[by].expr);
	sqlite3_stmt *st = filtered(s, f, what, cond, " GROUP BY 1 ORDER BY 1", err);
	if (!st)
		return -1;
	/* The periods that have articles, in order. */
	timeline_period *have = NULL;
	size_t nhave = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		if (!name)
			continue;
		if (nhave == cap) {
			cap = cap ? 2 * cap : 64;
			have = xrealloc(have, cap * sizeof *have);
		}
		timeline_period *p = &have[nhave++];
		memset(p, 0, sizeof *p);
		snprintf(p->name, sizeof p->name, "%s", name);
		p->articles = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(have);
		*err = search_error(s, f->search);
		return -1;
	}
	char imprecise[64];
	snprintf(imprecise, sizeof imprecise, "a.date <> '' AND length(a.date) < %d", kinds[by].need);
	out->imprecise = count_of(s, f, imprecise, err);
	/* An undated article is out of any date range. */
	out->undated = (f->since && *f->since) || (f->until && *f->until)
	                   ? 0
	                   : count_of(s, f, "a.date = ''", err);
	if (out->imprecise < 0 || out->undated < 0) {
		free(have);
		return -1;
	}
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
