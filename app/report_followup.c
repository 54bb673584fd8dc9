/* report_followup.c: the follow-up six months after the end in the
 * activity report; see include/report_followup.h. */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "followup.h"
#include "gender.h"
#include "report.h"
#include "report_followup.h"
#include "report_suppress.h"
#include "req.h"
#include "sql_followup.h"

/* The rows, in the order the table shows them. */
enum {
	FR_DUE,
	FR_DONE,
	FR_MISSING,
	FR_END,                           /* + situation: at the end */
	FR_AFTER = FR_END + FU_SIT__MAX,  /* + situation: six months later */
	FR_BOTH = FR_AFTER + FU_SIT__MAX, /* work or studies at both */
	FR_GAINED,                        /* ... only after */
	FR_LOST,                          /* ... only at the end */
	FR_NEITHER,
	FR__MAX
};

struct fb {
	struct req *r;
	struct report *rep;
	struct sup_set *s;
};

/* Column of a gender as shown; -1: counted in the total only. */
static int
fgender(const struct report *rep, struct str g)
{
	enum gender v;

	if (!gender_from_name(g, &v) || (v == GENDER_ANNAT && !rep->has_annat))
		return -1;
	return (int)v; /* report.c: the columns follow enum gender */
}

static int
self_support(enum followup_situation s)
{
	return s == FU_SIT_ARBETE || s == FU_SIT_STUDIER;
}

/* A cell per shown column, and the people of no shown gender as an
 * unpublished cell (row->other) when there are any. */
static enum app_err
frow_cells(struct fb *b, struct report_row *row, long long unknown)
{
	for (int g = 0; g < RG__MAX; g++) {
		if (!report_column_shown(b->rep, g))
			continue;
		if ((row->cell[g] = sup_cell(b->s, row->n[g], 0)) < 0)
			return APP_ENOMEM;
	}
	if (unknown > 0 &&
	    (row->other = sup_cell(b->s, unknown, SUP_UNPUBLISHED)) < 0)
		return APP_ENOMEM;
	return APP_OK;
}

/* whole = the parts, per shown column and for the unknown gender. */
static enum app_err
fparts(struct fb *b, const struct report_row *rows, int whole, const int *parts,
    size_t nparts)
{
	enum app_err e;

	for (int g = -1; g < RG__MAX; g++) {
		if (g >= 0 && !report_column_shown(b->rep, g))
			continue;
		if ((e = sup_rel_begin(b->s,
		         g < 0 ? rows[whole].other : rows[whole].cell[g])) !=
		    APP_OK)
			return e;
		for (size_t i = 0; i < nparts; i++)
			if ((e = sup_rel_add(b->s,
			         g < 0 ? rows[parts[i]].other
			               : rows[parts[i]].cell[g])) != APP_OK)
				return e;
	}
	return APP_OK;
}

/* Every relation of the table, in one place (see the header). */
static enum app_err
followup_relations(struct fb *b, const struct report_row *w)
{
	int missing[2] = { FR_DONE, FR_MISSING };
	int ends[FU_SIT__MAX], afters[FU_SIT__MAX];
	int kinds[4] = { FR_BOTH, FR_GAINED, FR_LOST, FR_NEITHER };
	int end_ss[2] = { FR_END + FU_SIT_ARBETE, FR_END + FU_SIT_STUDIER };
	int after_ss[2] = { FR_AFTER + FU_SIT_ARBETE,
		FR_AFTER + FU_SIT_STUDIER };
	int end_ss_parts[2] = { FR_BOTH, FR_LOST };
	int after_ss_parts[2] = { FR_BOTH, FR_GAINED };
	enum app_err e;

	for (int k = 0; k < FU_SIT__MAX; k++) {
		ends[k] = FR_END + k;
		afters[k] = FR_AFTER + k;
	}
	/* The genders and the unknown add up to the total in every row. */
	for (int k = 0; k < FR__MAX; k++) {
		if ((e = sup_rel_begin(b->s, w[k].cell[RG_TOTAL])) != APP_OK ||
		    (e = sup_rel_add(b->s, w[k].other)) != APP_OK)
			return e;
		for (int g = 0; g < RG_TOTAL; g++)
			if ((e = sup_rel_add(b->s, w[k].cell[g])) != APP_OK)
				return e;
	}
	if ((e = fparts(b, w, FR_DUE, missing, 2)) != APP_OK ||
	    (e = fparts(b, w, FR_DONE, ends, FU_SIT__MAX)) != APP_OK ||
	    (e = fparts(b, w, FR_DONE, afters, FU_SIT__MAX)) != APP_OK ||
	    (e = fparts(b, w, FR_DONE, kinds, 4)) != APP_OK)
		return e;
	/* work + studies at the end = both + only at the end; after = both
	 * + only after: two sums of parts, written as one relation each
	 * with a helper whole would need one more cell, so as two
	 * relations over the same unpublished sum. */
	for (int g = -1; g < RG__MAX; g++) {
		int cell;
		if (g >= 0 && !report_column_shown(b->rep, g))
			continue;
		for (int side = 0; side < 2; side++) {
			const int *lhs = side ? after_ss : end_ss;
			const int *rhs = side ? after_ss_parts : end_ss_parts;
			long long n = 0;
			for (int i = 0; i < 2; i++)
				n += g < 0 ? sup_count(b->s, w[rhs[i]].other)
				           : w[rhs[i]].n[g];
			if (g < 0 && w[FR_DONE].other < 0)
				continue;
			if ((cell = sup_cell(b->s, n, SUP_UNPUBLISHED)) < 0)
				return APP_ENOMEM;
			for (int part = 0; part < 2; part++) {
				const int *sum = part ? rhs : lhs;
				if ((e = sup_rel_begin(b->s, cell)) != APP_OK)
					return e;
				for (int i = 0; i < 2; i++)
					if ((e = sup_rel_add(b->s,
					         g < 0 ? w[sum[i]].other
					               : w[sum[i]].cell[g])) !=
					    APP_OK)
						return e;
			}
		}
	}
	return APP_OK;
}

