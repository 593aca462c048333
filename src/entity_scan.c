/* entity_scan.c: the scanner of running text: it walks a field's tokens
 * and applies the matchers of entity_rules.c with the cue words before a
 * name, and tells a sport article and a Title Case headline (credits,
 * brackets and nested names: entity_names.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "entity_int.h"

/* What the cue words before a name say about it, carried from token to
 * token while ent_scan_field walks a field. */
typedef struct pending {
	int type;   /* the type a cue before a name gives it, or -1 */
	int weight; /* that evidence's weight (EV_DEF, EV_CUE, EV_WEAK) */
	bool title; /* after a title ("Tổng thống") */
	bool honor; /* after an honorific ("ông", "Mr") */
	/* after an administrative word ("tỉnh", "TP."): its first token and
	 * the token after it; the place named there is highlighted with it */
	size_t admin, admin_end;
	/* after a road's noun and "như", "gồm" or ":" ("các tuyến đường
	 * như | A, B"): the token where the list of roads starts */
	size_t road_list;
} pending;

/* Takes the administrative word before candidate c into its span ("tỉnh
 * Nghệ An"), when c starts right after it and is a place; the name (the
 * entity) stays the place's. */
static void admin_span(ctx *x, const pending *pd, cand *c)
{
	if (pd->admin_end && c->t0 == pd->admin_end && ent_best_type(c->score) == ENT_LOC) {
		c->start = x->t[pd->admin].start;
		c->lead = (uint32_t)(x->t[c->t0].start - c->start);
	}
}

/* Whether the token at q is what stands between two teams of a
 * fixture: "AT" in a capitals schedule, "v", "vs". */
static bool fixture_word(const ctx *x, size_t q)
{
	if (q >= x->nt || !(x->t[q].flags & T_WORD))
		return false;
	const char *w = x->text + x->t[q].start;
	size_t n = x->t[q].end - x->t[q].start;
	return (n == 2 && memcmp(w, "AT", 2) == 0) || (n == 1 && *w == 'v') ||
	       (n == 2 && memcmp(w, "vs", 2) == 0);
}

/* Whether the number at token e is the minute of a goal on a scorers'
 * line ("Rigoglioso 59."): two digits at most, then a full stop that ends
 * the line, no more numbers (a table's row has several, a score none
 * after it). */
static bool goal_time(const ctx *x, size_t e)
{
	return x->t[e].end - x->t[e].start <= 2 && e + 1 < x->nt &&
	       x->text[x->t[e + 1].start] == '.' && !(x->t[e + 1].flags & T_SPACE) &&
	       (e + 2 >= x->nt || (x->t[e + 2].flags & T_PARA) || x->text[x->t[e + 2].start] == '\n');
}

/* Whether, in a sport article, the name on tokens k..e-1 is a team by
 * its place: first on a line of results or standings ("KANSAS CITY 61
 * 74 .452", "Surrey 312") or a side of a fixture ("CLEVELAND AT
 * TEXAS", "Essex v Kent"). */
static bool sport_team(const ctx *x, size_t k, size_t e)
{
	if (!x->sport)
		return false;
	if ((x->t[k].flags & T_PARA) && e < x->nt && (x->t[e].flags & T_DIGIT) && !goal_time(x, e))
		return true;
	if (fixture_word(x, e) && namey(x, e + 1))
		return true;
	if (k >= 2 && fixture_word(x, k - 1) && namey(x, k - 2))
		return true;
	if (k >= 3 && fixture_word(x, k - 1) && x->text[x->t[k - 2].start] == '.' &&
	    namey(x, k - 3))
		return true;
	return false;
}

/* Whether, in a sport article, the run k..e-1 of two words or more is a
 * club's name by its last word ("Cambridge United", "Bristol Rovers"). */
static bool club_name(ctx *x, size_t k, size_t e)
{
	unsigned kinds;
	return x->sport && e >= k + 2 && cue_at(x, e - 1, &kinds) == 1 && (kinds & CUE_CLUB);
}

/* Adds the candidate of a product at tokens k..e-1 (a brand and its
 * model), no entity, and returns e. */
static size_t add_product(ctx *x, size_t k, size_t e)
{
	cand *c = ent_add_cand(x, k, e);
	c->misc = c->nodefault = true;
	return e;
}

/* Whether the words before token k make a club's city the city: a way
 * there ("ra", "vào", "về"), its people ("người", "dân"), or a list of
 * places it ends ("ở TP.HCM và Đà Nẵng"). */
static bool place_before(const ctx *x, size_t k)
{
	static const char *const words[] = {"ra", "vào", "về", "người", "dân", "Người", "Dân"};
	if (k == 0)
		return false;
	const cand *p = x->nc ? &x->c[x->nc - 1] : NULL;
	if (p && p->field == x->field && p->t1 + 1 == k && ent_best_type(p->score) == ENT_LOC &&
	    (ent_written(x, k - 1, "và") || x->text[x->t[k - 1].start] == ','))
		return true;
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (ent_written(x, k - 1, words[i]))
			return true;
	return false;
}

/* A gazetteer name at token k, with what it starts: "Quốc hội Phần Lan" (a
 * country's institution, an organization before a place), "Hanoi Metro
 * Company" (a place starting an English organization name), else the
 * known name itself. A cue before a longer name that merely starts with a
 * known one ("sân Mỹ Đình") is no match. Returns the token after the
 * candidate it adds, or 0 when there is none. */
