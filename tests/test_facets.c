/* test_facets.c: facets counted on the doc values (facets.c, docval.c)
 * are the numbers SQL counts over article_entity, row for row and in
 * the same order, for every kind of filter (entities, two entities, an
 * entity and not another, not an entity, search, search and entity, date
 * range, starred, unread, one article, an empty result, none), by type,
 * narrowed by a name, with entities of low confidence or not, with a
 * limit or not; after the user's edits (merge, hide, rename, retype);
 * and after the store changed (articles deleted, added, rows moved by
 * corpus typing), where the doc values kept up to date by each commit
 * must equal doc values built afresh. Counts and the cursor's index are
 * the list's length and a key's place in it. The store is generated here
 * through store_put_article, as ingest writes. */
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

#include "docval.h"
#include "facets.h"
#include "query.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

#include "bench_rand.h"

#define N_ENTITIES 240
#define N_WORDS 60

static char *tmpdir;
static store *st;
static double *entity_law, *word_law;
static int64_t next_article;

/* The name of generated entity e: unique, so that the order of names
 * is total. */
static char *entity_name(int e)
{
	return xasprintf("Thực Thể %c%d", 'A' + e % 26, e);
}

/* Appends a mention of entity e to ml at the body's end, guessed (no
 * evidence) when guessed is set, as type t. */
static void add_mention(mention_list *ml, strbuf *body, int e, entity_type t, int guessed)
{
	if (ml->n == ml->cap) {
		ml->cap = ml->cap ? 2 * ml->cap : 16;
		ml->v = xrealloc(ml->v, ml->cap * sizeof *ml->v);
	}
	char *name = entity_name(e);
	mention *m = &ml->v[ml->n++];
	memset(m, 0, sizeof *m);
	m->type = t;
	m->field = FIELD_BODY;
	sb_addc(body, ' ');
	m->start = body->len;
	sb_adds(body, name);
	m->end = body->len;
	m->surface = xstrdup(name);
	m->canonical = name;
	if (!guessed)
		m->evidence[t] = 100;
}

/* Writes n generated articles in one transaction: 0 to 9 entities each
 * (Zipf-like), mentioned once to three times, some of them only guessed
 * (entities e % 7 == 3: of low confidence), entity 5 sometimes guessed as
 * a person though it is an organization (corpus typing moves those
 * rows), words Zipf-like, dates over ten years, some undated. */
static void put_articles(int n)
{
	char *err = NULL;
	assert_int_equal(store_begin(st, &err), 0);
	strbuf body;
	sb_init(&body);
	for (int i = 0; i < n; i++, next_article++) {
		mention_list ml;
		mention_list_init(&ml);
		sb_clear(&body);
		sb_adds(&body, "Mở đầu");
		int ents[9], k = (int)(rng() % 10);
		for (int j = 0; j < k; j++) {
			int e, dup;
			do {
				e = zipf_draw(entity_law, N_ENTITIES);
				dup = 0;
				for (int q = 0; q < j; q++)
					dup |= ents[q] == e;
			} while (dup);
			ents[j] = e;
			int times = 1 + (int)(rng() % 3);
			int stray = e == 5 && rng() % 4 == 0;
			for (int t = 0; t < times; t++)
				add_mention(&ml, &body, e, stray ? ENT_PER : (entity_type)(e % 3),
					    stray || e % 7 == 3);
		}
		for (int w = 0; w < 12; w++)
			sb_printf(&body, " từ%d", zipf_draw(word_law, N_WORDS));
		char title[64];
		snprintf(title, sizeof title, "Bài %lld từ%d", (long long)next_article,
			 zipf_draw(word_law, N_WORDS));
		article a;
		memset(&a, 0, sizeof a);
		a.title = title;
		a.body = body.s;
		strcpy(a.lang, "vi");
		if (rng() % 10) {
			a.date.year = 2010 + (int)(rng() % 10);
			a.date.month = 1 + (int)(rng() % 12);
			a.date.day = 1 + (int)(rng() % 28);
			a.date.precision = DATE_DAY;
		}
		char path[64], hash[40];
		snprintf(path, sizeof path, "/gen/%06lld.txt", (long long)next_article);
		snprintf(hash, sizeof hash, "gen%016llx", (unsigned long long)next_article);
		store_file f = {path, (int64_t)body.len, next_article};
		store_prepared prep;
		store_prepare(&a, &ml, &prep);
		int put = store_put_article(st, &f, hash, NULL, &a, &prep, &err);
		store_prepared_free(&prep);
		mention_list_free(&ml);
		assert_true(put >= 0);
	}
	sb_free(&body);
	assert_int_equal(store_commit(st, &err), 0);
}

