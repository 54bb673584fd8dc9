/* page_participation_view.c: one participation from inskrivning to the
 * summary, as its page shows it, its history and its access log; see
 * include/page_participation.h (the forms' field tables are in
 * page_participation.c). The changes are in
 * page_participation_change.c, the rules in participation.c. */
#include "gender.h"
#include "access.h"
#include "audit.h"
#include "bind.h"
#include "consent.h"
#include "contact.h"
#include "db.h"
#include "form_registry.h"
#include "history.h"
#include "midterm.h"
#include "once.h"
#include "page_followup.h"
#include "page_participation.h"
#include "page_quest.h"
#include "page_summary.h"
#include "pages.h"
#include "participation.h"
#include "req.h"
#include "session.h"
#include "view.h"

/* ---- loading and binding ---- */

static enum pv_kind pv_shown(const struct pv_form *f);

enum app_err
pv_load(struct req *r, long long id, struct participation *p)
{
	int found = 0;
	enum app_err e;

	/* The record and the caller's way to it in one statement; a
	 * participation the caller does not reach is not found. */
	if (id <= 0)
		return APP_ENOTFOUND;
	if ((e = participation_load(r, id, p, &found)) != APP_OK)
		return e;
	return found && access_insats_reaches(r, p->staff_reaches)
	    ? APP_OK
	    : APP_ENOTFOUND;
}

/* The participation as the page shows it. */
static const struct bind_key pv_map[] = {
	{ "id", "id" },
	{ "version", "version" },
	{ "referral_id", "referral_id" },
	{ "insats", "insats" },
	{ "first_name", "first_name" },
	{ "last_name", "last_name" },
	{ "birth_year", "birth_year" },
	{ "phone", "phone" },
	{ "home_municipality", "municipality" },
	{ "interpreter_needed", "interpreter" },
	{ "interpreter_language", "language" },
	{ "protected_identity", "protected" },
	{ "start_date", "start_date" },
	{ "planned_end", "planned_end" },
	{ "contact", "contact" },
	{ "hours_per_week", "hours_per_week" },
	{ "occ_before", "occ_before" },
	{ "end_date", "end_date" },
	{ "end_reason", "end_reason" },
	{ "occ_after", "occ_after" },
	{ "summary_due", "summary_due" },
	{ "summary_sent", "summary_sent" },
	{ "overdue", "overdue" },
	{ "remittent", "remittent" },
	{ "remittent_org", "remittent_org" },
};

/* Skyddade personuppgifter: these are not on screen. */
static const struct bind_key pv_address_map[] = {
	{ "address", "address" },
	{ "postal_code", "postal_code" },
	{ "city", "city" },
};

/* An empty plan row, shown for adding to the plan. */
static const char *const plan_keys[] = { "activity", "hours" };

static const struct bind_key activity_map[] = {
	{ "activity", "activity" },
	{ "hours", "hours" },
};

static const struct bind_key extension_map[] = {
	{ "at", "at" },
	{ "old", "old" },
	{ "new", "new" },
	{ "reason", "reason" },
	{ "who", "who" },
};

static const struct bind_key income_map[] = {
	{ "label", "label" },
};

static const struct bind_key history_map[] = {
	{ "at", "at" },
	{ "who", "who" },
	{ "old", "old" },
	{ "new", "new" },
};

static const struct bind_key access_map[] = {
	{ "at", "at" },
	{ "who", "who" },
	{ "username", "username" },
	{ "what", "what" },
};

