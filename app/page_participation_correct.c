/* page_participation_correct.c: the corrections of a participation on a
 * page of their own (/deltagande/:id/rattelse): the admission data,
 * reopening one ended by mistake, marking one felregistrerad; see
 * include/page_participation.h. The rules and the changes are
 * participation_correct.c's. */
#include "audit.h"
#include "bind.h"
#include "form_registry.h"
#include "page_participation.h"
#include "pages.h"
#include "participation.h"
#include "participation_correct.h"
#include "req.h"
#include "view.h"

enum { AD_START, AD_CONTACT, AD_HOURS, AD_VERSION, AD__MAX };
static const struct field_spec ad_spec[AD__MAX] = {
	[AD_START] = { "startdatum", FT_DATE, 20000101, 0, FF_REQUIRED, NULL },
	[AD_CONTACT] = { "kontaktperson", FT_INT, 1, 4294967295LL, FF_REQUIRED,
	    NULL },
	[AD_HOURS] = { "timmar", FT_INT, 1, PARTICIPATION_PLAN_MAX_HOURS,
	    FF_REQUIRED, NULL },
	[AD_VERSION] = { "version", FT_INT, 1, 4294967295LL, FF_REQUIRED,
	    NULL },
};

/* Reopening and marking in error: a reason and the version. */
enum { RS_REASON, RS_VERSION, RS__MAX };
static const struct field_spec ro_spec[RS__MAX] = {
	[RS_REASON] = { "skal_oppna", FT_TEXT, 1, 1000, FF_REQUIRED, NULL },
	[RS_VERSION] = { "version", FT_INT, 1, 4294967295LL, FF_REQUIRED,
	    NULL },
};
static const struct field_spec fe_spec[RS__MAX] = {
	[RS_REASON] = { "skal_fel", FT_TEXT, 1, 1000, FF_REQUIRED, NULL },
	[RS_VERSION] = { "version", FT_INT, 1, 4294967295LL, FF_REQUIRED,
	    NULL },
};

/* The submitted form and what came of it. */
struct pcform {
	enum pcorrect kind; /* PCORRECT__MAX: none submitted */
	struct field_val ad[AD__MAX], rs[RS__MAX];
	const char *conflict, *form_error;
};

static const struct bind_key page_map[] = {
	{ "id", "id" },
	{ "version", "version" },
	{ "insats", "insats" },
	{ "first_name", "first_name" },
	{ "last_name", "last_name" },
	{ "start_date", "start_date" },
	{ "planned_end", "planned_end" },
	{ "end_date", "end_date" },
	{ "end_reason", "end_reason" },
	{ "contact", "contact" },
	{ "hours_per_week", "hours_per_week" },
};

static const struct bind_key staff_map[] = {
	{ "id", "value" },
	{ "name", "label" },
};

/* The admission form: typed, else stored. */
static enum app_err
pcf_bind_admission(struct req *r, struct view_ctx *ctx,
    const struct participation *p, const struct pcform *f)
{
	struct staff_option *staff;
	size_t nstaff;
	int typed = f->kind == PCORRECT_ADMISSION;
	enum app_err e;

	if ((e = participation_insats_staff(
	         r, p->insats_id, &staff, &nstaff)) != APP_OK ||
	    (e = bind_options(ctx, "contacts", &staff_option_record, staff_map,
	         BIND_N(staff_map), staff, nstaff, "id",
	         typed ? f->ad[AD_CONTACT].s : p->contact_id)) != APP_OK)
		return e;
	if (!typed) {
		if ((e = view_ctx_set_str(ctx, "ad_start", p->start_date)) !=
		        APP_OK ||
		    (e = view_ctx_set_str(
		         ctx, "ad_hours", p->hours_per_week)) != APP_OK)
			return e;
		return APP_OK;
	}
	if ((e = part_ctx_field(ctx, "ad_start", "ad_start_error",
	         &f->ad[AD_START])) != APP_OK ||
	    (e = part_ctx_field(ctx, "ad_hours", "ad_hours_error",
	         &f->ad[AD_HOURS])) != APP_OK ||
	    (!f->ad[AD_CONTACT].ok &&
	        (e = page_form_error(ctx, "ad_contact_error",
	             f->ad[AD_CONTACT].error)) != APP_OK))
		return e;
	return APP_OK;
}

