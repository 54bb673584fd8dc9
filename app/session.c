/* session.c: roles, sessions, CSRF, SSO and bearer tokens; see include/session.h. */
#include <string.h>
#include <strings.h>

#include <sodium.h>

#include "app_limits.h"
#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "conf.h"
#include "db.h"
#include "log.h"
#include "req.h"
#include "session.h"
#include "sql_auth.h"
#include "tablet.h"

static const char *const role_names[ROLE__MAX] = {
	[ROLE_REMITTENT] = "remittent",
	[ROLE_INSATSPERSONAL] = "insatspersonal",
	[ROLE_FORBUND] = "forbund",
	[ROLE_ADMIN] = "admin",
	[ROLE_INTEGRATION] = "integration",
};
_Static_assert(sizeof(role_names) / sizeof(role_names[0]) == ROLE__MAX,
    "role_names[] out of sync with enum role");

/* Columns of SQL_SESSION_LOOKUP. */
enum {
	SL_ID,
	SL_CSRF,
	SL_STAFF,
	SL_USER,
	SL_NAME,
	SL_ORG,
	SL_MUSTCHANGE,
	SL_ROLES,
	SL_STALE,
	SL_CODE_PENDING
};

const char *
role_name(enum role r)
{
	return (unsigned)r < ROLE__MAX ? role_names[r] : "";
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

struct str
session_random_hex(struct req *r, size_t nbytes)
{
	unsigned char raw[64];
	char *hex;

	if (nbytes > sizeof(raw) ||
	    (hex = arena_alloc(r->a, nbytes * 2 + 1)) == NULL)
		return STR_NULL;
	randombytes_buf(raw, nbytes);
	sodium_bin2hex(hex, nbytes * 2 + 1, raw, nbytes);
	sodium_memzero(raw, sizeof(raw));
	return (struct str){ hex, nbytes * 2 };
}

void
session_token_hash(struct str token, unsigned char out[32])
{
	crypto_generichash(
	    out, 32, (const unsigned char *)token.p, token.len, NULL, 0);
}

/* 1 when url is http://HOST with HOST exactly host, then end, ':' or '/'. */
static int
session_url_host_is(const char *url, const char *host)
{
	size_t n = strlen(host);

	if (strncmp(url, "http://", 7) != 0 || strncmp(url + 7, host, n) != 0)
		return 0;
	return url[7 + n] == '\0' || url[7 + n] == ':' || url[7 + n] == '/';
}

/* The Secure attribute may only be dropped for plain http on loopback. */
static int
session_secure(const struct req *r)
{
	const char *u;

	if (r->conf == NULL || r->conf->secure_cookies)
		return 1;
	u = r->conf->base_url;
	return !(session_url_host_is(u, "127.0.0.1") ||
	    session_url_host_is(u, "localhost") ||
	    session_url_host_is(u, "[::1]"));
}

enum app_err
session_set_cookie(
    struct req *r, const char *name, struct str value, long max_age)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	if ((e = buf_printf(&b, "%s=", name)) != APP_OK ||
	    (e = buf_append(&b, value.p, value.len)) != APP_OK ||
	    (e = buf_puts(&b, "; Path=/; HttpOnly; SameSite=Strict")) != APP_OK)
		return e;
	if (session_secure(r) && (e = buf_puts(&b, "; Secure")) != APP_OK)
		return e;
	if (max_age >= 0 &&
	    (e = buf_printf(&b, "; Max-Age=%ld", max_age)) != APP_OK)
		return e;
	return resp_header(&r->resp, "Set-Cookie", buf_str(&b));
}

static long long
session_cell_int(const struct db_rows *rows, size_t col)
{
	return str_to_ll(db_cell(rows, 0, col));
}

/* A well-formed token: exactly 64 lower-case hex characters. */
static int
session_token_ok(const struct str *t)
{
	if (t == NULL || t->len != SESSION_TOKEN_BYTES * 2)
		return 0;
	for (size_t i = 0; i < t->len; i++)
		if (!((t->p[i] >= '0' && t->p[i] <= '9') ||
		        (t->p[i] >= 'a' && t->p[i] <= 'f')))
			return 0;
	return 1;
}

