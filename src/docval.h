/* docval.h: the entities of each article packed in article-id order
 * ("doc values"), for counting the entities of a result set without a
 * join (facets.c). The store keeps them in table docval, a blob per chunk
 * of DOCVAL_CHUNK articles, rebuilt from article_entity by the writer in
 * the transaction that changed it; see HACKING, "Facets". */
#ifndef LEDE_DOCVAL_H
#define LEDE_DOCVAL_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Articles per chunk: chunk c holds articles c * DOCVAL_CHUNK up to
 * (c + 1) * DOCVAL_CHUNK - 1. The shift is written into the schema's
 * triggers (schema.c, version 10): changing it needs a migration. */
#define DOCVAL_CHUNK_BITS 9
#define DOCVAL_CHUNK (1 << DOCVAL_CHUNK_BITS)

/* A chunk's blob starts with DOCVAL_CHUNK + 1 offsets (32-bit, little
 * endian, from the blob's start): article i's entities are the bytes
 * from offset i to offset i + 1. Each entity is a varint (LEB128) of
 * (id - previous id) * 2, plus 1 when its mentions are not 1, then the
 * mentions as a varint when so; ids ascend within an article. */
#define DOCVAL_HEADER ((DOCVAL_CHUNK + 1) * 4)

/* Packs one chunk's blob from its rows, given in (article, entity)
 * order: docval_pack_begin, docval_pack_add per row, docval_pack_end.
 * The writer stores what it packs; `lede check` compares it with what
 * is stored. */
typedef struct docval_pack {
	strbuf *b;       /* the blob being made */
	int64_t base;    /* the chunk's first article id */
	size_t next;     /* the first article whose offset is not written */
	int64_t prev;    /* the last entity id of the current article */
} docval_pack;

/* Starts chunk c's blob in b (emptied). */
void docval_pack_begin(docval_pack *pk, strbuf *b, int64_t c);

/* Adds a row: article (in the chunk), entity, mentions. -1 when it is
 * out of order or out of the chunk (nothing added). */
int docval_pack_add(docval_pack *pk, int64_t article, int64_t entity, int64_t mentions);

/* Ends the blob: the offsets of the articles after the last row. */
void docval_pack_end(docval_pack *pk);

/* Rebuilds the chunks of articles first..last (ids; inclusive) and
 * those docval_dirty names, then empties docval_dirty. Part of the
 * caller's write transaction. first > last: only the dirty ones. 0, or
 * -1 with the database's error. */
int docval_flush(sqlite3 *db, int64_t first, int64_t last);

/* Rebuilds every chunk from article_entity (`lede check --rebuild`):
 * what a migration does, for doc values found wrong. Part of the
 * caller's write transaction. 0, or -1 with the database's error. */
int docval_rebuild(sqlite3 *db);

/* True when the doc values hold every committed article_entity row:
 * no chunk is waiting to be rebuilt (a store migrated by a process that
 * was killed before building them). Readers count with SQL otherwise. */
int docval_ready(sqlite3 *db);

/* Reads a varint at *p (before end); 0 at a truncated one. One and two
 * bytes, most of them, are read without the loop. */
static inline int docval_varint(const unsigned char **p, const unsigned char *end, uint64_t *v)
{
	const unsigned char *q = *p;
	if (q < end && q[0] < 0x80) {
		*v = q[0];
		*p = q + 1;
		return 1;
	}
	if (q + 1 < end && q[1] < 0x80) {
		*v = (uint64_t)(q[0] & 0x7f) | (uint64_t)q[1] << 7;
		*p = q + 2;
		return 1;
	}
	uint64_t x = 0;
	for (int shift = 0; *p < end && shift < 64; shift += 7) {
		unsigned char c = *(*p)++;
		x |= (uint64_t)(c & 0x7f) << shift;
		if (!(c & 0x80)) {
			*v = x;
			return 1;
		}
	}
	return 0;
}

/* The offset at index i of a chunk header. */
static inline uint32_t docval_offset(const unsigned char *header, size_t i)
{
	const unsigned char *b = header + 4 * i;
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

#endif
