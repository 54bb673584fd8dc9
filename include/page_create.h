/*
 * page_create.h: the one-time key (once.h) of a page's create form, the
 * steps every create handler takes with it (issue 18).
 *
 *   draw:   the hidden ONCE_FIELD in the view. A form with the partial
 *           (partials/skapanyckel) binds it with page_create_bind(): the
 *           GET passes STR_LIT("") and gets a new key; a form drawn again
 *           after a refusal passes the posted key and keeps it, since
 *           nothing was created with it. A form that binds the field
 *           itself draws once_key_new() on the GET.
 *   post:   read and check the form as before (outside any transaction);
 *           then either
 *             page_create_open(): a malformed key or a busy one comes
 *             back as the message to draw the form again with, what was
 *             typed kept (the form's own error line); or
 *             page_create_bad() (the partial says why) and
 *             page_create_begin();
 *           a repeat is answered (303, nothing written); else the form's
 *           errors: db_rollback() (frees the key), 400; else create,
 *           audit, page_create_finish() (commit, 303) or
 *           page_create_commit() (commit; the caller answers).
 * The claim comes before the form's errors count, so a retry that a
 * uniqueness check would refuse ("the name is taken", by the first POST)
 * is answered as the first was. A form whose own checks depend on what
 * its first POST changed asks page_create_seen() before them.
 */
#ifndef PAGE_CREATE_H
#define PAGE_CREATE_H

#include "app.h"
#include "once.h"
#include "str.h"

struct req;
struct view_ctx;

/* A malformed key (400): nothing was saved, the form comes back with what
 * was typed and a new key. */
#define PAGE_CREATE_MSG_BAD                                                    \
	"Formuläret kunde inte skickas: dess engångsnyckel är skadad. Det " \
	"du skrev finns kvar. Skicka formuläret igen."

/* A POST with the same key still runs (409, what was typed kept): sent
 * again once it is done, the form is answered as that POST was. */
#define PAGE_CREATE_MSG_BUSY                                                   \
	"Formuläret sparas redan i ett annat fönster eller en annan flik. "  \
	"Det du skrev finns kvar; vänta en stund och skicka det igen."

/* The posted key without surrounding blanks: borrowed, "" when none was
 * posted. */
struct str page_create_key(struct req *);

/* 1 when key is present but malformed (once_key_kind()). Pure. */
int page_create_bad(struct str key);

/*
 * Bind "skapanyckel" (key when well-formed, else a new one) and
 * "skapanyckel_fel" (PAGE_CREATE_MSG_BAD for a malformed key, else "").
 */
enum app_err page_create_bind(struct req *, struct view_ctx *, struct str key);

/*
 * Begin the creating transaction and claim key (once_claim()). *answered
 * 1: an earlier POST of the same submission with this key committed
 * (once.h), the transaction is rolled
 * back and r answers 303 to that POST's location, or to list when it
 * stored none. *answered 0 and APP_OK: the transaction is open (also for
 * a form without a key); the caller ends it (page_create_commit(),
 * page_create_finish() or db_rollback()). An error: rolled back; a lock
 * wait that ran out is page_create_busy().
 */
enum app_err page_create_begin(
    struct req *, struct str key, const char *list, int *answered);

/*
 * page_create_begin() for a form with an error line of its own: *refused
 * NULL, or the message to draw the form again with (r's status set, no
 * transaction open): PAGE_CREATE_MSG_BAD (400; *key is then a new key)
 * or PAGE_CREATE_MSG_BUSY (409; *key kept).
 */
enum app_err page_create_open(struct req *, struct str *key, const char *list,
    int *answered, const char **refused);

/*
 * For a form whose checks depend on what its first POST changed (an
 * extension must end after the planned end it moved; a decision is
 * refused once made): *answered 1 and a 303 as page_create_begin() when
 * key was used, before anything is checked. The claim is made in a
 * transaction of its own and rolled back, so the change must claim the
 * key again in its own transaction. No transaction is left open.
 */
enum app_err page_create_seen(
    struct req *, struct str key, const char *list, int *answered);

/* 1 when e is the failure of a lock wait that ran out (the key's twin
 * still runs): draw the form again with PAGE_CREATE_MSG_BUSY, 409. */
int page_create_busy(struct req *, enum app_err e);

/* Store location with the key (once_done()) and commit; rolled back on an
 * error. location: a path (once_location_ok()). */
enum app_err page_create_commit(
    struct req *, struct str key, struct str location);

/* page_create_commit(), then answer 303 to location. */
enum app_err page_create_finish(
    struct req *, struct str key, const char *location);

#endif /* !PAGE_CREATE_H */
