/* ingest.c: files and folders into the store. The calling thread walks
 * the paths (ingest_walk.c) and writes to SQLite; worker threads read,
 * hash, parse and extract entities, so every core works while one
 * connection writes in batched transactions (see ingest.h). */
#include "config.h"

#include "ingest.h"

#include <errno.h>
#include <limits.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "entity.h"
#include "ingest_int.h"
#include "text.h"
#include "util.h"

/* Articles indexed at a time (store_flush): the writer's pause at each
 * step leaves the workers little idle: steps of 1,000 ingested 10,000
 * articles 9% faster than steps of 2,000 (same run). */
#define INGEST_INDEX_STEP 1000
/* A transaction holds this many files (about five seconds of work): a
 * killed ingest loses that much. It is counted in files, not seconds,
 * because the corpus passes run at each commit (corpus typing, names,
 * links: store_commit) and see the batch: the same files ingested give
 * the same store on a fast or a busy machine. Each commit writes the
 * pages every step touches (the ends of the entity index, the hash
 * index) to the log again, so fewer commits write less: a 100,000
 * article ingest wrote 2.9 GB instead of 5.4 GB with a commit per step;
 * 20,000 articles added to a store of 500,000, with bulk mode's cache of
 * 128 MB (store_bulk.c), wrote 9.5 times what they added in transactions
 * of 5,000, 6.4 in transactions of 10,000, 4.8 in one; 4.7 in two when
 * checkpoints copy a few transactions at a time, as they now do (HACKING,
 * "How ingest writes"). */
#define INGEST_TX_FILES 10000
/* How far workers may run ahead of the writer, bounding memory: at most
 * this many files, holding at most INGEST_WINDOW_BYTES of input besides
 * the file the writer waits for. A worker needs a few times a file's size
 * for its result, so without the byte bound 512 large files read ahead
 * (or their results kept in the ring, see INGEST_FREE_AT) would take
 * gigabytes; with it, large files go through one at a time and an
 * ingest's peak memory is a few times its largest file plus a constant. */
#define INGEST_WINDOW 512
#define INGEST_WINDOW_BYTES (16 << 20)
/* Results of files of at least this size are freed by the writer as soon
 * as they are written. Smaller ones stay in their ring slot until a worker
 * takes the slot (freeing another thread's memory was a quarter of the
 * writer's time on small articles), so the ring holds at most
 * INGEST_WINDOW results of small files. */
#define INGEST_FREE_AT (16 << 10)
/* Nice value of worker threads, relative to the writer (see worker()). */
#define WORKER_NICE 3

/* Frees what a worker made of a file once it is written (or never will
 * be), leaving the result empty. */
static void result_clear(ingest_result *r)
{
	free(r->error);
	if (r->parse == TEXT_OK && !r->error)
		article_free(&r->art);
	store_prepared_free(&r->prep);
	memset(r, 0, sizeof *r);
}

/* Does a worker's share for one file: read, hash, parse, extract
 * entities and tokenize for the index, leaving the writer nothing but
 * SQL. */
static void process_file(ingest_run *run, const ingest_file *f, ingest_result *r)
{
	size_t len = 0;
	uint8_t *raw = ingest_read_file(f->path, &len, &r->error);
	if (!raw)
		return;
	content_hash(raw, len, r->hash);
	/* A second pass over the bytes only for a store that may know the
	 * file by its old hash. */
	if (run->legacy)
		legacy_content_hash(raw, len, r->legacy);
	r->parse = article_parse(raw, len, &run->rules, &r->art);
	free(raw);
	if (r->parse == TEXT_EMPTY)
		r->error = xstrdup("empty file, skipped");
	else if (r->parse == TEXT_BINARY)
		r->error = xstrdup("binary file (not text), skipped");
	else {
		mention_list ml;
		mention_list_init(&ml);
		entity_extract(run->extractor, &r->art, &ml);
		store_prepare(&r->art, &ml, &r->prep);
		mention_list_free(&ml);
	}
}

/* Worker thread: takes files in order within the window ahead of the
 * writer and publishes each result. */
