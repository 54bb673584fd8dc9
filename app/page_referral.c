/* page_referral.c: the remittent's list, one referral and the search; see
 * include/page_referral.h. The form is in page_referral_form.c and
 * page_referral_save.c. */
#include <string.h>

#include "gender.h"
#include "access.h"
#include "arena.h"
#include "audit.h"
#include "bind.h"
#include "consent.h"
#include "contact.h"
#include "date.h"
#include "db.h"
#include "form.h"
#include "form_registry.h"
#include "history.h"
#include "page_referral.h"
#include "pages.h"
#include "paging.h"
#include "person.h"
#include "pnr.h"
#include "referral.h"
#include "referral_withdraw.h"
#include "req.h"
#include "session.h"
#include "view.h"

#define MSG_PNR_REQUIRED "Ange personnummer eller samordningsnummer."

/* ---- shared helpers (page_referral.h) ---- */

unsigned
ref_parts(const struct req *r, const struct referral *ref, unsigned via)
{
	struct vis_in in =
	    access_vis_in(r, via, ref->waiver, ref->rp.protected_identity);

	return visibility(&in);
}

/* A list row's columns as the view names them. */
static const struct bind_key ref_row_map[] = {
	{ "id", "id" },
	{ "insats", "insats" },
	{ "first_name", "first_name" },
	{ "last_name", "last_name" },
	{ "created", "created" },
	{ "submitted", "submitted" },
	{ "own", "own" },
	{ "remittent", "remittent" },
};

/* ... and those the consent may hide: the status and the decision. */
static const struct bind_key ref_row_detail_map[] = {
	{ "status", "status" },
	{ "visa_date", "visa_date" },
	{ "decided", "decided" },
};

enum app_err
ref_list_bind(struct req *r, struct view_ctx *ctx,
    const struct referral_row *rows, size_t nrows)
{
	size_t n = nrows > REFERRAL_LIST_MAX ? REFERRAL_LIST_MAX : nrows;
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "referrals")) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "count", (long long)n)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "truncated", nrows > REFERRAL_LIST_MAX)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "referrals");
		const struct referral_row *row = &rows[i];
		struct vis_in in =
		    access_vis_in(r, referral_row_via(row), row->waiver, 0);
		/* The consent no longer names the caller's organisation: the
		 * row says only that the referral exists, not its decision. */
		int hidden = !vis_may(&in, VIS_DETAILS);

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &referral_row_record, ref_row_map,
		         BIND_N(ref_row_map), row)) != APP_OK)
			return e;
		if (hidden &&
		    ((e = view_ctx_set_cstr(it, "status", "samtycke")) !=
		            APP_OK ||
		        (e = view_ctx_set_cstr(it, "status_label",
		             REF_CONSENT_HIDDEN_LABEL)) != APP_OK ||
		        (e = view_ctx_set_cstr(it, "visa_date", "")) !=
		            APP_OK ||
		        (e = view_ctx_set_cstr(it, "decided", "")) != APP_OK))
			return e;
		if (!hidden &&
		    ((e = bind_record(it, &referral_row_record,
		          ref_row_detail_map, BIND_N(ref_row_detail_map),
		          row)) != APP_OK ||
		        (e = view_ctx_set_cstr(it, "status_label",
		             referral_status_label(row->status))) != APP_OK))
			return e;
	}
	return APP_OK;
}

/* ---- the list ---- */

/* The status filter as a list of options, selected marked. */
static enum app_err
ref_status_options(struct view_ctx *ctx, const enum referral_status *selected)
{
	const char *names[REFERRAL_STATUS__MAX], *labels[REFERRAL_STATUS__MAX];

	for (int s = 0; s < REFERRAL_STATUS__MAX; s++) {
		names[s] = referral_status_name((enum referral_status)s);
		labels[s] = referral_status_label((enum referral_status)s);
	}
	return bind_choices(ctx, "statuses", names, labels,
	    REFERRAL_STATUS__MAX,
	    selected != NULL ? str_cstr(referral_status_name(*selected))
	                     : STR_LIT(""));
}

