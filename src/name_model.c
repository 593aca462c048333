/* name_model.c: a multi-class averaged perceptron that types a name by its
 * form alone, trained on the corpus's proven entities (name_model.h).
 *
 * Features are hashed into a fixed table of weights (no dictionary to
 * keep): the bias, every lower-cased word, the first and the last word,
 * the last two and three letters of the last word, the first two letters
 * of the first, the number of words and the name's shape (capitalized,
 * ALL-CAPS, digits, hyphens). Lower-casing keeps diacritics: "Hà" and
 * "Ha" are different words in Vietnamese. */
#include "config.h"

#include "name_model.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "util.h"

#define NM_BITS     18
#define NM_SLOTS    (1u << NM_BITS)
#define NM_MAXFEAT  24   /* features kept per name (about 100 bytes) */
#define NM_EPOCHS   8
#define NM_LEXICAL  3    /* index of the first feature of the words */

typedef struct nm_example {
	uint32_t feat[NM_MAXFEAT];
	uint8_t nfeat;
	uint8_t type;
} nm_example;

struct name_model {
	float *w;      /* weights: slot * ENT_NTYPES + type */
	float *acc;    /* sums of updates times their step, for averaging */
	nm_example *ex;
	size_t nex, capex;
	int trained;
};

/* Creates an empty model. */
name_model *name_model_new(void)
{
	name_model *m = xcalloc(1, sizeof *m);
	return m;
}

/* Frees the model. */
void name_model_free(name_model *m)
{
	if (!m)
		return;
	free(m->w);
	free(m->acc);
	free(m->ex);
	free(m);
}

/* The slot of feature tag:text. */
static uint32_t feat_slot(char tag, const uint8_t *s, size_t n)
{
	uint64_t h = hash64(s, n);
	h ^= (uint64_t)(unsigned char)tag * 0x9E3779B97F4A7C15ull;
	h *= 0xff51afd7ed558ccdull;
	return (uint32_t)(h >> (64 - NM_BITS));
}

/* Adds a feature to the list unless it is full. */
static void feat_add(uint32_t *f, int *n, char tag, const uint8_t *s, size_t len)
{
	if (*n < NM_MAXFEAT)
		f[(*n)++] = feat_slot(tag, s, len);
}

/* Byte length of the first k code points of s[0..n) (or n). */
static size_t head_bytes(const uint8_t *s, size_t n, int k)
{
	size_t i = 0;
	while (i < n && k-- > 0) {
		ucs4_t uc;
		int l = u8_mbtouc(&uc, s + i, n - i);
		i += l > 0 ? (size_t)l : 1;
	}
	return i;
}

/* Byte offset of the last k code points of s[0..n) (or 0). */
static size_t tail_start(const uint8_t *s, size_t n, int k)
{
	const uint8_t *p = s + n;
	while (p > s && k-- > 0) {
		ucs4_t uc;
		const uint8_t *q = u8_prev(&uc, p, s);
		if (!q)
			break;
		p = q;
	}
	return (size_t)(p - s);
}

/* The shape letter of one word: A for ALL-CAPS (two letters or more), X
 * for capitalized, x for lower case, d for a word with digits. */
static char word_shape(const uint8_t *s, size_t n)
{
	int upper = 0, lower = 0, digit = 0, letters = 0;
	for (size_t i = 0; i < n;) {
		ucs4_t uc;
		int l = u8_mbtouc(&uc, s + i, n - i);
		i += l > 0 ? (size_t)l : 1;
		if (uc_is_property_numeric(uc))
			digit = 1;
		if (uc_is_property_alphabetic(uc)) {
			letters++;
			if (uc_is_property_uppercase(uc))
				upper++;
			else if (uc_is_property_lowercase(uc))
				lower++;
		}
	}
	if (digit)
		return 'd';
	if (letters >= 2 && upper == letters)
		return 'A';
	if (upper > 0)
		return 'X';
	return 'x';
}

/* Computes the features of a name into f; returns their number (0 when
 * the name has no word). */
static int name_features(const char *name, uint32_t *f)
{
	size_t len = strlen(name), ll = 0;
	uint8_t *low = u8_tolower((const uint8_t *)name, len, NULL, NULL, NULL, &ll);
	if (!low)
		return 0;
	int n = 0, words = 0;
	char shape[8];
	int nshape = 0;
	const uint8_t *first = NULL, *last = NULL;
	size_t firstn = 0, lastn = 0;
	/* the bias, then two slots for the form features (count and shape,
	 * known only at the end), then the words' features (NM_LEXICAL on) */
	feat_add(f, &n, 'b', (const uint8_t *)"", 0);
	n = NM_LEXICAL;
	/* words of the lower-cased name; their shapes from the name as
	 * written (lower-casing keeps word boundaries: spaces stay) */
	const uint8_t *orig = (const uint8_t *)name;
	size_t oi = 0;
	for (size_t i = 0; i < ll;) {
		while (i < ll && low[i] == ' ')
			i++;
		while (oi < len && orig[oi] == ' ')
			oi++;
		size_t s = i, os = oi;
		while (i < ll && low[i] != ' ')
			i++;
		while (oi < len && orig[oi] != ' ')
			oi++;
		if (i == s)
			break;
		words++;
		feat_add(f, &n, 'w', low + s, i - s);
		/* the parts of a hyphenated word too */
		if (memchr(low + s, '-', i - s)) {
			feat_add(f, &n, 'h', (const uint8_t *)"", 0);
			for (size_t a = s, b = s; b <= i; b++) {
				if (b == i || low[b] == '-') {
					if (b > a)
						feat_add(f, &n, 'w', low + a, b - a);
					a = b + 1;
				}
			}
		}
		if (!first) {
			first = low + s;
			firstn = i - s;
		}
		last = low + s;
		lastn = i - s;
		if (nshape < (int)sizeof shape)
			shape[nshape++] = word_shape(orig + os, oi - os);
	}
	if (!words) {
		free(low);
		return 0;
	}
	feat_add(f, &n, 'f', first, firstn);
	feat_add(f, &n, 'l', last, lastn);
	size_t t3 = tail_start(last, lastn, 3), t2 = tail_start(last, lastn, 2);
	feat_add(f, &n, '3', last + t3, lastn - t3);
	feat_add(f, &n, '2', last + t2, lastn - t2);
	feat_add(f, &n, 'p', first, head_bytes(first, firstn, 2));
	char count = (char)('0' + (words > 4 ? 4 : words));
	f[1] = feat_slot('n', (const uint8_t *)&count, 1);
	f[2] = feat_slot('s', (const uint8_t *)shape, (size_t)nshape);
	free(low);
	return n;
}

