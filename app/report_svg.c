/* report_svg.c: bar chart geometry; see include/report_svg.h. */
#include "arena.h"
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

/* The flow chart: label columns beside two node columns, bands between. */
#define FW      640
#define F_TOP   24
#define F_GAP   22  /* between nodes of one column */
#define F_NODEW 10  /* a node's width */
#define F_MINH  4   /* a node with nothing shown */
#define F_PLOT  240 /* the tallest column's people, at most */
#define F_SCALE 6.0 /* units per person, at most */
#define F_LX    254 /* the left nodes' right edge */
#define F_RX    404 /* the right nodes' left edge */

/* A node column's heights and tops; returns its bottom. */
static double
flow_column(const double *sum, size_t n, double scale, double *top, double *h)
{
	double y = F_TOP;

	for (size_t i = 0; i < n; i++) {
		h[i] = sum[i] * scale;
		if (h[i] < F_MINH)
			h[i] = F_MINH;
		top[i] = y;
		y += h[i] + F_GAP;
	}
	return n ? y - F_GAP : y;
}

static enum app_err
flow_node(struct view_ctx *ctx, struct str label, double x, double y, double h,
    int left)
{
	struct view_ctx *it = view_ctx_list_add(ctx, "nodes");
	enum app_err e;

	if (it == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_int(it, "x", (long long)x)) != APP_OK ||
	    (e = view_ctx_set_int(it, "y", (long long)(y + 0.5))) != APP_OK ||
	    (e = view_ctx_set_int(it, "nw", F_NODEW)) != APP_OK ||
	    (e = view_ctx_set_int(it, "nh", (long long)(h + 0.5))) != APP_OK ||
	    (e = view_ctx_set_int(it, "tx",
	         left ? (long long)x - 4 : (long long)x + F_NODEW + 4)) !=
	        APP_OK ||
	    (e = view_ctx_set_int(it, "ty", (long long)(y + h / 2 + 4))) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(it, "anchor", left ? "end" : "start")) !=
	        APP_OK ||
	    (e = view_ctx_set_str(it, "label", label)) != APP_OK)
		return e;
	return APP_OK;
}

enum app_err
svg_flow_bind(struct arena *a, struct view_ctx *ctx, const struct svg_flow *c)
{
	double *sl, *sr, *tl, *tr, *hl, *hr, *ol;
	double scale, most = 0, bottom;
	size_t nl = c->nleft ? c->nleft : 1, nr = c->nright ? c->nright : 1;
	enum app_err e;

	if ((sl = arena_calloc(a, nl * 4, sizeof(double))) == NULL ||
	    (sr = arena_calloc(a, nr * 3, sizeof(double))) == NULL)
		return APP_ENOMEM;
	tl = sl + nl;
	hl = tl + nl;
	ol = hl + nl;
	tr = sr + nr;
	hr = tr + nr;
	for (size_t k = 0; k < c->nlinks; k++) {
		const struct svg_flow_link *l = &c->links[k];
		if (!l->shown || l->from >= c->nleft || l->to >= c->nright)
			continue;
		sl[l->from] += (double)l->value;
		sr[l->to] += (double)l->value;
	}
	{
		double suml = 0, sumr = 0;
		for (size_t i = 0; i < c->nleft; i++)
			suml += sl[i];
		for (size_t j = 0; j < c->nright; j++)
			sumr += sr[j];
		most = suml > sumr ? suml : sumr;
	}
	scale = most > 0 && F_PLOT / most < F_SCALE ? F_PLOT / most : F_SCALE;
	bottom = flow_column(sl, c->nleft, scale, tl, hl);
	{
		double b2 = flow_column(sr, c->nright, scale, tr, hr);
		if (b2 > bottom)
			bottom = b2;
	}
	if ((e = view_ctx_set_cstr(ctx, "id", c->id)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "title", c->title)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "desc", c->desc)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "w", FW)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "h", (long long)bottom + 12)) !=
	        APP_OK ||
	    (e = view_ctx_set_int(ctx, "lx", F_LX)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "rx", F_RX)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "links")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "nodes")) != APP_OK)
		return e;
	/* Bands leave a left node in the order of their right nodes and
	 * reach a right node in the order of their left nodes, so they
	 * cross as little as the order allows. */
	for (size_t i = 0; i < c->nleft; i++)
		for (size_t j = 0; j < c->nright; j++)
			for (size_t k = 0; k < c->nlinks; k++) {
				const struct svg_flow_link *l = &c->links[k];
				double w, y0, y1, xm = (F_LX + F_RX) / 2.0;
				struct view_ctx *it;
				struct buf d;

				if (l->from != i || l->to != j ||
				    (l->shown && l->value <= 0))
					continue;
				w = l->shown ? (double)l->value * scale : 0;
				y0 = tl[i] + ol[i];
				ol[i] += w;
				y1 = tr[j];
				buf_init(&d, a);
				if ((it = view_ctx_list_add(ctx, "links")) ==
				    NULL)
					return APP_ENOMEM;
				/* The right end's offset: bands from nodes
				 * above it come first. */
				for (size_t i2 = 0; i2 < i; i2++)
					for (size_t k2 = 0; k2 < c->nlinks;
					     k2++)
						if (c->links[k2].from == i2 &&
						    c->links[k2].to == j &&
						    c->links[k2].shown)
							y1 +=
							    (double)c->links[k2]
							        .value *
							    scale;
				if ((e = buf_printf(&d,
				         "M%d %d C%d %d %d %d %d %d", F_LX,
				         (int)(y0 + 0.5), (int)xm,
				         (int)(y0 + 0.5), (int)xm,
				         (int)(y1 + 0.5), F_RX,
				         (int)(y1 + 0.5))) != APP_OK ||
				    (w > 0 &&
				        (e = buf_printf(&d,
				             " L%d %d C%d %d %d %d %d %d Z",
				             F_RX, (int)(y1 + w + 0.5), (int)xm,
				             (int)(y1 + w + 0.5), (int)xm,
				             (int)(y0 + w + 0.5), F_LX,
				             (int)(y0 + w + 0.5))) != APP_OK))
					return e;
				if ((e = view_ctx_set_str(
				         it, "d", buf_str(&d))) != APP_OK ||
				    (e = view_ctx_set_bool(
				         it, "shown", l->shown)) != APP_OK ||
				    (e = view_ctx_set_int(
				         it, "tx", (long long)xm)) != APP_OK ||
				    (e = view_ctx_set_int(it, "ty",
				         (long long)((y0 + y1 + w) / 2 + 4))) !=
				        APP_OK ||
				    (e = view_ctx_set_int(
				         it, "value", l->value)) != APP_OK ||
				    (e = view_ctx_set_bool(it, "labelled",
				         l->shown && w >= 12)) != APP_OK)
					return e;
			}
	for (size_t i = 0; i < c->nleft; i++)
		if ((e = flow_node(ctx, c->left[i], F_LX - F_NODEW, tl[i],
		         hl[i], 1)) != APP_OK)
			return e;
	for (size_t j = 0; j < c->nright; j++)
		if ((e = flow_node(ctx, c->right[j], F_RX, tr[j], hr[j], 0)) !=
		    APP_OK)
			return e;
	return APP_OK;
}
