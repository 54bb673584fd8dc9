/* test_paging.c: page and sort parameters (app/paging.c): anything bad
 * is page 1 in the default order; the range shown of a total. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "paging.h"
#include "str.h"

static const struct paging_sort sorts[] = {
	{ "andrad", 1 },
	{ "namn", 0 },
};

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static struct paging
parse(const char *page, const char *sort, const char *dir)
{
	struct str p = page ? S(page) : STR_LIT(""),
	           s = sort ? S(sort) : STR_LIT(""),
	           d = dir ? S(dir) : STR_LIT("");
	struct paging out;

	paging_parse(page ? &p : NULL, sort ? &s : NULL, dir ? &d : NULL, sorts,
	    2, 0, &out);
	return out;
}

static void
pages(void **state)
{
	static const char *const bad[] = { "", "0", "-1", "abc", "1.5", " 2",
		"2 ", "100001", "99999999999999999999", "0x10", "+3" };
	struct paging p;

	(void)state;
	p = parse(NULL, NULL, NULL);
	assert_int_equal(p.page, 1);
	assert_int_equal(p.sort, 0);
	assert_int_equal(p.desc, 1);
	assert_int_equal(parse("2", NULL, NULL).page, 2);
	assert_int_equal(parse("007", NULL, NULL).page, 7);
	assert_int_equal(parse("100000", NULL, NULL).page, PAGING_PAGE_MAX);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(parse(bad[i], NULL, NULL).page, 1);
}

static void
sorting(void **state)
{
	struct paging p;

	(void)state;
	p = parse(NULL, "namn", NULL);
	assert_int_equal(p.sort, 1);
	assert_int_equal(p.desc, 0); /* its natural order */
	p = parse(NULL, "namn", "fallande");
	assert_int_equal(p.desc, 1);
	assert_int_equal(paging_order(&p), 3);
	p = parse(NULL, "andrad", "stigande");
	assert_int_equal(paging_order(&p), 0);
	/* Unknown names and orders: the default. */
	p = parse(NULL, "id; DROP TABLE referral", "upp");
	assert_int_equal(p.sort, 0);
	assert_int_equal(p.desc, 1);
	p = parse(NULL, "NAMN", NULL);
	assert_int_equal(p.sort, 0);
}

static void
range(void **state)
{
	struct paging p = { 1, 0, 0, PAGING_ROWS };
	struct paging_range rg;

	(void)state;
	paging_range(&p, 328, 50, &rg);
	assert_int_equal(rg.first, 1);
	assert_int_equal(rg.last, 50);
	assert_int_equal(rg.pages, 7);
	p.page = 7;
	assert_int_equal(paging_offset(&p), 300);
	paging_range(&p, 328, 28, &rg);
	assert_int_equal(rg.first, 301);
	assert_int_equal(rg.last, 328);
	paging_range(&p, 0, 0, &rg);
	assert_int_equal(rg.first, 0);
	assert_int_equal(rg.pages, 0);
	paging_range(&p, 50, 50, &rg);
	assert_int_equal(rg.pages, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pages),
		cmocka_unit_test(sorting),
		cmocka_unit_test(range),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
