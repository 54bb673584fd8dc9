/* sus_quality.c: the SUS export's register quality; see
 * include/sus_quality.h. */
#include "arena.h"
#include "sql_sus.h"
#include "sus_quality.h"

static const char *const missing_labels[SUS_MISSING__MAX] = {
	[SUS_MISSING_EDUCATION] = "utbildning",
	[SUS_MISSING_INCOME_BEFORE] = "försörjning före",
	[SUS_MISSING_OCCUPATION_BEFORE] = "sysselsättning före",
	[SUS_MISSING_SUPPORT_TIME] = "tid i offentlig försörjning",
	[SUS_MISSING_MUNICIPALITY] = "folkbokföringskommun",
	[SUS_MISSING_END_REASON] = "avslutsorsak",
	[SUS_MISSING_OCCUPATION_AFTER] = "sysselsättning efter",
	[SUS_MISSING_INCOME_AFTER] = "försörjning efter",
};
_Static_assert(
    sizeof(missing_labels) / sizeof(missing_labels[0]) == SUS_MISSING__MAX,
    "missing_labels[] out of sync");

#define MISSING(e, column)                                                     \
	DB_FIELD(sus_quality_row, missing[e], column, DB_F_BOOL)

static const struct db_field quality_fields[] = {
	DB_FIELD(sus_quality_row, id, "id", DB_F_INT),
	DB_FIELD(sus_quality_row, short_name, "short_name", DB_F_STR),
	DB_FIELD(sus_quality_row, first_name, "first_name", DB_F_STR),
	DB_FIELD(sus_quality_row, last_name, "last_name", DB_F_STR),
	DB_FIELD(sus_quality_row, start_date, "start_date", DB_F_STR),
	DB_FIELD(sus_quality_row, ended, "ended", DB_F_BOOL),
	DB_FIELD(sus_quality_row, identity_ok, "identity_ok", DB_F_BOOL),
	MISSING(SUS_MISSING_EDUCATION, "m_edu"),
	MISSING(SUS_MISSING_INCOME_BEFORE, "m_inc_before"),
	MISSING(SUS_MISSING_OCCUPATION_BEFORE, "m_occ_before"),
	MISSING(SUS_MISSING_SUPPORT_TIME, "m_support"),
	MISSING(SUS_MISSING_MUNICIPALITY, "m_kommun"),
	MISSING(SUS_MISSING_END_REASON, "m_end_reason"),
	MISSING(SUS_MISSING_OCCUPATION_AFTER, "m_occ_after"),
	MISSING(SUS_MISSING_INCOME_AFTER, "m_inc_after"),
};
const struct db_record sus_quality_record =
    DB_RECORD(sus_quality_row, quality_fields);

static const struct db_field nostaff_fields[] = {
	DB_FIELD(sus_nostaff_row, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(sus_nostaff_row, insats_name, "insats_name", DB_F_STR),
	DB_FIELD(sus_nostaff_row, organisation, "organisation", DB_F_STR),
	DB_FIELD(sus_nostaff_row, n_held, "n_held", DB_F_INT),
	DB_FIELD(sus_nostaff_row, n_ended, "n_ended", DB_F_INT),
};
const struct db_record sus_nostaff_record =
    DB_RECORD(sus_nostaff_row, nostaff_fields);

enum app_err
sus_quality_nostaff(
    struct db *db, struct arena *a, struct sus_nostaff_row **out, size_t *n)
{
	return db_load(
	    db, a, DB_SUS, SQL_SUS_QUALITY_NOSTAFF, NULL, 0, (void **)out, n);
}

const char *
sus_missing_label(enum sus_missing m)
{
	return m < SUS_MISSING__MAX ? missing_labels[m] : "";
}

enum app_err
sus_quality_load(struct db *db, struct arena *a, long long staff_id,
    struct sus_quality_row **out, size_t *n)
{
	struct db_param p[1] = { DB_INT(staff_id) };

	return db_load(db, a, DB_SUS, SQL_SUS_QUALITY, p, 1, (void **)out, n);
}

struct str
sus_quality_missing_text(struct arena *a, const struct sus_quality_row *row)
{
	struct buf b;

	buf_init(&b, a);
	for (int k = 0; k < SUS_MISSING__MAX; k++) {
		if (!row->missing[k])
			continue;
		if ((b.len > 0 && buf_puts(&b, ", ") != APP_OK) ||
		    buf_puts(&b, missing_labels[k]) != APP_OK)
			return STR_LIT("");
	}
	return buf_str(&b);
}
