/* demo_report_people.c: demo data of the report's people tables; see
 * include/demo_report_people.h. */
#include <stdio.h>
#include <string.h>

#include "demo_report_people.h"

/* The demo organisations (sql/demo.sql). */
#define DEMO_ORG_FK      "2"
#define DEMO_ORG_SOCIAL  "10"
#define DEMO_ORG_HR      "11"
#define DEMO_ORG_PRIMARY "16"

/* clang-format off */
static const char *const demo_rp_sql[] = {
	/* Every tenth participation without a målgrupp, the others one of
	 * their insats's lines in turn. */
	"UPDATE participation p JOIN insats i ON i.id = p.insats_id "
	"SET p.target_group = IF(p.id % 10 = 0, '', TRIM(SUBSTRING_INDEX("
	"SUBSTRING_INDEX(i.target_groups, CHAR(10), 1 + p.id % (1 + "
	"LENGTH(i.target_groups) - LENGTH(REPLACE(i.target_groups, "
	"CHAR(10), '')))), CHAR(10), -1))) "
	"WHERE i.target_groups <> '' AND p.target_group = ''",
	/* HR beside two in three of Försäkringskassan's referrals. */
	"INSERT INTO referral_coremittent (referral_id, staff_id, "
	"organisation_id, name, contact) "
	"SELECT r.id, NULL, " DEMO_ORG_HR ", 'Demo HR-konsult', "
	"'hr@example.invalid' FROM referral r "
	"JOIN organisation o ON o.id = r.organisation_id "
	"WHERE COALESCE(o.parent_id, o.id) = " DEMO_ORG_FK " "
	"AND r.id % 3 <> 0 AND NOT EXISTS (SELECT 1 FROM "
	"referral_coremittent c WHERE c.referral_id = r.id)",
	/* Most of them employed by the city, the name as people type it. */
	"UPDATE referral r JOIN referral_coremittent c "
	"ON c.referral_id = r.id AND c.organisation_id = " DEMO_ORG_HR " "
	"SET r.employed = r.id % 11 <> 0, "
	"r.employer_rehab_responsibility = r.id % 11 <> 0, "
	"r.employer = IF(r.id % 11 = 0, '', IF(r.id % 7 = 0, "
	"' trollhättans stad', 'Trollhättans Stad'))",
	/* Primary care beside every fourth of the social services'. */
	"INSERT INTO referral_coremittent (referral_id, staff_id, "
	"organisation_id, name, contact) "
	"SELECT r.id, NULL, " DEMO_ORG_PRIMARY ", 'Demo rehabkoordinator', "
	"'vc@example.invalid' FROM referral r "
	"WHERE r.organisation_id = " DEMO_ORG_SOCIAL " "
	"AND r.id % 4 = 0 AND NOT EXISTS (SELECT 1 FROM "
	"referral_coremittent c WHERE c.referral_id = r.id)",
	/* A few of those work for the region (the organisation above). */
	"UPDATE referral r JOIN referral_coremittent c "
	"ON c.referral_id = r.id AND c.organisation_id = " DEMO_ORG_PRIMARY " "
	"SET r.employed = 1, r.employer = 'Västra Götalandsregionen' "
	"WHERE r.id % 8 = 0",
	/* Most keep their income sources to the end (the seed: "Försörjnings-
	 * källan har inte förändrats"), except those who went to work or
	 * studies, and every fourth. */
	"DELETE a FROM participation_income_after a "
	"JOIN participation p ON p.id = a.participation_id "
	"JOIN code_end_reason c ON c.code = p.end_reason_code "
	"WHERE c.outcome NOT IN ('arbete', 'studier') AND p.id % 4 <> 0",
	"INSERT IGNORE INTO participation_income_after (participation_id, "
	"income_code) SELECT p.id, ri.income_code FROM participation p "
	"JOIN referral_income ri ON ri.referral_id = p.referral_id "
	"JOIN code_end_reason c ON c.code = p.end_reason_code "
	"WHERE p.status = 'avslutad' AND c.outcome NOT IN ('arbete', "
	"'studier') AND p.id % 4 <> 0",
};
/* clang-format on */

int
demo_report_people(MYSQL *my)
{
	for (size_t i = 0; i < sizeof(demo_rp_sql) / sizeof(demo_rp_sql[0]);
	     i++) {
		MYSQL_STMT *st = mysql_stmt_init(my);
		int ok = st != NULL &&
		    mysql_stmt_prepare(
		        st, demo_rp_sql[i], strlen(demo_rp_sql[i])) == 0 &&
		    mysql_stmt_execute(st) == 0;

		if (!ok)
			fprintf(stderr, "stegvis: demo: %s\n",
			    st ? mysql_stmt_error(st) : mysql_error(my));
		if (st != NULL)
			mysql_stmt_close(st);
		if (!ok)
			return 0;
	}
	return 1;
}
