/* test_worker.c: the interface's slow-read worker (ui/worker.c) with
 * jobs the test controls (a gate holds one running): an answer is
 * delivered, a failure too; a newer job replaces one not yet begun and
 * the answer to an older one is never taken; every argument and every
 * answer nobody took is freed exactly once (counted here, and ASan sees
 * leaks in a sanitizer build); stopping with a job running and another
 * waiting returns at once, and the worker then ends and frees itself.
 * Nothing sleeps: the test waits on its own condition variable, with a
 * timeout, for what the jobs and free functions report. */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "query.h"
#include "store.h"
#include "testutil.h"
#include "util.h"
#include "worker.h"

/* The longest a test waits for the worker (a loaded machine is slow;
 * only a broken worker gets near it). */
#define WAIT_SECONDS 30
#define MAX_JOBS 16

static char *tmpdir;
static store *main_store;

/* What the jobs and the free functions report, under mu. */
static struct probe {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int runs[MAX_JOBS];
	int arg_frees[MAX_JOBS];
	int result_frees[MAX_JOBS];
	int started; /* the tag of the last job begun, -1: none */
	int gate_open; /* jobs gated at this level or below go on */
	int stopped; /* worker_stop returned (stop_thread) */
	int all_entities[MAX_JOBS]; /* the setting each job's connection had */
	int on_main; /* jobs run on the interface's own connection */
} P = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

/* A job's argument: its tag, the gate it waits at (0: none), whether
 * it fails. */
typedef struct job_arg {
	int tag, gated, fails;
} job_arg;

/* A job's answer: the tag of the job that made it. */
typedef struct job_answer {
	int tag;
} job_answer;

/* Forgets what earlier tests saw. */
static void probe_reset(void)
{
	pthread_mutex_lock(&P.mu);
	memset(P.runs, 0, sizeof P.runs);
	memset(P.arg_frees, 0, sizeof P.arg_frees);
	memset(P.result_frees, 0, sizeof P.result_frees);
	memset(P.all_entities, 0, sizeof P.all_entities);
	P.on_main = 0;
	P.started = -1;
	P.gate_open = 0;
	P.stopped = 0;
	pthread_mutex_unlock(&P.mu);
}

/* The deadline WAIT_SECONDS from now, for pthread_cond_timedwait. */
static struct timespec deadline(void)
{
	struct timespec t;
	clock_gettime(CLOCK_REALTIME, &t);
	t.tv_sec += WAIT_SECONDS;
	return t;
}

/* Waits (P.mu held) until *what is at least want, or the deadline;
 * returns whether it is. */
static int wait_locked(const int *what, int want)
{
	struct timespec until = deadline();
	while (*what < want)
		if (pthread_cond_timedwait(&P.cv, &P.mu, &until) == ETIMEDOUT)
			break;
	return *what >= want;
}

/* Waits until *what reaches want (a count or flag in P). */
static int wait_for(const int *what, int want)
{
	pthread_mutex_lock(&P.mu);
	int ok = wait_locked(what, want);
	pthread_mutex_unlock(&P.mu);
	return ok;
}

/* The count *what, read under the lock. */
static int probe_get(const int *what)
{
	pthread_mutex_lock(&P.mu);
	int v = *what;
	pthread_mutex_unlock(&P.mu);
	return v;
}

/* Opens the gates up to level: jobs gated there go on. */
static void open_gate(int level)
{
	pthread_mutex_lock(&P.mu);
	P.gate_open = level;
	pthread_cond_broadcast(&P.cv);
	pthread_mutex_unlock(&P.mu);
}

/* The job: counts its run, waits at its gate when gated, then answers
 * with its tag or fails. */
