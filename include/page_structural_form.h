/*
 * page_structural_form.h: what the register's pages share
 * (app/page_structural.c: the register and its companies;
 * app/page_structural_training.c: its trainings): the form kept as typed,
 * the access check, the page. Private to those files.
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
struct psf_form {
	const struct field_spec *spec;
	size_t n;
	long long id; /* the record; 0: new */
	struct structural_insats ins;
	struct str v[PSF_MAXF];
	const char *err[PSF_MAXF];
	size_t nerr;
	const char *form_error;
	int show_stored;
	struct str stored[PSF_MAXF]; /* after a conflict */
};

/* Insats id as r's user reaches its register into *ins: APP_ENOTFOUND
 * unless they work in it and it is structural. */
enum app_err psf_access(
    struct req *, long long id, struct structural_insats *ins);

/* v as decimal text. Arena. */
struct str psf_num(struct req *, long long v);

/* The posted form into f: values as typed, the field table's errors, the
 * required fields' own words (required[k], NULL: the table's). */
enum app_err psf_read(
    struct req *, struct psf_form *f, const char *const *required);

/* f->nerr from its errors. */
void psf_count(struct psf_form *f);

/* The form's values, errors and limits, and the stored values after a
 * conflict, into view `view` with title; the form posts to action. */
enum app_err psf_render(struct req *, const struct psf_form *f,
    const char *view, const char *title, const char *action);

/* before, id in decimal, after: a path. Arena; NULL on a full arena. */
const char *psf_path(
    struct req *, const char *before, long long id, const char *after);

/* 303 to the register of insats_id after a save. */
enum app_err psf_saved(struct req *, long long insats_id);

#endif /* !PAGE_STRUCTURAL_FORM_H */
