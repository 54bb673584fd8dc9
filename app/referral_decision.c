/* referral_decision.c: the insats staff's decision on a referral; see
 * include/referral_decision.h. */
#include <string.h>

#include "gallring.h"
#include "arena.h"
#include "audit.h"
#include "consent.h"
#include "db.h"
#include "edit.h"
#include "history.h"
#include "once.h"
#include "overdue.h"
#include "participation.h"
#include "referral_decision.h"
#include "req.h"
#include "session.h"
#include "sql_participation.h"

/* ---- decisions ---- */

const char *const referral_decision_names[DECISION__MAX + 1] = {
	[DECISION_ANTA] = "anta",
	[DECISION_AVRADA] = "avrada",
	[DECISION_ATERFOR] = "aterfor",
	[DECISION_VANTELISTA] = "vantelista",
	[DECISION__MAX] = NULL,
};

static const enum referral_status decision_status[DECISION__MAX] = {
	[DECISION_ANTA] = REFERRAL_ANTAGEN,
	[DECISION_AVRADA] = REFERRAL_AVRADD,
	[DECISION_ATERFOR] = REFERRAL_ATERFORD,
	[DECISION_VANTELISTA] = REFERRAL_VANTELISTA,
};
_Static_assert(
    sizeof(decision_status) / sizeof(decision_status[0]) == DECISION__MAX,
    "decision_status[] out of sync with enum referral_decision");

enum referral_status
referral_decision_status(enum referral_decision d)
{
	return (unsigned)d < DECISION__MAX ? decision_status[d]
	                                   : REFERRAL_STATUS__MAX;
}

int
referral_open(enum referral_status s)
{
	return s == REFERRAL_INSKICKAD || s == REFERRAL_VANTELISTA;
}

const char *
referral_decide_refusal(enum referral_status s, enum referral_decision d)
{
	if (!referral_open(s) || (unsigned)d >= DECISION__MAX)
		return REFERRAL_MSG_DECIDED;
	if (d == DECISION_VANTELISTA && s == REFERRAL_VANTELISTA)
		return REFERRAL_MSG_ALREADY_WAITING;
	return NULL;
}

const char *
referral_check_start(long long start, struct str submitted)
{
	/* The submission's day: the first ten characters of its time. */
	long long day = submitted.len >= 10
	    ? participation_date_ymd((struct str){ submitted.p, 10 })
	    : 0;

	if (day && start < day)
		return "Startdatumet kan inte vara före dagen då ansökan kom "
		       "in.";
	return NULL;
}

const char *
referral_check_planned_end(long long start, long long end)
{
	return end <= start ? "Planerat slut måste vara efter startdatumet."
	                    : NULL;
}

const char *
referral_full_refusal(struct arena *a, struct str places, long long inskrivna)
{
	struct buf msg;

	if (!participation_insats_full(places, inskrivna))
		return NULL;
	buf_init(&msg, a);
	return buf_printf(&msg,
	           "Insatsen är full (%lld av %lld platser). Sätt ansökan på "
	           "väntelista.",
	           inskrivna, str_to_ll(places)) == APP_OK
	    ? msg.p
	    : "Insatsen är full. Sätt ansökan på väntelista.";
}

/* ---- records ---- */

static const struct db_field inbox_fields[] = {
	DB_FIELD(inbox_row, id, "id", DB_F_INT),
	DB_FIELD(inbox_row, status, "status", DB_F_STR),
	DB_FIELD(inbox_row, submitted, "submitted", DB_F_UTC_DAY),
	DB_FIELD(inbox_row, first_name, "first_name", DB_F_STR),
	DB_FIELD(inbox_row, last_name, "last_name", DB_F_STR),
	DB_FIELD(inbox_row, gender, "gender", DB_F_STR),
	DB_FIELD(inbox_row, birth_year, "birth_year", DB_F_STR),
	DB_FIELD(inbox_row, insats, "insats", DB_F_STR),
	DB_FIELD(inbox_row, remittent, "remittent", DB_F_STR),
	DB_FIELD(inbox_row, org, "org", DB_F_STR),
	DB_FIELD(inbox_row, waiting_since, "waiting_since", DB_F_UTC_DAY),
};
const struct db_record inbox_row_record = DB_RECORD(inbox_row, inbox_fields);

