/* page_admin.c: the admin overview and the accounts; see include/page_admin.h. */
#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "form_registry.h"
#include "page_admin.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "sql_admin.h"
#include "view.h"

#define MSG_USERNAME                                                                 \
	"Användarnamnet får bara innehålla a–z, 0–9, punkt, understreck och " \
	"bindestreck, och måste börja med en bokstav eller siffra."
#define MSG_USERNAME_TAKEN "Användarnamnet är upptaget."
#define MSG_EMAIL          "Ange en giltig e-postadress, till exempel namn@exempel.se."
#define MSG_ORG            "Välj en organisation i listan."
#define MSG_ROLES_NONE     "Välj minst en roll."
#define MSG_ROLES_INTEGR   "Integration kan inte kombineras med andra roller."
#define MSG_ROLES_SELF     "Du kan inte ta bort din egen administratörsroll."
#define MSG_INSATS_UNKNOWN "Välj bland de listade insatserna."
#define MSG_INSATS_ROLE                                                        \
	"Insatser kan bara väljas för konton med rollen insatspersonal."
#define MSG_ACTIVE_SELF "Du kan inte inaktivera ditt eget konto."

/* Role names as the form sends them, in enum role order, so that bit i of
 * the FF_MULTI mask is ROLE_BIT(i). */
static const char *const admin_role_choices[ROLE__MAX + 1] = {
	[ROLE_REMITTENT] = "remittent",
	[ROLE_INSATSPERSONAL] = "insatspersonal",
	[ROLE_FORBUND] = "forbund",
	[ROLE_ADMIN] = "admin",
	[ROLE_INTEGRATION] = "integration",
	[ROLE__MAX] = NULL,
};

static const char *const admin_role_labels[ROLE__MAX] = {
	[ROLE_REMITTENT] = "Remittent",
	[ROLE_INSATSPERSONAL] = "Insatspersonal",
	[ROLE_FORBUND] = "Förbundet",
	[ROLE_ADMIN] = "Administratör",
	[ROLE_INTEGRATION] = "Integration",
};

static const char *const admin_role_hints[ROLE__MAX] = {
	[ROLE_REMITTENT] = "gör ansökningar och följer sina egna ärenden",
	[ROLE_INSATSPERSONAL] = "arbetar i de insatser som väljs nedan",
	[ROLE_FORBUND] = "ser bara sammanställningar, aldrig enskilda personer",
	[ROLE_ADMIN] = "konton, organisationer, insatser och åtkomstloggen",
	[ROLE_INTEGRATION] = "SUS-jobbet: loggar in med token, inget lösenord",
};

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
	[AF_ROLES] = { "roll", FT_ENUM, 0, 0, FF_MULTI, admin_role_choices },
	[AF_INSATSER] = { "insats", FT_INT, 1, 4294967295LL, FF_MULTI, NULL },
	[AF_ACTIVE] = { "aktiv", FT_BOOL, 0, 0, 0, NULL },
};

/* Columns of SQL_ADMIN_STAFF_GET. */
enum {
	SG_ID,
	SG_USERNAME,
	SG_NAME,
	SG_EMAIL,
	SG_ORG,
	SG_ACTIVE,
	SG_ROLES,
	SG_VERSION,
	SG_HAS_PASSWORD,
	SG_MUST_CHANGE,
	SG_HAS_TOKEN,
	SG_LAST_LOGIN
};

/* ---- shared helpers (page_admin.h) ---- */

enum app_err
admin_lock_version(struct req *r, unsigned stmt, long long id,
    struct str version, int *current)
{
	struct db_param p[1] = { DB_INT(id) };
	struct db_rows lock;
	enum app_err e;

	*current = 0;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = db_exec(r->db, r->a, DB_ADMIN, stmt, p, 1, &lock)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	*current = lock.nrows == 1 && str_eq(version, db_cell(&lock, 0, 0));
	if (!*current)
		db_rollback(r->db);
	return APP_OK;
}

