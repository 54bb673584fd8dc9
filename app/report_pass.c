/* report_pass.c: the report's one pass, aggregated in C; see
 * include/report_pass.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "date.h"
#include "followup.h"
#include "gender.h"
#include "report.h"
#include "report_pass.h"
#include "report_period.h"
#include "sql_followup.h"
#include "sql_report.h"
#include "sql_report_flow.h"
#include "sql_report_people.h"

#define NG    GENDER__MAX /* genders counted (a column each) */
#define NBAND 4

static const char *const outcome_codes[RO__MAX] = { "arbete", "studier",
	"arbetssokande", "rehabilitering", "sjukdom", "annat" };

/* Counts of one (gender, age band, education, support) group. */
struct group {
	long long n, n_new, n_ended;
};

/* Enrolled and ended of one insats, per gender. */
struct insats_counts {
	long long id, n[NG], n_ended[NG];
};

/* A group keyed by two strings and a number, per gender: the income
 * transitions (before, after), the income sources (code), the follow-ups
 * (outcome, situation, state). */
struct transition {
	struct str before, after; /* in the pass's arena */
	long long k;
	long long n[NG];
};

/* Groups as first met. */
struct keyed {
	struct transition *v;
	size_t n, cap;
};

/* An organisation's index into the members (tops), and into the list
 * given (the medremittent counts). */
struct org_top {
	long long id;
	size_t top, idx;
};

/* An organisation of the list given, by its place in the medremittent
 * table. */
struct org_rank {
	long long rank;
	size_t idx;
};

/* A pair of the path (from insats, to insats), per gender. */
struct path_pair {
	long long from, to;
	long long n[NG];
};

struct report_pass {
	struct arena *a;
	long long from, to, last; /* days */
	int fy, fm;
	size_t nmonths; /* months from from's up to last's */
	const struct str *edu, *sup;
	size_t nedu, nsup;
	struct group *groups; /* [NG][NBAND][nedu + 1][nsup + 1] */
	struct org_top *orgs; /* by id */
	size_t norgs;
	long long *top_id; /* [ntops] */
	struct str *top_name;
	size_t ntops;
	long long *ref;                      /* [ntops][NG] */
	const struct report_pass_org *olist; /* as given (borrowed) */
	long long *corem;        /* [norgs][NG], by the list's index */
	struct org_rank *ranked; /* [norgs], by lrank */
	long long *emp;          /* [norgs][NG], likewise */
	struct org_rank *tops;   /* [ntoplevel], by trank */
	size_t ntoplevel;
	long long out[RO__MAX][NG];
	long long *mn, *mpd; /* [nmonths][NG]: people, place-days */
	/* Those who ended in the period: how many, their days in the insats,
	 * and how many of them had each number of days (for the medians). */
	long long dur_n[NG], dur_sum[NG];
	long long *hist[NG]; /* [hcap] */
	size_t hcap;
	/* Those who ended in the period within 6 and 12 months of the start
	 * (SQL_RP_GROUP_TIME's within6, within12), per gender. */
	long long w6[NG], w12[NG];
	/* The people tables' figures per gender (SQL_RP_ENROLLED). */
	long long en_n[NG], en_age[NG], en_no_income[NG], en_no_corem[NG];
	struct insats_counts *ins; /* SQL_FLOW_BASE, in the order first met */
	size_t nins, inscap;
	struct keyed tr;          /* income transitions */
	struct keyed inc;         /* income sources: (code, "") */
	struct keyed fu;          /* follow-ups: (outcome, situation, state) */
	long long fu_from, fu_to; /* report_pass_followup_window() */
	/* SQL_FLOW_FROM's and SQL_FLOW_TO's pairs, as first met. */
	struct path_pair *pf, *pt;
	size_t npf, pfcap, npt, ptcap;
};

int
report_pass_outcome(struct str code)
{
	for (int i = 0; i < RO__MAX; i++)
		if (str_eq_cstr(code, outcome_codes[i]))
			return i;
	return RO_ANNAT; /* no reason given, or felregistrering */
}

/* Days of date s, and its year into *year. */
static int
day_of(struct str s, long long *days, int *year)
{
	int m, d;

	if (!date_parse_iso(s, year, &m, &d))
		return 0;
	*days = date_days(*year, m, d);
	return 1;
}

