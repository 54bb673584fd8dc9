/* page_admin_org.c: organisations and their units; see
 * include/page_admin.h. The rules are organisation.h's. */
#include "audit.h"
#include "bind.h"
#include "db.h"
#include "edit.h"
#include "form_registry.h"
#include "organisation.h"
#include "page_create.h"
#include "page_admin.h"
#include "pages.h"
#include "req.h"
#include "view.h"

/*
 * The form keeps its values as strings, one per field, whether they came
 * from the database or from what was typed, so that a form with errors
 * re-renders exactly what the user sent.
 */

enum { OF_NAME, OF_SHORT, OF_KIND, OF_PARENT, OF_SHARE, OF_ACTIVE, OF__MAX };

static const struct field_spec org_spec[OF__MAX] = {
	[OF_NAME] = { "namn", FT_TEXT, 1, 200, FF_REQUIRED, NULL },
	[OF_SHORT] = { "kortnamn", FT_TEXT, 0, 60, 0, NULL },
	/* .i is the enum org_kind: org_kind_names is in enum order. */
	[OF_KIND] = { "typ", FT_ENUM, 0, 0, FF_REQUIRED, org_kind_names },
	[OF_PARENT] = { "overordnad", FT_INT, 1, 4294967295LL, 0, NULL },
	[OF_SHARE] = { "dela", FT_BOOL, 0, 0, 0, NULL },
	[OF_ACTIVE] = { "aktiv", FT_BOOL, 0, 0, 0, NULL },
};

/* View keys of the errors, by field. */
static const char *const org_err_keys[OF__MAX] = { "namn_fel", "kortnamn_fel",
	"typ_fel", "overordnad_fel", "dela_fel", "aktiv_fel" };

#define MSG_ORG_DUP                                                            \
	"Det finns redan en organisation med det namnet på samma nivå."

struct org_form {
	long long id; /* 0: new */
	struct str v[OF__MAX];
	const char *err[OF__MAX];
	struct str version;
	struct str key;       /* a new one's one-time key (page_create.h) */
	const char *conflict; /* not saved: someone else saved */
	const char *notice;
	struct organisation stored; /* after a conflict */
};

/* ---- the list ---- */

static const struct bind_key org_list_keys[] = {
	{ "id", "id" },
	{ "name", "name" },
	{ "short_name", "short_name" },
	{ "parent_name", "parent" },
	{ "share_within_unit", "share" },
	{ "active", "active" },
	{ "staff_count", "staff" },
};

enum app_err
page_admin_orgs(struct req *r)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct org_row *rows;
	size_t n;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = org_list(r, &rows, &n)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "orgs")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "orgs");
		enum org_kind kind;

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &org_row_record, org_list_keys,
		         BIND_N(org_list_keys), &rows[i])) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "kind",
		         org_kind_from_name(rows[i].kind, &kind)
		             ? org_kind_label(kind)
		             : "")) != APP_OK ||
		    (e = view_ctx_set_bool(
		         it, "is_unit", rows[i].parent_id != 0)) != APP_OK)
			return e;
	}
	return page_render(r, "admin_organisationer", "Organisationer", ctx);
}

/* ---- the form ---- */

/* The kinds' labels by index, for admin_choices(). */
static const char *
admin_org_kind_label(int k)
{
	return org_kind_label((enum org_kind)k);
}

