/*
 * consent_record.h: the consent records (sql/0008_consent.sql) as typed
 * structs, each decoded from its statements by a decode table, and the
 * functions that load and store them. No rules here: include/consent.h
 * decides, these only read and write.
 *
 * Every load returns arena memory (the request's arena a): structs and
 * the strings in them live until the request ends. Errors are those of
 * db_exec() (include/db.h). Names the database keeps as ENUM strings are
 * decoded into the enums of include/consent.h as well.
 */
#ifndef CONSENT_RECORD_H
#define CONSENT_RECORD_H

#include <stddef.h>

#include "app.h"
#include "consent.h"
#include "db.h"
#include "str.h"

struct arena;

/* One consent. Which fields a load fills depends on its statement (see
 * each function); the others are zero ("" and 0). */
struct consent {
	long long id, referral_id;
	enum consent_kind kind;
	enum consent_state state;
	enum consent_answer answer;
	struct str language; /* the consent's */
	int interpreter_used;
	struct str interpreter_language;
	int obtain, disclose; /* a waiver's directions */
	struct str purpose;
	struct str valid_from, valid_until; /* YYYY-MM-DD; until "" for SUS */
	enum consent_how signed_how;        /* CONSENT_HOW__MAX unsigned */
	struct str signer_name;             /* typed on the tablet */
	struct str signature_svg;           /* drawn on the tablet */
	int signed_typed;      /* on the tablet by typed name, no drawing */
	int text_to_check;     /* its text awaits a translator's check */
	struct str paper_date; /* YYYY-MM-DD on paper */
	struct str taken_by;   /* the staff member's name */
	struct str signed_at, ended_at; /* "YYYY-MM-DD HH:MM" UTC or "" */
	long long version;
	/* The text version it pins. */
	struct str text_title, text_body, text_language;
	long long text_version;
	/* A waiver's parties: active ones and all (the list). */
	long long active_parties, all_parties;
	/* As stored, before decoding into the enums above. */
	struct str kind_name, state_name, answer_name, signed_how_name;
	struct str signed_with_name; /* "ritad", "namn" or "" */
};

/* 1 when c has been signed (on the tablet or on paper). */
int consent_is_signed(const struct consent *c);

/* One party a waiver names. */
struct consent_party {
	long long id;
	struct str name; /* "member – unit", or the insats */
	enum consent_party_state state;
	struct str revoked_at; /* "YYYY-MM-DD HH:MM" UTC or "" */
	int is_insats;
	struct str state_name;
};

/* An information category: its code and label in each participant
 * language (sv, en, ar, so, fa-AF, ti). */
struct consent_category {
	struct str code, label, label_en, label_ar, label_so, label_fa_af,
	    label_ti;
};

/* The label of category k in language (each of ours has its own, any
 * other language, or one left empty, the Swedish). Borrowed from k. */
struct str consent_category_label(
    const struct consent_category *k, struct str language);

/* One consent_event row as the consent page lists it. */
struct consent_event {
	struct str at; /* "YYYY-MM-DD HH:MM:SS" UTC */
	enum consent_event_kind event;
	struct str party; /* the party revoked alone, or "" */
	struct str staff; /* who recorded it, "" for the app */
	enum consent_how how;
	struct str reason;
	struct str event_name, how_name;
};

/* A party the prepare form offers: an organisation ('o') or the insats
 * ('i'), by id. */
struct consent_party_choice {
	struct str kind; /* "o" or "i" */
	long long id;
	struct str name;
};

/* A versioned consent text. */
struct consent_text {
	long long id;
	enum consent_kind kind;
	struct str language;
	long long version;
	struct str title, body;
	int is_current, used;
	int to_check; /* our own translation, awaiting a translator's check */
	struct str created_at; /* YYYY-MM-DD */
	struct str kind_name;
};

/* The referral as the consent pages show it. */
struct consent_referral {
	long long id;
	struct str status;
	int at_visa;               /* "consent at the VISA visit" */
	long long organisation_id; /* the referring organisation */
	struct str organisation;   /* "member – unit" */
	long long insats_id;
	struct str insats, insats_end; /* insats_end YYYY-MM-DD or "" */
	struct str personnummer, first_name, last_name;
	int protected_identity;     /* either record of the person says so */
	long long participation_id; /* 0 before admission */
	struct str participation_status, planned_end_date, end_date;
	struct str interpreter_language;
	struct str measurement; /* the insats's SUS measurement method */
	int gallrad;            /* consent_referral_lock() only (gallring.h) */
};

/*
 * One party of one candidate waiver with the waiver's facts, as the
 * coverage rule reads them (consent_rows_cover()). closed: the waiver's case has closed (the
 * application was advised against, or the participation was marked in
 * error, or it has ended with nothing more due: the summary sent, or a
 * waiver that never allowed disclosing it). org_parent: the parent of the
 * organisation asked about (0 for none), the same on every row.
 */
struct consent_cover {
	long long consent_id;
	enum consent_kind kind;
	enum consent_state state;
	struct str valid_from, valid_until;
	int disclose, closed;
	long long party_org; /* 0: the insats, or no party at all */
	int party_insats;
	enum consent_party_state party_state; /* __MAX: no party */
	long long org_parent;
	struct str kind_name, state_name, party_state_name;
};

