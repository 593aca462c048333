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
 * ", a small tourism firm,", ", the retailer.", ", the second-largest
 * electronics retailer in the US" (up to five words after the article,
 * the business word last or before "in" or "with"). */
static bool corp_appositive(ctx *x, size_t e)
{
	if (!punct_is(x, e, ',') || e + 1 >= x->nt)
		return false;
	size_t q = e + 1;
	if (!ent_written(x, q, "a") && !ent_written(x, q, "an") && !ent_written(x, q, "the"))
		return false;
	for (size_t n = 0, j = q + 1;
	     n < 6 && j < x->nt &&
	     ((x->t[j].flags & T_WORD) || ((x->t[j].flags & T_DASH) && !(x->t[j].flags & T_SPACE)));
	     n++, j++)
		if ((ent_en_word(x, j) & EN_CORP_PRE) &&
		    ((phrase_ends(x, j + 1) && !punct_is(x, j + 1, '\'')) ||
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

/* Whether the words after a name ending before token e say it is a
 * film's or a show's title: "X, starring Y", "X, directed by Y", "X star
 * Y", "X actress Y" (a place's name before "star" is in the
 * gazetteers). */
static bool work_after(ctx *x, size_t e)
{
	if (e < x->nt && (x->t[e].flags & T_LOWER) && (ent_en_word(x, e) & EN_WORK_POST) &&
	    namey(x, e + 1))
		return true;
	if (punct_is(x, e, ','))
		e++;
	if (e >= x->nt || !(x->t[e].flags & T_LOWER))
		return false;
	return (ent_en_word(x, e) & EN_WORK_AFTER) ||
	       (ent_written(x, e, "directed") && ent_written(x, e + 1, "by"));
}

/* Whether token q is an award's category noun for a show or a film
 * ("best musical", "best play", "best picture"): not a music one, as
 * a singer wins "best album" too. */
static bool award_work_noun(const ctx *x, size_t q)
{
	static const char *const nouns[] = {"musical", "play", "film", "picture", "revival",
	                                    "documentary", "drama", "comedy"};
	for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++)
		if (ent_written(x, q, nouns[i]))
			return true;
	return false;
}

/* Whether token q is a noun of an award's category for a person ("best
 * actor", "best set designer"): the name after it is the winner's. */
static bool award_person_noun(const ctx *x, size_t q)
{
	static const char *const people[] = {"actor",     "actress", "director", "singer",
	                                     "artist",    "newcomer", "act",     "performer",
	                                     "writer",    "player",  "designer", "choreographer",
	                                     "composer"};
	for (size_t i = 0; i < sizeof people / sizeof *people; i++)
		if (ent_written(x, q, people[i]))
			return true;
	return false;
}

/* Whether the English name at token k heads an entry of an award list
 * after its show category ("- Outstanding musical production - Grand
 * Hotel at the Donmar", "- Best new musical - The Producers"): the
 * category, at most six words from the line's start or a dash, with
 * "best" or "outstanding", a show's noun (musical, play, opera,
 * production ...) and no person's noun or what a person wins ("Best
 * actor - Ann Lee", "Best supporting role in a musical - Ann Lee"). */
static bool award_entry(ctx *x, size_t k)
{
	/* "- The Producers", "- Lady Macbeth of Mtsensk": a capitalized
	 * word the run does not hold */
	size_t d = k > 1 && (x->t[k - 1].flags & T_CAP) && (x->t[k - 1].flags & T_WORD) &&
	                   (x->t[k - 2].flags & T_DASH)
	               ? k - 1
	               : k;
	if (d < 2 || !(x->t[d - 1].flags & T_DASH) || !(x->t[d - 1].flags & T_SPACE))
		return false;
	bool best = false, show = false;
	size_t q = d - 1, n = 0;
	while (q > 0 && n < 7 && (x->t[q - 1].flags & T_WORD)) {
		q--, n++;
		/* "- Best supporting role in a musical - Ann Lee for X",
		 * "- Outstanding achievement in opera - Ann Lee" */
		if (award_person_noun(x, q) || ent_written(x, q, "role") ||
		    ent_written(x, q, "performance") || ent_written(x, q, "achievement") ||
		    ent_written(x, q, "contribution"))
			return false;
		best |= ent_written(x, q, "best") || ent_written(x, q, "Best") ||
		        ent_written(x, q, "outstanding") || ent_written(x, q, "Outstanding");
		show |= award_work_noun(x, q) || ent_written(x, q, "production") ||
		        ent_written(x, q, "opera");
		if (x->t[q].flags & T_PARA)
			break;
	}
	if (!(x->t[q].flags & T_PARA) && !(q > 0 && (x->t[q - 1].flags & T_DASH)))
		return false;
	return best && show;
}

/* Whether the English name before token e has won or is up for an
 * award's show category ("X won best musical", "X, nominated for best
 * play"); "best new musical" and "best musical revival" too. */
static bool award_after(ctx *x, size_t e)
{
	if (punct_is(x, e, ','))
		e++;
	if (ent_written(x, e, "is") || ent_written(x, e, "was"))
		e++;
	if (ent_written(x, e, "won") || ent_written(x, e, "wins") || ent_written(x, e, "took"))
		e++;
	else if (ent_written(x, e, "nominated") && ent_written(x, e + 1, "for"))
		e += 2;
	else
		return false;
	if (ent_written(x, e, "the"))
		e++;
	if (!ent_written(x, e, "best"))
		return false;
	return award_work_noun(x, e + 1) || award_work_noun(x, e + 2);
}

/* Whether the English name at tokens [k, *e) is the title of a work
 * named by the word before it ("the film Saving Private Ryan", "the game
 * Grand Theft Auto", "the sequel to X", "starred in X") or after it
 * ("X, starring Y"); a subtitle after a colon joins it (*e moves past
 * it: "Grand Theft Auto: San Andreas"). In sport news "game" and
 * "series" are matches; a one-word title only before punctuation or an
 * auxiliary ("the film Hellboy.", "the movie Robots has opened"), as "the
 * film Moore made" is a person. */
bool ent_en_work(ctx *x, size_t k, size_t *e)
{
	if (!x->en || x->sport)
		return false;
	if (k == 0)
		return work_after(x, *e) || award_after(x, *e);
	if (award_entry(x, k))
		return true;
	/* "the sequel to X", "a remake of X", "the adaptation, The X," */
	size_t w = k - 1;
	/* "a film called X", "a tool dubbed X" */
	bool called = w > 0 && (ent_written(x, w, "called") || ent_written(x, w, "named") ||
	                        ent_written(x, w, "dubbed") || ent_written(x, w, "titled") ||
	                        ent_written(x, w, "entitled"));
	if (called)
		w--;
	if (w > 0 && ent_written(x, w, "The"))
		w--;
	if (w > 0 && punct_is(x, w, ',') && punct_is(x, *e, ','))
		w--;
	else if (w > 0 && (ent_written(x, w, "to") || ent_written(x, w, "of")))
		w--;
	/* "starred in X", "a cameo in X", "her role in X" (not a known
	 * name: "his role in Iraq") */
	bool in = w > 0 && ent_written(x, w, "in") && (ent_en_word(x, w - 1) & EN_WORK_IN) &&
	          !gaz_at(x, k).p;
	/* "her hit X": the noun after a possessive (not "storms hit X");
	 * "box office hits X, Y and Z" */
	bool hit = w > 0 && (ent_written(x, w, "hit") || ent_written(x, w, "hits")) &&
	           (ent_written(x, w - 1, "his") || ent_written(x, w - 1, "her") ||
	            ent_written(x, w - 1, "their") || ent_written(x, w - 1, "biggest") ||
	            ent_written(x, w - 1, "latest") || ent_written(x, w - 1, "debut") ||
	            ent_written(x, w - 1, "office") || ent_written(x, w - 1, "chart") ||
	            ent_written(x, w - 1, "smash") || ent_written(x, w - 1, "surprise"));
	/* "films such as X" */
	if (w > 1 && ent_written(x, w, "as") && ent_written(x, w - 1, "such"))
		w -= 2;
	/* "the TV show X", "the show X" (not "polls show X") */
	bool show = w > 0 && (ent_written(x, w, "show") || ent_written(x, w, "shows")) &&
	            (ent_written(x, w - 1, "the") || ent_written(x, w - 1, "The") ||
	             ent_written(x, w - 1, "TV") || ent_written(x, w - 1, "television") ||
	             ent_written(x, w - 1, "radio") || ent_written(x, w - 1, "chat") ||
	             ent_written(x, w - 1, "talk") || ent_written(x, w - 1, "quiz") ||
	             ent_written(x, w - 1, "reality") || ent_written(x, w - 1, "game"));
	if (!in && !hit && !show && !(ent_en_word(x, w) & EN_WORK))
		return work_after(x, *e) || award_after(x, *e);
	/* "the film Hellboy.", "the movie Robots has opened" (a name given
	 * to it is its title: "a tool called EdgeScape that") */
	if (*e - k < 2 && !called && !phrase_ends(x, *e) &&
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

/* Whether token q is a contraction ("Don't", "Ain't", "I've", "I'm";
 * not "O'Neil"): no name is written with one. */
static bool contraction(const ctx *x, size_t q)
{
	static const char *const tails[] = {"t", "ve", "m", "ll", "re", "d"};
	const char *w = x->text + x->t[q].start, *end = x->text + x->t[q].end;
	for (const char *p = w; p < end; p++) {
		size_t al = *p == '\'' ? 1 : (end - p >= 3 && memcmp(p, "\xe2\x80\x99", 3) == 0) ? 3 : 0;
		if (!al || p == w)
			continue;
		size_t n = (size_t)(end - p) - al;
		for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
			if (strlen(tails[i]) == n && memcmp(p + al, tails[i], n) == 0)
				return true;
	}
	return false;
}

/* Whether token q of the run starting at token k is a title-word, and
 * no part of a person's name: an initial ("John A Smith": one letter
 * after a given name), a hyphenated syllable ("Kim In-so"). */
static bool title_word_at(ctx *x, size_t k, size_t q)
{
	/* "Kim In-so": a syllable of a hyphenated given name */
	if (!ent_en_title_word(x, q) ||
	    (q + 1 < x->nt && (x->t[q + 1].flags & T_DASH) && !(x->t[q + 1].flags & T_SPACE)))
		return false;
	return !(x->t[q].end - x->t[q].start == 1 && q > k && ent_given_name(x, q - 1));
}

/* Whether token k is a capitalized article, possessive or number word,
 * which inside a sentence starts a title ("A", "My", "Their", "His",
 * "Two": "Lock, Stock and Two Smoking Barrels", "His Dark Materials"). */
static bool title_start(const ctx *x, size_t k)
{
	static const char *const words[] = {"A",    "An",    "My",   "Your", "Our",
	                                    "Their", "His",  "Her",  "Two",  "Three",
	                                    "Four", "Five", "Seven", "Ten"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (ent_written(x, k, words[i]))
			return true;
	return false;
}

/* Whether the English run of capitals at tokens [k, *e) is a work's
 * title by its shape: a function word capitalized inside it ("Dancer In
 * The Dark", "Streets Have No Name"), which names write in lower case;
 * lower-case function words and capitalized words after a run that ends
 * with one join it ("Once Upon a Time in Mexico": *e moves past them, the
 * place inside a title is no mention). */
bool ent_en_title(ctx *x, size_t k, size_t *e)
{
	if (!x->en || x->titlecase || (x->t[k].flags & T_ALLCAPS))
		return false;
	/* "Boys Don't Cry", "I've": a contraction */
	for (size_t q = k; q < *e; q++)
		if (contraction(x, q))
			return true;
	/* "starred in A Different Story", "roles in My Beautiful
	 * Launderette": a capitalized article or pronoun inside a sentence
	 * starts a title, before the run or as its first word */
	if (k > 0 && !(x->t[k - 1].flags & (T_INITIAL | T_ALLCAPS)) && (x->t[k].flags & T_SPACE) &&
	    title_start(x, k - 1))
		return true;
	/* "- Best set design - His Dark Materials designed by": a
	 * possessive first in a sentence, before two capitalized words */
	if (k > 0 && *e - k >= 2 && (x->t[k].flags & T_SPACE) &&
	    (ent_written(x, k - 1, "His") || ent_written(x, k - 1, "Her") ||
	     ent_written(x, k - 1, "Their") || ent_written(x, k - 1, "My")))
		return true;
	if (*e - k >= 2 && !(x->t[k].flags & T_INITIAL) && title_start(x, k))
		return true;
	/* "Once Upon a": a capitalized stop word before the run; "Do The
	 * Long Walk": capitalized words before it, one a title-word */
	bool capbefore = k > 0 && (x->t[k - 1].flags & T_CAP) && (x->t[k].flags & T_SPACE);
	size_t j = k;
	bool tw = false;
	while (j > 0 && (x->t[j - 1].flags & T_WORD) && (x->t[j - 1].flags & T_CAP) &&
	       !(x->t[j - 1].flags & T_ALLCAPS) && (x->t[j].flags & T_SPACE)) {
		j--;
		tw |= title_word_at(x, j, j);
	}
	if (tw && j < k - 1 && !(x->t[j].flags & T_INITIAL))
		return true;
	if (*e - k < 2 && !capbefore)
		return false;
	bool inside = false, last = title_word_at(x, k, *e - 1);
	for (size_t q = k + 1; q + 1 < *e && !inside; q++)
		inside = title_word_at(x, k, q) && !(x->t[q].flags & T_ALLCAPS);
	bool more = *e + 1 < x->nt && (x->t[*e].flags & T_LOWER) && (ent_en_word(x, *e) & EN_TITLE_WORD) &&
	            namey(x, *e + 1);
	/* "the She Hate Me director", "Do The Right Thing": a capitalized
	 * word inside a sentence before a run that starts or ends with one */
	bool around = capbefore && !(x->t[k - 1].flags & T_INITIAL) &&
	              (title_word_at(x, k, k) || (*e - k >= 2 && last));
	if (!inside && !around && !(last && more))
		return false;
	/* "Once Upon a Time in Mexico" */
	while (*e + 1 < x->nt && (x->t[*e].flags & T_LOWER) && (x->t[*e].flags & T_SPACE) &&
	       (ent_en_word(x, *e) & EN_TITLE_WORD) && namey(x, *e + 1) &&
	       (x->t[*e + 1].flags & T_SPACE)) {
		bool ho, hl, mi;
		*e = ent_name_run(x, *e + 1, &ho, &hl, &mi);
	}
	return true;
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
	return x->en && e + 1 < x->nt && punct_is(x, e, '!') && !(x->t[e].flags & T_SPACE) &&
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

/* Whether the English name at tokens [k, e) is the work a person's
 * award or nomination is for: right after "PERSON for" or "PERSON, for"
 * where the person's name has two words or more and evidence of a
 * person ("best director went to Ann Lee for Red Sky", "Tom Hale, for
 * Glass Orchard", "Ann Lee for The Glass Orchard at the Lyric"), or after
 * an award's category and "for" ("won the award for best first feature
 * for Pine Valley"), before the list's next mark, "at" or the sentence's
 * end; not in sport news ("Rooney for England") nor for a known name.
 * p: the candidate before this one, or NULL. */
bool ent_en_award_for(ctx *x, const cand *p, size_t k, size_t e)
{
	if (!x->en || x->sport || k < 2)
		return false;
	/* "Ann Lee for The Glass Orchard" */
	size_t f = k - 1;
	if (ent_written(x, f, "The") && f > 1)
		f--;
	if (!ent_written(x, f, "for"))
		return false;
	bool ends = e >= x->nt || (x->t[e].flags & (T_SEP | T_BREAK | T_LPAREN)) ||
	            ent_written(x, e, "and") || ent_written(x, e, "in") || ent_written(x, e, "at") ||
	            punct_is(x, e, '.') || punct_is(x, e, ',');
	if (!ends)
		return false;
	/* "the award for best first feature for Pine Valley", "the best
	 * debut prize for X": a category of lower-case words after "best",
	 * no person's ("won best actor for Ann Lee" names the winner), and
	 * no given name first */
	for (size_t q = f, n = 0; q > 0 && n < 6; q--, n++) {
		const tok *w = &x->t[q - 1];
		if (!(w->flags & T_WORD) || !(w->flags & T_LOWER))
			break;
		if (award_person_noun(x, q - 1))
			return false;
		if (ent_written(x, q - 1, "best"))
			return n > 0 && !ent_en_given(x, k);
	}
	size_t b = f - 1;
	if (punct_is(x, b, ','))
		b--;
	return p && p->field == x->field && p->t1 == b + 1 && p->ntok >= 2 && !p->gaz &&
	       ent_best_type(p->score) == ENT_PER;
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

/* Whether the English name at tokens [k, e) (the current field's last
 * candidate) goes on a list of works whose last work named ends at most
 * twelve tokens before it, all between being its items ("comedy X, The
 * Door in the Floor and Y - written by"): a comma first, then capitalized
 * words, small words of titles and commas, and "and" or a comma before
 * k; no word after the name but "and". */
bool ent_en_listed_work(ctx *x, size_t k, size_t e)
{
	if (!x->en || x->nc < 2 || k < 3 || !(ent_written(x, k - 1, "and") || punct_is(x, k - 1, ',')) ||
	    (e < x->nt && (x->t[e].flags & T_WORD) && !ent_written(x, e, "and")))
		return false;
	const cand *p = NULL;
	for (size_t i = x->nc - 1; i-- > 0;) {
		const cand *q = &x->c[i];
		if (q->field != x->field || q->t1 + 12 < k)
			return false;
		if (q->work) {
			p = q;
			break;
		}
	}
	if (!p || p->t1 + 2 >= k || !punct_is(x, p->t1, ','))
		return false;
	for (size_t q = p->t1 + 1; q < k - 1; q++) {
		const tok *t = &x->t[q];
		if ((t->flags & T_PARA) || !((t->flags & T_WORD) || punct_is(x, q, ',')) ||
		    ((t->flags & T_LOWER) && !(ent_en_word(x, q) & EN_TITLE_WORD)))
			return false;
	}
	return true;
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
