/*
 * report_document.h: the whole delårsrapport as one document: every insats
 * of the förbund for a report period, each with its figures (the activity
 * report, report.h, built per insats) and the short texts its staff write
 * for the period (migration 0031), as the förbund's own report (seed 002)
 * has them.
 *
 * The texts: one record per insats, year and fixed period (the report's
 * periods except free months: a text is written for a period the board
 * gets), five sections. Written by the staff of that insats and by the
 * admin, never by another insats's staff; a versioned edit (edit.h) with
 * every saved version kept whole and one audit row per save. There is no
 * final state: the figures of a period change until it is over, so what
 * goes to the board is the printed copy (README, "The delårsrapport").
 *
 * The rules are pure (tests/unit/test_report_document.c); the loaders and
 * the save use the database (app/sql_report_document.c).
 */
#ifndef REPORT_DOCUMENT_H
#define REPORT_DOCUMENT_H

#include <stddef.h>

#include "app.h"
#include "db.h"
#include "edit.h"
#include "report_period.h"
#include "str.h"

struct req;

/* The sections of an insats's text, in the seed's order. */
enum report_text_section {
	RTS_BAKGRUND,
	RTS_SAMVERKAN,
	RTS_HORISONTELLA,
	RTS_RESULTAT,
	RTS_INDIKATORER,
	RTS__MAX
};

/* Characters per section (the field table's limit; a TEXT column holds
 * four bytes a character of it). */
#define REPORT_TEXT_MAX 10000

/* The section's column and form field ("bakgrund"), and its Swedish
 * heading ("Samverkan mellan myndigheter"). Static; "" out of range. */
const char *report_text_section_name(enum report_text_section);
const char *report_text_section_label(enum report_text_section);

/* Whether a document (and a text) may be made of period p: the fixed
 * periods, not free months. */
int report_document_period_ok(enum report_period p);

/* Why a text may not be written. */
enum report_text_refusal {
	REPORT_TEXT_OK,
	REPORT_TEXT_NOT_YOURS, /* insats staff, but not of this insats */
	REPORT_TEXT_NO_ROLE,   /* neither insats staff nor admin */
	REPORT_TEXT__MAX
};

/* May an account with roles (ROLE_BIT()s) write the texts of an insats it
 * works in (works_in 1) or not: the admin any, insats staff their own. */
enum report_text_refusal report_text_may_write(unsigned roles, int works_in);

/* The Swedish message of a refusal; "" for REPORT_TEXT_OK. Static. */
const char *report_text_refusal_message(enum report_text_refusal);

/* One insats's text of one period (SQL_RD_TEXT_GET). version 0 and every
 * section "" when nothing was saved. */
struct report_text {
	long long id, version;
	struct str sec[RTS__MAX];
	struct str updated_at; /* ÅÅÅÅ-MM-DD, "" never saved */
	struct str updated_by; /* display name, "" never saved */
};
extern const struct db_record report_text_record;

/* 1 when every section is empty. */
int report_text_empty(const struct report_text *);

/* An insats of the document or of the caller's text list
 * (SQL_RD_INSATSER, SQL_RD_WRITABLE, SQL_RD_INSATS). */
struct report_doc_insats {
	long long id;
	struct str name;
	struct str direction;  /* individ or struktur */
	int works_in;          /* the caller works in it */
	struct str updated_at; /* its text of the period: last saved, or "" */
};
extern const struct db_record report_doc_insats_record;

/* The caller's förbund (SQL_RD_FORBUND). */
struct report_doc_forbund {
	long long id;
	struct str name;
};
extern const struct db_record report_doc_forbund_record;

/* The request's förbund (db_scope.h) into *out; APP_ENOTFOUND when none.
 * Every statement of this module reads and writes that förbund's insatser
 * and their texts only. */
enum app_err report_doc_forbund_load(
    struct req *, struct report_doc_forbund *out);

/* Every insats of the förbund whose decided period overlaps [from, to]
 * (ÅÅÅÅ-MM-DD), individual and structural, by name: *out an arena array
 * of *n (NULL when none). APP_E* from the database. */
enum app_err report_doc_insatser(struct req *, struct str from, struct str to,
    struct report_doc_insats **out, size_t *n);

/* The insatser of the förbund whose texts r's user may write (every one
 * for the admin, else those the user works in), by name, each with its
 * text's last save of year and period. As report_doc_insatser(). */
enum app_err report_doc_writable(struct req *, int admin, long long year,
    enum report_period p, struct report_doc_insats **out, size_t *n);

/* Insats id of the förbund into *out, with works_in for r's user;
 * APP_ENOTFOUND when there is none (another förbund's too). */
enum app_err report_doc_insats_load(
    struct req *, long long id, struct report_doc_insats *out);

/* The text of insats_id for year and period p into *out (empty with
 * version 0 when none was saved). */
enum app_err report_text_load(struct req *, long long insats_id, long long year,
    enum report_period p, struct report_text *out);

/*
 * Save sections sec (RTS__MAX, each at most REPORT_TEXT_MAX characters,
 * checked by the caller) as the text of insats_id, year and p, from a form
 * read at form_version (0: no text was saved yet), as a versioned edit
 * (edit.h): *result EDIT_SAVED (also when nothing changed), EDIT_STALE or
 * EDIT_BUSY, nothing written but the first. *now is the text as stored
 * after the attempt (the newer one when stale). Saved: a new version, the
 * whole text in report_text_history, one audit row naming the changed
 * sections. APP_E* from the database (nothing written).
 */
enum app_err report_text_save(struct req *, long long insats_id, long long year,
    enum report_period p, long long form_version, const struct str *sec,
    enum edit_result *result, struct report_text *now);

#endif /* !REPORT_DOCUMENT_H */
