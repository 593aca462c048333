/* entity_link.c: within-article linking: the unique names of an
 * article's candidates, partial names to the longer names they end, names
 * to their short forms in brackets, and the mentions of what results. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unictype.h>
#include <unistr.h>

#include "entity_int.h"
#include "util.h"

/* ---- linking ------------------------------------------------------------ */

/* Hash of a unique name: its kind (tag), then its text. */
static uint32_t uniq_hash(char tag, const char *id)
{
	return fnv_more(fnv_more(FNV_BASIS, &tag, 1), id, strlen(id));
}

/* The kind of unique name q is: '1' + type for a gazetteer name, else 'N'. */
static char uniq_tag(const uniq *q)
{
	return q->gaz ? (char)('1' + q->gtype) : 'N';
}

/* Makes the table of unique names twice as large as their number, at
 * least, placing every one again. */
static void uniq_room(ctx *x)
{
	if (x->nu * 2 + 1 <= x->nslots)
		return;
	size_t n = x->nslots ? x->nslots : 64;
	while (n < x->nu * 2 + 1)
		n <<= 1;
	free(x->slots);
	x->slots = xcalloc(n, sizeof *x->slots);
	x->nslots = n;
	size_t mask = n - 1;
	for (size_t j = 0; j < x->nu; j++) {
		const uniq *q = &x->u[j];
		for (size_t i = uniq_hash(uniq_tag(q), q->gaz ? q->gaz : q->lkey) & mask;;
		     i = (i + 1) & mask)
			if (!x->slots[i]) {
				x->slots[i] = (uint32_t)(j + 1);
				break;
			}
	}
}

/* Index of candidate c's unique name in the per-call table, adding it if
 * new: gazetteer names are one by canonical name and type, other names by
 * their joined keys. *added tells whether c is the first of its name (its
 * name block then belongs to the table). */
static int uniq_id(ctx *x, const cand *c, bool *added)
{
	int gtype = c->gaz ? ent_best_type(c->score) : 0;
	const char *id = c->gaz ? c->gaz : c->lkey;
	char tag = c->gaz ? (char)('1' + gtype) : 'N';
	*added = false;
	uniq_room(x);
	size_t mask = x->nslots - 1;
	for (size_t i = uniq_hash(tag, id) & mask;; i = (i + 1) & mask) {
		if (!x->slots[i]) {
			if (x->nu == x->capu) {
				x->capu = x->capu ? x->capu * 2 : 32;
				x->u = xrealloc(x->u, x->capu * sizeof *x->u);
			}
			uniq *q = &x->u[x->nu];
			memset(q, 0, sizeof *q);
			q->lkey = c->lkey;
			q->lklen = c->lklen;
			q->gaz = c->gaz;
			q->gtype = gtype;
			q->name = c->name;
			q->ntok = c->ntok;
			q->root = (int)x->nu;
			x->slots[i] = (uint32_t)(++x->nu);
			*added = true;
			return (int)(x->nu - 1);
		}
		const uniq *q = &x->u[x->slots[i] - 1];
		if (c->gaz ? q->gaz && q->gtype == gtype && strcmp(q->gaz, c->gaz) == 0
		           : !q->gaz && strcmp(q->lkey, c->lkey) == 0)
			return (int)(x->slots[i] - 1);
	}
}

/* Royal and noble titles, as shown before a name they make a given or
 * title name: "Prince Charles" is no Ray Charles, "Lord Cullen" no
 * Martin Cullen. Matched case aside (their capitals are ASCII). */
static const char *const royal_titles[] = {
	"Prince",  "Princess", "King",     "Queen",   "Lord",       "Lady",      "Baroness",
	"Baron",   "Duke",     "Duchess",  "Earl",    "Pope",       "Sheikh",    "Emperor",
	"Empress", "Sultan",   "Emir",     "Vua",     "Hoàng tử",   "Công chúa", "Nữ hoàng",
	"Hoàng hậu",
};

/* The royal title that ends text (len bytes) as a word of its own, or
 * NULL; case aside when anycase (Vietnamese writes "vua"), else as
 * listed (English "the king" before a name is no title of it). */
