/* demo_midterm.c: the demo's mid-term follow-ups; see
 * include/demo_midterm.h. */
#include <stdio.h>

#include "demo_midterm.h"

/* The day at fraction k/4 of the way from start to planned end. */
#define AT(k)                                                                  \
	"DATE_ADD(p.start_date, INTERVAL DATEDIFF(p.planned_end_date, "        \
	"p.start_date) * " #k " DIV 4 DAY)"

/* k = 2 (halfway) for all; 1 for one in three; 3 for one in six. Held
 * only by today and by the end. */
static const char demo_midterm_sql[] =
    "INSERT INTO participation_midterm "
    "(participation_id, held_date, attendees, note, recorded_by) "
    "SELECT p.id, CASE k.k WHEN 1 THEN " AT(1) " WHEN 2 THEN " AT(2) " ELSE " AT(
        3) " END, "
           "IF(k.k = 2, 'Deltagaren, kontaktpersonen och remittenten', "
           "'Deltagaren och kontaktpersonen'), "
           "CASE k.k WHEN 1 THEN 'Planen stämmer; fortsätter som planerat.' "
           "WHEN 2 THEN 'Halvvägs: målen ses över tillsammans med remittenten.' "
           "ELSE 'Inför avslutet: nästa steg diskuterat.' END, "
           "p.contact_id "
           "FROM participation p "
           "JOIN (SELECT 1 AS k UNION ALL SELECT 2 UNION ALL SELECT 3) k "
           "WHERE p.status <> 'felregistrerad' "
           "AND p.planned_end_date IS NOT NULL "
           "AND (k.k = 2 OR (k.k = 1 AND MOD(p.id, 3) = 0) "
           "OR (k.k = 3 AND MOD(p.id, 6) = 0)) "
           "AND (CASE k.k WHEN 1 THEN " AT(1) " WHEN 2 THEN " AT(2) " ELSE " AT(
               3) " END) <= LEAST(IFNULL(p.end_date, CURDATE()), CURDATE()) "
                  "AND NOT EXISTS (SELECT 1 FROM participation_midterm m "
                  "WHERE m.participation_id = p.id)";

int
demo_midterms(MYSQL *my)
{
	MYSQL_STMT *st = mysql_stmt_init(my);
	int ok = st != NULL &&
	    mysql_stmt_prepare(
	        st, demo_midterm_sql, sizeof(demo_midterm_sql) - 1) == 0 &&
	    mysql_stmt_execute(st) == 0;

	if (!ok)
		fprintf(stderr, "stegvis: demo: mid-term follow-ups: %s\n",
		    st != NULL ? mysql_stmt_error(st) : mysql_error(my));
	if (st != NULL)
		mysql_stmt_close(st);
	return ok;
}
