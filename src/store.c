/* store.c: the SQLite store: opening and validating the file, the
 * versioned schema and its migrations, the attached per-user state
 * database, and every write ingest makes (see store.h). */
#include "config.h"

#include "store.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fts.h"
#include "paths.h"
#include "sqlfn.h"
#include "tally.h"
#include "text.h"
#include "util.h"

/* 'lede' in ASCII: marks a SQLite file as ours, so that a database of
 * another program is never taken over and migrated. */
#define LEDE_APPLICATION_ID 0x6c656465

/* Schema migrations: migrations[v] takes a store from version v to v + 1.
 * Append only; never edit a step that has shipped. */
static const char *const migrations[] = {
	/* 0 -> 1: the first schema. */
	"CREATE TABLE article("
	"  id INTEGER PRIMARY KEY,"
	"  hash TEXT NOT NULL UNIQUE,"      /* content hash of the raw file */
	"  date TEXT NOT NULL DEFAULT '',"  /* ISO to the precision found */
	"  title TEXT NOT NULL,"
	"  dateline TEXT, lede TEXT, caption TEXT, credit TEXT,"
	"  body TEXT NOT NULL,"
	"  lang TEXT NOT NULL DEFAULT '',"
	"  source TEXT NOT NULL DEFAULT '',"
	"  added INTEGER NOT NULL);"
	"CREATE INDEX article_date ON article(date, id);"
	"CREATE TABLE file("
	"  path TEXT PRIMARY KEY,"
	"  size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
	"  hash TEXT NOT NULL,"
	"  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE);"
	"CREATE INDEX file_article ON file(article_id);"
	"CREATE VIRTUAL TABLE article_fts USING fts5(title, lede, caption, body,"
	"  content='article', content_rowid='id', tokenize='lede');"
	/* New articles are indexed by store.c, a batch per commit: FTS5 flushes
	 * its pending terms at every statement savepoint, so an insert trigger
	 * made a segment per article. */
	"CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN"
	"  INSERT INTO article_fts(article_fts, rowid, title, lede, caption, body)"
	"  VALUES ('delete', old.id, old.title, old.lede, old.caption, old.body);"
	"END;"
	"CREATE TABLE entity("
	"  id INTEGER PRIMARY KEY,"
	"  type TEXT NOT NULL CHECK (type IN ('PER', 'ORG', 'LOC')),"
	"  key TEXT NOT NULL,"              /* entity_key() of the canonical name */
	"  name TEXT NOT NULL,"
	"  articles INTEGER NOT NULL DEFAULT 0,"
	"  mentions INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (type, key));"
	"CREATE INDEX entity_articles ON entity(articles DESC);"
	"CREATE TABLE entity_alias("
	"  key TEXT NOT NULL,"              /* text_fold() of the alias */
	"  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,"
	"  alias TEXT NOT NULL,"
	"  PRIMARY KEY (key, entity_id)) WITHOUT ROWID;"
	/* Clustered by article: a store has tens of mentions per article,
	 * written in article order and read an article at a time. */
	"CREATE TABLE mention("
	"  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
	"  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,"
	"  field INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL,"
	"  surface TEXT NOT NULL,"
	"  PRIMARY KEY (article_id, field, start, entity_id)) WITHOUT ROWID;"
	"CREATE TABLE article_entity("
	"  article_id INTEGER NOT NULL REFERENCES article(id) ON DELETE CASCADE,"
	"  entity_id INTEGER NOT NULL REFERENCES entity(id) ON DELETE CASCADE,"
	"  mentions INTEGER NOT NULL, salience REAL NOT NULL,"
	"  PRIMARY KEY (article_id, entity_id)) WITHOUT ROWID;"
	"CREATE INDEX article_entity_entity ON article_entity(entity_id, article_id);"
	/* Entity counts follow their articles: deletes (also through
	 * cascades) by trigger; inserts are summed by store.c and added once
	 * per entity at each commit, not once per article. */
	"CREATE TRIGGER article_entity_delete AFTER DELETE ON article_entity BEGIN"
	"  UPDATE entity SET articles = articles - 1, mentions = mentions - old.mentions"
	"  WHERE id = old.entity_id;"
	"END;",
	/* 1 -> 2: aliases by entity, for the aliases shown beside each
	 * entity of the sidebar (a scan of the alias table per row before). */
	"CREATE INDEX entity_alias_entity ON entity_alias(entity_id);",
	/* 2 -> 3: the number of articles, kept by store.c at each commit:
	 * count(*) reads a whole index (60-90 ms at a million articles), and
	 * the interface shows the total on its first screen. */
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;"
	"INSERT INTO meta VALUES ('articles', (SELECT count(*) FROM article));",
	/* 3 -> 4: an article's mentions of an entity live in its
	 * article_entity row, as a JSON array of [field, start, end] in
	 * reading order (the surface is the stored text at those offsets):
	 * a row per mention made ingest's single writer insert and check
	 * sixty rows per article, and nothing reads mentions but an article
	 * at a time. */
	"ALTER TABLE article_entity ADD COLUMN spans TEXT NOT NULL DEFAULT '[]';"
	"UPDATE article_entity SET spans = (SELECT json_group_array(json_array(field, start, end))"
	"  FROM (SELECT field, start, end FROM mention m"
	"    WHERE m.article_id = article_entity.article_id"
	"    AND m.entity_id = article_entity.entity_id ORDER BY field, start));"
	"DROP TABLE mention;",
	/* 4 -> 5: FTS5 merges its segments eight at a time instead of four.
	 * An ingest rewrote the index about three times over, once per level
	 * of merging, through the log and again into the file; with eight,
	 * a 100,000-article ingest took 12% less time. A search reads a
	 * few more segments (HACKING, where ingest time goes). */
	"INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 8);",
	/* 5 -> 6: articles are known by the SHA-256 of their file instead
	 * of FNV-1a 64, for which anyone can make a file with the hash of
	 * another article and hide it. The articles stored so far keep
	 * their old hash until ingest meets their text again (store.c,
	 * adopt_legacy); hash_legacy then keeps the old hash, so that marks
	 * made under it, in every user's state database, follow. */
	"CREATE TABLE hash_legacy(legacy TEXT PRIMARY KEY, hash TEXT NOT NULL) WITHOUT ROWID;"
	"INSERT INTO meta VALUES ('legacy_articles', (SELECT count(*) FROM article));"
	/* And the number of commits, counted by store_commit: how a reader
	 * of a shared store that reads the log itself tells whether the
	 * store changed (query_store_changed; SQLite's data_version moves at
	 * every read there). */
	"INSERT INTO meta VALUES ('commits', 0);",
};

