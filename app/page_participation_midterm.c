/* page_participation_midterm.c: the mid-term follow-ups (avstämningar) on
 * the participation page: the list, the form adding one, and the page
 * changing one; see include/page_participation.h. The rules and the
 * changes are midterm.c's. */
#include "audit.h"
#include "bind.h"
#include "form_registry.h"
#include "edit.h"
#include "midterm.h"
#include "page_participation.h"
#include "pages.h"
#include "participation.h"
#include "req.h"
#include "session.h"
#include "view.h"

const struct field_spec part_mt_spec[MT__MAX] = {
	[MT_DATE] = { "datum", FT_DATE, 20000101, 0, FF_REQUIRED, NULL },
	[MT_NOTE] = { "anteckning", FT_TEXT, 0, 4000, FF_MULTILINE, NULL },
	[MT_ATTENDEES] = { "deltog", FT_TEXT, 1, 500, FF_REQUIRED, NULL },
	/* The form's one-time key (hidden): a retry finds its row. */
	[MT_KEY] = { "nyckel", FT_TEXT, 0, EDIT_KEY_LEN, 0, NULL },
};

/* The page changing one: the same fields and the row's version. */
enum { MTE_DATE, MTE_NOTE, MTE_ATTENDEES, MTE_VERSION, MTE__MAX };
static const struct field_spec mte_spec[MTE__MAX] = {
	[MTE_DATE] = { "datum", FT_DATE, 20000101, 0, FF_REQUIRED, NULL },
	[MTE_NOTE] = { "anteckning", FT_TEXT, 0, 4000, FF_MULTILINE, NULL },
	[MTE_ATTENDEES] = { "deltog", FT_TEXT, 1, 500, FF_REQUIRED, NULL },
	[MTE_VERSION] = { "version", FT_INT, 1, 4294967295LL, FF_REQUIRED,
	    NULL },
};

static const struct bind_key midterm_map[] = {
	{ "id", "mid" },
	{ "held_date", "held_date" },
	{ "attendees", "attendees" },
	{ "note", "note" },
	{ "recorded_by", "recorded_by" },
};

/* The follow-up's date against p: within the participation, not in the
 * future (midterm_check_date()). */
static void
mt_check_date(struct req *r, struct field_val *v, const struct participation *p)
{
	if (v->ok)
		part_refuse(v,
		    midterm_check_date(r->a, v->i,
		        participation_date_ymd(p->start_date),
		        participation_date_ymd(p->end_date),
		        participation_today()));
}

enum app_err
part_midterm_list_bind(
    struct view_ctx *ctx, const struct participation_page *pg)
{
	return bind_list(ctx, "midterms", &midterm_record, midterm_map,
	    BIND_N(midterm_map), pg->midterms, pg->nmidterms);
}

enum app_err
part_midterm_bind(struct req *r, struct view_ctx *ctx,
    const struct participation_page *pg, const struct pv_form *f)
{
	static const char *const blank[] = { "mt_date", "mt_attendees",
		"mt_note" };
	struct str key;
	enum app_err e;

	if ((e = part_midterm_list_bind(ctx, pg)) != APP_OK ||
	    (e = page_form_limits(r, ctx, part_mt_spec, MT__MAX)) != APP_OK)
		return e;
	if (f->kind != PV_MIDTERM) {
		/* A fresh form: a new key for its one save. */
		if ((key = edit_key_new(r)).p == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(ctx, "mt_key", key)) != APP_OK)
			return e;
		return page_bind_blank(
		    ctx, blank, sizeof(blank) / sizeof(blank[0]));
	}
	if ((e = view_ctx_set_str(ctx, "mt_key", f->mt[MT_KEY].s)) != APP_OK ||
	    (e = part_ctx_field(
	         ctx, "mt_date", "mt_date_error", &f->mt[MT_DATE])) != APP_OK ||
	    (e = part_ctx_field(
	         ctx, "mt_note", "mt_note_error", &f->mt[MT_NOTE])) != APP_OK ||
	    (e = part_ctx_field(ctx, "mt_attendees", "mt_attendees_error",
	         &f->mt[MT_ATTENDEES])) != APP_OK)
		return e;
	return APP_OK;
}

