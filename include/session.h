/*
 * session.h: who is asking. Login sessions, CSRF tokens (the roles are
 * include/staff.h's).
 *
 * A session is a row in MariaDB keyed by the BLAKE2b-256 hash of a 256-bit
 * random token; only the browser has the token, in the cookie
 * stegvis_session (HttpOnly; SameSite=Strict; Secure unless conf relaxes it
 * for plain-http loopback). It ends after conf session_idle_minutes without
 * a request or session_max_hours after login, at logout, or when the
 * account is deactivated. Each session has its own CSRF token, which every
 * form carries and route_dispatch() checks on every POST.
 *
 * Three ways in: the session cookie; in SSO mode (conf sso_header_param)
 * the user name nginx puts in that FastCGI param, never a request header;
 * and for integration accounts a bearer token (Authorization header).
 *
 * A fourth caller is not staff: the consent tablet. A staff member hands
 * the device over for one consent (session_hand_over(), then
 * session_tablet_create()); from then on the browser carries the cookie
 * stegvis_surfplatta and is the tablet session (r->tablet), kept in
 * tablet_session like a staff session (the hash of a 256-bit token, its own
 * CSRF token), never the staff member: while the cookie is there no staff
 * cookie or SSO user is read. It ends after TABLET_IDLE_SECONDS idle or
 * TABLET_MAX_SECONDS in all, at the lock screen or any page outside its
 * scope (route_dispatch() asks include/tablet.h), and when staff log in.
 */
#ifndef SESSION_H
#define SESSION_H

#include "app.h"
#include "staff.h" /* enum role, ROLE_BIT() */
#include "str.h"

struct db_record;
struct req;

/* The logged-in account of a request. Strings are arena. */
struct staff_user {
	long long id;
	long long organisation_id;
	long long forbund_id;    /* the account's förbund (db_forbund_set()) */
	struct str forbund_host; /* its public_host (sql/0071); "" when none */
	struct str username;
	struct str display_name;
	unsigned roles; /* ROLE_BIT()s */
	int must_change_password;
	/* Manages the installation's settings (include/forbund.h), as the
	 * operator marked the account (sql/0078). */
	int installation_admin;
	long long session_id; /* 0 for a bearer token */
	struct str csrf;      /* the session's CSRF token; empty for a token */
	int via_token;        /* authenticated by bearer token, not a cookie */
	int code_pending;     /* password given, TOTP code still due */
};

/* A consent tablet session (see above). Strings are arena. */
struct tablet_session {
	long long id;
	long long consent_id;      /* the one consent it may reach */
	long long staff_id;        /* who handed the tablet over */
	struct str staff_username; /* ... as the name is now */
	struct str csrf;           /* its CSRF token */
};

#define SESSION_COOKIE      "stegvis_session"
#define SESSION_TOKEN_BYTES 32 /* 256 bits */

/* The decode table of a session as its lookups return it, for the
 * statements in sql_auth.c: SQL_SESSION_LOOKUP (a staff session),
 * SQL_TABLET_LOOKUP (a tablet session) and SQL_STAFF_FOR_TOKEN (a bearer
 * token, a session of its own). One record, so one code path reads all
 * three. */
extern const struct db_record session_row_record;

/*
 * Find the caller: bearer token, SSO param (creating a session for the
 * named account if needed) or session cookie. Sets r->user, or leaves it
 * NULL for an anonymous request. An unknown or expired cookie is not an
 * error (the user is anonymous). APP_EUNAVAIL/APP_EDB from the database.
 */
enum app_err session_load(struct req *);

/*
 * Start a new session for staff_id (code_pending: only the password is
 * proven, the TOTP code is still due): a fresh token (any old session of this
 * browser is deleted first, so the id rotates at every login), the cookie
 * set on r->resp, r->user filled. Expired sessions are swept on the way.
 */
enum app_err session_create(struct req *, long long staff_id, int code_pending);

/* End the current session: delete its row and clear the cookie. */
enum app_err session_end(struct req *);

/* End every session of staff_id except keep_session (0: all). */
enum app_err session_end_others(
    struct req *, long long staff_id, long long keep_session);

/* 1 when token equals the session's CSRF token (constant time): the staff
 * session's, or the tablet session's on a tablet. A request authenticated
 * by bearer token has no CSRF token and never matches. */
int session_csrf_ok(const struct req *, const struct str *token);

/*
 * The staff member hands this device to a participant (the questionnaire
 * kiosk's "Starta på den här surfplattan", the consent tablet): their
 * session on it ends, with an access-log row (logout, why). Nothing when
 * no staff member is logged in by cookie.
 */
enum app_err session_hand_over(struct req *, struct str why);

/* 1 when the request carries the tablet cookie, whether or not it names a
 * live tablet session. */
int session_tablet_cookie(const struct req *);

/*
 * Start a tablet session for consent_id, handed over by staff_id: a fresh
 * token and CSRF token, the cookie set, r->tablet filled and r->user NULL.
 * Expired tablet sessions are swept on the way.
 */
enum app_err session_tablet_create(
    struct req *, long long consent_id, long long staff_id);

/* End this device's tablet session: when it is live an access-log row as
 * the tablet (logout, why) and its row deleted; the cookie cleared. */
enum app_err session_tablet_end(struct req *, const char *why);

/* Set a cookie on r->resp with this module's attributes (HttpOnly,
 * SameSite=Strict, Secure unless relaxed, Path=/). max_age < 0: session
 * cookie; 0: delete. value must be cookie-safe (our own hex). */
enum app_err session_set_cookie(
    struct req *, const char *name, struct str value, long max_age);

/* The installation's address for links the request's account hands on
 * (a questionnaire link): conf base_url with its host name replaced by the
 * account's förbund's own (forbund.public_host, read with the session),
 * scheme, port and path kept; base_url itself when the förbund has none
 * or there is no account; "" without base_url. Arena or conf. */
const char *session_base_url(struct req *);

/* A random token as 2 * nbytes hex characters. Arena. */
struct str session_random_hex(struct req *, size_t nbytes);

/* 1 when t (may be NULL) is a well-formed token: exactly 2 *
 * SESSION_TOKEN_BYTES lower-case hex characters (a cookie's or a bearer
 * token's); anything else is no session. */
int session_token_ok(const struct str *t);

/* The token of an Authorization value "Bearer <token>" (the scheme in any
 * case): 1 and *tok (borrowed from auth) when session_token_ok(), else 0
 * and *tok empty. */
int session_bearer_token(struct str auth, struct str *tok);

/* BLAKE2b-256 of the hex token s, into out (32 bytes). */
void session_token_hash(struct str token, unsigned char out[32]);

#endif /* !SESSION_H */
