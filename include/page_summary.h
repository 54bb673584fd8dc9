/*
 * page_summary.h: the summary to the remittent (sammanfattande
 * dokumentation, include/summary.h) on the staff's and the remittent's
 * pages.
 *
 * Staff (page_summary.c): GET and POST /deltagande/:id/sammanfattning,
 * for the insats staff of the participation's insats (pv_load(): anyone
 * else 404, as the participation page). The form writes the draft, or a
 * correction (a new version pre-filled from the latest sent one); "Spara
 * utkast" (atgard=spara) saves it, "Skicka till remittenten"
 * (atgard=skicka) sends it. Every refusal is in Swedish with everything
 * typed kept: missing parts 400 next to their fields, a stale form or a
 * version sent meanwhile 409, no waiver 409. A retry answers as the first.
 *
 * The remittent (page_summary_read.c): GET /ansokningar/:id/sammanfattning
 * shows the sent versions, the latest or ?version=N, to those who reach the
 * referral and follow its participation within the waiver (VIS_FOLLOW,
 * summary_visible_to_remittent()); others
 * who reach the referral see only whether a summary exists; the rest 404,
 * as the application page. Each read is an access-log row.
 *
 * Both pages print on A4 as a clean document (views/static/stegvis.css,
 * @media print).
 */
#ifndef PAGE_SUMMARY_H
#define PAGE_SUMMARY_H

#include <stddef.h>

#include "app.h"
#include "form.h"

struct req;
struct view_ctx;
struct participation;
struct summary_record;

/* GET /deltagande/:id/sammanfattning */
enum app_err page_summary_form(struct req *);
/* POST /deltagande/:id/sammanfattning */
enum app_err page_summary_save(struct req *);
/* GET /ansokningar/:id/sammanfattning */
enum app_err page_summary_read(struct req *);

/* The forms for the registry (form_registry.c). */
const struct form_def *page_summary_forms(size_t *n);

/* For the participation page (views/deltagande.html, section
 * "Sammanfattande dokumentation"): sum_state (the latest version's state
 * in words), sum_link (the page may be opened: ended, not
 * felregistrerad). No statement: version_no and state are the newest
 * version's number (0: none) and state name, as participation_page_load()
 * read them. */
enum app_err summary_bind_participation(struct req *, struct view_ctx *,
    const struct participation *p, long long version_no, struct str state);

/*
 * Bind the document (list "doc", one item: the version numbered want, or
 * the newest of rows when want is 0 or not among them) and the list
 * "versions" of rows (version_no, label, sent_at, shown, href: base
 * "?version=N"). rows newest first (n may be 0: "doc" is empty). Times in
 * Swedish time. *shown gets the version number bound (0 none).
 */
enum app_err summary_bind_doc(struct req *, struct view_ctx *,
    const struct summary_record *rows, size_t n, long long want,
    const char *base, long long *shown);

#endif /* !PAGE_SUMMARY_H */
