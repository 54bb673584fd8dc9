/* test_followup.c: unit tests for the follow-up six months after the end
 * (app/followup.c): the due date, the states and their edges, the
 * reminder window, the refusals and the situations. No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "followup.h"
#include "participation.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

/* End + 6 calendar months, clamped to the month's end as MariaDB's
 * DATE_ADD(d, INTERVAL 6 MONTH) does. */
static void
due_dates(void **state)
{
	(void)state;
	/* The SQL's DATE_ADD counts the same months. */
	assert_int_equal(atoi(FOLLOWUP_MONTHS_SQL), FOLLOWUP_MONTHS);
	assert_int_equal(followup_due(20210115), 20210715);
	assert_int_equal(followup_due(20210831), 20220228);
	assert_int_equal(followup_due(20230831), 20240229); /* leap */
	assert_int_equal(followup_due(20210930), 20220330);
	assert_int_equal(followup_due(20210731), 20220131);
	assert_int_equal(followup_due(20201231), 20210630);
	assert_int_equal(followup_due(20200229), 20200829);
	assert_int_equal(followup_add_months(20211130, 3), 20220228);
	assert_int_equal(followup_add_months(19991231, 2), 20000229);
	assert_int_equal(followup_add_months(21000131, 1), 21000228);
	assert_int_equal(followup_add_months(20210315, -3), 20201215);
}

/* Every edge of the window, for an end on 2021-01-15 (due 2021-07-15:
 * open from 07-01, overdue after 08-14, closed after 10-13). */
static void
states(void **state)
{
	long long end = 20210115;

	(void)state;
	assert_int_equal(followup_state(0, end, 0, 20210801), FU_NOT_ENDED);
	assert_int_equal(followup_state(0, 0, 0, 20210801), FU_NOT_ENDED);
	assert_int_equal(followup_state(1, 0, 0, 20210801), FU_NOT_ENDED);
	assert_int_equal(followup_state(1, end, 0, 20210116), FU_NOT_YET);
	assert_int_equal(followup_state(1, end, 0, 20210630), FU_NOT_YET);
	assert_int_equal(followup_state(1, end, 0, 20210701), FU_DUE);
	assert_int_equal(followup_state(1, end, 0, 20210715), FU_DUE);
	assert_int_equal(followup_state(1, end, 0, 20210814), FU_DUE);
	assert_int_equal(followup_state(1, end, 0, 20210815), FU_OVERDUE);
	assert_int_equal(followup_state(1, end, 0, 20211013), FU_OVERDUE);
	assert_int_equal(followup_state(1, end, 0, 20211014), FU_CLOSED);
	assert_int_equal(followup_state(1, end, 0, 20300101), FU_CLOSED);
	/* Recorded is done, whenever it is asked. */
	assert_int_equal(followup_state(1, end, 1, 20210116), FU_DONE);
	assert_int_equal(followup_state(1, end, 1, 20300101), FU_DONE);
	assert_int_equal(followup_state(0, end, 1, 20210801), FU_NOT_ENDED);
	for (int s = 0; s < FU__MAX; s++)
		assert_true(strlen(followup_state_label(s)) > 0);
	assert_true(followup_reminded(FU_DUE));
	assert_true(followup_reminded(FU_OVERDUE));
	assert_false(followup_reminded(FU_NOT_YET));
	assert_false(followup_reminded(FU_CLOSED));
	assert_false(followup_reminded(FU_DONE));
	assert_false(followup_reminded(FU_NOT_ENDED));
}

/* The window the reminder list asks SQL for agrees with the states, day
 * by day over two years of ends (month ends and a leap day included). */
static void
reminder_window(void **state)
{
	long long today = 20220301, from, to;

	(void)state;
	followup_reminder_window(today, &from, &to);
	assert_int_equal(from, participation_add_days(today, -90));
	assert_int_equal(to, participation_add_days(today, 14));
	for (long long end = 20200101; end <= 20211231;
	     end = participation_add_days(end, 1)) {
		long long due = followup_due(end);
		int in = due >= from && due <= to;

		assert_int_equal(
		    in, followup_reminded(followup_state(1, end, 0, today)));
	}
}

