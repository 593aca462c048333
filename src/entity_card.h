/* entity_card.h: everything about one entity, after the user's edits:
 * its name, type, aliases, counts, first and last date, articles per
 * period and the entities most often beside it. The interface's entity
 * card and `lede entity show`. */
#ifndef LEDE_ENTITY_CARD_H
#define LEDE_ENTITY_CARD_H

#include <stdint.h>

#include "query.h"
#include "store.h"
#include "timeline.h"

/* Entities listed beside one. */
#define CARD_WITH 10

typedef struct entity_card {
	int64_t id;           /* as query_entity_lookup gives it */
	entity_type type;
	char *name;
	int hidden;
	char *aliases;        /* "Hanoi|TP Hà Nội", or NULL */
	int64_t articles, mentions;
	timeline time;        /* its articles per period; first and last date */
	facet_row with[CARD_WITH];
	int nwith;
} entity_card;

/* The card of the entity m names (from query_entity_lookup). Returns 0,
 * or -1 with *err. */
int query_entity_card(store *s, const entity_match *m, entity_card *out, char **err);
void entity_card_free(entity_card *c);

#endif
