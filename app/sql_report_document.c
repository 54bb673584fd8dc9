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
	"FROM report_text t LEFT JOIN staff s ON s.id = t.updated_by "         \
	"WHERE t.insats_id = ? AND t.year = ? AND t.period = ?"

const struct db_query sql_report_document[SQL_RD__MAX] = {
	[SQL_RD_FORBUND] = { "SELECT f.id, f.name FROM staff s "
	                     "JOIN organisation o ON o.id = s.organisation_id "
	                     "JOIN forbund f ON f.id = o.forbund_id "
	                     "WHERE s.id = ?",
	    1, .ncols = 2, .nparams = 1, .rec = &report_doc_forbund_record },
	[SQL_RD_INSATSER] = { "SELECT i.id, i.name, i.direction, "
	                      "0 AS works_in, '' AS updated_at "
	                      "FROM insats i WHERE i.forbund_id = ? "
	                      "AND i.period_start <= ? AND "
	                      "(i.period_end IS NULL OR i.period_end >= ?) "
	                      "ORDER BY i.name, i.id",
	    1, .ncols = 5, .nparams = 3, .rec = &report_doc_insats_record },
	[SQL_RD_WRITABLE] = { "SELECT " RD_INSATS_COLS ", "
	                      "IFNULL(DATE_FORMAT(t.updated_at, '%Y-%m-%d %H:%i'), "
	                      "'') AS updated_at "
	                      "FROM insats i LEFT JOIN report_text t "
	                      "ON t.insats_id = i.id AND t.year = ? "
	                      "AND t.period = ? WHERE i.forbund_id = ? "
	                      "AND (? = 1 OR i.id IN (SELECT si.insats_id "
	                      "FROM staff_insats si WHERE si.staff_id = ?)) "
	                      "ORDER BY i.name, i.id",
	    1, .ncols = 5, .nparams = 6, .rec = &report_doc_insats_record },
	[SQL_RD_INSATS] = { "SELECT " RD_INSATS_COLS ", '' AS updated_at "
	                    "FROM insats i WHERE i.id = ? "
	                    "AND i.forbund_id = ?",
	    1, .ncols = 5, .nparams = 3, .rec = &report_doc_insats_record },
	[SQL_RD_TEXT_GET] = { RD_TEXT_COLS, 1, .ncols = 9, .nparams = 3,
	    .rec = &report_text_record },
	[SQL_RD_TEXT_ENSURE] = { "INSERT INTO report_text "
	                         "(insats_id, year, period) VALUES (?, ?, ?) "
	                         "ON DUPLICATE KEY UPDATE id = id",
	    0, .ncols = 0, .nparams = 3 },
	/* Only the text's row is locked, not its last writer's. */
	[SQL_RD_TEXT_LOCK] = { "SELECT t.id, t.version, t.bakgrund, "
	                       "t.samverkan, t.horisontella, t.resultat, "
	                       "t.indikatorer, '' AS updated_at, "
	                       "'' AS updated_by FROM report_text t "
	                       "WHERE t.insats_id = ? AND t.year = ? "
	                       "AND t.period = ? FOR UPDATE",
	    0, .ncols = 9, .nparams = 3, .rec = &report_text_record },
	[SQL_RD_TEXT_UPDATE] = { "UPDATE report_text SET bakgrund = ?, "
	                         "samverkan = ?, horisontella = ?, "
	                         "resultat = ?, indikatorer = ?, "
	                         "version = version + 1, "
	                         "updated_at = UTC_TIMESTAMP(), "
	                         "updated_by = ? WHERE id = ? AND version = ?",
	    0, .ncols = 0, .nparams = 8 },
	[SQL_RD_TEXT_HISTORY] = { "INSERT INTO report_text_history "
	                          "(report_text_id, version, at, staff_id, "
	                          "bakgrund, samverkan, horisontella, "
	                          "resultat, indikatorer) VALUES "
	                          "(?, ?, UTC_TIMESTAMP(3), ?, ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 8 },
};
