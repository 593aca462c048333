/* store_int.h: what the parts of the store share (store.c opens and
 * validates, schema.c migrates, store_write.c writes what ingest finds,
 * store_bulk.c runs bulk mode's checkpointer). Not for other modules:
 * they use store.h. */
#ifndef LEDE_STORE_INT_H
#define LEDE_STORE_INT_H

#include <pthread.h>
#include <sqlite3.h>
#include <stdint.h>

#include "fts.h"
#include "store.h"
#include "util.h"

/* 'lede' in ASCII: marks a SQLite file as ours, so that a database of
 * another program is never taken over and migrated. */
#define LEDE_APPLICATION_ID 0x6c656465

/* Prepared statements of the write path, made once per store. */
enum {
	ST_FILE_STATUS,
	ST_ARTICLE_BY_HASH,
	ST_FILE_UPSERT,
	ST_FILE_ARTICLE,
	ST_ARTICLE_INSERT,
	ST_ARTICLE_ORPHAN_DELETE,
	ST_ARTICLE_ENTITY_DELETE,
	ST_ENTITY_BY_KEY,
	ST_ENTITY_INSERT,
	ST_ALIAS_INSERT,
	ST_ARTICLE_ENTITY_INSERT,
	ST_ARTICLE_ENTITY_INSERT8,
	ST_ARTICLE_ENTITY_INSERT4,
	ST_ARTICLE_ENTITY_INSERT2,
	ST_FILE_DELETE,
	ST_FILE_HASH,
	ST_ENTITY_COUNT_ADD,
	ST_FTS_INDEX,
	ST_ARTICLE_COUNT_ADD,
	ST_FIRST_FILE,
	ST_SOURCE_SET,
	ST_LEGACY_ARTICLE,
	ST_ARTICLE_REHASH,
	ST_FILE_REHASH,
	ST_LEGACY_INSERT,
	ST_COMMIT_COUNT,
	ST_COUNT
};

/* Prepared statements of corpus typing (store_type.c). */
enum {
	TS_TOUCHED_KEYS,
	TS_KEY_ENTITIES,
	TS_ROWS_MOVE,
	TS_ALIAS_COPY,
	TS_LEARN_EXAMPLES,
	TS_LEARN_CANDIDATES,
	TS_LEARN_SET,
	TS_COUNT
};

/* Statements and the write caches live beside the handle; store.h keeps
 * the struct small. */
/* The statements store_link.c keeps prepared. */
#define STORE_LINK_STMTS 8

typedef struct store_private {
	store pub;
	sqlite3_stmt *stmt[ST_COUNT];
	sqlite3_stmt *type_stmt[TS_COUNT];
	/* Ingest writes tens of mentions per article: entity ids and the
	 * aliases already recorded are remembered, not asked of SQLite. */
	strmap entity_ids;  /* "type\x1fcanonical" -> entity id */
	strmap aliases;     /* "id\x1fname" -> 1 */
	strmap name_votes;  /* "id\x1fname" -> articles naming it so (store_names.c) */
	strmap name_renames; /* "id" -> 1: voted for under another name */
	int64_t *new_people; /* people's entities made since the last flush (store_link.c) */
	strlist new_keys;    /* and their keys */
	strmap new_acronyms; /* "id\x1facronym": organizations' new acronyms */
	sqlite3_stmt *link_stmt[STORE_LINK_STMTS];
	size_t n_new_people, cap_new_people;
	strbuf scratch;
	/* Entity counts added by the open transaction, written at commit. */
	struct entity_delta {
		int64_t id, articles, mentions, evidence, guessed;
	} *deltas;
	size_t n_deltas, cap_deltas;
	strmap delta_index;  /* "id" -> index + 1 into deltas */
	/* The entities given rows by the open transaction (their counts
	 * written already), whose names are retyped at commit. */
	int64_t *touched;
	size_t n_touched, cap_touched;
	int64_t fts_from;    /* first article of the transaction not yet indexed */
	fts_queue fts_queue; /* their text, tokenized by ingest's workers */
	int64_t article_delta;  /* articles added less deleted since begin */
	/* The first and last article added since begin (0: none), whose
	 * doc values are built at commit (docval.h). */
	int64_t docval_first, docval_last;
	/* Bulk mode (store_bulk_begin): checkpoints run on their own thread
	 * and connection while the writer goes on. */
	int bulk;
	struct checkpointer {
		sqlite3 *db;
		pthread_t thread;
		pthread_mutex_t lock;
		pthread_cond_t wake, idle;
		int running, pending, busy, stop;
		int rounds;  /* rounds done since bulk mode began */
	} ckpt;
	int wal_frames;  /* frames in the write-ahead log after the last commit */
	int ckpt_asked;  /* the checkpointer was asked for a round since the log started over */
	int lock_fd;     /* the ingest lock file while held (store_ingest_lock), or -1 */
	int legacy;      /* the store has articles of before schema 6 (adopt_legacy) */
	/* store_state_warm's thread, joined at close. */
	pthread_t state_warm;
	int state_warming;
} store_private;

