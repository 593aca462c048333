/* entity_type.c: the type of an entity from its evidence (entity_int.h,
 * EV_DEF, EV_CUE, EV_WEAK). */
#include "config.h"

#include "entity_int.h"

/* Type with the most evidence, or -1 when there is none. */
int ent_best_type(const int *score)
{
	int best = -1, bs = 0;
	for (int t = 0; t < 3; t++)
		if (score[t] > bs)
			bs = score[t], best = t;
	return best;
}

/* The type a linked name's mentions get, or -1 for none: the type with
 * the most evidence; a capitalized name of several words with none is a
 * person, as a guess (its mentions' evidence stays zero) that the
 * store's corpus typing may overrule; a name never written where
 * capitals are evidence has none. */
int ent_mention_type(const uniq *r)
{
	/* "the film Saving Private Ryan": a work, whatever its shape */
	if (r->work)
		return -1;
	int type = ent_best_type(r->score);
	/* an acronym, or a name of acronyms ("ABN AMRO"): an organization */
	if (type < 0 && !r->gaz && r->acro && !r->nodefault)
		type = ENT_ORG;
	if (type < 0 && !r->gaz && r->ntok >= 2 && !r->nodefault)
		type = ENT_PER; /* a capitalized name of several words: a person */
	if (type < 0 || !r->strong)
		return -1;
	return type;
}
