/*
 * report_scope.h: what a caller may report on, and the choices the
 * report's form offers.
 *
 * The förbund role sees aggregates only, of every insats with participants
 * and of the whole förbund; insats staff see the insatser they work in
 * and never the whole förbund (README, "Who sees what of a person"). A
 * report is always an aggregate, whoever asks: the rule here is only which
 * insatser. The choosing rules are pure (unit-tested in
 * tests/unit/test_report_scope.c); the loaders read the database.
 */
#ifndef REPORT_SCOPE_H
#define REPORT_SCOPE_H

#include <stddef.h>

#include "app.h"
#include "db.h"
#include "str.h"

struct arena;

/* An individual insats a report may be made of (SQL_REPORT_INSATSER). */
struct report_insats {
	long long id;
	struct str name;
	struct str period_start; /* ÅÅÅÅ-MM-DD */
	struct str period_end;   /* ÅÅÅÅ-MM-DD, "" while open-ended */
};
extern const struct db_record report_insats_record;

/* A questionnaire whose results a report may show (SQL_REPORT_QUESTS). */
struct report_quest {
	struct str code, title;
};
extern const struct db_record report_quest_record;

/* The insatser the caller may choose, by name: every individual insats
 * for the förbund role (forbund 1), else those staff_id works in. *out is
 * an arena array of *n (NULL when none). APP_E* from the database. */
enum app_err report_insatser_load(struct db *, struct arena *, int forbund,
    long long staff_id, struct report_insats **out, size_t *n);

/* The active questionnaires with a scale or VAS item, by title. As
 * report_insatser_load(). */
enum app_err report_quests_load(
    struct db *, struct arena *, struct report_quest **out, size_t *n);

/* Why the chosen scope is refused. */
enum report_scope_refusal {
	REPORT_SCOPE_OK,
	REPORT_SCOPE_NOT_OFFERED, /* not one of the caller's choices */
	REPORT_SCOPE_NO_INSATS,   /* staff in no insats with participants */
	REPORT_SCOPE__MAX
};

/* The Swedish message of a refusal; "" for REPORT_SCOPE_OK. Static. */
const char *report_scope_message(enum report_scope_refusal);

/*
 * The scope of the report: chosen is the insats id the form names (0: the
 * whole förbund), or NULL when it names none; then the förbund role gets
 * the whole förbund and staff their first insats. Sets *insats_id (0: the
 * whole förbund; the chosen id even when refused, so the form shows it)
 * and *picked (the chosen one of ins, borrowed; NULL for the whole
 * förbund or when refused).
 */
enum report_scope_refusal report_scope_pick(int forbund,
    const struct report_insats *ins, size_t n, const long long *chosen,
    long long *insats_id, const struct report_insats **picked);

/* The questionnaire a report shows, by code, when none is chosen. */
#define REPORT_QUEST_DEFAULT "deltagare_pagaende"

/* The index in qs of the questionnaire to report: the chosen code, or
 * when chosen is NULL REPORT_QUEST_DEFAULT, else the first. -1 when there
 * is none (none loaded, or the chosen one is not among them). */
long long report_quest_pick(
    const struct report_quest *qs, size_t n, const struct str *chosen);

#endif /* !REPORT_SCOPE_H */