#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])

/* The state database: per-user marks and edits, keyed by content hash and
 * entity key so they survive re-ingest and apply to any store. */
static const char state_schema[] =
	"CREATE TABLE IF NOT EXISTS state.mark("
	"  hash TEXT PRIMARY KEY,"
	"  read INTEGER NOT NULL DEFAULT 0,"
	"  starred INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;"
	"CREATE TABLE IF NOT EXISTS state.entity_edit("
	"  id INTEGER PRIMARY KEY,"
	"  op TEXT NOT NULL,"               /* rename, merge, retype, hide */
	"  type TEXT NOT NULL, key TEXT NOT NULL,"
	"  arg TEXT, arg2 TEXT,"
	"  at INTEGER NOT NULL);";

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

static const char *const stmt_sql[ST_COUNT] = {
	[ST_FILE_STATUS] = "SELECT size, mtime_ns FROM file WHERE path = ?1",
	[ST_ARTICLE_BY_HASH] = "SELECT id FROM article WHERE hash = ?1",
	[ST_FILE_UPSERT] = "INSERT INTO file(path, size, mtime_ns, hash, article_id)"
			   " VALUES (?1, ?2, ?3, ?4, ?5)"
			   " ON CONFLICT(path) DO UPDATE SET size = excluded.size,"
			   " mtime_ns = excluded.mtime_ns, hash = excluded.hash,"
			   " article_id = excluded.article_id",
	[ST_FILE_ARTICLE] = "SELECT article_id FROM file WHERE path = ?1",
	[ST_ARTICLE_INSERT] = "INSERT INTO article(hash, date, title, dateline, lede, caption,"
			      " credit, body, lang, source, added)"
			      " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[ST_ARTICLE_ORPHAN_DELETE] = "DELETE FROM article WHERE id = ?1"
				     " AND NOT EXISTS (SELECT 1 FROM file WHERE article_id = ?1)",
	[ST_ARTICLE_ENTITY_DELETE] = "DELETE FROM article_entity WHERE article_id = ?1",
	[ST_ENTITY_BY_KEY] = "SELECT id FROM entity WHERE type = ?1 AND key = ?2",
	[ST_ENTITY_INSERT] = "INSERT OR FAIL INTO entity(type, key, name) VALUES (?1, ?2, ?3)",
	[ST_ALIAS_INSERT] = "INSERT OR IGNORE INTO entity_alias(key, entity_id, alias)"
			    " VALUES (?1, ?2, ?3)",
	[ST_ARTICLE_ENTITY_INSERT] = "INSERT INTO article_entity(article_id, entity_id,"
				     " mentions, salience, spans) VALUES (?1, ?2, ?3, ?4, ?5)",
	/* OR FAIL: no statement journal to undo a partly done statement
	 * (a failure rolls back the whole batch anyway), which cost a
	 * write of every page the statement touched. */
	[ST_ARTICLE_ENTITY_INSERT8] =
		"INSERT OR FAIL INTO article_entity(article_id, entity_id, mentions, salience,"
		" spans)"
		" VALUES (?1, ?2, ?3, ?4, ?5), (?1, ?6, ?7, ?8, ?9), (?1, ?10, ?11, ?12, ?13),"
		" (?1, ?14, ?15, ?16, ?17), (?1, ?18, ?19, ?20, ?21), (?1, ?22, ?23, ?24, ?25),"
		" (?1, ?26, ?27, ?28, ?29), (?1, ?30, ?31, ?32, ?33)",
	[ST_FILE_DELETE] = "DELETE FROM file WHERE path = ?1",
	[ST_FILE_HASH] = "SELECT hash FROM file WHERE path = ?1",
	[ST_ARTICLE_COUNT_ADD] = "UPDATE meta SET value = value + ?1 WHERE key = 'articles'",
	[ST_FTS_INDEX] = "INSERT INTO article_fts(rowid, title, lede, caption, body)"
			 " SELECT id, title, lede, caption, body FROM article WHERE id >= ?1",
	[ST_ENTITY_COUNT_ADD] = "UPDATE entity SET articles = articles + ?2,"
				" mentions = mentions + ?3 WHERE id = ?1",
	/* Of the files holding an article, the one recorded first (an
	 * index seek on file_article, whose entries are in rowid order). */
	[ST_FIRST_FILE] = "SELECT path FROM file WHERE article_id = ?1 ORDER BY rowid LIMIT 1",
	[ST_SOURCE_SET] = "UPDATE article SET source = ?2 WHERE id = ?1 AND source <> ?2",
	[ST_LEGACY_ARTICLE] = "SELECT id, date, title, dateline, lede, caption, credit, body, lang"
			      " FROM article WHERE hash = ?1",
	[ST_ARTICLE_REHASH] = "UPDATE article SET hash = ?2 WHERE id = ?1",
	[ST_FILE_REHASH] = "UPDATE file SET hash = ?2 WHERE article_id = ?1",
	[ST_LEGACY_INSERT] = "INSERT OR IGNORE INTO hash_legacy(legacy, hash) VALUES (?1, ?2)",
	[ST_COMMIT_COUNT] = "UPDATE meta SET value = value + ?1 WHERE key = 'commits'",
};

/* Statements live beside the handle; store.h keeps the struct small. */
typedef struct store_private {
	store pub;
	sqlite3_stmt *stmt[ST_COUNT];
	/* Ingest writes tens of mentions per article: entity ids and the
	 * aliases already recorded are remembered, not asked of SQLite. */
	strmap entity_ids;  /* "type\x1fcanonical" -> entity id */
	strmap aliases;     /* "id\x1fname" -> 1 */
	strbuf scratch;
	/* Entity counts added by the open transaction, written at commit. */
	struct entity_delta {
		int64_t id, articles, mentions;
	} *deltas;
	size_t n_deltas, cap_deltas;
	strmap delta_index;  /* "id" -> index + 1 into deltas */
	int64_t fts_from;    /* first article of the transaction not yet indexed */
	fts_queue fts_queue; /* their text, tokenized by ingest's workers */
	int64_t article_delta;  /* articles added less deleted since begin */
	/* Bulk mode (store_bulk_begin): checkpoints run on their own thread
	 * and connection while the writer goes on. */
	int bulk;
	struct checkpointer {
		sqlite3 *db;
		pthread_t thread;
		pthread_mutex_t lock;
		pthread_cond_t wake, idle;
		int running, pending, busy, stop;
	} ckpt;
	int wal_frames;  /* frames in the write-ahead log after the last commit */
	int lock_fd;     /* the ingest lock file while held (store_ingest_lock), or -1 */
	int legacy;      /* the store has articles of before schema 6 (adopt_legacy) */
} store_private;

