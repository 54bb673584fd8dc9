/* test_participation_correct.c: unit tests for the corrections of a
 * participation (app/participation_correct.c): which state allows which,
 * the corrected start, hours, reasons, and the end date of one marked in
 * error. No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "midterm.h"
#include "participation.h"
#include "participation_correct.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static void
by_state(void **state)
{
	(void)state;
	assert_null(participation_correct_refusal(
	    PARTICIPATION_INSKRIVEN, PCORRECT_ADMISSION));
	assert_null(participation_correct_refusal(
	    PARTICIPATION_AVSLUTAD, PCORRECT_ADMISSION));
	assert_string_equal(
	    participation_correct_refusal(
	        PARTICIPATION_FELREGISTRERAD, PCORRECT_ADMISSION),
	    PCORRECT_MSG_ADMISSION_CLOSED);
	/* Only an ended one reopens. */
	assert_null(participation_correct_refusal(
	    PARTICIPATION_AVSLUTAD, PCORRECT_REOPEN));
	assert_string_equal(participation_correct_refusal(
	                        PARTICIPATION_INSKRIVEN, PCORRECT_REOPEN),
	    PCORRECT_MSG_REOPEN_CLOSED);
	assert_string_equal(participation_correct_refusal(
	                        PARTICIPATION_FELREGISTRERAD, PCORRECT_REOPEN),
	    PCORRECT_MSG_REOPEN_CLOSED);
	/* Only an ongoing one is marked in error (on any day). */
	assert_null(participation_correct_refusal(
	    PARTICIPATION_INSKRIVEN, PCORRECT_ERROR));
	assert_string_equal(participation_correct_refusal(
	                        PARTICIPATION_AVSLUTAD, PCORRECT_ERROR),
	    PCORRECT_MSG_ERROR_CLOSED);
	assert_non_null(participation_correct_refusal(
	    PARTICIPATION_STATUS__MAX, PCORRECT_ADMISSION));
	assert_non_null(participation_correct_refusal(
	    PARTICIPATION_INSKRIVEN, PCORRECT__MAX));
}

/* The facts of a participation started on current, planned to end on
 * planned_end, today 2024-06-10, nothing else recorded. */
static struct participation_start_facts
facts(long long current, long long planned_end, long long end)
{
	return (struct participation_start_facts){ .current = current,
		.planned_end = planned_end,
		.end = end,
		.today = 20240610 };
}

static void
start(void **state)
{
	struct participation_start_facts f = facts(20240301, 20240601, 0);
	struct arena a;

	(void)state;
	arena_init(&a, 1u << 16);
	assert_null(participation_check_start(&a, 20240301, &f));
	assert_null(participation_check_start(&a, 20240601, &f));
	f = facts(20240301, 0, 0);
	assert_null(participation_check_start(&a, 20240301, &f));
	f = facts(20240301, 20240601, 0);
	assert_string_equal(participation_check_start(&a, 20240602, &f),
	    "Startdatumet kan inte vara efter det planerade slutet "
	    "(2024-06-01).");
	/* Ended: not after the end, whatever the planned end says. */
	f = facts(20240301, 20240601, 20240401);
	assert_null(participation_check_start(&a, 20240401, &f));
	assert_string_equal(participation_check_start(&a, 20240402, &f),
	    "Startdatumet kan inte vara efter slutdatumet (2024-04-01).");
	f = facts(20240301, 20240601, 20240620);
	assert_string_equal(participation_check_start(&a, 20240701, &f),
	    "Startdatumet kan inte vara efter slutdatumet (2024-06-20).");
	arena_free(&a);
}

