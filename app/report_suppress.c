/* report_suppress.c: small-cell protection by cell suppression audited with
 * GLPK; see include/report_suppress.h. */
#include <malloc.h>
#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>

#include <glpk.h>

#include "arena.h"
#include "report_suppress.h"

/* Tolerance of the comparisons on the solver's values (counts are whole
 * numbers, measures have one decimal when published). */
#define SUP_EPS          1e-6
/* GLPK's own heap is capped (MiB); past it sup_run() fails with ENOMEM. */
#define SUP_GLPK_MEM_MB  64
/* The solves fix() may spend on trials in one sup_run(). Around a cell of
 * the path table of 30 insatser lie hundreds of candidates, and trying
 * every one for every cell to protect took one report past a minute
 * (615 000 solves). Past the budget fix() tries only as many as are left
 * (the nearest first), then none: it hides the cheapest untried. Hiding any
 * candidate only widens ranges, so this bounds the time, never the
 * protection; the demo's reports stay well within it (the same marks as
 * without a budget). It is counted, not timed, so the same figures always
 * give the same marks (two different patterns of one table, side by side,
 * could give a hidden cell away). */
#define SUP_TRIAL_SOLVES 4000
/* And the whole run's work, in LP columns per solve (a solve's time grows
 * with its columns): the path table of some 100 insatser in make check's
 * database (10 424 cells, 4 351 of them never protectable) took 28 s of
 * audits after the trials had stopped. Past this, give_up(): what is still
 * open gets everything connected to it hidden, the most any run could
 * hide, and is counted as unprotected. About a second. */
#define SUP_WORK_MAX     4000000L
/* GLPK allocates and frees its work arrays at every solve; glibc's default
 * 128 KiB of top padding then has the heap shrink and grow again each time
 * (a third of the time in the kernel). While the audit runs, more; the
 * heap left free afterwards goes back with the worker's trim after a
 * request this big (worker_give_back()). */
#define SUP_TOP_PAD      (16 * 1024 * 1024)
#define MALLOC_TOP_PAD   (128 * 1024)

enum sup_state { ST_OPEN, ST_PASSED, ST_UNPROTECTED };

struct sup_cell {
	double v;    /* the published value (a count: n) */
	long long n; /* people behind it */
	unsigned char mark;
	unsigned char flags;
	unsigned char measure;
	unsigned char state; /* enum sup_state */
};

struct sup_set {
	struct arena *a;
	struct sup_cell *cells;
	size_t ncells, max_cells;
	/* Relation i: members[rel_start[i] .. the next), the whole first. */
	size_t *rel_start;
	size_t nrels, max_rels;
	int *members;
	size_t nmembers, max_members;
	int in_void;            /* the relation being added to is void */
	int *follower, *leader; /* sup_follow() pairs */
	size_t nfollow;
	long long min_cell;
	size_t run_cells, run_rels; /* the set's size at the last sup_run() */
	/* Cell c's last audit: the LP's signature (two hashes of its columns
	 * and rows) and the deficit found; a later audit of the same LP (a
	 * later sup_run() re-auditing cells its new tables left alone) takes
	 * the deficit instead of solving again. */
	uint64_t *memo_h1, *memo_h2;
	long long *memo_d;
	unsigned char *memo_ok;

	/* sup_run()'s working memory, from the arena. */
	/* The relations of cell c: crels[crel_start[c] .. crel_start[c + 1]). */
	size_t *crel_start;
	int *crels;
	int *col;  /* cell -> LP column (1-based), 0: not in the LP */
	int *vars; /* LP column -> cell (0-based) */
	int *rels; /* the LP's relations */
	char *rin; /* relation already in the LP */
	double *coef;
	int *ia, *ja;
	double *ar;
	int *cand;
	long long *trial_d; /* fix()'s deficit per candidate */
	/* The last component's LP, kept while no cell is hidden (gen counts
	 * hide()s): any of its cells is audited on it. lp_col: cell -> its
	 * column there (0: not in it); lp_cells: its cells. */
	glp_prob *lp;
	int *lp_col, *lp_cells;
	size_t lp_n;
	unsigned long gen, lp_gen;
	size_t nvars, nlprels;
	long trials_left; /* of SUP_TRIAL_SOLVES in this sup_run() */
	long work;        /* LP columns solved over in this sup_run() */
	size_t solves;    /* simplex solves in the last sup_run() */
};