static const char *royal_title_before(const char *text, size_t len, bool anycase)
{
	for (size_t i = 0; i < sizeof royal_titles / sizeof *royal_titles; i++) {
		const char *t = royal_titles[i];
		size_t n = strlen(t);
		if (n > len || (anycase ? strncasecmp(text + len - n, t, n) : strncmp(text + len - n, t, n)))
			continue;
		/* a word of its own: "Warlord Smith" has none */
		unsigned char b = n < len ? (unsigned char)text[len - n - 1] : ' ';
		if (b < 0x80 && !((unsigned)((b | 0x20) - 'a') < 26u))
			return t;
	}
	return NULL;
}

/* See entity.h. */
size_t entity_title_len(const char *name)
{
	const char *sp = strchr(name, ' ');
	/* the title is one word or two ("Hoàng tử") */
	for (int w = 0; sp && w < 2; w++, sp = strchr(sp + 1, ' ')) {
		const char *t = royal_title_before(name, (size_t)(sp - name), false);
		if (t && strlen(t) == (size_t)(sp - name))
			return (size_t)(sp - name) + 1;
	}
	return 0;
}

/* The royal title written just before candidate c of the field ("Prince
 * Charles"), or NULL. */
static const char *cand_title(const ctx *x, const cand *c)
{
	/* the candidate's offset in the window the text holds */
	size_t at = c->start - x->off;
	if (c->lead || c->start < x->off + 2 || at > x->len || x->text[at - 1] != ' ')
		return NULL;
	return royal_title_before(x->text, at - 1, !x->en);
}

/* Folds the candidates of a finished window (or field) into the unique
 * names, keeping of each only a cref, and empties the window's list: the
 * memory of a long field is then its unique names and 20 bytes per
 * candidate, not a whole candidate each. */
void ent_fold_cands(ctx *x)
{
	if (x->nr + x->nc > x->capr) {
		/* grown by half: the array is most of a long field's memory */
		while (x->nr + x->nc > x->capr)
			x->capr = x->capr ? x->capr + x->capr / 2 : 64;
		x->r = xrealloc(x->r, x->capr * sizeof *x->r);
	}
	/* no candidates yet: x->r may be NULL, and NULL + 0 is undefined */
	cref *r = x->nc ? x->r + x->nr : NULL;
	for (size_t i = 0; i < x->nc; i++) {
		cand *c = &x->c[i];
		bool added = false;
		r[i] = (cref){(uint32_t)c->start, (uint32_t)c->end, -1, c->lead};
		if (!c->misc) {
			int id = uniq_id(x, c, &added);
			r[i].uid = id;
			uniq *q = &x->u[id];
			q->count++;
			q->given += c->given;
			for (int t = 0; t < 3; t++)
				q->score[t] += c->score[t];
			q->strong |= c->strong;
			q->nodefault |= c->nodefault;
			q->acro |= c->acro;
			q->work |= c->work;
			q->vi_word |= c->t1 == c->t0 + 1 && (x->t[c->t0].flags & T_VI) &&
			              !(x->t[c->t0].flags & T_ALLCAPS);
			if (!q->title && !c->gaz)
				q->title = cand_title(x, c);
		}
		if (!added)
			free(c->name); /* and the joined keys after it */
	}
	/* links point at candidates of the same window */
	for (size_t i = 0; i < x->nc; i++) {
		if (x->c[i].link < 0 || r[i].uid < 0 || r[x->c[i].link].uid < 0)
			continue;
		if (x->nlinks == x->caplinks) {
			x->caplinks = x->caplinks ? x->caplinks * 2 : 16;
			x->links = xrealloc(x->links, x->caplinks * sizeof *x->links);
		}
		x->links[x->nlinks++] = (struct cref_link){x->nr + i, r[x->c[i].link].uid};
	}
	x->nr += x->nc;
	x->nc = 0;
	/* the crefs so far end the current field's */
	if (!x->nfields || x->field_of[x->nfields - 1] != (uint8_t)x->field) {
		x->field_of[x->nfields] = (uint8_t)x->field;
		x->nfields++;
	}
	x->field_end[x->nfields - 1] = x->nr;
}

/* Whether short (a name's last words) ends the longer name key long
 * (their lengths a and b). */
