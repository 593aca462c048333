/* store_write.c: every write ingest makes: files and their status,
 * articles (and adopting those of older schemas; their entities are
 * store_entities.c's), the full-text index in steps, forgetting files,
 * and the write transactions (see store.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fts.h"
#include "docval.h"
#include "store_int.h"
#include "tally.h"
#include "text.h"
#include "util.h"

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
				     " mentions, salience, spans, evidence, guess)"
				     " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	/* OR FAIL: no statement journal to undo a partly done statement
	 * (a failure rolls back the whole batch anyway), which cost a
	 * write of every page the statement touched. */
	[ST_ARTICLE_ENTITY_INSERT8] =
		"INSERT OR FAIL INTO article_entity(article_id, entity_id, mentions, salience,"
		" spans, evidence, guess)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7),"
		" (?1, ?8, ?9, ?10, ?11, ?12, ?13),"
		" (?1, ?14, ?15, ?16, ?17, ?18, ?19),"
		" (?1, ?20, ?21, ?22, ?23, ?24, ?25),"
		" (?1, ?26, ?27, ?28, ?29, ?30, ?31),"
		" (?1, ?32, ?33, ?34, ?35, ?36, ?37),"
		" (?1, ?38, ?39, ?40, ?41, ?42, ?43),"
		" (?1, ?44, ?45, ?46, ?47, ?48, ?49)",
	/* the rest of an article's rows, four and two at a time */
	[ST_ARTICLE_ENTITY_INSERT4] =
		"INSERT OR FAIL INTO article_entity(article_id, entity_id, mentions, salience,"
		" spans, evidence, guess)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7),"
		" (?1, ?8, ?9, ?10, ?11, ?12, ?13),"
		" (?1, ?14, ?15, ?16, ?17, ?18, ?19),"
		" (?1, ?20, ?21, ?22, ?23, ?24, ?25)",
	[ST_ARTICLE_ENTITY_INSERT2] =
		"INSERT OR FAIL INTO article_entity(article_id, entity_id, mentions, salience,"
		" spans, evidence, guess)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7),"
		" (?1, ?8, ?9, ?10, ?11, ?12, ?13)",
	[ST_FILE_DELETE] = "DELETE FROM file WHERE path = ?1",
	[ST_FILE_HASH] = "SELECT hash FROM file WHERE path = ?1",
	[ST_ARTICLE_COUNT_ADD] = "UPDATE meta SET value = value + ?1 WHERE key = 'articles'",
	[ST_FTS_INDEX] = "INSERT INTO article_fts(rowid, title, lede, caption, credit, body)"
			 " SELECT id, title, lede, caption, credit, body FROM article WHERE id >= ?1",
	[ST_ENTITY_COUNT_ADD] = "UPDATE entity SET articles = articles + ?2,"
				" mentions = mentions + ?3, evidence = evidence + ?4,"
				" guessed = guessed + ?5 WHERE id = ?1",
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

void store_clear_deltas(store_private *p);
static int flush_fts(store_private *p);

/* See store_int.h: the statement of sql kept in *slot, prepared on first
 * use, reset and without bindings. */
sqlite3_stmt *store_stmt(sqlite3 *db, sqlite3_stmt **slot, const char *sql)
{
	if (!*slot && sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL) !=
			      SQLITE_OK)
		return NULL;
	sqlite3_reset(*slot);
	sqlite3_clear_bindings(*slot);
	return *slot;
}

/* The prepared statement k, made on first use. */
sqlite3_stmt *store_write_stmt(store *s, int k)
{
	return store_stmt(s->db, &((store_private *)s)->stmt[k], stmt_sql[k]);
}

/* See store_int.h. */
void store_write_free(store_private *p)
{
	for (int k = 0; k < ST_COUNT; k++)
		sqlite3_finalize(p->stmt[k]);
	for (int k = 0; k < TS_COUNT; k++)
		sqlite3_finalize(p->type_stmt[k]);
	sm_free(&p->entity_ids);
	sm_free(&p->aliases);
	store_names_clear(p);
	store_link_free(p);
	sb_free(&p->scratch);
	fts_queue_clear(&p->fts_queue);
	store_clear_deltas(p);
	free(p->deltas);
	free(p->touched);
}