/* Days of date (y, m, d) + k months, as MariaDB's + INTERVAL k MONTH:
 * the day is cut to the last of a shorter month. */
static long long
plus_months(int y, int m, int d, int k)
{
	int md;

	m += k;
	y += (m - 1) / 12;
	m = (m - 1) % 12 + 1;
	md = report_month_days(y, m);
	return date_days(y, m, d > md ? md : d);
}

static int
org_cmp(const void *a, const void *b)
{
	long long x = ((const struct org_top *)a)->id,
	          y = ((const struct org_top *)b)->id;

	return x < y ? -1 : x > y;
}

static int
rank_cmp(const void *a, const void *b)
{
	const struct org_rank *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

struct report_pass *
report_pass_new(struct arena *a, struct str from, struct str to,
    struct str last, const struct str *edu, size_t nedu, const struct str *sup,
    size_t nsup, const struct report_pass_org *orgs, size_t norgs)
{
	struct report_pass *p = arena_calloc(a, 1, sizeof(*p));
	int ty, tm, td, ly, lm, ld, fd;
	size_t ng;

	if (p != NULL)
		p->a = a;
	if (p == NULL || !date_parse_iso(from, &p->fy, &p->fm, &fd) ||
	    !date_parse_iso(to, &ty, &tm, &td) ||
	    !date_parse_iso(last, &ly, &lm, &ld))
		return NULL;
	p->from = date_days(p->fy, p->fm, fd);
	p->to = date_days(ty, tm, td);
	p->last = date_days(ly, lm, ld);
	if (p->last >= p->from)
		p->nmonths = (size_t)((ly - p->fy) * 12 + lm - p->fm + 1);
	p->edu = edu;
	p->nedu = nedu;
	p->sup = sup;
	p->nsup = nsup;
	ng = (size_t)NG * NBAND * (nedu + 1) * (nsup + 1);
	if ((p->groups = arena_calloc(a, ng, sizeof(*p->groups))) == NULL ||
	    (p->orgs = arena_calloc(a, norgs + 1, sizeof(*p->orgs))) == NULL ||
	    (p->top_id = arena_calloc(a, norgs + 1, sizeof(long long))) ==
	        NULL ||
	    (p->top_name = arena_calloc(a, norgs + 1, sizeof(struct str))) ==
	        NULL ||
	    (p->ref = arena_calloc(a, (norgs + 1) * NG, sizeof(long long))) ==
	        NULL ||
	    (p->corem = arena_calloc(a, (norgs + 1) * NG, sizeof(long long))) ==
	        NULL ||
	    (p->ranked = arena_calloc(a, norgs + 1, sizeof(*p->ranked))) ==
	        NULL ||
	    (p->emp = arena_calloc(a, (norgs + 1) * NG, sizeof(long long))) ==
	        NULL ||
	    (p->tops = arena_calloc(a, norgs + 1, sizeof(*p->tops))) == NULL ||
	    (p->mn = arena_calloc(
	         a, (p->nmonths + 1) * NG, sizeof(long long))) == NULL ||
	    (p->mpd = arena_calloc(
	         a, (p->nmonths + 1) * NG, sizeof(long long))) == NULL)
		return NULL;
	/* Members in the list's order, each organisation to its member. */
	for (size_t i = 0; i < norgs; i++) {
		size_t t = p->ntops;

		for (size_t k = 0; k < p->ntops; k++)
			if (p->top_id[k] == orgs[i].top) {
				t = k;
				break;
			}
		if (t == p->ntops) {
			p->top_id[t] = orgs[i].top;
			p->top_name[t] = orgs[i].topname;
			p->ntops++;
		}
		p->orgs[i].id = orgs[i].id;
		p->orgs[i].top = t;
		p->orgs[i].idx = i;
		p->ranked[i].rank = orgs[i].lrank;
		p->ranked[i].idx = i;
		if (orgs[i].toplevel) {
			p->tops[p->ntoplevel].rank = orgs[i].trank;
			p->tops[p->ntoplevel++].idx = i;
		}
	}
	p->norgs = norgs;
	p->olist = orgs;
	qsort(p->orgs, norgs, sizeof(*p->orgs), org_cmp);
	qsort(p->ranked, norgs, sizeof(*p->ranked), rank_cmp);
	qsort(p->tops, p->ntoplevel, sizeof(*p->tops), rank_cmp);
	return p;
}

static size_t
code_index(const struct str *codes, size_t n, struct str c)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(codes[i], c))
			return i;
	return n; /* none, or not in the list */
}

