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

static void
start(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a, 1u << 16);
	assert_null(participation_check_start(&a, 20240301, 20240601, 0));
	assert_null(participation_check_start(&a, 20240601, 20240601, 0));
	assert_null(participation_check_start(&a, 20240301, 0, 0));
	assert_string_equal(
	    participation_check_start(&a, 20240602, 20240601, 0),
	    "Startdatumet kan inte vara efter det planerade slutet "
	    "(2024-06-01).");
	/* Ended: not after the end, whatever the planned end says. */
	assert_null(
	    participation_check_start(&a, 20240401, 20240601, 20240401));
	assert_string_equal(
	    participation_check_start(&a, 20240402, 20240601, 20240401),
	    "Startdatumet kan inte vara efter slutdatumet (2024-04-01).");
	assert_string_equal(
	    participation_check_start(&a, 20240701, 20240601, 20240620),
	    "Startdatumet kan inte vara efter slutdatumet (2024-06-20).");
	arena_free(&a);
}

static void
hours_and_reasons(void **state)
{
	(void)state;
	assert_null(participation_check_hours(1));
	assert_null(participation_check_hours(40));
	assert_string_equal(participation_check_hours(0), PCORRECT_MSG_HOURS);
	assert_string_equal(participation_check_hours(41), PCORRECT_MSG_HOURS);
	assert_null(participation_check_reason(S("Fel person")));
	assert_null(participation_check_reason(S(" x ")));
	assert_string_equal(
	    participation_check_reason(S("")), PCORRECT_MSG_REASON);
	assert_string_equal(
	    participation_check_reason(S(" \t\r\n ")), PCORRECT_MSG_REASON);
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
		cmocka_unit_test(hours_and_reasons),
		cmocka_unit_test(error_end),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
