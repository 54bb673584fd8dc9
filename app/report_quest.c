/* report_quest.c: the questionnaire results of the activity report; see
 * include/report_quest.h. */
#include <string.h>

#include "gender.h"
#include "arena.h"
#include "db.h"
#include "report.h"
#include "report_quest.h"
#include "report_quest_pairs.h"
#include "report_suppress.h"
#include "req.h"
#include "sql_report.h"

/* Items reported of one questionnaire (a definition holds far fewer). */
#define RQ_MAX_ITEMS    200
/* The health self-ratings reported start against end. */
#define RQ_HEALTH_ITEMS 4
/* The pairs' reading: participation ids a statement, at first, and the
 * scratch room (out of the request's arena) that holds one range's rows
 * at a time: room for a full range of the densest data measured (about
 * 5 500 rows, 1.3 MiB), since a range that does not fit is read again
 * (one MiB made the first range of the bench's year run twice). */
#define RQ_RANGE        8192
#define RQ_SCRATCH      (3u * 1024u * 1024u)
/* Rows of the health table: the base, then share, paired, improved per
 * item. */
#define RQ_HEALTH_ROWS  (1 + 3 * RQ_HEALTH_ITEMS)

enum {
	PR_BASE,
	PR_PAIRED,
	PR_ONE,
	PR_NONE,
	PR_IMPROVED,
	PR_NOT_IMPROVED,
	PR_SHARE,
	PR_START,
	PR_END,
	PR_CHANGE,
	PR__MAX
};

struct qb {
	struct req *r;
	struct report *rep;
	struct sup_set *s;
	struct db_param p[31];
	struct report_row *rest; /* per item: answers below the top */
	size_t nitems;
	/* The health self-ratings: per item, the unpublished rest of the
	 * base (not paired) and of the paired (not improved). */
	struct report_row *hrest, *hnot;
};

/* The health self-ratings (scale items of REPORT_QUEST_LIFE; a licensed
 * replacement must keep these ids and directions). up: a higher value is
 * better. In the shipped questionnaire stress runs from "Mycket stress"
 * (1) to "Ingen stress" (5), so less stress is a higher value too. */
static const struct health_item {
	const char *code, *label, *paired, *improved;
	int up;
} health_items[RQ_HEALTH_ITEMS] = {
	{ "kost", "Kost", "Kost: parade (start och slut)",
	    "Kost: förbättrade (bättre vid slut)", 1 },
	{ "motion", "Fysisk aktivitet",
	    "Fysisk aktivitet: parade (start och slut)",
	    "Fysisk aktivitet: förbättrade (mer vid slut)", 1 },
	{ "stress", "Stress", "Stress: parade (start och slut)",
	    "Stress: förbättrade (mindre stress vid slut)", 1 },
	{ "somn", "Sömn", "Sömn: parade (start och slut)",
	    "Sömn: förbättrade (bättre vid slut)", 1 },
};

/* Statement q of the report with the n parameters in b, as records. */
static enum app_err
qload(struct qb *b, unsigned q, size_t n, void **rows, size_t *nrows)
{
	return db_load(b->r->db, b->r->a, DB_REPORT, q, b->p, n, rows, nrows);
}

/* Column of a gender as shown; -1: counted in the total only (no gender,
 * or "annat" when the report has no such column). */
static int
qgender(const struct report *rep, struct str g)
{
	enum gender v;

	if (!gender_from_name(g, &v) || (v == GENDER_ANNAT && !rep->has_annat))
		return -1;
	return (int)v; /* report.c: the columns follow enum gender */
}

/* Cells for row's counts (n[RG_TOTAL] set by the caller, including
 * `unknown` people of no shown gender; published unless `unpublished`):
 * one per shown column, and the unknown as an unpublished cell of its own
 * (row->other) when there are any. Relations: quest_relations(). */
