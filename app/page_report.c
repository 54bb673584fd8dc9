/* page_report.c: the activity report page and its CSV; see
 * include/page_report.h. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "conf.h"
#include "date.h"
#include "db.h"
#include "form.h"
#include "form_registry.h"
#include "page_report.h"
#include "pages.h"
#include "report.h"
#include "report_quest.h"
#include "report_svg.h"
#include "report_suppress.h"
#include "req.h"
#include "session.h"
#include "sql_report.h"
#include "view.h"

#define MSG_PICK "Välj ett av alternativen i listan."

static const char *const period_choices[] = { "ar", "jan-aug", "q1", "q2", "q3",
	"q4", "fritt", NULL };
enum { PER_AR, PER_JANAUG, PER_Q1, PER_Q2, PER_Q3, PER_Q4, PER_FRITT };

enum { RF_INSATS, RF_PERIOD, RF_YEAR, RF_FROM, RF_TO, RF_QUEST, RF__MAX };
static const struct field_spec report_spec[RF__MAX] = {
	[RF_INSATS] = { "insats", FT_INT, 0, 4294967295LL, 0, NULL },
	[RF_PERIOD] = { "period", FT_ENUM, 0, 0, 0, period_choices },
	[RF_YEAR] = { "ar", FT_INT, 2000, 2100, 0, NULL },
	/* Months, ÅÅÅÅ-MM (report.h: whole months only); read_month(). */
	[RF_FROM] = { "fran", FT_TEXT, 1, 16, 0, NULL },
	[RF_TO] = { "till", FT_TEXT, 1, 16, 0, NULL },
	[RF_QUEST] = { "enkat", FT_TEXT, 1, 64, 0, NULL },
};
static const char *const error_keys[RF__MAX] = { "insats_error", "period_error",
	"year_error", "from_error", "to_error", "quest_error" };

/* The questionnaire reported when none is chosen (the participants'
 * ongoing indicator questionnaire), if it is loaded. */
#define QUEST_DEFAULT "deltagare_pagaende"

struct report_form {
	struct field_val fv[RF__MAX];
	size_t nerr;
	struct db_rows ins; /* the insatser the caller may choose */
	struct db_rows qs;  /* the questionnaires: code, title */
	long long quest;    /* chosen row of qs; -1: none loaded */
	int forbund;        /* may choose the whole förbund */
	long long insats;   /* chosen; 0: the whole förbund */
	long long period, year;
	char from[40], to[40], today[40];
	struct str scope;
};

static void
form_fail(struct report_form *f, int k, const char *msg)
{
	if (f->fv[k].ok) {
		f->fv[k].ok = 0;
		f->fv[k].error = msg;
		f->nerr++;
	}
}

/* Field k as a month "ÅÅÅÅ-MM" into *y, *m: 1, or 0 with the field's
 * error (`missing` when it is empty). The calendar check is date.c's, on
 * the first day of the month. */
static int
read_month(struct report_form *f, int k, const char *missing, int *y, int *m)
{
	struct field_val *v = &f->fv[k];
	char day[16];
	int d;

	if (!v->present) {
		form_fail(f, k, missing);
		return 0;
	}
	if (!v->ok)
		return 0;
	if (v->s.len == 7) {
		memcpy(day, v->s.p, 7);
		memcpy(day + 7, "-01", 4);
		if (date_parse_iso(str_cstr(day), y, m, &d))
			return 1;
	}
	form_fail(f, k,
	    "Ange en hel månad som ÅÅÅÅ-MM, till exempel 2021-03. "
	    "Rapporter gäller hela månader.");
	return 0;
}

/* Read and check the form; the defaults are the caller's first choice
 * (the whole förbund for the förbund role) and this year. */
