/* sqlfn.c: SQL functions lede adds to each store connection (sqlfn.h). */
#include "config.h"

#include "sqlfn.h"

#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "entity.h"
#include "text.h"

/* lede_utf8(X): see sqlfn.h. SQLite stores whatever bytes a file name
 * has, and its JSON functions copy them as they are. */
static void fn_utf8(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	if (sqlite3_value_type(argv[0]) != SQLITE_TEXT) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	const char *s = (const char *)sqlite3_value_text(argv[0]);
	size_t n = (size_t)sqlite3_value_bytes(argv[0]);
	if (!s || !u8_check((const uint8_t *)s, n)) {
		sqlite3_result_value(ctx, argv[0]);
		return;
	}
	size_t len;
	char *fixed = text_repair_utf8(s, n, &len);
	sqlite3_result_text(ctx, fixed, (int)len, free);
}

/* lede_mark(P, ID): see sqlfn.h. Without a bitmap bound (SQL typed by
 * someone else) it does nothing. */
static void fn_mark(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlfn_bitmap *m = sqlite3_value_pointer(argv[0], SQLFN_BITMAP);
	sqlite3_int64 id = sqlite3_value_int64(argv[1]);
	if (m && id >= 0 && id <= m->max)
		m->bits[id >> 6] |= (uint64_t)1 << (id & 63);
	sqlite3_result_null(ctx);
}

/* lede_key_unmarked(K): see sqlfn.h. */
static void fn_key_unmarked(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *key = (const char *)sqlite3_value_text(argv[0]);
	if (!key) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, entity_key_unmarked(key), -1, free);
}

/* lede_key_head(K): see sqlfn.h. */
static void fn_key_head(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const char *key = (const char *)sqlite3_value_text(argv[0]);
	if (!key) {
		sqlite3_result_null(ctx);
		return;
	}
	sqlite3_result_text(ctx, key, (int)strcspn(key, " :"), SQLITE_TRANSIENT);
}

/* See sqlfn.h. */
int sqlfn_register(sqlite3 *db)
{
	static const struct {
		const char *name;
		void (*fn)(sqlite3_context *, int, sqlite3_value **);
	} fns[] = {
	    {"lede_utf8", fn_utf8},
	    {"lede_key_unmarked", fn_key_unmarked},
	    {"lede_key_head", fn_key_head},
	};
	for (size_t i = 0; i < sizeof fns / sizeof *fns; i++) {
		int rc = sqlite3_create_function(db, fns[i].name, 1,
		                                 SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
		                                 NULL, fns[i].fn, NULL, NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	return sqlite3_create_function(db, "lede_mark", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY, NULL,
	                               fn_mark, NULL, NULL);
}