static enum app_err
qrow_cells(
    struct qb *b, struct report_row *row, long long unknown, int unpublished)
{
	for (int g = 0; g < RG__MAX; g++) {
		if (!report_column_shown(b->rep, g))
			continue;
		if ((row->cell[g] = sup_cell(b->s, row->n[g],
		         unpublished ? SUP_UNPUBLISHED : 0)) < 0)
			return APP_ENOMEM;
	}
	row->other = -1;
	if (unknown > 0 &&
	    (row->other = sup_cell(b->s, unknown, SUP_UNPUBLISHED)) < 0)
		return APP_ENOMEM;
	return APP_OK;
}

/* The genders and the unknown add up to the total in row. */
static enum app_err
qrel_genders(struct qb *b, const struct report_row *row)
{
	enum app_err e;

	if ((e = sup_rel_begin(b->s, row->cell[RG_TOTAL])) != APP_OK ||
	    (e = sup_rel_add(b->s, row->other)) != APP_OK)
		return e;
	for (int g = 0; g < RG_TOTAL; g++)
		if ((e = sup_rel_add(b->s, row->cell[g])) != APP_OK)
			return e;
	return APP_OK;
}

/* Relations per shown column and for the unknown: whole = the parts. */
static enum app_err
qparts(struct qb *b, const struct report_row *whole,
    const struct report_row *const *parts, size_t nparts)
{
	enum app_err e;

	for (int g = -1; g < RG__MAX; g++) {
		if (g >= 0 && !report_column_shown(b->rep, g))
			continue;
		if ((e = sup_rel_begin(b->s,
		         g < 0 ? whole->other : whole->cell[g])) != APP_OK)
			return e;
		for (size_t i = 0; i < nparts; i++)
			if ((e = sup_rel_add(b->s,
			         g < 0 ? parts[i]->other
			               : parts[i]->cell[g])) != APP_OK)
				return e;
	}
	return APP_OK;
}

/* A label "prefix: what" in the arena. */
static struct str
qlabel(struct qb *b, struct str prefix, const char *what)
{
	struct buf l;

	buf_init(&l, b->r->a);
	if (buf_append(&l, prefix.p, prefix.len) != APP_OK ||
	    buf_puts(&l, what) != APP_OK)
		return STR_LIT("");
	return buf_str(&l);
}

/* A NUL-terminated copy in the arena ("" on a full arena). */
static const char *
qcstr(struct buf *src)
{
	if (buf_append(src, "", 1) != APP_OK)
		return "";
	return src->p;
}

/* The item results of the questionnaire: three rows per item (n, mean,
 * share in the top part). */
static enum app_err
build_items(
    struct qb *b, struct report_table *t, unsigned top_steps, unsigned vas_top)
{
	struct report_quest_item_row *items;
	struct report_quest_answer_row *ans;
	struct report_row *rest;
	struct buf tb;
	size_t nitems, nans;
	enum app_err e;

