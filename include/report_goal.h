/*
 * report_goal.h: a report's goals judged and put in words, the same on the
 * page, in its charts and in the CSV.
 *
 * A goal is judged on the total column (report_goal_result() in report.h
 * gives each column's share): met, not met, or why it cannot be told.
 * The verdict is pure (unit-tested in tests/unit/test_report_goal.c);
 * the texts are made in the request's arena.
 */
#ifndef REPORT_GOAL_H
#define REPORT_GOAL_H

#include "report.h"
#include "str.h"

struct req;

enum report_verdict {
	REPORT_VERDICT_NOT_COMPUTABLE, /* not from registered data */
	REPORT_VERDICT_NO_PAIRS,       /* a measured goal, no one paired */
	REPORT_VERDICT_NONE_ENDED,     /* nobody ended in the period */
	REPORT_VERDICT_TOO_FEW,        /* the total is suppressed */
	REPORT_VERDICT_MET,
	REPORT_VERDICT_NOT_MET,
	REPORT_VERDICT__MAX
};

/* The verdict on goal gl of rep, judged on the total column. */
enum report_verdict report_goal_verdict(
    const struct report *rep, const struct report_goal *gl);

/* The Swedish text of a verdict ("Uppfyllt"). Static. */
const char *report_verdict_label(enum report_verdict);

/* A goal kind's short name for a chart's group ("Arbetsförmåga"); "" for
 * none. Static. */
const char *report_goal_kind_short(enum report_goal_kind);

/* The goal's target: "minst 8 av 10", or "minst 25 %" when out of 100.
 * Arena; "" on a full arena. */
struct str report_goal_target_text(struct req *r, const struct report_goal *gl);

/* The goal's cell in column g: "18 av 40 (45 %)", "×" (suppressed) or "–"
 * (not computable or nobody ended). Arena; "" on a full arena. */
struct str report_goal_cell_text(struct req *r, const struct report *rep,
    const struct report_goal *gl, int g);

/* The achieved count in column g as the tables show a count: "18", "×",
 * or "–" when the goal is not computable. Arena. */
struct str report_goal_count_text(struct req *r, const struct report *rep,
    const struct report_goal *gl, int g);

/* The share reaching the goal in column g, "45 %", or "" when it cannot be
 * shown (report_goal_result()). Arena. */
struct str report_goal_pct_text(struct req *r, const struct report *rep,
    const struct report_goal *gl, int g);

#endif /* !REPORT_GOAL_H */
