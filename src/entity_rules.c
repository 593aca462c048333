/* entity_rules.c: the name matchers of entity extraction: the span and
 * the first evidence of a name at a token (a run of capitalized words, an
 * organization after its head noun, a place after an administrative
 * unit, an ALL-CAPS dateline). The scanners of entity_scan.c apply them;
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
	if (allcaps && b - a > 1) {
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
	size_t last_conn = 0, poss = 0;
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
				bool surname = x->en && j == k + 1 && n == 1 && ent_given_name(x, k) &&
				               !namey(x, j + 1);
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
				    !(ent_vi_name_syllable(x, k) && gaz_at(x, j).ntok == 1 &&
				      ent_vi_name_syllable(x, j)))
					break;
				if (ent_korean_name(x, j))
					break;
				if (ent_vi_name_break(x, k, j))
					break;
			}
			if (suffix)
				*has_org = true;
			if (n == 1 && (kinds & CUE_LOC_SUFFIX))
				*has_loc = true;
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
			/* "Park Hang-seo", "An-đô Kát-su-hi-rô": a hyphenated
			 * lower-case tail, in a transliteration of several parts;
			 * in English not on a first word ("Glasgow-based") */
			while ((!x->en || j > k + 1) && j + 1 < x->nt && (x->t[j].flags & T_DASH) &&
			    !(x->t[j].flags & T_SPACE) && (x->t[j + 1].flags & T_WORD) &&
			    (x->t[j + 1].flags & T_LOWER) && !(x->t[j + 1].flags & T_SPACE) &&
			    x->text[x->t[j].start] == '-')
				j += 2;
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
			if (!poss)
				poss = j;
			j += 2;
			continue;
		}
		break;
	}
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

/* The end of the place named at token q after an administrative unit
 * ("tỉnh Điện Biên", "huyện Mường Nhé"), or 0: a gazetteer place, or one
 * to three capitalized Vietnamese syllables (two when more follow: a
 * person's name may come next); a two-syllable name that starts with a
 * one-word known place is the two syllables. */
static size_t admin_place(ctx *x, size_t q)
{
	match g = gaz_at(x, q);
	if (g.p && g.p->type != ENT_LOC)
		return 0;
	/* "UBND xã | Nguyễn Văn An": a person after the unit's word */
	bool mid;
	if (!g.p && ent_vi_person(x, q, &mid) >= 3 && mid)
		return 0;
	size_t e = q;
	while (namey(x, e) && (x->t[e].flags & T_VI) && !(x->t[e].flags & T_ALLCAPS)) {
		unsigned kinds;
		if (cue_at(x, e, &kinds) && (kinds & (CUE_TITLE | CUE_ORG_HEAD | CUE_ORG_HEAD_LOC)))
			break;
		e++;
	}
	if (e - q > 3)
		e = q + 2;
	/* "xã Đức Nhân", "huyện Anh Sơn": a one-word known place (Đức)
	 * may start a two-word name */
	if (g.p && !(g.ntok == 1 && e == q + 2))
		return q + g.ntok;
	return e == q ? 0 : e;
}

/* Whether a place that an organization's name may end with starts at
 * token q: a known place (for heads that keep it; any but the home
 * country after a word of the name: "Bộ Tổng tham mưu Nga") or an
 * administrative unit and its place. */
static bool org_place_at(ctx *x, size_t q, bool keep_loc)
{
	if (q >= x->nt)
		return false;
	if (x->t[q].flags & T_CAP) {
		match g = gaz_at(x, q);
		if (g.p && g.p->type == ENT_LOC &&
		    (keep_loc || !g.p->canonical || strcmp(g.p->canonical, HOME_COUNTRY) != 0))
			return true;
	}
	unsigned kinds;
	size_t n = cue_at(x, q, &kinds);
	return n && (kinds & CUE_LOC_ADMIN) && admin_place(x, q + n);
}