/* One row of SQL_CONSENT_STATUS (the statement's comment says what each
 * kind puts where); consent_status_load() sorts them into their types. */
struct consent_status_row {
	long long kind, id, n1, n2, n3, n4, n5, n6;
	struct str s1, s2, s3, s4, s5, s6, s7, s8, s9, s10;
	/* The statement's order keys after kind (read, not used). */
	long long o1, o3;
	struct str o2, o4;
};
extern const struct db_record consent_status_row_record;

/*
 * A referral's consents as its status box shows them, from one statement
 * (SQL_CONSENT_STATUS). ref has id, at_visa, organisation_id,
 * organisation, personnummer, protected_identity and measurement; list
 * is every consent, newest first (as consent_list()); parties are the
 * parties of its waivers, party_consent[i] the waiver of parties[i];
 * cover the coverage rows of its active waivers (consent_rows_cover());
 * expirable the ids of active waivers that ran out or whose case closed.
 * Arrays are arena; NULL when empty.
 */
struct consent_status {
	struct consent_referral ref;
	long long org_parent; /* the referring organisation's, 0 for none */
	struct consent *list;
	size_t n;
	struct consent_party *parties;
	long long *party_consent;
	size_t nparties;
	struct consent_cover *cover;
	size_t ncover;
	long long *expirable;
	size_t nexpirable;
};

/* Load the status of referral_id as of today into *out. *found is 0 when
 * there is no such referral. Errors as db_load(). */
enum app_err consent_status_load(struct db *, struct arena *,
    long long referral_id, struct str today, struct consent_status *out,
    int *found);

/* The decode tables, for the statements in app/sql_consent.c. */
extern const struct db_record consent_record;       /* one, in full */
extern const struct db_record consent_list_record;  /* one, as listed */
extern const struct db_record consent_lock_record;  /* state, referral */
extern const struct db_record consent_given_record; /* id, state */
extern const struct db_record consent_id_record;    /* id */
extern const struct db_record consent_count_record; /* active_parties */
extern const struct db_record consent_party_record;
extern const struct db_record consent_category_record;
extern const struct db_record consent_category_choice_record;
extern const struct db_record consent_event_record;
extern const struct db_record consent_party_choice_record;
extern const struct db_record consent_text_current_record;
extern const struct db_record consent_text_language_record;
extern const struct db_record consent_text_list_record;
extern const struct db_record consent_text_record;
extern const struct db_record consent_referral_record;
extern const struct db_record consent_referral_id_record;
extern const struct db_record consent_cover_record;

/* ------------------------------------------------------------------------
 * Loading
 * --------------------------------------------------------------------- */

/* Consent id in full with its pinned text; *found 0 when there is none. */
enum app_err consent_load(struct db *, struct arena *a, long long id,
    struct consent *out, int *found);

/* Every consent of referral_id, newest first (at most 200): id, kind,
 * state, answer, language, dates, how and when signed, who took it, text
 * version, when ended, and the party counts. */
enum app_err consent_list(struct db *, struct arena *a, long long referral_id,
    struct consent **out, size_t *n);

/* Lock consent id (FOR UPDATE) and read its state, referral_id, kind and
 * version. Inside a transaction. */
enum app_err consent_lock(struct db *, struct arena *a, long long id,
    struct consent *out, int *found);

/* Lock the referral row (FOR UPDATE): every change to one referral's
 * consents takes it first. *found 0 when there is no such referral;
 * *gallrad 1 when gallring removed it (no change may follow). */
enum app_err consent_referral_lock(struct db *, struct arena *a,
    long long referral_id, int *found, int *gallrad);

/* Write referral_id's referral_guard row (sql/0065), in the open
 * transaction: every consent guard and every change to the referral's
 * consents does, so that of two on different Galera nodes that did not
 * see each other one fails certification and runs again. */
enum app_err consent_guard_touch(
    struct db *, struct arena *a, long long referral_id);

/* The parties of consent_id: organisations by member and unit, the
 * insats last. */
enum app_err consent_parties(struct db *, struct arena *a, long long consent_id,
    struct consent_party **out, size_t *n);

/* The categories consent_id names, in their order. */
enum app_err consent_categories(struct db *, struct arena *a,
    long long consent_id, struct consent_category **out, size_t *n);

/* Every category (code and Swedish label), in order: the form's choices. */
enum app_err consent_category_choices(
    struct db *, struct arena *a, struct consent_category **out, size_t *n);

/* The events of consent_id, oldest first. */
enum app_err consent_events(struct db *, struct arena *a, long long consent_id,
    struct consent_event **out, size_t *n);

/* The parties a waiver for insats_id may name: the förbund's active
 * organisations (units after their parent) and the insats. */
enum app_err consent_party_choices(struct db *, struct arena *a,
    long long insats_id, struct consent_party_choice **out, size_t *n);

/* The request's förbund's current text of kind in language (id, title,
 * body, version). */