struct str
admin_value(
    struct req *r, const struct field_spec *spec, const struct field_val *v)
{
	struct buf b;

	/* A checked integer is saved as checked ("007" is 7), never by
	 * parsing the typed text again. */
	if (spec->type != FT_INT || !v->present || !v->ok)
		return v->s;
	buf_init(&b, r->a);
	if (buf_printf(&b, "%lld", v->i) != APP_OK)
		return v->s;
	return buf_str(&b);
}

enum app_err
admin_ctx_field(struct view_ctx *ctx, const char *val_key, const char *err_key,
    const struct field_val *fv)
{
	enum app_err e;

	if ((e = view_ctx_set_str(ctx, val_key, fv->s)) != APP_OK)
		return e;
	if (fv->ok)
		return APP_OK;
	if ((e = view_ctx_set_cstr(ctx, err_key, fv->error)) != APP_OK)
		return e;
	return view_ctx_set_bool(ctx, "has_errors", 1);
}

enum app_err
admin_org_options(struct req *r, struct view_ctx *ctx, const char *key,
    long long selected_id, int top_only)
{
	struct db_rows rows;
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_ORG_LIST, NULL, 0,
	         &rows)) != APP_OK)
		return e;
	if ((e = view_ctx_set_list(ctx, key)) != APP_OK)
		return e;
	for (size_t i = 0; i < rows.nrows; i++) {
		long long id = str_to_ll(db_cell(&rows, i, 0));
		int active = str_to_ll(db_cell(&rows, i, 7)) != 0;
		int child = db_cell(&rows, i, 4).len > 0;
		struct view_ctx *it;
		struct buf label;

		if ((!active && id != selected_id) || (top_only && child))
			continue;
		buf_init(&label, r->a);
		if ((child &&
		        ((e = buf_append(&label, db_cell(&rows, i, 5).p,
		              db_cell(&rows, i, 5).len)) != APP_OK ||
		            (e = buf_puts(&label, " – ")) != APP_OK)) ||
		    (e = buf_append(&label, db_cell(&rows, i, 1).p,
		         db_cell(&rows, i, 1).len)) != APP_OK ||
		    (!active && (e = buf_puts(&label, " (inaktiv)")) != APP_OK))
			return e;
		if ((it = view_ctx_list_add(ctx, key)) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(it, "id", id)) != APP_OK ||
		    (e = view_ctx_set_str(it, "label", buf_str(&label))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(
		         it, "selected", id == selected_id)) != APP_OK)
			return e;
	}
	return APP_OK;
}

int
admin_org_exists(struct req *r, long long id, long long keep_id, int top_only,
    enum app_err *e)
{
	struct db_rows rows;

	if ((*e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_ORG_LIST, NULL, 0,
	         &rows)) != APP_OK)
		return 0;
	for (size_t i = 0; i < rows.nrows; i++) {
		if (str_to_ll(db_cell(&rows, i, 0)) != id)
			continue;
		if (top_only && db_cell(&rows, i, 4).len > 0)
			return 0;
		return id == keep_id || str_to_ll(db_cell(&rows, i, 7));
	}
	return 0;
}

struct str
admin_temp_password(struct req *r)
{
	struct str hex = session_random_hex(r, 8);
	char *p;
	size_t k = 0;

	if (hex.p == NULL || (p = arena_alloc(r->a, 20)) == NULL)
		return STR_NULL;
	for (size_t i = 0; i < hex.len; i++) {
		if (i > 0 && i % 4 == 0)
			p[k++] = '-';
		p[k++] = hex.p[i];
	}
	p[k] = '\0';
	return (struct str){ p, k };
}

/* ---- the overview ---- */

enum app_err
page_admin(struct req *r)
{
	struct view_ctx *ctx = view_ctx_new(r->a);

	if (ctx == NULL)
		return APP_ENOMEM;
	return page_render(r, "admin", "Administration", ctx);
}

/* ---- accounts ---- */

