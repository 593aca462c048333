/* bench_query.c: query speed on a big synthetic store (`make bench` with
 * BENCH_BIG=1; issue 4's targets: first screen under 100 ms, a new filter
 * or search under 50 ms, a key press under 16 ms, resident memory under
 * 50 MB).
 *
 * Usage: bench_query build DB N [PER [POOL]]
 *                                 writes N synthetic articles into store DB
 *                                 (kept when it already holds N or more),
 *                                 PER entities each (default 8) from a pool
 *                                 of POOL (default 20,000)
 *        bench_query time DB      times the interface's queries on DB
 *                                 (BENCH_ONLY=TEXT: the filters whose label
 *                                 has it; BENCH_FACETS_ONLY=1: the facets
 *                                 alone; BENCH_FACETS_SQL=0: not by SQL)
 *        bench_query list DB LEDE times `LEDE --db DB list` to its first
 *                                 line, the end of a `| head`, and its end
 *        bench_query views DB     times the timeline, the entity card and
 *                                 related stories (issue 13) for a common
 *                                 and a rare entity and article
 *
 * Articles are short (a title and a body of 40 words, or five per entity
 * when that is more, from a small vocabulary, so that search words range
 * from very common to rare) with 8 entities each, drawn from a pool of
 * 20,000 with a Zipf-like law: a few entities are in a third of all
 * articles, most in a handful. Real news articles name 30-50 entities
 * each: `build DB N 40 200000` makes such a store (the same filters then
 * read five times the doc values, and count into larger arrays). They go in through
 * store_put_article, the same path as ingest, without parsing files. Each
 * timing is the median of several runs, in milliseconds. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "entity_card.h"
#include "facets.h"
#include "query.h"
#include "related.h"
#include "store.h"
#include "util.h"

#include "bench_rand.h"

#define N_ENTITIES 20000
#define ENTITIES_PER_ARTICLE 8
#define MAX_PER_ARTICLE 200
#define BODY_WORDS 40
#define RUNS 5

/* Syllables the words and names are made of (Vietnamese, with their
 * diacritics, so that folding has work to do). */
static const char *const syllables[] = {
	"an",   "bình", "chiến", "dân",  "đàm",  "phán", "giá",  "hội",  "kinh", "tế",
	"lực",  "mới",  "nước",  "ông",  "quốc", "sự",   "thị",  "trường", "văn", "xã",
	"yên",  "bộ",   "cơ",    "điện", "hàng", "khu",  "lãnh", "minh", "nghị", "phố",
};
#define N_SYL (sizeof syllables / sizeof syllables[0])

/* Vocabulary: two-syllable words, drawn Zipf-like so search terms range
 * from very common to rare. */
#define N_WORDS 5000
static char *words[N_WORDS];
static char **entity_names;

/* Makes the vocabulary and the names of a pool of entities. */
static void make_words(int pool)
{
	for (int i = 0; i < N_WORDS; i++)
		words[i] = xasprintf("%s%s%d", syllables[i % N_SYL], syllables[(i / N_SYL) % N_SYL],
				     i / (int)(N_SYL * N_SYL));
	entity_names = xmalloc((size_t)pool * sizeof *entity_names);
	for (int i = 0; i < pool; i++)
		entity_names[i] = xasprintf("Thực Thể %s %d", syllables[i % N_SYL], i);
}

/* Writes n synthetic articles into s in batches, per entities each
 * from a pool of pool. */