static enum app_err
report_form_read(struct req *r, struct report_form *f)
{
	struct db_param p[2];
	int ty, tm, td;
	long long end_year = 0;
	enum app_err e;

	memset(f, 0, sizeof(*f));
	f->forbund = (r->user->roles & ROLE_BIT(ROLE_FORBUND)) != 0;
	p[0] = DB_INT(f->forbund ? 0 : r->user->id);
	p[1] = p[0];
	if ((e = db_exec(r->db, r->a, DB_REPORT, SQL_REPORT_INSATSER, p, 2,
	         &f->ins)) != APP_OK ||
	    (e = db_exec(r->db, r->a, DB_REPORT, SQL_REPORT_QUESTS, NULL, 0,
	         &f->qs)) != APP_OK ||
	    (e = form_validate(r->a, &r->query, report_spec, RF__MAX, f->fv,
	         &f->nerr)) != APP_OK)
		return e;
	f->quest = -1;
	for (size_t i = 0; i < f->qs.nrows; i++) {
		struct str c = db_cell(&f->qs, i, 0);
		if (f->fv[RF_QUEST].present && f->fv[RF_QUEST].ok
		        ? str_eq(c, f->fv[RF_QUEST].s)
		        : f->quest < 0 || str_eq_cstr(c, QUEST_DEFAULT))
			f->quest = (long long)i;
	}
	if (f->fv[RF_QUEST].present && f->quest < 0)
		form_fail(f, RF_QUEST, MSG_PICK);
	date_today(&ty, &tm, &td);
	(void)snprintf(
	    f->today, sizeof(f->today), "%04d-%02d-%02d", ty, tm, td);
	f->scope = STR_LIT("Hela förbundet");
	if (f->fv[RF_INSATS].present && f->fv[RF_INSATS].ok)
		f->insats = f->fv[RF_INSATS].i;
	else if (!f->forbund && f->ins.nrows > 0)
		f->insats = str_to_ll(db_cell(&f->ins, 0, 0));
	if (f->insats == 0 && !f->forbund)
		form_fail(f, RF_INSATS,
		    f->ins.nrows ? MSG_PICK
		                 : "Du arbetar inte i någon insats med "
		                   "deltagare.");
	for (size_t i = 0; f->insats != 0 && i <= f->ins.nrows; i++) {
		if (i == f->ins.nrows) {
			form_fail(f, RF_INSATS, MSG_PICK);
			break;
		}
		if (str_to_ll(db_cell(&f->ins, i, 0)) == f->insats) {
			struct str end = db_cell(&f->ins, i, 3);
			int y, m, d;

			f->scope = db_cell(&f->ins, i, 1);
			if (date_parse_iso(end, &y, &m, &d) &&
			    str_eq_cstr(end, "") == 0 && y < ty)
				end_year = y;
			break;
		}
	}
	f->period = f->fv[RF_PERIOD].present ? f->fv[RF_PERIOD].i : PER_AR;
	/* An insats that has ended opens on its last year. */
	f->year = f->fv[RF_YEAR].present && f->fv[RF_YEAR].ok ? f->fv[RF_YEAR].i
	    : end_year                                        ? end_year
	                                                      : ty;
	if (f->period == PER_FRITT) {
		int fy = 0, fm = 0, ty2 = 0, tm2 = 0;
		int fok =
		    read_month(f, RF_FROM, "Ange första månaden.", &fy, &fm);
		int tok =
		    read_month(f, RF_TO, "Ange sista månaden.", &ty2, &tm2);

		if (fok && tok) {
			long long a = fy * 12LL + fm, b = ty2 * 12LL + tm2;
			if (b < a)
				form_fail(f, RF_TO,
				    "Sista månaden kan inte vara före den "
				    "första.");
			else if (b - a + 1 > REPORT_MAX_MONTHS)
				form_fail(f, RF_TO,
				    "Perioden kan vara högst tio år.");
			(void)snprintf(
			    f->from, sizeof(f->from), "%04d-%02d-01", fy, fm);
			(void)snprintf(f->to, sizeof(f->to), "%04d-%02d-%02d",
			    ty2, tm2, report_month_days(ty2, tm2));
		}
	} else {
		static const int m0[] = { 1, 1, 1, 4, 7, 10 };
		static const char *const e1[] = { "12-31", "08-31", "03-31",
			"06-30", "09-30", "12-31" };
		(void)snprintf(f->from, sizeof(f->from), "%04lld-%02d-01",
		    f->year, m0[f->period]);
		(void)snprintf(
		    f->to, sizeof(f->to), "%04lld-%s", f->year, e1[f->period]);
	}
	return APP_OK;
}

