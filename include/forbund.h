/*
 * forbund.h: a new förbund in the installation, with its office and its
 * first admin (issue 20, several förbund in one installation).
 *
 * The installation's operator is the platform administrator: a förbund is
 * created from the command line (`stegvis forbund-add`, forbund_cli.c), not
 * by any web role, so that no account of any förbund reaches another
 * förbund. Everything after that (its organisations, insatser, accounts)
 * is its own admin's, on the admin pages, within the förbund.
 */
#ifndef FORBUND_H
#define FORBUND_H

#include "app.h"
#include "db.h"
#include "str.h"

struct req;

/* SQL_ADMIN_FORBUND_FIRST's record. */
extern const struct db_record forbund_first_record;

/* What `stegvis forbund-add` is given. */
struct forbund_new {
	struct str name;       /* full name, 1..200 characters */
	struct str short_name; /* for headers and reports, 1..60 */
	/* its public page's host name, "" for none (only while no other
	 * active förbund lacks one) */
	struct str public_host;
	struct str admin_username; /* the first admin's account name */
	struct str admin_name;     /* ... and display name, 1..200 */
};

/* The office every new förbund starts with: its first admin's
 * organisation, kind "other". */
#define FORBUND_OFFICE_NAME "Förbundskansliet"

/* Why f cannot be created, or NULL: an English message for the operator
 * (a name empty or too long, a host name that public_host_of() would not
 * read back the same, an account name staff_username_ok() refuses). Pure. */
const char *forbund_new_problem(const struct forbund_new *f);

/*
 * Create f in one transaction: the förbund, its office, and its admin
 * (role admin, password_hash, to be changed at the first login), with an
 * access-log row. The förbund's insert also gives it a copy of the first
 * förbund's current consent texts, each its version 1, unused (sql/0073's
 * trigger forbund_consent_texts), so its staff can take consents at once. *forbund_id and *staff_id are the new rows'. The request's
 * förbund (db_forbund_set()) is the new one afterwards. APP_EDUP when the
 * name, host name or account name is taken; APP_EINPUT when f has no host
 * name and another active förbund has none either (the installation's
 * default: the plain address would name neither); nothing is stored then.
 * APP_E* from the database.
 */
enum app_err forbund_create(struct req *, const struct forbund_new *f,
    struct str password_hash, long long *forbund_id, long long *staff_id);

/*
 * The installation's settings are still one set for every förbund: the
 * code lists, the questionnaires and the gallring rules (issue 20 has
 * them still to divide; the consent texts are each förbund's, sql/0073). Until they are each förbund's, only
 * the installation's own förbund (its first active one, the lowest id)
 * manages them (an inactive förbund's accounts cannot log in):
 * *may is 1 when the request's förbund is that one. Another förbund's
 * admin would otherwise change every förbund's settings. APP_E* from the
 * database.
 */
enum app_err forbund_may_manage_installation(struct req *, int *may);

#endif /* !FORBUND_H */
