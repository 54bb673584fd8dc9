/* page_consent_tablet.c: the consent tablet: the staff hand it over, the
 * participant reads and signs, and the printable copy; see
 * include/page_consent.h. The tablet's words are in tablet_i18n.c, the
 * rules in consent.c. */
#include <string.h>

#include "audit.h"
#include "consent.h"
#include "consent_page.h"
#include "consent_record.h"
#include "form.h"
#include "page_consent.h"
#include "pages.h"
#include "req.h"
#include "session.h"
#include "signature.h"
#include "tablet_i18n.h"
#include "view.h"

/* What the participant typed on the signing page, and what was wrong. */
struct sign_form {
	struct str name, answer;
	struct str typed; /* the name typed as the signature */
	int confirmed;    /* ... and confirmed */
	int err_name;     /* 0 none, 1 missing, 2 over the limit */
	int err_sig;      /* neither drawn nor typed */
	int err_typed;    /* a typed signature: 0 fine, 1 not confirmed, 2
	                     not the name, 3 over the limit */
	int err_answer;
};

/* The error summary: each error by its message, linking to its field
 * (list "summary": target, text). */
static enum app_err
pt_summary(struct view_ctx *ctx, const char *target, const char *text)
{
	struct view_ctx *it;
	enum app_err e;

	if (text == NULL)
		return APP_OK;
	if ((it = view_ctx_list_add(ctx, "summary")) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_cstr(it, "target", target)) != APP_OK)
		return e;
	return view_ctx_set_cstr(it, "text", text);
}

/* The message of a typed signature's error (NULL for none). */
static const char *
pt_typed_error(struct req *r, enum tablet_lang l, int err, long long max)
{
	switch (err) {
	case 1: return tablet_word(l, TABLET_ERR_TYPED_CONFIRM);
	case 2: return tablet_word(l, TABLET_ERR_TYPED_MATCH);
	case 3:
		return page_fill_n(
		    r, tablet_word(l, TABLET_ERR_NAME_LONG), max);
	default: return NULL;
	}
}

static enum app_err
pt_render(struct req *r, const struct consent *c,
    const struct consent_referral *ref, const char *view,
    const struct sign_form *f)
{
	enum tablet_lang l = tablet_lang_of(c->text_language, NULL);
	long long max = consent_sign_spec[CS_NAMN].max;
	const char *hint =
	    page_fill_n(r, tablet_word(l, TABLET_COUNT_HINT), max);
	const char *err_name = NULL, *err_typed = NULL;
	const char *err_sig =
	    f->err_sig ? tablet_word(l, TABLET_ERR_SIG) : NULL;
	const char *err_answer =
	    f->err_answer ? tablet_word(l, TABLET_ERR_ANSWER) : NULL;
	struct view_ctx *ctx;
	enum app_err e;

	if (hint == NULL || (ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if (f->err_name == 2 &&
	    (err_name = page_fill_n(
	         r, tablet_word(l, TABLET_ERR_NAME_LONG), max)) == NULL)
		return APP_ENOMEM;
	else if (f->err_name == 1)
		err_name = tablet_word(l, TABLET_ERR_NAME);
	if (f->err_typed &&
	    (err_typed = pt_typed_error(r, l, f->err_typed,
	         consent_sign_spec[CS_NAMNUNDERSKRIFT].max)) == NULL)
		return APP_ENOMEM;
	/* In the page's order; a signature error leads to the signature's
	 * group, whose typed name the keyboard can fill in. */
	if ((e = view_ctx_set_list(ctx, "summary")) != APP_OK ||
	    (e = pt_summary(ctx, "svar-ja", err_answer)) != APP_OK ||
	    (e = pt_summary(ctx, "namn", err_name)) != APP_OK ||
	    (e = pt_summary(ctx, "signatur-grupp", err_sig)) != APP_OK ||
	    (e = pt_summary(ctx, "namnunderskrift", err_typed)) != APP_OK)
		return e;
	if ((e = consent_page_bind_referral(ctx, ref)) != APP_OK ||
	    (e = consent_page_bind_consent(r, ctx, c)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "on_tablet", r->tablet != NULL)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "typed_name", f->name)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "typed_sig_value", f->typed)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "typed_confirmed", f->confirmed)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "typed_yes", str_eq_cstr(f->answer, "ja"))) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "typed_no", str_eq_cstr(f->answer, "nej"))) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "thanks", req_query(r, "klart") != NULL)) != APP_OK ||
	    (e = page_form_limits(r, ctx, consent_sign_spec, CS__MAX)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "count_hint", hint)) != APP_OK ||
	    (e = page_form_error(ctx, "err_name", err_name)) != APP_OK ||
	    (e = page_form_error(ctx, "err_sig", err_sig)) != APP_OK ||
	    (e = page_form_error(ctx, "err_typed", err_typed)) != APP_OK ||
	    (e = page_form_error(ctx, "err_answer", err_answer)) != APP_OK)
		return e;
	return page_render_layout(
	    r, "layout_surfplatta", view, c->text_title.p, ctx);
}

