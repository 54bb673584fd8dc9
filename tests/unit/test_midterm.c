/* test_midterm.c: unit tests for the mid-term follow-ups' rules
 * (app/midterm.c): the held date within the participation and not in the
 * future, and the form's one-time key. No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "edit.h"
#include "midterm.h"
#include "participation.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static void
held_date(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a, 1u << 16);
	/* Started 2024-03-01, today 2024-06-10, not ended. */
	assert_null(midterm_check_date(&a, 20240301, 20240301, 0, 20240610));
	assert_null(midterm_check_date(&a, 20240610, 20240301, 0, 20240610));
	assert_null(midterm_check_date(&a, 20240415, 20240301, 0, 20240610));
	assert_string_equal(
	    midterm_check_date(&a, 20240229, 20240301, 0, 20240610),
	    "Datumet kan inte vara före startdatumet (2024-03-01).");
	assert_string_equal(
	    midterm_check_date(&a, 20240611, 20240301, 0, 20240610),
	    "Datumet kan inte ligga i framtiden.");
	/* Ended 2024-05-31: not after the end. */
	assert_null(
	    midterm_check_date(&a, 20240531, 20240301, 20240531, 20240610));
	assert_string_equal(
	    midterm_check_date(&a, 20240601, 20240301, 20240531, 20240610),
	    MIDTERM_MSG_AFTER_END);
	/* The future before the end: still the future's message. */
	assert_string_equal(
	    midterm_check_date(&a, 20240612, 20240301, 20240620, 20240610),
	    "Datumet kan inte ligga i framtiden.");
	arena_free(&a);
}

static void
keys(void **state)
{
	(void)state;
	assert_true(edit_key_ok(S("0123456789abcdef0123456789abcdef")));
	assert_false(edit_key_ok(S("0123456789abcdef0123456789abcde")));
	assert_false(edit_key_ok(S("0123456789abcdef0123456789abcdef0")));
	assert_false(edit_key_ok(S("0123456789ABCDEF0123456789abcdef")));
	assert_false(edit_key_ok(S("0123456789abcdef0123456789abcdeg")));
	assert_false(edit_key_ok(S("")));
	assert_int_equal(EDIT_KEY_LEN, 32);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(held_date),
		cmocka_unit_test(keys),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
