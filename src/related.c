/* related.c: articles about the same story (see related.h).
 *
 * Two signals, each from an index the store already has, so that the
 * answer takes milliseconds on a million articles:
 * - the words: the article's most distinctive words (by tf-idf, df
 *   counted in the full-text index, estimated past a few hundred) make an
 *   OR query (of at most WORD_POSTINGS matches); FTS5 ranks the
 *   matches by bm25 (title and lede weigh more), and a match's score is
 *   its bm25 over the article's own (1 for the article itself);
 * - the entities: its most salient, rare entities (salience times idf);
 *   an article's score is the share of that weight it mentions too (each
 *   entity counted up to its salience in the article).
 * The two are averaged, then closeness in time weighs in: a story's
 * articles are mostly days apart, so an article years away keeps half its
 * score. Shown are those above an absolute floor and near the best one:
 * an article with a close match has its story; the next ones down share
 * its topic, not its event.
 *
 * Measured on a public corpus grouped by event (tests/eval_related.py,
 * 628 Vietnamese articles in 199 events): precision@5 0.82, recall@5 0.82,
 * something shown for 94% of the articles. */
#include "config.h"

#include "related.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fts.h"
#include "text.h"

#define TOP_TERMS       12   /* words in the candidates' query */
#define TOP_ENTITIES    8    /* entities that find and score candidates */
#define FTS_CANDIDATES  300  /* best matches of the words' query */
#define ENTITY_POSTINGS 1000 /* newest articles of each entity */
#define BODY_BYTES      20000 /* of a long article, its start tells the story */
#define SHORT_LIST      64   /* candidates whose dates are looked at */
#define DF_EXACT        256  /* a word's articles counted, the rest estimated */
#define WORD_POSTINGS   10000 /* articles the words' query may score */

/* A word of the article and its weight there. */
typedef struct term {
	char *w;
	double tf;     /* occurrences, a title's counting 3 and a lede's 2 */
	double weight; /* tf-idf */
	double df;     /* articles that have it (word_df) */
} term;

typedef struct terms {
	term *v;
	size_t n, cap;
	double field; /* the weight of the field being read */
} terms;

/* A candidate and its two scores. */
typedef struct cand {
	int64_t id;
	double text, ent, score;
} cand;

typedef struct cands {
	cand *v;
	size_t n, cap;
} cands;

/* Adds one word (fts_words' callback): words of one letter and numbers
 * say little of a story. */
static int add_word(void *ctx, const char *w, size_t n, size_t start, size_t end)
{
	(void)start;
	(void)end;
	terms *t = ctx;
	if (n < 2)
		return 0;
	size_t digits = 0;
	while (digits < n && w[digits] >= '0' && w[digits] <= '9')
		digits++;
	if (digits == n)
		return 0;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 256;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	t->v[t->n++] = (term){xstrndup(w, n), t->field, 0, 0};
	return 0;
}

/* Orders terms by word. */
static int by_word(const void *a, const void *b)
{
	return strcmp(((const term *)a)->w, ((const term *)b)->w);
}

/* Orders terms by weight, heaviest first. */
static int by_weight(const void *a, const void *b)
{
	double x = ((const term *)a)->weight, y = ((const term *)b)->weight;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* Merges equal words, summing their tf. */
static void merge_words(terms *t)
{
	qsort(t->v, t->n, sizeof *t->v, by_word);
	size_t out = 0;
	for (size_t i = 0; i < t->n; i++) {
		if (out && strcmp(t->v[out - 1].w, t->v[i].w) == 0) {
			t->v[out - 1].tf += t->v[i].tf;
			free(t->v[i].w);
		} else {
			t->v[out++] = t->v[i];
		}
	}
	t->n = out;
}

static void terms_free(terms *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].w);
	free(t->v);
}

/* Adds a candidate's share of one signal. */
static void cand_add(cands *c, int64_t id, double text, double ent)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 512;
		c->v = xrealloc(c->v, c->cap * sizeof *c->v);
	}
	c->v[c->n++] = (cand){id, text, ent, 0};
}

/* Orders candidates by id. */
static int by_id(const void *a, const void *b)
{
	int64_t x = ((const cand *)a)->id, y = ((const cand *)b)->id;
	return x < y ? -1 : x > y;
}

/* Orders candidates by score, best first (then newest). */
static int by_score(const void *a, const void *b)
{
	const cand *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return x->id < y->id ? 1 : x->id > y->id ? -1 : 0;
}

