/* page_common.c: rendering and redirects shared by handlers; see include/pages.h. */
#include <string.h>

#include "app_limits.h"
#include "arena.h"
#include "form.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "tablet.h"
#include "view.h"

/* The layout's per-user values: name, roles, CSRF token for its forms;
 * on a consent tablet its CSRF token and the idle lock. */
static enum app_err
page_user_values(struct req *r, struct view_ctx *ctx)
{
	const struct staff_user *u = r->user;
	enum app_err e;

	if (u == NULL && r->tablet != NULL) {
		if ((e = view_ctx_set_str(ctx, "csrf", r->tablet->csrf)) !=
		        APP_OK ||
		    (e = view_ctx_set_int(
		         ctx, "idle_seconds", TABLET_IDLE_SECONDS)) != APP_OK ||
		    (e = view_ctx_set_cstr(
		         ctx, "idle_url", TABLET_LOCK_PATH)) != APP_OK)
			return e;
		return APP_OK;
	}
	if (u == NULL || u->via_token)
		return APP_OK;
	if ((e = view_ctx_set_bool(ctx, "logged_in", 1)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "user_name", u->display_name)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "csrf", u->csrf)) != APP_OK)
		return e;
	for (int role = 0; role < ROLE__MAX; role++) {
		static const char *const keys[ROLE__MAX] = {
			[ROLE_REMITTENT] = "is_remittent",
			[ROLE_INSATSPERSONAL] = "is_insatspersonal",
			[ROLE_FORBUND] = "is_forbund",
			[ROLE_ADMIN] = "is_admin",
			[ROLE_INTEGRATION] = "is_integration",
		};
		if ((e = view_ctx_set_bool(ctx, keys[role],
		         (u->roles & ROLE_BIT(role)) != 0)) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
page_render(
    struct req *r, const char *page, const char *title, struct view_ctx *ctx)
{
	enum app_err e;

	if (r->views == NULL)
		return APP_EIO;
	if ((e = view_ctx_set_cstr(ctx, "title", title)) != APP_OK ||
	    (e = page_user_values(r, ctx)) != APP_OK)
		return e;
	r->resp.body.len = 0;
	return view_render_page(r->views, "layout", page, ctx, &r->resp.body);
}

enum app_err
page_render_layout(struct req *r, const char *layout, const char *page,
    const char *title, struct view_ctx *ctx)
{
	enum app_err e;

	if (r->views == NULL)
		return APP_EIO;
	if ((e = view_ctx_set_cstr(ctx, "title", title)) != APP_OK ||
	    (e = page_user_values(r, ctx)) != APP_OK)
		return e;
	r->resp.body.len = 0;
	return view_render_page(r->views, layout, page, ctx, &r->resp.body);
}

enum app_err
page_form_error(struct view_ctx *ctx, const char *key, const char *msg)
{
	enum app_err e;

	if (msg == NULL)
		return APP_OK;
	if ((e = view_ctx_set_cstr(ctx, key, msg)) != APP_OK)
		return e;
	return view_ctx_set_bool(ctx, "has_errors", 1);
}

enum app_err
page_bind_blank(struct view_ctx *ctx, const char *const *keys, size_t n)
{
	enum app_err e;

	for (size_t i = 0; i < n; i++)
		if ((e = view_ctx_set_str(ctx, keys[i], STR_LIT(""))) != APP_OK)
			return e;
	return APP_OK;
}

enum app_err
page_form_limits(struct req *r, struct view_ctx *ctx,
    const struct field_spec *spec, size_t nspec)
{
	enum app_err e;

	for (size_t i = 0; i < nspec; i++) {
		char key[VIEW_NAME_MAX + 1], *k;
		size_t n;

		if (spec[i].type != FT_TEXT || spec[i].max <= 0 ||
		    spec[i].name == NULL)
			continue;
		if ((n = form_limit_key(spec[i].name, key, sizeof(key))) == 0)
			return APP_EINPUT; /* our own table: see the registry */
		if ((k = arena_alloc(r->a, n + 1)) == NULL)
			return APP_ENOMEM;
		memcpy(k, key, n + 1);
		if ((e = view_ctx_set_int(ctx, k, spec[i].max)) != APP_OK ||
		    (e = view_ctx_set_bool(ctx, "teckenantal", 1)) != APP_OK)
			return e;
	}
	return APP_OK;
}

const char *
page_fill_n(struct req *r, const char *tmpl, long long n)
{
	struct buf b;
	const char *p = tmpl, *q;

	buf_init(&b, r->a);
	if (buf_puts(&b, "") != APP_OK)
		return NULL;
	while ((q = strstr(p, "{n}")) != NULL) {
		if (buf_append(&b, p, (size_t)(q - p)) != APP_OK ||
		    buf_printf(&b, "%lld", n) != APP_OK)
			return NULL;
		p = q + 3;
	}
	if (buf_puts(&b, p) != APP_OK)
		return NULL;
	return b.p;
}

enum app_err
page_redirect(struct req *r, const char *location)
{
	enum app_err e;

	r->resp.status = 303;
	r->resp.body.len = 0;
	if ((e = resp_header(&r->resp, "Location", str_cstr(location))) !=
	    APP_OK)
		return e;
	return buf_puts(&r->resp.body,
	    "<!doctype html><html lang=\"sv\">"
	    "<title>Vidare</title><p>Gå vidare.</p></html>");
}

int
page_local_path_ok(struct str s)
{
	if (s.len == 0 || s.len > 512 || s.p[0] != '/')
		return 0;
	for (size_t i = 0; i < s.len; i++) {
		unsigned char c = (unsigned char)s.p[i];
		if (c < 0x21 || c == 0x7f || c == '\\' || c == '"' ||
		    c == '<' || c == '>' ||
		    (c == '/' && i + 1 < s.len && s.p[i + 1] == '/'))
			return 0;
	}
	return 1;
}

enum app_err
page_redirect_login(struct req *r)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	if ((e = buf_puts(&b, "/logga-in")) != APP_OK)
		return e;
	/* Only our own plain paths come back; a query is dropped. */
	if (page_local_path_ok(r->path) && !str_eq_cstr(r->path, "/start")) {
		if ((e = buf_puts(&b, "?nasta=")) != APP_OK)
			return e;
		for (size_t i = 0; i < r->path.len; i++) {
			unsigned char c = (unsigned char)r->path.p[i];
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c == '/' || c == '-' ||
			    c == '_' || c == '.')
				e = buf_append(&b, &r->path.p[i], 1);
			else
				e = buf_printf(&b, "%%%02X", c);
			if (e != APP_OK)
				return e;
		}
	}
	return page_redirect(r, b.p);
}