static enum app_err
report_form_bind(struct req *r, struct view_ctx *ctx, struct report_form *f)
{
	enum app_err e;
	char year[16];

	if ((e = view_ctx_set_bool(ctx, "may_forbund", f->forbund)) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "all_selected", f->insats == 0)) !=
	        APP_OK ||
	    (e = view_ctx_set_list(ctx, "insatser")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "enkater")) != APP_OK)
		return e;
	for (size_t i = 0; i < f->ins.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "insatser");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "id", db_cell(&f->ins, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(
		         it, "name", db_cell(&f->ins, i, 1))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         str_to_ll(db_cell(&f->ins, i, 0)) == f->insats)) !=
		        APP_OK)
			return e;
	}
	for (size_t i = 0; i < f->qs.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "enkater");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "code", db_cell(&f->qs, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(
		         it, "title", db_cell(&f->qs, i, 1))) != APP_OK ||
		    (e = view_ctx_set_bool(
		         it, "selected", (long long)i == f->quest)) != APP_OK)
			return e;
	}
	for (int k = 0; period_choices[k] != NULL; k++) {
		static const char *const labels[] = { "Helår",
			"Januari–augusti", "Kvartal 1", "Kvartal 2",
			"Kvartal 3", "Kvartal 4", "Fria månader" };
		struct view_ctx *it = view_ctx_list_add(ctx, "periods");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(it, "value", period_choices[k])) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "label", labels[k])) != APP_OK ||
		    (e = view_ctx_set_bool(it, "selected", f->period == k)) !=
		        APP_OK)
			return e;
	}
	(void)snprintf(year, sizeof(year), "%lld", f->year);
	if ((e = view_ctx_set_str(ctx, "year",
	         f->fv[RF_YEAR].present ? f->fv[RF_YEAR].s : str_cstr(year))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "fran",
	         f->fv[RF_FROM].present
	             ? f->fv[RF_FROM].s
	             : (struct str){ f->from, strnlen(f->from, 7) })) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "till",
	         f->fv[RF_TO].present
	             ? f->fv[RF_TO].s
	             : (struct str){ f->to, strnlen(f->to, 7) })) != APP_OK)
		return e;
	for (int k = 0; k < RF__MAX; k++)
		if (!f->fv[k].ok &&
		    (e = page_form_error(ctx, error_keys[k], f->fv[k].error)) !=
		        APP_OK)
			return e;
	(void)r;
	return APP_OK;
}

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
static enum app_err
chart_age(struct req *r, struct view_ctx *it, const struct report *rep)
{
	static const char *const series[] = { "Kvinnor", "Män", "Annat kön" };
	static const int cls[] = { 0, 1, 2 };
	const struct report_table *t = &rep->tables[RT_ALDER];
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
static enum app_err
chart_places(struct req *r, struct view_ctx *it, const struct report *rep)
{
	static const char *const series[] = { "Använda platser (snitt)" };
	static const int cls[] = { 3 };
	const struct report_table *t = &rep->tables[RT_PLATSER];
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

static const char *
goal_short(enum report_goal_kind k)
{
	static const char *const s[RGK__MAX] = { "Arbetsförmåga",
		"Egenförsörjning", "Livskvalitet", "Arbete", "Rehabilitering",
		"Hälsa", "Annat" };
	return k < RGK__MAX ? s[k] : "";
}

/* The computable goals: share reaching it per gender, the goal marked. */
static enum app_err
chart_goals(struct req *r, struct view_ctx *ctx, const struct report *rep)
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
		groups[k] = str_cstr(goal_short(gl->kind));
		goal[k] = 100.0 * (double)gl->num / (double)gl->den;
		if ((e = buf_printf(&d,
		         "%s, mål %lld %%: ", goal_short(gl->kind),
		         (gl->num * 100 + gl->den / 2) / gl->den)) != APP_OK)
			return e;
		for (size_t s = 0, g = 0; g < RG__MAX; g++) {
			double pct;
			int met, ok;
			struct buf lb;

			if (!report_column_shown(rep, (int)g))
				continue;
			ok = report_goal_result(rep, gl, (int)g, &pct, &met);
			buf_init(&lb, r->a);
			if (ok)
				e = buf_printf(
				    &lb, "%lld %%", (long long)(pct + 0.5));
			else if (sup_mark(rep->sup, gl->cell[g]) != SUP_SHOWN) {
				struct str m =
				    report_mark_text(r, rep, gl->cell[g]);
				e = buf_append(&lb, m.p, m.len);
			} else
				e = buf_puts(&lb, "–");
			if (e != APP_OK)
				return e;
			v[k * ns + s] = ok ? pct : 0;
			has[k * ns + s] = ok;
			labels[k * ns + s] = buf_str(&lb);
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
static enum app_err
chart_pairs(struct req *r, struct view_ctx *it, const struct report *rep,
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

/* One table into list `list` of ctx; `chart`: its chart, or NULL. */
static enum app_err
bind_table(struct req *r, struct view_ctx *ctx, const char *list,
    const struct report *rep, const struct report_table *tb,
    enum app_err (*chart)(struct req *, struct view_ctx *,
        const struct report *, const struct report_table *))
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
chart_age_t(struct req *r, struct view_ctx *it, const struct report *rep,
    const struct report_table *t)
{
	(void)t;
	return chart_age(r, it, rep);
}

static enum app_err
chart_places_t(struct req *r, struct view_ctx *it, const struct report *rep,
    const struct report_table *t)
{
	(void)t;
	return chart_places(r, it, rep);
}

static enum app_err
bind_tables(struct req *r, struct view_ctx *ctx, const struct report *rep)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "qtables")) != APP_OK)
		return e;
	for (int t = 0; t < RT__MAX; t++) {
		const struct report_table *tb = &rep->tables[t];
		if ((e = bind_table(r, ctx, "tables", rep, tb,
		         t == RT_ALDER                          ? chart_age_t
		             : t == RT_PLATSER && tb->nrows > 1 ? chart_places_t
		                                                : NULL)) !=
		    APP_OK)
			return e;
	}
	for (size_t t = 0; t < rep->nqtables; t++)
		if ((e = bind_table(r, ctx, "qtables", rep, &rep->qtables[t],
		         t > 0 ? chart_pairs : NULL)) != APP_OK)
			return e;
	return APP_OK;
}

