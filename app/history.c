/* history.c: the change history; see include/history.h. */
#include "db.h"
#include "followup.h"
#include "gender.h"
#include "history.h"
#include "participation.h"
#include "referral.h"
#include "req.h"
#include "session.h"
#include "summary.h"
#include "sql_history.h"

static const char *const history_types[HISTORY__MAX] = {
	[HISTORY_REFERRAL] = "referral",
	[HISTORY_PARTICIPATION] = "participation",
};
_Static_assert(sizeof(history_types) / sizeof(history_types[0]) == HISTORY__MAX,
    "history_types[] out of sync with enum history_record");

static const struct db_field history_row_fields[] = {
	DB_FIELD(history_row, at, "at", DB_F_UTC_TIME),
	DB_FIELD(history_row, who, "who", DB_F_STR),
	DB_FIELD(history_row, field, "field", DB_F_STR),
	DB_FIELD(history_row, old_value, "old_value", DB_F_STR),
	DB_FIELD(history_row, new_value, "new_value", DB_F_STR),
};
const struct db_record history_row_record =
    DB_RECORD(history_row, history_row_fields);

#define HISTORY_VALUE_MAX 65535u /* a TEXT column */

static struct str
history_cut(struct str s)
{
	size_t n = HISTORY_VALUE_MAX;

	if (s.len <= n)
		return s;
	while (n > 0 && ((unsigned char)s.p[n] & 0xC0) == 0x80)
		n--;
	return (struct str){ s.p, n };
}

enum app_err
history_field(struct req *r, enum history_record type, long long id,
    const char *field, struct str old_value, struct str new_value)
{
	struct db_param p[6];

	if ((unsigned)type >= HISTORY__MAX || r->user == NULL)
		return APP_EDB;
	if (str_eq(old_value, new_value))
		return APP_OK;
	p[0] = DB_INT(r->user->id);
	p[1] = DB_STR(str_cstr(history_types[type]));
	p[2] = DB_INT(id);
	p[3] = DB_STR(str_cstr(field));
	p[4] = DB_STR(history_cut(old_value));
	p[5] = DB_STR(history_cut(new_value));
	return db_exec(r->db, r->a, DB_HISTORY, SQL_HISTORY_INSERT, p, 6, NULL);
}

/* The yes/no fields of both records. */
static const char *const history_flags[] = {
	"consent_at_visa",
	"employed",
	"employer_rehab_responsibility",
	"interpreter_needed",
	"protected_identity",
};

/* label when it names something, else the value as stored. */
static struct str
history_or(const char *label, struct str value)
{
	return label != NULL && label[0] != '\0' ? str_cstr(label) : value;
}

struct str
history_value_label(
    enum history_record type, struct str field, struct str value)
{
	enum followup_situation s;

	if (value.len == 0)
		return value;
	if (str_eq_cstr(field, "status"))
		return history_or(type == HISTORY_REFERRAL
		        ? referral_status_label_of(value)
		        : participation_status_label_of(value),
		    value);
	for (size_t i = 0; i < sizeof(history_flags) / sizeof(history_flags[0]);
	     i++)
		if (str_eq_cstr(field, history_flags[i])) {
			if (str_eq_cstr(value, "1"))
				return STR_LIT("Ja");
			return str_eq_cstr(value, "0") ? STR_LIT("Nej") : value;
		}
	if (str_eq_cstr(field, "gender"))
		return history_or(gender_label_of(value), value);
	if (str_eq_cstr(field, "summary_state") &&
	    summary_state_from_name(value) != SUMMARY_STATE__MAX)
		return history_or(
		    summary_version_label(summary_state_from_name(value), 0),
		    value);
	if (str_eq_cstr(field, "uppfoljning_situation") &&
	    (s = followup_situation_from_name(value)) != FU_SIT__MAX)
		return history_or(followup_situation_label(s), value);
	return value;
}

enum app_err
history_load(struct req *r, enum history_record type, long long id,
    struct history_row **rows, size_t *n)
{
	struct db_param p[2];
	void *out;
	enum app_err e;

	*rows = NULL;
	*n = 0;
	if ((unsigned)type >= HISTORY__MAX)
		return APP_EDB;
	p[0] = DB_STR(str_cstr(history_types[type]));
	p[1] = DB_INT(id);
	if ((e = db_load(r->db, r->a, DB_HISTORY, SQL_HISTORY_LIST, p, 2, &out,
	         n)) != APP_OK)
		return e;
	*rows = out;
	return APP_OK;
}
