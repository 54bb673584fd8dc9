/* test_date.c: date parsing and day arithmetic. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "arena.h"
#include "date.h"

static void
iso_dates_parse_strictly(void **state)
{
	int y, m, d;

	(void)state;
	assert_true(date_parse_iso(STR_LIT("2026-11-23"), &y, &m, &d));
	assert_int_equal(y * 10000 + m * 100 + d, 20261123);
	assert_true(date_parse_iso(STR_LIT("2000-02-29"), &y, &m, &d));
	assert_false(date_parse_iso(STR_LIT("1900-02-29"), &y, &m, &d));
	assert_false(date_parse_iso(STR_LIT("2026-02-29"), &y, &m, &d));
	assert_false(date_parse_iso(STR_LIT("2026-04-31"), &y, &m, &d));
	assert_false(date_parse_iso(STR_LIT("2026-13-01"), &y, &m, &d));
	assert_false(date_parse_iso(STR_LIT("2026-00-10"), &y, &m, &d));
	assert_false(date_parse_iso(STR_LIT("2026-1-10"), &y, &m, &d));
	assert_false(date_parse_iso(STR_LIT("20261123"), &y, &m, &d));
	assert_false(date_parse_iso(STR_LIT("2026-11-2x"), &y, &m, &d));
	assert_false(date_parse_iso(STR_LIT(" 2026-11-23"), &y, &m, &d));
	assert_false(date_parse_iso(STR_LIT(""), &y, &m, &d));
}

static void
day_numbers_count_days(void **state)
{
	(void)state;
	assert_int_equal(date_days(1970, 1, 1), 0);
	assert_int_equal(date_days(2000, 3, 1) - date_days(2000, 2, 28), 2);
	assert_int_equal(date_days(1900, 3, 1) - date_days(1900, 2, 28), 1);
	assert_int_equal(date_days(2027, 1, 1) - date_days(2026, 1, 1), 365);
	assert_int_equal(date_days(2025, 1, 1) - date_days(2024, 1, 1), 366);
	assert_int_equal(date_days(1969, 12, 31), -1);
}

static void
utc_times_show_in_swedish_time(void **state)
{
	char out[20];

	(void)state;
	date_use_swedish_zone();
	/* Winter: UTC+1; summer: UTC+2; the change days at 01:00 UTC. */
	assert_true(
	    date_utc_to_local(STR_LIT("2026-12-06 15:07"), out, sizeof(out)));
	assert_string_equal(out, "2026-12-06 16:07");
	assert_true(date_utc_to_local(
	    STR_LIT("2026-07-01 22:30:05"), out, sizeof(out)));
	assert_string_equal(out, "2026-07-02 00:30:05");
	assert_true(
	    date_utc_to_local(STR_LIT("2026-03-29 00:59"), out, sizeof(out)));
	assert_string_equal(out, "2026-03-29 01:59");
	assert_true(
	    date_utc_to_local(STR_LIT("2026-03-29 01:00"), out, sizeof(out)));
	assert_string_equal(out, "2026-03-29 03:00");
	assert_true(
	    date_utc_to_local(STR_LIT("2026-10-25 00:59"), out, sizeof(out)));
	assert_string_equal(out, "2026-10-25 02:59");
	assert_true(
	    date_utc_to_local(STR_LIT("2026-10-25 01:00"), out, sizeof(out)));
	assert_string_equal(out, "2026-10-25 02:00");
	assert_true(
	    date_utc_to_local(STR_LIT("2026-12-31 23:30"), out, sizeof(out)));
	assert_string_equal(out, "2027-01-01 00:30");
	/* Not a time: nothing shown. */
	assert_false(date_utc_to_local(STR_LIT(""), out, sizeof(out)));
	assert_string_equal(out, "");
	assert_false(
	    date_utc_to_local(STR_LIT("2026-12-06"), out, sizeof(out)));
	assert_false(
	    date_utc_to_local(STR_LIT("2026-12-06 24:00"), out, sizeof(out)));
	assert_false(
	    date_utc_to_local(STR_LIT("2026-02-30 10:00"), out, sizeof(out)));
	assert_false(
	    date_utc_to_local(STR_LIT("2026-12-06T15:07"), out, sizeof(out)));
	assert_false(
	    date_utc_to_local(STR_LIT("2026-12-06 1x:07"), out, sizeof(out)));
	assert_false(date_utc_to_local(STR_LIT("2026-12-06 15:07"), out, 10));
}

