/* session.c: sessions (staff, tablet, bearer token), CSRF and SSO; see include/session.h. */
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
#include "public_host.h"
#include "req.h"
#include "session.h"
#include "sql_auth.h"
#include "tablet.h"

/*
 * The two kinds of cookie session: a staff member's and a consent tablet's.
 * Both are a row keyed by the hash of the cookie's token, with a CSRF
 * token, an idle and a total time limit, swept when a new one starts; one
 * code path looks them up, touches, starts and removes them, and the
 * table below says which statements and cookie each kind uses.
 */
enum session_kind { SK_STAFF, SK_TABLET, SK__MAX };

static const struct {
	const char *cookie;
	/* (idle seconds, max seconds, token hash) -> session_row */
	unsigned lookup;
	/* (token hash, staff id, csrf, remote_addr, code_pending or
	 * consent id) */
	unsigned insert;
	unsigned touch, remove; /* (session id) */
	unsigned sweep;         /* (idle seconds, max seconds) */
} session_kinds[SK__MAX] = {
	[SK_STAFF] = { SESSION_COOKIE, SQL_SESSION_LOOKUP, SQL_SESSION_INSERT,
	    SQL_SESSION_TOUCH, SQL_SESSION_DELETE, SQL_SESSION_SWEEP },
	[SK_TABLET] = { TABLET_COOKIE, SQL_TABLET_LOOKUP, SQL_TABLET_INSERT,
	    SQL_TABLET_TOUCH, SQL_TABLET_DELETE, SQL_TABLET_SWEEP },
};

/* A session as every lookup returns it (session_row_record). A staff
 * session has no consent and is always live (an ended one is not found);
 * a tablet session is found until it is deleted, live while within its
 * limits, and stale on every request (touched each time: the idle lock
 * counts from the last one). A bearer token is a session without id or
 * CSRF token. */
struct session_row {
	long long id;
	struct str csrf;
	long long staff_id;
	struct str username, display_name;
	long long organisation_id;
	long long forbund_id;    /* the account's: the request's förbund */
	struct str forbund_host; /* its public_host; "" when none */
	int installation_admin;  /* the operator's mark (sql/0078) */
	int must_change_password;
	/* Comma-separated names; a staff session's rows one each. */
	struct str roles;
	int stale; /* last seen over a minute ago: touch it */
	int code_pending;
	long long consent_id;
	int live;
	unsigned role_bits; /* roles of all its rows (session_rows()) */
};

static const struct db_field session_row_fields[] = {
	DB_FIELD(session_row, id, "id", DB_F_INT),
	DB_FIELD(session_row, csrf, "csrf", DB_F_STR),
	DB_FIELD(session_row, staff_id, "staff_id", DB_F_INT),
	DB_FIELD(session_row, username, "username", DB_F_STR),
	DB_FIELD(session_row, display_name, "display_name", DB_F_STR),
	DB_FIELD(session_row, organisation_id, "organisation_id", DB_F_INT),
	DB_FIELD(session_row, forbund_id, "forbund_id", DB_F_INT),
	DB_FIELD(session_row, forbund_host, "forbund_host", DB_F_STR),
	DB_FIELD(
	    session_row, installation_admin, "installation_admin", DB_F_BOOL),
	DB_FIELD(session_row, must_change_password, "must_change_password",
	    DB_F_BOOL),
	DB_FIELD(session_row, roles, "roles", DB_F_STR),
	DB_FIELD(session_row, stale, "stale", DB_F_BOOL),
	DB_FIELD(session_row, code_pending, "code_pending", DB_F_BOOL),
	DB_FIELD(session_row, consent_id, "consent_id", DB_F_INT),
	DB_FIELD(session_row, live, "live", DB_F_BOOL),
};
const struct db_record session_row_record =
    DB_RECORD(session_row, session_row_fields);

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

