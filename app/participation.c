/* participation.c: a participation's states, rules and records; see
 * include/participation.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_limits.h"
#include "arena.h"
#include "audit.h"
#include "code_labels.h"
#include "date.h"
#include "db.h"
#include "midterm.h"
#include "participation.h"
#include "sql_sus_facts.h"
#include "req.h"
#include "session.h"
#include "sql_participation.h"

/* ---- states ---- */

static const struct {
	const char *name, *label;
} participation_statuses[PARTICIPATION_STATUS__MAX] = {
	[PARTICIPATION_INSKRIVEN] = { "inskriven", "Inskriven" },
	[PARTICIPATION_AVSLUTAD] = { "avslutad", "Avslutad" },
	[PARTICIPATION_FELREGISTRERAD] = { "felregistrerad", "Felregistrerad" },
};
_Static_assert(
    sizeof(participation_statuses) / sizeof(participation_statuses[0]) ==
        PARTICIPATION_STATUS__MAX,
    "participation_statuses[] out of sync with enum participation_status");

const char *
participation_status_name(enum participation_status s)
{
	return (unsigned)s < PARTICIPATION_STATUS__MAX
	    ? participation_statuses[s].name
	    : "";
}

const char *
participation_status_label(enum participation_status s)
{
	return (unsigned)s < PARTICIPATION_STATUS__MAX
	    ? participation_statuses[s].label
	    : "";
}

enum participation_status
participation_status_from_name(struct str name)
{
	for (int s = 0; s < PARTICIPATION_STATUS__MAX; s++)
		if (str_eq_cstr(name, participation_statuses[s].name))
			return (enum participation_status)s;
	return PARTICIPATION_STATUS__MAX;
}

const char *
participation_status_label_of(struct str name)
{
	return participation_status_label(participation_status_from_name(name));
}

/* ---- which change each state allows ---- */

const char *
participation_refusal(enum participation_status s, enum participation_change ch)
{
	switch (ch) {
	case PCHANGE_PLAN:
	case PCHANGE_MIDTERM:
	case PCHANGE_EXTEND:
	case PCHANGE_END:
		return s == PARTICIPATION_INSKRIVEN
		    ? NULL
		    : PARTICIPATION_MSG_NOT_OPEN;
	case PCHANGE_CONTACT:
		return s == PARTICIPATION_INSKRIVEN ||
		        s == PARTICIPATION_AVSLUTAD
		    ? NULL
		    : PARTICIPATION_MSG_CONTACT_CLOSED;
	case PCHANGE_SUS:
		return s == PARTICIPATION_INSKRIVEN ||
		        s == PARTICIPATION_AVSLUTAD
		    ? NULL
		    : PARTICIPATION_MSG_SUS_CLOSED;
	case PCHANGE_TARGET_GROUP:
		return s == PARTICIPATION_INSKRIVEN ||
		        s == PARTICIPATION_AVSLUTAD
		    ? NULL
		    : PARTICIPATION_MSG_TARGET_GROUP_CLOSED;
	case PCHANGE__MAX: break;
	}
	return PARTICIPATION_MSG_NOT_OPEN;
}

int
participation_summary_open(enum participation_status s, int summary_sent)
{
	return s == PARTICIPATION_AVSLUTAD && !summary_sent;
}

int
participation_sus_anonymous(const struct participation *p)
{
	return !str_eq_cstr(p->measurement, "personuppgifter");
}

/* ---- the rules of the changes ---- */

enum participation_status
participation_end_status(struct str reason)
{
	return str_eq_cstr(reason, PARTICIPATION_END_MISTAKE)
	    ? PARTICIPATION_FELREGISTRERAD
	    : PARTICIPATION_AVSLUTAD;
}

long long
participation_add_days(long long ymd, long days)
{
	/* Hinnant's civil_from_days over date_days()'s day number. */
	long z = date_days((int)(ymd / 10000), (int)(ymd / 100 % 100),
	             (int)(ymd % 100)) +
	    days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	long y = yoe + era * 400 + (m <= 2);

	return (long long)y * 10000 + m * 100 + d;
}

long long
participation_summary_due(long long end_ymd, struct str due_days)
{
	long days = due_days.len ? (long)str_to_ll(due_days)
	                         : PARTICIPATION_SUMMARY_DEFAULT_DAYS;

	return participation_add_days(end_ymd, days);
}

struct str
participation_ymd_str(struct arena *a, long long ymd)
{
	int y = (int)(ymd / 10000 % 10000), m = (int)(ymd / 100 % 100),
	    d = (int)(ymd % 100);
	char *p;

	if (ymd < 0 || (p = arena_alloc(a, 16)) == NULL)
		return STR_LIT("");
	snprintf(p, 16, "%04d-%02d-%02d", y, m, d);
	return (struct str){ p, 10 };
}

long long
participation_date_ymd(struct str s)
{
	int y, m, d;

	if (!date_parse_iso(s, &y, &m, &d))
		return 0;
	return (long long)y * 10000 + m * 100 + d;
}

long long
participation_today(void)
{
	int y, m, d;

	date_today(&y, &m, &d);
	return (long long)y * 10000 + m * 100 + d;
}

const char *
participation_check_date(
    struct arena *a, long long ymd, long long start, long long today)
{
	struct buf msg;

	if (ymd > today)
		return PARTICIPATION_MSG_FUTURE;
	if (ymd >= start)
		return NULL;
	buf_init(&msg, a);
	return buf_printf(&msg, "Datumet kan inte vara före startdatumet (%s).",
	           participation_ymd_str(a, start).p) == APP_OK
	    ? msg.p
	    : "Datumet kan inte vara före startdatumet.";
}

const char *
participation_check_extension(
    struct arena *a, long long new_end, long long start, struct str cur)
{
	long long cur_ymd = participation_date_ymd(cur);
	struct buf msg;

	if (new_end <= start)
		return "Det nya slutet måste vara efter startdatumet.";
	if (!cur_ymd || new_end > cur_ymd)
		return NULL;
	buf_init(&msg, a);
	return buf_printf(&msg,
	           "Det nya slutet måste vara efter det nuvarande "
	           "planerade slutet (%.*s).",
	           (int)cur.len, cur.p) == APP_OK
	    ? msg.p
	    : "Det nya slutet måste vara efter det nuvarande.";
}

