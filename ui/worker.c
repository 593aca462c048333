/* worker.c: slow reads (the sidebar's facets, the list's count) computed
 * on a thread of their own, with their own read-only connection to the
 * store, so that a query that takes seconds (the facets of an entity in
 * half of a million articles) never holds up the keys. A pane asks and
 * picks the answer up when it is there; a newer request replaces one not
 * yet begun, and the answer to an older one is never taken. Each pane
 * that needs one has its own worker. */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "uiint.h"

struct worker {
	store *s; /* the worker's own connection */
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int quit, busy, detached;
	/* The request waiting to begin. */
	int has_request;
	unsigned req_id, last_id;
	query_filter req_filter;
	char *req_prefix;
	int req_limit; /* facets wanted; 0: a count */
	/* The last answer. */
	unsigned res_id; /* 0: none */
	facet_row *res_rows;
	int res_n;
	int64_t res_count;
	char *res_err;
};

/* Frees the answer held, if any. */
static void drop_result(worker *w)
{
	for (int i = 0; i < w->res_n; i++)
		facet_row_free(&w->res_rows[i]);
	free(w->res_rows);
	free(w->res_err);
	w->res_rows = NULL;
	w->res_err = NULL;
	w->res_n = 0;
	w->res_id = 0;
}

/* Frees the worker and closes its connection (the thread is done). */
static void worker_free(worker *w)
{
	drop_result(w);
	if (w->has_request) {
		query_filter_free(&w->req_filter);
		free(w->req_prefix);
	}
	store_close(w->s);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
	free(w);
}

/* The thread: runs requests one after the other until told to quit. */
static void *worker_main(void *arg)
{
	worker *w = arg;
	pthread_mutex_lock(&w->mu);
	for (;;) {
		while (!w->quit && !w->has_request)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->quit)
			break;
		query_filter f = w->req_filter;
		char *prefix = w->req_prefix;
		unsigned id = w->req_id;
		int limit = w->req_limit;
		w->has_request = 0;
		w->busy = 1;
		pthread_mutex_unlock(&w->mu);

		facet_row *rows = NULL;
		char *err = NULL;
		int64_t n;
		if (limit > 0) {
			rows = xcalloc((size_t)limit, sizeof *rows);
			n = query_facets(w->s, &f, -1, prefix, limit, rows, &err);
		} else {
			n = query_count(w->s, &f, &err);
		}
		query_filter_free(&f);
		free(prefix);

		pthread_mutex_lock(&w->mu);
		w->busy = 0;
		drop_result(w);
		w->res_id = id;
		w->res_rows = rows;
		w->res_n = n < 0 || limit <= 0 ? 0 : (int)n;
		w->res_count = n;
		w->res_err = n < 0 ? (err ? err : xstrdup("query failed")) : NULL;
		if (n >= 0)
			free(err);
		pthread_cond_broadcast(&w->cv); /* a take() may be waiting */
	}
	int detached = w->detached;
	pthread_mutex_unlock(&w->mu);
	if (detached)
		worker_free(w);
	return NULL;
}

/* See uiint.h: NULL when a second connection or a thread cannot be had
 * (the caller then computes facets itself). */
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
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	if (pthread_create(&w->thread, NULL, worker_main, w) != 0) {
		worker_free(w);
		return NULL;
	}
	return w;
}

/* See uiint.h: limit facets of f narrowed by prefix, or with limit 0 the
 * count of f. */
unsigned worker_request(worker *w, const query_filter *f, const char *prefix, int limit)
{
	pthread_mutex_lock(&w->mu);
	if (w->has_request) {
		query_filter_free(&w->req_filter);
		free(w->req_prefix);
	}
	query_filter_copy(&w->req_filter, f);
	w->req_prefix = prefix && *prefix ? xstrdup(prefix) : NULL;
	w->req_limit = limit;
	if (++w->last_id == 0) /* 0 means "no answer" */
		w->last_id = 1;
	w->req_id = w->last_id;
	w->has_request = 1;
	unsigned id = w->req_id;
	pthread_cond_broadcast(&w->cv);
	pthread_mutex_unlock(&w->mu);
	return id;
}

/* See uiint.h. */
int worker_take(worker *w, unsigned id, int wait, facet_row *rows, int64_t *n, char **err)
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
			if (rows && w->res_n)
				memcpy(rows, w->res_rows, (size_t)w->res_n * sizeof *rows);
			*n = w->res_count;
			w->res_n = 0; /* the rows are the caller's now */
			got = 1;
		}
		drop_result(w);
	}
	pthread_mutex_unlock(&w->mu);
	return got;
}

/* See uiint.h: a worker in the middle of a query is left to finish it
 * and free itself, so that quitting never waits for a slow query. */
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
