/* page_participation_contact.c: the insats staff's own record of the
 * participant's contact data; see include/page_participation.h.
 *
 * The record (participation_person, sql/0022) starts as the admitted
 * referral's and from then on only the insats staff change it, here, with
 * a history row per field under the participation. What a remittent
 * recorded on their referral is never changed from here. */
#include "gender.h"
#include "access.h"
#include "audit.h"
#include "bind.h"
#include "contact.h"
#include "db.h"
#include "edit.h"
#include "form.h"
#include "form_registry.h"
#include "page_participation.h"
#include "pages.h"
#include "participation.h"
#include "participation_edit.h"
#include "req.h"
#include "view.h"

#define MSG_STALE                                                               \
	"Någon annan har ändrat kontaktuppgifterna medan du arbetade. Dina "  \
	"ändringar är inte sparade; de aktuella uppgifterna står nedan och " \
	"det du skrev finns kvar i formuläret."

enum cf {
	CF_FIRST,
	CF_LAST,
	CF_GENDER,
	CF_ADDRESS,
	CF_POSTAL,
	CF_CITY,
	CF_PHONE,
	CF_MUNICIPALITY,
	CF_INTERPRETER,
	CF_LANGUAGE,
	CF_PROTECTED,
	CF_VERSION,
	CF__MAX
};
_Static_assert((int)CF_FIRST == (int)CONTACT_FIRST_NAME &&
        (int)CF_PROTECTED == (int)CONTACT_PROTECTED &&
        (int)CF_VERSION == (int)CONTACT__MAX,
    "the form's fields follow enum contact_field");

/* The same limits as the referral form's person fields. */
static const struct field_spec cf_spec[CF__MAX] = {
	[CF_FIRST] = { "fornamn", FT_TEXT, 1, 100, FF_REQUIRED, NULL },
	[CF_LAST] = { "efternamn", FT_TEXT, 1, 100, FF_REQUIRED, NULL },
	[CF_GENDER] = { "kon", FT_ENUM, 0, 0, FF_REQUIRED, gender_names },
	[CF_ADDRESS] = { "adress", FT_TEXT, 0, 200, 0, NULL },
	[CF_POSTAL] = { "postnummer", FT_TEXT, 0, 10, 0, NULL },
	[CF_CITY] = { "ort", FT_TEXT, 0, 100, 0, NULL },
	[CF_PHONE] = { "telefon", FT_TEXT, 0, 40, 0, NULL },
	[CF_MUNICIPALITY] = { "kommun", FT_TEXT, 0, 100, 0, NULL },
	[CF_INTERPRETER] = { "tolk", FT_BOOL, 0, 0, 0, NULL },
	[CF_LANGUAGE] = { "tolk_sprak", FT_TEXT, 0, 100, 0, NULL },
	[CF_PROTECTED] = { "skyddad", FT_BOOL, 0, 0, 0, NULL },
	[CF_VERSION] = { "version", FT_INT, 1, 4294967295LL, FF_REQUIRED,
	    NULL },
};

static const char *const cf_required_msg[CF__MAX] = {
	[CF_FIRST] = "Ange förnamn.",
	[CF_LAST] = "Ange efternamn.",
	[CF_GENDER] = "Välj kön i listan.",
};

/* While the stored record says protected identity, these are not shown:
 * the form leaves them empty, and empty keeps what is stored. */
static int
cf_hidden_when_protected(int f)
{
	return f < CF_VERSION &&
	    participation_contact_hidden((enum contact_field)f);
}

struct cf_form {
	int address_hidden;       /* the stored record is protected */
	struct str v[CF__MAX];    /* typed; bools "1" or "" */
	long long version;        /* CF_VERSION as a number */
	const char *err[CF__MAX]; /* Swedish, next to the field */
	const char *form_error;
	size_t nerr;
};

/* The insats's record of the person of participation id (APP_ENOTFOUND
 * when there is none). */
static enum app_err
cf_load(struct req *r, long long id, struct participation_person *out)
{
	int found = 0;
	enum app_err e;

	if ((e = participation_person_load(r, id, 0, out, &found)) != APP_OK)
		return e;
	return found ? APP_OK : APP_ENOTFOUND;
}

/* The stored version as the form's hidden field has it. */
static struct str
cf_version_str(struct req *r, long long version)
{
	struct buf b;

	buf_init(&b, r->a);
	return buf_printf(&b, "%lld", version) == APP_OK ? buf_str(&b)
	                                                 : STR_LIT("");
}

