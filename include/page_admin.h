/*
 * page_admin.h: the admin pages (ROLE_ADMIN only): accounts, organisations,
 * insatser, code lists and the access log. Handlers as in pages.h; the admin_* helpers
 * are shared by the page_admin*.c files only.
 *
 * The handlers translate: they read the form through its field table, ask
 * the domain modules (staff.h, organisation.h, code_list.h, audit.h) and
 * bind the view. Every change is one transaction that also writes its
 * audit row (action admin); a failed audit write fails the change. Edit
 * forms carry a hidden version and save through edit.h's versioned edit,
 * so a change made by someone else meanwhile is shown, not overwritten.
 */
#ifndef PAGE_ADMIN_H
#define PAGE_ADMIN_H

#include <stddef.h>

#include "app.h"
#include "edit.h"
#include "form.h"
#include "str.h"

struct org_row;
struct req;
struct view_ctx;

/* page_admin.c: the overview and the accounts list. */
enum app_err page_admin(struct req *);          /* GET /admin */
enum app_err page_admin_accounts(struct req *); /* GET /admin/konton */

/* page_admin_account.c: an account's form, password and token. */
enum app_err page_admin_account_new(struct req *);    /* GET .../konton/ny */
enum app_err page_admin_account_create(struct req *); /* POST .../konton/ny */
enum app_err page_admin_account(struct req *);        /* GET .../konton/:id */
enum app_err page_admin_account_save(struct req *);   /* POST .../konton/:id */
/* POST /admin/konton/:id/losenord: a temporary password, shown once */
enum app_err page_admin_account_password(struct req *);
/* POST /admin/konton/:id/token: a new bearer token, shown once */
enum app_err page_admin_account_token(struct req *);
/* POST /admin/konton/:id/lasupp and .../tvastegs: lift a lockout, reset
 * two-step verification; the password stays (issue 15, item 12). */
enum app_err page_admin_account_unlock(struct req *);
enum app_err page_admin_account_totp_reset(struct req *);

/* page_admin_org.c: organisations and their units. */
enum app_err page_admin_orgs(struct req *);    /* GET /admin/organisationer */
enum app_err page_admin_org_new(struct req *); /* GET .../ny */
enum app_err page_admin_org_create(struct req *); /* POST .../ny */
enum app_err page_admin_org(struct req *);        /* GET .../:id */
enum app_err page_admin_org_save(struct req *);   /* POST .../:id */

/* page_admin_insats.c: insatser and their goals. */
enum app_err page_admin_insatser(struct req *);      /* GET /admin/insatser */
enum app_err page_admin_insats_new(struct req *);    /* GET .../ny */
enum app_err page_admin_insats_create(struct req *); /* POST .../ny */
enum app_err page_admin_insats(struct req *);        /* GET .../:id */
enum app_err page_admin_insats_save(struct req *);   /* POST .../:id */

/* page_admin_log.c: the access log. */
enum app_err page_admin_log(struct req *);     /* GET /admin/logg */
enum app_err page_admin_log_csv(struct req *); /* GET /admin/logg.csv */

/* page_admin_codes.c: the code lists (sql/0005_code_lists.sql); :lista is
 * utbildning, forsorjning, offentlig-tid, sysselsattning, avslutsorsak or
 * avradan (else 404). Codes are added and deactivated, never deleted. */
enum app_err page_admin_codes(struct req *);     /* GET /admin/kodlistor */
enum app_err page_admin_code_list(struct req *); /* GET .../:lista */
/* POST .../:lista: every row and one new code in one transaction */
enum app_err page_admin_code_list_save(struct req *);

/* page_admin_gallring.c: the gallring rules (include/gallring.h), one
 * form for all with a version per rule, and per rule what the next run
 * of `stegvis gallring` removes (gallring_run.h's count). */
enum app_err page_admin_gallring(struct req *);      /* GET /admin/gallring */
enum app_err page_admin_gallring_save(struct req *); /* POST /admin/gallring */

/* ---- helpers shared by page_admin*.c (page_admin.c) ---- */

#define ADMIN_CONFLICT_MSG                                                     \
	"Någon annan har ändrat uppgifterna medan du redigerade. Dina "      \
	"ändringar är inte sparade; se de aktuella uppgifterna nedan."

/* The version a form was read at, from its hidden field: -1 when missing
 * or not a number (so it never matches). */
long long admin_form_version(const struct str *);

/*
 * Save an admin edit form through edit_run() (include/edit.h) with the
 * posted "version", the audit row (action admin, type, id, detail) written
 * with the change. APP_OK with *res, or an error with nothing written
 * (APP_EDUP from ops->save: a name taken).
 */
enum app_err admin_edit_run(struct req *, const struct edit_ops *ops,
    void *state, const char *type, long long id, const char *detail,
    enum edit_result *res);

/* A stored version as the form's hidden field carries it (arena). */
struct str admin_version_str(struct req *, long long version);

/* What an edit form says when edit_run() did not save: someone else saved
 * meanwhile (EDIT_STALE), or is saving now (EDIT_BUSY). */
const char *admin_edit_message(enum edit_result);

/* The value of a checked field as it is to be saved: a valid FT_INT as its
 * canonical decimal (arena), anything else as typed. */
struct str admin_value(
    struct req *, const struct field_spec *, const struct field_val *);

/* v as decimal text. Arena ("" when the arena is full). */
struct str admin_ll(struct req *, long long v);

/*
 * Bind the organisations rows (org_list()) as a list "key" of {id, label,
 * selected} for a <select>, selected_id marked. Inactive ones are listed
 * only when selected. With top_only, only organisations without a parent.
 */
enum app_err admin_org_options(struct req *, struct view_ctx *, const char *key,
    const struct org_row *rows, size_t n, long long selected_id, int top_only);

/*
 * Bind an enum's names (a NULL-terminated table, as an FT_ENUM field's
 * choices) as a list "key" of {value, label, selected} for a <select> or
 * radio group: label(i) is name i's Swedish label, and the one equal to
 * current is selected.
 */
enum app_err admin_choices(struct req *, struct view_ctx *, const char *key,
    const char *const *names, const char *(*label)(int), struct str current);

/* Redirect to path/id?sparat=1 after a save. */
enum app_err admin_saved(struct req *, const char *path, long long id);

/* After a create, in the transaction page_create_begin() opened: keep
 * path/id?sparat=1 with the one-time key, commit, and redirect there. */
enum app_err admin_created(
    struct req *, struct str key, const char *path, long long id);

#endif /* !PAGE_ADMIN_H */