struct sup_set *
sup_new(struct arena *a, size_t max_cells, size_t max_rels, size_t max_members)
{
	struct sup_set *s = arena_calloc(a, 1, sizeof(*s));

	if (s == NULL ||
	    (s->cells = arena_calloc(a, max_cells + 1, sizeof(*s->cells))) ==
	        NULL ||
	    (s->rel_start = arena_calloc(
	         a, max_rels + 1, sizeof(*s->rel_start))) == NULL ||
	    (s->members = arena_calloc(
	         a, max_members + 1, sizeof(*s->members))) == NULL ||
	    (s->memo_h1 = arena_calloc(a, max_cells + 1, sizeof(uint64_t))) ==
	        NULL ||
	    (s->memo_h2 = arena_calloc(a, max_cells + 1, sizeof(uint64_t))) ==
	        NULL ||
	    (s->memo_d = arena_calloc(a, max_cells + 1, sizeof(long long))) ==
	        NULL ||
	    (s->memo_ok = arena_calloc(a, max_cells + 1, 1)) == NULL)
		return NULL;
	s->a = a;
	s->max_cells = max_cells;
	s->max_rels = max_rels;
	s->max_members = max_members;
	return s;
}

static int
cell_new(struct sup_set *s, double v, long long n, unsigned flags, int measure)
{
	struct sup_cell *c;

	if (s->ncells >= s->max_cells)
		return -1;
	c = &s->cells[s->ncells];
	memset(c, 0, sizeof(*c));
	c->v = v < 0 ? 0 : v;
	c->n = n;
	c->mark = SUP_SHOWN;
	c->flags = (unsigned char)(flags & (SUP_FIXED | SUP_UNPUBLISHED));
	c->measure = (unsigned char)(measure != 0);
	return (int)s->ncells++;
}

int
sup_cell(struct sup_set *s, long long n, unsigned flags)
{
	return cell_new(s, (double)n, n, flags, 0);
}

int
sup_measure(struct sup_set *s, double value, long long people, unsigned flags)
{
	return cell_new(s, value, people, flags, 1);
}

enum app_err
sup_rel_begin(struct sup_set *s, int whole)
{
	s->in_void = whole < 0 || (size_t)whole >= s->ncells;
	if (s->in_void)
		return APP_OK;
	if (s->nrels >= s->max_rels || s->nmembers >= s->max_members)
		return APP_ENOMEM;
	s->rel_start[s->nrels++] = s->nmembers;
	s->members[s->nmembers++] = whole;
	return APP_OK;
}

enum app_err
sup_rel_add(struct sup_set *s, int cell)
{
	if (cell < 0 || s->in_void)
		return APP_OK;
	if (s->nrels == 0 || (size_t)cell >= s->ncells ||
	    s->nmembers >= s->max_members)
		return APP_ENOMEM;
	s->members[s->nmembers++] = cell;
	return APP_OK;
}

enum app_err
sup_follow(struct sup_set *s, int cell, int leader)
{
	if (cell < 0 || leader < 0)
		return APP_OK;
	if ((size_t)cell >= s->ncells || (size_t)leader >= s->ncells ||
	    s->nfollow >= s->max_cells)
		return APP_ENOMEM;
	if (s->follower == NULL &&
	    ((s->follower = arena_calloc(s->a, s->max_cells, sizeof(int))) ==
	            NULL ||
	        (s->leader = arena_calloc(s->a, s->max_cells, sizeof(int))) ==
	            NULL))
		return APP_ENOMEM;
	s->follower[s->nfollow] = cell;
	s->leader[s->nfollow++] = leader;
	return APP_OK;
}

static size_t
rel_end(const struct sup_set *s, size_t rel)
{
	return rel + 1 < s->nrels ? s->rel_start[rel + 1] : s->nmembers;
}

/* --- What a cell is. */

static int
published(const struct sup_cell *c)
{
	return !(c->flags & SUP_UNPUBLISHED);
}

static int
small(const struct sup_set *s, const struct sup_cell *c)
{
	return c->n >= 1 && c->n < s->min_cell;
}

/* Not known to the reader: suppressed or never published. */
static int
unknown(const struct sup_cell *c)
{
	return c->mark != SUP_SHOWN || !published(c);
}

static int
needs(const struct sup_set *s, const struct sup_cell *c)
{
	if (published(c))
		return c->mark != SUP_SHOWN;
	return !c->measure && small(s, c);
}

static int
candidate(const struct sup_cell *c)
{
	return c->mark == SUP_SHOWN && published(c) && !(c->flags & SUP_FIXED);
}

/* a cheaper to hide than b (b < 0: anything is): the smaller, and a zero
 * last (it hides "none", and rarely helps). */
static int
cheaper(const struct sup_set *s, int a, int b)
{
	double va, vb;

	if (b < 0)
		return 1;
	va = s->cells[a].v;
	vb = s->cells[b].v;
	if ((va > 0) != (vb > 0))
		return va > 0;
	return va < vb;
}

