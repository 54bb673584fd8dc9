/*
 * page_create.h: the one-time key (once.h) of a page's create form, the
 * steps every create handler takes with it (issue 18).
 *
 *   draw:   page_create_bind(r, ctx, key): the hidden ONCE_FIELD in the
 *           view (partials/skapanyckel). The GET passes STR_LIT("") and
 *           gets a new key; a form drawn again after a refusal passes the
 *           posted key (page_create_key()) and keeps it, since nothing was
 *           created with it.
 *   post:   read and check the form as before (outside any transaction);
 *           a malformed key: draw the form again with 400 and what was
 *           typed (the view says why; a new key is drawn);
 *           page_create_begin(): REPEAT answered (303, nothing written);
 *           else the form's errors: db_rollback() (frees the key), 400;
 *           else create, audit, page_create_commit() with the location
 *           the POST answers.
 * The claim comes before the form's errors count, so a retry that a
 * uniqueness check would refuse ("the name is taken", by the first POST)
 * is answered as the first was.
 */
#ifndef PAGE_CREATE_H
#define PAGE_CREATE_H

#include "app.h"
#include "once.h"
#include "str.h"

struct req;
struct view_ctx;

#define PAGE_CREATE_MSG_BAD                                                    \
	"Formuläret kunde inte skickas: dess engångsnyckel är skadad. Det " \
	"du skrev finns kvar. Skicka formuläret igen."

/* The posted key: borrowed, "" when none was posted. */
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
 * 1: an earlier POST with this key committed, the transaction is rolled
 * back and r answers 303 to that POST's location, or to list when it
 * stored none. *answered 0 and APP_OK: the transaction is open; the caller
 * ends it (page_create_commit() or db_rollback()). An error: rolled back.
 */
enum app_err page_create_begin(
    struct req *, struct str key, const char *list, int *answered);

/* Store location with the key (once_done()) and commit; rolled back on an
 * error. location: a path (once_location_ok()). */
enum app_err page_create_commit(
    struct req *, struct str key, struct str location);

#endif /* !PAGE_CREATE_H */