static size_t scan_gazetteer(ctx *x, const pending *pd, size_t k)
{
	match g = gaz_at(x, k);
	if (!g.p)
		return 0;
	/* "VN-Index": a known name glued by a hyphen to a word of no known
	 * name is part of another name (no entity) */
	size_t h = k + g.ntok;
	/* "hướng Tây Nam", "Đông-Nam": a compass direction, no place */
	if (ent_vi_compass(x, k, h))
		return h;
	if (h + 1 < x->nt && (x->t[h].flags & T_DASH) && !(x->t[h].flags & T_SPACE) &&
	    x->text[x->t[h].start] == '-' && namey(x, h + 1) && !(x->t[h + 1].flags & T_SPACE) &&
	    !gaz_at(x, h + 1).p)
		return h + 2;
	/* "tiếng Anh": a language, and "người Pháp" a nationality (the
	 * French, a Frenchman; "người Hà Nội" stays the city's), no
	 * mention of the place */
	unsigned dk;
	if (g.p->type == ENT_LOC && k > 0 && (x->t[k - 1].flags & (T_LOWER | T_INITIAL)) &&
	    ((cue_at(x, k - 1, &dk) == 1 && (dk & CUE_DEMONYM)) ||
	     (g.p->country && (ent_written(x, k - 1, "người") || ent_written(x, k - 1, "Người"))))) {
		cand *c = ent_add_cand(x, k, h);
		c->misc = c->nodefault = true;
		return h;
	}
	/* "vợ Sofia", "Sofia - vợ Suarez": a foreign one-word place (no
	 * country) next to a relative's word is a person's name */
	if (g.p->type == ENT_LOC && g.ntok == 1 && !g.p->country && !(x->t[k].flags & T_VI) &&
	    (ent_vi_kin_before(x, k) || ent_vi_kin_after(x, h)))
		return 0;
	/* "Samsung Galaxy S8", "Apple Watch 3": a company's product, no entity */
	size_t pe = pd->title ? 0 : ent_vi_product(x, k, &g);
	if (pe)
		return add_product(x, k, pe);
	/* "mẫu xe Kawasaki", "mẫu đồng hồ thông minh LG": the brand stands
	 * for its product */
	if (g.p->type == ENT_ORG && !g.p->club && !pd->title &&
	    (ent_vi_work(x, k) || ent_vi_model_brand(x, k)))
		return add_product(x, k, h);
	/* "Đức Nam", "Mỹ Chi": a country that is a given name too, before
	 * another given-name syllable, starts a person's name */
	if (ent_name_not_place(x, k, &g))
		return 0;
	/* "hãng Real Capital Analytics": a known name that is a common
	 * word too (a "~" alias), foreign, starting a longer run of
	 * capitals is a word of that name, no alias of the club (but
	 * before a form of address or a title it stays itself: "Tory |
	 * Lord Campbell", "Tory | MP Michael Mates") */
	unsigned hk0;
	if (g.p->not_initial && g.ntok == 1 && !(x->t[k].flags & T_VI) && namey(x, h) &&
	    (x->t[h].flags & T_SPACE) && !gaz_at(x, h).p &&
	    !(cue_at(x, h, &hk0) && (hk0 & (CUE_HONORIFIC | CUE_TITLE)) && x->en))
		return 0;
	/* "tàu MV Pacific Collector": a foreign one-word place between two
	 * foreign capitalized words is a word of a longer name (a ship's,
	 * a firm's), no place nor the place's alias */
	unsigned nk0;
	if (!x->en && g.p->type == ENT_LOC && g.ntok == 1 && !g.p->country &&
	    !(x->t[k].flags & T_VI) && k > 0 && (x->t[k].flags & T_SPACE) && namey(x, k - 1) &&
	    !(x->t[k - 1].flags & T_VI) && namey(x, h) &&
	    (x->t[h].flags & T_SPACE) && !(x->t[h].flags & (T_VI | T_ALLCAPS)) && !gaz_at(x, h).p &&
	    !cue_at(x, h, &nk0))
		return add_product(x, k, h + 1);
	/* "Madrid Open": a club's city in sport news (ORG@sport) before
	 * more capitals of another name is the city in that name */
	unsigned sk;
	if (g.p->plain && namey(x, h) && (x->t[h].flags & T_SPACE) && !gaz_at(x, h).p &&
	    !(cue_at(x, h, &sk) == 1 && (sk & (CUE_CLUB | CUE_ORG_SUFFIX | CUE_ABBR_ORG_SUFFIX)))) {
		const phrase *pl = ent_plain(x, g.p);
		if (pl && pl->type == ENT_LOC)
			g.p = pl;
	}
	/* "in Milan": after a place's cue a club's city is the city; so
	 * after a way there or its people ("bay ra Hà Nội", "người dân
	 * Hải Phòng") */
	if (g.p && g.p->plain && (pd->type == ENT_LOC || place_before(x, k))) {
		const phrase *pl = ent_plain(x, g.p);
		if (pl && pl->type == ENT_LOC)
			g.p = pl;
	}
	/* "sân Mỹ Đình", "nhóm Bucharest Nine": a cue before a longer
	 * name that merely starts with a known one */
	/* (but "huyện Đông Anh | Lê Thành Điểm": a person's full name
	 * after the place) */
	bool mid;
	if (g.p && pd->type >= 0 && !pd->title && pd->weight >= EV_CUE && namey(x, k + g.ntok) &&
	    (x->t[k + g.ntok].flags & T_SPACE) && !gaz_at(x, k + g.ntok).p &&
	    ent_vi_person(x, k + g.ntok, &mid) < 3)
		g.p = NULL;
	/* "Quốc hội Phần Lan", "Bộ Quốc phòng Nga": a known body written
	 * with a head word, before a place, is that place's body: another
	 * organization than the gazetteer's, its name ends with the place */
	unsigned hk;
	if (g.p && g.p->type == ENT_ORG && cue_at(x, k, &hk) <= g.ntok &&
	    (hk & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC))) {
		/* "Hội Chữ thập đỏ | tỉnh Nghệ An": the body of a province */
		size_t te;
		if ((hk & CUE_ORG_HEAD_LOC) && ent_admin_word(x, k + g.ntok) &&
		    (te = ent_org_tail(x, k, k + g.ntok, true, pd->title)) > k + g.ntok) {
			cand *c = ent_add_cand(x, k, te);
			c->strong = true;
			c->score[ENT_ORG] += EV_DEF;
			return te;
		}
		match lg = gaz_at(x, k + g.ntok);
		if (lg.p && lg.p->type == ENT_LOC) {
			cand *c = ent_add_cand(x, k, k + g.ntok + lg.ntok);
			c->strong = true;
			c->score[ENT_ORG] += EV_DEF;
			/* "Bộ Ngoại giao Việt Nam" is the gazetteer's body: the
			 * state bodies it names bare are Vietnam's */
			if (lg.p->canonical && strcmp(lg.p->canonical, HOME_COUNTRY) == 0)
				c->gaz = g.p->canonical;
			return k + g.ntok + lg.ntok;
		}
	}
	/* "HCMC Wings": a city (no country) before an English plural
	 * nickname is its team, in Vietnamese news too (entity_sport.c) */
	if (g.p && g.p->type == ENT_LOC && !g.p->country && !x->en) {
		size_t ne = h;
		while (ne < h + 2 && namey(x, ne) && !(x->t[ne].flags & T_ALLCAPS))
			ne++;
		if (ne > h && !namey(x, ne) && ent_team_nickname(x, h, ne)) {
			cand *c = ent_add_cand(x, k, ne);
			c->strong = true;
			c->score[ENT_ORG] += EV_DEF;
			return ne;
		}
	}
	/* "Shanghai SIPG": a foreign city (no country) before an
	 * acronym that is no known name nor cue is one name, a club's or
	 * a company's */
	unsigned ak;
	if (g.p && g.p->type == ENT_LOC && !g.p->country && !x->en && !(x->t[k].flags & T_VI) &&
	    h < x->nt && (x->t[h].flags & T_ALLCAPS) && (x->t[h].flags & T_SPACE) &&
	    !(x->t[h].flags & T_DIGIT) && !gaz_at(x, h).p && !cue_at(x, h, &ak) &&
	    !namey(x, h + 1)) {
		cand *c = ent_add_cand(x, k, h + 1);
		c->strong = true;
		c->score[ENT_ORG] += EV_CUE;
		return h + 1;
	}
	/* "GM Europe president": a known company and a place before a
	 * business word or a title are the company's branch there
	 * (entity_en.c) */
	size_t be = ent_en_branch(x, k, &g);
	if (be) {
		cand *c = ent_add_cand(x, k, be);
		c->strong = true;
		c->score[ENT_ORG] += EV_DEF;
		return be;
	}
	/* "UN Development Programme": a known organization's acronym
	 * before the name of one of its bodies (a run of capitals ending
	 * with an organization's suffix) */
	if (g.p && g.p->type == ENT_ORG && g.ntok == 1 && x->en && !x->titlecase &&
	    (x->t[k].flags & T_ALLCAPS) && namey(x, k + 1) && !(x->t[k + 1].flags & T_ALLCAPS) &&
	    (x->t[k + 1].flags & T_SPACE) && !gaz_at(x, k + 1).p) {
		bool ho, hl, mi;
		size_t e = ent_name_run(x, k + 1, &ho, &hl, &mi);
		if (ho && !mi) {
			cand *c = ent_add_cand(x, k, e);
			c->strong = true;
			c->score[ENT_ORG] += EV_DEF;
			return e;
		}
	}
	/* "Hanoi Metro Company", "Japan International Cooperation
	 * Agency": a place that starts an English organization name */
	if (g.p && g.p->type == ENT_LOC && !x->titlecase && namey(x, k + g.ntok) &&
	    (x->t[k + g.ntok].flags & T_SPACE)) {
		bool ho, hl, mi;
		size_t e = ent_name_run(x, k, &ho, &hl, &mi);
		/* "Bristol City", "Notts County": a club in sport news;
		 * "Toronto Marmots": a city's team (entity_sport.c) */
		if (club_name(x, k, e) || ent_team_nickname(x, k + g.ntok, e))
			ho = true;
		if (ho && !mi && e > k + g.ntok) {
			/* "NATO-Russia Council": a name joined by a hyphen */
			size_t s0 = k;
			if (k >= 2 && x->text[x->t[k - 1].start] == '-' &&
			    !(x->t[k - 1].flags & T_SPACE) && !(x->t[k].flags & T_SPACE) && x->nc &&
			    x->c[x->nc - 1].field == x->field && x->c[x->nc - 1].t1 == k - 1 &&
			    x->c[x->nc - 1].ntok == 1) {
				s0 = x->c[x->nc - 1].t0;
				x->nc--;
				free(x->c[x->nc].name);
			}
			cand *c = ent_add_cand(x, s0, e);
			c->strong = true;
			c->score[ENT_ORG] += EV_DEF;
			return e;
		}
	}
	/* "writer-director Sofia Coppola": a place's name that is a given
	 * name too, before a surname (entity_en.c) */
	if (ent_en_given_place(x, k, &g))
		return 0;
	/* "iPhone X", "iPhone 8": a product's model letter or number is
	 * part of the product, no acronym of its own */
	if (g.p && g.p->type == ENT_MISC) {
		size_t e = k + g.ntok;
		while (e < k + g.ntok + 2 && e < x->nt && (x->t[e].flags & T_WORD) &&
		       (x->t[e].flags & T_SPACE) && x->t[e].end - x->t[e].start <= 2 &&
		       ((x->t[e].flags & T_DIGIT) ||
		        (x->text[x->t[e].start] >= 'A' && x->text[x->t[e].start] <= 'Z')))
			e++;
		/* "iPhone 8 Plus", "Galaxy S8 Pro": a model's foreign word */
		if (e > k + g.ntok && namey(x, e) && !(x->t[e].flags & T_VI) && !namey(x, e + 1))
			e++;
		if (e > k + g.ntok) {
			cand *c = ent_add_cand(x, k, e);
			c->misc = c->nodefault = true;
			return e;
		}
	}
	if (g.p) {
		ent_add_gaz(x, k, &g);
		admin_span(x, pd, &x->c[x->nc - 1]);
		/* "Đức" with no cue before it but a person's ("đối tượng
		 * Đức") may be a man's given name */
		if ((pd->type < 0 || pd->type == ENT_PER) && g.ntok == 1 && g.p->type == ENT_LOC && ent_vi_name_syllable(x, k))
			x->c[x->nc - 1].given = ent_vi_given_alone(x, k);
		/* "NEW YORK 74 59", "Florida at Atlanta": a city's team (a
		 * country's stays the place: national teams are) */
		const cand *prev = x->nc >= 2 ? &x->c[x->nc - 2] : NULL;
		if (g.p->type == ENT_LOC && !g.p->country &&
		    (sport_team(x, k, k + g.ntok) || ent_team_words(x, k, k + g.ntok) ||
		     ent_team_bracket(x, prev, k, k + g.ntok))) {
			cand *c = &x->c[x->nc - 1];
			c->score[ENT_LOC] -= EV_DEF;
			c->score[ENT_ORG] += EV_DEF;
		}
		return k + g.ntok;
	}
	return 0;
}