/* Makes the store: 1,800 articles (four chunks of doc values) and marks. */
static int setup(void **state)
{
	(void)state;
	st = temp_store("test-facets", &tmpdir);
	if (!st)
		return -1;
	entity_law = zipf_table(N_ENTITIES);
	word_law = zipf_table(N_WORDS);
	put_articles(1800);
	for (int64_t id = 1; id <= 1800; id++) {
		if (id % 5 == 0)
			query_set_starred(st, id, 1);
		if (id % 3 == 0)
			query_set_read(st, id, 1);
	}
	return 0;
}

/* Closes and removes the store. */
static int teardown(void **state)
{
	(void)state;
	free(entity_law);
	free(word_law);
	return temp_store_remove(st, tmpdir);
}

/* Appends a facet row as a line. */
static int row_line(void *ctx, const facet_row *r)
{
	sb_printf(ctx, "%lld\t%s\t%s\t%lld\t%lld\t%s\n", (long long)r->id,
		  entity_type_name(r->type), r->name, (long long)r->articles,
		  (long long)r->mentions, r->aliases ? r->aliases : "-");
	return 0;
}

/* The facet rows of f counted one way (FACETS_*), as text. */
static char *facets_text(const query_filter *f, int mode, int type, const char *prefix,
			 int limit)
{
	strbuf b;
	sb_init(&b);
	char *err = NULL;
	facets_use(st, mode);
	if (limit < 0) {
		assert_int_equal(query_each_facet(st, f, type, prefix, row_line, &b, &err), 0);
	} else {
		facet_row rows[16];
		int n = query_facets(st, f, type, prefix, limit, rows, &err);
		if (n < 0)
			fail_msg("facets: %s", err);
		for (int i = 0; i < n; i++) {
			row_line(&b, &rows[i]);
			facet_row_free(&rows[i]);
		}
	}
	facets_use(st, FACETS_AUTO);
	return sb_detach(&b);
}

/* The filters compared: every kind the interface and the CLI make. */
enum { N_FILTERS = 16 };

/* Fills filter i of the list. */
static void make_filter(query_filter *f, int i)
{
	char *common = entity_name(0), *second = entity_name(1), *mid = entity_name(12),
	     *rare = entity_name(150);
	query_filter_init(f);
	switch (i) {
	case 0: /* none: the entity rows' counts */
		break;
	case 1:
		filter_add(f, common, 0);
		break;
	case 2:
		filter_add(f, common, 0);
		filter_add(f, second, 0);
		break;
	case 3:
		filter_add(f, second, 0);
		filter_add(f, common, 1);
		break;
	case 4:
		filter_add(f, common, 1);
		break;
	case 5:
		f->search = xstrdup("từ0");
		break;
	case 6:
		f->search = xstrdup("từ7");
		filter_add(f, mid, 0);
		break;
	case 7:
		f->since = xstrdup("2012-03-01");
		f->until = xstrdup("2014-06");
		break;
	case 8:
		f->starred_only = 1;
		filter_add(f, mid, 0);
		break;
	case 9:
		f->unread_only = 1;
		break;
	case 10:
		filter_add(f, rare, 0);
		break;
	case 11: /* an empty result: an entity no article mentions */
		filter_add(f, common, 0);
		filter_add(f, "No Such Entity Anywhere", 0);
		break;
	case 12:
		f->article_id = 77;
		break;
	case 13: /* a search that matches nothing */
		f->search = xstrdup("khôngcótừnày");
		break;
	case 14: /* not two entities, in a date range */
		filter_add(f, common, 1);
		filter_add(f, mid, 1);
		f->since = xstrdup("2011");
		break;
	case 15: /* a search, not an entity, unread */
		f->search = xstrdup("từ1");
		filter_add(f, second, 1);
		f->unread_only = 1;
		break;
	}
	free(common);
	free(second);
	free(mid);
	free(rare);
}

