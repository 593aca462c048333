/* test_tally.c: mentions grouped by entity, as ingest's workers hand them
 * to the store. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "tally.h"
#include "util.h"

/* Appends a mention to l. */
static void add(mention_list *l, entity_type type, article_field field, size_t start,
                const char *surface, const char *canonical)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	mention *m = &l->v[l->n++];
	m->type = type;
	m->field = field;
	m->start = start;
	m->end = start + strlen(surface);
	m->surface = xstrdup(surface);
	m->canonical = xstrdup(canonical);
	memset(m->evidence, 0, sizeof m->evidence);
	m->evidence[type] = 10;
}

/* Whether a and b differ by less than rounding. */
static int near(double a, double b)
{
	return a - b < 1e-9 && b - a < 1e-9;
}

/* Whether t has alias name. */
static int has_alias(const entity_tally *t, const char *name)
{
	for (size_t i = 0; i < t->n_aliases; i++)
		if (strcmp(t->aliases[i], name) == 0)
			return 1;
	return 0;
}

/* Mentions of one entity become one tally with its spans in reading
 * order, its aliases and its salience; groups come in order of first
 * mention. */
static void test_groups(void **state)
{
	(void)state;
	mention_list l;
	mention_list_init(&l);
	add(&l, ENT_LOC, FIELD_BODY, 50, "Nga", "Nga");
	add(&l, ENT_PER, FIELD_BODY, 10, "Putin", "Vladimir Putin");
	add(&l, ENT_PER, FIELD_TITLE, 0, "Vladimir Putin", "Vladimir Putin");
	add(&l, ENT_LOC, FIELD_BODY, 5, "Nga", "Nga");
	tally_list t;
	tally_mentions(&l, &t);
	assert_int_equal(t.n, 2);
	assert_string_equal(t.v[0].canonical, "Nga");
	assert_int_equal(t.v[0].type, ENT_LOC);
	assert_int_equal(t.v[0].mentions, 2);
	assert_string_equal(t.v[0].spans, "[[0,5,8],[0,50,53]]");
	assert_int_equal(t.v[0].n_aliases, 0);
	assert_string_equal(t.v[1].canonical, "Vladimir Putin");
	/* Spans go by field, then start: the body (0) before the title (1). */
	assert_string_equal(t.v[1].spans, "[[0,10,15],[1,0,14]]");
	assert_int_equal(t.v[1].n_aliases, 1);
	assert_true(has_alias(&t.v[1], "Putin"));
	/* Weights: title 3, body 1 each; total 3 + 1 + 1 + 1 = 6. */
	assert_true(near(t.v[1].salience, 4.0 / 6));
	assert_true(near(t.v[0].salience, 2.0 / 6));
	tally_list_free(&t);
	mention_list_free(&l);
}

/* Spellings the store merges (same type and entity_key) are one tally,
 * named as first mentioned, the other spelling an alias; the same name
 * with another type is another entity. */
static void test_same_key(void **state)
{
	(void)state;
	mention_list l;
	mention_list_init(&l);
	add(&l, ENT_LOC, FIELD_BODY, 0, "châu Âu", "châu Âu");
	add(&l, ENT_PER, FIELD_BODY, 20, "Jordan", "Jordan");
	add(&l, ENT_LOC, FIELD_BODY, 40, "Châu Âu", "Châu Âu");
	add(&l, ENT_PER, FIELD_BODY, 60, "Zelenskyy", "Zelenskyy");
	add(&l, ENT_PER, FIELD_BODY, 80, "Zelensky", "Zelensky");
	add(&l, ENT_LOC, FIELD_BODY, 90, "Jordan", "Jordan");
	tally_list t;
	tally_mentions(&l, &t);
	assert_int_equal(t.n, 4);
	assert_string_equal(t.v[0].canonical, "châu Âu");
	assert_int_equal(t.v[0].mentions, 2);
	assert_true(has_alias(&t.v[0], "Châu Âu"));
	assert_string_equal(t.v[1].canonical, "Jordan");
	assert_int_equal(t.v[1].type, ENT_PER);
	assert_string_equal(t.v[2].canonical, "Zelenskyy");
	assert_int_equal(t.v[2].mentions, 2);
	assert_true(has_alias(&t.v[2], "Zelensky"));
	assert_string_equal(t.v[3].canonical, "Jordan");
	assert_int_equal(t.v[3].type, ENT_LOC);
	tally_list_free(&t);
	mention_list_free(&l);
}

/* An entity mentioned many times, out of order (more than the insertion
 * sort takes), still gets its spans in reading order, and the entities
 * around it keep the order of their first mention. */
static void test_many_mentions(void **state)
{
	(void)state;
	mention_list l;
	mention_list_init(&l);
	add(&l, ENT_PER, FIELD_BODY, 500, "Putin", "Putin");
	add(&l, ENT_LOC, FIELD_TITLE, 0, "Nga", "Nga");
	for (int i = 19; i >= 0; i--)
		add(&l, ENT_LOC, FIELD_BODY, (size_t)(10 * i), "Nga", "Nga");
	add(&l, ENT_ORG, FIELD_BODY, 600, "NATO", "NATO");
	tally_list t;
	tally_mentions(&l, &t);
	assert_int_equal(t.n, 3);
	assert_string_equal(t.v[0].canonical, "Putin");
	assert_string_equal(t.v[1].canonical, "Nga");
	assert_string_equal(t.v[2].canonical, "NATO");
	assert_int_equal(t.v[1].mentions, 21);
	strbuf want;
	sb_init(&want);
	sb_addc(&want, '[');
	for (int i = 0; i < 20; i++)
		sb_printf(&want, "[0,%d,%d],", 10 * i, 10 * i + 3);
	sb_adds(&want, "[1,0,3]]");
	assert_string_equal(t.v[1].spans, want.s);
	sb_free(&want);
	tally_list_free(&t);
	mention_list_free(&l);
}

/* No mentions, no tallies. */
static void test_empty(void **state)
{
	(void)state;
	mention_list l;
	mention_list_init(&l);
	tally_list t;
	tally_mentions(&l, &t);
	assert_int_equal(t.n, 0);
	tally_mentions(NULL, &t);
	assert_int_equal(t.n, 0);
	tally_list_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_groups),
	    cmocka_unit_test(test_same_key),
	    cmocka_unit_test(test_many_mentions),
	    cmocka_unit_test(test_empty),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
