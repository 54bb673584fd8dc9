/* sql_report_document.c: statements of the delårsrapport; see
 * include/sql_report_document.h. */
#include "report_document.h"
#include "sql_report_document.h"

#define RD_INSATS_COLS                                                         \
	"i.id, i.name, i.direction, "                                          \
	"EXISTS (SELECT 1 FROM staff_insats si WHERE si.insats_id = i.id "     \
	"AND si.staff_id = ?) AS works_in"

#define RD_TEXT_COLS                                                           \
	"SELECT t.id, t.version, t.bakgrund, t.samverkan, t.horisontella, "    \
	"t.resultat, t.indikatorer, "                                          \
	"IFNULL(DATE_FORMAT(t.updated_at, '%Y-%m-%d %H:%i'), '') "             \
	"AS updated_at, "                                                      \
	"IFNULL(s.display_name, '') AS updated_by "                            \
	"FROM report_text t JOIN insats i ON i.id = t.insats_id "              \
	"AND i.forbund_id = :forbund "                                         \
	"LEFT JOIN staff s ON s.id = t.updated_by "                            \
	"WHERE t.insats_id = ? AND t.year = ? AND t.period = ?"

const struct db_query sql_report_document[SQL_RD__MAX] = {
	[SQL_RD_FORBUND] = { "SELECT f.id, f.name FROM forbund f "
	                     "WHERE f.id = :forbund",
	    1, .ncols = 2, .nparams = 0, .rec = &report_doc_forbund_record },
	[SQL_RD_INSATSER] = { "SELECT i.id, i.name, i.direction, "
	                      "0 AS works_in, '' AS updated_at "
	                      "FROM insats i WHERE i.forbund_id = :forbund "
	                      "AND i.period_start <= ? AND "
	                      "(i.period_end IS NULL OR i.period_end >= ?) "
	                      "ORDER BY i.name, i.id",
	    1, .ncols = 5, .nparams = 2, .rec = &report_doc_insats_record },
	[SQL_RD_WRITABLE] = { "SELECT " RD_INSATS_COLS ", "
	                      "IFNULL(DATE_FORMAT(t.updated_at, '%Y-%m-%d %H:%i'), "
	                      "'') AS updated_at "
	                      "FROM insats i LEFT JOIN report_text t "
	                      "ON t.insats_id = i.id AND t.year = ? "
	                      "AND t.period = ? WHERE i.forbund_id = :forbund "
	                      "AND (? = 1 OR i.id IN (SELECT si.insats_id "
	                      "FROM staff_insats si WHERE si.staff_id = ?)) "
	                      "ORDER BY i.name, i.id",
	    1, .ncols = 5, .nparams = 5, .rec = &report_doc_insats_record },
	[SQL_RD_INSATS] = { "SELECT " RD_INSATS_COLS ", '' AS updated_at "
	                    "FROM insats i WHERE i.id = ? "
	                    "AND i.forbund_id = :forbund",
	    1, .ncols = 5, .nparams = 2, .rec = &report_doc_insats_record },
	[SQL_RD_TEXT_GET] = { RD_TEXT_COLS, 1, .ncols = 9, .nparams = 3,
	    .rec = &report_text_record },
	[SQL_RD_TEXT_ENSURE] = { "INSERT INTO report_text "
	                         "(insats_id, year, period) "
	                         "SELECT i.id, x.year, x.period "
	                         "FROM (SELECT ? AS id, ? AS year, ? AS period) x "
	                         "JOIN insats i ON i.id = x.id "
	                         "AND i.forbund_id = :forbund "
	                         "ON DUPLICATE KEY UPDATE "
	                         "report_text.id = report_text.id",
	    0, .ncols = 0, .nparams = 3 },
	/* Only the text's row is locked, not its last writer's nor its
	 * insats's (a subquery's rows are read unlocked). */
	[SQL_RD_TEXT_LOCK] = { "SELECT t.id, t.version, t.bakgrund, "
	                       "t.samverkan, t.horisontella, t.resultat, "
	                       "t.indikatorer, '' AS updated_at, "
	                       "'' AS updated_by FROM report_text t "
	                       "WHERE t.insats_id = ? AND t.year = ? "
	                       "AND t.period = ? AND t.insats_id IN (SELECT "
	                       "i.id FROM insats i WHERE i.forbund_id = :forbund) "
	                       "FOR UPDATE",
	    0, .ncols = 9, .nparams = 3, .rec = &report_text_record },
	[SQL_RD_TEXT_UPDATE] = { "UPDATE report_text t SET t.bakgrund = ?, "
	                         "t.samverkan = ?, t.horisontella = ?, "
	                         "t.resultat = ?, t.indikatorer = ?, "
	                         "t.version = t.version + 1, "
	                         "t.updated_at = UTC_TIMESTAMP(), "
	                         "t.updated_by = ? WHERE t.id = ? AND t.version = ? "
	                         "AND t.insats_id IN (SELECT i.id FROM insats i "
	                         "WHERE i.forbund_id = :forbund)",
	    0, .ncols = 0, .nparams = 8 },
	[SQL_RD_TEXT_HISTORY] = { "INSERT INTO report_text_history "
	                          "(report_text_id, version, at, staff_id, "
	                          "bakgrund, samverkan, horisontella, "
	                          "resultat, indikatorer) "
	                          "SELECT t.id, ?, UTC_TIMESTAMP(3), ?, "
	                          "?, ?, ?, ?, ? FROM report_text t "
	                          "JOIN insats i ON i.id = t.insats_id "
	                          "AND i.forbund_id = :forbund WHERE t.id = ?",
	    0, .ncols = 0, .nparams = 8 },
};
