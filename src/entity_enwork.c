/* entity_enwork.c: English titles of works and awards that are no
 * entity: a title after a work noun ("the film X"), a run of Title Case
 * words that reads as a title ("Finding Nemo"), an award's category and
 * its winner ("best actor for X"), works listed together. The words are
 * en-words.txt's kinds work, work-in, work-after, work-post, title-word. */
#include "config.h"

#include <string.h>

#include "entity_int.h"

/* Whether the words after a name ending before token e say it is a
 * film's or a show's title: "X, starring Y", "X, directed by Y", "X star
 * Y", "X actress Y" (a place's name before "star" is in the
 * gazetteers). */
static bool work_after(ctx *x, size_t e)
{
	if (e < x->nt && (x->t[e].flags & T_LOWER) && (ent_en_word(x, e) & EN_WORK_POST) &&
	    namey(x, e + 1))
		return true;
	if (ent_punct_is(x, e, ','))
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
	if (ent_punct_is(x, e, ','))
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
	if (w > 0 && ent_punct_is(x, w, ',') && ent_punct_is(x, *e, ','))
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
	if (*e - k < 2 && !called && !ent_phrase_ends(x, *e) &&
	    !(ent_written(x, *e, "is") || ent_written(x, *e, "was") || ent_written(x, *e, "has") ||
	      ent_written(x, *e, "had") || ent_written(x, *e, "will")))
		return false;
	if (ent_punct_is(x, *e, ':') && namey(x, *e + 1)) {
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
	            ent_punct_is(x, e, '.') || ent_punct_is(x, e, ',');
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
	if (ent_punct_is(x, b, ','))
		b--;
	return p && p->field == x->field && p->t1 == b + 1 && p->ntok >= 2 && !p->gaz &&
	       ent_best_type(p->score) == ENT_PER;
}

/* Whether the English name at tokens [k, e) (the current field's last
 * candidate) goes on a list of works whose last work named ends at most
 * twelve tokens before it, all between being its items ("comedy X, The
 * Door in the Floor and Y - written by"): a comma first, then capitalized
 * words, small words of titles and commas, and "and" or a comma before
 * k; no word after the name but "and". */
bool ent_en_listed_work(ctx *x, size_t k, size_t e)
{
	if (!x->en || x->nc < 2 || k < 3 || !(ent_written(x, k - 1, "and") || ent_punct_is(x, k - 1, ',')) ||
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
	if (!p || p->t1 + 2 >= k || !ent_punct_is(x, p->t1, ','))
		return false;
	for (size_t q = p->t1 + 1; q < k - 1; q++) {
		const tok *t = &x->t[q];
		if ((t->flags & T_PARA) || !((t->flags & T_WORD) || ent_punct_is(x, q, ',')) ||
		    ((t->flags & T_LOWER) && !(ent_en_word(x, q) & EN_TITLE_WORD)))
			return false;
	}
	return true;
}
