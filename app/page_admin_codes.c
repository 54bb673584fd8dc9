/* page_admin_codes.c: the code lists of sql/0005_code_lists.sql; see
 * include/page_admin.h. */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "code_list.h"
#include "db.h"
#include "form_registry.h"
#include "page_admin.h"
#include "pages.h"
#include "req.h"
#include "view.h"

/*
 * One form edits every row of one list plus one empty row for a new code.
 * Codes are never deleted or renamed (registrations refer to them), only
 * deactivated. Values are kept as strings, from the database or as typed,
 * so that a form with errors re-renders exactly what the user sent.
 */

/* The fields of a row; CF_CODE is typed in the new row only. */
enum { CF_LABEL, CF_ORDER, CF_ACTIVE, CF_SUS, CF_EXTRA, CF_CODE, CF__MAX };
/* Form keys: "<key>-<code>" for a stored row, "ny-<key>" for the new one
 * (a code has no '-', so the two never meet). */
static const char *const cf_keys[CF__MAX] = { "etikett", "ordning", "aktiv",
	"sus", "extra", "kod" };
static const char *const cf_err_keys[CF__MAX] = { "etikett_fel", "ordning_fel",
	"aktiv_fel", "sus_fel", "extra_fel", "kod_fel" };

#define MSG_CODE_DUP "Koden finns redan."

/*
 * The field table of one row: [0] for a stored code ("etikett-<code>"), [1]
 * for the new row ("ny-etikett", required only when used). The form's
 * table is built from it per row (code_form_read()), and the registry
 * lists it as it stands, so the limits are written here only. CF_EXTRA is
 * an FT_ENUM of outcomes in the end reasons' list.
 */
static const struct field_spec code_row_spec[2][CF__MAX] = {
	{
	    [CF_LABEL] = { "etikett-*", FT_TEXT, 1, 200, FF_REQUIRED, NULL },
	    [CF_ORDER] = { "ordning-*", FT_INT, 0, 65535, FF_REQUIRED, NULL },
	    [CF_ACTIVE] = { "aktiv-*", FT_BOOL, 0, 0, 0, NULL },
	    [CF_SUS] = { "sus-*", FT_TEXT, 1, 16, 0, NULL },
	    [CF_EXTRA] = { "extra-*", FT_BOOL, 0, 0, 0, NULL },
	    [CF_CODE] = { "kod-*", FT_TEXT, 1, 32, 0, NULL },
	},
	{
	    [CF_LABEL] = { "ny-etikett", FT_TEXT, 1, 200, 0, NULL },
	    [CF_ORDER] = { "ny-ordning", FT_INT, 0, 65535, 0, NULL },
	    [CF_ACTIVE] = { "ny-aktiv", FT_BOOL, 0, 0, 0, NULL },
	    [CF_SUS] = { "ny-sus", FT_TEXT, 1, 16, 0, NULL },
	    [CF_EXTRA] = { "ny-extra", FT_BOOL, 0, 0, 0, NULL },
	    [CF_CODE] = { "ny-kod", FT_TEXT, 1, 32, 0, NULL },
	},
};

struct code_row {
	struct str code; /* "" for the new row */
	struct str v[CF__MAX];
	struct str stored[CF__MAX]; /* as loaded, to see what changed */
	const char *err[CF__MAX];
	int blank; /* the new row: nothing typed */
};

struct code_form {
	enum code_list list;
	struct code_row *rows; /* n stored rows, then the new row */
	size_t n;
	const char *notice;
};

