/* article.c: turning one scraped news file into a clean article (see
 * article.h).
 *
 * The file is decoded (text.c), split into lines (each non-empty line is a
 * paragraph), the site trailer is cut at the first marker line, and the
 * head of the file is read in one of the layouts scrapers produce:
 *   (a) lede, title, date line, lede again, body;
 *   (b) "date YYYY-MM" followed on the same line by a photo caption with
 *       its credit, then a dateline paragraph "CITY - ...";
 *   (c) title, date line (optional), body.
 * Then repeated title/lede lines are dropped and glued sentences
 * ("thêm.Hoa Kỳ") are given their missing space. */
#include "config.h"

#include "article.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unistr.h>

#include "datafile.h"

/* Lines longer than this are prose, never a trailer marker or a title. */
#define SHORT_LINE 120
/* A derived title is cut to about this many characters. */
#define TITLE_CHARS 100
/* Head lines searched for the date line. */
#define HEAD_LINES 4

/* Used when no data file can be read (an uninstalled binary without
 * $LEDE_DATADIR): the trailers of the sites we know. */
static const char *const builtin_trailers[] = {
	"Bài liên quan", "Tin liên quan", "(0) Bình luận", "Bình luận", "Đừng bỏ lỡ",
	"Xem thêm",      "Tin cùng chuyên mục", "POWERED BY*", "Related", "Related articles",
	"Comments",      "Read more",
};

void article_rules_load(article_rules *r)
{
	sl_init(&r->trailers);
	datafile_lines("trailers.txt", &r->trailers);
	if (r->trailers.n == 0)
		for (size_t i = 0; i < sizeof builtin_trailers / sizeof *builtin_trailers; i++)
			sl_push(&r->trailers, builtin_trailers[i]);
}

void article_rules_free(article_rules *r)
{
	sl_free(&r->trailers);
}

void article_free(article *a)
{
	free(a->title);
	free(a->dateline);
	free(a->lede);
	free(a->caption);
	free(a->credit);
	free(a->body);
	memset(a, 0, sizeof *a);
}

/* A paragraph: a trimmed slice of the decoded text. */
typedef struct para {
	const char *s;
	size_t n;
} para;

/* Whether c is white space at the edge of a line. */
static int edge_space(const char *s, size_t n, size_t *len)
{
	if (n >= 1 && (s[0] == ' ' || s[0] == '\t')) {
		*len = 1;
		return 1;
	}
	/* NO-BREAK SPACE, which scrapers leave around lines. */
	if (n >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0) {
		*len = 2;
		return 1;
	}
	return 0;
}

/* Trims spaces (and no-break spaces) on both sides of a slice. */
static para trim(const char *s, size_t n)
{
	size_t k;
	while (n > 0 && edge_space(s, n, &k)) {
		s += k;
		n -= k;
	}
	for (;;) {
		if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
			n--;
		else if (n >= 2 && (unsigned char)s[n - 2] == 0xC2 && (unsigned char)s[n - 1] == 0xA0)
			n -= 2;
		else
			break;
	}
	return (para){s, n};
}

/* Finds the next non-empty trimmed line of s[*pos..n) and moves *pos
 * past it. Lines are read in order, never kept in an array: a file of
 * millions of short lines took 16 bytes of array per line. */
static int next_line(const char *s, size_t n, size_t *pos, para *out)
{
	while (*pos < n) {
		size_t i = *pos;
		const char *nl = memchr(s + i, '\n', n - i);
		size_t end = nl ? (size_t)(nl - s) : n;
		*pos = end + 1;
		para p = trim(s + i, end - i);
		if (p.n > 0) {
			*out = p;
			return 1;
		}
	}
	return 0;
}

/* Whether two paragraphs have the same text. */
static int para_eq(para a, para b)
{
	return a.n == b.n && memcmp(a.s, b.s, a.n) == 0;
}

