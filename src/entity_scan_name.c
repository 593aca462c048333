/* entity_scan_name.c: a run of capitalized words as a candidate name
 * (ent_scan_name), typed by its shape, the cue before it, a list it is
 * in and the word after it; products and model codes, firms' initials
 * and picture credits left out. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "entity_int.h"
#include "entity_scan_int.h"

/* Whether the name at tokens k..e-1 of a Vietnamese article is the
 * source a picture or a video is credited to ("Ảnh: Sputnik", "Nguồn
 * ảnh: Reuters", "Video: AFP"): a word that is no Vietnamese syllable,
 * ending the sentence or the line, is an agency, a paper or a site (a
 * Vietnamese name there is the photographer's). */
static bool credit_source(const ctx *x, size_t k, size_t e)
{
	static const char *const marks[] = {"Ảnh", "ảnh", "Video", "Clip", "Nguồn"};
	/* one word of three letters or more (an acronym of two: "AP"):
	 * two words are as often the photographer's name ("Tomohiro
	 * Ohsumi") */
	if (x->en || k < 2 || e - k != 1 ||
	    x->t[k].end - x->t[k].start < ((x->t[k].flags & T_ALLCAPS) ? 2 : 3) ||
	    x->text[x->t[k - 1].start] != ':')
		return false;
	bool mark = false;
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		mark |= ent_written(x, k - 2, marks[i]);
	if (!mark)
		return false;
	for (size_t q = k; q < e; q++)
		if ((x->t[q].flags & T_VI) && !(x->t[q].flags & T_ALLCAPS))
			return false;
	return e >= x->nt || (x->t[e].flags & (T_BREAK | T_PARA)) ||
	       x->text[x->t[e].start] == '/' || x->text[x->t[e].start] == ')';
}

/* Whether tokens k..e-1 are capitals joined by a glued "&" ("S&P",
 * "AT&T", "P&G"): a firm's initials, no person; the common nouns so
 * written (M&A, R&D) are abbreviations.tsv's. */
static bool amp_name(const ctx *x, size_t k, size_t e)
{
	if (e - k != 3 || x->text[x->t[k + 1].start] != '&' || (x->t[k + 1].flags & T_SPACE) ||
	    (x->t[k + 2].flags & T_SPACE))
		return false;
	for (size_t q = k; q < e; q += 2)
		for (size_t i = x->t[q].start; i < x->t[q].end; i++)
			if (x->text[i] < 'A' || x->text[i] > 'Z')
				return false;
	return true;
}

/* Whether a model's number is glued by a hyphen to the name ending
 * before token e ("KN-08", "F-16", "Su-30"): a product, no entity. */
static bool model_code(const ctx *x, size_t e)
{
	return e + 1 < x->nt && (x->t[e].flags & T_DASH) && !(x->t[e].flags & T_SPACE) &&
	       x->text[x->t[e].start] == '-' && (x->t[e + 1].flags & T_DIGIT) &&
	       !(x->t[e + 1].flags & T_SPACE);
}

/* Whether token e, after a space, is a model's code: one or two
 * capitals, digits, up to three letters ("V5s", "S8", "A320"); not an
 * age group's team ("U20"). */
