/* test_summary.c: unit tests for the summary to the remittent
 * (app/summary.c): its states and labels, the required parts, who may
 * write it when, the decision of a save or a send against what is stored,
 * and who on the remittent side sees it. No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "access.h"
#include "participation.h"
#include "session.h"
#include "str.h"
#include "summary.h"
#include "visibility.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static void
states(void **state)
{
	(void)state;
	assert_string_equal(summary_state_name(SUMMARY_UTKAST), "utkast");
	assert_string_equal(summary_state_name(SUMMARY_SKICKAD), "skickad");
	assert_null(summary_state_name(SUMMARY_STATE__MAX));
	assert_int_equal(
	    summary_state_from_name(S("skickad")), SUMMARY_SKICKAD);
	assert_int_equal(summary_state_from_name(S("utkast")), SUMMARY_UTKAST);
	assert_int_equal(
	    summary_state_from_name(S("ersatt")), SUMMARY_STATE__MAX);
	assert_string_equal(summary_version_label(SUMMARY_UTKAST, 0), "Utkast");
	assert_string_equal(
	    summary_version_label(SUMMARY_SKICKAD, 0), "Skickad");
	assert_string_equal(summary_version_label(SUMMARY_SKICKAD, 1),
	    "Ersatt av en senare version");
}

/* Sending needs what was done, the result, the participant's view, the
 * next step and who does it; by when and the free text may be empty. */
static void
required_parts(void **state)
{
	struct str parts[SP__MAX];

	(void)state;
	for (int k = 0; k < SP__MAX; k++)
		parts[k] = S("text");
	assert_int_equal(summary_missing(parts), 0);
	parts[SP_NEXT_BY] = S("");
	parts[SP_FREE] = S("");
	assert_int_equal(summary_missing(parts), 0);
	parts[SP_OWN_VIEW] = S("");
	assert_int_equal(summary_missing(parts), 1u << SP_OWN_VIEW);
	parts[SP_NEXT_WHO] = S("");
	parts[SP_DONE] = S("");
	assert_int_equal(summary_missing(parts),
	    (1u << SP_OWN_VIEW) | (1u << SP_NEXT_WHO) | (1u << SP_DONE));
	for (int k = 0; k < SP__MAX; k++)
		assert_int_equal(summary_part_required((enum summary_part)k),
		    k != SP_NEXT_BY && k != SP_FREE);
	assert_string_equal(summary_part_keys[SP_OWN_VIEW], "egen_syn");
	assert_string_equal(summary_part_field(SP_DONE), "summary_done");
	assert_string_equal(summary_part_label(SP_NEXT_WHO), "Vem gör vad");
}

/* Written only after the end, never for an erroneous registration. */
static void
written_after_the_end(void **state)
{
	(void)state;
	assert_null(summary_write_refusal(PARTICIPATION_AVSLUTAD));
	assert_string_equal(summary_write_refusal(PARTICIPATION_INSKRIVEN),
	    SUMMARY_MSG_NOT_ENDED);
	assert_string_equal(summary_write_refusal(PARTICIPATION_FELREGISTRERAD),
	    SUMMARY_MSG_FELREG);
	assert_string_equal(summary_write_refusal(PARTICIPATION_STATUS__MAX),
	    SUMMARY_MSG_NOT_ENDED);
}

#define DECIDE(no, st, ver, fno, fver, key, same, act)                         \
	summary_decide(&(struct summary_head){ (no), (st), (ver) }, (fno),     \
	    (fver), (key), (same), (act))

static void
decide_new_versions(void **state)
{
	(void)state;
	/* The first version. */
	assert_int_equal(
	    DECIDE(0, SUMMARY_UTKAST, 0, 0, 0, 0, 0, SUMMARY_SAVE), SV_CREATE);
	assert_int_equal(
	    DECIDE(0, SUMMARY_UTKAST, 0, 0, 0, 0, 0, SUMMARY_SEND), SV_CREATE);
	/* Its form sent again after it went through: the key found it. */
	assert_int_equal(
	    DECIDE(1, SUMMARY_UTKAST, 1, 0, 0, 1, 1, SUMMARY_SAVE), SV_RETRY);
	assert_int_equal(
	    DECIDE(1, SUMMARY_SKICKAD, 1, 0, 0, 1, 0, SUMMARY_SEND), SV_RETRY);
	/* Someone else started one meanwhile (another key). */
	assert_int_equal(
	    DECIDE(1, SUMMARY_UTKAST, 1, 0, 0, 0, 0, SUMMARY_SAVE), SV_STALE);
	/* A correction on top of the sent version 1. */
	assert_int_equal(
	    DECIDE(1, SUMMARY_SKICKAD, 3, 1, 0, 0, 0, SUMMARY_SAVE), SV_CREATE);
	assert_int_equal(
	    DECIDE(1, SUMMARY_SKICKAD, 3, 1, 0, 0, 1, SUMMARY_SEND), SV_CREATE);
	/* ... while another correction was started, or sent, meanwhile. */
	assert_int_equal(
	    DECIDE(2, SUMMARY_UTKAST, 1, 1, 0, 0, 0, SUMMARY_SAVE), SV_STALE);
	assert_int_equal(
	    DECIDE(2, SUMMARY_SKICKAD, 2, 1, 0, 0, 0, SUMMARY_SAVE), SV_STALE);
	/* A form claiming a version that is not there. */
	assert_int_equal(
	    DECIDE(0, SUMMARY_UTKAST, 0, 3, 0, 0, 0, SUMMARY_SAVE), SV_STALE);
}

