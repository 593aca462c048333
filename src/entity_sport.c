/* entity_sport.c: the teams of results and league tables in sport news,
 * read from the shape of their lines ("Real Betis 2 Valencia 1", "In
 * Trondheim: Rosenborg (Norway) 2 Brondby (Denmark) 1", "Real Betis 4 2
 * 1 1 7 5 7"): a side there is a team whatever its words, which alone
 * would read as a person's name or a city. */
#include "config.h"

#include <string.h>

#include "entity_int.h"

/* Whether token q ends a line (or the text). */
static bool line_end(const ctx *x, size_t q)
{
	return q >= x->nt || (x->t[q].flags & T_PARA) || x->text[x->t[q].start] == '\n';
}

/* Whether token q is a word of digits only, of at most max digits. */
static bool digits(const ctx *x, size_t q, size_t max)
{
	if (q >= x->nt || !(x->t[q].flags & T_WORD) || x->t[q].end - x->t[q].start > max)
		return false;
	for (uint32_t i = x->t[q].start; i < x->t[q].end; i++)
		if (x->text[i] < '0' || x->text[i] > '9')
			return false;
	return true;
}

/* Whether token q is a score: a number of one to three digits alone,
 * not a time, a decimal or a rank ("1:54", "19.32", "1. Name"); a full
 * stop ending the line may follow it ("Fulham 0."). */
static bool score_at(const ctx *x, size_t q)
{
	if (!digits(x, q, 3) || !(x->t[q].flags & T_SPACE))
		return false;
	if (q + 1 >= x->nt || (x->t[q + 1].flags & (T_SPACE | T_WORD)))
		return true;
	char c = x->text[x->t[q + 1].start];
	if (c == '.')
		return line_end(x, q + 2);
	return c != ':' && c != '-' && c != '/' && c != ',';
}

/* The token after a bracket at q, on one line, holding a side's country
 * or its scorers ("(Norway)", "(Ronaldo 15th, Figo 54th)"); q itself
 * when there is none. */
static size_t skip_bracket(const ctx *x, size_t q)
{
	if (q >= x->nt || !(x->t[q].flags & T_LPAREN))
		return q;
	for (size_t j = q + 1; j < x->nt && j < q + 24 && !line_end(x, j); j++)
		if (x->text[x->t[j].start] == ')')
			return j + 1;
	return q;
}

/* Whether the lower-case token q may join the words of a team's name
 * ("Queen of the South", "Vasco da Gama"). */
static bool name_connector(const ctx *x, size_t q)
{
	static const char *const w[] = {"of", "the", "de", "da", "do", "del", "la", "van"};
	for (size_t i = 0; i < sizeof w / sizeof *w; i++)
		if (ent_written(x, q, w[i]))
			return true;
	return false;
}

/* The end of a side's name starting at token q, or 0 when none starts
 * there: capitalized words, with the connectors, dots, hyphens,
 * slashes and ampersands between them ("Brighton & Hove Albion",
 * "Admira / Wacker"), a number glued by a hyphen ("MyPa-47") or a year
 * before them ("1860 Munich"); at most eight tokens. */
static size_t side_end(ctx *x, size_t q)
{
	if (digits(x, q, 4) && x->t[q].end - x->t[q].start == 4 && namey(x, q + 1))
		q++;
	if (!namey(x, q))
		return 0;
	size_t end = 0;
	for (size_t j = q; j < x->nt && j < q + 8 && (j == q || !line_end(x, j)); j++) {
		const tok *t = &x->t[j];
		unsigned kinds;
		/* "ENGLAND BEAT PAKISTAN": a common word in capitals */
		if (j > q && (t->flags & T_ALLCAPS) && cue_at(x, j, &kinds) == 1 &&
		    (kinds & CUE_COMMON))
			break;
		if (namey(x, j)) {
			end = j + 1;
			continue;
		}
		if (t->flags & T_WORD) {
			if (end == j && !(t->flags & T_SPACE) && digits(x, j, 3) &&
			    x->text[x->t[j - 1].start] == '-')
				end = j + 1; /* "MyPa-47" */
			else if (!((t->flags & T_LOWER) && name_connector(x, j)))
				break;
			continue;
		}
		/* a dash with a space is no part of a name ("SOCCER - X") */
		char c = x->text[t->start];
		if (end != j || (c != '.' && c != '-' && c != '/' && c != '&' && c != '\'') ||
		    (c == '-' && (t->flags & T_SPACE)))
			break;
	}
	return end;
}

/* The end of a side ending at token e with the letter that tells two
 * clubs of one name apart ("Dinamo (B)", "Spartak (M)"): its bracket of
 * one or two capitals joins the name. */
