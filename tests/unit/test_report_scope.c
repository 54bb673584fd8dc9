/* test_report_scope.c: what a caller may report on (report_scope.h), as a
 * matrix of roles (förbund, insats staff) x choices (none, the whole
 * förbund, one of theirs, another insats) x their insatser (some, none). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "report_scope.h"

/* A struct str initialiser for static tables. */
#define S(s)                                                                   \
	{                                                                      \
		"" s "", sizeof(s) - 1                                         \
	}

static const struct report_insats ins[] = {
	{ 3, S("Trampolinen"), S("2015-01-01"), S("2019-12-31") },
	{ 6, S("Case Manager"), S("2020-01-01"), S("") },
};
#define NINS (sizeof(ins) / sizeof(ins[0]))

struct scope_case {
	int forbund;
	size_t n;         /* the caller's insatser: 0 or NINS */
	int given;        /* the form names an insats */
	long long chosen; /* which (0: the whole förbund) */
	enum report_scope_refusal want;
	long long want_id;    /* the scope's insats id */
	long long want_index; /* index in ins of the picked, -1: none */
};

static const struct scope_case cases[] = {
	/* The förbund: the whole förbund by default, any listed insats. */
	{ 1, NINS, 0, 0, REPORT_SCOPE_OK, 0, -1 },
	{ 1, NINS, 1, 0, REPORT_SCOPE_OK, 0, -1 },
	{ 1, NINS, 1, 6, REPORT_SCOPE_OK, 6, 1 },
	{ 1, NINS, 1, 99, REPORT_SCOPE_NOT_OFFERED, 99, -1 },
	{ 1, 0, 0, 0, REPORT_SCOPE_OK, 0, -1 },
	{ 1, 0, 1, 3, REPORT_SCOPE_NOT_OFFERED, 3, -1 },
	/* Staff: their first insats by default, never the whole förbund. */
	{ 0, NINS, 0, 0, REPORT_SCOPE_OK, 3, 0 },
	{ 0, NINS, 1, 0, REPORT_SCOPE_NOT_OFFERED, 0, -1 },
	{ 0, NINS, 1, 6, REPORT_SCOPE_OK, 6, 1 },
	{ 0, NINS, 1, 99, REPORT_SCOPE_NOT_OFFERED, 99, -1 },
	{ 0, 0, 0, 0, REPORT_SCOPE_NO_INSATS, 0, -1 },
	{ 0, 0, 1, 0, REPORT_SCOPE_NO_INSATS, 0, -1 },
	{ 0, 0, 1, 3, REPORT_SCOPE_NOT_OFFERED, 3, -1 },
};

static void
scope_matrix(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct scope_case *c = &cases[i];
		const struct report_insats *picked = &ins[0];
		long long id = -1;
		enum report_scope_refusal got = report_scope_pick(c->forbund,
		    ins, c->n, c->given ? &c->chosen : NULL, &id, &picked);

		const struct report_insats *want_picked =
		    c->want_index < 0 ? NULL : &ins[c->want_index];

		if (got != c->want || id != c->want_id || picked != want_picked)
			fail_msg(
			    "case %zu: refusal %d id %lld, want %d id %lld", i,
			    (int)got, id, (int)c->want, c->want_id);
	}
}

static void
refusals_say_why_in_swedish(void **state)
{
	(void)state;
	assert_string_equal(report_scope_message(REPORT_SCOPE_OK), "");
	assert_string_equal(report_scope_message(REPORT_SCOPE_NOT_OFFERED),
	    "Välj ett av alternativen i listan.");
	assert_string_equal(report_scope_message(REPORT_SCOPE_NO_INSATS),
	    "Du arbetar inte i någon insats med deltagare.");
}

static void
questionnaire_choice(void **state)
{
	static const struct report_quest qs[] = {
		{ S("deltagare_avslut"), S("Avslut") },
		{ S("deltagare_pagaende"), S("Pågående") },
		{ S("livskvalitet"), S("Livskvalitet") },
	};
	struct str chosen = STR_LIT("livskvalitet");
	struct str nope = STR_LIT("nope");

	(void)state;
	/* None chosen: the default when loaded, else the first. */
	assert_int_equal(report_quest_pick(qs, 3, NULL), 1);
	assert_int_equal(report_quest_pick(qs, 1, NULL), 0);
	assert_int_equal(report_quest_pick(&qs[2], 1, NULL), 0);
	assert_int_equal(report_quest_pick(qs, 0, NULL), -1);
	/* Chosen: that one, or none. */
	assert_int_equal(report_quest_pick(qs, 3, &chosen), 2);
	assert_int_equal(report_quest_pick(qs, 3, &nope), -1);
	assert_int_equal(report_quest_pick(qs, 0, &chosen), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(scope_matrix),
		cmocka_unit_test(refusals_say_why_in_swedish),
		cmocka_unit_test(questionnaire_choice),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