/* The end of an organization's name after its head (ent_org_tail), or
 * the head's end h when nothing names it: an abbreviation that is no name
 * (TP, CP, DN) at its end does not qualify it ("UBND TP | cho biết",
 * "Công ty CP | vừa"); one inside a name or that heads one (CSGT in "Phòng CSGT", "Tập
 * đoàn TH") does. */
static size_t org_tail(ctx *x, size_t k, size_t h, bool keep_loc, bool after_title)
{
	size_t e = ent_org_tail(x, k, h, keep_loc, after_title);
	unsigned ek;
	while (e > h && (x->t[e - 1].flags & T_ALLCAPS) && cue_at(x, e - 1, &ek) == 1 &&
	       (ek & (CUE_STOP_ACRO | CUE_ABBR_COMMON)) &&
	       !(ek & (CUE_ABBR_ORG_PART | CUE_ABBR_ORG_HEAD)))
		e--;
	return e < h ? h : e;
}

/* Whether the name at token q, after a title and a place cue, is the
 * person's ("Chủ tịch huyện | Lò Văn Thắng"): a surname and two more
 * capitals, or a full Vietnamese name, of no known place. */
static bool title_person(ctx *x, const pending *pd, size_t q)
{
	unsigned sk;
	bool mid;
	if (!pd->title || gaz_at(x, q).p)
		return false;
	return (namey(x, q) && cue_at(x, q, &sk) == 1 && (sk & CUE_SURNAME) && namey(x, q + 1) &&
	        namey(x, q + 2)) ||
	       ent_vi_person(x, q, &mid) >= 3;
}

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