/* Sums each candidate's shares into one row per article. */
static void merge_cands(cands *c)
{
	qsort(c->v, c->n, sizeof *c->v, by_id);
	size_t out = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (out && c->v[out - 1].id == c->v[i].id) {
			if (c->v[i].text > c->v[out - 1].text)
				c->v[out - 1].text = c->v[i].text;
			c->v[out - 1].ent += c->v[i].ent;
		} else {
			c->v[out++] = c->v[i];
		}
	}
	c->n = out;
}

/* Sets *err to SQLite's message and returns -1. */
static int sql_fail(store *s, char **err)
{
	*err = xasprintf("related: %s", sqlite3_errmsg(s->db));
	return -1;
}

/* How many articles have word w: counted up to DF_EXACT of them, in
 * the index's order (ascending ids); a word in more is estimated from
 * how far into the store its first DF_EXACT reach. Reading a common
 * word's whole list of articles (fts5vocab's count) took tens of
 * milliseconds a word on a million articles, seconds an article; its idf
 * is small whatever the estimate's error. st is "SELECT rowid ... MATCH
 * ?1 LIMIT ?2", q a buffer for the phrase. */
static double word_df(sqlite3_stmt *st, strbuf *q, const char *w, double n_articles)
{
	sb_clear(q);
	sb_addc(q, '"');
	for (const char *p = w; *p; p++) {
		if (*p == '"')
			sb_addc(q, '"'); /* a phrase's quote is doubled */
		sb_addc(q, *p);
	}
	sb_addc(q, '"');
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, q->s, (int)q->len, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, DF_EXACT);
	int64_t n = 0, last = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		last = sqlite3_column_int64(st, 0);
		n++;
	}
	if (n < DF_EXACT || last <= 0)
		return n ? (double)n : 1;
	double df = (double)n * n_articles / (double)last;
	return df > n_articles ? n_articles : df;
}

/* The statement word_df runs, or NULL. */
static sqlite3_stmt *df_statement(store *s)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT rowid FROM article_fts WHERE article_fts MATCH ?1"
	                       " LIMIT ?2", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	return st;
}

/* The highest article id: the articles the idf counts (ids are not
 * reused, so deletions count as articles still: a bound, cheap). */
static double articles_bound(store *s)
{
	sqlite3_stmt *st = NULL;
	double n = 0;
	if (sqlite3_prepare_v2(s->db, "SELECT max(id) FROM article", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* See related.h. */
double related_word_df(store *s, const char *word)
{
	sqlite3_stmt *st = df_statement(s);
	if (!st)
		return -1;
	strbuf q;
	sb_init(&q);
	double df = word_df(st, &q, word, articles_bound(s));
	sb_free(&q);
	sqlite3_finalize(st);
	return df;
}

/* The article's words, weighted (tf from its title, lede and start of
 * body; idf from the index: word_df); the heaviest first. Also its
 * date as a Julian day (NAN when it has none to the day). Returns 1, 0
 * when there is no such article, -1 on error. */
static int article_terms(store *s, int64_t id, double n_articles, terms *t, double *jd,
                         char **err)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT title, lede, body, julianday(nullif(date, ''))"
	                       " FROM article WHERE id = ?1",
	                       -1, &st, NULL) != SQLITE_OK)
		return sql_fail(s, err);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return rc == SQLITE_DONE ? 0 : sql_fail(s, err);
	}
	static const double field_weight[] = {3, 2, 1};
	for (int f = 0; f < 3; f++) {
		const char *text = (const char *)sqlite3_column_text(st, f);
		size_t n = (size_t)sqlite3_column_bytes(st, f);
		if (!text)
			continue;
		if (n > BODY_BYTES)
			n = BODY_BYTES;
		t->field = field_weight[f];
		fts_words(text, n, add_word, t);
	}
	*jd = sqlite3_column_type(st, 3) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 3);
	sqlite3_finalize(st);
	merge_words(t);

	/* Document frequencies from the index itself (word_df). */
	if (!(st = df_statement(s)))
		return sql_fail(s, err);
	strbuf q;
	sb_init(&q);
	for (size_t i = 0; i < t->n; i++) {
		double df = t->v[i].df = word_df(st, &q, t->v[i].w, n_articles);
		t->v[i].weight = (1 + log(t->v[i].tf)) * log((n_articles + 1) / (df + 0.5));
	}
	sb_free(&q);
	sqlite3_finalize(st);
	qsort(t->v, t->n, sizeof *t->v, by_weight);
	return 1;
}