/* Look the cookie's session up; r->user stays NULL when there is none. */
static enum app_err
session_from_cookie(struct req *r)
{
	const struct str *tok = kv_get(&r->cookies, SESSION_COOKIE);
	unsigned char hash[32];
	struct db_rows rows;
	struct staff_user *u;
	enum app_err e;
	struct db_param p[3];

	if (!session_token_ok(tok))
		return APP_OK;
	session_token_hash(*tok, hash);
	p[0] = DB_STR(((struct str){ (const char *)hash, sizeof(hash) }));
	p[1] = DB_INT(r->conf->session_idle_minutes);
	p[2] = DB_INT(r->conf->session_max_hours);
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_SESSION_LOOKUP, p, 3,
	         &rows)) != APP_OK)
		return e;
	if (rows.nrows != 1)
		return APP_OK;
	if ((u = arena_calloc(r->a, 1, sizeof(*u))) == NULL)
		return APP_ENOMEM;
	u->session_id = session_cell_int(&rows, SL_ID);
	u->csrf = db_cell(&rows, 0, SL_CSRF);
	u->id = session_cell_int(&rows, SL_STAFF);
	u->username = db_cell(&rows, 0, SL_USER);
	u->display_name = db_cell(&rows, 0, SL_NAME);
	u->organisation_id = session_cell_int(&rows, SL_ORG);
	u->must_change_password = session_cell_int(&rows, SL_MUSTCHANGE) != 0;
	u->code_pending = session_cell_int(&rows, SL_CODE_PENDING) != 0;
	u->roles = role_parse_list(db_cell(&rows, 0, SL_ROLES)) &
	    ~ROLE_BIT(ROLE_INTEGRATION); /* a token role, never a cookie's */
	r->user = u;
	/* Idle timeout: at most one write a minute per session. */
	if (session_cell_int(&rows, SL_STALE)) {
		p[0] = DB_INT(u->session_id);
		return db_exec(
		    r->db, r->a, DB_AUTH, SQL_SESSION_TOUCH, p, 1, NULL);
	}
	return APP_OK;
}

/* Authorization: Bearer <64 hex> for integration accounts. */
static enum app_err
session_from_token(struct req *r, struct str auth)
{
	static const char prefix[] = "Bearer ";
	struct str tok;
	unsigned char hash[32];
	struct db_rows rows;
	struct db_param p[1];
	struct staff_user *u;
	enum app_err e;

	if (auth.len <= sizeof(prefix) - 1 ||
	    strncasecmp(auth.p, prefix, sizeof(prefix) - 1) != 0)
		return APP_OK;
	tok = (struct str){ auth.p + sizeof(prefix) - 1,
		auth.len - (sizeof(prefix) - 1) };
	if (!session_token_ok(&tok))
		return APP_OK;
	session_token_hash(tok, hash);
	p[0] = DB_STR(((struct str){ (const char *)hash, sizeof(hash) }));
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_FOR_TOKEN, p, 1,
	         &rows)) != APP_OK)
		return e;
	if (rows.nrows != 1)
		return APP_OK;
	if ((u = arena_calloc(r->a, 1, sizeof(*u))) == NULL)
		return APP_ENOMEM;
	u->id = session_cell_int(&rows, 0);
	u->username = db_cell(&rows, 0, 1);
	u->display_name = db_cell(&rows, 0, 2);
	u->organisation_id = session_cell_int(&rows, 3);
	u->roles = ROLE_BIT(ROLE_INTEGRATION);
	u->via_token = 1;
	u->csrf = STR_LIT("");
	r->user = u;
	return APP_OK;
}

/* Columns of SQL_TABLET_LOOKUP. */
enum { TL_ID, TL_CSRF, TL_CONSENT, TL_STAFF, TL_USER, TL_LIVE };

int
session_tablet_cookie(const struct req *r)
{
	return kv_get(&r->cookies, TABLET_COOKIE) != NULL;
}

/* Look the tablet cookie's session up; r->tablet stays NULL when there is
 * none or it has ended. One that ended by time (idle, too old, the account
 * that handed it over deactivated) is written to the access log once, as
 * the tablet's, and deleted. */
static enum app_err
session_from_tablet(struct req *r)
{
	const struct str *tok = kv_get(&r->cookies, TABLET_COOKIE);
	unsigned char hash[32];
	struct tablet_session *t;
	struct db_rows rows;
	struct db_param p[3];
	enum app_err e;

	if (!session_token_ok(tok))
		return APP_OK;
	session_token_hash(*tok, hash);
	p[0] = DB_INT(TABLET_IDLE_SECONDS);
	p[1] = DB_INT(TABLET_MAX_SECONDS);
	p[2] = DB_STR(((struct str){ (const char *)hash, sizeof(hash) }));
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_TABLET_LOOKUP, p, 3,
	         &rows)) != APP_OK)
		return e;
	if (rows.nrows != 1)
		return APP_OK;
	if ((t = arena_calloc(r->a, 1, sizeof(*t))) == NULL)
		return APP_ENOMEM;
	t->id = session_cell_int(&rows, TL_ID);
	t->csrf = db_cell(&rows, 0, TL_CSRF);
	t->consent_id = session_cell_int(&rows, TL_CONSENT);
	t->staff_id = session_cell_int(&rows, TL_STAFF);
	t->staff_username = db_cell(&rows, 0, TL_USER);
	p[0] = DB_INT(t->id);
	if (session_cell_int(&rows, TL_LIVE) != 1) {
		r->tablet = t; /* for the log row only */
		e = audit_write(r, AUDIT_LOGOUT, "consent", t->consent_id,
		    STR_LIT(""), STR_LIT("tablet locked: idle or too old"));
		r->tablet = NULL;
		if (e != APP_OK)
			return e;
		return db_exec(
		    r->db, r->a, DB_AUTH, SQL_TABLET_DELETE, p, 1, NULL);
	}
	/* The idle lock counts from the last request: touched every time
	 * (a tablet makes few). */
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_TABLET_TOUCH, p, 1, NULL)) !=
	    APP_OK)
		return e;
	r->tablet = t;
	return APP_OK;
}