static void *job_run(store *s, void *arg, int *failed, char **err)
{
	job_arg *a = arg;
	pthread_mutex_lock(&P.mu);
	P.on_main += s == main_store;
	P.runs[a->tag]++;
	P.all_entities[a->tag] = s->all_entities;
	P.started = a->tag;
	pthread_cond_broadcast(&P.cv);
	if (a->gated)
		wait_locked(&P.gate_open, a->gated);
	pthread_mutex_unlock(&P.mu);
	if (a->fails) {
		*failed = 1;
		*err = xasprintf("job %d failed", a->tag);
		return NULL;
	}
	job_answer *r = xmalloc(sizeof *r);
	r->tag = a->tag;
	return r;
}

/* Frees a job's argument, counted. */
static void arg_free(void *arg)
{
	job_arg *a = arg;
	pthread_mutex_lock(&P.mu);
	P.arg_frees[a->tag]++;
	pthread_cond_broadcast(&P.cv);
	pthread_mutex_unlock(&P.mu);
	free(a);
}

/* Frees a job's answer, counted. */
static void result_free(void *res)
{
	job_answer *r = res;
	pthread_mutex_lock(&P.mu);
	P.result_frees[r->tag]++;
	pthread_cond_broadcast(&P.cv);
	pthread_mutex_unlock(&P.mu);
	free(r);
}

/* A new job argument. */
static job_arg *job(int tag, int gated, int fails)
{
	job_arg *a = xmalloc(sizeof *a);
	a->tag = tag;
	a->gated = gated;
	a->fails = fails;
	return a;
}

/* Submits a job to w. */
static unsigned submit(worker *w, int tag, int gated, int fails)
{
	return worker_submit(w, job_run, job(tag, gated, fails), arg_free, result_free);
}

/* A running worker on the test's store. */
static worker *start(void)
{
	probe_reset();
	worker *w = worker_start(main_store);
	assert_non_null(w);
	return w;
}

/* Makes an empty store for the workers to open. */
static int setup(void **state)
{
	(void)state;
	main_store = temp_store("test-worker", &tmpdir);
	return main_store ? 0 : -1;
}

/* Removes the store. */
static int teardown(void **state)
{
	(void)state;
	return temp_store_remove(main_store, tmpdir);
}

/* A job runs and its answer is the caller's; a failure comes back as
 * its message; an answer not there yet is not waited for unless asked. */
static void test_answer(void **state)
{
	(void)state;
	worker *w = start();
	void *res = NULL;
	char *err = NULL;
	unsigned id = submit(w, 1, 1, 0);
	assert_int_not_equal(id, 0);
	assert_true(wait_for(&P.started, 1));
	assert_int_equal(worker_collect(w, id, 0, &res, &err), 0); /* at the gate */
	assert_null(res);
	open_gate(1);
	assert_int_equal(worker_collect(w, id, 1, &res, &err), 1);
	assert_non_null(res);
	assert_int_equal(((job_answer *)res)->tag, 1);
	assert_int_equal(probe_get(&P.runs[1]), 1);
	assert_int_equal(probe_get(&P.arg_frees[1]), 1);
	assert_int_equal(probe_get(&P.result_frees[1]), 0); /* the caller's */
	result_free(res);
	/* Taken once: asking again gets nothing, at once. */
	res = NULL;
	assert_int_equal(worker_collect(w, id, 1, &res, &err), 0);
	assert_null(res);

	unsigned bad = submit(w, 2, 0, 1);
	assert_int_not_equal(bad, id);
	assert_int_equal(worker_collect(w, bad, 1, &res, &err), -1);
	assert_null(res);
	assert_string_equal(err, "job 2 failed");
	free(err);
	assert_int_equal(probe_get(&P.arg_frees[2]), 1);
	worker_stop(w);
	assert_int_equal(probe_get(&P.result_frees[1]), 1); /* the test's own, only */
	assert_int_equal(probe_get(&P.on_main), 0); /* on the worker's connection */
}

/* A newer job replaces one not yet begun (its argument freed, never
 * run); the job running finishes, but its answer is never taken for the
 * newer one's, and the worker frees it once. */
