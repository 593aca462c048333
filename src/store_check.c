/* store_check.c: the store's self-check (`lede check`): SQLite's own
 * integrity check, then what the store keeps derived from article_entity
 * compared with the rows: the doc values (docval.h) chunk by chunk, the
 * counts on each entity row (articles, mentions, evidence, guessed,
 * strays) and the number of articles in meta. And their rebuild from the
 * rows (`lede check --rebuild`). */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docval.h"
#include "store.h"
#include "store_int.h"
#include "util.h"

/* Articles of one chunk whose doc values differ that are described;
 * the rest of the chunk is counted in one line. */
#define DESCRIBED_PER_CHUNK 3

/* Where problems go, and how many there were. */
typedef struct checker {
	store_problem_fn fn;
	void *ctx;
	int64_t problems;
} checker;

/* Reports one problem (a line it frees). */
static void problem(checker *ck, char *line)
{
	ck->problems++;
	ck->fn(ck->ctx, line);
	free(line);
}

/* Appends an article's entities (its bytes p..end in a chunk) as
 * "id" or "id x mentions", separated by commas; "(malformed)" when they
 * cannot be read. */
static void describe_entities(strbuf *out, const unsigned char *p, const unsigned char *end)
{
	uint64_t id = 0, v, m;
	int first = 1;
	if (p == end)
		sb_adds(out, "none");
	while (p < end) {
		if (!docval_varint(&p, end, &v)) {
			sb_adds(out, " (malformed)");
			return;
		}
		id += v >> 1;
		m = 1;
		if ((v & 1) && !docval_varint(&p, end, &m)) {
			sb_adds(out, " (malformed)");
			return;
		}
		sb_printf(out, first ? "%llu" : ", %llu", (unsigned long long)id);
		if (m != 1)
			sb_printf(out, " x %llu", (unsigned long long)m);
		first = 0;
	}
}

/* True when a chunk's header is whole: offsets from the header's end,
 * ascending, within the blob. */
static int header_ok(const unsigned char *blob, size_t len)
{
	if (len < DOCVAL_HEADER || docval_offset(blob, 0) != DOCVAL_HEADER)
		return 0;
	for (size_t i = 1; i <= DOCVAL_CHUNK; i++)
		if (docval_offset(blob, i) < docval_offset(blob, i - 1) ||
		    docval_offset(blob, i) > len)
			return 0;
	return 1;
}

/* Compares chunk c as stored (blob, len; NULL when missing) with the
 * chunk packed from its rows (want), reporting each article that
 * differs. */
static void compare_chunk(checker *ck, int64_t c, const unsigned char *blob, size_t len,
			  const strbuf *want)
{
	int64_t base = c << DOCVAL_CHUNK_BITS;
	if (blob && len == want->len && memcmp(blob, want->s, len) == 0)
		return;
	if (!blob) {
		problem(ck, xasprintf("doc values: chunk %lld (articles %lld-%lld) is missing", (long long)c,
			(long long)base, (long long)(base + DOCVAL_CHUNK - 1)));
		return;
	}
	if (!header_ok(blob, len)) {
		problem(ck, xasprintf("doc values: chunk %lld (articles %lld-%lld) is malformed (its header)",
			(long long)c, (long long)base, (long long)(base + DOCVAL_CHUNK - 1)));
		return;
	}
	const unsigned char *w = (const unsigned char *)want->s;
	int described = 0, more = 0;
	for (size_t i = 0; i < DOCVAL_CHUNK; i++) {
		uint32_t a = docval_offset(blob, i), e = docval_offset(blob, i + 1);
		uint32_t wa = docval_offset(w, i), we = docval_offset(w, i + 1);
		if (e - a == we - wa && memcmp(blob + a, w + wa, e - a) == 0)
			continue;
		if (described == DESCRIBED_PER_CHUNK) {
			more++;
			continue;
		}
		strbuf d;
		sb_init(&d);
		sb_printf(&d, "doc values: article %lld: stored entities ", (long long)(base + (int64_t)i));
		describe_entities(&d, blob + a, blob + e);
		sb_adds(&d, "; article_entity has ");
		describe_entities(&d, w + wa, w + we);
		problem(ck, sb_detach(&d));
		described++;
	}
	if (more)
		problem(ck, xasprintf("doc values: %d more articles of chunk %lld differ", more, (long long)c));
	if (!described && !more)
		problem(ck, xasprintf("doc values: chunk %lld has bytes past its last article", (long long)c));
}

