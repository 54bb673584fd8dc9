/*
 * resp.h: the response being built for one request.
 *
 * Headers then body, written out once by resp_send(). Every response gets
 * the security headers (CSP without inline script, frame-ancestors 'none',
 * Referrer-Policy, X-Content-Type-Options) and Cache-Control: no-store
 * unless the route marked the page public (no personal data).
 */
#ifndef RESP_H
#define RESP_H

#include "str.h"

struct arena;

struct resp {
	int status;               /* 200 by default */
	const char *content_type; /* borrowed literal; text/html by default */
	int cacheable; /* 1: public page, may be revalidated; 0: no-store */
	struct buf headers; /* extra "Name: value\r\n" lines */
	struct buf body;
};

/* Start a 200 text/html response with empty body on arena a. */
void resp_init(struct resp *, struct arena *a);

/* Add a header. name is our own literal; value may come from data and is
 * rejected with APP_EINPUT if it holds CR, LF or NUL. */
enum app_err resp_header(struct resp *, const char *name, struct str value);

/* Drop body and extra headers, keeping the arena (for error pages). */
void resp_clear(struct resp *);

/* The reason phrase for a status ("Not Found"). Borrowed. */
const char *resp_reason(int status);

/* Serialise status, headers and body into out (CGI response format). */
enum app_err resp_serialise(const struct resp *, struct buf *out);

#endif /* !RESP_H */