/* The Swedish labels of a role set, comma-separated. Arena. */
static enum app_err
admin_roles_label(struct req *r, unsigned roles, struct str *out)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	for (int i = 0; i < ROLE__MAX; i++) {
		if (!(roles & ROLE_BIT(i)))
			continue;
		if ((b.len > 0 && (e = buf_puts(&b, ", ")) != APP_OK) ||
		    (e = buf_puts(&b, admin_role_labels[i])) != APP_OK)
			return e;
	}
	if ((e = buf_puts(&b, "")) != APP_OK)
		return e;
	*out = buf_str(&b);
	return APP_OK;
}

enum app_err
page_admin_accounts(struct req *r)
{
	const struct str *show = req_query(r, "visa");
	struct db_param p[2] = { DB_INT(1), DB_INT(0) };
	int filter = 0; /* 0 every account, 1 active, 2 inactive */
	struct view_ctx *ctx;
	struct db_rows rows;
	enum app_err e;

	if (show != NULL && str_eq_cstr(*show, "aktiva")) {
		p[1] = DB_INT(1);
		filter = 1;
	} else if (show != NULL && str_eq_cstr(*show, "inaktiva")) {
		p[0] = DB_INT(0);
		filter = 2;
	}
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_LIST, p, 2,
	         &rows)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_bool(ctx, "show_all", filter == 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "show_active", filter == 1)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "show_inactive", filter == 2)) !=
	        APP_OK ||
	    (e = view_ctx_set_int(ctx, "count", (long long)rows.nrows)) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "accounts")) != APP_OK)
		return e;
	for (size_t i = 0; i < rows.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "accounts");
		struct str roles;

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = admin_roles_label(
		         r, role_parse_list(db_cell(&rows, i, 6)), &roles)) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "id", db_cell(&rows, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(
		         it, "username", db_cell(&rows, i, 1))) != APP_OK ||
		    (e = view_ctx_set_str(it, "name", db_cell(&rows, i, 2))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "org", db_cell(&rows, i, 3))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(
		         it, "parent_org", db_cell(&rows, i, 4))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "active",
		         str_to_ll(db_cell(&rows, i, 5)) != 0)) != APP_OK ||
		    (e = view_ctx_set_str(it, "roles", roles)) != APP_OK)
			return e;
	}
	return page_render(r, "admin_konton", "Konton", ctx);
}

/* Everything the account form shows: typed or stored values, errors. */
struct account_form {
	long long id; /* 0: a new account */
	struct str username, name, email;
	long long org_id;
	unsigned roles;
	const long long *insatser;
	size_t ninsatser;
	int active;
	struct str version;
	const char *e_username, *e_name, *e_email, *e_org, *e_roles,
	    *e_insatser, *e_active;
	const char *action_error;     /* a refused reset or token */
	const char *notice;           /* after a redirect: what was done */
	int conflict;                 /* someone else saved meanwhile */
	const struct db_rows *stored; /* STAFF_GET row, for an existing one */
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
    const struct db_rows *st, const struct db_rows *orgs)
{
	struct str roles;
	enum app_err e;

	if ((e = admin_roles_label(r, role_parse_list(db_cell(st, 0, SG_ROLES)),
	         &roles)) != APP_OK)
		return e;
	for (size_t i = 0; i < orgs->nrows; i++)
		if (str_eq(db_cell(orgs, i, 0), db_cell(st, 0, SG_ORG)) &&
		    (e = view_ctx_set_str(
		         ctx, "current_org", db_cell(orgs, i, 1))) != APP_OK)
			return e;
	if ((e = view_ctx_set_str(
	         ctx, "current_name", db_cell(st, 0, SG_NAME))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "current_email", db_cell(st, 0, SG_EMAIL))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "current_roles", roles)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "current_active",
	         str_to_ll(db_cell(st, 0, SG_ACTIVE)) != 0)) != APP_OK)
		return e;
	return APP_OK;
}