/* The plan: stored activities and the form's rows. */
static enum app_err
pv_bind_plan(struct view_ctx *ctx, const struct participation_page *pg,
    const struct pv_form *f)
{
	long long total = 0;
	size_t nrows;
	enum app_err e;

	for (size_t i = 0; i < pg->nactivities; i++)
		total += pg->activities[i].hours;
	if ((e = bind_list(ctx, "activities", &participation_activity_record,
	         activity_map, BIND_N(activity_map), pg->activities,
	         pg->nactivities)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "plan_total", total)) != APP_OK)
		return e;
	/* The form's rows only where the form is shown. */
	if (pv_shown(f) != PV_PLAN)
		return APP_OK;
	if ((e = view_ctx_set_list(ctx, "plan_rows")) != APP_OK)
		return e;
	/* Room for two more than what is there, at least four rows; after
	 * "Lägg till rad" as many as asked for. */
	if (f->kind == PV_PLAN) {
		size_t last = 0;
		for (size_t i = 0; i < PLAN_ROWS; i++)
			if (f->plan[2 * i].s.len || f->plan[2 * i + 1].s.len)
				last = i + 1;
		nrows = f->plan_rows > 0
		    ? (f->plan_rows > last ? f->plan_rows : last)
		    : last + 2;
	} else
		nrows = pg->nactivities + 2;
	if (nrows < 4)
		nrows = 4;
	if (nrows > PLAN_ROWS)
		nrows = PLAN_ROWS;
	if ((e = view_ctx_set_int(ctx, "plan_nrows", (long long)nrows)) !=
	    APP_OK)
		return e;
	for (size_t i = 0; i < nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "plan_rows");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(it, "n", (long long)i + 1)) != APP_OK)
			return e;
		if (f->kind == PV_PLAN) {
			if ((e = part_ctx_field(it, "activity",
			         "activity_error", &f->plan[2 * i])) !=
			        APP_OK ||
			    (e = part_ctx_field(it, "hours", "hours_error",
			         &f->plan[2 * i + 1])) != APP_OK)
				return e;
		} else if (i < pg->nactivities) {
			if ((e = bind_record(it, &participation_activity_record,
			         activity_map, BIND_N(activity_map),
			         &pg->activities[i])) != APP_OK)
				return e;
		} else if ((e = page_bind_blank(it, plan_keys,
		                sizeof(plan_keys) / sizeof(plan_keys[0]))) !=
		    APP_OK)
			return e;
	}
	if (f->plan_error != NULL &&
	    (e = page_form_error(ctx, "plan_error", f->plan_error)) != APP_OK)
		return e;
	/* A row's error is bound in the row's context; flag the page too. */
	if (f->kind == PV_PLAN)
		for (size_t i = 0; i < 2 * PLAN_ROWS; i++)
			if (!f->plan[i].ok &&
			    (e = view_ctx_set_bool(ctx, "has_errors", 1)) !=
			        APP_OK)
				return e;
	return APP_OK;
}

/* The avslut form: options and typed values. */
static enum app_err
pv_bind_end_form(struct req *r, struct view_ctx *ctx,
    const struct participation_page *pg, const struct pv_form *f)
{
	int typed = f->kind == PV_END;
	enum app_err e;

	if ((e = part_code_options(r, ctx, "en_reasons", &pg->codes[PCODES_END],
	         STR_LIT(""), typed ? f->en[EN_REASON].s : STR_LIT(""))) !=
	        APP_OK ||
	    (e = part_code_options(r, ctx, "en_occs",
	         &pg->codes[PCODES_OCCUPATION], STR_LIT(""),
	         typed ? f->en[EN_OCC].s : STR_LIT(""))) != APP_OK ||
	    (e = part_code_checks(r, ctx, "en_incomes",
	         &pg->codes[PCODES_INCOME], NULL, 0, typed ? f->income : NULL,
	         typed ? f->nincome : 0)) != APP_OK)
		return e;
	if (!typed)
		return view_ctx_set_str(ctx, "en_date", STR_LIT(""));
	if ((e = part_ctx_field(
	         ctx, "en_date", "en_date_error", &f->en[EN_DATE])) != APP_OK ||
	    (!f->en[EN_REASON].ok &&
	        (e = page_form_error(ctx, "en_reason_error",
	             f->en[EN_REASON].error)) != APP_OK) ||
	    (!f->en[EN_OCC].ok &&
	        (e = page_form_error(
	             ctx, "en_occ_error", f->en[EN_OCC].error)) != APP_OK) ||
	    (e = page_form_error(ctx, "en_income_error", f->income_error)) !=
	        APP_OK)
		return e;
	return APP_OK;
}

/* Access-log rows as list "looked" (partials/deltag_looked.html). */
static enum app_err
pv_bind_looked(
    struct view_ctx *ctx, const struct participation_access *rows, size_t n)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "looked")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "looked");

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &participation_access_record,
		         access_map, BIND_N(access_map), &rows[i])) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "action",
		         participation_access_action_label(rows[i].action))) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "object",
		         participation_access_object_label(
		             rows[i].object_type))) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* The participation's change history (pg's history), newest first. */