/* Adds a training example. */
void name_model_add(name_model *m, const char *name, entity_type type)
{
	if ((int)type < 0 || type >= ENT_NTYPES)
		return;
	uint32_t f[NM_MAXFEAT];
	int n = name_features(name, f);
	if (n <= NM_LEXICAL) /* no word */
		return;
	if (m->nex == m->capex) {
		m->capex = m->capex ? m->capex * 2 : 256;
		m->ex = xrealloc(m->ex, m->capex * sizeof *m->ex);
	}
	nm_example *e = &m->ex[m->nex++];
	memcpy(e->feat, f, (size_t)n * sizeof *f);
	e->nfeat = (uint8_t)n;
	e->type = (uint8_t)type;
}

/* Number of examples. */
size_t name_model_examples(const name_model *m)
{
	return m->nex;
}

/* Scores of the three types for a feature list under weights w. */
static void score(const float *w, const uint32_t *f, int n, float *out)
{
	for (int t = 0; t < ENT_NTYPES; t++)
		out[t] = 0;
	for (int i = 0; i < n; i++)
		for (int t = 0; t < ENT_NTYPES; t++)
			out[t] += w[(size_t)f[i] * ENT_NTYPES + (size_t)t];
}

/* Index of the highest of the three scores (the lowest type on a tie). */
static int argmax(const float *s)
{
	int b = 0;
	for (int t = 1; t < ENT_NTYPES; t++)
		if (s[t] > s[b])
			b = t;
	return b;
}

/* Trains the averaged perceptron (Collins 2002; the averaging by the
 * usual trick of summing updates weighted by their step). */
void name_model_train(name_model *m)
{
	size_t nw = (size_t)NM_SLOTS * ENT_NTYPES;
	if (!m->w)
		m->w = xcalloc(nw, sizeof *m->w);
	else
		memset(m->w, 0, nw * sizeof *m->w);
	m->acc = xcalloc(nw, sizeof *m->acc);
	m->trained = 1;
	if (!m->nex)
		return;
	/* a fixed shuffled order, reshuffled every pass */
	size_t *order = xmalloc(m->nex * sizeof *order);
	for (size_t i = 0; i < m->nex; i++)
		order[i] = i;
	uint64_t rng = 0x2545F4914F6CDD1Dull;
	float step = 1;
	for (int epoch = 0; epoch < NM_EPOCHS; epoch++) {
		for (size_t i = m->nex - 1; i > 0; i--) {
			rng ^= rng << 13;
			rng ^= rng >> 7;
			rng ^= rng << 17;
			size_t j = (size_t)(rng % (i + 1));
			size_t tmp = order[i];
			order[i] = order[j];
			order[j] = tmp;
		}
		for (size_t k = 0; k < m->nex; k++, step++) {
			const nm_example *e = &m->ex[order[k]];
			float s[ENT_NTYPES];
			score(m->w, e->feat, e->nfeat, s);
			int guess = argmax(s);
			if (guess == e->type)
				continue;
			for (int i = 0; i < e->nfeat; i++) {
				size_t base = (size_t)e->feat[i] * ENT_NTYPES;
				m->w[base + e->type] += 1;
				m->acc[base + e->type] += step;
				m->w[base + (size_t)guess] -= 1;
				m->acc[base + (size_t)guess] -= step;
			}
		}
	}
	/* the averaged weights: w - acc / steps */
	for (size_t i = 0; i < nw; i++)
		m->w[i] -= m->acc[i] / step;
	free(m->acc);
	m->acc = NULL;
	free(order);
}

/* Predicts the type of a name. */
int name_model_predict(const name_model *m, const char *name, double *margin)
{
	*margin = 0;
	if (!m->trained || !m->w)
		return -1;
	uint32_t f[NM_MAXFEAT];
	int n = name_features(name, f);
	/* the word features the model has weights for: a name's form alone
	 * (two capitalized words) is no evidence of its type */
	int known = 0;
	for (int i = NM_LEXICAL; i < n; i++) {
		const float *w = &m->w[(size_t)f[i] * ENT_NTYPES];
		if (w[0] != 0 || w[1] != 0 || w[2] != 0)
			known++;
	}
	if (!known)
		return -1;
	float s[ENT_NTYPES];
	score(m->w, f, n, s);
	int b = argmax(s);
	float second = -1e30f;
	for (int t = 0; t < ENT_NTYPES; t++)
		if (t != b && s[t] > second)
			second = s[t];
	*margin = (double)(s[b] - second) / known;
	return b;
}
