/* entity.c: named-entity extraction and within-article linking for
 * Vietnamese and English news: the public API (see entity.h; every rule
 * is described in doc/entities.md).
 *
 * The work per article is linear: each field is cut into tokens once
 * (entity_tok.c), each token gets a matching key once, and gazetteer and
 * cue phrases are found with an open-addressing hash table over keys of
 * whole token sequences (entity_data.c). Token keys sit in one arena,
 * separated as in those keys, so that a sequence's key is a stretch of
 * the arena and never has to be copied. The scanners (entity_scan.c, entity_names.c) find
 * candidates with the matchers of entity_rules.c; entity_link.c links
 * them within the article and entity_type.c types them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "entity_int.h"
#include "text.h"
#include "util.h"

/* ---- public API -------------------------------------------------------- */

/* See entity.h. */
int mention_guessed(const mention *m)
{
	for (int t = 0; t < ENT_NTYPES; t++)
		if (m->evidence[t] > 0)
			return 0;
	return 1;
}

void mention_list_init(mention_list *l)
{
	l->v = NULL;
	l->n = l->cap = 0;
	sl_init(&l->owned);
}

void mention_list_free(mention_list *l)
{
	/* strings pooled by entity_extract, else one allocation each */
	if (l->owned.n) {
		sl_free(&l->owned);
	} else {
		for (size_t i = 0; i < l->n; i++) {
			free(l->v[i].surface);
			free(l->v[i].canonical);
		}
	}
	free(l->v);
	mention_list_init(l);
}

/* Releases a context's buffers. */
void ent_ctx_free(ctx *x)
{
	for (size_t i = 0; i < x->nc; i++)
		free(x->c[i].name); /* and the joined keys after it */
	for (size_t i = 0; i < x->nu; i++)
		free((char *)x->u[i].name); /* the first spelling's block */
	free(x->c);
	free(x->u);
	free(x->slots);
	free(x->r);
	free(x->links);
	free(x->t);
	sb_free(&x->keys);
}

/* Points the context at text[0..len) of a field and cuts it into tokens. */
static void ctx_field(ctx *x, const char *text, size_t len, int field)
{
	x->text = text;
	x->len = len;
	x->off = 0;
	x->field = field;
	x->titlecase = false;
	ent_tokenize(x);
	if (field == FIELD_TITLE && x->en && ent_title_case(x)) {
		x->titlecase = true;
		ent_tokenize(x);
	}
}

/* How much of a running-text field is tokenized and scanned at a time.
 * A token takes 48 bytes and a short line is one word and a break: a
 * whole field at once took 24 times its size (a 10 MB file of one-letter
 * lines, 1.3 GB), a window takes a constant. Real articles are shorter
 * than one window, so their names never meet a window's edge. */
#define SCAN_WINDOW (256u << 10)

/* Length of the next window of text[0..len): whole lines up to
 * SCAN_WINDOW bytes, else (one very long line) whole sentences or words,
 * else whole characters. */
static size_t window_len(const char *text, size_t len)
{
	if (len <= SCAN_WINDOW)
		return len;
	const char *nl = NULL;
	for (size_t i = SCAN_WINDOW; i-- > 0;)
		if (text[i] == '\n') {
			nl = text + i;
			break;
		}
	if (nl)
		return (size_t)(nl - text) + 1;
	for (size_t i = SCAN_WINDOW; i-- > 1;)
		if (text[i] == ' ' && text[i - 1] == '.')
			return i + 1;
	for (size_t i = SCAN_WINDOW; i-- > 0;)
		if (text[i] == ' ')
			return i + 1;
	size_t n = SCAN_WINDOW;
	while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
		n--;
	return n ? n : SCAN_WINDOW;
}

/* Finds the candidates of a running-text field, a window at a time: the
 * candidates of a window get offsets in the whole field, and token
 * indexes that no later window can take for its own. */
static void scan_windows(ctx *x, const char *text, int field)
{
	size_t len = strlen(text), off = 0;
	do {
		size_t n = window_len(text + off, len - off);
		size_t c0 = x->nc;
		ctx_field(x, text + off, n, field);
		x->off = off;
		ent_scan_field(x);
		ent_link_brackets(x, c0);
		ent_nest_places(x, c0);
		for (size_t i = c0; i < x->nc; i++) {
			x->c[i].start += off;
			x->c[i].end += off;
		}
		ent_fold_cands(x);
		off += n;
	} while (off < len);
}