/* "minst 8 av 10" or "minst 25 %". */
static struct str
goal_target(struct req *r, const struct report_goal *gl)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	e = gl->den == 100
	    ? buf_printf(&b, "minst %lld %%", gl->num)
	    : buf_printf(&b, "minst %lld av %lld", gl->num, gl->den);
	return e == APP_OK ? buf_str(&b) : STR_LIT("");
}

/* A goal's cell for column g: "18 av 40 (45 %)", "×" or "–". */
static struct str
goal_cell_text(struct req *r, const struct report *rep,
    const struct report_goal *gl, int g)
{
	struct buf b;
	double pct;
	int met;

	if (!gl->computable)
		return STR_LIT("–");
	switch (sup_mark(rep->sup, gl->cell[g])) {
	case SUP_SMALL:
	case SUP_HIDDEN: return report_mark_text(r, rep, gl->cell[g]);
	case SUP_SHOWN: break;
	}
	if (!report_goal_result(rep, gl, g, &pct, &met))
		return gl->ended->n[g] == 0 ? STR_LIT("–") : STR_LIT("×");
	buf_init(&b, r->a);
	if (buf_printf(&b, "%lld av %lld (%lld %%)", gl->achieved[g],
	        gl->ended->n[g], (long long)(pct + 0.5)) != APP_OK)
		return STR_LIT("");
	return buf_str(&b);
}

/* Met or not, judged on the total column. */
static const char *
goal_verdict(const struct report *rep, const struct report_goal *gl, int *met)
{
	double pct;

	*met = 0;
	if (!gl->computable)
		return "Kan inte beräknas";
	if (gl->ended->n[RG_TOTAL] == 0)
		return gl->kind == RGK_LIVSKVALITET || gl->kind == RGK_HALSA
		    ? "Inga parade mätningar"
		    : "Ingen har avslutats";
	if (!report_goal_result(rep, gl, RG_TOTAL, &pct, met))
		return "Kan inte redovisas (för få)";
	return *met ? "Uppfyllt" : "Inte uppfyllt";
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
		int met;
		const char *verdict = goal_verdict(rep, gl, &met);

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "label", gl->label)) != APP_OK ||
		    (e = view_ctx_set_str(it, "target", goal_target(r, gl))) !=
		        APP_OK ||
		    (e = view_ctx_set_cstr(it, "verdict", verdict)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "met", met)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "not_met",
		         !met &&
		             str_eq_cstr(str_cstr(verdict),
		                 "Inte uppfyllt"))) != APP_OK ||
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
			         goal_cell_text(r, rep, gl, g))) != APP_OK)
				return e;
		}
	}
	return chart_goals(r, ctx, rep);
}

/* The query string of this report, for the CSV link (our own values). */
static struct str
report_query(struct req *r, const struct report_form *f)
{
	struct buf b;

	buf_init(&b, r->a);
	if (buf_printf(&b, "insats=%lld&period=%s&ar=%lld", f->insats,
	        period_choices[f->period], f->year) != APP_OK ||
	    (f->period == PER_FRITT &&
	        buf_printf(&b, "&fran=%.7s&till=%.7s", f->from, f->to) !=
	            APP_OK))
		return STR_LIT("");
	if (f->quest >= 0) {
		/* Questionnaire codes are [a-z0-9_-] (the XSD's id): no
		 * escaping needed, but check rather than trust. */
		struct str c = db_cell(&f->qs, (size_t)f->quest, 0);
		for (size_t i = 0; i < c.len; i++)
			if (!((c.p[i] >= 'a' && c.p[i] <= 'z') ||
			        (c.p[i] >= '0' && c.p[i] <= '9') ||
			        c.p[i] == '_' || c.p[i] == '-'))
				return buf_str(&b);
		if (buf_puts(&b, "&enkat=") != APP_OK ||
		    buf_append(&b, c.p, c.len) != APP_OK)
			return STR_LIT("");
	}
	return buf_str(&b);
}

