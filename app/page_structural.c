/* page_structural.c: the register of a structural insats; see
 * include/page_structural.h. The rules and records are structural.h's. */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "bind.h"
#include "date.h"
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
company_values(struct req *r, struct str *v, const void *rec)
{
	const struct structural_company *c = rec;

	v[CF_NAMN] = c->name;
	v[CF_ORGNR] = c->org_number;
	v[CF_PLATSER] = psf_num(r, c->places);
	v[CF_ANSLUTEN] = c->joined_on;
	v[CF_LAMNAT] = c->left_on;
	v[CF_VERSION] = psf_num(r, c->version);
}

/* The organisationsnummer's form and check digit, written as NNNNNN-NNNN;
 * not left before joined. */
static enum app_err
company_check(struct req *r, struct psf_form *f)
{
	char org[12];

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
	return APP_OK;
}

static void
company_record(const struct psf_form *f, void *rec)
{
	struct structural_company *c = rec;

	c->id = f->id;
	c->insats_id = f->ins.id;
	c->name = f->v[CF_NAMN];
	c->org_number = f->v[CF_ORGNR];
	c->places = str_to_ll(f->v[CF_PLATSER]);
	c->joined_on = f->v[CF_ANSLUTEN];
	c->left_on = f->v[CF_LAMNAT];
	c->version = str_to_ll(f->v[CF_VERSION]);
}

static enum app_err
company_get(struct req *r, long long id, int lock, void *rec, int *found)
{
	return structural_company_get(r, id, lock, rec, found);
}

static enum app_err
company_insert(struct req *r, const void *rec, long long *id)
{
	return structural_company_insert(r, rec, id);
}

static enum app_err
company_update(struct req *r, const void *rec)
{
	return structural_company_update(r, rec);
}

static const struct psf_kind company = {
	.spec = company_spec,
	.n = CF__MAX,
	.required = company_required,
	.rec_size = sizeof(struct structural_company),
	.insats_at = offsetof(struct structural_company, insats_id),
	.version_at = offsetof(struct structural_company, version),
	.view = "struktur_foretag",
	.title_new = "Nytt företag",
	.title_edit = "Företag i platsbanken",
	.new_path = "/foretag/ny",
	.edit_path = "/struktur/foretag/",
	.audit_type = "structural_company",
	.audit_added = "company added",
	.audit_updated = "company updated",
	.dup_field = CF_NAMN,
	.dup_msg = MSG_DUP,
	.check = company_check,
	.record = company_record,
	.values = company_values,
	.get = company_get,
	.insert = company_insert,
	.update = company_update,
};

enum app_err
page_structural_company_new(struct req *r)
{
	return psf_new(r, &company);
}

enum app_err
page_structural_company_create(struct req *r)
{
	return psf_create(r, &company);
}

enum app_err
page_structural_company(struct req *r)
{
	return psf_edit(r, &company);
}

enum app_err
page_structural_company_save(struct req *r)
{
	return psf_save(r, &company);
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
