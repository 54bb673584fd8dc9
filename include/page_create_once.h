/*
 * page_create_once.h: the handler's side of a create form's one-time key
 * (include/once.h), the same steps for every casework create form.
 *
 *   if ((e = page_once_begin(r, key, fallback, &repeat)) != APP_OK ||
 *       repeat)
 *           return e;          (a repeat was answered with 303)
 *   ... validate; a refusal: db_rollback(), render the form with key ...
 *   ... create in this transaction ...
 *   page_once_finish(r, key, location): once_done(), commit, 303.
 *
 * Every function leaves no transaction open when it returns an error.
 */
#ifndef PAGE_CREATE_ONCE_H
#define PAGE_CREATE_ONCE_H

#include "app.h"
#include "str.h"

struct req;

/* The form's Swedish error for a malformed key (a 400): nothing was saved,
 * the form comes back with what was typed and a new key. */
#define ONCE_MSG_BAD                                                           \
	"Formulärets engångsnyckel är felaktig, så inget sparades. Dina "  \
	"uppgifter finns kvar; kontrollera dem och spara igen."

/* The busy message: a POST with the same key is still running. */
#define ONCE_MSG_BUSY                                                          \
	"Formuläret sparas redan i ett annat fönster eller flik. Vänta en " \
	"stund och ladda om sidan."

/* The posted key (ONCE_FIELD) trimmed, "" when absent. Borrowed. */
struct str page_once_key(struct req *);

/*
 * db_begin() and once_claim() of key. For ONCE_REPEAT the transaction is
 * rolled back, r answers 303 to the first POST's location (fallback when
 * it stored none) and *repeat is 1: the caller returns at once, having
 * written nothing. Else *repeat is 0 and the transaction is open (also
 * for ONCE_WITHOUT). APP_EINPUT for a malformed key (check
 * once_key_kind() first to render the form instead); a lock wait that ran
 * out is APP_EDB with db_lock_conflict() set: see page_once_busy().
 */
enum app_err page_once_begin(
    struct req *, struct str key, const char *fallback, int *repeat);

/*
 * For a form whose checks depend on what its first POST changed (an
 * extension must end after the planned end it moved): *repeat 1 and a 303
 * as page_once_begin() when key was used, before anything is checked; the
 * claim is made in a transaction of its own and rolled back, so the
 * creating transaction must claim the key again. No transaction is left
 * open.
 */
enum app_err page_once_seen(
    struct req *, struct str key, const char *fallback, int *repeat);

/* 1 when the last failure was a lock conflict (render ONCE_MSG_BUSY as a
 * 409 instead of failing). */
int page_once_busy(struct req *);

/*
 * once_done(key, location), db_commit() and a 303 to location. On an
 * error everything is rolled back.
 */
enum app_err page_once_finish(
    struct req *, struct str key, const char *location);

#endif /* !PAGE_CREATE_ONCE_H */
