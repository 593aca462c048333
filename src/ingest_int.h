/* ingest_int.h: what ingest.c (the workers and the writer) and
 * ingest_walk.c (finding the files, reading one safely) share; not for
 * other modules: they use ingest.h. */
#ifndef LEDE_INGEST_INT_H
#define LEDE_INGEST_INT_H

#include <pthread.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "article.h"
#include "entity.h"
#include "ingest.h"
#include "store.h"
#include "util.h"

/* The largest file kept as one article; larger ones are refused with a
 * warning (see HACKING, "Large files"). A long news article is 100 KB and
 * a whole novel 3 MB: past 16 MB a file is a dump or a concatenation, and
 * a worker needs a few times a file's size to parse it. */
#define INGEST_MAX_FILE (16u << 20)

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

/* ingest_walk.c */
/* Prints one warning line naming the file (its name escaped). */
void ingest_warn_file(const char *path, const char *what);
/* Starts a walk of paths into run: the folders given and the store's
 * own files, resolved. */
void walk_begin(walk_state *w, store *s, ingest_run *run, ingest_summary *sum,
		char *const *paths, int n, int follow);
/* Walks a path given (top) or found in a folder (canonical: resolved
 * already), adding its files to the run. */
void walk_path(walk_state *w, const char *path, int top, int canonical);
/* Frees what the walk kept besides run's files. */
void walk_end(walk_state *w);
/* The stored files under the folders walked whole that are gone. */
int find_gone(store *s, const walk_state *w, strlist *gone, char **err);

#endif