static void
decide_drafts(void **state)
{
	(void)state;
	/* A draft is saved any number of times at its row version. */
	assert_int_equal(
	    DECIDE(1, SUMMARY_UTKAST, 4, 1, 4, 0, 0, SUMMARY_SAVE), SV_UPDATE);
	assert_int_equal(
	    DECIDE(1, SUMMARY_UTKAST, 4, 1, 4, 0, 1, SUMMARY_SAVE), SV_UPDATE);
	assert_int_equal(
	    DECIDE(1, SUMMARY_UTKAST, 4, 1, 4, 0, 0, SUMMARY_SEND), SV_UPDATE);
	/* Read at an older version: stale unless nothing typed differs. */
	assert_int_equal(
	    DECIDE(1, SUMMARY_UTKAST, 5, 1, 4, 0, 0, SUMMARY_SAVE), SV_STALE);
	assert_int_equal(
	    DECIDE(1, SUMMARY_UTKAST, 5, 1, 4, 0, 0, SUMMARY_SEND), SV_STALE);
	assert_int_equal(
	    DECIDE(1, SUMMARY_UTKAST, 5, 1, 4, 0, 1, SUMMARY_SAVE), SV_RETRY);
	assert_int_equal(
	    DECIDE(1, SUMMARY_UTKAST, 5, 1, 4, 0, 1, SUMMARY_SEND), SV_UPDATE);
	/* Sent meanwhile: frozen, but the same send again is a retry. */
	assert_int_equal(
	    DECIDE(1, SUMMARY_SKICKAD, 6, 1, 4, 0, 0, SUMMARY_SAVE), SV_FROZEN);
	assert_int_equal(
	    DECIDE(1, SUMMARY_SKICKAD, 6, 1, 4, 0, 1, SUMMARY_SAVE), SV_FROZEN);
	assert_int_equal(
	    DECIDE(1, SUMMARY_SKICKAD, 6, 1, 4, 0, 0, SUMMARY_SEND), SV_FROZEN);
	assert_int_equal(
	    DECIDE(1, SUMMARY_SKICKAD, 6, 1, 4, 0, 1, SUMMARY_SEND), SV_RETRY);
	/* A later version exists: an old draft's form is stale. */
	assert_int_equal(
	    DECIDE(2, SUMMARY_UTKAST, 1, 1, 4, 0, 1, SUMMARY_SAVE), SV_STALE);
}

/* The remittent side sees it as it follows the participation
 * (VIS_FOLLOW): a waiver naming their organisation that lets the insats
 * disclose planning, in force or closed by the summary it let be sent. */
static void
remittent_sees(void **state)
{
	unsigned rem = ROLE_BIT(ROLE_REMITTENT);
	unsigned staff = ROLE_BIT(ROLE_INSATSPERSONAL);
	unsigned lets = VIS_SCOPE_DISCLOSE | VIS_SCOPE_PLANERING;
	unsigned now = lets | VIS_SCOPE_CURRENT;
	unsigned sent = lets | VIS_SCOPE_DELIVERED;

	(void)state;
	assert_true(summary_visible_to_remittent(
	    rem, ACCESS_OWN, VIS_WAIVER_NAMES_ORG, 0, now));
	assert_true(summary_visible_to_remittent(
	    rem, ACCESS_COREMITTENT, VIS_WAIVER_NAMES_ORG, 1, now));
	assert_true(summary_visible_to_remittent(
	    rem, ACCESS_OWN, VIS_WAIVER_EXPIRED_NAMES_ORG, 0, sent));
	/* What the waiver does not let the insats disclose. */
	assert_false(summary_visible_to_remittent(rem, ACCESS_OWN,
	    VIS_WAIVER_NAMES_ORG, 0, VIS_SCOPE_PLANERING | VIS_SCOPE_CURRENT));
	assert_false(summary_visible_to_remittent(rem, ACCESS_OWN,
	    VIS_WAIVER_NAMES_ORG, 0, VIS_SCOPE_DISCLOSE | VIS_SCOPE_CURRENT));
	assert_false(summary_visible_to_remittent(
	    rem, ACCESS_OWN, VIS_WAIVER_EXPIRED_NAMES_ORG, 0, now));
	/* The referral's own details are not the participation's. */
	assert_false(summary_visible_to_remittent(
	    rem, ACCESS_OWN, VIS_WAIVER_NONE, 0, 0));
	assert_false(summary_visible_to_remittent(
	    rem, ACCESS_COREMITTENT, VIS_WAIVER_NONE_OTHER_ORG, 0, now));
	assert_false(summary_visible_to_remittent(
	    rem, ACCESS_COREMITTENT, VIS_WAIVER_OTHER_ORGS, 0, now));
	assert_false(summary_visible_to_remittent(
	    rem, ACCESS_OWN, VIS_WAIVER_REVOKED, 0, sent));
	assert_false(summary_visible_to_remittent(
	    rem, ACCESS_OWN, VIS_WAIVER_IN_ERROR, 0, now));
	/* Only the remittent ways count: not the insats way, nor a way
	 * without its role. */
	assert_false(summary_visible_to_remittent(
	    staff | rem, ACCESS_INSATS, VIS_WAIVER_OTHER_ORGS, 0, now));
	assert_false(summary_visible_to_remittent(
	    staff, ACCESS_OWN, VIS_WAIVER_NAMES_ORG, 0, now));
	assert_false(summary_visible_to_remittent(
	    ROLE_BIT(ROLE_FORBUND), ACCESS_OWN, VIS_WAIVER_NAMES_ORG, 0, now));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(states),
		cmocka_unit_test(required_parts),
		cmocka_unit_test(written_after_the_end),
		cmocka_unit_test(decide_new_versions),
		cmocka_unit_test(decide_drafts),
		cmocka_unit_test(remittent_sees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
