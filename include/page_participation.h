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

/* page_participation_contact.c: the insats's own record of the person
 * (participation_person, sql/0022), with history; never the referral's. */
/* GET /deltagande/:id/kontaktuppgifter */
enum app_err page_participation_contact_form(struct req *);
/* POST /deltagande/:id/kontaktuppgifter */
enum app_err page_participation_contact(struct req *);

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

/* Rows changed by the last UPDATE (db_affected_rows()). */
enum app_err part_row_count(struct req *, long long *n);

/* POST /deltagande/:id/sus-uppgifter: the SUS registration data */
enum app_err page_participation_sus(struct req *);

/*
 * page_participation_sus.c: the SUS registration data on the
 * participation page (section "SUS-uppgifter"). Education, time in public
 * support and income before live on the referral, folkbokföringskommun on
 * the person, occupation before on the participation; the insats staff
 * set them here, because the remittent may edit the referral only while
 * it is a draft. "Missing" is decided as the SUS export decides it (see
 * SQL_PARTICIPATION_SUS_GET). Only active codes may be chosen; a stored
 * code that has been deactivated stays valid. A stored value cannot be
 * emptied here (the registration would only become less complete).
 */
enum part_sus_field {
	PSUS_EDU,            /* utbildning: code_education */
	PSUS_SUPPORT,        /* tid_forsorjning: code_support_time */
	PSUS_OCC,            /* sysselsattning_fore: code_occupation */
	PSUS_KOMMUN,         /* folkbokforingskommun: 1..100 characters */
	PSUS_INCOME,         /* forsorjning_fore: code_income, several */
	PSUS_REF_VERSION,    /* version_ansokan: the referral's version */
	PSUS_PERSON_VERSION, /* version_person: the person's version */
	PSUS__MAX
};

/* The submitted SUS form. */
struct part_sus_form {
	struct field_val v[PSUS__MAX];
	struct str *income; /* the ticked income codes, as typed */
	size_t nincome;
	const char *income_error;
	int form_bad; /* a hidden version field missing or tampered */
};

/* Validate the submitted SUS form of participation id into f (every
 * field checked, messages in Swedish); *nerr counts the fields in error,
 * form_bad included. */
enum app_err part_sus_read(
    struct req *, long long id, struct part_sus_form *f, size_t *nerr);

/* Bind the section of participation id: the stored values and what is
 * missing, and the form with f's typed values (f NULL: the stored ones).
 * Sets "has_errors" when f has an error. */
enum app_err part_sus_bind(struct req *, struct view_ctx *, long long id,
    const struct part_sus_form *f);

/* Inside the caller's transaction, the participation locked and its
 * version checked: lock the referral and the person, compare their
 * versions with f's, then write what changed (referral, referral_income,
 * person, participation), a change_history row per changed field.
 * *stale: a version differs or a row changed under us (the caller rolls
 * back: 409); *changed: something was written. f must be valid
 * (part_sus_read with no error). */
enum app_err part_sus_save(struct req *, long long id, long long version,
    const struct part_sus_form *f, int *stale, int *changed);

#endif /* !PAGE_PARTICIPATION_H */
