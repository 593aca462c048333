/* entity_en.c: what the words around a name say of it in English news,
 * beyond the cue before it: the business words that make a one-word
 * company an organization though it "said" things (Citigroup, Gartner),
 * the sponsors written before an event ("RBS Six Nations"), bands,
 * stations, given names and surnames, clubs, branches, line-ups. The
 * words are en-words.txt's kinds (phrase.en_word); titles of works and
 * awards are entity_enwork.c's. */
#include "config.h"

#include "entity_int.h"

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

/* Whether an appositive after the name at token e describes a company:
 * ", a small tourism firm,", ", the retailer.", ", the second-largest
 * electronics retailer in the US" (up to five words after the article,
 * the business word last or before "in" or "with"). */
static bool corp_appositive(ctx *x, size_t e)
{
	if (!ent_punct_is(x, e, ',') || e + 1 >= x->nt)
		return false;
	size_t q = e + 1;
	if (!ent_written(x, q, "a") && !ent_written(x, q, "an") && !ent_written(x, q, "the"))
		return false;
	for (size_t n = 0, j = q + 1;
	     n < 6 && j < x->nt &&
	     ((x->t[j].flags & T_WORD) || ((x->t[j].flags & T_DASH) && !(x->t[j].flags & T_SPACE)));
	     n++, j++)
		if ((ent_en_word(x, j) & EN_CORP_PRE) &&
		    ((ent_phrase_ends(x, j + 1) && !ent_punct_is(x, j + 1, '\'')) ||
		     ent_written(x, j + 1, "in") || ent_written(x, j + 1, "with")))
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
	if (ent_punct_is(x, b, ',') && b > 0 && (ent_en_word(x, b - 1) & EN_CORP_PRE) &&
	    (ent_punct_is(x, e, ',') || ent_punct_is(x, e, '.')))
		return true;
	if (ent_punct_is(x, b, '-') && (x->t[b].flags & T_SPACE) && b > 0 &&
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
	/* "X newspaper", "X news agency": no possessive ("Lee's paper");
	 * not before the paper's name ("the Ivorian newspaper Le Soir": an
	 * adjective) */
	size_t p = ent_written(x, e, "news") ? e + 1 : e;
	if ((ent_en_word(x, p) & EN_PRESS_POST) && !namey(x, p + 1))
		return EV_DEF;
	size_t a = after_possessive(x, e);
	if (ent_written(x, a, "chief"))
		a++;
	if (ent_en_word(x, a) & EN_CORP_POST)
		return EV_DEF;
	return corp_appositive(x, e) ? EV_DEF : 0;
}

/* See entity_int.h. */
bool ent_en_person_possessive(ctx *x, size_t e)
{
	size_t a = after_possessive(x, e);
	return x->en && a != e && (ent_en_word(x, a) & EN_PER_POSS);
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

/* Whether a band's word follows the English name at tokens [k, e)
 * ("X frontman", "X's guitarist", "X singer Y", "X lead singer"): a band,
 * an organization, though its name may read as a person's or a place's. */
bool ent_en_band(ctx *x, size_t k, size_t e)
{
	if (!x->en)
		return false;
	size_t a = after_possessive(x, e);
	if (ent_written(x, a, "lead"))
		a++;
	if (a >= x->nt || !(x->t[a].flags & T_LOWER) || !(ent_en_word(x, a) & EN_BAND_POST))
		return false;
	/* "X singer Y" names the band, "pop singer" no one; a place's name
	 * of one word before "singer" is a singer's home ("Devon singer Y") */
	if (ent_written(x, a, "singer") || ent_written(x, a, "vocalist"))
		return a != e || (namey(x, a + 1) && (e - k >= 2 || (x->t[k].flags & T_DIGIT)));
	return !ent_written(x, a, "lead");
}

/* Whether an exclamation mark glued to the English name ending before
 * token e is part of it, as the sentence goes on in lower case ("his
 * days in Wham! through to", "Yahoo! said"): a band's or a company's
 * name, no person's or place's. */
bool ent_en_bang(const ctx *x, size_t e)
{
	return x->en && e + 1 < x->nt && ent_punct_is(x, e, '!') && !(x->t[e].flags & T_SPACE) &&
	       (x->t[e + 1].flags & T_WORD) && (x->t[e + 1].flags & T_LOWER);
}

/* The first token of the English name whose run starts at token k: the
 * number before a one-word run is part of a stage name ("rap star 50
 * Cent"), when the number stands alone (1 or 2 digits after a space, so
 * not "£50", nor a model's "787 Dreamliner"; not after a capitalized
 * word: "Channel 4 News", nor after a count's word: "about 75"), the
 * word is no plural ("50 Britons"), and a title is before the number or
 * a verb or punctuation after the word. */
size_t ent_en_number_name(ctx *x, size_t k, size_t e)
{
	if (!x->en || x->sport || x->titlecase || e != k + 1 || k == 0 ||
	    (x->t[k].flags & T_ALLCAPS) || !(x->t[k].flags & T_SPACE))
		return k;
	const tok *n = &x->t[k - 1];
	if (!(n->flags & T_DIGIT) || n->end - n->start > 2)
		return k;
	for (size_t i = n->start; i < n->end; i++)
		if (x->text[i] < '0' || x->text[i] > '9')
			return k;
	if (!(n->flags & (T_SPACE | T_PARA)) || (k >= 2 && namey(x, k - 2)))
		return k;
	/* "4 GHz", "128 RAM": units and products' codes */
	const tok *t = &x->t[k];
	for (size_t i = t->start + 1; i < t->end; i++)
		if (x->text[i] >= 'A' && x->text[i] <= 'Z')
			return k;
	if (x->text[t->end - 1] == 's')
		return k;
	/* after a title ("rap star 50 Cent"), or before a verb or what ends
	 * a name ("50 Cent appeared", "50 Cent's", "50 Cent,"); not before
	 * a plural noun ("75 Moslem rebels") or a conjunction ("19 Northern
	 * and Eastern states") */
	unsigned kinds;
	if (k >= 2 && (x->t[k - 2].flags & T_LOWER) && cue_at(x, k - 2, &kinds) == 1 &&
	    (kinds & CUE_TITLE))
		return k - 1;
	if (e >= x->nt || !(x->t[e].flags & T_WORD))
		return k - 1;
	if (!(x->t[e].flags & T_LOWER) || ent_written(x, e, "and") || ent_written(x, e, "or"))
		return k;
	/* "about 75 Moslem men": a count of people */
	static const char *const counts[] = {"about", "some", "around", "nearly", "almost",
	                                     "over", "than", "to", "least"};
	for (size_t i = 0; i < sizeof counts / sizeof *counts; i++)
		if (k >= 2 && ent_written(x, k - 2, counts[i]))
			return k;
	if (ent_written(x, e, "men") || ent_written(x, e, "women") || ent_written(x, e, "people") ||
	    ent_written(x, e, "children"))
		return k;
	static const char *const verbs[] = {"has", "is", "was", "says"};
	for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
		if (ent_written(x, e, verbs[i]))
			return k - 1;
	/* "75 Moslem rebels": a plural noun after an adjective */
	return x->text[x->t[e].end - 1] == 's' ? k : k - 1;
}

/* The token after the English name at tokens [k, e) when a station's
 * number follows its last word and joins it ("BBC Radio 2", "Channel
 * 4"): a broadcaster, an organization; else e. */
size_t ent_en_station(ctx *x, size_t k, size_t e)
{
	if (!x->en || e <= k || e >= x->nt || !(ent_written(x, e - 1, "Radio") ||
	                                        ent_written(x, e - 1, "Channel")))
		return e;
	const tok *n = &x->t[e];
	if (!(n->flags & T_DIGIT) || !(n->flags & T_SPACE) || n->end - n->start != 1 ||
	    x->text[n->start] < '0' || x->text[n->start] > '9')
		return e;
	return e + 1;
}

/* Whether a plural verb follows the English name at tokens [k, e) at
 * the head of its sentence ("Black Sabbath are one of", "The Velvet
 * Foxes have reunited"): a group, a band, a team or a company in British
 * usage, never one person; not inside a sentence, where the subject may
 * be another ("the rebels in X have", "Tom Hale and Ann Lee are"). */
bool ent_en_plural_verb(ctx *x, size_t k, size_t e)
{
	if (!x->en || e >= x->nt)
		return false;
	if (!(ent_written(x, e, "are") || ent_written(x, e, "were") || ent_written(x, e, "have")))
		return false;
	/* the head of a sentence, or "the" there ("in Chechnya have" is a
	 * place, the subject is elsewhere) */
	size_t h = k > 0 && (ent_written(x, k - 1, "the") || ent_written(x, k - 1, "The")) ? k - 1 : k;
	if (!(x->t[h].flags & T_INITIAL) && h != 0)
		return false;
	/* a plural word shows its number anyway ("Moslems are") */
	return x->text[x->t[e - 1].end - 1] != 's';
}

/* The end of the English run [k, e) without a last word that no name
 * ends with ("analyst Vadim Mitroshin The dispute": a paragraph's end
 * lost between two sentences). */
size_t ent_en_trim(ctx *x, size_t k, size_t e)
{
	if (x->en && !x->titlecase && e - k >= 2 &&
	    (ent_written(x, e - 1, "The") || ent_written(x, e - 1, "A") ||
	     ent_written(x, e - 1, "An")) &&
	    !ent_given_name(x, e - 2))
		return e - 1;
	return e;
}

/* See entity_int.h. */
bool ent_en_people(ctx *x, size_t k, size_t e)
{
	const tok *t = &x->t[k];
	if (!x->en || e != k + 1 || !(t->flags & T_CAP) || (t->flags & T_ALLCAPS) || t->klen < 4)
		return false;
	if (ent_en_bits(x, k) & EN_PEOPLE)
		return true;
	/* "Canadians", "Iraqis": a nationality adjective's plural */
	const char *key = tkey(x, k);
	return key[t->klen - 1] == 's' && key[t->klen - 2] != 's' &&
	       (ent_cue_kinds(x->ex, key, t->klen - 1) & CUE_STOP) &&
	       (key[t->klen - 2] == 'n' || key[t->klen - 2] == 'i');
}

/* See entity_int.h. */
bool ent_en_nations_adjective(ctx *x, size_t k, size_t e)
{
	if (!x->en || e < k + 3 || !(x->t[e - 2].flags & T_DASH) || (x->t[e - 2].flags & T_SPACE) ||
	    (x->t[e - 1].flags & T_SPACE) || x->text[x->t[e - 2].start] != '-')
		return false;
	unsigned kinds;
	return cue_at(x, e - 1, &kinds) == 1 && (kinds & CUE_STOP) && (x->t[e - 1].flags & T_CAP);
}

/* See entity_int.h. */
bool ent_en_title_word(ctx *x, size_t k)
{
	if (k >= x->nt)
		return false;
	const tok *t = &x->t[k];
	if (!(t->flags & T_WORD) || !(t->flags & T_CAP) ||
	    ((t->flags & T_ALLCAPS) && t->end - t->start > 1))
		return false;
	return (ent_en_bits(x, k) & EN_TITLE_WORD) != 0;
}

/* Whether the capitalized token k starts a person's name as a given name
 * does: one of given-names.txt, or a place's name that is a given name
 * too (en-words.txt given-place: "Sofia", "Paris"). */
bool ent_en_given(ctx *x, size_t k)
{
	return ent_given_name(x, k) || (x->en && (ent_en_bits(x, k) & EN_GIVEN_PLACE));
}

/* Whether the English name at tokens [k, e), of two words or more, is
 * what the person p before it owns ("Clint Eastwood's Million Dollar
 * Baby", a film): p a given name's person, a possessive between, and the
 * name no person's (no given name first) nor proven of a type. */
bool ent_en_persons_thing(ctx *x, const cand *p, size_t k, size_t e)
{
	if (!x->en || e < k + 2 || k < 2 || p->t1 + 2 != k || !ent_en_possessive(x, p->t1) ||
	    !ent_given_name(x, p->t0) || p->t1 - p->t0 < 2 || ent_en_given(x, k) ||
	    gaz_at(x, k).p)
		return false;
	for (size_t q = k; q < e; q++) {
		unsigned kinds = 0;
		if ((x->t[q].flags & T_ALLCAPS) ||
		    (cue_at(x, q, &kinds) && (kinds & ~(CUE_COMMON | CUE_STOP))))
			return false;
	}
	return true;
}

/* Whether the known place g at token k is the given name of a person's
 * name ("writer-director Sofia Coppola"): a given-place right before one
 * capitalized word that is no known name, no cue and the run's last; not
 * in sport news, where the word is as often a team's or an event's
 * ("Sydney Swans", "Sydney International"). */
bool ent_en_given_place(ctx *x, size_t k, const match *g)
{
	if (!x->en || x->titlecase || x->sport || !g->p || g->ntok != 1 || g->p->type != ENT_LOC ||
	    !(ent_en_bits(x, k) & EN_GIVEN_PLACE))
		return false;
	size_t j = k + 1;
	unsigned kinds;
	if (!namey(x, j) || !(x->t[j].flags & T_SPACE) || (x->t[j].flags & T_ALLCAPS) ||
	    gaz_at(x, j).p || cue_at(x, j, &kinds) || namey(x, j + 1) ||
	    (j + 1 < x->nt && (x->t[j + 1].flags & T_DASH) && !(x->t[j + 1].flags & T_SPACE)))
		return false;
	return true;
}

/* Whether the English run [k, e), which ends with an organization's
 * suffix that is a common surname too (en-words.txt surname-suffix), is a
 * person's name: a given name before it ("Charlotte Church"), or a given
 * name and a middle name ("Thomas Haden Church"); the middle word no cue,
 * no word of en-words.txt ("Royal Opera House") and no adjective of a
 * faith or a use ("Grace Baptist Church", "Grace Memorial House": -ist,
 * -an, -ic, -al). */
bool ent_en_surname_suffix(ctx *x, size_t k, size_t e)
{
	if (!x->en || e - k < 2 || e - k > 3 || !ent_given_name(x, k) ||
	    !(ent_en_bits(x, e - 1) & EN_SURNAME))
		return false;
	if (e - k == 2)
		return true;
	size_t m = k + 1;
	unsigned kinds;
	if ((x->t[m].flags & T_ALLCAPS) || cue_at(x, m, &kinds) || gaz_at(x, m).p ||
	    ent_en_bits(x, m))
		return false;
	static const char *const ends[] = {"ist", "an", "ic", "al"};
	const char *key = tkey(x, m);
	size_t n = x->t[m].klen;
	for (size_t i = 0; i < sizeof ends / sizeof *ends; i++) {
		size_t l = strlen(ends[i]);
		if (n > l && memcmp(key + n - l, ends[i], l) == 0)
			return false;
	}
	return true;
}

/* Whether an English field of sport news is about club sport, where a
 * city's name may be its club's (ORG@sport: "Madrid" is Real Madrid): a
 * word of club sport (en-words.txt club-word: club, striker, league,
 * innings ...) or a club named by a name that is no city's ("Chelsea",
 * "Real Madrid"). Athletics or tennis in Madrid is in the city. */
bool ent_en_club_context(ctx *x)
{
	for (size_t k = 0; k < x->nt; k++) {
		if (!(x->t[k].flags & T_WORD))
			continue;
		if (ent_en_bits(x, k) & EN_CLUB_WORD)
			return true;
		match g = gaz_at(x, k);
		if (g.p && g.p->club && g.p->type == ENT_ORG && !(x->t[k].flags & T_SPORTALT))
			return true;
	}
	return false;
}

/* The token after a company's branch named at token k, where the known
 * organization g (or, g NULL, an acronym) is followed by a known place
 * and a business word or a title ("GM Europe president Carl Forster", "Sony UK chief", "Honda
 * Europe's boss"): the branch is one organization, the place inside it
 * no mention; else 0. */
size_t ent_en_branch(ctx *x, size_t k, const match *g)
{
	if (!x->en || x->titlecase)
		return 0;
	/* a known organization, or an acronym ("GM Europe") */
	size_t j;
	if (g)
		j = g->p && g->p->type == ENT_ORG && !g->p->club ? k + g->ntok : 0;
	else
		j = (x->t[k].flags & T_ALLCAPS) && !gaz_at(x, k).p && ent_acronym(x, k) ? k + 1 : 0;
	if (!j)
		return 0;
	if (!namey(x, j) || !(x->t[j].flags & T_SPACE))
		return 0;
	match l = gaz_at(x, j);
	if (!l.p || l.p->type != ENT_LOC)
		return 0;
	size_t e = j + l.ntok, a = after_possessive(x, e);
	unsigned kinds;
	if (a >= x->nt || !(x->t[a].flags & T_LOWER))
		return 0;
	if ((ent_en_word(x, a) & EN_CORP_POST) || (cue_at(x, a, &kinds) == 1 && (kinds & CUE_TITLE)))
		return e;
	return 0;
}

/* Whether an English possessive 's follows the name ending before token
 * e ("in Billboard's chart"): a preposition before the name governs
 * the thing possessed, and says nothing of the name. */
bool ent_en_possessive(const ctx *x, size_t e)
{
	return x->en && after_possessive(x, e) != e;
}

/* Whether the words after an English acronym ending before token e make
 * it a body's: a verb of speech ("KLT said", "KLT told"; the per-post
 * cues but "administration") or a body's word (acro-post: "KLT
 * officials", "the KLT's spokesman"). Common nouns written so (PC,
 * DVD) neither speak nor have officials. */
bool ent_en_acro_body(ctx *x, size_t e)
{
	if (!x->en)
		return false;
	size_t a = after_possessive(x, e);
	if (ent_en_word(x, a) & EN_ACRO_POST)
		return true;
	unsigned kinds;
	return e < x->nt && (x->t[e].flags & T_LOWER) && cue_at(x, e, &kinds) == 1 &&
	       (kinds & CUE_PER_POST) && !ent_written(x, e, "administration");
}

/* See entity_int.h. */
size_t ent_en_lineup_end(ctx *x, size_t k)
{
	size_t n = x->t[k].end - x->t[k].start;
	if (!x->en || !x->sport || k == 0 || !(n == 1 || (n == 2 && (x->t[k].flags & T_ALLCAPS))) ||
	    !(x->t[k - 1].flags & T_SEP) || x->text[x->t[k - 1].start] == '/' || !namey(x, k + 1) ||
	    (x->t[k + 1].flags & T_ALLCAPS))
		return 0;
	size_t e = k + 1;
	while (e < k + 3 && namey(x, e) && !(x->t[e].flags & T_ALLCAPS))
		e++;
	return e >= x->nt || (x->t[e].flags & (T_SEP | T_BREAK | T_LPAREN | T_PARA)) ? e : 0;
}

/* See entity_int.h. */
bool ent_en_player_initial(ctx *x, size_t k, size_t e)
{
	const tok *t = &x->t[k];
	return x->en && x->sport && e == k + 2 &&
	       (t->end - t->start == 1 || ((t->flags & T_ALLCAPS) && ent_en_lineup_end(x, k))) &&
	       !(x->t[k + 1].flags & T_ALLCAPS) && (x->t[k + 1].flags & T_SPACE);
}

/* See entity_int.h. */
bool ent_en_addr_title(ctx *x, size_t k, bool person_cue)
{
	const tok *t = &x->t[k];
	return x->en && (t->flags & T_CAP) && !(t->flags & T_ALLCAPS) && namey(x, k + 1) &&
	       (ent_en_bits(x, k) & EN_ADDR_TITLE) &&
	       (person_cue || (ent_given_name(x, k + 1) && namey(x, k + 2)));
}

/* See entity_int.h. */
bool ent_en_national_body(ctx *x, size_t q)
{
	match g = gaz_at(x, q);
	return x->en && g.p && g.p->type == ENT_ORG && g.ntok == 1 &&
	       (ent_en_bits(x, q) & EN_NATIONAL);
}

/* See entity_int.h. */
int ent_en_before_title(ctx *x, size_t k, size_t e)
{
	if (!x->en || x->titlecase || e >= x->nt)
		return -1;
	const tok *t = &x->t[e];
	unsigned kinds;
	size_t n = cue_at(x, e, &kinds);
	if (!n || !(kinds & CUE_TITLE))
		return -1;
	/* "the Glasgow Kelvin MP": a member's title in capitals */
	if ((t->flags & T_ALLCAPS) && n == 1 && k > 0 &&
	    (ent_written(x, k - 1, "the") || ent_written(x, k - 1, "The")))
		return ENT_LOC;
	/* "Carnegie Mellon Professor Ann Lee", "Deputy High Court Judge Ann
	 * Lee": a capitalized title and a person's name after it (before
	 * "Minister" or "Secretary" the name is a portfolio: "Finance
	 * Minister") */
	if ((t->flags & T_CAP) && !(t->flags & (T_ALLCAPS | T_INITIAL)) && namey(x, e + n) &&
	    !ent_written(x, e, "Minister") && !ent_written(x, e, "Secretary"))
		return ENT_ORG;
	return -1;
}