static size_t side_letter(const ctx *x, size_t e)
{
	if (e + 2 < x->nt && (x->t[e].flags & T_LPAREN) && (x->t[e + 1].flags & T_WORD) &&
	    (x->t[e + 1].flags & T_CAP) && x->t[e + 1].end - x->t[e + 1].start <= 2 &&
	    !(x->t[e + 1].flags & T_DIGIT) && x->text[x->t[e + 2].start] == ')')
		return e + 3;
	return e;
}

/* Whether the side at tokens s..e-1 is left to the scanner: a known
 * organization (a club of sport.tsv) or a country (a national side,
 * a place). */
static bool side_known(ctx *x, size_t s, size_t e)
{
	match g = gaz_at(x, s);
	return g.p && s + g.ntok == e && (g.p->type == ENT_ORG || g.p->country);
}

/* Finds the teams of the line starting at token k of a sport article:
 * a result ("A 2 B 1", with brackets of countries or scorers after each
 * side or score, a venue before a colon first: "In Trondheim:", the
 * second score may be missing) gives two sides, a league table's row
 * (six numbers or more after the name; not after a given name or an
 * initial, as a player's statistics) one. Sides known to the gazetteer
 * as a club or a country are left out. Returns how many it found. */
int ent_team_line(ctx *x, size_t k, team_line *tl)
{
	tl->n = 0;
	if (!x->sport || !(x->t[k].flags & T_PARA))
		return 0;
	size_t q = k;
	for (size_t j = k + 1; j < k + 5 && !line_end(x, j); j++)
		if (x->text[x->t[j].start] == ':') {
			q = j + 1;
			break;
		}
	size_t e1 = side_end(x, q);
	if (!e1)
		return 0;
	e1 = side_letter(x, e1);
	size_t a = skip_bracket(x, e1);
	size_t b = score_at(x, a) ? skip_bracket(x, a + 1) : 0;
	size_t e2 = b ? side_end(x, b) : 0;
	if (e2) {
		e2 = side_letter(x, e2);
		size_t c = skip_bracket(x, e2);
		if (score_at(x, c)) {
			c = skip_bracket(x, c + 1);
			c = skip_bracket(x, c);
		}
		if (c < x->nt && x->text[x->t[c].start] == '.')
			c++;
		if (!line_end(x, c))
			return 0;
		size_t s[2] = {q, b}, e[2] = {e1, e2};
		for (int i = 0; i < 2; i++)
			if (!side_known(x, s[i], e[i])) {
				tl->s[tl->n] = s[i];
				tl->e[tl->n++] = e[i];
			}
		return tl->n;
	}
	if (ent_given_name(x, q) || x->t[q].end - x->t[q].start == 1)
		return 0;
	size_t n = 0;
	/* numbers apart, decimals, a dash alone ("130.2", "-"); not sets
	 * of a tennis score ("6-0 7-6") */
	for (size_t j = a; !line_end(x, j); j++) {
		char c = x->text[x->t[j].start];
		if (digits(x, j, 6) && (x->t[j].flags & T_SPACE))
			n++;
		else if ((x->t[j].flags & T_WORD)
		             ? !(j > a && x->text[x->t[j - 1].start] == '.')
		             : c != '.' && !(c == '-' && (x->t[j].flags & T_SPACE)))
			return 0;
	}
	if (n < 6 || side_known(x, q, e1))
		return 0;
	tl->s[0] = q, tl->e[0] = e1, tl->n = 1;
	return 1;
}

/* Whether the words around the name at tokens k..e-1 of a sport article
 * say it is a team's: a team's word before it ("the Belgian club X",
 * "first division side X", "champions X"; club-pre) or a player's or
 * a team's word after it, before a person's name or a plural ("X
 * striker Y", "X coach Y", "X fans"; club-post). A national side's
 * country is a place whatever is said of it: the caller reads no
 * country's name. */
bool ent_team_words(ctx *x, size_t k, size_t e)
{
	if (!x->sport || !x->en)
		return false;
	/* "Olympic champions Ann Lee and ...": a person's name */
	if (k > 0 && (x->t[k - 1].flags & T_LOWER) && (ent_en_word(x, k - 1) & EN_CLUB_PRE) &&
	    !ent_given_name(x, k))
		return true;
	if (e >= x->nt || !(x->t[e].flags & T_LOWER) || !(ent_en_word(x, e) & EN_CLUB_POST))
		return false;
	/* "Home fans", "Bench coach": a sentence's capitalized first word
	 * alone may be a common word (a known place is read before) */
	if (e == k + 1 && (x->t[k].flags & T_INITIAL))
		return false;
	/* "Legendary Dutch coach": a nationality is no team's name */
	unsigned kinds;
	for (size_t q = k; q < e; q++)
		if (cue_at(x, q, &kinds) && (kinds & CUE_STOP))
			return false;
	return namey(x, e + 1) || x->text[x->t[e].end - 1] == 's';
}

