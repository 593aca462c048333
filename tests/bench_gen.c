/* bench_gen.c: writes N synthetic articles of about 4 KB for `make bench`.
 *
 * Usage: bench_gen SAMPLES_DIR OUT_DIR N [SEED]
 *
 * The sentences come from the sample articles (the *.txt files of samples/,
 * decoded and NFC-normalized as ingest does); each article is a random
 * mix of them in one of the layouts lede reads: Vietnamese (lede, title, date, lede again, body, site trailer)
 * or English (title, blank line, date, body). Files go 1,000 to a folder.
 *
 * The samples name a few hundred entities; a real archive names tens of
 * thousands, most of them rarely, and every new one costs the writer an
 * entity row and puts its articles in a new place of the entity index.
 * So each article also quotes a few people drawn from NAMES generated
 * names with a Zipf-like law: a few are in many articles, most in a
 * handful.
 * Deterministic for a given seed; fast enough to write 100,000 files in a
 * few seconds. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "text.h"
#include "util.h"

#include "bench_rand.h"

#define ARTICLE_BYTES 3700
/* Generated people, and how many of them each article quotes. */
#define NAMES        100000
#define QUOTES_MIN   2
#define QUOTES_SPAN  3

/* Sentences of one language. */
typedef struct pool {
	strlist s;
} pool;

static pool vi, en;

/* A random index below n (n > 0). */
static size_t pick(size_t n)
{
	return (size_t)(rng() % n);
}

/* Adds one sentence of len bytes to the pool of its language: Vietnamese
 * when it has any non-ASCII byte (Vietnamese prose always does). */
static void add_sentence(const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	if (len < 30 || len > 600)
		return;
	bool ascii = true;
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			ascii = false;
	sl_push_owned(ascii ? &en.s : &vi.s, xstrndup(s, len));
}

/* Splits one line of prose into sentences at ". ", "? " and "! ". Short
 * lines (titles, dates, trailer items) are not prose and are skipped. */
static void add_line(const char *line, size_t len)
{
	if (len < 60)
		return;
	size_t start = 0;
	for (size_t i = 0; i + 1 < len; i++) {
		if ((line[i] == '.' || line[i] == '?' || line[i] == '!') && line[i + 1] == ' ') {
			add_sentence(line + start, i + 1 - start);
			start = i + 2;
		}
	}
	add_sentence(line + start, len - start);
}

/* Reads one sample file through text_decode, as ingest would: any
 * encoding, and NFC, so that the synthetic corpus is as normalized as
 * real news text (an NFD sample must not make every article NFD). */
static void read_sample(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return;
	strbuf b;
	sb_init(&b);
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		sb_add(&b, chunk, n);
	fclose(f);
	text_decoded t;
	if (text_decode((const uint8_t *)b.s, b.len, &t) != TEXT_OK) {
		sb_free(&b);
		return;
	}
	sb_free(&b);
	const char *p = t.s, *end = t.s + t.len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end;
		add_line(p, (size_t)(e - p));
		p = nl ? nl + 1 : end;
	}
	free(t.s);
}

/* Reads every .txt file of the samples folder (not recursively). */
static int read_samples(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		fprintf(stderr, "bench_gen: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		if (len < 5 || strcmp(de->d_name + len - 4, ".txt") != 0)
			continue;
		char *path = xasprintf("%s/%s", dir, de->d_name);
		read_sample(path);
		free(path);
	}
	closedir(d);
	return 0;
}

/* A title made from a sentence: its first words, no final full stop. */
static void add_title(strbuf *b, const char *s)
{
	size_t len = strlen(s);
	if (len > 90) {
		len = 90;
		while (len > 40 && s[len] != ' ')
			len--;
	}
	while (len && (s[len - 1] == '.' || s[len - 1] == ' '))
		len--;
	sb_add(b, s, len);
	sb_addc(b, '\n');
}

/* Parts of generated names: Vietnamese family, middle and given names;
 * English first names and the parts of invented surnames. */
