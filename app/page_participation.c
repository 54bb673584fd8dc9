/* page_participation.c: the insats staff's inbox, its decisions, the
 * overdue summaries and the helpers of page_participation*.c; see
 * include/page_participation.h. */
#include <stdio.h>

#include "access.h"
#include "arena.h"
#include "audit.h"
#include "consent.h"
#include "date.h"
#include "db.h"
#include "form_registry.h"
#include "history.h"
#include "page_participation.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "sql_participation.h"
#include "view.h"

#define MSG_DEC_UNKNOWN "Välj ett av besluten på sidan."
#define MSG_FORM_STALE                                                               \
	"Formuläret är ofullständigt eller ändrat. Ladda om sidan och försök " \
	"igen."
#define MSG_CONTACT   "Välj en kontaktperson bland insatsens personal."
#define MSG_CODE      "Välj ett av alternativen i listan."
#define MSG_END_AFTER "Planerat slut måste vara efter startdatumet."
#define MSG_DECIDED                                                            \
	"Ansökan är redan beslutad och kan inte beslutas igen. Se beslutet " \
	"nedan."
#define MSG_ALREADY_WAIT "Ansökan står redan på väntelista."
#define MSG_NO_CONSENT                                                          \
	"Beslutet sparades inte: ett samtycke (sekretesslättnad) som "         \
	"omfattar remittentens organisation måste registreras innan ansökan " \
	"kan beslutas."

/* ---- shared helpers (page_participation.h) ---- */

struct str
part_pnr_show(struct req *r, struct str d)
{
	char *p;

	if (d.len != 12 || (p = arena_alloc(r->a, 14)) == NULL)
		return d;
	for (size_t i = 0, k = 0; i < 12; i++) {
		if (i == 8)
			p[k++] = '-';
		p[k++] = d.p[i];
	}
	p[13] = '\0';
	return (struct str){ p, 13 };
}

const char *
part_gender_label(struct str g)
{
	if (str_eq_cstr(g, "kvinna"))
		return "Kvinna";
	if (str_eq_cstr(g, "man"))
		return "Man";
	if (str_eq_cstr(g, "annat"))
		return "Annat";
	return "";
}

const char *
part_referral_status_label(struct str s)
{
	static const char *const map[][2] = {
		{ "utkast", "Utkast" },
		{ "inskickad", "Ny ansökan" },
		{ "antagen", "Antagen" },
		{ "avradd", "Avrådd" },
		{ "aterford", "Återförd till remittenten" },
		{ "vantelista", "Väntelista" },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (str_eq_cstr(s, map[i][0]))
			return map[i][1];
	return "";
}

const char *
part_status_label(struct str s)
{
	if (str_eq_cstr(s, "inskriven"))
		return "Inskriven";
	if (str_eq_cstr(s, "avslutad"))
		return "Avslutad";
	if (str_eq_cstr(s, "felregistrerad"))
		return "Felregistrerad";
	return "";
}

long long
part_today(void)
{
	int y, m, d;

	date_today(&y, &m, &d);
	return (long long)y * 10000 + m * 100 + d;
}

struct str
part_ymd_str(struct req *r, long long ymd)
{
	int y = (int)(ymd / 10000 % 10000), m = (int)(ymd / 100 % 100),
	    d = (int)(ymd % 100);
	char *p = arena_alloc(r->a, 16);

	if (p == NULL || ymd < 0)
		return STR_LIT("");
	snprintf(p, 16, "%04d-%02d-%02d", y, m, d);
	return (struct str){ p, 10 };
}

struct str
part_today_str(struct req *r)
{
	return part_ymd_str(r, part_today());
}

long long
part_date_ymd(struct str s)
{
	int y, m, d;

	if (!date_parse_iso(s, &y, &m, &d))
		return 0;
	return (long long)y * 10000 + m * 100 + d;
}

enum app_err
part_ctx_field(struct view_ctx *ctx, const char *val_key, const char *err_key,
    const struct field_val *fv)
{
	enum app_err e;

	if ((e = view_ctx_set_str(ctx, val_key, fv->s)) != APP_OK)
		return e;
	return fv->ok ? APP_OK : page_form_error(ctx, err_key, fv->error);
}

enum app_err
part_code_options(struct view_ctx *ctx, const char *key,
    const struct db_rows *codes, struct str selected)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, key)) != APP_OK)
		return e;
	for (size_t i = 0; i < codes->nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, key);
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "code", db_cell(codes, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "label", db_cell(codes, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         selected.len > 0 &&
		             str_eq(selected, db_cell(codes, i, 0)))) != APP_OK)
			return e;
	}
	return APP_OK;
}

