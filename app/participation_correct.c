/* participation_correct.c: the corrections of a participation; see
 * include/participation_correct.h. */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "edit.h"
#include "history.h"
#include "participation_correct.h"
#include "req.h"
#include "session.h"
#include "sql_participation.h"
#include "sql_participation_correct.h"

/* ---- the rules ---- */

const char *
participation_correct_refusal(enum participation_status s, enum pcorrect c)
{
	switch (c) {
	case PCORRECT_ADMISSION:
		return s == PARTICIPATION_INSKRIVEN ||
		        s == PARTICIPATION_AVSLUTAD
		    ? NULL
		    : PCORRECT_MSG_ADMISSION_CLOSED;
	case PCORRECT_REOPEN:
		return s == PARTICIPATION_AVSLUTAD ? NULL
		                                   : PCORRECT_MSG_REOPEN_CLOSED;
	case PCORRECT_ERROR:
		return s == PARTICIPATION_INSKRIVEN ? NULL
		                                    : PCORRECT_MSG_ERROR_CLOSED;
	case PCORRECT__MAX: break;
	}
	return PCORRECT_MSG_ERROR_CLOSED;
}

/* "Startdatumet kan inte vara efter <what> (<limit>)." (arena). */
static const char *
start_after(struct arena *a, const char *what, long long limit)
{
	struct buf msg;

	buf_init(&msg, a);
	return buf_printf(&msg, "Startdatumet kan inte vara efter %s (%s).",
	           what, participation_ymd_str(a, limit).p) == APP_OK
	    ? msg.p
	    : "Startdatumet kan inte vara efter det som redan registrerats.";
}

const char *
participation_check_start(
    struct arena *a, long long start, const struct participation_start_facts *f)
{
	if (f->end > 0 && start > f->end)
		return start_after(a, "slutdatumet", f->end);
	if (f->planned_end > 0 && start > f->planned_end)
		return start_after(a, "det planerade slutet", f->planned_end);
	if (f->first_midterm > 0 && start > f->first_midterm)
		return start_after(
		    a, "den första mittuppföljningen", f->first_midterm);
	if (f->first_extension > 0 && start > f->first_extension)
		return start_after(a, "dagen för den första förlängningen",
		    f->first_extension);
	if (start > f->today &&
	    (f->current <= f->today || f->first_midterm > 0))
		return PCORRECT_MSG_START_FUTURE;
	return NULL;
}

const char *
participation_check_hours(
    struct arena *a, long long hours, long long plan_hours)
{
	struct buf msg;

	if (hours < 1 || hours > PARTICIPATION_PLAN_MAX_HOURS)
		return PCORRECT_MSG_HOURS;
	if (plan_hours <= 0 || hours == plan_hours)
		return NULL;
	buf_init(&msg, a);
	return buf_printf(&msg,
	           "Timmarna följer planen (%lld i veckan). Ändra planen "
	           "i stället.",
	           plan_hours) == APP_OK
	    ? msg.p
	    : "Timmarna följer planen. Ändra planen i stället.";
}

const char *
participation_check_reason(struct str reason)
{
	for (size_t i = 0; i < reason.len; i++)
		if (reason.p[i] != ' ' && reason.p[i] != '\t' &&
		    reason.p[i] != '\r' && reason.p[i] != '\n')
			return NULL;
	return PCORRECT_MSG_REASON;
}

long long
participation_error_end(long long start, long long today)
{
	return start > today ? start : today;
}

/* ---- what the rules need ---- */

static const struct db_field facts_fields[] = {
	DB_FIELD(pcorrect_facts_row, first_midterm, "first_midterm", DB_F_STR),
	DB_FIELD(pcorrect_facts_row, first_extension, "first_extension",
	    DB_F_UTC_DAY),
	DB_FIELD(pcorrect_facts_row, plan_hours, "plan_hours", DB_F_INT),
};
const struct db_record pcorrect_facts_record =
    DB_RECORD(pcorrect_facts_row, facts_fields);

enum app_err
participation_correct_facts(
    struct req *r, const struct participation *p, struct pcorrect_facts *out)
{
	struct pcorrect_facts_row row;
	struct db_param q[3] = { DB_INT(p->id), DB_INT(p->id), DB_INT(p->id) };
	int found = 0;
	enum app_err e;

