/* page_participation_decide.c: one referral in the insats staff's inbox
 * and its decision (admit, advise against, send back, waiting list); see
 * include/page_participation.h. The rules and the decision itself are
 * referral_decision.c's; this file reads the forms and binds the page. */
#include "gender.h"
#include "access.h"
#include "audit.h"
#include "bind.h"
#include "consent.h"
#include "contact.h"
#include "db.h"
#include "form_registry.h"
#include "page_create.h"
#include "page_participation.h"
#include "pages.h"
#include "participation.h"
#include "referral_decision.h"
#include "referral_dup.h"
#include "req.h"
#include "session.h"
#include "view.h"

#define MSG_DEC_UNKNOWN "Välj ett av besluten på sidan."
#define MSG_CONTACT     "Välj en kontaktperson bland insatsens personal."

enum { DF_BESLUT, DF_VERSION, DF__MAX };
static const struct field_spec dec_head_spec[DF__MAX] = {
	[DF_BESLUT] = { "beslut", FT_ENUM, 0, 0, FF_REQUIRED,
	    referral_decision_names },
	[DF_VERSION] = { "version", FT_INT, 1, 4294967295LL, FF_REQUIRED,
	    NULL },
};

enum { AN_START, AN_END, AN_CONTACT, AN_HOURS, AN_OCC, AN__MAX };
static const struct field_spec dec_anta_spec[AN__MAX] = {
	[AN_START] = { "startdatum", FT_DATE, 20000101, 0, FF_REQUIRED, NULL },
	[AN_END] = { "planerat_slut", FT_DATE, 20000101, 0, FF_REQUIRED, NULL },
	[AN_CONTACT] = { "kontaktperson", FT_INT, 1, 4294967295LL, FF_REQUIRED,
	    NULL },
	[AN_HOURS] = { "timmar", FT_INT, 1, 40, FF_REQUIRED, NULL },
	[AN_OCC] = { "sysselsattning_fore", FT_TEXT, 0, 32, 0, NULL },
};

enum { AV_CODE, AV_REASON, AV__MAX };
static const struct field_spec dec_avrada_spec[AV__MAX] = {
	[AV_CODE] = { "avrada_orsak", FT_TEXT, 1, 32, FF_REQUIRED, NULL },
	[AV_REASON] = { "avrada_motivering", FT_TEXT, 1, 2000,
	    FF_REQUIRED | FF_MULTILINE, NULL },
};

enum { AT_REASON, AT__MAX };
static const struct field_spec dec_aterfor_spec[AT__MAX] = {
	[AT_REASON] = { "aterfor_motivering", FT_TEXT, 1, 2000,
	    FF_REQUIRED | FF_MULTILINE, NULL },
};

/* What the decision page shows besides the stored referral. */
struct dec_form {
	int kind; /* the submitted decision, or -1 */
	struct field_val an[AN__MAX], av[AV__MAX], at[AT__MAX];
	const char *form_error; /* a tampered or missing hidden field */
	const char *conflict;   /* 409: decided or changed meanwhile */
	const char *full;       /* 409: no place left */
	const char *consent;    /* 409: no waiver covers the referring org */
	const char *notice;
	struct str key; /* the submitted form's one-time key, as posted */
};

/* Each decision form has a one-time key of its own, so that a key is only
 * ever sent with one decision. */
static const char *const dec_key_names[DECISION__MAX] = {
	[DECISION_ANTA] = "an_key",
	[DECISION_AVRADA] = "av_key",
	[DECISION_ATERFOR] = "at_key",
	[DECISION_VANTELISTA] = "vl_key",
};

/* The forms' keys: the submitted form drawn again keeps its well-formed
 * key (nothing was decided with it), every other form gets a new one. */
static enum app_err
dec_bind_keys(struct req *r, struct view_ctx *ctx, const struct dec_form *f)
{
	enum app_err e;

	for (int k = 0; k < DECISION__MAX; k++) {
		struct str key = f->key;

		if ((k != f->kind || once_key_kind(key) != ONCE_KEY_OK) &&
		    (key = once_key_new(r)).p == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(ctx, dec_key_names[k], key)) !=
		    APP_OK)
			return e;
	}
	return APP_OK;
}

