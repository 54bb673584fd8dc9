/*
 * sql_sus.h: the statements of the SUS export (app/sus_batch.c) and its
 * pages (app/page_sus.c). Parameters in brackets, result columns after the
 * arrow; "" for NULL unless said.
 *
 * Who may be reported by identity is decided here, in one expression
 * (SUS_IDENTITY_OK in sql_sus.c), used by every statement that needs it:
 * an active SUS consent answered yes for the participation's referral, no
 * protected identity, and an insats measured with personal data. The
 * export reads its two halves in two statements per page (SQL_SUS_PAGE's
 * identity_person, SQL_SUS_CONSENTS) and sus_batch.c joins them.
 *
 * Every statement is the request's förbund's (":forbund", db_scope.h):
 * its numbering (sus_state), batches, their parts, items and counts, the
 * rate limit's requests, and the participations it reads, whose insats
 * is in the förbund. The db layer binds it; the parameters below are the
 * caller's only. With no förbund set, each is refused (a bug).
 */
#ifndef SQL_SUS_H
#define SQL_SUS_H

#include "db.h"

enum sql_sus {
	/* () -> last_batch_no, last_acked_no, locking the förbund's row until
	 * the transaction ends: one export or acknowledgement of a förbund at
	 * a time (another förbund's run is not in the way). No row before
	 * the förbund's first export (SQL_SUS_STATE_ADD). NOWAIT:
	 * fails at once (a lock conflict, db_lock_conflict()) when another
	 * holds it, rather than queueing up to innodb_lock_wait_timeout */
	SQL_SUS_LOCK,
	/* () -> last_batch_no, last_acked_no (no lock); zeros before the
	 * förbund's first export */
	SQL_SUS_STATE,
	/* (): the förbund's row of sus_state, if it has none */
	SQL_SUS_STATE_ADD,
	/* (last batch no) */
	SQL_SUS_STATE_SET_LAST,
	/* (last acked no) */
	SQL_SUS_STATE_SET_ACKED,
	/* () -> id, name, sus_code, org_number, now UTC "YYYY-MM-DD HH:MM:SS"
	 * of the förbund, if active */
	SQL_SUS_FORBUND,
	/* () -> struct sus_forbund_pick: every active förbund, by id (the
	 * installation's list, for the command line: not scoped) */
	SQL_SUS_FORBUND_LIST,
	/* () -> id, sus_code, name, description, period_start,
	 * period_end, direction, measurement, target_groups, by id */
	SQL_SUS_INSATSER,
	/* () -> insats id, year, planned, budget_sek (-1: none) */
	SQL_SUS_BUDGETS,
	/* (after id, limit) -> struct sus_page_row: the förbund's next
	 * participations by id with every exported value but the consent's
	 * (SQL_SUS_CONSENTS) and the incomes (SQL_SUS_INCOMES) */
	SQL_SUS_PAGE,
	/* (from id, to id) -> struct sus_consent_row: the given SUS consents
	 * (SUS_CONSENT_GIVEN) of the participations with ids from to to, by
	 * participation id: the other half of SUS_IDENTITY_OK, and the
	 * consent date (the greatest consent id's) */
	SQL_SUS_CONSENTS,
	/* (from id, to id, base no, base no) -> struct sus_base_item_row: the items of
	 * those participations in the acknowledged batches up to base no
	 * (pass the last acknowledged): the latest of each, what the
	 * receiver holds, one row a participation, by participation id */
	SQL_SUS_BASE_ITEMS,
	/* (from id, to id, from id, to id) -> struct sus_income_row: the
	 * income lists of the participations with ids from to to (the page's
	 * income_before and income_after, which SQL_SUS_PAGE leaves ""), by
	 * participation id, the list before first; none for an empty list */
	SQL_SUS_INCOMES,
	/* (from id, to id) -> participation id, question code, answer: only
	 * with the förbund's own questions (sql/0077) */
	SQL_SUS_ANSWERS,
	/* (base no) -> insats id, year, gender, started, ended,
	 * held_started, held_ended: the counts the receiver has (latest
	 * acknowledged per group up to base no). The current counts are
	 * made from SQL_SUS_PAGE's rows (sus_batch.c), by the same rule
	 * that decides each registration. */
	SQL_SUS_COUNTS_BASE,
	/* (batch no, base no, created_at, created_by or NULL, via, last
	 * acknowledged batch no when built, schema version) */
	SQL_SUS_BATCH_INSERT,
	/* (participation id, batch no, action, hash or NULL, has_end) */
	SQL_SUS_ITEM_INSERT,
	/* The same for 5, 50 and 500 items: their parameters one item after
	 * the other (app/sus_items.c) */
	SQL_SUS_ITEM_INSERT_5,
	SQL_SUS_ITEM_INSERT_50,
	SQL_SUS_ITEM_INSERT_500,
	/* (batch no, insats id, year, gender, started, ended, held_started,
	 * held_ended) */
	SQL_SUS_COUNT_INSERT,
	/* (batch no, seq, data) */
	SQL_SUS_PART_INSERT,
	/* (n_new, n_changed, n_anonymised, n_felreg, n_groups, n_held_back,
	 * n_kept, bytes, sha256, batch no) */
	SQL_SUS_BATCH_FINISH,
	/* (staff id or NULL, username, remote_addr, request_id, detail,
	 * batch no): one access-log row per person the batch names */
	SQL_SUS_AUDIT_BATCH,
	/* (batch no) -> batch_no, base_no, state, doc_bytes, doc_sha256,
	 * purged (0/1), created "YYYY-MM-DD HH:MM:SS", acked_when_built */
	SQL_SUS_BATCH_GET,
	/* (batch no, seq) -> data */
	SQL_SUS_PART_GET,
	/* (batch no) */
	SQL_SUS_BATCH_FETCHED,
	/* (staff id or NULL, batch no): state ny -> kvitterad */
	SQL_SUS_BATCH_ACK,
	/* (days): delete the documents of batches acknowledged longer ago */
	SQL_SUS_PURGE_PARTS,
	/* (days): and mark them purged */
	SQL_SUS_PURGE_MARK,
	/* () -> sus_rate_row (unused): the förbund's sus_rate row locked
	 * (sql/0079), the first step of a rate check, so checks at once on
	 * one server are ordered */
	SQL_SUS_RATE_TOUCH,
	/* (window seconds): forget requests older than the window */
	SQL_SUS_RATE_SWEEP,
	/* (window seconds, window seconds) -> the förbund's requests in the
	 * window, seconds until the oldest leaves it */
	SQL_SUS_RATE_COUNT,
	/* (staff id): a request of the account, counted for its förbund */
	SQL_SUS_RATE_INSERT,
	/* () -> batch_no, base_no, created, via, created by, state, acked,
	 * n_new, n_changed, n_anonymised, n_felreg, n_groups, n_held_back,
	 * doc_bytes, doc_sha256, purged, fetches: newest first, at most 500 */
	SQL_SUS_BATCH_LIST,
	/* (staff id) -> struct sus_quality_row: participations of the
	 * caller's insatser whose SUS registration is incomplete */
	SQL_SUS_QUALITY,
	/* () -> struct sus_nostaff_row: per insats without an active staff
	 * account, how many registrations by identity are held back */
	SQL_SUS_QUALITY_NOSTAFF,
	/* (from, from, to, to, from) -> insats id, insats name, gender,
	 * participants (any day in the period), started in it, ended in it */
	SQL_SUS_FINSAM,
	SQL_SUS__MAX
};

