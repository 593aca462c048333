/* cli.c: lede's command line: global options, subcommands, GNU-style
 * --help and --version, and exit statuses 0 / 1 (some input failed) /
 * 2 (usage). Output is scriptable: TSV or JSON built by SQLite. */
#include "config.h"

#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "date.h"
#include "entity_card.h"
#include "ingest.h"
#include "paths.h"
#include "query.h"
#include "related.h"
#include "store.h"
#include "timeline.h"
#include "text.h"
#include "util.h"

static const char usage_text[] =
	"Usage: lede [--db PATH] [--follow] [PATH...]\n"
	"       lede [--db PATH] COMMAND [OPTION...] [ARG...]\n"
	"\n"
	"Read a corpus of news articles in the terminal. With PATHs, ingest them\n"
	"(files or folders, recursively), then open the interface.\n"
	"\n"
	"Commands:\n"
	"  ingest PATH...        ingest files and folders into the store, no interface;\n"
	"                        files gone from a folder leave the store\n"
	"      --follow            also walk symlinks to folders outside the PATHs\n"
	"  list                  list articles, newest first\n"
	"      --entity NAME       only articles that mention NAME (repeatable: all of them)\n"
	"      --not-entity NAME   no articles that mention NAME (repeatable)\n"
	"      --search QUERY      full-text search; case and diacritics do not matter\n"
	"      --since DATE        articles dated DATE or later\n"
	"      --until DATE        articles dated DATE or earlier\n"
	"      --starred, --unread only starred / unread articles\n"
	"      --format tsv|json   output format (default tsv: id, date, title, source)\n"
	"  show ID|PATH          print one article\n"
	"      --format text|json  output format (default text)\n"
	"      --all               list mentions of low-confidence entities too (json)\n"
	"  entities              list entities with article and mention counts\n"
	"      --article ID        only the entities of article ID\n"
	"      --type PER|ORG|LOC  only entities of this type\n"
	"      --with NAME         only in articles that mention NAME (repeatable)\n"
	"      --all               also entities of low confidence (no evidence of\n"
	"                          their type anywhere in the corpus)\n"
	"      --format tsv|json   output format (default tsv)\n"
	"  entity rename NAME NEWNAME   show entity NAME as NEWNAME\n"
	"  entity merge NAME INTO-NAME  count entity NAME as INTO-NAME\n"
	"  entity retype NAME PER|ORG|LOC  give entity NAME another type\n"
	"  entity hide NAME      leave NAME out of entity lists and highlights\n"
	"  entity unhide NAME    show a hidden entity again\n"
	"  entity edits          list your entity edits\n"
	"  entity show NAME      an entity's card: type, aliases, counts, first and\n"
	"                        last date, articles per period, entities beside it\n"
	"      --format text|json  output format (default text: KEY<TAB>VALUE lines)\n"
	"      (NAME: any name or alias; TYPE:NAME when several entities share it;\n"
	"       edits are yours, kept with your marks, and survive re-ingest)\n"
	"  stats                 counts and sizes of the store\n"
	"  timeline              articles per period (the list's filters apply)\n"
	"      --by day|week|month|year  the period (default: chosen from the range)\n"
	"      --format tsv|json   output format (default tsv: period, first day,\n"
	"                          last day, articles)\n"
	"  related ID            articles about the same story as article ID, closest\n"
	"                        first (shared rare words and entities, near in time)\n"
	"      --limit N           at most N (default 10, at most 100)\n"
	"      --format tsv|json   output format (default tsv: id, date, score,\n"
	"                          title, source)\n"
	"  check                 check the store: SQLite's integrity check, then the\n"
	"                        entity counts' index and counts against their rows\n"
	"      --rebuild           rebuild that index and those counts first\n"
	"\n"
	"Options:\n"
	"  --db PATH      the store file (default $LEDE_DB, else\n"
	"                 $XDG_DATA_HOME/lede/lede.db)\n"
	"  -h, --help     show this help and exit\n"
	"  -V, --version  show the version and exit\n"
	"\n"
	"Exit status: 0 success, 1 some input failed, 2 usage error.\n"
	"See lede(1) for the keys of the interface.\n";

/* How much of an argument an error message echoes: a 40 KB query on
 * one line helps no one. */
#define ECHO_COLS 60

/* Prints a usage error and returns the usage exit status. The argument
 * is escaped for the terminal and cut to ECHO_COLS columns. */
