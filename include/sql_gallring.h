/*
 * sql_gallring.h: the statements of gallring (app/gallring_cli.c) and of
 * /admin/gallring (app/page_admin_gallring.c). Parameters in brackets,
 * result columns after the arrow; dates "ÅÅÅÅ-MM-DD". "keep" is a rule's
 * keep_days: a record is a candidate when its clock + keep < today (UTC),
 * the same test as gallring_past(), which the command runs again on every
 * candidate before it changes anything.
 *
 * Every statement on gallring_rule, and every one that finds what a rule
 * removes, is of the förbund set on the handle (":forbund", db_scope.h):
 * each förbund's records go by its own rules. The SQL_GR_NONE_* ones find
 * the rows of no förbund, which go by the rules of the installation's
 * first active förbund (gallring_run.h).
 */
#ifndef SQL_GALLRING_H
#define SQL_GALLRING_H

#include "db.h"

/* SQL_GR_RULES: one rule as stored. */
struct gallring_rule_row {
	struct str code, clock;
	long long keep_days, version;
	struct str updated_at, updated_by; /* "" when never changed */
};
extern const struct db_record gallring_rule_row_record;

/* The *_PAGE and *_LOCK statements: one candidate. */
struct gallring_cand {
	long long id;
	struct str status; /* the record's status or state */
	struct str clock;  /* the day its clock started, "" when none */
	long long referral_id, person_id; /* 0 when not applicable */
	int has_participation;
};
extern const struct db_record gallring_cand_record;

/* SQL_GR_FORBUNDS: a förbund, whose records go by its own rules. */
struct gallring_forbund {
	long long id;
	struct str short_name;
	int sole;         /* the installation's only active förbund: the one
	                     `stegvis sus-export` serves without --forbund */
	int installation; /* the installation's first active förbund (the
	                     first of all when none is): the rows of no
	                     förbund go by its rules */
};
extern const struct db_record gallring_forbund_record;

/* A single count or a single string. */
struct gallring_n {
	long long n;
};
extern const struct db_record gallring_n_record;
struct gallring_s {
	struct str s;
};
extern const struct db_record gallring_s_record;

/* Candidates come in pages of this many, by id. */
#define GALLRING_PAGE     100
#define GALLRING_PAGE_SQL "100"
/* Bulk deletes remove at most this many rows per statement. */
#define GALLRING_BULK     500

enum sql_gallring {
	/* () -> s: today, UTC */
	SQL_GR_TODAY,
	/* () -> code, clock, keep_days, version, updated_at, updated_by */
	SQL_GR_RULES,
	/* (keep_days, staff id, code, version): 0 rows when stale */
	SQL_GR_RULE_SET,
	/* (referral id, username, object type, object id, personnummer,
	 * request id, detail): an audit row of the command, action update,
	 * of the referral's förbund */
	SQL_GR_AUDIT,

	/* deltagande: (keep, after id) -> candidates */
	SQL_GR_PART_PAGE,
	/* (id) -> the candidate, locked, when not yet gallrad */
	SQL_GR_PART_LOCK,
	/* (id) each */
	SQL_GR_PART_ANON,
	SQL_GR_PART_PERSON_ANON,
	SQL_GR_PART_ACTIVITY_DEL,
	SQL_GR_PART_EXTENSION_DEL,
	SQL_GR_PART_MIDTERM_DEL,
	SQL_GR_PART_SUMMARY_DEL, /* the summary's versions (0040) */
	SQL_GR_PART_SUS_ANSWER_DEL,
	SQL_GR_PART_HISTORY_DEL,
	SQL_GR_PART_QCODE_DEL,
	SQL_GR_PART_QOPEN_DEL,
	SQL_GR_PART_QFREE_DEL,
	SQL_GR_PART_SUS_HASH, /* the sent registrations' hashes: zeros */