	b->p[0] = DB_STR(b->rep->quest_code);
	if ((e = qload(b, SQL_REPORT_QUEST_ITEMS, 1, (void **)&items,
	         &nitems)) != APP_OK)
		return e;
	b->p[0] = DB_INT(vas_top);
	b->p[1] = DB_INT(top_steps);
	b->p[2] = DB_STR(b->rep->quest_code);
	b->p[3] = DB_STR(b->rep->from);
	b->p[4] = DB_STR(b->rep->to);
	b->p[5] = DB_INT(b->rep->insats_id);
	b->p[6] = DB_INT(b->rep->insats_id);
	if ((e = qload(b, SQL_REPORT_QUEST_ANSWERS, 7, (void **)&ans, &nans)) !=
	    APP_OK)
		return e;
	if (nitems > RQ_MAX_ITEMS)
		nitems = RQ_MAX_ITEMS;
	if ((t->rows = report_rows_new(b->r->a, nitems * 3)) == NULL ||
	    (rest = report_rows_new(b->r->a, nitems)) == NULL)
		return APP_ENOMEM;
	b->rest = rest;
	b->nitems = nitems;
	buf_init(&tb, b->r->a);
	if ((e = buf_puts(&tb, "Enkätresultat: ")) != APP_OK ||
	    (e = buf_append(&tb, b->rep->quest_title.p,
	         b->rep->quest_title.len)) != APP_OK)
		return e;
	t->key = "enkat";
	t->title = qcstr(&tb);
	t->note = "Svar som skickades in under perioden, alla versioner av "
	          "enkäten. Svaren ”vet ej” och ”ej aktuellt” räknas inte i "
	          "antal eller medelvärde, inte heller påbörjade svar som "
	          "inte skickats. Kön enligt svaret; den som inte angett kön "
	          "räknas bara i totalen. Toppen av skalan: de översta "
	          "stegen enligt inställningen.";
	t->nrows = nitems * 3;
	for (size_t i = 0; i < nitems; i++) {
		struct report_row *n = &t->rows[i * 3], *mean = n + 1,
		                  *top = n + 2;
		struct str code = items[i].code;
		int vas = str_eq_cstr(items[i].kind, "vas");
		long long lo = items[i].lo, hi = items[i].hi;
		long long sum[RG__MAX] = { 0 }, un = 0, ut = 0;
		struct str text = items[i].text;
		struct buf w;

		buf_init(&w, b->r->a);
		if (vas)
			e = buf_printf(&w, ": andel %u–100", vas_top);
		else if (hi - (long long)top_steps + 1 <= lo)
			e = buf_printf(&w, ": andel %lld–%lld", lo, hi);
		else if ((long long)top_steps == 1)
			e = buf_printf(&w, ": andel %lld", hi);
		else
			e = buf_printf(&w, ": andel %lld–%lld",
			    hi - (long long)top_steps + 1, hi);
		if (e != APP_OK)
			return e;
		n->label = qlabel(b, text, ": antal svar");
		mean->label =
		    qlabel(b, text, vas ? ": medelvärde (0–100)" : "");
		if (!vas) {
			struct buf m;
			buf_init(&m, b->r->a);
			if ((e = buf_append(&m, text.p, text.len)) != APP_OK ||
			    (e = buf_printf(&m, ": medelvärde (%lld–%lld)", lo,
			         hi)) != APP_OK)
				return e;
			mean->label = buf_str(&m);
		}
		top->label = qlabel(b, text, qcstr(&w));
		mean->kind = RR_MEAN;
		top->kind = RR_SHARE;
		for (size_t k = 0; k < nans; k++) {
			int g;
			long long c = ans[k].n, tp = ans[k].top;

			if (!str_eq(ans[k].code, code))
				continue;
			g = qgender(b->rep, ans[k].gender);
			n->n[RG_TOTAL] += c;
			top->n[RG_TOTAL] += tp;
			sum[RG_TOTAL] += ans[k].sum;
			if (g < 0) {
				un += c;
				ut += tp;
				continue;
			}
			n->n[g] += c;
			top->n[g] += tp;
			sum[g] += ans[k].sum;
		}
		for (int g = 0; g < RG__MAX; g++) {
			rest[i].n[g] = n->n[g] - top->n[g];
			mean->n[g] = n->n[g];
			mean->value[g] =
			    n->n[g] ? (double)sum[g] / (double)n->n[g] : 0;
			top->value[g] = n->n[g]
			    ? 100.0 * (double)top->n[g] / (double)n->n[g]
			    : -1;
		}
		if ((e = qrow_cells(b, n, un, 0)) != APP_OK ||
		    (e = qrow_cells(b, top, ut, 0)) != APP_OK ||
		    (e = qrow_cells(b, &rest[i], un - ut, 1)) != APP_OK)
			return e;
		/* The top count is published only as a share of n. */
		for (int g = 0; g < RG__MAX; g++)
			if ((e = sup_follow(b->s, top->cell[g], n->cell[g])) !=
			    APP_OK)
				return e;
		memcpy(mean->cell, n->cell, sizeof(mean->cell));
	}
	return APP_OK;
}

