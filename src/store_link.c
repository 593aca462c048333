/* store_link.c: linking across articles. Within an article a surname
 * links to the full name written there (entity_link.c); across the
 * corpus a person's partial name ("Obama") is the full name whose last
 * word it is ("Barack Obama") when the store holds exactly one such
 * name and an article proves the partial name a person by a cue (a
 * surname only guessed one, or one in a line-up, may be anyone's). The word suffixes of people's names are kept in entity_suffix,
 * from the moment the name is stored: a new partial name is looked up
 * there at ingest (store_link_partial), and each full name new to the
 * store takes in the partial names stored before it that are its alone,
 * at the next flush (store_link_flush). An acronym alone ("KTNN") is,
 * the same way, the one organization whose name it spells and that an
 * article wrote with it ("Kiểm toán Nhà nước (KTNN)", an alias). */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <unicase.h>
#include <uninorm.h>

#include "entity.h"
#include "store_int.h"
#include "text.h"
#include "util.h"

/* The statements of linking, prepared once per store (store_link_free
 * finalizes them). */
enum {
	LK_PERSON_BY_KEY,
	LK_SUFFIX_OWNERS,
	LK_SUFFIX_ONLY,
	LK_SUFFIX_ADD,
	LK_NAME_OF,
	LK_ORG_BY_KEY,
	LK_ALIAS_ORGS,
	LK_PROVEN,
	LK_COUNT_
};
static const char *const link_sql[LK_COUNT_] = {
	[LK_PERSON_BY_KEY] = "SELECT id FROM entity WHERE type = 'PER' AND key = ?3",
	[LK_SUFFIX_OWNERS] = "SELECT entity_id FROM entity_suffix WHERE suffix = ?3 LIMIT 2",
	[LK_SUFFIX_ONLY] = "SELECT max(entity_id) FROM entity_suffix WHERE suffix = ?3"
			   " HAVING count(*) = 1",
	[LK_SUFFIX_ADD] = "INSERT OR IGNORE INTO entity_suffix(suffix, entity_id) VALUES (?3, ?1)",
	[LK_NAME_OF] = "SELECT name FROM entity WHERE id = ?1",
	[LK_ORG_BY_KEY] = "SELECT id FROM entity WHERE type = 'ORG' AND key = ?3",
	/* the organizations other than ?1 with this alias, and their keys;
	 * CROSS JOIN keeps the alias seek outside: without statistics (a new
	 * store) SQLite read every organization and probed its aliases */
	[LK_ALIAS_ORGS] = "SELECT e.id, e.key FROM entity_alias a CROSS JOIN entity e ON e.id = a.entity_id"
			  " WHERE a.key = ?3 AND e.type = 'ORG' AND e.id <> ?1 LIMIT 2",
	/* whether an article proves entity ?1's type (rows are written at
	 * once; the entity's sums only at commit) */
	[LK_PROVEN] = "SELECT 1 FROM article_entity WHERE entity_id = ?1 AND evidence >= ?2 LIMIT 1",
};
_Static_assert(LK_COUNT_ == STORE_LINK_STMTS, "store_private has a slot per statement");

/* Statement k of link_sql, or of the given SQL when sql is not NULL
 * (prepared each time: the rare merges), bound to a, b (?1, ?2) and t
 * (?3) where it has them. */
static sqlite3_stmt *bound(store_private *p, int k, const char *sql, int64_t a, int64_t b,
			   const char *t)
{
	sqlite3_stmt *st = NULL;
	if (sql) {
		if (sqlite3_prepare_v2(p->pub.db, sql, -1, &st, NULL) != SQLITE_OK)
			return NULL;
	} else {
		if (!p->link_stmt[k] && sqlite3_prepare_v3(p->pub.db, link_sql[k], -1,
							   SQLITE_PREPARE_PERSISTENT,
							   &p->link_stmt[k], NULL) != SQLITE_OK)
			return NULL;
		st = p->link_stmt[k];
	}
	if (sqlite3_bind_parameter_index(st, "?1"))
		sqlite3_bind_int64(st, 1, a);
	if (sqlite3_bind_parameter_index(st, "?2"))
		sqlite3_bind_int64(st, 2, b);
	if (t && sqlite3_bind_parameter_index(st, "?3"))
		sqlite3_bind_text(st, 3, t, -1, SQLITE_STATIC);
	return st;
}