static const char *const fixed_labels[FR__MAX] = {
	[FR_DUE] = "Uppföljning under perioden (avslutade sex månader före)",
	[FR_DONE] = "Uppföljda",
	[FR_MISSING] = "Inte uppföljda",
	[FR_BOTH] = "Arbete eller studier både vid avslut och efter 6 "
	            "månader",
	[FR_GAINED] = "Arbete eller studier efter 6 månader, inte vid avslut",
	[FR_LOST] = "Arbete eller studier vid avslut, inte efter 6 månader",
	[FR_NEITHER] = "Varken arbete eller studier, vid avslut eller efter",
};

/* "prefix: label" in the arena. */
static struct str
flabel(struct fb *b, const char *prefix, const char *label)
{
	struct buf l;

	buf_init(&l, b->r->a);
	if (buf_puts(&l, prefix) != APP_OK || buf_puts(&l, label) != APP_OK)
		return STR_LIT("");
	return buf_str(&l);
}

static enum app_err
build_table(struct fb *b, struct report_table *t)
{
	struct followup_report_row *rows;
	struct db_param p[4];
	struct report_row *w;
	long long unk[FR__MAX] = { 0 };
	size_t nrows;
	enum app_err e;

	p[0] = DB_STR(b->rep->from);
	p[1] = DB_STR(b->rep->to);
	p[2] = DB_INT(b->rep->insats_id);
	p[3] = DB_INT(b->rep->insats_id);
	if ((e = db_load(b->r->db, b->r->a, DB_FOLLOWUP, SQL_FU_REPORT, p, 4,
	         (void **)&rows, &nrows)) != APP_OK)
		return e;
	if ((w = arena_calloc(b->r->a, FR__MAX, sizeof(*w))) == NULL)
		return APP_ENOMEM;
	memset(t, 0, sizeof(*t));
	t->key = REPORT_FOLLOWUP_KEY;
	t->csv_name = "Uppföljning 6 månader";
	t->title = "Uppföljning 6 månader";
	t->note = "Deltaganden vars uppföljning sex månader efter avslutet "
	          "skulle göras under perioden (slutdatum + 6 månader), "
	          "registrerad av insatsens personal. Situationen vid "
	          "avslut är avslutsorsakens utfall (sjukdom räknas som "
	          "annat). Inte uppföljda: ingen situation registrerad "
	          "(ännu). Kön enligt insatsens uppgifter om deltagaren.";
	t->rows = w;
	t->nrows = FR__MAX;
	for (int k = 0; k < FR__MAX; k++) {
		for (int g = 0; g < RG__MAX; g++)
			w[k].cell[g] = -1;
		w[k].other = -1;
		w[k].kind = RR_COUNT;
		if (fixed_labels[k] != NULL)
			w[k].label = str_cstr(fixed_labels[k]);
	}
	w[FR_DUE].total = 1;
	for (int s = 0; s < FU_SIT__MAX; s++) {
		const char *l = followup_situation_label(s);
		w[FR_END + s].label = flabel(b, "Vid avslut: ", l);
		w[FR_AFTER + s].label = flabel(b, "Efter 6 månader: ", l);
	}
	for (size_t i = 0; i < nrows; i++) {
		int g = fgender(b->rep, rows[i].gender);
		long long n = rows[i].n;
		enum followup_situation after =
		    followup_situation_from_name(rows[i].situation);
		enum followup_situation end =
		    followup_situation_at_end(rows[i].outcome);
		int k[5], nk = 0;

		k[nk++] = FR_DUE;
		if (after == FU_SIT__MAX)
			k[nk++] = FR_MISSING;
		else {
			k[nk++] = FR_DONE;
			k[nk++] = FR_END + (int)end;
			k[nk++] = FR_AFTER + (int)after;
			k[nk++] = self_support(end) && self_support(after)
			    ? FR_BOTH
			    : self_support(after) ? FR_GAINED
			    : self_support(end)   ? FR_LOST
			                          : FR_NEITHER;
		}
		for (int j = 0; j < nk; j++) {
			w[k[j]].n[RG_TOTAL] += n;
			if (g >= 0)
				w[k[j]].n[g] += n;
			else
				unk[k[j]] += n;
		}
	}
	for (int k = 0; k < FR__MAX; k++)
		if ((e = frow_cells(b, &w[k], unk[k])) != APP_OK)
			return e;
	/* The unknown gender has a cell in every row or in none: a relation
	 * over it needs every part. */
	if (w[FR_DUE].other >= 0)
		for (int k = 0; k < FR__MAX; k++)
			if (w[k].other < 0 &&
			    (w[k].other = sup_cell(b->s, 0, SUP_UNPUBLISHED)) <
			        0)
				return APP_ENOMEM;
	return followup_relations(b, w);
}

enum app_err
report_followup_build(struct req *r, struct report *rep)
{
	struct fb b = { r, rep, rep->sup };
	struct report_table *t;
	enum app_err e;

	if ((t = arena_calloc(r->a, rep->nqtables + 1, sizeof(*t))) == NULL)
		return APP_ENOMEM;
	if (rep->nqtables > 0)
		memcpy(t, rep->qtables, rep->nqtables * sizeof(*t));
	if ((e = build_table(&b, &t[rep->nqtables])) != APP_OK)
		return e;
	rep->qtables = t;
	rep->nqtables++;
	return sup_run(rep->sup, rep->min_cell);
}
