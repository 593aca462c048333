/* query_edit.c: the user's corrections of the entity index (rename,
 * merge, retype, hide; see query.h), kept per user in the state database,
 * and how readers see them: temp.entity_eff, the entity ids resolved
 * through the edits. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "query_int.h"
#include "text.h"
#include "util.h"

/* ---- The user's entity edits ------------------------------------------
 *
 * Edits live in state.entity_edit keyed by the (type, key) an entity has in
 * the store, so they outlive the store itself. Before a query reads
 * entities, query_edits_active() folds them into temp.entity_eff: one row per
 * entity an edit touches, with the entity it now counts as (canon: the
 * end of its merge chain), and that entity's type, name and hidden flag
 * after the edits. Queries join it only when it is in use, so a user
 * without edits pays nothing. It is rebuilt when the edits or the set of
 * entities change (a signature of both is kept beside it). */

/* Whether entity E is the one an edit names by type T and key K (SQL
 * expressions): its key is K, or, when no entity has key K, K is its key
 * without Vietnamese marks: edits made before schema 11 keep applying to
 * the entity they named ("duc" to "Đức", "duc:dduws"). Both are found in
 * the range of keys that start with K's first word, an index seek. */
#define EDIT_ENTITY(E, T, K)                                                                 \
	E ".type = " T " AND " E ".key >= lede_key_head(" K ") AND " E ".key < lede_key_head(" K \
	") || ';' AND (" E ".key = " K " OR (lede_key_unmarked(" E ".key) = " K                  \
	" AND NOT EXISTS (SELECT 1 FROM entity z WHERE z.type = " T " AND z.key = " K ")))"

/* Longest merge chain followed; longer ones (or cycles) stop there. */
#define MAX_MERGE_DEPTH 64

/* One entity touched by an edit while the map is being built. */
typedef struct edit_node {
	int64_t id;
	char type[4];
	char *name;          /* name in the store */
	int64_t merge_into;  /* entity id, or 0 */
	char *rename;        /* latest rename, or NULL */
	char retype[4];      /* latest retype, or "" */
	int hidden;
	int64_t canon;
	int merged;          /* others were merged into it */
} edit_node;

/* The nodes of the map under construction. */
typedef struct edit_graph {
	edit_node *v;
	size_t n, cap;
} edit_graph;

/* The node of entity id, added (with its store type and name) when new. */
static edit_node *graph_node(store *s, edit_graph *g, int64_t id)
{
	for (size_t i = 0; i < g->n; i++)
		if (g->v[i].id == id)
			return &g->v[i];
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT type, name FROM entity WHERE id = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	edit_node *nd = NULL;
	if (sqlite3_step(st) == SQLITE_ROW) {
		if (g->n == g->cap) {
			g->cap = g->cap ? 2 * g->cap : 16;
			g->v = xrealloc(g->v, g->cap * sizeof *g->v);
		}
		nd = &g->v[g->n++];
		memset(nd, 0, sizeof *nd);
		nd->id = id;
		snprintf(nd->type, sizeof nd->type, "%s", (const char *)sqlite3_column_text(st, 0));
		nd->name = xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return nd;
}

/* Frees the nodes. */
static void graph_free(edit_graph *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->v[i].name);
		free(g->v[i].rename);
	}
	free(g->v);
}

/* Reads the edits in the order they were made into the graph; later
 * edits of the same kind win. Edits of entities this store lacks are
 * kept in the state but have nothing to act on here. */
