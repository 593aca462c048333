/* test_util.c: buffers, string lists and the content hash. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "paths.h"
#include "util.h"

/* Appends grow the buffer and keep it NUL-terminated; detach hands it over. */
static void test_strbuf(void **state)
{
	(void)state;
	strbuf b;
	sb_init(&b);
	for (int i = 0; i < 1000; i++)
		sb_printf(&b, "%d,", i % 10);
	assert_int_equal(b.len, 2000);
	assert_int_equal(strlen(b.s), 2000);
	assert_memory_equal(b.s, "0,1,2,", 6);
	sb_clear(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(b.s, "");
	sb_add(&b, "abc\0def", 7);
	assert_int_equal(b.len, 7);
	char *s = sb_detach(&b);
	assert_memory_equal(s, "abc\0def", 8);
	assert_null(b.s);
	free(s);
	s = sb_detach(&b);
	assert_string_equal(s, "");
	free(s);
	sb_add_int(&b, 0);
	sb_addc(&b, ' ');
	sb_add_int(&b, -42);
	sb_addc(&b, ' ');
	sb_add_int(&b, INT64_MIN);
	sb_addc(&b, ' ');
	sb_add_int(&b, INT64_MAX);
	assert_string_equal(b.s, "0 -42 -9223372036854775808 9223372036854775807");
	sb_free(&b);
}

/* Lists copy what they are given and stay NULL-terminated. */
static void test_strlist(void **state)
{
	(void)state;
	strlist l;
	sl_init(&l);
	char word[8];
	for (int i = 0; i < 100; i++) {
		snprintf(word, sizeof word, "w%d", i);
		sl_push(&l, word);
	}
	assert_int_equal(l.n, 100);
	assert_string_equal(l.v[42], "w42");
	assert_null(l.v[100]);
	sl_free(&l);
	assert_int_equal(l.n, 0);
}

/* The hash differs for different content and is stable. */
static void test_hash(void **state)
{
	(void)state;
	assert_int_equal(hash64("", 0), 0xcbf29ce484222325ULL);
	assert_int_equal(hash64("a", 1), 0xaf63dc4c8601ec8cULL);
	assert_int_not_equal(hash64("ab", 2), hash64("ba", 2));
}

/* XDG paths follow the environment, and LEDE_DB and --db override. */
static void test_paths(void **state)
{
	(void)state;
	setenv("HOME", "/home/u", 1);
	unsetenv("XDG_DATA_HOME");
	unsetenv("LEDE_DB");
	char *p = paths_store(NULL);
	assert_string_equal(p, "/home/u/.local/share/lede/lede.db");
	free(p);
	setenv("XDG_DATA_HOME", "/data", 1);
	p = paths_store(NULL);
	assert_string_equal(p, "/data/lede/lede.db");
	free(p);
	setenv("XDG_DATA_HOME", "relative/ignored", 1);
	p = paths_store(NULL);
	assert_string_equal(p, "/home/u/.local/share/lede/lede.db");
	free(p);
	setenv("LEDE_DB", "/x/env.db", 1);
	p = paths_store(NULL);
	assert_string_equal(p, "/x/env.db");
	free(p);
	p = paths_store("/y/arg.db");
	assert_string_equal(p, "/y/arg.db");
	free(p);
	setenv("XDG_STATE_HOME", "/state", 1);
	p = paths_state();
	assert_string_equal(p, "/state/lede/state.db");
	free(p);
}

/* Articles are known by SHA-256 (the standard's test vectors); the
 * hash of older stores is still made as they made it. */
static void test_content_hash(void **state)
{
	(void)state;
	char h[CONTENT_HASH_SIZE];
	content_hash("abc", 3, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	content_hash("", 0, h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	char old[LEGACY_HASH_SIZE];
	legacy_content_hash("a", 1, old);
	assert_string_equal(old, "af63dc4c8601ec8c-1");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strbuf),
		cmocka_unit_test(test_strlist),
		cmocka_unit_test(test_hash),
		cmocka_unit_test(test_content_hash),
		cmocka_unit_test(test_paths),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