/* The pairs for the two VAS items (livskvalitet, then hälsa) and the four
 * scale items of the health table (report_quest_pairs.h), read by ranges
 * of participation ids into a scratch room of their own: a range whose
 * rows do not fit is read again in halves. */
static enum app_err
query_pairs(struct qb *b, struct report_quest_pairs_row **rows, size_t *n)
{
	struct str code = STR_LIT(REPORT_QUEST_LIFE);
	struct str it[RQP_ITEMS];
	struct arena scratch = { .cap = RQ_SCRATCH };
	struct report_quest_item_id_row *ids;
	struct report_max_row max;
	struct rq_pairs *q;
	long long lo = 0, w = RQ_RANGE;
	size_t mark, nids, p = 0;
	int found;
	enum app_err e;

	it[0] = str_cstr(REPORT_QUEST_LIFE_ITEM);
	it[1] = str_cstr(REPORT_QUEST_HEALTH_ITEM);
	for (int k = 0; k < RQ_HEALTH_ITEMS; k++)
		it[2 + k] = str_cstr(health_items[k].code);
	for (int k = 0; k < RQP_ITEMS; k++)
		b->p[p++] = DB_STR(it[k]);
	for (int k = 0; k < RQP_ITEMS; k++)
		b->p[p++] = DB_STR(it[k]);
	if ((e = qload(b, SQL_REPORT_QUEST_ITEM_IDS, p, (void **)&ids,
	         &nids)) != APP_OK ||
	    (e = db_load_one(b->r->db, b->r->a, DB_REPORT,
	         SQL_REPORT_MAX_PARTICIPATION, NULL, 0, &max, &found)) !=
	        APP_OK)
		return e;
	if ((q = rq_pairs_new(b->r->a, ids, nids)) == NULL)
		return APP_ENOMEM;
	/* The scratch room goes back to the request's arena at the end:
	 * the page is still to be rendered out of it. */
	mark = arena_mark(b->r->a);
	if ((scratch.base = arena_alloc(b->r->a, scratch.cap)) == NULL)
		return APP_ENOMEM;
	while (lo <= max.n) {
		struct report_quest_value_row *v;
		size_t nv = 0;

		p = 0;
		b->p[p++] = DB_STR(b->rep->from);
		b->p[p++] = DB_STR(b->rep->to);
		b->p[p++] = DB_INT(lo);
		b->p[p++] = DB_INT(lo + w);
		b->p[p++] = DB_STR(b->rep->from);
		b->p[p++] = DB_STR(b->rep->to);
		b->p[p++] = DB_STR(code);
		b->p[p++] = DB_INT(b->rep->insats_id);
		b->p[p++] = DB_INT(b->rep->insats_id);
		b->p[p++] = DB_STR(b->rep->from);
		b->p[p++] = DB_STR(b->rep->to);
		b->p[p++] = DB_INT(lo);
		b->p[p++] = DB_INT(lo + w);
		b->p[p++] = DB_STR(b->rep->from);
		b->p[p++] = DB_STR(b->rep->to);
		b->p[p++] = DB_INT(b->rep->insats_id);
		b->p[p++] = DB_INT(b->rep->insats_id);
		b->p[p++] = DB_STR(code);
		arena_reset(&scratch);
		e = db_load(b->r->db, &scratch, DB_REPORT,
		    SQL_REPORT_QUEST_VALUES, b->p, p, (void **)&v, &nv);
		if (e == APP_ENOMEM && w > 1) {
			w /= 2;
			continue;
		}
		if (e != APP_OK)
			break;
		rq_pairs_sort(v, nv);
		for (size_t i = 0; i < nv; i++)
			rq_pairs_add(q, &v[i]);
		lo += w;
	}
	arena_rewind(b->r->a, mark);
	if (e != APP_OK)
		return e;
	return rq_pairs_rows(q, b->r->a, rows, n);
}

/* Start vs end of one VAS item of the linked questionnaire: its table from
 * the rows of query_pairs, item 0 or 1 of each. */
