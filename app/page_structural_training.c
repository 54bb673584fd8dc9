/* page_structural_training.c: a structural insats's supervisor
 * trainings; see include/page_structural.h. */
#include <stddef.h>

#include "form_registry.h"
#include "page_structural.h"
#include "page_structural_form.h"
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
training_values(struct req *r, struct str *v, const void *rec)
{
	const struct structural_training *t = rec;

	v[TF_DATUM] = t->held_on;
	v[TF_DELTAGARE] = psf_num(r, t->attendees);
	v[TF_ANTECKNING] = t->note;
	v[TF_VERSION] = psf_num(r, t->version);
}

static void
training_record(const struct psf_form *f, void *rec)
{
	struct structural_training *t = rec;

	t->id = f->id;
	t->insats_id = f->ins.id;
	t->held_on = f->v[TF_DATUM];
	t->attendees = str_to_ll(f->v[TF_DELTAGARE]);
	t->note = f->v[TF_ANTECKNING];
	t->version = str_to_ll(f->v[TF_VERSION]);
}

static enum app_err
training_get(struct req *r, long long id, int lock, void *rec, int *found)
{
	return structural_training_get(r, id, lock, rec, found);
}

static enum app_err
training_insert(struct req *r, const void *rec, long long *id)
{
	return structural_training_insert(r, rec, id);
}

static enum app_err
training_update(struct req *r, const void *rec)
{
	return structural_training_update(r, rec);
}

static const struct psf_kind training = {
	.spec = training_spec,
	.n = TF__MAX,
	.required = training_required,
	.rec_size = sizeof(struct structural_training),
	.insats_at = offsetof(struct structural_training, insats_id),
	.version_at = offsetof(struct structural_training, version),
	.view = "struktur_utbildning",
	.title_new = "Ny handledarutbildning",
	.title_edit = "Handledarutbildning",
	.new_path = "/utbildning/ny",
	.edit_path = "/struktur/utbildning/",
	.audit_type = "structural_training",
	.audit_added = "training added",
	.audit_updated = "training updated",
	.dup_field = -1,
	.record = training_record,
	.values = training_values,
	.get = training_get,
	.insert = training_insert,
	.update = training_update,
};

enum app_err
page_structural_training_new(struct req *r)
{
	return psf_new(r, &training);
}

enum app_err
page_structural_training_create(struct req *r)
{
	return psf_create(r, &training);
}

enum app_err
page_structural_training(struct req *r)
{
	return psf_edit(r, &training);
}

enum app_err
page_structural_training_save(struct req *r)
{
	return psf_save(r, &training);
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
