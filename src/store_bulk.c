/* store_bulk.c: bulk mode (store_bulk_begin): a bigger page cache, no
 * foreign key checks, and checkpoints on a thread of their own with its
 * own connection, so that the writer goes on while the log is copied into
 * the file (see store.h and HACKING). */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

/* Frames (pages) the write-ahead log may hold in bulk mode before a new
 * transaction waits for the checkpointer, so that the log starts over:
 * 256 MB of 16 KB pages, a few transactions of ingest. */
#define BULK_WAL_FRAMES 16384

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
	c->pending = c->busy = c->stop = 0;
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
	if (strcmp(name, "main") == 0)
		((store_private *)ctx)->wal_frames = frames;
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
	store_exec(s->db, "PRAGMA cache_size = -32768; PRAGMA foreign_keys = OFF", NULL);
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
	checkpointer_stop(p);
	/* Back to the defaults (the interface's memory budget) and the
	 * store's own WAL hook. */
	store_wal_hook_set(s->db);
	store_exec(s->db, "PRAGMA cache_size = -2000; PRAGMA foreign_keys = ON", NULL);
}


/* See store_int.h: the log starts over only for a transaction that begins
 * with all of it copied: past the limit, wait for the checkpointer once. */
void store_bulk_before_begin(store_private *p)
{
	if (p->ckpt.running && p->wal_frames > BULK_WAL_FRAMES) {
		checkpointer_wait(p);
		p->wal_frames = 0;
	}
}

/* See store_int.h: a round of the checkpointer after each commit. */
void store_bulk_after_commit(store_private *p)
{
	checkpointer_poke(p);
}
