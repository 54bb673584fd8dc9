/* test_report_suppress.c: small-cell suppression (report_suppress.h). The
 * expected patterns below are worked out by hand in the comments. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "arena.h"
#include "report_suppress.h"

static struct arena A;

static int
setup(void **state)
{
	(void)state;
	return arena_init(&A, 1u << 20) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

/* A table of R rows x C columns with row totals, column totals and a fixed
 * grand total, all cells in one set; relations for every row and column.
 * cell[r][c]: r = R is the totals row, c = C the totals column. */
#define MAXR 8
#define MAXC 6
struct tab {
	int cell[MAXR + 1][MAXC + 1];
	size_t R, C;
};

static void
tab_make(struct sup_set *s, struct tab *t, size_t R, size_t C,
    const long long v[][MAXC])
{
	long long rt[MAXR] = { 0 }, ct[MAXC] = { 0 }, g = 0;

	t->R = R;
	t->C = C;
	for (size_t r = 0; r < R; r++)
		for (size_t c = 0; c < C; c++) {
			t->cell[r][c] = sup_cell(s, v[r][c], 0);
			rt[r] += v[r][c];
			ct[c] += v[r][c];
			g += v[r][c];
		}
	for (size_t r = 0; r < R; r++)
		t->cell[r][C] = sup_cell(s, rt[r], 0);
	for (size_t c = 0; c < C; c++)
		t->cell[R][c] = sup_cell(s, ct[c], 0);
	t->cell[R][C] = sup_cell(s, g, 1);
	for (size_t r = 0; r <= R; r++) {
		assert_int_equal(sup_rel_begin(s), APP_OK);
		for (size_t c = 0; c <= C; c++)
			assert_int_equal(sup_rel_add(s, t->cell[r][c]), APP_OK);
	}
	for (size_t c = 0; c <= C; c++) {
		assert_int_equal(sup_rel_begin(s), APP_OK);
		for (size_t r = 0; r <= R; r++)
			assert_int_equal(sup_rel_add(s, t->cell[r][c]), APP_OK);
	}
}

/* The attacker's view, computed here without the module's own counter: a
 * row or column with exactly one suppressed cell gives that cell away. */
static int
tab_backs_out(const struct sup_set *s, const struct tab *t)
{
	for (size_t r = 0; r <= t->R; r++) {
		int k = 0;
		for (size_t c = 0; c <= t->C; c++)
			k += sup_mark(s, t->cell[r][c]) != SUP_SHOWN;
		if (k == 1)
			return 1;
	}
	for (size_t c = 0; c <= t->C; c++) {
		int k = 0;
		for (size_t r = 0; r <= t->R; r++)
			k += sup_mark(s, t->cell[r][c]) != SUP_SHOWN;
		if (k == 1)
			return 1;
	}
	return 0;
}

static void
primary_marks_one_to_four(void **state)
{
	struct sup_set *s = sup_new(&A, 16, 4, 16);
	int c0, c1, c4, c5, f;

	(void)state;
	assert_non_null(s);
	c0 = sup_cell(s, 0, 0);
	c1 = sup_cell(s, 1, 0);
	c4 = sup_cell(s, 4, 0);
	c5 = sup_cell(s, 5, 0);
	f = sup_cell(s, 2, 1);
	sup_run(s, 5);
	assert_int_equal(sup_mark(s, c0), SUP_SHOWN);
	assert_int_equal(sup_mark(s, c1), SUP_SMALL);
	assert_int_equal(sup_mark(s, c4), SUP_SMALL);
	assert_int_equal(sup_mark(s, c5), SUP_SHOWN);
	assert_int_equal(sup_mark(s, f), SUP_SHOWN); /* fixed: never */
	assert_int_equal(sup_count(s, c4), 4);
	assert_int_equal(sup_mark(s, -1), SUP_SHOWN);
}

static void
threshold_is_configurable(void **state)
{
	struct sup_set *s = sup_new(&A, 4, 1, 4);
	int c2, c3, c4;

	(void)state;
	c2 = sup_cell(s, 2, 0);
	c3 = sup_cell(s, 3, 0);
	c4 = sup_cell(s, 4, 0);
	sup_run(s, 3);
	assert_int_equal(sup_mark(s, c2), SUP_SMALL);
	assert_int_equal(sup_mark(s, c3), SUP_SHOWN);
	assert_int_equal(sup_mark(s, c4), SUP_SHOWN);
}

/* Women 30, men 3, other 7, total 40: men "< 5"; with the total shown,
 * 40 - 30 - 7 would give 3, so the smallest other non-zero (7) goes too. */
