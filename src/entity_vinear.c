/* entity_vinear.c: what the words next to a name say of it in
 * Vietnamese news, beyond the cue words before it: a relative's word
 * around a person's name ("vợ Suarez", "Sofia - vợ Suarez"), quotes
 * around a title, a chain's brand before its shop's street, "Bà" in
 * a place's name, a shop's word before a business. */
#include "config.h"

#include <string.h>

#include "entity_int.h"

/* Whether a word of vi-words.txt with the EN_* bit `bit`, of one to
 * three words, ends right before token k. */
static bool words_end_at(ctx *x, size_t k, unsigned bit)
{
	for (size_t n = 1; n <= 3 && n <= k; n++)
		if (ent_words_before(x, k, n) & bit)
			return true;
	return false;
}

/* Whether a word of vi-words.txt with the EN_* bit `bit` ends right
 * before token k of a Vietnamese article, or before "của" there
 * ("người yêu của Messi", "cửa hàng của Mi Hồng"). */
static bool word_before(ctx *x, size_t k, unsigned bit)
{
	if (x->en || k >= x->nt)
		return false;
	if (k >= 2 && ent_written(x, k - 1, "của"))
		k--;
	return words_end_at(x, k, bit);
}

/* See entity_int.h. */
bool ent_vi_kin_before(ctx *x, size_t k)
{
	return word_before(x, k, EN_KIN);
}

/* See entity_int.h. */
bool ent_vi_shop_before(ctx *x, size_t k)
{
	return word_before(x, k, EN_SHOP);
}

/* See entity_int.h. */
bool ent_vi_kin_after(ctx *x, size_t e)
{
	if (x->en || e + 2 >= x->nt)
		return false;
	const tok *t = &x->t[e];
	if (!((t->flags & T_DASH) && (t->flags & T_SPACE)) && x->text[t->start] != ',')
		return false;
	for (size_t n = 1; n <= 3 && e + 1 + n < x->nt; n++) {
		size_t j = e + 1 + n;
		if (!(ent_words_before(x, j, n) & EN_KIN))
			continue;
		if (ent_written(x, j, "của"))
			j++;
		return namey(x, j);
	}
	return false;
}

/* Whether token k is a quote: '"', or the typographic quote of these
 * UTF-8 bytes (closing: U+201D, U+00BB; opening ones are T_OPEN). */
static bool quote_at(const ctx *x, size_t k, const char *typo)
{
	const char *s = x->text + x->t[k].start;
	size_t n = x->t[k].end - x->t[k].start;
	return (n == 1 && *s == '"') || (n == strlen(typo) && memcmp(s, typo, n) == 0);
}

/* See entity_int.h. */
bool ent_vi_quoted_title(ctx *x, size_t k, size_t e)
{
	if (x->en || k == 0 || e >= x->nt ||
	    !(quote_at(x, k - 1, "\u201c") || quote_at(x, k - 1, "\u00ab")) ||
	    !(quote_at(x, e, "\u201d") || quote_at(x, e, "\u00bb")))
		return false;
	/* "Be" of "Plz Don't Be Sad" has a syllable's shape; a
	 * Vietnamese name in quotes ("Thắng Lợi") has no other */
	for (size_t q = k; q < e; q++)
		if ((x->t[q].flags & T_WORD) && !(x->t[q].flags & T_VI))
			return true;
	return false;
}

/* See entity_int.h. */
bool ent_vi_branch_street(ctx *x, size_t k)
{
	if (x->en || k < 3)
		return false;
	/* the brand's last word, glued to its first by a dot: "Co.op|mart" */
	const tok *b = &x->t[k - 1];
	if (!(b->flags & T_WORD) || (b->flags & T_SPACE) || (b->flags & T_VI) ||
	    x->text[x->t[k - 2].start] != '.' || (x->t[k - 2].flags & T_SPACE) ||
	    !(x->t[k - 3].flags & T_CAP))
		return false;
	if (!namey(x, k) || !(x->t[k].flags & T_VI))
		return false;
	/* "Giám đốc Co.opmart | Nguyễn Văn A": after a title, the person */
	unsigned kinds;
	for (size_t n = 1; n <= 3 && n + 3 <= k; n++)
		if (cue_at(x, k - 3 - n, &kinds) == n && (kinds & CUE_TITLE))
			return false;
	return true;
}

/* See entity_int.h. */
bool ent_vi_elder_place(ctx *x, size_t k)
{
	if (x->en || k + 1 >= x->nt)
		return false;
	/* "chùa bà Đanh": after a temple's word, in lower case too */
	bool cap = !(x->t[k].flags & T_INITIAL) && (ent_written(x, k, "Bà") || ent_written(x, k, "Ông"));
	if (!cap && !((ent_written(x, k, "bà") || ent_written(x, k, "ông") || ent_written(x, k, "Bà") ||
	               ent_written(x, k, "Ông")) &&
	              words_end_at(x, k, EN_TEMPLE)))
		return false;
	/* "Bà Nguyễn Thị A": a form of address some write capitalized */
	bool mid;
	return namey(x, k + 1) && (x->t[k + 1].flags & T_VI) && !(x->t[k + 1].flags & T_ALLCAPS) &&
	       ent_vi_person(x, k + 1, &mid) < 2;
}

/* See entity_int.h. */
bool ent_vi_western(ctx *x, size_t k, size_t e)
{
	/* a heading's "Chồng Tây": the relative's word and the adjective */
	if (e == k + 2 && ent_written(x, k + 1, "Tây") && (ent_words_at(x, k, 1) & EN_KIN))
		return true;
	if (e != k + 1 || !ent_written(x, k, "Tây"))
		return false;
	if (ent_vi_kin_before(x, k) || (k > 0 && ent_written(x, k - 1, "khách")))
		return true;
	/* "ông xã Tây", "bà xã Tây": a spouse */
	return k >= 2 && ent_written(x, k - 1, "xã") &&
	       (ent_written(x, k - 2, "ông") || ent_written(x, k - 2, "bà"));
}

/* See entity_int.h. */
bool ent_vi_season(ctx *x, size_t k, size_t e)
{
	static const char *const verbs[] = {"du", "đón", "mùa", "chào", "sắc", "sang", "vui"};
	static const char *const times[] = {"Sáng", "Trưa", "Chiều", "Tối", "Đêm"};
	static const char *const days[] = {"nay", "qua", "mai"};
	if (e != k + 1)
		return false;
	/* "Sáng nay", "Chiều qua": a time of day */
	for (size_t i = 0; i < sizeof times / sizeof *times; i++)
		for (size_t d = 0; ent_written(x, k, times[i]) && d < sizeof days / sizeof *days; d++)
			if (ent_written(x, e, days[d]))
				return true;
	if (k == 0 || !ent_written(x, k, "Xuân"))
		return false;
	for (size_t i = 0; i < sizeof verbs / sizeof *verbs; i++)
		if (ent_written(x, k - 1, verbs[i]))
			return true;
	return false;
}