static enum app_err
build_pairs(struct qb *b, struct report_table *t,
    const struct report_quest_pairs_row *rows, size_t nrows, unsigned item,
    const char *key, const char *title, const char *what)
{
	static const char *const labels[PR__MAX] = {
		[PR_BASE] = "Avslutade eller slutmätta under perioden",
		[PR_PAIRED] = "Parade: mätt vid både start och slut",
		[PR_ONE] = "Saknas: bara start- eller bara slutmätning",
		[PR_NONE] = "Ingen mätning",
		[PR_IMPROVED] = "Förbättrade: högre vid slut än vid start",
		[PR_NOT_IMPROVED] = "Oförändrade eller sämre",
		[PR_SHARE] = "Andel förbättrade av de parade",
		[PR_START] = "Medelvärde vid start (parade, 0–100)",
		[PR_END] = "Medelvärde vid slut (parade, 0–100)",
		[PR_CHANGE] = "Medelförändring, slut − start (parade)",
	};
	struct report_row *w;
	long long ssum[RG__MAX] = { 0 }, esum[RG__MAX] = { 0 };
	long long unk[PR__MAX] = { 0 };
	enum app_err e;

	if ((w = t->rows = report_rows_new(b->r->a, PR__MAX)) == NULL)
		return APP_ENOMEM;
	t->key = key;
	t->title = title;
	t->note = what;
	t->nrows = PR__MAX;
	for (int k = 0; k < PR__MAX; k++)
		w[k].label = str_cstr(labels[k]);
	w[PR_BASE].total = 1;
	for (size_t i = 0; i < nrows; i++) {
		const struct report_quest_pair_counts *c = &rows[i].item[item];
		int g = qgender(b->rep, rows[i].gender);
		long long v[PR__MAX] = { 0 };

		v[PR_BASE] = rows[i].base;
		v[PR_PAIRED] = c->paired;
		v[PR_IMPROVED] = c->improved;
		v[PR_ONE] = c->one;
		v[PR_NONE] = v[PR_BASE] - v[PR_PAIRED] - v[PR_ONE];
		v[PR_NOT_IMPROVED] = v[PR_PAIRED] - v[PR_IMPROVED];
		for (int k = 0; k <= PR_NOT_IMPROVED; k++) {
			w[k].n[RG_TOTAL] += v[k];
			if (g >= 0)
				w[k].n[g] += v[k];
			else
				unk[k] += v[k];
		}
		ssum[RG_TOTAL] += c->start_sum;
		esum[RG_TOTAL] += c->end_sum;
		if (g >= 0) {
			ssum[g] += c->start_sum;
			esum[g] += c->end_sum;
		}
	}
	for (int k = 0; k <= PR_NOT_IMPROVED; k++)
		if ((e = qrow_cells(b, &w[k], unk[k], 0)) != APP_OK)
			return e;
	w[PR_SHARE].kind = RR_SHARE;
	memcpy(w[PR_SHARE].cell, w[PR_IMPROVED].cell, sizeof(w->cell));
	memcpy(w[PR_SHARE].n, w[PR_IMPROVED].n, sizeof(w->n));
	for (int k = PR_START; k <= PR_CHANGE; k++) {
		w[k].kind = RR_MEAN;
		memcpy(w[k].cell, w[PR_PAIRED].cell, sizeof(w->cell));
		memcpy(w[k].n, w[PR_PAIRED].n, sizeof(w->n));
	}
	for (int g = 0; g < RG__MAX; g++) {
		double np = (double)w[PR_PAIRED].n[g];

		w[PR_SHARE].value[g] =
		    np > 0 ? 100.0 * (double)w[PR_IMPROVED].n[g] / np : -1;
		if (np > 0) {
			w[PR_START].value[g] = (double)ssum[g] / np;
			w[PR_END].value[g] = (double)esum[g] / np;
			w[PR_CHANGE].value[g] =
			    (double)(esum[g] - ssum[g]) / np;
		}
	}
	return APP_OK;
}