static void clear_deltas(store_private *p);
static int flush_fts(store_private *p);

/* The prepared statement k, made on first use. */
static sqlite3_stmt *stmt_get(store *s, int k)
{
	store_private *p = (store_private *)s;
	if (!p->stmt[k] &&
	    sqlite3_prepare_v3(s->db, stmt_sql[k], -1, SQLITE_PREPARE_PERSISTENT, &p->stmt[k], NULL) !=
		    SQLITE_OK)
		return NULL;
	sqlite3_reset(p->stmt[k]);
	sqlite3_clear_bindings(p->stmt[k]);
	return p->stmt[k];
}

/* Runs SQL that returns no rows; on failure sets *err (when err). */
static int exec_sql(sqlite3 *db, const char *sql, char **err)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	if (err)
		*err = xstrdup(msg ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	return -1;
}

/* Reads one integer PRAGMA or query; -1 on error. */
static int64_t query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* True when the file or, for a file still to be made, its folder may be
 * written by us. */
static int path_writable(const char *path, int exists)
{
	if (exists)
		return access(path, W_OK) == 0;
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	int ok;
	if (!slash)
		ok = access(".", W_OK) == 0;
	else if (slash == dir)
		ok = access("/", W_OK) == 0;
	else {
		*slash = '\0';
		ok = access(dir, W_OK) == 0;
	}
	free(dir);
	return ok;
}

/* True for the errors a reader without write access to the -shm gets
 * while a writer is busy with it: worth another try, not a message. */
static int transient(int rc)
{
	return (rc & 0xff) == SQLITE_BUSY || rc == SQLITE_READONLY_RECOVERY ||
	       rc == SQLITE_READONLY_CANTINIT || rc == SQLITE_PROTOCOL;
}

/* exec_sql, tried again while the store is busy: two processes making a
 * new store at once both turn it to WAL, and SQLite does not wait on its
 * busy handler when that could deadlock (one holding a read lock while it
 * wants the write lock); it tells that caller to try again. */
static int exec_busy(sqlite3 *db, const char *sql, char **err)
{
	for (int tries = 0;; tries++) {
		char *msg = NULL;
		if (exec_sql(db, sql, &msg) == 0)
			return 0;
		if ((sqlite3_errcode(db) & 0xff) != SQLITE_BUSY || tries == 100) {
			*err = msg;
			return -1;
		}
		free(msg);
		sqlite3_sleep(50);
	}
}

/* Checks that an existing file is a lede store we can use, without
 * writing to it; names the file in *err otherwise. */
