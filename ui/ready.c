/* ready.c: the "ready" signal that screen tests wait on. With
 * LEDE_READY_TITLE=1 in the environment, each time lede has handled every
 * key it read and has no work left (the sidebar's counts and the list's
 * count included), it sets the terminal's title to
 *
 *     lede ready KEYS COLSxROWS
 *
 * where KEYS counts the keys read so far (resize events not included).
 * A test that has sent KEYS keys and sized the terminal COLSxROWS waits
 * until tmux shows that title (#{pane_title}): the title travels in the
 * same byte stream as the screen, after it, so once tmux shows it every
 * byte of the finished screen has reached tmux too. No fixed delays, no
 * polling of half-drawn screens. Off by default; when off each call is one
 * test of a flag. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "uiint.h"

static int ready_enabled;     /* LEDE_READY_TITLE is set */
static unsigned long ready_keys; /* keys read so far */
static char ready_last[64];   /* the title last sent */

/* See uiint.h: reads LEDE_READY_TITLE. */
void ready_init(void)
{
	const char *v = getenv("LEDE_READY_TITLE");
	ready_enabled = v && *v && strcmp(v, "0") != 0;
	ready_keys = 0;
	ready_last[0] = '\0';
}

/* See uiint.h: one key was read (rc as wget_wch returned it). */
void ready_key(int rc, wint_t wc)
{
	if (rc == OK || (rc == KEY_CODE_YES && wc != KEY_RESIZE))
		ready_keys++;
}

/* Writes all of buf to the terminal, retrying short writes. */
static void ready_write(const char *buf, size_t n)
{
	while (n > 0) {
		ssize_t w = write(STDOUT_FILENO, buf, n);
		if (w <= 0)
			return;
		buf += w;
		n -= (size_t)w;
	}
}

/* See uiint.h: lede is about to wait for a key with nothing left to do;
 * the screen has been painted (doupdate) by the caller. */
void ready_now(void)
{
	if (!ready_enabled)
		return;
	char title[64];
	snprintf(title, sizeof title, "lede ready %lu %dx%d", ready_keys, COLS, LINES);
	if (strcmp(title, ready_last) == 0)
		return;
	snprintf(ready_last, sizeof ready_last, "%s", title);
	char seq[96];
	int n = snprintf(seq, sizeof seq, "\033]2;%s\033\\", title);
	if (n > 0 && (size_t)n < sizeof seq)
		ready_write(seq, (size_t)n);
}

/* See uiint.h: the terminal was given back (suspend): the next ready_now
 * sends its title again, since the shell may have changed it meanwhile. */
void ready_forget(void)
{
	ready_last[0] = '\0';
}
