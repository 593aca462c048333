/* store.c: the SQLite store: opening and validating the file (shared,
 * read-only and new stores), the attached per-user state database, read
 * transactions and the ingest lock. The schema is schema.c's, the writes
 * store_write.c's, bulk mode store_bulk.c's (see store.h). */
#include "config.h"

#include "day_index.h"
#include "docval.h"
#include "store_int.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fts.h"
#include "paths.h"
#include "sqlfn.h"
#include "text.h"
#include "util.h"

/* See store_int.h: runs SQL that returns no rows; on failure sets *err
 * (when err). */
int store_exec(sqlite3 *db, const char *sql, char **err)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK)
		return 0;
	if (err)
		*err = xstrdup(msg ? msg : sqlite3_errmsg(db));
	sqlite3_free(msg);
	return -1;
}

/* See store_int.h: reads one integer PRAGMA or query; -1 on error. */
int64_t store_query_int(sqlite3 *db, const char *sql)
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
		if (store_exec(db, sql, &msg) == 0)
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
	int64_t app = store_query_int(s->db, "PRAGMA application_id");
	if (objects > 0 && app != LEDE_APPLICATION_ID) {
		*err = xasprintf("%s: not a lede store (a SQLite database of another program); "
				 "it was left untouched",
				 s->path);
		return -1;
	}
	int64_t version = store_query_int(s->db, "PRAGMA user_version");
	if (version > STORE_SCHEMA_VERSION) {
		*err = xasprintf("%s: store schema version %lld is newer than this lede "
				 "understands (%d); upgrade lede",
				 s->path, (long long)version, STORE_SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

/* The state database's log is checkpointed in a commit only past this
 * many frames (16 MB of 4 KB pages, thousands of marks); see store_wal_hook. */
#define STATE_WAL_FRAMES 4096

/* The WAL hook of the store's connection (SQLite calls it after each
 * commit with the log's length). The store's log is checkpointed as
 * SQLite's own hook does, past 1,000 frames. The state database's is
 * not: its commits are the interface's marks, made in the key path, and a
 * checkpoint syncs the disk twice (the log, then the database), which
 * while an ingest writes took seconds. Its log is copied back when the
 * last connection to it closes (SQLite does that at close), or here past
 * STATE_WAL_FRAMES so that it cannot grow without end. */
static int store_wal_hook(void *ctx, sqlite3 *db, const char *name, int frames)
{
	(void)ctx;
	if (frames >= (strcmp(name, "state") == 0 ? STATE_WAL_FRAMES : 1000))
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return SQLITE_OK;
}

/* See store_int.h: puts the store's own WAL hook (back) on its connection. */
void store_wal_hook_set(sqlite3 *db)
{
	sqlite3_wal_hook(db, store_wal_hook, NULL);
}

/* store_state_warm's thread: one commit on a connection of its own, which
 * writes (and syncs) the log's header when the log is new, so that the
 * marks' commits that follow only append to it. The commit writes the
 * database header's user_version as it is, a change of nothing. */
static void *state_warm_main(void *arg)
{
	char *path = arg;
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) ==
	    SQLITE_OK) {
		sqlite3_busy_timeout(db, 5000);
		char *sql = NULL;
		int64_t version = store_query_int(db, "PRAGMA user_version");
		if (version >= 0)
			sql = xasprintf("PRAGMA synchronous = NORMAL; PRAGMA user_version = %lld",
					(long long)version);
		if (sql)
			store_exec(db, sql, NULL);
		free(sql);
	}
	sqlite3_close(db);
	free(path);
	return NULL;
}

