/*
 * report_people.h: the people tables of the activity report, added to a
 * report that report_build() made (same period, scope and suppression
 * set), as the förbund's own report has them (seed 002, issue 17):
 *
 *   - "Medelålder": the mean age at the start by gender, of the enrolled
 *     (the age in whole years on the start date, from the personnummer's
 *     date of birth).
 *   - "Försörjning före": the income sources on the referral of the
 *     enrolled. Unit: a person per source; someone with two sources is in
 *     two rows, so the rows add up to more than the enrolled; "Uppgift
 *     saknas": no source recorded.
 *   - "Försörjning efter": those who ended, by the pair (source before,
 *     source after). Unit: a person, in exactly one row: a side with
 *     several sources reads "Flera källor", one with none "Uppgift
 *     saknas"; the rows add up to the ended. Only pairs someone is in are
 *     listed (as the referrer table lists organisations).
 *   - "Medremittent": the enrolled by the organisation of their
 *     medremittenter (a person once per organisation, so again more than
 *     the enrolled in all), "Ingen medremittent", and the employer's own
 *     employees who ended: the referral says employed, and its employer is
 *     the name of a medremittent's organisation or of an organisation above
 *     it (Trollhättans Stad for "Trollhättans Stad – HR"), compared as the
 *     database's Swedish collation compares (case and accents aside),
 *     spaces at the ends trimmed.
 *   - "Tid i insats per målgrupp": those who ended, by the participation's
 *     målgrupp (one line of the insats's target groups, set by its staff;
 *     "Målgrupp ej angiven" otherwise): how many and their mean time in
 *     months (365.25 / 12 days), then how many of all who ended did so
 *     within 6 and within 12 calendar months of the start. The whole
 *     förbund lists no målgrupp (each insats's own lines, in its own
 *     report), only the within 6 and 12 months and the total.
 *
 * Every count is a cell of the report's suppression set and every relation
 * a reader can use is declared (people_relations() in report_people.c):
 * genders add up to the total in every row; a table's total row is the
 * enrolled or the ended of the participants' table (the same cells); the
 * transition and the målgrupp rows add up to the ended; each source's and
 * each organisation's count is at most the enrolled (the rest an
 * unpublished cell), and all sources (organisations) together are at least
 * the enrolled with any (the excess unpublished); the employees are at
 * most the ended and at most the enrolled with a medremittent; within 6
 * months <= within 12 months <= the ended.
 *
 * Means (age, months) are shown only where their count is, and a total
 * column's mean only where every gender's count of the row is shown, so
 * that no hidden group's summed age or time follows from the row. They are
 * not sums, so they are outside the LP. sup_run() is run again at the end.
 */
#ifndef REPORT_PEOPLE_H
#define REPORT_PEOPLE_H

#include "app.h"

struct req;
struct report;

/* The tables, in the order shown. */
enum report_people_table {
	RPT_MEDELALDER,
	RPT_FORSORJNING_FORE,
	RPT_FORSORJNING_EFTER,
	RPT_MEDREMITTENT,
	RPT_TID_MALGRUPP,
	RPT__MAX
};

/* Add the people tables to rep (rep->ptables, rep->nptables), suppress
 * again. Arena. APP_E* from the database or the arena. */
enum app_err report_people_build(struct req *r, struct report *rep);

#endif /* !REPORT_PEOPLE_H */