static const struct db_field inbox_page_fields[] = {
	DB_FIELD(inbox_page_row, kind, "kind", DB_F_INT),
	DB_FIELD(inbox_page_row, ref.id, "id", DB_F_INT),
	DB_FIELD(inbox_page_row, ref.status, "status", DB_F_STR),
	DB_FIELD(inbox_page_row, ref.submitted, "submitted", DB_F_UTC_DAY),
	DB_FIELD(inbox_page_row, ref.first_name, "first_name", DB_F_STR),
	DB_FIELD(inbox_page_row, ref.last_name, "last_name", DB_F_STR),
	DB_FIELD(inbox_page_row, ref.gender, "gender", DB_F_STR),
	DB_FIELD(inbox_page_row, ref.birth_year, "birth_year", DB_F_STR),
	DB_FIELD(inbox_page_row, ref.insats, "insats", DB_F_STR),
	DB_FIELD(inbox_page_row, ref.remittent, "remittent", DB_F_STR),
	DB_FIELD(inbox_page_row, ref.org, "org", DB_F_STR),
	DB_FIELD(
	    inbox_page_row, ref.waiting_since, "waiting_since", DB_F_UTC_DAY),
	DB_FIELD(inbox_page_row, places, "places", DB_F_STR),
	DB_FIELD(inbox_page_row, inskrivna, "inskrivna", DB_F_INT),
	DB_FIELD(inbox_page_row, total, "total", DB_F_INT),
};
const struct db_record inbox_page_row_record =
    DB_RECORD(inbox_page_row, inbox_page_fields);