/* What is recorded already holds the start back. */
static void
start_recorded(void **state)
{
	struct participation_start_facts f = facts(20240301, 20241201, 0);
	struct arena a;

	(void)state;
	arena_init(&a, 1u << 16);
	/* Not after the first mid-term follow-up: on its day is fine. */
	f.first_midterm = 20240415;
	assert_null(participation_check_start(&a, 20240415, &f));
	assert_string_equal(participation_check_start(&a, 20240416, &f),
	    "Startdatumet kan inte vara efter den första mittuppföljningen "
	    "(2024-04-15).");
	/* Not after the day the first extension was recorded. */
	f = facts(20240301, 20241201, 0);
	f.first_extension = 20240501;
	assert_null(participation_check_start(&a, 20240501, &f));
	assert_string_equal(participation_check_start(&a, 20240502, &f),
	    "Startdatumet kan inte vara efter dagen för den första "
	    "förlängningen (2024-05-01).");
	/* Started (today or before): never moved into the future. */
	f = facts(20240301, 20241201, 0);
	assert_null(participation_check_start(&a, 20240610, &f));
	assert_string_equal(participation_check_start(&a, 20240611, &f),
	    PCORRECT_MSG_START_FUTURE);
	f = facts(20240610, 20241201, 0);
	assert_string_equal(participation_check_start(&a, 20240611, &f),
	    PCORRECT_MSG_START_FUTURE);
	/* Not started yet: a future start may move, also further on. */
	f = facts(20240701, 20241201, 0);
	assert_null(participation_check_start(&a, 20240801, &f));
	assert_null(participation_check_start(&a, 20240601, &f));
	arena_free(&a);
}

/* The follow-up form refuses a held date before the start; the
 * correction refuses a start after the first follow-up: for every pair
 * of days, the follow-up is allowed exactly when such a start is. */
static void
start_agrees_with_midterm(void **state)
{
	struct participation_start_facts f;
	struct arena a;
	long long today = 20240610;

	(void)state;
	arena_init(&a, 1u << 16);
	for (long long s = 20240601; s <= 20240610; s++)
		for (long long m = 20240601; m <= 20240610; m++) {
			f = facts(20240601, 20241201, 0);
			f.first_midterm = m;
			assert_int_equal(
			    midterm_check_date(&a, m, s, 0, today) == NULL,
			    participation_check_start(&a, s, &f) == NULL);
		}
	arena_free(&a);
}

static void
hours_and_reasons(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a, 1u << 16);
	assert_null(participation_check_hours(&a, 1, 0));
	assert_null(participation_check_hours(&a, 40, 0));
	assert_string_equal(
	    participation_check_hours(&a, 0, 0), PCORRECT_MSG_HOURS);
	assert_string_equal(
	    participation_check_hours(&a, 41, 0), PCORRECT_MSG_HOURS);
	/* With a plan the hours are its sum: change the plan instead. */
	assert_null(participation_check_hours(&a, 12, 12));
	assert_string_equal(participation_check_hours(&a, 6, 12),
	    "Timmarna följer planen (12 i veckan). Ändra planen i stället.");
	assert_string_equal(
	    participation_check_hours(&a, 41, 12), PCORRECT_MSG_HOURS);
	assert_null(participation_check_reason(S("Fel person")));
	assert_null(participation_check_reason(S(" x ")));
	assert_string_equal(
	    participation_check_reason(S("")), PCORRECT_MSG_REASON);
	assert_string_equal(
	    participation_check_reason(S(" \t\r\n ")), PCORRECT_MSG_REASON);
	arena_free(&a);
}

static void
error_end(void **state)
{
	(void)state;
	/* Started: ended today. */
	assert_int_equal(participation_error_end(20240301, 20240610), 20240610);
	assert_int_equal(participation_error_end(20240610, 20240610), 20240610);
	/* A start still to come: ended on the start, never before it. */
	assert_int_equal(participation_error_end(20240701, 20240610), 20240701);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(by_state),
		cmocka_unit_test(start),
		cmocka_unit_test(start_recorded),
		cmocka_unit_test(start_agrees_with_midterm),
		cmocka_unit_test(hours_and_reasons),
		cmocka_unit_test(error_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
