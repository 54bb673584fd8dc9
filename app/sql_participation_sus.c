/* sql_participation_sus.c: the writes of the SUS registration data on the
 * participation page; see include/sql_participation_sus.h. */
#include "sql_participation_sus.h"

const struct db_query sql_participation_sus[SQL_PSUS__MAX] = {
	[SQL_PSUS_SET_REFERRAL] = { "UPDATE referral SET education_code = ?, support_time_code = ?, "
	                            "version = version + 1 WHERE id = ? AND version = ?",
	    0, .ncols = 0, .nparams = 4 },
	[SQL_PSUS_SET_PERSON] = { "UPDATE participation_person SET home_municipality = ?, "
	                          "version = version + 1 WHERE participation_id = ? AND version = ?",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_PSUS_SET_OCCUPATION] = { "UPDATE participation SET occupation_before_code = ?, "
	                              "occupation_before_percent = ?, occupation_after_percent = ?, "
	                              "version = version + 1 WHERE id = ? AND version = ? "
	                              "AND status <> 'felregistrerad'",
	    0, .ncols = 0, .nparams = 5 },
	[SQL_PSUS_INCOME_DELETE] = { "DELETE FROM referral_income WHERE referral_id = ?",
	    0, .ncols = 0, .nparams = 1 },
	[SQL_PSUS_INCOME_INSERT] = { "INSERT INTO referral_income (referral_id, income_code, "
	                             "extent_percent) VALUES (?, ?, ?)",
	    0, .ncols = 0, .nparams = 3 },
	[SQL_PSUS_INCOME_AFTER_EXTENT] = { "UPDATE participation_income_after SET extent_percent = ? "
	                                   "WHERE participation_id = ? AND income_code = ?",
	    0, .ncols = 0, .nparams = 3 },
};