static void test_superseded(void **state)
{
	(void)state;
	worker *w = start();
	void *res = NULL;
	char *err = NULL;
	unsigned a = submit(w, 1, 1, 0);
	assert_true(wait_for(&P.started, 1)); /* running, at the first gate */
	unsigned b = submit(w, 2, 0, 0);
	unsigned c = submit(w, 3, 2, 0);
	assert_true(a != b && b != c && a != c);
	assert_int_equal(probe_get(&P.arg_frees[2]), 1); /* replaced: freed now */
	assert_int_equal(worker_collect(w, c, 0, &res, &err), 0);
	open_gate(1);
	/* 1 has answered and 3 runs, at the second gate: 1's answer is
	 * there, and it is not 3's. */
	assert_true(wait_for(&P.started, 3));
	assert_int_equal(worker_collect(w, c, 0, &res, &err), 0);
	assert_null(res);
	open_gate(2);
	assert_int_equal(worker_collect(w, c, 1, &res, &err), 1);
	assert_int_equal(((job_answer *)res)->tag, 3);
	result_free(res);
	assert_int_equal(probe_get(&P.runs[1]), 1);
	assert_int_equal(probe_get(&P.runs[2]), 0);
	assert_int_equal(probe_get(&P.runs[3]), 1);
	/* The older answers are gone: asking for them does not wait. */
	res = NULL;
	assert_int_equal(worker_collect(w, a, 1, &res, &err), 0);
	assert_int_equal(worker_collect(w, b, 1, &res, &err), 0);
	assert_null(res);
	assert_int_equal(probe_get(&P.result_frees[1]), 1);
	worker_stop(w);
	for (int t = 1; t <= 3; t++)
		assert_int_equal(probe_get(&P.arg_frees[t]), 1);
	assert_int_equal(probe_get(&P.result_frees[1]), 1);
	assert_int_equal(probe_get(&P.result_frees[3]), 1); /* by the test, once */
}

/* Answers nobody took and jobs never begun are freed once when the
 * worker stops: an answer, a failure's message (ASan), a job waiting. */
static void test_stop_frees(void **state)
{
	(void)state;
	worker *w = start();
	submit(w, 1, 0, 0);
	assert_true(wait_for(&P.arg_frees[1], 1)); /* run; its answer kept */
	worker_stop(w);
	assert_true(wait_for(&P.result_frees[1], 1));

	w = start();
	submit(w, 2, 0, 1); /* fails: the message is the worker's to free */
	assert_true(wait_for(&P.arg_frees[2], 1));
	worker_stop(w);

	w = start();
	submit(w, 3, 1, 0);
	assert_true(wait_for(&P.started, 3));
	submit(w, 4, 0, 0); /* waiting behind the gated job */
	open_gate(1);
	worker_stop(w); /* 4 may or may not have begun: freed once either way */
	assert_true(wait_for(&P.arg_frees[4], 1));
	assert_true(wait_for(&P.result_frees[3], 1));
	assert_int_equal(probe_get(&P.arg_frees[3]), 1);
	/* Its argument freed, whether 4 ran is settled. */
	assert_true(probe_get(&P.runs[4]) <= 1);
	if (probe_get(&P.runs[4]))
		assert_true(wait_for(&P.result_frees[4], 1));
	assert_int_equal(probe_get(&P.result_frees[4]), probe_get(&P.runs[4]));
	assert_int_equal(probe_get(&P.result_frees[3]), 1);
	assert_int_equal(probe_get(&P.arg_frees[4]), 1);
}

/* worker_stop on its own thread, so that a stop that waits for the
 * running job shows as a timeout instead of a hung test. */
static void *stop_thread(void *arg)
{
	worker_stop(arg);
	pthread_mutex_lock(&P.mu);
	P.stopped = 1;
	pthread_cond_broadcast(&P.cv);
	pthread_mutex_unlock(&P.mu);
	return NULL;
}

/* Stopping with a job running and one waiting returns without waiting
 * for the running one; the waiting one never runs; once the running one
 * ends, the worker frees its argument, its answer and the waiting job's
 * argument, each once. */
