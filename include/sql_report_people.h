/*
 * sql_report_people.h: the statements of the activity report's people
 * tables (app/report_people.c): mean age, income sources before and after,
 * medremittenter and the employer's own employees, time in the insats per
 * målgrupp.
 *
 * "(P)" is the period and scope as in sql_report.h, four parameters
 * (period end, period start, insats id or 0, the same): the participations
 * that overlap the period, erroneous registrations left out. "(E)" is
 * (period start, period end, insats id or 0, the same): those avslutad in
 * the period. Genders come back as kvinna, man or annat.
 */
#ifndef SQL_REPORT_PEOPLE_H
#define SQL_REPORT_PEOPLE_H

#include "db.h"

/* SQL fragments of participation p and its person pn, for the people
 * tables' figures in report_build()'s one pass (sql_report.c). */
/* The date of birth in a personnummer (YYYYMMDD…; a samordningsnummer's
 * day is the day + 60); NULL when it is no date. */
#define RP_BIRTH                                                               \
	"STR_TO_DATE(CONCAT(LEFT(pn.personnummer, 6), LPAD(MOD(CAST("          \
	"SUBSTRING(pn.personnummer, 7, 2) AS UNSIGNED), 60), 2, '0')), "       \
	"'%Y%m%d')"

/* Whole years on the start date; the year of birth when the personnummer
 * holds no date (never, for a valid one). */
#define RP_AGE                                                                 \
	"COALESCE(TIMESTAMPDIFF(YEAR, " RP_BIRTH ", p.start_date), "           \
	"YEAR(p.start_date) - pn.birth_year)"

enum sql_report_people {
	/* () -> code, label, active: code_income in its order */
	SQL_RP_INCOME_CODES,
	/* (E) -> gender, insats id, insats short name, målgrupp, n, sum of
	 * days, ended within 6 months, within 12 months (calendar months from
	 * the start date, the end date included) */
	SQL_RP_GROUP_TIME,
	SQL_RP__MAX
};

extern const struct db_query sql_report_people[SQL_RP__MAX];

/* Per gender, of the period's participations (report_pass_enrolled(),
 * from report_build()'s one pass): n, the sum of the ages at the start
 * (whole years on the start date, from the personnummer's date of birth),
 * how many have no income source on the referral, how many no
 * medremittent. */
struct rp_enrolled_row {
	struct str gender;
	long long n, sum_age, no_income, no_coremittent;
};

/* One group's count, of three groupings from report_build()'s pass: the
 * enrolled whose referral has a medremittent of an organisation
 * (report_pass_coremittents(), once SQL_RP_COREMITTENT: each participation
 * once per organisation; key the organisation's id as text, label its
 * names from the top down); those who ended employed by a top-level
 * organisation (report_pass_employers(), once SQL_RP_EMPLOYEES: key its id
 * as text, label "Avslutade anställda hos <name>"); the income sources
 * before the start (report_pass_incomes(): the enrolled with each income
 * source of their referral, a person with two in two rows; key the income
 * code, label ""). */
struct rp_group_row {
	struct str gender, key, label;
	long long n;
};

/* SQL_RP_INCOME_CODES. */
struct rp_code_row {
	struct str code, label;
	int active;
};
extern const struct db_record rp_code_record;

/* The income transitions (report_pass_transitions(), of report.c's
 * pass): gender, state before, state after, n: each who ended in the
 * period by the pair of states. A state is the income code when there
 * is exactly one source, "*" for several, "" for none recorded. */
struct rp_transition_row {
	struct str gender, before, after;
	long long n;
};

/* SQL_RP_GROUP_TIME. */
struct rp_group_time_row {
	struct str gender;
	long long insats_id;
	struct str insats, target_group;
	long long n, sum_days, within6, within12;
};
extern const struct db_record rp_group_time_record;

#endif /* !SQL_REPORT_PEOPLE_H */
