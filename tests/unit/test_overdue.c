/* test_overdue.c: unit tests for what is overdue in a participation
 * (app/overdue.c): the halfway day, the due day itself, each kind's state
 * and the SQL sharing the rule's constants. No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "overdue.h"
#include "participation.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static struct overdue_facts
enrolled(long long start, long long planned_end, long long midterms)
{
	struct overdue_facts f = { .status = S("inskriven"),
		.start = start,
		.planned_end = planned_end,
		.midterms = midterms };
	return f;
}

/* Halfway: start + floor(days / 2), across months and leap days. */
static void
halfway(void **state)
{
	(void)state;
	assert_int_equal(
	    atoi(OVERDUE_HALFWAY_DIVISOR_SQL), OVERDUE_HALFWAY_DIVISOR);
	assert_int_equal(overdue_halfway(20240101, 20240111), 20240106);
	assert_int_equal(overdue_halfway(20240101, 20240112), 20240106);
	assert_int_equal(overdue_halfway(20240101, 20240101), 20240101);
	assert_int_equal(overdue_halfway(20240101, 20240102), 20240101);
	assert_int_equal(overdue_halfway(20240215, 20240315), 20240229);
	assert_int_equal(overdue_halfway(20231215, 20240215), 20240115);
	assert_int_equal(overdue_halfway(0, 20240215), 0);
	assert_int_equal(overdue_halfway(20240101, 0), 0);
}

/* The inbox's count from late_tally's grains (overdue_tally_window())
 * equals the count of days before today, for every today over more than
 * a year (both halves of every month, December to January, a leap day),
 * of due days spread over those months, the edges included. */
static void
tally_window(void **state)
{
	long long days[64];
	size_t n = 0;

	(void)state;
	for (long long d = 20231120; n < 64; d = participation_add_days(d, 7))
		days[n++] = d;
	days[n - 1] = 20240229;
	days[n - 2] = 20240131;
	days[n - 3] = 20240201;
	days[n - 4] = 20231231;
	for (long long today = 20231125; today <= 20250110;
	     today = participation_add_days(today, 1)) {
		struct overdue_tally_window w;
		long long late = 0, want = 0;

		overdue_tally_window(today, &w);
		assert_true(w.day_sign == 1 || w.day_sign == -1);
		for (size_t i = 0; i < n; i++) {
			long long month = days[i] / 100 * 100 + 1;

			want += days[i] < today;
			late += 1; /* grain 0 */
			if (month >= w.month_from)
				late -= 1;
			if (days[i] >= w.day_from && days[i] < w.day_to)
				late += w.day_sign;
		}
		assert_int_equal(late, want);
		/* At most 16 days read of grain 2. */
		assert_true(participation_add_days(w.day_from, 16) >= w.day_to);
	}
}

/* The mid-term follow-up: late from the day after halfway, not on it. */
static void
midterm_edges(void **state)
{
	struct overdue_facts f = enrolled(20240101, 20240111, 0);

	(void)state;
	assert_int_equal(overdue_due(OVERDUE_MIDTERM, &f), 20240106);
	assert_false(overdue_is(OVERDUE_MIDTERM, &f, 20240105));
	assert_false(overdue_is(OVERDUE_MIDTERM, &f, 20240106));
	assert_true(overdue_is(OVERDUE_MIDTERM, &f, 20240107));
	assert_true(overdue_is(OVERDUE_MIDTERM, &f, 20240301));
	/* One held, on any day, resolves it. */
	f.midterms = 1;
	assert_false(overdue_is(OVERDUE_MIDTERM, &f, 20240107));
	f.midterms = 3;
	assert_false(overdue_is(OVERDUE_MIDTERM, &f, 20240301));
	/* No planned end: no halfway. */
	f = enrolled(20240101, 0, 0);
	assert_false(overdue_is(OVERDUE_MIDTERM, &f, 20250101));
	/* Ended or marked in error: no longer late. */
	f = enrolled(20240101, 20240111, 0);
	f.status = S("avslutad");
	assert_false(overdue_is(OVERDUE_MIDTERM, &f, 20240107));
	f.status = S("felregistrerad");
	assert_false(overdue_is(OVERDUE_MIDTERM, &f, 20240107));
}

