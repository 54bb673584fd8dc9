/*
 * audit.h: the access log. Every read, change, export and print of a
 * participant's data, and every login, is one row in audit_log: who, when,
 * what, about whom, from where, with the request id. The table is
 * append-only (sql/0003): the application's account may only INSERT and
 * SELECT it, and triggers refuse UPDATE and DELETE for anyone.
 *
 * A handler writes the row before it shows or changes anything; if the
 * row cannot be written, the handler fails and nothing is shown.
 */
#ifndef AUDIT_H
#define AUDIT_H

#include "app.h"
#include "str.h"

struct req;

enum audit_action {
	AUDIT_READ,
	AUDIT_CREATE,
	AUDIT_UPDATE,
	AUDIT_EXPORT,
	AUDIT_PRINT,
	AUDIT_SEARCH,
	AUDIT_LOGIN,
	AUDIT_LOGIN_FAILED,
	AUDIT_LOGOUT,
	AUDIT_ADMIN,
	AUDIT__MAX
};

/* The action's name as stored ("read"). Borrowed. */
const char *audit_action_name(enum audit_action);

/*
 * Append one row for r's user, or for the consent tablet when the tablet
 * is asking (r->tablet): then no staff member, the user name
 * "surfplatta:<who handed it over>" and a detail that names the tablet
 * session, its consent and who handed it over, before detail. APP_EFORBIDDEN
 * with neither. object_id < 0 and empty personnummer/detail are
 * stored as NULL. detail is cut to 255 bytes on a UTF-8 boundary.
 */
enum app_err audit_write(struct req *, enum audit_action,
    const char *object_type, long long object_id, struct str personnummer,
    struct str detail);

/* As audit_write() with no user: for events before login. */
enum app_err audit_write_anonymous(
    struct req *, struct str username, enum audit_action, struct str detail);

#endif /* !AUDIT_H */
