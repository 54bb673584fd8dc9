/* report_svg.c: bar chart geometry; see include/report_svg.h. */
#include "report_svg.h"
#include "view.h"

#define W      640
#define H      280
#define LEFT   48
#define RIGHT  12
#define TOP    16
#define BOTTOM 44

/* The smallest 1, 2 or 5 times a power of ten at or above v (>= 1). */
static double
nice_max(double v)
{
	double p = 1;

	if (v <= 1)
		return 1;
	while (p * 10 < v)
		p *= 10;
	if (v <= p)
		return p;
	if (v <= 2 * p)
		return 2 * p;
	if (v <= 5 * p)
		return 5 * p;
	return 10 * p;
}

static long long
y_of(double v, double ymax)
{
	double plot = H - TOP - BOTTOM;

	if (v < 0)
		v = 0;
	if (v > ymax)
		v = ymax;
	return (long long)(TOP + plot - plot * v / ymax + 0.5);
}

static enum app_err
svg_ticks(struct view_ctx *ctx, double ymax, int percent)
{
	enum app_err e;

	for (int i = 0; i <= 4; i++) {
		double v = ymax * i / 4;
		struct view_ctx *t = view_ctx_list_add(ctx, "ticks");
		long long y = y_of(v, ymax);
		long long iv = (long long)(v + 0.5);

		if (t == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(t, "y", y)) != APP_OK ||
		    (e = view_ctx_set_int(t, "ty", y + 4)) != APP_OK ||
		    (e = view_ctx_set_int(t, "v", iv)) != APP_OK ||
		    (e = view_ctx_set_bool(t, "pct", percent)) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
svg_chart_bind(struct view_ctx *ctx, const struct svg_chart *c)
{
	double ymax = 0, plotw = W - LEFT - RIGHT;
	double gw = c->ngroups ? plotw / (double)c->ngroups : plotw;
	double bw = c->nseries ? (gw * 0.8) / (double)c->nseries : gw;
	size_t every = c->label_every ? c->label_every : 1;
	enum app_err e;

	for (size_t i = 0; i < c->ngroups * c->nseries; i++)
		if (c->has_value[i] && c->values[i] > ymax)
			ymax = c->values[i];
	for (size_t g = 0; c->line && g < c->ngroups; g++)
		if (c->line[g] > ymax)
			ymax = c->line[g];
	ymax = c->percent ? 100 : nice_max(ymax);
	if ((e = view_ctx_set_cstr(ctx, "id", c->id)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "title", c->title)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "desc", c->desc)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "w", W)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "h", H)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "x0", LEFT)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "x1", W - RIGHT)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "y0", H - BOTTOM)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "tx", LEFT - 6)) != APP_OK ||
	    (e = svg_ticks(ctx, ymax, c->percent)) != APP_OK)
		return e;
	for (size_t s = 0; s < c->nseries; s++) {
		struct view_ctx *l = view_ctx_list_add(ctx, "legend");
		if (l == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(l, "name", c->series[s])) !=
		        APP_OK ||
		    (e = view_ctx_set_int(l, "cls", c->series_class[s])) !=
		        APP_OK)
			return e;
	}
	if (c->line != NULL && c->line_name != NULL &&
	    (e = view_ctx_set_cstr(ctx, "line_name", c->line_name)) != APP_OK)
		return e;
	for (size_t g = 0; g < c->ngroups; g++) {
		double gx = LEFT + gw * (double)g;
		struct view_ctx *gi = view_ctx_list_add(ctx, "groups");

		if (gi == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(gi, "x", (long long)(gx + gw / 2))) !=
		        APP_OK ||
		    (e = view_ctx_set_int(gi, "y", H - BOTTOM + 16)) !=
		        APP_OK ||
		    (e = view_ctx_set_str(gi, "label",
		         g % every == 0 ? c->groups[g] : STR_LIT(""))) !=
		        APP_OK)
			return e;
		if (c->goal != NULL && c->goal[g] >= 0) {
			long long gy = y_of(c->goal[g], ymax);
			if ((e = view_ctx_set_bool(gi, "has_goal", 1)) !=
			        APP_OK ||
			    (e = view_ctx_set_int(gi, "gx1",
			         (long long)(gx + gw * 0.05))) != APP_OK ||
			    (e = view_ctx_set_int(gi, "gx2",
			         (long long)(gx + gw * 0.95))) != APP_OK ||
			    (e = view_ctx_set_int(gi, "gy", gy)) != APP_OK ||
			    (e = view_ctx_set_int(gi, "gty", gy - 4)) !=
			        APP_OK ||
			    (e = view_ctx_set_int(gi, "goal",
			         (long long)(c->goal[g] + 0.5))) != APP_OK)
				return e;
		}
		for (size_t s = 0; s < c->nseries; s++) {
			size_t i = g * c->nseries + s;
			double bx = gx + gw * 0.1 + bw * (double)s;
			long long top = c->has_value[i]
			    ? y_of(c->values[i], ymax)
			    : H - BOTTOM;
			struct view_ctx *b = view_ctx_list_add(gi, "bars");

			if (b == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_int(b, "x", (long long)bx)) !=
			        APP_OK ||
			    (e = view_ctx_set_int(b, "bw",
			         (long long)(bw > 2 ? bw - 1 : 1))) != APP_OK ||
			    (e = view_ctx_set_int(b, "y", top)) != APP_OK ||
			    (e = view_ctx_set_int(b, "bh", H - BOTTOM - top)) !=
			        APP_OK ||
			    (e = view_ctx_set_bool(
			         b, "drawn", c->has_value[i])) != APP_OK ||
			    (e = view_ctx_set_int(
			         b, "cls", c->series_class[s])) != APP_OK ||
			    (e = view_ctx_set_int(b, "lx",
			         (long long)(bx + bw / 2))) != APP_OK ||
			    (e = view_ctx_set_int(b, "ly", top - 3)) !=
			        APP_OK ||
			    (e = view_ctx_set_str(b, "label", c->labels[i])) !=
			        APP_OK)
				return e;
		}
	}
	if (c->line == NULL)
		return APP_OK;
	/* The budget as a step line: one horizontal segment per group. */
	{
		struct view_ctx *seg;
		for (size_t g = 0; g < c->ngroups; g++) {
			if (c->line[g] < 0)
				continue;
			if ((seg = view_ctx_list_add(ctx, "steps")) == NULL)
				return APP_ENOMEM;
			if ((e = view_ctx_set_int(seg, "sx1",
			         (long long)(LEFT + gw * (double)g))) !=
			        APP_OK ||
			    (e = view_ctx_set_int(seg, "sx2",
			         (long long)(LEFT + gw * (double)(g + 1)))) !=
			        APP_OK ||
			    (e = view_ctx_set_int(
			         seg, "sy", y_of(c->line[g], ymax))) != APP_OK)
				return e;
		}
	}
	return APP_OK;
}