/* The number at list[*i] up to the next comma or the end, *i past the
 * comma; -1 for one that is not a number. */
static long long
next_id(struct str list, size_t *i)
{
	long long v = 0;
	int digits = 0, bad = 0;

	for (; *i < list.len && list.p[*i] != ','; (*i)++) {
		char c = list.p[*i];

		if (c < '0' || c > '9' || v > 99999999999LL)
			bad = 1;
		else {
			v = v * 10 + (c - '0');
			digits = 1;
		}
	}
	if (*i < list.len)
		(*i)++;
	return bad || !digits ? -1 : v;
}

/* Count a participation of gender g once for each organisation in list
 * (ids comma-separated) into counts ([norgs][NG] by the list's index):
 * SQL_RP_COREMITTENT's COUNT DISTINCT and SQL_RP_EMPLOYEES's DISTINCT,
 * an organisation named twice counts once; toplevel: only top-level
 * ones (SQL_RP_EMPLOYEES's join). */
static void
orgs_add(struct report_pass *p, struct str list, long long *counts,
    int toplevel, int g)
{
	size_t i = 0;

	while (i < list.len) {
		size_t at = i, j = 0;
		long long id = next_id(list, &i);
		struct org_top key = { .id = id }, *o;
		int seen = 0;

		while (!seen && j < at)
			seen = next_id(list, &j) == id;
		if (id < 0 || seen)
			continue;
		o = bsearch(&key, p->orgs, p->norgs, sizeof(key), org_cmp);
		if (o != NULL && (!toplevel || p->olist[o->idx].toplevel))
			counts[o->idx * NG + (size_t)g]++;
	}
}

/* Place-days of participation [s, e] in the months (SQL_REPORT_MONTHS):
 * in each month, from max(start, month, from) to min(end or last, month's
 * end, last). */
static void
add_months(struct report_pass *p, int g, long long s, long long e, int open)
{
	int y = p->fy, m = p->fm;

	if (s > p->last || (!open && e < p->from))
		return;
	for (size_t k = 0; k < p->nmonths; k++) {
		long long lo = date_days(y, m, 1),
		          hi = lo + report_month_days(y, m) - 1;
		long long a, b;

		if (++m == 13) {
			m = 1;
			y++;
		}
		if (hi > p->last)
			hi = p->last;
		if (s > hi)
			continue;
		if (lo < p->from)
			lo = p->from;
		if (!open && e < lo)
			continue;
		a = s > lo ? s : lo;
		b = open || e > hi ? hi : e;
		p->mn[k * NG + (size_t)g]++;
		p->mpd[k * NG + (size_t)g] += b - a + 1;
	}
}

/* Room in the histograms for days d; APP_ENOMEM on a full arena. */
static enum app_err
hist_room(struct report_pass *p, long long d)
{
	size_t cap = p->hcap ? p->hcap : 512;

	if ((size_t)d < p->hcap)
		return APP_OK;
	while (cap <= (size_t)d)
		cap *= 2;
	for (int g = 0; g < NG; g++) {
		long long *h = arena_calloc(p->a, cap, sizeof(*h));

		if (h == NULL)
			return APP_ENOMEM;
		if (p->hcap > 0)
			memcpy(h, p->hist[g], p->hcap * sizeof(*h));
		p->hist[g] = h;
	}
	p->hcap = cap;
	return APP_OK;
}

/* The counts of insats id, added when first met; NULL on a full arena. */
static struct insats_counts *
insats_of(struct report_pass *p, long long id)
{
	struct insats_counts *c;

	for (size_t i = p->nins; i > 0; i--)
		if (p->ins[i - 1].id == id)
			return &p->ins[i - 1];
	if (p->nins == p->inscap) {
		size_t cap = p->inscap ? p->inscap * 2 : 32;

		if ((c = arena_calloc(p->a, cap, sizeof(*c))) == NULL)
			return NULL;
		if (p->nins > 0)
			memcpy(c, p->ins, p->nins * sizeof(*c));
		p->ins = c;
		p->inscap = cap;
	}
	c = &p->ins[p->nins++];
	c->id = id;
	return c;
}

