/* actions.c: what the actions the panes leave to the screen manager do:
 * the prompts (search, entity), the filter, marks, the views that come
 * and go (timeline, related stories, entity card), help, quitting. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "uiint.h"

/* Resolves the filter's entity i and tells the panes; when it stands
 * for nothing it is taken out again and 0 returned. */
static int entity_added(app *a, size_t i)
{
	char *err = NULL;
	if (query_filter_resolve(a->s, &a->filter, &err) != 0) {
		app_message(a, 1, "%s", err);
		free(err);
		filter_remove(&a->filter, i);
		return 0;
	}
	if (a->filter.ents[i].n_ids == 0) {
		app_message(a, 1, "no entity \"%s\" in this store", a->filter.ents[i].label);
		filter_remove(&a->filter, i);
		return 0;
	}
	app_filter_changed(a);
	return 1;
}

/* See uiint.h: adds the entity a person named (negated: excluded) to the
 * filter: the one entity it names by id, as the sidebar would, else all
 * it names (a spec). Returns 0 when no entity has that name. */
int app_add_entity(app *a, const char *name, int negated)
{
	while (*name == ' ')
		name++;
	if (!*name)
		return 0;
	entity_match m[2];
	char *err = NULL;
	int n = query_entity_lookup(a->s, name, m, 2, &err);
	if (n < 0) {
		app_message(a, 1, "%s", err);
		free(err);
		return 0;
	}
	if (n == 0) {
		app_message(a, 1, "no entity named \"%s\"", name);
		return 0;
	}
	size_t i = n == 1 ? filter_add_entity(&a->filter, m[0].id, m[0].name, (int)m[0].type, negated)
	                  : filter_add(&a->filter, name, negated);
	for (int k = 0; k < n; k++)
		entity_match_free(&m[k]);
	return entity_added(a, i);
}

/* See uiint.h. */
int app_add_entity_id(app *a, int64_t id, const char *name, int type, int negated)
{
	return entity_added(a, filter_add_entity(&a->filter, id, name, type, negated));
}

/* See uiint.h: facets of the current result set whose name or alias
 * starts with the text ("!" kept in front). */
int app_complete_entity(app *a, const char *text, strlist *out)
{
	facet_row rows[20];
	char *err = NULL;
	const char *prefix = text[0] == '!' ? text + 1 : text;
	int n = query_facets(a->s, &a->filter, -1, *prefix ? prefix : NULL, 20, rows, &err);
	if (n < 0) {
		free(err);
		return 0;
	}
	for (int i = 0; i < n; i++) {
		char *c = xasprintf("%s%s", text[0] == '!' ? "!" : "", rows[i].name);
		sl_push_owned(out, c);
		facet_row_free(&rows[i]);
	}
	return n;
}

/* `/`: asks for a search and applies it; an empty or blank one removes
 * it (as the query layer reads it). */
static void do_search(app *a)
{
	char *q = prompt_read(a, "Search: ", &a->search_history, NULL);
	trace_begin(q ? "search" : "cancel", NULL);
	if (!q)
		return;
	char *old = a->filter.search;
	int blank = str_is_blank(q);
	a->filter.search = blank ? NULL : q;
	if (blank)
		free(q);
	/* A malformed query must not leave a broken filter behind: checked
	 * as the CLI checks it (its words, then one match at most: a count
	 * would read every match of a common word). */
	char *err = NULL;
	if (query_check_search(a->s, a->filter.search, &err) != 0) {
		app_message(a, 1, "search: %s", err ? err : "invalid query");
		free(err);
		free(a->filter.search);
		a->filter.search = old;
		return;
	}
	free(old);
	app_filter_changed(a);
}

/* `o`: orders the list by relevance or by date, from the top. Without a
 * search the list stays by date until one is made (a message says so). */
static void toggle_order(app *a)
{
	int rel = a->filter.order != QUERY_BY_RELEVANCE;
	a->filter.order = rel ? QUERY_BY_RELEVANCE : QUERY_BY_DATE;
	pane *list = app_pane(a, "list");
	if (list)
		list_reorder(list);
	/* with a search the status line says the order */
	if (!a->filter.search)
		app_message(a, 0, rel ? "by relevance once you search (/); by date until then"
		                      : "by date");
}

/* `e`: asks for an entity (with completion); "!name" excludes it. */
static void do_entity(app *a)
{
	char *name = prompt_read(a, "Entity: ", &a->entity_history, app_complete_entity);
	trace_begin(name ? "entity" : "cancel", NULL);
	if (!name)
		return;
	if (name[0] == '!')
		app_add_entity(a, name + 1, 1);
	else
		app_add_entity(a, name, 0);
	free(name);
}

/* The article `s` and `u` act on: the one read when the reader has the
 * focus, else the one selected in the list. */
