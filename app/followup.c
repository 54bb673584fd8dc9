/* followup.c: the follow-up six months after the end; see
 * include/followup.h. */
#include <string.h>

#include "gallring.h"
#include "arena.h"
#include "db.h"
#include "followup.h"
#include "audit.h"
#include "history.h"
#include "participation.h"
#include "req.h"
#include "session.h"
#include "sql_followup.h"

/* ---- the situations ---- */

const char *const followup_situation_names[FU_SIT__MAX + 1] = {
	[FU_SIT_ARBETE] = "arbete",
	[FU_SIT_STUDIER] = "studier",
	[FU_SIT_ARBETSSOKANDE] = "arbetssokande",
	[FU_SIT_REHABILITERING] = "rehabilitering",
	[FU_SIT_ANNAT] = "annat",
	[FU_SIT__MAX] = NULL,
};

static const char *const situation_labels[FU_SIT__MAX] = {
	[FU_SIT_ARBETE] = "Arbete",
	[FU_SIT_STUDIER] = "Studier",
	[FU_SIT_ARBETSSOKANDE] = "Aktivt arbetssökande",
	[FU_SIT_REHABILITERING] = "Rehabilitering mot arbete eller studier",
	[FU_SIT_ANNAT] = "Annat (t.ex. sjukdom, ingen sysselsättning)",
};

const char *
followup_situation_name(enum followup_situation s)
{
	return (unsigned)s < FU_SIT__MAX ? followup_situation_names[s] : NULL;
}

const char *
followup_situation_label(enum followup_situation s)
{
	return (unsigned)s < FU_SIT__MAX ? situation_labels[s] : NULL;
}

enum followup_situation
followup_situation_from_name(struct str name)
{
	for (int s = 0; s < FU_SIT__MAX; s++)
		if (str_eq_cstr(name, followup_situation_names[s]))
			return (enum followup_situation)s;
	return FU_SIT__MAX;
}

enum followup_situation
followup_situation_at_end(struct str outcome)
{
	enum followup_situation s = followup_situation_from_name(outcome);

	/* The end outcomes share the situations' names but for sjukdom
	 * (and felregistrering, never counted): they are "annat" here. */
	return s == FU_SIT__MAX ? FU_SIT_ANNAT : s;
}

/* ---- the rule ---- */

static const char *const state_labels[FU__MAX] = {
	[FU_NOT_ENDED] = "Inte avslutad",
	[FU_NOT_YET] = "Inte ännu",
	[FU_DUE] = "Dags",
	[FU_OVERDUE] = "Försenad",
	[FU_CLOSED] = "Gjordes inte",
	[FU_DONE] = "Gjord",
};

const char *
followup_state_label(enum followup_state s)
{
	return (unsigned)s < FU__MAX ? state_labels[s] : "";
}

static int
leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

long long
followup_add_months(long long ymd, int months)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	long long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
	long long k = y * 12 + (m - 1) + months;
	long long last;

	y = k / 12;
	m = k % 12 + 1;
	last = mdays[m - 1] + (m == 2 && leap(y));
	if (d > last)
		d = last;
	return y * 10000 + m * 100 + d;
}

long long
followup_due(long long end_ymd)
{
	return followup_add_months(end_ymd, FOLLOWUP_MONTHS);
}

enum followup_state
followup_state(int ended, long long end_ymd, int recorded, long long today)
{
	long long due;

	if (!ended || end_ymd <= 0)
		return FU_NOT_ENDED;
	if (recorded)
		return FU_DONE;
	due = followup_due(end_ymd);
	if (today < participation_add_days(due, -FOLLOWUP_OPEN_DAYS))
		return FU_NOT_YET;
	if (today <= participation_add_days(due, FOLLOWUP_GRACE_DAYS))
		return FU_DUE;
	if (today <= participation_add_days(due, FOLLOWUP_CLOSE_DAYS))
		return FU_OVERDUE;
	return FU_CLOSED;
}

int
followup_reminded(enum followup_state s)
{
	return s == FU_DUE || s == FU_OVERDUE;
}

void
followup_reminder_window(long long today, long long *from, long long *to)
{
	*from = participation_add_days(today, -FOLLOWUP_CLOSE_DAYS);
	*to = participation_add_days(today, FOLLOWUP_OPEN_DAYS);
}

