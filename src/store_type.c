/* store_type.c: types decided by the whole corpus. At each commit, the
 * article rows whose type their article only guessed follow the type
 * with the most evidence for their name in the store (doc/entities.md, "Types
 * decided by the corpus"); store_write.c keeps the sums this reads. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>

#include "entity.h"
#include "name_model.h"
#include "store_int.h"
#include "util.h"

static const char *const stmt_sql[TS_COUNT] = {
	/* Of the entities touched (the ids of the JSON array ?1 and those of
	 * entity_touched), the keys under which some entity has rows of a
	 * guessed type: the only ones retyping can change, found in one
	 * statement through the small index of such entities. The key by a
	 * subquery, a rowid seek whatever the statistics (a join scanned
	 * the entities for each id when they were taken on a small store). */
	[TS_TOUCHED_KEYS] = "SELECT DISTINCT k FROM (SELECT (SELECT key FROM entity"
			    " WHERE id = t.id) AS k FROM (SELECT value AS id FROM json_each(?1)"
			    " UNION SELECT id FROM entity_touched) t)"
			    " WHERE EXISTS (SELECT 1 FROM entity g INDEXED BY entity_guessed"
			    " WHERE g.key = k AND g.guessed > 0)",
	/* The entities of every type under key ?1: a seek per type on the
	 * UNIQUE (type, key) index, named because statistics taken when the
	 * store was small make SQLite scan the table. */
	[TS_KEY_ENTITIES] = "SELECT id, type, evidence, guessed, strays"
			    " FROM entity INDEXED BY sqlite_autoindex_entity_1"
			    " WHERE type IN ('PER', 'ORG', 'LOC') AND key = ?1",
	/* OR IGNORE: an article with rows of both entities keeps its own
	 * row of the guessed one (the trigger counts only rows moved). */
	[TS_ROWS_MOVE] = "UPDATE OR IGNORE article_entity SET entity_id = ?2"
			 " WHERE entity_id = ?1 AND guess IS NOT NULL AND (?3 IS NULL OR guess = ?3)",
	[TS_ALIAS_COPY] = "INSERT OR IGNORE INTO entity_alias(key, entity_id, alias)"
			  " SELECT key, ?2, alias FROM entity_alias WHERE entity_id = ?1",
	/* store_learn_types: the names the corpus proved, the most written
	 * about first, and those it did not */
	[TS_LEARN_EXAMPLES] = "SELECT name, type FROM entity WHERE evidence > 0 AND articles > 0"
			      " ORDER BY articles DESC LIMIT ?1",
	[TS_LEARN_CANDIDATES] = "SELECT id, type, name, learned FROM entity"
				" WHERE evidence = 0 AND articles > 0 ORDER BY articles DESC LIMIT ?1",
	[TS_LEARN_SET] = "UPDATE entity SET learned = ?2 WHERE id = ?1",
};

/* The prepared statement k, made on first use. */
static sqlite3_stmt *stmt_get(store *s, int k)
{
	return store_stmt(s->db, &((store_private *)s)->type_stmt[k], stmt_sql[k]);
}

/* Moves the rows of entity from whose type was guessed (only those
 * guessed as type guess, when not NULL) to entity to, with from's
 * names as aliases of to; the move trigger fixes both counts. */
