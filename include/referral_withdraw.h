/*
 * referral_withdraw.h: the remittent withdraws an application (återkallar
 * ansökan), with a reason.
 *
 * The rule is referral_withdraw() (referral.h): from a draft, a submitted
 * one, one on the waiting list or one sent back. This module runs it as
 * one versioned edit (edit.h) under the referral's row lock: the status
 * set to aterkallad with the time and the reason, a history row for the
 * status and the reason, and an audit row ("withdrawn"). The inbox lists
 * inskickad and vantelista only, so the referral leaves every inbox as the
 * transaction commits. The caller checks that r's user is the remittent
 * who made it (access_referral(), ACCESS_OWN).
 */
#ifndef REFERRAL_WITHDRAW_H
#define REFERRAL_WITHDRAW_H

#include "app.h"
#include "edit.h"
#include "referral.h"
#include "str.h"

struct req;

/* The longest reason, in characters (the form's limit). */
#define REFERRAL_WITHDRAW_REASON_MAX 2000

/*
 * Withdraw referral id, read at version, for reason (trimmed, non-empty,
 * LF line breaks). APP_OK with *result: EDIT_SAVED, EDIT_STALE,
 * EDIT_BUSY, or EDIT_REFUSED with *refusal (REFERRAL_WITHDRAWN: a second
 * click or a retry; nothing is written twice). An error with nothing
 * written; APP_ENOTFOUND when there is no such referral.
 */
enum app_err referral_withdraw_run(struct req *, long long id,
    long long version, struct str reason, enum edit_result *result,
    enum referral_refusal *refusal);

#endif /* !REFERRAL_WITHDRAW_H */
