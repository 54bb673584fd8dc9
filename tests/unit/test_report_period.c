/* test_report_period.c: which days a report covers (report_period.h). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "report.h"
#include "report_period.h"

/* The days of fixed period p of year as "from..to". */
static void
assert_period(enum report_period p, int year, const char *from, const char *to)
{
	struct report_span s;
	char f[11], t[11];

	assert_true(report_period_span(p, year, &s));
	report_span_dates(&s, f, t);
	assert_string_equal(f, from);
	assert_string_equal(t, to);
}

static void
fixed_periods_cover_whole_months(void **state)
{
	(void)state;
	assert_period(REPORT_PERIOD_AR, 2021, "2021-01-01", "2021-12-31");
	assert_period(REPORT_PERIOD_JANAUG, 2019, "2019-01-01", "2019-08-31");
	assert_period(REPORT_PERIOD_Q1, 2020, "2020-01-01", "2020-03-31");
	assert_period(REPORT_PERIOD_Q2, 2020, "2020-04-01", "2020-06-30");
	assert_period(REPORT_PERIOD_Q3, 2020, "2020-07-01", "2020-09-30");
	assert_period(REPORT_PERIOD_Q4, 2020, "2020-10-01", "2020-12-31");
}

static void
free_months_are_the_callers(void **state)
{
	struct report_span s;

	(void)state;
	assert_false(report_period_span(REPORT_PERIOD_FRITT, 2021, &s));
	assert_false(report_period_span(REPORT_PERIOD__MAX, 2021, &s));
}

static void
names_and_labels_match_the_form(void **state)
{
	(void)state;
	assert_string_equal(
	    report_period_name(REPORT_PERIOD_JANAUG), "jan-aug");
	assert_string_equal(report_period_name(REPORT_PERIOD_FRITT), "fritt");
	assert_string_equal(report_period_label(REPORT_PERIOD_Q3), "Kvartal 3");
	assert_string_equal(report_period_label(REPORT_PERIOD_AR), "Helår");
	/* NULL-terminated for the form's FT_ENUM, in enum order. */
	assert_null(report_period_names[REPORT_PERIOD__MAX]);
	for (int p = 0; p < REPORT_PERIOD__MAX; p++)
		assert_string_equal(report_period_names[p],
		    report_period_name((enum report_period)p));
	assert_string_equal(report_period_name(REPORT_PERIOD__MAX), "");
}

static void
free_spans_are_checked(void **state)
{
	struct report_span ok = { 2019, 3, 2021, 2 };
	struct report_span one = { 2021, 5, 2021, 5 };
	struct report_span back = { 2021, 5, 2021, 4 };
	struct report_span ten = { 2011, 1, 2020, 12 };
	struct report_span more = { 2011, 1, 2021, 1 };
	char f[11], t[11];

	(void)state;
	assert_int_equal(report_span_check(&ok), REPORT_SPAN_OK);
	assert_int_equal(report_span_check(&one), REPORT_SPAN_OK);
	assert_int_equal(report_span_check(&back), REPORT_SPAN_BACKWARDS);
	assert_int_equal(report_span_check(&ten), REPORT_SPAN_OK);
	assert_int_equal(report_span_check(&more), REPORT_SPAN_TOO_LONG);
	assert_string_equal(report_span_message(REPORT_SPAN_TOO_LONG),
	    "Perioden kan vara högst tio år.");
	assert_string_equal(report_span_message(REPORT_SPAN_OK), "");
	report_span_dates(&ok, f, t);
	assert_string_equal(f, "2019-03-01");
	assert_string_equal(t, "2021-02-28");
	ok.tm = 2;
	ok.ty = 2020;
	report_span_dates(&ok, f, t);
	assert_string_equal(t, "2020-02-29");
}

static void
months_parse_strictly(void **state)
{
	int y = 0, m = 0;

	(void)state;
	assert_true(report_month_parse(STR_LIT("2021-03"), &y, &m));
	assert_int_equal(y * 100 + m, 202103);
	assert_false(report_month_parse(STR_LIT("2021-13"), &y, &m));
	assert_false(report_month_parse(STR_LIT("2021-3"), &y, &m));
	assert_false(report_month_parse(STR_LIT("2021-03-01"), &y, &m));
	assert_false(report_month_parse(STR_LIT("202103x"), &y, &m));
	assert_false(report_month_parse(STR_LIT(""), &y, &m));
}

static void
an_ended_insats_opens_on_its_last_year(void **state)
{
	(void)state;
	assert_int_equal(
	    report_default_year(STR_LIT("2019-12-31"), 2026), 2019);
	assert_int_equal(report_default_year(STR_LIT(""), 2026), 2026);
	assert_int_equal(
	    report_default_year(STR_LIT("2026-12-31"), 2026), 2026);
	assert_int_equal(
	    report_default_year(STR_LIT("2030-06-30"), 2026), 2026);
	assert_int_equal(report_default_year(STR_LIT("x"), 2026), 2026);
}

static void
month_lengths(void **state)
{
	(void)state;
	assert_int_equal(report_month_days(2021, 1), 31);
	assert_int_equal(report_month_days(2021, 2), 28);
	assert_int_equal(report_month_days(2020, 2), 29);
	assert_int_equal(report_month_days(1900, 2), 28);
	assert_int_equal(report_month_days(2000, 2), 29);
	assert_int_equal(report_month_days(2021, 4), 30);
	assert_int_equal(report_month_days(2021, 13), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fixed_periods_cover_whole_months),
		cmocka_unit_test(free_months_are_the_callers),
		cmocka_unit_test(names_and_labels_match_the_form),
		cmocka_unit_test(free_spans_are_checked),
		cmocka_unit_test(months_parse_strictly),
		cmocka_unit_test(an_ended_insats_opens_on_its_last_year),
		cmocka_unit_test(month_lengths),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
