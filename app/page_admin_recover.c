/* page_admin_recover.c: account recovery by the admin (issue 15, item
 * 12): lift a lockout, reset two-step verification, with audit, without
 * touching the password; see include/page_admin.h. The rules are
 * staff_unlock_refusal() and staff_totp_reset_refusal() (staff.h); the
 * account page (page_admin_account.c) shows the state and the buttons. */
#include "audit.h"
#include "db.h"
#include "page_admin.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "staff.h"

/* Back to the account page with FLAG: its notice or refusal. */
static enum app_err
recover_redirect(struct req *r, long long id, const char *flag)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	if ((e = buf_printf(&b, "/admin/konton/%lld?%s=1", id, flag)) != APP_OK)
		return e;
	return page_redirect(r, b.p);
}

/*
 * Unlock (unlock = 1) or reset two-step verification of account :id. The
 * account is locked (FOR UPDATE) and the rule checked under the lock, so
 * a second click or another admin's click meanwhile changes nothing and
 * gets the reason on the account page; otherwise the change and its
 * audit row are one transaction.
 */
static enum app_err
recover(struct req *r, int unlock)
{
	struct staff_account st;
	const char *refusal;
	long long id;
	int found, changed = 0, self;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK)
		return e;
	self = id == r->user->id;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = staff_get(r, id, 1, &st, &found)) != APP_OK)
		goto fail;
	if (!found) {
		e = APP_ENOTFOUND;
		goto fail;
	}
	refusal = unlock
	    ? staff_unlock_refusal(st.locked, st.failed_logins)
	    : staff_totp_reset_refusal(st.totp_on, st.totp_pending, self);
	if (refusal != NULL) {
		db_rollback(r->db);
		return recover_redirect(r, id,
		    unlock     ? "inte_last"
		        : self ? "tvastegs_egen"
		               : "tvastegs_ej");
	}
	if ((e = unlock ? staff_unlock(r, id, &changed)
	                : staff_totp_reset(r, id, &changed)) != APP_OK)
		goto fail;
	/* A new second factor is set up from a fresh login: the account's
	 * sessions end, a half-finished login waiting for a code from the
	 * lost phone included. */
	if ((!unlock && (e = session_end_others(r, id, 0)) != APP_OK) ||
	    (e = audit_write(r, AUDIT_ADMIN, "staff", id, STR_LIT(""),
	         unlock ? STR_LIT("lockout lifted by admin")
	                : STR_LIT("two-step verification reset by admin"))) !=
	        APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return recover_redirect(r, id, unlock ? "upplast" : "tvastegs_av");
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
page_admin_account_unlock(struct req *r)
{
	return recover(r, 1);
}

enum app_err
page_admin_account_totp_reset(struct req *r)
{
	return recover(r, 0);
}
