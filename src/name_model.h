/* name_model.h: the learned layer of entity typing. A name the rules
 * found no evidence for ("Detroit Pistons", "Suối Tiên") is typed by what
 * the user's own corpus says about names like it: a multi-class averaged
 * perceptron over the name's words, its first and last word, the endings
 * of its words and its shape, trained on the corpus's entities whose type
 * the rules proved (self-training: it improves as the corpus grows, and
 * nothing is shipped but the code). */
#ifndef LEDE_NAME_MODEL_H
#define LEDE_NAME_MODEL_H

#include <stddef.h>

#include "entity.h"

typedef struct name_model name_model;

name_model *name_model_new(void);
void name_model_free(name_model *m);

/* Adds a training example: a name whose type is known. Names without a
 * letter are ignored. */
void name_model_add(name_model *m, const char *name, entity_type type);

/* Number of examples added so far. */
size_t name_model_examples(const name_model *m);

/* Learns the weights from the examples (a fixed number of passes in a
 * fixed shuffled order: the same examples give the same model). */
void name_model_train(name_model *m);

/* The type the model gives the name, or -1 when it has not been trained
 * or knows none of the name's features; *margin gets how far the best
 * score is ahead of the second, per feature the model knows (comparable
 * between names: callers keep a prediction only above a threshold). */
int name_model_predict(const name_model *m, const char *name, double *margin);

#endif
