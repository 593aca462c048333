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
#ifdef __linux__
#include <linux/magic.h>
#include <sys/vfs.h>
#endif
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "entity.h"
#include "text.h"
#include "util.h"

/* The largest file kept as one article; larger ones are refused with a
 * warning (see HACKING, "Large files"). A long news article is 100 KB and
 * a whole novel 3 MB: past 16 MB a file is a dump or a concatenation, and
 * a worker needs a few times a file's size to parse it. */
#define INGEST_MAX_FILE (16u << 20)
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

/* A file found by the walk. */
typedef struct ingest_file {
	char *path;   /* resolved */
	char *shown;  /* the symlink it was found through, for warnings; or NULL */
	int64_t size, mtime_ns;
	int status;  /* store_file_status(): 0 new, 2 changed */
} ingest_file;

/* What a worker made of one file. */
typedef struct ingest_result {
	char *error;     /* the warning for a file that failed, or NULL */
	char hash[CONTENT_HASH_SIZE];
	char legacy[LEGACY_HASH_SIZE];  /* the hash older stores knew it by */
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
	int64_t ahead_bytes; /* input size of the files in [written, next) */
	size_t writer_waits_for;  /* result the writer sleeps on, or SIZE_MAX */
	int workers_waiting;      /* workers asleep on the window */
	pthread_mutex_t lock;
	pthread_cond_t result_ready;
	pthread_cond_t window_moved;
	article_rules rules;
	entity_extractor *extractor;
	int legacy;  /* the store has articles known by their legacy hash */
} ingest_run;

/* Identity of a folder, for symlink loop detection. */
typedef struct dir_id {
	dev_t dev;
	ino_t ino;
} dir_id;

/* The files the walk found, in a table of open addressing: a file
 * reached twice (a symlinked file beside its target) is ingested once,
 * and a stored file the walk did not find may be gone. A slot keeps the
 * path's hash, so that a probe reads a path only when the hashes match. */
typedef struct found_slot_t {
	uint32_t hash;
	uint32_t file;  /* 1 + index into run->files; 0: empty */
} found_slot_t;

typedef struct found_set {
	found_slot_t *slot;
	size_t cap;
} found_set;

typedef struct walk_state {
	ingest_run *run;
	ingest_summary *sum;
	int follow;         /* --follow: walk symlinked folders wherever they lead */
	dir_id *stack;      /* folders from the argument down to here */
	size_t depth, cap;
	strmap visited;     /* "dev:ino" of every folder walked: each is walked once */
	strlist roots;      /* the folders given, resolved */
	strlist trees;      /* folders walked whole: their gone files are forgotten */
	strlist own;        /* the store's files, resolved: never ingested */
	found_set found;
} walk_state;

/* Prints one warning line naming the file. */
static void warn_file(const char *path, const char *what)
{
	char *shown = text_escaped(path, 0);
	fprintf(stderr, "lede: %s: %s\n", shown, what);
	free(shown);
}

/* What a file is when it is not a regular file ("FIFO", "folder" ...),
 * or NULL for a regular file: only those are read, since opening or
 * reading anything else may block or act (a FIFO, a tape, a
 * watchdog). */
static const char *file_kind(mode_t mode)
{
	if (S_ISREG(mode))
		return NULL;
	if (S_ISDIR(mode))
		return "folder";
	if (S_ISFIFO(mode))
		return "FIFO";
	if (S_ISCHR(mode))
		return "character device";
	if (S_ISBLK(mode))
		return "block device";
	if (S_ISSOCK(mode))
		return "socket";
	return "unknown type";
}

/* The warning for a file of kind file_kind() (new string). */
static char *not_regular(const char *kind)
{
	return xasprintf("not a regular file (%s), skipped", kind);
}

/* A path's hash for the found set. FNV-1a's low bits depend only on the
 * low bits of the bytes: the high ones are folded in, or paths that
 * differ in a digit or two cluster. */
static uint32_t found_hash(const char *path)
{
	uint64_t h = hash64(path, strlen(path));
	return (uint32_t)(h ^ (h >> 32) ^ (h >> 17));
}

