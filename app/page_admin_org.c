/* page_admin_org.c: organisations and insatser; see include/page_admin.h. */
#include "arena.h"
#include "audit.h"
#include "db.h"
#include "form_registry.h"
#include "page_admin.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "sql_admin.h"
#include "view.h"

/*
 * Both forms keep their values as strings, one per field, whether they
 * came from the database or from what was typed, so that a form with
 * errors re-renders exactly what the user sent.
 */

/* ---- organisations ---- */

enum { OF_NAME, OF_SHORT, OF_KIND, OF_PARENT, OF_SHARE, OF_ACTIVE, OF__MAX };

static const char *const org_kinds[] = { "fk", "af", "kommun", "region", "unit",
	"other", NULL };
static const char *const org_kind_labels[] = { "Försäkringskassan (medlem)",
	"Arbetsförmedlingen (medlem)", "Kommun (medlem)", "Region (medlem)",
	"Enhet inom en organisation", "Annan, till exempel förbundets kansli" };
_Static_assert(sizeof(org_kind_labels) / sizeof(org_kind_labels[0]) + 1 ==
        sizeof(org_kinds) / sizeof(org_kinds[0]),
    "org_kind_labels[] out of sync with org_kinds[]");
#define ORG_KIND_UNIT 4

static const struct field_spec org_spec[OF__MAX] = {
	[OF_NAME] = { "namn", FT_TEXT, 1, 200, FF_REQUIRED, NULL },
	[OF_SHORT] = { "kortnamn", FT_TEXT, 0, 60, 0, NULL },
	[OF_KIND] = { "typ", FT_ENUM, 0, 0, FF_REQUIRED, org_kinds },
	[OF_PARENT] = { "overordnad", FT_INT, 1, 4294967295LL, 0, NULL },
	[OF_SHARE] = { "dela", FT_BOOL, 0, 0, 0, NULL },
	[OF_ACTIVE] = { "aktiv", FT_BOOL, 0, 0, 0, NULL },
};

/* View keys of the values and their errors, by field. */
static const char *const org_err_keys[OF__MAX] = { "namn_fel", "kortnamn_fel",
	"typ_fel", "overordnad_fel", "dela_fel", "aktiv_fel" };

struct org_form {
	long long id; /* 0: new */
	struct str v[OF__MAX];
	const char *err[OF__MAX];
	struct str version;
	int conflict;
	const char *notice;
	const struct db_rows *stored; /* ORG_GET row after a conflict */
};

static enum app_err
admin_orgs_list(struct req *r, struct view_ctx *ctx)
{
	struct db_rows rows;
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_ORG_LIST, NULL, 0,
	         &rows)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "orgs")) != APP_OK)
		return e;
	for (size_t i = 0; i < rows.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "orgs");
		const char *kind = "";

		if (it == NULL)
			return APP_ENOMEM;
		for (size_t k = 0; org_kinds[k] != NULL; k++)
			if (str_eq_cstr(db_cell(&rows, i, 3), org_kinds[k]))
				kind = org_kind_labels[k];
		if ((e = view_ctx_set_str(it, "id", db_cell(&rows, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "name", db_cell(&rows, i, 1))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(
		         it, "short_name", db_cell(&rows, i, 2))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "kind", kind)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "is_unit",
		         db_cell(&rows, i, 4).len > 0)) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "parent", db_cell(&rows, i, 5))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "share",
		         str_to_ll(db_cell(&rows, i, 6)) != 0)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "active",
		         str_to_ll(db_cell(&rows, i, 7)) != 0)) != APP_OK ||
		    (e = view_ctx_set_str(it, "staff", db_cell(&rows, i, 8))) !=
		        APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
page_admin_orgs(struct req *r)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = admin_orgs_list(r, ctx)) != APP_OK)
		return e;
	return page_render(r, "admin_organisationer", "Organisationer", ctx);
}

static enum app_err
admin_org_render(struct req *r, const struct org_form *f)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct buf action;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
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
	    (e = admin_org_options(
	         r, ctx, "parents", str_to_ll(f->v[OF_PARENT]), 1)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "kinds")) != APP_OK)
		return e;
	for (size_t k = 0; k < OF__MAX; k++)
		if (f->err[k] != NULL &&
		    ((e = view_ctx_set_cstr(ctx, org_err_keys[k], f->err[k])) !=
		            APP_OK ||
		        (e = view_ctx_set_bool(ctx, "has_errors", 1)) !=
		            APP_OK))
			return e;
	for (size_t k = 0; org_kinds[k] != NULL; k++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "kinds");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(it, "value", org_kinds[k])) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "label", org_kind_labels[k])) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         str_eq_cstr(f->v[OF_KIND], org_kinds[k]))) != APP_OK)
			return e;
	}
	if (f->conflict && f->stored != NULL &&
	    ((e = view_ctx_set_cstr(ctx, "conflict", ADMIN_CONFLICT_MSG)) !=
	            APP_OK ||
	        (e = view_ctx_set_str(ctx, "current_name",
	             db_cell(f->stored, 0, 1))) != APP_OK ||
	        (e = view_ctx_set_str(ctx, "current_short",
	             db_cell(f->stored, 0, 2))) != APP_OK ||
	        (e = view_ctx_set_bool(ctx, "current_active",
	             str_to_ll(db_cell(f->stored, 0, 6)) != 0)) != APP_OK))
		return e;
	return page_render(r, "admin_organisation",
	    f->id == 0 ? "Ny organisation" : "Redigera organisation", ctx);
}

