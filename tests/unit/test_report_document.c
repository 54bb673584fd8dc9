/* test_report_document.c: the delårsrapport's rules (report_document.h):
 * who writes an insats's texts, which periods a document is made of, the
 * sections' names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "report_document.h"
#include "session.h"

static void
only_own_insats_staff_and_the_admin_write(void **state)
{
	unsigned staff = ROLE_BIT(ROLE_INSATSPERSONAL);
	unsigned admin = ROLE_BIT(ROLE_ADMIN);

	(void)state;
	assert_int_equal(report_text_may_write(staff, 1), REPORT_TEXT_OK);
	assert_int_equal(
	    report_text_may_write(staff, 0), REPORT_TEXT_NOT_YOURS);
	assert_int_equal(report_text_may_write(admin, 0), REPORT_TEXT_OK);
	assert_int_equal(
	    report_text_may_write(admin | staff, 0), REPORT_TEXT_OK);
	/* The förbund reads the document but writes no insats's text, nor
	 * does a remittent, even one that also "works in" it by mistake. */
	assert_int_equal(report_text_may_write(ROLE_BIT(ROLE_FORBUND), 0),
	    REPORT_TEXT_NO_ROLE);
	assert_int_equal(report_text_may_write(ROLE_BIT(ROLE_REMITTENT), 1),
	    REPORT_TEXT_NO_ROLE);
	assert_int_equal(report_text_may_write(0, 1), REPORT_TEXT_NO_ROLE);
	for (int w = REPORT_TEXT_NOT_YOURS; w < REPORT_TEXT__MAX; w++)
		assert_true(strlen(report_text_refusal_message(
		                (enum report_text_refusal)w)) > 0);
	assert_string_equal(report_text_refusal_message(REPORT_TEXT_OK), "");
}

static void
documents_are_of_fixed_periods(void **state)
{
	(void)state;
	for (int p = 0; p < REPORT_PERIOD__MAX; p++)
		assert_int_equal(
		    report_document_period_ok((enum report_period)p),
		    p != REPORT_PERIOD_FRITT);
	assert_false(report_document_period_ok(REPORT_PERIOD__MAX));
}

static void
sections_follow_the_seed(void **state)
{
	static const char *const names[RTS__MAX] = { "bakgrund", "samverkan",
		"horisontella", "resultat", "indikatorer" };
	struct report_text t;

	(void)state;
	for (int i = 0; i < RTS__MAX; i++) {
		enum report_text_section s = (enum report_text_section)i;
		assert_string_equal(report_text_section_name(s), names[i]);
		assert_true(strlen(report_text_section_label(s)) > 0);
	}
	assert_string_equal(report_text_section_label(RTS_SAMVERKAN),
	    "Samverkan mellan myndigheter");
	assert_string_equal(report_text_section_name(RTS__MAX), "");
	memset(&t, 0, sizeof(t));
	assert_true(report_text_empty(&t));
	t.sec[RTS_INDIKATORER] = STR_LIT("x");
	assert_false(report_text_empty(&t));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(only_own_insats_staff_and_the_admin_write),
		cmocka_unit_test(documents_are_of_fixed_periods),
		cmocka_unit_test(sections_follow_the_seed),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
