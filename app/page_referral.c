/* page_referral.c: the remittent's list, one referral and the search; see
 * include/page_referral.h. The form is in page_referral_form.c. */
#include <string.h>

#include "access.h"
#include "arena.h"
#include "audit.h"
#include "consent.h"
#include "contact.h"
#include "date.h"
#include "db.h"
#include "form.h"
#include "form_registry.h"
#include "history.h"
#include "page_referral.h"
#include "pages.h"
#include "pnr.h"
#include "req.h"
#include "session.h"
#include "sql_referral.h"
#include "view.h"

#define MSG_PNR_REQUIRED "Ange personnummer eller samordningsnummer."

static const char *const ref_statuses[][2] = {
	{ "utkast", "Utkast" },
	{ "inskickad", "Inskickad" },
	{ "vantelista", "Väntelista" },
	{ "antagen", "Antagen" },
	{ "avradd", "Avrådd" },
	{ "aterford", "Återförd till remittenten" },
};
#define REF_NSTATUS (sizeof(ref_statuses) / sizeof(ref_statuses[0]))

/* ---- shared helpers (page_referral.h) ---- */

const char *
ref_status_label(struct str status)
{
	for (size_t i = 0; i < REF_NSTATUS; i++)
		if (str_eq_cstr(status, ref_statuses[i][0]))
			return ref_statuses[i][1];
	return "";
}

int
ref_status_editable(struct str status)
{
	return str_eq_cstr(status, "utkast") || str_eq_cstr(status, "aterford");
}

struct str
ref_pnr_shown(struct req *r, struct str pnr12)
{
	struct pnr p = { 0 };
	char *buf;

	if (pnr12.len != 12)
		return pnr12;
	for (size_t i = 0; i < 12; i++)
		if (pnr12.p[i] < '0' || pnr12.p[i] > '9')
			return pnr12;
	if ((buf = arena_alloc(r->a, PNR_FORMAT_LEN)) == NULL)
		return pnr12;
	memcpy(p.digits, pnr12.p, 12);
	pnr_format(&p, buf, PNR_FORMAT_LEN);
	return str_cstr(buf);
}

enum app_err
ref_list_bind(struct view_ctx *ctx, const struct db_rows *rows)
{
	size_t n = rows->nrows > REF_LIST_MAX ? REF_LIST_MAX : rows->nrows;
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "referrals")) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "count", (long long)n)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "truncated", rows->nrows > REF_LIST_MAX)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "referrals");
		struct str st = db_cell(rows, i, RL_STATUS);
		/* The consent no longer names the caller's organisation: the
		 * row says only that the referral exists, not its decision. */
		int hidden = str_eq_cstr(db_cell(rows, i, RL_VISIBLE), "0");

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "id", db_cell(rows, i, RL_ID))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "status",
		         hidden ? STR_LIT("samtycke") : st)) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "status_label",
		         hidden ? REF_CONSENT_HIDDEN_LABEL
		                : ref_status_label(st))) != APP_OK ||
		    (e = view_ctx_set_str(it, "insats",
		         db_cell(rows, i, RL_INSATS))) != APP_OK ||
		    (e = view_ctx_set_str(it, "first_name",
		         db_cell(rows, i, RL_FIRST))) != APP_OK ||
		    (e = view_ctx_set_str(it, "last_name",
		         db_cell(rows, i, RL_LAST))) != APP_OK ||
		    (e = view_ctx_set_str(it, "visa_date",
		         hidden ? STR_LIT("") : db_cell(rows, i, RL_VISA))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "created",
		         db_cell(rows, i, RL_CREATED))) != APP_OK ||
		    (e = view_ctx_set_str(it, "submitted",
		         db_cell(rows, i, RL_SUBMITTED))) != APP_OK ||
		    (e = view_ctx_set_str(it, "decided",
		         hidden ? STR_LIT("")
		                : db_cell(rows, i, RL_DECIDED))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "own",
		         str_to_ll(db_cell(rows, i, RL_OWN)) != 0)) != APP_OK ||
		    (e = view_ctx_set_str(it, "remittent",
		         db_cell(rows, i, RL_REMITTENT))) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* ---- the list ---- */

/* The first six parameters of SQL_REFERRAL_LIST and _SEARCH into p. */
static void
ref_list_params(struct req *r, struct db_param *p)
{
	p[0] = DB_INT(r->user->id);
	p[1] = DB_INT(r->user->organisation_id);
	p[2] = DB_INT(r->user->organisation_id);
	for (int i = 3; i < 6; i++)
		p[i] = DB_INT(r->user->id);
}