static enum app_err
admin_account_render(struct req *r, const struct account_form *f)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct db_rows ins, orgs;
	struct buf action;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_INSATS_LIST, NULL, 0,
	         &ins)) != APP_OK ||
	    (e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_ORG_LIST, NULL, 0,
	         &orgs)) != APP_OK)
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
	    (e = view_ctx_set_str(ctx, "username", f->username)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "name", f->name)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "email", f->email)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "active", f->active)) != APP_OK ||
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
	    (e = admin_org_options(r, ctx, "orgs", f->org_id, 0)) != APP_OK)
		return e;
	if (f->conflict &&
	    ((e = view_ctx_set_cstr(ctx, "conflict", ADMIN_CONFLICT_MSG)) !=
	            APP_OK ||
	        (e = admin_account_current(r, ctx, f->stored, &orgs)) !=
	            APP_OK))
		return e;
	if (f->stored != NULL) {
		const struct db_rows *st = f->stored;
		unsigned sroles = role_parse_list(db_cell(st, 0, SG_ROLES));
		int self = f->id == r->user->id;

		if ((e = view_ctx_set_bool(ctx, "has_password",
		         str_to_ll(db_cell(st, 0, SG_HAS_PASSWORD)))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(ctx, "must_change",
		         str_to_ll(db_cell(st, 0, SG_MUST_CHANGE)))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(ctx, "has_token",
		         str_to_ll(db_cell(st, 0, SG_HAS_TOKEN)))) != APP_OK ||
		    (e = view_ctx_set_str(ctx, "last_login",
		         db_cell(st, 0, SG_LAST_LOGIN))) != APP_OK ||
		    (e = view_ctx_set_bool(ctx, "is_self", self)) != APP_OK ||
		    (e = view_ctx_set_bool(ctx, "can_reset",
		         !self && sroles != ROLE_BIT(ROLE_INTEGRATION))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(ctx, "can_token",
		         (sroles & ROLE_BIT(ROLE_INTEGRATION)) != 0)) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_list(ctx, "roles")) != APP_OK)
		return e;
	for (int i = 0; i < ROLE__MAX; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "roles");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(
		         it, "value", admin_role_choices[i])) != APP_OK ||
		    (e = view_ctx_set_cstr(
		         it, "label", admin_role_labels[i])) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "hint", admin_role_hints[i])) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "checked",
		         (f->roles & ROLE_BIT(i)) != 0)) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_list(ctx, "insatser")) != APP_OK)
		return e;
	for (size_t i = 0; i < ins.nrows; i++) {
		long long iid = str_to_ll(db_cell(&ins, i, 0));
		int checked = admin_has_id(f->insatser, f->ninsatser, iid);
		struct view_ctx *it;

		/* Inactive insatser only while still assigned. */
		if (!str_to_ll(db_cell(&ins, i, 7)) && !checked)
			continue;
		if ((it = view_ctx_list_add(ctx, "insatser")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(it, "id", iid)) != APP_OK ||
		    (e = view_ctx_set_str(it, "name", db_cell(&ins, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "checked", checked)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "inactive",
		         !str_to_ll(db_cell(&ins, i, 7)))) != APP_OK)
			return e;
	}
	return page_render(r, "admin_konto",
	    f->id == 0 ? "Nytt konto" : "Redigera konto", ctx);
}

/* The account's insatser from the database. */
static enum app_err
admin_account_insatser(
    struct req *r, long long id, const long long **out, size_t *n)
{
	struct db_param p[1] = { DB_INT(id) };
	struct db_rows rows;
	long long *v;
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_INSATSER, p, 1,
	         &rows)) != APP_OK)
		return e;
	if ((v = arena_calloc(r->a, rows.nrows + 1, sizeof(*v))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < rows.nrows; i++)
		v[i] = str_to_ll(db_cell(&rows, i, 0));
	*out = v;
	*n = rows.nrows;
	return APP_OK;
}