/* What an entity row keeps, and what its article_entity rows say. */
typedef struct entity_counts {
	int64_t kept[5], rows[5];  /* articles, mentions, evidence, guessed, strays */
	char type[4];
} entity_counts;

static const char *const count_names[5] = {"articles", "mentions", "evidence", "guessed",
					    "strays"};

/* Reads every entity row's kept counts into a new array by id (*n ids). */
static entity_counts *load_entities(store *s, int64_t *n)
{
	int64_t max = store_query_int(s->db, "SELECT coalesce(max(id), 0) FROM entity");
	if (max < 0)
		return NULL;
	entity_counts *v = xcalloc((size_t)max + 1, sizeof *v);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT id, type, articles, mentions, evidence, guessed, strays"
			       " FROM entity",
			       -1, &st, NULL) != SQLITE_OK) {
		free(v);
		return NULL;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		if (id < 0 || id > max)
			continue;
		const char *t = (const char *)sqlite3_column_text(st, 1);
		snprintf(v[id].type, sizeof v[id].type, "%s", t ? t : "");
		for (int k = 0; k < 5; k++)
			v[id].kept[k] = sqlite3_column_int64(st, 2 + k);
	}
	sqlite3_finalize(st);
	*n = max + 1;
	return v;
}

/* Walks article_entity once in key order: packs each chunk's doc values
 * and compares them with the stored ones (skipping those docval_dirty
 * names: a writer rebuilds them), and sums each entity's rows into ec. */
static int check_rows(store *s, checker *ck, entity_counts *ec, int64_t n_ids)
{
	sqlite3_stmt *rows = NULL, *blob = NULL, *dirty = NULL;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT article_id, entity_id, mentions, evidence, guess FROM"
			       " article_entity ORDER BY article_id, entity_id",
			       -1, &rows, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "SELECT data FROM docval WHERE chunk = ?1", -1, &blob, NULL) !=
		    SQLITE_OK ||
	    sqlite3_prepare_v2(s->db, "SELECT 1 FROM docval_dirty WHERE chunk = ?1", -1, &dirty,
			       NULL) != SQLITE_OK) {
		sqlite3_finalize(rows);
		sqlite3_finalize(blob);
		return -1;
	}
	int64_t last_chunk = store_query_int(s->db, "SELECT max((SELECT coalesce(max(id), 0)"
						    " FROM article) >> 9, (SELECT coalesce(max(chunk),"
						    " 0) FROM docval))");
	strbuf want;
	sb_init(&want);
	docval_pack pk;
	int64_t c = 0;
	int rc = sqlite3_step(rows), bad_order = 0;
	for (; c <= last_chunk; c++) {
		docval_pack_begin(&pk, &want, c);
		for (; rc == SQLITE_ROW; rc = sqlite3_step(rows)) {
			int64_t art = sqlite3_column_int64(rows, 0), id = sqlite3_column_int64(rows, 1);
			if (art >> DOCVAL_CHUNK_BITS != c)
				break;
			int64_t m = sqlite3_column_int64(rows, 2);
			const char *guess = (const char *)sqlite3_column_text(rows, 4);
			if (docval_pack_add(&pk, art, id, m))
				bad_order = 1;
			if (id <= 0 || id >= n_ids) {
				problem(ck, xasprintf("article %lld: a row names entity %lld, which does not exist",
					(long long)art, (long long)id));
				continue;
			}
			entity_counts *e = &ec[id];
			e->rows[0]++;
			e->rows[1] += m;
			e->rows[2] += sqlite3_column_int64(rows, 3);
			e->rows[3] += guess != NULL;
			e->rows[4] += guess && strcmp(guess, e->type) != 0;
		}
		docval_pack_end(&pk);
		sqlite3_bind_int64(dirty, 1, c);
		int waits = sqlite3_step(dirty) == SQLITE_ROW;
		sqlite3_reset(dirty);
		if (waits)
			continue;
		sqlite3_bind_int64(blob, 1, c);
		if (sqlite3_step(blob) == SQLITE_ROW)
			compare_chunk(ck, c, sqlite3_column_blob(blob, 0),
				      (size_t)sqlite3_column_bytes(blob, 0), &want);
		else if (c <= last_chunk)
			compare_chunk(ck, c, NULL, 0, &want);
		sqlite3_reset(blob);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			break;
	}
	if (bad_order)
		problem(ck, xasprintf("article_entity: rows out of key order (see the integrity check)"));
	sb_free(&want);
	sqlite3_finalize(rows);
	sqlite3_finalize(blob);
	sqlite3_finalize(dirty);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