static bool key_suffix(const char *lng, size_t a, const char *shrt, size_t b)
{
	return a > b && lng[a - b - 1] == ' ' && memcmp(lng + a - b, shrt, b) == 0;
}

/* Whether shrt is the family name that starts the Korean-style name lng
 * ("jung" of "jung min - seok", the keys of "Jung" and "Jung Min-seok"). */
static bool key_family(const char *lng, const char *shrt)
{
	size_t b = strlen(shrt);
	if (strncmp(lng, shrt, b) != 0 || lng[b] != ' ')
		return false;
	const char *rest = lng + b + 1, *d = strstr(rest, " - ");
	return d && d > rest && !memchr(rest, ' ', (size_t)(d - rest)) && !strchr(d + 3, ' ');
}

/* An entry of the name index: name j has key (len bytes) as a word
 * suffix, or (family) as the family name of a Korean-style name. */
typedef struct name_entry {
	const char *key;
	size_t len;
	uint32_t j;
	uint32_t next; /* the next entry of its slot, + 1; 0: none */
	bool family;
} name_entry;

/* The word suffixes and family names of an article's unique names, each
 * to the names that have it: slots of chains, by key hash. */
typedef struct name_index {
	uint32_t *slots;
	size_t nslots;
	name_entry *e;
	size_t n, cap;
} name_index;

/* Adds an entry to the index (its slots already sized). */
static void name_index_add(name_index *ix, const char *key, size_t len, size_t j, bool family)
{
	if (ix->n == ix->cap) {
		ix->cap = ix->cap ? ix->cap * 2 : 64;
		ix->e = xrealloc(ix->e, ix->cap * sizeof *ix->e);
	}
	size_t h = key_hash(key, len) & (ix->nslots - 1);
	ix->e[ix->n] = (name_entry){key, len, (uint32_t)j, ix->slots[h], family};
	ix->slots[h] = (uint32_t)++ix->n;
}

/* The offset in key of the first part of a last word joined by one
 * hyphen after another word ("robert kilroy - silk": "kilroy", its
 * length in *n), or 0 for none. */
static size_t hyphen_part(const char *key, size_t len, size_t *n)
{
	const char *dash = NULL;
	for (size_t k = 0; k + 3 <= len; k++)
		if (memcmp(key + k, " - ", 3) == 0)
			dash = key + k;
	if (!dash || memchr(dash + 3, ' ', len - (size_t)(dash + 3 - key)))
		return 0;
	const char *w = dash;
	while (w > key && w[-1] != ' ')
		w--;
	if (w == key || w == dash)
		return 0;
	*n = (size_t)(dash - w);
	return (size_t)(w - key);
}

/* Indexes the names that others may be a part of: each proper suffix
 * after a space of a name's joined keys, the family name of a
 * Korean-style name (key_family) and, in English (en), the first part of
 * a double-barrelled surname. Gazetteer names are never linked to. */
static void name_index_build(name_index *ix, const uniq *u, size_t nu, bool en)
{
	memset(ix, 0, sizeof *ix);
	size_t words = 0;
	for (size_t j = 0; j < nu; j++)
		if (!u[j].gaz)
			words += (size_t)u[j].ntok + 1;
	ix->nslots = 64;
	while (ix->nslots < words * 2 + 1)
		ix->nslots <<= 1;
	ix->slots = xcalloc(ix->nslots, sizeof *ix->slots);
	for (size_t j = 0; j < nu; j++) {
		const uniq *r = &u[j];
		if (r->gaz)
			continue;
		for (size_t k = 0; k + 1 < r->lklen; k++)
			if (r->lkey[k] == ' ')
				name_index_add(ix, r->lkey + k + 1, r->lklen - k - 1, j, false);
		const char *sp = memchr(r->lkey, ' ', r->lklen);
		if (sp && sp > r->lkey) {
			char first[256];
			size_t fl = (size_t)(sp - r->lkey);
			if (fl < sizeof first) {
				memcpy(first, r->lkey, fl);
				first[fl] = '\0';
				if (key_family(r->lkey, first))
					name_index_add(ix, r->lkey, fl, j, true);
			}
		}
		/* "Kilroy" for "Robert Kilroy-Silk": the first part of an
		 * English double-barrelled surname after a given name (a
		 * Vietnamese dash joins two names: "Phạm Lương - Đình Thắng") */
		size_t hn = 0, hp = en ? hyphen_part(r->lkey, r->lklen, &hn) : 0;
		if (hp)
			name_index_add(ix, r->lkey + hp, hn, j, true);
	}
}