/* The status filter as a list of options, selected marked. */
static enum app_err
ref_status_options(struct view_ctx *ctx, struct str selected)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "statuses")) != APP_OK)
		return e;
	for (size_t i = 0; i < REF_NSTATUS; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "statuses");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(it, "value", ref_statuses[i][0])) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "label", ref_statuses[i][1])) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         str_eq_cstr(selected, ref_statuses[i][0]))) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* The search by personnummer, on the list and on its own page. */
static const struct field_spec ref_search_spec[] = {
	{ "personnummer", FT_TEXT, 1, 20, FF_REQUIRED, NULL },
};

enum app_err
page_referrals(struct req *r)
{
	const struct str *q = req_query(r, "status");
	struct str status = STR_LIT("");
	struct db_param p[9];
	struct view_ctx *ctx;
	struct db_rows rows;
	struct buf detail;
	enum app_err e;

	/* An unknown status is no filter: the list is never an error. */
	if (q != NULL && ref_status_label(*q)[0] != '\0')
		status = *q;
	ref_list_params(r, p);
	p[6] = DB_STR(status);
	p[7] = DB_STR(status);
	p[8] = DB_STR(status);
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_LIST, p, 9,
	         &rows)) != APP_OK)
		return e;
	/* The list names participants: that is a read of their data. */
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "list: %zu rows", rows.nrows)) != APP_OK ||
	    (e = audit_write(r, AUDIT_READ, "referral_list", -1, STR_LIT(""),
	         buf_str(&detail))) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = ref_list_bind(ctx, &rows)) != APP_OK ||
	    (e = page_form_limits(r, ctx, ref_search_spec, 1)) != APP_OK ||
	    (e = ref_status_options(ctx, status)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "filtered", status.len > 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "filter_label", ref_status_label(status))) != APP_OK)
		return e;
	return page_render(r, "ansokningar", "Ansökningar", ctx);
}

/* ---- the search ---- */

static enum app_err
ref_search_render(struct req *r, struct str typed, const char *error,
    const struct db_rows *rows)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_str(ctx, "personnummer", typed)) != APP_OK ||
	    (e = page_form_limits(r, ctx, ref_search_spec, 1)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "personnummer_fel", error)) != APP_OK ||
	    (e = ref_status_options(ctx, STR_LIT(""))) != APP_OK)
		return e;
	if (rows != NULL &&
	    ((e = view_ctx_set_bool(ctx, "searched", 1)) != APP_OK ||
	        (e = ref_list_bind(ctx, rows)) != APP_OK))
		return e;
	return page_render(r, "ansokan_sok", "Sök ansökningar", ctx);
}

enum app_err
page_referral_search(struct req *r)
{
	struct field_val fv[1];
	struct db_param p[7];
	struct db_rows rows;
	struct buf detail;
	struct pnr pnr;
	const char *err;
	size_t nerr;
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
		return ref_search_render(r, fv[0].s, err, NULL);
	}
	ref_list_params(r, p);
	p[6] = DB_STR(str_cstr(pnr.digits));
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_SEARCH, p, 7,
	         &rows)) != APP_OK)
		return e;
	/* Logged whether or not anything was found: the question itself
	 * says that the caller looked for this person. */
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "search: %zu hits", rows.nrows)) !=
	        APP_OK ||
	    (e = audit_write(r, AUDIT_SEARCH, "person", -1,
	         str_cstr(pnr.digits), buf_str(&detail))) != APP_OK)
		return e;
	return ref_search_render(r, fv[0].s, NULL, &rows);
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
	{ "coremittenter", "Medremittenter" },
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

/* 1 for the fields of the referral's record of the person
 * (referral_person, sql/0022): shown as the person's history. */
static int
ref_field_is_person(struct str field)
{
	return contact_field_label(field) != NULL;
}

/* The referral's history rows (history_list() columns) of its person
 * fields (person = 1) or of the rest (person = 0) as list key of ctx. */
static enum app_err
ref_history_bind(struct view_ctx *ctx, const char *key, const char *any_key,
    const struct db_rows *h, int person, int hide_address)
{
	int any = 0;
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, key)) != APP_OK)
		return e;
	for (size_t i = 0; i < h->nrows; i++) {
		struct view_ctx *it;
		struct str field = db_cell(h, i, 2);
		int hide = hide_address && contact_field_is_address(field);
		int status = str_eq_cstr(field, "status");
		struct str old = db_cell(h, i, 3), new_ = db_cell(h, i, 4);

		if (ref_field_is_person(field) != person)
			continue;
		any = 1;
		if ((it = view_ctx_list_add(ctx, key)) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "at", db_cell(h, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "who", db_cell(h, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "field", field)) != APP_OK ||
		    (e = view_ctx_set_str(it, "field_label",
		         ref_field_label(field))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "hidden", hide)) != APP_OK ||
		    (!hide &&
		        ((e = view_ctx_set_str(it, "old",
		              status && old.len
		                  ? str_cstr(ref_status_label(old))
		                  : old)) != APP_OK ||
		            (e = view_ctx_set_str(it, "new",
		                 status ? str_cstr(ref_status_label(new_))
		                        : new_)) != APP_OK)))
			return e;
	}
	return view_ctx_set_bool(ctx, any_key, any);
}

