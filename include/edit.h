/*
 * edit.h: the versioned edit, written once for every form that changes a
 * stored record.
 *
 * A form carries the version of the record it was read at. Saving it is
 * always the same steps, so they live here and nowhere else:
 *   begin; lock the record (its row, FOR UPDATE) and read its version;
 *   refuse when the record's state does not allow the change, or when the
 *   version moved on since the form was read (someone else saved: the
 *   caller answers 409 and keeps what the user typed); else save the
 *   fields (the caller writes a history row per changed field, in this
 *   transaction); audit when something changed; commit.
 * The caller then redirects (saved) or renders the form again (refused,
 * stale, busy) with the user's input and the message.
 */
#ifndef EDIT_H
#define EDIT_H

#include "app.h"
#include "audit.h"
#include "str.h"

struct req;

/* What the lock step found. */
struct edit_lock {
	long long version;       /* the record's version now */
	struct str personnummer; /* for the audit row ("" if none) */
	const char *refused;     /* a Swedish reason the state refuses the
	                          * change (e.g. a closed record), or NULL */
};

struct edit_ops {
	/* Lock the record and fill *lock; APP_ENOTFOUND when it is gone.
	 * Runs inside the transaction. */
	enum app_err (*lock)(struct req *, void *state, struct edit_lock *);
	/* Write the change: the record's UPDATE guarded by lock->version
	 * and a history row per changed field. Set *changed to 1 when
	 * anything changed. Runs inside the transaction, after the version
	 * matched. */
	enum app_err (*save)(struct req *, void *state,
	    const struct edit_lock *lock, int *changed);
};

struct edit {
	const struct edit_ops *ops;
	void *state;            /* the caller's: form values, record */
	long long form_version; /* the version the form was read at */
	const char *audit_type; /* "participation", "referral", ... */
	long long audit_id;
	const char *audit_detail; /* e.g. "contact data" */
	/* The audit row's action; 0 (never an edit's) means AUDIT_UPDATE. */
	enum audit_action audit_action;
};

enum edit_result {
	EDIT_SAVED,   /* committed (also when nothing changed) */
	EDIT_STALE,   /* the version moved on: nothing written */
	EDIT_REFUSED, /* the state refuses: nothing written; see refused */
	EDIT_BUSY,    /* a lock wait ran out: nothing written, try again */
};

#define EDIT_MSG_STALE                                                            \
	"Någon annan har ändrat uppgifterna sedan du öppnade sidan. Dina "     \
	"ändringar är inte sparade men finns kvar i formuläret; jämför och " \
	"spara igen."
#define EDIT_MSG_BUSY                                                              \
	"Uppgifterna ändras av någon annan just nu. Dina ändringar finns kvar " \
	"i formuläret; försök spara igen om en stund."

/*
 * Run the edit. APP_OK with *result set (and *lock as the lock step left
 * it: its version is the one to put in a form sent back as stale), else
 * an error with everything rolled back (APP_ENOTFOUND: the record is
 * gone). Never leaves a transaction open.
 */
enum app_err edit_run(struct req *, const struct edit *,
    enum edit_result *result, struct edit_lock *lock);

/*
 * The one-time key of a form that creates a record (a mid-term follow-up,
 * a summary version): issued with the form, stored with what it created
 * (unique per parent), so a retried POST finds its row instead of making
 * a second. EDIT_KEY_LEN lowercase hex digits.
 */
#define EDIT_KEY_LEN 32

/* A new key (arena); STR_NULL when memory ran out. */
struct str edit_key_new(struct req *);

/* 1 when key is a well-formed key. */
int edit_key_ok(struct str key);

#endif /* !EDIT_H */
