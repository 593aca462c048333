/* fuzz_query.c: libFuzzer target: arbitrary bytes as a `--search` string
 * (the query rewriting of query.c, FTS5's query parser and lede's
 * tokenizer in query mode) on a store of the sample articles, through the
 * reads `lede list --search`, `lede entities --search` and the interface
 * make; and the same bytes as a document through the tokenizer (FTS5's
 * integrity check tokenizes it again and compares). A malformed search
 * may be refused, never crash, hang, leak or disagree with its count.
 * Built with --enable-fuzzing; LEDE_SAMPLES names the samples folder. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fts.h"
#include "fuzz_common.h"

static char *dir;
static store *st;
static sqlite3_stmt *doc_put, *doc_match, *doc_check;

/* Removes the store when the fuzzer exits. */
static void cleanup(void)
{
	sqlite3_finalize(doc_put);
	sqlite3_finalize(doc_match);
	sqlite3_finalize(doc_check);
	store_close(st);
	fuzz_remove(dir);
	free(dir);
}

/* Prepares a statement on the store's connection or aborts. */
static sqlite3_stmt *prepare(const char *sql)
{
	sqlite3_stmt *stmt;
	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		fprintf(stderr, "fuzz: %s: %s\n", sql, sqlite3_errmsg(st->db));
		abort();
	}
	return stmt;
}

/* Builds the store of the samples once, as `lede ingest samples` does,
 * and a scratch full-text table that uses lede's tokenizer. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *samples = getenv("LEDE_SAMPLES");
	dir = fuzz_tempdir("fuzz-query");
	char *db = xasprintf("%s/lede.db", dir);
	char *state = xasprintf("%s/state.db", dir);
	st = fuzz_store_from(db, state, samples && *samples ? samples : "samples");
	free(db);
	free(state);
	atexit(cleanup);
	query_filter f;
	query_filter_init(&f);
	if (fuzz_read_all(st, &f, 0) <= 0) {
		fputs("fuzz: no sample articles (set LEDE_SAMPLES)\n", stderr);
		abort();
	}
	query_filter_free(&f);
	char *err = NULL;
	if (sqlite3_exec(st->db, "CREATE VIRTUAL TABLE temp.doc USING fts5(text, tokenize = lede)",
			 NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "fuzz: %s\n", err);
		abort();
	}
	doc_put = prepare("INSERT INTO temp.doc(rowid, text) VALUES (1, ?1)");
	doc_match = prepare("SELECT count(*) FROM temp.doc WHERE doc MATCH ?1");
	doc_check = prepare("INSERT INTO temp.doc(doc) VALUES ('integrity-check')");
	return 0;
}

/* Runs one statement to its end; returns its SQLite code. */
static int run(sqlite3_stmt *stmt)
{
	int rc;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	sqlite3_reset(stmt);
	return rc;
}

/* The bytes as a document: indexed by the tokenizer, checked by FTS5,
 * then searched for (as FTS5 syntax, refused or not). */
static void as_document(const char *text, size_t n)
{
	sqlite3_bind_text(doc_put, 1, text, (int)n, SQLITE_STATIC);
	if (run(doc_put) != SQLITE_DONE) {
		fprintf(stderr, "fuzz: indexing: %s\n", sqlite3_errmsg(st->db));
		abort();
	}
	sqlite3_clear_bindings(doc_put);
	if (run(doc_check) != SQLITE_DONE) {
		fprintf(stderr, "fuzz: integrity-check: %s\n", sqlite3_errmsg(st->db));
		abort();
	}
	sqlite3_bind_text(doc_match, 1, text, (int)n, SQLITE_STATIC);
	run(doc_match);
	sqlite3_clear_bindings(doc_match);
	if (sqlite3_exec(st->db, "DELETE FROM temp.doc", NULL, NULL, NULL) != SQLITE_OK)
		abort();
	/* And tokenized ahead, as ingest's workers do. */
	fts_prepared p;
	fts_prepare(text, n, &p);
	fts_prepared_free(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* A command-line argument ends at its first NUL. */
	size_t n = strnlen((const char *)data, size);
	char *text = xstrndup((const char *)data, n);
	query_filter f;
	query_filter_init(&f);
	f.search = text;
	if (fuzz_read_all(st, &f, 3) >= 0) {
		/* The interface's reads of a search: a page, the cursor's
		 * index, the sidebar's facets. */
		article_row rows[8];
		char *err = NULL;
		int k = query_page(st, &f, NULL, 0, 8, rows, &err);
		if (k < 0) {
			fprintf(stderr, "fuzz: page refused what list took: %s\n", err);
			abort();
		}
		if (k > 0 && query_index_of(st, &f, &rows[k - 1].key, &err) != k - 1) {
			fprintf(stderr, "fuzz: the last row of a page is not at %d\n", k - 1);
			abort();
		}
		for (int i = 0; i < k; i++)
			article_row_free(&rows[i]);
		facet_row facets[8];
		k = query_facets(st, &f, -1, NULL, 8, facets, &err);
		for (int i = 0; i < k; i++)
			facet_row_free(&facets[i]);
		if (k < 0)
			free(err);
	}
	query_filter_free(&f);
	text = xstrndup((const char *)data, size);
	as_document(text, size);
	free(text);
	return 0;
}