/* The search by personnummer, on the list and on its own page. */
static const struct field_spec ref_search_spec[] = {
	{ "personnummer", FT_TEXT, 1, 20, FF_REQUIRED, NULL },
};

enum app_err
page_referrals(struct req *r)
{
	const struct str *q = req_query(r, "status");
	enum referral_status status;
	const enum referral_status *filter = NULL;
	struct referral_row *rows;
	struct view_ctx *ctx;
	struct paging pg;
	struct buf detail, fq;
	long long total;
	size_t n;
	enum app_err e;

	/* An unknown status is no filter, a bad page or sort the first page
	 * in the default order: the list is never an error. */
	if (q != NULL && referral_status_from_name(*q, &status))
		filter = &status;
	paging_from_query(
	    r, referral_sorts, REFERRAL_SORT__MAX, REFERRAL_SORT_CHANGED, &pg);
	if ((e = referral_list(r, filter, &pg, &rows, &n, &total)) != APP_OK)
		return e;
	/* Past the last page: the first one instead. */
	if (n == 0 && pg.page > 1) {
		pg.page = 1;
		if ((e = referral_list(r, filter, &pg, &rows, &n, &total)) !=
		    APP_OK)
			return e;
	}
	/* The list names participants: that is a read of their data. */
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "list: %zu rows (page %lld of %lld)", n,
	         pg.page, total)) != APP_OK ||
	    (e = audit_write(r, AUDIT_READ, "referral_list", -1, STR_LIT(""),
	         buf_str(&detail))) != APP_OK)
		return e;
	/* The links keep the filter: a status name, our own text. */
	buf_init(&fq, r->a);
	if (filter != NULL &&
	    (e = buf_printf(&fq, "status=%s", referral_status_name(*filter))) !=
	        APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	/* The search form on the list starts empty. */
	if ((e = ref_list_bind(r, ctx, rows, n)) != APP_OK ||
	    (e = paging_bind(r, ctx, &pg, total, n, "/ansokningar",
	         fq.len ? buf_str(&fq) : STR_LIT(""), referral_sorts,
	         REFERRAL_SORT__MAX)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "paged", 1)) != APP_OK ||
	    (e = page_form_limits(r, ctx, ref_search_spec, 1)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "personnummer", STR_LIT(""))) !=
	        APP_OK ||
	    (e = ref_status_options(ctx, filter)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "filtered", filter != NULL)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "filter_label",
	         filter != NULL ? referral_status_label(*filter) : "")) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "filter_value",
	         filter != NULL ? referral_status_name(*filter) : "")) !=
	        APP_OK)
		return e;
	return page_render(r, "ansokningar", "Ansökningar", ctx);
}

/* ---- the search ---- */

static enum app_err
ref_search_render(struct req *r, struct str typed, const char *error,
    const struct referral_row *rows, size_t n)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_str(ctx, "personnummer", typed)) != APP_OK ||
	    (e = page_form_limits(r, ctx, ref_search_spec, 1)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "personnummer_fel", error)) != APP_OK ||
	    (e = ref_status_options(ctx, NULL)) != APP_OK)
		return e;
	if (error == NULL &&
	    ((e = view_ctx_set_bool(ctx, "searched", 1)) != APP_OK ||
	        (e = ref_list_bind(r, ctx, rows, n)) != APP_OK))
		return e;
	return page_render(r, "ansokan_sok", "Sök ansökningar", ctx);
}

