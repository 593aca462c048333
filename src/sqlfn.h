/* sqlfn.h: SQL functions lede adds to each store connection. */
#ifndef LEDE_SQLFN_H
#define LEDE_SQLFN_H

#include <sqlite3.h>

/* Registers lede_utf8(X): X when it is NULL, not text or valid UTF-8;
 * else X with each invalid part replaced by U+FFFD. JSON output passes
 * file names through it, so that strict parsers accept it, and adds the
 * name's bytes in hexadecimal when lede_utf8(X) <> X (README, "JSON").
 * Returns an SQLite result code. */
int sqlfn_register(sqlite3 *db);

#endif
