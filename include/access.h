/*
 * access.h: who may see which referral and participation.
 *
 * One place for the rules of the accounts issue, so every page asks the
 * same question the same way:
 *   - remittent: the referrals they made, those that name them as
 *     medremittent, and their unit's when the unit shares
 *     (organisation.share_within_unit);
 *   - insatspersonal: the submitted referrals (not drafts) and the
 *     participations of the insatser they are assigned to;
 *   - forbund, admin, integration: none (admin only if also one of the
 *     above).
 * A referral the caller may not see is reported as not found, never as
 * forbidden, so ids do not leak whether a record exists.
 */
#ifndef ACCESS_H
#define ACCESS_H

#include "app.h"
#include "visibility.h"

struct req;

/* How the caller reaches a referral (a bit set). */
enum access_via {
	ACCESS_OWN = 1 << 0,         /* the remittent who made it */
	ACCESS_COREMITTENT = 1 << 1, /* named as medremittent */
	ACCESS_UNIT = 1 << 2,        /* same unit, which shares */
	ACCESS_INSATS = 1 << 3,      /* staff of its insats (not a draft) */
};

/* The ways of the remittent side. */
#define ACCESS_VIA_REMITTENT (ACCESS_OWN | ACCESS_COREMITTENT | ACCESS_UNIT)

/*
 * May r's user see referral id? APP_OK with *via set, APP_ENOTFOUND when
 * the referral does not exist or is not theirs to see, database errors
 * otherwise. via may be NULL.
 */
enum app_err access_referral(
    struct req *, long long referral_id, unsigned *via);

/* The same for a participation (through its referral). */
enum app_err access_participation(
    struct req *, long long participation_id, unsigned *via);

/* Whether r's user reaches a record by the insats way, given the SQL
 * rule's answer for them (ACCESS_SQL_INSATS_WAY): only with the
 * insatspersonal role. For a page that loads its record and that answer in
 * one statement instead of asking access_participation() first. */
int access_insats_reaches(const struct req *, int reaches);

/* The same for ways found by access_referral() or access_participation():
 * 1 when via holds the insats way (ACCESS_INSATS) and r's user has the
 * role. A page of the insats's own record (the participation's contact
 * details, ...) asks this, never only whether some way reaches it: a
 * medremittent who also works in another insats has no insats way. */
int access_via_insats(const struct req *, unsigned via);

/* May r's user refer to insats_id (an active insats; any remittent may
 * refer to any active insats of the förbund)? APP_OK or APP_ENOTFOUND. */
enum app_err access_may_refer(struct req *, long long insats_id);

/*
 * What include/visibility.h decides from: r's user's roles, via, the
 * waiver w as it applies to the user's organisation and the shown
 * record's protected-identity flag.
 */
struct vis_in access_vis_in(
    const struct req *, unsigned via, enum vis_waiver w, int protected_);

/* The waiver of referral_id as it applies to org_id (visibility.h). */
enum app_err access_waiver(
    struct req *, long long referral_id, long long org_id, enum vis_waiver *w);

/*
 * *visible = 1 when the remittent side from org_id, reaching referral_id
 * through via, may see its details: vis_remittent_details() of its waiver
 * for org_id as vis_remittent_waiver() reads it for via. This is
 * consent_details_visible() (consent.h), decided by visibility.h.
 */
enum app_err access_details_visible(struct req *, long long referral_id,
    long long org_id, unsigned via, int *visible);

#endif /* !ACCESS_H */