void entity_extract(const entity_extractor *ex, const article *a, mention_list *out)
{
	ctx x;
	memset(&x, 0, sizeof x);
	x.ex = ex;
	sb_init(&x.keys);
	x.en = a->lang[0] == 'e' && a->lang[1] == 'n';
	const struct {
		const char *text;
		int field;
	} fields[] = {{a->title, FIELD_TITLE},
	              {a->lede, FIELD_LEDE},
	              {a->caption, FIELD_CAPTION},
	              {a->credit, FIELD_CREDIT},
	              {a->body, FIELD_BODY}};
	for (size_t f = 0; f < sizeof fields / sizeof *fields; f++) {
		if (!fields[f].text || !*fields[f].text)
			continue;
		if (fields[f].field == FIELD_CREDIT) {
			ctx_field(&x, fields[f].text, strlen(fields[f].text), fields[f].field);
			ent_scan_credit(&x);
			ent_fold_cands(&x);
		} else {
			scan_windows(&x, fields[f].text, fields[f].field);
		}
	}
	ent_resolve(&x, a, out);
	ent_ctx_free(&x);
}

entity_extractor *entity_extractor_new(void)
{
	entity_extractor *ex = xcalloc(1, sizeof *ex);
	ex->cp = ent_cp_table_new();
	ent_load_data(ex);
	return ex;
}

void entity_extractor_free(entity_extractor *ex)
{
	if (!ex)
		return;
	ent_data_free(ex);
	free(ex->cp);
	free(ex);
}

/* Length in bytes of the UTF-8 character at s. */
static size_t char_len(const char *s)
{
	size_t len = 1;
	while ((s[len] & 0xC0) == 0x80)
		len++;
	return len;
}

/* Copies the word r..end to w with doubled characters collapsed when it
 * has five characters or more ("Zelenskyy" = "Zelensky"): a short word's
 * double is its own (CNN is not CN, BBC not BC, ISS not IS, Lee not Le).
 * Returns the end of what was written. */
static char *key_word(char *w, const char *r, const char *end)
{
	size_t chars = 0;
	for (const char *p = r; p < end; p += char_len(p))
		chars++;
	bool collapse = chars >= 5;
	const char *prev = NULL;
	size_t prevlen = 0;
	/* byte loops, not memmove and memcmp: a character is one to four
	 * bytes, and w never passes r (the copy is forward, in place) */
	while (r < end) {
		size_t len = char_len(r);
		bool twice = collapse && prev && prevlen == len;
		for (size_t i = 0; twice && i < len; i++)
			twice = prev[i] == r[i];
		if (!twice) {
			for (size_t i = 0; i < len; i++)
				w[i] = r[i];
			prev = w;
			prevlen = len;
			w += len;
		}
		r += len;
	}
	return w;
}

/* The most words of a name whose marks entity_key keeps. */
#define KEY_MARKED_WORDS 32

/* Whether c ends a word of a name or key. */
static bool word_end(char c)
{
	return !c || c == ' ' || c == '\t' || c == '\n';
}

/* The next word of a name at or after *r: returns its start (NULL at the
 * end) and sets *r to the byte after it. */
static const char *next_word(const char **r)
{
	const char *s = *r;
	while (*s && word_end(*s))
		s++;
	if (!*s)
		return NULL;
	const char *e = s;
	while (!word_end(*e))
		e++;
	*r = e;
	return s;
}

/* Fills codes[i] with the Vietnamese marks code of word i of name (empty
 * when the word is not Vietnamese-marked); returns the number of words,
 * or 0 when no word is marked or there are too many. */
