/* page_participation_target.c: the participant's målgrupp on the
 * participation page (section "Målgrupp"); see include/page_participation.h.
 * The rule of what may be chosen is target_group.c's, the change
 * participation_edit.c's, its handler page_participation_change.c's. */
#include "arena.h"
#include "form_registry.h"
#include "page_participation.h"
#include "pages.h"
#include "participation.h"
#include "req.h"
#include "target_group.h"
#include "view.h"

const struct field_spec part_tg_spec[1] = {
	{ "malgrupp", FT_TEXT, 0, TARGET_GROUP_MAX_CHARS, 0, NULL },
};

void
part_tg_check(const struct participation *p, struct field_val *v)
{
	if (v->ok)
		part_refuse(v,
		    target_group_refusal(
		        p->target_groups, p->target_group, v->s));
}

/* One option of the select. */
static enum app_err
tg_choice(struct view_ctx *ctx, struct str value, struct str label,
    const char *suffix, int selected)
{
	struct view_ctx *it = view_ctx_list_add(ctx, "tg_choices");
	enum app_err e;

	if (it == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_str(it, "value", value)) != APP_OK ||
	    (e = view_ctx_set_str(it, "label", label)) != APP_OK ||
	    (e = view_ctx_set_cstr(it, "suffix", suffix)) != APP_OK)
		return e;
	return view_ctx_set_bool(it, "selected", selected);
}

enum app_err
part_tg_bind(struct req *r, struct view_ctx *ctx, const struct participation *p,
    const struct pv_form *f)
{
	struct str *lines, cur = p->target_group;
	struct str chosen = f->kind == PV_TARGET_GROUP ? f->tg.s : cur;
	size_t n = target_group_lines(p->target_groups, NULL, 0);
	int editable =
	    participation_refusal(p->status, PCHANGE_TARGET_GROUP) == NULL &&
	    (n > 0 || cur.len > 0);
	int cur_listed = target_group_listed(p->target_groups, cur);
	const char *err =
	    f->kind == PV_TARGET_GROUP && !f->tg.ok ? f->tg.error : NULL;
	enum app_err e;

	if ((lines = arena_calloc(r->a, n ? n : 1, sizeof(*lines))) == NULL)
		return APP_ENOMEM;
	n = target_group_lines(p->target_groups, lines, n);
	if ((e = view_ctx_set_str(ctx, "tg_current", cur)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "tg_previous", cur.len > 0 && !cur_listed)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "tg_form", editable)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "tg_no_lines", n == 0)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "tg_none", chosen.len == 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "tg_choices")) != APP_OK)
		return e;
	if ((e = err != NULL
	            ? page_form_error(ctx, "tg_error", err)
	            : view_ctx_set_cstr(ctx, "tg_error", NULL)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++)
		if ((e = tg_choice(ctx, lines[i], lines[i], NULL,
		         str_eq(lines[i], chosen))) != APP_OK)
			return e;
	/* What the participation has, though the insats no longer lists it:
	 * it stays keepable. */
	if (cur.len > 0 && !cur_listed &&
	    (e = tg_choice(ctx, cur, cur, " (tidigare målgrupp)",
	         str_eq(cur, chosen))) != APP_OK)
		return e;
	/* What was chosen in the form sent back, when it is neither: kept. */
	if (chosen.len > 0 && !str_eq(chosen, cur) &&
	    !target_group_listed(p->target_groups, chosen) &&
	    (e = tg_choice(ctx, chosen, chosen,
	         " (finns inte bland insatsens målgrupper)", 1)) != APP_OK)
		return e;
	return APP_OK;
}
