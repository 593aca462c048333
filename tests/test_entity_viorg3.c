/* test_entity_viorg3.c: Vietnamese organization names that generalise
 * (issue 11): shapes that make a word a firm's, verbs that end a name,
 * heads that stay outside a foreign name, clubs named after their
 * province; one test per error class, on sentences written for these
 * tests. */
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

/* Extracts the mentions of a body-only Vietnamese article, and prints
 * them so that a failure shows what was found. */
static void extract(const char *body, mention_list *out)
{
	extract_body_with(ex, "vi", body, out);
	for (size_t i = 0; i < out->n; i++)
		fprintf(stderr, "  %s %s\n", entity_type_name(out->v[i].type), out->v[i].surface);
}

/* An acronym that goes on in lower case ("XYBank", "QTex") and capitals
 * joined by a glued "&" ("K&T") are a firm's shapes: no person, even
 * after a title or before "cho biết"; an acronym's plural, a unit and
 * the common nouns so written (M&A, R&D) are none. */
static void test_org_brand_shape(void **state)
{
	(void)state;
	mention_list l;
	extract("Bà Lê Thị Hoa, Tổng giám đốc XYBank cho biết lãi suất sẽ giảm. QTex đã có lãi "
	        "trong quý ba. Hôm qua, K&T cho biết sẽ hạ bậc tín nhiệm của hai ngân hàng. "
	        "Các thương vụ M&A và chi phí R&D đều tăng, sóng 5 GHz phủ khắp.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "XYBank"));
	assert_true(has_surface(&l, ENT_ORG, "QTex"));
	assert_true(has_surface(&l, ENT_ORG, "K&T"));
	assert_false(has_name(&l, "M&A"));
	assert_false(has_name(&l, "R&D"));
	assert_false(has_name(&l, "GHz"));
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
	    cmocka_unit_test(test_org_brand_shape),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
