/* date.c: recognizing the dates people write in news articles (see date.h).
 *
 * A small hand-written recognizer rather than strptime: the forms mix
 * Vietnamese words, English month names and several numeric layouts, and
 * each must keep the precision it was written with. Keywords are compared
 * with libunistring's u8_casecmp so "Ngày", "ngày" and "NGÀY" all match. */
#include "config.h"

#include "date.h"

#include <string.h>
#include <unicase.h>
#include <uninorm.h>

/* A cursor over the input being recognized. */
typedef struct scan {
	const char *s;
	size_t n;
	size_t i;
} scan;

/* True for an ASCII digit. */
static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* True for an ASCII letter. */
static int is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Whether year y is a leap year in the Gregorian calendar. */
static int leap_year(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Number of days in month m (1..12) of year y. */
static int month_days(int y, int m)
{
	static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && leap_year(y))
		return 29;
	return days[m - 1];
}

/* Whether the fields of d make a real date at its precision. */
static int date_valid(const lede_date *d)
{
	if (d->precision >= DATE_YEAR && (d->year < 1000 || d->year > 2999))
		return 0;
	if (d->precision >= DATE_MONTH && (d->month < 1 || d->month > 12))
		return 0;
	if (d->precision >= DATE_DAY && (d->day < 1 || d->day > month_days(d->year, d->month)))
		return 0;
	if (d->precision >= DATE_MINUTE &&
	    (d->hour < 0 || d->hour > 23 || d->minute < 0 || d->minute > 59))
		return 0;
	return 1;
}

/* Skips spaces and tabs (not newlines: a date does not span lines). */
static void skip_blanks(scan *c)
{
	while (c->i < c->n && (c->s[c->i] == ' ' || c->s[c->i] == '\t'))
		c->i++;
}

/* Reads an unsigned number of min..max digits; the digit run must end
 * there (so "20211" is not a 4-digit year). Returns -1 when absent. */
static int read_num(scan *c, int min, int max)
{
	size_t j = c->i;
	int v = 0;
	while (j < c->n && is_digit((unsigned char)c->s[j]) && (int)(j - c->i) < max + 1) {
		v = v * 10 + (c->s[j] - '0');
		j++;
	}
	int len = (int)(j - c->i);
	if (len < min || len > max)
		return -1;
	c->i = j;
	return v;
}

/* Accepts the single byte ch. */
static int accept_char(scan *c, char ch)
{
	if (c->i < c->n && c->s[c->i] == ch) {
		c->i++;
		return 1;
	}
	return 0;
}

/* Accepts keyword w (lower case, NFC) case-insensitively, as a whole word.
 * Vietnamese and English letters keep their UTF-8 length across case, so
 * comparing the same byte length is enough. */
static int accept_word(scan *c, const char *w)
{
	size_t len = strlen(w);
	if (c->n - c->i < len)
		return 0;
	/* u8_casecmp is costly: rule out a different first letter cheaply. */
	unsigned char x = (unsigned char)c->s[c->i], y = (unsigned char)w[0];
	if (x < 0x80 && y < 0x80 && (x | 0x20) != y)
		return 0;
	if ((x < 0x80) != (y < 0x80))
		return 0;
	/* ASCII on both sides, as most keywords and dates are: folding is
	 * lower-casing A-Z (u8_casecmp allocates, and was asked tens of
	 * times per article) */
	const unsigned char *t = (const unsigned char *)c->s + c->i;
	size_t k = 0;
	while (k < len && t[k] < 0x80 && (unsigned char)w[k] < 0x80)
		k++;
	if (k == len) {
		for (k = 0; k < len; k++) {
			unsigned char a = t[k], b = (unsigned char)w[k];
			if ((a >= 'A' && a <= 'Z' ? a | 0x20 : a) !=
			    (b >= 'A' && b <= 'Z' ? b | 0x20 : b))
				return 0;
		}
	} else {
		int cmp = 1;
		if (u8_casecmp(t, len, (const uint8_t *)w, len, NULL, NULL, &cmp) != 0 || cmp != 0)
			return 0;
	}
	size_t end = c->i + len;
	if (end < c->n) {
		unsigned char next = (unsigned char)c->s[end];
		if (is_alpha(next) || is_digit(next) || next >= 0x80)
			return 0;
	}
	c->i = end;
	return 1;
}

