/* page_consent_staff.c: the staff take a consent: prepare it (for the
 * tablet or signed on paper), record a signed paper, mark it in error; see
 * include/page_consent.h. The rules and transitions are in consent.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "consent.h"
#include "consent_page.h"
#include "consent_record.h"
#include "db.h"
#include "form.h"
#include "once.h"
#include "page_create.h"
#include "page_consent.h"
#include "pages.h"
#include "req.h"
#include "tablet_i18n.h"
#include "view.h"

/* ------------------------------------------------------------------------
 * Preparing a consent
 * --------------------------------------------------------------------- */

static const char *const new_err_keys[CN__MAX] = {
	[CN_TYP] = "err_typ",
	[CN_SPRAK] = "err_sprak",
	[CN_TOLK] = "err_tolk",
	[CN_TOLKSPRAK] = "err_tolksprak",
	[CN_INHAMTA] = "err_riktning",
	[CN_LAMNA] = "err_riktning",
	[CN_SYFTE] = "err_syfte",
	[CN_FRAN] = "err_fran",
	[CN_TILL] = "err_till",
	[CN_SATT] = "err_satt",
	[CN_PAPPERSDATUM] = "err_pappersdatum",
	[CN_SVAR] = "err_svar",
};

/* The prepare form: typed values, errors, the chosen parties and
 * categories (as "o<id>"/"i<id>" and codes). */
struct new_form {
	struct field_val v[CN__MAX];
	const char *err[CN__MAX];
	const char *err_parties, *err_categories, *form_error;
	struct str *parties, *categories; /* arena */
	size_t nparties, ncategories;
	enum consent_kind kind;
};

/* What the form may choose from. */
struct new_choices {
	struct consent_party_choice *parties;
	struct consent_category *cats;
	struct consent_text *langs;
	size_t nparties, ncats, nlangs;
};

/* Every value of key in r's form, in order. Arena. */
static enum app_err
ps_form_all(struct req *r, const char *key, struct str **out, size_t *n)
{
	size_t k = kv_count(&r->form, key), j = 0;

	*n = 0;
	*out = NULL;
	if (k == 0)
		return APP_OK;
	if ((*out = arena_alloc(r->a, k * sizeof(**out))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < r->form.n && j < k; i++)
		if (str_eq_cstr(r->form.v[i].key, key))
			(*out)[j++] = r->form.v[i].val;
	*n = j;
	return APP_OK;
}

static int
ps_has(const struct str *list, size_t n, struct str s)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(list[i], s))
			return 1;
	return 0;
}

/* A party choice's form value: "o<id>" or "i<id>". Arena. */
static struct str
ps_party_value(struct req *r, const struct consent_party_choice *p)
{
	struct buf v;

	buf_init(&v, r->a);
	if (buf_printf(&v, "%.*s%lld", (int)p->kind.len, p->kind.p, p->id) !=
	    APP_OK)
		return STR_LIT("");
	return buf_str(&v);
}

/* By tablet_lang_rank(), then by code. */
static int
ps_lang_cmp(const void *a, const void *b)
{
	const struct consent_text *x = a, *y = b;
	int rx = tablet_lang_rank(x->language);
	int ry = tablet_lang_rank(y->language);
	size_t n = x->language.len < y->language.len ? x->language.len
	                                             : y->language.len;
	int c;

	if (rx != ry)
		return rx < ry ? -1 : 1;
	if ((c = memcmp(x->language.p, y->language.p, n)) != 0)
		return c;
	return x->language.len < y->language.len ? -1
	    : x->language.len > y->language.len  ? 1
	                                         : 0;
}

static enum app_err
ps_load_choices(struct req *r, const struct consent_referral *ref,
    enum consent_kind kind, struct new_choices *ch)
{
	enum app_err e;

	if ((e = consent_party_choices(r->db, r->a, ref->insats_id,
	         &ch->parties, &ch->nparties)) != APP_OK ||
	    (e = consent_category_choices(
	         r->db, r->a, &ch->cats, &ch->ncats)) != APP_OK)
		return e;
	return consent_text_languages(
	    r->db, r->a, kind, &ch->langs, &ch->nlangs);
}

/* The party choices as view list "party_choices" (value "o<id>"/"i<id>",
 * name, checked), and the category and language choices likewise. */
