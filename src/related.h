/* related.h: the articles about the same story as a given one, from the
 * words they share (weighted by how rare each word is in the store, ranked
 * by the full-text index) and the salient entities they share, closer in
 * time counting more. What the CLI's `related` and the reader's related
 * list show. */
#ifndef LEDE_RELATED_H
#define LEDE_RELATED_H

#include <stdint.h>

#include "query.h"
#include "store.h"

/* One related article and how close it is: 1 is the article itself, a
 * related one is usually 0.3-0.8. Nothing below RELATED_MIN_SCORE is
 * shown (an unrelated article shares common words and little else), nor
 * below RELATED_RELATIVE times the best one's score (the story's articles
 * stand out; below them come others on the same topic). */
typedef struct related_row {
	article_row row;
	double score;
	double text, entities; /* the two parts of the score, each 0..1 */
} related_row;

#define RELATED_MIN_SCORE 0.25
#define RELATED_RELATIVE  0.6

/* Up to limit articles related to article id, best first. Returns how
 * many (0: none close enough), or -1 with *err (no such article: *err says
 * so; a store error). Rows are freed with related_row_free. */
int query_related(store *s, int64_t id, int limit, related_row *rows, char **err);
void related_row_free(related_row *r);

/* How many articles have word (a folded word, as the index keeps it), as
 * query_related weighs it: counted up to a few hundred, estimated
 * beyond from how far into the store those reach. For tests; -1 on a
 * database error. */
double related_word_df(store *s, const char *word);

#endif
