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

#include "form.h"
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

static struct kv_list
fields(struct kv *kv, size_t n)
{
	return (struct kv_list){ kv, n };
}

/* A retry is the same submission; the token and the key do not count,
 * every other field and the path do. */
static void
digests(void **state)
{
	char a[ONCE_DIGEST_LEN + 1], b[ONCE_DIGEST_LEN + 1];
	struct kv one[3] = { { S("csrf"), S("t1") },
		{ S("skapanyckel"), S("0123456789abcdef0123456789abcdef") },
		{ S("fornamn"), S("Anna") } };
	struct kv two[3] = { { S("csrf"), S("t2") },
		{ S("skapanyckel"), S("ffffffffffffffffffffffffffffffff") },
		{ S("fornamn"), S("Anna") } };
	struct kv other[1] = { { S("fornamn"), S("Berit") } };
	struct kv ab_c[1] = { { S("ab"), S("c") } };
	struct kv a_bc[1] = { { S("a"), S("bc") } };
	struct kv_list l;

	(void)state;
	l = fields(one, 3);
	once_digest_of(S("/ansokningar/ny"), &l, a);
	assert_int_equal(strlen(a), ONCE_DIGEST_LEN);
	assert_int_equal(once_key_kind(S(a)), ONCE_KEY_OK); /* lower hex */
	l = fields(two, 3);
	once_digest_of(S("/ansokningar/ny"), &l, b);
	assert_string_equal(a, b);
	l = fields(one + 2, 1);
	once_digest_of(S("/ansokningar/ny"), &l, b);
	assert_string_equal(a, b);
	l = fields(other, 1);
	once_digest_of(S("/ansokningar/ny"), &l, b);
	assert_string_not_equal(a, b);
	l = fields(one, 3);
	once_digest_of(S("/admin/insatser/ny"), &l, b);
	assert_string_not_equal(a, b);
	l = fields(ab_c, 1);
	once_digest_of(S("/x"), &l, a);
	l = fields(a_bc, 1);
	once_digest_of(S("/x"), &l, b);
	assert_string_not_equal(a, b);
}

/* A different submission's key: a key, its own per content. */
static void
derived_keys(void **state)
{
	char k1[ONCE_KEY_LEN + 1], k2[ONCE_KEY_LEN + 1];
	struct str key = S("0123456789abcdef0123456789abcdef");

	(void)state;
	once_key_derived(key, S("00000000000000000000000000000001"), k1);
	once_key_derived(key, S("00000000000000000000000000000002"), k2);
	assert_int_equal(once_key_kind(S(k1)), ONCE_KEY_OK);
	assert_string_not_equal(k1, k2);
	assert_string_not_equal(k1, key.p);
	once_key_derived(key, S("00000000000000000000000000000001"), k2);
	assert_string_equal(k1, k2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(key_kinds),
		cmocka_unit_test(locations),
		cmocka_unit_test(digests),
		cmocka_unit_test(derived_keys),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