static const struct db_field referral_fields[] = {
	DB_FIELD(decision_referral, id, "id", DB_F_INT),
	DB_FIELD(decision_referral, status_name, "status", DB_F_STR),
	DB_FIELD(decision_referral, version, "version", DB_F_INT),
	DB_FIELD(decision_referral, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(decision_referral, insats, "insats", DB_F_STR),
	DB_FIELD(decision_referral, places, "places", DB_F_STR),
	DB_FIELD(decision_referral, inskrivna, "inskrivna", DB_F_INT),
	DB_FIELD(decision_referral, person_id, "person_id", DB_F_INT),
	DB_FIELD(decision_referral, personnummer, "personnummer", DB_F_STR),
	CONTACT_DB_FIELDS(decision_referral, person),
	DB_FIELD(decision_referral, birth_year, "birth_year", DB_F_STR),
	DB_FIELD(decision_referral, visa_date, "visa_date", DB_F_STR),
	DB_FIELD(decision_referral, sick_leave, "sick_leave", DB_F_STR),
	DB_FIELD(decision_referral, employed, "employed", DB_F_BOOL),
	DB_FIELD(decision_referral, employer, "employer", DB_F_STR),
	DB_FIELD(
	    decision_referral, employer_rehab, "employer_rehab", DB_F_BOOL),
	DB_FIELD(decision_referral, support_time, "support_time", DB_F_STR),
	DB_FIELD(decision_referral, education, "education", DB_F_STR),
	DB_FIELD(decision_referral, background, "background", DB_F_STR),
	DB_FIELD(decision_referral, own_goals, "own_goals", DB_F_STR),
	DB_FIELD(decision_referral, needs, "needs", DB_F_STR),
	DB_FIELD(decision_referral, tried_before, "tried_before", DB_F_STR),
	DB_FIELD(decision_referral, submitted, "submitted", DB_F_UTC_TIME),
	DB_FIELD(decision_referral, decided_at, "decided_at", DB_F_UTC_TIME),
	DB_FIELD(decision_referral, decided_by, "decided_by", DB_F_STR),
	DB_FIELD(
	    decision_referral, decision_reason, "decision_reason", DB_F_STR),
	DB_FIELD(decision_referral, advise_label, "advise_label", DB_F_STR),
	DB_FIELD(decision_referral, remittent, "remittent", DB_F_STR),
	DB_FIELD(decision_referral, remittent_org, "remittent_org", DB_F_STR),
	DB_FIELD(
	    decision_referral, remittent_email, "remittent_email", DB_F_STR),
	DB_FIELD(decision_referral, org_id, "org_id", DB_F_INT),
	DB_FIELD(
	    decision_referral, consent_at_visa, "consent_at_visa", DB_F_BOOL),
	DB_FIELD(
	    decision_referral, participation_id, "participation_id", DB_F_STR),
};
const struct db_record decision_referral_record =
    DB_RECORD(decision_referral, referral_fields);

static const struct db_field corem_fields[] = {
	DB_FIELD(referral_coremittent, name, "name", DB_F_STR),
	DB_FIELD(referral_coremittent, org, "org", DB_F_STR),
	DB_FIELD(referral_coremittent, contact, "contact", DB_F_STR),
};
const struct db_record referral_coremittent_record =
    DB_RECORD(referral_coremittent, corem_fields);

static const struct db_field lock_fields[] = {
	DB_FIELD(referral_lock, status, "status", DB_F_STR),
	DB_FIELD(referral_lock, version, "version", DB_F_INT),
	DB_FIELD(referral_lock, decision_reason, "decision_reason", DB_F_STR),
	DB_FIELD(referral_lock, advise_code, "advise_code", DB_F_STR),
	DB_FIELD(referral_lock, gallrad, "gallrad", DB_F_BOOL),
};
const struct db_record referral_lock_record =
    DB_RECORD(referral_lock, lock_fields);

static const struct db_field occupancy_fields[] = {
	DB_FIELD(insats_occupancy, places, "places", DB_F_STR),
	DB_FIELD(insats_occupancy, inskrivna, "inskrivna", DB_F_INT),
};
const struct db_record insats_occupancy_record =
    DB_RECORD(insats_occupancy, occupancy_fields);

/* ---- loads ---- */

enum app_err
referral_inbox(
    struct req *r, long long staff_id, struct inbox_row **rows, size_t *n)
{
	struct db_param p[1] = { DB_INT(staff_id) };

	return db_load(r->db, r->a, DB_PARTICIPATION, SQL_PARTICIPATION_INBOX,
	    p, 1, (void **)rows, n);
}

enum app_err
referral_inbox_page(struct req *r, long long staff_id, long long after,
    long long today, struct inbox_page_row **rows, size_t *n)
{
	struct overdue_tally_window w;
	struct db_param p[20] = { DB_INT(staff_id), DB_INT(staff_id),
		DB_INT(staff_id), DB_INT(after), DB_INT(after),
		DB_INT(staff_id) };
	struct str from, day_from, day_to;
	size_t i = 6;

	/* What is late (SQL_PARTICIPATION_INBOX_PAGE): the window of
	 * late_tally for today, the slots' staff ids, then the rest's. */
	overdue_tally_window(today, &w);
	from = participation_ymd_str(r->a, w.month_from);
	day_from = participation_ymd_str(r->a, w.day_from);
	day_to = participation_ymd_str(r->a, w.day_to);
	p[i++] = DB_INT(w.day_sign);
	for (int s = 0; s < 4; s++)
		p[i++] = DB_INT(staff_id);
	p[i++] = DB_STR(from);
	p[i++] = DB_STR(day_from);
	p[i++] = DB_STR(day_to);
	p[i++] = DB_INT(w.day_sign);
	p[i++] = DB_STR(from);
	p[i++] = DB_STR(day_from);
	p[i++] = DB_STR(day_to);
	p[i++] = DB_INT(staff_id);
	p[i++] = DB_INT(staff_id);
	return db_load(r->db, r->a, DB_PARTICIPATION,
	    SQL_PARTICIPATION_INBOX_PAGE, p, i, (void **)rows, n);
}

enum app_err
referral_decision_load(
    struct req *r, long long id, struct decision_referral *out, int *found)
{
	struct db_param p[1] = { DB_INT(id) };
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_REFERRAL_GET, p, 1, out, found)) != APP_OK)
		return e;
	out->status = referral_status_of(out->status_name);
	return APP_OK;
}

enum app_err
referral_decision_lists(struct req *r, long long id,
    struct participation_income **income, size_t *nincome,
    struct referral_coremittent **corem, size_t *ncorem)
{
	struct db_param p[1] = { DB_INT(id) };
	enum app_err e;

	if ((e = db_load(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_REFERRAL_INCOME, p, 1, (void **)income,
	         nincome)) != APP_OK)
		return e;
	return db_load(r->db, r->a, DB_PARTICIPATION,
	    SQL_PARTICIPATION_REFERRAL_COREMITTENTS, p, 1, (void **)corem,
	    ncorem);
}

