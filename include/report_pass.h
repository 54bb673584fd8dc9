/*
 * report_pass.h: the activity report's one pass over the period's
 * participations, aggregated in C (issue 19).
 *
 * report.c reads every participation that overlaps the period (report.h:
 * "who is counted") once, in pages of SQL_REPORT_PASS rows, and adds each
 * to a report_pass; afterwards the pass gives the grouped rows that the
 * report's builders read (the records of sql_report.h), exactly as the
 * grouped statements they replace would have returned them:
 *   - SQL_REPORT_COUNTS: by gender, age band, education, support time;
 *   - SQL_REPORT_REFERRER: by gender and referring member (the top of
 *     the referral's organisation), in the order of the organisation list;
 *   - SQL_REPORT_OUTCOME: those who ended in the period, by outcome;
 *   - SQL_REPORT_MONTHS: participants and place-days per month up to the
 *     last day (min(to, today));
 *   - SQL_REPORT_DURATION: days in the insats of those who ended in the
 *     period, per gender, with the medians (MariaDB's MEDIAN());
 *   - SQL_RP_ENROLLED (sql_report_people.h): per gender, the sum of the
 *     ages and those without an income or a medremittent;
 *   - the income transitions (struct rp_transition_row of
 *     sql_report_people.h, once SQL_RP_INCOME_TRANSITION): those who
 *     ended in the period, by gender and income state before and after;
 *   - SQL_RP_GROUP_TIME (sql_report_people.h): its within6 and within12
 *     summed per gender (all that the whole förbund's report reads of
 *     it: its målgrupper are each insats's own);
 *   - SQL_FLOW_BASE (sql_report_flow.h): per insats and gender, enrolled
 *     and ended; that statement counts every insats, so the pass gives
 *     it only for a report of the whole förbund;
 *   - SQL_FLOW_FROM and SQL_FLOW_TO (sql_report_flow.h), of every
 *     insats too: the path's pairs from the rows' pred and succ;
 *   - the income sources before the start (struct rp_group_row of
 *     sql_report_people.h, once SQL_RP_INCOME_BEFORE): per gender and
 *     income code, from the rows' incomes;
 *   - the follow-up six months after the end (struct followup_report_row
 *     of sql_followup.h, once SQL_FU_REPORT): those who ended in the
 *     period, by gender, outcome, situation and state, the state by the
 *     window that report_pass_followup_window() gives;
 *   - the medremittenter (struct rp_group_row of sql_report_people.h,
 *     once SQL_RP_COREMITTENT): per gender and organisation of a
 *     medremittent, the participations (each once per organisation), in
 *     the order of the organisations' labels (struct report_pass_org's
 *     lrank);
 *   - the employees (struct rp_group_row, once SQL_RP_EMPLOYEES): those
 *     who ended in the period, per gender and top-level organisation of
 *     the rows' employer_tops, each once per organisation; a row for
 *     every top-level organisation, in the order of trank.
 * Pure: no I/O, no database; everything in the arena given to
 * report_pass_new() (report_pass_add() grows the histogram of days there:
 * its size is the longest time in the insats, in days, not the number of
 * rows), so the rows a caller adds must live elsewhere (report.c reads
 * each page into a scratch arena of its own).
 */
#ifndef REPORT_PASS_H
#define REPORT_PASS_H

#include <stddef.h>

#include "app.h"
#include "gender.h"
#include "str.h"

struct arena;
struct report_count_row;
struct report_referrer_row;
struct report_outcome_row;
struct report_month_row;
struct report_duration_row;
struct rp_enrolled_row;
struct report_flow_base_row;
struct report_flow_row;
struct rp_transition_row;
struct rp_group_row;
struct followup_report_row;

/* One participation of the period (SQL_REPORT_PASS's record). */
struct report_pass_row {
	long long id;
	struct str gender;       /* kvinna, man, annat */
	long long birth_year;    /* of the person */
	struct str edu, support; /* the referral's codes, "" for none */
	struct str start, end;   /* ÅÅÅÅ-MM-DD; end "" for none */
	int ended;               /* status avslutad */
	long long org;           /* the referral's organisation */
	struct str outcome;      /* of the end reason, "" for none */
	long long insats_id;
	long long age; /* at the start (sql_report_people.c's RP_AGE) */
	int no_income; /* the referral has no income state */
	/* The referral's income codes, comma-separated ("" for none), each
	 * counted in the income sources (SQL_RP_INCOME_BEFORE's rows). */
	struct str incomes;
	/* Income states (struct rp_transition_row): the code, "*" for
	 * several, "" for none (report_pass_income_state() of incomes);
	 * after: "" unless ended in the period. */
	struct str state_before, state_after;
	/* The follow-up (sql_followup.h): recorded, and its situation ("" for
	 * none); read for those who ended in the period. */
	int fu_done;
	struct str fu_situation;
	/* The organisations of the referral's medremittenter, ids
	 * comma-separated ("" for none; one may come twice); no_coremittent:
	 * none. */
	struct str coremittents;
	int no_coremittent;
	/* For those who ended in the period employed (the referral says so
	 * and names an employer): the tops (organisation.h's three levels) of
	 * the medremittenter's organisations whose name, or one above it, is
	 * the employer, comma-separated; "" otherwise. */
	struct str employer_tops;
	/* The insats of the predecessor, and for those who ended in the
	 * period of the successor (sql_report_flow.h); 0: none, or not read
	 * (the pass reads them for the whole förbund only). */
	long long pred, succ;
};