/* Whether p equals the NUL-terminated string s (NULL never matches). */
static int para_is(para p, const char *s)
{
	return s && strlen(s) == p.n && memcmp(p.s, s, p.n) == 0;
}

/* A cheap test before u8_casecmp, which folds both strings whole: s
 * and the marker mk (n bytes each) can be equal ignoring case only if
 * their ASCII bytes up to the first other character are, and that
 * character is the same letter in either case. Most lines fail here. */
static int may_equal_ignoring_case(const char *s, const char *mk, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char x = (unsigned char)s[i], y = (unsigned char)mk[i];
		if (x >= 0x80 || y >= 0x80) {
			if (x < 0x80 || y < 0x80)
				return 0;
			ucs4_t a, b;
			u8_mbtouc(&a, (const uint8_t *)s + i, n - i);
			u8_mbtouc(&b, (const uint8_t *)mk + i, n - i);
			return uc_tolower(a) == uc_tolower(b);
		}
		if (x >= 'A' && x <= 'Z')
			x = (unsigned char)(x - 'A' + 'a');
		if (y >= 'A' && y <= 'Z')
			y = (unsigned char)(y - 'A' + 'a');
		if (x != y)
			return 0;
	}
	return 1;
}

/* Whether line is a trailer marker: the marker (any case) followed by
 * nothing but digits, punctuation and spaces, or by anything when the
 * marker ends in '*'. */
static int is_trailer_marker(para line, const strlist *markers)
{
	if (line.n > SHORT_LINE)
		return 0;
	for (size_t m = 0; m < markers->n; m++) {
		const char *mk = markers->v[m];
		size_t mn = strlen(mk);
		int prefix = mn > 0 && mk[mn - 1] == '*';
		if (prefix)
			mn--;
		/* A marker may also follow a count: "(0) Bình luận". */
		size_t start = 0;
		if (!prefix && line.n > 0 && line.s[0] == '(' && mk[0] != '(') {
			const char *close = memchr(line.s, ')', line.n);
			if (close && close - line.s < 8)
				start = (size_t)(close - line.s) + 1;
			while (start < line.n && line.s[start] == ' ')
				start++;
		}
		if (mn == 0 || line.n - start < mn ||
		    !may_equal_ignoring_case(line.s + start, mk, mn))
			continue;
		int cmp = 1;
		if (u8_casecmp((const uint8_t *)line.s + start, mn, (const uint8_t *)mk, mn, NULL,
		               NULL, &cmp) != 0 ||
		    cmp != 0)
			continue;
		if (prefix)
			return 1;
		size_t i = start + mn;
		if (i < line.n && (unsigned char)line.s[i] >= 0x80)
			continue;
		for (; i < line.n; i++) {
			unsigned char c = (unsigned char)line.s[i];
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
				break;
		}
		if (i == line.n)
			return 1;
	}
	return 0;
}

/* Whether a date line: a date that fills the line, but for a short tail
 * like " (GMT+7)". */
static int is_date_line(para p, lede_date *d)
{
	if (p.n > 80)
		return 0;
	size_t used = date_parse(p.s, p.n, d);
	return used > 0 && p.n - used <= 12;
}

/* Decodes the code point at s[*i] and advances *i; invalid bytes (none
 * after text_decode) give U+FFFD. */
static inline ucs4_t next_uc(const char *s, size_t n, size_t *i)
{
	ucs4_t uc;
	int k = text_mbtouc(&uc, (const uint8_t *)s + *i, n - *i);
	*i += k > 0 ? (size_t)k : 1;
	return uc;
}

/* The code point that ends just before s[i]. */
static ucs4_t prev_uc(const char *s, size_t i)
{
	ucs4_t uc = 0;
	const uint8_t *start = (const uint8_t *)s;
	const uint8_t *p = u8_prev(&uc, start + i, start);
	return p ? uc : 0;
}

/* Length of the dateline at the start of p ("REHOBOTH BEACH - "): an
 * upper-case place name followed by a dash. Sets *name_len to the name
 * without the dash. Returns 0 when there is none. */