const char *
participation_check_plan(size_t nact, long long total)
{
	if (nact == 0)
		return "Planen behöver minst en aktivitet med timmar i veckan.";
	if (nact > PARTICIPATION_PLAN_MAX_ACTIVITIES)
		return PARTICIPATION_MSG_PLAN_MAX;
	if (total > PARTICIPATION_PLAN_MAX_HOURS)
		return "Sammanlagt högst 40 timmar i veckan (heltid). Minska "
		       "timmarna.";
	return NULL;
}

int
participation_insats_full(struct str places, long long inskrivna)
{
	return places.len > 0 && inskrivna >= str_to_ll(places);
}

/* ---- records ---- */

static const struct db_field participation_fields[] = {
	DB_FIELD(participation, id, "id", DB_F_INT),
	DB_FIELD(participation, version, "version", DB_F_INT),
	DB_FIELD(participation, status_name, "status", DB_F_STR),
	DB_FIELD(participation, referral_id, "referral_id", DB_F_INT),
	DB_FIELD(participation, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(participation, insats, "insats", DB_F_STR),
	DB_FIELD(participation, due_days, "due_days", DB_F_STR),
	DB_FIELD(participation, personnummer, "personnummer", DB_F_STR),
	CONTACT_DB_FIELDS(participation, person),
	DB_FIELD(participation, birth_year, "birth_year", DB_F_STR),
	DB_FIELD(participation, start_date, "start_date", DB_F_STR),
	DB_FIELD(participation, planned_end, "planned_end", DB_F_STR),
	DB_FIELD(participation, contact_name, "contact", DB_F_STR),
	DB_FIELD(participation, contact_id, "contact_id", DB_F_STR),
	DB_FIELD(participation, hours_per_week, "hours_per_week", DB_F_STR),
	DB_FIELD(participation, target_group, "target_group", DB_F_STR),
	DB_FIELD(participation, target_groups, "target_groups", DB_F_STR),
	DB_FIELD(participation, end_date, "end_date", DB_F_STR),
	DB_FIELD(participation, end_reason_code, "end_reason_code", DB_F_STR),
	DB_FIELD(participation, end_reason_label, "end_reason", DB_F_STR),
	DB_FIELD(participation, occ_after_code, "occ_after_code", DB_F_STR),
	DB_FIELD(participation, occ_after_label, "occ_after", DB_F_STR),
	DB_FIELD(participation, summary_due, "summary_due", DB_F_STR),
	DB_FIELD(participation, summary_sent, "summary_sent", DB_F_UTC_TIME),
	DB_FIELD(participation, overdue, "overdue", DB_F_BOOL),
	DB_FIELD(participation, remittent, "remittent", DB_F_STR),
	DB_FIELD(participation, remittent_org, "remittent_org", DB_F_STR),
	DB_FIELD(participation, ref_org_id, "ref_org_id", DB_F_INT),
	DB_FIELD(participation, ref_version, "ref_version", DB_F_INT),
	DB_FIELD(participation, person_version, "person_version", DB_F_INT),
	DB_FIELD(participation, edu_code, "edu_code", DB_F_STR),
	DB_FIELD(participation, edu_label, "edu_label", DB_F_STR),
	DB_FIELD(participation, support_code, "support_code", DB_F_STR),
	DB_FIELD(participation, support_label, "support_label", DB_F_STR),
	DB_FIELD(participation, occ_before_code, "occ_before_code", DB_F_STR),
	DB_FIELD(participation, occ_before_label, "occ_before", DB_F_STR),
	DB_FIELD(participation, measurement, "measurement", DB_F_STR),
	DB_FIELD(participation, occ_before_pct, "occ_before_pct", DB_F_STR),
	DB_FIELD(participation, occ_after_pct, "occ_after_pct", DB_F_STR),
	SUS_FACTS_FIELDS(participation, sus),
	DB_FIELD(participation, staff_reaches, "staff_reaches", DB_F_BOOL),
	DB_FIELD(participation, code_gen, "code_gen", DB_F_STR),
};
const struct db_record participation_record =
    DB_RECORD(participation, participation_fields);

static const struct db_field activity_fields[] = {
	DB_FIELD(participation_activity, activity, "activity", DB_F_STR),
	DB_FIELD(participation_activity, hours, "hours", DB_F_INT),
};
const struct db_record participation_activity_record =
    DB_RECORD(participation_activity, activity_fields);

static const struct db_field extension_fields[] = {
	DB_FIELD(participation_extension, at, "at", DB_F_UTC_TIME),
	DB_FIELD(participation_extension, old_end, "old", DB_F_STR),
	DB_FIELD(participation_extension, new_end, "new", DB_F_STR),
	DB_FIELD(participation_extension, reason, "reason", DB_F_STR),
	DB_FIELD(participation_extension, who, "who", DB_F_STR),
};
const struct db_record participation_extension_record =
    DB_RECORD(participation_extension, extension_fields);

static const struct db_field income_fields[] = {
	DB_FIELD(participation_income, phase, "phase", DB_F_STR),
	DB_FIELD(participation_income, code, "code", DB_F_STR),
	DB_FIELD(participation_income, label, "label", DB_F_STR),
	DB_FIELD(participation_income, has_sus, "has_sus", DB_F_BOOL),
	DB_FIELD(participation_income, extent, "extent", DB_F_STR),
};
const struct db_record participation_income_record =
    DB_RECORD(participation_income, income_fields);

static const struct db_field history_fields[] = {
	DB_FIELD(participation_history, at, "at", DB_F_UTC_TIME),
	DB_FIELD(participation_history, who, "who", DB_F_STR),
	DB_FIELD(participation_history, field, "field", DB_F_STR),
	DB_FIELD(participation_history, old_value, "old", DB_F_STR),
	DB_FIELD(participation_history, new_value, "new", DB_F_STR),
};
const struct db_record participation_history_record =
    DB_RECORD(participation_history, history_fields);

static const struct db_field access_fields[] = {
	DB_FIELD(participation_access, at, "at", DB_F_UTC_TIME),
	DB_FIELD(participation_access, who, "who", DB_F_STR),
	DB_FIELD(participation_access, username, "username", DB_F_STR),
	DB_FIELD(participation_access, action, "action", DB_F_STR),
	DB_FIELD(participation_access, object_type, "object_type", DB_F_STR),
	DB_FIELD(participation_access, what, "what", DB_F_STR),
	DB_FIELD(participation_access, id, "id", DB_F_INT),
};
const struct db_record participation_access_record =
    DB_RECORD(participation_access, access_fields);

static const struct db_field code_fields[] = {
	DB_FIELD(code_choice, list, "list", DB_F_STR),
	DB_FIELD(code_choice, code, "code", DB_F_STR),
	DB_FIELD(code_choice, label, "label", DB_F_STR),
	DB_FIELD(code_choice, active, "active", DB_F_BOOL),
	DB_FIELD(code_choice, has_sus, "has_sus", DB_F_BOOL),
};
const struct db_record code_row_record = DB_RECORD(code_choice, code_fields);

static const struct db_field code_choice_fields[] = {
	DB_FIELD(code_choice, code, "code", DB_F_STR),
	DB_FIELD(code_choice, label, "label", DB_F_STR),
	DB_FIELD(code_choice, checked, "checked", DB_F_BOOL),
};
const struct db_record code_choice_record =
    DB_RECORD(code_choice, code_choice_fields);

static const struct db_field item_fields[] = {
	DB_FIELD(participation_item, kind, "kind", DB_F_INT),
	DB_FIELD(participation_item, n, "n", DB_F_INT),
	DB_FIELD(participation_item, o2, "o2", DB_F_INT),
	DB_FIELD(participation_item, a, "a", DB_F_STR),
	DB_FIELD(participation_item, b, "b", DB_F_STR),
	DB_FIELD(participation_item, c, "c", DB_F_STR),
	DB_FIELD(participation_item, d, "d", DB_F_STR),
	DB_FIELD(participation_item, e, "e", DB_F_STR),
	DB_FIELD(participation_item, f, "f", DB_F_STR),
};
const struct db_record participation_item_record =
    DB_RECORD(participation_item, item_fields);

static const struct db_field row_fields[] = {
	DB_FIELD(participation_row, id, "id", DB_F_INT),
	DB_FIELD(participation_row, first_name, "first_name", DB_F_STR),
	DB_FIELD(participation_row, last_name, "last_name", DB_F_STR),
	DB_FIELD(participation_row, gender, "gender", DB_F_STR),
	DB_FIELD(participation_row, insats, "insats", DB_F_STR),
	DB_FIELD(participation_row, status, "status", DB_F_STR),
	DB_FIELD(participation_row, start_date, "start_date", DB_F_STR),
	DB_FIELD(participation_row, planned_end, "planned_end", DB_F_STR),
	DB_FIELD(participation_row, end_date, "end_date", DB_F_STR),
	DB_FIELD(participation_row, contact, "contact", DB_F_STR),
	DB_FIELD(participation_row, summary_due, "summary_due", DB_F_STR),
	DB_FIELD(participation_row, overdue, "overdue", DB_F_INT),
	DB_FIELD(participation_row, summary_sent, "summary_sent", DB_F_BOOL),
	DB_FIELD(participation_row, total, "total", DB_F_INT),
};
const struct db_record participation_row_record =
    DB_RECORD(participation_row, row_fields);

static const struct db_field hit_fields[] = {
	DB_FIELD(participation_hit, referral_id, "referral_id", DB_F_STR),
	DB_FIELD(
	    participation_hit, referral_status, "referral_status", DB_F_STR),
	DB_FIELD(
	    participation_hit, participation_id, "participation_id", DB_F_STR),
	DB_FIELD(participation_hit, status, "status", DB_F_STR),
	DB_FIELD(participation_hit, insats, "insats", DB_F_STR),
	DB_FIELD(participation_hit, submitted, "submitted", DB_F_UTC_DAY),
	DB_FIELD(participation_hit, start_date, "start_date", DB_F_STR),
	DB_FIELD(participation_hit, end_date, "end_date", DB_F_STR),
	DB_FIELD(participation_hit, first_name, "first_name", DB_F_STR),
	DB_FIELD(participation_hit, last_name, "last_name", DB_F_STR),
};
const struct db_record participation_hit_record =
    DB_RECORD(participation_hit, hit_fields);

static const struct db_field my_insats_fields[] = {
	DB_FIELD(my_insats, id, "id", DB_F_INT),
	DB_FIELD(my_insats, name, "name", DB_F_STR),
	DB_FIELD(my_insats, places, "places", DB_F_STR),
	DB_FIELD(my_insats, inskrivna, "inskrivna", DB_F_INT),
};
const struct db_record my_insats_record =
    DB_RECORD(my_insats, my_insats_fields);

static const struct db_field staff_option_fields[] = {
	DB_FIELD(staff_option, id, "id", DB_F_INT),
	DB_FIELD(staff_option, name, "name", DB_F_STR),
};
const struct db_record staff_option_record =
    DB_RECORD(staff_option, staff_option_fields);

static const struct db_field person_fields[] = {
	CONTACT_DB_FIELDS(participation_person, c),
	DB_FIELD(participation_person, version, "version", DB_F_INT),
	DB_FIELD(participation_person, personnummer, "personnummer", DB_F_STR),
	DB_FIELD(participation_person, status_name, "status", DB_F_STR),
	DB_FIELD(participation_person, insats, "insats", DB_F_STR),
	DB_FIELD(participation_person, gallrad, "gallrad", DB_F_BOOL),
};
const struct db_record participation_person_record =
    DB_RECORD(participation_person, person_fields);

/* ---- loads ---- */

/* Statement q of the participation area into *rows (arena). */
static enum app_err
part_load(struct req *r, unsigned q, const struct db_param *p, size_t np,
    void *rows, size_t *n)
{
	return db_load(
	    r->db, r->a, DB_PARTICIPATION, q, p, np, (void **)rows, n);
}

enum app_err
participation_load(
    struct req *r, long long id, struct participation *out, int *found)
{
	struct db_param p[3];
	enum app_err e;

	p[0] = DB_STR(participation_ymd_str(r->a, participation_today()));
	p[1] = DB_INT(r->user != NULL ? r->user->id : 0);
	p[2] = DB_INT(id);
	if ((e = db_load_one(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_GET, p, 3, out, found)) != APP_OK)
		return e;
	out->status = participation_status_from_name(out->status_name);
	if (!*found)
		return APP_OK;
	if ((e = participation_code_labels_sync(r, out->code_gen)) != APP_OK)
		return e;
	/* What the statement's code table joins gave: IFNULL(label, ''),
	 * IFNULL(sus_code, ''). */
	out->end_reason_label =
	    code_labels_label(CODE_LIST_END_REASON, out->end_reason_code);
	out->occ_after_label =
	    code_labels_label(CODE_LIST_OCCUPATION, out->occ_after_code);
	out->edu_label = code_labels_label(CODE_LIST_EDUCATION, out->edu_code);
	out->support_label =
	    code_labels_label(CODE_LIST_SUPPORT_TIME, out->support_code);
	out->occ_before_label =
	    code_labels_label(CODE_LIST_OCCUPATION, out->occ_before_code);
	out->sus.education.sus =
	    code_labels_sus(CODE_LIST_EDUCATION, out->sus.education.value);
	out->sus.occupation_before.sus = code_labels_sus(
	    CODE_LIST_OCCUPATION, out->sus.occupation_before.value);
	out->sus.support_time.sus = code_labels_sus(
	    CODE_LIST_SUPPORT_TIME, out->sus.support_time.value);
	out->sus.end_reason.sus =
	    code_labels_sus(CODE_LIST_END_REASON, out->sus.end_reason.value);
	out->sus.occupation_after.sus = code_labels_sus(
	    CODE_LIST_OCCUPATION, out->sus.occupation_after.value);
	return APP_OK;
}

enum app_err
participation_code_labels_sync(struct req *r, struct str gen)
{
	struct code_label_row *rows;
	size_t n;
	enum app_err e;

	if (code_labels_current(gen))
		return APP_OK;
	/* Read under a generation of their own, which the next request
	 * compares: a change between the two statements is read again. */
	if ((e = part_load(r, SQL_PARTICIPATION_CODE_LABELS, NULL, 0, &rows,
	         &n)) != APP_OK)
		return e;
	return code_labels_put(rows, n);
}

/* The code list tables in the order of enum participation_codes. */
static const char *const pcodes_tables[PCODES__MAX] = {
	[PCODES_ADVISE] = "code_advise_against",
	[PCODES_END] = "code_end_reason",
	[PCODES_OCCUPATION] = "code_occupation",
	[PCODES_INCOME] = "code_income",
	[PCODES_EDUCATION] = "code_education",
	[PCODES_SUPPORT] = "code_support_time",
	[PCODES_MUNICIPALITY] = "code_municipality",
};
_Static_assert(sizeof(pcodes_tables) / sizeof(pcodes_tables[0]) == PCODES__MAX,
    "pcodes_tables[] out of sync with enum participation_codes");

/* Point codes[] at the runs of v (n entries, ordered list by list). */
static void
codes_split(struct code_choice *v, size_t n, struct code_choices *codes)
{
	for (int l = 0; l < PCODES__MAX; l++) {
		codes[l].v = NULL;
		codes[l].n = 0;
		for (size_t i = 0; i < n; i++) {
			if (!str_eq_cstr(v[i].list, pcodes_tables[l]))
				continue;
			if (codes[l].v == NULL)
				codes[l].v = &v[i];
			codes[l].n++;
		}
	}
}

enum app_err
participation_codes_load(struct req *r, struct code_choices *codes)
{
	struct code_choice *v;
	size_t n;
	enum app_err e;

	if ((e = part_load(r, SQL_PARTICIPATION_CODES, NULL, 0, &v, &n)) !=
	    APP_OK)
		return e;
	codes_split(v, n, codes);
	return APP_OK;
}

const struct code_choice *
code_choices_find(
    const struct code_choices *l, struct str code, int active_only)
{
	for (size_t i = 0; i < l->n; i++)
		if (str_eq(l->v[i].code, code))
			return active_only && !l->v[i].active ? NULL : &l->v[i];
	return NULL;
}

/* The kinds of SQL_PARTICIPATION_ITEMS rows. */
enum part_item {
	ITEM_ACTIVITY = 1,
	ITEM_EXTENSION,
	ITEM_INCOME_BEFORE,
	ITEM_INCOME_AFTER,
	ITEM_HISTORY,
	ITEM_REFERRAL_HISTORY,
	ITEM_LOOKED,
	ITEM_CODE,
	ITEM_MIDTERM,
	ITEM_FOLLOWUP,
	ITEM_SUMMARY,
	ITEM_SUS_HISTORY,
	/* QUEST_SQL_PANEL_ITEMS's kinds 0, 1 and 2 (sql_quest.h). */
	ITEM_QUEST_DEF,
	ITEM_QUEST_RESPONSE,
	ITEM_QUEST_CODE,
	ITEM__MAX
};
_Static_assert(
    ITEM_SUS_HISTORY == 12 && ITEM_QUEST_DEF == 13 && ITEM_QUEST_CODE == 15,
    "ITEMS_SQL's kinds (sql_participation.c)");

/* An arena array of n structs of size sz (NULL when n is 0). */
static enum app_err
items_alloc(struct arena *a, size_t n, size_t sz, void *out)
{
	void *p = NULL;

	if (n > 0 && (p = arena_calloc(a, n, sz)) == NULL)
		return APP_ENOMEM;
	memcpy(out, &p, sizeof(p));
	return APP_OK;
}

/* The code list a history field of a participation (referral: of the
 * referral's SUS history) names its codes from, as HISTORY_SQL_VALUE
 * (participation) and the SUS history's own CASE (referral) named them;
 * *set: a comma-separated set of codes. CODE_LIST__MAX: the value as
 * stored. */
static enum code_list
history_field_list(int referral, struct str field, int *set)
{
	static const struct {
		const char *field;
		enum code_list list;
		int set, referral;
	} map[] = {
		{ "education_code", CODE_LIST_EDUCATION, 0, 1 },
		{ "support_time_code", CODE_LIST_SUPPORT_TIME, 0, 1 },
		{ "income", CODE_LIST_INCOME, 1, 1 },
		{ "advise_against_code", CODE_LIST_ADVISE_AGAINST, 0, 0 },
		{ "occupation_before_code", CODE_LIST_OCCUPATION, 0, 0 },
		{ "occupation_after_code", CODE_LIST_OCCUPATION, 0, 0 },
		{ "end_reason_code", CODE_LIST_END_REASON, 0, 0 },
		{ "income_after", CODE_LIST_INCOME, 1, 0 },
	};

	*set = 0;
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if ((!referral || map[i].referral) &&
		    str_eq_cstr(field, map[i].field)) {
			*set = map[i].set;
			return map[i].list;
		}
	return CODE_LIST__MAX;
}

/* Item it of a history list (field c, values d and e) with its codes
 * named by their labels. */
static enum app_err
history_named(struct arena *a, int referral, struct participation_item *it)
{
	int set;
	enum code_list l = history_field_list(referral, it->c, &set);
	enum app_err e;

	if (l == CODE_LIST__MAX)
		return APP_OK;
	if (!set) {
		it->d = code_labels_name(l, it->d);
		it->e = code_labels_name(l, it->e);
		return APP_OK;
	}
	if ((e = code_labels_names(a, l, it->d, &it->d)) != APP_OK)
		return e;
	return code_labels_names(a, l, it->e, &it->e);
}

static struct participation_history
item_history(const struct participation_item *it)
{
	return (struct participation_history){ it->a, it->b, it->c, it->d,
		it->e, str_to_ll(it->f) };
}

static struct participation_income
item_income(const struct participation_item *it)
{
	return (struct participation_income){ STR_LIT(""), it->a, it->b,
		str_eq_cstr(it->c, "1"), it->d };
}

enum app_err
participation_history_older(struct req *r, const struct participation *p,
    long long before, long long max, struct participation_history **rows,
    size_t *n)
{
	struct db_param q[3] = { DB_INT(before), DB_INT(p->id), DB_INT(max) };
	struct participation_item *it;
	size_t k;
	enum app_err e;

	*rows = NULL;
	*n = 0;
	if ((e = part_load(r, SQL_PARTICIPATION_HISTORY_OLDER, q, 3, &it,
	         &k)) != APP_OK ||
	    (e = items_alloc(r->a, k, sizeof(**rows), rows)) != APP_OK)
		return e;
	/* The times are UTC: shown in Swedish time, as on the page. */
	for (size_t i = 0; i < k; i++) {
		it[i].a = date_local_time(r->a, it[i].a);
		if ((e = history_named(r->a, 0, &it[i])) != APP_OK)
			return e;
		(*rows)[i] = item_history(&it[i]);
	}
	*n = k;
	return APP_OK;
}

/* x < y as an ascii_bin (byte) ORDER BY has them. */
static int
bin_cmp(struct str x, struct str y)
{
	size_t n = x.len < y.len ? x.len : y.len;
	int c = n > 0 ? memcmp(x.p, y.p, n) : 0;

	if (c != 0)
		return c;
	return x.len < y.len ? -1 : x.len > y.len;
}

static int
str_qcmp(const void *x, const void *y)
{
	return bin_cmp(*(const struct str *)x, *(const struct str *)y);
}

/* A SUS income item: the SUS code, then its extent. */
struct sus_income {
	struct str sus, extent;
};

static int
sus_income_cmp(const void *x, const void *y)
{
	const struct sus_income *a = x, *b = y;
	int c = bin_cmp(a->sus, b->sus);

	return c != 0 ? c : bin_cmp(a->extent, b->extent);
}

/* The SUS facts of an income list v (n rows of the lists statement), as
 * SUS_FACTS_SQL's subqueries make them: value, the codes in the primary
 * key's order (GROUP_CONCAT(income_code) over (owner, income_code));
 * sus, SUS_INCOME_ITEM of the codes with a SUS code, each SUS code
 * (the worker's copy of the list) with ":extent" when one is recorded,
 * in SUS code order. "," between; "" for none. Arena a. */
static enum app_err
income_facts(struct arena *a, const struct participation_income *v, size_t n,
    struct sus_item *out)
{
	struct str *codes;
	struct sus_income *sus;
	size_t ns = 0;
	struct buf bv, bs;

	out->value = out->sus = STR_LIT("");
	if (n == 0)
		return APP_OK;
	if ((codes = arena_calloc(a, n, sizeof(*codes))) == NULL ||
	    (sus = arena_calloc(a, n, sizeof(*sus))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		codes[i] = v[i].code;
		/* Whether it has one from the copy too, never the lists
		 * statement's has_sus: both from one snapshot of the list. */
		if (code_labels_has_sus(CODE_LIST_INCOME, v[i].code))
			sus[ns++] = (struct sus_income){
				code_labels_sus(CODE_LIST_INCOME, v[i].code),
				v[i].extent
			};
	}
	qsort(codes, n, sizeof(*codes), str_qcmp);
	qsort(sus, ns, sizeof(*sus), sus_income_cmp);
	buf_init(&bv, a);
	buf_init(&bs, a);
	for (size_t i = 0; i < n; i++)
		if ((i > 0 && buf_puts(&bv, ",") != APP_OK) ||
		    buf_append(&bv, codes[i].p, codes[i].len) != APP_OK)
			return APP_ENOMEM;
	for (size_t i = 0; i < ns; i++)
		if ((i > 0 && buf_puts(&bs, ",") != APP_OK) ||
		    buf_append(&bs, sus[i].sus.p, sus[i].sus.len) != APP_OK ||
		    (sus[i].extent.len > 0 &&
		        (buf_puts(&bs, ":") != APP_OK ||
		            buf_append(&bs, sus[i].extent.p,
		                sus[i].extent.len) != APP_OK)))
			return APP_ENOMEM;
	out->value = buf_str(&bv);
	out->sus = buf_str(&bs);
	return APP_OK;
}

/* The items' order, (kind, n, o2, a) as SQL's ORDER BY on a binary a:
 * sorted here, since the statement is a bare UNION ALL (an ORDER BY
 * over it made it a derived table, materialised and sorted by MariaDB on
 * every execution: ~40 % of the statement's CPU). */
static int
item_cmp(const void *x, const void *y)
{
	const struct participation_item *a = x, *b = y;
	size_t n = a->a.len < b->a.len ? a->a.len : b->a.len;
	int c;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	if (a->n != b->n)
		return a->n < b->n ? -1 : 1;
	if (a->o2 != b->o2)
		return a->o2 < b->o2 ? -1 : 1;
	if (n > 0 && (c = memcmp(a->a.p, b->a.p, n)) != 0)
		return c;
	return a->a.len < b->a.len ? -1 : a->a.len > b->a.len;
}

enum app_err
participation_page_load(struct req *r, const struct participation *p,
    int codes_too, long long max, struct participation_page *out)
{
	/* All: more rows than any list holds. */
	struct db_param lim = DB_INT(max > 0 ? max : 1000000000LL);
	struct db_param q[25];
	struct participation_item *it;
	struct code_choice *codes;
	struct quest_panel_row *quest;
	size_t nquest = 0;
	size_t n, cnt[ITEM__MAX] = { 0 }, k[ITEM__MAX] = { 0 };
	enum app_err e;

	memset(out, 0, sizeof(*out));
	/* In the order of ITEMS_SQL (sql_participation.c). */
	q[0] = q[1] = q[4] = q[5] = q[9] = DB_INT(p->id);
	q[2] = q[6] = q[8] = q[10] = q[18] = lim;
	q[3] = q[7] = DB_INT(p->referral_id);
	q[11] = DB_INT(p->insats_id);
	q[12] = DB_STR(p->personnummer);
	q[13] = q[17] = q[19] = q[20] = DB_INT(p->id);
	q[14] = q[15] = q[16] = DB_INT(p->referral_id);
	q[21] = q[24] = DB_INT(p->id);
	q[22] = DB_INT(QUEST_LINK_IDLE_SECONDS);
	q[23] = DB_INT(QUEST_IDLE_SECONDS);
	/* The code lists only with a form (their own statement). */
	if ((e = part_load(r,
	         codes_too ? SQL_PARTICIPATION_ITEMS_FORMS
	                   : SQL_PARTICIPATION_ITEMS,
	         q, 25, &it, &n)) != APP_OK)
		return e;
	if (n > 1)
		qsort(it, n, sizeof(*it), item_cmp);
	for (size_t i = 0; i < n; i++)
		if (it[i].kind > 0 && it[i].kind < ITEM__MAX)
			cnt[it[i].kind]++;
	if ((e = items_alloc(r->a, cnt[ITEM_ACTIVITY], sizeof(*out->activities),
	         &out->activities)) != APP_OK ||
	    (e = items_alloc(r->a, cnt[ITEM_EXTENSION],
	         sizeof(*out->extensions), &out->extensions)) != APP_OK ||
	    (e = items_alloc(r->a, cnt[ITEM_INCOME_BEFORE],
	         sizeof(*out->income_before), &out->income_before)) != APP_OK ||
	    (e = items_alloc(r->a, cnt[ITEM_INCOME_AFTER],
	         sizeof(*out->income_after), &out->income_after)) != APP_OK ||
	    (e = items_alloc(r->a, cnt[ITEM_HISTORY], sizeof(*out->history),
	         &out->history)) != APP_OK ||
	    (e = items_alloc(r->a, cnt[ITEM_REFERRAL_HISTORY],
	         sizeof(*out->referral_history), &out->referral_history)) !=
	        APP_OK ||
	    (e = items_alloc(r->a, cnt[ITEM_SUS_HISTORY],
	         sizeof(*out->sus_history), &out->sus_history)) != APP_OK ||
	    (e = items_alloc(r->a, cnt[ITEM_LOOKED], sizeof(*out->looked),
	         &out->looked)) != APP_OK ||
	    (e = items_alloc(r->a,
	         cnt[ITEM_QUEST_DEF] + cnt[ITEM_QUEST_RESPONSE] +
	             cnt[ITEM_QUEST_CODE],
	         sizeof(*quest), &quest)) != APP_OK ||
	    (e = items_alloc(r->a, cnt[ITEM_CODE], sizeof(*codes), &codes)) !=
	        APP_OK ||
	    (e = items_alloc(r->a, cnt[ITEM_MIDTERM], sizeof(*out->midterms),
	         &out->midterms)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		const struct participation_item *x = &it[i];

		/* The lists' times are UTC: shown in Swedish time. */
		if (x->kind == ITEM_EXTENSION || x->kind == ITEM_HISTORY ||
		    x->kind == ITEM_REFERRAL_HISTORY ||
		    x->kind == ITEM_SUS_HISTORY || x->kind == ITEM_LOOKED)
			it[i].a = date_local_time(r->a, x->a);
		if ((x->kind == ITEM_HISTORY ||
		        x->kind == ITEM_REFERRAL_HISTORY) &&
		    (e = history_named(r->a, x->kind == ITEM_REFERRAL_HISTORY,
		         &it[i])) != APP_OK)
			return e;

		switch ((enum part_item)x->kind) {
		case ITEM_ACTIVITY:
			out->activities[k[ITEM_ACTIVITY]++] =
			    (struct participation_activity){ x->a,
				    str_to_ll(x->b) };
			break;
		case ITEM_EXTENSION:
			out->extensions[k[ITEM_EXTENSION]++] =
			    (struct participation_extension){ x->a, x->b, x->c,
				    x->d, x->e };
			break;
		case ITEM_INCOME_BEFORE:
			out->income_before[k[ITEM_INCOME_BEFORE]++] =
			    item_income(x);
			break;
		case ITEM_INCOME_AFTER:
			out->income_after[k[ITEM_INCOME_AFTER]++] =
			    item_income(x);
			break;
		case ITEM_HISTORY:
			out->history[k[ITEM_HISTORY]++] = item_history(x);
			break;
		case ITEM_REFERRAL_HISTORY:
			out->referral_history[k[ITEM_REFERRAL_HISTORY]++] =
			    item_history(x);
			break;
		case ITEM_SUS_HISTORY:
			out->sus_history[k[ITEM_SUS_HISTORY]++] =
			    item_history(x);
			break;
		case ITEM_LOOKED:
			out->looked[k[ITEM_LOOKED]++] =
			    (struct participation_access){ x->a, x->b, x->c,
				    x->d, x->e, x->f, 0 };
			break;
		case ITEM_CODE:
			codes[k[ITEM_CODE]++] = (struct code_choice){ x->a,
				x->b, x->c, str_eq_cstr(x->d, "1"),
				str_eq_cstr(x->e, "1"), 0 };
			break;
		case ITEM_MIDTERM:
			out->midterms[k[ITEM_MIDTERM]++] = (struct midterm){
				.id = str_to_ll(x->e),
				.participation_id = p->id,
				.version = str_to_ll(x->f),
				.held_date = x->a,
				.attendees = x->b,
				.note = x->c,
				.recorded_by = x->d,
			};
			break;
		case ITEM_FOLLOWUP:
			out->followup = (struct followup_record){
				.version = str_to_ll(x->a),
				.situation = x->b,
				.date = x->c,
				.recorded_by = x->d,
				.outcome = x->e,
				.tablet = str_eq_cstr(x->f, "1"),
			};
			break;
		case ITEM_SUMMARY:
			out->summary_version_no = str_to_ll(x->a);
			out->summary_state = x->b;
			break;
		case ITEM_QUEST_DEF:
		case ITEM_QUEST_RESPONSE:
		case ITEM_QUEST_CODE:
			quest[nquest++] = (struct quest_panel_row){
				.kind = x->kind - ITEM_QUEST_DEF,
				.id = x->n,
				.version = x->o2,
				.a = x->a,
				.b = x->b,
				.c = x->c,
				.d = x->d,
				.e = x->e,
				.active = str_eq_cstr(x->f, "1"),
			};
			break;
		case ITEM__MAX: break;
		}
	}
	if ((e = quest_panel_from_rows(r->a, quest, nquest, &out->quest)) !=
	    APP_OK)
		return e;
	out->nmidterms = cnt[ITEM_MIDTERM];
	out->nactivities = cnt[ITEM_ACTIVITY];
	out->nextensions = cnt[ITEM_EXTENSION];
	out->nincome_before = cnt[ITEM_INCOME_BEFORE];
	out->nincome_after = cnt[ITEM_INCOME_AFTER];
	out->nhistory = cnt[ITEM_HISTORY];
	out->nreferral_history = cnt[ITEM_REFERRAL_HISTORY];
	out->nsus_history = cnt[ITEM_SUS_HISTORY];
	out->nlooked = cnt[ITEM_LOOKED];
	codes_split(codes, cnt[ITEM_CODE], out->codes);
	if ((e = income_facts(r->a, out->income_before, out->nincome_before,
	         &out->sus_income_before)) != APP_OK)
		return e;
	return income_facts(r->a, out->income_after, out->nincome_after,
	    &out->sus_income_after);
}

enum app_err
participation_incomes_load(struct req *r, const struct participation *p,
    struct participation_income **before, size_t *nbefore,
    struct participation_income **after, size_t *nafter)
{
	struct db_param q[2] = { DB_INT(p->referral_id), DB_INT(p->id) };
	struct participation_income *v;
	size_t n, nb = 0;
	enum app_err e;

	if ((e = part_load(r, SQL_PARTICIPATION_INCOMES, q, 2, &v, &n)) !=
	    APP_OK)
		return e;
	/* "fore" rows first (the statement's order). */
	while (nb < n && str_eq_cstr(v[nb].phase, "fore"))
		nb++;
	*before = nb ? v : NULL;
	*nbefore = nb;
	*after = n > nb ? v + nb : NULL;
	*nafter = n - nb;
	return APP_OK;
}

enum app_err
participation_access_load(struct req *r, const struct participation *p,
    long long before, long long after, struct participation_access **rows,
    size_t *n, int *older, int *newer)
{
	struct db_param q[7] = { DB_INT(p->insats_id), DB_STR(p->personnummer),
		DB_INT(p->id), DB_INT(p->referral_id), DB_INT(p->referral_id),
		DB_INT(p->referral_id), DB_INT(after > 0 ? after : before) };
	enum sql_participation which = after > 0
	    ? SQL_PARTICIPATION_WHO_LOOKED_NEWER
	    : before > 0 ? SQL_PARTICIPATION_WHO_LOOKED_OLDER
	                 : SQL_PARTICIPATION_WHO_LOOKED;
	int more;
	enum app_err e;

	if ((e = part_load(r, which, q,
	         which == SQL_PARTICIPATION_WHO_LOOKED ? 6 : 7, rows, n)) !=
	    APP_OK)
		return e;
	/* The statement reads one row more than a page: there are more. */
	more = *n > PARTICIPATION_ACCESS_PAGE;
	if (more)
		*n = PARTICIPATION_ACCESS_PAGE;
	if (after > 0) {
		/* Oldest first: newest first as the page shows them. */
		for (size_t i = 0; i < *n / 2; i++) {
			struct participation_access t = (*rows)[i];
			(*rows)[i] = (*rows)[*n - 1 - i];
			(*rows)[*n - 1 - i] = t;
		}
		*newer = more;
		*older = 1;
	} else {
		*older = more;
		*newer = before > 0;
	}
	return APP_OK;
}

/* ---- lists ---- */

const struct paging_sort participation_sorts[PARTICIPATION_SORT__MAX] = {
	[PARTICIPATION_SORT_NAME] = { "namn", 0 },
	[PARTICIPATION_SORT_INSATS] = { "insats", 0 },
	[PARTICIPATION_SORT_START] = { "start", 1 },
	[PARTICIPATION_SORT_PLANNED_END] = { "planerat_slut", 0 },
	[PARTICIPATION_SORT_CONTACT] = { "kontakt", 0 },
};

enum app_err
participation_list(struct req *r, const struct participation_filter *f,
    const struct paging *pg, struct participation_row **rows, size_t *n,
    long long *total)
{
	struct str today = participation_ymd_str(r->a, participation_today());
	struct db_param p[28];
	enum app_err e;

	p[0] = p[1] = p[2] = DB_STR(today);
	p[3] = DB_INT(f->staff_id);
	p[4] = p[5] = DB_INT(f->insats_id);
	p[6] = p[7] = DB_STR(f->status);
	p[8] = p[9] = DB_INT(f->contact_id);
	p[10] = p[11] = DB_STR(f->gender);
	p[12] = DB_INT(f->overdue_kinds);
	p[13] = p[14] = p[15] = DB_STR(today);
	p[16] = DB_INT(f->overdue_kinds);
	for (int i = 17; i < 27; i++)
		p[i] = DB_INT(paging_order(pg));
	p[27] = DB_INT(paging_offset(pg));
	*total = 0;
	if ((e = part_load(r, SQL_PARTICIPATION_LIST, p, 28, rows, n)) !=
	    APP_OK)
		return e;
	if (*n > 0)
		*total = (*rows)[0].total;
	return APP_OK;
}

/* "%name%" for LIKE, with \, % and _ escaped (LIKE's escape is \).
 * Arena; "" when the arena is full. */
static struct str
part_like_pattern(struct req *r, struct str name)
{
	struct buf b;

	buf_init(&b, r->a);
	if (buf_puts(&b, "%") != APP_OK)
		return STR_LIT("");
	for (size_t i = 0; i < name.len; i++) {
		char c = name.p[i];
		if ((c == '%' || c == '_' || c == '\\') &&
		    buf_puts(&b, "\\") != APP_OK)
			return STR_LIT("");
		if (buf_append(&b, &c, 1) != APP_OK)
			return STR_LIT("");
	}
	if (buf_puts(&b, "%") != APP_OK)
		return STR_LIT("");
	return buf_str(&b);
}

enum app_err
participation_search_name(struct req *r, long long staff_id, struct str name,
    struct participation_hit **rows, size_t *n)
{
	struct str pat = part_like_pattern(r, name);
	struct db_param p[3] = { DB_INT(staff_id), DB_STR(pat), DB_STR(pat) };

	if (pat.len == 0)
		return APP_ENOMEM;
	return part_load(r, SQL_PARTICIPATION_SEARCH_NAME, p, 3, rows, n);
}

enum app_err
participation_search(struct req *r, long long staff_id, struct str personnummer,
    struct participation_hit **rows, size_t *n)
{
	struct db_param p[2] = { DB_INT(staff_id), DB_STR(personnummer) };

	return part_load(r, SQL_PARTICIPATION_SEARCH, p, 2, rows, n);
}

enum app_err
participation_my_insatser(
    struct req *r, long long staff_id, struct my_insats **rows, size_t *n)
{
	struct db_param p[1] = { DB_INT(staff_id) };

	return part_load(r, SQL_PARTICIPATION_MY_INSATSER, p, 1, rows, n);
}

enum app_err
participation_colleagues(
    struct req *r, long long staff_id, struct staff_option **rows, size_t *n)
{
	struct db_param p[1] = { DB_INT(staff_id) };

	return part_load(r, SQL_PARTICIPATION_COLLEAGUES, p, 1, rows, n);
}

enum app_err
participation_insats_staff(
    struct req *r, long long insats_id, struct staff_option **rows, size_t *n)
{
	struct db_param p[1] = { DB_INT(insats_id) };

	return part_load(r, SQL_PARTICIPATION_INSATS_STAFF, p, 1, rows, n);
}

/* ---- the insats's record of the person ---- */

enum app_err
participation_person_load(struct req *r, long long id, int lock,
    struct participation_person *out, int *found)
{
	struct db_param p[1] = { DB_INT(id) };
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_PARTICIPATION,
	         lock ? SQL_PARTICIPATION_PERSON_LOCK
	              : SQL_PARTICIPATION_PERSON_GET,
	         p, 1, out, found)) != APP_OK)
		return e;
	out->status = participation_status_from_name(out->status_name);
	return APP_OK;
}