static void
hide(struct sup_set *s, int cell)
{
	s->gen++;
	s->cells[cell].mark = SUP_HIDDEN;
	s->cells[cell].state = ST_OPEN;
}

/* Hide the followers of suppressed leaders; how many were hidden. */
static size_t
apply_follows(struct sup_set *s)
{
	size_t k = 0;

	for (size_t i = 0; i < s->nfollow; i++) {
		struct sup_cell *f = &s->cells[s->follower[i]];
		if (unknown(&s->cells[s->leader[i]]) && f->mark == SUP_SHOWN &&
		    published(f) && !(f->flags & SUP_FIXED)) {
			hide(s, s->follower[i]);
			k++;
		}
	}
	return k;
}

/* --- The single-unknown rule: a relation whose only unknown needs
 * protection gives it away; hide its cheapest candidate. */
static void
close_singletons(struct sup_set *s)
{
	int changed;

	do {
		changed = 0;
		for (size_t r = 0; r < s->nrels; r++) {
			int only = -1, pick = -1;
			size_t k = 0;

			for (size_t i = s->rel_start[r]; i < rel_end(s, r);
			     i++) {
				int m = s->members[i];
				if (unknown(&s->cells[m]) && m != only) {
					only = m;
					k++;
				}
			}
			if (k != 1 || !needs(s, &s->cells[only]))
				continue;
			for (size_t i = s->rel_start[r]; i < rel_end(s, r);
			     i++) {
				int m = s->members[i];
				if (candidate(&s->cells[m]) &&
				    cheaper(s, m, pick))
					pick = m;
			}
			if (pick >= 0) {
				hide(s, pick);
				changed = 1;
			}
		}
	} while (changed);
}

/* --- The audit: the component of cell c (its unknowns and the relations
 * that tie them) as an LP, min and max of c. */

/* Collect the component of c into s->vars / s->rels. */
static void
component(struct sup_set *s, int c)
{
	size_t head = 0;

	s->nvars = 0;
	s->nlprels = 0;
	s->vars[s->nvars++] = c;
	s->col[c] = 1;
	while (head < s->nvars) {
		int u = s->vars[head++];
		for (size_t k = s->crel_start[u]; k < s->crel_start[u + 1];
		     k++) {
			int r = s->crels[k];
			if (s->rin[r])
				continue;
			s->rin[r] = 1;
			s->rels[s->nlprels++] = r;
			for (size_t i = s->rel_start[r];
			     i < rel_end(s, (size_t)r); i++) {
				int m = s->members[i];
				if (unknown(&s->cells[m]) && s->col[m] == 0) {
					s->vars[s->nvars++] = m;
					s->col[m] = (int)s->nvars;
				}
			}
		}
	}
}

static void
component_clear(struct sup_set *s)
{
	for (size_t j = 0; j < s->nvars; j++)
		s->col[s->vars[j]] = 0;
	for (size_t i = 0; i < s->nlprels; i++)
		s->rin[s->rels[i]] = 0;
}

/* The LP of the collected component: one row per relation, whole - parts
 * = 0 with the shown cells moved to the right-hand side, every column
 * >= 0. */
static glp_prob *
lp_load(struct sup_set *s)
{
	glp_prob *P = glp_create_prob();
	int ne = 0;

	glp_add_cols(P, (int)s->nvars);
	for (size_t j = 1; j <= s->nvars; j++)
		glp_set_col_bnds(P, (int)j, GLP_LO, 0.0, 0.0);
	if (s->nlprels > 0)
		glp_add_rows(P, (int)s->nlprels);
	for (size_t i = 0; i < s->nlprels; i++) {
		size_t r = (size_t)s->rels[i], b = s->rel_start[r];
		double rhs = 0;

		for (size_t k = b; k < rel_end(s, r); k++) {
			int m = s->members[k];
			double sign = k == b ? 1.0 : -1.0;

			if (s->col[m])
				s->coef[s->col[m]] += sign;
			else
				rhs -= sign * s->cells[m].v;
		}
		for (size_t k = b; k < rel_end(s, r); k++) {
			int j = s->col[s->members[k]];

			if (j == 0 || s->coef[j] == 0)
				continue;
			ne++;
			s->ia[ne] = (int)i + 1;
			s->ja[ne] = j;
			s->ar[ne] = s->coef[j];
			s->coef[j] = 0;
		}
		glp_set_row_bnds(P, (int)i + 1, GLP_FX, rhs, rhs);
	}
	glp_load_matrix(P, ne, s->ia, s->ja, s->ar);
	return P;
}

/* Min or max of column j: 0 and *v, or -1 when the solver fails. An
 * unbounded max is HUGE_VAL. */
