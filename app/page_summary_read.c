/* page_summary_read.c: the remittent reads the summary; see
 * include/page_summary.h. Who sees it is summary_visible_to_remittent()'s
 * decision, asked here and nowhere else. */
#include "access.h"
#include "audit.h"
#include "page_participation.h"
#include "page_summary.h"
#include "pages.h"
#include "referral.h"
#include "req.h"
#include "session.h"
#include "sql_summary.h"
#include "referral_follow.h"
#include "summary.h"
#include "view.h"

/* The person and the insats, as the application page names them. */
static enum app_err
bind_heading(struct view_ctx *ctx, const struct referral *ref,
    const struct summary_of_ref *of)
{
	enum app_err e;

	if ((e = view_ctx_set_int(ctx, "id", ref->id)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "insats", ref->insats)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "forbund", of->forbund)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "first_name", ref->rp.first_name)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "last_name", ref->rp.last_name)) !=
	        APP_OK)
		return e;
	return APP_OK;
}

enum app_err
page_summary_read(struct req *r)
{
	struct summary_record *rows = NULL;
	struct summary_of_ref of;
	struct referral_follow head = { 0 };
	struct referral ref;
	struct view_ctx *ctx;
	const struct str *qv = req_query(r, "version");
	struct buf base, detail;
	long long id, shown = 0;
	unsigned via;
	size_t n = 0;
	int found = 0, has_head = 0;
	enum app_err e;

	if ((e = req_param_id(r, &id)) != APP_OK ||
	    (e = access_referral(r, id, &via)) != APP_OK ||
	    (e = referral_load(r, id, &ref, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if ((e = summary_of_referral(r, id, &of)) != APP_OK ||
	    (e = referral_follow_head(r, id, &head, &has_head)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = bind_heading(ctx, &ref, &of)) != APP_OK)
		return e;
	/* The one decision: without it, that a summary exists and nothing
	 * more (the name and the insats are still the person's data). */
	if (!summary_visible_to_remittent(r->user != NULL ? r->user->roles : 0,
	        via, ref.waiver, ref.rp.protected_identity,
	        has_head ? (unsigned)head.scope : 0)) {
		if ((e = audit_write(r, AUDIT_READ, "referral", id,
		         ref.person.personnummer,
		         STR_LIT("summary: existence only"))) != APP_OK ||
		    (e = view_ctx_set_bool(ctx, "exists", of.sent)) != APP_OK)
			return e;
		return page_render(r, "sammanfattning_dold",
		    "Sammanfattande dokumentation", ctx);
	}
	if (of.participation_id > 0 &&
	    (e = summary_list_sent(r, of.participation_id, &rows, &n)) !=
	        APP_OK)
		return e;
	buf_init(&base, r->a);
	if ((e = buf_printf(&base, "/ansokningar/%lld/sammanfattning", id)) !=
	        APP_OK ||
	    (e = summary_bind_doc(r, ctx, rows, n,
	         qv != NULL ? str_to_ll(*qv) : 0, base.p, &shown)) != APP_OK)
		return e;
	/* Logged before the page with the person's summary goes out. */
	buf_init(&detail, r->a);
	if ((e = shown > 0
	            ? buf_printf(&detail, "summary version %lld", shown)
	            : buf_puts(&detail, "summary: none sent")) != APP_OK ||
	    (e = audit_write(r, AUDIT_READ, "referral", id,
	         ref.person.personnummer, buf_str(&detail))) != APP_OK)
		return e;
	if ((e = view_ctx_set_str(ctx, "pnr",
	         part_pnr_show(r, ref.person.personnummer))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "has_doc", n > 0)) != APP_OK)
		return e;
	return page_render(
	    r, "sammanfattning_las", "Sammanfattande dokumentation", ctx);
}
