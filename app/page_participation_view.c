/* page_participation_view.c: one participation from inskrivning to the
 * summary: the page and its forms; see include/page_participation.h. */
#include "access.h"
#include "arena.h"
#include "audit.h"
#include "consent.h"
#include "contact.h"
#include "date.h"
#include "db.h"
#include "form_registry.h"
#include "history.h"
#include "page_participation.h"
#include "page_quest.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "sql_participation.h"
#include "view.h"

#define MSG_FORM_STALE                                                               \
	"Formuläret är ofullständigt eller ändrat. Ladda om sidan och försök " \
	"igen."
#define MSG_NOT_OPEN                                                           \
	"Deltagandet är avslutat och kan inte ändras. Se uppgifterna nedan."
#define MSG_NOT_ENDED                                                          \
	"Sammanfattningen kan bara markeras som skickad för ett avslutat "    \
	"deltagande där den inte redan är skickad."
#define MSG_NO_CONSENT                                                         \
	"Sammanfattningen markerades inte som skickad: det finns inget "       \
	"gällande samtycke (sekretesslättnad) som omfattar remittentens "    \
	"organisation och tillåter att uppgifter lämnas till den."
#define MSG_FUTURE                "Datumet kan inte ligga i framtiden."
#define MSG_BEFORE_START          "Datumet kan inte vara före startdatumet (%s)."
#define MSG_CODE                  "Välj ett av alternativen i listan."
#define PART_SUMMARY_DEFAULT_DAYS 21 /* when the insats has no deadline set */

/* Columns of SQL_PARTICIPATION_GET. */
enum pg_col {
	PG_ID,
	PG_VERSION,
	PG_STATUS,
	PG_REFERRAL,
	PG_INSATS_ID,
	PG_INSATS,
	PG_DUE_DAYS,
	PG_PNR,
	PG_FIRST,
	PG_LAST,
	PG_GENDER,
	PG_BIRTH_YEAR,
	PG_ADDRESS,
	PG_POSTAL,
	PG_CITY,
	PG_PHONE,
	PG_MUNICIPALITY,
	PG_INTERPRETER,
	PG_LANGUAGE,
	PG_PROTECTED,
	PG_START,
	PG_PLANNED_END,
	PG_CONTACT,
	PG_HOURS,
	PG_OCC_BEFORE,
	PG_MT_DATE,
	PG_MT_NOTE,
	PG_MT_ATTENDEES,
	PG_END,
	PG_END_REASON,
	PG_END_REASON_LABEL,
	PG_OCC_AFTER,
	PG_OCC_AFTER_LABEL,
	PG_SUMMARY_DUE,
	PG_SUMMARY_SENT,
	PG_OVERDUE,
	PG_REMITTENT,
	PG_REMITTENT_ORG,
	PG_CONTACT_ID,
	PG_REF_ORG_ID, /* the referring organisation */
	PG__COUNT
};