/* Load organisation id into f (values as the form shows them). */
static enum app_err
admin_org_load(
    struct req *r, long long id, struct db_rows *rows, struct org_form *f)
{
	struct db_param p[1] = { DB_INT(id) };
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_ORG_GET, p, 1,
	         rows)) != APP_OK)
		return e;
	if (rows->nrows != 1)
		return APP_ENOTFOUND;
	*f = (struct org_form){ .id = id };
	f->v[OF_NAME] = db_cell(rows, 0, 1);
	f->v[OF_SHORT] = db_cell(rows, 0, 2);
	f->v[OF_KIND] = db_cell(rows, 0, 3);
	f->v[OF_PARENT] = db_cell(rows, 0, 4);
	f->v[OF_SHARE] =
	    str_to_ll(db_cell(rows, 0, 5)) ? STR_LIT("1") : STR_LIT("");
	f->v[OF_ACTIVE] =
	    str_to_ll(db_cell(rows, 0, 6)) ? STR_LIT("1") : STR_LIT("");
	f->version = db_cell(rows, 0, 7);
	return APP_OK;
}

/* Validate the posted form into f; *nerr errors. */
static enum app_err
admin_org_read(struct req *r, struct org_form *f, size_t *nerr)
{
	struct field_val fv[OF__MAX];
	long long keep_parent = str_to_ll(f->v[OF_PARENT]); /* stored */
	struct db_rows rows;
	long long parent;
	enum app_err e;
	size_t n;

	if ((e = form_validate(r->a, &r->form, org_spec, OF__MAX, fv, &n)) !=
	    APP_OK)
		return e;
	for (size_t k = 0; k < OF__MAX; k++) {
		f->v[k] = admin_value(r, &org_spec[k], &fv[k]);
		f->err[k] = fv[k].error;
	}
	f->v[OF_SHARE] = fv[OF_SHARE].i ? STR_LIT("1") : STR_LIT("");
	f->v[OF_ACTIVE] = fv[OF_ACTIVE].i ? STR_LIT("1") : STR_LIT("");
	parent = fv[OF_PARENT].ok ? fv[OF_PARENT].i : 0;
	if (fv[OF_KIND].ok && fv[OF_KIND].present) {
		if (fv[OF_KIND].i == ORG_KIND_UNIT && parent == 0 &&
		    f->err[OF_PARENT] == NULL)
			f->err[OF_PARENT] =
			    "En enhet måste höra till en organisation.";
		else if (fv[OF_KIND].i < ORG_KIND_UNIT && parent != 0)
			f->err[OF_PARENT] = "En medlem står överst och kan "
			                    "inte ha någon överordnad.";
	}
	if (parent != 0 && f->err[OF_PARENT] == NULL) {
		int ok = parent != f->id &&
		    admin_org_exists(r, parent, keep_parent, 1, &e);
		if (e != APP_OK)
			return e;
		if (!ok)
			f->err[OF_PARENT] =
			    "Välj en aktiv organisation på översta nivån.";
	}
	/* Two levels only: no cycles, and a unit never has units. */
	if (parent != 0 && f->id != 0 && f->err[OF_PARENT] == NULL) {
		if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_ORG_LIST,
		         NULL, 0, &rows)) != APP_OK)
			return e;
		for (size_t i = 0; i < rows.nrows; i++)
			if (str_to_ll(db_cell(&rows, i, 4)) == f->id)
				f->err[OF_PARENT] =
				    "Organisationen har egna enheter och kan "
				    "därför inte själv ligga under en annan.";
	}
	*nerr = 0;
	for (size_t k = 0; k < OF__MAX; k++)
		*nerr += f->err[k] != NULL;
	return APP_OK;
}

#define MSG_ORG_DUP                                                            \
	"Det finns redan en organisation med det namnet på samma nivå."

