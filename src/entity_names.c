/* entity_names.c: what surrounds the running names of a field: the
 * names of a photo credit, a name's short form in brackets ("Tổ chức
 * Y tế Thế giới (WHO)"), and the places and people nested in an
 * organization's name ("UBND TP | Hà Nội |"). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "entity_int.h"

/* Names from one segment of a photo credit ("APnews.com", "Patrick
 * Semansky", "Reuters"): a gazetteer name, a web site (an organization),
 * a capitalized name of two words or more (a person), or one capitalized
 * word (an agency). */
static void credit_segment(ctx *x, size_t a, size_t b)
{
	for (size_t k = a; k < b; k++)
		if (x->text[x->t[k].start] == ':')
			a = k + 1;
	while (a < b && !(x->t[a].flags & T_WORD))
		a++;
	while (b > a && !(x->t[b - 1].flags & T_WORD))
		b--;
	if (a >= b)
		return;
	unsigned kinds;
	size_t n = cue_at(x, a, &kinds);
	if (n && (kinds & CUE_STOP) && a + n < b)
		a += n;
	match g = gaz_at(x, a);
	if (g.p && a + g.ntok == b) {
		ent_add_gaz(x, a, &g);
		return;
	}
	if (b - a == 1 && (x->t[a].flags & T_DOMAIN)) {
		cand *c = ent_add_cand(x, a, b);
		/* cut in place: the joined keys share the name's block */
		char *dot = memchr(c->name, '.', strlen(c->name));
		if (dot && dot > c->name)
			*dot = '\0';
		c->strong = true;
		c->score[ENT_ORG] += EV_DEF;
		return;
	}
	for (size_t k = a; k < b; k++) {
		/* "Lee Ji-eun" */
		if (k > a && k + 1 < b && x->text[x->t[k].start] == '-' &&
		    !(x->t[k].flags & T_SPACE) && (x->t[k + 1].flags & T_WORD) &&
		    !(x->t[k + 1].flags & T_SPACE)) {
			k++;
			continue;
		}
		if (!namey(x, k))
			return;
	}
	cand *c = ent_add_cand(x, a, b);
	c->strong = true;
	c->score[b - a >= 2 ? ENT_PER : ENT_ORG] += b - a >= 2 ? EV_DEF : EV_CUE;
}

/* Finds the candidates of a photo credit field. */
void ent_scan_credit(ctx *x)
{
	size_t k = 0;
	while (k < x->nt) {
		size_t e = k;
		while (e < x->nt && !(x->t[e].flags & T_SEP))
			e++;
		credit_segment(x, k, e);
		k = e + 1;
	}
}

/* Whether token k may be the short form in brackets of a longer name:
 * an acronym (KTNN, NSC, AfDB) or one capitalized foreign word after an
 * organization (Vinamilk). */
static bool short_form(const ctx *x, size_t k, bool after_org)
{
	const tok *t = &x->t[k];
	if (!(t->flags & T_WORD) || !(t->flags & T_CAP) || (t->flags & T_DIGIT))
		return false;
	if (t->flags & T_ALLCAPS)
		return true;
	for (size_t i = t->start + 1; i < t->end; i++)
		if (x->text[i] >= 'A' && x->text[i] <= 'Z')
			return true; /* AfDB, VnExpress */
	return after_org && !(t->flags & T_VI);
}

/* Whether the first letters of the words a..b-1 spell the acronym at
 * token k ("Kiểm toán Nhà nước" = KTNN; đ counts as d). */
static bool initials(const ctx *x, size_t a, size_t b, size_t k)
{
	const tok *t = &x->t[k];
	if (t->end - t->start != b - a)
		return false;
	for (size_t q = a; q < b; q++) {
		char c = x->text[t->start + (q - a)];
		if (!(x->t[q].flags & T_WORD) || c < 'A' || c > 'Z' ||
		    x->keys.s[x->t[q].key] != c - 'A' + 'a')
			return false;
	}
	return (x->t[a].flags & T_CAP) != 0;
}