/* Whether token q is a lower-case Vietnamese syllable. */
static bool lower_vi(const ctx *x, size_t q)
{
	return q < x->nt && (x->t[q].flags & T_WORD) && (x->t[q].flags & T_LOWER) &&
	       (x->t[q].flags & T_VI);
}

/* Whether token q is a lower-case syllable that may describe an
 * organization: no cue word, or a village word not before a name
 * ("Phát triển nông thôn | Tp. Hồ Chí Minh": thôn is no village there),
 * or a word that is no name when capitalized ("điều tra"). */
static bool descr_word(ctx *x, size_t q)
{
	unsigned kinds;
	if (!lower_vi(x, q) || !cue_at(x, q, &kinds))
		return lower_vi(x, q);
	if ((kinds & CUE_ADMIN_WEAK) && (!namey(x, q + 1) || ent_admin_word(x, q + 1)))
		kinds &= ~(CUE_ADMIN_WEAK | CUE_LOC_ADMIN);
	/* "Chính sách xã hội": a unit's word before a lower-case syllable
	 * is a word's syllable ("xã hội", society) */
	if ((kinds & CUE_LOC_ADMIN) && lower_vi(x, q + 1))
		kinds &= ~(CUE_LOC_ADMIN | CUE_LOC_CUE);
	return !(kinds & ~(CUE_VI_NAME | CUE_SPORT | CUE_COMMON | CUE_STOP));
}

/* The start of the capitalized name that a run of lower-case words
 * describing an organization leads to, from token q ("Trung tâm sách |
 * Gia Định", "Công nghiệp tàu thủy | Dung Quất", "nhà máy sản xuất phân
 * bón | DAP"), or 0: one to five syllables that are no cue word (a verb
 * or a function word may be a cue: "vừa", "cho biết", "tại"), then a
 * capital that is no cue, no person's full name and no known name but a
 * place, which only a head that keeps its place (place_ok) takes, or a
 * place that is no country, which a head written in lower case takes
 * (local_ok: "nhà máy đạm | Ninh Bình", but "nhà máy điện tử | Trung
 * Quốc" is a Chinese plant); a person's full name only where the body
 * is named after one (person_ok: a school). */
static size_t descr_run(ctx *x, size_t q, bool place_ok, bool local_ok, bool person_ok)
{
	unsigned kinds;
	size_t e = q;
	while (e < q + 5 && descr_word(x, e))
		e++;
	if (e == q || !namey(x, e))
		return 0;
	if (cue_at(x, e, &kinds) &&
	    (kinds & ~(CUE_VI_NAME | CUE_SPORT | CUE_COMMON | CUE_ABBR_ORG_PART | CUE_SURNAME)))
		return 0;
	bool mid;
	if (!person_ok && ent_vi_person(x, e, &mid) >= 3 && mid)
		return 0;
	match g = gaz_at(x, e);
	if (g.p && !((place_ok || (local_ok && !g.p->country)) && g.p->type == ENT_LOC))
		return 0;
	return e;
}

/* The number of foreign capitalized words (a brand: "Pacific Crystal",
 * "Warburg Pincus") from token q, at most three, or 0 when more follow. */
static size_t brand_run(const ctx *x, size_t q)
{
	size_t m = 0;
	while (namey(x, q + m) && !(x->t[q + m].flags & T_VI) && (x->t[q + m].flags & T_SPACE))
		if (++m > 3)
			return 0;
	return m;
}

/* Whether the home country's name (a gazetteer alias of it) is at token q. */
static bool home_at(ctx *x, size_t q)
{
	match g = gaz_at(x, q);
	return g.p && g.p->type == ENT_LOC && g.p->canonical &&
	       strcmp(g.p->canonical, HOME_COUNTRY) == 0;
}

/* Whether the lower-case words "quốc tế" (international) are at token q. */
static bool intl_at(const ctx *x, size_t q)
{
	return q + 1 < x->nt && ent_written(x, q, "quốc") && ent_written(x, q + 1, "tế");
}

