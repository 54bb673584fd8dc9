/* test_arena_str.c: the arena and the string/buffer helpers. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "arena.h"
#include "str.h"

static void
arena_caps_and_resets(void **state)
{
	struct arena a;
	char *p, *q;

	(void)state;
	assert_true(arena_init(&a, 1024));
	p = arena_alloc(&a, 1000);
	assert_non_null(p);
	assert_int_equal((uintptr_t)p % 16, 0);
	assert_null(arena_alloc(&a, 100)); /* over the cap: NULL, no abort */
	assert_null(arena_calloc(&a, SIZE_MAX / 2, 4)); /* n * size overflows */
	arena_reset(&a);
	q = arena_alloc(&a, 1000);
	assert_ptr_equal(p, q); /* reset reuses the block */
	assert_int_equal(a.peak, 1000);
	arena_free(&a);
	arena_free(&a); /* twice is safe */
}

static void
arena_memdup_terminates(void **state)
{
	struct arena a;
	char *d;

	(void)state;
	assert_true(arena_init(&a, 64));
	d = arena_memdup(&a, "abc", 3);
	assert_string_equal(d, "abc");
	assert_null(arena_memdup(&a, "x", 100));
	arena_free(&a);
}

static void
utf8_validation(void **state)
{
	static const struct {
		const char *s;
		int ok;
	} cases[] = {
		{ "", 1 },
		{ "plain", 1 },
		{ "\xc3\xa5\xc3\xa4\xc3\xb6", 1 },
		{ "\xe2\x82\xac", 1 },
		{ "\xf0\x9f\x98\x80", 1 },
		{ "\xf4\x8f\xbf\xbf", 1 }, /* U+10FFFF */
		{ "\xc3", 0 },             /* truncated */
		{ "\xc3\x28", 0 },         /* bad continuation */
		{ "\xc0\xaf", 0 },
		{ "\xe0\x80\xaf", 0 },     /* overlong */
		{ "\xed\xa0\x80", 0 },     /* surrogate */
		{ "\xf4\x90\x80\x80", 0 }, /* > U+10FFFF */
		{ "\xff", 0 },
		{ "\x80", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(
		    str_utf8_valid(str_cstr(cases[i].s)), cases[i].ok);
	assert_true(str_has_nul((struct str){ "a\0b", 3 }));
	assert_false(str_has_nul(STR_LIT("ab")));
}

static void
buf_grows_escapes_and_fails_cleanly(void **state)
{
	struct arena a;
	struct buf b;

	(void)state;
	assert_true(arena_init(&a, 4096));
	buf_init(&b, &a);
	assert_int_equal(buf_html(&b, STR_LIT("<a href=\"x\">&'</a>")), APP_OK);
	assert_string_equal(
	    b.p, "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
	b.len = 0;
	assert_int_equal(buf_csv_cell(&b, STR_LIT("a\"b;c"), 0), APP_OK);
	assert_int_equal(buf_csv_cell(&b, STR_LIT("=SUM(A1)"), 0), APP_OK);
	assert_int_equal(buf_csv_cell(&b, STR_LIT("-1"), 1), APP_OK);
	assert_string_equal(b.p, "\"a\"\"b;c\";\"'=SUM(A1)\";\"'-1\"\r\n");
	b.len = 0;
	assert_int_equal(buf_printf(&b, "%d-%s", 42, "x"), APP_OK);
	assert_int_equal(b.len, 4);
	assert_string_equal(b.p, "42-x");
	for (int i = 0; i < 100; i++)
		if (buf_puts(&b, "0123456789") != APP_OK)
			break;
	/* The arena filled up: the buffer keeps what it had, terminated. */
	assert_int_equal(buf_append(&b, "x", 4096), APP_ENOMEM);
	assert_int_equal(strlen(b.p), b.len);
	arena_free(&a);
}

/* Name tables (an enum's names) and the user-name lower-casing. */
static void
name_tables_and_lowering(void **state)
{
	static const char *const names[] = { "aktiv", NULL, "utgangen" };
	struct arena a;
	struct str low;

	(void)state;
	assert_string_equal(str_table_at(names, 3, 0), "aktiv");
	assert_string_equal(str_table_at(names, 3, 1), "");
	assert_string_equal(str_table_at(names, 3, 3), "");
	assert_int_equal(str_table_find(names, 3, STR_LIT("utgangen")), 2);
	assert_int_equal(str_table_find(names, 3, STR_LIT("Aktiv")), 3);
	assert_int_equal(str_table_find(names, 3, STR_LIT("")), 3);
	assert_true(arena_init(&a, 256));
	low = str_lower_ascii(&a, STR_LIT("Anna.Ek-ÅS"));
	assert_true(str_eq_cstr(low, "anna.ek-Ås"));
	arena_free(&a);
}

static void
str_compare(void **state)
{
	(void)state;
	assert_true(str_eq(STR_LIT("abc"), str_cstr("abc")));
	assert_false(str_eq(STR_LIT("abc"), STR_LIT("abd")));
	assert_true(str_eq_cstr(STR_LIT(""), ""));
	assert_true(str_has_prefix(STR_LIT("/insats/3"), "/insats/"));
	assert_false(str_has_prefix(STR_LIT("/ins"), "/insats/"));
	/* ASCII letters in either case; other bytes (å, Å) as they are. */
	assert_true(
	    str_eq_ascii_nocase(STR_LIT("Anna ek"), STR_LIT("aNNA EK")));
	assert_true(str_eq_ascii_nocase(STR_LIT(""), STR_LIT("")));
	assert_false(str_eq_ascii_nocase(STR_LIT("ab"), STR_LIT("abc")));
	assert_false(str_eq_ascii_nocase(STR_LIT("Åsa"), STR_LIT("åsa")));
	assert_false(str_eq_ascii_nocase(STR_LIT("a["), STR_LIT("a{")));
}

static void
numbers_from_our_data(void **state)
{
	(void)state;
	assert_int_equal(str_to_ll(STR_LIT("42")), 42);
	assert_int_equal(str_to_ll(STR_LIT("007")), 7);
	assert_int_equal(
	    str_to_ll(STR_LIT("999999999999999999")), 999999999999999999LL);
	assert_int_equal(str_to_ll(STR_LIT("1000000000000000000")), 0); /* 19 */
	assert_int_equal(str_to_ll(STR_LIT("")), 0);
	assert_int_equal(str_to_ll(STR_LIT("-1")), 0);
	assert_int_equal(str_to_ll(STR_LIT(" 1")), 0);
	assert_int_equal(str_to_ll(STR_LIT("1x")), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(arena_caps_and_resets),
		cmocka_unit_test(arena_memdup_terminates),
		cmocka_unit_test(utf8_validation),
		cmocka_unit_test(buf_grows_escapes_and_fails_cleanly),
		cmocka_unit_test(str_compare),
		cmocka_unit_test(name_tables_and_lowering),
		cmocka_unit_test(numbers_from_our_data),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
