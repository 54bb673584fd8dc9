/* report_chart.c: the activity report's charts; see include/report_chart.h. */
#include <string.h>

#include "arena.h"
#include "report.h"
#include "report_chart.h"
#include "report_goal.h"
#include "report_svg.h"
#include "report_suppress.h"
#include "req.h"
#include "view.h"

/* "Kvinnor 12, Män ×, Totalt 17": a row in words, for a chart's desc. */
static enum app_err
row_words(struct req *r, struct buf *b, const struct report *rep,
    const struct report_row *row)
{
	enum app_err e;

	if ((e = buf_append(b, row->label.p, row->label.len)) != APP_OK ||
	    (e = buf_puts(b, ": ")) != APP_OK)
		return e;
	for (int g = 0; g < RG__MAX; g++) {
		struct str v;
		if (!report_column_shown(rep, g))
			continue;
		v = report_value_text(r, rep, row, g);
		if ((e = buf_printf(b, "%s%s ", g ? ", " : "",
		         report_gender_head(g))) != APP_OK ||
		    (e = buf_append(b, v.p, v.len)) != APP_OK)
			return e;
	}
	return buf_puts(b, ". ");
}

static int
cell_shown(const struct report *rep, int cell)
{
	return sup_mark(rep->sup, cell) == SUP_SHOWN;
}

/* Age bands by gender (counts), women, men and other as bars. */
enum app_err
report_chart_age(struct req *r, struct view_ctx *it, const struct report *rep,
    const struct report_table *t)
{
	static const char *const series[] = { "Kvinnor", "Män", "Annat kön" };
	static const int cls[] = { 0, 1, 2 };
	size_t ns = rep->has_annat ? 3 : 2, ng = t->nrows - 1;
	double v[16];
	int has[16];
	struct str labels[16], groups[8];
	struct buf d;
	struct svg_chart c = { 0 };
	enum app_err e;

	buf_init(&d, r->a);
	for (size_t g = 0; g < ng && g < 4; g++) {
		groups[g] = t->rows[g].label;
		if ((e = row_words(r, &d, rep, &t->rows[g])) != APP_OK)
			return e;
		for (size_t s = 0; s < ns; s++) {
			const struct report_row *row = &t->rows[g];
			v[g * ns + s] = (double)row->n[s];
			has[g * ns + s] = cell_shown(rep, row->cell[s]);
			labels[g * ns + s] =
			    report_value_text(r, rep, row, (int)s);
		}
	}
	c.id = "diagram-alder";
	c.title = "Ålder vid start, antal per kön";
	c.desc = buf_str(&d);
	c.ngroups = ng;
	c.nseries = ns;
	c.groups = groups;
	c.series = series;
	c.series_class = cls;
	c.values = v;
	c.has_value = has;
	c.labels = labels;
	return svg_chart_bind(it, &c);
}

/* Places in use per month against the budget. */
enum app_err
report_chart_places(struct req *r, struct view_ctx *it,
    const struct report *rep, const struct report_table *t)
{
	static const char *const series[] = { "Använda platser (snitt)" };
	static const int cls[] = { 3 };
	size_t ng = t->nrows - 1;
	double *v, *line;
	int *has;
	struct str *labels, *groups;
	struct buf d;
	struct svg_chart c = { 0 };
	enum app_err e;

	if (ng == 0)
		return APP_OK;
	v = arena_calloc(r->a, ng, sizeof(*v));
	line = arena_calloc(r->a, ng, sizeof(*line));
	has = arena_calloc(r->a, ng, sizeof(*has));
	labels = arena_calloc(r->a, ng, sizeof(*labels));
	groups = arena_calloc(r->a, ng, sizeof(*groups));
	if (v == NULL || line == NULL || has == NULL || labels == NULL ||
	    groups == NULL)
		return APP_ENOMEM;
	buf_init(&d, r->a);
	for (size_t g = 0; g < ng; g++) {
		const struct report_row *row = &t->rows[g];
		struct str tv = report_value_text(r, rep, row, RG_TOTAL);

		groups[g] = row->label.len == 7
		    ? (struct str){ row->label.p + 5, 2 } /* the month */
		    : row->label;
		v[g] = row->value[RG_TOTAL];
		has[g] = row->kind == RR_PLACES;
		labels[g] = ng <= 12 && has[g] ? tv : STR_LIT("");
		line[g] = str_to_ll(row->extra) > 0
		    ? (double)str_to_ll(row->extra)
		    : -1;
		if ((e = buf_append(&d, row->label.p, row->label.len)) !=
		        APP_OK ||
		    (e = buf_puts(&d, ": använda ")) != APP_OK ||
		    (e = buf_append(&d, has[g] ? tv.p : "–",
		         has[g] ? tv.len : strlen("–"))) != APP_OK ||
		    (e = buf_puts(&d, ", budget ")) != APP_OK ||
		    (e = buf_append(&d, row->extra.p, row->extra.len)) !=
		        APP_OK ||
		    (e = buf_puts(&d, ". ")) != APP_OK)
			return e;
	}
	c.id = "diagram-platser";
	c.title = "Använda platser per månad mot budgeterade platser";
	c.desc = buf_str(&d);
	c.ngroups = ng;
	c.nseries = 1;
	c.groups = groups;
	c.series = series;
	c.series_class = cls;
	c.values = v;
	c.has_value = has;
	c.labels = labels;
	c.line = line;
	c.line_name = "Budgeterade platser";
	c.label_every = ng > 24 ? 6 : ng > 12 ? 3 : 1;
	return svg_chart_bind(it, &c);
}

