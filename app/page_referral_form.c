/* page_referral_form.c: the application form (ansökan): its field table,
 * reading and checking what was posted; see include/page_referral_form.h.
 * The page is rendered by page_referral_render.c; the handlers are in
 * page_referral_save.c. */
#include <string.h>

#include "gender.h"
#include "access.h"
#include "arena.h"
#include "consent.h"
#include "contact.h"
#include "date.h"
#include "form.h"
#include "form_registry.h"
#include "once.h"
#include "page_referral_form.h"
#include "pages.h"
#include "person.h"
#include "req.h"
#include "session.h"

#define REF_TEXT_MAX 4000 /* characters in the long texts */

#define MSG_ACTION      "Välj Spara utkast eller Skicka in."
#define MSG_VISA_FUTURE "VISA-besöket kan inte ligga i framtiden."
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

_Static_assert(RF_M(REFERRAL_COREM_MAX - 1, 3) == RF_M3_USER,
    "medremittent fields out of sync with REFERRAL_COREM_MAX");
_Static_assert(RF_PROTECTED - RF_FIRST + 1 == CONTACT__MAX,
    "the person's fields out of sync with enum contact_field");

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
const struct field_spec rf_spec[RF__MAX] = {
	[RF_PNR] = { "personnummer", FT_TEXT, 1, 20, FF_REQUIRED, NULL },
	[RF_FIRST] = { "fornamn", FT_TEXT, 1, 100, FF_REQUIRED, NULL },
	[RF_LAST] = { "efternamn", FT_TEXT, 1, 100, FF_REQUIRED, NULL },
	[RF_GENDER] = { "kon", FT_ENUM, 0, 0, 0, gender_names },
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
	[RF_ONCE] = { ONCE_FIELD, FT_TEXT, 0, ONCE_KEY_LEN, 0, NULL },
};

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

/* ---- code lists and choices ---- */

int
rf_in(struct str s, const struct str *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(s, set[i]))
			return 1;
	return 0;
}

/* A number as the form carries it. Arena. */
static struct str
rf_num(struct req *r, long long n)
{
	struct buf b;

	buf_init(&b, r->a);
	if (buf_printf(&b, "%lld", n) != APP_OK)
		return STR_LIT("");
	return buf_str(&b);
}

static struct str
rf_flag(int v)
{
	return v ? STR_LIT("1") : STR_LIT("");
}

/* Code list which as offered: its active codes and those in keep. */
static enum app_err
rf_codes_load(struct req *r, enum referral_code_list which,
    const struct str *keep, size_t nkeep, struct ref_codes *out)
{
	struct referral_code *all;
	size_t n;
	enum app_err e;

	if ((e = referral_codes(r, which, &all, &n)) != APP_OK)
		return e;
	out->n = 0;
	out->rows = arena_calloc(r->a, n + 1, sizeof(*out->rows));
	out->choices = arena_calloc(r->a, n + 1, sizeof(char *));
	if (out->rows == NULL || out->choices == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < n && out->n < FORM_ENUM_MAX; i++) {
		if (!all[i].active && !rf_in(all[i].code, keep, nkeep))
			continue;
		if ((out->choices[out->n] = str_dup_cstr(r->a, all[i].code)) ==
		    NULL)
			return APP_ENOMEM;
		out->rows[out->n++] = all[i];
	}
	out->choices[out->n] = NULL;
	return APP_OK;
}

