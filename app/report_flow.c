/* report_flow.c: the step-by-step path in the activity report; see
 * include/report_flow.h. */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "gender.h"
#include "report.h"
#include "report_flow.h"
#include "report_suppress.h"
#include "report_svg.h"
#include "req.h"
#include "sql_report_flow.h"
#include "view.h"

/* Individual insatser of one förbund (the demo has six). */
#define RF_MAX_INS 64

enum { FLT_FROM, FLT_TO, FLT_FLOW, FLT__MAX };

/* The flow chart's data: the flow table's rows and their ends. */
struct report_flow {
	const struct report_flow_insats_row *ins;
	size_t nins;
	const struct report_row *from_rows; /* Från annan insats, per ins */
	const int *from_row;                /* ins index -> row, -1: none */
	const struct report_row *links;     /* the flow table's rows */
	const size_t *lfrom, *lto;          /* their ins indices */
	size_t nlinks;
};

/* A figure of the path in the joint model: its counts and its cells in
 * the joint set (every column). */
struct jrow {
	long long n[RG__MAX];
	int cell[RG__MAX];            /* in the joint set, while it lasts */
	unsigned char shown[RG__MAX]; /* its decision: 1 shown, 0 hidden */
};

/*
 * The joint model of the förbund's path in the period, the same whatever
 * the report's scope: the pairs (Från: F, Till: T), each insats's Från
 * (fin, by its own insats) and Till (tout), the förbund's rows (fp: Från
 * by the predecessor, ts: Till by the successor) and totals, with the
 * bases (each insats's and the förbund's enrolled and ended) as known.
 */
struct joint {
	struct sup_set *s;
	/* m * m (m = nins + 1): index into F / T, -1: not listed. Index
	 * nins is "the other": a path whose pair is not listed (dated outside
	 * an insats's decided period) counts as (other, b) in Från and as (a,
	 * other) in Till, so every path is in a listed row. */
	size_t m;
	int *fpair, *tpair;
	struct jrow *F, *T;
	size_t nf, nt;
	struct jrow *fin, *tout, *fp, *ts, *enr, *end; /* m each */
	struct jrow fall, tall, enr_all, end_all;
};

struct fb {
	struct req *r;
	struct report *rep;
	struct sup_set *s;
	struct db_param p[4];
	struct report_flow_insats_row *ins;
	size_t nins;
	int own; /* the report's insats's index, -1: the whole förbund */
	struct joint j;
};

static enum app_err
fload(struct fb *b, unsigned q, size_t np, void *rows, size_t *n)
{
	return db_load(
	    b->r->db, b->r->a, DB_REPORT_FLOW, q, b->p, np, (void **)rows, n);
}

static void
fadd(long long *n, struct str gender, long long v)
{
	enum gender g;

	if (gender_from_name(gender, &g)) {
		n[g] += v;
		n[RG_TOTAL] += v;
	}
}

/* The insats's index in b->ins, -1: not listed. */
static int
ins_index(const struct fb *b, long long id)
{
	for (size_t i = 0; i < b->nins; i++)
		if (b->ins[i].id == id)
			return (int)i;
	return -1;
}

/* Dates "ÅÅÅÅ-MM-DD" compare as strings; "" (open-ended) is later than
 * any. a <= b. */
static int
date_le(struct str a, struct str b)
{
	size_t n = a.len < b.len ? a.len : b.len;
	int c;

	if (b.len == 0)
		return 1;
	if (a.len == 0)
		return 0;
	c = memcmp(a.p, b.p, n);
	return c < 0 || (c == 0 && a.len <= b.len);
}

/*
 * The pairs listed, from the decided periods and the report's only (a
 * participation lies within its insats's period):
 *   - Från, a before b: b ran in the period (its enrolled overlap it),
 *     and a had started by the period's end and by b's end (a's
 *     participation ended on or before b's started);
 *   - Till, a then b: a ran in the period (its ended ended in it), and b
 *     had not ended before the period's start nor before a started (b's
 *     participation started on or after a's ended).
 * Both in the same förbund, a != b.
 */
static int
pair_from(const struct fb *b, size_t a, size_t c)
{
	const struct report_flow_insats_row *x = &b->ins[a], *y = &b->ins[c];

	return a != c && x->forbund_id == y->forbund_id &&
	    date_le(y->start, b->rep->to) && date_le(b->rep->from, y->end) &&
	    date_le(x->start, b->rep->to) && date_le(x->start, y->end);
}