static void
cf_from_stored(
    struct req *r, struct cf_form *f, const struct participation_person *g)
{
	f->address_hidden = g->c.protected_identity;
	for (int i = 0; i < CF_VERSION; i++) {
		struct str c =
		    contact_field_value(&g->c, (enum contact_field)i);
		if (contact_field_is_flag((enum contact_field)i))
			f->v[i] =
			    str_eq_cstr(c, "1") ? STR_LIT("1") : STR_LIT("");
		else if (f->address_hidden && cf_hidden_when_protected(i))
			f->v[i] = STR_LIT("");
		else
			f->v[i] = c;
	}
	f->v[CF_VERSION] = cf_version_str(r, g->version);
}

/* The typed form, checked: the field table, then the contact rules. */
static enum app_err
cf_read(struct req *r, struct cf_form *f)
{
	struct field_val fv[CF__MAX];
	size_t n = 0;
	enum app_err e;

	if ((e = form_validate(r->a, &r->form, cf_spec, CF__MAX, fv, &n)) !=
	    APP_OK)
		return e;
	for (int i = 0; i < CF__MAX; i++) {
		f->v[i] = cf_spec[i].type == FT_BOOL
		    ? (fv[i].present ? STR_LIT("1") : STR_LIT(""))
		    : fv[i].s;
		f->err[i] = fv[i].error;
		if (f->err[i] != NULL && !fv[i].present &&
		    cf_required_msg[i] != NULL)
			f->err[i] = cf_required_msg[i];
	}
	if (f->err[CF_POSTAL] == NULL && fv[CF_POSTAL].present) {
		struct str pc = contact_postal(r->a, f->v[CF_POSTAL]);
		if (pc.len == 0)
			f->err[CF_POSTAL] = CONTACT_MSG_POSTAL;
		else
			f->v[CF_POSTAL] = pc;
	}
	if (f->err[CF_PHONE] == NULL && fv[CF_PHONE].present &&
	    !contact_phone_ok(f->v[CF_PHONE]))
		f->err[CF_PHONE] = CONTACT_MSG_PHONE;
	if (f->v[CF_INTERPRETER].len && f->err[CF_LANGUAGE] == NULL &&
	    !fv[CF_LANGUAGE].present)
		f->err[CF_LANGUAGE] = CONTACT_MSG_LANGUAGE;
	f->version = fv[CF_VERSION].i;
	if (f->err[CF_VERSION] != NULL) {
		f->form_error = "Formuläret saknar version. Ladda om sidan.";
		f->err[CF_VERSION] = NULL;
	}
	for (int i = 0; i < CF__MAX; i++)
		f->nerr += f->err[i] != NULL;
	f->nerr += f->form_error != NULL;
	return APP_OK;
}

static enum app_err
cf_render(struct req *r, long long id, const struct participation_person *g,
    const struct cf_form *f, int show_stored)
{
	static const char *const err_key[CF__MAX] = {
		[CF_FIRST] = "fornamn_fel",
		[CF_LAST] = "efternamn_fel",
		[CF_GENDER] = "kon_fel",
		[CF_ADDRESS] = "adress_fel",
		[CF_POSTAL] = "postnummer_fel",
		[CF_CITY] = "ort_fel",
		[CF_PHONE] = "telefon_fel",
		[CF_MUNICIPALITY] = "kommun_fel",
		[CF_LANGUAGE] = "tolk_sprak_fel",
	};
	static const struct bind_key gender_map[] = {
		{ "value", "value" },
		{ "label", "label" },
	};
	struct gender_option genders[GENDER__MAX];
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	gender_options(genders);
	if ((e = view_ctx_set_int(ctx, "id", id)) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "pnr", part_pnr_show(r, g->personnummer))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats", g->insats)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_errors", f->nerr > 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "address_hidden", f->address_hidden)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "form_error", f->form_error)) != APP_OK ||
	    (e = page_form_limits(r, ctx, cf_spec, CF__MAX)) != APP_OK ||
	    (e = bind_options(ctx, "kon_val", &gender_option_record, gender_map,
	         BIND_N(gender_map), genders, GENDER__MAX, "value",
	         f->v[CF_GENDER])) != APP_OK)
		return e;
	for (int i = 0; i < CF__MAX; i++) {
		if (cf_spec[i].type == FT_BOOL)
			e = view_ctx_set_bool(
			    ctx, cf_spec[i].name, f->v[i].len);
		else
			e = view_ctx_set_str(ctx, cf_spec[i].name, f->v[i]);
		if (e != APP_OK)
			return e;
		if (err_key[i] != NULL &&
		    (e = page_form_error(ctx, err_key[i], f->err[i])) != APP_OK)
			return e;
	}
	if (show_stored) {
		struct view_ctx *cur = view_ctx_list_add(ctx, "current");
		if (cur == NULL)
			return APP_ENOMEM;
		for (int i = 0; i < CF_VERSION; i++) {
			enum contact_field c = (enum contact_field)i;
			if (g->c.protected_identity &&
			    cf_hidden_when_protected(i))
				continue;
			if ((e = view_ctx_set_str(cur, contact_field_column(c),
			         contact_field_value(&g->c, c))) != APP_OK)
				return e;
		}
	}
	return page_render(r, "deltagande_kontakt", "Kontaktuppgifter", ctx);
}

