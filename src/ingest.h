/* ingest.h: bringing files and folders into the store: walk, skip what is
 * unchanged, parse and extract entities on every core, write in batches. */
#ifndef LEDE_INGEST_H
#define LEDE_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

typedef struct ingest_summary {
	int64_t added, changed, unchanged, duplicate, failed;
	int64_t skipped;  /* symlinked folders not followed */
	int64_t removed;  /* stored files gone from the folders walked */
} ingest_summary;

typedef struct ingest_options {
	int progress;  /* draw a progress bar on stderr (only when it is a TTY) */
	int jobs;      /* worker threads; 0: one per core */
	double commit_seconds;  /* a transaction also ends after this long; 0: by files only */
	int follow;    /* walk symlinks to folders outside the folders given */
} ingest_options;

/* Ingests every path (files, or folders walked recursively for regular
 * files; symlink loops are detected, each folder is walked once). A
 * symlink to a folder outside the folders given is followed only with
 * o->follow. Anything but a regular file is refused, unopened when the
 * walk sees it, and a file is opened without blocking. Stored files
 * under a folder walked that are gone from it are removed from the
 * store, with their articles unless another file holds them. The
 * store's own files are never ingested. Every problem file gets one
 * warning line on stderr naming it. Returns 0 when every input was
 * read, 1 when some input failed, -1 when the store itself failed (*err
 * set). */
int ingest_paths(store *s, char *const *paths, int n, const ingest_options *o,
                 ingest_summary *sum, char **err);

/* Reads a whole file the way ingest does: without blocking or following
 * a symlink in its last component, a regular file only (/proc and /sys
 * refused), at most 256 MB. Returns the bytes (caller frees), or NULL
 * with *error set to the warning (caller frees). */
uint8_t *ingest_read_file(const char *path, size_t *len, char **error);

#endif
