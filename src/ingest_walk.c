/* ingest_walk.c: the files an ingest reads: the walk of the paths
 * given (folders each once, in name order, hidden files and the store's
 * own files skipped, symlinks followed inside the folders given), the
 * set of files found, the stored files that are gone, and reading one
 * file safely (no FIFO, device or kernel file, a size limit). */
#include "config.h"

#include "ingest_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __linux__
#include <linux/magic.h>
#include <sys/vfs.h>
#endif
#include <unistd.h>

#include "text.h"

/* Prints one warning line naming the file. */
void ingest_warn_file(const char *path, const char *what)
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


/* Walks one folder (path resolved): regular files and sub-folders,
 * hidden ones skipped, each folder once (a folder reached again through
 * a symlink is walked already; one of its own ancestors is a loop).
 * tree: a folder walked whole, whose gone files are forgotten. */
static void walk_dir(walk_state *w, const char *path, const struct stat *st, int tree)
{
	for (size_t i = 0; i < w->depth; i++) {
		if (w->stack[i].dev == st->st_dev && w->stack[i].ino == st->st_ino) {
			ingest_warn_file(path, "symlink loop, skipped");
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
		ingest_warn_file(path, strerror(errno));
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
		ingest_warn_file(path, msg);
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
		walk_path(w, child, 0, e[i].type == DT_REG || e[i].type == DT_DIR);
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
void walk_path(walk_state *w, const char *path, int top, int canonical)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		int e = errno;
		struct stat lst;
		if (e == ELOOP || (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)))
			ingest_warn_file(path, e == ELOOP ? "symlink loop, skipped" : "broken symlink, skipped");
		else
			ingest_warn_file(path, strerror(e));
		w->sum->failed++;
		return;
	}
	const char *kind = file_kind(st.st_mode);
	if (kind && !S_ISDIR(st.st_mode)) {
		char *msg = not_regular(kind);
		ingest_warn_file(path, msg);
		free(msg);
		w->sum->failed++;
		return;
	}
	char *abs = canonical ? NULL : realpath(path, NULL);
	if (!canonical && !abs) {
		ingest_warn_file(path, strerror(errno));
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
			ingest_warn_file(path, "the store's own file, skipped");
			w->sum->failed++;
		}
	} else if (!via_link || under_roots(w, name)) {
		walk_dir(w, name, &st, top);
	} else if (w->follow) {
		walk_dir(w, name, &st, 1);
	} else {
		ingest_warn_file(path, "symlink to a folder outside the folders given, not followed "
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

/* Starts a walk of paths into run: the folders given and the store's
 * own files, resolved. */
void walk_begin(walk_state *w, store *s, ingest_run *run, ingest_summary *sum,
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
void walk_end(walk_state *w)
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
int find_gone(store *s, const walk_state *w, strlist *gone, char **err)
{
	gone_check g = {w, gone};
	for (size_t i = 0; i < w->trees.n; i++)
		if (store_files_under(s, w->trees.v[i], check_gone, &g, err))
			return -1;
	return 0;
}