/* Frees the index. */
static void name_index_free(name_index *ix)
{
	free(ix->slots);
	free(ix->e);
}

/* Whether the first letter of the UTF-8 text at s is lower case. */
static bool lower_at(const char *s)
{
	ucs4_t uc;
	u8_mbtouc(&uc, (const uint8_t *)s, strlen(s));
	return uc_is_lower(uc);
}

/* Whether the one-word name q may be a short way of writing the longer
 * name r it ends. Partial names are people's ("Putin" for "Vladimir
 * Putin"); an organization's or place's last word is seldom its name
 * alone: not when written in lower case there ("Phòng" is not "Bộ Quốc
 * phòng", "Chính" not "Bộ Tài chính"), after a small word ("England" is not
 * "Bank of England") or a dash ("Việt" is not "Hội Hữu nghị Trung -
 * Việt"), nor when it is a head or suffix word ("Party" is not "Labour
 * Party"). */
static bool partial_ok(const ctx *x, const uniq *q, const uniq *r)
{
	int rt = ent_best_type(r->score);
	if (q->ntok != 1 || rt < 0 || rt == ENT_PER)
		return true;
	/* "Nội" (of "Nội dung") is not "UBND TP Hà Nội", nor "Nam" "U20
	 * Việt Nam": one Vietnamese syllable is no place's or body's name
	 * ("Vingroup" may be "Tập đoàn Vingroup") */
	if (!x->en && q->vi_word)
		return false;
	const char *last = strrchr(r->name, ' ');
	if (!last)
		return true;
	if (lower_at(last + 1) && !lower_at(q->name))
		return false;
	/* the word before it in r's key: "of" in "bank of england" */
	const char *k0 = r->lkey, *end = r->lkey + r->lklen - q->lklen - 1, *prev = end;
	while (prev > k0 && prev[-1] != ' ')
		prev--;
	if (end > prev &&
	    (ent_cue_kinds(x->ex, prev, (size_t)(end - prev)) & (CUE_CONNECTOR | CUE_PARTICLE)))
		return false;
	/* "Việt" is not "Hội Hữu nghị Trung - Việt": one of a pair */
	if (end - prev == 1 && *prev == '-')
		return false;
	unsigned kinds = ent_cue_kinds(x->ex, q->lkey, q->lklen);
	return !(kinds & (CUE_ORG_SUFFIX | CUE_ORG_HEAD | CUE_ORG_HEAD_LOC | CUE_LOC_SUFFIX |
	                  CUE_LOC_HEAD | CUE_LOC_ADMIN | CUE_MISC_SUFFIX));
}

/* Whether the gazetteer name q is a one-word place that is also a given
 * name, written everywhere with no cue before it ("Đức"): then it may be
 * the given name of a person the article names in full. */
static bool given_place(const uniq *q)
{
	return q->gaz && q->ntok == 1 && q->gtype == ENT_LOC && q->given == q->count;
}

/* Index of the unique name (not a gazetteer's) with joined keys key, or
 * -1. */
static int uniq_find(const ctx *x, const char *key)
{
	if (!x->nslots)
		return -1;
	size_t mask = x->nslots - 1;
	for (size_t i = uniq_hash('N', key) & mask;; i = (i + 1) & mask) {
		if (!x->slots[i])
			return -1;
		const uniq *q = &x->u[x->slots[i] - 1];
		if (!q->gaz && strcmp(q->lkey, key) == 0)
			return (int)(x->slots[i] - 1);
	}
}

/* In English, a firm's first word alone is the firm ("Fairmont Hotels &
 * Resorts" ... "Fairmont said", "Marvel Comics" ... "Marvel said"): a
 * one-word name, written where capitals are evidence, with some evidence
 * of a person or organization but no definite one of a person, none of a
 * place ("Kirkcaldy, Fife" is no "Fife College") and no cue word, links
 * to the organization of several words, proven one (EV_DEF), that it
 * starts. */