/* The candidates the words find, with their bm25 over the article's own. */
static int word_candidates(store *s, int64_t id, const terms *t, cands *c, char **err)
{
	if (!t->n)
		return 0;
	strbuf q;
	sb_init(&q);
	/* FTS5 scores every article that has any of the words (and reads
	 * each word's whole list for its bm25): past WORD_POSTINGS articles
	 * (common words, a big store) the words left out are the common
	 * ones, and a match's score is scaled by the share of the words'
	 * weight asked, since it could not show what they share */
	double postings = 0, asked = 0, all = 0;
	int cut = 0;
	for (size_t i = 0; i < t->n && i < TOP_TERMS; i++) {
		if (t->v[i].weight <= 0)
			break;
		all += t->v[i].weight;
		postings += t->v[i].df;
		if (cut || (i && postings > WORD_POSTINGS)) {
			cut = 1;
			continue;
		}
		asked += t->v[i].weight;
		sb_printf(&q, "%s\"%s\"", i ? " OR " : "", t->v[i].w);
	}
	if (!q.len) {
		sb_free(&q);
		return 0;
	}
	sqlite3_stmt *st = NULL;
	/* title, lede, caption, credit, body */
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT rowid, bm25(article_fts, 3.0, 2.0, 1.0, 0.0, 1.0) AS r"
	                       " FROM article_fts WHERE article_fts MATCH ?1 ORDER BY r LIMIT ?2",
	                       -1, &st, NULL) != SQLITE_OK) {
		sb_free(&q);
		return sql_fail(s, err);
	}
	sqlite3_bind_text(st, 1, q.s, (int)q.len, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, FTS_CANDIDATES);
	size_t first = c->n;
	double self = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t rowid = sqlite3_column_int64(st, 0);
		double r = sqlite3_column_double(st, 1); /* negative: lower is better */
		if (rowid == id)
			self = r;
		else
			cand_add(c, rowid, r, 0);
	}
	sqlite3_finalize(st);
	sb_free(&q);
	if (rc != SQLITE_DONE)
		return sql_fail(s, err);
	/* The article matches all its own words; the best of the others
	 * stands in should it not be among the first matches. */
	if (self == 0)
		for (size_t i = first; i < c->n; i++)
			if (c->v[i].text < self)
				self = c->v[i].text;
	double share = all > 0 ? asked / all : 1;
	for (size_t i = first; i < c->n; i++) {
		double x = self < 0 ? c->v[i].text / self : 0;
		c->v[i].text = (x > 1 ? 1 : x) * share;
	}
	return 0;
}

/* An entity of the article and its weight there. */
typedef struct ent_weight {
	int64_t id;
	double salience, weight;
} ent_weight;

/* Orders entities by weight, heaviest first. */
static int by_entity_weight(const void *a, const void *b)
{
	double x = ((const ent_weight *)a)->weight, y = ((const ent_weight *)b)->weight;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* The candidates the entities find, each with its share of the
 * article's entity weight. */
static int entity_candidates(store *s, int64_t id, double n_articles, cands *c, char **err)
{
	sqlite3_stmt *st = NULL, *post = NULL;
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT ae.entity_id, ae.salience, e.articles FROM article_entity ae"
	                       " JOIN entity e ON e.id = ae.entity_id WHERE ae.article_id = ?1",
	                       -1, &st, NULL) != SQLITE_OK)
		return sql_fail(s, err);
	sqlite3_bind_int64(st, 1, id);
	ent_weight *all = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		double sal = sqlite3_column_double(st, 1);
		double df = sqlite3_column_double(st, 2);
		double w = sal * log((n_articles + 1) / (df + 0.5));
		if (w <= 0)
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 32;
			all = xrealloc(all, cap * sizeof *all);
		}
		all[n++] = (ent_weight){sqlite3_column_int64(st, 0), sal, w};
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(all);
		return sql_fail(s, err);
	}
	qsort(all, n, sizeof *all, by_entity_weight);
	int ntop = n < TOP_ENTITIES ? (int)n : TOP_ENTITIES;
	ent_weight *top = all;
	double total = 0;
	for (int i = 0; i < ntop; i++)
		total += top[i].weight;
	if (total <= 0) {
		free(all);
		return 0;
	}
	if (sqlite3_prepare_v2(s->db,
	                       "SELECT article_id, salience FROM article_entity"
	                       " WHERE entity_id = ?1 AND article_id != ?2"
	                       " ORDER BY article_id DESC LIMIT ?3",
	                       -1, &post, NULL) != SQLITE_OK) {
		free(all);
		return sql_fail(s, err);
	}
	for (int i = 0; i < ntop; i++) {
		sqlite3_reset(post);
		sqlite3_bind_int64(post, 1, top[i].id);
		sqlite3_bind_int64(post, 2, id);
		sqlite3_bind_int(post, 3, ENTITY_POSTINGS);
		while ((rc = sqlite3_step(post)) == SQLITE_ROW) {
			double sal = sqlite3_column_double(post, 1);
			double share = sal >= top[i].salience ? 1 : sal / top[i].salience;
			cand_add(c, sqlite3_column_int64(post, 0), 0, share * top[i].weight / total);
		}
		if (rc != SQLITE_DONE) {
			sqlite3_finalize(post);
			free(all);
			return sql_fail(s, err);
		}
	}
	sqlite3_finalize(post);
	free(all);
	return 0;
}

