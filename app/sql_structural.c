/* sql_structural.c: statements of the structural insatser; see
 * include/sql_structural.h. */
#include "sql_structural.h"
#include "structural.h"

#define INSATS_COLS                                                            \
	"i.id, i.name, i.slug, i.direction = 'struktur' AS structural, "
#define COMPANY_COLS                                                           \
	"SELECT id, insats_id, name, org_number, places, "                     \
	"DATE_FORMAT(joined_on, '%Y-%m-%d') AS joined_on, "                    \
	"DATE_FORMAT(left_on, '%Y-%m-%d') AS left_on, version "                \
	"FROM structural_company "
#define TRAINING_COLS                                                          \
	"SELECT id, insats_id, DATE_FORMAT(held_on, '%Y-%m-%d') AS held_on, "  \
	"attendees, note, version FROM structural_training "

const struct db_query sql_structural[SQL_ST__MAX] = {
	[SQL_ST_INSATS] = { "SELECT " INSATS_COLS
	                    "EXISTS (SELECT 1 FROM staff_insats si "
	                    "WHERE si.insats_id = i.id AND si.staff_id = ?) "
	                    "AS works FROM insats i WHERE i.id = ?",
	    1, .ncols = 5, .nparams = 2, .rec = &structural_insats_record },
	[SQL_ST_INSATSER_REPORT] = { "SELECT " INSATS_COLS "0 AS works "
	                             "FROM insats i "
	                             "WHERE i.direction = 'struktur' "
	                             "AND (? = 0 OR i.id = ?) "
	                             "AND i.forbund_id = (SELECT o.forbund_id "
	                             "FROM staff s JOIN organisation o "
	                             "ON o.id = s.organisation_id "
	                             "WHERE s.id = ?) ORDER BY i.name",
	    1, .ncols = 5, .nparams = 3, .rec = &structural_insats_record },
	[SQL_ST_COMPANIES] = { COMPANY_COLS
	    "WHERE insats_id = ? ORDER BY name, id",
	    1, .ncols = 8, .nparams = 1, .rec = &structural_company_record },
	[SQL_ST_COMPANY_GET] = { COMPANY_COLS "WHERE id = ?", 1, .ncols = 8,
	    .nparams = 1, .rec = &structural_company_record },
	[SQL_ST_COMPANY_LOCK] = { COMPANY_COLS "WHERE id = ? FOR UPDATE", 0,
	    .ncols = 8, .nparams = 1, .rec = &structural_company_record },
	[SQL_ST_COMPANY_INSERT] = { "INSERT INTO structural_company "
	                            "(insats_id, name, org_number, places, "
	                            "joined_on, left_on) VALUES (?, ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 6 },
	[SQL_ST_COMPANY_UPDATE] = { "UPDATE structural_company SET name = ?, "
	                            "org_number = ?, places = ?, joined_on = ?, "
	                            "left_on = ?, version = version + 1 "
	                            "WHERE id = ? AND version = ?",
	    0, .ncols = 0, .nparams = 7 },
	[SQL_ST_TRAININGS] = { TRAINING_COLS "WHERE insats_id = ? "
	                                     "ORDER BY held_on DESC, id DESC",
	    1, .ncols = 6, .nparams = 1, .rec = &structural_training_record },
	[SQL_ST_TRAINING_GET] = { TRAINING_COLS "WHERE id = ?", 1, .ncols = 6,
	    .nparams = 1, .rec = &structural_training_record },
	[SQL_ST_TRAINING_LOCK] = { TRAINING_COLS "WHERE id = ? FOR UPDATE", 0,
	    .ncols = 6, .nparams = 1, .rec = &structural_training_record },
	[SQL_ST_TRAINING_INSERT] = { "INSERT INTO structural_training "
	                             "(insats_id, held_on, attendees, note) "
	                             "VALUES (?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 4 },
	[SQL_ST_TRAINING_UPDATE] = { "UPDATE structural_training SET held_on = ?, "
	                             "attendees = ?, note = ?, "
	                             "version = version + 1 "
	                             "WHERE id = ? AND version = ?",
	    0, .ncols = 0, .nparams = 5 },
	[SQL_ST_GOALS] = { "SELECT year, companies, places, trainings, attendees "
	                   "FROM structural_goal WHERE insats_id = ? ORDER BY year",
	    1, .ncols = 5, .nparams = 1, .rec = &structural_goal_record },
	[SQL_ST_GOAL_SAVE] = { "INSERT INTO structural_goal (insats_id, year, "
	                       "companies, places, trainings, attendees) "
	                       "VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
	                       "companies = VALUES(companies), "
	                       "places = VALUES(places), "
	                       "trainings = VALUES(trainings), "
	                       "attendees = VALUES(attendees), "
	                       "version = version + 1",
	    0, .ncols = 0, .nparams = 6 },
	[SQL_ST_OPEN_CASES] = { "SELECT (SELECT COUNT(*) FROM referral "
	                        "WHERE insats_id = ? AND status IN "
	                        "('inskickad', 'vantelista')) + "
	                        "(SELECT COUNT(*) FROM participation "
	                        "WHERE insats_id = ? AND status = 'inskriven') "
	                        "AS n",
	    1, .ncols = 1, .nparams = 2, .rec = &structural_count_record },
};