static bool model_number(const ctx *x, size_t e)
{
	if (e >= x->nt || !(x->t[e].flags & T_SPACE) || !(x->t[e].flags & T_DIGIT) ||
	    (x->t[e].flags & (T_BREAK | T_PARA)))
		return false;
	const char *s = x->text + x->t[e].start, *end = x->text + x->t[e].end;
	size_t caps = 0, digits = 0, tail = 0;
	for (; s < end && *s >= 'A' && *s <= 'Z'; s++)
		caps++;
	for (; s < end && *s >= '0' && *s <= '9'; s++)
		digits++;
	for (; s < end && ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z')); s++)
		tail++;
	if (s != end || caps < 1 || caps > 2 || !digits || tail > 3)
		return false;
	return !(caps == 1 && !tail && x->text[x->t[e].start] == 'U');
}

/* A run of capitalized words at token k (ent_name_run) as a candidate,
 * with the evidence of its shape (acronym, organization or place
 * suffix), of the cue before it (*pd, then cleared), of a list it is in
 * and of a word after it. Returns the token after the run. */
size_t ent_scan_name(ctx *x, pending *pd, size_t k)
{
	const tok *t = &x->t[k];
	bool has_org, has_loc, misc;
	/* "GM Europe president": an acronym's branch (entity_en.c) */
	size_t be = ent_en_branch(x, k, NULL);
	if (be) {
		cand *c = ent_add_cand(x, k, be);
		c->strong = true;
		c->score[ENT_ORG] += EV_DEF;
		pd->type = -1, pd->title = pd->honor = false;
		return be;
	}
	/* "H.Nga": a person's initial and given name */
	size_t ie = ent_vi_initial_name(x, k);
	if (ie) {
		cand *c = ent_add_cand(x, k, ie);
		c->strong = true;
		c->score[ENT_PER] += EV_CUE;
		pd->type = -1, pd->title = pd->honor = false;
		return ie;
	}
	/* "Boss Graeme Souness felt", "Making Michael Howard leader": a
	 * sentence's capitalized first word before a person's name is no
	 * part of it (entity_en.c) */
	if (ent_en_lead_word(x, k)) {
		pd->type = -1, pd->title = pd->honor = false;
		return k + 1;
	}
	/* "Ex-Downing Street media chief", "Anti-Europe feeling": a prefix
	 * glued by a hyphen is no part of the name after it */
	if (ent_en_prefix(x, k)) {
		pd->type = -1, pd->title = pd->honor = false;
		return k + 2;
	}
	size_t e = ent_en_trim(x, k, ent_name_run(x, k, &has_org, &has_loc, &misc));
	/* "Phó | Bí thư": a rank of the title after it */
	if (e == k + 1 && ent_vi_title_prefix(x, k))
		return e;
	/* "hướng Nam", "(Đông, Tây, Nam, Bắc)": compass directions */
	if (ent_vi_compass(x, k, e)) {
		pd->type = -1, pd->title = pd->honor = false;
		return e;
	}
	/* "chồng Tây", "ông xã Tây", "khách Tây", a heading's "Chồng Tây":
	 * "Tây" (Western) after a relative's word or a guest is an
	 * adjective, no person nor place; nor is "du Xuân" (spring) */
	if (!x->en && (ent_vi_western(x, k, e) || ent_vi_season(x, k, e))) {
		pd->type = -1, pd->title = pd->honor = false;
		return e;
	}
	/* ", KP Robertson.": a line-up's initials in capitals and the
	 * surname */
	if (e == k + 1 && (t->flags & T_ALLCAPS) && ent_en_lineup_end(x, k))
		e = ent_en_lineup_end(x, k);
	/* in a Title Case headline every word stands alone; those that
	 * name something link to the body's names */
	if (x->titlecase)
		e = k + 1, has_org = has_loc = misc = false;
	/* "LG Display": an acronym's company and its foreign word */
	size_t abe = ent_vi_acronym_brand(x, k, e);
	bool acro_brand = abe != e;
	e = abe;
	/* "mẫu đồng hồ thông minh LG": the brand stands for its product */
	if (e == k + 1 && !pd->title && !(t->flags & T_VI) && ent_vi_model_brand(x, k)) {
		pd->type = -1, pd->title = pd->honor = false;
		return ent_add_product(x, k, e);
	}
	/* "điện thoại Vivo V5s": a foreign brand before its model's code
	 * stands for the product */
	if (e == k + 1 && !x->en && !pd->title && !(t->flags & T_VI) && model_number(x, e)) {
		pd->type = -1, pd->title = pd->honor = false;
		return ent_add_product(x, k, e + 1);
	}
	/* after a unit word, the place has at most three syllables: more
	 * are another name ("xã Đức Nhân | Nguyễn Văn A") */
	/* "the game Grand Theft Auto: San Andreas": a work's title, with
	 * its subtitle (entity_en.c) */
	/* "các đại biểu Đoàn Việt Nam": a family name that is a noun too
	 * (đoàn, a delegation) before a country's name of two words or
	 * more is the noun; the country follows */
	match cg = gaz_at(x, k + 1);
	if (!x->en && (t->flags & T_VI) && !pd->honor && ent_vi_family(x, k) && cg.p &&
	    cg.p->country && cg.ntok >= 2 && (x->t[k + 1].flags & T_SPACE)) {
		pd->type = -1;
		return k + 1;
	}
	/* (a line-up's initial "A" is no title's article) */
	bool work = !x->titlecase && !ent_en_lineup_end(x, k) &&
	            (ent_en_work(x, k, &e) || ent_en_title(x, k, &e) || ent_vi_work(x, k) ||
	             ent_en_the_head(x, k, e));
	bool admin = pd->admin_end == k && pd->type == ENT_LOC;

	if (admin && e - k > 3)
		e = k + 2;
	/* "BBC Radio 2": a station's number joins it (entity_en.c) */
	size_t station = ent_en_station(x, k, e);
	cand *c = ent_add_cand(x, ent_en_number_name(x, k, e), station);
	if (station != e) {
		c->score[ENT_ORG] += EV_DEF;
		e = station;
	}
	/* "Nord Stream 2", "Boeing 737": a product; "Paris Agreement"; but
	 * in sport news a number after a name is a score ("C. Lewis 80") */
	if ((e < x->nt && (x->t[e].flags & T_DIGIT) && (x->t[e].flags & T_SPACE) && !x->sport) ||
	    misc || model_code(x, e))
		c->nodefault = true;
	/* "số nhà 118 Phan Bội Châu": after a house's number, a street
	 * (named after a person: no person's shape then) */
	bool house = !x->en && (ent_vi_house_number(x, k) || (!pd->title && ent_vi_branch_street(x, k)));
	if (house)
		c->score[ENT_LOC] += EV_DEF;
	if (misc)
		c->strong = false;
	bool single = e - k == 1;
	/* "said ABN AMRO analyst": short words in capitals inside a
	 * sentence are an acronym's name too (entity_rules.c) */
	bool acro = single ? ent_acronym(x, k) : ent_caps_acronym(x, k, e);
	/* "Surrey 312", "KANSAS CITY AT DETROIT": a team; a two-word name
	 * before scores is a player's ("Colin Montgomerie 69") */
	bool team = ((single || (t->flags & T_ALLCAPS)) && ent_sport_team(x, k, e)) ||
	            ent_club_name(x, k, e) || ent_team_words(x, k, e) || ent_team_plural(x, k, e) ||
	            ent_team_bracket(x, x->nc >= 2 ? &x->c[x->nc - 2] : NULL, k, e);
	/* "W D L", "B": table headings and letters are no names */
	bool letters = true;
	for (size_t q = k; q < e && letters; q++)
		letters = x->t[q].end - x->t[q].start == 1;
	if ((single && (t->flags & T_ALLCAPS) && !acro && !team) || (letters && x->en)) {
		/* a stop acronym or a numeral: not a name */
		x->nc--;
		free(c->name);
		pd->type = -1, pd->title = pd->honor = false;
		return e;
	}
	/* "Blue-chip phục hồi": one foreign capitalized word and a hyphen's
	 * lower-case tail at a sentence start prove no more than one word
	 * (a transliteration's parts are syllables: "Pu-tin nói") */
	bool one_cap = !x->en && !(t->flags & T_VI);
	for (size_t q = k + 1; q < e && one_cap; q++)
		one_cap = !namey(x, q);
	c->strong = !misc && (!(t->flags & T_INITIAL) || !(single || one_cap) || acro ||
	                      pd->honor || (pd->title && !x->titlecase));
	/* one capitalized Vietnamese syllable before a lower-case one is a
	 * capitalized common word ("Phó giám đốc", "vùng Thủ đô") */
	bool capword = single && (t->flags & T_VI) && !(t->flags & T_ALLCAPS) && e < x->nt &&
	               (x->t[e].flags & T_WORD) && (x->t[e].flags & T_LOWER) &&
	               (x->t[e].flags & T_VI) && !(x->t[e].flags & T_DIGIT);
	if (capword && !pd->honor && !pd->title) {
		c->strong = false;
		pd->type = -1;
	}
	if (x->titlecase && !acro)
		c->strong = false;
	if (team)
		c->score[ENT_ORG] += EV_DEF, c->strong = true;
	/* "Charlotte Church", "Thomas Haden Church": a given name and a
	 * suffix that is a common surname too (en-words.txt surname-suffix)
	 * is a person's name, as a guess ("Tanner Warehouse" stays a venue;
	 * entity_en.c) */
	else if (has_org && !single && !ent_en_surname_suffix(x, k, e))
		c->score[ENT_ORG] += EV_DEF;
	/* an English place's suffix ("Circuit City", "Tanner Valley") is
	 * outweighed by a company's context elsewhere in the article */
	else if (has_loc && !single)
		c->score[ENT_LOC] += x->en ? EV_CUE : EV_DEF;
	/* an acronym's shape says little (VKS, HCV, EPC are common nouns):
	 * an organization only as a guess that the corpus may overrule */
	/* "N.V.A.", "H.N.": in Vietnamese news dotted initials are a
	 * person's (a reporter's, or a name kept back), no acronym */
	if (acro && !x->en && ent_vi_initials(x, k)) {
		acro = false;
		c->score[ENT_PER] += EV_CUE;
	}
	c->acro = acro;
	/* "chị T. cho biết": a person's initial keeps its dot */
	if (pd->honor && single && t->end - t->start == 1 && e < x->nt &&
	    x->text[x->t[e].start] == '.' && !(x->t[e].flags & T_SPACE) && !namey(x, e + 1))
		c->end = x->t[e++].end;
	/* "OceanBank", "AkzoNobel", "S&P", "LG Display": a brand's shape */
	bool brand = (single && ent_camel_word(x, k)) || amp_name(x, k, e) || acro_brand;
	if (brand)
		c->score[ENT_ORG] += EV_CUE, c->strong = true;
	/* "Nestlé Việt Nam", "Petro Vietnam": a foreign name before a
	 * country is a company's branch there, no person */
	if (!single && ent_vi_branch_name(x, k, e))
		c->score[ENT_ORG] += EV_CUE;
	/* "Carnegie Mellon Professor Ann Lee": the employer before a title,
	 * no person; "the Glasgow Kelvin MP": a constituency (entity_en.c) */
	int role = ent_en_before_title(x, k, e);
	if (role == ENT_ORG && pd->type == ENT_PER)
		pd->type = -1;
	if (role >= 0)
		c->score[role] += EV_CUE;
	if (pd->type >= 0) {
		int w = pd->weight;
		/* "Phó Chủ tịch LG", "Giám đốc AkzoNobel": an acronym or a
		 * brand after a title is the employer */
		if (pd->title && (acro || brand))
			w = 0;
		/* "3 em HSG": a form of address before an acronym (no dots:
		 * initials keep theirs) is a common noun's abbreviation */
		if (pd->honor && acro && !x->en)
			w = 0;
		/* "ở GAS": a preposition says little of an acronym (a stock's
		 * code, a company), which is an organization as a guess; "in
		 * Billboard's chart": nothing of a possessor (entity_en.c) */
		if ((acro || ent_en_possessive(x, e)) && pd->type == ENT_LOC && pd->weight == EV_WEAK)
			w = 0;
		/* "Thủ tướng Chính nói": one Vietnamese syllable is a weaker sign */
		if (pd->title && single && (t->flags & T_VI) && !acro && !brand)
			w = EV_CUE;
		/* "vùng Thủ đô": one capitalized syllable of a common word */
		if (!pd->honor && single && (t->flags & T_VI) && e < x->nt &&
		    (x->t[e].flags & T_WORD) && (x->t[e].flags & T_LOWER) &&
		    (x->t[e].flags & T_VI) && !pd->title)
			w = 0, c->strong = false;
		c->score[pd->type] += w;
	}
	/* English: business words around a company's name; a work's title
	 * after its noun, an event's sponsor and a bill are no entity
	 * (entity_en.c) */
	c->score[ENT_ORG] += ent_en_org_evidence(x, k, e);
	if (ent_en_band(x, k, e))
		c->score[ENT_ORG] += EV_DEF;
	else if (ent_en_bang(x, e) || ent_en_plural_verb(x, k, e))
		c->score[ENT_ORG] += EV_CUE;
	c->work = work;
	/* "Clint Eastwood's Million Dollar Baby": a person's work, as a guess */
	if (x->nc >= 2 && ent_en_persons_thing(x, &x->c[x->nc - 2], k, e))
		c->nodefault = true;
	if (ent_en_sponsor(x, e) || ent_en_bill(x, k, e) || ent_en_people(x, k, e) ||
	    ent_en_nations_adjective(x, k, e))
		c->misc = c->nodefault = true, c->strong = false;
	/* "the Spider-Man series": a work's title, or a person's work ("a
	 * Scorsese film"); "Small Talk", "Open Water": a phrase of common
	 * words, as titles are; "the Rugby Aid match": an event's name: no
	 * type as a guess */
	if (ent_en_work_after(x, e) || ent_en_common_phrase(x, k, e) || ent_en_event_after(x, e))
		c->nodefault = true;
	/* "Kandahar and Herat", "Hưng Yên, Bắc Ninh": a list shares its type */
	if (x->nc >= 2 && k >= 2) {
		const cand *p = &x->c[x->nc - 2];
		unsigned jk;
		/* a spaced dash lists places in Vietnamese ("Hà Nội - Hải
		 * Phòng"), in English it starts what is said of a name
		 * ("Romania - Cosmin Contra (31st)") */
		/* in English only "and", "or", "&" list names ("John Brady of
		 * ABN AMRO", "Blair for Labour": another kind) */
		bool joiner = x->text[x->t[k - 1].start] == ',' ||
		              ((x->t[k - 1].flags & T_DASH) && (x->t[k - 1].flags & T_SPACE) &&
		               !x->en) ||
		              (cue_at(x, k - 1, &jk) == 1 && (jk & CUE_CONNECTOR) &&
		               (x->t[k - 1].flags & T_LOWER) &&
		               (!x->en || ent_written(x, k - 1, "and") || ent_written(x, k - 1, "or"))) ||
		              (x->en && x->text[x->t[k - 1].start] == '&');
		int pt = ent_best_type(p->score);
		/* "Trước khi gia nhập Shanghai SIPG, Carvalho đã": in
		 * Vietnamese a comma before a name and a verb or a function
		 * word ends a clause, no list */
		unsigned fk;
		if (!x->en && x->text[x->t[k - 1].start] == ',' && cue_at(x, e, &fk) &&
		    (fk & (CUE_FUNCTION | CUE_PER_POST)) && (x->t[e].flags & T_LOWER))
			joiner = false;
		/* (not "Mỹ, DIA cho rằng": an unknown acronym is seldom a place) */
		if (p->field == x->field && p->t1 == k - 1 && joiner && pt >= 0 && c->strong &&
		    !(acro && pt == ENT_LOC))
			c->score[pt] += EV_WEAK;
		/* "films such as X, Y and Z": works listed after a work */
		unsigned nk;
		bool listed = e >= x->nt || (x->t[e].flags & (T_SEP | T_BREAK)) ||
		              (cue_at(x, e, &nk) == 1 && (nk & CUE_CONNECTOR));
		if (p->field == x->field && p->t1 == k - 1 && joiner && p->work && x->en && listed)
			c->work = true;
		/* "comedy X, The Door in the Floor and Y": past an item that
		 * made no whole name (entity_en.c) */
		if (!c->work && ent_en_listed_work(x, k, e))
			c->work = true;
	}
	/* "best director went to Ann Lee for Red Sky": a person's award
	 * for a work (entity_en.c) */
	if (ent_en_award_for(x, x->nc >= 2 ? &x->c[x->nc - 2] : NULL, k, e))
		c->work = true;
	for (size_t q = k; q < e && q < k + 2; q++)
		if (ent_vi_elder_place(x, q)) {
			c->score[ENT_LOC] += EV_CUE;
			break;
		}
	/* "cửa hàng của Mi Hồng": a shop's word before a business */
	if (!acro && ent_vi_shop_before(x, k))
		c->score[ENT_ORG] += EV_CUE;
	/* "bạn gái Messi", "Antonella - bạn gái Messi": a relative's word
	 * next to the name (entity_vinear.c) */
	if (!acro && (ent_vi_kin_before(x, k) || ent_vi_kin_after(x, e)))
		c->score[ENT_PER] += EV_CUE;
	/* "PVD cho biết": an acronym that speaks is a body, not a person */
	unsigned pk = 0;
	/* ("the Information Commissioner's Office said": an organization's
	 * word alone that speaks is a body) */
	unsigned ok = 0;
	bool org_word = x->en && single && cue_at(x, k, &ok) == 1 &&
	                (ok & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC | CUE_ORG_SUFFIX));
	if ((e < x->nt && !acro && !brand && !org_word && cue_at(x, e, &pk) && (pk & CUE_PER_POST)) ||
	    ent_vi_byline(x, k, e) || ent_vi_person_after(x, e))
		c->score[ENT_PER] += EV_CUE;
	else if (ent_vi_byline_source(x, k, e))
		c->score[ENT_ORG] += EV_CUE;
	/* "the KLT said", "KLT officials": an English acronym that speaks
	 * or has officials is a body (entity_en.c) */
	else if (acro && ent_en_acro_body(x, e))
		c->score[ENT_ORG] += EV_CUE;
	else if (credit_source(x, k, e))
		c->score[ENT_ORG] += EV_CUE, c->strong = true;
	/* "Theo RT, ...": an acronym a Vietnamese article cites is a paper,
	 * an agency or a body, no person */
	else if (acro && !x->en && k > 0 && (ent_written(x, k - 1, "Theo") || ent_written(x, k - 1, "theo")))
		c->score[ENT_ORG] += EV_CUE;
	/* "Nguyễn Văn Hùng": a family name, then middle and given names; an
	 * initial at the end keeps its dot ("Nguyễn Văn Q.") */
	bool mid;
	bool city = !single && ent_among_cities(x, k, e);
	if (city)
		c->score[ENT_LOC] += EV_DEF;
	if (!single && !admin && !house && !c->road && !city && ent_vi_person(x, k, &mid) == e - k) {
		/* two syllables ("Vũ Quang") are a district's shape too: no
		 * evidence */
		if (e - k >= 3)
			c->score[ENT_PER] += mid ? EV_DEF : EV_CUE;
		const tok *l = &x->t[e - 1];
		if (l->end - l->start == 1 && e < x->nt && x->text[x->t[e].start] == '.' &&
		    !(x->t[e].flags & T_SPACE))
			c->end = x->t[e++].end;
	}
	/* "the Bordesley Green ward": a place's common noun after it */
	if (x->en && e < x->nt && (x->t[e].flags & T_LOWER) && (ent_en_word(x, e) & EN_LOC_POST))
		c->score[ENT_LOC] += EV_CUE;
	/* "Saddam Hussein's regime", "Lee's widow": what only a person has */
	if (ent_en_person_possessive(x, e))
		c->score[ENT_PER] += EV_CUE;
	/* "C Paterson; S Webster": a player (entity_en.c) */
	if (!acro && ent_en_player_initial(x, k, e))
		c->score[ENT_PER] += EV_CUE;
	/* "Monica Seles", "Cristiano Ronaldo": a name of two to four words
	 * that starts with a given name has a person's shape; weak evidence,
	 * any cue or club word outweighs it */
	if (!single && !admin && e - k >= 2 && e - k <= 4 && (x->en || !(x->t[k].flags & T_VI)) &&
	    ent_en_given(x, k))
		c->score[ENT_PER] += EV_WEAK;
	/* "mang tên "Lyrics Spoiler"": foreign words alone between quotes,
	 * with no more than a given name's weak sign of a person, are a
	 * title (entity_vinear.c) */
	if (!single && c->score[ENT_PER] < EV_CUE && c->score[ENT_ORG] < EV_CUE &&
	    c->score[ENT_LOC] < EV_CUE && ent_vi_quoted_title(x, k, e))
		c->work = true;
	if (admin)
		ent_admin_span(x, pd, c);
	/* "Giám đốc CDC Rochelle Walensky": the title is the full name's
	 * after the acronym of the employer */
	bool keep =
	    pd->title && acro && namey(x, e) && namey(x, e + 1) && !ent_korean_name(x, e + 1);
	if (!keep)
		pd->type = -1, pd->title = pd->honor = false;
	return e;
}
