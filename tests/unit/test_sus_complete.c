/* test_sus_complete.c: the one rule for what a SUS registration lacks
 * (sus_complete.h), without a database: the export, /sus/kvalitet and the
 * participation page all decide and name with it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "sus_complete.h"

#define ITEM(v, s) ((struct sus_item){ STR_LIT(v), STR_LIT(s) })

/* A complete, still open participation as the pages read it. */
static struct sus_facts
complete_facts(void)
{
	struct sus_facts f;

	memset(&f, 0, sizeof(f));
	f.education = ITEM("gymn", "U3");
	f.income_before = ITEM("fk_sjukpenning", "F01:50");
	f.occupation_before = ITEM("arbetssokande", "S3");
	f.support_time = ITEM("1_4", "T2");
	f.municipality = ITEM("Trollhättan", "1488");
	return f;
}

static void
complete_has_no_gaps(void **state)
{
	struct sus_facts f = complete_facts();
	struct sus_gaps g;

	(void)state;
	sus_complete_check(&f, 2, &g);
	assert_true(sus_gaps_none(&g));
	for (int k = 0; k < SUS_MISSING__MAX; k++)
		assert_int_equal(g.gap[k], SUS_GAP_NONE);
}

/* The case the pages disagreed on: a kommun whose text maps to no SCB
 * code. Missing in version 2 (the default), with its reason; version 1
 * sends the name and takes it. */
static void
kommun_without_code(void **state)
{
	struct sus_facts f = complete_facts();
	struct sus_gaps g;

	(void)state;
	f.municipality = ITEM("Trollhätan", "");
	sus_complete_check(&f, 2, &g);
	assert_true(g.start);
	assert_false(g.end);
	assert_int_equal(g.gap[SUS_MISSING_MUNICIPALITY], SUS_GAP_NO_CODE);
	sus_complete_check(&f, 1, &g);
	assert_true(sus_gaps_none(&g));
	f.municipality = ITEM("  ", "");
	sus_complete_check(&f, 2, &g);
	assert_int_equal(g.gap[SUS_MISSING_MUNICIPALITY], SUS_GAP_EMPTY);
	sus_complete_check(&f, 1, &g);
	assert_int_equal(g.gap[SUS_MISSING_MUNICIPALITY], SUS_GAP_EMPTY);
}

/* A stored code that has no SUS code is missing, not merely empty. */
static void
codes_without_sus_code(void **state)
{
	struct sus_facts f = complete_facts();
	struct sus_gaps g;

	(void)state;
	f.education = ITEM("", "");
	f.occupation_before = ITEM("annat_lokalt", "");
	f.income_before = ITEM("eget", "");
	sus_complete_check(&f, 2, &g);
	assert_true(g.start);
	assert_int_equal(g.gap[SUS_MISSING_EDUCATION], SUS_GAP_EMPTY);
	assert_int_equal(g.gap[SUS_MISSING_OCCUPATION_BEFORE], SUS_GAP_NO_CODE);
	assert_int_equal(g.gap[SUS_MISSING_INCOME_BEFORE], SUS_GAP_NO_CODE);
	assert_int_equal(g.gap[SUS_MISSING_SUPPORT_TIME], SUS_GAP_NONE);
}

/* End items count once ended, and only for the end. */
static void
end_items_once_ended(void **state)
{
	struct sus_facts f = complete_facts();
	struct sus_gaps g;

	(void)state;
	sus_complete_check(&f, 2, &g);
	assert_false(g.end);
	f.ended = 1;
	sus_complete_check(&f, 2, &g);
	assert_true(g.end);
	assert_false(g.start);
	assert_int_equal(g.gap[SUS_MISSING_END_DATE], SUS_GAP_EMPTY);
	assert_int_equal(g.gap[SUS_MISSING_END_REASON], SUS_GAP_EMPTY);
	f.end_date = STR_LIT("2024-05-31");
	f.end_reason = ITEM("arbete", "A1");
	f.occupation_after = ITEM("arbete", "S1");
	f.income_after = ITEM("lon", "F10:100");
	sus_complete_check(&f, 2, &g);
	assert_true(sus_gaps_none(&g));
	f.income_after = ITEM("lon", "");
	sus_complete_check(&f, 2, &g);
	assert_true(g.end);
	assert_false(g.start);
	assert_int_equal(g.gap[SUS_MISSING_INCOME_AFTER], SUS_GAP_NO_CODE);
}

