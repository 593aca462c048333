/* fuzz_date.c: libFuzzer target: arbitrary bytes through the date
 * recognizer (date_parse, date_find, date_parse_arg, date_format) must
 * never crash or read past the input, and every date found must be a real
 * one at its precision, consumed within the input. Built with
 * --enable-fuzzing. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"

/* Aborts unless d is a real date at its precision, formatted in ISO. */
static void check_date(const lede_date *d)
{
	static const int days[13] = {0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (d->precision <= DATE_NONE || d->precision > DATE_MINUTE)
		abort();
	if (d->year < 1000 || d->year > 2999)
		abort();
	if (d->precision >= DATE_MONTH && (d->month < 1 || d->month > 12))
		abort();
	if (d->precision >= DATE_DAY && (d->day < 1 || d->day > days[d->month]))
		abort();
	if (d->precision >= DATE_MINUTE &&
	    (d->hour < 0 || d->hour > 23 || d->minute < 0 || d->minute > 59))
		abort();
	char buf[17];
	memset(buf, 'x', sizeof buf);
	date_format(d, buf);
	size_t len = strnlen(buf, sizeof buf);
	static const size_t want[] = {0, 4, 7, 10, 16};
	if (len != want[d->precision])
		abort();
	/* What date_format writes, date_parse_arg reads back the same. */
	lede_date back;
	if (date_parse_arg(buf, &back) != 0 || back.precision != d->precision ||
	    back.year != d->year ||
	    (d->precision >= DATE_MONTH && back.month != d->month) ||
	    (d->precision >= DATE_DAY && back.day != d->day))
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* An exact-size copy, so that ASan sees any read past the end. */
	char *s = malloc(size ? size : 1);
	memcpy(s, data, size);
	lede_date d;
	size_t used = date_parse(s, size, &d);
	if (used > size)
		abort();
	if (used)
		check_date(&d);
	size_t len = 0;
	long at = date_find(s, size, &d, &len);
	if (at >= 0) {
		if ((size_t)at > size || len == 0 || len > size - (size_t)at)
			abort();
		check_date(&d);
	}
	free(s);
	/* date_parse_arg takes a C string, as --since/--until give it. */
	char *arg = malloc(size + 1);
	memcpy(arg, data, size);
	arg[size] = '\0';
	if (date_parse_arg(arg, &d) == 0)
		check_date(&d);
	free(arg);
	return 0;
}