extern const struct db_query sql_sus[SQL_SUS__MAX];

/*
 * The rows the export reads (app/sus_batch.c, which holds their decode
 * tables), as typed records: the column names are checked against each
 * statement's when a worker prepares it. Strings are borrowed from the
 * arena the rows were loaded into, "" for NULL. The rows the pages read
 * are their modules': struct sus_state and struct sus_batch_row in
 * sus_batch.h, sus_quality.h, sus_finsam.h. SQL_SUS_INSATSER fills
 * sus_xml.h's struct sus_insats (sus_insats_record) directly.
 */

/* SQL_SUS_FORBUND: the förbund the export is of. */
struct sus_forbund_row {
	long long id;
	struct str name, sus_code, org_number;
	struct str now_utc; /* "YYYY-MM-DD HH:MM:SS" */
};
extern const struct db_record sus_forbund_record;

/* SQL_SUS_FORBUND_LIST: an active förbund the command line may name. */
struct sus_forbund_pick {
	long long id;
	struct str short_name;
};
extern const struct db_record sus_forbund_pick_record;
extern const struct db_record sus_insats_record;

/* SQL_SUS_BUDGETS: an insats's budget year. */
struct sus_budget_row {
	long long insats_id, year, planned;
	long long budget_sek; /* < 0: not known */
};
extern const struct db_record sus_budget_record;