static void link_firm_first_words(ctx *x)
{
	if (!x->en)
		return;
	for (size_t i = 0; i < x->nu; i++) {
		const uniq *r = &x->u[i];
		if (r->gaz || r->ntok < 2 || r->work || ent_best_type(r->score) != ENT_ORG ||
		    r->score[ENT_ORG] < EV_DEF)
			continue;
		const char *sp = memchr(r->lkey, ' ', r->lklen);
		if (!sp)
			continue;
		char *first = xstrndup(r->lkey, (size_t)(sp - r->lkey));
		int qi = uniq_find(x, first);
		free(first);
		if (qi < 0 || qi == (int)i)
			continue;
		uniq *q = &x->u[qi];
		if (q->ntok != 1 || !q->strong || q->root != qi || q->acro ||
		    q->score[ENT_PER] >= EV_DEF || q->score[ENT_LOC] > 0 ||
		    (!q->score[ENT_PER] && !q->score[ENT_ORG]) ||
		    ent_cue_kinds(x->ex, q->lkey, q->lklen))
			continue;
		q->root = (int)i;
	}
}

/* "vợ Sofia ... Antonella và Sofia": a foreign one-word place (no
 * country) that the article writes elsewhere as a person's name (with
 * a person's evidence) is that person everywhere in it. */
static void person_not_place(ctx *x)
{
	if (x->en)
		return;
	for (size_t i = 0; i < x->nu; i++) {
		uniq *q = &x->u[i];
		if (!q->gaz || q->ntok != 1 || q->gtype != ENT_LOC || q->vi_word || q->root != (int)i ||
		    ent_key_country(x->ex, q->lkey, q->lklen))
			continue;
		int r = uniq_find(x, q->lkey);
		if (r < 0 || ent_best_type(x->u[r].score) != ENT_PER || x->u[r].score[ENT_PER] < EV_CUE)
			continue;
		q->root = r;
		q->score[ENT_LOC] = 0;
	}
}

/* Whether the byte c starts a word of a key (a letter, a digit, UTF-8). */
static bool word_byte(char c)
{
	unsigned char u = (unsigned char)c;
	return u >= 0x80 || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9');
}

/* In English, a club's one-word alias ("Newcastle": the gazetteer's
 * Newcastle United in sport news) in an article that names another club
 * of several words starting with that word ("Newcastle Falcons", the
 * rugby club) is that club: an organization, proven (EV_DEF), that is
 * not the gazetteer's. Asked of at most 16 such aliases per article
 * (each against every name). */
static void link_club_first_words(ctx *x)
{
	if (!x->en)
		return;
	int qs[16];
	size_t nq = 0;
	for (size_t i = 0; i < x->nu; i++) {
		const uniq *q = &x->u[i];
		if (!q->gaz || q->ntok != 1 || q->gtype != ENT_ORG || q->root != (int)i)
			continue;
		if (nq == sizeof qs / sizeof *qs)
			return;
		qs[nq++] = (int)i;
	}
	for (size_t a = 0; a < nq; a++) {
		uniq *q = &x->u[qs[a]];
		for (size_t j = 0; j < x->nu; j++) {
			const uniq *r = &x->u[j];
			/* a word after it: "NATO - Russia Council" is no club */
			if ((int)j == qs[a] || r->ntok < 2 || r->lklen <= q->lklen + 1 ||
			    r->lkey[q->lklen] != ' ' || !word_byte(r->lkey[q->lklen + 1]) ||
			    memcmp(r->lkey, q->lkey, q->lklen) != 0 ||
			    ent_best_type(r->score) != ENT_ORG || r->score[ENT_ORG] < EV_DEF ||
			    (r->gaz && strcmp(r->gaz, q->gaz) == 0))
				continue;
			q->root = (int)j;
			break;
		}
	}
}

/* In English, an acronym alone ("BPI") is the organization of several
 * words the same article names whose words it spells ("British
 * Phonographic Industry"), written without brackets: when exactly one
 * does, proven one (EV_DEF), and the acronym has no evidence of another
 * type. Asked of at most 16 acronyms per article (each against every
 * name). */
