/* test_views_speed.c: what the views' faster reads (issue 13) must still
 * answer. The day index (day_index.c): each article's day in date order,
 * gaps and undated articles, coarse dates kept whole, made again after a
 * commit, shared by two connections to one store; the timeline counted
 * on it (timeline.c) against SQL's own count, with the whole first and
 * last dates of a set whose ends share their day with other articles.
 * Related stories (related.c) with words in more articles than are
 * counted (their frequency estimated): the story's articles are shown,
 * the articles that share only common words are not. The stores
 * are written here through store_put_article, as ingest writes. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "day_index.h"
#include "query.h"
#include "related.h"
#include "store.h"
#include "timeline.h"
#include "util.h"

static char *tmpdir;

/* A new store in the test's folder, named name. */
static store *new_store(const char *name)
{
	char *path = xasprintf("%s/%s", tmpdir, name);
	char *err = NULL;
	store *s = store_open(path, NULL, STORE_OPEN_CREATE, &err);
	if (!s)
		fail_msg("%s", err);
	free(path);
	return s;
}

/* Writes one article (inside a transaction): its title, body, date
 * (year 0: undated; month 0: the year only; day 0: the month; hour
 * < 0: the day) and the entities named in it (a PER each), at path.
 * Returns its id. */
static int64_t put(store *s, const char *path, const char *title, const char *body, int y, int m,
		   int d, int hour, const char *const *names)
{
	article a;
	memset(&a, 0, sizeof a);
	strbuf text;
	sb_init(&text);
	sb_adds(&text, body);
	mention_list ml;
	mention_list_init(&ml);
	for (int i = 0; names && names[i]; i++) {
		if (ml.n == ml.cap) {
			ml.cap = ml.cap ? 2 * ml.cap : 8;
			ml.v = xrealloc(ml.v, ml.cap * sizeof *ml.v);
		}
		mention *mn = &ml.v[ml.n++];
		memset(mn, 0, sizeof *mn);
		mn->type = ENT_PER;
		mn->field = FIELD_BODY;
		sb_addc(&text, ' ');
		mn->start = text.len;
		sb_adds(&text, names[i]);
		mn->end = text.len;
		mn->surface = xstrdup(names[i]);
		mn->canonical = xstrdup(names[i]);
		mn->evidence[ENT_PER] = 100;
	}
	a.title = (char *)title;
	a.body = text.s;
	strcpy(a.lang, "vi");
	a.date.year = y;
	a.date.month = m;
	a.date.day = d;
	a.date.hour = hour < 0 ? 0 : hour;
	a.date.precision = !y ? DATE_NONE : !m ? DATE_YEAR : !d ? DATE_MONTH
			   : hour < 0 ? DATE_DAY : DATE_MINUTE;
	char hash[80];
	snprintf(hash, sizeof hash, "h:%s", path);
	store_file f = {path, (int64_t)text.len, 1};
	store_prepared prep;
	store_prepare(&a, &ml, &prep);
	char *err = NULL;
	int rc = store_put_article(s, &f, hash, NULL, &a, &prep, &err);
	store_prepared_free(&prep);
	mention_list_free(&ml);
	sb_free(&text);
	if (rc < 0)
		fail_msg("%s", err);
	sqlite3_stmt *st;
	int64_t id = -1;
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT article_id FROM file WHERE path = ?1", -1,
					    &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	assert_true(id > 0);
	return id;
}

