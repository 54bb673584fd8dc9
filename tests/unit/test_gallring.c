/* test_gallring.c: unit tests for the gallring rules (app/gallring.c):
 * the codes and their table, when a record is due by each rule and at
 * its edges, and the validation of an edited set of rules. No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "gallring.h"
#include "pnr.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static void
codes(void **state)
{
	enum gallring_code c;

	(void)state;
	for (int i = 0; i < GR__MAX; i++) {
		const struct gallring_def *d =
		    gallring_def((enum gallring_code)i);

		assert_non_null(d);
		assert_true(gallring_code_parse(S(d->code), &c));
		assert_int_equal(c, i);
		assert_true(d->min_days >= 1);
		assert_true(d->min_days <= d->default_days);
		assert_true(d->default_days <= d->max_days);
		assert_true(strlen(d->label) > 0 && strlen(d->clock_label) > 0);
	}
	assert_false(gallring_code_parse(S("deltagand"), &c));
	assert_false(gallring_code_parse(S(""), &c));
	assert_null(gallring_def(GR__MAX));
	/* The access log is kept longest by default. */
	for (int i = 0; i < GR__MAX; i++)
		assert_true(gallring_def(GR_ATKOMSTLOGG)->default_days >=
		    gallring_def((enum gallring_code)i)->default_days);
}

/* The defaults and the access log's floor are written twice: in
 * sql/0033 (the rows a new database starts with, the procedure's floor)
 * and in gallring.c / gallring.h. They agree (run from the checkout's
 * root, as tests/run.sh does). */
static void
migration_agrees(void **state)
{
	static char sql[32768];
	FILE *f = fopen("sql/0033_gallring.sql", "rb");
	size_t n;
	char want[128];

	(void)state;
	assert_non_null(f);
	n = fread(sql, 1, sizeof(sql) - 1, f);
	fclose(f);
	assert_true(n > 0 && n < sizeof(sql) - 1);
	sql[n] = '\0';
	for (int i = 0; i < GR__MAX; i++) {
		const struct gallring_def *d =
		    gallring_def((enum gallring_code)i);

		snprintf(want, sizeof(want), " ('%s', %d, '%s', %ld)", d->code,
		    i + 1, d->clock, d->default_days);
		if (strstr(sql, want) == NULL)
			fail_msg("sql/0033 lacks the row %s", want);
	}
	snprintf(want, sizeof(want), "GREATEST(keep_days, %d)",
	    GALLRING_LOG_MIN_DAYS);
	assert_non_null(strstr(sql, want));
	assert_int_equal(
	    gallring_def(GR_ATKOMSTLOGG)->min_days, GALLRING_LOG_MIN_DAYS);
	assert_int_equal(
	    atoi(GALLRING_LOG_MIN_DAYS_SQL), GALLRING_LOG_MIN_DAYS);
}

/* clock + keep < today: kept on the last day, gone the day after. */
static void
past_edges(void **state)
{
	long start = date_days(2020, 1, 1);

	(void)state;
	assert_false(gallring_past(start, start + 30, 30));
	assert_true(gallring_past(start, start + 31, 30));
	assert_false(gallring_past(start, start + 29, 30));
	/* a broken rule removes nothing */
	assert_false(gallring_past(start, start + 1000, 0));
	assert_false(gallring_past(start, start + 1000, -5));
	/* across a leap day: 2020-02-29 is a day of the rule's */
	assert_false(
	    gallring_past(date_days(2020, 2, 28), date_days(2020, 2, 29), 1));
	assert_true(
	    gallring_past(date_days(2020, 2, 28), date_days(2020, 3, 1), 1));
}

static void
participation_due(void **state)
{
	long end = date_days(2021, 6, 30), keep = 1095;

	(void)state;
	assert_true(gallring_participation_due(
	    S("avslutad"), end, end + keep + 1, keep));
	assert_false(
	    gallring_participation_due(S("avslutad"), end, end + keep, keep));
	assert_true(gallring_participation_due(
	    S("felregistrerad"), end, end + keep + 1, keep));
	/* an ongoing participation never goes, whatever its dates */
	assert_false(gallring_participation_due(
	    S("inskriven"), end, end + keep * 10, keep));
	/* no end date: not due */
	assert_false(gallring_participation_due(
	    S("avslutad"), 0, end + keep * 10, keep));
	assert_false(
	    gallring_participation_due(S("okand"), end, end + keep * 10, keep));
}

