/*
 * once.h: idempotency keys of the forms that create something, so that a
 * retry never makes a duplicate (issue 18). Table form_once, sql/0043.
 *
 * A create form carries a one-time key in the hidden field ONCE_FIELD. The
 * GET that draws the form issues it (once_key_new()); a form drawn again
 * with an error keeps the key it was posted with, since it created nothing.
 * The POST's creating transaction claims the key before it creates:
 *
 *   db_begin();
 *   once_claim(r, key, &claim, &location);
 *   ONCE_REPEAT: db_rollback(); answer 303 to location. An earlier POST
 *                of the same submission (below) with this key by this
 *                account committed; nothing more is
 *                created. (While that POST still runs, the claim waits for
 *                it; a lock wait that runs out is the usual busy answer.)
 *   ONCE_NEW:    create the record, once_done(r, key, its path), commit.
 *                A rollback frees the key again, so a refused or failed
 *                POST can be sent again with the same key.
 *   ONCE_WITHOUT: the POST has no key (a form drawn before keys existed,
 *                or a script): it is served as before, unprotected.
 *
 * Keys are per account: another account's key is a different row. A key
 * that is present but malformed is APP_EINPUT (400), never a crash.
 *
 * A repeat is the same submission: the same path and fields (the CSRF
 * token and the key left out; once_digest_of()). A used key that comes
 * back with other content (the Back button, the form filled in again for
 * the next client) is a new submission: it is claimed under a key derived
 * from the key and its content (once_key_derived()), so it creates its
 * record once and its own retries are answered as it was.
 */
#ifndef ONCE_H
#define ONCE_H

#include "app.h"
#include "edit.h"
#include "form.h"
#include "str.h"

struct req;

/* The hidden field of a create form. */
#define ONCE_FIELD        "skapanyckel"
/* A key is EDIT_KEY_LEN lower-case hex digits (edit_key_ok()). */
#define ONCE_KEY_LEN      EDIT_KEY_LEN
/* A submission's digest: lower-case hex characters (form_once.digest). */
#define ONCE_DIGEST_LEN   32
/* The longest location stored (form_once.location). */
#define ONCE_LOCATION_MAX 255

enum once_key_kind {
	ONCE_KEY_NONE, /* no key posted (empty or missing field) */
	ONCE_KEY_OK,   /* a well-formed key */
	ONCE_KEY_BAD,  /* present but not a key */
};

enum once_claim {
	ONCE_NEW,     /* the key was free: create, then once_done() */
	ONCE_REPEAT,  /* used before: answer with *location, create nothing */
	ONCE_WITHOUT, /* no key: create, unprotected (once_done() is a no-op) */
};

/* A new key for a form (arena); STR_NULL when memory ran out. */
struct str once_key_new(struct req *);

/* What a posted key is. Pure. */
enum once_key_kind once_key_kind(struct str key);

/* 1 when loc can be stored and answered: a path on this site ("/...",
 * not "//..."), printable ASCII without a backslash, at most
 * ONCE_LOCATION_MAX bytes. Pure. */
int once_location_ok(struct str loc);

/* The digest of a submission: path and every field but "csrf" and
 * ONCE_FIELD, in order, into out (NUL-terminated hex). Pure. */
void once_digest_of(
    struct str path, const struct kv_list *form, char out[ONCE_DIGEST_LEN + 1]);

/* The key a different submission under key is claimed with, into out
 * (NUL-terminated, a well-formed key). Pure. */
void once_key_derived(
    struct str key, struct str digest, char out[ONCE_KEY_LEN + 1]);

/*
 * Claim key for the logged-in account, inside the caller's transaction
 * (db_begin() first). *claim as above; *location (arena) is set for
 * ONCE_REPEAT, and is "" when the earlier POST stored none (the caller then
 * answers with its list page). APP_EINPUT for a malformed key, APP_EFORBIDDEN
 * without a logged-in account, db_exec()'s errors otherwise.
 */
enum app_err once_claim(
    struct req *, struct str key, enum once_claim *claim, struct str *location);

/*
 * Store where the created record lives, before the caller commits. A no-op
 * (APP_OK) for an empty key. APP_EINPUT when location is not
 * once_location_ok().
 */
enum app_err once_done(struct req *, struct str key, struct str location);

#endif /* !ONCE_H */
