/* test_fts.c: the "lede" FTS5 tokenizer, through real FTS5 tables in an
 * in-memory database and through the tokenizer itself. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "fts.h"
#include "util.h"

/* The rows of the test table; rowid i + 1 holds rows[i]. Row 7 is NFD. */
static const char *rows[] = {
    "Hai bên sẽ đàm phán về Ukraine.",
    "ĐÀM PHÁN HÒA BÌNH KẾT THÚC",
    "Thời tiết hôm nay đẹp ở Hà Nội.",
    "Phán quyết của tòa về cuộc đàm thoại.",
    "Damascus và Đà Nẵng",
    "Putin’s plan, O'Brien said; don't worry.",
    "Tie\xcc\x82\xcc\x81ng Vie\xcc\xa3\xcc\x82t vie\xcc\x82\xcc\x81t ba\xcc\x86\xcc\x80ng NFD",
};

/* Opens an in-memory database with the tokenizer and a filled table. */
static int setup(void **state)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(fts_register(db, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
	                              "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='lede')",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_stmt *st;
	assert_int_equal(
	    sqlite3_prepare_v2(db, "INSERT INTO t(rowid, body) VALUES (?1, ?2)", -1, &st, NULL),
	    SQLITE_OK);
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_text(st, 2, rows[i], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	*state = db;
	return 0;
}

/* Closes the database of setup. */
static int teardown(void **state)
{
	sqlite3_close(*state);
	return 0;
}

/* Runs a MATCH query; returns the matching rowids as "1,2" (owned), or
 * "error" when SQLite refuses the query. */
static char *match(sqlite3 *db, const char *query)
{
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db,
	                                    "SELECT rowid FROM t WHERE t MATCH ?1 ORDER BY rowid",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
	strbuf b;
	sb_init(&b);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		sb_printf(&b, "%s%lld", b.len ? "," : "", (long long)sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		sb_clear(&b);
		sb_adds(&b, "error");
	}
	return sb_detach(&b);
}

/* Asserts that query matches exactly the rows listed in want. */
static void check_match(sqlite3 *db, const char *query, const char *want)
{
	char *got = match(db, query);
	if (strcmp(got, want) != 0)
		print_error("query %s: got %s, want %s\n", query, got, want);
	assert_string_equal(got, want);
	free(got);
}

/* Queries typed without diacritics find Vietnamese text. */
static void test_no_diacritics(void **state)
{
	sqlite3 *db = *state;
	/* Both words anywhere: rows 1, 2 and 4 (phán ... đàm). */
	check_match(db, "dam phan", "1,2,4");
	check_match(db, "hoa binh", "2");
	check_match(db, "ha noi", "3");
	check_match(db, "da nang", "5");
	check_match(db, "ukraine", "1");
}

/* Upper case, precomposed and decomposed spellings all match. */
static void test_any_case_and_marks(void **state)
{
	sqlite3 *db = *state;
	check_match(db, "ĐÀM PHÁN", "1,2,4");
	check_match(db, "Đàm phán", "1,2,4");
	/* The query itself written decomposed. */
	check_match(db, "\304\221a\314\200m", "1,2,4");
	/* A stored NFD row is found by every spelling. */
	check_match(db, "tiếng việt", "7");
	check_match(db, "TIENG VIET", "7");
	check_match(db, "bằng", "7");
}

/* Phrases match adjacent words only, in order. */
static void test_phrase(void **state)
{
	sqlite3 *db = *state;
	check_match(db, "\"dam phan\"", "1,2");
	check_match(db, "\"Đàm phán\"", "1,2");
	check_match(db, "\"phan dam\"", "");
	check_match(db, "\"viet bang\"", "7");
}

/* Prefix queries are folded too. */
static void test_prefix(void **state)
{
	sqlite3 *db = *state;
	check_match(db, "đam*", "1,2,4,5");
	check_match(db, "ĐÀM*", "1,2,4,5");
	check_match(db, "tho*", "3,4");
	check_match(db, "\"dam th\" *", "4");
}

/* Unrelated rows are not found; NOT excludes. */
static void test_no_false_matches(void **state)
{
	sqlite3 *db = *state;
	check_match(db, "dam phan NOT ukraine", "2,4");
	check_match(db, "đẹp", "3");
	check_match(db, "dep", "3");
	check_match(db, "nga", "");
	/* "đ" folds to "d", never disappears: "am" is not "đàm". */
	check_match(db, "am", "");
	check_match(db, "kết", "2");
	check_match(db, "ket thuc", "2");
}

/* Words with apostrophes are found by their parts and joined. */
static void test_apostrophes(void **state)
{
	sqlite3 *db = *state;
	check_match(db, "putin", "6");
	check_match(db, "putins", "6");
	check_match(db, "\"Putin's\"", "6");
	check_match(db, "obrien", "6");
	check_match(db, "brien", "6");
	check_match(db, "\"O'Brien said\"", "6");
	check_match(db, "dont", "6");
	check_match(db, "\"don't worry\"", "6");
}

/* A malformed query is an SQLite error, not a crash. */
static void test_malformed_query(void **state)
{
	sqlite3 *db = *state;
	check_match(db, "\"dam phan", "error");
	check_match(db, "dam AND", "error");
	check_match(db, "(dam", "error");
	check_match(db, "*", "error");
	/* The database still works afterwards. */
	check_match(db, "dam phan", "1,2,4");
}

/* highlight() uses the offsets the tokenizer reports: they must point at
 * the original text, not the folded one. */
static void test_offsets(void **state)
{
	sqlite3 *db = *state;
	sqlite3_stmt *st;
	assert_int_equal(
	    sqlite3_prepare_v2(db,
	                       "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1 "
	                       "ORDER BY rowid",
	                       -1, &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, "dam phan", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
	                    "Hai bên sẽ [đàm] [phán] về Ukraine.");
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
	                    "[ĐÀM] [PHÁN] HÒA BÌNH KẾT THÚC");
	sqlite3_finalize(st);

	assert_int_equal(
	    sqlite3_prepare_v2(db, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH ?1", -1,
	                       &st, NULL),
	    SQLITE_OK);
	sqlite3_bind_text(st, 1, "viet", -1, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0),
	                    "Tie\xcc\x82\xcc\x81ng [Vie\xcc\xa3\xcc\x82t] [vie\xcc\x82\xcc\x81t] "
	                    "ba\xcc\x86\xcc\x80ng NFD");
	sqlite3_finalize(st);
}

/* Tokens as the tokenizer reports them, collected for inspection. */
typedef struct collected {
	strbuf text; /* "tok@start-end " for each, "+" before synonyms */
} collected;

/* xToken callback: appends one token to the collected text. */
static int collect(void *ctx, int tflags, const char *tok, int ntok, int start, int end)
{
	collected *c = ctx;
	sb_printf(&c->text, "%s%.*s@%d-%d ", (tflags & FTS5_TOKEN_COLOCATED) ? "+" : "", ntok, tok,
	          start, end);
	return SQLITE_OK;
}

/* Tokenizes s with the registered "lede" tokenizer and returns the tokens. */
static char *tokenize(sqlite3 *db, const char *s, int flags)
{
	sqlite3_stmt *st;
	fts5_api *api = NULL;
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	assert_non_null(api);

	void *user = NULL;
	fts5_tokenizer impl;
	assert_int_equal(api->xFindTokenizer(api, "lede", &user, &impl), SQLITE_OK);
	Fts5Tokenizer *tok = NULL;
	assert_int_equal(impl.xCreate(user, NULL, 0, &tok), SQLITE_OK);
	collected c;
	sb_init(&c.text);
	sb_grow(&c.text, 0);
	c.text.s[0] = '\0';
	assert_int_equal(impl.xTokenize(tok, &c, flags, s, (int)strlen(s), collect), SQLITE_OK);
	impl.xDelete(tok);
	return sb_detach(&c.text);
}

/* The exact tokens, offsets and synonyms the tokenizer reports. */
static void test_tokens(void **state)
{
	sqlite3 *db = *state;
	char *got = tokenize(db, "Đàm-phán, 2021!", FTS5_TOKENIZE_DOCUMENT);
	assert_string_equal(got, "dam@0-5 phan@6-11 2021@13-17 ");
	free(got);

	/* Apostrophes: parts, plus the joined word in documents only. */
	got = tokenize(db, "O'Brien x", FTS5_TOKENIZE_DOCUMENT);
	assert_string_equal(got, "o@0-1 +obrien@0-7 brien@2-7 x@8-9 ");
	free(got);
	got = tokenize(db, "O’Brien", FTS5_TOKENIZE_QUERY);
	assert_string_equal(got, "o@0-1 brien@4-9 ");
	free(got);
	/* Apostrophes at the edges are not part of words. */
	got = tokenize(db, "'quoted' rock'", FTS5_TOKENIZE_QUERY);
	assert_string_equal(got, "quoted@1-7 rock@9-13 ");
	free(got);

	/* Punctuation, symbols and lone marks are not words; CJK is. */
	got = tokenize(db, "\xcc\x81 -- $5 北京", FTS5_TOKENIZE_QUERY);
	assert_string_equal(got, "5@7-8 北京@9-15 ");
	free(got);

	/* A monstrous word is cut, identically in documents and queries. */
	strbuf big;
	sb_init(&big);
	for (int i = 0; i < 1000; i++)
		sb_adds(&big, "Ấ");
	got = tokenize(db, big.s, FTS5_TOKENIZE_QUERY);
	/* 256 bytes of 'a', then "@0-3000 ". */
	assert_int_equal(strlen(got), 256 + strlen("@0-3000 "));
	assert_int_equal(strspn(got, "a"), 256);
	free(got);
	sb_free(&big);
}

/* The tokenizer rejects options it does not know. */
static void test_bad_arguments(void **state)
{
	sqlite3 *db = *state;
	/* The tokenizer takes no options. */
	assert_int_not_equal(sqlite3_exec(db,
	                                  "CREATE VIRTUAL TABLE u USING fts5(x, tokenize='lede x')",
	                                  NULL, NULL, NULL),
	                     SQLITE_OK);
}

/* Texts for the replay tests: the rows, and one long enough that offsets
 * need several bytes when packed. */
static char **replay_texts(size_t *n)
{
	size_t nrows = sizeof rows / sizeof rows[0];
	char **v = xcalloc(nrows + 1, sizeof *v);
	for (size_t i = 0; i < nrows; i++)
		v[i] = xstrdup(rows[i]);
	strbuf big;
	sb_init(&big);
	for (int i = 0; i < 2000; i++)
		sb_printf(&big, "Câu %d: Putin’s đàm phán ở Hà Nội. ", i);
	v[nrows] = sb_detach(&big);
	*n = nrows + 1;
	return v;
}

/* Fills a new in-memory table with texts, one statement each, replaying
 * from q when given (every text prepared and queued first). Returns the
 * index as text: each token instance with its row, column and position,
 * then each row highlighted (byte offsets). */
static char *index_dump(char **texts, size_t n, fts_queue *q)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(fts_register(db, q), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
	                              "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='lede');"
	                              "CREATE VIRTUAL TABLE v USING fts5vocab(t, 'instance');",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	for (size_t i = 0; q && i < n; i++) {
		fts_prepared p;
		fts_prepare(texts[i], strlen(texts[i]), &p);
		fts_queue_push(q, &p);
		fts_prepared_free(&p);
	}
	sqlite3_stmt *st;
	assert_int_equal(sqlite3_prepare_v2(db, "INSERT INTO t(rowid, body) VALUES (?1, ?2)", -1,
	                                    &st, NULL),
	                 SQLITE_OK);
	for (size_t i = 0; i < n; i++) {
		sqlite3_bind_int64(st, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_text(st, 2, texts[i], -1, SQLITE_STATIC);
		assert_int_equal(sqlite3_step(st), SQLITE_DONE);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	strbuf b;
	sb_init(&b);
	assert_int_equal(sqlite3_prepare_v2(db,
	                                    "SELECT term, doc, col, offset FROM v"
	                                    " ORDER BY doc, offset, term",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		sb_printf(&b, "%s %lld %s %lld\n", (const char *)sqlite3_column_text(st, 0),
		          (long long)sqlite3_column_int64(st, 1), (const char *)sqlite3_column_text(st, 2),
		          (long long)sqlite3_column_int64(st, 3));
	sqlite3_finalize(st);
	assert_int_equal(sqlite3_prepare_v2(db,
	                                    "SELECT highlight(t, 0, '[', ']') FROM t"
	                                    " WHERE t MATCH 'putin OR dam OR phan OR obrien'"
	                                    " ORDER BY rowid",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		sb_printf(&b, "%s\n", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return sb_detach(&b);
}

/* Texts tokenized ahead and replayed index exactly as tokenized in
 * place: same terms, positions, synonyms and byte offsets. */
static void test_prepared_replay(void **state)
{
	(void)state;
	size_t n;
	char **texts = replay_texts(&n);
	char *plain = index_dump(texts, n, NULL);
	fts_queue q;
	fts_queue_init(&q);
	char *replayed = index_dump(texts, n, &q);
	/* Every prepared text was asked for, in order: the replay ran. */
	assert_int_equal(q.head, n);
	assert_int_equal(q.n, n);
	assert_true(strlen(plain) > 10000);
	assert_non_null(strstr(plain, "[Putin]’s"));
	assert_non_null(strstr(plain, "obrien"));
	assert_string_equal(replayed, plain);
	fts_queue_clear(&q);
	assert_int_equal(q.n, 0);
	free(plain);
	free(replayed);
	for (size_t i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
}

/* A text that is not the one queued is tokenized in place, and the
 * queued one stays for its turn. */
static void test_prepared_mismatch(void **state)
{
	(void)state;
	sqlite3 *db;
	fts_queue q;
	fts_queue_init(&q);
	assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
	assert_int_equal(fts_register(db, &q), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db,
	                              "CREATE VIRTUAL TABLE t USING fts5(body, tokenize='lede')",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	fts_prepared p;
	fts_prepare("alpha beta", 10, &p);
	fts_queue_push(&q, &p);
	/* Same length, other text: it is tokenized, not replayed. */
	assert_int_equal(sqlite3_exec(db, "INSERT INTO t(rowid, body) VALUES (1, 'gamma delt')",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(q.head, 0);
	assert_int_equal(sqlite3_exec(db, "INSERT INTO t(rowid, body) VALUES (2, 'alpha beta')",
	                              NULL, NULL, NULL),
	                 SQLITE_OK);
	assert_int_equal(q.head, 1);
	/* Both rows are indexed by their own words. */
	char *got = match(db, "gamma");
	assert_string_equal(got, "1");
	free(got);
	got = match(db, "beta");
	assert_string_equal(got, "2");
	free(got);
	sqlite3_close(db);
	fts_queue_clear(&q);
}

/* Runs the tokenizer tests, each on a fresh database. */
/* The words a query looks for: folded, each once, operators left out,
 * prefixes marked; and which words of a text they match. */
static void test_query_terms(void **state)
{
	(void)state;
	strlist t;
	sl_init(&t);
	fts_query_terms("Đàm phán AND \"Hội nghị\" OR đàm NOT Geneva* NEAR(x y)", &t);
	const char *want[] = {"dam", "phan", "hoi", "nghi", "geneva*", "x", "y"};
	assert_int_equal(t.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < t.n; i++)
		assert_string_equal(t.v[i], want[i]);
	assert_true(fts_term_matches(&t, "dam", 3));
	assert_false(fts_term_matches(&t, "da", 2));
	assert_false(fts_term_matches(&t, "damp", 4));
	assert_true(fts_term_matches(&t, "genevan", 7));
	assert_true(fts_term_matches(&t, "geneva", 6));
	assert_false(fts_term_matches(&t, "genev", 5));
	sl_free(&t);
	sl_init(&t);
	fts_query_terms(NULL, &t);
	fts_query_terms("  ", &t);
	assert_int_equal(t.n, 0);
	sl_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_no_diacritics, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_any_case_and_marks, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_phrase, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_prefix, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_no_false_matches, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_apostrophes, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_malformed_query, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_offsets, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_tokens, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_bad_arguments, setup, teardown),
	    cmocka_unit_test(test_prepared_replay),
	    cmocka_unit_test(test_prepared_mismatch),
	    cmocka_unit_test(test_query_terms),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
