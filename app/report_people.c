/* report_people.c: the activity report's people tables; see
 * include/report_people.h. */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "gender.h"
#include "report.h"
#include "report_people.h"
#include "report_suppress.h"
#include "req.h"
#include "sql_report_people.h"

/* Rows of one table at most: the code list squared (transition pairs) is
 * bounded by the codes kept, the organisations and målgrupper by these. */
#define RP_MAX_CODES  64
#define RP_MAX_GROUPS 256

struct pb {
	struct req *r;
	struct report *rep;
	struct sup_set *s;
	struct db_param p[4];
	const struct report_row *enrolled, *ended;
};

static enum app_err
pload(struct pb *b, unsigned q, size_t n, void *rows, size_t *nrows)
{
	return db_load(b->r->db, b->r->a, DB_REPORT_PEOPLE, q, b->p, n,
	    (void **)rows, nrows);
}

/* (P): period end, period start, insats, insats. */
static void
period_params(struct pb *b)
{
	b->p[0] = DB_STR(b->rep->to);
	b->p[1] = DB_STR(b->rep->from);
	b->p[2] = DB_INT(b->rep->insats_id);
	b->p[3] = DB_INT(b->rep->insats_id);
}

/* (E): period start, period end, insats, insats. */
static void
ended_params(struct pb *b)
{
	b->p[0] = DB_STR(b->rep->from);
	b->p[1] = DB_STR(b->rep->to);
	b->p[2] = DB_INT(b->rep->insats_id);
	b->p[3] = DB_INT(b->rep->insats_id);
}

/* The report column of a stored gender; -1 for none. */
static int
pgender(struct str g)
{
	enum gender v;

	return gender_from_name(g, &v) ? (int)v : -1;
}

/* The total from the genders, then a cell per shown column (unpublished
 * when asked: an unknown that ties published cells). */
static enum app_err
pcells(struct pb *b, struct report_row *row, unsigned flags)
{
	row->n[RG_TOTAL] =
	    row->n[RG_KVINNA] + row->n[RG_MAN] + row->n[RG_ANNAT];
	for (int g = 0; g < RG__MAX; g++) {
		if (!report_column_shown(b->rep, g))
			continue;
		if ((row->cell[g] = sup_cell(b->s, row->n[g], flags)) < 0)
			return APP_ENOMEM;
	}
	return APP_OK;
}

/* The same people as base: its cells (so its mark). */
static void
pshare(struct report_row *row, const struct report_row *base, const char *label)
{
	memcpy(row->cell, base->cell, sizeof(row->cell));
	memcpy(row->n, base->n, sizeof(row->n));
	row->label = str_cstr(label);
	row->total = 1;
}

/* A mean over the people of counts: a gender's mean has its count's cell;
 * the total's mean a measure cell of its own that is shown only when
 * every shown column's count is (else the row would give the hidden
 * group's sum). sum[g]: the summed values; scale: applied to each mean. */
static enum app_err
pmean(struct pb *b, struct report_row *row, const struct report_row *counts,
    const double *sum, double scale, enum report_row_kind kind)
{
	enum app_err e;

	row->kind = kind;
	memcpy(row->n, counts->n, sizeof(row->n));
	for (int g = 0; g < RG__MAX; g++)
		row->value[g] = counts->n[g] > 0
		    ? sum[g] / (double)counts->n[g] * scale
		    : 0;
	for (int g = 0; g < RG_TOTAL; g++)
		row->cell[g] = counts->cell[g];
	if ((row->cell[RG_TOTAL] = sup_measure(
	         b->s, row->value[RG_TOTAL], row->n[RG_TOTAL], 0)) < 0)
		return APP_ENOMEM;
	for (int g = 0; g < RG__MAX; g++)
		if (report_column_shown(b->rep, g) &&
		    (e = sup_follow(
		         b->s, row->cell[RG_TOTAL], counts->cell[g])) != APP_OK)
			return e;
	return APP_OK;
}

/* ---- relations ---- */

static enum app_err
rel_genders(struct pb *b, const struct report_row *row)
{
	enum app_err e;

	if ((e = sup_rel_begin(b->s, row->cell[RG_TOTAL])) != APP_OK)
		return e;
	for (int g = 0; g < RG_TOTAL; g++)
		if ((e = sup_rel_add(b->s, row->cell[g])) != APP_OK)
			return e;
	return APP_OK;
}

