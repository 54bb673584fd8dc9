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

struct req;

/* How the caller reaches a referral (a bit set). */
enum access_via {
	ACCESS_OWN = 1 << 0,         /* the remittent who made it */
	ACCESS_COREMITTENT = 1 << 1, /* named as medremittent */
	ACCESS_UNIT = 1 << 2,        /* same unit, which shares */
	ACCESS_INSATS = 1 << 3,      /* staff of its insats */
};

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

/* May r's user refer to insats_id (an active insats; any remittent may
 * refer to any active insats of the förbund)? APP_OK or APP_ENOTFOUND. */
enum app_err access_may_refer(struct req *, long long insats_id);

#endif /* !ACCESS_H */
