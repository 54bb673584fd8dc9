/* consent_page.c: what the consent pages share; see include/consent_page.h. */
#include "access.h"
#include "audit.h"
#include "bind.h"
#include "consent.h"
#include "consent_page.h"
#include "once.h"
#include "consent_record.h"
#include "form_registry.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "signature.h"
#include "app_limits.h"
#include "tablet_i18n.h"
#include "view.h"

/* ------------------------------------------------------------------------
 * The forms
 * --------------------------------------------------------------------- */

static const char *const kinds[] = { "sekretess", "sus", NULL };
static const char *const ways[] = { "surfplatta", "papper", NULL };
static const char *const answers[] = { "ja", "nej", NULL };
static const char *const revoke_ways[] = { "muntligt", "skriftligt", NULL };

const enum consent_how consent_revoke_ways[2] = { CONSENT_HOW_MUNTLIGT,
	CONSENT_HOW_SKRIFTLIGT };

const struct field_spec consent_new_spec[CN__MAX] = {
	[CN_TYP] = { "typ", FT_ENUM, 0, 0, FF_REQUIRED, kinds },
	[CN_SPRAK] = { "sprak", FT_TEXT, 2, 10, FF_REQUIRED, NULL },
	[CN_TOLK] = { "tolk", FT_BOOL, 0, 0, 0, NULL },
	[CN_TOLKSPRAK] = { "tolksprak", FT_TEXT, 0, 100, 0, NULL },
	[CN_INHAMTA] = { "inhamta", FT_BOOL, 0, 0, 0, NULL },
	[CN_LAMNA] = { "lamna", FT_BOOL, 0, 0, 0, NULL },
	[CN_SYFTE] = { "syfte", FT_TEXT, 0, 1000, FF_MULTILINE, NULL },
	[CN_FRAN] = { "fran", FT_DATE, 0, 0, FF_REQUIRED, NULL },
	[CN_TILL] = { "till", FT_DATE, 0, 0, 0, NULL },
	[CN_SATT] = { "satt", FT_ENUM, 0, 0, FF_REQUIRED, ways },
	[CN_PAPPERSDATUM] = { "pappersdatum", FT_DATE, 0, 0, 0, NULL },
	[CN_SVAR] = { "svar", FT_ENUM, 0, 0, 0, answers },
	[CN_ONCE] = { ONCE_FIELD, FT_TEXT, 0, ONCE_KEY_LEN, 0, NULL },
};

const struct field_spec consent_sign_spec[CS__MAX] = {
	[CS_NAMN] = { "namn", FT_TEXT, 2, 200, FF_REQUIRED, NULL },
	[CS_SIGNATUR] = { "signatur", FT_TEXT, 0, SIGNATURE_MAX_BYTES, 0,
	    NULL },
	[CS_SVAR] = { "svar", FT_ENUM, 0, 0, 0, answers },
	[CS_NAMNUNDERSKRIFT] = { "namnunderskrift", FT_TEXT, 0, 200, 0, NULL },
	[CS_NAMNBEKRAFTELSE] = { "namnbekraftelse", FT_BOOL, 0, 0, 0, NULL },
};

const struct field_spec consent_paper_spec[CP__MAX] = {
	[CP_PAPPERSDATUM] = { "pappersdatum", FT_DATE, 0, 0, FF_REQUIRED,
	    NULL },
	[CP_SVAR] = { "svar", FT_ENUM, 0, 0, 0, answers },
};

const struct field_spec consent_revoke_spec[CR__MAX] = {
	[CR_PART] = { "part", FT_TEXT, 1, 20, FF_REQUIRED, NULL },
	[CR_HUR] = { "hur", FT_ENUM, 0, 0, FF_REQUIRED, revoke_ways },
	[CR_SKAL] = { "skal", FT_TEXT, 0, 1000, FF_MULTILINE, NULL },
};

const struct field_spec consent_error_spec[CE__MAX] = {
	[CE_SKAL] = { "skal", FT_TEXT, 3, 1000, FF_REQUIRED | FF_MULTILINE,
	    NULL },
};

enum consent_answer
consent_page_answer(const struct field_val *v)
{
	return v->i == 1 ? CONSENT_NEJ : CONSENT_JA;
}

