/* worker.c: slow reads (the sidebar's facets, the list's count, the
 * article the reader opens: each pane writes its own jobs) run on a
 * thread of their own, with their own
 * read-only connection to the store, so that a query that takes seconds
 * (the facets of an entity in half of a million articles) or a long
 * article never holds up the keys. A job is a function run on the
 * worker's connection with an argument it owns; a pane submits one and
 * picks the answer up when it is there. A newer job replaces one not yet
 * begun, and the answer to an older one is never taken. Each pane that
 * needs one has its own worker. */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "util.h"
#include "worker.h"

struct worker {
	store *s; /* the worker's own connection */
	store *main; /* the interface's, whose reading settings jobs follow */
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int quit, busy, detached;
	/* The job waiting to begin. */
	int has_request;
	unsigned req_id, last_id;
	worker_fn req_fn;
	void *req_arg;
	int req_all_entities; /* the interface's query_all_entities when submitted */
	void (*req_free_arg)(void *);
	void (*req_free_result)(void *);
	/* The last answer. */
	unsigned res_id; /* 0: none */
	void *res;
	void (*res_free)(void *);
	char *res_err;
};

/* Frees the job waiting to begin, if any. */
static void drop_request(worker *w)
{
	if (w->has_request && w->req_free_arg)
		w->req_free_arg(w->req_arg);
	w->has_request = 0;
	w->req_arg = NULL;
}

/* Frees the answer held, if any. */
static void drop_result(worker *w)
{
	if (w->res && w->res_free)
		w->res_free(w->res);
	free(w->res_err);
	w->res = NULL;
	w->res_err = NULL;
	w->res_id = 0;
}

/* Frees the worker and closes its connection (the thread is done). */
static void worker_free(worker *w)
{
	drop_result(w);
	drop_request(w);
	store_close(w->s);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
	free(w);
}

/* The thread: runs jobs one after the other until told to quit. */
static void *worker_main(void *arg)
{
	worker *w = arg;
	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->quit && !w->has_request)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->quit)
			break;
		worker_fn fn = w->req_fn;
		void *job_arg = w->req_arg;
		void (*free_arg)(void *) = w->req_free_arg;
		void (*free_result)(void *) = w->req_free_result;
		unsigned id = w->req_id;
		query_all_entities(w->s, w->req_all_entities);
		w->has_request = 0;
		w->req_arg = NULL;
		w->busy = 1;
		pthread_mutex_unlock(&w->mu);

		char *err = NULL;
		int failed = 0;
		void *res = fn(w->s, job_arg, &failed, &err);
		if (free_arg)
			free_arg(job_arg);

		pthread_mutex_lock(&w->mu);
		w->busy = 0;
		drop_result(w);
		w->res_id = id;
		w->res = res;
		w->res_free = free_result;
		w->res_err = failed ? (err ? err : xstrdup("query failed")) : NULL;
		if (!failed)
			free(err);
		pthread_cond_broadcast(&w->cv); /* a take() may be waiting */
	}
	int detached = w->detached;
	pthread_mutex_unlock(&w->mu);
	if (detached)
		worker_free(w);
	return NULL;
}

/* See worker.h: NULL when a second connection or a thread cannot be had
 * (the caller then runs its queries itself). */
worker *worker_start(store *main)
{
	char *err = NULL;
	store *s = store_open(main->path, main->state_path, STORE_OPEN_READONLY, &err);
	if (!s) {
		free(err);
		return NULL;
	}
	worker *w = xcalloc(1, sizeof *w);
	w->s = s;
	w->main = main;
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
		worker_free(w);
		return NULL;
	}
	return w;
}

/* See worker.h. */
unsigned worker_submit(worker *w, worker_fn fn, void *arg, void (*free_arg)(void *),
                       void (*free_result)(void *))
{
	pthread_mutex_lock(&w->mu);
	drop_request(w);
	w->req_fn = fn;
	w->req_arg = arg;
	w->req_free_arg = free_arg;
	w->req_free_result = free_result;
	w->req_all_entities = w->main->all_entities;
	if (++w->last_id == 0) /* 0 means "no answer" */
		w->last_id = 1;
	w->req_id = w->last_id;
	w->has_request = 1;
	unsigned id = w->req_id;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	return id;
}

/* See worker.h. */
int worker_collect(worker *w, unsigned id, int wait, void **result, char **err)
{
	int got = 0;
	pthread_mutex_lock(&w->mu);
	while (wait && w->res_id != id && (w->busy || w->has_request))
		pthread_cond_wait(&w->cv, &w->mu);
	if (w->res_id == id) {
		if (w->res_err) {
			*err = w->res_err;
			w->res_err = NULL;
			got = -1;
		} else {
			*result = w->res;
			w->res = NULL; /* the caller's now */
			got = 1;
		}
		drop_result(w);
	}
	pthread_mutex_unlock(&w->mu);
	return got;
}

/* See worker.h. */
int worker_ask(worker **w, int *no_worker, store *s, worker_fn fn, void *arg,
               void (*free_arg)(void *), void (*free_result)(void *), unsigned *job,
               void **result, char **err)
{
	if (!*w && !*no_worker) {
		*w = worker_start(s);
		*no_worker = !*w;
	}
	if (*w) {
		*job = worker_submit(*w, fn, arg, free_arg, free_result);
		return 1;
	}
	int failed = 0;
	*err = NULL;
	*result = fn(s, arg, &failed, err);
	if (free_arg)
		free_arg(arg);
	if (failed)
		*result = NULL;
	return 0;
}

/* See worker.h: a worker in the middle of a job is left to finish it and
 * free itself, so that quitting never waits for a slow query. */
void worker_stop(worker *w)
{
	if (!w)
		return;
	pthread_mutex_lock(&w->mu);
	w->quit = 1;
	pthread_cond_broadcast(&w->cv);
	if (w->busy) {
		w->detached = 1;
		pthread_detach(w->thread);
		pthread_mutex_unlock(&w->mu);
		return;
	}
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->thread, NULL);
	worker_free(w);
}
