/* entity_vi.c: Vietnamese knowledge the matchers ask about a token: the
 * shape of a person's name (a family name, then middle and given-name
 * syllables, vn-names.txt) and the administrative words before a place
 * (vn-admin-words.txt), with the rules of when a short form counts; and
 * how Vietnamese news writes names around them: bylines and credits,
 * initials, addresses, places named after other places (peninsulas,
 * airports), a company's branch in a country. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "entity_int.h"

/* What the capitalized syllable at token k is in vn-names.txt
 * (VN_FAMILY, VN_MIDDLE, VN_GIVEN), or 0: a longer phrase starting there
 * ("Văn phòng") says nothing about the syllable. */
static unsigned syllable_kinds(ctx *x, size_t k)
{
	unsigned kinds;
	match m = find_phrase(x, k, false, &kinds);
	return m.p && m.ntok == 1 && (kinds & CUE_VI_NAME) ? m.p->vi_name : 0;
}

/* Whether token k is a capitalized Vietnamese syllable that names
 * people: a given or a middle name ("Đức", "Anh", "Mỹ"). */
bool ent_vi_name_syllable(ctx *x, size_t k)
{
	if (!namey(x, k) || !(x->t[k].flags & T_VI) || (x->t[k].flags & T_ALLCAPS))
		return false;
	return (syllable_kinds(x, k) & (VN_GIVEN | VN_MIDDLE)) != 0;
}

/* Whether the capitalized syllable at token k is a family name. */
bool ent_vi_family(ctx *x, size_t k)
{
	return (syllable_kinds(x, k) & VN_FAMILY) != 0;
}

/* Whether token k is one capital letter, an initial ("Nguyễn Văn Q."). */
static bool initial_at(const ctx *x, size_t k)
{
	return (x->t[k].flags & T_CAP) && x->t[k].end - x->t[k].start == 1;
}

/* The length of a Vietnamese person's name starting at token k, or 0: a
 * capitalized family name, then one to three capitalized middle or given
 * syllables ("Nguyễn Văn Hùng", "Lê Anh"). *middle: the second syllable is
 * a middle name, the surest sign. */
size_t ent_vi_person(ctx *x, size_t k, bool *middle)
{
	*middle = false;
	unsigned kinds;
	match f = k < x->nt ? find_phrase(x, k, false, &kinds) : (match){NULL, 0};
	size_t fn = f.ntok; /* "Lò Văn", "Tôn Thất": two syllables */
	if (!fn || !(kinds & CUE_VI_NAME) || !(f.p->vi_name & VN_FAMILY))
		return 0;
	for (size_t q = k; q < k + fn; q++)
		if (!namey(x, q) || !(x->t[q].flags & T_VI) || (x->t[q].flags & T_ALLCAPS))
			return 0;
	size_t e = k + fn;
	*middle = fn >= 2; /* as sure a sign as a middle name */
	/* after a middle name, any syllable may be the given name: "Nguyễn
	 * Văn X" */
	while (e < k + 4 && e < x->nt && (x->t[e].flags & T_SPACE) &&
	       (ent_vi_name_syllable(x, e) || (*middle && namey(x, e) && !(x->t[e].flags & T_ALLCAPS) &&
	                                        ((x->t[e].flags & T_VI) || initial_at(x, e))))) {
		if (e == k + fn && (syllable_kinds(x, e) & VN_MIDDLE))
			*middle = true;
		e++;
	}
	return e - k >= 2 && e > k + fn ? e - k : 0;
}

/* Whether the place named at token k is one a unit word may name: a
 * number ("quận 9", "Q.1") or a known place (no country after a short
 * form: "H.Nga" signs an article, no district of Russia). */
static bool numbered_or_known(ctx *x, size_t k, bool short_form)
{
	if (k >= x->nt)
		return false;
	if ((x->t[k].flags & T_WORD) && (x->t[k].flags & T_DIGIT))
		return x->t[k].end - x->t[k].start <= 3;
	match g = gaz_at(x, k);
	return g.p && g.p->type == ENT_LOC && !(short_form && g.p->country);
}

/* The length of an administrative word at token k that names the place
 * after it ("tỉnh", "thành phố", "TP", "Q."), or 0. A short form that is
 * also an initial counts only before a number or a known place ("Q. Bình
 * Thạnh", not "H. Nguyễn"); a village word only before two capitalized
 * syllables of no known name ("thôn Duệ Đông", not "bản Tuyên ngôn" or
 * "phiên bản Mỹ"). */