/* Fill p[0..5] with (parent, kind, name, short, share, active). */
static void
admin_org_params(const struct org_form *f, struct db_param *p)
{
	long long parent = str_to_ll(f->v[OF_PARENT]);

	p[0] = parent ? DB_INT(parent) : DB_NULL;
	p[1] = DB_STR(f->v[OF_KIND]);
	p[2] = DB_STR(f->v[OF_NAME]);
	p[3] = DB_STR(f->v[OF_SHORT]);
	p[4] = DB_INT(f->v[OF_SHARE].len > 0);
	p[5] = DB_INT(f->v[OF_ACTIVE].len > 0);
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
	struct db_rows rows;
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_org_load(r, id, &rows, &f)) != APP_OK)
		return e;
	if (req_query(r, "sparat") != NULL)
		f.notice = "Ändringarna är sparade.";
	return admin_org_render(r, &f);
}

static enum app_err
admin_org_done(struct req *r, long long id)
{
	struct buf loc;
	enum app_err e;

	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/admin/organisationer/%lld?sparat=1", id)) !=
	    APP_OK)
		return e;
	return page_redirect(r, loc.p);
}

enum app_err
page_admin_org_create(struct req *r)
{
	struct org_form f = { 0 };
	struct db_param p[7];
	long long id = 0;
	size_t nerr;
	enum app_err e;

	if ((e = admin_org_read(r, &f, &nerr)) != APP_OK)
		return e;
	if (nerr > 0) {
		r->resp.status = 400;
		return admin_org_render(r, &f);
	}
	admin_org_params(&f, p + 1);
	p[0] = p[1]; /* the parent's förbund */
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_ORG_INSERT, p, 7, NULL);
	if (e == APP_EDUP) {
		db_rollback(r->db);
		f.err[OF_NAME] = MSG_ORG_DUP;
		r->resp.status = 400;
		return admin_org_render(r, &f);
	}
	if (e != APP_OK || (id = (long long)db_insert_id(r->db)) <= 0 ||
	    (e = audit_write(r, AUDIT_ADMIN, "organisation", id, STR_LIT(""),
	         STR_LIT("organisation created"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e != APP_OK ? e : APP_EDB;
	}
	return admin_org_done(r, id);
}

enum app_err
page_admin_org_save(struct req *r)
{
	struct org_form f;
	struct db_rows stored;
	int current;
	struct db_param p[7];
	const struct str *version = req_form(r, "version");
	long long id;
	size_t nerr;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_org_load(r, id, &stored, &f)) != APP_OK ||
	    (e = admin_org_read(r, &f, &nerr)) != APP_OK)
		return e;
	f.version = version ? *version : STR_LIT("");
	if (nerr > 0) {
		r->resp.status = 400;
		return admin_org_render(r, &f);
	}
	if ((e = admin_lock_version(
	         r, SQL_ADMIN_ORG_LOCK, id, f.version, &current)) != APP_OK)
		return e;
	if (!current) {
		struct org_form cur;

		if ((e = admin_org_load(r, id, &stored, &cur)) != APP_OK)
			return e;
		f.stored = &stored;
		f.version = cur.version;
		f.conflict = 1;
		r->resp.status = 409;
		return admin_org_render(r, &f);
	}
	admin_org_params(&f, p);
	p[6] = DB_INT(id);
	e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_ORG_UPDATE, p, 7, NULL);
	if (e == APP_EDUP) {
		db_rollback(r->db);
		f.err[OF_NAME] = MSG_ORG_DUP;
		r->resp.status = 400;
		return admin_org_render(r, &f);
	}
	if (e != APP_OK ||
	    (e = audit_write(r, AUDIT_ADMIN, "organisation", id, STR_LIT(""),
	         STR_LIT("organisation updated"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return admin_org_done(r, id);
}

/* ---- insatser ---- */

/* In the column order of SQL_ADMIN_INSATS_GET (column = field + 1). */
enum {
	IF_NAME,
	IF_SHORT,
	IF_SLUG,
	IF_HOST,
	IF_DESC,
	IF_LOCATION,
	IF_TARGET,
	IF_DIRECTION,
	IF_MEASUREMENT,
	IF_START,
	IF_END,
	IF_PLACES,
	IF_HMIN,
	IF_HMAX,
	IF_WMIN,
	IF_WMAX,
	IF_SUMMARY,
	IF_ACTIVE,
	IF__MAX
};
#define INSATS_GET_VERSION (IF__MAX + 1)

static const char *const insats_directions[] = { "individ", "struktur", NULL };
static const char *const insats_measurements[] = { "personuppgifter", "antal",
	NULL };

static const struct field_spec insats_spec[IF__MAX] = {
	[IF_NAME] = { "namn", FT_TEXT, 1, 200, FF_REQUIRED, NULL },
	[IF_SHORT] = { "kortnamn", FT_TEXT, 1, 60, FF_REQUIRED, NULL },
	[IF_SLUG] = { "slug", FT_TEXT, 1, 60, FF_REQUIRED, NULL },
	[IF_HOST] = { "huvudman", FT_INT, 1, 4294967295LL, FF_REQUIRED, NULL },
	[IF_DESC] = { "beskrivning", FT_TEXT, 0, 10000, FF_MULTILINE, NULL },
	[IF_LOCATION] = { "plats", FT_TEXT, 0, 200, 0, NULL },
	[IF_TARGET] = { "malgrupp", FT_TEXT, 0, 5000, FF_MULTILINE, NULL },
	[IF_DIRECTION] = { "inriktning", FT_ENUM, 0, 0, FF_REQUIRED,
	    insats_directions },
	[IF_MEASUREMENT] = { "matmetod", FT_ENUM, 0, 0, FF_REQUIRED,
	    insats_measurements },
	[IF_START] = { "start", FT_DATE, 19000101, 21001231, FF_REQUIRED,
	    NULL },
	[IF_END] = { "slut", FT_DATE, 19000101, 21001231, 0, NULL },
	[IF_PLACES] = { "platser", FT_INT, 0, 65535, 0, NULL },
	[IF_HMIN] = { "timmar_min", FT_INT, 0, 40, 0, NULL },
	[IF_HMAX] = { "timmar_max", FT_INT, 1, 40, 0, NULL },
	[IF_WMIN] = { "veckor_min", FT_INT, 0, 260, 0, NULL },
	[IF_WMAX] = { "veckor_max", FT_INT, 1, 260, 0, NULL },
	[IF_SUMMARY] = { "sammanfattning_dagar", FT_INT, 1, 365, 0, NULL },
	[IF_ACTIVE] = { "aktiv", FT_BOOL, 0, 0, 0, NULL },
};

static const char *const insats_err_keys[IF__MAX] = { "namn_fel",
	"kortnamn_fel", "slug_fel", "huvudman_fel", "beskrivning_fel",
	"plats_fel", "malgrupp_fel", "inriktning_fel", "matmetod_fel",
	"start_fel", "slut_fel", "platser_fel", "timmar_min_fel",
	"timmar_max_fel", "veckor_min_fel", "veckor_max_fel",
	"sammanfattning_dagar_fel", "aktiv_fel" };

/* Goals: up to GOAL_ROWS rows of (kind, label, numerator, denominator);
 * a row with neither label nor numerator is blank and ignored. */
#define GOAL_ROWS 10
enum { GF_KIND, GF_LABEL, GF_NUM, GF_DEN, GF__MAX };

static const char *const goal_kinds[] = { "arbetsformaga", "egenforsorjning",
	"livskvalitet", "arbete", "rehabilitering", "halsa", "other", NULL };
static const char *const goal_kind_labels[] = { "Ökad arbetsförmåga",
	"Egenförsörjning (arbete eller studier)", "Ökad livskvalitet",
	"Arbete (ESF)", "Vidare till rehabilitering mot arbete eller studier",
	"Ökad hälsa", "Annat (visas, räknas inte ut)" };
_Static_assert(sizeof(goal_kind_labels) / sizeof(goal_kind_labels[0]) + 1 ==
        sizeof(goal_kinds) / sizeof(goal_kinds[0]),
    "goal_kind_labels[] out of sync with goal_kinds[]");

#define GOAL_SPEC(n)                                                           \
	{ "mal" #n "_typ", FT_ENUM, 0, 0, 0, goal_kinds },                     \
	    { "mal" #n "_text", FT_TEXT, 0, 200, 0, NULL },                    \
	    { "mal" #n "_taljare", FT_INT, 0, 65535, 0, NULL },                \
	{                                                                      \
		"mal" #n "_namnare", FT_INT, 1, 65535, 0, NULL                 \
	}
static const struct field_spec goal_spec[GOAL_ROWS * GF__MAX] = { GOAL_SPEC(1),
	GOAL_SPEC(2), GOAL_SPEC(3), GOAL_SPEC(4), GOAL_SPEC(5), GOAL_SPEC(6),
	GOAL_SPEC(7), GOAL_SPEC(8), GOAL_SPEC(9), GOAL_SPEC(10) };

struct insats_form {
	long long id; /* 0: new */
	struct str v[IF__MAX];
	const char *err[IF__MAX];
	struct str g[GOAL_ROWS][GF__MAX];
	const char *gerr[GOAL_ROWS][GF__MAX];
	struct str version;
	int conflict;
	const char *notice;
	const struct db_rows *stored; /* INSATS_GET row after a conflict */
};

enum app_err
page_admin_insatser(struct req *r)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct db_rows rows;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_INSATS_LIST, NULL, 0,
	         &rows)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "insatser")) != APP_OK)
		return e;
	for (size_t i = 0; i < rows.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "insatser");
		static const char *const keys[] = { "id", "name", "slug",
			"host", "start", "end", "places" };

		if (it == NULL)
			return APP_ENOMEM;
		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			if ((e = view_ctx_set_str(
			         it, keys[k], db_cell(&rows, i, k))) != APP_OK)
				return e;
		if ((e = view_ctx_set_bool(it, "active",
		         str_to_ll(db_cell(&rows, i, 7)) != 0)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "structural",
		         str_eq_cstr(db_cell(&rows, i, 8), "struktur"))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(it, "goals", db_cell(&rows, i, 9))) !=
		        APP_OK)
			return e;
	}
	return page_render(r, "admin_insatser", "Insatser", ctx);
}