/* The record types' conversion (DB_F_UTC_TIME, DB_F_UTC_DAY): the Swedish
 * time, or its Swedish day, which near midnight is not the UTC day. */
static void
record_times_are_swedish(void **state)
{
	struct arena a;
	struct str t;

	(void)state;
	date_use_swedish_zone();
	assert_int_equal(arena_init(&a, 4096), 1);
	assert_int_equal(
	    date_utc_local_str(&a, STR_LIT("2026-01-15 09:05:00"), 0, &t), 1);
	assert_true(str_eq_cstr(t, "2026-01-15 10:05:00"));
	assert_int_equal(
	    date_utc_local_str(&a, STR_LIT("2026-06-30 22:10"), 0, &t), 1);
	assert_true(str_eq_cstr(t, "2026-07-01 00:10"));
	/* The day: 23:10 UTC on 31 December is New Year's Day in Sweden. */
	assert_int_equal(
	    date_utc_local_str(&a, STR_LIT("2026-12-31 23:10"), 1, &t), 1);
	assert_true(str_eq_cstr(t, "2027-01-01"));
	assert_int_equal(
	    date_utc_local_str(&a, STR_LIT("2026-08-10 21:59:59"), 1, &t), 1);
	assert_true(str_eq_cstr(t, "2026-08-10"));
	assert_int_equal(
	    date_utc_local_str(&a, STR_LIT("2026-08-10 22:00:00"), 1, &t), 1);
	assert_true(str_eq_cstr(t, "2026-08-11"));
	/* NULL (""), and what never was a time. */
	assert_int_equal(date_utc_local_str(&a, STR_LIT(""), 1, &t), 1);
	assert_int_equal(t.len, 0);
	assert_int_equal(
	    date_utc_local_str(&a, STR_LIT("2026-12-31"), 0, &t), 0);
	assert_int_equal(t.len, 0);
	assert_true(
	    str_eq_cstr(date_local_time(&a, STR_LIT("2026-03-29 01:00")),
	        "2026-03-29 03:00"));
	assert_int_equal(date_local_time(&a, STR_LIT("x")).len, 0);
	arena_free(&a);
}

/* A period of Swedish days over UTC times: where each day begins in UTC. */
static void
swedish_days_begin_in_utc(void **state)
{
	char out[20];

	(void)state;
	date_use_swedish_zone();
	assert_true(date_local_day_start_utc(
	    STR_LIT("2026-01-15"), 0, out, sizeof(out)));
	assert_string_equal(out, "2026-01-14 23:00:00");
	assert_true(date_local_day_start_utc(
	    STR_LIT("2026-07-01"), 0, out, sizeof(out)));
	assert_string_equal(out, "2026-06-30 22:00:00");
	/* The day after the last (a period "to" 2026-03-29): summer time. */
	assert_true(date_local_day_start_utc(
	    STR_LIT("2026-03-28"), 1, out, sizeof(out)));
	assert_string_equal(out, "2026-03-28 23:00:00");
	assert_true(date_local_day_start_utc(
	    STR_LIT("2026-03-29"), 1, out, sizeof(out)));
	assert_string_equal(out, "2026-03-29 22:00:00");
	assert_true(date_local_day_start_utc(
	    STR_LIT("2026-12-31"), 1, out, sizeof(out)));
	assert_string_equal(out, "2026-12-31 23:00:00");
	assert_false(date_local_day_start_utc(
	    STR_LIT("2026-02-30"), 0, out, sizeof(out)));
	assert_string_equal(out, "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iso_dates_parse_strictly),
		cmocka_unit_test(day_numbers_count_days),
		cmocka_unit_test(utc_times_show_in_swedish_time),
		cmocka_unit_test(record_times_are_swedish),
		cmocka_unit_test(swedish_days_begin_in_utc),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
