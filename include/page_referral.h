/*
 * page_referral.h: the remittent's pages: referral applications (ansökan),
 * drafts, submitting, their list and what was decided.
 *
 * Every page is for ROLE_REMITTENT (route.c). A referral is reached only
 * through access_referral(): one the caller may not see is a 404, never a
 * 403, so ids do not tell whether a referral exists. What of it is shown
 * is include/visibility.h's answer: the remittent side whose organisation
 * the waiver no longer names sees only that it exists. Only the remittent
 * who made it (VIS_EDIT) may change it, and only while referral.h allows
 * (a draft, or one sent back); medremittenter and unit colleagues may
 * look. Every read of a participant's data writes an audit row first;
 * every change is one transaction with its history rows and audit row.
 * Personnummer never travel in URLs: the search is a POST.
 */
#ifndef PAGE_REFERRAL_H
#define PAGE_REFERRAL_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct req;
struct view_ctx;
struct referral;
struct referral_links;
struct referral_row;

/* page_referral.c: the list, one referral, the search. */
enum app_err page_referrals(struct req *);       /* GET /ansokningar */
enum app_err page_referral(struct req *);        /* GET /ansokningar/:id */
enum app_err page_referral_search(struct req *); /* POST /ansokningar/sok */

/* page_referral_save.c: the application form's pages. */
enum app_err page_referral_new(struct req *);    /* GET /ansokningar/ny */
enum app_err page_referral_create(struct req *); /* POST /ansokningar/ny */
enum app_err page_referral_edit(struct req *);   /* GET .../:id/andra */
enum app_err page_referral_save(struct req *);   /* POST .../:id/andra */

/* page_referral_withdraw.c: the remittent withdraws it. */
enum app_err page_referral_withdraw(struct req *); /* POST .../aterkalla */

/* ---- shared by page_referral*.c ---- */

/* What the withdraw form on the referral's page shows back after a
 * refused POST: what was typed, the field's error, a page-level conflict
 * (all NULL / "" for a plain GET). */
struct ref_withdraw_form {
	struct str reason;
	const char *error;
	const char *conflict;
};

/* The referral's page (GET /ansokningar/:id), with the withdraw form as
 * wf says (NULL: empty). Access, visibility and the audit row as the GET:
 * a referral r's user may not see is APP_ENOTFOUND. */
enum app_err ref_page_render(
    struct req *, long long id, const struct ref_withdraw_form *wf);

/* The withdraw form's fields (static): the reason and the version the
 * page was read at. */
enum { REF_WITHDRAW_REASON, REF_WITHDRAW_VERSION, REF_WITHDRAW__MAX };
struct field_spec;
const struct field_spec *ref_withdraw_fields(void);

#define REF_CONFLICT_MSG                                                          \
	"Någon annan har ändrat ansökan medan du redigerade. Dina ändringar " \
	"är inte sparade; se de aktuella uppgifterna nedan."

/* The status column of a list row whose details the consent no longer
 * shows the caller's organisation. */
#define REF_CONSENT_HIDDEN_LABEL "Samtycke saknas"

/* The statement of the page that only says a referral exists: true
 * whether the caller's organisation was ever a party or not. */
#define REF_CONSENT_HIDDEN_MSG                                                 \
	"Samtycket omfattar inte din organisation. Uppgifterna i ansökan "    \
	"visas inte."
/* ... and before any waiver, to a medremittent from another organisation. */
#define REF_CONSENT_NOT_YET_MSG                                                \
	"Inget samtycke omfattar din organisation ännu. Uppgifterna i "       \
	"ansökan visas när deltagaren har gett ett samtycke "                \
	"(sekretesslättnad) som namnger din organisation."

/* The parts of ref (VIS_BIT()s, visibility.h) r's user sees, reaching it
 * through via (access_referral()). */
unsigned ref_parts(
    const struct req *, const struct referral *ref, unsigned via);

/* Bind rows (at most REFERRAL_LIST_MAX of nrows) as list "referrals" of
 * ctx, with "count" and "truncated"; a row whose details r's user may not
 * see says only that it exists. */
enum app_err ref_list_bind(struct req *, struct view_ctx *,
    const struct referral_row *rows, size_t nrows);

/* Bind the stored referral and person to ctx (English keys: status_label,
 * insats, first_name, ...); the address and phone only with VIS_ADDRESS
 * among parts. */
enum app_err ref_bind_stored(struct req *, struct view_ctx *,
    const struct referral *ref, unsigned parts);

/* Bind a referral's income sources ("income": label) and medremittenter
 * ("coremittents": name, contact, username, org, org_parent;
 * "has_coremittents") to ctx. */
enum app_err ref_bind_links(struct view_ctx *, const struct referral_links *);

/* The page that says only that ref exists: the insats, the person's name
 * and REF_CONSENT_HIDDEN_MSG (REF_CONSENT_NOT_YET_MSG when no waiver has
 * been given yet and the caller reaches it, through via, only as
 * medremittent), with why in words true of the waiver's state. An audit
 * read row with detail is written first. */
enum app_err ref_render_hidden(
    struct req *, const struct referral *ref, unsigned via, const char *detail);

/* page_referral_follow.c: bind only that ref has a participation, for the
 * page that shows only that the referral exists (ref_render_hidden()):
 * pa_exists, and pa_status_label (one word) when it has one. Reads no
 * course and writes no access-log row of the participation. */
enum app_err ref_follow_exists_bind(
    struct req *r, struct view_ctx *ctx, const struct referral *ref);

/* page_referral_follow.c: bind the participation of ref, if any, to ctx
 * for the partial "ansokan_deltagande": pa_exists, pa_status_label (one
 * word), pa_follow, and with VIS_FOLLOW (visibility.h, from the waiver's
 * scope as of today) its course: start, contact person, plan, mid-term
 * follow-ups, extensions, end (the reason only with VIS_OUTCOME) and the
 * summary's sending. Writes one access-log read row naming the
 * participation when the course is shown. via as access_referral()
 * found it. */
enum app_err ref_follow_bind(
    struct req *, struct view_ctx *, const struct referral *ref, unsigned via);

#endif /* !PAGE_REFERRAL_H */