static void
referral_due(void **state)
{
	long d = date_days(2022, 3, 1), keep = 365;

	(void)state;
	assert_true(gallring_referral_due(S("avradd"), 0, d, d + 366, keep));
	assert_true(gallring_referral_due(S("aterford"), 0, d, d + 366, keep));
	assert_true(gallring_referral_due(S("utkast"), 0, d, d + 366, keep));
	assert_true(
	    gallring_referral_due(S("aterkallad"), 0, d, d + 366, keep));
	assert_false(
	    gallring_referral_due(S("inskickad"), 0, d, d + 9999, keep));
	assert_false(gallring_referral_due(S("avradd"), 0, d, d + 365, keep));
	/* one that became a participation goes by the participation's rule */
	assert_false(gallring_referral_due(S("antagen"), 1, d, d + 9999, keep));
	assert_false(gallring_referral_due(S("avradd"), 1, d, d + 9999, keep));
	/* still waiting: never by this rule */
	assert_false(
	    gallring_referral_due(S("inskickad"), 0, d, d + 9999, keep));
	assert_false(
	    gallring_referral_due(S("vantelista"), 0, d, d + 9999, keep));
	assert_false(gallring_referral_due(S("avradd"), 0, 0, d + 9999, keep));
}

static void
consent_due(void **state)
{
	long d = date_days(2022, 3, 1), keep = 1095;

	(void)state;
	assert_true(gallring_consent_due(S("aterkallad"), d, d + 1096, keep));
	assert_true(gallring_consent_due(S("utgangen"), d, d + 1096, keep));
	assert_true(gallring_consent_due(S("felaktig"), d, d + 1096, keep));
	assert_false(gallring_consent_due(S("aterkallad"), d, d + 1095, keep));
	/* a consent in force or not yet signed goes with its record */
	assert_false(gallring_consent_due(S("aktiv"), d, d + 9999, keep));
	assert_false(gallring_consent_due(S("utkast"), d, d + 9999, keep));
}

static void
defaults_days(long days[GR__MAX])
{
	for (int i = 0; i < GR__MAX; i++)
		days[i] = gallring_def((enum gallring_code)i)->default_days;
}

static void
validate(void **state)
{
	long days[GR__MAX];
	enum gallring_code which;
	char buf[300];

	(void)state;
	defaults_days(days);
	assert_int_equal(gallring_validate(days, &which), GR_REF_OK);

	/* every bound of every rule */
	for (int i = 0; i < GR__MAX; i++) {
		const struct gallring_def *d =
		    gallring_def((enum gallring_code)i);

		defaults_days(days);
		days[i] = d->max_days + 1;
		assert_int_equal(gallring_validate(days, &which), GR_REF_RANGE);
		assert_int_equal(which, i);
		days[i] = 0;
		assert_int_equal(gallring_validate(days, &which), GR_REF_RANGE);
		assert_int_equal(which, i);
		days[i] = d->min_days;
		days[GR_ATKOMSTLOGG] = gallring_def(GR_ATKOMSTLOGG)->max_days;
		assert_int_equal(gallring_validate(days, &which), GR_REF_OK);
	}

	/* a participation kept shorter than its follow-up */
	defaults_days(days);
	days[GR_DELTAGANDE] = 200;
	assert_int_equal(gallring_validate(days, &which), GR_REF_FOLLOWUP);
	assert_int_equal(which, GR_DELTAGANDE);
	assert_non_null(strstr(
	    gallring_refusal_text(GR_REF_FOLLOWUP, which, buf, sizeof(buf)),
	    "uppföljningen"));

	/* the access log shorter than another rule */
	defaults_days(days);
	days[GR_DELTAGANDE] = 2000;
	assert_int_equal(gallring_validate(days, &which), GR_REF_LOG_SHORT);
	assert_int_equal(which, GR_ATKOMSTLOGG);
	days[GR_ATKOMSTLOGG] = 2000;
	assert_int_equal(gallring_validate(days, &which), GR_REF_OK);

	assert_non_null(strstr(
	    gallring_refusal_text(GR_REF_RANGE, GR_ENKATKOD, buf, sizeof(buf)),
	    "från 1 till 365"));
	assert_string_equal(
	    gallring_refusal_text(GR_REF_OK, GR_ENKATKOD, buf, sizeof(buf)),
	    "");
	/* a short buffer is cut, never overrun */
	gallring_refusal_text(GR_REF_LOG_SHORT, GR_ATKOMSTLOGG, buf, 8);
	assert_int_equal(strlen(buf), 7);
}

