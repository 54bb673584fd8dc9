/*
 * sql_admin.h: statements of the admin pages (app/page_admin*.c).
 * Result columns beside each.
 */
#ifndef SQL_ADMIN_H
#define SQL_ADMIN_H

#include "db.h"

enum sql_admin {
	/* -> id, username, display_name, organisation name, active, roles
	 * (comma-separated): every account, by username */
	SQL_ADMIN_STAFF_LIST,
	SQL_ADMIN__MAX
};

extern const struct db_query sql_admin[SQL_ADMIN__MAX];

#endif /* !SQL_ADMIN_H */
