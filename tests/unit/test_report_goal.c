/* test_report_goal.c: a report's goals judged and in words
 * (report_goal.h), on hand-made figures: no database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "report.h"
#include "report_goal.h"
#include "report_suppress.h"
#include "req.h"

#define MIN_CELL 5

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

/* A report of women and men (no "annat" column) whose only figures are
 * those who ended (women, men) and one goal of kind k, at least num of
 * den, achieved by (women, men); suppressed with MIN_CELL. */
struct fixture {
	struct report rep;
	struct report_row ended;
	struct report_goal gl;
};

static void
fixture_make(struct fixture *f, enum report_goal_kind k, int computable,
    long long num, long long den, long long ended_w, long long ended_m,
    long long got_w, long long got_m)
{
	memset(f, 0, sizeof(*f));
	arena_reset(&A);
	f->rep.sup = sup_new(&A, 64, 64, 256);
	assert_non_null(f->rep.sup);
	f->ended.n[RG_KVINNA] = ended_w;
	f->ended.n[RG_MAN] = ended_m;
	f->ended.n[RG_TOTAL] = ended_w + ended_m;
	f->gl.kind = k;
	f->gl.num = num;
	f->gl.den = den;
	f->gl.computable = computable;
	f->gl.ended = &f->ended;
	f->gl.achieved[RG_KVINNA] = got_w;
	f->gl.achieved[RG_MAN] = got_m;
	f->gl.achieved[RG_TOTAL] = got_w + got_m;
	for (int g = 0; g < RG__MAX; g++) {
		f->ended.cell[g] = f->gl.cell[g] = -1;
		if (g == RG_ANNAT)
			continue;
		f->ended.cell[g] = sup_cell(f->rep.sup, f->ended.n[g], 0);
		f->gl.cell[g] = sup_cell(f->rep.sup, f->gl.achieved[g], 0);
	}
	assert_int_equal(sup_run(f->rep.sup, MIN_CELL), APP_OK);
}

static void
verdicts(void **state)
{
	struct fixture f;

	(void)state;
	/* 9 of 18 reach a goal of 4 of 10: met. */
	fixture_make(&f, RGK_ARBETE, 1, 4, 10, 10, 8, 5, 4);
	assert_int_equal(
	    report_goal_verdict(&f.rep, &f.gl), REPORT_VERDICT_MET);
	/* 7 of 18 (39 %) do not. */
	fixture_make(&f, RGK_ARBETE, 1, 4, 10, 10, 8, 5, 2);
	assert_int_equal(
	    report_goal_verdict(&f.rep, &f.gl), REPORT_VERDICT_NOT_MET);
	/* Exactly at the goal is met: 8 of 20 against 4 of 10. */
	fixture_make(&f, RGK_ARBETE, 1, 4, 10, 10, 10, 5, 3);
	assert_int_equal(
	    report_goal_verdict(&f.rep, &f.gl), REPORT_VERDICT_MET);
	/* A total too small to show cannot be judged. */
	fixture_make(&f, RGK_ARBETE, 1, 4, 10, 10, 8, 2, 1);
	assert_int_equal(
	    report_goal_verdict(&f.rep, &f.gl), REPORT_VERDICT_TOO_FEW);
	/* Nobody ended: for a measured goal, nobody paired. */
	fixture_make(&f, RGK_ARBETE, 1, 4, 10, 0, 0, 0, 0);
	assert_int_equal(
	    report_goal_verdict(&f.rep, &f.gl), REPORT_VERDICT_NONE_ENDED);
	fixture_make(&f, RGK_LIVSKVALITET, 1, 7, 10, 0, 0, 0, 0);
	assert_int_equal(
	    report_goal_verdict(&f.rep, &f.gl), REPORT_VERDICT_NO_PAIRS);
	fixture_make(&f, RGK_HALSA, 1, 7, 10, 0, 0, 0, 0);
	assert_int_equal(
	    report_goal_verdict(&f.rep, &f.gl), REPORT_VERDICT_NO_PAIRS);
	/* Not from registered data, whatever the figures. */
	fixture_make(&f, RGK_OTHER, 0, 4, 10, 10, 8, 5, 4);
	assert_int_equal(
	    report_goal_verdict(&f.rep, &f.gl), REPORT_VERDICT_NOT_COMPUTABLE);
	assert_string_equal(
	    report_verdict_label(REPORT_VERDICT_NOT_MET), "Inte uppfyllt");
	assert_string_equal(report_verdict_label(REPORT_VERDICT__MAX), "");
}

static void
texts(void **state)
{
	struct req r;
	struct fixture f;
	struct str s;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.a = &A;
	/* Women 5 of 10; men 2 of 8 (a small cell); total 7 of 18. */
	fixture_make(&f, RGK_ARBETE, 1, 4, 10, 10, 8, 5, 2);
	s = report_goal_cell_text(&r, &f.rep, &f.gl, RG_KVINNA);
	assert_true(str_eq_cstr(s, "5 av 10 (50 %)"));
	s = report_goal_cell_text(&r, &f.rep, &f.gl, RG_MAN);
	assert_true(str_eq_cstr(s, "×"));
	s = report_goal_cell_text(&r, &f.rep, &f.gl, RG_TOTAL);
	assert_true(str_eq_cstr(s, "7 av 18 (39 %)"));
	assert_true(str_eq_cstr(
	    report_goal_count_text(&r, &f.rep, &f.gl, RG_TOTAL), "7"));
	assert_true(str_eq_cstr(
	    report_goal_count_text(&r, &f.rep, &f.gl, RG_MAN), "×"));
	assert_true(str_eq_cstr(
	    report_goal_pct_text(&r, &f.rep, &f.gl, RG_TOTAL), "39 %"));
	assert_true(
	    str_eq_cstr(report_goal_pct_text(&r, &f.rep, &f.gl, RG_MAN), ""));
	assert_true(
	    str_eq_cstr(report_goal_target_text(&r, &f.gl), "minst 4 av 10"));
	f.gl.num = 25;
	f.gl.den = 100;
	assert_true(
	    str_eq_cstr(report_goal_target_text(&r, &f.gl), "minst 25 %"));
	/* Not computable: a dash everywhere. */
	fixture_make(&f, RGK_OTHER, 0, 4, 10, 10, 8, 5, 4);
	assert_true(str_eq_cstr(
	    report_goal_cell_text(&r, &f.rep, &f.gl, RG_TOTAL), "–"));
	assert_true(str_eq_cstr(
	    report_goal_count_text(&r, &f.rep, &f.gl, RG_TOTAL), "–"));
	assert_string_equal(
	    report_goal_kind_short(RGK_EGENFORSORJNING), "Egenförsörjning");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(verdicts),
		cmocka_unit_test(texts),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