static const char *const month_names[12][3] = {
	{"january", "jan", NULL},  {"february", "feb", NULL},
	{"march", "mar", NULL},    {"april", "apr", NULL},
	{"may", NULL, NULL},       {"june", "jun", NULL},
	{"july", "jul", NULL},     {"august", "aug", NULL},
	{"september", "sept", "sep"}, {"october", "oct", NULL},
	{"november", "nov", NULL}, {"december", "dec", NULL},
};

/* Accepts an English month name or abbreviation ("Dec." too); returns
 * 1..12 or 0. */
static int accept_month_name(scan *c)
{
	for (int m = 0; m < 12; m++) {
		for (int k = 0; k < 3 && month_names[m][k]; k++) {
			if (accept_word(c, month_names[m][k])) {
				if (k > 0)
					accept_char(c, '.');
				return m + 1;
			}
		}
	}
	return 0;
}

/* Accepts an optional weekday and the comma after it: English
 * ("Thursday, ") or Vietnamese ("Thứ Năm, ", "Chủ nhật, "). */
static void accept_weekday(scan *c)
{
	static const char *const en[] = {"monday",   "tuesday", "wednesday", "thursday",
	                                 "friday",   "saturday", "sunday",   "mon",
	                                 "tue",      "wed",      "thu",      "fri",
	                                 "sat",      "sun"};
	static const char *const vi[] = {"hai", "ba", "tư", "năm", "sáu", "bảy"};
	size_t start = c->i;
	int found = 0;
	for (size_t k = 0; k < sizeof en / sizeof *en && !found; k++)
		found = accept_word(c, en[k]);
	if (!found && accept_word(c, "thứ")) {
		skip_blanks(c);
		for (size_t k = 0; k < sizeof vi / sizeof *vi && !found; k++)
			found = accept_word(c, vi[k]);
		if (!found)
			found = read_num(c, 1, 1) >= 2;
	}
	if (!found && accept_word(c, "chủ")) {
		skip_blanks(c);
		found = accept_word(c, "nhật");
	}
	if (!found) {
		c->i = start;
		return;
	}
	accept_char(c, '.');
	skip_blanks(c);
	accept_char(c, ',');
	skip_blanks(c);
}

/* Accepts an optional time after a day: ", 09:32", " 09:32", " - 09h32",
 * " lúc 9:32". Sets the minute precision when found. */
static void accept_time(scan *c, lede_date *d)
{
	size_t start = c->i;
	skip_blanks(c);
	if (accept_char(c, ',') || accept_char(c, '-') || accept_char(c, '|'))
		skip_blanks(c);
	if (accept_word(c, "lúc") || accept_word(c, "at"))
		skip_blanks(c);
	int h = read_num(c, 1, 2);
	if (h >= 0 && c->i < c->n && (c->s[c->i] == ':' || c->s[c->i] == 'h' || c->s[c->i] == 'H')) {
		c->i++;
		int m = read_num(c, 2, 2);
		if (m >= 0 && h < 24 && m < 60 &&
		    !(c->i < c->n && (is_digit((unsigned char)c->s[c->i]) || c->s[c->i] == ':'))) {
			d->hour = h;
			d->minute = m;
			d->precision = DATE_MINUTE;
			return;
		}
	}
	c->i = start;
}

/* Reads the four-digit year that ends most forms, then checks the whole
 * date and takes a time after a day ("..., 09:32"). 0 when it does not
 * make a real date. A time after a month alone ("tháng 12 năm 2021,
 * 09:32") is left unread: a minute without a day is no date. */
static int end_with_year(scan *c, lede_date *d, int month, int day, date_precision p)
{
	int year = read_num(c, 4, 4);
	if (year < 0)
		return 0;
	*d = (lede_date){year, month, day, 0, 0, p};
	if (!date_valid(d))
		return 0;
	if (p >= DATE_DAY)
		accept_time(c, d);
	return 1;
}

/* Numeric day-first forms: "30/12/2021", "30.12.2021", "30-12-2021". */
static int parse_dmy(scan *c, lede_date *d)
{
	size_t start = c->i;
	int day = read_num(c, 1, 2);
	if (day < 0 || c->i >= c->n)
		goto fail;
	char sep = c->s[c->i];
	if (sep != '/' && sep != '.' && sep != '-')
		goto fail;
	c->i++;
	int month = read_num(c, 1, 2);
	if (month < 0 || !accept_char(c, sep))
		goto fail;
	if (!end_with_year(c, d, month, day, DATE_DAY))
		goto fail;
	return 1;
fail:
	c->i = start;
	return 0;
}