/* The signing page as it stands, nothing typed. */
static enum app_err
pt_render_plain(struct req *r, const struct consent *c,
    const struct consent_referral *ref, const char *view)
{
	struct sign_form f = {
		.name = STR_LIT(""), .answer = STR_LIT(""), .typed = STR_LIT("")
	};

	return pt_render(r, c, ref, view, &f);
}

enum app_err
page_consent_handover(struct req *r)
{
	const struct str *till = req_form(r, "till");
	enum consent_handover what = till && str_eq_cstr(*till, "aterkalla")
	    ? CONSENT_HANDOVER_REVOKE
	    : CONSENT_HANDOVER_SIGN;
	struct consent c;
	struct consent_referral ref;
	enum consent_refusal refusal;
	long long id, staff;
	struct buf why;
	enum app_err e;

	if ((e = consent_page_handover_check(
	         r, what, "handover", &id, &c, &ref, &refusal)) != APP_OK)
		return e;
	if (refusal != CONSENT_OK) {
		r->resp.status = 409;
		return consent_page_render_handover(r, &c, &ref, what, refusal);
	}
	/* The staff member's session on this device ends (as the
	 * questionnaire kiosk's "Starta på den här surfplattan" does), and
	 * the tablet's, bound to this consent, begins. */
	staff = r->user->id;
	buf_init(&why, r->a);
	if ((e = buf_printf(&why, "tablet handed over for consent %lld", id)) !=
	        APP_OK ||
	    (e = session_hand_over(r, buf_str(&why))) != APP_OK ||
	    (e = session_tablet_create(r, id, staff)) != APP_OK ||
	    (e = audit_write(r, AUDIT_LOGIN, "consent", id, ref.personnummer,
	         what == CONSENT_HANDOVER_SIGN
	             ? STR_LIT("tablet session started: sign")
	             : STR_LIT("tablet session started: revoke"))) != APP_OK)
		return e;
	return consent_page_redirect(r, id,
	    what == CONSENT_HANDOVER_SIGN ? "/surfplatta" : "/aterkalla");
}

enum app_err
page_consent_tablet(struct req *r)
{
	struct consent c;
	struct consent_referral ref;
	unsigned via;
	long long id;
	enum app_err e;

	if (r->tablet == NULL)
		return consent_page_handover(r, CONSENT_HANDOVER_SIGN);
	if ((e = consent_page_load(r, &id, &c, &via, &ref, "tablet")) != APP_OK)
		return e;
	return pt_render_plain(r, &c, &ref, "samtycke_surfplatta");
}

