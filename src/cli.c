/* cli.c: lede's command line: global options, subcommands, GNU-style
 * --help and --version, and exit statuses 0 / 1 (some input failed) /
 * 2 (usage). Output is scriptable: TSV or JSON built by SQLite. */
#include "config.h"

#include "cli.h"
#include "cli_int.h"

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
	"      --sort date|relevance  newest first (the default), or the best\n"
	"                          matches of --search first (a word in the title\n"
	"                          weighs most)\n"
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


/* Prints a usage error and returns the usage exit status. The argument
 * is escaped for the terminal and cut to ECHO_COLS columns. */
int cli_usage_error(const char *fmt, const char *arg)
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
int cli_usage_message(const char *fmt, ...)
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
void cli_print_error(char *msg)
{
	char *shown = text_escaped(msg ? msg : "unknown error", 0);
	fprintf(stderr, "lede: %s\n", shown);
	free(shown);
	free(msg);
}


/* Refuses blank positional arguments (an empty shell variable): true,
 * after saying so, when there is one. */
int cli_has_blank_arg(const cli_opts *o, const char *what)
{
	for (size_t i = 0; i < o->args.n; i++)
		if (str_is_blank(o->args.v[i])) {
			cli_usage_message("%s: empty argument", what);
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
	OPT_REBUILD,
	OPT_SORT
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
int64_t cli_parse_id(const char *s)
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
store *cli_open_store(const cli_opts *o, int create)
{
	char *path = paths_store(o->db);
	char *state = paths_state();
	char *err = NULL;
	store *s = store_open(path, state, create ? STORE_OPEN_CREATE : 0, &err);
	if (!s)
		cli_print_error(err);
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
		cli_print_error(err);
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
		return cli_usage_message("ingest: missing PATH");
	if (cli_has_blank_arg(o, "ingest"))
		return EXIT_USAGE;
	store *s = cli_open_store(o, 1);
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
	if (cli_has_blank_arg(o, "lede"))
		return EXIT_USAGE;
	store *s = cli_open_store(o, o->args.n > 0);
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

/* Checks --format against the allowed values; 0 json, 1 the other. */
int cli_format_is_json(const cli_opts *o, const char *plain, int *json)
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
int cli_check_search(store *s, const cli_opts *o)
{
	char *err = NULL;
	int bad = query_check_search(s, o->filter.search, &err);
	if (!bad)
		return -1;
	store_close(s);
	if (bad < 0) {
		cli_print_error(err);
		return EXIT_INPUT;
	}
	cli_usage_message("--search: %s", err);
	free(err);
	return EXIT_USAGE;
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
	{"sort", required_argument, NULL, OPT_SORT},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

/* Which command accepts which option: a string of the option's offsets
 * from OPT_DB as letters 'a'.. ('a' is --db, accepted everywhere). */
static const command commands[] = {
	{"", "am", cmd_open},
	{"ingest", "am", cmd_ingest},
	{"list", "abcdefgklr", cmd_list},
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
			if ((optopt >= OPT_DB && optopt <= OPT_FOLLOW) || optopt == OPT_LIMIT || optopt == OPT_BY ||
			    optopt == OPT_SORT)
				return cli_usage_error("option '--%s' requires an argument",
						   option_name(optopt));
			if (optopt > 0 && optopt < 256) {
				char opt[3] = {'-', (char)optopt, '\0'};
				return cli_usage_error("unknown option '%s'", opt);
			}
			return cli_usage_error("unknown option '%s'", argv[optind - 1]);
		}
		if (!opt_allowed(cmd, c))
			return cli_usage_error(*cmd->name ? "option '--%s' does not apply here"
						      : "option '--%s' needs a command (see --help)",
					   option_name(c));
		switch (c) {
		case OPT_DB:
			if (!*optarg)
				return cli_usage_message("--db: empty path");
			o->db = optarg;
			break;
		case OPT_ENTITY:
		case OPT_WITH:
		case OPT_NOT_ENTITY:
			if (str_is_blank(optarg))
				return cli_usage_error("option '--%s' needs a NAME, not a blank",
						   option_name(c));
			filter_add(&o->filter, optarg, c == OPT_NOT_ENTITY);
			break;
		case OPT_SEARCH:
			/* Blank would list everything: a script's empty
			 * variable, not a wish. */
			if (str_is_blank(optarg))
				return cli_usage_message("--search: empty query");
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
				return cli_usage_error("invalid --type '%s' (PER, ORG or LOC)", optarg);
			break;
		case OPT_ARTICLE:
			o->article = cli_parse_id(optarg);
			if (o->article < 0)
				return cli_usage_error("invalid --article '%s' (an article id)", optarg);
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
				return cli_usage_error("invalid --by '%s' (day, week, month or year)", optarg);
			break;
		case OPT_LIMIT: {
			int64_t v = cli_parse_id(optarg);
			if (v <= 0 || v > RELATED_MAX)
				return cli_usage_error("invalid --limit '%s' (a number from 1 to 100)", optarg);
			o->limit = (int)v;
			break;
		}
		case OPT_REBUILD:
			o->rebuild = 1;
			break;
		case OPT_SORT:
			if (strcmp(optarg, "date") == 0)
				o->filter.order = QUERY_BY_DATE;
			else if (strcmp(optarg, "relevance") == 0)
				o->filter.order = QUERY_BY_RELEVANCE;
			else
				return cli_usage_error("invalid --sort '%s' (date or relevance)", optarg);
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
			return cli_usage_error("unknown command '%s'", argv[i]);
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
		return cli_usage_message("--db: empty path");
	}
	int rc = parse_options(cmd, sub_argc, sub_argv, &o);
	if (rc < 0)
		rc = cmd->run(&o, ui);
	cli_opts_free(&o);
	free(sub_argv);
	return rc;
}