/* store.c */
int store_exec(sqlite3 *db, const char *sql, char **err); /* SQL without rows */
int64_t store_query_int(sqlite3 *db, const char *sql);    /* one integer, -1 on error */
char *store_file_uri(const char *path, const char *params);
void store_keep_wal(sqlite3 *db); /* -wal and -shm outlive the connection */
void store_wal_hook_set(sqlite3 *db); /* checkpoints: the store's, not the state's */

/* store_names.c: entities named as the corpus names them */
void store_names_vote(store_private *p, int64_t id, const char *name, bool other);
int store_names_flush(store_private *p);
void store_names_clear(store_private *p);

/* store_link.c: people's partial names linked across articles */
int64_t store_link_partial(store_private *p, const char *key, const char *name, int evidence);
int store_link_new(store_private *p, int64_t id, const char *key);
int64_t store_link_acronym(store_private *p, const char *key, const char *name);
void store_link_acronym_seen(store_private *p, int64_t id, const char *acro, const char *name);
int store_link_flush(store_private *p);
void store_link_clear(store_private *p);
void store_link_free(store_private *p);

/* schema.c */
extern const char store_state_schema[];
int schema_migrate(store *s, char **err);

/* store_write.c: frees the statements and caches of the write path. */
void store_write_free(store_private *p);
/* store_write.c: the statement of sql kept in *slot, prepared on first
 * use (persistent), reset and without bindings; NULL on error. */
sqlite3_stmt *store_stmt(sqlite3 *db, sqlite3_stmt **slot, const char *sql);
/* store_write.c: the write path's statement k (ST_*), prepared on
 * first use, reset and without bindings; NULL on error. */
sqlite3_stmt *store_write_stmt(store *s, int k);

/* store_entities.c: an article's tallies written as its entity rows
 * (entities found or added, counts kept as deltas); 0 or -1. */
int store_put_tallies(store *s, int64_t article_id, const tally_list *tl);
/* Writes the pending entity counts (part of the transaction); 0 or -1. */
int store_flush_deltas(store_private *p);
/* Forgets the pending counts (written, or rolled back). */
void store_clear_deltas(store_private *p);

/* store_type.c: retypes by the corpus the names of the entities the
 * transaction gave rows to (p->touched) or took rows from (entity_touched,
 * filled by the delete trigger), each key once; part of the transaction.
 * 0, or -1 with the database's error. */
int store_retype_touched(store_private *p);

/* store_bulk.c: before a write transaction begins (the log may have to
 * start over) and after it commits (a checkpoint round). */
void store_bulk_before_begin(store_private *p);
void store_bulk_after_commit(store_private *p);
/* The page cache of bulk mode for a store of this many bytes, in KiB. */
int64_t store_bulk_cache_kib(int64_t store_bytes);

#endif
