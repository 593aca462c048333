/* schema.c: the store's versioned schema: one migration step per version
 * (append steps, never edit a shipped one), run each in its own write
 * transaction, and the schema of the per-user state database. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "entity.h"
#include "store_int.h"
#include "util.h"

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
	"INSERT INTO meta VALUES ('commits', 0);"
	/* And an article's source (the list's column: a file name) names a
	 * file that holds it: before schema 6 an article that lost the file
	 * it was named after (edited, moved, deleted while a copy stayed)
	 * kept that name. The first file recorded, as renew_source does;
	 * the base name is the path less its longest prefix ending in '/'
	 * (rtrim takes off the trailing run of characters that are not). */
	"UPDATE article SET source = (SELECT replace(f.path, rtrim(f.path, replace(f.path, '/', '')), '')"
	"  FROM file f WHERE f.article_id = article.id ORDER BY f.rowid LIMIT 1)"
	" WHERE EXISTS (SELECT 1 FROM file f WHERE f.article_id = article.id)"
	"  AND NOT EXISTS (SELECT 1 FROM file f WHERE f.article_id = article.id"
	"   AND replace(f.path, rtrim(f.path, replace(f.path, '/', '')), '') = article.source);",
	/* 6 -> 7: types decided by the corpus (store_type.c).
	 * An article's row of an entity keeps the article's evidence for
	 * the entity's type (the extractor's weights), or, when its type
	 * was only guessed, evidence 0 and the type guessed; entity sums
	 * them: evidence, guessed (its rows of a guessed type) and strays
	 * (those of them guessed as another type, moved here by the
	 * corpus's evidence). Rows stored before count as evidence of their
	 * type (1 each: the default, so adding the column rewrites nothing),
	 * so that an old store keeps its types. An entity with no evidence
	 * is one of low confidence, left out of lists by default. */
	"ALTER TABLE entity ADD COLUMN evidence INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE entity ADD COLUMN guessed INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE entity ADD COLUMN strays INTEGER NOT NULL DEFAULT 0;"
	"UPDATE entity SET evidence = articles;"
	/* the few entities with rows of a guessed type, by key: retyping
	 * looks only under those keys */
	"CREATE INDEX entity_guessed ON entity(key) WHERE guessed > 0;"
	"ALTER TABLE article_entity ADD COLUMN evidence INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE article_entity ADD COLUMN guess TEXT;"
	/* the entities whose rows a delete took, retyped at commit */
	"CREATE TABLE entity_touched(id INTEGER PRIMARY KEY);"
	"DROP TRIGGER article_entity_delete;"
	"CREATE TRIGGER article_entity_delete AFTER DELETE ON article_entity BEGIN"
	"  UPDATE entity SET articles = articles - 1, mentions = mentions - old.mentions,"
	"   evidence = evidence - old.evidence, guessed = guessed - (old.guess IS NOT NULL),"
	"   strays = strays - (old.guess IS NOT NULL AND old.guess <> type)"
	"  WHERE id = old.entity_id;"
	"  INSERT OR IGNORE INTO entity_touched VALUES (old.entity_id);"
	"END;"
	/* A row moved by retype_key to the entity of another type. */
	"CREATE TRIGGER article_entity_move AFTER UPDATE OF entity_id ON article_entity BEGIN"
	"  UPDATE entity SET articles = articles - 1, mentions = mentions - old.mentions,"
	"   evidence = evidence - old.evidence, guessed = guessed - (old.guess IS NOT NULL),"
	"   strays = strays - (old.guess IS NOT NULL AND old.guess <> type)"
	"  WHERE id = old.entity_id;"
	"  UPDATE entity SET articles = articles + 1, mentions = mentions + new.mentions,"
	"   evidence = evidence + new.evidence, guessed = guessed + (new.guess IS NOT NULL),"
	"   strays = strays + (new.guess IS NOT NULL AND new.guess <> type)"
	"  WHERE id = new.entity_id;"
	"END;",
	/* 7 -> 8: the learned layer of typing (store_type.c,
	 * store_learn_types): learned is 1 when an entity without evidence
	 * has the type that the names the corpus proved say a name like it
	 * has (name_model.c); such an entity is of confidence too. */
	"ALTER TABLE entity ADD COLUMN learned INTEGER NOT NULL DEFAULT 0;",
	/* 8 -> 9 (linking, issue 11): entity keys keep the doubled letters of short
	 * words (entity_key: CNN is not CN, BBC not BCC, ISS not IS), so
	 * every key is made again from the entity's name with the C
	 * function (sql_entity_key). The new keys are finer than the old
	 * ones: two entities never fall on one key. */
	"UPDATE OR IGNORE entity SET key = lede_entity_key(name);"
	/* And the articles that name an entity by each of its aliases
	 * (store_names.c): the name shown is the most used. */
	"ALTER TABLE entity_alias ADD COLUMN uses INTEGER NOT NULL DEFAULT 0;"
	/* And the word suffixes of people's names ("obama" of "barack
	 * obama"): a partial name is the one person it ends (store_link.c).
	 * Filled from the names stored so far. */
	"CREATE TABLE entity_suffix("
	"  suffix TEXT NOT NULL,"
	"  entity_id INTEGER NOT NULL,"
	"  PRIMARY KEY (suffix, entity_id)) WITHOUT ROWID;"
	"WITH RECURSIVE s(id, rest) AS ("
	"  SELECT id, substr(key, instr(key, ' ') + 1) FROM entity"
	"   WHERE type = 'PER' AND instr(key, ' ') > 0"
	"  UNION ALL SELECT id, substr(rest, instr(rest, ' ') + 1) FROM s WHERE instr(rest, ' ') > 0)"
	"INSERT OR IGNORE INTO entity_suffix SELECT rest, id FROM s;",
	/* 9 -> 10 (issue 12): doc values, each article's entity ids and
	 * mentions packed in article-id order, a blob per chunk of 512
	 * articles (docval.h): facets count the entities of a result set by
	 * reading them instead of joining article_entity (seconds at a
	 * million articles). The writer rebuilds the chunks of the articles
	 * it adds at commit (store_write.c); a row deleted or moved to
	 * another entity marks its chunk in docval_dirty, rebuilt at the
	 * same commit ("article_id >> 9": DOCVAL_CHUNK_BITS). Every chunk
	 * of the articles stored so far is marked here and built by
	 * store_open right after (C code: docval_flush). */
	"CREATE TABLE docval(chunk INTEGER PRIMARY KEY, data BLOB NOT NULL);"
	"CREATE TABLE docval_dirty(chunk INTEGER PRIMARY KEY);"
	"CREATE TRIGGER docval_delete AFTER DELETE ON article_entity BEGIN"
	"  INSERT OR IGNORE INTO docval_dirty VALUES (old.article_id >> 9);"
	"END;"
	"CREATE TRIGGER docval_move AFTER UPDATE OF entity_id ON article_entity BEGIN"
	"  INSERT OR IGNORE INTO docval_dirty VALUES (old.article_id >> 9);"
	"END;"
	"WITH RECURSIVE c(n) AS (SELECT 0 WHERE EXISTS (SELECT 1 FROM article)"
	"  UNION ALL SELECT n + 1 FROM c WHERE n < (SELECT max(id) >> 9 FROM article))"
	"INSERT INTO docval_dirty SELECT n FROM c;",
	/* 10 -> 11 (issue 11): keys keep the marks of Vietnamese words
	 * (entity_key: "Đức" is "duc:dduws", "Đúc" "duc:dds"). An entity's key
	 * is made again from the spelling that gave it, its canonical name:
	 * the name it is shown under when that folds to its key (the shown
	 * name may be a voted alias, store_names.c), else its most used alias
	 * that does; none, it keeps its key. Entities that the old keys
	 * merged stay one (under their shown name's key) until the store is
	 * made again. Then people's word suffixes, from the new keys. */
	"UPDATE OR IGNORE entity SET key = coalesce((SELECT k FROM ("
	"  SELECT lede_entity_key(entity.name) AS k, 1 AS own, 0 AS uses"
	"  UNION ALL SELECT lede_entity_key(a.alias), 0, a.uses FROM entity_alias a"
	"   WHERE a.entity_id = entity.id)"
	"  WHERE lede_key_unmarked(k) = entity.key ORDER BY own DESC, uses DESC LIMIT 1), key);"
	"DELETE FROM entity_suffix;"
	"WITH RECURSIVE s(id, rest) AS ("
	"  SELECT id, substr(key, instr(key, ' ') + 1) FROM entity"
	"   WHERE type = 'PER' AND instr(key, ' ') > 0"
	"  UNION ALL SELECT id, substr(rest, instr(rest, ' ') + 1) FROM s WHERE instr(rest, ' ') > 0)"
	"INSERT OR IGNORE INTO entity_suffix SELECT rest, id FROM s;",
	/* 11 -> 12 (issue 13): the photo credit is searched too ("/semansky"
	 * finds the photographer), a column of the index between the
	 * caption and the body; the index is made again from the articles. */
	"DROP TRIGGER article_fts_delete;"
	"DROP TABLE article_fts;"
	"CREATE VIRTUAL TABLE article_fts USING fts5(title, lede, caption, credit, body,"
	"  content='article', content_rowid='id', tokenize='lede');"
	"CREATE TRIGGER article_fts_delete AFTER DELETE ON article BEGIN"
	"  INSERT INTO article_fts(article_fts, rowid, title, lede, caption, credit, body)"
	"  VALUES ('delete', old.id, old.title, old.lede, old.caption, old.credit, old.body);"
	"END;"
	"INSERT INTO article_fts(article_fts) VALUES ('rebuild');"
	"INSERT INTO article_fts(article_fts, rank) VALUES ('automerge', 8);",
};