/* Weighs the best candidates by how far apart in time they are. */
static int weigh_dates(store *s, double jd, cands *c, char **err)
{
	if (isnan(jd))
		return 0;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, "SELECT julianday(nullif(date, '')) FROM article WHERE id = ?1",
	                       -1, &st, NULL) != SQLITE_OK)
		return sql_fail(s, err);
	for (size_t i = 0; i < c->n && i < SHORT_LIST; i++) {
		sqlite3_reset(st);
		sqlite3_bind_int64(st, 1, c->v[i].id);
		if (sqlite3_step(st) != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL)
			continue;
		double days = fabs(sqlite3_column_double(st, 0) - jd);
		/* the same day keeps all; a fortnight apart three quarters;
		 * years apart a half */
		c->v[i].score *= 0.5 + 0.5 / (1 + days / 14);
	}
	sqlite3_finalize(st);
	return 0;
}

/* Fills row with the list's view of article id. */
static int fill_row(store *s, int64_t id, article_row *row, char **err)
{
	query_filter f;
	query_filter_init(&f);
	f.article_id = id;
	int n = query_page(s, &f, NULL, 0, 1, row, err);
	query_filter_free(&f);
	return n;
}

/* See related.h. */
int query_related(store *s, int64_t id, int limit, related_row *rows, char **err)
{
	*err = NULL;
	if (limit <= 0)
		return 0;
	if (store_read_begin(s) != 0) {
		*err = xasprintf("related: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	terms t = {0};
	cands c = {0};
	int got = -1;
	double jd = NAN;
	double n_articles = articles_bound(s);
	int found = article_terms(s, id, n_articles, &t, &jd, err);
	if (found == 0)
		*err = xasprintf("no article %lld", (long long)id);
	if (found <= 0 || word_candidates(s, id, &t, &c, err) < 0 ||
	    entity_candidates(s, id, n_articles, &c, err) < 0)
		goto done;
	merge_cands(&c);
	for (size_t i = 0; i < c.n; i++) {
		if (c.v[i].ent > 1)
			c.v[i].ent = 1;
		c.v[i].score = (c.v[i].text + c.v[i].ent) / 2;
	}
	qsort(c.v, c.n, sizeof *c.v, by_score);
	if (weigh_dates(s, jd, &c, err) < 0)
		goto done;
	qsort(c.v, c.n < SHORT_LIST ? c.n : SHORT_LIST, sizeof *c.v, by_score);
	got = 0;
	for (size_t i = 0; i < c.n && got < limit; i++) {
		if (c.v[i].score < RELATED_MIN_SCORE || c.v[i].score < RELATED_RELATIVE * c.v[0].score)
			break;
		related_row *r = &rows[got];
		memset(r, 0, sizeof *r);
		int n = fill_row(s, c.v[i].id, &r->row, err);
		if (n < 0) {
			for (int k = 0; k < got; k++)
				related_row_free(&rows[k]);
			got = -1;
			goto done;
		}
		if (n == 0) /* deleted meanwhile: not in this snapshot */
			continue;
		r->score = c.v[i].score;
		r->text = c.v[i].text;
		r->entities = c.v[i].ent;
		got++;
	}
done:
	store_read_end(s);
	terms_free(&t);
	free(c.v);
	return got;
}

/* See related.h. */
void related_row_free(related_row *r)
{
	article_row_free(&r->row);
}
