/*
 * consent.h: the consent domain (DOMAIN.md "Consent"): its states and
 * their labels, the rules every page asks, and the transitions.
 *
 * Two kinds per referral (and so per participation): the secrecy waiver
 * (sekretesslättnad) naming parties, categories and a period, and the SUS
 * consent (yes or no). sql/0008_consent.sql documents the states; the
 * records themselves (structs, decode tables, loading and storing) are in
 * include/consent_record.h.
 *
 * The rules, asked at the moment of an action, never cached from a page:
 *   - a waiver is *in force* when it is aktiv, today is within valid_from ..
 *     valid_until, its case has not closed (consent_record.h says when)
 *     and the insats itself is still an active party;
 *   - it *covers* an organisation when it is in force and one of its active
 *     parties is that organisation or its parent member (a member named as
 *     a party covers its units);
 *   - submitting an application needs a waiver covering the referring
 *     organisation, or the marker "consent at the VISA visit"; a decision
 *     on it needs the waiver (whatever the marker);
 *   - the summary may go to the remittent only under a covering waiver
 *     that allows disclosure;
 *   - the remittent side sees an application's details only while the
 *     latest given waiver still names their organisation (in force or
 *     expired); after a revocation they see only that it exists. Before
 *     any waiver is given they see what they wrote themselves (decided,
 *     with the rest of who sees what, in include/visibility.h).
 *
 * The pure rules (no I/O) are unit-tested in tests/unit/test_consent.c.
 */
#ifndef CONSENT_H
#define CONSENT_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct consent;
struct consent_cover;
struct consent_party;
struct consent_referral;
struct consent_text;
struct req;
struct view_ctx;

/* ------------------------------------------------------------------------
 * States and their labels. Each enum's names are the database's ENUM
 * values (sql/0008_consent.sql); x_from_name() gives x__MAX for a name it
 * does not know (and for "", e.g. a NULL column).
 * --------------------------------------------------------------------- */

enum consent_kind {
	CONSENT_SEKRETESS, /* the secrecy waiver */
	CONSENT_SUS,       /* the SUS consent */
	CONSENT_KIND__MAX
};

enum consent_state {
	CONSENT_UTKAST,     /* prepared by staff, not yet signed */
	CONSENT_AKTIV,      /* given */
	CONSENT_ATERKALLAD, /* revoked (or replaced by a newer one) */
	CONSENT_UTGANGEN,   /* its period or its case ended */
	CONSENT_FELAKTIG,   /* entered in error */
	CONSENT_STATE__MAX
};

enum consent_party_state {
	CONSENT_PARTY_AKTIV,
	CONSENT_PARTY_ATERKALLAD,
	CONSENT_PARTY_STATE__MAX
};

/* The participant's answer: a SUS consent's yes or no; a waiver's is yes. */
enum consent_answer { CONSENT_JA, CONSENT_NEJ, CONSENT_ANSWER__MAX };

/* What a consent_event row records. */
enum consent_event_kind {
	CONSENT_EV_FORBERETT,  /* prepared */
	CONSENT_EV_GIVET,      /* signed */
	CONSENT_EV_ANDRAT,     /* one party revoked */
	CONSENT_EV_ATERKALLAT, /* revoked (how "system": replaced) */
	CONSENT_EV_UTGANGET,   /* expired */
	CONSENT_EV_FELAKTIGT,  /* marked in error */
	CONSENT_EV__MAX
};

/* How it happened: a consent's signed_how is one of the first two, an
 * event's how any of them. */
enum consent_how {
	CONSENT_HOW_SURFPLATTA, /* by the participant on the tablet */
	CONSENT_HOW_PAPPER,     /* a signed paper */
	CONSENT_HOW_MUNTLIGT,   /* told orally (a revocation) */
	CONSENT_HOW_SKRIFTLIGT, /* in writing (a revocation) */
	CONSENT_HOW_PERSONAL,   /* staff on their own finding (in error) */
	CONSENT_HOW_SYSTEM,     /* the app itself (expiry, replacement) */
	CONSENT_HOW__MAX
};

/* The database names and Swedish labels. All static; "" for __MAX. */
const char *consent_kind_name(enum consent_kind);
const char *consent_kind_label(enum consent_kind); /* "Sekretesslättnad" */
enum consent_kind consent_kind_from_name(struct str);

const char *consent_state_name(enum consent_state);
const char *consent_state_label(enum consent_state); /* "Gäller", ... */
enum consent_state consent_state_from_name(struct str);

const char *consent_party_state_name(enum consent_party_state);
enum consent_party_state consent_party_state_from_name(struct str);

