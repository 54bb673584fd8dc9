/* test_sus_items.c: how a batch's items are split into multi-row INSERTs
 * (sus_items.h), without a database: every pending row is written by
 * exactly one statement, full chunks first, never more than a chunk a
 * statement, and few statements for what is left. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "sus_items.h"

/* The rows the split writes, checked statement by statement. */
static size_t
rows_of(size_t n, size_t *stmts)
{
	size_t count[SUS_ITEM_SIZES], rows = 0;

	*stmts = sus_items_split(n, count);
	for (size_t i = 0; i < SUS_ITEM_SIZES; i++)
		rows += count[i] * sus_item_sizes[i];
	return rows;
}

static void
every_row_once(void **state)
{
	(void)state;
	for (size_t n = 0; n <= 3 * SUS_ITEM_CHUNK + 7; n++) {
		size_t stmts;

		assert_int_equal(rows_of(n, &stmts), n);
		/* Few statements for a remainder: at most 9 + 9 + 4 = 22
		 * beyond the full chunks. */
		assert_true(stmts <= n / SUS_ITEM_CHUNK + 22);
	}
}

static void
chunks_of_500(void **state)
{
	size_t count[SUS_ITEM_SIZES];

	(void)state;
	assert_int_equal(sus_item_sizes[0], SUS_ITEM_CHUNK);
	for (size_t i = 1; i < SUS_ITEM_SIZES; i++)
		assert_true(sus_item_sizes[i] < sus_item_sizes[i - 1]);
	assert_int_equal(sus_item_sizes[SUS_ITEM_SIZES - 1], 1);
	/* 1 201 rows: two full chunks, then 201 = 4 x 50 + 1. */
	assert_int_equal(sus_items_split(1201, count), 2 + 4 + 0 + 1);
	assert_int_equal(count[0], 2);
	assert_int_equal(count[1], 4);
	assert_int_equal(count[2], 0);
	assert_int_equal(count[3], 1);
	assert_int_equal(sus_items_split(0, count), 0);
	assert_int_equal(sus_items_split(SUS_ITEM_CHUNK, count), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_row_once),
		cmocka_unit_test(chunks_of_500),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
