/* test_referral.c: the referral's states and the remittent's transitions
 * (app/referral.c), and the person's labels (app/person.c). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "gender.h"
#include "arena.h"
#include "person.h"
#include "referral.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

/* The statuses of sql/0006 (referral.status), each with its label. */
static void
status_tables(void **state)
{
	static const char *const names[][2] = {
		{ "utkast", "Utkast" },
		{ "inskickad", "Inskickad" },
		{ "vantelista", "Väntelista" },
		{ "antagen", "Antagen" },
		{ "avradd", "Avrådd" },
		{ "aterford", "Återförd till remittenten" },
		{ "aterkallad", "Återkallad" },
	};
	enum referral_status s;

	(void)state;
	assert_int_equal(
	    sizeof(names) / sizeof(names[0]), REFERRAL_STATUS__MAX);
	for (size_t i = 0; i < REFERRAL_STATUS__MAX; i++) {
		assert_string_equal(
		    referral_status_name((enum referral_status)i), names[i][0]);
		assert_string_equal(
		    referral_status_label((enum referral_status)i),
		    names[i][1]);
		assert_int_equal(
		    referral_status_from_name(S(names[i][0]), &s), 1);
		assert_int_equal(s, i);
		assert_string_equal(
		    referral_status_label_of(S(names[i][0])), names[i][1]);
	}
	assert_int_equal(referral_status_from_name(S("Utkast"), &s), 0);
	assert_int_equal(referral_status_from_name(S(""), &s), 0);
	assert_int_equal(referral_status_from_name(S("utkastx"), &s), 0);
	assert_string_equal(referral_status_label_of(S("nej")), "");
	assert_string_equal(referral_status_name(REFERRAL_STATUS__MAX), "");
}

static void
decided(void **state)
{
	static const int want[REFERRAL_STATUS__MAX] = {
		[REFERRAL_UTKAST] = 0,
		[REFERRAL_INSKICKAD] = 0,
		[REFERRAL_VANTELISTA] = 1,
		[REFERRAL_ANTAGEN] = 1,
		[REFERRAL_AVRADD] = 1,
		[REFERRAL_ATERFORD] = 1,
		[REFERRAL_ATERKALLAD] = 0,
	};

	(void)state;
	for (int s = 0; s < REFERRAL_STATUS__MAX; s++)
		assert_int_equal(
		    referral_status_decided((enum referral_status)s), want[s]);
}

/* The remittent changes a draft or one sent back, nothing else. */
static void
may_edit(void **state)
{
	(void)state;
	for (int s = 0; s < REFERRAL_STATUS__MAX; s++) {
		enum referral_status to;
		int open = s == REFERRAL_UTKAST || s == REFERRAL_ATERFORD;
		enum referral_refusal want =
		    open ? REFERRAL_OK : REFERRAL_LOCKED;

		assert_int_equal(
		    referral_may_edit((enum referral_status)s), want);
		assert_int_equal(
		    referral_save_draft((enum referral_status)s, &to), want);
		assert_int_equal(to, s); /* a draft keeps its status */
	}
}

/* Submitting: every status x waiver covering x VISA marker. */
static void
submit(void **state)
{
	(void)state;
	for (int s = 0; s < REFERRAL_STATUS__MAX; s++)
		for (int covered = 0; covered < 2; covered++)
			for (int visa = 0; visa < 2; visa++) {
				int open = s == REFERRAL_UTKAST ||
				    s == REFERRAL_ATERFORD;
				enum referral_refusal want = !open
				    ? REFERRAL_LOCKED
				    : (covered || visa ? REFERRAL_OK
				                       : REFERRAL_NO_CONSENT);
				enum referral_status to;

				assert_int_equal(
				    referral_submit((enum referral_status)s,
				        covered, visa, &to),
				    want);
				assert_int_equal(to,
				    want == REFERRAL_OK
				        ? REFERRAL_INSKICKAD
				        : (enum referral_status)s);
				assert_int_equal(
				    referral_submit_consent(covered, visa),
				    covered || visa ? REFERRAL_OK
				                    : REFERRAL_NO_CONSENT);
			}
}

/* Withdrawing: from a draft, submitted, waiting or sent back; once only;
 * never after admission or advice against. */
static void
withdraw(void **state)
{
	static const enum referral_refusal want[REFERRAL_STATUS__MAX] = {
		[REFERRAL_UTKAST] = REFERRAL_OK,
		[REFERRAL_INSKICKAD] = REFERRAL_OK,
		[REFERRAL_VANTELISTA] = REFERRAL_OK,
		[REFERRAL_ATERFORD] = REFERRAL_OK,
		[REFERRAL_ANTAGEN] = REFERRAL_DECIDED,
		[REFERRAL_AVRADD] = REFERRAL_DECIDED,
		[REFERRAL_ATERKALLAD] = REFERRAL_WITHDRAWN,
	};

	(void)state;
	for (int s = 0; s < REFERRAL_STATUS__MAX; s++) {
		enum referral_status to;
		enum referral_refusal got =
		    referral_withdraw((enum referral_status)s, &to);

		assert_int_equal(got, want[s]);
		assert_int_equal(to,
		    got == REFERRAL_OK ? REFERRAL_ATERKALLAD
		                       : (enum referral_status)s);
		assert_int_equal(referral_may_withdraw((enum referral_status)s),
		    got == REFERRAL_OK);
		/* A withdrawn referral is the remittent's no longer. */
		if (s == REFERRAL_ATERKALLAD)
			assert_int_equal(
			    referral_may_edit((enum referral_status)s),
			    REFERRAL_LOCKED);
	}
	assert_string_equal(referral_refusal_msg(REFERRAL_WITHDRAWN),
	    "Ansökan är redan återkallad.");
	assert_non_null(strstr(
	    referral_refusal_msg(REFERRAL_DECIDED), "kan inte återkallas"));
}