static int graph_load(store *s, edit_graph *g)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT x.op, e.id, x.arg, t.id FROM state.entity_edit x"
			       " JOIN entity e ON " EDIT_ENTITY("e", "x.type", "x.key")
			       " LEFT JOIN entity t ON x.op = 'merge' AND "
			       EDIT_ENTITY("t", "x.arg", "x.arg2") " ORDER BY x.id",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *op = (const char *)sqlite3_column_text(st, 0);
		const char *arg = (const char *)sqlite3_column_text(st, 2);
		int64_t target = sqlite3_column_int64(st, 3);
		if (strcmp(op, "merge") == 0 && (!target || target == sqlite3_column_int64(st, 1)))
			continue;
		edit_node *nd = graph_node(s, g, sqlite3_column_int64(st, 1));
		if (!nd)
			continue;
		if (strcmp(op, "rename") == 0 && arg && *arg) {
			free(nd->rename);
			nd->rename = xstrdup(arg);
		} else if (strcmp(op, "retype") == 0 && arg && entity_type_parse(arg) >= 0) {
			snprintf(nd->retype, sizeof nd->retype, "%s", arg);
		} else if (strcmp(op, "hide") == 0) {
			nd->hidden = 1;
		} else if (strcmp(op, "merge") == 0) {
			nd->merge_into = target;
		}
	}
	sqlite3_finalize(st);
	/* Merge targets are nodes too: they carry the group's name. */
	for (size_t i = 0; i < g->n; i++)
		if (g->v[i].merge_into && !graph_node(s, g, g->v[i].merge_into))
			g->v[i].merge_into = 0;
	return 0;
}

/* Index of the node of entity id, or -1. */
static ssize_t graph_find(const edit_graph *g, int64_t id)
{
	for (size_t i = 0; i < g->n; i++)
		if (g->v[i].id == id)
			return (ssize_t)i;
	return -1;
}

/* Sets every node's canon: the end of its merge chain. A chain that loops
 * (two edits merging each way) stops before it repeats itself. */
static void graph_resolve(edit_graph *g)
{
	for (size_t i = 0; i < g->n; i++) {
		size_t k = i;
		for (int depth = 0; g->v[k].merge_into && depth < MAX_MERGE_DEPTH; depth++) {
			ssize_t next = graph_find(g, g->v[k].merge_into);
			if (next < 0 || (size_t)next == i)
				break;
			k = (size_t)next;
		}
		g->v[i].canon = g->v[k].id;
		if (k != i)
			g->v[k].merged = 1;
	}
}

/* Writes the graph into temp.entity_eff. */
static int graph_store(store *s, const edit_graph *g)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "INSERT INTO temp.entity_eff(id, canon, type, name, hidden, merged,"
			       " fold, key) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < g->n && rc == 0; i++) {
		const edit_node *root = &g->v[graph_find(g, g->v[i].canon)];
		const char *name = root->rename ? root->rename : root->name;
		char *fold = text_fold(name, strlen(name), NULL);
		char *key = entity_key(name);
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, g->v[i].id);
		sqlite3_bind_int64(st, 2, root->id);
		sqlite3_bind_text(st, 3, root->retype[0] ? root->retype : root->type, -1,
				  SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 4, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 5, root->hidden);
		sqlite3_bind_int(st, 6, root->merged);
		sqlite3_bind_text(st, 7, fold, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 8, key, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(st) != SQLITE_DONE)
			rc = -1;
		free(fold);
		free(key);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Rebuilds temp.entity_eff from the edits and records the signature. */
