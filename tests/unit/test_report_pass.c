/* test_report_pass.c: the report's one pass aggregated in C
 * (report_pass.h), without a database: the grouped rows it gives are the
 * ones the grouped statements gave. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "date.h"
#include "report.h"
#include "report_pass.h"
#include "sql_followup.h"
#include "sql_report.h"
#include "sql_report_flow.h"
#include "sql_report_people.h"

#include "report_fixture.h"

static const struct str edu[2] = { STR_LIT("grund"), STR_LIT("gymn") };
static const struct str sup[1] = { STR_LIT("kort") };
/* Two members in the list's order (name, then id): FK (id 9) with a unit
 * (12), then a kommun (3). The medremittent table's order (lrank) and the
 * top-level ones' (trank) are the database's, given: here not the
 * list's. */
static const struct report_pass_org orgs[3] = {
	{ .id = 9,
	    .top = 9,
	    .topname = STR_LIT("Försäkringskassan"),
	    .label = STR_LIT("Försäkringskassan"),
	    .lrank = 1,
	    .toplevel = 1,
	    .name = STR_LIT("Försäkringskassan"),
	    .trank = 1 },
	{ .id = 12,
	    .top = 9,
	    .topname = STR_LIT("Försäkringskassan"),
	    .label = STR_LIT("Försäkringskassan – Vara"),
	    .lrank = 2,
	    .name = STR_LIT("Vara") },
	{ .id = 3,
	    .top = 3,
	    .topname = STR_LIT("Vara kommun"),
	    .label = STR_LIT("Vara kommun"),
	    .lrank = 0,
	    .toplevel = 1,
	    .name = STR_LIT("Vara kommun"),
	    .trank = 0 },
};

static struct report_pass *
pass_2024(const char *last)
{
	struct report_pass *p = report_pass_new(&a, STR_LIT("2024-01-01"),
	    STR_LIT("2024-03-31"), str_cstr(last), edu, 2, sup, 1, orgs, 3);

	assert_non_null(p);
	return p;
}

static struct report_pass_row
row(const char *gender, long long born, const char *e, const char *s,
    const char *start, const char *end, int ended, long long org,
    const char *outcome)
{
	struct report_pass_row r = {
		.id = 1,
		.gender = str_cstr(gender),
		.birth_year = born,
		.edu = str_cstr(e),
		.support = str_cstr(s),
		.start = str_cstr(start),
		.end = str_cstr(end),
		.ended = ended,
		.org = org,
		.outcome = str_cstr(outcome),
	};
	return r;
}

static void
add(struct report_pass *p, struct report_pass_row r)
{
	assert_int_equal(report_pass_add(p, &r), APP_OK);
}

/* The row of counts for (gender, band, edu, support), or NULL. */
static const struct report_count_row *
count_of(const struct report_count_row *rows, size_t n, const char *g,
    long long band, const char *e, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq_cstr(rows[i].gender, g) &&
		    rows[i].age_band == band && str_eq_cstr(rows[i].edu, e) &&
		    str_eq_cstr(rows[i].support, s))
			return &rows[i];
	return NULL;
}

static void
counts_group_by_gender_band_and_codes(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct report_count_row *rows;
	const struct report_count_row *c;
	size_t n;

	(void)state;
	/* 29 in the start year: band 0; started before the period. */
	add(p,
	    row("kvinna", 1994, "grund", "kort", "2023-06-01", "", 0, 9, ""));
	/* The same group, new in the period, ended in it. */
	add(p,
	    row("kvinna", 1995, "grund", "kort", "2024-02-01", "2024-03-10", 1,
	        12, "arbete"));
	/* 30: band 1; a code not in the list counts as none (""). */
	add(p, row("man", 1994, "okand", "", "2024-01-01", "", 0, 3, ""));
	/* 65: band 2, 66: band 3. */
	add(p, row("man", 1959, "gymn", "kort", "2024-01-05", "", 0, 3, ""));
	add(p, row("annat", 1958, "", "", "2024-01-05", "", 0, 3, ""));
	/* Ended after the period: enrolled, not ended. */
	add(p,
	    row("kvinna", 1994, "grund", "kort", "2023-01-01", "2024-05-01", 1,
	        9, "studier"));
	assert_int_equal(report_pass_counts(p, &a, &rows, &n), APP_OK);
	assert_int_equal(n, 4);
	assert_non_null(c = count_of(rows, n, "kvinna", 0, "grund", "kort"));
	assert_int_equal(c->n, 3);
	assert_int_equal(c->n_new, 1);
	assert_int_equal(c->n_ended, 1);
	assert_non_null(c = count_of(rows, n, "man", 1, "", ""));
	assert_int_equal(c->n, 1);
	assert_int_equal(c->n_new, 1);
	assert_non_null(c = count_of(rows, n, "man", 2, "gymn", "kort"));
	assert_int_equal(c->n, 1);
	assert_non_null(c = count_of(rows, n, "annat", 3, "", ""));
	assert_int_equal(c->n, 1);
}

