/*
 * db.h: the worker's MariaDB connection and its prepared statements.
 *
 * One connection per worker, every statement in the table prepared when
 * the connection opens. A statement that fails to prepare (schema drift)
 * is fatal at worker start. When MariaDB goes away, calls return
 * APP_EUNAVAIL (a 503 page) and the next call reconnects by itself.
 */
#ifndef DB_H
#define DB_H

#include <stddef.h>
#include <stdint.h>

#include "app.h"
#include "str.h"

struct arena;
struct conf;
struct db;

/*
 * A typed record filled from a statement's result, openradtool style: the
 * statement's column i fills fields[i], at offset in the struct, as type.
 * The column names (the SQL aliases) are checked against the statement's
 * result metadata when the worker prepares it, so a query and its record
 * cannot drift apart: a mismatch stops the worker like schema drift does.
 */
enum db_ftype {
	DB_F_STR,  /* struct str; "" for NULL */
	DB_F_INT,  /* long long; 0 for NULL */
	DB_F_BOOL, /* int, 0 or 1; 0 for NULL */
	/* struct str: a UTC "ÅÅÅÅ-MM-DD HH:MM[:SS]" column (storage and the
	 * session are UTC) as the same shape in Swedish time, arena; "" for
	 * NULL. Every time of day a page shows is read as this (or converted
	 * with date_utc_local_str() where no record reads it); a cell that is
	 * not such a time is a bug, logged as one. */
	DB_F_UTC_TIME,
	/* struct str: a UTC time column (as DB_F_UTC_TIME) as its Swedish
	 * calendar day "ÅÅÅÅ-MM-DD": select the time, not DATE(x_at), which
	 * is the UTC day and wrong near midnight. */
	DB_F_UTC_DAY,
};

struct db_field {
	const char *column; /* the result column's name (its alias) */
	size_t offset;      /* offsetof() the member in the record */
	enum db_ftype type;
};

struct db_record {
	const char *name; /* for error messages: the struct's name */
	size_t size;      /* sizeof the struct */
	const struct db_field *fields;
	size_t nfields;
};

/* One field of struct S: member M filled from column C as type T. */
#define DB_FIELD(S, M, C, T)                                                   \
	{                                                                      \
		(C), offsetof(struct S, M), (T)                                \
	}
/* The record of struct S from its field table F (an array). */
#define DB_RECORD(S, F)                                                        \
	{                                                                      \
#S, sizeof(struct S), (F), sizeof(F) / sizeof((F)[0])          \
	}

/*
 * One statement: its SQL, whether it only reads (a read is retried once
 * after a reconnect; a write is not, since it may have been applied), and
 * its shape: the number of result columns and of ? parameters (the
 * caller's: not its :forbund, which the db layer binds, db_scope.h), both
 * checked against the server when the worker prepares it. rec, when set,
 * is the record its rows fill (db_load()); then ncols must be
 * rec->nfields.
 */
struct db_query {
	const char *sql;
	int read_only;
	unsigned ncols;
	unsigned nparams;
	const struct db_record *rec;
	/* An access-log row: written again when a request that lost a race
	 * runs again (route.c), which is only the truth (it read again), so
	 * it does not count as committed (db_deadlocked()). */
	int log_only;
};

/*
 * Statements live in one table per module area, app/sql_<area>.c, indexed by
 * the enum in include/sql_<area>.h. Every table is prepared when a
 * connection opens. A new area: a line here and one in db.c's areas[].
 */