/* ISO forms: "2021-12-30", "2021-12-30 09:32", "2021-12-30T09:32"; with
 * allow_month also "2021-12" (after "date", or in a user's argument). */
static int parse_iso(scan *c, lede_date *d, int allow_month)
{
	size_t start = c->i;
	int year = read_num(c, 4, 4);
	if (year < 0 || !accept_char(c, '-'))
		goto fail;
	int month = read_num(c, 1, 2);
	if (month < 0)
		goto fail;
	if (c->i + 1 < c->n && c->s[c->i] == '-' && is_digit((unsigned char)c->s[c->i + 1])) {
		c->i++;
		int day = read_num(c, 1, 2);
		if (day < 0)
			goto fail;
		*d = (lede_date){year, month, day, 0, 0, DATE_DAY};
		if (!date_valid(d))
			goto fail;
		size_t before_t = c->i;
		if (accept_char(c, 'T')) {
			accept_time(c, d);
			if (d->precision != DATE_MINUTE)
				c->i = before_t;
		} else {
			accept_time(c, d);
		}
		return 1;
	}
	if (!allow_month)
		goto fail;
	*d = (lede_date){year, month, 0, 0, 0, DATE_MONTH};
	if (!date_valid(d))
		goto fail;
	return 1;
fail:
	c->i = start;
	return 0;
}

/* Vietnamese words: "30 tháng 12 năm 2021" (after an optional "ngày"),
 * or "tháng 12 năm 2021" (month precision). */
static int parse_vi_words(scan *c, lede_date *d, int need_day)
{
	size_t start = c->i;
	int day = 0;
	if (need_day) {
		day = read_num(c, 1, 2);
		if (day < 0)
			goto fail;
		skip_blanks(c);
	}
	if (!accept_word(c, "tháng"))
		goto fail;
	skip_blanks(c);
	int month = read_num(c, 1, 2);
	if (month < 0)
		goto fail;
	skip_blanks(c);
	if (accept_char(c, ','))
		skip_blanks(c);
	if (!accept_word(c, "năm"))
		goto fail;
	skip_blanks(c);
	if (!end_with_year(c, d, month, day, need_day ? DATE_DAY : DATE_MONTH))
		goto fail;
	return 1;
fail:
	c->i = start;
	return 0;
}

/* English: "December 30, 2021", "Dec. 30 2021", "December 2021" (month
 * precision), and day first: "30 December 2021". */
static int parse_en(scan *c, lede_date *d)
{
	size_t start = c->i;
	int month = accept_month_name(c);
	if (month) {
		skip_blanks(c);
		size_t after_month = c->i;
		int day = read_num(c, 1, 2);
		if (day >= 0) {
			if (!accept_word(c, "st") && !accept_word(c, "nd") && !accept_word(c, "rd"))
				accept_word(c, "th");
			accept_char(c, ',');
			skip_blanks(c);
			int year = read_num(c, 4, 4);
			if (year >= 0) {
				*d = (lede_date){year, month, day, 0, 0, DATE_DAY};
				if (!date_valid(d))
					goto fail;
				accept_time(c, d);
				return 1;
			}
		}
		c->i = after_month;
		int year = read_num(c, 4, 4);
		if (year < 0)
			goto fail;
		*d = (lede_date){year, month, 0, 0, 0, DATE_MONTH};
		if (!date_valid(d))
			goto fail;
		return 1;
	}
	int day = read_num(c, 1, 2);
	if (day < 0)
		goto fail;
	skip_blanks(c);
	month = accept_month_name(c);
	if (!month)
		goto fail;
	accept_char(c, ',');
	skip_blanks(c);
	if (!end_with_year(c, d, month, day, DATE_DAY))
		goto fail;
	return 1;
fail:
	c->i = start;
	return 0;
}

/* Tries every form at the cursor (no leading white space skipped). */
static int parse_here(scan *c, lede_date *d)
{
	size_t start = c->i;
	if (accept_word(c, "date")) {
		skip_blanks(c);
		if (accept_char(c, ':'))
			skip_blanks(c);
		if (parse_iso(c, d, 1))
			return 1;
		c->i = start;
		return 0;
	}
	accept_weekday(c);
	int has_ngay = accept_word(c, "ngày");
	if (has_ngay)
		skip_blanks(c);
	if (parse_dmy(c, d) || parse_vi_words(c, d, 1))
		return 1;
	if (!has_ngay && (parse_iso(c, d, 0) || parse_en(c, d) || parse_vi_words(c, d, 0)))
		return 1;
	c->i = start;
	return 0;
}