/* Load list's rows into f, plus an empty new row (active, sorted last). */
static enum app_err
code_form_load(struct req *r, enum code_list list, struct code_form *f)
{
	struct code_entry *rows;
	struct code_row *nw;
	long long next = 10;
	size_t n;
	enum app_err e;

	if ((e = code_list_load(r, list, &rows, &n)) != APP_OK)
		return e;
	*f = (struct code_form){ .list = list, .n = n };
	if ((f->rows = arena_calloc(r->a, n + 1, sizeof(*f->rows))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		struct code_row *row = &f->rows[i];
		long long order = rows[i].sort_order;

		row->code = rows[i].code;
		row->v[CF_LABEL] = rows[i].label;
		row->v[CF_ORDER] = admin_ll(r, order);
		row->v[CF_ACTIVE] = rows[i].active ? STR_LIT("1") : STR_LIT("");
		row->v[CF_SUS] = rows[i].sus_code;
		row->v[CF_EXTRA] = rows[i].extra;
		if (code_list_extra(list) == CODE_EXTRA_SUPPORT)
			row->v[CF_EXTRA] = str_to_ll(rows[i].extra)
			    ? STR_LIT("1")
			    : STR_LIT("");
		memcpy(row->stored, row->v, sizeof(row->v));
		if (order + 10 > next)
			next = order + 10 > 65535 ? 65535 : order + 10;
	}
	nw = &f->rows[n];
	nw->blank = 1;
	nw->v[CF_ACTIVE] = STR_LIT("1");
	nw->v[CF_ORDER] = admin_ll(r, next);
	return APP_OK;
}

/* The form key of field k of row (arena). */
static const char *
code_key(struct req *r, const struct code_row *row, int k)
{
	struct buf b;

	buf_init(&b, r->a);
	if ((row->code.len ? buf_printf(&b, "%s-%.*s", cf_keys[k],
	                         (int)row->code.len, row->code.p)
	                   : buf_printf(&b, "ny-%s", cf_keys[k])) != APP_OK)
		return NULL;
	return b.p;
}

/* Validate the posted form into f (loaded); *nerr errors. A stored row
 * missing from the form (added meanwhile) keeps its values. */
static enum app_err
code_form_read(struct req *r, struct code_form *f, size_t *nerr)
{
	enum code_extra extra = code_list_extra(f->list);
	int has_sus = code_list_has_sus(f->list);
	size_t nrows = f->n + 1, n;
	struct field_spec *spec;
	struct field_val *fv;
	enum app_err e;

	spec = arena_calloc(r->a, nrows * CF__MAX, sizeof(*spec));
	fv = arena_calloc(r->a, nrows * CF__MAX, sizeof(*fv));
	if (spec == NULL || fv == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < nrows; i++) {
		struct field_spec *s = spec + i * CF__MAX;
		const struct field_spec *t = code_row_spec[i < f->n ? 0 : 1];

		for (int k = 0; k < CF__MAX; k++) {
			s[k] = t[k];
			if ((s[k].name = code_key(r, &f->rows[i], k)) == NULL)
				return APP_ENOMEM;
		}
		if (extra == CODE_EXTRA_OUTCOME) {
			s[CF_EXTRA].type = FT_ENUM;
			s[CF_EXTRA].flags = t[CF_LABEL].flags & FF_REQUIRED;
			s[CF_EXTRA].choices = code_outcome_names;
		}
	}
	if ((e = form_validate(
	         r->a, &r->form, spec, nrows * CF__MAX, fv, &n)) != APP_OK)
		return e;
	*nerr = 0;
	for (size_t i = 0; i < nrows; i++) {
		struct code_row *row = &f->rows[i];
		const struct field_val *v = fv + i * CF__MAX;
		const struct field_spec *s = spec + i * CF__MAX;
		int is_new = i == f->n;

		if (!is_new && v[CF_LABEL].n == 0 && v[CF_ORDER].n == 0)
			continue; /* not in the form */
		for (int k = 0; k < CF__MAX; k++) {
			row->v[k] = admin_value(r, &s[k], &v[k]);
			row->err[k] = v[k].error;
		}
		row->v[CF_ACTIVE] = v[CF_ACTIVE].i ? STR_LIT("1") : STR_LIT("");
		if (extra != CODE_EXTRA_OUTCOME)
			row->v[CF_EXTRA] =
			    v[CF_EXTRA].i ? STR_LIT("1") : STR_LIT("");
		if (!has_sus)
			row->v[CF_SUS] = STR_LIT("");
		if (extra == CODE_EXTRA_NONE)
			row->v[CF_EXTRA] = STR_LIT("");
		if (!is_new)
			row->err[CF_CODE] = NULL;
		if (row->err[CF_SUS] == NULL && !code_sus_ok(row->v[CF_SUS]))
			row->err[CF_SUS] =
			    "Bara bokstäver A–Z, a–z och siffror, högst 16.";
		if (is_new) {
			row->blank = !v[CF_LABEL].present &&
			    !v[CF_CODE].present && v[CF_LABEL].ok &&
			    v[CF_CODE].ok;
			if (row->blank) {
				memset(row->err, 0, sizeof(row->err));
				continue;
			}
			if (row->err[CF_CODE] == NULL && !v[CF_CODE].present)
				row->err[CF_CODE] = "Fältet måste fyllas i.";
			else if (row->err[CF_CODE] == NULL &&
			    !code_text_ok(row->v[CF_CODE]))
				row->err[CF_CODE] =
				    "Bara små bokstäver a–z, siffror och "
				    "understreck, högst 32 tecken.";
			for (size_t j = 0; j < f->n; j++)
				if (row->err[CF_CODE] == NULL &&
				    str_eq(f->rows[j].code, row->v[CF_CODE]))
					row->err[CF_CODE] = MSG_CODE_DUP;
			if (row->err[CF_LABEL] == NULL && !v[CF_LABEL].present)
				row->err[CF_LABEL] = "Fältet måste fyllas i.";
			if (row->err[CF_ORDER] == NULL && !v[CF_ORDER].present)
				row->err[CF_ORDER] = "Fältet måste fyllas i.";
			if (extra == CODE_EXTRA_OUTCOME &&
			    row->err[CF_EXTRA] == NULL && !v[CF_EXTRA].present)
				row->err[CF_EXTRA] = "Välj ett alternativ.";
		}
		if (!has_sus)
			row->err[CF_SUS] = NULL;
		if (extra == CODE_EXTRA_NONE)
			row->err[CF_EXTRA] = NULL;
		for (int k = 0; k < CF__MAX; k++)
			*nerr += row->err[k] != NULL;
	}
	return APP_OK;
}

/* A row's values (valid) as the code to save. */
static struct code_change
code_change_of(const struct code_row *row)
{
	struct code_change c = { 0 };

	c.label = row->v[CF_LABEL];
	c.sort_order = str_to_ll(row->v[CF_ORDER]);
	c.active = row->v[CF_ACTIVE].len > 0;
	c.sus_code = row->v[CF_SUS];
	c.public_support = row->v[CF_EXTRA].len > 0;
	c.outcome = row->v[CF_EXTRA];
	return c;
}

static int
code_row_changed(const struct code_row *row)
{
	for (int k = CF_LABEL; k <= CF_EXTRA; k++)
		if (!str_eq(row->v[k], row->stored[k]))
			return 1;
	return 0;
}

/* The outcomes' labels by index, for admin_choices(). */
static const char *
code_outcome_label_at(int k)
{
	return code_outcome_label((enum code_outcome)k);
}

/* The list's flags: has_sus, has_support, has_outcome, slug, title. */
static enum app_err
code_def_ctx(struct view_ctx *ctx, enum code_list list)
{
	enum code_extra extra = code_list_extra(list);
	enum app_err e;

	if ((e = view_ctx_set_cstr(ctx, "slug", code_list_slug(list))) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "title", code_list_title(list))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_sus", code_list_has_sus(list))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "has_support", extra == CODE_EXTRA_SUPPORT)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "has_outcome", extra == CODE_EXTRA_OUTCOME)) != APP_OK)
		return e;
	return APP_OK;
}

/* Bind row's values and errors into it (keys as cf_keys/cf_err_keys). */
static enum app_err
code_row_ctx(struct req *r, struct view_ctx *ctx, struct view_ctx *it,
    const struct code_form *f, const struct code_row *row)
{
	int bad = 0;
	enum app_err e;

	if ((e = view_ctx_set_str(it, "code", row->code)) != APP_OK ||
	    (e = view_ctx_set_bool(it, "aktiv", row->v[CF_ACTIVE].len > 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(
	         it, "offentlig", row->v[CF_EXTRA].len > 0)) != APP_OK)
		return e;
	if (code_list_extra(f->list) == CODE_EXTRA_OUTCOME &&
	    (e = admin_choices(r, it, "outcomes", code_outcome_names,
	         code_outcome_label_at, row->v[CF_EXTRA])) != APP_OK)
		return e;
	for (int k = 0; k < CF__MAX; k++) {
		if (k != CF_ACTIVE && k != CF_EXTRA &&
		    (e = view_ctx_set_str(it, cf_keys[k], row->v[k])) != APP_OK)
			return e;
		if ((e = view_ctx_set_cstr(it, cf_err_keys[k], row->err[k])) !=
		    APP_OK)
			return e;
		bad |= row->err[k] != NULL;
	}
	if ((e = view_ctx_set_bool(it, "row_error", bad)) != APP_OK ||
	    (bad && (e = view_ctx_set_bool(ctx, "has_errors", 1)) != APP_OK))
		return e;
	return APP_OK;
}

static enum app_err
code_form_render(struct req *r, const struct code_form *f)
{
	struct view_ctx *ctx = view_ctx_new(r->a), *nw;
	struct buf title;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	buf_init(&title, r->a);
	if ((e = buf_printf(
	         &title, "Kodlista: %s", code_list_title(f->list))) != APP_OK ||
	    (e = page_form_limits(r, ctx, code_row_spec[0], CF__MAX)) !=
	        APP_OK ||
	    (e = page_form_limits(r, ctx, code_row_spec[1], CF__MAX)) !=
	        APP_OK ||
	    (e = code_def_ctx(ctx, f->list)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", f->notice)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "rows")) != APP_OK)
		return e;
	for (size_t i = 0; i < f->n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "rows");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = code_row_ctx(r, ctx, it, f, &f->rows[i])) != APP_OK)
			return e;
	}
	/* The new row as a one-item list "ny", so its keys are the same. */
	if ((nw = view_ctx_list_add(ctx, "ny")) == NULL)
		return APP_ENOMEM;
	if ((e = code_row_ctx(r, ctx, nw, f, &f->rows[f->n])) != APP_OK)
		return e;
	return page_render(r, "admin_kodlista", title.p, ctx);
}

enum app_err
page_admin_codes(struct req *r)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_list(ctx, "lists")) != APP_OK)
		return e;
	for (int l = 0; l < CODE_LIST__MAX; l++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "lists");
		struct code_form f;

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = code_form_load(r, (enum code_list)l, &f)) != APP_OK ||
		    (e = code_def_ctx(it, (enum code_list)l)) != APP_OK ||
		    (e = view_ctx_set_list(it, "codes")) != APP_OK)
			return e;
		for (size_t i = 0; i < f.n; i++) {
			const struct code_row *row = &f.rows[i];
			struct view_ctx *c = view_ctx_list_add(it, "codes");

			if (c == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_str(c, "code", row->code)) !=
			        APP_OK ||
			    (e = view_ctx_set_str(
			         c, "label", row->v[CF_LABEL])) != APP_OK ||
			    (e = view_ctx_set_str(
			         c, "order", row->v[CF_ORDER])) != APP_OK ||
			    (e = view_ctx_set_bool(c, "active",
			         row->v[CF_ACTIVE].len > 0)) != APP_OK ||
			    (e = view_ctx_set_str(c, "sus", row->v[CF_SUS])) !=
			        APP_OK ||
			    (e = view_ctx_set_bool(c, "support",
			         row->v[CF_EXTRA].len > 0)) != APP_OK ||
			    (e = view_ctx_set_cstr(c, "outcome",
			         code_outcome_label_of(row->v[CF_EXTRA]))) !=
			        APP_OK)
				return e;
		}
	}
	return page_render(r, "admin_kodlistor", "Kodlistor", ctx);
}

