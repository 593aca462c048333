/* facets_count.c: a filter's articles counted on the doc values
 * (docval.h): their entities, into arrays indexed by entity id (facets.c
 * makes the rows), or the filter's articles as an exact bitmap for
 * counts (filter_bitmap_exact): the filter's common entities are tested
 * on each article's own ids, not read from their index. See HACKING,
 * "Facets". */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "docval.h"
#include "facets_int.h"
#include "util.h"

/* A chunk with more articles to read than this is read whole; fewer are
 * read an article at a time (a small read each, after the header). */
#define WHOLE_CHUNK_AT 24

/* True when an article (its bytes p..end) has the filter's common
 * entities it needs and none it must not (counter.terms). */
static int article_passes(const counter *k, const unsigned char *p, const unsigned char *end)
{
	uint64_t id = 0, v, m;
	uint32_t has = 0;
	while (p < end && docval_varint(&p, end, &v)) {
		id += v >> 1;
		if (id > k->max_term || ((v & 1) && !docval_varint(&p, end, &m)))
			break;
		has |= k->terms[id];
	}
	return (has & k->need) == k->need && !(has & k->forbid);
}

/* Counts one article's entities (bytes p..end of its chunk) without
 * edits; 0 when they are malformed. The hot loop of every facet. */
static int count_plain(counter *k, const unsigned char *p, const unsigned char *end)
{
	/* locals: the compiler cannot tell the arrays from k's fields */
	uint32_t *restrict articles = k->articles;
	uint64_t *restrict extra = k->extra;
	const uint64_t n_ids = (uint64_t)k->n_ids;
	uint64_t id = 0, v, m;
	while (p < end) {
		if (!docval_varint(&p, end, &v))
			return 0;
		id += v >> 1;
		if (v & 1) {
			if (!docval_varint(&p, end, &m))
				return 0;
			if (id < n_ids)
				extra[id] += m - 1;
		}
		/* ids past n_ids: entities made after max(id) was read */
		if (id < n_ids)
			articles[id]++;
	}
	return 1;
}

/* Counts one article's entities into their groups after the user's
 * edits (a group counts an article once); 0 when malformed. */
static int count_grouped(counter *k, int64_t article_id, const unsigned char *p,
			 const unsigned char *end)
{
	size_t n = 0, most = (size_t)(end - p);
	if (k->cap < most) {
		k->cap = most + 64;
		k->ids = xrealloc(k->ids, k->cap * sizeof *k->ids);
		k->ms = xrealloc(k->ms, k->cap * sizeof *k->ms);
	}
	uint64_t id = 0, v, m;
	while (p < end) {
		if (!docval_varint(&p, end, &v))
			return 0;
		id += v >> 1;
		m = 1;
		if ((v & 1) && !docval_varint(&p, end, &m))
			return 0;
		if (id < (uint64_t)k->n_ids) {
			k->ids[n] = id;
			k->ms[n++] = m;
		}
	}
	for (size_t i = 0; i < n; i++) {
		int64_t g = k->group[k->ids[i]];
		if (!g)
			continue;
		if (k->seen[g] != article_id) {
			k->seen[g] = article_id;
			k->articles[g]++;
			k->extra[g] += k->ms[i] - 1;
		} else {
			k->extra[g] += k->ms[i];
		}
	}
	return 1;
}

/* See facets_int.h. */
int count_chunks(store *s, counter *k, const uint64_t *bits, int64_t max_article)
{
	sqlite3_blob *blob = NULL;
	unsigned char header[DOCVAL_HEADER];
	unsigned char *buf = NULL;
	size_t cap = 0;
	int rc = 0;
	enum { WORDS = DOCVAL_CHUNK / 64 };
	for (int64_t c = 0; rc == 0 && c <= max_article >> DOCVAL_CHUNK_BITS; c++) {
		const uint64_t *w = bits + c * WORDS;
		/* the articles to read: those marked; for the complement
		 * those not marked, and the marked ones too when the terms
		 * must be tested to know */
		uint64_t visit[WORDS];
		int n_visit = 0;
		for (int i = 0; i < WORDS; i++) {
			visit[i] = !k->complement ? w[i] : k->terms ? ~(uint64_t)0 : ~w[i];
			n_visit += __builtin_popcountll(visit[i]);
		}
		if (!n_visit)
			continue;
		int open = blob ? sqlite3_blob_reopen(blob, c)
				: sqlite3_blob_open(s->db, "main", "docval", "data", c, 0, &blob);
		int size = open == SQLITE_OK ? sqlite3_blob_bytes(blob) : 0;
		if (open != SQLITE_OK || size < DOCVAL_HEADER ||
		    sqlite3_blob_read(blob, header, DOCVAL_HEADER, 0) != SQLITE_OK) {
			rc = FACETS_FALLBACK;
			break;
		}
		uint32_t from = docval_offset(header, 0), to = docval_offset(header, DOCVAL_CHUNK);
		if (from != DOCVAL_HEADER || to > (uint32_t)size || to < from) {
			rc = FACETS_FALLBACK;
			break;
		}
		int whole = n_visit > WHOLE_CHUNK_AT;
		if (whole) {
			if (cap < to - from)
				buf = xrealloc(buf, cap = to - from);
			if (sqlite3_blob_read(blob, buf, (int)(to - from), (int)from) != SQLITE_OK) {
				rc = FACETS_FALLBACK;
				break;
			}
		}
		for (int i = 0; i < WORDS && rc == 0; i++)
			for (uint64_t m = visit[i]; m && rc == 0; m &= m - 1) {
				int b = __builtin_ctzll(m);
				size_t at = (size_t)i * 64 + (size_t)b;
				uint32_t a = docval_offset(header, at), e = docval_offset(header, at + 1);
				if (a < from || e < a || e > to) {
					rc = FACETS_FALLBACK;
					break;
				}
				if (e == a && !k->resolve)
					continue; /* no article, or none of its entities */
				const unsigned char *p;
				if (whole) {
					p = buf + (a - from);
				} else {
					if (cap < e - a)
						buf = xrealloc(buf, cap = e - a);
					if (e > a && sqlite3_blob_read(blob, buf, (int)(e - a), (int)a) !=
							     SQLITE_OK) {
						rc = FACETS_FALLBACK;
						break;
					}
					p = buf;
				}
				int in = (int)(w[i] >> b & 1);
				if (in && k->terms)
					in = article_passes(k, p, p + (e - a));
				if (k->resolve) {
					if (!in)
						k->resolve[c * WORDS + i] &= ~((uint64_t)1 << b);
					continue;
				}
				if (in == k->complement)
					continue;
				if (!(k->group ? count_grouped(k, c * DOCVAL_CHUNK + (int64_t)at, p,
							       p + (e - a))
					       : count_plain(k, p, p + (e - a))))
					rc = FACETS_FALLBACK;
			}
	}
	sqlite3_blob_close(blob);
	free(buf);
	return rc;
}

