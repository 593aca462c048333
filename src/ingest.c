/* ingest.c: files and folders into the store. The calling thread walks
 * the paths and writes to SQLite; worker threads read, hash, parse and
 * extract entities, so every core works while one connection writes in
 * batched transactions (see ingest.h). */
#include "config.h"

#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
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
#include "text.h"
#include "util.h"

/* Files larger than this are not articles but accidents (dumps, videos). */
#define INGEST_MAX_FILE (256u << 20)
/* Articles indexed at a time (store_flush): the writer's pause at each
 * step leaves the workers little idle: steps of 1,000 ingested 10,000
 * articles 9% faster than steps of 2,000 (same run). */
#define INGEST_INDEX_STEP 1000
/* A transaction lasts about two seconds, and at most this many
 * articles: a killed ingest loses that much. Each commit writes the
 * pages every step touches (the ends of the entity index, the hash
 * index) to the log again, so fewer commits write less: a 100,000
 * article ingest wrote 2.9 GB instead of 5.4 GB with a commit per step. */
#define INGEST_TX_SECONDS 2.0
#define INGEST_TX_MAX     10000
/* How far workers may run ahead of the writer, bounding memory. */
#define INGEST_WINDOW 512
/* Nice value of worker threads, relative to the writer (see worker()). */
#define WORKER_NICE 3

/* A file found by the walk. */
typedef struct ingest_file {
	char *path;
	int64_t size, mtime_ns;
	int status;  /* store_file_status(): 0 new, 2 changed */
} ingest_file;

/* What a worker made of one file. */
typedef struct ingest_result {
	char *error;     /* the warning for a file that failed, or NULL */
	char hash[40];
	text_status parse;
	article art;
	store_prepared prep;
} ingest_result;

/* A place in the ring of results. A result stays in its slot after the
 * writer is done with it: the worker that takes the slot next frees it,
 * because freeing in the writer, memory another thread allocated, took
 * a quarter of the writer's time. */
typedef struct ingest_slot {
	size_t filled;  /* 1 + the index of the file whose result this is; 0: none */
	ingest_result r;
} ingest_slot;

/* The shared state of one ingest run. */
typedef struct ingest_run {
	ingest_file *files;
	size_t n_files, cap_files;
	ingest_slot *results;
	size_t next;      /* next file a worker takes */
	size_t written;   /* files the writer has finished */
	size_t writer_waits_for;  /* result the writer sleeps on, or SIZE_MAX */
	int workers_waiting;      /* workers asleep on the window */
	pthread_mutex_t lock;
	pthread_cond_t result_ready;
	pthread_cond_t window_moved;
	article_rules rules;
	entity_extractor *extractor;
} ingest_run;

/* Identity of a folder, for symlink loop detection. */
typedef struct dir_id {
	dev_t dev;
	ino_t ino;
} dir_id;

typedef struct walk_state {
	ingest_run *run;
	ingest_summary *sum;
	dir_id *stack;  /* folders from the argument down to here */
	size_t depth, cap;
} walk_state;

/* Prints one warning line naming the file. */
static void warn_file(const char *path, const char *what)
{
	char *shown = text_escaped(path, 0);
	fprintf(stderr, "lede: %s: %s\n", shown, what);
	free(shown);
}

/* Adds a regular file to the run. */
static void add_file(ingest_run *run, const char *path, const struct stat *st)
{
	if (run->n_files == run->cap_files) {
		run->cap_files = run->cap_files ? run->cap_files * 2 : 256;
		run->files = xrealloc(run->files, run->cap_files * sizeof *run->files);
	}
	ingest_file *f = &run->files[run->n_files++];
	f->path = xstrdup(path);
	f->size = st->st_size;
	f->mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
	f->status = 0;
}

/* A folder entry: its name and its type as readdir() tells it. */
typedef struct dir_entry {
	char *name;
	unsigned char type;  /* DT_REG, DT_DIR, DT_LNK, DT_UNKNOWN, ... */
} dir_entry;

/* Sorts directory entries so that ingest order, and so article ids, do
 * not depend on the file system's order. */
static int cmp_entries(const void *a, const void *b)
{
	return strcmp(((const dir_entry *)a)->name, ((const dir_entry *)b)->name);
}

static void walk(walk_state *w, const char *path, int top, int canonical);

/* Walks one folder: regular files and sub-folders, hidden ones skipped,
 * each folder entered at most once along a path (symlink loops).
 * canonical: path is absolute, without symlinks or dot components. */
static void walk_dir(walk_state *w, const char *path, const struct stat *st, int canonical)
{
	for (size_t i = 0; i < w->depth; i++) {
		if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino) {
			warn_file(path, "symlink loop, skipped");
			w->sum->failed++;
			return;
		}
	}
	DIR *d = opendir(path);
	if (!d) {
		warn_file(path, strerror(errno));
		w->sum->failed++;
		return;
	}
	if (w->depth == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 16;
		w->stack = xrealloc(w->stack, w->cap * sizeof *w->stack);
	}
	w->stack[w->depth++] = (dir_id){st->st_dev, st->st_ino};
	dir_entry *e = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			e = xrealloc(e, cap * sizeof *e);
		}
		e[n++] = (dir_entry){xstrdup(de->d_name), de->d_type};
	}
	closedir(d);
	if (n)
		qsort(e, n, sizeof *e, cmp_entries);
	size_t plen = strlen(path);
	for (size_t i = 0; i < n; i++) {
		char *child = plen && path[plen - 1] == '/' ? xasprintf("%s%s", path, e[i].name)
							   : xasprintf("%s/%s", path, e[i].name);
		/* Under a canonical folder, a child that is no symlink is
		 * canonical too: no realpath() (a readlink per component)
		 * for each of a million files. */
		walk(w, child, 0, canonical && (e[i].type == DT_REG || e[i].type == DT_DIR));
		free(child);
		free(e[i].name);
	}
	free(e);
	w->depth--;
}

