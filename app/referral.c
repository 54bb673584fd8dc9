/* referral.c: the referral application, its states and the remittent's
 * transitions; see include/referral.h. */
#include <string.h>

#include "gallring.h"
#include "access.h"
#include "arena.h"
#include "audit.h"
#include "consent.h"
#include "db.h"
#include "history.h"
#include "log.h"
#include "paging.h"
#include "participation.h"
#include "referral.h"
#include "referral_decision.h"
#include "req.h"
#include "session.h"
#include "sql_referral.h"

/* ==== states ==== */

static const struct {
	const char *name, *label, *inbox_label;
} referral_statuses[REFERRAL_STATUS__MAX] = {
	[REFERRAL_UTKAST] = { "utkast", "Utkast", "Utkast" },
	[REFERRAL_INSKICKAD] = { "inskickad", "Inskickad", "Ny ansökan" },
	[REFERRAL_VANTELISTA] = { "vantelista", "Väntelista", "Väntelista" },
	[REFERRAL_ANTAGEN] = { "antagen", "Antagen", "Antagen" },
	[REFERRAL_AVRADD] = { "avradd", "Avrådd", "Avrådd" },
	[REFERRAL_ATERFORD] = { "aterford", "Återförd till remittenten",
	    "Återförd till remittenten" },
	[REFERRAL_ATERKALLAD] = { "aterkallad", "Återkallad",
	    "Återkallad av remittenten" },
};
_Static_assert(sizeof(referral_statuses) / sizeof(referral_statuses[0]) ==
        REFERRAL_STATUS__MAX,
    "referral_statuses[] out of sync with enum referral_status");

static const char *const referral_refusals[REFERRAL_REFUSAL__MAX] = {
	[REFERRAL_OK] = NULL,
	[REFERRAL_LOCKED] =
	    "Ansökan har skickats in och kan inte längre ändras här.",
	[REFERRAL_NO_CONSENT] =
	    "Ansökan kan inte skickas utan samtycke. Registrera samtycket "
	    "(sekretesslättnad) först, eller markera att det tas vid "
	    "VISA-besöket.",
	[REFERRAL_GALLRAD] = GALLRING_MSG_REMOVED,
	[REFERRAL_WITHDRAWN] = "Ansökan är redan återkallad.",
	[REFERRAL_DECIDED] =
	    "Ansökan är redan beslutad och kan inte återkallas.",
	[REFERRAL_INSATS_CLOSED] =
	    "Insatsen pågår inte och tar inte emot ansökningar. Välj en "
	    "annan insats.",
	[REFERRAL_INSATS_NO_STAFF] =
	    "Insatsen har ingen personal just nu och tar inte emot "
	    "ansökningar. Välj en annan insats.",
};

const char *
referral_status_name(enum referral_status s)
{
	return (unsigned)s < REFERRAL_STATUS__MAX ? referral_statuses[s].name
	                                          : "";
}

const char *
referral_status_label(enum referral_status s)
{
	return (unsigned)s < REFERRAL_STATUS__MAX ? referral_statuses[s].label
	                                          : "";
}

int
referral_status_from_name(struct str name, enum referral_status *out)
{
	for (int s = 0; s < REFERRAL_STATUS__MAX; s++)
		if (str_eq_cstr(name, referral_statuses[s].name)) {
			*out = (enum referral_status)s;
			return 1;
		}
	return 0;
}

enum referral_status
referral_status_of(struct str name)
{
	enum referral_status s;

	return referral_status_from_name(name, &s) ? s : REFERRAL_STATUS__MAX;
}

const char *
referral_status_inbox_label(enum referral_status s)
{
	return (unsigned)s < REFERRAL_STATUS__MAX
	    ? referral_statuses[s].inbox_label
	    : "";
}

const char *
referral_status_inbox_label_of(struct str name)
{
	return referral_status_inbox_label(referral_status_of(name));
}

const char *
referral_status_label_of(struct str name)
{
	enum referral_status s;

	return referral_status_from_name(name, &s) ? referral_status_label(s)
	                                           : "";
}

int
referral_status_decided(enum referral_status s)
{
	return s == REFERRAL_ANTAGEN || s == REFERRAL_AVRADD ||
	    s == REFERRAL_ATERFORD || s == REFERRAL_VANTELISTA;
}

const char *
referral_refusal_msg(enum referral_refusal why)
{
	return (unsigned)why < REFERRAL_REFUSAL__MAX ? referral_refusals[why]
	                                             : NULL;
}

