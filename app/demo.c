/* demo.c: generated demo participants; see include/demo.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <mysql.h>

#include "date.h"
#include "demo.h"
#include "demo_report_flow.h"
#include "demo_report_people.h"
#include "demo_followup.h"
#include "demo_summary.h"
#include "demo_midterm.h"
#include "demo_structural.h"
#include "demo_report_document.h"
#include "pnr.h"
#include "progress.h"

/* xorshift32: small, fast, and the same sequence on every machine. */
static unsigned demo_state;

static unsigned
demo_rand(void)
{
	demo_state ^= demo_state << 13;
	demo_state ^= demo_state >> 17;
	demo_state ^= demo_state << 5;
	return demo_state;
}

/* 0 <= n < bound */
static int
demo_below(int bound)
{
	return (int)(demo_rand() % (unsigned)bound);
}

/* The consents draw from a generator of their own, so that adding them
 * did not change who the demo participants are. */
static unsigned demo_cstate;

static int
demo_cbelow(int bound)
{
	demo_cstate ^= demo_cstate << 13;
	demo_cstate ^= demo_cstate >> 17;
	demo_cstate ^= demo_cstate << 5;
	return (int)(demo_cstate % (unsigned)bound);
}

/* The current Swedish consent texts (sql/0008_consent.sql), 0 if none. */
static long long demo_text_sekretess, demo_text_sus;

/* Index into weights[] chosen in proportion to the weights. */
static int
demo_pick(const int *weights, int n)
{
	int total = 0, x;

	for (int i = 0; i < n; i++)
		total += weights[i];
	x = demo_below(total);
	for (int i = 0; i < n; i++) {
		if (x < weights[i])
			return i;
		x -= weights[i];
	}
	return n - 1;
}

static const char *const women[] = { "Anna", "Maria", "Fatima", "Sara", "Emma",
	"Leila", "Karin", "Amina", "Elin", "Hanna", "Ayan", "Zahra", "Lina",
	"Marie", "Sofia", "Nasra", "Eva", "Ida", "Malin", "Helena" };
static const char *const men[] = { "Erik", "Mohammed", "Johan", "Ali", "Anders",
	"Ahmed", "Lars", "Omar", "Peter", "Daniel", "Hassan", "Mikael", "Yonas",
	"Karl", "Abdi", "Jonas", "Per", "Reza", "Filip", "Mats" };
static const char *const surnames[] = { "Andersson", "Johansson", "Karlsson",
	"Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
	"Gustafsson", "Ahmed", "Mohamed", "Hassan", "Ali", "Lindberg", "Berg",
	"Holm", "Sandberg", "Lund", "Haile", "Hosseini", "Yusuf" };
static const char *const towns[] = { "Trollhättan", "Lilla Edet", "Grästorp",
	"Vänersborg" };
static const int town_w[] = { 70, 15, 10, 5 };
static const char *const languages[] = { "arabiska", "somaliska", "dari",
	"tigrinja", "persiska" };

static const char *const edu[] = { "ej_grundskola", "grundskola", "gymnasium",
	"eftergymn_kort", "eftergymn_lang", "okand" };
static const int edu_w[] = { 10, 25, 40, 12, 8, 5 };
static const char *const support[] = { "ingen", "under_1", "1_4", "5_9",
	"over_9" };
static const int support_w[] = { 5, 25, 40, 18, 12 };
static const char *const income[] = { "forsorjningsstod", "sjukpenning",
	"aktivitetsstod", "a_kassa", "aktivitetsersattning", "sjukersattning",
	"ingen", "lon" };
static const int income_w[] = { 30, 25, 15, 10, 8, 5, 5, 2 };
static const char *const ends[] = { "arbete", "studier", "arbetssokande",
	"annan_insats", "sjukdom", "flyttat", "avbrott", "annat",
	"felregistrering" };
static const int ends_w[] = { 22, 10, 18, 25, 12, 3, 7, 2, 1 };
static const char *const ends_occ[] = { "arbete", "studier", "arbetssokande",
	"annan", "annan", "annan", "annan", "annan", "annan" };
static const char *const advise[] = { "annan_insats", "halsa", "malgrupp",
	"vill_inte" };

#define NELEM(a)          (sizeof(a) / sizeof((a)[0]))
#define DEMO_MAX_INSATSER 64
#define DEMO_MAX_STAFF    64
#define DEMO_MAX_FORBUND  16
#define DEMO_DATE_LEN     64 /* "YYYY-MM-DD", with room for any long */

struct demo_insats {
	long long id;
	long start, end; /* date_days(); end: the period's end or today */
	long period_end; /* date_days(), 0: open-ended */
	int places, due_days, wmin, wmax;
	long long contact; /* a staff member of the insats, 0 if none */
	int ongoing;       /* its period reaches today */
};

struct demo_param {
	int is_str;
	long long i;
	const char *s;
};

#define P_INT(v) ((struct demo_param){ 0, (v), NULL })
#define P_STR(v) ((struct demo_param){ 1, 0, (v) })

