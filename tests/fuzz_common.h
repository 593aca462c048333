/* fuzz_common.h: what the libFuzzer targets that need a store share: a
 * temporary folder, a store made from files, and the reads the CLI makes
 * of it (list, show, entities). */
#ifndef LEDE_FUZZ_COMMON_H
#define LEDE_FUZZ_COMMON_H

#include "query.h"
#include "store.h"

/* Makes a new folder under $TMPDIR (or /tmp); new string. Aborts on
 * failure: a target without its folder cannot run. */
char *fuzz_tempdir(const char *what);

/* Removes path and everything under it (rm -rf). */
void fuzz_remove(const char *path);

/* Writes n bytes to path, making its folders. Aborts on failure. */
void fuzz_write_file(const char *path, const void *data, size_t n);

/* Opens (creating) the store db with the state database state, ingests
 * the folder in into it as `lede ingest` does, and returns it. Aborts
 * when the store fails: a file's problems are warnings, never an error of
 * the store. */
store *fuzz_store_from(const char *db, const char *state, const char *in);

/* Reads what the CLI reads of the store for the filter f: `lede list`
 * (every row), `lede show` of each listed article (text through
 * text_printable, and JSON), `lede entities` (every facet), and `lede
 * list --entity` for the first few entities. Errors of a malformed
 * search are fine; a row that breaks its contract aborts. Returns the
 * number of rows listed, or -1 when the filter was refused. */
long fuzz_read_all(store *s, const query_filter *f, int show_limit);

#endif
