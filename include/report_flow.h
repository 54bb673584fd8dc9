/*
 * report_flow.h: the step-by-step path in the activity report: who came
 * from, or went on to, another insats of the förbund (seed 002: "85
 * personer har deltagit via ansökan till projektet Friska vindar där Hälsa
 * för Alla ingår"; "flertalet deltagare i Trollhättan gått vidare till
 * Trampolinen som ett nästa steg").
 *
 * Added to a report that report_build() made (same period, scope and
 * suppression set), before report_quest_build().
 *
 * Definitions (the SQL in sql_report_flow.h): one person's participations
 * are linked by the personnummer (participation.person_id), nothing typed.
 *   - Från annan insats: of the report's enrolled (participations that
 *     overlap the period), those whose person had a participation in
 *     another insats of the same förbund that was avslutad on or before the
 *     day this one started. Counted by the insats of the latest such one
 *     (its predecessor), so each participation is counted once.
 *   - Till annan insats: of the report's ended (avslutad in the period),
 *     those whose person has a participation in another insats of the same
 *     förbund (not felregistrerad) that started on or after the day this
 *     one ended, by the insats of the first such one (its successor), as
 *     the data stands when the report is made.
 *   - Flöde mellan insatser (the whole förbund only): Från annan insats by
 *     the predecessor's insats and the participation's own insats.
 * By the gender of the reported participation (participation_person).
 *
 * The rows follow from the insatser's decided periods and the report's
 * only (README, "The step-by-step path"), with "Utanför insatsernas
 * perioder" always: a path whose pair the periods do not allow.
 *
 * The figures are decided once per period for the whole förbund (a joint
 * suppression set of the path: every pair, every insats's Från and Till,
 * the förbund's rows and totals, with the bases as known when a report may
 * show them), so every report shows or hides a path figure alike: a shown
 * one is a fixed cell of the report's set, a hidden one unpublished.
 *
 * Every count is a cell of the report's suppression set; the relations are
 * declared in one place (flow_relations()): the genders add up to the
 * total in every row; each table's rows add up to its total row; Från
 * annan insats + the rest (unpublished) = the enrolled, Till annan insats +
 * the rest = the ended, per column; in the flow, each predecessor's row of
 * Från annan insats = the sum of its flow rows, and the flow's total row is
 * Från annan insats itself. sup_run() is run again at the end.
 */
#ifndef REPORT_FLOW_H
#define REPORT_FLOW_H

#include "app.h"

struct req;
struct report;
struct view_ctx;

/* Add the tables (rep->ftables) and the flow chart's data (rep->flow, the
 * whole förbund only). Arena. APP_E* from the database or the arena. */
enum app_err report_flow_build(struct req *r, struct report *rep);

/* The flow chart as an item of ctx's list "flow_chart" (an empty list when
 * the report has none): the chart's keys (report_svg.h's svg_flow_bind())
 * and its text alternative. APP_ENOMEM when the arena is full. */
enum app_err report_flow_chart(
    struct req *r, struct view_ctx *ctx, const struct report *rep);

#endif /* !REPORT_FLOW_H */
