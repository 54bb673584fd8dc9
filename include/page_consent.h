/*
 * page_consent.h: the consent pages (issue "Consent"), for the staff who
 * take a consent and for the participant on the tablet.
 *
 *   /samtycken/ansokan/:id        every consent of one referral, and its state
 *   /samtycken/ansokan/:id/ny     prepare a waiver or SUS consent (staff)
 *   /samtycken/:id                one consent: pinned text, parties, events,
 *                                 and the staff's forms (paper, revoke, error)
 *   /samtycken/:id/overlamna      staff hand the tablet over (POST): their
 *                                 session on the device ends, a tablet
 *                                 session for this consent begins
 *   /samtycken/:id/surfplatta     the participant reads and signs (tablet);
 *                                 for staff the handover page
 *   /samtycken/:id/aterkalla      the participant revokes (tablet: each
 *                                 consent of the referral on its own, with
 *                                 a confirmation); for staff the handover
 *                                 page (GET), or a revocation that came
 *                                 orally or in writing (POST)
 *   /samtycken/:id/kopia          the participant's printable copy
 *   /admin/samtyckestexter        the versioned texts (admin)
 *
 * The handlers, by job: the overview and one consent (page_consent.c);
 * preparing, paper and in error (page_consent_staff.c); the handover, the
 * tablet's signing and the copy (page_consent_tablet.c); revoking, on the
 * tablet or recorded by staff (page_consent_revoke.c); the texts
 * (page_admin_consent.c). What they share (the forms' field tables,
 * loading under the access rules, binding) is include/consent_page.h; the
 * rules and transitions include/consent.h; the records
 * include/consent_record.h; the tablet's words include/tablet_i18n.h.
 *
 * Access: access_referral() on the consent's referral (404 otherwise).
 * Taking a consent (prepare, hand over for signing, paper, mark in error)
 * is for the remittent who made the referral and the insats staff;
 * recording a revocation, or handing the tablet over for one, is for
 * anyone who may see the referral, since revoking must be as easy as
 * giving. Every read and change writes the audit log; every change is one
 * transaction with its consent_event rows.
 *
 * The tablet pages are served only to a consent tablet session (see
 * include/tablet.h) for its own consent, never in a staff member's
 * session: in a layout with no navigation (layout_surfplatta) that locks
 * after TABLET_IDLE_SECONDS idle, in the consent's language with its
 * direction (Arabic right to left). What the tablet does is logged as the
 * tablet's (include/audit.h), and its consent events name the staff
 * member who handed it over, with how "surfplatta".
 */
#ifndef PAGE_CONSENT_H
#define PAGE_CONSENT_H

#include "app.h"

struct req;

enum app_err page_consents(struct req *);       /* GET /samtycken/ansokan/:id */
enum app_err page_consent_new(struct req *);    /* GET .../ansokan/:id/ny */
enum app_err page_consent_create(struct req *); /* POST .../ansokan/:id/ny */
enum app_err page_consent(struct req *);        /* GET /samtycken/:id */
enum app_err page_consent_tablet(
    struct req *); /* GET /samtycken/:id/surfplatta */
enum app_err page_consent_sign(
    struct req *); /* POST /samtycken/:id/surfplatta */
enum app_err page_consent_handover(
    struct req *); /* POST /samtycken/:id/overlamna */
enum app_err page_consent_paper(struct req *); /* POST /samtycken/:id/papper */
enum app_err page_consent_copy(struct req *);  /* GET /samtycken/:id/kopia */
enum app_err page_consent_revoke_tablet(
    struct req *); /* GET /samtycken/:id/aterkalla */
enum app_err page_consent_revoke(
    struct req *); /* POST /samtycken/:id/aterkalla */
enum app_err page_consent_error(
    struct req *); /* POST /samtycken/:id/felaktig */

enum app_err page_admin_consent_texts(
    struct req *); /* GET /admin/samtyckestexter */
enum app_err page_admin_consent_text(
    struct req *); /* GET /admin/samtyckestexter/:id */
enum app_err page_admin_consent_text_save(
    struct req *); /* POST /admin/samtyckestexter/:id */
enum app_err page_admin_consent_text_add(
    struct req *); /* POST /admin/samtyckestexter/ny */

#endif /* !PAGE_CONSENT_H */
