/* organisation.c: organisations, units and insatser; see
 * include/organisation.h. */
#include "db.h"
#include "organisation.h"
#include "req.h"
#include "sql_admin.h"

/* =====================================================================
 * Organisations and units
 * ===================================================================== */

const char *const org_kind_names[ORG_KIND__MAX + 1] = {
	[ORG_FK] = "fk",
	[ORG_AF] = "af",
	[ORG_KOMMUN] = "kommun",
	[ORG_REGION] = "region",
	[ORG_UNIT] = "unit",
	[ORG_OTHER] = "other",
	[ORG_KIND__MAX] = NULL,
};

static const char *const org_kind_labels[ORG_KIND__MAX] = {
	[ORG_FK] = "Försäkringskassan (medlem)",
	[ORG_AF] = "Arbetsförmedlingen (medlem)",
	[ORG_KOMMUN] = "Kommun (medlem)",
	[ORG_REGION] = "Region (medlem)",
	[ORG_UNIT] = "Enhet inom en organisation",
	[ORG_OTHER] = "Annan, till exempel förbundets kansli",
};
_Static_assert(
    sizeof(org_kind_labels) / sizeof(org_kind_labels[0]) == ORG_KIND__MAX,
    "org_kind_labels[] out of sync with enum org_kind");

const char *
org_kind_label(enum org_kind k)
{
	return (unsigned)k < ORG_KIND__MAX ? org_kind_labels[k] : "";
}

/* The index of name in a NULL-terminated name table, or -1. */
static int
org_name_index(const char *const *names, struct str name)
{
	for (int i = 0; names[i] != NULL; i++)
		if (str_eq_cstr(name, names[i]))
			return i;
	return -1;
}

int
org_kind_from_name(struct str name, enum org_kind *out)
{
	int i = org_name_index(org_kind_names, name);

	if (i < 0)
		return 0;
	*out = (enum org_kind)i;
	return 1;
}

int
org_kind_is_member(enum org_kind k)
{
	return k == ORG_FK || k == ORG_AF || k == ORG_KOMMUN || k == ORG_REGION;
}

static const struct db_field org_row_fields[] = {
	DB_FIELD(org_row, id, "id", DB_F_INT),
	DB_FIELD(org_row, name, "name", DB_F_STR),
	DB_FIELD(org_row, short_name, "short_name", DB_F_STR),
	DB_FIELD(org_row, kind, "kind", DB_F_STR),
	DB_FIELD(org_row, parent_id, "parent_id", DB_F_INT),
	DB_FIELD(org_row, parent_name, "parent_name", DB_F_STR),
	DB_FIELD(org_row, share_within_unit, "share_within_unit", DB_F_BOOL),
	DB_FIELD(org_row, active, "active", DB_F_BOOL),
	DB_FIELD(org_row, staff_count, "staff_count", DB_F_INT),
};
const struct db_record org_row_record = DB_RECORD(org_row, org_row_fields);

static const struct db_field organisation_fields[] = {
	DB_FIELD(organisation, id, "id", DB_F_INT),
	DB_FIELD(organisation, name, "name", DB_F_STR),
	DB_FIELD(organisation, short_name, "short_name", DB_F_STR),
	DB_FIELD(organisation, kind, "kind", DB_F_STR),
	DB_FIELD(organisation, parent_id, "parent_id", DB_F_INT),
	DB_FIELD(
	    organisation, share_within_unit, "share_within_unit", DB_F_BOOL),
	DB_FIELD(organisation, active, "active", DB_F_BOOL),
	DB_FIELD(organisation, version, "version", DB_F_INT),
};
const struct db_record organisation_record =
    DB_RECORD(organisation, organisation_fields);

enum app_err
org_list(struct req *r, struct org_row **rows, size_t *n)
{
	return db_load(r->db, r->a, DB_ADMIN, SQL_ADMIN_ORG_LIST, NULL, 0,
	    (void **)rows, n);
}

enum app_err
org_get(
    struct req *r, long long id, int lock, struct organisation *out, int *found)
{
	struct db_param p[1] = { DB_INT(id) };

	return db_load_one(r->db, r->a, DB_ADMIN,
	    lock ? SQL_ADMIN_ORG_LOCK : SQL_ADMIN_ORG_GET, p, 1, out, found);
}

/* Fill p[0..5] with (parent, kind, name, short, share, active). */
static void
org_params(const struct org_change *c, struct db_param *p)
{
	p[0] = c->parent_id ? DB_INT(c->parent_id) : DB_NULL;
	p[1] = DB_STR(str_cstr(org_kind_names[c->kind]));
	p[2] = DB_STR(c->name);
	p[3] = DB_STR(c->short_name);
	p[4] = DB_INT(c->share_within_unit != 0);
	p[5] = DB_INT(c->active != 0);
}