/* The list named by the route's :lista, or APP_ENOTFOUND. */
static enum app_err
code_list_param(struct req *r, enum code_list *list)
{
	if (r->nparams < 1 || !code_list_from_slug(r->params[0], list))
		return APP_ENOTFOUND;
	return APP_OK;
}

enum app_err
page_admin_code_list(struct req *r)
{
	enum code_list list;
	struct code_form f;
	enum app_err e;

	if ((e = code_list_param(r, &list)) != APP_OK ||
	    (e = code_form_load(r, list, &f)) != APP_OK)
		return e;
	if (req_query(r, "sparat") != NULL)
		f.notice = "Ändringarna är sparade.";
	return code_form_render(r, &f);
}

enum app_err
page_admin_code_list_save(struct req *r)
{
	enum code_list list;
	struct code_form f;
	struct code_row *nw;
	struct code_change c;
	struct buf detail, loc;
	size_t nerr, changed = 0;
	enum app_err e;

	if ((e = code_list_param(r, &list)) != APP_OK ||
	    (e = code_form_load(r, list, &f)) != APP_OK ||
	    (e = code_form_read(r, &f, &nerr)) != APP_OK)
		return e;
	if (nerr > 0) {
		r->resp.status = 400;
		return code_form_render(r, &f);
	}
	nw = &f.rows[f.n];
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	for (size_t i = 0; i < f.n; i++) {
		if (!code_row_changed(&f.rows[i]))
			continue;
		c = code_change_of(&f.rows[i]);
		if ((e = code_update(r, list, f.rows[i].code, &c)) != APP_OK) {
			db_rollback(r->db);
			return e;
		}
		changed++;
	}
	if (!nw->blank) {
		c = code_change_of(nw);
		e = code_insert(r, list, nw->v[CF_CODE], &c);
		if (e == APP_EDUP) {
			db_rollback(r->db);
			nw->err[CF_CODE] = MSG_CODE_DUP;
			r->resp.status = 400;
			return code_form_render(r, &f);
		}
		if (e != APP_OK) {
			db_rollback(r->db);
			return e;
		}
	}
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "code list %s: %zu changed",
	         code_list_slug(list), changed)) != APP_OK ||
	    (!nw->blank &&
	        (e = buf_printf(&detail, ", %.*s added",
	             (int)nw->v[CF_CODE].len, nw->v[CF_CODE].p)) != APP_OK) ||
	    ((changed > 0 || !nw->blank) &&
	        (e = audit_write(r, AUDIT_ADMIN, "code", -1, STR_LIT(""),
	             buf_str(&detail))) != APP_OK) ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/admin/kodlistor/%s?sparat=1",
	         code_list_slug(list))) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
}

static const struct form_def admin_codes_forms[] = {
	{ "POST /admin/kodlistor/:lista", "admin_kodlista", code_row_spec[0],
	    CF__MAX },
	{ "POST /admin/kodlistor/:lista", "admin_kodlista", code_row_spec[1],
	    CF__MAX },
};

const struct form_def *
page_admin_codes_forms(size_t *n)
{
	*n = sizeof(admin_codes_forms) / sizeof(admin_codes_forms[0]);
	return admin_codes_forms;
}