static int build(store *s, int64_t have, int64_t n, int per, int pool)
{
	double *ez = zipf_table(pool), *wz = zipf_table(N_WORDS);
	/* five words per entity mention: 40 for the default 8 */
	int body_words = 5 * per > BODY_WORDS ? 5 * per : BODY_WORDS;
	char *err = NULL;
	strbuf body, title;
	sb_init(&body);
	sb_init(&title);
	mention_list ml;
	mention_list_init(&ml);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int64_t i = have; i < n; i++) {
		if ((i - have) % 10000 == 0 && store_begin(s, &err))
			goto fail;
		sb_clear(&title);
		sb_clear(&body);
		for (int w = 0; w < 6; w++)
			sb_printf(&title, "%s%s", w ? " " : "", words[zipf_draw(wz, N_WORDS)]);
		mention_list_free(&ml);
		mention_list_init(&ml);
		int ents[MAX_PER_ARTICLE];
		for (int k = 0; k < per; k++) {
			int e;
			int dup;
			do {
				e = zipf_draw(ez, pool);
				dup = 0;
				for (int j = 0; j < k; j++)
					dup |= ents[j] == e;
			} while (dup);
			ents[k] = e;
		}
		for (int w = 0; w < body_words; w++) {
			if (w % 5 == 0) {
				int e = ents[(w / 5) % per];
				if (body.len)
					sb_addc(&body, ' ');
				if (ml.n == ml.cap) {
					ml.cap = ml.cap ? 2 * ml.cap : 16;
					ml.v = xrealloc(ml.v, ml.cap * sizeof *ml.v);
				}
				mention *m = &ml.v[ml.n++];
				m->type = (entity_type)(e % 3);
				m->field = FIELD_BODY;
				m->start = body.len;
				sb_adds(&body, entity_names[e]);
				m->end = body.len;
				m->surface = xstrdup(entity_names[e]);
				m->canonical = xstrdup(entity_names[e]);
				memset(m->evidence, 0, sizeof m->evidence);
				m->evidence[e % 3] = 100;
			}
			sb_printf(&body, "%s%s", body.len ? " " : "", words[zipf_draw(wz, N_WORDS)]);
		}
		article a;
		memset(&a, 0, sizeof a);
		a.title = title.s;
		a.body = body.s;
		strcpy(a.lang, "vi");
		a.date.year = 2000 + (int)(rng() % 25);
		a.date.month = 1 + (int)(rng() % 12);
		a.date.day = 1 + (int)(rng() % 28);
		a.date.hour = (int)(rng() % 24);
		a.date.minute = (int)(rng() % 60);
		a.date.precision = DATE_MINUTE;
		char path[64], hash[32];
		snprintf(path, sizeof path, "/bench/%07lld.txt", (long long)i);
		snprintf(hash, sizeof hash, "bench%016llx", (unsigned long long)i);
		store_file f = {path, (int64_t)body.len, i};
		store_prepared prep;
		store_prepare(&a, &ml, &prep);
		int put = store_put_article(s, &f, hash, NULL, &a, &prep, &err);
		store_prepared_free(&prep);
		if (put < 0)
			goto fail;
		if ((i + 1 - have) % 1000 == 0 && (i + 1 - have) % 10000 != 0 && i + 1 != n &&
		    store_flush(s, &err))
			goto fail;
		/* as ingest does: a commit per 10,000 articles, indexed in
		 * steps of 1,000 */
		if ((i + 1 - have) % 10000 == 0 || i + 1 == n) {
			if (store_commit(s, &err))
				goto fail;
			struct timespec t1;
			clock_gettime(CLOCK_MONOTONIC, &t1);
			double sec = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
			fprintf(stderr, "\r  built %lld of %lld articles (%.0f s)", (long long)i + 1,
				(long long)n, sec);
		}
	}
	fputc('\n', stderr);
	mention_list_free(&ml);
	sb_free(&body);
	sb_free(&title);
	free(ez);
	free(wz);
	return 0;
fail:
	fprintf(stderr, "bench_query: %s\n", err ? err : "failed");
	free(err);
	store_rollback(s);
	mention_list_free(&ml);
	sb_free(&body);
	sb_free(&title);
	free(ez);
	free(wz);
	return -1;
}

/* Milliseconds since an arbitrary start. */
static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* Milliseconds of CPU this process used: what a step costs on a
 * machine shared with other work, where the wall clock also counts the
 * waits for a core. */
static double cpu_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

/* The median CPU time of the last time_step, in ms. */
static double last_cpu;

/* Orders doubles for qsort. */
static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* What one timed step does. */
typedef enum step {
	S_PAGE,
	S_PAGE_AFTER,
	S_COUNT,
	S_INDEX,
	S_FACETS,
	S_FACETS_SQL,
	S_SCREEN
} step;

/* One timing case: a filter and the steps to time on it. */
typedef struct bench_case {
	const char *label;
	query_filter f;
	query_key deep;  /* a key far down the list */
	int64_t count;
} bench_case;

