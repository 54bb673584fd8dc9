/* test_structural.c: the rules of structural insatser (structural.h) and
 * the report's counting (report_structural.h), on hand-made rows: no
 * database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "report_structural.h"
#include "structural.h"

#define S(lit) STR_LIT(lit)

static void
refusals(void **state)
{
	(void)state;
	/* A structural insats takes no referrals; another does. */
	assert_non_null(structural_refusal(STRUCTURAL_REFER, 1, 0));
	assert_null(structural_refusal(STRUCTURAL_REFER, 0, 0));
	/* Only a structural insats keeps a register. */
	assert_null(structural_refusal(STRUCTURAL_REGISTER, 1, 0));
	assert_non_null(structural_refusal(STRUCTURAL_REGISTER, 0, 0));
	/* Made structural only without waiting referrals or running
	 * participations. */
	assert_null(structural_refusal(STRUCTURAL_MARK, 1, 0));
	assert_non_null(structural_refusal(STRUCTURAL_MARK, 1, 1));
	assert_non_null(structural_refusal(STRUCTURAL_MARK, 0, 3));
}

static void
verdicts(void **state)
{
	(void)state;
	assert_int_equal(structural_verdict(37, 100), STRUCTURAL_NOT_MET);
	assert_int_equal(structural_verdict(99, 100), STRUCTURAL_NOT_MET);
	assert_int_equal(structural_verdict(100, 100), STRUCTURAL_MET);
	assert_int_equal(structural_verdict(104, 100), STRUCTURAL_MET);
	assert_int_equal(structural_verdict(0, 0), STRUCTURAL_MET);
	assert_int_equal(structural_verdict(5, -1), STRUCTURAL_NO_GOAL);
	assert_string_equal(
	    structural_verdict_label(STRUCTURAL_MET), "Uppfyllt");
	assert_string_equal(
	    structural_verdict_label(STRUCTURAL_NOT_MET), "Inte uppfyllt");
}

static void
bank_and_period(void **state)
{
	(void)state;
	/* In the bank from the day it joined, up to the day before it left. */
	assert_true(
	    structural_in_bank(S("2019-03-01"), S(""), S("2019-08-31")));
	assert_true(
	    structural_in_bank(S("2019-08-31"), S(""), S("2019-08-31")));
	assert_false(
	    structural_in_bank(S("2019-09-01"), S(""), S("2019-08-31")));
	assert_true(structural_in_bank(
	    S("2019-03-01"), S("2019-09-01"), S("2019-08-31")));
	assert_false(structural_in_bank(
	    S("2019-03-01"), S("2019-08-31"), S("2019-08-31")));
	/* Trainings count in [from, to], both days included. */
	assert_true(structural_in_period(
	    S("2019-01-01"), S("2019-01-01"), S("2019-08-31")));
	assert_true(structural_in_period(
	    S("2019-08-31"), S("2019-01-01"), S("2019-08-31")));
	assert_false(structural_in_period(
	    S("2019-09-01"), S("2019-01-01"), S("2019-08-31")));
	assert_false(structural_in_period(
	    S("2018-12-31"), S("2019-01-01"), S("2019-08-31")));
}

static void
orgnr(void **state)
{
	char out[12];

	(void)state;
	assert_true(structural_orgnr(S("556036-0793"), out));
	assert_string_equal(out, "556036-0793");
	assert_true(structural_orgnr(S("5560360793"), out));
	assert_string_equal(out, "556036-0793");
	assert_false(structural_orgnr(S("556036-0794"), out)); /* check */
	assert_false(structural_orgnr(S("556036+0793"), out));
	assert_false(structural_orgnr(S("55603-60793"), out));
	assert_false(structural_orgnr(S("556036-079"), out));
	assert_false(structural_orgnr(S("55603a-0793"), out));
}

static void
counting(void **state)
{
	struct structural_company c[4] = {
		{ .places = 1, .joined_on = S("2019-02-01"), .left_on = S("") },
		{ .places = 2, .joined_on = S("2019-08-31"), .left_on = S("") },
		/* left before the end: not counted */
		{ .places = 5,
		    .joined_on = S("2019-02-01"),
		    .left_on = S("2019-06-30") },
		/* joined after: not counted */
		{ .places = 7, .joined_on = S("2019-09-01"), .left_on = S("") },
	};
	struct structural_training t[3] = {
		{ .held_on = S("2019-05-01"), .attendees = 12 },
		{ .held_on = S("2019-08-31"), .attendees = 14 },
		{ .held_on = S("2019-10-15"), .attendees = 9 },
	};
	struct structural_goal g[2] = {
		{ .year = 2018, .places = S("50"), .trainings = S("1") },
		{ .year = 2019,
		    .companies = S(""),
		    .places = S("100"),
		    .trainings = S("2"),
		    .attendees = S("45") },
	};
	struct report_structural s = { .from = S("2019-01-01"),
		.to = S("2019-08-31") };

	(void)state;
	report_structural_count(&s, c, 4, t, 3, g, 2);
	assert_int_equal(s.year, 2019);
	assert_int_equal(s.value[SR_FORETAG], 2);
	assert_int_equal(s.value[SR_PLATSER], 3);
	assert_int_equal(s.value[SR_UTBILDNINGAR], 2);
	assert_int_equal(s.value[SR_HANDLEDARE], 26);
	assert_int_equal(s.goal[SR_FORETAG], -1);
	assert_int_equal(s.goal[SR_PLATSER], 100);
	assert_int_equal(s.goal[SR_UTBILDNINGAR], 2);
	assert_int_equal(s.goal[SR_HANDLEDARE], 45);
	/* A year without goals: none. */
	s.to = S("2020-12-31");
	report_structural_count(&s, c, 4, t, 3, g, 2);
	assert_int_equal(s.goal[SR_PLATSER], -1);
	assert_int_equal(s.value[SR_FORETAG], 3);
	assert_string_equal(report_structural_row_name(SR_UTBILDNINGAR),
	    "Handledarutbildningar");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(refusals),
		cmocka_unit_test(verdicts),
		cmocka_unit_test(bank_and_period),
		cmocka_unit_test(orgnr),
		cmocka_unit_test(counting),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