/* An organisation and the member at the top of its tree; the list in the
 * order the referrer table shows the members (their name, then id).
 * label: the medremittent table's (the names from the top down, joined by
 * " – "); lrank: the organisation's place, from 0, in that table's order
 * (the label as MariaDB sorts it, then the id): sorting is left to the
 * database, whose collation C does not have. */
struct report_pass_org {
	long long id, top;
	struct str topname;
	struct str label;
	long long lrank;
	/* A top-level organisation (no parent), its own name, and for one its
	 * place, from 0, among them by name then id (the collation's). */
	int toplevel;
	struct str name;
	long long trank;
};

struct report_pass;

/*
 * A pass over [from, to] (ÅÅÅÅ-MM-DD, whole months, as report_build()
 * checks), places counted up to last (from <= last <= to; last < from:
 * no months). edu and sup: the code lists (borrowed, kept); orgs: as
 * above (borrowed, kept). NULL on a full arena or bad dates.
 */
struct report_pass *report_pass_new(struct arena *, struct str from,
    struct str to, struct str last, const struct str *edu, size_t nedu,
    const struct str *sup, size_t nsup, const struct report_pass_org *orgs,
    size_t norgs);

/* The window of follow-ups open today (followup_reminder_window(), in
 * days): a follow-up not recorded is not due yet when due after to, open
 * when due in [from, to], closed before (SQL_FU_REPORT's state). Set it
 * before adding rows; unset, it is [0, 0]. */
void report_pass_followup_window(
    struct report_pass *, long long from, long long to);

/* The income state of incomes (a row's): "" for none, the code when there
 * is one, "*" for several. */
struct str report_pass_income_state(struct str incomes);

/* Count one participation (it overlaps the period, is no erroneous
 * registration, is in scope: the caller's statement says so). APP_EINPUT
 * for a row whose dates do not parse; APP_ENOMEM on a full arena; APP_OK
 * otherwise. */
enum app_err report_pass_add(
    struct report_pass *, const struct report_pass_row *);

/* The outcome (enum report_outcome) of an end reason's outcome code;
 * RO_ANNAT for none or an unknown one. */
int report_pass_outcome(struct str code);

/* The grouped rows, as the statements named above give them; arena
 * arrays, *n rows (0 and NULL when none). APP_ENOMEM on a full arena. */
enum app_err report_pass_counts(const struct report_pass *, struct arena *,
    struct report_count_row **rows, size_t *n);
enum app_err report_pass_referrers(const struct report_pass *, struct arena *,
    struct report_referrer_row **rows, size_t *n);
enum app_err report_pass_outcomes(const struct report_pass *, struct arena *,
    struct report_outcome_row **rows, size_t *n);
enum app_err report_pass_months(const struct report_pass *, struct arena *,
    struct report_month_row **rows, size_t *n);
enum app_err report_pass_durations(const struct report_pass *, struct arena *,
    struct report_duration_row **rows, size_t *n);
enum app_err report_pass_enrolled(const struct report_pass *, struct arena *,
    struct rp_enrolled_row **rows, size_t *n);
/* Those who ended in the period within 6 and 12 months of the start
 * (the end on or before the start + 6 or 12 months), per gender in the
 * order of enum gender. */
void report_pass_within(const struct report_pass *, long long w6[GENDER__MAX],
    long long w12[GENDER__MAX]);
enum app_err report_pass_transitions(const struct report_pass *, struct arena *,
    struct rp_transition_row **rows, size_t *n);
enum app_err report_pass_flow_base(const struct report_pass *, struct arena *,
    struct report_flow_base_row **rows, size_t *n);
/* SQL_FLOW_FROM's rows (the rows with a pred: pred, own insats, gender)
 * and SQL_FLOW_TO's (those with a succ: own insats, succ, gender), in the
 * order first met; only rows of a gender (as every table here). */
enum app_err report_pass_flow_from(const struct report_pass *, struct arena *,
    struct report_flow_row **rows, size_t *n);
enum app_err report_pass_flow_to(const struct report_pass *, struct arena *,
    struct report_flow_row **rows, size_t *n);
/* SQL_RP_INCOME_BEFORE's rows (label ""), codes as first met. */
enum app_err report_pass_incomes(const struct report_pass *, struct arena *,
    struct rp_group_row **rows, size_t *n);
/* SQL_FU_REPORT's rows, groups as first met. */
enum app_err report_pass_followups(const struct report_pass *, struct arena *,
    struct followup_report_row **rows, size_t *n);
/* SQL_RP_COREMITTENT's rows: per organisation in the order of lrank, a row
 * per gender with participations (key: the id as text; label: the
 * organisation's). */
enum app_err report_pass_coremittents(const struct report_pass *,
    struct arena *, struct rp_group_row **rows, size_t *n);
/* SQL_RP_EMPLOYEES's rows: per top-level organisation in the order of
 * trank, a row per gender with someone, or one row of gender "" and n 0
 * (key: the id as text; label: "Avslutade anställda hos " and the name). */
enum app_err report_pass_employers(const struct report_pass *, struct arena *,
    struct rp_group_row **rows, size_t *n);

#endif /* !REPORT_PASS_H */