/* Run a prepared statement with params; returns 1 on success. */
static int
demo_exec(MYSQL_STMT *st, const struct demo_param *p, int n)
{
	MYSQL_BIND b[24];
	my_bool isnull[24];

	memset(b, 0, sizeof(b));
	for (int i = 0; i < n && i < 24; i++) {
		if (p[i].is_str) {
			isnull[i] = p[i].s == NULL;
			b[i].buffer_type = MYSQL_TYPE_STRING;
			b[i].buffer = (void *)(p[i].s ? p[i].s : "");
			b[i].buffer_length = p[i].s ? strlen(p[i].s) : 0;
			b[i].is_null = &isnull[i];
		} else {
			b[i].buffer_type = MYSQL_TYPE_LONGLONG;
			b[i].buffer = (void *)&p[i].i;
		}
	}
	if (mysql_stmt_bind_param(st, b) != 0 || mysql_stmt_execute(st) != 0) {
		fprintf(stderr, "stegvis: demo: %s\n", mysql_stmt_error(st));
		return 0;
	}
	return 1;
}

static MYSQL_STMT *
demo_prepare(MYSQL *my, const char *sql)
{
	MYSQL_STMT *st = mysql_stmt_init(my);

	if (st != NULL && mysql_stmt_prepare(st, sql, strlen(sql)) == 0)
		return st;
	fprintf(stderr, "stegvis: demo: %s\n", st ? mysql_stmt_error(st) : "");
	if (st != NULL)
		mysql_stmt_close(st);
	return NULL;
}

/* "YYYY-MM-DD" of a day number into buf[11]. */
static void
demo_iso(long days, char *buf)
{
	/* civil_from_days (Howard Hinnant), the inverse of date_days(). */
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);

	snprintf(buf, DEMO_DATE_LEN, "%04ld-%02ld-%02ld", y + (m <= 2), m, d);
}

/* A fictitious, valid personnummer for someone born on day number born. */
static void
demo_pnr(long born, int woman, char out[13])
{
	char iso[DEMO_DATE_LEN], ten[10];
	int serial;

	demo_iso(born, iso);
	/* 9th digit even for women, odd for men (a default, not a rule). */
	serial = 1 + demo_below(98);
	serial = serial * 10 + (demo_below(5) * 2 + (woman ? 0 : 1));
	if (serial < 2)
		serial = woman ? 2 : 3;
	{
		char tmp[DEMO_DATE_LEN];
		/* serial is 10..989: three digits; tmp keeps gcc's range
		 * analysis quiet at every optimisation level. */
		snprintf(tmp, sizeof(tmp), "%.4s%.2s%.2s%03d", iso, iso + 5,
		    iso + 8, serial % 1000);
		memcpy(out, tmp, 11);
	}
	memcpy(ten, out + 2, 9);
	for (int c = 0; c <= 9; c++) {
		ten[9] = (char)('0' + c);
		if (pnr_luhn_ok(ten)) {
			out[11] = ten[9];
			out[12] = '\0';
			return;
		}
	}
}

/* The rows of the query fmt with its arguments formatted in (integers of
 * ours, never input: safe), or NULL after saying why on stderr. */
