/* page_admin_insats.c: insatser and their goals; see include/page_admin.h.
 * The records and rules are organisation.h's. */
#include "arena.h"
#include "audit.h"
#include "bind.h"
#include "db.h"
#include "edit.h"
#include "form_registry.h"
#include "organisation.h"
#include "page_create.h"
#include "page_admin.h"
#include "pages.h"
#include "referral.h"
#include "req.h"
#include "structural.h"
#include "view.h"

/*
 * The form keeps its values as strings, one per field, whether they came
 * from the database or from what was typed, so that a form with errors
 * re-renders exactly what the user sent.
 */

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

static const struct field_spec insats_spec[IF__MAX] = {
	[IF_NAME] = { "namn", FT_TEXT, 1, 200, FF_REQUIRED, NULL },
	[IF_SHORT] = { "kortnamn", FT_TEXT, 1, 60, FF_REQUIRED, NULL },
	[IF_SLUG] = { "slug", FT_TEXT, 1, 60, FF_REQUIRED, NULL },
	[IF_HOST] = { "huvudman", FT_INT, 1, 4294967295LL, FF_REQUIRED, NULL },
	[IF_DESC] = { "beskrivning", FT_TEXT, 0, 10000, FF_MULTILINE, NULL },
	[IF_LOCATION] = { "plats", FT_TEXT, 0, 200, 0, NULL },
	[IF_TARGET] = { "malgrupp", FT_TEXT, 0, 5000, FF_MULTILINE, NULL },
	[IF_DIRECTION] = { "inriktning", FT_ENUM, 0, 0, FF_REQUIRED,
	    insats_direction_names },
	[IF_MEASUREMENT] = { "matmetod", FT_ENUM, 0, 0, FF_REQUIRED,
	    insats_measurement_names },
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

#define GOAL_SPEC(n)                                                           \
	{ "mal" #n "_typ", FT_ENUM, 0, 0, 0, goal_kind_names },                \
	    { "mal" #n "_text", FT_TEXT, 0, 200, 0, NULL },                    \
	    { "mal" #n "_taljare", FT_INT, 0, 65535, 0, NULL },                \
	{                                                                      \
		"mal" #n "_namnare", FT_INT, 1, 65535, 0, NULL                 \
	}
static const struct field_spec goal_spec[GOAL_ROWS * GF__MAX] = { GOAL_SPEC(1),
	GOAL_SPEC(2), GOAL_SPEC(3), GOAL_SPEC(4), GOAL_SPEC(5), GOAL_SPEC(6),
	GOAL_SPEC(7), GOAL_SPEC(8), GOAL_SPEC(9), GOAL_SPEC(10) };

#define MSG_INSATS_DUP                                                         \
	"Det finns redan en insats med det namnet eller adressnamnet."

struct insats_form {
	long long id; /* 0: new */
	struct str v[IF__MAX];
	const char *err[IF__MAX];
	struct str g[GOAL_ROWS][GF__MAX];
	const char *gerr[GOAL_ROWS][GF__MAX];
	struct str version;
	struct str key;       /* a new one's one-time key (page_create.h) */
	const char *conflict; /* not saved: someone else saved */
	const char *notice;
	struct insats stored; /* after a conflict */
};

/* ---- the list ---- */

static const struct bind_key insats_list_keys[] = {
	{ "id", "id" },
	{ "name", "name" },
	{ "slug", "slug" },
	{ "host", "host" },
	{ "period_start", "start" },
	{ "period_end", "end" },
	{ "places", "places" },
	{ "active", "active" },
	{ "goals", "goals" },
	{ "staff", "staff" },
};

enum app_err
page_admin_insatser(struct req *r)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct insats_row *rows;
	size_t n, closed = 0;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = insats_list(r, &rows, &n)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "insatser")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "insatser");
		enum insats_direction d;

		if (it == NULL)
			return APP_ENOMEM;
		int structural =
		    insats_direction_from_name(rows[i].direction, &d) &&
		    d == INSATS_STRUKTUR;
		/* An active individual insats without staff takes no
		 * applications (referral_insats_takes()): say so. */
		int no_staff = !structural && rows[i].active &&
		    referral_insats_takes(1, rows[i].staff > 0) != REFERRAL_OK;

		closed += no_staff;
		if ((e = bind_record(it, &insats_row_record, insats_list_keys,
		         BIND_N(insats_list_keys), &rows[i])) != APP_OK ||
		    (e = view_ctx_set_bool(it, "structural", structural)) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "no_staff", no_staff)) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_int(ctx, "no_staff_count", (long long)closed)) !=
	    APP_OK)
		return e;
	return page_render(r, "admin_insatser", "Insatser", ctx);
}