static enum app_err
report_for_form(struct req *r, struct report_form *f, struct report *rep)
{
	enum app_err e;

	if ((e = report_build(r, f->insats, r->user->id, f->scope,
	         str_cstr(f->from), str_cstr(f->to), str_cstr(f->today),
	         r->conf ? r->conf->report_min_cell : 5, rep)) != APP_OK)
		return e;
	return report_quest_build(r, rep,
	    f->quest >= 0 ? db_cell(&f->qs, (size_t)f->quest, 0) : STR_LIT(""),
	    f->quest >= 0 ? db_cell(&f->qs, (size_t)f->quest, 1)
	                  : STR_LIT("ingen enkät laddad"),
	    r->conf ? r->conf->report_top_steps : 2,
	    r->conf ? r->conf->report_vas_top : 70);
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
	    (e = report_form_bind(r, ctx, &f)) != APP_OK)
		return e;
	if (f.nerr > 0) {
		r->resp.status = 400;
		return page_render(r, "rapport", "Verksamhetsrapport", ctx);
	}
	if ((e = report_for_form(r, &f, &rep)) != APP_OK)
		return e;
	if ((e = view_ctx_set_bool(ctx, "report", 1)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "scope", rep.scope)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "from", rep.from)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "to", rep.to)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "min_cell", rep.min_cell)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "csv_query", report_query(r, &f))) !=
	        APP_OK ||
	    (e = bind_heads(ctx, &rep)) != APP_OK ||
	    (e = bind_tables(r, ctx, &rep)) != APP_OK ||
	    (e = bind_goals(r, ctx, &rep)) != APP_OK)
		return e;
	return page_render(r, "rapport", "Verksamhetsrapport", ctx);
}

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
	for (size_t t = 0; t < RT__MAX + rep->nqtables; t++) {
		const struct report_table *tb =
		    t < RT__MAX ? &rep->tables[t] : &rep->qtables[t - RT__MAX];
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
		int met;
		const char *verdict = goal_verdict(rep, gl, &met);

		if ((e = buf_csv_cell(b, STR_LIT("mal"), 0)) != APP_OK ||
		    (e = buf_csv_cell(b, gl->label, 0)) != APP_OK)
			return e;
		for (int g = 0; g < RG__MAX; g++) {
			struct str v = STR_LIT("–");
			if (!report_column_shown(rep, g))
				continue;
			if (gl->computable)
				v = sup_mark(rep->sup, gl->cell[g]) == SUP_SHOWN
				    ? report_value_text(r, rep,
				          &(struct report_row){
				              .kind = RR_COUNT,
				              .cell = { gl->cell[0],
				                  gl->cell[1], gl->cell[2],
				                  gl->cell[3] },
				              .n = { gl->achieved[0],
				                  gl->achieved[1],
				                  gl->achieved[2],
				                  gl->achieved[3] } },
				          g)
				    : report_mark_text(r, rep, gl->cell[g]);
			if ((e = buf_csv_cell(b, v, 0)) != APP_OK)
				return e;
		}
		if ((e = buf_csv_cell(b, goal_target(r, gl), 0)) != APP_OK)
			return e;
		for (int g = 0; g < RG__MAX; g++) {
			double pct;
			int m;
			struct buf pb;
			if (!report_column_shown(rep, g))
				continue;
			buf_init(&pb, r->a);
			if (report_goal_result(rep, gl, g, &pct, &m) &&
			    (e = buf_printf(&pb, "%lld %%",
			         (long long)(pct + 0.5))) != APP_OK)
				return e;
			if ((e = buf_csv_cell(b, buf_str(&pb), 0)) != APP_OK)
				return e;
		}
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
		if ((e = report_form_bind(r, ctx, &f)) != APP_OK)
			return e;
		r->resp.status = 400;
		return page_render(r, "rapport", "Verksamhetsrapport", ctx);
	}
	if ((e = report_for_form(r, &f, &rep)) != APP_OK)
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

/* The filter: the year is typed, the rest are chosen. */
static const struct form_def report_forms[] = {
	{ "GET /rapporter", "rapport", report_spec, RF__MAX },
};

const struct form_def *
page_report_forms(size_t *n)
{
	*n = sizeof(report_forms) / sizeof(report_forms[0]);
	return report_forms;
}
