/*
 * consent_page.h: what the consent pages (app/page_consent*.c) share:
 * their forms' field tables, loading a consent and its referral under the
 * access rules, binding them to a view, and the two pages more than one
 * flow shows (the staff's consent page and the handover page).
 *
 * Access: consent_page_referral() lets a user reach a referral's consents
 * as access_referral() does (404 otherwise); the remittent side whose
 * organisation the latest waiver no longer names gets 403
 * (consent_details_visible()). A consent tablet reaches only its own
 * consent (include/tablet.h), with no staff access (via 0).
 */
#ifndef CONSENT_PAGE_H
#define CONSENT_PAGE_H

#include "app.h"
#include "consent.h"
#include "form.h"
#include "str.h"

struct consent;
struct consent_referral;
struct req;
struct view_ctx;

/* ------------------------------------------------------------------------
 * The forms (field tables in consent_page.c, registered with the form
 * registry by page_consent_forms())
 * --------------------------------------------------------------------- */

/* Prepare a consent: POST /samtycken/ansokan/:id/ny. */
enum consent_new_field {
	CN_TYP,
	CN_SPRAK,
	CN_TOLK,
	CN_TOLKSPRAK,
	CN_INHAMTA,
	CN_LAMNA,
	CN_SYFTE,
	CN_FRAN,
	CN_TILL,
	CN_SATT,
	CN_PAPPERSDATUM,
	CN_SVAR,
	CN_ONCE, /* the one-time key (once.h) */
	CN__MAX
};
extern const struct field_spec consent_new_spec[CN__MAX];

/* Sign on the tablet: POST /samtycken/:id/surfplatta. A drawn signature
 * (CS_SIGNATUR), or the full name typed once more (CS_NAMNUNDERSKRIFT)
 * and confirmed (CS_NAMNBEKRAFTELSE), the keyboard's way. */
enum consent_sign_field {
	CS_NAMN,
	CS_SIGNATUR,
	CS_SVAR,
	CS_NAMNUNDERSKRIFT,
	CS_NAMNBEKRAFTELSE,
	CS__MAX
};
extern const struct field_spec consent_sign_spec[CS__MAX];

/* Record a signed paper: POST /samtycken/:id/papper. */
enum consent_paper_field { CP_PAPPERSDATUM, CP_SVAR, CP__MAX };
extern const struct field_spec consent_paper_spec[CP__MAX];

/* Staff record a revocation: POST /samtycken/:id/aterkalla. */
enum consent_revoke_field { CR_PART, CR_HUR, CR_SKAL, CR__MAX };
extern const struct field_spec consent_revoke_spec[CR__MAX];

/* How a revocation staff record came in, by CR_HUR's index. */
extern const enum consent_how consent_revoke_ways[2];

/* Mark in error: POST /samtycken/:id/felaktig. */
enum consent_error_field { CE_SKAL, CE__MAX };
extern const struct field_spec consent_error_spec[CE__MAX];

/* The answer of a valid CN_SVAR/CS_SVAR/CP_SVAR field. */
enum consent_answer consent_page_answer(const struct field_val *v);

/* ------------------------------------------------------------------------
 * Loading
 * --------------------------------------------------------------------- */

/* The referral referral_id into *ref, if r's user may see its consents
 * (*via: how, include/access.h). APP_ENOTFOUND, APP_EFORBIDDEN. */
enum app_err consent_page_referral(struct req *, long long referral_id,
    unsigned *via, struct consent_referral *ref);

/*
 * The consent behind :id into *c with its referral, if r's user may see
 * it (on a consent tablet, its own consent, via 0). Expiry is written
 * back first, and with audit_detail (NULL: none) the read is logged as
 * one of the person.
 */
enum app_err consent_page_load(struct req *, long long *id, struct consent *c,
    unsigned *via, struct consent_referral *ref, const char *audit_detail);

/* ------------------------------------------------------------------------
 * Binding and the shared pages
 * --------------------------------------------------------------------- */

/* The referral's summary: who, which insats, the referring organisation. */
enum app_err consent_page_bind_referral(
    struct view_ctx *, const struct consent_referral *ref);

/* The consent itself in its language (the tablet's words too): pinned
 * text, parties, categories, directions, period, signature. */
enum app_err consent_page_bind_consent(
    struct req *, struct view_ctx *, const struct consent *c);

/* What was typed in one field of the staff page's forms (the paper date,
 * the revocation's or the in-error note), kept when the form comes back
 * with an error next to that field. */
struct consent_page_kept {
	const char *key;     /* the view's value key */
	const char *err_key; /* and its error's */
	struct str value;
	const char *error;
};

/* The staff's page of consent c (view "samtycke") with a notice, an error
 * (NULL for none) and a kept field (NULL for none). */
enum app_err consent_page_render(struct req *, const struct consent *c,
    const struct consent_referral *ref, unsigned via, const char *notice,
    const char *error, const struct consent_page_kept *kept);

/* The staff's handover page for consent c: what the tablet will show,
 * that they are logged out, how they take it back; the button when it may
 * be done, else refusal. */
enum app_err consent_page_render_handover(struct req *, const struct consent *c,
    const struct consent_referral *ref, enum consent_handover what,
    enum consent_refusal refusal);

/*
 * The handover of the consent behind :id for what, as far as a page can
 * tell before doing it: loaded as consent_page_load() does (audit_detail
 * for the access log), APP_EFORBIDDEN for a signing handover by someone
 * who does not take consents, else *refusal says whether it may be done.
 */
enum app_err consent_page_handover_check(struct req *,
    enum consent_handover what, const char *audit_detail, long long *id,
    struct consent *c, struct consent_referral *ref,
    enum consent_refusal *refusal);

/* GET /samtycken/:id/surfplatta or /aterkalla by staff: the handover
 * page. */
enum app_err consent_page_handover(struct req *, enum consent_handover what);

/* 303 to /samtycken/<id><suffix>, e.g. suffix "?givet=1". */
enum app_err consent_page_redirect(
    struct req *, long long id, const char *suffix);

#endif /* !CONSENT_PAGE_H */