static void test_stop_while_running(void **state)
{
	(void)state;
	worker *w = start();
	submit(w, 1, 1, 0);
	assert_true(wait_for(&P.started, 1));
	submit(w, 2, 0, 0);
	pthread_t t;
	assert_int_equal(pthread_create(&t, NULL, stop_thread, w), 0);
	int stopped = wait_for(&P.stopped, 1);
	open_gate(1); /* a stop that waited for the job ends now */
	pthread_join(t, NULL);
	assert_true(stopped);
	assert_true(wait_for(&P.arg_frees[1], 1));
	assert_true(wait_for(&P.result_frees[1], 1));
	assert_true(wait_for(&P.arg_frees[2], 1));
	assert_int_equal(probe_get(&P.runs[1]), 1);
	assert_int_equal(probe_get(&P.runs[2]), 0);
	assert_int_equal(probe_get(&P.arg_frees[1]), 1);
	assert_int_equal(probe_get(&P.result_frees[1]), 1);
	assert_int_equal(probe_get(&P.arg_frees[2]), 1);
}

/* Jobs read with the interface's setting for entities of low confidence
 * as it was when submitted. */
static void test_reading_settings(void **state)
{
	(void)state;
	worker *w = start();
	void *res = NULL;
	char *err = NULL;
	query_all_entities(main_store, 1);
	unsigned id = submit(w, 1, 0, 0);
	query_all_entities(main_store, 0);
	assert_int_equal(worker_collect(w, id, 1, &res, &err), 1);
	result_free(res);
	id = submit(w, 2, 0, 0);
	assert_int_equal(worker_collect(w, id, 1, &res, &err), 1);
	result_free(res);
	assert_int_equal(probe_get(&P.all_entities[1]), 1);
	assert_int_equal(probe_get(&P.all_entities[2]), 0);
	worker_stop(w);
}

/* worker_ask: the worker, started at the first call, has the job; with
 * no worker the job runs here, its argument freed once, a failure given
 * as NULL and its message. */
static void test_ask(void **state)
{
	(void)state;
	probe_reset();
	worker *w = NULL;
	int no_worker = 0;
	unsigned id = 0;
	void *res = NULL;
	char *err = NULL;
	assert_int_equal(worker_ask(&w, &no_worker, main_store, job_run, job(1, 0, 0), arg_free,
	                            result_free, &id, &res, &err),
	                 1);
	assert_non_null(w);
	assert_int_equal(no_worker, 0);
	assert_int_equal(worker_collect(w, id, 1, &res, &err), 1);
	assert_int_equal(((job_answer *)res)->tag, 1);
	result_free(res);
	worker_stop(w);

	assert_int_equal(probe_get(&P.on_main), 0);

	/* Without a worker (one could not start): here, on this connection. */
	w = NULL;
	no_worker = 1;
	res = NULL;
	assert_int_equal(worker_ask(&w, &no_worker, main_store, job_run, job(2, 0, 0), arg_free,
	                            result_free, &id, &res, &err),
	                 0);
	assert_null(w);
	assert_int_equal(((job_answer *)res)->tag, 2);
	result_free(res);
	assert_int_equal(probe_get(&P.arg_frees[2]), 1);
	assert_int_equal(probe_get(&P.on_main), 1);
	res = &res; /* must be cleared */
	assert_int_equal(worker_ask(&w, &no_worker, main_store, job_run, job(3, 0, 1), arg_free,
	                            result_free, &id, &res, &err),
	                 0);
	assert_null(res);
	assert_string_equal(err, "job 3 failed");
	free(err);
	assert_int_equal(probe_get(&P.arg_frees[3]), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_answer),
	    cmocka_unit_test(test_superseded),
	    cmocka_unit_test(test_stop_frees),
	    cmocka_unit_test(test_stop_while_running),
	    cmocka_unit_test(test_reading_settings),
	    cmocka_unit_test(test_ask),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
