/* page_referral_form.c: the application form (ansökan): new, draft,
 * submit, edit; see include/page_referral.h. */
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

#define REF_TEXT_MAX  4000 /* characters in the long texts */
#define REF_COREM_MAX 3    /* medremittent rows on the form */

#define MSG_ACTION      "Välj Spara utkast eller Skicka in."
#define MSG_VISA_FUTURE "VISA-besöket kan inte ligga i framtiden."
#define MSG_POSTAL      CONTACT_MSG_POSTAL
#define MSG_PHONE       CONTACT_MSG_PHONE
#define MSG_LANGUAGE    CONTACT_MSG_LANGUAGE
#define MSG_REHAB                                                              \
	"Arbetsgivarens rehabiliteringsansvar gäller bara den som är anställd."
#define MSG_EMPLOYER   "Ange arbetsgivaren."
#define MSG_ORG        "Välj en organisation i listan."
#define MSG_COREM_ORG  "Välj medremittentens organisation."
#define MSG_COREM_NAME "Ange medremittentens namn."
#define MSG_COREM_USER                                                         \
	"Det finns inget aktivt remittentkonto med det användarnamnet."
#define MSG_COREM_SELF "Du är redan remittent för ansökan; ange någon annan."
#define MSG_COREM_DUP  "Kontot är redan medremittent på en annan rad."
#define MSG_LOCKED     "Ansökan har skickats in och kan inte längre ändras här."
#define MSG_CONSENT                                                            \
	"Ansökan kan inte skickas utan samtycke. Registrera samtycket "       \
	"(sekretesslättnad) först, eller markera att det tas vid VISA-besöket."

enum rf {
	RF_PNR,
	RF_FIRST,
	RF_LAST,
	RF_GENDER,
	RF_ADDRESS,
	RF_POSTAL,
	RF_CITY,
	RF_PHONE,
	RF_MUNICIPALITY,
	RF_INTERPRETER,
	RF_LANGUAGE,
	RF_PROTECTED,
	RF_INSATS,
	RF_VISA,
	RF_INCOME,
	RF_SICK,
	RF_EMPLOYED,
	RF_EMPLOYER,
	RF_REHAB,
	RF_SUPPORT,
	RF_EDU,
	RF_BACKGROUND,
	RF_GOALS,
	RF_NEEDS,
	RF_TRIED,
	RF_CONSENT_VISA, /* the consent is taken at the VISA visit */
	RF_M1_ORG,       /* then name, contact, user; three rows of four */
	RF_M1_NAME,
	RF_M1_CONTACT,
	RF_M1_USER,
	RF_M2_ORG,
	RF_M2_NAME,
	RF_M2_CONTACT,
	RF_M2_USER,
	RF_M3_ORG,
	RF_M3_NAME,
	RF_M3_CONTACT,
	RF_M3_USER,
	RF_ACTION,
	RF__MAX
};

/* Field j (0 org, 1 name, 2 contact, 3 user) of medremittent row k. */
#define RF_M(k, j) (RF_M1_ORG + (k)*4 + (j))
_Static_assert(RF_M(REF_COREM_MAX - 1, 3) == RF_M3_USER,
    "medremittent fields out of sync with REF_COREM_MAX");

static const char *const rf_gender_choices[] = { "kvinna", "man", "annat",
	NULL };
static const char *const rf_gender_labels[] = { "Kvinna", "Man", "Annat" };
static const char *const rf_sick_choices[] = { "25", "50", "75", "100", NULL };
static const char *const rf_action_choices[] = { "spara", "skicka", NULL };

#define ID_MAX 4294967295LL
#define TEXT_LONG(name)                                                        \
	{                                                                      \
		name, FT_TEXT, 0, REF_TEXT_MAX, FF_MULTILINE, NULL             \
	}
