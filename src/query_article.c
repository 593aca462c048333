/* query_article.c: one article for reading (see query.h): its fields,
 * its mentions as the user sees them (edits applied, low-confidence ones
 * left out unless asked) in text order, and the same as one JSON object
 * for `lede show --format json`. */
#include "config.h"

#include "query_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

/* Finds the article held by a file path (absolute or as given). */
static int64_t article_for_path(store *s, const char *path)
{
	sqlite3_stmt *st;
	int64_t id = 0;
	char *abs = realpath(path, NULL);
	if (sqlite3_prepare_v2(s->db, "SELECT article_id FROM file WHERE path IN (?1, ?2)", -1,
			       &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, path, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, abs ? abs : path, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			id = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	free(abs);
	return id;
}


/* The entities of article ?1 with their spans, as the user sees them:
 * as stored, or with the edits applied (the merged-into entity, names
 * and types after edits, no hidden entities). Columns: entity_id, type,
 * name, spans. */
#define ENTITY_SPANS_PLAIN                                                                     \
	"SELECT ae.entity_id, e.type, e.name, ae.spans"                                        \
	" FROM article_entity ae JOIN entity e ON e.id = ae.entity_id"                         \
	" WHERE ae.article_id = ?1 AND (?2 OR " CONFIDENT_PLAIN ")"
#define ENTITY_SPANS_EDITED                                                                    \
	"SELECT coalesce(x.canon, ae.entity_id), coalesce(x.type, e.type),"                    \
	" coalesce(x.name, e.name), ae.spans"                                                  \
	" FROM article_entity ae JOIN entity e ON e.id = ae.entity_id"                         \
	" LEFT JOIN temp.entity_eff x ON x.id = ae.entity_id"                                  \
	" WHERE ae.article_id = ?1 AND NOT coalesce(x.hidden, 0)"                               \
	" AND (?2 OR " CONFIDENT_EDITED ")"

/* Reads the next integer of a spans array at *p (skipping brackets,
 * commas and spaces; spans hold non-negative integers); 0 at the end of
 * the text. */
static int next_span_number(const char **p, int64_t *v)
{
	const unsigned char *s = (const unsigned char *)*p;
	while (*s && !(*s >= '0' && *s <= '9'))
		s++;
	if (!*s)
		return 0;
	int64_t n = 0;
	while (*s >= '0' && *s <= '9' && n < INT64_MAX / 10)
		n = n * 10 + (*s++ - '0');
	*v = n;
	*p = (const char *)s;
	return 1;
}

/* A stretch of loaded mentions already in order (one entity's spans in
 * one field), while sort_mentions merges them. */
typedef struct mention_run {
	size_t at, end;
} mention_run;

/* Whether run a's next mention comes before run b's (field, then start,
 * then the earlier run: the entity loaded first). */
static int run_before(const query_mention *m, const mention_run *runs, size_t a, size_t b)
{
	const query_mention *x = &m[runs[a].at], *y = &m[runs[b].at];
	if (x->field != y->field)
		return x->field < y->field;
	if (x->start != y->start)
		return x->start < y->start;
	return a < b;
}

/* Restores the heap of run indexes below position i. */
static void run_heap_down(const query_mention *m, const mention_run *runs, size_t *heap,
			  size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, r = l + 1, min = i;
		if (l < n && run_before(m, runs, heap[l], heap[min]))
			min = l;
		if (r < n && run_before(m, runs, heap[r], heap[min]))
			min = r;
		if (min == i)
			return;
		size_t t = heap[i];
		heap[i] = heap[min];
		heap[min] = t;
		i = min;
	}
}

/* Puts an article's mentions in order of field, then start (then by
 * entity, as loaded). They come as each entity's spans in reading order,
 * so they are runs already in order, merged here through a heap: sorting
 * them took a third of showing a long article. */
static void sort_mentions(article_full *a)
{
	size_t n = a->n_mentions, nruns = 0, cap = 0;
	const query_mention *m = a->mentions;
	mention_run *runs = NULL;
	for (size_t i = 0; i < n; i++) {
		if (i == 0 || m[i].entity_id != m[i - 1].entity_id || m[i].field != m[i - 1].field ||
		    m[i].start < m[i - 1].start) {
			if (nruns == cap) {
				cap = cap ? cap * 2 : 16;
				runs = xrealloc(runs, cap * sizeof *runs);
			}
			runs[nruns++] = (mention_run){i, i};
		}
		runs[nruns - 1].end = i + 1;
	}
	if (nruns < 2) {
		free(runs);
		return;
	}
	size_t *heap = xmalloc(nruns * sizeof *heap), nh = nruns;
	for (size_t i = 0; i < nruns; i++)
		heap[i] = i;
	for (size_t i = nh / 2; i-- > 0;)
		run_heap_down(m, runs, heap, nh, i);
	query_mention *sorted = xmalloc(n * sizeof *sorted);
	for (size_t o = 0; o < n; o++) {
		mention_run *r = &runs[heap[0]];
		sorted[o] = m[r->at++];
		if (r->at == r->end)
			heap[0] = heap[--nh];
		run_heap_down(m, runs, heap, nh, 0);
	}
	free(heap);
	free(runs);
	free(a->mentions);
	a->mentions = sorted;
}

/* Loads the mentions of an article in reading order: each [field, start,
 * end] of its article_entity spans, with the text it covers cut from the
 * field already loaded (offsets are bytes, clamped to the field as
 * substr would). Cut here, not in SQL: SQL reads the field again for each
 * mention, which made a long article cost the square of its length. The
 * strings are one name per entity and one block of texts, not two
 * allocations per mention. */
static int load_mentions(store *s, article_full *a)
{
	sqlite3_stmt *st;
	const char *sql = query_edits_active(s) ? ENTITY_SPANS_EDITED : ENTITY_SPANS_PLAIN;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_int64(st, 1, a->id);
	sqlite3_bind_int(st, 2, s->all_entities);
	/* indexed by article_field: body, title, lede, caption, credit */
	const char *const text[5] = {a->body, a->title, a->lede, a->caption, a->credit};
	int64_t len[5];
	for (int i = 0; i < 5; i++)
		len[i] = text[i] ? (int64_t)strlen(text[i]) : 0;
	size_t cap = 0, text_bytes = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t entity_id = sqlite3_column_int64(st, 0);
		int t = entity_type_parse((const char *)sqlite3_column_text(st, 1));
		const char *name = (const char *)sqlite3_column_text(st, 2);
		const char *p = (const char *)sqlite3_column_text(st, 3);
		char *shared = NULL;
		if (name) {
			sl_push(&a->mention_names, name);
			shared = a->mention_names.v[a->mention_names.n - 1];
		}
		int64_t f, b, e;
		while (p && next_span_number(&p, &f) && next_span_number(&p, &b) &&
		       next_span_number(&p, &e)) {
			if (a->n_mentions == cap) {
				cap = cap ? cap * 2 : 32;
				a->mentions = xrealloc(a->mentions, cap * sizeof *a->mentions);
			}
			query_mention *m = &a->mentions[a->n_mentions++];
			m->entity_id = entity_id;
			m->type = t < 0 ? ENT_ORG : (entity_type)t;
			m->field = (article_field)(f < 5 ? f : 4);
			m->start = b;
			m->end = e;
			m->surface = NULL; /* cut below, when the block is made */
			m->canonical = shared;
			if (text[m->field]) {
				int64_t from = b > len[m->field] ? len[m->field] : b;
				int64_t to = e < from ? from : e > len[m->field] ? len[m->field] : e;
				text_bytes += (size_t)(to - from) + 1;
			}
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	char *w = a->mention_text = xmalloc(text_bytes + 1);
	for (size_t i = 0; i < a->n_mentions; i++) {
		query_mention *m = &a->mentions[i];
		const char *ft = text[m->field];
		if (!ft)
			continue;
		int64_t from = m->start > len[m->field] ? len[m->field] : m->start;
		int64_t to = m->end < from ? from : m->end > len[m->field] ? len[m->field] : m->end;
		memcpy(w, ft + from, (size_t)(to - from));
		m->surface = w;
		w += to - from;
		*w++ = '\0';
	}
	sort_mentions(a);
	return 0;
}

/* Loads one article with its files, marks and mentions. */
int query_article(store *s, int64_t id, const char *path, article_full *out, char **err)
{
	memset(out, 0, sizeof *out);
	sl_init(&out->paths);
	sl_init(&out->mention_names);
	if (!id && path)
		id = article_for_path(s, path);
	if (!id)
		return 0;
	const char *sql = s->has_state
				  ? "SELECT a.id, a.date, a.title, a.dateline, a.lede, a.caption,"
				    " a.credit, a.body, a.lang, a.hash,"
				    " coalesce(m.read, 0), coalesce(m.starred, 0)"
				    " FROM article a LEFT JOIN state.mark m ON m.hash = a.hash"
				    " WHERE a.id = ?1"
				  : "SELECT a.id, a.date, a.title, a.dateline, a.lede, a.caption,"
				    " a.credit, a.body, a.lang, a.hash, 0, 0 FROM article a"
				    " WHERE a.id = ?1";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	int found = sqlite3_step(st) == SQLITE_ROW;
	if (found) {
		out->id = sqlite3_column_int64(st, 0);
		const char *d = (const char *)sqlite3_column_text(st, 1);
		snprintf(out->date, sizeof out->date, "%s", d ? d : "");
		out->title = column_dup(st, 2);
		out->dateline = column_dup(st, 3);
		out->lede = column_dup(st, 4);
		out->caption = column_dup(st, 5);
		out->credit = column_dup(st, 6);
		out->body = column_dup(st, 7);
		out->lang = column_dup(st, 8);
		out->hash = column_dup(st, 9);
		out->read = sqlite3_column_int(st, 10);
		out->starred = sqlite3_column_int(st, 11);
	}
	sqlite3_finalize(st);
	if (!found)
		return 0;
	if (sqlite3_prepare_v2(s->db, "SELECT path FROM file WHERE article_id = ?1 ORDER BY path",
			       -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, id);
		while (sqlite3_step(st) == SQLITE_ROW)
			sl_push(&out->paths, (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	if (load_mentions(s, out)) {
		*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
		article_full_free(out);
		return -1;
	}
	return 1;
}

/* Frees an article loaded by query_article. */
void article_full_free(article_full *a)
{
	free(a->title);
	free(a->dateline);
	free(a->lede);
	free(a->caption);
	free(a->credit);
	free(a->body);
	free(a->lang);
	free(a->hash);
	sl_free(&a->paths);
	free(a->mentions);
	sl_free(&a->mention_names);
	free(a->mention_text);
	memset(a, 0, sizeof *a);
}

/* Appends s as a JSON string (null for NULL), escaped as SQLite's JSON
 * functions escape it, so that the output is the same as theirs. */
static void json_add_string(strbuf *b, const char *s)
{
	static const char special[32] = {['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n',
					 ['\f'] = 'f', ['\r'] = 'r'};
	if (!s) {
		sb_adds(b, "null");
		return;
	}
	sb_addc(b, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\') {
			sb_addc(b, '\\');
			sb_addc(b, (char)*p);
		} else if (*p < 0x20 && special[*p]) {
			sb_addc(b, '\\');
			sb_addc(b, special[*p]);
		} else if (*p < 0x20) {
			sb_printf(b, "\\u%04x", *p);
		} else {
			sb_addc(b, (char)*p);
		}
	}
	sb_addc(b, '"');
}

/* The article's fields as JSON, by SQLite's JSON functions, with an
 * empty mentions array that query_article_json_of fills. A file name
 * that is not valid UTF-8 is in "paths" with U+FFFD, and then
 * "paths_hex" gives each name's bytes (null for valid ones): README. */
#define ARTICLE_JSON_SQL                                                                       \
	"SELECT iif(h IS NULL, o, json_insert(o, '$.paths_hex', json(h))) FROM"               \
	" (SELECT (SELECT iif(max(lede_utf8(path) IS NOT path),"                                \
	"   json_group_array(iif(lede_utf8(path) IS path, NULL, hex(path))), NULL) FROM"        \
	"   (SELECT path FROM file WHERE article_id = a.id ORDER BY path)) AS h,"               \
	" json_object("                                                                         \
	" 'id', a.id, 'date', nullif(a.date, ''), 'title', a.title,"                            \
	" 'dateline', a.dateline, 'lede', a.lede, 'caption', a.caption,"                        \
	" 'credit', a.credit, 'lang', a.lang, 'body', a.body,"                                  \
	" 'paths', (SELECT json_group_array(lede_utf8(path)) FROM"                              \
	"   (SELECT path FROM file WHERE article_id = a.id ORDER BY path)),"                    \
	" 'mentions', json('[]')) AS o"                                                         \
	" FROM article a WHERE a.id = ?1)"

/* See query.h. The article's fields by SQLite (ARTICLE_JSON_SQL), then
 * its mentions written into the empty array here: an SQL call per
 * mention (or SQLite reading back an array made here) cost more than
 * the rest of the article. */
char *query_article_json_of(store *s, const article_full *a, char **err)
{
	static const char *const field_names[] = {"body", "title", "lede", "caption", "credit"};
	static const char empty[] = ",\"mentions\":[]";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, ARTICLE_JSON_SQL, -1, &st, NULL) != SQLITE_OK) {
		*err = xasprintf("query failed: %s", sqlite3_errmsg(s->db));
		return NULL;
	}
	sqlite3_bind_int64(st, 1, a->id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		*err = xasprintf("no article %lld", (long long)a->id);
		sqlite3_finalize(st);
		return NULL;
	}
	const char *o = (const char *)sqlite3_column_text(st, 0);
	size_t olen = (size_t)sqlite3_column_bytes(st, 0), at = olen;
	/* the last one: quotes inside strings are escaped, and only
	 * paths_hex (hex digits) may follow it */
	for (size_t i = olen >= sizeof empty - 1 ? olen - (sizeof empty - 1) + 1 : 0; i-- > 0;)
		if (memcmp(o + i, empty, sizeof empty - 1) == 0) {
			at = i + sizeof empty - 2; /* before the closing bracket */
			break;
		}
	if (at == olen) {
		*err = xasprintf("query failed: no mentions in the article's JSON");
		sqlite3_finalize(st);
		return NULL;
	}
	strbuf j;
	sb_init(&j);
	sb_add(&j, o, at);
	for (size_t i = 0; i < a->n_mentions; i++) {
		const query_mention *m = &a->mentions[i];
		sb_adds(&j, i ? ",{\"type\":" : "{\"type\":");
		json_add_string(&j, entity_type_name(m->type));
		sb_adds(&j, ",\"text\":");
		json_add_string(&j, m->surface);
		sb_printf(&j, ",\"field\":\"%s\",\"start\":%lld,\"end\":%lld,\"entity\":",
			  field_names[m->field < 5 ? m->field : 4], (long long)m->start,
			  (long long)m->end);
		json_add_string(&j, m->canonical);
		sb_addc(&j, '}');
	}
	sb_add(&j, o + at, olen - at);
	sqlite3_finalize(st);
	return sb_detach(&j);
}

/* The article as JSON (see query_article_json_of). */
char *query_article_json(store *s, int64_t id, char **err)
{
	article_full a;
	int found = query_article(s, id, NULL, &a, err);
	if (found <= 0) {
		if (!found)
			*err = xasprintf("no article %lld", (long long)id);
		return NULL;
	}
	char *json = query_article_json_of(s, &a, err);
	article_full_free(&a);
	return json;
}