/* The referral, or APP_ENOTFOUND unless the caller is its insats staff. */
static enum app_err
dec_load(struct req *r, long long id, struct decision_referral *ref)
{
	unsigned via = 0;
	int found = 0;
	enum app_err e;

	if ((e = access_referral(r, id, &via)) != APP_OK)
		return e;
	if (!(via & ACCESS_INSATS))
		return APP_ENOTFOUND;
	if ((e = referral_decision_load(r, id, ref, &found)) != APP_OK)
		return e;
	return found ? APP_OK : APP_ENOTFOUND;
}

/* The referral as the page shows it. */
static const struct bind_key dec_map[] = {
	{ "id", "id" },
	{ "version", "version" },
	{ "insats", "insats" },
	{ "places", "places" },
	{ "inskrivna", "inskrivna" },
	{ "first_name", "first_name" },
	{ "last_name", "last_name" },
	{ "birth_year", "birth_year" },
	{ "phone", "phone" },
	{ "home_municipality", "municipality" },
	{ "interpreter_needed", "interpreter" },
	{ "interpreter_language", "language" },
	{ "protected_identity", "protected" },
	{ "visa_date", "visa_date" },
	{ "sick_leave", "sick_leave" },
	{ "employed", "employed" },
	{ "employer", "employer" },
	{ "employer_rehab", "employer_rehab" },
	{ "support_time", "support_time" },
	{ "education", "education" },
	{ "background", "background" },
	{ "own_goals", "own_goals" },
	{ "needs", "needs" },
	{ "tried_before", "tried_before" },
	{ "submitted", "submitted" },
	{ "decided_at", "decided_at" },
	{ "decided_by", "decided_by" },
	{ "decision_reason", "decision_reason" },
	{ "advise_label", "advise_label" },
	{ "remittent", "remittent" },
	{ "remittent_org", "remittent_org" },
	{ "remittent_email", "remittent_email" },
};

/* Skyddade personuppgifter: these are not on screen. */
static const struct bind_key dec_address_map[] = {
	{ "address", "address" },
	{ "postal_code", "postal_code" },
	{ "city", "city" },
};

static const struct bind_key income_map[] = {
	{ "label", "label" },
};

static const struct bind_key corem_map[] = {
	{ "name", "name" },
	{ "org", "org" },
	{ "contact", "contact" },
};

static const struct bind_key staff_map[] = {
	{ "id", "id" },
	{ "name", "name" },
};

/* The contact person the admission form shows chosen: the typed one,
 * else the caller. Arena. */
static struct str
dec_contact_selected(struct req *r, const struct dec_form *f)
{
	long long id =
	    f->kind == DECISION_ANTA ? str_to_ll(f->an[AN_CONTACT].s) : 0;
	struct buf b;

	buf_init(&b, r->a);
	return buf_printf(&b, "%lld", id ? id : r->user->id) == APP_OK
	    ? buf_str(&b)
	    : STR_LIT("");
}

/* The decision forms: typed values of the submitted one, errors, and the
 * options (contact persons, occupations, advice codes). */
static enum app_err
dec_bind_forms(struct req *r, struct view_ctx *ctx,
    const struct decision_referral *ref, const struct dec_form *f)
{
	struct code_choices codes[PCODES__MAX];
	struct staff_option *staff;
	struct str occ_sel = STR_LIT(""), adv_sel = STR_LIT(""), contact;
	size_t nstaff;
	enum app_err e;

	if ((e = participation_insats_staff(
	         r, ref->insats_id, &staff, &nstaff)) != APP_OK ||
	    (e = participation_codes_load(r, codes)) != APP_OK)
		return e;
	static const char *const text_keys[] = { "an_start", "an_end",
		"an_hours", "av_reason", "at_reason" };

	contact = dec_contact_selected(r, f);
	if ((e = dec_bind_keys(r, ctx, f)) != APP_OK ||
	    (e = page_bind_blank(ctx, text_keys,
	         sizeof(text_keys) / sizeof(text_keys[0]))) != APP_OK)
		return e;
	if (f->kind == DECISION_ANTA) {
		occ_sel = f->an[AN_OCC].s;
		if ((e = part_ctx_field(ctx, "an_start", "an_start_error",
		         &f->an[AN_START])) != APP_OK ||
		    (e = part_ctx_field(ctx, "an_end", "an_end_error",
		         &f->an[AN_END])) != APP_OK ||
		    (e = part_ctx_field(ctx, "an_hours", "an_hours_error",
		         &f->an[AN_HOURS])) != APP_OK ||
		    (!f->an[AN_CONTACT].ok &&
		        (e = page_form_error(ctx, "an_contact_error",
		             f->an[AN_CONTACT].error)) != APP_OK) ||
		    (!f->an[AN_OCC].ok &&
		        (e = page_form_error(ctx, "an_occ_error",
		             f->an[AN_OCC].error)) != APP_OK))
			return e;
	} else if (f->kind == DECISION_AVRADA) {
		adv_sel = f->av[AV_CODE].s;
		if ((e = part_ctx_field(ctx, "av_reason", "av_reason_error",
		         &f->av[AV_REASON])) != APP_OK ||
		    (!f->av[AV_CODE].ok &&
		        (e = page_form_error(ctx, "av_code_error",
		             f->av[AV_CODE].error)) != APP_OK))
			return e;
	} else if (f->kind == DECISION_ATERFOR) {
		if ((e = part_ctx_field(ctx, "at_reason", "at_reason_error",
		         &f->at[AT_REASON])) != APP_OK)
			return e;
	}
	if ((e = part_code_options(r, ctx, "an_occs", &codes[PCODES_OCCUPATION],
	         STR_LIT(""), occ_sel)) != APP_OK ||
	    (e = part_code_options(r, ctx, "av_codes", &codes[PCODES_ADVISE],
	         STR_LIT(""), adv_sel)) != APP_OK)
		return e;
	return bind_options(ctx, "an_contacts", &staff_option_record, staff_map,
	    BIND_N(staff_map), staff, nstaff, "id", contact);
}