/* Whether an organization's own name starts at token q, after a body
 * named by its role: a head, an acronym or a known organization (not a
 * unit's short form: "TP"). */
static bool generic_of(ctx *x, size_t q)
{
	unsigned kinds;
	if (!namey(x, q) || ent_admin_word(x, q))
		return false;
	match g = gaz_at(x, q);
	if (g.p)
		return g.p->type == ENT_ORG;
	if ((x->t[q].flags & T_ALLCAPS) ||
	    (cue_at(x, q, &kinds) && (kinds & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC | CUE_ABBR_ORG_HEAD))))
		return true;
	return false;
}

/* Whether tokens k..q-1 name a party committee's standing organ (Ban
 * Thường vụ, Ban Thường trực) and a committee follows at token q ("Tỉnh
 * ủy", "Thành uỷ", "Đảng ủy", "Đảng bộ"): one name, "Ban Thường vụ
 * Thành ủy Đà Nẵng", a body of its own within the committee (the
 * executive committee, Ban Chấp hành, is the committee itself: "Ban
 * Chấp hành | Đảng bộ tỉnh Lạng Sơn"). */
static bool party_organ(const ctx *x, size_t k, size_t q)
{
	if (q != k + 3 || q + 1 >= x->nt || !(x->t[q].flags & T_CAP))
		return false;
	bool organ = (ent_written(x, k + 1, "Thường") || ent_written(x, k + 1, "thường")) &&
	             (ent_written(x, k + 2, "vụ") || ent_written(x, k + 2, "trực"));
	return organ && (ent_written(x, q + 1, "ủy") || ent_written(x, q + 1, "uỷ") ||
	                 (ent_written(x, q, "Đảng") && ent_written(x, q + 1, "bộ")));
}

/* Whether the body named by its role at tokens k..q-1 is named at token
 * q by the level it works at or its place: "Ban Chỉ đạo | Quốc gia", "Ban
 * Chấp hành | Trung ương", "Ban Chỉ đạo | tỉnh Nghệ An". Abbreviated
 * heads of several words with an acronym in them ("Sở GTVT") name their
 * body whatever follows. */
static bool generic_level(ctx *x, size_t k, size_t q)
{
	for (size_t i = k; i < q; i++)
		if (x->t[i].flags & T_ALLCAPS)
			return true;
	static const char *const level[][2] = {
	    {"Trung", "ương"}, {"Quốc", "gia"}, {"Nhà", "nước"}, {"Chính", "phủ"}};
	for (size_t i = 0; i < sizeof level / sizeof *level; i++)
		if (ent_written(x, q, level[i][0]) && ent_written(x, q + 1, level[i][1]))
			return true;
	match g = gaz_at(x, q);
	if (g.p)
		return g.p->type == ENT_LOC;
	return ent_admin_word(x, q) > 0;
}

/* Whether token k is "phòng" or "sở" (an office, a department) in lower
 * case before its domain's abbreviation (CSGT, GD&ĐT). */
static bool lower_office(ctx *x, size_t k)
{
	unsigned kinds;
	size_t n;
	if (k + 1 >= x->nt || !(ent_written(x, k, "phòng") || ent_written(x, k, "sở")) ||
	    !(x->t[k + 1].flags & T_ALLCAPS) || !(n = cue_at(x, k + 1, &kinds)))
		return false;
	/* "trụ sở CSGT": the headquarters of, no office named "sở" */
	if (k > 0 && (ent_written(x, k - 1, "trụ") || ent_written(x, k - 1, "Trụ")))
		return false;
	return (ent_abbr_kinds(x, k + 1, n, kinds) & CUE_ABBR_ORG_PART) != 0;
}

/* An office of a province's or a district's government written in lower
 * case before its domain's abbreviation ("phòng CSGT Hà Nội", "sở GD&ĐT
 * Thừa Thiên Huế"; "phòng" and "sở" alone are a room and a syllable of
 * other words: "trụ sở"): the organization's name, with its place.
 * Returns the token after it, or 0. */
static size_t scan_lower_office(ctx *x, pending *pd, size_t k)
{
	if (!lower_office(x, k))
		return 0;
	size_t e = org_tail(x, k, k + 1, true, pd->title);
	if (e <= k + 1)
		return 0;
	cand *c = ent_add_cand(x, k, e);
	c->strong = true;
	c->score[ENT_ORG] += EV_DEF;
	pd->type = -1, pd->title = pd->honor = false;
	return e;
}

/* A unit of a ministry, a police or a health service named by its head
 * and its domain ("Vụ Kế hoạch - Tài chính", "Đội Quản lý thị trường số
 * 7", "Trạm Y tế xã Bản Già", "Đội CSGT số 2"): the head (vi-words.txt
 * unit-head) is another noun elsewhere ("Vụ Đồng Tâm" is an incident,
 * "vụ án" a case), so only before a capitalized syllable and a
 * lower-case one (a word of the domain, no person's name) or a domain's
 * acronym. Returns the token after the name, or 0. */