const char *
session_base_url(struct req *r)
{
	const char *base = r->conf != NULL ? r->conf->base_url : NULL;
	char *out;
	size_t n;

	if (base == NULL)
		return "";
	if (r->user == NULL || r->user->forbund_host.len == 0)
		return base;
	n = strlen(base) + r->user->forbund_host.len + 1;
	if ((out = arena_alloc(r->a, n)) == NULL ||
	    !public_host_url(base, r->user->forbund_host, out, n))
		return base;
	return out;
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

int
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

/* The hash of a token as a statement parameter (in out, 32 bytes). */
static struct db_param
session_hash_param(struct str token, unsigned char out[32])
{
	session_token_hash(token, out);
	return DB_STR(((struct str){ (const char *)out, 32 }));
}

/* A kind's idle and total limits in seconds: the conf's for staff, the
 * fixed ones for a tablet. */
static void
session_limits(const struct req *r, enum session_kind k, struct db_param p[2])
{
	if (k == SK_TABLET) {
		p[0] = DB_INT(TABLET_IDLE_SECONDS);
		p[1] = DB_INT(TABLET_MAX_SECONDS);
	} else {
		p[0] = DB_INT((long long)r->conf->session_idle_minutes * 60);
		p[1] = DB_INT((long long)r->conf->session_max_hours * 3600);
	}
}

/* Statement q's session: its first row, with the roles of every row
 * (SQL_SESSION_LOOKUP returns a row per role) in role_bits; *found 0 when
 * there is none. */
static enum app_err
session_rows(struct req *r, unsigned q, const struct db_param *p, size_t np,
    struct session_row *row, int *found)
{
	struct session_row *rows;
	size_t n;
	enum app_err e;

	*found = 0;
	if ((e = db_load(r->db, r->a, DB_AUTH, q, p, np, (void **)&rows, &n)) !=
	        APP_OK ||
	    n == 0)
		return e;
	*row = rows[0];
	row->role_bits = 0;
	for (size_t i = 0; i < n; i++)
		row->role_bits |= role_parse_list(rows[i].roles);
	*found = 1;
	return APP_OK;
}

/* The session of kind k that this browser's cookie names: *found 0 when
 * there is none (no cookie, a malformed one, an unknown or ended one). */
static enum app_err
session_lookup(
    struct req *r, enum session_kind k, struct session_row *row, int *found)
{
	const struct str *tok = kv_get(&r->cookies, session_kinds[k].cookie);
	unsigned char hash[32];
	struct db_param p[3];

	*found = 0;
	if (!session_token_ok(tok))
		return APP_OK;
	session_limits(r, k, p);
	p[2] = session_hash_param(*tok, hash);
	return session_rows(r, session_kinds[k].lookup, p, 3, row, found);
}

/* Keep session row of kind k alive: last seen now, when it is stale (at
 * most one write a minute for staff; every request on a tablet). */
static enum app_err
session_touch(struct req *r, enum session_kind k, const struct session_row *row)
{
	struct db_param p[1] = { DB_INT(row->id) };

	if (!row->stale)
		return APP_OK;
	return db_exec(
	    r->db, r->a, DB_AUTH, session_kinds[k].touch, p, 1, NULL);
}

/* Delete session id of kind k. */
static enum app_err
session_remove(struct req *r, enum session_kind k, long long id)
{
	struct db_param p[1] = { DB_INT(id) };

	return db_exec(
	    r->db, r->a, DB_AUTH, session_kinds[k].remove, p, 1, NULL);
}

/*
 * Start a session of kind k for staff_id (extra: code_pending for staff,
 * the consent id for a tablet): expired ones swept, a fresh token and CSRF
 * token, the row, the cookie set; then the request carries only that
 * cookie, so the caller loads it back as every later request will.
 */
static enum app_err
session_start(
    struct req *r, enum session_kind k, long long staff_id, long long extra)
{
	struct str token, csrf;
	unsigned char hash[32];
	struct db_param p[5];
	struct kv *kv;
	enum app_err e;

	session_limits(r, k, p);
	if ((e = db_exec(r->db, r->a, DB_AUTH, session_kinds[k].sweep, p, 2,
	         NULL)) != APP_OK)
		return e;
	token = session_random_hex(r, SESSION_TOKEN_BYTES);
	csrf = session_random_hex(r, 32);
	if (token.p == NULL || csrf.p == NULL)
		return APP_ENOMEM;
	p[0] = session_hash_param(token, hash);
	p[1] = DB_INT(staff_id);
	p[2] = DB_STR(csrf);
	p[3] = DB_STR(r->remote_addr);
	p[4] = DB_INT(extra);
	if ((e = db_exec(r->db, r->a, DB_AUTH, session_kinds[k].insert, p, 5,
	         NULL)) != APP_OK ||
	    (e = session_set_cookie(r, session_kinds[k].cookie, token, -1)) !=
	        APP_OK)
		return e;
	if ((kv = arena_alloc(r->a, sizeof(*kv))) == NULL)
		return APP_ENOMEM;
	kv->key = str_cstr(session_kinds[k].cookie);
	kv->val = token;
	r->cookies.v = kv;
	r->cookies.n = 1;
	return APP_OK;
}

/* r->user from a staff session or a bearer token's row. A cookie never
 * carries the integration role (a token's, never a browser's); a token
 * carries nothing else. */
static enum app_err
session_set_user(struct req *r, const struct session_row *row, int via_token)
{
	unsigned roles = row->role_bits;
	struct staff_user *u;

	if ((u = arena_calloc(r->a, 1, sizeof(*u))) == NULL)
		return APP_ENOMEM;
	u->id = row->staff_id;
	u->organisation_id = row->organisation_id;
	u->forbund_id = row->forbund_id;
	u->forbund_host = row->forbund_host;
	u->username = row->username;
	u->display_name = row->display_name;
	u->must_change_password = row->must_change_password;
	/* A token is the integration job's, never an installation admin. */
	u->installation_admin = !via_token && row->installation_admin;
	u->session_id = row->id;
	u->csrf = row->csrf;
	u->code_pending = row->code_pending;
	u->via_token = via_token;
	u->roles = via_token ? roles & ROLE_BIT(ROLE_INTEGRATION)
	                     : roles & ~ROLE_BIT(ROLE_INTEGRATION);
	r->user = u;
	/* Every statement of the request is the account's förbund's. */
	db_forbund_set(r->db, u->forbund_id);
	return APP_OK;
}

/* Look the cookie's session up; r->user stays NULL when there is none. */
static enum app_err
session_from_cookie(struct req *r)
{
	struct session_row row;
	int found;
	enum app_err e;

	if ((e = session_lookup(r, SK_STAFF, &row, &found)) != APP_OK || !found)
		return e;
	if ((e = session_set_user(r, &row, 0)) != APP_OK)
		return e;
	return session_touch(r, SK_STAFF, &row);
}

int
session_bearer_token(struct str auth, struct str *tok)
{
	static const char prefix[] = "Bearer ";

	*tok = STR_LIT("");
	if (auth.len <= sizeof(prefix) - 1 ||
	    strncasecmp(auth.p, prefix, sizeof(prefix) - 1) != 0)
		return 0;
	*tok = (struct str){ auth.p + sizeof(prefix) - 1,
		auth.len - (sizeof(prefix) - 1) };
	if (!session_token_ok(tok)) {
		*tok = STR_LIT("");
		return 0;
	}
	return 1;
}

/* Authorization: Bearer <64 hex> for integration accounts. */
static enum app_err
session_from_token(struct req *r, struct str auth)
{
	struct session_row row;
	unsigned char hash[32];
	struct db_param p[1];
	struct str tok;
	int found;
	enum app_err e;

	if (!session_bearer_token(auth, &tok))
		return APP_OK;
	p[0] = session_hash_param(tok, hash);
	if ((e = session_rows(r, SQL_STAFF_FOR_TOKEN, p, 1, &row, &found)) !=
	        APP_OK ||
	    !found)
		return e;
	return session_set_user(r, &row, 1);
}

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
	struct tablet_session *t;
	struct session_row row;
	int found;
	enum app_err e;

	if ((e = session_lookup(r, SK_TABLET, &row, &found)) != APP_OK ||
	    !found)
		return e;
	if ((t = arena_calloc(r->a, 1, sizeof(*t))) == NULL)
		return APP_ENOMEM;
	t->id = row.id;
	t->csrf = row.csrf;
	t->consent_id = row.consent_id;
	t->staff_id = row.staff_id;
	t->staff_username = row.username;
	if (!row.live) {
		/* For the log row only: the tablet's, of its förbund. */
		r->tablet = t;
		db_forbund_set(r->db, row.forbund_id);
		e = audit_write(r, AUDIT_LOGOUT, "consent", t->consent_id,
		    STR_LIT(""), STR_LIT("tablet locked: idle or too old"));
		db_forbund_set(r->db, 0);
		r->tablet = NULL;
		if (e != APP_OK)
			return e;
		return session_remove(r, SK_TABLET, t->id);
	}
	if ((e = session_touch(r, SK_TABLET, &row)) != APP_OK)
		return e;
	r->tablet = t;
	/* The förbund of the staff member who handed it over. */
	db_forbund_set(r->db, row.forbund_id);
	return APP_OK;
}

