/* fuzz_common.c: see fuzz_common.h. */
#include "config.h"

#include "fuzz_common.h"

#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ingest.h"
#include "paths.h"
#include "text.h"
#include "util.h"

char *fuzz_tempdir(const char *what)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = xasprintf("%s/lede-%s.XXXXXX", tmp && *tmp ? tmp : "/tmp", what);
	if (!mkdtemp(dir)) {
		perror(dir);
		abort();
	}
	return dir;
}

/* nftw callback of fuzz_remove: removes one entry, depth first. */
static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	remove(path);
	return 0;
}

void fuzz_remove(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

void fuzz_write_file(const char *path, const void *data, size_t n)
{
	if (paths_make_parent(path) != 0) {
		perror(path);
		abort();
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0) {
		perror(path);
		abort();
	}
	const char *p = data;
	while (n > 0) {
		ssize_t w = write(fd, p, n);
		if (w <= 0) {
			perror(path);
			abort();
		}
		p += w;
		n -= (size_t)w;
	}
	close(fd);
}

store *fuzz_store_from(const char *db, const char *state, const char *in)
{
	char *err = NULL;
	store *s = store_open(db, state, STORE_OPEN_CREATE, &err);
	if (!s) {
		fprintf(stderr, "fuzz: %s\n", err);
		abort();
	}
	/* One worker: the same code as on every core, and the machine's
	 * other core stays free for a second fuzzer. */
	ingest_options io = {.progress = 0, .jobs = 1};
	ingest_summary sum;
	char *paths[] = {(char *)in};
	if (ingest_paths(s, paths, 1, &io, &sum, &err) < 0) {
		fprintf(stderr, "fuzz: ingest: %s\n", err);
		abort();
	}
	return s;
}

/* What a list read collects: the ids to show. */
typedef struct list_seen {
	int64_t *ids;
	size_t n, cap;
} list_seen;

/* query_each callback: checks the row as `lede list` prints it. */
static int list_one(void *ctx, const article_row *r)
{
	list_seen *ls = ctx;
	if (r->id <= 0 || !r->title || !r->source)
		abort();
	for (const char *p = r->title; *p; p++)
		if ((unsigned char)*p < 0x20 && *p != '\t')
			abort();
	if (ls->n == ls->cap) {
		ls->cap = ls->cap ? 2 * ls->cap : 16;
		ls->ids = xrealloc(ls->ids, ls->cap * sizeof *ls->ids);
	}
	ls->ids[ls->n++] = r->id;
	return 0;
}

/* Makes a field printable line by line, as `lede show` does. */
static void show_field(const char *text)
{
	if (!text)
		return;
	char *safe = text_printable(text);
	free(safe);
}

/* Shows article id as `lede show` and `lede show --format json` do. */
static void show_one(store *s, int64_t id)
{
	article_full a;
	char *err = NULL;
	int found = query_article(s, id, NULL, &a, &err);
	if (found < 0) {
		fprintf(stderr, "fuzz: show %lld: %s\n", (long long)id, err);
		abort();
	}
	if (found == 0) {
		free(err);
		return;
	}
	const char *fields[] = {a.title, a.dateline, a.lede, a.caption, a.credit, a.body};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		show_field(fields[i]);
	for (size_t i = 0; i < a.n_mentions; i++) {
		const query_mention *m = &a.mentions[i];
		if (m->start < 0 || m->end <= m->start || !m->surface || !m->canonical)
			abort();
	}
	char *j = query_article_json(s, id, &err);
	if (!j) {
		fprintf(stderr, "fuzz: show --format json %lld: %s\n", (long long)id, err);
		abort();
	}
	free(j);
	if (!a.read)
		query_set_read(s, id, 1);
	article_full_free(&a);
}

/* What an entities read collects: the first names, to list by. */
typedef struct facets_seen {
	char *names[3];
	size_t n;
} facets_seen;

/* query_each_facet callback: checks the row as `lede entities` prints it. */
static int facet_one(void *ctx, const facet_row *r)
{
	facets_seen *fs = ctx;
	if (!r->name || r->articles <= 0 || r->mentions < r->articles)
		abort();
	if (fs->n < sizeof fs->names / sizeof fs->names[0])
		fs->names[fs->n++] = xstrdup(r->name);
	return 0;
}

long fuzz_read_all(store *s, const query_filter *f, int show_limit)
{
	list_seen ls = {NULL, 0, 0};
	char *err = NULL;
	if (query_each(s, f, list_one, &ls, &err) != 0) {
		free(err);
		free(ls.ids);
		return -1;
	}
	long n = (long)ls.n;
	int64_t count = query_count(s, f, &err);
	if (count != n) {
		fprintf(stderr, "fuzz: list gave %ld rows, count %lld\n", n, (long long)count);
		abort();
	}
	for (size_t i = 0; i < ls.n && (int)i < show_limit; i++)
		show_one(s, ls.ids[i]);
	free(ls.ids);
	facets_seen fs = {{NULL}, 0};
	if (query_each_facet(s, f, -1, NULL, facet_one, &fs, &err) != 0) {
		fprintf(stderr, "fuzz: entities: %s\n", err);
		abort();
	}
	for (size_t i = 0; i < fs.n; i++) {
		query_filter by;
		query_filter_copy(&by, f);
		filter_add(&by, fs.names[i], 0);
		list_seen le = {NULL, 0, 0};
		if (query_each(s, &by, list_one, &le, &err) != 0 || le.n == 0) {
			fprintf(stderr, "fuzz: list --entity '%s': %s\n", fs.names[i],
				err ? err : "no rows");
			abort();
		}
		free(le.ids);
		query_filter_free(&by);
		free(fs.names[i]);
	}
	return n;
}