#define COREM(n)                                                               \
	[RF_M##n##_ORG] = { "med" #n "_org", FT_INT, 1, ID_MAX, 0, NULL },     \
	[RF_M##n##_NAME] = { "med" #n "_namn", FT_TEXT, 0, 200, 0, NULL },     \
	[RF_M##n##                                                             \
	    _CONTACT] = { "med" #n "_kontakt", FT_TEXT, 0, 200, 0, NULL },     \
	[RF_M##n##_USER] = { "med" #n "_konto", FT_TEXT, 0, 64, 0, NULL }

/* The form. The code-list fields get their choices from the database at
 * request time (a copy of this table); insats_id is NOT NULL in the
 * schema, so even a draft names its insats. */
static const struct field_spec rf_spec[RF__MAX] = {
	[RF_PNR] = { "personnummer", FT_TEXT, 1, 20, FF_REQUIRED, NULL },
	[RF_FIRST] = { "fornamn", FT_TEXT, 1, 100, FF_REQUIRED, NULL },
	[RF_LAST] = { "efternamn", FT_TEXT, 1, 100, FF_REQUIRED, NULL },
	[RF_GENDER] = { "kon", FT_ENUM, 0, 0, 0, rf_gender_choices },
	[RF_ADDRESS] = { "adress", FT_TEXT, 0, 200, 0, NULL },
	[RF_POSTAL] = { "postnummer", FT_TEXT, 0, 10, 0, NULL },
	[RF_CITY] = { "ort", FT_TEXT, 0, 100, 0, NULL },
	[RF_PHONE] = { "telefon", FT_TEXT, 0, 40, 0, NULL },
	[RF_MUNICIPALITY] = { "kommun", FT_TEXT, 0, 100, 0, NULL },
	[RF_INTERPRETER] = { "tolk", FT_BOOL, 0, 0, 0, NULL },
	[RF_LANGUAGE] = { "tolk_sprak", FT_TEXT, 0, 100, 0, NULL },
	[RF_PROTECTED] = { "skyddad", FT_BOOL, 0, 0, 0, NULL },
	[RF_INSATS] = { "insats", FT_INT, 1, ID_MAX, FF_REQUIRED, NULL },
	[RF_VISA] = { "visa_datum", FT_DATE, 20000101, 0, 0, NULL },
	[RF_INCOME] = { "forsorjning", FT_ENUM, 0, 0, FF_MULTI, NULL },
	[RF_SICK] = { "sjukskrivning", FT_ENUM, 0, 0, 0, rf_sick_choices },
	[RF_EMPLOYED] = { "anstalld", FT_BOOL, 0, 0, 0, NULL },
	[RF_EMPLOYER] = { "arbetsgivare", FT_TEXT, 0, 200, 0, NULL },
	[RF_REHAB] = { "arbetsgivare_rehab", FT_BOOL, 0, 0, 0, NULL },
	[RF_SUPPORT] = { "tid_forsorjning", FT_ENUM, 0, 0, 0, NULL },
	[RF_EDU] = { "utbildning", FT_ENUM, 0, 0, 0, NULL },
	[RF_BACKGROUND] = TEXT_LONG("bakgrund"),
	[RF_GOALS] = TEXT_LONG("mal"),
	[RF_NEEDS] = TEXT_LONG("behov"),
	[RF_TRIED] = TEXT_LONG("provat"),
	[RF_CONSENT_VISA] = { "samtycke_vid_visa", FT_BOOL, 0, 0, 0, NULL },
	COREM(1),
	COREM(2),
	COREM(3),
	[RF_ACTION] = { "atgard", FT_ENUM, 0, 0, FF_REQUIRED,
	    rf_action_choices },
};

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

/* The message when a field is missing: always for FF_REQUIRED ones, and
 * on submit for those in rf_submit_required. */
static const char *const rf_required_msg[RF__MAX] = {
	[RF_PNR] = "Ange personnummer eller samordningsnummer.",
	[RF_FIRST] = "Ange förnamn.",
	[RF_LAST] = "Ange efternamn.",
	[RF_INSATS] = "Välj den insats ansökan gäller.",
	[RF_VISA] = "Ange datum för VISA-besöket.",
	[RF_INCOME] = "Välj minst en försörjning.",
	[RF_SUPPORT] = "Välj tid i offentlig försörjning.",
	[RF_EDU] = "Välj högsta utbildning.",
	[RF_BACKGROUND] = "Skriv en kort bakgrund.",
	[RF_GOALS] = "Skriv deltagarens egna mål.",
};

/* Required only when the application is submitted, not for a draft. */
static const enum rf rf_submit_required[] = { RF_VISA, RF_INCOME, RF_SUPPORT,
	RF_EDU, RF_BACKGROUND, RF_GOALS };

/* The message for a value that is not one of the choices (a tampered or
 * outdated form): replaces form.c's generic one. */
static const char *const rf_choice_msg[RF__MAX] = {
	[RF_GENDER] = "Välj kön i listan.",
	[RF_INSATS] = "Välj en insats i listan.",
	[RF_INCOME] = "Välj försörjning bland alternativen i listan.",
	[RF_SICK] = "Välj en sjukskrivningsgrad i listan.",
	[RF_SUPPORT] = "Välj tid i offentlig försörjning i listan.",
	[RF_EDU] = "Välj utbildning i listan.",
	[RF_M1_ORG] = MSG_ORG,
	[RF_M2_ORG] = MSG_ORG,
	[RF_M3_ORG] = MSG_ORG,
};

/* The person as this referral records them (referral_person): each field's
 * column, form field and SQL_REFERRAL_GET column, in the parameter order of
 * SQL_REFERRAL_RPERSON_INSERT/UPDATE. */
#define RPF_N 11
static const struct {
	const char *column;
	enum rf field;
	enum ref_get_col col;
	int is_bool;
} rf_person_fields[RPF_N] = {
	{ "first_name", RF_FIRST, RG_FIRST, 0 },
	{ "last_name", RF_LAST, RG_LAST, 0 },
	{ "gender", RF_GENDER, RG_GENDER, 0 },
	{ "address", RF_ADDRESS, RG_ADDRESS, 0 },
	{ "postal_code", RF_POSTAL, RG_POSTAL, 0 },
	{ "city", RF_CITY, RG_CITY, 0 },
	{ "phone", RF_PHONE, RG_PHONE, 0 },
	{ "home_municipality", RF_MUNICIPALITY, RG_MUNICIPALITY, 0 },
	{ "interpreter_needed", RF_INTERPRETER, RG_INTERPRETER, 1 },
	{ "interpreter_language", RF_LANGUAGE, RG_LANGUAGE, 0 },
	{ "protected_identity", RF_PROTECTED, RG_PROTECTED, 1 },
};
_Static_assert(RG_PROTECTED - RG_FIRST + 1 == RPF_N,
    "rf_person_fields out of sync with the GET columns");

/* One code list as offered: the active codes plus any stored one that
 * has been deactivated since (so an old referral stays valid). */
struct ref_codes {
	size_t n;
	const char **choices; /* n + 1, NULL-terminated, for FT_ENUM */
	struct str *label;
};

struct ref_lists {
	struct db_rows insatser, orgs;
	struct ref_codes edu, income, support;
};

/* Everything the form shows: typed or stored values, errors. */
struct ref_form {
	long long id;             /* 0: a new application */
	struct str v[RF__MAX];    /* as typed or stored; bools "1" or "" */
	const char *err[RF__MAX]; /* Swedish, next to the field */
	struct str *income;       /* the ticked income codes */
	size_t nincome;
	struct str version;   /* hidden, when editing */
	struct str pnr_shown; /* editing: stored, read-only */
	struct pnr pnr;       /* new: the parsed number */
	int pnr_ok;
	int submit;  /* atgard=skicka */
	int covered; /* editing: a waiver in force names the referring org */
	const char *form_error;
	int conflict, locked;
	const struct db_rows *stored; /* editing: the SQL_REFERRAL_GET row */
	long long corem_staff[REF_COREM_MAX]; /* named accounts, 0: none */
};

/* ---- code lists and choices ---- */

static int
rf_in(struct str s, const struct str *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(s, set[i]))
			return 1;
	return 0;
}

static enum app_err
rf_codes_load(struct req *r, unsigned q, const struct str *keep, size_t nkeep,
    struct ref_codes *out)
{
	struct db_rows rows;
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_REFERRAL, q, NULL, 0, &rows)) !=
	    APP_OK)
		return e;
	out->n = 0;
	out->choices = arena_calloc(r->a, rows.nrows + 1, sizeof(char *));
	out->label = arena_calloc(r->a, rows.nrows + 1, sizeof(struct str));
	if (out->choices == NULL || out->label == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < rows.nrows && out->n < FORM_ENUM_MAX; i++) {
		struct str code = db_cell(&rows, i, 0);

		if (!str_to_ll(db_cell(&rows, i, 2)) &&
		    !rf_in(code, keep, nkeep))
			continue;
		if ((out->choices[out->n] = str_dup_cstr(r->a, code)) == NULL)
			return APP_ENOMEM;
		out->label[out->n++] = db_cell(&rows, i, 1);
	}
	out->choices[out->n] = NULL;
	return APP_OK;
}

/* The choices of the form; g and inc (the stored referral and its income
 * codes) keep deactivated codes valid for an existing referral. */
static enum app_err
rf_lists_load(struct req *r, struct ref_lists *L, const struct db_rows *g,
    const struct db_rows *inc)
{
	struct str edu = STR_LIT(""), sup = STR_LIT(""), *codes;
	size_t n = inc ? inc->nrows : 0;
	enum app_err e;

	if (g != NULL) {
		edu = db_cell(g, 0, RG_EDU_CODE);
		sup = db_cell(g, 0, RG_SUPPORT_CODE);
	}
	if ((codes = arena_calloc(r->a, n + 1, sizeof(*codes))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < n; i++)
		codes[i] = db_cell(inc, i, 0);
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_INSATS_CHOICES,
	         NULL, 0, &L->insatser)) != APP_OK ||
	    (e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_ORG_CHOICES,
	         NULL, 0, &L->orgs)) != APP_OK ||
	    (e = rf_codes_load(
	         r, SQL_REFERRAL_CODE_EDUCATION, &edu, 1, &L->edu)) != APP_OK ||
	    (e = rf_codes_load(r, SQL_REFERRAL_CODE_SUPPORT_TIME, &sup, 1,
	         &L->support)) != APP_OK ||
	    (e = rf_codes_load(
	         r, SQL_REFERRAL_CODE_INCOME, codes, n, &L->income)) != APP_OK)
		return e;
	return APP_OK;
}