static enum app_err
pv_bind_history(struct view_ctx *ctx, const struct participation_page *pg)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "history")) != APP_OK)
		return e;
	for (size_t i = 0; i < pg->nhistory; i++) {
		const struct participation_history *h = &pg->history[i];
		struct view_ctx *it = view_ctx_list_add(ctx, "history");
		const char *label = participation_field_label(h->field);

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &participation_history_record,
		         history_map, BIND_N(history_map), h)) != APP_OK ||
		    (e = label ? view_ctx_set_cstr(it, "field", label)
		               : view_ctx_set_str(it, "field", h->field)) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "old",
		         history_value_label(HISTORY_PARTICIPATION, h->field,
		             h->old_value))) != APP_OK ||
		    (e = view_ctx_set_str(it, "new",
		         history_value_label(HISTORY_PARTICIPATION, h->field,
		             h->new_value))) != APP_OK)
			return e;
	}
	return bind_list(ctx, "extensions", &participation_extension_record,
	    extension_map, BIND_N(extension_map), pg->extensions,
	    pg->nextensions);
}

/* The lists show the latest max rows each: they were loaded with one
 * more, which only tells that there are more ("<list>_more": the link to
 * the whole lists, or the word that older rows are not shown). The
 * oldest-first lists drop their first row, the newest-first their last.
 * whole: the history page's lists (their captions say the order). */
static enum app_err
pv_trim_lists(
    struct view_ctx *ctx, struct participation_page *pg, size_t max, int whole)
{
	int ext = pg->nextensions > max, mid = pg->nmidterms > max,
	    hist = pg->nhistory > max;
	enum app_err e;

	if (ext) {
		pg->extensions += pg->nextensions - max;
		pg->nextensions = max;
	}
	if (mid) {
		pg->midterms += pg->nmidterms - max;
		pg->nmidterms = max;
	}
	if (hist)
		pg->nhistory = max;
	if ((e = view_ctx_set_bool(ctx, "extensions_more", ext)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "midterms_more", mid)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "history_more", hist)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "list_max", (long long)max)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "lists_whole", whole)) != APP_OK)
		return e;
	return APP_OK;
}

/* Change history and the latest reads of this participant's file. */
static enum app_err
pv_bind_logs(struct view_ctx *ctx, const struct participation_page *pg)
{
	enum app_err e;

	if ((e = pv_bind_history(ctx, pg)) != APP_OK ||
	    (e = view_ctx_set_int(
	         ctx, "looked_max", PARTICIPATION_PAGE_LOOKED)) != APP_OK)
		return e;
	return pv_bind_looked(ctx, pg->looked, pg->nlooked);
}

/* The page's own state: status, flags and messages. */
static enum app_err
pv_bind_state(struct req *r, struct view_ctx *ctx,
    const struct participation *p, const struct pv_form *f)
{
	int summary_open =
	    participation_summary_open(p->status, p->summary_sent.len > 0);
	enum app_err e;

	if ((e = bind_record(ctx, &participation_record, pv_map, BIND_N(pv_map),
	         p)) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "pnr", part_pnr_show(r, p->personnummer))) != APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "gender", gender_label_of(p->person.gender))) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "status_label",
	         participation_status_label(p->status))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "open",
	         p->status == PARTICIPATION_INSKRIVEN)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "ended",
	         p->status == PARTICIPATION_AVSLUTAD)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "felregistrerad",
	         p->status == PARTICIPATION_FELREGISTRERAD)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "summary_open", summary_open)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", f->notice)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "conflict", f->conflict)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "consent_error", f->consent)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "form_error", f->form_error)) != APP_OK)
		return e;
	if (!p->person.protected_identity &&
	    (e = bind_record(ctx, &participation_record, pv_address_map,
	         BIND_N(pv_address_map), p)) != APP_OK)
		return e;
	/* The forms, only where one is shown (the page has links to them):
	 * what was typed in the submitted one, else stored. The extension's
	 * one-time key: the posted one (it created nothing), else a new one. */
	if (pv_shown(f) == PV_NONE)
		return APP_OK;
	if ((e = page_form_limits(r, ctx, part_plan_spec, 2 * PLAN_ROWS)) !=
	        APP_OK ||
	    (e = page_form_limits(r, ctx, part_fl_spec, FL__MAX)) != APP_OK ||
	    (e = page_form_limits(r, ctx, part_en_spec, EN__MAX)) != APP_OK)
		return e;
	if (f->kind != PV_EXTEND) {
		static const char *const extend_keys[] = { "fl_end",
			"fl_reason" };
		struct str key = once_key_new(r);
		if (key.p == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(ctx, "fl_key", key)) != APP_OK)
			return e;
		return page_bind_blank(ctx, extend_keys,
		    sizeof(extend_keys) / sizeof(extend_keys[0]));
	}
	if ((e = view_ctx_set_str(ctx, "fl_key", f->fl[FL_KEY].s)) != APP_OK ||
	    (e = part_ctx_field(
	         ctx, "fl_end", "fl_end_error", &f->fl[FL_END])) != APP_OK ||
	    (e = part_ctx_field(ctx, "fl_reason", "fl_reason_error",
	         &f->fl[FL_REASON])) != APP_OK)
		return e;
	return APP_OK;
}

