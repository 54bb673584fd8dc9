/* sql_once.c: statements of the create forms' one-time keys; see
 * include/sql_once.h and include/once.h. */
#include "sql_once.h"

#define NUM_(n) #n
#define NUM(n)  NUM_(n)

static const struct db_field once_fields[] = {
	DB_FIELD(once_row, location, "location", DB_F_STR),
	DB_FIELD(once_row, digest, "digest", DB_F_STR),
};
const struct db_record once_row_record = DB_RECORD(once_row, once_fields);

const struct db_query sql_once[SQL_ONCE__MAX] = {
	[SQL_ONCE_CLAIM] = { "INSERT INTO form_once (staff_id, once_key, "
	                     "digest) VALUES (?, ?, ?)",
	    0, 0, 3, NULL },
	[SQL_ONCE_FIND] = { "SELECT location, digest FROM form_once "
	                    "WHERE staff_id = ? AND once_key = ?",
	    1, 2, 2, &once_row_record },
	/* The row this submission claimed: under the form's key or the key
	 * derived from it, whichever holds this digest. */
	[SQL_ONCE_DONE] = { "UPDATE form_once SET location = ? "
	                    "WHERE staff_id = ? AND once_key IN (?, ?) "
	                    "AND digest = ?",
	    0, 0, 5, NULL },
	[SQL_ONCE_PURGE] = { "DELETE FROM form_once WHERE created_at < "
	                     "UTC_TIMESTAMP() - INTERVAL " NUM(
	                         ONCE_KEEP_DAYS) " DAY",
	    0, 0, 0, NULL },
};