/* "Parent – Unit", or the name of a top-level organisation. Arena. */
static struct str
rf_org_label(struct req *r, struct str name, struct str parent)
{
	struct buf b;

	if (parent.len == 0)
		return name;
	buf_init(&b, r->a);
	if (buf_append(&b, parent.p, parent.len) != APP_OK ||
	    buf_puts(&b, " – ") != APP_OK ||
	    buf_append(&b, name.p, name.len) != APP_OK)
		return name;
	return buf_str(&b);
}

/* The label of organisation id among the choices; "" when not one. */
static struct str
rf_org_find(struct req *r, const struct ref_lists *L, struct str id)
{
	for (size_t i = 0; i < L->orgs.nrows; i++)
		if (str_eq(db_cell(&L->orgs, i, 0), id))
			return rf_org_label(r, db_cell(&L->orgs, i, 1),
			    db_cell(&L->orgs, i, 2));
	return STR_LIT("");
}

/* The name of insats id among the choices; "" when not one. */
static struct str
rf_insats_find(const struct ref_lists *L, struct str id)
{
	for (size_t i = 0; i < L->insatser.nrows; i++)
		if (str_eq(db_cell(&L->insatser, i, 0), id))
			return db_cell(&L->insatser, i, 1);
	return STR_LIT("");
}

/* ---- rendering ---- */

/* A <select>'s options as list key: value, label, selected. */
static enum app_err
rf_options(struct view_ctx *ctx, const char *key, const char *const *values,
    const struct str *labels, const char *const *clabels, size_t n,
    struct str selected)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, key)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, key);
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(it, "value", values[i])) != APP_OK ||
		    (e = labels ? view_ctx_set_str(it, "label", labels[i])
		                : view_ctx_set_cstr(it, "label", clabels[i])) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         str_eq_cstr(selected, values[i]))) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* The caller's own details: the remittent of a new application. */
static enum app_err
rf_bind_remittent(struct req *r, struct view_ctx *ctx)
{
	struct db_param p[1] = { DB_INT(r->user->organisation_id) };
	struct db_rows org, mail;
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_ORG_NAME, p, 1,
	         &org)) != APP_OK)
		return e;
	p[0] = DB_INT(r->user->id);
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_STAFF_EMAIL, p,
	         1, &mail)) != APP_OK)
		return e;
	if ((e = view_ctx_set_str(
	         ctx, "remittent_name", r->user->display_name)) != APP_OK)
		return e;
	if (org.nrows == 1 &&
	    (e = view_ctx_set_str(ctx, "remittent_org",
	         rf_org_label(r, db_cell(&org, 0, 0), db_cell(&org, 0, 1)))) !=
	        APP_OK)
		return e;
	if (mail.nrows == 1 &&
	    (e = view_ctx_set_str(
	         ctx, "remittent_email", db_cell(&mail, 0, 0))) != APP_OK)
		return e;
	return APP_OK;
}

static enum app_err
rf_bind_corem(struct req *r, struct view_ctx *ctx, const struct ref_form *f,
    const struct ref_lists *L)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "med")) != APP_OK)
		return e;
	for (int k = 0; k < REF_COREM_MAX; k++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "med");
		struct str org = f->v[RF_M(k, 0)];

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(it, "n", k + 1)) != APP_OK ||
		    (e = view_ctx_set_str(it, "namn", f->v[RF_M(k, 1)])) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "kontakt", f->v[RF_M(k, 2)])) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "konto", f->v[RF_M(k, 3)])) !=
		        APP_OK ||
		    (e = view_ctx_set_list(it, "orgs")) != APP_OK)
			return e;
		for (int j = 0; j < 4; j++)
			if ((e = page_form_error(it, rf_corem_err_key[j],
			         f->err[RF_M(k, j)])) != APP_OK)
				return e;
		for (size_t i = 0; i < L->orgs.nrows; i++) {
			struct view_ctx *o = view_ctx_list_add(it, "orgs");
			if (o == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_str(
			         o, "id", db_cell(&L->orgs, i, 0))) != APP_OK ||
			    (e = view_ctx_set_str(o, "label",
			         rf_org_label(r, db_cell(&L->orgs, i, 1),
			             db_cell(&L->orgs, i, 2)))) != APP_OK ||
			    (e = view_ctx_set_bool(o, "selected",
			         str_eq(org, db_cell(&L->orgs, i, 0)))) !=
			        APP_OK)
				return e;
		}
	}
	return APP_OK;
}

/* The gender to preselect: as typed or stored, else the personnummer's
 * traditional default (odd serial: man), a suggestion only. */
static struct str
rf_gender_shown(const struct ref_form *f)
{
	if (f->v[RF_GENDER].len > 0 || !f->pnr_ok)
		return f->v[RF_GENDER];
	return f->pnr.odd_serial ? STR_LIT("man") : STR_LIT("kvinna");
}

static enum app_err
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
	    (e = view_ctx_set_str(ctx, "status_label",
	         str_cstr(ref_status_label(
	             db_cell(f->stored, 0, RG_STATUS))))) != APP_OK)
		return e;
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
	if ((e = rf_options(ctx, "kon_val", rf_gender_choices, NULL,
	         rf_gender_labels, 3, rf_gender_shown(f))) != APP_OK ||
	    (e = rf_options(ctx, "sjuk_val", rf_sick_choices, NULL,
	         rf_sick_choices, 4, f->v[RF_SICK])) != APP_OK ||
	    (e = rf_options(ctx, "utb_val", L->edu.choices, L->edu.label, NULL,
	         L->edu.n, f->v[RF_EDU])) != APP_OK ||
	    (e = rf_options(ctx, "tid_val", L->support.choices,
	         L->support.label, NULL, L->support.n, f->v[RF_SUPPORT])) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "insats_val")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "forsorjning_val")) != APP_OK ||
	    (e = rf_bind_corem(r, ctx, f, L)) != APP_OK ||
	    (e = rf_bind_remittent(r, ctx)) != APP_OK)
		return e;
	for (size_t i = 0; i < L->insatser.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "insats_val");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(
		         it, "value", db_cell(&L->insatser, i, 0))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "label", db_cell(&L->insatser, i, 1))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         str_eq(f->v[RF_INSATS],
		             db_cell(&L->insatser, i, 0)))) != APP_OK)
			return e;
	}
	for (size_t i = 0; i < L->income.n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "forsorjning_val");
		struct str code = str_cstr(L->income.choices[i]);
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "value", code)) != APP_OK ||
		    (e = view_ctx_set_str(it, "label", L->income.label[i])) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "checked",
		         rf_in(code, f->income, f->nincome))) != APP_OK)
			return e;
	}
	if (f->conflict) {
		struct view_ctx *cur;
		if ((e = view_ctx_set_cstr(
		         ctx, "conflict", REF_CONFLICT_MSG)) != APP_OK ||
		    (cur = view_ctx_list_add(ctx, "current")) == NULL ||
		    (e = ref_bind_stored(r, cur, f->stored)) != APP_OK ||
		    (e = ref_bind_links(r, cur,
		         str_to_ll(db_cell(f->stored, 0, RG_ID)))) != APP_OK)
			return e != APP_OK ? e : APP_ENOMEM;
	}
	return page_render(r, "ansokan_form",
	    f->id == 0 ? "Ny ansökan" : "Ändra ansökan", ctx);
}

/* ---- reading the posted form ---- */