static enum app_err
dec_render(struct req *r, const struct decision_referral *ref,
    const struct dec_form *f)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct participation_income *income;
	struct referral_coremittent *corem;
	size_t nincome, ncorem;
	struct consent_status_facts facts = { 0, 0 };
	int open = referral_open(ref->status);
	struct referral_dup_row *dups = NULL;
	size_t ndups = 0;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	/* Before deciding: the same person's other open application or
	 * ongoing participation in this insats (referral_dup.h). */
	if (open &&
	    (e = referral_duplicates(r, REFERRAL_DUP_INSATS, ref->personnummer,
	         ref->insats_id, ref->id, &dups, &ndups)) != APP_OK)
		return e;
	if ((e = referral_dup_bind(r, ctx, dups, ndups, "/inkorg/", 1)) !=
	    APP_OK)
		return e;
	/* Logged before anything of the person is shown. */
	if ((e = audit_write(r, AUDIT_READ, "referral", ref->id,
	         ref->personnummer, STR_LIT(""))) != APP_OK)
		return e;
	if ((e = bind_record(ctx, &decision_referral_record, dec_map,
	         BIND_N(dec_map), ref)) != APP_OK ||
	    (e = page_form_limits(r, ctx, dec_anta_spec, AN__MAX)) != APP_OK ||
	    (e = page_form_limits(r, ctx, dec_avrada_spec, AV__MAX)) !=
	        APP_OK ||
	    (e = page_form_limits(r, ctx, dec_aterfor_spec, AT__MAX)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "pnr", part_pnr_show(r, ref->personnummer))) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "gender",
	         gender_label_of(ref->person.gender))) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "status_label",
	         referral_status_inbox_label(ref->status))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "open", open)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "waiting",
	         ref->status == REFERRAL_VANTELISTA)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "full",
	         participation_insats_full(ref->places, ref->inskrivna))) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", f->notice)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "conflict", f->conflict)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "full_error", f->full)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "consent_error", f->consent)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "form_error", f->form_error)) != APP_OK ||
	    (e = consent_bind_status(r, ctx, ref->id, ACCESS_INSATS, &facts)) !=
	        APP_OK)
		return e;
	/* Up front: a decision needs a waiver covering the referring
	 * organisation (include/consent.h); say so before anyone types. The
	 * decision itself asks again under its lock. */
	if (open) {
		if ((e = view_ctx_set_bool(
		         ctx, "consent_missing", !facts.covered)) != APP_OK ||
		    (e = view_ctx_set_bool(ctx, "consent_visa_marker",
		         ref->consent_at_visa)) != APP_OK)
			return e;
	}
	if (!ref->person.protected_identity &&
	    (e = bind_record(ctx, &decision_referral_record, dec_address_map,
	         BIND_N(dec_address_map), ref)) != APP_OK)
		return e;
	if ((e = referral_decision_lists(
	         r, ref->id, &income, &nincome, &corem, &ncorem)) != APP_OK ||
	    (e = bind_list(ctx, "income", &participation_income_record,
	         income_map, BIND_N(income_map), income, nincome)) != APP_OK ||
	    (e = bind_list(ctx, "coremittents", &referral_coremittent_record,
	         corem_map, BIND_N(corem_map), corem, ncorem)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_coremittents", ncorem > 0)) !=
	        APP_OK)
		return e;
	if (ref->status == REFERRAL_ANTAGEN && ref->participation_id.len > 0 &&
	    (e = view_ctx_set_str(
	         ctx, "participation_id", ref->participation_id)) != APP_OK)
		return e;
	if (open && (e = dec_bind_forms(r, ctx, ref, f)) != APP_OK)
		return e;
	return page_render(r, "inkorg_ansokan", "Ansökan", ctx);
}