/* The slot of path (of hash h) in the found set, or the empty slot where
 * it goes. */
static size_t found_slot(const found_set *fs, const ingest_file *files, const char *path,
			 uint32_t h)
{
	size_t mask = fs->cap - 1;
	size_t i = h & mask;
	while (fs->slot[i].file &&
	       (fs->slot[i].hash != h || strcmp(files[fs->slot[i].file - 1].path, path) != 0))
		i = (i + 1) & mask;
	return i;
}

/* True when the walk found path. */
static int found_has(const walk_state *w, const char *path)
{
	return w->found.cap &&
	       w->found.slot[found_slot(&w->found, w->run->files, path, found_hash(path))].file;
}

/* Adds a regular file to the run, once; shown: the name to warn with
 * when it is not path (a symlink's), else NULL. */
static void add_file(walk_state *w, const char *path, const char *shown, const struct stat *st)
{
	ingest_run *run = w->run;
	found_set *fs = &w->found;
	/* At half load the table doubles and takes every file again. */
	if ((run->n_files + 1) * 2 > fs->cap) {
		found_slot_t *old = fs->slot;
		size_t old_cap = fs->cap;
		fs->cap = fs->cap ? fs->cap * 2 : 1024;
		fs->slot = xcalloc(fs->cap, sizeof *fs->slot);
		for (size_t i = 0; i < old_cap; i++) {
			size_t j = old[i].hash & (fs->cap - 1);
			while (old[i].file && fs->slot[j].file)
				j = (j + 1) & (fs->cap - 1);
			if (old[i].file)
				fs->slot[j] = old[i];
		}
		free(old);
	}
	uint32_t h = found_hash(path);
	size_t slot = found_slot(fs, run->files, path, h);
	if (fs->slot[slot].file)
		return;  /* found already */
	if (run->n_files == run->cap_files) {
		run->cap_files = run->cap_files ? run->cap_files * 2 : 256;
		run->files = xrealloc(run->files, run->cap_files * sizeof *run->files);
	}
	ingest_file *f = &run->files[run->n_files++];
	f->path = xstrdup(path);
	f->shown = shown ? xstrdup(shown) : NULL;
	f->size = st->st_size;
	f->mtime_ns = (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
	f->status = 0;
	fs->slot[slot] = (found_slot_t){h, (uint32_t)run->n_files};
}

/* True when path is folder or lies inside it (both resolved). */
static int path_under(const char *path, const char *folder)
{
	size_t n = strlen(folder);
	if (n && folder[n - 1] == '/')
		n--;  /* "/" */
	return strncmp(path, folder, n) == 0 && (path[n] == '\0' || path[n] == '/');
}

/* True when path (resolved) lies inside one of the folders given. */
static int under_roots(const walk_state *w, const char *path)
{
	for (size_t i = 0; i < w->roots.n; i++)
		if (path_under(path, w->roots.v[i]))
			return 1;
	return 0;
}

/* True when path (resolved) is the store or its journal, log, shared
 * memory or ingest lock, or the state database or its files: never
 * articles. */
static int is_own_file(const walk_state *w, const char *path)
{
	static const char *const suffixes[] = {"", "-wal", "-shm", "-journal", "-lock"};
	for (size_t i = 0; i < w->own.n; i++) {
		size_t n = strlen(w->own.v[i]);
		if (strncmp(path, w->own.v[i], n) != 0)
			continue;
		for (size_t k = 0; k < sizeof suffixes / sizeof *suffixes; k++)
			if (strcmp(path + n, suffixes[k]) == 0)
				return 1;
	}
	return 0;
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

/* Walks one folder (path resolved): regular files and sub-folders,
 * hidden ones skipped, each folder once (a folder reached again through
 * a symlink is walked already; one of its own ancestors is a loop).
 * tree: a folder walked whole, whose gone files are forgotten. */
static void walk_dir(walk_state *w, const char *path, const struct stat *st, int tree)
{
	for (size_t i = 0; i < w->depth; i++) {
		if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino) {
			warn_file(path, "symlink loop, skipped");
			w->sum->failed++;
			return;
		}
	}
	char key[64];
	snprintf(key, sizeof key, "%jx:%jx", (uintmax_t)st->st_dev, (uintmax_t)st->st_ino);
	if (sm_get(&w->visited, key))
		return;
	DIR *d = opendir(path);
	if (!d) {
		warn_file(path, strerror(errno));
		w->sum->failed++;
		return;
	}
	sm_put(&w->visited, key, 1);
	if (tree)
		sl_push(&w->trees, path);
	if (w->depth == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 16;
		w->stack = xrealloc(w->stack, w->cap * sizeof *w->stack);
	}
	w->stack[w->depth++] = (dir_id){st->st_dev, st->st_ino};
	dir_entry *e = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		errno = 0;  /* readdir() says an error only there */
		struct dirent *de = readdir(d);
		if (!de)
			break;
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			e = xrealloc(e, cap * sizeof *e);
		}
		e[n++] = (dir_entry){xstrdup(de->d_name), de->d_type};
	}
	if (errno) {
		char *msg = xasprintf("cannot read the whole folder: %s", strerror(errno));
		warn_file(path, msg);
		free(msg);
		w->sum->failed++;
	}
	closedir(d);
	if (n)
		qsort(e, n, sizeof *e, cmp_entries);
	size_t plen = strlen(path);
	for (size_t i = 0; i < n; i++) {
		char *child = plen && path[plen - 1] == '/' ? xasprintf("%s%s", path, e[i].name)
							   : xasprintf("%s/%s", path, e[i].name);
		/* In a resolved folder, a child that is no symlink is resolved
		 * too: no realpath() (a readlink per component) for each of a
		 * million files. */
		walk(w, child, 0, e[i].type == DT_REG || e[i].type == DT_DIR);
		free(child);
		free(e[i].name);
	}
	free(e);
	w->depth--;
}

