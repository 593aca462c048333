/* entity_vinear.c: what the words next to a name say of it in
 * Vietnamese news, beyond the cue words before it: a relative's word
 * around a person's name ("vợ Suarez", "Sofia - vợ Suarez"). */
#include "config.h"

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

/* See entity_int.h. */
bool ent_vi_kin_before(ctx *x, size_t k)
{
	if (x->en || k >= x->nt)
		return false;
	/* "người yêu của Messi" */
	if (k >= 2 && ent_written(x, k - 1, "của"))
		k--;
	return words_end_at(x, k, EN_KIN);
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
