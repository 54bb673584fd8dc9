/*
 * report_period.h: which days an activity report covers.
 *
 * A report covers whole months (report.h says why): a fixed period of a
 * year (the whole year, January-August as in the förbund's own report,
 * or a quarter) or free months, first to last, at most REPORT_MAX_MONTHS.
 * The rules only: no I/O, unit-tested in tests/unit/test_report_period.c.
 */
#ifndef REPORT_PERIOD_H
#define REPORT_PERIOD_H

#include "str.h"

enum report_period {
	REPORT_PERIOD_AR,     /* the whole year */
	REPORT_PERIOD_JANAUG, /* January-August (seed 002) */
	REPORT_PERIOD_Q1,
	REPORT_PERIOD_Q2,
	REPORT_PERIOD_Q3,
	REPORT_PERIOD_Q4,
	REPORT_PERIOD_FRITT, /* free months */
	REPORT_PERIOD__MAX
};

/* The form values ("ar", "jan-aug", ...), NULL-terminated for an FT_ENUM
 * field: index = enum report_period. Static. */
extern const char *const report_period_names[REPORT_PERIOD__MAX + 1];

/* The form value of p ("q1") and its Swedish label ("Kvartal 1"); "" for
 * no period. Static. */
const char *report_period_name(enum report_period p);
const char *report_period_label(enum report_period p);

/* Months first (fy, fm) to last (ty, tm), inclusive. */
struct report_span {
	int fy, fm, ty, tm;
};

/* The months of fixed period p of year into *out: 1, or 0 for
 * REPORT_PERIOD_FRITT (the caller's months) and no period. */
int report_period_span(enum report_period p, int year, struct report_span *out);

/* Why free months cannot be reported. */
enum report_span_err {
	REPORT_SPAN_OK,
	REPORT_SPAN_BACKWARDS, /* the last month is before the first */
	REPORT_SPAN_TOO_LONG,  /* more than REPORT_MAX_MONTHS */
	REPORT_SPAN__MAX
};

/* Whether span may be reported. */
enum report_span_err report_span_check(const struct report_span *span);

/* The Swedish message of a refusal (for the last month's field); "" for
 * REPORT_SPAN_OK. Static. */
const char *report_span_message(enum report_span_err);

/* The first day of span as "ÅÅÅÅ-MM-01" into from and its last day as
 * "ÅÅÅÅ-MM-DD" into to, each at least 11 bytes. */
void report_span_dates(const struct report_span *span, char *from, char *to);

/* "ÅÅÅÅ-MM", a calendar month, into *y, *m: 1, or 0 for anything else. */
int report_month_parse(struct str s, int *y, int *m);

/* The year a report opens on when none is typed: this year, or the last
 * year of an insats that ended before it (period_end "ÅÅÅÅ-MM-DD", "" for
 * open-ended). */
int report_default_year(struct str period_end, int this_year);

/* Days in month m (1-12) of year y. */
int report_month_days(int y, int m);

#endif /* !REPORT_PERIOD_H */
