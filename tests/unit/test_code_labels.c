/* test_code_labels.c: unit tests for the worker's copy of the code lists
 * (app/code_labels.c): used only under the generation it was read under,
 * and each look-up gives what the SQL it replaced gave (a LEFT JOIN on the
 * code; HISTORY_SQL_CODE/_CODES on a history value). No database; that
 * every worker sees a change is tested over HTTP
 * (tests/http/test_code_labels.sh). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "code_labels.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

#define assert_str(s, lit)                                                     \
	do {                                                                   \
		struct str s_ = (s);                                           \
		assert_int_equal(s_.len, strlen(lit));                         \
		assert_memory_equal(s_.p, lit, s_.len);                        \
	} while (0)

/* The statement's rows: the generation, then the lists in order. */
static void
put_some(const char *gen)
{
	struct code_label_row rows[] = {
		{ .list = -1, .gen = S(gen) },
		{ .list = CODE_LIST_END_REASON,
		    .code = S("klar"),
		    .label = S("Klar"),
		    .sus = S("A1") },
		{ .list = CODE_LIST_INCOME,
		    .code = S("lon"),
		    .label = S("Lön"),
		    .sus = S("F01"),
		    .has_sus = 1 },
		{ .list = CODE_LIST_INCOME,
		    .code = S("akassa"),
		    .label = S("A-kassa"),
		    .sus = S("") },
		{ .list = CODE_LIST_INCOME,
		    .code = S("ingen"),
		    .label = S("Ingen"),
		    .sus = S("F09"),
		    .has_sus = 1 },
		{ .list = CODE_LIST_EDUCATION,
		    .code = S("gy"),
		    .label = S("Gymnasium"),
		    .sus = S("U3") },
	};

	assert_int_equal(
	    code_labels_put(rows, sizeof(rows) / sizeof(rows[0])), APP_OK);
}

static int
teardown(void **state)
{
	(void)state;
	code_labels_clear();
	return 0;
}

static void
nothing_kept(void **state)
{
	(void)state;
	assert_int_equal(code_labels_current(S("1")), 0);
	assert_int_equal(code_labels_current(S("")), 0);
	assert_str(code_labels_label(CODE_LIST_END_REASON, S("klar")), "");
	assert_str(code_labels_name(CODE_LIST_END_REASON, S("klar")), "klar");
}

static void
same_generation_only(void **state)
{
	(void)state;
	put_some("123");
	assert_int_equal(code_labels_current(S("123")), 1);
	assert_int_equal(code_labels_current(S("124")), 0);
	assert_int_equal(code_labels_current(S("12")), 0);
	assert_int_equal(code_labels_current(S("")), 0);
	put_some("9");
	assert_int_equal(code_labels_current(S("123")), 0);
	assert_int_equal(code_labels_current(S("9")), 1);
}

static void
no_generation_keeps_nothing(void **state)
{
	struct code_label_row rows[] = {
		{ .list = CODE_LIST_END_REASON,
		    .code = S("klar"),
		    .label = S("Klar") },
	};

	(void)state;
	put_some("5");
	assert_int_equal(code_labels_put(rows, 1), APP_EDB);
	assert_int_equal(code_labels_current(S("5")), 0);
	assert_str(code_labels_label(CODE_LIST_END_REASON, S("klar")), "");
}

static void
joined_exactly(void **state)
{
	(void)state;
	put_some("1");
	assert_str(code_labels_label(CODE_LIST_END_REASON, S("klar")), "Klar");
	assert_str(code_labels_sus(CODE_LIST_END_REASON, S("klar")), "A1");
	assert_str(code_labels_sus(CODE_LIST_INCOME, S("akassa")), "");
	/* Whether a code has a SUS code comes from the copy as well. */
	assert_true(code_labels_has_sus(CODE_LIST_INCOME, S("lon")));
	assert_false(code_labels_has_sus(CODE_LIST_INCOME, S("akassa")));
	assert_false(code_labels_has_sus(CODE_LIST_INCOME, S("okand")));
	assert_str(
	    code_labels_label(CODE_LIST_EDUCATION, S("gy")), "Gymnasium");
	/* Another list's code, an unknown or empty one: none. */
	assert_str(code_labels_label(CODE_LIST_EDUCATION, S("klar")), "");
	assert_str(code_labels_label(CODE_LIST_END_REASON, S("KLAR")), "");
	assert_str(code_labels_label(CODE_LIST_END_REASON, S("")), "");
	assert_str(code_labels_label(CODE_LIST_OCCUPATION, S("klar")), "");
}

static void
history_value_named(void **state)
{
	(void)state;
	put_some("1");
	assert_str(code_labels_name(CODE_LIST_END_REASON, S("klar")), "Klar");
	/* The text's collation: either case, trailing spaces. */
	assert_str(code_labels_name(CODE_LIST_END_REASON, S("Klar ")), "Klar");
	/* Not a code: the value as stored. */
	assert_str(code_labels_name(CODE_LIST_END_REASON, S("kla")), "kla");
	assert_str(code_labels_name(CODE_LIST_END_REASON, S("")), "");
}

static void
history_set_named(void **state)
{
	struct arena ar = { 0 }, *a = &ar;
	struct str v;

	(void)state;
	assert_int_equal(arena_init(a, 4096), 1);
	put_some("1");
	/* In the list's order, not the value's; each code once. */
	assert_int_equal(
	    code_labels_names(a, CODE_LIST_INCOME, S("ingen,lon,x,lon"), &v),
	    APP_OK);
	assert_str(v, "Lön, Ingen");
	/* FIND_IN_SET: either case, but an item's trailing space counts. */
	assert_int_equal(
	    code_labels_names(a, CODE_LIST_INCOME, S("akassa ,LON"), &v),
	    APP_OK);
	assert_str(v, "Lön");
	assert_int_equal(
	    code_labels_names(a, CODE_LIST_INCOME, S("akassa"), &v), APP_OK);
	assert_str(v, "A-kassa");
	/* None named: as stored. */
	assert_int_equal(
	    code_labels_names(a, CODE_LIST_INCOME, S("x,y"), &v), APP_OK);
	assert_str(v, "x,y");
	assert_int_equal(
	    code_labels_names(a, CODE_LIST_INCOME, S(""), &v), APP_OK);
	assert_str(v, "");
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(nothing_kept, teardown),
		cmocka_unit_test_teardown(same_generation_only, teardown),
		cmocka_unit_test_teardown(
		    no_generation_keeps_nothing, teardown),
		cmocka_unit_test_teardown(joined_exactly, teardown),
		cmocka_unit_test_teardown(history_value_named, teardown),
		cmocka_unit_test_teardown(history_set_named, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