static int validate_existing(store *s, char **err)
{
	sqlite3_stmt *st;
	int64_t objects = -1;
	int rc;
	/* The first read of a shared store may meet a writer updating the
	 * WAL index; a few tries over about a second, as SQLite's own busy
	 * handler does for readers that may write. */
	for (int tries = 0;; tries++) {
		rc = sqlite3_prepare_v2(s->db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL);
		if (rc == SQLITE_OK) {
			rc = sqlite3_step(st);
			if (rc == SQLITE_ROW) {
				objects = sqlite3_column_int64(st, 0);
				rc = SQLITE_OK;
			}
			sqlite3_finalize(st);
		}
		if (rc == SQLITE_OK || !transient(rc) || tries == 100)
			break;
		sqlite3_sleep(10);
	}
	if (rc != SQLITE_OK) {
		if (rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT)
			*err = xasprintf("%s: not a lede store (the file is not a SQLite database or "
					 "is corrupt); it was left untouched",
					 s->path);
		else
			*err = xasprintf("%s: cannot read the store: %s", s->path,
					 sqlite3_errmsg(s->db));
		return -1;
	}
	int64_t app = query_int(s->db, "PRAGMA application_id");
	if (objects > 0 && app != LEDE_APPLICATION_ID) {
		*err = xasprintf("%s: not a lede store (a SQLite database of another program); "
				 "it was left untouched",
				 s->path);
		return -1;
	}
	int64_t version = query_int(s->db, "PRAGMA user_version");
	if (version > STORE_SCHEMA_VERSION) {
		*err = xasprintf("%s: store schema version %lld is newer than this lede "
				 "understands (%d); upgrade lede",
				 s->path, (long long)version, STORE_SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

/* Brings the schema up to STORE_SCHEMA_VERSION, one transaction per step so
 * an interrupted migration leaves the previous version intact. The version
 * is read inside each step's write transaction: two processes opening a
 * new store at once would otherwise both run the first step. */
static int migrate(store *s, char **err)
{
	int64_t version = query_int(s->db, "PRAGMA user_version");
	if (version < 0)
		version = 0;
	if (version == STORE_SCHEMA_VERSION)
		return 0;
	if (s->readonly) {
		*err = xasprintf("%s: store is read-only and needs a schema upgrade (version %lld "
				 "to %d); open it once with write access",
				 s->path, (long long)version, STORE_SCHEMA_VERSION);
		return -1;
	}
	for (;;) {
		char *msg = NULL;
		if (exec_sql(s->db, "BEGIN IMMEDIATE", &msg)) {
			*err = xasprintf("%s: cannot upgrade the store's schema: %s", s->path, msg);
			free(msg);
			return -1;
		}
		version = query_int(s->db, "PRAGMA user_version");
		if (version < 0) {
			*err = xasprintf("%s: cannot read the store's schema version: %s", s->path,
					 sqlite3_errmsg(s->db));
			exec_sql(s->db, "ROLLBACK", NULL);
			return -1;
		}
		if (version >= (int64_t)N_MIGRATIONS) {
			/* Another process made the last step meanwhile. */
			exec_sql(s->db, "COMMIT", NULL);
			return 0;
		}
		char *sql = xasprintf("%s; PRAGMA application_id = %d; PRAGMA user_version = %lld;"
				      " COMMIT;",
				      migrations[version], LEDE_APPLICATION_ID, (long long)version + 1);
		int rc = exec_sql(s->db, sql, &msg);
		free(sql);
		if (rc) {
			exec_sql(s->db, "ROLLBACK", NULL);
			*err = xasprintf("%s: schema migration to version %lld failed: %s", s->path,
					 (long long)version + 1, msg);
			free(msg);
			return -1;
		}
	}
}

/* Attaches the per-user state database, creating it and its folder. A
 * state that cannot be opened is a warning, not an error: reading works
 * without marks. */
static void attach_state(store *s)
{
	if (!s->state_path)
		return;
	if (paths_make_parent(s->state_path) != 0) {
		char *shown = text_escaped(s->state_path, 0);
		fprintf(stderr, "lede: %s: cannot create the state folder: %s; marks are off\n",
			shown, strerror(errno));
		free(shown);
		return;
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "ATTACH DATABASE ?1 AS state", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_text(st, 1, s->state_path, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	char *msg = NULL;
	if (rc != SQLITE_DONE || exec_sql(s->db, state_schema, &msg) != 0) {
		char *shown = text_escaped(s->state_path, 0);
		fprintf(stderr, "lede: %s: cannot use the state database: %s; marks are off\n",
			shown, msg ? msg : sqlite3_errmsg(s->db));
		free(shown);
		free(msg);
		exec_sql(s->db, "DETACH DATABASE state", NULL);
		return;
	}
	exec_sql(s->db, "PRAGMA state.journal_mode = WAL", NULL);
	s->has_state = 1;
	/* Marks made under the hash an article had before schema 6 follow
	 * it to its new one (the old row stays for stores not upgraded). */
	if (((store_private *)s)->legacy)
		exec_sql(s->db,
			 "INSERT OR IGNORE INTO state.mark(hash, read, starred)"
			 " SELECT l.hash, m.read, m.starred FROM state.mark m"
			 " JOIN main.hash_legacy l ON l.legacy = m.hash",
			 NULL);
}

/* The file: URI of path with query params ("" or "?..."): '?', '#' and
 * '%' are escaped so that they stay part of the name. */
static char *file_uri(const char *path, const char *params)
{
	strbuf b;
	sb_init(&b);
	sb_adds(&b, "file:");
	for (const char *p = path; *p; p++) {
		if (*p == '?' || *p == '#' || *p == '%')
			sb_printf(&b, "%%%02X", (unsigned char)*p);
		else
			sb_addc(&b, *p);
	}
	sb_adds(&b, params);
	return sb_detach(&b);
}

/* True when path + suffix exists and we may read it. */
static int sidecar_readable(const char *path, const char *suffix)
{
	char *name = xasprintf("%s%s", path, suffix);
	int ok = access(name, R_OK) == 0;
	free(name);
	return ok;
}

/* The URI parameters of a read-only store. SQLite reads a WAL store
 * without write access when its -wal and -shm files exist and can be
 * read (writers keep them, see keep_wal), or when it may create them
 * (a writable folder): it then sees what others commit, as they commit.
 * Without them, and no folder to make them in, the last writer closed
 * the store cleanly (SQLite removes the log only once all of it is in
 * the file), so the file alone is the whole store: immutable reads it
 * without any lock. A writer that comes later is not seen. */
static const char *readonly_params(const store *s)
{
	if (path_writable(s->path, 0))
		return "?mode=ro";
	if (sidecar_readable(s->path, "-wal") && sidecar_readable(s->path, "-shm"))
		return "?mode=ro";
	struct stat st;
	if (stat(s->path, &st) == 0 && (st.st_mode & 0222))
		fprintf(stderr,
			"lede: %s: read as it is now: its -wal and -shm files are missing and "
			"its folder is not writable, so what others ingest will not show (see "
			"\"Sharing a store\" in the README)\n",
			s->path);
	return "?mode=ro&immutable=1";
}

/* Opens the SQLite handle. The connection itself is always read-write
 * and may create, because ATTACH inherits its flags and the state database
 * must stay writable; a read-only store is opened with mode=ro in its URI
 * (see readonly_params). Whether a missing store may be created was
 * decided by the caller. */
static int open_handle(store *s, char **err)
{
	const char *params = !s->readonly ? "" : readonly_params(s);
	char *uri = file_uri(s->path, params);
	int rc = sqlite3_open_v2(uri, &s->db,
				 SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE |
					 SQLITE_OPEN_CREATE,
				 NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		*err = xasprintf("%s: cannot open the store: %s", s->path,
				 s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
		return -1;
	}
	return 0;
}

/* Keeps the -wal and -shm files when the connection closes, emptying the
 * log instead: readers that may not create files in the store's folder
 * (other users of a shared store) need them to read the store as SQLite
 * intends, seeing each commit. SQLite makes them with the store file's
 * permissions (and owner, when root writes), so whoever may read the
 * store may read them. The size limit only makes SQLite empty the log at
 * close; it is above what bulk mode lets the log grow to. */
static void keep_wal(sqlite3 *db)
{
	int on = 1;
	sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &on);
	sqlite3_exec(db, "PRAGMA journal_size_limit = 1073741824", NULL, NULL, NULL);
}

/* Opens a store; see store.h. */
store *store_open(const char *path, const char *state_path, int flags, char **err)
{
	static int configured;
	if (!configured) {
		/* Memory statistics cost a global mutex on every allocation,
		 * and nothing here reads them. Fails harmlessly once SQLite
		 * is initialized. */
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		configured = 1;
	}
	store_private *p = xcalloc(1, sizeof *p);
	store *s = &p->pub;
	s->path = xstrdup(path);
	s->state_path = state_path ? xstrdup(state_path) : NULL;
	p->lock_fd = -1;
	*err = NULL;

	struct stat st;
	int exists = stat(path, &st) == 0;
	if (exists && S_ISDIR(st.st_mode)) {
		*err = xasprintf("%s: is a folder, not a store file", path);
		goto fail;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		/* /dev/null, a FIFO: SQLite would say "disk I/O error". */
		*err = xasprintf("%s: not a lede store (not a regular file)", path);
		goto fail;
	}
	if (!exists && !(flags & STORE_OPEN_CREATE)) {
		*err = xasprintf("%s: no store here; run 'lede ingest PATH' first", path);
		goto fail;
	}
	if (!exists) {
		if (paths_make_parent(path) != 0) {
			*err = xasprintf("%s: cannot create the store's folder: %s", path,
					 strerror(errno));
			goto fail;
		}
		if (!path_writable(path, 0)) {
			*err = xasprintf("%s: cannot create the store: folder is not writable", path);
			goto fail;
		}
	}
	s->readonly = (flags & STORE_OPEN_READONLY) || (exists && !path_writable(path, 1));
	if (open_handle(s, err))
		goto fail;
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, 5000);
	if (fts_register(s->db, &p->fts_queue) != SQLITE_OK) {
		*err = xasprintf("%s: cannot register the full-text tokenizer (is FTS5 in this "
				 "SQLite?): %s",
				 path, sqlite3_errmsg(s->db));
		goto fail;
	}
	if (sqlfn_register(s->db) != SQLITE_OK) {
		*err = xasprintf("%s: cannot register lede's SQL functions: %s", path,
				 sqlite3_errmsg(s->db));
		goto fail;
	}
	if (exists && validate_existing(s, err))
		goto fail;
	if (!s->readonly) {
		char *msg = NULL;
		/* A new store gets 16 KB pages (set before WAL mode fixes the
		 * size): a 4 KB article then fits one page instead of spilling
		 * to overflow pages, and the log has a quarter of the frames.
		 * Ingest took 7% less CPU and 11% less time, the store is 7%
		 * smaller, and the interface stays inside its budget at 1M
		 * articles (HACKING, "The store"). */
		if (!exists && exec_sql(s->db, "PRAGMA page_size = 16384", &msg)) {
			*err = xasprintf("%s: cannot create the store: %s", path, msg);
			free(msg);
			goto fail;
		}
		if (exec_busy(s->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", &msg)) {
			*err = xasprintf("%s: cannot use the store: %s", path, msg);
			free(msg);
			goto fail;
		}
		keep_wal(s->db);
	}
	/* Temporary b-trees in files (the OS caches them): facets of an
	 * entity in half of a million articles sort millions of rows, which
	 * in memory took 220 MB and 35 s instead of 10 MB and 5 s. */
	exec_sql(s->db, "PRAGMA foreign_keys = ON; PRAGMA temp_store = FILE;", NULL);
	if (migrate(s, err))
		goto fail;
	p->legacy = query_int(s->db, "SELECT value FROM meta WHERE key = 'legacy_articles'") > 0;
	attach_state(s);
	return s;
fail:
	store_close(s);
	return NULL;
}

/* Closes the store, finalizing cached statements. */
void store_close(store *s)
{
	if (!s)
		return;
	store_private *p = (store_private *)s;
	store_bulk_end(s);
	store_ingest_unlock(s);
	for (int k = 0; k < ST_COUNT; k++)
		sqlite3_finalize(p->stmt[k]);
	sm_free(&p->entity_ids);
	sm_free(&p->aliases);
	sb_free(&p->scratch);
	fts_queue_clear(&p->fts_queue);
	clear_deltas(p);
	free(p->deltas);
	if (s->db) {
		if (!s->readonly)
			sqlite3_exec(s->db, "PRAGMA optimize", NULL, NULL, NULL);
		sqlite3_close_v2(s->db);
	}
	free(s->path);
	free(s->state_path);
	free(p);
}

/* Looks the file up by path: unknown, unchanged or changed. */
int store_file_status(store *s, const store_file *f)
{
	sqlite3_stmt *st = stmt_get(s, ST_FILE_STATUS);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, f->path, -1, SQLITE_STATIC);
	int status = 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		status = sqlite3_column_int64(st, 0) == f->size &&
				 sqlite3_column_int64(st, 1) == f->mtime_ns
			 ? 1
			 : 2;
	sqlite3_reset(st);
	return status;
}

/* Starts a read transaction; see store.h. */
int store_read_begin(store *s)
{
	return exec_sql(s->db, "BEGIN", NULL);
}

/* Ends what store_read_begin started. */
void store_read_end(store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		exec_sql(s->db, "COMMIT", NULL);
}

/* The content hash a path had when last ingested, or NULL. */
char *store_file_hash(store *s, const char *path)
{
	sqlite3_stmt *st = stmt_get(s, ST_FILE_HASH);
	char *hash = NULL;
	if (!st)
		return NULL;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		hash = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return hash;
}

/* Runs cached statement k with one text parameter; returns the integer
 * of its first row, or 0 when there is none. */
static int64_t lookup_id(store *s, int k, const char *text)
{
	sqlite3_stmt *st = stmt_get(s, k);
	int64_t id = 0;
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
}

/* Runs cached statement k, which returns no rows, with one integer
 * parameter; 0, or -1 when it fails. */
static int run_with_int(store *s, int k, int64_t v)
{
	sqlite3_stmt *st = stmt_get(s, k);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The article id stored for a content hash, or 0. */
static int64_t article_by_hash(store *s, const char *hash)
{
	return lookup_id(s, ST_ARTICLE_BY_HASH, hash);
}

/* The article a path held before this ingest, or 0. */
static int64_t article_of_file(store *s, const char *path)
{
	return lookup_id(s, ST_FILE_ARTICLE, path);
}

static const char *base_name(const char *path);

/* Names as article id's source (the list's column) the first file that
 * still holds it, after it lost the one it was named after maybe. */
static int renew_source(store *s, int64_t id)
{
	sqlite3_stmt *st = stmt_get(s, ST_FIRST_FILE);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	char *path = rc == SQLITE_ROW ? xstrdup((const char *)sqlite3_column_text(st, 0)) : NULL;
	sqlite3_reset(st);
	if (!path)
		return rc == SQLITE_DONE ? 0 : -1;
	st = stmt_get(s, ST_SOURCE_SET);
	if (st) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, base_name(path), -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
	}
	free(path);
	return st && rc == SQLITE_DONE ? 0 : -1;
}

/* Deletes article id when no file holds it any more, with its entity
 * rows (triggers fix the index and entity counts); else names its source
 * anew. The entity rows are deleted here, not by cascade: bulk writes
 * run without foreign keys. */
static int drop_if_orphan(store *s, int64_t id)
{
	store_private *p = (store_private *)s;
	/* The delete trigger removes the article from the index: it must be
	 * in it first. */
	if (p->fts_from && id >= p->fts_from && flush_fts(p))
		return -1;
	if (run_with_int(s, ST_ARTICLE_ORPHAN_DELETE, id))
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return renew_source(s, id);
	p->article_delta--;
	return run_with_int(s, ST_ARTICLE_ENTITY_DELETE, id);
}

/* Points the file row at article_id, then drops the article the file held
 * before if nothing else holds it. */
static int bind_file(store *s, const store_file *f, const char *hash, int64_t article_id)
{
	int64_t old = article_of_file(s, f->path);
	sqlite3_stmt *st = stmt_get(s, ST_FILE_UPSERT);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, f->path, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, f->size);
	sqlite3_bind_int64(st, 3, f->mtime_ns);
	sqlite3_bind_text(st, 4, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, article_id);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	return old && old != article_id ? drop_if_orphan(s, old) : 0;
}

/* Binds a possibly NULL string. */
static void bind_opt(sqlite3_stmt *st, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

/* Records name as an alias of entity id, once per store session. */
static void add_alias(store_private *p, int64_t id, const char *name)
{
	sb_clear(&p->scratch);
	sb_add_int(&p->scratch, id);
	sb_addc(&p->scratch, '\x1f');
	sb_adds(&p->scratch, name);
	if (sm_get(&p->aliases, p->scratch.s))
		return;
	sm_put(&p->aliases, p->scratch.s, 1);
	char *fold = text_fold(name, strlen(name), NULL);
	sqlite3_stmt *st = stmt_get(&p->pub, ST_ALIAS_INSERT);
	if (st) {
		sqlite3_bind_text(st, 1, fold, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	free(fold);
}

/* The id of the entity of this type and key, added under name when the
 * store has none. A lookup and a plain insert, not an upsert: ON
 * CONFLICT DO UPDATE keeps a statement journal, a copy of each page the
 * statement changes that the transaction had changed before; on a
 * corpus naming many people, that was half a gigabyte of temporary file
 * writes per 10,000 articles. */
static int64_t entity_find_or_add(store *s, const char *type, const char *key, const char *name)
{
	sqlite3_stmt *st = stmt_get(s, ST_ENTITY_BY_KEY);
	if (!st)
		return 0;
	int64_t id = 0;
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (id)
		return id;
	st = stmt_get(s, ST_ENTITY_INSERT);
	if (!st)
		return 0;
	sqlite3_bind_text(st, 1, type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_DONE)
		id = sqlite3_last_insert_rowid(s->db);
	sqlite3_reset(st);
	return id;
}

/* The entity id of a tally, made on first sight, with its names recorded
 * as aliases; 0 on failure. Aliases are looked up by fold (case and
 * diacritics), so `lede list --entity putin` finds "Vladimir Putin". */
static int64_t entity_for_tally(store *s, const entity_tally *t)
{
	store_private *p = (store_private *)s;
	sb_clear(&p->scratch);
	sb_add_int(&p->scratch, (int64_t)t->type);
	sb_addc(&p->scratch, '\x1f');
	sb_adds(&p->scratch, t->canonical);
	int64_t id = sm_get(&p->entity_ids, p->scratch.s);
	if (!id) {
		char *cache_key = xstrdup(p->scratch.s);
		char *key = entity_key(t->canonical);
		id = entity_find_or_add(s, entity_type_name(t->type), key, t->canonical);
		if (id) {
			sm_put(&p->entity_ids, cache_key, id);
			add_alias(p, id, t->canonical);
		}
		free(key);
		free(cache_key);
		if (!id)
			return 0;
	}
	for (size_t a = 0; a < t->n_aliases; a++)
		add_alias(p, id, t->aliases[a]);
	return id;
}

/* Adds to the counts of entity id that the next commit writes. */
static void add_delta(store_private *p, int64_t id, int64_t mentions)
{
	sb_clear(&p->scratch);
	sb_add_int(&p->scratch, id);
	const char *key = p->scratch.s;
	int64_t k = sm_get(&p->delta_index, key);
	if (!k) {
		if (p->n_deltas == p->cap_deltas) {
			p->cap_deltas = p->cap_deltas ? p->cap_deltas * 2 : 256;
			p->deltas = xrealloc(p->deltas, p->cap_deltas * sizeof *p->deltas);
		}
		p->deltas[p->n_deltas] = (struct entity_delta){id, 0, 0};
		k = (int64_t)++p->n_deltas;
		sm_put(&p->delta_index, key, k);
	}
	p->deltas[k - 1].articles++;
	p->deltas[k - 1].mentions += mentions;
}

/* Forgets the pending counts (after they are written, or rolled back). */
static void clear_deltas(store_private *p)
{
	p->n_deltas = 0;
	sm_free(&p->delta_index);
}

/* Writes the pending entity counts; part of the transaction. */
static int flush_deltas(store_private *p)
{
	int rc = 0;
	for (size_t i = 0; i < p->n_deltas && rc == 0; i++) {
		sqlite3_stmt *st = stmt_get(&p->pub, ST_ENTITY_COUNT_ADD);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, p->deltas[i].id);
		sqlite3_bind_int64(st, 2, p->deltas[i].articles);
		sqlite3_bind_int64(st, 3, p->deltas[i].mentions);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = -1;
		sqlite3_reset(st);
	}
	clear_deltas(p);
	return rc;
}

/* Indexes the articles stored since the last flush, in one statement. */
static int flush_fts(store_private *p)
{
	if (!p->fts_from)
		return 0;
	int rc = run_with_int(&p->pub, ST_FTS_INDEX, p->fts_from);
	p->fts_from = 0;
	fts_queue_clear(&p->fts_queue);
	return rc;
}

/* Adds the articles added and deleted in this transaction to the count
 * kept in meta. */
static int flush_article_count(store_private *p)
{
	if (!p->article_delta)
		return 0;
	int rc = run_with_int(&p->pub, ST_ARTICLE_COUNT_ADD, p->article_delta);
	p->article_delta = 0;
	return rc;
}

/* Rows of article_entity written by one statement: an article has tens
 * of entities, and each execution of a statement costs about as much as
 * the insert itself. */
#define ENTITY_ROWS_PER_INSERT 8

/* Stores the entities of a new article: a row per entity with its
 * mentions' spans; their counts are added at commit. */
static int put_tallies(store *s, int64_t article_id, const tally_list *tl)
{
	int64_t ids[ENTITY_ROWS_PER_INSERT];
	for (size_t k = 0; k < tl->n;) {
		size_t rows = tl->n - k >= ENTITY_ROWS_PER_INSERT ? ENTITY_ROWS_PER_INSERT : 1;
		for (size_t r = 0; r < rows; r++) {
			ids[r] = entity_for_tally(s, &tl->v[k + r]);
			if (!ids[r])
				return -1;
		}
		sqlite3_stmt *st = stmt_get(s, rows > 1 ? ST_ARTICLE_ENTITY_INSERT8
							: ST_ARTICLE_ENTITY_INSERT);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, article_id);
		for (size_t r = 0; r < rows; r++) {
			const entity_tally *t = &tl->v[k + r];
			int base = 2 + 4 * (int)r;
			sqlite3_bind_int64(st, base, ids[r]);
			sqlite3_bind_int64(st, base + 1, (int64_t)t->mentions);
			sqlite3_bind_double(st, base + 2, t->salience);
			sqlite3_bind_text(st, base + 3, t->spans, -1, SQLITE_STATIC);
		}
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return -1;
		for (size_t r = 0; r < rows; r++)
			add_delta((store_private *)s, ids[r], (int64_t)tl->v[k + r].mentions);
		k += rows;
	}
	return 0;
}

/* The file's name without its folder: the list's "source" column. */
static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* Prepares an article for store_put_article; see store.h. The texts are
 * the columns of article_fts, in order, as store_put_article binds them:
 * FTS5 skips empty ones. */
void store_prepare(const article *a, const mention_list *ml, store_prepared *out)
{
	memset(out, 0, sizeof *out);
	tally_mentions(ml, &out->entities);
	const char *cols[4] = {a->title, a->lede, a->caption, a->body};
	for (int i = 0; i < 4; i++)
		if (cols[i] && *cols[i])
			fts_prepare(cols[i], strlen(cols[i]), &out->text[out->n_text++]);
}

/* Frees what store_prepare made. */
void store_prepared_free(store_prepared *p)
{
	tally_list_free(&p->entities);
	for (int i = 0; i < p->n_text; i++)
		fts_prepared_free(&p->text[i]);
	p->n_text = 0;
}

/* True when the text column col of row st is the article's field v
 * (NULL and "" alike, as bind_opt stores them). */
static int same_text(sqlite3_stmt *st, int col, const char *v)
{
	const char *stored = (const char *)sqlite3_column_text(st, col);
	return strcmp(stored ? stored : "", v ? v : "") == 0;
}

/* An article stored before schema 6 with the text of a: known by the old
 * hash of the file's bytes (legacy) and read the same, field by field, so
 * that a file made to have another article's old hash takes nothing of
 * it (it becomes an article of its own). The article takes the new hash,
 * with the files that hold it, and hash_legacy records the old one for
 * the marks made under it. Returns its id, 0 when there is none, -1 on
 * error. */
static int64_t adopt_legacy(store *s, const char *hash, const char *legacy, const article *a)
{
	sqlite3_stmt *st = stmt_get(s, ST_LEGACY_ARTICLE);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, legacy, -1, SQLITE_STATIC);
	int64_t id = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		char date[17];
		date_format(&a->date, date);
		if (same_text(st, 1, date) && same_text(st, 2, a->title) &&
		    same_text(st, 3, a->dateline) && same_text(st, 4, a->lede) &&
		    same_text(st, 5, a->caption) && same_text(st, 6, a->credit) &&
		    same_text(st, 7, a->body) && same_text(st, 8, a->lang))
			id = sqlite3_column_int64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	if (!id)
		return 0;
	const int updates[] = {ST_ARTICLE_REHASH, ST_FILE_REHASH};
	for (size_t i = 0; i < 2; i++) {
		st = stmt_get(s, updates[i]);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return -1;
	}
	st = stmt_get(s, ST_LEGACY_INSERT);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, legacy, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? id : -1;
}

/* Stores a parsed article for a file; see store.h. */
int store_put_article(store *s, const store_file *f, const char *hash, const char *legacy,
		      const article *a, store_prepared *prep, char **err)
{
	int64_t id = article_by_hash(s, hash);
	if (!id && legacy && ((store_private *)s)->legacy) {
		id = adopt_legacy(s, hash, legacy, a);
		if (id < 0)
			goto fail;
	}
	int known = id != 0;
	if (!known) {
		char date[17];
		date_format(&a->date, date);
		sqlite3_stmt *st = stmt_get(s, ST_ARTICLE_INSERT);
		if (!st)
			goto fail;
		sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, date, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, a->title ? a->title : "", -1, SQLITE_STATIC);
		bind_opt(st, 4, a->dateline);
		bind_opt(st, 5, a->lede);
		bind_opt(st, 6, a->caption);
		bind_opt(st, 7, a->credit);
		sqlite3_bind_text(st, 8, a->body ? a->body : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 9, a->lang, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 10, base_name(f->path), -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 11, (int64_t)time(NULL));
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			goto fail;
		id = sqlite3_last_insert_rowid(s->db);
		store_private *p = (store_private *)s;
		if (!p->fts_from)
			p->fts_from = id;
		p->article_delta++;
		if (prep) {
			for (int i = 0; i < prep->n_text; i++)
				fts_queue_push(&p->fts_queue, &prep->text[i]);
			if (put_tallies(s, id, &prep->entities))
				goto fail;
		}
	}
	if (bind_file(s, f, hash, id))
		goto fail;
	return known;
fail:
	*err = xasprintf("%s: cannot store: %s", f->path, sqlite3_errmsg(s->db));
	return -1;
}

/* Forgets a file, and its article when no other file holds it; see
 * store.h. */
int store_forget_file(store *s, const char *path, char **err)
{
	int64_t old = article_of_file(s, path);
	sqlite3_stmt *st = stmt_get(s, ST_FILE_DELETE);
	if (!st)
		goto fail;
	sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto fail;
	if (sqlite3_changes(s->db) == 0)
		return 0;
	if (old && drop_if_orphan(s, old))
		goto fail;
	return 1;
fail:
	*err = xasprintf("%s: cannot remove from the store: %s", path, sqlite3_errmsg(s->db));
	return -1;
}

/* Calls fn for each stored file under folder; see store.h. */
int store_files_under(store *s, const char *folder, void (*fn)(const char *path, void *arg),
		      void *arg, char **err)
{
	/* The paths under "F" are those from "F/" up to "F0" ('0' follows
	 * '/'): a range of the path index, in path order. */
	size_t n = strlen(folder);
	if (n && folder[n - 1] == '/')
		n--;
	char *from = xasprintf("%.*s/", (int)n, folder);
	char *to = xasprintf("%.*s0", (int)n, folder);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db, "SELECT path FROM file WHERE path >= ?1 AND path < ?2",
				    -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_text(st, 1, from, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, to, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			fn((const char *)sqlite3_column_text(st, 0), arg);
	}
	if (rc != SQLITE_DONE)
		*err = xasprintf("%s: cannot read the files stored under %s: %s", s->path, folder,
				 sqlite3_errmsg(s->db));
	sqlite3_finalize(st);
	free(from);
	free(to);
	return rc == SQLITE_DONE ? 0 : -1;
}

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
	char *uri = file_uri(p->pub.path, "");
	int rc = sqlite3_open_v2(uri, &c->db,
				 SQLITE_OPEN_URI | SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
	free(uri);
	/* Until it reads the file, a connection does not know the store is
	 * in WAL mode, and checkpoints would do nothing. */
	if (rc == SQLITE_OK)
		rc = sqlite3_exec(c->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		keep_wal(c->db);
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
	exec_sql(s->db, "PRAGMA cache_size = -32768; PRAGMA foreign_keys = OFF", NULL);
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
	/* Back to the defaults (the interface's memory budget); this also
	 * puts back SQLite's own WAL hook. */
	sqlite3_wal_autocheckpoint(s->db, 1000);
	exec_sql(s->db, "PRAGMA cache_size = -2000; PRAGMA foreign_keys = ON", NULL);
}

/* Starts a write transaction (IMMEDIATE: fail early if another ingest
 * holds the store, after the busy timeout). */
int store_begin(store *s, char **err)
{
	char *msg = NULL;
	store_private *p = (store_private *)s;
	/* The log starts over only for a transaction that begins with all
	 * of it copied: past the limit, wait for the checkpointer once. */
	if (p->ckpt.running && p->wal_frames > BULK_WAL_FRAMES) {
		checkpointer_wait(p);
		p->wal_frames = 0;
	}
	if (exec_sql(s->db, "BEGIN IMMEDIATE", &msg) == 0)
		return 0;
	*err = xasprintf("%s: cannot write the store: %s", s->path, msg);
	free(msg);
	return -1;
}

/* Indexes and counts what the transaction has put so far; see store.h. */
int store_flush(store *s, char **err)
{
	if (flush_fts((store_private *)s) != 0 || flush_deltas((store_private *)s) != 0) {
		*err = xasprintf("%s: cannot index or count the new articles: %s", s->path,
				 sqlite3_errmsg(s->db));
		return -1;
	}
	return 0;
}

/* Commits the current batch. */
int store_commit(store *s, char **err)
{
	char *msg = NULL;
	if (store_flush(s, err) != 0) {
		store_rollback(s);
		return -1;
	}
	if (flush_article_count((store_private *)s) != 0 ||
	    run_with_int(s, ST_COMMIT_COUNT, 1) != 0) {
		*err = xasprintf("%s: cannot count the new articles: %s", s->path,
				 sqlite3_errmsg(s->db));
		store_rollback(s);
		return -1;
	}
	if (exec_sql(s->db, "COMMIT", &msg) == 0) {
		checkpointer_poke((store_private *)s);
		return 0;
	}
	*err = xasprintf("%s: cannot commit to the store: %s", s->path, msg);
	free(msg);
	store_rollback(s);
	return -1;
}

/* Abandons the current batch; the caches may name rows rolled back. */
void store_rollback(store *s)
{
	store_private *p = (store_private *)s;
	if (!sqlite3_get_autocommit(s->db))
		exec_sql(s->db, "ROLLBACK", NULL);
	sm_free(&p->entity_ids);
	sm_free(&p->aliases);
	clear_deltas(p);
	p->fts_from = 0;
	fts_queue_clear(&p->fts_queue);
	p->article_delta = 0;
}

/* The ingest lock file's name: beside the store, like SQLite's -wal. */
static char *lock_path(const store *s)
{
	return xasprintf("%s-lock", s->path);
}

/* Takes the ingest lock; see store.h. An flock() on a file of its own:
 * SQLite's write lock is free between two transactions of an ingest for
 * too short a time for another writer's busy handler to catch it, and
 * locks on the store file itself would be dropped by SQLite's own. The
 * file is left in place (removing it would let two ingests lock two
 * different files). */
int store_ingest_lock(store *s, char **err)
{
	store_private *p = (store_private *)s;
	if (p->lock_fd >= 0)
		return 0;
	struct stat st;
	mode_t mode = stat(s->path, &st) == 0 ? st.st_mode & 0777 : 0644;
	char *name = lock_path(s);
	int fd = open(name, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, mode);
	if (fd >= 0) {
		/* Shared like the store (as SQLite makes its -wal and -shm):
		 * its mode, and its owner when root made it. */
		struct stat lst;
		if (fstat(fd, &lst) == 0 && lst.st_size == 0 && (lst.st_mode & 0777) != mode)
			(void)fchmod(fd, mode);
		if (geteuid() == 0 && stat(s->path, &st) == 0)
			(void)fchown(fd, st.st_uid, st.st_gid);
	} else {
		fd = open(name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	}
	if (fd < 0) {
		*err = xasprintf("%s: cannot open the ingest lock: %s", name, strerror(errno));
		free(name);
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno != EWOULDBLOCK) {
			*err = xasprintf("%s: cannot lock: %s", name, strerror(errno));
			goto fail;
		}
		char pid[32];
		ssize_t n = pread(fd, pid, sizeof pid - 1, 0);
		pid[n > 0 ? n : 0] = '\0';
		pid[strcspn(pid, "\n")] = '\0';
		fprintf(stderr,
			"lede: %s: another ingest%s%s%s is writing to this store; waiting for it "
			"to finish\n",
			s->path, *pid ? " (pid " : "", pid, *pid ? ")" : "");
		while (flock(fd, LOCK_EX) != 0) {
			if (errno != EINTR) {
				*err = xasprintf("%s: cannot lock: %s", name, strerror(errno));
				goto fail;
			}
		}
	}
	/* Our pid, for the message of an ingest that waits. */
	if (ftruncate(fd, 0) == 0) {
		char pid[32];
		int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
		(void)!pwrite(fd, pid, (size_t)n, 0);
	}
	free(name);
	p->lock_fd = fd;
	return 0;
fail:
	close(fd);
	free(name);
	return -1;
}

/* Releases what store_ingest_lock took. */
void store_ingest_unlock(store *s)
{
	store_private *p = (store_private *)s;
	if (p->lock_fd < 0)
		return;
	(void)!ftruncate(p->lock_fd, 0);
	close(p->lock_fd);  /* releases the flock */
	p->lock_fd = -1;
}
