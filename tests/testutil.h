/* testutil.h: small helpers the unit tests share (header only, static
 * inline so that a test that uses some of them compiles cleanly). */
#ifndef LEDE_TESTUTIL_H
#define LEDE_TESTUTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "entity.h"
#include "store.h"
#include "util.h"

/* Reads a whole file; NULL when it cannot be read. */
static inline uint8_t *slurp(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	strbuf b;
	sb_init(&b);
	char chunk[65536];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_add(&b, chunk, got);
	fclose(f);
	*n = b.len;
	return (uint8_t *)sb_detach(&b);
}

/* Extracts with ex the mentions of an article with only a body (and an
 * empty title) in language lang, into out (initialized here). */
static inline void extract_body_with(const entity_extractor *ex, const char *lang, const char *body,
                                     mention_list *out)
{
	article a;
	memset(&a, 0, sizeof a);
	a.title = xstrdup("");
	a.body = xstrdup(body);
	memcpy(a.lang, lang, 3);
	mention_list_init(out);
	entity_extract(ex, &a, out);
	free(a.title);
	free(a.body);
}

/* The first mention whose surface text is `surface`, or NULL. */
static inline const mention *find_surface(const mention_list *l, const char *surface)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].surface, surface) == 0)
			return &l->v[i];
	return NULL;
}

/* Whether some mention links to canonical name `name` with type t. */
static inline int has_entity(const mention_list *l, entity_type t, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].type == t && strcmp(l->v[i].canonical, name) == 0)
			return 1;
	return 0;
}

/* Whether some mention has exactly this surface and type t. */
static inline int has_surface(const mention_list *l, entity_type t, const char *surface)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].type == t && strcmp(l->v[i].surface, surface) == 0)
			return 1;
	return 0;
}

/* Whether any mention has this canonical name or surface, any type. */
static inline int has_name(const mention_list *l, const char *name)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].canonical, name) == 0 || strcmp(l->v[i].surface, name) == 0)
			return 1;
	return 0;
}

/* The article's date as ISO text (a static buffer). */
static inline const char *iso(const article *a)
{
	static char buf[17];
	date_format(&a->date, buf);
	return buf;
}

/* Whether s ends with suffix. */
static inline int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

#ifdef cmocka_unit_test
/* Fails the running cmocka test unless a mention has this surface, type
 * and canonical name. */
static inline void expect_mention(const mention_list *l, const char *surface, entity_type t,
                                  const char *canonical)
{
	const mention *m = find_surface(l, surface);
	if (!m)
		fail_msg("no mention \"%s\"", surface);
	if (m->type != t || strcmp(m->canonical, canonical) != 0)
		fail_msg("\"%s\" is %s \"%s\", not %s \"%s\"", surface, entity_type_name(m->type),
		         m->canonical, entity_type_name(t), canonical);
}

/* Fails the running cmocka test when a mention has this surface. */
static inline void expect_no_mention(const mention_list *l, const char *surface)
{
	const mention *m = find_surface(l, surface);
	if (m)
		fail_msg("\"%s\" is a mention (%s)", surface, entity_type_name(m->type));
}

/* Fails the running cmocka test when a mention with this surface has
 * type t (the surface may be there with another type, or not at all). */
static inline void expect_not_type(const mention_list *l, const char *surface, entity_type t)
{
	if (has_surface(l, t, surface))
		fail_msg("\"%s\" is a %s mention", surface, entity_type_name(t));
}
#endif

/* Opens a new store (store.db, with its state.db) in a new folder
 * /tmp/lede-NAME.XXXXXX: the store, and the folder in *dir (new
 * string); NULL when it cannot be made. */
static inline store *temp_store(const char *name, char **dir)
{
	*dir = xasprintf("/tmp/lede-%s.XXXXXX", name);
	if (!mkdtemp(*dir))
		return NULL;
	char *db = xasprintf("%s/store.db", *dir);
	char *state_db = xasprintf("%s/state.db", *dir);
	char *err = NULL;
	store *s = store_open(db, state_db, STORE_OPEN_CREATE, &err);
	free(db);
	free(state_db);
	free(err);
	return s;
}

/* Closes s (if any) and removes folder dir with all in it, then frees
 * dir: temp_store's undoing. 0, or rm's status. */
static inline int temp_store_remove(store *s, char *dir)
{
	if (s)
		store_close(s);
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	free(dir);
	return rc;
}

#endif
