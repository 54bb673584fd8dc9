/* resp.c: response headers and body; see include/resp.h. */
#include <string.h>

#include "resp.h"

/*
 * No inline script or style anywhere: pages use /static/ files only.
 * form-action 'self' keeps a tampered page from posting elsewhere;
 * connect-src 'self' lets the kiosk save an answer with fetch
 * (views/static/kiosk.js), to this site only; font-src 'self' serves the
 * tablet's fonts (views/static/fonts/).
 */
#define RESP_CSP                                                               \
	"default-src 'none'; style-src 'self'; img-src 'self'; "               \
	"font-src 'self'; script-src 'self'; connect-src 'self'; "             \
	"form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

void
resp_init(struct resp *r, struct arena *a)
{
	r->status = 200;
	r->content_type = "text/html; charset=utf-8";
	r->cacheable = 0;
	r->stream = NULL;
	r->stream_ctx = NULL;
	r->stream_len = 0;
	buf_init(&r->headers, a);
	buf_init(&r->body, a);
}

void
resp_stream(
    struct resp *r, resp_stream_fn fn, void *ctx, unsigned long long len)
{
	r->body.len = 0;
	r->stream = fn;
	r->stream_ctx = ctx;
	r->stream_len = len;
}

void
resp_clear(struct resp *r)
{
	r->stream = NULL;
	r->headers.len = 0;
	r->body.len = 0;
	r->content_type = "text/html; charset=utf-8";
}

enum app_err
resp_header(struct resp *r, const char *name, struct str value)
{
	enum app_err e;

	for (size_t i = 0; i < value.len; i++)
		if (value.p[i] == '\r' || value.p[i] == '\n' ||
		    value.p[i] == '\0')
			return APP_EINPUT;
	if ((e = buf_puts(&r->headers, name)) != APP_OK ||
	    (e = buf_append(&r->headers, ": ", 2)) != APP_OK ||
	    (e = buf_append(&r->headers, value.p, value.len)) != APP_OK)
		return e;
	return buf_append(&r->headers, "\r\n", 2);
}

const char *
resp_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 401: return "Unauthorized";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 413: return "Content Too Large";
	case 429: return "Too Many Requests";
	case 503: return "Service Unavailable";
	default: return status >= 500 ? "Internal Server Error" : "Error";
	}
}

enum app_err
resp_serialise_head(const struct resp *r, struct buf *out)
{
	enum app_err e;

	if ((e = buf_printf(out, "Status: %d %s\r\n", r->status,
	         resp_reason(r->status))) != APP_OK ||
	    (e = buf_printf(out, "Content-Type: %s\r\n", r->content_type)) !=
	        APP_OK ||
	    (e = buf_printf(out, "Content-Length: %llu\r\n",
	         r->stream ? r->stream_len
	                   : (unsigned long long)r->body.len)) != APP_OK ||
	    (e = buf_puts(out,
	         "Content-Security-Policy: " RESP_CSP "\r\n"
	         "X-Content-Type-Options: nosniff\r\n"
	         "X-Frame-Options: DENY\r\n"
	         "Referrer-Policy: same-origin\r\n")) != APP_OK ||
	    (e = buf_puts(out,
	         r->cacheable ? "Cache-Control: no-cache\r\n"
	                      : "Cache-Control: no-store\r\n")) != APP_OK ||
	    (e = buf_append(out, r->headers.p, r->headers.len)) != APP_OK ||
	    (e = buf_append(out, "\r\n", 2)) != APP_OK)
		return e;
	return APP_OK;
}

enum app_err
resp_serialise(const struct resp *r, struct buf *out)
{
	enum app_err e;

	if ((e = resp_serialise_head(r, out)) != APP_OK || r->stream)
		return e;
	return buf_append(out, r->body.p, r->body.len);
}