/* The counts of group (before, after, k) in list l, added when first met
 * (the strings copied into the pass's arena); NULL on a full arena. */
static struct transition *
transition_of(struct report_pass *p, struct keyed *l, struct str before,
    struct str after, long long k)
{
	struct transition *t;

	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].k == k && str_eq(l->v[i].before, before) &&
		    str_eq(l->v[i].after, after))
			return &l->v[i];
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;

		if ((t = arena_calloc(p->a, cap, sizeof(*t))) == NULL)
			return NULL;
		if (l->n > 0)
			memcpy(t, l->v, l->n * sizeof(*t));
		l->v = t;
		l->cap = cap;
	}
	t = &l->v[l->n];
	if ((before.len > 0 &&
	        (before.p = arena_memdup(p->a, before.p, before.len)) ==
	            NULL) ||
	    (after.len > 0 &&
	        (after.p = arena_memdup(p->a, after.p, after.len)) == NULL))
		return NULL;
	memset(t, 0, sizeof(*t));
	t->before = before;
	t->after = after;
	t->k = k;
	l->n++;
	return t;
}

void
report_pass_followup_window(struct report_pass *p, long long from, long long to)
{
	p->fu_from = from;
	p->fu_to = to;
}

struct str
report_pass_income_state(struct str incomes)
{
	if (incomes.len == 0)
		return STR_LIT("");
	if (memchr(incomes.p, ',', incomes.len) != NULL)
		return STR_LIT("*");
	return incomes;
}

/* Count each code of row's incomes (comma-separated) for gender g. */
static enum app_err
incomes_add(struct report_pass *p, struct str incomes, int g)
{
	size_t i = 0;

	while (i < incomes.len) {
		const char *c = memchr(incomes.p + i, ',', incomes.len - i);
		size_t j = c != NULL ? (size_t)(c - incomes.p) : incomes.len;
		struct transition *t = transition_of(p, &p->inc,
		    (struct str){ incomes.p + i, j - i }, STR_LIT(""), 0);

		if (t == NULL)
			return APP_ENOMEM;
		t->n[g]++;
		i = j + 1;
	}
	return APP_OK;
}

/* The follow-up's state (enum followup_report_state) of a row that ended
 * on day e (date end), as SQL_FU_REPORT's CASE. */
static long long
fu_state(const struct report_pass *p, const struct report_pass_row *row)
{
	int y, m, d;
	long long due;

	if (row->fu_done)
		return FU_RS_DONE;
	if (!date_parse_iso(row->end, &y, &m, &d))
		return FU_RS_CLOSED;
	due = plus_months(y, m, d, FOLLOWUP_MONTHS);
	return due > p->fu_to   ? FU_RS_NOT_YET
	    : due >= p->fu_from ? FU_RS_OPEN
	                        : FU_RS_CLOSED;
}

/* Count one of pair (from, to) of gender g in *pairs; APP_ENOMEM on a
 * full arena. */
static enum app_err
path_add(struct report_pass *p, struct path_pair **pairs, size_t *n,
    size_t *cap, long long from, long long to, int g)
{
	struct path_pair *x;

	for (size_t i = 0; i < *n; i++)
		if ((*pairs)[i].from == from && (*pairs)[i].to == to) {
			(*pairs)[i].n[g]++;
			return APP_OK;
		}
	if (*n == *cap) {
		size_t c = *cap ? *cap * 2 : 16;

		if ((x = arena_calloc(p->a, c, sizeof(*x))) == NULL)
			return APP_ENOMEM;
		if (*n > 0)
			memcpy(x, *pairs, *n * sizeof(*x));
		*pairs = x;
		*cap = c;
	}
	x = &(*pairs)[(*n)++];
	memset(x, 0, sizeof(*x));
	x->from = from;
	x->to = to;
	x->n[g] = 1;
	return APP_OK;
}

