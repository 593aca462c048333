/* entity_org.c: an organization's name after its head noun ("Bộ Ngoại
 * giao", "Sở Y tế tỉnh Điện Biên", "Ban QLDA 5", "Trường THPT Nguyễn
 * Trãi"): how far it runs (ent_org_tail), with its place, its unit's
 * number and the person a school is named after. Rules in
 * doc/entities.md. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicase.h>

#include "entity_int.h"
#include "util.h"

/* The end of the place named at token q after an administrative unit
 * ("tỉnh Điện Biên", "huyện Mường Nhé"), or 0: a gazetteer place, or one
 * to three capitalized Vietnamese syllables (two when more follow: a
 * person's name may come next); a two-syllable name that starts with a
 * one-word known place is the two syllables. */
static size_t admin_place(ctx *x, size_t q)
{
	/* "Công an quận 3", "UBND phường 12": a city's numbered district */
	if (q > 0 && q < x->nt && (x->t[q].flags & T_DIGIT) && x->t[q].end - x->t[q].start <= 2 &&
	    (ent_written(x, q - 1, "quận") || ent_written(x, q - 1, "Quận") ||
	     ent_written(x, q - 1, "phường") || ent_written(x, q - 1, "Phường")))
		return q + 1;
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
 * bón | DAP", "Nhà máy sản xuất nhiên liệu sinh học | Dung Quất"), or 0:
 * one to seven syllables (five after a head in lower case) that are no
 * cue word (a verb or a function
 * word may be a cue: "vừa", "cho biết", "tại"), then a
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
	/* seven after a capitalized head, five after one in lower case,
	 * whose words run on more often ("bệnh viện phẫu thuật thành công
	 * phương pháp | ReLEx") */
	while (e < q + (local_ok ? 5 : 7) && descr_word(x, e))
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
	/* "Trường ĐH Luật TP | Hồ Chí Minh": after a unit's word the city */
	if (ent_after_admin(x, j))
		return 0;
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
				while (q < x->nt && q < j + 14) {
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
					/* "Đại học Thăng Long, | Học viện Ngân hàng và ...":
					 * a list of bodies, each of its own */
					if ((x->t[q - 1].flags & T_WORD) == 0 && cue_at(x, q, &kinds) &&
					    (kinds & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC)))
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
			/* (right after the head too: "CLB Shanghai SIPG") */
			if (g.p && g.p->type == ENT_LOC &&
			    ((vi && (keep_loc || lower_head)) || local_place || j == h) &&
			    !(t->flags & T_VI) && brand_run(x, j) > g.ntok)
				g.p = NULL;
			/* "Công ty Dona Pacific": a foreign word of a place (no
			 * country) after the brand's foreign word is the brand's */
			if (g.p && g.p->type == ENT_LOC && foreign && !g.p->country && g.ntok == 1 &&
			    !(t->flags & T_VI) && !(x->t[j - 1].flags & T_ALLCAPS))
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
			/* "Văn phòng Bộ Tư lệnh BĐBP": a head of several words inside
			 * the name is a word of it ("Tư lệnh" alone is a title) */
			if (n >= 2 && (kinds & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC)) &&
			    !(kinds & CUE_TITLE) && (x->t[j + n - 1].flags & T_VI)) {
				j += n;
				end = j;
				ncap++;
				vi = true;
				/* "Văn phòng Bộ Công an | đính chính": after the head's
				 * lower-case syllable as after a word's */
				lower_run = (x->t[j - 1].flags & T_LOWER) ? 1 : 0;
				cap_run = !lower_run;
				continue;
			}
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
					/* "Chủ tịch Tập đoàn TH True Milk | Thái Hương":
					 * the brand ends before the person a title names */
					bool named_after =
					    after_title && ent_vi_person(x, j + m, &mid) >= 2;
					if ((keep_loc || lower_head) && m &&
					    (!namey(x, j + m) || named_after)) {
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
			/* "Hội đồng NATO - Nga": a place after the dash (a company
			 * there is its parent: "Công ty CP DAP | – Vinachem") */
			match dg;
			if ((t->flags & T_ALLCAPS) && j + 1 < x->nt && (x->t[j].flags & T_DASH) &&
			    namey(x, j + 1) && (dg = gaz_at(x, j + 1)).p && dg.p->type == ENT_LOC) {
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
		/* verbs and function words never continue a name: "Bộ Tứ | gồm";
		 * but a word may end with one: "Cục Hàng không", "Đảng Tự do" */
		bool compound = n == 1 && lower_run == 0 && cap_run >= 1 && (x->t[j - 1].flags & T_VI) &&
		                (ent_words_at(x, j - 1, 2) & EN_COMPOUND);
		if (n && !compound && (kinds & (CUE_FUNCTION | CUE_LOC_PREP | CUE_PER_POST | CUE_CONNECTOR)))
			break;
		/* "Viện Nghiên cứu phòng ngừa bệnh quốc tế": after a word, up
		 * to four lower-case syllables of no small word before "quốc
		 * tế" end the name there */
		if (lower_run == 1 && ncap && (t->flags & T_VI)) {
			size_t q = j;
			unsigned qk;
			while (q < j + 4 && lower_vi(x, q) && !intl_at(x, q) &&
			       !(cue_at(x, q, &qk) &&
			         (qk & (CUE_FUNCTION | CUE_LOC_PREP | CUE_PER_POST | CUE_CONNECTOR))))
				q++;
			if (q > j && intl_at(x, q)) {
				end = q + 2;
				break;
			}
		}
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
