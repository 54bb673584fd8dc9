/*
 * consent.h: the consent rules every page asks (DOMAIN.md "Consent").
 *
 * Two kinds per referral (and so per participation): the secrecy waiver
 * (sekretesslättnad) naming parties, categories and a period, and the SUS
 * consent (yes or no). sql/0008_consent.sql documents the states.
 *
 * The rules, asked at the moment of an action, never cached from a page:
 *   - a waiver is *in force* when it is aktiv, today is within valid_from ..
 *     valid_until, and its participation has not closed (marked in error,
 *     or ended with the summary sent);
 *   - it *covers* an organisation when it is in force and one of its active
 *     parties is that organisation or its parent member;
 *   - submitting an application needs a waiver covering the referring
 *     organisation, or the marker "consent at the VISA visit"; a decision
 *     on it needs the waiver (whatever the marker);
 *   - the summary may go to the remittent only under a covering waiver
 *     that allows disclosure;
 *   - the remittent side sees an application's details only while the
 *     latest given waiver still names their organisation (in force or
 *     expired); after a revocation they see only that it exists. Before
 *     any waiver is given they see what they wrote themselves.
 */
#ifndef CONSENT_H
#define CONSENT_H

#include "app.h"
#include "str.h"

struct req;
struct view_ctx;

/* Today as YYYY-MM-DD in the request arena: the date every rule uses. */
struct str consent_today(struct req *);

/* Write expiry back: each aktiv waiver of referral_id that is no longer in
 * force by date or participation becomes utgangen with an event and an
 * audit row. Readers do not depend on it (the rules check dates
 * themselves); it keeps the stored state and history honest. Runs in the
 * caller's transaction if any, else in its own. */
enum app_err consent_expire(struct req *, long long referral_id);

/* *covered = 1 when a waiver of referral_id in force names org_id (or its
 * parent) as an active party, and, with need_disclose, allows disclosure. */
enum app_err consent_covers(struct req *, long long referral_id,
    long long org_id, int need_disclose, int *covered);

/* *visible = 1 when the remittent side from org_id may see the details of
 * referral_id (see the rules above). */
enum app_err consent_details_visible(
    struct req *, long long referral_id, long long org_id, int *visible);

/*
 * The consents of referral_id the participant may revoke, each on its own
 * (0 when there is none): *waiver the secrecy waiver given last, while it
 * is aktiv or utgangen (revoking an expired one still ends what the
 * remittent side sees); *sus the SUS consent in force that says yes (a
 * "no" has nothing to revoke). The tablet's revocation page offers exactly
 * these, whichever of the two consents was handed over.
 */
enum app_err consent_revocable(
    struct req *, long long referral_id, long long *waiver, long long *sus);

/* The Swedish label of a consent state (utkast, aktiv, ...). Static. */
const char *consent_state_label(struct str state);

/*
 * Bind the consent summary of referral_id for the partial
 * "samtycke_status" into ctx: consent_referral_id (for the link), the
 * waiver's state and label, its parties with their state, the SUS
 * consent's state, whether the referring organisation is covered, and the
 * VISA marker. via is how the caller reaches the referral (access.h, as
 * the handler's access check found it): only ACCESS_INSATS is told whether
 * a SUS "yes" is reported with the personnummer, which depends on the
 * insats's record of the person. Writes expiry back first
 * (consent_expire()). Reads no personal data beyond consent metadata.
 */
enum app_err consent_bind_status(
    struct req *, struct view_ctx *, long long referral_id, unsigned via);

#endif /* !CONSENT_H */