enum db_area {
	DB_PUBLIC,        /* sql_public.c: the public pages */
	DB_AUTH,          /* sql_auth.c: sessions, login, the audit log */
	DB_ADMIN,         /* sql_admin.c: the admin pages */
	DB_ACCESS,        /* sql_access.c: who may see which referral */
	DB_HISTORY,       /* sql_history.c: the change history */
	DB_REFERRAL,      /* sql_referral.c: the remittent's pages */
	DB_PARTICIPATION, /* sql_participation.c: the insats staff's pages */
	DB_CONSENT,       /* sql_consent.c: consent and its rules */
	DB_REPORT,        /* sql_report.c: the activity report */
	DB_SUS,           /* sql_sus.c: the SUS export and its pages */
	DB_QUEST,         /* sql_quest.c: questionnaires and the kiosk */
	DB_PARTICIPATION_SUS, /* sql_participation_sus.c: SUS data, participation page */
	DB_FORM_STASH, /* sql_form_stash.c: forms kept over an ended session */
	/* sql_report_flow.c: the report's step-by-step path */
	DB_REPORT_FLOW,
	DB_REPORT_PEOPLE, /* sql_report_people.c: the report's people tables */
	DB_FOLLOWUP, /* sql_followup.c: the follow-up six months after the end */
	DB_STRUCTURAL, /* sql_structural.c: structural insatser's register */
	DB_REPORT_DOCUMENT, /* sql_report_document.c: the delårsrapport */
	/* sql_gallring.c: gallring and /admin/gallring */
	DB_GALLRING,
	DB_REFERRAL_FOLLOW, /* sql_referral_follow.c: the remittent follows */
	DB_SUMMARY,         /* sql_summary.c: the summary to the remittent */
	DB_MIDTERM,         /* sql_midterm.c: the mid-term follow-ups */
	DB_PCORRECT,        /* sql_participation_correct.c: corrections */
	DB_OVERDUE,         /* sql_overdue.c: the overdue lists */
	DB_NEWS,            /* sql_news.c: news since the last visit */
	DB_ONCE,            /* sql_once.c: create forms' one-time keys */
	DB_AREA__MAX
};

enum db_param_type { DBP_NULL, DBP_INT, DBP_STR };

struct db_param {
	enum db_param_type type;
	long long i;
	struct str s;
};

#define DB_INT(v) ((struct db_param){ .type = DBP_INT, .i = (v) })
#define DB_STR(v) ((struct db_param){ .type = DBP_STR, .s = (v) })
#define DB_NULL   ((struct db_param){ .type = DBP_NULL })

/* A result set copied into the request arena: every cell as text. Only
 * the db layer reads it (db_load() decodes it into records, db_decode());
 * no other module reads cells. A cell past the last row or column is a
 * bug: it is logged as one ("BUG:", which fails the test run). */
struct db_rows {
	size_t nrows, ncols;
	struct str *cells;   /* arena; row-major, nrows * ncols */
	unsigned char *null; /* arena; 1 where the cell is SQL NULL */
};

/*
 * Start the client library in a process that forks workers, before the
 * first fork (once; the workers' db_open() would do it otherwise). Its
 * TLS library's start-up touches ~2.5 MB of pages, which then stay out of
 * every worker's resident memory.
 */
void db_library_init(void);

/* In a process that forks workers, before the first fork and again
 * before forking the workers of a reload: connect once, check every
 * statement (db_connect()) and close, so that the workers' first
 * connections need not check again. A failure (MariaDB down, a schema
 * that does not match) is left for the workers to meet and report: they
 * check for themselves, and a reload's new worker that fails aborts the
 * reload. */
void db_check_statements(const struct conf *);

/* Create the handle and try to connect. The handle is returned even when
 * MariaDB is unreachable (it reconnects later); NULL only on malloc failure
 * or when the password file cannot be read. Caller frees with db_close(). */
struct db *db_open(const struct conf *, char *err, size_t errlen);

/* 1 when connected, every statement checked (db_connect()). */
int db_ready(const struct db *);

/* Connect now if not already. The first connection of a process (unless
 * the master checked before it forked, db_check_statements()) and every
 * reconnect check that every statement prepares with the shape its table
 * declares; a statement is then prepared again on its first use, and at
 * most 128 stay prepared at once (memory: ~10 KB each). APP_EUNAVAIL when
 * MariaDB is unreachable, APP_EDB when a statement fails to prepare (err
 * says which). */
enum app_err db_connect(struct db *, char *err, size_t errlen);

void db_close(struct db *);

/*
 * The förbund this connection's statements are scoped to, for the request
 * being served: every ":forbund" of a statement's text is bound to it
 * (db_scope.h). The request sets it once it knows its caller (route.c),
 * and 0 clears it for the next request; a scoped statement run with none
 * set fails (APP_EDB) and logs a bug.
 */
void db_forbund_set(struct db *, long long forbund);
long long db_forbund(const struct db *);

/* The statement table of area (its n statements), for checks over every
 * statement (tests/unit/test_db_scope_cover.c); NULL when out of range. */
const struct db_query *db_area_statements(enum db_area, size_t *n);