#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])

/* See store_int.h: the state database: per-user marks and edits, keyed by content hash and
 * entity key so they survive re-ingest and apply to any store. */
const char store_state_schema[] =
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

/* lede_entity_key(name): entity_key() for the migrations that make keys
 * again. */
static void sql_entity_key(sqlite3_context *cx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *name = sqlite3_value_text(argv[0]);
	if (!name) {
		sqlite3_result_null(cx);
		return;
	}
	char *key = entity_key((const char *)name);
	sqlite3_result_text(cx, key, -1, free);
}

/* See store_int.h: brings the schema up to STORE_SCHEMA_VERSION, one transaction per step so
 * an interrupted migration leaves the previous version intact. The version
 * is read inside each step's write transaction: two processes opening a
 * new store at once would otherwise both run the first step. */
int schema_migrate(store *s, char **err)
{
	int64_t version = store_query_int(s->db, "PRAGMA user_version");
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
	if (sqlite3_create_function(s->db, "lede_entity_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
				    NULL, sql_entity_key, NULL, NULL) != SQLITE_OK) {
		*err = xasprintf("%s: cannot upgrade the store's schema: %s", s->path,
				 sqlite3_errmsg(s->db));
		return -1;
	}
	for (;;) {
		char *msg = NULL;
		if (store_exec(s->db, "BEGIN IMMEDIATE", &msg)) {
			*err = xasprintf("%s: cannot upgrade the store's schema: %s", s->path, msg);
			free(msg);
			return -1;
		}
		version = store_query_int(s->db, "PRAGMA user_version");
		if (version < 0) {
			*err = xasprintf("%s: cannot read the store's schema version: %s", s->path,
					 sqlite3_errmsg(s->db));
			store_exec(s->db, "ROLLBACK", NULL);
			return -1;
		}
		if (version >= (int64_t)N_MIGRATIONS) {
			/* Another process made the last step meanwhile. */
			store_exec(s->db, "COMMIT", NULL);
			return 0;
		}
		char *sql = xasprintf("%s; PRAGMA application_id = %d; PRAGMA user_version = %lld;"
				      " COMMIT;",
				      migrations[version], LEDE_APPLICATION_ID, (long long)version + 1);
		int rc = store_exec(s->db, sql, &msg);
		free(sql);
		if (rc) {
			store_exec(s->db, "ROLLBACK", NULL);
			*err = xasprintf("%s: schema migration to version %lld failed: %s", s->path,
					 (long long)version + 1, msg);
			free(msg);
			return -1;
		}
	}
}

