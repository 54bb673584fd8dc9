/* page_admin_account.c: the admin's account form, temporary password and
 * token; see include/page_admin.h. The rules are staff.h's. */
#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "bind.h"
#include "db.h"
#include "edit.h"
#include "form_registry.h"
#include "organisation.h"
#include "page_admin.h"
#include "page_create.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "staff.h"
#include "view.h"

#define MSG_ORG            "Välj en organisation i listan."
#define MSG_INSATS_UNKNOWN "Välj bland de listade insatserna."

enum {
	AF_USERNAME,
	AF_NAME,
	AF_EMAIL,
	AF_ORG,
	AF_ROLES,
	AF_INSATSER,
	AF_ACTIVE,
	AF__MAX
};

static const struct field_spec admin_account_spec[AF__MAX] = {
	[AF_USERNAME] = { "anvandarnamn", FT_TEXT, 2, 64, FF_REQUIRED, NULL },
	[AF_NAME] = { "namn", FT_TEXT, 1, 200, FF_REQUIRED, NULL },
	[AF_EMAIL] = { "epost", FT_TEXT, 0, 254, 0, NULL },
	[AF_ORG] = { "organisation", FT_INT, 1, 4294967295LL, FF_REQUIRED,
	    NULL },
	/* Bit i of the mask is ROLE_BIT(i): role_names is in enum order. */
	[AF_ROLES] = { "roll", FT_ENUM, 0, 0, FF_MULTI, role_names },
	[AF_INSATSER] = { "insats", FT_INT, 1, 4294967295LL, FF_MULTI, NULL },
	[AF_ACTIVE] = { "aktiv", FT_BOOL, 0, 0, 0, NULL },
};

/* ---- the form ---- */

/* Everything the account form shows: typed or stored values, errors. */
struct account_form {
	long long id; /* 0: a new account */
	struct staff_change c;
	struct str version; /* as the form carries it */
	struct str key;     /* a new one's one-time key (page_create.h) */
	const char *e_username, *e_name, *e_email, *e_org, *e_roles,
	    *e_insatser, *e_active;
	const char *action_error; /* a refused reset or token */
	const char *notice;       /* after a redirect: what was done */
	const char *conflict;     /* not saved: someone else saved */
	int has_stored;
	struct staff_account stored; /* for an existing one */
};

static int
admin_has_id(const long long *v, size_t n, long long id)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] == id)
			return 1;
	return 0;
}

/* The stored values of an account shown beside a conflict. */
static enum app_err
admin_account_current(struct req *r, struct view_ctx *ctx,
    const struct staff_account *st, const struct org_row *orgs, size_t norgs)
{
	const char *roles = role_list_labels(r, st->role_bits);
	enum app_err e;

	if (roles == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < norgs; i++)
		if (orgs[i].id == st->organisation_id &&
		    (e = view_ctx_set_str(ctx, "current_org", orgs[i].name)) !=
		        APP_OK)
			return e;
	if ((e = view_ctx_set_str(ctx, "current_name", st->display_name)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "current_email", st->email)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "current_roles", roles)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "current_active", st->active)) !=
	        APP_OK)
		return e;
	return APP_OK;
}

/* What an existing account's form offers: its password and token state,
 * and which actions the rules allow. */
static enum app_err
admin_account_actions(
    struct req *r, struct view_ctx *ctx, const struct account_form *f)
{
	const struct staff_account *st = &f->stored;
	int self = f->id == r->user->id;
	enum app_err e;

	if ((e = view_ctx_set_bool(ctx, "has_password", st->has_password)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "must_change", st->must_change_password)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_token", st->has_token)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "last_login", st->last_login)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_self", self)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "can_reset",
	         staff_password_reset_refusal(st->role_bits, self) == NULL)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "can_token",
	         staff_token_refusal(st->role_bits) == NULL)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "locked", st->locked)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "locked_until", st->locked_until)) !=
	        APP_OK ||
	    (e = view_ctx_set_int(ctx, "failed_logins", st->failed_logins)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "totp_on", st->totp_on)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "totp_pending", st->totp_pending)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "can_unlock",
	         staff_unlock_refusal(st->locked, st->failed_logins) ==
	             NULL)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "can_reset_totp",
	         staff_totp_reset_refusal(
	             st->totp_on, st->totp_pending, self) == NULL)) != APP_OK)
		return e;
	return APP_OK;
}

/* The role checkboxes and the insats checkboxes (inactive insatser only
 * while still assigned). */
