/* sql_form_stash.c: statements of kept forms; see include/sql_form_stash.h. */
#include "sql_form_stash.h"

#define LIVE " claimed_at IS NULL AND expires_at > UTC_TIMESTAMP()"

const struct db_query sql_form_stash[SQL_FS__MAX] = {
	[SQL_FS_SWEEP] = { "DELETE FROM form_stash WHERE expires_at <= UTC_TIMESTAMP()",
	    0 },
	[SQL_FS_DELETE_HANDLE] = { "DELETE FROM form_stash WHERE handle = ?",
	    0 },
	[SQL_FS_DELETE_OWN] = { "DELETE FROM form_stash WHERE handle = ? AND staff_id = ?",
	    0 },
	[SQL_FS_INSERT] = { "INSERT INTO form_stash (handle, staff_id, owner_known, sealed, "
	                    "created_at, expires_at) VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), "
	                    "UTC_TIMESTAMP() + INTERVAL ? MINUTE)",
	    0 },
	[SQL_FS_GET] = { "SELECT staff_id, owner_known, "
	                 "TIMESTAMPDIFF(MINUTE, UTC_TIMESTAMP(), expires_at), sealed "
	                 "FROM form_stash WHERE handle = ? AND" LIVE,
	    1 },
	[SQL_FS_BIND] = { "UPDATE form_stash SET staff_id = ? "
	                  "WHERE handle = ? AND staff_id IS NULL AND" LIVE,
	    0 },
	[SQL_FS_CLAIM] = { "UPDATE form_stash SET claimed_at = UTC_TIMESTAMP() "
	                   "WHERE handle = ? AND staff_id = ? AND" LIVE,
	    0 },
	[SQL_FS_RELEASE] = { "UPDATE form_stash SET claimed_at = NULL "
	                     "WHERE handle = ? AND staff_id = ?",
	    0 },
	[SQL_FS_ROW_COUNT] = { "SELECT ROW_COUNT()", 0 },
	[SQL_FS_OWNER_BY_TOKEN] = { "SELECT s.staff_id FROM session s "
	                            "JOIN staff st ON st.id = s.staff_id AND st.active = 1 "
	                            "WHERE s.token_hash = ?",
	    1 },
	[SQL_FS_OWNER_BY_CSRF] = { "SELECT s.staff_id FROM session s "
	                           "JOIN staff st ON st.id = s.staff_id AND st.active = 1 "
	                           "WHERE s.csrf_token = ?",
	    1 },
};