const char *
followup_refusal(struct arena *a, enum followup_state s, long long end_ymd)
{
	struct buf msg;
	long long due = end_ymd > 0 ? followup_due(end_ymd) : 0;

	buf_init(&msg, a);
	switch (s) {
	case FU_DUE:
	case FU_OVERDUE:
	case FU_DONE: return NULL;
	case FU_NOT_ENDED:
		return "Uppföljningen efter sex månader görs först när "
		       "deltagandet är avslutat.";
	case FU_NOT_YET:
		return buf_printf(&msg,
		           "Uppföljningen ska göras %s och kan registreras "
		           "från %s.",
		           participation_ymd_str(a, due).p,
		           participation_ymd_str(a,
		               participation_add_days(due, -FOLLOWUP_OPEN_DAYS))
		               .p) == APP_OK
		    ? msg.p
		    : "Uppföljningen kan inte registreras ännu.";
	case FU_CLOSED:
	case FU__MAX: break;
	}
	return buf_printf(&msg,
	           "Tiden för uppföljningen gick ut %s (%d dagar efter att "
	           "den skulle göras), så den kan inte registreras längre.",
	           participation_ymd_str(
	               a, participation_add_days(due, FOLLOWUP_CLOSE_DAYS))
	               .p,
	           FOLLOWUP_CLOSE_DAYS) == APP_OK
	    ? msg.p
	    : "Tiden för uppföljningen har gått ut.";
}

/* ---- the record ---- */

enum app_err
followup_load(
    struct req *r, long long participation_id, struct followup_record *out)
{
	struct db_param p[1] = { DB_INT(participation_id) };
	int found = 0;
	enum app_err e;

