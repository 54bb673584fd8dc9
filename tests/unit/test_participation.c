/* test_participation.c: unit tests for the rules of a participation
 * (app/participation.c) and of the decision on a referral
 * (app/referral_decision.c): which change and which decision each state
 * allows, and the checks of dates, plans and places. No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "gender.h"
#include "arena.h"
#include "contact.h"
#include "participation.h"
#include "participation_edit.h"
#include "referral_decision.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static void
statuses(void **state)
{
	(void)state;
	for (int s = 0; s < PARTICIPATION_STATUS__MAX; s++) {
		const char *name = participation_status_name(s);
		assert_true(strlen(name) > 0);
		assert_int_equal(participation_status_from_name(S(name)), s);
		assert_true(strlen(participation_status_label(s)) > 0);
	}
	assert_string_equal(participation_status_label_of(S("felregistrerad")),
	    "Felregistrerad");
	assert_int_equal(participation_status_from_name(S("aktiv")),
	    PARTICIPATION_STATUS__MAX);
	assert_int_equal(participation_status_from_name(S("Inskriven")),
	    PARTICIPATION_STATUS__MAX);
	assert_string_equal(participation_status_label_of(S("")), "");
	assert_string_equal(
	    participation_status_name(PARTICIPATION_STATUS__MAX), "");
}

/* Which change each state allows: the whole matrix. */
static void
changes_by_state(void **state)
{
	enum { OK_, NOT_OPEN, CONTACT, SUS, TG };
	static const char *const msg[] = {
		[OK_] = NULL,
		[NOT_OPEN] = PARTICIPATION_MSG_NOT_OPEN,
		[CONTACT] = PARTICIPATION_MSG_CONTACT_CLOSED,
		[SUS] = PARTICIPATION_MSG_SUS_CLOSED,
		[TG] = PARTICIPATION_MSG_TARGET_GROUP_CLOSED,
	};
	/* [status][change]: plan, midterm, extend, end, contact, SUS,
	 * målgrupp (the summary is summary.h's) */
	static const int want[PARTICIPATION_STATUS__MAX + 1][PCHANGE__MAX] = {
		[PARTICIPATION_INSKRIVEN] = { OK_, OK_, OK_, OK_, OK_, OK_,
		    OK_ },
		[PARTICIPATION_AVSLUTAD] = { NOT_OPEN, NOT_OPEN, NOT_OPEN,
		    NOT_OPEN, OK_, OK_, OK_ },
		[PARTICIPATION_FELREGISTRERAD] = { NOT_OPEN, NOT_OPEN, NOT_OPEN,
		    NOT_OPEN, CONTACT, SUS, TG },
		/* an unknown status allows nothing */
		[PARTICIPATION_STATUS__MAX] = { NOT_OPEN, NOT_OPEN, NOT_OPEN,
		    NOT_OPEN, CONTACT, SUS, TG },
	};

	(void)state;
	for (int s = 0; s <= PARTICIPATION_STATUS__MAX; s++)
		for (int ch = 0; ch < PCHANGE__MAX; ch++) {
			const char *got = participation_refusal(
			    s, (enum participation_change)ch);
			const char *w = msg[want[s][ch]];
			if (w == NULL)
				assert_null(got);
			else
				assert_string_equal(got, w);
		}
	assert_true(participation_summary_open(PARTICIPATION_AVSLUTAD, 0));
	assert_false(participation_summary_open(PARTICIPATION_AVSLUTAD, 1));
	assert_false(participation_summary_open(PARTICIPATION_INSKRIVEN, 0));
	assert_false(
	    participation_summary_open(PARTICIPATION_FELREGISTRERAD, 0));
}

static void
end_status(void **state)
{
	(void)state;
	assert_int_equal(participation_end_status(S("felregistrering")),
	    PARTICIPATION_FELREGISTRERAD);
	assert_int_equal(
	    participation_end_status(S("arbete")), PARTICIPATION_AVSLUTAD);
	assert_int_equal(
	    participation_end_status(S("")), PARTICIPATION_AVSLUTAD);
	assert_int_equal(participation_end_status(S("felregistreringx")),
	    PARTICIPATION_AVSLUTAD);
}

static void
summary_due(void **state)
{
	(void)state;
	assert_int_equal(participation_add_days(20240101, 0), 20240101);
	assert_int_equal(participation_add_days(20240131, 1), 20240201);
	assert_int_equal(participation_add_days(20240228, 1), 20240229);
	assert_int_equal(participation_add_days(20230228, 1), 20230301);
	assert_int_equal(participation_add_days(20231220, 21), 20240110);
	assert_int_equal(participation_add_days(20240301, -1), 20240229);
	/* The insats's days, else three weeks. */
	assert_int_equal(participation_summary_due(20240601, S("")), 20240622);
	assert_int_equal(
	    participation_summary_due(20240601, S("14")), 20240615);
	assert_int_equal(participation_summary_due(20240601, S("0")), 20240601);
}