	memset(out, 0, sizeof(*out));
	if ((e = db_load_one(r->db, r->a, DB_PCORRECT, SQL_PC_FACTS, q, 3, &row,
	         &found)) != APP_OK)
		return e;
	out->start = (struct participation_start_facts){
		.current = participation_date_ymd(p->start_date),
		.planned_end = participation_date_ymd(p->planned_end),
		.end = participation_date_ymd(p->end_date),
		.today = participation_today(),
	};
	if (found) {
		out->start.first_midterm =
		    participation_date_ymd(row.first_midterm);
		out->start.first_extension =
		    participation_date_ymd(row.first_extension);
		out->plan_hours = row.plan_hours;
	}
	return APP_OK;
}

/* ---- the edits ---- */

struct pcsave {
	const struct participation *p;
	enum pcorrect c;
	long long form_version;
	const struct participation_admission *adm;
	struct str reason;
	int changed;
};

static enum app_err
pcsave_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct pcsave *st = state;
	struct participation_lock pl;
	enum app_err e;

	if ((e = participation_lock_for_edit(r, st->p->id, &pl, lock)) !=
	    APP_OK)
		return e;
	if (lock->refused == NULL)
		lock->refused = participation_correct_refusal(
		    participation_status_from_name(pl.status_name), st->c);
	/* The page was read at one version and its rules were checked
	 * against it; another is stale. */
	if (st->p->version != pl.version)
		lock->version = -1;
	/* The start and hours rules again, under the lock: a follow-up is
	 * added without moving the participation's version on. */
	if (lock->refused == NULL && st->c == PCORRECT_ADMISSION) {
		struct pcorrect_facts f;
		if ((e = participation_correct_facts(r, st->p, &f)) != APP_OK)
			return e;
		lock->refused =
		    participation_check_start(r->a, st->adm->start, &f.start);
		if (lock->refused == NULL)
			lock->refused = participation_check_hours(
			    r->a, st->adm->hours, f.plan_hours);
	}
	return APP_OK;
}

static struct str
num_text(struct req *r, long long n)
{
	struct buf b;

	buf_init(&b, r->a);
	return buf_printf(&b, "%lld", n) == APP_OK ? buf_str(&b) : STR_LIT("");
}

static enum app_err
admission_save(struct req *r, struct pcsave *st)
{
	const struct participation *p = st->p;
	const struct participation_admission *in = st->adm;
	struct str start = participation_ymd_str(r->a, in->start);
	struct str contact = num_text(r, in->contact_id);
	struct str hours = num_text(r, in->hours);
	struct db_param q[5] = { DB_STR(start), DB_INT(in->contact_id),
		DB_INT(in->hours), DB_INT(p->id), DB_INT(st->form_version) };
	enum app_err e;

	if (str_eq(start, p->start_date) && str_eq(contact, p->contact_id) &&
	    str_eq(hours, p->hours_per_week))
		return APP_OK; /* nothing to correct */
	if ((e = db_exec(r->db, r->a, DB_PCORRECT, SQL_PC_SET_ADMISSION, q, 5,
	         NULL)) != APP_OK)
		return e;
	if (db_affected_rows(r->db) != 1)
		return APP_EDB;
	if ((e = history_field(r, HISTORY_PARTICIPATION, p->id, "start_date",
	         p->start_date, start)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, p->id, "contact_id",
	         p->contact_id, contact)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, p->id,
	         "hours_per_week", p->hours_per_week, hours)) != APP_OK)
		return e;
	st->changed = 1;
	return APP_OK;
}

/* The income codes after of p as one line, as the end wrote them. */
static enum app_err
income_after_text(struct req *r, const struct participation *p, struct str *out)
{
	struct participation_income *before, *after;
	size_t nbefore, nafter;
	struct buf b;
	enum app_err e;

	if ((e = participation_incomes_load(
	         r, p, &before, &nbefore, &after, &nafter)) != APP_OK)
		return e;
	buf_init(&b, r->a);
	if ((e = buf_puts(&b, "")) != APP_OK)
		return e;
	for (size_t i = 0; i < nafter; i++)
		if ((i > 0 && (e = buf_puts(&b, ",")) != APP_OK) ||
		    (e = buf_append(&b, after[i].code.p, after[i].code.len)) !=
		        APP_OK)
			return e;
	*out = buf_str(&b);
	return APP_OK;
}

