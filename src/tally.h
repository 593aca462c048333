/* tally.h: what one article says of each entity it mentions: how often,
 * how prominently (salience) and where (spans). Made by ingest's workers
 * from the extractor's mentions, so that the single thread writing to
 * the store gets one row per entity instead of one per mention. */
#ifndef LEDE_TALLY_H
#define LEDE_TALLY_H

#include <stddef.h>

#include "entity.h"

/* The mentions of one entity in an article: one type and one key
 * (entity_key() of the canonical name, as the store merges entities). */
typedef struct entity_tally {
	entity_type type;
	char *canonical;
	size_t mentions;
	double salience;  /* its share of the article's weighted mentions, 0..1 */
	/* The article's evidence for this type (the most any of its mentions
	 * has); 0 when the type is only guessed (mention_guessed). */
	int evidence;
	/* Where it is mentioned, in reading order, as the store keeps it: a
	 * JSON array of [field, start, end] (article_field, byte offsets). */
	char *spans;
	/* The distinct surfaces and canonical spellings that differ from the
	 * canonical name ("Putin" for "Vladimir Putin"): its aliases. */
	char **aliases;
	size_t n_aliases;
	/* The article's own name for it: its most written surface, where a
	 * short form yields to the long one it stands for when the article
	 * writes both ("Obama" to "Barack Obama", "US" to "United States");
	 * the store counts these votes to name the entity as the corpus
	 * does (store_names.c). */
	char *written;
} entity_tally;

typedef struct tally_list {
	entity_tally *v;
	size_t n;
	/* the strings of every tally, one block, and their aliases' pointers,
	 * one array: an article has tens of tallies, and an allocation for
	 * each string of each was a tenth of the tally's time */
	char *pool;
	char **alias_v;
} tally_list;

/* Groups mentions by entity, in order of first mention; an entity's name
 * is the canonical name of its first mention. Title and lede weigh more
 * than the body in the salience. */
void tally_mentions(const mention_list *ml, tally_list *out);
void tally_list_free(tally_list *l);

#endif