/* The forms that open on their own page (?form=name), each with its
 * page's heading and the view's key. */
static const struct {
	const char *name, *key, *title;
} pv_forms[PV__MAX] = {
	[PV_PLAN] = { "plan", "form_plan", "Ändra planen" },
	[PV_MIDTERM] = { "mittuppfoljning", "form_mittuppfoljning",
	    "Registrera en mittuppföljning" },
	[PV_EXTEND] = { "forlangning", "form_forlangning",
	    "Förläng deltagandet" },
	[PV_END] = { "avslut", "form_avslut", "Avsluta deltagandet" },
	[PV_SUS] = { "sus", "form_sus", "Ändra SUS-uppgifterna" },
	[PV_TARGET_GROUP] = { "malgrupp", "form_malgrupp", "Ändra målgruppen" },
	[PV_FOLLOWUP] = { "uppfoljning", "form_uppfoljning",
	    "Uppföljning 6 månader efter avslut" },
};

/* The form named name (?form=), PV_NONE when there is none such. */
static enum pv_kind
pv_form_named(struct str name)
{
	for (int k = PV_NONE + 1; k < PV__MAX; k++)
		if (pv_forms[k].name != NULL &&
		    str_eq_cstr(name, pv_forms[k].name))
			return (enum pv_kind)k;
	return PV_NONE;
}

/* The form the page shows on its own: the submitted one, else the one
 * opened; PV_NONE: the whole page. */
static enum pv_kind
pv_shown(const struct pv_form *f)
{
	if (f->kind != PV_NONE)
		return f->kind;
	if (f->followup != NULL)
		return PV_FOLLOWUP;
	return f->open;
}

/* Render the page, or the one form shown on its own. */
static enum app_err
pv_page(struct req *r, struct view_ctx *ctx, enum pv_kind shown)
{
	enum app_err e;

	if (shown <= PV_NONE || shown >= PV__MAX)
		return page_render(r, "deltagande", "Deltagande", ctx);
	for (int k = PV_NONE + 1; k < PV__MAX; k++)
		if ((e = view_ctx_set_bool(
		         ctx, pv_forms[k].key, k == (int)shown)) != APP_OK)
			return e;
	if ((e = view_ctx_set_cstr(ctx, "form_title", pv_forms[shown].title)) !=
	    APP_OK)
		return e;
	return page_render(
	    r, "deltagande_formular", pv_forms[shown].title, ctx);
}

