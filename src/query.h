/* query.h: everything that reads the store: filtered, paged article
 * lists, one article with its mentions, entity facets and statistics.
 * The CLI and the interface both read through here and nothing else. */
#ifndef LEDE_QUERY_H
#define LEDE_QUERY_H

#include <stdint.h>

#include "entity.h"
#include "filter.h"
#include "store.h"
#include "util.h"

/* Position of a row in list order (newest first): paging is by key,
 * never by OFFSET, so a page costs the same at row 10 and row 900,000.
 * In relevance order the key is (rank, id). */
typedef struct query_key {
	char sortdate[17];  /* ISO date as stored, "" when undated */
	int64_t id;
	double rank;        /* relevance order: the row's bm25 score (best,
	                     * the lowest, first); 0 in date order */
} query_key;

typedef struct article_row {
	int64_t id;
	query_key key;
	char date[17];      /* ISO to the precision known, "" when none */
	char *title;        /* printable (no control characters) */
	char *source;       /* the file's name without folder, its bytes as they
	                     * are: text_escaped before showing */
	int read, starred;
} article_row;

void article_row_free(article_row *r);

/* Fills up to `limit` rows after `after` (NULL: from the first row) in list
 * order, or before it when backward is set (rows still come out in list
 * order). Returns the number of rows, or -1 with *err set (a malformed
 * search, an unknown entity is not an error: it matches nothing). */
int query_page(store *s, const query_filter *f, const query_key *after, int backward,
               int limit, article_row *rows, char **err);

/* Counts the rows the filter lets through. -1 with *err on error. */
int64_t query_count(store *s, const query_filter *f, char **err);

/* Counts the rows before key in list order (the cursor's index). */
int64_t query_index_of(store *s, const query_filter *f, const query_key *key, char **err);

/* An entity mention of a shown article. */
typedef struct query_mention {
	int64_t entity_id;
	entity_type type;
	article_field field;
	int64_t start, end;
	char *surface;   /* owned by the article_full, as is canonical */
	char *canonical;
} query_mention;

/* One article for reading. */
typedef struct article_full {
	int64_t id;
	char date[17];
	char *title, *dateline, *lede, *caption, *credit, *body, *lang, *hash;
	strlist paths;        /* every file that holds this content */
	int read, starred;
	query_mention *mentions;
	size_t n_mentions;
	/* what the mentions' strings point into: one copy of each entity's
	 * name, and one block of all their surface texts */
	strlist mention_names;
	char *mention_text;
} article_full;

/* Loads article `id` (or, when id is 0, the one stored for file `path`).
 * Returns 1 found, 0 not found, -1 error with *err. */
int query_article(store *s, int64_t id, const char *path, article_full *out, char **err);
void article_full_free(article_full *a);

/* Renders an article as one JSON object (its fields by SQLite's JSON
 * functions, its mentions escaped the same way). New string, or NULL
 * with *err. */
char *query_article_json(store *s, int64_t id, char **err);
/* The same for an article loaded by query_article. */
char *query_article_json_of(store *s, const article_full *a, char **err);

/* Streams the whole filtered list, in list order, to fn a page at a time
 * (the CLI's list: it writes each page as it comes). The list is paged as
 * query_page pages it, so the first page comes as soon as the
 * interface's would, whatever the filter and the size of the result; all
 * pages are read in one read transaction. A non-zero return from fn
 * stops. Returns 0, or -1 with *err. */
typedef int (*query_page_fn)(void *ctx, const article_row *rows, int n);
int query_each_page(store *s, const query_filter *f, query_page_fn fn, void *ctx, char **err);

/* The same, a row at a time. */
typedef int (*query_row_fn)(void *ctx, const article_row *row);
int query_each(store *s, const query_filter *f, query_row_fn fn, void *ctx, char **err);

/* An entity with its count within a result set. */
typedef struct facet_row {
	int64_t id;
	entity_type type;
	char *name;
	int64_t articles;  /* articles of the result set that mention it */
	int64_t mentions;
	char *aliases;     /* "Mỹ|United States|US", or NULL */
} facet_row;

void facet_row_free(facet_row *r);

/* The entities of the articles the filter lets through, most frequent
 * first. type < 0: all types. prefix (any case and diacritics) narrows by
 * name or alias. Returns the number of rows (<= limit) or -1. */
int query_facets(store *s, const query_filter *f, int type, const char *prefix, int limit,
                 facet_row *rows, char **err);

