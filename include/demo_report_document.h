/*
 * demo_report_document.h: the demo delårsrapport's texts (migration 0031):
 * what the insats staff wrote for January-August 2021 (Friska Vindar 2.0,
 * after the seed's Friska Vindar and Hälsa för Alla texts, and others) and
 * for January-August 2019 (Praktikplatssamordnare, after the seed), each
 * saved once (version 1, with its history row). Run by
 * demo_participants() on its connection, inside its transaction; adds
 * nothing that is there already.
 */
#ifndef DEMO_REPORT_DOCUMENT_H
#define DEMO_REPORT_DOCUMENT_H

#include <mysql.h>

/* 1, or 0 with a message on stderr. */
int demo_report_document(MYSQL *my);

#endif /* !DEMO_REPORT_DOCUMENT_H */
