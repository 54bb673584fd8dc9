/*
 * summary.h: the sammanfattande dokumentation, the summary the insats
 * sends back to the remittent after the end, as a document with versions
 * (table participation_summary, migration 0040).
 *
 * The rules (pure, unit-tested in tests/unit/test_summary.c):
 *   - it is written only after the end (status avslutad); never for an
 *     erroneous registration, never for a gallrad participation;
 *   - a version is a draft (utkast) saved any number of times, then sent
 *     (skickad); sending needs the required parts (what was done, the
 *     result, the participant's own view, the next step and who does it;
 *     by when and the free text may stay empty) and a secrecy waiver in
 *     force that covers the referring organisation, allows disclosure and
 *     names planering (summary_may_send(), checked under the lock);
 *   - once sent a version is frozen; a correction starts a new version, a
 *     draft pre-filled from the sent one, and sending it supersedes the
 *     earlier one, which stays readable;
 *   - it is due participation_summary_due() after the end (21 days unless
 *     the insats sets summary_due_days): the one rule, stored as
 *     participation.summary_due_date at the end;
 *   - participation.summary_sent_at is the time of the first send after
 *     the end, set in the same transaction, never moved by a later
 *     version; a reopening clears it (a new summary is due after the new
 *     end) while the versions stay.
 *
 * A save or send is one edit_run() (edit.h): lock the participation and
 * its latest version, decide with summary_decide(), write the version
 * with a change_history row per changed part (record_type participation,
 * fields summary_*) and an audit row, commit. A retry (the same form sent
 * again after it went through) answers as the first and writes nothing.
 */
#ifndef SUMMARY_H
#define SUMMARY_H

#include <stddef.h>

#include "app.h"
#include "db.h"
#include "edit.h"
#include "participation.h"
#include "str.h"
#include "visibility.h"

struct arena;
struct req;

/* ---- states ---- */

/* participation_summary.state */
enum summary_state { SUMMARY_UTKAST, SUMMARY_SKICKAD, SUMMARY_STATE__MAX };

/* "utkast", "skickad"; NULL out of range. Static. */
const char *summary_state_name(enum summary_state);
/* SUMMARY_STATE__MAX for a name it does not know. */
enum summary_state summary_state_from_name(struct str);
/* A version's label: "Utkast", "Skickad", or for a sent one a later sent
 * version superseded "Ersatt av en senare version". Static. */
const char *summary_version_label(enum summary_state, int superseded);

/* ---- the parts ---- */

enum summary_part {
	SP_DONE,      /* gjort: what was done */
	SP_RESULT,    /* resultat: the result */
	SP_OWN_VIEW,  /* egen_syn: the participant's own view */
	SP_NEXT_STEP, /* nasta_steg: the recommended next step */
	SP_NEXT_WHO,  /* vem: who does it */
	SP_NEXT_BY,   /* senast: by when, ÅÅÅÅ-MM-DD, may be empty */
	SP_FREE,      /* fritext */
	SP__MAX
};

/* The form keys ("gjort", ...). Static. */
extern const char *const summary_part_keys[SP__MAX];
/* The Swedish label ("Vad som gjorts", ...). Static. */
const char *summary_part_label(enum summary_part);
/* The change_history field ("summary_done", ...). Static. */
const char *summary_part_field(enum summary_part);
/* 1 when sending needs part non-empty. */
int summary_part_required(enum summary_part);

/* The required parts of parts that are empty, as a bit set (1u << part);
 * 0 when it may be sent. */
unsigned summary_missing(const struct str parts[SP__MAX]);

#define SUMMARY_MSG_REQUIRED "Fyll i det här innan sammanfattningen skickas."
#define SUMMARY_MSG_NOT_ENDED                                                  \
	"Sammanfattningen skrivs när deltagandet är avslutat."
#define SUMMARY_MSG_FELREG                                                     \
	"Deltagandet är felregistrerat: ingen sammanfattning skrivs."
#define SUMMARY_MSG_FROZEN                                                     \
	"Den här versionen är redan skickad och kan inte ändras. Det du "   \
	"skrev finns kvar nedan; spara det som en rättelse (en ny version)."
#define SUMMARY_MSG_NO_CONSENT                                                 \
	"Sammanfattningen skickades inte: det finns inget gällande samtycke " \
	"(sekretesslättnad) som omfattar remittentens organisation och "      \
	"tillåter att uppgifter lämnas till den och omfattar Planering och " \
	"insatser (annars kan remittenten inte läsa den). Utkastet är inte " \
	"ändrat."

