/* entity_rules.c: the name matchers of entity extraction: the span and
 * the first evidence of a name at a token (a run of capitalized words, a
 * place after an administrative unit, an ALL-CAPS dateline; an
 * organization after its head noun: entity_org.c). The scanners of
 * entity_scan.c apply them;
 * every rule is described in doc/entities.md. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>

#include "entity_int.h"
#include "util.h"

/* ---- candidates -------------------------------------------------------- */

/* Whether the ALL-CAPS word at token k is an acronym, kept as written
 * when the name around it is title-cased: a word with a dot (TP.HCM), one
 * with no vowel (TP, BBC), a word that is no Vietnamese syllable in a
 * Vietnamese article (UBND, HĐND), or one the gazetteer knows in capitals
 * (US, WHO). */
static bool acronym_like(ctx *x, size_t k)
{
	const tok *t = &x->t[k];
	bool vowel = false;
	for (size_t i = t->start; i < t->end; i++) {
		unsigned char ch = (unsigned char)x->text[i];
		if (ch == '.' || ch == '&')
			return true;
		if (ch >= 0x80 || strchr("AEIOUY", ch))
			vowel = true; /* a Vietnamese vowel with its marks too */
	}
	if (!vowel || (!x->en && !(t->flags & T_VI)))
		return true;
	match m = gaz_at(x, k);
	return m.ntok == 1 && (m.p->need_all & 1u);
}

/* Whether the English run [a, b) of two or three words in capitals, each
 * of two to four letters, is written inside a sentence of ordinary case
 * (a lower-case word right before or after it on its line): an
 * organization's name of acronyms ("said ABN AMRO analyst John Brady"),
 * kept as written, no headline in capitals ("REHOBOTH BEACH"). */
bool ent_caps_acronym(const ctx *x, size_t a, size_t b)
{
	if (!x->en || b - a < 2 || b - a > 3)
		return false;
	for (size_t k = a; k < b; k++) {
		const tok *t = &x->t[k];
		if (!(t->flags & T_WORD) || !(t->flags & T_ALLCAPS) || (t->flags & T_DIGIT) ||
		    t->end - t->start > 4 || (k > a && !(t->flags & T_SPACE)))
			return false;
	}
	bool before = a > 0 && (x->t[a - 1].flags & T_WORD) && (x->t[a - 1].flags & T_LOWER) &&
	              !(x->t[a].flags & T_PARA);
	bool after = b < x->nt && (x->t[b].flags & T_WORD) && (x->t[b].flags & T_LOWER) &&
	             !(x->t[b].flags & T_PARA);
	return before || after;
}