/* A list "key" of {value, label, selected} for a <select> or radios. */
static enum app_err
admin_choices(struct view_ctx *ctx, const char *key, const char *const *values,
    const char *const *labels, struct str current)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, key)) != APP_OK)
		return e;
	for (size_t k = 0; values[k] != NULL; k++) {
		struct view_ctx *it = view_ctx_list_add(ctx, key);
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(it, "value", values[k])) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "label", labels[k])) != APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         str_eq_cstr(current, values[k]))) != APP_OK)
			return e;
	}
	return APP_OK;
}

static enum app_err
admin_insats_goals_ctx(struct view_ctx *ctx, const struct insats_form *f)
{
	static const char *const keys[GF__MAX] = { "typ", "text", "taljare",
		"namnare" };
	static const char *const err_keys[GF__MAX] = { "typ_fel", "text_fel",
		"taljare_fel", "namnare_fel" };
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "goals")) != APP_OK)
		return e;
	for (int g = 0; g < GOAL_ROWS; g++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "goals");
		int bad = 0;

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(it, "n", g + 1)) != APP_OK ||
		    (e = admin_choices(it, "kinds", goal_kinds,
		         goal_kind_labels, f->g[g][GF_KIND])) != APP_OK)
			return e;
		for (int k = 0; k < GF__MAX; k++) {
			if ((e = view_ctx_set_str(it, keys[k], f->g[g][k])) !=
			        APP_OK ||
			    (e = view_ctx_set_cstr(
			         it, err_keys[k], f->gerr[g][k])) != APP_OK)
				return e;
			bad |= f->gerr[g][k] != NULL;
		}
		if ((e = view_ctx_set_bool(it, "row_error", bad)) != APP_OK ||
		    (bad &&
		        (e = view_ctx_set_bool(ctx, "has_errors", 1)) !=
		            APP_OK))
			return e;
	}
	return APP_OK;
}