static void
dates(void **state)
{
	struct arena a;

	(void)state;
	assert_int_equal(arena_init(&a, 1u << 16), 1);
	assert_int_equal(participation_date_ymd(S("2024-02-29")), 20240229);
	assert_int_equal(participation_date_ymd(S("2023-02-29")), 0);
	assert_int_equal(participation_date_ymd(S("2024-02-29 10:00")), 0);
	assert_true(
	    str_eq_cstr(participation_ymd_str(&a, 20240305), "2024-03-05"));
	/* A follow-up or end: not after today, not before the start. */
	assert_null(participation_check_date(&a, 20240510, 20240501, 20240601));
	assert_null(participation_check_date(&a, 20240501, 20240501, 20240601));
	assert_null(participation_check_date(&a, 20240601, 20240501, 20240601));
	assert_string_equal(
	    participation_check_date(&a, 20240602, 20240501, 20240601),
	    PARTICIPATION_MSG_FUTURE);
	assert_string_equal(
	    participation_check_date(&a, 20240430, 20240501, 20240601),
	    "Datumet kan inte vara före startdatumet (2024-05-01).");
	arena_free(&a);
}

static void
extension(void **state)
{
	struct arena a;

	(void)state;
	assert_int_equal(arena_init(&a, 1u << 16), 1);
	assert_null(participation_check_extension(
	    &a, 20240901, 20240101, S("2024-06-30")));
	assert_null(
	    participation_check_extension(&a, 20240102, 20240101, S("")));
	assert_string_equal(
	    participation_check_extension(&a, 20240101, 20240101, S("")),
	    "Det nya slutet måste vara efter startdatumet.");
	assert_string_equal(participation_check_extension(
	                        &a, 20240630, 20240101, S("2024-06-30")),
	    "Det nya slutet måste vara efter det nuvarande planerade slutet "
	    "(2024-06-30).");
	assert_string_equal(participation_check_extension(
	                        &a, 20240601, 20240101, S("2024-06-30")),
	    "Det nya slutet måste vara efter det nuvarande planerade slutet "
	    "(2024-06-30).");
	arena_free(&a);
}

static void
plan(void **state)
{
	(void)state;
	assert_null(participation_check_plan(1, 4));
	assert_null(participation_check_plan(3, 40));
	assert_non_null(participation_check_plan(0, 0));
	assert_string_equal(participation_check_plan(2, 41),
	    "Sammanlagt högst 40 timmar i veckan (heltid). Minska timmarna.");
	/* As many activities as needed, up to 50. */
	assert_null(participation_check_plan(12, 36));
	/* The most activities fit: one whole hour each within the hours. */
	assert_null(participation_check_plan(PARTICIPATION_PLAN_MAX_ACTIVITIES,
	    PARTICIPATION_PLAN_MAX_ACTIVITIES));
	assert_null(participation_check_plan(40, 40));
	assert_string_equal(participation_check_plan(41, 40),
	    "Planen kan ha högst 40 aktiviteter.");
	assert_string_equal(participation_check_plan(41, 41),
	    "Planen kan ha högst 40 aktiviteter.");
}

static void
contact_hidden(void **state)
{
	(void)state;
	for (int f = 0; f < CONTACT__MAX; f++)
		assert_int_equal(participation_contact_hidden(f),
		    f == CONTACT_ADDRESS || f == CONTACT_POSTAL_CODE ||
		        f == CONTACT_CITY || f == CONTACT_PHONE);
}

static void
referral_statuses(void **state)
{
	(void)state;
	for (int s = 0; s < REFERRAL_STATUS__MAX; s++)
		assert_int_equal(
		    referral_status_of(S(referral_status_name(s))), s);
	assert_string_equal(
	    referral_status_inbox_label_of(S("inskickad")), "Ny ansökan");
	assert_string_equal(referral_status_inbox_label_of(S("x")), "");
	assert_int_equal(
	    referral_decision_status(DECISION_ANTA), REFERRAL_ANTAGEN);
	assert_int_equal(
	    referral_decision_status(DECISION_AVRADA), REFERRAL_AVRADD);
	assert_int_equal(
	    referral_decision_status(DECISION_ATERFOR), REFERRAL_ATERFORD);
	assert_int_equal(
	    referral_decision_status(DECISION_VANTELISTA), REFERRAL_VANTELISTA);
	assert_string_equal(referral_decision_names[DECISION_AVRADA], "avrada");
	assert_null(referral_decision_names[DECISION__MAX]);
}