static size_t dateline_length(para p, size_t *name_len)
{
	size_t i = 0, letters = 0, limit = p.n < 48 ? p.n : 48;
	while (i < limit) {
		size_t at = i;
		ucs4_t uc = next_uc(p.s, p.n, &i);
		if (uc == ' ') {
			/* The dash: " - ", " – " (en dash) or " — " (em dash). */
			size_t j = i;
			ucs4_t dash = j < p.n ? next_uc(p.s, p.n, &j) : 0;
			if ((dash == '-' || dash == 0x2013 || dash == 0x2014) && j < p.n &&
			    p.s[j] == ' ' && letters >= 2) {
				size_t end = at;
				while (end > 0 && (p.s[end - 1] == ',' || p.s[end - 1] == ' '))
					end--;
				*name_len = end;
				return j + 1;
			}
			continue;
		}
		if (uc_is_alpha(uc)) {
			if (!uc_is_upper(uc))
				return 0;
			letters++;
			continue;
		}
		if (uc != '.' && uc != ',' && uc != '\'' && uc != 0x2019)
			return 0;
	}
	return 0;
}

/* Splits a photo caption from its credit: "... (Nguồn: APnews.com/X)".
 * Returns 1 and fills the slices when p ends with such a credit. */
static int split_credit(para p, para *caption, para *credit)
{
	static const char *const labels[] = {"nguồn:", "ảnh:", "source:", "photo:", "photo credit:",
	                                     "credit:", "ảnh minh họa:"};
	if (p.n < 4 || p.s[p.n - 1] != ')')
		return 0;
	const char *open = NULL;
	for (size_t i = p.n - 1; i > 0; i--) {
		if (p.s[i - 1] == '(') {
			open = p.s + i - 1;
			break;
		}
	}
	if (!open)
		return 0;
	size_t in = (size_t)(open - p.s) + 1;
	for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
		size_t ln = strlen(labels[k]);
		int cmp = 1;
		if (p.n - in < ln ||
		    u8_casecmp((const uint8_t *)p.s + in, ln, (const uint8_t *)labels[k], ln, NULL,
		               NULL, &cmp) != 0 ||
		    cmp != 0)
			continue;
		*credit = trim(p.s + in + ln, p.n - 1 - (in + ln));
		*caption = trim(p.s, (size_t)(open - p.s));
		return credit->n > 0;
	}
	return 0;
}

/* Copies text adding the space missing after a full stop glued to the
 * next sentence ("thêm.Hoa Kỳ"): only where a lower-case letter ends the
 * sentence and an upper-case letter starts the next, so numbers ("10.1",
 * "100.000"), abbreviations ("TP.HCM", "U.S.") and domains ("APnews.com")
 * stay as written. */
static void add_repaired(strbuf *out, const char *s, size_t n)
{
	size_t from = 0;
	/* Full stops are found by memchr: this runs over every paragraph. */
	for (size_t i = 1; i + 1 < n; i++) {
		const char *dot = memchr(s + i, '.', n - 1 - i);
		if (!dot)
			break;
		i = (size_t)(dot - s);
		size_t j = i + 1;
		ucs4_t next = next_uc(s, n, &j);
		if (!uc_is_upper(next))
			continue;
		ucs4_t prev = prev_uc(s, i);
		if (!uc_is_lower(prev))
			continue;
		/* The word before the stop: a domain or a dotted abbreviation
		 * ("e.g.", "www.site.Com") keeps its dots. */
		size_t w = i;
		int dotted = 0;
		while (w > 0 && s[w - 1] != ' ' && s[w - 1] != '\n') {
			if (s[w - 1] == '.' || s[w - 1] == '/' || s[w - 1] == '@')
				dotted = 1;
			w--;
		}
		if (dotted)
			continue;
		sb_add(out, s + from, i + 1 - from);
		sb_addc(out, ' ');
		from = i + 1;
	}
	sb_add(out, s + from, n - from);
}

