/* page_referral_save.c: the application form's pages: a new application,
 * creating it, the edit form and saving it; see include/page_referral.h.
 * The form itself (fields, checks, rendering) is page_referral_form.c;
 * the rules and the writing are the referral module's (referral.h). */
#include <stdio.h>
#include <string.h>

#include "access.h"
#include "arena.h"
#include "audit.h"
#include "db.h"
#include "edit.h"
#include "once.h"
#include "page_create.h"
#include "page_referral.h"
#include "page_referral_form.h"
#include "pages.h"
#include "referral.h"
#include "referral_dup.h"
#include "req.h"
#include "view.h"

#define MSG_DUP                                                                \
	"Ansökan sparades inte: personen har redan en öppen ansökan eller " \
	"ett pågående deltagande i insatsen. Kontrollera att det inte är "  \
	"en dubblett. Kryssa i rutan under listan om du ändå vill spara."

/* "Save anyway", the one field beside the form's table. */
static const struct field_spec rf_dup_spec[1] = {
	{ "dubblett_ok", FT_BOOL, 0, 0, 0, NULL },
};

/*
 * No double participations by accident: the same person's other open
 * application or ongoing participation in the chosen insats, among the
 * caller's own referrals (referral_dup.h). *stop 1 when there is one and
 * "save anyway" was not ticked: f then says so (rf_render() shows the
 * rows and the box) and nothing may be saved.
 */
static enum app_err
rf_dup_check(struct req *r, struct ref_form *f, struct str pnr12,
    long long insats_id, long long self, int *stop)
{
	struct field_val fv[1];
	struct referral_dup_row *rows;
	size_t n, nerr;
	enum app_err e;

	*stop = 0;
	if ((e = form_validate(r->a, &r->form, rf_dup_spec, 1, fv, &nerr)) !=
	        APP_OK ||
	    (e = referral_duplicates(r, REFERRAL_DUP_REMITTENT, pnr12,
	         insats_id, self, &rows, &n)) != APP_OK)
		return e;
	f->dups = rows;
	f->ndups = n;
	f->dup_ok = fv[0].ok && fv[0].i;
	if (n > 0 && !f->dup_ok) {
		f->form_error = MSG_DUP;
		*stop = 1;
	}
	return APP_OK;
}

/* Where a saved or submitted referral is shown. Arena; NULL when the
 * arena is full. */
static const char *
rf_location(struct req *r, long long id, int submitted)
{
	struct buf loc;

	buf_init(&loc, r->a);
	if (buf_printf(&loc, "/ansokningar/%lld?%s", id,
	        submitted ? "skickat=1" : "sparat=1") != APP_OK)
		return NULL;
	return loc.p;
}

static enum app_err
rf_redirect(struct req *r, long long id, int submitted)
{
	const char *loc = rf_location(r, id, submitted);

	return loc != NULL ? page_redirect(r, loc) : APP_ENOMEM;
}

/* ---- new ---- */

enum app_err
page_referral_new(struct req *r)
{
	struct ref_form f = { 0 };
	struct ref_lists L;
	enum app_err e;

	if ((f.v[RF_ONCE] = once_key_new(r)).p == NULL)
		return APP_ENOMEM;
	if ((e = rf_lists_load(r, &L, NULL, NULL)) != APP_OK)
		return e;
	return rf_render(r, &f, &L);
}

/* The form again with status, nothing saved: the transaction (and with it
 * the key's claim) is rolled back, so the same key may be sent again. */
static enum app_err
rf_refuse(struct req *r, const struct ref_form *f, const struct ref_lists *L,
    int status)
{
	db_rollback(r->db);
	r->resp.status = status;
	return rf_render(r, f, L);
}

/* The create under the claimed key, in the open transaction: checks,
 * the referral, the key's location, commit. */
static enum app_err
rf_create_claimed(
    struct req *r, struct ref_form *f, const struct ref_lists *L, size_t nerr)
{
	struct referral_input in;
	enum referral_status status;
	enum referral_refusal why;
	const char *loc;
	long long id;
	int stop;
	enum app_err e;

