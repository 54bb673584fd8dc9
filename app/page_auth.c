/* page_auth.c: logging in and out, passwords, the start page; see include/pages.h. */
#include "app_limits.h"
#include "audit.h"
#include "auth.h"
#include "bind.h"
#include "mfa.h"
#include "news.h"
#include "overdue.h"
#include "page_followup.h"
#include "page_form_stash.h"
#include "page_participation.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "staff.h"
#include "view.h"

#define LOGIN_FAILED_MSG                                                       \
	"Inloggningen misslyckades. Kontrollera användarnamn och lösenord. " \
	"Efter flera misslyckade försök spärras inloggningen en stund."

/* The login form, with the pre-login CSRF cookie set if it is missing. */
static enum app_err
page_login_render(struct req *r, struct str username, const char *error)
{
	const struct str *pre = kv_get(&r->cookies, LOGIN_CSRF_COOKIE);
	const struct str *next = req_query(r, "nasta");
	struct view_ctx *ctx;
	struct str token;
	enum app_err e;

	if (r->method == METHOD_POST)
		next = req_form(r, "nasta");
	if (pre != NULL && pre->len == 64)
		token = *pre;
	else {
		token = session_random_hex(r, 32);
		if (token.p == NULL)
			return APP_ENOMEM;
		if ((e = session_set_cookie(
		         r, LOGIN_CSRF_COOKIE, token, 3600)) != APP_OK)
			return e;
	}
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_str(ctx, "login_csrf", token)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "username", username)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "error", error)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "form_kept",
	         page_form_stash_cookie_present(r))) != APP_OK)
		return e;
	if (next != NULL && page_local_path_ok(*next) &&
	    (e = view_ctx_set_str(ctx, "next", *next)) != APP_OK)
		return e;
	return page_render(r, "login", "Logga in", ctx);
}

enum app_err
page_login_form(struct req *r)
{
	if (r->user != NULL && !r->user->via_token)
		return page_redirect(r, "/start");
	return page_login_render(r, STR_LIT(""), NULL);
}

enum app_err
page_login(struct req *r)
{
	const struct str *user = req_form(r, "anvandarnamn");
	const struct str *pass = req_form(r, "losenord");
	const struct str *next = req_form(r, "nasta");
	struct str u = user ? *user : STR_LIT("");
	const char *kept = NULL;
	long long id = 0;
	int code_due = 0;
	enum app_err e;

	if (user == NULL || pass == NULL || user->len == 0 || pass->len == 0 ||
	    user->len > 64 || pass->len > AUTH_PASSWORD_MAX) {
		r->resp.status = 400;
		return page_login_render(r, u.len > 64 ? STR_LIT("") : u,
		    "Fyll i både användarnamn och lösenord.");
	}
	e = auth_login(r, *user, *pass, &id);
	if (e == APP_EFORBIDDEN)
		return page_login_render(r, u, LOGIN_FAILED_MSG);
	if (e != APP_OK)
		return e;
	/* With a second factor, the password opens only the code page. */
	if ((e = mfa_due(r, id, &code_due)) != APP_OK)
		return e;
	if ((e = session_create(r, id, code_due)) != APP_OK ||
	    (e = audit_write(r, AUDIT_LOGIN, "staff", id, STR_LIT(""),
	         code_due ? STR_LIT("password; code due") : STR_LIT(""))) !=
	        APP_OK ||
	    (e = session_set_cookie(r, LOGIN_CSRF_COOKIE, STR_LIT(""), 0)) !=
	        APP_OK)
		return e;
	if (code_due)
		return page_redirect(r, "/logga-in/kod");
	if (r->user != NULL && r->user->must_change_password)
		return page_redirect(r, "/losenord");
	/* A form kept when the last session ended comes first. */
	if ((e = page_form_stash_after_login(r, &kept)) != APP_OK)
		return e;
	if (kept != NULL)
		return page_redirect(r, kept);
	if (next != NULL && page_local_path_ok(*next)) {
		char *loc = str_dup_cstr(r->a, *next);
		return loc ? page_redirect(r, loc) : APP_ENOMEM;
	}
	return page_redirect(r, "/start");
}

