/*
 * referral_decision.h: the insats staff's decision on a submitted referral
 * (ansökan): admit (anta: the participation starts), advise against
 * (avråda), send back to the referring organisation (återföra), or put it
 * on the waiting list (väntelista).
 *
 * The rules are pure functions, unit-tested in tests/unit/
 * test_participation.c: which decision each referral status allows, what
 * an admission's dates must be, when an insats is full. referral_decide()
 * makes the decision as one versioned edit (include/edit.h): the referral
 * locked, the rules and the consent rule checked under the lock, the
 * participation created (admission), the referral's status, history and
 * audit written.
 */
#ifndef REFERRAL_DECISION_H
#define REFERRAL_DECISION_H

#include <stddef.h>

#include "app.h"
#include "contact.h"
#include "db.h"
#include "edit.h"
#include "referral.h"
#include "str.h"

struct arena;
struct req;

/* enum referral_status and its names and labels: referral.h. */

/* The decisions, as the form names them (beslut=anta|avrada|...). */
enum referral_decision {
	DECISION_ANTA,
	DECISION_AVRADA,
	DECISION_ATERFOR,
	DECISION_VANTELISTA,
	DECISION__MAX
};

/* The form's names, NULL-terminated: FT_ENUM choices, index = enum. */
extern const char *const referral_decision_names[DECISION__MAX + 1];

/* The status decision d sets. */
enum referral_status referral_decision_status(enum referral_decision d);

/* 1 when a referral in status s waits for a decision (inskickad,
 * väntelista). */
int referral_open(enum referral_status s);

#define REFERRAL_MSG_DECIDED                                                   \
	"Ansökan är redan beslutad och kan inte beslutas igen. Se beslutet " \
	"nedan."
#define REFERRAL_MSG_ALREADY_WAITING "Ansökan står redan på väntelista."
#define REFERRAL_MSG_NO_CONSENT                                                 \
	"Beslutet sparades inte: ett samtycke (sekretesslättnad) som "         \
	"omfattar remittentens organisation måste registreras innan ansökan " \
	"kan beslutas."

/* May a referral in status s take decision d? NULL when it may, else the
 * Swedish reason (static): decided ones take none, one on the waiting
 * list cannot be put there again. */
const char *referral_decide_refusal(
    enum referral_status s, enum referral_decision d);

/* An admission's start (YYYYMMDD) for a referral submitted at submitted
 * ("ÅÅÅÅ-MM-DD HH:MM", "" if unknown): NULL, or the Swedish message when
 * it comes before the application did. */
const char *referral_check_start(long long start, struct str submitted);

/* An admission's planned end after start: NULL or the message. */
const char *referral_check_planned_end(long long start, long long end);

/* An insats with places ("" for no limit) and inskrivna participants: NULL
 * when a place is free, else the Swedish message (arena; static when the
 * arena is full). */
const char *referral_full_refusal(
    struct arena *, struct str places, long long inskrivna);

/* ---- records ---- */

/* A row of the inbox: a submitted or waiting referral. */
struct inbox_row {
	long long id;
	struct str status, submitted, first_name, last_name, gender;
	struct str birth_year, insats, remittent, org;
	struct str waiting_since; /* the Swedish day put on the waiting list */
};
extern const struct db_record inbox_row_record;

/* A referral as its decision page shows it (SQL_PARTICIPATION_
 * REFERRAL_GET). Strings arena. */
struct decision_referral {
	long long id;
	struct str status_name;
	long long version, insats_id;
	struct str insats, places;
	long long inskrivna, person_id;
	struct str personnummer;
	struct contact_record person;
	struct str birth_year, visa_date, sick_leave;
	int employed;
	struct str employer;
	int employer_rehab;
	struct str support_time, education, background, own_goals, needs;
	struct str tried_before, submitted, decided_at, decided_by;
	struct str decision_reason, advise_label;
	struct str remittent, remittent_org, remittent_email;
	long long org_id;            /* the referring organisation */
	int consent_at_visa;         /* consent to be taken at the VISA visit */
	struct str participation_id; /* "" until admitted */
	enum referral_status status; /* not a column */
};
extern const struct db_record decision_referral_record;

/* A medremittent of a referral. */
struct referral_coremittent {
	struct str name, org, contact;
};
extern const struct db_record referral_coremittent_record;

/* SQL_PARTICIPATION_REFERRAL_LOCK and _INSATS_LOCK. */
struct referral_lock {
	struct str status;
	long long version;
	struct str decision_reason, advise_code;
	int gallrad; /* gallring.h: no change any more */
};
extern const struct db_record referral_lock_record;
struct insats_occupancy {
	struct str places;
	long long inskrivna;
};
extern const struct db_record insats_occupancy_record;

