/* test_marks.c: marks are written off the disk's sync path and kept: the
 * state database commits in WAL mode with synchronous NORMAL (no sync per
 * commit), its commits do not checkpoint it (a checkpoint syncs), and a
 * mark is in the state database as soon as query_set_read returns, for a
 * process killed (SIGKILL) right after it. */
#include "config.h"

#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "query.h"
#include "store.h"
#include "util.h"

#define N_ARTICLES 8

static char *tmpdir, *db_path, *state_path;

/* Opens the store with its state database; fails the test if it cannot. */
static store *open_store(void)
{
	char *err = NULL;
	store *s = store_open(db_path, state_path, STORE_OPEN_CREATE, &err);
	if (!s)
		fail_msg("store_open: %s", err);
	assert_true(s->has_state);
	return s;
}

/* Makes a store of a few articles, without entities. */
static int setup(void **state)
{
	(void)state;
	tmpdir = xstrdup("/tmp/lede-test-marks.XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	db_path = xasprintf("%s/store.db", tmpdir);
	state_path = xasprintf("%s/state.db", tmpdir);
	char *err = NULL;
	store *s = store_open(db_path, state_path, STORE_OPEN_CREATE, &err);
	if (!s || store_begin(s, &err))
		return -1;
	for (int i = 0; i < N_ARTICLES; i++) {
		char title[32], path[32], hash[32];
		snprintf(title, sizeof title, "Article %d", i);
		snprintf(path, sizeof path, "/marks/%d.txt", i);
		snprintf(hash, sizeof hash, "marks%08d", i);
		article a;
		memset(&a, 0, sizeof a);
		a.title = title;
		a.body = title;
		strcpy(a.lang, "en");
		store_file f = {path, 10, i};
		if (store_put_article(s, &f, hash, NULL, &a, NULL, &err) < 0)
			return -1;
	}
	if (store_commit(s, &err))
		return -1;
	store_close(s);
	return 0;
}

/* Removes the store. */
static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", tmpdir);
	int rc = system(cmd);
	free(cmd);
	free(tmpdir);
	free(db_path);
	free(state_path);
	return rc;
}

/* The number of frames in the state database's log (a passive
 * checkpoint reports it, copying what it can). */
static int state_log_frames(store *s)
{
	int log = -1, done = -1;
	assert_int_equal(sqlite3_wal_checkpoint_v2(s->db, "state", SQLITE_CHECKPOINT_PASSIVE, &log,
						   &done),
			 SQLITE_OK);
	return log;
}

/* The state database syncs nothing per commit: WAL with synchronous
 * NORMAL (it was FULL: an fdatasync per mark, seconds while an ingest
 * wrote). */
static void test_state_commits_without_sync(void **state)
{
	(void)state;
	store *s = open_store();
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA state.synchronous", -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int(st, 0), 1); /* NORMAL */
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(s->db, "PRAGMA state.journal_mode", -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "wal");
	sqlite3_finalize(st);
	store_close(s);
}

/* Marks made one after the other never checkpoint the state database in
 * their commit (SQLite's own hook did, at 1,000 frames, syncing twice);
 * the log is whole until the store closes, and the marks are right. */
static void test_marks_do_not_checkpoint(void **state)
{
	(void)state;
	store *s = open_store();
	for (int i = 0; i < 1200; i++)
		assert_int_equal(query_set_read(s, 1 + i % N_ARTICLES, (i / N_ARTICLES) % 2 == 0),
				 0);
	/* One frame per commit: none was copied back and the log restarted. */
	assert_true(state_log_frames(s) >= 1200);
	store_close(s);
	/* 1,200 marks: 150 rounds over the articles, the last round set read=0
	 * ((1199 / 8) % 2 == 1). */
	s = open_store();
	query_filter f;
	query_filter_init(&f);
	f.unread_only = 1;
	char *err = NULL;
	assert_int_equal(query_count(s, &f, &err), N_ARTICLES);
	query_filter_free(&f);
	store_close(s);
}

/* store_state_warm's thread commits on its own connection while marks are
 * made on the store's; store_close waits for it, and every mark is kept. */
static void test_state_warm_beside_marks(void **state)
{
	(void)state;
	store *s = open_store();
	store_state_warm(s);
	for (int i = 0; i < 40; i++)
		assert_int_equal(query_set_starred(s, 1 + i % N_ARTICLES, i < 40 - N_ARTICLES), 0);
	store_close(s);
	s = open_store();
	query_filter f;
	query_filter_init(&f);
	f.starred_only = 1;
	char *err = NULL;
	assert_int_equal(query_count(s, &f, &err), 0);
	query_filter_free(&f);
	store_close(s);
}

/* A mark is kept when the process is killed (SIGKILL) right after
 * query_set_read returns: the commit is in the log, not only in memory. */
static void test_mark_survives_kill(void **state)
{
	(void)state;
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		char *err = NULL;
		store *s = store_open(db_path, state_path, 0, &err);
		if (!s || query_set_read(s, 3, 1) != 0 || query_set_starred(s, 5, 1) != 0)
			_exit(1);
		kill(getpid(), SIGKILL);
		_exit(2);
	}
	int status = 0;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
	store *s = open_store();
	article_full a;
	char *err = NULL;
	assert_int_equal(query_article(s, 3, NULL, &a, &err), 1);
	assert_int_equal(a.read, 1);
	article_full_free(&a);
	assert_int_equal(query_article(s, 5, NULL, &a, &err), 1);
	assert_int_equal(a.starred, 1);
	article_full_free(&a);
	store_close(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_commits_without_sync),
		cmocka_unit_test(test_marks_do_not_checkpoint),
		cmocka_unit_test(test_state_warm_beside_marks),
		cmocka_unit_test(test_mark_survives_kill),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