static enum app_err
admin_org_render(struct req *r, const struct org_form *f)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct org_row *orgs;
	size_t norgs;
	struct buf action;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = org_list(r, &orgs, &norgs)) != APP_OK)
		return e;
	buf_init(&action, r->a);
	if (f->id == 0)
		e = buf_puts(&action, "/admin/organisationer/ny");
	else
		e = buf_printf(&action, "/admin/organisationer/%lld", f->id);
	if (e != APP_OK)
		return e;
	if ((e = page_form_limits(r, ctx, org_spec, OF__MAX)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_new", f->id == 0)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "action", buf_str(&action))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "version", f->version)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", f->notice)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "namn", f->v[OF_NAME])) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "kortnamn", f->v[OF_SHORT])) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "dela", f->v[OF_SHARE].len > 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "aktiv", f->v[OF_ACTIVE].len > 0)) !=
	        APP_OK ||
	    (e = admin_org_options(r, ctx, "parents", orgs, norgs,
	         str_to_ll(f->v[OF_PARENT]), 1)) != APP_OK)
		return e;
	for (size_t k = 0; k < OF__MAX; k++)
		if (f->err[k] != NULL &&
		    ((e = view_ctx_set_cstr(ctx, org_err_keys[k], f->err[k])) !=
		            APP_OK ||
		        (e = view_ctx_set_bool(ctx, "has_errors", 1)) !=
		            APP_OK))
			return e;
	if ((e = admin_choices(r, ctx, "kinds", org_kind_names,
	         admin_org_kind_label, f->v[OF_KIND])) != APP_OK ||
	    (f->id == 0 && (e = page_create_bind(r, ctx, f->key)) != APP_OK))
		return e;
	if (f->conflict != NULL &&
	    ((e = view_ctx_set_cstr(ctx, "conflict", f->conflict)) != APP_OK ||
	        (e = view_ctx_set_str(ctx, "current_name", f->stored.name)) !=
	            APP_OK ||
	        (e = view_ctx_set_str(
	             ctx, "current_short", f->stored.short_name)) != APP_OK ||
	        (e = view_ctx_set_bool(
	             ctx, "current_active", f->stored.active)) != APP_OK))
		return e;
	return page_render(r, "admin_organisation",
	    f->id == 0 ? "Ny organisation" : "Redigera organisation", ctx);
}

