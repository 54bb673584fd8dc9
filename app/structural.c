/* structural.c: structural insatser and their register; see
 * include/structural.h. */
#include <string.h>

#include "req.h"
#include "session.h"
#include "sql_structural.h"
#include "structural.h"

/* ---- rules ---- */

static const char *const refusals[STRUCTURAL_ACTION__MAX] = {
	[STRUCTURAL_REFER] = "Insatsen är strukturinriktad och tar inte "
	                     "emot ansökningar.",
	[STRUCTURAL_REGISTER] = "Bara en strukturinriktad insats har ett "
	                        "register över företag och "
	                        "handledarutbildningar.",
	[STRUCTURAL_MARK] = "Insatsen har ansökningar som väntar eller "
	                    "deltagare som är inskrivna. En strukturinriktad "
	                    "insats har inga deltagare: avsluta dem först.",
};
_Static_assert(sizeof(refusals) / sizeof(refusals[0]) == STRUCTURAL_ACTION__MAX,
    "refusals[] out of sync");

const char *
structural_refusal(
    enum structural_action a, int structural, long long open_cases)
{
	switch (a) {
	case STRUCTURAL_REFER: return structural ? refusals[a] : NULL;
	case STRUCTURAL_REGISTER: return structural ? NULL : refusals[a];
	case STRUCTURAL_MARK: return open_cases > 0 ? refusals[a] : NULL;
	case STRUCTURAL_ACTION__MAX: break;
	}
	return refusals[STRUCTURAL_REGISTER];
}

/* ÅÅÅÅ-MM-DD compares as text. */
static int
day_cmp(struct str a, struct str b)
{
	size_t n = a.len < b.len ? a.len : b.len;
	int c = memcmp(a.p, b.p, n);

	return c != 0 ? c : (a.len > b.len) - (a.len < b.len);
}

int
structural_in_bank(struct str joined, struct str left, struct str day)
{
	if (joined.len != 10 || day.len != 10 || day_cmp(joined, day) > 0)
		return 0;
	return left.len == 0 || day_cmp(left, day) > 0;
}

int
structural_in_period(struct str held, struct str from, struct str to)
{
	return held.len == 10 && day_cmp(held, from) >= 0 &&
	    day_cmp(held, to) <= 0;
}

int
structural_orgnr(struct str in, char out[12])
{
	char d[10];
	size_t n = 0;
	int sum = 0;

	if (in.len != 10 && !(in.len == 11 && in.p[6] == '-'))
		return 0;
	for (size_t i = 0; i < in.len; i++) {
		if (in.len == 11 && i == 6)
			continue;
		if (in.p[i] < '0' || in.p[i] > '9')
			return 0;
		d[n++] = in.p[i];
	}
	/* Luhn over the ten digits, weights 2, 1, 2, ... from the left. */
	for (int i = 0; i < 10; i++) {
		int v = (d[i] - '0') * (i % 2 == 0 ? 2 : 1);
		sum += v > 9 ? v - 9 : v;
	}
	if (sum % 10 != 0)
		return 0;
	memcpy(out, d, 6);
	out[6] = '-';
	memcpy(out + 7, d + 6, 4);
	out[11] = '\0';
	return 1;
}

static const char *const verdict_labels[STRUCTURAL_VERDICT__MAX] = {
	[STRUCTURAL_NO_GOAL] = "Inget mål för året",
	[STRUCTURAL_MET] = "Uppfyllt",
	[STRUCTURAL_NOT_MET] = "Inte uppfyllt",
};
_Static_assert(sizeof(verdict_labels) / sizeof(verdict_labels[0]) ==
        STRUCTURAL_VERDICT__MAX,
    "verdict_labels[] out of sync");

enum structural_verdict
structural_verdict(long long result, long long goal)
{
	if (goal < 0)
		return STRUCTURAL_NO_GOAL;
	return result >= goal ? STRUCTURAL_MET : STRUCTURAL_NOT_MET;
}