size_t ent_admin_word(ctx *x, size_t k)
{
	unsigned kinds;
	size_t n = cue_at(x, k, &kinds);
	if (!n || k + n >= x->nt || !(kinds & (CUE_LOC_ADMIN | CUE_ADMIN_WEAK)))
		return 0;
	/* "Thông tấn xã", "Hợp tác xã": the word ends a longer phrase */
	for (size_t j = k; j-- > 0 && k - j <= 3;) {
		unsigned jk;
		if (j + cue_at(x, j, &jk) > k)
			return 0;
	}
	size_t q = k + n;
	if (kinds & CUE_LOC_ADMIN)
		return namey(x, q) || numbered_or_known(x, q, false) ? n : 0;
	/* a short form is written in capitals, a village's word is not */
	if ((x->t[k].flags & T_ALLCAPS) || x->t[k].end - x->t[k].start == 1)
		return numbered_or_known(x, q, true) ? n : 0;
	return namey(x, q) && namey(x, q + 1) && (x->t[q].flags & T_VI) &&
	               (x->t[q + 1].flags & T_VI) && !(x->t[q].flags & T_ALLCAPS) &&
	               (x->t[q + 1].flags & T_SPACE) && !gaz_at(x, q).p
	           ? n
	           : 0;
}

/* Whether an administrative word ends right before token k: a name of
 * vn-admin.tsv that is also a person's name or a common word ("An Phú",
 * "Bình Minh") is a place only there. The word's own conditions are not
 * asked (they ask about this name). */
bool ent_after_admin(ctx *x, size_t k)
{
	for (size_t j = k; j-- > 0 && k - j <= 4;) {
		unsigned kinds;
		size_t n = cue_at(x, j, &kinds);
		if (n == k - j && (kinds & (CUE_LOC_ADMIN | CUE_ADMIN_WEAK)))
			return true;
	}
	return false;
}

/* Whether the one-word place g at token k ("Đức", "Mỹ") is a given name
 * starting a longer name: "Đức Nam", "Mỹ Chi", "xã Đức Nhân". */
bool ent_name_not_place(ctx *x, size_t k, const match *g)
{
	size_t h = k + g->ntok;
	if (g->ntok != 1 || g->p->type != ENT_LOC || !ent_vi_name_syllable(x, k) || h >= x->nt ||
	    !(x->t[h].flags & T_SPACE) || !ent_vi_name_syllable(x, h))
		return false;
	/* "Nhật Anh": the next syllable may be such a place too */
	match n = gaz_at(x, h);
	return !n.p || n.ntok == 1;
}

/* Whether token k follows a photo credit's label ("Ảnh:"). */
static bool after_credit_label(const ctx *x, size_t k)
{
	return k >= 2 && x->text[x->t[k - 1].start] == ':' &&
	       (ent_written(x, k - 2, "Ảnh") || ent_written(x, k - 2, "ảnh"));
}

/* Whether the capitalized word j of a photo credit's run from k starts
 * the next sentence, glued to the credit where a caption lost its full
 * stop ("Ảnh: Trần Bình | Bộ GDĐT nên ...", "Ảnh: Daily News | Theo cảnh
 * sát"): a Vietnamese syllable that names no one (no given or middle
 * name), before a lower-case word or heading a name or a sentence. */
static bool credit_glued(ctx *x, size_t k, size_t j)
{
	if (!after_credit_label(x, k) || j + 1 >= x->nt || !(x->t[j].flags & T_VI) ||
	    (x->t[j].flags & T_ALLCAPS) || ent_vi_name_syllable(x, j))
		return false;
	uint32_t nf = x->t[j + 1].flags;
	unsigned kinds;
	return ((nf & T_WORD) && (nf & T_LOWER)) ||
	       (cue_at(x, j, &kinds) && (kinds & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC | CUE_STOP)));
}

/* Whether the capitalized word at token j, inside a run of names, is a
 * small word starting the next sentence where the text lost its full
 * stop ("quận Tân Bình | Trong khi đó", "đường Cộng Hòa | Trên cầu",
 * "Ảnh: Đình Sơn | Tại TP.HCM"): a Vietnamese stop word, function word or
 * preposition of entity-cues.txt that is no syllable of a person's name
 * (vn-names.txt; nor a name given by birth order: "Nguyễn Văn Hai",
 * "Thống Nhất", "Nguyễn Trần Duy Nhất") and
 * no English common word spelled like one ("Theresa May cho biết"),
 * before a word in lower case, or, a preposition, before a known name or
 * a unit's word. */
bool ent_vi_glued_start(ctx *x, size_t j)
{
	static const char *const order[] = {"Hai", "Ba", "Tư", "Năm", "Sáu", "Bảy", "Tám", "Chín", "Mười",
	                                    "Nhất"};
	unsigned kinds;
	if (x->en || j + 1 >= x->nt || !namey(x, j) || !(x->t[j].flags & T_VI) ||
	    (x->t[j].flags & T_ALLCAPS) || cue_at(x, j, &kinds) != 1 ||
	    !(kinds & (CUE_STOP | CUE_FUNCTION | CUE_LOC_PREP)) || (kinds & CUE_COMMON) ||
	    syllable_kinds(x, j))
		return false;
	for (size_t i = 0; i < sizeof order / sizeof *order; i++)
		if (ent_written(x, j, order[i]))
			return false;
	uint32_t nf = x->t[j + 1].flags;
	if ((nf & T_WORD) && (nf & T_LOWER) && !(nf & T_DIGIT))
		return true;
	return (kinds & CUE_LOC_PREP) && namey(x, j + 1) &&
	       (gaz_at(x, j + 1).p || ent_admin_word(x, j + 1));
}

