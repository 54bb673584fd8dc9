/* sql_participation_sus.c: the writes of the SUS registration data on the
 * participation page; see include/sql_participation_sus.h. Each names the
 * request's förbund through the insats of the row it changes: the page
 * already found the participation within the account's insatser, and a
 * row of another förbund is then simply not changed. */
#include "sql_participation_sus.h"

const struct db_query sql_participation_sus[SQL_PSUS__MAX] = {
	[SQL_PSUS_SET_REFERRAL] = { "UPDATE referral rf JOIN insats i "
	                            "ON i.id = rf.insats_id AND i.forbund_id = :forbund "
	                            "SET rf.education_code = ?, rf.support_time_code = ?, "
	                            "rf.version = rf.version + 1 WHERE rf.id = ? AND rf.version = ?",
	    0, .ncols = 0, .nparams = 4 },
	[SQL_PSUS_SET_PERSON] = { "UPDATE participation_person pe "
	                          "JOIN participation p ON p.id = pe.participation_id "
	                          "JOIN insats i ON i.id = p.insats_id AND i.forbund_id = :forbund "
	                          "SET pe.home_municipality = ?, pe.version = pe.version + 1 "
	                          "WHERE pe.participation_id = ? AND pe.version = ?",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_PSUS_SET_OCCUPATION] = { "UPDATE participation p JOIN insats i "
	                              "ON i.id = p.insats_id AND i.forbund_id = :forbund "
	                              "SET p.occupation_before_code = ?, "
	                              "p.occupation_before_percent = ?, p.occupation_after_percent = ?, "
	                              "p.version = p.version + 1 WHERE p.id = ? AND p.version = ? "
	                              "AND p.status <> 'felregistrerad'",
	    0, .ncols = 0, .nparams = 5 },
	[SQL_PSUS_INCOME_DELETE] = { "DELETE ri FROM referral_income ri "
	                             "JOIN referral rf ON rf.id = ri.referral_id "
	                             "JOIN insats i ON i.id = rf.insats_id AND i.forbund_id = :forbund "
	                             "WHERE ri.referral_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_PSUS_INCOME_INSERT] = { "INSERT INTO referral_income (referral_id, income_code, "
	                             "extent_percent) SELECT rf.id, x.code, x.ext "
	                             "FROM (SELECT ? AS id, ? AS code, ? AS ext) x "
	                             "JOIN referral rf ON rf.id = x.id "
	                             "JOIN insats i ON i.id = rf.insats_id AND i.forbund_id = :forbund",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_PSUS_INCOME_AFTER_EXTENT] = { "UPDATE participation_income_after pa "
	                                   "JOIN participation p ON p.id = pa.participation_id "
	                                   "JOIN insats i ON i.id = p.insats_id AND i.forbund_id = :forbund "
	                                   "SET pa.extent_percent = ? "
	                                   "WHERE pa.participation_id = ? AND pa.income_code = ?",
	    0, .ncols = 0, .nparams = 3 },
};