static int
pair_to(const struct fb *b, size_t a, size_t c)
{
	const struct report_flow_insats_row *x = &b->ins[a], *y = &b->ins[c];

	return a != c && x->forbund_id == y->forbund_id &&
	    date_le(x->start, b->rep->to) && date_le(b->rep->from, x->end) &&
	    date_le(b->rep->from, y->end) && date_le(x->start, y->end);
}

static struct jrow *
jrows_new(struct fb *b, size_t n)
{
	return arena_calloc(b->r->a, n ? n : 1, sizeof(struct jrow));
}

static enum app_err
jcells(struct fb *b, struct jrow *row, unsigned flags)
{
	for (int g = 0; g < RG__MAX; g++)
		if ((row->cell[g] = sup_cell(b->j.s, row->n[g], flags)) < 0)
			return APP_ENOMEM;
	return APP_OK;
}

/*
 * A base (enrolled or ended) in the joint set: a figure a report may show
 * is taken as known (fixed); one about 1 .. min_cell - 1 people, which
 * every report hides, as an unknown. Their relations to the rest of the
 * report (genders, breakdowns) are the report's own.
 */
static enum app_err
jbase(struct fb *b, struct jrow *row)
{
	for (int g = 0; g < RG__MAX; g++) {
		int small = row->n[g] > 0 && row->n[g] < b->rep->min_cell;

		if ((row->cell[g] = sup_cell(b->j.s, row->n[g],
		         small ? SUP_UNPUBLISHED : SUP_FIXED)) < 0)
			return APP_ENOMEM;
	}
	return APP_OK;
}

/* In the joint set: the genders add up to the total. */
static enum app_err
jgenders(struct fb *b, const struct jrow *row)
{
	enum app_err e;

	if ((e = sup_rel_begin(b->j.s, row->cell[RG_TOTAL])) != APP_OK)
		return e;
	for (int g = 0; g < RG_TOTAL; g++)
		if ((e = sup_rel_add(b->j.s, row->cell[g])) != APP_OK)
			return e;
	return APP_OK;
}

/* whole = the parts (every column): parts[k] for k with idx[k] >= 0. */
static enum app_err
jsum(struct fb *b, const struct jrow *whole, const struct jrow *parts,
    const int *idx, size_t nidx, size_t stride)
{
	enum app_err e;

	for (int g = 0; g < RG__MAX; g++) {
		if ((e = sup_rel_begin(b->j.s, whole->cell[g])) != APP_OK)
			return e;
		for (size_t k = 0; k < nidx; k++)
			if (idx[k * stride] >= 0 &&
			    (e = sup_rel_add(b->j.s,
			         parts[idx[k * stride]].cell[g])) != APP_OK)
				return e;
	}
	return APP_OK;
}

/* part <= base: base = part + an unpublished rest (every column). */
static enum app_err
jat_most(struct fb *b, const struct jrow *part, const struct jrow *base)
{
	struct jrow rest;
	enum app_err e;

	for (int g = 0; g < RG__MAX; g++)
		rest.n[g] = base->n[g] - part->n[g];
	/* No genders relation for the rest: with the bases' genders, it
	 * would be the bases' own (left to their reports, see jbase()); with
	 * known bases it follows from the part's anyway. */
	if ((e = jcells(b, &rest, SUP_UNPUBLISHED)) != APP_OK)
		return e;
	for (int g = 0; g < RG__MAX; g++)
		if ((e = sup_rel_begin(b->j.s, base->cell[g])) != APP_OK ||
		    (e = sup_rel_add(b->j.s, part->cell[g])) != APP_OK ||
		    (e = sup_rel_add(b->j.s, rest.cell[g])) != APP_OK)
			return e;
	return APP_OK;
}

/* Count the period's path into the listed pairs (a path in a pair not
 * listed is left out: its dates lie outside an insats's period). */