/* The individual plan: up to PLAN_ROWS activities, each with its hours. */
#define PLAN_ROWS 10
#define PLAN_ROW(n)                                                            \
	{ "aktivitet_" #n, FT_TEXT, 0, 200, 0, NULL },                         \
	{                                                                      \
		"timmar_" #n, FT_INT, 1, 40, 0, NULL                           \
	}
static const struct field_spec plan_spec[2 * PLAN_ROWS] = { PLAN_ROW(1),
	PLAN_ROW(2), PLAN_ROW(3), PLAN_ROW(4), PLAN_ROW(5), PLAN_ROW(6),
	PLAN_ROW(7), PLAN_ROW(8), PLAN_ROW(9), PLAN_ROW(10) };

static const struct field_spec version_spec[1] = {
	{ "version", FT_INT, 1, 4294967295LL, FF_REQUIRED, NULL },
};

enum { MT_DATE, MT_NOTE, MT_ATTENDEES, MT__MAX };
static const struct field_spec mt_spec[MT__MAX] = {
	[MT_DATE] = { "datum", FT_DATE, 20000101, 0, FF_REQUIRED, NULL },
	[MT_NOTE] = { "anteckning", FT_TEXT, 0, 4000, FF_MULTILINE, NULL },
	[MT_ATTENDEES] = { "deltog", FT_TEXT, 1, 500, FF_REQUIRED, NULL },
};

enum { FL_END, FL_REASON, FL__MAX };
static const struct field_spec fl_spec[FL__MAX] = {
	[FL_END] = { "nytt_slut", FT_DATE, 20000101, 0, FF_REQUIRED, NULL },
	[FL_REASON] = { "orsak", FT_TEXT, 1, 500, FF_REQUIRED, NULL },
};

enum { EN_DATE, EN_REASON, EN_OCC, EN_INCOME, EN__MAX };
static const struct field_spec en_spec[EN__MAX] = {
	[EN_DATE] = { "slutdatum", FT_DATE, 20000101, 0, FF_REQUIRED, NULL },
	[EN_REASON] = { "avslutsorsak", FT_TEXT, 1, 32, FF_REQUIRED, NULL },
	[EN_OCC] = { "sysselsattning_efter", FT_TEXT, 0, 32, 0, NULL },
	[EN_INCOME] = { "forsorjning_efter", FT_TEXT, 0, 32, FF_MULTI, NULL },
};

enum pv_kind {
	PV_NONE,
	PV_PLAN,
	PV_MIDTERM,
	PV_EXTEND,
	PV_END,
	PV_SUMMARY,
	PV_SUS
};

/* What the page shows besides the stored participation. */
struct pv_form {
	enum pv_kind kind; /* the submitted form */
	struct field_val plan[2 * PLAN_ROWS];
	struct field_val mt[MT__MAX], fl[FL__MAX], en[EN__MAX];
	const struct str *income; /* en: the ticked income codes */
	size_t nincome;
	const char *plan_error, *income_error;
	const char *form_error; /* a missing or tampered hidden field */
	const char *conflict;   /* 409 */
	const char *consent; /* 409: the consent does not allow the summary */
	const char *notice;
	const struct part_sus_form *sus; /* PV_SUS: what was typed */
};

/* The participation row, or APP_ENOTFOUND unless the caller is its
 * insats staff. */
static enum app_err
pv_load(struct req *r, long long id, struct db_rows *pg)
{
	struct db_param p[2];
	unsigned via = 0;
	enum app_err e;

	if ((e = access_participation(r, id, &via)) != APP_OK)
		return e;
	if (!(via & ACCESS_INSATS))
		return APP_ENOTFOUND;
	p[0] = DB_STR(part_today_str(r));
	p[1] = DB_INT(id);
	if ((e = part_exec(r, SQL_PARTICIPATION_GET, p, 2, pg)) != APP_OK)
		return e;
	return pg->nrows == 1 ? APP_OK : APP_ENOTFOUND;
}

static struct str
pv_cell(const struct db_rows *pg, enum pg_col c)
{
	return db_cell(pg, 0, (size_t)c);
}

/* YYYYMMDD plus days, as YYYYMMDD (Hinnant's civil_from_days). */
static long long
pv_add_days(long long ymd, long days)
{
	long z = date_days((int)(ymd / 10000), (int)(ymd / 100 % 100),
	             (int)(ymd % 100)) +
	    days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	long y = yoe + era * 400 + (m <= 2);

	return (long long)y * 10000 + m * 100 + d;
}

/* Swedish names of the fields in change_history. */
static const char *
pv_field_label(struct str f)
{
	static const char *const map[][2] = {
		{ "status", "Status" },
		{ "start_date", "Startdatum" },
		{ "planned_end_date", "Planerat slut" },
		{ "contact_id", "Kontaktperson (konto-id)" },
		{ "hours_per_week", "Timmar per vecka" },
		{ "occupation_before_code", "Sysselsättning före" },
		{ "activities", "Planerade aktiviteter" },
		{ "midterm_date", "Mittuppföljning, datum" },
		{ "midterm_note", "Mittuppföljning, anteckning" },
		{ "midterm_attendees", "Mittuppföljning, deltog" },
		{ "end_date", "Slutdatum" },
		{ "end_reason_code", "Avslutsorsak" },
		{ "occupation_after_code", "Sysselsättning efter" },
		{ "income_after", "Försörjning efter" },
		{ "summary_due_date", "Sammanfattning senast" },
		{ "summary_sent_at", "Sammanfattning skickad" },
	};
	/* The insats's record of the person (sql/0022). */
	const char *person = contact_field_label(f);

	if (person != NULL)
		return person;
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (str_eq_cstr(f, map[i][0]))
			return map[i][1];
	return NULL;
}

static const char *
pv_action_label(struct str a)
{
	static const char *const map[][2] = {
		{ "read", "Läste" },
		{ "create", "Skapade" },
		{ "update", "Ändrade" },
		{ "search", "Sökte på personnumret" },
		{ "export", "Exporterade" },
		{ "print", "Skrev ut" },
	};

	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (str_eq_cstr(a, map[i][0]))
			return map[i][1];
	return "Annat";
}

static const char *
pv_object_label(struct str o)
{
	if (str_eq_cstr(o, "participation"))
		return "deltagande";
	if (str_eq_cstr(o, "referral"))
		return "ansökan";
	if (str_eq_cstr(o, "person"))
		return "person";
	return "annat";
}

/* The activities as one line for change_history: "A (4 h); B (2 h)". */
static enum app_err
pv_plan_text(struct req *r, const struct db_rows *acts, struct str *out)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	if ((e = buf_puts(&b, "")) != APP_OK)
		return e;
	for (size_t i = 0; i < acts->nrows; i++) {
		struct str a = db_cell(acts, i, 0);
		if ((i > 0 && (e = buf_puts(&b, "; ")) != APP_OK) ||
		    (e = buf_append(&b, a.p, a.len)) != APP_OK ||
		    (e = buf_printf(&b, " (%lld h)",
		         str_to_ll(db_cell(acts, i, 1)))) != APP_OK)
			return e;
	}
	*out = buf_str(&b);
	return APP_OK;
}

