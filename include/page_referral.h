/*
 * page_referral.h: the remittent's pages: referral applications (ansökan),
 * drafts, submitting, their list and what was decided.
 *
 * Every page is for ROLE_REMITTENT (route.c). A referral is reached only
 * through access_referral(): one the caller may not see is a 404, never a
 * 403, so ids do not tell whether a referral exists. Only the remittent who
 * made it (ACCESS_OWN) may change it, and only while it is a draft
 * (utkast) or sent back (aterford); medremittenter and unit colleagues
 * may look. Every read of a participant's data writes an audit row first;
 * every change is one transaction with its history rows and audit row.
 * Personnummer never travel in URLs: the search is a POST.
 */
#ifndef PAGE_REFERRAL_H
#define PAGE_REFERRAL_H

#include "app.h"
#include "str.h"

struct req;
struct view_ctx;
struct db_rows;

/* page_referral.c: the list, one referral, the search. */
enum app_err page_referrals(struct req *);       /* GET /ansokningar */
enum app_err page_referral(struct req *);        /* GET /ansokningar/:id */
enum app_err page_referral_search(struct req *); /* POST /ansokningar/sok */

/* page_referral_form.c: the application form. */
enum app_err page_referral_new(struct req *);    /* GET /ansokningar/ny */
enum app_err page_referral_create(struct req *); /* POST /ansokningar/ny */
enum app_err page_referral_edit(struct req *);   /* GET .../:id/andra */
enum app_err page_referral_save(struct req *);   /* POST .../:id/andra */

/* ---- shared by page_referral*.c ---- */

/* The most rows a list shows (the statements fetch one more, to tell). */
#define REF_LIST_MAX 500

#define REF_CONFLICT_MSG                                                          \
	"Någon annan har ändrat ansökan medan du redigerade. Dina ändringar " \
	"är inte sparade; se de aktuella uppgifterna nedan."

/* The status column of a list row whose details the consent no longer
 * shows the caller's organisation. */
#define REF_CONSENT_HIDDEN_LABEL "Samtycke saknas"

/* The statement of the page that only says a referral exists. */
#define REF_CONSENT_HIDDEN_MSG                                                 \
	"Samtycket omfattar inte längre din organisation. Uppgifterna i "     \
	"ansökan visas inte."

/* Columns of SQL_REFERRAL_GET. */
enum ref_get_col {
	RG_ID,
	RG_STATUS,
	RG_PERSON_ID,
	RG_INSATS_ID,
	RG_INSATS,
	RG_REMITTENT_ID,
	RG_REMITTENT,
	RG_REMITTENT_EMAIL,
	RG_ORG_ID,
	RG_ORG,
	RG_ORG_PARENT,
	RG_VISA,
	RG_SICK,
	RG_EMPLOYED,
	RG_EMPLOYER,
	RG_REHAB,
	RG_SUPPORT_CODE,
	RG_SUPPORT,
	RG_EDU_CODE,
	RG_EDU,
	RG_BACKGROUND,
	RG_GOALS,
	RG_NEEDS,
	RG_TRIED,
	RG_CREATED,
	RG_SUBMITTED,
	RG_DECIDED,
	RG_DECIDED_BY,
	RG_DECISION_REASON,
	RG_ADVISE,
	RG_VERSION,
	RG_PNR,
	RG_ID_KIND,
	RG_BIRTH_YEAR,
	/* RG_FIRST .. RG_PROTECTED: the person as this referral's remittent
	 * recorded them (referral_person), in the order of its statements */
	RG_FIRST,
	RG_LAST,
	RG_GENDER,
	RG_ADDRESS,
	RG_POSTAL,
	RG_CITY,
	RG_PHONE,
	RG_MUNICIPALITY,
	RG_INTERPRETER,
	RG_LANGUAGE,
	RG_PROTECTED,
	RG_CONSENT_AT_VISA,
	RG__MAX
};

/* Columns of SQL_REFERRAL_LIST and SQL_REFERRAL_SEARCH. */
enum ref_list_col {
	RL_ID,
	RL_STATUS,
	RL_INSATS,
	RL_FIRST,
	RL_LAST,
	RL_VISA,
	RL_CREATED,
	RL_SUBMITTED,
	RL_DECIDED,
	RL_OWN,
	RL_REMITTENT,
	RL_VISIBLE,
	RL__MAX
};

/* The Swedish label of a referral status ("Utkast"); "" when unknown.
 * Static. */
const char *ref_status_label(struct str status);

/* 1 when a referral with this status may still be changed by its
 * remittent: a draft or one sent back. */
int ref_status_editable(struct str status);

/* The stored 12-digit personnummer as shown, "ÅÅÅÅMMDD-NNNN". Arena; the
 * input itself when it is not 12 digits. */
struct str ref_pnr_shown(struct req *, struct str pnr12);

/* Bind rows (SQL_REFERRAL_LIST columns) as list "referrals" of ctx, at
 * most REF_LIST_MAX, and "count" and "truncated". */
enum app_err ref_list_bind(struct view_ctx *, const struct db_rows *rows);

/* Bind the stored referral and person of a SQL_REFERRAL_GET row to ctx
 * (English keys: status_label, insats, first_name, ...). The address and
 * phone of a person with protected identity are left out. */
enum app_err ref_bind_stored(
    struct req *, struct view_ctx *, const struct db_rows *g);

/* *hidden = 1 when the consent no longer lets the caller's organisation
 * see the details of the referral of GET row g (consent.h,
 * consent_details_visible). */
enum app_err ref_consent_hidden(
    struct req *, const struct db_rows *g, int *hidden);

/* The page that says only that the referral of GET row g exists: the
 * insats, the person's name and REF_CONSENT_HIDDEN_MSG. An audit read row
 * with detail is written first. */
enum app_err ref_render_hidden(
    struct req *, const struct db_rows *g, const char *detail);

/* Bind referral id's income sources ("income": label) and medremittenter
 * ("coremittents": name, contact, username, org, org_parent;
 * "has_coremittents") to ctx. */
enum app_err ref_bind_links(struct req *, struct view_ctx *, long long id);

#endif /* !PAGE_REFERRAL_H */
