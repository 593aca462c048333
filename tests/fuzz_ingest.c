/* fuzz_ingest.c: libFuzzer target for the whole program: the input is cut
 * into up to three files at each FUZZ_SEPARATOR, written into a
 * temporary folder (one in a subfolder), ingested into a new store as
 * `lede ingest` does, then read as `lede list`, `lede show` (text and
 * JSON) of every article, `lede entities` and `lede list --entity` do.
 * Nothing may crash, hang or leak, and the reads must agree with each
 * other. Each run starts from nothing: the folder is removed after it.
 * Built with --enable-fuzzing. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

/* Between two files of the input (also in tests/fuzzing/ingest.dict). */
#define FUZZ_SEPARATOR "\n<<<lede-file>>>\n"

static char *dir;

/* Removes the working folder when the fuzzer exits. */
static void cleanup(void)
{
	fuzz_remove(dir);
	free(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	dir = fuzz_tempdir("fuzz-ingest");
	atexit(cleanup);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {"in/a.txt", "in/sub/b.txt", "in/c.txt"};
	const size_t sep_len = strlen(FUZZ_SEPARATOR);
	const char *p = (const char *)data, *end = p + size;
	size_t files = 0;
	while (files < 3) {
		const char *cut = files < 2 ? memmem(p, (size_t)(end - p), FUZZ_SEPARATOR, sep_len)
					    : NULL;
		const char *stop = cut ? cut : end;
		char *path = xasprintf("%s/%s", dir, names[files]);
		fuzz_write_file(path, p, (size_t)(stop - p));
		free(path);
		files++;
		if (!cut)
			break;
		p = cut + sep_len;
	}
	char *in = xasprintf("%s/in", dir);
	char *db = xasprintf("%s/lede.db", dir);
	char *state = xasprintf("%s/state.db", dir);
	store *s = fuzz_store_from(db, state, in);
	query_filter f;
	query_filter_init(&f);
	long n = fuzz_read_all(s, &f, 3);
	if (n < 0 || (size_t)n > files)
		abort();
	query_filter_free(&f);
	store_close(s);
	/* Empty the folder for the next run, keeping the folder itself. */
	fuzz_remove(in);
	char *side[] = {db, xasprintf("%s-wal", db), xasprintf("%s-shm", db), state,
			xasprintf("%s-wal", state), xasprintf("%s-shm", state)};
	for (size_t i = 0; i < sizeof side / sizeof side[0]; i++) {
		remove(side[i]);
		free(side[i]);
	}
	free(in);
	return 0;
}