/* Walks a path given on the command line (top) or found in a folder;
 * canonical: it is absolute, without symlinks or dot components. */
static void walk(walk_state *w, const char *path, int top, int canonical)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		int e = errno;
		struct stat lst;
		if (e == ELOOP || (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)))
			warn_file(path, e == ELOOP ? "symlink loop, skipped" : "broken symlink, skipped");
		else
			warn_file(path, strerror(e));
		w->sum->failed++;
		return;
	}
	if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
		if (top) {
			warn_file(path, "not a regular file or folder, skipped");
			w->sum->failed++;
		}
		return;
	}
	char *abs = canonical ? NULL : realpath(path, NULL);
	const char *name = abs ? abs : path;
	if (S_ISDIR(st.st_mode))
		walk_dir(w, name, &st, canonical || abs);
	else
		add_file(w->run, name, &st);
	free(abs);
}

/* Reads a whole file; returns NULL with *error set. */
static uint8_t *read_file(const char *path, size_t *len, char **error)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*error = xasprintf("cannot read: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		*error = xasprintf("cannot read: %s", strerror(errno));
		close(fd);
		return NULL;
	}
	if ((uint64_t)st.st_size > INGEST_MAX_FILE) {
		*error = xasprintf("file of %lld bytes is too large (limit %u MB), skipped",
				   (long long)st.st_size, INGEST_MAX_FILE >> 20);
		close(fd);
		return NULL;
	}
	size_t cap = (size_t)st.st_size + 1, n = 0;
	uint8_t *buf = xmalloc(cap);
	for (;;) {
		if (n == cap) {
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			*error = xasprintf("cannot read: %s", strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (r == 0)
			break;
		n += (size_t)r;
		if (n > INGEST_MAX_FILE) {
			*error = xasprintf("file is too large (limit %u MB), skipped",
					   INGEST_MAX_FILE >> 20);
			free(buf);
			close(fd);
			return NULL;
		}
	}
	close(fd);
	*len = n;
	return buf;
}

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
	uint8_t *raw = read_file(f->path, &len, &r->error);
	if (!raw)
		return;
	snprintf(r->hash, sizeof r->hash, "%016llx-%llx", (unsigned long long)hash64(raw, len),
		 (unsigned long long)len);
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
		while (run->next < run->n_files && run->next >= run->written + INGEST_WINDOW) {
			run->workers_waiting++;
			pthread_cond_wait(&run->window_moved, &run->lock);
			run->workers_waiting--;
		}
		if (run->next >= run->n_files) {
			pthread_mutex_unlock(&run->lock);
			return NULL;
		}
		size_t i = run->next++;
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
		warn_file(f->path, r->error);
		sum->failed++;
		return 0;
	}
	if (r->art.repaired) {
		char *msg = xasprintf("invalid UTF-8 repaired (%zu sequences replaced by U+FFFD)",
				      r->art.repaired);
		warn_file(f->path, msg);
		free(msg);
	}
	store_file sf = {f->path, f->size, f->mtime_ns};
	char *old_hash = f->status ? store_file_hash(s, f->path) : NULL;
	int same = old_hash && strcmp(old_hash, r->hash) == 0;
	free(old_hash);
	/* Content already stored (a duplicate, or a file touched or changed
	 * back) only points the file at it. */
	int known = store_put_article(s, &sf, r->hash, &r->art, &r->prep, err);
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
	walk_state w = {&run, sum, NULL, 0, 0};
	for (int i = 0; i < n; i++)
		walk(&w, paths[i], 1, 0);
	free(w.stack);

	/* Unchanged files (same size and mtime) cost one lookup and no read;
	 * the lookups share a read transaction. */
	int reading = store_read_begin(s) == 0;
	size_t keep = 0;
	for (size_t i = 0; i < run.n_files; i++) {
		ingest_file *f = &run.files[i];
		store_file sf = {f->path, f->size, f->mtime_ns};
		f->status = store_file_status(s, &sf);
		if (f->status == 1) {
			sum->unchanged++;
			free(f->path);
			continue;
		}
		run.files[keep++] = *f;
	}
	run.n_files = keep;
	if (reading)
		store_read_end(s);

	int rc = 0;
	if (run.n_files) {
		heap_keep_begin();
		store_bulk_begin(s);
		article_rules_load(&run.rules);
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
		double tx_seconds = o && o->commit_seconds > 0 ? o->commit_seconds : INGEST_TX_SECONDS;
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
			    (in_batch >= INGEST_TX_MAX || t - last_commit > tx_seconds)) {
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
			pthread_mutex_lock(&run.lock);
			run.written = i + 1;
			if (rc)
				run.next = run.n_files;  /* stop the workers */
			/* Sleeping workers are woken for a stretch of free slots, not
			 * for each one: every wake-up is a system call. */
			if (run.workers_waiting &&
			    (rc || run.written % 32 == 0 || run.written == run.n_files))
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
	for (size_t i = 0; i < run.n_files; i++)
		free(run.files[i].path);
	free(run.files);
	if (rc)
		return -1;
	return sum->failed ? 1 : 0;
}
