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

struct fb {
	struct req *r;
	struct report *rep;
	struct sup_set *s;
	struct db_param p[4];
	struct report_flow_insats_row *ins;
	size_t nins;
	int own; /* the report's insats's index, -1: the whole förbund */
};

static enum app_err
fload(struct fb *b, unsigned q, void *rows, size_t *n)
{
	return db_load(
	    b->r->db, b->r->a, DB_REPORT_FLOW, q, b->p, 4, (void **)rows, n);
}

static struct report_row *
frows_new(struct fb *b, size_t n)
{
	struct report_row *rows =
	    arena_calloc(b->r->a, n ? n : 1, sizeof(*rows));

	for (size_t i = 0; rows != NULL && i < n; i++) {
		for (int g = 0; g < RG__MAX; g++)
			rows[i].cell[g] = -1;
		rows[i].other = -1;
	}
	return rows;
}

/* Cells for a row's counts, one per shown column (flags as sup_cell()). */
static enum app_err
fcells(struct fb *b, struct report_row *row, unsigned flags)
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

static void
fadd(struct report_row *row, struct str gender, long long n)
{
	enum gender g;

	if (gender_from_name(gender, &g))
		row->n[g] += n;
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

/*
 * Från or Till annan insats by the other insats: a row per other listed
 * insats (and "Annan insats" when someone's is not listed), then the total
 * row, named `total`. rows: SQL_FLOW_FROM (other = from_id) or SQL_FLOW_TO
 * (other = to_id). row_of: per listed insats, its row (-1: none).
 */
static enum app_err
build_by_insats(struct fb *b, struct report_table *t,
    const struct report_flow_row *rows, size_t nrows, int from,
    const char *total, const struct report_row *base, int *row_of)
{
	size_t n = 0;
	struct report_row *unlisted;
	enum app_err e;

	if ((t->rows = frows_new(b, b->nins + 2)) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < b->nins; i++) {
		row_of[i] = -1;
		if ((int)i == b->own)
			continue;
		row_of[i] = (int)n;
		t->rows[n++].label = b->ins[i].name;
	}
	unlisted = &t->rows[n];
	unlisted->label = STR_LIT("Annan insats");
	for (size_t k = 0; k < nrows; k++) {
		int i = ins_index(b, from ? rows[k].from_id : rows[k].to_id);
		struct report_row *row =
		    i >= 0 && row_of[i] >= 0 ? &t->rows[row_of[i]] : unlisted;

		fadd(row, rows[k].gender, rows[k].n);
		fadd(&t->rows[b->nins + 1], rows[k].gender, rows[k].n);
	}
	if (unlisted->n[RG_KVINNA] + unlisted->n[RG_MAN] +
	        unlisted->n[RG_ANNAT] >
	    0)
		n++;
	t->rows[n] = t->rows[b->nins + 1];
	t->rows[n].label = str_cstr(total);
	t->nrows = n + 1;
	t->base = base;
	for (size_t i = 0; i < t->nrows; i++)
		if ((e = fcells(b, &t->rows[i], 0)) != APP_OK)
			return e;
	return APP_OK;
}

/* The flow (the whole förbund): a row per pair of listed insatser whose
 * destination ran in the period, and per pair with people whatever it
 * is; the total row is Från annan insats's. */
static enum app_err
build_flow(struct fb *b, struct report_table *t, struct report_flow *fl,
    const struct report_flow_row *rows, size_t nrows,
    const struct report_row *from_total)
{
	size_t max = b->nins * b->nins + 1, n = 0;
	size_t *lfrom, *lto;
	enum app_err e;

	if ((t->rows = frows_new(b, max)) == NULL ||
	    (lfrom = arena_calloc(b->r->a, max, sizeof(*lfrom))) == NULL ||
	    (lto = arena_calloc(b->r->a, max, sizeof(*lto))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < b->nins; i++)
		for (size_t j = 0; j < b->nins; j++) {
			int with_people = 0;

			if (i == j)
				continue;
			for (size_t k = 0; k < nrows; k++)
				if (rows[k].from_id == b->ins[i].id &&
				    rows[k].to_id == b->ins[j].id) {
					fadd(&t->rows[n], rows[k].gender,
					    rows[k].n);
					with_people = 1;
				}
			if (!b->ins[j].running && !with_people)
				continue;
			t->rows[n].label =
			    arrow_label(b, b->ins[i].name, b->ins[j].name);
			lfrom[n] = i;
			lto[n] = j;
			if ((e = fcells(b, &t->rows[n], 0)) != APP_OK)
				return e;
			n++;
		}
	memcpy(t->rows[n].cell, from_total->cell, sizeof(from_total->cell));
	memcpy(t->rows[n].n, from_total->n, sizeof(from_total->n));
	t->rows[n].label = STR_LIT("Totalt (från annan insats)");
	t->rows[n].total = 1;
	t->nrows = n + 1;
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
 * Every relation of the path's figures, in one place:
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
	struct report_flow_row *from, *to;
	size_t nfrom, nto;
	struct report_table *ft;
	struct report_flow *fl = NULL;
	int *row_from, *row_to;
	enum app_err e;

	memset(&b, 0, sizeof(b));
	b.r = r;
	b.rep = rep;
	b.s = rep->sup;
	b.p[0] = DB_STR(rep->to);
	b.p[1] = DB_STR(rep->from);
	b.p[2] = DB_INT(rep->insats_id);
	b.p[3] = DB_INT(rep->insats_id);
	if ((e = fload(&b, SQL_FLOW_INSATSER, &b.ins, &b.nins)) != APP_OK ||
	    (e = fload(&b, SQL_FLOW_FROM, &from, &nfrom)) != APP_OK)
		return e;
	b.p[0] = DB_STR(rep->from);
	b.p[1] = DB_STR(rep->to);
	if ((e = fload(&b, SQL_FLOW_TO, &to, &nto)) != APP_OK)
		return e;
	if (b.nins > RF_MAX_INS)
		return APP_ENOMEM;
	b.own = rep->insats_id ? ins_index(&b, rep->insats_id) : -1;
	if ((ft = arena_calloc(r->a, FLT__MAX, sizeof(*ft))) == NULL ||
	    (row_from = arena_calloc(r->a, b.nins + 1, sizeof(int))) == NULL ||
	    (row_to = arena_calloc(r->a, b.nins + 1, sizeof(int))) == NULL)
		return APP_ENOMEM;
	rep->ftables = ft;
	rep->nftables = rep->insats_id ? FLT_FLOW : FLT__MAX;
	ft[FLT_FROM].key = "fran_insats";
	ft[FLT_FROM].title = "Från annan insats";
	ft[FLT_FROM].note =
	    "Av de inskrivna under perioden: de som innan de började hade "
	    "avslutat ett deltagande i en annan av förbundets insatser "
	    "(samma person enligt personnumret), efter insatsen där det "
	    "senaste sådana deltagandet var. Procent av de inskrivna.";
	ft[FLT_TO].key = "till_insats";
	ft[FLT_TO].title = "Till annan insats";
	ft[FLT_TO].note =
	    "Av de avslutade under perioden: de som sedan har börjat i en "
	    "annan av förbundets insatser, samma dag som avslutet eller "
	    "senare (samma person enligt personnumret), efter den första "
	    "sådana insatsen, så som uppgifterna ser ut när rapporten tas "
	    "fram. Procent av de avslutade.";
	if ((e = build_by_insats(&b, &ft[FLT_FROM], from, nfrom, 1,
	         "Från annan insats", &rep->tables[RT_DELTAGARE].rows[0],
	         row_from)) != APP_OK ||
	    (e = build_by_insats(&b, &ft[FLT_TO], to, nto, 0,
	         "Till annan insats", &rep->tables[RT_DELTAGARE].rows[2],
	         row_to)) != APP_OK)
		return e;
	if (!rep->insats_id) {
		if ((fl = arena_calloc(r->a, 1, sizeof(*fl))) == NULL)
			return APP_ENOMEM;
		ft[FLT_FLOW].key = "flode";
		ft[FLT_FLOW].title = "Flöde mellan insatser";
		ft[FLT_FLOW].note =
		    "Från annan insats ovan, efter insatsen före och insatsen "
		    "efter. Varje par där insatsen efter pågick under perioden "
		    "visas, även utan deltagare.";
		fl->ins = b.ins;
		fl->nins = b.nins;
		fl->from_rows = ft[FLT_FROM].rows;
		fl->from_row = row_from;
		if ((e = build_flow(&b, &ft[FLT_FLOW], fl, from, nfrom,
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
