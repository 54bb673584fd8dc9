/*
 * referral.h: the referral application (ansökan): its record, its states
 * and the remittent's transitions.
 *
 * States (sql/0006, referral.status): a remittent makes a draft (utkast)
 * and submits it (inskickad); the insats staff decide: admit (antagen),
 * waiting list (vantelista), advise against (avradd) or send it back to
 * the remittent (aterford). Only the remittent who made it changes it, and
 * only while it is a draft or sent back; submitting needs a waiver in
 * force that names the referring organisation, or the marker that the
 * consent is taken at the VISA visit (include/consent.h). The decision is
 * the insats staff's, in their own module.
 *
 * Records are decoded by the tables here (include/db.h); strings in them
 * live in the request arena. Loaders read what the caller may see only
 * after the caller's access was checked (include/access.h).
 */
#ifndef REFERRAL_H
#define REFERRAL_H

#include <stddef.h>

#include "app.h"
#include "contact.h"
#include "edit.h"
#include "paging.h"
#include "person.h"
#include "str.h"
#include "visibility.h"

struct db_record;
struct req;

/* ---- states ---- */

enum referral_status {
	REFERRAL_UTKAST,
	REFERRAL_INSKICKAD,
	REFERRAL_VANTELISTA,
	REFERRAL_ANTAGEN,
	REFERRAL_AVRADD,
	REFERRAL_ATERFORD,
	REFERRAL_ATERKALLAD, /* withdrawn by its remittent (sql/0038) */
	REFERRAL_STATUS__MAX
};

/* The status's column value ("utkast") and Swedish label ("Utkast").
 * Static. */
const char *referral_status_name(enum referral_status);
const char *referral_status_label(enum referral_status);

/* The status named name into *out: 1, or 0 when it names none. */
int referral_status_from_name(struct str name, enum referral_status *out);

/* The status stored as name; REFERRAL_STATUS__MAX when none. */
enum referral_status referral_status_of(struct str name);

/* A stored status as the enum: APP_OK, or APP_EDB with a BUG: line logged
 * (a status the schema allows but this module does not know is a bug). */
enum app_err referral_status_decode(struct str name, enum referral_status *out);

/* The insats staff's word for a status ("Ny ansökan" for inskickad, which
 * the remittent sees as "Inskickad"); "" for none. Static. */
const char *referral_status_inbox_label(enum referral_status s);
const char *referral_status_inbox_label_of(struct str name);

/* The label of a status as stored ("" when it names none): for the
 * history rows, which keep the names. Static. */
const char *referral_status_label_of(struct str name);

/* 1 when the insats staff have decided: antagen, vantelista, avradd,
 * aterford. */
int referral_status_decided(enum referral_status);

/* Why a transition is refused. */
enum referral_refusal {
	REFERRAL_OK,
	REFERRAL_LOCKED,        /* submitted (or decided): no longer the
	                      * remittent's to change */
	REFERRAL_NO_CONSENT,    /* submitting needs the waiver or the marker */
	REFERRAL_GALLRAD,       /* gallrad: nothing may change (gallring.h) */
	REFERRAL_WITHDRAWN,     /* already withdrawn */
	REFERRAL_DECIDED,       /* admitted or advised against: too late to
	                      * withdraw */
	REFERRAL_INSATS_CLOSED, /* the insats is not running */
	REFERRAL_INSATS_NO_STAFF, /* nobody works in the insats: nobody
	                           * would read the application */
	REFERRAL_REFUSAL__MAX
};

/* The Swedish message of a refusal; NULL for REFERRAL_OK. Static. */
const char *referral_refusal_msg(enum referral_refusal);

/* May its remittent change a referral in status s (a draft, or one sent
 * back)? */
enum referral_refusal referral_may_edit(enum referral_status s);

/*
 * Save a referral in status s without submitting it: it keeps its status
 * (*to), a draft or one sent back.
 */
enum referral_refusal referral_save_draft(
    enum referral_status s, enum referral_status *to);

/* The consent rule of submitting alone: covered (a waiver in force names
 * the referring organisation) or at_visa (the consent is taken at the
 * VISA visit), else REFERRAL_NO_CONSENT. */
enum referral_refusal referral_submit_consent(int covered, int at_visa);

/*
 * Submit a referral in status s (a new one is a draft: REFERRAL_UTKAST):
 * *to becomes inskickad when it may still be changed and
 * referral_submit_consent() allows it.
 */
enum referral_refusal referral_submit(
    enum referral_status s, int covered, int at_visa, enum referral_status *to);

/*
 * Withdraw a referral in status s (its remittent, with a reason): *to
 * becomes aterkallad from a draft, a submitted one, one on the waiting
 * list or one sent back: none of these is decided for good, and the
 * inbox lists only inskickad and vantelista, so it leaves every inbox at
 * once. REFERRAL_WITHDRAWN when it already is (a second click or a
 * retry), REFERRAL_DECIDED when admitted or advised against.
 */