enum app_err
report_pass_add(struct report_pass *p, const struct report_pass_row *row)
{
	struct insats_counts *ic;
	enum gender gv;
	long long s, e = 0, d;
	int open = row->end.len == 0, g, band, sy, ey;
	size_t ei, si;
	struct group *gr;

	if (!day_of(row->start, &s, &sy) ||
	    (!open && !day_of(row->end, &e, &ey)))
		return APP_EINPUT;
	if (!gender_from_name(row->gender, &gv))
		return APP_OK; /* no column (as the builders skip it) */
	g = (int)gv;
	d = sy - row->birth_year; /* YEAR(start) - birth_year */
	band = d < 30 ? 0 : d < 45 ? 1 : d <= 65 ? 2 : 3;
	ei = code_index(p->edu, p->nedu, row->edu);
	si = code_index(p->sup, p->nsup, row->support);
	gr = &p->groups[(((size_t)g * NBAND + (size_t)band) * (p->nedu + 1) +
	                    ei) *
	        (p->nsup + 1) +
	    si];
	gr->n++;
	if (s >= p->from)
		gr->n_new++;
	if ((ic = insats_of(p, row->insats_id)) == NULL)
		return APP_ENOMEM;
	ic->n[g]++;
	if (row->ended && !open && e <= p->to) {
		gr->n_ended++;
		ic->n_ended[g]++;
	}
	p->en_n[g]++;
	p->en_age[g] += row->age;
	p->en_no_income[g] += row->no_income != 0;
	p->en_no_corem[g] += row->no_coremittent != 0;
	orgs_add(p, row->coremittents, p->corem, 0, g);
	if (incomes_add(p, row->incomes, g) != APP_OK)
		return APP_ENOMEM;
	if (row->ended && !open && e >= p->from && e <= p->to) {
		struct transition *t = transition_of(
		    p, &p->tr, row->state_before, row->state_after, 0);
		struct transition *f = transition_of(p, &p->fu, row->outcome,
		    row->fu_situation, fu_state(p, row));
		enum app_err err;

		int y, m, dd;

		if (t == NULL || f == NULL)
			return APP_ENOMEM;
		t->n[g]++;
		f->n[g]++;
		if (date_parse_iso(row->start, &y, &m, &dd)) {
			p->w6[g] += e <= plus_months(y, m, dd, 6);
			p->w12[g] += e <= plus_months(y, m, dd, 12);
		}
		p->out[report_pass_outcome(row->outcome)][g]++;
		orgs_add(p, row->employer_tops, p->emp, 1, g);
		if ((err = hist_room(p, e - s)) != APP_OK)
			return err;
		p->hist[g][e - s]++;
		p->dur_n[g]++;
		p->dur_sum[g] += e - s;
	}
	{
		struct org_top key = { .id = row->org }, *o;

		o = bsearch(&key, p->orgs, p->norgs, sizeof(key), org_cmp);
		if (o != NULL)
			p->ref[o->top * NG + (size_t)g]++;
	}
	add_months(p, g, s, e, open);
	if (row->pred != 0 &&
	    path_add(p, &p->pf, &p->npf, &p->pfcap, row->pred, row->insats_id,
	        g) != APP_OK)
		return APP_ENOMEM;
	if (row->succ != 0 &&
	    path_add(p, &p->pt, &p->npt, &p->ptcap, row->insats_id, row->succ,
	        g) != APP_OK)
		return APP_ENOMEM;
	return APP_OK;
}

static struct str
gender_str(int g)
{
	return str_cstr(gender_name((enum gender)g));
}

enum app_err
report_pass_counts(const struct report_pass *p, struct arena *a,
    struct report_count_row **rows, size_t *n)
{
	size_t ng = (size_t)NG * NBAND * (p->nedu + 1) * (p->nsup + 1), k = 0;

	*rows = NULL;
	*n = 0;
	for (size_t i = 0; i < ng; i++)
		k += p->groups[i].n > 0;
	if (k == 0)
		return APP_OK;
	if ((*rows = arena_calloc(a, k, sizeof(**rows))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < ng; i++) {
		const struct group *gr = &p->groups[i];
		struct report_count_row *r = &(*rows)[*n];
		size_t si = i % (p->nsup + 1), rest = i / (p->nsup + 1);
		size_t ei = rest % (p->nedu + 1);

		rest /= p->nedu + 1;
		if (gr->n == 0)
			continue;
		r->gender = gender_str((int)(rest / NBAND));
		r->age_band = (long long)(rest % NBAND);
		r->edu = ei < p->nedu ? p->edu[ei] : STR_LIT("");
		r->support = si < p->nsup ? p->sup[si] : STR_LIT("");
		r->n = gr->n;
		r->n_new = gr->n_new;
		r->n_ended = gr->n_ended;
		(*n)++;
	}
	return APP_OK;
}

enum app_err
report_pass_referrers(const struct report_pass *p, struct arena *a,
    struct report_referrer_row **rows, size_t *n)
{
	size_t k = 0;