/* The plan: stored activities and the form's rows. */
static enum app_err
pv_bind_plan(
    struct view_ctx *ctx, const struct db_rows *acts, const struct pv_form *f)
{
	long long total = 0;
	size_t nrows;
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "activities")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "plan_rows")) != APP_OK)
		return e;
	for (size_t i = 0; i < acts->nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "activities");
		if (it == NULL)
			return APP_ENOMEM;
		total += str_to_ll(db_cell(acts, i, 1));
		if ((e = view_ctx_set_str(
		         it, "activity", db_cell(acts, i, 0))) != APP_OK ||
		    (e = view_ctx_set_str(it, "hours", db_cell(acts, i, 1))) !=
		        APP_OK)
			return e;
	}
	if ((e = view_ctx_set_int(ctx, "plan_total", total)) != APP_OK)
		return e;
	/* Room for two more than what is there, at least four rows. */
	if (f->kind == PV_PLAN) {
		size_t last = 0;
		for (size_t i = 0; i < PLAN_ROWS; i++)
			if (f->plan[2 * i].s.len || f->plan[2 * i + 1].s.len)
				last = i + 1;
		nrows = last + 2;
	} else
		nrows = acts->nrows + 2;
	if (nrows < 4)
		nrows = 4;
	if (nrows > PLAN_ROWS)
		nrows = PLAN_ROWS;
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
		} else if (i < acts->nrows) {
			if ((e = view_ctx_set_str(it, "activity",
			         db_cell(acts, i, 0))) != APP_OK ||
			    (e = view_ctx_set_str(
			         it, "hours", db_cell(acts, i, 1))) != APP_OK)
				return e;
		}
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
pv_bind_end_form(struct req *r, struct view_ctx *ctx, const struct pv_form *f)
{
	struct db_rows reasons, occ, inc;
	enum app_err e;
	int typed = f->kind == PV_END;

	if ((e = part_exec(r, SQL_PARTICIPATION_CODES_END, NULL, 0,
	         &reasons)) != APP_OK ||
	    (e = part_exec(r, SQL_PARTICIPATION_CODES_OCCUPATION, NULL, 0,
	         &occ)) != APP_OK ||
	    (e = part_exec(r, SQL_PARTICIPATION_CODES_INCOME, NULL, 0, &inc)) !=
	        APP_OK)
		return e;
	if ((e = part_code_options(ctx, "en_reasons", &reasons,
	         typed ? f->en[EN_REASON].s : STR_LIT(""))) != APP_OK ||
	    (e = part_code_options(ctx, "en_occs", &occ,
	         typed ? f->en[EN_OCC].s : STR_LIT(""))) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "en_incomes")) != APP_OK)
		return e;
	for (size_t i = 0; i < inc.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "en_incomes");
		int checked = 0;
		if (it == NULL)
			return APP_ENOMEM;
		for (size_t k = 0; typed && k < f->nincome; k++)
			checked |= str_eq(f->income[k], db_cell(&inc, i, 0));
		if ((e = view_ctx_set_str(it, "code", db_cell(&inc, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "label", db_cell(&inc, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "checked", checked)) != APP_OK)
			return e;
	}
	if (!typed)
		return APP_OK;
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

/* Change history and the access log of this participant's file. */
static enum app_err
pv_bind_logs(
    struct req *r, struct view_ctx *ctx, long long id, const struct db_rows *pg)
{
	long long ref = str_to_ll(pv_cell(pg, PG_REFERRAL));
	struct db_param p[6] = { DB_STR(pv_cell(pg, PG_PNR)), DB_INT(id),
		DB_INT(ref), DB_INT(ref), DB_INT(ref),
		DB_INT(str_to_ll(pv_cell(pg, PG_INSATS_ID))) };
	struct db_rows hist, looked;
	enum app_err e;

	if ((e = history_list(r, HISTORY_PARTICIPATION, id, &hist)) != APP_OK ||
	    (e = part_exec(r, SQL_PARTICIPATION_WHO_LOOKED, p, 6, &looked)) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "history")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "looked")) != APP_OK)
		return e;
	for (size_t i = 0; i < hist.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "history");
		const char *label = pv_field_label(db_cell(&hist, i, 2));
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "at", db_cell(&hist, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "who", db_cell(&hist, i, 1))) !=
		        APP_OK ||
		    (e = (label ? view_ctx_set_cstr(it, "field", label)
		                : view_ctx_set_str(it, "field",
		                      db_cell(&hist, i, 2)))) != APP_OK ||
		    (e = view_ctx_set_str(it, "old", db_cell(&hist, i, 3))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "new", db_cell(&hist, i, 4))) !=
		        APP_OK)
			return e;
	}
	for (size_t i = 0; i < looked.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "looked");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "at", db_cell(&looked, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "who", db_cell(&looked, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(
		         it, "username", db_cell(&looked, i, 2))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "action",
		         pv_action_label(db_cell(&looked, i, 3)))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "object",
		         pv_object_label(db_cell(&looked, i, 4)))) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "object_id", db_cell(&looked, i, 5))) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* Bind each listed column of pg to its key. */
