/* card.c: the entity card. From the sidebar (Right, on an entity) or the
 * reader (i, on the mention n/N stopped at): the entity's name and type,
 * aliases, counts, first and last date, a sparkline of its articles over
 * time and the entities most often beside it (src/entity_card.c, on a
 * worker). From the card the entity is renamed, merged into another (the
 * prompt completes names), retyped, hidden or shown again: the same
 * per-user edits as `lede entity`, each undone by u, last first. Enter
 * filters by it; Esc closes the card. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entity_card.h"
#include "uiint.h"

/* How to undo one edit. */
typedef struct card_undo {
	action op;      /* ACT_RENAME, ACT_MERGE, ACT_RETYPE, ACT_HIDE */
	int64_t id;     /* the entity edited */
	char *name;     /* before a rename: the name shown */
	int type;       /* before a retype */
	int hidden;     /* before a hide */
} card_undo;

typedef struct card_state {
	entity_match who;  /* the entity shown; who.name NULL: closed */
	entity_card card;
	int have, loading;
	char *error;
	card_undo *undo;
	size_t nundo;
	worker *worker;
	int no_worker;
	unsigned job;
} card_state;

static card_state *state(pane *p)
{
	return p->priv;
}

/* Frees an answer nobody took. */
static void answer_free(void *res)
{
	entity_card_free(res);
	free(res);
}

/* The job's argument: the entity, copied. */
static void match_free(void *arg)
{
	entity_match_free(arg);
	free(arg);
}

/* The job, on the worker's connection. */
static void *card_run_job(store *s, void *arg, int *failed, char **err)
{
	entity_card *c = xcalloc(1, sizeof *c);
	if (query_entity_card(s, arg, c, err) < 0) {
		*failed = 1;
		free(c);
		return NULL;
	}
	return c;
}

/* Forgets the card shown (not the entity). */
static void clear_card(card_state *C)
{
	if (C->have)
		entity_card_free(&C->card);
	C->have = 0;
	free(C->error);
	C->error = NULL;
}

/* Takes an answer (NULL: the error err). */
static void install(card_state *C, entity_card *c, char *err)
{
	C->loading = 0;
	clear_card(C);
	if (c) {
		C->card = *c;
		C->have = 1;
		free(c);
	} else {
		C->error = err ? err : xstrdup("the query failed");
	}
}

/* Asks for the card of C->who: on the worker, or here without one. */
static void ask(pane *p)
{
	card_state *C = state(p);
	entity_match *m = xcalloc(1, sizeof *m);
	*m = C->who;
	m->name = xstrdup(C->who.name);
	void *res = NULL;
	char *err = NULL;
	C->loading = worker_ask(&C->worker, &C->no_worker, p->app->s, card_run_job, m, match_free,
	                        answer_free, &C->job, &res, &err);
	if (!C->loading)
		install(C, res, err);
}

/* Finds the one entity spec names; 0 and a message when none or many. */
static int lookup(app *a, const char *spec, entity_match *out)
{
	entity_match m[8];
	char *err = NULL;
	int n = query_entity_lookup(a->s, spec, m, 8, &err);
	if (n < 0) {
		app_message(a, 1, "%s", err ? err : "lookup failed");
		free(err);
		return 0;
	}
	for (int i = 1; i < n; i++)
		entity_match_free(&m[i]);
	if (n == 0) {
		app_message(a, 1, "no entity named \"%s\"", spec);
		return 0;
	}
	if (n > 1) {
		entity_match_free(&m[0]);
		app_message(a, 1, "\"%s\" names %d entities: write TYPE:NAME", spec, n);
		return 0;
	}
	*out = m[0];
	return 1;
}

/* See uiint.h. */
int card_show(pane *p, int64_t id)
{
	card_state *C = state(p);
	entity_match m;
	if (!query_entity_get(p->app->s, id, &m)) {
		app_message(p->app, 1, "that entity is no longer in the store");
		return 0;
	}
	entity_match_free(&C->who);
	C->who = m;
	clear_card(C);
	C->job = 0;
	ask(p);
	return 1;
}

/* Closes the card; its undo list goes with it. */
static void card_close(pane *p)
{
	card_state *C = state(p);
	entity_match_free(&C->who);
	memset(&C->who, 0, sizeof C->who);
	clear_card(C);
	C->loading = 0;
	C->job = 0;
	for (size_t i = 0; i < C->nundo; i++) {
		free(C->undo[i].name);
	}
	free(C->undo);
	C->undo = NULL;
	C->nundo = 0;
}

static int card_wanted(pane *p)
{
	return state(p)->who.name != NULL;
}

/* One line of text at row y, cut to the pane. */
static void line(pane *p, int y, const char *text, attr_t at)
{
	wmove(p->win, y, PANE_LEFT(p));
	draw_text(p->app, p->win, " ", -1, PANE_COLS(p), A_NORMAL);
	draw_text(p->app, p->win, text, -1, PANE_COLS(p) - 1, at);
	draw_fill(p->win, y, p->w, A_NORMAL);
}

