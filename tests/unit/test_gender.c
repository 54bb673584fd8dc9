/* test_gender.c: the one table of genders (app/gender.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "gender.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static void
names_and_labels(void **state)
{
	enum gender g;

	(void)state;
	assert_string_equal(gender_name(GENDER_KVINNA), "kvinna");
	assert_string_equal(gender_name(GENDER_MAN), "man");
	assert_string_equal(gender_name(GENDER_ANNAT), "annat");
	assert_string_equal(gender_label(GENDER_KVINNA), "Kvinna");
	assert_string_equal(gender_label(GENDER_MAN), "Man");
	assert_string_equal(gender_label(GENDER_ANNAT), "Annat");
	assert_string_equal(gender_name(GENDER__MAX), "");
	assert_string_equal(gender_label(GENDER__MAX), "");
	/* The FT_ENUM choices are the names in enum order. */
	for (int i = 0; i < GENDER__MAX; i++) {
		assert_string_equal(
		    gender_names[i], gender_name((enum gender)i));
		assert_true(gender_from_name(S(gender_names[i]), &g));
		assert_int_equal(g, i);
	}
	assert_null(gender_names[GENDER__MAX]);
}

static void
lookups(void **state)
{
	enum gender g = GENDER_ANNAT;

	(void)state;
	assert_false(gender_from_name(S(""), &g));
	assert_false(gender_from_name(S("Kvinna"), &g));
	assert_false(gender_from_name(S("kvinnan"), &g));
	assert_false(gender_from_name(S("ma"), &g));
	assert_int_equal(g, GENDER_ANNAT); /* untouched */
	assert_string_equal(gender_label_of(S("kvinna")), "Kvinna");
	assert_string_equal(gender_label_of(S("man")), "Man");
	assert_string_equal(gender_label_of(S("")), "");
	assert_string_equal(gender_label_of(S("okänt")), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_and_labels),
		cmocka_unit_test(lookups),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
