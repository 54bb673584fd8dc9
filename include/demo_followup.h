/*
 * demo_followup.h: the demo's follow-ups six months after the end
 * (followup.h), made by `stegvis demo-load` after the demo participants: of
 * the ended participations whose follow-up window has closed, four in five
 * (by id, deterministic) get a situation that depends on how they ended
 * (most who ended in work are still in work; some job-seekers found work;
 * ill health mostly stays "annat"), recorded by a staff member of the
 * insats on the due date. So the demo report shows the table for Friska
 * Vindar 2.0 in 2021.
 */
#ifndef DEMO_FOLLOWUP_H
#define DEMO_FOLLOWUP_H

#include <mysql.h>

/* Insert them on my, in the caller's transaction; rows that exist are
 * kept. 1 on success, else 0 with a message on stderr. */
int demo_followups(MYSQL *my);

#endif /* !DEMO_FOLLOWUP_H */