static int edits_rebuild(store *s, int64_t n, int64_t max_edit, int64_t max_entity)
{
	if (sqlite3_exec(s->db,
			 "CREATE TEMP TABLE IF NOT EXISTS entity_eff("
			 "  id INTEGER PRIMARY KEY, canon INTEGER NOT NULL,"
			 "  type TEXT NOT NULL, name TEXT NOT NULL, hidden INTEGER NOT NULL,"
			 "  merged INTEGER NOT NULL, fold TEXT NOT NULL, key TEXT NOT NULL);"
			 "CREATE INDEX IF NOT EXISTS temp.entity_eff_canon ON entity_eff(canon);"
			 "CREATE INDEX IF NOT EXISTS temp.entity_eff_fold ON entity_eff(fold);"
			 "CREATE TEMP TABLE IF NOT EXISTS entity_eff_sig(n, max_edit, max_entity);"
			 "SAVEPOINT entity_eff; DELETE FROM temp.entity_eff;"
			 "DELETE FROM temp.entity_eff_sig;",
			 NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	edit_graph g = {NULL, 0, 0};
	int rc = s->has_state ? graph_load(s, &g) : 0;
	if (rc == 0) {
		graph_resolve(&g);
		rc = graph_store(s, &g);
	}
	graph_free(&g);
	sqlite3_stmt *st;
	if (rc == 0 && sqlite3_prepare_v2(s->db, "INSERT INTO temp.entity_eff_sig VALUES (?1, ?2, ?3)",
					  -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, n);
		sqlite3_bind_int64(st, 2, max_edit);
		sqlite3_bind_int64(st, 3, max_entity);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_finalize(st);
	}
	if (rc == 0)
		sqlite3_exec(s->db, "RELEASE entity_eff", NULL, NULL, NULL);
	else
		sqlite3_exec(s->db, "ROLLBACK TO entity_eff; RELEASE entity_eff", NULL, NULL, NULL);
	return rc;
}

/* See query_int.h: true when the user has entity edits, with
 * temp.entity_eff up to date; false (and nothing to join) otherwise. */
int query_edits_active(store *s)
{
	if (!s->has_state)
		return 0;

	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT count(*), coalesce(max(id), 0),"
			       " (SELECT coalesce(max(id), 0) FROM entity) FROM state.entity_edit",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	int64_t n = 0, max_edit = 0, max_entity = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		n = sqlite3_column_int64(st, 0);
		max_edit = sqlite3_column_int64(st, 1);
		max_entity = sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	int fresh = 0;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT 1 FROM temp.entity_eff_sig WHERE n = ?1 AND max_edit = ?2"
			       " AND max_entity = ?3",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, n);
		sqlite3_bind_int64(st, 2, max_edit);
		sqlite3_bind_int64(st, 3, max_entity);
		fresh = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_finalize(st);
	} else if (n == 0) {
		return 0; /* no edits and no map: the common case, nothing to do */
	}
	if (!fresh && edits_rebuild(s, n, max_edit, max_entity) != 0)
		return 0;
	return n > 0;
}

/* Makes sure temp.entity_eff exists (empty without edits), for the
 * statements that always join it: lookups, never the hot paths. */
static int edits_table(store *s)
{
	if (query_edits_active(s))
		return 0;
	return edits_rebuild(s, 0, 0, 0);
}

/* The entities (after merges) a name folded to ?1 and keyed ?2 names: by
 * alias, by link key (so spelling variants like Zelensky/Zelenskyy find
 * the entity) and by the names the user gave. Needs temp.entity_eff. */
#define RESOLVE_GROUPS_CTE                                                                  \
	"WITH hit(id) AS (SELECT entity_id FROM entity_alias WHERE key = ?1"                 \
	" UNION SELECT id FROM entity WHERE key = ?2"                                        \
	" UNION SELECT id FROM temp.entity_eff WHERE fold = ?1 OR key = ?2),"                \
	" grp(c) AS (SELECT DISTINCT coalesce(x.canon, hit.id) FROM hit"                     \
	" LEFT JOIN temp.entity_eff x ON x.id = hit.id) "

/* Takes a "TYPE:" prefix (PER:, ORG:, LOC:) off *spec; returns the type,
 * or -1 (and leaves *spec) when there is none. */
static int take_type_prefix(const char **spec)
{
	const char *colon = strchr(*spec, ':');
	if (!colon || colon - *spec != 3)
		return -1;
	char t[4] = {(*spec)[0], (*spec)[1], (*spec)[2], '\0'};
	int type = entity_type_parse(t);
	if (type >= 0)
		*spec = colon + 1;
	return type;
}

/* Resolves a name, alias or TYPE:NAME to entity ids; with edits, to every
 * entity of the merged groups it names (the type is the group's, as the
 * user sees it). */
int query_resolve_entity(store *s, const char *name, int64_t *ids, int max)
{
	int type = take_type_prefix(&name);
	char *fold = text_fold(name, strlen(name), NULL);
	char *key = entity_key(name);
	sqlite3_stmt *st;
	int n = 0;
	const char *sql = query_edits_active(s)
				  ? RESOLVE_GROUPS_CTE ", tg(c) AS (SELECT g.c FROM grp g"
						       " JOIN entity e ON e.id = g.c"
						       " LEFT JOIN temp.entity_eff x ON x.id = g.c"
						       " WHERE ?3 IS NULL OR coalesce(x.type, e.type) = ?3)"
						       " SELECT c FROM tg UNION SELECT x.id FROM"
						       " temp.entity_eff x JOIN tg ON x.canon = tg.c"
				  : "SELECT id FROM entity WHERE (?3 IS NULL OR type = ?3) AND id IN"
				    " (SELECT entity_id FROM entity_alias WHERE key = ?1"
				    " UNION SELECT id FROM entity WHERE key = ?2)";
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, fold, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
		if (type >= 0)
			sqlite3_bind_text(st, 3, entity_type_name((entity_type)type), -1, SQLITE_STATIC);
		while (n < max && sqlite3_step(st) == SQLITE_ROW)
			ids[n++] = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	free(fold);
	free(key);
	return n;
}