static enum app_err
pv_bind_cols(struct view_ctx *ctx, const struct db_rows *pg)
{
	static const struct {
		const char *key;
		enum pg_col col;
	} cols[] = {
		{ "id", PG_ID },
		{ "referral_id", PG_REFERRAL },
		{ "insats", PG_INSATS },
		{ "first_name", PG_FIRST },
		{ "last_name", PG_LAST },
		{ "birth_year", PG_BIRTH_YEAR },
		{ "phone", PG_PHONE },
		{ "municipality", PG_MUNICIPALITY },
		{ "language", PG_LANGUAGE },
		{ "start_date", PG_START },
		{ "planned_end", PG_PLANNED_END },
		{ "contact", PG_CONTACT },
		{ "hours_per_week", PG_HOURS },
		{ "occ_before", PG_OCC_BEFORE },
		{ "midterm_date", PG_MT_DATE },
		{ "midterm_note", PG_MT_NOTE },
		{ "midterm_attendees", PG_MT_ATTENDEES },
		{ "end_date", PG_END },
		{ "end_reason", PG_END_REASON_LABEL },
		{ "occ_after", PG_OCC_AFTER_LABEL },
		{ "summary_due", PG_SUMMARY_DUE },
		{ "summary_sent", PG_SUMMARY_SENT },
		{ "remittent", PG_REMITTENT },
		{ "remittent_org", PG_REMITTENT_ORG },
	};
	enum app_err e;

	for (size_t i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		if ((e = view_ctx_set_str(
		         ctx, cols[i].key, pv_cell(pg, cols[i].col))) != APP_OK)
			return e;
	return APP_OK;
}

static enum app_err
pv_render(struct req *r, const struct db_rows *pg, const struct pv_form *f)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	long long id = str_to_ll(pv_cell(pg, PG_ID));
	struct str status = pv_cell(pg, PG_STATUS);
	struct str pnr = pv_cell(pg, PG_PNR);
	int open = str_eq_cstr(status, "inskriven");
	int protected = str_to_ll(pv_cell(pg, PG_PROTECTED)) != 0;
	struct db_param p[1] = { DB_INT(id) };
	struct db_rows acts, inc;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	/* Logged before anything of the person is read for the page, so
	 * this very look is in the list below. */
	if ((e = audit_write(r, AUDIT_READ, "participation", id, pnr,
	         STR_LIT(""))) != APP_OK)
		return e;
	if ((e = part_exec(r, SQL_PARTICIPATION_ACTIVITIES, p, 1, &acts)) !=
	        APP_OK ||
	    (e = part_exec(r, SQL_PARTICIPATION_INCOME_AFTER, p, 1, &inc)) !=
	        APP_OK)
		return e;
	if ((e = pv_bind_cols(ctx, pg)) != APP_OK ||
	    (e = page_form_limits(r, ctx, plan_spec, 2 * PLAN_ROWS)) !=
	        APP_OK ||
	    (e = page_form_limits(r, ctx, mt_spec, MT__MAX)) != APP_OK ||
	    (e = page_form_limits(r, ctx, fl_spec, FL__MAX)) != APP_OK ||
	    (e = page_form_limits(r, ctx, en_spec, EN__MAX)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "version", pv_cell(pg, PG_VERSION))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "pnr", part_pnr_show(r, pnr))) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "gender",
	         part_gender_label(pv_cell(pg, PG_GENDER)))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "protected", protected)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "interpreter",
	         str_to_ll(pv_cell(pg, PG_INTERPRETER)) != 0)) != APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "status_label", part_status_label(status))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "open", open)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "ended", str_eq_cstr(status, "avslutad"))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "felregistrerad",
	         str_eq_cstr(status, "felregistrerad"))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "overdue",
	         str_to_ll(pv_cell(pg, PG_OVERDUE)) != 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "summary_open",
	         str_eq_cstr(status, "avslutad") &&
	             pv_cell(pg, PG_SUMMARY_SENT).len == 0)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", f->notice)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "conflict", f->conflict)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "consent_error", f->consent)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "form_error", f->form_error)) != APP_OK ||
	    (e = consent_bind_status(r, ctx,
	         str_to_ll(pv_cell(pg, PG_REFERRAL)), ACCESS_INSATS)) != APP_OK)
		return e;
	/* Up front: the summary goes to the remittent only under a waiver
	 * that covers their organisation and allows disclosure. */
	if (str_eq_cstr(status, "avslutad") &&
	    pv_cell(pg, PG_SUMMARY_SENT).len == 0) {
		int covered = 0;
		if ((e = consent_covers(r, str_to_ll(pv_cell(pg, PG_REFERRAL)),
		         str_to_ll(pv_cell(pg, PG_REF_ORG_ID)), 1, &covered)) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(
		         ctx, "summary_no_consent", !covered)) != APP_OK)
			return e;
	}
	if (!protected &&
	    ((e = view_ctx_set_str(ctx, "address", pv_cell(pg, PG_ADDRESS))) !=
	            APP_OK ||
	        (e = view_ctx_set_str(
	             ctx, "postal_code", pv_cell(pg, PG_POSTAL))) != APP_OK ||
	        (e = view_ctx_set_str(ctx, "city", pv_cell(pg, PG_CITY))) !=
	            APP_OK))
		return e;
	if ((e = view_ctx_set_list(ctx, "income_after")) != APP_OK)
		return e;
	for (size_t i = 0; i < inc.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "income_after");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "label", db_cell(&inc, i, 1))) !=
		    APP_OK)
			return e;
	}
	if ((e = pv_bind_plan(ctx, &acts, f)) != APP_OK)
		return e;
	{
		static const char *const cols[] = { "at", "old", "new",
			"reason", "who" };
		struct db_rows ext;
		if ((e = part_exec(r, SQL_PARTICIPATION_EXTENSIONS, p, 1,
		         &ext)) != APP_OK ||
		    (e = view_ctx_set_list(ctx, "extensions")) != APP_OK)
			return e;
		for (size_t i = 0; i < ext.nrows; i++) {
			struct view_ctx *it =
			    view_ctx_list_add(ctx, "extensions");
			if (it == NULL)
				return APP_ENOMEM;
			for (size_t c = 0; c < 5; c++)
				if ((e = view_ctx_set_str(it, cols[c],
				         db_cell(&ext, i, c))) != APP_OK)
					return e;
		}
	}
	/* The forms: what was typed in the submitted one, else stored. */
	if (f->kind == PV_MIDTERM) {
		if ((e = part_ctx_field(ctx, "mt_date", "mt_date_error",
		         &f->mt[MT_DATE])) != APP_OK ||
		    (e = part_ctx_field(ctx, "mt_note", "mt_note_error",
		         &f->mt[MT_NOTE])) != APP_OK ||
		    (e = part_ctx_field(ctx, "mt_attendees",
		         "mt_attendees_error", &f->mt[MT_ATTENDEES])) != APP_OK)
			return e;
	} else if ((e = view_ctx_set_str(
	                ctx, "mt_date", pv_cell(pg, PG_MT_DATE))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "mt_note", pv_cell(pg, PG_MT_NOTE))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "mt_attendees", pv_cell(pg, PG_MT_ATTENDEES))) != APP_OK)
		return e;
	if (f->kind == PV_EXTEND &&
	    ((e = part_ctx_field(
	          ctx, "fl_end", "fl_end_error", &f->fl[FL_END])) != APP_OK ||
	        (e = part_ctx_field(ctx, "fl_reason", "fl_reason_error",
	             &f->fl[FL_REASON])) != APP_OK))
		return e;
	if (open && (e = pv_bind_end_form(r, ctx, f)) != APP_OK)
		return e;
	if ((e = part_sus_bind(
	         r, ctx, id, f->kind == PV_SUS ? f->sus : NULL)) != APP_OK ||
	    (e = pv_bind_logs(r, ctx, id, pg)) != APP_OK ||
	    (e = quest_bind_participation(r, ctx, id)) != APP_OK)
		return e;
	return page_render(r, "deltagande", "Deltagande", ctx);
}

enum app_err
page_participation(struct req *r)
{
	struct pv_form f = { .kind = PV_NONE };
	struct db_rows pg;
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = pv_load(r, id, &pg)) != APP_OK)
		return e;
	if (req_query(r, "antagen") != NULL)
		f.notice = "Ansökan är antagen och deltagandet inskrivet.";
	else if (req_query(r, "sparat") != NULL)
		f.notice = "Ändringarna är sparade.";
	else if (req_query(r, "oforandrat") != NULL)
		f.notice = "Inget var ändrat, så inget sparades.";
	return pv_render(r, &pg, &f);
}

/* ---- the changes: one skeleton, one body per form ---- */

struct pv_change {
	long long id;
	struct db_rows pg;
	long long version; /* from the form */
};

/* Load, check the status and the version field; a refusal is rendered
 * into r->resp and *done set. need_open: the participation must be
 * inskriven; else ended with the summary not yet sent. */
