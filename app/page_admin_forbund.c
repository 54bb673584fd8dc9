/* page_admin_forbund.c: the förbund's own details; see
 * include/page_admin_forbund.h. The rules are forbund.h's. */
#include <string.h>

#include "bind.h"
#include "db.h"
#include "edit.h"
#include "forbund.h"
#include "form_registry.h"
#include "page_admin.h"
#include "page_admin_forbund.h"
#include "pages.h"
#include "req.h"
#include "view.h"

/* The form's fields, in forbund.h's order (enum forbund_detail). */
static const struct field_spec forbund_spec[FORBUND_DETAIL__MAX] = {
	[FORBUND_ORG_NUMBER] = { "orgnr", FT_TEXT, 0, FORBUND_ORG_NUMBER_MAX, 0,
	    NULL },
	[FORBUND_SUS_CODE] = { "suskod", FT_TEXT, 0, FORBUND_SUS_CODE_MAX, 0,
	    NULL },
	[FORBUND_MUNICIPALITIES] = { "kommuner", FT_TEXT, 0,
	    FORBUND_MUNICIPALITIES_MAX, 0, NULL },
	[FORBUND_DESCRIPTION] = { "beskrivning", FT_TEXT, 0,
	    FORBUND_DESCRIPTION_MAX, FF_MULTILINE, NULL },
};

/* View keys of the errors, by field. */
static const char *const forbund_err_keys[FORBUND_DETAIL__MAX] = { "orgnr_fel",
	"suskod_fel", "kommuner_fel", "beskrivning_fel" };

/* What the access log says changed, by field. */
static const char *const forbund_detail_names[FORBUND_DETAIL__MAX] = {
	"org number", "SUS code", "municipalities", "description"
};

#define MSG_ORGNR_DUP                                                          \
	"Ett annat förbund i installationen har redan det "                   \
	"organisationsnumret."

/* The form keeps its values as strings, whether from the database or as
 * typed, so that a form with errors shows exactly what was sent. */
struct forbund_form {
	struct str v[FORBUND_DETAIL__MAX];
	const char *err[FORBUND_DETAIL__MAX];
	char orgnr[FORBUND_ORG_NUMBER_MAX + 1]; /* as checked, dashed */
	struct str version;
	const char *conflict; /* not saved: someone else saved */
	const char *notice;
	struct forbund stored; /* as loaded; after a conflict, as it is now */
};

static const struct bind_key forbund_now_keys[] = {
	{ "org_number", "current_orgnr" },
	{ "sus_code", "current_suskod" },
	{ "municipalities", "current_kommuner" },
	{ "description", "current_beskrivning" },
};

static enum app_err
admin_forbund_render(struct req *r, const struct forbund_form *f)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	const struct forbund *s = &f->stored;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = page_form_limits(r, ctx, forbund_spec, FORBUND_DETAIL__MAX)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "version", f->version)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", f->notice)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "namn", s->name)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "kortnamn", s->short_name)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "vardnamn", s->public_host)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "aktiv", s->active)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "orgnr", f->v[FORBUND_ORG_NUMBER])) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "suskod", f->v[FORBUND_SUS_CODE])) !=
	        APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "kommuner", f->v[FORBUND_MUNICIPALITIES])) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "beskrivning", f->v[FORBUND_DESCRIPTION])) != APP_OK)
		return e;
	for (size_t k = 0; k < FORBUND_DETAIL__MAX; k++)
		if ((e = page_form_error(
		         ctx, forbund_err_keys[k], f->err[k])) != APP_OK)
			return e;
	if (f->conflict != NULL &&
	    ((e = view_ctx_set_cstr(ctx, "conflict", f->conflict)) != APP_OK ||
	        (e = bind_record(ctx, &forbund_record, forbund_now_keys,
	             BIND_N(forbund_now_keys), s)) != APP_OK))
		return e;
	return page_render(r, "admin_forbund", "Förbundet", ctx);
}

/* The request's förbund into f, its values as the form shows them. */
static enum app_err
admin_forbund_load(struct req *r, struct forbund_form *f)
{
	int found;
	enum app_err e;

	memset(f, 0, sizeof(*f));
	if ((e = forbund_get(r, 0, &f->stored, &found)) != APP_OK)
		return e;
	if (!found) /* a session's förbund is there: a bug */
		return APP_ENOTFOUND;
	f->v[FORBUND_ORG_NUMBER] = f->stored.org_number;
	f->v[FORBUND_SUS_CODE] = f->stored.sus_code;
	f->v[FORBUND_MUNICIPALITIES] = f->stored.municipalities;
	f->v[FORBUND_DESCRIPTION] = f->stored.description;
	f->version = admin_version_str(r, f->stored.version);
	return APP_OK;
}

/* The posted values into f, checked by the field table and by
 * forbund_details_check(); *nerr errors. Only the four fields are read:
 * which förbund is never the form's to say. */