static int
lp_opt(glp_prob *P, int j, int dir, double *v)
{
	glp_smcp parm;
	int ret;

	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	glp_set_obj_coef(P, j, 1.0);
	glp_set_obj_dir(P, dir);
	if ((ret = glp_simplex(P, &parm)) != 0) {
		glp_std_basis(P);
		ret = glp_simplex(P, &parm);
	}
	glp_set_obj_coef(P, j, 0.0);
	if (ret != 0)
		return -1;
	switch (glp_get_status(P)) {
	case GLP_OPT: *v = glp_get_obj_val(P); return 0;
	case GLP_UNBND: *v = dir == GLP_MAX ? HUGE_VAL : 0; return 0;
	default: return -1; /* infeasible: the relations do not hold */
	}
}

static long long
ceil_ll(double v)
{
	return (long long)ceil(v - SUP_EPS);
}

static long long
floor_ll(double v)
{
	return v > 1e15 ? (long long)1e15 : (long long)floor(v + SUP_EPS);
}

static void
mix(uint64_t *h1, uint64_t *h2, uint64_t v)
{
	*h1 = (*h1 ^ v) * 0x100000001b3ULL;
	*h2 = (*h2 + v + 0x9e3779b97f4a7c15ULL) * 0xff51afd7ed558ccdULL;
	*h2 ^= *h2 >> 29;
}

/* The signature of the collected component's LP: its columns (cells, in
 * order; the first is the audited cell) and rows (relations, in order,
 * with their sizes: only the last relation can still grow) say everything
 * else (a relation's members and the values never change, a member not a
 * column is shown), and min_cell. */
static void
signature(const struct sup_set *s, uint64_t *h1, uint64_t *h2)
{
	*h1 = 0xcbf29ce484222325ULL;
	*h2 = 0x84222325cbf29ce4ULL;
	mix(h1, h2, (uint64_t)s->min_cell);
	mix(h1, h2, (uint64_t)s->nvars);
	for (size_t j = 0; j < s->nvars; j++)
		mix(h1, h2, (uint64_t)s->vars[j]);
	mix(h1, h2, (uint64_t)s->nlprels);
	for (size_t i = 0; i < s->nlprels; i++) {
		size_t r = (size_t)s->rels[i];
		mix(h1, h2, (uint64_t)r);
		mix(h1, h2, (uint64_t)(rel_end(s, r) - s->rel_start[r]));
	}
}

/* How far cell x (column j of P) is from protected (0: it is), in people
 * for a count, from its least and greatest value. -1: solver failure. */
static long long
deficit(struct sup_set *s, const struct sup_cell *x, glp_prob *P, int j)
{
	double lo, hi;
	long long w;

	s->solves += 2;
	s->work += 2L * glp_get_num_cols(P);
	if (lp_opt(P, j, GLP_MIN, &lo) < 0 || lp_opt(P, j, GLP_MAX, &hi) < 0)
		return -1;
	if (x->measure)
		return hi - lo > SUP_EPS ? 0 : 1;
	if ((w = floor_ll(hi) - ceil_ll(lo)) < s->min_cell)
		return s->min_cell - w;
	return 0;
}

/* Forget the kept LP (freed unless GLPK's environment is gone). */
static void
lp_drop(struct sup_set *s, int free_it)
{
	if (s->lp != NULL && free_it)
		glp_delete_prob(s->lp);
	s->lp = NULL;
	for (size_t j = 0; j < s->lp_n; j++)
		s->lp_col[s->lp_cells[j]] = 0;
	s->lp_n = 0;
}

/* How far cell c is from protected (0: it is), in people for a count.
 * -1: solver failure. The LP of c's component is the kept one when c is
 * in it and nothing was hidden since: a component is the same whichever of
 * its cells it is collected from, so the LP is the same but for the order
 * of its rows and columns, and so are c's least and greatest values; each
 * solve starts from the last one's basis. */
static long long
audit(struct sup_set *s, int c)
{
	const struct sup_cell *x = &s->cells[c];
	long long d;
	uint64_t h1, h2;
	glp_prob *P;

	component(s, c);
	signature(s, &h1, &h2);
	if (s->memo_ok[c] && s->memo_h1[c] == h1 && s->memo_h2[c] == h2) {
		component_clear(s);
		return s->memo_d[c];
	}
	if (s->lp != NULL && s->lp_gen == s->gen && s->lp_col[c] != 0) {
		d = deficit(s, x, s->lp, s->lp_col[c]);
	} else {
		lp_drop(s, 1);
		P = lp_load(s);
		/* A crash basis of the rows instead of the all-slack one:
		 * the optimum (a value, all the audit reads) is the same,
		 * found in a third of the time, since the relations are
		 * equalities that the all-slack basis leaves infeasible. */
		glp_adv_basis(P, 0);
		s->lp = P;
		s->lp_gen = s->gen;
		for (size_t j = 0; j < s->nvars; j++) {
			s->lp_cells[j] = s->vars[j];
			s->lp_col[s->vars[j]] = (int)j + 1;
		}
		s->lp_n = s->nvars;
		d = deficit(s, x, P, 1);
	}
	component_clear(s);
	s->memo_ok[c] = d >= 0;
	s->memo_h1[c] = h1;
	s->memo_h2[c] = h2;
	s->memo_d[c] = d;
	return d;
}