enum referral_refusal
referral_may_edit(enum referral_status s)
{
	return s == REFERRAL_UTKAST || s == REFERRAL_ATERFORD ? REFERRAL_OK
	                                                      : REFERRAL_LOCKED;
}

enum referral_refusal
referral_save_draft(enum referral_status s, enum referral_status *to)
{
	enum referral_refusal why = referral_may_edit(s);

	*to = s;
	return why;
}

enum referral_refusal
referral_submit_consent(int covered, int at_visa)
{
	return covered || at_visa ? REFERRAL_OK : REFERRAL_NO_CONSENT;
}

enum referral_refusal
referral_submit(
    enum referral_status s, int covered, int at_visa, enum referral_status *to)
{
	enum referral_refusal why = referral_may_edit(s);

	*to = s;
	if (why != REFERRAL_OK)
		return why;
	if ((why = referral_submit_consent(covered, at_visa)) != REFERRAL_OK)
		return why;
	*to = REFERRAL_INSKICKAD;
	return REFERRAL_OK;
}

enum referral_refusal
referral_withdraw(enum referral_status s, enum referral_status *to)
{
	*to = s;
	switch (s) {
	case REFERRAL_UTKAST:
	case REFERRAL_INSKICKAD:
	case REFERRAL_VANTELISTA:
	case REFERRAL_ATERFORD: *to = REFERRAL_ATERKALLAD; return REFERRAL_OK;
	case REFERRAL_ATERKALLAD: return REFERRAL_WITHDRAWN;
	case REFERRAL_ANTAGEN:
	case REFERRAL_AVRADD:
	case REFERRAL_STATUS__MAX: break;
	}
	return REFERRAL_DECIDED;
}

int
referral_may_withdraw(enum referral_status s)
{
	enum referral_status to;

	return referral_withdraw(s, &to) == REFERRAL_OK;
}

enum referral_refusal
referral_insats_takes(int active, int staffed)
{
	if (!active)
		return REFERRAL_INSATS_CLOSED;
	return staffed ? REFERRAL_OK : REFERRAL_INSATS_NO_STAFF;
}

enum referral_dup
referral_dup_kind(enum referral_status other, struct str participation_status)
{
	if (str_eq_cstr(participation_status, "inskriven"))
		return REFERRAL_DUP_PARTICIPATION;
	switch (other) {
	case REFERRAL_UTKAST:
	case REFERRAL_INSKICKAD:
	case REFERRAL_VANTELISTA:
	case REFERRAL_ATERFORD: return REFERRAL_DUP_APPLICATION;
	case REFERRAL_ANTAGEN:
	case REFERRAL_AVRADD:
	case REFERRAL_ATERKALLAD:
	case REFERRAL_STATUS__MAX: break;
	}
	return REFERRAL_DUP_NONE;
}

/* ==== records ==== */

#define RF(m, c, t) DB_FIELD(referral, m, c, t)
static const struct db_field referral_fields[] = {
	RF(id, "id", DB_F_INT),
	RF(status_name, "status", DB_F_STR),
	RF(insats_id, "insats_id", DB_F_INT),
	RF(insats, "insats", DB_F_STR),
	RF(remittent_id, "remittent_id", DB_F_INT),
	RF(remittent, "remittent", DB_F_STR),
	RF(remittent_email, "remittent_email", DB_F_STR),
	RF(organisation_id, "organisation_id", DB_F_INT),
	RF(organisation, "organisation", DB_F_STR),
	RF(organisation_parent, "organisation_parent", DB_F_STR),
	RF(visa_date, "visa_date", DB_F_STR),
	RF(sick_leave_percent, "sick_leave_percent", DB_F_STR),
	RF(employed, "employed", DB_F_BOOL),
	RF(employer, "employer", DB_F_STR),
	RF(employer_rehab, "employer_rehab_responsibility", DB_F_BOOL),
	RF(support_time_code, "support_time_code", DB_F_STR),
	RF(support_time, "support_time", DB_F_STR),
	RF(education_code, "education_code", DB_F_STR),
	RF(education, "education", DB_F_STR),
	RF(background, "background", DB_F_STR),
	RF(own_goals, "own_goals", DB_F_STR),
	RF(needs, "needs", DB_F_STR),
	RF(tried_before, "tried_before", DB_F_STR),
	RF(created, "created", DB_F_UTC_TIME),
	RF(submitted, "submitted", DB_F_UTC_TIME),
	RF(decided, "decided", DB_F_UTC_TIME),
	RF(decided_by, "decided_by", DB_F_STR),
	RF(decision_reason, "decision_reason", DB_F_STR),
	RF(advise_against, "advise_against", DB_F_STR),
	RF(withdrawn, "withdrawn", DB_F_UTC_TIME),
	RF(withdrawn_reason, "withdrawn_reason", DB_F_STR),
	RF(version, "version", DB_F_INT),
	RF(person.id, "person_id", DB_F_INT),
	RF(person.personnummer, "personnummer", DB_F_STR),
	RF(person.id_kind, "id_kind", DB_F_STR),
	RF(person.birth_year, "birth_year", DB_F_INT),
	RF(rp.first_name, "first_name", DB_F_STR),
	RF(rp.last_name, "last_name", DB_F_STR),
	RF(rp.gender, "gender", DB_F_STR),
	RF(rp.address, "address", DB_F_STR),
	RF(rp.postal_code, "postal_code", DB_F_STR),
	RF(rp.city, "city", DB_F_STR),
	RF(rp.phone, "phone", DB_F_STR),
	RF(rp.municipality, "home_municipality", DB_F_STR),
	RF(rp.interpreter_needed, "interpreter_needed", DB_F_BOOL),
	RF(rp.interpreter_language, "interpreter_language", DB_F_STR),
	RF(rp.protected_identity, "protected_identity", DB_F_BOOL),
	RF(consent_at_visa, "consent_at_visa", DB_F_BOOL),
	RF(waiver_code, "waiver", DB_F_INT),
};
#undef RF
const struct db_record referral_record = DB_RECORD(referral, referral_fields);

