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

/* Where a streamed body goes: put() writes n bytes, 0 on success. */
typedef int (*resp_put_fn)(void *out, const char *p, size_t n);

/* A body too large for the arena (a SUS batch document), written after the
 * headers, in pieces: fn calls put() as often as it needs. It may use the
 * arena a, rewinding it between pieces. Exactly len bytes must be put. */
typedef enum app_err (*resp_stream_fn)(
    void *ctx, struct arena *a, resp_put_fn put, void *out);

struct resp {
	int status;               /* 200 by default */
	const char *content_type; /* borrowed literal; text/html by default */
	int cacheable; /* 1: public page, may be revalidated; 0: no-store */
	struct buf headers; /* extra "Name: value\r\n" lines */
	struct buf body;
	/* Set with resp_stream(): the body comes from stream after the
	 * headers; body must stay empty. */
	resp_stream_fn stream;
	void *stream_ctx;
	unsigned long long stream_len;
};

/* Send the body through fn(ctx, ...) after the headers (Content-Length
 * len) instead of from the arena. */
void resp_stream(
    struct resp *, resp_stream_fn fn, void *ctx, unsigned long long len);

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

/* The status line and headers alone, ending with the blank line: the
 * worker sends the body from where it lies, so a big page is not copied
 * (nor its copy grown by doubling) in the request's arena. */
enum app_err resp_serialise_head(const struct resp *, struct buf *out);

#endif /* !RESP_H */
