/*
 * demo_summary.h: the demo's summaries to the remittent (summary.h), made
 * by `stegvis demo-load` after the demo participants: the four latest
 * ended participations whose summary is marked sent get a sent version 1
 * (sent when the participation says), the newest of them a correction
 * sent two days later (version 2, superseding it), and the latest ended
 * one not yet sent a draft. Written by a staff member of the insats;
 * deterministic (by end date and id).
 */
#ifndef DEMO_SUMMARY_H
#define DEMO_SUMMARY_H

#include <mysql.h>

/* Insert them on my, in the caller's transaction; participations with a
 * summary already are skipped. 1 on success, else 0 with a message on
 * stderr. */
int demo_summaries(MYSQL *my);

#endif /* !DEMO_SUMMARY_H */