static int64_t target_article(app *a, int *read, int *starred)
{
	pane *list = app_pane(a, "list"), *reader = app_pane(a, "reader");
	const article_row *r = list ? list_selected(list) : NULL;
	if (reader && app_has_focus(reader) && a->open_id) {
		if (r && r->id == a->open_id) {
			*read = r->read;
			*starred = r->starred;
		} else if (!reader_marks(reader, read, starred)) {
			article_full art;
			memset(&art, 0, sizeof art);
			char *err = NULL;
			if (query_article(a->s, a->open_id, NULL, &art, &err) <= 0) {
				free(err);
				article_full_free(&art);
				return 0;
			}
			*read = art.read;
			*starred = art.starred;
			article_full_free(&art);
		}
		return a->open_id;
	}
	if (!r)
		return 0;
	*read = r->read;
	*starred = r->starred;
	return r->id;
}

/* `s` and `u`: flip a mark and show it everywhere. */
static void toggle_mark(app *a, int star)
{
	int read = 0, starred = 0;
	int64_t id = target_article(a, &read, &starred);
	if (!id)
		return;
	int rc = star ? query_set_starred(a->s, id, !starred) : query_set_read(a->s, id, !read);
	if (rc != 0) {
		app_message(a, 1, "could not save the mark");
		return;
	}
	app_broadcast_marks(a, id, star ? -1 : !read, star ? !starred : -1);
	app_message(a, 0, "%s",
	            star ? (!starred ? "starred" : "unstarred")
	                 : (!read ? "marked read" : "marked unread"));
}



/* See uiint.h: the actions the focused pane did not take. */
void app_action(app *a, action act)
{
	switch (act) {
	case ACT_NEXT_PANE:
		app_focus_step(a, 1);
		break;
	case ACT_PREV_PANE:
		app_focus_step(a, -1);
		break;
	case ACT_RELATED: {
		pane *rel = app_pane(a, "related");
		if (!rel)
			break;
		if (pane_wanted(rel)) {
			related_show(rel, 0);
			app_focus_pane(a, "list");
		} else if (!a->open_id) {
			app_message(a, 0, "no article open");
			break;
		} else {
			related_show(rel, a->open_id);
			app_focus_pane(a, "related");
		}
		app_layout(a);
		break;
	}
	case ACT_QUIT:
		a->quit = 1;
		break;
	case ACT_HELP:
		help_show(a);
		break;
	case ACT_SEARCH:
		do_search(a);
		break;
	case ACT_ORDER:
		toggle_order(a);
		break;
	case ACT_ENTITY:
		do_entity(a);
		break;
	case ACT_ALL_ENTITIES:
		/* entities of low confidence: shown or left out, in the
		 * sidebar and the reader's highlights */
		query_all_entities(a->s, !a->s->all_entities);
		app_broadcast_kind(a, EV_ENTITIES_SHOWN);
		app_message(a, 0, a->s->all_entities ? "showing all entities, low confidence too"
						     : "hiding entities of low confidence");
		break;
	case ACT_CLEAR_FILTER:
		filter_clear(&a->filter);
		app_filter_changed(a);
		break;
	case ACT_CARD: {
		pane *card = app_pane(a, "card"), *from = &a->panes[a->focus];
		int64_t got = 0;
		if (strcmp(from->ops->name, "sidebar") == 0)
			got = sidebar_current_entity(from);
		else if (app_pane(a, "reader"))
			got = reader_current_entity(app_pane(a, "reader"));
		if (!card || !got) {
			app_message(a, 0, "no entity here: move to one in the sidebar, or to a mention"
			                  " with n");
			break;
		}
		if (card_show(card, got)) {
			app_focus_pane(a, "card");
			app_layout(a);
		}
		break;
	}
	case ACT_TIMELINE: {
		pane *tl = app_pane(a, "timeline");
		if (!tl)
			break;
		timeline_toggle(tl);
		if (pane_wanted(tl))
			app_focus_pane(a, "timeline");
		else if (app_has_focus(tl))
			app_focus_pane(a, "list");
		app_layout(a);
		break;
	}
	case ACT_STAR:
		toggle_mark(a, 1);
		break;
	case ACT_READ:
		toggle_mark(a, 0);
		break;
	case ACT_RELOAD:
		app_reload(a, EV_RELOAD);
		app_message(a, 0, "reloaded");
		break;
	case ACT_NEXT_MENTION:
	case ACT_PREV_MENTION: {
		int next = act == ACT_NEXT_MENTION;
		if (!a->open_id) {
			app_message(a, 0, "no article open");
			break;
		}
		pane *reader = app_pane(a, "reader");
		if (!reader)
			break;
		if (a->layout == LAYOUT_SINGLE && !app_has_focus(reader))
			app_focus_pane(a, "reader");
		if (!reader_jump_mention(reader, next ? 1 : -1))
			app_message(a, 0, "no %s mention", next ? "further" : "earlier");
		break;
	}
	case ACT_BACK:
		app_focus_pane(a, "list");
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}
