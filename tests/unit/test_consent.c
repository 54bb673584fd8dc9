/*
 * test_consent.c: unit tests for the consent rules (app/consent.c), which
 * need no database: which transitions each state allows, what a waiver
 * covers (which party, which direction, in which state, on which day),
 * what the tablet may revoke, and
 * the names and labels of the states.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "access.h"
#include "consent.h"
#include "consent_record.h"
#include "str.h"

#define TODAY "2025-06-15"

/* Every enum value reads back from its database name, and an unknown
 * name is none of them. */
static void
names_round_trip(void **state)
{
	(void)state;
	for (int i = 0; i < CONSENT_KIND__MAX; i++)
		assert_int_equal(consent_kind_from_name(str_cstr(
		                     consent_kind_name((enum consent_kind)i))),
		    i);
	for (int i = 0; i < CONSENT_STATE__MAX; i++) {
		assert_int_equal(
		    consent_state_from_name(
		        str_cstr(consent_state_name((enum consent_state)i))),
		    i);
		assert_true(consent_state_label((enum consent_state)i)[0]);
	}
	for (int i = 0; i < CONSENT_PARTY_STATE__MAX; i++)
		assert_int_equal(
		    consent_party_state_from_name(str_cstr(
		        consent_party_state_name((enum consent_party_state)i))),
		    i);
	for (int i = 0; i < CONSENT_ANSWER__MAX; i++)
		assert_int_equal(
		    consent_answer_from_name(
		        str_cstr(consent_answer_name((enum consent_answer)i))),
		    i);
	for (int i = 0; i < CONSENT_EV__MAX; i++)
		assert_int_equal(
		    consent_event_from_name(str_cstr(
		        consent_event_name((enum consent_event_kind)i))),
		    i);
	for (int i = 0; i < CONSENT_HOW__MAX; i++) {
		assert_int_equal(consent_how_from_name(str_cstr(
		                     consent_how_name((enum consent_how)i))),
		    i);
		assert_true(consent_how_label((enum consent_how)i)[0]);
	}
	assert_int_equal(
	    consent_state_from_name(STR_LIT("Aktiv")), CONSENT_STATE__MAX);
	assert_int_equal(
	    consent_state_from_name(STR_LIT("")), CONSENT_STATE__MAX);
	assert_int_equal(consent_how_from_name(STR_LIT("")), CONSENT_HOW__MAX);
	assert_string_equal(consent_state_name(CONSENT_STATE__MAX), "");
	assert_string_equal(consent_state_label(CONSENT_UTGANGEN), "Utgånget");
	assert_string_equal(consent_kind_label(CONSENT_SUS), "SUS-samtycke");
	/* A revocation by the app is a replacement by a newer consent. */
	assert_string_equal(
	    consent_event_label(CONSENT_EV_ATERKALLAT, CONSENT_HOW_SYSTEM),
	    "Ersatt av ett nytt samtycke");
	assert_string_equal(
	    consent_event_label(CONSENT_EV_ATERKALLAT, CONSENT_HOW_MUNTLIGT),
	    "Återkallat");
}

/* The whole matrix of states and transitions. */
static void
transitions_per_state(void **state)
{
	static const unsigned char
	    want[CONSENT_STATE__MAX][CONSENT_ACTION__MAX] = {
		    /*                sign revoke error expire replace */
		    [CONSENT_UTKAST] = { 1, 0, 1, 0, 0 },
		    [CONSENT_AKTIV] = { 0, 1, 1, 1, 1 },
		    [CONSENT_ATERKALLAD] = { 0, 0, 0, 0, 0 },
		    /* an expired waiver can still be revoked */
		    [CONSENT_UTGANGEN] = { 0, 1, 0, 0, 0 },
		    [CONSENT_FELAKTIG] = { 0, 0, 0, 0, 0 },
	    };

	(void)state;
	for (int s = 0; s < CONSENT_STATE__MAX; s++)
		for (int a = 0; a < CONSENT_ACTION__MAX; a++)
			if (consent_state_allows((enum consent_state)s,
			        (enum consent_action)a) != want[s][a])
				fail_msg("state %s, action %d: want %d",
				    consent_state_name((enum consent_state)s),
				    a, want[s][a]);
	assert_false(consent_state_allows(CONSENT_STATE__MAX, CONSENT_DO_SIGN));
	for (int i = CONSENT_OK + 1; i < CONSENT_REFUSAL__MAX; i++)
		assert_non_null(consent_refusal_text((enum consent_refusal)i));
	assert_null(consent_refusal_text(CONSENT_OK));
}