	/* ansokan: (keep, after id) -> candidates */
	SQL_GR_REF_PAGE,
	/* (id) -> the candidate, locked, when not yet gallrad */
	SQL_GR_REF_LOCK,
	/* (referral id) each: the referral's own data and its consents */
	SQL_GR_REF_ANON,
	SQL_GR_REF_PERSON_ANON,
	SQL_GR_REF_HISTORY_DEL,
	SQL_GR_REF_COREMITTENT_ANON,
	SQL_GR_REF_CONSENT_EVENTS_DEL,
	SQL_GR_REF_CONSENT_TABLET_DEL,
	SQL_GR_REF_CONSENT_PARTY_DEL,
	SQL_GR_REF_CONSENT_CAT_DEL,
	SQL_GR_REF_CONSENT_DEL,
	SQL_GR_REF_CONSENT_SUS_ANON,
	/* (person id) -> s: the personnummer */
	SQL_GR_PERSON_PNR,
	/* (person id) -> n: its referrals not yet gallrad */
	SQL_GR_PERSON_LEFT,
	/* (person id) -> n: the MMDD of each of its participations' starts */
	SQL_GR_PERSON_STARTS,
	/* (stand-in, person id): the personnummer replaced (gallring.h's
	 * gallring_standin()) when no ungallrad referral is left */
	SQL_GR_PERSON_ANON,
	/* (person id): marked, once SQL_GR_PERSON_ANON changed it */
	SQL_GR_PERSON_MARK,
	/* (person id): its old history rows, once gallrad (a procedure) */
	SQL_GR_PERSON_HISTORY_DEL,

	/* samtycke: (keep, after id) -> candidates */
	SQL_GR_CONSENT_PAGE,
	/* (id) -> the candidate, locked */
	SQL_GR_CONSENT_LOCK,
	/* (consent id) each */
	SQL_GR_CONSENT_EVENTS_DEL,
	SQL_GR_CONSENT_TABLET_DEL,
	SQL_GR_CONSENT_PARTY_DEL,
	SQL_GR_CONSENT_CAT_DEL,
	SQL_GR_CONSENT_DEL,

	/* enkatsvar: (keep, after id) -> candidates */
	SQL_GR_RESP_PAGE,
	/* (response id) each */
	SQL_GR_RESP_FREE_DEL,
	SQL_GR_RESP_OPEN_DEL,

	/* enkatkod: (keep) -> n; (keep) deletes at most GALLRING_BULK */
	SQL_GR_QCODE_COUNT,
	SQL_GR_QCODE_DEL,

	/* () -> every förbund (gallring_forbund) */
	SQL_GR_FORBUNDS,
	/* sus_dokument: (keep, after batch no) -> candidates (id = batch) */
	SQL_GR_SUS_PAGE,
	/* (batch no) each */
	SQL_GR_SUS_PARTS_DEL,
	SQL_GR_SUS_MARK,

	/* inloggning: (keep x 6) -> n; then each (keep, limit) deletes at
	 * most GALLRING_BULK */
	SQL_GR_LOGIN_COUNT,
	SQL_GR_SESSION_DEL,
	SQL_GR_TABLET_DEL,
	SQL_GR_LOGIN_FAILURE_DEL,
	SQL_GR_FORM_STASH_DEL,
	SQL_GR_SESSION_ENDED_DEL,
	SQL_GR_SUS_REQUEST_DEL,

	/* atkomstlogg: (keep) -> n; (limit) the procedure; () -> n */
	SQL_GR_LOG_COUNT,
	SQL_GR_LOG_CALL,
	SQL_GR_LOG_N,

	/* Rows of no förbund. inloggning: (keep x 3) -> n; each (keep,
	 * limit) deletes at most GALLRING_BULK. atkomstlogg: (keep) -> n;
	 * (limit) the procedure, then SQL_GR_LOG_N. */
	SQL_GR_NONE_LOGIN_COUNT,
	SQL_GR_NONE_LOGIN_FAILURE_DEL,
	SQL_GR_NONE_QCODE_FAILURE_DEL,
	SQL_GR_NONE_FORM_STASH_DEL,
	SQL_GR_NONE_LOG_COUNT,
	SQL_GR_NONE_LOG_CALL,

	/* /admin/gallring: () -> as SQL_GR_RULES (updated_at and updated_by
	 * ""), every rule locked for the rest of the transaction */
	SQL_GR_RULES_LOCK,
	SQL_GR__MAX
};

extern const struct db_query sql_gallring[SQL_GR__MAX];

#endif /* !SQL_GALLRING_H */