/* *ok = 1 when the summary of p may go to its remittent now: a waiver in
 * force names the remittent's organisation and allows disclosure
 * (consent_covers(), a locking read) and names the category planering,
 * without which the remittent could not read it (VIS_FOLLOW,
 * visibility.h). The one check of the send and of the summary page's
 * warning (the participation page warns early only of a waiver without
 * disclosure, consent_bind_status()). */
enum app_err summary_may_send(
    struct req *, const struct participation *p, int *ok);

/* May a summary be written (saved or sent) for a participation in status
 * s? NULL when it may (avslutad), else the Swedish reason. Static. */
const char *summary_write_refusal(enum participation_status s);

/* ---- a save or a send against what is stored ---- */

enum summary_action { SUMMARY_SAVE, SUMMARY_SEND };

/* The latest version as locked: number 0 when there is none. */
struct summary_head {
	long long version_no;
	enum summary_state state;
	long long version; /* its row version */
};

enum summary_verdict {
	SV_CREATE, /* a new version (number latest + 1) */
	SV_UPDATE, /* the draft the form edits */
	SV_RETRY,  /* what the form asks is done already: write nothing */
	SV_STALE,  /* it moved on since the form was read: 409, input kept */
	SV_FROZEN, /* the version the form edits was sent: refused */
};

/*
 * The decision for a form showing version form_no (a draft: its number,
 * with its row version form_version; a new version: the number it
 * corrects, 0 for the first, with form_version 0), given the latest
 * version (latest->version_no 0: none), whether the form's one-time key
 * already made a version (key_found), and whether the typed parts equal
 * the latest's (same):
 *   - key_found: RETRY;
 *   - a new version: CREATE on top of the latest sent one it names (or of
 *     none), else STALE;
 *   - a draft: UPDATE at its row version, or at any when nothing typed
 *     differs (a resend after a save); RETRY for a save with nothing
 *     typed different; sent meanwhile: RETRY when it is this form's send
 *     come again (action send, same), else FROZEN; another version since:
 *     STALE.
 */
enum summary_verdict summary_decide(const struct summary_head *latest,
    long long form_no, long long form_version, int key_found, int same,
    enum summary_action action);

/*
 * Does the remittent side see the summary of a referral? The one call
 * site for the remittent's reading page: roles and via (the remittent
 * ways only) of the caller, the waiver as it applies to their
 * organisation, the referral's protected-identity flag and the waiver's
 * scope (enum vis_scope, referral_follow_head()): the summary is part of
 * the participation's course the remittent follows (VIS_FOLLOW), so the
 * application page's link and this page agree.
 */
int summary_visible_to_remittent(unsigned roles, unsigned via,
    enum vis_waiver w, int protected_, unsigned scope);

/* ---- records ---- */

/* One version as stored. Strings arena. */
struct summary_record {
	long long id, version_no, version;
	struct str state;
	struct str parts[SP__MAX];
	struct str written_by, sent_by; /* display names, "" */
	struct str sent_at;             /* "ÅÅÅÅ-MM-DD HH:MM" UTC, "" */
	int superseded;                 /* a later version was sent */
};
extern const struct db_record summary_record_record;

/* Every version of participation_id, the newest first (at most 100).
 * Arena. No access check: the caller has one. */
enum app_err summary_list(struct req *, long long participation_id,
    struct summary_record **rows, size_t *n);

/* The sent versions only, newest first. */
enum app_err summary_list_sent(struct req *, long long participation_id,
    struct summary_record **rows, size_t *n);

/* A save or a send of participation p (the caller is its insats staff,
 * pv_load()). parts are the typed values (borrowed), SP_NEXT_BY ""
 * or a valid date; the caller has refused a send with missing parts. */
struct summary_input {
	struct str parts[SP__MAX];
	enum summary_action action;
	long long form_no, form_version;
	struct str key; /* the new version's one-time key, "" none */
};

struct summary_outcome {
	enum edit_result result;
	enum summary_verdict verdict;
	int changed;         /* EDIT_SAVED: something was written */
	const char *refused; /* EDIT_REFUSED: the Swedish reason */
	int no_consent;      /* EDIT_REFUSED for want of a waiver */
};

enum app_err summary_save(struct req *, const struct participation *p,
    const struct summary_input *, struct summary_outcome *out);

/* The participation of referral_id (participation_id 0: none), whether
 * it has a sent summary, and the förbund's name (for the heading). Arena.
 * APP_ENOTFOUND when there is no such referral. */
struct summary_of_ref;
enum app_err summary_of_referral(
    struct req *, long long referral_id, struct summary_of_ref *out);

#endif /* !SUMMARY_H */
