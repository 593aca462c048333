/* store_bulk.c: bulk mode (store_bulk_begin): a page cache that grows
 * with the store, no foreign key checks, and checkpoints on a thread of
 * their own with its own connection, a few transactions at a time, so
 * that the writer goes on while the log is copied into the file (see
 * store.h and HACKING, "How ingest writes"). */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "util.h"

/* Frames (pages) the write-ahead log may hold in bulk mode: 1 GB of 16 KB
 * pages, a few transactions of ingest into a big store. When a commit
 * leaves more than half of it, the checkpointer copies what the log holds
 * into the file; the first transaction to begin past all of it waits for
 * the checkpointer to copy the rest, so that the log starts over. A page
 * that several transactions change (the hash index, the ends of the
 * entity index) is written to the log by each of them, but to the file
 * once per round. With transactions of 5,000 files and a 32 MB cache, a
 * checkpoint after every commit wrote 9.9 times the bytes that 20,000
 * articles added to a store of 500,000, this 6.7 times (HACKING). */
#define BULK_WAL_FRAMES 65536

/* The page cache of bulk mode, in KiB: a 32nd of the store, between 32
 * and 128 MB. A transaction changes pages all over the store's random
 * indexes (the content hash, the dates, the ends of the entity index),
 * as many as they have pages once the store is large: when they do not
 * fit, SQLite spills changed pages to the log in the middle of the
 * transaction and reads and writes them again. */
int64_t store_bulk_cache_kib(int64_t store_bytes)
{
	int64_t kib = store_bytes / 32 / 1024;
	if (kib < 32768)
		kib = 32768;
	if (kib > 131072)
		kib = 131072;
	return kib;
}

/* Checkpointer thread: copies what each bulk commit put in the write-ahead
 * log into the database file, on its own connection, while the writer
 * goes on with the next batch. */