static void link_spelled_acronyms(ctx *x)
{
	if (!x->en)
		return;
	int qs[16];
	size_t nq = 0;
	for (size_t i = 0; i < x->nu; i++) {
		const uniq *q = &x->u[i];
		if (q->gaz || q->ntok != 1 || !q->acro || q->root != (int)i || q->score[ENT_PER] ||
		    q->score[ENT_LOC])
			continue;
		if (nq == sizeof qs / sizeof *qs)
			return;
		qs[nq++] = (int)i;
	}
	for (size_t a = 0; a < nq; a++) {
		uniq *q = &x->u[qs[a]];
		int found = -1;
		for (size_t j = 0; j < x->nu && found != -2; j++) {
			const uniq *r = &x->u[j];
			if (r->ntok < 2 || r->work || ent_best_type(r->score) != ENT_ORG ||
			    r->score[ENT_ORG] < EV_DEF || !entity_initials_of(q->name, r->lkey))
				continue;
			found = found == -1 ? (int)j : -2;
		}
		if (found >= 0)
			q->root = found;
	}
}

/* Pushes the canonical name of entity root r to out's strings: the
 * gazetteer's, else the first spelling; a one-word name after a royal
 * title takes the title ("Prince Charles"), so that across articles it
 * is no partial name of another ("Ray Charles"). */
static void titled_name(mention_list *out, const uniq *r)
{
	if (r->gaz || !r->title || r->ntok != 1) {
		sl_push(&out->owned, r->gaz ? r->gaz : r->name);
		return;
	}
	size_t a = strlen(r->title), b = strlen(r->name);
	char *s = xmalloc(a + b + 2);
	memcpy(s, r->title, a);
	s[a] = ' ';
	memcpy(s + a + 1, r->name, b + 1);
	sl_push_owned(&out->owned, s);
}

/* Links the candidates of the article into entities, decides their type,
 * drops what has no evidence, and appends the mentions to out. */