/*
 * Kost, fysisk aktivitet, stress and sömn start against end: the
 * participations of the quality of life tables (the same base), and per
 * item the paired (a value at both), the improved (better at the end, in
 * the item's direction) and their share of the paired. life_base: the
 * quality of life table's base row, whose cells the base shares (the same
 * people). rows: query_pairs's, their health counts.
 */
static enum app_err
build_health(struct qb *b, struct report_table *t,
    const struct report_quest_pairs_row *rows, size_t nrows,
    const struct report_row *life_base)
{
	struct report_row *w, *rest, *not ;
	long long unk_base = 0;
	long long unk[RQ_HEALTH_ITEMS][4];
	enum app_err e;

	memset(unk, 0, sizeof(unk));
	if ((w = t->rows = report_rows_new(b->r->a, RQ_HEALTH_ROWS)) == NULL ||
	    (rest = b->hrest = report_rows_new(b->r->a, RQ_HEALTH_ITEMS)) ==
	        NULL ||
	    (not = b->hnot = report_rows_new(b->r->a, RQ_HEALTH_ITEMS)) == NULL)
		return APP_ENOMEM;
	t->key = "halsoskattning";
	t->title = "Kost, fysisk aktivitet, stress och sömn vid start och slut";
	t->note = "Enkäten Livskvalitet och hälsa, skattningarna av kost, "
	          "fysisk aktivitet, stress och sömn (skala 1–5), för samma "
	          "deltaganden som livskvaliteten ovan. Parade: ett värde "
	          "vid både start och slut (”vet ej” räknas inte). "
	          "Förbättrade: bättre vid slut än vid start; för stress "
	          "betyder det mindre stress. Andelen förbättrade av de "
	          "parade står på raden med skattningens namn.";
	t->nrows = RQ_HEALTH_ROWS;
	w[0].label = STR_LIT("Avslutade eller slutmätta under perioden");
	w[0].total = 1;
	for (int k = 0; k < RQ_HEALTH_ITEMS; k++) {
		w[1 + 3 * k].label = str_cstr(health_items[k].label);
		w[1 + 3 * k].kind = RR_SHARE;
		w[2 + 3 * k].label = str_cstr(health_items[k].paired);
		w[3 + 3 * k].label = str_cstr(health_items[k].improved);
	}
	for (size_t i = 0; i < nrows; i++) {
		int g = qgender(b->rep, rows[i].gender);

		w[0].n[RG_TOTAL] += rows[i].base;
		if (g >= 0)
			w[0].n[g] += rows[i].base;
		else
			unk_base += rows[i].base;
		for (int k = 0; k < RQ_HEALTH_ITEMS; k++) {
			const struct report_quest_health_counts *c =
			    &rows[i].health[k];
			long long v[4];

			v[0] = c->paired;
			v[1] = health_items[k].up ? c->up : c->down;
			v[2] = rows[i].base - c->paired;
			v[3] = c->paired - v[1];
			w[2 + 3 * k].n[RG_TOTAL] += v[0];
			w[3 + 3 * k].n[RG_TOTAL] += v[1];
			rest[k].n[RG_TOTAL] += v[2];
			not [k].n[RG_TOTAL] += v[3];
			if (g < 0) {
				for (int x = 0; x < 4; x++)
					unk[k][x] += v[x];
				continue;
			}
			w[2 + 3 * k].n[g] += v[0];
			w[3 + 3 * k].n[g] += v[1];
			rest[k].n[g] += v[2];
			not [k].n[g] += v[3];
		}
	}
	/* The same participations as the quality of life table: the same
	 * cells, so both are shown or hidden together. */
	if (memcmp(w[0].n, life_base->n, sizeof(w[0].n)) == 0) {
		memcpy(w[0].cell, life_base->cell, sizeof(w[0].cell));
		w[0].other = life_base->other;
	} else if ((e = qrow_cells(b, &w[0], unk_base, 0)) != APP_OK)
		return e;
	for (int k = 0; k < RQ_HEALTH_ITEMS; k++) {
		struct report_row *share = &w[1 + 3 * k], *paired = share + 1,
		                  *improved = share + 2;

		if ((e = qrow_cells(b, paired, unk[k][0], 0)) != APP_OK ||
		    (e = qrow_cells(b, improved, unk[k][1], 0)) != APP_OK ||
		    (e = qrow_cells(b, &rest[k], unk[k][2], 1)) != APP_OK ||
		    (e = qrow_cells(b, &not [k], unk[k][3], 1)) != APP_OK)
			return e;
		memcpy(share->cell, improved->cell, sizeof(share->cell));
		memcpy(share->n, improved->n, sizeof(share->n));
		for (int g = 0; g < RG__MAX; g++)
			share->value[g] = paired->n[g] > 0 ? 100.0 *
			        (double)improved->n[g] / (double)paired->n[g]
			                                   : -1;
	}
	return APP_OK;
}