/* For each of fix()'s candidates cand[0 .. nc), the deficit of c were
 * that one hidden too (as audit() would find it), into trial_d[]. One LP
 * for them all: the component of c with every candidate unknown, each a
 * column fixed at its value but the one tried. A fixed column is a known
 * value, as a shown cell is, and what it alone tied to c is then a part
 * apart from c's (the values satisfy it), so c's least and greatest values
 * are the same as in the LP of that one trial. Only the bounds change
 * between trials, and each solve starts from the last one's basis.
 * 0, or -1 on a solver failure. */
static int
trials(struct sup_set *s, int c, size_t nc)
{
	glp_prob *P;
	int ret = 0;

	for (size_t i = 0; i < nc; i++)
		s->cells[s->cand[i]].mark = SUP_HIDDEN;
	component(s, c);
	P = lp_load(s);
	for (size_t i = 0; i < nc; i++) {
		int m = s->cand[i];

		s->cells[m].mark = SUP_SHOWN;
		glp_set_col_bnds(
		    P, s->col[m], GLP_FX, s->cells[m].v, s->cells[m].v);
	}
	glp_adv_basis(P, 0);
	for (size_t i = 0; i < nc && ret == 0; i++) {
		int m = s->cand[i], j = s->col[m];

		glp_set_col_bnds(P, j, GLP_LO, 0.0, 0.0);
		s->trial_d[i] = deficit(s, &s->cells[c], P, 1);
		glp_set_col_bnds(P, j, GLP_FX, s->cells[m].v, s->cells[m].v);
		if (s->trial_d[i] < 0)
			ret = -1;
	}
	glp_delete_prob(P);
	component_clear(s);
	return ret;
}

/* Hide one more cell for c (deficit d > 0), then apply the single-unknown
 * rule. 1: done; 0: no candidate; -1: solver failure. */
static int
fix(struct sup_set *s, int c, long long d)
{
	size_t nc = 0, ntry;
	int best = -1, cheapest = -1;
	long long bestd = d;

	for (size_t k = s->crel_start[c]; k < s->crel_start[c + 1]; k++) {
		size_t r = (size_t)s->crels[k];
		for (size_t i = s->rel_start[r]; i < rel_end(s, r); i++) {
			int m = s->members[i];
			if (candidate(&s->cells[m]) && !s->col[m]) {
				s->col[m] = 1; /* seen */
				s->cand[nc++] = m;
			}
		}
	}
	if (nc == 0) {
		/* Nothing shown beside c: look around its component, the
		 * nearest first (its relations are in breadth-first order). */
		component(s, c);
		for (size_t i = 0; i < s->nlprels; i++) {
			size_t r = (size_t)s->rels[i];
			for (size_t k = s->rel_start[r]; k < rel_end(s, r);
			     k++) {
				int m = s->members[k];
				if (candidate(&s->cells[m]) && !s->col[m]) {
					s->col[m] = -1;
					s->cand[nc++] = m;
				}
			}
		}
		component_clear(s);
	}
	for (size_t i = 0; i < nc; i++)
		s->col[s->cand[i]] = 0;
	if (nc == 0)
		return 0;
	/* As many as the budget allows, the first (nearest) ones; the
	 * others untried, as if hiding them did not help. */
	ntry = nc;
	if ((long)ntry > s->trials_left / 2)
		ntry = (size_t)(s->trials_left / 2);
	for (size_t i = ntry; i < nc; i++)
		s->trial_d[i] = d;
	if (ntry > 0) {
		s->trials_left -= 2 * (long)ntry;
		if (trials(s, c, ntry) < 0)
			return -1;
	}
	for (size_t i = 0; i < nc; i++) {
		int m = s->cand[i];
		long long dd = s->trial_d[i];

		if (dd < bestd ||
		    (dd == bestd && best >= 0 && cheaper(s, m, best))) {
			best = m;
			bestd = dd;
		}
		if (cheaper(s, m, cheapest))
			cheapest = m;
	}
	hide(s, best >= 0 ? best : cheapest);
	close_singletons(s);
	return 1;
}

