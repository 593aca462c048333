/* cli_int.h: what the command line's files share: the parsed options,
 * the helpers for errors, the store and formats, and the commands each
 * file runs (cli.c parses and dispatches; cli_read.c: list, show, stats,
 * timeline, related; cli_entity.c: entities, entity, check). */
#ifndef LEDE_CLI_INT_H
#define LEDE_CLI_INT_H

#include <stdint.h>

#include "cli.h"
#include "query.h"
#include "store.h"
#include "util.h"

/* How much of an argument an error message echoes: a 40 KB query on
 * one line helps no one. */
#define ECHO_COLS 60

/* Most related articles a command shows. */
#define RELATED_MAX 100

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

/* Errors (cli.c): a usage error naming the argument (escaped, cut to
 * ECHO_COLS) or a usage message, both returning EXIT_USAGE; an input
 * error printed as "lede: MSG" (msg freed). */
int cli_usage_error(const char *fmt, const char *arg);
int cli_usage_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_print_error(char *msg);

/* Refuses blank positional arguments: true, after saying so. */
int cli_has_blank_arg(const cli_opts *o, const char *what);
/* A positive article id, or -1. */
int64_t cli_parse_id(const char *s);
/* The store for a command (created when asked); NULL after saying why. */
store *cli_open_store(const cli_opts *o, int create);
/* Checks --format: 0 with *json set, -1 when it is neither. */
int cli_format_is_json(const cli_opts *o, const char *plain, int *json);
/* Checks --search: -1 when fine, else the exit status (store closed). */
int cli_check_search(store *s, const cli_opts *o);

/* The commands. */
int cmd_list(cli_opts *o, cli_ui_fn ui);
int cmd_show(cli_opts *o, cli_ui_fn ui);
int cmd_stats(cli_opts *o, cli_ui_fn ui);
int cmd_timeline(cli_opts *o, cli_ui_fn ui);
int cmd_related(cli_opts *o, cli_ui_fn ui);
int cmd_entities(cli_opts *o, cli_ui_fn ui);
int cmd_entity(cli_opts *o, cli_ui_fn ui);
int cmd_check(cli_opts *o, cli_ui_fn ui);

#endif
