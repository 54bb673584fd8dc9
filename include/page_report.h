/*
 * page_report.h: the activity report pages: the page (app/page_report.c)
 * and its CSV (app/page_report_csv.c), over one filter form
 * (app/page_report_form.c) and the report (report.h).
 *
 * GET /rapporter shows a form (insats or the whole förbund; a period: a
 * year, January-August, a quarter or free dates) and, when the form is
 * valid, the report below it: tables, charts with their numbers, the goals
 * with met or not met. GET /rapporter.csv gives every table of the same
 * report as CSV (semicolon-separated, UTF-8 with BOM).
 *
 * Who: the förbund role sees every insats and the whole förbund; insats
 * staff see the insatser they work in (the förbund-wide report needs the
 * förbund role). Reports hold aggregates only, with small cells suppressed
 * (report.h), so no person's data is read and no per-person audit row is
 * written; each CSV export writes one "export" audit row for the report.
 * A bad form answers 400 with the Swedish messages and the values kept.
 */
#ifndef PAGE_REPORT_H
#define PAGE_REPORT_H

#include "app.h"

struct req;

struct report;
struct view_ctx;

enum app_err page_report(struct req *);     /* GET /rapporter */
enum app_err page_report_csv(struct req *); /* GET /rapporter.csv */

/*
 * A built report (report_form_build()) into ctx as views/partials/
 * report_body.html shows it: its goals, tables and charts, by the same
 * code for the page and for the delårsrapport (page_report_document.c),
 * which binds one per insats. Element ids start with idp ("" on the page)
 * so that several reports fit in one document; hl is the level of the
 * tables' headings (2 on the page). APP_ENOMEM when the arena is full.
 */
enum app_err page_report_bind(struct req *, struct view_ctx *ctx,
    const struct report *rep, const char *idp, int hl);

#endif /* !PAGE_REPORT_H */
