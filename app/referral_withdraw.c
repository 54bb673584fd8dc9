/* referral_withdraw.c: the remittent withdraws an application; see
 * include/referral_withdraw.h. */
#include "db.h"
#include "edit.h"
#include "history.h"
#include "log.h"
#include "gallring.h"
#include "referral.h"
#include "referral_withdraw.h"
#include "req.h"
#include "sql_referral.h"

struct withdraw_state {
	long long id;
	struct str reason;
	enum referral_status from, to;
	enum referral_refusal refusal;
};

/* edit_run()'s lock step: the row lock, the status under it, the rule. */
static enum app_err
withdraw_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct withdraw_state *s = state;
	struct db_param p[1] = { DB_INT(s->id) };
	struct referral_lock_row row;
	struct referral_text pnr;
	int found;
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_LOCK, p, 1,
	         &row, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if ((e = db_load_one(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_PNR, p, 1,
	         &pnr, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	lock->version = row.version;
	lock->personnummer = pnr.s;
	if ((e = referral_status_decode(row.status, &s->from)) != APP_OK)
		return e;
	s->refusal = gallring_edit_refusal(row.gallrad) != NULL
	    ? REFERRAL_GALLRAD
	    : referral_withdraw(s->from, &s->to);
	lock->refused = referral_refusal_msg(s->refusal);
	return APP_OK;
}

/* edit_run()'s save step. */
static enum app_err
withdraw_save(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct withdraw_state *s = state;
	struct db_param p[3] = { DB_STR(s->reason), DB_INT(s->id),
		DB_INT(lock->version) };
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_REFERRAL, SQL_REFERRAL_WITHDRAW, p, 3,
	         NULL)) != APP_OK)
		return e;
	/* Locked at this version in a status that may be withdrawn. */
	if (db_affected_rows(r->db) != 1) {
		log_error(
		    "BUG: referral %lld not withdrawn under its lock", s->id);
		return APP_EDB;
	}
	if ((e = history_field(r, HISTORY_REFERRAL, s->id, "status",
	         str_cstr(referral_status_name(s->from)),
	         str_cstr(referral_status_name(s->to)))) != APP_OK ||
	    (e = history_field(r, HISTORY_REFERRAL, s->id, "withdrawn_reason",
	         STR_LIT(""), s->reason)) != APP_OK)
		return e;
	*changed = 1;
	return APP_OK;
}

enum app_err
referral_withdraw_run(struct req *r, long long id, long long version,
    struct str reason, enum edit_result *result, enum referral_refusal *refusal)
{
	static const struct edit_ops ops = { withdraw_lock, withdraw_save };
	struct withdraw_state s = { .id = id, .reason = reason };
	struct edit ed = {
		.ops = &ops,
		.state = &s,
		.form_version = version,
		.audit_type = "referral",
		.audit_id = id,
		.audit_detail = "withdrawn",
	};
	struct edit_lock lock;
	enum app_err e;

	*refusal = REFERRAL_OK;
	if ((e = edit_run(r, &ed, result, &lock)) != APP_OK)
		return e;
	if (*result == EDIT_REFUSED)
		*refusal = s.refusal;
	return APP_OK;
}