/* The participation id, when the caller reaches it as its insats's staff
 * (else 404): the insats's record is theirs alone. */
static enum app_err
cf_access(struct req *r, long long *id)
{
	unsigned via;
	enum app_err e;

	if ((e = req_param_id(r, id)) != APP_OK ||
	    (e = access_participation(r, *id, &via)) != APP_OK)
		return e;
	return access_via_insats(r, via) ? APP_OK : APP_ENOTFOUND;
}

enum app_err
page_participation_contact_form(struct req *r)
{
	struct cf_form f = { 0 };
	struct participation_person g;
	long long id;
	enum app_err e;

	if ((e = cf_access(r, &id)) != APP_OK ||
	    (e = cf_load(r, id, &g)) != APP_OK)
		return e;
	if ((e = audit_write(r, AUDIT_READ, "participation", id, g.personnummer,
	         STR_LIT("contact form"))) != APP_OK)
		return e;
	cf_from_stored(r, &f, &g);
	f.form_error = participation_refusal(g.status, PCHANGE_CONTACT);
	return cf_render(r, id, &g, &f, 0);
}

/* The typed form as a record (flags from "1"/""). */
static void
cf_typed(const struct cf_form *f, struct contact_record *c)
{
	struct str *s[CONTACT__MAX] = {
		[CONTACT_FIRST_NAME] = &c->first_name,
		[CONTACT_LAST_NAME] = &c->last_name,
		[CONTACT_GENDER] = &c->gender,
		[CONTACT_ADDRESS] = &c->address,
		[CONTACT_POSTAL_CODE] = &c->postal_code,
		[CONTACT_CITY] = &c->city,
		[CONTACT_PHONE] = &c->phone,
		[CONTACT_MUNICIPALITY] = &c->municipality,
		[CONTACT_INTERPRETER_LANGUAGE] = &c->interpreter_language,
	};

	for (int i = 0; i < CONTACT__MAX; i++)
		if (s[i] != NULL)
			*s[i] = f->v[i];
	c->interpreter_needed = f->v[CF_INTERPRETER].len > 0;
	c->protected_identity = f->v[CF_PROTECTED].len > 0;
}

enum app_err
page_participation_contact(struct req *r)
{
	struct cf_form f = { 0 };
	struct participation_person g;
	struct contact_record typed;
	struct participation_outcome o;
	long long id;
	struct buf loc;
	enum app_err e;

	if ((e = cf_access(r, &id)) != APP_OK || (e = cf_read(r, &f)) != APP_OK)
		return e;
	/* The stored record is read for the page only when the form goes
	 * back; a save reads it once, locked. */
	if (f.nerr > 0) {
		if ((e = cf_load(r, id, &g)) != APP_OK)
			return e;
		f.address_hidden = g.c.protected_identity;
		r->resp.status = 400;
		return cf_render(r, id, &g, &f, 0);
	}
	cf_typed(&f, &typed);
	if ((e = participation_save_contact(
	         r, id, f.version, &typed, &g, &o)) != APP_OK)
		return e;
	switch (o.result) {
	case EDIT_SAVED:
		buf_init(&loc, r->a);
		if ((e = buf_printf(&loc, "/deltagande/%lld?sparat=1", id)) !=
		    APP_OK)
			return e;
		return page_redirect(r, loc.p);
	case EDIT_REFUSED: f.form_error = o.refused; break;
	case EDIT_STALE:
		f.form_error = MSG_STALE;
		f.v[CF_VERSION] = cf_version_str(r, g.version);
		break;
	case EDIT_BUSY:
		f.form_error = EDIT_MSG_BUSY;
		if ((e = cf_load(r, id, &g)) != APP_OK)
			return e;
		break;
	}
	f.address_hidden = g.c.protected_identity;
	f.nerr++;
	r->resp.status = 409;
	return cf_render(r, id, &g, &f, 1);
}

/* For the registry of forms (form_registry.h). */
static const struct form_def contact_forms[] = {
	{ "POST /deltagande/:id/kontaktuppgifter", "deltagande_kontakt",
	    cf_spec, CF__MAX },
};

const struct form_def *
page_participation_contact_forms(size_t *n)
{
	*n = sizeof(contact_forms) / sizeof(contact_forms[0]);
	return contact_forms;
}