enum app_err
session_load(struct req *r)
{
	const char *auth, *sso = NULL;
	enum app_err e;

	r->user = NULL;
	r->tablet = NULL;
	db_forbund_set(r->db, 0); /* none until a caller is known */
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
		struct str name;
		long long id;

		if (!auth_username(r, str_cstr(sso), &name)) {
			log_warn("SSO user name is not an account name");
			r->user = NULL;
			db_forbund_set(r->db, 0);
			return APP_OK;
		}
		if (r->user != NULL && str_eq(r->user->username, name))
			return APP_OK;
		if ((e = staff_id_by_username(
		         r, name, STAFF_ACTIVE_ONLY, &id)) != APP_OK)
			return e;
		if (id == 0) {
			log_warn("SSO user %s has no active account", name.p);
			r->user = NULL;
			db_forbund_set(r->db, 0);
			return APP_OK;
		}
		/* nginx authenticated the person: no second factor here. */
		return session_create(r, id, 0);
	}
	return APP_OK;
}

enum app_err
session_create(struct req *r, long long staff_id, int code_pending)
{
	enum app_err e;

	/* Staff logging in on a tablet take it back: its session ends. */
	if (session_tablet_cookie(r) &&
	    (e = session_tablet_end(r, "staff logged in on the tablet")) !=
	        APP_OK)
		return e;
	/* Rotate: whatever session this browser had is gone. */
	if (r->user != NULL && r->user->session_id > 0 &&
	    (e = session_remove(r, SK_STAFF, r->user->session_id)) != APP_OK)
		return e;
	if ((e = session_start(r, SK_STAFF, staff_id, code_pending != 0)) !=
	    APP_OK)
		return e;
	/* Load it back like any later request will: one code path for
	 * roles, and r->user reflects exactly what is stored. */
	r->user = NULL;
	return session_from_cookie(r);
}

enum app_err
session_end(struct req *r)
{
	enum app_err e;

	if (r->user != NULL && r->user->session_id > 0 &&
	    (e = session_remove(r, SK_STAFF, r->user->session_id)) != APP_OK)
		return e;
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
	enum app_err e;

	if ((e = session_start(r, SK_TABLET, staff_id, consent_id)) != APP_OK)
		return e;
	/* Load it back as every later request will. */
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

	if (r->tablet != NULL && r->db != NULL &&
	    ((e = audit_write(r, AUDIT_LOGOUT, "consent", r->tablet->consent_id,
	          STR_LIT(""), str_cstr(why))) != APP_OK ||
	        (e = session_remove(r, SK_TABLET, r->tablet->id)) != APP_OK))
		return e;
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