static const char *
ref_gender_label(struct str g)
{
	if (str_eq_cstr(g, "kvinna"))
		return "Kvinna";
	if (str_eq_cstr(g, "man"))
		return "Man";
	if (str_eq_cstr(g, "annat"))
		return "Annat";
	return "";
}

enum app_err
ref_bind_stored(struct req *r, struct view_ctx *ctx, const struct db_rows *g)
{
	struct str st = db_cell(g, 0, RG_STATUS);
	int protected_ = str_to_ll(db_cell(g, 0, RG_PROTECTED)) != 0;
	enum app_err e;

	if ((e = view_ctx_set_str(ctx, "id", db_cell(g, 0, RG_ID))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "status", st)) != APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "status_label", ref_status_label(st))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_decided",
	         str_eq_cstr(st, "antagen") || str_eq_cstr(st, "avradd") ||
	             str_eq_cstr(st, "aterford") ||
	             str_eq_cstr(st, "vantelista"))) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "is_antagen", str_eq_cstr(st, "antagen"))) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "is_avradd", str_eq_cstr(st, "avradd"))) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "is_aterford", str_eq_cstr(st, "aterford"))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_vantelista",
	         str_eq_cstr(st, "vantelista"))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats", db_cell(g, 0, RG_INSATS))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "remittent", db_cell(g, 0, RG_REMITTENT))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "remittent_email",
	         db_cell(g, 0, RG_REMITTENT_EMAIL))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "remittent_org", db_cell(g, 0, RG_ORG))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "remittent_org_parent",
	         db_cell(g, 0, RG_ORG_PARENT))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "visa_date", db_cell(g, 0, RG_VISA))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "sick_leave", db_cell(g, 0, RG_SICK))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "employed",
	         str_to_ll(db_cell(g, 0, RG_EMPLOYED)) != 0)) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "employer", db_cell(g, 0, RG_EMPLOYER))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "employer_rehab",
	         str_to_ll(db_cell(g, 0, RG_REHAB)) != 0)) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "support_time", db_cell(g, 0, RG_SUPPORT))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "education", db_cell(g, 0, RG_EDU))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "background", db_cell(g, 0, RG_BACKGROUND))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "own_goals", db_cell(g, 0, RG_GOALS))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "needs", db_cell(g, 0, RG_NEEDS))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "tried_before", db_cell(g, 0, RG_TRIED))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "created", db_cell(g, 0, RG_CREATED))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "submitted", db_cell(g, 0, RG_SUBMITTED))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "decided", db_cell(g, 0, RG_DECIDED))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "decided_by", db_cell(g, 0, RG_DECIDED_BY))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "decision_reason",
	         db_cell(g, 0, RG_DECISION_REASON))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "advise_against", db_cell(g, 0, RG_ADVISE))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "pnr",
	         ref_pnr_shown(r, db_cell(g, 0, RG_PNR)))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "samordningsnummer",
	         str_eq_cstr(db_cell(g, 0, RG_ID_KIND),
	             "samordningsnummer"))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "first_name", db_cell(g, 0, RG_FIRST))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "last_name", db_cell(g, 0, RG_LAST))) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "gender",
	         ref_gender_label(db_cell(g, 0, RG_GENDER)))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "birth_year", db_cell(g, 0, RG_BIRTH_YEAR))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "protected", protected_)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "municipality",
	         db_cell(g, 0, RG_MUNICIPALITY))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "interpreter",
	         str_to_ll(db_cell(g, 0, RG_INTERPRETER)) != 0)) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "language", db_cell(g, 0, RG_LANGUAGE))) != APP_OK)
		return e;
	/* Skyddade personuppgifter: where the person lives is not shown
	 * here; only the remittent's own edit form holds it. */
	if (!protected_ &&
	    ((e = view_ctx_set_str(
	          ctx, "address", db_cell(g, 0, RG_ADDRESS))) != APP_OK ||
	        (e = view_ctx_set_str(
	             ctx, "postal_code", db_cell(g, 0, RG_POSTAL))) != APP_OK ||
	        (e = view_ctx_set_str(ctx, "city", db_cell(g, 0, RG_CITY))) !=
	            APP_OK ||
	        (e = view_ctx_set_str(ctx, "phone", db_cell(g, 0, RG_PHONE))) !=
	            APP_OK))
		return e;
	return APP_OK;
}

