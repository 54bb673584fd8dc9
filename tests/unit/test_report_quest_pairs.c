/* test_report_quest_pairs.c: the linked questionnaire's start/end pairs
 * in C (report_quest_pairs.h), without a database: the grouped rows are
 * the ones the grouped statement gave. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "report_quest_pairs.h"
#include "sql_report.h"

#include "report_fixture.h"

static void
add(struct rq_pairs *q, long long pid, const char *gender, int kind,
    long long rid, int at_end, long long item, long long v)
{
	struct report_quest_value_row r = {
		.pid = pid,
		.gender = str_cstr(gender),
		.kind = kind,
		.rid = rid,
		.at_end = at_end,
		.item = item,
		.v = v,
	};
	rq_pairs_add(q, &r);
}

/* Paired, improved, one measurement and the paired sums of the VAS
 * items; the latest response with a value counts; the ended without an
 * end measurement count in the base with their start only. */
static void
vas_items_pair_start_and_end(void **state)
{
	struct rq_pairs *q = rq_pairs_new(&a);
	struct report_quest_pairs_row *rows;
	size_t n;

	(void)state;
	assert_non_null(q);
	/* 1: livskvalitet 40 -> 60 (improved); hälsa start only. An older
	 * start response (id 5) with 90 loses to the latest (id 7). */
	add(q, 1, "kvinna", 1, 5, 0, 1, 90);
	add(q, 1, "kvinna", 1, 7, 0, 1, 40);
	add(q, 1, "kvinna", 1, 8, 1, 1, 60);
	add(q, 1, "kvinna", 1, 7, 0, 2, 55);
	/* 2: no answer at all. */
	add(q, 2, "kvinna", 1, 0, 0, 0, 0);
	/* 3: ended without an end measurement: its start only, an end row
	 * (never sent for kind 0) is not counted. */
	add(q, 3, "man", 0, 9, 0, 1, 30);
	add(q, 3, "man", 0, 10, 1, 1, 99);
	/* 4: livskvalitet 70 -> 70 (paired, not improved). */
	add(q, 4, "man", 1, 11, 0, 1, 70);
	add(q, 4, "man", 1, 12, 1, 1, 70);
	assert_int_equal(rq_pairs_rows(q, &a, &rows, &n), APP_OK);
	assert_int_equal(n, 2);
	assert_true(str_eq_cstr(rows[0].gender, "kvinna"));
	assert_int_equal(rows[0].base, 2);
	assert_int_equal(rows[0].item[0].paired, 1);
	assert_int_equal(rows[0].item[0].improved, 1);
	assert_int_equal(rows[0].item[0].one, 0);
	assert_int_equal(rows[0].item[0].start_sum, 40);
	assert_int_equal(rows[0].item[0].end_sum, 60);
	assert_int_equal(rows[0].item[1].paired, 0);
	assert_int_equal(rows[0].item[1].one, 1);
	assert_int_equal(rows[0].item[1].start_sum, 0);
	assert_true(str_eq_cstr(rows[1].gender, "man"));
	assert_int_equal(rows[1].base, 2);
	assert_int_equal(rows[1].item[0].paired, 1);
	assert_int_equal(rows[1].item[0].improved, 0);
	assert_int_equal(rows[1].item[0].one, 1);
	assert_int_equal(rows[1].item[0].start_sum, 70);
	assert_int_equal(rows[1].item[0].end_sum, 70);
}

/* The health items: paired, up, down, one; of one response's answers to
 * an item the greatest as text ("9" over "10"). */
static void
health_items_up_down_and_text_order(void **state)
{
	struct rq_pairs *q = rq_pairs_new(&a);
	struct report_quest_pairs_row *rows;
	size_t n;

	(void)state;
	add(q, 1, "annat", 1, 3, 0, 3, 2); /* kost 2 -> 4: up */
	add(q, 1, "annat", 1, 4, 1, 3, 4);
	add(q, 1, "annat", 1, 3, 0, 4, 5); /* motion 5 -> 3: down */
	add(q, 1, "annat", 1, 4, 1, 4, 3);
	add(q, 1, "annat", 1, 3, 0, 5, 10); /* stress: 10 and 9 -> 9 */
	add(q, 1, "annat", 1, 3, 0, 5, 9);
	add(q, 1, "annat", 1, 4, 1, 5, 9);
	add(q, 1, "annat", 1, 4, 1, 6, 1); /* sömn: end only */
	assert_int_equal(rq_pairs_rows(q, &a, &rows, &n), APP_OK);
	assert_int_equal(n, 1);
	assert_true(str_eq_cstr(rows[0].gender, "annat"));
	assert_int_equal(rows[0].base, 1);
	assert_int_equal(rows[0].health[0].paired, 1);
	assert_int_equal(rows[0].health[0].up, 1);
	assert_int_equal(rows[0].health[0].down, 0);
	assert_int_equal(rows[0].health[1].down, 1);
	assert_int_equal(rows[0].health[1].up, 0);
	assert_int_equal(rows[0].health[2].paired, 1);
	assert_int_equal(rows[0].health[2].up, 0);
	assert_int_equal(rows[0].health[2].down, 0);
	assert_int_equal(rows[0].health[3].paired, 0);
	assert_int_equal(rows[0].health[3].one, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vas_items_pair_start_and_end),
		cmocka_unit_test(health_items_up_down_and_text_order),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