/* Adds a candidate over tokens a..b-1 of the current field. */
cand *ent_add_cand(ctx *x, size_t a, size_t b)
{
	if (x->nc == x->capc) {
		x->capc = x->capc ? x->capc * 2 : 64;
		x->c = xrealloc(x->c, x->capc * sizeof *x->c);
	}
	cand *c = &x->c[x->nc++];
	memset(c, 0, sizeof *c);
	c->field = x->field;
	c->t0 = a;
	c->t1 = b;
	c->start = x->t[a].start;
	c->end = x->t[b - 1].end;
	c->ntok = (uint8_t)(b - a > 255 ? 255 : b - a);
	c->link = -1;
	/* the name as written, with one space where the text has any */
	size_t nlen = 0;
	bool allcaps = true;
	for (size_t k = a; k < b; k++) {
		const tok *t = &x->t[k];
		nlen += (k > a && (t->flags & T_SPACE) ? 1 : 0) + t->end - t->start;
		if ((t->flags & T_WORD) && !(t->flags & T_ALLCAPS))
			allcaps = false;
	}
	/* one allocation for the name and, after it, the joined keys: the
	 * stretch of the key arena the tokens cover */
	size_t lklen = x->t[b - 1].key + x->t[b - 1].klen - x->t[a].key;
	char *name;
	if (allcaps && b - a > 1 && !ent_caps_acronym(x, a, b)) {
		/* "REHOBOTH BEACH" reads as "Rehoboth Beach"; acronyms stay
		 * as written ("UBND TP Hà Nội", never "Ubnd Tp") */
		strbuf sb;
		sb_init(&sb);
		for (size_t k = a; k < b; k++) {
			const tok *t = &x->t[k];
			if (k > a && (t->flags & T_SPACE))
				sb_addc(&sb, ' ');
			size_t tl = 0;
			uint8_t *tc = NULL;
			if ((t->flags & T_WORD) && !acronym_like(x, k))
				tc = u8_totitle((const uint8_t *)x->text + t->start, t->end - t->start,
						NULL, NULL, NULL, &tl);
			if (tc)
				sb_add(&sb, (const char *)tc, tl);
			else
				sb_add(&sb, x->text + t->start, t->end - t->start);
			free(tc);
		}
		nlen = sb.len;
		sb_grow(&sb, lklen + 2);
		name = sb_detach(&sb);
	} else {
		char *w = name = xmalloc(nlen + lklen + 2);
		for (size_t k = a; k < b; k++) {
			const tok *t = &x->t[k];
			if (k > a && (t->flags & T_SPACE))
				*w++ = ' ';
			memcpy(w, x->text + t->start, t->end - t->start);
			w += t->end - t->start;
		}
	}
	name[nlen] = '\0';
	c->name = name;
	c->lkey = name + nlen + 1;
	c->lklen = lklen;
	memcpy(c->lkey, tkey(x, a), lklen);
	c->lkey[lklen] = '\0';
	return c;
}

/* Adds a gazetteer match as a candidate. */
void ent_add_gaz(ctx *x, size_t k, const match *m)
{
	cand *c = ent_add_cand(x, k, k + m->ntok);
	c->gaz = m->p->canonical;
	if (m->p->type == ENT_MISC) {
		/* "Champions League", "Australian Open": no entity, and no
		 * shorter name is cut out of it */
		c->misc = c->nodefault = true;
		return;
	}
	c->strong = true;
	c->score[m->p->type] += EV_DEF;
}

/* Whether token k is an age-group team's prefix: U and two digits ("U23
 * Việt Nam", "U16 Thái Lan"). */
static bool age_group(const ctx *x, size_t k)
{
	const tok *t = &x->t[k];
	const char *s = x->text + t->start;
	return t->end - t->start == 3 && s[0] == 'U' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' &&
	       s[2] <= '9';
}

/* The abbreviations.tsv kinds of the cue phrase at token k (n tokens long,
 * with cue kinds `kinds`), or 0: a one-word abbreviation written as a
 * Vietnamese syllable with one capital ("Ca", "Sen") is the word, not the
 * abbreviation (CA, SEN). An age-group prefix (U23) heads a team's name. */
unsigned ent_abbr_kinds(const ctx *x, size_t k, size_t n, unsigned kinds)
{
	if (k < x->nt && age_group(x, k))
		return CUE_ABBR_ORG_HEAD;
	if (!(kinds & CUE_ABBR))
		return 0;
	uint32_t f = x->t[k].flags;
	if (n == 1 && !(f & T_ALLCAPS) && (f & T_VI))
		return 0;
	return kinds & CUE_ABBR;
}

