/* page_auth.c: logging in and out, passwords, the start page; see include/pages.h. */
#include "app_limits.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "page_form_stash.h"
#include "page_participation.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "sql_auth.h"
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
	{
		struct db_param t[1] = { DB_INT(id) };
		struct db_rows tr;

		if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_TOTP_GET, t, 1,
		         &tr)) != APP_OK)
			return e;
		code_due = tr.nrows == 1 && !db_cell_null(&tr, 0, 0);
	}
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

/* Errors of the password form, one per field (NULL when fine). */
struct password_errors {
	const char *current, *next, *repeat;
};

static enum app_err
page_password_render(struct req *r, const struct password_errors *pe)
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
	const struct str *cur = req_form(r, "nuvarande");
	const struct str *nw = req_form(r, "nytt");
	const struct str *rep = req_form(r, "upprepa");
	struct password_errors pe = { NULL, NULL, NULL };
	struct db_param p[2] = { DB_INT(r->user->id) };
	const char *kept = NULL;
	struct db_rows rows;
	struct str hash;
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_PASSWORD, p, 1,
	         &rows)) != APP_OK)
		return e;
	if (rows.nrows != 1)
		return APP_EFORBIDDEN;
	/* Guessing the current password from a stolen session counts
	 * toward the same lockout as guessing at the login form. */
	if (str_eq_cstr(db_cell(&rows, 0, 1), "1"))
		pe.current = "För många felaktiga försök. Vänta en stund och "
		             "försök igen.";
	else if (cur == NULL || db_cell_null(&rows, 0, 0) ||
	    !auth_verify(db_cell(&rows, 0, 0).p, *cur)) {
		struct db_param f[3] = { DB_INT(AUTH_LOCK_AFTER),
			DB_INT(AUTH_LOCK_MINUTES), DB_INT(r->user->id) };
		pe.current = "Det nuvarande lösenordet stämmer inte.";
		if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_LOGIN_FAILED,
		         f, 3, NULL)) != APP_OK ||
		    (e = audit_write(r, AUDIT_LOGIN_FAILED, "staff",
		         r->user->id, STR_LIT(""),
		         STR_LIT("wrong current password"))) != APP_OK)
			return e;
	}
	if (nw == NULL || nw->len == 0)
		pe.next = "Fyll i ett nytt lösenord.";
	else if ((pe.next = auth_password_problem(r->user->username, *nw)) ==
	        NULL &&
	    cur != NULL && str_eq(*cur, *nw))
		pe.next = "Välj ett annat lösenord än det nuvarande.";
	if (nw != NULL && (rep == NULL || !str_eq(*nw, *rep)))
		pe.repeat = "Lösenorden är inte lika.";
	if (pe.current || pe.next || pe.repeat) {
		r->resp.status = 400;
		return page_password_render(r, &pe);
	}
	if ((e = auth_hash(r, *nw, &hash)) != APP_OK)
		return e;
	p[0] = DB_STR(hash);
	p[1] = DB_INT(r->user->id);
	/* One change: the new password, every other session of the account
	 * ended, and the log row; then this session gets a new id too. */
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_SET_PASSWORD, p, 2,
	         NULL)) != APP_OK ||
	    (e = session_end_others(r, r->user->id, r->user->session_id)) !=
	        APP_OK ||
	    (e = audit_write(r, AUDIT_UPDATE, "staff", r->user->id, STR_LIT(""),
	         STR_LIT("password changed"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	if ((e = session_create(r, r->user->id, 0)) != APP_OK ||
	    (e = page_form_stash_after_login(r, &kept)) != APP_OK)
		return e;
	return page_redirect(r, kept != NULL ? kept : "/start?losenord=bytt");
}

enum app_err
page_start(struct req *r)
{
	struct db_param p[1] = { DB_INT(r->user->id) };
	struct db_rows org, ins;
	struct view_ctx *ctx;
	const struct str *changed = req_query(r, "losenord");
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_ORGANISATION, p, 1,
	         &org)) != APP_OK ||
	    (e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_INSATSER, p, 1,
	         &ins)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_str(ctx, "organisation", db_cell(&org, 0, 0))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "parent_organisation", db_cell(&org, 0, 1))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "password_changed",
	         changed != NULL && str_eq_cstr(*changed, "bytt"))) != APP_OK)
		return e;
	for (size_t i = 0; i < ins.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "insatser");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "name", db_cell(&ins, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "places", db_cell(&ins, i, 2))) !=
		        APP_OK)
			return e;
	}
	/* Insats staff see the summaries due to remittents that are late. */
	if ((r->user->roles & ROLE_BIT(ROLE_INSATSPERSONAL)) &&
	    (e = participation_start_overdue(r, ctx)) != APP_OK)
		return e;
	return page_render(r, "start", "Start", ctx);
}
