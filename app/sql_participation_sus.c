/* sql_participation_sus.c: the writes of the SUS registration data on the
 * participation page; see include/sql_participation_sus.h. */
#include "sql_participation_sus.h"

static const struct db_field kommun_fields[] = {
	DB_FIELD(psus_kommun, code, "code", DB_F_STR),
	DB_FIELD(psus_kommun, name, "name", DB_F_STR),
};
const struct db_record psus_kommun_record =
    DB_RECORD(psus_kommun, kommun_fields);

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
	[SQL_PSUS_KOMMUNER] = { "SELECT code, name FROM code_municipality WHERE active = 1 "
	                        "ORDER BY name",
	    1, .ncols = 2, .nparams = 0, .rec = &psus_kommun_record },
};
