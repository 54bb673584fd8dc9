/* report_suppress.c: small-cell suppression; see include/report_suppress.h. */
#include "arena.h"
#include "report_suppress.h"

struct sup_cell {
	long long n;
	unsigned char mark; /* enum sup_mark */
	unsigned char fixed;
};

struct sup_set {
	struct sup_cell *cells;
	size_t ncells, max_cells;
	size_t *rel_start; /* relation i: members[rel_start[i] .. end) */
	size_t nrels, max_rels;
	int *members;
	size_t nmembers, max_members;
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
	         a, max_members + 1, sizeof(*s->members))) == NULL)
		return NULL;
	s->max_cells = max_cells;
	s->max_rels = max_rels;
	s->max_members = max_members;
	return s;
}

int
sup_cell(struct sup_set *s, long long n, int fixed)
{
	if (s->ncells >= s->max_cells)
		return -1;
	s->cells[s->ncells].n = n;
	s->cells[s->ncells].mark = SUP_SHOWN;
	s->cells[s->ncells].fixed = fixed != 0;
	return (int)s->ncells++;
}

enum app_err
sup_rel_begin(struct sup_set *s)
{
	if (s->nrels >= s->max_rels)
		return APP_ENOMEM;
	s->rel_start[s->nrels++] = s->nmembers;
	return APP_OK;
}

enum app_err
sup_rel_add(struct sup_set *s, int cell)
{
	if (cell < 0)
		return APP_OK;
	if (s->nrels == 0 || (size_t)cell >= s->ncells ||
	    s->nmembers >= s->max_members)
		return APP_ENOMEM;
	s->members[s->nmembers++] = cell;
	return APP_OK;
}

static size_t
sup_rel_end(const struct sup_set *s, size_t rel)
{
	return rel + 1 < s->nrels ? s->rel_start[rel + 1] : s->nmembers;
}

static size_t
sup_rel_suppressed(const struct sup_set *s, size_t rel)
{
	size_t k = 0;

	for (size_t i = s->rel_start[rel]; i < sup_rel_end(s, rel); i++)
		if (s->cells[s->members[i]].mark != SUP_SHOWN)
			k++;
	return k;
}

/* The cell to hide next in rel: shown, not fixed, the smallest non-zero
 * count, else a zero; the first such on ties (deterministic). -1: none. */
static int
sup_pick(const struct sup_set *s, size_t rel)
{
	int best = -1;

	for (size_t i = s->rel_start[rel]; i < sup_rel_end(s, rel); i++) {
		const struct sup_cell *c = &s->cells[s->members[i]];
		const struct sup_cell *b;

		if (c->mark != SUP_SHOWN || c->fixed)
			continue;
		if (best < 0) {
			best = s->members[i];
			continue;
		}
		b = &s->cells[best];
		if ((b->n == 0 && c->n > 0) ||
		    (c->n > 0 && b->n > 0 && c->n < b->n))
			best = s->members[i];
	}
	return best;
}

void
sup_run(struct sup_set *s, long long min_cell)
{
	int changed;

	for (size_t i = 0; i < s->ncells; i++)
		if (!s->cells[i].fixed && s->cells[i].mark == SUP_SHOWN &&
		    s->cells[i].n > 0 && s->cells[i].n < min_cell)
			s->cells[i].mark = SUP_SMALL;
	/* Each pass hides at least one more cell or ends: bounded by ncells. */
	do {
		changed = 0;
		for (size_t r = 0; r < s->nrels; r++) {
			int pick;

			if (sup_rel_suppressed(s, r) != 1 ||
			    (pick = sup_pick(s, r)) < 0)
				continue;
			s->cells[pick].mark = SUP_HIDDEN;
			changed = 1;
		}
	} while (changed);
}

enum sup_mark
sup_mark(const struct sup_set *s, int cell)
{
	if (cell < 0 || (size_t)cell >= s->ncells)
		return SUP_SHOWN;
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

	for (size_t r = 0; r < s->nrels; r++)
		if (sup_rel_suppressed(s, r) == 1)
			k++;
	return k;
}
