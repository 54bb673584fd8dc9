/*
 * sql_summary.h: the statements of the summary to the remittent
 * (app/summary.c, table participation_summary). Parameters in brackets,
 * result columns after the arrow; dates "ÅÅÅÅ-MM-DD", times UTC.
 */
#ifndef SQL_SUMMARY_H
#define SQL_SUMMARY_H

#include "db.h"

/* SQL_SUM_BY_KEY, SQL_SUM_OF_REFERRAL: one number and a flag. */
struct summary_num {
	long long n;
	int flag;
};
extern const struct db_record summary_num_record;

/* SQL_SUM_OF_REFERRAL: the referral's participation and förbund. */
struct summary_of_ref {
	long long participation_id; /* 0: none */
	int sent;                   /* a version is sent */
	struct str forbund;         /* the insats's förbund's name */
};
extern const struct db_record summary_of_ref_record;

enum sql_summary {
	/* (participation id) -> summary_record: every version, newest
	 * first */
	SQL_SUM_LIST,
	/* (participation id) -> summary_record: the sent ones */
	SQL_SUM_LIST_SENT,
	/* (participation id) -> summary_record: the latest, FOR UPDATE */
	SQL_SUM_LATEST_LOCK,
	/* (participation id, key) -> n: versions made with that key, flag 0 */
	SQL_SUM_BY_KEY,
	/* (participation id, version_no, state, the seven parts (by when
	 * NULL or a date), written_by, sent_by or NULL, state, key) */
	SQL_SUM_INSERT,
	/* (the seven parts, written_by, id, version): a draft's parts */
	SQL_SUM_UPDATE,
	/* (sent_by, id): the draft sent */
	SQL_SUM_SEND,
	/* (participation id): summary_sent_at = now when not yet set */
	SQL_SUM_FIRST_SENT,
	/* (referral id) -> summary_of_ref: its participation (the newest, 0
	 * none), whether a version is sent, the förbund's name */
	SQL_SUM_OF_REFERRAL,
	SQL_SUM__MAX
};

extern const struct db_query sql_summary[SQL_SUM__MAX];

#endif /* !SQL_SUMMARY_H */