/* Looks the file up by path: unknown, unchanged or changed. */
int store_file_status(store *s, const store_file *f)
{
	sqlite3_stmt *st = store_write_stmt(s, ST_FILE_STATUS);
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

/* The content hash a path had when last ingested, or NULL. */
char *store_file_hash(store *s, const char *path)
{
	sqlite3_stmt *st = store_write_stmt(s, ST_FILE_HASH);
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
	sqlite3_stmt *st = store_write_stmt(s, k);
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
	sqlite3_stmt *st = store_write_stmt(s, k);
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
	sqlite3_stmt *st = store_write_stmt(s, ST_FIRST_FILE);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	char *path = rc == SQLITE_ROW ? xstrdup((const char *)sqlite3_column_text(st, 0)) : NULL;
	sqlite3_reset(st);
	if (!path)
		return rc == SQLITE_DONE ? 0 : -1;
	st = store_write_stmt(s, ST_SOURCE_SET);
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
	sqlite3_stmt *st = store_write_stmt(s, ST_FILE_UPSERT);
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
	const char *cols[5] = {a->title, a->lede, a->caption, a->credit, a->body};
	for (int i = 0; i < 5; i++)
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
	sqlite3_stmt *st = store_write_stmt(s, ST_LEGACY_ARTICLE);
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
		st = store_write_stmt(s, updates[i]);
		if (!st)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return -1;
	}
	st = store_write_stmt(s, ST_LEGACY_INSERT);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, legacy, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, hash, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? id : -1;
}

/* See store.h. */
int store_has_legacy(const store *s)
{
	return ((const store_private *)s)->legacy;
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
		sqlite3_stmt *st = store_write_stmt(s, ST_ARTICLE_INSERT);
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
		if (!p->docval_first || id < p->docval_first)
			p->docval_first = id;
		if (id > p->docval_last)
			p->docval_last = id;
		p->article_delta++;
		if (prep) {
			for (int i = 0; i < prep->n_text; i++)
				fts_queue_push(&p->fts_queue, &prep->text[i]);
			if (store_put_tallies(s, id, &prep->entities))
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
	sqlite3_stmt *st = store_write_stmt(s, ST_FILE_DELETE);
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

/* Starts a write transaction on the store file only, its write lock
 * taken at once (after the busy timeout if another ingest holds it).
 * Not BEGIN IMMEDIATE: that locks every attached database, the user's
 * state database too, so that each of an ingest's two-second
 * transactions made the user's other lede processes wait to mark an
 * article read, and another ingest fail with "database is locked". A
 * write to meta (rewritten at commit anyway) takes the store's lock. */
int store_begin(store *s, char **err)
{
	char *msg = NULL;
	store_bulk_before_begin((store_private *)s);
	if (store_exec(s->db, "BEGIN", &msg) == 0 &&
	    store_exec(s->db, "UPDATE main.meta SET value = value WHERE key = 'commits'", &msg) == 0)
		return 0;
	*err = xasprintf("%s: cannot write the store: %s", s->path, msg);
	free(msg);
	if (!sqlite3_get_autocommit(s->db))
		store_exec(s->db, "ROLLBACK", NULL);
	return -1;
}

/* Indexes and counts what the transaction has put so far; see store.h. */
int store_flush(store *s, char **err)
{
	if (flush_fts((store_private *)s) != 0 || store_flush_deltas((store_private *)s) != 0 ||
	    store_names_flush((store_private *)s) != 0 || store_link_flush((store_private *)s) != 0) {
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
	if (store_retype_touched((store_private *)s) != 0) {
		*err = xasprintf("%s: cannot type the new entities: %s", s->path,
				 sqlite3_errmsg(s->db));
		store_rollback(s);
		return -1;
	}
	store_private *p = (store_private *)s;
	if (docval_flush(s->db, p->docval_first ? p->docval_first : 1, p->docval_last) != 0) {
		*err = xasprintf("%s: cannot index the new articles' entities: %s", s->path,
				 sqlite3_errmsg(s->db));
		store_rollback(s);
		return -1;
	}
	p->docval_first = p->docval_last = 0;
	if (flush_article_count((store_private *)s) != 0 ||
	    run_with_int(s, ST_COMMIT_COUNT, 1) != 0) {
		*err = xasprintf("%s: cannot count the new articles: %s", s->path,
				 sqlite3_errmsg(s->db));
		store_rollback(s);
		return -1;
	}
	if (store_exec(s->db, "COMMIT", &msg) == 0) {
		store_bulk_after_commit((store_private *)s);
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
		store_exec(s->db, "ROLLBACK", NULL);
	sm_free(&p->entity_ids);
	sm_free(&p->aliases);
	store_names_clear(p);
	store_link_clear(p);
	store_clear_deltas(p);
	p->n_touched = 0;
	p->fts_from = 0;
	fts_queue_clear(&p->fts_queue);
	p->article_delta = 0;
	p->docval_first = p->docval_last = 0;
}