static enum app_err
admin_insats_render(struct req *r, const struct insats_form *f)
{
	static const char *const dir_labels[] = { "Individinriktad (deltagare)",
		"Strukturinriktad" };
	static const char *const meas_labels[] = { "Med personuppgifter",
		"Bara antal" };
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct buf action;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	buf_init(&action, r->a);
	if (f->id == 0)
		e = buf_puts(&action, "/admin/insatser/ny");
	else
		e = buf_printf(&action, "/admin/insatser/%lld", f->id);
	if (e != APP_OK)
		return e;
	if ((e = page_form_limits(r, ctx, insats_spec, IF__MAX)) != APP_OK ||
	    (e = page_form_limits(r, ctx, goal_spec, GOAL_ROWS * GF__MAX)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_new", f->id == 0)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "action", buf_str(&action))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "version", f->version)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", f->notice)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "aktiv", f->v[IF_ACTIVE].len > 0)) !=
	        APP_OK ||
	    (e = admin_org_options(
	         r, ctx, "orgs", str_to_ll(f->v[IF_HOST]), 0)) != APP_OK ||
	    (e = admin_choices(ctx, "directions", insats_directions, dir_labels,
	         f->v[IF_DIRECTION])) != APP_OK ||
	    (e = admin_choices(ctx, "measurements", insats_measurements,
	         meas_labels, f->v[IF_MEASUREMENT])) != APP_OK ||
	    (e = admin_insats_goals_ctx(ctx, f)) != APP_OK)
		return e;
	for (size_t k = 0; k < IF__MAX; k++) {
		if (k != IF_ACTIVE && k != IF_HOST && k != IF_DIRECTION &&
		    k != IF_MEASUREMENT &&
		    (e = view_ctx_set_str(ctx, insats_spec[k].name, f->v[k])) !=
		        APP_OK)
			return e;
		if (f->err[k] != NULL &&
		    ((e = view_ctx_set_cstr(
		          ctx, insats_err_keys[k], f->err[k])) != APP_OK ||
		        (e = view_ctx_set_bool(ctx, "has_errors", 1)) !=
		            APP_OK))
			return e;
	}
	if (f->conflict && f->stored != NULL &&
	    ((e = view_ctx_set_cstr(ctx, "conflict", ADMIN_CONFLICT_MSG)) !=
	            APP_OK ||
	        (e = view_ctx_set_str(ctx, "current_name",
	             db_cell(f->stored, 0, 1 + IF_NAME))) != APP_OK ||
	        (e = view_ctx_set_str(ctx, "current_places",
	             db_cell(f->stored, 0, 1 + IF_PLACES))) != APP_OK ||
	        (e = view_ctx_set_str(ctx, "current_start",
	             db_cell(f->stored, 0, 1 + IF_START))) != APP_OK ||
	        (e = view_ctx_set_str(ctx, "current_end",
	             db_cell(f->stored, 0, 1 + IF_END))) != APP_OK))
		return e;
	return page_render(r, "admin_insats",
	    f->id == 0 ? "Ny insats" : "Redigera insats", ctx);
}