/* Relations of each cell, and the scratch arrays. */
static enum app_err
work_alloc(struct sup_set *s)
{
	size_t n = s->ncells, nm = s->nmembers;

	if ((s->crel_start = arena_calloc(s->a, n + 2, sizeof(size_t))) ==
	        NULL ||
	    (s->crels = arena_calloc(s->a, nm + 1, sizeof(int))) == NULL ||
	    (s->col = arena_calloc(s->a, n + 1, sizeof(int))) == NULL ||
	    (s->vars = arena_calloc(s->a, n + 1, sizeof(int))) == NULL ||
	    (s->rels = arena_calloc(s->a, s->nrels + 1, sizeof(int))) == NULL ||
	    (s->rin = arena_calloc(s->a, s->nrels + 1, 1)) == NULL ||
	    (s->coef = arena_calloc(s->a, n + 2, sizeof(double))) == NULL ||
	    (s->ia = arena_calloc(s->a, nm + 1, sizeof(int))) == NULL ||
	    (s->ja = arena_calloc(s->a, nm + 1, sizeof(int))) == NULL ||
	    (s->ar = arena_calloc(s->a, nm + 1, sizeof(double))) == NULL ||
	    (s->cand = arena_calloc(s->a, n + 1, sizeof(int))) == NULL ||
	    (s->trial_d = arena_calloc(s->a, n + 1, sizeof(long long))) ==
	        NULL ||
	    (s->lp_col = arena_calloc(s->a, n + 1, sizeof(int))) == NULL ||
	    (s->lp_cells = arena_calloc(s->a, n + 1, sizeof(int))) == NULL)
		return APP_ENOMEM;
	/* Count, prefix-sum, fill (a cell twice in a relation counts once). */
	for (size_t r = 0; r < s->nrels; r++)
		for (size_t i = s->rel_start[r]; i < rel_end(s, r); i++)
			s->crel_start[s->members[i] + 1]++;
	for (size_t c = 0; c < n; c++)
		s->crel_start[c + 1] += s->crel_start[c];
	{
		size_t *fill = arena_calloc(s->a, n + 1, sizeof(size_t));
		if (fill == NULL)
			return APP_ENOMEM;
		memcpy(fill, s->crel_start, n * sizeof(size_t));
		for (size_t r = 0; r < s->nrels; r++)
			for (size_t i = s->rel_start[r]; i < rel_end(s, r);
			     i++) {
				int m = s->members[i];
				if (fill[m] > s->crel_start[m] &&
				    s->crels[fill[m] - 1] == (int)r)
					continue;
				s->crels[fill[m]++] = (int)r;
			}
		/* Duplicates leave a gap: pad it with the last relation. */
		for (size_t c = 0; c < n; c++)
			for (size_t k = fill[c]; k < s->crel_start[c + 1]; k++)
				s->crels[k] = s->crels[k - 1];
	}
	return APP_OK;
}

/* The threshold a run uses: at least 2 (a cell of 1 is then small). */
static long long
min_cell_floor(long long min_cell)
{
	return min_cell < 2 ? 2 : min_cell;
}

static int
relations_hold(const struct sup_set *s)
{
	for (size_t r = 0; r < s->nrels; r++) {
		size_t b = s->rel_start[r];
		double whole = s->cells[s->members[b]].v, sum = 0;

		for (size_t i = b + 1; i < rel_end(s, r); i++)
			sum += s->cells[s->members[i]].v;
		if (fabs(whole - sum) > SUP_EPS * (1 + fabs(whole)))
			return 0;
	}
	return 1;
}

/* Past SUP_WORK_MAX: every candidate connected to an open cell through
 * any relations is hidden. No run could hide more around it (fix() picks
 * among exactly those), and hiding more only widens ranges, so every cell
 * is at least as protected as the whole algorithm would leave it; cells
 * that passed stay passed. The open ones are not audited again: they are
 * counted as unprotected. */
static void
give_up(struct sup_set *s)
{
	for (size_t c = 0; c < s->ncells; c++) {
		size_t head = 0, n = 0;

		if (s->cells[c].state != ST_OPEN || !needs(s, &s->cells[c]) ||
		    s->col[c])
			continue;
		s->vars[n++] = (int)c;
		s->col[c] = 1;
		while (head < n) {
			int u = s->vars[head++];
			for (size_t k = s->crel_start[u];
			     k < s->crel_start[u + 1]; k++) {
				size_t r = (size_t)s->crels[k];
				if (s->rin[r])
					continue;
				s->rin[r] = 1;
				for (size_t i = s->rel_start[r];
				     i < rel_end(s, r); i++) {
					int m = s->members[i];
					if (s->col[m])
						continue;
					s->col[m] = 1;
					s->vars[n++] = m;
				}
			}
		}
		for (size_t j = 0; j < n; j++) {
			struct sup_cell *x = &s->cells[s->vars[j]];
			if (candidate(x))
				hide(s, s->vars[j]);
			if (x->state != ST_PASSED && needs(s, x))
				x->state = ST_UNPROTECTED;
		}
	}
	memset(s->col, 0, (s->ncells + 1) * sizeof(*s->col));
	memset(s->rin, 0, s->nrels + 1);
}

