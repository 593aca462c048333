/* query_int.h: what query.c (reads) and query_edit.c (the user's entity
 * edits) share; not for other modules: they use query.h. */
#ifndef LEDE_QUERY_INT_H
#define LEDE_QUERY_INT_H

#include <sqlite3.h>

#include "query.h"
#include "util.h"

/* Most ids one entity name may resolve to (one per type, spelling
 * variants that fold alike, and the entities the user merged). */
#define MAX_IDS 64

/* Whether the user has entity edits, with temp.entity_eff brought up to
 * date when so (see query_edit.c): readers join it only then. */
int query_edits_active(store *s);

/* Copies a (possibly NULL) text column. */
static inline char *column_dup(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	return t ? xstrdup(t) : NULL;
}

#endif