static enum app_err
pv_start(struct req *r, struct pv_change *c, struct pv_form *f, int need_open,
    int *done)
{
	struct field_val v[1];
	size_t n = 0;
	struct str status;
	int ok;
	enum app_err e;

	*done = 0;
	if ((e = req_param_id(r, &c->id)) != APP_OK ||
	    (e = pv_load(r, c->id, &c->pg)) != APP_OK)
		return e;
	status = pv_cell(&c->pg, PG_STATUS);
	ok = need_open ? str_eq_cstr(status, "inskriven")
	               : str_eq_cstr(status, "avslutad") &&
	        pv_cell(&c->pg, PG_SUMMARY_SENT).len == 0;
	if (!ok) {
		f->conflict = need_open ? MSG_NOT_OPEN : MSG_NOT_ENDED;
		r->resp.status = 409;
		*done = 1;
		return pv_render(r, &c->pg, f);
	}
	if ((e = form_validate(r->a, &r->form, version_spec, 1, v, &n)) !=
	    APP_OK)
		return e;
	c->version = v[0].ok ? v[0].i : 0;
	if (!v[0].ok)
		f->form_error = MSG_FORM_STALE;
	return APP_OK;
}

/* 409: what is stored now, with what was typed. */
static enum app_err
pv_conflict(struct req *r, struct pv_change *c, struct pv_form *f)
{
	enum app_err e;

	if ((e = pv_load(r, c->id, &c->pg)) != APP_OK)
		return e;
	f->conflict = PART_CONFLICT_MSG;
	r->resp.status = 409;
	return pv_render(r, &c->pg, f);
}

/* Begin, lock and compare versions. *stale: rolled back, render 409. */
static enum app_err
pv_begin(struct req *r, struct pv_change *c, int *stale)
{
	struct db_param p[1] = { DB_INT(c->id) };
	struct db_rows lock;
	enum app_err e;

	*stale = 0;
	/* The page was read at one version; the form must be of the same. */
	if (str_to_ll(pv_cell(&c->pg, PG_VERSION)) != c->version) {
		*stale = 1;
		return APP_OK;
	}
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = part_exec(r, SQL_PARTICIPATION_LOCK, p, 1, &lock)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	if (lock.nrows != 1 || str_to_ll(db_cell(&lock, 0, 0)) != c->version) {
		db_rollback(r->db);
		*stale = 1;
	}
	return APP_OK;
}

/* After the UPDATE: exactly one row, else someone got in between. */
static enum app_err
pv_changed_one(struct req *r)
{
	long long n = 0;
	enum app_err e;

	if ((e = part_row_count(r, &n)) != APP_OK)
		return e;
	return n == 1 ? APP_OK : APP_EDB;
}

/* Audit, commit and redirect back to the page. */
static enum app_err
pv_finish(struct req *r, struct pv_change *c, const char *what)
{
	struct buf loc;
	enum app_err e;

	if ((e = audit_write(r, AUDIT_UPDATE, "participation", c->id,
	         pv_cell(&c->pg, PG_PNR), str_cstr(what))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/deltagande/%lld?sparat=1", c->id)) !=
	    APP_OK)
		return e;
	return page_redirect(r, loc.p);
}

/* A date that must be on or after the start and not after today. */
static void
pv_check_past_date(struct req *r, struct field_val *v, long long start)
{
	struct buf msg;

	if (!v->ok)
		return;
	if (v->i > part_today()) {
		v->ok = 0;
		v->error = MSG_FUTURE;
	} else if (v->i < start) {
		buf_init(&msg, r->a);
		v->ok = 0;
		v->error = buf_printf(&msg, MSG_BEFORE_START,
		               part_ymd_str(r, start).p) == APP_OK
		    ? msg.p
		    : "Datumet kan inte vara före startdatumet.";
	}
}

static size_t
pv_count_errors(const struct field_val *v, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += !v[i].ok;
	return k;
}

enum app_err
page_participation_plan(struct req *r)
{
	struct pv_form f = { .kind = PV_PLAN };
	struct pv_change c;
	struct db_rows acts;
	struct db_param p[4];
	struct str old_text, new_text, old_hours;
	struct buf nb, hb;
	long long total = 0, nact = 0;
	size_t n = 0, nerr;
	int done, stale;
	enum app_err e;

	if ((e = pv_start(r, &c, &f, 1, &done)) != APP_OK || done)
		return e;
	if ((e = form_validate(r->a, &r->form, plan_spec, 2 * PLAN_ROWS, f.plan,
	         &n)) != APP_OK)
		return e;
	buf_init(&nb, r->a);
	if ((e = buf_puts(&nb, "")) != APP_OK)
		return e;
	for (size_t i = 0; i < PLAN_ROWS; i++) {
		struct field_val *a = &f.plan[2 * i], *h = &f.plan[2 * i + 1];
		if (a->ok && h->ok && a->present && !h->present) {
			h->ok = 0;
			h->error = "Ange timmar i veckan för aktiviteten.";
		} else if (a->ok && h->ok && !a->present && h->present) {
			a->ok = 0;
			a->error = "Beskriv aktiviteten, eller töm timmarna.";
		}
		if (a->ok && h->ok && a->present) {
			total += h->i;
			if ((nact > 0 && (e = buf_puts(&nb, "; ")) != APP_OK) ||
			    (e = buf_append(&nb, a->s.p, a->s.len)) != APP_OK ||
			    (e = buf_printf(&nb, " (%lld h)", h->i)) != APP_OK)
				return e;
			nact++;
		}
	}
	nerr = pv_count_errors(f.plan, 2 * PLAN_ROWS) + (f.form_error != NULL);
	if (nerr == 0 && nact == 0)
		f.plan_error = "Planen behöver minst en aktivitet med timmar "
		               "i veckan.";
	else if (nerr == 0 && total > 40)
		f.plan_error = "Sammanlagt högst 40 timmar i veckan (heltid). "
		               "Minska timmarna.";
	if (nerr > 0 || f.plan_error != NULL) {
		r->resp.status = 400;
		return pv_render(r, &c.pg, &f);
	}
	new_text = buf_str(&nb);
	if ((e = pv_begin(r, &c, &stale)) != APP_OK)
		return e;
	if (stale)
		return pv_conflict(r, &c, &f);
	p[0] = DB_INT(c.id);
	buf_init(&hb, r->a);
	if ((e = part_exec(r, SQL_PARTICIPATION_ACTIVITIES, p, 1, &acts)) !=
	        APP_OK ||
	    (e = pv_plan_text(r, &acts, &old_text)) != APP_OK ||
	    (e = part_exec(
	         r, SQL_PARTICIPATION_ACTIVITIES_DELETE, p, 1, NULL)) != APP_OK)
		goto fail;
	for (size_t i = 0, k = 0; i < PLAN_ROWS; i++) {
		struct field_val *a = &f.plan[2 * i], *h = &f.plan[2 * i + 1];
		if (!a->present)
			continue;
		p[1] = DB_STR(a->s);
		p[2] = DB_INT(h->i);
		p[3] = DB_INT((long long)++k);
		if ((e = part_exec(r, SQL_PARTICIPATION_ACTIVITY_INSERT, p, 4,
		         NULL)) != APP_OK)
			goto fail;
	}
	old_hours = pv_cell(&c.pg, PG_HOURS);
	p[0] = DB_INT(total);
	p[1] = DB_INT(c.id);
	p[2] = DB_INT(c.version);
	if ((e = part_exec(r, SQL_PARTICIPATION_SET_PLAN, p, 3, NULL)) !=
	        APP_OK ||
	    (e = pv_changed_one(r)) != APP_OK ||
	    (e = buf_printf(&hb, "%lld", total)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, c.id, "activities",
	         old_text, new_text)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, c.id, "hours_per_week",
	         old_hours, buf_str(&hb))) != APP_OK)
		goto fail;
	return pv_finish(r, &c, "plan");
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
page_participation_midterm(struct req *r)
{
	struct pv_form f = { .kind = PV_MIDTERM };
	struct pv_change c;
	struct db_param p[5];
	struct str date;
	size_t n = 0;
	int done, stale;
	enum app_err e;

	if ((e = pv_start(r, &c, &f, 1, &done)) != APP_OK || done)
		return e;
	if ((e = form_validate(r->a, &r->form, mt_spec, MT__MAX, f.mt, &n)) !=
	    APP_OK)
		return e;
	pv_check_past_date(
	    r, &f.mt[MT_DATE], part_date_ymd(pv_cell(&c.pg, PG_START)));
	if (pv_count_errors(f.mt, MT__MAX) > 0 || f.form_error != NULL) {
		r->resp.status = 400;
		return pv_render(r, &c.pg, &f);
	}
	date = part_ymd_str(r, f.mt[MT_DATE].i);
	if ((e = pv_begin(r, &c, &stale)) != APP_OK)
		return e;
	if (stale)
		return pv_conflict(r, &c, &f);
	p[0] = DB_STR(date);
	p[1] = DB_STR(f.mt[MT_NOTE].s);
	p[2] = DB_STR(f.mt[MT_ATTENDEES].s);
	p[3] = DB_INT(c.id);
	p[4] = DB_INT(c.version);
	if ((e = part_exec(r, SQL_PARTICIPATION_SET_MIDTERM, p, 5, NULL)) !=
	        APP_OK ||
	    (e = pv_changed_one(r)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, c.id, "midterm_date",
	         pv_cell(&c.pg, PG_MT_DATE), date)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, c.id, "midterm_note",
	         pv_cell(&c.pg, PG_MT_NOTE), f.mt[MT_NOTE].s)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, c.id,
	         "midterm_attendees", pv_cell(&c.pg, PG_MT_ATTENDEES),
	         f.mt[MT_ATTENDEES].s)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return pv_finish(r, &c, "midterm follow-up");
}