static enum app_err
joint_counts(struct fb *b)
{
	struct joint *j = &b->j;
	struct report_flow_row *from, *to;
	struct report_flow_base_row *base;
	size_t nfrom, nto, nbase, n = b->nins, m = n + 1, other = n;
	enum app_err e;

	/* The whole förbund's pairs come from report_build()'s pass. */
	if (b->rep->flow_base != NULL) {
		from = (struct report_flow_row *)b->rep->flow_from;
		nfrom = b->rep->nflow_from;
		to = (struct report_flow_row *)b->rep->flow_to;
		nto = b->rep->nflow_to;
	} else {
		b->p[0] = DB_STR(b->rep->to);
		b->p[1] = DB_STR(b->rep->from);
		b->p[2] = DB_INT(0);
		b->p[3] = DB_INT(0);
		if ((e = fload(b, SQL_FLOW_FROM, 4, &from, &nfrom)) != APP_OK)
			return e;
		b->p[0] = DB_STR(b->rep->from);
		b->p[1] = DB_STR(b->rep->to);
		if ((e = fload(b, SQL_FLOW_TO, 4, &to, &nto)) != APP_OK)
			return e;
	}
	b->p[0] = DB_STR(b->rep->to);
	b->p[1] = DB_STR(b->rep->to);
	b->p[2] = DB_STR(b->rep->from);
	/* The whole förbund's come from report_build()'s pass. */
	if (b->rep->flow_base != NULL) {
		base = (struct report_flow_base_row *)b->rep->flow_base;
		nbase = b->rep->nflow_base;
	} else if ((e = fload(b, SQL_FLOW_BASE, 3, &base, &nbase)) != APP_OK)
		return e;
	j->m = m;
	if ((j->fpair = arena_calloc(b->r->a, m * m, sizeof(int))) == NULL ||
	    (j->tpair = arena_calloc(b->r->a, m * m, sizeof(int))) == NULL ||
	    (j->F = jrows_new(b, m * m)) == NULL ||
	    (j->T = jrows_new(b, m * m)) == NULL ||
	    (j->fin = jrows_new(b, m)) == NULL ||
	    (j->tout = jrows_new(b, m)) == NULL ||
	    (j->fp = jrows_new(b, m)) == NULL ||
	    (j->ts = jrows_new(b, m)) == NULL ||
	    (j->enr = jrows_new(b, m)) == NULL ||
	    (j->end = jrows_new(b, m)) == NULL)
		return APP_ENOMEM;
	for (size_t a = 0; a < m; a++)
		for (size_t c = 0; c < m; c++) {
			int f = a < n && c < n ? pair_from(b, a, c)
			                       : a == other && c < n;
			int t = a < n && c < n ? pair_to(b, a, c)
			                       : c == other && a < n;

			j->fpair[a * m + c] = f ? (int)j->nf++ : -1;
			j->tpair[a * m + c] = t ? (int)j->nt++ : -1;
		}
	for (size_t k = 0; k < nfrom; k++) {
		int a = ins_index(b, from[k].from_id),
		    c = ins_index(b, from[k].to_id), x;

		if (a < 0 || c < 0)
			continue;
		if ((x = j->fpair[(size_t)a * m + (size_t)c]) < 0)
			x = j->fpair[(a = (int)other) * m + (size_t)c];
		fadd(j->F[x].n, from[k].gender, from[k].n);
		fadd(j->fin[c].n, from[k].gender, from[k].n);
		fadd(j->fp[a].n, from[k].gender, from[k].n);
		fadd(j->fall.n, from[k].gender, from[k].n);
	}
	for (size_t k = 0; k < nto; k++) {
		int a = ins_index(b, to[k].from_id),
		    c = ins_index(b, to[k].to_id), x;

		if (a < 0 || c < 0)
			continue;
		if ((x = j->tpair[(size_t)a * m + (size_t)c]) < 0)
			x = j->tpair[(size_t)a * m + (c = (int)other)];
		fadd(j->T[x].n, to[k].gender, to[k].n);
		fadd(j->tout[a].n, to[k].gender, to[k].n);
		fadd(j->ts[c].n, to[k].gender, to[k].n);
		fadd(j->tall.n, to[k].gender, to[k].n);
	}
	for (size_t k = 0; k < nbase; k++) {
		int i = ins_index(b, base[k].insats_id);

		if (i >= 0) {
			fadd(j->enr[i].n, base[k].gender, base[k].n);
			fadd(j->end[i].n, base[k].gender, base[k].n_ended);
		}
		fadd(j->enr_all.n, base[k].gender, base[k].n);
		fadd(j->end_all.n, base[k].gender, base[k].n_ended);
	}
	return APP_OK;
}

/* Keep the decisions of rows[0 .. n) (unused rows: no cells, hidden). */
static void
jmarks(const struct joint *j, struct jrow *rows, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (int g = 0; g < RG__MAX; g++)
			rows[i].shown[g] =
			    sup_mark(j->s, rows[i].cell[g]) == SUP_SHOWN;
}

/*
 * Decide the path's figures once for the period (README, "The path
 * across reports"): every figure any report publishes of it is a cell
 * here, with every relation between them that any report (the förbund's
 * or an insats's) declares; the bases are known (fixed), so no other
 * figure of a report can tell a reader more about the path than this
 * model does.
 */
