/*
 * page_participation.h: the insats staff's pages: the inbox of submitted
 * referrals and its decisions, and the participation from inskrivning to
 * avslut and the summary to the remittent.
 *
 * Every record route asks access_referral()/access_participation() and
 * acts only through ACCESS_INSATS; anything else is 404, never 403, so an
 * id never tells whether a record exists. Lists are limited to the
 * caller's insatser in SQL. Before a person's data is shown, an audit row
 * (read) with the personnummer is written; changes write update/create
 * rows and change_history in the same transaction; if the audit row cannot
 * be written the page fails. Lists show names only (no personnummer) and
 * write one read row for the list. Personnummer never appear in URLs: the
 * search is a POST.
 *
 * Forms validate every field at once (400 with the Swedish messages next
 * to the fields and every typed value kept) and never write part of a
 * change. Changes carry the record's version; a stale one is 409.
 */
#ifndef PAGE_PARTICIPATION_H
#define PAGE_PARTICIPATION_H

#include "app.h"
#include "db.h"
#include "form.h"
#include "str.h"

struct req;
struct view_ctx;

/* page_participation.c: the inbox and the decisions. */
enum app_err page_inbox(struct req *);          /* GET /inkorg */
enum app_err page_inbox_referral(struct req *); /* GET /inkorg/:id */
/* POST /inkorg/:id/beslut: beslut=anta|avrada|aterfor|vantelista */
enum app_err page_inbox_decide(struct req *);

/* page_participation_list.c: the participant list and the search. */
enum app_err page_participants(struct req *);        /* GET /deltagare */
enum app_err page_participants_search(struct req *); /* POST /deltagare/sok */

/* page_participation_view.c: one participation and its lifecycle. */
enum app_err page_participation(struct req *); /* GET /deltagande/:id */
/* POST /deltagande/:id/plan: activities and hours per week */
enum app_err page_participation_plan(struct req *);
/* POST /deltagande/:id/mittuppfoljning */
enum app_err page_participation_midterm(struct req *);
/* POST /deltagande/:id/forlangning: a new planned end */
enum app_err page_participation_extend(struct req *);
/* POST /deltagande/:id/avslut */
enum app_err page_participation_end(struct req *);
/* POST /deltagande/:id/sammanfattning: the summary was sent */
enum app_err page_participation_summary(struct req *);

/*
 * For the start page: bind a list "overdue" of {id, name, insats,
 * due_date} to ctx (the ended participations of the caller's insatser
 * whose summary to the remittent is past due and not sent, oldest due
 * first) and "overdue_count"; render it with {{> deltag_overdue}}. Binds
 * nothing for a caller without the insatspersonal role. Writes one audit
 * row when the list is not empty.
 */
enum app_err participation_start_overdue(struct req *, struct view_ctx *ctx);

/* ---- helpers shared by page_participation*.c only ---- */

#define PART_CONFLICT_MSG                                                      \
	"Någon annan har ändrat uppgifterna medan du arbetade. Det du "      \
	"skrev är inte sparat; se de aktuella uppgifterna och spara igen."

/* Twelve personnummer digits as "ÅÅÅÅMMDD-NNNN". Arena. */
struct str part_pnr_show(struct req *, struct str digits);

/* The Swedish label of a gender, referral or participation status code. */
const char *part_gender_label(struct str);
const char *part_referral_status_label(struct str);
const char *part_status_label(struct str);

/* Today in Sweden as YYYYMMDD and as "ÅÅÅÅ-MM-DD" (arena). */
long long part_today(void);
struct str part_today_str(struct req *);

/* YYYYMMDD as "ÅÅÅÅ-MM-DD". Arena. */
struct str part_ymd_str(struct req *, long long ymd);

/* "ÅÅÅÅ-MM-DD" as YYYYMMDD, 0 when it is not a date. */
long long part_date_ymd(struct str);

/* Bind fv's typed value to val_key and its error (if any) to err_key,
 * setting "has_errors" on ctx's root-level key when there is one. */
enum app_err part_ctx_field(struct view_ctx *, const char *val_key,
    const char *err_key, const struct field_val *fv);

/* Add code-list rows (code, label) as a list "key" of {code, label,
 * selected}; selected may be empty. */
enum app_err part_code_options(struct view_ctx *, const char *key,
    const struct db_rows *codes, struct str selected);

/* 1 when code is in the rows' first column. */
int part_code_known(const struct db_rows *, struct str code);

/* Run statement q of the participation area; see db_exec(). */
enum app_err part_exec(struct req *, unsigned q, const struct db_param *p,
    size_t n, struct db_rows *out);

/* Rows changed by the last UPDATE (SQL_PARTICIPATION_ROW_COUNT). */
enum app_err part_row_count(struct req *, long long *n);

#endif /* !PAGE_PARTICIPATION_H */
