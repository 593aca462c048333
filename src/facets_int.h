/* facets_int.h: what facets.c (the rows of facets) and facets_count.c
 * (counting a filter's articles on the doc values) share; query.c's
 * counts use facets_count.c too (filter_bitmap_exact, query_int.h). */
#ifndef LEDE_FACETS_INT_H
#define LEDE_FACETS_INT_H

#include <stdint.h>

#include "query_int.h"

/* facets_docval's answer when the doc values cannot be read (a chunk
 * missing or malformed): the caller counts with SQL instead. */
#define FACETS_FALLBACK (-2)

/* What counting needs while it walks the chunks. */
typedef struct counter {
	int64_t n_ids;       /* entity ids 0..n_ids-1 */
	uint32_t *articles;  /* by entity id, or by group id after edits */
	/* Mentions beyond one per article counted, by the same id: most
	 * entities are mentioned once, so the loop seldom touches a second
	 * array. Unsigned arithmetic wraps: a row of 0 mentions adds -1. */
	uint64_t *extra;
	int64_t *group;      /* with edits: entity id -> its group's id, 0 hidden */
	int64_t *seen;       /* with edits: the last article counted for a group */
	/* The filter's common entities, tested on each article's own ids
	 * (scan_terms): by entity id, a bit per term naming it; an article
	 * passes when it has every bit of need and none of forbid. Its ids
	 * past max_term are not read for the test: common entities, named
	 * early in a corpus, have small ids. */
	uint32_t *terms, need, forbid;
	uint64_t max_term;
	/* Count the articles the filter leaves out, not those it lets
	 * through: their counts are the store's totals less these. */
	int complement;
	/* Set: no counting, the articles of these bits (the filter's,
	 * counter.terms not yet tested) that fail the terms are unmarked
	 * (filter_bitmap_exact). */
	uint64_t *resolve;
	uint64_t *ids, *ms;  /* with edits: one article's entities, decoded */
	size_t cap;
} counter;

/* Counts the entities of the articles the filter lets through (marked
 * in bits, ids 0..max_article, and passing counter.terms), or of those
 * it leaves out when counter.complement, from the doc values; with
 * counter.resolve, unmarks there those failing the terms instead. 0,
 * FACETS_FALLBACK, or -1. */
int count_chunks(store *s, counter *k, const uint64_t *bits, int64_t max_article);

/* One integer from a statement without parameters (0 for NULL), or -1. */
int64_t single_int(store *s, const char *sql);

/* Decides which entity parts of the filter (filter_bitmap's numbering)
 * are tested in the scan, and sets their bits in k. Sets in_scan[i].
 * Returns the share of the articles they are expected to let through
 * (as if the entities were independent). */
double scan_terms(store *s, const query_filter *f, counter *k, int64_t max_article,
		  unsigned char *in_scan);

/* Maps each entity to its group after the user's edits (temp.entity_eff:
 * merged ones to the end of their chain, hidden ones to 0). */
int load_groups(store *s, counter *k);

/* Frees what a counter holds. */
void counter_free(counter *k);

#endif