/* Per shown column: whole = the parts. */
static enum app_err
rel_sum(struct pb *b, const struct report_row *whole,
    const struct report_row *const *parts, size_t n)
{
	enum app_err e;

	for (int g = 0; g < RG__MAX; g++) {
		if (!report_column_shown(b->rep, g))
			continue;
		if ((e = sup_rel_begin(b->s, whole->cell[g])) != APP_OK)
			return e;
		for (size_t i = 0; i < n; i++)
			if ((e = sup_rel_add(b->s, parts[i]->cell[g])) !=
			    APP_OK)
				return e;
	}
	return APP_OK;
}

/* An unknown row n[] (unpublished cells, genders adding up) into *out. */
static enum app_err
unknown_row(struct pb *b, struct report_row *out, const long long *n)
{
	enum app_err e;

	memset(out, 0, sizeof(*out));
	for (int g = 0; g < RG__MAX; g++)
		out->cell[g] = -1;
	out->other = -1;
	memcpy(out->n, n, sizeof(out->n));
	if ((e = pcells(b, out, SUP_UNPUBLISHED)) != APP_OK)
		return e;
	return rel_genders(b, out);
}

/* whole = part + an unknown rest (part is at most whole), per column. */
static enum app_err
rel_at_most(
    struct pb *b, const struct report_row *part, const struct report_row *whole)
{
	struct report_row rest;
	long long n[RG__MAX];
	enum app_err e;

	for (int g = 0; g < RG__MAX; g++)
		n[g] = whole->n[g] - part->n[g];
	if ((e = unknown_row(b, &rest, n)) != APP_OK)
		return e;
	{
		const struct report_row *parts[2] = { part, &rest };
		return rel_sum(b, whole, parts, 2);
	}
}

/*
 * A breakdown where a person may be in several rows (sources,
 * organisations) and `none` holds those in none: each row is at most the
 * enrolled; the enrolled = those in some row (W, unknown) + none; all the
 * rows together (M, unknown) = W + the excess (unknown). W is returned for
 * further relations.
 */