/* Whether token j starts a foreign person's name right after a
 * Vietnamese word written with its marks, in a Vietnamese article: a
 * given name of given-names.txt ("các vấn đề Cận Đông | Stuart Jones",
 * "siêu nhân Đỏ | Jason"): no name runs from Vietnamese words into a
 * foreign given name ("Johnny Trí Nguyễn" runs the other way). */
static bool foreign_after_vi(ctx *x, size_t j)
{
	if (x->en || j == 0 || !(x->t[j - 1].flags & T_VI) || (x->t[j].flags & (T_VI | T_ALLCAPS)) ||
	    !ent_given_name(x, j))
		return false;
	for (size_t i = x->t[j - 1].start; i < x->t[j - 1].end; i++)
		if ((unsigned char)x->text[i] >= 0x80)
			return true;
	return false;
}

/* Whether a run of capitalized words from k ends before token j because
 * something else starts there: a unit's short form ("UBND | TP Hà Nội"),
 * a form of address before a family name, a head or title of several
 * words ("Nguyễn Huy Thịnh | Văn phòng"), or a full Vietnamese name with
 * a middle name after a syllable that is no family or middle name ("Gạc
 * Ma | Lê Văn Thoa"), a form of address and a title before a full name
 * ("Ricky | Ông bầu Trần Anh Tú"), a time of day ("Ricky | Sáng nay"),
 * a foreign given name after a Vietnamese word
 * ("Cận Đông | Stuart Jones"), after words that start with no family name ("Trận
 * Gạc Ma | Lê Văn Thoa") or after another full name ("Nguyễn Quý Thanh |
 * Bà Nguyễn Thị Kim Phụng", "Trần Văn An | Lê Thị Hoa"). */
bool ent_vi_name_break(ctx *x, size_t k, size_t j)
{
	if (ent_admin_word(x, j) || ent_vi_glued_start(x, j))
		return true;
	if (foreign_after_vi(x, j))
		return true;
	unsigned kinds;
	bool mid;
	if (cue_at(x, j, &kinds) == 1 && (kinds & CUE_HONORIFIC) && ent_vi_person(x, j + 1, &mid))
		return true;
	/* "HLV Ricky | Ông bầu Trần Anh Tú": a form of address and a
	 * lower-case one or a title before a full name */
	unsigned k2;
	size_t n2;
	if (j > k && cue_at(x, j, &kinds) == 1 && (kinds & CUE_HONORIFIC) && j + 1 < x->nt &&
	    (x->t[j + 1].flags & T_LOWER) && (n2 = cue_at(x, j + 1, &k2)) &&
	    (k2 & (CUE_HONORIFIC | CUE_TITLE)) && ent_vi_person(x, j + 1 + n2, &mid))
		return true;
	/* "Ricky | Sáng nay": a time of day before "nay", "qua", "mai"
	 * starts the next sentence */
	if (j > k && ent_vi_season(x, j, j + 1))
		return true;
	if (credit_glued(x, k, j))
		return true;
	/* "Nguyễn Huy Thịnh | Văn phòng UBND": a head or title of several
	 * words, the next one in lower case, starts there */
	size_t hn = cue_at(x, j, &kinds);
	if (hn >= 2 && (x->t[j + 1].flags & T_LOWER) &&
	    (kinds & (CUE_ORG_HEAD | CUE_ORG_HEAD_LOC | CUE_TITLE)))
		return true;
	if (ent_vi_person(x, j, &mid) < 3 || !mid)
		return false;
	if (!(syllable_kinds(x, j - 1) & (VN_FAMILY | VN_MIDDLE)))
		return true;
	/* "Trận Gạc Ma | Lê Văn Thoa": what comes before such a name is
	 * none of it unless a family name starts it */
	if ((x->t[k].flags & T_VI) && !(syllable_kinds(x, k) & VN_FAMILY))
		return true;
	return j - k >= 3 && ent_vi_person(x, k, &mid);
}

/* Whether token k is written exactly s. */
bool ent_written(const ctx *x, size_t k, const char *s)
{
	if (k >= x->nt)
		return false;
	/* byte by byte, without strlen and memcmp (rules ask this of
	 * short words at most tokens): s ends where the token ends, and a
	 * shorter s stops at its NUL, which no text byte equals */
	const char *p = x->text + x->t[k].start;
	size_t n = x->t[k].end - x->t[k].start;
	for (size_t i = 0; i < n; i++)
		if (s[i] != p[i])
			return false;
	return s[n] == '\0';
}

/* Whether at most two more lines start after token e: a byline sits
 * among the last three lines of a body. */
static bool near_end(const ctx *x, size_t e)
{
	unsigned lines = 0;
	for (size_t q = e; q < x->nt; q++)
		if ((x->t[q].flags & T_PARA) && ++lines > 2)
			return false;
	return true;
}