/* Load account id into rows and fill f with its stored values. */
static enum app_err
admin_account_load(
    struct req *r, long long id, struct db_rows *rows, struct account_form *f)
{
	struct db_param p[1] = { DB_INT(id) };
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_GET, p, 1,
	         rows)) != APP_OK)
		return e;
	if (rows->nrows != 1)
		return APP_ENOTFOUND;
	*f = (struct account_form){ 0 };
	f->id = id;
	f->stored = rows;
	f->username = db_cell(rows, 0, SG_USERNAME);
	f->name = db_cell(rows, 0, SG_NAME);
	f->email = db_cell(rows, 0, SG_EMAIL);
	f->org_id = str_to_ll(db_cell(rows, 0, SG_ORG));
	f->roles = role_parse_list(db_cell(rows, 0, SG_ROLES));
	f->active = str_to_ll(db_cell(rows, 0, SG_ACTIVE)) != 0;
	f->version = db_cell(rows, 0, SG_VERSION);
	return admin_account_insatser(r, id, &f->insatser, &f->ninsatser);
}

enum app_err
page_admin_account_new(struct req *r)
{
	struct account_form f = { 0 };

	f.active = 1;
	return admin_account_render(r, &f);
}

enum app_err
page_admin_account(struct req *r)
{
	struct account_form f;
	struct db_rows rows;
	enum app_err e;
	long long id;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_account_load(r, id, &rows, &f)) != APP_OK)
		return e;
	if (req_query(r, "sparat") != NULL)
		f.notice = "Ändringarna är sparade.";
	else if (req_query(r, "skapat") != NULL)
		f.notice = "Kontot är skapat. Skapa en token nedan så att "
		           "integrationen kan logga in.";
	return admin_account_render(r, &f);
}

