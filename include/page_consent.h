/*
 * page_consent.h: the consent pages (issue "Consent"), for the staff who
 * take a consent and for the participant on the tablet.
 *
 *   /samtycken/ansokan/:id        every consent of one referral, and its state
 *   /samtycken/ansokan/:id/ny     prepare a waiver or SUS consent (staff)
 *   /samtycken/:id                one consent: pinned text, parties, events,
 *                                 and the staff's forms (paper, revoke, error)
 *   /samtycken/:id/surfplatta     the participant reads and signs (tablet)
 *   /samtycken/:id/aterkalla      the participant revokes (tablet, GET) or
 *                                 anyone with access records it (POST)
 *   /samtycken/:id/kopia          the participant's printable copy
 *   /admin/samtyckestexter        the versioned texts (admin)
 *
 * Access: access_referral() on the consent's referral (404 otherwise).
 * Taking a consent (prepare, sign, paper, mark in error) is for the
 * remittent who made the referral and the insats staff; recording a
 * revocation is for anyone who may see the referral, since revoking must
 * be as easy as giving. Every read and change writes the audit log; every
 * change is one transaction with its consent_event rows.
 *
 * The tablet pages run in the staff member's session in a layout with no
 * navigation (layout_surfplatta), in the consent's language with its
 * direction (Arabic right to left).
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
