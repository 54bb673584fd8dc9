/* page_structural_training.c: a structural insats's supervisor
 * trainings; see include/page_structural.h. */
#include <string.h>

#include "audit.h"
#include "db.h"
#include "edit.h"
#include "form_registry.h"
#include "page_structural.h"
#include "page_structural_form.h"
#include "pages.h"
#include "req.h"
#include "structural.h"

enum { TF_DATUM, TF_DELTAGARE, TF_ANTECKNING, TF_VERSION, TF__MAX };
static const struct field_spec training_spec[TF__MAX] = {
	[TF_DATUM] = { "datum", FT_DATE, 20000101, 21001231, FF_REQUIRED,
	    NULL },
	[TF_DELTAGARE] = { "deltagare", FT_INT, 0, 9999, FF_REQUIRED, NULL },
	[TF_ANTECKNING] = { "anteckning", FT_TEXT, 0, 1000, FF_MULTILINE,
	    NULL },
	[TF_VERSION] = { "version", FT_INT, 0, 4294967295LL, 0, NULL },
};
static const char *const training_required[TF__MAX] = {
	[TF_DATUM] = "Ange den dag utbildningen hölls.",
	[TF_DELTAGARE] = "Ange hur många som deltog.",
};

/* ---- trainings ---- */

static void
training_init(struct psf_form *f)
{
	memset(f, 0, sizeof(*f));
	f->spec = training_spec;
	f->n = TF__MAX;
}

static void
training_values(
    struct req *r, struct str *v, const struct structural_training *t)
{
	v[TF_DATUM] = t->held_on;
	v[TF_DELTAGARE] = psf_num(r, t->attendees);
	v[TF_ANTECKNING] = t->note;
	v[TF_VERSION] = psf_num(r, t->version);
}

static enum app_err
training_render(struct req *r, const struct psf_form *f)
{
	const char *action = f->id
	    ? psf_path(r, "/struktur/utbildning/", f->id, "")
	    : psf_path(r, "/struktur/", f->ins.id, "/utbildning/ny");

	if (action == NULL)
		return APP_ENOMEM;
	return psf_render(r, f, "struktur_utbildning",
	    f->id ? "Handledarutbildning" : "Ny handledarutbildning", action);
}

static enum app_err
training_read(struct req *r, struct psf_form *f, struct structural_training *t)
{
	enum app_err e;

	if ((e = psf_read(r, f, training_required)) != APP_OK)
		return e;
	if (f->id != 0 && f->v[TF_VERSION].len == 0)
		f->form_error = PSF_MSG_VERSION;
	psf_count(f);
	memset(t, 0, sizeof(*t));
	t->id = f->id;
	t->insats_id = f->ins.id;
	t->held_on = f->v[TF_DATUM];
	t->attendees = str_to_ll(f->v[TF_DELTAGARE]);
	t->note = f->v[TF_ANTECKNING];
	t->version = str_to_ll(f->v[TF_VERSION]);
	return APP_OK;
}

enum app_err
page_structural_training_new(struct req *r)
{
	struct psf_form f;
	long long id;
	enum app_err e;

	training_init(&f);
	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = psf_access(r, id, &f.ins)) != APP_OK)
		return e;
	return training_render(r, &f);
}

enum app_err
page_structural_training_create(struct req *r)
{
	struct structural_training t;
	struct psf_form f;
	long long id, tid = 0;
	enum app_err e;

	training_init(&f);
	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = psf_access(r, id, &f.ins)) != APP_OK ||
	    (e = training_read(r, &f, &t)) != APP_OK)
		return e;
	if (f.nerr > 0) {
		r->resp.status = 400;
		return training_render(r, &f);
	}
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = structural_training_insert(r, &t, &tid)) != APP_OK ||
	    (e = audit_write(r, AUDIT_CREATE, "structural_training", tid,
	         STR_LIT(""), STR_LIT("training added"))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	return psf_saved(r, id);
}

static enum app_err
training_access(struct req *r, long long *id, struct structural_training *t,
    struct psf_form *f)
{
	int found;
	enum app_err e;

	if ((e = req_param_id(r, id)) != APP_OK ||
	    (e = structural_training_get(r, *id, 0, t, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	f->id = *id;
	return psf_access(r, t->insats_id, &f->ins);
}

enum app_err
page_structural_training(struct req *r)
{
	struct structural_training t;
	struct psf_form f;
	long long id;
	enum app_err e;

	training_init(&f);
	if ((e = training_access(r, &id, &t, &f)) != APP_OK)
		return e;
	training_values(r, f.v, &t);
	return training_render(r, &f);
}

struct training_edit {
	struct structural_training typed, now;
};

static enum app_err
training_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct training_edit *te = state;
	int found;
	enum app_err e;

	if ((e = structural_training_get(
	         r, te->typed.id, 1, &te->now, &found)) != APP_OK)
		return e;
	if (!found || te->now.insats_id != te->typed.insats_id)
		return APP_ENOTFOUND;
	lock->version = te->now.version;
	return APP_OK;
}

static enum app_err
training_write(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct training_edit *te = state;
	struct structural_training t = te->typed;

	t.version = lock->version;
	*changed = 1;
	return structural_training_update(r, &t);
}

static const struct edit_ops training_ops = { training_lock, training_write };

enum app_err
page_structural_training_save(struct req *r)
{
	struct training_edit te;
	struct structural_training stored;
	struct psf_form f;
	struct edit ed;
	struct edit_lock lock;
	enum edit_result res;
	long long id;
	int found;
	enum app_err e;

	training_init(&f);
	if ((e = training_access(r, &id, &stored, &f)) != APP_OK ||
	    (e = training_read(r, &f, &te.typed)) != APP_OK)
		return e;
	if (f.nerr > 0) {
		r->resp.status = 400;
		return training_render(r, &f);
	}
	ed = (struct edit){ .ops = &training_ops,
		.state = &te,
		.form_version = te.typed.version,
		.audit_type = "structural_training",
		.audit_id = id,
		.audit_detail = "training updated" };
	if ((e = edit_run(r, &ed, &res, &lock)) != APP_OK)
		return e;
	if (res == EDIT_SAVED)
		return psf_saved(r, f.ins.id);
	if ((e = structural_training_get(r, id, 0, &stored, &found)) != APP_OK)
		return e;
	training_values(r, f.stored, &stored);
	f.show_stored = 1;
	if (res == EDIT_STALE)
		f.v[TF_VERSION] = f.stored[TF_VERSION];
	f.form_error = res == EDIT_BUSY ? EDIT_MSG_BUSY : PSF_MSG_STALE;
	psf_count(&f);
	r->resp.status = 409;
	return training_render(r, &f);
}

/* For the registry of forms (form_registry.h). */
static const struct form_def training_forms[] = {
	{ "POST /struktur/:id/utbildning/ny", "struktur_utbildning",
	    training_spec, TF__MAX },
	{ "POST /struktur/utbildning/:id", "struktur_utbildning", training_spec,
	    TF__MAX },
};

const struct form_def *
page_structural_training_forms(size_t *n)
{
	*n = sizeof(training_forms) / sizeof(training_forms[0]);
	return training_forms;
}