	if (nerr > 0)
		return rf_refuse(r, f, L, 400);
	/* A new application is a draft until it is submitted; rf_read()
	 * checked the consent rule already, so this only names the state. */
	why = f->submit ? referral_submit(REFERRAL_UTKAST, 0,
	                      f->v[RF_CONSENT_VISA].len > 0, &status)
	                : referral_save_draft(REFERRAL_UTKAST, &status);
	if (why != REFERRAL_OK) {
		f->err[RF_CONSENT_VISA] = referral_refusal_msg(why);
		return rf_refuse(r, f, L, 400);
	}
	if ((e = rf_input(r, f, L, &in)) != APP_OK ||
	    (e = rf_dup_check(r, f, str_cstr(f->pnr.digits), in.insats_id, 0,
	         &stop)) != APP_OK)
		return e;
	if (stop)
		return rf_refuse(r, f, L, 409);
	if ((e = referral_create(r, &f->pnr, &in, status, &id)) != APP_OK)
		return e;
	if ((loc = rf_location(r, id, f->submit)) == NULL)
		return APP_ENOMEM;
	return page_create_finish(r, f->v[RF_ONCE], loc);
}

/*
 * A new referral under the form's one-time key (once.h): a second POST
 * with the key answers as the first did, whatever it holds, and creates
 * nothing; a refused POST frees the key again.
 */
enum app_err
page_referral_create(struct req *r)
{
	struct ref_form f = { 0 };
	struct ref_lists L;
	const char *refused;
	size_t nerr;
	int answered;
	enum app_err e;

	if ((e = rf_lists_load(r, &L, NULL, NULL)) != APP_OK ||
	    (e = rf_read(r, &f, &L, &nerr)) != APP_OK)
		return e;
	if ((e = page_create_open(r, &f.v[RF_ONCE], "/ansokningar", &answered,
	         &refused)) != APP_OK ||
	    answered)
		return e;
	if (refused != NULL) {
		f.form_error = refused;
		return rf_render(r, &f, &L);
	}
	e = rf_create_claimed(r, &f, &L, nerr);
	db_rollback(r->db); /* after a failure; a no-op after the commit */
	return e;
}

/* ---- edit ---- */

/* Referral :id as stored, with its links and what r's user sees of it
 * (*parts), if r's user may change it: the remittent who made it
 * (VIS_EDIT). Others who may see it get 403, the rest 404; the remittent
 * whose organisation the consent no longer names gets the page that says
 * only that it exists, as 403 (*rendered; what was typed is not shown
 * back). */
static enum app_err
rf_load_own(struct req *r, long long *id, struct referral *g,
    struct referral_links *links, unsigned *parts, int *rendered)
{
	unsigned via;
	int found;
	enum app_err e;

