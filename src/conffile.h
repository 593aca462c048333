/* conffile.h: the user's configuration file ($XDG_CONFIG_HOME/lede/config),
 * read as lines of words. What the words mean (key bindings, colours) is
 * the interface's business; this module only finds, reads and splits. */
#ifndef LEDE_CONFFILE_H
#define LEDE_CONFFILE_H

#include "util.h"

/* One line that says something: its number in the file and its words. */
typedef struct conf_line {
	int lineno;
	strlist words;
	const char *error; /* why the line could not be split, or NULL */
} conf_line;

typedef struct conf_file {
	char *path; /* the file read, for messages */
	conf_line *lines;
	size_t n;
} conf_file;

/* The configuration file: $LEDE_CONFIG when set, else
 * $XDG_CONFIG_HOME/lede/config (~/.config/lede/config). New string. */
char *conffile_path(void);

/* Reads path into cf. Words are separated by blanks; a word may be quoted
 * with "..." (a backslash escapes the next character inside); '#' outside
 * quotes starts a comment; blank lines are skipped. Text is NFC.
 * Returns 1 when read, 0 when the file does not exist (cf empty), -1 when
 * it cannot be read (*err says why, naming the file; cf empty). A line
 * that is not valid UTF-8 or has an unclosed quote is kept with its
 * error set, so that the caller reports it by its number. */
int conffile_read(const char *path, conf_file *cf, char **err);

void conffile_free(conf_file *cf);

#endif