static void *checkpointer_main(void *arg)
{
	struct checkpointer *c = arg;
	pthread_mutex_lock(&c->lock);
	for (;;) {
		while (!c->pending && !c->stop)
			pthread_cond_wait(&c->wake, &c->lock);
		if (!c->pending)
			break;
		c->pending = 0;
		c->busy = 1;
		pthread_mutex_unlock(&c->lock);
		/* PASSIVE never waits for the writer; what it cannot copy now
		 * the next round (or closing the store) does. */
		sqlite3_wal_checkpoint_v2(c->db, "main", SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
		pthread_mutex_lock(&c->lock);
		c->rounds++;
		c->busy = 0;
		pthread_cond_broadcast(&c->idle);
	}
	pthread_mutex_unlock(&c->lock);
	return NULL;
}

/* Starts the checkpointer; 0, or -1 when it cannot (the writer then
 * keeps checkpointing itself). */
static int checkpointer_start(store_private *p)
{
	struct checkpointer *c = &p->ckpt;
	char *uri = store_file_uri(p->pub.path, "");
	int rc = sqlite3_open_v2(uri, &c->db,
				 SQLITE_OPEN_URI | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	/* Until it reads the file, a connection does not know the store is
	 * in WAL mode, and checkpoints would do nothing. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(c->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		store_keep_wal(c->db);
	if (rc != SQLITE_OK) {
		sqlite3_close(c->db);
		c->db = NULL;
		return -1;
	}
	pthread_mutex_init(&c->lock, NULL);
	pthread_cond_init(&c->wake, NULL);
	pthread_cond_init(&c->idle, NULL);
	c->pending = c->busy = c->stop = c->rounds = 0;
	if (pthread_create(&c->thread, NULL, checkpointer_main, c) != 0) {
		pthread_mutex_destroy(&c->lock);
		pthread_cond_destroy(&c->wake);
		pthread_cond_destroy(&c->idle);
		sqlite3_close(c->db);
		c->db = NULL;
		return -1;
	}
	c->running = 1;
	return 0;
}

/* Asks the checkpointer for a round after a commit. */
static void checkpointer_poke(store_private *p)
{
	struct checkpointer *c = &p->ckpt;
	if (!c->running)
		return;
	pthread_mutex_lock(&c->lock);
	c->pending = 1;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
}

/* Waits until the checkpointer has copied every commit so far. */
static void checkpointer_wait(store_private *p)
{
	struct checkpointer *c = &p->ckpt;
	if (!c->running)
		return;
	pthread_mutex_lock(&c->lock);
	while (c->pending || c->busy)
		pthread_cond_wait(&c->idle, &c->lock);
	pthread_mutex_unlock(&c->lock);
}

/* WAL hook of bulk mode: notes the log's length instead of checkpointing
 * (the checkpointer does that). */
static int wal_noted(void *ctx, sqlite3 *db, const char *name, int frames)
{
	(void)db;
	store_private *p = ctx;
	if (strcmp(name, "main") == 0) {
		/* a log that started over (the checkpointer's round ended
		 * before this transaction began) is a new round's */
		if (frames < p->wal_frames)
			p->ckpt_asked = 0;
		p->wal_frames = frames;
	}
	return SQLITE_OK;
}

/* Lets the checkpointer finish its round and stops it. */
static void checkpointer_stop(store_private *p)
{
	struct checkpointer *c = &p->ckpt;
	if (!c->running)
		return;
	pthread_mutex_lock(&c->lock);
	c->stop = 1;
	pthread_cond_signal(&c->wake);
	pthread_mutex_unlock(&c->lock);
	pthread_join(c->thread, NULL);
	pthread_mutex_destroy(&c->lock);
	pthread_cond_destroy(&c->wake);
	pthread_cond_destroy(&c->idle);
	sqlite3_close(c->db);
	c->db = NULL;
	c->running = 0;
}

/* Enters bulk mode; see store.h. */
void store_bulk_begin(store *s)
{
	store_private *p = (store_private *)s;
	if (p->bulk || s->readonly)
		return;
	p->bulk = 1;
	/* A bigger page cache while writing many articles. Foreign keys
	 * off: every row is written here with ids just made or looked up,
	 * and the checks cost two lookups per entity row. */
	int64_t pages = store_query_int(s->db, "PRAGMA page_count");
	int64_t page_size = store_query_int(s->db, "PRAGMA page_size");
	char *sql = xasprintf("PRAGMA cache_size = -%lld; PRAGMA foreign_keys = OFF",
			      (long long)store_bulk_cache_kib(pages > 0 && page_size > 0
								  ? pages * page_size
								  : 0));
	store_exec(s->db, sql, NULL);
	free(sql);
	p->wal_frames = 0;
	p->ckpt_asked = 0;
	if (checkpointer_start(p) == 0)
		sqlite3_wal_hook(s->db, wal_noted, p);
}

/* Leaves bulk mode; see store.h. */
void store_bulk_end(store *s)
{
	store_private *p = (store_private *)s;
	if (!p->bulk)
		return;
	p->bulk = 0;
	/* the log's last transactions, copied while this thread goes on
	 * (closing the store as the last connection would do it too) */
	checkpointer_poke(p);
	checkpointer_stop(p);
	/* Back to the defaults (the interface's memory budget) and the
	 * store's own WAL hook. */
	store_wal_hook_set(s->db);
	store_exec(s->db, "PRAGMA cache_size = -2000; PRAGMA foreign_keys = ON", NULL);
}


/* See store_int.h: the log starts over only for a transaction that begins
 * with all of it copied: past the limit, have the checkpointer copy what
 * its round left and wait for it. */
void store_bulk_before_begin(store_private *p)
{
	if (p->ckpt.running && p->wal_frames > BULK_WAL_FRAMES) {
		checkpointer_poke(p);
		checkpointer_wait(p);
		p->wal_frames = 0;
		p->ckpt_asked = 0;
	}
}

/* See store_int.h: a round of the checkpointer once the log holds half of
 * what it may, not after every commit (see BULK_WAL_FRAMES). */
void store_bulk_after_commit(store_private *p)
{
	if (!p->ckpt_asked && p->wal_frames > BULK_WAL_FRAMES / 2) {
		p->ckpt_asked = 1;
		checkpointer_poke(p);
	}
}
