/* entity_en.c: what the words around a name say of it in English news,
 * beyond the cue before it: the business words that make a one-word
 * company an organization though it "said" things (Citigroup, Gartner),
 * the work nouns whose titles are no entity ("the film X"), and the
 * sponsors written before an event ("RBS Six Nations"). The words are
 * en-words.txt's kinds corp-pre, corp-post and work (phrase.en_word). */
#include "config.h"

#include "entity_int.h"

/* Whether token k is the one-character punctuation c. */
static bool punct_is(const ctx *x, size_t k, char c)
{
	return k < x->nt && !(x->t[k].flags & T_WORD) && x->t[k].end - x->t[k].start == 1 &&
	       x->text[x->t[k].start] == c;
}

/* The token after a possessive 's at token e ("X's"), or e itself. */
static size_t after_possessive(const ctx *x, size_t e)
{
	if (e + 1 < x->nt && !(x->t[e].flags & T_WORD) && !(x->t[e].flags & T_SPACE) &&
	    (x->text[x->t[e].start] == '\'' ||
	     (x->t[e].end - x->t[e].start == 3 &&
	      memcmp(x->text + x->t[e].start, "\xe2\x80\x99", 3) == 0)) &&
	    x->t[e + 1].end - x->t[e + 1].start == 1 && x->text[x->t[e + 1].start] == 's' &&
	    !(x->t[e + 1].flags & T_SPACE))
		return e + 2;
	return e;
}

/* Whether the business word at token q is followed by what ends a
 * noun phrase: the company is described, not its staff ("X, a
 * tourism firm," but not "X, a company director"). */
static bool phrase_ends(const ctx *x, size_t q)
{
	return q >= x->nt || !(x->t[q].flags & T_WORD) || (x->t[q].flags & T_BREAK);
}

/* Whether an appositive after the name at token e describes a company:
 * ", a small tourism firm,", ", the retailer." (up to five words after
 * the article). */
static bool corp_appositive(ctx *x, size_t e)
{
	if (!punct_is(x, e, ',') || e + 1 >= x->nt)
		return false;
	size_t q = e + 1;
	if (!ent_written(x, q, "a") && !ent_written(x, q, "an") && !ent_written(x, q, "the"))
		return false;
	for (size_t n = 0, j = q + 1; n < 5 && j < x->nt && (x->t[j].flags & T_WORD); n++, j++)
		if ((ent_en_word(x, j) & EN_CORP_PRE) && phrase_ends(x, j + 1) &&
		    !punct_is(x, j + 1, '\''))
			return true;
	return false;
}

/* Whether the words before the name at token k name it as a company:
 * "banking giant X", "analysts X", "retailer, X," "firm - X" (corp-pre);
 * "shares in X", "chief executive of the X" (corp-of, then of / in /
 * at / for, "the" allowed; not before a possessive: "boss of Lee's
 * firm"); "an economist at X" (a title and "at"). */
static bool corp_before(ctx *x, size_t k, size_t e)
{
	if (k == 0)
		return false;
	size_t b = k - 1;
	/* "the world's largest retailer, Wal-Mart, has" */
	if (punct_is(x, b, ',') && b > 0 && (ent_en_word(x, b - 1) & EN_CORP_PRE) &&
	    (punct_is(x, e, ',') || punct_is(x, e, '.')))
		return true;
	if (punct_is(x, b, '-') && (x->t[b].flags & T_SPACE) && b > 0 &&
	    (ent_en_word(x, b - 1) & EN_CORP_PRE))
		return true;
	if (ent_en_word(x, b) & EN_CORP_PRE)
		return true;
	/* "chief executive of Lee's company": of the possessive's noun */
	if (after_possessive(x, e) != e)
		return false;
	if (b > 0 && ent_written(x, b, "the"))
		b--;
	if (b == 0 || !(ent_written(x, b, "in") || ent_written(x, b, "of") ||
	                ent_written(x, b, "at") || ent_written(x, b, "for")))
		return false;
	if (ent_en_word(x, b - 1) & EN_CORP_OF)
		return true;
	unsigned kinds;
	return ent_written(x, b, "at") && (x->t[b - 1].flags & T_LOWER) &&
	       cue_at(x, b - 1, &kinds) == 1 && (kinds & CUE_TITLE);
}