static enum app_err
admin_account_choices(struct view_ctx *ctx, const struct account_form *f,
    const struct insats_row *ins, size_t nins)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "roles")) != APP_OK)
		return e;
	for (int i = 0; i < ROLE__MAX; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "roles");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(
		         it, "value", role_name((enum role)i))) != APP_OK ||
		    (e = view_ctx_set_cstr(
		         it, "label", role_label((enum role)i))) != APP_OK ||
		    (e = view_ctx_set_cstr(
		         it, "hint", role_hint((enum role)i))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "checked",
		         (f->c.roles & ROLE_BIT(i)) != 0)) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_list(ctx, "insatser")) != APP_OK)
		return e;
	for (size_t i = 0; i < nins; i++) {
		int checked =
		    admin_has_id(f->c.insatser, f->c.ninsatser, ins[i].id);
		struct view_ctx *it;

		if (!ins[i].active && !checked)
			continue;
		if ((it = view_ctx_list_add(ctx, "insatser")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(it, "id", ins[i].id)) != APP_OK ||
		    (e = view_ctx_set_str(it, "name", ins[i].name)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "checked", checked)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "inactive", !ins[i].active)) !=
		        APP_OK)
			return e;
	}
	return APP_OK;
}

static enum app_err
admin_account_render(struct req *r, const struct account_form *f)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct insats_row *ins;
	struct org_row *orgs;
	size_t nins, norgs;
	struct buf action;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = insats_list(r, &ins, &nins)) != APP_OK ||
	    (e = org_list(r, &orgs, &norgs)) != APP_OK)
		return e;
	buf_init(&action, r->a);
	if (f->id == 0)
		e = buf_puts(&action, "/admin/konton/ny");
	else
		e = buf_printf(&action, "/admin/konton/%lld", f->id);
	if (e != APP_OK)
		return e;
	if ((e = page_form_limits(r, ctx, admin_account_spec, AF__MAX)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_new", f->id == 0)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "id", f->id)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "action", buf_str(&action))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "username", f->c.username)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "name", f->c.display_name)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "email", f->c.email)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "active", f->c.active)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "version", f->version)) != APP_OK ||
	    (e = page_form_error(ctx, "error_username", f->e_username)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "error_name", f->e_name)) != APP_OK ||
	    (e = page_form_error(ctx, "error_email", f->e_email)) != APP_OK ||
	    (e = page_form_error(ctx, "error_org", f->e_org)) != APP_OK ||
	    (e = page_form_error(ctx, "error_roles", f->e_roles)) != APP_OK ||
	    (e = page_form_error(ctx, "error_insatser", f->e_insatser)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "error_active", f->e_active)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "action_error", f->action_error)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", f->notice)) != APP_OK ||
	    (e = admin_org_options(r, ctx, "orgs", orgs, norgs,
	         f->c.organisation_id, 0)) != APP_OK)
		return e;
	if (f->conflict != NULL &&
	    ((e = view_ctx_set_cstr(ctx, "conflict", f->conflict)) != APP_OK ||
	        (e = admin_account_current(r, ctx, &f->stored, orgs, norgs)) !=
	            APP_OK))
		return e;
	if ((f->has_stored &&
	        (e = admin_account_actions(r, ctx, f)) != APP_OK) ||
	    (f->id == 0 && (e = page_create_bind(r, ctx, f->key)) != APP_OK))
		return e;
	if ((e = admin_account_choices(ctx, f, ins, nins)) != APP_OK)
		return e;
	return page_render(r, "admin_konto",
	    f->id == 0 ? "Nytt konto" : "Redigera konto", ctx);
}

/* Load account id into f->stored; *found 0 when there is none. */
static enum app_err
admin_account_stored(
    struct req *r, long long id, struct account_form *f, int *found)
{
	enum app_err e;

	if ((e = staff_get(r, id, 0, &f->stored, found)) != APP_OK)
		return e;
	f->has_stored = *found;
	return APP_OK;
}

