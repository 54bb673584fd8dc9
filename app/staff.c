/* staff.c: staff accounts, their roles and the admin rules; see
 * include/staff.h. */
#include <stddef.h>

#include "arena.h"
#include "db.h"
#include "req.h"
#include "sql_admin.h"
#include "sql_auth.h"
#include "staff.h"

/* ---- roles ---- */

const char *const role_names[ROLE__MAX + 1] = {
	[ROLE_REMITTENT] = "remittent",
	[ROLE_INSATSPERSONAL] = "insatspersonal",
	[ROLE_FORBUND] = "forbund",
	[ROLE_ADMIN] = "admin",
	[ROLE_INTEGRATION] = "integration",
	[ROLE__MAX] = NULL,
};

static const char *const role_labels[ROLE__MAX] = {
	[ROLE_REMITTENT] = "Remittent",
	[ROLE_INSATSPERSONAL] = "Insatspersonal",
	[ROLE_FORBUND] = "Förbundet",
	[ROLE_ADMIN] = "Administratör",
	[ROLE_INTEGRATION] = "Integration",
};
_Static_assert(sizeof(role_labels) / sizeof(role_labels[0]) == ROLE__MAX,
    "role_labels[] out of sync with enum role");

static const char *const role_hints[ROLE__MAX] = {
	[ROLE_REMITTENT] = "gör ansökningar och följer sina egna ärenden",
	[ROLE_INSATSPERSONAL] = "arbetar i de insatser som väljs nedan",
	[ROLE_FORBUND] = "ser bara sammanställningar, aldrig enskilda personer",
	[ROLE_ADMIN] = "konton, organisationer, insatser och åtkomstloggen",
	[ROLE_INTEGRATION] = "SUS-jobbet: loggar in med token, inget lösenord",
};
_Static_assert(sizeof(role_hints) / sizeof(role_hints[0]) == ROLE__MAX,
    "role_hints[] out of sync with enum role");

const char *
role_name(enum role r)
{
	return (unsigned)r < ROLE__MAX ? role_names[r] : "";
}

const char *
role_label(enum role r)
{
	return (unsigned)r < ROLE__MAX ? role_labels[r] : "";
}

const char *
role_hint(enum role r)
{
	return (unsigned)r < ROLE__MAX ? role_hints[r] : "";
}

unsigned
role_parse_list(struct str s)
{
	unsigned bits = 0;
	size_t i = 0;

	while (i <= s.len) {
		size_t j = i;
		while (j < s.len && s.p[j] != ',')
			j++;
		for (int r = 0; r < ROLE__MAX; r++)
			if (str_eq((struct str){ s.p + i, j - i },
			        str_cstr(role_names[r])))
				bits |= ROLE_BIT(r);
		i = j + 1;
	}
	return bits;
}

/* The set's names or labels joined by sep. Arena; NULL when full. */
static const char *
role_list_join(
    struct req *r, unsigned roles, const char *const *words, const char *sep)
{
	struct buf b;

	buf_init(&b, r->a);
	for (int i = 0; i < ROLE__MAX; i++) {
		if (!(roles & ROLE_BIT(i)))
			continue;
		if ((b.len > 0 && buf_puts(&b, sep) != APP_OK) ||
		    buf_puts(&b, words[i]) != APP_OK)
			return NULL;
	}
	if (buf_puts(&b, "") != APP_OK)
		return NULL;
	return b.p;
}

const char *
role_list_names(struct req *r, unsigned roles)
{
	return role_list_join(r, roles, role_names, ",");
}

const char *
role_list_labels(struct req *r, unsigned roles)
{
	return role_list_join(r, roles, role_labels, ", ");
}

/* ---- the account list's filter ---- */

static const char *const staff_filter_names[STAFF_FILTER__MAX] = {
	[STAFF_FILTER_ALL] = "",
	[STAFF_FILTER_ACTIVE] = "aktiva",
	[STAFF_FILTER_INACTIVE] = "inaktiva",
};
_Static_assert(sizeof(staff_filter_names) / sizeof(staff_filter_names[0]) ==
        STAFF_FILTER__MAX,
    "staff_filter_names[] out of sync with enum staff_filter");

enum staff_filter
staff_filter_from_name(const struct str *s)
{
	if (s == NULL)
		return STAFF_FILTER_ALL;
	for (int f = STAFF_FILTER_ACTIVE; f < STAFF_FILTER__MAX; f++)
		if (str_eq_cstr(*s, staff_filter_names[f]))
			return (enum staff_filter)f;
	return STAFF_FILTER_ALL;
}

