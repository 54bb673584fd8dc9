/* test_auth_rules.c: the password policy and account names (app/auth.c)
 * and the one-use rule of second-factor codes (app/mfa.c), without a
 * database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "auth.h"
#include "mfa.h"
#include "req.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static void
password_policy(void **state)
{
	char big[130];

	(void)state;
	assert_null(
	    auth_password_problem(S("anna"), S("korrekt-häst-batteri")));
	/* At least 12 characters, counted as characters, not bytes. */
	assert_non_null(
	    strstr(auth_password_problem(S("anna"), S("kort")), "minst 12"));
	assert_non_null(auth_password_problem(S("anna"),
	    S("\xc3\xa5\xc3\xa4\xc3\xb6"
	      "\xc3\xa5\xc3\xa4\xc3\xb6"
	      "\xc3\xa5\xc3\xa4\xc3\xb6"
	      "\xc3\xa5\xc3\xa4")));
	assert_null(auth_password_problem(S("anna"),
	    S("\xc3\xa5\xc3\xa4\xc3\xb6"
	      "\xc3\xa5\xc3\xa4\xc3\xb6"
	      "\xc3\xa5\xc3\xa4\xc3\xb6"
	      "\xc3\xa5\xc3\xa4\xc3\xb6")));
	/* At most 128 bytes. */
	memset(big, 'x', sizeof(big));
	assert_null(auth_password_problem(S("anna"), (struct str){ big, 128 }));
	assert_non_null(
	    strstr(auth_password_problem(S("anna"), (struct str){ big, 129 }),
	        "högst 128"));
	/* Not the account name, in any case. */
	assert_non_null(
	    strstr(auth_password_problem(S("anna.berg.fk"), S("Anna.Berg.FK")),
	        "användarnamn"));
	assert_null(
	    auth_password_problem(S("anna.berg.fk"), S("anna.berg.fk1")));
	/* Never invalid UTF-8 or a NUL byte. */
	assert_non_null(auth_password_problem(
	    S("anna"), (struct str){ "abcdefgh\0ijklmn", 15 }));
	assert_non_null(
	    auth_password_problem(S("anna"), S("abcdefghijkl\xc3")));
}

static void
account_names(void **state)
{
	struct arena a;
	struct req r;
	struct str out;

	(void)state;
	assert_true(arena_init(&a, 1 << 16));
	memset(&r, 0, sizeof(r));
	r.a = &a;
	assert_true(auth_username(&r, S("  Anna.Berg "), &out));
	assert_true(str_eq_cstr(out, "anna.berg"));
	/* Safe to log and bind even when it cannot be an account. */
	assert_false(auth_username(&r, S("\xc3\xa5sa"), &out));
	assert_true(str_eq_cstr(out, "??sa"));
	assert_false(auth_username(&r, S(""), &out));
	assert_false(auth_username(&r, S("a b"), &out));
	arena_free(&a);
}

/* A code is good once: only a time step after the last one used. */
static void
code_steps(void **state)
{
	(void)state;
	assert_true(mfa_step_fresh(-1, 0));
	assert_true(mfa_step_fresh(-1, 58000000));
	assert_true(mfa_step_fresh(58000000, 58000001));
	assert_false(mfa_step_fresh(58000000, 58000000)); /* replayed */
	assert_false(mfa_step_fresh(58000001, 58000000)); /* older */
	assert_false(mfa_step_fresh(0, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(password_policy),
		cmocka_unit_test(account_names),
		cmocka_unit_test(code_steps),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