	memset(out, 0, sizeof(*out));
	if ((e = db_load_one(r->db, r->a, DB_FOLLOWUP, SQL_FU_GET, p, 1, out,
	         &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	return APP_OK;
}

/* One save in the making: what edit_run()'s steps share. */
struct fsave {
	const struct participation *p;
	const struct followup_input *in;
	struct followup_lock lock;
};

static enum app_err
fsave_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct fsave *st = state;
	struct db_param q[1] = { DB_INT(st->p->id) };
	struct followup_lock *l = &st->lock;
	enum followup_state s;
	long long end;
	int found = 0;
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_FOLLOWUP, SQL_FU_LOCK, q, 1, l,
	         &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	end = participation_date_ymd(l->end_date);
	s = followup_state(
	    participation_status_from_name(l->status) == PARTICIPATION_AVSLUTAD,
	    end, l->version > 0, participation_today());
	lock->version = l->version;
	lock->personnummer = l->personnummer;
	lock->refused = gallring_edit_refusal(l->gallrad);
	if (lock->refused == NULL)
		lock->refused = followup_refusal(r->a, s, end);
	/* A retry of what is stored already (the first save went through,
	 * its answer got lost) is saved with nothing changed. */
	if (lock->refused == NULL && l->version > 0 &&
	    str_eq_cstr(
	        l->situation, followup_situation_name(st->in->situation)))
		lock->version = st->in->version;
	return APP_OK;
}

static enum app_err
fsave_save(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct fsave *st = state;
	struct str name = str_cstr(followup_situation_name(st->in->situation));
	struct str today = participation_ymd_str(r->a, participation_today());
	long long id = st->p->id;
	enum app_err e;

	(void)lock;
	*changed = 0;
	if (str_eq(st->lock.situation, name))
		return APP_OK;
	if (st->lock.version == 0) {
		struct db_param q[4] = { DB_INT(id), DB_STR(name),
			DB_STR(today), DB_INT(r->user->id) };
		e = db_exec(
		    r->db, r->a, DB_FOLLOWUP, SQL_FU_INSERT, q, 4, NULL);
	} else {
		struct db_param q[5] = { DB_STR(name), DB_STR(today),
			DB_INT(r->user->id), DB_INT(id),
			DB_INT(st->lock.version) };
		e = db_exec(
		    r->db, r->a, DB_FOLLOWUP, SQL_FU_UPDATE, q, 5, NULL);
	}
	if (e != APP_OK)
		return e;
	/* Under the lock the row cannot have moved: exactly one row. */
	if (db_affected_rows(r->db) != 1)
		return APP_EDB;
	if ((e = history_field(r, HISTORY_PARTICIPATION, id,
	         "uppfoljning_situation", st->lock.situation, name)) != APP_OK)
		return e;
	*changed = 1;
	return APP_OK;
}

static const struct edit_ops fsave_ops = { fsave_lock, fsave_save };

enum app_err
followup_save(struct req *r, const struct participation *p,
    const struct followup_input *in, struct followup_outcome *out)
{
	struct fsave st = { .p = p, .in = in };
	struct edit ed = { .ops = &fsave_ops,
		.state = &st,
		.form_version = in->version,
		.audit_type = "participation",
		.audit_id = p->id,
		.audit_detail = "follow-up 6 months" };
	struct edit_lock lock;
	enum app_err e;

	memset(out, 0, sizeof(*out));
	if (followup_situation_name(in->situation) == NULL)
		return APP_EINPUT;
	if ((e = edit_run(r, &ed, &out->result, &lock)) != APP_OK)
		return e;
	out->refused = lock.refused;
	out->changed = out->result == EDIT_SAVED &&
	    !str_eq_cstr(
	        st.lock.situation, followup_situation_name(in->situation));
	return APP_OK;
}

enum app_err
followup_due_list(struct req *r, long long staff_id,
    struct followup_due_row **rows, size_t *n)
{
	long long today = participation_today(), from, to;
	struct db_param p[3];
	enum app_err e;

	followup_reminder_window(today, &from, &to);
	p[0] = DB_INT(staff_id);
	p[1] = DB_STR(participation_ymd_str(r->a, from));
	p[2] = DB_STR(participation_ymd_str(r->a, to));
	if ((e = db_load(r->db, r->a, DB_FOLLOWUP, SQL_FU_DUE, p, 3,
	         (void **)rows, n)) != APP_OK)
		return e;
	for (size_t i = 0; i < *n; i++)
		(*rows)[i].overdue =
		    followup_state(1,
		        participation_date_ymd((*rows)[i].end_date), 0,
		        today) == FU_OVERDUE;
	return APP_OK;
}

/* ---- answered on the tablet ---- */

const char *
followup_tablet_refusal(
    struct arena *a, enum followup_state s, long long end_ymd)
{
	switch (s) {
	case FU_DUE:
	case FU_OVERDUE: return NULL;
	case FU_DONE: return FOLLOWUP_MSG_TABLET_RECORDED;
	case FU_NOT_ENDED:
	case FU_NOT_YET:
	case FU_CLOSED:
	case FU__MAX: break;
	}
	return followup_refusal(a, s, end_ymd);
}

int
followup_tablet_writes(
    enum followup_state s, enum followup_situation answered, long long staff_id)
{
	return (s == FU_DUE || s == FU_OVERDUE) && answered < FU_SIT__MAX &&
	    staff_id > 0;
}

/* The state of the follow-up whose participation row is l, today. */
static enum followup_state
lock_state(const struct followup_lock *l, long long *end)
{
	*end = participation_date_ymd(l->end_date);
	return followup_state(
	    participation_status_from_name(l->status) == PARTICIPATION_AVSLUTAD,
	    *end, l->version > 0, participation_today());
}

enum app_err
followup_tablet_check(
    struct req *r, long long participation_id, const char **refused)
{
	struct db_param q[1] = { DB_INT(participation_id) };
	struct followup_lock l;
	enum followup_state s;
	long long end;
	int found = 0;
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_FOLLOWUP, SQL_FU_STATE, q, 1, &l,
	         &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	s = lock_state(&l, &end);
	*refused = gallring_edit_refusal(l.gallrad);
	if (*refused == NULL)
		*refused = followup_tablet_refusal(r->a, s, end);
	return APP_OK;
}

enum app_err
followup_from_tablet(struct req *r, long long participation_id,
    long long response_id, long long code_id, int *written)
{
	struct db_param q[4] = { DB_INT(response_id), DB_INT(code_id) };
	struct followup_tablet_source src;
	struct staff_user staff, *was = r->user;
	struct followup_lock l;
	enum followup_situation sit;
	enum followup_state s;
	struct str name;
	long long end;
	int found = 0;
	enum app_err e;

	*written = 0;
	if ((e = db_load_one(r->db, r->a, DB_FOLLOWUP, SQL_FU_TABLET_SOURCE, q,
	         2, &src, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_OK;
	q[0] = DB_INT(participation_id);
	if ((e = db_load_one(r->db, r->a, DB_FOLLOWUP, SQL_FU_LOCK, q, 1, &l,
	         &found)) != APP_OK)
		return e;
	if (!found)
		return APP_OK;
	s = lock_state(&l, &end);
	sit = followup_situation_from_name(src.situation);
	if (gallring_edit_refusal(l.gallrad) != NULL ||
	    !followup_tablet_writes(s, sit, src.staff_id))
		return APP_OK;
	name = str_cstr(followup_situation_name(sit));
	q[1] = DB_STR(name);
	q[2] = DB_STR(participation_ymd_str(r->a, participation_today()));
	q[3] = DB_INT(src.staff_id);
	if ((e = db_exec(r->db, r->a, DB_FOLLOWUP, SQL_FU_INSERT_TABLET, q, 4,
	         NULL)) != APP_OK)
		return e;
	/* The history and the access log as the staff member's own save
	 * would write them: the kiosk has no user, so theirs for these two
	 * rows (the audit detail says it came from the tablet). */
	memset(&staff, 0, sizeof(staff));
	staff.id = src.staff_id;
	staff.username = src.username;
	staff.display_name = src.display_name;
	r->user = &staff;
	if ((e = history_field(r, HISTORY_PARTICIPATION, participation_id,
	         "uppfoljning_situation", STR_LIT(""), name)) == APP_OK)
		e = audit_write(r, AUDIT_UPDATE, "participation",
		    participation_id, l.personnummer,
		    STR_LIT("follow-up 6 months (answered on the tablet)"));
	r->user = was;
	if (e != APP_OK)
		return e;
	*written = 1;
	return APP_OK;
}