enum referral_refusal referral_withdraw(
    enum referral_status s, enum referral_status *to);

/* May a referral in status s be withdrawn? (referral_withdraw() says
 * REFERRAL_OK.) */
int referral_may_withdraw(enum referral_status s);

/*
 * No double participations by accident (issue 15, item 7): what another
 * referral of the same person to the same insats is, from its status and
 * its participation's status ("" when none): an ongoing participation
 * (inskriven), an open application (a draft, submitted, on the waiting
 * list or sent back: it may still become one), or neither (decided
 * against, withdrawn, or a participation that has ended). Asked by the
 * remittent's form and the insats staff's decision page alike
 * (referral_dup.h loads the rows each may see).
 */
enum referral_dup {
	REFERRAL_DUP_NONE,
	REFERRAL_DUP_APPLICATION,
	REFERRAL_DUP_PARTICIPATION,
};
enum referral_dup referral_dup_kind(
    enum referral_status other, struct str participation_status);

/*
 * Does an insats take applications (issue 15, item 9)? It must be running
 * (active: the admin's flag; the decided period is not used, as the
 * seeds' insatser keep their historical periods) and have staff assigned,
 * else REFERRAL_INSATS_CLOSED or REFERRAL_INSATS_NO_STAFF. The form offers
 * only those that do, and saving refuses the others.
 */
enum referral_refusal referral_insats_takes(int active, int staffed);

/* ---- records ---- */

/* One referral as its page shows it: SQL_REFERRAL_GET. */
struct referral {
	long long id;
	struct str status_name;
	enum referral_status status; /* from status_name */
	long long insats_id;
	struct str insats;
	long long remittent_id;
	struct str remittent, remittent_email;
	long long organisation_id; /* the referring organisation */
	struct str organisation, organisation_parent;
	struct str visa_date;          /* ÅÅÅÅ-MM-DD or "" */
	struct str sick_leave_percent; /* "25".."100" or "" */
	int employed;
	struct str employer;
	int employer_rehab;
	struct str support_time_code, support_time; /* code, label */
	struct str education_code, education;       /* code, label */
	struct str background, own_goals, needs, tried_before;
	struct str created, submitted, decided; /* ÅÅÅÅ-MM-DD HH:MM or "" */
	struct str decided_by, decision_reason, advise_against;
	struct str withdrawn, withdrawn_reason; /* "" unless aterkallad */
	long long version;
	struct person person;     /* the link */
	struct contact_record rp; /* the person as this referral records
	                           * them (referral_person) */
	int consent_at_visa;
	long long waiver_code;  /* as the statement returned it */
	enum vis_waiver waiver; /* for the caller's organisation */
};

extern const struct db_record referral_record;

/*
 * Referral id into *out (*found 0 when there is none), with the waiver
 * as it applies to r's user's organisation. Does not check access.
 */
enum app_err referral_load(
    struct req *, long long id, struct referral *out, int *found);

/* One income source of a referral. */
struct referral_income {
	struct str code, label;
};

/* One medremittent of a referral. */
struct referral_corem {
	long long organisation_id;
	struct str name, contact;
	struct str username;   /* the named account, or "" */
	struct str org;        /* the organisation's name */
	struct str org_parent; /* its parent's name, or "" */
	struct str org_label;  /* "Parent – Unit", or the name */
};

extern const struct db_record referral_income_record;
extern const struct db_record referral_corem_record;

/* *full = 1 when insats_id has no place free now: participation_insats_full()
 * (participation.h) of its places and its participants now inskriven, the
 * same occupancy the inbox shows its staff. 0 for an unknown insats. */
enum app_err referral_insats_full(struct req *, long long insats_id, int *full);

/* A referral's income sources (in code-list order) and medremittenter. */
struct referral_links {
	struct referral_income *income;
	size_t nincome;
	struct referral_corem *corem;
	size_t ncorem;
};

enum app_err referral_links_load(
    struct req *, long long id, struct referral_links *out);

/* One row of the remittent's list and search. */
struct referral_row {
	long long id;
	struct str status_name;
	enum referral_status status;
	struct str insats; /* its short name */
	struct str first_name, last_name;
	struct str visa_date, created, submitted, decided; /* ÅÅÅÅ-MM-DD */
	long long total;   /* rows the statement matched in all */
	int own, co, unit; /* how the caller reaches it */
	struct str remittent;
	long long waiver_code;
	enum vis_waiver waiver;
};

extern const struct db_record referral_row_record;

/* The most rows a list shows (the statements fetch one more, to tell). */
#define REFERRAL_LIST_MAX 500

/* The remittent list's sortable columns (paging.h): the last change (the
 * default, newest first), the name, the insats, created, submitted.
 * Not the status or the decision: a row the consent hides would give
 * its status away by where it sorts. */
enum referral_sort {
	REFERRAL_SORT_CHANGED,
	REFERRAL_SORT_NAME,
	REFERRAL_SORT_INSATS,
	REFERRAL_SORT_CREATED,
	REFERRAL_SORT_SUBMITTED,
	REFERRAL_SORT__MAX
};
extern const struct paging_sort referral_sorts[REFERRAL_SORT__MAX];

