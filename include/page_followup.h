/*
 * page_followup.h: the follow-up six months after the end on the staff's
 * pages (the rules and the record are followup.h's):
 *   - POST /deltagande/:id/uppfoljning records or corrects the situation
 *     (the insats's own staff only: anyone else gets 404, as the
 *     participation page does); 400 without a situation, 409 when the
 *     rule refuses or the record moved on, the choice kept;
 *   - the participation page's panel (views/partials/deltag_uppfoljning);
 *   - the start page's reminders (views/partials/start_uppfoljning).
 */
#ifndef PAGE_FOLLOWUP_H
#define PAGE_FOLLOWUP_H

#include <stddef.h>

#include "app.h"
#include "form.h"

struct req;
struct view_ctx;
struct participation;

/* The submitted follow-up form: what was chosen, for the page re-rendered
 * with it. */
enum followup_field { FUF_SITUATION, FUF_VERSION, FUF__MAX };
struct followup_record;
struct followup_form {
	struct field_val v[FUF__MAX];
};

/* POST /deltagande/:id/uppfoljning: situation=<name>,
 * version_uppfoljning=<the follow-up's version, 0 when none>. */
enum app_err page_participation_followup(struct req *);

/* Bind the panel of p into ctx (no statement): keys fu_*; loaded: its
 * follow-up as the page's load read it (participation_page_load(), the
 * same as followup_load()); typed: the submitted form, NULL when none. */
enum app_err followup_bind_participation(struct req *, struct view_ctx *ctx,
    const struct participation *p, const struct followup_record *loaded,
    const struct followup_form *typed);

/* Bind the reminders of the caller's insatser (list "followups",
 * "followup_count"), with one access-log row for the list when there are
 * any. Nothing for a caller who is not insats staff (the count 0). */
enum app_err followup_bind_start(struct req *, struct view_ctx *ctx);

/* The form of this module for the registry (form_registry.h). */
const struct form_def *page_followup_forms(size_t *n);

#endif /* !PAGE_FOLLOWUP_H */