static int
admin_username_ok(struct str s)
{
	if (s.len < 2 || s.len > 64)
		return 0;
	for (size_t i = 0; i < s.len; i++) {
		char c = s.p[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-')))
			return 0;
	}
	return 1;
}

/* Lower-case ASCII letters (the schema keeps user names lower-case). */
static struct str
admin_lower(struct req *r, struct str s)
{
	char *p = arena_memdup(r->a, s.p, s.len);

	if (p == NULL)
		return s;
	for (size_t i = 0; i < s.len; i++)
		if (p[i] >= 'A' && p[i] <= 'Z')
			p[i] = (char)(p[i] - 'A' + 'a');
	return (struct str){ p, s.len };
}

static int
admin_email_ok(struct str s)
{
	size_t at = 0, nat = 0, dot_after = 0;

	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.p[i];
		if (c <= ' ' || c == '<' || c == '>' || c == '"' || c == ',')
			return 0;
		if (c == '@') {
			at = i;
			nat++;
		} else if (c == '.' && nat == 1 && i > at + 1 && i + 1 < s.len)
			dot_after = 1;
	}
	return nat == 1 && at > 0 && dot_after;
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
	long long *ins;
	struct db_rows list;
	enum app_err e;

	if ((e = form_validate(r->a, &r->form, spec + first, AF__MAX - first,
	         fv + first, &n)) != APP_OK)
		return e;
	f->name = fv[AF_NAME].s;
	f->email = fv[AF_EMAIL].s;
	f->org_id = fv[AF_ORG].ok ? fv[AF_ORG].i : 0;
	f->roles = fv[AF_ROLES].ok ? (unsigned)fv[AF_ROLES].i : 0;
	f->active = f->id == 0 ? 1 : (int)fv[AF_ACTIVE].i;
	f->e_name = fv[AF_NAME].error;
	f->e_email = fv[AF_EMAIL].error;
	f->e_org = fv[AF_ORG].error;
	f->e_roles = fv[AF_ROLES].error;
	f->e_insatser = fv[AF_INSATSER].error;
	if (f->id == 0) {
		f->username = admin_lower(r, fv[AF_USERNAME].s);
		f->e_username = fv[AF_USERNAME].error;
		if (f->e_username == NULL && !admin_username_ok(f->username))
			f->e_username = MSG_USERNAME;
	}
	if (f->e_email == NULL && f->email.len > 0 && !admin_email_ok(f->email))
		f->e_email = MSG_EMAIL;
	if (f->e_org == NULL &&
	    !admin_org_exists(r, f->org_id,
	        f->stored ? str_to_ll(db_cell(f->stored, 0, SG_ORG)) : 0, 0,
	        &e)) {
		if (e != APP_OK)
			return e;
		f->e_org = MSG_ORG;
	}
	if (f->e_roles == NULL && f->roles == 0)
		f->e_roles = MSG_ROLES_NONE;
	else if (f->e_roles == NULL &&
	    (f->roles & ROLE_BIT(ROLE_INTEGRATION)) &&
	    f->roles != ROLE_BIT(ROLE_INTEGRATION))
		f->e_roles = MSG_ROLES_INTEGR;
	else if (f->e_roles == NULL && f->id == r->user->id &&
	    !(f->roles & ROLE_BIT(ROLE_ADMIN)))
		f->e_roles = MSG_ROLES_SELF;
	if (f->id != 0 && f->id == r->user->id && !f->active)
		f->e_active = MSG_ACTIVE_SELF;

	/* The insatser: every ticked one must exist. */
	if ((ins = arena_calloc(r->a, r->form.n + 1, sizeof(*ins))) == NULL)
		return APP_ENOMEM;
	f->insatser = ins;
	f->ninsatser = 0;
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_INSATS_LIST, NULL, 0,
	         &list)) != APP_OK)
		return e;
	for (size_t k = 0; k < r->form.n; k++) {
		long long id;
		int known = 0;

		if (!str_eq_cstr(r->form.v[k].key, "insats"))
			continue;
		id = str_to_ll(str_trim_blanks(r->form.v[k].val));
		for (size_t i = 0; i < list.nrows; i++)
			known |= str_to_ll(db_cell(&list, i, 0)) == id;
		if (!known) {
			if (f->e_insatser == NULL)
				f->e_insatser = MSG_INSATS_UNKNOWN;
			continue;
		}
		if (!admin_has_id(ins, f->ninsatser, id))
			ins[f->ninsatser++] = id;
	}
	if (f->e_insatser == NULL && f->ninsatser > 0 &&
	    !(f->roles & ROLE_BIT(ROLE_INSATSPERSONAL)))
		f->e_insatser = MSG_INSATS_ROLE;

	*nerr = (f->e_username != NULL) + (f->e_name != NULL) +
	    (f->e_email != NULL) + (f->e_org != NULL) + (f->e_roles != NULL) +
	    (f->e_insatser != NULL) + (f->e_active != NULL);
	return APP_OK;
}

/* Make the account's roles and insatser exactly f's (in the open
 * transaction): drop what is gone, add what is new, keep the rest with
 * its original date. */