static struct str
rf_lower(struct req *r, struct str s)
{
	char *p = arena_memdup(r->a, s.p, s.len);

	if (p == NULL)
		return s;
	for (size_t i = 0; i < s.len; i++)
		if (p[i] >= 'A' && p[i] <= 'Z')
			p[i] = (char)(p[i] - 'A' + 'a');
	return (struct str){ p, s.len };
}

/* Today as YYYYMMDD, the form of FT_DATE's .i. */
static long long
rf_today(void)
{
	int y, m, d;

	date_today(&y, &m, &d);
	return (long long)y * 10000 + m * 100 + d;
}

/* The medremittent rows: a row with anything in it needs an organisation
 * from the list and a name; a named account must be an active remittent
 * other than the caller. */
static int
rf_ascii(struct str s)
{
	for (size_t i = 0; i < s.len; i++)
		if ((unsigned char)s.p[i] >= 0x80)
			return 0;
	return 1;
}

static enum app_err
rf_read_corem(struct req *r, struct ref_form *f, const struct field_val *fv,
    const struct ref_lists *L)
{
	enum app_err e;

	for (int k = 0; k < REF_COREM_MAX; k++) {
		int org = RF_M(k, 0), name = RF_M(k, 1), user = RF_M(k, 3);
		int any = 0;

		for (int j = 0; j < 4; j++)
			any |= fv[RF_M(k, j)].present;
		if (!any)
			continue;
		if (f->err[org] == NULL && !fv[org].present)
			f->err[org] = MSG_COREM_ORG;
		else if (f->err[org] == NULL &&
		    rf_org_find(r, L, f->v[org]).len == 0)
			f->err[org] = MSG_ORG;
		if (f->err[name] == NULL && !fv[name].present)
			f->err[name] = MSG_COREM_NAME;
		/* User names are ASCII (staff.username): anything else names
		 * no account, and must not reach the ASCII column's compare. */
		if (f->err[user] == NULL && fv[user].present &&
		    !rf_ascii(f->v[user]))
			f->err[user] = MSG_COREM_USER;
		if (f->err[user] == NULL && fv[user].present) {
			struct db_param p[1];
			struct db_rows rows;
			long long sid;

			f->v[user] = rf_lower(r, f->v[user]);
			p[0] = DB_STR(f->v[user]);
			if ((e = db_exec(r->db, r->a, DB_REFERRAL,
			         SQL_REFERRAL_REMITTENT_BY_USERNAME, p, 1,
			         &rows)) != APP_OK)
				return e;
			sid = rows.nrows == 1 ? str_to_ll(db_cell(&rows, 0, 0))
			                      : 0;
			if (sid == 0)
				f->err[user] = MSG_COREM_USER;
			else if (sid == r->user->id)
				f->err[user] = MSG_COREM_SELF;
			else {
				for (int j = 0; j < k; j++)
					if (f->corem_staff[j] == sid)
						f->err[user] = MSG_COREM_DUP;
				if (f->err[user] == NULL)
					f->corem_staff[k] = sid;
			}
		}
	}
	return APP_OK;
}

/* Whether a waiver in force names the referring organisation of the
 * stored referral (f->covered; a new referral has none), and, on submit,
 * the consent rule of include/consent.h: that waiver or the marker
 * "consent at the VISA visit". */
static enum app_err
rf_consent_check(struct req *r, struct ref_form *f)
{
	enum app_err e;

	f->covered = 0;
	if (f->id != 0 && f->stored != NULL &&
	    (e = consent_covers(r, f->id,
	         str_to_ll(db_cell(f->stored, 0, RG_ORG_ID)), 0,
	         &f->covered)) != APP_OK)
		return e;
	if (f->submit && f->v[RF_CONSENT_VISA].len == 0 && !f->covered &&
	    f->err[RF_CONSENT_VISA] == NULL)
		f->err[RF_CONSENT_VISA] = MSG_CONSENT;
	return APP_OK;
}

/*
 * Validate the posted form into f, keeping every typed value. A draft
 * needs a valid personnummer, the names and the insats; submitting needs
 * the rest of rf_submit_required too; anything given must be valid
 * either way. For an existing referral (f->id set) the personnummer is
 * not part of the form. *nerr is the number of errors.
 */
static enum app_err
rf_read(
    struct req *r, struct ref_form *f, const struct ref_lists *L, size_t *nerr)
{
	struct field_spec spec[RF__MAX];
	struct field_val fv[RF__MAX];
	size_t n = 0, first = f->id == 0 ? RF_PNR : RF_FIRST;
	enum app_err e;

	memcpy(spec, rf_spec, sizeof(spec));
	spec[RF_INCOME].choices = L->income.choices;
	spec[RF_EDU].choices = L->edu.choices;
	spec[RF_SUPPORT].choices = L->support.choices;
	memset(fv, 0, sizeof(fv));
	if ((e = form_validate(r->a, &r->form, spec + first, RF__MAX - first,
	         fv + first, &n)) != APP_OK)
		return e;
	for (size_t i = first; i < RF__MAX; i++) {
		f->v[i] = spec[i].type == FT_BOOL
		    ? (fv[i].present ? STR_LIT("1") : STR_LIT(""))
		    : fv[i].s;
		f->err[i] = fv[i].error;
		if (f->err[i] != NULL && !fv[i].present &&
		    rf_required_msg[i] != NULL)
			f->err[i] = rf_required_msg[i];
		else if (f->err[i] != NULL && fv[i].present &&
		    rf_choice_msg[i] != NULL)
			f->err[i] = rf_choice_msg[i];
	}
	f->submit = fv[RF_ACTION].ok && fv[RF_ACTION].i == 1;
	if (f->err[RF_ACTION] != NULL) {
		f->form_error = MSG_ACTION;
		f->err[RF_ACTION] = NULL;
	}

	/* Every ticked income code, valid or not, stays ticked. */
	f->income = arena_calloc(r->a, r->form.n + 1, sizeof(struct str));
	if (f->income == NULL)
		return APP_ENOMEM;
	f->nincome = 0;
	for (size_t k = 0; k < r->form.n; k++)
		if (str_eq_cstr(r->form.v[k].key, rf_spec[RF_INCOME].name))
			f->income[f->nincome++] =
			    str_trim_blanks(r->form.v[k].val);

	if (f->submit)
		for (size_t k = 0; k <
		     sizeof(rf_submit_required) / sizeof(rf_submit_required[0]);
		     k++) {
			enum rf i = rf_submit_required[k];
			if (f->err[i] == NULL && !fv[i].present)
				f->err[i] = rf_required_msg[i];
		}

