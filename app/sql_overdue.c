/* sql_overdue.c: statements of the overdue lists; see
 * include/sql_overdue.h. */
#include "overdue.h"
#include "sql_overdue.h"

/* A number macro as SQL text. */
#define NUM_(n) #n
#define NUM(n)  NUM_(n)

static const struct db_field row_fields[] = {
	DB_FIELD(overdue_row, kind, "kind", DB_F_INT),
	DB_FIELD(overdue_row, id, "id", DB_F_INT),
	DB_FIELD(overdue_row, first_name, "first_name", DB_F_STR),
	DB_FIELD(overdue_row, last_name, "last_name", DB_F_STR),
	DB_FIELD(overdue_row, insats, "insats", DB_F_STR),
	DB_FIELD(overdue_row, due_date, "due_date", DB_F_STR),
	DB_FIELD(overdue_row, total, "total", DB_F_INT),
};
const struct db_record overdue_row_record = DB_RECORD(overdue_row, row_fields);

/* One kind's part: the staff member's (?) late participations by the
 * condition (with today, ?), the date it was due first. */
#define SHORT_PART(kind, due, cond)                                            \
	"(SELECT " kind " AS kind, p.id AS id, "                               \
	"pe.first_name AS first_name, pe.last_name AS last_name, "             \
	"i.name AS insats, DATE_FORMAT(" due ", '%Y-%m-%d') AS due_date, "     \
	"COUNT(*) OVER () AS total "                                           \
	"FROM participation p "                                                \
	"JOIN participation_person pe ON pe.participation_id = p.id "          \
	"JOIN insats i ON i.id = p.insats_id "                                 \
	"WHERE p.insats_id IN (SELECT si.insats_id FROM staff_insats si "      \
	"WHERE si.staff_id = ?) AND p.gallrad_at IS NULL AND " cond " "        \
	"ORDER BY " due ", p.id LIMIT " NUM(OVERDUE_SHORT_ROWS) ")"

/* The kinds' numbers in the parts below. */
_Static_assert(OVERDUE_END == 0 && OVERDUE_MIDTERM == 1 &&
        OVERDUE_SUMMARY == 2 && OVERDUE__MAX == 3,
    "SQL_OVERDUE_SHORT's kinds out of sync with enum overdue_kind");

const struct db_query sql_overdue[SQL_OVERDUE__MAX] = {
	[SQL_OVERDUE_SHORT] = { SHORT_PART("0", "p.planned_end_date",
	                            OVERDUE_SQL_END) " UNION ALL " SHORT_PART("1",
	                            OVERDUE_SQL_HALFWAY,
	                            OVERDUE_SQL_MIDTERM) " UNION ALL " SHORT_PART("2",
	                            "p.summary_due_date", OVERDUE_SQL_SUMMARY),
	    1, .ncols = 7, .nparams = 6, .rec = &overdue_row_record },
};
