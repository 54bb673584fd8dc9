/*
 * sql_sus_facts.h: the SQL that reads a participation's SUS facts (struct
 * sus_facts, include/sus_complete.h), shared by every statement whose
 * caller decides with sus_complete_check(): the export's page
 * (SQL_SUS_PAGE), /sus/kvalitet (SQL_SUS_QUALITY, _NOSTAFF) and the
 * participation page (SQL_PARTICIPATION_GET). One definition, so the three
 * cannot read different things.
 *
 * The expressions need the aliases p (participation), pe
 * (participation_person), r (referral) and the joins of SUS_CODE_JOINS.
 */
#ifndef SQL_SUS_FACTS_H
#define SQL_SUS_FACTS_H

/* The code tables of the coded items, by the aliases the facts use. */
#define SUS_CODE_JOINS                                                          \
	"LEFT JOIN code_education ce ON ce.code = r.education_code "            \
	"LEFT JOIN code_support_time cst ON cst.code = r.support_time_code "    \
	"LEFT JOIN code_occupation cob ON cob.code = p.occupation_before_code " \
	"LEFT JOIN code_occupation coa ON coa.code = p.occupation_after_code "  \
	"LEFT JOIN code_end_reason cer ON cer.code = p.end_reason_code "

/* An income list as sus_xml.h's struct sus_reg wants it: "F01:50,F09",
 * the SUS codes sorted, each with its extent when recorded. */
#define SUS_INCOME_ITEM(t)                                                     \
	"GROUP_CONCAT(CONCAT(ci.sus_code, IF(" t ".extent_percent IS NULL, "   \
	"'', CONCAT(':', " t ".extent_percent))) ORDER BY ci.sus_code "        \
	"SEPARATOR ',')"

#define SUS_INCOME_BEFORE                                                      \
	"(SELECT " SUS_INCOME_ITEM(                                            \
	    "ri") " FROM referral_income ri "                                  \
	          "STRAIGHT_JOIN code_income ci ON ci.code = ri.income_code "  \
	          "WHERE ri.referral_id = p.referral_id AND ci.sus_code IS NOT NULL)"

#define SUS_INCOME_AFTER                                                       \
	"(SELECT " SUS_INCOME_ITEM(                                            \
	    "pa") " FROM participation_income_after pa "                       \
	          "STRAIGHT_JOIN code_income ci ON ci.code = pa.income_code "  \
	          "WHERE pa.participation_id = p.id AND ci.sus_code IS NOT NULL)"

/* The folkbokföringskommun's SCB code (sql/0035, 0036): the text by name,
 * case-insensitive, a trailing " kommun" ignored, or a code typed as
 * text; the least code of those that match, NULL when it names none.
 * Two index look-ups (uq_code_municipality_name; ix_code_municipality_text,
 * sql/0048: the code in the text's collation, compared as the text with
 * the ascii code was), the lesser taken, where one search with an OR read
 * the whole list. Each look-up written once: a missing one counts as
 * 'ZZZZ', above every code (four digits, ck_code_municipality_code), so
 * the lesser is the other; two of them give NULL again. (LEAST of two
 * COALESCEs ran each look-up twice a row.) */
#define SUS_KOMMUN_BY_NAME                                                     \
	"(SELECT MIN(cm.code) FROM code_municipality cm WHERE cm.name = "      \
	"REGEXP_REPLACE(TRIM(pe.home_municipality), '(?i) +kommun$', ''))"
#define SUS_KOMMUN_BY_CODE                                                     \
	"(SELECT MIN(cm.code) FROM code_municipality cm "                      \
	"WHERE cm.code_text = TRIM(pe.home_municipality))"
#define SUS_KOMMUN_CODE                                                        \
	"NULLIF(LEAST(IFNULL(" SUS_KOMMUN_BY_NAME ", 'ZZZZ'), "                \
	"IFNULL(" SUS_KOMMUN_BY_CODE ", 'ZZZZ')), 'ZZZZ')"

/* The facts as columns f_* (SUS_FACTS_NCOLS of them); decode with
 * SUS_FACTS_FIELDS. The registry items (start date, personnummer, ...)
 * are the export's own columns. */