static struct consent
draft(enum consent_kind kind, enum consent_state st, const char *until)
{
	struct consent c;

	memset(&c, 0, sizeof(c));
	c.kind = kind;
	c.state = st;
	c.valid_until = str_cstr(until);
	c.signed_how = CONSENT_HOW__MAX;
	return c;
}

static void
signing(void **state)
{
	struct consent c;

	(void)state;
	c = draft(CONSENT_SEKRETESS, CONSENT_UTKAST, "2025-12-31");
	assert_int_equal(consent_sign_refusal(&c, STR_LIT(TODAY)), CONSENT_OK);
	/* The last day itself may still be signed; the day after not. */
	c = draft(CONSENT_SEKRETESS, CONSENT_UTKAST, TODAY);
	assert_int_equal(consent_sign_refusal(&c, STR_LIT(TODAY)), CONSENT_OK);
	c = draft(CONSENT_SEKRETESS, CONSENT_UTKAST, "2025-06-14");
	assert_true(consent_too_late(&c, STR_LIT(TODAY)));
	assert_int_equal(
	    consent_sign_refusal(&c, STR_LIT(TODAY)), CONSENT_R_TOO_LATE);
	/* A SUS consent has no last day. */
	c = draft(CONSENT_SUS, CONSENT_UTKAST, "");
	assert_false(consent_too_late(&c, STR_LIT(TODAY)));
	assert_int_equal(consent_sign_refusal(&c, STR_LIT(TODAY)), CONSENT_OK);
	/* Signed or ended: nothing to sign, whatever the date. */
	for (int s = CONSENT_AKTIV; s < CONSENT_STATE__MAX; s++) {
		c = draft(
		    CONSENT_SEKRETESS, (enum consent_state)s, "2025-06-14");
		assert_false(consent_too_late(&c, STR_LIT(TODAY)));
		assert_int_equal(
		    consent_sign_refusal(&c, STR_LIT(TODAY)), CONSENT_R_SIGNED);
	}
}

/* An active waiver runs out when its last day has passed or its case
 * has closed; the last day itself still holds, a waiver without one
 * (NULL, read as "") does not run out by date, and no other kind or
 * state ever runs out (SQL_CONSENT_EXPIRABLE's rule). */
static void
runs_out(void **state)
{
	struct str t = STR_LIT(TODAY);
	struct consent c;

	(void)state;
	c = draft(CONSENT_SEKRETESS, CONSENT_AKTIV, "2025-06-14");
	assert_true(consent_runs_out(&c, 0, t));
	assert_true(consent_runs_out(&c, 1, t));
	c = draft(CONSENT_SEKRETESS, CONSENT_AKTIV, TODAY);
	assert_false(consent_runs_out(&c, 0, t));
	assert_true(consent_runs_out(&c, 1, t));
	c = draft(CONSENT_SEKRETESS, CONSENT_AKTIV, "");
	assert_false(consent_runs_out(&c, 0, t));
	assert_true(consent_runs_out(&c, 1, t));
	c = draft(CONSENT_SUS, CONSENT_AKTIV, "2025-06-14");
	assert_false(consent_runs_out(&c, 1, t));
	for (int s = 0; s < CONSENT_STATE__MAX; s++) {
		if (s == CONSENT_AKTIV)
			continue;
		c = draft(
		    CONSENT_SEKRETESS, (enum consent_state)s, "2025-06-14");
		assert_false(consent_runs_out(&c, 1, t));
	}
}

