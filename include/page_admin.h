/*
 * page_admin.h: the admin pages (ROLE_ADMIN only): accounts, organisations,
 * insatser, code lists and the access log. Handlers as in pages.h; the admin_* helpers
 * are shared by the page_admin*.c files only.
 *
 * Every change is one transaction that also writes its audit row (action
 * admin); a failed audit write fails the change. Edit forms carry a hidden
 * version and refuse to overwrite a change made by someone else meanwhile.
 */
#ifndef PAGE_ADMIN_H
#define PAGE_ADMIN_H

#include "app.h"
#include "form.h"
#include "str.h"

struct req;
struct view_ctx;

/* page_admin.c: the overview and the accounts. */
enum app_err page_admin(struct req *);                /* GET /admin */
enum app_err page_admin_accounts(struct req *);       /* GET /admin/konton */
enum app_err page_admin_account_new(struct req *);    /* GET .../konton/ny */
enum app_err page_admin_account_create(struct req *); /* POST .../konton/ny */
enum app_err page_admin_account(struct req *);        /* GET .../konton/:id */
enum app_err page_admin_account_save(struct req *);   /* POST .../konton/:id */
/* POST /admin/konton/:id/losenord: a temporary password, shown once */
enum app_err page_admin_account_password(struct req *);
/* POST /admin/konton/:id/token: a new bearer token, shown once */
enum app_err page_admin_account_token(struct req *);

/* page_admin_org.c: organisations and insatser. */
enum app_err page_admin_orgs(struct req *);    /* GET /admin/organisationer */
enum app_err page_admin_org_new(struct req *); /* GET .../ny */
enum app_err page_admin_org_create(struct req *);    /* POST .../ny */
enum app_err page_admin_org(struct req *);           /* GET .../:id */
enum app_err page_admin_org_save(struct req *);      /* POST .../:id */
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

/* ---- helpers shared by page_admin*.c ---- */

#define ADMIN_CONFLICT_MSG                                                     \
	"Någon annan har ändrat uppgifterna medan du redigerade. Dina "      \
	"ändringar är inte sparade; se de aktuella uppgifterna nedan."

/*
 * Begin a transaction and lock the row id with stmt, whose first column is
 * the row's version. *current is 1 when that equals version (the caller
 * goes on and commits), else 0 with the transaction already rolled back
 * (the caller shows the conflict). Database errors roll back too.
 */
enum app_err admin_lock_version(struct req *, unsigned stmt, long long id,
    struct str version, int *current);

/* The value of a checked field as it is to be saved: a valid FT_INT as its
 * canonical decimal (arena), anything else as typed. */
struct field_spec;
struct field_val;
struct str admin_value(
    struct req *, const struct field_spec *, const struct field_val *);

/* Bind fv's typed value to val_key and its error (or nothing) to err_key;
 * sets "has_errors" when there is an error. */
enum app_err admin_ctx_field(struct view_ctx *, const char *val_key,
    const char *err_key, const struct field_val *fv);

/*
 * Add the organisations as a list "key" of {id, label, selected, inactive}
 * for a <select>, selected_id marked. Inactive ones are listed only when
 * selected. With top_only, only organisations without a parent.
 */
enum app_err admin_org_options(struct req *, struct view_ctx *, const char *key,
    long long selected_id, int top_only);

/* 1 when id is an organisation (top_only: without a parent), active or
 * the currently selected one (keep_id). */
int admin_org_exists(struct req *, long long id, long long keep_id,
    int top_only, enum app_err *e);

/* A temporary password: 16 random hex digits in groups of four. Arena. */
struct str admin_temp_password(struct req *);

#endif /* !PAGE_ADMIN_H */
