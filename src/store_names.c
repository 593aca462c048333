/* store_names.c: the name an entity is shown under is the one the corpus
 * writes most. Each article votes for its own name of each entity it
 * mentions (tally.h, written); ingest counts the votes per alias
 * (entity_alias.uses) and, when a transaction writes them, names each
 * entity that got votes after its most voted alias. The user's renames
 * are edits over this name (query_edit.c) and still win. */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"
#include "text.h"
#include "util.h"

/* See store_int.h: one vote of an article for name as entity id's name.
 * Only a vote for another name than the article's canonical one (other
 * marks "Mỹ" for "Hoa Kỳ") makes the flush weigh the entity's names
 * again: most entities are only ever written one way, and a name that
 * gains by canonical votes alone is weighed at the entity's next other
 * vote. */
void store_names_vote(store_private *p, int64_t id, const char *name, bool other)
{
	sb_clear(&p->scratch);
	sb_add_int(&p->scratch, id);
	if (other)
		sm_put(&p->name_renames, p->scratch.s, 1);
	sb_addc(&p->scratch, '\x1f');
	sb_adds(&p->scratch, name);
	sm_add(&p->name_votes, p->scratch.s, 1);
}

/* See store_int.h: forgets the votes not written. */
void store_names_clear(store_private *p)
{
	sm_free(&p->name_votes);
	sm_free(&p->name_renames);
}

/* Adds the votes to the aliases and renames each entity voted for; part
 * of the open transaction. 0, or -1 on a failed statement. */
int store_names_flush(store_private *p)
{
	if (!p->name_votes.n)
		return 0;
	/* an alias no article voted for yet (a gazetteer's canonical name,
	 * "Hồng Kông") takes the spelling of its first votes, which share
	 * its folded key ("Hong Kong"): the corpus's own spelling; not when
	 * they differ in the case of ASCII letters only ("Bộ Giao thông vận
	 * tải"), nor from a vote in capitals (?5: a headline's) */
	static const char add_sql[] =
		"UPDATE entity_alias SET uses = uses + ?3,"
		" alias = CASE WHEN uses = 0 AND ?5 AND lower(alias) <> lower(?4) THEN ?4"
		" ELSE alias END"
		" WHERE key = ?1 AND entity_id = ?2";
	/* the most voted alias, for a person no single word that ends
	 * another (Obama is shown as the Barack Obama it stands for; but Hà
	 * Nội is not Thủ đô Hà Nội, nor Tony Blair Earlier Tony Blair), and
	 * not the singular of another alias: a member's or an adjective's
	 * form ("a Liberal Democrat", "Lib Dem leader") of the name written
	 * as a noun (Liberal Democrats); among equals the name it has */
	static const char name_sql[] =
		"UPDATE entity SET name = (SELECT a.alias FROM entity_alias a"
		"  WHERE a.entity_id = ?1 AND ((SELECT e.type FROM entity e WHERE e.id = ?1) <> 'PER'"
		"   OR instr(a.key, ' ') > 0 OR NOT EXISTS (SELECT 1 FROM entity_alias o"
		"   WHERE o.entity_id = ?1 AND substr(o.key, -length(a.key) - 1) = ' ' || a.key))"
		"  AND NOT EXISTS (SELECT 1 FROM entity_alias o WHERE o.entity_id = ?1"
		"   AND o.key = a.key || 's')"
		"  ORDER BY a.uses DESC, a.alias = (SELECT e.name FROM entity e WHERE e.id = ?1) DESC"
		"  LIMIT 1)"
		" WHERE id = ?1";
	sqlite3 *db = p->pub.db;
	sqlite3_stmt *add = NULL, *name = NULL;
	int rc = sqlite3_prepare_v2(db, add_sql, -1, &add, NULL) == SQLITE_OK &&
	                 sqlite3_prepare_v2(db, name_sql, -1, &name, NULL) == SQLITE_OK
	             ? 0
	             : -1;
	strmap *m = &p->name_votes;
	for (size_t i = 0; i < m->cap && rc == 0; i++) {
		if (!m->keys[i])
			continue;
		char *sep = strchr(m->keys[i], '\x1f');
		int64_t id = strtoll(m->keys[i], NULL, 10);
		char *fold = text_fold(sep + 1, strlen(sep + 1), NULL);
		sqlite3_bind_text(add, 1, fold, -1, SQLITE_STATIC);
		sqlite3_bind_int64(add, 2, id);
		sqlite3_bind_int64(add, 3, m->vals[i]);
		sqlite3_bind_text(add, 4, sep + 1, -1, SQLITE_STATIC);
		sqlite3_bind_int(add, 5, strpbrk(sep + 1, "abcdefghijklmnopqrstuvwxyz") != NULL);
		if (sqlite3_step(add) != SQLITE_DONE)
			rc = -1;
		sqlite3_reset(add);
		free(fold);
	}
	/* then each entity voted for under another name */
	m = &p->name_renames;
	for (size_t i = 0; i < m->cap && rc == 0; i++) {
		if (!m->keys[i])
			continue;
		sqlite3_bind_int64(name, 1, strtoll(m->keys[i], NULL, 10));
		if (sqlite3_step(name) != SQLITE_DONE)
			rc = -1;
		sqlite3_reset(name);
	}
	sqlite3_finalize(add);
	sqlite3_finalize(name);
	store_names_clear(p);
	return rc;
}