static enum app_err
admin_forbund_read(struct req *r, struct forbund_form *f, size_t *nerr)
{
	struct field_val fv[FORBUND_DETAIL__MAX];
	const char *rule[FORBUND_DETAIL__MAX];
	struct forbund_details d;
	size_t n;
	enum app_err e;

	if ((e = form_validate(r->a, &r->form, forbund_spec,
	         FORBUND_DETAIL__MAX, fv, &n)) != APP_OK)
		return e;
	for (size_t k = 0; k < FORBUND_DETAIL__MAX; k++) {
		f->v[k] = fv[k].s;
		f->err[k] = fv[k].error;
	}
	d = (struct forbund_details){ .org_number = f->v[FORBUND_ORG_NUMBER],
		.sus_code = f->v[FORBUND_SUS_CODE],
		.municipalities = f->v[FORBUND_MUNICIPALITIES],
		.description = f->v[FORBUND_DESCRIPTION] };
	(void)forbund_details_check(&d, f->orgnr, rule);
	*nerr = 0;
	for (size_t k = 0; k < FORBUND_DETAIL__MAX; k++) {
		if (f->err[k] == NULL)
			f->err[k] = rule[k];
		*nerr += f->err[k] != NULL;
	}
	/* Ten digits are saved as NNNNNN-NNNN. */
	if (f->err[FORBUND_ORG_NUMBER] == NULL)
		f->v[FORBUND_ORG_NUMBER] = d.org_number;
	return APP_OK;
}

/* f's values as the details to save (f is valid). */
static struct forbund_details
admin_forbund_details(const struct forbund_form *f)
{
	return (struct forbund_details){
		.org_number = f->v[FORBUND_ORG_NUMBER],
		.sus_code = f->v[FORBUND_SUS_CODE],
		.municipalities = f->v[FORBUND_MUNICIPALITIES],
		.description = f->v[FORBUND_DESCRIPTION],
	};
}

enum app_err
page_admin_forbund(struct req *r)
{
	struct forbund_form f;
	enum app_err e;

	if ((e = admin_forbund_load(r, &f)) != APP_OK)
		return e;
	if (req_query(r, "sparat") != NULL)
		f.notice = "Ändringarna är sparade.";
	return admin_forbund_render(r, &f);
}

/* The versioned edit of the förbund's details (edit.h). */
static enum app_err
admin_forbund_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct forbund now;
	int found;
	enum app_err e;

	(void)state;
	if ((e = forbund_get(r, 1, &now, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	lock->version = now.version;
	return APP_OK;
}

static enum app_err
admin_forbund_write(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct forbund_details d = admin_forbund_details(state);
	enum app_err e;

	(void)lock;
	if ((e = forbund_details_save(r, &d)) != APP_OK)
		return e;
	*changed = 1; /* every save is logged */
	return APP_OK;
}

static const struct edit_ops admin_forbund_ops = {
	admin_forbund_lock,
	admin_forbund_write,
};

/* The access log's detail: which fields the save changes, compared with
 * the row as loaded (the same as the locked one whenever it is saved: the
 * version is a digest of these four). Arena. */
static const char *
admin_forbund_detail(struct req *r, const struct forbund_form *f)
{
	const struct str was[FORBUND_DETAIL__MAX] = { f->stored.org_number,
		f->stored.sus_code, f->stored.municipalities,
		f->stored.description };
	const char *sep = ": ";
	struct buf b;

	buf_init(&b, r->a);
	if (buf_puts(&b, "förbund details saved") != APP_OK)
		return "förbund details saved";
	for (size_t k = 0; k < FORBUND_DETAIL__MAX; k++)
		if (!str_eq(was[k], f->v[k])) {
			if (buf_printf(&b, "%s%s", sep,
			        forbund_detail_names[k]) != APP_OK)
				return "förbund details saved";
			sep = ", ";
		}
	if (*sep == ':' && buf_puts(&b, ", unchanged") != APP_OK)
		return "förbund details saved";
	return b.p;
}

enum app_err
page_admin_forbund_save(struct req *r)
{
	const struct str *version = req_form(r, "version");
	struct forbund_form f, now;
	enum edit_result res;
	size_t nerr;
	enum app_err e;

	if ((e = admin_forbund_load(r, &f)) != APP_OK ||
	    (e = admin_forbund_read(r, &f, &nerr)) != APP_OK)
		return e;
	f.version = version ? *version : STR_LIT("");
	if (nerr > 0) {
		r->resp.status = 400;
		return admin_forbund_render(r, &f);
	}
	e = admin_edit_run(r, &admin_forbund_ops, &f, "forbund", f.stored.id,
	    admin_forbund_detail(r, &f), &res);
	if (e == APP_EDUP) {
		f.err[FORBUND_ORG_NUMBER] = MSG_ORGNR_DUP;
		r->resp.status = 400;
		return admin_forbund_render(r, &f);
	}
	if (e != APP_OK)
		return e;
	if (res == EDIT_SAVED)
		return page_redirect(r, "/admin/forbund?sparat=1");
	/* Not saved: keep what was typed and show what is stored. */
	if ((e = admin_forbund_load(r, &now)) != APP_OK)
		return e;
	f.stored = now.stored;
	if (res == EDIT_STALE)
		f.version = now.version;
	f.conflict = admin_edit_message(res);
	r->resp.status = 409;
	return admin_forbund_render(r, &f);
}

static const struct form_def admin_forbund_forms[] = {
	{ "POST /admin/forbund", "admin_forbund", forbund_spec,
	    FORBUND_DETAIL__MAX },
};

const struct form_def *
page_admin_forbund_forms(size_t *n)
{
	*n = sizeof(admin_forbund_forms) / sizeof(admin_forbund_forms[0]);
	return admin_forbund_forms;
}
