/* page_structural.c: the register of a structural insats; see
 * include/page_structural.h. The rules and records are structural.h's. */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "bind.h"
#include "date.h"
#include "db.h"
#include "edit.h"
#include "form.h"
#include "form_registry.h"
#include "page_structural.h"
#include "page_structural_form.h"
#include "pages.h"
#include "req.h"
#include "structural.h"
#include "view.h"

#define MSG_DUP "Det finns redan ett företag med det namnet i registret."

/* ---- the forms ---- */

enum {
	CF_NAMN,
	CF_ORGNR,
	CF_PLATSER,
	CF_ANSLUTEN,
	CF_LAMNAT,
	CF_VERSION,
	CF__MAX
};
static const struct field_spec company_spec[CF__MAX] = {
	[CF_NAMN] = { "namn", FT_TEXT, 1, 200, FF_REQUIRED, NULL },
	/* A format, NNNNNN-NNNN: structural_orgnr(). */
	[CF_ORGNR] = { "orgnr", FT_TEXT, 0, 11, 0, NULL },
	[CF_PLATSER] = { "platser", FT_INT, 0, 9999, FF_REQUIRED, NULL },
	[CF_ANSLUTEN] = { "ansluten", FT_DATE, 20000101, 21001231, FF_REQUIRED,
	    NULL },
	[CF_LAMNAT] = { "lamnat", FT_DATE, 20000101, 21001231, 0, NULL },
	[CF_VERSION] = { "version", FT_INT, 0, 4294967295LL, 0, NULL },
};
static const char *const company_required[CF__MAX] = {
	[CF_NAMN] = "Skriv företagets namn.",
	[CF_PLATSER] = "Ange hur många praktikplatser företaget erbjuder.",
	[CF_ANSLUTEN] = "Ange den dag företaget anslöt till platsbanken.",
};

/* ---- shared ---- */

/* Insats id as r's user reaches its register: APP_ENOTFOUND unless they
 * work in it and it is structural. */
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

/* The posted form into f: values as typed, the field table's errors, the
 * required fields' own words. */
enum app_err
psf_read(struct req *r, struct psf_form *f, const char *const *required)
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
		if (f->err[k] != NULL && !fv[k].present && required[k] != NULL)
			f->err[k] = required[k];
	}
	return APP_OK;
}

void
psf_count(struct psf_form *f)
{
	f->nerr = f->form_error != NULL;
	for (size_t k = 0; k < f->n; k++)
		f->nerr += f->err[k] != NULL;
}

/* The form's values, errors and limits into ctx, and the page. */
enum app_err
psf_render(struct req *r, const struct psf_form *f, const char *view,
    const char *title, const char *action)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_int(ctx, "insats_id", f->ins.id)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats", f->ins.name)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "action", action)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_new", f->id == 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_errors", f->nerr > 0)) != APP_OK ||
	    (e = page_form_error(ctx, "form_error", f->form_error)) != APP_OK ||
	    (e = page_form_limits(r, ctx, f->spec, f->n)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "current")) != APP_OK)
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
	return page_render(r, view, title, ctx);
}

/* "/struktur/<id><rest>" or similar, arena. */
const char *
psf_path(struct req *r, const char *before, long long id, const char *after)
{
	struct buf b;

	buf_init(&b, r->a);
	return buf_printf(&b, "%s%lld%s", before, id, after) == APP_OK ? b.p
	                                                               : NULL;
}

/* 303 to the register after a save. */
enum app_err
psf_saved(struct req *r, long long insats_id)
{
	const char *p = psf_path(r, "/struktur/", insats_id, "?sparat=1");

	return p ? page_redirect(r, p) : APP_ENOMEM;
}

/* ---- the register page ---- */

static const struct bind_key company_keys[] = {
	{ "id", "id" },
	{ "name", "name" },
	{ "org_number", "org_number" },
	{ "places", "places" },
	{ "joined_on", "joined_on" },
	{ "left_on", "left_on" },
};
static const struct bind_key training_keys[] = {
	{ "id", "id" },
	{ "held_on", "held_on" },
	{ "attendees", "attendees" },
	{ "note", "note" },
};
static const struct bind_key goal_keys[] = {
	{ "year", "year" },
	{ "companies", "companies" },
	{ "places", "places" },
	{ "trainings", "trainings" },
	{ "attendees", "attendees" },
};