/* Streams every facet row (same order and meaning as query_facets, no
 * limit) to fn; a non-zero return from fn stops. */
typedef int (*query_facet_fn)(void *ctx, const facet_row *row);
int query_each_facet(store *s, const query_filter *f, int type, const char *prefix,
                     query_facet_fn fn, void *ctx, char **err);

/* Entities of low confidence, those whose type nothing in the corpus
 * proves (its only articles guessed it), are left out of facets and of
 * an article's mentions unless all is set; --entity and lookups find
 * them either way, and so do the entities the user edited. */
void query_all_entities(store *s, int all);

/* Resolves a name or alias to entity ids (one alias may name several
 * entities of different types). Returns the count, 0 when unknown. */
int query_resolve_entity(store *s, const char *name, int64_t *ids, int max);

/* Resolves the filter's entities, each once, to the entity ids they
 * stand for after the user's edits: one given by id, to its merged group
 * (label and type as the user now sees them); one given by spec, to the
 * entities query_entity_lookup finds for it (its own name before
 * aliases), their groups expanded. An entity that resolves to nothing
 * matches no article. Call it again when the store or the edits change.
 * 0, or -1 with *err. Queries resolve what is not resolved yet on the
 * fly, the same way. */
int query_filter_resolve(store *s, query_filter *f, char **err);

/* An entity as the user sees it, after their edits (see below). */
typedef struct entity_match {
	int64_t id;        /* the entity; merged ones: the one they were merged into */
	entity_type type;  /* after retype */
	char *name;        /* after rename */
	int hidden;
	int exact;         /* the name given is its own name, not an alias */
} entity_match;

void entity_match_free(entity_match *m);

/* Finds the entities NAME names (any alias, any case and diacritics;
 * "TYPE:NAME" keeps those of that type), after the user's edits. When
 * NAME is the own name of some of them, only those. Returns the count
 * (<= max; more than one: ambiguous), 0 when unknown, -1 with *err. */
int query_entity_lookup(store *s, const char *name, entity_match *out, int max, char **err);

/* Entity id as the user sees it after their edits: the one it was
 * merged into, its name, type and hidden flag (out->exact is 1). 1 when
 * found, 0 when there is no such entity. For the interface, which holds
 * entities by id. */
int query_entity_get(store *s, int64_t id, entity_match *out);

/* Per-user entity edits, kept in the state database by the entity's
 * (type, key) so they survive re-ingest and rebuilding the store, and
 * applied by every query here: entities list and facets, --entity
 * resolution, an article's mentions. ids come from query_entity_lookup.
 * Renaming or retyping to the store's own value undoes the edit. Each
 * returns 0 or -1 with *err. */
int query_entity_rename(store *s, int64_t id, const char *name, char **err);
int query_entity_merge(store *s, int64_t id, int64_t into, char **err);
int query_entity_unmerge(store *s, int64_t id, char **err);
int query_entity_retype(store *s, int64_t id, entity_type t, char **err);
int query_entity_hide(store *s, int64_t id, int hidden, char **err);

/* One recorded edit, for `lede entity edits`. */
typedef struct query_edit_row {
	const char *op;    /* rename, merge, retype, hide */
	const char *type;  /* the entity's type in the store */
	const char *name;  /* its name in the store (its key if absent) */
	const char *arg;   /* new name, TYPE:NAME merged into, new type, or NULL */
	const char *at;    /* UTC date and time of the edit */
} query_edit_row;

typedef int (*query_edit_fn)(void *ctx, const query_edit_row *row);
int query_each_entity_edit(store *s, query_edit_fn fn, void *ctx, char **err);

/* Checks a full-text search before it is used: 0 when it is fine (or
 * blank: no search), 1 when it is malformed or has more than 64 words,
 * with *err saying why in a reader's words ("malformed query '...': ..."),
 * -1 when the store failed, with *err. */
int query_check_search(store *s, const char *search, char **err);

/* Per-user marks. */
int query_set_read(store *s, int64_t id, int read);
int query_set_starred(store *s, int64_t id, int starred);

typedef struct store_stats {
	int64_t articles, files, entities, mentions;
	int64_t per, org, loc;
	int64_t read, starred;
	int64_t db_bytes;
	char oldest[17], newest[17];
} store_stats;

int query_stats(store *s, store_stats *st, char **err);

/* True when another process changed the store since the last call
 * (PRAGMA data_version): the interface polls this when idle. */
int query_store_changed(store *s);

#endif