static enum app_err
ps_bind_choices(struct req *r, struct view_ctx *ctx,
    const struct new_choices *ch, const struct new_form *f)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "party_choices")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "category_choices")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "language_choices")) != APP_OK)
		return e;
	for (size_t i = 0; i < ch->nparties; i++) {
		const struct consent_party_choice *p = &ch->parties[i];
		struct view_ctx *it = view_ctx_list_add(ctx, "party_choices");
		struct str val = ps_party_value(r, p);
		if (it == NULL || val.len == 0)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "value", val)) != APP_OK ||
		    (e = view_ctx_set_str(it, "name", p->name)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "is_insats",
		         str_eq_cstr(p->kind, "i"))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "checked",
		         ps_has(f->parties, f->nparties, val))) != APP_OK)
			return e;
	}
	for (size_t i = 0; i < ch->ncats; i++) {
		const struct consent_category *k = &ch->cats[i];
		struct view_ctx *it =
		    view_ctx_list_add(ctx, "category_choices");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "code", k->code)) != APP_OK ||
		    (e = view_ctx_set_str(it, "label", k->label)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "checked",
		         ps_has(f->categories, f->ncategories, k->code))) !=
		        APP_OK)
			return e;
	}
	/* The languages in the order of the one language table (sv, en, ar,
	 * so, fa-AF, ti), then any other an admin has added. */
	qsort(ch->langs, ch->nlangs, sizeof(ch->langs[0]), ps_lang_cmp);
	for (size_t i = 0; i < ch->nlangs; i++) {
		struct str code = ch->langs[i].language;
		struct view_ctx *it =
		    view_ctx_list_add(ctx, "language_choices");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "code", code)) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "name", tablet_lang_label(code))) != APP_OK ||
		    (e = view_ctx_set_bool(
		         it, "to_check", ch->langs[i].to_check)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         str_eq(code, f->v[CN_SPRAK].s))) != APP_OK)
			return e;
	}
	return APP_OK;
}

static enum app_err
ps_render_new(
    struct req *r, const struct consent_referral *ref, struct new_form *f)
{
	struct new_choices ch;
	struct view_ctx *ctx;
	int sus = f->kind == CONSENT_SUS;
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = consent_page_bind_referral(ctx, ref)) != APP_OK ||
	    (e = page_form_limits(r, ctx, consent_new_spec, CN__MAX)) !=
	        APP_OK ||
	    (e = ps_load_choices(r, ref, f->kind, &ch)) != APP_OK ||
	    (e = ps_bind_choices(r, ctx, &ch, f)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_sus", sus)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "typ", consent_kind_name(f->kind))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "tolk", f->v[CN_TOLK].i != 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "tolksprak", f->v[CN_TOLKSPRAK].s)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "inhamta", f->v[CN_INHAMTA].i != 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "lamna", f->v[CN_LAMNA].i != 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "syfte", f->v[CN_SYFTE].s)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "fran", f->v[CN_FRAN].s)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "till", f->v[CN_TILL].s)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "satt_papper",
	         str_eq_cstr(f->v[CN_SATT].s, "papper"))) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "pappersdatum", f->v[CN_PAPPERSDATUM].s)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "svar_ja",
	         str_eq_cstr(f->v[CN_SVAR].s, "ja"))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "svar_nej",
	         str_eq_cstr(f->v[CN_SVAR].s, "nej"))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats_end", ref->insats_end)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "skapanyckel", f->v[CN_ONCE].s)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "err_parties", f->err_parties)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "err_categories", f->err_categories)) !=
	        APP_OK ||
	    (e = page_form_error(ctx, "form_error", f->form_error)) != APP_OK)
		return e;
	for (int i = 0; i < CN__MAX; i++)
		if ((e = page_form_error(ctx, new_err_keys[i], f->err[i])) !=
		    APP_OK)
			return e;
	return page_render(r, "samtycke_ny",
	    sus ? "Nytt SUS-samtycke" : "Ny sekretesslättnad", ctx);
}

