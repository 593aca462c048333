/* fts.h: lede's FTS5 tokenizer. Tokens are words (letters and digits, as
 * libunistring classifies them) folded with text_fold, so that "dam phan",
 * "Đàm phán" and "ĐÀM PHÁN" all match "đàm phán". */
#ifndef LEDE_FTS_H
#define LEDE_FTS_H

#include <sqlite3.h>

/* Registers the tokenizer as "lede" on db. Returns an SQLite code. */
int fts_register(sqlite3 *db);

#endif