static enum app_err
rel_multi(struct pb *b, const struct report_row *rows, size_t nrows,
    const struct report_row *none, struct report_row *w)
{
	const struct report_row *all = b->enrolled;
	struct report_row m, extra;
	long long nw[RG__MAX], nm[RG__MAX] = { 0 }, nx[RG__MAX];
	const struct report_row **parts;
	enum app_err e;

	if ((parts = arena_calloc(b->r->a, nrows + 1, sizeof(*parts))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < nrows; i++) {
		if ((e = rel_genders(b, &rows[i])) != APP_OK ||
		    (e = rel_at_most(b, &rows[i], all)) != APP_OK)
			return e;
		parts[i] = &rows[i];
		for (int g = 0; g < RG__MAX; g++)
			nm[g] += rows[i].n[g];
	}
	if ((e = rel_genders(b, none)) != APP_OK)
		return e;
	for (int g = 0; g < RG__MAX; g++) {
		nw[g] = all->n[g] - none->n[g];
		nx[g] = nm[g] - nw[g];
	}
	if ((e = unknown_row(b, w, nw)) != APP_OK ||
	    (e = unknown_row(b, &m, nm)) != APP_OK ||
	    (e = unknown_row(b, &extra, nx)) != APP_OK)
		return e;
	{
		const struct report_row *a[2] = { w, none },
		                        *c[2] = { w, &extra };
		if ((e = rel_sum(b, all, a, 2)) != APP_OK ||
		    (e = rel_sum(b, &m, parts, nrows)) != APP_OK ||
		    (e = rel_sum(b, &m, c, 2)) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* ---- the tables ---- */

static enum app_err
build_age(struct pb *b, struct report_table *t,
    const struct rp_enrolled_row *rows, size_t nrows)
{
	double sum[RG__MAX] = { 0 };

	t->key = "medelalder";
	t->csv_name = "Medelålder";
	t->title = "Medelålder";
	t->note = "De inskrivna under perioden: åldern i hela år på "
	          "startdagen (enligt personnumrets födelsedatum), "
	          "medelvärde. Visas bara där antalet inskrivna i samma "
	          "kolumn visas, och totalen bara när alla köns antal visas.";
	if ((t->rows = report_rows_new(b->r->a, 1)) == NULL)
		return APP_ENOMEM;
	t->nrows = 1;
	t->rows[0].label = STR_LIT("Medelålder vid start, år");
	for (size_t i = 0; i < nrows; i++) {
		int g = pgender(rows[i].gender);
		if (g < 0)
			continue;
		sum[g] += (double)rows[i].sum_age;
		sum[RG_TOTAL] += (double)rows[i].sum_age;
	}
	return pmean(b, &t->rows[0], b->enrolled, sum, 1.0, RR_MEAN);
}

/* The label of state index i (state_index()). */
static struct str
state_text(size_t i, const struct rp_code_row *codes, size_t ncodes)
{
	if (i < ncodes)
		return codes[i].label;
	return i == ncodes ? STR_LIT("Flera källor")
	                   : STR_LIT("Uppgift saknas");
}

/* Index of a state: a code's place, ncodes for "*", ncodes + 1 for "" (an
 * unknown code too). */
static size_t
state_index(struct str state, const struct rp_code_row *codes, size_t ncodes)
{
	if (str_eq_cstr(state, "*"))
		return ncodes;
	for (size_t c = 0; c < ncodes; c++)
		if (str_eq(state, codes[c].code))
			return c;
	return ncodes + 1;
}

static enum app_err
build_income_before(struct pb *b, struct report_table *t,
    const struct rp_code_row *codes, size_t ncodes,
    const struct rp_enrolled_row *en, size_t nen)
{
	/* From report_build()'s one pass (report_pass.h). */
	const struct rp_group_row *rows = b->rep->incomes;
	struct report_row *none, w;
	size_t nrows = b->rep->nincomes, n = 0;
	enum app_err e;

	t->key = "forsorjning-fore";
	t->csv_name = "Försörjning före";
	t->title = "Försörjning före start";
	t->note = "De inskrivna under perioden, efter försörjningskällorna i "
	          "ansökan. Enhet: en person per källa: den som har flera "
	          "källor räknas på flera rader, så raderna blir fler än de "
	          "inskrivna. Procent av de inskrivna.";
	if ((t->rows = report_rows_new(b->r->a, ncodes + 2)) == NULL)
		return APP_ENOMEM;
	for (size_t c = 0; c < ncodes; c++) {
		struct report_row *row = &t->rows[n];
		for (size_t i = 0; i < nrows; i++) {
			int g = pgender(rows[i].gender);
			if (g >= 0 && str_eq(rows[i].key, codes[c].code))
				row->n[g] += rows[i].n;
		}
		if (!codes[c].active &&
		    row->n[RG_KVINNA] + row->n[RG_MAN] + row->n[RG_ANNAT] == 0)
			continue; /* inactive and unused */
		row->label = codes[c].label;
		if ((e = pcells(b, row, 0)) != APP_OK)
			return e;
		n++;
	}
	none = &t->rows[n];
	none->label = STR_LIT("Uppgift saknas");
	for (size_t i = 0; i < nen; i++) {
		int g = pgender(en[i].gender);
		if (g >= 0)
			none->n[g] += en[i].no_income;
	}
	if ((e = pcells(b, none, 0)) != APP_OK)
		return e;
	pshare(&t->rows[n + 1], b->enrolled, "Totalt (inskrivna)");
	t->nrows = n + 2;
	t->base = b->enrolled;
	return rel_multi(b, t->rows, n, none, &w);
}

static enum app_err
build_income_after(struct pb *b, struct report_table *t,
    const struct rp_code_row *codes, size_t ncodes)
{
	/* The income transitions, from report_build()'s pass. */
	const struct rp_transition_row *rows = b->rep->transitions;
	size_t nrows = b->rep->ntransitions, ns = ncodes + 2, n = 0;
	long long *cnt;
	const struct report_row **parts;
	enum app_err e;

	t->key = "forsorjning-efter";
	t->csv_name = "Försörjning efter";
	t->title = "Försörjning före och efter";
	t->note = "De som avslutades under perioden, efter försörjningen före "
	          "start (ansökan) och efter avslut. Enhet: en person, på en "
	          "rad: den som har flera källor på en sida står som "
	          "”Flera källor”. Bara kombinationer som någon har visas. "
	          "Procent av de avslutade.";
	if ((cnt = arena_calloc(b->r->a, ns * ns * RG_TOTAL, sizeof(*cnt))) ==
	    NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < nrows; i++) {
		int g = pgender(rows[i].gender);
		size_t k = state_index(rows[i].before, codes, ncodes) * ns +
		    state_index(rows[i].after, codes, ncodes);
		if (g >= 0)
			cnt[k * RG_TOTAL + (size_t)g] += rows[i].n;
	}
	if ((t->rows = report_rows_new(b->r->a, nrows + 1)) == NULL ||
	    (parts = arena_calloc(b->r->a, nrows + 1, sizeof(*parts))) == NULL)
		return APP_ENOMEM;
	for (size_t k = 0; k < ns * ns && n < nrows; k++) {
		struct report_row *row = &t->rows[n];
		struct buf lab;
		struct str bl, al;
		long long any = 0;

		for (int g = 0; g < RG_TOTAL; g++)
			any += row->n[g] = cnt[k * RG_TOTAL + (size_t)g];
		if (any == 0)
			continue;
		bl = state_text(k / ns, codes, ncodes);
		al = state_text(k % ns, codes, ncodes);
		buf_init(&lab, b->r->a);
		if ((e = buf_append(&lab, bl.p, bl.len)) != APP_OK ||
		    (e = buf_puts(&lab, " → ")) != APP_OK ||
		    (e = buf_append(&lab, al.p, al.len)) != APP_OK)
			return e;
		row->label = buf_str(&lab);
		if ((e = pcells(b, row, 0)) != APP_OK ||
		    (e = rel_genders(b, row)) != APP_OK)
			return e;
		parts[n++] = row;
	}
	pshare(&t->rows[n], b->ended, "Totalt (avslutade)");
	t->nrows = n + 1;
	t->base = b->ended;
	return rel_sum(b, b->ended, parts, n);
}

/* Rows of one group each from rows ordered by group: into t->rows from
 * at, at most max; the number made. */
static enum app_err
group_rows(struct report_table *t, size_t at, size_t max,
    const struct rp_group_row *rows, size_t nrows, size_t *made)
{
	size_t n = 0;

	for (size_t i = 0; i < nrows; i++) {
		int g = pgender(rows[i].gender);
		if (n == 0 || !str_eq(rows[i].key, rows[i - 1].key)) {
			if (n == max)
				return APP_ENOMEM;
			t->rows[at + n++].label = rows[i].label;
		}
		if (g >= 0)
			t->rows[at + n - 1].n[g] += rows[i].n;
	}
	*made = n;
	return APP_OK;
}

static enum app_err
build_coremittent(struct pb *b, struct report_table *t,
    const struct rp_enrolled_row *en, size_t nen)
{
	/* The medremittenter and the employees from report_build()'s pass. */
	const struct rp_group_row *rows = b->rep->coremittents,
	                          *emp = b->rep->employers;
	size_t nrows = b->rep->ncoremittents, nemp = b->rep->nemployers, n, ne;
	struct report_row *none, w;
	enum app_err e;

	t->key = "medremittent";
	t->csv_name = "Medremittent";
	t->title = "Medremittent";
	t->note = "De inskrivna under perioden, efter medremittentens "
	          "organisation (en person en gång per organisation, så "
	          "raderna kan bli fler än de inskrivna). Sist, för varje "
	          "organisation: de som avslutades under perioden och var "
	          "anställda där: ansökan anger anställning, och "
	          "arbetsgivaren har samma namn som en medremittents "
	          "organisation eller den organisation den hör till.";
	if ((t->rows = report_rows_new(b->r->a, nrows + nemp + 2)) == NULL)
		return APP_ENOMEM;
	/* Rows come ordered by label and organisation: one row per id. */
	if ((e = group_rows(t, 0, RP_MAX_GROUPS, rows, nrows, &n)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++)
		if ((e = pcells(b, &t->rows[i], 0)) != APP_OK)
			return e;
	none = &t->rows[n];
	none->label = STR_LIT("Ingen medremittent");
	for (size_t i = 0; i < nen; i++) {
		int g = pgender(en[i].gender);
		if (g >= 0)
			none->n[g] += en[i].no_coremittent;
	}
	if ((e = pcells(b, none, 0)) != APP_OK)
		return e;
	pshare(&t->rows[n + 1], b->enrolled, "Totalt (inskrivna)");
	/* Then every top-level organisation's employees who ended. */
	if ((e = group_rows(t, n + 2, RP_MAX_GROUPS, emp, nemp, &ne)) != APP_OK)
		return e;
	t->nrows = n + 2 + ne;
	t->base = NULL; /* two populations: no percentages */
	if ((e = rel_multi(b, t->rows, n, none, &w)) != APP_OK)
		return e;
	/* Each: ended, and had a medremittent (a person may be in two). */
	for (size_t i = n + 2; i < t->nrows; i++)
		if ((e = pcells(b, &t->rows[i], 0)) != APP_OK ||
		    (e = rel_genders(b, &t->rows[i])) != APP_OK ||
		    (e = rel_at_most(b, &t->rows[i], b->ended)) != APP_OK ||
		    (e = rel_at_most(b, &t->rows[i], &w)) != APP_OK)
			return e;
	return APP_OK;
}

/* The label of a målgrupp. */
static struct str
group_label(const struct rp_group_time_row *row)
{
	return row->target_group.len ? row->target_group
	                             : STR_LIT("Målgrupp ej angiven");
}

static struct str
suffixed(struct pb *b, struct str s, const char *suffix)
{
	struct buf l;

	buf_init(&l, b->r->a);
	if (buf_append(&l, s.p, s.len) != APP_OK ||
	    buf_puts(&l, suffix) != APP_OK)
		return s;
	return buf_str(&l);
}

static enum app_err
build_group_time(struct pb *b, struct report_table *t)
{
	struct rp_group_time_row *rows;
	struct report_row *w6, *w12, over, mid;
	const struct report_row **parts;
	double *sums;
	size_t nrows, ng = 0;
	long long n6[RG__MAX] = { 0 }, n12[RG__MAX] = { 0 };
	enum app_err e;

	/* The whole förbund reads only the within 6 and 12 months: the pass
	 * gave them (report_pass.h); an insats reads its groups. */
	if (b->rep->insats_id == 0) {
		rows = NULL;
		nrows = 0;
	} else {
		ended_params(b);
		if ((e = pload(b, SQL_RP_GROUP_TIME, 4, &rows, &nrows)) !=
		    APP_OK)
			return e;
	}
	t->key = "tid-malgrupp";
	t->csv_name = "Tid i insats per målgrupp";
	t->title = "Tid i insats per målgrupp";
	t->note = b->rep->insats_id == 0
	    ? "De som avslutades under perioden. Inom 6 och 12 månader: "
	      "avslutade senast samma datum 6 eller 12 månader efter start. "
	      "Målgrupperna är varje insats egna och visas i insatsens "
	      "rapport. Procent av de avslutade."
	    : "De som avslutades under perioden, efter deltagarens "
	      "målgrupp (en av insatsens målgrupper, vald av "
	      "personalen): antal och medeltid från start till avslut i "
	      "månader (365,25 / 12 dagar). Medeltiden visas bara där "
	      "antalet visas, totalen bara när alla köns antal visas. "
	      "Inom 6 och 12 månader: avslutade senast samma datum 6 "
	      "eller 12 månader efter start. Procent av de avslutade.";
	if ((t->rows = report_rows_new(b->r->a, 2 * nrows + 3)) == NULL ||
	    (parts = arena_calloc(b->r->a, nrows + 1, sizeof(*parts))) ==
	        NULL ||
	    (sums = arena_calloc(
	         b->r->a, (nrows + 1) * RG__MAX, sizeof(*sums))) == NULL)
		return APP_ENOMEM;
	/* Rows come ordered by insats and målgrupp: two rows per group. The
	 * whole förbund lists none: the målgrupper are each insats's own
	 * lines, in its own report (review 17, finding 2), so a group's
	 * figure is never decided twice. */
	if (b->rep->insats_id == 0) {
		memcpy(n6, b->rep->within6, sizeof(b->rep->within6));
		memcpy(n12, b->rep->within12, sizeof(b->rep->within12));
	}
	for (size_t i = 0; i < nrows; i++) {
		int g = pgender(rows[i].gender);
		if (i == 0 || rows[i].insats_id != rows[i - 1].insats_id ||
		    !str_eq(rows[i].target_group, rows[i - 1].target_group)) {
			struct str l = group_label(&rows[i]);
			if (ng == RP_MAX_GROUPS)
				return APP_ENOMEM;
			t->rows[2 * ng].label = suffixed(b, l, ": avslutade");
			t->rows[2 * ng + 1].label =
			    suffixed(b, l, ": medeltid, månader");
			ng++;
		}
		if (g < 0)
			continue;
		t->rows[2 * (ng - 1)].n[g] += rows[i].n;
		sums[(ng - 1) * RG__MAX + (size_t)g] +=
		    (double)rows[i].sum_days;
		sums[(ng - 1) * RG__MAX + RG_TOTAL] += (double)rows[i].sum_days;
		n6[g] += rows[i].within6;
		n12[g] += rows[i].within12;
	}
	for (size_t k = 0; k < ng; k++) {
		struct report_row *cnt = &t->rows[2 * k];
		if ((e = pcells(b, cnt, 0)) != APP_OK ||
		    (e = rel_genders(b, cnt)) != APP_OK ||
		    (e = pmean(b, &t->rows[2 * k + 1], cnt, &sums[k * RG__MAX],
		         1.0 / 30.4375, RR_MONTHS)) != APP_OK)
			return e;
		parts[k] = cnt;
	}
	w6 = &t->rows[2 * ng];
	w12 = &t->rows[2 * ng + 1];
	w6->label = STR_LIT("Avslutade inom 6 månader");
	w12->label = STR_LIT("Avslutade inom 12 månader");
	memcpy(w6->n, n6, sizeof(n6));
	memcpy(w12->n, n12, sizeof(n12));
	if ((e = pcells(b, w6, 0)) != APP_OK ||
	    (e = pcells(b, w12, 0)) != APP_OK)
		return e;
	pshare(&t->rows[2 * ng + 2], b->ended, "Totalt (avslutade)");
	t->nrows = 2 * ng + 3;
	t->base = b->ended;
	/* The groups add up to the ended; within 6 <= within 12 <= ended. */
	{
		long long no[RG__MAX], nm[RG__MAX];
		for (int g = 0; g < RG__MAX; g++) {
			no[g] = b->ended->n[g] - w12->n[g];
			nm[g] = w12->n[g] - w6->n[g];
		}
		if ((ng > 0 &&
		        (e = rel_sum(b, b->ended, parts, ng)) != APP_OK) ||
		    (e = rel_genders(b, w6)) != APP_OK ||
		    (e = rel_genders(b, w12)) != APP_OK ||
		    (e = unknown_row(b, &over, no)) != APP_OK ||
		    (e = unknown_row(b, &mid, nm)) != APP_OK)
			return e;
		{
			const struct report_row *a[2] = { w12, &over },
			                        *c[2] = { w6, &mid };
			if ((e = rel_sum(b, b->ended, a, 2)) != APP_OK ||
			    (e = rel_sum(b, w12, c, 2)) != APP_OK)
				return e;
		}
	}
	return APP_OK;
}

enum app_err
report_people_build(struct req *r, struct report *rep)
{
	struct pb b;
	const struct rp_enrolled_row *en = rep->enrolled;
	size_t nen = rep->nenrolled;
	struct rp_code_row *codes;
	size_t ncodes;
	struct report_table *t;
	enum app_err e;

	memset(&b, 0, sizeof(b));
	b.r = r;
	b.rep = rep;
	b.s = rep->sup;
	b.enrolled = &rep->tables[RT_DELTAGARE].rows[0];
	b.ended = &rep->tables[RT_DELTAGARE].rows[2];
	if ((t = arena_calloc(r->a, RPT__MAX, sizeof(*t))) == NULL)
		return APP_ENOMEM;
	/* The per-gender figures come from report_build()'s pass. */
	period_params(&b);
	if ((e = pload(&b, SQL_RP_INCOME_CODES, 0, &codes, &ncodes)) != APP_OK)
		return e;
	if (ncodes > RP_MAX_CODES)
		ncodes = RP_MAX_CODES;
	if ((e = build_age(&b, &t[RPT_MEDELALDER], en, nen)) != APP_OK ||
	    (e = build_income_before(&b, &t[RPT_FORSORJNING_FORE], codes,
	         ncodes, en, nen)) != APP_OK ||
	    (e = build_income_after(
	         &b, &t[RPT_FORSORJNING_EFTER], codes, ncodes)) != APP_OK ||
	    (e = build_coremittent(&b, &t[RPT_MEDREMITTENT], en, nen)) !=
	        APP_OK ||
	    (e = build_group_time(&b, &t[RPT_TID_MALGRUPP])) != APP_OK)
		return e;
	rep->ptables = t;
	rep->nptables = RPT__MAX;
	return sup_run(b.s, rep->min_cell);
}