static enum app_err
reopen_save(struct req *r, struct pcsave *st)
{
	const struct participation *p = st->p;
	struct db_param q[2] = { DB_INT(p->id), DB_INT(st->form_version) };
	struct str income, none = STR_LIT("");
	/* The summary's send day as the summary's own history row writes
	 * it (summary.c): the Swedish day, "ÅÅÅÅ-MM-DD". p->summary_sent is
	 * Swedish time already ("ÅÅÅÅ-MM-DD HH:MM", DB_F_UTC_TIME). */
	struct str sent_day = p->summary_sent.len >= 10
	    ? (struct str){ p->summary_sent.p, 10 }
	    : none;
	long long id = p->id;
	enum app_err e;

	if ((e = income_after_text(r, p, &income)) != APP_OK ||
	    (e = db_exec(r->db, r->a, DB_PCORRECT, SQL_PC_REOPEN, q, 2,
	         NULL)) != APP_OK)
		return e;
	if (db_affected_rows(r->db) != 1)
		return APP_EDB;
	if ((e = db_exec(r->db, r->a, DB_PCORRECT, SQL_PC_INCOME_AFTER_DELETE,
	         q, 1, NULL)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id, "status",
	         p->status_name,
	         str_cstr(participation_status_name(
	             PARTICIPATION_INSKRIVEN)))) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id, "end_date",
	         p->end_date, none)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id, "end_reason_code",
	         p->end_reason_code, none)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id,
	         "occupation_after_code", p->occ_after_code, none)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id,
	         "occupation_after_percent", p->occ_after_pct, none)) !=
	        APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id, "income_after",
	         income, none)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id, "summary_due_date",
	         p->summary_due, none)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id, "summary_sent_at",
	         sent_day, none)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id, "reopen_reason",
	         none, st->reason)) != APP_OK)
		return e;
	st->changed = 1;
	return APP_OK;
}

static enum app_err
error_save(struct req *r, struct pcsave *st)
{
	const struct participation *p = st->p;
	long long id = p->id;
	struct str end = participation_ymd_str(r->a,
	    participation_error_end(
	        participation_date_ymd(p->start_date), participation_today()));
	struct db_param q[3] = { DB_STR(end), DB_INT(id),
		DB_INT(st->form_version) };
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_PCORRECT, SQL_PC_MARK_ERROR, q, 3,
	         NULL)) != APP_OK)
		return e;
	if (db_affected_rows(r->db) != 1)
		return APP_EDB;
	if ((e = history_field(r, HISTORY_PARTICIPATION, id, "status",
	         p->status_name,
	         str_cstr(participation_status_name(
	             PARTICIPATION_FELREGISTRERAD)))) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id, "end_date",
	         STR_LIT(""), end)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id, "end_reason_code",
	         STR_LIT(""), STR_LIT(PARTICIPATION_END_MISTAKE))) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id, "error_reason",
	         STR_LIT(""), st->reason)) != APP_OK)
		return e;
	st->changed = 1;
	return APP_OK;
}

static enum app_err
pcsave_save(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct pcsave *st = state;
	enum app_err e = APP_EINPUT;

	(void)lock;
	switch (st->c) {
	case PCORRECT_ADMISSION: e = admission_save(r, st); break;
	case PCORRECT_REOPEN: e = reopen_save(r, st); break;
	case PCORRECT_ERROR: e = error_save(r, st); break;
	case PCORRECT__MAX: break;
	}
	*changed = st->changed;
	return e;
}

static const struct edit_ops pcsave_ops = { pcsave_lock, pcsave_save };

static enum app_err
pcsave_run(struct req *r, struct pcsave *st, const char *detail,
    struct participation_outcome *out)
{
	enum app_err e;

	memset(out, 0, sizeof(*out));
	if ((e = participation_edit_run(r, &pcsave_ops, st, st->p->id,
	         st->form_version, detail, &out->result, &out->refused)) !=
	    APP_OK)
		return e;
	out->changed = out->result == EDIT_SAVED && st->changed;
	return APP_OK;
}

enum app_err
participation_correct_admission(struct req *r, const struct participation *p,
    long long version, const struct participation_admission *in,
    struct participation_outcome *out)
{
	struct pcsave st = { .p = p,
		.c = PCORRECT_ADMISSION,
		.form_version = version,
		.adm = in };

	return pcsave_run(r, &st, "admission corrected", out);
}

enum app_err
participation_reopen(struct req *r, const struct participation *p,
    long long version, struct str reason, struct participation_outcome *out)
{
	struct pcsave st = { .p = p,
		.c = PCORRECT_REOPEN,
		.form_version = version,
		.reason = reason };

	if (participation_check_reason(reason) != NULL)
		return APP_EINPUT;
	return pcsave_run(r, &st, "reopened", out);
}

enum app_err
participation_mark_error(struct req *r, const struct participation *p,
    long long version, struct str reason, struct participation_outcome *out)
{
	struct pcsave st = { .p = p,
		.c = PCORRECT_ERROR,
		.form_version = version,
		.reason = reason };

	if (participation_check_reason(reason) != NULL)
		return APP_EINPUT;
	return pcsave_run(r, &st, "marked felregistrerad", out);
}