/* ---- records ---- */

static const struct db_field staff_row_fields[] = {
	DB_FIELD(staff_row, id, "id", DB_F_INT),
	DB_FIELD(staff_row, username, "username", DB_F_STR),
	DB_FIELD(staff_row, display_name, "display_name", DB_F_STR),
	DB_FIELD(staff_row, organisation, "organisation", DB_F_STR),
	DB_FIELD(
	    staff_row, parent_organisation, "parent_organisation", DB_F_STR),
	DB_FIELD(staff_row, active, "active", DB_F_BOOL),
	DB_FIELD(staff_row, roles, "roles", DB_F_STR),
	DB_FIELD(staff_row, has_password, "has_password", DB_F_BOOL),
};
const struct db_record staff_row_record =
    DB_RECORD(staff_row, staff_row_fields);

static const struct db_field staff_account_fields[] = {
	DB_FIELD(staff_account, id, "id", DB_F_INT),
	DB_FIELD(staff_account, username, "username", DB_F_STR),
	DB_FIELD(staff_account, display_name, "display_name", DB_F_STR),
	DB_FIELD(staff_account, email, "email", DB_F_STR),
	DB_FIELD(staff_account, organisation_id, "organisation_id", DB_F_INT),
	DB_FIELD(staff_account, active, "active", DB_F_BOOL),
	DB_FIELD(staff_account, roles, "roles", DB_F_STR),
	DB_FIELD(staff_account, version, "version", DB_F_INT),
	DB_FIELD(staff_account, has_password, "has_password", DB_F_BOOL),
	DB_FIELD(staff_account, must_change_password, "must_change_password",
	    DB_F_BOOL),
	DB_FIELD(staff_account, has_token, "has_token", DB_F_BOOL),
	DB_FIELD(staff_account, last_login, "last_login", DB_F_UTC_TIME),
	DB_FIELD(staff_account, failed_logins, "failed_logins", DB_F_INT),
	DB_FIELD(staff_account, locked, "locked", DB_F_BOOL),
	DB_FIELD(staff_account, locked_until, "locked_until", DB_F_UTC_TIME),
	DB_FIELD(staff_account, totp_on, "totp_on", DB_F_BOOL),
	DB_FIELD(staff_account, totp_pending, "totp_pending", DB_F_BOOL),
};
const struct db_record staff_account_record =
    DB_RECORD(staff_account, staff_account_fields);

static const struct db_field staff_id_fields[] = {
	DB_FIELD(staff_id, id, "id", DB_F_INT),
};
const struct db_record staff_id_record = DB_RECORD(staff_id, staff_id_fields);

static const struct db_field staff_home_fields[] = {
	DB_FIELD(staff_home, organisation, "organisation", DB_F_STR),
	DB_FIELD(
	    staff_home, parent_organisation, "parent_organisation", DB_F_STR),
};
const struct db_record staff_home_record =
    DB_RECORD(staff_home, staff_home_fields);

static const struct db_field staff_insats_fields[] = {
	DB_FIELD(staff_insats, id, "id", DB_F_INT),
	DB_FIELD(staff_insats, name, "name", DB_F_STR),
	DB_FIELD(staff_insats, places, "places", DB_F_STR),
};
const struct db_record staff_insats_record =
    DB_RECORD(staff_insats, staff_insats_fields);

enum app_err
staff_list(
    struct req *r, enum staff_filter filter, struct staff_row **rows, size_t *n)
{
	/* (a, b): every account is active IN (1, 0); only the active ones
	 * IN (1, 1), only the inactive ones IN (0, 0). */
	struct db_param p[2] = { DB_INT(1), DB_INT(0) };

	if (filter == STAFF_FILTER_ACTIVE)
		p[1] = DB_INT(1);
	else if (filter == STAFF_FILTER_INACTIVE)
		p[0] = DB_INT(0);
	return db_load(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_LIST, p, 2,
	    (void **)rows, n);
}

enum app_err
staff_get(struct req *r, long long id, int lock, struct staff_account *out,
    int *found)
{
	struct db_param p[1] = { DB_INT(id) };
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_ADMIN,
	         lock ? SQL_ADMIN_STAFF_LOCK : SQL_ADMIN_STAFF_GET, p, 1, out,
	         found)) != APP_OK)
		return e;
	out->role_bits = role_parse_list(out->roles);
	return APP_OK;
}