static const char *vi_family[] = {"Nguyễn", "Trần", "Lê",    "Phạm", "Hoàng", "Huỳnh",
                                  "Phan",   "Vũ",   "Võ",    "Đặng", "Bùi",   "Đỗ",
                                  "Hồ",     "Ngô",  "Dương", "Lý"};
static const char *vi_middle[] = {"Văn",   "Thị",  "Minh", "Quốc", "Hữu", "Đức",
                                  "Thanh", "Ngọc", "Xuân", "Hoài", "Kim", "Công"};
static const char *vi_given[] = {"Hùng", "Lan",  "Anh",  "Dũng",  "Hải",  "Hà",   "Tuấn", "Mai",
                                 "Sơn",  "Bình", "Hưng", "Thảo",  "Long",  "Nam",  "Phong", "Trang",
                                 "Quân", "Yến",  "Khoa", "Linh",  "Vinh",  "Hạnh", "Tâm",  "Đạt",
                                 "Nga",  "Việt", "Huy",  "Loan",  "Thắng", "Hiền", "Tùng", "Phúc"};
static const char *en_first[] = {"Anna",  "Boris", "Carla",  "David",  "Elena", "Frank", "Grace",
                                 "Henry", "Irene", "James",  "Karen",  "Lucas", "Maria", "Nolan",
                                 "Olga",  "Peter", "Rachel", "Samuel", "Tina",  "Victor"};
static const char *en_start[] = {"Bar", "Cor", "Dal", "Fen", "Gar", "Hol", "Kes", "Lin",
                                 "Mor", "Nes", "Par", "Ros", "Sal", "Tor", "Val", "Wes"};
static const char *en_middle[] = {"a", "e", "i", "o", "an", "el", "in", "or"};
static const char *en_end[] = {"ton", "ley", "man", "ford", "well", "by", "son", "er"};

#define COUNT(a) (sizeof(a) / sizeof *(a))

/* The Zipf-like law of the NAMES names (zipf_table). */
static double *name_weights;

/* Appends name number k: Vietnamese (family, middle, one or two given
 * names) or English (first name and an invented surname); a number is
 * always the same name. */
static void add_name(strbuf *b, size_t k, bool vietnamese)
{
	if (vietnamese) {
		size_t f = COUNT(vi_family), m = COUNT(vi_middle), g = COUNT(vi_given);
		sb_printf(b, "%s %s %s", vi_family[k % f], vi_middle[k / f % m],
		          vi_given[k / (f * m) % g]);
		size_t second = k / (f * m * g) % (g + 1);
		if (second)
			sb_printf(b, " %s", vi_given[second - 1]);
	} else {
		size_t f = COUNT(en_first), s = COUNT(en_start), m = COUNT(en_middle);
		sb_printf(b, "%s %s%s%s", en_first[k % f], en_start[k / f % s],
		          en_middle[k / (f * s) % m], en_end[k / (f * s * m) % COUNT(en_end)]);
	}
}

/* Appends a paragraph quoting a generated person. */
static void add_quote(strbuf *b, bool vietnamese)
{
	if (vietnamese) {
		sb_adds(b, "Phát biểu tại cuộc họp, ông ");
		add_name(b, (size_t)zipf_draw(name_weights, NAMES), true);
		sb_adds(b, " cho biết các bên sẽ tiếp tục thảo luận trong những ngày tới.\n");
	} else {
		sb_adds(b, "Speaking to reporters, ");
		add_name(b, (size_t)zipf_draw(name_weights, NAMES), false);
		sb_adds(b, " said the talks would continue next week.\n");
	}
}

/* Appends paragraphs of 2 to 5 sentences from p until the article has
 * about ARTICLE_BYTES bytes, with paragraphs quoting generated people
 * among them (QUOTES_MIN or more, while there is room). */
static void add_body(strbuf *b, const pool *p, bool vietnamese)
{
	size_t quotes = QUOTES_MIN + pick(QUOTES_SPAN);
	while (b->len < ARTICLE_BYTES) {
		if (quotes && pick(2) == 0) {
			add_quote(b, vietnamese);
			quotes--;
		}
		size_t k = 2 + pick(4);
		for (size_t i = 0; i < k; i++) {
			if (i)
				sb_addc(b, ' ');
			sb_adds(b, p->s.v[pick(p->s.n)]);
		}
		sb_addc(b, '\n');
	}
}