enum app_err consent_text_current(struct db *, struct arena *a,
    enum consent_kind kind, struct str language, struct consent_text *out,
    int *found);

/* The languages kind has a current text of the request's förbund in,
 * Swedish first (language only). */
enum app_err consent_text_languages(struct db *, struct arena *a,
    enum consent_kind kind, struct consent_text **out, size_t *n);

/* The referral referral_id as the consent pages show it. */
enum app_err consent_referral_load(struct db *, struct arena *a,
    long long referral_id, struct consent_referral *out, int *found);

/* The rows consent_rows_cover() reads for referral_id and org: each party
 * of each aktiv waiver. A locking read (LOCK IN SHARE MODE). */
enum app_err consent_cover_rows(struct db *, struct arena *a,
    long long referral_id, long long org, struct consent_cover **out,
    size_t *n);

/* The waiver of referral_id given last (id and state). */
enum app_err consent_latest_given(struct db *, struct arena *a,
    long long referral_id, struct consent *out, int *found);

/* *id: the SUS consent of referral_id in force that says yes, or 0. */
enum app_err consent_sus_yes(
    struct db *, struct arena *a, long long referral_id, long long *id);

/* The aktiv waivers of referral_id past valid_until (before today) or
 * whose case has closed (id only). */
enum app_err consent_expirable(struct db *, struct arena *a,
    long long referral_id, struct str today, struct consent **out, size_t *n);

/* The other aktiv consents of kind of referral_id than except (id only),
 * locked FOR UPDATE. */
enum app_err consent_others_active(struct db *, struct arena *a,
    long long referral_id, enum consent_kind kind, long long except,
    struct consent **out, size_t *n);

/* *n: the active parties of consent_id. */
enum app_err consent_active_party_count(
    struct db *, struct arena *a, long long consent_id, long long *n);

/* Every text version of the request's förbund, by kind and language
 * (Swedish first), newest first: id, kind, language, version, title,
 * is_current, used and created_at. */
enum app_err consent_text_list(
    struct db *, struct arena *a, struct consent_text **out, size_t *n);

/* Text id in full, locked FOR UPDATE when in a transaction; not found
 * when it is another förbund's. */
enum app_err consent_text_lock(struct db *, struct arena *a, long long id,
    struct consent_text *out, int *found);

/* ------------------------------------------------------------------------
 * Storing (each one statement; the transitions in consent.c wrap them in
 * transactions)
 * --------------------------------------------------------------------- */

/* Insert d as a draft taken by staff_id; *id the new consent. Its
 * parties and categories are not written here. APP_EDB (logged as a bug)
 * when d's text is not the request's förbund's of d's kind and language,
 * or the referral's insats is another förbund's. */
enum app_err consent_insert(struct db *, struct arena *a,
    const struct consent_draft *d, long long staff_id, long long *id);

/* Name party p on consent_id. */
enum app_err consent_party_insert(struct db *, struct arena *a,
    long long consent_id, const struct consent_party_ref *p);

/* Name category code on consent_id. */
enum app_err consent_category_insert(
    struct db *, struct arena *a, long long consent_id, struct str code);

/* utkast -> aktiv with signature s; *changed 0 when it was no longer a
 * draft. */
enum app_err consent_sign_update(struct db *, struct arena *a, long long id,
    const struct consent_signing *s, int *changed);

/* The text version consent_id pins is used: frozen from now on. */
enum app_err consent_text_mark_used(
    struct db *, struct arena *a, long long consent_id);

/* from -> to (ended_at now, version moved); *changed 0 when consent id was
 * no longer in from. */
enum app_err consent_end(struct db *, struct arena *a, long long id,
    enum consent_state from, enum consent_state to, int *changed);

/* An event of consent_id: party_id (0 none), staff_id (0 the app). */
enum app_err consent_event_insert(struct db *, struct arena *a,
    long long consent_id, enum consent_event_kind event, long long party_id,
    long long staff_id, enum consent_how how, struct str reason);

/* Party party_id of consent_id: aktiv -> aterkallad; *changed 0 when it
 * was not an active party of it. */
enum app_err consent_party_revoke(struct db *, struct arena *a,
    long long consent_id, long long party_id, int *changed);

/* Every active party of consent_id -> aterkallad. */
enum app_err consent_party_revoke_all(
    struct db *, struct arena *a, long long consent_id);

/* A change that is not a state change still moves updated_at and the
 * version (the SUS export finds changed consents by it). */
enum app_err consent_touch(struct db *, struct arena *a, long long id);

/* Correct the unused text id in place. */
enum app_err consent_text_update(struct db *, struct arena *a, long long id,
    struct str title, struct str body);

/* The current text of kind in language stops being current. */
enum app_err consent_text_uncurrent(
    struct db *, struct arena *a, enum consent_kind kind, struct str language);

/* The next version of kind in language, current, by staff_id; *id it. */
enum app_err consent_text_insert(struct db *, struct arena *a,
    enum consent_kind kind, struct str language, struct str title,
    struct str body, long long staff_id, long long *id);

#endif /* !CONSENT_RECORD_H */