static void
referrers_by_member_in_list_order(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct report_referrer_row *rows;
	size_t n;

	(void)state;
	add(p, row("man", 1980, "", "", "2024-01-01", "", 0, 3, ""));
	add(p, row("kvinna", 1980, "", "", "2024-01-01", "", 0, 12, ""));
	add(p, row("kvinna", 1980, "", "", "2024-01-01", "", 0, 9, ""));
	add(p, row("kvinna", 1980, "", "", "2024-01-01", "", 0, 3, ""));
	/* An organisation that is gone: not counted (the table's "Uppgift
	 * saknas" row is the rest). */
	add(p, row("kvinna", 1980, "", "", "2024-01-01", "", 0, 77, ""));
	assert_int_equal(report_pass_referrers(p, &a, &rows, &n), APP_OK);
	assert_int_equal(n, 3);
	assert_int_equal(rows[0].top, 9);
	assert_true(str_eq_cstr(rows[0].gender, "kvinna"));
	assert_int_equal(rows[0].n, 2);
	assert_true(str_eq_cstr(rows[0].topname, "Försäkringskassan"));
	assert_int_equal(rows[1].top, 3);
	assert_true(str_eq_cstr(rows[1].gender, "kvinna"));
	assert_int_equal(rows[1].n, 1);
	assert_int_equal(rows[2].top, 3);
	assert_true(str_eq_cstr(rows[2].gender, "man"));
	assert_int_equal(rows[2].n, 1);
}

static void
outcomes_of_those_who_ended_in_the_period(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct report_outcome_row *rows;
	size_t n;

	(void)state;
	add(p,
	    row("man", 1980, "", "", "2023-01-01", "2024-01-01", 1, 3,
	        "arbete"));
	add(p,
	    row("man", 1980, "", "", "2023-01-01", "2024-03-31", 1, 3,
	        "arbete"));
	add(p, row("man", 1980, "", "", "2023-01-01", "2024-02-01", 1, 3, ""));
	/* Ended after the period, or not avslutad: no outcome. */
	add(p,
	    row("man", 1980, "", "", "2023-01-01", "2024-04-01", 1, 3,
	        "arbete"));
	add(p,
	    row("kvinna", 1980, "", "", "2023-01-01", "2024-02-01", 0, 3,
	        "arbete"));
	assert_int_equal(report_pass_outcomes(p, &a, &rows, &n), APP_OK);
	assert_int_equal(n, 2);
	assert_true(str_eq_cstr(rows[0].end_outcome, "arbete"));
	assert_int_equal(rows[0].n, 2);
	/* No reason: annat. */
	assert_true(str_eq_cstr(rows[1].end_outcome, "annat"));
	assert_int_equal(rows[1].n, 1);
	assert_int_equal(report_pass_outcome(STR_LIT("")), RO_ANNAT);
	assert_int_equal(report_pass_outcome(STR_LIT("sjukdom")), RO_SJUKDOM);
}