int
part_code_known(const struct db_rows *codes, struct str code)
{
	for (size_t i = 0; i < codes->nrows; i++)
		if (str_eq(code, db_cell(codes, i, 0)))
			return 1;
	return 0;
}

enum app_err
part_exec(struct req *r, unsigned q, const struct db_param *p, size_t n,
    struct db_rows *out)
{
	return db_exec(r->db, r->a, DB_PARTICIPATION, q, p, n, out);
}

enum app_err
part_row_count(struct req *r, long long *n)
{
	*n = (long long)db_affected_rows(r->db);
	return APP_OK;
}

/* ---- the overdue summaries (start page and inbox) ---- */

enum app_err
participation_start_overdue(struct req *r, struct view_ctx *ctx)
{
	struct db_param p[2];
	struct db_rows rows;
	struct buf detail;
	enum app_err e;

	if (r->user == NULL ||
	    !(r->user->roles & ROLE_BIT(ROLE_INSATSPERSONAL)))
		return APP_OK;
	p[0] = DB_INT(r->user->id);
	p[1] = DB_STR(part_today_str(r));
	if ((e = part_exec(r, SQL_PARTICIPATION_OVERDUE, p, 2, &rows)) !=
	    APP_OK)
		return e;
	if ((e = view_ctx_set_list(ctx, "overdue")) != APP_OK ||
	    (e = view_ctx_set_int(
	         ctx, "overdue_count", (long long)rows.nrows)) != APP_OK)
		return e;
	if (rows.nrows == 0)
		return APP_OK;
	/* Names of participants are shown: one row for the list as such. */
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "overdue summaries: %zu", rows.nrows)) !=
	        APP_OK ||
	    (e = audit_write(r, AUDIT_READ, "participation_list", -1,
	         STR_LIT(""), buf_str(&detail))) != APP_OK)
		return e;
	for (size_t i = 0; i < rows.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "overdue");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "id", db_cell(&rows, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(
		         it, "first_name", db_cell(&rows, i, 1))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "last_name", db_cell(&rows, i, 2))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "insats", db_cell(&rows, i, 3))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "due_date", db_cell(&rows, i, 4))) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* ---- the inbox ---- */

/* The caller's insatser with their occupancy as a list "insatser". */
static enum app_err
part_my_insatser(struct req *r, struct view_ctx *ctx, struct db_rows *rows)
{
	struct db_param p[1] = { DB_INT(r->user->id) };
	enum app_err e;

	if ((e = part_exec(r, SQL_PARTICIPATION_MY_INSATSER, p, 1, rows)) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "insatser")) != APP_OK)
		return e;
	for (size_t i = 0; i < rows->nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "insatser");
		struct str places = db_cell(rows, i, 2);
		long long now = str_to_ll(db_cell(rows, i, 3));

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "id", db_cell(rows, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "name", db_cell(rows, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "places", places)) != APP_OK ||
		    (e = view_ctx_set_int(it, "inskrivna", now)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "full",
		         places.len > 0 && now >= str_to_ll(places))) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
page_inbox(struct req *r)
{
	struct db_param p[1] = { DB_INT(r->user->id) };
	struct db_rows ins, rows;
	struct view_ctx *ctx;
	struct buf detail;
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = part_my_insatser(r, ctx, &ins)) != APP_OK ||
	    (e = part_exec(r, SQL_PARTICIPATION_INBOX, p, 1, &rows)) != APP_OK)
		return e;
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "inbox: %zu referrals", rows.nrows)) !=
	        APP_OK ||
	    (e = audit_write(r, AUDIT_READ, "referral_list", -1, STR_LIT(""),
	         buf_str(&detail))) != APP_OK)
		return e;
	if ((e = view_ctx_set_int(ctx, "count", (long long)rows.nrows)) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "referrals")) != APP_OK)
		return e;
	for (size_t i = 0; i < rows.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "referrals");
		struct str st = db_cell(&rows, i, 1);

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "id", db_cell(&rows, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "status",
		         part_referral_status_label(st))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "waiting",
		         str_eq_cstr(st, "vantelista"))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "submitted", db_cell(&rows, i, 2))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "first_name", db_cell(&rows, i, 3))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "last_name", db_cell(&rows, i, 4))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "gender",
		         part_gender_label(db_cell(&rows, i, 5)))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "birth_year", db_cell(&rows, i, 6))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "insats", db_cell(&rows, i, 7))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "remittent", db_cell(&rows, i, 8))) != APP_OK ||
		    (e = view_ctx_set_str(it, "org", db_cell(&rows, i, 9))) !=
		        APP_OK)
			return e;
	}
	if ((e = participation_start_overdue(r, ctx)) != APP_OK)
		return e;
	return page_render(r, "inkorg", "Inkorg", ctx);
}

