/* page_followup.c: the follow-up six months after the end on the staff's
 * pages; see include/page_followup.h. The rules are followup.c's. */
#include "audit.h"
#include "bind.h"
#include "edit.h"
#include "followup.h"
#include "page_followup.h"
#include "page_participation.h"
#include "pages.h"
#include "participation.h"
#include "req.h"
#include "session.h"
#include "view.h"

static const struct field_spec followup_spec[FUF__MAX] = {
	[FUF_SITUATION] = { "situation", FT_ENUM, 0, 0, FF_REQUIRED,
	    followup_situation_names },
	[FUF_VERSION] = { "version_uppfoljning", FT_INT, 0, 4294967295LL,
	    FF_REQUIRED, NULL },
};

#define FU_MSG_CHOOSE "Välj deltagarens situation sex månader efter avslutet."

/* ---- the participation page's panel ---- */

/* The follow-up questionnaire on the tablet (the questionnaire panel,
 * views/partials/deltag_enkater.html): fu_tablet when a code may be
 * opened, else fu_tablet_why. */
static enum app_err
tablet_bind(struct view_ctx *ctx, const char *why)
{
	enum app_err e;

	if ((e = view_ctx_set_bool(ctx, "fu_tablet", why == NULL)) != APP_OK)
		return e;
	return view_ctx_set_cstr(ctx, "fu_tablet_why", why);
}

enum app_err
followup_bind_participation(struct req *r, struct view_ctx *ctx,
    const struct participation *p, const struct followup_record *loaded,
    const struct followup_form *typed)
{
	struct followup_record rec = *loaded;
	long long end = participation_date_ymd(p->end_date), due;
	int ended = p->status == PARTICIPATION_AVSLUTAD && end > 0;
	enum followup_state s;
	enum followup_situation chosen = FU_SIT__MAX, at_end;
	enum app_err e;

	if ((e = view_ctx_set_bool(ctx, "fu_ended", ended)) != APP_OK)
		return e;
	if (!ended)
		/* The questionnaire panel's follow-up line (deltag_enkater). */
		return tablet_bind(
		    ctx, followup_tablet_refusal(r->a, FU_NOT_ENDED, 0));
	s = followup_state(1, end, rec.version > 0, participation_today());
	if ((e = tablet_bind(ctx, followup_tablet_refusal(r->a, s, end))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "fu_by_tablet", rec.tablet)) != APP_OK)
		return e;
	due = followup_due(end);
	at_end = followup_situation_at_end(rec.outcome);
	if (typed != NULL && typed->v[FUF_SITUATION].ok)
		chosen = (enum followup_situation)typed->v[FUF_SITUATION].i;
	else if (typed == NULL)
		chosen = followup_situation_from_name(rec.situation);
	if ((e = view_ctx_set_str(
	         ctx, "fu_due", participation_ymd_str(r->a, due))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "fu_open",
	         participation_ymd_str(r->a,
	             participation_add_days(due, -FOLLOWUP_OPEN_DAYS)))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "fu_close",
	         participation_ymd_str(r->a,
	             participation_add_days(due, FOLLOWUP_CLOSE_DAYS)))) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "fu_state", followup_state_label(s))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "fu_late",
	         s == FU_OVERDUE || s == FU_CLOSED)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "fu_end_situation",
	         followup_situation_label(at_end))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "fu_done", rec.version > 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "fu_situation",
	         rec.version > 0
	             ? followup_situation_label(
	                   followup_situation_from_name(rec.situation))
	             : "")) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "fu_date", rec.date)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "fu_by", rec.recorded_by)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "fu_version", rec.version)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "fu_form",
	         followup_refusal(r->a, s, end) == NULL)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "fu_error",
	         typed != NULL && !typed->v[FUF_SITUATION].ok ? FU_MSG_CHOOSE
	                                                      : NULL)) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "fu_choices")) != APP_OK)
		return e;
	for (int k = 0; k < FU_SIT__MAX; k++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "fu_choices");

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(it, "value",
		         followup_situation_name(
		             (enum followup_situation)k))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "label",
		         followup_situation_label(
		             (enum followup_situation)k))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "checked", (int)chosen == k)) !=
		        APP_OK)
			return e;
	}
	return APP_OK;
}