/* A share of improved shown only when its denominator (paired) is shown
 * too: else it takes the denominator's mark. (Only the look: improved and
 * paired are published as rows of their own.) */
static void
share_follows(
    struct report *rep, struct report_row *share, const struct report_row *den)
{
	for (int g = 0; g < RG__MAX; g++)
		if (sup_mark(rep->sup, den->cell[g]) != SUP_SHOWN &&
		    sup_mark(rep->sup, share->cell[g]) == SUP_SHOWN)
			share->cell[g] = den->cell[g];
}

static void
goal_from(struct report_goal *gl, const struct report_table *t, const char *how)
{
	gl->computable = 1;
	gl->how = how;
	gl->ended = &t->rows[PR_PAIRED];
	memcpy(gl->cell, t->rows[PR_IMPROVED].cell, sizeof(gl->cell));
	memcpy(gl->achieved, t->rows[PR_IMPROVED].n, sizeof(gl->achieved));
}

/*
 * Every relation between the questionnaire figures, in one place (the
 * other tables' are in report.c's report_relations()):
 *   - in every row of counts, the genders and the unknown (people of no
 *     shown gender, an unpublished cell) add up to the total;
 *   - items: answers = top of the scale + the rest (unpublished), per
 *     column and for the unknown;
 *   - start vs end: the base = paired + only one + none, and paired =
 *     improved + not improved, per column and for the unknown.
 * The goals of kind livskvalitet and halsa are the improved and paired
 * rows themselves.
 */
