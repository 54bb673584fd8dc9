/* test_sus_rules.c: the SUS export's states and the register quality's
 * words (sus_batch.h, sus_quality.h, sus_finsam.h), without a database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "sql_sus.h"
#include "sus_batch.h"
#include "sus_finsam.h"
#include "sus_quality.h"

static void
batch_states_by_name(void **state)
{
	enum sus_batch_state st = SUS_BATCH_STATE__MAX;

	(void)state;
	assert_true(sus_batch_state_from_name(STR_LIT("kvitterad"), &st));
	assert_int_equal(st, SUS_BATCH_KVITTERAD);
	assert_true(sus_batch_state_from_name(STR_LIT("ny"), &st));
	assert_int_equal(st, SUS_BATCH_NY);
	assert_false(sus_batch_state_from_name(STR_LIT("Kvitterad"), &st));
	assert_false(sus_batch_state_from_name(STR_LIT(""), &st));
	for (int i = 0; i < SUS_BATCH_STATE__MAX; i++) {
		const char *n = sus_batch_state_name((enum sus_batch_state)i);
		assert_true(sus_batch_state_from_name(str_cstr(n), &st));
		assert_int_equal(st, i);
	}
	assert_string_equal(
	    sus_batch_state_label(SUS_BATCH_NY), "Ej kvitterad");
	assert_string_equal(sus_batch_state_name(SUS_BATCH_STATE__MAX), "");
}

/* The receiver holds a registration after a registration, not after a
 * withdrawal or nothing. */
static void
item_actions(void **state)
{
	(void)state;
	assert_true(sus_item_action_present(
	    str_cstr(sus_item_action_name(SUS_ITEM_NY))));
	assert_true(sus_item_action_present(
	    str_cstr(sus_item_action_name(SUS_ITEM_ANDRAD))));
	assert_false(sus_item_action_present(
	    str_cstr(sus_item_action_name(SUS_ITEM_ANONYMISERAD))));
	assert_false(sus_item_action_present(
	    str_cstr(sus_item_action_name(SUS_ITEM_FELREGISTRERING))));
	/* Held back: the receiver keeps what it had. */
	assert_true(sus_item_action_present(
	    str_cstr(sus_item_action_name(SUS_ITEM_KVARHALLEN))));
	assert_false(sus_item_action_present(STR_LIT("")));
	assert_string_equal(
	    sus_item_action_name(SUS_ITEM_FELREGISTRERING), "felregistrering");
}

static void
missing_in_words(void **state)
{
	struct arena a;
	struct sus_quality_row row;

	(void)state;
	assert_true(arena_init(&a, 1u << 16));
	memset(&row, 0, sizeof(row));
	assert_true(str_eq_cstr(sus_quality_missing_text(&a, &row), ""));
	row.gaps.gap[SUS_MISSING_EDUCATION] = SUS_GAP_EMPTY;
	assert_true(
	    str_eq_cstr(sus_quality_missing_text(&a, &row), "utbildning"));
	row.gaps.gap[SUS_MISSING_END_REASON] = SUS_GAP_EMPTY;
	row.gaps.gap[SUS_MISSING_INCOME_AFTER] = SUS_GAP_EMPTY;
	assert_true(str_eq_cstr(sus_quality_missing_text(&a, &row),
	    "utbildning, avslutsorsak, försörjning efter"));
	assert_string_equal(sus_missing_label(SUS_MISSING_MUNICIPALITY),
	    "folkbokföringskommun");
	arena_free(&a);
}

static void
finsam_genders(void **state)
{
	(void)state;
	assert_string_equal(
	    sus_finsam_gender_label(STR_LIT("kvinna")), "Kvinnor");
	assert_string_equal(sus_finsam_gender_label(STR_LIT("man")), "Män");
	assert_string_equal(sus_finsam_gender_label(STR_LIT("annat")), "Annat");
}

/* The command line's förbund: the only active one, or the one named by
 * id or short name; never a guess among several. */
static void
cli_forbund_choice(void **state)
{
	const struct sus_forbund_pick two[] = {
		{ 1, STR_LIT("SOFTLEG") },
		{ 12, STR_LIT("TF") },
	};
	long long id = -1;

	(void)state;
	assert_int_equal(sus_forbund_choose(two, 0, NULL, &id), SUS_PICK_NONE);
	assert_int_equal(
	    sus_forbund_choose(two, 0, "SOFTLEG", &id), SUS_PICK_NONE);
	assert_int_equal(sus_forbund_choose(two, 1, NULL, &id), SUS_PICK_OK);
	assert_int_equal(id, 1);
	assert_int_equal(
	    sus_forbund_choose(two, 2, NULL, &id), SUS_PICK_SEVERAL);
	assert_int_equal(id, 0);
	assert_int_equal(sus_forbund_choose(two, 2, "12", &id), SUS_PICK_OK);
	assert_int_equal(id, 12);
	assert_int_equal(sus_forbund_choose(two, 2, "TF", &id), SUS_PICK_OK);
	assert_int_equal(id, 12);
	assert_int_equal(
	    sus_forbund_choose(two, 2, "SOFTLEG", &id), SUS_PICK_OK);
	assert_int_equal(id, 1);
	assert_int_equal(
	    sus_forbund_choose(two, 2, "2", &id), SUS_PICK_UNKNOWN);
	assert_int_equal(
	    sus_forbund_choose(two, 2, "tf", &id), SUS_PICK_UNKNOWN);
	assert_int_equal(
	    sus_forbund_choose(two, 2, "012", &id), SUS_PICK_UNKNOWN);
	assert_int_equal(id, 0);
	{
		/* A short name of digits never names another förbund's id;
		 * a shared short name names neither. */
		const struct sus_forbund_pick odd[] = {
			{ 1, STR_LIT("2") },
			{ 2, STR_LIT("EXEMPEL") },
			{ 3, STR_LIT("EXEMPEL") },
		};
		assert_int_equal(
		    sus_forbund_choose(odd, 3, "2", &id), SUS_PICK_OK);
		assert_int_equal(id, 2);
		assert_int_equal(sus_forbund_choose(odd, 3, "EXEMPEL", &id),
		    SUS_PICK_SHARED);
		assert_int_equal(id, 0);
		assert_int_equal(
		    sus_forbund_choose(odd, 3, "3", &id), SUS_PICK_OK);
		assert_int_equal(id, 3);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(batch_states_by_name),
		cmocka_unit_test(item_actions),
		cmocka_unit_test(missing_in_words),
		cmocka_unit_test(finsam_genders),
		cmocka_unit_test(cli_forbund_choice),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