/* Whether token q is a number of one to three digits ("115", "5"). */
static bool unit_digits(const ctx *x, size_t q)
{
	if (q >= x->nt || !(x->t[q].flags & T_DIGIT) || x->t[q].end - x->t[q].start > 3)
		return false;
	/* "06", "012": a code or a house number, no unit's number */
	if (x->text[x->t[q].start] == '0')
		return false;
	for (size_t i = x->t[q].start; i < x->t[q].end; i++)
		if (x->text[i] < '0' || x->text[i] > '9')
			return false;
	return true;
}

/* The end of the name a unit's number at token q closes ("Ban Quản lý
 * dự án 5", "Bệnh viện Đa khoa 115 Nghệ An", "Quân khu 1"), or 0: the
 * number is no count or date when the clause ends after it, a verb or
 * small word comes next, or the place the body serves (which joins the
 * name); another lower-case word after it, or a small word that is a
 * stop word too, counts something ("Bộ Y tế | 2 năm"); a dot, comma,
 * colon, slash or dash glued to a digit makes it a date, a time or a
 * decimal ("5/9", "2,5"). */
static size_t unit_number(ctx *x, size_t q, bool keep_loc)
{
	if (!unit_digits(x, q))
		return 0;
	size_t e = q + 1;
	if (e >= x->nt)
		return e;
	const tok *t = &x->t[e];
	if (!(t->flags & T_WORD)) {
		if (!(t->flags & T_SPACE) && e + 1 < x->nt && !(x->t[e + 1].flags & T_SPACE) &&
		    (x->t[e + 1].flags & T_DIGIT))
			return 0;
		return strchr(",.;:)\"", x->text[t->start]) || (t->flags & T_SPACE) ? e : 0;
	}
	unsigned kinds;
	/* a small word that is no stop word: "năm", "ngày", "sau" count */
	if ((t->flags & T_LOWER) && cue_at(x, e, &kinds) &&
	    (kinds & (CUE_FUNCTION | CUE_PER_POST | CUE_LOC_PREP | CUE_CONNECTOR)) &&
	    !(kinds & CUE_STOP))
		return e;
	if (t->flags & T_CAP) {
		match g = gaz_at(x, e);
		if (g.p && g.p->type == ENT_LOC)
			return e + g.ntok;
	}
	if (org_place_at(x, e, keep_loc)) {
		size_t n = cue_at(x, e, &kinds);
		size_t pe = n ? admin_place(x, e + n) : 0;
		return pe ? pe : 0;
	}
	return 0;
}

/* Whether the organization's head at token k is a school's ("Trường",
 * "trường", THPT, THCS), whose name is often a person's. */
static bool school_head(const ctx *x, size_t k)
{
	static const char *const heads[] = {"Trường", "trường", "THPT", "THCS", "PTTH", "PTCS"};
	for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
		if (ent_written(x, k, heads[i]))
			return true;
	return false;
}

/* The length of the person's name at token j, and in *person whether
 * one starts there: a family name and another capital, or a full name
 * with a middle name; a surname's capitalized syllables up to another
 * family name ("Nguyễn Trãi | Nguyễn Văn An", "Chu Văn An | Trần Thị
 * Mai"). */
static size_t person_len(ctx *x, size_t j, bool *person)
{
	unsigned kinds;
	bool mid;
	size_t n = cue_at(x, j, &kinds), pl = ent_vi_person(x, j, &mid);
	*person = (n == 1 && (kinds & CUE_SURNAME) && namey(x, j + 1)) || (pl >= 3 && mid);
	if (*person && pl < 2) {
		pl = 1;
		while (pl < 4 && namey(x, j + pl) && (x->t[j + pl].flags & T_VI) &&
		       !(x->t[j + pl].flags & T_ALLCAPS) && !ent_vi_family(x, j + pl))
			pl++;
	}
	for (size_t q = j + 2; *person && q < j + pl; q++)
		if (ent_vi_family(x, q) && namey(x, q + 1)) {
			pl = q - j;
			break;
		}
	return pl;
}

