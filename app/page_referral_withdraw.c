/* page_referral_withdraw.c: POST /ansokningar/:id/aterkalla, the
 * remittent withdraws their application; see include/page_referral.h.
 * The rule is referral_withdraw() (referral.h), the change
 * referral_withdraw_run() (referral_withdraw.h); this file reads the form
 * and answers. */
#include "access.h"
#include "form.h"
#include "page_referral.h"
#include "pages.h"
#include "referral.h"
#include "referral_withdraw.h"
#include "req.h"

#define MSG_REASON "Skriv varför ansökan återkallas."
#define MSG_STALE                                                              \
	"Ansökan har ändrats sedan du öppnade sidan och är inte "          \
	"återkallad. Se de aktuella uppgifterna och försök igen."
#define MSG_FORM                                                               \
	"Formuläret är ofullständigt eller ändrat. Ladda om sidan och "    \
	"försök igen."

/* The page again, with what was typed and why it was refused. */
static enum app_err
wd_again(struct req *r, long long id, struct ref_withdraw_form *wf, int status)
{
	r->resp.status = status;
	return ref_page_render(r, id, wf);
}

enum app_err
page_referral_withdraw(struct req *r)
{
	struct field_val fv[REF_WITHDRAW__MAX];
	struct ref_withdraw_form wf = { STR_LIT(""), NULL, NULL };
	enum referral_refusal why;
	enum edit_result res;
	struct buf loc;
	unsigned via;
	long long id;
	size_t nerr;
	enum app_err e;

	/* Only the remittent who made it; others who reach it 403, the rest
	 * 404 (access_referral()). */
	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = access_referral(r, id, &via)) != APP_OK)
		return e;
	if (!(via & ACCESS_OWN))
		return APP_EFORBIDDEN;
	if ((e = form_validate(r->a, &r->form, ref_withdraw_fields(),
	         REF_WITHDRAW__MAX, fv, &nerr)) != APP_OK)
		return e;
	wf.reason = fv[REF_WITHDRAW_REASON].s;
	if (!fv[REF_WITHDRAW_REASON].ok)
		wf.error = fv[REF_WITHDRAW_REASON].present
		    ? fv[REF_WITHDRAW_REASON].error
		    : MSG_REASON;
	else if (!fv[REF_WITHDRAW_VERSION].ok)
		wf.conflict = MSG_FORM;
	if (wf.error != NULL || wf.conflict != NULL)
		return wd_again(r, id, &wf, 400);
	if ((e = referral_withdraw_run(r, id, fv[REF_WITHDRAW_VERSION].i,
	         wf.reason, &res, &why)) != APP_OK)
		return e;
	buf_init(&loc, r->a);
	switch (res) {
	case EDIT_SAVED:
		e = buf_printf(&loc, "/ansokningar/%lld?aterkallad=1", id);
		break;
	case EDIT_REFUSED:
		/* A second click or a retry: already done, nothing more. */
		if (why == REFERRAL_WITHDRAWN) {
			e = buf_printf(
			    &loc, "/ansokningar/%lld?redan_aterkallad=1", id);
			break;
		}
		wf.conflict = referral_refusal_msg(why);
		return wd_again(r, id, &wf, 409);
	case EDIT_STALE:
		wf.conflict = MSG_STALE;
		return wd_again(r, id, &wf, 409);
	case EDIT_BUSY:
		wf.conflict = EDIT_MSG_BUSY;
		return wd_again(r, id, &wf, 409);
	}
	if (e != APP_OK)
		return e;
	return page_redirect(r, loc.p);
}
