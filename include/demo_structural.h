/*
 * demo_structural.h: the demo register of the structural insats
 * Praktikplatssamordnare (issue 17 item 8): companies in its bank of
 * work-practice places, supervisor trainings, the goals from the seed
 * (100 places, three trainings for 45 people a year) for 2019 and 2021,
 * and a staff account of its own (personal.pps, the demo password).
 * Called by `stegvis demo-participants` (app/demo.c); does nothing when
 * the register has companies already.
 */
#ifndef DEMO_STRUCTURAL_H
#define DEMO_STRUCTURAL_H

#include <mysql.h>

/* Add the demo register on connection my (in its transaction). 1 on
 * success (also when there was nothing to do), 0 with a message on
 * stderr. */
int demo_structural(MYSQL *my);

#endif /* !DEMO_STRUCTURAL_H */