static size_t scan_unit_head(ctx *x, const pending *pd, size_t k)
{
	const tok *t = &x->t[k];
	if (x->en || !(t->flags & T_CAP) || (t->flags & T_ALLCAPS) || k + 2 >= x->nt)
		return 0;
	const tok *a = &x->t[k + 1], *b = &x->t[k + 2];
	unsigned kinds;
	size_t n;
	/* the shapes first, the word's lookup last: this runs at every
	 * capitalized word */
	bool domain = (a->flags & T_CAP) && (a->flags & T_VI) && !(a->flags & T_ALLCAPS) &&
	              (b->flags & T_WORD) && (b->flags & T_LOWER) && (b->flags & T_VI);
	if ((!domain && !(a->flags & T_ALLCAPS)) || !(ent_en_bits(x, k) & EN_UNIT_HEAD))
		return 0;
	bool acro = (a->flags & T_ALLCAPS) && (n = cue_at(x, k + 1, &kinds)) &&
	            (ent_abbr_kinds(x, k + 1, n, kinds) & CUE_ABBR_ORG_PART);
	if (!domain && !acro)
		return 0;
	size_t e = org_tail(x, k, k + 1, false, pd->title);
	if (e <= k + 2)
		return 0;
	cand *c = ent_add_cand(x, k, e);
	c->strong = true;
	c->score[ENT_ORG] += EV_DEF;
	return e;
}

/* Whether a school's name starts at token q after the bare head
 * "Trường": an acronym ("Trường THPT"), a foreign name ("Trường Luật
 * Harvard"), a person's full name ("Trường Nguyễn Trãi"), or words of a
 * domain, a lower-case syllable among the next three ("Trường Hàng
 * không Quân sự"); one or two capitalized Vietnamese syllables alone
 * are a given name ("Trường Giang"). */
static bool school_name(ctx *x, size_t q)
{
	bool mid;
	if (!namey(x, q) || (x->t[q].flags & (T_ALLCAPS)) || !(x->t[q].flags & T_VI) ||
	    (namey(x, q + 1) && !(x->t[q + 1].flags & T_VI)) || ent_vi_person(x, q, &mid) >= 2)
		return true;
	size_t j = namey(x, q + 1) ? q + 2 : q + 1;
	if (j == q + 2 && namey(x, j))
		return true;
	unsigned kinds;
	return j < x->nt && (x->t[j].flags & T_WORD) && (x->t[j].flags & T_LOWER) &&
	       !(cue_at(x, j, &kinds) &&
	         (kinds & (CUE_FUNCTION | CUE_PER_POST | CUE_LOC_PREP | CUE_CONNECTOR | CUE_TITLE)));
}

/* A cue phrase at token k: the head of an organization ("Bộ", "Công ty"),
 * of a treaty or plan (no entity), of a place ("biển"), or a word that
 * says what the next name is (a title, an honorific, a place cue, a
 * preposition), kept in *pd for it; stop words and lower-case cues are
 * passed over. Returns the token after what it read, or 0 when the scan
 * goes on with token k as a possible name. */