enum app_err
rf_lists_load(struct req *r, struct ref_lists *L, const struct referral *stored,
    const struct referral_links *links)
{
	struct str edu = STR_LIT(""), sup = STR_LIT(""), *codes;
	size_t n = links ? links->nincome : 0;
	enum app_err e;

	if (stored != NULL) {
		edu = stored->education_code;
		sup = stored->support_time_code;
	}
	if ((codes = arena_calloc(r->a, n + 1, sizeof(*codes))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < n; i++)
		codes[i] = links->income[i].code;
	if ((e = referral_insats_choices(r, &L->insatser, &L->ninsatser)) !=
	        APP_OK ||
	    (e = referral_org_choices(r, &L->orgs, &L->norgs)) != APP_OK ||
	    (e = rf_codes_load(
	         r, REFERRAL_CODES_EDUCATION, &edu, 1, &L->edu)) != APP_OK ||
	    (e = rf_codes_load(r, REFERRAL_CODES_SUPPORT_TIME, &sup, 1,
	         &L->support)) != APP_OK ||
	    (e = rf_codes_load(
	         r, REFERRAL_CODES_INCOME, codes, n, &L->income)) != APP_OK)
		return e;
	if ((L->offered = arena_calloc(
	         r->a, L->ninsatser + 1, sizeof(*L->offered))) == NULL)
		return APP_ENOMEM;
	L->noffered = 0;
	for (size_t i = 0; i < L->ninsatser; i++)
		if (referral_insats_takes(1, L->insatser[i].staffed) ==
		        REFERRAL_OK ||
		    (stored != NULL && stored->insats_id == L->insatser[i].id))
			L->offered[L->noffered++] = L->insatser[i];
	return APP_OK;
}

struct str
rf_org_find(const struct ref_lists *L, struct str id)
{
	for (size_t i = 0; i < L->norgs; i++)
		if (L->orgs[i].id == str_to_ll(id) && id.len > 0)
			return L->orgs[i].label;
	return STR_LIT("");
}

/* 1 when insats id (as typed) has staff. */
static int
rf_insats_staffed(const struct ref_lists *L, struct str id)
{
	for (size_t i = 0; i < L->ninsatser; i++)
		if (L->insatser[i].id == str_to_ll(id) && id.len > 0)
			return L->insatser[i].staffed;
	return 0;
}

struct str
rf_insats_find(const struct ref_lists *L, struct str id)
{
	for (size_t i = 0; i < L->ninsatser; i++)
		if (L->insatser[i].id == str_to_ll(id) && id.len > 0)
			return L->insatser[i].name;
	return STR_LIT("");
}

/* ---- the stored referral ---- */

enum app_err
rf_from_stored(struct req *r, struct ref_form *f, const struct referral *g,
    const struct referral_links *links)
{
	memset(f, 0, sizeof(*f));
	f->id = g->id;
	f->stored = g;
	for (int c = 0; c < CONTACT__MAX; c++) {
		struct str v =
		    contact_field_value(&g->rp, (enum contact_field)c);
		f->v[RF_FIRST + c] =
		    contact_field_is_flag((enum contact_field)c)
		    ? rf_flag(str_eq_cstr(v, "1"))
		    : v;
	}
	f->v[RF_INSATS] = rf_num(r, g->insats_id);
	f->v[RF_VISA] = g->visa_date;
	f->v[RF_SICK] = g->sick_leave_percent;
	f->v[RF_EMPLOYED] = rf_flag(g->employed);
	f->v[RF_EMPLOYER] = g->employer;
	f->v[RF_REHAB] = rf_flag(g->employer_rehab);
	f->v[RF_SUPPORT] = g->support_time_code;
	f->v[RF_EDU] = g->education_code;
	f->v[RF_BACKGROUND] = g->background;
	f->v[RF_GOALS] = g->own_goals;
	f->v[RF_NEEDS] = g->needs;
	f->v[RF_TRIED] = g->tried_before;
	f->v[RF_CONSENT_VISA] = rf_flag(g->consent_at_visa);
	if ((f->income = arena_calloc(
	         r->a, links->nincome + 1, sizeof(struct str))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < links->nincome; i++)
		f->income[f->nincome++] = links->income[i].code;
	for (size_t k = 0; k < links->ncorem && k < REFERRAL_COREM_MAX; k++) {
		const struct referral_corem *c = &links->corem[k];
		f->v[RF_M(k, 0)] = rf_num(r, c->organisation_id);
		f->v[RF_M(k, 1)] = c->name;
		f->v[RF_M(k, 2)] = c->contact;
		f->v[RF_M(k, 3)] = c->username;
	}
	f->version = rf_num(r, g->version);
	f->pnr_shown = person_pnr_shown(r->a, g->person.personnummer);
	return APP_OK;
}

/* ---- reading the posted form ---- */

/* Today as YYYYMMDD, the form of FT_DATE's .i. */
static long long
rf_today(void)
{
	int y, m, d;

	date_today(&y, &m, &d);
	return (long long)y * 10000 + m * 100 + d;
}

static int
rf_ascii(struct str s)
{
	for (size_t i = 0; i < s.len; i++)
		if ((unsigned char)s.p[i] >= 0x80)
			return 0;
	return 1;
}

/* Medremittent row k's named account: an active remittent other than the
 * caller, on no earlier row. */
static enum app_err
rf_read_corem_user(struct req *r, struct ref_form *f, int k)
{
	int user = RF_M(k, 3);
	long long sid;
	enum app_err e;

	/* User names are ASCII (staff.username): anything else names no
	 * account, and must not reach the ASCII column's compare. */
	if (!rf_ascii(f->v[user])) {
		f->err[user] = MSG_COREM_USER;
		return APP_OK;
	}
	f->v[user] = str_lower_ascii(r->a, f->v[user]);
	if ((e = referral_remittent_by_username(r, f->v[user], &sid)) != APP_OK)
		return e;
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
	return APP_OK;
}

/* The medremittent rows: a row with anything in it needs an organisation
 * from the list and a name; a named account must be an active remittent
 * other than the caller. */
static enum app_err
rf_read_corem(struct req *r, struct ref_form *f, const struct field_val *fv,
    const struct ref_lists *L)
{
	enum app_err e;

	for (int k = 0; k < REFERRAL_COREM_MAX; k++) {
		int org = RF_M(k, 0), name = RF_M(k, 1), user = RF_M(k, 3);
		int any = 0;

		for (int j = 0; j < 4; j++)
			any |= fv[RF_M(k, j)].present;
		if (!any)
			continue;
		if (f->err[org] == NULL && !fv[org].present)
			f->err[org] = MSG_COREM_ORG;
		else if (f->err[org] == NULL &&
		    rf_org_find(L, f->v[org]).len == 0)
			f->err[org] = MSG_ORG;
		if (f->err[name] == NULL && !fv[name].present)
			f->err[name] = MSG_COREM_NAME;
		if (f->err[user] == NULL && fv[user].present &&
		    (e = rf_read_corem_user(r, f, k)) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
rf_consent_check(struct req *r, struct ref_form *f)
{
	enum app_err e;

	f->covered = 0;
	if (f->id != 0 && f->stored != NULL &&
	    (e = consent_covers(r, f->id, f->stored->organisation_id, 0,
	         &f->covered)) != APP_OK)
		return e;
	if (f->submit && f->err[RF_CONSENT_VISA] == NULL)
		f->err[RF_CONSENT_VISA] =
		    referral_refusal_msg(referral_submit_consent(
		        f->covered, f->v[RF_CONSENT_VISA].len > 0));
	return APP_OK;
}

/* The checks beyond the field table: the personnummer, dates, the insats,
 * the contact rules, what goes with what. */
static enum app_err
rf_read_rules(struct req *r, struct ref_form *f, const struct field_val *fv,
    const struct ref_lists *L)
{
	enum app_err e;

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
		else
			/* Nobody would read it: refused, whatever was typed
			 * kept (issue 15, item 9). */
			f->err[RF_INSATS] =
			    referral_refusal_msg(referral_insats_takes(
			        1, rf_insats_staffed(L, f->v[RF_INSATS])));
	}
	if (f->err[RF_POSTAL] == NULL && fv[RF_POSTAL].present) {
		struct str pc = contact_postal(r->a, f->v[RF_POSTAL]);
		if (pc.len == 0)
			f->err[RF_POSTAL] = CONTACT_MSG_POSTAL;
		else
			f->v[RF_POSTAL] = pc;
	}
	if (f->err[RF_PHONE] == NULL && fv[RF_PHONE].present &&
	    !contact_phone_ok(f->v[RF_PHONE]))
		f->err[RF_PHONE] = CONTACT_MSG_PHONE;
	if (f->submit && f->v[RF_INTERPRETER].len &&
	    f->err[RF_LANGUAGE] == NULL && !fv[RF_LANGUAGE].present)
		f->err[RF_LANGUAGE] = CONTACT_MSG_LANGUAGE;
	if (f->v[RF_REHAB].len && !f->v[RF_EMPLOYED].len)
		f->err[RF_REHAB] = MSG_REHAB;
	if (f->submit && f->v[RF_EMPLOYED].len && f->err[RF_EMPLOYER] == NULL &&
	    !fv[RF_EMPLOYER].present)
		f->err[RF_EMPLOYER] = MSG_EMPLOYER;
	return APP_OK;
}

enum app_err
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
		f->v[i] =
		    spec[i].type == FT_BOOL ? rf_flag(fv[i].present) : fv[i].s;
		f->err[i] = fv[i].error;
		if (f->err[i] != NULL && !fv[i].present &&
		    rf_required_msg[i] != NULL)
			f->err[i] = rf_required_msg[i];
		else if (f->err[i] != NULL && fv[i].present &&
		    rf_choice_msg[i] != NULL)
			f->err[i] = rf_choice_msg[i];
	}
	/* The one-time key is the handler's to judge (once_key_kind()). */
	f->err[RF_ONCE] = NULL;
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
	if ((e = rf_read_rules(r, f, fv, L)) != APP_OK ||
	    (e = rf_read_corem(r, f, fv, L)) != APP_OK ||
	    (e = rf_consent_check(r, f)) != APP_OK)
		return e;

	*nerr = f->form_error != NULL;
	for (size_t i = 0; i < RF__MAX; i++)
		*nerr += f->err[i] != NULL;
	return APP_OK;
}

enum app_err
rf_input(struct req *r, const struct ref_form *f, const struct ref_lists *L,
    struct referral_input *in)
{
	struct contact_record *c = &in->person;
	struct str *codes;

	memset(in, 0, sizeof(*in));
	in->insats_id = str_to_ll(f->v[RF_INSATS]);
	in->insats_name = rf_insats_find(L, f->v[RF_INSATS]);
	in->visa_date = f->v[RF_VISA];
	in->sick_leave = f->v[RF_SICK];
	in->employed = f->v[RF_EMPLOYED].len > 0;
	in->employer = f->v[RF_EMPLOYER];
	in->employer_rehab = f->v[RF_REHAB].len > 0;
	in->support_time_code = f->v[RF_SUPPORT];
	in->education_code = f->v[RF_EDU];
	in->background = f->v[RF_BACKGROUND];
	in->own_goals = f->v[RF_GOALS];
	in->needs = f->v[RF_NEEDS];
	in->tried_before = f->v[RF_TRIED];
	in->consent_at_visa = f->v[RF_CONSENT_VISA].len > 0;
	c->first_name = f->v[RF_FIRST];
	c->last_name = f->v[RF_LAST];
	c->gender = f->v[RF_GENDER];
	c->address = f->v[RF_ADDRESS];
	c->postal_code = f->v[RF_POSTAL];
	c->city = f->v[RF_CITY];
	c->phone = f->v[RF_PHONE];
	c->municipality = f->v[RF_MUNICIPALITY];
	c->interpreter_needed = f->v[RF_INTERPRETER].len > 0;
	c->interpreter_language = f->v[RF_LANGUAGE];
	c->protected_identity = f->v[RF_PROTECTED].len > 0;
	/* The ticked codes in code-list order. */
	if ((codes = arena_calloc(r->a, L->income.n + 1, sizeof(*codes))) ==
	    NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < L->income.n; i++)
		if (rf_in(L->income.rows[i].code, f->income, f->nincome))
			codes[in->nincome++] = L->income.rows[i].code;
	in->income = codes;
	for (int k = 0; k < REFERRAL_COREM_MAX; k++) {
		struct referral_corem_in *m = &in->corem[in->ncorem];
		if (f->v[RF_M(k, 0)].len == 0)
			continue;
		m->organisation_id = str_to_ll(f->v[RF_M(k, 0)]);
		m->staff_id = f->corem_staff[k];
		m->name = f->v[RF_M(k, 1)];
		m->contact = f->v[RF_M(k, 2)];
		m->username = f->v[RF_M(k, 3)];
		m->org_label = rf_org_find(L, f->v[RF_M(k, 0)]);
		in->ncorem++;
	}
	return APP_OK;
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
