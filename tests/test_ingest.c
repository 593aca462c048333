/* test_ingest.c: how ingest opens and reads a file: never blocking, and
 * only a regular file, checked on the open file, so that a FIFO, a device
 * or a kernel file put where the walk saw a regular file is refused with
 * a warning instead of blocking the ingest forever. */
#include "config.h"

#include <setjmp.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "ingest.h"
#include "util.h"

static char *dir;

/* A temporary folder for the group. */
static int setup(void **state)
{
	(void)state;
	dir = xstrdup("/tmp/lede-test-ingest.XXXXXX");
	return mkdtemp(dir) ? 0 : -1;
}

/* Removes the folder. */
static int teardown(void **state)
{
	(void)state;
	char *cmd = xasprintf("rm -rf '%s'", dir);
	int rc = system(cmd);
	free(cmd);
	free(dir);
	return rc;
}

/* Reads path and expects a refusal whose warning contains want. */
static void expect_refused(const char *path, const char *want)
{
	size_t len = 0;
	char *error = NULL;
	uint8_t *buf = ingest_read_file(path, &len, &error);
	assert_null(buf);
	assert_non_null(error);
	if (!strstr(error, want))
		fail_msg("%s: warning '%s' lacks '%s'", path, error, want);
	free(error);
}

/* A regular file is read whole. */
static void test_regular(void **state)
{
	(void)state;
	char *path = xasprintf("%s/a.txt", dir);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs("Title\n\nBody.\n", f);
	fclose(f);
	size_t len = 0;
	char *error = NULL;
	uint8_t *buf = ingest_read_file(path, &len, &error);
	assert_non_null(buf);
	assert_null(error);
	assert_int_equal(len, 13);
	assert_memory_equal(buf, "Title\n\nBody.\n", 13);
	free(buf);
	free(path);
}

/* A FIFO, with no writer (open() would block) or with a writer that
 * writes nothing (read() would block), is refused at once. */
static void test_fifo(void **state)
{
	(void)state;
	char *path = xasprintf("%s/pipe.txt", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	expect_refused(path, "not a regular file (FIFO)");
	int writer = open(path, O_RDWR);  /* both ends, so nothing waits */
	assert_true(writer >= 0);
	expect_refused(path, "not a regular file (FIFO)");
	close(writer);
	free(path);
}

/* Devices, folders and a symlink put where a file was are refused. */
static void test_special(void **state)
{
	(void)state;
	expect_refused("/dev/zero", "not a regular file (character device)");
	expect_refused(dir, "not a regular file (folder)");
	char *link = xasprintf("%s/link.txt", dir);
	assert_int_equal(symlink("/dev/zero", link), 0);
	expect_refused(link, "became a symlink");
	free(link);
}

/* The kernel's files are refused before any read: /proc/kmsg's read
 * blocks and takes the messages from the system log. */
static void test_kernel_files(void **state)
{
	(void)state;
#ifdef __linux__
	if (access("/proc/self/status", R_OK) == 0)
		expect_refused("/proc/self/status", "kernel file");
	if (access("/proc/kmsg", R_OK) == 0)
		expect_refused("/proc/kmsg", "not a regular file");
#else
	skip();
#endif
}

int main(void)
{
	/* A read that blocks ends the test (SIGALRM) instead of the suite. */
	alarm(60);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_regular),
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_special),
		cmocka_unit_test(test_kernel_files),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
