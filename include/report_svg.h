/*
 * report_svg.h: bar charts for the activity report, drawn on the server as
 * SVG through the view engine (views/partials/chart.html), so no script is
 * needed and every value stays escaped. This module only computes the
 * geometry (integer user units in a fixed viewBox) and binds it.
 *
 * A chart has groups (e.g. goals, months, age bands) of bars (series, e.g.
 * women, men, total); a bar may be missing (suppressed or not computable),
 * when only its label is drawn. Optionally a goal mark per group and a
 * step line across the groups (places budgeted). The text alternative is
 * the chart's title and desc (the numbers in words); the page shows the
 * same numbers in a table beside it.
 */
#ifndef REPORT_SVG_H
#define REPORT_SVG_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct arena;
struct view_ctx;

struct svg_chart {
	const char *id;    /* unique in the page: [a-z0-9-] */
	const char *title; /* Swedish */
	struct str desc;   /* the numbers in words */
	size_t ngroups, nseries;
	const struct str *groups;  /* ngroups labels */
	const char *const *series; /* nseries names, for the legend */
	const int *series_class;   /* nseries style numbers (CSS s0..s3) */
	const double *values;      /* ngroups * nseries, row-major */
	const int *has_value;      /* ngroups * nseries: 0 = no bar */
	const struct str *labels;  /* ngroups * nseries: text at the bar */
	int percent;               /* the axis is 0..100 % */
	const double *goal;    /* ngroups goals (percent), < 0 none; or NULL */
	const double *line;    /* ngroups values, < 0 gap; or NULL */
	const char *line_name; /* legend of the line */
	size_t label_every;    /* show every n-th group label (0 = 1) */
};

/* Bind the chart's geometry and texts to ctx (keys used by the partial
 * "chart"). APP_ENOMEM when the arena is full. */
enum app_err svg_chart_bind(struct view_ctx *ctx, const struct svg_chart *);

/*
 * A flow chart (the step-by-step path between insatser): nodes on the left
 * (where people came from) and on the right (where they went), joined by
 * bands as wide as the number of people. Only shown figures are drawn to
 * scale: a hidden link is a thin dashed line marked "×" whatever its size,
 * and a node is as tall as its shown links (at least a few units), so
 * nothing in the drawing tells a hidden figure. The nodes' labels are given
 * as they are to be read (with a figure only when the caller publishes one).
 */
struct svg_flow_link {
	size_t from, to; /* a left and a right node */
	long long value; /* people; drawn only when shown */
	int shown;       /* 0: hidden ("×") */
};

struct svg_flow {
	const char *id;    /* unique in the page: [a-z0-9-] */
	const char *title; /* Swedish */
	struct str desc;   /* the numbers in words */
	size_t nleft, nright, nlinks;
	const struct str *left, *right; /* the nodes' labels */
	const struct svg_flow_link *links;
};

/* Bind the flow chart's geometry and texts to ctx (the keys of the partial
 * "flow_chart"); its path texts in a. APP_ENOMEM when the arena is full. */
enum app_err svg_flow_bind(
    struct arena *a, struct view_ctx *ctx, const struct svg_flow *);

#endif /* !REPORT_SVG_H */
