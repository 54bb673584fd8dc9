/* page_consent.c: the consent pages' overview of one referral and the
 * staff's page of one consent; see include/page_consent.h. Preparing,
 * paper and in error are in page_consent_staff.c, the tablet in
 * page_consent_tablet.c, revoking in page_consent_revoke.c; what they
 * share in consent_page.c; the rules in consent.c. */
#include "audit.h"
#include "bind.h"
#include "consent.h"
#include "consent_page.h"
#include "consent_record.h"
#include "page_consent.h"
#include "pages.h"
#include "req.h"
#include "tablet_i18n.h"
#include "view.h"

/* The overview's list: each consent's own fields as stored. */
static const struct bind_key list_map[] = {
	{ "id", "id" },
	{ "valid_from", "valid_from" },
	{ "valid_until", "valid_until" },
	{ "signed_at", "signed_at" },
	{ "taken_by", "taken_by" },
	{ "text_version", "text_version" },
	{ "active_parties", "active_parties" },
	{ "all_parties", "all_parties" },
};

static enum app_err
pc_bind_list(struct view_ctx *ctx, const struct consent *list, size_t n)
{
	enum app_err e;

	if ((e = view_ctx_set_bool(ctx, "has_consents", n > 0)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "consents")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		const struct consent *c = &list[i];
		struct view_ctx *it = view_ctx_list_add(ctx, "consents");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &consent_list_record, list_map,
		         BIND_N(list_map), c)) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "kind_label",
		         consent_kind_label(c->kind))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "state",
		         consent_state_name(c->state))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "state_label",
		         consent_state_label(c->state))) != APP_OK ||
		    (e = view_ctx_set_bool(
		         it, "is_sus", c->kind == CONSENT_SUS)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "answer_yes",
		         c->answer == CONSENT_JA)) != APP_OK ||
		    (e = view_ctx_set_str(it, "language_name",
		         tablet_lang_name(c->language))) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
page_consents(struct req *r)
{
	struct consent_referral ref;
	struct consent *list;
	struct view_ctx *ctx;
	size_t n;
	unsigned via;
	long long rid;
	enum app_err e;

	if ((e = req_param_id(r, &rid)) != APP_OK ||
	    (e = consent_page_referral(r, rid, &via, &ref)) != APP_OK)
		return e;
	if ((e = audit_write(r, AUDIT_READ, "referral", rid, ref.personnummer,
	         STR_LIT("consents"))) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	/* consent_bind_status() writes expiry back first. */
	if ((e = consent_bind_status(r, ctx, rid, via, NULL)) != APP_OK ||
	    (e = consent_list(r->db, r->a, rid, &list, &n)) != APP_OK)
		return e;
	if ((e = consent_page_bind_referral(ctx, &ref)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "may_take", consent_may_take(via))) !=
	        APP_OK ||
	    (e = pc_bind_list(ctx, list, n)) != APP_OK)
		return e;
	return page_render(r, "samtycken", "Samtycken", ctx);
}

enum app_err
page_consent(struct req *r)
{
	struct consent c;
	struct consent_referral ref;
	unsigned via;
	long long id;
	const char *notice = NULL;
	enum app_err e;

	if ((e = consent_page_load(r, &id, &c, &via, &ref, "")) != APP_OK)
		return e;
	if (req_query(r, "givet") != NULL)
		notice = "Samtycket är registrerat och gäller.";
	else if (req_query(r, "aterkallat") != NULL)
		notice = "Återkallelsen är registrerad och gäller nu.";
	else if (req_query(r, "felaktigt") != NULL)
		notice = "Samtycket är markerat som felregistrerat.";
	return consent_page_render(r, &c, &ref, via, notice, NULL, NULL);
}