/* Runs one step once; returns its result size (rows or count). */
static int64_t run_step(store *s, bench_case *c, step k)
{
	article_row rows[60];
	facet_row facets[50];
	char *err = NULL;
	int64_t r = 0;
	switch (k) {
	case S_SCREEN: {
		/* What the interface does for a new filter: count, first page,
		 * sidebar. */
		r = query_count(s, &c->f, &err);
		int n = query_page(s, &c->f, NULL, 0, 60, rows, &err);
		for (int i = 0; i < n; i++)
			article_row_free(&rows[i]);
		n = query_facets(s, &c->f, -1, NULL, 50, facets, &err);
		for (int i = 0; i < n; i++)
			facet_row_free(&facets[i]);
		break;
	}
	case S_PAGE:
	case S_PAGE_AFTER: {
		int n = query_page(s, &c->f, k == S_PAGE ? NULL : &c->deep, 0, 60, rows, &err);
		for (int i = 0; i < n; i++)
			article_row_free(&rows[i]);
		r = n;
		break;
	}
	case S_COUNT:
		r = query_count(s, &c->f, &err);
		break;
	case S_INDEX:
		r = query_index_of(s, &c->f, &c->deep, &err);
		break;
	case S_FACETS:
	case S_FACETS_SQL: {
		/* S_FACETS_SQL: as before the doc values (issue 12) */
		facets_use(s, k == S_FACETS_SQL ? FACETS_SQL : FACETS_AUTO);
		int n = query_facets(s, &c->f, -1, NULL, 50, facets, &err);
		facets_use(s, FACETS_AUTO);
		for (int i = 0; i < n; i++)
			facet_row_free(&facets[i]);
		r = n;
		break;
	}
	}
	if (err) {
		fprintf(stderr, "bench_query: %s: %s\n", c->label, err);
		free(err);
	}
	return r;
}

/* Median time of RUNS runs of a step, in ms (of 3 for SQL facets, which
 * take seconds on a big store). */
static double time_step(store *s, bench_case *c, step k)
{
	double t[RUNS], cpu[RUNS];
	int runs = k == S_FACETS_SQL ? 3 : RUNS;
	for (int i = 0; i < runs; i++) {
		double t0 = now_ms(), c0 = cpu_ms();
		run_step(s, c, k);
		t[i] = now_ms() - t0;
		cpu[i] = cpu_ms() - c0;
	}
	qsort(t, (size_t)runs, sizeof t[0], cmp_double);
	qsort(cpu, (size_t)runs, sizeof cpu[0], cmp_double);
	last_cpu = cpu[runs / 2];
	return t[runs / 2];
}

/* Finds a key about 9/10 down the filtered list (by paging backward from
 * the end: what End then k would need). */
static void find_deep_key(store *s, bench_case *c)
{
	char *err = NULL;
	c->count = query_count(s, &c->f, &err);
	free(err);
	err = NULL;
	article_row rows[1];
	int n = query_page(s, &c->f, NULL, 1, 1, rows, &err);
	free(err);
	memset(&c->deep, 0, sizeof c->deep);
	if (n == 1) {
		c->deep = rows[0].key;
		article_row_free(&rows[0]);
	}
}

/* Peak resident memory of this process in kB (Linux), or -1. */
static long peak_rss_kb(void)
{
	FILE *fp = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;
	if (!fp)
		return -1;
	while (fgets(line, sizeof line, fp))
		if (strncmp(line, "VmHWM:", 6) == 0)
			kb = strtol(line + 6, NULL, 10);
	fclose(fp);
	return kb;
}

/* The name of the entity of a given frequency rank in the store. */
static char *entity_at_rank(store *s, int rank)
{
	sqlite3_stmt *st;
	char *name = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT name FROM entity ORDER BY articles DESC LIMIT 1 OFFSET ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int(st, 1, rank);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return name;
}

/* The name of the entity whose articles are nearest to a share of the
 * store (at least min articles): the same kind of filter at every store
 * size, whatever the entities per article. */
