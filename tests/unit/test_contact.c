/* test_contact.c: unit tests for app/contact.c (postal code, phone). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "contact.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static void
postal_codes(void **state)
{
	static const struct {
		const char *in, *want; /* want "" = refused */
	} cases[] = {
		{ "46130", "461 30" },
		{ "461 30", "461 30" },
		{ "4613", "" },
		{ "461300", "" },
		{ "46 130", "" },
		{ "461  30", "" },
		{ "461-30", "" },
		{ "abcde", "" },
		{ "", "" },
		{ "46130 ", "" },
	};
	struct arena a;

	(void)state;
	assert_int_equal(arena_init(&a, 1u << 16), 1);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct str got = contact_postal(&a, S(cases[i].in));
		assert_true(str_eq_cstr(got, cases[i].want));
	}
	arena_free(&a);
}

static void
phone_numbers(void **state)
{
	static const struct {
		const char *in;
		int ok;
	} cases[] = {
		{ "0520-49 70 00", 1 },
		{ "+46 (0)520 497000", 1 },
		{ "12345", 1 },
		{ "1234", 0 },
		{ "0520/497000", 0 },
		{ "ring mig", 0 },
		{ "", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(contact_phone_ok(S(cases[i].in)), cases[i].ok);
}

static void
field_labels(void **state)
{
	(void)state;
	assert_string_equal(contact_field_label(S("first_name")), "Förnamn");
	assert_string_equal(contact_field_label(S("home_municipality")),
	    "Folkbokföringskommun");
	assert_null(contact_field_label(S("background")));
	assert_null(contact_field_label(S("first_name2")));
	assert_true(contact_field_is_address(S("phone")));
	assert_false(contact_field_is_address(S("first_name")));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(postal_codes),
		cmocka_unit_test(phone_numbers),
		cmocka_unit_test(field_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
