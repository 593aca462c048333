/* fuzz_extract.c: libFuzzer target: arbitrary bytes through the article
 * parser and the entity extractor must never crash, hang or leak, and
 * every mention must lie inside its field. Built with --enable-fuzzing. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "entity.h"

static article_rules rules;
static entity_extractor *ex;

/* Loads the data files once, as lede does at start. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	article_rules_load(&rules);
	ex = entity_extractor_new();
	return 0;
}

/* Length of the field a mention points into. */
static size_t field_len(const article *a, article_field f)
{
	const char *s = f == FIELD_TITLE     ? a->title
	                : f == FIELD_LEDE    ? a->lede
	                : f == FIELD_CAPTION ? a->caption
	                : f == FIELD_CREDIT  ? a->credit
	                                     : a->body;
	return s ? strlen(s) : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	article a;
	if (article_parse(data, size, &rules, &a) != TEXT_OK)
		return 0;
	mention_list ml;
	mention_list_init(&ml);
	entity_extract(ex, &a, &ml);
	for (size_t i = 0; i < ml.n; i++) {
		const mention *m = &ml.v[i];
		if (m->start >= m->end || m->end > field_len(&a, m->field) || !m->canonical[0])
			abort();
		char *k = entity_key(m->canonical);
		free(k);
	}
	mention_list_free(&ml);
	article_free(&a);
	return 0;
}
