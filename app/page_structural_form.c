/* page_structural_form.c: the one create/edit flow of the register's rows;
 * see include/page_structural_form.h. */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "edit.h"
#include "form.h"
#include "page_create.h"
#include "page_structural_form.h"
#include "pages.h"
#include "req.h"
#include "structural.h"
#include "view.h"

/* ---- shared with the register page ---- */

enum app_err
psf_access(struct req *r, long long id, struct structural_insats *ins)
{
	int found;
	enum app_err e;

	if ((e = structural_insats_get(r, id, ins, &found)) != APP_OK)
		return e;
	if (!found || !ins->works ||
	    structural_refusal(STRUCTURAL_REGISTER, ins->structural, 0) != NULL)
		return APP_ENOTFOUND;
	return APP_OK;
}

struct str
psf_num(struct req *r, long long v)
{
	struct buf b;

	buf_init(&b, r->a);
	return buf_printf(&b, "%lld", v) == APP_OK ? buf_str(&b) : STR_LIT("");
}

/* ---- the form ---- */

/* The long long member of rec at offset off (insats_at, version_at). */
static long long *
rec_ll(void *rec, size_t off)
{
	return (long long *)((char *)rec + off);
}

static void
form_init(struct psf_form *f, const struct psf_kind *k)
{
	memset(f, 0, sizeof(*f));
	f->spec = k->spec;
	f->n = k->n;
}

/* f->nerr from its errors. */
static void
form_count(struct psf_form *f)
{
	f->nerr = f->form_error != NULL;
	for (size_t k = 0; k < f->n; k++)
		f->nerr += f->err[k] != NULL;
}

/* before, id in decimal, after: a path. Arena; NULL on a full arena. */
static const char *
form_path(struct req *r, const char *before, long long id, const char *after)
{
	struct buf b;

	buf_init(&b, r->a);
	return buf_printf(&b, "%s%lld%s", before, id, after) == APP_OK ? b.p
	                                                               : NULL;
}

/* The form's values, errors and limits, and the stored values after a
 * conflict, into the kind's view. */
static enum app_err
form_render(
    struct req *r, const struct psf_kind *kind, const struct psf_form *f)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	const char *action = f->id
	    ? form_path(r, kind->edit_path, f->id, "")
	    : form_path(r, "/struktur/", f->ins.id, kind->new_path);
	enum app_err e;

	if (ctx == NULL || action == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_int(ctx, "insats_id", f->ins.id)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats", f->ins.name)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "action", action)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_new", f->id == 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_errors", f->nerr > 0)) != APP_OK ||
	    (e = page_form_error(ctx, "form_error", f->form_error)) != APP_OK ||
	    (e = page_form_limits(r, ctx, f->spec, f->n)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "current")) != APP_OK ||
	    (f->id == 0 && (e = page_create_bind(r, ctx, f->key)) != APP_OK))
		return e;
	for (size_t k = 0; k < f->n; k++) {
		struct buf key;

		buf_init(&key, r->a);
		if ((e = view_ctx_set_str(ctx, f->spec[k].name, f->v[k])) !=
		        APP_OK ||
		    (e = buf_printf(&key, "%s_fel", f->spec[k].name)) !=
		        APP_OK ||
		    (e = page_form_error(ctx, key.p, f->err[k])) != APP_OK)
			return e;
	}
	if (f->show_stored) {
		struct view_ctx *cur = view_ctx_list_add(ctx, "current");
		if (cur == NULL)
			return APP_ENOMEM;
		for (size_t k = 0; k + 1 < f->n; k++)
			if ((e = view_ctx_set_str(
			         cur, f->spec[k].name, f->stored[k])) != APP_OK)
				return e;
	}
	return page_render(
	    r, kind->view, f->id ? kind->title_edit : kind->title_new, ctx);
}

/* The posted form into f (values as typed, the table's errors with the
 * required fields' own words, the kind's checks) and into rec. */
static enum app_err
form_read(
    struct req *r, const struct psf_kind *kind, struct psf_form *f, void *rec)
{
	struct field_val fv[PSF_MAXF];
	size_t n;
	enum app_err e;

	if ((e = form_validate(r->a, &r->form, f->spec, f->n, fv, &n)) !=
	    APP_OK)
		return e;
	for (size_t k = 0; k < f->n; k++) {
		f->v[k] = fv[k].s;
		f->err[k] = fv[k].error;
		if (f->err[k] != NULL && !fv[k].present &&
		    kind->required[k] != NULL)
			f->err[k] = kind->required[k];
	}
	if (kind->check != NULL && (e = kind->check(r, f)) != APP_OK)
		return e;
	if (f->id != 0 && f->v[f->n - 1].len == 0)
		f->form_error = PSF_MSG_VERSION;
	form_count(f);
	memset(rec, 0, kind->rec_size);
	kind->record(f, rec);
	return APP_OK;
}

/* APP_EDUP on the kind's field: 400 with the form; else e. */
static enum app_err
form_dup(struct req *r, const struct psf_kind *kind, struct psf_form *f,
    enum app_err e)
{
	if (e != APP_EDUP || kind->dup_field < 0)
		return e;
	f->err[kind->dup_field] = kind->dup_msg;
	form_count(f);
	r->resp.status = 400;
	return form_render(r, kind, f);
}

/* 303 to the register of insats_id after a save. */
static enum app_err
form_saved(struct req *r, long long insats_id)
{
	const char *p = form_path(r, "/struktur/", insats_id, "?sparat=1");

	return p ? page_redirect(r, p) : APP_ENOMEM;
}

/* ---- the flow ---- */