	*rows = NULL;
	*n = 0;
	for (size_t i = 0; i < p->ntops * NG; i++)
		k += p->ref[i] > 0;
	if (k == 0)
		return APP_OK;
	if ((*rows = arena_calloc(a, k, sizeof(**rows))) == NULL)
		return APP_ENOMEM;
	for (size_t t = 0; t < p->ntops; t++)
		for (int g = 0; g < NG; g++) {
			struct report_referrer_row *r = &(*rows)[*n];

			if (p->ref[t * NG + (size_t)g] == 0)
				continue;
			r->gender = gender_str(g);
			r->top = p->top_id[t];
			r->topname = p->top_name[t];
			r->n = p->ref[t * NG + (size_t)g];
			(*n)++;
		}
	return APP_OK;
}

enum app_err
report_pass_outcomes(const struct report_pass *p, struct arena *a,
    struct report_outcome_row **rows, size_t *n)
{
	*n = 0;
	if ((*rows = arena_calloc(a, RO__MAX * NG, sizeof(**rows))) == NULL)
		return APP_ENOMEM;
	for (int o = 0; o < RO__MAX; o++)
		for (int g = 0; g < NG; g++) {
			struct report_outcome_row *r = &(*rows)[*n];

			if (p->out[o][g] == 0)
				continue;
			r->gender = gender_str(g);
			r->end_outcome = str_cstr(outcome_codes[o]);
			r->n = p->out[o][g];
			(*n)++;
		}
	return APP_OK;
}

enum app_err
report_pass_months(const struct report_pass *p, struct arena *a,
    struct report_month_row **rows, size_t *n)
{
	int y = p->fy, m = p->fm;

	*n = 0;
	if ((*rows = arena_calloc(a, p->nmonths * NG + 1, sizeof(**rows))) ==
	    NULL)
		return APP_ENOMEM;
	for (size_t k = 0; k < p->nmonths; k++) {
		char key[16];
		struct str month;

		(void)snprintf(key, sizeof(key), "%04d-%02d", y, m);
		if ((month.p = arena_memdup(a, key, 7)) == NULL)
			return APP_ENOMEM;
		month.len = 7;
		for (int g = 0; g < NG; g++) {
			struct report_month_row *r = &(*rows)[*n];
			char pd[32];
			int len;

			if (p->mn[k * NG + (size_t)g] == 0)
				continue;
			len = snprintf(
			    pd, sizeof(pd), "%lld", p->mpd[k * NG + (size_t)g]);
			r->month = month;
			r->gender = gender_str(g);
			r->n = p->mn[k * NG + (size_t)g];
			if ((r->place_days.p =
			            arena_memdup(a, pd, (size_t)len)) == NULL)
				return APP_ENOMEM;
			r->place_days.len = (size_t)len;
			(*n)++;
		}
		if (++m == 13) {
			m = 1;
			y++;
		}
	}
	return APP_OK;
}

/* Value k (from 0) of the sorted days of the genders in mask. */
static long long
kth(const struct report_pass *p, unsigned mask, long long k)
{
	for (size_t d = 0; d < p->hcap; d++) {
		for (int g = 0; g < NG; g++)
			if (mask & (1u << g))
				k -= p->hist[g][d];
		if (k < 0)
			return (long long)d;
	}
	return 0;
}

/* The median as MariaDB's MEDIAN() (PERCENTILE_CONT(0.5)) gives it, as
 * text: the middle value, or the mean of the two middle ones. */
static enum app_err
median_text(const struct report_pass *p, struct arena *a, unsigned mask,
    long long n, struct str *out)
{
	char t[32];
	int len;
	double v = n % 2
	    ? (double)kth(p, mask, n / 2)
	    : ((double)kth(p, mask, n / 2 - 1) + (double)kth(p, mask, n / 2)) /
	        2;

	len = snprintf(t, sizeof(t), "%.1f", v);
	if ((out->p = arena_memdup(a, t, (size_t)len)) == NULL)
		return APP_ENOMEM;
	out->len = (size_t)len;
	return APP_OK;
}

enum app_err
report_pass_durations(const struct report_pass *p, struct arena *a,
    struct report_duration_row **rows, size_t *n)
{
	long long all = 0;
	struct str median_all = STR_LIT("");
	enum app_err e;