	if (f->id == 0 && f->err[RF_PNR] == NULL) {
		int y, m, d;
		date_today(&y, &m, &d);
		f->err[RF_PNR] = pnr_parse(f->v[RF_PNR], y, m, d, &f->pnr);
		f->pnr_ok = f->err[RF_PNR] == NULL;
	}
	if (f->err[RF_VISA] == NULL && fv[RF_VISA].present &&
	    fv[RF_VISA].i > rf_today())
		f->err[RF_VISA] = MSG_VISA_FUTURE;
	if (f->err[RF_INSATS] == NULL && fv[RF_INSATS].present) {
		e = access_may_refer(r, fv[RF_INSATS].i);
		if (e == APP_ENOTFOUND ||
		    (e == APP_OK &&
		        rf_insats_find(L, f->v[RF_INSATS]).len == 0))
			f->err[RF_INSATS] = rf_choice_msg[RF_INSATS];
		else if (e != APP_OK)
			return e;
	}
	if (f->err[RF_POSTAL] == NULL && fv[RF_POSTAL].present) {
		struct str pc = contact_postal(r->a, f->v[RF_POSTAL]);
		if (pc.len == 0)
			f->err[RF_POSTAL] = MSG_POSTAL;
		else
			f->v[RF_POSTAL] = pc;
	}
	if (f->err[RF_PHONE] == NULL && fv[RF_PHONE].present &&
	    !contact_phone_ok(f->v[RF_PHONE]))
		f->err[RF_PHONE] = MSG_PHONE;
	if (f->submit && f->v[RF_INTERPRETER].len &&
	    f->err[RF_LANGUAGE] == NULL && !fv[RF_LANGUAGE].present)
		f->err[RF_LANGUAGE] = MSG_LANGUAGE;
	if (f->v[RF_REHAB].len && !f->v[RF_EMPLOYED].len)
		f->err[RF_REHAB] = MSG_REHAB;
	if (f->submit && f->v[RF_EMPLOYED].len && f->err[RF_EMPLOYER] == NULL &&
	    !fv[RF_EMPLOYER].present)
		f->err[RF_EMPLOYER] = MSG_EMPLOYER;
	if ((e = rf_read_corem(r, f, fv, L)) != APP_OK ||
	    (e = rf_consent_check(r, f)) != APP_OK)
		return e;

	*nerr = f->form_error != NULL;
	for (size_t i = 0; i < RF__MAX; i++)
		*nerr += f->err[i] != NULL;
	return APP_OK;
}

/* ---- writing ---- */

static struct db_param
rf_str_or_null(struct str s)
{
	return s.len ? DB_STR(s) : DB_NULL;
}

static struct str
rf_bool_str(struct str v)
{
	return v.len ? STR_LIT("1") : STR_LIT("0");
}

/*
 * The person's new values for this referral into pv (RPF_N, in
 * rf_person_fields order): what the form says. stored is the referral's
 * SQL_REFERRAL_GET row when editing, NULL for a new referral. Nothing is
 * taken from anyone else's record of the person: a new referral for a
 * known personnummer starts from what its remittent typed.
 */
static void
rf_person_values(
    const struct ref_form *f, const struct db_rows *stored, struct str *pv)
{
	for (int j = 0; j < RPF_N; j++) {
		struct str typed = f->v[rf_person_fields[j].field];

		if (rf_person_fields[j].is_bool)
			pv[j] = typed.len ? STR_LIT("1") : STR_LIT("0");
		else
			pv[j] = typed;
	}
	/* An empty gender keeps this referral's own, else the
	 * personnummer's default. */
	if (pv[RF_GENDER - RF_FIRST].len == 0 && stored != NULL)
		pv[RF_GENDER - RF_FIRST] = db_cell(stored, 0, RG_GENDER);
	if (pv[RF_GENDER - RF_FIRST].len == 0)
		pv[RF_GENDER - RF_FIRST] =
		    f->pnr.odd_serial ? STR_LIT("man") : STR_LIT("kvinna");
}

/* The referral_person parameters of pv for referral rid. */
static void
rf_person_params(const struct str *pv, long long rid, struct db_param *p)
{
	for (int j = 0; j < RPF_N; j++)
		p[j] = rf_person_fields[j].is_bool
		    ? DB_INT(str_eq_cstr(pv[j], "1"))
		    : DB_STR(pv[j]);
	p[RPF_N] = DB_INT(rid);
}

static enum app_err
rf_last_id(struct req *r, long long *id)
{
	*id = (long long)db_insert_id(r->db);
	return *id > 0 ? APP_OK : APP_EDB;
}

/* 1 when the last statement changed exactly one row. */
static enum app_err
rf_one_row(struct req *r, int *one)
{
	*one = db_affected_rows(r->db) == 1;
	return APP_OK;
}

/* Referral rid's record of the person (its GET row stored, read under the
 * referral's row lock) to pv, with a history row per changed field under
 * the referral. */
static enum app_err
rf_person_update(struct req *r, long long rid, const struct db_rows *stored,
    const struct str *pv)
{
	struct db_param p[RPF_N + 1];
	int changed = 0;
	enum app_err e;

	for (int j = 0; j < RPF_N; j++) {
		struct str old = db_cell(stored, 0, rf_person_fields[j].col);
		if (str_eq(old, pv[j]))
			continue;
		changed = 1;
		if ((e = history_field(r, HISTORY_REFERRAL, rid,
		         rf_person_fields[j].column, old, pv[j])) != APP_OK)
			return e;
	}
	if (!changed)
		return APP_OK;
	rf_person_params(pv, rid, p);
	return db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_RPERSON_UPDATE, p,
	    RPF_N + 1, NULL);
}

/* The person link of the new referral: the person row of the
 * personnummer (locked), created when there is none. Reads nothing but
 * its id. */
static enum app_err
rf_person_link(struct req *r, const struct ref_form *f, long long *pid)
{
	struct db_param p[3];
	struct db_rows found;
	enum app_err e;

	p[0] = DB_STR(str_cstr(f->pnr.digits));
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_PERSON_FIND, p,
	         1, &found)) != APP_OK)
		return e;
	if (found.nrows == 1) {
		*pid = str_to_ll(db_cell(&found, 0, 0));
		return APP_OK;
	}
	p[1] = DB_STR(f->pnr.kind == PNR_SAMORDNINGSNUMMER
	        ? STR_LIT("samordningsnummer")
	        : STR_LIT("personnummer"));
	p[2] = DB_INT(f->pnr.year);
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_PERSON_INSERT,
	         p, 3, NULL)) != APP_OK)
		return e;
	return rf_last_id(r, pid);
}

/* The ticked income codes in code-list order, comma-separated: the form
 * of the "income" history field. Arena. */
static struct str
rf_income_text(
    struct req *r, const struct ref_form *f, const struct ref_lists *L)
{
	struct buf b;

	buf_init(&b, r->a);
	for (size_t i = 0; i < L->income.n; i++)
		if (rf_in(str_cstr(L->income.choices[i]), f->income,
		        f->nincome) &&
		    buf_printf(&b, "%s%s", b.len ? "," : "",
		        L->income.choices[i]) != APP_OK)
			return STR_LIT("");
	return b.len ? buf_str(&b) : STR_LIT("");
}

static struct str
rf_income_stored_text(struct req *r, const struct db_rows *inc)
{
	struct buf b;

	buf_init(&b, r->a);
	for (size_t i = 0; i < inc->nrows; i++) {
		struct str c = db_cell(inc, i, 0);
		if ((b.len && buf_puts(&b, ",") != APP_OK) ||
		    buf_append(&b, c.p, c.len) != APP_OK)
			return STR_LIT("");
	}
	return b.len ? buf_str(&b) : STR_LIT("");
}

/* One medremittent as the history shows it: "Name, Org, contact,
 * konto user". */
static enum app_err
rf_corem_line(struct buf *b, struct str name, struct str org,
    struct str contact, struct str user)
{
	enum app_err e;

