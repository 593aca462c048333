/* cli_entity.c: the commands about entities: entities (the list and its
 * facets), entity (show, rename, merge, retype, hide, unhide, edits) and
 * check (the store's self-check). */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_int.h"
#include "text.h"
#include "entity_card.h"

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
		/* a page at a time to a pipe (`| head`), as `lede list` */
		if (++eo->n % 64 == 0)
			fflush(stdout);
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
int cmd_entities(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	entities_out eo = {0, 0, NULL};
	if (cli_format_is_json(o, "tsv", &eo.json))
		return cli_usage_error("invalid --format '%s' (tsv or json)", o->format);
	if (o->args.n)
		return cli_usage_error("entities: unexpected argument '%s'", o->args.v[0]);
	store *s = cli_open_store(o, 0);
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
	int rc = query_filter_resolve(s, &o->filter, &err);
	if (rc == 0)
		rc = query_each_facet(s, &o->filter, o->type, NULL, entity_row, &eo, &err);
	if (eo.json && rc == 0)
		puts(eo.n ? "\n]" : "[]");
	sqlite3_finalize(eo.obj);
	store_close(s);
	if (rc) {
		cli_print_error(err);
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
		cli_print_error(err);
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
		cli_print_error(err);
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
int cmd_entity(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	static const struct {
		const char *op;
		size_t nargs;
	} ops[] = {{"rename", 2}, {"merge", 2}, {"retype", 2}, {"hide", 1},
		   {"unhide", 1}, {"edits", 0},  {"show", 1}};
	if (o->args.n == 0)
		return cli_usage_message("entity: missing operation (show, rename, merge, retype, hide, "
					 "unhide or edits)");
	const char *op = o->args.v[0];
	size_t k = 0;
	while (k < sizeof ops / sizeof ops[0] && strcmp(ops[k].op, op) != 0)
		k++;
	if (k == sizeof ops / sizeof ops[0])
		return cli_usage_error("entity: unknown operation '%s' (show, rename, merge, retype, "
				   "hide, unhide or edits)",
				   op);
	int json = 0;
	if (o->format && strcmp(op, "show") != 0)
		return cli_usage_message("entity %s: --format applies to entity show only", op);
	if (cli_format_is_json(o, "text", &json))
		return cli_usage_error("invalid --format '%s' (text or json)", o->format);
	if (o->args.n - 1 != ops[k].nargs) {
		return cli_usage_message("entity %s: expected %s", op,
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
			return cli_usage_error("entity retype: invalid type '%s' (PER, ORG or LOC)",
					   o->args.v[2]);
	}
	if (strcmp(op, "rename") == 0 && str_is_blank(o->args.v[2]))
		return cli_usage_message("entity rename: empty new name");
	if (cli_has_blank_arg(o, "entity"))
		return EXIT_USAGE;
	store *s = cli_open_store(o, 0);
	if (!s)
		return EXIT_INPUT;
	char *err = NULL;
	int rc = 0;
	if (strcmp(op, "edits") == 0) {
		rc = query_each_entity_edit(s, edit_row, NULL, &err);
		if (rc)
			cli_print_error(err);
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
		cli_print_error(err);
	store_close(s);
	return rc ? EXIT_INPUT : EXIT_OK;
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
int cmd_check(cli_opts *o, cli_ui_fn ui)
{
	(void)ui;
	if (o->args.n)
		return cli_usage_error("check: unexpected argument '%s'", o->args.v[0]);
	store *s = cli_open_store(o, 0);
	if (!s)
		return EXIT_INPUT;
	char *err = NULL;
	if (o->rebuild) {
		if (store_rebuild_derived(s, &err)) {
			cli_print_error(err);
			store_close(s);
			return EXIT_INPUT;
		}
		fprintf(stderr, "lede: check: rebuilt the doc values and the entity counts\n");
	}
	int64_t pending = 0;
	int64_t problems = store_check(s, print_problem, NULL, &pending, &err);
	if (problems < 0) {
		cli_print_error(err);
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