/* ---- the form ---- */

/* The label tables of organisation.h by index, for admin_choices(). */
static const char *
admin_direction_label(int k)
{
	return insats_direction_label((enum insats_direction)k);
}

static const char *
admin_measurement_label(int k)
{
	return insats_measurement_label((enum insats_measurement)k);
}

static const char *
admin_goal_label(int k)
{
	return goal_kind_label((enum goal_kind)k);
}

static enum app_err
admin_insats_goals_ctx(
    struct req *r, struct view_ctx *ctx, const struct insats_form *f)
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
		    (e = admin_choices(r, it, "kinds", goal_kind_names,
		         admin_goal_label, f->g[g][GF_KIND])) != APP_OK)
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
		e = buf_puts(&action, "/admin/insatser/ny");
	else
		e = buf_printf(&action, "/admin/insatser/%lld", f->id);
	if (e != APP_OK)
		return e;
	if ((e = page_form_limits(r, ctx, insats_spec, IF__MAX)) != APP_OK ||
	    (e = page_form_limits(r, ctx, goal_spec, GOAL_ROWS * GF__MAX)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_new", f->id == 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "structural",
	         str_eq_cstr(f->stored.direction, "struktur"))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "action", buf_str(&action))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "version", f->version)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", f->notice)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "aktiv", f->v[IF_ACTIVE].len > 0)) !=
	        APP_OK ||
	    (e = admin_org_options(r, ctx, "orgs", orgs, norgs,
	         str_to_ll(f->v[IF_HOST]), 0)) != APP_OK ||
	    (e = admin_choices(r, ctx, "directions", insats_direction_names,
	         admin_direction_label, f->v[IF_DIRECTION])) != APP_OK ||
	    (e = admin_choices(r, ctx, "measurements", insats_measurement_names,
	         admin_measurement_label, f->v[IF_MEASUREMENT])) != APP_OK ||
	    (e = admin_insats_goals_ctx(r, ctx, f)) != APP_OK ||
	    (f->id == 0 && (e = page_create_bind(r, ctx, f->key)) != APP_OK))
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
	if (f->conflict != NULL &&
	    ((e = view_ctx_set_cstr(ctx, "conflict", f->conflict)) != APP_OK ||
	        (e = view_ctx_set_str(ctx, "current_name", f->stored.name)) !=
	            APP_OK ||
	        (e = view_ctx_set_str(
	             ctx, "current_places", f->stored.places)) != APP_OK ||
	        (e = view_ctx_set_str(
	             ctx, "current_start", f->stored.period_start)) != APP_OK ||
	        (e = view_ctx_set_str(
	             ctx, "current_end", f->stored.period_end)) != APP_OK))
		return e;
	return page_render(r, "admin_insats",
	    f->id == 0 ? "Ny insats" : "Redigera insats", ctx);
}