static void *worker(void *arg)
{
	ingest_run *run = arg;
#ifdef __linux__
	/* The single writer is the pipeline's narrowest part: on Linux,
	 * where a thread has its own nice value, workers yield the CPU to
	 * it, and take what it leaves (5% faster on two cores). */
	errno = 0;
	int nice_now = getpriority(PRIO_PROCESS, (id_t)gettid());
	if (errno == 0)
		setpriority(PRIO_PROCESS, (id_t)gettid(),
			    nice_now + WORKER_NICE < 19 ? nice_now + WORKER_NICE : 19);
#endif
	for (;;) {
		pthread_mutex_lock(&run->lock);
		while (run->next < run->n_files &&
		       (run->next >= run->written + INGEST_WINDOW ||
			(run->next > run->written &&
			 run->ahead_bytes + run->files[run->next].size > INGEST_WINDOW_BYTES))) {
			run->workers_waiting++;
			pthread_cond_wait(&run->window_moved, &run->lock);
			run->workers_waiting--;
		}
		if (run->next >= run->n_files) {
			pthread_mutex_unlock(&run->lock);
			return NULL;
		}
		size_t i = run->next++;
		run->ahead_bytes += run->files[i].size;
		pthread_mutex_unlock(&run->lock);

		/* The writer is done with the slot's old result (the window
		 * says so) and reads only a slot filled for the file it waits
		 * for, so the slot is this worker's until filled is set. */
		ingest_slot *slot = &run->results[i % INGEST_WINDOW];
		result_clear(&slot->r);
		process_file(run, &run->files[i], &slot->r);

		/* Wake the writer only when it sleeps on this very result:
		 * wake-ups cost more than the bookkeeping. */
		pthread_mutex_lock(&run->lock);
		slot->filled = i + 1;
		if (run->writer_waits_for == i)
			pthread_cond_signal(&run->result_ready);
		pthread_mutex_unlock(&run->lock);
	}
}

/* While ingesting, memory freed at the top of the heap is kept for the
 * next articles: by default glibc hands back anything over 128 KB at
 * once and asks for it again a moment later, and every such round trip
 * flushes the other core's TLB. Ingest took 5-9% less time. */
static void heap_keep_begin(void)
{
#if defined(HAVE_MALLOPT) && defined(M_TRIM_THRESHOLD) && defined(M_TOP_PAD)
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	mallopt(M_TOP_PAD, 16 << 20);
#endif
}

/* Puts glibc's default values back (128 KB each; the mmap threshold
 * then stays where it is instead of adapting) and returns the kept
 * memory: the reader may go on running after an ingest. */
static void heap_keep_end(void)
{
#if defined(HAVE_MALLOPT) && defined(M_TRIM_THRESHOLD) && defined(M_TOP_PAD)
	mallopt(M_TRIM_THRESHOLD, 128 << 10);
	mallopt(M_TOP_PAD, 128 << 10);
#endif
#ifdef HAVE_MALLOC_TRIM
	malloc_trim(0);
#endif
}

/* Monotonic seconds, for batching and the progress bar. */
static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Draws the progress bar on stderr (a TTY, checked by the caller). */
static void progress_draw(size_t done, size_t total, double started)
{
	int width = 30;
	int filled = total ? (int)((double)done / (double)total * width) : width;
	double elapsed = now_s() - started;
	double rate = elapsed > 0 ? (double)done / elapsed : 0;
	fputs("\rlede: ingest [", stderr);
	for (int i = 0; i < width; i++)
		fputc(i < filled ? '#' : '.', stderr);
	fprintf(stderr, "] %zu/%zu  %.0f/s ", done, total, rate);
	fflush(stderr);
}

/* Writes one finished result in the writer thread. */
static int write_result(store *s, const ingest_file *f, ingest_result *r, ingest_summary *sum,
			char **err)
{
	if (r->error) {
		ingest_warn_file(f->shown ? f->shown : f->path, r->error);
		sum->failed++;
		return 0;
	}
	if (r->art.repaired) {
		char *msg = xasprintf("invalid UTF-8 repaired (%zu sequences replaced by U+FFFD)",
				      r->art.repaired);
		ingest_warn_file(f->shown ? f->shown : f->path, msg);
		free(msg);
	}
	store_file sf = {f->path, f->size, f->mtime_ns};
	char *old_hash = f->status ? store_file_hash(s, f->path) : NULL;
	const char *legacy = r->legacy[0] ? r->legacy : NULL;
	int same = old_hash && (strcmp(old_hash, r->hash) == 0 ||
				(legacy && strcmp(old_hash, legacy) == 0));
	free(old_hash);
	/* Content already stored (a duplicate, or a file touched or changed
	 * back) only points the file at it. */
	int known = store_put_article(s, &sf, r->hash, legacy, &r->art, &r->prep, err);
	if (known < 0)
		return -1;
	if (known && same)
		sum->unchanged++;
	else if (f->status)
		sum->changed++;
	else if (known)
		sum->duplicate++;
	else
		sum->added++;
	return 0;
}