/* Load organisation id into f (values as the form shows them). */
static enum app_err
admin_org_load(struct req *r, long long id, struct org_form *f)
{
	struct organisation o;
	int found;
	enum app_err e;

	if ((e = org_get(r, id, 0, &o, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	*f = (struct org_form){ .id = id, .stored = o };
	f->v[OF_NAME] = o.name;
	f->v[OF_SHORT] = o.short_name;
	f->v[OF_KIND] = o.kind;
	f->v[OF_PARENT] = o.parent_id ? admin_ll(r, o.parent_id) : STR_LIT("");
	f->v[OF_SHARE] = o.share_within_unit ? STR_LIT("1") : STR_LIT("");
	f->v[OF_ACTIVE] = o.active ? STR_LIT("1") : STR_LIT("");
	f->version = admin_version_str(r, o.version);
	return APP_OK;
}

/* Validate the posted form into f; *nerr errors. */
static enum app_err
admin_org_read(struct req *r, struct org_form *f, size_t *nerr)
{
	struct field_val fv[OF__MAX];
	long long keep_parent = str_to_ll(f->v[OF_PARENT]); /* stored */
	struct org_row *orgs;
	size_t n, norgs;
	enum app_err e;

	if ((e = form_validate(r->a, &r->form, org_spec, OF__MAX, fv, &n)) !=
	    APP_OK)
		return e;
	for (size_t k = 0; k < OF__MAX; k++) {
		f->v[k] = admin_value(r, &org_spec[k], &fv[k]);
		f->err[k] = fv[k].error;
	}
	f->v[OF_SHARE] = fv[OF_SHARE].i ? STR_LIT("1") : STR_LIT("");
	f->v[OF_ACTIVE] = fv[OF_ACTIVE].i ? STR_LIT("1") : STR_LIT("");
	if (f->err[OF_PARENT] == NULL) {
		if ((e = org_list(r, &orgs, &norgs)) != APP_OK)
			return e;
		f->err[OF_PARENT] = org_parent_problem(orgs, norgs, f->id,
		    fv[OF_KIND].ok && fv[OF_KIND].present ? (int)fv[OF_KIND].i
		                                          : -1,
		    fv[OF_PARENT].ok ? fv[OF_PARENT].i : 0, keep_parent);
	}
	*nerr = 0;
	for (size_t k = 0; k < OF__MAX; k++)
		*nerr += f->err[k] != NULL;
	return APP_OK;
}

/* f's values as the organisation to save (f is valid). */
static struct org_change
admin_org_change(const struct org_form *f)
{
	struct org_change c = { 0 };

	c.parent_id = str_to_ll(f->v[OF_PARENT]);
	(void)org_kind_from_name(f->v[OF_KIND], &c.kind);
	c.name = f->v[OF_NAME];
	c.short_name = f->v[OF_SHORT];
	c.share_within_unit = f->v[OF_SHARE].len > 0;
	c.active = f->v[OF_ACTIVE].len > 0;
	return c;
}

enum app_err
page_admin_org_new(struct req *r)
{
	struct org_form f = { 0 };

	f.v[OF_ACTIVE] = STR_LIT("1");
	return admin_org_render(r, &f);
}

enum app_err
page_admin_org(struct req *r)
{
	struct org_form f;
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_org_load(r, id, &f)) != APP_OK)
		return e;
	if (req_query(r, "sparat") != NULL)
		f.notice = "Ändringarna är sparade.";
	return admin_org_render(r, &f);
}

/* The form again with the name taken on that level. */
static enum app_err
admin_org_dup(struct req *r, struct org_form *f)
{
	f->err[OF_NAME] = MSG_ORG_DUP;
	r->resp.status = 400;
	return admin_org_render(r, f);
}

enum app_err
page_admin_org_create(struct req *r)
{
	struct org_form f = { .key = page_create_key(r) };
	struct org_change c;
	long long id = 0;
	size_t nerr;
	int answered;
	enum app_err e;

	if ((e = admin_org_read(r, &f, &nerr)) != APP_OK)
		return e;
	if (page_create_bad(f.key)) {
		r->resp.status = 400;
		return admin_org_render(r, &f);
	}
	if ((e = page_create_begin(
	         r, f.key, "/admin/organisationer", &answered)) != APP_OK ||
	    answered)
		return e;
	if (nerr > 0) {
		db_rollback(r->db);
		r->resp.status = 400;
		return admin_org_render(r, &f);
	}
	c = admin_org_change(&f);
	e = org_insert(r, &c, &id);
	if (e == APP_EDUP) {
		db_rollback(r->db);
		return admin_org_dup(r, &f);
	}
	if (e != APP_OK ||
	    (e = audit_write(r, AUDIT_ADMIN, "organisation", id, STR_LIT(""),
	         STR_LIT("organisation created"))) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return admin_created(r, f.key, "/admin/organisationer", id);
}

/* The versioned edit of an organisation (edit.h). */
static enum app_err
admin_org_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct org_form *f = state;
	struct organisation now;
	int found;
	enum app_err e;

	if ((e = org_get(r, f->id, 1, &now, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	lock->version = now.version;
	return APP_OK;
}

static enum app_err
admin_org_write(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct org_form *f = state;
	struct org_change c = admin_org_change(f);
	enum app_err e;

	(void)lock;
	if ((e = org_update(r, f->id, &c)) != APP_OK)
		return e;
	*changed = 1; /* every save is logged */
	return APP_OK;
}

static const struct edit_ops admin_org_ops = {
	admin_org_lock,
	admin_org_write,
};

enum app_err
page_admin_org_save(struct req *r)
{
	const struct str *version = req_form(r, "version");
	struct org_form f, now;
	enum edit_result res;
	long long id;
	size_t nerr;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_org_load(r, id, &f)) != APP_OK ||
	    (e = admin_org_read(r, &f, &nerr)) != APP_OK)
		return e;
	f.version = version ? *version : STR_LIT("");
	if (nerr > 0) {
		r->resp.status = 400;
		return admin_org_render(r, &f);
	}
	e = admin_edit_run(r, &admin_org_ops, &f, "organisation", id,
	    "organisation updated", &res);
	if (e == APP_EDUP)
		return admin_org_dup(r, &f);
	if (e != APP_OK)
		return e;
	if (res == EDIT_SAVED)
		return admin_saved(r, "/admin/organisationer", id);
	/* Not saved: keep what was typed and show what is stored. */
	if ((e = admin_org_load(r, id, &now)) != APP_OK)
		return e;
	f.stored = now.stored;
	if (res == EDIT_STALE)
		f.version = now.version;
	f.conflict = admin_edit_message(res);
	r->resp.status = 409;
	return admin_org_render(r, &f);
}

static const struct form_def admin_org_forms[] = {
	{ "POST /admin/organisationer/ny", "admin_organisation", org_spec,
	    OF__MAX },
	{ "POST /admin/organisationer/:id", "admin_organisation", org_spec,
	    OF__MAX },
};

const struct form_def *
page_admin_org_forms(size_t *n)
{
	*n = sizeof(admin_org_forms) / sizeof(admin_org_forms[0]);
	return admin_org_forms;
}