enum app_err
page_consent_new(struct req *r)
{
	struct new_form f;
	struct consent_referral ref;
	const struct str *typ = req_query(r, "typ");
	unsigned via;
	long long rid;
	enum app_err e;

	if ((e = req_param_id(r, &rid)) != APP_OK ||
	    (e = consent_page_referral(r, rid, &via, &ref)) != APP_OK)
		return e;
	if (!consent_may_take(via))
		return APP_EFORBIDDEN;
	memset(&f, 0, sizeof(f));
	f.kind = typ != NULL && str_eq_cstr(*typ, "sus") ? CONSENT_SUS
	                                                 : CONSENT_SEKRETESS;
	f.v[CN_FRAN].s = consent_today(r);
	f.v[CN_SATT].s = STR_LIT("surfplatta");
	f.v[CN_SPRAK].s = STR_LIT("sv");
	if ((f.v[CN_ONCE].s = once_key_new(r)).p == NULL)
		return APP_ENOMEM;
	if (f.kind == CONSENT_SEKRETESS) {
		struct buf purpose, party;
		buf_init(&purpose, r->a);
		if ((e = buf_printf(&purpose,
		         "Att planera och genomföra insatsen %.*s och "
		         "deltagarens rehabilitering mot arbete eller studier.",
		         (int)ref.insats.len, ref.insats.p)) != APP_OK)
			return e;
		f.v[CN_SYFTE].s = buf_str(&purpose);
		f.v[CN_TILL].s = ref.insats_end;
		/* The referring organisation and the insats are the usual
		 * parties: ticked to start with, each can be unticked. */
		if ((f.parties = arena_alloc(r->a, 2 * sizeof(*f.parties))) ==
		    NULL)
			return APP_ENOMEM;
		buf_init(&party, r->a);
		if ((e = buf_printf(&party, "o%lld", ref.organisation_id)) !=
		    APP_OK)
			return e;
		f.parties[0] = buf_str(&party);
		buf_init(&party, r->a);
		if ((e = buf_printf(&party, "i%lld", ref.insats_id)) != APP_OK)
			return e;
		f.parties[1] = buf_str(&party);
		f.nparties = 2;
	}
	return ps_render_new(r, &ref, &f);
}

/* An error on field i of f. */
static void
ps_err(struct new_form *f, int i, const char *msg, size_t *nerr)
{
	f->err[i] = msg;
	(*nerr)++;
}

/* The waiver's own fields: named parties, named categories, a direction,
 * a purpose and an end; never blanket. */
static void
ps_validate_waiver(const struct consent_referral *ref,
    const struct new_choices *ch, struct new_form *f, long long today,
    size_t *nerr)
{
	for (size_t i = 0; i < f->nparties; i++) {
		struct str v = f->parties[i];
		int ok = 0;
		for (size_t k = 0; k < ch->nparties && !ok; k++) {
			char id[24];
			snprintf(id, sizeof(id), "%lld", ch->parties[k].id);
			ok = v.len > 1 && ch->parties[k].kind.len == 1 &&
			    v.p[0] == ch->parties[k].kind.p[0] &&
			    str_eq((struct str){ v.p + 1, v.len - 1 },
			        str_cstr(id));
		}
		if (!ok) {
			f->err_parties = "Välj parterna i listan.";
			(*nerr)++;
			break;
		}
	}
	if (f->nparties == 0 && f->err_parties == NULL) {
		f->err_parties = "Välj minst en part.";
		(*nerr)++;
	}
	for (size_t i = 0; i < f->ncategories; i++) {
		int ok = 0;
		for (size_t k = 0; k < ch->ncats && !ok; k++)
			ok = str_eq(f->categories[i], ch->cats[k].code);
		if (!ok) {
			f->err_categories = "Välj uppgifterna i listan.";
			(*nerr)++;
			break;
		}
	}
	if (f->ncategories == 0 && f->err_categories == NULL) {
		f->err_categories = "Välj minst ett slags uppgifter.";
		(*nerr)++;
	}
	if (!f->v[CN_INHAMTA].i && !f->v[CN_LAMNA].i)
		ps_err(
		    f, CN_INHAMTA, "Välj hämta in, lämna ut eller båda.", nerr);
	if (f->v[CN_SYFTE].s.len == 0)
		ps_err(f, CN_SYFTE, "Ange syftet.", nerr);
	if (!f->v[CN_TILL].present) {
		if (f->err[CN_TILL] == NULL)
			ps_err(f, CN_TILL, "Ange hur länge samtycket gäller.",
			    nerr);
	} else if (f->v[CN_TILL].ok) {
		const char *why =
		    consent_period_error(f->v[CN_FRAN].ok ? f->v[CN_FRAN].i : 0,
		        f->v[CN_TILL].i, today, consent_ymd(ref->insats_end),
		        consent_ymd(ref->end_date));
		if (why != NULL)
			ps_err(f, CN_TILL, why, nerr);
	}
}