enum app_err
page_structural(struct req *r)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct structural_insats ins;
	struct structural_company *c;
	struct structural_training *t;
	struct structural_goal *g;
	size_t nc, nt, ng;
	long long id, active = 0, places = 0;
	char today[11];
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = psf_access(r, id, &ins)) != APP_OK ||
	    (e = structural_companies(r, id, &c, &nc)) != APP_OK ||
	    (e = structural_trainings(r, id, &t, &nt)) != APP_OK ||
	    (e = structural_goals(r, id, &g, &ng)) != APP_OK)
		return e;
	date_today_iso(today, sizeof(today));
	for (size_t i = 0; i < nc; i++)
		if (structural_in_bank(
		        c[i].joined_on, c[i].left_on, str_cstr(today))) {
			active++;
			places += c[i].places;
		}
	if ((e = view_ctx_set_int(ctx, "insats_id", id)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats", ins.name)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "active", active)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "places", places)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "saved", req_query(r, "sparat") != NULL)) != APP_OK ||
	    (e = bind_list(ctx, "companies", &structural_company_record,
	         company_keys, BIND_N(company_keys), c, nc)) != APP_OK ||
	    (e = bind_list(ctx, "trainings", &structural_training_record,
	         training_keys, BIND_N(training_keys), t, nt)) != APP_OK ||
	    (e = bind_list(ctx, "goals", &structural_goal_record, goal_keys,
	         BIND_N(goal_keys), g, ng)) != APP_OK)
		return e;
	return page_render(r, "struktur", "Register", ctx);
}

/* ---- companies ---- */

static void
company_init(struct psf_form *f)
{
	memset(f, 0, sizeof(*f));
	f->spec = company_spec;
	f->n = CF__MAX;
}

static void
company_values(struct req *r, struct str *v, const struct structural_company *c)
{
	v[CF_NAMN] = c->name;
	v[CF_ORGNR] = c->org_number;
	v[CF_PLATSER] = psf_num(r, c->places);
	v[CF_ANSLUTEN] = c->joined_on;
	v[CF_LAMNAT] = c->left_on;
	v[CF_VERSION] = psf_num(r, c->version);
}

static enum app_err
company_render(struct req *r, const struct psf_form *f)
{
	const char *action = f->id
	    ? psf_path(r, "/struktur/foretag/", f->id, "")
	    : psf_path(r, "/struktur/", f->ins.id, "/foretag/ny");

	if (action == NULL)
		return APP_ENOMEM;
	return psf_render(r, f, "struktur_foretag",
	    f->id ? "Företag i platsbanken" : "Nytt företag", action);
}

/* The posted company, checked, into f; c: the record to save. */
static enum app_err
company_read(struct req *r, struct psf_form *f, struct structural_company *c)
{
	char org[12];
	enum app_err e;

	if ((e = psf_read(r, f, company_required)) != APP_OK)
		return e;
	if (f->err[CF_ORGNR] == NULL && f->v[CF_ORGNR].len > 0) {
		if (!structural_orgnr(f->v[CF_ORGNR], org))
			f->err[CF_ORGNR] =
			    "Ange organisationsnumret som "
			    "NNNNNN-NNNN, med rätt kontrollsiffra.";
		else if ((f->v[CF_ORGNR].p =
		                 arena_memdup(r->a, org, sizeof(org))) == NULL)
			return APP_ENOMEM;
		else
			f->v[CF_ORGNR].len = 11;
	}
	if (f->err[CF_ANSLUTEN] == NULL && f->err[CF_LAMNAT] == NULL &&
	    f->v[CF_LAMNAT].len > 0 &&
	    memcmp(f->v[CF_LAMNAT].p, f->v[CF_ANSLUTEN].p, 10) < 0)
		f->err[CF_LAMNAT] = "Företaget kan inte ha lämnat platsbanken "
		                    "före den dag det anslöt.";
	if (f->id != 0 && f->v[CF_VERSION].len == 0)
		f->form_error = PSF_MSG_VERSION;
	psf_count(f);
	memset(c, 0, sizeof(*c));
	c->id = f->id;
	c->insats_id = f->ins.id;
	c->name = f->v[CF_NAMN];
	c->org_number = f->v[CF_ORGNR];
	c->places = str_to_ll(f->v[CF_PLATSER]);
	c->joined_on = f->v[CF_ANSLUTEN];
	c->left_on = f->v[CF_LAMNAT];
	c->version = str_to_ll(f->v[CF_VERSION]);
	return APP_OK;
}

enum app_err
page_structural_company_new(struct req *r)
{
	struct psf_form f;
	long long id;
	enum app_err e;

	company_init(&f);
	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = psf_access(r, id, &f.ins)) != APP_OK)
		return e;
	return company_render(r, &f);
}

