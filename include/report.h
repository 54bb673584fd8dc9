/*
 * report.h: the activity report (verksamhetsrapport) of one insats or of the
 * whole förbund over a period, as in the förbund's own report (seed 002).
 *
 * Who is counted: every participation (deltagande) that overlaps the period
 * [from, to] (started on or before `to`, not ended before `from`), except
 * erroneous registrations. Of these:
 *   - new: started in the period;
 *   - ended: avslutad with an end date in the period;
 *   - ongoing: the rest, i.e. still enrolled at the end of the period. So
 *     enrolled = ended + ongoing, and a participation that runs over a
 *     period boundary is enrolled (and ongoing at the end) of the first
 *     period and enrolled again in the next.
 * Age bands use the age reached in the year of the start. Education, time
 * in public support and the referring organisation come from the referral;
 * the referring organisation is the member at the top of the tree (FK, AF,
 * a municipality, the region). Outcomes and time in the insats count those
 * who ended in the period. Occupancy counts place-days per month, up to
 * today.
 *
 * Every count is a cell of one report_suppress set, shared by every table
 * that shows it; every linear relation between the published figures is
 * declared to the set in one place (report_relations() in report.c, and
 * report_quest.c's for its tables), and the whole report is suppressed at
 * once (see report_suppress.h) with the conf's report_min_cell; only the
 * number of participations in the period (the grand total, unless it is
 * under report_min_cell itself) and the places in use per month in all are
 * always shown.
 *
 * The questionnaire results (quality of life, health) are not part of this
 * module: report_quest_build() (report_quest.h) adds their tables after
 * report_build(), into the same suppression set, and gives the goals of
 * those kinds their results.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct req;
struct report_flow;
struct report_flow_base_row;
struct report_flow_row;
struct rp_enrolled_row;
struct rp_transition_row;
struct rp_group_row;
struct followup_report_row;
struct sup_memo;
struct sup_set;

enum report_gender { RG_KVINNA, RG_MAN, RG_ANNAT, RG_TOTAL, RG__MAX };

enum report_outcome {
	RO_ARBETE,
	RO_STUDIER,
	RO_ARBETSSOKANDE,
	RO_REHAB,
	RO_SJUKDOM,
	RO_ANNAT,
	RO__MAX
};

/* The tables, in the order the page and the CSV show them. */
enum report_table_id {
	RT_DELTAGARE,      /* enrolled, new, ended, ongoing */
	RT_ALDER,          /* age bands */
	RT_UTBILDNING,     /* education */
	RT_FORSORJNING,    /* time in public support before the start */
	RT_REMITTENT,      /* referring organisation */
	RT_TID,            /* time in the insats: mean and median months */
	RT_AVSLUT,         /* outcomes of those who ended */
	RT_PLATSER,        /* places used per month against the budget */
	RT_KONSFORDELNING, /* gender balance of places and participants */
	RT__MAX
};

enum report_row_kind {
	RR_COUNT,  /* people; optional percent of the table's base row */
	RR_MONTHS, /* months, one decimal */
	RR_PLACES, /* places in use on average, one decimal */
	RR_SHARE,  /* percent of the row total; value < 0: "–" */
	RR_MEAN,   /* a mean, one decimal, may be negative; "–" when n is 0 */
};

struct report_row {
	struct str label;
	enum report_row_kind kind;
	int cell[RG__MAX];     /* suppression cells; -1: none */
	int other;             /* unpublished cell: people of no shown gender
	                          (questionnaires); -1: none */
	long long n[RG__MAX];  /* people behind each value */
	double value[RG__MAX]; /* RR_MONTHS, RR_PLACES, RR_SHARE */
	struct str extra;      /* the table's extra column, if any */
	int total;             /* 1: a total row (shown bold) */
};

struct report_table {
	const char *key;               /* id in the page and first CSV column */
	const char *title;             /* Swedish */
	const char *note;              /* how it is counted, Swedish; NULL */
	const char *extra_head;        /* a last column's heading, NULL: none */
	const struct report_row *base; /* percent of this row, NULL: none */
	struct report_row *rows;
	size_t nrows;
	const char *csv_name; /* the CSV's Tabell column; NULL: key */
};

enum report_goal_kind {
	RGK_ARBETSFORMAGA,
	RGK_EGENFORSORJNING,
	RGK_LIVSKVALITET,
	RGK_ARBETE,
	RGK_REHABILITERING,
	RGK_HALSA,
	RGK_OTHER,
	RGK__MAX
};

struct report_goal {
	enum report_goal_kind kind;
	struct str label;
	long long num, den; /* at least num of every den */
	int computable;     /* 1: from the end reasons */
	const char *how;    /* Swedish: how it is counted or why not */
	int cell[RG__MAX];  /* achieved count per gender */
	long long achieved[RG__MAX];
	const struct report_row *ended; /* the denominators */
};