static int setup(void **state)
{
	(void)state;
	tmpdir = xstrdup("/tmp/lede-test-views.XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);
	free(cmd);
	free(tmpdir);
	return rc == 0 ? 0 : -1;
}

/* The dates' store: ids and what they hold. */
static const char *const who_x[] = {"Nguyễn Văn Xuân", NULL};
static const char *const who_y[] = {"Trần Thị Yến", "Nguyễn Văn Xuân", NULL};
static int64_t id_late, id_early, id_undated, id_gone, id_month, id_year, id_before, id_noon;

/* Writes the dates' store: two articles on 2020-01-05 (10:00, then
 * 08:00, of entity Y; a third at 12:00 without it), two undated (one
 * deleted again), one of a month, one of a year, one a day before. */
static store *dates_store(const char *name)
{
	store *s = new_store(name);
	char *err = NULL;
	assert_int_equal(store_begin(s, &err), 0);
	id_late = put(s, "/d/late.txt", "Muộn", "Bài muộn", 2020, 1, 5, 10, who_y);
	id_early = put(s, "/d/early.txt", "Sớm", "Bài sớm", 2020, 1, 5, 8, who_y);
	id_undated = put(s, "/d/undated.txt", "Không ngày", "Bài không ngày", 0, 0, 0, -1, who_x);
	id_gone = put(s, "/d/gone.txt", "Xoá", "Bài bị xoá", 0, 0, 0, -1, NULL);
	id_month = put(s, "/d/month.txt", "Tháng", "Bài của tháng", 2020, 2, 0, -1, who_x);
	id_year = put(s, "/d/year.txt", "Năm", "Bài của năm", 2021, 0, 0, -1, who_x);
	id_before = put(s, "/d/before.txt", "Trước", "Bài hôm trước", 2019, 12, 31, -1, who_x);
	id_noon = put(s, "/d/noon.txt", "Trưa", "Bài buổi trưa", 2020, 1, 5, 12, NULL);
	assert_int_equal(store_forget_file(s, "/d/gone.txt", &err), 1);
	assert_int_equal(store_commit(s, &err), 0);
	return s;
}

/* The day index: each article's day in date order, undated and deleted
 * ids told apart, coarse dates whole; made again after a commit. */
static void test_day_index(void **state)
{
	(void)state;
	store *s = dates_store("days.db");
	char *err = NULL;
	const day_index *x = day_index_get(s, &err);
	assert_non_null(x);
	assert_int_equal(x->n_days, 4);
	assert_string_equal(x->days[0], "2019-12-31");
	assert_string_equal(x->days[1], "2020-01-05");
	assert_string_equal(x->days[2], "2020-02");
	assert_string_equal(x->days[3], "2021");
	assert_true(x->max >= id_noon);
	assert_int_equal(x->day[0], DAY_NONE);
	assert_int_equal(x->day[id_gone], DAY_NONE);
	assert_int_equal(x->day[id_undated], DAY_UNDATED);
	assert_int_equal(x->day[id_before], DAY_FIRST + 0);
	assert_int_equal(x->day[id_late], DAY_FIRST + 1);
	assert_int_equal(x->day[id_early], DAY_FIRST + 1);
	assert_int_equal(x->day[id_noon], DAY_FIRST + 1);
	assert_int_equal(x->day[id_month], DAY_FIRST + 2);
	assert_int_equal(x->day[id_year], DAY_FIRST + 3);
	/* unchanged store: the same index */
	assert_ptr_equal(day_index_get(s, &err), x);

	/* a commit on this connection: made again, with the new day */
	assert_int_equal(store_begin(s, &err), 0);
	int64_t id_new = put(s, "/d/new.txt", "Mới", "Bài mới", 2018, 6, 1, -1, NULL);
	assert_int_equal(store_commit(s, &err), 0);
	x = day_index_get(s, &err);
	assert_non_null(x);
	assert_int_equal(x->n_days, 5);
	assert_string_equal(x->days[0], "2018-06-01");
	assert_int_equal(x->day[id_new], DAY_FIRST + 0);
	assert_int_equal(x->day[id_year], DAY_FIRST + 4);
	store_close(s);
}

/* Two connections to one store share the index while it is current;
 * another connection's commit makes a new one. */
static void test_day_index_shared(void **state)
{
	(void)state;
	store *s = dates_store("shared.db");
	char *err = NULL;
	store *r = store_open(s->path, NULL, STORE_OPEN_READONLY, &err);
	assert_non_null(r);
	const day_index *x = day_index_get(s, &err);
	assert_non_null(x);
	assert_ptr_equal(day_index_get(r, &err), x);
	assert_int_equal(x->refs, 2);

	assert_int_equal(store_begin(s, &err), 0);
	int64_t id_new = put(s, "/d/new.txt", "Mới", "Bài mới", 2022, 3, 4, -1, NULL);
	assert_int_equal(store_commit(s, &err), 0);
	const day_index *y = day_index_get(r, &err);
	assert_non_null(y);
	assert_true(y->max >= id_new);
	assert_int_equal(y->day[id_new], DAY_FIRST + 4);
	/* the writer's is stale now; it takes the reader's */
	assert_ptr_equal(day_index_get(s, &err), y);
	store_close(r);
	store_close(s);
}

/* One integer of SQL with a text parameter. */
static int64_t sql_int(store *s, const char *sql, const char *arg)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The timeline of the whole store counted on the day index equals
 * SQL's count per period, by day, month and year. */
static void test_timeline_counts(void **state)
{
	(void)state;
	store *s = dates_store("counts.db");
	static const struct {
		timeline_by by;
		int need;
	} kinds[] = {{TIMELINE_DAY, 10}, {TIMELINE_MONTH, 7}, {TIMELINE_YEAR, 4}};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		query_filter f;
		query_filter_init(&f);
		timeline t;
		char *err = NULL;
		if (kinds[k].by == TIMELINE_DAY)
			f.since = xstrdup("2019-12-01"); /* the years apart: too many days */
		assert_int_equal(query_timeline(s, &f, kinds[k].by, &t, &err), 0);
		char *where = xasprintf("length(date) >= %d%s", kinds[k].need,
					f.since ? " AND date >= '2019-12-01'" : "");
		char *sql = xasprintf("SELECT count(*) FROM article WHERE %s AND substr(date, 1, %d)"
				      " = ?1", where, kinds[k].need);
		int64_t sum = 0;
		for (size_t i = 0; i < t.n; i++) {
			assert_int_equal(t.periods[i].articles, sql_int(s, sql, t.periods[i].name));
			sum += t.periods[i].articles;
		}
		char *all = xasprintf("SELECT count(*) FROM article WHERE %s", where);
		assert_int_equal(sum, sql_int(s, all, NULL));
		assert_int_equal(t.undated, f.since ? 0 : 1);
		assert_string_equal(t.last_date, "2021");
		free(all);
		free(sql);
		free(where);
		timeline_free(&t);
		query_filter_free(&f);
	}
	store_close(s);
}

