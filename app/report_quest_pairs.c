/* report_quest_pairs.c: the linked questionnaire's start/end pairs in C;
 * see include/report_quest_pairs.h. */
#include <stdio.h>
#include <stdlib.h>
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
	/* The items by id, sorted by id. */
	struct report_quest_item_id_row *map;
	size_t nmap;
	/* The participation being read. */
	long long pid;
	int g; /* its gender, -1: none yet or not one of enum gender */
	int open;
	int kind1;   /* a row of kind 1, or an end measurement in the period */
	int ended;   /* a row of kind 0 */
	int has_end; /* an end measurement, whenever sent */
	struct value val[RQP_ITEMS][2]; /* [item][start, end] */
	struct report_quest_pairs_row sum[NG];
};

static int
by_id(const void *x, const void *y)
{
	const struct report_quest_item_id_row *a = x, *b = y;

	return (a->id > b->id) - (a->id < b->id);
}

struct rq_pairs *
rq_pairs_new(
    struct arena *a, const struct report_quest_item_id_row *map, size_t n)
{
	struct rq_pairs *q = arena_calloc(a, 1, sizeof(struct rq_pairs));

	if (q == NULL ||
	    (n > 0 && (q->map = arena_calloc(a, n, sizeof(*map))) == NULL))
		return NULL;
	if (n > 0) {
		memcpy(q->map, map, n * sizeof(*map));
		qsort(q->map, n, sizeof(*map), by_id);
	}
	q->nmap = n;
	return q;
}

static int
by_pid(const void *x, const void *y)
{
	const struct report_quest_value_row *a = x, *b = y;

	return (a->pid > b->pid) - (a->pid < b->pid);
}

void
rq_pairs_sort(struct report_quest_value_row *rows, size_t n)
{
	if (n > 1)
		qsort(rows, n, sizeof(*rows), by_pid);
}

/* Item 1 .. RQP_ITEMS of item id, 0: none of them. */
static long long
item_of(const struct rq_pairs *q, long long id)
{
	struct report_quest_item_id_row key = { .id = id };
	const struct report_quest_item_id_row *m;

	if (q->nmap == 0)
		return 0;
	m = bsearch(&key, q->map, q->nmap, sizeof(key), by_id);
	return m != NULL ? m->item : 0;
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

	static const struct value none;

	if (!q->open)
		return;
	q->open = 0;
	/* Ended in the period, but its end measurement sent another time. */
	if (q->g < 0 || (!q->kind1 && (!q->ended || q->has_end)))
		return;
	s = &q->sum[q->g];
	s->base++;
	for (int k = 0; k < RQP_ITEMS; k++) {
		const struct value *st = &q->val[k][0];
		/* The ended without an end measurement have none. */
		const struct value *en = q->kind1 ? &q->val[k][1] : &none;
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
	long long item;
	enum gender g;

	if (!q->open || row->pid != q->pid) {
		flush(q);
		memset(q->val, 0, sizeof(q->val));
		q->open = 1;
		q->pid = row->pid;
		q->g = gender_from_name(row->gender, &g) ? (int)g : -1;
		q->kind1 = q->ended = q->has_end = 0;
	}
	if (row->kind == 1)
		q->kind1 = 1;
	else
		q->ended = 1;
	if (row->rid != 0 && row->at_end) {
		q->has_end = 1;
		if (row->end_in)
			q->kind1 = 1;
	}
	if (row->rid == 0 || (item = item_of(q, row->item)) < 1 ||
	    item > RQP_ITEMS)
		return;
	x = &q->val[item - 1][row->at_end ? 1 : 0];
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