/* Whether the Vietnamese name at tokens k..e-1 of an article's body is
 * its reporter's or photographer's: after "Ảnh:" ("Ảnh: Hoàng Anh",
 * "Tin-ảnh: Quốc Chiến"), or on a line of its own among the last three
 * lines, alone or before its paper ("Minh Châm/VOV", "Bình An - Thể thao
 * Việt Nam", "Xiao Pei Baodatviet.vn", "Theo Huy Phong/Dân Việt"). */
bool ent_vi_byline(const ctx *x, size_t k, size_t e)
{
	if (x->en || x->field != FIELD_BODY || e - k < 2 || e - k > 4)
		return false;
	for (size_t q = k; q < e; q++)
		if (!namey(x, q) || !(x->t[q].flags & T_VI))
			return false;
	char after = e < x->nt ? x->text[x->t[e].start] : '\0';
	if (after_credit_label(x, k))
		return e >= x->nt || (x->t[e].flags & (T_BREAK | T_PARA)) || after == '/' || after == ')';
	if (!(x->t[k].flags & T_PARA) &&
	    !(k >= 1 && (x->t[k - 1].flags & T_PARA) && ent_written(x, k - 1, "Theo")))
		return false;
	if (e < x->nt && !(x->t[e].flags & T_PARA) && after != '\n' && after != '/' && after != '(' &&
	    after != '|' &&
	    !(x->t[e].flags & (T_DASH | T_DOMAIN)))
		return false;
	return near_end(x, e);
}

/* Whether token k is a number of at most n digits. */
static bool number_at(const ctx *x, size_t k, size_t n)
{
	return k < x->nt && (x->t[k].flags & T_DIGIT) && x->t[k].end - x->t[k].start <= n;
}

/* Whether tokens q..q+2 are the years of a life ("1480-1521"): a
 * campaign's or a reign's years ("1950-1951") are closer together. */
static bool lifespan(const ctx *x, size_t q)
{
	if (!number_at(x, q, 4) || x->t[q].end - x->t[q].start != 4 || q + 2 >= x->nt ||
	    !(x->t[q + 1].flags & T_DASH) || !number_at(x, q + 2, 4) ||
	    x->t[q + 2].end - x->t[q + 2].start != 4)
		return false;
	long born = strtol(x->text + x->t[q].start, NULL, 10);
	long died = strtol(x->text + x->t[q + 2].start, NULL, 10);
	return died - born >= 15 && died - born <= 120;
}

/* Whether what follows a name ending before token e says a person's
 * age or life: "X (1480-1521)", "X (sinh năm 1990)", "X (SN 1990)",
 * "X, 25 tuổi,", "X (25 tuổi)". */
bool ent_vi_person_after(const ctx *x, size_t e)
{
	if (x->en || e + 2 >= x->nt)
		return false;
	char c = x->text[x->t[e].start];
	if (c != '(' && c != ',')
		return false;
	size_t q = e + 1;
	if (number_at(x, q, 3) && ent_written(x, q + 1, "tuổi"))
		return true;
	if (c != '(')
		return false;
	if (ent_written(x, q, "sinh") && ent_written(x, q + 1, "năm"))
		q += 2;
	else if (ent_written(x, q, "SN"))
		q++;
	else
		return lifespan(x, q);
	return number_at(x, q, 4);
}

/* Whether the name at tokens k..e-1 is the paper of a byline on one of
 * the last three lines of a Vietnamese article's body, after a slash, a
 * dash or in brackets ("Theo Huy Phong/Dân Việt", "Theo Xuân Lực (Dân
 * Việt)", "Hoàng Tâm - Thể Thao Việt Nam"): an organization. */
bool ent_vi_byline_source(const ctx *x, size_t k, size_t e)
{
	if (x->en || x->field != FIELD_BODY || k < 3 || e - k > 4)
		return false;
	char before = x->text[x->t[k - 1].start];
	if (before != '/' && before != '(' && !(x->t[k - 1].flags & T_DASH))
		return false;
	/* the line starts at most "Theo" and four words before the mark */
	size_t ls = k - 1;
	while (ls > 0 && ls + 6 > k && !(x->t[ls].flags & T_PARA))
		ls--;
	if (!(x->t[ls].flags & T_PARA))
		return false;
	/* "Thành Quảng - Quý Sáng": after a dash, two reporters */
	if ((x->t[k - 1].flags & T_DASH) && e - k < 3)
		return false;
	bool theo = ent_written(x, ls, "Theo");
	size_t m = ls + theo;
	while (m < k && namey(x, m) && (theo || (x->t[m].flags & T_VI)))
		m++;
	if (m - ls - theo < 2 || m != k - 1 || (!theo && !ent_vi_byline(x, ls, m)))
		return false;
	return near_end(x, e);
}

/* The end of a paper's name written after its reporter's on a line of
 * its own ("Châu Tinh - Thể thao Việt Nam | 20:00 22/09/2017", "Bình An
 * - Thể thao Việt Nam" among the last lines): one to six words after
 * the spaced dash, the first capitalized, up to a "|" or the line's end;
 * the paper's name is whole, whatever its case. Returns 0 for none. */