static void
handover(void **state)
{
	struct consent c =
	    draft(CONSENT_SEKRETESS, CONSENT_UTKAST, "2025-12-31");
	struct str t = STR_LIT(TODAY);

	(void)state;
	/* Taking a consent: the remittent who applied and the insats staff,
	 * not a co-referrer or the unit. */
	assert_true(consent_may_take(ACCESS_OWN));
	assert_true(consent_may_take(ACCESS_INSATS));
	assert_false(consent_may_take(ACCESS_COREMITTENT | ACCESS_UNIT));
	assert_false(consent_may_take(0));
	assert_int_equal(consent_handover_refusal(
	                     &c, ACCESS_OWN, CONSENT_HANDOVER_SIGN, 0, t),
	    CONSENT_OK);
	assert_int_equal(consent_handover_refusal(
	                     &c, ACCESS_UNIT, CONSENT_HANDOVER_SIGN, 1, t),
	    CONSENT_R_NOT_TAKER);
	c.state = CONSENT_AKTIV;
	assert_int_equal(consent_handover_refusal(
	                     &c, ACCESS_INSATS, CONSENT_HANDOVER_SIGN, 1, t),
	    CONSENT_R_NOTHING_TO_SIGN);
	c = draft(CONSENT_SEKRETESS, CONSENT_UTKAST, "2025-01-01");
	assert_int_equal(consent_handover_refusal(
	                     &c, ACCESS_INSATS, CONSENT_HANDOVER_SIGN, 1, t),
	    CONSENT_R_TOO_LATE);
	/* Revoking is for anyone who may see it, while there is something
	 * of the referral to revoke (the handed-over consent's own state
	 * does not matter). */
	c.state = CONSENT_FELAKTIG;
	assert_int_equal(consent_handover_refusal(
	                     &c, ACCESS_UNIT, CONSENT_HANDOVER_REVOKE, 1, t),
	    CONSENT_OK);
	assert_int_equal(consent_handover_refusal(
	                     &c, ACCESS_OWN, CONSENT_HANDOVER_REVOKE, 0, t),
	    CONSENT_R_NOTHING_TO_REVOKE);
}

/* Organisations: 10 a member (FK), 11 its unit, 20 another member; the
 * waiver's parties are rows of struct consent_cover. */
enum { FK = 10, FK_UNIT = 11, OTHER = 20, ORG_NONE = 0 };

static struct consent_cover
row(long long id, long long party_org, int insats, enum consent_party_state ps)
{
	struct consent_cover r;

	memset(&r, 0, sizeof(r));
	r.consent_id = id;
	r.kind = CONSENT_SEKRETESS;
	r.state = CONSENT_AKTIV;
	r.valid_from = STR_LIT("2025-01-01");
	r.valid_until = STR_LIT("2025-12-31");
	r.disclose = 1;
	r.party_org = party_org;
	r.party_insats = insats;
	r.party_state = ps;
	return r;
}

/* A waiver naming FK and the insats, both active. */
static void
waiver(struct consent_cover w[2], long long id)
{
	w[0] = row(id, FK, 0, CONSENT_PARTY_AKTIV);
	w[1] = row(id, 0, 1, CONSENT_PARTY_AKTIV);
}

static int
covers(const struct consent_cover *w, size_t n, long long org, long long parent,
    int disclose)
{
	return consent_rows_cover(w, n, STR_LIT(TODAY), org, parent, disclose);
}

static void
party_names(void **state)
{
	(void)state;
	assert_true(consent_names_org(CONSENT_PARTY_AKTIV, FK, FK, 0));
	/* A member named as a party covers its units. */
	assert_true(consent_names_org(CONSENT_PARTY_AKTIV, FK, FK_UNIT, FK));
	/* A unit named does not cover its member, nor its sibling. */
	assert_false(consent_names_org(CONSENT_PARTY_AKTIV, FK_UNIT, FK, 0));
	assert_false(
	    consent_names_org(CONSENT_PARTY_AKTIV, FK_UNIT, FK_UNIT + 1, FK));
	assert_false(consent_names_org(CONSENT_PARTY_AKTIV, FK, OTHER, 0));
	assert_false(consent_names_org(CONSENT_PARTY_ATERKALLAD, FK, FK, 0));
	/* The insats (no organisation) names nobody, not even "no parent". */
	assert_false(consent_names_org(CONSENT_PARTY_AKTIV, 0, ORG_NONE, 0));
	assert_false(consent_names_org(CONSENT_PARTY_AKTIV, 0, FK_UNIT, 0));
	assert_false(consent_names_org(CONSENT_PARTY_STATE__MAX, FK, FK, 0));
}