enum app_err
page_participation_extend(struct req *r)
{
	struct pv_form f = { .kind = PV_EXTEND };
	struct pv_change c;
	struct db_param p[5];
	struct str old_end, new_end;
	long long start, cur;
	size_t n = 0;
	int done, stale;
	enum app_err e;

	if ((e = pv_start(r, &c, &f, 1, &done)) != APP_OK || done)
		return e;
	if ((e = form_validate(r->a, &r->form, fl_spec, FL__MAX, f.fl, &n)) !=
	    APP_OK)
		return e;
	old_end = pv_cell(&c.pg, PG_PLANNED_END);
	start = part_date_ymd(pv_cell(&c.pg, PG_START));
	cur = part_date_ymd(old_end);
	if (f.fl[FL_END].ok && f.fl[FL_END].i <= start) {
		f.fl[FL_END].ok = 0;
		f.fl[FL_END].error = "Det nya slutet måste vara efter "
		                     "startdatumet.";
	} else if (f.fl[FL_END].ok && cur && f.fl[FL_END].i <= cur) {
		struct buf msg;
		buf_init(&msg, r->a);
		f.fl[FL_END].ok = 0;
		f.fl[FL_END].error =
		    buf_printf(&msg,
		        "Det nya slutet måste vara efter det nuvarande "
		        "planerade slutet (%.*s).",
		        (int)old_end.len, old_end.p) == APP_OK
		    ? msg.p
		    : "Det nya slutet måste vara efter det nuvarande.";
	}
	if (pv_count_errors(f.fl, FL__MAX) > 0 || f.form_error != NULL) {
		r->resp.status = 400;
		return pv_render(r, &c.pg, &f);
	}
	new_end = part_ymd_str(r, f.fl[FL_END].i);
	if ((e = pv_begin(r, &c, &stale)) != APP_OK)
		return e;
	if (stale)
		return pv_conflict(r, &c, &f);
	p[0] = DB_INT(c.id);
	p[1] = old_end.len ? DB_STR(old_end) : DB_NULL;
	p[2] = DB_STR(new_end);
	p[3] = DB_STR(f.fl[FL_REASON].s);
	p[4] = DB_INT(r->user->id);
	if ((e = part_exec(
	         r, SQL_PARTICIPATION_EXTENSION_INSERT, p, 5, NULL)) != APP_OK)
		goto fail;
	p[0] = DB_STR(new_end);
	p[1] = DB_INT(c.id);
	p[2] = DB_INT(c.version);
	if ((e = part_exec(r, SQL_PARTICIPATION_SET_PLANNED_END, p, 3, NULL)) !=
	        APP_OK ||
	    (e = pv_changed_one(r)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, c.id,
	         "planned_end_date", old_end, new_end)) != APP_OK)
		goto fail;
	return pv_finish(r, &c, "extension");