/* Execute statement q of area with params; if out is not NULL, copy every
 * row into the arena. APP_EUNAVAIL when the server is gone (the connection is
 * dropped and reopened on the next call), APP_EDUP on a unique key
 * violation, APP_ENOMEM when the arena is full, APP_EDB otherwise. */
enum app_err db_exec(struct db *, struct arena *, enum db_area area, unsigned q,
    const struct db_param *params, size_t nparams, struct db_rows *out);

/*
 * Execute statement q, which must declare a record (struct db_query.rec),
 * and decode every row into an arena array of that record: *out points to
 * nrows structs of rec->size bytes (NULL when there are none). Errors as
 * db_exec().
 */
enum app_err db_load(struct db *, struct arena *, enum db_area area, unsigned q,
    const struct db_param *params, size_t nparams, void **out, size_t *nrows);

/*
 * As db_load() for at most one row, decoded into *rec (which the caller
 * provides, of the record's type). *found is 1 when there was a row, else 0
 * and *rec is zeroed ("" strings, 0 numbers).
 */
enum app_err db_load_one(struct db *, struct arena *, enum db_area area,
    unsigned q, const struct db_param *params, size_t nparams, void *rec,
    int *found);

/* Decode row of rows into rec by the record's field table (for a module
 * that must keep the grid, e.g. to stream it); the UTC time types convert
 * into the arena. */
void db_decode(struct arena *, const struct db_rows *rows, size_t row,
    const struct db_record *rec, void *out);

/* Of the last successful db_exec(): the rows it changed (for an UPDATE,
 * those whose values really changed) and the AUTO_INCREMENT id it inserted
 * (0 when none). */
unsigned long long db_affected_rows(const struct db *);
unsigned long long db_insert_id(const struct db *);

/*
 * Transactions for multi-row changes: db_begin(), then db_exec() calls,
 * then db_commit(), or db_rollback() on any failure (always safe to call).
 * Inside a transaction a lost connection is not retried: the whole change
 * fails with APP_EUNAVAIL and nothing of it is applied. A deadlock victim
 * (1213) has been rolled back by the server: further writes and the commit
 * fail with APP_EDB until db_rollback(). db_begin() inside a transaction
 * is a bug (APP_EDB and a BUG: line): it would commit the open one.
 */
enum app_err db_begin(struct db *);

/* 1 between db_begin() and db_commit()/db_rollback(). */
int db_in_tx(const struct db *);
enum app_err db_commit(struct db *);
void db_rollback(struct db *);

/* The server's error number of the last failed db_exec() or db_commit()
 * (0 after a success), and whether it was a lock conflict: a lock wait
 * timeout (or FOR UPDATE NOWAIT refused) or a deadlock. Those are worth a
 * retry (409/503), not a 500. */
unsigned int db_last_errno(const struct db *);
int db_lock_conflict(const struct db *);

/* 1 when a statement or commit since db_deadlock_reset() was chosen as a
 * deadlock victim (1213; Galera reports a failed certification the same
 * way) and nothing has been committed since then (no commit, no write in
 * autocommit). The server rolled that transaction back, so a request that
 * failed after it may run again from the start (route_dispatch() does, a
 * few times); one that committed something first may not, since a second
 * run would do that again. */
int db_deadlocked(const struct db *);
void db_deadlock_reset(struct db *);
/* 1 when this run of the request (since db_deadlock_reset()) committed a
 * write, access-log rows of reads aside (log_only). */
int db_committed(const struct db *);

/* A test hook, called only by build/stegvis-testhooks (main.c,
 * STEGVIS_COMMIT_ALIGN_MS): every db_commit() of the process waits for the
 * next whole multiple of ms of the wall clock, so that make check-ha can
 * commit on two Galera nodes at one instant, or one well after another. */
void db_test_commit_align(unsigned ms);

/* Whether server error n with message msg (may be NULL) means out of room:
 * a full table or tablespace (1114), a full disk (1021), a temporary file
 * that could not be written (1878), or errno 28 (ENOSPC) in a write or
 * engine error (3, 1026, 1030, 1180). db_exec() and db_commit() answer
 * those with APP_EUNAVAIL (a 503: nothing was written, try again) and keep
 * the connection. Pure; for the unit tests. */
int db_error_is_full(unsigned int n, const char *msg);

#endif /* !DB_H */
