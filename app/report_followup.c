/* report_followup.c: the follow-up six months after the end in the
 * activity report; see include/report_followup.h. */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "followup.h"
#include "gender.h"
#include "log.h"
#include "participation.h"
#include "report.h"
#include "report_followup.h"
#include "report_suppress.h"
#include "req.h"
#include "sql_followup.h"

/* The rows, in the order the table shows them. */
enum {
	FR_ENDED,   /* the cohort: "Avslutade" of the same report */
	FR_DONE,    /* followed up so far */
	FR_NOT_YET, /* the window has not opened yet */
	FR_OPEN,    /* the window is open (due or overdue), not recorded */
	FR_CLOSED,  /* the window closed without one */
	FR_END,     /* + situation: at the end */
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

static int
self_support(enum followup_situation s)
{
	return s == FU_SIT_ARBETE || s == FU_SIT_STUDIER;
}

/* The row of a follow-up's state (enum followup_report_state). */
static int
state_row(long long s)
{
	switch (s) {
	case FU_RS_DONE: return FR_DONE;
	case FU_RS_NOT_YET: return FR_NOT_YET;
	case FU_RS_OPEN: return FR_OPEN;
	default: break;
	}
	return FR_CLOSED;
}

/* The outcomes of the report's "Vid avslut" (enum report_outcome) that
 * are situation s at the end (followup_situation_at_end()): a bit each. */
static unsigned
outcomes_of(enum followup_situation s)
{
	switch (s) {
	case FU_SIT_ARBETE: return 1u << RO_ARBETE;
	case FU_SIT_STUDIER: return 1u << RO_STUDIER;
	case FU_SIT_ARBETSSOKANDE: return 1u << RO_ARBETSSOKANDE;
	case FU_SIT_REHABILITERING: return 1u << RO_REHAB;
	case FU_SIT_ANNAT:
	case FU_SIT__MAX: break;
	}
	return 1u << RO_SJUKDOM | 1u << RO_ANNAT;
}

/* A relation whole = the parts' cells in column g. */
static enum app_err
rel(struct fb *b, int whole, const struct report_row *w, const int *parts,
    size_t n, int g)
{
	enum app_err e;

	if ((e = sup_rel_begin(b->s, whole)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++)
		if ((e = sup_rel_add(b->s, w[parts[i]].cell[g])) != APP_OK)
			return e;
	return APP_OK;
}

/* An unpublished cell of n people in column g of `row` (a helper row
 * outside the table), -1 for a column not shown. */
static enum app_err
helper_cell(struct fb *b, struct report_row *row, int g, long long n)
{
	if (!report_column_shown(b->rep, g)) {
		row->cell[g] = -1;
		return APP_OK;
	}
	row->n[g] = n;
	return (row->cell[g] = sup_cell(b->s, n, SUP_UNPUBLISHED)) < 0
	    ? APP_ENOMEM
	    : APP_OK;
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

/*
 * Every relation of the table, in one place (see the header). nf[k]: the
 * followed up whose situation at the end was k, by column; ne[k]: all the
 * ended whose situation at the end was k (the report's outcomes), by
 * column.
 */
static enum app_err
followup_relations(struct fb *b, const struct report_row *w,
    long long nf[FU_SIT__MAX][RG__MAX], long long ne[FU_SIT__MAX][RG__MAX])
{
	static const int states[4] = { FR_DONE, FR_NOT_YET, FR_OPEN,
		FR_CLOSED };
	static const int kinds[4] = { FR_BOTH, FR_GAINED, FR_LOST, FR_NEITHER };
	static const int end_ss[2] = { FR_END + FU_SIT_ARBETE,
		FR_END + FU_SIT_STUDIER };
	static const int end_ss_parts[2] = { FR_BOTH, FR_LOST };
	static const int after_ss[2] = { FR_AFTER + FU_SIT_ARBETE,
		FR_AFTER + FU_SIT_STUDIER };
	static const int after_ss_parts[2] = { FR_BOTH, FR_GAINED };
	const struct report_row *outcome = b->rep->tables[RT_AVSLUT].rows;
	int ends[FU_SIT__MAX], afters[FU_SIT__MAX];
	struct report_row *h;
	enum app_err e;

	for (int k = 0; k < FU_SIT__MAX; k++) {
		ends[k] = FR_END + k;
		afters[k] = FR_AFTER + k;
	}
	/* The base row is "Avslutade" itself (report.c declares its
	 * genders); every other row's genders add up to its total. */
	for (int k = FR_ENDED + 1; k < FR__MAX; k++)
		if ((e = rel_genders(b, &w[k])) != APP_OK)
			return e;
	/* Helpers, unpublished: work + studies at the end and after (a
	 * relation's whole is one cell); per situation at the end, the ended
	 * not followed up, and the sum of its outcomes when it has two. */
	if ((h = arena_calloc(b->r->a, 2 + 2 * FU_SIT__MAX, sizeof(*h))) ==
	    NULL)
		return APP_ENOMEM;
	for (int g = 0; g < RG__MAX; g++) {
		if ((e = helper_cell(b, &h[0], g,
		         w[FR_BOTH].n[g] + w[FR_LOST].n[g])) != APP_OK ||
		    (e = helper_cell(b, &h[1], g,
		         w[FR_BOTH].n[g] + w[FR_GAINED].n[g])) != APP_OK)
			return e;
		for (int k = 0; k < FU_SIT__MAX; k++)
			if ((e = helper_cell(b, &h[2 + k], g,
			         ne[k][g] - nf[k][g])) != APP_OK ||
			    (e = helper_cell(b, &h[2 + FU_SIT__MAX + k], g,
			         ne[k][g])) != APP_OK)
				return e;
	}
	for (int k = 0; k < 2 + 2 * FU_SIT__MAX; k++)
		if ((e = rel_genders(b, &h[k])) != APP_OK)
			return e;
	for (int g = 0; g < RG__MAX; g++) {
		if (!report_column_shown(b->rep, g))
			continue;
		/* ended = followed up + not yet + open + closed */
		if ((e = rel(b, w[FR_ENDED].cell[g], w, states, 4, g)) !=
		        APP_OK ||
		    (e = rel(b, w[FR_DONE].cell[g], w, ends, FU_SIT__MAX, g)) !=
		        APP_OK ||
		    (e = rel(b, w[FR_DONE].cell[g], w, afters, FU_SIT__MAX,
		         g)) != APP_OK ||
		    (e = rel(b, w[FR_DONE].cell[g], w, kinds, 4, g)) !=
		        APP_OK ||
		    (e = rel(b, h[0].cell[g], w, end_ss, 2, g)) != APP_OK ||
		    (e = rel(b, h[0].cell[g], w, end_ss_parts, 2, g)) !=
		        APP_OK ||
		    (e = rel(b, h[1].cell[g], w, after_ss, 2, g)) != APP_OK ||
		    (e = rel(b, h[1].cell[g], w, after_ss_parts, 2, g)) !=
		        APP_OK)
			return e;
		/* The report's "Vid avslut" rows of situation k = the followed
		 * up of k + the others of k. */
		for (int k = 0; k < FU_SIT__MAX; k++) {
			unsigned set = outcomes_of((enum followup_situation)k);
			int sum = h[2 + FU_SIT__MAX + k].cell[g];

			if ((e = sup_rel_begin(b->s, sum)) != APP_OK ||
			    (e = sup_rel_add(b->s, w[FR_END + k].cell[g])) !=
			        APP_OK ||
			    (e = sup_rel_add(b->s, h[2 + k].cell[g])) !=
			        APP_OK ||
			    (e = sup_rel_begin(b->s, sum)) != APP_OK)
				return e;
			for (int o = 0; o < RO__MAX; o++)
				if ((set & (1u << o)) &&
				    (e = sup_rel_add(
				         b->s, outcome[o].cell[g])) != APP_OK)
					return e;
		}
	}
	return APP_OK;
}

static const char *const fixed_labels[FR__MAX] = {
	[FR_ENDED] = "Avslutade under perioden",
	[FR_DONE] = "Uppföljda hittills",
	[FR_NOT_YET] = "Uppföljningen inte aktuell ännu",
	[FR_OPEN] = "Uppföljningen aktuell, inte gjord",
	[FR_CLOSED] = "Uppföljningen gjordes inte (tiden gick ut)",
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

static const char table_note[] =
    "De som avslutades under perioden (samma personer som Avslutade "
    "ovan) och hur det gick med uppföljningen sex månader efter "
    "avslutet, som den är registrerad i dag: gjord, inte aktuell ännu "
    "(den kan göras från två veckor före), aktuell men inte gjord, "
    "eller inte gjord när tiden gick ut (90 dagar efter). Situationen "
    "vid avslut är avslutsorsakens utfall (sjukdom räknas som annat). "
    "Kön enligt insatsens uppgifter om deltagaren.";

static enum app_err
build_table(struct fb *b, struct report_table *t)
{
	/* From report_build()'s one pass (report_pass.h): its state by
	 * today's window, due in [from, to] open today (followup_state()'s
	 * due or overdue), after it not due yet, before it closed. */
	const struct followup_report_row *rows = b->rep->followups;
	const struct report_row *ended = &b->rep->tables[RT_DELTAGARE].rows[2];
	long long nf[FU_SIT__MAX][RG__MAX], ne[FU_SIT__MAX][RG__MAX];
	struct report_row *w;
	size_t nrows = b->rep->nfollowups;

	memset(nf, 0, sizeof(nf));
	memset(ne, 0, sizeof(ne));
	if ((w = arena_calloc(b->r->a, FR__MAX, sizeof(*w))) == NULL)
		return APP_ENOMEM;
	memset(t, 0, sizeof(*t));
	t->key = REPORT_FOLLOWUP_KEY;
	t->csv_name = "Uppföljning 6 månader";
	t->title = "Uppföljning 6 månader";
	t->note = table_note;
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
	w[FR_ENDED].total = 1;
	for (int s = 0; s < FU_SIT__MAX; s++) {
		const char *l = followup_situation_label(s);
		w[FR_END + s].label = flabel(b, "Vid avslut: ", l);
		w[FR_AFTER + s].label = flabel(b, "Efter 6 månader: ", l);
	}
	for (size_t i = 0; i < nrows; i++) {
		enum gender g;
		long long n = rows[i].n;
		enum followup_situation after =
		    followup_situation_from_name(rows[i].situation);
		enum followup_situation end =
		    followup_situation_at_end(rows[i].outcome);
		int k[5], nk = 0;

		/* As "Avslutade" counts them: no gender recorded, not
		 * counted. */
		if (!gender_from_name(rows[i].gender, &g))
			continue;
		ne[end][g] += n;
		k[nk++] = FR_ENDED;
		k[nk++] = state_row(rows[i].state);
		if (after != FU_SIT__MAX) {
			nf[end][g] += n;
			k[nk++] = FR_END + (int)end;
			k[nk++] = FR_AFTER + (int)after;
			k[nk++] = self_support(end) && self_support(after)
			    ? FR_BOTH
			    : self_support(after) ? FR_GAINED
			    : self_support(end)   ? FR_LOST
			                          : FR_NEITHER;
		}
		for (int j = 0; j < nk; j++)
			w[k[j]].n[g] += n;
	}
	for (int s = 0; s < FU_SIT__MAX; s++)
		for (int g = 0; g < RG_TOTAL; g++) {
			ne[s][RG_TOTAL] += ne[s][g];
			nf[s][RG_TOTAL] += nf[s][g];
		}
	for (int k = 0; k < FR__MAX; k++) {
		w[k].n[RG_TOTAL] = 0;
		for (int g = 0; g < RG_TOTAL; g++)
			w[k].n[RG_TOTAL] += w[k].n[g];
	}
	/* The cohort is the same people as "Avslutade": one figure, decided
	 * once. A difference is a bug (the two statements disagree). */
	for (int g = 0; g < RG__MAX; g++)
		if (report_column_shown(b->rep, g) &&
		    w[FR_ENDED].n[g] != ended->n[g]) {
			log_error("BUG: follow-up cohort %lld != ended %lld",
			    w[FR_ENDED].n[g], ended->n[g]);
			return APP_EDB;
		}
	memcpy(w[FR_ENDED].cell, ended->cell, sizeof(w[FR_ENDED].cell));
	for (int k = FR_ENDED + 1; k < FR__MAX; k++)
		for (int g = 0; g < RG__MAX; g++)
			if (report_column_shown(b->rep, g) &&
			    (w[k].cell[g] = sup_cell(b->s, w[k].n[g], 0)) < 0)
				return APP_ENOMEM;
	return followup_relations(b, w, nf, ne);
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