/* Validate the prepare form; errors into f. */
static enum app_err
ps_validate_new(struct req *r, const struct consent_referral *ref,
    struct new_form *f, size_t *nerr)
{
	struct new_choices ch;
	long long today = consent_ymd(consent_today(r));
	int found = 0;
	enum app_err e;

	if ((e = form_validate(r->a, &r->form, consent_new_spec, CN__MAX, f->v,
	         nerr)) != APP_OK)
		return e;
	for (int i = 0; i < CN__MAX; i++)
		f->err[i] = f->v[i].ok ? NULL : f->v[i].error;
	/* The one-time key is the handler's to judge (once_key_kind()). */
	if (f->err[CN_ONCE] != NULL) {
		f->err[CN_ONCE] = NULL;
		(*nerr)--;
	}
	f->kind = f->v[CN_TYP].ok && f->v[CN_TYP].i == 1 ? CONSENT_SUS
	                                                 : CONSENT_SEKRETESS;
	if ((e = ps_form_all(r, "part", &f->parties, &f->nparties)) != APP_OK ||
	    (e = ps_form_all(r, "kategori", &f->categories, &f->ncategories)) !=
	        APP_OK ||
	    (e = ps_load_choices(r, ref, f->kind, &ch)) != APP_OK)
		return e;
	for (size_t i = 0; i < ch.nlangs; i++)
		found |= str_eq(ch.langs[i].language, f->v[CN_SPRAK].s);
	if (f->err[CN_SPRAK] == NULL && !found)
		ps_err(f, CN_SPRAK, "Välj ett språk som det finns en text på.",
		    nerr);
	if (f->v[CN_TOLK].i && f->v[CN_TOLKSPRAK].s.len == 0)
		ps_err(f, CN_TOLKSPRAK, "Ange tolkens språk.", nerr);
	if (str_eq_cstr(f->v[CN_SATT].s, "papper")) {
		if (!f->v[CN_PAPPERSDATUM].present)
			ps_err(f, CN_PAPPERSDATUM,
			    "Ange datumet på det underskrivna pappret.", nerr);
		else if (f->v[CN_PAPPERSDATUM].ok &&
		    consent_paper_date_error(f->v[CN_PAPPERSDATUM].i, today) !=
		        NULL)
			ps_err(f, CN_PAPPERSDATUM,
			    consent_paper_date_error(
			        f->v[CN_PAPPERSDATUM].i, today),
			    nerr);
		if (f->kind == CONSENT_SUS && !f->v[CN_SVAR].present)
			ps_err(f, CN_SVAR,
			    "Ange deltagarens svar: ja eller nej.", nerr);
	}
	if (f->kind == CONSENT_SEKRETESS)
		ps_validate_waiver(ref, &ch, f, today, nerr);
	return APP_OK;
}

/* The checked parties of a valid form as the draft names them. Arena. */
static enum app_err
ps_party_refs(
    struct req *r, const struct new_form *f, struct consent_party_ref **out)
{
	if (f->nparties == 0) {
		*out = NULL;
		return APP_OK;
	}
	if ((*out = arena_alloc(r->a, f->nparties * sizeof(**out))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < f->nparties; i++) {
		struct str v = f->parties[i];
		long long id = str_to_ll((struct str){ v.p + 1, v.len - 1 });
		(*out)[i].organisation_id = v.p[0] == 'o' ? id : 0;
		(*out)[i].insats_id = v.p[0] == 'i' ? id : 0;
	}
	return APP_OK;
}

/* The list of the referral's consents, where a repeat goes when the first
 * POST stored no location. Arena. */
static enum app_err
ps_list_path(struct req *r, long long rid, const char **out)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	if ((e = buf_printf(&b, "/samtycken/ansokan/%lld", rid)) != APP_OK)
		return e;
	*out = b.p;
	return APP_OK;
}