static const struct db_field referral_income_fields[] = {
	DB_FIELD(referral_income, code, "code", DB_F_STR),
	DB_FIELD(referral_income, label, "label", DB_F_STR),
};
const struct db_record referral_income_record =
    DB_RECORD(referral_income, referral_income_fields);

static const struct db_field referral_corem_fields[] = {
	DB_FIELD(referral_corem, organisation_id, "organisation_id", DB_F_INT),
	DB_FIELD(referral_corem, name, "name", DB_F_STR),
	DB_FIELD(referral_corem, contact, "contact", DB_F_STR),
	DB_FIELD(referral_corem, username, "username", DB_F_STR),
	DB_FIELD(referral_corem, org, "org", DB_F_STR),
	DB_FIELD(referral_corem, org_parent, "org_parent", DB_F_STR),
	DB_FIELD(referral_corem, org_label, "org_label", DB_F_STR),
};
const struct db_record referral_corem_record =
    DB_RECORD(referral_corem, referral_corem_fields);

static const struct db_field referral_row_fields[] = {
	DB_FIELD(referral_row, id, "id", DB_F_INT),
	DB_FIELD(referral_row, status_name, "status", DB_F_STR),
	DB_FIELD(referral_row, insats, "insats", DB_F_STR),
	DB_FIELD(referral_row, first_name, "first_name", DB_F_STR),
	DB_FIELD(referral_row, last_name, "last_name", DB_F_STR),
	DB_FIELD(referral_row, visa_date, "visa_date", DB_F_STR),
	DB_FIELD(referral_row, created, "created", DB_F_UTC_DAY),
	DB_FIELD(referral_row, submitted, "submitted", DB_F_UTC_DAY),
	DB_FIELD(referral_row, decided, "decided", DB_F_UTC_DAY),
	DB_FIELD(referral_row, total, "total", DB_F_INT),
	DB_FIELD(referral_row, own, "own", DB_F_BOOL),
	DB_FIELD(referral_row, co, "co", DB_F_BOOL),
	DB_FIELD(referral_row, unit, "unit", DB_F_BOOL),
	DB_FIELD(referral_row, remittent, "remittent", DB_F_STR),
	DB_FIELD(referral_row, waiver_code, "waiver", DB_F_INT),
};
const struct db_record referral_row_record =
    DB_RECORD(referral_row, referral_row_fields);

static const struct db_field referral_insats_choice_fields[] = {
	DB_FIELD(referral_insats_choice, id, "id", DB_F_INT),
	DB_FIELD(referral_insats_choice, name, "name", DB_F_STR),
	DB_FIELD(referral_insats_choice, staffed, "staffed", DB_F_BOOL),
};
const struct db_record referral_insats_choice_record =
    DB_RECORD(referral_insats_choice, referral_insats_choice_fields);

static const struct db_field referral_org_choice_fields[] = {
	DB_FIELD(referral_org_choice, id, "id", DB_F_INT),
	DB_FIELD(referral_org_choice, label, "label", DB_F_STR),
};
const struct db_record referral_org_choice_record =
    DB_RECORD(referral_org_choice, referral_org_choice_fields);