size_t ent_vi_byline_paper(const ctx *x, size_t k)
{
	if (x->en || x->field != FIELD_BODY || k < 3 || !(x->t[k - 1].flags & T_DASH) ||
	    !(x->t[k - 1].flags & T_SPACE) || !namey(x, k) || (x->t[k].flags & T_PARA))
		return 0;
	size_t ls = k - 1;
	while (ls > 0 && ls + 6 > k && !(x->t[ls].flags & T_PARA))
		ls--;
	size_t m = ls;
	while (m < k - 1 && namey(x, m) && (x->t[m].flags & T_VI))
		m++;
	if (!(x->t[ls].flags & T_PARA) || m != k - 1 || m - ls < 2 || m - ls > 4)
		return 0;
	size_t e = k;
	while (e < x->nt && e < k + 6 && (x->t[e].flags & T_WORD) && !(x->t[e].flags & T_PARA))
		e++;
	bool bar = e + 1 < x->nt && x->text[x->t[e].start] == '|' && (x->t[e + 1].flags & T_DIGIT);
	bool line_end = e >= x->nt || (x->t[e].flags & T_PARA);
	/* "Minh Anh - Bá Khải": two reporters, the second a name's shape */
	bool person = e - k <= 3;
	for (size_t q = k; q < e && person; q++)
		person = namey(x, q) && (x->t[q].flags & T_VI);
	return bar || (line_end && !person && ent_vi_byline(x, ls, m)) ? e : 0;
}

/* Whether the one-word name at token k stands as a person's given name
 * does in a sentence: at its start or after a lower-case word, and
 * before a lower-case word or the clause's end ("Đức bị bắt", "chị và
 * Đức nảy sinh", "của Đức, chị", "Tháng 3, Đức nảy"); not in a list
 * of places ("Việt - Nga", "Đức, Pháp", "Mỹ, Đức và Pháp"). */
bool ent_vi_given_alone(ctx *x, size_t k)
{
	uint32_t pf = k ? x->t[k - 1].flags : T_BREAK;
	/* "Tháng 3, Đức nảy ý định", but not "Mỹ, Đức và Pháp" */
	const cand *p = x->nc >= 2 ? &x->c[x->nc - 2] : NULL;
	bool list = p && p->field == x->field && p->t1 + 1 == k && ent_best_type(p->score) == ENT_LOC;
	bool before = ((x->t[k].flags & T_INITIAL) && !(pf & T_DASH)) ||
	              ((pf & T_WORD) && (pf & T_LOWER)) || ((pf & T_SEP) && !list);
	if (!before || k + 1 >= x->nt)
		return before;
	uint32_t nf = x->t[k + 1].flags;
	if (nf & T_WORD)
		return (nf & T_LOWER) != 0;
	if (nf & T_DASH)
		return false;
	/* "lời đe dọa của Đức, chị T." but not "Đức, Pháp" */
	return !(nf & T_SEP) || k + 2 >= x->nt || !namey(x, k + 2) || !gaz_at(x, k + 2).p;
}

/* Whether token k is two or more single capitals, each with its dot
 * ("H.N.", "N.V.A"; the last dot may be the sentence's). */
bool ent_vi_initials(const ctx *x, size_t k)
{
	const char *s = x->text + x->t[k].start, *e = x->text + x->t[k].end;
	int n = 0;
	while (s < e) {
		if (!(*s >= 'A' && *s <= 'Z') && (unsigned char)*s < 0x80)
			return false;
		s++;
		while (s < e && ((unsigned char)*s & 0xC0) == 0x80) /* Đ */
			s++;
		n++;
		if (s < e && *s++ != '.')
			return false;
	}
	return n >= 2;
}

/* Whether the name at token k follows a house's number ("số nhà 118",
 * "số 25", "ở 18", "tại 5/2"): it is then the street's. */
bool ent_vi_house_number(const ctx *x, size_t k)
{
	if (k < 2 || !(x->t[k - 1].flags & T_DIGIT))
		return false;
	size_t q = k - 2;
	/* "số 12/3": the parts of a number */
	while (q > 0 && !(x->t[q].flags & T_WORD) && x->text[x->t[q].start] == '/' &&
	       (x->t[q - 1].flags & T_DIGIT))
		q = q >= 2 ? q - 2 : 0;
	return ent_written(x, q, "số") || ent_written(x, q, "nhà") || ent_written(x, q, "ở") ||
	       ent_written(x, q, "tại");
}

/* Whether token k is a capitalized direction (Đông, Tây, Nam, Bắc). */
bool ent_vi_direction(const ctx *x, size_t k)
{
	return ent_written(x, k, "Đông") || ent_written(x, k, "Tây") || ent_written(x, k, "Nam") ||
	       ent_written(x, k, "Bắc");
}

/* Whether the place's head word at token k (n tokens) names a
 * peninsula, a gulf or a strait, which a country's name may name: "bán
 * đảo Triều Tiên", "vịnh Thái Lan", "eo biển Đài Loan". */
