/* page_form_stash.c: the pages around a kept form; see
 * include/page_form_stash.h and include/form_stash.h. */
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "conf.h"
#include "form_stash.h"
#include "page_form_stash.h"
#include "pages.h"
#include "req.h"
#include "route.h"
#include "session.h"
#include "view.h"

/* The secret of the browser's kept form, wiped when the request ends. */
struct pfs_secret {
	unsigned char b[FORM_STASH_SECRET_BYTES];
};

static int
pfs_is_stash_path(const struct req *r)
{
	return str_has_prefix(r->path, FORM_STASH_PAGE);
}

int
page_form_stash_cookie_present(const struct req *r)
{
	struct pfs_secret s;
	int ok = form_stash_cookie(r, s.b);

	sodium_memzero(&s, sizeof(s));
	return ok;
}

enum app_err
page_form_stash_keep(struct req *r, unsigned route_flags, int *kept)
{
	const char *to;
	long long owner = 0;
	enum app_err e;

	*kept = 0;
	if (!form_stash_route_ok(route_flags) || r->db == NULL ||
	    r->conf == NULL)
		return APP_OK;
	to = r->user == NULL        ? "/logga-in"
	    : r->user->code_pending ? "/logga-in/kod"
	                            : FORM_STASH_PAGE;
	/* "Skicka igen" itself gone stale: what it would send is still
	 * kept; log in again and go on from there. */
	if (pfs_is_stash_path(r)) {
		if (!page_form_stash_cookie_present(r))
			return APP_OK;
		*kept = 1;
		return page_redirect(r, to);
	}
	/* Only a browser that had a session, posting from our own page:
	 * another site must not be able to plant a form to be "sent again"
	 * by whoever logs in next. */
	if (!form_stash_same_origin(
	        r->src.param(r->src.ctx, "HTTP_SEC_FETCH_SITE"),
	        r->src.param(r->src.ctx, "HTTP_ORIGIN"), r->conf->base_url,
	        r->src.param(r->src.ctx, "HTTP_HOST")) ||
	    kv_get(&r->cookies, SESSION_COOKIE) == NULL)
		return APP_OK;
	if ((e = form_stash_owner(r, &owner)) != APP_OK)
		return e;
	/* Kept only for the account whose session the form was sent in
	 * (live, expired or ended: sql/0023), never for whoever is logged
	 * in in this browser now or logs in next. */
	if (owner <= 0)
		return APP_OK;
	if ((e = form_stash_store(r, owner)) != APP_OK)
		return e;
	*kept = 1;
	return page_redirect(r, to);
}

enum app_err
page_form_stash_after_login(struct req *r, const char **next)
{
	struct pfs_secret s;
	struct form_stash fs;
	int found = 0;
	enum app_err e;

	*next = NULL;
	if (r->user == NULL || r->user->code_pending)
		return APP_OK;
	if ((e = form_stash_sweep(r)) != APP_OK || !form_stash_cookie(r, s.b))
		return e;
	if ((e = form_stash_find(r, s.b, &fs, &found)) == APP_OK) {
		if (!found)
			e = session_set_cookie(
			    r, FORM_STASH_COOKIE, STR_LIT(""), 0);
		else if (fs.staff_id == r->user->id)
			*next = FORM_STASH_PAGE;
	}
	sodium_memzero(&s, sizeof(s));
	return e;
}

/* Open and unpack a found form with the browser's secret. */
static enum app_err
pfs_open(struct req *r, const struct pfs_secret *s, const struct form_stash *fs,
    struct str *path, struct kv_list *fields)
{
	struct str plain;
	enum app_err e;

	if ((e = form_stash_open(r->a, s->b, fs->sealed, &plain)) != APP_OK)
		return e;
	return form_stash_unpack(r->a, plain, path, fields);
}

/* What the page says of the browser's kept form. */
enum pfs_state {
	PFS_NONE,  /* nothing kept (or nothing this browser can open) */
	PFS_MINE,  /* kept for the account logged in: shown, to send */
	PFS_OTHER, /* kept for another account: not shown */
	PFS_GONE,  /* sent, claimed or dropped already */
	PFS__MAX
};

/* The view's section of each state. */
static const char *const pfs_state_keys[PFS__MAX] = {
	[PFS_NONE] = "none",
	[PFS_MINE] = "mine",
	[PFS_OTHER] = "other",
	[PFS_GONE] = "gone",
};
_Static_assert(sizeof(pfs_state_keys) / sizeof(pfs_state_keys[0]) == PFS__MAX,
    "pfs_state_keys[] out of sync");

/* The page in state, with status; fs, path and fields: the form's, when
 * it is shown (PFS_MINE). */
static enum app_err
pfs_render(struct req *r, int status, enum pfs_state state,
    const struct form_stash *fs, struct str path, const struct kv_list *fields)
{
	struct view_ctx *ctx;
	enum app_err e;

	r->resp.status = status;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_bool(ctx, pfs_state_keys[state], 1)) != APP_OK)
		return e;
	if (fields != NULL) {
		if ((e = view_ctx_set_str(ctx, "path", path)) != APP_OK ||
		    (e = view_ctx_set_int(ctx, "minutes_left",
		         fs->minutes_left > 0 ? fs->minutes_left : 1)) !=
		        APP_OK)
			return e;
		for (size_t i = 0; i < fields->n; i++) {
			struct view_ctx *it = view_ctx_list_add(ctx, "fields");
			if (it == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_str(
			         it, "name", fields->v[i].key)) != APP_OK ||
			    (e = view_ctx_set_str(
			         it, "value", fields->v[i].val)) != APP_OK)
				return e;
		}
	}
	return page_render(r, "formular_sparat",
	    fields != NULL ? "Ditt formulär är sparat" : "Sparat formulär",
	    ctx);
}

