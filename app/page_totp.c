/* page_totp.c: the second factor: the code at login, enrolment, turning it
 * off; see include/pages.h and include/totp.h. */
#include <stdint.h>

#include "app_limits.h"
#include "audit.h"
#include "db.h"
#include "page_form_stash.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "sql_auth.h"
#include "totp.h"
#include "view.h"

/* Columns of SQL_TOTP_GET. */
enum { TG_SECRET, TG_PENDING, TG_LAST };

/*
 * Check code against the secret in column col of the locked staff row and
 * refuse a time step already used. Inside the caller's transaction.
 * Returns 1 when accepted (the step is then recorded), 0 when not.
 */
static int
page_totp_accept(struct req *r, const struct db_rows *rows, int col,
    struct str code, enum app_err *e)
{
	uint64_t step = 0;
	struct db_param p[2];

	*e = APP_OK;
	if (rows->nrows != 1 || db_cell_null(rows, 0, (size_t)col) ||
	    !totp_check(db_cell(rows, 0, (size_t)col), code, &step))
		return 0;
	if (!db_cell_null(rows, 0, TG_LAST) &&
	    (long long)step <= str_to_ll(db_cell(rows, 0, TG_LAST)))
		return 0; /* replayed */
	p[0] = DB_INT((long long)step);
	p[1] = DB_INT(r->user->id);
	*e = db_exec(r->db, r->a, DB_AUTH,
	    col == TG_PENDING ? SQL_TOTP_ACTIVATE : SQL_TOTP_USED, p, 2, NULL);
	return *e == APP_OK;
}

static enum app_err
page_login_code_render(struct req *r, const char *error)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_cstr(ctx, "error", error)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "form_kept",
	         page_form_stash_cookie_present(r))) != APP_OK)
		return e;
	return page_render(r, "login_code", "Ange kod", ctx);
}

enum app_err
page_login_code_form(struct req *r)
{
	if (!r->user->code_pending)
		return page_redirect(r, "/start");
	return page_login_code_render(r, NULL);
}

enum app_err
page_login_code(struct req *r)
{
	const struct str *code = req_form(r, "kod");
	struct db_param p[3] = { DB_INT(r->user->id) };
	struct db_rows rows;
	long long id = r->user->id;
	const char *kept = NULL;
	int ok, must_change = r->user->must_change_password;
	enum app_err e;

	if (!r->user->code_pending)
		return page_redirect(r, "/start");
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_TOTP_GET, p, 1, &rows)) !=
	    APP_OK)
		goto fail;
	ok = page_totp_accept(
	    r, &rows, TG_SECRET, code ? *code : STR_LIT(""), &e);
	if (e != APP_OK)
		goto fail;
	if (!ok) {
		/* A wrong code counts toward the same lockout as a wrong
		 * password; a locked account loses its half session. */
		p[0] = DB_INT(AUTH_LOCK_AFTER);
		p[1] = DB_INT(AUTH_LOCK_MINUTES);
		p[2] = DB_INT(id);
		if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_LOGIN_FAILED,
		         p, 3, NULL)) != APP_OK ||
		    (e = audit_write(r, AUDIT_LOGIN_FAILED, "staff", id,
		         STR_LIT(""), STR_LIT("wrong code"))) != APP_OK ||
		    (e = db_commit(r->db)) != APP_OK)
			goto fail;
		p[0] = DB_INT(id);
		if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_PASSWORD, p, 1,
		         &rows)) != APP_OK)
			return e;
		if (rows.nrows != 1 || str_eq_cstr(db_cell(&rows, 0, 1), "1")) {
			if ((e = session_end(r)) != APP_OK)
				return e;
			return page_redirect(r, "/logga-in");
		}
		r->resp.status = 400;
		return page_login_code_render(r,
		    "Koden stämmer inte. Ange den "
		    "sexsiffriga koden som visas i din app just nu.");
	}
	if ((e = audit_write(r, AUDIT_LOGIN, "staff", id, STR_LIT(""),
	         STR_LIT("second factor"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	/* Fully logged in now: a new session id for the new privilege. */
	if ((e = session_create(r, id, 0)) != APP_OK)
		return e;
	if (must_change)
		return page_redirect(r, "/losenord");
	/* A form kept when the last session ended comes first. */
	if ((e = page_form_stash_after_login(r, &kept)) != APP_OK)
		return e;
	return page_redirect(r, kept != NULL ? kept : "/start");
fail:
	db_rollback(r->db);
	return e;
}

static enum app_err
page_totp_render(struct req *r, const char *error)
{
	struct db_param p[2] = { DB_INT(r->user->id) };
	unsigned char fresh[TOTP_SECRET_BYTES];
	struct view_ctx *ctx;
	struct db_rows rows;
	struct str pending;
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_cstr(ctx, "error", error)) != APP_OK)
		return e;
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_TOTP_GET, p, 1, &rows)) !=
	    APP_OK)
		return e;
	if (rows.nrows != 1)
		return APP_EFORBIDDEN;
	if (!db_cell_null(&rows, 0, TG_SECRET)) {
		if ((e = view_ctx_set_bool(ctx, "active", 1)) != APP_OK)
			return e;
		return page_render(r, "totp", "Tvåstegsverifiering", ctx);
	}
	/* Not on yet: show a secret to enrol with, the same one until used. */
	pending = db_cell(&rows, 0, TG_PENDING);
	if (db_cell_null(&rows, 0, TG_PENDING)) {
		totp_new_secret(fresh);
		pending = (struct str){ (const char *)fresh, sizeof(fresh) };
		p[0] = DB_STR(pending);
		p[1] = DB_INT(r->user->id);
		if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_TOTP_SET_PENDING, p,
		         2, NULL)) != APP_OK)
			return e;
	}
	if ((e = totp_qr(r, ctx, pending, r->user->username)) != APP_OK)
		return e;
	return page_render(r, "totp", "Tvåstegsverifiering", ctx);
}

enum app_err
page_totp(struct req *r)
{
	return page_totp_render(r, NULL);
}

/* Turn on (code from the pending secret) or off (code from the active
 * one): either way, proven by a code from the app. */
static enum app_err
page_totp_change(struct req *r, int enable)
{
	const struct str *code = req_form(r, "kod");
	struct db_param p[1] = { DB_INT(r->user->id) };
	struct db_rows rows;
	enum app_err e;
	int ok;

	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_TOTP_GET, p, 1, &rows)) !=
	    APP_OK)
		goto fail;
	ok = page_totp_accept(r, &rows, enable ? TG_PENDING : TG_SECRET,
	    code ? *code : STR_LIT(""), &e);
	if (e != APP_OK)
		goto fail;
	if (!ok) {
		db_rollback(r->db);
		r->resp.status = 400;
		return page_totp_render(r,
		    "Koden stämmer inte. Ange den "
		    "sexsiffriga koden som visas i din app just nu.");
	}
	if ((!enable &&
	        (e = db_exec(r->db, r->a, DB_AUTH, SQL_TOTP_DISABLE, p, 1,
	             NULL)) != APP_OK) ||
	    (e = audit_write(r, AUDIT_UPDATE, "staff", r->user->id, STR_LIT(""),
	         enable ? STR_LIT("second factor on")
	                : STR_LIT("second factor off"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return page_redirect(r, "/tvastegs");
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
page_totp_enable(struct req *r)
{
	return page_totp_change(r, 1);
}

enum app_err
page_totp_disable(struct req *r)
{
	return page_totp_change(r, 0);
}