enum app_err
page_referral_search(struct req *r)
{
	struct field_val fv[1];
	struct referral_row *rows;
	struct buf detail;
	struct pnr pnr;
	const char *err;
	size_t nerr, n;
	int y, m, d;
	enum app_err e;

	if ((e = form_validate(
	         r->a, &r->form, ref_search_spec, 1, fv, &nerr)) != APP_OK)
		return e;
	date_today(&y, &m, &d);
	if (!fv[0].present)
		err = MSG_PNR_REQUIRED;
	else if (!fv[0].ok)
		err = fv[0].error;
	else
		err = pnr_parse(fv[0].s, y, m, d, &pnr);
	if (err != NULL) {
		r->resp.status = 400;
		return ref_search_render(r, fv[0].s, err, NULL, 0);
	}
	if ((e = referral_search(r, str_cstr(pnr.digits), &rows, &n)) != APP_OK)
		return e;
	/* Logged whether or not anything was found: the question itself
	 * says that the caller looked for this person. */
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "search: %zu hits", n)) != APP_OK ||
	    (e = audit_write(r, AUDIT_SEARCH, "person", -1,
	         str_cstr(pnr.digits), buf_str(&detail))) != APP_OK)
		return e;
	return ref_search_render(r, fv[0].s, NULL, rows, n);
}

/* ---- one referral ---- */

static const char *const ref_field_labels[][2] = {
	{ "status", "Status" },
	{ "insats", "Insats" },
	{ "visa_date", "VISA-besök" },
	{ "sick_leave_percent", "Sjukskrivning (%)" },
	{ "employed", "Anställd" },
	{ "employer", "Arbetsgivare" },
	{ "employer_rehab_responsibility",
	    "Arbetsgivarens rehabiliteringsansvar" },
	{ "support_time_code", "Tid i offentlig försörjning" },
	{ "education_code", "Utbildning" },
	{ "background", "Bakgrund" },
	{ "own_goals", "Egna mål" },
	{ "needs", "Behov" },
	{ "tried_before", "Provat tidigare" },
	{ "consent_at_visa", "Samtycket tas vid VISA-besöket" },
	{ "income", "Försörjning" },
	{ "income_extent", "Försörjning, omfattning (%)" },
	{ "coremittenter", "Medremittenter" },
	{ "withdrawn_reason", "Skäl till återkallelse" },
};

static struct str
ref_field_label(struct str field)
{
	const char *person = contact_field_label(field);

	if (person != NULL)
		return str_cstr(person);
	for (size_t i = 0;
	     i < sizeof(ref_field_labels) / sizeof(ref_field_labels[0]); i++)
		if (str_eq_cstr(field, ref_field_labels[i][0]))
			return str_cstr(ref_field_labels[i][1]);
	return field;
}

/* The referral's history rows of its person fields (person = 1: the
 * referral's record of the person, sql/0022) or of the rest (person = 0)
 * as list key of ctx; an address field's values only with VIS_ADDRESS. */
static enum app_err
ref_history_bind(struct view_ctx *ctx, const char *key, const char *any_key,
    const struct history_row *h, size_t nh, int person, unsigned parts)
{
	static const struct bind_key map[] = {
		{ "at", "at" },
		{ "who", "who" },
		{ "field", "field" },
	};
	int any = 0;
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, key)) != APP_OK)
		return e;
	for (size_t i = 0; i < nh; i++) {
		struct view_ctx *it;
		int hide = !(parts & VIS_BIT(VIS_ADDRESS)) &&
		    contact_field_is_address(h[i].field);
		struct str old = history_value_label(
		               HISTORY_REFERRAL, h[i].field, h[i].old_value),
		           new_ = history_value_label(
		               HISTORY_REFERRAL, h[i].field, h[i].new_value);

		if ((contact_field_label(h[i].field) != NULL) != person)
			continue;
		any = 1;
		if ((it = view_ctx_list_add(ctx, key)) == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &history_row_record, map, BIND_N(map),
		         &h[i])) != APP_OK ||
		    (e = view_ctx_set_str(it, "field_label",
		         ref_field_label(h[i].field))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "hidden", hide)) != APP_OK ||
		    (!hide &&
		        ((e = view_ctx_set_str(it, "old", old)) != APP_OK ||
		            (e = view_ctx_set_str(it, "new", new_)) != APP_OK)))
			return e;
	}
	return view_ctx_set_bool(ctx, any_key, any);
}