/* The prepare form again with status, nothing saved (the key's claim
 * rolled back with it). */
static enum app_err
ps_refuse(struct req *r, const struct consent_referral *ref, struct new_form *f,
    int status)
{
	db_rollback(r->db);
	r->resp.status = status;
	return ps_render_new(r, ref, f);
}

/* The consent under the claimed key, in the open transaction. */
static enum app_err
ps_create_claimed(struct req *r, const struct consent_referral *ref,
    struct new_form *f, long long rid, size_t nerr)
{
	struct consent_text text;
	struct consent_party_ref *parties;
	struct buf loc;
	long long cid;
	int paper, found;
	enum app_err e;

	if (nerr > 0)
		return ps_refuse(r, ref, f, 400);
	paper = str_eq_cstr(f->v[CN_SATT].s, "papper");
	/* The current text of the request's förbund, the staff member's:
	 * that is the referral's insats's förbund, since a referral never
	 * crosses förbund (the form offers the förbund's own insatser, and
	 * staff reach only their own insatser's referrals). The insert
	 * checks it again (SQL_CONSENT_INSERT). */
	if ((e = consent_text_current(r->db, r->a, f->kind, f->v[CN_SPRAK].s,
	         &text, &found)) != APP_OK)
		return e;
	if (!found) {
		f->err[CN_SPRAK] = "Det finns ingen text på det språket.";
		return ps_refuse(r, ref, f, 400);
	}
	if ((e = ps_party_refs(r, f, &parties)) != APP_OK)
		return e;
	struct consent_draft d = {
		.referral_id = rid,
		.kind = f->kind,
		.text_id = text.id,
		.language = f->v[CN_SPRAK].s,
		.interpreter_used = f->v[CN_TOLK].i != 0,
		.interpreter_language = f->v[CN_TOLKSPRAK].s,
		.obtain = f->v[CN_INHAMTA].i != 0,
		.disclose = f->v[CN_LAMNA].i != 0,
		.purpose = f->v[CN_SYFTE].s,
		.valid_from = f->v[CN_FRAN].s,
		.valid_until = f->v[CN_TILL].s,
		.parties = parties,
		.nparties = f->nparties,
		.categories = f->categories,
		.ncategories = f->ncategories,
		.how = paper ? CONSENT_HOW_PAPPER : CONSENT_HOW_SURFPLATTA,
		.paper_date = f->v[CN_PAPPERSDATUM].s,
		.answer = consent_page_answer(&f->v[CN_SVAR]),
	};
	if ((e = consent_prepare(r, &d, ref->personnummer, &cid)) != APP_OK)
		return e;
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/samtycken/%lld%s", cid,
	         paper ? "?givet=1" : "/surfplatta")) != APP_OK)
		return e;
	return page_create_finish(r, f->v[CN_ONCE].s, loc.p);
}

/*
 * A new consent under the form's one-time key (once.h): a second POST
 * with the key answers as the first did and prepares nothing more.
 */
enum app_err
page_consent_create(struct req *r)
{
	struct new_form f;
	struct consent_referral ref;
	const char *fallback, *refused;
	unsigned via;
	long long rid;
	size_t nerr = 0;
	int answered;
	enum app_err e;

	if ((e = req_param_id(r, &rid)) != APP_OK ||
	    (e = consent_page_referral(r, rid, &via, &ref)) != APP_OK)
		return e;
	if (!consent_may_take(via))
		return APP_EFORBIDDEN;
	memset(&f, 0, sizeof(f));
	if ((e = ps_validate_new(r, &ref, &f, &nerr)) != APP_OK)
		return e;
	/* The key first: a repeat answers as the first POST did. */
	if ((e = ps_list_path(r, rid, &fallback)) != APP_OK ||
	    (e = page_create_open(r, &f.v[CN_ONCE].s, fallback, &answered,
	         &refused)) != APP_OK ||
	    answered)
		return e;
	if (refused != NULL) {
		f.form_error = refused;
		return ps_render_new(r, &ref, &f);
	}
	e = ps_create_claimed(r, &ref, &f, rid, nerr);
	db_rollback(r->db); /* after a failure; a no-op after the commit */
	return e;
}