static enum app_err
joint_decide(struct fb *b)
{
	struct joint *j = &b->j;
	size_t n = b->nins, m, rows, mark;
	int *col;
	enum app_err e;

	if ((e = joint_counts(b)) != APP_OK)
		return e;
	/* The set lives only until its marks are copied (a document holds
	 * many reports in one request's arena). */
	mark = arena_mark(b->r->a);
	m = j->m;
	rows = j->nf + j->nt; /* the pairs; then per insats and the totals */
	if ((j->s = sup_new(b->r->a, 4 * rows + 32 * m + 32, rows + 28 * m + 32,
	         16 * rows + 64 * m + 64)) == NULL ||
	    (col = arena_calloc(b->r->a, m, sizeof(int))) == NULL)
		return APP_ENOMEM;
	for (size_t k = 0; k < j->nf; k++)
		if ((e = jcells(b, &j->F[k], 0)) != APP_OK ||
		    (e = jgenders(b, &j->F[k])) != APP_OK)
			return e;
	for (size_t k = 0; k < j->nt; k++)
		if ((e = jcells(b, &j->T[k], 0)) != APP_OK ||
		    (e = jgenders(b, &j->T[k])) != APP_OK)
			return e;
	if ((e = jcells(b, &j->fall, 0)) != APP_OK ||
	    (e = jgenders(b, &j->fall)) != APP_OK ||
	    (e = jcells(b, &j->tall, 0)) != APP_OK ||
	    (e = jgenders(b, &j->tall)) != APP_OK ||
	    (e = jbase(b, &j->enr_all)) != APP_OK ||
	    (e = jbase(b, &j->end_all)) != APP_OK ||
	    (e = jat_most(b, &j->fall, &j->enr_all)) != APP_OK ||
	    (e = jat_most(b, &j->tall, &j->end_all)) != APP_OK)
		return e;
	for (size_t i = 0; i < m; i++) {
		struct jrow *rs[4] = { &j->fp[i], &j->ts[i], &j->fin[i],
			&j->tout[i] };

		for (int k = 0; k < (i < n ? 4 : 2); k++)
			if ((e = jcells(b, rs[k], 0)) != APP_OK ||
			    (e = jgenders(b, rs[k])) != APP_OK)
				return e;
		/* The förbund's rows: Från by the predecessor (a row of
		 * fpair), Till by the successor (a column of tpair). */
		for (size_t a = 0; a < m; a++)
			col[a] = j->tpair[a * m + i];
		if ((e = jsum(b, &j->fp[i], j->F, &j->fpair[i * m], m, 1)) !=
		        APP_OK ||
		    (e = jsum(b, &j->ts[i], j->T, col, m, 1)) != APP_OK)
			return e;
		if (i == n)
			break;
		/* An insats's own: Från by the predecessors (a column of
		 * fpair), Till by the successors (a row of tpair), each at
		 * most its base. */
		for (size_t a = 0; a < m; a++)
			col[a] = j->fpair[a * m + i];
		if ((e = jbase(b, &j->enr[i])) != APP_OK ||
		    (e = jbase(b, &j->end[i])) != APP_OK ||
		    (e = jat_most(b, &j->fin[i], &j->enr[i])) != APP_OK ||
		    (e = jat_most(b, &j->tout[i], &j->end[i])) != APP_OK ||
		    (e = jsum(b, &j->fin[i], j->F, col, m, 1)) != APP_OK ||
		    (e = jsum(b, &j->tout[i], j->T, &j->tpair[i * m], m, 1)) !=
		        APP_OK)
			return e;
	}
	/* The totals: by the insats after, and by the insats before. */
	for (size_t i = 0; i < m; i++)
		col[i] = (int)i;
	if ((e = jsum(b, &j->fall, j->fin, col, n, 1)) != APP_OK ||
	    (e = jsum(b, &j->fall, j->fp, col, m, 1)) != APP_OK ||
	    (e = jsum(b, &j->tall, j->tout, col, n, 1)) != APP_OK ||
	    (e = jsum(b, &j->tall, j->ts, col, m, 1)) != APP_OK ||
	    (e = sup_run_memo(j->s, b->rep->min_cell, b->rep->flow_memo)) !=
	        APP_OK)
		return e;
	jmarks(j, j->F, j->nf);
	jmarks(j, j->T, j->nt);
	jmarks(j, j->fin, m);
	jmarks(j, j->tout, m);
	jmarks(j, j->fp, m);
	jmarks(j, j->ts, m);
	jmarks(j, &j->fall, 1);
	jmarks(j, &j->tall, 1);
	j->s = NULL;
	arena_rewind(b->r->a, mark);
	return APP_OK;
}