static size_t scan_cue(ctx *x, pending *pd, size_t k)
{
	const tok *t = &x->t[k];
	unsigned kinds = 0;
	size_t n = (t->flags & T_DIGIT) ? 0 : cue_at(x, k, &kinds);
	/* "Mr Justice Eady": a judge's title (entity_en.c) */
	if (ent_en_addr_title(x, k, pd->type == ENT_PER && (pd->honor || pd->title))) {
		if (!pd->honor)
			pd->type = ENT_PER, pd->weight = EV_DEF, pd->title = true;
		return k + 1;
	}
	/* abbreviations (abbreviations.tsv) only where written as such */
	unsigned abbr = ent_abbr_kinds(x, k, n ? n : 1, kinds);
	kinds = (kinds & ~CUE_ABBR) | abbr;
	if (abbr && !n)
		n = 1; /* "U23" */
	/* a name after "ông"/"Tổng thống" may look like a stop word */
	if (n && pd->type >= 0 && (pd->honor || pd->title) && n == 1 && namey(x, k) &&
	    !(kinds & (CUE_TITLE | CUE_HONORIFIC | CUE_ORG_HEAD | CUE_ORG_HEAD_LOC | CUE_ABBR)) &&
	    !ent_admin_word(x, k))
		n = 0;
	/* "trẻ em Úc": children, no form of address */
	if (n == 1 && (kinds & CUE_HONORIFIC) && k > 0 && ent_written(x, k, "em") &&
	    (ent_written(x, k - 1, "trẻ") || ent_written(x, k - 1, "Trẻ"))) {
		pd->type = -1, pd->title = pd->honor = false;
		return k + 1;
	}
	/* "diễn viên Anh Tú": a capitalized form of address inside a
	 * sentence that is a given name too is the name */
	if (n == 1 && (kinds & CUE_HONORIFIC) && (t->flags & T_CAP) && !(t->flags & T_INITIAL) &&
	    ent_vi_name_syllable(x, k) && ent_vi_name_syllable(x, k + 1))
		n = 0;
	/* "chùa Bà Đanh", "giao Bà Triệu": "Bà", "Ông" capitalized inside a
	 * sentence start a place's name (entity_vinear.c) */
	if (n == 1 && (kinds & CUE_HONORIFIC) && ent_vi_elder_place(x, k)) {
		if (t->flags & T_CAP)
			return 0;
		/* "chùa bà Đanh": scan_name starts at a capital */
		size_t e = k + 1;
		while (e < k + 4 && namey(x, e) && (x->t[e].flags & T_VI))
			e++;
		cand *c = ent_add_cand(x, k, e);
		c->strong = true;
		c->score[ENT_LOC] += EV_CUE;
		pd->type = -1, pd->title = pd->honor = false;
		return e;
	}
	/* "trú tại Từ Thái Lưu": a capitalized small word inside a sentence
	 * that starts a full Vietnamese name is the family name */
	bool mid;
	if (n == 1 && (kinds & (CUE_LOC_PREP | CUE_FUNCTION)) && (t->flags & T_CAP) &&
	    !(t->flags & T_INITIAL) && ent_vi_person(x, k, &mid) >= 2 && !gaz_at(x, k + 1).p)
		n = 0;
	/* "A. Hollioake": an initial, not the article "a"; so is "A" in a
	 * line-up ("Troncon; A Lo Cicero, F Ongaro") */
	if (n == 1 && x->en && (ent_initial(x, k) || ent_en_lineup_end(x, k)))
		n = 0;
	if (!n || !kinds)
		return 0;
	/* "UBND xã Đức Nhân", "TAND Tối cao", "U23 Việt Nam": an abbreviated
	 * head with a place or a qualifier after it; alone it is no entity */
	if (abbr & CUE_ABBR_ORG_HEAD) {
		size_t e = org_tail(x, k, k + n, true, pd->title);
		/* "Ban Thường vụ Thành ủy Đà Nẵng": the organ and its committee,
		 * the committee's name ending as after its head */
		bool organ = false;
		if (party_organ(x, k, k + n)) {
			size_t pe = org_tail(x, k + n, k + n + 2, true, pd->title);
			if ((organ = pe > k + n + 2))
				e = pe;
		}
		unsigned ek;
		/* "Ban Giám đốc | Công an tỉnh Lào Cai", "Hội đồng quản trị |
		 * Vinamilk": a body named by its role (written in full) before
		 * its organization's name is no part of it */
		if (e > k + n && n >= 2 && generic_of(x, k + n) && !organ)
			return k + n;
		/* "Ban tổ chức | Lễ hội", "Ban Giám khảo | cuộc thi": such a
		 * body named after the event it serves is no entity */
		if (e > k + n && n >= 2 && !generic_level(x, k, k + n) && !organ)
			return k + n;
		if (e > k + n) {
			cand *c = ent_add_cand(x, k, e);
			c->strong = true;
			c->score[ENT_ORG] += EV_DEF;
			/* "U20 World | Cup": a competition, no organization */
			if (namey(x, e) && cue_at(x, e, &ek) == 1 && (ek & CUE_MISC_SUFFIX))
				c->misc = c->nodefault = true, c->strong = false;
			pd->type = -1, pd->title = pd->honor = false;
			return e;
		}
	}
	/* "Hiệp định Đối tác xuyên Thái Bình Dương": no entity */
	/* a head listed in lower case ("lễ hội") is one before a capital */
	if ((kinds & CUE_MISC_HEAD) && ((t->flags & T_CAP) || namey(x, k + n))) {
		size_t e = ent_org_tail(x, k, k + n, true, false);
		if (e > k) {
			cand *c = ent_add_cand(x, k, e);
			c->misc = true;
			c->nodefault = true;
			pd->type = -1, pd->title = pd->honor = false;
			return e;
		}
	}
	/* a head written in lower case ("nhà máy Đạm Hà Bắc", "công ty
	 * BSC": only the lower-case heads of entity-cues.txt match so) is
	 * part of the name too, but a known place right after it is the
	 * place ("công ty | Nhật") and a known organization the
	 * organization ("công ty | Viettel") */
	/* "Đài | BBC", "Tạp chí | Forbes", "Hãng tin | Reuters": a
	 * broadcaster's, a magazine's or a firm's noun before a foreign name
	 * or an acronym is no part of it (vi-words.txt media); before
	 * Vietnamese words it is ("Đài Tiếng nói Việt Nam") */
	if ((kinds & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC)) && namey(x, k + n) &&
	    (!(x->t[k + n].flags & T_VI) || (x->t[k + n].flags & T_ALLCAPS)) &&
	    (ent_words_at(x, k, n) & EN_MEDIA)) {
		pd->type = ENT_ORG, pd->weight = EV_CUE, pd->title = pd->honor = false;
		return k + n;
	}
	/* "danh hài Trường Giang", "Trường Giang và Nhã Phương": "Trường"
	 * before one or two capitalized syllables is a given name */
	if (n == 1 && ent_written(x, k, "Trường") && !school_name(x, k + 1))
		return 0;
	match hg = (t->flags & T_CAP) ? (match){NULL, 0} : gaz_at(x, k + n);
	if ((kinds & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC)) && !hg.p) {
		bool cap = (t->flags & T_CAP) != 0;
		size_t e = org_tail(x, k, k + n, cap && (kinds & CUE_ORG_HEAD_LOC), pd->title);
		if (e > k + n) {
			cand *c = ent_add_cand(x, k, e);
			c->strong = true;
			c->score[ENT_ORG] += EV_DEF;
			return e;
		}
	}
	/* "biển | Đồng bằng sông Cửu Long": a known name after the
	 * head is that name */
	/* "Châu Tuyết Vân", "Châu Tinh Trì": a capitalized head word that is
	 * a family name too starts a person's name (known places such as
	 * "Châu Á" were read before) */
	if ((kinds & CUE_LOC_HEAD) && (t->flags & T_CAP) && !(t->flags & T_ALLCAPS) &&
	    ent_vi_family(x, k) && namey(x, k + 1))
		return 0;
	/* "sân bay Damascus", "ga Hà Nội", "Hoàng thành Thăng Long": a
	 * facility named after a city is a place of its own */
	size_t fh = ent_vi_facility_head(x, k);
	if (fh && namey(x, k + fh)) {
		match fg = gaz_at(x, k + fh);
		if (fg.p && fg.p->type == ENT_LOC && !fg.p->country &&
		    !namey(x, k + fh + fg.ntok)) {
			cand *c = ent_add_cand(x, k, k + fh + fg.ntok);
			c->strong = true;
			c->score[ENT_LOC] += EV_DEF;
			pd->type = -1, pd->title = pd->honor = false;
			return k + fh + fg.ntok;
		}
	}
	/* "bán đảo Triều Tiên", "vịnh Thái Lan": a peninsula or a gulf
	 * named after a country is a place of its own */
	match hg2 = (kinds & CUE_LOC_HEAD) ? gaz_at(x, k + n) : (match){NULL, 0};
	bool feature = hg2.p && hg2.p->country && ent_vi_feature_head(x, k, n);
	bool loc_name = (kinds & CUE_LOC_HEAD) && namey(x, k + n) &&
	                !(x->t[k + n].flags & T_ALLCAPS) && (!hg2.p || feature);
	/* "miền | Đông Ukraine": a part of a country (ent_vi_region_country) */
	if (loc_name && ent_vi_region_country(x, k + n))
		return k + n;
	if (loc_name) {
		size_t e = feature ? k + n + hg2.ntok : k + n;
		while (!feature && namey(x, e) && !(x->t[e].flags & T_ALLCAPS) &&
		       !(e > k + n && ent_vi_glued_start(x, e)))
			e++;
		cand *c = ent_add_cand(x, k, e);
		c->strong = true;
		c->score[ENT_LOC] += EV_DEF;
		return e;
	}
	/* "các tuyến đường như Hoàng Văn Thụ, Lê Văn Sỹ": the roads a road's
	 * noun lists */
	size_t rl = (kinds & CUE_ROAD) ? ent_road_intro(x, k, k + n) : 0;
	if (rl) {
		pd->type = ENT_LOC, pd->weight = EV_DEF, pd->title = pd->honor = false;
		pd->road_list = rl;
		return rl;
	}
	/* "xa lộ Hà Nội": a road named after a place or a person is a
	 * place of its own */
	/* (but "tuyến Hà Nội-Hải Phòng": a route between known places
	 * names the places) */
	bool route = n == 1 && (ent_written(x, k, "tuyến") || ent_written(x, k, "Tuyến")) &&
	             gaz_at(x, k + n).p;
	if ((kinds & CUE_ROAD) && !route && namey(x, k + n) && !(x->t[k + n].flags & T_ALLCAPS)) {
		size_t e = k + n;
		while (namey(x, e) && !(x->t[e].flags & T_ALLCAPS) && e < k + n + 4 &&
		       !(e > k + n && (ent_vi_glued_start(x, e) || ent_road_start(x, e))))
			e++;
		/* "đại lộ Đông - Tây", "trục Bắc - Nam": two directions */
		if (e == k + n + 1 && ent_vi_direction(x, k + n) && e + 1 < x->nt &&
		    (x->t[e].flags & T_DASH) && ent_vi_direction(x, e + 1))
			e += 2;
		/* "đường Tỉnh lộ", "đường Đại học": one capitalized syllable of a
		 * common word */
		if (e == k + n + 1 && e < x->nt && (x->t[e].flags & T_WORD) &&
		    (x->t[e].flags & T_LOWER) && (x->t[e].flags & T_VI))
			return k + n;
		cand *c = ent_add_cand(x, k, e);
		c->road = true;
		c->strong = true;
		c->score[ENT_LOC] += EV_DEF;
		return e;
	}
	/* "tỉnh Nghệ An", "TP. Hà Nội", "quận 9": the unit word is
	 * highlighted with the place it names */
	size_t an = ent_admin_word(x, k);
	if (an && !gaz_at(x, k + an).p &&
	    ((ent_vi_person(x, k + an, &mid) >= 3 && mid) || title_person(x, pd, k + an))) {
		/* "UBND xã | Nguyễn Văn An", "Chủ tịch huyện | Lò Văn Thắng": a
		 * person after the unit's name */
		if (!pd->title)
			pd->type = -1, pd->honor = false;
		return k + an;
	}
	if (an && (x->t[k + an].flags & T_DIGIT)) {
		cand *c = ent_add_cand(x, k, k + an + 1);
		c->strong = true;
		c->score[ENT_LOC] += EV_DEF;
		return k + an + 1;
	}
	if (an) {
		pd->type = ENT_LOC, pd->weight = EV_DEF, pd->title = pd->honor = false;
		pd->admin = k, pd->admin_end = k + an;
		return k + an;
	}
	bool set = false;
	if (kinds & CUE_TITLE) {
		pd->type = ENT_PER, pd->weight = EV_DEF, pd->title = true, pd->honor = false;
		/* "Trưởng phòng | phòng CSGT Hà Nội", "Giám đốc sở | sở GD&ĐT":
		 * a title ending with the office whose name follows */
		if (n >= 2 && lower_office(x, k + n - 1))
			return k + n - 1;
		set = true;
	} else if (kinds & CUE_HONORIFIC) {
		/* "Mr. Putin": an abbreviation's dot; a Vietnamese form of
		 * address is no abbreviation, a full stop after it ends the
		 * sentence ("an ủi cô. Sau một lúc") */
		bool abbr_dot = k + n + 1 < x->nt && x->text[x->t[k + n].start] == '.' &&
		                (x->en || !(x->t[k + n - 1].flags & T_VI)) && namey(x, k + n + 1);
		/* "Bạn" addresses a reader only heading a sentence; inside
		 * one it starts a name ("Theo X/Bạn Nhà Nông", a paper) */
		bool reader = n == 1 && ent_written(x, k, "Bạn");
		if ((namey(x, k + n) || abbr_dot) && (!reader || (t->flags & T_INITIAL))) {
			pd->type = ENT_PER, pd->weight = EV_DEF, pd->honor = true,
			pd->title = false;
			set = true;
		}
	} else if (kinds & CUE_LOC_CUE) {
		if (title_person(x, pd, k + n))
			return k + n;
		pd->type = ENT_LOC, pd->weight = EV_DEF, pd->title = pd->honor = false;
		set = true;
	} else if (kinds & CUE_PER_PRE) {
		pd->type = ENT_PER, pd->weight = EV_CUE, pd->title = pd->honor = false;
		set = true;
	} else if (kinds & CUE_ORG_PRE) {
		pd->type = ENT_ORG, pd->weight = EV_CUE, pd->title = pd->honor = false;
		set = true;
	} else if (kinds & CUE_LOC_PREP) {
		pd->type = ENT_LOC, pd->weight = EV_WEAK, pd->title = pd->honor = false;
		set = true;
	}
	/* "British Airways": a nationality before an organization's name */
	if ((kinds & CUE_STOP) && x->en && namey(x, k) && namey(x, k + n) &&
	    !(t->flags & (T_ALLCAPS | T_INITIAL))) {
		bool ho, hl, mi;
		ent_name_run(x, k, &ho, &hl, &mi);
		if (ho && !mi)
			return 0;
		/* "the Scottish FA": a nation's own body (entity_en.c) */
		if (ent_en_national_body(x, k + n)) {
			cand *c = ent_add_cand(x, k, k + n + 1);
			c->strong = true;
			c->score[ENT_ORG] += EV_DEF;
			pd->type = -1, pd->title = pd->honor = false;
			return k + n + 1;
		}
	}
	/* "SOCCER", "BEAT", "DIVISION": a common word in capitals */
	bool common = (kinds & CUE_COMMON) && (t->flags & T_ALLCAPS) && n == 1;
	/* "siêu sao người Argentina Lionel Messi": a nationality keeps the
	 * title for the name after it */
	if (pd->title && n == 1 && (t->flags & T_LOWER) && ent_written(x, k, "người") &&
	    gaz_at(x, k + 1).p && gaz_at(x, k + 1).p->type == ENT_LOC)
		return k + n;
	if (set || common ||
	    (kinds & (CUE_STOP | CUE_STOP_ACRO | CUE_CONNECTOR | CUE_PER_POST | CUE_ABBR)) ||
	    !(t->flags & T_CAP)) {
		if (!set)
			pd->type = -1, pd->title = pd->honor = false;
		k += n;
		/* "Mr. Putin": the dot of the abbreviation */
		if (pd->honor && k < x->nt && x->text[x->t[k].start] == '.')
			k++;
		return k;
	}
	return 0;
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
static size_t scan_name(ctx *x, pending *pd, size_t k)
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
		return add_product(x, k, e);
	}
	/* "điện thoại Vivo V5s": a foreign brand before its model's code
	 * stands for the product */
	if (e == k + 1 && !x->en && !pd->title && !(t->flags & T_VI) && model_number(x, e)) {
		pd->type = -1, pd->title = pd->honor = false;
		return add_product(x, k, e + 1);
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
	bool team = ((single || (t->flags & T_ALLCAPS)) && sport_team(x, k, e)) ||
	            club_name(x, k, e) || ent_team_words(x, k, e) || ent_team_plural(x, k, e) ||
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
		admin_span(x, pd, c);
	/* "Giám đốc CDC Rochelle Walensky": the title is the full name's
	 * after the acronym of the employer */
	bool keep =
	    pd->title && acro && namey(x, e) && namey(x, e + 1) && !ent_korean_name(x, e + 1);
	if (!keep)
		pd->type = -1, pd->title = pd->honor = false;
	return e;
}