struct report {
	struct str scope;    /* insats name or "Hela förbundet" */
	long long insats_id; /* 0: the whole förbund */
	struct str from, to; /* ÅÅÅÅ-MM-DD */
	long long min_cell;
	int has_annat; /* someone in the period has gender "annat" */
	struct report_table tables[RT__MAX];
	struct report_goal *goals;
	size_t ngoals;
	struct sup_set *sup;
	/* Set by the caller after report_build(): where report_flow_build()
	 * keeps the path's decision for the next report of the same period
	 * (the activity document's insatser); NULL: decided each time. */
	struct sup_memo *flow_memo;
	/* Questionnaire tables (report_quest.h), shown after the others. */
	struct report_table *qtables;
	size_t nqtables;
	struct str quest_code, quest_title; /* the questionnaire reported */
	/* The step-by-step path (report_flow.h), shown before the
	 * questionnaires; flow: its chart's data, NULL when none. */
	struct report_table *ftables;
	size_t nftables;
	struct report_flow *flow;
	struct report_table *ptables; /* report_people.h, after the tables */
	size_t nptables;
	/* From report_build()'s one pass (report_pass.h), for the builders
	 * that run after it: the people tables' per-gender figures
	 * (SQL_RP_ENROLLED's rows) and income transitions
	 * (report_pass_transitions()), and for the whole förbund (insats_id 0)
	 * the path's enrolled and ended per insats (SQL_FLOW_BASE's rows;
	 * NULL for one insats: that statement counts every insats) and its
	 * pairs (SQL_FLOW_FROM's and SQL_FLOW_TO's rows, read with
	 * flow_base). */
	const struct rp_enrolled_row *enrolled;
	size_t nenrolled;
	const struct rp_transition_row *transitions;
	size_t ntransitions;
	/* The income sources before the start (SQL_RP_INCOME_BEFORE's rows,
	 * report_pass_incomes()) and the follow-ups of those who ended
	 * (SQL_FU_REPORT's, report_pass_followups()). */
	const struct rp_group_row *incomes;
	size_t nincomes;
	const struct followup_report_row *followups;
	size_t nfollowups;
	/* The enrolled per medremittent organisation (SQL_RP_COREMITTENT's
	 * rows, report_pass_coremittents()). */
	const struct rp_group_row *coremittents;
	size_t ncoremittents;
	/* Those who ended employed per top-level organisation
	 * (SQL_RP_EMPLOYEES's rows, report_pass_employers()). */
	const struct rp_group_row *employers;
	size_t nemployers;
	/* Those who ended within 6 and 12 months, per gender (columns of
	 * enum report_gender but the total). */
	long long within6[RG_TOTAL], within12[RG_TOTAL];
	const struct report_flow_base_row *flow_base;
	size_t nflow_base;
	const struct report_flow_row *flow_from, *flow_to;
	size_t nflow_from, nflow_to;
};

/*
 * Build the report of insats_id (0: the whole förbund, the request's:
 * every statement reads its rows only, db_scope.h) for
 * [from, to] (valid dates, from <= to, at most REPORT_MAX_MONTHS months),
 * whole months only: from is the first day of a month and to the last day
 * of one, else APP_EINPUT. (Two reports whose periods differ by a day
 * would, subtracted, tell what happened to the few who started or ended
 * on that day; whole months make every such difference at least a month
 * of people. README, "Small cells in reports".)
 * with scope as its display name: run the statements, fill the tables,
 * suppress. today caps occupancy. Everything in r->a. APP_E* from the
 * database or the arena.
 */
#define REPORT_MAX_MONTHS 120
enum app_err report_build(struct req *r, long long insats_id, struct str scope,
    struct str from, struct str to, struct str today, long long min_cell,
    struct report *out);

/* Text of a row's value in column g: "12", "×" (suppressed), "6,6",
 * "42 %". Arena; "" on a full arena. */
struct str report_value_text(
    struct req *r, const struct report *, const struct report_row *, int g);

/* "×" for a suppressed cell (small, or hidden so that a small one cannot
 * be worked out: the same mark), "" for a shown one. */
struct str report_mark_text(struct req *r, const struct report *, int cell);

/* Percent of the table's base row, "21 %", or "" when not shown (either
 * number suppressed, or no base). Arena. */
struct str report_pct_text(struct req *r, const struct report *,
    const struct report_table *, const struct report_row *, int g);

/* A goal's result for column g: 1 with *pct (0..100) and *met when it can
 * be shown; 0 when suppressed, not computable, or nobody ended. */
int report_goal_result(const struct report *, const struct report_goal *, int g,
    double *pct, int *met);

/* Swedish column heading of gender column g ("Kvinnor"). Borrowed. */
const char *report_gender_head(int g);

/* Swedish label of an outcome ("Arbete"). Borrowed. */
const char *report_outcome_label(enum report_outcome);

/* Whether column g is shown (Annat only when has_annat). */
int report_column_shown(const struct report *, int g);

/* n rows with no cells yet (every cell and other -1), for a table's
 * builder; arena, NULL when full. */
struct report_row *report_rows_new(struct arena *, size_t n);

#endif /* !REPORT_H */