bool ent_vi_feature_head(const ctx *x, size_t k, size_t n)
{
	if (n == 1)
		return ent_written(x, k, "vịnh") || ent_written(x, k, "Vịnh");
	return n == 2 &&
	       (((ent_written(x, k, "bán") || ent_written(x, k, "Bán")) && ent_written(x, k + 1, "đảo")) ||
	        ((ent_written(x, k, "eo") || ent_written(x, k, "Eo")) && ent_written(x, k + 1, "biển")));
}

/* The number of tokens of a facility's head word at token k that a
 * city's name may follow ("sân bay", "nhà ga", "ga", "cảng", "Hoàng
 * thành"), or 0. */
size_t ent_vi_facility_head(const ctx *x, size_t k)
{
	static const char *const one[] = {"ga", "Ga", "cảng", "Cảng"};
	static const char *const two[][2] = {{"sân", "bay"},   {"Sân", "bay"},   {"nhà", "ga"},
	                                     {"Nhà", "ga"},    {"hoàng", "thành"}, {"Hoàng", "thành"},
	                                     {"kinh", "thành"}, {"Kinh", "thành"}};
	for (size_t i = 0; i < sizeof two / sizeof *two; i++)
		if (ent_written(x, k, two[i][0]) && ent_written(x, k + 1, two[i][1]))
			return 2;
	for (size_t i = 0; i < sizeof one / sizeof *one; i++)
		if (ent_written(x, k, one[i]))
			return 1;
	return 0;
}

/* Whether the run k..e-1 is foreign words before a country's name
 * ("Nestlé Việt Nam", "Petro Vietnam"). */
bool ent_vi_branch_name(ctx *x, size_t k, size_t e)
{
	for (size_t q = k + 1; q < e; q++) {
		if ((x->t[q - 1].flags & T_VI) || !(x->t[q - 1].flags & T_WORD))
			return false;
		match g = gaz_at(x, q);
		if (g.p && g.p->country && q + g.ntok == e)
			return true;
	}
	return false;
}

/* Whether a work's or a product's noun of vi-words.txt (one to three
 * words) ends right before token k in a Vietnamese article ("mã độc |
 * WannaCry", "tên lửa | Tomahawk", "ca khúc | Hạ trắng"): the name there
 * is a title, no entity, and so is the same name written alone; not a
 * name that starts with a family name. */
bool ent_vi_work(ctx *x, size_t k)
{
	/* "phim Lý Thái Dũng": a family name first is the film's maker or
	 * its subject, a person */
	if (x->en || ent_vi_family(x, k))
		return false;
	for (size_t n = 1; n <= 3 && n <= k; n++)
		if (ent_words_before(x, k, n) & EN_WORK)
			return true;
	return false;
}

/* Whether the brand at token k names a model of its product in a
 * Vietnamese article: after "mẫu", "dòng" or "mô hình" (a model), a
 * device's noun of vi-words.txt between or not ("mẫu đồng hồ thông minh
 * | LG", "những mô hình | Kawasaki"). The brand elsewhere stays the
 * company ("điện thoại LG", "hãng LG"). */
bool ent_vi_model_brand(ctx *x, size_t k)
{
	if (x->en || k < 2)
		return false;
	for (size_t n = 0; n <= 4 && n + 1 < k; n++) {
		if (n && !(ent_words_before(x, k, n) & EN_DEVICE))
			continue;
		/* (not "người mẫu", "siêu mẫu": a fashion model; "dòng" alone
		 * is a river's flow too: "dòng Danube") */
		size_t q = k - n;
		bool mau = ent_written(x, q - 1, "mẫu") || ent_written(x, q - 1, "Mẫu");
		bool dong = ent_written(x, q - 1, "dòng") || ent_written(x, q - 1, "Dòng");
		if ((mau && !ent_written(x, q - 2, "người") && !ent_written(x, q - 2, "siêu")) ||
		    (n && dong) ||
		    ((ent_written(x, q - 2, "mô") || ent_written(x, q - 2, "Mô")) &&
		     ent_written(x, q - 1, "hình")))
			return true;
	}
	return false;
}

/* The end of an acronym's company whose name goes on with a company's
 * last word ("LG | Display", "SK | Telecom", "ABC | News"; an
 * org-suffix of en-words.txt) in a Vietnamese article: the acronym alone
 * at k..e-1 (no person's initials: "J.B Brindle"), then that word, ending
 * the name; or e. Other words after an acronym are as often a person's
 * surname ("JK Rowling") or a product ("KTM Duke"). */
size_t ent_vi_acronym_brand(ctx *x, size_t k, size_t e)
{
	unsigned kinds;
	if (x->en || e != k + 1 || !(x->t[k].flags & T_ALLCAPS) || !ent_acronym(x, k) ||
	    ent_vi_initials(x, k) || !namey(x, e) || (x->t[e].flags & (T_VI | T_ALLCAPS)) ||
	    !(x->t[e].flags & T_SPACE) || namey(x, e + 1) || gaz_at(x, e).p)
		return e;
	return cue_at(x, e, &kinds) == 1 && (kinds & CUE_ORG_SUFFIX) ? e + 1 : e;
}

