/*
 * req.h: the request context handed to every handler.
 *
 * Built by the worker from the FastCGI params within the hard limits of
 * app_limits.h. Every string in it lives in the request arena. Handlers
 * read only parsed values: path params, query, form body and cookies.
 */
#ifndef REQ_H
#define REQ_H

#include <stddef.h>

#include "app_limits.h"
#include "form.h"
#include "multipart.h"
#include "resp.h"
#include "str.h"

struct arena;
struct conf;
struct db;
struct staff_user;
struct tablet_session;
struct view_set;

enum http_method {
	METHOD_GET,
	METHOD_HEAD,
	METHOD_POST,
	METHOD_OTHER, /* anything else: 405 on every route */
	METHOD__MAX
};

/* A source of request params and body: libfcgi in production, a table in tests. */
struct req_source {
	const char *(*param)(void *ctx, const char *name); /* NULL if absent */
	long (*read)(
	    void *ctx, char *dst, size_t n); /* bytes read, -1 on error */
	void *ctx;
};

struct req {
	struct arena *a;
	struct db *db; /* NULL in unit tests */
	const struct view_set *views;
	const struct conf *conf;
	struct req_source src;

	enum http_method method;
	struct str path; /* decoded by nginx (DOCUMENT_URI) */
	struct str query_raw;
	struct str remote_addr;
	struct str request_id;
	size_t content_length;
	struct str params[MAX_ROUTE_PARAMS]; /* :name segments of the route */
	size_t nparams;

	struct kv_list query; /* parsed by req_parse_input() */
	struct kv_list cookies;
	struct kv_list form;     /* POST body fields (urlencoded, multipart) */
	struct mp_files files;   /* a multipart body's files (multipart.h) */
	struct staff_user *user; /* NULL: anonymous; set by session_load() */
	/* The consent tablet asking (include/tablet.h); then user is NULL.
	 * Set by session_load(). */
	struct tablet_session *tablet;

	struct resp resp;
};

/* Fill method, path, remote address, request id and content length from the
 * source. APP_EINPUT for a path that is not valid UTF-8 or holds NUL, or a
 * bad CONTENT_LENGTH; APP_ETOOBIG for a length over MAX_BODY (before any
 * byte of the body is read). Strings are arena. */
enum app_err req_parse_head(struct req *);

/* Parse query string, cookies and, for POST, the body (read from the
 * source, at most content_length bytes): urlencoded into form, or
 * multipart/form-data (multipart_parse()) into form and files. APP_EINPUT
 * on malformed input or an unsupported content type. */
enum app_err req_parse_input(struct req *);

/* The route's first :param as a positive id (1 to 18 digits) in *id, or
 * APP_ENOTFOUND (a 404: ids that cannot exist are not found). */
enum app_err req_param_id(const struct req *, long long *id);

/* The first query or form value for key, or NULL. Borrowed from the request. */
const struct str *req_query(const struct req *, const char *key);
const struct str *req_form(const struct req *, const char *key);

#endif /* !REQ_H */