static const struct form_def consent_forms[] = {
	{ "POST /samtycken/ansokan/:id/ny", "samtycke_ny", consent_new_spec,
	    CN__MAX },
	{ "POST /samtycken/:id/surfplatta", "samtycke_surfplatta",
	    consent_sign_spec, CS__MAX },
	{ "POST /samtycken/:id/papper", "samtycke", consent_paper_spec,
	    CP__MAX },
	{ "POST /samtycken/:id/aterkalla", "samtycke", consent_revoke_spec,
	    CR__MAX },
	{ "POST /samtycken/:id/felaktig", "partials/samtycke_felaktig",
	    consent_error_spec, CE__MAX },
};

const struct form_def *
page_consent_forms(size_t *n)
{
	*n = sizeof(consent_forms) / sizeof(consent_forms[0]);
	return consent_forms;
}

/* ------------------------------------------------------------------------
 * Loading
 * --------------------------------------------------------------------- */

enum app_err
consent_page_referral(struct req *r, long long referral_id, unsigned *via,
    struct consent_referral *ref)
{
	int found, visible = 1;
	enum app_err e;

	if ((e = access_referral(r, referral_id, via)) != APP_OK ||
	    (e = consent_referral_load(
	         r->db, r->a, referral_id, ref, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	/* The remittent side whose organisation the consent no longer names
	 * sees only that the application exists (on /ansokningar/:id), so
	 * not its consents. */
	if (!(*via & ACCESS_INSATS) &&
	    (e = consent_details_visible(r, referral_id,
	         r->user->organisation_id, *via, &visible)) != APP_OK)
		return e;
	return visible ? APP_OK : APP_EFORBIDDEN;
}

enum app_err
consent_page_load(struct req *r, long long *id, struct consent *c,
    unsigned *via, struct consent_referral *ref, const char *audit_detail)
{
	int found;
	enum app_err e;

	if ((e = req_param_id(r, id)) != APP_OK)
		return e;
	/* The tablet reaches only its own consent (route_dispatch() asked
	 * include/tablet.h); checked again here, as cheap as it is. */
	if (r->tablet != NULL && *id != r->tablet->consent_id)
		return APP_ENOTFOUND;
	if ((e = consent_load(r->db, r->a, *id, c, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if (r->tablet != NULL) {
		/* The participant's own consent, handed over by a staff member
		 * who could see it: no staff access applies. */
		*via = 0;
		if ((e = consent_referral_load(
		         r->db, r->a, c->referral_id, ref, &found)) != APP_OK)
			return e;
		if (!found)
			return APP_ENOTFOUND;
	} else if ((e = consent_page_referral(r, c->referral_id, via, ref)) !=
	    APP_OK)
		return e;
	/* Expiry is written back before anything is shown, and every page
	 * of a consent (re-rendered forms too) is a read of the person. */
	if ((e = consent_expire(r, c->referral_id)) != APP_OK ||
	    (e = consent_load(r->db, r->a, *id, c, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if (audit_detail == NULL)
		return APP_OK;
	return audit_write(r, AUDIT_READ, "consent", *id, ref->personnummer,
	    str_cstr(audit_detail));
}

/* ------------------------------------------------------------------------
 * Binding
 * --------------------------------------------------------------------- */

static const struct bind_key referral_map[] = {
	{ "id", "referral_id" },
	{ "first_name", "first_name" },
	{ "last_name", "last_name" },
	{ "insats", "insats" },
	{ "organisation", "referral_org" },
	{ "participation_id", "participation_id" },
};

enum app_err
consent_page_bind_referral(
    struct view_ctx *ctx, const struct consent_referral *ref)
{
	return bind_record(ctx, &consent_referral_record, referral_map,
	    BIND_N(referral_map), ref);
}

/* body split at blank lines into list key, each item "text". */
static enum app_err
cp_bind_paragraphs(struct view_ctx *ctx, const char *key, struct str body)
{
	size_t i = 0;
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, key)) != APP_OK)
		return e;
	while (i < body.len) {
		size_t start = i, end;
		struct view_ctx *it;

		while (i < body.len &&
		    !(body.p[i] == '\n' && i + 1 < body.len &&
		        (body.p[i + 1] == '\n' ||
		            (body.p[i + 1] == '\r' && i + 2 < body.len &&
		                body.p[i + 2] == '\n'))))
			i++;
		end = i;
		while (i < body.len && (body.p[i] == '\n' || body.p[i] == '\r'))
			i++;
		if (end == start)
			continue;
		if ((it = view_ctx_list_add(ctx, key)) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "text",
		         (struct str){ body.p + start, end - start })) !=
		    APP_OK)
			return e;
	}
	return APP_OK;
}

/* The consent's own fields, bound as stored. */
static const struct bind_key consent_map[] = {
	{ "id", "consent_id" },
	{ "text_language", "language" },
	{ "interpreter_used", "interpreter" },
	{ "interpreter_language", "interpreter_language" },
	{ "direction_obtain", "obtain" },
	{ "direction_disclose", "disclose" },
	{ "purpose", "purpose" },
	{ "valid_from", "valid_from" },
	{ "valid_until", "valid_until" },
	{ "signer_name", "signer" },
	{ "signature_svg", "signature" },
	{ "paper_date", "paper_date" },
	{ "taken_by", "taken_by" },
	{ "signed_at", "signed_at" },
	{ "ended_at", "ended_at" },
	{ "text_title", "text_title" },
	{ "text_version", "text_version" },
};

static const struct bind_key party_map[] = {
	{ "id", "party_id" },
	{ "name", "name" },
};

/* The parties as "parties" (with revoked and revoked_at) and the active
 * ones as "active_parties". */
static enum app_err
cp_bind_parties(
    struct view_ctx *ctx, const struct consent_party *parties, size_t n)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "parties")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "active_parties")) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_parties", n > 0)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		const struct consent_party *p = &parties[i];
		int revoked = p->state == CONSENT_PARTY_ATERKALLAD;
		struct view_ctx *it = view_ctx_list_add(ctx, "parties");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &consent_party_record, party_map,
		         BIND_N(party_map), p)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "revoked", revoked)) != APP_OK ||
		    (e = view_ctx_set_str(it, "revoked_at", p->revoked_at)) !=
		        APP_OK)
			return e;
		if (revoked)
			continue;
		if ((it = view_ctx_list_add(ctx, "active_parties")) == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &consent_party_record, party_map,
		         BIND_N(party_map), p)) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