static size_t name_marks(const char *name, char codes[][ENT_MARKS_MAX + 1])
{
	/* in NFC, a Vietnamese-marked word has đ, ă, ơ or ư (U+0102/3,
	 * U+0110/1, U+01A0/1, U+01AF/B0), a letter of U+1EA0..U+1EF9, or a
	 * combining mark (U+0300..U+036F, text not in NFC): none, no marks */
	const unsigned char *u = (const unsigned char *)name;
	for (; *u; u++)
		if ((u[0] == 0xC4 && (u[1] == 0x82 || u[1] == 0x83 || u[1] == 0x90 || u[1] == 0x91)) ||
		    (u[0] == 0xC6 && (u[1] == 0xA0 || u[1] == 0xA1 || u[1] == 0xAF || u[1] == 0xB0)) ||
		    (u[0] == 0xE1 && (u[1] == 0xBA || u[1] == 0xBB)) || u[0] == 0xCC || u[0] == 0xCD)
			break;
	if (!*u)
		return 0;
	const char *r = name, *s;
	size_t n = 0;
	bool any = false;
	while ((s = next_word(&r)) != NULL) {
		if (n == KEY_MARKED_WORDS)
			return 0;
		size_t len = ent_word_marks(s, (size_t)(r - s), codes[n]);
		codes[n++][len] = '\0';
		any |= len > 0;
	}
	return any ? n : 0;
}

/* Writes the key of folded text f to out (f itself when there are no
 * codes: the copy never passes what it reads): words joined by one space,
 * doubles collapsed in long words, word i followed by ':' and codes[i]
 * when that is not empty ("duc:dduws"). Returns the number of words. */
static size_t join_key(char *out, const char *f, char codes[][ENT_MARKS_MAX + 1],
                       size_t ncodes)
{
	char *w = out;
	const char *r = f, *s;
	size_t i = 0;
	for (; (s = next_word(&r)) != NULL; i++) {
		if (w > out)
			*w++ = ' ';
		w = key_word(w, s, r);
		if (i < ncodes && codes[i][0]) {
			size_t cl = strlen(codes[i]);
			*w++ = ':';
			memcpy(w, codes[i], cl);
			w += cl;
		}
	}
	*w = '\0';
	return i;
}

char *entity_key(const char *name)
{
	strbuf b;
	sb_init(&b);
	entity_key_append(&b, name);
	return sb_detach(&b);
}

/* entity_key, appended to out (see entity.h). */
size_t entity_key_append(strbuf *out, const char *name)
{
	size_t start = out->len;
	char codes[KEY_MARKED_WORDS][ENT_MARKS_MAX + 1];
	size_t ncodes = name_marks(name, codes);
	text_fold_append(out, name, strlen(name));
	if (!ncodes) {
		join_key(out->s + start, out->s + start, codes, 0);
	} else {
		/* the codes make the key longer than the folded text: joined
		 * from a copy of it */
		char *f = xstrndup(out->s + start, out->len - start);
		sb_grow(out, ncodes * (ENT_MARKS_MAX + 1));
		if (join_key(out->s + start, f, codes, ncodes) != ncodes)
			/* folding changed the words (a word of marks alone): no marks */
			join_key(out->s + start, f, codes, 0);
		free(f);
	}
	out->len = start + strlen(out->s + start);
	return start;
}

char *entity_key_unmarked(const char *key)
{
	char *out = xstrdup(key), *w = out;
	for (const char *r = key; *r;) {
		if (*r == ':') /* a word's marks: up to the next word */
			while (*r && *r != ' ')
				r++;
		else
			*w++ = *r++;
	}
	*w = '\0';
	return out;
}

bool entity_initials_of(const char *shrt, const char *lng)
{
	size_t n = 0;
	const char *w = lng;
	for (const unsigned char *c = (const unsigned char *)shrt; *c; c++) {
		char want;
		if (*c >= 'A' && *c <= 'Z')
			want = (char)(*c - 'A' + 'a');
		else if (c[0] == 0xC4 && c[1] == 0x90)
			want = 'd', c++;
		else
			continue;
		if (!w || *w != want)
			return false;
		n++;
		w = strchr(w, ' ');
		if (w)
			w++;
	}
	return n >= 2 && !w;
}

const char *entity_type_name(entity_type t)
{
	switch (t) {
	case ENT_PER:
		return "PER";
	case ENT_ORG:
		return "ORG";
	case ENT_LOC:
		return "LOC";
	default:
		return "?";
	}
}

int entity_type_parse(const char *s)
{
	if (!s)
		return -1;
	for (int t = 0; t < ENT_NTYPES; t++)
		if (strcmp(s, entity_type_name((entity_type)t)) == 0)
			return t;
	return -1;
}