static const char *months[] = {"January",   "February", "March",    "April",
                               "May",       "June",     "July",     "August",
                               "September", "October",  "November", "December"};

/* Builds article number i in b. Two in three are Vietnamese when both
 * languages are available. */
static void make_article(strbuf *b, size_t i)
{
	sb_clear(b);
	bool vietnamese = en.s.n == 0 || (vi.s.n > 0 && pick(3) != 0);
	int day = 1 + (int)pick(28), month = 1 + (int)pick(12), year = 2015 + (int)pick(8);
	if (vietnamese) {
		const char *lede = vi.s.v[pick(vi.s.n)];
		sb_adds(b, lede);
		sb_addc(b, '\n');
		add_title(b, vi.s.v[pick(vi.s.n)]);
		sb_printf(b, "%02d/%02d/%d, %02d:%02d\n", day, month, year, (int)pick(24),
		          (int)pick(60));
		sb_adds(b, lede);
		sb_addc(b, '\n');
		add_body(b, &vi, true);
		/* The number keeps every article distinct, as real ones are. */
		sb_printf(b, "Mã bài: %zu\nBài liên quan\n", i);
		add_title(b, vi.s.v[pick(vi.s.n)]);
	} else {
		add_title(b, en.s.v[pick(en.s.n)]);
		sb_printf(b, "\n%s %d, %d\n\n", months[month - 1], day, year);
		add_body(b, &en, false);
		sb_printf(b, "Story number %zu.\n", i);
	}
}

/* Creates a folder if it does not exist yet. */
static int make_dir(const char *path)
{
	if (mkdir(path, 0755) != 0 && errno != EEXIST) {
		fprintf(stderr, "bench_gen: %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Reads the samples, then writes the N articles. */
int main(int argc, char **argv)
{
	if (argc < 4 || argc > 5) {
		fprintf(stderr, "usage: bench_gen SAMPLES_DIR OUT_DIR N [SEED]\n");
		return 2;
	}
	char *endp;
	unsigned long long n = strtoull(argv[3], &endp, 10);
	if (*endp || n == 0) {
		fprintf(stderr, "bench_gen: bad count: %s\n", argv[3]);
		return 2;
	}
	rng_state = argc == 5 ? strtoull(argv[4], NULL, 10) : 0;
	rng_state = rng_state * 0x9E3779B97F4A7C15ULL + 88172645463325252ULL;

	sl_init(&vi.s);
	sl_init(&en.s);
	if (read_samples(argv[1]) != 0)
		return 1;
	if (vi.s.n + en.s.n < 10) {
		fprintf(stderr, "bench_gen: too few sentences in the .txt files of %s (%zu)\n",
		        argv[1], vi.s.n + en.s.n);
		return 1;
	}
	if (make_dir(argv[2]) != 0)
		return 1;
	name_weights = zipf_table(NAMES);

	strbuf art;
	sb_init(&art);
	int status = 0;
	for (size_t i = 0; i < n && status == 0; i++) {
		char *dir = xasprintf("%s/%03zu", argv[2], i / 1000);
		if (i % 1000 == 0 && make_dir(dir) != 0)
			status = 1;
		char *path = xasprintf("%s/article-%07zu.txt", dir, i);
		make_article(&art, i);
		FILE *f = status ? NULL : fopen(path, "wb");
		if (!status && (!f || fwrite(art.s, 1, art.len, f) != art.len)) {
			fprintf(stderr, "bench_gen: %s: %s\n", path, strerror(errno));
			status = 1;
		}
		if (f && fclose(f) != 0 && !status) {
			fprintf(stderr, "bench_gen: %s: %s\n", path, strerror(errno));
			status = 1;
		}
		free(path);
		free(dir);
	}
	sb_free(&art);
	fprintf(stderr, "bench_gen: %llu articles from %zu Vietnamese and %zu English sentences\n",
	        n, vi.s.n, en.s.n);
	sl_free(&vi.s);
	sl_free(&en.s);
	free(name_weights);
	return status;
}