/* A new string of the paragraph with glued sentences repaired. */
static char *repaired_copy(para p)
{
	strbuf b;
	sb_init(&b);
	add_repaired(&b, p.s, p.n);
	return sb_detach(&b);
}

/* A title made from the first sentence of a paragraph, cut at a word
 * boundary near TITLE_CHARS characters. */
static char *derive_title(para p)
{
	/* The first sentence ends at ". " after a lower-case letter. */
	size_t end = p.n;
	for (size_t i = 1; i + 1 < p.n; i++) {
		if ((p.s[i] == '.' || p.s[i] == '?' || p.s[i] == '!') && p.s[i + 1] == ' ' &&
		    uc_is_lower(prev_uc(p.s, i))) {
			end = i;
			break;
		}
	}
	size_t chars = 0, i = 0, last_space = 0;
	while (i < end && chars < TITLE_CHARS) {
		if (p.s[i] == ' ')
			last_space = i;
		next_uc(p.s, end, &i);
		chars++;
	}
	if (i >= end)
		return repaired_copy(trim(p.s, end));
	size_t cut = last_space > 0 ? last_space : i;
	para t = trim(p.s, cut);
	while (t.n > 0 && (t.s[t.n - 1] == ',' || t.s[t.n - 1] == ';' || t.s[t.n - 1] == ':'))
		t.n--;
	strbuf b;
	sb_init(&b);
	add_repaired(&b, t.s, t.n);
	sb_adds(&b, "…");
	return sb_detach(&b);
}

/* "vi" when Vietnamese letters (those with Vietnamese-only diacritics:
 * the Latin Extended Additional block, ă, đ, ơ, ư) are a noticeable share
 * of the letters, else "en". */
static void detect_lang(const char *s, size_t n, char lang[3])
{
	size_t letters = 0, viet = 0;
	size_t i = 0;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
				letters++;
			i++;
			continue;
		}
		ucs4_t uc = next_uc(s, n, &i);
		/* Vietnamese letters first: they are letters, and most of the
		 * non-ASCII characters of Vietnamese text */
		if ((uc >= 0x1EA0 && uc <= 0x1EF9) || uc == 0x0103 || uc == 0x0102 || uc == 0x0111 ||
		    uc == 0x0110 || uc == 0x01A1 || uc == 0x01A0 || uc == 0x01B0 || uc == 0x01AF) {
			letters++;
			viet++;
		} else if (uc_is_alpha(uc)) {
			letters++;
		}
	}
	memcpy(lang, viet * 50 > letters ? "vi" : "en", 3);
}

/* Copies a slice as a new string, or NULL when it is empty. */
static char *dup_para(para p)
{
	return p.n ? xstrndup(p.s, p.n) : NULL;
}

