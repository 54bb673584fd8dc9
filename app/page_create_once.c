/* page_create_once.c: a create form's one-time key in the handler; see
 * include/page_create_once.h. */
#include "page_create_once.h"

#include "db.h"
#include "once.h"
#include "pages.h"
#include "req.h"

struct str
page_once_key(struct req *r)
{
	const struct str *k = req_form(r, ONCE_FIELD);

	return k != NULL ? str_trim_blanks(*k) : STR_LIT("");
}

enum app_err
page_once_begin(
    struct req *r, struct str key, const char *fallback, int *repeat)
{
	enum once_claim claim;
	struct str loc;
	const char *c;
	enum app_err e;

	*repeat = 0;
	if (once_key_kind(key) == ONCE_KEY_BAD)
		return APP_EINPUT;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = once_claim(r, key, &claim, &loc)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	if (claim != ONCE_REPEAT)
		return APP_OK;
	db_rollback(r->db);
	*repeat = 1;
	if (loc.len == 0)
		return page_redirect(r, fallback);
	c = str_dup_cstr(r->a, loc);
	return c != NULL ? page_redirect(r, c) : APP_ENOMEM;
}

enum app_err
page_once_seen(struct req *r, struct str key, const char *fallback, int *repeat)
{
	enum app_err e;

	if ((e = page_once_begin(r, key, fallback, repeat)) == APP_OK)
		db_rollback(r->db);
	return e;
}

int
page_once_busy(struct req *r)
{
	return db_lock_conflict(r->db);
}

enum app_err
page_once_finish(struct req *r, struct str key, const char *location)
{
	enum app_err e;

	if ((e = once_done(r, key, str_cstr(location))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return page_redirect(r, location);
}