fail:
	db_rollback(r->db);
	return e;
}

/* The avslut form's codes: end reason, occupation and income after. */
static enum app_err
pv_end_validate(struct req *r, struct pv_form *f, int *felreg)
{
	struct db_rows reasons, occ, inc;
	struct str *codes;
	enum app_err e;

	*felreg = 0;
	if ((e = part_exec(r, SQL_PARTICIPATION_CODES_END, NULL, 0,
	         &reasons)) != APP_OK ||
	    (e = part_exec(r, SQL_PARTICIPATION_CODES_OCCUPATION, NULL, 0,
	         &occ)) != APP_OK ||
	    (e = part_exec(r, SQL_PARTICIPATION_CODES_INCOME, NULL, 0, &inc)) !=
	        APP_OK)
		return e;
	if (f->en[EN_REASON].ok &&
	    !part_code_known(&reasons, f->en[EN_REASON].s)) {
		f->en[EN_REASON].ok = 0;
		f->en[EN_REASON].error = MSG_CODE;
	}
	*felreg = f->en[EN_REASON].ok &&
	    str_eq_cstr(f->en[EN_REASON].s, "felregistrering");
	if (f->en[EN_OCC].ok && f->en[EN_OCC].present &&
	    !part_code_known(&occ, f->en[EN_OCC].s)) {
		f->en[EN_OCC].ok = 0;
		f->en[EN_OCC].error = MSG_CODE;
	} else if (f->en[EN_OCC].ok && !f->en[EN_OCC].present && !*felreg) {
		f->en[EN_OCC].ok = 0;
		f->en[EN_OCC].error = "Välj sysselsättning efter insatsen.";
	}
	/* Every ticked income code, each once and known. */
	if ((codes = arena_calloc(r->a, r->form.n + 1, sizeof(*codes))) == NULL)
		return APP_ENOMEM;
	f->income = codes;
	f->nincome = 0;
	for (size_t k = 0; k < r->form.n; k++) {
		struct str v = r->form.v[k].val;
		int dup = 0;
		if (!str_eq_cstr(r->form.v[k].key, "forsorjning_efter") ||
		    v.len == 0)
			continue;
		if (!part_code_known(&inc, v)) {
			f->income_error = MSG_CODE;
			continue;
		}
		for (size_t i = 0; i < f->nincome; i++)
			dup |= str_eq(codes[i], v);
		if (!dup)
			codes[f->nincome++] = v;
	}
	if (f->income_error == NULL && !f->en[EN_INCOME].ok)
		f->income_error = MSG_CODE;
	if (f->income_error == NULL && f->nincome == 0 && !*felreg)
		f->income_error = "Välj minst en försörjning efter insatsen.";
	return APP_OK;
}

enum app_err
page_participation_end(struct req *r)
{
	struct pv_form f = { .kind = PV_END };
	struct pv_change c;
	struct db_param p[7];
	struct db_rows old_inc;
	struct str date, due = STR_LIT(""), old_inc_text, new_inc_text;
	const char *status;
	struct buf ob, nb;
	size_t n = 0;
	int done, stale, felreg;
	enum app_err e;

	if ((e = pv_start(r, &c, &f, 1, &done)) != APP_OK || done)
		return e;
	if ((e = form_validate(r->a, &r->form, en_spec, EN__MAX, f.en, &n)) !=
	    APP_OK)
		return e;
	pv_check_past_date(
	    r, &f.en[EN_DATE], part_date_ymd(pv_cell(&c.pg, PG_START)));
	if ((e = pv_end_validate(r, &f, &felreg)) != APP_OK)
		return e;
	if (pv_count_errors(f.en, EN__MAX - 1) > 0 || f.income_error != NULL ||
	    f.form_error != NULL) {
		r->resp.status = 400;
		return pv_render(r, &c.pg, &f);
	}
	date = part_ymd_str(r, f.en[EN_DATE].i);
	status = felreg ? "felregistrerad" : "avslutad";
	if (!felreg) {
		/* The summary is due summary_due_days after the end. */
		struct str days = pv_cell(&c.pg, PG_DUE_DAYS);
		long nd = days.len ? (long)str_to_ll(days)
		                   : PART_SUMMARY_DEFAULT_DAYS;
		due = part_ymd_str(r, pv_add_days(f.en[EN_DATE].i, nd));
	}
	if ((e = pv_begin(r, &c, &stale)) != APP_OK)
		return e;
	if (stale)
		return pv_conflict(r, &c, &f);
	p[0] = DB_INT(c.id);
	buf_init(&ob, r->a);
	buf_init(&nb, r->a);
	if ((e = part_exec(r, SQL_PARTICIPATION_INCOME_AFTER, p, 1,
	         &old_inc)) != APP_OK ||
	    (e = part_exec(r, SQL_PARTICIPATION_INCOME_AFTER_DELETE, p, 1,
	         NULL)) != APP_OK ||
	    (e = buf_puts(&ob, "")) != APP_OK ||
	    (e = buf_puts(&nb, "")) != APP_OK)
		goto fail;
	for (size_t i = 0; i < old_inc.nrows; i++) {
		struct str code = db_cell(&old_inc, i, 0);
		if ((i > 0 && (e = buf_puts(&ob, ",")) != APP_OK) ||
		    (e = buf_append(&ob, code.p, code.len)) != APP_OK)
			goto fail;
	}
	for (size_t i = 0; i < f.nincome; i++) {
		p[1] = DB_STR(f.income[i]);
		if ((e = part_exec(r, SQL_PARTICIPATION_INCOME_AFTER_INSERT, p,
		         2, NULL)) != APP_OK ||
		    (i > 0 && (e = buf_puts(&nb, ",")) != APP_OK) ||
		    (e = buf_append(&nb, f.income[i].p, f.income[i].len)) !=
		        APP_OK)
			goto fail;
	}
	old_inc_text = buf_str(&ob);
	new_inc_text = buf_str(&nb);
	p[0] = DB_STR(str_cstr(status));
	p[1] = DB_STR(date);
	p[2] = DB_STR(f.en[EN_REASON].s);
	p[3] = f.en[EN_OCC].present ? DB_STR(f.en[EN_OCC].s) : DB_NULL;
	p[4] = due.len ? DB_STR(due) : DB_NULL;
	p[5] = DB_INT(c.id);
	p[6] = DB_INT(c.version);
	if ((e = part_exec(r, SQL_PARTICIPATION_SET_END, p, 7, NULL)) !=
	        APP_OK ||
	    (e = pv_changed_one(r)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, c.id, "status",
	         pv_cell(&c.pg, PG_STATUS), str_cstr(status))) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, c.id, "end_date",
	         pv_cell(&c.pg, PG_END), date)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, c.id,
	         "end_reason_code", pv_cell(&c.pg, PG_END_REASON),
	         f.en[EN_REASON].s)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, c.id,
	         "occupation_after_code", pv_cell(&c.pg, PG_OCC_AFTER),
	         f.en[EN_OCC].s)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, c.id, "income_after",
	         old_inc_text, new_inc_text)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, c.id,
	         "summary_due_date", pv_cell(&c.pg, PG_SUMMARY_DUE), due)) !=
	        APP_OK)
		goto fail;
	return pv_finish(
	    r, &c, felreg ? "end: felregistrerad" : "end: avslutad");
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
page_participation_summary(struct req *r)
{
	struct pv_form f = { .kind = PV_SUMMARY };
	struct pv_change c;
	struct db_param p[2];
	int done, stale, covered = 0;
	enum app_err e;

	if ((e = pv_start(r, &c, &f, 0, &done)) != APP_OK || done)
		return e;
	if (f.form_error != NULL) {
		r->resp.status = 400;
		return pv_render(r, &c.pg, &f);
	}
	if ((e = pv_begin(r, &c, &stale)) != APP_OK)
		return e;
	if (stale)
		return pv_conflict(r, &c, &f);
	/* The consent rule at the moment of the action, under the lock. */
	if ((e = consent_covers(r, str_to_ll(pv_cell(&c.pg, PG_REFERRAL)),
	         str_to_ll(pv_cell(&c.pg, PG_REF_ORG_ID)), 1, &covered)) !=
	    APP_OK) {
		db_rollback(r->db);
		return e;
	}
	if (!covered) {
		db_rollback(r->db);
		if ((e = pv_load(r, c.id, &c.pg)) != APP_OK)
			return e;
		f.consent = MSG_NO_CONSENT;
		r->resp.status = 409;
		return pv_render(r, &c.pg, &f);
	}
	p[0] = DB_INT(c.id);
	p[1] = DB_INT(c.version);
	if ((e = part_exec(r, SQL_PARTICIPATION_SET_SUMMARY_SENT, p, 2,
	         NULL)) != APP_OK ||
	    (e = pv_changed_one(r)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, c.id,
	         "summary_sent_at", STR_LIT(""), part_today_str(r))) !=
	        APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return pv_finish(r, &c, "summary sent");
}