/* The computable goals: share reaching it per gender, the goal marked. */
enum app_err
report_chart_goals(
    struct req *r, struct view_ctx *ctx, const struct report *rep)
{
	static const char *const series[] = { "Kvinnor", "Män", "Annat kön",
		"Totalt" };
	static const int cls3[] = { 0, 1, 2, 3 }, cls2[] = { 0, 1, 3 };
	const char *const series2[] = { series[0], series[1], series[3] };
	size_t ns = rep->has_annat ? 4 : 3, ng = 0;
	double *v, *goal;
	int *has;
	struct str *labels, *groups;
	struct buf d;
	struct svg_chart c = { 0 };
	struct view_ctx *it;
	enum app_err e;

	for (size_t i = 0; i < rep->ngoals; i++)
		ng += rep->goals[i].computable;
	if (ng == 0)
		return APP_OK;
	v = arena_calloc(r->a, ng * ns, sizeof(*v));
	goal = arena_calloc(r->a, ng, sizeof(*goal));
	has = arena_calloc(r->a, ng * ns, sizeof(*has));
	labels = arena_calloc(r->a, ng * ns, sizeof(*labels));
	groups = arena_calloc(r->a, ng, sizeof(*groups));
	if (v == NULL || goal == NULL || has == NULL || labels == NULL ||
	    groups == NULL ||
	    (it = view_ctx_list_add(ctx, "chart_goals")) == NULL)
		return APP_ENOMEM;
	buf_init(&d, r->a);
	for (size_t i = 0, k = 0; i < rep->ngoals; i++) {
		const struct report_goal *gl = &rep->goals[i];
		if (!gl->computable)
			continue;
		groups[k] = str_cstr(report_goal_kind_short(gl->kind));
		goal[k] = 100.0 * (double)gl->num / (double)gl->den;
		if ((e = buf_printf(&d,
		         "%s, mål %lld %%: ", report_goal_kind_short(gl->kind),
		         (gl->num * 100 + gl->den / 2) / gl->den)) != APP_OK)
			return e;
		for (size_t s = 0, g = 0; g < RG__MAX; g++) {
			double pct;
			int met, ok;
			struct str lb;

			if (!report_column_shown(rep, (int)g))
				continue;
			ok = report_goal_result(rep, gl, (int)g, &pct, &met);
			lb = ok ? report_goal_pct_text(r, rep, gl, (int)g)
			    : sup_mark(rep->sup, gl->cell[g]) != SUP_SHOWN
			    ? report_mark_text(r, rep, gl->cell[g])
			    : STR_LIT("–");
			v[k * ns + s] = ok ? pct : 0;
			has[k * ns + s] = ok;
			labels[k * ns + s] = lb;
			if ((e = buf_printf(&d, "%s%s ", s ? ", " : "",
			         report_gender_head((int)g))) != APP_OK ||
			    (e = buf_append(&d, lb.p, lb.len)) != APP_OK)
				return e;
			s++;
		}
		if ((e = buf_puts(&d, ". ")) != APP_OK)
			return e;
		k++;
	}
	c.id = "diagram-mal";
	c.title = "Resultat vid avslut per kön mot målen";
	c.desc = buf_str(&d);
	c.ngroups = ng;
	c.nseries = ns;
	c.groups = groups;
	c.series = rep->has_annat ? series : series2;
	c.series_class = rep->has_annat ? cls3 : cls2;
	c.values = v;
	c.has_value = has;
	c.labels = labels;
	c.percent = 1;
	c.goal = goal;
	return svg_chart_bind(it, &c);
}

/* Start vs end of a paired table (report_quest.h): the mean at start and
 * at end per gender. */
enum app_err
report_chart_pairs(struct req *r, struct view_ctx *it, const struct report *rep,
    const struct report_table *t)
{
	static const char *const series[] = { "Start", "Slut" };
	static const int cls[] = { 0, 3 };
	/* Rows of report_quest.c: paired 1, mean at start 7, at end 8. */
	const struct report_row *paired = &t->rows[1],
	                        *rows[2] = { &t->rows[7], &t->rows[8] };
	double v[8];
	int has[8];
	struct str labels[8], groups[4];
	struct buf d, id;
	struct svg_chart c = { 0 };
	size_t ng = 0;
	enum app_err e;

	buf_init(&d, r->a);
	buf_init(&id, r->a);
	for (int g = 0; g < RG__MAX; g++) {
		if (!report_column_shown(rep, g))
			continue;
		groups[ng] = str_cstr(report_gender_head(g));
		if ((e = buf_printf(&d, "%s: ", report_gender_head(g))) !=
		    APP_OK)
			return e;
		for (size_t s = 0; s < 2; s++) {
			struct str tv = report_value_text(r, rep, rows[s], g);
			v[ng * 2 + s] = rows[s]->value[g];
			has[ng * 2 + s] = cell_shown(rep, paired->cell[g]) &&
			    paired->n[g] > 0;
			labels[ng * 2 + s] = tv;
			if ((e = buf_printf(&d, "%s%s ", s ? ", " : "",
			         series[s])) != APP_OK ||
			    (e = buf_append(&d, tv.p, tv.len)) != APP_OK)
				return e;
		}
		if ((e = buf_puts(&d, ". ")) != APP_OK)
			return e;
		ng++;
	}
	if ((e = buf_printf(&id, "diagram-%s", t->key)) != APP_OK ||
	    (e = buf_append(&id, "", 1)) != APP_OK)
		return e;
	c.id = id.p;
	c.title = t->rows == NULL ? "" : t->title;
	c.desc = buf_str(&d);
	c.ngroups = ng;
	c.nseries = 2;
	c.groups = groups;
	c.series = series;
	c.series_class = cls;
	c.values = v;
	c.has_value = has;
	c.labels = labels;
	return svg_chart_bind(it, &c);
}
