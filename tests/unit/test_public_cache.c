/* test_public_cache.c: unit tests for the worker's copies of the anonymous
 * start page (app/public_cache.c), one per förbund: each is served only
 * under exactly the generation it was kept under. No database; that every worker sees a
 * change is tested over HTTP (tests/http/test_public_cache.sh). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "public_cache.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static int
teardown(void **state)
{
	(void)state;
	public_cache_clear();
	return 0;
}

static void
nothing_kept(void **state)
{
	struct str b = S("x");

	(void)state;
	assert_int_equal(public_cache_get(1, S("1"), &b), 0);
	assert_int_equal(b.len, 0);
	assert_int_equal(public_cache_get(1, S(""), &b), 0);
}

static void
same_generation_only(void **state)
{
	char page[] = "<p>Trampolinen</p>";
	struct str b;

	(void)state;
	public_cache_put(1, S("98765432101234567"), S(page));
	/* A copy: the arena the page was rendered in is reused. */
	memset(page, 'z', sizeof(page) - 1);
	assert_int_equal(public_cache_get(1, S("98765432101234567"), &b), 1);
	assert_int_equal(b.len, strlen("<p>Trampolinen</p>"));
	assert_memory_equal(b.p, "<p>Trampolinen</p>", b.len);
	/* Any other generation, a prefix or a longer one: not served. */
	assert_int_equal(public_cache_get(1, S("98765432101234568"), &b), 0);
	assert_int_equal(public_cache_get(1, S("9876543210123456"), &b), 0);
	assert_int_equal(public_cache_get(1, S("987654321012345670"), &b), 0);
	assert_int_equal(public_cache_get(1, S(""), &b), 0);
}

static void
replaced(void **state)
{
	struct str b;

	(void)state;
	public_cache_put(1, S("1"), S("old page, a long one"));
	public_cache_put(1, S("2"), S("new"));
	assert_int_equal(public_cache_get(1, S("1"), &b), 0);
	assert_int_equal(public_cache_get(1, S("2"), &b), 1);
	assert_memory_equal(b.p, "new", 3);
	assert_int_equal(b.len, 3);
}

static void
bad_generation_keeps_nothing(void **state)
{
	struct str b;

	(void)state;
	public_cache_put(1, S("7"), S("page"));
	/* Empty or too long: what was kept is gone too. */
	public_cache_put(1, S(""), S("other"));
	assert_int_equal(public_cache_get(1, S("7"), &b), 0);
	assert_int_equal(public_cache_get(1, S(""), &b), 0);
	public_cache_put(1, S("7"), S("page"));
	public_cache_put(1, S("123456789012345678901234567890123"), S("other"));
	assert_int_equal(public_cache_get(1, S("7"), &b), 0);
	assert_int_equal(
	    public_cache_get(1, S("123456789012345678901234567890123"), &b), 0);
}

static void
cleared(void **state)
{
	struct str b;

	(void)state;
	public_cache_put(1, S("7"), S("page"));
	public_cache_clear();
	assert_int_equal(public_cache_get(1, S("7"), &b), 0);
}

static void
one_per_forbund(void **state)
{
	struct str b;
	char name[32];

	(void)state;
	public_cache_put(1, S("7"), S("page one"));
	public_cache_put(2, S("7"), S("page two"));
	assert_int_equal(public_cache_get(1, S("7"), &b), 1);
	assert_memory_equal(b.p, "page one", b.len);
	assert_int_equal(public_cache_get(2, S("7"), &b), 1);
	assert_memory_equal(b.p, "page two", b.len);
	/* Never another förbund's page, and no förbund (0) is never kept. */
	assert_int_equal(public_cache_get(3, S("7"), &b), 0);
	public_cache_put(0, S("7"), S("nobody's"));
	assert_int_equal(public_cache_get(0, S("7"), &b), 0);
	/* A bad generation drops that förbund's page only. */
	public_cache_put(2, S(""), S("x"));
	assert_int_equal(public_cache_get(2, S("7"), &b), 0);
	assert_int_equal(public_cache_get(1, S("7"), &b), 1);
	/* Full: the next förbund takes the slot served longest ago, and
	 * förbund 1, just served, stays. */
	for (long long f = 2; f <= PUBLIC_CACHE_SLOTS; f++) {
		snprintf(name, sizeof(name), "page %lld", f);
		public_cache_put(f, S("7"), S(name));
	}
	assert_int_equal(public_cache_get(1, S("7"), &b), 1);
	public_cache_put(PUBLIC_CACHE_SLOTS + 1, S("7"), S("newest"));
	assert_int_equal(public_cache_get(2, S("7"), &b), 0);
	assert_int_equal(public_cache_get(1, S("7"), &b), 1);
	assert_memory_equal(b.p, "page one", b.len);
	assert_int_equal(
	    public_cache_get(PUBLIC_CACHE_SLOTS + 1, S("7"), &b), 1);
	assert_memory_equal(b.p, "newest", b.len);
	for (long long f = 3; f <= PUBLIC_CACHE_SLOTS; f++)
		assert_int_equal(public_cache_get(f, S("7"), &b), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(nothing_kept, teardown),
		cmocka_unit_test_teardown(one_per_forbund, teardown),
		cmocka_unit_test_teardown(same_generation_only, teardown),
		cmocka_unit_test_teardown(replaced, teardown),
		cmocka_unit_test_teardown(
		    bad_generation_keeps_nothing, teardown),
		cmocka_unit_test_teardown(cleared, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