/* See store.h. */
void store_state_warm(store *s)
{
	store_private *p = (store_private *)s;
	if (!s->has_state || p->state_warming)
		return;
	char *path = xstrdup(s->state_path);
	if (pthread_create(&p->state_warm, NULL, state_warm_main, path) == 0)
		p->state_warming = 1;
	else
		free(path);
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
	if (rc != SQLITE_DONE || store_exec(s->db, store_state_schema, &msg) != 0) {
		char *shown = text_escaped(s->state_path, 0);
		fprintf(stderr, "lede: %s: cannot use the state database: %s; marks are off\n",
			shown, msg ? msg : sqlite3_errmsg(s->db));
		free(shown);
		free(msg);
		store_exec(s->db, "DETACH DATABASE state", NULL);
		return;
	}
	/* Marks are written in the interface's key path: in WAL mode with
	 * synchronous NORMAL a commit only writes to the log, with no sync
	 * (see HACKING, "Marks"). */
	store_exec(s->db, "PRAGMA state.journal_mode = WAL; PRAGMA state.synchronous = NORMAL",
		   NULL);
	store_wal_hook_set(s->db);
	s->has_state = 1;
	/* Marks made under the hash an article had before schema 6 follow
	 * it to its new one (the old row stays for stores not upgraded). */
	if (((store_private *)s)->legacy)
		store_exec(s->db,
			 "INSERT OR IGNORE INTO state.mark(hash, read, starred)"
			 " SELECT l.hash, m.read, m.starred FROM state.mark m"
			 " JOIN main.hash_legacy l ON l.legacy = m.hash",
			 NULL);
}

/* See store_int.h: the file: URI of path with query params ("" or "?..."): '?', '#' and
 * '%' are escaped so that they stay part of the name. */
char *store_file_uri(const char *path, const char *params)
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
	char *uri = store_file_uri(s->path, params);
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

/* See store_int.h: keeps the -wal and -shm files when the connection closes, emptying the
 * log instead: readers that may not create files in the store's folder
 * (other users of a shared store) need them to read the store as SQLite
 * intends, seeing each commit. SQLite makes them with the store file's
 * permissions (and owner, when root writes), so whoever may read the
 * store may read them. The size limit only makes SQLite empty the log at
 * close; it is above what bulk mode lets the log grow to. */
void store_keep_wal(sqlite3 *db)
{
	int on = 1;
	sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL, &on);
	sqlite3_exec(db, "PRAGMA journal_size_limit = 1073741824", NULL, NULL, NULL);
}

/* Builds the doc values a migration marked (docval.h), once, in a
 * transaction of their own: a store of a million articles takes about
 * a minute. Until they are built readers count facets with SQL. */
static int build_docval(store *s, char **err)
{
	if (docval_ready(s->db))
		return 0;
	char *msg = NULL;
	if (store_exec(s->db, "BEGIN IMMEDIATE", &msg) == 0) {
		if (docval_flush(s->db, 1, 0) == 0 && store_exec(s->db, "COMMIT", &msg) == 0)
			return 0;
		if (!msg)
			msg = xstrdup(sqlite3_errmsg(s->db));
		store_exec(s->db, "ROLLBACK", NULL);
	}
	*err = xasprintf("%s: cannot build the entity counts' index: %s", s->path, msg);
	free(msg);
	return -1;
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
		if (!exists && store_exec(s->db, "PRAGMA page_size = 16384", &msg)) {
			*err = xasprintf("%s: cannot create the store: %s", path, msg);
			free(msg);
			goto fail;
		}
		if (exec_busy(s->db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;", &msg)) {
			*err = xasprintf("%s: cannot use the store: %s", path, msg);
			free(msg);
			goto fail;
		}
		store_keep_wal(s->db);
	}
	/* Temporary b-trees in files (the OS caches them): facets of an
	 * entity in half of a million articles sort millions of rows, which
	 * in memory took 220 MB and 35 s instead of 10 MB and 5 s. */
	store_exec(s->db, "PRAGMA foreign_keys = ON; PRAGMA temp_store = FILE;", NULL);
	if (schema_migrate(s, err))
		goto fail;
	if (!s->readonly && build_docval(s, err))
		goto fail;
	p->legacy = store_query_int(s->db, "SELECT value FROM meta WHERE key = 'legacy_articles'") > 0;
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
	if (p->state_warming)
		pthread_join(p->state_warm, NULL);
	store_bulk_end(s);
	store_ingest_unlock(s);
	store_write_free(p);
	if (s->db) {
		if (!s->readonly)
			sqlite3_exec(s->db, "PRAGMA optimize", NULL, NULL, NULL);
		sqlite3_close_v2(s->db);
	}
	day_index_release(s->day_index);
	free(s->path);
	free(s->state_path);
	free(p);
}

/* Starts a read transaction; see store.h. */
int store_read_begin(store *s)
{
	return store_exec(s->db, "BEGIN", NULL);
}

/* Ends what store_read_begin started. */
void store_read_end(store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		store_exec(s->db, "COMMIT", NULL);
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
