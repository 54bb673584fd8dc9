/* sql_admin.c: statements of the admin pages; see include/sql_admin.h. */
#include "sql_admin.h"

const struct db_query sql_admin[SQL_ADMIN__MAX] = {
	[SQL_ADMIN_STAFF_LIST] = { "SELECT st.id, st.username, st.display_name, o.name, st.active, "
	                           "(SELECT GROUP_CONCAT(r.role ORDER BY r.role) FROM staff_role r "
	                           "WHERE r.staff_id = st.id) "
	                           "FROM staff st JOIN organisation o ON o.id = st.organisation_id "
	                           "ORDER BY st.username",
	    1 },
};