/* The form's check: every refusal at once, a field that was no number
 * left out. */
static void
validate_all(void **state)
{
	long days[GR__MAX];
	int skip[GR__MAX] = { 0 };
	enum gallring_refusal out[GR__MAX];

	(void)state;
	defaults_days(days);
	assert_int_equal(gallring_validate_all(days, NULL, out), 0);
	for (int i = 0; i < GR__MAX; i++)
		assert_int_equal(out[i], GR_REF_OK);

	/* two rules out of bounds and the access log too short: three */
	days[GR_ENKATKOD] = 0;
	days[GR_DELTAGANDE] = 200;
	days[GR_SAMTYCKE] = 2000;
	assert_int_equal(gallring_validate_all(days, NULL, out), 3);
	assert_int_equal(out[GR_ENKATKOD], GR_REF_RANGE);
	assert_int_equal(out[GR_DELTAGANDE], GR_REF_FOLLOWUP);
	assert_int_equal(out[GR_ATKOMSTLOGG], GR_REF_LOG_SHORT);
	assert_int_equal(out[GR_SAMTYCKE], GR_REF_OK);

	/* a skipped field is neither refused nor compared */
	skip[GR_ENKATKOD] = skip[GR_SAMTYCKE] = 1;
	assert_int_equal(gallring_validate_all(days, skip, out), 1);
	assert_int_equal(out[GR_ENKATKOD], GR_REF_OK);
	assert_int_equal(out[GR_ATKOMSTLOGG], GR_REF_OK);

	/* the access log out of its own bounds: that, not "too short" */
	defaults_days(days);
	days[GR_ATKOMSTLOGG] = 100;
	assert_int_equal(gallring_validate_all(days, NULL, out), 1);
	assert_int_equal(out[GR_ATKOMSTLOGG], GR_REF_RANGE);
}

static void
days_text(void **state)
{
	char buf[64];

	(void)state;
	assert_string_equal(
	    gallring_days_text(1095, buf, sizeof(buf)), "3 år (1095 dagar)");
	assert_string_equal(
	    gallring_days_text(365, buf, sizeof(buf)), "1 år (365 dagar)");
	assert_string_equal(
	    gallring_days_text(90, buf, sizeof(buf)), "3 månader (90 dagar)");
	assert_string_equal(
	    gallring_days_text(30, buf, sizeof(buf)), "1 månad (30 dagar)");
	assert_string_equal(
	    gallring_days_text(14, buf, sizeof(buf)), "2 veckor (14 dagar)");
	assert_string_equal(
	    gallring_days_text(7, buf, sizeof(buf)), "1 vecka (7 dagar)");
	assert_string_equal(
	    gallring_days_text(400, buf, sizeof(buf)), "400 dagar");
	assert_string_equal(gallring_days_text(1, buf, sizeof(buf)), "1 dag");
	gallring_days_text(1095, buf, 4);
	assert_int_equal(strlen(buf), 3);
}

/* The stand-in keeps the year and the age at each start, never a valid
 * personnummer, and another one for every attempt. */