/* Runs a statement (see bound) and returns the first column of its first
 * row as an integer: 0 when it has no row, -1 on error. */
static int64_t one_value(store_private *p, int k, const char *sql, int64_t a, int64_t b,
			 const char *t)
{
	sqlite3_stmt *st = bound(p, k, sql, a, b, t);
	if (!st)
		return -1;
	int rc = sqlite3_step(st);
	int64_t v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : rc == SQLITE_DONE ? 0 : -1;
	if (sql)
		sqlite3_finalize(st);
	else {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	return v;
}

/* See store_int.h: finalizes the statements. */
void store_link_free(store_private *p)
{
	for (int k = 0; k < LK_COUNT_; k++) {
		sqlite3_finalize(p->link_stmt[k]);
		p->link_stmt[k] = NULL;
	}
	free(p->new_people);
	p->new_people = NULL;
	p->n_new_people = p->cap_new_people = 0;
	sl_free(&p->new_keys);
	sm_free(&p->new_acronyms);
}

/* Whether the one-word name part is the last word of the name full,
 * written with the same letters and marks, case aside: the keys are
 * blind to marks, and "Phương" is not "Nguyễn Công Phượng". A name of
 * several words is no partial name across articles: "Tony Blair" would
 * become the "Earlier Tony Blair" a headline cut badly. */
static bool name_ends(const char *full, const char *part)
{
	if (strchr(part, ' '))
		return false;
	size_t fl = 0, pl = 0;
	uint8_t *f = u8_tolower((const uint8_t *)full, strlen(full), NULL, UNINORM_NFC, NULL, &fl);
	uint8_t *q = u8_tolower((const uint8_t *)part, strlen(part), NULL, UNINORM_NFC, NULL, &pl);
	bool ok = f && q && fl > pl && f[fl - pl - 1] == ' ' && memcmp(f + fl - pl, q, pl) == 0;
	free(f);
	free(q);
	return ok;
}

/* Whether entity id's name ends with the name part (name_ends). */
static bool entity_name_ends(store_private *p, int64_t id, const char *part)
{
	sqlite3_stmt *st = bound(p, LK_NAME_OF, NULL, id, 0, NULL);
	if (!st)
		return false;
	bool ok = sqlite3_step(st) == SQLITE_ROW &&
	          name_ends((const char *)sqlite3_column_text(st, 0), part);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return ok;
}

/* The evidence a partial name needs in an article to link across
 * articles: a cue's (EV_CUE of entity_int.h: "Mr", "said"), not only a
 * list's share of its neighbours' type (a line-up's "Stanley", who may
 * be another sport's or another story's). */
#define PARTIAL_EVIDENCE 10

/* Whether some article proves person id one with at least this evidence
 * of its type: a full name only guessed a person, such as a song's title
 * ("Live Forever"), takes in no partial name ("President Forever", a
 * game). */
static bool proven(store_private *p, int64_t id, int evidence)
{
	return one_value(p, LK_PROVEN, NULL, id, evidence, NULL) == 1;
}

/* See store_int.h: the person whose full name ends with the words of key
 * when the store has exactly one, proven a person (and no person of that
 * very key), and the article's evidence that the partial name is a
 * person is a cue's (PARTIAL_EVIDENCE); 0 otherwise. */
int64_t store_link_partial(store_private *p, const char *key, const char *name, int evidence)
{
	if (evidence < PARTIAL_EVIDENCE || one_value(p, LK_PERSON_BY_KEY, NULL, 0, 0, key) != 0)
		return 0;
	sqlite3_stmt *st = bound(p, LK_SUFFIX_OWNERS, NULL, 0, 0, key);
	if (!st)
		return 0;
	int64_t id = 0;
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		n++;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return n == 1 && entity_name_ends(p, id, name) && proven(p, id, 1) ? id : 0;
}

/* Records the word suffixes of person id's key ("obama" of "barack
 * obama"). */
static int add_suffixes(store_private *p, int64_t id, const char *key)
{
	for (const char *sp = strchr(key, ' '); sp; sp = strchr(sp + 1, ' '))
		if (one_value(p, LK_SUFFIX_ADD, NULL, id, 0, sp + 1) < 0)
			return -1;
	return 0;
}

/* Whether name is written as an acronym: two to eight capitals (Đ
 * among them), nothing else. */
static bool acronym(const char *name)
{
	size_t n = 0;
	for (const unsigned char *c = (const unsigned char *)name; *c; c++, n++) {
		if (c[0] == 0xC4 && c[1] == 0x90)
			c++;
		else if (*c < 'A' || *c > 'Z')
			return false;
	}
	return n >= 2 && n <= 8;
}

/* The only organization other than not that has the acronym as an alias
 * and whose name it spells (entity_initials_of); 0 when none or two. */
static int64_t acronym_owner(store_private *p, const char *acro, int64_t not)
{
	char *fold = text_fold(acro, strlen(acro), NULL);
	sqlite3_stmt *st = bound(p, LK_ALIAS_ORGS, NULL, not, 0, fold);
	int64_t id = 0;
	int n = 0;
	while (st && sqlite3_step(st) == SQLITE_ROW) {
		if (++n == 1 && entity_initials_of(acro, (const char *)sqlite3_column_text(st, 1)))
			id = sqlite3_column_int64(st, 0);
	}
	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
	}
	free(fold);
	return n == 1 ? id : 0;
}

