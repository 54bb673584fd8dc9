/* page_referral_render.c: the application form's page, new or edit: the
 * typed or stored values, every error next to its field, the choices and,
 * after a conflict, what is stored now; see include/page_referral_form.h. */
#include "gender.h"
#include "bind.h"
#include "form.h"
#include "page_referral.h"
#include "page_referral_form.h"
#include "pages.h"
#include "person.h"
#include "referral.h"
#include "referral_dup.h"
#include "req.h"
#include "session.h"
#include "view.h"

/* The view's key for each field's error message (literals: the view
 * keeps the pointer). Medremittent rows use per-row keys instead. */
static const char *const rf_err_key[RF__MAX] = {
	[RF_PNR] = "personnummer_fel",
	[RF_FIRST] = "fornamn_fel",
	[RF_LAST] = "efternamn_fel",
	[RF_GENDER] = "kon_fel",
	[RF_ADDRESS] = "adress_fel",
	[RF_POSTAL] = "postnummer_fel",
	[RF_CITY] = "ort_fel",
	[RF_PHONE] = "telefon_fel",
	[RF_MUNICIPALITY] = "kommun_fel",
	[RF_INTERPRETER] = "tolk_fel",
	[RF_LANGUAGE] = "tolk_sprak_fel",
	[RF_PROTECTED] = "skyddad_fel",
	[RF_INSATS] = "insats_fel",
	[RF_VISA] = "visa_datum_fel",
	[RF_INCOME] = "forsorjning_fel",
	[RF_SICK] = "sjukskrivning_fel",
	[RF_EMPLOYED] = "anstalld_fel",
	[RF_EMPLOYER] = "arbetsgivare_fel",
	[RF_REHAB] = "arbetsgivare_rehab_fel",
	[RF_SUPPORT] = "tid_forsorjning_fel",
	[RF_EDU] = "utbildning_fel",
	[RF_BACKGROUND] = "bakgrund_fel",
	[RF_GOALS] = "mal_fel",
	[RF_NEEDS] = "behov_fel",
	[RF_TRIED] = "provat_fel",
	[RF_CONSENT_VISA] = "samtycke_vid_visa_fel",
};

static const char *const rf_corem_err_key[4] = { "org_fel", "namn_fel",
	"kontakt_fel", "konto_fel" };

/* The caller's own details: the remittent of a new application. */
static enum app_err
rf_bind_remittent(struct req *r, struct view_ctx *ctx)
{
	struct str org, mail;
	enum app_err e;

	if ((e = referral_org_label(r, r->user->organisation_id, &org)) !=
	        APP_OK ||
	    (e = referral_staff_email(r, r->user->id, &mail)) != APP_OK)
		return e;
	if ((e = view_ctx_set_str(
	         ctx, "remittent_name", r->user->display_name)) != APP_OK)
		return e;
	if (org.len > 0 &&
	    (e = view_ctx_set_str(ctx, "remittent_org", org)) != APP_OK)
		return e;
	if (mail.len > 0 &&
	    (e = view_ctx_set_str(ctx, "remittent_email", mail)) != APP_OK)
		return e;
	return APP_OK;
}

static const struct bind_key rf_org_map[] = {
	{ "id", "id" },
	{ "label", "label" },
};

static enum app_err
rf_bind_corem(
    struct view_ctx *ctx, const struct ref_form *f, const struct ref_lists *L)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "med")) != APP_OK)
		return e;
	for (int k = 0; k < REFERRAL_COREM_MAX; k++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "med");

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(it, "n", k + 1)) != APP_OK ||
		    (e = view_ctx_set_str(it, "namn", f->v[RF_M(k, 1)])) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "kontakt", f->v[RF_M(k, 2)])) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "konto", f->v[RF_M(k, 3)])) !=
		        APP_OK ||
		    (e = bind_options(it, "orgs", &referral_org_choice_record,
		         rf_org_map, BIND_N(rf_org_map), L->orgs, L->norgs,
		         "id", f->v[RF_M(k, 0)])) != APP_OK)
			return e;
		for (int j = 0; j < 4; j++)
			if ((e = page_form_error(it, rf_corem_err_key[j],
			         f->err[RF_M(k, j)])) != APP_OK)
				return e;
	}
	return APP_OK;
}

/* The gender to preselect: as typed or stored, else the personnummer's
 * traditional default, a suggestion only. */
static struct str
rf_gender_shown(const struct ref_form *f)
{
	if (f->v[RF_GENDER].len > 0 || !f->pnr_ok)
		return f->v[RF_GENDER];
	return person_gender_default(&f->pnr);
}