/* Audit every cell that needs it, hiding more until each passes or has no
 * candidate left (or the work is spent: give_up()). -1: solver failure. */
static int
audit_all(struct sup_set *s)
{
	int work;

	do {
		work = 0;
		for (size_t i = 0; i < s->ncells; i++) {
			struct sup_cell *x = &s->cells[i];

			if (x->state != ST_OPEN || !needs(s, x))
				continue;
			work = 1;
			for (;;) {
				long long d;

				if (s->work > SUP_WORK_MAX) {
					give_up(s);
					return 0;
				}
				d = audit(s, (int)i);
				int f;

				if (d < 0)
					return -1;
				if (d == 0) {
					x->state = ST_PASSED;
					break;
				}
				if ((f = fix(s, (int)i, d)) < 0)
					return -1;
				if (f == 0) {
					x->state = ST_UNPROTECTED;
					break;
				}
			}
		}
	} while (work);
	/* Hiding for others may have protected an unprotected one after all. */
	for (size_t i = 0; i < s->ncells && s->work <= SUP_WORK_MAX; i++)
		if (s->cells[i].state == ST_UNPROTECTED) {
			long long d = audit(s, (int)i);
			if (d < 0)
				return -1;
			if (d == 0)
				s->cells[i].state = ST_PASSED;
		}
	return 0;
}

static void
glpk_error(void *info)
{
	longjmp(*(jmp_buf *)info, 1);
}

/* GLPK reports internal errors (including its memory limit) through the
 * hook; the environment is then freed, never used again. */
static enum app_err
audit_glpk(struct sup_set *s)
{
	jmp_buf jb;
	int failed;

	if (setjmp(jb)) {
		lp_drop(s, 0);
		glp_error_hook(NULL, NULL);
		glp_free_env();
		return APP_ENOMEM;
	}
	glp_error_hook(glpk_error, &jb);
	glp_term_out(GLP_OFF);
	glp_mem_limit(SUP_GLPK_MEM_MB);
	failed = audit_all(s) < 0;
	lp_drop(s, 1);
	glp_error_hook(NULL, NULL);
	glp_free_env();
	return failed ? APP_ENOMEM : APP_OK;
}

enum app_err
sup_run(struct sup_set *s, long long min_cell)
{
	size_t mark;
	enum app_err e;

	s->min_cell = min_cell_floor(min_cell);
	if (!relations_hold(s))
		return APP_EINPUT;
	/* New cells or relations can narrow what passed before. */
	if (s->ncells != s->run_cells || s->nrels != s->run_rels)
		for (size_t i = 0; i < s->ncells; i++)
			s->cells[i].state = ST_OPEN;
	for (size_t i = 0; i < s->ncells; i++) {
		struct sup_cell *c = &s->cells[i];
		if (published(c) && !(c->flags & SUP_FIXED) &&
		    c->mark == SUP_SHOWN && small(s, c))
			c->mark = SUP_SMALL;
	}
	/* The working memory goes back to the arena on return: the caller
	 * goes on allocating from it (a whole report page). */
	mark = arena_mark(s->a);
	s->trials_left = SUP_TRIAL_SOLVES;
	s->solves = 0;
	s->work = 0;
	if ((e = work_alloc(s)) == APP_OK) {
		(void)apply_follows(s);
		(void)mallopt(M_TOP_PAD, SUP_TOP_PAD);
		do {
			close_singletons(s);
			e = audit_glpk(s);
		} while (e == APP_OK && apply_follows(s) > 0);
		(void)mallopt(M_TOP_PAD, MALLOC_TOP_PAD);
	}
	arena_rewind(s->a, mark);
	if (e != APP_OK)
		return e;
	s->run_cells = s->ncells;
	s->run_rels = s->nrels;
	return APP_OK;
}

struct sup_memo {
	struct arena *a;
	int have;
	uint64_t h1, h2;
	size_t ncells;
	unsigned char *mark, *state;
};