/* Finds the candidates of a running-text field: at each word, in this
 * order, an ALL-CAPS dateline, a gazetteer name (scan_gazetteer), a cue
 * phrase (scan_cue), else a run of capitalized words (scan_name). */
void ent_scan_field(ctx *x)
{
	pending pd = {-1, 0, false, false, 0, 0, 0};
	ent_sport_context(x);
	team_line tl = {{0, 0}, {0, 0}, 0};
	for (size_t k = 0; k < x->nt;) {
		const tok *t = &x->t[k];
		size_t e;
		if (!(t->flags & T_WORD)) {
			pd.type = -1;
			k++;
			continue;
		}
		/* "Real Betis 2 Valencia 1": the sides of a result or a
		 * table's row are teams (entity_sport.c) */
		if (t->flags & T_PARA)
			ent_team_line(x, k, &tl);
		if (tl.n && k == tl.s[0]) {
			cand *c = ent_add_cand(x, k, tl.e[0]);
			c->strong = true;
			c->score[ENT_ORG] += EV_DEF;
			pd.type = -1, pd.title = pd.honor = false;
			k = tl.e[0];
			tl.s[0] = tl.s[1], tl.e[0] = tl.e[1], tl.n--;
			continue;
		}
		if ((t->flags & T_PARA) && (t->flags & T_ALLCAPS)) {
			e = ent_dateline(x, k);
			if (e) {
				k = e;
				continue;
			}
		}
		/* "Châu Tinh - Thể thao Việt Nam | 20:00": the reporter's paper */
		if ((e = ent_vi_byline_paper(x, k)) != 0) {
			cand *c = ent_add_cand(x, k, e);
			c->strong = true;
			c->score[ENT_ORG] += EV_DEF;
			pd.type = -1, pd.title = pd.honor = false;
			k = e;
			continue;
		}
		/* "miền Đông | Ukraine": the country is the place named */
		if ((e = ent_vi_region_country(x, k)) != 0) {
			pd.type = -1, pd.title = pd.honor = false;
			k = e;
			continue;
		}
		if ((e = ent_scan_road_item(x, pd.road_list, k)) != 0) {
			pd.type = -1, pd.title = pd.honor = false;
			k = e;
			continue;
		}
		if (!pd.honor && (e = scan_gazetteer(x, &pd, k)) != 0) {
			k = e;
			continue;
		}
		/* "smartphone LG G6": a brand's acronym and its model */
		if (!pd.title && (e = ent_vi_acronym_product(x, k)) != 0) {
			k = add_product(x, k, e);
			continue;
		}
		if ((e = scan_unit_head(x, &pd, k)) != 0) {
			pd.type = -1, pd.title = pd.honor = false;
			k = e;
			continue;
		}
		if ((e = scan_lower_office(x, &pd, k)) != 0 || (e = scan_cue(x, &pd, k)) != 0) {
			k = e;
			continue;
		}
		if (!namey(x, k)) {
			pd.type = -1, pd.title = pd.honor = false;
			k++;
			continue;
		}
		/* after a title: "Bộ trưởng Quốc phòng Mỹ Lloyd Austin" */
		if (pd.title && (t->flags & T_VI) && !(t->flags & T_ALLCAPS) && k + 1 < x->nt &&
		    (x->t[k + 1].flags & T_WORD) && (x->t[k + 1].flags & T_LOWER) &&
		    (x->t[k + 1].flags & T_VI)) {
			k += 2;
			continue;
		}
		k = scan_name(x, &pd, k);
	}
}
/* Decides, once the words of a field are known, whether the article is
 * about sport: enough of its words are sport words (sport-words.txt:
 * match, goal, coach, trận đấu, bàn thắng...). A decision sticks for the
 * rest of the article; the lookups made before it are redone, since a
 * sport context changes what some names are (ORG@sport; in English only
 * in news of club sport, ent_en_club_context). */