static char *entity_at_share(store *s, double share, int min)
{
	sqlite3_stmt *st;
	char *name = NULL;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT name FROM entity WHERE articles > 0 ORDER BY abs(articles -"
			       " max(?2, ?1 * (SELECT count(*) FROM article))), id LIMIT 1",
			       -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_double(st, 1, share);
	sqlite3_bind_int(st, 2, min);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return name;
}

/* Times the first page of a search in relevance order when it is not
 * ranked yet (another search was ranked in between: one ranking is
 * kept), for a common and a rare word: what the interface's worker
 * does, and what `lede list --sort relevance` waits for. */
static void time_ranking(store *s)
{
	const char *label[2] = {"common word", "rare word"};
	const char *word[2] = {words[0], words[2000]};
	printf("  relevance, first page not yet ranked (ms, median of %d):\n", RUNS);
	for (int w = 0; w < 2; w++) {
		double t[RUNS], cpu[RUNS];
		int64_t n = 0;
		for (int i = 0; i < RUNS; i++) {
			query_filter other, f;
			query_filter_init(&other);
			query_filter_init(&f);
			other.search = xstrdup(words[N_WORDS - 1 - i]);
			other.order = f.order = QUERY_BY_RELEVANCE;
			f.search = xstrdup(word[w]);
			char *err = NULL;
			article_row rows[60];
			int got = query_page(s, &other, NULL, 0, 1, rows, &err);
			for (int k = 0; k < got; k++)
				article_row_free(&rows[k]);
			double t0 = now_ms(), c0 = cpu_ms();
			got = query_page(s, &f, NULL, 0, 60, rows, &err);
			t[i] = now_ms() - t0;
			cpu[i] = cpu_ms() - c0;
			for (int k = 0; k < got; k++)
				article_row_free(&rows[k]);
			n = query_count(s, &f, &err);
			free(err);
			query_filter_free(&other);
			query_filter_free(&f);
		}
		qsort(t, RUNS, sizeof t[0], cmp_double);
		qsort(cpu, RUNS, sizeof cpu[0], cmp_double);
		printf("  %-28s %9lld %7.1f (cpu %.1f)\n", label[w], (long long)n, t[RUNS / 2],
		       cpu[RUNS / 2]);
		fflush(stdout);
	}
}

/* Times the interface's queries on the store at path. */
static int time_queries(const char *path)
{
	char *err = NULL;
	double t0 = now_ms();
	store *s = store_open(path, NULL, 0, &err);
	if (!s) {
		fprintf(stderr, "bench_query: %s\n", err);
		free(err);
		return 1;
	}
	double open_ms = now_ms() - t0;
	char *common = entity_at_rank(s, 0), *mid = entity_at_share(s, 0.01, 2),
	     *rare = entity_at_share(s, 0.0001, 2), *second = entity_at_rank(s, 1);
	if (!common || !rare || !mid || !second) {
		fprintf(stderr, "bench_query: the store has too few entities\n");
		store_close(s);
		return 1;
	}
	bench_case cases[13];
	int nc = 0;
#define CASE(lbl) (query_filter_init(&cases[nc].f), cases[nc].label = (lbl), &cases[nc++].f)
	CASE("everything");
	filter_add(CASE("entity, most common"), common, 0);
	filter_add(CASE("entity, ~1% of the store"), mid, 0);
	filter_add(CASE("entity, ~0.01% (rare)"), rare, 0);
	query_filter *f = CASE("two common entities");
	filter_add(f, common, 0);
	filter_add(f, second, 0);
	filter_add(CASE("not the most common entity"), common, 1);
	f = CASE("entity and not another");
	filter_add(f, common, 0);
	filter_add(f, second, 1);
	f = CASE("date range (5 of 25 years)");
	f->since = xstrdup("2010-01-01");
	f->until = xstrdup("2014-12-31");
	/* words[0] is the most common word, words[2000] a rare one. */
	CASE("search, common word")->search = xstrdup(words[0]);
	CASE("search, rare word")->search = xstrdup(words[2000]);
	f = CASE("entity + search");
	filter_add(f, common, 0);
	f->search = xstrdup(words[3]);
	/* relevance order: the columns after the first screen are of the
	 * ranking made by it (see time_ranking for a ranking's cost) */
	f = CASE("relevance, common word");
	f->search = xstrdup(words[0]);
	f->order = QUERY_BY_RELEVANCE;
	f = CASE("relevance, rare word");
	f->search = xstrdup(words[2000]);
	f->order = QUERY_BY_RELEVANCE;
#undef CASE
	printf("  store opened in %.1f ms\n", open_ms);
	/* BENCH_FACETS_SQL=0 leaves out the facets counted by SQL (seconds
	 * each on a big store) */
	const char *env = getenv("BENCH_FACETS_SQL");
	int with_sql = !env || strcmp(env, "0") != 0;
	printf("  %-28s %9s %7s %7s %7s %7s %7s %7s %7s %8s %7s\n", "filter (ms, median of 5)",
	       "rows", "screen", "page", "deep", "count", "index", "facets", "f. cpu", "sql fac.",
	       "s. cpu");
	/* BENCH_ONLY=TEXT times only the filters whose label contains it
	 * (for a profiler) */
	const char *only = getenv("BENCH_ONLY");
	/* BENCH_FACETS_ONLY=1 times the facets alone */
	const char *fo = getenv("BENCH_FACETS_ONLY");
	int facets_only = fo && strcmp(fo, "1") == 0;
	for (int i = 0; i < nc; i++) {
		bench_case *c = &cases[i];
		if (only && !strstr(c->label, only))
			continue;
		double first = now_ms();
		/* as the CLI and the interface do: the names resolved once */
		char *rerr = NULL;
		if (query_filter_resolve(s, &c->f, &rerr) != 0) {
			fprintf(stderr, "bench_query: %s\n", rerr);
			free(rerr);
		}
		run_step(s, c, S_SCREEN); /* the first time, as a user sees it */
		first = now_ms() - first;
		find_deep_key(s, c);
		double screen = 0, page = 0, deep = 0, count = 0, index = 0;
		if (!facets_only) {
			screen = time_step(s, c, S_SCREEN);
			page = time_step(s, c, S_PAGE);
			deep = time_step(s, c, S_PAGE_AFTER);
			count = time_step(s, c, S_COUNT);
			index = time_step(s, c, S_INDEX);
		}
		double facets = time_step(s, c, S_FACETS);
		double facets_cpu = last_cpu, sql = 0, sql_cpu = 0;
		if (with_sql) {
			sql = time_step(s, c, S_FACETS_SQL);
			sql_cpu = last_cpu;
		}
		printf("  %-28s %9lld %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f %8.1f %7.1f"
		       "  (first screen %.1f)\n",
		       c->label, (long long)c->count, screen, page, deep, count, index, facets,
		       facets_cpu, sql, sql_cpu, first);
		fflush(stdout);
	}
	printf("  screen = count + first page + 50 facets (a new filter); page = 60 rows;\n"
	       "  facets = 50 facets on the doc values; sql fac. = the same by SQL (median of 3);\n"
	       "  f. cpu, s. cpu = their CPU time (the machine may be shared);\n"
	       "  deep = 60 rows after a key near the end; index = rows before that key\n");
	if (!only || strstr("relevance", only))
		time_ranking(s);
	printf("  peak RSS: %.1f MB\n", (double)peak_rss_kb() / 1024);
	for (int i = 0; i < nc; i++)
		query_filter_free(&cases[i].f);
	free(common);
	free(mid);
	free(rare);
	free(second);
	store_close(s);
	return 0;
}

/* What one view's core call is timed on: an entity (timeline, card) or
 * an article (related). */
typedef struct view_case {
	const char *label;
	char *entity;
	int64_t article;
} view_case;

/* Runs one view's core call once: 0 = timeline, 1 = card, 2 = related.
 * Returns what it found (periods, entities beside, related rows), or -1. */
static int64_t run_view(store *s, const view_case *c, int view)
{
	char *err = NULL;
	int64_t r = -1;
	if (view == 0) {
		query_filter f;
		query_filter_init(&f);
		filter_add(&f, c->entity, 0);
		timeline t;
		if (query_timeline(s, &f, TIMELINE_AUTO, &t, &err) == 0) {
			r = (int64_t)t.n;
			timeline_free(&t);
		}
		query_filter_free(&f);
	} else if (view == 1) {
		entity_match m[2];
		int n = query_entity_lookup(s, c->entity, m, 2, &err);
		entity_card card;
		if (n > 0 && query_entity_card(s, &m[0], &card, &err) == 0) {
			r = card.nwith;
			entity_card_free(&card);
		}
		for (int i = 0; i < n; i++)
			entity_match_free(&m[i]);
	} else {
		related_row rows[10];
		int n = query_related(s, c->article, 10, rows, &err);
		for (int i = 0; i < n; i++)
			related_row_free(&rows[i]);
		r = n;
	}
	if (err) {
		fprintf(stderr, "bench_query: %s: %s\n", c->label, err);
		free(err);
	}
	return r;
}

/* The newest article's id. */
static int64_t newest_article(store *s)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT max(id) FROM article", -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* The id of an article that mentions entity name (the newest). */
static int64_t article_of(store *s, const char *name)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT max(ae.article_id) FROM article_entity ae JOIN entity e"
			       " ON e.id = ae.entity_id WHERE e.name = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* Times the views' core calls on the store at path (issue 13: each
 * drawn within 50 ms of the key on a million articles): the first call
 * (cold connection, what the interface's worker meets first), then the
 * median wall and CPU time of RUNS more. */
static int time_views(const char *path)
{
	char *err = NULL;
	store *s = store_open(path, NULL, STORE_OPEN_READONLY, &err);
	if (!s) {
		fprintf(stderr, "bench_query: %s\n", err);
		free(err);
		return 1;
	}
	view_case cases[2] = {{"most common", entity_at_rank(s, 0), 0},
			      {"rare (~0.01%)", entity_at_share(s, 0.0001, 2), 0}};
	if (!cases[0].entity || !cases[1].entity) {
		fprintf(stderr, "bench_query: the store has too few entities\n");
		free(cases[0].entity);
		free(cases[1].entity);
		store_close(s);
		return 1;
	}
	/* related: the newest article, and the newest of the rare entity's */
	cases[0].article = newest_article(s);
	cases[1].article = article_of(s, cases[1].entity);
	static const char *const names[] = {"timeline", "card", "related"};
	printf("  %-26s %8s %8s %8s %8s\n", "view (ms)", "first", "median", "cpu", "found");
	for (int v = 0; v < 3; v++) {
		for (int i = 0; i < 2; i++) {
			view_case *c = &cases[i];
			char label[64];
			if (v == 2)
				snprintf(label, sizeof label, "%s, article %lld", names[v],
					 (long long)c->article);
			else
				snprintf(label, sizeof label, "%s, %s", names[v], c->label);
			double first = now_ms();
			int64_t found = run_view(s, c, v);
			first = now_ms() - first;
			double t[RUNS], cpu[RUNS];
			for (int k = 0; k < RUNS; k++) {
				double t0 = now_ms(), c0 = cpu_ms();
				run_view(s, c, v);
				t[k] = now_ms() - t0;
				cpu[k] = cpu_ms() - c0;
			}
			qsort(t, RUNS, sizeof t[0], cmp_double);
			qsort(cpu, RUNS, sizeof cpu[0], cmp_double);
			printf("  %-26s %8.1f %8.1f %8.1f %8lld\n", label, first, t[RUNS / 2],
			       cpu[RUNS / 2], (long long)found);
			fflush(stdout);
		}
	}
	printf("  first = the first call on a new connection; median, cpu: of %d more;\n"
	       "  found = periods, entities beside, related articles\n", RUNS);
	printf("  peak RSS: %.1f MB\n", (double)peak_rss_kb() / 1024);
	free(cases[0].entity);
	free(cases[1].entity);
	store_close(s);
	return 0;
}

/* What one run of `lede list` took, in ms: until its first line, until
 * its tenth (where `| head` stops reading), until it exited after the
 * reader closed the pipe at the tenth line (the end of a `| head`
 * pipeline), and the whole list read to its end. */
typedef struct list_times {
	double first, tenth, head_end, all;
} list_times;

/* Runs `lede --db DB list ARGS...` into a pipe and times it; with
 * stop_at_ten the pipe is closed after ten lines (a `| head`). Returns 0,
 * or -1 when lede could not run. */
static int time_list_run(const char *lede, const char *db, const char *opt, const char *arg,
			 int stop_at_ten, list_times *t)
{
	int fd[2];
	if (pipe(fd))
		return -1;
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		signal(SIGPIPE, SIG_DFL);
		execl(lede, lede, "--db", db, "list", opt, arg, (char *)NULL);
		_exit(127);
	}
	close(fd[1]);
	char buf[65536];
	long lines = 0;
	ssize_t n;
	t->first = t->tenth = -1;
	while ((n = read(fd[0], buf, sizeof buf)) > 0) {
		for (ssize_t i = 0; i < n; i++) {
			if (buf[i] != '\n')
				continue;
			if (++lines == 1)
				t->first = now_ms() - t0;
			if (lines == 10)
				t->tenth = now_ms() - t0;
		}
		if (stop_at_ten && lines >= 10)
			break;
	}
	close(fd[0]);
	int status;
	waitpid(pid, &status, 0);
	if (stop_at_ten)
		t->head_end = now_ms() - t0;
	else
		t->all = now_ms() - t0;
	return 0;
}