static enum app_err
pcf_render(struct req *r, const struct participation *p, const struct pcform *f)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	long long start = participation_date_ymd(p->start_date);
	struct str none = STR_LIT("");
	struct pcorrect_facts facts;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = participation_correct_facts(r, p, &facts)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "plan_hours", facts.plan_hours > 0)) !=
	        APP_OK)
		return e;
	/* p->summary_sent is Swedish time already (DB_F_UTC_TIME). */
	if ((e = audit_write(r, AUDIT_READ, "participation", p->id,
	         p->personnummer, STR_LIT("corrections"))) != APP_OK ||
	    (e = bind_record(ctx, &participation_record, page_map,
	         BIND_N(page_map), p)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "summary_sent", p->summary_sent)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "status_label",
	         participation_status_label(p->status))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "can_admission",
	         participation_correct_refusal(p->status, PCORRECT_ADMISSION) ==
	             NULL)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "can_reopen",
	         participation_correct_refusal(p->status, PCORRECT_REOPEN) ==
	             NULL)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "can_error",
	         participation_correct_refusal(p->status, PCORRECT_ERROR) ==
	             NULL)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "future_start",
	         start > participation_today())) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "conflict", f->conflict)) != APP_OK ||
	    (e = page_form_error(ctx, "form_error", f->form_error)) != APP_OK ||
	    (e = page_form_limits(r, ctx, ro_spec, RS__MAX)) != APP_OK ||
	    (e = page_form_limits(r, ctx, fe_spec, RS__MAX)) != APP_OK ||
	    (e = pcf_bind_admission(r, ctx, p, f)) != APP_OK)
		return e;
	if ((e = f->kind == PCORRECT_REOPEN
	            ? part_ctx_field(ctx, "ro_reason", "ro_reason_error",
	                  &f->rs[RS_REASON])
	            : view_ctx_set_str(ctx, "ro_reason", none)) != APP_OK ||
	    (e = f->kind == PCORRECT_ERROR
	            ? part_ctx_field(ctx, "fe_reason", "fe_reason_error",
	                  &f->rs[RS_REASON])
	            : view_ctx_set_str(ctx, "fe_reason", none)) != APP_OK)
		return e;
	return page_render(r, "deltagande_rattelse", "Rätta deltagandet", ctx);
}

/* The participation of the route into *p and the submitted form's
 * fields (spec) into v; a correction its state does not allow is 409,
 * rendered (*done). */
static enum app_err
pcf_start(struct req *r, struct participation *p, struct pcform *f,
    const struct field_spec *spec, size_t nspec, struct field_val *v, int *done)
{
	const char *refused;
	long long id;
	size_t n = 0;
	enum app_err e;

	*done = 0;
	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = pv_load(r, id, p)) != APP_OK ||
	    (e = form_validate(r->a, &r->form, spec, nspec, v, &n)) != APP_OK)
		return e;
	if ((refused = participation_correct_refusal(p->status, f->kind)) !=
	    NULL) {
		f->conflict = refused;
		r->resp.status = 409;
		*done = 1;
		return pcf_render(r, p, f);
	}
	return APP_OK;
}

/* What came of a correction: saved, back to the participation; else 409
 * with what is stored now and what was typed. */
static enum app_err
pcf_outcome(struct req *r, struct participation *p, struct pcform *f,
    const struct participation_outcome *o)
{
	struct buf loc;
	enum app_err e;

	switch (o->result) {
	case EDIT_SAVED:
		buf_init(&loc, r->a);
		if ((e = buf_printf(&loc, "/deltagande/%lld?%s", p->id,
		         o->changed ? "sparat=1" : "oforandrat=1")) != APP_OK)
			return e;
		return page_redirect(r, loc.p);
	case EDIT_STALE: f->conflict = PART_CONFLICT_MSG; break;
	case EDIT_BUSY: f->conflict = EDIT_MSG_BUSY; break;
	case EDIT_REFUSED: f->conflict = o->refused; break;
	}
	if ((e = pv_load(r, p->id, p)) != APP_OK)
		return e;
	r->resp.status = 409;
	return pcf_render(r, p, f);
}

enum app_err
page_participation_correct_form(struct req *r)
{
	struct pcform f = { .kind = PCORRECT__MAX };
	struct participation p;
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = pv_load(r, id, &p)) != APP_OK)
		return e;
	return pcf_render(r, &p, &f);
}

