/* entity_roads.c: Vietnamese roads and cities in running text: streets
 * are named after people and places, so a road's noun and a list of
 * roads make their names places ("các tuyến đường như Hoàng Văn Thụ, Lê
 * Văn Sỹ"), and a name listed among cities is a city ("Hà Nội, Hồ Chí
 * Minh, Cần Thơ"). The scanner (entity_scan.c) asks these; every rule
 * is described in doc/entities.md. */
#include "config.h"

#include <string.h>

#include "entity_int.h"

/* Whether the capitalized word at token e, after a road's name, is a
 * road's noun starting the next sentence where the text lost its full
 * stop ("đường Nguyễn Văn Trỗi | Đường Trường Sơn đoạn qua ..."). */
bool ent_road_start(ctx *x, size_t e)
{
	unsigned kinds;
	return !x->en && (x->t[e].flags & T_CAP) && cue_at(x, e, &kinds) && (kinds & CUE_ROAD) &&
	       namey(x, e + cue_at(x, e, &kinds));
}

/* Whether the name at token k is the next of a list of roads after the
 * road named by candidate p: joined by a comma, a spaced dash or "và",
 * and followed by the list's next mark or its end ("đường Phạm Hùng,
 * Trần Duy Hưng, ..."; not "Trên đường Láng, Nguyễn Văn A điều khiển
 * xe"); a dash pairs two roads whatever follows ("giao lộ Trường Chinh -
 * Phạm Văn Bạch", a junction). e: the token after the name. */
bool ent_road_listed(ctx *x, size_t road_list, const cand *p, size_t k, size_t e)
{
	if (x->en || !p->road || p->field != x->field || k < 2 || p->t1 != k - 1)
		return false;
	const tok *j = &x->t[k - 1];
	unsigned jk;
	bool dash = (j->flags & T_DASH) != 0;
	bool joiner = x->text[j->start] == ',' || dash ||
	              (cue_at(x, k - 1, &jk) == 1 && (jk & CUE_CONNECTOR) && (j->flags & T_LOWER));
	/* "các tuyến gồm A, B được cấm": a list its noun introduced ends
	 * with the sentence */
	bool intro = road_list && road_list < k;
	for (size_t q = road_list; intro && q < k; q++)
		intro = !(x->t[q].flags & T_BREAK);
	unsigned nk;
	return joiner && (dash || intro || e >= x->nt || (x->t[e].flags & (T_SEP | T_BREAK)) ||
	                  (cue_at(x, e, &nk) == 1 && (nk & CUE_CONNECTOR)));
}

/* The token where the roads a road's noun (tokens h..k-1) lists start,
 * or 0: roads in the plural ("các", "những", "một số", "nhiều" or a
 * number before the noun), then "như", "gồm" or a colon ("các tuyến đường như | Hoàng Văn
 * Thụ, Lê Văn Sỹ"), one or two words in lower case between or not ("các
 * trục phố chính như", "13 đường đèn, gồm:"). A noun in the singular is
 * as often a syllable of another word ("toàn cầu như Alibaba", "bán lẻ
 * trực tuyến như Flipkart", "trên đường: Tài xế ..."). */
size_t ent_road_intro(ctx *x, size_t h, size_t k)
{
	/* roads in the plural: "các", "những" or a number before the noun,
	 * "con" between ("những con đường như"); a road's noun is a syllable
	 * of other words too ("toàn cầu như", "trực tuyến như") */
	size_t p = h > 1 && ent_written(x, h - 1, "con") ? h - 1 : h;
	if (p == 0 || !(ent_written(x, p - 1, "các") || ent_written(x, p - 1, "Các") ||
	                ent_written(x, p - 1, "những") || ent_written(x, p - 1, "Những") ||
	                ent_written(x, p - 1, "số") || ent_written(x, p - 1, "nhiều") ||
	                (x->t[p - 1].flags & T_DIGIT)))
		return 0;
	for (size_t q = k; q < k + 3 && q + 1 < x->nt; q++) {
		if (ent_written(x, q, "như") || ent_written(x, q, "gồm")) {
			size_t e = q + 1 + (x->text[x->t[q + 1].start] == ':');
			return namey(x, e) ? e : 0;
		}
		if (ent_written(x, q, ":"))
			return namey(x, q + 1) ? q + 1 : 0;
		/* (a comma only before "gồm") */
		bool word = (x->t[q].flags & T_WORD) && (x->t[q].flags & T_LOWER) &&
		            (x->t[q].flags & T_VI) && q < k + 2;
		if (!(word || (x->text[x->t[q].start] == ',' && ent_written(x, q + 1, "gồm"))))
			return 0;
	}
	return 0;
}