/* Whether the capitals of the token at k (KTNN, AfDB, TP.HCM, HĐBA; Đ
 * counts as D) are the first letters of the words a..b-1, lower-case
 * words that give no letter skipped ("Organisation for Economic
 * Co-operation and Development" = OECD): the name's own acronym. A
 * bracket that is not ("Tân Sơn Nhất (TP.HCM)", "Andy Roddick (US)") names
 * something else, not the same thing. */
/* Whether token q may give no letter to an acronym: a lower-case word
 * ("of", "and", "operation" of "Co-operation") or punctuation. */
static bool skippable(const ctx *x, size_t q)
{
	return !(x->t[q].flags & T_WORD) || (x->t[q].flags & T_LOWER);
}

static bool acronym_of(const ctx *x, size_t a, size_t b, size_t k)
{
	const tok *t = &x->t[k];
	size_t q = a, n = 0;
	for (size_t i = t->start; i < t->end; i++) {
		unsigned char ch = (unsigned char)x->text[i];
		char want;
		if (ch >= 'A' && ch <= 'Z')
			want = (char)(ch - 'A' + 'a');
		else if (ch == 0xC4 && i + 1 < t->end && (unsigned char)x->text[i + 1] == 0x90)
			want = 'd', i++;
		else if (ch >= 0x80 && ch < 0xC0)
			continue; /* the rest of a letter already seen */
		else if (ch >= 0xC0)
			return false;
		else
			continue; /* lower case (AfDB), a dot (TP.HCM) */
		while (q < b && skippable(x, q) && tkey(x, q)[0] != want)
			q++;
		if (q >= b || !(x->t[q].flags & T_WORD) || tkey(x, q)[0] != want)
			return false;
		q++;
		n++;
	}
	while (q < b && skippable(x, q))
		q++;
	return n >= 2 && q == b;
}

/* The first token of the capitalized words, lower-case words between them
 * skipped, whose first letters spell the word at token k, one per letter
 * whatever its case ("Global Alliance for Vaccines and Immunisation
 * (Gavi)"), when they end right before the bracket at k - 1; 0 when they
 * do not. */
static size_t spelled_by(const ctx *x, size_t k)
{
	const tok *t = &x->t[k];
	size_t len = t->end - t->start;
	if (len < 3 || len > 8 || k < 2 || !(t->flags & T_CAP) || (t->flags & T_ALLCAPS))
		return 0;
	size_t q = k - 1; /* the bracket */
	for (size_t i = len; i-- > 0;) {
		char c = x->text[t->start + i];
		if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			return 0;
		while (q > 0 && (x->t[q - 1].flags & T_WORD) && (x->t[q - 1].flags & T_LOWER) &&
		       i + 1 < len)
			q--;
		if (q == 0 || !namey(x, q - 1) || tkey(x, q - 1)[0] != (c | 0x20))
			return 0;
		q--;
	}
	return q;
}

/* Links names to their short forms in brackets, in the candidates of the
 * current field from c0 on: "Hội đồng An ninh Quốc gia (NSC)", "NSC
 * (National Security Council)", "Công ty Cổ phần Sữa Việt Nam (Vinamilk)".
 * An acronym whose words found no name yet makes one when their initials
 * spell it ("Kiểm toán Nhà nước (KTNN)"). After a treaty's name the
 * acronym is no entity either ("Hiệp định ... (TPP)"). */