/* Load insats id and its goals into f. */
static enum app_err
admin_insats_load(
    struct req *r, long long id, struct db_rows *rows, struct insats_form *f)
{
	struct db_param p[1] = { DB_INT(id) };
	struct db_rows goals;
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_INSATS_GET, p, 1,
	         rows)) != APP_OK)
		return e;
	if (rows->nrows != 1)
		return APP_ENOTFOUND;
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_GOALS, p, 1,
	         &goals)) != APP_OK)
		return e;
	*f = (struct insats_form){ .id = id };
	for (size_t k = 0; k < IF__MAX; k++)
		f->v[k] = db_cell(rows, 0, k + 1);
	if (!str_to_ll(f->v[IF_ACTIVE]))
		f->v[IF_ACTIVE] = STR_LIT("");
	f->version = db_cell(rows, 0, INSATS_GET_VERSION);
	for (size_t g = 0; g < goals.nrows && g < GOAL_ROWS; g++)
		for (int k = 0; k < GF__MAX; k++)
			f->g[g][k] = db_cell(&goals, g, (size_t)k);
	for (size_t g = goals.nrows; g < GOAL_ROWS; g++)
		f->g[g][GF_DEN] = STR_LIT("10");
	return APP_OK;
}

static int
admin_slug_ok(struct str s)
{
	int prev_dash = 1; /* no leading hyphen */

	for (size_t i = 0; i < s.len; i++) {
		char c = s.p[i];
		if (c == '-') {
			if (prev_dash)
				return 0;
			prev_dash = 1;
		} else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
			prev_dash = 0;
		else
			return 0;
	}
	return s.len > 0 && !prev_dash;
}

/* Validate the posted insats and goal rows into f; *nerr errors. */
static enum app_err
admin_insats_read(struct req *r, struct insats_form *f, size_t *nerr)
{
	struct field_val fv[IF__MAX], gv[GOAL_ROWS * GF__MAX];
	long long keep_host = str_to_ll(f->v[IF_HOST]); /* stored one */
	struct db_rows list;
	enum app_err e;
	size_t n;

	if ((e = form_validate(r->a, &r->form, insats_spec, IF__MAX, fv, &n)) !=
	        APP_OK ||
	    (e = form_validate(r->a, &r->form, goal_spec, GOAL_ROWS * GF__MAX,
	         gv, &n)) != APP_OK)
		return e;
	for (size_t k = 0; k < IF__MAX; k++) {
		f->v[k] = admin_value(r, &insats_spec[k], &fv[k]);
		f->err[k] = fv[k].error;
	}
	f->v[IF_ACTIVE] = fv[IF_ACTIVE].i ? STR_LIT("1") : STR_LIT("");
	if (f->err[IF_SLUG] == NULL && !admin_slug_ok(f->v[IF_SLUG]))
		f->err[IF_SLUG] =
		    "Bara små bokstäver a–z, siffror och enstaka "
		    "bindestreck, till exempel trampolinen-lilla-edet.";
	if (fv[IF_START].ok && fv[IF_END].ok && fv[IF_END].present &&
	    fv[IF_END].i < fv[IF_START].i)
		f->err[IF_END] = "Slutdatumet kan inte vara före startdatumet.";
	if (fv[IF_HMIN].ok && fv[IF_HMAX].ok && fv[IF_HMIN].present &&
	    fv[IF_HMAX].present && fv[IF_HMIN].i > fv[IF_HMAX].i)
		f->err[IF_HMAX] = "Högsta antal timmar kan inte vara lägre än "
		                  "lägsta.";
	if (fv[IF_WMIN].ok && fv[IF_WMAX].ok && fv[IF_WMIN].present &&
	    fv[IF_WMAX].present && fv[IF_WMIN].i > fv[IF_WMAX].i)
		f->err[IF_WMAX] = "Högsta antal veckor kan inte vara lägre än "
		                  "lägsta.";
	if (f->err[IF_HOST] == NULL) {
		int ok = admin_org_exists(r, fv[IF_HOST].i, keep_host, 0, &e);
		if (e != APP_OK)
			return e;
		if (!ok)
			f->err[IF_HOST] = "Välj en organisation i listan.";
	}
	/* Name and address name are unique: say which, before the insert. */
	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_INSATS_LIST, NULL, 0,
	         &list)) != APP_OK)
		return e;
	for (size_t i = 0; i < list.nrows; i++) {
		if (str_to_ll(db_cell(&list, i, 0)) == f->id)
			continue;
		if (f->err[IF_SLUG] == NULL &&
		    str_eq(db_cell(&list, i, 2), f->v[IF_SLUG]))
			f->err[IF_SLUG] =
			    "Adressnamnet används redan av en annan insats.";
		if (f->err[IF_NAME] == NULL &&
		    str_eq(db_cell(&list, i, 1), f->v[IF_NAME]))
			f->err[IF_NAME] =
			    "Det finns redan en insats med det namnet.";
	}

	for (int g = 0; g < GOAL_ROWS; g++) {
		const struct field_val *row = gv + g * GF__MAX;
		int blank = !row[GF_LABEL].present && !row[GF_NUM].present &&
		    row[GF_LABEL].ok && row[GF_NUM].ok;

		for (int k = 0; k < GF__MAX; k++) {
			f->g[g][k] = admin_value(
			    r, &goal_spec[g * GF__MAX + k], &row[k]);
			f->gerr[g][k] = blank ? NULL : row[k].error;
		}
		if (blank)
			continue;
		if (f->gerr[g][GF_KIND] == NULL && !row[GF_KIND].present)
			f->gerr[g][GF_KIND] = "Välj vad målet mäter.";
		if (f->gerr[g][GF_LABEL] == NULL && !row[GF_LABEL].present)
			f->gerr[g][GF_LABEL] = "Skriv målet i klartext.";
		if (f->gerr[g][GF_NUM] == NULL && !row[GF_NUM].present)
			f->gerr[g][GF_NUM] = "Ange hur många.";
		if (f->gerr[g][GF_DEN] == NULL && !row[GF_DEN].present)
			f->gerr[g][GF_DEN] = "Ange av hur många.";
		if (f->gerr[g][GF_NUM] == NULL && f->gerr[g][GF_DEN] == NULL &&
		    row[GF_NUM].i > row[GF_DEN].i)
			f->gerr[g][GF_NUM] =
			    "Kan inte vara fler än det andra talet.";
	}
	*nerr = 0;
	for (size_t k = 0; k < IF__MAX; k++)
		*nerr += f->err[k] != NULL;
	for (int g = 0; g < GOAL_ROWS; g++)
		for (int k = 0; k < GF__MAX; k++)
			*nerr += f->gerr[g][k] != NULL;
	return APP_OK;
}