static void
standin(void **state)
{
	char out[13], ten[10];
	int starts[] = { 301, 915 };

	(void)state;
	/* born 19850614: before the birthday on 0301, after on 0915 */
	assert_true(gallring_standin("198506141234", starts, 2, 0, out));
	assert_memory_equal(out, "19850915", 8);
	memcpy(ten, out + 2, 10);
	assert_false(pnr_luhn_ok(ten));
	/* a birthday after every start: 1231 */
	assert_true(gallring_standin("198512241234", starts, 2, 0, out));
	assert_memory_equal(out, "19851231", 8);
	/* on the start day itself counts as had */
	assert_true(gallring_standin("198503011234", starts, 2, 0, out));
	assert_memory_equal(out, "19850301", 8);
	/* a samordningsnummer's day + 60 */
	assert_true(gallring_standin("198506741234", starts, 2, 0, out));
	assert_memory_equal(out, "19850915", 8);
	/* 29 February in a year without it */
	{
		int leapstart[] = { 229 };

		assert_true(
		    gallring_standin("198502101234", leapstart, 1, 0, out));
		assert_memory_equal(out, "19850228", 8);
		assert_true(
		    gallring_standin("198802101234", leapstart, 1, 0, out));
		assert_memory_equal(out, "19880229", 8);
	}
	/* every attempt another number, none of them valid */
	{
		char first[13];

		gallring_standin("198506141234", starts, 2, 0, first);
		for (unsigned a = 1; a < 40; a++) {
			assert_true(gallring_standin(
			    "198506141234", starts, 2, a, out));
			assert_memory_not_equal(out, first, 12);
			memcpy(ten, out + 2, 10);
			assert_false(pnr_luhn_ok(ten));
		}
	}
	assert_false(gallring_standin("19850614123x", starts, 2, 0, out));
	assert_false(gallring_standin("198513141234", starts, 2, 0, out));
}

/* Every stand-in is recognised as one (the pages show "Gallrad"); a valid
 * personnummer or samordningsnummer, or anything not 12 digits, is not. */
static void
standin_shown(void **state)
{
	char out[13];
	int starts[] = { 301, 915 };

	(void)state;
	for (unsigned a = 0; a < 40; a++) {
		assert_true(
		    gallring_standin("198506141234", starts, 2, a, out));
		assert_true(gallring_pnr_is_standin(str_cstr(out)));
	}
	assert_false(gallring_pnr_is_standin(STR_LIT("197807250019")));
	assert_false(gallring_pnr_is_standin(STR_LIT("197807850016")));
	assert_false(gallring_pnr_is_standin(STR_LIT("7807250012")));
	assert_false(gallring_pnr_is_standin(STR_LIT("19780725001x")));
	assert_false(gallring_pnr_is_standin(STR_LIT("")));
	assert_string_equal(GALLRING_PNR_SHOWN, "Gallrad");
}

static void
edit_refusal(void **state)
{
	(void)state;
	assert_null(gallring_edit_refusal(0));
	assert_string_equal(gallring_edit_refusal(1), GALLRING_MSG_REMOVED);
}

/* The one written list of each rule's states, as the SQL and the
 * predicates both read it. */
static void
state_lists(void **state)
{
	(void)state;
	assert_true(gallring_state_in(S("utkast"), GALLRING_REFERRAL_STATES));
	assert_true(
	    gallring_state_in(S("aterkallad"), GALLRING_REFERRAL_STATES));
	assert_false(
	    gallring_state_in(S("inskickad"), GALLRING_REFERRAL_STATES));
	assert_false(gallring_state_in(S("utkas"), GALLRING_REFERRAL_STATES));
	assert_false(gallring_state_in(S(""), GALLRING_REFERRAL_STATES));
	assert_true(gallring_state_in(
	    S("felregistrerad"), GALLRING_PARTICIPATION_STATES));
	assert_false(
	    gallring_state_in(S("inskriven"), GALLRING_PARTICIPATION_STATES));
	assert_true(gallring_state_in(S("felaktig"), GALLRING_CONSENT_STATES));
	assert_false(gallring_state_in(S("aktiv"), GALLRING_CONSENT_STATES));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(state_lists),
		cmocka_unit_test(codes),
		cmocka_unit_test(past_edges),
		cmocka_unit_test(participation_due),
		cmocka_unit_test(referral_due),
		cmocka_unit_test(consent_due),
		cmocka_unit_test(validate),
		cmocka_unit_test(validate_all),
		cmocka_unit_test(days_text),
		cmocka_unit_test(standin),
		cmocka_unit_test(standin_shown),
		cmocka_unit_test(migration_agrees),
		cmocka_unit_test(edit_refusal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