/* The submitted and waiting referrals of staff_id's insatser, oldest
 * first. Arena. */
enum app_err referral_inbox(
    struct req *, long long staff_id, struct inbox_row **rows, size_t *n);

/* The referrals an inbox page shows: the oldest ten, with a link to the
 * next ten (issue 19: the page's cost does not grow with the inbox, as
 * the participation page's latest 10 reads with a link to the rest). */
#define INBOX_ROWS 10

/* The inbox in one statement (SQL_PARTICIPATION_INBOX_PAGE): the
 * caller's active insatser with their occupancy (kind 0, by name), one
 * page of the submitted and waiting referrals (kind 1, oldest first;
 * total: all of them), then per overdue kind (kind 2; ref.id: the enum
 * overdue_kind) how many participations are late in it (total; a kind
 * may come in more than one row, to be added up). */
struct inbox_page_row {
	long long kind;       /* 0: an insats, 1: a referral, 2: late */
	struct inbox_row ref; /* kind 1; for kind 0 id and insats (its name) */
	struct str places;    /* kind 0: "" for no limit */
	long long inskrivna;  /* kind 0 */
	long long total;      /* kind 1: every referral; kind 2: the count */
};
extern const struct db_record inbox_page_row_record;

/* The inbox of staff_id, its referrals after referral after in the
 * inbox's order (0: from the first; none when after is not of the
 * caller's insatser), INBOX_ROWS of them and one more, late as of today
 * (YYYYMMDD): rows as above. Arena. */
enum app_err referral_inbox_page(struct req *, long long staff_id,
    long long after, long long today, struct inbox_page_row **rows, size_t *n);

/* Referral id into *out (status decoded). *found 0: none. No access check:
 * the caller asks access_referral(). */
enum app_err referral_decision_load(
    struct req *, long long id, struct decision_referral *out, int *found);

/* The referral's income sources when referred and its medremittenter.
 * Arena. */
struct participation_income;
enum app_err referral_decision_lists(struct req *, long long id,
    struct participation_income **income, size_t *nincome,
    struct referral_coremittent **corem, size_t *ncorem);

/* ---- the decision ---- */

/* What was decided, from the form (already validated). */
struct referral_decision_input {
	enum referral_decision decision;
	long long version; /* the referral's, as the form was read */
	/* DECISION_ANTA: */
	long long start, planned_end; /* YYYYMMDD */
	long long contact_id, hours;
	struct str occupation; /* occupation before, "" for none */
	/* DECISION_AVRADA, DECISION_ATERFOR: */
	struct str reason;
	struct str advise_code; /* DECISION_AVRADA */
	/* The form's one-time key (once.h), "" for none: claimed under the
	 * referral's lock, before any rule is asked. */
	struct str once_key;
};

/* Why a decision was refused. */
enum decision_refusal {
	DECISION_REFUSE_STATE,   /* referral_decide_refusal() */
	DECISION_REFUSE_CONSENT, /* no waiver covers the referring organisation */
	DECISION_REFUSE_FULL,    /* admission: no place left */
};

struct referral_decision_outcome {
	enum edit_result result;
	enum decision_refusal why;  /* EDIT_REFUSED */
	const char *refused;        /* EDIT_REFUSED: the Swedish reason */
	long long participation_id; /* EDIT_SAVED, DECISION_ANTA */
	/* EDIT_SAVED: where the POST answers (arena; referral_decision_
	 * location(), or the first POST's for a repeat: "" when it stored
	 * none). repeat: an earlier POST with once_key made the decision;
	 * nothing was written, nor audited. */
	struct str location;
	int repeat;
};

/* Where a decision's POST answers: the participation an admission
 * created, else the referral in the inbox. Arena; NULL when memory ran
 * out. */
struct arena;
const char *referral_decision_location(struct arena *, enum referral_decision,
    long long referral_id, long long participation_id);

/*
 * Decide referral ref (as loaded for the page) as in says. Every decision
 * needs a waiver in force covering the referring organisation, checked
 * under the lock; an admission needs a free place, and creates the
 * participation (status inskriven) with the insats's own record of the
 * person copied from the referral's. Under in->once_key a second POST (a
 * resend, or its twin waiting for the lock) is out->repeat and writes
 * nothing. APP_OK with *out filled; an error with nothing written.
 */
enum app_err referral_decide(struct req *, const struct decision_referral *ref,
    const struct referral_decision_input *in,
    struct referral_decision_outcome *out);

#endif /* !REFERRAL_DECISION_H */
