/* sql_structural.c: statements of the structural insatser; see
 * include/sql_structural.h. */
#include "sql_structural.h"
#include "structural.h"

#define INSATS_COLS                                                            \
	"i.id, i.name, i.slug, i.direction = 'struktur' AS structural, "
/* The request's förbund's insats t.insats_id (a non-locking subquery, so
 * that a _LOCK locks the company or training only). */
#define OF_FORBUND(t)                                                          \
	"EXISTS (SELECT 1 FROM insats ix WHERE ix.id = " t ".insats_id "       \
	"AND ix.forbund_id = :forbund) "
#define COMPANY_COLS                                                           \
	"SELECT c.id, c.insats_id, c.name, c.org_number, c.places, "           \
	"DATE_FORMAT(c.joined_on, '%Y-%m-%d') AS joined_on, "                  \
	"DATE_FORMAT(c.left_on, '%Y-%m-%d') AS left_on, c.version "            \
	"FROM structural_company c WHERE " OF_FORBUND("c")
#define TRAINING_COLS                                                          \
	"SELECT t.id, t.insats_id, DATE_FORMAT(t.held_on, '%Y-%m-%d') "        \
	"AS held_on, t.attendees, t.note, t.version "                          \
	"FROM structural_training t WHERE " OF_FORBUND("t")
/* An insert's values (x) for an insats of the request's förbund only. */
#define INTO_FORBUND                                                           \
	" JOIN insats ix ON ix.id = x.insats_id AND ix.forbund_id = :forbund"

const struct db_query sql_structural[SQL_ST__MAX] = {
	[SQL_ST_INSATS] = { "SELECT " INSATS_COLS
	                    "EXISTS (SELECT 1 FROM staff_insats si "
	                    "WHERE si.insats_id = i.id AND si.staff_id = ?) "
	                    "AS works FROM insats i WHERE i.id = ? "
	                    "AND i.forbund_id = :forbund",
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
	    "AND c.insats_id = ? ORDER BY c.name, c.id",
	    1, .ncols = 8, .nparams = 1, .rec = &structural_company_record },
	[SQL_ST_COMPANY_GET] = { COMPANY_COLS "AND c.id = ?", 1, .ncols = 8,
	    .nparams = 1, .rec = &structural_company_record },
	[SQL_ST_COMPANY_LOCK] = { COMPANY_COLS "AND c.id = ? FOR UPDATE", 0,
	    .ncols = 8, .nparams = 1, .rec = &structural_company_record },
	[SQL_ST_COMPANY_INSERT] = { "INSERT INTO structural_company "
	                            "(insats_id, name, org_number, places, "
	                            "joined_on, left_on) SELECT x.insats_id, x.name, "
	                            "x.org_number, x.places, x.joined_on, x.left_on "
	                            "FROM (SELECT ? AS insats_id, ? AS name, ? AS org_number, "
	                            "? AS places, ? AS joined_on, ? AS left_on) x" INTO_FORBUND,
	    0, .ncols = 0, .nparams = 6 },
	[SQL_ST_COMPANY_UPDATE] = { "UPDATE structural_company SET name = ?, "
	                            "org_number = ?, places = ?, joined_on = ?, "
	                            "left_on = ?, version = version + 1 "
	                            "WHERE id = ? AND version = ? "
	                            "AND " OF_FORBUND("structural_company"),
	    0, .ncols = 0, .nparams = 7 },
	[SQL_ST_TRAININGS] = { TRAINING_COLS
	    "AND t.insats_id = ? "
	    "ORDER BY t.held_on DESC, t.id DESC",
	    1, .ncols = 6, .nparams = 1, .rec = &structural_training_record },
	[SQL_ST_TRAINING_GET] = { TRAINING_COLS "AND t.id = ?", 1, .ncols = 6,
	    .nparams = 1, .rec = &structural_training_record },
	[SQL_ST_TRAINING_LOCK] = { TRAINING_COLS "AND t.id = ? FOR UPDATE", 0,
	    .ncols = 6, .nparams = 1, .rec = &structural_training_record },
	[SQL_ST_TRAINING_INSERT] = { "INSERT INTO structural_training "
	                             "(insats_id, held_on, attendees, note) "
	                             "SELECT x.insats_id, x.held_on, x.attendees, x.note "
	                             "FROM (SELECT ? AS insats_id, ? AS held_on, "
	                             "? AS attendees, ? AS note) x" INTO_FORBUND,
	    0, .ncols = 0, .nparams = 4 },
	[SQL_ST_TRAINING_UPDATE] = { "UPDATE structural_training SET held_on = ?, "
	                             "attendees = ?, note = ?, "
	                             "version = version + 1 "
	                             "WHERE id = ? AND version = ? "
	                             "AND " OF_FORBUND("structural_training"),
	    0, .ncols = 0, .nparams = 5 },
	[SQL_ST_GOALS] = { "SELECT g.year, g.companies, g.places, g.trainings, g.attendees "
	                   "FROM structural_goal g WHERE " OF_FORBUND(
	                       "g") "AND g.insats_id = ? ORDER BY g.year",
	    1, .ncols = 5, .nparams = 1, .rec = &structural_goal_record },
	[SQL_ST_GOAL_SAVE] = { "INSERT INTO structural_goal (insats_id, year, "
	                       "companies, places, trainings, attendees) "
	                       "SELECT x.insats_id, x.year, x.companies, x.places, "
	                       "x.trainings, x.attendees FROM (SELECT ? AS insats_id, "
	                       "? AS year, ? AS companies, ? AS places, ? AS trainings, "
	                       "? AS attendees) x" INTO_FORBUND
	                       " ON DUPLICATE KEY UPDATE "
	                       "companies = VALUES(companies), "
	                       "places = VALUES(places), "
	                       "trainings = VALUES(trainings), "
	                       "attendees = VALUES(attendees), "
	                       "version = structural_goal.version + 1",
	    0, .ncols = 0, .nparams = 6 },
	[SQL_ST_OPEN_CASES] = { "SELECT (SELECT COUNT(*) FROM referral r "
	                        "WHERE r.insats_id = ? AND r.status IN "
	                        "('inskickad', 'vantelista') AND " OF_FORBUND(
	                            "r") ") + "
	                                 "(SELECT COUNT(*) FROM participation p "
	                                 "WHERE p.insats_id = ? AND p.status = 'inskriven' "
	                                 "AND " OF_FORBUND("p") ") AS n",
	    1, .ncols = 1, .nparams = 2, .rec = &structural_count_record },
};