enum app_err
session_load(struct req *r)
{
	const char *auth, *sso = NULL;
	enum app_err e;

	r->user = NULL;
	r->tablet = NULL;
	if (r->db == NULL || r->conf == NULL)
		return APP_OK;
	/* Only a Bearer token is ours; Basic or Negotiate belong to an SSO
	 * front (nginx) and must not hide the cookie or the SSO param. */
	if ((auth = r->src.param(r->src.ctx, "HTTP_AUTHORIZATION")) != NULL &&
	    strncasecmp(auth, "Bearer ", 7) == 0)
		return session_from_token(r, str_cstr(auth));
	/* A tablet is the tablet: never the staff member who handed it over,
	 * whatever other cookie or SSO name the request carries. */
	if (session_tablet_cookie(r))
		return session_from_tablet(r);
	if ((e = session_from_cookie(r)) != APP_OK)
		return e;
	if (r->conf->sso_header_param[0] != '\0')
		sso = r->src.param(r->src.ctx, r->conf->sso_header_param);
	if (sso != NULL && sso[0] != '\0') {
		/* SSO: nginx vouches for the name. Reuse the session if it is
		 * the same person, else start one (never trust a stale one). */
		struct db_rows rows;
		struct db_param p[1];
		struct str name;

		if (!auth_username(r, str_cstr(sso), &name)) {
			log_warn("SSO user name is not an account name");
			r->user = NULL;
			return APP_OK;
		}
		if (r->user != NULL && str_eq(r->user->username, name))
			return APP_OK;
		p[0] = DB_STR(name);
		if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_STAFF_FOR_SSO, p, 1,
		         &rows)) != APP_OK)
			return e;
		if (rows.nrows != 1) {
			log_warn("SSO user %s has no active account", name.p);
			r->user = NULL;
			return APP_OK;
		}
		/* nginx authenticated the person: no second factor here. */
		return session_create(r, session_cell_int(&rows, 0), 0);
	}
	return APP_OK;
}

enum app_err
session_create(struct req *r, long long staff_id, int code_pending)
{
	struct str token, csrf;
	unsigned char hash[32];
	struct db_param p[5];
	enum app_err e;

	/* Staff logging in on a tablet take it back: its session ends. */
	if (session_tablet_cookie(r) &&
	    (e = session_tablet_end(r, "staff logged in on the tablet")) !=
	        APP_OK)
		return e;
	/* Rotate: whatever session this browser had is gone. */
	if (r->user != NULL && r->user->session_id > 0) {
		p[0] = DB_INT(r->user->session_id);
		if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_SESSION_DELETE, p, 1,
		         NULL)) != APP_OK)
			return e;
	}
	p[0] = DB_INT(r->conf->session_idle_minutes);
	p[1] = DB_INT(r->conf->session_max_hours);
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_SESSION_SWEEP, p, 2,
	         NULL)) != APP_OK)
		return e;
	token = session_random_hex(r, SESSION_TOKEN_BYTES);
	csrf = session_random_hex(r, 32);
	if (token.p == NULL || csrf.p == NULL)
		return APP_ENOMEM;
	session_token_hash(token, hash);
	p[0] = DB_STR(((struct str){ (const char *)hash, sizeof(hash) }));
	p[1] = DB_INT(staff_id);
	p[2] = DB_STR(csrf);
	p[3] = DB_STR(r->remote_addr);
	p[4] = DB_INT(code_pending != 0);
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_SESSION_INSERT, p, 5,
	         NULL)) != APP_OK)
		return e;
	if ((e = session_set_cookie(r, SESSION_COOKIE, token, -1)) != APP_OK)
		return e;
	/* Load it back like any later request will: one code path for
	 * roles, and r->user reflects exactly what is stored. */
	r->user = NULL;
	{
		struct kv *kv = arena_alloc(r->a, sizeof(*kv));
		if (kv == NULL)
			return APP_ENOMEM;
		kv->key = STR_LIT(SESSION_COOKIE);
		kv->val = token;
		r->cookies.v = kv;
		r->cookies.n = 1;
	}
	return session_from_cookie(r);
}

