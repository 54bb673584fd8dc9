/*
 * participation_edit.h: the changes of a participation, each one
 * versioned edit (include/edit.h): lock the participation, refuse what its
 * state does not allow (participation_refusal()), compare the version the
 * form was read at, write the change with a change_history row per field,
 * audit it, commit.
 *
 * The caller has validated the form and checked access; it renders what
 * the outcome says: saved (redirect), stale or busy (409, the input kept),
 * refused (409 with the reason). Strings in the inputs are borrowed.
 */
#ifndef PARTICIPATION_EDIT_H
#define PARTICIPATION_EDIT_H

#include <stddef.h>

#include "app.h"
#include "contact.h"
#include "db.h"
#include "edit.h"
#include "participation.h"
#include "str.h"

struct req;

/* SQL_PARTICIPATION_LOCK: the participation locked with its referral and
 * the insats's record of the person, and their versions. */
struct participation_lock {
	long long version;
	struct str status_name;
	int summary_sent;
	struct str personnummer;
	long long ref_version, person_version;
	int gallrad; /* the participation or its referral (gallring.h) */
};
extern const struct db_record participation_lock_record;

/*
 * The first step of every edit of participation id (an edit_ops lock,
 * edit.h): lock its row into *pl, then set lock->version and
 * ->personnummer from it and lock->refused when gallring has removed it
 * (gallring_edit_refusal()). APP_ENOTFOUND when there is no such
 * participation. The caller adds its own state rule and staleness.
 */
enum app_err participation_lock_for_edit(struct req *, long long id,
    struct participation_lock *pl, struct edit_lock *lock);

/* edit_run() of an edit of participation id with ops and state, from a
 * form read at form_version, audited on the participation as detail:
 * *result and *refused (lock.refused, static or NULL) from it. */
enum app_err participation_edit_run(struct req *, const struct edit_ops *ops,
    void *state, long long id, long long form_version, const char *detail,
    enum edit_result *result, const char **refused);

/* What a change came to. */
struct participation_outcome {
	enum edit_result result;
	const char *refused; /* EDIT_REFUSED: the Swedish reason (static) */
	int changed;         /* EDIT_SAVED: something was written */
	int retried; /* EDIT_SAVED: a stale form (SUS) whose values are all
	              * stored already, a retry: nothing written */
};

/* One activity of a new plan: what and how many hours a week. */
struct participation_plan_row {
	struct str activity;
	long long hours;
};

/*
 * Each change of participation p (as loaded for the page) from a form read
 * at version. APP_OK with *out filled, else an error with nothing written.
 */

/* The individual plan: rows replace the activities (participation_
 * check_plan() holds), their sum the hours a week. A stale form asking
 * for the plan and hours stored already is a retry (a double click):
 * EDIT_SAVED, out->retried, nothing written. */
enum app_err participation_save_plan(struct req *,
    const struct participation *p, long long version,
    const struct participation_plan_row *rows, size_t n,
    struct participation_outcome *out);

/* An extension to new_end (YYYYMMDD, participation_check_extension()
 * holds) for reason, under the form's one-time key (once.h; "" for none),
 * claimed in the transaction with location, the page the POST answers
 * with. A form whose key was used already (a resend, also one made stale
 * by its own first POST) is EDIT_SAVED, out->retried, nothing written. */
enum app_err participation_extend(struct req *, const struct participation *p,
    long long version, long long new_end, struct str reason,
    struct str once_key, const char *location,
    struct participation_outcome *out);

/* The end: its date, end reason code, occupation after ("" none) and the
 * income codes after (each once). The status follows from the reason
 * (participation_end_status()); the summary's due date from the insats. */
struct participation_end_input {
	long long date; /* YYYYMMDD */
	struct str reason, occupation;
	const struct str *income;
	size_t nincome;
};
enum app_err participation_end(struct req *, const struct participation *p,
    long long version, const struct participation_end_input *in,
    struct participation_outcome *out);

/*
 * The insats's record of the person of participation id, from a form read
 * at version: typed replaces every field, except that while the stored
 * record says protected identity an address field left empty keeps what is
 * stored (the form does not show them). *stored is the record as locked
 * (for a form sent back). A history row per changed field; the audit row
 * only when something changed.
 */
enum app_err participation_save_contact(struct req *, long long id,
    long long version, const struct contact_record *typed,
    struct participation_person *stored, struct participation_outcome *out);

/* 1 for a field the contact form does not show while the record is
 * protected (address, postal code, city, phone). */
int participation_contact_hidden(enum contact_field f);

/*
 * The SUS registration data of p from the section's form: education and
 * support time codes and the income before (on the referral), occupation
 * before (on the participation), folkbokföringskommun (on the insats's
 * record of the person). A code or kommun "" keeps what is stored; no
 * income code keeps the stored ones. The referral's and the person's
 * versions are checked with the participation's: any moved on is stale,
 * unless everything the form asks for is stored already (a retry of a
 * save made: EDIT_SAVED, out->retried, nothing written).
 * Writes only what changed (out->changed), a history row per changed
 * field (extents: "occupation_before_percent", "occupation_after_percent",
 * "income_extent" on the referral, "income_after_extent"), audited as
 * "SUS data".
 */
struct participation_extent {
	struct str code;
	long long pct; /* 0..100; -1: not recorded */
};
struct participation_sus_input {
	struct str edu, support, occupation, kommun;
	const struct str *income;
	size_t nincome;
	long long ref_version, person_version;
	/* The extents (percent of full time; -1 not recorded): each replaces
	 * what is stored. Of the occupation before, and once ended (set_after)
	 * after; of the incomes before (an income without one keeps its
	 * stored extent, a new one has none) and after (only stored codes). */
	long long occ_pct, occ_after_pct;
	int set_after;
	const struct participation_extent *ext_before, *ext_after;
	size_t next_before, next_after;
};
enum app_err participation_save_sus(struct req *, const struct participation *p,
    long long version, const struct participation_sus_input *in,
    struct participation_outcome *out);

/*
 * The participant's målgrupp: value ("" not set) replaces it; the caller
 * has checked it with target_group_refusal() (include/target_group.h).
 * The same value again writes nothing (out->changed 0); else a history row
 * "target_group", audited as "target group". Not when felregistrerad.
 */
enum app_err participation_save_target_group(struct req *,
    const struct participation *p, long long version, struct str value,
    struct participation_outcome *out);

#endif /* !PARTICIPATION_EDIT_H */
