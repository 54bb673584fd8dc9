/*
 * route.h: the one table from (method, path) to handler, and dispatch.
 *
 * route_dispatch() runs the generic checks in order before any handler:
 * unknown path 404, wrong method 405, body too large 413, malformed input
 * 400, then who is asking (session_load): not logged in -> the login page
 * (GET) or 403 (POST); a role the route does not allow -> 403; a password
 * that must be changed -> the password page; and for every POST the CSRF
 * token -> 403. A POST refused only because its session has ended (or is
 * half, the code due) or its CSRF token is stale may be kept instead and
 * answered with the way to log in (page_form_stash.h). Only then the
 * handler. Failures become Swedish error pages, logged once.
 */
#ifndef ROUTE_H
#define ROUTE_H

#include "app.h"
#include "req.h"

typedef enum app_err (*route_fn)(struct req *);

enum route_flag {
	ROUTE_PUBLIC = 1 << 0, /* no login needed, no personal data */
	ROUTE_LOGIN_FORM = 1
	    << 1,                /* POST checked by the pre-login CSRF cookie */
	ROUTE_PASSWORD = 1 << 2, /* reachable while a new password is due */
	ROUTE_CODE = 1 << 3,     /* reachable while the TOTP code is due */
	/* Machine access: only a bearer token will do. No token, a bad
	 * one or a browser session is a 401 (WWW-Authenticate: Bearer)
	 * with a one-line body, never a redirect to the login page. */
	ROUTE_BEARER = 1 << 4,
	/* What a participant sends from a consent tablet (the signing): a
	 * refused POST to it is never kept for a staff account to send again
	 * after a login on the device (include/form_stash.h). */
	ROUTE_TABLET = 1 << 5,
	/* The installation's settings, one set for every förbund (the
	 * national code lists): only an admin the operator has named
	 * (include/forbund.h, sql/0078); 403 for any other. */
	ROUTE_INSTALLATION = 1 << 6,
};

struct route {
	enum http_method method; /* METHOD_GET also answers HEAD */
	const char *pattern; /* "/insats/:id": literal segments and :params */
	unsigned roles;      /* ROLE_BIT()s allowed; 0 with ROUTE_PUBLIC */
	unsigned flags;      /* enum route_flag */
	route_fn fn;
};

/* The route table (for tests and the role matrix); *n is its length. */
const struct route *route_table(size_t *n);

/* Match path against pattern; on a match fill params (arena-free: they
 * point into path) and return 1. Exposed for the unit tests. */
int route_match(
    const char *pattern, struct str path, struct str *params, size_t *nparams);

/* Find the handler for r (filling r->params), run it, and leave a complete
 * response in r->resp, an error page if anything failed. Never fails. */
void route_dispatch(struct req *r);

/*
 * Run r once more as a POST to r->path with r->form, through the same
 * route, access checks (login, role, code, password, CSRF) and handler as
 * route_dispatch() would: for sending a kept form again (form_stash.h).
 * APP_ENOTFOUND when no POST route has the path, APP_EFORBIDDEN when a
 * check refuses (nothing run), else the handler's result.
 */
enum app_err route_replay(struct req *r);

/* Render the Swedish error page for status into r->resp. */
void route_error_page(struct req *r, int status);

/* A test hook, called only by build/stegvis-testhooks (main.c,
 * STEGVIS_DEADLOCK_TRIES): the runs of a request that loses a race
 * (3 otherwise), so that make check-ha can make a loser's first loss its
 * 409 rather than a second run. */
void route_test_deadlock_tries(int n);

#endif /* !ROUTE_H */