/* The ids of rows (struct staff_id) as an arena array of long long. */
static enum app_err
staff_ids(struct req *r, const struct staff_id *rows, size_t n, long long **ids)
{
	long long *v;

	*ids = NULL;
	if (n == 0)
		return APP_OK;
	if ((v = arena_calloc(r->a, n, sizeof(*v))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < n; i++)
		v[i] = rows[i].id;
	*ids = v;
	return APP_OK;
}

enum app_err
staff_insatser(struct req *r, long long id, long long **ids, size_t *n)
{
	struct db_param p[1] = { DB_INT(id) };
	struct staff_id *rows;
	enum app_err e;

	if ((e = db_load(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_INSATSER, p, 1,
	         (void **)&rows, n)) != APP_OK)
		return e;
	return staff_ids(r, rows, *n, ids);
}

enum app_err
staff_id_by_username(
    struct req *r, struct str username, unsigned flags, long long *id)
{
	struct db_param p[2] = { DB_STR(username),
		DB_INT((flags & STAFF_ACTIVE_ONLY) != 0) };
	/* Two statements, one shape: the scoped one is refused (a bug) when
	 * the request has no förbund yet, as SSO's has not. */
	int own = (flags & STAFF_OWN_FORBUND) != 0;
	struct staff_id row;
	int found;
	enum app_err e;

	*id = 0;
	if ((e = db_load_one(r->db, r->a, own ? DB_ADMIN : DB_AUTH,
	         own ? SQL_ADMIN_AUDIT_STAFF : SQL_STAFF_BY_USERNAME, p, 2,
	         &row, &found)) != APP_OK)
		return e;
	if (found)
		*id = row.id;
	return APP_OK;
}

enum app_err
staff_home(struct req *r, long long id, struct staff_home *out)
{
	struct db_param p[1] = { DB_INT(id) };
	int found;

	return db_load_one(
	    r->db, r->a, DB_AUTH, SQL_STAFF_ORGANISATION, p, 1, out, &found);
}

enum app_err
staff_assigned_insatser(
    struct req *r, long long id, struct staff_insats **rows, size_t *n)
{
	struct db_param p[1] = { DB_INT(id) };

	return db_load(
	    r->db, r->a, DB_AUTH, SQL_STAFF_INSATSER, p, 1, (void **)rows, n);
}

/* Make the account's roles and insatser exactly c's: drop what is gone,
 * add what is new, keep the rest with its original date. */
static enum app_err
staff_links(struct req *r, long long id, const struct staff_change *c)
{
	struct db_param p[2] = { DB_INT(id) };
	const char *names = role_list_names(r, c->roles);
	struct buf keep;
	enum app_err e;

	if (names == NULL)
		return APP_ENOMEM;
	p[1] = DB_STR(str_cstr(names));
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_ROLES_PRUNE, p,
	         2, NULL)) != APP_OK)
		return e;
	for (int i = 0; i < ROLE__MAX; i++) {
		if (!(c->roles & ROLE_BIT(i)))
			continue;
		p[1] = DB_STR(str_cstr(role_names[i]));
		if ((e = db_exec(r->db, r->a, DB_ADMIN,
		         SQL_ADMIN_STAFF_ROLE_ADD, p, 2, NULL)) != APP_OK)
			return e;
	}
	buf_init(&keep, r->a);
	for (size_t i = 0; i < c->ninsatser; i++)
		if ((e = buf_printf(&keep, "%s%lld", i ? "," : "",
		         c->insatser[i])) != APP_OK)
			return e;
	if ((e = buf_puts(&keep, "")) != APP_OK)
		return e;
	p[1] = DB_STR(buf_str(&keep));
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_INSATSER_PRUNE,
	         p, 2, NULL)) != APP_OK)
		return e;
	for (size_t i = 0; i < c->ninsatser; i++) {
		p[1] = DB_INT(c->insatser[i]);
		if ((e = db_exec(r->db, r->a, DB_ADMIN,
		         SQL_ADMIN_STAFF_INSATS_ADD, p, 2, NULL)) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
staff_insert(struct req *r, const struct staff_change *c,
    struct str password_hash, long long *id)
{
	struct db_param p[5];
	enum app_err e;

	p[0] = DB_INT(c->organisation_id);
	p[1] = DB_STR(c->username);
	p[2] = DB_STR(c->display_name);
	p[3] = c->email.len ? DB_STR(c->email) : DB_NULL;
	p[4] = password_hash.p != NULL ? DB_STR(password_hash) : DB_NULL;
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_INSERT, p, 5,
	         NULL)) != APP_OK)
		return e;
	if ((*id = (long long)db_insert_id(r->db)) <= 0)
		return APP_EDB;
	return staff_links(r, *id, c);
}