/* What another referral of the same person to the same insats is: an
 * ongoing participation wins; open applications may still become one;
 * decided-against, withdrawn and ended ones do not count. */
static void
dup_kind(void **state)
{
	static const enum referral_dup want[REFERRAL_STATUS__MAX] = {
		[REFERRAL_UTKAST] = REFERRAL_DUP_APPLICATION,
		[REFERRAL_INSKICKAD] = REFERRAL_DUP_APPLICATION,
		[REFERRAL_VANTELISTA] = REFERRAL_DUP_APPLICATION,
		[REFERRAL_ATERFORD] = REFERRAL_DUP_APPLICATION,
		[REFERRAL_ANTAGEN] = REFERRAL_DUP_NONE,
		[REFERRAL_AVRADD] = REFERRAL_DUP_NONE,
		[REFERRAL_ATERKALLAD] = REFERRAL_DUP_NONE,
	};

	(void)state;
	for (int s = 0; s < REFERRAL_STATUS__MAX; s++) {
		assert_int_equal(
		    referral_dup_kind((enum referral_status)s, S("")), want[s]);
		assert_int_equal(
		    referral_dup_kind((enum referral_status)s, S("avslutad")),
		    want[s]);
		assert_int_equal(referral_dup_kind((enum referral_status)s,
		                     S("felregistrerad")),
		    want[s]);
	}
	assert_int_equal(referral_dup_kind(REFERRAL_ANTAGEN, S("inskriven")),
	    REFERRAL_DUP_PARTICIPATION);
	assert_int_equal(
	    referral_dup_kind(REFERRAL_STATUS__MAX, S("")), REFERRAL_DUP_NONE);
}

/* Which insatser take applications: running (active) and staffed. */
static void
insats_takes(void **state)
{
	(void)state;
	assert_int_equal(referral_insats_takes(1, 1), REFERRAL_OK);
	assert_int_equal(referral_insats_takes(1, 0), REFERRAL_INSATS_NO_STAFF);
	assert_int_equal(referral_insats_takes(0, 1), REFERRAL_INSATS_CLOSED);
	assert_int_equal(referral_insats_takes(0, 0), REFERRAL_INSATS_CLOSED);
	assert_non_null(strstr(
	    referral_refusal_msg(REFERRAL_INSATS_NO_STAFF), "ingen personal"));
	assert_non_null(referral_refusal_msg(REFERRAL_INSATS_CLOSED));
}

static void
refusal_messages(void **state)
{
	(void)state;
	assert_null(referral_refusal_msg(REFERRAL_OK));
	assert_string_equal(referral_refusal_msg(REFERRAL_LOCKED),
	    "Ansökan har skickats in och kan inte längre ändras här.");
	assert_non_null(strstr(referral_refusal_msg(REFERRAL_NO_CONSENT),
	    "kan inte skickas utan samtycke"));
	assert_null(referral_refusal_msg(REFERRAL_REFUSAL__MAX));
}

static void
person_labels(void **state)
{
	struct pnr odd = { .odd_serial = 1 }, even = { .odd_serial = 0 };
	struct person p = { 0 };
	struct arena a;

	(void)state;
	assert_string_equal(gender_label_of(S("kvinna")), "Kvinna");
	assert_string_equal(gender_label_of(S("man")), "Man");
	assert_string_equal(gender_label_of(S("annat")), "Annat");
	assert_string_equal(gender_label_of(S("Man")), "");
	assert_string_equal(gender_label_of(S("")), "");
	assert_null(gender_names[GENDER__MAX]);
	assert_true(str_eq_cstr(person_gender_default(&odd), "man"));
	assert_true(str_eq_cstr(person_gender_default(&even), "kvinna"));
	assert_string_equal(
	    person_id_kind_name(PNR_SAMORDNINGSNUMMER), "samordningsnummer");
	assert_string_equal(
	    person_id_kind_name(PNR_PERSONNUMMER), "personnummer");
	p.id_kind = S("samordningsnummer");
	assert_true(person_is_samordningsnummer(&p));
	p.id_kind = S("personnummer");
	assert_false(person_is_samordningsnummer(&p));

	assert_int_equal(arena_init(&a, 1u << 12), 1);
	assert_true(str_eq_cstr(
	    person_pnr_shown(&a, S("194001011230")), "19400101-1230"));
	/* Twelve digits with a wrong check digit is gallring's stand-in. */
	assert_true(
	    str_eq_cstr(person_pnr_shown(&a, S("194001011234")), "Gallrad"));
	assert_true(str_eq_cstr(person_pnr_shown(&a, S("19400101123")),
	    "19400101123")); /* not twelve digits: as it is */
	assert_true(str_eq_cstr(
	    person_pnr_shown(&a, S("1940010112x4")), "1940010112x4"));
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(status_tables),
		cmocka_unit_test(decided),
		cmocka_unit_test(may_edit),
		cmocka_unit_test(submit),
		cmocka_unit_test(withdraw),
		cmocka_unit_test(dup_kind),
		cmocka_unit_test(insats_takes),
		cmocka_unit_test(refusal_messages),
		cmocka_unit_test(person_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