static const struct db_field referral_code_fields[] = {
	DB_FIELD(referral_code, code, "code", DB_F_STR),
	DB_FIELD(referral_code, label, "label", DB_F_STR),
	DB_FIELD(referral_code, active, "active", DB_F_BOOL),
};
const struct db_record referral_code_record =
    DB_RECORD(referral_code, referral_code_fields);

/* ==== loading ==== */

enum app_err
referral_status_decode(struct str name, enum referral_status *out)
{
	if (referral_status_from_name(name, out))
		return APP_OK;
	log_error("BUG: referral status '%.*s' unknown", (int)name.len, name.p);
	return APP_EDB;
}

enum app_err
referral_load(struct req *r, long long id, struct referral *out, int *found)
{
	long long org = r->user != NULL ? r->user->organisation_id : 0;
	struct db_param p[4] = { DB_INT(org), DB_INT(org), DB_INT(org),
		DB_INT(id) };
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_GET, p, 4,
	         out, found)) != APP_OK ||
	    !*found)
		return e;
	out->waiver = vis_waiver_from_code(out->waiver_code);
	return referral_status_decode(out->status_name, &out->status);
}

enum app_err
referral_insats_full(struct req *r, long long insats_id, int *full)
{
	struct db_param p[1] = { DB_INT(insats_id) };
	struct insats_occupancy occ;
	int found = 0;
	enum app_err e;

	*full = 0;
	if ((e = db_load_one(r->db, r->a, DB_REFERRAL,
	         SQL_REFERRAL_INSATS_OCCUPANCY, p, 1, &occ, &found)) != APP_OK)
		return e;
	if (found)
		*full = participation_insats_full(occ.places, occ.inskrivna);
	return APP_OK;
}

enum app_err
referral_links_load(struct req *r, long long id, struct referral_links *out)
{
	struct db_param p[1] = { DB_INT(id) };
	void *inc, *co;
	enum app_err e;

	memset(out, 0, sizeof(*out));
	if ((e = db_load(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_INCOME_LIST, p,
	         1, &inc, &out->nincome)) != APP_OK ||
	    (e = db_load(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_COREM_LIST, p,
	         1, &co, &out->ncorem)) != APP_OK)
		return e;
	out->income = inc;
	out->corem = co;
	return APP_OK;
}

/* The first nine parameters of SQL_REFERRAL_LIST and _SEARCH into p. */
static void
referral_list_params(struct req *r, struct db_param *p)
{
	for (int i = 0; i < 3; i++)
		p[i] = DB_INT(r->user->id);
	for (int i = 3; i < 6; i++)
		p[i] = DB_INT(r->user->organisation_id);
	for (int i = 6; i < 9; i++)
		p[i] = DB_INT(r->user->id);
}

/* Rows from the list statements, their states decoded. */
static enum app_err
referral_rows_load(struct req *r, unsigned q, const struct db_param *p,
    size_t np, struct referral_row **rows, size_t *n)
{
	void *out;
	enum app_err e;

	*rows = NULL;
	if ((e = db_load(r->db, r->a, DB_REFERRAL, q, p, np, &out, n)) !=
	    APP_OK)
		return e;
	*rows = out;
	for (size_t i = 0; i < *n; i++) {
		(*rows)[i].waiver =
		    vis_waiver_from_code((*rows)[i].waiver_code);
		if ((e = referral_status_decode(
		         (*rows)[i].status_name, &(*rows)[i].status)) != APP_OK)
			return e;
	}
	return APP_OK;
}

unsigned
referral_row_via(const struct referral_row *row)
{
	return (row->own ? ACCESS_OWN : 0) |
	    (row->co ? ACCESS_COREMITTENT : 0) | (row->unit ? ACCESS_UNIT : 0);
}

const struct paging_sort referral_sorts[REFERRAL_SORT__MAX] = {
	[REFERRAL_SORT_CHANGED] = { "andrad", 1 },
	[REFERRAL_SORT_NAME] = { "namn", 0 },
	[REFERRAL_SORT_INSATS] = { "insats", 0 },
	[REFERRAL_SORT_CREATED] = { "skapad", 1 },
	[REFERRAL_SORT_SUBMITTED] = { "inskickad", 1 },
};

