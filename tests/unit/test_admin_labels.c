/* test_admin_labels.c: the code lists (app/code_list.c), the access
 * log's labels (app/audit.c) and the change history's value labels
 * (app/history.c), without a database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "audit.h"
#include "code_list.h"
#include "history.h"
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

/* A log row is a sentence: every action has a verb, every object type
 * written has a noun; nothing reads "annat" (issue 21, item 9). */
static void
log_sentences(void **state)
{
	static const char *const types[] = { "participation", "referral",
		"consent", "person", "staff", "participation_list",
		"referral_list", "questionnaire", "questionnaire_code",
		"report", "report_text", "structural_company",
		"structural_training", "insats", "organisation", "code",
		"consent_text", "audit_log", "sus_batch" };

	(void)state;
	for (int i = 0; i < AUDIT__MAX; i++) {
		const char *v = audit_action_verb_of(
		    S(audit_action_name((enum audit_action)i)));

		assert_true(v[0] != '\0');
		assert_string_not_equal(v, "Åtgärd:");
	}
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		assert_string_not_equal(
		    audit_object_noun_of(S(types[i])), "uppgift");
	assert_string_equal(audit_action_verb_of(S("read")), "Läste");
	assert_string_equal(audit_object_noun_of(S("consent")), "samtycke");
	assert_string_equal(audit_object_noun_of(S("person")), "personnumret");
	assert_string_equal(audit_object_noun_of(S("no_such_type")), "uppgift");
}

static int
label_is(enum history_record t, const char *field, const char *value,
    const char *want)
{
	return str_eq_cstr(history_value_label(t, S(field), S(value)), want);
}

/* History values by their Swedish labels; "" and unknown values as
 * stored. */
static void
history_values(void **state)
{
	(void)state;
	assert_true(label_is(
	    HISTORY_PARTICIPATION, "status", "inskriven", "Inskriven"));
	assert_true(
	    label_is(HISTORY_REFERRAL, "status", "vantelista", "Väntelista"));
	assert_true(label_is(HISTORY_REFERRAL, "status", "", ""));
	assert_true(label_is(HISTORY_REFERRAL, "consent_at_visa", "1", "Ja"));
	assert_true(label_is(HISTORY_REFERRAL, "employed", "0", "Nej"));
	assert_true(
	    label_is(HISTORY_PARTICIPATION, "protected_identity", "1", "Ja"));
	assert_true(label_is(HISTORY_REFERRAL, "gender", "kvinna", "Kvinna"));
	assert_true(label_is(HISTORY_PARTICIPATION, "uppfoljning_situation",
	    "arbete", "Arbete"));
	/* A free text that happens to be "1" stays as it is. */
	assert_true(
	    label_is(HISTORY_PARTICIPATION, "hours_per_week", "1", "1"));
	assert_true(label_is(HISTORY_REFERRAL, "status", "okand", "okand"));
}

/* The access log's stored details in Swedish, with the parts kept. */
static void
log_details(void **state)
{
	static const char *const cases[][2] = {
		{ "decision: antagen", "Beslut: antagen" },
		{ "consent: existence only",
		    "Visade bara att ansökan finns (samtycket omfattar inte "
		    "organisationen)" },
		{ "waiver prepared",
		    "Samtycke till sekretesslättnad förberett" },
		{ "handover page", "Sidan för att lämna över surfplattan" },
		{ "party 16 revoked (muntligt)",
		    "En part (nr 16) återkallades (muntligt)" },
		{ "revoked (skriftligt)", "Återkallat (skriftligt)" },
		{ "list: 293 rows", "Lista: 293 rader" },
		{ "search: 1 hits", "Sökning: 1 träffar" },
		{ "search by personnummer: 2 hits",
		    "Sökning på personnummer: 2 träffar" },
		{ "tablet session 5 for consent 9, handed over by cm "
		  "(staff 3): handover",
		    "Surfplattans session 5, samtycke 9, överlämnad av cm "
		    "(konto 3): handover" },
		{ "participant list: 50 (page 2, 328 in all)",
		    "Deltagarlista: 50 rader (sida 2, 328 totalt)" },
		{ "summary version 2", "Sammanfattningen, version 2" },
		{ "summary sent", "Sammanfattningen skickades" },
		{ "reopened", "Öppnades igen" },
		{ "midterm follow-up", "Mittuppföljning" },
		{ "förbund details saved: org number, SUS code",
		    "Förbundets uppgifter sparades (ändrat: org number, SUS "
		    "code)" },
		{ "förbund details saved, unchanged",
		    "Förbundets uppgifter sparades utan ändring" },
		{ "förbund 3 set: name, active 0",
		    "Förbund 3 ändrades av driften: name, active 0" },
		/* Not one the code writes: as stored. */
		{ "Deltagaren ringde", "Deltagaren ringde" },
		{ "list: rows", "list: rows" },
		{ "", "" },
	};
	struct arena a;

	(void)state;
	assert_true(arena_init(&a, 1u << 16));
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct str got = audit_detail_label(&a, str_cstr(cases[i][0]));

		if (got.len != strlen(cases[i][1]) ||
		    memcmp(got.p, cases[i][1], got.len) != 0)
			fail_msg(
			    "%s: got %.*s", cases[i][0], (int)got.len, got.p);
	}
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(code_lists),
		cmocka_unit_test(outcomes),
		cmocka_unit_test(code_text),
		cmocka_unit_test(log_labels),
		cmocka_unit_test(log_details),
		cmocka_unit_test(log_sentences),
		cmocka_unit_test(history_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