enum app_err
page_logout(struct req *r)
{
	enum app_err e;

	if ((e = audit_write(r, AUDIT_LOGOUT, "staff", r->user->id, STR_LIT(""),
	         STR_LIT(""))) != APP_OK ||
	    (e = session_end(r)) != APP_OK)
		return e;
	return page_redirect(r, "/");
}

enum app_err
page_logout_everywhere(struct req *r)
{
	enum app_err e;

	if ((e = audit_write(r, AUDIT_LOGOUT, "staff", r->user->id, STR_LIT(""),
	         STR_LIT("every session"))) != APP_OK ||
	    (e = session_end_others(r, r->user->id, 0)) != APP_OK ||
	    (e = session_end(r)) != APP_OK)
		return e;
	return page_redirect(r, "/");
}

static enum app_err
page_password_render(struct req *r, const struct auth_password_errors *pe)
{
	struct view_ctx *ctx;
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_bool(
	         ctx, "forced", r->user->must_change_password)) != APP_OK)
		return e;
	if (pe != NULL &&
	    ((e = view_ctx_set_bool(ctx, "has_errors", 1)) != APP_OK ||
	        (e = view_ctx_set_cstr(ctx, "error_current", pe->current)) !=
	            APP_OK ||
	        (e = view_ctx_set_cstr(ctx, "error_new", pe->next)) != APP_OK ||
	        (e = view_ctx_set_cstr(ctx, "error_repeat", pe->repeat)) !=
	            APP_OK))
		return e;
	return page_render(r, "password", "Byt lösenord", ctx);
}

enum app_err
page_password_form(struct req *r)
{
	return page_password_render(r, NULL);
}

enum app_err
page_password(struct req *r)
{
	struct auth_password_errors pe;
	const char *kept = NULL;
	int changed;
	enum app_err e;

	if ((e = auth_password_change(r, req_form(r, "nuvarande"),
	         req_form(r, "nytt"), req_form(r, "upprepa"), &pe, &changed)) !=
	    APP_OK)
		return e;
	if (!changed) {
		r->resp.status = 400;
		return page_password_render(r, &pe);
	}
	/* This session gets a new id too. */
	if ((e = session_create(r, r->user->id, 0)) != APP_OK ||
	    (e = page_form_stash_after_login(r, &kept)) != APP_OK)
		return e;
	return page_redirect(r, kept != NULL ? kept : "/start?losenord=bytt");
}

/* The start page's list of the user's insatser. */
static const struct bind_key start_insats_keys[] = {
	{ "name", "name" },
	{ "places", "places" },
};

enum app_err
page_start(struct req *r)
{
	struct staff_home home;
	struct staff_insats *ins;
	size_t nins;
	struct view_ctx *ctx;
	const struct str *changed = req_query(r, "losenord");
	enum app_err e;

	if ((e = staff_home(r, r->user->id, &home)) != APP_OK ||
	    (e = staff_assigned_insatser(r, r->user->id, &ins, &nins)) !=
	        APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_str(ctx, "organisation", home.organisation)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "parent_organisation",
	         home.parent_organisation)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "password_changed",
	         changed != NULL && str_eq_cstr(*changed, "bytt"))) != APP_OK)
		return e;
	if (nins > 0 &&
	    (e = bind_list(ctx, "insatser", &staff_insats_record,
	         start_insats_keys, BIND_N(start_insats_keys), ins, nins)) !=
	        APP_OK)
		return e;
	/* What happened since the last visit; for insats staff, what is
	 * late in their insatser. */
	if ((e = news_bind(r, ctx)) != APP_OK ||
	    (e = overdue_bind(r, ctx, 0)) != APP_OK)
		return e;
	/* ... and the follow-ups six months after the end that are due. */
	if ((e = followup_bind_start(r, ctx)) != APP_OK)
		return e;
	return page_render(r, "start", "Start", ctx);
}