/* The keys of a list, in its order. */
typedef struct key_list {
	query_key *v;
	int64_t n;
} key_list;

/* Keeps the key of each row query_each gives. */
static int keep_key(void *ctx, const article_row *r)
{
	key_list *k = ctx;
	k->v = xrealloc(k->v, (size_t)(k->n + 1) * sizeof *k->v);
	k->v[k->n++] = r->key;
	return 0;
}

/* Every filter, type, narrowing, confidence and limit: the doc values
 * (no SQL to fall back on) give the SQL's rows. And the filter's count
 * (on a bitmap of its parts when it has several) is its list's length. */
static void compare_all(void)
{
	static const char *const prefixes[] = {NULL, "thuc the c", "Thể A"};
	for (int i = 0; i < N_FILTERS; i++) {
		query_filter f;
		make_filter(&f, i);
		char *err = NULL;
		key_list keys = {NULL, 0};
		assert_int_equal(query_each(st, &f, keep_key, &keys, &err), 0);
		int64_t listed = keys.n;
		int64_t counted = query_count(st, &f, &err);
		if (counted != listed)
			fail_msg("filter %d: count %lld, list %lld", i, (long long)counted,
				 (long long)listed);
		/* The cursor's index (on bitmaps for most of these filters):
		 * each key's place in the list. */
		for (int64_t at = 0; at < keys.n; at += keys.n / 7 + 1) {
			int64_t index = query_index_of(st, &f, &keys.v[at], &err);
			if (index != at)
				fail_msg("filter %d: key %lld at %lld, index %lld", i,
					 (long long)keys.v[at].id, (long long)at, (long long)index);
		}
		if (keys.n) {
			int64_t index = query_index_of(st, &f, &keys.v[keys.n - 1], &err);
			if (index != keys.n - 1)
				fail_msg("filter %d: the last key's index %lld, not %lld", i,
					 (long long)index, (long long)(keys.n - 1));
		}
		free(keys.v);
		for (int all = 0; all < 2; all++) {
			query_all_entities(st, all);
			for (int type = -1; type < ENT_NTYPES; type++)
				for (size_t p = 0; p < sizeof prefixes / sizeof *prefixes; p++)
					for (int limit = -1; limit <= 7; limit += 8) {
						char *sql = facets_text(&f, FACETS_SQL, type,
									prefixes[p], limit);
						char *dv = facets_text(&f, FACETS_DOCVAL, type,
								       prefixes[p], limit);
						if (strcmp(sql, dv) != 0)
							fail_msg("filter %d, all %d, type %d, prefix %s, "
								 "limit %d:\nSQL:\n%s\ndoc values:\n%s",
								 i, all, type,
								 prefixes[p] ? prefixes[p] : "-",
								 limit, sql, dv);
						free(sql);
						free(dv);
					}
		}
		query_all_entities(st, 0);
		query_filter_free(&f);
	}
}