/* The length of the person's name a school's name (headed at token k)
 * holds at token j ("Trường Tiểu học | Phan Văn Trị |"), or 0. */
size_t ent_school_person(ctx *x, size_t k, size_t j)
{
	bool person = false;
	size_t pl = school_head(x, k) && (x->t[j].flags & T_CAP) && !gaz_at(x, j).p
	                    ? person_len(x, j, &person)
	                    : 0;
	return pl >= 2 && person ? pl : 0;
}

/* The end of one to three lower-case syllables describing a body and
 * the unit's number after them, "số" before it or not, from token q
 * ("bộ binh 23", "không vận số 1"), or 0; not after a word of rank or
 * time ("công ty lớn thứ 7", "Bệnh viện hạng 2"). */
static size_t descr_number(ctx *x, size_t q, bool keep_loc)
{
	size_t e = q;
	while (e < q + 3 && descr_word(x, e) && !ent_written(x, e, "số"))
		e++;
	if (e == q)
		return 0;
	/* "lớn thứ 7", "hạng 2", "lần 3": a rank or a time, no unit */
	static const char *const ranks[] = {"thứ", "hạng", "lần", "khóa", "khoá", "kỳ",
	                                    "đợt", "vòng", "tầng", "top"};
	for (size_t i = 0; i < sizeof ranks / sizeof *ranks; i++)
		if (ent_written(x, e - 1, ranks[i]))
			return 0;
	if (ent_written(x, e, "số") && unit_digits(x, e + 1))
		e++;
	return unit_number(x, e, keep_loc);
}

/* Extends an organization name after its head noun (tokens k..h-1).
 * Vietnamese capitalizes the first syllable of each word of an
 * organization's name, so one lower-case syllable may follow a capitalized
 * one ("Bộ Ngoại giao"); "và", "&" and "châu" join when a capital follows.
 * A foreign name right after the head is the name ("Điện Kremlin"). A
 * known place ends the name ("Bộ Ngoại giao | Nga"), except after heads
 * like "Đại học" whose names end with their city (keep_loc); an
 * administrative unit and its place always end it inside ("Sở Y tế tỉnh
 * Điện Biên"). After a title (after_title), a surname and another capital
 * start the person ("Bộ trưởng Bộ Tài chính | Hồ Văn Phúc"). Returns the
 * end token, or k when nothing name-like follows the head. */