/* Whether the match ends at a word boundary, so "30/12/20215" or
 * "2021-12-30abc" are not taken for dates. */
static int ends_clean(const scan *c)
{
	if (c->i >= c->n)
		return 1;
	unsigned char next = (unsigned char)c->s[c->i];
	if (is_digit(next) || is_alpha(next))
		return 0;
	/* "30.12.2021.5" would be a version number, but a sentence may end
	 * with the date: a dot is fine unless a digit follows it. */
	if ((next == '.' || next == '/' || next == '-') && c->i + 1 < c->n &&
	    is_digit((unsigned char)c->s[c->i + 1]))
		return 0;
	return 1;
}

size_t date_parse(const char *s, size_t n, lede_date *out)
{
	scan c = {s, n, 0};
	while (c.i < c.n && (s[c.i] == ' ' || s[c.i] == '\t' || s[c.i] == '\n' || s[c.i] == '\r'))
		c.i++;
	lede_date d;
	memset(&d, 0, sizeof d);
	if (!parse_here(&c, &d) || !ends_clean(&c)) {
		memset(out, 0, sizeof *out);
		return 0;
	}
	*out = d;
	return c.i;
}

long date_find(const char *s, size_t n, lede_date *out, size_t *len)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (!is_digit(ch) && !is_alpha(ch) && ch < 0x80)
			continue;
		if (i > 0) {
			unsigned char prev = (unsigned char)s[i - 1];
			if (is_digit(prev) || is_alpha(prev) || prev >= 0x80)
				continue;
			/* "1.10.1" is not "10.1" preceded by "1." */
			if ((prev == '.' || prev == '/' || prev == '-' || prev == ':') && i > 1 &&
			    is_digit((unsigned char)s[i - 2]))
				continue;
		}
		scan c = {s, n, i};
		lede_date d;
		memset(&d, 0, sizeof d);
		if (parse_here(&c, &d) && ends_clean(&c)) {
			if (out)
				*out = d;
			if (len)
				*len = c.i - i;
			return (long)i;
		}
	}
	if (out)
		memset(out, 0, sizeof *out);
	if (len)
		*len = 0;
	return -1;
}

/* Writes v as exactly `digits` decimal digits (v is already in range). */
static char *put_digits(char *p, int v, int digits)
{
	for (int k = digits - 1; k >= 0; k--) {
		p[k] = (char)('0' + v % 10);
		v /= 10;
	}
	return p + digits;
}

void date_format(const lede_date *d, char buf[17])
{
	char *p = buf;
	if (d->precision == DATE_NONE || !date_valid(d)) {
		buf[0] = '\0';
		return;
	}
	p = put_digits(p, d->year, 4);
	if (d->precision >= DATE_MONTH) {
		*p++ = '-';
		p = put_digits(p, d->month, 2);
	}
	if (d->precision >= DATE_DAY) {
		*p++ = '-';
		p = put_digits(p, d->day, 2);
	}
	if (d->precision >= DATE_MINUTE) {
		*p++ = ' ';
		p = put_digits(p, d->hour, 2);
		*p++ = ':';
		p = put_digits(p, d->minute, 2);
	}
	*p = '\0';
}

int date_parse_arg(const char *s, lede_date *out)
{
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n'))
		n--;
	size_t lead = 0;
	while (lead < n && (s[lead] == ' ' || s[lead] == '\t'))
		lead++;
	scan c = {s, n, lead};
	lede_date d;
	memset(&d, 0, sizeof d);
	/* A bare year, or ISO year-month: only a user's argument is trusted
	 * to mean these. */
	int year = read_num(&c, 4, 4);
	if (year >= 0 && c.i == n) {
		d = (lede_date){year, 0, 0, 0, 0, DATE_YEAR};
		if (!date_valid(&d))
			return -1;
		*out = d;
		return 0;
	}
	c.i = lead;
	if (parse_iso(&c, &d, 1) && c.i == n) {
		*out = d;
		return 0;
	}
	c.i = lead;
	if (parse_here(&c, &d) && c.i == n) {
		*out = d;
		return 0;
	}
	return -1;
}
