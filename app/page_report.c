/* page_report.c: the activity report page; see include/page_report.h. The
 * filter form is page_report_form.c's, the CSV page_report_csv.c's, the
 * charts report_chart.c's. */
#include "page_report.h"
#include "page_report_form.h"
#include "pages.h"
#include "report.h"
#include "report_chart.h"
#include "report_flow.h"
#include "report_goal.h"
#include "report_structural.h"
#include "req.h"
#include "view.h"

/* The shown columns' headings. */
static enum app_err
bind_heads(struct view_ctx *ctx, const struct report *rep)
{
	enum app_err e;

	for (int g = 0; g < RG__MAX; g++) {
		struct view_ctx *it;
		if (!report_column_shown(rep, g))
			continue;
		if ((it = view_ctx_list_add(ctx, "heads")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(
		         it, "name", report_gender_head(g))) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* One table into list `list` of ctx; `chart`: its chart, or NULL. */
static enum app_err
bind_table(struct req *r, struct view_ctx *ctx, const char *list,
    const struct report *rep, const struct report_table *tb,
    report_chart_fn chart)
{
	struct view_ctx *it = view_ctx_list_add(ctx, list);
	enum app_err e;

	if (it == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_cstr(it, "key", tb->key)) != APP_OK ||
	    (e = view_ctx_set_cstr(it, "caption", tb->title)) != APP_OK ||
	    (e = view_ctx_set_cstr(it, "note", tb->note)) != APP_OK ||
	    (e = view_ctx_set_cstr(it, "extra_head", tb->extra_head)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(it, "has_pct", tb->base != NULL)) !=
	        APP_OK ||
	    (e = view_ctx_set_list(it, "rows")) != APP_OK ||
	    (e = view_ctx_set_list(it, "chart")) != APP_OK)
		return e;
	if (chart != NULL) {
		struct view_ctx *c = view_ctx_list_add(it, "chart");
		if (c == NULL)
			return APP_ENOMEM;
		if ((e = chart(r, c, rep, tb)) != APP_OK)
			return e;
	}
	for (size_t i = 0; i < tb->nrows; i++) {
		const struct report_row *row = &tb->rows[i];
		struct view_ctx *ri = view_ctx_list_add(it, "rows");

		if (ri == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(ri, "label", row->label)) != APP_OK ||
		    (e = view_ctx_set_bool(ri, "total", row->total)) !=
		        APP_OK ||
		    (e = view_ctx_set_str(ri, "extra", row->extra)) != APP_OK ||
		    (e = view_ctx_set_list(ri, "cells")) != APP_OK)
			return e;
		for (int g = 0; g < RG__MAX; g++) {
			struct view_ctx *ci;
			if (!report_column_shown(rep, g))
				continue;
			if ((ci = view_ctx_list_add(ri, "cells")) == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_str(ci, "text",
			         report_value_text(r, rep, row, g))) !=
			        APP_OK ||
			    (e = view_ctx_set_str(ci, "pct",
			         report_pct_text(r, rep, tb, row, g))) !=
			        APP_OK)
				return e;
		}
	}
	return APP_OK;
}

static enum app_err
bind_tables(struct req *r, struct view_ctx *ctx, const struct report *rep)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "qtables")) != APP_OK)
		return e;
	for (int t = 0; t < RT__MAX; t++) {
		const struct report_table *tb = &rep->tables[t];
		report_chart_fn chart = t == RT_ALDER  ? report_chart_age
		    : t == RT_PLATSER && tb->nrows > 1 ? report_chart_places
		                                       : NULL;

		if ((e = bind_table(r, ctx, "tables", rep, tb, chart)) !=
		    APP_OK)
			return e;
	}
	for (size_t t = 0; t < rep->nptables; t++)
		if ((e = bind_table(r, ctx, "tables", rep, &rep->ptables[t],
		         NULL)) != APP_OK)
			return e;
	/* The step-by-step path (report_flow.h) and its flow chart. */
	if ((e = view_ctx_set_list(ctx, "ftables")) != APP_OK)
		return e;
	for (size_t t = 0; t < rep->nftables; t++)
		if ((e = bind_table(r, ctx, "ftables", rep, &rep->ftables[t],
		         NULL)) != APP_OK)
			return e;
	if ((e = report_flow_chart(r, ctx, rep)) != APP_OK)
		return e;
	/* The first questionnaire table is the answers; the next two pair
	 * start and end (report_quest.h), with a chart each. */
	for (size_t t = 0; t < rep->nqtables; t++)
		if ((e = bind_table(r, ctx, "qtables", rep, &rep->qtables[t],
		         t == 1 || t == 2 ? report_chart_pairs : NULL)) !=
		    APP_OK)
			return e;
	return APP_OK;
}