/* The export's registry items: the person and (version 2) the consent
 * date; the pages never set registry. */
static void
registry_items(void **state)
{
	struct sus_facts f = complete_facts();
	struct sus_gaps g;

	(void)state;
	f.registry = 1;
	f.start_date = STR_LIT("2024-01-10");
	f.personnummer = STR_LIT("198001019802");
	f.gender = STR_LIT("kvinna");
	f.birth_year = STR_LIT("1980");
	sus_complete_check(&f, 2, &g);
	assert_true(g.start);
	assert_int_equal(g.gap[SUS_MISSING_CONSENT_DATE], SUS_GAP_EMPTY);
	sus_complete_check(&f, 1, &g);
	assert_true(sus_gaps_none(&g));
	f.consent_date = STR_LIT("2024-01-09");
	f.gender = STR_LIT("");
	sus_complete_check(&f, 2, &g);
	assert_int_equal(g.gap[SUS_MISSING_PERSON], SUS_GAP_EMPTY);
	assert_int_equal(g.gap[SUS_MISSING_CONSENT_DATE], SUS_GAP_NONE);
	f.registry = 0;
	sus_complete_check(&f, 2, &g);
	assert_true(sus_gaps_none(&g));
}

/* The extent is not required (the header says why). */
static void
extent_not_required(void **state)
{
	struct sus_facts f = complete_facts();
	struct sus_gaps g;

	(void)state;
	f.income_before = ITEM("fk_sjukpenning", "F01");
	sus_complete_check(&f, 2, &g);
	assert_true(sus_gaps_none(&g));
}

/* An extent as typed: whole percent 0..100, or empty (not recorded). */
static void
extents_typed(void **state)
{
	static const struct {
		const char *typed;
		int ok;
		long long v;
	} cases[] = {
		{ "", 1, -1 },
		{ "  ", 1, -1 },
		{ "0", 1, 0 },
		{ "50", 1, 50 },
		{ " 75 ", 1, 75 },
		{ "100", 1, 100 },
		{ "007", 1, 7 },
		{ "101", 0, -1 },
		{ "150", 0, -1 },
		{ "-1", 0, -1 },
		{ "50,5", 0, -1 },
		{ "50 %", 0, -1 },
		{ "abc", 0, -1 },
		{ "1000", 0, -1 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		long long v = 42;

		assert_int_equal(sus_extent_parse(str_cstr(cases[i].typed), &v),
		    cases[i].ok);
		if (cases[i].ok)
			assert_int_equal(v, cases[i].v);
	}
}

static void
gaps_in_words(void **state)
{
	struct sus_facts f = complete_facts();
	struct arena a;
	struct sus_gaps g;

	(void)state;
	assert_true(arena_init(&a, 1u << 16));
	sus_complete_check(&f, 2, &g);
	assert_true(str_eq_cstr(sus_gaps_text(&a, &g), ""));
	f.education = ITEM("", "");
	f.municipality = ITEM("Trollhätan", "");
	f.ended = 1;
	f.end_date = STR_LIT("2024-05-31");
	f.end_reason = ITEM("egen", "");
	f.occupation_after = ITEM("arbete", "S1");
	f.income_after = ITEM("lon", "F10");
	sus_complete_check(&f, 2, &g);
	assert_true(str_eq_cstr(sus_gaps_text(&a, &g),
	    "utbildning, folkbokföringskommun (finns inte i kommunlistan), "
	    "avslutsorsak (koden har ingen SUS-kod)"));
	assert_string_equal(sus_missing_label(SUS_MISSING_MUNICIPALITY),
	    "folkbokföringskommun");
	assert_string_equal(sus_missing_label(SUS_MISSING__MAX), "");
	assert_string_equal(
	    sus_gap_reason(SUS_MISSING_MUNICIPALITY, SUS_GAP_EMPTY), "");
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(complete_has_no_gaps),
		cmocka_unit_test(kommun_without_code),
		cmocka_unit_test(codes_without_sus_code),
		cmocka_unit_test(end_items_once_ended),
		cmocka_unit_test(registry_items),
		cmocka_unit_test(extent_not_required),
		cmocka_unit_test(extents_typed),
		cmocka_unit_test(gaps_in_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
