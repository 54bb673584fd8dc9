/* page_admin_consent.c: the admin's versioned consent texts; see
 * include/page_consent.h. A text a consent has pinned is never changed:
 * saving it makes the next version, which new consents get from then on.
 * A text no consent has used yet is corrected in place. */
#include "bind.h"
#include "consent.h"
#include "consent_record.h"
#include "form.h"
#include "form_registry.h"
#include "page_consent.h"
#include "page_create.h"
#include "pages.h"
#include "req.h"
#include "view.h"

static const char *const pa_kinds[] = { "sekretess", "sus", NULL };

static const struct bind_key text_list_map[] = {
	{ "id", "id" },
	{ "language", "language" },
	{ "version", "version" },
	{ "title", "title" },
	{ "is_current", "current" },
	{ "used", "used" },
	{ "to_check", "to_check" },
	{ "created_at", "created" },
};

/* Every text version as the list "texts" of ctx. */
static enum app_err
pa_bind_texts(struct req *r, struct view_ctx *ctx)
{
	struct consent_text *t;
	size_t n;
	enum app_err e;

	if ((e = consent_text_list(r->db, r->a, &t, &n)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "texts")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "texts");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &consent_text_list_record,
		         text_list_map, BIND_N(text_list_map), &t[i])) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(
		         it, "kind", consent_kind_label(t[i].kind))) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum nt { NT_TYP, NT_SPRAK, NT_TITEL, NT_TEXT, NT__MAX };

static const struct field_spec nt_spec[NT__MAX] = {
	[NT_TYP] = { "typ", FT_ENUM, 0, 0, FF_REQUIRED, pa_kinds },
	[NT_SPRAK] = { "sprak", FT_TEXT, 2, 10, FF_REQUIRED, NULL },
	[NT_TITEL] = { "titel", FT_TEXT, 1, 200, FF_REQUIRED, NULL },
	[NT_TEXT] = { "text", FT_TEXT, 1, 20000, FF_REQUIRED | FF_MULTILINE,
	    NULL },
};

enum app_err
page_admin_consent_texts(struct req *r)
{
	static const char *const new_text_keys[] = { "ny_sprak", "ny_titel",
		"ny_text" };
	struct view_ctx *ctx;
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = pa_bind_texts(r, ctx)) != APP_OK ||
	    (e = page_form_limits(r, ctx, nt_spec, NT__MAX)) != APP_OK ||
	    (e = page_bind_blank(ctx, new_text_keys,
	         sizeof(new_text_keys) / sizeof(new_text_keys[0]))) != APP_OK ||
	    (e = page_create_bind(r, ctx, STR_LIT(""))) != APP_OK ||
	    (req_query(r, "sparat") != NULL &&
	        (e = view_ctx_set_cstr(ctx, "notice", "Texten är sparad.")) !=
	            APP_OK))
		return e;
	return page_render(r, "admin_samtyckestexter", "Samtyckestexter", ctx);
}

enum tf { TF_TITEL, TF_TEXT, TF__MAX };

static const struct field_spec tf_spec[TF__MAX] = {
	[TF_TITEL] = { "titel", FT_TEXT, 1, 200, FF_REQUIRED, NULL },
	[TF_TEXT] = { "text", FT_TEXT, 1, 20000, FF_REQUIRED | FF_MULTILINE,
	    NULL },
};

static const struct bind_key text_map[] = {
	{ "id", "id" },
	{ "language", "language" },
	{ "version", "version" },
	{ "is_current", "current" },
	{ "used", "used" },
};

static enum app_err
pa_render_text(struct req *r, const struct consent_text *t, struct str title,
    struct str body, const char *err_title, const char *err_body)
{
	struct view_ctx *ctx;
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = page_form_limits(r, ctx, tf_spec, TF__MAX)) != APP_OK ||
	    (e = bind_record(ctx, &consent_text_record, text_map,
	         BIND_N(text_map), t)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "kind", consent_kind_label(t->kind))) !=
	        APP_OK ||
	    (e = view_ctx_set_int(ctx, "next_version", t->version + 1)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "titel", title)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "text", body)) != APP_OK ||
	    (e = page_form_error(ctx, "err_titel", err_title)) != APP_OK ||
	    (e = page_form_error(ctx, "err_text", err_body)) != APP_OK)
		return e;
	return page_render(r, "admin_samtyckestext", "Samtyckestext", ctx);
}

static enum app_err
pa_load(struct req *r, long long *id, struct consent_text *t)
{
	int found;
	enum app_err e;

	if ((e = req_param_id(r, id)) != APP_OK ||
	    (e = consent_text_lock(r->db, r->a, *id, t, &found)) != APP_OK)
		return e;
	return found ? APP_OK : APP_ENOTFOUND;
}

enum app_err
page_admin_consent_text(struct req *r)
{
	struct consent_text t;
	long long id;
	enum app_err e;

	if ((e = pa_load(r, &id, &t)) != APP_OK)
		return e;
	return pa_render_text(r, &t, t.title, t.body, NULL, NULL);
}