enum app_err
session_end(struct req *r)
{
	struct db_param p[1];
	enum app_err e;

	if (r->user != NULL && r->user->session_id > 0) {
		p[0] = DB_INT(r->user->session_id);
		if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_SESSION_DELETE, p, 1,
		         NULL)) != APP_OK)
			return e;
	}
	return session_set_cookie(r, SESSION_COOKIE, STR_LIT(""), 0);
}

enum app_err
session_end_others(struct req *r, long long staff_id, long long keep_session)
{
	struct db_param p[2] = { DB_INT(staff_id), DB_INT(keep_session) };

	return db_exec(
	    r->db, r->a, DB_AUTH, SQL_SESSION_DELETE_STAFF, p, 2, NULL);
}

enum app_err
session_hand_over(struct req *r, struct str why)
{
	enum app_err e;

	if (r->user == NULL || r->user->via_token)
		return APP_OK;
	if ((e = audit_write(r, AUDIT_LOGOUT, "staff", r->user->id, STR_LIT(""),
	         why)) != APP_OK ||
	    (e = session_end(r)) != APP_OK)
		return e;
	r->user = NULL;
	return APP_OK;
}

enum app_err
session_tablet_create(struct req *r, long long consent_id, long long staff_id)
{
	struct str token, csrf;
	unsigned char hash[32];
	struct db_param p[5];
	struct kv *kv;
	enum app_err e;

	p[0] = DB_INT(TABLET_IDLE_SECONDS);
	p[1] = DB_INT(TABLET_MAX_SECONDS);
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_TABLET_SWEEP, p, 2, NULL)) !=
	    APP_OK)
		return e;
	token = session_random_hex(r, SESSION_TOKEN_BYTES);
	csrf = session_random_hex(r, 32);
	if (token.p == NULL || csrf.p == NULL)
		return APP_ENOMEM;
	session_token_hash(token, hash);
	p[0] = DB_STR(((struct str){ (const char *)hash, sizeof(hash) }));
	p[1] = DB_INT(consent_id);
	p[2] = DB_INT(staff_id);
	p[3] = DB_STR(csrf);
	p[4] = DB_STR(r->remote_addr);
	if ((e = db_exec(r->db, r->a, DB_AUTH, SQL_TABLET_INSERT, p, 5,
	         NULL)) != APP_OK ||
	    (e = session_set_cookie(r, TABLET_COOKIE, token, -1)) != APP_OK)
		return e;
	/* Load it back as every later request will. */
	if ((kv = arena_alloc(r->a, sizeof(*kv))) == NULL)
		return APP_ENOMEM;
	kv->key = STR_LIT(TABLET_COOKIE);
	kv->val = token;
	r->cookies.v = kv;
	r->cookies.n = 1;
	r->user = NULL;
	r->tablet = NULL;
	if ((e = session_from_tablet(r)) != APP_OK)
		return e;
	return r->tablet != NULL ? APP_OK : APP_EDB;
}

enum app_err
session_tablet_end(struct req *r, const char *why)
{
	enum app_err e;

	if (r->tablet != NULL && r->db != NULL) {
		struct db_param p[1] = { DB_INT(r->tablet->id) };

		if ((e = audit_write(r, AUDIT_LOGOUT, "consent",
		         r->tablet->consent_id, STR_LIT(""), str_cstr(why))) !=
		        APP_OK ||
		    (e = db_exec(r->db, r->a, DB_AUTH, SQL_TABLET_DELETE, p, 1,
		         NULL)) != APP_OK)
			return e;
	}
	r->tablet = NULL;
	if (!session_tablet_cookie(r))
		return APP_OK;
	return session_set_cookie(r, TABLET_COOKIE, STR_LIT(""), 0);
}

int
session_csrf_ok(const struct req *r, const struct str *token)
{
	const struct staff_user *u = r->user;

	if (r->tablet != NULL) {
		const struct str *c = &r->tablet->csrf;
		return token != NULL && c->len > 0 && token->len == c->len &&
		    sodium_memcmp(token->p, c->p, token->len) == 0;
	}
	if (u == NULL || u->via_token || token == NULL || u->csrf.len == 0 ||
	    token->len != u->csrf.len)
		return 0;
	return sodium_memcmp(token->p, u->csrf.p, token->len) == 0;
}