static void
one_small_cell_in_a_row_hides_one_more(void **state)
{
	struct sup_set *s = sup_new(&A, 8, 2, 8);
	int k, m, o, t;

	(void)state;
	k = sup_cell(s, 30, 0);
	m = sup_cell(s, 3, 0);
	o = sup_cell(s, 7, 0);
	t = sup_cell(s, 40, 0);
	assert_int_equal(sup_rel_begin(s), APP_OK);
	assert_int_equal(sup_rel_add(s, k), APP_OK);
	assert_int_equal(sup_rel_add(s, m), APP_OK);
	assert_int_equal(sup_rel_add(s, o), APP_OK);
	assert_int_equal(sup_rel_add(s, t), APP_OK);
	sup_run(s, 5);
	assert_int_equal(sup_mark(s, k), SUP_SHOWN);
	assert_int_equal(sup_mark(s, m), SUP_SMALL);
	assert_int_equal(sup_mark(s, o), SUP_HIDDEN);
	assert_int_equal(sup_mark(s, t), SUP_SHOWN);
	assert_int_equal(sup_open_relations(s), 0);
}

/* Two small cells protect each other: nothing more is hidden. */
static void
two_small_cells_need_nothing_more(void **state)
{
	struct sup_set *s = sup_new(&A, 8, 2, 8);
	int k, m, o, t;

	(void)state;
	k = sup_cell(s, 30, 0);
	m = sup_cell(s, 3, 0);
	o = sup_cell(s, 2, 0);
	t = sup_cell(s, 35, 0);
	assert_int_equal(sup_rel_begin(s), APP_OK);
	assert_int_equal(sup_rel_add(s, k), APP_OK);
	assert_int_equal(sup_rel_add(s, m), APP_OK);
	assert_int_equal(sup_rel_add(s, o), APP_OK);
	assert_int_equal(sup_rel_add(s, t), APP_OK);
	sup_run(s, 5);
	assert_int_equal(sup_mark(s, k), SUP_SHOWN);
	assert_int_equal(sup_mark(s, m), SUP_SMALL);
	assert_int_equal(sup_mark(s, o), SUP_SMALL);
	assert_int_equal(sup_mark(s, t), SUP_SHOWN);
}

/* A zero is hidden only when nothing else can be: 3 women, 0 men, and a
 * fixed grand total of 3. */
static void
zero_only_when_nothing_else(void **state)
{
	struct sup_set *s = sup_new(&A, 4, 1, 4);
	int k, m, g;

	(void)state;
	k = sup_cell(s, 3, 0);
	m = sup_cell(s, 0, 0);
	g = sup_cell(s, 3, 1);
	assert_int_equal(sup_rel_begin(s), APP_OK);
	assert_int_equal(sup_rel_add(s, k), APP_OK);
	assert_int_equal(sup_rel_add(s, m), APP_OK);
	assert_int_equal(sup_rel_add(s, g), APP_OK);
	sup_run(s, 5);
	assert_int_equal(sup_mark(s, k), SUP_SMALL);
	assert_int_equal(sup_mark(s, m), SUP_HIDDEN);
	assert_int_equal(sup_mark(s, g), SUP_SHOWN);
}

/*
 * Age band by gender, worked by hand:
 *             K   M |  T
 *   < 30     12   3 | 15     M "< 5"; row: hide 12 (the other cell)
 *   30-44    20   9 | 29
 *   45-65     8   6 | 14     column M had only the 3: hide 6 (smallest);
 *   other     0   0 |  0     column K had only the 12: hide 8
 *   total    40  18 | 58     row 45-65 now has two: done.
 */
static void
two_way_table_is_closed_by_hand(void **state)
{
	static const long long v[][MAXC] = { { 12, 3 }, { 20, 9 }, { 8, 6 },
		{ 0, 0 } };
	struct sup_set *s = sup_new(&A, 64, 16, 128);
	struct tab t;

	(void)state;
	tab_make(s, &t, 4, 2, v);
	sup_run(s, 5);
	assert_int_equal(sup_mark(s, t.cell[0][1]), SUP_SMALL);
	assert_int_equal(sup_mark(s, t.cell[0][0]), SUP_HIDDEN);
	assert_int_equal(sup_mark(s, t.cell[2][1]), SUP_HIDDEN);
	assert_int_equal(sup_mark(s, t.cell[2][0]), SUP_HIDDEN);
	assert_int_equal(sup_mark(s, t.cell[1][0]), SUP_SHOWN);
	assert_int_equal(sup_mark(s, t.cell[1][1]), SUP_SHOWN);
	for (size_t r = 0; r <= 4; r++)
		assert_int_equal(sup_mark(s, t.cell[r][2]), SUP_SHOWN);
	assert_int_equal(sup_mark(s, t.cell[4][0]), SUP_SHOWN);
	assert_int_equal(sup_mark(s, t.cell[4][1]), SUP_SHOWN);
	assert_false(tab_backs_out(s, &t));
}

/* Two breakdowns share the participants by gender as their column totals
 * (one set of cells). Men total 4 is "< 5" in both, and each table closes
 * its rows and columns around it. */
