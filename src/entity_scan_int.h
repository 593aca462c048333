/* entity_scan_int.h: what the scanner's three files share: entity_scan.c
 * (the walk of a field, gazetteer names, sport context, headlines),
 * entity_scan_cue.c (names after cue words) and entity_scan_name.c
 * (runs of capitalized words). */
#ifndef LEDE_ENTITY_SCAN_INT_H
#define LEDE_ENTITY_SCAN_INT_H

#include "entity_int.h"

/* What the cue words before a name say about it, carried from token to
 * token while ent_scan_field walks a field. */
typedef struct pending {
	int type;   /* the type a cue before a name gives it, or -1 */
	int weight; /* that evidence's weight (EV_DEF, EV_CUE, EV_WEAK) */
	bool title; /* after a title ("Tổng thống") */
	bool honor; /* after an honorific ("ông", "Mr") */
	/* after an administrative word ("tỉnh", "TP."): its first token and
	 * the token after it; the place named there is highlighted with it */
	size_t admin, admin_end;
	/* after a road's noun and "như", "gồm" or ":" ("các tuyến đường
	 * như | A, B"): the token where the list of roads starts */
	size_t road_list;
} pending;

/* entity_scan.c */
/* Takes the administrative word before candidate c into its span. */
void ent_admin_span(ctx *x, const pending *pd, cand *c);
/* Whether tokens k..e-1 are a sport team's name in this context. */
bool ent_sport_team(const ctx *x, size_t k, size_t e);
/* Whether tokens k..e-1 name a club. */
bool ent_club_name(ctx *x, size_t k, size_t e);
/* Marks tokens k..e-1 as a product (no entity); returns e. */
size_t ent_add_product(ctx *x, size_t k, size_t e);

/* entity_scan_cue.c */
/* The names a cue word at token k starts; the token after what it took. */
size_t ent_scan_cue(ctx *x, pending *pd, size_t k);
/* A lower office of a body at token k; the token after it, or k. */
size_t ent_scan_lower_office(ctx *x, pending *pd, size_t k);
/* A unit's head at token k; the token after it, or k. */
size_t ent_scan_unit_head(ctx *x, const pending *pd, size_t k);

/* entity_scan_name.c */
/* A run of capitalized words at token k as a candidate; the token
 * after the run. */
size_t ent_scan_name(ctx *x, pending *pd, size_t k);

#endif
