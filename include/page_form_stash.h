/*
 * page_form_stash.h: the pages around a form kept over an ended session
 * (the keeping itself: form_stash.h).
 *
 * A POST that route_dispatch() refuses only because its session has ended
 * or its CSRF token is stale goes to page_form_stash_keep(). If it may be
 * kept, the browser is sent to log in (or to the code step), and after the
 * login to "Ditt formulär är sparat" (GET /formular/sparat): what was
 * typed, "Skicka igen" and "Avbryt". "Skicka igen" sends the kept fields
 * once more to the path they were sent to, through route_replay(): the
 * same route, role and CSRF checks (with the session's fresh token) and
 * the same handler, so every rule and validation runs again. Nothing is
 * sent by logging in alone.
 */
#ifndef PAGE_FORM_STASH_H
#define PAGE_FORM_STASH_H

#include "app.h"

struct req;

#define FORM_STASH_PAGE "/formular/sparat"

/*
 * The router's hook for a POST to a route with route_flags refused only
 * because r has no live session, a half one (code due) or a stale CSRF
 * token. When it may be kept (form_stash_route_ok(), form_stash_same_origin(),
 * a session cookie sent), keeps it for the account its session belonged
 * to and answers 303: to the login page, to the code page, or, when
 * logged in, to FORM_STASH_PAGE; *kept is then 1. Otherwise nothing is
 * done, *kept is 0 and the caller answers 403 as before.
 */
enum app_err page_form_stash_keep(
    struct req *, unsigned route_flags, int *kept);

/*
 * After a full login (password and code, a new password set): remove
 * every expired kept form (of any browser), bind this
 * browser's kept form to r->user if nothing bound it yet, and set *next to
 * FORM_STASH_PAGE when one waits for this account (else NULL).
 */
enum app_err page_form_stash_after_login(struct req *, const char **next);

/* 1 when the browser holds a kept form's cookie: the login pages say so. */
int page_form_stash_cookie_present(const struct req *);

enum app_err page_form_stash(struct req *);        /* GET /formular/sparat */
enum app_err page_form_stash_send(struct req *);   /* POST …/skicka */
enum app_err page_form_stash_cancel(struct req *); /* POST …/avbryt */
/* POST …/slang: from the login page, no session: whoever is at the
 * browser may throw away what it keeps. */
enum app_err page_form_stash_discard(struct req *);

#endif /* !PAGE_FORM_STASH_H */