/* Times `lede list` (TSV) with an entity of a given rank; prints medians
 * of RUNS runs. */
static int time_list_case(const char *lede, const char *db, const char *label, const char *opt,
			  const char *arg)
{
	double first[RUNS], head_end[RUNS], all[RUNS];
	list_times t;
	for (int i = 0; i < RUNS; i++) {
		if (time_list_run(lede, db, opt, arg, 1, &t))
			return -1;
		first[i] = t.first;
		head_end[i] = t.head_end;
		if (time_list_run(lede, db, opt, arg, 0, &t))
			return -1;
		all[i] = t.all;
	}
	qsort(first, RUNS, sizeof first[0], cmp_double);
	qsort(head_end, RUNS, sizeof head_end[0], cmp_double);
	qsort(all, RUNS, sizeof all[0], cmp_double);
	printf("  %-28s %11.1f %11.1f %11.1f\n", label, first[RUNS / 2], head_end[RUNS / 2],
	       all[RUNS / 2]);
	fflush(stdout);
	return 0;
}

/* Times the CLI's list on the store at path with the lede binary given:
 * the time to its first line for a common and a rare entity (issue 12:
 * under 50 ms for any filter), the end of a `| head` pipeline, and the
 * whole list. */
static int time_list(const char *path, const char *lede)
{
	char *err = NULL;
	store *s = store_open(path, NULL, STORE_OPEN_READONLY, &err);
	if (!s) {
		fprintf(stderr, "bench_query: %s\n", err);
		free(err);
		return 1;
	}
	char *common = entity_at_rank(s, 0), *rare = entity_at_share(s, 0.0001, 2);
	store_close(s);
	int rc = 1;
	if (!common || !rare) {
		fprintf(stderr, "bench_query: the store has too few entities\n");
		goto done;
	}
	printf("  %-28s %11s %11s %11s\n", "lede list (ms, median of 5)", "first line",
	       "| head end", "whole list");
	if (time_list_case(lede, path, "everything", "--format", "tsv") ||
	    time_list_case(lede, path, "entity, most common", "--entity", common) ||
	    time_list_case(lede, path, "entity, ~0.01% (rare)", "--entity", rare) ||
	    time_list_case(lede, path, "search, common word", "--search", words[0]))
		goto done;
	rc = 0;
done:
	free(common);
	free(rare);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && argc <= 6 && strcmp(argv[1], "build") == 0) {
		int64_t n = strtoll(argv[3], NULL, 10);
		int per = argc > 4 ? atoi(argv[4]) : ENTITIES_PER_ARTICLE;
		int pool = argc > 5 ? atoi(argv[5]) : N_ENTITIES;
		if (per < 1 || per > MAX_PER_ARTICLE || pool < 2 * per) {
			fprintf(stderr, "bench_query: entities per article: 1 to %d, from a pool"
					" of at least twice as many\n", MAX_PER_ARTICLE);
			return 2;
		}
		char *err = NULL;
		store *s = store_open(argv[2], NULL, STORE_OPEN_CREATE, &err);
		if (!s) {
			fprintf(stderr, "bench_query: %s\n", err);
			free(err);
			return 1;
		}
		sqlite3_stmt *st;
		int64_t have = 0;
		if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM article", -1, &st, NULL) ==
		    SQLITE_OK) {
			if (sqlite3_step(st) == SQLITE_ROW)
				have = sqlite3_column_int64(st, 0);
			sqlite3_finalize(st);
		}
		/* Speed over safety: a benchmark store can be built again. */
		sqlite3_exec(s->db, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144", NULL, NULL,
			     NULL);
		make_words(pool);
		int rc = have >= n ? 0 : build(s, have, n, per, pool);
		store_close(s);
		return rc ? 1 : 0;
	}
	if (argc == 3 && strcmp(argv[1], "time") == 0) {
		make_words(0);
		return time_queries(argv[2]);
	}
	if (argc == 3 && strcmp(argv[1], "views") == 0)
		return time_views(argv[2]);
	if (argc == 4 && strcmp(argv[1], "list") == 0) {
		make_words(0);
		return time_list(argv[2], argv[3]);
	}
	fprintf(stderr, "usage: bench_query build DB N [PER [POOL]] | bench_query time DB |"
			" bench_query list DB LEDE | bench_query views DB\n");
	return 2;
}