	*n = 0;
	for (int g = 0; g < NG; g++)
		all += p->dur_n[g];
	if ((*rows = arena_calloc(a, NG, sizeof(**rows))) == NULL)
		return APP_ENOMEM;
	if (all > 0 &&
	    (e = median_text(p, a, (1u << NG) - 1, all, &median_all)) != APP_OK)
		return e;
	for (int g = 0; g < NG; g++) {
		struct report_duration_row *r = &(*rows)[*n];

		if (p->dur_n[g] == 0)
			continue;
		r->gender = gender_str(g);
		r->n = p->dur_n[g];
		r->sum_days = p->dur_sum[g];
		r->median_all = median_all;
		if ((e = median_text(p, a, 1u << g, p->dur_n[g],
		         &r->median_days)) != APP_OK)
			return e;
		(*n)++;
	}
	return APP_OK;
}

enum app_err
report_pass_enrolled(const struct report_pass *p, struct arena *a,
    struct rp_enrolled_row **rows, size_t *n)
{
	*n = 0;
	if ((*rows = arena_calloc(a, NG, sizeof(**rows))) == NULL)
		return APP_ENOMEM;
	for (int g = 0; g < NG; g++) {
		struct rp_enrolled_row *r = &(*rows)[*n];

		if (p->en_n[g] == 0)
			continue;
		r->gender = gender_str(g);
		r->n = p->en_n[g];
		r->sum_age = p->en_age[g];
		r->no_income = p->en_no_income[g];
		r->no_coremittent = p->en_no_corem[g];
		(*n)++;
	}
	return APP_OK;
}

enum app_err
report_pass_transitions(const struct report_pass *p, struct arena *a,
    struct rp_transition_row **rows, size_t *n)
{
	*n = 0;
	if ((*rows = arena_calloc(a, p->tr.n * NG + 1, sizeof(**rows))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < p->tr.n; i++)
		for (int g = 0; g < NG; g++) {
			struct rp_transition_row *r = &(*rows)[*n];

			if (p->tr.v[i].n[g] == 0)
				continue;
			r->gender = gender_str(g);
			r->before = p->tr.v[i].before;
			r->after = p->tr.v[i].after;
			r->n = p->tr.v[i].n[g];
			(*n)++;
		}
	return APP_OK;
}

enum app_err
report_pass_incomes(const struct report_pass *p, struct arena *a,
    struct rp_group_row **rows, size_t *n)
{
	*n = 0;
	if ((*rows = arena_calloc(a, p->inc.n * NG + 1, sizeof(**rows))) ==
	    NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < p->inc.n; i++)
		for (int g = 0; g < NG; g++) {
			struct rp_group_row *r = &(*rows)[*n];

			if (p->inc.v[i].n[g] == 0)
				continue;
			r->gender = gender_str(g);
			r->key = p->inc.v[i].before;
			r->label = STR_LIT("");
			r->n = p->inc.v[i].n[g];
			(*n)++;
		}
	return APP_OK;
}

enum app_err
report_pass_followups(const struct report_pass *p, struct arena *a,
    struct followup_report_row **rows, size_t *n)
{
	*n = 0;
	if ((*rows = arena_calloc(a, p->fu.n * NG + 1, sizeof(**rows))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < p->fu.n; i++)
		for (int g = 0; g < NG; g++) {
			struct followup_report_row *r = &(*rows)[*n];

			if (p->fu.v[i].n[g] == 0)
				continue;
			r->gender = gender_str(g);
			r->outcome = p->fu.v[i].before;
			r->situation = p->fu.v[i].after;
			r->state = p->fu.v[i].k;
			r->n = p->fu.v[i].n[g];
			(*n)++;
		}
	return APP_OK;
}

void
report_pass_within(const struct report_pass *p, long long w6[GENDER__MAX],
    long long w12[GENDER__MAX])
{
	memcpy(w6, p->w6, sizeof(p->w6));
	memcpy(w12, p->w12, sizeof(p->w12));
}

enum app_err
report_pass_flow_base(const struct report_pass *p, struct arena *a,
    struct report_flow_base_row **rows, size_t *n)
{
	*n = 0;
	if ((*rows = arena_calloc(a, p->nins * NG + 1, sizeof(**rows))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < p->nins; i++)
		for (int g = 0; g < NG; g++) {
			struct report_flow_base_row *r = &(*rows)[*n];

			if (p->ins[i].n[g] == 0)
				continue;
			r->insats_id = p->ins[i].id;
			r->gender = gender_str(g);
			r->n = p->ins[i].n[g];
			r->n_ended = p->ins[i].n_ended[g];
			(*n)++;
		}
	return APP_OK;
}

static enum app_err
path_rows(const struct path_pair *pairs, size_t np, struct arena *a,
    struct report_flow_row **rows, size_t *n)
{
	*n = 0;
	if ((*rows = arena_calloc(a, np * NG + 1, sizeof(**rows))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < np; i++)
		for (int g = 0; g < NG; g++) {
			struct report_flow_row *r = &(*rows)[*n];

			if (pairs[i].n[g] == 0)
				continue;
			r->from_id = pairs[i].from;
			r->to_id = pairs[i].to;
			r->gender = gender_str(g);
			r->n = pairs[i].n[g];
			(*n)++;
		}
	return APP_OK;
}

enum app_err
report_pass_flow_from(const struct report_pass *p, struct arena *a,
    struct report_flow_row **rows, size_t *n)
{
	return path_rows(p->pf, p->npf, a, rows, n);
}

enum app_err
report_pass_flow_to(const struct report_pass *p, struct arena *a,
    struct report_flow_row **rows, size_t *n)
{
	return path_rows(p->pt, p->npt, a, rows, n);
}

enum app_err
report_pass_coremittents(const struct report_pass *p, struct arena *a,
    struct rp_group_row **rows, size_t *n)
{
	*n = 0;
	if ((*rows = arena_calloc(a, p->norgs * NG + 1, sizeof(**rows))) ==
	    NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < p->norgs; i++) {
		const struct report_pass_org *o = &p->olist[p->ranked[i].idx];
		const long long *c = &p->corem[p->ranked[i].idx * NG];
		char key[24];
		struct str k = STR_LIT("");

		for (int g = 0; g < NG; g++) {
			struct rp_group_row *r = &(*rows)[*n];

			if (c[g] == 0)
				continue;
			if (k.len == 0) {
				int len =
				    snprintf(key, sizeof(key), "%lld", o->id);

				if ((k.p = arena_memdup(a, key, (size_t)len)) ==
				    NULL)
					return APP_ENOMEM;
				k.len = (size_t)len;
			}
			r->gender = gender_str(g);
			r->key = k;
			r->label = o->label;
			r->n = c[g];
			(*n)++;
		}
	}
	return APP_OK;
}

enum app_err
report_pass_employers(const struct report_pass *p, struct arena *a,
    struct rp_group_row **rows, size_t *n)
{
	static const char pre[] = "Avslutade anställda hos ";