/* See store_int.h: the organization whose name the acronym (key, as
 * written name) spells, when one article wrote them together ("Kiểm toán
 * Nhà nước (KTNN)") and the store has no organization of that key; 0
 * otherwise. */
int64_t store_link_acronym(store_private *p, const char *key, const char *name)
{
	if (!acronym(name) || one_value(p, LK_ORG_BY_KEY, NULL, 0, 0, key) != 0)
		return 0;
	return acronym_owner(p, name, 0);
}

/* See store_int.h: organization id, named name in an article, has the
 * acronym as an alias that spells that name; the next flush merges an organization stored under
 * the acronym alone into it. */
void store_link_acronym_seen(store_private *p, int64_t id, const char *acro, const char *name)
{
	if (!acronym(acro))
		return;
	char *key = entity_key(name);
	bool spells = entity_initials_of(acro, key);
	free(key);
	if (!spells)
		return;
	sb_clear(&p->scratch);
	sb_add_int(&p->scratch, id);
	sb_addc(&p->scratch, '\x1f');
	sb_adds(&p->scratch, acro);
	sm_put(&p->new_acronyms, p->scratch.s, 1);
}

/* See store_int.h: indexes the word suffixes of a person's entity new
 * to the store, at once (a partial name in the next article sees it),
 * and remembers it for the merges of the next flush. */
int store_link_new(store_private *p, int64_t id, const char *key)
{
	if (p->n_new_people == p->cap_new_people) {
		p->cap_new_people = p->cap_new_people ? p->cap_new_people * 2 : 64;
		p->new_people = xrealloc(p->new_people, p->cap_new_people * sizeof *p->new_people);
	}
	p->new_people[p->n_new_people++] = id;
	sl_push(&p->new_keys, key);
	return add_suffixes(p, id, key);
}

/* See store_int.h: forgets the new entities not flushed. */
void store_link_clear(store_private *p)
{
	p->n_new_people = 0;
	sl_free(&p->new_keys);
	sm_free(&p->new_acronyms);
}

/* Merges entity short into entity full (a person's partial name, an
 * organization's acronym): its articles (but those that
 * have both, left as they are), aliases and their uses; then short goes
 * when nothing is left of it. */
