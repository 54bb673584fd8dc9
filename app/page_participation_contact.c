/* page_participation_contact.c: the insats staff's own record of the
 * participant's contact data; see include/page_participation.h.
 *
 * The record (participation_person, sql/0022) starts as the admitted
 * referral's and from then on only the insats staff change it, here, with
 * a history row per field under the participation. What a remittent
 * recorded on their referral is never changed from here. */
#include "access.h"
#include "arena.h"
#include "audit.h"
#include "contact.h"
#include "db.h"
#include "form.h"
#include "form_registry.h"
#include "history.h"
#include "page_participation.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "sql_participation.h"
#include "view.h"

#define MSG_STALE                                                               \
	"Någon annan har ändrat kontaktuppgifterna medan du arbetade. Dina "  \
	"ändringar är inte sparade; de aktuella uppgifterna står nedan och " \
	"det du skrev finns kvar i formuläret."
#define MSG_CLOSED                                                             \
	"Deltagandet är felregistrerat; kontaktuppgifterna kan inte ändras."

/* The insats's record of the person and what the page shows with it
 * (SQL_PARTICIPATION_PERSON_GET/LOCK: the contact fields, then these). */
struct pp_record {
	struct contact_record c;
	struct str version, pnr, status, insats;
};
enum { PP_VERSION = CONTACT__MAX, PP_PNR, PP_STATUS, PP_INSATS, PP__COUNT };

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

static const char *const cf_genders[] = { "kvinna", "man", "annat", NULL };
static const char *const cf_gender_labels[] = { "Kvinna", "Man", "Annat" };

/* The same limits as the referral form's person fields. */
static const struct field_spec cf_spec[CF__MAX] = {
	[CF_FIRST] = { "fornamn", FT_TEXT, 1, 100, FF_REQUIRED, NULL },
	[CF_LAST] = { "efternamn", FT_TEXT, 1, 100, FF_REQUIRED, NULL },
	[CF_GENDER] = { "kon", FT_ENUM, 0, 0, FF_REQUIRED, cf_genders },
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
	return f == CF_ADDRESS || f == CF_POSTAL || f == CF_CITY ||
	    f == CF_PHONE;
}

struct cf_form {
	int address_hidden;       /* the stored record is protected */
	struct str v[CF__MAX];    /* typed; bools "1" or "" */
	const char *err[CF__MAX]; /* Swedish, next to the field */
	const char *form_error;
	size_t nerr;
};

static enum app_err
cf_load(struct req *r, long long id, unsigned q, struct pp_record *out)
{
	struct db_param p[1] = { DB_INT(id) };
	struct db_rows g;
	enum app_err e;

	if ((e = db_exec(r->db, r->a, DB_PARTICIPATION, q, p, 1, &g)) != APP_OK)
		return e;
	if (g.nrows != 1 || g.ncols != PP__COUNT)
		return APP_ENOTFOUND;
	contact_record_decode(&g, 0, 0, &out->c);
	out->version = db_cell(&g, 0, PP_VERSION);
	out->pnr = db_cell(&g, 0, PP_PNR);
	out->status = db_cell(&g, 0, PP_STATUS);
	out->insats = db_cell(&g, 0, PP_INSATS);
	return APP_OK;
}

static void
cf_from_stored(struct cf_form *f, const struct pp_record *g)
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
	f->v[CF_VERSION] = g->version;
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
cf_render(struct req *r, long long id, const struct pp_record *g,
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
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_int(ctx, "id", id)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "pnr", part_pnr_show(r, g->pnr))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats", g->insats)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_errors", f->nerr > 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "address_hidden", f->address_hidden)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "form_error", f->form_error)) != APP_OK ||
	    (e = page_form_limits(r, ctx, cf_spec, CF__MAX)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "kon_val")) != APP_OK)
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
	for (int k = 0; cf_genders[k] != NULL; k++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "kon_val");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(it, "value", cf_genders[k])) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "label", cf_gender_labels[k])) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         str_eq_cstr(f->v[CF_GENDER], cf_genders[k]))) !=
		        APP_OK)
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