/* The organization evidence the words around the English name at tokens
 * [k, e) give: EV_DEF when a business word names it as a company
 * (corp_before; after it "X shares", "X's chief executive", "X boss":
 * corp-post with an "'s" and "chief" allowed between; ", a tourism
 * firm,"), which outweighs the "said" of a name that could be a
 * person's; else 0. */
int ent_en_org_evidence(ctx *x, size_t k, size_t e)
{
	if (!x->en)
		return 0;
	/* "LG Group, a conglomerate": a suffix alone is no company */
	unsigned kinds;
	if (e - k == 1 && cue_at(x, k, &kinds) == 1 &&
	    (kinds & (CUE_ORG_SUFFIX | CUE_ORG_HEAD | CUE_ORG_HEAD_LOC)))
		return 0;
	if (corp_before(x, k, e))
		return EV_DEF;
	/* "Joel Naroff of First Union bank": only a run of capitals */
	for (size_t q = k; q < e; q++)
		if (x->t[q].flags & T_LOWER)
			return corp_appositive(x, e) ? EV_DEF : 0;
	size_t a = after_possessive(x, e);
	if (ent_written(x, a, "chief"))
		a++;
	if (ent_en_word(x, a) & EN_CORP_POST)
		return EV_DEF;
	return corp_appositive(x, e) ? EV_DEF : 0;
}

/* Whether the English name at tokens [k, *e) is the title of a work
 * named by the word before it ("the film Saving Private Ryan", "the game
 * Grand Theft Auto", "the sequel to X"); a subtitle after a colon joins it (*e moves past
 * it: "Grand Theft Auto: San Andreas"). In sport news "game" and
 * "series" are matches; a one-word title only before punctuation or an
 * auxiliary ("the film Hellboy.", "the movie Robots has opened"), as "the
 * film Moore made" is a person. */
bool ent_en_work(ctx *x, size_t k, size_t *e)
{
	if (!x->en || k == 0 || x->sport)
		return false;
	/* "the sequel to X", "a remake of X", "the adaptation, The X," */
	size_t w = k - 1;
	if (w > 0 && ent_written(x, w, "The"))
		w--;
	if (w > 0 && punct_is(x, w, ',') && punct_is(x, *e, ','))
		w--;
	else if (w > 0 && (ent_written(x, w, "to") || ent_written(x, w, "of")))
		w--;
	if (!(ent_en_word(x, w) & EN_WORK))
		return false;
	/* "the film Hellboy.", "the movie Robots has opened" */
	if (*e - k < 2 && !phrase_ends(x, *e) &&
	    !(ent_written(x, *e, "is") || ent_written(x, *e, "was") || ent_written(x, *e, "has") ||
	      ent_written(x, *e, "had") || ent_written(x, *e, "will")))
		return false;
	if (punct_is(x, *e, ':') && namey(x, *e + 1)) {
		bool ho, hl, mi;
		*e = ent_name_run(x, *e + 1, &ho, &hl, &mi);
	}
	return true;
}

/* Whether a work noun follows the English name ending before token e
 * ("the Spider-Man series", "a third Spider-Man film"). */
bool ent_en_work_after(ctx *x, size_t e)
{
	return x->en && !x->sport && e < x->nt && (x->t[e].flags & T_LOWER) &&
	       (ent_en_word(x, e) & EN_WORK);
}

/* Whether the English name ending before token e is a sponsor written
 * before an event's name ("the RBS Six Nations"): part of the event. */
bool ent_en_sponsor(ctx *x, size_t e)
{
	if (!x->en || e >= x->nt)
		return false;
	match g = gaz_at(x, e);
	return g.p && g.p->type == ENT_MISC;
}

/* Whether the English name at tokens [k, e) is a bill, a law in the
 * making, by its last word ("the Children Bill"); a "Bill" inside a run
 * is a given name ("Bill Gates"). */
bool ent_en_bill(ctx *x, size_t k, size_t e)
{
	return x->en && e - k >= 2 && ent_written(x, e - 1, "Bill");
}
