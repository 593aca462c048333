/* entity_scan.c: the scanner of running text: it walks a field's tokens
 * and applies the matchers of entity_rules.c with the cue words before a
 * name, and tells a sport article and a Title Case headline (credits,
 * brackets and nested names: entity_names.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "entity_int.h"
#include "entity_scan_int.h"

/* Takes the administrative word before candidate c into its span ("tỉnh
 * Nghệ An"), when c starts right after it and is a place; the name (the
 * entity) stays the place's. */
void ent_admin_span(ctx *x, const pending *pd, cand *c)
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
bool ent_sport_team(const ctx *x, size_t k, size_t e)
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
bool ent_club_name(ctx *x, size_t k, size_t e)
{
	unsigned kinds;
	return x->sport && e >= k + 2 && cue_at(x, e - 1, &kinds) == 1 && (kinds & CUE_CLUB);
}

/* Adds the candidate of a product at tokens k..e-1 (a brand and its
 * model), no entity, and returns e. */
size_t ent_add_product(ctx *x, size_t k, size_t e)
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
		return ent_add_product(x, k, pe);
	/* "mẫu xe Kawasaki", "mẫu đồng hồ thông minh LG": the brand stands
	 * for its product */
	if (g.p->type == ENT_ORG && !g.p->club && !pd->title &&
	    (ent_vi_work(x, k) || ent_vi_model_brand(x, k)))
		return ent_add_product(x, k, h);
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
		return ent_add_product(x, k, h + 1);
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
	/* (nor "liên bang Mỹ | James Robart", "tình báo Mỹ | Wayne White":
	 * a country before a foreign name is the country) */
	bool mid;
	if (g.p && pd->type >= 0 && !pd->title && pd->weight >= EV_CUE && namey(x, k + g.ntok) &&
	    (x->t[k + g.ntok].flags & T_SPACE) && !gaz_at(x, k + g.ntok).p &&
	    !(g.p->country && !x->en && !(x->t[k + g.ntok].flags & T_VI)) &&
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
		if (ent_club_name(x, k, e) || ent_team_nickname(x, k + g.ntok, e))
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
		ent_admin_span(x, pd, &x->c[x->nc - 1]);
		/* "Đức" with no cue before it but a person's ("đối tượng
		 * Đức") may be a man's given name */
		if ((pd->type < 0 || pd->type == ENT_PER) && g.ntok == 1 && g.p->type == ENT_LOC && ent_vi_name_syllable(x, k))
			x->c[x->nc - 1].given = ent_vi_given_alone(x, k);
		/* "NEW YORK 74 59", "Florida at Atlanta": a city's team (a
		 * country's stays the place: national teams are) */
		const cand *prev = x->nc >= 2 ? &x->c[x->nc - 2] : NULL;
		if (g.p->type == ENT_LOC && !g.p->country &&
		    (ent_sport_team(x, k, k + g.ntok) || ent_team_words(x, k, k + g.ntok) ||
		     ent_team_bracket(x, prev, k, k + g.ntok))) {
			cand *c = &x->c[x->nc - 1];
			c->score[ENT_LOC] -= EV_DEF;
			c->score[ENT_ORG] += EV_DEF;
		}
		return k + g.ntok;
	}
	return 0;
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
			/* a place's or a body's cue is spent on the known name
			 * after it ("liên bang Mỹ | James Robart"); a title
			 * still names the person after it ("quan chức Mỹ |
			 * James Robart") */
			if (!pd.title)
				pd.type = -1;
			k = e;
			continue;
		}
		/* "smartphone LG G6": a brand's acronym and its model */
		if (!pd.title && (e = ent_vi_acronym_product(x, k)) != 0) {
			k = ent_add_product(x, k, e);
			continue;
		}
		if ((e = ent_scan_unit_head(x, &pd, k)) != 0) {
			pd.type = -1, pd.title = pd.honor = false;
			k = e;
			continue;
		}
		if ((e = ent_scan_lower_office(x, &pd, k)) != 0 || (e = ent_scan_cue(x, &pd, k)) != 0) {
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
		k = ent_scan_name(x, &pd, k);
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