/* An entity's timeline: its first and last articles' whole dates, though
 * its ends' day has articles before and after them that are not its. */
static void test_timeline_ends(void **state)
{
	(void)state;
	store *s = dates_store("ends.db");
	query_filter f;
	query_filter_init(&f);
	filter_add(&f, "Trần Thị Yến", 0);
	timeline t;
	char *err = NULL;
	assert_int_equal(query_timeline(s, &f, TIMELINE_AUTO, &t, &err), 0);
	assert_string_equal(t.first_date, "2020-01-05 08:00");
	assert_string_equal(t.last_date, "2020-01-05 10:00");
	assert_int_equal(t.n, 1);
	assert_int_equal(t.periods[0].articles, 2);
	timeline_free(&t);
	query_filter_free(&f);

	/* and one whose first article is a day's only one, the last a year */
	query_filter_init(&f);
	filter_add(&f, "Nguyễn Văn Xuân", 0);
	assert_int_equal(query_timeline(s, &f, TIMELINE_YEAR, &t, &err), 0);
	assert_string_equal(t.first_date, "2019-12-31");
	assert_string_equal(t.last_date, "2021");
	assert_int_equal(t.undated, 1);
	timeline_free(&t);
	query_filter_free(&f);
	store_close(s);
}

/* Related stories where the articles' common words are in more articles
 * than related.c counts (DF_EXACT): their frequency is estimated, and
 * must still say they are common. A story's three articles share rare
 * words and a person; 400 others share only the common words, which the
 * story's articles repeat: were those taken for rare, the 400 would be
 * related too. The frequencies themselves: counted, then estimated. */
static void test_related_common_words(void **state)
{
	(void)state;
	store *s = new_store("related.db");
	char *err = NULL;
	static const char common[] = "thường một thường hai thường ba thường bốn thường năm"
				     " thường sáu thường bảy thường tám thường chín thường mười";
	assert_int_equal(store_begin(s, &err), 0);
	for (int i = 0; i < 400; i++) {
		char path[64], title[64];
		snprintf(path, sizeof path, "/r/other%03d.txt", i);
		snprintf(title, sizeof title, "Tin khác số %d", i);
		char *body = xasprintf("%s%s", common, i % 3 ? " haiphan" : "");
		put(s, path, title, body, 2021, 1 + i % 12, 1 + i % 28, -1, NULL);
		free(body);
	}
	static const char *const person[] = {"Lê Văn Bão", NULL};
	int64_t story[3];
	for (int i = 0; i < 3; i++) {
		char path[64], body[1024];
		snprintf(path, sizeof path, "/r/story%d.txt", i);
		snprintf(body, sizeof body, "%s %s %s. Cơn bão Kalmaegi đổ bộ Quynhon, lũ quét Anlao.",
			 common, common, common);
		story[i] = put(s, path, "Bão Kalmaegi đổ bộ", body, 2021, 11, 6 + i, -1, person);
	}
	assert_int_equal(store_commit(s, &err), 0);

	/* counted, then estimated: a word in every article, in two of
	 * three of the first 400, in three */
	assert_true(related_word_df(s, "thuong") == 403);
	double df = related_word_df(s, "haiphan");
	assert_true(df > 266 * 0.95 && df < 266 * 1.05);
	assert_true(related_word_df(s, "kalmaegi") == 3);
	assert_true(related_word_df(s, "khongco") == 1); /* none: 1, as for idf */

	related_row rows[10];
	int n = query_related(s, story[0], 10, rows, &err);
	assert_int_equal(n, 2);
	for (int i = 0; i < n; i++) {
		assert_true(rows[i].row.id == story[1] || rows[i].row.id == story[2]);
		related_row_free(&rows[i]);
	}
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_day_index),
	    cmocka_unit_test(test_day_index_shared),
	    cmocka_unit_test(test_timeline_counts),
	    cmocka_unit_test(test_timeline_ends),
	    cmocka_unit_test(test_related_common_words),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
