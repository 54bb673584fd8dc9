/* auth.c: passwords and logging in; see include/auth.h. */
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "app_limits.h"
#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "db.h"
#include "req.h"
#include "session.h"
#include "sql_auth.h"

static const struct db_field auth_account_fields[] = {
	DB_FIELD(auth_account, id, "id", DB_F_INT),
	DB_FIELD(auth_account, password_hash, "password_hash", DB_F_STR),
	DB_FIELD(auth_account, locked, "locked", DB_F_BOOL),
	DB_FIELD(auth_account, forbund_id, "forbund_id", DB_F_INT),
};
const struct db_record auth_account_record =
    DB_RECORD(auth_account, auth_account_fields);

static const struct db_field auth_failures_fields[] = {
	DB_FIELD(auth_failures, failures, "failures", DB_F_INT),
};
const struct db_record auth_failures_record =
    DB_RECORD(auth_failures, auth_failures_fields);

static const char *auth_dummy_hash(void);

int
auth_init(void)
{
	/* The dummy hash now, not at the first unknown name: that login
	 * would otherwise take twice as long and stand out. */
	return sodium_init() >= 0 && auth_dummy_hash()[0] != '\0';
}

int
auth_verify(const char *hash, struct str pw)
{
	if (hash == NULL || pw.len > AUTH_PASSWORD_MAX)
		return 0;
	return crypto_pwhash_str_verify(hash, pw.p, pw.len) == 0;
}

enum app_err
auth_hash(struct req *r, struct str pw, struct str *out)
{
	char *h;

	if (pw.len > AUTH_PASSWORD_MAX)
		return APP_EINPUT;
	if ((h = arena_alloc(r->a, crypto_pwhash_STRBYTES)) == NULL)
		return APP_ENOMEM;
	if (crypto_pwhash_str(h, pw.p, pw.len,
	        crypto_pwhash_OPSLIMIT_INTERACTIVE,
	        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return APP_ENOMEM;
	*out = str_cstr(h);
	return APP_OK;
}

/* A hash of nothing anyone types, verified when there is no account, so a
 * wrong user name costs what a wrong password costs. */
static const char *
auth_dummy_hash(void)
{
	static char h[crypto_pwhash_STRBYTES];

	if (h[0] == '\0' &&
	    crypto_pwhash_str(h, "stegvis-no-such-user", 20,
	        crypto_pwhash_OPSLIMIT_INTERACTIVE,
	        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		h[0] = '\0';
	return h;
}

int
auth_username(struct req *r, struct str typed, struct str *out)
{
	struct str u = str_trim_blanks(typed);
	size_t n = u.len > 64 ? 64 : u.len;
	int plausible = u.len > 0 && u.len <= 64;
	char *p;

	if ((p = arena_alloc(r->a, n + 1)) == NULL) {
		*out = STR_LIT("");
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)u.p[i];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		/* The columns are ASCII: anything else cannot be an account
		 * and must not reach the database as it is. */
		if (c < 0x21 || c > 0x7e) {
			c = '?';
			plausible = 0;
		}
		p[i] = (char)c;
	}
	p[n] = '\0';
	*out = (struct str){ p, n };
	return plausible;
}

enum app_err
auth_count_failure(struct req *r, long long staff_id)
{
	struct db_param p[3] = { DB_INT(AUTH_LOCK_AFTER),
		DB_INT(AUTH_LOCK_MINUTES), DB_INT(staff_id) };

	return db_exec(
	    r->db, r->a, DB_AUTH, SQL_STAFF_LOGIN_FAILED, p, 3, NULL);
}

enum app_err
auth_account_get(
    struct req *r, long long staff_id, struct auth_account *out, int *found)
{
	struct db_param p[1] = { DB_INT(staff_id) };

	return db_load_one(
	    r->db, r->a, DB_AUTH, SQL_STAFF_PASSWORD, p, 1, out, found);
}

/* Count a failure against the address and (if it exists) the account. */
static enum app_err
auth_fail(struct req *r, struct str username, const struct auth_account *acc,
    const char *why)
{
	long long staff_id = acc != NULL ? acc->id : 0;
	struct db_param p[2];
	enum app_err e;

	p[0] = DB_STR(username);
	p[1] = DB_STR(r->remote_addr);
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_LOGIN_FAILURE_INSERT, p, 2,
	         NULL)) != APP_OK)
		return e;
	/* Run for unknown names too (id 0 matches no row): the same
	 * statements either way, so the time taken does not tell. */
	if ((e = auth_count_failure(r, staff_id > 0 ? staff_id : 0)) != APP_OK)
		return e;
	/* A known account's failure is its förbund's; an unknown name's
	 * the installation's. */
	if ((e = audit_write_anonymous(r, acc != NULL ? acc->forbund_id : 0,
	         username, AUDIT_LOGIN_FAILED, str_cstr(why))) != APP_OK)
		return e;
	return APP_EFORBIDDEN;
}

