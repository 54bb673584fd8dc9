/* req.c: the request context from FastCGI params; see include/req.h. */
#include <string.h>
#include <strings.h>

#include "app_limits.h"
#include "arena.h"
#include "form.h"
#include "multipart.h"
#include "req.h"

static struct str
req_param(struct req *r, const char *name)
{
	const char *v = r->src.param(r->src.ctx, name);

	return str_cstr(v);
}

static enum http_method
req_method(struct str m)
{
	if (str_eq_cstr(m, "GET"))
		return METHOD_GET;
	if (str_eq_cstr(m, "HEAD"))
		return METHOD_HEAD;
	if (str_eq_cstr(m, "POST"))
		return METHOD_POST;
	return METHOD_OTHER;
}

enum app_err
req_parse_head(struct req *r)
{
	const char *cl;

	r->method = req_method(req_param(r, "REQUEST_METHOD"));
	/* DOCUMENT_URI is nginx's decoded, normalised path without the query. */
	r->path = req_param(r, "DOCUMENT_URI");
	if (r->path.len == 0)
		r->path = STR_LIT("/");
	r->query_raw = req_param(r, "QUERY_STRING");
	r->remote_addr = req_param(r, "REMOTE_ADDR");
	r->request_id = req_param(r, "REQUEST_ID");
	if (r->path.len > MAX_URI || r->query_raw.len > MAX_QUERY)
		return APP_EINPUT;
	if (str_has_nul(r->path) || !str_utf8_valid(r->path))
		return APP_EINPUT;
	cl = r->src.param(r->src.ctx, "CONTENT_LENGTH");
	return form_parse_content_length(cl, MAX_BODY, &r->content_length);
}

/* The media type of CONTENT_TYPE without parameters, lower-cased compare. */
static int
req_content_type_is(struct req *r, const char *want)
{
	struct str ct = req_param(r, "CONTENT_TYPE");
	size_t n = strlen(want);

	if (ct.len < n || strncasecmp(ct.p, want, n) != 0)
		return 0;
	return ct.len == n || ct.p[n] == ';' || ct.p[n] == ' ';
}

static enum app_err
req_read_body(struct req *r, struct str *out)
{
	char *p;
	size_t got = 0;

	*out = STR_LIT("");
	if (r->content_length == 0)
		return APP_OK;
	if ((p = arena_alloc(r->a, r->content_length)) == NULL)
		return APP_ENOMEM;
	while (got < r->content_length) {
		long n =
		    r->src.read(r->src.ctx, p + got, r->content_length - got);
		if (n <= 0)
			return APP_EINPUT; /* body shorter than announced */
		got += (size_t)n;
	}
	*out = (struct str){ p, got };
	return APP_OK;
}

enum app_err
req_parse_input(struct req *r)
{
	enum app_err e;
	struct str body;
	int multipart;

	if ((e = form_parse_urlenc(r->a, r->query_raw, &r->query)) != APP_OK)
		return e;
	if ((e = form_parse_cookies(
	         r->a, req_param(r, "HTTP_COOKIE"), &r->cookies)) != APP_OK)
		return e;
	if (r->method != METHOD_POST)
		return APP_OK;
	/* A form with a file comes as multipart/form-data: its fields land
	 * in r->form as urlencoded ones do (so the CSRF check and the field
	 * tables see no difference), its files in r->files. */
	multipart = multipart_is(req_param(r, "CONTENT_TYPE"));
	if (r->content_length > 0 && !multipart &&
	    !req_content_type_is(r, "application/x-www-form-urlencoded"))
		return APP_EINPUT;
	if ((e = req_read_body(r, &body)) != APP_OK)
		return e;
	if (multipart && body.len > 0)
		return multipart_parse(r->a, req_param(r, "CONTENT_TYPE"), body,
		    &r->form, &r->files);
	return form_parse_urlenc(r->a, body, &r->form);
}

enum app_err
req_param_id(const struct req *r, long long *id)
{
	long long v;

	if (r->nparams < 1 || (v = str_to_ll(r->params[0])) < 1)
		return APP_ENOTFOUND;
	*id = v;
	return APP_OK;
}

const struct str *
req_query(const struct req *r, const char *key)
{
	return kv_get(&r->query, key);
}

const struct str *
req_form(const struct req *r, const char *key)
{
	return kv_get(&r->form, key);
}
