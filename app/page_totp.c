/* page_totp.c: the second factor: the code at login, enrolment, turning it
 * off; see include/pages.h and include/mfa.h. */
#include "mfa.h"
#include "page_form_stash.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "totp.h"
#include "view.h"

#define MSG_WRONG_CODE                                                         \
	"Koden stämmer inte. Ange den "                                       \
	"sexsiffriga koden som visas i din app just nu."

/* The typed code, "" when the field was not sent. */
static struct str
page_totp_code(struct req *r)
{
	const struct str *code = req_form(r, "kod");

	return code ? *code : STR_LIT("");
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
	long long id = r->user->id;
	int must_change = r->user->must_change_password;
	const char *kept = NULL;
	enum mfa_login how;
	enum app_err e;

	if (!r->user->code_pending)
		return page_redirect(r, "/start");
	if ((e = mfa_login_code(r, page_totp_code(r), &how)) != APP_OK)
		return e;
	if (how == MFA_LOGIN_LOCKED) {
		if ((e = session_end(r)) != APP_OK)
			return e;
		return page_redirect(r, "/logga-in");
	}
	if (how == MFA_LOGIN_WRONG) {
		r->resp.status = 400;
		return page_login_code_render(r, MSG_WRONG_CODE);
	}
	/* Fully logged in now: a new session id for the new privilege. */
	if ((e = session_create(r, id, 0)) != APP_OK)
		return e;
	if (must_change)
		return page_redirect(r, "/losenord");
	/* A form kept when the last session ended comes first. */
	if ((e = page_form_stash_after_login(r, &kept)) != APP_OK)
		return e;
	return page_redirect(r, kept != NULL ? kept : "/start");
}

static enum app_err
page_totp_render(struct req *r, const char *error)
{
	struct view_ctx *ctx;
	struct str pending;
	int on;
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_cstr(ctx, "error", error)) != APP_OK ||
	    (e = mfa_enrolment(r, &on, &pending)) != APP_OK)
		return e;
	/* On: the page offers to turn it off. Not yet: a secret to enrol
	 * with, the same one until used. */
	if ((on && (e = view_ctx_set_bool(ctx, "active", 1)) != APP_OK) ||
	    (!on &&
	        (e = totp_qr(r, ctx, pending, r->user->username)) != APP_OK))
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
	int ok;
	enum app_err e;

	if ((e = mfa_change(r, enable, page_totp_code(r), &ok)) != APP_OK)
		return e;
	if (!ok) {
		r->resp.status = 400;
		return page_totp_render(r, MSG_WRONG_CODE);
	}
	return page_redirect(r, "/tvastegs");
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