/* ---- the SUS registration data (page_participation_sus.c) ---- */

#define MSG_SUS_FELREG                                                         \
	"Deltagandet är felregistrerat och rapporteras inte till SUS. "       \
	"Uppgifterna kan inte ändras."

enum app_err
page_participation_sus(struct req *r)
{
	struct pv_form f = { .kind = PV_SUS };
	struct part_sus_form sf;
	struct pv_change c;
	struct field_val v[1];
	struct buf loc;
	size_t n = 0, nerr = 0;
	int stale, changed;
	enum app_err e;

	if ((e = req_param_id(r, &c.id)) != APP_OK ||
	    (e = pv_load(r, c.id, &c.pg)) != APP_OK)
		return e;
	if (str_eq_cstr(pv_cell(&c.pg, PG_STATUS), "felregistrerad")) {
		f.conflict = MSG_SUS_FELREG;
		r->resp.status = 409;
		return pv_render(r, &c.pg, &f);
	}
	if ((e = form_validate(r->a, &r->form, version_spec, 1, v, &n)) !=
	        APP_OK ||
	    (e = part_sus_read(r, c.id, &sf, &nerr)) != APP_OK)
		return e;
	f.sus = &sf;
	c.version = v[0].ok ? v[0].i : 0;
	if (!v[0].ok || sf.form_bad)
		f.form_error = MSG_FORM_STALE;
	if (nerr > 0 || f.form_error != NULL) {
		r->resp.status = 400;
		return pv_render(r, &c.pg, &f);
	}
	if ((e = pv_begin(r, &c, &stale)) != APP_OK)
		return e;
	if (stale)
		return pv_conflict(r, &c, &f);
	if ((e = part_sus_save(r, c.id, c.version, &sf, &stale, &changed)) !=
	    APP_OK) {
		db_rollback(r->db);
		return e;
	}
	if (stale) {
		db_rollback(r->db);
		return pv_conflict(r, &c, &f);
	}
	/* Nothing changed: nothing written, no audit row of a change. */
	if (!changed)
		db_rollback(r->db);
	else if ((e = audit_write(r, AUDIT_UPDATE, "participation", c.id,
	              pv_cell(&c.pg, PG_PNR), STR_LIT("SUS data"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/deltagande/%lld?%s#sus-uppgifter", c.id,
	         changed ? "sparat=1" : "oforandrat=1")) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
}

static const struct form_def participation_view_forms[] = {
	{ "POST /deltagande/:id/plan", "deltagande", plan_spec, 2 * PLAN_ROWS },
	{ "POST /deltagande/:id/mittuppfoljning", "deltagande", mt_spec,
	    MT__MAX },
	{ "POST /deltagande/:id/forlangning", "deltagande", fl_spec, FL__MAX },
	{ "POST /deltagande/:id/avslut", "deltagande", en_spec, EN__MAX },
};

const struct form_def *
page_participation_view_forms(size_t *n)
{
	*n = sizeof(participation_view_forms) /
	    sizeof(participation_view_forms[0]);
	return participation_view_forms;
}