/* Paints the card. */
static void card_draw(pane *p)
{
	card_state *C = state(p);
	app *a = p->app;
	draw_pane_frame(p, "Entity", C->undo ? "u undoes" : NULL);
	int rows = PANE_ROWS(p), y = PANE_TOP, cols = PANE_COLS(p);
	strbuf b;
	sb_init(&b);
	if (C->have) {
		const entity_card *c = &C->card;
		sb_printf(&b, "%s %s%s", entity_type_name(c->type), c->name,
		          c->hidden ? "  (hidden)" : "");
		if (y < PANE_TOP + rows)
			line(p, y++, b.s, role_attr(a, entity_role(c->type)));
		sb_clear(&b);
		if (c->aliases)
			sb_printf(&b, "also: %s", c->aliases);
		else
			sb_adds(&b, "no other name");
		if (y < PANE_TOP + rows)
			line(p, y++, b.s, role_attr(a, ROLE_DIM));
		sb_clear(&b);
		sb_printf(&b, "%lld articles, %lld mentions", (long long)c->articles,
		          (long long)c->mentions);
		if (c->time.first_date[0])
			sb_printf(&b, ", %s .. %s", c->time.first_date, c->time.last_date);
		if (y < PANE_TOP + rows)
			line(p, y++, b.s, A_NORMAL);
		/* the sparkline: its last periods when they do not all fit */
		sb_clear(&b);
		int64_t max = 0;
		for (size_t i = 0; i < c->time.n; i++)
			if (c->time.periods[i].articles > max)
				max = c->time.periods[i].articles;
		size_t room = cols > 24 ? (size_t)(cols - 14) : 10;
		size_t from = c->time.n > room ? c->time.n - room : 0;
		for (size_t i = from; i < c->time.n; i++)
			sb_adds(&b, draw_spark(a, c->time.periods[i].articles, max));
		if (c->time.n)
			sb_printf(&b, "  by %s", timeline_by_name(c->time.by));
		if (y < PANE_TOP + rows)
			line(p, y++, b.s, role_attr(a, ROLE_LOC));
		sb_clear(&b);
		sb_adds(&b, c->nwith ? "beside:" : "beside: no other entity");
		for (int i = 0; i < c->nwith; i++)
			sb_printf(&b, "%s %s (%lld)", i ? "," : "", c->with[i].name,
			          (long long)c->with[i].articles);
		if (y < PANE_TOP + rows)
			line(p, y++, b.s, A_NORMAL);
	} else if (y < PANE_TOP + rows) {
		line(p, y++, C->error ? C->error : "reading the entity...",
		     C->error ? role_attr(a, ROLE_FILTER) : role_attr(a, ROLE_DIM));
	}
	sb_free(&b);
	while (y < PANE_TOP + rows - 1)
		line(p, y++, "", A_NORMAL);
	if (y < PANE_TOP + rows)
		line(p, y, "r rename  m merge  T retype  h hide  u undo  Enter filter  Esc close",
		     role_attr(a, ROLE_DIM));
}

/* Remembers how to undo an edit about to be made. */
static void push_undo(card_state *C, action op)
{
	C->undo = xrealloc(C->undo, (C->nundo + 1) * sizeof *C->undo);
	card_undo *u = &C->undo[C->nundo++];
	memset(u, 0, sizeof *u);
	u->op = op;
	u->id = C->who.id;
	u->name = xstrdup(C->who.name);
	u->type = C->who.type;
	u->hidden = C->who.hidden;
}

/* After an edit: every pane reads again, and the card shows entity id
 * as it now is (merged: the entity it now counts as). */
static void edited(pane *p, int64_t id, const char *done)
{
	app *a = p->app;
	app_reload(a, EV_RELOAD);
	card_state *C = state(p);
	entity_match m;
	if (query_entity_get(a->s, id, &m)) {
		entity_match_free(&C->who);
		C->who = m;
	}
	ask(p);
	app_message(a, 0, "%s", done);
}

/* Runs an edit's result: an error is shown and its undo dropped. */
static int edit_done(pane *p, int rc, char *err)
{
	card_state *C = state(p);
	if (rc == 0)
		return 1;
	app_message(p->app, 1, "%s", err ? err : "the edit failed");
	free(err);
	C->nundo--;
	free(C->undo[C->nundo].name);
	return 0;
}