	if ((b->len && (e = buf_puts(b, "; ")) != APP_OK) ||
	    (e = buf_append(b, name.p, name.len)) != APP_OK ||
	    (e = buf_puts(b, ", ")) != APP_OK ||
	    (e = buf_append(b, org.p, org.len)) != APP_OK)
		return e;
	if (contact.len &&
	    ((e = buf_puts(b, ", ")) != APP_OK ||
	        (e = buf_append(b, contact.p, contact.len)) != APP_OK))
		return e;
	if (user.len &&
	    ((e = buf_puts(b, ", konto ")) != APP_OK ||
	        (e = buf_append(b, user.p, user.len)) != APP_OK))
		return e;
	return APP_OK;
}

static struct str
rf_corem_text(
    struct req *r, const struct ref_form *f, const struct ref_lists *L)
{
	struct buf b;

	buf_init(&b, r->a);
	for (int k = 0; k < REF_COREM_MAX; k++) {
		if (f->v[RF_M(k, 0)].len == 0)
			continue;
		if (rf_corem_line(&b, f->v[RF_M(k, 1)],
		        rf_org_find(r, L, f->v[RF_M(k, 0)]), f->v[RF_M(k, 2)],
		        f->v[RF_M(k, 3)]) != APP_OK)
			return STR_LIT("");
	}
	return b.len ? buf_str(&b) : STR_LIT("");
}

static struct str
rf_corem_stored_text(struct req *r, const struct db_rows *co)
{
	struct buf b;

	buf_init(&b, r->a);
	for (size_t i = 0; i < co->nrows; i++)
		if (rf_corem_line(&b, db_cell(co, i, 1),
		        rf_org_label(r, db_cell(co, i, 4), db_cell(co, i, 5)),
		        db_cell(co, i, 2), db_cell(co, i, 3)) != APP_OK)
			return STR_LIT("");
	return b.len ? buf_str(&b) : STR_LIT("");
}

/* Insert f's income codes and medremittenter for referral rid. */
static enum app_err
rf_links_insert(struct req *r, long long rid, const struct ref_form *f,
    const struct ref_lists *L, int income, int corem)
{
	struct db_param p[5];
	enum app_err e;

	p[0] = DB_INT(rid);
	for (size_t i = 0; income && i < L->income.n; i++) {
		if (!rf_in(
		        str_cstr(L->income.choices[i]), f->income, f->nincome))
			continue;
		p[1] = DB_STR(str_cstr(L->income.choices[i]));
		if ((e = db_exec(r->db, r->a, DB_REFERRAL,
		         SQL_REFERRAL_INCOME_ADD, p, 2, NULL)) != APP_OK)
			return e;
	}
	for (int k = 0; corem && k < REF_COREM_MAX; k++) {
		if (f->v[RF_M(k, 0)].len == 0)
			continue;
		p[1] = f->corem_staff[k] ? DB_INT(f->corem_staff[k]) : DB_NULL;
		p[2] = DB_INT(str_to_ll(f->v[RF_M(k, 0)]));
		p[3] = DB_STR(f->v[RF_M(k, 1)]);
		p[4] = DB_STR(f->v[RF_M(k, 2)]);
		if ((e = db_exec(r->db, r->a, DB_REFERRAL,
		         SQL_REFERRAL_COREM_ADD, p, 5, NULL)) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* The referral columns shared by INSERT and UPDATE, from insats_id to
 * consent_at_visa (13 parameters) into p. */
static void
rf_referral_params(const struct ref_form *f, struct db_param *p)
{
	p[0] = DB_INT(str_to_ll(f->v[RF_INSATS]));
	p[1] = rf_str_or_null(f->v[RF_VISA]);
	p[2] = f->v[RF_SICK].len ? DB_INT(str_to_ll(f->v[RF_SICK])) : DB_NULL;
	p[3] = DB_INT(f->v[RF_EMPLOYED].len > 0);
	p[4] = DB_STR(f->v[RF_EMPLOYER]);
	p[5] = DB_INT(f->v[RF_REHAB].len > 0);
	p[6] = rf_str_or_null(f->v[RF_SUPPORT]);
	p[7] = rf_str_or_null(f->v[RF_EDU]);
	p[8] = DB_STR(f->v[RF_BACKGROUND]);
	p[9] = DB_STR(f->v[RF_GOALS]);
	p[10] = DB_STR(f->v[RF_NEEDS]);
	p[11] = DB_STR(f->v[RF_TRIED]);
	p[12] = DB_INT(f->v[RF_CONSENT_VISA].len > 0);
}

static enum app_err
rf_redirect(struct req *r, long long id, int submitted)
{
	struct buf loc;
	enum app_err e;

	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/ansokningar/%lld?%s", id,
	         submitted ? "skickat=1" : "sparat=1")) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
}

/* ---- new ---- */

enum app_err
page_referral_new(struct req *r)
{
	struct ref_form f = { 0 };
	struct ref_lists L;
	enum app_err e;

	if ((e = rf_lists_load(r, &L, NULL, NULL)) != APP_OK)
		return e;
	return rf_render(r, &f, &L);
}

enum app_err
page_referral_create(struct req *r)
{
	struct ref_form f = { 0 };
	struct ref_lists L;
	struct db_param p[18], q[13];
	struct str pv[RPF_N], pnr12, status;
	long long pid, rid;
	size_t nerr;
	enum app_err e;

	if ((e = rf_lists_load(r, &L, NULL, NULL)) != APP_OK ||
	    (e = rf_read(r, &f, &L, &nerr)) != APP_OK)
		return e;
	if (nerr > 0) {
		r->resp.status = 400;
		return rf_render(r, &f, &L);
	}
	pnr12 = str_cstr(f.pnr.digits);
	status = f.submit ? STR_LIT("inskickad") : STR_LIT("utkast");
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = rf_person_link(r, &f, &pid)) != APP_OK)
		goto fail;
	/* INSERT order: person, insats, remittent, organisation, status,
	 * then visa_date .. consent_at_visa, then submitted. */
	rf_referral_params(&f, q);
	p[0] = DB_INT(pid);
	p[1] = q[0];
	p[2] = DB_INT(r->user->id);
	p[3] = DB_INT(r->user->organisation_id);
	p[4] = DB_STR(status);
	for (int i = 1; i < 13; i++)
		p[4 + i] = q[i];
	p[17] = DB_INT(f.submit);
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_INSERT, p, 18,
	         NULL)) != APP_OK)
		goto fail;
	if ((e = rf_last_id(r, &rid)) != APP_OK)
		goto fail;
	rf_person_values(&f, NULL, pv);
	rf_person_params(pv, rid, p);
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_RPERSON_INSERT,
	         p, RPF_N + 1, NULL)) != APP_OK ||
	    (e = rf_links_insert(r, rid, &f, &L, 1, 1)) != APP_OK ||
	    (e = history_field(r, HISTORY_REFERRAL, rid, "status", STR_LIT(""),
	         status)) != APP_OK ||
	    (f.v[RF_CONSENT_VISA].len &&
	        (e = history_field(r, HISTORY_REFERRAL, rid, "consent_at_visa",
	             STR_LIT(""), STR_LIT("1"))) != APP_OK) ||
	    (e = audit_write(r, AUDIT_CREATE, "referral", rid, pnr12,
	         f.submit ? STR_LIT("created, submitted")
	                  : STR_LIT("created as draft"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return rf_redirect(r, rid, f.submit);
fail:
	db_rollback(r->db);
	return e;
}

/* ---- edit ---- */

/* Referral id with its GET row in g and income codes in inc, if the
 * caller made it (ACCESS_OWN); others who may see it get 403, the rest
 * 404. */
static enum app_err
rf_load_own(
    struct req *r, long long *id, struct db_rows *g, struct db_rows *inc)
{
	struct db_param p[1];
	unsigned via;
	enum app_err e;

	if ((e = req_param_id(r, id)) != APP_OK ||
	    (e = access_referral(r, *id, &via)) != APP_OK)
		return e;
	if (!(via & ACCESS_OWN))
		return APP_EFORBIDDEN;
	p[0] = DB_INT(*id);
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_GET, p, 1,
	         g)) != APP_OK)
		return e;
	if (g->nrows != 1)
		return APP_ENOTFOUND;
	return db_exec(
	    r->db, r->a, DB_REFERRAL, SQL_REFERRAL_INCOME_LIST, p, 1, inc);
}

