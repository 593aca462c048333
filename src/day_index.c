/* day_index.c: each article's day as a number (see day_index.h).
 *
 * A million articles' dates are a pass over the date index (about a
 * tenth of a second) and 4 MB; then any result set's days are its
 * bitmap's ids looked up in an array, a few milliseconds. */
#include "config.h"

#include "day_index.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* See day_index.h. */
void day_index_free(day_index *x)
{
	if (!x)
		return;
	free(x->day);
	free(x->days);
	free(x);
}

/* One integer the store answers, -1 on error. */
static int64_t one_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Makes the index of the store's articles: one pass over the date index
 * in order, a new day each time the date's first ten bytes change (only
 * bytes compared: a million rows). NULL with *err. */
static day_index *day_index_make(store *s, char **err)
{
	int64_t max = one_int(s->db, "SELECT coalesce(max(id), 0) FROM article");
	sqlite3_stmt *st;
	if (max < 0 || sqlite3_prepare_v2(s->db,
	                                  "SELECT id, date FROM article INDEXED BY article_date"
	                                  " ORDER BY date, id",
	                                  -1, &st, NULL) != SQLITE_OK) {
		*err = xasprintf("timeline: %s", sqlite3_errmsg(s->db));
		return NULL;
	}
	day_index *x = xcalloc(1, sizeof *x);
	x->max = max;
	x->day = xcalloc((size_t)max + 1, sizeof *x->day);
	size_t cap = 0, last_len = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (id < 0 || id > max)
			continue; /* not in the snapshot max was read from */
		const char *date = (const char *)sqlite3_column_text(st, 1);
		size_t len = (size_t)sqlite3_column_bytes(st, 1);
		if (!date || !len) {
			x->day[id] = DAY_UNDATED;
			continue;
		}
		size_t cut = len < 10 ? len : 10;
		if (!x->n_days || cut != last_len || memcmp(x->days[x->n_days - 1], date, cut) != 0) {
			if (x->n_days == cap) {
				cap = cap ? 2 * cap : 1024;
				x->days = xrealloc(x->days, cap * sizeof *x->days);
			}
			memcpy(x->days[x->n_days], date, cut);
			x->days[x->n_days][cut] = '\0';
			x->n_days++;
			last_len = cut;
		}
		x->day[id] = (uint32_t)(x->n_days - 1 + DAY_FIRST);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*err = xasprintf("timeline: %s", sqlite3_errmsg(s->db));
		day_index_free(x);
		return NULL;
	}
	return x;
}

/* See day_index.h. */
const day_index *day_index_get(store *s, char **err)
{
	/* What says the articles changed: another connection's commit
	 * (data_version), this one's (the store's count of commits, kept by
	 * store_commit), and the newest id. Not sqlite3_total_changes: the
	 * readers' temp tables (the user's edits) count there. The first
	 * read starts the caller's snapshot, which data_version then
	 * describes. */
	int64_t max = one_int(s->db, "SELECT coalesce(max(id), 0) FROM article");
	int64_t version = one_int(s->db, "PRAGMA data_version");
	int64_t commits = one_int(s->db, "SELECT coalesce((SELECT value FROM main.meta"
	                                 " WHERE key = 'commits'), 0)");
	day_index *x = s->day_index;
	if (x && version >= 0 && x->version == version && x->commits == commits && x->max == max)
		return x;
	day_index_free(x);
	s->day_index = x = day_index_make(s, err);
	if (x) {
		x->version = version;
		x->commits = commits;
	}
	return x;
}