/* The planned end: the day itself is not late, the next one is. */
static void
end_edges(void **state)
{
	struct overdue_facts f = enrolled(20240101, 20240331, 1);

	(void)state;
	assert_int_equal(overdue_due(OVERDUE_END, &f), 20240331);
	assert_false(overdue_is(OVERDUE_END, &f, 20240330));
	assert_false(overdue_is(OVERDUE_END, &f, 20240331));
	assert_true(overdue_is(OVERDUE_END, &f, 20240401));
	f.status = S("avslutad");
	assert_false(overdue_is(OVERDUE_END, &f, 20240401));
	f = enrolled(20240101, 0, 1);
	assert_false(overdue_is(OVERDUE_END, &f, 20990101));
}

/* The summary: due day itself not late; sent (first send) resolves it;
 * only an ended participation. */
static void
summary_edges(void **state)
{
	struct overdue_facts f = { .status = S("avslutad"),
		.start = 20240101,
		.planned_end = 20240301,
		.summary_due = 20240322 };

	(void)state;
	assert_int_equal(overdue_due(OVERDUE_SUMMARY, &f), 20240322);
	assert_false(overdue_is(OVERDUE_SUMMARY, &f, 20240321));
	assert_false(overdue_is(OVERDUE_SUMMARY, &f, 20240322));
	assert_true(overdue_is(OVERDUE_SUMMARY, &f, 20240323));
	f.summary_sent = 1;
	assert_false(overdue_is(OVERDUE_SUMMARY, &f, 20240323));
	f.summary_sent = 0;
	f.status = S("felregistrerad");
	assert_false(overdue_is(OVERDUE_SUMMARY, &f, 20240323));
	f.status = S("inskriven");
	assert_false(overdue_is(OVERDUE_SUMMARY, &f, 20240323));
	f.status = S("avslutad");
	f.summary_due = 0;
	assert_false(overdue_is(OVERDUE_SUMMARY, &f, 20990101));
}

/* Late in several ways at once; the mask the SQL computes as well. */
static void
masks(void **state)
{
	struct overdue_facts f = enrolled(20240101, 20240111, 0);

	(void)state;
	assert_int_equal(overdue_mask(&f, 20240106), 0);
	assert_int_equal(
	    overdue_mask(&f, 20240107), OVERDUE_BIT(OVERDUE_MIDTERM));
	assert_int_equal(overdue_mask(&f, 20240112),
	    OVERDUE_BIT(OVERDUE_MIDTERM) | OVERDUE_BIT(OVERDUE_END));
	assert_int_equal(OVERDUE_ANY, 7);
	/* OVERDUE_SQL_MASK's bits are the kinds' bits. */
	assert_int_equal(OVERDUE_BIT(OVERDUE_END), 1);
	assert_int_equal(OVERDUE_BIT(OVERDUE_MIDTERM), 2);
	assert_int_equal(OVERDUE_BIT(OVERDUE_SUMMARY), 4);
	/* The states the SQL names are the ones the C compares with. */
	assert_non_null(strstr(OVERDUE_SQL_END, OVERDUE_ENROLLED_STATE));
	assert_non_null(strstr(OVERDUE_SQL_MIDTERM, OVERDUE_ENROLLED_STATE));
	assert_non_null(strstr(OVERDUE_SQL_SUMMARY, OVERDUE_ENDED_STATE));
	/* Strictly before today, in every kind. */
	assert_non_null(strstr(OVERDUE_SQL_END, "< ?"));
	assert_non_null(strstr(OVERDUE_SQL_MIDTERM, "< ?"));
	assert_non_null(strstr(OVERDUE_SQL_SUMMARY, "< ?"));
}

/* The names of the filter and the labels. */
static void
names(void **state)
{
	(void)state;
	for (int k = 0; k < OVERDUE__MAX; k++) {
		const char *n = overdue_kind_name((enum overdue_kind)k);

		assert_non_null(n);
		assert_int_equal(overdue_kind_from_name(S(n)), k);
		assert_true(
		    strlen(overdue_kind_label((enum overdue_kind)k)) > 0);
		assert_true(
		    strlen(overdue_kind_heading((enum overdue_kind)k)) > 0);
	}
	assert_int_equal(overdue_kind_from_name(S("x")), OVERDUE__MAX);
	assert_null(overdue_kind_name(OVERDUE__MAX));
	assert_string_equal(overdue_kind_label(OVERDUE__MAX), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(halfway),
		cmocka_unit_test(tally_window),
		cmocka_unit_test(midterm_edges),
		cmocka_unit_test(end_edges),
		cmocka_unit_test(summary_edges),
		cmocka_unit_test(masks),
		cmocka_unit_test(names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