/* The participation id, when the caller may see it (else 404). */
static enum app_err
cf_access(struct req *r, long long *id)
{
	unsigned via;
	enum app_err e;

	if ((e = req_param_id(r, id)) != APP_OK ||
	    (e = access_participation(r, *id, &via)) != APP_OK)
		return e;
	return APP_OK;
}

enum app_err
page_participation_contact_form(struct req *r)
{
	struct cf_form f = { 0 };
	struct pp_record g;
	long long id;
	enum app_err e;

	if ((e = cf_access(r, &id)) != APP_OK ||
	    (e = cf_load(r, id, SQL_PARTICIPATION_PERSON_GET, &g)) != APP_OK)
		return e;
	if ((e = audit_write(r, AUDIT_READ, "participation", id, g.pnr,
	         STR_LIT("contact form"))) != APP_OK)
		return e;
	cf_from_stored(&f, &g);
	if (str_eq_cstr(g.status, "felregistrerad"))
		f.form_error = MSG_CLOSED;
	return cf_render(r, id, &g, &f, 0);
}

enum app_err
page_participation_contact(struct req *r)
{
	struct cf_form f = { 0 };
	struct pp_record g, lock;
	struct db_param p[CF__MAX + 1];
	long long id, changed = 0, one;
	struct buf loc;
	enum app_err e;

	if ((e = cf_access(r, &id)) != APP_OK || (e = cf_read(r, &f)) != APP_OK)
		return e;
	/* The stored record is read for the page only when the form goes
	 * back; a save reads it once, locked. */
	if (f.nerr > 0) {
		if ((e = cf_load(r, id, SQL_PARTICIPATION_PERSON_GET, &g)) !=
		    APP_OK)
			return e;
		f.address_hidden = g.c.protected_identity;
		r->resp.status = 400;
		return cf_render(r, id, &g, &f, 0);
	}
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = cf_load(r, id, SQL_PARTICIPATION_PERSON_LOCK, &lock)) !=
	    APP_OK)
		goto fail;
	f.address_hidden = lock.c.protected_identity;
	if (str_eq_cstr(lock.status, "felregistrerad")) {
		db_rollback(r->db);
		f.form_error = MSG_CLOSED;
		f.nerr++;
		r->resp.status = 409;
		return cf_render(r, id, &lock, &f, 1);
	}
	if (!str_eq(f.v[CF_VERSION], lock.version)) {
		db_rollback(r->db);
		f.form_error = MSG_STALE;
		f.nerr++;
		f.v[CF_VERSION] = lock.version;
		r->resp.status = 409;
		return cf_render(r, id, &lock, &f, 1);
	}
	for (int i = 0; i < CF_VERSION; i++) {
		enum contact_field c = (enum contact_field)i;
		struct str old = contact_field_value(&lock.c, c);
		struct str now = contact_field_is_flag(c)
		    ? (f.v[i].len ? STR_LIT("1") : STR_LIT("0"))
		    : f.v[i];

		/* Not shown while protected: left empty, it stays. */
		if (lock.c.protected_identity && cf_hidden_when_protected(i) &&
		    now.len == 0)
			now = old;
		p[i] = contact_field_is_flag(c) ? DB_INT(str_eq_cstr(now, "1"))
		                                : DB_STR(now);
		if (str_eq(old, now))
			continue;
		changed = 1;
		if ((e = history_field(r, HISTORY_PARTICIPATION, id,
		         contact_field_column(c), old, now)) != APP_OK)
			goto fail;
	}
	if (changed) {
		p[CF_VERSION] = DB_INT(id);
		p[CF_VERSION + 1] = DB_INT(str_to_ll(lock.version));
		if ((e = part_exec(r, SQL_PARTICIPATION_PERSON_UPDATE, p,
		         CF__MAX + 1, NULL)) != APP_OK ||
		    (e = part_row_count(r, &one)) != APP_OK)
			goto fail;
		if (one != 1) {
			e = APP_EDB; /* impossible under the row lock */
			goto fail;
		}
		if ((e = audit_write(r, AUDIT_UPDATE, "participation", id,
		         lock.pnr, STR_LIT("contact data"))) != APP_OK)
			goto fail;
	}
	if ((e = db_commit(r->db)) != APP_OK)
		goto fail;
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/deltagande/%lld?sparat=1", id)) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
fail:
	db_rollback(r->db);
	return e;
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