static int usage_error(const char *fmt, const char *arg)
{
	char *shown = text_escaped(arg, ECHO_COLS);
	fputs("lede: ", stderr);
	fprintf(stderr, fmt, shown);
	fputs("\nTry 'lede --help' for more information.\n", stderr);
	free(shown);
	return EXIT_USAGE;
}

/* Prints a usage error of our own words (printf-style) and returns the
 * usage exit status. */
static int usage_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_message(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("lede: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'lede --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

/* Prints an error message (and frees it). Messages name files and echo
 * what was typed: they pass the terminal guard as names do. */
static void print_error(char *msg)
{
	char *shown = text_escaped(msg ? msg : "unknown error", 0);
	fprintf(stderr, "lede: %s\n", shown);
	free(shown);
	free(msg);
}

/* Options shared by the subcommands, parsed in one place. */
typedef struct cli_opts {
	const char *db;
	const char *format;
	query_filter filter;
	int type;          /* --type, or -1 */
	int64_t article;   /* --article */
	int follow;        /* --follow */
	int all;           /* --all: entities of low confidence too */
	int limit;         /* --limit, or 0 */
	int by;            /* --by (timeline_by), or 0 */
	int rebuild;       /* --rebuild */
	strlist args;      /* positional arguments */
} cli_opts;

/* Refuses blank positional arguments (an empty shell variable): true,
 * after saying so, when there is one. */
static int has_blank_arg(const cli_opts *o, const char *what)
{
	for (size_t i = 0; i < o->args.n; i++)
		if (str_is_blank(o->args.v[i])) {
			usage_message("%s: empty argument", what);
			return 1;
		}
	return 0;
}

enum {
	OPT_DB = 256,
	OPT_ENTITY,
	OPT_NOT_ENTITY,
	OPT_SEARCH,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_FORMAT,
	OPT_TYPE,
	OPT_WITH,
	OPT_ARTICLE,
	OPT_STARRED,
	OPT_UNREAD,
	OPT_FOLLOW,
	OPT_ALL,
	OPT_LIMIT,
	OPT_BY,
	OPT_REBUILD
};

/* Which options each command takes. */
typedef struct command {
	const char *name;
	const char *accepts;  /* option letters by enum offset, see opt_allowed */
	int (*run)(cli_opts *o, cli_ui_fn ui);
} command;

/* Parses a date argument (ISO or as people write it) into its ISO form;
 * returns the usage status on a bad date, else -1. */
static int parse_date_opt(const char *opt, const char *arg, char **out)
{
	lede_date d;
	if (date_parse_arg(arg, &d) != 0) {
		char *shown = text_escaped(arg, ECHO_COLS);
		fprintf(stderr, "lede: invalid --%s date '%s' (try 2021-12-30)\n", opt, shown);
		free(shown);
		return EXIT_USAGE;
	}
	char buf[17];
	date_format(&d, buf);
	free(*out);
	*out = xstrdup(buf);
	return -1;
}

/* Parses a positive article id; -1 when s is not one. */
static int64_t parse_id(const char *s)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *s == '\0' || *end != '\0' || v <= 0)
		return -1;
	return v;
}

/* Opens the store for a command: created when ingesting, else it must
 * exist. Prints the error itself. */
static store *open_store(const cli_opts *o, int create)
{
	char *path = paths_store(o->db);
	char *state = paths_state();
	char *err = NULL;
	store *s = store_open(path, state, create ? STORE_OPEN_CREATE : 0, &err);
	if (!s)
		print_error(err);
	else
		query_all_entities(s, o->all);
	free(path);
	free(state);
	return s;
}

/* Ingests o->args into s and prints the summary line. Returns the exit
 * status contribution: 0, 1 (some input failed) or -1 (store failed). */
static int do_ingest(store *s, char *const *paths, int n, int follow)
{
	ingest_options io = {.progress = 1, .jobs = 0, .follow = follow};
	ingest_summary sum;
	char *err = NULL;
	int rc = ingest_paths(s, paths, n, &io, &sum, &err);
	if (rc < 0) {
		print_error(err);
		return -1;
	}
	fprintf(stderr,
		"lede: ingest: %lld new, %lld changed, %lld unchanged, %lld duplicate, "
		"%lld failed, %lld removed\n",
		(long long)sum.added, (long long)sum.changed, (long long)sum.unchanged,
		(long long)sum.duplicate, (long long)sum.failed, (long long)sum.removed);
	return rc;
}

