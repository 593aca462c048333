/* test_entity_vitech.c: Vietnamese technology and music news as real
 * news writes them (see doc/entities.md): devices named by a brand's
 * acronym and a model, bands named after a band's noun. One test per
 * error class found by reading real articles; sentences written for
 * these tests. */
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

/* A device's noun, then a brand written as an acronym that is no known
 * name, then its model ("đồng hồ thông minh LG Watch Style", "smartphone
 * LG G6") is a product, no entity: neither the brand nor the model a
 * person. The brand after the noun alone stays ("điện thoại LG"). */
static void test_acronym_brand_product(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Hãng LG vừa ra mắt chiếc đồng hồ thông minh LG Watch Style. Mẫu smartwatch LG "
	           "Watch Sport có giá cao hơn. Chiếc smartphone LG G6 bán chạy.",
	           &l);
	expect_no_mention(&l, "Watch Style");
	expect_no_mention(&l, "Watch Sport");
	expect_no_mention(&l, "G6");
	mention_list_free(&l);
	extract_vi("Ông Trần Văn Nam mua điện thoại LG tại Hà Nội.", &l);
	expect_mention(&l, "LG", ENT_ORG, "LG");
	expect_mention(&l, "Trần Văn Nam", ENT_PER, "Trần Văn Nam");
	mention_list_free(&l);
}

/* A band named after a band's noun ("nhóm nhạc", "ban nhạc",
 * "girlgroup", "boygroup") is an organization, and so is the same name
 * alone in a chart's "Song - Artist" list; a singer after "ca sĩ" or
 * "rapper" is a person, a genre after the noun ("Kpop") no name. */
static void test_band_noun(void **state)
{
	(void)state;
	mention_list l;
	extract_vi("Nhóm nhạc Moon Tigers ra mắt album. Girlgroup Pink Rabbit đứng thứ hai. Boygroup "
	           "Kite Runners tái xuất. Ban nhạc Iron Gate diễn tại Hà Nội. Bảng xếp hạng: Rain "
	           "Song - Pink Rabbit. Rapper Suboi và ca sĩ Mỹ Tâm góp mặt cùng nhiều nhóm nhạc Kpop "
	           "tên tuổi.",
	           &l);
	expect_mention(&l, "Moon Tigers", ENT_ORG, "Moon Tigers");
	expect_mention(&l, "Pink Rabbit", ENT_ORG, "Pink Rabbit");
	expect_mention(&l, "Kite Runners", ENT_ORG, "Kite Runners");
	expect_mention(&l, "Iron Gate", ENT_ORG, "Iron Gate");
	expect_mention(&l, "Suboi", ENT_PER, "Suboi");
	expect_mention(&l, "Mỹ Tâm", ENT_PER, "Mỹ Tâm");
	expect_no_mention(&l, "Kpop");
	for (size_t i = 0; i < l.n; i++)
		if (strcmp(l.v[i].surface, "Pink Rabbit") == 0 && l.v[i].type != ENT_ORG)
			fail_msg("\"Pink Rabbit\" at %zu is %s", l.v[i].start, entity_type_name(l.v[i].type));
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
	    cmocka_unit_test(test_acronym_brand_product),
	    cmocka_unit_test(test_band_noun),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