/*
 * One page (paging.h: 50 rows, in pg's order) of the referrals r's user
 * reaches as a remittent: all of them (status NULL), or those in *status
 * whose details the user may see (a status filter must not tell the
 * decision of a referral shown as existing only). *total: how many match
 * in all (0 when the page is past the end).
 */
enum app_err referral_list(struct req *, const enum referral_status *status,
    const struct paging *pg, struct referral_row **rows, size_t *n,
    long long *total);

/* The same for the referrals of one person (pnr12: twelve digits), newest
 * first. */
enum app_err referral_search(
    struct req *, struct str pnr12, struct referral_row **rows, size_t *n);

/* The ways (access.h) r's user reaches row. */
unsigned referral_row_via(const struct referral_row *row);

/* ---- choices for the form ---- */

/* An insats a remittent may refer to. */
struct referral_insats_choice {
	long long id;
	struct str name;
	int staffed; /* an active staff member is assigned to it */
};

/* An organisation or unit, with its label "Parent – Unit". */
struct referral_org_choice {
	long long id;
	struct str label;
};

/* A code of a code list. */
struct referral_code {
	struct str code, label;
	int active;
};

extern const struct db_record referral_insats_choice_record;
extern const struct db_record referral_org_choice_record;
extern const struct db_record referral_code_record;

/* The code lists of the form. */
enum referral_code_list {
	REFERRAL_CODES_EDUCATION,
	REFERRAL_CODES_INCOME,
	REFERRAL_CODES_SUPPORT_TIME,
	REFERRAL_CODES__MAX
};

/* The active individual insatser (each with staffed), and the active
 * organisations and units (each unit
 * after its parent). */
enum app_err referral_insats_choices(
    struct req *, struct referral_insats_choice **rows, size_t *n);
enum app_err referral_org_choices(
    struct req *, struct referral_org_choice **rows, size_t *n);

/* Code list which, in its order, active or not. */
enum app_err referral_codes(struct req *, enum referral_code_list which,
    struct referral_code **rows, size_t *n);

/* The label of organisation id ("" when none) and the email of staff id
 * ("" when none): the remittent's own details on a new form. */
enum app_err referral_org_label(struct req *, long long id, struct str *label);
enum app_err referral_staff_email(
    struct req *, long long staff_id, struct str *email);

/* The id of the active remittent account username (0 when none). */
enum app_err referral_remittent_by_username(
    struct req *, struct str username, long long *id);

/* ---- writing ---- */

/* A medremittent as the form gives it. */
struct referral_corem_in {
	long long organisation_id;
	long long staff_id; /* the named account, 0: none */
	struct str name, contact, username;
	struct str org_label; /* for the history */
};

#define REFERRAL_COREM_MAX 3 /* medremittent rows on the form */

/* A referral as the remittent's form gives it, checked. */
struct referral_input {
	long long insats_id;
	struct str insats_name; /* for the history */
	struct str visa_date;   /* ÅÅÅÅ-MM-DD or "" */
	struct str sick_leave;  /* "25".."100" or "" */
	int employed;
	struct str employer;
	int employer_rehab;
	struct str support_time_code, education_code; /* or "" */
	struct str background, own_goals, needs, tried_before;
	int consent_at_visa;
	struct contact_record person; /* an empty gender: see below */
	const struct str *income;     /* valid codes, in code-list order */
	size_t nincome;
	struct referral_corem_in corem[REFERRAL_COREM_MAX];
	size_t ncorem;
};

/*
 * Create a referral of person p made by r's user, a draft or submitted
 * (status: referral_save_draft() or referral_submit() of REFERRAL_UTKAST
 * said which), in one transaction with its person link, its record of the
 * person (an empty gender becomes p's default), income, medremittenter,
 * history and audit row. *id is the new referral's. The transaction is
 * the caller's (db_begin() first: it claims the form's one-time key in
 * it, once.h), who commits; on an error it is rolled back here.
 */
enum app_err referral_create(struct req *, const struct pnr *p,
    const struct referral_input *in, enum referral_status status,
    long long *id);

/*
 * Change referral id from the version the form was read at, by the
 * versioned edit (include/edit.h): under the row lock the referral must
 * still be the remittent's to change (else EDIT_REFUSED with
 * *refusal REFERRAL_LOCKED), at that version (else EDIT_STALE), and a
 * submit must still meet referral_submit() (else EDIT_REFUSED with
 * REFERRAL_NO_CONSENT: a waiver may have been revoked since the form was
 * read). An empty gender keeps the stored one. Then the referral, its
 * record of the person, income and medremittenter are saved with a
 * history row per changed field and an audit row.
 */
enum app_err referral_change(struct req *, long long id, long long version,
    const struct referral_input *in, int submit, enum edit_result *result,
    enum referral_refusal *refusal);

#endif /* !REFERRAL_H */
