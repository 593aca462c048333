/* entity_enedge.c: the edges of English names and the names given no
 * type as a guess: where a person's name ends before "of" or a
 * possessive, a sentence's first word and a glued prefix that are no
 * part of a name, names written with common words, before an event's
 * noun, or "The" and an organization's word alone (doc/entities.md,
 * "English, sport and culture"). */
#include "config.h"

#include "entity_int.h"

/* Whether the run [k, j) before an English "of" is a person's name, which
 * the "of" does not join to what follows ("Tim Daly of Acme Foods", "said
 * Ana Ruiz of the bank"): two or three capitalized words, the first a
 * given name, none a known name's, an organization's or a place's word
 * ("Bank of America", "Duke of York", "Isle of Man" go on). */
bool ent_en_person_of(ctx *x, size_t k, size_t j)
{
	if (!x->en || j < k + 2 || j > k + 3 || !ent_given_name(x, k))
		return false;
	for (size_t q = k; q < j; q++) {
		unsigned kinds;
		if (!(x->t[q].flags & T_WORD) || (x->t[q].flags & T_LOWER) ||
		    ((x->t[q].flags & T_ALLCAPS) && x->t[q].end - x->t[q].start > 1) ||
		    gaz_at(x, q).p || cue_at(x, q, &kinds))
			return false;
	}
	return true;
}

/* Whether an English person's name starts at token k: a given name, then
 * one or two capitalized words that are no known name's and no cue's,
 * the name's end ("The Office's Ricky Gervais", not "Bank's Ricky Street
 * branch" as a whole). */
bool ent_en_person_at(ctx *x, size_t k)
{
	size_t e = k + 1;
	while (e < x->nt && e < k + 3 && namey(x, e) && (x->t[e].flags & T_SPACE))
		e++;
	return e > k + 1 && !namey(x, e) && ent_en_person_of(x, k, e);
}

/* Whether the capitalized first word of a sentence at token k is a
 * common word before a person's name ("Making Michael Howard leader",
 * "Boss Graeme Souness felt"): no given name, no known name, no
 * organization's or place's word, no capitals; a person's name right
 * after it, or, after a role's or a business's word, two capitalized
 * words. */
bool ent_en_lead_word(ctx *x, size_t k)
{
	const tok *t = &x->t[k];
	unsigned kinds = 0;
	if (!x->en || x->titlecase || !(t->flags & T_INITIAL) || !(t->flags & T_WORD) ||
	    (t->flags & (T_ALLCAPS | T_DIGIT)) || k + 1 >= x->nt ||
	    !(x->t[k + 1].flags & T_SPACE) || ent_en_given(x, k) || gaz_at(x, k).p)
		return false;
	if (cue_at(x, k, &kinds) &&
	    (kinds & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC | CUE_ORG_SUFFIX | CUE_LOC_HEAD |
	              CUE_LOC_SUFFIX | CUE_PARTICLE | CUE_SURNAME)))
		return false;
	if (ent_en_person_at(x, k + 1))
		return true;
	/* "Boss Graeme Souness": a common noun of en-words.txt (a role, a
	 * business word) before two capitalized words, no known name's nor
	 * cue's, that end the run */
	if (!(ent_en_word(x, k) & (EN_CORP_PRE | EN_CORP_POST | EN_CORP_OF | EN_WORK_POST |
	                           EN_BAND_POST | EN_CLUB_POST | EN_CLUB_WORD)) &&
	    !(kinds & CUE_COMMON))
		return false;
	for (size_t q = k + 1; q < k + 3; q++) {
		unsigned qk;
		if (!namey(x, q) || !(x->t[q].flags & T_SPACE) || (x->t[q].flags & T_ALLCAPS) ||
		    gaz_at(x, q).p || cue_at(x, q, &qk))
			return false;
	}
	return !namey(x, k + 3);
}

/* Whether token k is an English prefix glued by a hyphen to a name
 * ("Ex-Downing Street", "Anti-Europe", "Pro-Europeans"): Ex, Anti, Pro,
 * Non, Post, Pre, then "-" and a capitalized word. */
bool ent_en_prefix(ctx *x, size_t k)
{
	static const char *const prefixes[] = {"ex", "anti", "pro", "non", "post", "pre"};
	if (!x->en || k + 2 >= x->nt || !(x->t[k + 1].flags & T_DASH) ||
	    (x->t[k + 1].flags & T_SPACE) || x->text[x->t[k + 1].start] != '-' ||
	    (x->t[k + 2].flags & T_SPACE) || !namey(x, k + 2))
		return false;
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++)
		if (x->t[k].klen == strlen(prefixes[i]) &&
		    memcmp(tkey(x, k), prefixes[i], x->t[k].klen) == 0)
			return true;
	return false;
}

/* Whether the English name at tokens [k, e) is written with a common
 * English word (en-words.txt common: "Small Talk", "Open Water", "Steam
 * Heat") or starts with a verb's -ing form ("Finding Nemo"), as the
 * titles of works and products are and people's names seldom: two words
 * or more, the first no given name and no initial. */
bool ent_en_common_phrase(ctx *x, size_t k, size_t e)
{
	if (!x->en || e < k + 2 || ent_en_given(x, k) || x->t[k].end - x->t[k].start == 1)
		return false;
	/* "Finding Nemo", "Being Julia", "Saving Private Ryan": a title's
	 * first word is often a verb's -ing form, a name's seldom (a known
	 * place's: "Reading", "Beijing") */
	const tok *f = &x->t[k];
	if (f->klen >= 5 && memcmp(tkey(x, k) + f->klen - 3, "ing", 3) == 0 && !gaz_at(x, k).p &&
	    !(f->flags & T_ALLCAPS))
		return true;
	for (size_t q = k; q < e; q++) {
		unsigned kinds = 0;
		if ((x->t[q].flags & T_WORD) && cue_at(x, q, &kinds) == 1 && (kinds & CUE_COMMON))
			return true;
	}
	return false;
}

/* Whether the English name at tokens [k, e) is "The" and an
 * organization's head or last word alone, inside a sentence ("co-wrote
 * The Office", "joined The Bank"): a title or a common noun, since a
 * body's name says whose office or bank it is. */
bool ent_en_the_head(ctx *x, size_t k, size_t e)
{
	unsigned kinds = 0;
	return x->en && e == k + 2 && ent_written(x, k, "The") && !(x->t[k].flags & T_INITIAL) &&
	       !gaz_at(x, k).p && !gaz_at(x, k + 1).p && cue_at(x, k + 1, &kinds) == 1 &&
	       (kinds & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC | CUE_ORG_SUFFIX));
}

/* Whether an event's noun follows the English name ending before token
 * e ("the Rugby Aid match", "the Make Poverty History campaign", "the
 * Tsunami Relief concert"): the name is the event's. */
bool ent_en_event_after(ctx *x, size_t e)
{
	static const char *const nouns[] = {"match",    "concert",  "appeal",   "campaign",
	                                    "festival", "gig",      "ceremony", "telethon",
	                                    "rally",    "marathon", "fundraiser"};
	if (!x->en || e >= x->nt || !(x->t[e].flags & T_LOWER))
		return false;
	for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++)
		if (ent_written(x, e, nouns[i]))
			return true;
	return false;
}