/* ---- labels of the page's logs ---- */

const char *
participation_field_label(struct str field)
{
	static const char *const map[][2] = {
		{ "status", "Status" },
		{ "start_date", "Startdatum" },
		{ "planned_end_date", "Planerat slut" },
		{ "contact_id", "Kontaktperson" },
		{ "hours_per_week", "Timmar per vecka" },
		{ "target_group", "Målgrupp" },
		{ "occupation_before_code", "Sysselsättning före" },
		{ "occupation_before_percent",
		    "Sysselsättning före, omfattning (%)" },
		{ "occupation_after_percent",
		    "Sysselsättning efter, omfattning (%)" },
		{ "income_after_extent", "Försörjning efter, omfattning (%)" },
		{ "activities", "Planerade aktiviteter" },
		{ "midterm_date", "Mittuppföljning, datum" },
		{ "midterm_note", "Mittuppföljning, anteckning" },
		{ "midterm_attendees", "Mittuppföljning, deltog" },
		{ "midterm", "Mittuppföljning" },
		{ "reopen_reason", "Öppnat igen, skäl" },
		{ "error_reason", "Felregistrerat, skäl" },
		{ "end_date", "Slutdatum" },
		{ "end_reason_code", "Avslutsorsak" },
		{ "occupation_after_code", "Sysselsättning efter" },
		{ "income_after", "Försörjning efter" },
		{ "summary_due_date", "Sammanfattning senast" },
		{ "summary_sent_at", "Sammanfattning skickad" },
		/* the summary document (summary.c's history fields) */
		{ "summary_version", "Sammanfattning, version" },
		{ "summary_state", "Sammanfattning, status" },
		{ "summary_done", "Sammanfattning: vad som gjorts" },
		{ "summary_result", "Sammanfattning: resultat" },
		{ "summary_own_view", "Sammanfattning: deltagarens egen syn" },
		{ "summary_next_step",
		    "Sammanfattning: rekommenderat nästa steg" },
		{ "summary_next_who", "Sammanfattning: vem gör vad" },
		{ "summary_next_by", "Sammanfattning: senast när" },
		{ "summary_free_text", "Sammanfattning: övrigt" },
		{ "uppfoljning_situation", "Situation 6 månader efter avslut" },
	};
	/* The insats's record of the person (sql/0022). */
	const char *person = contact_field_label(field);

	if (person != NULL)
		return person;
	for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (str_eq_cstr(field, map[i][0]))
			return map[i][1];
	return NULL;
}

const char *
participation_access_action_label(struct str action)
{
	return audit_action_verb_of(action);
}

const char *
participation_access_object_label(struct str object_type)
{
	return audit_object_noun_of(object_type);
}
