/* test_entity_viprec2.c: precision of Vietnamese highlights on real
 * news, the classes of the newest hand audits (see doc/entities.md):
 * people named with their relatives, companies and their shops, shops
 * named after their street, quoted titles, "Bà" in places' names, an
 * organization before a person, wrong aliases. One test per error
 * class; sentences written for these tests. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "entity.h"
#include "testutil.h"
#include "util.h"

static entity_extractor *ex;

/* Extracts the mentions of a Vietnamese article with this body. */
static void extract_vi(const char *body, mention_list *out)
{
	extract_body_with(ex, "vi", body, out);
}

/* Fails unless no mention with this surface has type t. */
static void expect_not_type(const mention_list *l, const char *surface, entity_type t)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i].surface, surface) == 0 && l->v[i].type == t)
			fail_msg("\"%s\" at %zu is %s", surface, l->v[i].start, entity_type_name(t));
}

/* A relative's word next to a name ("vợ Suarez", "bạn gái của Rivaldo",
 * "Sofia - vợ Suarez") makes it a person's, a foreign one-word place of
 * the gazetteer too (Sofia), and the article's other mentions of it
 * follow, lists included ("Carla và Sofia"); a country stays a place. */
static void test_kin_person(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Khi Rivaldo dạo phố. Hôm qua, bạn gái của Rivaldo và Sofia - vợ Gonzalo khai "
	           "trương cửa hàng. Hai người đẹp là Carla và Sofia. Carla - người yêu Rivaldo mặc "
	           "váy đỏ. Cả hai từng sống ở Argentina.",
	           &l);
	expect_mention(&l, "Rivaldo", ENT_PER, "Rivaldo");
	expect_mention(&l, "Sofia", ENT_PER, "Sofia");
	expect_mention(&l, "Carla", ENT_PER, "Carla");
	expect_not_type(&l, "Sofia", ENT_LOC);
	expect_not_type(&l, "Rivaldo", ENT_LOC);
	expect_not_type(&l, "Carla", ENT_LOC);
	expect_mention(&l, "Argentina", ENT_LOC, "Argentina");
	mention_list_free(&l);
	/* the capital stays a place where no relative names it */
	extract_vi("Đoàn đại biểu đã tới Sofia và làm việc với chính quyền Sofia.", &l);
	expect_mention(&l, "Sofia", ENT_LOC, "Sofia");
	mention_list_free(&l);
}

static int setup(void **state)
{
	(void)state;
	ex = entity_extractor_new();
	return ex ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	entity_extractor_free(ex);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_kin_person),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
