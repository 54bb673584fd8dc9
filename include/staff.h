/*
 * staff.h: a staff account, its roles, and the rules the admin pages
 * follow when they change one.
 *
 * An account (table staff, sql/0001) belongs to one organisation, has one
 * or more roles (staff_role) and, for insats staff, the insatser it works
 * in (staff_insats). Roles are an enum with the name stored in the
 * database and a Swedish label; the record structs are decoded from their
 * statements by the decode tables below (include/db.h), so no caller
 * reads a result grid.
 *
 * The rules (role combinations, what an admin may do to their own account,
 * who may have a password or a token) are pure functions, unit-tested in
 * tests/unit/test_staff.c without a database.
 *
 * Functions that take a struct req use r->db inside the caller's
 * transaction when one is open; strings they return are arena.
 */
#ifndef STAFF_H
#define STAFF_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct db_record;
struct req;

/* ---- roles ---- */

enum role {
	ROLE_REMITTENT,      /* handläggare: own referrals (and the unit's) */
	ROLE_INSATSPERSONAL, /* staff of the assigned insatser */
	ROLE_FORBUND,        /* förbund management: aggregates only */
	ROLE_ADMIN,          /* accounts, configuration, the access log */
	ROLE_INTEGRATION,    /* the SUS job: bearer token, no pages */
	ROLE__MAX
};

#define ROLE_BIT(r) (1u << (r))
#define ROLES_STAFF                                                            \
	(ROLE_BIT(ROLE_REMITTENT) | ROLE_BIT(ROLE_INSATSPERSONAL) |            \
	    ROLE_BIT(ROLE_FORBUND) | ROLE_BIT(ROLE_ADMIN))

/* The roles' names as stored and as the account form sends them, in enum
 * order, NULL-terminated: an FT_ENUM field's choices, so bit i of an
 * FF_MULTI mask is ROLE_BIT(i). Borrowed. */
extern const char *const role_names[ROLE__MAX + 1];

/* The role's name as in the database ("remittent"); "" when out of range.
 * Borrowed. */
const char *role_name(enum role);

/* The Swedish label ("Remittent") and the account form's one-line hint of
 * what the role does. Borrowed. */
const char *role_label(enum role);
const char *role_hint(enum role);

/* Parse a comma-separated role list from the database into ROLE_BIT()s;
 * unknown names are ignored. */
unsigned role_parse_list(struct str);

/* The role names of a set, comma-separated in enum order ("remittent,admin"):
 * what the database's FIND_IN_SET takes. Arena; NULL when the arena is
 * full. */
const char *role_list_names(struct req *, unsigned roles);

/* The Swedish labels of a set, ", "-separated in enum order. Arena; NULL
 * when the arena is full. */
const char *role_list_labels(struct req *, unsigned roles);

/* ---- the account list's filter (?visa=) ---- */

enum staff_filter {
	STAFF_FILTER_ALL,      /* no ?visa= or an unknown one */
	STAFF_FILTER_ACTIVE,   /* ?visa=aktiva */
	STAFF_FILTER_INACTIVE, /* ?visa=inaktiva */
	STAFF_FILTER__MAX
};

/* The filter a ?visa= value names; STAFF_FILTER_ALL for NULL or any other
 * value. */
enum staff_filter staff_filter_from_name(const struct str *);

/* ---- records ---- */

/* A row of the account list (SQL_ADMIN_STAFF_LIST). */
struct staff_row {
	long long id;
	struct str username, display_name;
	struct str organisation;        /* its name */
	struct str parent_organisation; /* "" for a top-level one */
	int active;
	struct str roles; /* comma-separated names */
	int has_password;
};

/* One account as the edit form shows it (SQL_ADMIN_STAFF_GET/_LOCK). */
struct staff_account {
	long long id;
	struct str username, display_name;
	struct str email; /* "" for none */
	long long organisation_id;
	int active;
	struct str roles;  /* comma-separated names */
	long long version; /* a digest of what the edit form changes */
	int has_password, must_change_password, has_token;
	struct str last_login;   /* ÅÅÅÅ-MM-DD HH:MM, "" for never */
	long long failed_logins; /* in a row, since the last good login */
	int locked;              /* locked_until is still ahead */
	struct str locked_until; /* ÅÅÅÅ-MM-DD HH:MM UTC, "" for none */
	int totp_on;             /* two-step verification is on */
	int totp_pending;   /* a secret shown for enrolment, not confirmed */
	unsigned role_bits; /* roles parsed (not a column) */
};

/* An id: of an account found by name, or of one of its insatser. */
struct staff_id {
	long long id;
};

/* Where an account belongs, for the start page (SQL_STAFF_ORGANISATION). */
struct staff_home {
	struct str organisation, parent_organisation; /* "" for none */
};

/* An active insats the account works in (SQL_STAFF_INSATSER). */
struct staff_insats {
	long long id;
	struct str name;
	struct str places; /* "" when not set */
};

/* The decode tables, for the statements in sql_admin.c and sql_auth.c. */
extern const struct db_record staff_row_record;
extern const struct db_record staff_account_record;
extern const struct db_record staff_id_record;
extern const struct db_record staff_home_record;
extern const struct db_record staff_insats_record;

/* What the account form saves. */
struct staff_change {
	long long organisation_id;
	struct str username; /* a new account's only */
	struct str display_name;
	struct str email; /* "" for none */
	int active;
	unsigned roles;            /* ROLE_BIT()s */
	const long long *insatser; /* borrowed */
	size_t ninsatser;
};