/* A report row of a figure of the joint model: its counts, and cells of
 * the report's set that carry the joint decision (shown: fixed; hidden:
 * unpublished, so nothing in this report can show it). */
static enum app_err
from_joint(struct fb *b, struct report_row *row, const struct jrow *jr,
    struct str label)
{
	row->label = label;
	memcpy(row->n, jr->n, sizeof(row->n));
	for (int g = 0; g < RG__MAX; g++) {
		unsigned flags;

		if (!report_column_shown(b->rep, g))
			continue;
		flags = jr->shown[g] ? SUP_FIXED : SUP_UNPUBLISHED;
		if ((row->cell[g] = sup_cell(b->s, row->n[g], flags)) < 0)
			return APP_ENOMEM;
	}
	return APP_OK;
}

/* A label "a → b" in the arena. */
static struct str
arrow_label(struct fb *b, struct str from, struct str to)
{
	struct buf l;

	buf_init(&l, b->r->a);
	if (buf_append(&l, from.p, from.len) != APP_OK ||
	    buf_puts(&l, " → ") != APP_OK ||
	    buf_append(&l, to.p, to.len) != APP_OK)
		return STR_LIT("");
	return buf_str(&l);
}

/* 1 when pair[] (m * m) lists a pair with i first (first) or second and,
 * for an insats's report, the report's own insats on the other side. */
static int
listed(const struct fb *b, const int *pair, size_t i, int first)
{
	size_t m = b->j.m;

	for (size_t k = 0; k < m; k++) {
		size_t a = first ? i : k, c = first ? k : i;

		if (b->own >= 0 && (first ? c : a) != (size_t)b->own)
			continue;
		if (pair[a * m + c] >= 0)
			return 1;
	}
	return 0;
}

/* An insats's name; "the other"'s label. */
static struct str
ins_name(const struct fb *b, size_t i)
{
	return i < b->nins ? b->ins[i].name
	                   : STR_LIT("Utanför insatsernas perioder");
}

/*
 * Från or Till annan insats by the other insats: a row per insats a pair
 * of the report's scope has on that side (for an insats's report, the
 * pairs with its own insats on the other), "the other" last, then the
 * total row, named `total`. row_of: per insats (m), its row (-1: none).
 */
static enum app_err
build_by_insats(struct fb *b, struct report_table *t, int from,
    const char *total, const struct report_row *base, int *row_of)
{
	const struct joint *j = &b->j;
	const int *pair = from ? j->fpair : j->tpair;
	size_t n = 0, m = j->m;
	enum app_err e;

	if ((t->rows = report_rows_new(b->r->a, m + 1)) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < m; i++) {
		const struct jrow *jr;

		row_of[i] = -1;
		if (!listed(b, pair, i, from))
			continue;
		if (b->own < 0)
			jr = from ? &j->fp[i] : &j->ts[i];
		else if (from)
			jr = &j->F[pair[i * m + (size_t)b->own]];
		else
			jr = &j->T[pair[(size_t)b->own * m + i]];
		row_of[i] = (int)n;
		if ((e = from_joint(b, &t->rows[n++], jr, ins_name(b, i))) !=
		    APP_OK)
			return e;
	}
	if ((e = from_joint(b, &t->rows[n],
	         b->own < 0 ? (from ? &j->fall : &j->tall)
	                    : (from ? &j->fin[b->own] : &j->tout[b->own]),
	         str_cstr(total))) != APP_OK)
		return e;
	t->nrows = n + 1;
	t->base = base;
	return APP_OK;
}

/* The flow (the whole förbund): a row per listed pair (Från); the total
 * row is Från annan insats's. */