const char *
structural_verdict_label(enum structural_verdict v)
{
	return v < STRUCTURAL_VERDICT__MAX ? verdict_labels[v] : "";
}

/* ---- records ---- */

static const struct db_field insats_fields[] = {
	DB_FIELD(structural_insats, id, "id", DB_F_INT),
	DB_FIELD(structural_insats, name, "name", DB_F_STR),
	DB_FIELD(structural_insats, slug, "slug", DB_F_STR),
	DB_FIELD(structural_insats, structural, "structural", DB_F_BOOL),
	DB_FIELD(structural_insats, works, "works", DB_F_BOOL),
};
const struct db_record structural_insats_record =
    DB_RECORD(structural_insats, insats_fields);

static const struct db_field company_fields[] = {
	DB_FIELD(structural_company, id, "id", DB_F_INT),
	DB_FIELD(structural_company, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(structural_company, name, "name", DB_F_STR),
	DB_FIELD(structural_company, org_number, "org_number", DB_F_STR),
	DB_FIELD(structural_company, places, "places", DB_F_INT),
	DB_FIELD(structural_company, joined_on, "joined_on", DB_F_STR),
	DB_FIELD(structural_company, left_on, "left_on", DB_F_STR),
	DB_FIELD(structural_company, version, "version", DB_F_INT),
};
const struct db_record structural_company_record =
    DB_RECORD(structural_company, company_fields);

static const struct db_field training_fields[] = {
	DB_FIELD(structural_training, id, "id", DB_F_INT),
	DB_FIELD(structural_training, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(structural_training, held_on, "held_on", DB_F_STR),
	DB_FIELD(structural_training, attendees, "attendees", DB_F_INT),
	DB_FIELD(structural_training, note, "note", DB_F_STR),
	DB_FIELD(structural_training, version, "version", DB_F_INT),
};
const struct db_record structural_training_record =
    DB_RECORD(structural_training, training_fields);

static const struct db_field goal_fields[] = {
	DB_FIELD(structural_goal, year, "year", DB_F_INT),
	DB_FIELD(structural_goal, companies, "companies", DB_F_STR),
	DB_FIELD(structural_goal, places, "places", DB_F_STR),
	DB_FIELD(structural_goal, trainings, "trainings", DB_F_STR),
	DB_FIELD(structural_goal, attendees, "attendees", DB_F_STR),
};
const struct db_record structural_goal_record =
    DB_RECORD(structural_goal, goal_fields);

static const struct db_field count_fields[] = {
	DB_FIELD(structural_count, n, "n", DB_F_INT),
};
const struct db_record structural_count_record =
    DB_RECORD(structural_count, count_fields);

/* ---- loading and saving ---- */

enum app_err
structural_insats_get(
    struct req *r, long long id, struct structural_insats *out, int *found)
{
	struct db_param p[2] = { DB_INT(r->user ? r->user->id : 0),
		DB_INT(id) };

	return db_load_one(
	    r->db, r->a, DB_STRUCTURAL, SQL_ST_INSATS, p, 2, out, found);
}

enum app_err
structural_companies(struct req *r, long long insats_id,
    struct structural_company **out, size_t *n)
{
	struct db_param p[1] = { DB_INT(insats_id) };

	return db_load(r->db, r->a, DB_STRUCTURAL, SQL_ST_COMPANIES, p, 1,
	    (void **)out, n);
}

enum app_err
structural_trainings(struct req *r, long long insats_id,
    struct structural_training **out, size_t *n)
{
	struct db_param p[1] = { DB_INT(insats_id) };

	return db_load(r->db, r->a, DB_STRUCTURAL, SQL_ST_TRAININGS, p, 1,
	    (void **)out, n);
}

enum app_err
structural_goals(
    struct req *r, long long insats_id, struct structural_goal **out, size_t *n)
{
	struct db_param p[1] = { DB_INT(insats_id) };

	return db_load(
	    r->db, r->a, DB_STRUCTURAL, SQL_ST_GOALS, p, 1, (void **)out, n);
}

enum app_err
structural_company_get(struct req *r, long long id, int lock,
    struct structural_company *out, int *found)
{
	struct db_param p[1] = { DB_INT(id) };

	return db_load_one(r->db, r->a, DB_STRUCTURAL,
	    lock ? SQL_ST_COMPANY_LOCK : SQL_ST_COMPANY_GET, p, 1, out, found);
}

enum app_err
structural_training_get(struct req *r, long long id, int lock,
    struct structural_training *out, int *found)
{
	struct db_param p[1] = { DB_INT(id) };

	return db_load_one(r->db, r->a, DB_STRUCTURAL,
	    lock ? SQL_ST_TRAINING_LOCK : SQL_ST_TRAINING_GET, p, 1, out,
	    found);
}

/* An optional string: NULL when empty. */
static struct db_param
opt_str(struct str s)
{
	return s.len ? DB_STR(s) : DB_NULL;
}

enum app_err
structural_company_insert(
    struct req *r, const struct structural_company *c, long long *id)
{
	struct db_param p[6] = { DB_INT(c->insats_id), DB_STR(c->name),
		opt_str(c->org_number), DB_INT(c->places), DB_STR(c->joined_on),
		opt_str(c->left_on) };
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_STRUCTURAL, SQL_ST_COMPANY_INSERT, p,
	         6, NULL)) != APP_OK)
		return e;
	/* INSERT ... SELECT of the förbund's insats: no row, another's. */
	if (db_affected_rows(r->db) != 1)
		return APP_ENOTFOUND;
	*id = (long long)db_insert_id(r->db);
	return APP_OK;
}

