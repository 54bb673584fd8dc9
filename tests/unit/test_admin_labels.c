/* test_admin_labels.c: the code lists (app/code_list.c) and the access
 * log's labels (app/audit.c), without a database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "audit.h"
#include "code_list.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static void
code_lists(void **state)
{
	enum code_list l;

	(void)state;
	for (int i = 0; i < CODE_LIST__MAX; i++) {
		assert_true(code_list_from_slug(
		    S(code_list_slug((enum code_list)i)), &l));
		assert_int_equal(l, i);
		assert_true(code_list_title(l)[0] != '\0');
	}
	assert_false(code_list_from_slug(S("nope"), &l));
	assert_false(code_list_from_slug(S(""), &l));
	assert_true(code_list_from_slug(S("avslutsorsak"), &l));
	assert_int_equal(code_list_extra(l), CODE_EXTRA_OUTCOME);
	assert_true(code_list_from_slug(S("forsorjning"), &l));
	assert_int_equal(code_list_extra(l), CODE_EXTRA_SUPPORT);
	assert_true(code_list_from_slug(S("avradan"), &l));
	assert_false(code_list_has_sus(l));
	assert_int_equal(code_list_extra(l), CODE_EXTRA_NONE);
	assert_true(code_list_has_sus(CODE_LIST_EDUCATION));
}

static void
outcomes(void **state)
{
	(void)state;
	for (int o = 0; o < CODE_OUTCOME__MAX; o++)
		assert_string_equal(
		    code_outcome_label_of(S(code_outcome_names[o])),
		    code_outcome_label((enum code_outcome)o));
	assert_null(code_outcome_names[CODE_OUTCOME__MAX]);
	assert_string_equal(
	    code_outcome_label_of(S("arbetssokande")), "Arbetssökande");
	assert_string_equal(code_outcome_label_of(S("")), "");
	assert_string_equal(code_outcome_label_of(S("Arbete")), "");
}

static void
code_text(void **state)
{
	(void)state;
	assert_true(code_text_ok(S("sjukpenning_2")));
	assert_false(code_text_ok(S("Sjuk")));
	assert_false(code_text_ok(S("a-b")));
	assert_false(code_text_ok(S("a b")));
	assert_true(code_sus_ok(S("Ab12")));
	assert_false(code_sus_ok(S("a_b")));
	assert_false(code_sus_ok(S("\xc3\xa5")));
}

static void
log_labels(void **state)
{
	enum audit_action a;

	(void)state;
	for (int i = 0; i < AUDIT__MAX; i++) {
		assert_true(audit_action_from_name(
		    S(audit_action_name((enum audit_action)i)), &a));
		assert_int_equal(a, i);
		assert_true(
		    str_eq_cstr(audit_action_label_of(S(audit_action_name(a))),
		        audit_action_label(a)));
	}
	assert_true(str_eq_cstr(audit_action_label_of(S("read")), "Läsning"));
	assert_true(str_eq_cstr(
	    audit_action_label_of(S("login_failed")), "Misslyckad inloggning"));
	/* What has no label shows as stored. */
	assert_true(str_eq_cstr(audit_action_label_of(S("other")), "other"));
	assert_true(
	    str_eq_cstr(audit_object_label_of(S("referral")), "Ansökan"));
	assert_true(str_eq_cstr(audit_object_label_of(S("code")), "Kodlista"));
	assert_true(str_eq_cstr(audit_object_label_of(S("structural_company")),
	    "Företag i praktikplatsbanken"));
	assert_true(str_eq_cstr(audit_object_label_of(S("report_text")),
	    "Text till delårsrapporten"));
	/* A type without a label shows as it is stored. */
	assert_true(str_eq_cstr(
	    audit_object_label_of(S("no_such_type")), "no_such_type"));
	assert_true(str_eq_cstr(audit_object_label_of(S("")), ""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(code_lists),
		cmocka_unit_test(outcomes),
		cmocka_unit_test(code_text),
		cmocka_unit_test(log_labels),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
