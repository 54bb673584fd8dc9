/* report_quest_pairs.c: the linked questionnaire's start/end pairs in C;
 * see include/report_quest_pairs.h. */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "gender.h"
#include "report_quest_pairs.h"
#include "sql_report.h"

#define NG GENDER__MAX

/* The value of one item at one measurement: from response rid. */
struct value {
	int has;
	long long rid, v;
};

struct rq_pairs {
	/* The participation being read. */
	long long pid;
	int g; /* its gender, -1: none yet or not one of enum gender */
	int open;
	struct value val[RQP_ITEMS][2]; /* [item][start, end] */
	struct report_quest_pairs_row sum[NG];
};

struct rq_pairs *
rq_pairs_new(struct arena *a)
{
	return arena_calloc(a, 1, sizeof(struct rq_pairs));
}

/* a's value before b's as text (MAX over the padded id, then the value). */
static int
text_less(long long a, long long b)
{
	char x[24], y[24];

	(void)snprintf(x, sizeof(x), "%lld", a);
	(void)snprintf(y, sizeof(y), "%lld", b);
	return strcmp(x, y) < 0;
}

/* Count the participation read so far into its gender's row. */
static void
flush(struct rq_pairs *q)
{
	struct report_quest_pairs_row *s;

	if (!q->open)
		return;
	q->open = 0;
	if (q->g < 0)
		return;
	s = &q->sum[q->g];
	s->base++;
	for (int k = 0; k < RQP_ITEMS; k++) {
		const struct value *st = &q->val[k][0], *en = &q->val[k][1];
		int both = st->has && en->has, one = st->has != en->has;

		if (k < 2) {
			struct report_quest_pair_counts *c = &s->item[k];

			c->paired += both;
			c->one += one;
			if (both) {
				c->improved += en->v > st->v;
				c->start_sum += st->v;
				c->end_sum += en->v;
			}
		} else {
			struct report_quest_health_counts *h =
			    &s->health[k - 2];

			h->paired += both;
			h->one += one;
			if (both) {
				h->up += en->v > st->v;
				h->down += en->v < st->v;
			}
		}
	}
}

void
rq_pairs_add(struct rq_pairs *q, const struct report_quest_value_row *row)
{
	struct value *x;
	enum gender g;

	if (!q->open || row->pid != q->pid) {
		flush(q);
		memset(q->val, 0, sizeof(q->val));
		q->open = 1;
		q->pid = row->pid;
		q->g = gender_from_name(row->gender, &g) ? (int)g : -1;
	}
	/* The ended without an end measurement have none. */
	if (row->item < 1 || row->item > RQP_ITEMS ||
	    (row->at_end && row->kind != 1))
		return;
	x = &q->val[row->item - 1][row->at_end ? 1 : 0];
	if (!x->has || row->rid > x->rid ||
	    (row->rid == x->rid && text_less(x->v, row->v))) {
		x->has = 1;
		x->rid = row->rid;
		x->v = row->v;
	}
}

enum app_err
rq_pairs_rows(struct rq_pairs *q, struct arena *a,
    struct report_quest_pairs_row **rows, size_t *n)
{
	flush(q);
	*n = 0;
	if ((*rows = arena_calloc(a, NG, sizeof(**rows))) == NULL)
		return APP_ENOMEM;
	for (int g = 0; g < NG; g++)
		if (q->sum[g].base > 0) {
			(*rows)[*n] = q->sum[g];
			(*rows)[*n].gender =
			    str_cstr(gender_name((enum gender)g));
			(*n)++;
		}
	return APP_OK;
}
