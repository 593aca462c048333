/* date.h: recognizing the dates people write in news articles. */
#ifndef LEDE_DATE_H
#define LEDE_DATE_H

#include <stddef.h>

/* How much of a date was found: a month stays a month. */
typedef enum date_precision {
	DATE_NONE = 0,
	DATE_YEAR,
	DATE_MONTH,
	DATE_DAY,
	DATE_MINUTE
} date_precision;

typedef struct lede_date {
	int year, month, day, hour, minute;
	date_precision precision;
} lede_date;

/* Finds a date at the start of s (after leading white space):
 * "30/12/2021", "30/12/2021, 09:32", "2021-12-30", "date 2021-12",
 * "ngày 30 tháng 12 năm 2021", "30.12.2021", "December 30, 2021",
 * "Thứ Năm, 30 tháng 12 năm 2021". Returns the number of bytes consumed
 * (0 when no date starts there) and fills *out. Impossible dates
 * (31/02, month 13) are rejected. */
size_t date_parse(const char *s, size_t n, lede_date *out);

/* Finds the first date anywhere in s; returns its byte offset or -1. */
long date_find(const char *s, size_t n, lede_date *out, size_t *len);

/* ISO 8601 to the precision found: "2021", "2021-12", "2021-12-30",
 * "2021-12-30 09:32". buf must hold 17 bytes. */
void date_format(const lede_date *d, char buf[17]);

/* Parses a user's --since/--until argument (any form above, or ISO).
 * Returns 0 on success. */
int date_parse_arg(const char *s, lede_date *out);

#endif
