/* docval.c: building the doc values (see docval.h): each chunk of
 * articles' entity ids and mentions, packed from article_entity into one
 * blob. A chunk is always rebuilt whole from the rows, never patched:
 * the blob is then a function of the rows, whoever changed them. */
#include "config.h"

#include "docval.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Appends v as a varint (LEB128). */
static void put_varint(strbuf *b, uint64_t v)
{
	while (v >= 0x80) {
		sb_addc(b, (char)((v & 0x7f) | 0x80));
		v >>= 7;
	}
	sb_addc(b, (char)v);
}

/* Writes offset v at index i of the header at the start of b. */
static void put_offset(strbuf *b, size_t i, uint32_t v)
{
	unsigned char *h = (unsigned char *)b->s + 4 * i;
	h[0] = (unsigned char)v;
	h[1] = (unsigned char)(v >> 8);
	h[2] = (unsigned char)(v >> 16);
	h[3] = (unsigned char)(v >> 24);
}

/* See docval.h. */
void docval_pack_begin(docval_pack *pk, strbuf *b, int64_t c)
{
	pk->b = b;
	pk->base = c << DOCVAL_CHUNK_BITS;
	pk->next = 0;
	pk->prev = 0;
	sb_clear(b);
	sb_grow(b, DOCVAL_HEADER);
	memset(b->s, 0, DOCVAL_HEADER);
	b->len = DOCVAL_HEADER;
}

/* See docval.h. */
int docval_pack_add(docval_pack *pk, int64_t article, int64_t entity, int64_t mentions)
{
	strbuf *b = pk->b;
	if (article < pk->base || article >= pk->base + DOCVAL_CHUNK)
		return -1;
	size_t i = (size_t)(article - pk->base);
	if (i + 1 < pk->next)
		return -1; /* an article before the last one */
	if (i >= pk->next) {
		/* the articles up to this one start here (empty ones) */
		for (; pk->next <= i; pk->next++)
			put_offset(b, pk->next, (uint32_t)b->len);
		pk->prev = 0;
	}
	if (entity < pk->prev || (entity == pk->prev && pk->prev) || mentions < 0 ||
	    b->len > UINT32_MAX - 32)
		return -1;
	put_varint(b, (uint64_t)(entity - pk->prev) << 1 | (mentions != 1));
	if (mentions != 1)
		put_varint(b, (uint64_t)mentions);
	pk->prev = entity;
	return 0;
}

/* See docval.h. */
void docval_pack_end(docval_pack *pk)
{
	for (; pk->next <= DOCVAL_CHUNK; pk->next++)
		put_offset(pk->b, pk->next, (uint32_t)pk->b->len);
}

/* Rebuilds chunk c from its article_entity rows (read with rows, which
 * takes the first and the last article id) and stores it with put.
 * Every chunk up to the last article's has a blob, empty ones too, so
 * that readers find one wherever an article is. */
static int build_chunk(sqlite3_stmt *rows, sqlite3_stmt *put, strbuf *b, int64_t c)
{
	docval_pack pk;
	docval_pack_begin(&pk, b, c);
	sqlite3_bind_int64(rows, 1, pk.base);
	sqlite3_bind_int64(rows, 2, pk.base + DOCVAL_CHUNK - 1);
	int rc;
	while ((rc = sqlite3_step(rows)) == SQLITE_ROW)
		if (docval_pack_add(&pk, sqlite3_column_int64(rows, 0), sqlite3_column_int64(rows, 1),
				    sqlite3_column_int64(rows, 2))) {
			rc = SQLITE_CORRUPT;
			break;
		}
	sqlite3_reset(rows);
	if (rc != SQLITE_DONE)
		return -1;
	docval_pack_end(&pk);
	sqlite3_bind_int64(put, 1, c);
	sqlite3_bind_blob(put, 2, b->s, (int)b->len, SQLITE_STATIC);
	rc = sqlite3_step(put);
	sqlite3_reset(put);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* See docval.h. */
int docval_flush(sqlite3 *db, int64_t first, int64_t last)
{
	static const char *const sql[] = {
		"SELECT article_id, entity_id, mentions FROM article_entity"
		" WHERE article_id BETWEEN ?1 AND ?2 ORDER BY article_id, entity_id",
		"INSERT OR REPLACE INTO docval(chunk, data) VALUES (?1, ?2)",
		"SELECT chunk FROM docval_dirty ORDER BY chunk",
		"DELETE FROM docval_dirty",
	};
	sqlite3_stmt *st[4] = {NULL, NULL, NULL, NULL};
	strbuf b;
	sb_init(&b);
	int rc = 0;
	for (int i = 0; i < 4 && rc == 0; i++)
		if (sqlite3_prepare_v2(db, sql[i], -1, &st[i], NULL) != SQLITE_OK)
			rc = -1;
	for (int64_t c = first >> DOCVAL_CHUNK_BITS; rc == 0 && first <= last &&
						     c <= last >> DOCVAL_CHUNK_BITS;
	     c++)
		rc = build_chunk(st[0], st[1], &b, c);
	/* The dirty chunks are read out first: writing docval while
	 * stepping docval_dirty is fine in SQLite, but one statement at a
	 * time is easier to reason about. */
	int64_t *dirty = NULL;
	size_t n = 0, cap = 0;
	int step;
	while (rc == 0 && (step = sqlite3_step(st[2])) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			dirty = xrealloc(dirty, cap * sizeof *dirty);
		}
		dirty[n++] = sqlite3_column_int64(st[2], 0);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = -1;
	for (size_t i = 0; i < n && rc == 0; i++)
		if (first > last || dirty[i] < first >> DOCVAL_CHUNK_BITS ||
		    dirty[i] > last >> DOCVAL_CHUNK_BITS)
			rc = build_chunk(st[0], st[1], &b, dirty[i]);
	if (rc == 0 && n && sqlite3_step(st[3]) != SQLITE_DONE)
		rc = -1;
	free(dirty);
	for (int i = 0; i < 4; i++)
		sqlite3_finalize(st[i]);
	sb_free(&b);
	return rc;
}

/* See docval.h. */
int docval_ready(sqlite3 *db)
{
	sqlite3_stmt *st;
	int ready = 0;
	if (sqlite3_prepare_v2(db, "SELECT NOT EXISTS (SELECT 1 FROM docval_dirty)", -1, &st,
			       NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		ready = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return ready;
}

/* See docval.h. */
int docval_rebuild(sqlite3 *db)
{
	sqlite3_stmt *st;
	int64_t last = 0;
	if (sqlite3_prepare_v2(db, "SELECT coalesce(max(id), 0) FROM article", -1, &st, NULL) !=
	    SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		last = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (sqlite3_exec(db, "DELETE FROM docval; DELETE FROM docval_dirty", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return -1;
	return docval_flush(db, 1, last);
}
