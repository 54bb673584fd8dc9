/*
 * sql_report.h: the statements of the activity report (app/report.c).
 *
 * Every aggregate is computed in SQL; the application only adds up the few
 * rows per gender. "(P)" below is the period and scope, four parameters:
 * (period end, period start, insats id or 0 for the whole förbund, the same
 * insats id again), and selects the participations that overlap the period:
 * started on or before its end and not ended before its start, erroneous
 * registrations (felregistrerad) left out. Dates are "ÅÅÅÅ-MM-DD".
 * Genders come back as kvinna, man or annat.
 *
 * Every statement that reads a förbund's rows reads the request's
 * förbund's only (":forbund", db_scope.h): its insatser, their
 * participations, goals and responses, its organisations. The code lists
 * and the questionnaires are the installation's.
 */
#ifndef SQL_REPORT_H
#define SQL_REPORT_H

#include "db.h"

enum sql_report {
	/* (staff id or 0 for every insats of the request's förbund, the
	 * same) -> id, name, period start, period end or "": the individual
	 * insatser to choose from */
	SQL_REPORT_INSATSER,
	/* () -> code, label, active: the code lists in their order */
	SQL_REPORT_CODES_EDUCATION,
	SQL_REPORT_CODES_SUPPORT,
	/* (first day of the start month, period end, insats id or 0, the
	 * same) -> month, budgeted places of the förbund's individual
	 * insatser (the budget year's, else the insats's; NULL when none) */
	SQL_REPORT_BUDGET,
	/* (insats id) -> kind, label, numerator, denominator */
	SQL_REPORT_GOALS_INSATS,
	/* () -> kind, label, numerator, denominator: the goals of the
	 * request's förbund */
	SQL_REPORT_GOALS_FORBUND,
	/* Questionnaire results (app/report_quest.c). */
	/* () -> code, title: the active questionnaires with a scale or VAS */
	SQL_REPORT_QUESTS,
	/* (code) -> item code, kind (skala/vas), scale min, scale max, text:
	 * the scale and VAS items of the active (else newest) version */
	SQL_REPORT_QUEST_ITEMS,
	/* (VAS top, top steps, code, period start, period end, insats id or 0,
	 * the same) -> item code, response gender or "", n, sum of values,
	 * number in the top part: answers with a value (not vet ej/ej
	 * aktuellt) of every version of the questionnaire, in responses sent
	 * in the period and owned by the request's förbund (sql/0072: its
	 * insats's förbund, else the förbund its code was opened in, so a
	 * survey of the förbund's managers, board, referrers counts too) */
	SQL_REPORT_QUEST_ANSWERS,
	/* (period start, period end, first id, end id, period start, period
	 * end, code, insats id or 0, the same, period start, period end,
	 * first id, end id, period start, period end, insats id or 0, the
	 * same, code) -> the participations of ids [first, end) whose linked
	 * end measurement of the questionnaire was sent in the period but
	 * that did not end in the period (kind 1), and those that ended
	 * (avslutad) in the period (kind 0), each once: pid, gender, kind,
	 * then one row per sent start or end measurement of a linked
	 * version and answer with a value (rid, at_end, end_in: an end
	 * measurement sent in the period, item: the item's id, v), a
	 * measurement without such answers with item 0, or one row with rid
	 * 0 for none; in no order (report_quest_pairs.h sorts and pairs
	 * them) */
	SQL_REPORT_QUEST_VALUES,
	/* (6 items) -> id, item 1..6: the items of any questionnaire whose
	 * code is one of the six (the two VAS items, then the four scale
	 * items of the health self-ratings), for SQL_REPORT_QUEST_VALUES's
	 * item ids */
	SQL_REPORT_QUEST_ITEM_IDS,
	/* () -> n: the greatest id of the förbund's participations, 0 for
	 * none */
	SQL_REPORT_MAX_PARTICIPATION,
	/* (period start, period end, path?, path?, period start, period
	 * end, period end, period start, insats id or 0, the same, after
	 * id, page size) -> the next page of the period's participations of
	 * the förbund by id (report_pass.h): id, gender, birth year, education and support
	 * codes, start, end or "", avslutad, the referral's organisation,
	 * the end reason's outcome or "", the insats, the age, the income
	 * state before (the referral's) and, for those who ended in the
	 * period, after (else ""), no medremittent, and when path? is 1 the
	 * insats of the predecessor and, for those who ended in the period,
	 * of the successor (sql_report_flow.h; 0: none) */
	SQL_REPORT_PASS,
	/* () -> every organisation of the förbund, its member (top of the
	 * tree) and the member's name, in the referrer table's order (name,
	 * then id) */
	SQL_REPORT_ORGS,
	SQL_REPORT__MAX
};

