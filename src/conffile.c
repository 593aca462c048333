/* conffile.c: the user's configuration file, split into lines of words
 * (see conffile.h). */
#include "config.h"

#include "conffile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "paths.h"
#include "text.h"

/* See conffile.h. */
char *conffile_path(void)
{
	const char *env = getenv("LEDE_CONFIG");
	if (env && *env)
		return xstrdup(env);
	char *dir = paths_config_dir();
	char *p = xasprintf("%s/config", dir);
	free(dir);
	return p;
}

/* Splits one line (NUL-terminated, NFC) into words, appending to out.
 * Returns NULL, or why the line cannot be split. */
static const char *split_words(const char *s, strlist *out)
{
	strbuf w;
	sb_init(&w);
	const char *error = NULL;
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s || *s == '#')
			break;
		sb_clear(&w);
		int quoted = *s == '"';
		if (quoted)
			s++;
		while (*s) {
			if (quoted && *s == '"')
				break;
			if (!quoted && (*s == ' ' || *s == '\t' || *s == '#'))
				break;
			if (quoted && *s == '\\' && s[1])
				s++;
			sb_addc(&w, *s);
			s++;
		}
		if (quoted) {
			if (*s != '"') {
				error = "a quote is not closed";
				break;
			}
			s++;
		}
		sl_push(out, w.s ? w.s : "");
	}
	sb_free(&w);
	return error;
}

/* See conffile.h. */
int conffile_read(const char *path, conf_file *cf, char **err)
{
	memset(cf, 0, sizeof *cf);
	*err = NULL;
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return 0;
		char *shown = text_escaped(path, 0);
		*err = xasprintf("%s: %s", shown, strerror(errno));
		free(shown);
		return -1;
	}
	size_t cap = 0;
	char *line = NULL;
	size_t linecap = 0;
	ssize_t got;
	int lineno = 0;
	while ((got = getline(&line, &linecap, f)) >= 0) {
		lineno++;
		size_t n = (size_t)got;
		char *s = line;
		/* A UTF-8 BOM an editor may have written. */
		if (lineno == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;
			n -= 3;
		}
		while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
			n--;
		conf_line cl = {.lineno = lineno};
		sl_init(&cl.words);
		char *nfc = NULL;
		if (memchr(s, '\0', n) || u8_check((const uint8_t *)s, n)) {
			cl.error = "the line is not UTF-8 text";
		} else {
			size_t outlen;
			nfc = text_nfc(s, n, &outlen);
			if (!nfc)
				nfc = xstrndup(s, n);
			cl.error = split_words(nfc, &cl.words);
		}
		free(nfc);
		if (!cl.error && cl.words.n == 0) {
			sl_free(&cl.words);
			continue;
		}
		if (cf->n == cap) {
			cap = cap ? 2 * cap : 16;
			cf->lines = xrealloc(cf->lines, cap * sizeof *cf->lines);
		}
		cf->lines[cf->n++] = cl;
	}
	int failed = ferror(f);
	free(line);
	fclose(f);
	if (failed) {
		char *shown = text_escaped(path, 0);
		*err = xasprintf("%s: cannot be read", shown);
		free(shown);
		conffile_free(cf);
		return -1;
	}
	cf->path = xstrdup(path);
	return 1;
}

/* See conffile.h. */
void conffile_free(conf_file *cf)
{
	for (size_t i = 0; i < cf->n; i++)
		sl_free(&cf->lines[i].words);
	free(cf->lines);
	free(cf->path);
	memset(cf, 0, sizeof *cf);
}
