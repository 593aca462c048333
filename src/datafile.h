/* datafile.h: line-oriented data files (trailer markers, gazetteers, cue
 * words) shipped under $(pkgdatadir) and extended by the user under
 * $XDG_CONFIG_HOME/lede/. */
#ifndef LEDE_DATAFILE_H
#define LEDE_DATAFILE_H

#include "util.h"

/* The folder of shipped data: $LEDE_DATADIR if set (tests, uninstalled
 * runs), else the compiled-in PKGDATADIR. */
const char *datafile_dir(void);

/* Appends to out the lines of data file `name` from the shipped folder
 * and then from the user's folder ($XDG_CONFIG_HOME/lede, default
 * ~/.config/lede). Lines are trimmed; blank lines and lines starting with
 * '#' are skipped; text is NFC. A missing file is no error. Returns the
 * number of files read. */
int datafile_lines(const char *name, strlist *out);

#endif
