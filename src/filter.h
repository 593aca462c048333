/* filter.h: the filter that narrows the article list, as one object the
 * CLI, the interface's panes and the queries share: its entities (each
 * resolved once to the entity ids it stands for), a search, a date range
 * and the user's marks. Building and describing it needs no store;
 * resolving its entities does (query_filter_resolve, query.h). */
#ifndef LEDE_FILTER_H
#define LEDE_FILTER_H

#include <stddef.h>
#include <stdint.h>

/* One entity of the filter. It is given either by a spec (what a person
 * typed: a name, an alias or TYPE:NAME) or by an entity id (what a pane
 * picked: the sidebar's row, the card's entity). Resolving gives the
 * entity ids it stands for, merged groups expanded, so that every query
 * and every pane compares ids, never names. */
typedef struct filter_entity {
	char *spec;      /* as given, or NULL when given by id */
	int64_t entity;  /* the entity picked (the group as the user sees it), or 0 */
	char *label;     /* how it is shown: the entity's name once resolved, else spec */
	int type;        /* its type (entity_type) when one entity, else -1 */
	int negated;     /* articles that do NOT mention it */
	int64_t *ids;    /* the entity ids it stands for, after resolving */
	int n_ids;       /* -1: not resolved yet */
} filter_entity;

/* The filter. A zeroed struct (or query_filter_init) lets everything
 * through. */
typedef struct query_filter {
	filter_entity *ents;   /* all wanted ones must be mentioned (AND), no
	                        * negated one may be */
	size_t n_ents, cap_ents;
	char *search;          /* full-text query as typed, or NULL */
	char *since, *until;   /* ISO date bounds, inclusive, or NULL */
	int starred_only;
	int unread_only;
	int64_t article_id;    /* only this article (0: any) */
	int order;             /* QUERY_BY_DATE or QUERY_BY_RELEVANCE: how the
	                        * list is ordered, not what it lets through */
} query_filter;

/* The list's order: newest first, or a search's best matches first
 * (bm25, a word in the title weighing most; query_rank.c). Without a
 * search, relevance is the date order. */
enum { QUERY_BY_DATE = 0, QUERY_BY_RELEVANCE = 1 };

void query_filter_init(query_filter *f);
void query_filter_free(query_filter *f);
void query_filter_copy(query_filter *dst, const query_filter *src);

/* Adds an entity by spec, or, when entity is not 0, by id (label: its
 * name, for showing until it is resolved; type: its type or -1). One
 * already there that names the same (same spec, folded, or same id) is
 * replaced, so adding again flips a negation rather than doubling it.
 * Returns its index. */
size_t filter_add(query_filter *f, const char *spec, int negated);
size_t filter_add_entity(query_filter *f, int64_t entity, const char *label, int type,
                         int negated);

/* Adds a copy of entity e (resolved or not) with the negation given. */
size_t filter_add_copy(query_filter *f, const filter_entity *e, int negated);

/* Removes entity i; negates it (wanted <-> excluded). */
void filter_remove(query_filter *f, size_t i);
void filter_negate(query_filter *f, size_t i);

/* Empties the filter: entities, search and dates (the marks too); the
 * order stays. */
void filter_clear(query_filter *f);

/* True when the filter lets every article through. */
int filter_is_empty(const query_filter *f);

/* The number of negated entities. */
size_t filter_count_negated(const query_filter *f);

/* True when entity id (a group as readers see it, or any member) is one
 * the filter wants (a resolved, not negated entity holds it). */
int filter_wants(const query_filter *f, int64_t id);

/* Index of the entity of the filter (wanted or negated) that holds id,
 * or -1. */
long filter_find(const query_filter *f, int64_t id);

/* The filter in a line, as the status line shows it: " +Name -Name /words
 * 2020-01-01..2020-12-31" (labels as they are: the caller escapes). New
 * string, "" when empty. */
char *filter_describe(const query_filter *f);

/* Sets entity i's resolution: the ids it stands for, its label and type
 * (label NULL: unchanged). For query_filter_resolve. */
void filter_set_resolved(filter_entity *e, const int64_t *ids, int n, const char *label,
                         int type);

#endif