/* ------------------------------------------------------------------------
 * A signed paper, and marking in error
 * --------------------------------------------------------------------- */

enum app_err
page_consent_paper(struct req *r)
{
	struct field_val v[CP__MAX];
	struct consent c;
	struct consent_referral ref;
	enum consent_refusal refused;
	unsigned via;
	long long id, today;
	size_t nerr = 0;
	const char *err = NULL;
	enum app_err e;

	if ((e = consent_page_load(r, &id, &c, &via, &ref, "paper")) != APP_OK)
		return e;
	if (!consent_may_take(via))
		return APP_EFORBIDDEN;
	if ((e = form_validate(r->a, &r->form, consent_paper_spec, CP__MAX, v,
	         &nerr)) != APP_OK)
		return e;
	today = consent_ymd(consent_today(r));
	if (!v[CP_PAPPERSDATUM].ok)
		err = "Ange datumet på det underskrivna pappret som "
		      "ÅÅÅÅ-MM-DD.";
	else
		err = consent_paper_date_error(v[CP_PAPPERSDATUM].i, today);
	if (err == NULL && c.kind == CONSENT_SUS &&
	    !(v[CP_SVAR].ok && v[CP_SVAR].present))
		err = "Ange deltagarens svar: ja eller nej.";
	if (err == NULL && consent_too_late(&c, consent_today(r))) {
		r->resp.status = 409;
		return consent_page_render(r, &c, &ref, via, NULL,
		    consent_refusal_text(CONSENT_R_TOO_LATE), NULL);
	}
	if (err != NULL) {
		/* The date's own errors stand next to it, what was typed
		 * kept. */
		struct consent_page_kept k = { "pappersdatum", "pp_datum_fel",
			v[CP_PAPPERSDATUM].s, NULL };

		if (!v[CP_PAPPERSDATUM].ok ||
		    consent_paper_date_error(v[CP_PAPPERSDATUM].i, today))
			k.error = err;
		r->resp.status = 400;
		return consent_page_render(r, &c, &ref, via, NULL, err, &k);
	}
	struct consent_signing s = { .how = CONSENT_HOW_PAPPER,
		.signer = STR_LIT(""),
		.signature = STR_LIT(""),
		.paper_date = v[CP_PAPPERSDATUM].s,
		.answer = c.kind == CONSENT_SUS
		    ? consent_page_answer(&v[CP_SVAR])
		    : CONSENT_JA };
	if ((e = consent_sign(r, &c, &s, ref.personnummer, &refused)) != APP_OK)
		return e;
	if (refused != CONSENT_OK) {
		r->resp.status = 409;
		return consent_page_render(r, &c, &ref, via, NULL,
		    consent_refusal_text(refused), NULL);
	}
	return consent_page_redirect(r, id, "?givet=1");
}

enum app_err
page_consent_error(struct req *r)
{
	struct field_val v[CE__MAX];
	struct consent c;
	struct consent_referral ref;
	enum consent_refusal refused;
	unsigned via;
	long long id;
	size_t nerr = 0;
	enum app_err e;

	if ((e = consent_page_load(r, &id, &c, &via, &ref, "in error")) !=
	    APP_OK)
		return e;
	if (!consent_may_take(via))
		return APP_EFORBIDDEN;
	if ((e = form_validate(r->a, &r->form, consent_error_spec, CE__MAX, v,
	         &nerr)) != APP_OK)
		return e;
	if (nerr > 0) {
		struct consent_page_kept k = { "fe_skal", "fe_skal_fel",
			v[CE_SKAL].s, v[CE_SKAL].error };

		r->resp.status = 400;
		return consent_page_render(r, &c, &ref, via, NULL,
		    "Skriv varför samtycket är felregistrerat.", &k);
	}
	if ((e = consent_mark_error(r, id, c.referral_id, v[CE_SKAL].s,
	         ref.personnummer, &refused)) != APP_OK)
		return e;
	if (refused != CONSENT_OK) {
		r->resp.status = 409;
		return consent_page_render(r, &c, &ref, via, NULL,
		    consent_refusal_text(refused), NULL);
	}
	return consent_page_redirect(r, id, "?felaktigt=1");
}