/* lede ingest PATH... */
static int cmd_ingest(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	if (o->args.n == 0)
		return usage_message("ingest: missing PATH");
	if (has_blank_arg(o, "ingest"))
		return EXIT_USAGE;
	store *s = open_store(o, 1);
	if (!s)
		return EXIT_INPUT;
	int rc = do_ingest(s, o->args.v, (int)o->args.n, o->follow);
	store_close(s);
	return rc == 0 ? EXIT_OK : EXIT_INPUT;
}

/* lede [PATH...]: ingest, then the interface. */
static int cmd_open(cli_opts *o, cli_ui_fn ui)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("lede: the interface needs a terminal; for scripts use 'lede ingest', "
		      "'lede list' or 'lede show'\n",
		      stderr);
		return EXIT_USAGE;
	}
	if (has_blank_arg(o, "lede"))
		return EXIT_USAGE;
	store *s = open_store(o, o->args.n > 0);
	if (!s)
		return EXIT_INPUT;
	int failed = 0;
	if (o->args.n) {
		int rc = do_ingest(s, o->args.v, (int)o->args.n, o->follow);
		if (rc < 0) {
			store_close(s);
			return EXIT_INPUT;
		}
		failed = rc;
	}
	store_state_warm(s); /* the first mark then waits for no disk */
	int rc = ui(s);
	store_close(s);
	return rc ? rc : (failed ? EXIT_INPUT : EXIT_OK);
}

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

/* Checks --format against the allowed values; 0 json, 1 the other. */
static int format_is_json(const cli_opts *o, const char *plain, int *json)
{
	*json = 0;
	if (!o->format || strcmp(o->format, plain) == 0)
		return 0;
	if (strcmp(o->format, "json") == 0) {
		*json = 1;
		return 0;
	}
	return -1;
}

/* Checks --search before a command reads with it: -1 when it is fine,
 * else the exit status (the store closed, the error said). A malformed
 * search is a usage error, told in a reader's words (already escaped for
 * the terminal by query.c). */
static int check_search(store *s, const cli_opts *o)
{
	char *err = NULL;
	int bad = query_check_search(s, o->filter.search, &err);
	if (!bad)
		return -1;
	store_close(s);
	if (bad < 0) {
		print_error(err);
		return EXIT_INPUT;
	}
	usage_message("--search: %s", err);
	free(err);
	return EXIT_USAGE;
}