/* Whether the English words at tokens q..e-1 read as a team's plural
 * nickname ("Marmots", "Blue Herons"): capitalized, the last a plural
 * (an "s" ending, not "ss", "is", "us", "as": "Curtis", "Thomas",
 * "Marcus" are names), none a known name, a cue word, a people's plural
 * or a plural of not-team (en-words.txt: "Hills", "Alps", "Marathons"),
 * no family ("the Williams sisters"). */
static bool plural_name(ctx *x, size_t q, size_t e)
{
	const tok *l = &x->t[e - 1];
	size_t n = l->end - l->start;
	const char *w = x->text + l->start;
	if ((l->flags & T_ALLCAPS) || n < 4 || w[n - 1] != 's' || strchr("siua'", w[n - 2]))
		return false;
	unsigned kinds;
	for (size_t j = q; j < e; j++)
		if (!namey(x, j) || (x->t[j].flags & T_ALLCAPS) || gaz_at(x, j).p ||
		    cue_at(x, j, &kinds) || ent_en_people(x, j, j + 1) ||
		    (ent_en_bits(x, j) & EN_NOT_TEAM))
			return false;
	/* "the Carwyn James-inspired": a given name ("James", "Charles") */
	if (ent_given_name(x, e - 1))
		return false;
	/* "Slovaks": a nationality's plural */
	if (ent_cue_kinds(x->ex, tkey(x, e - 1), x->t[e - 1].klen - 1) & CUE_STOP)
		return false;
	/* "the Williams sisters": a family */
	static const char *const family[] = {"sisters", "brothers", "family", "twins"};
	for (size_t i = 0; i < sizeof family / sizeof *family; i++)
		if (ent_written(x, e, family[i]))
			return false;
	return true;
}

/* Whether the English words at tokens q..e-1, after a place's name,
 * make it a team's ("Toronto Marmots", "Toronto Blue Herons"): one or
 * two words of a plural nickname, not after a given name ("Chad
 * Curtis"); in Vietnamese news too, English words after the city
 * ("HCMC Wings", "Saigon Heats"). */
bool ent_team_nickname(ctx *x, size_t q, size_t e)
{
	if (e <= q || e > q + 2 || (q > 0 && ent_given_name(x, q - 1)))
		return false;
	for (size_t j = q; !x->en && j < e; j++)
		if ((x->t[j].flags & T_VI) || !(x->t[j].flags & T_SPACE))
			return false;
	return plural_name(x, q, e);
}

/* Whether the English name at tokens k..e-1 of a sport article is a
 * team by its plural after "the" ("the Marmots", "the Blue Herons"):
 * one to three words, no given name first; no person is "the X". */
bool ent_team_plural(ctx *x, size_t k, size_t e)
{
	if (!x->sport || !x->en || k == 0 || e > k + 3 || !ent_written(x, k - 1, "the") ||
	    ent_given_name(x, k))
		return false;
	/* "the Owens ' quartet": a family's possessive */
	if (e < x->nt && x->text[x->t[e].start] == '\'')
		return false;
	return plural_name(x, k, e);
}

/* Whether, in an English sport article, the name at tokens k..e-1 is a
 * team by its place in a list of results: after a rider's or a driver's
 * country in brackets and before no other name ("Tom Adler (Belgium)
 * Varlenko 5:02:11", the team he rides for), or alone in brackets after
 * a player's name, prev, of no other type ("Tom Adler (Varlenko)", the
 * club he plays for; a country there is his nation's, a place). */
bool ent_team_bracket(ctx *x, const cand *prev, size_t k, size_t e)
{
	if (!x->sport || !x->en || k < 3)
		return false;
	/* (not "J Fourie (S Africa) T Umaga (New Zealand)": a name with
	 * its own bracket is the next player) */
	if (x->text[x->t[k - 1].start] == ')' && !namey(x, e) &&
	    !(e < x->nt && (x->t[e].flags & T_LPAREN))) {
		for (size_t o = k - 2; o + 5 > k && o > 0; o--)
			if (x->t[o].flags & T_LPAREN) {
				match g = gaz_at(x, o + 1);
				return g.p && g.p->country && o + 1 + g.ntok == k - 1 &&
				       namey(x, o - 1);
			}
		return false;
	}
	if (!(x->t[k - 1].flags & T_LPAREN) || e >= x->nt || x->text[x->t[e].start] != ')' ||
	    e > k + 3 || !prev || prev->field != x->field || prev->t1 != k - 1)
		return false;
	/* "Mike (Ruddock) asked me": a surname in brackets after a given
	 * name completes it */
	if (prev->ntok == 1 && ent_given_name(x, prev->t0))
		return false;
	int pt = ent_best_type(prev->score);
	return !prev->misc && !prev->work && !prev->acro && (pt < 0 || pt == ENT_PER);
}
