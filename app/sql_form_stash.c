/* sql_form_stash.c: statements of kept forms; see include/sql_form_stash.h. */
#include "form_stash.h"
#include "sql_form_stash.h"

#define LIVE " claimed_at IS NULL AND expires_at > UTC_TIMESTAMP()"

static const struct db_field form_stash_fields[] = {
	DB_FIELD(form_stash, staff_id, "staff_id", DB_F_INT),
	DB_FIELD(form_stash, minutes_left, "minutes_left", DB_F_INT),
	DB_FIELD(form_stash, sealed, "sealed", DB_F_STR),
};
static const struct db_record form_stash_record =
    DB_RECORD(form_stash, form_stash_fields);

static const struct db_field fs_owner_fields[] = {
	DB_FIELD(form_stash_owner, staff_id, "staff_id", DB_F_INT),
};
static const struct db_record fs_owner_record =
    DB_RECORD(form_stash_owner, fs_owner_fields);

const struct db_query sql_form_stash[SQL_FS__MAX] = {
	[SQL_FS_SWEEP] = { "DELETE FROM form_stash WHERE expires_at <= UTC_TIMESTAMP()",
	    0, .ncols = 0, .nparams = 0 },
	[SQL_FS_DELETE_HANDLE] = { "DELETE FROM form_stash WHERE handle = ?", 0,
	    .ncols = 0, .nparams = 1 },
	[SQL_FS_DELETE_OWN] = { "DELETE FROM form_stash WHERE handle = ? AND staff_id = ?",
	    0, .ncols = 0, .nparams = 2 },
	/* owner_known: always, since sql/0023 (a form no session names is
	 * not kept). */
	[SQL_FS_INSERT] = { "INSERT INTO form_stash (handle, staff_id, owner_known, sealed, "
	                    "created_at, expires_at) VALUES (?, ?, 1, ?, UTC_TIMESTAMP(), "
	                    "UTC_TIMESTAMP() + INTERVAL ? MINUTE)",
	    0, .ncols = 0, .nparams = 4 },
	[SQL_FS_GET] = { "SELECT IFNULL(staff_id, 0) AS staff_id, "
	                 "TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), expires_at) AS minutes_left, "
	                 "sealed FROM form_stash WHERE handle = ? AND" LIVE,
	    1, .ncols = 3, .nparams = 1, .rec = &form_stash_record },
	[SQL_FS_CLAIM] = { "UPDATE form_stash SET claimed_at = UTC_TIMESTAMP() "
	                   "WHERE handle = ? AND staff_id = ? AND" LIVE,
	    0, .ncols = 0, .nparams = 2 },
	[SQL_FS_RELEASE] = { "UPDATE form_stash SET claimed_at = NULL "
	                     "WHERE handle = ? AND staff_id = ?",
	    0, .ncols = 0, .nparams = 2 },
	/* A live or expired session, else one that has ended
	 * (sql/0023): whose it was. */
	[SQL_FS_OWNER_BY_TOKEN] = { "SELECT x.staff_id FROM (SELECT s.staff_id FROM session s "
	                            "WHERE s.token_hash = ? UNION ALL SELECT e.staff_id "
	                            "FROM session_ended e WHERE e.token_hash = ?) x "
	                            "JOIN staff st ON st.id = x.staff_id AND st.active = 1 LIMIT 1",
	    1, .ncols = 1, .nparams = 2, .rec = &fs_owner_record },
	[SQL_FS_OWNER_BY_CSRF] = { "SELECT x.staff_id FROM (SELECT s.staff_id FROM session s "
	                           "WHERE s.csrf_token = ? UNION ALL SELECT e.staff_id "
	                           "FROM session_ended e WHERE e.csrf_token = ?) x "
	                           "JOIN staff st ON st.id = x.staff_id AND st.active = 1 LIMIT 1",
	    1, .ncols = 1, .nparams = 2, .rec = &fs_owner_record },
	[SQL_FS_SWEEP_ENDED] = { "DELETE FROM session_ended "
	                         "WHERE ended_at < UTC_TIMESTAMP() - INTERVAL 1 DAY",
	    0, .ncols = 0, .nparams = 0 },
};