	*n = 0;
	if ((*rows = arena_calloc(a, p->ntoplevel * NG + 1, sizeof(**rows))) ==
	    NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < p->ntoplevel; i++) {
		const struct report_pass_org *o = &p->olist[p->tops[i].idx];
		const long long *c = &p->emp[p->tops[i].idx * NG];
		char key[24];
		int klen = snprintf(key, sizeof(key), "%lld", o->id);
		size_t llen = sizeof(pre) - 1 + o->name.len;
		char *k = arena_memdup(a, key, (size_t)klen),
		     *l = arena_alloc(a, llen);
		int any = 0;

		if (k == NULL || l == NULL)
			return APP_ENOMEM;
		memcpy(l, pre, sizeof(pre) - 1);
		if (o->name.len > 0)
			memcpy(l + sizeof(pre) - 1, o->name.p, o->name.len);
		for (int g = 0; g <= NG; g++) {
			struct rp_group_row *r = &(*rows)[*n];

			/* The organisation without anyone: one row (the
			 * statement's LEFT JOIN), gender "". */
			if (g == NG ? any : c[g] == 0)
				continue;
			any = 1;
			r->gender = g == NG ? STR_LIT("") : gender_str(g);
			r->key = (struct str){ k, (size_t)klen };
			r->label = (struct str){ l, llen };
			r->n = g == NG ? 0 : c[g];
			(*n)++;
		}
	}
	return APP_OK;
}