/* The accounts the filter shows, by user name: *rows is an arena array of
 * *n (NULL when none). */
enum app_err staff_list(
    struct req *, enum staff_filter, struct staff_row **rows, size_t *n);

/* Account id into *out (role_bits set); *found 0 when there is none. With
 * lock, the row is locked for the rest of the open transaction (use
 * inside one). */
enum app_err staff_get(struct req *, long long id, int lock,
    struct staff_account *out, int *found);

/* The ids of the insatser account id works in, ascending: an arena array
 * (NULL when none). */
enum app_err staff_insatser(
    struct req *, long long id, long long **ids, size_t *n);

/* staff_id_by_username()'s flags. STAFF_ACTIVE_ONLY is 1, as the flag
 * was once a boolean. */
enum {
	/* only an active account counts (without STAFF_OWN_FORBUND: of an
	 * active förbund too) */
	STAFF_ACTIVE_ONLY = 1,
	/* only an account of the request's förbund (db_forbund_set()); one
	 * of another förbund is none. Without it, any förbund's: for SSO,
	 * which learns the förbund from the account it finds. */
	STAFF_OWN_FORBUND = 2,
};

/* The id of the account called username (as stored: lower-case), 0 when
 * none, as flags say (STAFF_ACTIVE_ONLY, STAFF_OWN_FORBUND). */
enum app_err staff_id_by_username(
    struct req *, struct str username, unsigned flags, long long *id);

/* The start page's facts of account id: its organisation, and its active
 * insatser by name (an arena array, NULL when none). */
enum app_err staff_home(struct req *, long long id, struct staff_home *out);
enum app_err staff_assigned_insatser(
    struct req *, long long id, struct staff_insats **rows, size_t *n);

/* Insert a new account from c (must change its password at first login,
 * active), with password_hash (NULL .p: none, an integration account), and
 * its roles and insatser. *id is the new account's. APP_EDUP when the user
 * name is taken. Inside the caller's transaction. */
enum app_err staff_insert(struct req *, const struct staff_change *c,
    struct str password_hash, long long *id);

/* Save c on account id: organisation, name, e-mail, active, and exactly
 * c's roles and insatser (a link kept keeps its date). An integration-only
 * account loses its password, any other its token. Inside the caller's
 * transaction. */
enum app_err staff_update(
    struct req *, long long id, const struct staff_change *c);

/* A temporary password (hash) for account id, to be changed at the next
 * login; failures and any lock cleared. */
enum app_err staff_set_temp_password(
    struct req *, long long id, struct str hash);

/* A new bearer token (its 32-byte hash) for account id. */
enum app_err staff_set_token(
    struct req *, long long id, const unsigned char hash[32]);

/* ---- the rules of the admin pages (pure) ---- */

#define STAFF_MSG_USERNAME                                                           \
	"Användarnamnet får bara innehålla a–z, 0–9, punkt, understreck och " \
	"bindestreck, och måste börja med en bokstav eller siffra."
#define STAFF_MSG_USERNAME_TAKEN "Användarnamnet är upptaget."
#define STAFF_MSG_EMAIL                                                        \
	"Ange en giltig e-postadress, till exempel namn@exempel.se."

/* 1 when s is a valid account name as stored: 2 to 64 of a-z, 0-9, '.',
 * '_' and '-', starting with a letter or digit. */
int staff_username_ok(struct str s);

/* 1 when s looks like an e-mail address: one '@' with something before
 * it, a dot after it, no blanks, quotes, commas or angle brackets. */
int staff_email_ok(struct str s);

/* 1 when roles make an integration-only account (a token, no password). */
int staff_is_integration(unsigned roles);

/*
 * Why the roles cannot be saved on an account, or NULL: none chosen,
 * integration with another role, or (self: the admin edits their own
 * account) the admin role taken from oneself. A Swedish message.
 */
const char *staff_roles_problem(unsigned roles, int self);

/* Why an account cannot be (de)activated so, or NULL: nobody deactivates
 * their own account. */
const char *staff_active_problem(int active, int self);

/* Why ninsatser insatser cannot go with roles, or NULL: only insats staff
 * work in insatser. */
const char *staff_insatser_problem(unsigned roles, size_t ninsatser);

/* Why an admin may not give account (roles; self: their own) a temporary
 * password, or NULL when they may. */
const char *staff_password_reset_refusal(unsigned roles, int self);

/* Why account (roles) may not get a bearer token, or NULL when it may. */
const char *staff_token_refusal(unsigned roles);

/* Account recovery by the admin (issue 15, item 12), without touching the
 * password. May the lockout be lifted (a lock in force or failed logins
 * counted)? NULL, or the Swedish reason. Static. */
const char *staff_unlock_refusal(int locked, long long failed_logins);

/* May two-step verification be reset (on, or a pending enrolment), and
 * not by the admin on their own account (they turn it off themselves,
 * with a code)? NULL, or the Swedish reason. Static. */
const char *staff_totp_reset_refusal(int totp_on, int totp_pending, int self);

/* The changes: failed logins 0 and no lock; the TOTP secrets cleared.
 * *changed 0 when there was nothing to change (a second click). In the
 * caller's transaction. */
enum app_err staff_unlock(struct req *, long long id, int *changed);
enum app_err staff_totp_reset(struct req *, long long id, int *changed);

#endif /* !STAFF_H */
