/*
 * sus_batch.h: SUS export batches: making one, handing its document out
 * again, acknowledging it, the integration job's rate limit, and writing a
 * file atomically.
 *
 * A batch holds what changed since the last ACKNOWLEDGED batch (its base):
 * every participation's registration is compared with what the receiver
 * holds, which is the latest item of that participation among the
 * acknowledged batches up to the base (sql/0010's header). So:
 *   - an unacknowledged batch is never built on: the next one repeats its
 *     changes, with the values of the moment;
 *   - a participation whose SUS consent was revoked (or who got protected
 *     identity) is withdrawn (avregistrering anonymiserad) and counted
 *     anonymously from that batch on;
 *   - a participation gallring removed (gallrad_at) is neither withdrawn
 *     nor sent again: the receiver keeps what it holds (a full
 *     replacement says kvarhallen for it, as for a held-back one); one
 *     the receiver holds nothing of is counted anonymously;
 *   - a registration that is not complete is held back, never sent half
 *     filled (an ended participation's utregistrering waits on its own).
 *     The held-back rule, one for both kinds of batch (README "The SUS
 *     export"): when the receiver holds a registration of it, it keeps
 *     that as last sent. Version 2 says so with a kvarhallen element, in
 *     the first batch after it became incomplete and in every full
 *     replacement while it stays so; so a full replacement equals the
 *     sum of the batches. Version 1 has no such element: a full
 *     replacement in version 1 is refused while any exists (APP_EINPUT).
 *     When the receiver holds nothing of it, version 2 counts it in its
 *     anonymous group, marked as held back, until it is complete;
 *   - an end registration once sent is never taken back by a correction:
 *     an ended participation whose end data went missing after its end
 *     was sent is held back whole (the receiver keeps the end);
 *   - nothing changed: no batch is made.
 *
 * The document is written to a file with sus_xml, validated against the
 * XSD (unless the caller passes no schema), then stored in the database in
 * chunks, all in one transaction that also records the items and writes
 * one access-log row per person it names. If anything fails, nothing of
 * the batch exists.
 *
 * Everything here is the förbund of the db handle's (db_forbund_set(): the
 * integration account's over HTTP, the one `stegvis sus-export` names):
 * its numbering, batches and lock, and only the participations of its
 * insatser. Two förbund export at once; one förbund runs one at a time.
 * With no förbund set every call fails (APP_EDB, logged as a bug).
 */
#ifndef SUS_BATCH_H
#define SUS_BATCH_H

#include <stddef.h>

#include "app.h"
#include "resp.h"
#include "str.h"
#include "sus_file.h" /* the export writes its document with it */

struct arena;
struct db;
struct progress;
struct db_record;

/* A batch's state (sus_batch.state). */
enum sus_batch_state {
	SUS_BATCH_NY,        /* made, not yet acknowledged */
	SUS_BATCH_KVITTERAD, /* acknowledged: the next batch builds on it */
	SUS_BATCH_STATE__MAX
};

/* The state's database name ("kvitterad") and Swedish label ("Kvitterad");
 * "" for none. Static. */
const char *sus_batch_state_name(enum sus_batch_state);
const char *sus_batch_state_label(enum sus_batch_state);

/* The state named s into *out: 1, or 0 for no state's name. */
int sus_batch_state_from_name(struct str s, enum sus_batch_state *out);

/* What a batch item says of a participation (sus_batch_item.action). */
enum sus_item_action {
	SUS_ITEM_NY,              /* registered */
	SUS_ITEM_ANDRAD,          /* registered again, changed */
	SUS_ITEM_ANONYMISERAD,    /* withdrawn: counted anonymously now */
	SUS_ITEM_FELREGISTRERING, /* withdrawn: registered by mistake */
	SUS_ITEM_KVARHALLEN,      /* held back: the receiver keeps it */
	SUS_ITEM_ACTION__MAX
};

/* The action's database name ("andrad"); "" for none. Static. */
const char *sus_item_action_name(enum sus_item_action);

/* 1 when the receiver holds a registration after an item whose action is
 * named s (ny, andrad, kvarhallen); 0 after a withdrawal or with no item
 * (""). */
int sus_item_action_present(struct str s);

/* The export's numbering (SQL_SUS_STATE). */
struct sus_state {
	long long last_batch_no, last_acked_no;
};
extern const struct db_record sus_state_record;

/* The numbering now (no lock). APP_EDB when its row is missing. */
enum app_err sus_state_get(struct db *, struct arena *, struct sus_state *);

/* A batch's log row (SQL_SUS_BATCH_LIST). Strings are borrowed from the
 * arena. */
struct sus_batch_row {
	long long batch_no, base_no;
	struct str created;     /* "YYYY-MM-DD HH:MM" UTC */
	struct str created_via; /* http | cli */
	struct str by_user;     /* the account's username, "" for the CLI */
	struct str state_name;
	struct str acked; /* "YYYY-MM-DD HH:MM" UTC, "" when not */
	long long n_new, n_changed, n_anonymised, n_felreg, n_groups;
	long long n_held_back, doc_bytes;
	struct str doc_sha256;
	int purged; /* the document is deleted (retention) */
	long long fetches;
	enum sus_batch_state state; /* from state_name */
};
extern const struct db_record sus_batch_row_record;

/* At most this many batches are listed, newest first. */
#define SUS_BATCH_LIST_MAX 500

/* The latest SUS_BATCH_LIST_MAX batches, newest first, into *out (an arena
 * array of *n, NULL when none). APP_E* from the database. */