void ent_link_brackets(ctx *x, size_t c0)
{
	size_t nc = x->nc;
	/* "cao tốc Cầu Giẽ - Ninh Bình", "Kandahar and Herat": a name of no
	 * known type before a known place of the same list is weakly one */
	for (size_t i = c0 + 1; i < nc; i++) {
		cand *p = &x->c[i - 1];
		const cand *c = &x->c[i];
		/* (a known name of no type, an event, gives none) */
		if (!c->gaz || p->t1 + 1 != c->t0 || ent_best_type(p->score) >= 0 || p->misc ||
		    ent_best_type(c->score) < 0)
			continue;
		/* in English a place only: people are listed with bands and
		 * clubs ("stars Joss Stone and Franz Ferdinand") */
		if (x->en && ent_best_type(c->score) != ENT_LOC)
			continue;
		const tok *j = &x->t[p->t1];
		unsigned jk;
		if (((j->flags & T_DASH) && (j->flags & T_SPACE)) ||
		    (cue_at(x, p->t1, &jk) == 1 && (jk & CUE_CONNECTOR) && (j->flags & T_LOWER)))
			p->score[ent_best_type(c->score)] += EV_WEAK;
	}
	for (size_t i = c0; i < nc; i++) {
		size_t a = x->c[i].t0, b = x->c[i].t1;
		if (a < 2 || b >= x->nt || !(x->t[a - 1].flags & T_LPAREN) ||
		    x->text[x->t[b].start] != ')' || x->c[i].misc)
			continue;
		/* "Global Alliance for Vaccines and Immunisation (Gavi)": a
		 * word spelled by the initials of the words before it is the
		 * short form of their organization's name */
		size_t sp = b - a == 1 && !x->c[i].gaz ? spelled_by(x, a) : 0;
		if (sp) {
			for (size_t q = c0; q < i; q++)
				if (x->c[q].t0 >= sp && x->c[q].t1 <= a - 1)
					x->c[q].misc = true;
			cand *full = ent_add_cand(x, sp, a - 1);
			full->strong = true;
			full->score[ENT_ORG] += EV_DEF;
			x->c[i].link = (int)(x->nc - 1);
			continue;
		}
		long o = -1;
		for (size_t q = i; q-- > c0;)
			if (x->c[q].t1 == a - 1) {
				o = (long)q;
				break;
			}
		if (o >= 0) {
			cand *out = &x->c[o], *in = &x->c[i];
			bool out_org = out->score[ENT_ORG] >= EV_DEF;
			if (out->misc) {
				if (b - a == 1 && short_form(x, a, true)) {
					in->misc = true;
					in->strong = false;
				}
				continue;
			}
			/* "Văn phòng Đại diện Thương mại Mỹ (USTR)": the organization
			 * before the place */
			if (out->score[ENT_LOC] >= EV_DEF && o > (long)c0 &&
			    x->c[o - 1].t1 == out->t0 && x->c[o - 1].score[ENT_ORG] >= EV_DEF &&
			    !x->c[o - 1].misc) {
				o--;
				out = &x->c[o];
			}
			if (out->score[ENT_LOC] >= EV_DEF || out->score[ENT_PER] >= EV_DEF)
				continue;
			/* the name's own acronym, or a short form of an organization
			 * the gazetteer does not know (another organization's known
			 * name is its English one: "Hội đồng An ninh Quốc gia (NSC)";
			 * after a known one, "ASEAN (ATIGA)", it is something else);
			 * never a known place, nor
			 * anything after a name that is no organization (a place, a
			 * player's country, a reporter's agency) */
			if (b - a == 1 && short_form(x, a, out_org) &&
			    (out->ntok >= 2 || out->gaz) && !(out->gaz && in->gaz) &&
			    (acronym_of(x, out->t0, out->t1, a) ||
			     (out_org && !out->gaz &&
			      (!in->gaz || ent_best_type(in->score) == ENT_ORG))))
				in->link = (int)o;
			else if (out->ntok == 1 && short_form(x, out->t0, false) &&
			         (x->t[out->t0].flags & T_ALLCAPS) && b - a >= 2 && !in->gaz &&
			         (acronym_of(x, in->t0, in->t1, out->t0) ||
			          in->score[ENT_ORG] >= EV_DEF))
				in->link = (int)o;
			continue;
		}
		/* no name right before: the words whose initials spell it */
		if (b - a != 1 || !(x->t[a].flags & T_ALLCAPS) || x->c[i].gaz)
			continue;
		size_t len = x->t[a].end - x->t[a].start;
		if (len < 2 || len + 1 > a)
			continue;
		size_t s0 = a - 1 - len;
		if (!initials(x, s0, a - 1, a))
			continue;
		/* the candidates inside those words give way */
		for (size_t q = c0; q < i; q++)
			if (x->c[q].t0 >= s0 && x->c[q].t1 <= a - 1)
				x->c[q].misc = true;
		cand *full = ent_add_cand(x, s0, a - 1);
		full->strong = true;
		full->score[ENT_ORG] += EV_DEF;
		x->c[i].link = (int)(x->nc - 1);
	}
}

