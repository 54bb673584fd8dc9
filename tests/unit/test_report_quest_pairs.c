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

/* Item ids 101 .. 106 are items 1 .. 6 (in no order here); 999 is an
 * item of none of them. */
static const struct report_quest_item_id_row map[] = {
	{ 104, 4 },
	{ 101, 1 },
	{ 106, 6 },
	{ 102, 2 },
	{ 105, 5 },
	{ 103, 3 },
};

static struct rq_pairs *
pairs(void)
{
	return rq_pairs_new(&a, map, sizeof(map) / sizeof(map[0]));
}

/* A row of item 1 .. 6 (0: none): its id in map. */
static struct report_quest_value_row
row(long long pid, const char *gender, int kind, long long rid, int at_end,
    int end_in, long long item, long long v)
{
	return (struct report_quest_value_row){
		.pid = pid,
		.gender = str_cstr(gender),
		.kind = kind,
		.rid = rid,
		.at_end = at_end,
		.end_in = end_in,
		.item = item > 0 ? 100 + item : item,
		.v = v,
	};
}

static void
add(struct rq_pairs *q, long long pid, const char *gender, int kind,
    long long rid, int at_end, long long item, long long v)
{
	struct report_quest_value_row r =
	    row(pid, gender, kind, rid, at_end, at_end && kind == 1, item, v);

	rq_pairs_add(q, &r);
}

/* Paired, improved, one measurement and the paired sums of the VAS
 * items; the latest response with a value counts; the ended without an
 * end measurement count in the base with their start only. */
static void
vas_items_pair_start_and_end(void **state)
{
	struct rq_pairs *q = pairs();
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
	/* 3: ended without an end measurement: its start only. */
	add(q, 3, "man", 0, 9, 0, 1, 30);
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
	struct rq_pairs *q = pairs();
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

/* Of those that ended in the period (kind 0): one whose end
 * measurement was sent in the period counts as end-measured (start and
 * end); one whose end measurement was sent another time does not count
 * at all, with or without answers in it. */
static void
ended_by_their_end_measurement(void **state)
{
	struct rq_pairs *q = pairs();
	struct report_quest_pairs_row *rows;
	struct report_quest_value_row r[] = {
		/* 1: end measurement in the period: 20 -> 50, improved. */
		row(1, "kvinna", 0, 3, 0, 0, 1, 20),
		row(1, "kvinna", 0, 4, 1, 1, 1, 50),
		/* 2: end measurement sent before the period. */
		row(2, "kvinna", 0, 5, 0, 0, 1, 20),
		row(2, "kvinna", 0, 6, 1, 0, 1, 80),
		/* 3: the same, an end measurement without a value. */
		row(3, "kvinna", 0, 7, 1, 0, 0, 0),
		/* 4: no measurement at all. */
		row(4, "kvinna", 0, 0, 0, 0, 0, 0),
	};
	size_t n;

	(void)state;
	for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		rq_pairs_add(q, &r[i]);
	assert_int_equal(rq_pairs_rows(q, &a, &rows, &n), APP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].base, 2);
	assert_int_equal(rows[0].item[0].paired, 1);
	assert_int_equal(rows[0].item[0].improved, 1);
	assert_int_equal(rows[0].item[0].one, 0);
	assert_int_equal(rows[0].item[0].start_sum, 20);
	assert_int_equal(rows[0].item[0].end_sum, 50);
}

/* Rows in no order: sorted by participation they pair as in order; an
 * answer to an item of none of the six is no value, but its
 * participation is in the base. */
static void
sorted_rows_and_other_items(void **state)
{
	struct rq_pairs *q = pairs();
	struct report_quest_pairs_row *rows;
	struct report_quest_value_row r[] = {
		row(2, "man", 1, 8, 1, 1, 1, 40),
		row(1, "man", 1, 5, 0, 0, 1, 10),
		row(2, "man", 1, 7, 0, 0, 1, 30),
		row(1, "man", 1, 6, 1, 1, 1, 5),
		row(3, "man", 1, 9, 0, 0, 0, 0),
	};
	size_t n;

	(void)state;
	r[4].item = 999;
	rq_pairs_sort(r, sizeof(r) / sizeof(r[0]));
	assert_int_equal(r[0].pid, 1);
	assert_int_equal(r[1].pid, 1);
	assert_int_equal(r[2].pid, 2);
	assert_int_equal(r[3].pid, 2);
	for (size_t i = 0; i < sizeof(r) / sizeof(r[0]); i++)
		rq_pairs_add(q, &r[i]);
	assert_int_equal(rq_pairs_rows(q, &a, &rows, &n), APP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].base, 3);
	assert_int_equal(rows[0].item[0].paired, 2);
	assert_int_equal(rows[0].item[0].improved, 1);
	assert_int_equal(rows[0].item[0].start_sum, 40);
	assert_int_equal(rows[0].item[0].end_sum, 45);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(vas_items_pair_start_and_end),
		cmocka_unit_test(health_items_up_down_and_text_order),
		cmocka_unit_test(ended_by_their_end_measurement),
		cmocka_unit_test(sorted_rows_and_other_items),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