/* Load insats id and its goals into f. */
static enum app_err
admin_insats_load(struct req *r, long long id, struct insats_form *f)
{
	struct insats_goal *goals;
	struct insats s;
	size_t ngoals;
	int found;
	enum app_err e;

	if ((e = insats_get(r, id, 0, &s, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if ((e = insats_goals(r, id, &goals, &ngoals)) != APP_OK)
		return e;
	*f = (struct insats_form){ .id = id, .stored = s };
	f->v[IF_NAME] = s.name;
	f->v[IF_SHORT] = s.short_name;
	f->v[IF_SLUG] = s.slug;
	f->v[IF_HOST] = admin_ll(r, s.host_organisation_id);
	f->v[IF_DESC] = s.description;
	f->v[IF_LOCATION] = s.location;
	f->v[IF_TARGET] = s.target_groups;
	f->v[IF_DIRECTION] = s.direction;
	f->v[IF_MEASUREMENT] = s.measurement;
	f->v[IF_START] = s.period_start;
	f->v[IF_END] = s.period_end;
	f->v[IF_PLACES] = s.places;
	f->v[IF_HMIN] = s.hours_min;
	f->v[IF_HMAX] = s.hours_max;
	f->v[IF_WMIN] = s.weeks_min;
	f->v[IF_WMAX] = s.weeks_max;
	f->v[IF_SUMMARY] = s.summary_due_days;
	f->v[IF_ACTIVE] = s.active ? STR_LIT("1") : STR_LIT("");
	f->version = admin_version_str(r, s.version);
	for (size_t g = 0; g < ngoals && g < GOAL_ROWS; g++) {
		f->g[g][GF_KIND] = goals[g].kind;
		f->g[g][GF_LABEL] = goals[g].label;
		f->g[g][GF_NUM] = admin_ll(r, goals[g].numerator);
		f->g[g][GF_DEN] = admin_ll(r, goals[g].denominator);
	}
	for (size_t g = ngoals; g < GOAL_ROWS; g++)
		f->g[g][GF_DEN] = STR_LIT("10");
	return APP_OK;
}

/* The insatser's names and address names are unique: say which is taken
 * (by another insats than f's), before the insert. */
static enum app_err
admin_insats_unique(struct req *r, struct insats_form *f)
{
	struct insats_row *list;
	size_t n;
	enum app_err e;

	if ((e = insats_list(r, &list, &n)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		if (list[i].id == f->id)
			continue;
		if (f->err[IF_SLUG] == NULL &&
		    str_eq(list[i].slug, f->v[IF_SLUG]))
			f->err[IF_SLUG] =
			    "Adressnamnet används redan av en annan insats.";
		if (f->err[IF_NAME] == NULL &&
		    str_eq(list[i].name, f->v[IF_NAME]))
			f->err[IF_NAME] =
			    "Det finns redan en insats med det namnet.";
	}
	return APP_OK;
}

/* Validate the goal rows into f. */
static void
admin_insats_read_goals(
    struct req *r, struct insats_form *f, const struct field_val *gv)
{
	for (int g = 0; g < GOAL_ROWS; g++) {
		const struct field_val *row = gv + g * GF__MAX;
		const char **err = f->gerr[g];
		int blank = !row[GF_LABEL].present && !row[GF_NUM].present &&
		    row[GF_LABEL].ok && row[GF_NUM].ok;

		for (int k = 0; k < GF__MAX; k++) {
			f->g[g][k] = admin_value(
			    r, &goal_spec[g * GF__MAX + k], &row[k]);
			err[k] = blank ? NULL : row[k].error;
		}
		if (blank)
			continue;
		if (err[GF_KIND] == NULL && !row[GF_KIND].present)
			err[GF_KIND] = "Välj vad målet mäter.";
		if (err[GF_LABEL] == NULL && !row[GF_LABEL].present)
			err[GF_LABEL] = "Skriv målet i klartext.";
		if (err[GF_NUM] == NULL && !row[GF_NUM].present)
			err[GF_NUM] = "Ange hur många.";
		if (err[GF_DEN] == NULL && !row[GF_DEN].present)
			err[GF_DEN] = "Ange av hur många.";
		if (err[GF_NUM] == NULL && err[GF_DEN] == NULL &&
		    row[GF_NUM].i > row[GF_DEN].i)
			err[GF_NUM] = "Kan inte vara fler än det andra talet.";
	}
}

/* Validate the posted insats and goal rows into f; *nerr errors. */
static enum app_err
admin_insats_read(struct req *r, struct insats_form *f, size_t *nerr)
{
	struct field_val fv[IF__MAX], gv[GOAL_ROWS * GF__MAX];
	long long keep_host = str_to_ll(f->v[IF_HOST]); /* stored one */
	struct org_row *orgs;
	size_t n, norgs;
	enum app_err e;

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
	if (f->err[IF_SLUG] == NULL && !insats_slug_ok(f->v[IF_SLUG]))
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
		if ((e = org_list(r, &orgs, &norgs)) != APP_OK)
			return e;
		if (!org_selectable(orgs, norgs, fv[IF_HOST].i, keep_host, 0))
			f->err[IF_HOST] = "Välj en organisation i listan.";
	}
	if (f->err[IF_DIRECTION] == NULL && f->id != 0 &&
	    str_eq_cstr(f->v[IF_DIRECTION], "struktur")) {
		long long open; /* structural: no participants (structural.h) */
		if ((e = structural_open_cases(r, f->id, &open)) != APP_OK)
			return e;
		f->err[IF_DIRECTION] =
		    structural_refusal(STRUCTURAL_MARK, 1, open);
	}
	if ((e = admin_insats_unique(r, f)) != APP_OK)
		return e;
	admin_insats_read_goals(r, f, gv);
	*nerr = 0;
	for (size_t k = 0; k < IF__MAX; k++)
		*nerr += f->err[k] != NULL;
	for (int g = 0; g < GOAL_ROWS; g++)
		for (int k = 0; k < GF__MAX; k++)
			*nerr += f->gerr[g][k] != NULL;
	return APP_OK;
}

/* An optional number of the form: -1 when empty. */
static long long
admin_opt(struct str v)
{
	return v.len ? str_to_ll(v) : -1;
}

/* f's values (valid) as the insats to save, its non-blank goals in order
 * in goals (GOAL_ROWS long). */
static struct insats_change
admin_insats_change(const struct insats_form *f, struct insats_goal *goals)
{
	struct insats_change c = { 0 };
	enum insats_direction d = INSATS_INDIVID;
	enum insats_measurement m = INSATS_PERSONUPPGIFTER;
	size_t n = 0;

	(void)insats_direction_from_name(f->v[IF_DIRECTION], &d);
	(void)insats_measurement_from_name(f->v[IF_MEASUREMENT], &m);
	c.host_organisation_id = str_to_ll(f->v[IF_HOST]);
	c.name = f->v[IF_NAME];
	c.short_name = f->v[IF_SHORT];
	c.slug = f->v[IF_SLUG];
	c.description = f->v[IF_DESC];
	c.location = f->v[IF_LOCATION];
	c.target_groups = f->v[IF_TARGET];
	c.direction = d;
	c.measurement = m;
	c.period_start = f->v[IF_START];
	c.period_end = f->v[IF_END];
	c.places = admin_opt(f->v[IF_PLACES]);
	c.hours_min = admin_opt(f->v[IF_HMIN]);
	c.hours_max = admin_opt(f->v[IF_HMAX]);
	c.weeks_min = admin_opt(f->v[IF_WMIN]);
	c.weeks_max = admin_opt(f->v[IF_WMAX]);
	c.summary_due_days = admin_opt(f->v[IF_SUMMARY]);
	c.active = f->v[IF_ACTIVE].len > 0;
	for (int g = 0; g < GOAL_ROWS; g++) {
		if (f->g[g][GF_LABEL].len == 0 && f->g[g][GF_NUM].len == 0)
			continue;
		goals[n].kind = f->g[g][GF_KIND];
		goals[n].label = f->g[g][GF_LABEL];
		goals[n].numerator = str_to_ll(f->g[g][GF_NUM]);
		goals[n++].denominator = str_to_ll(f->g[g][GF_DEN]);
	}
	c.goals = goals;
	c.ngoals = n;
	return c;
}

enum app_err
page_admin_insats_new(struct req *r)
{
	struct insats_form f = { 0 };

	f.v[IF_ACTIVE] = STR_LIT("1");
	f.v[IF_DIRECTION] = str_cstr(insats_direction_names[INSATS_INDIVID]);
	f.v[IF_MEASUREMENT] =
	    str_cstr(insats_measurement_names[INSATS_PERSONUPPGIFTER]);
	for (int g = 0; g < GOAL_ROWS; g++)
		f.g[g][GF_DEN] = STR_LIT("10");
	return admin_insats_render(r, &f);
}

enum app_err
page_admin_insats(struct req *r)
{
	struct insats_form f;
	long long id;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_insats_load(r, id, &f)) != APP_OK)
		return e;
	if (req_query(r, "sparat") != NULL)
		f.notice = "Ändringarna är sparade.";
	return admin_insats_render(r, &f);
}

/* The form again with the name or address name taken. */
static enum app_err
admin_insats_dup(struct req *r, struct insats_form *f)
{
	f->err[IF_NAME] = MSG_INSATS_DUP;
	r->resp.status = 400;
	return admin_insats_render(r, f);
}

enum app_err
page_admin_insats_create(struct req *r)
{
	struct insats_form f = { .key = page_create_key(r) };
	struct insats_goal goals[GOAL_ROWS];
	struct insats_change c;
	long long id = 0;
	size_t nerr;
	int answered;
	enum app_err e;

	if ((e = admin_insats_read(r, &f, &nerr)) != APP_OK)
		return e;
	if (page_create_bad(f.key)) {
		r->resp.status = 400;
		return admin_insats_render(r, &f);
	}
	/* Before the errors count: a retry finds its name taken. */
	if ((e = page_create_begin(r, f.key, "/admin/insatser", &answered)) !=
	        APP_OK ||
	    answered)
		return e;
	if (nerr > 0) {
		db_rollback(r->db);
		r->resp.status = 400;
		return admin_insats_render(r, &f);
	}
	c = admin_insats_change(&f, goals);
	e = insats_insert(r, &c, &id);
	if (e == APP_EDUP) {
		db_rollback(r->db);
		return admin_insats_dup(r, &f);
	}
	if (e != APP_OK ||
	    (e = audit_write(r, AUDIT_ADMIN, "insats", id, STR_LIT(""),
	         STR_LIT("insats created"))) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return admin_created(r, f.key, "/admin/insatser", id);
}

/* The versioned edit of an insats with its goals (edit.h). */
static enum app_err
admin_insats_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct insats_form *f = state;
	struct insats now;
	int found;
	enum app_err e;

	if ((e = insats_get(r, f->id, 1, &now, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	lock->version = now.version;
	return APP_OK;
}

static enum app_err
admin_insats_write(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct insats_form *f = state;
	struct insats_goal goals[GOAL_ROWS];
	struct insats_change c = admin_insats_change(f, goals);
	enum app_err e;

	(void)lock;
	if ((e = insats_update(r, f->id, &c)) != APP_OK)
		return e;
	*changed = 1; /* every save is logged */
	return APP_OK;
}

static const struct edit_ops admin_insats_ops = {
	admin_insats_lock,
	admin_insats_write,
};

enum app_err
page_admin_insats_save(struct req *r)
{
	const struct str *version = req_form(r, "version");
	struct insats_form f, now;
	enum edit_result res;
	long long id;
	size_t nerr;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = admin_insats_load(r, id, &f)) != APP_OK ||
	    (e = admin_insats_read(r, &f, &nerr)) != APP_OK)
		return e;
	f.version = version ? *version : STR_LIT("");
	if (nerr > 0) {
		r->resp.status = 400;
		return admin_insats_render(r, &f);
	}
	e = admin_edit_run(r, &admin_insats_ops, &f, "insats", id,
	    "insats updated with goals", &res);
	if (e == APP_EDUP)
		return admin_insats_dup(r, &f);
	if (e != APP_OK)
		return e;
	if (res == EDIT_SAVED)
		return admin_saved(r, "/admin/insatser", id);
	/* Not saved: keep what was typed and show what is stored. */
	if ((e = admin_insats_load(r, id, &now)) != APP_OK)
		return e;
	f.stored = now.stored;
	if (res == EDIT_STALE)
		f.version = now.version;
	f.conflict = admin_edit_message(res);
	r->resp.status = 409;
	return admin_insats_render(r, &f);
}

static const struct form_def admin_insats_forms[] = {
	{ "POST /admin/insatser/ny", "admin_insats", insats_spec, IF__MAX },
	{ "POST /admin/insatser/ny", "admin_insats", goal_spec,
	    GOAL_ROWS *GF__MAX },
	{ "POST /admin/insatser/:id", "admin_insats", insats_spec, IF__MAX },
	{ "POST /admin/insatser/:id", "admin_insats", goal_spec,
	    GOAL_ROWS *GF__MAX },
};

const struct form_def *
page_admin_insats_forms(size_t *n)
{
	*n = sizeof(admin_insats_forms) / sizeof(admin_insats_forms[0]);
	return admin_insats_forms;
}