enum app_err
pv_render(struct req *r, const struct participation *p, const struct pv_form *f)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct participation_page pg;
	struct consent_status_facts facts = { 0, 0 };
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	/* Logged before anything of the person is read for the page, so
	 * this very look is in the access log below. */
	if ((e = audit_write(r, AUDIT_READ, "participation", p->id,
	         p->personnummer, STR_LIT(""))) != APP_OK)
		return e;
	/* The consent status first: it ends consents that ran out, with
	 * their audit rows, which the access log then lists. */
	if ((e = consent_bind_status(
	         r, ctx, p->referral_id, ACCESS_INSATS, &facts)) != APP_OK ||
	    (e = participation_page_load(r, p, pv_shown(f) != PV_NONE,
	         PARTICIPATION_PAGE_LIST + 1, &pg)) != APP_OK ||
	    (e = pv_trim_lists(ctx, &pg, PARTICIPATION_PAGE_LIST, 0)) !=
	        APP_OK ||
	    (e = pv_bind_state(r, ctx, p, f)) != APP_OK)
		return e;
	/* Up front: the summary goes to the remittent only under a waiver
	 * that covers their organisation and allows disclosure. */
	if (participation_summary_open(p->status, p->summary_sent.len > 0) &&
	    (e = view_ctx_set_bool(
	         ctx, "summary_no_consent", !facts.disclose_covered)) != APP_OK)
		return e;
	if ((e = bind_list(ctx, "income_after", &participation_income_record,
	         income_map, BIND_N(income_map), pg.income_after,
	         pg.nincome_after)) != APP_OK ||
	    (e = pv_bind_plan(ctx, &pg, f)) != APP_OK ||
	    (e = part_midterm_bind(r, ctx, &pg, f)) != APP_OK ||
	    (e = part_tg_bind(r, ctx, p, f)) != APP_OK)
		return e;
	if (p->status == PARTICIPATION_INSKRIVEN && pv_shown(f) == PV_END &&
	    (e = pv_bind_end_form(r, ctx, &pg, f)) != APP_OK)
		return e;
	if ((e = part_sus_bind(r, ctx, p, &pg,
	         f->kind == PV_SUS ? f->sus : NULL)) != APP_OK ||
	    (e = pv_bind_logs(ctx, &pg)) != APP_OK ||
	    (e = quest_bind_participation(ctx, &pg.quest)) != APP_OK ||
	    (e = followup_bind_participation(
	         r, ctx, p, &pg.followup, f->followup)) != APP_OK ||
	    (e = summary_bind_participation(
	         r, ctx, p, pg.summary_version_no, pg.summary_state)) != APP_OK)
		return e;
	return pv_page(r, ctx, pv_shown(f));
}

/* ?visa=historik: the lists the page shows the latest of (the
 * extensions, the mid-term follow-ups, the change history and the SUS
 * history), PARTICIPATION_HISTORY_MAX of each, read and logged as the page
 * is. before > 0 (&fore=<change_history id>): the change history's rows
 * before that one, a page of them, and no other list (keyset: the link
 * "Äldre ändringar" carries the last row shown). */
static enum app_err
pv_history(struct req *r, const struct participation *p, long long before)
{
	static const struct bind_key map[] = {
		{ "id", "id" },
		{ "insats", "insats" },
		{ "first_name", "first_name" },
		{ "last_name", "last_name" },
	};
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct participation_page pg = { 0 };
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = audit_write(r, AUDIT_READ, "participation", p->id,
	         p->personnummer, STR_LIT("history"))) != APP_OK ||
	    (e = before > 0
	            ? participation_history_older(r, p, before,
	                  PARTICIPATION_HISTORY_MAX + 1, &pg.history,
	                  &pg.nhistory)
	            : participation_page_load(r, p, 0,
	                  PARTICIPATION_HISTORY_MAX + 1, &pg)) != APP_OK ||
	    (e = pv_trim_lists(ctx, &pg, PARTICIPATION_HISTORY_MAX, 1)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "older_page", before > 0)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "history_fore",
	         pg.nhistory > 0 ? pg.history[pg.nhistory - 1].id : 0)) !=
	        APP_OK ||
	    (e = bind_record(
	         ctx, &participation_record, map, BIND_N(map), p)) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "pnr", part_pnr_show(r, p->personnummer))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "open",
	         p->status == PARTICIPATION_INSKRIVEN)) != APP_OK ||
	    (e = pv_bind_history(ctx, &pg)) != APP_OK ||
	    (e = part_midterm_list_bind(ctx, &pg)) != APP_OK ||
	    (e = part_sus_history_bind(ctx, &pg, PARTICIPATION_HISTORY_MAX)) !=
	        APP_OK)
		return e;
	return page_render(r, "deltagande_historik", "Historik", ctx);
}