/* A road at token k listed after a road's noun ("các tuyến đường như |
 * Hoàng Văn Thụ, Lê Văn Sỹ") or after another road (road_listed):
 * named after a person, a place or anything else ("Trường Sơn", "Tân Kỳ
 * Tân Quý"), it is a place. Returns the token after it, or 0. */
size_t ent_scan_road_item(ctx *x, size_t road_list, size_t k)
{
	if (x->en || !namey(x, k) || (x->t[k].flags & T_ALLCAPS))
		return 0;
	size_t e = k + 1;
	while (e < k + 4 && namey(x, e) && !(x->t[e].flags & T_ALLCAPS) &&
	       !ent_vi_glued_start(x, e) && !ent_road_start(x, e))
		e++;
	bool intro = road_list && road_list == k;
	if (!intro && !(x->nc && ent_road_listed(x, road_list, &x->c[x->nc - 1], k, e)))
		return 0;
	/* "đường Lê Lợi, Hà Nội": a known place alone after a road and a
	 * comma is the road's city (but "Tân Kỳ Tân Quý" goes on: a road's
	 * name; and a junction's roads are joined by dashes: "giao lộ Trường
	 * Sơn-Tân Sơn Nhất-Bình Lợi") */
	match g = gaz_at(x, k);
	if (!intro && g.p && k + g.ntok == e && !(x->t[k - 1].flags & T_DASH))
		return 0;
	/* "phố Cầu Đất, Q. Ngô Quyền", "nút giao Dầu Giây - Ảnh: ...": a
	 * unit's word or a small word is no road */
	unsigned kinds;
	if (ent_admin_word(x, k) || (x->t[k].end - x->t[k].start == 1) ||
	    (e == k + 1 && cue_at(x, k, &kinds) == 1 &&
	     (kinds & (CUE_STOP | CUE_FUNCTION | CUE_LOC_PREP | CUE_LOC_ADMIN | CUE_ADMIN_WEAK))))
		return 0;
	/* "Tài xế": one capitalized syllable of a common word */
	if (e == k + 1 && (x->t[k].flags & T_VI) && e < x->nt && (x->t[e].flags & T_WORD) &&
	    (x->t[e].flags & T_LOWER) && (x->t[e].flags & T_VI))
		return 0;
	cand *c = ent_add_cand(x, k, e);
	c->strong = c->road = true;
	c->score[ENT_LOC] += EV_DEF;
	return e;
}

/* Whether the known city or province (no country) at token q follows a
 * comma or "và" at token q - 1. Returns the token after it, or 0. */
static size_t listed_city(ctx *x, size_t q)
{
	unsigned kinds;
	if (q < 1 || q >= x->nt ||
	    !(x->text[x->t[q - 1].start] == ',' ||
	      (cue_at(x, q - 1, &kinds) == 1 && (kinds & CUE_CONNECTOR) && (x->t[q - 1].flags & T_LOWER))))
		return 0;
	match g = gaz_at(x, q);
	return g.p && g.p->type == ENT_LOC && !g.p->country ? q + g.ntok : 0;
}

/* Whether the name at tokens k..e-1 is listed among cities or provinces
 * ("Hà Nội, Hồ Chí Minh, Cần Thơ", "như Hồ Chí Minh, Hà Nội, Đà
 * Nẵng"): a city named after a person. */
bool ent_among_cities(ctx *x, size_t k, size_t e)
{
	if (x->en || e >= x->nt)
		return false;
	size_t n = listed_city(x, e + 1);
	const cand *p = x->nc >= 2 ? &x->c[x->nc - 2] : NULL;
	bool before = p && p->field == x->field && p->t1 + 1 == k && k >= 1 && p->gaz &&
	              x->text[x->t[k - 1].start] == ',' && ent_best_type(p->score) == ENT_LOC &&
	              !gaz_at(x, p->t0).p->country;
	return n && (before || listed_city(x, n + 1));
}