enum app_err
org_insert(struct req *r, const struct org_change *c, long long *id)
{
	struct db_param p[6];
	enum app_err e;

	org_params(c, p);
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_ORG_INSERT, p, 6,
	         NULL)) != APP_OK)
		return e;
	return (*id = (long long)db_insert_id(r->db)) > 0 ? APP_OK : APP_EDB;
}

enum app_err
org_update(struct req *r, long long id, const struct org_change *c)
{
	struct db_param p[7];

	org_params(c, p);
	p[6] = DB_INT(id);
	return db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_ORG_UPDATE, p, 7, NULL);
}

int
org_selectable(const struct org_row *rows, size_t n, long long id,
    long long keep_id, int top_only)
{
	for (size_t i = 0; i < n; i++) {
		if (rows[i].id != id)
			continue;
		if (top_only && rows[i].parent_id != 0)
			return 0;
		return id == keep_id || rows[i].active;
	}
	return 0;
}

const char *
org_parent_problem(const struct org_row *rows, size_t n, long long id, int kind,
    long long parent, long long stored_parent)
{
	if (kind == ORG_UNIT && parent == 0)
		return "En enhet måste höra till en organisation.";
	if (kind >= 0 && kind < ORG_KIND__MAX &&
	    org_kind_is_member((enum org_kind)kind) && parent != 0)
		return "En medlem står överst och kan inte ha någon "
		       "överordnad.";
	if (parent == 0)
		return NULL;
	if (parent == id || !org_selectable(rows, n, parent, stored_parent, 1))
		return "Välj en aktiv organisation på översta nivån.";
	/* Two levels only: no cycles, and a unit never has units. */
	for (size_t i = 0; id != 0 && i < n; i++)
		if (rows[i].parent_id == id)
			return "Organisationen har egna enheter och kan därför "
			       "inte själv ligga under en annan.";
	return NULL;
}

/* =====================================================================
 * Insatser and their goals
 * ===================================================================== */

const char *const insats_direction_names[INSATS_DIRECTION__MAX + 1] = {
	[INSATS_INDIVID] = "individ",
	[INSATS_STRUKTUR] = "struktur",
	[INSATS_DIRECTION__MAX] = NULL,
};

static const char *const insats_direction_labels[INSATS_DIRECTION__MAX] = {
	[INSATS_INDIVID] = "Individinriktad (deltagare)",
	[INSATS_STRUKTUR] = "Strukturinriktad",
};
_Static_assert(
    sizeof(insats_direction_labels) / sizeof(insats_direction_labels[0]) ==
        INSATS_DIRECTION__MAX,
    "insats_direction_labels[] out of sync");

const char *const insats_measurement_names[INSATS_MEASUREMENT__MAX + 1] = {
	[INSATS_PERSONUPPGIFTER] = "personuppgifter",
	[INSATS_ANTAL] = "antal",
	[INSATS_MEASUREMENT__MAX] = NULL,
};

static const char *const insats_measurement_labels[INSATS_MEASUREMENT__MAX] = {
	[INSATS_PERSONUPPGIFTER] = "Med personuppgifter",
	[INSATS_ANTAL] = "Bara antal",
};
_Static_assert(
    sizeof(insats_measurement_labels) / sizeof(insats_measurement_labels[0]) ==
        INSATS_MEASUREMENT__MAX,
    "insats_measurement_labels[] out of sync");

const char *const goal_kind_names[GOAL_KIND__MAX + 1] = {
	[GOAL_ARBETSFORMAGA] = "arbetsformaga",
	[GOAL_EGENFORSORJNING] = "egenforsorjning",
	[GOAL_LIVSKVALITET] = "livskvalitet",
	[GOAL_ARBETE] = "arbete",
	[GOAL_REHABILITERING] = "rehabilitering",
	[GOAL_HALSA] = "halsa",
	[GOAL_OTHER] = "other",
	[GOAL_KIND__MAX] = NULL,
};

static const char *const goal_kind_labels[GOAL_KIND__MAX] = {
	[GOAL_ARBETSFORMAGA] = "Ökad arbetsförmåga",
	[GOAL_EGENFORSORJNING] = "Egenförsörjning (arbete eller studier)",
	[GOAL_LIVSKVALITET] = "Ökad livskvalitet",
	[GOAL_ARBETE] = "Arbete (ESF)",
	[GOAL_REHABILITERING] =
	    "Vidare till rehabilitering mot arbete eller studier",
	[GOAL_HALSA] = "Ökad hälsa",
	[GOAL_OTHER] = "Annat (visas, räknas inte ut)",
};
_Static_assert(
    sizeof(goal_kind_labels) / sizeof(goal_kind_labels[0]) == GOAL_KIND__MAX,
    "goal_kind_labels[] out of sync with enum goal_kind");