enum app_err
referral_list(struct req *r, const enum referral_status *status,
    const struct paging *pg, struct referral_row **rows, size_t *n,
    long long *total)
{
	struct str name = status != NULL
	    ? str_cstr(referral_status_name(*status))
	    : STR_LIT("");
	/* Every row without a status; with one, those whose details one of
	 * the row's remittent ways shows (visibility.h decides, the SQL only
	 * keeps). */
	static const unsigned ways[3] = { ACCESS_OWN, ACCESS_COREMITTENT,
		ACCESS_UNIT };
	struct db_param p[25];
	enum app_err e;

	referral_list_params(r, p);
	p[9] = DB_STR(name);
	p[10] = DB_STR(name);
	for (int i = 0; i < 3; i++)
		p[11 + i] =
		    DB_INT(status == NULL ? (1u << VIS_WAIVER__MAX) - 1
		                          : vis_waiver_mask(r->user->roles,
		                                ways[i], VIS_DETAILS));
	for (int i = 14; i < 24; i++)
		p[i] = DB_INT(paging_order(pg));
	p[24] = DB_INT(paging_offset(pg));
	*total = 0;
	if ((e = referral_rows_load(r, SQL_REFERRAL_LIST, p, 25, rows, n)) !=
	    APP_OK)
		return e;
	if (*n > 0)
		*total = (*rows)[0].total;
	return APP_OK;
}

enum app_err
referral_search(
    struct req *r, struct str pnr12, struct referral_row **rows, size_t *n)
{
	static const unsigned ways[3] = { ACCESS_OWN, ACCESS_COREMITTENT,
		ACCESS_UNIT };
	struct db_param p[13];

	referral_list_params(r, p);
	p[9] = DB_STR(pnr12);
	/* The referral's own remittent typed that personnummer: their row is
	 * found in every waiver state, its status masked as in their list. A
	 * medremittent or a unit colleague did not: a hit would tie a typed
	 * personnummer to a name, so only rows whose details their way shows. */
	for (int i = 0; i < 3; i++)
		p[10 + i] = DB_INT(ways[i] == ACCESS_OWN
		        ? (1u << VIS_WAIVER__MAX) - 1
		        : vis_waiver_mask(
		              r->user->roles, ways[i], VIS_DETAILS));
	return referral_rows_load(r, SQL_REFERRAL_SEARCH, p, 13, rows, n);
}

/* ==== choices ==== */

enum app_err
referral_insats_choices(
    struct req *r, struct referral_insats_choice **rows, size_t *n)
{
	void *out;
	enum app_err e = db_load(r->db, r->a, DB_REFERRAL,
	    SQL_REFERRAL_INSATS_CHOICES, NULL, 0, &out, n);

	*rows = out;
	return e;
}

enum app_err
referral_org_choices(
    struct req *r, struct referral_org_choice **rows, size_t *n)
{
	void *out;
	enum app_err e = db_load(r->db, r->a, DB_REFERRAL,
	    SQL_REFERRAL_ORG_CHOICES, NULL, 0, &out, n);

	*rows = out;
	return e;
}

enum app_err
referral_codes(struct req *r, enum referral_code_list which,
    struct referral_code **rows, size_t *n)
{
	static const unsigned q[REFERRAL_CODES__MAX] = {
		[REFERRAL_CODES_EDUCATION] = SQL_REFERRAL_CODE_EDUCATION,
		[REFERRAL_CODES_INCOME] = SQL_REFERRAL_CODE_INCOME,
		[REFERRAL_CODES_SUPPORT_TIME] = SQL_REFERRAL_CODE_SUPPORT_TIME,
	};
	void *out;
	enum app_err e;

	*rows = NULL;
	*n = 0;
	if ((unsigned)which >= REFERRAL_CODES__MAX)
		return APP_EDB;
	e = db_load(r->db, r->a, DB_REFERRAL, q[which], NULL, 0, &out, n);
	*rows = out;
	return e;
}

enum app_err
referral_org_label(struct req *r, long long id, struct str *label)
{
	struct db_param p[1] = { DB_INT(id) };
	struct referral_org_choice org;
	int found;
	enum app_err e;

	*label = STR_LIT("");
	if ((e = db_load_one(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_ORG_NAME, p,
	         1, &org, &found)) != APP_OK)
		return e;
	if (found)
		*label = org.label;
	return APP_OK;
}

enum app_err
referral_staff_email(struct req *r, long long staff_id, struct str *email)
{
	struct db_param p[1] = { DB_INT(staff_id) };
	struct referral_text row;
	int found;
	enum app_err e;

	*email = STR_LIT("");
	if ((e = db_load_one(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_STAFF_EMAIL,
	         p, 1, &row, &found)) != APP_OK)
		return e;
	if (found)
		*email = row.s;
	return APP_OK;
}

enum app_err
referral_remittent_by_username(
    struct req *r, struct str username, long long *id)
{
	struct db_param p[1] = { DB_STR(username) };
	struct referral_num row;
	int found;
	enum app_err e;