enum app_err
psf_new(struct req *r, const struct psf_kind *kind)
{
	struct psf_form f;
	long long id;
	enum app_err e;

	form_init(&f, kind);
	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = psf_access(r, id, &f.ins)) != APP_OK)
		return e;
	return form_render(r, kind, &f);
}

enum app_err
psf_create(struct req *r, const struct psf_kind *kind)
{
	struct psf_form f;
	void *rec = arena_alloc(r->a, kind->rec_size);
	long long id, rid = 0;
	const char *saved;
	int answered;
	enum app_err e;

	form_init(&f, kind);
	f.key = page_create_key(r);
	if (rec == NULL)
		return APP_ENOMEM;
	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = psf_access(r, id, &f.ins)) != APP_OK ||
	    (e = form_read(r, kind, &f, rec)) != APP_OK)
		return e;
	if ((saved = form_path(r, "/struktur/", id, "?sparat=1")) == NULL)
		return APP_ENOMEM;
	if (page_create_bad(f.key)) {
		r->resp.status = 400;
		return form_render(r, kind, &f);
	}
	if ((e = page_create_begin(r, f.key, saved, &answered)) != APP_OK ||
	    answered)
		return e;
	if (f.nerr > 0) {
		db_rollback(r->db);
		r->resp.status = 400;
		return form_render(r, kind, &f);
	}
	if ((e = kind->insert(r, rec, &rid)) == APP_OK &&
	    (e = audit_write(r, AUDIT_CREATE, kind->audit_type, rid,
	         STR_LIT(""), str_cstr(kind->audit_added))) == APP_OK &&
	    (e = page_create_commit(r, f.key, str_cstr(saved))) == APP_OK)
		return page_redirect(r, saved);
	db_rollback(r->db);
	return form_dup(r, kind, &f, e);
}

/* The row of the path's id and its insats as r's user reaches them. */
static enum app_err
form_access(struct req *r, const struct psf_kind *kind, long long *id,
    void *rec, struct psf_form *f)
{
	int found;
	enum app_err e;

	if ((e = req_param_id(r, id)) != APP_OK ||
	    (e = kind->get(r, *id, 0, rec, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	f->id = *id;
	return psf_access(r, *rec_ll(rec, kind->insats_at), &f->ins);
}

enum app_err
psf_edit(struct req *r, const struct psf_kind *kind)
{
	struct psf_form f;
	void *rec = arena_alloc(r->a, kind->rec_size);
	long long id;
	enum app_err e;

	form_init(&f, kind);
	if (rec == NULL)
		return APP_ENOMEM;
	if ((e = form_access(r, kind, &id, rec, &f)) != APP_OK)
		return e;
	kind->values(r, f.v, rec);
	return form_render(r, kind, &f);
}

/* The versioned edit (edit.h): typed as read from the form, now as
 * locked. */
struct form_edit {
	const struct psf_kind *kind;
	long long id;
	void *typed, *now;
};

static enum app_err
form_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct form_edit *fe = state;
	const struct psf_kind *kind = fe->kind;
	int found;
	enum app_err e;

	if ((e = kind->get(r, fe->id, 1, fe->now, &found)) != APP_OK)
		return e;
	if (!found ||
	    *rec_ll(fe->now, kind->insats_at) !=
	        *rec_ll(fe->typed, kind->insats_at))
		return APP_ENOTFOUND;
	lock->version = *rec_ll(fe->now, kind->version_at);
	return APP_OK;
}

static enum app_err
form_write(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct form_edit *fe = state;

	memcpy(fe->now, fe->typed, fe->kind->rec_size);
	*rec_ll(fe->now, fe->kind->version_at) = lock->version;
	*changed = 1;
	return fe->kind->update(r, fe->now);
}

static const struct edit_ops form_ops = { form_lock, form_write };

enum app_err
psf_save(struct req *r, const struct psf_kind *kind)
{
	struct form_edit fe = { .kind = kind };
	void *stored = arena_alloc(r->a, kind->rec_size);
	struct psf_form f;
	struct edit ed;
	struct edit_lock lock;
	enum edit_result res;
	int found;
	enum app_err e;

	form_init(&f, kind);
	fe.typed = arena_alloc(r->a, kind->rec_size);
	fe.now = arena_alloc(r->a, kind->rec_size);
	if (stored == NULL || fe.typed == NULL || fe.now == NULL)
		return APP_ENOMEM;
	if ((e = form_access(r, kind, &fe.id, stored, &f)) != APP_OK ||
	    (e = form_read(r, kind, &f, fe.typed)) != APP_OK)
		return e;
	if (f.nerr > 0) {
		r->resp.status = 400;
		return form_render(r, kind, &f);
	}
	ed = (struct edit){ .ops = &form_ops,
		.state = &fe,
		.form_version = *rec_ll(fe.typed, kind->version_at),
		.audit_type = kind->audit_type,
		.audit_id = fe.id,
		.audit_detail = kind->audit_updated };
	if ((e = edit_run(r, &ed, &res, &lock)) != APP_OK)
		return form_dup(r, kind, &f, e);
	if (res == EDIT_SAVED)
		return form_saved(r, f.ins.id);
	/* Not saved: keep what was typed, show what is stored. */
	if ((e = kind->get(r, fe.id, 0, stored, &found)) != APP_OK)
		return e;
	kind->values(r, f.stored, stored);
	f.show_stored = 1;
	if (res == EDIT_STALE)
		f.v[f.n - 1] = f.stored[f.n - 1];
	f.form_error = res == EDIT_BUSY ? EDIT_MSG_BUSY : PSF_MSG_STALE;
	form_count(&f);
	r->resp.status = 409;
	return form_render(r, kind, &f);
}