static enum app_err
admin_account_links(struct req *r, long long id, const struct account_form *f)
{
	struct db_param p[2] = { DB_INT(id) };
	struct buf keep;
	enum app_err e;

	buf_init(&keep, r->a);
	for (int i = 0; i < ROLE__MAX; i++)
		if ((f->roles & ROLE_BIT(i)) &&
		    (e = buf_printf(&keep, "%s%s", keep.len ? "," : "",
		         admin_role_choices[i])) != APP_OK)
			return e;
	if ((e = buf_puts(&keep, "")) != APP_OK)
		return e;
	p[1] = DB_STR(buf_str(&keep));
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_ROLES_PRUNE, p,
	         2, NULL)) != APP_OK)
		return e;
	for (int i = 0; i < ROLE__MAX; i++) {
		if (!(f->roles & ROLE_BIT(i)))
			continue;
		p[1] = DB_STR(str_cstr(admin_role_choices[i]));
		if ((e = db_exec(r->db, r->a, DB_ADMIN,
		         SQL_ADMIN_STAFF_ROLE_ADD, p, 2, NULL)) != APP_OK)
			return e;
	}
	buf_init(&keep, r->a);
	for (size_t i = 0; i < f->ninsatser; i++)
		if ((e = buf_printf(&keep, "%s%lld", i ? "," : "",
		         f->insatser[i])) != APP_OK)
			return e;
	if ((e = buf_puts(&keep, "")) != APP_OK)
		return e;
	p[1] = DB_STR(buf_str(&keep));
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_INSATSER_PRUNE,
	         p, 2, NULL)) != APP_OK)
		return e;
	for (size_t i = 0; i < f->ninsatser; i++) {
		p[1] = DB_INT(f->insatser[i]);
		if ((e = db_exec(r->db, r->a, DB_ADMIN,
		         SQL_ADMIN_STAFF_INSATS_ADD, p, 2, NULL)) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* A short English audit detail: the roles and state after the change. */
static struct str
admin_account_detail(
    struct req *r, const char *what, const struct account_form *f)
{
	struct buf b;

	buf_init(&b, r->a);
	if (buf_printf(&b, "%s; roles:", what) != APP_OK)
		return STR_LIT("");
	for (int i = 0; i < ROLE__MAX; i++)
		if ((f->roles & ROLE_BIT(i)) &&
		    buf_printf(&b, " %s", admin_role_choices[i]) != APP_OK)
			return STR_LIT("");
	if (buf_printf(&b, "; insatser: %zu; org %lld; active %d", f->ninsatser,
	        f->org_id, f->active) != APP_OK)
		return STR_LIT("");
	return buf_str(&b);
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
	struct account_form f = { 0 };
	struct str pw = STR_LIT(""), hash = STR_NULL;
	struct db_param p[5];
	long long id;
	size_t nerr;
	enum app_err e;
	int integration;

	if ((e = admin_account_read(r, &f, &nerr)) != APP_OK)
		return e;
	if (nerr > 0) {
		r->resp.status = 400;
		return admin_account_render(r, &f);
	}
	integration = f.roles == ROLE_BIT(ROLE_INTEGRATION);
	if (!integration) {
		if ((pw = admin_temp_password(r)).p == NULL)
			return APP_ENOMEM;
		if ((e = auth_hash(r, pw, &hash)) != APP_OK)
			return e;
	}
	p[0] = DB_INT(f.org_id);
	p[1] = DB_STR(f.username);
	p[2] = DB_STR(f.name);
	p[3] = f.email.len ? DB_STR(f.email) : DB_NULL;
	p[4] = integration ? DB_NULL : DB_STR(hash);
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_INSERT, p, 5, NULL);
	if (e == APP_EDUP) {
		db_rollback(r->db);
		f.e_username = MSG_USERNAME_TAKEN;
		r->resp.status = 400;
		return admin_account_render(r, &f);
	}
	if (e != APP_OK || (id = (long long)db_insert_id(r->db)) <= 0 ||
	    (e = admin_account_links(r, id, &f)) != APP_OK ||
	    (e = audit_write(r, AUDIT_ADMIN, "staff", id, STR_LIT(""),
	         admin_account_detail(r, "account created", &f))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e != APP_OK ? e : APP_EDB;
	}
	if (integration) {
		struct buf loc;
		buf_init(&loc, r->a);
		if ((e = buf_printf(&loc, "/admin/konton/%lld?skapat=1", id)) !=
		    APP_OK)
			return e;
		return page_redirect(r, loc.p);
	}
	return admin_secret_render(r, id, f.username, 0, 1, pw);
}

enum app_err
page_admin_account_save(struct req *r)
{
	struct account_form f;
	struct db_rows stored, lock;
	struct db_param p[7];
	const struct str *version = req_form(r, "version");
	struct buf loc;
	long long id;
	size_t nerr;
	enum app_err e;
	int integration;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_account_load(r, id, &stored, &f)) != APP_OK)
		return e;
	if ((e = admin_account_read(r, &f, &nerr)) != APP_OK)
		return e;
	if (version != NULL)
		f.version = *version;
	if (nerr > 0) {
		r->resp.status = 400;
		return admin_account_render(r, &f);
	}
	integration = f.roles == ROLE_BIT(ROLE_INTEGRATION);
	p[0] = DB_INT(id);
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_LOCK, p, 1,
	         &lock)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	if (lock.nrows != 1 || version == NULL ||
	    !str_eq(*version, db_cell(&lock, 0, 0))) {
		/* Someone saved since this form was shown: keep what was
		 * typed, show what is stored, and let a second save win. */
		db_rollback(r->db);
		if ((e = admin_account_load(r, id, &stored,
		         &(struct account_form){ 0 })) != APP_OK)
			return e;
		f.stored = &stored;
		f.version = db_cell(&stored, 0, SG_VERSION);
		f.conflict = 1;
		r->resp.status = 409;
		return admin_account_render(r, &f);
	}
	p[0] = DB_INT(f.org_id);
	p[1] = DB_STR(f.name);
	p[2] = f.email.len ? DB_STR(f.email) : DB_NULL;
	p[3] = DB_INT(f.active);
	p[4] = DB_INT(integration);
	p[5] = DB_INT(integration);
	p[6] = DB_INT(id);
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_UPDATE, p, 7,
	         NULL)) != APP_OK ||
	    (e = admin_account_links(r, id, &f)) != APP_OK ||
	    /* A deactivated account is logged out everywhere at once. */
	    (!f.active && (e = session_end_others(r, id, 0)) != APP_OK) ||
	    (e = audit_write(r, AUDIT_ADMIN, "staff", id, STR_LIT(""),
	         admin_account_detail(r, "account updated", &f))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/admin/konton/%lld?sparat=1", id)) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
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
	struct db_rows rows;
	struct db_param p[2];
	struct str pw, hash;
	long long id;
	unsigned roles;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_account_load(r, id, &rows, &f)) != APP_OK)
		return e;
	roles = role_parse_list(db_cell(&rows, 0, SG_ROLES));
	if (id == r->user->id)
		return admin_account_refuse(r, &f,
		    "Byt ditt eget lösenord under Byt lösenord på startsidan.");
	if (roles == ROLE_BIT(ROLE_INTEGRATION))
		return admin_account_refuse(r, &f,
		    "Ett integrationskonto har inget lösenord; skapa en ny "
		    "token i stället.");
	if ((pw = admin_temp_password(r)).p == NULL)
		return APP_ENOMEM;
	if ((e = auth_hash(r, pw, &hash)) != APP_OK)
		return e;
	p[0] = DB_STR(hash);
	p[1] = DB_INT(id);
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_TEMP_PASSWORD,
	         p, 2, NULL)) != APP_OK ||
	    (e = session_end_others(r, id, 0)) != APP_OK ||
	    (e = audit_write(r, AUDIT_ADMIN, "staff", id, STR_LIT(""),
	         STR_LIT("password reset by admin"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return admin_secret_render(r, id, f.username, 0, 0, pw);
}

enum app_err
page_admin_account_token(struct req *r)
{
	struct account_form f;
	struct db_rows rows;
	struct db_param p[2];
	unsigned char hash[32];
	struct str tok;
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_account_load(r, id, &rows, &f)) != APP_OK)
		return e;
	if (!(role_parse_list(db_cell(&rows, 0, SG_ROLES)) &
	        ROLE_BIT(ROLE_INTEGRATION)))
		return admin_account_refuse(
		    r, &f, "Bara integrationskonton kan ha en token.");
	if ((tok = session_random_hex(r, SESSION_TOKEN_BYTES)).p == NULL)
		return APP_ENOMEM;
	session_token_hash(tok, hash);
	p[0] = DB_STR(((struct str){ (const char *)hash, sizeof(hash) }));
	p[1] = DB_INT(id);
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_SET_TOKEN, p, 2,
	         NULL)) != APP_OK ||
	    (e = audit_write(r, AUDIT_ADMIN, "staff", id, STR_LIT(""),
	         STR_LIT("new api token"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return admin_secret_render(r, id, f.username, 1, 0, tok);
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