/* f from the stored referral g (with income inc). */
static enum app_err
rf_from_stored(struct req *r, struct ref_form *f, long long id,
    const struct db_rows *g, const struct db_rows *inc)
{
	static const struct {
		enum rf field;
		enum ref_get_col col;
		int is_bool;
	} map[] = {
		{ RF_FIRST, RG_FIRST, 0 },
		{ RF_LAST, RG_LAST, 0 },
		{ RF_GENDER, RG_GENDER, 0 },
		{ RF_ADDRESS, RG_ADDRESS, 0 },
		{ RF_POSTAL, RG_POSTAL, 0 },
		{ RF_CITY, RG_CITY, 0 },
		{ RF_PHONE, RG_PHONE, 0 },
		{ RF_MUNICIPALITY, RG_MUNICIPALITY, 0 },
		{ RF_INTERPRETER, RG_INTERPRETER, 1 },
		{ RF_LANGUAGE, RG_LANGUAGE, 0 },
		{ RF_PROTECTED, RG_PROTECTED, 1 },
		{ RF_INSATS, RG_INSATS_ID, 0 },
		{ RF_VISA, RG_VISA, 0 },
		{ RF_SICK, RG_SICK, 0 },
		{ RF_EMPLOYED, RG_EMPLOYED, 1 },
		{ RF_EMPLOYER, RG_EMPLOYER, 0 },
		{ RF_REHAB, RG_REHAB, 1 },
		{ RF_SUPPORT, RG_SUPPORT_CODE, 0 },
		{ RF_EDU, RG_EDU_CODE, 0 },
		{ RF_BACKGROUND, RG_BACKGROUND, 0 },
		{ RF_GOALS, RG_GOALS, 0 },
		{ RF_NEEDS, RG_NEEDS, 0 },
		{ RF_TRIED, RG_TRIED, 0 },
		{ RF_CONSENT_VISA, RG_CONSENT_AT_VISA, 1 },
	};
	struct db_param p[1] = { DB_INT(id) };
	struct db_rows co;
	enum app_err e;

	memset(f, 0, sizeof(*f));
	f->id = id;
	f->stored = g;
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		struct str c = db_cell(g, 0, map[i].col);
		f->v[map[i].field] = map[i].is_bool
		    ? (str_to_ll(c) ? STR_LIT("1") : STR_LIT(""))
		    : c;
	}
	if ((f->income = arena_calloc(
	         r->a, inc->nrows + 1, sizeof(struct str))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < inc->nrows; i++)
		f->income[f->nincome++] = db_cell(inc, i, 0);
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_COREM_LIST, p,
	         1, &co)) != APP_OK)
		return e;
	for (size_t k = 0; k < co.nrows && k < REF_COREM_MAX; k++) {
		f->v[RF_M(k, 0)] = db_cell(&co, k, 0);
		f->v[RF_M(k, 1)] = db_cell(&co, k, 1);
		f->v[RF_M(k, 2)] = db_cell(&co, k, 2);
		f->v[RF_M(k, 3)] = db_cell(&co, k, 3);
	}
	f->version = db_cell(g, 0, RG_VERSION);
	f->pnr_shown = ref_pnr_shown(r, db_cell(g, 0, RG_PNR));
	return APP_OK;
}

enum app_err
page_referral_edit(struct req *r)
{
	struct ref_form f;
	struct ref_lists L;
	struct db_rows g, inc;
	long long id;
	int hidden;
	enum app_err e;

	if ((e = rf_load_own(r, &id, &g, &inc)) != APP_OK ||
	    (e = ref_consent_hidden(r, &g, &hidden)) != APP_OK)
		return e;
	if (hidden) {
		r->resp.status = 403;
		return ref_render_hidden(r, &g, "edit refused: consent");
	}
	if (!ref_status_editable(db_cell(&g, 0, RG_STATUS)))
		return APP_EFORBIDDEN;
	if ((e = audit_write(r, AUDIT_READ, "referral", id,
	         db_cell(&g, 0, RG_PNR), STR_LIT("edit form"))) != APP_OK ||
	    (e = rf_from_stored(r, &f, id, &g, &inc)) != APP_OK ||
	    (e = rf_consent_check(r, &f)) != APP_OK ||
	    (e = rf_lists_load(r, &L, &g, &inc)) != APP_OK)
		return e;
	return rf_render(r, &f, &L);
}

/* Someone saved (or submitted) since the form was shown: keep what was
 * typed, show what is stored, and carry the new versions so that a
 * second save wins if the referral is still editable. */
static enum app_err
rf_conflict(
    struct req *r, struct ref_form *f, const struct ref_lists *L, long long id)
{
	struct db_param p[1] = { DB_INT(id) };
	struct db_rows *g = arena_calloc(r->a, 1, sizeof(*g));
	enum app_err e;

	if (g == NULL)
		return APP_ENOMEM;
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_GET, p, 1,
	         g)) != APP_OK)
		return e;
	if (g->nrows != 1)
		return APP_ENOTFOUND;
	if ((e = audit_write(r, AUDIT_READ, "referral", id,
	         db_cell(g, 0, RG_PNR), STR_LIT("edit conflict"))) != APP_OK)
		return e;
	f->stored = g;
	f->version = db_cell(g, 0, RG_VERSION);
	f->conflict = 1;
	f->locked = !ref_status_editable(db_cell(g, 0, RG_STATUS));
	if (f->locked)
		f->form_error = MSG_LOCKED;
	r->resp.status = 409;
	return rf_render(r, f, L);
}