enum app_err
page_participation(struct req *r)
{
	struct pv_form f = { .kind = PV_NONE };
	struct participation p;
	long long id;
	enum app_err e;

	const struct str *form = req_query(r, "form");
	const struct str *visa = req_query(r, "visa");
	const struct str *fore = req_query(r, "fore");
	long long before = 0;

	/* ?form=x: that form on its own page; an unknown one is not found. */
	if (form != NULL && (f.open = pv_form_named(*form)) == PV_NONE)
		return APP_ENOTFOUND;
	if (visa != NULL && !str_eq_cstr(*visa, "historik"))
		return APP_ENOTFOUND;
	/* &fore=: a page of the history's older rows; a key that is not an
	 * id, or one without the history, is not a page. */
	if (fore != NULL && (visa == NULL || (before = str_to_ll(*fore)) <= 0))
		return APP_ENOTFOUND;
	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = pv_load(r, id, &p)) != APP_OK)
		return e;
	if (visa != NULL)
		return pv_history(r, &p, before);
	if (req_query(r, "antagen") != NULL)
		f.notice = "Ansökan är antagen och deltagandet inskrivet.";
	else if (req_query(r, "sparat") != NULL)
		f.notice = "Ändringarna är sparade.";
	else if (req_query(r, "oforandrat") != NULL)
		f.notice = "Inget var ändrat, så inget sparades.";
	else if (req_query(r, "slappt") != NULL)
		f.notice = "Surfplattan har släppt enkätkoden. Deltagaren kan "
		           "fortsätta på en annan surfplatta med samma kod.";
	else if (req_query(r, "ej_hallen") != NULL)
		f.notice = "Ingen surfplatta höll enkätkoden, så den kan redan "
		           "användas på en annan surfplatta.";
	return pv_render(r, &p, &f);
}

/* The access log of the participant's file, a page at a time (keyset:
 * ?fore=<audit id> the page before that row, ?efter=<id> the page after
 * it): the same access rule as the page, and read the same way (an audit
 * row first, so this very look is listed on the first page). */
enum app_err
page_participation_access(struct req *r)
{
	static const struct bind_key map[] = {
		{ "id", "id" },
		{ "insats", "insats" },
		{ "first_name", "first_name" },
		{ "last_name", "last_name" },
	};
	const struct str *fore = req_query(r, "fore"),
	                 *efter = req_query(r, "efter");
	struct participation p;
	struct participation_access *rows;
	struct view_ctx *ctx = view_ctx_new(r->a);
	long long id, before = 0, after = 0;
	int older = 0, newer = 0;
	size_t n;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	/* A key that is not an id is not a page. */
	if ((fore != NULL && (before = str_to_ll(*fore)) <= 0) ||
	    (efter != NULL && (after = str_to_ll(*efter)) <= 0))
		return APP_ENOTFOUND;
	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = pv_load(r, id, &p)) != APP_OK)
		return e;
	if ((e = audit_write(r, AUDIT_READ, "participation", p.id,
	         p.personnummer, STR_LIT("access log"))) != APP_OK ||
	    (e = participation_access_load(
	         r, &p, before, after, &rows, &n, &older, &newer)) != APP_OK)
		return e;
	if ((e = bind_record(
	         ctx, &participation_record, map, BIND_N(map), &p)) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "pnr", part_pnr_show(r, p.personnummer))) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "count", (long long)n)) != APP_OK ||
	    (e = view_ctx_set_int(
	         ctx, "page_max", PARTICIPATION_ACCESS_PAGE)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "older", older && n > 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "newer", newer)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "paged", newer || (older && n > 0))) !=
	        APP_OK ||
	    (e = view_ctx_set_int(
	         ctx, "first_id", n > 0 ? rows[0].id : before)) != APP_OK ||
	    (e = view_ctx_set_int(
	         ctx, "last_id", n > 0 ? rows[n - 1].id : 0)) != APP_OK ||
	    (e = pv_bind_looked(ctx, rows, n)) != APP_OK)
		return e;
	return page_render(r, "deltagande_atkomst", "Åtkomstlogg", ctx);
}

static const struct form_def participation_view_forms[] = {
	{ "POST /deltagande/:id/plan", "partials/deltag_form_plan",
	    part_plan_spec, 2 * PLAN_ROWS },
	{ "POST /deltagande/:id/forlangning",
	    "partials/deltag_form_forlangning", part_fl_spec, FL__MAX },
	{ "POST /deltagande/:id/avslut", "partials/deltag_form_avslut",
	    part_en_spec, EN__MAX },
};

const struct form_def *
page_participation_view_forms(size_t *n)
{
	*n = sizeof(participation_view_forms) /
	    sizeof(participation_view_forms[0]);
	return participation_view_forms;
}
