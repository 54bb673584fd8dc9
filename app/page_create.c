/* page_create.c: a create form's one-time key on its page; see
 * include/page_create.h. */
#include "page_create.h"

#include "db.h"
#include "pages.h"
#include "req.h"
#include "view.h"

struct str
page_create_key(struct req *r)
{
	const struct str *k = req_form(r, ONCE_FIELD);

	return k != NULL ? str_trim_blanks(*k) : STR_LIT("");
}

int
page_create_bad(struct str key)
{
	return once_key_kind(key) == ONCE_KEY_BAD;
}

enum app_err
page_create_bind(struct req *r, struct view_ctx *ctx, struct str key)
{
	int bad = page_create_bad(key);
	enum app_err e;

	if (once_key_kind(key) != ONCE_KEY_OK &&
	    (key = once_key_new(r)).p == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_str(ctx, ONCE_FIELD, key)) != APP_OK)
		return e;
	return view_ctx_set_cstr(
	    ctx, "skapanyckel_fel", bad ? PAGE_CREATE_MSG_BAD : NULL);
}

enum app_err
page_create_begin(
    struct req *r, struct str key, const char *list, int *answered)
{
	enum once_claim claim;
	struct str loc;
	enum app_err e;

	*answered = 0;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = once_claim(r, key, &claim, &loc)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	if (claim != ONCE_REPEAT)
		return APP_OK;
	/* Nothing more is created, and nothing audited: the first POST
	 * was. */
	db_rollback(r->db);
	*answered = 1;
	if (loc.len == 0)
		return page_redirect(r, list);
	if ((loc.p = str_dup_cstr(r->a, loc)) == NULL)
		return APP_ENOMEM;
	return page_redirect(r, loc.p);
}

enum app_err
page_create_open(struct req *r, struct str *key, const char *list,
    int *answered, const char **refused)
{
	enum app_err e;

	*answered = 0;
	*refused = NULL;
	if (page_create_bad(*key)) {
		if ((*key = once_key_new(r)).p == NULL)
			return APP_ENOMEM;
		*refused = PAGE_CREATE_MSG_BAD;
		r->resp.status = 400;
		return APP_OK;
	}
	e = page_create_begin(r, *key, list, answered);
	if (page_create_busy(r, e)) {
		*refused = PAGE_CREATE_MSG_BUSY;
		r->resp.status = 409;
		return APP_OK;
	}
	return e;
}

enum app_err
page_create_seen(struct req *r, struct str key, const char *list, int *answered)
{
	enum app_err e;

	if ((e = page_create_begin(r, key, list, answered)) == APP_OK &&
	    !*answered)
		db_rollback(r->db);
	return e;
}

int
page_create_busy(struct req *r, enum app_err e)
{
	return e != APP_OK && db_lock_conflict(r->db);
}

enum app_err
page_create_commit(struct req *r, struct str key, struct str location)
{
	enum app_err e;

	if ((e = once_done(r, key, location)) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		db_rollback(r->db);
	return e;
}

enum app_err
page_create_finish(struct req *r, struct str key, const char *location)
{
	enum app_err e;

	if ((e = page_create_commit(r, key, str_cstr(location))) != APP_OK)
		return e;
	return page_redirect(r, location);
}