enum app_err
page_inbox_referral(struct req *r)
{
	struct dec_form f = { .kind = -1 };
	struct decision_referral ref;
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = dec_load(r, id, &ref)) != APP_OK)
		return e;
	if (req_query(r, "sparat") != NULL)
		f.notice = "Beslutet är sparat.";
	return dec_render(r, &ref, &f);
}

/* Validate the submitted decision's own fields into f; cross-field and
 * code checks too. Returns the number of errors in *nerr. */
static enum app_err
dec_validate(struct req *r, const struct decision_referral *ref,
    struct dec_form *f, size_t *nerr)
{
	struct code_choices codes[PCODES__MAX];
	size_t n = 0;
	enum app_err e;

	*nerr = 0;
	if (f->kind == DECISION_ATERFOR) {
		if ((e = form_validate(r->a, &r->form, dec_aterfor_spec,
		         AT__MAX, f->at, &n)) != APP_OK)
			return e;
		*nerr = n;
		return APP_OK;
	}
	if (f->kind != DECISION_ANTA && f->kind != DECISION_AVRADA)
		return APP_OK;
	if ((e = participation_codes_load(r, codes)) != APP_OK)
		return e;
	if (f->kind == DECISION_AVRADA) {
		struct field_val *v = f->av;
		if ((e = form_validate(r->a, &r->form, dec_avrada_spec, AV__MAX,
		         v, &n)) != APP_OK)
			return e;
		if (v[AV_CODE].ok &&
		    !code_choices_find(&codes[PCODES_ADVISE], v[AV_CODE].s, 1))
			part_refuse(&v[AV_CODE], PART_CODE_MSG);
		*nerr = part_count_errors(v, AV__MAX);
		return APP_OK;
	}
	struct field_val *v = f->an;
	if ((e = form_validate(
	         r->a, &r->form, dec_anta_spec, AN__MAX, v, &n)) != APP_OK)
		return e;
	if (v[AN_START].ok)
		part_refuse(&v[AN_START],
		    referral_check_start(v[AN_START].i, ref->submitted));
	if (v[AN_START].ok && v[AN_END].ok)
		part_refuse(&v[AN_END],
		    referral_check_planned_end(v[AN_START].i, v[AN_END].i));
	if (v[AN_CONTACT].ok) {
		struct staff_option *staff;
		size_t nstaff;
		int known = 0;
		if ((e = participation_insats_staff(
		         r, ref->insats_id, &staff, &nstaff)) != APP_OK)
			return e;
		for (size_t i = 0; i < nstaff; i++)
			known |= staff[i].id == v[AN_CONTACT].i;
		if (!known)
			part_refuse(&v[AN_CONTACT], MSG_CONTACT);
	} else
		v[AN_CONTACT].error = MSG_CONTACT; /* a <select>: one message */
	if (v[AN_OCC].ok && v[AN_OCC].present &&
	    !code_choices_find(&codes[PCODES_OCCUPATION], v[AN_OCC].s, 1))
		part_refuse(&v[AN_OCC], PART_CODE_MSG);
	*nerr = part_count_errors(v, AN__MAX);
	return APP_OK;
}

/* 409 (or 400): the referral as stored now, with what was typed. */
static enum app_err
dec_again(struct req *r, long long id, struct dec_form *f, int status)
{
	struct decision_referral ref;
	enum app_err e;

	if ((e = dec_load(r, id, &ref)) != APP_OK)
		return e;
	r->resp.status = status;
	return dec_render(r, &ref, f);
}

