/* ui.h: the ncurses interface, the only entry point from main. */
#ifndef LEDE_UI_H
#define LEDE_UI_H

#include "store.h"

/* Runs the three-pane interface on an open store until the user quits
 * or a signal ends it; the terminal is restored on every way out.
 * Returns the process exit status. */
int ui_run(store *s);

#endif
