/* report_scope.c: what a caller may report on; see include/report_scope.h. */
#include "report_scope.h"
#include "sql_report.h"

static const struct db_field report_insats_fields[] = {
	DB_FIELD(report_insats, id, "id", DB_F_INT),
	DB_FIELD(report_insats, name, "name", DB_F_STR),
	DB_FIELD(report_insats, period_start, "period_start", DB_F_STR),
	DB_FIELD(report_insats, period_end, "period_end", DB_F_STR),
};
const struct db_record report_insats_record =
    DB_RECORD(report_insats, report_insats_fields);

static const struct db_field report_quest_fields[] = {
	DB_FIELD(report_quest, code, "code", DB_F_STR),
	DB_FIELD(report_quest, title, "title", DB_F_STR),
};
const struct db_record report_quest_record =
    DB_RECORD(report_quest, report_quest_fields);

static const char *const scope_messages[REPORT_SCOPE__MAX] = {
	[REPORT_SCOPE_OK] = "",
	[REPORT_SCOPE_NOT_OFFERED] = "Välj ett av alternativen i listan.",
	[REPORT_SCOPE_NO_INSATS] = "Du arbetar inte i någon insats med "
	                           "deltagare.",
};

enum app_err
report_insatser_load(struct db *db, struct arena *a, int forbund,
    long long staff_id, struct report_insats **out, size_t *n)
{
	struct db_param p[2];

	/* 0: every insats (the förbund role); else the staff member's. */
	p[0] = DB_INT(forbund ? 0 : staff_id);
	p[1] = p[0];
	return db_load(
	    db, a, DB_REPORT, SQL_REPORT_INSATSER, p, 2, (void **)out, n);
}

enum app_err
report_quests_load(
    struct db *db, struct arena *a, struct report_quest **out, size_t *n)
{
	return db_load(
	    db, a, DB_REPORT, SQL_REPORT_QUESTS, NULL, 0, (void **)out, n);
}

const char *
report_scope_message(enum report_scope_refusal r)
{
	return r < REPORT_SCOPE__MAX ? scope_messages[r] : "";
}

enum report_scope_refusal
report_scope_pick(int forbund, const struct report_insats *ins, size_t n,
    const long long *chosen, long long *insats_id,
    const struct report_insats **picked)
{
	*picked = NULL;
	*insats_id = 0;
	if (chosen != NULL)
		*insats_id = *chosen;
	else if (!forbund && n > 0)
		*insats_id = ins[0].id;
	if (*insats_id == 0)
		return forbund ? REPORT_SCOPE_OK
		    : n > 0    ? REPORT_SCOPE_NOT_OFFERED
		               : REPORT_SCOPE_NO_INSATS;
	for (size_t i = 0; i < n; i++)
		if (ins[i].id == *insats_id) {
			*picked = &ins[i];
			return REPORT_SCOPE_OK;
		}
	return REPORT_SCOPE_NOT_OFFERED;
}

long long
report_quest_pick(
    const struct report_quest *qs, size_t n, const struct str *chosen)
{
	long long pick = -1;

	for (size_t i = 0; i < n; i++) {
		if (chosen != NULL) {
			if (str_eq(qs[i].code, *chosen))
				pick = (long long)i;
		} else if (pick < 0 ||
		    str_eq_cstr(qs[i].code, REPORT_QUEST_DEFAULT))
			pick = (long long)i;
	}
	return pick;
}
