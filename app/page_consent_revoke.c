/* page_consent_revoke.c: revoking consent: the participant on the tablet
 * (each consent of the referral on its own, with a confirmation), or the
 * staff recording a revocation that came orally or in writing; see
 * include/page_consent.h. The rules (what may be revoked, what it leaves
 * alone) and the transition are in consent.c. */
#include "consent.h"
#include "consent_page.h"
#include "consent_record.h"
#include "form.h"
#include "page_consent.h"
#include "pages.h"
#include "req.h"
#include "tablet_i18n.h"
#include "view.h"

/* What the participant may revoke on the tablet (consent_revocable()),
 * and the one choice a link or form names, if it is one of them. */
struct rv_choice {
	long long waiver, sus;         /* revocable consents, 0 for none */
	struct consent_party *parties; /* the waiver's */
	size_t nparties;
	long long consent; /* the choice: 0 when none (or not one) */
	long long party;   /* its party, 0 for all of it */
	struct str party_name;
};

/* The choice samtycke (a consent id) and part ("alla" or a party id)
 * name; either NULL for none. */
static enum app_err
rv_load(struct req *r, const struct consent *c, struct rv_choice *ch,
    const struct str *samtycke, const struct str *part)
{
	long long want = samtycke != NULL ? str_to_ll(*samtycke) : 0;
	long long party;
	size_t i;
	enum app_err e;

	*ch = (struct rv_choice){ 0 };
	if ((e = consent_revocable(r, c->referral_id, &ch->waiver, &ch->sus)) !=
	    APP_OK)
		return e;
	if (ch->waiver > 0 &&
	    (e = consent_parties(r->db, r->a, ch->waiver, &ch->parties,
	         &ch->nparties)) != APP_OK)
		return e;
	if (part == NULL)
		return APP_OK;
	party = str_eq_cstr(*part, "alla") ? 0
	    : str_to_ll(*part) > 0         ? str_to_ll(*part)
	                                   : -1;
	ch->consent = consent_revoke_choice(
	    ch->waiver, ch->sus, ch->parties, ch->nparties, want, party, &i);
	if (ch->consent > 0 && party > 0) {
		ch->party = party;
		ch->party_name = ch->parties[i].name;
	}
	return APP_OK;
}

/* The participant's revocation page on the tablet: each consent on its own
 * (the waiver per party or whole, the SUS consent), each choice saying in
 * their language what it does; with confirm, the one choice to confirm. */
static enum app_err
rv_render(struct req *r, const struct consent *c,
    const struct consent_referral *ref, const struct rv_choice *ch, int confirm)
{
	enum tablet_lang l = tablet_lang_of(c->text_language, NULL);
	struct view_ctx *ctx;
	struct buf part;
	int parties = 0;
	enum app_err e;

	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	buf_init(&part, r->a);
	if (ch->party > 0)
		e = buf_printf(&part, "%lld", ch->party);
	else
		e = buf_puts(&part, "alla");
	if (e != APP_OK ||
	    (e = consent_page_bind_referral(ctx, ref)) != APP_OK ||
	    (e = consent_page_bind_consent(r, ctx, c)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "thanks", req_query(r, "klart") != NULL)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "waiver_parties")) != APP_OK)
		return e;
	for (size_t i = 0; ch->waiver > 0 && i < ch->nparties; i++) {
		const struct consent_party *p = &ch->parties[i];
		struct view_ctx *it;
		if (p->state != CONSENT_PARTY_AKTIV)
			continue;
		if ((it = view_ctx_list_add(ctx, "waiver_parties")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(it, "party_id", p->id)) != APP_OK ||
		    (e = view_ctx_set_str(it, "name", p->name)) != APP_OK)
			return e;
		parties++;
	}
	confirm = confirm && ch->consent > 0;
	if ((e = view_ctx_set_bool(ctx, "has_waiver", parties > 0)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "waiver_id", ch->waiver)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_sus", ch->sus > 0)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "sus_id", ch->sus)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "nothing", parties == 0 && ch->sus == 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "confirm", confirm)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "choice_consent", ch->consent)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "choice_part", buf_str(&part))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "choice_party", ch->party > 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "choice_party_name", ch->party_name)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "choice_waiver_all",
	         ch->consent > 0 && ch->consent == ch->waiver &&
	             ch->party == 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "choice_sus",
	         ch->consent > 0 && ch->consent == ch->sus)) != APP_OK)
		return e;
	return page_render_layout(r, "layout_surfplatta", "samtycke_aterkalla",
	    tablet_word(l, TABLET_REVOKE), ctx);
}

