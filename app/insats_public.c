/* insats_public.c: the insatser on the public page; see
 * include/insats_public.h. */
#include "insats_public.h"
#include "sql_public.h"

static const struct db_field insats_fields[] = {
	DB_FIELD(insats_public, id, "id", DB_F_INT),
	DB_FIELD(insats_public, name, "name", DB_F_STR),
	DB_FIELD(insats_public, location, "location", DB_F_STR),
	DB_FIELD(insats_public, target_groups, "target_groups", DB_F_STR),
	DB_FIELD(insats_public, places, "places", DB_F_STR),
	DB_FIELD(insats_public, period_start, "period_start", DB_F_STR),
	DB_FIELD(insats_public, period_end, "period_end", DB_F_STR),
	DB_FIELD(insats_public, host, "host", DB_F_STR),
};
const struct db_record insats_public_record =
    DB_RECORD(insats_public, insats_fields);

static const struct db_field goal_fields[] = {
	DB_FIELD(insats_public_goal, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(insats_public_goal, label, "label", DB_F_STR),
	DB_FIELD(insats_public_goal, numerator, "numerator", DB_F_INT),
	DB_FIELD(insats_public_goal, denominator, "denominator", DB_F_INT),
	DB_FIELD(insats_public_goal, percent, "percent", DB_F_BOOL),
};
const struct db_record insats_public_goal_record =
    DB_RECORD(insats_public_goal, goal_fields);

static const struct db_field generation_fields[] = {
	DB_FIELD(public_generation, gen, "gen", DB_F_STR),
	DB_FIELD(public_generation, forbund_id, "forbund_id", DB_F_INT),
};
const struct db_record public_generation_record =
    DB_RECORD(public_generation, generation_fields);

enum app_err
insats_public_generation(struct db *db, struct arena *a, struct str host,
    struct str *gen, long long *forbund)
{
	struct db_param p[1] = { DB_STR(host) };
	struct public_generation g;
	int found;
	enum app_err e;

	*gen = STR_LIT("");
	*forbund = 0;
	if ((e = db_load_one(db, a, DB_PUBLIC, SQL_PUBLIC_GENERATION, p, 1, &g,
	         &found)) != APP_OK)
		return e;
	if (found) {
		*gen = g.gen;
		*forbund = g.forbund_id;
	}
	return APP_OK;
}

enum app_err
insats_public_load(struct db *db, struct arena *a, struct insats_public **ins,
    size_t *nins, struct insats_public_goal **goals, size_t *ngoals)
{
	enum app_err e;

	if ((e = db_load(db, a, DB_PUBLIC, SQL_INSATS_LIST, NULL, 0,
	         (void **)ins, nins)) != APP_OK)
		return e;
	return db_load(db, a, DB_PUBLIC, SQL_INSATS_GOALS, NULL, 0,
	    (void **)goals, ngoals);
}

size_t
insats_public_goals_of(const struct insats_public_goal *goals, size_t ngoals,
    long long id, size_t *first)
{
	size_t n = 0;

	*first = 0;
	for (size_t i = 0; i < ngoals; i++) {
		if (goals[i].insats_id != id)
			continue;
		if (n++ == 0)
			*first = i;
	}
	return n;
}