/* Frees a match's name. */
void entity_match_free(entity_match *m)
{
	free(m->name);
	m->name = NULL;
}

/* Finds the entities a NAME or TYPE:NAME names, as the user sees them. */
int query_entity_lookup(store *s, const char *spec, entity_match *out, int max, char **err)
{
	int type = take_type_prefix(&spec);
	if (edits_table(s) != 0) {
		*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	static const char sql[] =
		RESOLVE_GROUPS_CTE
		"SELECT g.c, coalesce(x.type, e.type), coalesce(x.name, e.name),"
		" coalesce(x.hidden, 0) FROM grp g JOIN entity e ON e.id = g.c"
		" LEFT JOIN temp.entity_eff x ON x.id = g.c"
		" WHERE e.articles > 0 OR coalesce(x.merged, 0)"
		" ORDER BY 2, 3";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	char *fold = text_fold(spec, strlen(spec), NULL);
	char *key = entity_key(spec);
	sqlite3_bind_text(st, 1, fold, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, key, -1, SQLITE_STATIC);
	/* a name written with Vietnamese marks is most exactly the entity of
	 * its marks ("Trấn Thành", not "Trần Thành") */
	bool marked = strchr(key, ':') != NULL;
	int n = 0, best = 0;
	while (n < max && sqlite3_step(st) == SQLITE_ROW) {
		int t = entity_type_parse((const char *)sqlite3_column_text(st, 1));
		if (type >= 0 && t != type)
			continue;
		entity_match *m = &out[n++];
		m->id = sqlite3_column_int64(st, 0);
		m->type = t < 0 ? ENT_ORG : (entity_type)t;
		m->name = column_dup(st, 2);
		m->hidden = sqlite3_column_int(st, 3);
		char *nf = text_fold(m->name, strlen(m->name), NULL);
		m->exact = strcmp(nf, fold) == 0;
		free(nf);
		if (m->exact && marked) {
			char *nk = entity_key(m->name);
			m->exact += strcmp(nk, key) == 0;
			free(nk);
		}
		if (m->exact > best)
			best = m->exact;
	}
	sqlite3_finalize(st);
	free(fold);
	free(key);
	/* A name that is some entity's own name means that entity, not the
	 * others it is only an alias or spelling variant of. */
	if (best > 0) {
		int k = 0;
		for (int i = 0; i < n; i++) {
			if (out[i].exact == best) {
				out[i].exact = 1;
				out[k++] = out[i];
			} else {
				entity_match_free(&out[i]);
			}
		}
		n = k;
	}
	return n;
}

/* Records one edit of entity id (its store type and key), first removing
 * the earlier edits of that kind (`replace`) or exactly that edit. */
static int put_edit(store *s, int64_t id, const char *op, const char *arg, const char *arg2,
		    int insert, char **err)
{
	if (!s->has_state) {
		*err = xstrdup("entity edits need the state database, which could not be opened");
		return -1;
	}
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(s->db,
				    "DELETE FROM state.entity_edit WHERE op = ?2 AND EXISTS"
				    " (SELECT 1 FROM entity e WHERE e.id = ?1 AND e.type = state.entity_edit.type"
				    " AND state.entity_edit.key IN (e.key, lede_key_unmarked(e.key)))",
				    -1, &st, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, op, -1, SQLITE_STATIC);
		rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
		sqlite3_finalize(st);
	}
	if (rc == SQLITE_OK && insert) {
		rc = sqlite3_prepare_v2(s->db,
					"INSERT INTO state.entity_edit(op, type, key, arg, arg2, at)"
					" SELECT ?2, type, key, ?3, ?4, CAST(strftime('%s', 'now') AS INTEGER) FROM entity"
					" WHERE id = ?1",
					-1, &st, NULL);
		if (rc == SQLITE_OK) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_text(st, 2, op, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 3, arg, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 4, arg2, -1, SQLITE_STATIC);
			rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
			sqlite3_finalize(st);
		}
	}
	if (rc != SQLITE_OK) {
		*err = xasprintf("cannot record the entity edit: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	return 0;
}

/* The store's own name and type of an entity, for deciding whether an
 * edit only restores them. */
static int entity_original(store *s, int64_t id, char **name, char type[4])
{
	sqlite3_stmt *st;
	int found = 0;
	*name = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT name, type FROM entity WHERE id = ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		*name = column_dup(st, 0);
		snprintf(type, 4, "%s", (const char *)sqlite3_column_text(st, 1));
		found = 1;
	}
	sqlite3_finalize(st);
	return found;
}

