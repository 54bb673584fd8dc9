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

#include <stddef.h>

#include "app.h"
#include "str.h"

struct db_record;
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

/* The action's Swedish label for the access log pages ("Läsning").
 * Borrowed. */
const char *audit_action_label(enum audit_action);

/* 1 with *out set when name is an action's stored name, else 0. */
int audit_action_from_name(struct str name, enum audit_action *out);

/* The Swedish label of a stored action name, or the name itself when it
 * names none. Borrowed. */
struct str audit_action_label_of(struct str name);

/* The Swedish label of a stored object type ("referral" -> "Ansökan"), or
 * the type itself when it has none. Borrowed. */
struct str audit_object_label_of(struct str type);

/* A stored action as the verb that starts a log sentence ("read" ->
 * "Läste", "search" -> "Sökte på"); "Åtgärd:" for a name it does not
 * know. Static. */
const char *audit_action_verb_of(struct str name);

/* A stored object type as a log sentence names it ("consent" ->
 * "samtycke", "person" -> "personnumret"), so a row reads "Läste samtycke
 * 12"; "uppgift" for a type it does not know (a bug: every type written
 * is in the table). Static. */
const char *audit_object_noun_of(struct str type);

/*
 * A stored detail as the log pages show it, in Swedish ("list: 12 rows"
 * -> "Lista: 12 rader"), old rows too; detail itself when it is not one
 * the code writes (a reason typed by a person, say). Arena or borrowed.
 */
struct arena;
struct str audit_detail_label(struct arena *, struct str detail);

/*
 * Append one row for r's user, or for the consent tablet when the tablet
 * is asking (r->tablet): then no staff member, the user name
 * "surfplatta:<who handed it over>" and a detail that names the tablet
 * session, its consent and who handed it over, before detail. APP_EFORBIDDEN
 * with neither. object_id < 0 and empty personnummer/detail are
 * stored as NULL. detail is cut to 255 bytes on a UTF-8 boundary. The
 * row's förbund is the request's (db_forbund(): the account's, the
 * tablet's handing-over account's), so a row written during login, after
 * session_create(), is the new session's account's.
 */
enum app_err audit_write(struct req *, enum audit_action,
    const char *object_type, long long object_id, struct str personnummer,
    struct str detail);

/* As audit_write() with no user: for events before login. forbund: the
 * förbund the event is about (a failed login's account's), 0 for none:
 * an installation event (an unknown name), NULL in the log, which no
 * förbund's admin sees. */
enum app_err audit_write_anonymous(struct req *, long long forbund,
    struct str username, enum audit_action, struct str detail);

/* One row of the access log as the admin's search shows it. Strings are
 * arena; "" for NULL. */
struct audit_row {
	struct str at; /* ÅÅÅÅ-MM-DD HH:MM:SS, UTC */
	struct str username, action, object_type;
	struct str object_id, personnummer; /* "" when none */
	struct str remote_addr, request_id, detail;
	struct str what; /* the object in words (sql_audit_object.h) */
};

extern const struct db_record audit_row_record; /* for sql_admin.c */

/* A search of the access log: by personnummer, by account or both, in a
 * period of days. */
struct audit_query {
	struct str personnummer; /* 12 digits, or "" for any */
	long long staff_id;      /* 0 for any */
	struct str from, to;     /* ÅÅÅÅ-MM-DD, to inclusive */
	long long limit;         /* at most this many rows */
};

/* The rows of q, newest first: an arena array (NULL when none). At least
 * one of personnummer and staff_id must be given (else APP_EINPUT). The
 * caller writes the search's own log row first. Only the rows of the
 * request's förbund (an installation event's, forbund_id NULL, are
 * nobody's here). */
enum app_err audit_search(struct req *, const struct audit_query *q,
    struct audit_row **rows, size_t *n);

/* *id: the account of the request's förbund called username (active or
 * not), to search the log by; 0 when there is none, in another förbund
 * too (its name is not told). staff_id_by_username() with
 * STAFF_OWN_FORBUND. */
enum app_err audit_staff_id(struct req *, struct str username, long long *id);

#endif /* !AUDIT_H */
