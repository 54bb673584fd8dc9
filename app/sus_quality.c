/* sus_quality.c: the SUS export's register quality; see
 * include/sus_quality.h. What is missing is sus_complete_check()'s
 * decision, as for the export and the participation page. */
#include <string.h>

#include "arena.h"
#include "sql_sus.h"
#include "sql_sus_facts.h"
#include "sus_quality.h"
#include "sus_xml.h"

static const struct db_field quality_fields[] = {
	DB_FIELD(sus_quality_row, id, "id", DB_F_INT),
	DB_FIELD(sus_quality_row, short_name, "short_name", DB_F_STR),
	DB_FIELD(sus_quality_row, first_name, "first_name", DB_F_STR),
	DB_FIELD(sus_quality_row, last_name, "last_name", DB_F_STR),
	DB_FIELD(sus_quality_row, start_date, "start_date", DB_F_STR),
	DB_FIELD(sus_quality_row, ended, "ended", DB_F_BOOL),
	DB_FIELD(sus_quality_row, identity_ok, "identity_ok", DB_F_BOOL),
	SUS_FACTS_FIELDS(sus_quality_row, facts),
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

static const struct db_field nostaff_fact_fields[] = {
	DB_FIELD(sus_nostaff_fact_row, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(sus_nostaff_fact_row, insats_name, "insats_name", DB_F_STR),
	DB_FIELD(sus_nostaff_fact_row, organisation, "organisation", DB_F_STR),
	SUS_FACTS_FIELDS(sus_nostaff_fact_row, facts),
};
const struct db_record sus_nostaff_fact_record =
    DB_RECORD(sus_nostaff_fact_row, nostaff_fact_fields);

enum app_err
sus_quality_nostaff(
    struct db *db, struct arena *a, struct sus_nostaff_row **out, size_t *n)
{
	struct sus_nostaff_fact_row *rows;
	struct sus_nostaff_row *v = NULL;
	size_t nrows, k = 0;
	enum app_err e;

	*out = NULL;
	*n = 0;
	if ((e = db_load(db, a, DB_SUS, SQL_SUS_QUALITY_NOSTAFF, NULL, 0,
	         (void **)&rows, &nrows)) != APP_OK)
		return e;
	if (nrows > 0 && (v = arena_calloc(a, nrows, sizeof(*v))) == NULL)
		return APP_ENOMEM;
	/* Rows come by insats: one count row per insats. */
	for (size_t i = 0; i < nrows; i++) {
		struct sus_gaps g;

		sus_complete_check(&rows[i].facts, SUS_SCHEMA_DEFAULT, &g);
		if (sus_gaps_none(&g))
			continue;
		if (k == 0 || v[k - 1].insats_id != rows[i].insats_id) {
			v[k].insats_id = rows[i].insats_id;
			v[k].insats_name = rows[i].insats_name;
			v[k].organisation = rows[i].organisation;
			k++;
		}
		v[k - 1].n_held++;
		v[k - 1].n_ended += rows[i].facts.ended;
	}
	*out = k > 0 ? v : NULL;
	*n = k;
	return APP_OK;
}

enum app_err
sus_quality_load(struct db *db, struct arena *a, long long staff_id,
    struct sus_quality_row **out, size_t *n)
{
	struct db_param p[1] = { DB_INT(staff_id) };
	struct sus_quality_row *rows;
	size_t nrows, k = 0;
	enum app_err e;

	*out = NULL;
	*n = 0;
	if ((e = db_load(db, a, DB_SUS, SQL_SUS_QUALITY, p, 1, (void **)&rows,
	         &nrows)) != APP_OK)
		return e;
	for (size_t i = 0; i < nrows; i++) {
		sus_complete_check(
		    &rows[i].facts, SUS_SCHEMA_DEFAULT, &rows[i].gaps);
		if (!sus_gaps_none(&rows[i].gaps))
			rows[k++] = rows[i];
	}
	*out = k > 0 ? rows : NULL;
	*n = k;
	return APP_OK;
}

struct str
sus_quality_missing_text(struct arena *a, const struct sus_quality_row *row)
{
	return sus_gaps_text(a, &row->gaps);
}
