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
#include "sql_auth.h"

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

/* Count a failure against the address and (if it exists) the account. */
static enum app_err
auth_fail(
    struct req *r, struct str username, long long staff_id, const char *why)
{
	struct db_param p[3];
	enum app_err e;

	p[0] = DB_STR(username);
	p[1] = DB_STR(r->remote_addr);
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_LOGIN_FAILURE_INSERT, p, 2,
	         NULL)) != APP_OK)
		return e;
	/* Run for unknown names too (id 0 matches no row): the same
	 * statements either way, so the time taken does not tell. */
	p[0] = DB_INT(AUTH_LOCK_AFTER);
	p[1] = DB_INT(AUTH_LOCK_MINUTES);
	p[2] = DB_INT(staff_id > 0 ? staff_id : 0);
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_LOGIN_FAILED, p, 3,
	         NULL)) != APP_OK)
		return e;
	if ((e = audit_write_anonymous(
	         r, username, AUDIT_LOGIN_FAILED, str_cstr(why))) != APP_OK)
		return e;
	return APP_EFORBIDDEN;
}

enum app_err
auth_login(struct req *r, struct str username, struct str password,
    long long *staff_id)
{
	struct str user;
	int plausible = auth_username(r, username, &user);
	struct db_rows rows;
	struct db_param p[2];
	const char *hash;
	long long id = 0;
	int locked = 0, ok;
	enum app_err e;

	p[0] = DB_STR(r->remote_addr);
	p[1] = DB_INT(AUTH_ADDR_WINDOW_MINUTES);
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_LOGIN_FAILURES_ADDR, p, 2,
	         &rows)) != APP_OK)
		return e;
	if (str_to_ll(db_cell(&rows, 0, 0)) >= AUTH_ADDR_MAX_FAILURES) {
		(void)auth_verify(auth_dummy_hash(), password);
		return auth_fail(r, user, 0, "address back-off");
	}
	p[0] = DB_STR(user);
	if (!plausible)
		rows.nrows = 0; /* not an account name: never asked for */
	else if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_FOR_LOGIN, p, 1,
	              &rows)) != APP_OK)
		return e;
	if (rows.nrows == 1) {
		id = str_to_ll(db_cell(&rows, 0, 0));
		hash = db_cell(&rows, 0, 1).p;
		locked = str_to_ll(db_cell(&rows, 0, 2)) != 0;
	} else
		hash = auth_dummy_hash();
	/* Always verify: the time taken tells nothing about the account. */
	ok = auth_verify(hash, password);
	if (id == 0)
		return auth_fail(r, user, 0, "no such account");
	if (locked)
		return auth_fail(r, user, id, "account locked");
	if (!ok)
		return auth_fail(r, user, id, "wrong password");
	p[0] = DB_INT(id);
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_LOGIN_OK, p, 1,
	         NULL)) != APP_OK)
		return e;
	p[0] = DB_INT(AUTH_ADDR_WINDOW_MINUTES * 4);
	(void)db_exec(
	    r->db, r->a, DB_AUTH, SQL_LOGIN_FAILURE_SWEEP, p, 1, NULL);
	*staff_id = id;
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
