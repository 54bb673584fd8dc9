/*
 * forbund.h: a förbund of the installation (issue 20, several förbund in
 * one installation): a new one with its office and first admin, its
 * details, and what its operator changes.
 *
 * The installation's operator is the platform administrator: a förbund is
 * created and renamed, given its host name and switched off or on from the
 * command line (`stegvis forbund-add`, `forbund-set`, forbund_cli.c), not
 * by any web role, so that no account of any förbund reaches another
 * förbund: those change how the installation routes and names it.
 * Everything after that (its organisations, insatser, accounts, and its
 * own details: organisationsnummer, SUS code, member municipalities,
 * description) is its own admin's, on the admin pages, within the förbund
 * (page_admin_forbund.c: the request's förbund, never one by id).
 */
#ifndef FORBUND_H
#define FORBUND_H

#include "app.h"
#include "db.h"
#include "str.h"

struct req;

/* SQL_ADMIN_FORBUND_FIRST's record. */
extern const struct db_record forbund_first_record;

/* One förbund as its admin's page shows it (SQL_ADMIN_FORBUND_GET). */
struct forbund {
	long long id;
	struct str name, short_name;
	struct str public_host; /* "" for none */
	int active;
	struct str org_number; /* NNNNNN-NNNN, "" when not known */
	struct str sus_code;   /* "" when not registered in SUS */
	struct str municipalities, description;
	/* a digest of the four details above: the admin's form's version */
	long long version;
};
extern const struct db_record forbund_record;

/* One förbund as the operator's command sees it (SQL_ADMIN_FORBUND_ALL). */
struct forbund_brief {
	long long id;
	struct str name, short_name;
	struct str public_host; /* "" for none */
	int active;
};
extern const struct db_record forbund_brief_record;

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

/* ---- The förbund's own details, its admin's (/admin/forbund) ---- */

#define FORBUND_ORG_NUMBER_MAX     11 /* NNNNNN-NNNN */
#define FORBUND_SUS_CODE_MAX       32 /* forbund.sus_code, the XSD's SusId */
#define FORBUND_MUNICIPALITIES_MAX 500
#define FORBUND_DESCRIPTION_MAX    10000

enum forbund_detail {
	FORBUND_ORG_NUMBER,
	FORBUND_SUS_CODE,
	FORBUND_MUNICIPALITIES,
	FORBUND_DESCRIPTION,
	FORBUND_DETAIL__MAX
};

/* What the admin's form saves; "" for none (org number, SUS code). */
struct forbund_details {
	struct str org_number, sus_code, municipalities, description;
};

/*
 * Check d and put the problem of each field into err[] (a Swedish message
 * for the form, or NULL); returns how many there are. The organisationsnummer
 * is NNNNNN-NNNN, or ten digits, with a right check digit
 * (structural_orgnr()): d->org_number is then the dashed form, in orgnr.
 * The SUS code is what the SUS export's XSD takes as susKod (SusId: 1..32
 * printable ASCII characters without a blank; conf/sus-export-2.xsd). The
 * municipalities are one line of display text, the description may have
 * line breaks; neither longer than its maximum (characters, as
 * form_text_chars() counts them). Pure.
 */
size_t forbund_details_check(struct forbund_details *d,
    char orgnr[FORBUND_ORG_NUMBER_MAX + 1],
    const char *err[FORBUND_DETAIL__MAX]);

/*
 * Save d (checked) as the request's förbund's details (":forbund"), in
 * the caller's transaction. APP_EDUP when another förbund has that
 * organisationsnummer. APP_E* from the database.
 */
enum app_err forbund_details_save(
    struct req *, const struct forbund_details *d);

/* The request's förbund into *out (*found 0: none); lock: FOR UPDATE, in
 * the caller's transaction. APP_E* from the database. */
enum app_err forbund_get(
    struct req *, int lock, struct forbund *out, int *found);

/* ---- The operator's changes (`stegvis forbund-set`) ---- */

/* What `stegvis forbund-set` is given: a field's .p NULL is left as it is. */
struct forbund_set {
	struct str name, short_name;
	struct str public_host; /* "" (from --no-host): none */
	int active;             /* -1: left as it is */
};

/* Why s cannot be applied to any förbund, or NULL: the same English
 * messages as forbund_new_problem() for a name, short name and host name
 * given. Pure. */
const char *forbund_set_problem(const struct forbund_set *s);