/* Whether token k is an acronym that names an organization (NATO, CNN). */
bool ent_acronym(ctx *x, size_t k)
{
	const tok *t = &x->t[k];
	if (!(t->flags & T_ALLCAPS) || (t->flags & T_DIGIT))
		return false;
	size_t n = t->end - t->start;
	if (n > 8)
		return false;
	/* Roman numerals (II, XIV) are numbers */
	bool roman = true;
	for (size_t i = t->start; i < t->end; i++)
		if (!strchr("IVXLCDM", x->text[i]))
			roman = false;
	if (roman)
		return false;
	/* "SỐC", "CHỐT", "CƯỚP": a Vietnamese word of a headline in
	 * capitals, with its tone or vowel marks (an acronym has none but
	 * Đ: "ĐH", "HĐND") */
	if ((t->flags & T_VI) && n >= 3)
		for (size_t i = t->start; i < t->end; i++) {
			unsigned char c = (unsigned char)x->text[i];
			if (c >= 0x80 && !(c == 0xC4 && (unsigned char)x->text[i + 1] == 0x90))
				return false;
			if (c == 0xC4)
				i++;
		}
	unsigned kinds = 0;
	match m = find_phrase(x, k, false, &kinds);
	if (m.p && m.ntok == 1 &&
	    (kinds & (CUE_STOP_ACRO | CUE_STOP | CUE_TITLE | CUE_HONORIFIC | CUE_ABBR)))
		return false;
	return true;
}

/* Whether a Korean-style name starts at token j: a capitalized word and a
 * hyphenated given name ("Park Seung-woo", "Lee Ji-eun"). Such a name
 * ends whatever capitalized run comes before it ("Tập đoàn LG | Park
 * Seung-woo"). */
bool ent_korean_name(const ctx *x, size_t j)
{
	return j + 3 < x->nt && namey(x, j) && !(x->t[j].flags & T_ALLCAPS) && namey(x, j + 1) &&
	       (x->t[j + 2].flags & T_DASH) && !(x->t[j + 2].flags & T_SPACE) &&
	       x->text[x->t[j + 2].start] == '-' && (x->t[j + 3].flags & T_WORD) &&
	       (x->t[j + 3].flags & T_LOWER) && !(x->t[j + 3].flags & T_SPACE);
}

/* Whether token j is an English initial before a name: one capital
 * letter, its dot and a name or particle ("J. Ratcliffe", "A.de Silva"),
 * not a sentence's first word ("World War I. The"). */
bool ent_initial(ctx *x, size_t j)
{
	if (j + 2 >= x->nt || x->t[j].end - x->t[j].start != 1 || !(x->t[j].flags & T_CAP) ||
	    x->text[x->t[j + 1].start] != '.' || (x->t[j + 1].flags & T_SPACE))
		return false;
	size_t q = j + 2;
	unsigned kinds;
	size_t n = cue_at(x, q, &kinds);
	if ((x->t[q].flags & T_LOWER) && !(x->t[q].flags & T_SPACE) && n == 1 &&
	    (kinds & CUE_PARTICLE))
		return namey(x, q + 1);
	if (!namey(x, q) || (x->t[q].flags & T_ALLCAPS))
		return false;
	return !(n && (kinds & (CUE_STOP | CUE_FUNCTION | CUE_COMMON | CUE_TITLE)));
}

/* The end of the hyphenated parts of an English name from token j (the
 * token after its first part): "-Mart", "-Anthony", "-ul-Haq". A
 * lower-case part joins only on the way to a capitalized one. */
static size_t hyphen_tail(const ctx *x, size_t j)
{
	for (;;) {
		size_t q = j;
		while (q + 1 < x->nt && x->text[x->t[q].start] == '-' &&
		       x->t[q].end - x->t[q].start == 1 && !(x->t[q].flags & T_SPACE) &&
		       (x->t[q + 1].flags & T_WORD) && !(x->t[q + 1].flags & (T_SPACE | T_DIGIT))) {
			q += 2;
			if (!(x->t[q - 1].flags & T_LOWER))
				break;
		}
		if (q == j || (x->t[q - 1].flags & T_LOWER))
			return j;
		j = q;
	}
}

/* Collects a run of capitalized tokens from k (English: with connectors
 * inside organization names). Returns the index after the run. */