static void
waiver_covers(void **state)
{
	struct consent_cover w[4];

	(void)state;
	waiver(w, 1);
	assert_true(covers(w, 2, FK, 0, 0));
	assert_true(covers(w, 2, FK, 0, 1));
	assert_true(covers(w, 2, FK_UNIT, FK, 0));
	assert_false(covers(w, 2, OTHER, 0, 0));
	assert_false(covers(w, 0, FK, 0, 0));
	/* Only an aktiv waiver is in force. */
	for (int s = 0; s < CONSENT_STATE__MAX; s++) {
		waiver(w, 1);
		w[0].state = w[1].state = (enum consent_state)s;
		assert_int_equal(covers(w, 2, FK, 0, 0), s == CONSENT_AKTIV);
	}
	/* The SUS consent covers nobody. */
	waiver(w, 1);
	w[0].kind = w[1].kind = CONSENT_SUS;
	assert_false(covers(w, 2, FK, 0, 0));
	/* Within its dates, both ends included. */
	waiver(w, 1);
	w[0].valid_from = w[1].valid_from = STR_LIT(TODAY);
	assert_true(covers(w, 2, FK, 0, 0));
	w[0].valid_from = w[1].valid_from = STR_LIT("2025-06-16");
	assert_false(covers(w, 2, FK, 0, 0));
	waiver(w, 1);
	w[0].valid_until = w[1].valid_until = STR_LIT(TODAY);
	assert_true(covers(w, 2, FK, 0, 0));
	w[0].valid_until = w[1].valid_until = STR_LIT("2025-06-14");
	assert_false(covers(w, 2, FK, 0, 0));
	/* Its case closed (advised against, in error, ended and done). */
	waiver(w, 1);
	w[0].closed = w[1].closed = 1;
	assert_false(covers(w, 2, FK, 0, 0));
	/* The party revoked alone: the others stay covered. */
	waiver(w, 1);
	w[2] = row(1, OTHER, 0, CONSENT_PARTY_AKTIV);
	w[0].party_state = CONSENT_PARTY_ATERKALLAD;
	assert_false(covers(w, 3, FK, 0, 0));
	assert_true(covers(w, 3, OTHER, 0, 0));
	/* The insats revoked: a waiver that covers nobody. */
	waiver(w, 1);
	w[1].party_state = CONSENT_PARTY_ATERKALLAD;
	assert_false(covers(w, 2, FK, 0, 0));
	/* The summary needs a waiver that allows disclosure. */
	waiver(w, 1);
	w[0].disclose = w[1].disclose = 0;
	assert_true(covers(w, 2, FK, 0, 0));
	assert_false(covers(w, 2, FK, 0, 1));
	/* Two waivers: one in force without FK, one naming FK without the
	 * insats; neither covers FK. */
	w[0] = row(1, OTHER, 0, CONSENT_PARTY_AKTIV);
	w[1] = row(1, 0, 1, CONSENT_PARTY_AKTIV);
	w[2] = row(2, FK, 0, CONSENT_PARTY_AKTIV);
	w[3] = row(2, 0, 1, CONSENT_PARTY_ATERKALLAD);
	assert_false(covers(w, 4, FK, 0, 0));
	assert_true(covers(w, 4, OTHER, 0, 0));
	w[3].party_state = CONSENT_PARTY_AKTIV;
	assert_true(covers(w, 4, FK, 0, 0));
}

