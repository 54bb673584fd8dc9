/* sus_finsam.c: the counts for Uppföljning Finsam; see include/sus_finsam.h. */
#include "gender.h"
#include "sql_sus.h"
#include "sus_finsam.h"

static const struct db_field finsam_fields[] = {
	DB_FIELD(sus_finsam_row, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(sus_finsam_row, insats_name, "insats_name", DB_F_STR),
	DB_FIELD(sus_finsam_row, gender, "gender", DB_F_STR),
	DB_FIELD(sus_finsam_row, active, "active", DB_F_INT),
	DB_FIELD(sus_finsam_row, started, "started", DB_F_INT),
	DB_FIELD(sus_finsam_row, ended, "ended", DB_F_INT),
};
const struct db_record sus_finsam_record =
    DB_RECORD(sus_finsam_row, finsam_fields);

enum app_err
sus_finsam_load(struct db *db, struct arena *a, struct str from, struct str to,
    struct sus_finsam_row **out, size_t *n)
{
	struct db_param p[5];

	p[0] = DB_STR(from);
	p[1] = DB_STR(from);
	p[2] = DB_STR(to);
	p[3] = DB_STR(to);
	p[4] = DB_STR(from);
	return db_load(db, a, DB_SUS, SQL_SUS_FINSAM, p, 5, (void **)out, n);
}

const char *
sus_finsam_gender_label(struct str gender)
{
	enum gender g;

	/* Finsam's table has had "Annat" for the third group. */
	if (!gender_from_name(gender, &g) || g == GENDER_ANNAT)
		return "Annat";
	return gender_plural_label(g);
}