enum app_err
page_admin_consent_text_save(struct req *r)
{
	struct field_val v[TF__MAX];
	struct consent_text t;
	enum consent_refusal refused;
	long long id;
	size_t nerr = 0;
	enum app_err e;

	if ((e = pa_load(r, &id, &t)) != APP_OK)
		return e;
	if ((e = form_validate(r->a, &r->form, tf_spec, TF__MAX, v, &nerr)) !=
	    APP_OK)
		return e;
	if (nerr > 0) {
		r->resp.status = 400;
		return pa_render_text(r, &t, v[TF_TITEL].s, v[TF_TEXT].s,
		    v[TF_TITEL].ok ? NULL : v[TF_TITEL].error,
		    v[TF_TEXT].ok ? NULL : v[TF_TEXT].error);
	}
	if ((e = consent_text_save(
	         r, id, v[TF_TITEL].s, v[TF_TEXT].s, &t, &refused)) != APP_OK)
		return e;
	if (refused != CONSENT_OK) {
		r->resp.status = 409;
		return pa_render_text(r, &t, v[TF_TITEL].s, v[TF_TEXT].s,
		    consent_refusal_text(refused), NULL);
	}
	return page_redirect(r, "/admin/samtyckestexter?sparat=1");
}

/* A BCP 47-ish tag as the table's CHECK wants: 2-3 lower-case letters,
 * then optional "-" and 2..8 letters or digits. */
static int
pa_language_ok(struct str s)
{
	size_t i = 0, n;

	while (i < s.len && s.p[i] >= 'a' && s.p[i] <= 'z')
		i++;
	if (i < 2 || i > 3)
		return 0;
	while (i < s.len) {
		if (s.p[i++] != '-')
			return 0;
		n = 0;
		while (i < s.len &&
		    ((s.p[i] >= 'a' && s.p[i] <= 'z') ||
		        (s.p[i] >= 'A' && s.p[i] <= 'Z') ||
		        (s.p[i] >= '0' && s.p[i] <= '9'))) {
			i++;
			n++;
		}
		if (n < 2 || n > 8)
			return 0;
	}
	return 1;
}

/* The add form again (it is on the list page): each field says what is
 * wrong, with everything typed kept. */
static enum app_err
pa_add_refused(struct req *r, const struct field_val *v, struct str key)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = pa_bind_texts(r, ctx)) != APP_OK ||
	    (e = page_form_limits(r, ctx, nt_spec, NT__MAX)) != APP_OK ||
	    (e = page_create_bind(r, ctx, key)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "ny_typ_sekretess",
	         v[NT_TYP].ok && v[NT_TYP].i == 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "ny_typ_sus",
	         v[NT_TYP].ok && v[NT_TYP].i == 1)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "ny_titel", v[NT_TITEL].s)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "ny_text", v[NT_TEXT].s)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "ny_sprak", v[NT_SPRAK].s)) != APP_OK ||
	    (e = page_form_error(ctx, "ny_typ_fel", v[NT_TYP].error)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "ny_sprak_fel", v[NT_SPRAK].error)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "ny_titel_fel", v[NT_TITEL].error)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "ny_text_fel", v[NT_TEXT].error)) !=
	        APP_OK)
		return e;
	r->resp.status = 400;
	return page_render(r, "admin_samtyckestexter", "Samtyckestexter", ctx);
}

enum app_err
page_admin_consent_text_add(struct req *r)
{
	static const char list[] = "/admin/samtyckestexter";
	static const char saved[] = "/admin/samtyckestexter?sparat=1";
	struct str key = page_create_key(r);
	struct field_val v[NT__MAX];
	size_t nerr = 0;
	long long id;
	int answered;
	enum app_err e;

	if ((e = form_validate(r->a, &r->form, nt_spec, NT__MAX, v, &nerr)) !=
	    APP_OK)
		return e;
	if (v[NT_SPRAK].ok && v[NT_SPRAK].present &&
	    !pa_language_ok(v[NT_SPRAK].s)) {
		v[NT_SPRAK].ok = 0;
		v[NT_SPRAK].error =
		    "Ange en språkkod som sv, so, ti eller fa-AF.";
		nerr++;
	}
	if (page_create_bad(key))
		return pa_add_refused(r, v, key);
	if ((e = page_create_begin(r, key, list, &answered)) != APP_OK ||
	    answered)
		return e;
	if (nerr > 0) {
		db_rollback(r->db);
		return pa_add_refused(r, v, key);
	}
	if ((e = consent_text_add(r, (enum consent_kind)v[NT_TYP].i,
	         v[NT_SPRAK].s, v[NT_TITEL].s, v[NT_TEXT].s, &id)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	if ((e = page_create_commit(r, key, str_cstr(saved))) != APP_OK)
		return e;
	return page_redirect(r, saved);
}

static const struct form_def admin_consent_forms[] = {
	{ "POST /admin/samtyckestexter/:id", "admin_samtyckestext", tf_spec,
	    TF__MAX },
	{ "POST /admin/samtyckestexter/ny", "admin_samtyckestexter", nt_spec,
	    NT__MAX },
};

const struct form_def *
page_admin_consent_forms(size_t *n)
{
	*n = sizeof(admin_consent_forms) / sizeof(admin_consent_forms[0]);
	return admin_consent_forms;
}