const char *consent_answer_name(enum consent_answer);
enum consent_answer consent_answer_from_name(struct str);

const char *consent_event_name(enum consent_event_kind);
/* As the consent page lists it; an "aterkallat" by "system" is a
 * replacement by a newer consent and says so. */
const char *consent_event_label(enum consent_event_kind, enum consent_how);
enum consent_event_kind consent_event_from_name(struct str);

const char *consent_how_name(enum consent_how);
const char *consent_how_label(enum consent_how); /* "på surfplattan", ... */
enum consent_how consent_how_from_name(struct str);

/* ------------------------------------------------------------------------
 * The rules (pure)
 * --------------------------------------------------------------------- */

/* The transitions of a consent. */
enum consent_action {
	CONSENT_DO_SIGN,       /* utkast -> aktiv */
	CONSENT_DO_REVOKE,     /* -> aterkallad, or one party of it */
	CONSENT_DO_MARK_ERROR, /* -> felaktig */
	CONSENT_DO_EXPIRE,     /* -> utgangen (a waiver) */
	CONSENT_DO_REPLACE,    /* -> aterkallad by a newer one of its kind */
	CONSENT_ACTION__MAX
};

/* 1 when a consent in state may take action. An expired waiver can still
 * be revoked: it decides what the remittent side may still see. */
int consent_state_allows(enum consent_state, enum consent_action);

/* Why an action is refused; CONSENT_OK when it is not. */
enum consent_refusal {
	CONSENT_OK,
	CONSENT_R_NOT_TAKER,         /* only the remittent and insats staff */
	CONSENT_R_NOTHING_TO_SIGN,   /* handover: no longer a draft */
	CONSENT_R_SIGNED,            /* signing: no longer a draft */
	CONSENT_R_TOO_LATE,          /* signing: the waiver's last day passed */
	CONSENT_R_NOT_REVOCABLE,     /* revoking: revoked or ended already */
	CONSENT_R_PARTY_GONE,        /* revoking a party: not an active one */
	CONSENT_R_NOTHING_TO_REVOKE, /* handover: nothing of the referral */
	CONSENT_R_ENDED,             /* marking in error: ended already */
	CONSENT_R_TEXT_OLD,          /* editing a text: not the current one */
	CONSENT_R_GALLRAD,           /* the referral was gallrad (gallring.h) */
	CONSENT_REFUSAL__MAX
};

/* The refusal as the staff read it (Swedish); NULL for CONSENT_OK. */
const char *consent_refusal_text(enum consent_refusal);

/* A YYYY-MM-DD date as the number YYYYMMDD (as FT_DATE fields give
 * them), 0 when it is empty or malformed. */
long long consent_ymd(struct str date);

/*
 * Why a waiver's period from .. until (YYYYMMDD; from 0 when not known)
 * cannot be taken today: it ends before it starts or has ended, or goes
 * past the insats's end or the participation's (each 0 when there is
 * none). A Swedish message, or NULL when it can.
 */
const char *consent_period_error(long long from, long long until,
    long long today, long long insats_end, long long participation_end);

/* Why the date on a signed paper (YYYYMMDD) cannot be taken today: it is
 * later than today. A Swedish message, or NULL. */
const char *consent_paper_date_error(long long paper, long long today);

/* 1 when c is a draft waiver whose last day is before today (YYYY-MM-DD):
 * it can no longer be signed. */
int consent_too_late(const struct consent *c, struct str today);

/* 1 when c is an active waiver that is to end now: its last day is
 * before today (YYYY-MM-DD), or its case has closed (closed: as
 * CONSENT_SQL_CLOSED read it). SQL_CONSENT_EXPIRABLE's rule, for the
 * consents the status box has read already. */
int consent_runs_out(const struct consent *c, int closed, struct str today);

/* May c be signed today? CONSENT_R_SIGNED or CONSENT_R_TOO_LATE if not. */
enum consent_refusal consent_sign_refusal(
    const struct consent *c, struct str today);

/* Taking a consent (prepare, sign, hand over for signing, mark in error)
 * is for the remittent who applied and the insats staff: via is how the
 * user reaches the referral (include/access.h). */
int consent_may_take(unsigned via);

/* What a handover is for: the participant signs, or revokes. */
enum consent_handover { CONSENT_HANDOVER_SIGN, CONSENT_HANDOVER_REVOKE };

/* May c be handed over for what, by a user reaching it via, today? For a
 * revocation, revocable says whether the referral has any consent to
 * revoke (consent_revocable()). */
enum consent_refusal consent_handover_refusal(const struct consent *c,
    unsigned via, enum consent_handover what, int revocable, struct str today);