/* The stored referral's fields as the views name them. */
static const struct bind_key ref_stored_map[] = {
	{ "id", "id" },
	{ "status", "status" },
	{ "insats", "insats" },
	{ "remittent", "remittent" },
	{ "remittent_email", "remittent_email" },
	{ "organisation", "remittent_org" },
	{ "organisation_parent", "remittent_org_parent" },
	{ "visa_date", "visa_date" },
	{ "sick_leave_percent", "sick_leave" },
	{ "employed", "employed" },
	{ "employer", "employer" },
	{ "employer_rehab_responsibility", "employer_rehab" },
	{ "support_time", "support_time" },
	{ "education", "education" },
	{ "background", "background" },
	{ "own_goals", "own_goals" },
	{ "needs", "needs" },
	{ "tried_before", "tried_before" },
	{ "created", "created" },
	{ "submitted", "submitted" },
	{ "decided", "decided" },
	{ "decided_by", "decided_by" },
	{ "decision_reason", "decision_reason" },
	{ "advise_against", "advise_against" },
	{ "first_name", "first_name" },
	{ "last_name", "last_name" },
	{ "birth_year", "birth_year" },
	{ "protected_identity", "protected" },
	{ "home_municipality", "municipality" },
	{ "interpreter_needed", "interpreter" },
	{ "interpreter_language", "language" },
};

/* Where the person lives and is reached (VIS_ADDRESS). */
static const struct bind_key ref_address_map[] = {
	{ "address", "address" },
	{ "postal_code", "postal_code" },
	{ "city", "city" },
	{ "phone", "phone" },
};

enum app_err
ref_bind_stored(struct req *r, struct view_ctx *ctx, const struct referral *ref,
    unsigned parts)
{
	enum referral_status st = ref->status;
	int full = 0;
	enum app_err e;

	/* "Full just nu" only when it is: the inbox's occupancy. */
	if (st == REFERRAL_VANTELISTA &&
	    (e = referral_insats_full(r, ref->insats_id, &full)) != APP_OK)
		return e;
	if ((e = bind_record(ctx, &referral_record, ref_stored_map,
	         BIND_N(ref_stored_map), ref)) != APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "status_label", referral_status_label(st))) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "is_decided", referral_status_decided(st))) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "is_antagen", st == REFERRAL_ANTAGEN)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_avradd", st == REFERRAL_AVRADD)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "is_aterford", st == REFERRAL_ATERFORD)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "is_vantelista", st == REFERRAL_VANTELISTA)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "insats_full", full)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "pnr",
	         person_pnr_shown(r->a, ref->person.personnummer))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "samordningsnummer",
	         person_is_samordningsnummer(&ref->person))) != APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "gender", gender_label_of(ref->rp.gender))) != APP_OK)
		return e;
	/* Skyddade personuppgifter: where the person lives is not shown
	 * here; only the remittent's own edit form holds it. */
	if (parts & VIS_BIT(VIS_ADDRESS))
		return bind_record(ctx, &referral_record, ref_address_map,
		    BIND_N(ref_address_map), ref);
	return APP_OK;
}

enum app_err
ref_bind_links(struct view_ctx *ctx, const struct referral_links *l)
{
	static const struct bind_key income_map[] = {
		{ "label", "label" },
	};
	static const struct bind_key corem_map[] = {
		{ "name", "name" },
		{ "contact", "contact" },
		{ "username", "username" },
		{ "org", "org" },
		{ "org_parent", "org_parent" },
	};
	enum app_err e;

	if ((e = bind_list(ctx, "income", &referral_income_record, income_map,
	         BIND_N(income_map), l->income, l->nincome)) != APP_OK ||
	    (e = bind_list(ctx, "coremittents", &referral_corem_record,
	         corem_map, BIND_N(corem_map), l->corem, l->ncorem)) != APP_OK)
		return e;
	return view_ctx_set_bool(ctx, "has_coremittents", l->ncorem > 0);
}

/* Why the remittent side sees only that a referral exists, by the waiver
 * state as it reads it (vis_remittent_waiver()). */