/* Which of rows[0..n) `--forbund which` names: by id (digits) or by short
 * name (exactly). */
enum forbund_pick {
	FORBUND_PICK_OK,      /* *k is its index */
	FORBUND_PICK_NONE,    /* no förbund has that id or short name */
	FORBUND_PICK_SEVERAL, /* several have that short name: give the id */
};
enum forbund_pick forbund_pick(
    const struct forbund_brief *rows, size_t n, const char *which, size_t *k);

/* rows[k] with s applied, into *after (strings borrowed). Pure. */
void forbund_set_apply(const struct forbund_brief *before,
    const struct forbund_set *s, struct forbund_brief *after);

/* Why the installation refuses rows[k] becoming *after. */
enum forbund_set_refusal {
	FORBUND_SET_OK,
	/* it would be active without a host name beside another active one
	 * without: the plain address would name neither, and the one there
	 * now would lose its public page (as forbund-add refuses) */
	FORBUND_SET_HOSTLESS,
	/* it is the last active förbund and would be switched off */
	FORBUND_SET_LAST_ACTIVE,
};
enum forbund_set_refusal forbund_set_refusal(const struct forbund_brief *rows,
    size_t n, size_t k, const struct forbund_brief *after);

/* What `forbund-set` did. */
enum forbund_set_result {
	FORBUND_SET_DONE,      /* changed, with its access-log row */
	FORBUND_SET_UNCHANGED, /* every value as it was: nothing written */
	FORBUND_SET_UNKNOWN,   /* which names no förbund */
	FORBUND_SET_AMBIGUOUS, /* several have that short name */
	FORBUND_SET_REFUSED,   /* see *refusal */
};

/*
 * Apply s to the förbund `which` names, in one transaction with an
 * access-log row (user cli:forbund-set): every förbund row locked, the
 * one picked (forbund_pick()), the change checked against the others
 * (forbund_set_refusal()), stored. *before and *after are the förbund's
 * (arena) when one was found. APP_OK with *res; APP_EDUP when the name
 * or host name is another förbund's; nothing is stored but on
 * FORBUND_SET_DONE. APP_E* from the database.
 */
enum app_err forbund_set_run(struct req *, const char *which,
    const struct forbund_set *s, enum forbund_set_result *res,
    enum forbund_set_refusal *refusal, struct forbund_brief *before,
    struct forbund_brief *after);

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
 * The installation's own settings are one set for every förbund: the
 * national code lists (SUS's codes, SCB's kommunkoder), and whatever
 * routes still carry ROUTE_INSTALLATION (the consent texts, sql/0073, the
 * gallring rules, sql/0074, and the questionnaires, sql/0075, are each
 * förbund's). A change there is a change for every förbund, so no
 * förbund's admin makes it by being one: only an account the operator has
 * marked (`stegvis installation-admin`, sql/0078), which the session
 * carries; the routes ask for the admin role besides. 1 when the
 * request's account may; a token never may.
 */
int forbund_may_manage_installation(const struct req *);

/* What forbund_installation_admin_set() did. */
enum forbund_ia_result {
	FORBUND_IA_DONE,      /* marked or unmarked */
	FORBUND_IA_UNCHANGED, /* it already was */
	FORBUND_IA_UNKNOWN,   /* no account has the name (to mark: no active) */
	FORBUND_IA_NOT_ADMIN, /* marking an account without the admin role */
	FORBUND_IA_LAST,      /* unmarking the last that can manage them */
};

/* The operator's mark on the account named username: on 1 marks it, 0
 * unmarks it. Refuses (nothing stored) what the results above say; an
 * account that cannot use the mark (inactive, without the admin role, of
 * a förbund switched off) may always be unmarked, and does not count as
 * one who can manage the settings. In one
 * transaction with an access-log row of the account's förbund (user
 * cli:installation-admin). APP_E* from the database. */
enum app_err forbund_installation_admin_set(
    struct req *, struct str username, int on, enum forbund_ia_result *res);

/* Whether forbund_installation_admin_set() may change the mark, from the
 * account as locked (pure, unit-tested): can is whether it can manage the
 * settings now (marked, active, an admin, its förbund active), able the
 * number of accounts that can. */
enum forbund_ia_result forbund_ia_decide(int found, int is_active, int is_admin,
    int is_marked, int can, long long able, int on);

#endif /* !FORBUND_H */
