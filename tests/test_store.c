/* test_store.c: the store's schema, validation and crash safety: a new
 * store gets the current schema, foreign or newer files are refused
 * untouched, and an ingest killed at any point leaves a consistent store
 * that the next ingest completes. */
#include "config.h"

#include <setjmp.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "docval.h"
#include "facets.h"
#include "ingest.h"
#include "query.h"
#include "entity.h"
#include "store.h"
#include "store_int.h"
#include "util.h"

/* A temporary folder per test. */
static char *make_tmpdir(void)
{
	char *tmpl = xstrdup("/tmp/lede-test-store.XXXXXX");
	assert_non_null(mkdtemp(tmpl));
	return tmpl;
}

/* rm -rf of a test folder. */
static void remove_tree(const char *dir)
{
	char *cmd = xasprintf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
}

/* Writes a file. */
static void write_file(const char *path, const char *text, size_t n)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, n, f), n);
	fclose(f);
}

/* Runs a one-integer query. */
static int64_t one_int(store *s, const char *sql)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	int64_t v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Asserts SQLite's and FTS5's integrity checks and the derived counts. */
static void assert_consistent(store *s)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA integrity_check", -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_exec(s->db,
				      "INSERT INTO article_fts(article_fts) VALUES ('integrity-check')",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(one_int(s, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	/* Every article has a file, and the entity tallies match. */
	assert_int_equal(one_int(s, "SELECT count(*) FROM article a WHERE NOT EXISTS"
				    " (SELECT 1 FROM file f WHERE f.article_id = a.id)"),
			 0);
	/* The kept article count is the real one. */
	assert_int_equal(one_int(s, "SELECT value FROM meta WHERE key = 'articles'"),
			 one_int(s, "SELECT count(*) FROM article"));
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity e WHERE e.articles <>"
				    " (SELECT count(*) FROM article_entity ae WHERE ae.entity_id = e.id)"),
			 0);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity e WHERE e.mentions <>"
				    " (SELECT coalesce(sum(mentions), 0) FROM article_entity ae"
				    "  WHERE ae.entity_id = e.id)"),
			 0);
	/* Evidence, guessed rows and strays are the sums of the rows. */
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity e WHERE e.evidence <>"
				    " (SELECT coalesce(sum(evidence), 0) FROM article_entity ae"
				    "  WHERE ae.entity_id = e.id)"),
			 0);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity e WHERE e.guessed <>"
				    " (SELECT count(*) FROM article_entity ae"
				    "  WHERE ae.entity_id = e.id AND ae.guess IS NOT NULL)"),
			 0);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity e WHERE e.strays <>"
				    " (SELECT count(*) FROM article_entity ae"
				    "  WHERE ae.entity_id = e.id AND ae.guess <> e.type)"),
			 0);
	/* No row of a guessed type is left where the corpus says otherwise:
	 * under a key with more evidence for another type (unless its
	 * article has a row of that one too), or, with no evidence at all,
	 * away from the type guessed. */
	assert_int_equal(one_int(s, "SELECT count(*) FROM article_entity ae"
				    " JOIN entity e ON e.id = ae.entity_id WHERE ae.guess IS NOT NULL"
				    " AND (EXISTS (SELECT 1 FROM entity b WHERE b.key = e.key"
				    "  AND b.evidence > e.evidence AND NOT EXISTS (SELECT 1 FROM"
				    "  article_entity x WHERE x.article_id = ae.article_id"
				    "  AND x.entity_id = b.id))"
				    " OR (ae.guess <> e.type AND NOT EXISTS (SELECT 1 FROM entity b"
				    "  WHERE b.key = e.key AND b.evidence > 0)))"),
			 0);
	/* Each entity row holds a span per mention. */
	assert_int_equal(one_int(s, "SELECT count(*) FROM article_entity"
				    " WHERE json_array_length(spans) <> mentions"),
			 0);
}

/* A new store has the current schema version, our application id and
 * WAL; reopening it keeps them. */