/* ---- the decision ---- */

struct decide {
	const struct decision_referral *ref;
	const struct referral_decision_input *in;
	struct referral_lock lock; /* the referral as locked */
	struct referral_decision_outcome *out;
};

static enum app_err
decide_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct decide *st = state;
	const struct decision_referral *ref = st->ref;
	struct db_param p[1] = { DB_INT(ref->id) };
	struct insats_occupancy occ;
	enum once_claim claim;
	int found = 0, covered = 0;
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_REFERRAL_LOCK, p, 1, &st->lock, &found)) !=
	    APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	lock->version = st->lock.version;
	lock->personnummer = ref->personnummer;
	/* The key before the rules: a resend, or a twin that waited for the
	 * lock, finds the decision made and is answered as its first POST
	 * was (decide_save() writes nothing). */
	if ((e = once_claim(r, st->in->once_key, &claim, &st->out->location)) !=
	    APP_OK)
		return e;
	if (claim == ONCE_REPEAT) {
		st->out->repeat = 1;
		lock->version = st->in->version;
		return APP_OK;
	}
	st->out->why = DECISION_REFUSE_STATE;
	lock->refused = gallring_edit_refusal(st->lock.gallrad);
	if (lock->refused == NULL)
		lock->refused = referral_decide_refusal(
		    referral_status_of(st->lock.status), st->in->decision);
	if (lock->refused != NULL || st->lock.version != st->in->version)
		return APP_OK;
	/* The consent rule at the moment of the action, under the lock:
	 * every decision needs a waiver in force that covers the referring
	 * organisation, whatever the VISA marker says. */
	if ((e = consent_covers(r, ref->id, ref->org_id, 0, &covered)) !=
	    APP_OK)
		return e;
	if (!covered) {
		st->out->why = DECISION_REFUSE_CONSENT;
		lock->refused = REFERRAL_MSG_NO_CONSENT;
		return APP_OK;
	}
	if (st->in->decision != DECISION_ANTA)
		return APP_OK;
	/* A place must be free; the insats row stays locked, so two
	 * admissions cannot both take the last one. */
	p[0] = DB_INT(ref->insats_id);
	if ((e = db_load_one(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_INSATS_LOCK, p, 1, &occ, &found)) != APP_OK)
		return e;
	if (found &&
	    (lock->refused = referral_full_refusal(
	         r->a, occ.places, occ.inskrivna)) != NULL)
		st->out->why = DECISION_REFUSE_FULL;
	return APP_OK;
}

/* The admission: the participation, the insats's own record of the person
 * as the referral had it (sql/0022), their history and audit. */
static enum app_err
decide_admit(struct req *r, struct decide *st, long long *pid)
{
	const struct referral_decision_input *in = st->in;
	const struct decision_referral *ref = st->ref;
	struct str start = participation_ymd_str(r->a, in->start);
	struct str end = participation_ymd_str(r->a, in->planned_end);
	struct db_param p[8];
	struct buf contact, hours;
	enum app_err e;

	p[0] = DB_INT(ref->id);
	p[1] = DB_INT(ref->person_id);
	p[2] = DB_INT(ref->insats_id);
	p[3] = DB_STR(start);
	p[4] = DB_STR(end);
	p[5] = DB_INT(in->contact_id);
	p[6] = DB_INT(in->hours);
	p[7] = in->occupation.len ? DB_STR(in->occupation) : DB_NULL;
	if ((e = db_exec(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_INSERT, p, 8, NULL)) != APP_OK)
		return e;
	if ((*pid = (long long)db_insert_id(r->db)) <= 0)
		return APP_EDB;
	p[0] = DB_INT(*pid);
	p[1] = DB_INT(ref->id);
	if ((e = db_exec(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_PERSON_COPY, p, 2, NULL)) != APP_OK)
		return e;
	buf_init(&contact, r->a);
	buf_init(&hours, r->a);
	if ((e = buf_printf(&contact, "%lld", in->contact_id)) != APP_OK ||
	    (e = buf_printf(&hours, "%lld", in->hours)) != APP_OK)
		return e;
	if ((e = history_field(r, HISTORY_PARTICIPATION, *pid, "status",
	         STR_LIT(""),
	         str_cstr(participation_status_name(
	             PARTICIPATION_INSKRIVEN)))) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, *pid, "start_date",
	         STR_LIT(""), start)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, *pid,
	         "planned_end_date", STR_LIT(""), end)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, *pid, "contact_id",
	         STR_LIT(""), buf_str(&contact))) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, *pid, "hours_per_week",
	         STR_LIT(""), buf_str(&hours))) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, *pid,
	         "occupation_before_code", STR_LIT(""), in->occupation)) !=
	        APP_OK ||
	    (e = audit_write(r, AUDIT_CREATE, "participation", *pid,
	         ref->personnummer, STR_LIT("inskriven"))) != APP_OK)
		return e;
	return APP_OK;
}