/* ---- one referral and its decision ---- */

/* Columns of SQL_PARTICIPATION_REFERRAL_GET. */
enum rg_col {
	RG_ID,
	RG_STATUS,
	RG_VERSION,
	RG_INSATS_ID,
	RG_INSATS,
	RG_PLACES,
	RG_INSKRIVNA,
	RG_PERSON_ID,
	RG_PNR,
	RG_FIRST,
	RG_LAST,
	RG_GENDER,
	RG_BIRTH_YEAR,
	RG_ADDRESS,
	RG_POSTAL,
	RG_CITY,
	RG_PHONE,
	RG_MUNICIPALITY,
	RG_INTERPRETER,
	RG_LANGUAGE,
	RG_PROTECTED,
	RG_VISA,
	RG_SICK_LEAVE,
	RG_EMPLOYED,
	RG_EMPLOYER,
	RG_EMPLOYER_REHAB,
	RG_SUPPORT_TIME,
	RG_EDUCATION,
	RG_BACKGROUND,
	RG_OWN_GOALS,
	RG_NEEDS,
	RG_TRIED,
	RG_SUBMITTED,
	RG_DECIDED_AT,
	RG_DECIDED_BY,
	RG_REASON,
	RG_ADVISE,
	RG_REMITTENT,
	RG_REMITTENT_ORG,
	RG_REMITTENT_EMAIL,
	RG_ORG_ID,       /* the referring organisation */
	RG_CONSENT_VISA, /* 1: consent to be taken at the VISA visit */
	RG__COUNT
};

enum decision { DEC_ANTA, DEC_AVRADA, DEC_ATERFOR, DEC_VANTELISTA, DEC__MAX };

static const char *const dec_choices[DEC__MAX + 1] = {
	[DEC_ANTA] = "anta",
	[DEC_AVRADA] = "avrada",
	[DEC_ATERFOR] = "aterfor",
	[DEC_VANTELISTA] = "vantelista",
	[DEC__MAX] = NULL,
};

/* The referral status each decision sets. */
static const char *const dec_status[DEC__MAX] = {
	[DEC_ANTA] = "antagen",
	[DEC_AVRADA] = "avradd",
	[DEC_ATERFOR] = "aterford",
	[DEC_VANTELISTA] = "vantelista",
};

enum { DF_BESLUT, DF_VERSION, DF__MAX };
static const struct field_spec dec_head_spec[DF__MAX] = {
	[DF_BESLUT] = { "beslut", FT_ENUM, 0, 0, FF_REQUIRED, dec_choices },
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
};

/* The referral row, or APP_ENOTFOUND unless the caller is its insats
 * staff. */
static enum app_err
dec_load(struct req *r, long long id, struct db_rows *rg)
{
	struct db_param p[1] = { DB_INT(id) };
	unsigned via = 0;
	enum app_err e;

	if ((e = access_referral(r, id, &via)) != APP_OK)
		return e;
	if (!(via & ACCESS_INSATS))
		return APP_ENOTFOUND;
	if ((e = part_exec(r, SQL_PARTICIPATION_REFERRAL_GET, p, 1, rg)) !=
	    APP_OK)
		return e;
	return rg->nrows == 1 ? APP_OK : APP_ENOTFOUND;
}

static int
dec_open(struct str status)
{
	return str_eq_cstr(status, "inskickad") ||
	    str_eq_cstr(status, "vantelista");
}