static void
revoke_choice(void **state)
{
	struct consent_party p[3];
	size_t i;

	(void)state;
	memset(p, 0, sizeof(p));
	p[0].id = 100;
	p[0].state = CONSENT_PARTY_AKTIV;
	p[1].id = 101;
	p[1].state = CONSENT_PARTY_ATERKALLAD;
	p[2].id = 102;
	p[2].state = CONSENT_PARTY_AKTIV;
	/* The waiver 5 whole or per active party; the SUS consent 7 whole. */
	assert_int_equal(consent_revoke_choice(5, 7, p, 3, 5, 0, &i), 5);
	assert_int_equal(consent_revoke_choice(5, 7, p, 3, 7, 0, &i), 7);
	assert_int_equal(consent_revoke_choice(5, 7, p, 3, 5, 102, &i), 5);
	assert_int_equal(i, 2);
	assert_int_equal(consent_revoke_choice(5, 7, p, 3, 5, 101, &i), 0);
	assert_int_equal(consent_revoke_choice(5, 7, p, 3, 7, 100, &i), 0);
	assert_int_equal(consent_revoke_choice(5, 7, p, 3, 5, -1, &i), 0);
	/* Not one of the referral's revocable consents. */
	assert_int_equal(consent_revoke_choice(5, 7, p, 3, 6, 0, &i), 0);
	assert_int_equal(consent_revoke_choice(5, 0, p, 3, 0, 0, &i), 0);
	assert_int_equal(consent_revoke_choice(0, 0, NULL, 0, 5, 0, &i), 0);
}

static void
status_pick(void **state)
{
	struct consent l[4];

	(void)state;
	memset(l, 0, sizeof(l));
	/* Newest first: a draft, the one in force, an older revoked one. */
	l[0].kind = l[1].kind = l[2].kind = CONSENT_SEKRETESS;
	l[0].state = CONSENT_UTKAST;
	l[1].state = CONSENT_AKTIV;
	l[2].state = CONSENT_ATERKALLAD;
	l[3].kind = CONSENT_SUS;
	l[3].state = CONSENT_FELAKTIG;
	assert_int_equal(consent_pick(l, 4, CONSENT_SEKRETESS), 1);
	assert_int_equal(consent_pick(l, 4, CONSENT_SUS), -1);
	/* None in force: the newest given one. */
	l[1].state = CONSENT_UTGANGEN;
	assert_int_equal(consent_pick(l, 4, CONSENT_SEKRETESS), 1);
	l[1].state = CONSENT_FELAKTIG;
	assert_int_equal(consent_pick(l, 4, CONSENT_SEKRETESS), 2);
	assert_int_equal(consent_pick(l, 0, CONSENT_SEKRETESS), -1);
}

static void
periods(void **state)
{
	long long t = 20250615;

	(void)state;
	assert_int_equal(consent_ymd(STR_LIT(TODAY)), 20250615);
	assert_int_equal(consent_ymd(STR_LIT("2025-02-30")), 0);
	assert_int_equal(consent_ymd(STR_LIT("")), 0);
	assert_null(consent_period_error(20250601, 20251231, t, 20251231, 0));
	assert_null(consent_period_error(0, 20250615, t, 0, 0));
	assert_string_equal(consent_period_error(20250701, 20250630, t, 0, 0),
	    "Slutdatumet är före startdatumet.");
	assert_string_equal(consent_period_error(20250101, 20250614, t, 0, 0),
	    "Slutdatumet har redan passerat.");
	assert_string_equal(
	    consent_period_error(20250101, 20260101, t, 20251231, 0),
	    "Samtycket kan gälla längst till insatsens slut.");
	assert_string_equal(
	    consent_period_error(20250101, 20251001, t, 20251231, 20250930),
	    "Samtycket kan gälla längst till deltagandets slut.");
	assert_null(consent_paper_date_error(t, t));
	assert_non_null(consent_paper_date_error(t + 1, t));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(transitions_per_state),
		cmocka_unit_test(signing),
		cmocka_unit_test(handover),
		cmocka_unit_test(party_names),
		cmocka_unit_test(waiver_covers),
		cmocka_unit_test(revoke_choice),
		cmocka_unit_test(status_pick),
		cmocka_unit_test(runs_out),
		cmocka_unit_test(periods),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