enum app_err
page_participation_correct(struct req *r)
{
	struct pcform f = { .kind = PCORRECT_ADMISSION };
	struct participation p;
	struct participation_admission in;
	struct participation_outcome o;
	struct pcorrect_facts facts;
	struct staff_option *staff;
	struct field_val *v = f.ad;
	size_t nstaff;
	int done, found = 0;
	enum app_err e;

	if ((e = pcf_start(r, &p, &f, ad_spec, AD__MAX, v, &done)) != APP_OK ||
	    done)
		return e;
	if ((e = participation_correct_facts(r, &p, &facts)) != APP_OK)
		return e;
	if (v[AD_START].ok)
		part_refuse(&v[AD_START],
		    participation_check_start(
		        r->a, v[AD_START].i, &facts.start));
	if (v[AD_HOURS].ok)
		part_refuse(&v[AD_HOURS],
		    participation_check_hours(
		        r->a, v[AD_HOURS].i, facts.plan_hours));
	if ((e = participation_insats_staff(r, p.insats_id, &staff, &nstaff)) !=
	    APP_OK)
		return e;
	for (size_t i = 0; i < nstaff; i++)
		found |= staff[i].id == v[AD_CONTACT].i;
	if (v[AD_CONTACT].ok && !found)
		part_refuse(&v[AD_CONTACT], PCORRECT_MSG_CONTACT);
	else if (!v[AD_CONTACT].ok)
		v[AD_CONTACT].error = PCORRECT_MSG_CONTACT;
	if (!v[AD_VERSION].ok) {
		v[AD_VERSION].ok = 1;
		f.form_error = PART_FORM_STALE_MSG;
	}
	if (part_count_errors(v, AD__MAX) > 0 || f.form_error != NULL) {
		r->resp.status = 400;
		return pcf_render(r, &p, &f);
	}
	in = (struct participation_admission){ v[AD_START].i, v[AD_CONTACT].i,
		v[AD_HOURS].i };
	if ((e = participation_correct_admission(
	         r, &p, v[AD_VERSION].i, &in, &o)) != APP_OK)
		return e;
	return pcf_outcome(r, &p, &f, &o);
}

/* Reopen or mark in error: a reason, the version. */
static enum app_err
pcf_reason(struct req *r, enum pcorrect kind)
{
	struct pcform f = { .kind = kind };
	struct participation p;
	struct participation_outcome o;
	struct field_val *v = f.rs;
	int done;
	enum app_err e;

	if ((e = pcf_start(r, &p, &f,
	         kind == PCORRECT_REOPEN ? ro_spec : fe_spec, RS__MAX, v,
	         &done)) != APP_OK ||
	    done)
		return e;
	if (v[RS_REASON].ok)
		part_refuse(
		    &v[RS_REASON], participation_check_reason(v[RS_REASON].s));
	if (!v[RS_VERSION].ok) {
		v[RS_VERSION].ok = 1;
		f.form_error = PART_FORM_STALE_MSG;
	}
	if (part_count_errors(v, RS__MAX) > 0 || f.form_error != NULL) {
		r->resp.status = 400;
		return pcf_render(r, &p, &f);
	}
	if ((e = kind == PCORRECT_REOPEN
	            ? participation_reopen(
	                  r, &p, v[RS_VERSION].i, v[RS_REASON].s, &o)
	            : participation_mark_error(r, &p, v[RS_VERSION].i,
	                  v[RS_REASON].s, &o)) != APP_OK)
		return e;
	return pcf_outcome(r, &p, &f, &o);
}

enum app_err
page_participation_reopen(struct req *r)
{
	return pcf_reason(r, PCORRECT_REOPEN);
}

enum app_err
page_participation_mark_error(struct req *r)
{
	return pcf_reason(r, PCORRECT_ERROR);
}

static const struct form_def correct_forms[] = {
	{ "POST /deltagande/:id/rattelse", "deltagande_rattelse", ad_spec,
	    AD__MAX },
	{ "POST /deltagande/:id/oppna-igen", "deltagande_rattelse", ro_spec,
	    RS__MAX },
	{ "POST /deltagande/:id/felregistrera", "deltagande_rattelse", fe_spec,
	    RS__MAX },
};

const struct form_def *
page_participation_correct_forms(size_t *n)
{
	*n = sizeof(correct_forms) / sizeof(correct_forms[0]);
	return correct_forms;
}