consent_page_bind_consent(
    struct req *r, struct view_ctx *ctx, const struct consent *c)
{
	struct consent_party *parties;
	struct consent_category *cats;
	size_t np, nc;
	enum app_err e;

	if ((e = consent_parties(r->db, r->a, c->id, &parties, &np)) !=
	        APP_OK ||
	    (e = consent_categories(r->db, r->a, c->id, &cats, &nc)) != APP_OK)
		return e;
	if ((e = tablet_bind(ctx, c->text_language, TABLET_MSG_CONSENT_FIRST,
	         TABLET_MSG_CONSENT_LAST)) != APP_OK ||
	    (e = bind_record(ctx, &consent_record, consent_map,
	         BIND_N(consent_map), c)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "kind", consent_kind_name(c->kind))) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "kind_label", consent_kind_label(c->kind))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_sus", c->kind == CONSENT_SUS)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "state", consent_state_name(c->state))) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "state_label",
	         consent_state_label(c->state))) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "is_draft", c->state == CONSENT_UTKAST)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "is_active", c->state == CONSENT_AKTIV)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "too_late",
	         consent_too_late(c, consent_today(r)))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_revocable",
	         consent_state_allows(c->state, CONSENT_DO_REVOKE))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_signed", consent_is_signed(c))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "answer_yes", c->answer == CONSENT_JA)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "language_name",
	         tablet_lang_name(c->text_language))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "language_label",
	         tablet_lang_label(c->text_language))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "text_to_check", c->text_to_check)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "on_paper",
	         c->signed_how == CONSENT_HOW_PAPPER)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "typed_signature",
	         c->signed_how == CONSENT_HOW_SURFPLATTA && c->signed_typed)) !=
	        APP_OK ||
	    (e = cp_bind_paragraphs(ctx, "paragraphs", c->text_body)) !=
	        APP_OK ||
	    (e = cp_bind_parties(ctx, parties, np)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "categories")) != APP_OK)
		return e;
	for (size_t i = 0; i < nc; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "categories");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "label",
		         consent_category_label(&cats[i], c->text_language))) !=
		    APP_OK)
			return e;
	}
	return APP_OK;
}

/* ------------------------------------------------------------------------
 * The staff's consent page and the handover page
 * --------------------------------------------------------------------- */

static const struct bind_key event_map[] = {
	{ "at", "at" },
	{ "party", "party" },
	{ "staff", "who" },
	{ "reason", "reason" },
};