/* Removes the gone files from the store, and the articles no other file
 * holds, in one transaction. */
static int forget_gone(store *s, const strlist *gone, ingest_summary *sum, char **err)
{
	if (store_begin(s, err))
		return -1;
	for (size_t i = 0; i < gone->n; i++) {
		int r = store_forget_file(s, gone->v[i], err);
		if (r < 0) {
			store_rollback(s);
			return -1;
		}
		sum->removed += r;
	}
	return store_commit(s, err);
}

/* Runs the learned layer of typing in a transaction of its own. */
static int learn_types(store *s, char **err)
{
	if (store_begin(s, err))
		return -1;
	if (store_learn_types(s, err)) {
		store_rollback(s);
		return -1;
	}
	return store_commit(s, err);
}

/* Ingests paths; see ingest.h. */
int ingest_paths(store *s, char *const *paths, int n, const ingest_options *o,
		 ingest_summary *sum, char **err)
{
	memset(sum, 0, sizeof *sum);
	*err = NULL;
	if (s->readonly) {
		*err = xasprintf("%s: the store is read-only; cannot ingest", s->path);
		return -1;
	}
	ingest_run run;
	memset(&run, 0, sizeof run);
	walk_state w;
	walk_begin(&w, s, &run, sum, paths, n, o && o->follow);
	for (int i = 0; i < n; i++)
		walk_path(&w, paths[i], 1, 0);

	/* One ingest at a time, from here: what follows must see what an
	 * ingest before this one wrote. */
	int locked = store_ingest_lock(s, err) == 0;
	/* Stored files the walk did not find, then the unchanged files (same
	 * size and mtime: one lookup and no read), in one read transaction. */
	int reading = locked && store_read_begin(s) == 0;
	strlist gone;
	sl_init(&gone);
	int rc = locked ? find_gone(s, &w, &gone, err) : -1;
	walk_end(&w);
	size_t keep = 0;
	for (size_t i = 0; i < run.n_files; i++) {
		ingest_file *f = &run.files[i];
		store_file sf = {f->path, f->size, f->mtime_ns};
		f->status = store_file_status(s, &sf);
		if (f->status == 1) {
			sum->unchanged++;
			free(f->path);
			free(f->shown);
			continue;
		}
		run.files[keep++] = *f;
	}
	run.n_files = keep;
	if (reading)
		store_read_end(s);

	if (rc == 0 && run.n_files) {
		heap_keep_begin();
		store_bulk_begin(s);
		article_rules_load(&run.rules);
		run.legacy = store_has_legacy(s);
		run.extractor = entity_extractor_new();
		/* A ring: result i lives in slot i % INGEST_WINDOW, free again
		 * once the writer is done with result i - INGEST_WINDOW, so
		 * memory does not grow with the number of files. */
		run.results = xcalloc(INGEST_WINDOW, sizeof *run.results);
		run.writer_waits_for = SIZE_MAX;
		pthread_mutex_init(&run.lock, NULL);
		pthread_cond_init(&run.result_ready, NULL);
		pthread_cond_init(&run.window_moved, NULL);

		long cores = sysconf(_SC_NPROCESSORS_ONLN);
		int jobs = o && o->jobs > 0 ? o->jobs : (cores > 0 ? (int)cores : 1);
		if ((size_t)jobs > run.n_files)
			jobs = (int)run.n_files;
		pthread_t *threads = xcalloc((size_t)jobs, sizeof *threads);
		int started = 0;
		for (int j = 0; j < jobs; j++)
			if (pthread_create(&threads[j], NULL, worker, &run) == 0)
				started++;
			else
				break;

		int progress = o && o->progress && isatty(STDERR_FILENO);
		double t0 = now_s(), last_draw = 0, last_commit = t0;
		/* by the clock only when asked (tests of readers that see commits) */
		double tx_seconds = o && o->commit_seconds > 0 ? o->commit_seconds : 0;
		size_t in_batch = 0;
		int in_tx = 0;
		for (size_t i = 0; i < run.n_files; i++) {
			ingest_slot *slot = &run.results[i % INGEST_WINDOW];
			ingest_result *r = &slot->r;
			if (started == 0) {
				result_clear(r);
				process_file(&run, &run.files[i], r);
				slot->filled = i + 1;
			}
			pthread_mutex_lock(&run.lock);
			while (started && slot->filled != i + 1) {
				run.writer_waits_for = i;
				pthread_cond_wait(&run.result_ready, &run.lock);
			}
			run.writer_waits_for = SIZE_MAX;
			pthread_mutex_unlock(&run.lock);

			if (rc == 0 && !in_tx) {
				if (store_begin(s, err))
					rc = -1;
				else
					in_tx = 1;
			}
			if (rc == 0 && write_result(s, &run.files[i], r, sum, err)) {
				store_rollback(s);
				in_tx = 0;
				rc = -1;
			}
			in_batch++;
			double t = now_s();
			if (rc == 0 && in_tx &&
			    (in_batch >= INGEST_TX_FILES || (tx_seconds > 0 && t - last_commit > tx_seconds))) {
				in_tx = 0;
				if (store_commit(s, err))
					rc = -1;
				in_batch = 0;
				last_commit = t;
			} else if (rc == 0 && in_tx && in_batch % INGEST_INDEX_STEP == 0 &&
			           store_flush(s, err)) {
				store_rollback(s);
				in_tx = 0;
				rc = -1;
			}
			if (progress && t - last_draw > 0.1) {
				progress_draw(i + 1, run.n_files, t0);
				last_draw = t;
			}
			int large = run.files[i].size >= INGEST_FREE_AT;
			if (large)
				result_clear(r);
			pthread_mutex_lock(&run.lock);
			run.written = i + 1;
			if (started)
				run.ahead_bytes -= run.files[i].size;
			if (rc)
				run.next = run.n_files;  /* stop the workers */
			/* Sleeping workers are woken for a stretch of free slots, not
			 * for each one: every wake-up is a system call; but at once
			 * when the bytes read ahead fell by a large file, or nothing
			 * is left ahead (a worker may wait for the writer to catch
			 * up before it takes a large file). */
			if (run.workers_waiting &&
			    (rc || run.written % 32 == 0 || run.written == run.n_files || large ||
			     run.written == run.next))
				pthread_cond_broadcast(&run.window_moved);
			pthread_mutex_unlock(&run.lock);
			if (rc)
				break;
		}
		if (rc == 0 && in_tx && store_commit(s, err))
			rc = -1;
		if (progress) {
			progress_draw(run.n_files, run.n_files, t0);
			fputc('\n', stderr);
		}
		for (int j = 0; j < started; j++)
			pthread_join(threads[j], NULL);
		free(threads);
		for (size_t i = 0; i < INGEST_WINDOW; i++)
			result_clear(&run.results[i].r);
		free(run.results);
		pthread_mutex_destroy(&run.lock);
		pthread_cond_destroy(&run.result_ready);
		pthread_cond_destroy(&run.window_moved);
		entity_extractor_free(run.extractor);
		article_rules_free(&run.rules);
		store_bulk_end(s);
		heap_keep_end();
	}
	/* After the new files: a file moved keeps its article. */
	if (rc == 0 && gone.n)
		rc = forget_gone(s, &gone, sum, err);
	/* Then the names without evidence typed by those the corpus proved,
	 * once per ingest that changed the store (a pass over its names). */
	if (rc == 0 && sum->added + sum->changed + sum->removed > 0)
		rc = learn_types(s, err);
	sl_free(&gone);
	store_ingest_unlock(s);
	for (size_t i = 0; i < run.n_files; i++) {
		free(run.files[i].path);
		free(run.files[i].shown);
	}
	free(run.files);
	if (rc)
		return -1;
	return sum->failed ? 1 : 0;
}
