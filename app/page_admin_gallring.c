/* page_admin_gallring.c: /admin/gallring, the admin's förbund's gallring
 * rules and what the next run removes of its records; see
 * include/page_admin.h. Every statement is of the request's förbund
 * (sql_gallring.c): another förbund's rules are neither shown nor
 * changed. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "form_registry.h"
#include "gallring.h"
#include "gallring_run.h"
#include "page_admin.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "sql_gallring.h"
#include "view.h"

/*
 * One form edits every rule's keep_days. Each rule carries its own
 * version: the save locks every rule and refuses (409, input kept) when
 * any of them moved on since the form was read, since whether a set of
 * rules may be saved depends on all of them (gallring_validate_all()).
 * A retry of a save that went through finds its own values stored and
 * changes nothing.
 */

/* The rule's days field: "dagar-<code>". */
static const struct field_spec gr_spec[GR__MAX] = {
	[GR_DELTAGANDE] = { "dagar-deltagande", FT_INT, 1, 36500, FF_REQUIRED,
	    NULL },
	[GR_ANSOKAN] = { "dagar-ansokan", FT_INT, 1, 36500, FF_REQUIRED, NULL },
	[GR_SAMTYCKE] = { "dagar-samtycke", FT_INT, 1, 36500, FF_REQUIRED,
	    NULL },
	[GR_ENKATSVAR] = { "dagar-enkatsvar", FT_INT, 1, 36500, FF_REQUIRED,
	    NULL },
	[GR_ENKATKOD] = { "dagar-enkatkod", FT_INT, 1, 36500, FF_REQUIRED,
	    NULL },
	[GR_SUS_DOKUMENT] = { "dagar-sus_dokument", FT_INT, 1, 36500,
	    FF_REQUIRED, NULL },
	[GR_INLOGGNING] = { "dagar-inloggning", FT_INT, 1, 36500, FF_REQUIRED,
	    NULL },
	[GR_ATKOMSTLOGG] = { "dagar-atkomstlogg", FT_INT, 1, 36500, FF_REQUIRED,
	    NULL },
};
_Static_assert(sizeof(gr_spec) / sizeof(gr_spec[0]) == GR__MAX,
    "gr_spec[] out of sync with enum gallring_code");

struct gr_form {
	struct gallring_rule_row now[GR__MAX]; /* as stored */
	struct str days[GR__MAX];              /* as typed, or as stored */
	struct str version[GR__MAX]; /* the version the form carries */
	const char *err[GR__MAX];
	size_t nerr;
	const char *notice, *conflict;
};

/* The stored rules into f->now; APP_EDB when one is missing (the
 * migration inserts every rule, so that is a broken database). */
