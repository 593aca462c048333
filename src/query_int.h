/* query_int.h: what query.c (reads) and query_edit.c (the user's entity
 * edits) share; not for other modules: they use query.h. */
#ifndef LEDE_QUERY_INT_H
#define LEDE_QUERY_INT_H

#include <sqlite3.h>

#include "query.h"
#include "util.h"

/* Most ids one entity name may resolve to (one per type, spelling
 * variants that fold alike, and the entities the user merged). */
#define MAX_IDS 64

/* Whether the user has entity edits, with temp.entity_eff brought up to
 * date when so (see query_edit.c): readers join it only then. */
int query_edits_active(store *s);

/* Copies a (possibly NULL) text column. */
static inline char *column_dup(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	return t ? xstrdup(t) : NULL;
}

/* A bound parameter of a statement under construction. */
typedef struct sql_param {
	int is_int;
	int64_t i;
	const char *s;
} sql_param;

/* SQL text with its parameters, built up piece by piece. */
typedef struct sql_builder {
	strbuf sql;
	sql_param p[64 + 4 * MAX_IDS];
	int n;
	strlist owned;  /* strings the parameters point into */
} sql_builder;

/* Statements built from pieces (query_filter.c). */
void sqlb_init(sql_builder *b);
void sqlb_free(sql_builder *b);
void sqlb_text(sql_builder *b, const char *s);
void sqlb_int(sql_builder *b, int64_t v);
sqlite3_stmt *sqlb_prepare(store *s, sql_builder *b, char **err);
/* Adds the user's search as a bound FTS5 expression. */
void sqlb_search(sql_builder *b, const char *user);

/* The list's rows (query.c): the SELECT of a row's columns (with its
 * marks) from article a, "WHERE 1" for conditions to follow; a row from
 * its result. */
void select_row_columns(store *s, sql_builder *b);
void row_from_stmt(sqlite3_stmt *st, article_row *r);

/* Relevance order (query_rank.c). A ranking: a filter's articles, best
 * first, shared between connections to the same store. */
typedef struct ranking ranking;
/* True when the filter is listed by relevance (the order asked, and a
 * search). */
int rank_applies(const query_filter *f);
/* The filter's ranking, made now or kept from before for the same filter
 * and store; NULL with *err. Give it back with rank_release. */
ranking *rank_get(store *s, const query_filter *f, char **err);
void rank_release(ranking *r);
/* A page of r as query_page pages (its rows carry their score in
 * key.rank); -1 with *err. */
int rank_rows(store *s, const query_filter *f, const ranking *r, const query_key *after,
	      int backward, int limit, article_row *rows, char **err);
/* The filter's rows in relevance order, or those before key (not NULL):
 * query_count and query_index_of. -1 with *err. */
int64_t rank_count(store *s, const query_filter *f, const query_key *key, char **err);

/* A text column made safe for a terminal or a TSV line (new string). */
char *column_printable(sqlite3_stmt *st, int col);

/* The message for a search SQLite refused (FTS5's words made readable). */
char *search_error(store *s, const char *search);

/* True when a search has something to look for. */
int search_given(const char *search);

/* The entity ids filter entity e stands for (at most MAX_IDS): its
 * resolved ones, or, not resolved yet, resolved now as
 * query_filter_resolve would. */
int filter_entity_ids(store *s, const filter_entity *e, int64_t *ids);

/* Appends a SELECT of the ids of the articles the filter lets through. */
void filtered_ids(store *s, sql_builder *b, const query_filter *f);

/* How a condition on a set of articles joins a list query. A page of the
 * list walks the date index newest first and stops after a screenful:
 * for a set that holds a good share of the store, probing each article
 * walked (EXISTS on a primary key) finds a page in a few hundred probes,
 * where building the set first (IN) would read all of it. A small set is
 * better built first and sorted. Counts always read the set. */
enum { WHERE_SET = 0, WHERE_PAGE = 1 };

/* Appends the filter's conditions (each starting with " AND") on
 * article alias a, for a list walked in date order (WHERE_PAGE) or a
 * count (WHERE_SET). */
void where_filter(store *s, sql_builder *b, const query_filter *f, int mode);

/* True when the filter's articles can be found on the indexes alone. */
int set_applies(const query_filter *f);

/* Appends the ids of the filtered articles as a compound SELECT over the
 * indexes alone when set_applies; 0 (nothing appended) otherwise. */
int set_select(store *s, sql_builder *b, const query_filter *f);

/* A filter's parts, each read alone by filter_bitmap: its entities, one
 * part each, then FILTER_PARTS_OTHER parts (the search; the dates; the
 * marks and article), then its NOT entities, one part each. */
#define FILTER_PARTS_OTHER 3
size_t filter_parts(const query_filter *f);

/* The number of parts ANDed: the wanted entities and the others (the
 * NOT parts follow them). */
size_t filter_parts_and(const query_filter *f);

/* The entity part i stands for, or NULL when it is one of the others. */
const filter_entity *filter_part_entity(const query_filter *f, size_t i);

/* The articles the filter lets through as a new bitmap over article ids
 * 0..max_article (a bit per id, in words of 64, up to the end of the
 * doc values' chunk of max_article), leaving out the parts whose skip[]
 * is set (skip may be NULL). A filter of NOT parts only (once skipped
 * ones are left out) starts from every id, articles or not. NULL with
 * *err when a part fails (a malformed search). */
uint64_t *filter_bitmap(store *s, const query_filter *f, const unsigned char *skip,
			int64_t max_article, char **err);

/* The articles the filter lets through as filter_bitmap's bitmap (no
 * part skipped), exact: its entities in at least 1/32 of the store
 * tested on each marked article's doc values instead of read from their
 * index (facets_count.c). For counts. NULL with *err. */
uint64_t *filter_bitmap_exact(store *s, const query_filter *f, int64_t max_article, char **err);

/* ORs into bits (ids up to max_article) the articles at key and after it
 * in the list's order (older, or as old with a smaller id). For the
 * cursor's index on bitmaps. 0, or -1 with *err. */
int mark_from_key(store *s, const query_key *key, uint64_t *bits, int64_t max_article,
		  char **err);

/* Articles mentioning any of ids (an upper bound: the entities' own
 * counts added up). */
int64_t entity_articles(store *s, const int64_t *ids, int n);

/* Runs a one-integer statement with up to two bound values (text, or
 * int64 ids when text is NULL); -1 on error. */
int64_t query_one_int(store *s, const char *sql, const char *text, const int64_t *ids, int n);

/* Whether entity e (x: its edits in temp.entity_eff) is of confidence:
 * evidence for its type somewhere in the corpus (store_type.c), or the
 * user edited it. */
#define CONFIDENT_PLAIN "(e.evidence > 0 OR e.learned)"
#define CONFIDENT_EDITED "(e.evidence > 0 OR e.learned OR x.id IS NOT NULL)"

#endif
