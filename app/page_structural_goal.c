/* page_structural_goal.c: a structural insats's goals per year, set by the
 * admin; see include/page_structural.h. */
#include <string.h>

#include "audit.h"
#include "bind.h"
#include "db.h"
#include "form.h"
#include "form_registry.h"
#include "page_create.h"
#include "page_structural.h"
#include "pages.h"
#include "req.h"
#include "structural.h"
#include "view.h"

enum { GF_AR, GF_FORETAG, GF_PLATSER, GF_UTB, GF_HANDLEDARE, GF__MAX };
static const struct field_spec goal_spec[GF__MAX] = {
	[GF_AR] = { "ar", FT_INT, 2000, 2100, FF_REQUIRED, NULL },
	[GF_FORETAG] = { "mal_foretag", FT_INT, 0, 9999, 0, NULL },
	[GF_PLATSER] = { "mal_platser", FT_INT, 0, 9999, 0, NULL },
	[GF_UTB] = { "mal_utbildningar", FT_INT, 0, 9999, 0, NULL },
	[GF_HANDLEDARE] = { "mal_handledare", FT_INT, 0, 9999, 0, NULL },
};

static const struct bind_key goal_keys[] = {
	{ "year", "year" },
	{ "companies", "companies" },
	{ "places", "places" },
	{ "trainings", "trainings" },
	{ "attendees", "attendees" },
};

/* The insats, when it is structural (else APP_ENOTFOUND). */
static enum app_err
goal_insats(struct req *r, long long *id, struct structural_insats *ins)
{
	int found;
	enum app_err e;

	if ((e = req_param_id(r, id)) != APP_OK ||
	    (e = structural_insats_get(r, *id, ins, &found)) != APP_OK)
		return e;
	return found && ins->structural ? APP_OK : APP_ENOTFOUND;
}

/* once_key: the form's one-time key (page_create.h), "" for a new one. */
static enum app_err
goal_render(struct req *r, long long id, const struct structural_insats *ins,
    const struct str *v, const char *const *err, const char *notice,
    struct str once_key)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct structural_goal *g;
	size_t ng, nerr = 0;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = structural_goals(r, id, &g, &ng)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "insats_id", id)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats", ins->name)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", notice)) != APP_OK ||
	    (e = page_create_bind(r, ctx, once_key)) != APP_OK ||
	    (e = bind_list(ctx, "goals", &structural_goal_record, goal_keys,
	         BIND_N(goal_keys), g, ng)) != APP_OK)
		return e;
	for (int k = 0; k < GF__MAX; k++) {
		struct buf key;

		buf_init(&key, r->a);
		if ((e = view_ctx_set_str(ctx, goal_spec[k].name, v[k])) !=
		        APP_OK ||
		    (e = buf_printf(&key, "%s_fel", goal_spec[k].name)) !=
		        APP_OK ||
		    (e = page_form_error(ctx, key.p, err[k])) != APP_OK)
			return e;
		nerr += err[k] != NULL;
	}
	if ((e = view_ctx_set_bool(ctx, "has_errors", nerr > 0)) != APP_OK)
		return e;
	return page_render(r, "struktur_mal", "Mål för strukturinsats", ctx);
}

enum app_err
page_structural_goals(struct req *r)
{
	struct structural_insats ins;
	struct structural_goal *g;
	struct str v[GF__MAX] = { { "", 0 } };
	const char *err[GF__MAX] = { NULL };
	const struct str *year = req_query(r, "ar");
	size_t ng;
	long long id;
	enum app_err e;

	if ((e = goal_insats(r, &id, &ins)) != APP_OK ||
	    (e = structural_goals(r, id, &g, &ng)) != APP_OK)
		return e;
	for (size_t i = 0; year != NULL && i < ng; i++) {
		if (g[i].year != str_to_ll(*year))
			continue;
		v[GF_AR] = *year;
		v[GF_FORETAG] = g[i].companies;
		v[GF_PLATSER] = g[i].places;
		v[GF_UTB] = g[i].trainings;
		v[GF_HANDLEDARE] = g[i].attendees;
	}
	return goal_render(r, id, &ins, v, err,
	    req_query(r, "sparat") ? "Målen är sparade." : NULL, STR_LIT(""));
}

enum app_err
page_structural_goals_save(struct req *r)
{
	struct structural_insats ins;
	struct field_val fv[GF__MAX];
	struct str v[GF__MAX];
	const char *err[GF__MAX];
	struct structural_goal g;
	struct buf loc, detail;
	struct str key = page_create_key(r);
	size_t nerr;
	long long id;
	int answered;
	enum app_err e;

	if ((e = goal_insats(r, &id, &ins)) != APP_OK ||
	    (e = form_validate(
	         r->a, &r->form, goal_spec, GF__MAX, fv, &nerr)) != APP_OK)
		return e;
	for (int k = 0; k < GF__MAX; k++) {
		v[k] = fv[k].s;
		err[k] = fv[k].error;
	}
	if (!fv[GF_AR].present)
		err[GF_AR] = "Ange vilket år målen gäller.";
	if (nerr > 0 || err[GF_AR] != NULL || page_create_bad(key)) {
		r->resp.status = 400;
		return goal_render(r, id, &ins, v, err, NULL, key);
	}
	memset(&g, 0, sizeof(g));
	g.year = fv[GF_AR].i;
	g.companies = v[GF_FORETAG];
	g.places = v[GF_PLATSER];
	g.trainings = v[GF_UTB];
	g.attendees = v[GF_HANDLEDARE];
	buf_init(&detail, r->a);
	buf_init(&loc, r->a);
	/* An upsert of the year's row: a retry would write it and its audit
	 * row again; with the key it writes nothing. */
	if ((e = buf_printf(&detail, "structural goals %lld set", g.year)) !=
	        APP_OK ||
	    (e = buf_printf(&loc, "/admin/insatser/%lld/strukturmal?sparat=1",
	         id)) != APP_OK ||
	    (e = page_create_begin(r, key, loc.p, &answered)) != APP_OK ||
	    answered)
		return e;
	if ((e = structural_goal_save(r, id, &g)) != APP_OK ||
	    (e = audit_write(r, AUDIT_ADMIN, "insats", id, STR_LIT(""),
	         buf_str(&detail))) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	if ((e = page_create_commit(r, key, buf_str(&loc))) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
}

/* For the registry of forms: numbers only, no typed text. */
static const struct form_def goal_forms[] = {
	{ "POST /admin/insatser/:id/strukturmal", "struktur_mal", goal_spec,
	    GF__MAX },
};

const struct form_def *
page_structural_goal_forms(size_t *n)
{
	*n = sizeof(goal_forms) / sizeof(goal_forms[0]);
	return goal_forms;
}
