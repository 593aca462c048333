/* ingest.h: bringing files and folders into the store: walk, skip what is
 * unchanged, parse and extract entities on every core, write in batches. */
#ifndef LEDE_INGEST_H
#define LEDE_INGEST_H

#include <stdint.h>

#include "store.h"

typedef struct ingest_summary {
	int64_t added, changed, unchanged, duplicate, failed, skipped;
} ingest_summary;

typedef struct ingest_options {
	int progress;  /* draw a progress bar on stderr (only when it is a TTY) */
	int jobs;      /* worker threads; 0: one per core */
	double commit_seconds;  /* how long a transaction runs; 0: two seconds */
} ingest_options;

/* Ingests every path (files, or folders walked recursively for regular
 * files; symlink loops are detected). Every problem file gets one warning
 * line on stderr naming it. Returns 0 when every input was read, 1 when
 * some input failed, -1 when the store itself failed (*err set). */
int ingest_paths(store *s, char *const *paths, int n, const ingest_options *o,
                 ingest_summary *sum, char **err);

#endif
