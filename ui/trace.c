/* trace.c: timings of the interface for benchmarks. With LEDE_TRACE=FILE
 * in the environment every frame the main loop paints appends one line to
 * FILE: what caused it, how long it took from the key (or from the start,
 * or from the end of a prompt) until doupdate() returned, how much of that
 * was painting, the resident memory, and the time since the operation that
 * was not idle work began (for idle frames: how long until the screen was
 * complete, facets included). Off by default; when off every call is one
 * test of a flag. tests/bench_ui.sh reads the lines. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "uiint.h"

static FILE *trace_fp;       /* NULL: tracing is off */
static double trace_t0;      /* when the operation being timed began */
static double trace_op_t0;   /* when the last operation that was not idle work began */
static double trace_draw_t0; /* when its painting began */
static char trace_event[16]; /* start, key, filter, search, idle ... */
static char trace_key[32];   /* the key that caused it, or "-" */
static int trace_pending;    /* an operation waits for its frame */

/* Milliseconds on a monotonic clock, with a fraction. */
static double trace_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Resident memory of the process in kB (Linux /proc), or -1. */
static long trace_rss_kb(void)
{
	FILE *fp = fopen("/proc/self/statm", "r");
	long pages = -1, rss = -1;
	if (!fp)
		return -1;
	if (fscanf(fp, "%ld %ld", &pages, &rss) != 2)
		rss = -1;
	fclose(fp);
	return rss < 0 ? -1 : rss * (sysconf(_SC_PAGESIZE) / 1024);
}

/* See uiint.h: opens the trace file named by LEDE_TRACE (appending) and
 * starts timing the first screen. */
void trace_open(void)
{
	const char *path = getenv("LEDE_TRACE");
	if (!path || !*path)
		return;
	trace_fp = fopen(path, "a");
	if (!trace_fp)
		return;
	trace_begin("start", NULL);
}

/* See uiint.h. */
int trace_on(void)
{
	return trace_fp != NULL;
}

/* See uiint.h: the header line, once the screen's size is known. */
void trace_header(int rows, int cols)
{
	if (!trace_fp)
		return;
	fprintf(trace_fp, "# lede trace %dx%d: event key ms draw_ms rss_kb since_ms\n", cols, rows);
}

/* See uiint.h: an operation begins now (a key came in, a prompt closed). */
void trace_begin(const char *event, const char *key)
{
	if (!trace_fp)
		return;
	trace_t0 = trace_now();
	if (strcmp(event, "idle") != 0)
		trace_op_t0 = trace_t0;
	trace_draw_t0 = 0;
	snprintf(trace_event, sizeof trace_event, "%s", event);
	snprintf(trace_key, sizeof trace_key, "%s", key && *key ? key : "-");
	trace_pending = 1;
}

/* See uiint.h: names what the pending operation turned out to be (a key
 * that changed the filter is a "filter"), keeping its start. */
void trace_label(const char *event)
{
	if (!trace_fp || !trace_pending || strcmp(trace_event, "key") != 0)
		return;
	snprintf(trace_event, sizeof trace_event, "%s", event);
}

/* See uiint.h: a key as the trace names it: the character, ^X for
 * control characters, or curses' name of a function key. */
void trace_key_begin(int key, int is_char)
{
	if (!trace_fp)
		return;
	char name[32];
	if (is_char && key > 32 && key < 127)
		snprintf(name, sizeof name, "%c", key);
	else if (is_char && key == ' ')
		snprintf(name, sizeof name, "SPACE");
	else if (is_char && (key == '\r' || key == '\n'))
		snprintf(name, sizeof name, "ENTER");
	else if (is_char && key < 32)
		snprintf(name, sizeof name, "^%c", key + '@');
	else if (is_char)
		snprintf(name, sizeof name, "U+%04X", (unsigned)key);
	else {
		const char *k = keyname(key);
		snprintf(name, sizeof name, "%s", k ? k : "?");
	}
	trace_begin("key", name);
}

/* See uiint.h: painting of the pending operation begins. */
void trace_draw_begin(void)
{
	if (!trace_fp || !trace_pending)
		return;
	trace_draw_t0 = trace_now();
}

/* See uiint.h: doupdate() returned: writes the line of the operation. */
void trace_frame_done(void)
{
	if (!trace_fp || !trace_pending)
		return;
	double t = trace_now();
	double draw = trace_draw_t0 > 0 ? t - trace_draw_t0 : 0;
	fprintf(trace_fp, "%s\t%s\t%.3f\t%.3f\t%ld\t%.3f\n", trace_event, trace_key, t - trace_t0,
	        draw, trace_rss_kb(), t - trace_op_t0);
	fflush(trace_fp);
	trace_pending = 0;
}

/* See uiint.h: the operation begun was nothing after all (idle with no
 * work left): no line for it. */
void trace_cancel(void)
{
	trace_pending = 0;
}

/* See uiint.h. */
void trace_close(void)
{
	if (!trace_fp)
		return;
	fclose(trace_fp);
	trace_fp = NULL;
}
