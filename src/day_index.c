/* day_index.c: each article's day as a number (see day_index.h).
 *
 * A million articles' dates are a pass over the date index (a tenth of
 * a second or more) and 4 MB; then any result set's days are its
 * bitmap's ids looked up in an array, a few milliseconds. */
#include "config.h"

#include "day_index.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Frees an index nobody holds. */
static void day_index_free(day_index *x)
{
	free(x->day);
	free(x->days);
	free(x->path);
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

/* The index last made in this process, for the other connections to
 * the same store (the interface has one per worker): a million articles'
 * pass made once, 4 MB held once. Not a hold of its own: it is forgotten
 * when the last connection lets go of it. */
static pthread_mutex_t shared_mu = PTHREAD_MUTEX_INITIALIZER;
static day_index *shared;

/* See day_index.h. */
void day_index_release(day_index *x)
{
	if (!x)
		return;
	pthread_mutex_lock(&shared_mu);
	int last = --x->refs == 0;
	if (last && shared == x)
		shared = NULL;
	pthread_mutex_unlock(&shared_mu);
	if (last)
		day_index_free(x);
}

/* True when x was made of the store at path as it is now. */
static int current(const day_index *x, const char *path, int64_t commits, int64_t max)
{
	return x && x->commits == commits && x->max == max && strcmp(x->path, path) == 0;
}

/* See day_index.h. */
const day_index *day_index_get(store *s, char **err)
{
	/* Not data_version (it is the connection's own count, and a
	 * connection's own commits do not move it), nor
	 * sqlite3_total_changes (the readers' temp tables count there): the
	 * store's count of commits, which every writer's store_commit moves,
	 * and the newest id, read in the caller's snapshot. */
	int64_t max = one_int(s->db, "SELECT coalesce(max(id), 0) FROM article");
	int64_t commits = one_int(s->db, "SELECT coalesce((SELECT value FROM main.meta"
	                                 " WHERE key = 'commits'), 0)");
	if (current(s->day_index, s->path, commits, max))
		return s->day_index;
	day_index *x = NULL;
	pthread_mutex_lock(&shared_mu);
	if (current(shared, s->path, commits, max)) {
		x = shared;
		x->refs++;
	}
	pthread_mutex_unlock(&shared_mu);
	if (!x) {
		x = day_index_make(s, err);
		if (!x)
			return NULL;
		x->path = xstrdup(s->path);
		x->commits = commits;
		x->refs = 1;
		pthread_mutex_lock(&shared_mu);
		shared = x;
		pthread_mutex_unlock(&shared_mu);
	}
	day_index_release(s->day_index);
	s->day_index = x;
	return x;
}