static enum app_err
gr_load_rules(struct req *r, unsigned q, struct gallring_rule_row now[GR__MAX])
{
	struct gallring_rule_row *rows;
	int seen[GR__MAX] = { 0 };
	enum gallring_code c;
	size_t n;
	enum app_err e;

	if ((e = db_load(r->db, r->a, DB_GALLRING, q, NULL, 0, (void **)&rows,
	         &n)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++)
		if (gallring_code_parse(rows[i].code, &c)) {
			now[c] = rows[i];
			seen[c] = 1;
		}
	for (int i = 0; i < GR__MAX; i++)
		if (!seen[i])
			return APP_EDB;
	return APP_OK;
}

/* The form as stored: days and versions from f->now. */
static void
gr_from_stored(struct req *r, struct gr_form *f)
{
	for (int c = 0; c < GR__MAX; c++) {
		f->days[c] = admin_ll(r, f->now[c].keep_days);
		f->version[c] = admin_version_str(r, f->now[c].version);
	}
}

/* The form's key for rule c's version: "version-<code>". Static. */
static const char *
gr_version_key(enum gallring_code c)
{
	static const char *const keys[GR__MAX] = {
		[GR_DELTAGANDE] = "version-deltagande",
		[GR_ANSOKAN] = "version-ansokan",
		[GR_SAMTYCKE] = "version-samtycke",
		[GR_ENKATSVAR] = "version-enkatsvar",
		[GR_ENKATKOD] = "version-enkatkod",
		[GR_SUS_DOKUMENT] = "version-sus_dokument",
		[GR_INLOGGNING] = "version-inloggning",
		[GR_ATKOMSTLOGG] = "version-atkomstlogg",
	};
	return keys[c];
}

/* Validate the posted form into f: typed values kept, f->nerr errors,
 * each in the Swedish of form.h or of gallring.h. */
static enum app_err
gr_read(struct req *r, struct gr_form *f, long days[GR__MAX])
{
	struct field_val v[GR__MAX];
	enum gallring_refusal ref[GR__MAX];
	int skip[GR__MAX];
	size_t n;
	enum app_err e;

	if ((e = form_validate(r->a, &r->form, gr_spec, GR__MAX, v, &n)) !=
	    APP_OK)
		return e;
	f->nerr = 0;
	for (int c = 0; c < GR__MAX; c++) {
		const struct str *ver =
		    req_form(r, gr_version_key((enum gallring_code)c));

		f->days[c] = admin_value(r, &gr_spec[c], &v[c]);
		f->version[c] = ver != NULL ? *ver : STR_LIT("");
		f->err[c] = v[c].error;
		skip[c] = !v[c].ok || !v[c].present;
		days[c] = (long)v[c].i;
	}
	gallring_validate_all(days, skip, ref);
	for (int c = 0; c < GR__MAX; c++) {
		if (f->err[c] == NULL && ref[c] != GR_REF_OK) {
			char buf[300];

			gallring_refusal_text(
			    ref[c], (enum gallring_code)c, buf, sizeof(buf));
			if ((f->err[c] = arena_memdup(
			         r->a, buf, strlen(buf))) == NULL)
				return APP_ENOMEM;
		}
		f->nerr += f->err[c] != NULL;
	}
	return APP_OK;
}

/* What the next run removes of the admin's förbund, per rule, by its
 * rules (the rows of no förbund are not counted: gallring_run.h); or the
 * reason it would not run for the förbund. */
static enum app_err
gr_preview(struct req *r, struct view_ctx *ctx, long long counts[GR__MAX])
{
	struct gallring_plan plan;
	struct gallring_tally t;
	char msg[400];
	enum app_err e, loaded;

	/* plan.installation is read before the rules are checked. */
	loaded = gallring_plan_load(r->db, r->a, &plan, msg, sizeof(msg));
	if (loaded != APP_OK && loaded != APP_EINPUT)
		return loaded;
	if ((e = view_ctx_set_bool(ctx, "installation", plan.installation)) !=
	    APP_OK)
		return e;
	if (loaded == APP_EINPUT)
		return view_ctx_set_cstr(ctx, "preview_error", msg);
	if ((e = gallring_count(r->db, r->a, &plan, 0, &t)) != APP_OK)
		return e;
	memcpy(counts, t.n, sizeof(t.n));
	return view_ctx_set_cstr(ctx, "preview_error", NULL);
}

static enum app_err
gr_render(struct req *r, const struct gr_form *f)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	long long counts[GR__MAX] = { 0 }, total = 0;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = gr_preview(r, ctx, counts)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", f->notice)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "conflict", f->conflict)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_errors", f->nerr > 0)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "rules")) != APP_OK)
		return e;
	for (int c = 0; c < GR__MAX; c++) {
		const struct gallring_def *d =
		    gallring_def((enum gallring_code)c);
		const struct gallring_rule_row *now = &f->now[c];
		struct view_ctx *it = view_ctx_list_add(ctx, "rules");
		char human[64];

		if (it == NULL)
			return APP_ENOMEM;
		total += counts[c];
		gallring_days_text((long)now->keep_days, human, sizeof(human));
		if ((e = view_ctx_set_cstr(it, "code", d->code)) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "label", d->label)) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "clock", d->clock_label)) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "stored", human)) != APP_OK ||
		    (e = view_ctx_set_int(it, "min", d->min_days)) != APP_OK ||
		    (e = view_ctx_set_int(it, "max", d->max_days)) != APP_OK ||
		    (e = view_ctx_set_str(it, "days", f->days[c])) != APP_OK ||
		    (e = view_ctx_set_str(it, "version", f->version[c])) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "fel", f->err[c])) != APP_OK ||
		    (e = view_ctx_set_str(it, "updated_at", now->updated_at)) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "updated_by", now->updated_by)) !=
		        APP_OK ||
		    (e = view_ctx_set_int(it, "count", counts[c])) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_int(ctx, "total", total)) != APP_OK)
		return e;
	return page_render(r, "admin_gallring", "Gallring", ctx);
}

