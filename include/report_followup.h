/*
 * report_followup.h: the table "Uppföljning 6 månader" of the activity
 * report: the situation six months after the end against the situation at
 * the end (followup.h), added to a report that report_build() made, into
 * the same suppression set.
 *
 * Who is counted: the participations that ended in the period, exactly
 * the report's "Avslutade" (status avslutad, end date in the period, in
 * scope, a gender recorded on the insats's record of the participant).
 * The table's first row IS that figure: it shares its cells, so it is
 * shown or hidden once, in both places. (Why: counted by the due date,
 * the cohort of period P was "Avslutade" of the report for P - 6 months,
 * suppressed separately there, and the two reports together gave away
 * hidden figures; review of issue 17, finding 1.) Of these, by the state
 * of the follow-up today (followup_state()):
 *   - followed up so far (a situation recorded), not due yet (the window
 *     opens later), due but not followed up (the window is open, overdue
 *     included), closed without one (the window has closed);
 *   - of the followed up, the situation at the end (the end reason's
 *     outcome, followup_situation_at_end()) and six months later, each in
 *     the five situations;
 *   - of the followed up, in work or studies (egenförsörjning) at both,
 *     only then, only at the end, at neither.
 * The figures of a period change as follow-ups are recorded (so do the
 * other tables when records change): the report says "hittills".
 * The CSV's table name is "Uppföljning 6 månader"; the page's id is
 * REPORT_FOLLOWUP_KEY.
 *
 * Relations (declared here, followup_relations()): in every row the
 * genders add up to the total (the first row's are report.c's); ended =
 * followed up + not due yet + due + closed; followed up = the sum of the
 * situations at the end = the sum of the situations after six months =
 * both + only after + only at the end + neither; work + studies at the end
 * = both + only at the end; work + studies after = both + only after (each
 * sum an unpublished cell); and per situation at the end, the report's
 * "Vid avslut" rows of it (sjukdom and annat for "annat") = its followed
 * up + its ended not followed up (an unpublished cell). Each per column.
 * sup_run() is run again at the end.
 */
#ifndef REPORT_FOLLOWUP_H
#define REPORT_FOLLOWUP_H

#include "app.h"

struct req;
struct report;
struct report_table;

#define REPORT_FOLLOWUP_KEY "uppfoljning_6_manader"

/* Append the table to rep->qtables (the questionnaire section: the
 * follow-up is the seeds' "långsiktig mätning") and suppress. Arena.
 * APP_E* from the database or the arena. */
enum app_err report_followup_build(struct req *r, struct report *rep);

#endif /* !REPORT_FOLLOWUP_H */