static enum app_err
quest_relations(struct qb *b, const struct report_table *t)
{
	enum app_err e;

	for (size_t i = 0; i < b->nitems; i++) {
		const struct report_row *n = &t[0].rows[i * 3], *top = n + 2;
		const struct report_row *parts[2] = { top, &b->rest[i] };

		if ((e = qrel_genders(b, n)) != APP_OK ||
		    (e = qrel_genders(b, top)) != APP_OK ||
		    (e = qrel_genders(b, &b->rest[i])) != APP_OK ||
		    (e = qparts(b, n, parts, 2)) != APP_OK)
			return e;
	}
	for (int k = 1; k <= 2; k++) {
		const struct report_row *w = t[k].rows;
		const struct report_row *base_parts[3] = { &w[PR_PAIRED],
			&w[PR_ONE], &w[PR_NONE] };
		const struct report_row *paired_parts[2] = { &w[PR_IMPROVED],
			&w[PR_NOT_IMPROVED] };

		for (int r = 0; r <= PR_NOT_IMPROVED; r++)
			if ((e = qrel_genders(b, &w[r])) != APP_OK)
				return e;
		if ((e = qparts(b, &w[PR_BASE], base_parts, 3)) != APP_OK ||
		    (e = qparts(b, &w[PR_PAIRED], paired_parts, 2)) != APP_OK)
			return e;
	}
	for (int k = 0; k < RQ_HEALTH_ITEMS; k++) {
		const struct report_row *w = t[3].rows;
		const struct report_row *paired = &w[2 + 3 * k],
		                        *improved = paired + 1;
		const struct report_row *base_parts[2] = { paired,
			&b->hrest[k] };
		const struct report_row *paired_parts[2] = { improved,
			&b->hnot[k] };

		if ((k == 0 &&
		        w[0].cell[RG_TOTAL] != t[1].rows[0].cell[RG_TOTAL] &&
		        (e = qrel_genders(b, &w[0])) != APP_OK) ||
		    (e = qrel_genders(b, paired)) != APP_OK ||
		    (e = qrel_genders(b, improved)) != APP_OK ||
		    (e = qrel_genders(b, &b->hrest[k])) != APP_OK ||
		    (e = qrel_genders(b, &b->hnot[k])) != APP_OK ||
		    (e = qparts(b, &w[0], base_parts, 2)) != APP_OK ||
		    (e = qparts(b, paired, paired_parts, 2)) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
report_quest_build(struct req *r, struct report *rep, struct str code,
    struct str title, unsigned top_steps, unsigned vas_top)
{
	struct qb b;
	struct report_table *t;
	struct report_quest_pairs_row *prows;
	size_t nprows;
	enum app_err e;

	memset(&b, 0, sizeof(b));
	b.r = r;
	b.rep = rep;
	b.s = rep->sup;
	rep->quest_code = code;
	rep->quest_title = title;
	if ((t = arena_calloc(r->a, 4, sizeof(*t))) == NULL)
		return APP_ENOMEM;
	rep->qtables = t;
	rep->nqtables = 4;
	if ((e = build_items(&b, &t[0], top_steps ? top_steps : 1, vas_top)) !=
	        APP_OK ||
	    (e = query_pairs(&b, &prows, &nprows)) != APP_OK ||
	    (e = build_pairs(&b, &t[1], prows, nprows, 0, "livskvalitet",
	         "Livskvalitet vid start och slut",
	         "Enkäten Livskvalitet och hälsa, skattad livskvalitet "
	         "(VAS 0–100). Räknas för den period då slutmätningen "
	         "skickades in, eller om den saknas, då deltagandet "
	         "avslutades. Parade: ett värde vid både start och slut. "
	         "Påbörjade svar och anonyma enkäter räknas aldrig. Kön "
	         "enligt deltagaren.")) != APP_OK ||
	    (e = build_pairs(&b, &t[2], prows, nprows, 1, "halsa",
	         "Hälsa vid start och slut",
	         "Enkäten Livskvalitet och hälsa, skattad hälsa i stort "
	         "(VAS 0–100), räknad som livskvaliteten ovan.")) != APP_OK ||
	    (e = build_health(&b, &t[3], prows, nprows, &t[1].rows[PR_BASE])) !=
	        APP_OK)
		return e;
	for (size_t i = 0; i < rep->ngoals; i++) {
		struct report_goal *gl = &rep->goals[i];
		if (gl->kind == RGK_LIVSKVALITET)
			goal_from(gl, &t[1],
			    "Av de parade (start- och slutmätt livskvalitet): "
			    "andelen med högre livskvalitet vid slut än vid "
			    "start.");
		else if (gl->kind == RGK_HALSA)
			goal_from(gl, &t[2],
			    "Av de parade (start- och slutmätt hälsa i "
			    "stort): andelen med högre skattad hälsa vid "
			    "slut än vid start.");
	}
	if ((e = quest_relations(&b, t)) != APP_OK ||
	    (e = sup_run(rep->sup, rep->min_cell)) != APP_OK)
		return e;
	share_follows(rep, &t[1].rows[PR_SHARE], &t[1].rows[PR_PAIRED]);
	share_follows(rep, &t[2].rows[PR_SHARE], &t[2].rows[PR_PAIRED]);
	for (int k = 0; k < RQ_HEALTH_ITEMS; k++)
		share_follows(
		    rep, &t[3].rows[1 + 3 * k], &t[3].rows[2 + 3 * k]);
	return APP_OK;
}