/* Walks a path given on the command line (top) or found in a folder;
 * canonical: it is absolute, without symlinks or dot components. Files
 * are known by their resolved path. A symlink to a folder is followed
 * when the folder lies inside a folder given (walked once), or with
 * --follow; a symlink to a folder elsewhere is only named. */
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
	const char *kind = file_kind(st.st_mode);
	if (kind && !S_ISDIR(st.st_mode)) {
		char *msg = not_regular(kind);
		warn_file(path, msg);
		free(msg);
		w->sum->failed++;
		return;
	}
	char *abs = canonical ? NULL : realpath(path, NULL);
	if (!canonical && !abs) {
		warn_file(path, strerror(errno));
		w->sum->failed++;
		return;
	}
	const char *name = abs ? abs : path;
	/* Found in a resolved folder, a path that resolves to another is a
	 * symlink; given, it is also named as the user wrote it. */
	int renamed = abs && strcmp(abs, path) != 0;
	int via_link = !top && renamed;
	if (!S_ISDIR(st.st_mode)) {
		if (!is_own_file(w, name))
			add_file(w, name, renamed ? path : NULL, &st);
		else if (top) {
			warn_file(path, "the store's own file, skipped");
			w->sum->failed++;
		}
	} else if (!via_link || under_roots(w, name)) {
		walk_dir(w, name, &st, top);
	} else if (w->follow) {
		walk_dir(w, name, &st, 1);
	} else {
		warn_file(path, "symlink to a folder outside the folders given, not followed "
				"(--follow follows it)");
		w->sum->skipped++;
	}
	free(abs);
}

/* Opens a file the walk found (path resolved) for reading: without
 * blocking (a FIFO put in its place since would block open() forever,
 * /proc/kmsg read()), without following a symlink put in its place, and
 * only a regular file, checked on the open file. Returns the
 * descriptor, or -1 with *error set. */
static int open_regular(const char *path, struct stat *st, char **error)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		int e = errno;
		struct stat lst;
		if (e == ELOOP)
			*error = xstrdup("became a symlink during the ingest, skipped");
		else if (lstat(path, &lst) == 0 && file_kind(lst.st_mode))
			*error = not_regular(file_kind(lst.st_mode));  /* a socket: ENXIO */
		else
			*error = xasprintf("cannot read: %s", strerror(e));
		return -1;
	}
	if (fstat(fd, st) != 0) {
		*error = xasprintf("cannot read: %s", strerror(errno));
		close(fd);
		return -1;
	}
	const char *kind = file_kind(st->st_mode);