enum app_err
staff_update(struct req *r, long long id, const struct staff_change *c)
{
	int integration = staff_is_integration(c->roles);
	struct db_param p[7];
	enum app_err e;

	p[0] = DB_INT(c->organisation_id);
	p[1] = DB_STR(c->display_name);
	p[2] = c->email.len ? DB_STR(c->email) : DB_NULL;
	p[3] = DB_INT(c->active != 0);
	p[4] = DB_INT(integration); /* clears the password */
	p[5] = DB_INT(integration); /* else clears the token */
	p[6] = DB_INT(id);
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_UPDATE, p, 7,
	         NULL)) != APP_OK)
		return e;
	return staff_links(r, id, c);
}

enum app_err
staff_set_temp_password(struct req *r, long long id, struct str hash)
{
	struct db_param p[2] = { DB_STR(hash), DB_INT(id) };

	return db_exec(
	    r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_TEMP_PASSWORD, p, 2, NULL);
}

/* One UPDATE of id; *changed whether it changed a row. */
static enum app_err
staff_exec_changed(struct req *r, unsigned q, long long id, int *changed)
{
	struct db_param p[1] = { DB_INT(id) };
	enum app_err e;

	*changed = 0;
	if ((e = db_exec(r->db, r->a, DB_ADMIN, q, p, 1, NULL)) != APP_OK)
		return e;
	*changed = db_affected_rows(r->db) > 0;
	return APP_OK;
}

enum app_err
staff_unlock(struct req *r, long long id, int *changed)
{
	return staff_exec_changed(r, SQL_ADMIN_STAFF_UNLOCK, id, changed);
}

enum app_err
staff_totp_reset(struct req *r, long long id, int *changed)
{
	return staff_exec_changed(r, SQL_ADMIN_STAFF_TOTP_RESET, id, changed);
}

enum app_err
staff_set_token(struct req *r, long long id, const unsigned char hash[32])
{
	struct db_param p[2] = {
		DB_STR(((struct str){ (const char *)hash, 32 })),
		DB_INT(id),
	};

	return db_exec(
	    r->db, r->a, DB_ADMIN, SQL_ADMIN_STAFF_SET_TOKEN, p, 2, NULL);
}

/* ---- the rules ---- */

int
staff_username_ok(struct str s)
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

int
staff_email_ok(struct str s)
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

int
staff_is_integration(unsigned roles)
{
	return roles == ROLE_BIT(ROLE_INTEGRATION);
}

const char *
staff_roles_problem(unsigned roles, int self)
{
	if (roles == 0)
		return "Välj minst en roll.";
	if ((roles & ROLE_BIT(ROLE_INTEGRATION)) &&
	    !staff_is_integration(roles))
		return "Integration kan inte kombineras med andra roller.";
	if (self && !(roles & ROLE_BIT(ROLE_ADMIN)))
		return "Du kan inte ta bort din egen administratörsroll.";
	return NULL;
}

const char *
staff_active_problem(int active, int self)
{
	if (self && !active)
		return "Du kan inte inaktivera ditt eget konto.";
	return NULL;
}

const char *
staff_insatser_problem(unsigned roles, size_t ninsatser)
{
	if (ninsatser > 0 && !(roles & ROLE_BIT(ROLE_INSATSPERSONAL)))
		return "Insatser kan bara väljas för konton med rollen "
		       "insatspersonal.";
	return NULL;
}

const char *
staff_password_reset_refusal(unsigned roles, int self)
{
	if (self)
		return "Byt ditt eget lösenord under Byt lösenord på "
		       "startsidan.";
	if (staff_is_integration(roles))
		return "Ett integrationskonto har inget lösenord; skapa en ny "
		       "token i stället.";
	return NULL;
}

const char *
staff_unlock_refusal(int locked, long long failed_logins)
{
	if (!locked && failed_logins <= 0)
		return "Kontot är inte låst och har inga misslyckade "
		       "inloggningar att nollställa.";
	return NULL;
}

const char *
staff_totp_reset_refusal(int totp_on, int totp_pending, int self)
{
	if (self)
		return "Stäng av din egen tvåstegsverifiering under "
		       "Tvåstegsverifiering på startsidan.";
	if (!totp_on && !totp_pending)
		return "Tvåstegsverifiering är inte påslagen för kontot.";
	return NULL;
}

const char *
staff_token_refusal(unsigned roles)
{
	if (!(roles & ROLE_BIT(ROLE_INTEGRATION)))
		return "Bara integrationskonton kan ha en token.";
	return NULL;
}