/* The option lists of the form. */
static enum app_err
rf_bind_choices(
    struct view_ctx *ctx, const struct ref_form *f, const struct ref_lists *L)
{
	static const struct bind_key insats_map[] = {
		{ "id", "value" },
		{ "name", "label" },
	};
	static const struct bind_key code_map[] = {
		{ "code", "value" },
		{ "label", "label" },
	};
	enum app_err e;

	if ((e = bind_choices(ctx, "kon_val", gender_names, gender_labels,
	         GENDER__MAX, rf_gender_shown(f))) != APP_OK ||
	    (e = bind_choices(ctx, "sjuk_val", rf_spec[RF_SICK].choices,
	         rf_spec[RF_SICK].choices, 4, f->v[RF_SICK])) != APP_OK ||
	    (e = bind_options(ctx, "utb_val", &referral_code_record, code_map,
	         BIND_N(code_map), L->edu.rows, L->edu.n, "code",
	         f->v[RF_EDU])) != APP_OK ||
	    (e = bind_options(ctx, "tid_val", &referral_code_record, code_map,
	         BIND_N(code_map), L->support.rows, L->support.n, "code",
	         f->v[RF_SUPPORT])) != APP_OK ||
	    (e = bind_options(ctx, "insats_val", &referral_insats_choice_record,
	         insats_map, BIND_N(insats_map), L->offered, L->noffered, "id",
	         f->v[RF_INSATS])) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "forsorjning_val")) != APP_OK)
		return e;
	/* Check boxes: "checked", any number of them. */
	for (size_t i = 0; i < L->income.n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "forsorjning_val");
		const struct referral_code *c = &L->income.rows[i];
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &referral_code_record, code_map,
		         BIND_N(code_map), c)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "checked",
		         rf_in(c->code, f->income, f->nincome))) != APP_OK)
			return e;
	}
	return rf_bind_corem(ctx, f, L);
}

/* The typed or stored values and their errors, by the field table. */
static enum app_err
rf_bind_values(struct view_ctx *ctx, const struct ref_form *f)
{
	enum app_err e;

	for (int i = 0; i < RF__MAX; i++) {
		const struct field_spec *sp = &rf_spec[i];

		if (sp->type == FT_BOOL)
			e = view_ctx_set_bool(ctx, sp->name, f->v[i].len > 0);
		else
			e = view_ctx_set_str(ctx, sp->name, f->v[i]);
		if (e != APP_OK)
			return e;
		if (rf_err_key[i] != NULL &&
		    (e = page_form_error(ctx, rf_err_key[i], f->err[i])) !=
		        APP_OK)
			return e;
		if (f->err[i] != NULL &&
		    (e = view_ctx_set_bool(ctx, "has_errors", 1)) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
rf_render(struct req *r, const struct ref_form *f, const struct ref_lists *L)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct buf action;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	buf_init(&action, r->a);
	if (f->id == 0)
		e = buf_puts(&action, "/ansokningar/ny");
	else
		e = buf_printf(&action, "/ansokningar/%lld/andra", f->id);
	if (e != APP_OK)
		return e;
	if ((e = view_ctx_set_bool(ctx, "is_new", f->id == 0)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "id", f->id)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "action", buf_str(&action))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "version", f->version)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "pnr_shown", f->pnr_shown)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "locked", f->locked)) != APP_OK ||
	    (e = page_form_limits(r, ctx, rf_spec, RF__MAX)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "consent_covers_org", f->covered)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "form_error", f->form_error)) != APP_OK)
		return e;
	if (f->stored != NULL &&
	    (e = view_ctx_set_cstr(ctx, "status_label",
	         referral_status_label(f->stored->status))) != APP_OK)
		return e;
	if ((e = rf_bind_values(ctx, f)) != APP_OK ||
	    (e = referral_dup_bind(
	         r, ctx, f->dups, f->ndups, "/ansokningar/", 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "dubblett_ok", f->dup_ok)) != APP_OK ||
	    (e = rf_bind_choices(ctx, f, L)) != APP_OK ||
	    (e = rf_bind_remittent(r, ctx)) != APP_OK)
		return e;
	if (f->conflict) {
		struct view_ctx *cur;
		if ((e = view_ctx_set_cstr(
		         ctx, "conflict", REF_CONFLICT_MSG)) != APP_OK)
			return e;
		if ((cur = view_ctx_list_add(ctx, "current")) == NULL)
			return APP_ENOMEM;
		if ((e = ref_bind_stored(r, cur, f->stored, f->parts)) !=
		        APP_OK ||
		    (e = ref_bind_links(cur, f->stored_links)) != APP_OK)
			return e;
	}
	return page_render(r, "ansokan_form",
	    f->id == 0 ? "Ny ansökan" : "Ändra ansökan", ctx);
}