#ifdef __linux__
	/* The kernel's files claim size 0 and some are read destructively
	 * (/proc/kmsg takes the messages from the system log). */
	struct statfs fs;
	if (!kind && fstatfs(fd, &fs) == 0 &&
	    (fs.f_type == PROC_SUPER_MAGIC || fs.f_type == SYSFS_MAGIC))
		kind = "a kernel file of /proc or /sys";
#endif
	if (kind) {
		*error = not_regular(kind);
		close(fd);
		return -1;
	}
	return fd;
}

/* Reads a whole file; see ingest.h. */
uint8_t *ingest_read_file(const char *path, size_t *len, char **error)
{
	struct stat st;
	int fd = open_regular(path, &st, error);
	if (fd < 0)
		return NULL;
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
			/* A regular file never says this; a special one does. */
			*error = errno == EAGAIN || errno == EWOULDBLOCK
					 ? xstrdup("reading it would block (not an ordinary file), skipped")
					 : xasprintf("cannot read: %s", strerror(errno));
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
		warn_file(f->shown ? f->shown : f->path, r->error);
		sum->failed++;
		return 0;
	}
	if (r->art.repaired) {
		char *msg = xasprintf("invalid UTF-8 repaired (%zu sequences replaced by U+FFFD)",
				      r->art.repaired);
		warn_file(f->shown ? f->shown : f->path, msg);
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

/* Starts a walk of paths into run: the folders given and the store's
 * own files, resolved. */
static void walk_begin(walk_state *w, store *s, ingest_run *run, ingest_summary *sum,
		       char *const *paths, int n, int follow)
{
	memset(w, 0, sizeof *w);
	w->run = run;
	w->sum = sum;
	w->follow = follow;
	sm_init(&w->visited);
	sl_init(&w->roots);
	sl_init(&w->trees);
	sl_init(&w->own);
	for (int i = 0; i < n; i++) {
		struct stat st;
		char *abs;
		if (stat(paths[i], &st) == 0 && S_ISDIR(st.st_mode) &&
		    (abs = realpath(paths[i], NULL)) != NULL)
			sl_push_owned(&w->roots, abs);
	}
	const char *own[2] = {s->path, s->has_state ? s->state_path : NULL};
	for (int i = 0; i < 2; i++) {
		char *abs = own[i] ? realpath(own[i], NULL) : NULL;
		if (abs)
			sl_push_owned(&w->own, abs);
	}
}

/* Frees what the walk kept besides run's files. */
static void walk_end(walk_state *w)
{
	free(w->stack);
	sm_free(&w->visited);
	sl_free(&w->roots);
	sl_free(&w->trees);
	sl_free(&w->own);
	free(w->found.slot);
	memset(&w->found, 0, sizeof w->found);
}

/* Where check_gone collects. */
typedef struct gone_check {
	const walk_state *w;
	strlist *gone;
} gone_check;

/* Collects a stored file that the walk did not find when it is gone:
 * lstat() says there is no such file. One still there (hidden, in a
 * folder that could not be read, not a regular file) or that cannot be
 * checked (permissions, I/O) stays in the store. */
static void check_gone(const char *path, void *arg)
{
	gone_check *g = arg;
	struct stat st;
	if (found_has(g->w, path))
		return;
	if (lstat(path, &st) != 0 && (errno == ENOENT || errno == ENOTDIR))
		sl_push(g->gone, path);
}

/* The stored files under the folders walked whole that are gone. */
static int find_gone(store *s, const walk_state *w, strlist *gone, char **err)
{
	gone_check g = {w, gone};
	for (size_t i = 0; i < w->trees.n; i++)
		if (store_files_under(s, w->trees.v[i], check_gone, &g, err))
			return -1;
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
		walk(&w, paths[i], 1, 0);

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
