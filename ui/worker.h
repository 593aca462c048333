/* worker.h: slow reads on a thread with its own read-only connection to
 * the store (see worker.c), curses-free so that it is unit-tested. */
#ifndef LEDE_WORKER_H
#define LEDE_WORKER_H

#include "store.h"

typedef struct worker worker;
worker *worker_start(store *s); /* NULL when it cannot */
/* A job: runs on the worker's connection with its argument; returns its
 * answer, or sets *failed (and *err) when it failed. */
typedef void *(*worker_fn)(store *s, void *arg, int *failed, char **err);
/* Submits a job, replacing one not yet begun; the worker frees arg with
 * free_arg once run (or replaced), and an answer nobody took with
 * free_result. Returns the job's number (never 0). */
unsigned worker_submit(worker *w, worker_fn fn, void *arg, void (*free_arg)(void *),
                       void (*free_result)(void *));
/* The answer to job id: 1 with *result (the caller's now), 0 when not
 * there yet (with wait set: waits for it), -1 with *err when it failed. */
int worker_collect(worker *w, unsigned id, int wait, void **result, char **err);
/* A pane's slow read (fn on arg): on the pane's worker, started at the
 * first call (*w; *no_worker set once it cannot be), or, without one,
 * here and now. Returns 1 when the worker has it (collect *job later),
 * 0 when it ran here (*result, or NULL and *err). arg is the job's. */
int worker_ask(worker **w, int *no_worker, store *s, worker_fn fn, void *arg,
               void (*free_arg)(void *), void (*free_result)(void *), unsigned *job,
               void **result, char **err);
/* Ends the worker: a job not begun is dropped, a job running is left to
 * finish, and the worker then frees itself (quitting never waits for a
 * slow query). */
void worker_stop(worker *w);

#endif
