/* sql_participation_sus.c: statements of the SUS registration data on the
 * participation page; see include/sql_participation_sus.h. */
#include "sql_participation_sus.h"

/* Every code of a list, deactivated ones too (the form
 * offers the active ones and keeps a stored one valid). */
#define SUS_CODES(table)                                                       \
	"SELECT code, label, active, sus_code IS NOT NULL FROM " table         \
	" ORDER BY sort_order, code"

/* SQL_PARTICIPATION_SUS_GET: the stored values, then the "missing" flags
 * as SQL_SUS_QUALITY (app/sql_sus.c) decides them (a code without a
 * sus_code counts as missing; income needs one code with a sus_code). */
#define SUS_GET_SQL                                                             \
	"SELECT r.id, r.version, pe.participation_id, pe.version, "             \
	"IFNULL(r.education_code, ''), IFNULL(r.support_time_code, ''), "       \
	"IFNULL(p.occupation_before_code, ''), pe.home_municipality, "          \
	"IFNULL(ce.label, ''), IFNULL(cst.label, ''), IFNULL(cob.label, ''), "  \
	"i.measurement, p.status, "                                             \
	"(r.education_code IS NULL OR ce.sus_code IS NULL), "                   \
	"NOT EXISTS (SELECT 1 FROM referral_income ri "                         \
	"JOIN code_income ci ON ci.code = ri.income_code "                      \
	"WHERE ri.referral_id = r.id AND ci.sus_code IS NOT NULL), "            \
	"(p.occupation_before_code IS NULL OR cob.sus_code IS NULL), "          \
	"(r.support_time_code IS NULL OR cst.sus_code IS NULL), "               \
	"(pe.home_municipality = ''), "                                         \
	"(p.status = 'avslutad' AND (p.end_reason_code IS NULL "                \
	"OR cer.sus_code IS NULL)), "                                           \
	"(p.status = 'avslutad' AND (p.occupation_after_code IS NULL "          \
	"OR coa.sus_code IS NULL)), "                                           \
	"(p.status = 'avslutad' AND NOT EXISTS (SELECT 1 "                      \
	"FROM participation_income_after pa JOIN code_income ci "               \
	"ON ci.code = pa.income_code WHERE pa.participation_id = p.id "         \
	"AND ci.sus_code IS NOT NULL)) "                                        \
	"FROM participation p JOIN referral r ON r.id = p.referral_id "         \
	"JOIN participation_person pe ON pe.participation_id = p.id "           \
	"JOIN insats i ON i.id = p.insats_id "                                  \
	"LEFT JOIN code_education ce ON ce.code = r.education_code "            \
	"LEFT JOIN code_support_time cst ON cst.code = r.support_time_code "    \
	"LEFT JOIN code_occupation cob ON cob.code = p.occupation_before_code " \
	"LEFT JOIN code_occupation coa ON coa.code = p.occupation_after_code "  \
	"LEFT JOIN code_end_reason cer ON cer.code = p.end_reason_code "        \
	"WHERE p.id = ?"

const struct db_query sql_participation_sus[SQL_PSUS__MAX] = {
	[SQL_PSUS_GET] = { SUS_GET_SQL, 1, .ncols = 21, .nparams = 1 },
	[SQL_PSUS_INCOME] = { "SELECT c.code, c.label, c.sus_code IS NOT NULL "
	                      "FROM referral_income ri JOIN code_income c ON c.code = ri.income_code "
	                      "WHERE ri.referral_id = ? ORDER BY c.sort_order, c.code",
	    1, .ncols = 3, .nparams = 1 },
	[SQL_PSUS_CODES_EDUCATION] = { SUS_CODES("code_education"), 1,
	    .ncols = 4, .nparams = 0 },
	[SQL_PSUS_CODES_SUPPORT] = { SUS_CODES("code_support_time"), 1,
	    .ncols = 4, .nparams = 0 },
	[SQL_PSUS_CODES_OCCUPATION] = { SUS_CODES("code_occupation"), 1,
	    .ncols = 4, .nparams = 0 },
	[SQL_PSUS_CODES_INCOME] = { SUS_CODES("code_income"), 1, .ncols = 4,
	    .nparams = 0 },
	[SQL_PSUS_REFERRAL_LOCK] = { "SELECT r.id, r.version, p.id FROM participation p "
	                             "JOIN referral r ON r.id = p.referral_id WHERE p.id = ? FOR UPDATE",
	    0, .ncols = 3, .nparams = 1 },
	[SQL_PSUS_PERSON_LOCK] = { "SELECT version FROM participation_person WHERE participation_id = ? FOR UPDATE",
	    0, .ncols = 1, .nparams = 1 },
	[SQL_PSUS_SET_REFERRAL] = { "UPDATE referral SET education_code = ?, support_time_code = ?, "
	                            "version = version + 1 WHERE id = ? AND version = ?",
	    0, .ncols = 0, .nparams = 4 },
	[SQL_PSUS_SET_PERSON] = { "UPDATE participation_person SET home_municipality = ?, "
	                          "version = version + 1 WHERE participation_id = ? AND version = ?",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_PSUS_SET_OCCUPATION] = { "UPDATE participation SET occupation_before_code = ?, "
	                              "version = version + 1 WHERE id = ? AND version = ? "
	                              "AND status <> 'felregistrerad'",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_PSUS_INCOME_DELETE] = { "DELETE FROM referral_income WHERE referral_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_PSUS_INCOME_INSERT] = { "INSERT INTO referral_income (referral_id, income_code) "
	                             "VALUES (?, ?)",
	    0, .ncols = 0, .nparams = 2 },
};