size_t ent_org_tail(ctx *x, size_t k, size_t h, bool keep_loc, bool after_title)
{
	/* "công an" in lower case is the police in general ("công an tìm
	 * ra"): a body only before its unit and place */
	bool unit_only = (x->t[k].flags & T_LOWER) && h == k + 2 && ent_written(x, k, "công") &&
	                 ent_written(x, k + 1, "an");
	size_t j = h, end = k;
	int lower_run = (x->t[h - 1].flags & T_LOWER) ? 1 : 0;
	int ncap = 0;
	bool foreign = false, vi = false, place_next = false, after_dash = false;
	bool local_place = false; /* a lower-case head's words led to a place */
	bool school = school_head(x, k), named = false;
	/* the heads written in lower case are the org-head+ ones */
	bool lower_head = (x->t[k].flags & T_LOWER) != 0;
	int cap_run = 0; /* capitalized syllables in a row */
	while (j < x->nt) {
		const tok *t = &x->t[j];
		if (unit_only) {
			unsigned uk;
			size_t un = cue_at(x, j, &uk), pe;
			if (un && (uk & CUE_LOC_ADMIN) && (pe = admin_place(x, j + un))) {
				end = pe;
				ncap++;
			}
			break;
		}
		if (!(t->flags & T_WORD)) {
			if (x->text[t->start] == '&' && ncap && namey(x, j + 1)) {
				j++;
				lower_run = 0;
				continue;
			}
			/* "Bộ Văn hóa, Thể thao và Du lịch": a list that ends in "và" */
			if (x->text[t->start] == ',' && ncap && vi && namey(x, j + 1)) {
				size_t q = j + 1;
				bool found = false;
				while (q < x->nt && q < j + 8) {
					const tok *u = &x->t[q];
					unsigned kinds;
					if ((u->flags & T_WORD) && (u->flags & T_LOWER) &&
					    cue_at(x, q, &kinds) == 1 && (kinds & CUE_CONNECTOR) &&
					    namey(x, q + 1)) {
						found = true;
						break;
					}
					if (!(u->flags & T_WORD) && x->text[u->start] != ',')
						break;
					if ((u->flags & T_WORD) && !(u->flags & T_VI))
						break;
					q++;
				}
				if (found) {
					j++;
					lower_run = 0;
					continue;
				}
			}
			/* "Mặt trận Al-Nusra": a hyphen inside a foreign word */
			if ((t->flags & T_DASH) && ncap && !(t->flags & T_SPACE) && namey(x, j + 1) &&
			    !(x->t[j + 1].flags & T_SPACE) && !(x->t[j - 1].flags & T_VI)) {
				j++;
				continue;
			}
			/* "Ủy ban Tài chính - Ngân sách", "Liên minh Kinh tế Á - Âu": a
			 * dash between Vietnamese words of the name */
			if ((t->flags & T_DASH) && ncap && vi && !foreign && namey(x, j + 1) &&
			    (x->t[j + 1].flags & T_VI) && !(x->t[j + 1].flags & T_ALLCAPS) &&
			    !gaz_at(x, j + 1).p) {
				unsigned kinds;
				if (!cue_at(x, j + 1, &kinds) ||
				    !(kinds &
				      (CUE_TITLE | CUE_ORG_HEAD | CUE_ORG_HEAD_LOC | CUE_STOP))) {
					j++;
					lower_run = 0;
					continue;
				}
			}
			break;
		}
		if (t->flags & (T_DIGIT | T_DOMAIN)) {
			/* "Ban QLDA 5", "Quân khu 1", "Bệnh viện 115": a unit's
			 * number after a word of the name or a head of two words */
			size_t ne;
			if ((t->flags & T_DIGIT) && !foreign && (ncap || h - k >= 2 || keep_loc) &&
			    (ne = unit_number(x, j, keep_loc))) {
				end = ne;
				ncap++;
			}
			break;
		}
		if (t->flags & T_CAP) {
			match g = gaz_at(x, j);
			/* "Công ty Dệt Pacific Crystal": a foreign place's name
			 * before another foreign word is a brand's word */
			if (g.p && g.p->type == ENT_LOC && ((vi && (keep_loc || lower_head)) || local_place) &&
			    !(t->flags & T_VI) && brand_run(x, j) > g.ntok)
				g.p = NULL;
			if (g.p && g.p->type == ENT_LOC) {
				/* "Bộ Quốc phòng Nga": a place after a Vietnamese name
				 * names whose body it is; the home country is part of
				 * an agency's name ("Cục Đăng kiểm Việt Nam"), but a
				 * ministry's is the body bare ("Bộ Ngoại giao | Việt
				 * Nam"), and the country is a place */
				bool home = g.p->canonical &&
				            strcmp(g.p->canonical, HOME_COUNTRY) == 0 &&
				            h == k + 1 && ent_written(x, k, "Bộ");
				/* "Phòng CSGT Bắc Giang": after a domain's acronym too */
				bool acr = ncap && (x->t[j - 1].flags & T_ALLCAPS) && !home;
				/* "Công ty Honda Việt Nam": a foreign company's
				 * branch in the home country */
				bool branch = foreign && keep_loc && ncap && g.p->canonical &&
				              strcmp(g.p->canonical, HOME_COUNTRY) == 0;
				if (((keep_loc || local_place || (ncap && vi && !home) || acr) &&
				     (!foreign || branch)) ||
				    after_dash) {
					j += g.ntok;
					end = j;
					ncap++;
				}
				break;
			}
			unsigned kinds;
			size_t n = cue_at(x, j, &kinds);
			/* a title ends the name, but right after an association's
			 * head it names the members: "Hội Nhà báo", "Hội Nông dân";
			 * one capitalized syllable before a lower-case one is a
			 * word's, whatever title it spells ("Tổ chức Di trú": DI,
			 * Detective Inspector) */
			if (n && (kinds & CUE_TITLE) &&
			    !(n == 1 && !(t->flags & T_ALLCAPS) && (t->flags & T_VI) &&
			      lower_vi(x, j + 1)) &&
			    (ncap ||
			     !(ent_written(x, h - 1, "Hội") || ent_written(x, h - 1, "hội"))))
				break;
			/* "Chi cục Thuế TP.Bến Tre", "Công an Tp Quảng Ngãi": a unit's
			 * short form and its place end the name */
			if (n && (kinds & CUE_LOC_ADMIN) && (ncap || keep_loc)) {
				size_t pe = admin_place(x, j + n);
				/* "HĐND TP. | Giấy phép ...": a sentence after the
				 * unit's dot, unless a known place or two syllables */
				if (pe && x->text[x->t[j + n - 1].start] == '.' && pe == j + n + 1 &&
				    !gaz_at(x, j + n).p)
					pe = 0;
				if (pe) {
					end = pe;
					ncap++;
					break;
				}
			}
			/* "Hiệu trưởng Trường THPT Nguyễn Trãi": a school's name is
			 * often a person's, once */
			bool mid, person;
			size_t pl = person_len(x, j, &person);
			if (person && school && !named && pl >= 2) {
				named = vi = true;
				ncap++;
				j += pl;
				end = j;
				/* no lower-case syllable ends a person's name */
				lower_run = 0;
				cap_run = (int)pl;
				continue;
			} else {
				/* "Trường THPT Nguyễn Trãi | Nguyễn Văn An" */
				if (person && named)
					break;
				if (after_title && ncap && (t->flags & T_VI) && n == 1 &&
				    (kinds & CUE_SURNAME) && namey(x, j + 1))
					break;
				/* "Thủ tướng Chính phủ | Nguyễn Xuân Phúc" */
				if (after_title && ent_vi_person(x, j, &mid) >= 3 && mid)
					break;
			}
			if (ncap && ent_korean_name(x, j))
				break;
			cap_run = (t->flags & T_ALLCAPS) ? 0 : cap_run + 1;
			if (t->flags & T_ALLCAPS) {
				/* "Công ty TNHH Xây dựng", "Tập đoàn LG": an acronym is
				 * neither Vietnamese nor foreign */
			} else if (t->flags & T_VI) {
				if (foreign)
					break;
				vi = true;
			} else {
				if (vi) {
					/* "Công ty Cổ phần Thực phẩm Dinh dưỡng Nutifood",
					 * "Công ty Dệt Pacific Crystal": a company's brand
					 * of one to three foreign words ends its name */
					size_t m = brand_run(x, j);
					/* after a title, two foreign words may be the
					 * person: "Giám đốc Công ty Thực phẩm Á Châu |
					 * John Smith" */
					if (after_title && m > 1)
						m = 0;
					if ((keep_loc || lower_head) && m && !namey(x, j + m)) {
						ncap++;
						end = j += m;
					}
					break;
				}
				foreign = true;
			}
			ncap++;
			lower_run = place_next ? 1 : 0;
			place_next = false;
			end = ++j;
			/* "Hội đồng NATO - Nga" */
			if ((t->flags & T_ALLCAPS) && j + 1 < x->nt && (x->t[j].flags & T_DASH) &&
			    namey(x, j + 1)) {
				foreign = vi = false;
				after_dash = true;
				j++;
			}
			continue;
		}
		/* "nhà máy phân bón DAP số 1": a numbered unit ends the name
		 * (but "Công ty Xổ số Kiến thiết": a word's syllable) */
		if (ncap && t->end - t->start == strlen("số") &&
		    memcmp(x->text + t->start, "số", strlen("số")) == 0 && j + 1 < x->nt &&
		    (x->t[j + 1].flags & T_DIGIT) && x->t[j + 1].end - x->t[j + 1].start <= 3) {
			end = j + 2;
			break;
		}
		if (foreign)
			break;
		unsigned kinds;
		size_t n = cue_at(x, j, &kinds);
		/* "Ủy ban nhân dân huyện Mường Nhé", "Sở Y tế tỉnh Điện Biên";
		 * after a head written in lower case too ("công an huyện Nghi
		 * Xuân", "bệnh viện tỉnh Hà Giang") */
		if (n && (kinds & CUE_LOC_ADMIN) &&
		    (ncap || keep_loc || (j == h && (x->t[k].flags & T_LOWER)))) {
			size_t pe = admin_place(x, j + n);
			if (pe) {
				end = pe;
				ncap++;
				break;
			}
		}
		/* "Ủy ban nhân dân thành phố Hà Nội" */
		if (keep_loc && n && (kinds & CUE_LOC_CUE) && !foreign) {
			match g = gaz_at(x, j + n);
			if (g.p && g.p->type == ENT_LOC) {
				end = j + n + g.ntok;
				ncap++;
				break;
			}
		}
		/* "và" before another organization's head starts that one:
		 * "Bệnh viện Bạch Mai | và Bệnh viện Chợ Rẫy" */
		if (n == 1 && (kinds & (CUE_CONNECTOR | CUE_LOC_HEAD)) && ncap && namey(x, j + 1)) {
			unsigned nk;
			if ((kinds & CUE_CONNECTOR) && cue_at(x, j + 1, &nk) &&
			    (nk & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC)))
				break;
			/* "Tập đoàn LG | của Hàn Quốc": a known name after a small word
			 * is a name of its own */
			if ((kinds & CUE_CONNECTOR) && gaz_at(x, j + 1).p)
				break;
			j++;
			lower_run = 0;
			cap_run = 0;
			place_next = (kinds & CUE_LOC_HEAD) != 0;
			continue;
		}
		/* verbs and function words never continue a name: "Bộ Tứ | gồm" */
		if (n && (kinds & (CUE_FUNCTION | CUE_LOC_PREP | CUE_PER_POST | CUE_CONNECTOR)))
			break;
		/* "Trung tâm sách Gia Định", "Ban quản lý Vườn quốc gia": words
		 * describing the body right after a head of two words or more,
		 * up to its name (after "Bộ", "Hội" a lower-case word makes
		 * another noun: "Bộ luật", "Bộ đôi") */
		size_t d;
		bool cap_head = (x->t[k].flags & T_CAP) && !(x->t[k].flags & T_ALLCAPS);
		/* "Cục đăng kiểm Việt Nam": a national agency's head of one
		 * word, two syllables or more describing it, the home country
		 * ("Bộ phim", "Hội chợ", "Cục diện", "Viện trợ" are other
		 * nouns) */
		bool agency = h == k + 1 && (ent_written(x, k, "Cục") || ent_written(x, k, "Viện"));
		if (!ncap && (h - k >= 2 || agency) && !(x->t[k].flags & T_ALLCAPS) &&
		    (d = descr_run(x, j, keep_loc || cap_head, (x->t[k].flags & T_LOWER) != 0,
		                   false)) &&
		    (h - k >= 2 || (d - j >= 2 && home_at(x, d)))) {
			j = d;
			lower_run = cap_run = 0;
			local_place = !keep_loc;
			continue;
		}
		/* "sư đoàn bộ binh 23", "Ban quản lý dự án 5": such words up to
		 * the unit's number */
		size_t ne;
		if (!ncap && h - k >= 2 && !(x->t[k].flags & T_ALLCAPS) &&
		    (ne = descr_number(x, j, keep_loc))) {
			end = ne;
			ncap++;
			break;
		}
		/* after an acronym, lower-case words only on the way to a name:
		 * "Công ty TNHH thương mại Hòa Lâm", but "Bộ GDĐT | ban hành" */
		if (lower_run == 0 && ncap && (x->t[j - 1].flags & T_ALLCAPS)) {
			/* "trường THPT chuyên Lê Quý Đôn" */
			if ((d = descr_run(x, j, keep_loc, false, school && !named))) {
				j = d;
				cap_run = 0;
				continue;
			}
			break;
		}
		/* "Tổ chức Di trú quốc tế", "Ủy ban Chữ thập đỏ quốc tế": the
		 * body's reach ends its name */
		if (ncap && intl_at(x, j)) {
			end = j + 2;
			break;
		}
		/* "Khu Công nghệ cao Hòa Lạc": after two capitals, one or two
		 * lower-case syllables only on the way to the body's name */
		if (lower_run == 0 && (t->flags & T_VI) && ncap && cap_run >= 2 &&
		    (d = descr_run(x, j, keep_loc, false, false)) && d - j <= 2) {
			j = d;
			lower_run = cap_run = 0;
			continue;
		}
		/* one lower-case syllable ends a word begun by one capital, not
		 * two: "An ninh Quốc gia", but "Xây dựng Trường Sơn | tăng" */
		if (lower_run == 0 && (t->flags & T_VI) && ncap && cap_run <= 1) {
			lower_run = 1;
			cap_run = 0;
			end = ++j;
			continue;
		}
		/* a second or third lower-case syllable only on the way to the
		 * place the name ends with: "Đường cao tốc | Việt Nam", "Phòng
		 * chống thiên tai | tỉnh Hà Tĩnh" */
		if (lower_run == 1 && (t->flags & T_VI) && ncap &&
		    (!n || kinds == CUE_STOP || descr_word(x, j))) {
			/* "Cục Quản lý đấu thầu | vừa", "Viện Nghiên cứu lập pháp |
			 * cho biết": one or two more before a verb or a function word */
			size_t q = j + 1;
			if (descr_word(x, q))
				q++;
			if (q < x->nt && (x->t[q].flags & T_LOWER) && cue_at(x, q, &kinds) &&
			    (kinds & (CUE_FUNCTION | CUE_PER_POST | CUE_LOC_PREP | CUE_CONNECTOR))) {
				end = q;
				break;
			}
			if (intl_at(x, j + 1) || (descr_word(x, j + 1) && intl_at(x, j + 2))) {
				end = intl_at(x, j + 1) ? j + 3 : j + 4;
				break;
			}
			if (org_place_at(x, j + 1, keep_loc)) {
				j++;
				lower_run = 2;
				continue;
			}
			if (descr_word(x, j + 1) && org_place_at(x, j + 2, keep_loc)) {
				j += 2;
				lower_run = 2;
				continue;
			}
			/* "Sở Nông nghiệp và Phát triển nông thôn,", "Cục Cảnh sát
			 * điều tra.": the last word's syllables up to the clause's end */
			if (descr_word(x, j)) {
				size_t e = j + 1;
				if (descr_word(x, e))
					e++;
				/* "Hội Người cao tuổi (NCT)": a bracket after it too */
				if (e >= x->nt || (!(x->t[e].flags & T_WORD) &&
				                   strchr(",.;:()\"", x->text[x->t[e].start]))) {
					end = e;
					break;
				}
			}
			/* "Công nghiệp tàu thủy Dung Quất": on to the body's name */
			if ((d = descr_run(x, j, keep_loc, false, false))) {
				j = d;
				lower_run = cap_run = 0;
				continue;
			}
		}
		break;
	}
	return ncap ? end : k;
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