enum app_err
page_admin_gallring(struct req *r)
{
	struct gr_form f = { 0 };
	enum app_err e;

	if ((e = gr_load_rules(r, SQL_GR_RULES, f.now)) != APP_OK)
		return e;
	gr_from_stored(r, &f);
	if (req_query(r, "sparat") != NULL)
		f.notice = "Ändringarna är sparade.";
	return gr_render(r, &f);
}

/* Not saved because of someone else: the form again with what was typed,
 * the stored values beside it and their versions, so saving again is a
 * choice made knowing them. */
static enum app_err
gr_conflict(struct req *r, struct gr_form *f, enum edit_result why)
{
	enum app_err e;

	if ((e = gr_load_rules(r, SQL_GR_RULES, f->now)) != APP_OK)
		return e;
	if (why == EDIT_STALE)
		for (int c = 0; c < GR__MAX; c++)
			f->version[c] = admin_version_str(r, f->now[c].version);
	f->conflict = admin_edit_message(why);
	r->resp.status = 409;
	return gr_render(r, f);
}

/* Inside the transaction: the changed rules, each with its audit row
 * (old and new value). */
static enum app_err
gr_write(struct req *r, const struct gr_form *f, const long days[GR__MAX],
    int *stale)
{
	enum app_err e;

	for (int c = 0; c < GR__MAX; c++) {
		const struct gallring_rule_row *now = &f->now[c];
		const char *code = gallring_def((enum gallring_code)c)->code;
		char detail[128];

		if (now->keep_days == days[c])
			continue;
		struct db_param p[] = {
			DB_INT(days[c]),
			DB_INT(r->user->id),
			DB_STR(str_cstr(code)),
			DB_INT(now->version),
		};
		if ((e = db_exec(r->db, r->a, DB_GALLRING, SQL_GR_RULE_SET, p,
		         4, NULL)) != APP_OK)
			return e;
		if (db_affected_rows(r->db) != 1) {
			*stale = 1;
			return APP_OK;
		}
		snprintf(detail, sizeof(detail),
		    "gallring rule %s: keep_days %lld -> %ld", code,
		    now->keep_days, days[c]);
		if ((e = audit_write(r, AUDIT_ADMIN, "gallring_rule", -1,
		         STR_LIT(""), str_cstr(detail))) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
page_admin_gallring_save(struct req *r)
{
	struct gr_form f = { 0 };
	long days[GR__MAX];
	int stale = 0, same = 1;
	enum app_err e;

	if ((e = gr_load_rules(r, SQL_GR_RULES, f.now)) != APP_OK ||
	    (e = gr_read(r, &f, days)) != APP_OK)
		return e;
	if (f.nerr > 0) {
		r->resp.status = 400;
		return gr_render(r, &f);
	}
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	e = gr_load_rules(r, SQL_GR_RULES_LOCK, f.now);
	if (e != APP_OK) {
		int busy = db_lock_conflict(r->db);

		db_rollback(r->db);
		return busy ? gr_conflict(r, &f, EDIT_BUSY) : e;
	}
	for (int c = 0; c < GR__MAX; c++) {
		stale |= admin_form_version(&f.version[c]) != f.now[c].version;
		same &= f.now[c].keep_days == days[c];
	}
	if (stale || same) {
		db_rollback(r->db);
		/* Nothing to change: a retry of a save that went through, or
		 * a form sent unchanged. */
		if (same)
			return page_redirect(r, "/admin/gallring?sparat=1");
		return gr_conflict(r, &f, EDIT_STALE);
	}
	if ((e = gr_write(r, &f, days, &stale)) != APP_OK || stale) {
		int busy = e != APP_OK && db_lock_conflict(r->db);

		db_rollback(r->db);
		if (stale || busy)
			return gr_conflict(
			    r, &f, busy ? EDIT_BUSY : EDIT_STALE);
		return e;
	}
	if ((e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return page_redirect(r, "/admin/gallring?sparat=1");
}

static const struct form_def admin_gallring_forms[] = {
	{ "POST /admin/gallring", "admin_gallring", gr_spec, GR__MAX },
};

const struct form_def *
page_admin_gallring_forms(size_t *n)
{
	*n = sizeof(admin_gallring_forms) / sizeof(admin_gallring_forms[0]);
	return admin_gallring_forms;
}