text_status article_parse(const uint8_t *raw, size_t n, const article_rules *rules,
                          article *out)
{
	memset(out, 0, sizeof *out);
	text_decoded dec;
	text_status st = text_decode(raw, n, &dec);
	if (st != TEXT_OK)
		return st;
	out->repaired = dec.repaired;
	out->encoding = dec.encoding;

	/* The trailer: from the first marker line on (never the first line);
	 * the text ends where it starts, and has count lines. */
	size_t text_n = dec.len, pos = 0, count = 0;
	para p;
	while (next_line(dec.s, dec.len, &pos, &p)) {
		if (count > 0 && is_trailer_marker(p, &rules->trailers)) {
			text_n = (size_t)(p.s - dec.s);
			break;
		}
		count++;
	}
	/* The first lines, where the title, lede, date and caption are:
	 * every index below is under HEAD_LINES + 3 when under count. */
	para lines[HEAD_LINES + 3];
	pos = 0;
	for (size_t nh = 0; nh < sizeof lines / sizeof *lines; nh++)
		if (!next_line(dec.s, text_n, &pos, &lines[nh]))
			break;

	size_t body_from = 0;
	para title = {NULL, 0}, lede = {NULL, 0};
	lede_date d;
	memset(&d, 0, sizeof d);

	size_t used = count ? date_parse(lines[0].s, lines[0].n, &d) : 0;
	if (used > 0 && lines[0].n - used > 40) {
		/* (b): a date then a caption on the first line. */
		para cap = trim(lines[0].s + used, lines[0].n - used), caption, credit;
		if (split_credit(cap, &caption, &credit)) {
			out->caption = repaired_copy(caption);
			out->credit = dup_para(credit);
		} else {
			out->caption = repaired_copy(cap);
		}
		body_from = 1;
	} else if (used == 0 || !is_date_line(lines[0], &d)) {
		/* (a) or (c): the date line among the first lines. */
		memset(&d, 0, sizeof d);
		size_t di = 0;
		int found = 0;
		for (size_t i = 1; i < count && i < HEAD_LINES; i++) {
			if (is_date_line(lines[i], &d)) {
				di = i;
				found = 1;
				break;
			}
		}
		if (!found)
			memset(&d, 0, sizeof d);
		if (found && di >= 2) {
			/* (a) when the first line comes again after the date,
			 * or is the longer of the two: lede then title. */
			int repeated = di + 1 < count && para_eq(lines[0], lines[di + 1]);
			if (repeated || lines[0].n > lines[1].n) {
				lede = lines[0];
				title = lines[1];
			} else {
				title = lines[0];
				lede = lines[1];
			}
			body_from = di + 1;
		} else if (found) {
			title = lines[0];
			body_from = di + 1;
		} else if (count > 1 && lines[0].n <= 2 * SHORT_LINE &&
		           !dateline_length(lines[0], &(size_t){0})) {
			/* (c) without a date: a title line before the body. */
			title = lines[0];
			body_from = 1;
		}
	} else {
		/* A file that starts with a date line and then goes on. */
		body_from = 1;
	}
	if (d.precision != DATE_NONE)
		out->date = d;

	/* A caption paragraph with its credit may stand before the dateline. */
	para caption, credit;
	if (!out->caption && body_from + 1 < count && lines[body_from].n <= 4 * SHORT_LINE &&
	    dateline_length(lines[body_from + 1], &(size_t){0}) &&
	    split_credit(lines[body_from], &caption, &credit)) {
		out->caption = repaired_copy(caption);
		out->credit = dup_para(credit);
		body_from++;
	}

	/* The body, without repeated title or lede lines. */
	strbuf body;
	sb_init(&body);
	pos = 0;
	for (size_t i = 0; next_line(dec.s, text_n, &pos, &p); i++) {
		if (i < body_from)
			continue;
		if ((title.n && para_eq(p, title)) || (lede.n && para_eq(p, lede)))
			continue;
		if (out->caption && para_is(p, out->caption))
			continue;
		if (body.len == 0) {
			size_t name = 0;
			if (dateline_length(p, &name) && name > 0)
				out->dateline = xstrndup(p.s, name);
		}
		if (body.len)
			sb_add(&body, "\n\n", 2);
		add_repaired(&body, p.s, p.n);
	}
	out->body = sb_detach(&body);

	if (title.n) {
		out->title = repaired_copy(title);
	} else {
		/* No title line: the first sentence after the dateline. */
		para first = {out->body, strcspn(out->body, "\n")};
		size_t name = 0, skip = dateline_length(first, &name);
		first.s += skip;
		first.n -= skip;
		if (first.n == 0 && out->caption)
			first = (para){out->caption, strlen(out->caption)};
		out->title = first.n ? derive_title(first) : xstrdup("(untitled)");
	}
	if (lede.n)
		out->lede = repaired_copy(lede);

	detect_lang(dec.s, dec.len, out->lang);
	free(dec.s);
	return TEXT_OK;
}
