/* demo_followup.c: the demo's follow-ups six months after the end; see
 * include/demo_followup.h. */
#include <stdio.h>

#include "demo_followup.h"

/* The situation six months later from the end outcome and a digit of the
 * id: one statement, the same rows on every machine. */
#define DIGIT "MOD(p.id * 7, 10)"

static const char demo_followup_sql[] =
    "INSERT INTO participation_followup "
    "(participation_id, situation, followup_date, recorded_by) "
    "SELECT p.id, CASE IFNULL(c.outcome, '') "
    "WHEN 'arbete' THEN IF(" DIGIT " < 8, 'arbete', 'arbetssokande') "
    "WHEN 'studier' THEN IF(" DIGIT " < 6, 'studier', "
    "IF(" DIGIT " < 9, 'arbete', 'arbetssokande')) "
    "WHEN 'arbetssokande' THEN IF(" DIGIT " < 3, 'arbete', "
    "IF(" DIGIT " < 4, 'studier', IF(" DIGIT " < 8, 'arbetssokande', "
    "'annat'))) "
    "WHEN 'rehabilitering' THEN IF(" DIGIT " < 2, 'arbete', "
    "IF(" DIGIT " < 3, 'studier', IF(" DIGIT " < 8, 'rehabilitering', "
    "'annat'))) "
    "ELSE IF(" DIGIT " < 3, 'rehabilitering', 'annat') END, "
    "DATE_ADD(p.end_date, INTERVAL 6 MONTH), "
    "(SELECT MIN(si.staff_id) FROM staff_insats si "
    "WHERE si.insats_id = p.insats_id) "
    "FROM participation p "
    "LEFT JOIN code_end_reason c ON c.code = p.end_reason_code "
    "WHERE p.status = 'avslutad' AND p.end_date IS NOT NULL "
    "AND DATE_ADD(DATE_ADD(p.end_date, INTERVAL 6 MONTH), "
    "INTERVAL 90 DAY) < CURDATE() "
    "AND MOD(p.id, 5) <> 0 "
    "AND EXISTS (SELECT 1 FROM staff_insats si WHERE si.insats_id = p.insats_id) "
    "AND NOT EXISTS (SELECT 1 FROM participation_followup f "
    "WHERE f.participation_id = p.id)";

int
demo_followups(MYSQL *my)
{
	MYSQL_STMT *st = mysql_stmt_init(my);
	int ok = st != NULL &&
	    mysql_stmt_prepare(
	        st, demo_followup_sql, sizeof(demo_followup_sql) - 1) == 0 &&
	    mysql_stmt_execute(st) == 0;

	if (!ok)
		fprintf(stderr, "stegvis: demo: follow-ups: %s\n",
		    st != NULL ? mysql_stmt_error(st) : mysql_error(my));
	if (st != NULL)
		mysql_stmt_close(st);
	return ok;
}