/* The referral's history rows against the fresh stored row g. */
static enum app_err
rf_referral_history(struct req *r, long long id, const struct db_rows *g,
    const struct ref_form *f, const struct ref_lists *L, struct str status)
{
	static const struct {
		const char *field;
		enum rf in;
		enum ref_get_col col;
	} map[] = {
		{ "visa_date", RF_VISA, RG_VISA },
		{ "sick_leave_percent", RF_SICK, RG_SICK },
		{ "employer", RF_EMPLOYER, RG_EMPLOYER },
		{ "support_time_code", RF_SUPPORT, RG_SUPPORT_CODE },
		{ "education_code", RF_EDU, RG_EDU_CODE },
		{ "background", RF_BACKGROUND, RG_BACKGROUND },
		{ "own_goals", RF_GOALS, RG_GOALS },
		{ "needs", RF_NEEDS, RG_NEEDS },
		{ "tried_before", RF_TRIED, RG_TRIED },
	};
	enum app_err e;

	if ((e = history_field(r, HISTORY_REFERRAL, id, "status",
	         db_cell(g, 0, RG_STATUS), status)) != APP_OK ||
	    (e = history_field(r, HISTORY_REFERRAL, id, "insats",
	         db_cell(g, 0, RG_INSATS),
	         rf_insats_find(L, f->v[RF_INSATS]))) != APP_OK ||
	    (e = history_field(r, HISTORY_REFERRAL, id, "employed",
	         db_cell(g, 0, RG_EMPLOYED), rf_bool_str(f->v[RF_EMPLOYED]))) !=
	        APP_OK ||
	    (e = history_field(r, HISTORY_REFERRAL, id,
	         "employer_rehab_responsibility", db_cell(g, 0, RG_REHAB),
	         rf_bool_str(f->v[RF_REHAB]))) != APP_OK ||
	    (e = history_field(r, HISTORY_REFERRAL, id, "consent_at_visa",
	         db_cell(g, 0, RG_CONSENT_AT_VISA),
	         rf_bool_str(f->v[RF_CONSENT_VISA]))) != APP_OK)
		return e;
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if ((e = history_field(r, HISTORY_REFERRAL, id, map[i].field,
		         db_cell(g, 0, map[i].col), f->v[map[i].in])) != APP_OK)
			return e;
	return APP_OK;
}

enum app_err
page_referral_save(struct req *r)
{
	const struct str *version = req_form(r, "version");
	struct ref_form f;
	struct ref_lists L;
	struct db_rows g0, inc0, lock, g, inc, co;
	struct db_param p[17];
	struct str pv[RPF_N], status, pnr12, old, new_;
	long long id;
	size_t nerr;
	int one, hidden;
	enum app_err e;

	if ((e = rf_load_own(r, &id, &g0, &inc0)) != APP_OK ||
	    (e = ref_consent_hidden(r, &g0, &hidden)) != APP_OK)
		return e;
	if (hidden) {
		/* What was typed is not shown back: the consent no longer
		 * lets this organisation see the application. */
		r->resp.status = 403;
		return ref_render_hidden(r, &g0, "edit refused: consent");
	}
	if ((e = rf_lists_load(r, &L, &g0, &inc0)) != APP_OK ||
	    (e = rf_from_stored(r, &f, id, &g0, &inc0)) != APP_OK)
		return e;
	/* From here on f holds what was typed, not what is stored. */
	memset(f.v, 0, sizeof(f.v));
	f.income = NULL;
	f.nincome = 0;
	f.version = version ? *version : STR_LIT("");
	if ((e = rf_read(r, &f, &L, &nerr)) != APP_OK)
		return e;
	if (!ref_status_editable(db_cell(&g0, 0, RG_STATUS)) ||
	    !str_eq(f.version, db_cell(&g0, 0, RG_VERSION)))
		return rf_conflict(r, &f, &L, id);
	if (nerr > 0) {
		r->resp.status = 400;
		return rf_render(r, &f, &L);
	}
	status = f.submit ? STR_LIT("inskickad") : db_cell(&g0, 0, RG_STATUS);
	p[0] = DB_INT(id);
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_LOCK, p, 1,
	         &lock)) != APP_OK)
		goto fail;
	if (lock.nrows != 1 || !str_eq(f.version, db_cell(&lock, 0, 0)) ||
	    !ref_status_editable(db_cell(&lock, 0, 1)))
		goto conflict;
	/* Read after the lock, so the old values are the latest ones. */
	p[0] = DB_INT(id);
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_GET, p, 1,
	         &g)) != APP_OK ||
	    (e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_INCOME_LIST, p,
	         1, &inc)) != APP_OK ||
	    (e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_COREM_LIST, p,
	         1, &co)) != APP_OK)
		goto fail;
	if (g.nrows != 1) {
		e = APP_ENOTFOUND;
		goto fail;
	}
	/* The consent rule again at the moment of the action, under the
	 * lock: a waiver may have been revoked since the form was read. */
	if (f.submit && f.v[RF_CONSENT_VISA].len == 0) {
		if ((e = rf_consent_check(r, &f)) != APP_OK)
			goto fail;
		if (f.err[RF_CONSENT_VISA] != NULL) {
			db_rollback(r->db);
			r->resp.status = 400;
			return rf_render(r, &f, &L);
		}
	}
	pnr12 = db_cell(&g, 0, RG_PNR);
	rf_person_values(&f, &g, pv);
	if ((e = rf_person_update(r, id, &g, pv)) != APP_OK)
		goto fail;
	rf_referral_params(&f, p);
	p[13] = DB_STR(status);
	p[14] = DB_INT(f.submit);
	p[15] = DB_INT(id);
	p[16] = DB_INT(str_to_ll(f.version));
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_UPDATE, p, 17,
	         NULL)) != APP_OK ||
	    (e = rf_one_row(r, &one)) != APP_OK)
		goto fail;
	if (!one)
		goto conflict;
	if ((e = rf_referral_history(r, id, &g, &f, &L, status)) != APP_OK)
		goto fail;
	p[0] = DB_INT(id);
	old = rf_income_stored_text(r, &inc);
	new_ = rf_income_text(r, &f, &L);
	if (!str_eq(old, new_) &&
	    ((e = history_field(
	          r, HISTORY_REFERRAL, id, "income", old, new_)) != APP_OK ||
	        (e = db_exec(r->db, r->a, DB_REFERRAL,
	             SQL_REFERRAL_INCOME_DELETE, p, 1, NULL)) != APP_OK ||
	        (e = rf_links_insert(r, id, &f, &L, 1, 0)) != APP_OK))
		goto fail;
	old = rf_corem_stored_text(r, &co);
	new_ = rf_corem_text(r, &f, &L);
	if (!str_eq(old, new_) &&
	    ((e = history_field(r, HISTORY_REFERRAL, id, "coremittenter", old,
	          new_)) != APP_OK ||
	        (e = db_exec(r->db, r->a, DB_REFERRAL,
	             SQL_REFERRAL_COREM_DELETE, p, 1, NULL)) != APP_OK ||
	        (e = rf_links_insert(r, id, &f, &L, 0, 1)) != APP_OK))
		goto fail;
	if ((e = audit_write(r, AUDIT_UPDATE, "referral", id, pnr12,
	         f.submit ? STR_LIT("changed, submitted")
	                  : STR_LIT("changed"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return rf_redirect(r, id, f.submit);
conflict:
	db_rollback(r->db);
	return rf_conflict(r, &f, &L, id);
fail:
	db_rollback(r->db);
	return e;
}

/* For the registry of forms (form_registry.h). */
static const struct form_def referral_form_forms[] = {
	{ "POST /ansokningar/ny", "ansokan_form", rf_spec, RF__MAX },
	{ "POST /ansokningar/:id/andra", "ansokan_form", rf_spec, RF__MAX },
};

const struct form_def *
page_referral_form_forms(size_t *n)
{
	*n = sizeof(referral_form_forms) / sizeof(referral_form_forms[0]);
	return referral_form_forms;
}