static enum app_err
build_flow(struct fb *b, struct report_table *t, struct report_flow *fl,
    const struct report_row *from_other, const struct report_row *from_total)
{
	const struct joint *j = &b->j;
	size_t max = j->nf + 2, n = 0;
	size_t *lfrom, *lto;
	enum app_err e;

	if ((t->rows = report_rows_new(b->r->a, max)) == NULL ||
	    (lfrom = arena_calloc(b->r->a, max, sizeof(*lfrom))) == NULL ||
	    (lto = arena_calloc(b->r->a, max, sizeof(*lto))) == NULL)
		return APP_ENOMEM;
	for (size_t a = 0; a < b->nins; a++)
		for (size_t c = 0; c < b->nins; c++) {
			int x = j->fpair[a * j->m + c];

			if (x < 0)
				continue;
			lfrom[n] = a;
			lto[n] = c;
			if ((e = from_joint(b, &t->rows[n], &j->F[x],
			         arrow_label(b, b->ins[a].name,
			             b->ins[c].name))) != APP_OK)
				return e;
			n++;
		}
	/* The other's and the total row: Från annan insats's cells. */
	memcpy(t->rows[n].cell, from_other->cell, sizeof(from_other->cell));
	memcpy(t->rows[n].n, from_other->n, sizeof(from_other->n));
	t->rows[n].label = from_other->label;
	memcpy(t->rows[n + 1].cell, from_total->cell, sizeof(from_total->cell));
	memcpy(t->rows[n + 1].n, from_total->n, sizeof(from_total->n));
	t->rows[n + 1].label = STR_LIT("Totalt (från annan insats)");
	t->rows[n + 1].total = 1;
	t->nrows = n + 2;
	fl->links = t->rows;
	fl->lfrom = lfrom;
	fl->lto = lto;
	fl->nlinks = n;
	return APP_OK;
}

/* The genders add up to the total in row. */
static enum app_err
rel_genders(struct fb *b, const struct report_row *row)
{
	enum app_err e;

	if ((e = sup_rel_begin(b->s, row->cell[RG_TOTAL])) != APP_OK)
		return e;
	for (int g = 0; g < RG_TOTAL; g++)
		if ((e = sup_rel_add(b->s, row->cell[g])) != APP_OK)
			return e;
	return APP_OK;
}

/* Per shown column: whole = the sum of parts (n rows, or one row and an
 * unpublished rest when rest != NULL). */
