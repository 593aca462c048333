/* entity_scan_cue.c: names found from the cue words before them: a
 * title or honorific before a person, an administrative word before a
 * place, an organization's head noun ("Bộ", "Công ty", "Sở") and the
 * tail that completes its name, lower offices of a body, units and
 * schools (the scanner, entity_scan.c, calls ent_scan_cue at each
 * token). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "entity_int.h"
#include "entity_scan_int.h"

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
size_t ent_scan_lower_office(ctx *x, pending *pd, size_t k)
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
size_t ent_scan_unit_head(ctx *x, const pending *pd, size_t k)
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
size_t ent_scan_cue(ctx *x, pending *pd, size_t k)
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