static void
refusals(void **state)
{
	struct arena a;
	const char *m;

	(void)state;
	assert_int_equal(arena_init(&a, 1u << 16), 1);
	assert_null(followup_refusal(&a, FU_DUE, 20210115));
	assert_null(followup_refusal(&a, FU_OVERDUE, 20210115));
	assert_null(followup_refusal(&a, FU_DONE, 20210115));
	m = followup_refusal(&a, FU_NOT_YET, 20210115);
	assert_non_null(m);
	assert_non_null(strstr(m, "2021-07-15"));
	assert_non_null(strstr(m, "2021-07-01"));
	m = followup_refusal(&a, FU_CLOSED, 20210115);
	assert_non_null(m);
	assert_non_null(strstr(m, "2021-10-13"));
	assert_non_null(followup_refusal(&a, FU_NOT_ENDED, 0));
	arena_free(&a);
}

/* The follow-up on the tablet: a code only while it is open and not
 * recorded; a sent answer records it only then, with a situation and a
 * staff member to record it. */
static void
tablet(void **state)
{
	struct arena a;
	const char *m;

	(void)state;
	assert_int_equal(arena_init(&a, 1u << 16), 1);
	assert_null(followup_tablet_refusal(&a, FU_DUE, 20210115));
	assert_null(followup_tablet_refusal(&a, FU_OVERDUE, 20210115));
	assert_string_equal(followup_tablet_refusal(&a, FU_DONE, 20210115),
	    FOLLOWUP_MSG_TABLET_RECORDED);
	m = followup_tablet_refusal(&a, FU_NOT_YET, 20210115);
	assert_non_null(m);
	assert_non_null(strstr(m, "2021-07-01"));
	m = followup_tablet_refusal(&a, FU_CLOSED, 20210115);
	assert_non_null(m);
	assert_non_null(strstr(m, "2021-10-13"));
	assert_non_null(followup_tablet_refusal(&a, FU_NOT_ENDED, 0));
	for (int s = 0; s < FU__MAX; s++) {
		int open = s == FU_DUE || s == FU_OVERDUE;
		assert_int_equal(followup_tablet_writes(
		                     (enum followup_state)s, FU_SIT_STUDIER, 7),
		    open);
		assert_int_equal(followup_tablet_refusal(&a,
		                     (enum followup_state)s, 20210115) == NULL,
		    open);
		assert_false(followup_tablet_writes(
		    (enum followup_state)s, FU_SIT__MAX, 7));
		assert_false(followup_tablet_writes(
		    (enum followup_state)s, FU_SIT_ARBETE, 0));
	}
	arena_free(&a);
}

static void
situations(void **state)
{
	(void)state;
	for (int s = 0; s < FU_SIT__MAX; s++) {
		const char *n = followup_situation_name(s);
		assert_non_null(n);
		assert_string_equal(followup_situation_names[s], n);
		assert_int_equal(followup_situation_from_name(S(n)), s);
		assert_true(strlen(followup_situation_label(s)) > 0);
	}
	assert_null(followup_situation_names[FU_SIT__MAX]);
	assert_null(followup_situation_name(FU_SIT__MAX));
	assert_int_equal(
	    followup_situation_from_name(S("Arbete")), FU_SIT__MAX);
	assert_int_equal(followup_situation_from_name(S("")), FU_SIT__MAX);
	/* The end outcomes (code_end_reason.outcome). */
	assert_int_equal(followup_situation_at_end(S("arbete")), FU_SIT_ARBETE);
	assert_int_equal(
	    followup_situation_at_end(S("studier")), FU_SIT_STUDIER);
	assert_int_equal(followup_situation_at_end(S("arbetssokande")),
	    FU_SIT_ARBETSSOKANDE);
	assert_int_equal(followup_situation_at_end(S("rehabilitering")),
	    FU_SIT_REHABILITERING);
	assert_int_equal(followup_situation_at_end(S("sjukdom")), FU_SIT_ANNAT);
	assert_int_equal(followup_situation_at_end(S("annat")), FU_SIT_ANNAT);
	assert_int_equal(followup_situation_at_end(S("")), FU_SIT_ANNAT);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(due_dates),
		cmocka_unit_test(states),
		cmocka_unit_test(reminder_window),
		cmocka_unit_test(refusals),
		cmocka_unit_test(tablet),
		cmocka_unit_test(situations),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
