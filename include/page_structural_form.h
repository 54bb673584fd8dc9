/*
 * page_structural_form.h: the one create/edit flow of the register's rows
 * (app/page_structural_form.c), for both kinds: companies
 * (app/page_structural.c) and trainings (app/page_structural_training.c).
 * Private to those files.
 *
 * A kind gives what differs (struct psf_kind): its field table (the
 * version field last), its record and how the form's values go in and
 * out of it, its SQL, its view and words. The flow is the same for both:
 *   new:    GET /struktur/:id/<kind>/ny, the empty form;
 *   create: POST there; 400 with the messages and the values kept, else
 *           insert, audit (AUDIT_CREATE), commit and 303 to the register;
 *           the form's one-time key answers a retry as the first POST
 *           (page_create.h);
 *   edit:   GET /struktur/<kind>/:id, the stored values;
 *   save:   POST there; 400 as above, else the versioned edit (edit.h):
 *           409 with what was typed kept and what is stored shown when
 *           someone else saved first or the row is busy, else 303.
 * APP_EDUP from the kind's SQL answers 400 on its dup_field with dup_msg.
 * Only staff who work in a structural insats reach it (psf_access()).
 */
#ifndef PAGE_STRUCTURAL_FORM_H
#define PAGE_STRUCTURAL_FORM_H

#include <stddef.h>

#include "app.h"
#include "form.h"
#include "str.h"
#include "structural.h"

struct req;

#define PSF_MSG_VERSION "Formuläret saknar version. Ladda om sidan."
#define PSF_MSG_STALE                                                          \
	"Någon annan har ändrat uppgifterna medan du arbetade. Dina "        \
	"ändringar är inte sparade; de sparade uppgifterna står nedan och " \
	"det du skrev finns kvar i formuläret."
#define PSF_MAXF 6
/* A form as typed. */
struct psf_form {
	const struct field_spec *spec;
	size_t n;
	long long id; /* the record; 0: new */
	struct structural_insats ins;
	struct str v[PSF_MAXF];
	const char *err[PSF_MAXF];
	size_t nerr;
	const char *form_error;
	struct str key; /* a new row's one-time key (page_create.h) */
	int show_stored;
	struct str stored[PSF_MAXF]; /* after a conflict */
};

/* One kind of row. rec: a struct of rec_size bytes with long long
 * members insats_id and version at those offsets. */
struct psf_kind {
	const struct field_spec *spec; /* n <= PSF_MAXF; version last */
	size_t n;
	const char *const *required; /* [n]: a required field's own words */
	size_t rec_size, insats_at, version_at;
	const char *view, *title_new, *title_edit;
	const char *new_path;  /* after /struktur/<insats id>: "/x/ny" */
	const char *edit_path; /* before the row's id: "/struktur/x/" */
	const char *audit_type, *audit_added, *audit_updated;
	int dup_field; /* the field APP_EDUP is about; -1: none */
	const char *dup_msg;
	/* The kind's own checks after the table's (may set f->err[k] and
	 * rewrite f->v[k]); NULL: none. */
	enum app_err (*check)(struct req *, struct psf_form *f);
	/* The form's values (checked) into rec, with f->id, f->ins.id and
	 * the version. */
	void (*record)(const struct psf_form *f, void *rec);
	/* rec's values as the form shows them (v[n]). Arena. */
	void (*values)(struct req *, struct str *v, const void *rec);
	/* The row's SQL (structural.h). */
	enum app_err (*get)(
	    struct req *, long long id, int lock, void *rec, int *found);
	enum app_err (*insert)(struct req *, const void *rec, long long *id);
	enum app_err (*update)(struct req *, const void *rec);
};

/* Insats id as r's user reaches its register into *ins: APP_ENOTFOUND
 * unless they work in it and it is structural. */
enum app_err psf_access(
    struct req *, long long id, struct structural_insats *ins);

/* v as decimal text. Arena. */
struct str psf_num(struct req *, long long v);

/* The four handlers of a kind, as above. */
enum app_err psf_new(struct req *, const struct psf_kind *);
enum app_err psf_create(struct req *, const struct psf_kind *);
enum app_err psf_edit(struct req *, const struct psf_kind *);
enum app_err psf_save(struct req *, const struct psf_kind *);

#endif /* !PAGE_STRUCTURAL_FORM_H */
