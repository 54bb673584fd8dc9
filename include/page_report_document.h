/*
 * page_report_document.h: the whole delårsrapport as one document, and the
 * pages where its texts are written (report_document.h).
 *
 * GET /rapporter/delarsrapport?period=jan-aug&ar=2021: for the förbund role
 * and the admin (aggregates only, as the förbund-wide report). A cover with
 * the förbund, the period and a table of contents, then per insats of the
 * förbund whose decided period overlaps the report's: the same goals,
 * tables and charts /rapporter shows for it (report_form_build() and
 * page_report_bind(), so every table the report gains is here too), inside
 * the same small-cell protection, followed by its texts. Printable on A4
 * with its own print style (views/static/rapport-print.css): every insats
 * starts a page, no forms, no navigation. One "print" row in the access
 * log per document, as a CSV export of the report has one "export" row.
 * Free months are refused (400): texts are written per fixed period.
 *
 * GET /rapporter/texter?period=&ar=: the insatser whose texts the caller
 * may write (insats staff their own, the admin every one) with the last
 * save of each. GET and POST /rapporter/texter/:id?period=&ar=: one
 * insats's five sections, a versioned edit: a stale form answers 409 with
 * what was typed and what is stored now; another insats's staff get 403;
 * an over-long text 400 with everything typed kept.
 */
#ifndef PAGE_REPORT_DOCUMENT_H
#define PAGE_REPORT_DOCUMENT_H

#include "app.h"

struct req;

enum app_err page_report_document(
    struct req *);                            /* GET /rapporter/delarsrapport */
enum app_err page_report_texts(struct req *); /* GET /rapporter/texter */
enum app_err page_report_text_form(
    struct req *); /* GET /rapporter/texter/:id */
enum app_err page_report_text_save(
    struct req *); /* POST /rapporter/texter/:id */

#endif /* !PAGE_REPORT_DOCUMENT_H */