enum app_err
page_inbox_decide(struct req *r)
{
	struct dec_form f = { .kind = -1 };
	struct field_val head[DF__MAX];
	struct decision_referral ref;
	struct referral_decision_input in = { 0 };
	struct referral_decision_outcome out;
	long long id;
	size_t nerr = 0;
	const char *refused;
	char *loc;
	struct buf list;
	int answered;
	enum app_err e;

	f.key = page_create_key(r);
	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = dec_load(r, id, &ref)) != APP_OK)
		return e;
	if ((e = form_validate(r->a, &r->form, dec_head_spec, DF__MAX, head,
	         &nerr)) != APP_OK)
		return e;
	if (!head[DF_BESLUT].ok) {
		f.form_error = MSG_DEC_UNKNOWN;
		r->resp.status = 400;
		return dec_render(r, &ref, &f);
	}
	f.kind = (int)head[DF_BESLUT].i;
	/* A resend answers as its first POST did, before the rules that
	 * first POST's decision changed (a decided referral is refused). */
	buf_init(&list, r->a);
	if ((e = buf_printf(&list, "/inkorg/%lld", id)) != APP_OK)
		return e;
	if (!page_create_bad(f.key)) {
		e = page_create_seen(r, f.key, list.p, &answered);
		if (page_create_busy(r, e)) {
			f.conflict = PAGE_CREATE_MSG_BUSY;
			r->resp.status = 409;
			return dec_render(r, &ref, &f);
		}
		if (e != APP_OK || answered)
			return e;
	}
	if ((refused = referral_decide_refusal(
	         ref.status, (enum referral_decision)f.kind)) != NULL) {
		f.conflict = refused;
		r->resp.status = 409;
		return dec_render(r, &ref, &f);
	}
	if ((e = dec_validate(r, &ref, &f, &nerr)) != APP_OK)
		return e;
	if (!head[DF_VERSION].ok) {
		f.form_error = PART_FORM_STALE_MSG;
		nerr++;
	}
	if (page_create_bad(f.key)) {
		f.form_error = PAGE_CREATE_MSG_BAD;
		nerr++;
	}
	if (nerr > 0) {
		r->resp.status = 400;
		return dec_render(r, &ref, &f);
	}
	in.decision = (enum referral_decision)f.kind;
	in.version = head[DF_VERSION].i;
	if (in.decision == DECISION_ANTA) {
		in.start = f.an[AN_START].i;
		in.planned_end = f.an[AN_END].i;
		in.contact_id = f.an[AN_CONTACT].i;
		in.hours = f.an[AN_HOURS].i;
		in.occupation =
		    f.an[AN_OCC].present ? f.an[AN_OCC].s : STR_LIT("");
	} else if (in.decision == DECISION_AVRADA) {
		in.reason = f.av[AV_REASON].s;
		in.advise_code = f.av[AV_CODE].s;
	} else if (in.decision == DECISION_ATERFOR)
		in.reason = f.at[AT_REASON].s;
	in.once_key = f.key;
	if ((e = referral_decide(r, &ref, &in, &out)) != APP_OK)
		return e;
	switch (out.result) {
	case EDIT_SAVED: break;
	case EDIT_STALE:
		/* Decided or changed since the page was shown: show what is
		 * stored now, with what was typed. */
		f.conflict = PART_CONFLICT_MSG;
		return dec_again(r, id, &f, 409);
	case EDIT_BUSY:
		f.conflict = EDIT_MSG_BUSY;
		return dec_again(r, id, &f, 409);
	case EDIT_REFUSED:
		if (out.why == DECISION_REFUSE_CONSENT)
			f.consent = out.refused;
		else if (out.why == DECISION_REFUSE_FULL)
			f.full = out.refused;
		else
			f.conflict = out.refused;
		return dec_again(r, id, &f, 409);
	}
	if (out.location.len == 0) /* a repeat whose first stored none */
		return page_redirect(r, list.p);
	if ((loc = str_dup_cstr(r->a, out.location)) == NULL)
		return APP_ENOMEM;
	return page_redirect(r, loc);
}

/* One route, four tables: the decision, then the chosen kind's fields. */
static const struct form_def participation_forms[] = {
	{ "POST /inkorg/:id/beslut", "inkorg_ansokan", dec_head_spec, DF__MAX },
	{ "POST /inkorg/:id/beslut", "inkorg_ansokan", dec_anta_spec, AN__MAX },
	{ "POST /inkorg/:id/beslut", "inkorg_ansokan", dec_avrada_spec,
	    AV__MAX },
	{ "POST /inkorg/:id/beslut", "inkorg_ansokan", dec_aterfor_spec,
	    AT__MAX },
};

const struct form_def *
page_participation_forms(size_t *n)
{
	*n = sizeof(participation_forms) / sizeof(participation_forms[0]);
	return participation_forms;
}
