/* facets.h: what facets.c offers besides query.h's query_facets and
 * query_each_facet: a switch for tests and benchmarks. */
#ifndef LEDE_FACETS_H
#define LEDE_FACETS_H

#include "store.h"

/* Counts facets with SQL over article_entity (sql = 1) instead of the doc
 * values, as stores without them do: tests compare the two, benchmarks
 * time both. */
void facets_use_sql(store *s, int sql);

#endif
