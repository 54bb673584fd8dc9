/* test_db_scope.c: unit tests for ":forbund" in a statement
 * (app/db_scope.c): where it is replaced, where it is text, and how the
 * caller's parameters and the förbund are bound together. No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_scope.h"

/* Plan sql; check the text prepared and the placeholders' kinds, given as
 * a string of 'f' (the förbund's) and 'p' (the caller's). */
static void
check_plan(const char *sql, const char *want_sql, const char *kinds)
{
	struct db_scope_plan p;
	size_t n = strlen(kinds);
	unsigned nscope = 0;

	assert_int_equal(db_scope_plan(sql, &p), 0);
	assert_string_equal(p.sql, want_sql);
	assert_int_equal(p.nplaceholders, n);
	for (size_t k = 0; k < n; k++) {
		assert_int_equal(p.is_scope[k], kinds[k] == 'f');
		nscope += kinds[k] == 'f';
	}
	assert_int_equal(p.nscope, nscope);
	db_scope_plan_free(&p);
}

static void
replaced_where_it_is_sql(void **state)
{
	(void)state;
	check_plan("SELECT 1", "SELECT 1", "");
	check_plan("", "", "");
	check_plan("SELECT id FROM insats WHERE forbund_id = :forbund",
	    "SELECT id FROM insats WHERE forbund_id = ?", "f");
	check_plan("SELECT a FROM t WHERE f = :forbund AND id = ?",
	    "SELECT a FROM t WHERE f = ? AND id = ?", "fp");
	check_plan("INSERT INTO t (a, forbund_id, b) VALUES (?, :forbund, ?)",
	    "INSERT INTO t (a, forbund_id, b) VALUES (?, ?, ?)", "pfp");
	/* Twice, and at the very end and start of the text. */
	check_plan(":forbund=(SELECT x FROM t WHERE f=:forbund)",
	    "?=(SELECT x FROM t WHERE f=?)", "ff");
	check_plan("f IN (:forbund,?)", "f IN (?,?)", "fp");
}

static void
text_and_other_names_left_alone(void **state)
{
	(void)state;
	/* In quotes of each kind, with escaped and doubled quotes. */
	check_plan("SELECT ':forbund ?' FROM t WHERE a = ?",
	    "SELECT ':forbund ?' FROM t WHERE a = ?", "p");
	check_plan("SELECT 'it''s :forbund', \"a\\\" :forbund ?\", `:forbund`",
	    "SELECT 'it''s :forbund', \"a\\\" :forbund ?\", `:forbund`", "");
	check_plan("SELECT 'a\\' :forbund' , :forbund",
	    "SELECT 'a\\' :forbund' , ?", "f");
	/* DATE_FORMAT's colons are text in quotes; a time literal too. */
	check_plan("DATE_FORMAT(at, '%H:%i') = ? AND f = :forbund",
	    "DATE_FORMAT(at, '%H:%i') = ? AND f = ?", "pf");
	/* Other names that start or end alike. */
	check_plan("SELECT :forbund_id, x:forbund, a::forbund, :forbundx",
	    "SELECT :forbund_id, x:forbund, a::forbund, :forbundx", "");
	/* Found by the fuzzer: in ":forbund:forbund" neither is ours (so a
	 * ? put in for the first cannot make the second one ours). */
	check_plan("\030:forbund:forbund", "\030:forbund:forbund", "");
	/* Comments: "-- " and "#" to the end of the line, and C style. */
	check_plan("SELECT 1 -- :forbund ?\nFROM t WHERE f = :forbund",
	    "SELECT 1 -- :forbund ?\nFROM t WHERE f = ?", "f");
	check_plan(
	    "SELECT 1 # :forbund ?\n, ?", "SELECT 1 # :forbund ?\n, ?", "p");
	check_plan("SELECT /* :forbund ? */ :forbund",
	    "SELECT /* :forbund ? */ ?", "f");
	/* "--" with no space after is two minus signs, not a comment. */
	check_plan("SELECT 1--:forbund", "SELECT 1--?", "f");
	/* Unclosed quote and comment: copied to the end, nothing planned. */
	check_plan("SELECT 'open :forbund ?", "SELECT 'open :forbund ?", "");
	check_plan("SELECT /* open :forbund", "SELECT /* open :forbund", "");
}

static void
bind_merges_in_order(void **state)
{
	struct db_scope_plan p;
	struct db_param in[3] = { DB_INT(10), DB_STR(((struct str){ "x", 1 })),
		DB_NULL };
	struct db_param out[5];

	(void)state;
	assert_int_equal(
	    db_scope_plan("VALUES (?, :forbund, ?, ?, :forbund)", &p), 0);
	assert_int_equal(db_scope_bind(&p, 7, in, 3, out), 0);
	assert_int_equal(out[0].type, DBP_INT);
	assert_int_equal(out[0].i, 10);
	assert_int_equal(out[1].type, DBP_INT);
	assert_int_equal(out[1].i, 7);
	assert_int_equal(out[2].type, DBP_STR);
	assert_int_equal(out[2].s.len, 1);
	assert_int_equal(out[3].type, DBP_NULL);
	assert_int_equal(out[4].type, DBP_INT);
	assert_int_equal(out[4].i, 7);
	/* The wrong count from the caller is refused, not half bound. */
	assert_int_equal(db_scope_bind(&p, 7, in, 2, out), -1);
	assert_int_equal(db_scope_bind(&p, 7, in, 5, out), -1);
	db_scope_plan_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(replaced_where_it_is_sql),
		cmocka_unit_test(text_and_other_names_left_alone),
		cmocka_unit_test(bind_merges_in_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
