/* test_name_model.c: the learned layer of typing (name_model.h) types
 * names the rules found no evidence for by the names the corpus proved:
 * its words, first and last word, endings and shape. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "name_model.h"

/* Proven entities of a small corpus: people, places and clubs. */
static const char *const people[] = {
    "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em",
    "Nguyễn Thị Hoa", "Trần Văn Giang", "Lê Thị Lan", "Võ Văn Kiệt", "Đặng Thị Mai",
    "John Smith", "Mary Johnson", "Peter Brown", "Susan Miller", "David Wilson",
};
static const char *const places[] = {
    "Hà Nội", "Hà Tĩnh", "Hà Giang", "Hà Nam", "Hà Đông", "Hải Phòng", "Quảng Ninh",
    "Quảng Nam", "Quảng Ngãi", "Bắc Ninh", "Bắc Giang", "Springfield", "Bakersfield",
    "Sheffield", "Chesterfield", "Huddersfield",
};
static const char *const clubs[] = {
    "Manchester United", "Newcastle United", "Sheffield United", "West Ham United",
    "Manchester City", "Bristol City", "Leicester City", "Hull City", "Công ty Vinamilk",
    "Công ty Hòa Phát", "Công ty Masan",
};

/* A model trained on the lists above. */
static name_model *trained(void)
{
	name_model *m = name_model_new();
	for (size_t i = 0; i < sizeof people / sizeof *people; i++)
		name_model_add(m, people[i], ENT_PER);
	for (size_t i = 0; i < sizeof places / sizeof *places; i++)
		name_model_add(m, places[i], ENT_LOC);
	for (size_t i = 0; i < sizeof clubs / sizeof *clubs; i++)
		name_model_add(m, clubs[i], ENT_ORG);
	name_model_train(m);
	return m;
}

/* Names never seen take the type of the names they resemble. */
static void test_generalizes(void **state)
{
	(void)state;
	name_model *m = trained();
	double margin;
	assert_int_equal(name_model_predict(m, "Nguyễn Văn Bảo", &margin), ENT_PER);
	assert_true(margin > 0);
	assert_int_equal(name_model_predict(m, "Trần Thị Yến", &margin), ENT_PER);
	assert_int_equal(name_model_predict(m, "Hà Trung", &margin), ENT_LOC);
	assert_int_equal(name_model_predict(m, "Quảng Trị", &margin), ENT_LOC);
	assert_int_equal(name_model_predict(m, "Leeds United", &margin), ENT_ORG);
	assert_int_equal(name_model_predict(m, "Stoke City", &margin), ENT_ORG);
	assert_int_equal(name_model_predict(m, "Macclesfield", &margin), ENT_LOC);
	assert_int_equal(name_model_predict(m, "Công ty Viettel", &margin), ENT_ORG);
	name_model_free(m);
}

/* Diacritics are part of a word: "Hà" is a place's first word here,
 * "Ha" is not known at all. */
static void test_diacritics(void **state)
{
	(void)state;
	name_model *m = trained();
	double with, without;
	assert_int_equal(name_model_predict(m, "Hà Xyz", &with), ENT_LOC);
	int t = name_model_predict(m, "Ha Xyz", &without);
	assert_true(t != ENT_LOC || without < with);
	name_model_free(m);
}

/* Nothing to say: untrained, no known feature, no word. */
static void test_unknown(void **state)
{
	(void)state;
	name_model *m = name_model_new();
	double margin = 1;
	assert_int_equal(name_model_predict(m, "Nguyễn Văn An", &margin), -1);
	assert_true(margin == 0);
	name_model_add(m, "", ENT_PER);
	name_model_add(m, "   ", ENT_PER);
	assert_int_equal(name_model_examples(m), 0);
	name_model_free(m);
	m = trained();
	assert_int_equal(name_model_predict(m, "Qwzx Vbnm", &margin), -1);
	assert_int_equal(name_model_predict(m, "", &margin), -1);
	name_model_free(m);
}

/* The same examples give the same model; training again is allowed. */
static void test_deterministic(void **state)
{
	(void)state;
	name_model *a = trained(), *b = trained();
	double ma, mb;
	const char *names[] = {"Lê Văn Tám", "Hà Tây", "Leeds United", "Mary Smith", "Hull"};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		int ta = name_model_predict(a, names[i], &ma);
		int tb = name_model_predict(b, names[i], &mb);
		assert_int_equal(ta, tb);
		assert_true(ma == mb);
	}
	name_model_train(a);
	int t = name_model_predict(a, names[0], &ma);
	assert_int_equal(t, name_model_predict(b, names[0], &mb));
	assert_true(ma == mb);
	name_model_free(a);
	name_model_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_generalizes),
	    cmocka_unit_test(test_diacritics),
	    cmocka_unit_test(test_unknown),
	    cmocka_unit_test(test_deterministic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