static void
shared_totals_are_one_cell(void **state)
{
	struct sup_set *s = sup_new(&A, 64, 32, 256);
	int tk, tm, g, a[2][2], b[3][2], at[2], bt[3];
	static const long long av[2][2] = { { 10, 1 }, { 20, 3 } };
	static const long long bv[3][2] = { { 15, 4 }, { 15, 0 }, { 0, 0 } };

	(void)state;
	tk = sup_cell(s, 30, 0);
	tm = sup_cell(s, 4, 0);
	g = sup_cell(s, 34, 1);
	assert_int_equal(sup_rel_begin(s), APP_OK);
	sup_rel_add(s, tk);
	sup_rel_add(s, tm);
	sup_rel_add(s, g);
	for (int r = 0; r < 2; r++) {
		for (int c = 0; c < 2; c++)
			a[r][c] = sup_cell(s, av[r][c], 0);
		at[r] = sup_cell(s, av[r][0] + av[r][1], 0);
		sup_rel_begin(s);
		sup_rel_add(s, a[r][0]);
		sup_rel_add(s, a[r][1]);
		sup_rel_add(s, at[r]);
	}
	for (int r = 0; r < 3; r++) {
		for (int c = 0; c < 2; c++)
			b[r][c] = sup_cell(s, bv[r][c], 0);
		bt[r] = sup_cell(s, bv[r][0] + bv[r][1], 0);
		sup_rel_begin(s);
		sup_rel_add(s, b[r][0]);
		sup_rel_add(s, b[r][1]);
		sup_rel_add(s, bt[r]);
	}
	for (int c = 0; c < 2; c++) {
		sup_rel_begin(s);
		sup_rel_add(s, a[0][c]);
		sup_rel_add(s, a[1][c]);
		sup_rel_add(s, c ? tm : tk);
		sup_rel_begin(s);
		for (int r = 0; r < 3; r++)
			sup_rel_add(s, b[r][c]);
		sup_rel_add(s, c ? tm : tk);
	}
	sup_run(s, 5);
	/* Men total 4: small, so women total 30 is hidden (grand total 34
	 * is fixed). */
	assert_int_equal(sup_mark(s, tm), SUP_SMALL);
	assert_int_equal(sup_mark(s, tk), SUP_HIDDEN);
	assert_int_equal(sup_mark(s, g), SUP_SHOWN);
	/* Table b: 15 + 4 = 19; men's 4 is small, the row hides the 15; the
	 * women's column (15 hidden, 15, 0, 30 hidden) has two already. */
	assert_int_equal(sup_mark(s, b[0][1]), SUP_SMALL);
	assert_int_equal(sup_mark(s, b[0][0]), SUP_HIDDEN);
	assert_int_equal(sup_mark(s, b[1][0]), SUP_SHOWN);
	assert_int_equal(sup_open_relations(s), 0);
}

/* Many pseudo-random tables: no row or column gives a cell away, no shown
 * cell counts 1-4, the grand total is always shown. */
static void
random_tables_never_back_out(void **state)
{
	unsigned x = 12345;

	(void)state;
	for (int round = 0; round < 300; round++) {
		long long v[MAXR][MAXC];
		size_t R = 2 + round % 6, C = 2 + round % 3;
		struct sup_set *s = sup_new(&A, 128, 32, 256);
		struct tab t;

		assert_non_null(s);
		for (size_t r = 0; r < R; r++)
			for (size_t c = 0; c < C; c++) {
				x = x * 1103515245u + 12345u;
				/* Mostly small numbers, zeros included. */
				v[r][c] = (x >> 16) % (round % 2 ? 9 : 30);
			}
		tab_make(s, &t, R, C, (const long long(*)[MAXC])v);
		sup_run(s, 5);
		assert_false(tab_backs_out(s, &t));
		for (size_t r = 0; r <= R; r++)
			for (size_t c = 0; c <= C; c++) {
				long long n = sup_count(s, t.cell[r][c]);
				if (n > 0 && n < 5 && !(r == R && c == C))
					assert_int_not_equal(
					    sup_mark(s, t.cell[r][c]),
					    SUP_SHOWN);
			}
		assert_int_equal(sup_mark(s, t.cell[R][C]), SUP_SHOWN);
		arena_reset(&A);
	}
}

static void
full_set_says_so(void **state)
{
	struct sup_set *s = sup_new(&A, 1, 1, 1);

	(void)state;
	assert_int_equal(sup_cell(s, 1, 0), 0);
	assert_int_equal(sup_cell(s, 1, 0), -1);
	assert_int_equal(sup_rel_begin(s), APP_OK);
	assert_int_equal(sup_rel_begin(s), APP_ENOMEM);
	assert_int_equal(sup_rel_add(s, 0), APP_OK);
	assert_int_equal(sup_rel_add(s, 0), APP_ENOMEM);
	assert_int_equal(sup_rel_add(s, -1), APP_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(primary_marks_one_to_four),
		cmocka_unit_test(threshold_is_configurable),
		cmocka_unit_test(one_small_cell_in_a_row_hides_one_more),
		cmocka_unit_test(two_small_cells_need_nothing_more),
		cmocka_unit_test(zero_only_when_nothing_else),
		cmocka_unit_test(two_way_table_is_closed_by_hand),
		cmocka_unit_test(shared_totals_are_one_cell),
		cmocka_unit_test(random_tables_never_back_out),
		cmocka_unit_test(full_set_says_so),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