const char *
insats_direction_label(enum insats_direction d)
{
	return (unsigned)d < INSATS_DIRECTION__MAX ? insats_direction_labels[d]
	                                           : "";
}

const char *
insats_measurement_label(enum insats_measurement m)
{
	return (unsigned)m < INSATS_MEASUREMENT__MAX
	    ? insats_measurement_labels[m]
	    : "";
}

const char *
goal_kind_label(enum goal_kind k)
{
	return (unsigned)k < GOAL_KIND__MAX ? goal_kind_labels[k] : "";
}

int
insats_direction_from_name(struct str name, enum insats_direction *out)
{
	int i = org_name_index(insats_direction_names, name);

	if (i < 0)
		return 0;
	*out = (enum insats_direction)i;
	return 1;
}

int
insats_measurement_from_name(struct str name, enum insats_measurement *out)
{
	int i = org_name_index(insats_measurement_names, name);

	if (i < 0)
		return 0;
	*out = (enum insats_measurement)i;
	return 1;
}

static const struct db_field insats_row_fields[] = {
	DB_FIELD(insats_row, id, "id", DB_F_INT),
	DB_FIELD(insats_row, name, "name", DB_F_STR),
	DB_FIELD(insats_row, slug, "slug", DB_F_STR),
	DB_FIELD(insats_row, host, "host", DB_F_STR),
	DB_FIELD(insats_row, period_start, "period_start", DB_F_STR),
	DB_FIELD(insats_row, period_end, "period_end", DB_F_STR),
	DB_FIELD(insats_row, places, "places", DB_F_STR),
	DB_FIELD(insats_row, active, "active", DB_F_BOOL),
	DB_FIELD(insats_row, direction, "direction", DB_F_STR),
	DB_FIELD(insats_row, goals, "goals", DB_F_INT),
	DB_FIELD(insats_row, staff, "staff", DB_F_INT),
};
const struct db_record insats_row_record =
    DB_RECORD(insats_row, insats_row_fields);

static const struct db_field insats_fields[] = {
	DB_FIELD(insats, id, "id", DB_F_INT),
	DB_FIELD(insats, name, "name", DB_F_STR),
	DB_FIELD(insats, short_name, "short_name", DB_F_STR),
	DB_FIELD(insats, slug, "slug", DB_F_STR),
	DB_FIELD(
	    insats, host_organisation_id, "host_organisation_id", DB_F_INT),
	DB_FIELD(insats, description, "description", DB_F_STR),
	DB_FIELD(insats, location, "location", DB_F_STR),
	DB_FIELD(insats, target_groups, "target_groups", DB_F_STR),
	DB_FIELD(insats, direction, "direction", DB_F_STR),
	DB_FIELD(insats, measurement, "measurement", DB_F_STR),
	DB_FIELD(insats, period_start, "period_start", DB_F_STR),
	DB_FIELD(insats, period_end, "period_end", DB_F_STR),
	DB_FIELD(insats, places, "places", DB_F_STR),
	DB_FIELD(insats, hours_min, "hours_per_week_min", DB_F_STR),
	DB_FIELD(insats, hours_max, "hours_per_week_max", DB_F_STR),
	DB_FIELD(insats, weeks_min, "typical_weeks_min", DB_F_STR),
	DB_FIELD(insats, weeks_max, "typical_weeks_max", DB_F_STR),
	DB_FIELD(insats, summary_due_days, "summary_due_days", DB_F_STR),
	DB_FIELD(insats, active, "active", DB_F_BOOL),
	DB_FIELD(insats, version, "version", DB_F_INT),
};
const struct db_record insats_record = DB_RECORD(insats, insats_fields);

static const struct db_field insats_goal_fields[] = {
	DB_FIELD(insats_goal, kind, "kind", DB_F_STR),
	DB_FIELD(insats_goal, label, "label", DB_F_STR),
	DB_FIELD(insats_goal, numerator, "target_numerator", DB_F_INT),
	DB_FIELD(insats_goal, denominator, "target_denominator", DB_F_INT),
};
const struct db_record insats_goal_record =
    DB_RECORD(insats_goal, insats_goal_fields);