/* Which decision each referral status allows: the whole matrix. */
static void
decisions_by_state(void **state)
{
	(void)state;
	for (int s = 0; s <= REFERRAL_STATUS__MAX; s++)
		for (int d = 0; d < DECISION__MAX; d++) {
			const char *got = referral_decide_refusal(s, d);
			int open =
			    s == REFERRAL_INSKICKAD || s == REFERRAL_VANTELISTA;

			assert_int_equal(referral_open(s), open);
			if (!open)
				assert_string_equal(got, REFERRAL_MSG_DECIDED);
			else if (s == REFERRAL_VANTELISTA &&
			    d == DECISION_VANTELISTA)
				assert_string_equal(
				    got, REFERRAL_MSG_ALREADY_WAITING);
			else
				assert_null(got);
		}
}

static void
admission(void **state)
{
	struct arena a;

	(void)state;
	assert_int_equal(arena_init(&a, 1u << 16), 1);
	/* The start: not before the day the application came in. */
	assert_null(referral_check_start(20240301, S("2024-03-01 23:59")));
	assert_null(referral_check_start(20240302, S("2024-03-01 08:00")));
	assert_non_null(referral_check_start(20240229, S("2024-03-01 08:00")));
	assert_null(referral_check_start(20000101, S("")));
	assert_null(referral_check_planned_end(20240301, 20240302));
	assert_non_null(referral_check_planned_end(20240301, 20240301));
	assert_non_null(referral_check_planned_end(20240301, 20240201));
	/* Places: "" is no limit. */
	assert_false(participation_insats_full(S(""), 1000));
	assert_false(participation_insats_full(S("10"), 9));
	assert_true(participation_insats_full(S("10"), 10));
	assert_true(participation_insats_full(S("0"), 0));
	assert_null(referral_full_refusal(&a, S("10"), 9));
	assert_null(referral_full_refusal(&a, S(""), 9));
	assert_string_equal(referral_full_refusal(&a, S("10"), 10),
	    "Insatsen är full (10 av 10 platser). Sätt ansökan på väntelista.");
	arena_free(&a);
}

/* Where a decision's POST answers, and a retry of it (once.h). */
static void
decision_location(void **state)
{
	struct arena a;

	(void)state;
	assert_int_equal(arena_init(&a, 1u << 16), 1);
	assert_string_equal(
	    referral_decision_location(&a, DECISION_ANTA, 7, 42),
	    "/deltagande/42?antagen=1");
	for (int d = DECISION_AVRADA; d < DECISION__MAX; d++)
		assert_string_equal(referral_decision_location(&a, d, 7, 0),
		    "/inkorg/7?sparat=1");
	arena_free(&a);
}

static void
codes(void **state)
{
	struct code_choice v[3] = {
		{ S("code_income"), S("lon"), S("Lön"), 1, 1, 0 },
		{ S("code_income"), S("gammal"), S("Gammal"), 0, 1, 0 },
		{ S("code_income"), S("annat"), S("Annat"), 1, 0, 0 },
	};
	struct code_choices l = { v, 3 };

	(void)state;
	assert_ptr_equal(code_choices_find(&l, S("lon"), 1), &v[0]);
	assert_ptr_equal(code_choices_find(&l, S("gammal"), 0), &v[1]);
	assert_null(code_choices_find(&l, S("gammal"), 1));
	assert_null(code_choices_find(&l, S("x"), 0));
	assert_null(code_choices_find(&l, S(""), 0));
}

static void
genders(void **state)
{
	struct gender_option o[GENDER__MAX];

	(void)state;
	assert_string_equal(gender_label_of(S("kvinna")), "Kvinna");
	assert_string_equal(gender_label_of(S("annat")), "Annat");
	assert_string_equal(gender_label_of(S("Kvinna")), "");
	assert_string_equal(gender_label_of(S("")), "");
	gender_options(o);
	for (int g = 0; g < GENDER__MAX; g++) {
		assert_true(str_eq_cstr(o[g].value, gender_names[g]));
		assert_true(str_eq_cstr(o[g].label, gender_label(g)));
		enum gender back;
		assert_true(gender_from_name(o[g].value, &back));
		assert_int_equal(back, g);
	}
	assert_null(gender_names[GENDER__MAX]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(statuses),
		cmocka_unit_test(changes_by_state),
		cmocka_unit_test(end_status),
		cmocka_unit_test(summary_due),
		cmocka_unit_test(dates),
		cmocka_unit_test(extension),
		cmocka_unit_test(plan),
		cmocka_unit_test(contact_hidden),
		cmocka_unit_test(referral_statuses),
		cmocka_unit_test(decisions_by_state),
		cmocka_unit_test(admission),
		cmocka_unit_test(decision_location),
		cmocka_unit_test(codes),
		cmocka_unit_test(genders),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