/* r, m, T, h: one edit of the entity shown. */
static void card_edit(pane *p, action act)
{
	card_state *C = state(p);
	app *a = p->app;
	char *err = NULL;
	int64_t id = C->who.id;
	if (act == ACT_RENAME) {
		char *to = prompt_read(a, "Rename to: ", NULL, NULL);
		if (!to || str_is_blank(to)) {
			free(to);
			return;
		}
		push_undo(C, act);
		if (edit_done(p, query_entity_rename(a->s, id, to, &err), err))
			edited(p, id, "renamed (u undoes)");
		free(to);
	} else if (act == ACT_MERGE) {
		char *into = prompt_read(a, "Merge into: ", NULL, app_complete_entity);
		entity_match target;
		if (!into || str_is_blank(into) || !lookup(a, into, &target)) {
			free(into);
			return;
		}
		free(into);
		if (target.id == id) {
			app_message(a, 1, "that is this entity");
			entity_match_free(&target);
			return;
		}
		push_undo(C, act);
		if (edit_done(p, query_entity_merge(a->s, id, target.id, &err), err))
			edited(p, id, "merged (u undoes)");
		entity_match_free(&target);
	} else if (act == ACT_RETYPE) {
		char *t = prompt_read(a, "Type (PER, ORG, LOC): ", NULL, NULL);
		int type = t ? entity_type_parse(t) : -1;
		free(t);
		if (type < 0) {
			app_message(a, 1, "a type is PER, ORG or LOC");
			return;
		}
		push_undo(C, act);
		if (edit_done(p, query_entity_retype(a->s, id, (entity_type)type, &err), err))
			edited(p, id, "retyped (u undoes)");
	} else if (act == ACT_HIDE) {
		push_undo(C, act);
		int hide = !C->who.hidden;
		if (edit_done(p, query_entity_hide(a->s, id, hide, &err), err))
			edited(p, id, hide ? "hidden (u undoes)" : "shown again (u undoes)");
	}
}

/* u: undoes the last edit made from the card. */
static void card_undo_last(pane *p)
{
	card_state *C = state(p);
	app *a = p->app;
	if (!C->nundo) {
		app_message(a, 0, "nothing to undo");
		return;
	}
	card_undo *u = &C->undo[--C->nundo];
	char *err = NULL;
	int rc = 0;
	switch (u->op) {
	case ACT_RENAME:
		rc = query_entity_rename(a->s, u->id, u->name, &err);
		break;
	case ACT_MERGE:
		rc = query_entity_unmerge(a->s, u->id, &err);
		break;
	case ACT_RETYPE:
		rc = query_entity_retype(a->s, u->id, (entity_type)u->type, &err);
		break;
	default:
		rc = query_entity_hide(a->s, u->id, u->hidden, &err);
		break;
	}
	if (rc < 0) {
		app_message(a, 1, "%s", err ? err : "undo failed");
		free(err);
	} else {
		edited(p, u->id, "undone");
	}
	free(u->name);
	if (!C->nundo) {
		free(C->undo);
		C->undo = NULL;
	}
}

/* Actions of the card. */
static int card_action(pane *p, action act)
{
	card_state *C = state(p);
	switch (act) {
	case ACT_RENAME:
	case ACT_MERGE:
	case ACT_RETYPE:
	case ACT_HIDE:
		card_edit(p, act);
		return 1;
	case ACT_UNDO:
		card_undo_last(p);
		return 1;
	case ACT_OPEN:
		app_add_entity_id(p->app, C->who.id, C->who.name, (int)C->who.type, 0);
		return 1;
	case ACT_BACK:
		card_close(p);
		app_layout(p->app);
		return 0; /* and back to the list */
	default:
		return 0;
	}
}

static void card_mouse(pane *p, int row, int col, mmask_t button)
{
	(void)p;
	(void)row;
	(void)col;
	(void)button;
}

static void card_resize(pane *p)
{
	(void)p;
}

/* The store or the filter changed under the card: read it again. */
static void card_event(pane *p, const ui_event *ev)
{
	card_state *C = state(p);
	if (C->who.name && (ev->kind == EV_STORE_CHANGED || ev->kind == EV_ENTITIES_SHOWN))
		ask(p);
}

/* Takes the worker's answer when it is there. */
static int card_idle(pane *p)
{
	card_state *C = state(p);
	if (!C->loading || !C->worker)
		return IDLE_NONE;
	void *res = NULL;
	char *err = NULL;
	int got = worker_collect(C->worker, C->job, 0, &res, &err);
	if (got == 0)
		return IDLE_WAITING;
	install(C, got == 1 ? res : NULL, err);
	return IDLE_DONE;
}

static void card_destroy(pane *p)
{
	card_state *C = state(p);
	worker_stop(C->worker);
	card_close(p);
	free(C);
	p->priv = NULL;
}

static const pane_ops card_ops = {
    .name = "card",
    .title = "Entity",
    .context = KC_CARD,
    .draw = card_draw,
    .action = card_action,
    .resize = card_resize,
    .mouse = card_mouse,
    .event = card_event,
    .wanted = card_wanted,
    .idle = card_idle,
    .destroy = card_destroy,
};

/* See uiint.h. */
void card_init(pane *p)
{
	p->ops = &card_ops;
	p->priv = xcalloc(1, sizeof(card_state));
}