/* 1 when a party in state st naming organisation party_org (0: the
 * insats) names org: it is active and is org, or org_parent (a member
 * named as a party covers its units; org_parent 0 when org has none). */
int consent_names_org(enum consent_party_state st, long long party_org,
    long long org, long long org_parent);

/*
 * The coverage rule over rows (struct consent_cover, consent_record.h:
 * each party of each candidate waiver with the waiver's facts): 1 when a
 * waiver names org (consent_names_org()) that is in force today: a waiver,
 * aktiv, valid_from <= today <= valid_until, its case not closed, and the
 * insats itself still an active party (without it the insats may exchange
 * nothing with anyone); with need_disclose, it must allow disclosure.
 */
int consent_rows_cover(const struct consent_cover *rows, size_t n,
    struct str today, long long org, long long org_parent, int need_disclose);

/*
 * The one revocation a participant's choice on the tablet names, among
 * what the referral has to revoke (consent_revocable(): waiver and sus, 0
 * for none) and the waiver's parties: consent want, as a whole (party 0;
 * the SUS consent has no parties) or for one of the waiver's active
 * parties (party > 0; -1 names none). Returns the consent it revokes, 0
 * when it is not one of the choices; *index is the party's in parties.
 */
long long consent_revoke_choice(long long waiver, long long sus,
    const struct consent_party *parties, size_t n, long long want,
    long long party, size_t *index);

/* The consent of kind to show in the status box among list (newest
 * first): the one in force, else the newest given one (drafts and those
 * marked in error say nothing of the state). Its index, or -1. */
long consent_pick(const struct consent *list, size_t n, enum consent_kind kind);

/* ------------------------------------------------------------------------
 * The rules asked of the database, at the moment of an action
 * --------------------------------------------------------------------- */

/* Today as YYYY-MM-DD in the request arena: the date every rule uses. */
struct str consent_today(struct req *);

/* Write expiry back: each aktiv waiver of referral_id that is no longer in
 * force by date or case becomes utgangen with an event and an audit row.
 * Readers do not depend on it (the rules check dates themselves); it keeps
 * the stored state and history honest. Runs in the caller's transaction
 * if any, else in its own. */
enum app_err consent_expire(struct req *, long long referral_id);

/* *covered = 1 when a waiver of referral_id in force names org_id (or its
 * parent) as an active party, and, with need_disclose, allows disclosure.
 * A locking read: inside a guard's transaction a revocation waits for
 * the guarded action to commit, never slips between. Inside a transaction
 * it also writes the referral's guard row (consent_guard_touch()), as
 * every consent change does: on a Galera cluster, where each node's locks
 * are its own, the second of the two to commit fails certification and
 * its request runs again. */
enum app_err consent_covers(struct req *, long long referral_id,
    long long org_id, int need_disclose, int *covered);

/* *visible = 1 when the remittent side from org_id, reaching referral_id
 * through via (access.h), may see its details: the rule above, decided
 * where every page decides what a caller sees (access_details_visible(),
 * include/visibility.h). */
enum app_err consent_details_visible(struct req *, long long referral_id,
    long long org_id, unsigned via, int *visible);

/*
 * The consents of referral_id the participant may revoke, each on its own
 * (0 when there is none): *waiver the secrecy waiver given last, while it
 * is aktiv or utgangen (revoking an expired one still ends what the
 * remittent side sees); *sus the SUS consent in force that says yes (a
 * "no" has nothing to revoke). The tablet's revocation page offers exactly
 * these, whichever of the two consents was handed over.
 */
enum app_err consent_revocable(
    struct req *, long long referral_id, long long *waiver, long long *sus);

/*
 * Bind the consent summary of referral_id for the partial
 * "samtycke_status" into ctx: consent_referral_id (for the link), the
 * waiver's state and label, its parties with their state, the SUS
 * consent's state, whether the referring organisation is covered, and the
 * VISA marker. via is how the caller reaches the referral (access.h, as
 * the handler's access check found it): only ACCESS_INSATS is told whether
 * a SUS "yes" is reported with the personnummer, which depends on the
 * insats's record of the person. Writes expiry back first
 * (consent_expire()). Reads no personal data beyond consent metadata. One
 * statement (two when a waiver ran out). facts, when not NULL, gets what
 * the box decided about coverage, for a page that asks it too (not a
 * guard: a change that needs the waiver asks consent_covers() under its
 * lock).
 */
/* What consent_bind_status() found, for a page that needs more of it. */
struct consent_status_facts {
	int covered;          /* a waiver in force covers the referring
	                       * organisation (consent_covers(..., 0)) */
	int disclose_covered; /* ... and allows disclosing to it
	                       * (consent_covers(..., 1)) */
};