	*rendered = 0;
	if ((e = req_param_id(r, id)) != APP_OK ||
	    (e = access_referral(r, *id, &via)) != APP_OK)
		return e;
	if (!(via & ACCESS_OWN))
		return APP_EFORBIDDEN;
	if ((e = referral_load(r, *id, g, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	*parts = ref_parts(r, g, via);
	if (!(*parts & VIS_BIT(VIS_DETAILS))) {
		*rendered = 1;
		r->resp.status = 403;
		return ref_render_hidden(r, g, via, "edit refused: consent");
	}
	if (!(*parts & VIS_BIT(VIS_EDIT)))
		return APP_EFORBIDDEN;
	return referral_links_load(r, *id, links);
}

/* The version a form carries as the number it names: 1 when typed is
 * exactly version in decimal. */
static int
rf_version_is(struct str typed, long long version)
{
	char num[32];

	snprintf(num, sizeof(num), "%lld", version);
	return str_eq_cstr(typed, num);
}

enum app_err
page_referral_edit(struct req *r)
{
	struct ref_form f;
	struct ref_lists L;
	struct referral g;
	struct referral_links links;
	unsigned parts;
	long long id;
	int rendered;
	enum app_err e;

	if ((e = rf_load_own(r, &id, &g, &links, &parts, &rendered)) !=
	        APP_OK ||
	    rendered)
		return e;
	if (referral_may_edit(g.status) != REFERRAL_OK)
		return APP_EFORBIDDEN;
	if ((e = audit_write(r, AUDIT_READ, "referral", id,
	         g.person.personnummer, STR_LIT("edit form"))) != APP_OK ||
	    (e = rf_from_stored(r, &f, &g, &links)) != APP_OK ||
	    (e = rf_consent_check(r, &f)) != APP_OK ||
	    (e = rf_lists_load(r, &L, &g, &links)) != APP_OK)
		return e;
	return rf_render(r, &f, &L);
}

/* Someone saved (or submitted) since the form was shown: keep what was
 * typed, show what is stored, and carry the new version so that a second
 * save wins if the referral is still editable. */
static enum app_err
rf_conflict(struct req *r, struct ref_form *f, const struct ref_lists *L,
    long long id, unsigned parts)
{
	struct referral *g = arena_calloc(r->a, 1, sizeof(*g));
	struct referral_links *links = arena_calloc(r->a, 1, sizeof(*links));
	struct buf v;
	int found;
	enum app_err e;

	if (g == NULL || links == NULL)
		return APP_ENOMEM;
	if ((e = referral_load(r, id, g, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if ((e = audit_write(r, AUDIT_READ, "referral", id,
	         g->person.personnummer, STR_LIT("edit conflict"))) != APP_OK ||
	    (e = referral_links_load(r, id, links)) != APP_OK)
		return e;
	f->stored = g;
	f->stored_links = links;
	f->parts = parts;
	buf_init(&v, r->a);
	if ((e = buf_printf(&v, "%lld", g->version)) != APP_OK)
		return e;
	f->version = buf_str(&v);
	f->conflict = 1;
	f->locked = referral_may_edit(g->status) != REFERRAL_OK;
	if (f->locked)
		f->form_error = referral_refusal_msg(REFERRAL_LOCKED);
	r->resp.status = 409;
	return rf_render(r, f, L);
}

enum app_err
page_referral_save(struct req *r)
{
	const struct str *version = req_form(r, "version");
	struct ref_form f;
	struct ref_lists L;
	struct referral g;
	struct referral_links links;
	struct referral_input in;
	enum edit_result result;
	enum referral_refusal why;
	unsigned parts;
	long long id;
	size_t nerr;
	int rendered, stop;
	enum app_err e;

	if ((e = rf_load_own(r, &id, &g, &links, &parts, &rendered)) !=
	        APP_OK ||
	    rendered)
		return e;
	if ((e = rf_lists_load(r, &L, &g, &links)) != APP_OK ||
	    (e = rf_from_stored(r, &f, &g, &links)) != APP_OK)
		return e;
	/* From here on f holds what was typed, not what is stored. */
	memset(f.v, 0, sizeof(f.v));
	f.income = NULL;
	f.nincome = 0;
	f.version = version ? *version : STR_LIT("");
	if ((e = rf_read(r, &f, &L, &nerr)) != APP_OK)
		return e;
	if (referral_may_edit(g.status) != REFERRAL_OK ||
	    !rf_version_is(f.version, g.version))
		return rf_conflict(r, &f, &L, id, parts);
	if (nerr > 0) {
		r->resp.status = 400;
		return rf_render(r, &f, &L);
	}
	if ((e = rf_input(r, &f, &L, &in)) != APP_OK ||
	    (e = rf_dup_check(r, &f, g.person.personnummer, in.insats_id, id,
	         &stop)) != APP_OK)
		return e;
	if (stop) {
		r->resp.status = 409;
		return rf_render(r, &f, &L);
	}
	if ((e = referral_change(
	         r, id, g.version, &in, f.submit, &result, &why)) != APP_OK)
		return e;
	switch (result) {
	case EDIT_SAVED: return rf_redirect(r, id, f.submit);
	case EDIT_REFUSED:
		if (why == REFERRAL_NO_CONSENT) {
			/* A waiver was revoked since the form was read. */
			f.covered = 0;
			f.err[RF_CONSENT_VISA] = referral_refusal_msg(why);
			r->resp.status = 400;
			return rf_render(r, &f, &L);
		}
		return rf_conflict(r, &f, &L, id, parts);
	case EDIT_STALE: return rf_conflict(r, &f, &L, id, parts);
	case EDIT_BUSY:
		f.form_error = EDIT_MSG_BUSY;
		r->resp.status = 409;
		return rf_render(r, &f, &L);
	}
	return APP_EDB;
}