static enum app_err
bind_goals(struct req *r, struct view_ctx *ctx, const struct report *rep)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "goals")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "chart_goals")) != APP_OK)
		return e;
	for (size_t i = 0; i < rep->ngoals; i++) {
		const struct report_goal *gl = &rep->goals[i];
		struct view_ctx *it = view_ctx_list_add(ctx, "goals");
		enum report_verdict v = report_goal_verdict(rep, gl);

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "label", gl->label)) != APP_OK ||
		    (e = view_ctx_set_str(it, "target",
		         report_goal_target_text(r, gl))) != APP_OK ||
		    (e = view_ctx_set_cstr(
		         it, "verdict", report_verdict_label(v))) != APP_OK ||
		    (e = view_ctx_set_bool(
		         it, "met", v == REPORT_VERDICT_MET)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "not_met",
		         v == REPORT_VERDICT_NOT_MET)) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "how", gl->how)) != APP_OK ||
		    (e = view_ctx_set_list(it, "cells")) != APP_OK)
			return e;
		for (int g = 0; g < RG__MAX; g++) {
			struct view_ctx *ci;
			if (!report_column_shown(rep, g))
				continue;
			if ((ci = view_ctx_list_add(it, "cells")) == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_str(ci, "text",
			         report_goal_cell_text(r, rep, gl, g))) !=
			    APP_OK)
				return e;
		}
	}
	return report_chart_goals(r, ctx, rep);
}

enum app_err
page_report_bind(struct req *r, struct view_ctx *ctx, const struct report *rep,
    const char *idp, int hl)
{
	struct report_structural *st; /* structural insatser's part */
	size_t nst;
	enum app_err e;

	if ((e = view_ctx_set_bool(ctx, "report", 1)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "idp", idp)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "hl", hl)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "scope", rep->scope)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "from", rep->from)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "to", rep->to)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "min_cell", rep->min_cell)) != APP_OK ||
	    (e = bind_heads(ctx, rep)) != APP_OK ||
	    (e = bind_tables(r, ctx, rep)) != APP_OK ||
	    (e = bind_goals(r, ctx, rep)) != APP_OK ||
	    (e = report_structural_build(
	         r, rep->insats_id, rep->from, rep->to, &st, &nst)) != APP_OK ||
	    (e = report_structural_bind(r, ctx, st, nst)) != APP_OK)
		return e;
	/* A structural insats has no participants: its report is what it
	 * built, without the participant tables' empty rows. */
	return view_ctx_set_bool(
	    ctx, "structural_only", rep->insats_id != 0 && nst > 0);
}

enum app_err
page_report(struct req *r)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct report_form f;
	struct report rep;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = report_form_read(r, &f)) != APP_OK ||
	    (e = report_form_bind(ctx, &f)) != APP_OK)
		return e;
	if (f.nerr > 0) {
		r->resp.status = 400;
		return page_render(r, "rapport", "Verksamhetsrapport", ctx);
	}
	if ((e = report_form_build(r, &f, &rep)) != APP_OK)
		return e;
	if ((e = view_ctx_set_str(
	         ctx, "csv_query", report_form_query(r, &f))) != APP_OK ||
	    (e = page_report_bind(r, ctx, &rep, "", 2)) != APP_OK)
		return e;
	return page_render(r, "rapport", "Verksamhetsrapport", ctx);
}