/* Bind each listed column of rg to its key. */
static enum app_err
dec_bind_cols(struct view_ctx *ctx, const struct db_rows *rg)
{
	static const struct {
		const char *key;
		enum rg_col col;
	} cols[] = {
		{ "id", RG_ID },
		{ "version", RG_VERSION },
		{ "insats", RG_INSATS },
		{ "places", RG_PLACES },
		{ "first_name", RG_FIRST },
		{ "last_name", RG_LAST },
		{ "birth_year", RG_BIRTH_YEAR },
		{ "phone", RG_PHONE },
		{ "municipality", RG_MUNICIPALITY },
		{ "language", RG_LANGUAGE },
		{ "visa_date", RG_VISA },
		{ "sick_leave", RG_SICK_LEAVE },
		{ "employer", RG_EMPLOYER },
		{ "support_time", RG_SUPPORT_TIME },
		{ "education", RG_EDUCATION },
		{ "background", RG_BACKGROUND },
		{ "own_goals", RG_OWN_GOALS },
		{ "needs", RG_NEEDS },
		{ "tried_before", RG_TRIED },
		{ "submitted", RG_SUBMITTED },
		{ "decided_at", RG_DECIDED_AT },
		{ "decided_by", RG_DECIDED_BY },
		{ "decision_reason", RG_REASON },
		{ "advise_label", RG_ADVISE },
		{ "remittent", RG_REMITTENT },
		{ "remittent_org", RG_REMITTENT_ORG },
		{ "remittent_email", RG_REMITTENT_EMAIL },
	};
	enum app_err e;

	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		if ((e = view_ctx_set_str(ctx, cols[i].key,
		         db_cell(rg, 0, (size_t)cols[i].col))) != APP_OK)
			return e;
	return APP_OK;
}

/* The rows of list statement q for id as list key, binding the columns
 * to names; has_key (if not NULL) says whether there are any. */
static enum app_err
dec_bind_list(struct req *r, struct view_ctx *ctx, const char *key,
    const char *has_key, unsigned q, long long id, const char *const *names,
    size_t ncols)
{
	struct db_param p[1] = { DB_INT(id) };
	struct db_rows rows;
	enum app_err e;

	if ((e = part_exec(r, q, p, 1, &rows)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, key)) != APP_OK)
		return e;
	for (size_t i = 0; i < rows.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, key);
		if (it == NULL)
			return APP_ENOMEM;
		for (size_t c = 0; c < ncols && c < rows.ncols; c++)
			if ((e = view_ctx_set_str(
			         it, names[c], db_cell(&rows, i, c))) != APP_OK)
				return e;
	}
	return has_key ? view_ctx_set_bool(ctx, has_key, rows.nrows > 0)
	               : APP_OK;
}

/* The decision forms: typed values of the submitted one, errors. */
static enum app_err
dec_bind_forms(struct req *r, struct view_ctx *ctx, const struct db_rows *rg,
    const struct dec_form *f)
{
	struct db_param p[1] = { DB_INT(
	    str_to_ll(db_cell(rg, 0, RG_INSATS_ID))) };
	struct db_rows staff, occ, adv;
	long long contact = 0;
	struct str occ_sel = STR_LIT(""), adv_sel = STR_LIT("");
	enum app_err e;

	if ((e = part_exec(r, SQL_PARTICIPATION_INSATS_STAFF, p, 1, &staff)) !=
	        APP_OK ||
	    (e = part_exec(r, SQL_PARTICIPATION_CODES_OCCUPATION, NULL, 0,
	         &occ)) != APP_OK ||
	    (e = part_exec(r, SQL_PARTICIPATION_CODES_ADVISE, NULL, 0, &adv)) !=
	        APP_OK)
		return e;
	if (f->kind == DEC_ANTA) {
		contact = str_to_ll(f->an[AN_CONTACT].s);
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
	} else if (f->kind == DEC_AVRADA) {
		adv_sel = f->av[AV_CODE].s;
		if ((e = part_ctx_field(ctx, "av_reason", "av_reason_error",
		         &f->av[AV_REASON])) != APP_OK ||
		    (!f->av[AV_CODE].ok &&
		        (e = page_form_error(ctx, "av_code_error",
		             f->av[AV_CODE].error)) != APP_OK))
			return e;
	} else if (f->kind == DEC_ATERFOR) {
		if ((e = part_ctx_field(ctx, "at_reason", "at_reason_error",
		         &f->at[AT_REASON])) != APP_OK)
			return e;
	}
	if ((e = part_code_options(ctx, "an_occs", &occ, occ_sel)) != APP_OK ||
	    (e = part_code_options(ctx, "av_codes", &adv, adv_sel)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "an_contacts")) != APP_OK)
		return e;
	for (size_t i = 0; i < staff.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "an_contacts");
		long long sid = str_to_ll(db_cell(&staff, i, 0));
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(it, "id", sid)) != APP_OK ||
		    (e = view_ctx_set_str(it, "name", db_cell(&staff, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         contact ? sid == contact : sid == r->user->id)) !=
		        APP_OK)
			return e;
	}
	return APP_OK;
}