	*id = 0;
	if ((e = db_load_one(r->db, r->a, DB_REFERRAL,
	         SQL_REFERRAL_REMITTENT_BY_USERNAME, p, 1, &row, &found)) !=
	    APP_OK)
		return e;
	if (found)
		*id = row.n;
	return APP_OK;
}

/* ==== writing ==== */

static struct db_param
referral_str_or_null(struct str s)
{
	return s.len ? DB_STR(s) : DB_NULL;
}

static struct str
referral_flag(int v)
{
	return v ? STR_LIT("1") : STR_LIT("0");
}

/* The referral columns shared by INSERT and UPDATE, from insats_id to
 * consent_at_visa (13 parameters) into p. */
static void
referral_params(const struct referral_input *in, struct db_param *p)
{
	p[0] = DB_INT(in->insats_id);
	p[1] = referral_str_or_null(in->visa_date);
	p[2] = in->sick_leave.len ? DB_INT(str_to_ll(in->sick_leave)) : DB_NULL;
	p[3] = DB_INT(in->employed != 0);
	p[4] = DB_STR(in->employer);
	p[5] = DB_INT(in->employer_rehab != 0);
	p[6] = referral_str_or_null(in->support_time_code);
	p[7] = referral_str_or_null(in->education_code);
	p[8] = DB_STR(in->background);
	p[9] = DB_STR(in->own_goals);
	p[10] = DB_STR(in->needs);
	p[11] = DB_STR(in->tried_before);
	p[12] = DB_INT(in->consent_at_visa != 0);
}

/* Insert in's income codes (income) and medremittenter (corem) for
 * referral id. */