enum app_err sus_batch_list(
    struct db *, struct arena *, struct sus_batch_row **out, size_t *n);

/* Who makes or fetches a batch, for the batch log and the access log. */
struct sus_env {
	struct db *db;
	struct arena *a;    /* rewound to where it was on return */
	long long staff_id; /* the integration account; 0: the command line */
	struct str username, remote_addr, request_id;
	const char *xsd_path; /* NULL: do not validate; else the XSD of
	                         schema */
	int schema;           /* the schema version; 0: SUS_SCHEMA_DEFAULT */
	/* Test hook (STEGVIS_SUS_CRASH_AFTER, read only by the test build
	 * build/stegvis-testhooks): SIGKILL the process after this many
	 * registrations are written. 0: never. */
	long long crash_after;
	/* The command line's progress line (progress.h); NULL: none. */
	struct progress *progress;
};

struct sus_result {
	long long batch_no, base_no;
	long long n_new, n_changed, n_anonymised, n_felreg, n_groups;
	long long n_held_back; /* registrations or their ends held back */
	long long n_held_regs; /* of them, whole registrations */
	long long n_kept;      /* kvarhallen elements written */
	unsigned long long bytes;
	char sha256[65]; /* hex */
	int empty;       /* nothing changed: no batch was made */
	int busy;        /* another export or acknowledgement holds the lock: no
	             batch was made, try again shortly */
};

/*
 * Make the next batch, writing its document to fd (an empty file open for
 * reading and writing, e.g. from sus_file_open()). since < 0 or the
 * last acknowledged batch: the changes since it; 0: a full replacement
 * (every registration and count group, and a withdrawal of everything
 * acknowledged that may no longer be held). Withdrawals are always
 * computed against every acknowledged batch. APP_EINPUT with a Swedish
 * message in err for any other since, and for a full replacement in
 * schema version 1 while a registration the receiver holds is held back;
 * APP_EIO when the document fails
 * validation (err says where, never a value) or cannot be written;
 * APP_EUNAVAIL on a lock wait timeout or deadlock. When another export or
 * acknowledgement is running, APP_OK with res->busy set (no waiting).
 */
enum app_err sus_batch_create(const struct sus_env *, long long since, int fd,
    struct sus_result *, char *err, size_t errlen);

struct sus_batch_info {
	long long batch_no, base_no;
	int acked, purged;
	unsigned long long bytes;
	char sha256[65];
};

/* The batch's log row. APP_ENOTFOUND when there is no such batch. */
enum app_err sus_batch_get(
    struct db *, struct arena *, long long batch_no, struct sus_batch_info *);

/* Write a batch's stored document through put (a resp_stream_fn: ctx is a
 * struct sus_stream in memory that lives until the call ends). */
struct sus_stream {
	struct db *db;
	long long batch_no;
};
enum app_err sus_batch_stream(
    void *ctx, struct arena *a, resp_put_fn put, void *out);

/* Count one handing-out of the batch and write the access-log rows for
 * the people in it (a fetch discloses them again). */
enum app_err sus_batch_fetched(const struct sus_env *, long long batch_no);

/* Retention: delete the documents of batches acknowledged more than
 * SUS_DOC_KEEP_DAYS ago (their log rows stay, marked purged), in its own
 * transaction. sus_batch_create() and sus_batch_ack() call it first,
 * whatever they then do. */
enum app_err sus_batch_purge(const struct sus_env *);

enum sus_ack {
	SUS_ACK_DONE,    /* acknowledged now */
	SUS_ACK_ALREADY, /* it was already: nothing changed */
	SUS_ACK_STALE,   /* a batch was acknowledged after this one was
	                    built (its base is older): refused */
	SUS_ACK_BUSY,    /* another export or acknowledgement holds the
	                    lock: try again shortly */
};

/* Acknowledge batch_no: the next batch builds on it. APP_ENOTFOUND when
 * there is no such batch. */
enum app_err sus_batch_ack(
    const struct sus_env *, long long batch_no, enum sus_ack *);

/* The rate limit of the förbund's integration accounts (SUS_RATE_MAX
 * requests in SUS_RATE_WINDOW_SECONDS per förbund, counted in the database
 * so every worker and host shares it). Records this request of staff_id
 * and sets *allowed; when refused, *retry_after is the seconds until a
 * request is allowed again. One transaction that first locks the förbund's
 * sus_rate row (sql/0079): requests at once on one server are counted one
 * after another. Across Galera nodes each node's lock is its own:
 * requests one after another count together (each node reads the others'
 * commits), requests at the same instant at the limit may each pass.
 * Outside any transaction. */
enum app_err sus_rate_check(struct db *, struct arena *, long long staff_id,
    int *allowed, long long *retry_after);

/* Which förbund `stegvis sus-export` serves (it has no session): of the
 * active förbund rows[n] (SQL_SUS_FORBUND_LIST), the one whose id (name
 * all digits) or short name (exactly) is name, as given with --forbund;
 * with name NULL, the only one. Pure. */
struct sus_forbund_pick;
enum sus_pick {
	SUS_PICK_OK,      /* *id is it */
	SUS_PICK_NONE,    /* no active förbund at all */
	SUS_PICK_SEVERAL, /* name NULL, and more than one: name it */
	SUS_PICK_UNKNOWN, /* no active förbund has that id or short name */
	SUS_PICK_SHARED,  /* several active förbund have that short name */
};
enum sus_pick sus_forbund_choose(const struct sus_forbund_pick *rows, size_t n,
    const char *name, long long *id);

#endif /* !SUS_BATCH_H */