static enum app_err
dec_render(struct req *r, const struct db_rows *rg, const struct dec_form *f)
{
	static const char *const income_cols[] = { "label" };
	static const char *const corem_cols[] = { "name", "org", "contact" };
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct str status = db_cell(rg, 0, RG_STATUS);
	struct str places = db_cell(rg, 0, RG_PLACES);
	long long id = str_to_ll(db_cell(rg, 0, RG_ID));
	long long now = str_to_ll(db_cell(rg, 0, RG_INSKRIVNA));
	int protected = str_to_ll(db_cell(rg, 0, RG_PROTECTED)) != 0;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	/* Logged before anything of the person is shown. */
	if ((e = audit_write(r, AUDIT_READ, "referral", id,
	         db_cell(rg, 0, RG_PNR), STR_LIT(""))) != APP_OK)
		return e;
	if ((e = dec_bind_cols(ctx, rg)) != APP_OK ||
	    (e = page_form_limits(r, ctx, dec_anta_spec, AN__MAX)) != APP_OK ||
	    (e = page_form_limits(r, ctx, dec_avrada_spec, AV__MAX)) !=
	        APP_OK ||
	    (e = page_form_limits(r, ctx, dec_aterfor_spec, AT__MAX)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "pnr",
	         part_pnr_show(r, db_cell(rg, 0, RG_PNR)))) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "gender",
	         part_gender_label(db_cell(rg, 0, RG_GENDER)))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "protected", protected)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "interpreter",
	         str_to_ll(db_cell(rg, 0, RG_INTERPRETER)) != 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "employed",
	         str_to_ll(db_cell(rg, 0, RG_EMPLOYED)) != 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "employer_rehab",
	         str_to_ll(db_cell(rg, 0, RG_EMPLOYER_REHAB)) != 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "status_label",
	         part_referral_status_label(status))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "open", dec_open(status))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "waiting",
	         str_eq_cstr(status, "vantelista"))) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "inskrivna", now)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "full",
	         places.len > 0 && now >= str_to_ll(places))) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", f->notice)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "conflict", f->conflict)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "full_error", f->full)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "consent_error", f->consent)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "form_error", f->form_error)) != APP_OK ||
	    (e = consent_bind_status(r, ctx, id, ACCESS_INSATS)) != APP_OK)
		return e;
	/* Up front: a decision needs a waiver covering the referring
	 * organisation (include/consent.h); say so before anyone types. */
	if (dec_open(status)) {
		int covered = 0;
		if ((e = consent_covers(r, id,
		         str_to_ll(db_cell(rg, 0, RG_ORG_ID)), 0, &covered)) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(ctx, "consent_missing", !covered)) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(ctx, "consent_visa_marker",
		         str_to_ll(db_cell(rg, 0, RG_CONSENT_VISA)) != 0)) !=
		        APP_OK)
			return e;
	}
	/* Skyddade personuppgifter: no address on screen. */
	if (!protected &&
	    ((e = view_ctx_set_str(
	          ctx, "address", db_cell(rg, 0, RG_ADDRESS))) != APP_OK ||
	        (e = view_ctx_set_str(ctx, "postal_code",
	             db_cell(rg, 0, RG_POSTAL))) != APP_OK ||
	        (e = view_ctx_set_str(ctx, "city", db_cell(rg, 0, RG_CITY))) !=
	            APP_OK))
		return e;
	if ((e = dec_bind_list(r, ctx, "income", NULL,
	         SQL_PARTICIPATION_REFERRAL_INCOME, id, income_cols, 1)) !=
	        APP_OK ||
	    (e = dec_bind_list(r, ctx, "coremittents", "has_coremittents",
	         SQL_PARTICIPATION_REFERRAL_COREMITTENTS, id, corem_cols, 3)) !=
	        APP_OK)
		return e;
	if (str_eq_cstr(status, "antagen")) {
		struct db_param p[1] = { DB_INT(id) };
		struct db_rows pr;
		if ((e = part_exec(r, SQL_PARTICIPATION_REFERRAL_PARTICIPATION,
		         p, 1, &pr)) != APP_OK)
			return e;
		if (pr.nrows == 1 &&
		    (e = view_ctx_set_str(ctx, "participation_id",
		         db_cell(&pr, 0, 0))) != APP_OK)
			return e;
	}
	if (dec_open(status) && (e = dec_bind_forms(r, ctx, rg, f)) != APP_OK)
		return e;
	return page_render(r, "inkorg_ansokan", "Ansökan", ctx);
}