enum app_err
page_form_stash(struct req *r)
{
	struct pfs_secret s;
	struct form_stash fs;
	struct kv_list fields;
	struct str path;
	int found = 0;
	enum app_err e;

	if (!form_stash_cookie(r, s.b))
		return pfs_render(r, 200, PFS_NONE, NULL, STR_LIT(""), NULL);
	e = form_stash_find(r, s.b, &fs, &found);
	if (e == APP_OK && found && fs.staff_id == r->user->id)
		e = pfs_open(r, &s, &fs, &path, &fields);
	sodium_memzero(&s, sizeof(s));
	if (e == APP_EINPUT) /* a cookie that does not open it */
		return pfs_render(r, 200, PFS_NONE, NULL, STR_LIT(""), NULL);
	if (e != APP_OK)
		return e;
	if (!found)
		return pfs_render(r, 200, PFS_NONE, NULL, STR_LIT(""), NULL);
	if (fs.staff_id != r->user->id)
		return pfs_render(r, 200, PFS_OTHER, NULL, STR_LIT(""), NULL);
	return pfs_render(r, 200, PFS_MINE, &fs, path, &fields);
}

/* fields plus the session's own CSRF token, as a fresh form would have. */
static enum app_err
pfs_with_csrf(struct req *r, const struct kv_list *fields, struct kv_list *out)
{
	struct kv *v = arena_calloc(r->a, fields->n + 1, sizeof(*v));

	if (v == NULL)
		return APP_ENOMEM;
	if (fields->n > 0)
		memcpy(v, fields->v, fields->n * sizeof(*v));
	v[fields->n].key = STR_LIT("csrf");
	v[fields->n].val = r->user->csrf;
	*out = (struct kv_list){ v, fields->n + 1 };
	return APP_OK;
}

enum app_err
page_form_stash_send(struct req *r)
{
	struct pfs_secret s;
	struct form_stash fs;
	struct kv_list fields, form;
	struct str path;
	long long me = r->user->id;
	int found = 0, claimed = 0;
	enum app_err e;

	if (!form_stash_cookie(r, s.b))
		return pfs_render(r, 410, PFS_GONE, NULL, STR_LIT(""), NULL);
	if ((e = form_stash_find(r, &s.b[0], &fs, &found)) != APP_OK)
		goto out;
	if (!found || fs.staff_id != me) {
		e = pfs_render(r, 410, PFS_GONE, NULL, STR_LIT(""), NULL);
		goto out;
	}
	/* Used once: of two clicks (or two tabs) only one gets it. */
	if ((e = form_stash_claim(r, s.b, me, &claimed)) != APP_OK)
		goto out;
	if (!claimed) {
		e = pfs_render(r, 410, PFS_GONE, NULL, STR_LIT(""), NULL);
		goto out;
	}
	if ((e = pfs_open(r, &s, &fs, &path, &fields)) != APP_OK) {
		if (e == APP_EINPUT) {
			(void)form_stash_drop(r, s.b, me);
			e = pfs_render(
			    r, 410, PFS_GONE, NULL, STR_LIT(""), NULL);
		} else
			(void)form_stash_release(r, s.b, me);
		goto out;
	}
	if ((e = pfs_with_csrf(r, &fields, &form)) != APP_OK) {
		(void)form_stash_release(r, s.b, me);
		goto out;
	}
	/* The same request once more, as it was first sent. */
	r->path = path;
	r->form = form;
	r->query = (struct kv_list){ NULL, 0 };
	if ((e = route_replay(r)) == APP_OK) {
		/* Done (or its form shown again with its errors, every value
		 * kept): gone for good. The response is the handler's. */
		(void)form_stash_drop(r, s.b, me);
	} else {
		/* Refused or failed before anything was changed: it can be
		 * tried again from FORM_STASH_PAGE. */
		(void)form_stash_release(r, s.b, me);
	}
out:
	sodium_memzero(&s, sizeof(s));
	return e;
}

enum app_err
page_form_stash_cancel(struct req *r)
{
	struct pfs_secret s;
	struct form_stash fs;
	int found = 0;
	enum app_err e = APP_OK;

	/* Another account's stays, and so does the browser's key to it. */
	if (form_stash_cookie(r, s.b) &&
	    (e = form_stash_find(r, s.b, &fs, &found)) == APP_OK &&
	    (!found || fs.staff_id == r->user->id))
		e = form_stash_drop(r, s.b, r->user->id);
	sodium_memzero(&s, sizeof(s));
	if (e != APP_OK)
		return e;
	return page_redirect(r, "/start");
}

enum app_err
page_form_stash_discard(struct req *r)
{
	struct pfs_secret s;
	enum app_err e = APP_OK;

	if (form_stash_cookie(r, s.b))
		e = form_stash_drop(r, s.b, 0);
	sodium_memzero(&s, sizeof(s));
	if (e != APP_OK)
		return e;
	return page_redirect(r, "/logga-in");
}
