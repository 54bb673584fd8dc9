/* once.c: idempotency keys of the create forms; see include/once.h. */
#include "once.h"

#include "db.h"
#include "req.h"
#include "session.h"
#include "sql_once.h"

struct str
once_key_new(struct req *r)
{
	return edit_key_new(r);
}

enum once_key_kind
once_key_kind(struct str key)
{
	if (key.p == NULL || key.len == 0)
		return ONCE_KEY_NONE;
	return edit_key_ok(key) ? ONCE_KEY_OK : ONCE_KEY_BAD;
}

int
once_location_ok(struct str loc)
{
	if (loc.p == NULL || loc.len == 0 || loc.len > ONCE_LOCATION_MAX ||
	    loc.p[0] != '/')
		return 0;
	/* "//host" and "/\host" lead a browser to another site. */
	if (loc.len > 1 && (loc.p[1] == '/' || loc.p[1] == '\\'))
		return 0;
	for (size_t i = 0; i < loc.len; i++)
		if (loc.p[i] < 0x21 || loc.p[i] > 0x7e || loc.p[i] == '\\')
			return 0;
	return 1;
}

enum app_err
once_claim(
    struct req *r, struct str key, enum once_claim *claim, struct str *location)
{
	struct db_param p[2];
	struct once_row row;
	enum app_err e;
	int found;

	*location = STR_LIT("");
	switch (once_key_kind(key)) {
	case ONCE_KEY_NONE: *claim = ONCE_WITHOUT; return APP_OK;
	case ONCE_KEY_BAD: return APP_EINPUT;
	case ONCE_KEY_OK: break;
	}
	if (r->user == NULL)
		return APP_EFORBIDDEN;
	p[0] = DB_INT(r->user->id);
	p[1] = DB_STR(key);
	/* The insert waits while another POST with this key holds the row,
	 * and is a duplicate once that POST has committed. */
	e = db_exec(r->db, r->a, DB_ONCE, SQL_ONCE_CLAIM, p, 2, NULL);
	if (e == APP_OK) {
		*claim = ONCE_NEW;
		return APP_OK;
	}
	if (e != APP_EDUP)
		return e;
	if ((e = db_load_one(r->db, r->a, DB_ONCE, SQL_ONCE_FIND, p, 2, &row,
	         &found)) != APP_OK)
		return e;
	*claim = ONCE_REPEAT;
	if (found && once_location_ok(row.location))
		*location = row.location;
	return APP_OK;
}

enum app_err
once_done(struct req *r, struct str key, struct str location)
{
	struct db_param p[3];

	if (once_key_kind(key) != ONCE_KEY_OK)
		return APP_OK;
	if (!once_location_ok(location))
		return APP_EINPUT;
	if (r->user == NULL)
		return APP_EFORBIDDEN;
	p[0] = DB_STR(location);
	p[1] = DB_INT(r->user->id);
	p[2] = DB_STR(key);
	return db_exec(r->db, r->a, DB_ONCE, SQL_ONCE_DONE, p, 3, NULL);
}