static enum app_err
referral_links_insert(struct req *r, long long id,
    const struct referral_input *in, int income, int corem)
{
	struct db_param p[5];
	enum app_err e;

	p[0] = DB_INT(id);
	for (size_t i = 0; income && i < in->nincome; i++) {
		p[1] = DB_STR(in->income[i]);
		if ((e = db_exec(r->db, r->a, DB_REFERRAL,
		         SQL_REFERRAL_INCOME_ADD, p, 2, NULL)) != APP_OK)
			return e;
	}
	for (size_t k = 0; corem && k < in->ncorem; k++) {
		const struct referral_corem_in *c = &in->corem[k];
		p[1] = c->staff_id ? DB_INT(c->staff_id) : DB_NULL;
		p[2] = DB_INT(c->organisation_id);
		p[3] = DB_STR(c->name);
		p[4] = DB_STR(c->contact);
		if ((e = db_exec(r->db, r->a, DB_REFERRAL,
		         SQL_REFERRAL_COREM_ADD, p, 5, NULL)) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* The person to store: as typed, an empty gender replaced by fallback. */
static struct contact_record
referral_person_of(const struct referral_input *in, struct str fallback)
{
	struct contact_record c = in->person;

	c.interpreter_needed = c.interpreter_needed != 0;
	c.protected_identity = c.protected_identity != 0;
	if (c.gender.len == 0)
		c.gender = fallback;
	return c;
}

enum app_err
referral_create(struct req *r, const struct pnr *pn,
    const struct referral_input *in, enum referral_status status, long long *id)
{
	struct db_param p[18], q[13];
	struct contact_record person;
	int submit = status == REFERRAL_INSKICKAD;
	struct str st = str_cstr(referral_status_name(status));
	long long pid;
	enum app_err e;

	*id = 0;
	if (!db_in_tx(r->db))
		return APP_EDB; /* the caller's transaction: see referral.h */
	if ((e = person_link(r, pn, &pid)) != APP_OK)
		goto fail;
	/* INSERT order: person, insats, remittent, organisation, status,
	 * then visa_date .. consent_at_visa, then submitted. */
	referral_params(in, q);
	p[0] = DB_INT(pid);
	p[1] = q[0];
	p[2] = DB_INT(r->user->id);
	p[3] = DB_INT(r->user->organisation_id);
	p[4] = DB_STR(st);
	for (int i = 1; i < 13; i++)
		p[4 + i] = q[i];
	p[17] = DB_INT(submit);
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_INSERT, p, 18,
	         NULL)) != APP_OK)
		goto fail;
	if ((*id = (long long)db_insert_id(r->db)) <= 0) {
		e = APP_EDB;
		goto fail;
	}
	person = referral_person_of(in, person_gender_default(pn));
	if ((e = referral_person_insert(r, *id, &person)) != APP_OK ||
	    (e = referral_links_insert(r, *id, in, 1, 1)) != APP_OK ||
	    (e = history_field(r, HISTORY_REFERRAL, *id, "status", STR_LIT(""),
	         st)) != APP_OK ||
	    (in->consent_at_visa &&
	        (e = history_field(r, HISTORY_REFERRAL, *id, "consent_at_visa",
	             STR_LIT(""), STR_LIT("1"))) != APP_OK) ||
	    (e = audit_write(r, AUDIT_CREATE, "referral", *id,
	         str_cstr(pn->digits),
	         submit ? STR_LIT("created, submitted")
	                : STR_LIT("created as draft"))) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	db_rollback(r->db);
	*id = 0;
	return e;
}

/* ---- the versioned change ---- */

/* The change in progress: what edit_run()'s steps share. */
struct referral_change_state {
	long long id;
	long long version; /* the form's */
	const struct referral_input *in;
	int submit;
	enum referral_status to;
	enum referral_refusal refusal;
	struct referral old; /* read under the lock */
	struct referral_links old_links;
};

/* The income codes, comma-separated: the "income" history field. Arena. */
static struct str
referral_income_text(struct req *r, const struct str *codes, size_t n)
{
	struct buf b;

	buf_init(&b, r->a);
	for (size_t i = 0; i < n; i++)
		if ((b.len && buf_puts(&b, ",") != APP_OK) ||
		    buf_append(&b, codes[i].p, codes[i].len) != APP_OK)
			return STR_LIT("");
	return b.len ? buf_str(&b) : STR_LIT("");
}

/* One medremittent as the history shows it: "Name, Org, contact,
 * konto user". */
static enum app_err
referral_corem_line(struct buf *b, struct str name, struct str org,
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

/* The "coremittenter" history field of the input and of the stored
 * rows. Arena. */
static struct str
referral_corem_text(struct req *r, const struct referral_input *in)
{
	struct buf b;

	buf_init(&b, r->a);
	for (size_t k = 0; k < in->ncorem; k++) {
		const struct referral_corem_in *c = &in->corem[k];
		if (referral_corem_line(&b, c->name, c->org_label, c->contact,
		        c->username) != APP_OK)
			return STR_LIT("");
	}
	return b.len ? buf_str(&b) : STR_LIT("");
}

static struct str
referral_corem_stored_text(struct req *r, const struct referral_links *l)
{
	struct buf b;

	buf_init(&b, r->a);
	for (size_t k = 0; k < l->ncorem; k++) {
		const struct referral_corem *c = &l->corem[k];
		if (referral_corem_line(&b, c->name, c->org_label, c->contact,
		        c->username) != APP_OK)
			return STR_LIT("");
	}
	return b.len ? buf_str(&b) : STR_LIT("");
}

/* The referral's history rows: old (read under the lock) to the input. */
static enum app_err
referral_history(struct req *r, const struct referral_change_state *s)
{
	const struct referral *o = &s->old;
	const struct referral_input *in = s->in;
	const struct {
		const char *field;
		struct str was, now;
	} f[] = {
		{ "status", o->status_name,
		    str_cstr(referral_status_name(s->to)) },
		{ "insats", o->insats, in->insats_name },
		{ "employed", referral_flag(o->employed),
		    referral_flag(in->employed) },
		{ "employer_rehab_responsibility",
		    referral_flag(o->employer_rehab),
		    referral_flag(in->employer_rehab) },
		{ "consent_at_visa", referral_flag(o->consent_at_visa),
		    referral_flag(in->consent_at_visa) },
		{ "visa_date", o->visa_date, in->visa_date },
		{ "sick_leave_percent", o->sick_leave_percent, in->sick_leave },
		{ "employer", o->employer, in->employer },
		{ "support_time_code", o->support_time_code,
		    in->support_time_code },
		{ "education_code", o->education_code, in->education_code },
		{ "background", o->background, in->background },
		{ "own_goals", o->own_goals, in->own_goals },
		{ "needs", o->needs, in->needs },
		{ "tried_before", o->tried_before, in->tried_before },
	};
	enum app_err e;

	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if ((e = history_field(r, HISTORY_REFERRAL, s->id, f[i].field,
		         f[i].was, f[i].now)) != APP_OK)
			return e;
	return APP_OK;
}

/* edit_run()'s lock step: the row lock, then the stored referral read
 * under it, and the rules of the change. */
static enum app_err
referral_change_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct referral_change_state *s = state;
	struct db_param p[1] = { DB_INT(s->id) };
	struct referral_lock_row row;
	enum referral_status now;
	int found, covered = 0;
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_LOCK, p, 1,
	         &row, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	/* Read after the lock, so the old values are the latest ones. */
	if ((e = referral_load(r, s->id, &s->old, &found)) != APP_OK ||
	    (e = referral_links_load(r, s->id, &s->old_links)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	lock->version = row.version;
	lock->personnummer = s->old.person.personnummer;
	if ((e = referral_status_decode(row.status, &now)) != APP_OK)
		return e;
	s->refusal = gallring_edit_refusal(row.gallrad) != NULL
	    ? REFERRAL_GALLRAD
	    : referral_may_edit(now);
	if (s->refusal == REFERRAL_OK && row.version == s->version) {
		/* The consent rule again at the moment of the action: a
		 * waiver may have been revoked since the form was read. */
		if (s->submit && !s->in->consent_at_visa &&
		    (e = consent_covers(r, s->id, s->old.organisation_id, 0,
		         &covered)) != APP_OK)
			return e;
		s->refusal = s->submit ? referral_submit(now, covered,
		                             s->in->consent_at_visa, &s->to)
		                       : referral_save_draft(now, &s->to);
	}
	lock->refused = referral_refusal_msg(s->refusal);
	return APP_OK;
}

/* edit_run()'s save step. */
static enum app_err
referral_change_save(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct referral_change_state *s = state;
	const struct referral_input *in = s->in;
	struct contact_record person = referral_person_of(in, s->old.rp.gender);
	struct db_param p[17];
	struct str old, new_;
	enum app_err e;

	if ((e = referral_person_update(r, s->id, &s->old.rp, &person)) !=
	    APP_OK)
		return e;
	referral_params(in, p);
	p[13] = DB_STR(str_cstr(referral_status_name(s->to)));
	p[14] = DB_INT(s->submit);
	p[15] = DB_INT(s->id);
	p[16] = DB_INT(lock->version);
	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_UPDATE, p, 17,
	         NULL)) != APP_OK)
		return e;
	/* Locked at this version and editable: one row, or a bug. */
	if (db_affected_rows(r->db) != 1) {
		log_error(
		    "BUG: referral %lld not updated under its lock", s->id);
		return APP_EDB;
	}
	if ((e = referral_history(r, s)) != APP_OK)
		return e;
	p[0] = DB_INT(s->id);
	old = STR_LIT("");
	if (s->old_links.nincome > 0) {
		struct str *codes =
		    arena_calloc(r->a, s->old_links.nincome, sizeof(*codes));
		if (codes == NULL)
			return APP_ENOMEM;
		for (size_t i = 0; i < s->old_links.nincome; i++)
			codes[i] = s->old_links.income[i].code;
		old = referral_income_text(r, codes, s->old_links.nincome);
	}
	new_ = referral_income_text(r, in->income, in->nincome);
	if (!str_eq(old, new_) &&
	    ((e = history_field(
	          r, HISTORY_REFERRAL, s->id, "income", old, new_)) != APP_OK ||
	        (e = db_exec(r->db, r->a, DB_REFERRAL,
	             SQL_REFERRAL_INCOME_DELETE, p, 1, NULL)) != APP_OK ||
	        (e = referral_links_insert(r, s->id, in, 1, 0)) != APP_OK))
		return e;
	old = referral_corem_stored_text(r, &s->old_links);
	new_ = referral_corem_text(r, in);
	if (!str_eq(old, new_) &&
	    ((e = history_field(r, HISTORY_REFERRAL, s->id, "coremittenter",
	          old, new_)) != APP_OK ||
	        (e = db_exec(r->db, r->a, DB_REFERRAL,
	             SQL_REFERRAL_COREM_DELETE, p, 1, NULL)) != APP_OK ||
	        (e = referral_links_insert(r, s->id, in, 0, 1)) != APP_OK))
		return e;
	/* The version moved on: a change, whatever the fields say. */
	*changed = 1;
	return APP_OK;
}

static const struct edit_ops referral_change_ops = {
	referral_change_lock,
	referral_change_save,
};

enum app_err
referral_change(struct req *r, long long id, long long version,
    const struct referral_input *in, int submit, enum edit_result *result,
    enum referral_refusal *refusal)
{
	struct referral_change_state s = { 0 };
	struct edit ed = { 0 };
	struct edit_lock lock;
	enum app_err e;

	s.id = id;
	s.version = version;
	s.in = in;
	s.submit = submit;
	ed.ops = &referral_change_ops;
	ed.state = &s;
	ed.form_version = version;
	ed.audit_type = "referral";
	ed.audit_id = id;
	ed.audit_detail = submit ? "changed, submitted" : "changed";
	*refusal = REFERRAL_OK;
	e = edit_run(r, &ed, result, &lock);
	if (e == APP_OK && *result == EDIT_REFUSED)
		*refusal = s.refusal;
	return e;
}