static enum app_err
rel_sum(struct fb *b, const struct report_row *whole,
    const struct report_row *parts, size_t n, const struct report_row *rest)
{
	enum app_err e;

	for (int g = 0; g < RG__MAX; g++) {
		if (!report_column_shown(b->rep, g))
			continue;
		if ((e = sup_rel_begin(b->s, whole->cell[g])) != APP_OK)
			return e;
		for (size_t i = 0; i < n; i++)
			if ((e = sup_rel_add(b->s, parts[i].cell[g])) != APP_OK)
				return e;
		if (rest != NULL &&
		    (e = sup_rel_add(b->s, rest->cell[g])) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* A table's total row (its last) is a part of base: base = total + the
 * rest, an unpublished row of its own. */
static enum app_err
rel_part_of(struct fb *b, const struct report_table *t)
{
	const struct report_row *total = &t->rows[t->nrows - 1];
	struct report_row rest;
	enum app_err e;

	memset(&rest, 0, sizeof(rest));
	for (int g = 0; g < RG__MAX; g++) {
		rest.cell[g] = -1;
		rest.n[g] = t->base->n[g] - total->n[g];
		if (report_column_shown(b->rep, g) &&
		    (rest.cell[g] =
		            sup_cell(b->s, rest.n[g], SUP_UNPUBLISHED)) < 0)
			return APP_ENOMEM;
	}
	if ((e = rel_genders(b, &rest)) != APP_OK)
		return e;
	return rel_sum(b, t->base, total, 1, &rest);
}

/*
 * Every relation of the path's figures within the report (the joint
 * model has them all, and those of every other report):
 *   - in every row, the genders add up to the total;
 *   - Från and Till annan insats: the rows add up to the total row, and
 *     the total row + the rest (unpublished) = the enrolled, resp. the
 *     ended, per column;
 *   - the flow (the whole förbund): each predecessor's row of Från annan
 *     insats = the sum of its flow rows, per column. (The flow's total
 *     row is Från annan insats's own cells.)
 */
static enum app_err
flow_relations(struct fb *b, const struct report_flow *fl)
{
	const struct report_table *ft = b->rep->ftables;
	enum app_err e;

	for (int k = FLT_FROM; k <= FLT_TO; k++) {
		const struct report_table *t = &ft[k];

		for (size_t i = 0; i < t->nrows; i++)
			if ((e = rel_genders(b, &t->rows[i])) != APP_OK)
				return e;
		if ((e = rel_sum(b, &t->rows[t->nrows - 1], t->rows,
		         t->nrows - 1, NULL)) != APP_OK ||
		    (e = rel_part_of(b, t)) != APP_OK)
			return e;
	}
	if (fl == NULL)
		return APP_OK;
	for (size_t k = 0; k < fl->nlinks; k++)
		if ((e = rel_genders(b, &fl->links[k])) != APP_OK)
			return e;
	for (size_t i = 0; i < fl->nins; i++) {
		const struct report_row *whole;

		if (fl->from_row[i] < 0)
			continue;
		whole = &fl->from_rows[fl->from_row[i]];
		for (int g = 0; g < RG__MAX; g++) {
			if (!report_column_shown(b->rep, g))
				continue;
			if ((e = sup_rel_begin(b->s, whole->cell[g])) != APP_OK)
				return e;
			for (size_t k = 0; k < fl->nlinks; k++)
				if (fl->lfrom[k] == i &&
				    (e = sup_rel_add(
				         b->s, fl->links[k].cell[g])) != APP_OK)
					return e;
		}
	}
	return APP_OK;
}

enum app_err
report_flow_build(struct req *r, struct report *rep)
{
	struct fb b;
	struct report_table *ft;
	struct report_flow *fl = NULL;
	int *row_from, *row_to;
	enum app_err e;

	memset(&b, 0, sizeof(b));
	b.r = r;
	b.rep = rep;
	b.s = rep->sup;
	if ((e = fload(&b, SQL_FLOW_INSATSER, 0, &b.ins, &b.nins)) != APP_OK)
		return e;
	if (b.nins > RF_MAX_INS)
		return APP_ENOMEM;
	if (b.nins == 0)
		return APP_OK; /* a förbund with no individual insats: no path */
	b.own = rep->insats_id ? ins_index(&b, rep->insats_id) : -1;
	if (rep->insats_id && b.own < 0)
		return APP_OK; /* a structural insats: no path */
	if ((e = joint_decide(&b)) != APP_OK)
		return e;
	if ((ft = arena_calloc(r->a, FLT__MAX, sizeof(*ft))) == NULL ||
	    (row_from = arena_calloc(r->a, b.nins + 2, sizeof(int))) == NULL ||
	    (row_to = arena_calloc(r->a, b.nins + 2, sizeof(int))) == NULL)
		return APP_ENOMEM;
	rep->ftables = ft;
	rep->nftables = rep->insats_id ? FLT_FLOW : FLT__MAX;
	ft[FLT_FROM].key = "fran_insats";
	ft[FLT_FROM].title = "Från annan insats";
	ft[FLT_FROM].note =
	    "Av de inskrivna under perioden: de som innan de började hade "
	    "avslutat ett deltagande i en annan av förbundets insatser "
	    "(samma person enligt personnumret), efter insatsen där det "
	    "senaste sådana deltagandet var. Procent av de inskrivna. "
	    "Raderna: varje insats som deltagarna kan ha kommit från enligt "
	    "insatsernas beslutade perioder.";
	ft[FLT_TO].key = "till_insats";
	ft[FLT_TO].title = "Till annan insats";
	ft[FLT_TO].note =
	    "Av de avslutade under perioden: de som sedan har börjat i en "
	    "annan av förbundets insatser, samma dag som avslutet eller "
	    "senare (samma person enligt personnumret), efter den första "
	    "sådana insatsen, så som uppgifterna ser ut när rapporten tas "
	    "fram. Procent av de avslutade. Raderna: varje insats som "
	    "deltagarna kan ha gått vidare till enligt insatsernas "
	    "beslutade perioder.";
	if ((e = build_by_insats(&b, &ft[FLT_FROM], 1, "Från annan insats",
	         &rep->tables[RT_DELTAGARE].rows[0], row_from)) != APP_OK ||
	    (e = build_by_insats(&b, &ft[FLT_TO], 0, "Till annan insats",
	         &rep->tables[RT_DELTAGARE].rows[2], row_to)) != APP_OK)
		return e;
	if (!rep->insats_id) {
		if ((fl = arena_calloc(r->a, 1, sizeof(*fl))) == NULL)
			return APP_ENOMEM;
		ft[FLT_FLOW].key = "flode";
		ft[FLT_FLOW].title = "Flöde mellan insatser";
		ft[FLT_FLOW].note =
		    "Från annan insats ovan, efter insatsen före och insatsen "
		    "efter. Varje par som insatsernas beslutade perioder "
		    "tillåter visas, även utan deltagare.";
		fl->ins = b.ins;
		fl->nins = b.nins;
		fl->from_rows = ft[FLT_FROM].rows;
		fl->from_row = row_from;
		if ((e = build_flow(&b, &ft[FLT_FLOW], fl,
		         &ft[FLT_FROM].rows[row_from[b.nins]],
		         &ft[FLT_FROM].rows[ft[FLT_FROM].nrows - 1])) != APP_OK)
			return e;
		rep->flow = fl;
	}
	if ((e = flow_relations(&b, fl)) != APP_OK)
		return e;
	return sup_run(rep->sup, rep->min_cell);
}

/* "Kvinnor 3, Män ×, Totalt 9": a row in words. */
static enum app_err
row_words(struct req *r, struct buf *d, const struct report *rep,
    const struct report_row *row)
{
	enum app_err e;

	if ((e = buf_append(d, row->label.p, row->label.len)) != APP_OK ||
	    (e = buf_puts(d, ": ")) != APP_OK)
		return e;
	for (int g = 0; g < RG__MAX; g++) {
		struct str v;

		if (!report_column_shown(rep, g))
			continue;
		v = report_value_text(r, rep, row, g);
		if ((e = buf_printf(d, "%s%s ", g ? ", " : "",
		         report_gender_head(g))) != APP_OK ||
		    (e = buf_append(d, v.p, v.len)) != APP_OK)
			return e;
	}
	return buf_puts(d, ". ");
}

enum app_err
report_flow_chart(struct req *r, struct view_ctx *ctx, const struct report *rep)
{
	const struct report_flow *fl = rep->flow;
	struct svg_flow c;
	struct svg_flow_link *links;
	struct str *left, *right;
	int *li, *ri;
	size_t nl = 0, nr = 0, n = 0;
	struct buf d;
	struct view_ctx *it;
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "flow_chart")) != APP_OK)
		return e;
	if (fl == NULL)
		return APP_OK;
	if ((links = arena_calloc(r->a, fl->nlinks + 1, sizeof(*links))) ==
	        NULL ||
	    (left = arena_calloc(r->a, fl->nins + 1, sizeof(*left))) == NULL ||
	    (right = arena_calloc(r->a, fl->nins + 1, sizeof(*right))) ==
	        NULL ||
	    (li = arena_calloc(r->a, fl->nins + 1, sizeof(int))) == NULL ||
	    (ri = arena_calloc(r->a, fl->nins + 1, sizeof(int))) == NULL)
		return APP_ENOMEM;
	buf_init(&d, r->a);
	if ((e = buf_puts(&d,
	         "Antal deltagare som kom från en annan insats, "
	         "per insats före och efter. ")) != APP_OK)
		return e;
	for (size_t i = 0; i < fl->nins; i++)
		li[i] = ri[i] = -1;
	/* A link is drawn when its total is hidden or more than 0: a
	 * hidden one as "×", whatever it hides. */
	for (size_t k = 0; k < fl->nlinks; k++) {
		const struct report_row *row = &fl->links[k];
		int shown =
		    sup_mark(rep->sup, row->cell[RG_TOTAL]) == SUP_SHOWN;
		size_t a = fl->lfrom[k], b = fl->lto[k];

		if (shown && row->n[RG_TOTAL] == 0)
			continue;
		if ((e = row_words(r, &d, rep, row)) != APP_OK)
			return e;
		if (li[a] < 0) {
			const struct report_row *fr =
			    &fl->from_rows[fl->from_row[a]];
			struct str v = report_value_text(r, rep, fr, RG_TOTAL);
			struct buf lb;

			buf_init(&lb, r->a);
			if ((e = buf_append(&lb, fl->ins[a].name.p,
			         fl->ins[a].name.len)) != APP_OK ||
			    (e = buf_puts(&lb, " (")) != APP_OK ||
			    (e = buf_append(&lb, v.p, v.len)) != APP_OK ||
			    (e = buf_puts(&lb, ")")) != APP_OK)
				return e;
			left[nl] = buf_str(&lb);
			li[a] = (int)nl++;
		}
		if (ri[b] < 0) {
			right[nr] = fl->ins[b].name;
			ri[b] = (int)nr++;
		}
		links[n].from = (size_t)li[a];
		links[n].to = (size_t)ri[b];
		links[n].value = row->n[RG_TOTAL];
		links[n].shown = shown;
		n++;
	}
	if (n == 0 && (e = buf_puts(&d, "Ingen under perioden.")) != APP_OK)
		return e;
	memset(&c, 0, sizeof(c));
	c.id = "diagram-flode";
	c.title = "Flöde mellan insatser";
	c.desc = buf_str(&d);
	c.nleft = nl;
	c.nright = nr;
	c.nlinks = n;
	c.left = left;
	c.right = right;
	c.links = links;
	if ((it = view_ctx_list_add(ctx, "flow_chart")) == NULL)
		return APP_ENOMEM;
	return svg_flow_bind(r->a, it, &c);
}