static int move_guessed(store *s, int64_t from, int64_t to, const char *guess)
{
	sqlite3_stmt *st = stmt_get(s, TS_ROWS_MOVE);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	if (guess)
		sqlite3_bind_text(st, 3, guess, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return -1;
	if (sqlite3_changes(s->db) == 0)
		return 0;
	st = stmt_get(s, TS_ALIAS_COPY);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* An entity of one type under a key, as retype_key weighs it. */
struct typed_entity {
	int64_t id, evidence, guessed, strays;
	int type;
};

/* Types by the corpus the name key: the article rows
 * whose type was guessed go to the entity of the type with the most
 * evidence under that key in the whole store, or back to the type
 * guessed when no type has any. Rows with evidence of their own stay:
 * one spelling of two referents of two types stays two entities. Costs
 * a seek per type, and a move only when a row has to go. */
static int retype_key(store *s, const char *key)
{
	struct typed_entity e[ENT_NTYPES];
	int n = 0, best = -1, rc;
	sqlite3_stmt *st = stmt_get(s, TS_KEY_ENTITIES);
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < ENT_NTYPES) {
		int t = entity_type_parse((const char *)sqlite3_column_text(st, 1));
		if (t < 0)
			continue;
		e[n] = (struct typed_entity){sqlite3_column_int64(st, 0),
					     sqlite3_column_int64(st, 2),
					     sqlite3_column_int64(st, 3),
					     sqlite3_column_int64(st, 4), t};
		/* the most evidence; of equals, the first type */
		if (e[n].evidence > 0 &&
		    (best < 0 || e[n].evidence > e[best].evidence ||
		     (e[n].evidence == e[best].evidence && t < e[best].type)))
			best = n;
		n++;
	}
	sqlite3_reset(st);
	int err = rc != SQLITE_DONE && rc != SQLITE_ROW;
	for (int i = 0; i < n && !err; i++) {
		if (best >= 0) {
			if (i != best && e[i].guessed > 0)
				err = move_guessed(s, e[i].id, e[best].id, NULL);
			continue;
		}
		/* no evidence left: each row back to the type guessed, whose
		 * entity it came from (entities are never deleted) */
		for (int j = 0; j < n && e[i].strays > 0 && !err; j++)
			if (j != i)
				err = move_guessed(s, e[i].id, e[j].id,
						   entity_type_name((entity_type)e[j].type));
	}
	return err ? -1 : 0;
}

/* See store_int.h. */
int store_retype_touched(store_private *p)
{
	store *s = &p->pub;
	strbuf ids;
	sb_init(&ids);
	sb_addc(&ids, '[');
	for (size_t i = 0; i < p->n_touched; i++) {
		if (i)
			sb_addc(&ids, ',');
		sb_add_int(&ids, p->touched[i]);
	}
	sb_addc(&ids, ']');
	p->n_touched = 0;
	/* the keys first, then the moves: rows are not moved under the
	 * statement that reads the entities */
	strlist keys;
	sl_init(&keys);
	sqlite3_stmt *st = stmt_get(s, TS_TOUCHED_KEYS);
	int rc = SQLITE_ERROR;
	if (st) {
		sqlite3_bind_text(st, 1, ids.s, (int)ids.len, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			sl_push(&keys, (const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
	}
	int err = rc != SQLITE_DONE;
	for (size_t i = 0; i < keys.n && !err; i++)
		err = retype_key(s, keys.v[i]);
	sl_free(&keys);
	sb_free(&ids);
	if (!err && store_exec(s->db, "DELETE FROM entity_touched", NULL))
		err = 1;
	return err ? -1 : 0;
}

/* How many names the learned layer trains on and types at most: the most
 * written about (memory: about 100 bytes a name while it trains). */
#define LEARN_MAX_NAMES 100000
/* Fewer proven names than this teach nothing worth trusting. */
#define LEARN_MIN_EXAMPLES 50
/* The margin per known feature (name_model_predict) a confirmation
 * needs: half a unit (on the dev sets of real news, 0 to 1 scored within
 * 0.003 of each other; the higher, the fewer places and organizations
 * confirmed as people). */
#define LEARN_MIN_MARGIN 0.5

/* Sets entity id's learned flag. */
static int set_learned(store *s, int64_t id, int learned)
{
	sqlite3_stmt *st = stmt_get(s, TS_LEARN_SET);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, learned);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Whether name is one word in capitals ("BCTC", "VNĐ", "VOV.VN"; two
 * ASCII capitals at least, so not "Ý"): the shape of
 * organizations' acronyms and of common nouns' abbreviations alike, so
 * the learned layer, which knows a name by its shape, cannot tell them
 * apart. */
static bool acronym_name(const char *name)
{
	if (!name)
		return false;
	int caps = 0;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		if (*p == ' ' || (*p >= 'a' && *p <= 'z'))
			return false;
		caps += *p >= 'A' && *p <= 'Z';
	}
	return caps >= 2;
}

/* See store.h. The model only confirms a type guessed: moving names to
 * the type it predicts instead cost more than it gained on real news
 * (doc/entities.md, "Types decided by the corpus"). */
int store_learn_types(store *s, char **err)
{
	name_model *m = name_model_new();
	int64_t *flip = NULL; /* entities whose flag changes */
	size_t nflip = 0, capflip = 0;
	int rc = SQLITE_ERROR;
	sqlite3_stmt *st = stmt_get(s, TS_LEARN_EXAMPLES);
	if (st) {
		sqlite3_bind_int(st, 1, LEARN_MAX_NAMES);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int t = entity_type_parse((const char *)sqlite3_column_text(st, 1));
			if (t >= 0)
				name_model_add(m, (const char *)sqlite3_column_text(st, 0),
					       (entity_type)t);
		}
		sqlite3_reset(st);
	}
	int fail = rc != SQLITE_DONE;
	bool enough = name_model_examples(m) >= LEARN_MIN_EXAMPLES;
	if (!fail && enough)
		name_model_train(m);
	/* the decisions first, then the writes: no row changes under the
	 * statement that reads the entities */
	st = fail ? NULL : stmt_get(s, TS_LEARN_CANDIDATES);
	if (st) {
		sqlite3_bind_int(st, 1, LEARN_MAX_NAMES);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			int t = entity_type_parse((const char *)sqlite3_column_text(st, 1));
			double margin = 0;
			int p = enough && t >= 0
					? name_model_predict(m, (const char *)sqlite3_column_text(st, 2),
							     &margin)
					: -1;
			const char *nm = (const char *)sqlite3_column_text(st, 2);
			int learned = p == t && margin > LEARN_MIN_MARGIN && !acronym_name(nm);
			if (learned == sqlite3_column_int(st, 3))
				continue;
			if (nflip == capflip) {
				capflip = capflip ? capflip * 2 : 64;
				flip = xrealloc(flip, capflip * sizeof *flip);
			}
			flip[nflip++] = sqlite3_column_int64(st, 0) * 2 + learned;
		}
		sqlite3_reset(st);
		fail = rc != SQLITE_DONE;
	} else {
		fail = 1;
	}
	name_model_free(m);
	for (size_t i = 0; i < nflip && !fail; i++)
		fail = set_learned(s, flip[i] / 2, (int)(flip[i] % 2)) != 0;
	free(flip);
	if (fail) {
		*err = xasprintf("%s: cannot type the names without evidence: %s", s->path,
				 sqlite3_errmsg(s->db));
		return -1;
	}
	return 0;
}