/* See facets_int.h. */
int64_t single_int(store *s, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Entities of the filter in at least this share of the store are tested
 * on each article's ids while counting (a bit each in counter.terms)
 * rather than read from the entity index: reading half a million index
 * rows out of SQLite took longer than the counting itself. */
#define SCAN_TERM_SHARE 32

/* See facets_int.h. */
double scan_terms(store *s, const query_filter *f, counter *k, int64_t max_article,
			 unsigned char *in_scan)
{
	size_t n_and = filter_parts_and(f), n_parts = filter_parts(f);
	int64_t ids[MAX_IDS];
	int bit = 0;
	double share = 1;
	for (size_t i = 0; i < n_parts && bit < 32; i++) {
		const filter_entity *e = filter_part_entity(f, i);
		if (!e)
			continue;
		int n = filter_entity_ids(s, e, ids);
		int64_t articles = n ? entity_articles(s, ids, n) : 0;
		if (n == 0 || articles < max_article / SCAN_TERM_SHARE)
			continue;
		if (!k->terms)
			k->terms = xcalloc((size_t)k->n_ids, sizeof *k->terms);
		for (int j = 0; j < n; j++)
			if (ids[j] > 0 && ids[j] < k->n_ids) {
				k->terms[ids[j]] |= (uint32_t)1 << bit;
				if ((uint64_t)ids[j] > k->max_term)
					k->max_term = (uint64_t)ids[j];
			}
		double p = max_article ? (double)articles / (double)max_article : 1;
		share *= i < n_and ? p : 1 - p;
		if (i < n_and)
			k->need |= (uint32_t)1 << bit;
		else
			k->forbid |= (uint32_t)1 << bit;
		in_scan[i] = 1;
		bit++;
	}
	return share;
}

/* See facets_int.h. */
int load_groups(store *s, counter *k)
{
	k->group = xmalloc((size_t)k->n_ids * sizeof *k->group);
	k->seen = xmalloc((size_t)k->n_ids * sizeof *k->seen);
	for (int64_t i = 0; i < k->n_ids; i++) {
		k->group[i] = i;
		k->seen[i] = -1;
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT id, canon, hidden FROM temp.entity_eff", -1, &st,
			       NULL) != SQLITE_OK)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0), canon = sqlite3_column_int64(st, 1);
		if (id > 0 && id < k->n_ids)
			k->group[id] = sqlite3_column_int(st, 2) || canon <= 0 || canon >= k->n_ids
					       ? 0
					       : canon;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* See facets_int.h. */
void counter_free(counter *k)
{
	free(k->terms);
	free(k->ids);
	free(k->ms);
	free(k->articles);
	free(k->extra);
	free(k->group);
	free(k->seen);
}

/* See query_int.h. */
uint64_t *filter_bitmap_exact(store *s, const query_filter *f, int64_t max_article, char **err)
{
	counter k = {0};
	k.n_ids = docval_ready(s->db) ? single_int(s, "SELECT coalesce(max(id), 0) + 1 FROM entity")
				      : 0;
	if (k.n_ids <= 0)
		return filter_bitmap(s, f, NULL, max_article, err);
	unsigned char *in_scan = xcalloc(filter_parts(f), 1);
	scan_terms(s, f, &k, max_article, in_scan);
	uint64_t *bits = filter_bitmap(s, f, in_scan, max_article, err);
	int rc = 0;
	if (bits && k.terms) {
		k.resolve = bits;
		rc = count_chunks(s, &k, bits, max_article);
	}
	free(in_scan);
	counter_free(&k);
	if (rc == 0)
		return bits;
	/* the doc values cannot answer: the terms from their index */
	free(bits);
	return filter_bitmap(s, f, NULL, max_article, err);
}