enum app_err
consent_page_render(struct req *r, const struct consent *c,
    const struct consent_referral *ref, unsigned via, const char *notice,
    const char *error, const struct consent_page_kept *kept)
{
	static const char *const reason_keys[] = { "rv_skal", "fe_skal" };
	struct consent_event *ev;
	struct view_ctx *ctx;
	size_t n;
	enum app_err e;

	if ((e = consent_events(r->db, r->a, c->id, &ev, &n)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = consent_page_bind_referral(ctx, ref)) != APP_OK ||
	    (e = consent_page_bind_consent(r, ctx, c)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "today", consent_today(r))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "may_take", consent_may_take(via))) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "events")) != APP_OK ||
	    (notice != NULL &&
	        (e = view_ctx_set_cstr(ctx, "notice", notice)) != APP_OK) ||
	    (e = page_form_error(ctx, "error", error)) != APP_OK ||
	    (e = page_form_limits(r, ctx, consent_revoke_spec, CR__MAX)) !=
	        APP_OK ||
	    (e = page_form_limits(r, ctx, consent_error_spec, CE__MAX)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "pappersdatum", consent_today(r))) !=
	        APP_OK ||
	    /* The reasons typed in the revoke and in-error forms, empty
	     * until one comes back with what was typed (kept). */
	    (e = page_bind_blank(ctx, reason_keys,
	         sizeof(reason_keys) / sizeof(reason_keys[0]))) != APP_OK ||
	    (kept != NULL &&
	        ((e = view_ctx_set_str(ctx, kept->key, kept->value)) !=
	                APP_OK ||
	            (e = page_form_error(ctx, kept->err_key, kept->error)) !=
	                APP_OK)))
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "events");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &consent_event_record, event_map,
		         BIND_N(event_map), &ev[i])) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "event",
		         consent_event_label(ev[i].event, ev[i].how))) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(
		         it, "how", consent_how_label(ev[i].how))) != APP_OK)
			return e;
	}
	return page_render(r, "samtycke", consent_kind_label(c->kind), ctx);
}

enum app_err
consent_page_render_handover(struct req *r, const struct consent *c,
    const struct consent_referral *ref, enum consent_handover what,
    enum consent_refusal refusal)
{
	int sign = what == CONSENT_HANDOVER_SIGN;
	struct view_ctx *ctx;
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = consent_page_bind_referral(ctx, ref)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "consent_id", c->id)) != APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "kind_label", consent_kind_label(c->kind))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "language_name",
	         tablet_lang_label(c->text_language))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "text_to_check", c->text_to_check)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "till", sign ? "surfplatta" : "aterkalla")) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "to_sign", sign)) != APP_OK ||
	    (e = view_ctx_set_int(
	         ctx, "idle_minutes", TABLET_IDLE_SECONDS / 60)) != APP_OK ||
	    (e = page_form_error(
	         ctx, "refusal", consent_refusal_text(refusal))) != APP_OK)
		return e;
	return page_render(
	    r, "samtycke_overlamna", "Lämna surfplattan till deltagaren", ctx);
}

enum app_err
consent_page_handover_check(struct req *r, enum consent_handover what,
    const char *audit_detail, long long *id, struct consent *c,
    struct consent_referral *ref, enum consent_refusal *refusal)
{
	long long waiver = 0, sus = 0;
	unsigned via;
	enum app_err e;

	if ((e = consent_page_load(r, id, c, &via, ref, audit_detail)) !=
	    APP_OK)
		return e;
	if (what == CONSENT_HANDOVER_SIGN && !consent_may_take(via))
		return APP_EFORBIDDEN;
	if (what == CONSENT_HANDOVER_REVOKE &&
	    (e = consent_revocable(r, c->referral_id, &waiver, &sus)) != APP_OK)
		return e;
	*refusal = consent_handover_refusal(
	    c, via, what, waiver != 0 || sus != 0, consent_today(r));
	return APP_OK;
}

enum app_err
consent_page_handover(struct req *r, enum consent_handover what)
{
	struct consent c;
	struct consent_referral ref;
	enum consent_refusal refusal;
	long long id;
	enum app_err e;

	if ((e = consent_page_handover_check(
	         r, what, "handover page", &id, &c, &ref, &refusal)) != APP_OK)
		return e;
	return consent_page_render_handover(r, &c, &ref, what, refusal);
}

enum app_err
consent_page_redirect(struct req *r, long long id, const char *suffix)
{
	struct buf loc;
	enum app_err e;

	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/samtycken/%lld%s", id, suffix)) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
}