size_t ent_name_run(ctx *x, size_t k, bool *has_org, bool *has_loc, bool *misc)
{
	size_t j = k;
	size_t last_conn = 0, poss = 0, loc_end = 0;
	*has_org = *has_loc = *misc = false;
	bool caps = (x->t[k].flags & T_ALLCAPS) != 0;
	while (j < x->nt) {
		if (namey(x, j)) {
			/* an acronym does not join a run of ordinary names */
			bool jc = (x->t[j].flags & T_ALLCAPS) != 0;
			unsigned kinds;
			size_t n = cue_at(x, j, &kinds);
			/* "Hà Nội FC", "Hòa Phát JSC": an abbreviation that ends an
			 * organization's name joins its run */
			bool suffix = n == 1 && (kinds & (CUE_ORG_SUFFIX | CUE_ABBR_ORG_SUFFIX));
			if (j > k && jc != caps && !(jc && suffix))
				break;
			if (j > k) {
				/* a title or a stop phrase inside ends the run: "Hoa Kỳ Thứ Năm" */
				/* but "Mervyn King said": in English a title after a
				 * given name, ending the run, is a surname */
				/* (or after a title or a form of address: "Labour MP
				 * Oona King") */
				unsigned pk;
				bool surname = x->en && j == k + 1 && n == 1 && !namey(x, j + 1) &&
				               (ent_given_name(x, k) ||
				                (k > 0 && cue_at(x, k - 1, &pk) == 1 &&
				                 (pk & (CUE_TITLE | CUE_HONORIFIC))));
				if ((n > 1 && (kinds & CUE_STOP)) || (n && (kinds & CUE_TITLE) && !surname))
					break;
				/* "CLEVELAND AT TEXAS": in capitals a common word is none
				 * of a name */
				if (caps && n == 1 && (kinds & (CUE_COMMON | CUE_STOP)))
					break;
				/* "Phía Nga", "Tuyển Việt Nam", "Vụ OceanBank": a capitalized
				 * first word of a sentence before a known name or a
				 * brand is no part of it */
				if (j == k + 1 && (x->t[k].flags & T_INITIAL) &&
				    (gaz_at(x, j).p || ((x->t[k].flags & T_VI) && ent_camel_word(x, j))) &&
				    !ent_vi_given_pair(x, k, j))
					break;
				if (ent_korean_name(x, j))
					break;
				/* "Interrupting Mr Sukul", "Boss Sir Alex": in English a
				 * form of address inside a run starts another name (not
				 * a Vietnamese one's syllable: "Tran Anh Tuan") */
				if (x->en && !caps && n == 1 && (kinds & CUE_HONORIFIC) &&
				    !(x->t[j].flags & T_VI) && namey(x, j + 1))
					break;
				if (ent_vi_name_break(x, k, j))
					break;
			}
			/* "NationsBank Corp. could", "Acme Inc., a unit": an
			 * abbreviated suffix keeps its dot inside a sentence and
			 * ends the name; at the sentence's end ("... Acme Inc.
			 * The") the dot is the sentence's */
			if (x->en && j > k && n == 2 && (kinds & CUE_ORG_SUFFIX) &&
			    x->text[x->t[j + 1].start] == '.' && !(x->t[j + 1].flags & T_SPACE)) {
				*has_org = true;
				j += j + 2 < x->nt && !(x->t[j + 2].flags & T_PARA) &&
				             !namey(x, j + 2) && x->text[x->t[j + 2].start] != '\n'
				         ? 2
				         : 1;
				break;
			}
			if (suffix)
				*has_org = true;
			if (n == 1 && (kinds & CUE_LOC_SUFFIX))
				*has_loc = true, loc_end = j + 1;
			if (n == 1 && (kinds & CUE_MISC_SUFFIX) && j > k)
				*misc = true;
			/* "J. Ratcliffe", "A.de Silva": an initial and its dot */
			/* (in Vietnamese text too inside a foreign name:
			 * "Johanna L. Roose") */
			if ((x->en || (j > k && !(x->t[j - 1].flags & T_VI) && namey(x, j + 2) &&
			               !(x->t[j + 2].flags & T_VI))) &&
			    ent_initial(x, j)) {
				j += 2;
				continue;
			}
			j++;
			/* "Wal-Mart", "Kilroy-Silk", "Inzamam-ul-Haq": English names
			 * joined by hyphens stay whole */
			if (x->en)
				j = hyphen_tail(x, j);
			/* "Villas-Boas": in Vietnamese a foreign name's parts,
			 * none a known name nor a Vietnamese syllable ("Hà
			 * Nội-Hải Phòng" is two places), each of three letters
			 * or more ("Lab-S", "Wi-Fi", "G-Dragon" are a code's,
			 * a word's, a stage name's shape) */
			else if (!(x->t[j - 1].flags & T_VI) && !gaz_at(x, j - 1).p &&
			         x->t[j - 1].end - x->t[j - 1].start >= 3 && j + 1 < x->nt &&
			         !(x->t[j + 1].flags & (T_VI | T_ALLCAPS)) &&
			         x->t[j + 1].end - x->t[j + 1].start >= 3 && !gaz_at(x, j + 1).p) {
				size_t q = hyphen_tail(x, j);
				if (q == j + 2)
					j = q;
			}
			/* "Park Hang-seo", "An-đô Kát-su-hi-rô": a hyphenated
			 * lower-case tail, in a transliteration of several parts;
			 * in English not on a first word ("Glasgow-based") */
			while ((!x->en || j > k + 1) && j + 1 < x->nt && (x->t[j].flags & T_DASH) &&
			    !(x->t[j].flags & T_SPACE) && (x->t[j + 1].flags & T_WORD) &&
			    (x->t[j + 1].flags & T_LOWER) && !(x->t[j + 1].flags & T_SPACE) &&
			    x->text[x->t[j].start] == '-') {
				/* "Kansas City-based Acme Inc", "Dutch-owned X": in
				 * English a participle's tail before another name makes
				 * an adjective of the name before ("Low-fare Airlines"
				 * stays whole) */
				const tok *tl = &x->t[j + 1];
				size_t tn = tl->end - tl->start;
				if (x->en && namey(x, j + 2) && (x->t[j + 2].flags & T_SPACE) &&
				    ((tn > 3 && memcmp(x->text + tl->end - 2, "ed", 2) == 0) ||
				     ent_written(x, j + 1, "born") || ent_written(x, j + 1, "run") ||
				     ent_written(x, j + 1, "made")))
					break;
				j += 2;
			}
			continue;
		}
		/* "Bashar al-Assad", "Abu Bakr al-Baghdadi": a particle
		 * hyphened to the next part of the name */
		unsigned pk;
		if (j > k && j + 2 < x->nt && (x->t[j].flags & T_LOWER) && (x->t[j].flags & T_SPACE) &&
		    cue_at(x, j, &pk) == 1 && (pk & CUE_PARTICLE) &&
		    x->text[x->t[j + 1].start] == '-' && x->t[j + 1].end - x->t[j + 1].start == 1 &&
		    !(x->t[j + 1].flags & T_SPACE) && !(x->t[j + 2].flags & T_SPACE) &&
		    namey(x, j + 2) && !(x->t[j + 2].flags & T_ALLCAPS)) {
			j += 3;
			continue;
		}
		/* "Ursula von der Leyen" */
		if (j > k && (x->t[j].flags & T_WORD) && (x->t[j].flags & T_LOWER)) {
			size_t q = j;
			unsigned kinds;
			while (q < x->nt && cue_at(x, q, &kinds) == 1 && (kinds & CUE_PARTICLE) &&
			       (x->t[q].flags & T_LOWER))
				q++;
			if (q > j && namey(x, q) && !(x->t[q].flags & T_ALLCAPS)) {
				j = q;
				continue;
			}
		}
		/* "International Federation of the Phonographic Industry": "of
		 * the" after an organization's word ending two words or more of
		 * an English name (not "Tony Blair of the Labour Party", nor a
		 * title, "House of the Dead") */
		unsigned ok;
		if (j > k + 1 && x->en && ent_written(x, j, "of") && ent_written(x, j + 1, "the") &&
		    namey(x, j + 2) && !(x->t[j + 2].flags & T_ALLCAPS) &&
		    cue_at(x, j - 1, &ok) == 1 &&
		    (ok & (CUE_ORG_SUFFIX | CUE_ORG_HEAD | CUE_ORG_HEAD_LOC))) {
			if (!last_conn)
				last_conn = j;
			j += 2;
			continue;
		}
		/* connectors: "Ministry of Foreign Affairs", "Bosnia and Herzegovina" */
		if (j > k && (x->t[j].flags & (T_WORD)) && (x->t[j].flags & T_LOWER) &&
		    namey(x, j + 1)) {
			unsigned kinds;
			size_t n = cue_at(x, j, &kinds);
			/* "Lufthansa and British Airways": "and" joins two names
			 * only inside a name with "of" ("Ministry of Trade and
			 * Industry") */
			if (n == 1 && (kinds & CUE_CONNECTOR) && x->en && !last_conn &&
			    x->t[j].klen == 3 && memcmp(tkey(x, j), "and", 3) == 0)
				break;
			/* "Tim Daly of Acme Foods": a person's name before "of"
			 * ends there (entity_en.c) */
			if (n == 1 && (kinds & CUE_CONNECTOR) && !last_conn && ent_written(x, j, "of") &&
			    ent_en_person_of(x, k, j))
				break;
			if (n == 1 && (kinds & CUE_CONNECTOR) && x->en) {
				/* "the Globe Theatre | on Friday": a connector before a
				 * last word that is never a name (a weekday, a month)
				 * joins nothing; "Church of All Saints" goes on */
				unsigned sk;
				if (cue_at(x, j + 1, &sk) == 1 && (sk & CUE_STOP) && !namey(x, j + 2))
					break;
				/* "Shares of Acme Inc": the first word of a sentence
				 * before "of" joins only as an organization's or a
				 * place's word ("Bank of America", "Bosnia and
				 * Herzegovina") */
				unsigned fk;
				if (j == k + 1 && (x->t[k].flags & T_INITIAL) && !gaz_at(x, k).p &&
				    !(cue_at(x, k, &fk) == 1 &&
				      (fk & (CUE_ORG_SUFFIX | CUE_ORG_HEAD | CUE_ORG_HEAD_LOC |
				             CUE_LOC_HEAD | CUE_LOC_SUFFIX))))
					break;
				if (!last_conn)
					last_conn = j;
				j++;
				continue;
			}
		}
		if (j > k && x->text[x->t[j].start] == '&' && namey(x, j + 1) &&
		    !(x->t[j].flags & T_SPACE)) {
			j++;
			continue;
		}
		/* "Fairmont Hotels & Resorts", "Tibbett & Britten": in English
		 * names joined by a spaced "&" are a firm's */
		if (j > k && x->en && x->text[x->t[j].start] == '&' && namey(x, j + 1) &&
		    !(x->t[j + 1].flags & T_ALLCAPS) && !(x->t[j - 1].flags & T_ALLCAPS)) {
			*has_org = true;
			j++;
			continue;
		}
		/* "Hanoi People's Committee": a possessive inside an English
		 * organization name, not after a known name ("Russia's") */
		if (j > k && !(x->t[j].flags & T_WORD) && !(x->t[j].flags & T_SPACE) &&
		    j + 2 < x->nt && x->t[j + 1].end - x->t[j + 1].start == 1 &&
		    x->text[x->t[j + 1].start] == 's' && !(x->t[j + 1].flags & T_SPACE) &&
		    namey(x, j + 2) && !gaz_at(x, j - 1).p &&
		    (x->text[x->t[j].start] == '\'' ||
		     (x->t[j].end - x->t[j].start == 3 &&
		      memcmp(x->text + x->t[j].start, "\xe2\x80\x99", 3) == 0))) {
			/* "The Office's Ricky Gervais", "Tony Blair's Labour
			 * Party": a person's name after the possessive, or
			 * before it, is no part of another name */
			if (ent_en_person_at(x, j + 2) || ent_en_person_of(x, k, j))
				break;
			/* "Mr Lula's Workers' Party": after a form of address
			 * the possessive ends the person's name */
			unsigned hk;
			if (x->en && k > 0 && cue_at(x, k - 1, &hk) == 1 && (hk & CUE_HONORIFIC))
				break;
			if (!poss)
				poss = j;
			j += 2;
			continue;
		}
		break;
	}
	/* "Manic Street Preachers": in English a place's suffix names a
	 * place as the run's last word ("Oxford Street") or before a
	 * connector ("City of London"), not inside a name; so in English
	 * words of a Vietnamese article ("Hochiminh City Wings") */
	if (*has_loc && loc_end < j && !(x->t[loc_end].flags & T_LOWER) &&
	    (x->en || !((x->t[loc_end - 1].flags | x->t[loc_end].flags) & T_VI)))
		*has_loc = false;
	/* connectors and possessives stay only inside organization (and place)
	 * names */
	if (last_conn && !*has_org && !*has_loc)
		j = last_conn;
	if (poss && !*has_org && j > poss)
		j = poss;
	if (j - k > MAXPHRASE)
		j = k + MAXPHRASE;
	return j;
}

