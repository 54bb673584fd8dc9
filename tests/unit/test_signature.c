/* test_signature.c: the signature path grammar (app/signature.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "signature.h"

static int
valid(const char *s, size_t *points)
{
	return signature_path_valid(str_cstr(s), points);
}

static void
test_accepts_strokes(void **state)
{
	size_t n = 0;

	(void)state;
	assert_true(valid("M 10 10 L 20 20 L 30 25 L 40 30 L 50 35", &n));
	assert_int_equal(n, 5);
	assert_true(valid("M 1.5 2.25 L 3 4 L 5 6 M 100 100 L 101 102", &n));
	assert_int_equal(n, 5);
	assert_true(valid("M 0 0  L 2000 2000 L 1 1 L 2 2 L 3 3", &n));
}

static void
test_refuses_everything_else(void **state)
{
	size_t n = 99;

	(void)state;
	assert_false(valid("", &n));
	assert_int_equal(n, 0);
	assert_false(valid("M 10 10 L 20 20", NULL)); /* too few */
	assert_false(valid("L 1 1 L 2 2 L 3 3 L 4 4 L 5 5", NULL)); /* no M */
	assert_false(valid("M 1 1 L 2 2 L 3 3 L 4 4 L 5 5 ", NULL));
	assert_false(valid(" M 1 1 L 2 2 L 3 3 L 4 4 L 5 5", NULL));
	assert_false(valid("M 1 1 L 2 2 L 3 3 L 4 4 C 5 5", NULL));
	assert_false(valid("M 2001 1 L 2 2 L 3 3 L 4 4 L 5 5", NULL));
	assert_false(valid("M 2000.5 1 L 2 2 L 3 3 L 4 4 L 5 5", NULL));
	assert_false(valid("M 1.234 1 L 2 2 L 3 3 L 4 4 L 5 5", NULL));
	assert_false(valid("M 1. 1 L 2 2 L 3 3 L 4 4 L 5 5", NULL));
	assert_false(valid("M -1 1 L 2 2 L 3 3 L 4 4 L 5 5", NULL));
	assert_false(valid("M 1,1 L 2 2 L 3 3 L 4 4 L 5 5", NULL));
	assert_false(valid("M 1 1 L 2 2 L 3 3 L 4 4 L 5 5\"/><script>", NULL));
	assert_false(valid("M1 1 L 2 2 L 3 3 L 4 4 L 5 5", NULL));
}

static void
test_size_bound(void **state)
{
	static char big[SIGNATURE_MAX_BYTES + 16];
	size_t len = 0;

	(void)state;
	while (len + 8 < sizeof(big)) {
		memcpy(
		    big + len, len == 0 ? "M 1 1" : " L 1 1", len == 0 ? 5 : 6);
		len += len == 0 ? 5 : 6;
	}
	assert_true(len > SIGNATURE_MAX_BYTES);
	assert_false(signature_path_valid((struct str){ big, len }, NULL));
	/* the same strokes cut to the bound are fine */
	len = 5;
	while (len + 6 <= SIGNATURE_MAX_BYTES)
		len += 6;
	assert_true(signature_path_valid((struct str){ big, len }, NULL));
}

/* The keyboard's signature: the full name once more, blanks and ASCII
 * case aside. */
static void
test_typed_name(void **state)
{
	static const struct {
		const char *name, *typed;
		int ok;
	} cases[] = {
		{ "Amina Hassan", "Amina Hassan", 1 },
		{ "Amina Hassan", "  amina   HASSAN ", 1 },
		{ "Amina Hassan", "Amina\u00a0Hassan", 1 },
		{ "ሳባ ተስፋይ", "ሳባ  ተስፋይ", 1 },
		{ "فرید احمدی", "فرید احمدی", 1 },
		{ "Åsa Öberg", "Åsa Öberg", 1 },
		/* Not the same name, or not a name at all. */
		{ "Amina Hassan", "Amina", 0 },
		{ "Amina Hassan", "Amina Hassan Ali", 0 },
		{ "Amina Hassan", "Hassan Amina", 0 },
		{ "Åsa Öberg", "åsa öberg", 0 }, /* only ASCII folds */
		{ "Amina Hassan", "", 0 },
		{ "Amina Hassan", "   ", 0 },
		{ "", "", 0 },
		{ "  ", " ", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(
		    signature_typed_matches(
		        str_cstr(cases[i].name), str_cstr(cases[i].typed)),
		    cases[i].ok);
	assert_int_equal(
	    signature_typed_matches(STR_NULL, STR_LIT("Amina")), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepts_strokes),
		cmocka_unit_test(test_refuses_everything_else),
		cmocka_unit_test(test_size_bound),
		cmocka_unit_test(test_typed_name),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