static const char *const ref_hidden_why[VIS_WAIVER__MAX] = {
	[VIS_WAIVER_OTHER_ORGS] = "Din organisation är inte part i "
	                          "deltagarens senaste samtycke "
	                          "(sekretesslättnad). Be insatsen ta ett "
	                          "samtycke som namnger din organisation om "
	                          "ni behöver dela uppgifterna.",
	[VIS_WAIVER_EXPIRED_OTHER_ORGS] = "Deltagarens senaste samtycke "
	                                  "(sekretesslättnad) har gått ut "
	                                  "och din organisation är inte "
	                                  "part i det.",
	[VIS_WAIVER_REVOKED] = "Deltagaren har återkallat samtycket. Inget "
	                       "mer får delas med parterna i det. Kontakta "
	                       "insatsen om du behöver veta mer.",
	[VIS_WAIVER_IN_ERROR] = "Det senaste samtycket är markerat som "
	                        "felaktigt. Kontakta insatsen om du behöver "
	                        "veta mer.",
	[VIS_WAIVER_NONE_OTHER_ORG] = "Du är medremittent från en annan "
	                              "organisation än remittentens. Be "
	                              "remittenten eller insatsen ta ett "
	                              "samtycke som namnger din "
	                              "organisation om ni behöver dela "
	                              "uppgifterna.",
};

enum app_err
ref_render_hidden(
    struct req *r, const struct referral *ref, unsigned via, const char *detail)
{
	static const struct bind_key map[] = {
		{ "id", "id" },
		{ "insats", "insats" },
		{ "first_name", "first_name" },
		{ "last_name", "last_name" },
	};
	enum vis_waiver w =
	    vis_remittent_waiver(ref->waiver, via & ACCESS_VIA_REMITTENT);
	int not_yet = w == VIS_WAIVER_NONE_OTHER_ORG;
	const char *why = ref_hidden_why[w];
	struct view_ctx *ctx;
	enum app_err e;

	/* The name and the insats are still the person's data. */
	if ((e = audit_write(r, AUDIT_READ, "referral", ref->id,
	         ref->person.personnummer, str_cstr(detail))) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = bind_record(ctx, &referral_record, map, BIND_N(map), ref)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "message",
	         not_yet ? REF_CONSENT_NOT_YET_MSG : REF_CONSENT_HIDDEN_MSG)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "why",
	         why != NULL ? why
	                     : "Kontakta insatsen om du behöver veta mer.")) !=
	        APP_OK ||
	    (e = ref_follow_exists_bind(r, ctx, ref)) != APP_OK)
		return e;
	return page_render(r, "ansokan_begransad", "Ansökan", ctx);
}

/* The withdraw form's fields (page_referral_withdraw.c validates). */
static const struct field_spec ref_withdraw_spec[REF_WITHDRAW__MAX] = {
	[REF_WITHDRAW_REASON] = { "aterkalla_skal", FT_TEXT, 1,
	    REFERRAL_WITHDRAW_REASON_MAX, FF_REQUIRED | FF_MULTILINE, NULL },
	[REF_WITHDRAW_VERSION] = { "version", FT_INT, 1, 4294967295LL,
	    FF_REQUIRED, NULL },
};

const struct field_spec *
ref_withdraw_fields(void)
{
	return ref_withdraw_spec;
}

/* The withdrawal: when it happened and why, or the form (own referral,
 * a status that may be withdrawn) with what was typed. */
static enum app_err
ref_bind_withdraw(struct req *r, struct view_ctx *ctx,
    const struct referral *ref, unsigned via, unsigned parts,
    const struct ref_withdraw_form *wf)
{
	int may = (via & ACCESS_OWN) && (parts & VIS_BIT(VIS_EDIT)) &&
	    referral_may_withdraw(ref->status);
	enum app_err e;

	if ((e = view_ctx_set_bool(ctx, "is_withdrawn",
	         ref->status == REFERRAL_ATERKALLAD)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "withdrawn", ref->withdrawn)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "withdrawn_reason", ref->withdrawn_reason)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "can_withdraw", may)) != APP_OK ||
	    /* Refused for good: what was typed is shown, not lost. */
	    (e = view_ctx_set_bool(ctx, "aterkalla_kvar",
	         !may && wf != NULL && wf->reason.len > 0)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "version", ref->version)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "aterkalla_skal",
	         wf != NULL ? wf->reason : STR_LIT(""))) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "aterkalla_fel",
	         wf != NULL ? wf->error : NULL)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "aterkalla_konflikt",
	         wf != NULL ? wf->conflict : NULL)) != APP_OK)
		return e;
	return page_form_limits(r, ctx, ref_withdraw_spec, REF_WITHDRAW__MAX);
}