/* POST /deltagande/:id/mittuppfoljning: add one. */
enum app_err
page_participation_midterm(struct req *r)
{
	struct pv_form f = { .kind = PV_MIDTERM };
	struct participation p;
	struct midterm_input in;
	struct midterm_outcome o;
	const char *refused;
	long long id;
	size_t n = 0;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = pv_load(r, id, &p)) != APP_OK)
		return e;
	if ((e = form_validate(
	         r->a, &r->form, part_mt_spec, MT__MAX, f.mt, &n)) != APP_OK)
		return e;
	if ((refused = participation_refusal(p.status, PCHANGE_MIDTERM)) !=
	    NULL) {
		f.conflict = refused;
		r->resp.status = 409;
		return pv_render(r, &p, &f);
	}
	if (!f.mt[MT_KEY].ok || !edit_key_ok(f.mt[MT_KEY].s)) {
		/* A tampered or missing key: a fresh one with the page. */
		f.mt[MT_KEY].ok = 1;
		f.mt[MT_KEY].s = edit_key_new(r);
		f.form_error = PART_FORM_STALE_MSG;
	}
	mt_check_date(r, &f.mt[MT_DATE], &p);
	if (part_count_errors(f.mt, MT__MAX) > 0 || f.form_error != NULL) {
		r->resp.status = 400;
		return pv_render(r, &p, &f);
	}
	in = (struct midterm_input){ .date = f.mt[MT_DATE].i,
		.attendees = f.mt[MT_ATTENDEES].s,
		.note = f.mt[MT_NOTE].s,
		.key = f.mt[MT_KEY].s };
	if ((e = midterm_add(r, &p, &in, &o)) != APP_OK)
		return e;
	if (o.result == EDIT_SAVED) {
		struct buf loc;

		buf_init(&loc, r->a);
		if ((e = buf_printf(&loc,
		         "/deltagande/%lld?sparat=1#mittuppfoljning", p.id)) !=
		    APP_OK)
			return e;
		return page_redirect(r, loc.p);
	}
	f.conflict = o.result == EDIT_REFUSED ? o.refused : EDIT_MSG_BUSY;
	if ((e = pv_load(r, p.id, &p)) != APP_OK)
		return e;
	r->resp.status = 409;
	return pv_render(r, &p, &f);
}

/* ---- the page changing one ---- */

/* The page of follow-up m of p: the form with typed (NULL: m's values),
 * the version to send, a conflict or refusal. The read is audited
 * first. */
static enum app_err
mte_render(struct req *r, const struct participation *p,
    const struct midterm *m, const struct field_val *typed,
    const char *conflict, const char *form_error)
{
	static const struct bind_key map[] = {
		{ "id", "id" },
		{ "insats", "insats" },
		{ "first_name", "first_name" },
		{ "last_name", "last_name" },
	};
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = audit_write(r, AUDIT_READ, "participation", p->id,
	         p->personnummer, STR_LIT("midterm follow-up"))) != APP_OK ||
	    (e = bind_record(
	         ctx, &participation_record, map, BIND_N(map), p)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "mid", m->id)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "version", m->version)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "held_date", m->held_date)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "recorded_by", m->recorded_by)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "open",
	         participation_refusal(p->status, PCHANGE_MIDTERM) == NULL)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "conflict", conflict)) != APP_OK ||
	    (e = page_form_error(ctx, "form_error", form_error)) != APP_OK ||
	    (e = page_form_limits(r, ctx, mte_spec, MTE__MAX)) != APP_OK)
		return e;
	if (typed == NULL) {
		if ((e = view_ctx_set_str(ctx, "mt_date", m->held_date)) !=
		        APP_OK ||
		    (e = view_ctx_set_str(ctx, "mt_attendees", m->attendees)) !=
		        APP_OK ||
		    (e = view_ctx_set_str(ctx, "mt_note", m->note)) != APP_OK)
			return e;
	} else if ((e = part_ctx_field(ctx, "mt_date", "mt_date_error",
	                &typed[MTE_DATE])) != APP_OK ||
	    (e = part_ctx_field(ctx, "mt_attendees", "mt_attendees_error",
	         &typed[MTE_ATTENDEES])) != APP_OK ||
	    (e = part_ctx_field(
	         ctx, "mt_note", "mt_note_error", &typed[MTE_NOTE])) != APP_OK)
		return e;
	return page_render(
	    r, "deltagande_avstamning", "Ändra mittuppföljning", ctx);
}

