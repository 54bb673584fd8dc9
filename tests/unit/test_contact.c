/* test_contact.c: unit tests for app/contact.c (postal code, phone). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "contact.h"
#include "db.h"
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

/* A record that holds a contact record after a column of its own, as the
 * referral's and the participation's records do (CONTACT_DB_FIELDS). */
struct with_contact {
	struct str x;
	struct contact_record c;
};
static const struct db_field with_contact_fields[] = {
	DB_FIELD(with_contact, x, "x", DB_F_STR),
	CONTACT_DB_FIELDS(with_contact, c),
};
static const struct db_record with_contact_record =
    DB_RECORD(with_contact, with_contact_fields);

/* A row as the statements return it: the fields in enum order. */
static void
record_decode(void **state)
{
	struct str cells[CONTACT__MAX + 1] = {
		S("x"), /* a column before the record */
		S("Anna"),
		S("Andersson"),
		S("kvinna"),
		S("Storgatan 1"),
		S("461 30"),
		S("Trollhättan"),
		S("0520-1"),
		S("Grästorp"),
		S("1"),
		S("arabiska"),
		S("0"),
	};
	unsigned char nulls[CONTACT__MAX + 1] = { 0 };
	struct db_rows rows = { 1, CONTACT__MAX + 1, cells, nulls };
	struct with_contact w;
	struct contact_record c;

	(void)state;
	/* The decode table's columns are those of enum contact_field. */
	for (int f = 0; f < CONTACT__MAX; f++)
		assert_string_equal(with_contact_fields[f + 1].column,
		    contact_field_column((enum contact_field)f));
	db_decode(NULL, &rows, 0, &with_contact_record, &w);
	c = w.c;
	assert_true(str_eq_cstr(c.first_name, "Anna"));
	assert_true(str_eq_cstr(c.municipality, "Grästorp"));
	assert_true(str_eq_cstr(c.interpreter_language, "arabiska"));
	assert_int_equal(c.interpreter_needed, 1);
	assert_int_equal(c.protected_identity, 0);
	/* Every field reads back as its column's text, in order. */
	for (int f = 0; f < CONTACT__MAX; f++)
		assert_true(
		    str_eq(contact_field_value(&c, (enum contact_field)f),
		        cells[f + 1]));
	assert_string_equal(
	    contact_field_column(CONTACT_MUNICIPALITY), "home_municipality");
	assert_true(contact_field_is_flag(CONTACT_PROTECTED));
	assert_false(contact_field_is_flag(CONTACT_PHONE));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(postal_codes),
		cmocka_unit_test(phone_numbers),
		cmocka_unit_test(field_labels),
		cmocka_unit_test(record_decode),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