static void test_new_store_schema(void **state)
{
	(void)state;
	char *dir = make_tmpdir();
	char *path = xasprintf("%s/a/b/store.db", dir);
	char *err = NULL;
	store *s = store_open(path, NULL, STORE_OPEN_CREATE, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(one_int(s, "PRAGMA application_id"), 0x6c656465);
	assert_int_equal(one_int(s, "SELECT journal_mode = 'wal' FROM pragma_journal_mode"), 1);
	assert_int_equal(one_int(s, "PRAGMA foreign_keys"), 1);
	assert_int_equal(one_int(s, "PRAGMA page_size"), 16384);
	store_close(s);
	s = store_open(path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(one_int(s, "PRAGMA page_size"), 16384);
	store_close(s);
	free(path);
	remove_tree(dir);
	free(dir);
}

/* Without STORE_OPEN_CREATE a missing store is an error naming it. */
static void test_missing_store(void **state)
{
	(void)state;
	char *dir = make_tmpdir();
	char *path = xasprintf("%s/none.db", dir);
	char *err = NULL;
	assert_null(store_open(path, NULL, 0, &err));
	assert_non_null(strstr(err, "none.db"));
	struct stat st;
	assert_int_not_equal(stat(path, &st), 0);
	free(err);
	free(path);
	remove_tree(dir);
	free(dir);
}

/* A SQLite database of another program is refused and left untouched. */
static void test_foreign_database(void **state)
{
	(void)state;
	char *dir = make_tmpdir();
	char *path = xasprintf("%s/other.db", dir);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	struct stat before, after;
	assert_int_equal(stat(path, &before), 0);
	char *err = NULL;
	assert_null(store_open(path, NULL, STORE_OPEN_CREATE, &err));
	assert_non_null(strstr(err, "not a lede store"));
	assert_int_equal(stat(path, &after), 0);
	assert_int_equal(before.st_size, after.st_size);
	assert_int_equal(before.st_mtim.tv_nsec, after.st_mtim.tv_nsec);
	free(err);
	free(path);
	remove_tree(dir);
	free(dir);
}

/* A store written by a newer lede is refused with a clear message. */
static void test_newer_schema(void **state)
{
	(void)state;
	char *dir = make_tmpdir();
	char *path = xasprintf("%s/new.db", dir);
	char *err = NULL;
	store *s = store_open(path, NULL, STORE_OPEN_CREATE, &err);
	assert_non_null(s);
	char *sql = xasprintf("PRAGMA user_version = %d", STORE_SCHEMA_VERSION + 1);
	assert_int_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
	free(sql);
	store_close(s);
	assert_null(store_open(path, NULL, 0, &err));
	assert_non_null(strstr(err, "newer"));
	free(err);
	free(path);
	remove_tree(dir);
	free(dir);
}

/* Writes n small distinct articles into dir. */
static void make_corpus(const char *dir, int n)
{
	for (int i = 0; i < n; i++) {
		char *path = xasprintf("%s/article-%05d.txt", dir, i);
		char *text = xasprintf("Bài báo số %d về Hà Nội\n\n%02d/%02d/2021\n\n"
				       "Đây là nội dung đàm phán thứ %d giữa các bên tại Geneva."
				       " Ông Nguyễn Văn An cho biết cuộc họp kéo dài.\n",
				       i, 1 + i % 28, 1 + i % 12, i);
		write_file(path, text, strlen(text));
		free(text);
		free(path);
	}
}

/* Ingests dir into the store at path in this process. */
static ingest_summary ingest_dir(const char *path, const char *dir)
{
	char *err = NULL;
	store *s = store_open(path, NULL, STORE_OPEN_CREATE, &err);
	assert_non_null(s);
	/* Transactions of half a second: the killed ingests below then
	 * stop between commits and between index steps too. */
	ingest_options o = {.progress = 0, .jobs = 2, .commit_seconds = 0.5};
	ingest_summary sum;
	char *paths[1] = {(char *)dir};
	assert_true(ingest_paths(s, paths, 1, &o, &sum, &err) >= 0);
	store_close(s);
	return sum;
}

/* A store made by ingesting a new corpus: its folder, corpus and path. */
typedef struct fixture {
	char *dir, *corpus, *path;
} fixture;

/* Makes a folder with a corpus of n articles and ingests it. */
static void fixture_make(fixture *fx, int n)
{
	fx->dir = make_tmpdir();
	fx->corpus = xasprintf("%s/corpus", fx->dir);
	fx->path = xasprintf("%s/store.db", fx->dir);
	assert_int_equal(mkdir(fx->corpus, 0755), 0);
	make_corpus(fx->corpus, n);
	ingest_dir(fx->path, fx->corpus);
}

/* Removes a fixture's folder and frees its names. */
static void fixture_free(fixture *fx)
{
	remove_tree(fx->dir);
	free(fx->path);
	free(fx->corpus);
	free(fx->dir);
}

/* Ingests corpus into the store at path in a child process, killed
 * after delay seconds unless delay is negative; returns how long the
 * child ran. */
static double ingest_child(const char *path, const char *corpus, double delay)
{
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);
		dup2(devnull, 2);
		ingest_dir(path, corpus);
		_exit(0);
	}
	if (delay >= 0) {
		struct timespec ts = {(time_t)delay, (long)((delay - (double)(time_t)delay) * 1e9)};
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
	}
	int status;
	waitpid(pid, &status, 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

/* An ingest killed at several moments: each time the store opens, passes
 * the integrity checks, and the next ingest completes it. */
static void test_killed_ingest(void **state)
{
	(void)state;
	char *dir = make_tmpdir();
	char *corpus = xasprintf("%s/corpus", dir);
	assert_int_equal(mkdir(corpus, 0755), 0);
	const int n = 3000;
	make_corpus(corpus, n);
	/* Kills come at fractions of a whole ingest's time on this machine:
	 * fixed delays all came after the end once ingest got faster. */
	char *probe = xasprintf("%s/probe.db", dir);
	double whole = ingest_child(probe, corpus, -1);
	free(probe);
	const double fractions[] = {0.02, 0.2, 0.4, 0.6, 0.85};
	const size_t n_fractions = sizeof fractions / sizeof fractions[0];
	int interrupted = 0;
	/* Every fraction once, then more rounds (up to 20 kills) until one
	 * lands mid-ingest: a loaded machine can stretch any moment. */
	for (size_t k = 0; k < 20 && (k < n_fractions || interrupted == 0); k++) {
		char *path = xasprintf("%s/store-%zu.db", dir, k);
		ingest_child(path, corpus, whole * fractions[k % n_fractions]);

		char *err = NULL;
		store *s = store_open(path, NULL, 0, &err);
		if (!s) {
			/* Killed before the store file had its schema: a fresh
			 * start must still work. */
			free(err);
		} else {
			assert_consistent(s);
			if (one_int(s, "SELECT count(*) FROM file") < n)
				interrupted++;
			store_close(s);
		}
		ingest_summary sum = ingest_dir(path, corpus);
		assert_int_equal(sum.failed, 0);
		assert_int_equal(sum.added + sum.unchanged + sum.changed + sum.duplicate, n);
		s = store_open(path, NULL, 0, &err);
		assert_non_null(s);
		assert_consistent(s);
		assert_int_equal(one_int(s, "SELECT count(*) FROM article"), n);
		assert_int_equal(one_int(s, "SELECT count(*) FROM file"), n);
		store_close(s);
		free(path);
	}
	/* The test means something only if some kill came mid-ingest. */
	assert_true(interrupted > 0);
	free(corpus);
	remove_tree(dir);
	free(dir);
}

/* A changed file replaces its article, and the old article's mentions,
 * tallies and index entries go with it. */
static void test_changed_file_replaces(void **state)
{
	(void)state;
	fixture fx;
	fixture_make(&fx, 3);
	const char *path = fx.path;
	char *file = xasprintf("%s/article-00001.txt", fx.corpus);
	const char *text = "Tin mới hoàn toàn\n\nNội dung khác hẳn về Paris.\n";
	write_file(file, text, strlen(text));
	struct timespec times[2] = {{0, UTIME_NOW}, {1000000000, 0}};
	utimensat(AT_FDCWD, file, times, 0);
	ingest_summary sum = ingest_dir(path, fx.corpus);
	assert_int_equal(sum.changed, 1);
	assert_int_equal(sum.unchanged, 2);
	char *err = NULL;
	store *s = store_open(path, NULL, 0, &err);
	assert_non_null(s);
	assert_consistent(s);
	assert_int_equal(one_int(s, "SELECT count(*) FROM article"), 3);
	query_filter f;
	query_filter_init(&f);
	f.search = xstrdup("paris");
	assert_int_equal(query_count(s, &f, &err), 1);
	free(f.search);
	f.search = xstrdup("\"thu 1\"");
	assert_int_equal(query_count(s, &f, &err), 0);
	query_filter_free(&f);
	store_close(s);
	free(file);
	fixture_free(&fx);
}

/* Takes a store back to schema 11, whose full-text index left the photo
 * credit out. */
static void downgrade_to_11(store *s)
{
	assert_int_equal(sqlite3_exec(s->db,
				      "DROP TRIGGER article_fts_delete; DROP TABLE article_fts;"
				      " CREATE VIRTUAL TABLE article_fts USING fts5(title, lede, caption,"
				      " body, content='article', content_rowid='id', tokenize='lede');"
				      " CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN"
				      " INSERT INTO article_fts(article_fts, rowid, title, lede, caption,"
				      " body) VALUES ('delete', old.id, old.title, old.lede, old.caption,"
				      " old.body); END;"
				      " INSERT INTO article_fts(article_fts) VALUES ('rebuild');"
				      " PRAGMA user_version = 11",
				      NULL, NULL, NULL),
			 SQLITE_OK);
}

/* Takes a store back to schema 10, whose keys folded Vietnamese marks
 * away. */
static void downgrade_to_10(store *s)
{
	downgrade_to_11(s);
	assert_int_equal(sqlite3_exec(s->db,
				      "UPDATE entity SET key = lede_key_unmarked(key);"
				      " PRAGMA user_version = 10",
				      NULL, NULL, NULL),
			 SQLITE_OK);
}

/* Takes a store back to schema 9, before the doc values of facets. */
static void downgrade_to_9(store *s)
{
	downgrade_to_10(s);
	assert_int_equal(sqlite3_exec(s->db,
				      "DROP TRIGGER docval_delete; DROP TRIGGER docval_move;"
				      " DROP TABLE docval; DROP TABLE docval_dirty;"
				      " PRAGMA user_version = 9",
				      NULL, NULL, NULL),
			 SQLITE_OK);
}

/* Takes a store back to schema 8: no counts of alias uses, no suffixes
 * of people's names. */
static void downgrade_to_8(store *s)
{
	downgrade_to_9(s);
	assert_int_equal(sqlite3_exec(s->db,
				      "ALTER TABLE entity_alias DROP COLUMN uses; DROP TABLE entity_suffix;"
				      " PRAGMA user_version = 8",
				      NULL, NULL, NULL),
			 SQLITE_OK);
}

/* Takes a store back to schema 7, before the learned layer of typing. */
static void downgrade_to_7(store *s)
{
	downgrade_to_8(s);
	assert_int_equal(sqlite3_exec(s->db,
				      "ALTER TABLE entity DROP COLUMN learned;"
				      "PRAGMA user_version = 7",
				      NULL, NULL, NULL),
			 SQLITE_OK);
}

/* Takes a store back to schema 6, before evidence and corpus typing. */
static void downgrade_to_6(store *s)
{
	downgrade_to_7(s);
	assert_int_equal(sqlite3_exec(s->db,
				      "DROP TRIGGER article_entity_move;"
				      "DROP TRIGGER article_entity_delete;"
				      "DROP TABLE entity_touched;"
				      "DROP INDEX entity_guessed;"
				      "ALTER TABLE article_entity DROP COLUMN guess;"
				      "ALTER TABLE article_entity DROP COLUMN evidence;"
				      "ALTER TABLE entity DROP COLUMN evidence;"
				      "ALTER TABLE entity DROP COLUMN guessed;"
				      "ALTER TABLE entity DROP COLUMN strays;"
				      "CREATE TRIGGER article_entity_delete AFTER DELETE ON"
				      " article_entity BEGIN UPDATE entity SET articles = articles - 1,"
				      " mentions = mentions - old.mentions WHERE id = old.entity_id; END;"
				      "PRAGMA user_version = 6",
				      NULL, NULL, NULL),
			 SQLITE_OK);
}

/* A store of schema 8 had keys with every doubled letter collapsed
 * ("cn" for CNN, the key of CN too): migrating makes each key again from
 * the entity's name, and CNN and CN are two entities. */
static void test_migration_8_to_9(void **state)
{
	(void)state;
	fixture fx;
	fixture_make(&fx, 2);
	char *err = NULL;
	store *s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(sqlite3_exec(s->db,
				      "INSERT INTO entity(type, key, name) VALUES ('ORG', 'cn', 'CNN');"
				      "INSERT INTO entity(type, key, name) VALUES ('ORG', 'zelensky',"
				      " 'Zelenskyy');",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	downgrade_to_8(s);
	store_close(s);
	s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity WHERE key = 'cnn' AND name = 'CNN'"),
			 1);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity WHERE key = 'zelensky'"), 1);
	char *cn = entity_key("CN"), *cnn = entity_key("CNN");
	assert_string_not_equal(cn, cnn);
	free(cn);
	free(cnn);
	store_close(s);
	fixture_free(&fx);
}

/* A store of schema 11 searched no photo credit: migrating indexes it,
 * and the other fields are still found. */
static void test_migration_11_to_12(void **state)
{
	(void)state;
	fixture fx;
	fixture_make(&fx, 3);
	char *err = NULL;
	store *s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(sqlite3_exec(s->db,
				      "UPDATE article SET credit = 'Ảnh: Zebrowski' WHERE id = 1",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	downgrade_to_11(s);
	query_filter f;
	query_filter_init(&f);
	f.search = xstrdup("zebrowski");
	assert_int_equal(query_count(s, &f, &err), 0); /* schema 11 */
	store_close(s);
	s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(query_count(s, &f, &err), 1);
	free(f.search);
	f.search = xstrdup("anh");
	assert_int_equal(query_count(s, &f, &err), 1); /* "Ảnh" folded */
	query_filter_free(&f);
	assert_consistent(s);
	store_close(s);
	fixture_free(&fx);
}

/* Appends a facet row as a line (test_migration_9_to_10). */
static int facet_line(void *ctx, const facet_row *r)
{
	sb_printf(ctx, "%lld %s %lld %lld\n", (long long)r->id, r->name, (long long)r->articles,
		  (long long)r->mentions);
	return 0;
}

/* A store of schema 9 has no doc values: the migration marks every
 * chunk and store_open builds them, so that facets are counted on them
 * with the numbers SQL gives. */
static void test_migration_9_to_10(void **state)
{
	(void)state;
	fixture fx;
	fixture_make(&fx, 600);  /* two chunks of doc values */
	char *err = NULL;
	store *s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	downgrade_to_9(s);
	store_close(s);
	s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_true(docval_ready(s->db));
	assert_int_equal(one_int(s, "SELECT count(*) FROM docval"),
			 one_int(s, "SELECT max(id) >> 9 FROM article") + 1);
	sqlite3_stmt *q;
	assert_int_equal(sqlite3_prepare_v2(s->db, "SELECT name FROM entity ORDER BY articles DESC"
						   " LIMIT 1",
					    -1, &q, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(q), SQLITE_ROW);
	query_filter f;
	query_filter_init(&f);
	filter_add(&f, (const char *)sqlite3_column_text(q, 0), 0);
	sqlite3_finalize(q);
	strbuf sql, dv;
	sb_init(&sql);
	sb_init(&dv);
	facets_use(s, FACETS_SQL);
	assert_int_equal(query_each_facet(s, &f, -1, NULL, facet_line, &sql, &err), 0);
	facets_use(s, FACETS_DOCVAL);
	assert_int_equal(query_each_facet(s, &f, -1, NULL, facet_line, &dv, &err), 0);
	assert_true(sql.len > 0);
	assert_string_equal(sql.s, dv.s);
	sb_free(&sql);
	sb_free(&dv);
	query_filter_free(&f);
	store_close(s);
	fixture_free(&fx);
}

/* A store of schema 10 gets keys with Vietnamese marks (made from the
 * spelling that gave each key, not from a voted name of another key);
 * foreign names keep theirs; people's suffixes follow; entities the old
 * keys merged stay one. */
static void test_migration_10_to_11(void **state)
{
	(void)state;
	fixture fx;
	fixture_make(&fx, 2);
	char *err = NULL;
	store *s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(sqlite3_exec(s->db,
				      "INSERT INTO entity(type, key, name) VALUES"
				      " ('LOC', 'duc', 'Đức'), ('PER', 'tran thanh', 'Trấn Thành'),"
				      " ('PER', 'jose mourinho', 'José Mourinho'),"
				      " ('LOC', 'hoa ky', 'Mỹ'), ('PER', 'thuy', 'Thuỷ');"
				      "INSERT INTO entity_alias(key, entity_id, alias, uses)"
				      " SELECT 'duc', id, 'Đúc', 1 FROM entity WHERE name = 'Đức';"
				      "INSERT INTO entity_alias(key, entity_id, alias, uses)"
				      " SELECT 'hoa ky', id, 'Hoa Kỳ', 1 FROM entity WHERE name = 'Mỹ';"
				      "INSERT INTO entity_alias(key, entity_id, alias, uses)"
				      " SELECT 'my', id, 'Mỹ', 5 FROM entity WHERE name = 'Mỹ';",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	downgrade_to_10(s);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity WHERE key = 'duc'"), 1);
	store_close(s);
	s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity WHERE key = 'duc:dduws'"
				    " AND name = 'Đức'"),
			 1);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity WHERE key = 'tran:aas thanh'"), 1);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity WHERE key = 'jose mourinho'"), 1);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity WHERE key = 'hoa ky'"), 1);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity WHERE key = 'thuy:r'"), 1);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity_suffix WHERE suffix = 'thanh'"), 1);
	char *k = entity_key("Thủy");
	assert_string_equal(k, "thuy:r");
	free(k);
	store_close(s);
	fixture_free(&fx);
}

/* The entities the store resolves name to (query_resolve_entity), in a
 * new connection: temp.entity_eff is per connection. */
static int resolve_fresh(const char *path, const char *state_path, const char *name,
			 int64_t *ids)
{
	char *err = NULL;
	store *s = store_open(path, state_path, 0, &err);
	assert_non_null(s);
	int n = query_resolve_entity(s, name, ids, 4);
	store_close(s);
	return n;
}

/* An entity edit made when keys had no Vietnamese marks (schema 10: the
 * state keeps the key "duc" for Đức) keeps applying after the store's
 * keys change, whether the store was migrated or made again; a new edit
 * of the same kind replaces it. */
static void test_edits_survive_marks(void **state)
{
	(void)state;
	fixture fx;
	fixture_make(&fx, 1);
	char *file = xasprintf("%s/duc.txt", fx.corpus);
	const char *text = "Khách châu Âu\n\nĐoàn khách từ Đức sang thăm Hà Nội."
			   " Họ rời Đức hôm thứ hai.\n";
	write_file(file, text, strlen(text));
	ingest_dir(fx.path, fx.corpus);
	char *state_path = xasprintf("%s/state.db", fx.dir);
	char *err = NULL;
	store *s = store_open(fx.path, state_path, 0, &err);
	assert_non_null(s);
	int64_t id = one_int(s, "SELECT id FROM entity WHERE type = 'LOC' AND name = 'Đức'");
	assert_true(id > 0);
	/* the sidebar's narrowing needs no diacritics */
	query_filter f;
	query_filter_init(&f);
	facet_row rows[8];
	int nf = query_facets(s, &f, -1, "duc", 8, rows, &err);
	assert_true(nf >= 1);
	bool found = false;
	for (int i = 0; i < nf; i++) {
		found |= rows[i].id == id;
		facet_row_free(&rows[i]);
	}
	assert_true(found);
	query_filter_free(&f);
	assert_int_equal(query_entity_rename(s, id, "CHLB Đức", &err), 0);
	/* the edit as schema 10 wrote it */
	assert_int_equal(sqlite3_exec(s->db,
				      "UPDATE state.entity_edit SET key = lede_key_unmarked(key)",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(one_int(s, "SELECT count(*) FROM state.entity_edit WHERE key = 'duc'"), 1);
	store_close(s);
	int64_t ids[4];
	/* a store made with the new keys */
	assert_int_equal(resolve_fresh(fx.path, state_path, "CHLB Đức", ids), 1);
	assert_int_equal(ids[0], id);
	/* a store of schema 10, migrated */
	s = store_open(fx.path, state_path, 0, &err);
	assert_non_null(s);
	downgrade_to_10(s);
	store_close(s);
	assert_int_equal(resolve_fresh(fx.path, state_path, "CHLB Đức", ids), 1);
	assert_int_equal(ids[0], id);
	/* renaming back removes the old edit too */
	s = store_open(fx.path, state_path, 0, &err);
	assert_non_null(s);
	assert_int_equal(query_entity_rename(s, id, "Đức", &err), 0);
	assert_int_equal(one_int(s, "SELECT count(*) FROM state.entity_edit"), 0);
	store_close(s);
	assert_int_equal(resolve_fresh(fx.path, state_path, "CHLB Đức", ids), 0);
	free(file);
	free(state_path);
	fixture_free(&fx);
}

/* Takes a store back to schema 5 (hashes aside: see
 * test_migration_5_to_6). */
static void downgrade_to_5(store *s)
{
	downgrade_to_6(s);
	assert_int_equal(sqlite3_exec(s->db,
				      "DROP TABLE hash_legacy;"
				      " DELETE FROM meta WHERE key IN ('legacy_articles', 'commits');"
				      " PRAGMA user_version = 5",
				      NULL, NULL, NULL),
			 SQLITE_OK);
}

/* Turns a store of the current schema back into schema 3, which kept
 * a row per mention in a table of its own. */
static void downgrade_to_3(store *s)
{
	downgrade_to_5(s);
	static const char sql[] =
		"CREATE TABLE mention("
		"  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
		"  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,"
		"  field INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
		"  surface TEXT NOT NULL,"
		"  PRIMARY KEY (article_id, field, start, entity_id)) WITHOUT ROWID;"
		"INSERT INTO mention SELECT ae.article_id, ae.entity_id,"
		"  json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'),"
		"  json_extract(j.value, '$[2]'), ''"
		"  FROM article_entity ae, json_each(ae.spans) j;"
		"UPDATE mention SET surface = (SELECT CAST(substr(CAST(CASE mention.field"
		"  WHEN 0 THEN a.body WHEN 1 THEN a.title WHEN 2 THEN a.lede"
		"  WHEN 3 THEN a.caption ELSE a.credit END AS BLOB),"
		"  mention.start + 1, mention.end - mention.start) AS TEXT)"
		"  FROM article a WHERE a.id = mention.article_id);"
		"ALTER TABLE article_entity DROP COLUMN spans;"
		"PRAGMA user_version = 3;";
	assert_int_equal(sqlite3_exec(s->db, sql, NULL, NULL, NULL), SQLITE_OK);
}

/* The JSON of every article of a store, one per line. */
static char *all_articles_json(store *s)
{
	strbuf b;
	sb_init(&b);
	char *err = NULL;
	int64_t n = one_int(s, "SELECT max(id) FROM article");
	for (int64_t id = 1; id <= n; id++) {
		char *json = query_article_json(s, id, &err);
		assert_non_null(json);
		sb_adds(&b, json);
		sb_addc(&b, '\n');
		free(json);
	}
	return sb_detach(&b);
}

/* A store of schema 2 (before the kept article count) is migrated
 * forward on open and its count is right; the query API reads it. */
static void test_migration_2_to_3(void **state)
{
	(void)state;
	fixture fx;
	fixture_make(&fx, 5);
	const char *path = fx.path;
	char *err = NULL;
	store *s = store_open(path, NULL, 0, &err);
	assert_non_null(s);
	downgrade_to_3(s);
	assert_int_equal(sqlite3_exec(s->db, "DROP TABLE meta; PRAGMA user_version = 2", NULL,
				      NULL, NULL),
			 SQLITE_OK);
	store_close(s);
	s = store_open(path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(one_int(s, "SELECT value FROM meta WHERE key = 'articles'"), 5);
	query_filter f;
	query_filter_init(&f);
	assert_int_equal(query_count(s, &f, &err), 5);
	query_filter_free(&f);
	store_close(s);
	fixture_free(&fx);
}

/* A store of schema 3 (a row per mention) is migrated to spans in the
 * entity rows, and every article reads back exactly as before:
 * mentions, their offsets, text and entities. */
static void test_migration_3_to_4(void **state)
{
	(void)state;
	fixture fx;
	fixture_make(&fx, 6);
	const char *path = fx.path;
	char *err = NULL;
	store *s = store_open(path, NULL, 0, &err);
	assert_non_null(s);
	char *before = all_articles_json(s);
	/* The corpus must have mentions for this to test anything. */
	assert_true(one_int(s, "SELECT sum(mentions) FROM article_entity") >= 12);
	assert_non_null(strstr(before, "\"text\":\"Nguyễn Văn An\""));
	downgrade_to_3(s);
	assert_int_equal(one_int(s, "SELECT count(*) FROM mention"),
			 one_int(s, "SELECT sum(mentions) FROM article_entity"));
	store_close(s);
	s = store_open(path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(one_int(s, "SELECT count(*) FROM sqlite_schema WHERE name = 'mention'"),
			 0);
	assert_consistent(s);
	char *after = all_articles_json(s);
	assert_string_equal(after, before);
	store_close(s);
	free(before);
	free(after);
	fixture_free(&fx);
}

/* The number of articles a full-text search finds. */
static int64_t search_count(store *s, const char *q)
{
	query_filter f;
	query_filter_init(&f);
	f.search = xstrdup(q);
	char *err = NULL;
	int64_t n = query_count(s, &f, &err);
	query_filter_free(&f);
	free(err);
	return n;
}

/* A new, empty store in a new folder; scratch_free removes both. */
static store *scratch_store(char **dir, char **path)
{
	char *err = NULL;
	*dir = make_tmpdir();
	*path = xasprintf("%s/store.db", *dir);
	store *s = store_open(*path, NULL, STORE_OPEN_CREATE, &err);
	assert_non_null(s);
	return s;
}

/* Removes what scratch_store made. */
static void scratch_free(char *dir, char *path)
{
	remove_tree(dir);
	free(path);
	free(dir);
}

/* Puts article i (a body naming place, with that mention) into s, as
 * ingest's writer does. */
static void put_place(store *s, int i, const char *place)
{
	char body[128], title[64], path[64], hash[32];
	snprintf(title, sizeof title, "Talks, day %d", i);
	int pre = snprintf(body, sizeof body, "Day %d of the talks in ", i);
	snprintf(body + pre, sizeof body - (size_t)pre, "%s ended without a deal.", place);
	article a;
	memset(&a, 0, sizeof a);
	a.title = title;
	a.body = body;
	strcpy(a.lang, "en");
	mention m = {ENT_LOC, FIELD_BODY, (size_t)pre, (size_t)pre + strlen(place), xstrdup(place),
	             xstrdup(place), {[ENT_LOC] = 100}, 0};
	mention_list ml = {&m, 1, 1, {NULL, 0, 0}};
	store_prepared prep;
	store_prepare(&a, &ml, &prep);
	snprintf(path, sizeof path, "/put/%d.txt", i);
	snprintf(hash, sizeof hash, "put%d", i);
	store_file f = {path, (int64_t)strlen(body), i};
	char *err = NULL;
	assert_int_equal(store_put_article(s, &f, hash, NULL, &a, &prep, &err), 0);
	store_prepared_free(&prep);
	free(m.surface);
	free(m.canonical);
}

/* store_flush indexes and counts inside the open transaction: the same
 * connection finds the articles at once, a rollback takes the flushed
 * index entries and counts back with the articles, a commit keeps them
 * with what was put after the flush. */
static void test_flush_in_transaction(void **state)
{
	(void)state;
	char *dir, *path, *err = NULL;
	store *s = scratch_store(&dir, &path);
	const char *geneva_articles = "SELECT coalesce(max(articles), 0) FROM entity"
	                              " WHERE name = 'Geneva'";

	assert_int_equal(store_begin(s, &err), 0);
	put_place(s, 1, "Geneva");
	put_place(s, 2, "Geneva");
	assert_int_equal(search_count(s, "geneva"), 0);
	assert_int_equal(store_flush(s, &err), 0);
	assert_int_equal(search_count(s, "geneva"), 2);
	assert_int_equal(one_int(s, geneva_articles), 2);
	put_place(s, 3, "Geneva");
	store_rollback(s);
	assert_int_equal(one_int(s, "SELECT count(*) FROM article"), 0);
	assert_int_equal(search_count(s, "geneva"), 0);
	assert_int_equal(one_int(s, geneva_articles), 0);
	assert_consistent(s);

	assert_int_equal(store_begin(s, &err), 0);
	for (int i = 1; i <= 3; i++)
		put_place(s, i, "Geneva");
	assert_int_equal(store_flush(s, &err), 0);
	put_place(s, 4, "Geneva");
	assert_int_equal(store_commit(s, &err), 0);
	store_close(s);

	s = store_open(path, NULL, 0, &err);
	assert_non_null(s);
	assert_consistent(s);
	assert_int_equal(search_count(s, "geneva"), 4);
	assert_int_equal(search_count(s, "\"day 4\""), 1);
	assert_int_equal(one_int(s, geneva_articles), 4);
	store_close(s);
	scratch_free(dir, path);
}

/* Bulk mode's page cache grows with the store: a 32nd of it, between 32
 * MB (a new store) and 128 MB (past 4 GB); the cache is back to the
 * interface's default when bulk mode ends. */
static void test_bulk_cache(void **state)
{
	(void)state;
	assert_int_equal(store_bulk_cache_kib(0), 32768);
	assert_int_equal(store_bulk_cache_kib((int64_t)1 << 30), 32768);
	assert_int_equal(store_bulk_cache_kib((int64_t)2 << 30), 65536);
	assert_int_equal(store_bulk_cache_kib((int64_t)10 << 30), 131072);

	char *dir, *path;
	store *s = scratch_store(&dir, &path);
	store_bulk_begin(s);
	assert_int_equal(one_int(s, "PRAGMA cache_size"), -32768);
	store_bulk_end(s);
	assert_int_equal(one_int(s, "PRAGMA cache_size"), -2000);
	store_close(s);
	scratch_free(dir, path);
}

/* In bulk mode the commits stay in the log until it holds half of what it
 * may (BULK_WAL_FRAMES), so that a page several transactions change is
 * copied into the file once: small commits make no checkpoint, and
 * store_bulk_end has the checkpointer copy them in a last round. */
static void test_bulk_checkpoints(void **state)
{
	(void)state;
	char *dir, *path, *err = NULL;
	store *s = scratch_store(&dir, &path);
	store_private *p = (store_private *)s;
	store_bulk_begin(s);
	assert_true(p->ckpt.running);
	for (int i = 1; i <= 3; i++) {
		assert_int_equal(store_begin(s, &err), 0);
		put_place(s, i, "Geneva");
		assert_int_equal(store_commit(s, &err), 0);
		assert_int_equal(p->ckpt.rounds, 0);
	}
	assert_true(p->wal_frames > 0);
	store_bulk_end(s);
	assert_int_equal(p->ckpt.rounds, 1);
	assert_int_equal(one_int(s, "SELECT count(*) FROM article"), 3);
	assert_consistent(s);
	store_close(s);
	scratch_free(dir, path);
}

/* Spellings of one name that differ in case ("Châu Âu", "châu Âu",
 * "CHÂU ÂU") are one entity, whether they meet in one transaction or
 * in a later ingest that starts without the writer's cache; the entity
 * keeps the first spelling. */
static void test_spellings_one_entity(void **state)
{
	(void)state;
	char *dir, *path, *err = NULL;
	store *s = scratch_store(&dir, &path);
	assert_int_equal(store_begin(s, &err), 0);
	put_place(s, 1, "Châu Âu");
	put_place(s, 2, "châu Âu");
	assert_int_equal(store_commit(s, &err), 0);
	store_close(s);

	s = store_open(path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(store_begin(s, &err), 0);
	put_place(s, 3, "CHÂU ÂU");
	put_place(s, 4, "Geneva");
	assert_int_equal(store_commit(s, &err), 0);
	assert_consistent(s);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity"), 2);
	assert_int_equal(one_int(s, "SELECT articles FROM entity WHERE name = 'Châu Âu'"), 3);
	store_close(s);
	scratch_free(dir, path);
}

/* A store of schema 4 (FTS5 merging four segments at a time) is moved
 * to merging eight; its index stays whole through further ingests. */
static void test_migration_4_to_5(void **state)
{
	(void)state;
	fixture fx;
	fixture_make(&fx, 6);
	char *err = NULL;
	store *s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "SELECT v FROM article_fts_config WHERE k = 'automerge'"), 8);
	downgrade_to_5(s);
	assert_int_equal(sqlite3_exec(s->db,
				      "INSERT INTO article_fts(article_fts, rank)"
				      " VALUES ('automerge', 4); PRAGMA user_version = 4",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	store_close(s);
	s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(one_int(s, "SELECT v FROM article_fts_config WHERE k = 'automerge'"), 8);
	assert_int_equal(search_count(s, "geneva"), 6);
	store_close(s);
	make_corpus(fx.corpus, 40);
	ingest_summary sum = ingest_dir(fx.path, fx.corpus);
	assert_int_equal(sum.added, 34);
	s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_consistent(s);
	assert_int_equal(sqlite3_exec(s->db,
				      "INSERT INTO article_fts(article_fts) VALUES ('integrity-check')",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(search_count(s, "geneva"), 40);
	assert_int_equal(search_count(s, "\"dam phan thu 7\""), 1);
	store_close(s);
	fixture_free(&fx);
}

/* A store made before new stores had 16 KB pages keeps its 4 KB pages:
 * it opens, takes changed and new articles, and stays consistent. */
static void test_old_page_size(void **state)
{
	(void)state;
	fixture fx;
	fixture_make(&fx, 4);
	char *err = NULL;
	store *s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	/* The page size of a WAL database changes only outside WAL mode. */
	assert_int_equal(sqlite3_exec(s->db,
				      "PRAGMA journal_mode = DELETE; PRAGMA page_size = 4096;"
				      " VACUUM; PRAGMA journal_mode = WAL",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(one_int(s, "PRAGMA page_size"), 4096);
	store_close(s);
	make_corpus(fx.corpus, 9);
	ingest_summary sum = ingest_dir(fx.path, fx.corpus);
	assert_int_equal(sum.added + sum.changed, 5);
	s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "PRAGMA page_size"), 4096);
	assert_consistent(s);
	assert_int_equal(one_int(s, "SELECT count(*) FROM article"), 9);
	store_close(s);
	fixture_free(&fx);
}

/* Sets article_of(path)'s and path's hash to the schema-5 hash of the
 * bytes of file bytes_of. */
static void set_legacy_hash(store *s, const char *path, const char *bytes_of)
{
	FILE *f = fopen(bytes_of, "rb");
	assert_non_null(f);
	char buf[4096];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	char legacy[LEGACY_HASH_SIZE];
	legacy_content_hash(buf, n, legacy);
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db,
					    "UPDATE article SET hash = ?1 WHERE id ="
					    " (SELECT article_id FROM file WHERE path = ?2)",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, legacy, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(s->db, "UPDATE file SET hash = ?1 WHERE path = ?2", -1,
					    &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_text(st, 1, legacy, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, path, -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

/* The id of the article the file at corpus/article-0000i.txt holds. */
static int64_t article_of(store *s, const char *corpus, int i)
{
	char *sql = xasprintf("SELECT article_id FROM file WHERE path = '%s/article-%05d.txt'",
			      corpus, i);
	int64_t id = one_int(s, sql);
	free(sql);
	return id;
}

/* The entities of a store with their types and counts, in key order. */
static char *entity_types(store *s)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db,
					    "SELECT group_concat(t, ',') FROM (SELECT type || ':' || key"
					    " || ':' || articles AS t FROM entity WHERE articles > 0"
					    " ORDER BY key, type)",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	char *v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

/* Counts the entities query_facets lists without --all. */
static int64_t facet_count(store *s)
{
	query_filter f;
	query_filter_init(&f);
	facet_row rows[64];
	char *err = NULL;
	int n = query_facets(s, &f, -1, NULL, 64, rows, &err);
	assert_true(n >= 0);
	for (int i = 0; i < n; i++)
		facet_row_free(&rows[i]);
	query_filter_free(&f);
	return n;
}

/* A store of schema 6 (no evidence kept) is migrated with the types it
 * had: its rows count as evidence of their types, so that an entity
 * whose type the extractor had only guessed stays listed as it was,
 * not of low confidence, and the counts stay exact. */
static void test_migration_6_to_7(void **state)
{
	(void)state;
	fixture fx;
	fixture_make(&fx, 3);
	/* a name with no evidence of its type: typed PER by a guess */
	char *file = xasprintf("%s/guessed.txt", fx.corpus);
	const char *text = "Lễ hội mùa xuân\n\nMùa xuân năm nay, Mộc Yên rực rỡ sắc hoa."
			   " Nhiều gia đình nói Mộc Yên đẹp nhất vào tháng hai.\n";
	write_file(file, text, strlen(text));
	ingest_dir(fx.path, fx.corpus);
	char *err = NULL;
	store *s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity WHERE articles > 0"
				    " AND evidence = 0 AND type = 'PER' AND key = 'moc:ooj yen'"),
			 1);
	char *before = entity_types(s);
	downgrade_to_6(s);
	store_close(s);
	s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	char *after = entity_types(s);
	assert_string_equal(after, before);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity WHERE articles > 0"
				    " AND evidence = 0"),
			 0);
	assert_int_equal(facet_count(s), one_int(s, "SELECT count(*) FROM entity"
						    " WHERE articles > 0"));
	assert_consistent(s);
	store_close(s);
	/* and it goes on: a changed article's rows leave with their counts */
	text = "Lễ hội mùa thu\n\nMùa thu năm nay, Mộc Yên vắng khách.\n";
	write_file(file, text, strlen(text));
	ingest_dir(fx.path, fx.corpus);
	s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_consistent(s);
	store_close(s);
	free(before);
	free(after);
	free(file);
	fixture_free(&fx);
}

/* Two stores of one user share the user's state database: a write
 * transaction of one store's ingest must not lock it, or marking an
 * article read in another lede (or another ingest) waits and fails with
 * "database is locked". */
static void test_write_leaves_state_free(void **state)
{
	(void)state;
	fixture a, b;
	fixture_make(&a, 2);
	fixture_make(&b, 2);
	char *state_db = xasprintf("%s/state.db", a.dir);
	char *err = NULL;
	store *sa = store_open(a.path, state_db, 0, &err);
	store *sb = store_open(b.path, state_db, 0, &err);
	assert_non_null(sa);
	assert_non_null(sb);
	assert_int_equal(store_begin(sa, &err), 0);
	/* the other store's mark is written at once, not after a timeout */
	sqlite3_busy_timeout(sb->db, 50);
	assert_int_equal(query_set_read(sb, 1, 1), 0);
	assert_int_equal(store_commit(sa, &err), 0);
	/* and the store itself is still locked for a second writer */
	assert_int_equal(store_begin(sa, &err), 0);
	store *sa2 = store_open(a.path, NULL, 0, &err);
	assert_non_null(sa2);
	sqlite3_busy_timeout(sa2->db, 50);
	assert_int_equal(store_begin(sa2, &err), -1);
	assert_non_null(strstr(err, "cannot write the store"));
	free(err);
	err = NULL;
	assert_int_equal(store_commit(sa, &err), 0);
	store_close(sa2);
	store_close(sa);
	store_close(sb);
	free(state_db);
	fixture_free(&a);
	fixture_free(&b);
}

/* A store of schema 7 gains the learned flag, 0 everywhere, and its
 * entities are shown as before. */
static void test_migration_7_to_8(void **state)
{
	(void)state;
	fixture fx;
	fixture_make(&fx, 3);
	char *err = NULL;
	store *s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	int64_t shown = facet_count(s);
	downgrade_to_7(s);
	store_close(s);
	s = store_open(fx.path, NULL, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(one_int(s, "SELECT count(*) FROM entity WHERE learned <> 0"), 0);
	assert_int_equal(facet_count(s), shown);
	assert_consistent(s);
	store_close(s);
	fixture_free(&fx);
}

/* A store of schema 5 knew articles by the FNV-1a 64 of their file, for
 * which anyone can make a file with a given hash. Migrated to schema 6,
 * it keeps them, with their marks. The next ingest finds them by their
 * text, touched or copied (nothing added, nothing lost, same ids, marks
 * kept, hashes now SHA-256), and a file made to have an article's old
 * hash with another text is an article of its own and hides nothing. */
static void test_migration_5_to_6(void **state)
{
	(void)state;
	fixture fx;
	fixture_make(&fx, 4);
	char *state_db = xasprintf("%s/state.db", fx.dir);
	char *forged = xasprintf("%s/forged.txt", fx.dir);
	const char forged_text[] = "A forged article\n\nIt has the old hash of article 3.\n";
	write_file(forged, forged_text, strlen(forged_text));
	char *err = NULL;
	store *s = store_open(fx.path, state_db, 0, &err);
	assert_non_null(s);
	int64_t ids[4];
	for (int i = 0; i < 4; i++) {
		ids[i] = article_of(s, fx.corpus, i);
		char *path = xasprintf("%s/article-%05d.txt", fx.corpus, i);
		/* Article 3's old hash is the forged file's: as if that file
		 * had been made to collide with it. */
		set_legacy_hash(s, path, i == 3 ? forged : path);
		free(path);
	}
	/* A store of before schema 6 could name as an article's source a
	 * file that no longer held it: the migration renames it. */
	assert_int_equal(sqlite3_exec(s->db,
				      "UPDATE article SET source = 'gone.txt' WHERE id IN (SELECT id"
				      " FROM article ORDER BY id LIMIT 2)",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(one_int(s, "SELECT count(*) FROM article WHERE source = 'gone.txt'"), 2);
	downgrade_to_5(s);
	assert_int_equal(query_set_read(s, ids[0], 1), 0);
	assert_int_equal(query_set_starred(s, ids[1], 1), 0);
	store_close(s);

	s = store_open(fx.path, state_db, 0, &err);
	assert_non_null(s);
	assert_int_equal(one_int(s, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(one_int(s, "SELECT value FROM meta WHERE key = 'legacy_articles'"), 4);
	assert_int_equal(one_int(s, "SELECT count(*) FROM article WHERE length(hash) = 64"), 0);
	assert_int_equal(one_int(s, "SELECT count(*) FROM article WHERE source = 'gone.txt'"), 0);
	assert_int_equal(one_int(s, "SELECT count(*) FROM article a WHERE NOT EXISTS (SELECT 1 FROM"
				    " file f WHERE f.article_id = a.id AND f.path LIKE '%/' || a.source)"),
			 0);
	store_close(s);

	/* Article 0 and 2's files touched, article 1's copied, the forged
	 * file added; article 3's file untouched. */
	struct timespec later[2] = {{0, UTIME_OMIT}, {time(NULL) + 100, 0}};
	for (int i = 0; i < 3; i += 2) {
		char *path = xasprintf("%s/article-%05d.txt", fx.corpus, i);
		assert_int_equal(utimensat(AT_FDCWD, path, later, 0), 0);
		free(path);
	}
	char *cmd = xasprintf("cp '%s/article-00001.txt' '%s/copy.txt' && cp '%s' '%s/'",
			      fx.corpus, fx.corpus, forged, fx.corpus);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	ingest_summary sum = ingest_dir(fx.path, fx.corpus);
	assert_int_equal(sum.unchanged, 4);
	assert_int_equal(sum.duplicate, 1);
	assert_int_equal(sum.added, 1);
	assert_int_equal(sum.changed, 0);

	s = store_open(fx.path, state_db, 0, &err);
	assert_non_null(s);
	assert_consistent(s);
	assert_int_equal(one_int(s, "SELECT count(*) FROM article"), 5);
	for (int i = 0; i < 4; i++)
		assert_int_equal(article_of(s, fx.corpus, i), ids[i]);
	/* The articles met again have SHA-256 hashes, their files too; the
	 * forged file's article is new, and article 3 is still its own. */
	assert_int_equal(one_int(s, "SELECT count(*) FROM article WHERE length(hash) = 64"), 4);
	assert_int_equal(one_int(s, "SELECT count(*) FROM file WHERE length(hash) = 64"), 5);
	assert_int_equal(one_int(s, "SELECT count(*) FROM hash_legacy"), 3);
	assert_int_equal(search_count(s, "forged"), 1);
	article_full a;
	assert_int_equal(query_article(s, ids[3], NULL, &a, &err), 1);
	assert_non_null(strstr(a.title, "số 3"));
	article_full_free(&a);
	/* Marks made under the old hashes hold. */
	assert_int_equal(query_article(s, ids[0], NULL, &a, &err), 1);
	assert_int_equal(a.read, 1);
	article_full_free(&a);
	assert_int_equal(query_article(s, ids[1], NULL, &a, &err), 1);
	assert_int_equal(a.starred, 1);
	assert_int_equal(a.paths.n, 2);
	article_full_free(&a);
	store_close(s);
	free(forged);
	free(state_db);
	fixture_free(&fx);
}

/* The poll of another connection sees every commit, one that adds no
 * article too (a file forgotten whose article another file holds changes
 * only the list's source), and nothing else. */
static void test_poll_sees_commits(void **state)
{
	(void)state;
	char *dir, *path, *err = NULL;
	store *w = scratch_store(&dir, &path);
	assert_int_equal(store_begin(w, &err), 0);
	put_place(w, 0, "Geneva");
	assert_int_equal(store_commit(w, &err), 0);
	store *r = store_open(path, NULL, STORE_OPEN_READONLY, &err);
	assert_non_null(r);
	query_store_changed(r);
	assert_false(query_store_changed(r));
	assert_int_equal(store_begin(w, &err), 0);
	assert_int_equal(store_commit(w, &err), 0);
	assert_true(query_store_changed(r));
	assert_false(query_store_changed(r));
	store_close(r);
	store_close(w);
	scratch_free(dir, path);
}

/* Sends one byte to the other process of a test. */
static void signal_peer(int fd, char c)
{
	if (write(fd, &c, 1) != 1)
		_exit(90);
}

/* Waits for the other process's byte c; false when it ended instead. */
static int await_peer(int fd, char c)
{
	char got;
	return read(fd, &got, 1) == 1 && got == c;
}

/* The shared reader's part of test_shared_store, as user nobody: its
 * exit status names the first check that failed (0: none). */
static int shared_reader(const char *path, int from_writer, int to_writer)
{
	char *err = NULL;
	if (setgroups(0, NULL) || setgid(65534) || setuid(65534))
		return 2;
	/* A live writer with commits still in its log: all of them show. */
	if (!await_peer(from_writer, 'A'))
		return 3;
	store *r = store_open(path, NULL, 0, &err);
	if (!r)
		return 4;
	if (!r->readonly)
		return 5;
	query_filter f;
	query_filter_init(&f);
	if (query_count(r, &f, &err) != 8)
		return 6;
	query_store_changed(r);
	if (query_store_changed(r))
		return 7;
	signal_peer(to_writer, 'a');
	/* A commit made while reading shows at the next poll, once. */
	if (!await_peer(from_writer, 'B'))
		return 8;
	if (!query_store_changed(r))
		return 9;
	if (query_count(r, &f, &err) != 9)
		return 10;
	if (query_store_changed(r))
		return 11;
	store_close(r);
	signal_peer(to_writer, 'b');
	/* The writer ended without checkpointing (as when killed): what it
	 * committed is in the log only, and no process has the store open. */
	if (!await_peer(from_writer, 'C'))
		return 12;
	r = store_open(path, NULL, 0, &err);
	if (!r)
		return 13;
	if (query_count(r, &f, &err) != 9)
		return 14;
	query_store_changed(r);
	if (query_store_changed(r) || query_store_changed(r))
		return 15;
	store_close(r);
	query_filter_free(&f);
	return 0;
}

/* Waits for the reader's byte c; when the reader ended instead, fails
 * with the number of the reader's check that failed. */
static void await_reader(int fd, char c, pid_t pid)
{
	if (await_peer(fd, c))
		return;
	int status = 0;
	waitpid(pid, &status, 0);
	fail_msg("the reader stopped at check %d", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* A store shared on a server: root writes it in a folder that only root
 * may write, and user nobody reads it. The reader sees every commit,
 * while the writer runs (its log not yet copied into the file) and
 * after it ended without a checkpoint, and polling finds each change
 * once. Needs root, to be two users. */
static void test_shared_store(void **state)
{
	(void)state;
	if (geteuid() != 0)
		skip();
	umask(022);
	signal(SIGPIPE, SIG_IGN); /* a reader that stopped early is reported */
	fixture fx;
	fixture_make(&fx, 5);
	assert_int_equal(chmod(fx.dir, 0755), 0);
	int down[2], up[2];
	assert_int_equal(pipe(down), 0);
	assert_int_equal(pipe(up), 0);
	/* The reader is forked before the writer opens anything: SQLite
	 * connections are not to cross a fork. */
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(down[1]);
		close(up[0]);
		_exit(shared_reader(fx.path, down[0], up[1]));
	}
	close(down[0]);
	close(up[1]);
	char *err = NULL;
	store *w = store_open(fx.path, NULL, 0, &err);
	assert_non_null(w);
	/* Commits stay in the log: no checkpoints, not even at close. */
	assert_int_equal(sqlite3_exec(w->db, "PRAGMA wal_autocheckpoint = 0", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_db_config(w->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL),
			 SQLITE_OK);
	assert_int_equal(store_begin(w, &err), 0);
	for (int i = 0; i < 3; i++)
		put_place(w, i, "Geneva");
	assert_int_equal(store_commit(w, &err), 0);
	signal_peer(down[1], 'A');
	await_reader(up[0], 'a', pid);
	assert_int_equal(store_begin(w, &err), 0);
	put_place(w, 3, "Hanoi");
	assert_int_equal(store_commit(w, &err), 0);
	signal_peer(down[1], 'B');
	await_reader(up[0], 'b', pid);
	store_close(w);
	struct stat st;
	char *wal = xasprintf("%s-wal", fx.path);
	assert_int_equal(stat(wal, &st), 0);
	assert_true(st.st_size > 0);
	free(wal);
	signal_peer(down[1], 'C');
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	close(down[1]);
	close(up[0]);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	fixture_free(&fx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_store_schema),
		cmocka_unit_test(test_missing_store),
		cmocka_unit_test(test_foreign_database),
		cmocka_unit_test(test_newer_schema),
		cmocka_unit_test(test_changed_file_replaces),
		cmocka_unit_test(test_migration_2_to_3),
		cmocka_unit_test(test_migration_3_to_4),
		cmocka_unit_test(test_migration_4_to_5),
		cmocka_unit_test(test_migration_5_to_6),
		cmocka_unit_test(test_migration_6_to_7),
		cmocka_unit_test(test_migration_7_to_8),
		cmocka_unit_test(test_write_leaves_state_free),
		cmocka_unit_test(test_migration_8_to_9),
		cmocka_unit_test(test_migration_9_to_10),
		cmocka_unit_test(test_migration_10_to_11),
		cmocka_unit_test(test_migration_11_to_12),
		cmocka_unit_test(test_edits_survive_marks),
		cmocka_unit_test(test_flush_in_transaction),
		cmocka_unit_test(test_bulk_cache),
		cmocka_unit_test(test_bulk_checkpoints),
		cmocka_unit_test(test_spellings_one_entity),
		cmocka_unit_test(test_old_page_size),
		cmocka_unit_test(test_killed_ingest),
		cmocka_unit_test(test_poll_sees_commits),
		cmocka_unit_test(test_shared_store),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
