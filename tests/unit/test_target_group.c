/* test_target_group.c: unit tests for the participant's målgrupp
 * (app/target_group.c): the choices an insats's text offers, and which
 * value a participation may be given. No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "participation.h"
#include "str.h"
#include "target_group.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

/* The insats's lines: trimmed, blank ones left out, each once, in order;
 * CRLF as LF. */
static void
lines(void **state)
{
	struct str out[4];
	const char *groups = "  Unga vuxna 20–29 år\r\n\n\tKvinnor upp till "
	                     "45 år \nUnga vuxna 20–29 år\n  \nSjukskrivna";

	(void)state;
	assert_int_equal(target_group_lines(S(groups), out, 4), 3);
	assert_true(str_eq_cstr(out[0], "Unga vuxna 20–29 år"));
	assert_true(str_eq_cstr(out[1], "Kvinnor upp till 45 år"));
	assert_true(str_eq_cstr(out[2], "Sjukskrivna"));
	/* More than room for: counted, only max written. */
	assert_int_equal(target_group_lines(S(groups), out, 1), 3);
	assert_true(str_eq_cstr(out[0], "Unga vuxna 20–29 år"));
	assert_int_equal(target_group_lines(S(groups), NULL, 0), 3);
	/* A repeated line with other blanks around it is the same line. */
	assert_int_equal(target_group_lines(S(" A\nB\nA \n\tA"), out, 4), 2);
	assert_int_equal(target_group_lines(S(""), out, 4), 0);
	assert_int_equal(target_group_lines(S("\n \r\n\t\n"), out, 4), 0);
	assert_int_equal(target_group_lines(S("En enda"), out, 4), 1);
	assert_true(str_eq_cstr(out[0], "En enda"));
}

static void
listed(void **state)
{
	struct str groups = S("Unga vuxna\r\n Kvinnor upp till 45 år\n");

	(void)state;
	assert_true(target_group_listed(groups, S("Unga vuxna")));
	assert_true(target_group_listed(groups, S("Kvinnor upp till 45 år")));
	assert_false(target_group_listed(groups, S("")));
	assert_false(target_group_listed(groups, S("Unga")));
	assert_false(target_group_listed(groups, S("unga vuxna")));
	assert_false(target_group_listed(groups, S("Unga vuxna\r")));
	assert_false(target_group_listed(S(""), S("Unga vuxna")));
}

/* The rule: "" or a line of the insats, or what the participation already
 * has even when the insats no longer lists it; nothing else. */
static void
allowed(void **state)
{
	struct str groups = S("Unga vuxna 20–29 år\nKvinnor upp till 45 år");

	(void)state;
	assert_null(target_group_refusal(groups, S(""), S("")));
	assert_null(
	    target_group_refusal(groups, S("Unga vuxna 20–29 år"), S("")));
	assert_null(
	    target_group_refusal(groups, S(""), S("Unga vuxna 20–29 år")));
	assert_null(target_group_refusal(
	    groups, S("Unga vuxna 20–29 år"), S("Kvinnor upp till 45 år")));
	/* Reworded since: the old text is kept, but not given anew. */
	assert_null(target_group_refusal(
	    groups, S("Unga vuxna (gammal)"), S("Unga vuxna (gammal)")));
	assert_string_equal(target_group_refusal(groups,
	                        S("Unga vuxna (gammal)"), S("Annan gammal")),
	    TARGET_GROUP_MSG_FOREIGN);
	assert_string_equal(
	    target_group_refusal(groups, S(""), S("Unga vuxna (gammal)")),
	    TARGET_GROUP_MSG_FOREIGN);
	assert_string_equal(
	    target_group_refusal(groups, S(""), S("Unga vuxna")),
	    TARGET_GROUP_MSG_FOREIGN);
	/* An insats without lines: only "" and what is there. */
	assert_null(target_group_refusal(S(""), S(""), S("")));
	assert_null(target_group_refusal(S(""), S("X"), S("X")));
	assert_string_equal(target_group_refusal(S(""), S(""), S("X")),
	    TARGET_GROUP_MSG_FOREIGN);
}

/* The change is allowed while the participation counts in the report:
 * inskriven or avslutad, never felregistrerad. */
static void
by_state(void **state)
{
	(void)state;
	for (int sent = 0; sent < 2; sent++) {
		assert_null(participation_refusal(
		    PARTICIPATION_INSKRIVEN, PCHANGE_TARGET_GROUP));
		assert_null(participation_refusal(
		    PARTICIPATION_AVSLUTAD, PCHANGE_TARGET_GROUP));
		assert_string_equal(
		    participation_refusal(
		        PARTICIPATION_FELREGISTRERAD, PCHANGE_TARGET_GROUP),
		    PARTICIPATION_MSG_TARGET_GROUP_CLOSED);
		assert_string_equal(
		    participation_refusal(
		        PARTICIPATION_STATUS__MAX, PCHANGE_TARGET_GROUP),
		    PARTICIPATION_MSG_TARGET_GROUP_CLOSED);
	}
	assert_string_equal(
	    participation_field_label(S("target_group")), "Målgrupp");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lines),
		cmocka_unit_test(listed),
		cmocka_unit_test(allowed),
		cmocka_unit_test(by_state),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