/* Fill p[0..16] with (name ... active), as SQL_ADMIN_INSATS_INSERT and
 * _UPDATE take them after the host. */
static void
admin_insats_params(const struct insats_form *f, struct db_param *p)
{
	static const int text[] = { IF_NAME, IF_SHORT, IF_SLUG, IF_DESC,
		IF_LOCATION, IF_TARGET, IF_DIRECTION, IF_MEASUREMENT,
		IF_START };
	static const int nums[] = { IF_PLACES, IF_HMIN, IF_HMAX, IF_WMIN,
		IF_WMAX, IF_SUMMARY };
	size_t k = 0;

	for (size_t i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		p[k++] = DB_STR(f->v[text[i]]);
	p[k++] = f->v[IF_END].len ? DB_STR(f->v[IF_END]) : DB_NULL;
	for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++)
		p[k++] = f->v[nums[i]].len ? DB_INT(str_to_ll(f->v[nums[i]]))
		                           : DB_NULL;
	p[k++] = DB_INT(f->v[IF_ACTIVE].len > 0);
}
#define INSATS_NPARAMS 17

/* Replace the goal set of insats id with f's non-blank rows (in the open
 * transaction). */
static enum app_err
admin_insats_goals_save(
    struct req *r, long long id, const struct insats_form *f)
{
	struct db_param p[6] = { DB_INT(id) };
	enum app_err e;
	int order = 0;

	if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_GOALS_DELETE, p, 1,
	         NULL)) != APP_OK)
		return e;
	for (int g = 0; g < GOAL_ROWS; g++) {
		if (f->g[g][GF_LABEL].len == 0 && f->g[g][GF_NUM].len == 0)
			continue;
		p[1] = DB_STR(f->g[g][GF_KIND]);
		p[2] = DB_STR(f->g[g][GF_LABEL]);
		p[3] = DB_INT(str_to_ll(f->g[g][GF_NUM]));
		p[4] = DB_INT(str_to_ll(f->g[g][GF_DEN]));
		p[5] = DB_INT(++order);
		if ((e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_GOAL_INSERT,
		         p, 6, NULL)) != APP_OK)
			return e;
	}
	return APP_OK;
}

static enum app_err
admin_insats_done(struct req *r, long long id)
{
	struct buf loc;
	enum app_err e;

	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/admin/insatser/%lld?sparat=1", id)) !=
	    APP_OK)
		return e;
	return page_redirect(r, loc.p);
}