/* See store.h. */
int64_t store_check(store *s, store_problem_fn fn, void *ctx, int64_t *pending, char **err)
{
	checker ck = {fn, ctx, 0};
	sqlite3_stmt *st;
	*err = NULL;
	*pending = 0;
	if (sqlite3_prepare_v2(s->db, "PRAGMA main.integrity_check", -1, &st, NULL) != SQLITE_OK) {
		*err = xasprintf("%s: cannot check the store: %s", s->path, sqlite3_errmsg(s->db));
		return -1;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *line = (const char *)sqlite3_column_text(st, 0);
		if (line && strcmp(line, "ok") != 0)
			problem(&ck, xasprintf("sqlite: %s", line));
	}
	sqlite3_finalize(st);
	if (ck.problems)
		return ck.problems; /* the rows themselves are not to be trusted */
	if (store_read_begin(s)) {
		*err = xasprintf("%s: cannot read the store: %s", s->path, sqlite3_errmsg(s->db));
		return -1;
	}
	int64_t n_ids = 0;
	entity_counts *ec = load_entities(s, &n_ids);
	int rc = ec ? check_rows(s, &ck, ec, n_ids) : -1;
	for (int64_t id = 1; rc == 0 && id < n_ids; id++)
		for (int k = 0; k < 5; k++)
			if (ec[id].kept[k] != ec[id].rows[k])
				problem(&ck, xasprintf("entity %lld: %s %lld kept, %lld in its article_entity rows",
					(long long)id, count_names[k], (long long)ec[id].kept[k],
					(long long)ec[id].rows[k]));
	int64_t kept = store_query_int(s->db, "SELECT value FROM meta WHERE key = 'articles'"),
		have = store_query_int(s->db, "SELECT count(*) FROM article");
	if (rc == 0 && kept != have)
		problem(&ck, xasprintf("meta: %lld articles kept, %lld in the article table", (long long)kept,
			(long long)have));
	*pending = store_query_int(s->db, "SELECT count(*) FROM docval_dirty");
	store_read_end(s);
	free(ec);
	if (rc) {
		*err = xasprintf("%s: cannot read the store: %s", s->path, sqlite3_errmsg(s->db));
		return -1;
	}
	return ck.problems;
}

/* See store.h. */
int store_rebuild_derived(store *s, char **err)
{
	*err = NULL;
	if (s->readonly) {
		*err = xasprintf("%s: read-only: cannot rebuild", s->path);
		return -1;
	}
	if (store_ingest_lock(s, err))
		return -1;
	char *msg = NULL;
	int rc = store_exec(s->db, "BEGIN IMMEDIATE", &msg);
	if (rc == 0 && docval_rebuild(s->db) != 0)
		rc = -1;
	/* each entity's counts, from its rows */
	if (rc == 0)
		rc = store_exec(s->db,
				"UPDATE entity SET articles = 0, mentions = 0, evidence = 0,"
				" guessed = 0, strays = 0;"
				"WITH g AS (SELECT ae.entity_id AS id, count(*) AS n,"
				"  sum(ae.mentions) AS m, sum(ae.evidence) AS ev,"
				"  count(ae.guess) AS gu, sum(ae.guess IS NOT NULL"
				"  AND ae.guess <> e.type) AS st"
				"  FROM article_entity ae JOIN entity e ON e.id = ae.entity_id"
				"  GROUP BY ae.entity_id)"
				" UPDATE entity SET articles = g.n, mentions = g.m, evidence = g.ev,"
				"  guessed = g.gu, strays = g.st FROM g WHERE g.id = entity.id;"
				"UPDATE meta SET value = (SELECT count(*) FROM article)"
				" WHERE key = 'articles';"
				"COMMIT",
				&msg);
	if (rc) {
		if (!msg)
			msg = xstrdup(sqlite3_errmsg(s->db));
		store_exec(s->db, "ROLLBACK", NULL);
		*err = xasprintf("%s: cannot rebuild the doc values and counts: %s", s->path, msg);
		free(msg);
	}
	store_ingest_unlock(s);
	return rc;
}