/* Gives entity id a new name (its own name again: the rename is undone). */
int query_entity_rename(store *s, int64_t id, const char *name, char **err)
{
	char *orig, type[4];
	if (!entity_original(s, id, &orig, type)) {
		*err = xasprintf("no entity %lld", (long long)id);
		return -1;
	}
	int rc = put_edit(s, id, "rename", name, NULL, strcmp(orig, name) != 0, err);
	free(orig);
	return rc;
}

/* Merges entity id into entity into (both as query_entity_lookup found
 * them). */
int query_entity_merge(store *s, int64_t id, int64_t into, char **err)
{
	char *name, type[4];
	if (id == into) {
		*err = xstrdup("an entity cannot be merged into itself");
		return -1;
	}
	if (!entity_original(s, into, &name, type)) {
		*err = xasprintf("no entity %lld", (long long)into);
		return -1;
	}
	free(name);
	sqlite3_stmt *st;
	char *key = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT key FROM entity WHERE id = ?1", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_int64(st, 1, into);
		if (sqlite3_step(st) == SQLITE_ROW)
			key = column_dup(st, 0);
		sqlite3_finalize(st);
	}
	int rc = put_edit(s, id, "merge", type, key ? key : "", 1, err);
	free(key);
	return rc;
}

/* Undoes entity id's merge: it counts as itself again. */
int query_entity_unmerge(store *s, int64_t id, char **err)
{
	return put_edit(s, id, "merge", NULL, NULL, 0, err);
}

/* Gives entity id another type (its own type again: undone). */
int query_entity_retype(store *s, int64_t id, entity_type t, char **err)
{
	char *name, type[4];
	if (!entity_original(s, id, &name, type)) {
		*err = xasprintf("no entity %lld", (long long)id);
		return -1;
	}
	free(name);
	const char *tn = entity_type_name(t);
	return put_edit(s, id, "retype", tn, NULL, strcmp(type, tn) != 0, err);
}

/* Hides entity id from lists, facets and highlights, or shows it again. */
int query_entity_hide(store *s, int64_t id, int hidden, char **err)
{
	return put_edit(s, id, "hide", NULL, NULL, hidden, err);
}

/* Streams the user's edits, oldest first, with the entities' names. */
int query_each_entity_edit(store *s, query_edit_fn fn, void *ctx, char **err)
{
	if (!s->has_state)
		return 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT x.op, x.type, coalesce(e.name, x.key),"
			       " CASE x.op WHEN 'merge' THEN x.arg || ':' || coalesce(t.name, x.arg2)"
			       " ELSE x.arg END, datetime(x.at, 'unixepoch')"
			       " FROM state.entity_edit x"
			       " LEFT JOIN entity e ON " EDIT_ENTITY("e", "x.type", "x.key")
			       " LEFT JOIN entity t ON x.op = 'merge' AND "
			       EDIT_ENTITY("t", "x.arg", "x.arg2") " GROUP BY x.id ORDER BY x.id",
			       -1, &st, NULL) != SQLITE_OK) {
		*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		query_edit_row r;
		r.op = (const char *)sqlite3_column_text(st, 0);
		r.type = (const char *)sqlite3_column_text(st, 1);
		r.name = (const char *)sqlite3_column_text(st, 2);
		r.arg = (const char *)sqlite3_column_text(st, 3);
		r.at = (const char *)sqlite3_column_text(st, 4);
		if (fn(ctx, &r))
			break;
	}
	sqlite3_finalize(st);
	return 0;
}

