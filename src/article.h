/* article.h: turning one scraped news file into a clean article:
 * title, date, dateline, lede, photo caption and credit, and body, with
 * the site's trailer cut off. */
#ifndef LEDE_ARTICLE_H
#define LEDE_ARTICLE_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "text.h"
#include "util.h"

typedef struct article {
	char *title;      /* never NULL on success; may be derived from the body */
	lede_date date;   /* precision DATE_NONE when none was found */
	char *dateline;   /* "REHOBOTH BEACH" or NULL */
	char *lede;       /* standfirst paragraph or NULL */
	char *caption;    /* photo caption or NULL */
	char *credit;     /* photo credit, "APnews.com/Patrick Semansky", or NULL */
	char *body;       /* paragraphs joined by "\n\n"; begins with the
	                     dateline paragraph when there is one ("REHOBOTH
	                     BEACH - ..."); the lede is not repeated in it */
	char lang[3];     /* "vi" or "en" */
	size_t repaired;  /* invalid UTF-8 sequences repaired (warn) */
	const char *encoding;
} article;

/* Rules the parser needs that come from data files (trailer markers). */
typedef struct article_rules {
	strlist trailers;  /* lines that start a site trailer: "Bài liên quan" ... */
} article_rules;

/* Loads the rules from data files "trailers.txt" (see datafile.h). */
void article_rules_load(article_rules *r);
void article_rules_free(article_rules *r);

/* Parses raw file bytes into *out. Returns TEXT_OK, or TEXT_EMPTY /
 * TEXT_BINARY when the file is not an article (out is then zeroed). */
text_status article_parse(const uint8_t *raw, size_t n, const article_rules *rules,
                          article *out);

void article_free(article *a);

#endif
