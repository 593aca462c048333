/* cli_read.c: the commands that read articles: list (streamed page by
 * page), show, stats, timeline and related. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "text.h"
#include "related.h"
#include "timeline.h"

/* Output state of `lede list`. */
typedef struct list_out {
	int json;
	int64_t n;
	sqlite3_stmt *obj;  /* SELECT json_object(...) with bound values */
	int write_errno;    /* why writing the list failed, 0 while it did not */
} list_out;

/* Prints one list row as TSV or a JSON array element. */
static int list_row(void *ctx, const article_row *r)
{
	list_out *lo = ctx;
	if (!lo->json) {
		char *title = text_printable(r->title);
		char *source = text_escaped(r->source ? r->source : "", 0);
		printf("%lld\t%s\t%s\t%s\n", (long long)r->id, r->date, title, source);
		free(title);
		free(source);
		lo->n++;
		return 0;
	}
	sqlite3_reset(lo->obj);
	sqlite3_bind_int64(lo->obj, 1, r->id);
	if (r->date[0])
		sqlite3_bind_text(lo->obj, 2, r->date, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(lo->obj, 2);
	sqlite3_bind_text(lo->obj, 3, r->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(lo->obj, 4, r->source, -1, SQLITE_STATIC);
	sqlite3_bind_int(lo->obj, 5, r->read);
	sqlite3_bind_int(lo->obj, 6, r->starred);
	if (sqlite3_step(lo->obj) == SQLITE_ROW)
		printf("%s%s", lo->n ? ",\n" : "[\n", (const char *)sqlite3_column_text(lo->obj, 0));
	lo->n++;
	return 0;
}

/* Writes one page of the list and sends it on at once: the first rows of
 * a long list reach a pipe (`| head`) while the rest is read. A write
 * that fails stops the list: a reader that went away (EPIPE, when
 * SIGPIPE is ignored; by default the signal ends lede as it ends any
 * tool) ends it quietly, anything else is an error (list_out.write_errno). */
static int list_page(void *ctx, const article_row *rows, int n)
{
	list_out *lo = ctx;
	for (int i = 0; i < n; i++) {
		list_row(lo, &rows[i]);
		/* stdio writes when its buffer fills: errno is that write's */
		if (ferror(stdout))
			break;
	}
	if (!ferror(stdout) && fflush(stdout) == 0)
		return 0;
	lo->write_errno = errno ? errno : EIO;
	return 1;
}

/* The start of a command that reads the articles the filter options
 * let through: --format (tsv or json), no positional argument, the
 * store, --search checked. The store, or NULL with *status. */
static store *open_filtered(cli_opts *o, const char *cmd, int *json, int *status)
{
	if (cli_format_is_json(o, "tsv", json)) {
		*status = cli_usage_error("invalid --format '%s' (tsv or json)", o->format);
		return NULL;
	}
	if (o->args.n) {
		char *fmt = xasprintf("%s: unexpected argument '%%s'", cmd);
		*status = cli_usage_error(fmt, o->args.v[0]);
		free(fmt);
		return NULL;
	}
	store *s = cli_open_store(o, 0);
	if (!s) {
		*status = EXIT_INPUT;
		return NULL;
	}
	*status = cli_check_search(s, o);
	if (*status >= 0)
		return NULL;
	/* the entities named, resolved to ids once for every page */
	char *err = NULL;
	if (query_filter_resolve(s, &o->filter, &err) != 0) {
		cli_print_error(err);
		store_close(s);
		*status = EXIT_INPUT;
		return NULL;
	}
	return s;
}

/* lede list */
int cmd_list(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	list_out lo = {0, 0, NULL, 0};
	int status;
	store *s = open_filtered(o, "list", &lo.json, &status);
	if (!s)
		return status;
	char *err = NULL;
	/* A file name that is not valid UTF-8 would make the JSON invalid:
	 * "source" gets it with U+FFFD, "source_hex" its bytes (README). */
	if (lo.json)
		sqlite3_prepare_v2(s->db,
				   "SELECT iif(lede_utf8(?4) IS ?4, o,"
				   "  json_insert(o, '$.source_hex', hex(?4))) FROM"
				   " (SELECT json_object('id', ?1, 'date', ?2, 'title', ?3,"
				   " 'source', lede_utf8(?4), 'read', json(iif(?5, 'true', 'false')),"
				   " 'starred', json(iif(?6, 'true', 'false'))) AS o)",
				   -1, &lo.obj, NULL);
	int rc = query_each_page(s, &o->filter, list_page, &lo, &err);
	if (lo.json && rc == 0 && !lo.write_errno)
		puts(lo.n ? "\n]" : "[]");
	sqlite3_finalize(lo.obj);
	store_close(s);
	if (rc) {
		cli_print_error(err);
		return EXIT_INPUT;
	}
	if (!lo.write_errno && fflush(stdout) != 0)
		lo.write_errno = errno ? errno : EIO;
	if (lo.write_errno == EPIPE)
		return EXIT_OK; /* the reader has what it wanted (`| head`) */
	if (lo.write_errno) {
		fprintf(stderr, "lede: list: cannot write the output: %s\n", strerror(lo.write_errno));
		return EXIT_INPUT;
	}
	return EXIT_OK;
}

/* Prints a field's text line by line, each line made printable. */
static void print_block(const char *label, const char *text)
{
	if (!text || !*text)
		return;
	if (label)
		fputs(label, stdout);
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = xstrndup(p, n);
		char *safe = text_printable(line);
		puts(safe);
		free(safe);
		free(line);
		p += n;
		if (*p == '\n')
			p++;
	}
}

/* lede show ID|PATH */
int cmd_show(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	int json;
	if (cli_format_is_json(o, "text", &json))
		return cli_usage_error("invalid --format '%s' (text or json)", o->format);
	if (o->args.n != 1)
		return cli_usage_message("show: expected one article ID or file PATH");
	if (cli_has_blank_arg(o, "show"))
		return EXIT_USAGE;
	store *s = cli_open_store(o, 0);
	if (!s)
		return EXIT_INPUT;
	const char *arg = o->args.v[0];
	int64_t id = cli_parse_id(arg);
	article_full a;
	char *err = NULL;
	int found = query_article(s, id > 0 ? id : 0, id > 0 ? NULL : arg, &a, &err);
	if (found <= 0) {
		if (found < 0) {
			cli_print_error(err);
		} else {
			char *shown = text_escaped(arg, ECHO_COLS);
			char *where = text_escaped(s->path, 0);
			fprintf(stderr, "lede: %s: no such article in %s\n", shown, where);
			free(shown);
			free(where);
		}
		store_close(s);
		return EXIT_INPUT;
	}
	if (json) {
		char *j = query_article_json_of(s, &a, &err);
		if (!j) {
			cli_print_error(err);
			article_full_free(&a);
			store_close(s);
			return EXIT_INPUT;
		}
		puts(j);
		free(j);
	} else {
		print_block(NULL, a.title);
		if (a.date[0])
			printf("Date: %s\n", a.date);
		print_block("Dateline: ", a.dateline);
		for (size_t i = 0; i < a.paths.n; i++) {
			char *path = text_escaped(a.paths.v[i], 0);
			printf("File: %s\n", path);
			free(path);
		}
		if (a.caption || a.credit) {
			putchar('\n');
			print_block("Photo: ", a.caption);
			print_block("Credit: ", a.credit);
		}
		if (a.lede) {
			putchar('\n');
			print_block(NULL, a.lede);
		}
		putchar('\n');
		print_block(NULL, a.body);
	}
	if (!a.read)
		query_set_read(s, a.id, 1);
	article_full_free(&a);
	store_close(s);
	return EXIT_OK;
}

/* lede stats */
int cmd_stats(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	if (o->args.n)
		return cli_usage_error("stats: unexpected argument '%s'", o->args.v[0]);
	store *s = cli_open_store(o, 0);
	if (!s)
		return EXIT_INPUT;
	store_stats st;
	char *err = NULL;
	if (query_stats(s, &st, &err)) {
		cli_print_error(err);
		store_close(s);
		return EXIT_INPUT;
	}
	char *path = text_escaped(s->path, 0);
	printf("store\t%s%s\n", path, s->readonly ? " (read-only)" : "");
	free(path);
	printf("articles\t%lld\n", (long long)st.articles);
	printf("files\t%lld\n", (long long)st.files);
	printf("entities\t%lld\t(PER %lld, ORG %lld, LOC %lld)\n", (long long)st.entities,
	       (long long)st.per, (long long)st.org, (long long)st.loc);
	printf("mentions\t%lld\n", (long long)st.mentions);
	printf("dates\t%s .. %s\n", st.oldest[0] ? st.oldest : "-", st.newest[0] ? st.newest : "-");
	printf("read\t%lld\n", (long long)st.read);
	printf("starred\t%lld\n", (long long)st.starred);
	printf("bytes\t%lld\n", (long long)st.db_bytes);
	if (st.articles)
		printf("bytes/article\t%lld\n", (long long)(st.db_bytes / st.articles));
	store_close(s);
	return EXIT_OK;
}

/* lede timeline */
int cmd_timeline(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	int json, status;
	store *s = open_filtered(o, "timeline", &json, &status);
	if (!s)
		return status;
	char *err = NULL;
	timeline t;
	if (query_timeline(s, &o->filter, (timeline_by)o->by, &t, &err) < 0) {
		cli_print_error(err);
		store_close(s);
		return EXIT_INPUT;
	}
	if (json) {
		printf("{\"by\": \"%s\", \"undated\": %lld, \"imprecise\": %lld, \"periods\": [",
		       timeline_by_name(t.by), (long long)t.undated, (long long)t.imprecise);
		for (size_t i = 0; i < t.n; i++)
			printf("%s\n  {\"period\": \"%s\", \"first\": \"%s\", \"last\": \"%s\","
			       " \"articles\": %lld}",
			       i ? "," : "", t.periods[i].name, t.periods[i].first, t.periods[i].last,
			       (long long)t.periods[i].articles);
		puts(t.n ? "\n]}" : "]}");
	} else {
		for (size_t i = 0; i < t.n; i++)
			printf("%s\t%s\t%s\t%lld\n", t.periods[i].name, t.periods[i].first,
			       t.periods[i].last, (long long)t.periods[i].articles);
		if (t.undated || t.imprecise)
			fprintf(stderr,
			        "lede: timeline: not counted: %lld undated, %lld dated less precisely"
			        " than a %s\n",
			        (long long)t.undated, (long long)t.imprecise, timeline_by_name(t.by));
	}
	timeline_free(&t);
	store_close(s);
	if (fflush(stdout) != 0 && errno != EPIPE) {
		fprintf(stderr, "lede: timeline: cannot write the output: %s\n", strerror(errno));
		return EXIT_INPUT;
	}
	return EXIT_OK;
}


/* lede related ID */
int cmd_related(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	int json;
	if (cli_format_is_json(o, "tsv", &json))
		return cli_usage_error("invalid --format '%s' (tsv or json)", o->format);
	if (o->args.n != 1)
		return cli_usage_message("related: expected one article ID");
	int64_t id = cli_parse_id(o->args.v[0]);
	if (id <= 0)
		return cli_usage_error("related: invalid article ID '%s'", o->args.v[0]);
	store *s = cli_open_store(o, 0);
	if (!s)
		return EXIT_INPUT;
	int limit = o->limit ? o->limit : 10;
	related_row *rows = xcalloc((size_t)limit, sizeof *rows);
	char *err = NULL;
	int n = query_related(s, id, limit, rows, &err);
	if (n < 0) {
		cli_print_error(err);
		free(rows);
		store_close(s);
		return EXIT_INPUT;
	}
	sqlite3_stmt *obj = NULL;
	if (json)
		sqlite3_prepare_v2(s->db,
				   "SELECT iif(lede_utf8(?4) IS ?4, o,"
				   "  json_insert(o, '$.source_hex', hex(?4))) FROM"
				   " (SELECT json_object('id', ?1, 'date', ?2, 'title', ?3,"
				   " 'source', lede_utf8(?4), 'score', round(?5, 3)) AS o)",
				   -1, &obj, NULL);
	for (int i = 0; i < n; i++) {
		const article_row *r = &rows[i].row;
		if (!json) {
			char *title = text_printable(r->title);
			char *source = text_escaped(r->source ? r->source : "", 0);
			printf("%lld\t%s\t%.2f\t%s\t%s\n", (long long)r->id, r->date, rows[i].score,
			       title, source);
			free(title);
			free(source);
			continue;
		}
		sqlite3_reset(obj);
		sqlite3_bind_int64(obj, 1, r->id);
		if (r->date[0])
			sqlite3_bind_text(obj, 2, r->date, -1, SQLITE_STATIC);
		else
			sqlite3_bind_null(obj, 2);
		sqlite3_bind_text(obj, 3, r->title, -1, SQLITE_STATIC);
		sqlite3_bind_text(obj, 4, r->source, -1, SQLITE_STATIC);
		sqlite3_bind_double(obj, 5, rows[i].score);
		if (sqlite3_step(obj) == SQLITE_ROW)
			printf("%s%s", i ? ",\n" : "[\n", (const char *)sqlite3_column_text(obj, 0));
	}
	if (json)
		puts(n ? "\n]" : "[]");
	sqlite3_finalize(obj);
	for (int i = 0; i < n; i++)
		related_row_free(&rows[i]);
	free(rows);
	store_close(s);
	if (fflush(stdout) != 0 && errno != EPIPE) {
		fprintf(stderr, "lede: related: cannot write the output: %s\n", strerror(errno));
		return EXIT_INPUT;
	}
	return EXIT_OK;
}