static int merge_into(store_private *p, int64_t shrt, int64_t full)
{
	static const char *const steps[] = {
		"UPDATE OR IGNORE article_entity SET entity_id = ?2 WHERE entity_id = ?1",
		"UPDATE entity_alias SET uses = uses + (SELECT s.uses FROM entity_alias s"
		"  WHERE s.entity_id = ?1 AND s.key = entity_alias.key)"
		" WHERE entity_id = ?2 AND key IN (SELECT key FROM entity_alias WHERE entity_id = ?1)",
		"UPDATE OR IGNORE entity_alias SET entity_id = ?2 WHERE entity_id = ?1",
		"UPDATE entity SET articles = (SELECT count(*) FROM article_entity WHERE entity_id = id),"
		" mentions = (SELECT coalesce(sum(mentions), 0) FROM article_entity WHERE entity_id = id)"
		" WHERE id IN (?1, ?2)",
		"DELETE FROM entity_alias WHERE entity_id = ?1"
		" AND NOT EXISTS (SELECT 1 FROM article_entity WHERE entity_id = ?1)",
		"DELETE FROM entity_suffix WHERE entity_id = ?1"
		" AND NOT EXISTS (SELECT 1 FROM article_entity WHERE entity_id = ?1)",
		"DELETE FROM entity WHERE id = ?1"
		" AND NOT EXISTS (SELECT 1 FROM article_entity WHERE entity_id = ?1)",
	};
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
		if (one_value(p, 0, steps[i], shrt, full, NULL) < 0)
			return -1;
	return 0;
}

/* Whether person full's name ends with person shrt's (name_ends). */
static bool short_name_ends(store_private *p, int64_t shrt, int64_t full)
{
	sqlite3_stmt *st = bound(p, LK_NAME_OF, NULL, shrt, 0, NULL);
	if (!st)
		return false;
	char *name = sqlite3_step(st) == SQLITE_ROW
	                 ? xstrdup((const char *)sqlite3_column_text(st, 0))
	                 : NULL;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	bool ok = name && entity_name_ends(p, full, name);
	free(name);
	return ok;
}

/* See store_int.h: indexes the people new since the last flush, and
 * merges into each the partial names stored before it that are its
 * alone. */
int store_link_flush(store_private *p)
{
	int rc = 0, merged = 0;
	for (size_t i = 0; i < p->n_new_people && rc == 0; i++) {
		const char *key = p->new_keys.v[i];
		for (const char *sp = strchr(key, ' '); sp && rc == 0; sp = strchr(sp + 1, ' ')) {
			int64_t shrt = one_value(p, LK_PERSON_BY_KEY, NULL, 0, 0, sp + 1);
			/* merged into the suffix's only full name, if this is it */
			/* (and some article proves the partial name a person
			 * by a cue: PARTIAL_EVIDENCE) */
			if (shrt > 0 &&
			    one_value(p, LK_SUFFIX_ONLY, NULL, 0, 0, sp + 1) == p->new_people[i] &&
			    short_name_ends(p, shrt, p->new_people[i]) && proven(p, p->new_people[i], 1) &&
			    proven(p, shrt, PARTIAL_EVIDENCE)) {
				rc = merge_into(p, shrt, p->new_people[i]);
				merged = 1;
			}
		}
	}
	/* organizations stored under an acronym alone, into the one whose
	 * name it spells */
	strmap *m = &p->new_acronyms;
	for (size_t i = 0; i < m->cap && rc == 0; i++) {
		if (!m->keys[i])
			continue;
		int64_t full = strtoll(m->keys[i], NULL, 10);
		const char *acro = strchr(m->keys[i], '\x1f') + 1;
		char *key = entity_key(acro);
		int64_t shrt = one_value(p, LK_ORG_BY_KEY, NULL, 0, 0, key);
		free(key);
		if (shrt > 0 && shrt != full && acronym_owner(p, acro, shrt) == full) {
			rc = merge_into(p, shrt, full);
			merged = 1;
		}
	}
	store_link_clear(p);
	if (merged) {
		/* the caches may name the entities merged away */
		sm_free(&p->entity_ids);
		sm_free(&p->aliases);
	}
	return rc < 0 ? -1 : 0;
}