/* The group entity id belongs to, as readers see it (after merges): its
 * id, type and name into *m (m->name new), and the entity ids of the
 * group into ids (at most max). Returns the number of ids, 0 when the
 * entity is gone. */
static int entity_group(store *s, int64_t id, entity_match *m, int64_t *ids, int max)
{
	int edits = query_edits_active(s);
	const char *sql = edits ? "WITH g(c) AS (SELECT coalesce((SELECT canon FROM temp.entity_eff"
				  " WHERE id = ?1), ?1)) SELECT g.c, coalesce(x.type, e.type),"
				  " coalesce(x.name, e.name), coalesce(x.hidden, 0) FROM g"
				  " JOIN entity e ON e.id = g.c LEFT JOIN temp.entity_eff x ON x.id = g.c"
				: "SELECT id, type, name, 0 FROM entity WHERE id = ?1";
	sqlite3_stmt *st;
	int n = 0;
	memset(m, 0, sizeof *m);
	if (max < 1 || sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		int t = entity_type_parse((const char *)sqlite3_column_text(st, 1));
		m->id = sqlite3_column_int64(st, 0);
		m->type = t < 0 ? ENT_ORG : (entity_type)t;
		m->name = column_dup(st, 2);
		m->hidden = sqlite3_column_int(st, 3);
		ids[n++] = m->id;
	}
	sqlite3_finalize(st);
	if (!n || !edits)
		return n;
	if (sqlite3_prepare_v2(s->db, "SELECT id FROM temp.entity_eff WHERE canon = ?1 AND id <> ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return n;
	sqlite3_bind_int64(st, 1, m->id);
	while (n < max && sqlite3_step(st) == SQLITE_ROW)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* Resolves filter entity e: the ids into ids (at most MAX_IDS), and,
 * when it is one entity, its name and type into *one (name new; NULL
 * when several or none). Returns the number of ids, -1 with *err. */
static int resolve_entity(store *s, const filter_entity *e, int64_t *ids, entity_match *one,
			  char **err)
{
	memset(one, 0, sizeof *one);
	if (e->entity) {
		int n = entity_group(s, e->entity, one, ids, MAX_IDS);
		if (!n)
			entity_match_free(one);
		return n;
	}
	entity_match groups[MAX_IDS];
	int g = query_entity_lookup(s, e->spec, groups, MAX_IDS, err);
	if (g < 0)
		return -1;
	int n = 0;
	for (int i = 0; i < g; i++) {
		entity_match m;
		n += entity_group(s, groups[i].id, &m, ids + n, MAX_IDS - n);
		entity_match_free(&m);
	}
	if (g == 1) {
		*one = groups[0];
		groups[0].name = NULL;
	}
	for (int i = 0; i < g; i++)
		entity_match_free(&groups[i]);
	return n;
}

/* See query_int.h. */
int filter_entity_ids(store *s, const filter_entity *e, int64_t *ids)
{
	if (e->n_ids >= 0) {
		int n = e->n_ids < MAX_IDS ? e->n_ids : MAX_IDS;
		if (n)
			memcpy(ids, e->ids, (size_t)n * sizeof *ids);
		return n;
	}
	entity_match one;
	char *err = NULL;
	int n = resolve_entity(s, e, ids, &one, &err);
	free(err);
	entity_match_free(&one);
	return n < 0 ? 0 : n;
}

/* See query.h. */
int query_filter_resolve(store *s, query_filter *f, char **err)
{
	for (size_t i = 0; i < f->n_ents; i++) {
		filter_entity *e = &f->ents[i];
		int64_t ids[MAX_IDS];
		entity_match one;
		int n = resolve_entity(s, e, ids, &one, err);
		if (n < 0)
			return -1;
		filter_set_resolved(e, ids, n, one.name, one.name ? (int)one.type : -1);
		entity_match_free(&one);
	}
	return 0;
}

/* See query.h. */
int query_entity_get(store *s, int64_t id, entity_match *out)
{
	int64_t ids[1];
	if (entity_group(s, id, out, ids, 1) > 0) {
		out->exact = 1;
		return 1;
	}
	entity_match_free(out);
	return 0;
}
