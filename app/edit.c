/* edit.c: the versioned edit; see include/edit.h. */
#include <string.h>

#include "db.h"
#include "edit.h"
#include "req.h"
#include "session.h"

enum app_err
edit_run(struct req *r, const struct edit *ed, enum edit_result *result,
    struct edit_lock *lock)
{
	int changed = 0;
	enum app_err e;

	memset(lock, 0, sizeof(*lock));
	lock->personnummer = STR_LIT("");
	*result = EDIT_SAVED;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = ed->ops->lock(r, ed->state, lock)) != APP_OK)
		goto fail;
	if (lock->refused != NULL || lock->version != ed->form_version) {
		db_rollback(r->db);
		*result = lock->refused != NULL ? EDIT_REFUSED : EDIT_STALE;
		return APP_OK;
	}
	if ((e = ed->ops->save(r, ed->state, lock, &changed)) != APP_OK)
		goto fail;
	if (changed &&
	    (e = audit_write(r,
	         ed->audit_action ? ed->audit_action : AUDIT_UPDATE,
	         ed->audit_type, ed->audit_id, lock->personnummer,
	         str_cstr(ed->audit_detail))) != APP_OK)
		goto fail;
	if ((e = db_commit(r->db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	/* A lock wait that ran out is a busy record, not a failure: the
	 * caller keeps the input and asks the user to try again. A deadlock
	 * (on Galera also a failed certification) with nothing committed
	 * before it goes back to route.c, which runs the request again: the
	 * second run sees what won, e.g. a waiver revoked on another node. */
	if (db_lock_conflict(r->db) && e != APP_ENOTFOUND &&
	    !db_deadlocked(r->db)) {
		db_rollback(r->db);
		*result = EDIT_BUSY;
		return APP_OK;
	}
	db_rollback(r->db);
	return e;
}

struct str
edit_key_new(struct req *r)
{
	return session_random_hex(r, EDIT_KEY_LEN / 2);
}

int
edit_key_ok(struct str key)
{
	if (key.len != EDIT_KEY_LEN)
		return 0;
	for (size_t i = 0; i < key.len; i++)
		if (!((key.p[i] >= '0' && key.p[i] <= '9') ||
		        (key.p[i] >= 'a' && key.p[i] <= 'f')))
			return 0;
	return 1;
}
