/*
 * tablet.h: what a consent tablet session may reach. The one place of the
 * rule; route_dispatch() asks it before any handler runs, so no handler
 * decides it.
 *
 * A staff member hands the tablet over for one consent (POST
 * /samtycken/:id/overlamna): their session on the device ends and a tablet
 * session bound to that consent starts (app/session.c keeps it). While the
 * browser carries the tablet cookie, every request is one of:
 *   - TABLET_SCOPE_CONSENT: one of the consent's own pages, with the
 *     session's consent id as :id: its text in its language and the
 *     signing (GET and POST /samtycken/:id/surfplatta), the participant's
 *     copy (GET /samtycken/:id/kopia), and revoking it (GET and POST
 *     /samtycken/:id/aterkalla; the revocation page also offers the other
 *     consent of the same referral, see consent_revocable()). Served as the
 *     tablet: no staff user, nothing else of anyone;
 *   - TABLET_SCOPE_LOCK_SCREEN: the lock screen itself (GET /surfplatta):
 *     the tablet session ends and the lock screen is shown;
 *   - TABLET_SCOPE_LOGIN: staff logging in again (POST /logga-in): taking
 *     the tablet back; a successful login ends the tablet session;
 *   - TABLET_SCOPE_LOCK: anything else, the same pages for another consent,
 *     and every page once the session has ended (idle, too old): the
 *     tablet session ends and the answer is a redirect to the lock screen.
 * A path that is no route at all is a 404 as for anyone (a browser asks
 * for /favicon.ico by itself) and does not end the session.
 */
#ifndef TABLET_H
#define TABLET_H

#include <stddef.h>

#include "req.h"
#include "str.h"

#define TABLET_COOKIE    "stegvis_surfplatta"
#define TABLET_LOCK_PATH "/surfplatta" /* the lock screen */

enum tablet_scope {
	TABLET_SCOPE_LOCK,
	TABLET_SCOPE_CONSENT,
	TABLET_SCOPE_LOCK_SCREEN,
	TABLET_SCOPE_LOGIN,
};

/*
 * The scope of a request on a tablet: the matched route's method and
 * pattern (as in the route table), its :params, and the tablet session's
 * consent id (0 when the cookie names no live session). Pure: no I/O, so
 * the unit test checks it against the whole route table.
 */
enum tablet_scope tablet_scope(enum http_method method, const char *pattern,
    const struct str *params, size_t nparams, long long consent_id);

#endif /* !TABLET_H */