enum app_err
page_inbox_referral(struct req *r)
{
	struct dec_form f = { .kind = -1 };
	struct db_rows rg;
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = dec_load(r, id, &rg)) != APP_OK)
		return e;
	if (req_query(r, "sparat") != NULL)
		f.notice = "Beslutet är sparat.";
	return dec_render(r, &rg, &f);
}

/* Validate the submitted decision's own fields into f; cross-field and
 * code checks too. Returns the number of errors in *nerr. */
static enum app_err
dec_validate(
    struct req *r, const struct db_rows *rg, struct dec_form *f, size_t *nerr)
{
	struct db_param p[1] = { DB_INT(
	    str_to_ll(db_cell(rg, 0, RG_INSATS_ID))) };
	struct db_rows rows;
	size_t n = 0;
	enum app_err e;

	*nerr = 0;
	if (f->kind == DEC_ANTA) {
		struct field_val *v = f->an;
		long long submitted;

		if ((e = form_validate(r->a, &r->form, dec_anta_spec, AN__MAX,
		         v, &n)) != APP_OK)
			return e;
		/* The start cannot come before the application did. */
		submitted =
		    part_date_ymd((struct str){ db_cell(rg, 0, RG_SUBMITTED).p,
		        db_cell(rg, 0, RG_SUBMITTED).len >= 10 ? 10 : 0 });
		if (v[AN_START].ok && submitted && v[AN_START].i < submitted) {
			v[AN_START].ok = 0;
			v[AN_START].error = "Startdatumet kan inte vara före "
			                    "dagen då ansökan kom in.";
		}
		if (v[AN_START].ok && v[AN_END].ok &&
		    v[AN_END].i <= v[AN_START].i) {
			v[AN_END].ok = 0;
			v[AN_END].error = MSG_END_AFTER;
		}
		if (v[AN_CONTACT].ok) {
			int known = 0;
			if ((e = part_exec(r, SQL_PARTICIPATION_INSATS_STAFF, p,
			         1, &rows)) != APP_OK)
				return e;
			for (size_t i = 0; i < rows.nrows; i++)
				known |= str_to_ll(db_cell(&rows, i, 0)) ==
				    v[AN_CONTACT].i;
			if (!known) {
				v[AN_CONTACT].ok = 0;
				v[AN_CONTACT].error = MSG_CONTACT;
			}
		} else
			v[AN_CONTACT].error =
			    MSG_CONTACT; /* a <select>: one message */
		if (v[AN_OCC].ok && v[AN_OCC].present) {
			if ((e = part_exec(r,
			         SQL_PARTICIPATION_CODES_OCCUPATION, NULL, 0,
			         &rows)) != APP_OK)
				return e;
			if (!part_code_known(&rows, v[AN_OCC].s)) {
				v[AN_OCC].ok = 0;
				v[AN_OCC].error = MSG_CODE;
			}
		}
		for (size_t i = 0; i < AN__MAX; i++)
			*nerr += !v[i].ok;
	} else if (f->kind == DEC_AVRADA) {
		struct field_val *v = f->av;
		if ((e = form_validate(r->a, &r->form, dec_avrada_spec, AV__MAX,
		         v, &n)) != APP_OK)
			return e;
		if (v[AV_CODE].ok) {
			if ((e = part_exec(r, SQL_PARTICIPATION_CODES_ADVISE,
			         NULL, 0, &rows)) != APP_OK)
				return e;
			if (!part_code_known(&rows, v[AV_CODE].s)) {
				v[AV_CODE].ok = 0;
				v[AV_CODE].error = MSG_CODE;
			}
		}
		for (size_t i = 0; i < AV__MAX; i++)
			*nerr += !v[i].ok;
	} else if (f->kind == DEC_ATERFOR) {
		if ((e = form_validate(r->a, &r->form, dec_aterfor_spec,
		         AT__MAX, f->at, &n)) != APP_OK)
			return e;
		*nerr = n;
	}
	return APP_OK;
}

/* The admission inside the open transaction: a place must be free. On a
 * full insats *full is set and nothing is written. */