/* The end of a model's name starting at token h, or 0: foreign
 * capitalized words on the brand's line (a model's number after one of
 * them), none of them a cue or a known name, not a number alone
 * ("Samsung 2017"; "Vivo V5s" is a model). */
static size_t model_end(ctx *x, size_t h)
{
	size_t e = h;
	while (e < x->nt) {
		const tok *t = &x->t[e];
		if (!(t->flags & T_WORD) || !(t->flags & T_SPACE) || (t->flags & (T_BREAK | T_PARA)))
			break;
		/* "Watch 3", "Galaxy S8": a model's number after its name */
		bool number = e > h && (t->flags & T_DIGIT);
		bool word = (t->flags & T_CAP) && !(t->flags & T_VI);
		unsigned kinds;
		if ((!number && !word) || (word && cue_at(x, e, &kinds)) || gaz_at(x, e).p)
			break;
		e++;
	}
	/* ("V5s": a code with letters is no number alone) */
	for (size_t q = h; q < e; q++)
		if (!(x->t[q].flags & T_DIGIT) || (x->t[q].flags & T_CAP))
			return e;
	return 0;
}

/* The end of a product a Vietnamese article names by a known company's
 * brand and its model ("LG | Watch Style", "Apple | Watch 3", "Samsung |
 * Galaxy S8"), or 0: foreign capitalized words right after the brand on
 * its line (a model's number after one of them), none of them an
 * organization's suffix or head, a cue or a known name ("Samsung
 * Electronics", "Honda Việt Nam" stay companies), not after a title
 * (the person holding it follows). The whole is a product, no entity. */
size_t ent_vi_product(ctx *x, size_t k, const match *g)
{
	size_t h = k + g->ntok;
	/* "Tổng Thư ký NATO | Jens Stoltenberg": a person after an
	 * organization (a given name starts the words) */
	if (x->en || g->p->type != ENT_ORG || g->p->club || ent_given_name(x, h))
		return 0;
	return model_end(x, h);
}

/* The end of a product a Vietnamese article names by a device's noun of
 * vi-words.txt, then a brand written as an acronym of two to four
 * letters that is no known name, then its model ("đồng hồ thông minh |
 * LG Watch Style", "smartphone | LG G6"), or 0. Without the device's
 * noun the acronym and the words after it may be a company ("Tổng giám
 * đốc LG Display"); the whole is a product, no entity. */
size_t ent_vi_acronym_product(ctx *x, size_t k)
{
	const tok *t = &x->t[k];
	size_t len = t->end - t->start;
	unsigned kinds;
	if (x->en || !(t->flags & T_WORD) || !(t->flags & T_ALLCAPS) || (t->flags & T_DIGIT) ||
	    len < 2 || len > 4 || cue_at(x, k, &kinds) || gaz_at(x, k).p ||
	    k + 1 >= x->nt || ent_given_name(x, k + 1))
		return 0;
	/* "đồng hồ thông minh": four syllables at most */
	for (size_t n = 1; n <= 4 && n <= k; n++)
		if (ent_words_before(x, k, n) & EN_DEVICE)
			return model_end(x, k + 1);
	return 0;
}

/* Whether tokens k..e-1 of a Vietnamese article are a compass direction,
 * no place: directions only ("Nam", "Tây Nam", "Đông-Nam"), after a word
 * of direction ("hướng Nam", "phía Tây Bắc", "phương vị Tây Nam") or
 * beside another direction across a hyphen or a comma ("Đông, Tây, Nam,
 * Bắc", "Bắc-Nam"). "miền Nam", "Tây Nguyên" and "Đông Nam Á" are no
 * directions alone and stay places. */
bool ent_vi_compass(ctx *x, size_t k, size_t e)
{
	if (x->en || e <= k)
		return false;
	/* "Hướng Đông-Nam là...": the word of direction opening a sentence */
	bool lead = e > k + 1 && (ent_written(x, k, "Hướng") || ent_written(x, k, "Phía") ||
	                          ent_written(x, k, "Phương"));
	for (size_t q = lead ? k + 1 : k; q < e; q++)
		if (!ent_vi_direction(x, q) && !(x->t[q].flags & T_DASH))
			return false;
	if (lead)
		return true;
	/* ("cửa ngõ Tây Bắc": a city's gateway on that side) */
	static const char *const nouns[] = {"hướng", "phía", "phương", "vị", "mạn", "góc", "cung", "ngõ"};
	for (size_t i = 0; k > 0 && i < sizeof nouns / sizeof *nouns; i++)
		if (ent_written(x, k - 1, nouns[i]))
			return true;
	/* "Hướng vượng Quan: Đông Bắc": the direction a heading asks for */
	if (k >= 2 && x->text[x->t[k - 1].start] == ':')
		for (size_t q = k - 1; q-- > 0 && k - q <= 6 && !(x->t[q].flags & T_BREAK);)
			if (ent_written(x, q, "Hướng") || ent_written(x, q, "hướng"))
				return true;
	/* "Bắc-Nam", "Đông, Tây": another direction one mark away; "chính
	 * Đông và Tây Bắc": a lone direction across "và" (but "Đông Bắc và
	 * Tây Bắc" may be the two regions) */
	bool before = k >= 2 && (x->t[k - 1].flags & (T_DASH | T_SEP)) && ent_vi_direction(x, k - 2);
	bool after = e + 1 < x->nt && (x->t[e].flags & (T_DASH | T_SEP)) && ent_vi_direction(x, e + 1);
	bool and_before = k >= 3 && ent_written(x, k - 1, "và") && ent_vi_direction(x, k - 2) &&
	                  !ent_vi_direction(x, k - 3);
	bool and_after = e + 1 < x->nt && ent_written(x, e, "và") && ent_vi_direction(x, e + 1) &&
	                 !namey(x, e + 2) && e == k + 1;
	return before || after || and_before || and_after;
}