/* SQL_SUS_PAGE: one participation with every value the export sends, and
 * what the receiver holds of it (base_*: the latest acknowledged item). */
struct sus_page_row {
	long long id, insats_id;
	int felreg; /* registered by mistake (status or end reason) */
	int ended;  /* avslutad */
	struct str start_date, end_date, personnummer, gender, birth_year;
	struct str home_municipality;
	struct str municipality_code; /* SCB's, "" when the text maps to none */
	int identity_person; /* SUS_IDENTITY_PERSON: the rule but consent */
	int gallrad;         /* gallring removed its personal data */
	struct str education, support_time, occupation_before, end_reason;
	struct str occupation_after;
	struct str income_before, income_after; /* from SQL_SUS_INCOMES */
	struct str occupation_before_pct, occupation_after_pct; /* "" none */
	/* Not columns: filled by sus_batch.c from the page's other
	 * statements. */
	struct str consent_date; /* of the SUS consent in force */
	int identity_ok; /* may be reported by identity (SUS_IDENTITY_OK) */
	struct str base_action; /* enum sus_item_action's name, "" for none */
	struct str base_hash;   /* upper-case hex, "" for none */
	int base_has_end;
};
extern const struct db_record sus_page_record;

/* SQL_SUS_CONSENTS: a given SUS consent of a participation's referral. */
struct sus_consent_row {
	long long participation_id, consent_id;
	struct str consent_date; /* SUS_CONSENT_DATE */
};
extern const struct db_record sus_consent_record;

/* SQL_SUS_BASE_ITEMS: an acknowledged item of a participation. */
struct sus_base_item_row {
	long long participation_id, batch_no;
	struct str action; /* enum sus_item_action's name */
	struct str hash;   /* upper-case hex, "" for none */
	int has_end;
};
extern const struct db_record sus_base_item_record;

/* SQL_SUS_INCOMES: an income list as sus_xml.h's struct sus_reg wants it
 * (SUS_INCOME_ITEM in sql_sus_facts.h). */
struct sus_income_row {
	long long participation_id;
	int after_end; /* 0: income_before, 1: income_after */
	struct str list;
};
extern const struct db_record sus_income_record;

/* SQL_SUS_ANSWERS: an answer to one of the förbund's own questions. */
struct sus_answer_row {
	long long participation_id;
	struct str question, answer;
};
extern const struct db_record sus_answer_record;

/* SQL_SUS_COUNTS_BASE: one anonymous count group as the receiver has
 * it. */
struct sus_count_row {
	long long insats_id, year;
	struct str gender;
	long long started, ended, held_started, held_ended;
};
extern const struct db_record sus_count_record;

/* SQL_SUS_BATCH_GET: a batch's log row. */
struct sus_batch_get_row {
	long long batch_no, base_no;
	struct str state; /* enum sus_batch_state's name */
	long long doc_bytes;
	struct str doc_sha256;
	int purged;
	struct str created;
	long long acked_when_built;
};
extern const struct db_record sus_batch_get_record;

/* SQL_SUS_PART_GET: one chunk of a stored document. */
struct sus_part_row {
	struct str data;
};
extern const struct db_record sus_part_record;

/* SQL_SUS_RATE_COUNT: the integration account's requests in the window. */
struct sus_rate_row {
	long long n, retry_after;
};
extern const struct db_record sus_rate_record;

#endif /* !SQL_SUS_H */