enum app_err consent_bind_status(struct req *, struct view_ctx *,
    long long referral_id, unsigned via, struct consent_status_facts *facts);

/* ------------------------------------------------------------------------
 * The transitions. Each is one transaction that first locks the referral
 * row (so two tablets signing at once, or a signing and a revocation, run
 * one after the other instead of deadlocking on each other's consent
 * rows), writes its consent_event rows and an access-log row, and either
 * commits or changes nothing. A refusal is not an error: APP_OK with
 * *refused set and nothing written. On the tablet the events name the
 * staff member who handed it over, with how "surfplatta".
 * --------------------------------------------------------------------- */

/* A party to name: an organisation or the insats (the other 0). */
struct consent_party_ref {
	long long organisation_id, insats_id;
};

/* What a new consent says (the prepare form's values). */
struct consent_draft {
	long long referral_id;
	enum consent_kind kind;
	long long text_id;   /* the current text version shown */
	struct str language; /* its language */
	int interpreter_used;
	struct str interpreter_language;         /* "" without an interpreter */
	int obtain, disclose;                    /* a waiver's directions */
	struct str purpose;                      /* a waiver's; "" for SUS */
	struct str valid_from, valid_until;      /* valid_until "" for SUS */
	const struct consent_party_ref *parties; /* a waiver's, in order */
	size_t nparties;
	const struct str *categories; /* a waiver's category codes */
	size_t ncategories;
	/* Signed on paper at once (how CONSENT_HOW_PAPPER, paper_date and
	 * answer), else prepared for the tablet (CONSENT_HOW_SURFPLATTA). */
	enum consent_how how;
	struct str paper_date;
	enum consent_answer answer;
};

/* Prepare d (repeated parties and categories once each), pinning its
 * text; with how papper, sign it in the same transaction. *id is the new
 * consent. pnr is for the access log. The transaction is the caller's
 * (db_begin() first: it claims the form's one-time key in it, once.h),
 * who commits; on an error it is rolled back here. */
enum app_err consent_prepare(
    struct req *, const struct consent_draft *d, struct str pnr, long long *id);

/* What a signature carries. */
struct consent_signing {
	enum consent_how how; /* surfplatta or papper */
	struct str signer;    /* the name typed on the tablet ("" on paper) */
	struct str signature; /* SVG path data (tablet), "" on paper */
	int typed; /* tablet: signed by the typed full name, no drawing */
	struct str paper_date; /* paper: the date on it */
	enum consent_answer answer;
};

/* Sign c (utkast -> aktiv): the text it shows is frozen, an earlier
 * consent of its kind in force is replaced. *refused CONSENT_R_SIGNED
 * when it is no longer a draft. */
enum app_err consent_sign(struct req *, const struct consent *c,
    const struct consent_signing *s, struct str pnr,
    enum consent_refusal *refused);

/* Revoke consent id of referral_id: one party (party > 0), or the whole
 * of it (party 0; also when the last party goes). how and reason for the
 * event. Another consent of the referral is never touched: the waiver and
 * the SUS consent are revoked each on its own. *refused
 * CONSENT_R_NOT_REVOCABLE or CONSENT_R_PARTY_GONE. */
enum app_err consent_revoke(struct req *, long long id, long long referral_id,
    long long party, enum consent_how how, struct str reason, struct str pnr,
    enum consent_refusal *refused);

/* Mark consent id of referral_id in error (a draft or a given one), with
 * the staff's reason. *refused CONSENT_R_ENDED when it had ended. */
enum app_err consent_mark_error(struct req *, long long id,
    long long referral_id, struct str reason, struct str pnr,
    enum consent_refusal *refused);

/*
 * The versioned texts (admin), each förbund's own (sql/0073): the
 * request's förbund's only, another förbund's text id is not found
 * (APP_ENOTFOUND from the page). A text a consent has pinned is never
 * changed: saving it makes the next version, which new consents get from
 * then on; a text no consent has used yet is corrected in place. Only the
 * current version of a kind and language is edited (*refused
 * CONSENT_R_TEXT_OLD otherwise). *t is the text as locked (zero when it
 * is gone), for a form sent back.
 */
enum app_err consent_text_save(struct req *, long long id, struct str title,
    struct str body, struct consent_text *t, enum consent_refusal *refused);

/* A new text of kind in language: the next version, current from now.
 * Runs in the caller's transaction (with the form's one-time key);
 * *id is the new text's. */
enum app_err consent_text_add(struct req *, enum consent_kind kind,
    struct str language, struct str title, struct str body, long long *id);

#endif /* !CONSENT_H */