/* Whether a date alone ends the line from token e ("BELGRADE
 * 1996-08-22"): one run of digits and dashes, then the line's end (not
 * "KANSAS CITY 61 74 .452", a table's row). */
static bool dateline_date(const ctx *x, size_t e)
{
	if (!(x->t[e].flags & T_DIGIT))
		return false;
	for (e++; e < x->nt; e++) {
		const tok *t = &x->t[e];
		if (x->text[t->start] == '\n')
			return true;
		if (!(t->flags & (T_DIGIT | T_DASH)) || (t->flags & T_SPACE))
			return false;
	}
	return true;
}

/* An ALL-CAPS dateline at the start of a line ("REHOBOTH BEACH - ",
 * "WASHINGTON (AP) -"): a place. Returns the token after it, or 0. */
size_t ent_dateline(ctx *x, size_t k)
{
	size_t e = k;
	while (e < x->nt && (x->t[e].flags & T_WORD) && (x->t[e].flags & T_ALLCAPS) &&
	       !(x->t[e].flags & T_DIGIT) && e - k < 5)
		e++;
	if (e == k || e >= x->nt)
		return 0;
	/* "SOCCER - ...", "RESULTS - ...": a headline's subject, no place */
	for (size_t q = k; q < e; q++) {
		unsigned kinds;
		if (cue_at(x, q, &kinds) == 1 && (kinds & (CUE_COMMON | CUE_STOP)))
			return 0;
	}
	uint32_t f = x->t[e].flags;
	char c = x->text[x->t[e].start];
	if (!((f & T_DASH) || (f & T_LPAREN) || c == ',' || dateline_date(x, e)))
		return 0;
	/* "VN-Index tăng": a hyphen glued to one word and the next, written
	 * in lower case, makes one word of them, no dateline's dash (but
	 * "URUS-MARTAN, Russia" is a place) */
	if (e == k + 1 && (f & T_DASH) && !(f & T_SPACE) && e + 1 < x->nt &&
	    (x->t[e + 1].flags & T_WORD) && !(x->t[e + 1].flags & T_ALLCAPS) &&
	    !(x->t[e + 1].flags & T_SPACE))
		return 0;
	match g = gaz_at(x, k);
	/* "MILAN 1996-08-30" is the city, sport or not */
	if (g.p && g.p->plain) {
		g.p = ent_plain(x, g.p);
		if (g.p && g.p->type != ENT_LOC)
			g.p = NULL;
	}
	if (g.p && k + g.ntok == e) {
		ent_add_gaz(x, k, &g);
		return e;
	}
	cand *cd = ent_add_cand(x, k, e);
	cd->strong = true;
	cd->score[ENT_LOC] += EV_DEF;
	return e;
}