static void
months_count_people_and_place_days_up_to_last(void **state)
{
	/* Today is 2024-02-10: March has no figures, February ten days. */
	struct report_pass *p = pass_2024("2024-02-10");
	struct report_month_row *rows;
	size_t n;

	(void)state;
	/* All of January and February up to today: 31 + 10. */
	add(p, row("kvinna", 1980, "", "", "2023-05-01", "", 0, 3, ""));
	/* January 20 to February 3: 12 + 3. */
	add(p,
	    row("kvinna", 1980, "", "", "2024-01-20", "2024-02-03", 1, 3, ""));
	/* Starts after today: no month. */
	add(p, row("man", 1980, "", "", "2024-03-01", "", 0, 3, ""));
	/* One day, the last of January. */
	add(p, row("man", 1980, "", "", "2024-01-31", "2024-01-31", 1, 3, ""));
	assert_int_equal(report_pass_months(p, &a, &rows, &n), APP_OK);
	assert_int_equal(n, 3);
	assert_true(str_eq_cstr(rows[0].month, "2024-01"));
	assert_true(str_eq_cstr(rows[0].gender, "kvinna"));
	assert_int_equal(rows[0].n, 2);
	assert_true(str_eq_cstr(rows[0].place_days, "43"));
	assert_true(str_eq_cstr(rows[1].month, "2024-01"));
	assert_true(str_eq_cstr(rows[1].gender, "man"));
	assert_int_equal(rows[1].n, 1);
	assert_true(str_eq_cstr(rows[1].place_days, "1"));
	assert_true(str_eq_cstr(rows[2].month, "2024-02"));
	assert_true(str_eq_cstr(rows[2].gender, "kvinna"));
	assert_int_equal(rows[2].n, 2);
	assert_true(str_eq_cstr(rows[2].place_days, "13"));
}

static void
today_before_the_period_has_no_months(void **state)
{
	struct report_pass *p = pass_2024("2023-12-31");
	struct report_month_row *rows;
	size_t n;

	(void)state;
	add(p, row("kvinna", 1980, "", "", "2023-05-01", "", 0, 3, ""));
	assert_int_equal(report_pass_months(p, &a, &rows, &n), APP_OK);
	assert_int_equal(n, 0);
}

/* The row of gender g, or NULL. */
static const struct report_duration_row *
dur_of(const struct report_duration_row *rows, size_t n, const char *g)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq_cstr(rows[i].gender, g))
			return &rows[i];
	return NULL;
}

static void
durations_and_medians_of_those_who_ended(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct report_duration_row *rows;
	const struct report_duration_row *d;
	size_t n;

	(void)state;
	/* Women: 10, 40 and 20 days; the middle one is 20. */
	add(p,
	    row("kvinna", 1980, "", "", "2024-01-01", "2024-01-11", 1, 3, ""));
	add(p,
	    row("kvinna", 1980, "", "", "2024-01-01", "2024-02-10", 1, 3, ""));
	add(p,
	    row("kvinna", 1980, "", "", "2024-01-01", "2024-01-21", 1, 3, ""));
	/* Men: 6 and 5 days, a mean of the two; and 3 000 days, begun long
	 * before the period, which ended after it: not counted. */
	add(p, row("man", 1980, "", "", "2024-03-01", "2024-03-07", 1, 3, ""));
	add(p, row("man", 1980, "", "", "2024-03-01", "2024-03-06", 1, 3, ""));
	add(p, row("man", 1980, "", "", "2016-01-01", "2024-04-01", 1, 3, ""));
	/* Not avslutad: not counted. */
	add(p, row("man", 1980, "", "", "2024-01-01", "2024-03-01", 0, 3, ""));
	assert_int_equal(report_pass_durations(p, &a, &rows, &n), APP_OK);
	assert_int_equal(n, 2);
	assert_non_null(d = dur_of(rows, n, "kvinna"));
	assert_int_equal(d->n, 3);
	assert_int_equal(d->sum_days, 70);
	assert_true(str_eq_cstr(d->median_days, "20.0"));
	/* All five: 5, 6, 10, 20, 40. */
	assert_true(str_eq_cstr(d->median_all, "10.0"));
	assert_non_null(d = dur_of(rows, n, "man"));
	assert_int_equal(d->n, 2);
	assert_int_equal(d->sum_days, 11);
	assert_true(str_eq_cstr(d->median_days, "5.5"));
	assert_true(str_eq_cstr(d->median_all, "10.0"));
}

