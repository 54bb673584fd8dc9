/*
 * demo_report_people.h: the demo data of the report's people tables
 * (report_people.h), added to the generated demo participants: the
 * participants' målgrupp (a line of their insats's target groups, every
 * tenth left unset), medremittenter (Trollhättans Stad's HR beside
 * Försäkringskassan's remittents, most of them the participant's
 * employer, and primary care beside some of the social services', a few
 * employed by the region), the employment on those referrals, and income
 * sources after the end that mostly stay as they were before. Set-based
 * and decided by the rows' ids, not by the generator, so the participants
 * themselves stay as they were.
 */
#ifndef DEMO_REPORT_PEOPLE_H
#define DEMO_REPORT_PEOPLE_H

#include <mysql.h>

/* Inside the caller's transaction, as the administrator. 1, or 0 with the
 * error printed. */
int demo_report_people(MYSQL *my);

#endif /* !DEMO_REPORT_PEOPLE_H */
