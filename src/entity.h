/* entity.h: named entities (people, organizations, places) found in an
 * article, each mention already linked within the article to a canonical
 * name, so that the store can merge mentions across the corpus by key. */
#ifndef LEDE_ENTITY_H
#define LEDE_ENTITY_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"

typedef enum entity_type { ENT_PER = 0, ENT_ORG = 1, ENT_LOC = 2, ENT_NTYPES = 3 } entity_type;

/* Which stored text a mention's offsets point into. */
typedef enum article_field {
	FIELD_BODY = 0,
	FIELD_TITLE = 1,
	FIELD_LEDE = 2,
	FIELD_CAPTION = 3,
	FIELD_CREDIT = 4
} article_field;

typedef struct mention {
	entity_type type;
	article_field field;
	size_t start, end;  /* byte offsets into that field of struct article */
	char *surface;      /* the text as written */
	char *canonical;    /* linked name: "Vladimir Putin" for "Putin",
	                       "Hoa Kỳ" for "Mỹ" (gazetteer canonical) */
	/* What this article says of its entity's type, per entity_type: the
	 * summed weights of its cues, gazetteer entries and shape (all its
	 * mentions share them). All zero: nothing proves a type, the type is
	 * a guess (mention_guessed), and the store lets the rest of the
	 * corpus decide it. */
	int evidence[ENT_NTYPES];
	size_t lead; /* bytes of the surface before the entity's own name: a
	                unit word ("tỉnh " of "tỉnh Nghệ An") */
} mention;

/* True when nothing in its article proves the mention's type. */
int mention_guessed(const mention *m);

typedef struct mention_list {
	mention *v;
	size_t n, cap;
	/* what the strings of entity_extract's mentions point into (their
	 * names and a block of surfaces); empty when each mention's strings
	 * are allocated one by one, as a list made by hand has them */
	strlist owned;
} mention_list;

void mention_list_init(mention_list *l);
void mention_list_free(mention_list *l);

typedef struct entity_extractor entity_extractor;

/* Loads gazetteers and cue lists from the data files (datafile.h).
 * The extractor is read-only afterwards: one may serve several threads. */
entity_extractor *entity_extractor_new(void);
void entity_extractor_free(entity_extractor *ex);

/* Appends the mentions of a parsed article to out. */
void entity_extract(const entity_extractor *ex, const article *a, mention_list *out);

/* The key under which entities merge across the corpus: folded like search
 * (case, diacritics, đ->d) with doubled letters collapsed in words of five
 * letters or more, so "Zelenskyy", "Zelensky" and "ZELENSKY" share one key
 * but CNN and CN, BBC and BCC do not. A word written with marks only
 * Vietnamese uses (đ, ơ, ư, ă, a dot below or hook above, a tone on â ê ô)
 * keeps them after a colon, in Telex letters and wherever its tone sits:
 * "Đức" is "duc:dduws", "Đúc" "duc:dds", "Thủy" and "Thuỷ" "thuy:r",
 * "José" still "jose". Returns a new string. */
char *entity_key(const char *name);
/* Appends entity_key(name) to out (util.h), for callers that keep many
 * keys in one buffer; returns the offset where it starts. */
struct strbuf;
size_t entity_key_append(struct strbuf *out, const char *name);

/* The key without its Vietnamese marks ("duc:dduws" -> "duc"): what
 * entity_key gave before schema 11, which edits made then still name.
 * Returns a new string. */
char *entity_key_unmarked(const char *key);

/* Whether the capitals of the acronym (ASCII letters, Đ as D) are the
 * first letters of the words of key, an entity_key(): "US" of "united
 * states", "KTNN" of "kiem toan nha nuoc". */
bool entity_initials_of(const char *acronym, const char *key);

/* Length of the royal or noble title (and its space) that the name
 * starts with ("Prince " of "Prince Charles", "Lord " of "Lord Cullen"),
 * 0 when none: such a name is a given or title name, whose last word is
 * no family name to link other names by. */
size_t entity_title_len(const char *name);

/* "PER", "ORG", "LOC"; entity_type_parse returns -1 for anything else. */
const char *entity_type_name(entity_type t);
int entity_type_parse(const char *s);

#endif