enum app_err
page_consent_revoke_tablet(struct req *r)
{
	struct consent c;
	struct consent_referral ref;
	struct rv_choice ch;
	unsigned via;
	long long id;
	enum app_err e;

	if (r->tablet == NULL)
		return consent_page_handover(r, CONSENT_HANDOVER_REVOKE);
	if ((e = consent_page_load(r, &id, &c, &via, &ref, "tablet revoke")) !=
	        APP_OK ||
	    (e = rv_load(r, &c, &ch, req_query(r, "samtycke"),
	         req_query(r, "part"))) != APP_OK)
		return e;
	return rv_render(r, &c, &ref, &ch, ch.consent > 0);
}

/* POST /samtycken/:id/aterkalla on the tablet: the choice (samtycke, part)
 * is revoked only with bekrafta=ja; without it the confirmation screen,
 * nothing changed. */
static enum app_err
rv_on_tablet(struct req *r)
{
	const struct str *confirm = req_form(r, "bekrafta");
	struct consent c;
	struct consent_referral ref;
	struct rv_choice ch;
	enum consent_refusal refused;
	unsigned via;
	long long id;
	enum app_err e;

	if ((e = consent_page_load(r, &id, &c, &via, &ref, "tablet revoke")) !=
	        APP_OK ||
	    (e = rv_load(r, &c, &ch, req_form(r, "samtycke"),
	         req_form(r, "part"))) != APP_OK)
		return e;
	if (ch.consent == 0) {
		/* Not a choice (any more: a double tap): where it stands. */
		r->resp.status = 409;
		return rv_render(r, &c, &ref, &ch, 0);
	}
	if (confirm == NULL || !str_eq_cstr(*confirm, "ja"))
		return rv_render(r, &c, &ref, &ch, 1);
	if ((e = consent_revoke(r, ch.consent, c.referral_id, ch.party,
	         CONSENT_HOW_SURFPLATTA, STR_LIT(""), ref.personnummer,
	         &refused)) != APP_OK)
		return e;
	if (refused != CONSENT_OK) {
		if ((e = rv_load(r, &c, &ch, NULL, NULL)) != APP_OK)
			return e;
		r->resp.status = 409;
		return rv_render(r, &c, &ref, &ch, 0);
	}
	return consent_page_redirect(r, id, "/aterkalla?klart=1");
}

enum app_err
page_consent_revoke(struct req *r)
{
	struct field_val v[CR__MAX];
	struct consent c;
	struct consent_referral ref;
	enum consent_refusal refused;
	unsigned via;
	long long id, party = 0;
	size_t nerr = 0;
	int all, found;
	enum app_err e;

	if (r->tablet != NULL)
		return rv_on_tablet(r);
	if ((e = consent_page_load(r, &id, &c, &via, &ref, "revoke")) != APP_OK)
		return e;
	if ((e = form_validate(r->a, &r->form, consent_revoke_spec, CR__MAX, v,
	         &nerr)) != APP_OK)
		return e;
	all = v[CR_PART].ok && str_eq_cstr(v[CR_PART].s, "alla");
	if (v[CR_PART].ok && !all)
		party = str_to_ll(v[CR_PART].s);
	if (nerr > 0 || (!all && party <= 0)) {
		r->resp.status = 400;
		if (!v[CR_SKAL].ok) {
			struct consent_page_kept k = { "rv_skal", "rv_skal_fel",
				v[CR_SKAL].s, v[CR_SKAL].error };
			return consent_page_render(r, &c, &ref, via, NULL,
			    "Återkallelsen registrerades inte. Rätta felen "
			    "nedan.",
			    &k);
		}
		return consent_page_render(r, &c, &ref, via, NULL,
		    "Välj vad som återkallas och hur återkallelsen kom in.",
		    NULL);
	}
	if ((e = consent_revoke(r, id, c.referral_id, all ? 0 : party,
	         consent_revoke_ways[v[CR_HUR].i], v[CR_SKAL].s,
	         ref.personnummer, &refused)) != APP_OK)
		return e;
	if (refused != CONSENT_OK) {
		if ((e = consent_load(r->db, r->a, id, &c, &found)) != APP_OK)
			return e;
		if (!found)
			return APP_ENOTFOUND;
		r->resp.status = 409;
		return consent_page_render(r, &c, &ref, via, NULL,
		    consent_refusal_text(refused), NULL);
	}
	return consent_page_redirect(r, id, "?aterkallat=1");
}
