/* page_report_csv.c: the activity report as CSV; see include/page_report.h. */
#include "audit.h"
#include "page_report.h"
#include "page_report_form.h"
#include "pages.h"
#include "report.h"
#include "report_goal.h"
#include "req.h"
#include "view.h"

/*
 * Columns: Tabell; Rad; one per shown gender column; Extra (the table's
 * extra column, a goal's target); the same gender columns as percent of
 * the table's base; Bedömning (a goal's verdict). One row per table row,
 * the goals as table "mal".
 */
static enum app_err
csv_write(struct req *r, const struct report *rep)
{
	struct buf *b = &r->resp.body;
	enum app_err e;

	if ((e = buf_csv_cell(b, STR_LIT("Tabell"), 0)) != APP_OK ||
	    (e = buf_csv_cell(b, STR_LIT("Rad"), 0)) != APP_OK)
		return e;
	for (int pass = 0; pass < 2; pass++) {
		for (int g = 0; g < RG__MAX; g++) {
			struct buf h;
			if (!report_column_shown(rep, g))
				continue;
			buf_init(&h, r->a);
			if ((e = buf_puts(&h, report_gender_head(g))) !=
			        APP_OK ||
			    (pass && (e = buf_puts(&h, " %")) != APP_OK) ||
			    (e = buf_csv_cell(b, buf_str(&h), 0)) != APP_OK)
				return e;
		}
		if (!pass &&
		    (e = buf_csv_cell(b, STR_LIT("Extra"), 0)) != APP_OK)
			return e;
	}
	if ((e = buf_csv_cell(b, STR_LIT("Bedömning"), 1)) != APP_OK)
		return e;
	for (size_t t = 0; t < RT__MAX + rep->nftables + rep->nqtables; t++) {
		const struct report_table *tb = t < RT__MAX ? &rep->tables[t]
		    : t < RT__MAX + rep->nftables
		    ? &rep->ftables[t - RT__MAX]
		    : &rep->qtables[t - RT__MAX - rep->nftables];
		for (size_t i = 0; i < tb->nrows; i++) {
			const struct report_row *row = &tb->rows[i];
			if ((e = buf_csv_cell(b, str_cstr(tb->key), 0)) !=
			        APP_OK ||
			    (e = buf_csv_cell(b, row->label, 0)) != APP_OK)
				return e;
			for (int g = 0; g < RG__MAX; g++)
				if (report_column_shown(rep, g) &&
				    (e = buf_csv_cell(b,
				         report_value_text(r, rep, row, g),
				         0)) != APP_OK)
					return e;
			if ((e = buf_csv_cell(b, row->extra, 0)) != APP_OK)
				return e;
			for (int g = 0; g < RG__MAX; g++)
				if (report_column_shown(rep, g) &&
				    (e = buf_csv_cell(b,
				         report_pct_text(r, rep, tb, row, g),
				         0)) != APP_OK)
					return e;
			if ((e = buf_csv_cell(b, STR_LIT(""), 1)) != APP_OK)
				return e;
		}
	}
	for (size_t i = 0; i < rep->ngoals; i++) {
		const struct report_goal *gl = &rep->goals[i];
		const char *verdict =
		    report_verdict_label(report_goal_verdict(rep, gl));

		if ((e = buf_csv_cell(b, STR_LIT("mal"), 0)) != APP_OK ||
		    (e = buf_csv_cell(b, gl->label, 0)) != APP_OK)
			return e;
		for (int g = 0; g < RG__MAX; g++)
			if (report_column_shown(rep, g) &&
			    (e = buf_csv_cell(b,
			         report_goal_count_text(r, rep, gl, g), 0)) !=
			        APP_OK)
				return e;
		if ((e = buf_csv_cell(b, report_goal_target_text(r, gl), 0)) !=
		    APP_OK)
			return e;
		for (int g = 0; g < RG__MAX; g++)
			if (report_column_shown(rep, g) &&
			    (e = buf_csv_cell(
			         b, report_goal_pct_text(r, rep, gl, g), 0)) !=
			        APP_OK)
				return e;
		if ((e = buf_csv_cell(b, str_cstr(verdict), 1)) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
page_report_csv(struct req *r)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct report_form f;
	struct report rep;
	struct buf detail;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = report_form_read(r, &f)) != APP_OK)
		return e;
	if (f.nerr > 0) {
		if ((e = report_form_bind(ctx, &f)) != APP_OK)
			return e;
		r->resp.status = 400;
		return page_render(r, "rapport", "Verksamhetsrapport", ctx);
	}
	if ((e = report_form_build(r, &f, &rep)) != APP_OK)
		return e;
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "activity report %s..%s", f.from, f.to)) !=
	        APP_OK ||
	    (e = audit_write(r, AUDIT_EXPORT, "report",
	         f.insats ? f.insats : -1, STR_LIT(""), buf_str(&detail))) !=
	        APP_OK)
		return e;
	r->resp.body.len = 0;
	r->resp.content_type = "text/csv; charset=utf-8";
	if ((e = resp_header(&r->resp, "Content-Disposition",
	         STR_LIT("attachment; filename=\"verksamhetsrapport.csv\""))) !=
	        APP_OK ||
	    (e = buf_puts(&r->resp.body, "\xEF\xBB\xBF")) != APP_OK)
		return e;
	return csv_write(r, &rep);
}