enum app_err
page_structural_company_create(struct req *r)
{
	struct structural_company c;
	struct psf_form f;
	long long id, cid = 0;
	enum app_err e;

	company_init(&f);
	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = psf_access(r, id, &f.ins)) != APP_OK ||
	    (e = company_read(r, &f, &c)) != APP_OK)
		return e;
	if (f.nerr == 0) {
		if ((e = db_begin(r->db)) != APP_OK)
			return e;
		e = structural_company_insert(r, &c, &cid);
		if (e == APP_OK)
			e = audit_write(r, AUDIT_CREATE, "structural_company",
			    cid, STR_LIT(""), STR_LIT("company added"));
		if (e == APP_OK && (e = db_commit(r->db)) == APP_OK)
			return psf_saved(r, id);
		db_rollback(r->db);
		if (e != APP_EDUP)
			return e;
		f.err[CF_NAMN] = MSG_DUP;
		psf_count(&f);
	}
	r->resp.status = 400;
	return company_render(r, &f);
}

/* A company and its insats as r's user reaches them. */
static enum app_err
company_access(struct req *r, long long *id, struct structural_company *c,
    struct psf_form *f)
{
	int found;
	enum app_err e;

	if ((e = req_param_id(r, id)) != APP_OK ||
	    (e = structural_company_get(r, *id, 0, c, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	f->id = *id;
	return psf_access(r, c->insats_id, &f->ins);
}

enum app_err
page_structural_company(struct req *r)
{
	struct structural_company c;
	struct psf_form f;
	long long id;
	enum app_err e;

	company_init(&f);
	if ((e = company_access(r, &id, &c, &f)) != APP_OK)
		return e;
	company_values(r, f.v, &c);
	return company_render(r, &f);
}

/* The versioned edit (edit.h). */
struct company_edit {
	struct structural_company typed, now;
};

static enum app_err
company_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct company_edit *ce = state;
	int found;
	enum app_err e;

	if ((e = structural_company_get(
	         r, ce->typed.id, 1, &ce->now, &found)) != APP_OK)
		return e;
	if (!found || ce->now.insats_id != ce->typed.insats_id)
		return APP_ENOTFOUND;
	lock->version = ce->now.version;
	return APP_OK;
}

static enum app_err
company_write(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct company_edit *ce = state;
	struct structural_company c = ce->typed;

	c.version = lock->version;
	*changed = 1;
	return structural_company_update(r, &c);
}

static const struct edit_ops company_ops = { company_lock, company_write };

enum app_err
page_structural_company_save(struct req *r)
{
	struct company_edit ce;
	struct structural_company stored;
	struct psf_form f;
	struct edit ed;
	struct edit_lock lock;
	enum edit_result res;
	long long id;
	int found;
	enum app_err e;

	company_init(&f);
	if ((e = company_access(r, &id, &stored, &f)) != APP_OK ||
	    (e = company_read(r, &f, &ce.typed)) != APP_OK)
		return e;
	if (f.nerr > 0) {
		r->resp.status = 400;
		return company_render(r, &f);
	}
	ed = (struct edit){ .ops = &company_ops,
		.state = &ce,
		.form_version = ce.typed.version,
		.audit_type = "structural_company",
		.audit_id = id,
		.audit_detail = "company updated" };
	e = edit_run(r, &ed, &res, &lock);
	if (e == APP_EDUP) {
		f.err[CF_NAMN] = MSG_DUP;
		psf_count(&f);
		r->resp.status = 400;
		return company_render(r, &f);
	}
	if (e != APP_OK)
		return e;
	if (res == EDIT_SAVED)
		return psf_saved(r, f.ins.id);
	/* Not saved: keep what was typed, show what is stored. */
	if ((e = structural_company_get(r, id, 0, &stored, &found)) != APP_OK)
		return e;
	company_values(r, f.stored, &stored);
	f.show_stored = 1;
	if (res == EDIT_STALE)
		f.v[CF_VERSION] = f.stored[CF_VERSION];
	f.form_error = res == EDIT_BUSY ? EDIT_MSG_BUSY : PSF_MSG_STALE;
	psf_count(&f);
	r->resp.status = 409;
	return company_render(r, &f);
}

/* For the registry of forms (form_registry.h). */
static const struct form_def structural_forms[] = {
	{ "POST /struktur/:id/foretag/ny", "struktur_foretag", company_spec,
	    CF__MAX },
	{ "POST /struktur/foretag/:id", "struktur_foretag", company_spec,
	    CF__MAX },
};

const struct form_def *
page_structural_forms(size_t *n)
{
	*n = sizeof(structural_forms) / sizeof(structural_forms[0]);
	return structural_forms;
}
