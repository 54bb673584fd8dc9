/*
 * sql_sus.h: the statements of the SUS export (app/sus_batch.c) and its
 * pages (app/page_sus.c). Parameters in brackets, result columns after the
 * arrow; "" for NULL unless said.
 *
 * Who may be reported by identity is decided here, in one expression
 * (SUS_IDENTITY_OK in sql_sus.c), used by every statement that needs it:
 * an active SUS consent answered yes for the participation's referral, no
 * protected identity, and an insats measured with personal data.
 */
#ifndef SQL_SUS_H
#define SQL_SUS_H

#include "db.h"

enum sql_sus {
	/* () -> last_batch_no, last_acked_no, locking the row until the
	 * transaction ends: one export or acknowledgement at a time. NOWAIT:
	 * fails at once (a lock conflict, db_lock_conflict()) when another
	 * holds it, rather than queueing up to innodb_lock_wait_timeout */
	SQL_SUS_LOCK,
	/* () -> last_batch_no, last_acked_no (no lock) */
	SQL_SUS_STATE,
	/* (last batch no) */
	SQL_SUS_STATE_SET_LAST,
	/* (last acked no) */
	SQL_SUS_STATE_SET_ACKED,
	/* () -> id, name, sus_code, org_number, now UTC "YYYY-MM-DD HH:MM:SS"
	 * (the first active förbund: one installation serves one) */
	SQL_SUS_FORBUND,
	/* (forbund id) -> id, sus_code, name, description, period_start,
	 * period_end, direction, measurement, target_groups, by id */
	SQL_SUS_INSATSER,
	/* (forbund id) -> insats id, year, planned, budget_sek (-1: none) */
	SQL_SUS_BUDGETS,
	/* (base no, forbund id, after id, limit) -> see enum sus_page_col in
	 * sus_batch.c: the next participations by id with every exported
	 * value and what the receiver has of it (the latest item among the
	 * acknowledged batches up to base no: pass the last acknowledged) */
	SQL_SUS_PAGE,
	/* (from id, to id) -> participation id, question code, answer */
	SQL_SUS_ANSWERS,
	/* (forbund id, forbund id) -> insats id, year, gender, started, ended: current
	 * anonymous counts, by insats, year, gender */
	SQL_SUS_COUNTS_NOW,
	/* (base no) -> insats id, year, gender, started, ended: the counts
	 * the receiver has (latest acknowledged per group up to base no) */
	SQL_SUS_COUNTS_BASE,
	/* (batch no, base no, created_at, created_by or NULL, via, last
	 * acknowledged batch no when built) */
	SQL_SUS_BATCH_INSERT,
	/* (participation id, batch no, action, hash or NULL, has_end) */
	SQL_SUS_ITEM_INSERT,
	/* (batch no, insats id, year, gender, started, ended) */
	SQL_SUS_COUNT_INSERT,
	/* (batch no, seq, data) */
	SQL_SUS_PART_INSERT,
	/* (n_new, n_changed, n_anonymised, n_felreg, n_groups, n_held_back,
	 * bytes, sha256, batch no) */
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
	/* (window seconds): forget requests older than the window */
	SQL_SUS_RATE_SWEEP,
	/* (window seconds, staff id, window seconds) -> requests in the
	 * window, seconds until the oldest leaves it */
	SQL_SUS_RATE_COUNT,
	/* (staff id) */
	SQL_SUS_RATE_INSERT,
	/* () -> batch_no, base_no, created, via, created by, state, acked,
	 * n_new, n_changed, n_anonymised, n_felreg, n_groups, n_held_back,
	 * doc_bytes, doc_sha256, purged, fetches: newest first, at most 500 */
	SQL_SUS_BATCH_LIST,
	/* (staff id) -> see enum sq_col in page_sus.c: participations of the
	 * caller's insatser whose SUS registration is incomplete */
	SQL_SUS_QUALITY,
	/* (from, from, to, to, from) -> insats id, insats name, gender,
	 * participants (any day in the period), started in it, ended in it */
	SQL_SUS_FINSAM,
	SQL_SUS__MAX
};

extern const struct db_query sql_sus[SQL_SUS__MAX];

#endif /* !SQL_SUS_H */