static void
a_long_time_grows_the_histogram(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct report_duration_row *rows;
	size_t n;

	(void)state;
	/* 1 day, then 2 922 days (2016-02-01 to 2024-02-01), then 3 days:
	 * the median of the three is 3. */
	add(p,
	    row("annat", 1980, "", "", "2024-01-01", "2024-01-02", 1, 3, ""));
	add(p,
	    row("annat", 1980, "", "", "2016-02-01", "2024-02-01", 1, 3, ""));
	add(p,
	    row("annat", 1980, "", "", "2024-01-01", "2024-01-04", 1, 3, ""));
	assert_int_equal(report_pass_durations(p, &a, &rows, &n), APP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(rows[0].sum_days, 1 + 2922 + 3);
	assert_true(str_eq_cstr(rows[0].median_days, "3.0"));
	/* An even count: (3 + 2 922) / 2. */
	add(p,
	    row("annat", 1980, "", "", "2016-02-01", "2024-02-01", 1, 3, ""));
	assert_int_equal(report_pass_durations(p, &a, &rows, &n), APP_OK);
	assert_true(str_eq_cstr(rows[0].median_days, "1462.5"));
}

static void
people_figures_and_insatser_of_the_period(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct report_pass_row r;
	struct rp_enrolled_row *en;
	struct report_flow_base_row *fb;
	size_t n;

	(void)state;
	r = row("kvinna", 1980, "", "", "2023-01-01", "2024-02-01", 1, 3, "");
	r.insats_id = 7;
	r.age = 43;
	r.no_income = 1;
	add(p, r);
	r = row("kvinna", 1990, "", "", "2024-01-01", "", 0, 3, "");
	r.insats_id = 5;
	r.age = 33;
	r.no_coremittent = 1;
	add(p, r);
	/* Ended after the period: enrolled, not ended. */
	r = row("man", 1990, "", "", "2024-01-01", "2024-06-01", 1, 3, "");
	r.insats_id = 7;
	r.age = 34;
	add(p, r);
	assert_int_equal(report_pass_enrolled(p, &a, &en, &n), APP_OK);
	assert_int_equal(n, 2);
	assert_true(str_eq_cstr(en[0].gender, "kvinna"));
	assert_int_equal(en[0].n, 2);
	assert_int_equal(en[0].sum_age, 76);
	assert_int_equal(en[0].no_income, 1);
	assert_int_equal(en[0].no_coremittent, 1);
	assert_true(str_eq_cstr(en[1].gender, "man"));
	assert_int_equal(en[1].sum_age, 34);
	assert_int_equal(en[1].no_income, 0);
	/* Per insats, in the order first met. */
	assert_int_equal(report_pass_flow_base(p, &a, &fb, &n), APP_OK);
	assert_int_equal(n, 3);
	assert_int_equal(fb[0].insats_id, 7);
	assert_true(str_eq_cstr(fb[0].gender, "kvinna"));
	assert_int_equal(fb[0].n, 1);
	assert_int_equal(fb[0].n_ended, 1);
	assert_int_equal(fb[1].insats_id, 7);
	assert_true(str_eq_cstr(fb[1].gender, "man"));
	assert_int_equal(fb[1].n, 1);
	assert_int_equal(fb[1].n_ended, 0);
	assert_int_equal(fb[2].insats_id, 5);
	assert_int_equal(fb[2].n, 1);
	assert_int_equal(fb[2].n_ended, 0);
}

/* SQL_FLOW_FROM and SQL_FLOW_TO: the rows with a predecessor by (its
 * insats, their own, gender), those with a successor by (their own, its,
 * gender), in the order first met; a row of no gender is left out. */
static void
path_pairs_from_pred_and_succ(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct report_pass_row r;
	struct report_flow_row *f;
	size_t n;

	(void)state;
	r = row("kvinna", 1980, "", "", "2024-01-10", "2024-02-01", 1, 3, "");
	r.insats_id = 7;
	r.pred = 5;
	r.succ = 8;
	add(p, r);
	r.gender = STR_LIT("man");
	add(p, r);
	r.gender = STR_LIT("kvinna");
	r.succ = 0;
	add(p, r);
	r.pred = 6;
	add(p, r);
	r.pred = 0;
	add(p, r); /* neither */
	r.gender = STR_LIT("");
	r.pred = 5;
	r.succ = 8;
	add(p, r); /* no gender */
	assert_int_equal(report_pass_flow_from(p, &a, &f, &n), APP_OK);
	assert_int_equal(n, 3);
	assert_int_equal(f[0].from_id, 5);
	assert_int_equal(f[0].to_id, 7);
	assert_true(str_eq_cstr(f[0].gender, "kvinna"));
	assert_int_equal(f[0].n, 2);
	assert_true(str_eq_cstr(f[1].gender, "man"));
	assert_int_equal(f[1].n, 1);
	assert_int_equal(f[2].from_id, 6);
	assert_int_equal(f[2].to_id, 7);
	assert_int_equal(f[2].n, 1);
	assert_int_equal(report_pass_flow_to(p, &a, &f, &n), APP_OK);
	assert_int_equal(n, 2);
	assert_int_equal(f[0].from_id, 7);
	assert_int_equal(f[0].to_id, 8);
	assert_true(str_eq_cstr(f[0].gender, "kvinna"));
	assert_int_equal(f[0].n, 1);
	assert_true(str_eq_cstr(f[1].gender, "man"));
	assert_int_equal(f[1].n, 1);
}

/* SQL_RP_INCOME_TRANSITION: those who ended in the period, by gender and
 * the income states before and after; the states are copied (the rows a
 * caller adds are read into a scratch room that is reused). */
static void
transitions_of_those_who_ended_in_the_period(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct report_pass_row r;
	struct rp_transition_row *t;
	char before[16];
	size_t n;

	(void)state;
	r = row("kvinna", 1980, "", "", "2023-01-01", "2024-02-01", 1, 3, "");
	memcpy(before, "akassa", 7);
	r.state_before = str_cstr(before);
	r.state_after = STR_LIT("lon");
	add(p, r);
	memcpy(before, "xxxxxx", 7);
	r = row("man", 1980, "", "", "2023-01-01", "2024-03-31", 1, 3, "");
	r.state_before = STR_LIT("*");
	add(p, r);
	r = row("kvinna", 1990, "", "", "2024-01-01", "2024-01-02", 1, 3, "");
	r.state_before = STR_LIT("akassa");
	r.state_after = STR_LIT("lon");
	add(p, r);
	/* Ended after the period, still enrolled, ended but not avslutad:
	 * none of them counts. */
	r = row("kvinna", 1990, "", "", "2024-01-01", "2024-06-01", 1, 3, "");
	r.state_before = STR_LIT("akassa");
	add(p, r);
	r = row("man", 1990, "", "", "2024-01-01", "", 0, 3, "");
	add(p, r);
	r = row("man", 1990, "", "", "2024-01-01", "2024-02-01", 0, 3, "");
	add(p, r);
	assert_int_equal(report_pass_transitions(p, &a, &t, &n), APP_OK);
	assert_int_equal(n, 2);
	assert_true(str_eq_cstr(t[0].gender, "kvinna"));
	assert_true(str_eq_cstr(t[0].before, "akassa"));
	assert_true(str_eq_cstr(t[0].after, "lon"));
	assert_int_equal(t[0].n, 2);
	assert_true(str_eq_cstr(t[1].gender, "man"));
	assert_true(str_eq_cstr(t[1].before, "*"));
	assert_true(str_eq_cstr(t[1].after, ""));
	assert_int_equal(t[1].n, 1);
}

/* The income state of a referral's incomes: none, one code, several. */
static void
income_state_of_the_incomes(void **state)
{
	(void)state;
	assert_true(str_eq_cstr(report_pass_income_state(STR_LIT("")), ""));
	assert_true(
	    str_eq_cstr(report_pass_income_state(STR_LIT("akassa")), "akassa"));
	assert_true(
	    str_eq_cstr(report_pass_income_state(STR_LIT("akassa,lon")), "*"));
}

/* The income sources before the start (once SQL_RP_INCOME_BEFORE): every
 * enrolled row's codes, a person with two in two rows, per gender; the
 * codes copied (the rows' room is reused). */
static void
income_sources_of_the_enrolled(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct report_pass_row r;
	struct rp_group_row *g;
	char inc[32];
	size_t n;

	(void)state;
	r = row("kvinna", 1980, "", "", "2023-01-01", "", 0, 3, "");
	memcpy(inc, "akassa,lon", 11);
	r.incomes = str_cstr(inc);
	add(p, r);
	memcpy(inc, "xxxxxxxxxx", 11);
	r = row("man", 1980, "", "", "2023-01-01", "2024-02-01", 1, 3, "");
	r.incomes = STR_LIT("lon");
	add(p, r);
	r = row("kvinna", 1990, "", "", "2024-01-01", "", 0, 3, "");
	r.incomes = STR_LIT("lon");
	add(p, r);
	r = row("man", 1990, "", "", "2024-01-01", "", 0, 3, "");
	add(p, r); /* none */
	r = row("okänt", 1990, "", "", "2024-01-01", "", 0, 3, "");
	r.incomes = STR_LIT("lon");
	add(p, r); /* no gender: no column */
	assert_int_equal(report_pass_incomes(p, &a, &g, &n), APP_OK);
	assert_int_equal(n, 3);
	assert_true(str_eq_cstr(g[0].gender, "kvinna"));
	assert_true(str_eq_cstr(g[0].key, "akassa"));
	assert_true(str_eq_cstr(g[0].label, ""));
	assert_int_equal(g[0].n, 1);
	assert_true(str_eq_cstr(g[1].gender, "kvinna"));
	assert_true(str_eq_cstr(g[1].key, "lon"));
	assert_int_equal(g[1].n, 2);
	assert_true(str_eq_cstr(g[2].gender, "man"));
	assert_true(str_eq_cstr(g[2].key, "lon"));
	assert_int_equal(g[2].n, 1);
}

/* The follow-ups (once SQL_FU_REPORT) of those who ended in the period:
 * recorded, or by the due date (end + 6 months, cut to a shorter month's
 * last) against the window: after it not due yet, in it open, before it
 * closed. */
static void
followups_of_those_who_ended_by_state(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct report_pass_row r;
	struct followup_report_row *f;
	size_t n;

	(void)state;
	/* Open from 2024-08-01 to 2024-09-30. */
	report_pass_followup_window(
	    p, date_days(2024, 8, 1), date_days(2024, 9, 30));
	r = row(
	    "kvinna", 1980, "", "", "2023-01-01", "2024-01-15", 1, 3, "arbete");
	r.fu_done = 1;
	r.fu_situation = STR_LIT("studier");
	add(p, r); /* done */
	r = row(
	    "kvinna", 1980, "", "", "2023-01-01", "2024-01-31", 1, 3, "arbete");
	add(p, r); /* due 2024-07-31: closed */
	r = row(
	    "kvinna", 1980, "", "", "2023-01-01", "2024-02-01", 1, 3, "arbete");
	add(p, r); /* due 2024-08-01: open */
	r = row("man", 1980, "", "", "2023-01-01", "2024-03-31", 1, 3, "");
	add(p, r); /* due 2024-09-30: open */
	/* Due 2024-10-01 would be after it; ended after the period, or
	 * not avslutad: none of these counts. */
	r = row("man", 1980, "", "", "2023-01-01", "2024-04-01", 1, 3, "");
	add(p, r);
	r = row("man", 1980, "", "", "2023-01-01", "2024-02-01", 0, 3, "");
	add(p, r);
	assert_int_equal(report_pass_followups(p, &a, &f, &n), APP_OK);
	assert_int_equal(n, 4);
	assert_true(str_eq_cstr(f[0].gender, "kvinna"));
	assert_true(str_eq_cstr(f[0].outcome, "arbete"));
	assert_true(str_eq_cstr(f[0].situation, "studier"));
	assert_int_equal(f[0].state, FU_RS_DONE);
	assert_int_equal(f[0].n, 1);
	assert_true(str_eq_cstr(f[1].situation, ""));
	assert_int_equal(f[1].state, FU_RS_CLOSED);
	assert_int_equal(f[2].state, FU_RS_OPEN);
	assert_true(str_eq_cstr(f[2].gender, "kvinna"));
	assert_true(str_eq_cstr(f[3].gender, "man"));
	assert_true(str_eq_cstr(f[3].outcome, ""));
	assert_int_equal(f[3].state, FU_RS_OPEN);
	assert_int_equal(f[3].n, 1);
}

/* A window before every due date: not due yet. */
static void
followups_not_due_yet(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct followup_report_row *f;
	size_t n;

	(void)state;
	report_pass_followup_window(
	    p, date_days(2024, 6, 1), date_days(2024, 8, 31));
	add(p, row("man", 1980, "", "", "2023-01-01", "2024-03-01", 1, 3, ""));
	assert_int_equal(report_pass_followups(p, &a, &f, &n), APP_OK);
	assert_int_equal(n, 1);
	assert_int_equal(f[0].state, FU_RS_NOT_YET);
}

/* SQL_RP_GROUP_TIME's within6 and within12: the end on or before the
 * start + 6 or 12 months, the day cut to a shorter month's last (as
 * MariaDB's + INTERVAL n MONTH); only those who ended in the period. */
static void
within_6_and_12_months_of_the_start(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	long long w6[GENDER__MAX], w12[GENDER__MAX];

	(void)state;
	/* 2023-08-31 + 6 months: 2024-02-29. */
	add(p,
	    row("kvinna", 1980, "", "", "2023-08-31", "2024-02-29", 1, 3, ""));
	add(p,
	    row("kvinna", 1980, "", "", "2023-08-31", "2024-03-01", 1, 3, ""));
	/* 2023-03-31 + 12 months: 2024-03-31; a day earlier a start is over. */
	add(p, row("man", 1980, "", "", "2023-03-31", "2024-03-31", 1, 3, ""));
	add(p, row("man", 1980, "", "", "2023-03-30", "2024-03-31", 1, 3, ""));
	add(p, row("man", 1980, "", "", "2022-03-30", "2024-03-31", 1, 3, ""));
	/* Not ended in the period. */
	add(p,
	    row("annat", 1980, "", "", "2024-01-01", "2024-02-01", 0, 3, ""));
	add(p,
	    row("annat", 1980, "", "", "2024-01-01", "2024-04-01", 1, 3, ""));
	report_pass_within(p, w6, w12);
	assert_int_equal(w6[GENDER_KVINNA], 1);
	assert_int_equal(w12[GENDER_KVINNA], 2);
	assert_int_equal(w6[GENDER_MAN], 0);
	assert_int_equal(w12[GENDER_MAN], 1);
	assert_int_equal(w6[GENDER_ANNAT], 0);
	assert_int_equal(w12[GENDER_ANNAT], 0);
}

/* Per organisation in the order of lrank, a row per gender with someone;
 * an organisation twice on one referral counts once, an unknown one not
 * at all. */
static void
coremittents_by_organisation_in_label_order(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct report_pass_row r;
	struct rp_group_row *rows;
	size_t n;
	static const struct {
		const char *gender, *list;
	} in[] = {
		{ "kvinna", "12,9,12" },
		{ "kvinna", "3" },
		{ "kvinna", "" },
		{ "man", "9,77" },
		{ "kvinna", "3" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		r = row(in[i].gender, 1990, "", "", "2024-01-01", "", 0, 3, "");
		r.coremittents = str_cstr(in[i].list);
		add(p, r);
	}
	assert_int_equal(report_pass_coremittents(p, &a, &rows, &n), APP_OK);
	assert_int_equal(n, 4);
	assert_true(str_eq_cstr(rows[0].key, "3"));
	assert_true(str_eq_cstr(rows[0].label, "Vara kommun"));
	assert_true(str_eq_cstr(rows[0].gender, "kvinna"));
	assert_int_equal(rows[0].n, 2);
	assert_true(str_eq_cstr(rows[1].key, "9"));
	assert_true(str_eq_cstr(rows[1].gender, "kvinna"));
	assert_int_equal(rows[1].n, 1);
	assert_true(str_eq_cstr(rows[2].key, "9"));
	assert_true(str_eq_cstr(rows[2].gender, "man"));
	assert_int_equal(rows[2].n, 1);
	assert_true(str_eq_cstr(rows[3].key, "12"));
	assert_true(str_eq_cstr(rows[3].label, "Försäkringskassan – Vara"));
	assert_int_equal(rows[3].n, 1);
}

/* Of those who ended in the period, per top-level organisation in the
 * order of trank: a row per gender with someone, each once per
 * organisation; an organisation without anyone one row of gender "" and
 * 0; a unit (not top-level), an unknown id or one who ended after the
 * period not at all. */
static void
employers_of_those_who_ended_per_top(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct report_pass_row r;
	struct rp_group_row *rows;
	size_t n;
	static const struct {
		const char *gender, *end, *tops;
	} in[] = {
		{ "kvinna", "2024-02-01", "9,9" },
		{ "man", "2024-02-01", "9" },
		{ "man", "2024-02-01", "12,77" },
		{ "man", "2024-05-01", "3" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(in) / sizeof(in[0]); i++) {
		r = row(in[i].gender, 1990, "", "", "2024-01-01", in[i].end, 1,
		    3, "arbete");
		r.employer_tops = str_cstr(in[i].tops);
		add(p, r);
	}
	assert_int_equal(report_pass_employers(p, &a, &rows, &n), APP_OK);
	assert_int_equal(n, 3);
	assert_true(str_eq_cstr(rows[0].key, "3"));
	assert_true(str_eq_cstr(rows[0].gender, ""));
	assert_true(
	    str_eq_cstr(rows[0].label, "Avslutade anställda hos Vara kommun"));
	assert_int_equal(rows[0].n, 0);
	assert_true(str_eq_cstr(rows[1].key, "9"));
	assert_true(str_eq_cstr(rows[1].gender, "kvinna"));
	assert_true(str_eq_cstr(
	    rows[1].label, "Avslutade anställda hos Försäkringskassan"));
	assert_int_equal(rows[1].n, 1);
	assert_true(str_eq_cstr(rows[2].key, "9"));
	assert_true(str_eq_cstr(rows[2].gender, "man"));
	assert_int_equal(rows[2].n, 1);
}

static void
bad_dates_are_refused(void **state)
{
	struct report_pass *p = pass_2024("2024-03-31");
	struct report_pass_row r =
	    row("kvinna", 1980, "", "", "2024-13-01", "", 0, 3, "");

	(void)state;
	assert_int_equal(report_pass_add(p, &r), APP_EINPUT);
	assert_null(
	    report_pass_new(&a, STR_LIT("2024-01"), STR_LIT("2024-03-31"),
	        STR_LIT("2024-03-31"), edu, 2, sup, 1, orgs, 3));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(counts_group_by_gender_band_and_codes),
		cmocka_unit_test(referrers_by_member_in_list_order),
		cmocka_unit_test(outcomes_of_those_who_ended_in_the_period),
		cmocka_unit_test(months_count_people_and_place_days_up_to_last),
		cmocka_unit_test(today_before_the_period_has_no_months),
		cmocka_unit_test(durations_and_medians_of_those_who_ended),
		cmocka_unit_test(a_long_time_grows_the_histogram),
		cmocka_unit_test(people_figures_and_insatser_of_the_period),
		cmocka_unit_test(path_pairs_from_pred_and_succ),
		cmocka_unit_test(transitions_of_those_who_ended_in_the_period),
		cmocka_unit_test(within_6_and_12_months_of_the_start),
		cmocka_unit_test(income_state_of_the_incomes),
		cmocka_unit_test(income_sources_of_the_enrolled),
		cmocka_unit_test(followups_of_those_who_ended_by_state),
		cmocka_unit_test(followups_not_due_yet),
		cmocka_unit_test(coremittents_by_organisation_in_label_order),
		cmocka_unit_test(employers_of_those_who_ended_per_top),
		cmocka_unit_test(bad_dates_are_refused),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