void ent_sport_context(ctx *x)
{
	bool was = x->sport && (!x->en || x->clubs);
	if (!x->sport) {
		size_t words = 0, cues = 0;
		for (size_t k = 0; k < x->nt; k++) {
			if (!(x->t[k].flags & T_WORD))
				continue;
			words++;
			unsigned kinds;
			if (cue_at(x, k, &kinds) && (kinds & CUE_SPORT))
				cues++;
		}
		/* two sport words, and one word in fifty */
		x->sport = cues >= 2 && cues * 50 >= words;
	}
	/* in English the clubs' readings wait for news of club sport
	 * (entity_en.c): athletics in Madrid is in the city */
	if (x->sport && x->en && !x->clubs)
		x->clubs = ent_en_club_context(x);
	if (was || !x->sport || (x->en && !x->clubs))
		return;
	for (size_t k = 0; k < x->nt; k++)
		if (x->t[k].flags & T_SPORTALT)
			x->t[k].memo = false;
}

/* Whether an English headline is in Title Case, where capitals prove
 * nothing: most of its longer words are capitalized, and none in lower
 * case but the small words a title leaves so (title-word: "with",
 * "from"); a lower-case verb makes it a sentence with names ("Venus
 * stunned by Farina Elia"). */
bool ent_title_case(ctx *x)
{
	size_t words = 0, caps = 0;
	for (size_t k = 0; k < x->nt; k++) {
		const tok *t = &x->t[k];
		if (!(t->flags & T_WORD) || t->end - t->start < 4)
			continue;
		words++;
		if (t->flags & T_CAP)
			caps++;
		else if ((t->flags & T_LOWER) && !(t->flags & T_DIGIT) &&
		         !(ent_en_bits(x, k) & EN_TITLE_WORD))
			return false;
	}
	return words >= 3 && caps * 10 >= words * 6;
}