static enum app_err
decide_save(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct decide *st = state;
	const struct referral_decision_input *in = st->in;
	long long id = st->ref->id;
	struct str status = str_cstr(
	    referral_status_name(referral_decision_status(in->decision)));
	struct str reason = STR_LIT(""), advise = STR_LIT("");
	struct db_param p[6];
	const char *loc;
	enum app_err e;

	if (st->out->repeat)
		return APP_OK; /* *changed 0: nothing written, nothing audited */
	if (in->decision == DECISION_AVRADA) {
		reason = in->reason;
		advise = in->advise_code;
	} else if (in->decision == DECISION_ATERFOR)
		reason = in->reason;
	if (in->decision == DECISION_ANTA &&
	    (e = decide_admit(r, st, &st->out->participation_id)) != APP_OK)
		return e;
	p[0] = DB_STR(status);
	p[1] = DB_INT(r->user->id);
	p[2] = DB_STR(reason);
	p[3] = advise.len ? DB_STR(advise) : DB_NULL;
	p[4] = DB_INT(id);
	p[5] = DB_INT(lock->version);
	if ((e = db_exec(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_REFERRAL_DECIDE, p, 6, NULL)) != APP_OK)
		return e;
	if (db_affected_rows(r->db) != 1)
		return APP_EDB; /* the lock makes this unreachable */
	if ((e = history_field(r, HISTORY_REFERRAL, id, "status",
	         st->lock.status, status)) != APP_OK ||
	    (e = history_field(r, HISTORY_REFERRAL, id, "decision_reason",
	         st->lock.decision_reason, reason)) != APP_OK ||
	    (e = history_field(r, HISTORY_REFERRAL, id, "advise_against_code",
	         st->lock.advise_code, advise)) != APP_OK)
		return e;
	if ((loc = referral_decision_location(
	         r->a, in->decision, id, st->out->participation_id)) == NULL)
		return APP_ENOMEM;
	st->out->location = str_cstr(loc);
	if ((e = once_done(r, in->once_key, st->out->location)) != APP_OK)
		return e;
	*changed = 1;
	return APP_OK;
}

const char *
referral_decision_location(struct arena *a, enum referral_decision d,
    long long referral_id, long long participation_id)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, a);
	if (d == DECISION_ANTA)
		e = buf_printf(
		    &b, "/deltagande/%lld?antagen=1", participation_id);
	else
		e = buf_printf(&b, "/inkorg/%lld?sparat=1", referral_id);
	return e == APP_OK ? b.p : NULL;
}

static const struct edit_ops decide_ops = { decide_lock, decide_save };

enum app_err
referral_decide(struct req *r, const struct decision_referral *ref,
    const struct referral_decision_input *in,
    struct referral_decision_outcome *out)
{
	struct decide st = { .ref = ref, .in = in, .out = out };
	struct edit ed = { .ops = &decide_ops,
		.state = &st,
		.form_version = in->version,
		.audit_type = "referral",
		.audit_id = ref->id };
	struct edit_lock lock;
	struct buf detail;
	enum app_err e;

	memset(out, 0, sizeof(*out));
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "decision: %s",
	         referral_status_name(
	             referral_decision_status(in->decision)))) != APP_OK)
		return e;
	ed.audit_detail = detail.p;
	if ((e = edit_run(r, &ed, &out->result, &lock)) != APP_OK)
		return e;
	out->refused = lock.refused;
	return APP_OK;
}