void ent_resolve(ctx *x, const article *a, mention_list *out)
{
	uniq *u = x->u;
	size_t nu = x->nu;
	/* partial names link to the longer name they end ("Putin" ->
	 * "Vladimir Putin"), found through an index of the names' word
	 * suffixes (each name against every other one took the square of
	 * the number of names: minutes for a long list of names) */
	name_index ix;
	name_index_build(&ix, u, nu, x->en);
	for (size_t i = 0; i < nu; i++) {
		uniq *q = &u[i];
		if (q->gaz ? !given_place(q) : q->ntok >= MAXPHRASE)
			continue;
		/* "Lord Osborne" is not the Tim Osborne of the same article */
		if (q->title)
			continue;
		/* a form of address only at sentence starts is a pronoun: "Anh
		 * còn giúp mình" is no Quỳnh Anh */
		if (!q->gaz && q->ntok == 1 && !q->strong &&
		    (ent_cue_kinds(x->ex, q->lkey, q->lklen) & CUE_HONORIFIC))
			continue;
		int qt = ent_best_type(q->score);
		int best = -1;
		size_t h = key_hash(q->lkey, q->lklen) & (ix.nslots - 1);
		for (uint32_t e = ix.slots[h]; e; e = ix.e[e - 1].next) {
			const name_entry *ne = &ix.e[e - 1];
			if (ne->len != q->lklen || memcmp(ne->key, q->lkey, ne->len) != 0)
				continue;
			int j = (int)ne->j;
			const uniq *r = &u[j];
			/* a family name only for one word ("Jung", "Jung Min-seok") */
			if (r->ntok <= q->ntok || (ne->family && q->ntok != 1) ||
			    (!ne->family && !key_suffix(r->lkey, r->lklen, q->lkey, q->lklen)))
				continue;
			int rt = ent_best_type(r->score);
			if (!q->gaz && qt >= 0 && rt >= 0 && qt != rt && q->score[qt] >= EV_DEF &&
			    r->score[rt] >= EV_DEF)
				continue;
			if (!partial_ok(x, q, r))
				continue;
			/* "Bùi Văn Đức ... Đức bị bắt": the man, not Germany */
			if (q->gaz && (r->gaz || rt != ENT_PER))
				continue;
			/* the most mentioned, then the longest, then the first */
			if (best < 0 || r->count > u[best].count ||
			    (r->count == u[best].count &&
			     (r->ntok > u[best].ntok || (r->ntok == u[best].ntok && j < best))))
				best = j;
		}
		if (best >= 0) {
			q->root = best;
			/* the gazetteer's reading was wrong */
			if (q->gaz)
				q->score[ENT_LOC] = 0;
		}
	}
	name_index_free(&ix);
	person_not_place(x);
	/* a name and its short form in brackets are one entity, named by the
	 * gazetteer if it knows either, else by the longer name */
	for (size_t i = 0; i < x->nlinks; i++) {
		int ra = x->r[x->links[i].cref].uid, rb = x->links[i].uid;
		while (u[ra].root != ra)
			ra = u[ra].root;
		while (u[rb].root != rb)
			rb = u[rb].root;
		if (ra == rb || (u[ra].gaz && u[rb].gaz))
			continue;
		int ta = ent_best_type(u[ra].score), tb = ent_best_type(u[rb].score);
		if (ta >= 0 && tb >= 0 && ta != tb && u[ra].score[ta] >= EV_DEF &&
		    u[rb].score[tb] >= EV_DEF)
			continue;
		bool to_a = u[ra].gaz || (!u[rb].gaz && u[ra].ntok > u[rb].ntok);
		if (to_a)
			u[rb].root = ra;
		else
			u[ra].root = rb;
	}
	link_firm_first_words(x);
	link_club_first_words(x);
	link_spelled_acronyms(x);
	/* evidence flows to the root of each chain */
	for (size_t i = 0; i < nu; i++) {
		int r = (int)i;
		while (u[r].root != r)
			r = u[r].root;
		u[i].root = r;
	}
	for (size_t i = 0; i < nu; i++) {
		int r = u[i].root;
		if (r == (int)i)
			continue;
		for (int t = 0; t < 3; t++)
			u[r].score[t] += u[i].score[t];
		u[r].strong |= u[i].strong;
		u[r].work |= u[i].work;
	}
	/* The mentions: what has a type and is written as a name. Their
	 * strings are pooled in out->owned: one canonical name per entity and
	 * one block of surfaces, not two allocations per mention. */
	size_t n = 0, bytes = 0;
	for (int pass = 0; pass < 2; pass++) {
		char *w = NULL;
		char **canon = NULL;
		if (pass == 1) {
			if (!n)
				break;
			if (out->cap < out->n + n) {
				out->cap = out->n + n;
				out->v = xrealloc(out->v, out->cap * sizeof *out->v);
			}
			w = xmalloc(bytes);
			sl_push_owned(&out->owned, w);
			canon = xcalloc(nu, sizeof *canon);
		}
		for (size_t i = 0, f = 0; i < x->nr; i++) {
			const cref *c = &x->r[i];
			while (i >= x->field_end[f])
				f++;
			int field = x->field_of[f];
			if (c->uid < 0)
				continue;
			int root = u[c->uid].root;
			const uniq *r = &u[root];
			int type = ent_mention_type(r);
			if (type < 0)
				continue;
			if (pass == 0) {
				n++;
				bytes += c->end - c->start + 1;
				continue;
			}
			const char *text = field == FIELD_TITLE     ? a->title
			                   : field == FIELD_LEDE    ? a->lede
			                   : field == FIELD_CAPTION ? a->caption
			                   : field == FIELD_CREDIT  ? a->credit
			                                            : a->body;
			mention *m = &out->v[out->n++];
			m->type = (entity_type)type;
			m->field = (article_field)field;
			m->start = c->start;
			m->end = c->end;
			m->lead = c->lead;
			m->surface = w;
			memcpy(w, text + c->start, c->end - c->start);
			w += c->end - c->start;
			*w++ = '\0';
			if (!canon[root]) {
				titled_name(out, r);
				canon[root] = out->owned.v[out->owned.n - 1];
			}
			m->canonical = canon[root];
			memcpy(m->evidence, r->score, sizeof m->evidence);
		}
		free(canon);
	}
}
