/*
 * page_report_form.h: the activity report's filter form, shared by the
 * page (app/page_report.c) and its CSV (app/page_report_csv.c): read and
 * check it through its field table, bind it back to the view with every
 * typed value kept, and build the report it asks for.
 *
 * The choices come from report_scope.h (which insatser the caller may
 * report on, which questionnaires), the days from report_period.h.
 */
#ifndef PAGE_REPORT_FORM_H
#define PAGE_REPORT_FORM_H

#include <stddef.h>

#include "app.h"
#include "form.h"
#include "report_period.h"
#include "report_scope.h"
#include "str.h"

struct report;
struct sup_memo;
struct req;
struct view_ctx;

enum report_field {
	RF_INSATS,
	RF_PERIOD,
	RF_YEAR,
	RF_FROM,
	RF_TO,
	RF_QUEST,
	RF__MAX
};

struct report_form {
	struct field_val fv[RF__MAX];
	size_t nerr;
	struct report_insats *ins; /* the insatser the caller may choose */
	size_t nins;
	struct report_quest *qs; /* the questionnaires */
	size_t nqs;
	long long quest;  /* chosen index of qs; -1: none */
	int forbund;      /* may choose the whole förbund */
	long long insats; /* chosen; 0: the whole förbund */
	enum report_period period;
	long long year;
	char from[11], to[11], today[11]; /* ÅÅÅÅ-MM-DD; "" unknown */
	struct str scope; /* the insats's name or the förbund */
	/* The path's decision kept across reports (report.h flow_memo). */
	struct sup_memo *flow_memo;
};

/* Read and check the query into f (arena): the defaults are the caller's
 * first choice (the whole förbund for the förbund role) and this year.
 * f->nerr counts the fields in error, each with its Swedish message.
 * APP_E* from the database or the arena only. */
enum app_err report_form_read(struct req *, struct report_form *f);

/* The form into ctx: the choices, the values (as typed when typed), the
 * errors. */
enum app_err report_form_bind(
    struct view_ctx *ctx, const struct report_form *f);

/* The query string of the form's report, for the CSV link (our own
 * values only). Arena; "" on a full arena. */
struct str report_form_query(struct req *, const struct report_form *f);

/* Build the report of a valid form into rep (report.h, report_quest.h). */
enum app_err report_form_build(
    struct req *, const struct report_form *f, struct report *rep);

#endif /* !PAGE_REPORT_FORM_H */
