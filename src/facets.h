/* facets.h: what facets.c offers besides query.h's query_facets and
 * query_each_facet: how they count, for tests and benchmarks. */
#ifndef LEDE_FACETS_H
#define LEDE_FACETS_H

#include "store.h"

enum {
	FACETS_AUTO = 0,  /* doc values, SQL where they cannot answer */
	FACETS_SQL = 1,   /* SQL over article_entity, as stores without doc values */
	FACETS_DOCVAL = 2 /* doc values only: an error where they cannot answer */
};

/* Sets how facets of a filter are counted (FACETS_*): tests compare the
 * two ways, benchmarks time both. */
void facets_use(store *s, int mode);

#endif