/* Load account id and fill f with its stored values. */
static enum app_err
admin_account_load(struct req *r, long long id, struct account_form *f)
{
	long long *ins;
	int found;
	enum app_err e;

	*f = (struct account_form){ .id = id };
	if ((e = admin_account_stored(r, id, f, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	f->c.username = f->stored.username;
	f->c.display_name = f->stored.display_name;
	f->c.email = f->stored.email;
	f->c.organisation_id = f->stored.organisation_id;
	f->c.roles = f->stored.role_bits;
	f->c.active = f->stored.active;
	f->version = admin_version_str(r, f->stored.version);
	if ((e = staff_insatser(r, id, &ins, &f->c.ninsatser)) != APP_OK)
		return e;
	f->c.insatser = ins;
	return APP_OK;
}

enum app_err
page_admin_account_new(struct req *r)
{
	struct account_form f = { 0 };

	f.c.active = 1;
	return admin_account_render(r, &f);
}

enum app_err
page_admin_account(struct req *r)
{
	struct account_form f;
	enum app_err e;
	long long id;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_account_load(r, id, &f)) != APP_OK)
		return e;
	if (req_query(r, "sparat") != NULL)
		f.notice = "Ändringarna är sparade.";
	else if (req_query(r, "upplast") != NULL)
		f.notice =
		    "Kontot är upplåst. Lösenordet är detsamma som förut.";
	else if (req_query(r, "tvastegs_av") != NULL)
		f.notice =
		    "Tvåstegsverifieringen är återställd och kontots "
		    "inloggningar avslutade. Personen loggar in med sitt "
		    "lösenord och kan slå på den igen.";
	else if (req_query(r, "inte_last") != NULL)
		f.action_error = staff_unlock_refusal(0, 0);
	else if (req_query(r, "tvastegs_ej") != NULL)
		f.action_error = staff_totp_reset_refusal(0, 0, 0);
	else if (req_query(r, "tvastegs_egen") != NULL)
		f.action_error = staff_totp_reset_refusal(0, 0, 1);
	else if (req_query(r, "skapat") != NULL)
		f.notice = "Kontot är skapat. Skapa en token nedan så att "
		           "integrationen kan logga in.";
	else if (req_query(r, "redan") != NULL) /* a create sent again */
		f.notice = "Kontot skapades när formuläret skickades första "
		           "gången. Det tillfälliga lösenordet visades då och "
		           "visas inte igen: ge kontot ett nytt nedan om ingen "
		           "fick det.";
	return admin_account_render(r, &f);
}

/* The ticked insatser into f: every one must exist. */
static enum app_err
admin_account_read_insatser(struct req *r, struct account_form *f)
{
	struct insats_row *list;
	size_t nlist;
	long long *ins;
	enum app_err e;

	if ((ins = arena_calloc(r->a, r->form.n + 1, sizeof(*ins))) == NULL)
		return APP_ENOMEM;
	f->c.insatser = ins;
	f->c.ninsatser = 0;
	if ((e = insats_list(r, &list, &nlist)) != APP_OK)
		return e;
	for (size_t k = 0; k < r->form.n; k++) {
		long long id;
		int known = 0;

		if (!str_eq_cstr(r->form.v[k].key, "insats"))
			continue;
		id = str_to_ll(str_trim_blanks(r->form.v[k].val));
		for (size_t i = 0; i < nlist; i++)
			known |= list[i].id == id;
		if (!known) {
			if (f->e_insatser == NULL)
				f->e_insatser = MSG_INSATS_UNKNOWN;
			continue;
		}
		if (!admin_has_id(ins, f->c.ninsatser, id))
			ins[f->c.ninsatser++] = id;
	}
	return APP_OK;
}

/*
 * Validate the posted account form into f (typed values kept). For an
 * existing account (f->id set, f->stored loaded) there is no user name
 * and the active box counts. Returns the number of errors in *nerr.
 */
static enum app_err
admin_account_read(struct req *r, struct account_form *f, size_t *nerr)
{
	struct field_val fv[AF__MAX];
	size_t n = 0, first = f->id == 0 ? AF_USERNAME : AF_NAME;
	const struct field_spec *spec = admin_account_spec;
	int self = f->id != 0 && f->id == r->user->id;
	struct org_row *orgs;
	size_t norgs;
	enum app_err e;

	if ((e = form_validate(r->a, &r->form, spec + first, AF__MAX - first,
	         fv + first, &n)) != APP_OK)
		return e;
	f->c.display_name = fv[AF_NAME].s;
	f->c.email = fv[AF_EMAIL].s;
	f->c.organisation_id = fv[AF_ORG].ok ? fv[AF_ORG].i : 0;
	f->c.roles = fv[AF_ROLES].ok ? (unsigned)fv[AF_ROLES].i : 0;
	f->c.active = f->id == 0 ? 1 : (int)fv[AF_ACTIVE].i;
	f->e_name = fv[AF_NAME].error;
	f->e_email = fv[AF_EMAIL].error;
	f->e_org = fv[AF_ORG].error;
	f->e_roles = fv[AF_ROLES].error;
	f->e_insatser = fv[AF_INSATSER].error;
	if (f->id == 0) {
		f->c.username = str_lower_ascii(r->a, fv[AF_USERNAME].s);
		f->e_username = fv[AF_USERNAME].error;
		if (f->e_username == NULL && !staff_username_ok(f->c.username))
			f->e_username = STAFF_MSG_USERNAME;
	}
	if (f->e_email == NULL && f->c.email.len > 0 &&
	    !staff_email_ok(f->c.email))
		f->e_email = STAFF_MSG_EMAIL;
	if (f->e_org == NULL) {
		if ((e = org_list(r, &orgs, &norgs)) != APP_OK)
			return e;
		if (!org_selectable(orgs, norgs, f->c.organisation_id,
		        f->has_stored ? f->stored.organisation_id : 0, 0))
			f->e_org = MSG_ORG;
	}
	if (f->e_roles == NULL)
		f->e_roles = staff_roles_problem(f->c.roles, self);
	if (f->id != 0)
		f->e_active = staff_active_problem(f->c.active, self);
	if ((e = admin_account_read_insatser(r, f)) != APP_OK)
		return e;
	if (f->e_insatser == NULL)
		f->e_insatser =
		    staff_insatser_problem(f->c.roles, f->c.ninsatser);

	*nerr = (f->e_username != NULL) + (f->e_name != NULL) +
	    (f->e_email != NULL) + (f->e_org != NULL) + (f->e_roles != NULL) +
	    (f->e_insatser != NULL) + (f->e_active != NULL);
	return APP_OK;
}

/* A short English audit detail: the roles and state after the change. */
static const char *
admin_account_detail(
    struct req *r, const char *what, const struct account_form *f)
{
	struct buf b;

	buf_init(&b, r->a);
	if (buf_printf(&b, "%s; roles:", what) != APP_OK)
		return "";
	for (int i = 0; i < ROLE__MAX; i++)
		if ((f->c.roles & ROLE_BIT(i)) &&
		    buf_printf(&b, " %s", role_name((enum role)i)) != APP_OK)
			return "";
	if (buf_printf(&b, "; insatser: %zu; org %lld; active %d",
	        f->c.ninsatser, f->c.organisation_id, f->c.active) != APP_OK)
		return "";
	return b.p;
}

/* The page that shows a new password or token once. */
static enum app_err
admin_secret_render(struct req *r, long long id, struct str username,
    int is_token, int is_new, struct str secret)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_int(ctx, "id", id)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "username", username)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_token", is_token)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_new", is_new)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "secret", secret)) != APP_OK)
		return e;
	return page_render(r, "admin_hemlighet",
	    is_token ? "Ny token" : "Tillfälligt lösenord", ctx);
}