extern const struct db_query sql_report[SQL_REPORT__MAX];

/*
 * The rows of the report's own statements (app/report.c), as typed
 * records: the column names are checked against each statement's when a
 * worker prepares it. Strings are borrowed from the arena the rows were
 * loaded into. The choices of the form (SQL_REPORT_INSATSER,
 * SQL_REPORT_QUESTS) are report_scope.h's.
 */

/* The grouped rows of the period's participations, as report_pass.h
 * gives them (report_pass_counts() and the like): one group of
 * participations in the period, by gender, age band (age reached in the
 * start year: < 30, 30-44, 45-65, other), education and support time. */
struct report_count_row {
	struct str gender;  /* kvinna, man, annat */
	long long age_band; /* 0..3 */
	struct str edu;     /* education code, "" for none */
	struct str support; /* time in public support code, "" for none */
	long long n;        /* enrolled (overlapping the period) */
	long long n_new;    /* started in the period */
	long long n_ended;  /* avslutad on or before the period end */
};

/* report_pass_referrers(): the member (top of the tree) whose case
 * officer referred. */
struct report_referrer_row {
	struct str gender;
	long long top;      /* the member's organisation id */
	struct str topname; /* its name */
	long long n;
};

/* SQL_REPORT_CODES_EDUCATION and _SUPPORT: a code list in its order. */
struct report_code_row {
	struct str code, label;
	int active;
};
extern const struct db_record report_code_record;

/* report_pass_outcomes(): those who ended in the period, by outcome. */
struct report_outcome_row {
	struct str gender;
	struct str end_outcome; /* code_end_reason.outcome, "" for none */
	long long n;
};

/* report_pass_durations(): days in the insats (end date - start date) of
 * those who ended in the period, per gender, the median of the gender's
 * and of everyone's. The medians are decimals as text ("123.5"). */
struct report_duration_row {
	struct str gender;
	long long n, sum_days;
	struct str median_days, median_all;
};

/* report_pass_months(): participants and place-days (a decimal as text)
 * of one month and gender, within the period and up to today. */
struct report_month_row {
	struct str month; /* ÅÅÅÅ-MM */
	struct str gender;
	long long n;
	struct str place_days;
};

/* SQL_REPORT_BUDGET: places budgeted in a month, "" when none. */
struct report_budget_row {
	struct str month, places;
};
extern const struct db_record report_budget_record;

/* SQL_REPORT_GOALS_INSATS and _FORBUND: at least numerator of every
 * denominator. */
struct report_goal_row {
	struct str kind, label;
	long long target_numerator, target_denominator;
};
extern const struct db_record report_goal_record;

/* SQL_REPORT_QUEST_ITEMS: a scale or VAS item of the questionnaire. */
struct report_quest_item_row {
	struct str code, kind; /* kind: skala or vas */
	long long lo, hi;      /* the scale's ends (0 for VAS) */
	struct str text;
};
extern const struct db_record report_quest_item_record;

/* SQL_REPORT_QUEST_ANSWERS: the answers with a value to one item by one
 * gender ("" for none): how many, their sum, how many in the top part. */
struct report_quest_answer_row {
	struct str code, gender;
	long long n, sum, top;
};
extern const struct db_record report_quest_answer_record;

/* report_quest_pairs.h's rows: one gender's participations (base) and, for
 * each of the two items, the paired, improved and one-measurement counts
 * and the sums of the paired start and end values. */
struct report_quest_pair_counts {
	long long paired, improved, one, start_sum, end_sum;
};
/* ... and for each of four scale items (health), the paired, those higher
 * and lower at the end than at the start, and those with only one
 * measurement. */
struct report_quest_health_counts {
	long long paired, up, down, one;
};
struct report_quest_pairs_row {
	struct str gender;
	long long base;
	struct report_quest_pair_counts item[2];
	struct report_quest_health_counts health[4];
};
/* SQL_REPORT_QUEST_VALUES: struct report_quest_value_row
 * (report_quest_pairs.h). */
extern const struct db_record report_quest_value_record;
/* SQL_REPORT_QUEST_ITEM_IDS: struct report_quest_item_id_row
 * (report_quest_pairs.h). */
extern const struct db_record report_quest_item_id_record;
/* SQL_REPORT_MAX_PARTICIPATION. */
struct report_max_row {
	long long n;
};
extern const struct db_record report_max_record;

/* SQL_REPORT_PASS: struct report_pass_row (report_pass.h). */
extern const struct db_record report_pass_record;
/* SQL_REPORT_ORGS: struct report_pass_org (report_pass.h). */
extern const struct db_record report_pass_org_record;

#endif /* !SQL_REPORT_H */
