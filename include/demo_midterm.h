/*
 * demo_midterm.h: the demo's mid-term follow-ups (avstämningar, midterm.h),
 * made by `stegvis demo-load` after the demo participants: every
 * participation (not felregistrerad) that has come halfway between its
 * start and planned end, by today or by its end, had one held at
 * halfway; one in three of those had another at a quarter, and one in
 * six a third at three quarters (by id, deterministic), attended by the
 * participant and the contact person (the remittent at halfway),
 * recorded by the contact person.
 */
#ifndef DEMO_MIDTERM_H
#define DEMO_MIDTERM_H

#include <mysql.h>

/* Insert them on my, in the caller's transaction; a participation that
 * has follow-ups keeps them. 1 on success, else 0 with a message on
 * stderr. */
int demo_midterms(MYSQL *my);

#endif /* !DEMO_MIDTERM_H */
