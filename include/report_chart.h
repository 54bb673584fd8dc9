/*
 * report_chart.h: the activity report's charts (report_svg.h draws them),
 * each with its numbers in words as the text alternative. Every value
 * shown in a chart is the table's, suppressed the same way (report.h).
 */
#ifndef REPORT_CHART_H
#define REPORT_CHART_H

#include "app.h"

struct req;
struct report;
struct report_table;
struct view_ctx;

/* A table's chart, bound into it (an item of the table's "chart" list).
 * APP_ENOMEM when the arena is full. */
typedef enum app_err (*report_chart_fn)(struct req *, struct view_ctx *it,
    const struct report *, const struct report_table *);

/* Age bands (RT_ALDER): women, men and other as bars per band. */
enum app_err report_chart_age(struct req *, struct view_ctx *it,
    const struct report *, const struct report_table *);

/* Places in use per month (RT_PLATSER) against the budget line. */
enum app_err report_chart_places(struct req *, struct view_ctx *it,
    const struct report *, const struct report_table *);

/* A paired questionnaire table (report_quest.h): the mean at start and at
 * end per gender. */
enum app_err report_chart_pairs(struct req *, struct view_ctx *it,
    const struct report *, const struct report_table *);

/* The computable goals, the share reaching each per gender with the goal
 * marked, as an item of ctx's list "chart_goals" (none when no goal is
 * computable). */
enum app_err report_chart_goals(
    struct req *, struct view_ctx *ctx, const struct report *);

#endif /* !REPORT_CHART_H */
