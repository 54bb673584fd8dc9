/* test_once.c: unit tests for the create forms' one-time keys
 * (app/once.c): which posted keys are keys, and which locations may be
 * stored and answered. No database; the claim itself is tested over HTTP
 * (tests/http/test_once.sh). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "once.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static void
key_kinds(void **state)
{
	(void)state;
	assert_int_equal(once_key_kind(STR_NULL), ONCE_KEY_NONE);
	assert_int_equal(once_key_kind(S("")), ONCE_KEY_NONE);
	assert_int_equal(
	    once_key_kind(S("0123456789abcdef0123456789abcdef")), ONCE_KEY_OK);
	/* Upper case, one short, one long, a non-hex digit, a NUL. */
	assert_int_equal(
	    once_key_kind(S("0123456789ABCDEF0123456789abcdef")), ONCE_KEY_BAD);
	assert_int_equal(
	    once_key_kind(S("0123456789abcdef0123456789abcde")), ONCE_KEY_BAD);
	assert_int_equal(once_key_kind(S("0123456789abcdef0123456789abcdef0")),
	    ONCE_KEY_BAD);
	assert_int_equal(
	    once_key_kind(S("0123456789abcdef0123456789abcdeg")), ONCE_KEY_BAD);
	assert_int_equal(once_key_kind((struct str){ "0123456789abcdef\0"
	                                             "123456789abcdef",
	                     32 }),
	    ONCE_KEY_BAD);
	assert_int_equal(ONCE_KEY_LEN, 32);
}

static void
locations(void **state)
{
	char longest[ONCE_LOCATION_MAX + 2];

	(void)state;
	assert_true(once_location_ok(S("/ansokningar/12")));
	assert_true(once_location_ok(S("/deltagande/3?sparat=1#forlangning")));
	assert_false(once_location_ok(STR_NULL));
	assert_false(once_location_ok(S("")));
	/* Never somewhere else, never a header split. */
	assert_false(once_location_ok(S("https://example.org/")));
	assert_false(once_location_ok(S("//example.org/")));
	assert_false(once_location_ok(S("/\\example.org/")));
	assert_false(once_location_ok(S("/a\\b")));
	assert_false(once_location_ok(S("ansokningar/12")));
	assert_false(once_location_ok(S("/a b")));
	assert_false(once_location_ok(S("/a\r\nSet-Cookie: x=1")));
	assert_false(once_location_ok(S("/\xc3\xa5")));
	memset(longest, 'a', sizeof(longest));
	longest[0] = '/';
	assert_true(
	    once_location_ok((struct str){ longest, ONCE_LOCATION_MAX }));
	assert_false(
	    once_location_ok((struct str){ longest, ONCE_LOCATION_MAX + 1 }));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(key_kinds),
		cmocka_unit_test(locations),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
