/*
 * demo_report_flow.h: the demo's step-by-step paths, so that the activity
 * report's "Från annan insats", "Till annan insats" and the förbund's flow
 * between insatser have people (seed 002: many went on from Hälsa för
 * Alla to Trampolinen; Friska Vindar 2.0 took over from both).
 *
 * The generated demo gives every participant a personnummer of their own.
 * This links some of them: a later participation in one insats becomes the
 * same person as an earlier, ended one in another (same gender), as when a
 * remittent refers someone on: the later referral and participation point
 * to the earlier person, carry the same names, and the later person's own
 * row goes when nothing else uses it. Deterministic. Runs inside
 * demo_participants()'s transaction.
 */
#ifndef DEMO_REPORT_FLOW_H
#define DEMO_REPORT_FLOW_H

#include <mysql.h>

/* 1 on success, 0 with a message on stderr. */
int demo_report_flow(MYSQL *my);

#endif /* !DEMO_REPORT_FLOW_H */