/* The token where a country's name starts after a direction that says
 * which part of it ("miền Đông | Ukraine", "phía Tây | Syria", "vùng
 * Đông Bắc | Syria"), after a region's noun: the country is the place
 * named; or 0. Names the gazetteer knows whole ("Nam Phi", "Bắc Triều
 * Tiên", "Đông Nam Á") are no direction and a country. */
size_t ent_vi_region_country(ctx *x, size_t k)
{
	static const char *const nouns[] = {"miền", "Miền", "phía", "Phía", "vùng", "Vùng", "mạn"};
	if (x->en || k == 0 || !namey(x, k) || !ent_vi_direction(x, k) || gaz_at(x, k).ntok > 1)
		return 0;
	bool noun = false;
	for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++)
		noun |= ent_written(x, k - 1, nouns[i]);
	if (!noun)
		return 0;
	size_t q = k + 1;
	if (ent_vi_direction(x, q) && !gaz_at(x, q).p)
		q++;
	match g = gaz_at(x, q);
	return g.p && g.p->country && (x->t[q].flags & T_SPACE) ? q : 0;
}

/* Whether the capitalized word at token k is a rank before a title
 * ("Phó | Bí thư", "Phó | Tư lệnh", "Nguyên | Bộ trưởng", "Quyền | Giám
 * đốc") or a body's head ("Tổng | Liên đoàn", "Tổng | LĐLĐ"): part of
 * the title or the body, no name. */
bool ent_vi_title_prefix(ctx *x, size_t k)
{
	static const char *const ranks[] = {"Phó", "Tổng", "Nguyên", "Cựu", "Quyền"};
	unsigned kinds;
	if (x->en || k + 1 >= x->nt || !(x->t[k + 1].flags & T_SPACE) || !cue_at(x, k + 1, &kinds) ||
	    !(kinds & (CUE_TITLE | CUE_ORG_HEAD | CUE_ORG_HEAD_LOC | CUE_ABBR_ORG_HEAD)))
		return false;
	for (size_t i = 0; i < sizeof ranks / sizeof *ranks; i++)
		if (ent_written(x, k, ranks[i]))
			return true;
	return false;
}

/* The end of a person's initial glued by its dot to one given name
 * ("H.Nga", "T.Hương" signing an article), or 0: one capital, its dot,
 * and one capitalized Vietnamese syllable with no space, then no other
 * name (a unit's short form names a place of two syllables or more:
 * "P.Bến Nghé"). */
size_t ent_vi_initial_name(const ctx *x, size_t k)
{
	if (x->en || k + 2 >= x->nt || x->t[k].end - x->t[k].start != 1 ||
	    !(x->t[k].flags & T_CAP) || x->text[x->t[k + 1].start] != '.' ||
	    (x->t[k + 1].flags & T_SPACE) || (x->t[k + 2].flags & T_SPACE) || !namey(x, k + 2) ||
	    !(x->t[k + 2].flags & T_VI) || (x->t[k + 2].flags & T_ALLCAPS) || namey(x, k + 3))
		return 0;
	return k + 3;
}

/* Whether a sentence's first word k and the one-word known place j
 * after it are a person's name: a given name that is a country too
 * ("Anh", "Đức") after a given or family name ("Bảo Anh", "Trần Anh"),
 * or after any capitalized syllable that is no small word when the pair
 * ends its clause or line, as a signature does ("Ảnh: Tiểu Anh.", "Thi
 * Anh (tổng hợp)", "HẢI ANH"); not "Phía | Nga", "Tại | Anh,". */
bool ent_vi_given_pair(ctx *x, size_t k, size_t j)
{
	if (x->en || gaz_at(x, j).ntok != 1 || !(x->t[k].flags & T_VI) ||
	    !(ent_vi_name_syllable(x, j) || ((x->t[j].flags & T_ALLCAPS) && (x->t[j].flags & T_VI))))
		return false;
	if (ent_vi_name_syllable(x, k) || ent_vi_family(x, k))
		return true;
	unsigned kinds;
	if (cue_at(x, k, &kinds))
		return false;
	size_t e = j + 1;
	return e >= x->nt || (x->t[e].flags & (T_BREAK | T_PARA | T_LPAREN)) ||
	       ((x->t[e].flags & T_DASH) && (x->t[e].flags & T_SPACE));
}