struct sup_memo *
sup_memo_new(struct arena *a)
{
	struct sup_memo *m = arena_calloc(a, 1, sizeof(*m));

	if (m != NULL)
		m->a = a;
	return m;
}

/* Everything sup_run() reads of a set not run before. */
static void
set_signature(
    const struct sup_set *s, long long min_cell, uint64_t *h1, uint64_t *h2)
{
	*h1 = 0xcbf29ce484222325ULL;
	*h2 = 0x84222325cbf29ce4ULL;
	mix(h1, h2, (uint64_t)min_cell);
	mix(h1, h2, (uint64_t)s->ncells);
	for (size_t i = 0; i < s->ncells; i++) {
		const struct sup_cell *c = &s->cells[i];
		uint64_t v;

		memcpy(&v, &c->v, sizeof(v));
		mix(h1, h2, v);
		mix(h1, h2, (uint64_t)c->n);
		mix(h1, h2,
		    (uint64_t)c->flags | (uint64_t)c->measure << 8 |
		        (uint64_t)c->mark << 16 | (uint64_t)c->state << 24);
	}
	mix(h1, h2, (uint64_t)s->nrels);
	for (size_t r = 0; r < s->nrels; r++)
		mix(h1, h2, (uint64_t)s->rel_start[r]);
	mix(h1, h2, (uint64_t)s->nmembers);
	for (size_t i = 0; i < s->nmembers; i++)
		mix(h1, h2, (uint64_t)s->members[i]);
	mix(h1, h2, (uint64_t)s->nfollow);
	for (size_t i = 0; i < s->nfollow; i++) {
		mix(h1, h2, (uint64_t)s->follower[i]);
		mix(h1, h2, (uint64_t)s->leader[i]);
	}
}

enum app_err
sup_run_memo(struct sup_set *s, long long min_cell, struct sup_memo *m)
{
	uint64_t h1, h2;
	enum app_err e;

	if (m == NULL || s->run_cells != 0 || s->run_rels != 0)
		return sup_run(s, min_cell);
	set_signature(s, min_cell, &h1, &h2);
	if (m->have && m->h1 == h1 && m->h2 == h2 && m->ncells == s->ncells) {
		for (size_t i = 0; i < s->ncells; i++) {
			s->cells[i].mark = m->mark[i];
			s->cells[i].state = m->state[i];
		}
		s->min_cell = min_cell_floor(min_cell);
		s->run_cells = s->ncells;
		s->run_rels = s->nrels;
		s->solves = 0;
		return APP_OK;
	}
	if ((e = sup_run(s, min_cell)) != APP_OK)
		return e;
	if (m->ncells < s->ncells || m->mark == NULL || m->state == NULL) {
		m->have = 0;
		if ((m->mark = arena_alloc(m->a, s->ncells + 1)) == NULL ||
		    (m->state = arena_alloc(m->a, s->ncells + 1)) == NULL)
			return APP_OK; /* nothing kept: the next one runs */
	}
	for (size_t i = 0; i < s->ncells; i++) {
		m->mark[i] = s->cells[i].mark;
		m->state[i] = s->cells[i].state;
	}
	m->ncells = s->ncells;
	m->h1 = h1;
	m->h2 = h2;
	m->have = 1;
	return APP_OK;
}

enum sup_mark
sup_mark(const struct sup_set *s, int cell)
{
	if (cell < 0 || (size_t)cell >= s->ncells)
		return SUP_SHOWN;
	if (!published(&s->cells[cell]))
		return SUP_HIDDEN;
	return (enum sup_mark)s->cells[cell].mark;
}

long long
sup_count(const struct sup_set *s, int cell)
{
	if (cell < 0 || (size_t)cell >= s->ncells)
		return 0;
	return s->cells[cell].n;
}

size_t
sup_open_relations(const struct sup_set *s)
{
	size_t k = 0;

	for (size_t r = 0; r < s->nrels; r++) {
		int only = -1;
		size_t u = 0;

		for (size_t i = s->rel_start[r]; i < rel_end(s, r); i++) {
			int m = s->members[i];
			if (unknown(&s->cells[m]) && m != only) {
				only = m;
				u++;
			}
		}
		if (u == 1 && needs(s, &s->cells[only]))
			k++;
	}
	return k;
}

int
sup_passed(const struct sup_set *s, int cell)
{
	return cell >= 0 && (size_t)cell < s->ncells &&
	    s->cells[cell].state == ST_PASSED;
}

size_t
sup_solves(const struct sup_set *s)
{
	return s->solves;
}

size_t
sup_unprotected(const struct sup_set *s)
{
	size_t k = 0;

	for (size_t i = 0; i < s->ncells; i++)
		k += s->cells[i].state == ST_UNPROTECTED;
	return k;
}