enum app_err
ref_bind_links(struct req *r, struct view_ctx *ctx, long long id)
{
	struct db_param p[1] = { DB_INT(id) };
	struct db_rows inc, co;
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_INCOME_LIST, p,
	         1, &inc)) != APP_OK ||
	    (e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_COREM_LIST, p,
	         1, &co)) != APP_OK)
		return e;
	if ((e = view_ctx_set_list(ctx, "income")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "coremittents")) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_coremittents", co.nrows > 0)) !=
	        APP_OK)
		return e;
	for (size_t i = 0; i < inc.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "income");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "label", db_cell(&inc, i, 1))) !=
		    APP_OK)
			return e;
	}
	for (size_t i = 0; i < co.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "coremittents");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "name", db_cell(&co, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "contact", db_cell(&co, i, 2))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(
		         it, "username", db_cell(&co, i, 3))) != APP_OK ||
		    (e = view_ctx_set_str(it, "org", db_cell(&co, i, 4))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(
		         it, "org_parent", db_cell(&co, i, 5))) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
ref_consent_hidden(struct req *r, const struct db_rows *g, int *hidden)
{
	int visible = 0;
	enum app_err e;

	*hidden = 0;
	if ((e = consent_details_visible(r, str_to_ll(db_cell(g, 0, RG_ID)),
	         r->user->organisation_id, &visible)) != APP_OK)
		return e;
	*hidden = !visible;
	return APP_OK;
}

enum app_err
ref_render_hidden(struct req *r, const struct db_rows *g, const char *detail)
{
	struct view_ctx *ctx;
	enum app_err e;

	/* The name and the insats are still the person's data. */
	if ((e = audit_write(r, AUDIT_READ, "referral",
	         str_to_ll(db_cell(g, 0, RG_ID)), db_cell(g, 0, RG_PNR),
	         str_cstr(detail))) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_str(ctx, "id", db_cell(g, 0, RG_ID))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats", db_cell(g, 0, RG_INSATS))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "first_name", db_cell(g, 0, RG_FIRST))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "last_name", db_cell(g, 0, RG_LAST))) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "message", REF_CONSENT_HIDDEN_MSG)) !=
	        APP_OK)
		return e;
	return page_render(r, "ansokan_begransad", "Ansökan", ctx);
}

enum app_err
page_referral(struct req *r)
{
	struct db_param p[1];
	struct db_rows g, hr;
	struct view_ctx *ctx;
	unsigned via;
	long long id;
	int own, protected_, hidden;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = access_referral(r, id, &via)) != APP_OK)
		return e;
	p[0] = DB_INT(id);
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_GET, p, 1,
	         &g)) != APP_OK)
		return e;
	if (g.nrows != 1)
		return APP_ENOTFOUND;
	if ((e = ref_consent_hidden(r, &g, &hidden)) != APP_OK)
		return e;
	if (hidden)
		return ref_render_hidden(r, &g, "consent: existence only");
	/* Logged before anything of the person is shown. */
	if ((e = audit_write(r, AUDIT_READ, "referral", id,
	         db_cell(&g, 0, RG_PNR), STR_LIT(""))) != APP_OK)
		return e;
	own = (via & ACCESS_OWN) != 0;
	protected_ = str_to_ll(db_cell(&g, 0, RG_PROTECTED)) != 0;
	if ((e = history_list(r, HISTORY_REFERRAL, id, &hr)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = ref_bind_stored(r, ctx, &g)) != APP_OK ||
	    (e = ref_bind_links(r, ctx, id)) != APP_OK ||
	    (e = ref_history_bind(ctx, "history", "has_history", &hr, 0, 0)) !=
	        APP_OK ||
	    (e = ref_history_bind(ctx, "person_history", "has_person_history",
	         &hr, 1, protected_)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "own", own)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "via_coremittent",
	         !own && (via & ACCESS_COREMITTENT))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "via_unit",
	         !own && !(via & ACCESS_COREMITTENT) && (via & ACCESS_UNIT))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "can_edit",
	         own && ref_status_editable(db_cell(&g, 0, RG_STATUS)))) !=
	        APP_OK ||
	    (e = consent_bind_status(r, ctx, id, via)) != APP_OK)
		return e;
	if (req_query(r, "sparat") != NULL)
		e = view_ctx_set_cstr(ctx, "notice", "Utkastet är sparat.");
	else if (req_query(r, "skickat") != NULL)
		e = view_ctx_set_cstr(
		    ctx, "notice", "Ansökan är inskickad till insatsen.");
	if (e != APP_OK)
		return e;
	return page_render(r, "ansokan", "Ansökan", ctx);
}

static const struct form_def referral_forms[] = {
	{ "POST /ansokningar/sok", "partials/ansokan_sokform", ref_search_spec,
	    1 },
};

const struct form_def *
page_referral_forms(size_t *n)
{
	*n = sizeof(referral_forms) / sizeof(referral_forms[0]);
	return referral_forms;
}