enum app_err
insats_list(struct req *r, struct insats_row **rows, size_t *n)
{
	return db_load(r->db, r->a, DB_ADMIN, SQL_ADMIN_INSATS_LIST, NULL, 0,
	    (void **)rows, n);
}

enum app_err
insats_get(
    struct req *r, long long id, int lock, struct insats *out, int *found)
{
	struct db_param p[1] = { DB_INT(id) };

	return db_load_one(r->db, r->a, DB_ADMIN,
	    lock ? SQL_ADMIN_INSATS_LOCK : SQL_ADMIN_INSATS_GET, p, 1, out,
	    found);
}

enum app_err
insats_goals(struct req *r, long long id, struct insats_goal **rows, size_t *n)
{
	struct db_param p[1] = { DB_INT(id) };

	return db_load(
	    r->db, r->a, DB_ADMIN, SQL_ADMIN_GOALS, p, 1, (void **)rows, n);
}

/* An optional number: NULL when not set (< 0). */
static struct db_param
insats_opt(long long v)
{
	return v >= 0 ? DB_INT(v) : DB_NULL;
}

/* Fill p with (name ... active), as SQL_ADMIN_INSATS_INSERT and _UPDATE
 * take them after the host; returns how many (INSATS_NPARAMS). */
#define INSATS_NPARAMS 17
static void
insats_params(const struct insats_change *c, struct db_param *p)
{
	p[0] = DB_STR(c->name);
	p[1] = DB_STR(c->short_name);
	p[2] = DB_STR(c->slug);
	p[3] = DB_STR(c->description);
	p[4] = DB_STR(c->location);
	p[5] = DB_STR(c->target_groups);
	p[6] = DB_STR(str_cstr(insats_direction_names[c->direction]));
	p[7] = DB_STR(str_cstr(insats_measurement_names[c->measurement]));
	p[8] = DB_STR(c->period_start);
	p[9] = c->period_end.len ? DB_STR(c->period_end) : DB_NULL;
	p[10] = insats_opt(c->places);
	p[11] = insats_opt(c->hours_min);
	p[12] = insats_opt(c->hours_max);
	p[13] = insats_opt(c->weeks_min);
	p[14] = insats_opt(c->weeks_max);
	p[15] = insats_opt(c->summary_due_days);
	p[16] = DB_INT(c->active != 0);
}

/* Replace the goal set of insats id with c's. */
static enum app_err
insats_goals_save(struct req *r, long long id, const struct insats_change *c)
{
	struct db_param p[6] = { DB_INT(id) };
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_GOALS_DELETE, p, 1,
	         NULL)) != APP_OK)
		return e;
	for (size_t g = 0; g < c->ngoals; g++) {
		p[1] = DB_STR(c->goals[g].kind);
		p[2] = DB_STR(c->goals[g].label);
		p[3] = DB_INT(c->goals[g].numerator);
		p[4] = DB_INT(c->goals[g].denominator);
		p[5] = DB_INT((long long)g + 1);
		if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_GOAL_INSERT,
		         p, 6, NULL)) != APP_OK)
			return e;
		/* INSERT ... SELECT of the förbund's insats: none, another's. */
		if (db_affected_rows(r->db) != 1)
			return APP_ENOTFOUND;
	}
	return APP_OK;
}

enum app_err
insats_insert(struct req *r, const struct insats_change *c, long long *id)
{
	struct db_param p[1 + INSATS_NPARAMS];
	enum app_err e;

	p[0] = DB_INT(c->host_organisation_id);
	insats_params(c, p + 1);
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_INSATS_INSERT, p,
	         1 + INSATS_NPARAMS, NULL)) != APP_OK)
		return e;
	if ((*id = (long long)db_insert_id(r->db)) <= 0)
		return APP_EDB;
	return insats_goals_save(r, *id, c);
}

enum app_err
insats_update(struct req *r, long long id, const struct insats_change *c)
{
	struct db_param p[2 + INSATS_NPARAMS];
	enum app_err e;

	p[0] = DB_INT(c->host_organisation_id);
	insats_params(c, p + 1);
	p[1 + INSATS_NPARAMS] = DB_INT(id);
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_INSATS_UPDATE, p,
	         2 + INSATS_NPARAMS, NULL)) != APP_OK)
		return e;
	return insats_goals_save(r, id, c);
}

int
insats_slug_ok(struct str s)
{
	int prev_dash = 1; /* no leading hyphen */

	for (size_t i = 0; i < s.len; i++) {
		char c = s.p[i];
		if (c == '-') {
			if (prev_dash)
				return 0;
			prev_dash = 1;
		} else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			prev_dash = 0;
		else
			return 0;
	}
	return s.len > 0 && !prev_dash;
}