enum app_err
ref_page_render(struct req *r, long long id, const struct ref_withdraw_form *wf)
{
	struct referral ref;
	struct referral_links links;
	struct history_row *h;
	struct view_ctx *ctx;
	unsigned via, parts;
	size_t nh;
	int own, found;
	enum app_err e;

	if ((e = access_referral(r, id, &via)) != APP_OK ||
	    (e = referral_load(r, id, &ref, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	parts = ref_parts(r, &ref, via);
	if (!(parts & VIS_BIT(VIS_DETAILS)))
		return ref_render_hidden(
		    r, &ref, via, "consent: existence only");
	/* Logged before anything of the person is shown. */
	if ((e = audit_write(r, AUDIT_READ, "referral", id,
	         ref.person.personnummer, STR_LIT(""))) != APP_OK)
		return e;
	own = (via & ACCESS_OWN) != 0;
	if ((e = history_load(r, HISTORY_REFERRAL, id, &h, &nh)) != APP_OK ||
	    (e = referral_links_load(r, id, &links)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = ref_bind_stored(r, ctx, &ref, parts)) != APP_OK ||
	    (e = ref_bind_links(ctx, &links)) != APP_OK ||
	    (e = ref_history_bind(
	         ctx, "history", "has_history", h, nh, 0, parts)) != APP_OK ||
	    (e = ref_history_bind(ctx, "person_history", "has_person_history",
	         h, nh, 1, parts)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "own", own)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "via_coremittent",
	         !own && (via & ACCESS_COREMITTENT))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "via_unit",
	         !own && !(via & ACCESS_COREMITTENT) && (via & ACCESS_UNIT))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "can_edit",
	         (parts & VIS_BIT(VIS_EDIT)) &&
	             referral_may_edit(ref.status) == REFERRAL_OK)) != APP_OK ||
	    (e = ref_bind_withdraw(r, ctx, &ref, via, parts, wf)) != APP_OK ||
	    (e = consent_bind_status(r, ctx, id, via, NULL)) != APP_OK ||
	    (e = ref_follow_bind(r, ctx, &ref, via)) != APP_OK)
		return e;
	if (req_query(r, "sparat") != NULL)
		e = view_ctx_set_cstr(ctx, "notice", "Utkastet är sparat.");
	else if (req_query(r, "skickat") != NULL)
		e = view_ctx_set_cstr(
		    ctx, "notice", "Ansökan är inskickad till insatsen.");
	else if (req_query(r, "aterkallad") != NULL)
		e = view_ctx_set_cstr(ctx, "notice",
		    "Ansökan är återkallad. Den finns inte längre i insatsens "
		    "inkorg.");
	else if (req_query(r, "redan_aterkallad") != NULL)
		e = view_ctx_set_cstr(ctx, "notice",
		    "Ansökan var redan återkallad. Inget mer har ändrats.");
	if (e != APP_OK)
		return e;
	return page_render(r, "ansokan", "Ansökan", ctx);
}

enum app_err
page_referral(struct req *r)
{
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK)
		return e;
	return ref_page_render(r, id, NULL);
}

static const struct form_def referral_forms[] = {
	{ "POST /ansokningar/sok", "partials/ansokan_sokform", ref_search_spec,
	    1 },
	{ "POST /ansokningar/:id/aterkalla", "ansokan", ref_withdraw_spec,
	    REF_WITHDRAW__MAX },
};

const struct form_def *
page_referral_forms(size_t *n)
{
	*n = sizeof(referral_forms) / sizeof(referral_forms[0]);
	return referral_forms;
}
