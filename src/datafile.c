/* datafile.c: line-oriented data files, shipped and user-extended (see
 * datafile.h). */
#include "config.h"

#include "datafile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "paths.h"
#include "text.h"

#ifndef PKGDATADIR
#define PKGDATADIR "/usr/local/share/lede"
#endif

/* The shipped data folder: $LEDE_DATADIR wins (tests); else the installed
 * one; else, for a lede run from its build tree before `make install`
 * (the README's first command), the source tree's data/. */
const char *datafile_dir(void)
{
	const char *env = getenv("LEDE_DATADIR");
	if (env && *env)
		return env;
	if (access(PKGDATADIR "/trailers.txt", R_OK) == 0)
		return PKGDATADIR;
#ifdef SRCDATADIR
	if (access(SRCDATADIR "/trailers.txt", R_OK) == 0)
		return SRCDATADIR;
#endif
	return PKGDATADIR;
}

/* Says once that the shipped data is missing: without gazetteers and cue
 * words the entity index is poor, and nothing else would show why. */
static void warn_missing_dir(const char *dir)
{
	static int warned;
	struct stat st;
	if (warned || (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)))
		return;
	warned = 1;
	char *shown = text_escaped(dir, 0);
	fprintf(stderr,
		"lede: %s: data folder not found; entities and trailers will be poor "
		"(run 'make install' or set LEDE_DATADIR)\n",
		shown);
	free(shown);
}

/* Whether c is white space that trimming removes. */
static int is_trim_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Reads one data file into out (trimmed, NFC, no blanks or comments).
 * Returns 1 when the file was read, 0 when it does not exist. */
static int read_lines(const char *path, strlist *out)
{
	FILE *f = fopen(path, "r");
	if (!f)
		return 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t got;
	int first = 1;
	while ((got = getline(&line, &cap, f)) >= 0) {
		char *s = line;
		size_t n = (size_t)got;
		/* A UTF-8 BOM an editor may have written. */
		if (first && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
			s += 3;
			n -= 3;
		}
		first = 0;
		while (n > 0 && is_trim_space(s[n - 1]))
			n--;
		while (n > 0 && is_trim_space(*s)) {
			s++;
			n--;
		}
		if (n == 0 || s[0] == '#')
			continue;
		size_t outlen = 0;
		char *nfc = text_nfc(s, n, &outlen);
		/* u8_normalize failed: keep the bytes rather than lose the line. */
		sl_push_owned(out, nfc ? nfc : xstrndup(s, n));
	}
	free(line);
	fclose(f);
	return 1;
}

int datafile_lines(const char *name, strlist *out)
{
	int files = 0;
	warn_missing_dir(datafile_dir());
	char *shipped = xasprintf("%s/%s", datafile_dir(), name);
	files += read_lines(shipped, out);
	free(shipped);
	char *dir = paths_config_dir();
	char *user = xasprintf("%s/%s", dir, name);
	files += read_lines(user, out);
	free(user);
	free(dir);
	return files;
}