/* Whether the one-word place at token j ends a name of capitalized
 * syllables inside an organization's name rather than naming the place:
 * a given name that is a country too after another syllable of the name
 * ("Tập đoàn Hoàng | Anh", "Công ty Thiên | Đức", "Bệnh viện Việt |
 * Đức"), not after a head or in capitals ("Hội | Anh", "U20 | Anh"). */
static bool name_syllables(ctx *x, size_t j, size_t n)
{
	unsigned kinds;
	return n == 1 && j > 0 && ent_vi_name_syllable(x, j) && namey(x, j - 1) &&
	       (x->t[j - 1].flags & T_VI) && !(x->t[j - 1].flags & T_ALLCAPS) &&
	       !(cue_at(x, j - 1, &kinds) && (kinds & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC)));
}

/* Adds the known place an organization's name ends with as a mention of
 * its own, nested in the name ("Tập đoàn Điện lực | Việt Nam |", "UBND
 * TP | Hà Nội |"): independent annotations count both. A team's city
 * is no place mention (Real Madrid: a club's name, in sport news any
 * name), but a national team's country is ("U23 | Việt Nam |").
 * Only for the candidates of the current window from c0 on, after their
 * brackets are linked (the nested ones would read as the names before a
 * bracket). */
void ent_nest_places(ctx *x, size_t c0)
{
	size_t nc = x->nc;
	for (size_t i = c0; i < nc; i++) {
		const cand *c = &x->c[i];
		if (c->misc || c->ntok < 2 || c->score[ENT_ORG] < EV_DEF)
			continue;
		/* a team's city is no place ("Real Madrid", "Hải Phòng FC"),
		 * but a national team's country is ("U23 | Việt Nam |") */
		match whole = gaz_at(x, c->t0);
		bool team = x->sport || (whole.p && whole.p->club && c->t0 + whole.ntok == c->t1);
		size_t t0 = c->t0, t1 = c->t1;
		/* "Trường Tiểu học | Phan Văn Trị |": the person a school is
		 * named after is a PER of its own inside it (definite, so that
		 * it is not read as a short form of the school's name) */
		for (size_t j = t0 + 1; j + 1 < t1; j++) {
			size_t pl = ent_school_person(x, t0, j);
			if (pl && j + pl <= t1) {
				cand *n = ent_add_cand(x, j, j + pl);
				n->strong = true;
				n->score[ENT_PER] += EV_DEF;
				break;
			}
		}
		for (size_t j = t0 + 1; j < t1; j++) {
			match g = gaz_at(x, j);
			size_t an = team ? 0 : ent_admin_word(x, j);
			bool known = g.p && g.p->type == ENT_LOC && j + g.ntok == t1 &&
			             (x->t[j].flags & T_CAP) && (!team || g.p->country) &&
			             !name_syllables(x, j, g.ntok);
			/* "Công ty Dona | Pacific": a foreign word of a place (no
			 * country) after a brand's foreign word is the brand's */
			if (known && g.ntok == 1 && !g.p->country && !x->en &&
			    !(x->t[j].flags & T_VI) && namey(x, j - 1) &&
			    !(x->t[j - 1].flags & (T_VI | T_ALLCAPS)))
				known = false;
			/* "UBND | xã Đức Nhân |": a unit word and the place it names,
			 * known or not, highlighted together */
			if (!known && !(an && j + an < t1 && t1 - (j + an) <= 3))
				continue;
			size_t a = j;
			cand *n;
			/* "Thành ủy | Thành phố Hồ Chí Minh |": a place the
			 * gazetteer knows with its unit word is that place, not
			 * the bare name after the unit word (the person Hồ Chí
			 * Minh the same article may name) */
			if (an && g.p && g.p->type == ENT_LOC && a + g.ntok == t1) {
				ent_add_gaz(x, a, &g);
				break;
			}
			if (an) {
				j += an;
				g = gaz_at(x, j);
			}
			if (g.p && g.p->type == ENT_LOC && j + g.ntok == t1) {
				ent_add_gaz(x, j, &g);
				n = &x->c[x->nc - 1];
			} else {
				n = ent_add_cand(x, j, t1);
				n->strong = true;
				n->score[ENT_LOC] += EV_DEF;
			}
			n->start = x->t[a].start;
			n->lead = (uint32_t)(x->t[j].start - n->start);
			break;
		}
	}
}