/* ---- recording it ---- */

enum app_err
page_participation_followup(struct req *r)
{
	struct pv_form f = { .kind = PV_NONE };
	struct followup_form ff;
	struct followup_input in;
	struct followup_outcome o;
	struct participation p;
	struct buf loc;
	long long id;
	size_t nerr = 0;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = pv_load(r, id, &p)) != APP_OK)
		return e;
	if ((e = form_validate(r->a, &r->form, followup_spec, FUF__MAX, ff.v,
	         &nerr)) != APP_OK)
		return e;
	f.followup = &ff;
	if (!ff.v[FUF_VERSION].ok) {
		f.form_error = PART_FORM_STALE_MSG;
		r->resp.status = 400;
		return pv_render(r, &p, &f);
	}
	if (!ff.v[FUF_SITUATION].ok) {
		r->resp.status = 400;
		return pv_render(r, &p, &f);
	}
	in.situation = (enum followup_situation)ff.v[FUF_SITUATION].i;
	in.version = ff.v[FUF_VERSION].i;
	if ((e = followup_save(r, &p, &in, &o)) != APP_OK)
		return e;
	switch (o.result) {
	case EDIT_SAVED:
		buf_init(&loc, r->a);
		if ((e = buf_printf(&loc, "/deltagande/%lld?%s#uppfoljning",
		         p.id, o.changed ? "sparat=1" : "oforandrat=1")) !=
		    APP_OK)
			return e;
		return page_redirect(r, loc.p);
	case EDIT_STALE: f.conflict = PART_CONFLICT_MSG; break;
	case EDIT_BUSY: f.conflict = EDIT_MSG_BUSY; break;
	case EDIT_REFUSED: f.conflict = o.refused; break;
	}
	r->resp.status = 409;
	return pv_render(r, &p, &f);
}

/* ---- the start page's reminders ---- */

static const struct bind_key due_map[] = {
	{ "id", "id" },
	{ "first_name", "first_name" },
	{ "last_name", "last_name" },
	{ "insats", "insats" },
	{ "end_date", "end_date" },
	{ "due_date", "due_date" },
};

enum app_err
followup_bind_start(struct req *r, struct view_ctx *ctx)
{
	struct followup_due_row *rows = NULL;
	struct buf detail;
	size_t n = 0;
	enum app_err e;

	if (r->user != NULL &&
	    (r->user->roles & ROLE_BIT(ROLE_INSATSPERSONAL)) &&
	    (e = followup_due_list(r, r->user->id, &rows, &n)) != APP_OK)
		return e;
	if ((e = view_ctx_set_list(ctx, "followups")) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "followup_count", (long long)n)) !=
	        APP_OK)
		return e;
	if (n == 0)
		return APP_OK;
	/* Names of participants are shown: one row for the list as such. */
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "follow-ups due: %zu", n)) != APP_OK ||
	    (e = audit_write(r, AUDIT_READ, "participation_list", -1,
	         STR_LIT(""), buf_str(&detail))) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "followups");

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &followup_due_row_record, due_map,
		         BIND_N(due_map), &rows[i])) != APP_OK ||
		    (e = view_ctx_set_bool(it, "overdue", rows[i].overdue)) !=
		        APP_OK)
			return e;
	}
	return APP_OK;
}

static const struct form_def followup_forms[] = {
	{ "POST /deltagande/:id/uppfoljning",
	    "partials/deltag_form_uppfoljning", followup_spec, FUF__MAX },
};

const struct form_def *
page_followup_forms(size_t *n)
{
	*n = sizeof(followup_forms) / sizeof(followup_forms[0]);
	return followup_forms;
}
