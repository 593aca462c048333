/* store.h: the SQLite store (articles, files, entities, full-text index)
 * and the per-user state database attached to it (read/starred marks,
 * entity edits), which stays writable when the store is read-only. */
#ifndef LEDE_STORE_H
#define LEDE_STORE_H

#include <sqlite3.h>
#include <stdint.h>

#include "article.h"
#include "fts.h"
#include "tally.h"

typedef struct store {
	sqlite3 *db;
	char *path;
	char *state_path;
	int readonly;   /* the store file or its folder is not writable */
	int has_state;  /* the state database is attached as "state" */
	int64_t data_version;  /* last PRAGMA data_version seen by query_store_changed */
	int64_t seen_commits;  /* the store's count of commits it saw then */
	int all_entities;      /* readers show entities of low confidence too
	                        * (query_all_entities) */
	int facets_mode;       /* how facets are counted (facets_use: tests
	                        * and benchmarks) */
	struct day_index *day_index; /* the articles' days for timelines
	                              * (day_index.h), or NULL */
} store;

/* Schema version this build writes; stores of older versions are migrated
 * forward on open, newer ones are refused. */
#define STORE_SCHEMA_VERSION 12

enum {
	STORE_OPEN_CREATE = 1,   /* create the file (and folders) if missing */
	STORE_OPEN_READONLY = 2  /* never write to the store file */
};

/* Opens (creating if asked) the store at path and attaches the state
 * database at state_path (NULL: no state). A corrupt file or one of
 * another program is refused and left untouched. On error returns NULL
 * and sets *err to a message naming the file (caller frees). */
store *store_open(const char *path, const char *state_path, int flags, char **err);
void store_close(store *s);

/* Metadata of a source file. */
typedef struct store_file {
	const char *path;  /* absolute, as ingested */
	int64_t size;
	int64_t mtime_ns;
} store_file;

/* What the store already knows of a path: 0 unknown, 1 same size and
 * mtime (unchanged), 2 known but changed. */
int store_file_status(store *s, const store_file *f);

/* A read transaction around many lookups such as store_file_status: one
 * snapshot and lock for all instead of one each (twenty times faster).
 * Not inside store_begin and store_commit. */
int store_read_begin(store *s);
void store_read_end(store *s);

/* Starts the state database's log on a thread of its own, so that the
 * first mark of a session does not wait for the disk: the first commit
 * into a new (or restarted) log syncs its header. For the interface,
 * before its first key; store_close waits for the thread. */
void store_state_warm(store *s);

/* The content hash stored for path (new string), or NULL when unknown. */
char *store_file_hash(store *s, const char *path);

/* What ingest's workers make of an article for the store, so that the
 * one thread writing to it only writes: the article's entities and its
 * indexed fields, tokenized. */
typedef struct store_prepared {
	tally_list entities;
	fts_prepared text[5];  /* title, lede, caption, credit, body */
	int n_text;
} store_prepared;

/* Prepares article a with its mentions ml (NULL: none). Thread-safe. */
void store_prepare(const article *a, const mention_list *ml, store_prepared *out);
void store_prepared_free(store_prepared *p);

/* Stores a parsed article, with what store_prepare made of it (NULL: no
 * entities, and it is tokenized at indexing), for file f, replacing what
 * the file had before; when an article with this content hash
 * (content_hash) is stored already, the file is only pointed at it, and
 * so is it when an article stored before schema 6 has the file's legacy
 * hash (legacy_content_hash; NULL: none) and the same text (it then
 * takes the new hash). The prepared text is taken over. Call between
 * store_begin and store_commit: the index and entity counts are written
 * at commit. Returns 0 for a new article, 1 when the content was stored
 * already, or -1 with *err set. */
int store_put_article(store *s, const store_file *f, const char *hash, const char *legacy,
                      const article *a, store_prepared *prep, char **err);

/* Removes the file (a path that is gone) and, when no other file holds
 * it, its article, with its entity rows. Call between store_begin and
 * store_commit. Returns 1 when the file was stored, 0 when it was not,
 * or -1 with *err set. */
int store_forget_file(store *s, const char *path, char **err);

/* The learned layer of typing (store_type.c): trains a model of names
 * (name_model.h) on the entities the corpus proved and marks as learned,
 * of confidence, the entities without evidence whose guessed type it
 * confirms (and unmarks those it no longer does). Call between
 * store_begin and store_commit, after the articles are written. 0, or
 * -1 with *err set. */
int store_learn_types(store *s, char **err);

/* Calls fn with the path of every file stored under folder (at any
 * depth), in path order. Returns 0, or -1 with *err set. */
int store_files_under(store *s, const char *folder, void (*fn)(const char *path, void *arg),
                      void *arg, char **err);

/* Bulk mode, for an ingest of many articles: a bigger page cache, no
 * foreign key checks (store_put_article writes consistent rows), and
 * checkpoints on a thread of their own. store_bulk_end (or closing the
 * store) returns to the defaults. Call outside transactions. */
void store_bulk_begin(store *s);
void store_bulk_end(store *s);

/* True when the store still has articles of before schema 6, known by
 * their legacy hash (store_put_article may adopt them). */
int store_has_legacy(const store *s);

/* The ingest lock: one ingest writes to a store at a time. Another
 * ingest holding it is named on stderr ("another ingest (pid N) is
 * writing to this store; waiting") and waited for. Held until
 * store_ingest_unlock or store_close. Returns 0, or -1 with *err set. */
int store_ingest_lock(store *s, char **err);
void store_ingest_unlock(store *s);

/* Transactions around batches of puts. */
int store_begin(store *s, char **err);
int store_commit(store *s, char **err);
void store_rollback(store *s);

/* Indexes the articles put since the last flush and adds their entity
 * counts, inside the open transaction (store_commit does the same): a
 * long transaction indexes in steps, each a segment of the index of a
 * size that merges well. Returns 0, or -1 with *err set; then roll
 * back. */
int store_flush(store *s, char **err);

/* A problem store_check found: one line, no newline. */
typedef void (*store_problem_fn)(void *ctx, const char *problem);

/* The store's self-check: SQLite's integrity check, then what the store
 * keeps derived from the article_entity rows compared with them (each
 * article's doc values, each entity's counts, the number of articles).
 * Each problem goes to fn. Returns how many there were, or -1 with *err
 * when the store cannot be read. *pending: chunks of doc values waiting
 * for a writer to build them (not a problem: facets are counted by SQL
 * until then). */
int64_t store_check(store *s, store_problem_fn fn, void *ctx, int64_t *pending, char **err);

/* Rebuilds what store_check compares from the article_entity rows: the
 * doc values, each entity's counts and the number of articles, in one
 * transaction, under the ingest lock. 0, or -1 with *err. */
int store_rebuild_derived(store *s, char **err);

#endif
