/* page_referral_follow.c: the participation on its remittent's application
 * page, as far as the waiver lets the insats disclose it; see
 * include/page_referral.h (ref_follow_bind()). */
#include "access.h"
#include "audit.h"
#include "date.h"
#include "page_referral.h"
#include "referral.h"
#include "referral_follow.h"
#include "req.h"
#include "view.h"
#include "visibility.h"

/* The items of one kind as list key of ctx, with has_key; 0..2 name the
 * view's keys for d1, d2 and text (NULL: not shown), n_key the number's. */
static enum app_err
rf_bind_items(struct view_ctx *ctx, const char *key, const char *has_key,
    const struct referral_follow_item *items, size_t n,
    enum referral_follow_kind kind, const char *const names[3],
    const char *n_key)
{
	int any = 0;
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, key)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		const struct referral_follow_item *it = &items[i];
		const struct str vals[3] = { it->d1, it->d2, it->text };
		struct view_ctx *row;

		if (it->kind != kind)
			continue;
		any = 1;
		if ((row = view_ctx_list_add(ctx, key)) == NULL)
			return APP_ENOMEM;
		for (int k = 0; k < 3; k++)
			if (names[k] != NULL &&
			    (e = view_ctx_set_str(row, names[k], vals[k])) !=
			        APP_OK)
				return e;
		if (n_key != NULL &&
		    (e = view_ctx_set_int(row, n_key, it->n)) != APP_OK)
			return e;
	}
	return view_ctx_set_bool(ctx, has_key, any);
}

/* The course itself (VIS_FOLLOW granted): the head's facts and the items. */
static enum app_err
rf_bind_course(struct req *r, struct view_ctx *ctx,
    const struct referral_follow *f, int outcome)
{
	static const char *const plan[3] = { NULL, NULL, "activity" };
	static const char *const mid[3] = { "held", NULL, "attendees" };
	static const char *const ext[3] = { "old_end", "new_end", "reason" };
	struct referral_follow_item *items;
	size_t n;
	enum app_err e;

	if ((e = referral_follow_items(r, f->participation_id, &items, &n)) !=
	    APP_OK)
		return e;
	if ((e = view_ctx_set_str(ctx, "pa_start", f->start_date)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "pa_planned_end", f->planned_end)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "pa_contact", f->contact)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "pa_contact_email", f->contact_email)) !=
	        APP_OK ||
	    (e = view_ctx_set_int(ctx, "pa_hours", f->hours)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "pa_end", f->end_date)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "pa_outcome", outcome)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "pa_end_reason",
	         outcome ? f->end_reason : STR_LIT(""))) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "pa_summary_version",
	         f->summary_versions > 1 ? f->summary_versions : 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "pa_summary_sent", f->summary_sent)) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "pa_zone", DATE_ZONE_LABEL)) !=
	        APP_OK ||
	    (e = rf_bind_items(ctx, "pa_plan", "pa_has_plan", items, n,
	         RF_ITEM_ACTIVITY, plan, "hours")) != APP_OK ||
	    (e = rf_bind_items(ctx, "pa_midterms", "pa_has_midterms", items, n,
	         RF_ITEM_MIDTERM, mid, NULL)) != APP_OK)
		return e;
	return rf_bind_items(ctx, "pa_extensions", "pa_has_extensions", items,
	    n, RF_ITEM_EXTENSION, ext, NULL);
}

enum app_err
ref_follow_exists_bind(
    struct req *r, struct view_ctx *ctx, const struct referral *ref)
{
	struct referral_follow f;
	int found;
	enum app_err e;

	if ((e = referral_follow_head(r, ref->id, &f, &found)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "pa_exists", found)) != APP_OK ||
	    !found)
		return e;
	return view_ctx_set_cstr(
	    ctx, "pa_status_label", participation_status_label(f.status));
}

enum app_err
ref_follow_bind(struct req *r, struct view_ctx *ctx, const struct referral *ref,
    unsigned via)
{
	struct referral_follow f;
	struct vis_in in;
	unsigned parts;
	int found;
	enum app_err e;

	if ((e = referral_follow_head(r, ref->id, &f, &found)) != APP_OK)
		return e;
	if ((e = view_ctx_set_bool(ctx, "pa_exists", found)) != APP_OK ||
	    !found)
		return e;
	in = access_vis_in(r, via, ref->waiver, ref->rp.protected_identity);
	in.scope = (unsigned)f.scope;
	parts = visibility(&in);
	if ((e = view_ctx_set_cstr(ctx, "pa_status_label",
	         participation_status_label(f.status))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "pa_follow",
	         (parts & VIS_BIT(VIS_FOLLOW)) != 0)) != APP_OK ||
	    !(parts & VIS_BIT(VIS_FOLLOW)))
		return e;
	/* One read row per page view, naming the participation, before
	 * anything of its course is shown. */
	if ((e = audit_write(r, AUDIT_READ, "participation", f.participation_id,
	         ref->person.personnummer, STR_LIT("remittent: follow-up"))) !=
	    APP_OK)
		return e;
	return rf_bind_course(r, ctx, &f, (parts & VIS_BIT(VIS_OUTCOME)) != 0);
}