enum app_err
auth_login(struct req *r, struct str username, struct str password,
    long long *staff_id)
{
	struct str user;
	int plausible = auth_username(r, username, &user);
	struct auth_failures recent;
	struct auth_account acc;
	struct db_param p[2];
	int found = 0, ok;
	enum app_err e;

	p[0] = DB_STR(r->remote_addr);
	p[1] = DB_INT(AUTH_ADDR_WINDOW_MINUTES);
	if ((e = db_load_one(r->db, r->a, DB_AUTH, SQL_LOGIN_FAILURES_ADDR, p,
	         2, &recent, &found)) != APP_OK)
		return e;
	if (recent.failures >= AUTH_ADDR_MAX_FAILURES) {
		(void)auth_verify(auth_dummy_hash(), password);
		return auth_fail(r, user, NULL, "address back-off");
	}
	p[0] = DB_STR(user);
	found = 0; /* not an account name: never asked for */
	if (plausible &&
	    (e = db_load_one(r->db, r->a, DB_AUTH, SQL_STAFF_FOR_LOGIN, p, 1,
	         &acc, &found)) != APP_OK)
		return e;
	/* Always verify: the time taken tells nothing about the account. */
	ok = auth_verify(
	    found ? acc.password_hash.p : auth_dummy_hash(), password);
	if (!found)
		return auth_fail(r, user, NULL, "no such account");
	if (acc.locked)
		return auth_fail(r, user, &acc, "account locked");
	if (!ok)
		return auth_fail(r, user, &acc, "wrong password");
	p[0] = DB_INT(acc.id);
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_LOGIN_OK, p, 1,
	         NULL)) != APP_OK)
		return e;
	p[0] = DB_INT(AUTH_ADDR_WINDOW_MINUTES * 4);
	(void)db_exec(
	    r->db, r->a, DB_AUTH, SQL_LOGIN_FAILURE_SWEEP, p, 1, NULL);
	*staff_id = acc.id;
	return APP_OK;
}

enum app_err
auth_password_change(struct req *r, const struct str *cur, const struct str *nw,
    const struct str *rep, struct auth_password_errors *pe, int *changed)
{
	long long id = r->user->id;
	struct db_param p[2];
	struct auth_account acc;
	struct str hash;
	int found;
	enum app_err e;

	*pe = (struct auth_password_errors){ NULL, NULL, NULL };
	*changed = 0;
	if ((e = auth_account_get(r, id, &acc, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_EFORBIDDEN;
	/* Guessing the current password from a stolen session counts
	 * toward the same lockout as guessing at the login form. */
	if (acc.locked)
		pe->current = "För många felaktiga försök. Vänta en stund och "
		              "försök igen.";
	else if (cur == NULL || acc.password_hash.len == 0 ||
	    !auth_verify(acc.password_hash.p, *cur)) {
		pe->current = "Det nuvarande lösenordet stämmer inte.";
		if ((e = auth_count_failure(r, id)) != APP_OK ||
		    (e = audit_write(r, AUDIT_LOGIN_FAILED, "staff", id,
		         STR_LIT(""), STR_LIT("wrong current password"))) !=
		        APP_OK)
			return e;
	}
	if (nw == NULL || nw->len == 0)
		pe->next = "Fyll i ett nytt lösenord.";
	else if ((pe->next = auth_password_problem(r->user->username, *nw)) ==
	        NULL &&
	    cur != NULL && str_eq(*cur, *nw))
		pe->next = "Välj ett annat lösenord än det nuvarande.";
	if (nw != NULL && (rep == NULL || !str_eq(*nw, *rep)))
		pe->repeat = "Lösenorden är inte lika.";
	if (pe->current || pe->next || pe->repeat)
		return APP_OK;
	if ((e = auth_hash(r, *nw, &hash)) != APP_OK)
		return e;
	p[0] = DB_STR(hash);
	p[1] = DB_INT(id);
	/* One change: the new password, every other session of the account
	 * ended, and the log row. */
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_SET_PASSWORD, p, 2,
	         NULL)) != APP_OK ||
	    (e = session_end_others(r, id, r->user->session_id)) != APP_OK ||
	    (e = audit_write(r, AUDIT_UPDATE, "staff", id, STR_LIT(""),
	         STR_LIT("password changed"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	*changed = 1;
	return APP_OK;
}

const char *
auth_password_problem(struct str username, struct str pw)
{
	size_t chars = 0;

	if (!str_utf8_valid(pw) || str_has_nul(pw))
		return "Lösenordet innehåller otillåtna tecken.";
	for (size_t i = 0; i < pw.len; i++)
		if (((unsigned char)pw.p[i] & 0xC0) != 0x80)
			chars++;
	if (chars < AUTH_PASSWORD_MIN)
		return "Lösenordet måste ha minst 12 tecken.";
	if (pw.len > AUTH_PASSWORD_MAX)
		return "Lösenordet får ha högst 128 tecken.";
	if (username.len > 0 && pw.len == username.len &&
	    strncasecmp(pw.p, username.p, pw.len) == 0)
		return "Lösenordet får inte vara ditt användarnamn.";
	return NULL;
}

struct str
auth_temp_password(struct req *r)
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