/* lede list */
static int cmd_list(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	list_out lo = {0, 0, NULL, 0};
	if (format_is_json(o, "tsv", &lo.json))
		return usage_error("invalid --format '%s' (tsv or json)", o->format);
	if (o->args.n)
		return usage_error("list: unexpected argument '%s'", o->args.v[0]);
	store *s = open_store(o, 0);
	if (!s)
		return EXIT_INPUT;
	char *err = NULL;
	int bad = check_search(s, o);
	if (bad >= 0)
		return bad;
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
		print_error(err);
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
static int cmd_show(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	int json;
	if (format_is_json(o, "text", &json))
		return usage_error("invalid --format '%s' (text or json)", o->format);
	if (o->args.n != 1)
		return usage_message("show: expected one article ID or file PATH");
	if (has_blank_arg(o, "show"))
		return EXIT_USAGE;
	store *s = open_store(o, 0);
	if (!s)
		return EXIT_INPUT;
	const char *arg = o->args.v[0];
	int64_t id = parse_id(arg);
	article_full a;
	char *err = NULL;
	int found = query_article(s, id > 0 ? id : 0, id > 0 ? NULL : arg, &a, &err);
	if (found <= 0) {
		if (found < 0) {
			print_error(err);
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
			print_error(err);
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

/* Output state of `lede entities`. */
typedef struct entities_out {
	int json;
	int64_t n;
	sqlite3_stmt *obj;
} entities_out;

/* Prints one entity row as TSV or a JSON array element. */
static int entity_row(void *ctx, const facet_row *r)
{
	entities_out *eo = ctx;
	if (!eo->json) {
		char *name = text_printable(r->name);
		char *aliases = text_printable(r->aliases ? r->aliases : "");
		printf("%s\t%s\t%lld\t%lld\t%s\n", entity_type_name(r->type), name,
		       (long long)r->articles, (long long)r->mentions, aliases);
		free(name);
		free(aliases);
		eo->n++;
		return 0;
	}
	sqlite3_reset(eo->obj);
	sqlite3_bind_int64(eo->obj, 1, r->id);
	sqlite3_bind_text(eo->obj, 2, entity_type_name(r->type), -1, SQLITE_STATIC);
	sqlite3_bind_text(eo->obj, 3, r->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(eo->obj, 4, r->articles);
	sqlite3_bind_int64(eo->obj, 5, r->mentions);
	sqlite3_bind_text(eo->obj, 6, r->aliases ? r->aliases : "", -1, SQLITE_STATIC);
	if (sqlite3_step(eo->obj) == SQLITE_ROW)
		printf("%s%s", eo->n ? ",\n" : "[\n", (const char *)sqlite3_column_text(eo->obj, 0));
	eo->n++;
	return 0;
}

/* lede entities */
static int cmd_entities(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	entities_out eo = {0, 0, NULL};
	if (format_is_json(o, "tsv", &eo.json))
		return usage_error("invalid --format '%s' (tsv or json)", o->format);
	if (o->args.n)
		return usage_error("entities: unexpected argument '%s'", o->args.v[0]);
	store *s = open_store(o, 0);
	if (!s)
		return EXIT_INPUT;
	if (eo.json)
		sqlite3_prepare_v2(s->db,
				   "SELECT json_object('id', ?1, 'type', ?2, 'name', ?3,"
				   " 'articles', ?4, 'mentions', ?5, 'aliases',"
				   " CASE WHEN ?6 = '' THEN json_array() ELSE"
				   " (SELECT json_group_array(value) FROM"
				   "  json_each('[\"' || replace(replace(replace(?6, '\\', '\\\\'),"
				   "  '\"', '\\\"'), '|', '\",\"') || '\"]')) END)",
				   -1, &eo.obj, NULL);
	o->filter.article_id = o->article;
	char *err = NULL;
	int rc = query_each_facet(s, &o->filter, o->type, NULL, entity_row, &eo, &err);
	if (eo.json && rc == 0)
		puts(eo.n ? "\n]" : "[]");
	sqlite3_finalize(eo.obj);
	store_close(s);
	if (rc) {
		print_error(err);
		return EXIT_INPUT;
	}
	return EXIT_OK;
}

/* Finds the one entity spec names for `lede entity`; prints why not
 * (unknown, or ambiguous with the candidates and their types) and
 * returns 0 then. */
static int entity_one(store *s, const char *spec, entity_match *out)
{
	entity_match m[16];
	char *err = NULL;
	int n = query_entity_lookup(s, spec, m, 16, &err);
	if (n < 0) {
		print_error(err);
		return 0;
	}
	if (n == 0) {
		char *safe = text_escaped(spec, ECHO_COLS);
		fprintf(stderr, "lede: no entity named '%s' (see 'lede entities')\n", safe);
		free(safe);
		return 0;
	}
	if (n > 1) {
		char *safe = text_escaped(spec, ECHO_COLS);
		fprintf(stderr, "lede: '%s' names %d entities; say which with TYPE:NAME:\n", safe, n);
		free(safe);
		for (int i = 0; i < n; i++) {
			safe = text_printable(m[i].name);
			fprintf(stderr, "  %s:%s\n", entity_type_name(m[i].type), safe);
			free(safe);
			entity_match_free(&m[i]);
		}
		return 0;
	}
	*out = m[0];
	return 1;
}

/* Prints one edit of `lede entity edits` as TSV. */
static int edit_row(void *ctx, const query_edit_row *r)
{
	(void)ctx;
	char *name = text_printable(r->name);
	char *arg = text_printable(r->arg ? r->arg : "");
	printf("%s\t%s\t%s\t%s\t%s\n", r->op, r->type, name, arg, r->at);
	free(name);
	free(arg);
	return 0;
}

/* Prints s as a JSON string (SQLite's quoting). */
static void put_json(store *s, const char *text)
{
	sqlite3_stmt *st = NULL;
	if (text && sqlite3_prepare_v2(s->db, "SELECT json_quote(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			fputs((const char *)sqlite3_column_text(st, 0), stdout);
			sqlite3_finalize(st);
			return;
		}
	}
	sqlite3_finalize(st);
	fputs("null", stdout);
}

/* `lede entity show`: the entity's card as KEY<TAB>VALUE lines (a
 * period and an entity beside it one line each) or one JSON object.
 * Returns 0, or -1 after saying why. */
static int print_card(store *s, const entity_match *m, int json)
{
	entity_card c;
	char *err = NULL;
	if (query_entity_card(s, m, &c, &err) < 0) {
		print_error(err);
		return 1;
	}
	const timeline *t = &c.time;
	if (!json) {
		char *name = text_printable(c.name);
		char *aliases = c.aliases ? text_printable(c.aliases) : xstrdup("");
		printf("name\t%s\ntype\t%s\naliases\t%s\narticles\t%lld\nmentions\t%lld\n", name,
		       entity_type_name(c.type), aliases, (long long)c.articles,
		       (long long)c.mentions);
		printf("first\t%s\nlast\t%s\nhidden\t%s\nby\t%s\n", t->first_date, t->last_date,
		       c.hidden ? "yes" : "no", timeline_by_name(t->by));
		for (size_t i = 0; i < t->n; i++)
			printf("period\t%s\t%lld\n", t->periods[i].name,
			       (long long)t->periods[i].articles);
		for (int i = 0; i < c.nwith; i++) {
			char *w = text_printable(c.with[i].name);
			printf("with\t%s\t%s\t%lld\n", entity_type_name(c.with[i].type), w,
			       (long long)c.with[i].articles);
			free(w);
		}
		free(name);
		free(aliases);
	} else {
		fputs("{\"name\": ", stdout);
		put_json(s, c.name);
		printf(", \"type\": \"%s\", \"aliases\": [", entity_type_name(c.type));
		if (c.aliases) {
			char *copy = xstrdup(c.aliases);
			int k = 0;
			for (char *a = strtok(copy, "|"); a; a = strtok(NULL, "|")) {
				fputs(k++ ? ", " : "", stdout);
				put_json(s, a);
			}
			free(copy);
		}
		printf("], \"articles\": %lld, \"mentions\": %lld, \"hidden\": %s, ",
		       (long long)c.articles, (long long)c.mentions, c.hidden ? "true" : "false");
		fputs("\"first\": ", stdout);
		put_json(s, t->first_date[0] ? t->first_date : NULL);
		fputs(", \"last\": ", stdout);
		put_json(s, t->last_date[0] ? t->last_date : NULL);
		printf(", \"by\": \"%s\", \"periods\": [", timeline_by_name(t->by));
		for (size_t i = 0; i < t->n; i++)
			printf("%s{\"period\": \"%s\", \"articles\": %lld}", i ? ", " : "",
			       t->periods[i].name, (long long)t->periods[i].articles);
		fputs("], \"with\": [", stdout);
		for (int i = 0; i < c.nwith; i++) {
			printf("%s{\"type\": \"%s\", \"name\": ", i ? ", " : "",
			       entity_type_name(c.with[i].type));
			put_json(s, c.with[i].name);
			printf(", \"articles\": %lld}", (long long)c.with[i].articles);
		}
		puts("]}");
	}
	entity_card_free(&c);
	return 0;
}

/* lede entity rename|merge|retype|hide|unhide|edits ... */
static int cmd_entity(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	static const struct {
		const char *op;
		size_t nargs;
	} ops[] = {{"rename", 2}, {"merge", 2}, {"retype", 2}, {"hide", 1},
		   {"unhide", 1}, {"edits", 0},  {"show", 1}};
	if (o->args.n == 0)
		return usage_message("entity: missing operation (show, rename, merge, retype, hide, "
					 "unhide or edits)");
	const char *op = o->args.v[0];
	size_t k = 0;
	while (k < sizeof ops / sizeof ops[0] && strcmp(ops[k].op, op) != 0)
		k++;
	if (k == sizeof ops / sizeof ops[0])
		return usage_error("entity: unknown operation '%s' (show, rename, merge, retype, "
				   "hide, unhide or edits)",
				   op);
	int json = 0;
	if (o->format && strcmp(op, "show") != 0)
		return usage_message("entity %s: --format applies to entity show only", op);
	if (format_is_json(o, "text", &json))
		return usage_error("invalid --format '%s' (text or json)", o->format);
	if (o->args.n - 1 != ops[k].nargs) {
		return usage_message("entity %s: expected %s", op,
				     ops[k].nargs == 0   ? "no arguments"
				     : ops[k].nargs == 1 ? "NAME"
				     : k == 0		 ? "NAME NEWNAME"
				     : k == 1		 ? "NAME INTO-NAME"
							 : "NAME PER|ORG|LOC");
	}
	int type = -1;
	if (strcmp(op, "retype") == 0) {
		type = entity_type_parse(o->args.v[2]);
		if (type < 0)
			return usage_error("entity retype: invalid type '%s' (PER, ORG or LOC)",
					   o->args.v[2]);
	}
	if (strcmp(op, "rename") == 0 && str_is_blank(o->args.v[2]))
		return usage_message("entity rename: empty new name");
	if (has_blank_arg(o, "entity"))
		return EXIT_USAGE;
	store *s = open_store(o, 0);
	if (!s)
		return EXIT_INPUT;
	char *err = NULL;
	int rc = 0;
	if (strcmp(op, "edits") == 0) {
		rc = query_each_entity_edit(s, edit_row, NULL, &err);
		if (rc)
			print_error(err);
		store_close(s);
		return rc ? EXIT_INPUT : EXIT_OK;
	}
	entity_match m, into;
	if (!entity_one(s, o->args.v[1], &m)) {
		store_close(s);
		return EXIT_INPUT;
	}
	if (strcmp(op, "show") == 0) {
		rc = print_card(s, &m, json);
	} else if (strcmp(op, "rename") == 0) {
		rc = query_entity_rename(s, m.id, o->args.v[2], &err);
	} else if (strcmp(op, "merge") == 0) {
		if (!entity_one(s, o->args.v[2], &into)) {
			rc = 1;
		} else {
			if (into.id == m.id)
				err = xasprintf("'%s' and '%s' are already one entity", o->args.v[1],
						o->args.v[2]);
			else
				rc = query_entity_merge(s, m.id, into.id, &err);
			rc = err ? -1 : rc;
			entity_match_free(&into);
		}
	} else if (strcmp(op, "retype") == 0) {
		rc = query_entity_retype(s, m.id, (entity_type)type, &err);
	} else {
		rc = query_entity_hide(s, m.id, strcmp(op, "hide") == 0, &err);
	}
	entity_match_free(&m);
	if (rc < 0)
		print_error(err);
	store_close(s);
	return rc ? EXIT_INPUT : EXIT_OK;
}

/* lede stats */
static int cmd_stats(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	if (o->args.n)
		return usage_error("stats: unexpected argument '%s'", o->args.v[0]);
	store *s = open_store(o, 0);
	if (!s)
		return EXIT_INPUT;
	store_stats st;
	char *err = NULL;
	if (query_stats(s, &st, &err)) {
		print_error(err);
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
static int cmd_timeline(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	int json;
	if (format_is_json(o, "tsv", &json))
		return usage_error("invalid --format '%s' (tsv or json)", o->format);
	if (o->args.n)
		return usage_error("timeline: unexpected argument '%s'", o->args.v[0]);
	store *s = open_store(o, 0);
	if (!s)
		return EXIT_INPUT;
	char *err = NULL;
	int bad = check_search(s, o);
	if (bad >= 0)
		return bad;
	timeline t;
	if (query_timeline(s, &o->filter, (timeline_by)o->by, &t, &err) < 0) {
		print_error(err);
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

/* Most related articles a command shows. */
#define RELATED_MAX 100

/* lede related ID */
static int cmd_related(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	int json;
	if (format_is_json(o, "tsv", &json))
		return usage_error("invalid --format '%s' (tsv or json)", o->format);
	if (o->args.n != 1)
		return usage_message("related: expected one article ID");
	int64_t id = parse_id(o->args.v[0]);
	if (id <= 0)
		return usage_error("related: invalid article ID '%s'", o->args.v[0]);
	store *s = open_store(o, 0);
	if (!s)
		return EXIT_INPUT;
	int limit = o->limit ? o->limit : 10;
	related_row *rows = xcalloc((size_t)limit, sizeof *rows);
	char *err = NULL;
	int n = query_related(s, id, limit, rows, &err);
	if (n < 0) {
		print_error(err);
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

/* Prints a problem store_check found, escaped for the terminal. */
static void print_problem(void *ctx, const char *problem)
{
	(void)ctx;
	char *shown = text_escaped(problem, 0);
	printf("%s\n", shown);
	free(shown);
}

/* lede check [--rebuild] */
static int cmd_check(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	if (o->args.n)
		return usage_error("check: unexpected argument '%s'", o->args.v[0]);
	store *s = open_store(o, 0);
	if (!s)
		return EXIT_INPUT;
	char *err = NULL;
	if (o->rebuild) {
		if (store_rebuild_derived(s, &err)) {
			print_error(err);
			store_close(s);
			return EXIT_INPUT;
		}
		fprintf(stderr, "lede: check: rebuilt the doc values and the entity counts\n");
	}
	int64_t pending = 0;
	int64_t problems = store_check(s, print_problem, NULL, &pending, &err);
	if (problems < 0) {
		print_error(err);
		store_close(s);
		return EXIT_INPUT;
	}
	char *path = text_escaped(s->path, 0);
	if (pending > 0)
		fprintf(stderr,
			"lede: check: %s: %lld chunks of doc values wait for a writer to build"
			" them (facets are counted by SQL until then)\n",
			path, (long long)pending);
	if (problems == 0)
		printf("ok\n");
	else
		fprintf(stderr,
			"lede: check: %s: %lld problems; 'lede check --rebuild' rebuilds the doc"
			" values and counts (not what SQLite's check finds: restore a copy or ingest"
			" again into a new store)\n",
			path, (long long)problems);
	free(path);
	store_close(s);
	return problems ? EXIT_INPUT : EXIT_OK;
}

static const struct option long_options[] = {
	{"db", required_argument, NULL, OPT_DB},
	{"entity", required_argument, NULL, OPT_ENTITY},
	{"not-entity", required_argument, NULL, OPT_NOT_ENTITY},
	{"search", required_argument, NULL, OPT_SEARCH},
	{"since", required_argument, NULL, OPT_SINCE},
	{"until", required_argument, NULL, OPT_UNTIL},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"type", required_argument, NULL, OPT_TYPE},
	{"with", required_argument, NULL, OPT_WITH},
	{"article", required_argument, NULL, OPT_ARTICLE},
	{"starred", no_argument, NULL, OPT_STARRED},
	{"unread", no_argument, NULL, OPT_UNREAD},
	{"follow", no_argument, NULL, OPT_FOLLOW},
	{"all", no_argument, NULL, OPT_ALL},
	{"limit", required_argument, NULL, OPT_LIMIT},
	{"by", required_argument, NULL, OPT_BY},
	{"rebuild", no_argument, NULL, OPT_REBUILD},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

/* Which command accepts which option: a string of the option's offsets
 * from OPT_DB as letters 'a'.. ('a' is --db, accepted everywhere). */
static const command commands[] = {
	{"", "am", cmd_open},
	{"ingest", "am", cmd_ingest},
	{"list", "abcdefgkl", cmd_list},
	{"show", "agn", cmd_show},
	{"entities", "aghijn", cmd_entities},
	{"entity", "ag", cmd_entity},
	{"stats", "a", cmd_stats},
	{"related", "ago", cmd_related},
	{"timeline", "abcdefgklp", cmd_timeline},
	{"check", "aq", cmd_check},
};

/* The name of long option c, for error messages. */
static const char *option_name(int c)
{
	for (const struct option *lo = long_options; lo->name; lo++)
		if (lo->val == c)
			return lo->name;
	return "?";
}

/* True when the command takes option c. */
static int opt_allowed(const command *cmd, int c)
{
	return strchr(cmd->accepts, 'a' + (c - OPT_DB)) != NULL;
}

/* Frees the parsed options. */
static void cli_opts_free(cli_opts *o)
{
	query_filter_free(&o->filter);
	sl_free(&o->args);
}

/* Parses argv into o for cmd; returns -1 done, or an exit status. */
static int parse_options(const command *cmd, int argc, char **argv, cli_opts *o)
{
	opterr = 0;
	optind = 1;
	int c;
	while ((c = getopt_long(argc, argv, "hV", long_options, NULL)) != -1) {
		if (c == 'h') {
			fputs(usage_text, stdout);
			return EXIT_OK;
		}
		if (c == 'V') {
			printf("lede %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		}
		if (c == '?' || c == ':') {
			if ((optopt >= OPT_DB && optopt <= OPT_FOLLOW) || optopt == OPT_LIMIT || optopt == OPT_BY)
				return usage_error("option '--%s' requires an argument",
						   option_name(optopt));
			if (optopt > 0 && optopt < 256) {
				char opt[3] = {'-', (char)optopt, '\0'};
				return usage_error("unknown option '%s'", opt);
			}
			return usage_error("unknown option '%s'", argv[optind - 1]);
		}
		if (!opt_allowed(cmd, c))
			return usage_error(*cmd->name ? "option '--%s' does not apply here"
						      : "option '--%s' needs a command (see --help)",
					   option_name(c));
		switch (c) {
		case OPT_DB:
			if (!*optarg)
				return usage_message("--db: empty path");
			o->db = optarg;
			break;
		case OPT_ENTITY:
		case OPT_WITH:
		case OPT_NOT_ENTITY:
			if (str_is_blank(optarg))
				return usage_error("option '--%s' needs a NAME, not a blank",
						   option_name(c));
			if (c == OPT_NOT_ENTITY) {
				sl_push(&o->filter.not_entities, optarg);
				break;
			}
			sl_push(&o->filter.entities, optarg);
			break;
		case OPT_SEARCH:
			/* Blank would list everything: a script's empty
			 * variable, not a wish. */
			if (str_is_blank(optarg))
				return usage_message("--search: empty query");
			free(o->filter.search);
			o->filter.search = xstrdup(optarg);
			break;
		case OPT_SINCE:
			if (parse_date_opt("since", optarg, &o->filter.since) >= 0)
				return EXIT_USAGE;
			break;
		case OPT_UNTIL:
			if (parse_date_opt("until", optarg, &o->filter.until) >= 0)
				return EXIT_USAGE;
			break;
		case OPT_FORMAT:
			o->format = optarg;
			break;
		case OPT_TYPE:
			o->type = entity_type_parse(optarg);
			if (o->type < 0)
				return usage_error("invalid --type '%s' (PER, ORG or LOC)", optarg);
			break;
		case OPT_ARTICLE:
			o->article = parse_id(optarg);
			if (o->article < 0)
				return usage_error("invalid --article '%s' (an article id)", optarg);
			break;
		case OPT_STARRED:
			o->filter.starred_only = 1;
			break;
		case OPT_UNREAD:
			o->filter.unread_only = 1;
			break;
		case OPT_FOLLOW:
			o->follow = 1;
			break;
		case OPT_ALL:
			o->all = 1;
			break;
		case OPT_BY:
			o->by = timeline_by_parse(optarg);
			if (o->by <= 0)
				return usage_error("invalid --by '%s' (day, week, month or year)", optarg);
			break;
		case OPT_LIMIT: {
			int64_t v = parse_id(optarg);
			if (v <= 0 || v > RELATED_MAX)
				return usage_error("invalid --limit '%s' (a number from 1 to 100)", optarg);
			o->limit = (int)v;
			break;
		}
		case OPT_REBUILD:
			o->rebuild = 1;
			break;
		}
	}
	for (int i = optind; i < argc; i++)
		sl_push(&o->args, argv[i]);
	return -1;
}

/* True when arg names no existing file and looks like a command word:
 * `lede frobnicate` is a typo, not a path. */
static int looks_like_command(const char *arg)
{
	struct stat st;
	if (stat(arg, &st) == 0)
		return 0;
	for (const char *p = arg; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || *p == '-'))
			return 0;
	return *arg != '\0';
}

/* Entry point of the command line; see cli.h. */
int cli_main(int argc, char **argv, cli_ui_fn ui)
{
	/* Global options come before the command; find the command word. */
	int i = 1;
	const char *db = NULL;
	for (; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			db = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "--db=", 5) == 0) {
			db = argv[i] + 5;
			continue;
		}
		if (strcmp(argv[i], "--") == 0 || argv[i][0] != '-' || argv[i][1] == '\0')
			break;
		/* --help, --version or an option the default command checks. */
		break;
	}
	const command *cmd = &commands[0];
	int first = i;
	if (i < argc && argv[i][0] != '-') {
		for (size_t k = 1; k < sizeof commands / sizeof commands[0]; k++)
			if (strcmp(argv[i], commands[k].name) == 0)
				cmd = &commands[k];
		if (cmd == &commands[0] && looks_like_command(argv[i]))
			return usage_error("unknown command '%s'", argv[i]);
		if (cmd != &commands[0])
			first = i + 1;
	}
	/* Rebuild argv for getopt: program name, then the command's words. */
	int sub_argc = 1 + (argc - first);
	char **sub_argv = xcalloc((size_t)sub_argc + 1, sizeof *sub_argv);
	sub_argv[0] = argv[0];
	for (int k = first; k < argc; k++)
		sub_argv[1 + k - first] = argv[k];

	cli_opts o;
	memset(&o, 0, sizeof o);
	query_filter_init(&o.filter);
	sl_init(&o.args);
	o.type = -1;
	o.db = db;
	if (db && !*db) {
		free(sub_argv);
		cli_opts_free(&o);
		return usage_message("--db: empty path");
	}
	int rc = parse_options(cmd, sub_argc, sub_argv, &o);
	if (rc < 0)
		rc = cmd->run(&o, ui);
	cli_opts_free(&o);
	free(sub_argv);
	return rc;
}