/* clang-format off */
#define SUS_FACTS_SQL_OF(sus, inc)                                             \
	"IFNULL(r.education_code, '') AS f_edu, "                              \
	sus("ce") " AS f_edu_sus, "                                            \
	inc("IFNULL((SELECT GROUP_CONCAT(ri.income_code) "                     \
	    "FROM referral_income ri "                                         \
	    "WHERE ri.referral_id = p.referral_id), '')") " AS f_inc_b, "      \
	inc("IFNULL(" SUS_INCOME_BEFORE ", '')") " AS f_inc_b_sus, "           \
	"IFNULL(p.occupation_before_code, '') AS f_occ_b, "                    \
	sus("cob") " AS f_occ_b_sus, "                                         \
	"IFNULL(r.support_time_code, '') AS f_sup, "                           \
	sus("cst") " AS f_sup_sus, "                                           \
	"pe.home_municipality AS f_kommun, "                                   \
	"IFNULL(" SUS_KOMMUN_CODE ", '') AS f_kommun_sus, "                    \
	"p.status = 'avslutad' AS f_ended, "                                   \
	"IFNULL(DATE_FORMAT(p.end_date, '%Y-%m-%d'), '') AS f_end_date, "      \
	"IFNULL(p.end_reason_code, '') AS f_er, "                              \
	sus("cer") " AS f_er_sus, "                                            \
	"IFNULL(p.occupation_after_code, '') AS f_occ_a, "                     \
	sus("coa") " AS f_occ_a_sus, "                                         \
	inc("IFNULL((SELECT GROUP_CONCAT(pa.income_code) FROM "                \
	    "participation_income_after pa "                                   \
	    "WHERE pa.participation_id = p.id), '')") " AS f_inc_a, "          \
	inc("IFNULL(" SUS_INCOME_AFTER ", '')") " AS f_inc_a_sus"
/* clang-format on */
/* SUS_FACTS_SQL_OF's sus: the SUS code of a coded item by the alias of
 * its code table's join (SUS_CODE_JOINS); or none read, for a statement
 * that joins no code table and takes the SUS codes from the worker's copy
 * of the lists (include/code_labels.h): the column is then ''. Its inc:
 * the income lists' subqueries as they are; or none read, for the
 * participation page, whose lists statement returns the incomes
 * (participation_page_load() makes the two facts): the columns are ''. */
#define SUS_FACTS_CODE_SUS(alias)    "IFNULL(" alias ".sus_code, '')"
#define SUS_FACTS_NO_CODE_SUS(alias) "''"
#define SUS_FACTS_INCOMES(x)         x
#define SUS_FACTS_NO_INCOMES(x)      "''"
#define SUS_FACTS_SQL                SUS_FACTS_SQL_OF(SUS_FACTS_CODE_SUS, SUS_FACTS_INCOMES)
#define SUS_FACTS_NCOLS              18

/* A HAVING over the f_* columns that only narrows what is read: a row it
 * skips has every item SUS takes, and sus_complete_check() (schema version
 * 2, no registry facts) finds nothing missing in such a row. The decision,
 * and what is named, stay with sus_complete_check(). */
#define SUS_FACTS_SOME_EMPTY                                                   \
	"(f_edu_sus = '' OR f_inc_b_sus = '' OR f_occ_b_sus = '' "             \
	"OR f_sup_sus = '' OR f_kommun_sus = '' OR (f_ended AND "              \
	"(f_end_date = '' OR f_er_sus = '' OR f_occ_a_sus = '' "               \
	"OR f_inc_a_sus = '')))"

/* The decode entries of member M (a struct sus_facts) of record S. */
#define SUS_FACTS_FIELDS(S, M)                                                 \
	DB_FIELD(S, M.education.value, "f_edu", DB_F_STR),                     \
	    DB_FIELD(S, M.education.sus, "f_edu_sus", DB_F_STR),               \
	    DB_FIELD(S, M.income_before.value, "f_inc_b", DB_F_STR),           \
	    DB_FIELD(S, M.income_before.sus, "f_inc_b_sus", DB_F_STR),         \
	    DB_FIELD(S, M.occupation_before.value, "f_occ_b", DB_F_STR),       \
	    DB_FIELD(S, M.occupation_before.sus, "f_occ_b_sus", DB_F_STR),     \
	    DB_FIELD(S, M.support_time.value, "f_sup", DB_F_STR),              \
	    DB_FIELD(S, M.support_time.sus, "f_sup_sus", DB_F_STR),            \
	    DB_FIELD(S, M.municipality.value, "f_kommun", DB_F_STR),           \
	    DB_FIELD(S, M.municipality.sus, "f_kommun_sus", DB_F_STR),         \
	    DB_FIELD(S, M.ended, "f_ended", DB_F_BOOL),                        \
	    DB_FIELD(S, M.end_date, "f_end_date", DB_F_STR),                   \
	    DB_FIELD(S, M.end_reason.value, "f_er", DB_F_STR),                 \
	    DB_FIELD(S, M.end_reason.sus, "f_er_sus", DB_F_STR),               \
	    DB_FIELD(S, M.occupation_after.value, "f_occ_a", DB_F_STR),        \
	    DB_FIELD(S, M.occupation_after.sus, "f_occ_a_sus", DB_F_STR),      \
	    DB_FIELD(S, M.income_after.value, "f_inc_a", DB_F_STR),            \
	    DB_FIELD(S, M.income_after.sus, "f_inc_a_sus", DB_F_STR)

#endif /* !SQL_SUS_FACTS_H */
