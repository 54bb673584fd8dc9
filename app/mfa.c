/* mfa.c: an account's second factor; see include/mfa.h. */
#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "mfa.h"
#include "req.h"
#include "session.h"
#include "sql_auth.h"
#include "totp.h"

static const struct db_field mfa_state_fields[] = {
	DB_FIELD(mfa_state, secret, "secret", DB_F_STR),
	DB_FIELD(mfa_state, pending, "pending", DB_F_STR),
	DB_FIELD(mfa_state, last_step, "last_step", DB_F_INT),
};
const struct db_record mfa_state_record =
    DB_RECORD(mfa_state, mfa_state_fields);

int
mfa_step_fresh(long long last_step, uint64_t step)
{
	return last_step < 0 || step > (uint64_t)last_step;
}

/* Account staff_id's state, its row locked for the open transaction (or
 * the statement alone outside one). */
static enum app_err
mfa_get(struct req *r, long long staff_id, struct mfa_state *st, int *found)
{
	struct db_param p[1] = { DB_INT(staff_id) };

	return db_load_one(r->db, r->a, DB_AUTH, SQL_TOTP_GET, p, 1, st, found);
}

/* Which of an account's secrets a code is checked against. */
enum mfa_key { MFA_ACTIVE, MFA_PENDING };

/*
 * Check code against st's key secret and refuse a used step; when right,
 * record the step (from the pending secret: it becomes the active one).
 * Inside the caller's transaction. *ok 1 when accepted.
 */
static enum app_err
mfa_accept(struct req *r, long long staff_id, const struct mfa_state *st,
    enum mfa_key key, struct str code, int *ok)
{
	struct str secret = key == MFA_PENDING ? st->pending : st->secret;
	uint64_t step = 0;
	struct db_param p[2];
	enum app_err e;

	*ok = 0;
	if (secret.len == 0 || !totp_check(secret, code, &step) ||
	    !mfa_step_fresh(st->last_step, step))
		return APP_OK;
	p[0] = DB_INT((long long)step);
	p[1] = DB_INT(staff_id);
	if ((e = db_exec(r->db, r->a, DB_AUTH,
	         key == MFA_PENDING ? SQL_TOTP_ACTIVATE : SQL_TOTP_USED, p, 2,
	         NULL)) != APP_OK)
		return e;
	*ok = 1;
	return APP_OK;
}

enum app_err
mfa_due(struct req *r, long long staff_id, int *due)
{
	struct mfa_state st;
	int found;
	enum app_err e;

	*due = 0;
	if ((e = mfa_get(r, staff_id, &st, &found)) != APP_OK)
		return e;
	*due = found && st.secret.len > 0;
	return APP_OK;
}

enum app_err
mfa_login_code(struct req *r, struct str code, enum mfa_login *out)
{
	long long id = r->user->id;
	struct auth_account acc;
	struct mfa_state st;
	int found, ok;
	enum app_err e;

	*out = MFA_LOGIN_WRONG;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = mfa_get(r, id, &st, &found)) != APP_OK ||
	    (e = mfa_accept(r, id, &st, MFA_ACTIVE, code, &ok)) != APP_OK)
		goto fail;
	if (ok) {
		if ((e = audit_write(r, AUDIT_LOGIN, "staff", id, STR_LIT(""),
		         STR_LIT("second factor"))) != APP_OK ||
		    (e = db_commit(r->db)) != APP_OK)
			goto fail;
		*out = MFA_LOGIN_OK;
		return APP_OK;
	}
	/* A wrong code counts toward the same lockout as a wrong password;
	 * a locked account loses its half session. */
	if ((e = auth_count_failure(r, id)) != APP_OK ||
	    (e = audit_write(r, AUDIT_LOGIN_FAILED, "staff", id, STR_LIT(""),
	         STR_LIT("wrong code"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	if ((e = auth_account_get(r, id, &acc, &found)) != APP_OK)
		return e;
	if (!found || acc.locked)
		*out = MFA_LOGIN_LOCKED;
	return APP_OK;
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
mfa_enrolment(struct req *r, int *on, struct str *pending)
{
	unsigned char fresh[TOTP_SECRET_BYTES];
	struct mfa_state st;
	struct db_param p[2];
	int found;
	enum app_err e;

	*on = 0;
	*pending = STR_LIT("");
	if ((e = mfa_get(r, r->user->id, &st, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_EFORBIDDEN;
	if (st.secret.len > 0) {
		*on = 1;
		return APP_OK;
	}
	if (st.pending.len > 0) {
		*pending = st.pending;
		return APP_OK;
	}
	totp_new_secret(fresh);
	p[0] = DB_STR(((struct str){ (const char *)fresh, sizeof(fresh) }));
	p[1] = DB_INT(r->user->id);
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_TOTP_SET_PENDING, p, 2,
	         NULL)) != APP_OK)
		return e;
	/* The caller shows it after this function returns: an arena copy. */
	if ((pending->p = arena_memdup(r->a, fresh, sizeof(fresh))) == NULL)
		return APP_ENOMEM;
	pending->len = sizeof(fresh);
	return APP_OK;
}

enum app_err
mfa_change(struct req *r, int enable, struct str code, int *ok)
{
	long long id = r->user->id;
	struct db_param p[1] = { DB_INT(id) };
	struct mfa_state st;
	int found;
	enum app_err e;

	*ok = 0;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = mfa_get(r, id, &st, &found)) != APP_OK ||
	    (e = mfa_accept(r, id, &st, enable ? MFA_PENDING : MFA_ACTIVE, code,
	         ok)) != APP_OK)
		goto fail;
	if (!*ok) {
		db_rollback(r->db);
		return APP_OK;
	}
	if ((!enable &&
	        (e = db_exec(r->db, r->a, DB_AUTH, SQL_TOTP_DISABLE, p, 1,
	             NULL)) != APP_OK) ||
	    (e = audit_write(r, AUDIT_UPDATE, "staff", id, STR_LIT(""),
	         enable ? STR_LIT("second factor on")
	                : STR_LIT("second factor off"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	db_rollback(r->db);
	*ok = 0;
	return e;
}