static enum app_err
dec_admit(struct req *r, const struct db_rows *rg, const struct dec_form *f,
    long long *pid, const char **full)
{
	const struct field_val *v = f->an;
	long long insats = str_to_ll(db_cell(rg, 0, RG_INSATS_ID));
	long long id = str_to_ll(db_cell(rg, 0, RG_ID));
	struct db_param p[8];
	struct db_rows lock;
	struct str start = part_ymd_str(r, v[AN_START].i);
	struct str end = part_ymd_str(r, v[AN_END].i);
	struct buf contact, hours;
	enum app_err e;

	p[0] = DB_INT(insats);
	if ((e = part_exec(r, SQL_PARTICIPATION_INSATS_LOCK, p, 1, &lock)) !=
	    APP_OK)
		return e;
	if (lock.nrows == 1 && db_cell(&lock, 0, 0).len > 0) {
		long long places = str_to_ll(db_cell(&lock, 0, 0));
		long long now = str_to_ll(db_cell(&lock, 0, 1));
		if (now >= places) {
			struct buf msg;
			buf_init(&msg, r->a);
			if ((e = buf_printf(&msg,
			         "Insatsen är full (%lld av %lld platser). "
			         "Sätt ansökan på väntelista.",
			         now, places)) != APP_OK)
				return e;
			*full = msg.p;
			return APP_OK;
		}
	}
	p[0] = DB_INT(id);
	p[1] = DB_INT(str_to_ll(db_cell(rg, 0, RG_PERSON_ID)));
	p[2] = DB_INT(insats);
	p[3] = DB_STR(start);
	p[4] = DB_STR(end);
	p[5] = DB_INT(v[AN_CONTACT].i);
	p[6] = DB_INT(v[AN_HOURS].i);
	p[7] = v[AN_OCC].present ? DB_STR(v[AN_OCC].s) : DB_NULL;
	if ((e = part_exec(r, SQL_PARTICIPATION_INSERT, p, 8, NULL)) != APP_OK)
		return e;
	if ((*pid = (long long)db_insert_id(r->db)) <= 0)
		return APP_EDB;
	/* From here on the insats keeps its own record of the person, as
	 * the admitted referral had it (sql/0022). */
	p[0] = DB_INT(*pid);
	p[1] = DB_INT(id);
	if ((e = part_exec(r, SQL_PARTICIPATION_PERSON_COPY, p, 2, NULL)) !=
	    APP_OK)
		return e;
	buf_init(&contact, r->a);
	buf_init(&hours, r->a);
	if ((e = buf_printf(&contact, "%lld", v[AN_CONTACT].i)) != APP_OK ||
	    (e = buf_printf(&hours, "%lld", v[AN_HOURS].i)) != APP_OK)
		return e;
	if ((e = history_field(r, HISTORY_PARTICIPATION, *pid, "status",
	         STR_LIT(""), STR_LIT("inskriven"))) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, *pid, "start_date",
	         STR_LIT(""), start)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, *pid,
	         "planned_end_date", STR_LIT(""), end)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, *pid, "contact_id",
	         STR_LIT(""), buf_str(&contact))) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, *pid, "hours_per_week",
	         STR_LIT(""), buf_str(&hours))) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, *pid,
	         "occupation_before_code", STR_LIT(""), v[AN_OCC].s)) !=
	        APP_OK ||
	    (e = audit_write(r, AUDIT_CREATE, "participation", *pid,
	         db_cell(rg, 0, RG_PNR), STR_LIT("inskriven"))) != APP_OK)
		return e;
	return APP_OK;
}