enum app_err
page_admin_insats_new(struct req *r)
{
	struct insats_form f = { 0 };

	f.v[IF_ACTIVE] = STR_LIT("1");
	f.v[IF_DIRECTION] = STR_LIT("individ");
	f.v[IF_MEASUREMENT] = STR_LIT("personuppgifter");
	for (int g = 0; g < GOAL_ROWS; g++)
		f.g[g][GF_DEN] = STR_LIT("10");
	return admin_insats_render(r, &f);
}

enum app_err
page_admin_insats(struct req *r)
{
	struct insats_form f;
	struct db_rows rows;
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_insats_load(r, id, &rows, &f)) != APP_OK)
		return e;
	if (req_query(r, "sparat") != NULL)
		f.notice = "Ändringarna är sparade.";
	return admin_insats_render(r, &f);
}

#define MSG_INSATS_DUP                                                         \
	"Det finns redan en insats med det namnet eller adressnamnet."

enum app_err
page_admin_insats_create(struct req *r)
{
	struct insats_form f = { 0 };
	struct db_param p[2 + INSATS_NPARAMS];
	long long id = 0;
	size_t nerr;
	enum app_err e;

	if ((e = admin_insats_read(r, &f, &nerr)) != APP_OK)
		return e;
	if (nerr > 0) {
		r->resp.status = 400;
		return admin_insats_render(r, &f);
	}
	p[0] = p[1] = DB_INT(str_to_ll(f.v[IF_HOST]));
	admin_insats_params(&f, p + 2);
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_INSATS_INSERT, p,
	    2 + INSATS_NPARAMS, NULL);
	if (e == APP_EDUP) {
		db_rollback(r->db);
		f.err[IF_NAME] = MSG_INSATS_DUP;
		r->resp.status = 400;
		return admin_insats_render(r, &f);
	}
	if (e != APP_OK || (id = (long long)db_insert_id(r->db)) <= 0 ||
	    (e = admin_insats_goals_save(r, id, &f)) != APP_OK ||
	    (e = audit_write(r, AUDIT_ADMIN, "insats", id, STR_LIT(""),
	         STR_LIT("insats created"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e != APP_OK ? e : APP_EDB;
	}
	return admin_insats_done(r, id);
}

enum app_err
page_admin_insats_save(struct req *r)
{
	struct insats_form f;
	struct db_rows stored;
	int current;
	struct db_param p[2 + INSATS_NPARAMS];
	const struct str *version = req_form(r, "version");
	long long id;
	size_t nerr;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_insats_load(r, id, &stored, &f)) != APP_OK ||
	    (e = admin_insats_read(r, &f, &nerr)) != APP_OK)
		return e;
	f.version = version ? *version : STR_LIT("");
	if (nerr > 0) {
		r->resp.status = 400;
		return admin_insats_render(r, &f);
	}
	if ((e = admin_lock_version(
	         r, SQL_ADMIN_INSATS_LOCK, id, f.version, &current)) != APP_OK)
		return e;
	if (!current) {
		struct insats_form cur;

		if ((e = admin_insats_load(r, id, &stored, &cur)) != APP_OK)
			return e;
		f.stored = &stored;
		f.version = cur.version;
		f.conflict = 1;
		r->resp.status = 409;
		return admin_insats_render(r, &f);
	}
	p[0] = DB_INT(str_to_ll(f.v[IF_HOST]));
	admin_insats_params(&f, p + 1);
	p[1 + INSATS_NPARAMS] = DB_INT(id);
	e = db_exec(r->db, r->a, DB_ADMIN, SQL_ADMIN_INSATS_UPDATE, p,
	    2 + INSATS_NPARAMS, NULL);
	if (e == APP_EDUP) {
		db_rollback(r->db);
		f.err[IF_NAME] = MSG_INSATS_DUP;
		r->resp.status = 400;
		return admin_insats_render(r, &f);
	}
	if (e != APP_OK || (e = admin_insats_goals_save(r, id, &f)) != APP_OK ||
	    (e = audit_write(r, AUDIT_ADMIN, "insats", id, STR_LIT(""),
	         STR_LIT("insats updated with goals"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return admin_insats_done(r, id);
}

static const struct form_def admin_org_forms[] = {
	{ "POST /admin/organisationer/ny", "admin_organisation", org_spec,
	    OF__MAX },
	{ "POST /admin/organisationer/:id", "admin_organisation", org_spec,
	    OF__MAX },
	{ "POST /admin/insatser/ny", "admin_insats", insats_spec, IF__MAX },
	{ "POST /admin/insatser/ny", "admin_insats", goal_spec,
	    GOAL_ROWS *GF__MAX },
	{ "POST /admin/insatser/:id", "admin_insats", insats_spec, IF__MAX },
	{ "POST /admin/insatser/:id", "admin_insats", goal_spec,
	    GOAL_ROWS *GF__MAX },
};

const struct form_def *
page_admin_org_forms(size_t *n)
{
	*n = sizeof(admin_org_forms) / sizeof(admin_org_forms[0]);
	return admin_org_forms;
}
