/* page_admin.c: the admin overview, the accounts list, and the helpers the
 * admin pages share; see include/page_admin.h. */
#include "arena.h"
#include "audit.h"
#include "bind.h"
#include "db.h"
#include "forbund.h"
#include "organisation.h"
#include "page_create.h"
#include "page_admin.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "staff.h"
#include "view.h"

/* The overview links the installation's settings only for the admin who
 * may open them (include/forbund.h): any other admin would get 403 behind
 * each link. */
enum app_err
page_admin(struct req *r)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_bool(ctx, "installation",
	         forbund_may_manage_installation(r))) != APP_OK)
		return e;
	return page_render(r, "admin", "Administration", ctx);
}

/* ---- the accounts list ---- */

static const struct bind_key account_list_keys[] = {
	{ "id", "id" },
	{ "username", "username" },
	{ "display_name", "name" },
	{ "organisation", "org" },
	{ "parent_organisation", "parent_org" },
	{ "active", "active" },
};

enum app_err
page_admin_accounts(struct req *r)
{
	enum staff_filter filter = staff_filter_from_name(req_query(r, "visa"));
	struct view_ctx *ctx;
	struct staff_row *rows;
	size_t n;
	enum app_err e;

	if ((e = staff_list(r, filter, &rows, &n)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_bool(
	         ctx, "show_all", filter == STAFF_FILTER_ALL)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "show_active",
	         filter == STAFF_FILTER_ACTIVE)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "show_inactive",
	         filter == STAFF_FILTER_INACTIVE)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "count", (long long)n)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "accounts")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "accounts");
		const char *roles =
		    role_list_labels(r, role_parse_list(rows[i].roles));

		if (it == NULL || roles == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &staff_row_record, account_list_keys,
		         BIND_N(account_list_keys), &rows[i])) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "roles", roles)) != APP_OK)
			return e;
	}
	return page_render(r, "admin_konton", "Konton", ctx);
}

/* ---- shared helpers ---- */

long long
admin_form_version(const struct str *v)
{
	if (v == NULL || v->len == 0 || v->len > 18)
		return -1;
	for (size_t i = 0; i < v->len; i++)
		if (v->p[i] < '0' || v->p[i] > '9')
			return -1;
	return str_to_ll(*v);
}

enum app_err
admin_edit_run(struct req *r, const struct edit_ops *ops, void *state,
    const char *type, long long id, const char *detail, enum edit_result *res)
{
	struct edit ed = {
		.ops = ops,
		.state = state,
		.form_version = admin_form_version(req_form(r, "version")),
		.audit_type = type,
		.audit_id = id,
		.audit_detail = detail,
		.audit_action = AUDIT_ADMIN,
	};
	struct edit_lock lock;

	return edit_run(r, &ed, res, &lock);
}

struct str
admin_ll(struct req *r, long long v)
{
	struct buf b;

	buf_init(&b, r->a);
	if (buf_printf(&b, "%lld", v) != APP_OK)
		return STR_LIT("");
	return buf_str(&b);
}

struct str
admin_version_str(struct req *r, long long version)
{
	return admin_ll(r, version);
}

const char *
admin_edit_message(enum edit_result res)
{
	return res == EDIT_BUSY ? EDIT_MSG_BUSY : ADMIN_CONFLICT_MSG;
}

struct str
admin_value(
    struct req *r, const struct field_spec *spec, const struct field_val *v)
{
	/* A checked integer is saved as checked ("007" is 7), never by
	 * parsing the typed text again. */
	if (spec->type != FT_INT || !v->present || !v->ok)
		return v->s;
	return admin_ll(r, v->i);
}

/* An option of a <select>: what admin_org_options() binds. */
struct admin_option {
	long long id;
	struct str label;
};

static const struct db_field admin_option_fields[] = {
	DB_FIELD(admin_option, id, "id", DB_F_INT),
	DB_FIELD(admin_option, label, "label", DB_F_STR),
};
static const struct db_record admin_option_record =
    DB_RECORD(admin_option, admin_option_fields);
static const struct bind_key admin_option_keys[] = {
	{ "id", "id" },
	{ "label", "label" },
};

enum app_err
admin_org_options(struct req *r, struct view_ctx *ctx, const char *key,
    const struct org_row *rows, size_t n, long long selected_id, int top_only)
{
	struct arena *a = r->a;
	struct admin_option *opt;
	size_t k = 0;
	enum app_err e;

	if ((opt = arena_calloc(a, n + 1, sizeof(*opt))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const struct org_row *o = &rows[i];
		int child = o->parent_id != 0;
		struct buf label;

		if ((!o->active && o->id != selected_id) || (top_only && child))
			continue;
		buf_init(&label, a);
		if ((child &&
		        ((e = buf_append(&label, o->parent_name.p,
		              o->parent_name.len)) != APP_OK ||
		            (e = buf_puts(&label, " – ")) != APP_OK)) ||
		    (e = buf_append(&label, o->name.p, o->name.len)) !=
		        APP_OK ||
		    (!o->active &&
		        (e = buf_puts(&label, " (inaktiv)")) != APP_OK))
			return e;
		opt[k].id = o->id;
		opt[k++].label = buf_str(&label);
	}
	return bind_options(ctx, key, &admin_option_record, admin_option_keys,
	    BIND_N(admin_option_keys), opt, k, "id",
	    selected_id > 0 ? admin_ll(r, selected_id) : STR_LIT(""));
}

/* A choice of an enum: what admin_choices() binds. */
struct admin_choice {
	struct str value, label;
};

static const struct db_field admin_choice_fields[] = {
	DB_FIELD(admin_choice, value, "value", DB_F_STR),
	DB_FIELD(admin_choice, label, "label", DB_F_STR),
};
static const struct db_record admin_choice_record =
    DB_RECORD(admin_choice, admin_choice_fields);
static const struct bind_key admin_choice_keys[] = {
	{ "value", "value" },
	{ "label", "label" },
};

enum app_err
admin_choices(struct req *r, struct view_ctx *ctx, const char *key,
    const char *const *names, const char *(*label)(int), struct str current)
{
	struct admin_choice *c;
	size_t n = 0;

	while (names[n] != NULL)
		n++;
	if ((c = arena_calloc(r->a, n + 1, sizeof(*c))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		c[i].value = str_cstr(names[i]);
		c[i].label = str_cstr(label((int)i));
	}
	return bind_options(ctx, key, &admin_choice_record, admin_choice_keys,
	    BIND_N(admin_choice_keys), c, n, "value", current);
}

enum app_err
admin_saved(struct req *r, const char *path, long long id)
{
	struct buf loc;
	enum app_err e;

	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "%s/%lld?sparat=1", path, id)) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
}

enum app_err
admin_created(struct req *r, struct str key, const char *path, long long id)
{
	struct buf loc;
	enum app_err e;

	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "%s/%lld?sparat=1", path, id)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	if ((e = page_create_commit(r, key, buf_str(&loc))) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
}