enum app_err
page_admin_account_create(struct req *r)
{
	struct account_form f = { .key = page_create_key(r) };
	struct str pw = STR_LIT(""), hash = STR_NULL;
	long long id = 0;
	size_t nerr;
	struct buf loc;
	int integration, answered;
	enum app_err e;

	if ((e = admin_account_read(r, &f, &nerr)) != APP_OK)
		return e;
	if (page_create_bad(f.key)) {
		r->resp.status = 400;
		return admin_account_render(r, &f);
	}
	if ((e = page_create_begin(r, f.key, "/admin/konton", &answered)) !=
	        APP_OK ||
	    answered)
		return e;
	if (nerr > 0) {
		db_rollback(r->db);
		r->resp.status = 400;
		return admin_account_render(r, &f);
	}
	/* An integration account logs in with a token, never a password. */
	integration = staff_is_integration(f.c.roles);
	if (!integration &&
	    ((pw = auth_temp_password(r)).p == NULL ||
	        (e = auth_hash(r, pw, &hash)) != APP_OK)) {
		db_rollback(r->db);
		return pw.p == NULL ? APP_ENOMEM : e;
	}
	e = staff_insert(r, &f.c, hash, &id);
	if (e == APP_EDUP) {
		db_rollback(r->db);
		f.e_username = STAFF_MSG_USERNAME_TAKEN;
		r->resp.status = 400;
		return admin_account_render(r, &f);
	}
	/* A retry lands on the account: the password is shown only now. */
	buf_init(&loc, r->a);
	if (e != APP_OK ||
	    (e = audit_write(r, AUDIT_ADMIN, "staff", id, STR_LIT(""),
	         str_cstr(admin_account_detail(r, "account created", &f)))) !=
	        APP_OK ||
	    (e = buf_printf(&loc, "/admin/konton/%lld?%s=1", id,
	         integration ? "skapat" : "redan")) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	if ((e = page_create_commit(r, f.key, buf_str(&loc))) != APP_OK)
		return e;
	if (integration)
		return page_redirect(r, loc.p);
	return admin_secret_render(r, id, f.c.username, 0, 1, pw);
}

/* The versioned edit of an account (edit.h): lock its row, then save. */
static enum app_err
admin_account_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct account_form *f = state;
	struct staff_account now;
	int found;
	enum app_err e;

	if ((e = staff_get(r, f->id, 1, &now, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	lock->version = now.version;
	return APP_OK;
}

static enum app_err
admin_account_write(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct account_form *f = state;
	enum app_err e;

	(void)lock;
	if ((e = staff_update(r, f->id, &f->c)) != APP_OK)
		return e;
	/* A deactivated account is logged out everywhere at once. */
	if (!f->c.active && (e = session_end_others(r, f->id, 0)) != APP_OK)
		return e;
	*changed = 1; /* every save is logged */
	return APP_OK;
}

static const struct edit_ops admin_account_ops = {
	admin_account_lock,
	admin_account_write,
};

enum app_err
page_admin_account_save(struct req *r)
{
	const struct str *version = req_form(r, "version");
	struct account_form f;
	enum edit_result res;
	long long id;
	size_t nerr;
	int found;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_account_load(r, id, &f)) != APP_OK ||
	    (e = admin_account_read(r, &f, &nerr)) != APP_OK)
		return e;
	if (version != NULL)
		f.version = *version;
	if (nerr > 0) {
		r->resp.status = 400;
		return admin_account_render(r, &f);
	}
	if ((e = admin_edit_run(r, &admin_account_ops, &f, "staff", id,
	         admin_account_detail(r, "account updated", &f), &res)) !=
	    APP_OK)
		return e;
	if (res == EDIT_SAVED)
		return admin_saved(r, "/admin/konton", id);
	/* Not saved: keep what was typed, show what is stored, and let a
	 * second save win (a stale form takes the current version). */
	if ((e = admin_account_stored(r, id, &f, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if (res == EDIT_STALE)
		f.version = admin_version_str(r, f.stored.version);
	f.conflict = admin_edit_message(res);
	r->resp.status = 409;
	return admin_account_render(r, &f);
}

/* Re-render account id's form with a refused action's message. */
static enum app_err
admin_account_refuse(struct req *r, struct account_form *f, const char *msg)
{
	f->action_error = msg;
	r->resp.status = 400;
	return admin_account_render(r, f);
}

enum app_err
page_admin_account_password(struct req *r)
{
	struct account_form f;
	struct str pw, hash;
	const char *refusal;
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_account_load(r, id, &f)) != APP_OK)
		return e;
	if ((refusal = staff_password_reset_refusal(
	         f.stored.role_bits, id == r->user->id)) != NULL)
		return admin_account_refuse(r, &f, refusal);
	if ((pw = auth_temp_password(r)).p == NULL)
		return APP_ENOMEM;
	if ((e = auth_hash(r, pw, &hash)) != APP_OK)
		return e;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = staff_set_temp_password(r, id, hash)) != APP_OK ||
	    (e = session_end_others(r, id, 0)) != APP_OK ||
	    (e = audit_write(r, AUDIT_ADMIN, "staff", id, STR_LIT(""),
	         STR_LIT("password reset by admin"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return admin_secret_render(r, id, f.c.username, 0, 0, pw);
}

enum app_err
page_admin_account_token(struct req *r)
{
	struct account_form f;
	unsigned char hash[32];
	const char *refusal;
	struct str tok;
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_account_load(r, id, &f)) != APP_OK)
		return e;
	if ((refusal = staff_token_refusal(f.stored.role_bits)) != NULL)
		return admin_account_refuse(r, &f, refusal);
	if ((tok = session_random_hex(r, SESSION_TOKEN_BYTES)).p == NULL)
		return APP_ENOMEM;
	session_token_hash(tok, hash);
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = staff_set_token(r, id, hash)) != APP_OK ||
	    (e = audit_write(r, AUDIT_ADMIN, "staff", id, STR_LIT(""),
	         STR_LIT("new api token"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return admin_secret_render(r, id, f.c.username, 1, 0, tok);
}

static const struct form_def admin_forms[] = {
	{ "POST /admin/konton/ny", "admin_konto", admin_account_spec, AF__MAX },
	{ "POST /admin/konton/:id", "admin_konto", admin_account_spec,
	    AF__MAX },
};

const struct form_def *
page_admin_forms(size_t *n)
{
	*n = sizeof(admin_forms) / sizeof(admin_forms[0]);
	return admin_forms;
}
