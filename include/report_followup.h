/*
 * report_followup.h: the table "Uppföljning 6 månader" of the activity
 * report: the situation six months after the end against the situation at
 * the end (followup.h), added to a report that report_build() made, into
 * the same suppression set.
 *
 * Who is counted: the participations (avslutad; erroneous registrations
 * never) whose follow-up fell due in the period (end date + 6 months, as
 * followup_due() counts it), in the report's scope, by the gender of the
 * insats's record of the participant. Of these:
 *   - followed up (a situation recorded) and not followed up (yet, or
 *     never);
 *   - of the followed up, the situation at the end (the end reason's
 *     outcome, followup_situation_at_end()) and six months later, each in
 *     the five situations;
 *   - of the followed up, in work or studies (egenförsörjning) at both,
 *     only then, only at the end, at neither.
 * The CSV's table name is "Uppföljning 6 månader"; the page's id is
 * REPORT_FOLLOWUP_KEY.
 *
 * Relations (declared here, followup_relations()): in every row the
 * genders and the people of no shown gender (an unpublished cell) add up to
 * the total; due = followed up + not followed up; followed up = the sum of
 * the situations at the end = the sum of the situations after six months =
 * both + only after + only at the end + neither; work + studies at the end
 * = both + only at the end; work + studies after = both + only after. Each
 * per column and for the unknown gender. sup_run() is run again at the end.
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