enum app_err
page_consent_sign(struct req *r)
{
	struct field_val v[CS__MAX];
	struct consent c;
	struct consent_referral ref;
	struct sign_form f;
	enum consent_refusal refused;
	unsigned via;
	long long id;
	size_t nerr = 0;
	int found, drawn, typed;
	enum app_err e;

	if ((e = consent_page_load(r, &id, &c, &via, &ref,
	         r->tablet ? "tablet sign" : NULL)) != APP_OK)
		return e;
	/* The participant signs on the tablet after the handover, never in
	 * a staff member's session (paper is the staff's way). */
	if (r->tablet == NULL)
		return APP_EFORBIDDEN;
	if ((e = form_validate(r->a, &r->form, consent_sign_spec, CS__MAX, v,
	         &nerr)) != APP_OK)
		return e;
	/* Signed (or ended) since the page was shown: sending twice stores
	 * once; or its last day has passed. Show where it stands. */
	if (consent_sign_refusal(&c, consent_today(r)) != CONSENT_OK) {
		r->resp.status = 409;
		return pt_render_plain(r, &c, &ref, "samtycke_surfplatta");
	}
	memset(&f, 0, sizeof(f));
	f.name = v[CS_NAMN].s;
	f.answer = v[CS_SVAR].s;
	f.typed = v[CS_NAMNUNDERSKRIFT].s;
	f.confirmed = v[CS_NAMNBEKRAFTELSE].ok && v[CS_NAMNBEKRAFTELSE].i;
	f.err_name = v[CS_NAMN].ok ? 0
	    : form_text_chars(v[CS_NAMN].s) >
	        (size_t)consent_sign_spec[CS_NAMN].max
	    ? 2
	    : 1;
	drawn =
	    v[CS_SIGNATUR].ok && signature_path_valid(v[CS_SIGNATUR].s, NULL);
	/* Without a drawing, the name typed once more and confirmed is the
	 * signature (the keyboard's way); a drawing wins over a typed name. */
	typed = str_trim_blanks(f.typed).len > 0;
	f.err_sig = !drawn && !typed;
	/* Too long is said even beside a drawing: nothing typed is cut or
	 * dropped without a word. */
	if (typed && !v[CS_NAMNUNDERSKRIFT].ok)
		f.err_typed = 3;
	else if (typed && !drawn)
		f.err_typed = !f.confirmed ? 1
		    : f.err_name == 0 &&
		        !signature_typed_matches(f.name, f.typed)
		    ? 2
		    : 0;
	f.err_answer =
	    c.kind == CONSENT_SUS && !(v[CS_SVAR].ok && v[CS_SVAR].present);
	if (f.err_name || f.err_sig || f.err_typed || f.err_answer) {
		r->resp.status = 400;
		return pt_render(r, &c, &ref, "samtycke_surfplatta", &f);
	}
	struct consent_signing s = { .how = CONSENT_HOW_SURFPLATTA,
		.signer = v[CS_NAMN].s,
		.signature = drawn ? v[CS_SIGNATUR].s : STR_LIT(""),
		.typed = !drawn,
		.paper_date = STR_LIT(""),
		.answer = c.kind == CONSENT_SUS
		    ? consent_page_answer(&v[CS_SVAR])
		    : CONSENT_JA };
	if ((e = consent_sign(r, &c, &s, ref.personnummer, &refused)) != APP_OK)
		return e;
	if (refused != CONSENT_OK) {
		if ((e = consent_load(r->db, r->a, id, &c, &found)) != APP_OK)
			return e;
		if (!found)
			return APP_ENOTFOUND;
		r->resp.status = 409;
		return pt_render_plain(r, &c, &ref, "samtycke_surfplatta");
	}
	return consent_page_redirect(r, id, "/surfplatta?klart=1");
}

enum app_err
page_consent_copy(struct req *r)
{
	struct consent c;
	struct consent_referral ref;
	unsigned via;
	long long id;
	enum app_err e;

	if ((e = consent_page_load(r, &id, &c, &via, &ref, NULL)) != APP_OK)
		return e;
	if (r->tablet == NULL && !consent_may_take(via))
		return APP_EFORBIDDEN;
	if (!consent_is_signed(&c))
		return APP_ENOTFOUND; /* nothing signed to copy yet */
	if ((e = audit_write(r, AUDIT_PRINT, "consent", id, ref.personnummer,
	         STR_LIT("copy"))) != APP_OK)
		return e;
	return pt_render_plain(r, &c, &ref, "samtycke_kopia");
}