/* The doc values as stored, one chunk after another, hex. */
static char *docval_dump(void)
{
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(st->db,
					    "SELECT group_concat(chunk || ':' || hex(data), ' ')"
					    " FROM (SELECT * FROM docval ORDER BY chunk)",
					    -1, &q, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	const char *t = (const char *)sqlite3_column_text(q, 0);
	char *copy = xstrdup(t ? t : "");
	sqlite3_finalize(q);
	return copy;
}

/* The doc values kept up by the commits are those built afresh from
 * article_entity (every chunk marked, then docval_flush). */
static void check_docval_fresh(void)
{
	assert_true(docval_ready(st->db));
	char *kept = docval_dump();
	assert_int_equal(sqlite3_exec(st->db,
				      "BEGIN; DELETE FROM docval;"
				      " WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c"
				      "  WHERE n < (SELECT max(id) >> 9 FROM article))"
				      " INSERT INTO docval_dirty SELECT n FROM c",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(docval_flush(st->db, 1, 0), 0);
	assert_int_equal(sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	char *fresh = docval_dump();
	assert_string_equal(kept, fresh);
	free(kept);
	free(fresh);
}

/* The counts of a generated store, every filter kind. */
static void test_counts_equal(void **state)
{
	(void)state;
	check_docval_fresh();
	compare_all();
}

/* The id of generated entity e's entity of type t. */
static int64_t entity_id(int e)
{
	char *name = entity_name(e);
	sqlite3_stmt *q;
	int64_t id = 0;
	assert_int_equal(sqlite3_prepare_v2(st->db, "SELECT id FROM entity WHERE name = ?1"
						    " ORDER BY articles DESC LIMIT 1",
					    -1, &q, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(q, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW)
		id = sqlite3_column_int64(q, 0);
	sqlite3_finalize(q);
	free(name);
	assert_true(id > 0);
	return id;
}

/* The user's edits change the counts (a merged group counts an article
 * once, a hidden entity is gone): the doc values apply them as SQL
 * does. */
static void test_counts_after_edits(void **state)
{
	(void)state;
	char *err = NULL;
	/* two common entities into one (articles mentioning both count
	 * once), a chain of three, a hidden one, a renamed and a retyped one */
	assert_int_equal(query_entity_merge(st, entity_id(1), entity_id(2), &err), 0);
	assert_int_equal(query_entity_merge(st, entity_id(4), entity_id(6), &err), 0);
	assert_int_equal(query_entity_merge(st, entity_id(6), entity_id(9), &err), 0);
	assert_int_equal(query_entity_hide(st, entity_id(3), 1, &err), 0);
	assert_int_equal(query_entity_rename(st, entity_id(8), "Thực Thể Đổi Tên", &err), 0);
	assert_int_equal(query_entity_retype(st, entity_id(10), ENT_LOC, &err), 0);
	compare_all();
}

/* Articles deleted, added (in a new chunk too) and rows moved: each
 * commit keeps the doc values equal to a fresh build, and the counts to
 * SQL's. */
static void test_counts_after_changes(void **state)
{
	(void)state;
	char *err = NULL;
	assert_int_equal(store_begin(st, &err), 0);
	for (int i = 10; i < 1800; i += 97) {
		char path[64];
		snprintf(path, sizeof path, "/gen/%06d.txt", i);
		assert_int_equal(store_forget_file(st, path, &err), 1);
	}
	assert_int_equal(store_commit(st, &err), 0);
	check_docval_fresh();
	put_articles(700);
	check_docval_fresh();
	compare_all();
}

/* A store whose doc values are not all built (a migration interrupted)
 * is counted by SQL, with the same numbers; doc values only refuse. */
static void test_not_ready_falls_back(void **state)
{
	(void)state;
	assert_int_equal(sqlite3_exec(st->db, "INSERT INTO docval_dirty VALUES (1)", NULL, NULL,
				      NULL),
			 SQLITE_OK);
	query_filter f;
	make_filter(&f, 1);
	char *sql = facets_text(&f, FACETS_SQL, -1, NULL, -1);
	char *dflt = facets_text(&f, FACETS_AUTO, -1, NULL, -1);
	assert_string_equal(sql, dflt);
	char *err = NULL;
	facet_row rows[4];
	facets_use(st, FACETS_DOCVAL);
	assert_int_equal(query_facets(st, &f, -1, NULL, 4, rows, &err), -1);
	facets_use(st, FACETS_AUTO);
	free(err);
	free(sql);
	free(dflt);
	query_filter_free(&f);
	assert_int_equal(sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(docval_flush(st->db, 1, 0), 0);
	assert_int_equal(sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	assert_true(docval_ready(st->db));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts_equal),
		cmocka_unit_test(test_counts_after_edits),
		cmocka_unit_test(test_counts_after_changes),
		cmocka_unit_test(test_not_ready_falls_back),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
