/*
 * report_structural.h: the activity report's part for structural insatser
 * (issue 17 item 8; README "Structural insatser"): what each built, against
 * its goals for the year, with the same goal and met-or-not layout as the
 * participants' goals.
 *
 * Rows (the CSV's "Rad"): Företag (companies in the bank at the period's
 * last day), Praktikplatser (the places they offer), Handledarutbildningar
 * (trainings held in the period) and Utbildade handledare (their
 * attendees). Goals are those the admin set for the year of the period's
 * last day: a part of a year is measured against the whole year's goal,
 * as the förbund's own report measures January-August.
 *
 * No small-cell suppression: companies and trainings are not persons, and
 * the attendees are supervisors at employers, counted per training with
 * no name and no link to any participant or other table of the report
 * (README says why).
 *
 * The whole förbund's report (insats 0) has one part per structural insats
 * of the förbund; an insats's report has its own part when it is
 * structural, else none. The delårsrapport (17e) calls the same
 * functions.
 */
#ifndef REPORT_STRUCTURAL_H
#define REPORT_STRUCTURAL_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct buf;
struct report;
struct req;
struct view_ctx;

enum structural_row {
	SR_FORETAG,
	SR_PLATSER,
	SR_UTBILDNINGAR,
	SR_HANDLEDARE,
	SR__MAX
};

struct report_structural {
	long long insats_id;
	struct str name, slug;
	long long year;           /* whose goals */
	long long value[SR__MAX]; /* the result */
	long long goal[SR__MAX];  /* -1: no goal set */
	struct str from, to;      /* the period, ÅÅÅÅ-MM-DD */
};

/* The row's name as the page and the CSV show it ("Företag"). Static. */
const char *report_structural_row_name(enum structural_row);

/* Fill out (value and goal; insats, name and period already set) from the
 * register and goals, given as loaded (structural.h): pure. */
struct structural_company;
struct structural_training;
struct structural_goal;
void report_structural_count(struct report_structural *out,
    const struct structural_company *c, size_t nc,
    const struct structural_training *t, size_t nt,
    const struct structural_goal *g, size_t ng);

/*
 * The parts of the report of insats_id (0: every structural insats of
 * the förbund of r's user) over [from, to] (valid ÅÅÅÅ-MM-DD): *out
 * points to *n of them (arena; none when insats_id is not structural).
 * The caller has checked that r's user may report on insats_id. APP_E*
 * from the database or the arena.
 */
enum app_err report_structural_build(struct req *, long long insats_id,
    struct str from, struct str to, struct report_structural **out, size_t *n);

/* Bind the parts as list "structural" of ctx (views/partials/
 * struktur_rapport.html): per part id, name, year, its rows with label,
 * how, result, target, verdict, met, not_met. */
enum app_err report_structural_bind(struct req *, struct view_ctx *ctx,
    const struct report_structural *parts, size_t n);

/* The parts as CSV rows after rep's (page_report_csv.c's columns): Tabell
 * "struktur:<slug>", Rad the row's name, the result in Totalt, the target
 * in Extra, the verdict in Bedömning. */
enum app_err report_structural_csv(struct req *, struct buf *b,
    const struct report *rep, const struct report_structural *parts, size_t n);

#endif /* !REPORT_STRUCTURAL_H */