static MYSQL_RES *demo_rows_of(MYSQL *my, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static MYSQL_RES *
demo_rows_of(MYSQL *my, const char *fmt, ...)
{
	char q[1024];
	MYSQL_RES *res;
	va_list ap;
	int len;

	va_start(ap, fmt);
	len = vsnprintf(q, sizeof(q), fmt, ap);
	va_end(ap);

	if (len < 0 || (size_t)len >= sizeof(q) ||
	    mysql_real_query(my, q, (unsigned long)len) != 0 ||
	    (res = mysql_store_result(my)) == NULL) {
		fprintf(stderr, "stegvis: demo: %s\n", mysql_error(my));
		return NULL;
	}
	return res;
}

static int
demo_load_insatser(MYSQL *my, unsigned forbund, struct demo_insats *ins, int *n)
{
	static const char fmt[] =
	    "SELECT i.id, TO_DAYS(i.period_start) - 719528, "
	    "TO_DAYS(LEAST(COALESCE(i.period_end, CURDATE()), CURDATE())) - 719528, "
	    "i.places, COALESCE(i.summary_due_days, 21), "
	    "COALESCE(i.typical_weeks_min, 12), COALESCE(i.typical_weeks_max, 16), "
	    "COALESCE((SELECT MIN(si.staff_id) FROM staff_insats si "
	    "WHERE si.insats_id = i.id), 0), "
	    "COALESCE(i.period_end, CURDATE()) >= CURDATE(), "
	    "COALESCE(TO_DAYS(i.period_end) - 719528, 0) "
	    "FROM insats i WHERE i.active = 1 AND i.direction = 'individ' "
	    "AND i.places > 0 AND i.forbund_id = %u ORDER BY i.id";
	MYSQL_RES *res;
	MYSQL_ROW row;

	*n = 0;
	if ((res = demo_rows_of(my, fmt, forbund)) == NULL)
		return 0;
	while ((row = mysql_fetch_row(res)) != NULL && *n < DEMO_MAX_INSATSER) {
		struct demo_insats *d = &ins[(*n)++];
		d->id = atoll(row[0]);
		d->start = atol(row[1]);
		d->end = atol(row[2]);
		d->places = atoi(row[3]);
		d->due_days = atoi(row[4]);
		d->wmin = atoi(row[5]);
		d->wmax = atoi(row[6]) > d->wmin ? atoi(row[6]) : d->wmin;
		d->contact = atoll(row[7]);
		d->ongoing = atoi(row[8]);
		d->period_end = atol(row[9]);
	}
	mysql_free_result(res);
	return *n > 0;
}

/* The förbund's remittent accounts and their organisations. */
static int
demo_load_remittents(
    MYSQL *my, unsigned forbund, long long *ids, long long *orgs, int *n)
{
	static const char fmt[] =
	    "SELECT s.id, s.organisation_id FROM staff s JOIN staff_role r "
	    "ON r.staff_id = s.id AND r.role = 'remittent' WHERE s.active = 1 "
	    "AND s.forbund_id = %u ORDER BY s.id";
	MYSQL_RES *res;
	MYSQL_ROW row;

	*n = 0;
	if ((res = demo_rows_of(my, fmt, forbund)) == NULL)
		return 0;
	while ((row = mysql_fetch_row(res)) != NULL && *n < DEMO_MAX_STAFF) {
		ids[*n] = atoll(row[0]);
		orgs[(*n)++] = atoll(row[1]);
	}
	mysql_free_result(res);
	return *n > 0;
}

/* The current Swedish text of each consent kind of förbund forbund: its
 * consents pin its own wording (sql/0073). */
static int
demo_load_texts(MYSQL *my, unsigned forbund)
{
	static const char fmt[] =
	    "SELECT kind, id FROM consent_text WHERE forbund_id = %u "
	    "AND language = 'sv' AND is_current = 1";
	MYSQL_RES *res;
	MYSQL_ROW row;

	demo_text_sekretess = demo_text_sus = 0;
	if ((res = demo_rows_of(my, fmt, forbund)) == NULL)
		return 0;
	while ((row = mysql_fetch_row(res)) != NULL)
		if (strcmp(row[0], "sekretess") == 0)
			demo_text_sekretess = atoll(row[1]);
		else if (strcmp(row[0], "sus") == 0)
			demo_text_sus = atoll(row[1]);
	mysql_free_result(res);
	if (demo_text_sekretess == 0 || demo_text_sus == 0) {
		fprintf(stderr,
		    "stegvis: demo: förbund %u has no current Swedish "
		    "consent texts (sql/0073)\n",
		    forbund);
		return 0;
	}
	return 1;
}

enum {
	Q_PERSON,
	Q_REFERRAL,
	Q_REF_PERSON,
	Q_REF_INCOME,
	Q_PARTICIPATION,
	Q_PART_PERSON,
	Q_PART_INCOME,
	Q_CONSENT,
	Q_CONSENT_PARTY,
	Q_CONSENT_CATEGORY,
	Q_CONSENT_EVENT,
	Q__MAX
};

static const char *const demo_sql[Q__MAX] = {
	[Q_PERSON] = "INSERT IGNORE INTO person (personnummer, id_kind, "
	             "birth_year) VALUES (?, 'personnummer', ?)",
	[Q_REFERRAL] =
	    "INSERT INTO referral (person_id, insats_id, "
	    "remittent_id, organisation_id, status, visa_date, "
	    "sick_leave_percent, employed, support_time_code, education_code, "
	    "background, own_goals, needs, tried_before, submitted_at, "
	    "decided_at, decided_by, decision_reason, advise_against_code, "
	    "consent_at_visa) "
	    "SELECT id, ?, ?, ?, ?, ?, ?, 0, ?, ?, "
	    "'Påhittad demodeltagare.', 'Komma närmare arbete eller studier.', "
	    "'Stöd i vardagen och med hälsan.', 'Tidigare insatser via AF.', "
	    "?, ?, ?, ?, ?, ? FROM person WHERE personnummer = ?",
	/* The person as the remittent recorded them (sql/0022). */
	[Q_REF_PERSON] =
	    "INSERT INTO referral_person (referral_id, first_name, last_name, "
	    "gender, address, postal_code, city, phone, home_municipality, "
	    "interpreter_needed, interpreter_language, protected_identity) "
	    "VALUES (?, ?, ?, ?, 'Storgatan 1', '461 30', ?, '0520-00 00 00', "
	    "?, ?, ?, ?)",
	[Q_REF_INCOME] = "INSERT IGNORE INTO referral_income (referral_id, "
	                 "income_code) VALUES (?, ?)",
	[Q_PARTICIPATION] =
	    "INSERT INTO participation (referral_id, person_id, "
	    "insats_id, status, start_date, planned_end_date, contact_id, "
	    "hours_per_week, end_date, end_reason_code, "
	    "occupation_before_code, occupation_after_code, summary_due_date, "
	    "summary_sent_at) SELECT r.id, r.person_id, r.insats_id, ?, ?, ?, "
	    "NULLIF(?, 0), ?, ?, ?, 'annan', ?, ?, ? FROM referral r "
	    "WHERE r.id = ?",
	/* Admission copies the referral's record to the insats's own. */
	[Q_PART_PERSON] =
	    "INSERT INTO participation_person (participation_id, first_name, "
	    "last_name, gender, address, postal_code, city, phone, "
	    "home_municipality, interpreter_needed, interpreter_language, "
	    "protected_identity) SELECT ?, first_name, last_name, gender, "
	    "address, postal_code, city, phone, home_municipality, "
	    "interpreter_needed, interpreter_language, protected_identity "
	    "FROM referral_person WHERE referral_id = ?",
	[Q_PART_INCOME] = "INSERT IGNORE INTO participation_income_after "
	                  "(participation_id, income_code) VALUES (?, ?)",
	[Q_CONSENT] =
	    "INSERT INTO consent (referral_id, kind, state, answer, text_id, "
	    "language, direction_obtain, direction_disclose, purpose, "
	    "valid_from, valid_until, signed_how, signer_name, paper_date, "
	    "taken_by, signed_at, ended_at) VALUES (?, ?, ?, ?, ?, 'sv', ?, ?, "
	    "?, ?, ?, 'papper', ?, ?, ?, ?, ?)",
	[Q_CONSENT_PARTY] =
	    "INSERT INTO consent_party (consent_id, organisation_id, "
	    "insats_id, state, revoked_at) VALUES (?, NULLIF(?, 0), "
	    "NULLIF(?, 0), ?, ?)",
	[Q_CONSENT_CATEGORY] = "INSERT INTO consent_consent_category "
	                       "(consent_id, category_code) VALUES (?, ?)",
	[Q_CONSENT_EVENT] =
	    "INSERT INTO consent_event (consent_id, at, event, party_id, "
	    "staff_id, how, reason) VALUES (?, ?, ?, NULLIF(?, 0), "
	    "NULLIF(?, 0), ?, ?)",
};

/* A day number as a bound string: "" (NULL) for 0. Into buf[11]. */
static const char *
demo_date(long days, char *buf)
{
	if (days == 0)
		return NULL;
	demo_iso(days, buf);
	return buf;
}

/* "YYYY-MM-DD HH:MM:SS" of day number days at hhmm into buf. */
static const char *
demo_at(long days, const char *hhmmss, char *buf)
{
	demo_iso(days, buf);
	memcpy(buf + 10, " ", 2);
	strncat(buf, hhmmss, DEMO_DATE_LEN - 12);
	return buf;
}

/* What a demo referral has for consent. */
enum demo_consent {
	DC_NONE,          /* a draft, or waiting for the VISA visit */
	DC_ACTIVE,        /* a waiver naming the referring organisation */
	DC_REVOKED,       /* the waiver revoked as a whole */
	DC_PARTY_REVOKED, /* the referring organisation's party revoked */
};

static int
demo_event(MYSQL_STMT **st, long long cid, const char *at, const char *event,
    long long party, long long staff, const char *how, const char *reason)
{
	struct demo_param p[7] = { P_INT(cid), P_STR(at), P_STR(event),
		P_INT(party), P_INT(staff), P_STR(how), P_STR(reason) };
	return demo_exec(st[Q_CONSENT_EVENT], p, 7);
}

/*
 * The secrecy waiver of referral ref, signed on paper on day from: the
 * referring organisation org and the insats as parties, both directions,
 * valid to the insats's end (or a year). A revocation comes after day
 * after (the decision, if any). closed: the day its participation closed
 * (summary sent or felregistrerad), 0 if not.
 */
static int
demo_waiver(MYSQL_STMT **st, long long ref, const struct demo_insats *in,
    long long org, long long staff, enum demo_consent plan, long from,
    long after, long closed, long today, const char *signer)
{
	static const char *const cats[] = { "inkomst", "halsa", "social" };
	static const int cat_pct[] = { 60, 50, 40 };
	char bf[DEMO_DATE_LEN], bu[DEMO_DATE_LEN], bs[DEMO_DATE_LEN];
	char be[DEMO_DATE_LEN], br[DEMO_DATE_LEN];
	long until = in->period_end >= from + 30 ? in->period_end : from + 365;
	long ended = 0, party_end = 0;
	const char *state = "aktiv";
	long long cid, org_party;

	if (plan == DC_REVOKED) {
		ended = (after > from ? after : from) + 1 + demo_cbelow(60);
		state = "aterkallad";
	} else if (closed > 0)
		ended = closed, state = "utgangen";
	else if (until < today)
		ended = until + 1, state = "utgangen";
	if (ended > today)
		ended = today;
	if (plan == DC_PARTY_REVOKED) {
		party_end = (after > from ? after : from) + 1 + demo_cbelow(60);
		if (party_end > today)
			party_end = today;
		if (ended && party_end > ended)
			party_end = ended;
	}
	{
		struct demo_param p[15] = {
			P_INT(ref),
			P_STR("sekretess"),
			P_STR(state),
			P_STR("ja"),
			P_INT(demo_text_sekretess),
			P_INT(1),
			P_INT(1),
			P_STR("Planera och genomföra insatsen och "
			      "rehabiliteringen mot arbete eller studier."),
			P_STR(demo_date(from, bf)),
			P_STR(demo_date(until, bu)),
			P_STR(signer),
			P_STR(bf),
			P_INT(staff),
			P_STR(demo_at(from, "09:00:00", bs)),
			P_STR(ended ? demo_at(ended, "14:00:00", be) : NULL),
		};
		if (!demo_exec(st[Q_CONSENT], p, 15))
			return 0;
	}
	cid = (long long)mysql_stmt_insert_id(st[Q_CONSENT]);
	{
		struct demo_param p[5] = { P_INT(cid), P_INT(org), P_INT(0),
			P_STR(plan == DC_REVOKED || party_end ? "aterkallad"
			                                      : "aktiv"),
			P_STR(plan == DC_REVOKED ? be
			        : party_end ? demo_at(party_end, "11:00:00", br)
			                    : NULL) };
		if (!demo_exec(st[Q_CONSENT_PARTY], p, 5))
			return 0;
		org_party =
		    (long long)mysql_stmt_insert_id(st[Q_CONSENT_PARTY]);
		p[1] = P_INT(0);
		p[2] = P_INT(in->id);
		p[3] = P_STR(plan == DC_REVOKED ? "aterkallad" : "aktiv");
		p[4] = P_STR(plan == DC_REVOKED ? be : NULL);
		if (!demo_exec(st[Q_CONSENT_PARTY], p, 5))
			return 0;
	}
	{
		struct demo_param p[2] = { P_INT(cid), P_STR("arbete") };
		if (!demo_exec(st[Q_CONSENT_CATEGORY], p, 2))
			return 0;
		p[1] = P_STR("planering");
		if (!demo_exec(st[Q_CONSENT_CATEGORY], p, 2))
			return 0;
		for (size_t i = 0; i < NELEM(cats); i++) {
			if (demo_cbelow(100) >= cat_pct[i])
				continue;
			p[1] = P_STR(cats[i]);
			if (!demo_exec(st[Q_CONSENT_CATEGORY], p, 2))
				return 0;
		}
	}
	if (!demo_event(st, cid, bs, "givet", 0, staff, "papper", ""))
		return 0;
	if (party_end &&
	    !demo_event(st, cid, br, "andrat", org_party, staff, "skriftligt",
	        "Deltagaren återkallade samtycket för remittentens "
	        "organisation."))
		return 0;
	if (plan == DC_REVOKED)
		return demo_event(st, cid, be, "aterkallat", 0, staff,
		    "muntligt",
		    "Deltagaren återkallade samtycket vid ett samtal.");
	if (ended)
		return demo_event(st, cid, be, "utganget", 0, 0, "system",
		    "Giltighetstiden har gått ut eller deltagandet är avslutat.");
	return 1;
}

/* The SUS consent of referral ref, given at the start of its
 * participation: mostly yes, some no, a few revoked later. */
static int
demo_sus(MYSQL_STMT **st, long long ref, long long staff, long start,
    long today, const char *signer)
{
	char bf[DEMO_DATE_LEN], bs[DEMO_DATE_LEN], be[DEMO_DATE_LEN];
	int yes = demo_cbelow(100) < 85;
	long ended =
	    yes && demo_cbelow(100) < 5 ? start + 7 + demo_cbelow(60) : 0;
	long long cid;

	if (ended > today)
		ended = today;
	{
		struct demo_param p[15] = {
			P_INT(ref),
			P_STR("sus"),
			P_STR(ended ? "aterkallad" : "aktiv"),
			P_STR(yes ? "ja" : "nej"),
			P_INT(demo_text_sus),
			P_INT(0),
			P_INT(0),
			P_STR(""),
			P_STR(demo_date(start, bf)),
			P_STR(NULL),
			P_STR(signer),
			P_STR(bf),
			P_INT(staff),
			P_STR(demo_at(start, "09:30:00", bs)),
			P_STR(ended ? demo_at(ended, "14:00:00", be) : NULL),
		};
		if (!demo_exec(st[Q_CONSENT], p, 15))
			return 0;
	}
	cid = (long long)mysql_stmt_insert_id(st[Q_CONSENT]);
	if (!demo_event(st, cid, bs, "givet", 0, staff, "papper", ""))
		return 0;
	if (ended)
		return demo_event(st, cid, be, "aterkallat", 0, staff,
		    "skriftligt", "Deltagaren vill rapporteras anonymt.");
	return 1;
}

/* One participant with one referral and, when admitted, a participation. */
static int
demo_one(MYSQL *my, MYSQL_STMT **st, const struct demo_insats *ins, int nins,
    const long long *rems, const long long *orgs, int nrem, long today,
    const struct demo_insats *recent)
{
	int w[DEMO_MAX_INSATSER], woman = demo_below(100) < 52, r, rem, e;
	int interp = demo_below(100) < 15, sick;
	const struct demo_insats *in;
	long submitted, born, start = 0, planned = 0, end = 0, due = 0;
	long decided = 0, sent = 0, listed;
	char pnr[13], b1[DEMO_DATE_LEN], b2[DEMO_DATE_LEN], b3[DEMO_DATE_LEN];
	char b4[DEMO_DATE_LEN], b5[DEMO_DATE_LEN];
	char b7[DEMO_DATE_LEN];
	char b8[DEMO_DATE_LEN], year[5];
	const char *status, *end_code = NULL, *occ_after = NULL;
	const char *pstatus = "inskriven";
	const char *town, *given, *family, *language;
	int protected_id;
	long long ref_id, part_id, staff;
	char signer[128];
	enum demo_consent plan = DC_NONE;
	int marker = 0;

	for (int k = 0; k < nins; k++)
		w[k] = ins[k].places;
	in = recent ? recent : &ins[demo_pick(w, nins)];
	if (in->end <= in->start + 30)
		return 1;
	/* recent: a new application, waiting in the staff's inbox. */
	submitted = recent ? today - demo_below(20)
	                   : in->start + demo_below((int)(in->end - in->start));
	born = submitted - 365L * (20 + demo_below(45)) - demo_below(365);
	demo_pnr(born, woman, pnr);
	memcpy(year, pnr, 4);
	year[4] = '\0';
	/* The draws keep their order, so the demo data stays the same. */
	town = towns[demo_pick(town_w, NELEM(towns))];
	given = woman ? women[demo_below(NELEM(women))]
	              : men[demo_below(NELEM(men))];
	family = surnames[demo_below(NELEM(surnames))];
	language = interp ? languages[demo_below(NELEM(languages))] : "";
	protected_id = demo_below(100) < 1;
	{
		struct demo_param p[2] = { P_STR(pnr), P_INT(atoi(year)) };
		if (!demo_exec(st[Q_PERSON], p, 2))
			return 0;
		snprintf(signer, sizeof(signer), "%s %s", given, family);
	}
	r = demo_below(100);
	if (recent)
		status = r < 25 ? "vantelista" : "inskickad";
	else if (submitted > today - 21)
		status = r < 20 ? "vantelista" : "inskickad";
	else if (r < 3)
		status = "utkast";
	else if (r < 9)
		status = "avradd";
	else if (r < 13)
		status = "aterford";
	else
		status = "antagen";
	if (strcmp(status, "antagen") == 0 || strcmp(status, "avradd") == 0 ||
	    strcmp(status, "aterford") == 0)
		decided = submitted + 3 + demo_below(10);
	rem = demo_below(nrem);
	sick = demo_below(100) < 40 ? 25 * (1 + demo_below(4)) : -1;
	staff = in->contact ? in->contact : rems[rem];
	/* Consent: every submitted or decided referral has a waiver, except
	 * some new ones whose consent is to be taken at the VISA visit (they
	 * wait for it in the inbox); a few waivers are revoked, as a whole or
	 * for the referring organisation. */
	if (strcmp(status, "utkast") != 0) {
		int c = demo_cbelow(100);
		if (recent) {
			plan = c < 30 ? DC_NONE : DC_ACTIVE;
			marker = c < 45;
		} else {
			plan = c < 5 ? DC_REVOKED
			    : c < 9  ? DC_PARTY_REVOKED
			             : DC_ACTIVE;
			marker = demo_cbelow(100) < 15;
		}
	}
	/* A waiting-list decision has its date and decider too; no draw, so
	 * the rest of the demo data stays the same. */
	listed = decided;
	if (strcmp(status, "vantelista") == 0)
		listed = submitted + 2 > today ? today : submitted + 2;
	{
		struct demo_param p[15] = {
			P_INT(in->id),
			P_INT(rems[rem]),
			P_INT(orgs[rem]),
			P_STR(status),
			P_STR(demo_date(submitted - 3 - demo_below(20), b1)),
			sick < 0 ? P_STR(NULL) : P_INT(sick),
			P_STR(support[demo_pick(support_w, NELEM(support))]),
			P_STR(edu[demo_pick(edu_w, NELEM(edu))]),
			P_STR(strcmp(status, "utkast")
			        ? demo_date(submitted, b2)
			        : NULL),
			P_STR(demo_date(listed, b3)),
			listed ? P_INT(in->contact ? in->contact : rems[rem])
			       : P_STR(NULL),
			P_STR(strcmp(status, "aterford") == 0
			        ? "Behöver först utredas hos hemorganisationen."
			        : ""),
			P_STR(strcmp(status, "avradd") == 0
			        ? advise[demo_below(NELEM(advise))]
			        : NULL),
			P_INT(marker),
			P_STR(pnr),
		};
		if (!demo_exec(st[Q_REFERRAL], p, 15))
			return 0;
	}
	ref_id = (long long)mysql_stmt_insert_id(st[Q_REFERRAL]);
	{
		struct demo_param p[9] = {
			P_INT(ref_id),
			P_STR(given),
			P_STR(family),
			P_STR(woman ? "kvinna" : "man"),
			P_STR(town),
			P_STR(town),
			P_INT(interp),
			P_STR(language),
			P_INT(protected_id),
		};
		if (!demo_exec(st[Q_REF_PERSON], p, 9))
			return 0;
	}
	for (int i = 0, n = 1 + (demo_below(100) < 30); i < n; i++) {
		struct demo_param p[2] = { P_INT(ref_id),
			P_STR(income[demo_pick(income_w, NELEM(income))]) };
		if (!demo_exec(st[Q_REF_INCOME], p, 2))
			return 0;
	}
	if (strcmp(status, "antagen") != 0)
		return plan == DC_NONE ||
		    demo_waiver(st, ref_id, in, orgs[rem], staff, plan,
		        submitted, decided, 0, today, signer);

	start = decided + 5 + demo_below(20);
	if (start > today)
		start = today;
	planned = start + 7L * (in->wmin + demo_below(in->wmax - in->wmin + 1));
	end = start + (planned - start) + 7L * (demo_below(9) - 3);
	if (end < start + 14)
		end = start + 14;
	if (end <= in->end && end < today) {
		e = demo_pick(ends_w, NELEM(ends));
		end_code = ends[e];
		occ_after = ends_occ[e];
		pstatus = strcmp(end_code, "felregistrering") == 0
		    ? "felregistrerad"
		    : "avslutad";
		due = end + in->due_days;
		/* Most summaries go out in time; some are late, some overdue. */
		if (demo_below(100) < 88)
			sent = end + demo_below(in->due_days + 10);
		if (sent > today)
			sent = 0;
	} else
		end = 0;
	{
		struct demo_param p[11] = {
			P_STR(pstatus),
			P_STR(demo_date(start, b4)),
			P_STR(demo_date(planned, b5)),
			P_INT(in->contact),
			P_INT(4 + demo_below(7)),
			P_STR(demo_date(end, b7)),
			P_STR(end_code),
			P_STR(occ_after),
			P_STR(demo_date(due, b8)),
			P_STR(sent ? demo_date(sent, b1) : NULL),
			P_INT(ref_id),
		};
		if (!demo_exec(st[Q_PARTICIPATION], p, 11))
			return 0;
	}
	part_id = (long long)mysql_stmt_insert_id(st[Q_PARTICIPATION]);
	{
		struct demo_param p[2] = { P_INT(part_id), P_INT(ref_id) };
		if (!demo_exec(st[Q_PART_PERSON], p, 2))
			return 0;
	}
	if (!demo_waiver(st, ref_id, in, orgs[rem], staff, plan, submitted,
	        decided, strcmp(pstatus, "felregistrerad") == 0 ? end : sent,
	        today, signer) ||
	    !demo_sus(st, ref_id, staff, start, today, signer))
		return 0;
	if (end_code != NULL) {
		const char *after = strcmp(end_code, "arbete") == 0 ? "lon"
		    : strcmp(end_code, "studier") == 0
		    ? "studiemedel"
		    : income[demo_pick(income_w, NELEM(income))];
		struct demo_param p[2] = { P_INT(part_id), P_STR(after) };
		if (!demo_exec(st[Q_PART_INCOME], p, 2))
			return 0;
	}
	(void)my;
	return 1;
}

/* Participants of each förbund but the first: a few. */
#define DEMO_OTHER_COUNT 60

/* The active förbund, by id: the first gets the participants asked for,
 * each other one DEMO_OTHER_COUNT. */
static int
demo_load_forbund(MYSQL *my, unsigned *ids, int *n)
{
	static const char q[] =
	    "SELECT id FROM forbund WHERE active = 1 ORDER BY id";
	MYSQL_RES *res;
	MYSQL_ROW row;

	*n = 0;
	if (mysql_real_query(my, q, sizeof(q) - 1) != 0 ||
	    (res = mysql_store_result(my)) == NULL) {
		fprintf(stderr, "stegvis: demo: %s\n", mysql_error(my));
		return 0;
	}
	while ((row = mysql_fetch_row(res)) != NULL && *n < DEMO_MAX_FORBUND)
		ids[(*n)++] = (unsigned)atol(row[0]);
	mysql_free_result(res);
	return *n > 0;
}

/* Another förbund's participants, drawn after all of the first förbund's
 * from generators seeded by the förbund: the first förbund's demo data
 * stays the same with or without them. Its own insatser and remittents
 * only, so no referral crosses between förbund. A förbund with neither
 * gets none. */
static int
demo_other_forbund(MYSQL *my, MYSQL_STMT **st, unsigned forbund, unsigned seed,
    long count, long today, long *made)
{
	struct demo_insats ins[DEMO_MAX_INSATSER];
	long long rems[DEMO_MAX_STAFF], orgs[DEMO_MAX_STAFF];
	int nins = 0, nrem = 0;

	if (!demo_load_insatser(my, forbund, ins, &nins) ||
	    !demo_load_remittents(my, forbund, rems, orgs, &nrem))
		return 1;
	if (!demo_load_texts(my, forbund))
		return 0;
	demo_state = (seed ^ (forbund * 0x9e3779b9u)) | 1u;
	demo_cstate = (demo_state ^ 0x85ebca6bu) | 1u;
	for (long i = 0; i < count; i++, (*made)++)
		if (!demo_one(my, st, ins, nins, rems, orgs, nrem, today, NULL))
			return 0;
	for (int k = 0; k < nins; k++)
		for (int i = 0; ins[k].ongoing && i < 4; i++, (*made)++)
			if (!demo_one(my, st, ins, nins, rems, orgs, nrem,
			        today, &ins[k]))
				return 0;
	return 1;
}

/* Fresh key statistics for the tables the bulk just filled, before the
 * set-based statements below. The optimizer keeps a table's statistics
 * from when it was opened: from a demo of a few hundred rows, it took
 * ~300 parties per organisation and ~500 consents per referral, and the
 * summaries' waiver check scanned every active party of the referrer's
 * organisation (30 000 at 100 000 participations) per candidate row:
 * hours instead of a second. ANALYZE recounts them and hands the new
 * figures to the optimizer. An implicit commit: the batches above are
 * committed. */
static int
demo_analyze(MYSQL *my)
{
	static const char q[] =
	    "ANALYZE TABLE person, referral, referral_person, "
	    "referral_income, participation, participation_person, "
	    "participation_income_after, consent, consent_party, "
	    "consent_consent_category, consent_event";
	MYSQL_RES *res;

	if (mysql_real_query(my, q, sizeof(q) - 1) != 0) {
		fprintf(stderr, "stegvis: demo: %s\n", mysql_error(my));
		return 0;
	}
	if ((res = mysql_store_result(my)) != NULL)
		mysql_free_result(res);
	return 1;
}

int
demo_participants(const struct demo_opts *o)
{
	struct demo_insats ins[DEMO_MAX_INSATSER];
	long long rems[DEMO_MAX_STAFF], orgs[DEMO_MAX_STAFF];
	unsigned forbund[DEMO_MAX_FORBUND];
	MYSQL_STMT *st[Q__MAX] = { NULL };
	int nins = 0, nrem = 0, nforbund = 0, rc = 1, y, m, d;
	unsigned int timeout = 10;
	MYSQL_RES *res;
	MYSQL_ROW row;
	MYSQL *my;
	long today, made = 0;
	struct progress prog; /* on a terminal only */

	progress_start(&prog, "demo-participants", o->count);
	date_today(&y, &m, &d);
	today = o->as_of > 0 ? o->as_of : date_days(y, m, d);
	demo_state = o->seed ? o->seed : 2463534242u;
	demo_cstate = demo_state ^ 0x9e3779b9u;
	if (demo_cstate == 0)
		demo_cstate = 88675123u;
	if ((my = mysql_init(NULL)) == NULL)
		return 1;
	mysql_options(my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (mysql_real_connect(my, NULL, o->admin_user, NULL, o->db_name, 0,
	        o->socket, 0) == NULL) {
		fprintf(stderr, "stegvis: demo: %s\n", mysql_error(my));
		goto out;
	}
	/* The statements' own dates (CURDATE() in the insatser's reach and the
	 * follow-ups, UTC_TIMESTAMP() in the texts) stand on the same day:
	 * noon of it, the session's clock. */
	if (o->as_of > 0) {
		char q[64];
		int len = snprintf(q, sizeof(q), "SET timestamp = %ld",
		    o->as_of * 86400L + 43200L);
		if (mysql_real_query(my, q, (unsigned long)len) != 0) {
			fprintf(stderr, "stegvis: demo: %s\n", mysql_error(my));
			goto out;
		}
	}
	if (!o->force) {
		static const char q[] = "SELECT COUNT(*) FROM person";
		long existing = 0;

		if (mysql_real_query(my, q, sizeof(q) - 1) == 0 &&
		    (res = mysql_store_result(my)) != NULL) {
			if ((row = mysql_fetch_row(res)) != NULL)
				existing = atol(row[0]);
			mysql_free_result(res);
		}
		if (existing > 0) {
			printf(
			    "stegvis: demo participants already there (%ld)\n",
			    existing);
			rc = 0;
			goto out;
		}
	}
	if (!demo_load_forbund(my, forbund, &nforbund) ||
	    !demo_load_insatser(my, forbund[0], ins, &nins) ||
	    !demo_load_remittents(my, forbund[0], rems, orgs, &nrem)) {
		fprintf(stderr,
		    "stegvis: demo: no insatser or remittents "
		    "(load the demo data first)\n");
		goto out;
	}
	if (!demo_load_texts(my, forbund[0]))
		goto out;
	for (int i = 0; i < Q__MAX; i++)
		if ((st[i] = demo_prepare(my, demo_sql[i])) == NULL)
			goto out;
	/* Batches of 1000 in a transaction: fast, and never half a person. */
	while (made < o->count) {
		if (mysql_autocommit(my, 0) != 0)
			goto out;
		for (int b = 0; b < 1000 && made < o->count; b++, made++) {
			if (!demo_one(my, st, ins, nins, rems, orgs, nrem,
			        today, NULL)) {
				mysql_rollback(my);
				goto out;
			}
			progress_set(&prog, made + 1);
		}
		if (mysql_commit(my) != 0)
			goto out;
	}
	progress_end(&prog);
	if (!demo_analyze(my))
		goto out;
	/* Applications waiting for a decision, for the insatser still
	 * running: the demo inbox is not empty. */
	for (int k = 0; k < nins; k++)
		for (int i = 0; ins[k].ongoing && i < 8; i++, made++)
			if (!demo_one(my, st, ins, nins, rems, orgs, nrem,
			        today, &ins[k])) {
				mysql_rollback(my);
				goto out;
			}
	if (!demo_report_flow(my)) {
		mysql_rollback(my);
		goto out;
	}
	if (!demo_report_people(my)) {
		mysql_rollback(my);
		goto out;
	}
	if (!demo_followups(my) || !demo_midterms(my)) /* uncommitted */
		goto out;
	if (!demo_summaries(my)) /* uncommitted: closing rolls back */
		goto out;
	if (!demo_structural(my) || !demo_report_document(my)) {
		mysql_rollback(my);
		goto out;
	}
	for (int f = 1; f < nforbund; f++)
		if (!demo_other_forbund(my, st, forbund[f],
		        o->seed ? o->seed : 2463534242u,
		        o->count < DEMO_OTHER_COUNT ? o->count
		                                    : DEMO_OTHER_COUNT,
		        today, &made)) {
			mysql_rollback(my);
			goto out;
		}
	/* A text that a consent pins is frozen from then on (every
	 * förbund's: after the other förbund's consents too). */
	{
		static const char q[] =
		    "UPDATE consent_text SET used = 1 WHERE used = 0 AND id IN "
		    "(SELECT text_id FROM consent)";
		if (mysql_real_query(my, q, sizeof(q) - 1) != 0) {
			fprintf(stderr, "stegvis: demo: %s\n", mysql_error(my));
			mysql_rollback(my);
			goto out;
		}
	}
	if (mysql_commit(my) != 0)
		goto out;
	printf("stegvis: %ld demo participants generated\n", made);
	rc = 0;
out:
	progress_end(&prog);
	for (int i = 0; i < Q__MAX; i++)
		if (st[i] != NULL)
			mysql_stmt_close(st[i]);
	mysql_close(my);
	return rc;
}