/* The participation and its follow-up of the route (/deltagande/:id/
 * mittuppfoljning/:mid); APP_ENOTFOUND unless both are the caller's. */
static enum app_err
mte_load(struct req *r, struct participation *p, struct midterm *m)
{
	long long id, mid;
	int found = 0;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK)
		return e;
	if (r->nparams < 2 || (mid = str_to_ll(r->params[1])) < 1)
		return APP_ENOTFOUND;
	if ((e = pv_load(r, id, p)) != APP_OK ||
	    (e = midterm_get(r, p->id, mid, m, &found)) != APP_OK)
		return e;
	return found ? APP_OK : APP_ENOTFOUND;
}

/* GET /deltagande/:id/mittuppfoljning/:mid */
enum app_err
page_participation_midterm_form(struct req *r)
{
	struct participation p;
	struct midterm m;
	enum app_err e;

	if ((e = mte_load(r, &p, &m)) != APP_OK)
		return e;
	return mte_render(r, &p, &m, NULL, NULL, NULL);
}

/* POST /deltagande/:id/mittuppfoljning/:mid */
enum app_err
page_participation_midterm_save(struct req *r)
{
	struct field_val v[MTE__MAX];
	struct participation p;
	struct midterm m;
	struct midterm_input in;
	struct midterm_outcome o;
	const char *refused, *form_error = NULL;
	size_t n = 0;
	int found = 0;
	enum app_err e;

	if ((e = mte_load(r, &p, &m)) != APP_OK ||
	    (e = form_validate(r->a, &r->form, mte_spec, MTE__MAX, v, &n)) !=
	        APP_OK)
		return e;
	if ((refused = participation_refusal(p.status, PCHANGE_MIDTERM)) !=
	    NULL) {
		r->resp.status = 409;
		return mte_render(r, &p, &m, v, refused, NULL);
	}
	if (!v[MTE_VERSION].ok) {
		v[MTE_VERSION].ok = 1;
		form_error = PART_FORM_STALE_MSG;
	}
	mt_check_date(r, &v[MTE_DATE], &p);
	if (part_count_errors(v, MTE__MAX) > 0 || form_error != NULL) {
		r->resp.status = 400;
		return mte_render(r, &p, &m, v, NULL, form_error);
	}
	in = (struct midterm_input){ .date = v[MTE_DATE].i,
		.attendees = v[MTE_ATTENDEES].s,
		.note = v[MTE_NOTE].s,
		.version = v[MTE_VERSION].i };
	if ((e = midterm_edit(r, &p, m.id, &in, &o)) != APP_OK)
		return e;
	if (o.result == EDIT_SAVED) {
		struct buf loc;

		buf_init(&loc, r->a);
		if ((e = buf_printf(&loc, "/deltagande/%lld?%s#mittuppfoljning",
		         p.id,
		         o.changed || o.retried ? "sparat=1"
		                                : "oforandrat=1")) != APP_OK)
			return e;
		return page_redirect(r, loc.p);
	}
	/* Stale, refused or busy: what is stored now, what was typed. */
	if ((e = midterm_get(r, p.id, m.id, &m, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	r->resp.status = 409;
	return mte_render(r, &p, &m, v,
	    o.result == EDIT_STALE      ? PART_CONFLICT_MSG
	        : o.result == EDIT_BUSY ? EDIT_MSG_BUSY
	                                : o.refused,
	    NULL);
}

static const struct form_def midterm_forms[] = {
	{ "POST /deltagande/:id/mittuppfoljning",
	    "partials/deltag_form_mittuppfoljning", part_mt_spec, MT__MAX },
	{ "POST /deltagande/:id/mittuppfoljning/:mid", "deltagande_avstamning",
	    mte_spec, MTE__MAX },
};

const struct form_def *
page_participation_midterm_forms(size_t *n)
{
	*n = sizeof(midterm_forms) / sizeof(midterm_forms[0]);
	return midterm_forms;
}