enum app_err
structural_company_update(struct req *r, const struct structural_company *c)
{
	struct db_param p[7] = { DB_STR(c->name), opt_str(c->org_number),
		DB_INT(c->places), DB_STR(c->joined_on), opt_str(c->left_on),
		DB_INT(c->id), DB_INT(c->version) };

	return db_exec(
	    r->db, r->a, DB_STRUCTURAL, SQL_ST_COMPANY_UPDATE, p, 7, NULL);
}

enum app_err
structural_training_insert(
    struct req *r, const struct structural_training *t, long long *id)
{
	struct db_param p[4] = { DB_INT(t->insats_id), DB_STR(t->held_on),
		DB_INT(t->attendees), DB_STR(t->note) };
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_STRUCTURAL, SQL_ST_TRAINING_INSERT, p,
	         4, NULL)) != APP_OK)
		return e;
	if (db_affected_rows(r->db) != 1)
		return APP_ENOTFOUND;
	*id = (long long)db_insert_id(r->db);
	return APP_OK;
}

enum app_err
structural_training_update(struct req *r, const struct structural_training *t)
{
	struct db_param p[5] = { DB_STR(t->held_on), DB_INT(t->attendees),
		DB_STR(t->note), DB_INT(t->id), DB_INT(t->version) };

	return db_exec(
	    r->db, r->a, DB_STRUCTURAL, SQL_ST_TRAINING_UPDATE, p, 5, NULL);
}

enum app_err
structural_goal_save(
    struct req *r, long long insats_id, const struct structural_goal *g)
{
	struct db_param p[6] = { DB_INT(insats_id), DB_INT(g->year),
		opt_str(g->companies), opt_str(g->places),
		opt_str(g->trainings), opt_str(g->attendees) };

	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_STRUCTURAL, SQL_ST_GOAL_SAVE, p, 6,
	         NULL)) != APP_OK)
		return e;
	/* 1 inserted, 2 updated (the version always moves), 0: the insats
	 * is not the förbund's. */
	return db_affected_rows(r->db) == 0 ? APP_ENOTFOUND : APP_OK;
}

enum app_err
structural_open_cases(struct req *r, long long id, long long *n)
{
	struct db_param p[2] = { DB_INT(id), DB_INT(id) };
	struct structural_count c;
	int found;
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_STRUCTURAL, SQL_ST_OPEN_CASES, p,
	         2, &c, &found)) != APP_OK)
		return e;
	*n = found ? c.n : 0;
	return APP_OK;
}