enum app_err
page_inbox_decide(struct req *r)
{
	struct dec_form f = { .kind = -1 };
	struct field_val head[DF__MAX];
	struct db_rows rg, lock;
	struct db_param p[6];
	struct str reason = STR_LIT(""), advise = STR_LIT("");
	long long id, pid = 0, changed = 0;
	const char *full = NULL;
	size_t nerr = 0;
	int covered = 0;
	struct buf loc, detail;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = dec_load(r, id, &rg)) != APP_OK)
		return e;
	if ((e = form_validate(r->a, &r->form, dec_head_spec, DF__MAX, head,
	         &nerr)) != APP_OK)
		return e;
	if (!head[DF_BESLUT].ok) {
		f.form_error = MSG_DEC_UNKNOWN;
		r->resp.status = 400;
		return dec_render(r, &rg, &f);
	}
	f.kind = (int)head[DF_BESLUT].i;
	if (!dec_open(db_cell(&rg, 0, RG_STATUS))) {
		f.conflict = MSG_DECIDED;
		r->resp.status = 409;
		return dec_render(r, &rg, &f);
	}
	if (f.kind == DEC_VANTELISTA &&
	    str_eq_cstr(db_cell(&rg, 0, RG_STATUS), "vantelista")) {
		f.conflict = MSG_ALREADY_WAIT;
		r->resp.status = 409;
		return dec_render(r, &rg, &f);
	}
	if ((e = dec_validate(r, &rg, &f, &nerr)) != APP_OK)
		return e;
	if (!head[DF_VERSION].ok) {
		f.form_error = MSG_FORM_STALE;
		nerr++;
	}
	if (nerr > 0) {
		r->resp.status = 400;
		return dec_render(r, &rg, &f);
	}
	if (f.kind == DEC_AVRADA) {
		reason = f.av[AV_REASON].s;
		advise = f.av[AV_CODE].s;
	} else if (f.kind == DEC_ATERFOR)
		reason = f.at[AT_REASON].s;

	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	p[0] = DB_INT(id);
	if ((e = part_exec(r, SQL_PARTICIPATION_REFERRAL_LOCK, p, 1, &lock)) !=
	    APP_OK)
		goto fail;
	if (lock.nrows != 1 || !dec_open(db_cell(&lock, 0, 0)) ||
	    str_to_ll(db_cell(&lock, 0, 1)) != head[DF_VERSION].i) {
		/* Decided or changed since the page was shown: show what
		 * is stored now, with what was typed. */
		db_rollback(r->db);
		if ((e = dec_load(r, id, &rg)) != APP_OK)
			return e;
		f.conflict = dec_open(db_cell(&rg, 0, RG_STATUS))
		    ? PART_CONFLICT_MSG
		    : MSG_DECIDED;
		r->resp.status = 409;
		return dec_render(r, &rg, &f);
	}
	/* The consent rule at the moment of the action, under the lock:
	 * every decision needs a waiver in force that covers the referring
	 * organisation, whatever the VISA marker says. */
	if ((e = consent_covers(r, id, str_to_ll(db_cell(&rg, 0, RG_ORG_ID)), 0,
	         &covered)) != APP_OK)
		goto fail;
	if (!covered) {
		db_rollback(r->db);
		if ((e = dec_load(r, id, &rg)) != APP_OK)
			return e;
		f.consent = MSG_NO_CONSENT;
		r->resp.status = 409;
		return dec_render(r, &rg, &f);
	}
	if (f.kind == DEC_ANTA) {
		if ((e = dec_admit(r, &rg, &f, &pid, &full)) != APP_OK)
			goto fail;
		if (full != NULL) {
			db_rollback(r->db);
			if ((e = dec_load(r, id, &rg)) != APP_OK)
				return e;
			f.full = full;
			r->resp.status = 409;
			return dec_render(r, &rg, &f);
		}
	}
	p[0] = DB_STR(str_cstr(dec_status[f.kind]));
	p[1] = DB_INT(r->user->id);
	p[2] = DB_STR(reason);
	p[3] = advise.len ? DB_STR(advise) : DB_NULL;
	p[4] = DB_INT(id);
	p[5] = DB_INT(head[DF_VERSION].i);
	buf_init(&detail, r->a);
	if ((e = part_exec(r, SQL_PARTICIPATION_REFERRAL_DECIDE, p, 6, NULL)) !=
	        APP_OK ||
	    (e = part_row_count(r, &changed)) != APP_OK)
		goto fail;
	if (changed != 1) {
		e = APP_EDB; /* the lock above makes this unreachable */
		goto fail;
	}
	if ((e = history_field(r, HISTORY_REFERRAL, id, "status",
	         db_cell(&lock, 0, 0), str_cstr(dec_status[f.kind]))) !=
	        APP_OK ||
	    (e = history_field(r, HISTORY_REFERRAL, id, "decision_reason",
	         db_cell(&lock, 0, 2), reason)) != APP_OK ||
	    (e = history_field(r, HISTORY_REFERRAL, id, "advise_against_code",
	         db_cell(&lock, 0, 3), advise)) != APP_OK ||
	    (e = buf_printf(&detail, "decision: %s", dec_status[f.kind])) !=
	        APP_OK ||
	    (e = audit_write(r, AUDIT_UPDATE, "referral", id,
	         db_cell(&rg, 0, RG_PNR), buf_str(&detail))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	buf_init(&loc, r->a);
	if (f.kind == DEC_ANTA)
		e = buf_printf(&loc, "/deltagande/%lld?antagen=1", pid);
	else
		e = buf_printf(&loc, "/inkorg/%lld?sparat=1", id);
	if (e != APP_OK)
		return e;
	return page_redirect(r, loc.p);
fail:
	db_rollback(r->db);
	return e;
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
