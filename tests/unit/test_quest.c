/* test_quest.c: unit tests for the questionnaires' rules without a
 * database: app/quest_state.c (states, opening and using codes),
 * app/quest_response.c (answering a screen) and app/kiosk_words.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "app_limits.h"
#include "arena.h"
#include "form.h"
#include "kiosk_words.h"
#include "quest.h"
#include "quest_panel.h"
#include "quest_response.h"
#include "quest_state.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

/* ---- The participation page's panel order ------------------------------ */

/* The order MariaDB gave these names in utf8mb4_uca1400_swedish_ai_ci
 * (SELECT ... ORDER BY CONVERT(c USING utf8mb4) COLLATE ...), which
 * SQL_QUEST_PANEL's union sorted its codes in before the sort moved to C. */
static void
panel_name_order(void **state)
{
	static const char *const sorted[] = { "a", "a_", "a__", "a_0", "a_b",
		"a0", "a1", "a9", "aa", "aab", "ab", "ac", "az", "v", "vb", "w",
		"wa", "x", "y", "z" };
	size_t n = sizeof(sorted) / sizeof(sorted[0]);

	(void)state;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			int c = quest_name_cmp(S(sorted[i]), S(sorted[j]));
			assert_int_equal(c < 0, i < j);
			assert_int_equal(c == 0, i == j);
		}
	/* Case ignored, as the _ci collation does. */
	assert_int_equal(quest_name_cmp(S("Abc"), S("abc")), 0);
}

/* Definitions first, linked before anonymous, then by code and id; the
 * responses and codes by id, whatever order the rows came in. */
static void
panel_row_order(void **state)
{
	struct quest_panel_row rows[] = {
		{ .kind = 2, .id = 9, .a = S("start") },
		{ .kind = 1, .id = 7, .b = S("slut") },
		{ .kind = 0, .id = 5, .a = S("nojd"), .d = S("anonym") },
		{ .kind = 1, .id = 3, .b = S("start") },
		{ .kind = 0,
		    .id = 4,
		    .a = S("livskvalitet"),
		    .d = S("kopplad") },
		{ .kind = 0, .id = 2, .a = S("livs_2"), .d = S("kopplad") },
		{ .kind = 2, .id = 1, .a = S("slut") },
		{ .kind = 0, .id = 1, .a = S("akut"), .d = S("anonym") },
		{ .kind = 1, .id = 7, .b = S("start") },
	};
	static const long long want_kind[] = { 0, 0, 0, 0, 1, 1, 1, 2, 2 };
	static const long long want_id[] = { 2, 4, 1, 5, 3, 7, 7, 1, 9 };

	(void)state;
	qsort(rows, sizeof(rows) / sizeof(rows[0]), sizeof(rows[0]),
	    quest_panel_row_cmp);
	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		assert_int_equal(rows[i].kind, want_kind[i]);
		assert_int_equal(rows[i].id, want_id[i]);
	}
	/* The same questionnaire version's two responses: by measurement. */
	assert_true(str_eq_cstr(rows[5].b, "slut"));
	assert_true(str_eq_cstr(rows[6].b, "start"));
}

/* ---- Names and labels ------------------------------------------------- */

static void
names_round_trip(void **state)
{
	(void)state;
	for (int i = 0; i < QANON__MAX; i++)
		assert_int_equal(
		    quest_anonymity_from_name(
		        S(quest_anonymity_name((enum quest_anonymity)i))),
		    i);
	for (int i = 0; i < QGROUP__MAX; i++)
		assert_int_equal(quest_group_from_name(
		                     S(quest_group_name((enum quest_group)i))),
		    i);
	for (int i = 0; i < QMEAS__MAX; i++)
		assert_int_equal(
		    quest_measurement_from_name(
		        S(quest_measurement_name((enum quest_measurement)i))),
		    i);
	for (int i = 0; i < QSTATUS__MAX; i++)
		assert_int_equal(quest_status_from_name(S(
		                     quest_status_name((enum quest_status)i))),
		    i);
	for (int i = 0; i < QCODE__MAX; i++)
		assert_int_equal(
		    quest_code_kind_from_name(
		        S(quest_code_kind_name((enum quest_code_kind)i))),
		    i);
	for (int i = 0; i < QSPECIAL__MAX; i++)
		assert_int_equal(quest_special_from_name(S(quest_special_name(
		                     (enum quest_special)i))),
		    i);
	for (int i = 0; i < QK__MAX; i++)
		assert_int_equal(quest_kind_from_name(
		                     S(quest_kind_name((enum quest_kind)i))),
		    i);

	/* The database's spellings. */
	assert_int_equal(
	    quest_anonymity_from_name(S("kopplad")), QANON_KOPPLAD);
	assert_int_equal(
	    quest_status_from_name(S("inskickad")), QSTATUS_INSKICKAD);
	assert_int_equal(quest_measurement_from_name(S("slut")), QMEAS_SLUT);
	assert_int_equal(quest_measurement_from_name(S("")), QMEAS_NONE);
	assert_int_equal(quest_code_kind_from_name(S("lank")), QCODE_LANK);
	assert_int_equal(quest_special_from_name(S("vet_ej")), QSPECIAL_VET_EJ);

	/* Unknown names are none of the states. */
	assert_int_equal(quest_anonymity_from_name(S("Anonym")), QANON__MAX);
	assert_int_equal(quest_group_from_name(S("deltagar")), QGROUP__MAX);
	assert_int_equal(quest_measurement_from_name(S("mitt")), QMEAS__MAX);
	assert_int_equal(quest_status_from_name(S("")), QSTATUS__MAX);
	assert_int_equal(quest_code_kind_from_name(S("link")), QCODE__MAX);
	assert_int_equal(quest_kind_from_name(S("radio")), QK__MAX);
	assert_string_equal(quest_status_name(QSTATUS__MAX), "");

	assert_string_equal(
	    quest_measurement_label(QMEAS_START), "Startmätning");
	assert_string_equal(quest_measurement_label(QMEAS_SLUT), "Slutmätning");
}

static void
groups(void **state)
{
	(void)state;
	assert_true(quest_group_is_participants(QGROUP_DELTAGARE));
	assert_true(quest_group_is_participants(QGROUP_DELTAGARE_PAGAENDE));
	assert_true(quest_group_is_participants(QGROUP_DELTAGARE_AVSLUT));
	for (int g = QGROUP_INSATSPERSONAL; g <= QGROUP__MAX; g++)
		assert_false(quest_group_is_participants((enum quest_group)g));

	/* Personal links: the active version of a staff questionnaire. */
	assert_true(quest_links_allowed(1, QGROUP_REMITTENT));
	assert_true(quest_links_allowed(1, QGROUP_STYRELSE));
	assert_false(quest_links_allowed(0, QGROUP_REMITTENT));
	assert_false(quest_links_allowed(1, QGROUP_DELTAGARE));
	assert_false(quest_links_allowed(1, QGROUP_DELTAGARE_AVSLUT));
	assert_false(quest_links_allowed(1, QGROUP__MAX));
}

/* ---- A measurement on the participation page ------------------------- */

static void
measurement_states(void **state)
{
	static const struct {
		int has_response;
		enum quest_status status;
		int code_open;
		enum quest_meas_state want;
		const char *label;
		int can_open;
	} cases[] = {
		{ 0, QSTATUS_PAGAENDE, 0, QMSTATE_EJ_BESVARAD, "Ej besvarad",
		    1 },
		{ 0, QSTATUS_PAGAENDE, 1, QMSTATE_KOD_UTLAMNAD,
		    "Kod utlämnad, ej besvarad", 1 },
		{ 1, QSTATUS_PAGAENDE, 0, QMSTATE_PABORJAD, "Påbörjad", 1 },
		/* A response started: the code does not show. */
		{ 1, QSTATUS_PAGAENDE, 1, QMSTATE_PABORJAD, "Påbörjad", 1 },
		{ 1, QSTATUS_INSKICKAD, 0, QMSTATE_BESVARAD, "Besvarad", 0 },
		{ 1, QSTATUS_INSKICKAD, 1, QMSTATE_BESVARAD, "Besvarad", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum quest_meas_state s = quest_meas_state(
		    cases[i].has_response, cases[i].status, cases[i].code_open);
		assert_int_equal(s, cases[i].want);
		assert_string_equal(quest_meas_state_label(s), cases[i].label);
		assert_int_equal(quest_meas_can_open(s), cases[i].can_open);
	}
}

/* ---- Opening a code for a participation ------------------------------ */

static void
open_check(void **state)
{
	static const struct {
		int found, active;
		enum quest_group group;
		enum quest_anonymity anon;
		enum quest_measurement meas;
		int has_response;
		enum quest_status status;
		enum quest_open_refusal want;
	} cases[] = {
		/* The definition: there, active, for participants. */
		{ 0, 1, QGROUP_DELTAGARE, QANON_ANONYM, QMEAS_NONE, 0,
		    QSTATUS_PAGAENDE, QOPEN_NO_DEF },
		{ 1, 0, QGROUP_DELTAGARE, QANON_ANONYM, QMEAS_NONE, 0,
		    QSTATUS_PAGAENDE, QOPEN_NO_DEF },
		{ 1, 1, QGROUP_REMITTENT, QANON_ANONYM, QMEAS_NONE, 0,
		    QSTATUS_PAGAENDE, QOPEN_NO_DEF },
		{ 1, 1, QGROUP_DELTAGARE_AVSLUT, QANON_ANONYM, QMEAS_NONE, 0,
		    QSTATUS_PAGAENDE, QOPEN_OK },
		/* Anonymous: no measurement needed, any given is ignored. */
		{ 1, 1, QGROUP_DELTAGARE, QANON_ANONYM, QMEAS__MAX, 0,
		    QSTATUS_PAGAENDE, QOPEN_OK },
		/* Linked: start or slut. */
		{ 1, 1, QGROUP_DELTAGARE, QANON_KOPPLAD, QMEAS_NONE, 0,
		    QSTATUS_PAGAENDE, QOPEN_NO_MEASUREMENT },
		{ 1, 1, QGROUP_DELTAGARE, QANON_KOPPLAD, QMEAS__MAX, 0,
		    QSTATUS_PAGAENDE, QOPEN_NO_MEASUREMENT },
		{ 1, 1, QGROUP_DELTAGARE, QANON_KOPPLAD, QMEAS_START, 0,
		    QSTATUS_PAGAENDE, QOPEN_OK },
		/* Started: a new code resumes it. Sent: never again. */
		{ 1, 1, QGROUP_DELTAGARE, QANON_KOPPLAD, QMEAS_SLUT, 1,
		    QSTATUS_PAGAENDE, QOPEN_OK },
		{ 1, 1, QGROUP_DELTAGARE, QANON_KOPPLAD, QMEAS_SLUT, 1,
		    QSTATUS_INSKICKAD, QOPEN_ANSWERED },
		/* The definition is checked first. */
		{ 1, 0, QGROUP_DELTAGARE, QANON_KOPPLAD, QMEAS_SLUT, 1,
		    QSTATUS_INSKICKAD, QOPEN_NO_DEF },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum quest_open_refusal got =
		    quest_open_check(cases[i].found, cases[i].active,
		        cases[i].group, cases[i].anon, STR_LIT("livskvalitet"),
		        cases[i].meas, cases[i].has_response, cases[i].status);
		assert_int_equal(got, cases[i].want);
		assert_int_equal(quest_open_def_ok(cases[i].found,
		                     cases[i].active, cases[i].group),
		    cases[i].want != QOPEN_NO_DEF);
		if (got == QOPEN_OK)
			assert_null(quest_open_refusal_text(got));
		else
			assert_non_null(quest_open_refusal_text(got));
	}
	assert_string_equal(quest_open_refusal_text(QOPEN_ANSWERED),
	    "Mätningen är redan besvarad och kan inte göras om.");
	/* The follow-up questionnaire has its one measurement, and no other
	 * questionnaire has it. */
	assert_int_equal(quest_open_check(1, 1, QGROUP_DELTAGARE_AVSLUT,
	                     QANON_KOPPLAD, STR_LIT(QUEST_FOLLOWUP_CODE),
	                     QMEAS_UPPFOLJNING, 0, QSTATUS_PAGAENDE),
	    QOPEN_OK);
	assert_int_equal(
	    quest_open_check(1, 1, QGROUP_DELTAGARE_AVSLUT, QANON_KOPPLAD,
	        STR_LIT(QUEST_FOLLOWUP_CODE), QMEAS_START, 0, QSTATUS_PAGAENDE),
	    QOPEN_NO_MEASUREMENT);
	assert_int_equal(quest_open_check(1, 1, QGROUP_DELTAGARE, QANON_KOPPLAD,
	                     STR_LIT("livskvalitet"), QMEAS_UPPFOLJNING, 0,
	                     QSTATUS_PAGAENDE),
	    QOPEN_NO_MEASUREMENT);
	assert_int_equal(quest_open_check(1, 1, QGROUP_DELTAGARE_AVSLUT,
	                     QANON_KOPPLAD, STR_LIT(QUEST_FOLLOWUP_CODE),
	                     QMEAS_UPPFOLJNING, 1, QSTATUS_INSKICKAD),
	    QOPEN_ANSWERED);
}

static void
measurements_of(void **state)
{
	enum quest_measurement ms[2];

	(void)state;
	assert_int_equal(
	    quest_measurements_of(STR_LIT(QUEST_FOLLOWUP_CODE), ms), 1);
	assert_int_equal(ms[0], QMEAS_UPPFOLJNING);
	assert_int_equal(quest_measurements_of(STR_LIT("livskvalitet"), ms), 2);
	assert_int_equal(ms[0], QMEAS_START);
	assert_int_equal(ms[1], QMEAS_SLUT);
	assert_true(quest_measurement_fits(
	    STR_LIT(QUEST_FOLLOWUP_CODE), QMEAS_UPPFOLJNING));
	assert_false(
	    quest_measurement_fits(STR_LIT(QUEST_FOLLOWUP_CODE), QMEAS_SLUT));
	assert_false(
	    quest_measurement_fits(STR_LIT("livskvalitet"), QMEAS_UPPFOLJNING));
	assert_string_equal(
	    quest_measurement_name(QMEAS_UPPFOLJNING), "uppfoljning");
	assert_int_equal(quest_measurement_from_name(STR_LIT("uppfoljning")),
	    QMEAS_UPPFOLJNING);
}

/* ---- Using a code ----------------------------------------------------- */

static void
code_check(void **state)
{
	const enum quest_code_kind T = QCODE_SURFPLATTA, L = QCODE_LANK;
	static const struct {
		int found;
		enum quest_code_kind kind, want;
		int expired, held, mine;
		enum quest_code_check check;
	} cases[] = {
		{ 0, QCODE_SURFPLATTA, QCODE_SURFPLATTA, 0, 0, 0,
		    QCHECK_UNKNOWN },
		/* A link's token typed as a code, or the other way round. */
		{ 1, QCODE_LANK, QCODE_SURFPLATTA, 0, 0, 0, QCHECK_UNKNOWN },
		{ 1, QCODE_SURFPLATTA, QCODE_LANK, 0, 0, 0, QCHECK_UNKNOWN },
		{ 1, QCODE_SURFPLATTA, QCODE_SURFPLATTA, 1, 0, 0,
		    QCHECK_EXPIRED },
		/* Expired wins over held. */
		{ 1, QCODE_SURFPLATTA, QCODE_SURFPLATTA, 1, 1, 0,
		    QCHECK_EXPIRED },
		{ 1, QCODE_SURFPLATTA, QCODE_SURFPLATTA, 0, 1, 0, QCHECK_BUSY },
		/* The device that holds it may type it again. */
		{ 1, QCODE_SURFPLATTA, QCODE_SURFPLATTA, 0, 1, 1, QCHECK_OK },
		{ 1, QCODE_SURFPLATTA, QCODE_SURFPLATTA, 0, 0, 0, QCHECK_OK },
		{ 1, QCODE_LANK, QCODE_LANK, 0, 1, 0, QCHECK_BUSY },
		{ 1, QCODE_LANK, QCODE_LANK, 0, 0, 0, QCHECK_OK },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(quest_code_check(cases[i].found, cases[i].kind,
		                     cases[i].want, cases[i].expired,
		                     cases[i].held, cases[i].mine),
		    cases[i].check);

	/* A link never tells an expired link from an unknown one. */
	assert_string_equal(quest_code_check_text(QCHECK_UNKNOWN, L),
	    quest_code_check_text(QCHECK_EXPIRED, L));
	assert_string_equal(
	    quest_code_check_text(QCHECK_UNKNOWN, T), QUEST_MSG_CODE_BAD);
	assert_string_equal(
	    quest_code_check_text(QCHECK_EXPIRED, T), QUEST_MSG_CODE_OLD);
	assert_string_equal(
	    quest_code_check_text(QCHECK_BUSY, L), QUEST_MSG_CODE_BUSY);
	assert_null(quest_code_check_text(QCHECK_OK, T));
}

static void
code_live(void **state)
{
	(void)state;
	assert_true(quest_code_live(1, 0, QANON_ANONYM, 0));
	assert_true(quest_code_live(1, 0, QANON_KOPPLAD, 42));
	/* Idle, expired, or a linked one without its response: let go. */
	assert_false(quest_code_live(0, 0, QANON_ANONYM, 0));
	assert_false(quest_code_live(1, 1, QANON_ANONYM, 0));
	assert_false(quest_code_live(1, 0, QANON_KOPPLAD, 0));
}

static void
code_attempts(void **state)
{
	(void)state;
	assert_false(quest_code_attempts_over(QUEST_FAIL_MAX, 0));
	assert_true(quest_code_attempts_over(QUEST_FAIL_MAX + 1, 0));
	assert_false(quest_code_attempts_over(0, QUEST_FAIL_ALL_PER_MIN));
	assert_true(quest_code_attempts_over(0, QUEST_FAIL_ALL_PER_MIN + 1));
}

static void
code_digits(void **state)
{
	static const struct {
		const char *in, *want; /* want NULL: refused */
	} cases[] = {
		{ "12345678", "12345678" },
		{ "1234 5678", "12345678" },
		{ " 1234-5678\t", "12345678" },
		/* Arabic-Indic and Persian digits */
		{ "\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4\xd9\xa5\xd9\xa6\xd9\xa7"
		  "\xd9\xa8",
		    "12345678" },
		{ "\xdb\xb0\xdb\xb9"
		  "123456",
		    "09123456" },
		{ "1234567", NULL },
		{ "123456789", NULL },
		{ "1234567a", NULL },
		{ "", NULL },
		{ "1234\xd9", NULL },
		{ "\xd9\xa1\xd9\xa2\xd9\xa3\xd9\xa4\xd9\xa5\xd9\xa6\xd9\xa7"
		  "\xd9\xa8\xd9\xa9",
		    NULL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char out[9];
		int ok = quest_code_digits(S(cases[i].in), out);
		assert_int_equal(ok, cases[i].want != NULL);
		if (ok)
			assert_string_equal(out, cases[i].want);
	}
}

static void
link_tokens(void **state)
{
	char t[65];

	(void)state;
	memset(t, 'a', 64);
	t[64] = '\0';
	assert_true(quest_link_token_ok(S(t)));
	t[10] = '9';
	assert_true(quest_link_token_ok(S(t)));
	t[10] = 'A'; /* lowercase only, as made */
	assert_false(quest_link_token_ok(S(t)));
	t[10] = 'g';
	assert_false(quest_link_token_ok(S(t)));
	t[10] = 'a';
	assert_false(quest_link_token_ok((struct str){ t, 63 }));
	assert_false(quest_link_token_ok(S("")));
}

/* ---- Answering a screen ----------------------------------------------- */

/* A form of key=value pairs (NULL-terminated). */
static struct kv_list
F(struct kv *v, const char *const *pairs) {
	size_t n = 0;

	for (; pairs[2 * n] != NULL; n++)
		v[n] = (struct kv){ S(pairs[2 * n]), S(pairs[2 * n + 1]) };
	return (struct kv_list){ n ? v : NULL, n };
}

static struct quest_item_rec
item_of(enum quest_kind kind)
{
	struct quest_item_rec it;

	memset(&it, 0, sizeof(it));
	it.kind = kind;
	it.kind_name = S(quest_kind_name(kind));
	if (kind == QK_SKALA) {
		it.scale_min = 1;
		it.scale_max = 5;
	}
	if (kind == QK_VAS)
		it.scale_max = 100;
	if (kind == QK_FRITEXT)
		it.max_length = 10;
	return it;
}

struct parsed {
	int ok;
	size_t n;
	struct quest_answer_row rows[QUEST_ANSWER_ROWS];
	struct quest_shown sh;
};

static struct parsed
parse(
    struct arena *a, const struct quest_item_rec *it, const char *const *pairs)
{
	static const struct quest_option_rec opts[3] = {
		{ 1, { "ja", 2 }, { "Ja", 2 } },
		{ 2, { "nej", 3 }, { "Nej", 3 } },
		{ 3, { "kanske", 6 }, { "Kanske", 6 } },
	};
	struct kv v[16];
	struct kv_list form = F(v, pairs);
	struct parsed p;

	memset(&p, 0, sizeof(p));
	p.ok = quest_answer_parse(a, it, opts, 3, &form, p.rows, &p.n, &p.sh);
	return p;
}

static void
answer_scale_vas(void **state)
{
	struct quest_item_rec skala = item_of(QK_SKALA), vas = item_of(QK_VAS);
	struct arena a;
	struct parsed p;

	(void)state;
	assert_int_equal(arena_init(&a, 1u << 16), 1);
	p = parse(&a, &skala, (const char *[]){ "svar", "3", NULL });
	assert_true(p.ok);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.rows[0].vint, 3);
	assert_null(p.rows[0].vtext.p);
	assert_true(quest_shown_has(&p.sh, 3));
	assert_false(
	    parse(&a, &skala, (const char *[]){ "svar", "0", NULL }).ok);
	assert_false(
	    parse(&a, &skala, (const char *[]){ "svar", "6", NULL }).ok);
	assert_false(
	    parse(&a, &skala, (const char *[]){ "svar", "x", NULL }).ok);
	/* One value for a scale. */
	assert_false(parse(
	    &a, &skala, (const char *[]){ "svar", "2", "svar", "3", NULL })
	                 .ok);
	/* Nothing given: nothing to store. */
	p = parse(&a, &skala, (const char *[]){ "ga", "nasta", NULL });
	assert_true(p.ok);
	assert_int_equal(p.n, 0);

	p = parse(&a, &vas, (const char *[]){ "svar", " 0 ", NULL });
	assert_true(p.ok);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.rows[0].vint, 0);
	p = parse(&a, &vas, (const char *[]){ "svar", "100", NULL });
	assert_true(p.ok);
	assert_int_equal(p.rows[0].vint, 100);
	p = parse(&a, &vas, (const char *[]){ "svar", "101", NULL });
	assert_false(p.ok);
	assert_true(str_eq_cstr(p.sh.text, "101")); /* shown again */
	assert_false(
	    parse(&a, &vas, (const char *[]){ "svar", "-1", NULL }).ok);
	p = parse(&a, &vas, (const char *[]){ "svar", "  ", NULL });
	assert_true(p.ok);
	assert_int_equal(p.n, 0);
	arena_free(&a);
}

static void
answer_choices(void **state)
{
	struct quest_item_rec enval = item_of(QK_ENVAL),
	                      flerval = item_of(QK_FLERVAL);
	struct arena a;
	struct parsed p;

	(void)state;
	assert_int_equal(arena_init(&a, 1u << 16), 1);
	p = parse(&a, &enval, (const char *[]){ "svar", "2", NULL });
	assert_true(p.ok);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.rows[0].vint, 2);
	assert_true(str_eq_cstr(p.rows[0].vtext, "nej")); /* the value */
	assert_false(
	    parse(&a, &enval, (const char *[]){ "svar", "4", NULL }).ok);
	assert_false(
	    parse(&a, &enval, (const char *[]){ "svar", "0", NULL }).ok);
	assert_false(parse(
	    &a, &enval, (const char *[]){ "svar", "1", "svar", "2", NULL })
	                 .ok);

	p = parse(&a, &flerval,
	    (const char *[]){ "svar", "3", "svar", "1", "svar", "3", NULL });
	assert_true(p.ok);
	assert_int_equal(p.n, 2); /* a box sent twice counts once */
	assert_true(str_eq_cstr(p.rows[0].vtext, "kanske"));
	assert_true(str_eq_cstr(p.rows[1].vtext, "ja"));
	assert_true(quest_shown_has(&p.sh, 1));
	assert_true(quest_shown_has(&p.sh, 3));
	assert_false(quest_shown_has(&p.sh, 2));
	arena_free(&a);
}

static void
answer_specials(void **state)
{
	struct quest_item_rec it = item_of(QK_SKALA);
	struct arena a;
	struct parsed p;

	(void)state;
	assert_int_equal(arena_init(&a, 1u << 16), 1);
	/* Only what the item allows. */
	assert_false(
	    parse(&a, &it, (const char *[]){ "svar", "vet_ej", NULL }).ok);
	it.allow_vet_ej = 1;
	p = parse(&a, &it, (const char *[]){ "svar", "vet_ej", NULL });
	assert_true(p.ok);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.rows[0].special, QSPECIAL_VET_EJ);
	assert_int_equal(p.rows[0].vint, -1);
	assert_int_equal(p.sh.special, QSPECIAL_VET_EJ);
	assert_false(
	    parse(&a, &it, (const char *[]){ "special", "ej_aktuellt", NULL })
	        .ok);
	it.allow_ej_aktuellt = 1;
	/* A special answer stands alone, whatever else was ticked. */
	p = parse(&a, &it,
	    (const char *[]){ "svar", "2", "special", "ej_aktuellt", NULL });
	assert_true(p.ok);
	assert_int_equal(p.n, 1);
	assert_int_equal(p.rows[0].special, QSPECIAL_EJ_AKTUELLT);
	/* "special" with another value is not an answer. */
	assert_false(
	    parse(&a, &it, (const char *[]){ "special", "3", NULL }).ok);
	arena_free(&a);
}

static void
answer_text(void **state)
{
	struct quest_item_rec it = item_of(QK_FRITEXT); /* 10 characters */
	struct arena a;
	struct parsed p;
	struct str over = S("elva tecken");

	(void)state;
	assert_int_equal(arena_init(&a, 1u << 16), 1);
	p = parse(&a, &it, (const char *[]){ "svar", "  hej\r\ndå ", NULL });
	assert_true(p.ok);
	assert_int_equal(p.n, 1);
	assert_true(str_eq_cstr(p.rows[0].vtext, "hej\ndå")); /* LF, trimmed */
	assert_int_equal(p.rows[0].vint, -1);
	/* Characters, not bytes: ten letters of two bytes fit. */
	p = parse(&a, &it, (const char *[]){ "svar", "åäöåäöåäöå", NULL });
	assert_true(p.ok);
	assert_int_equal(p.n, 1);
	p = parse(&a, &it, (const char *[]){ "svar", "elva tecken", NULL });
	assert_false(p.ok);
	assert_true(str_eq_cstr(p.sh.text, "elva tecken")); /* kept */
	assert_true(quest_text_too_long(&it, &over));
	assert_false(quest_text_too_long(&it, NULL));
	over = S(" tio tecken ");
	assert_false(quest_text_too_long(&it, &over));
	it.kind = QK_VAS;
	over = S("elva tecken");
	assert_false(quest_text_too_long(&it, &over));
	/* Emptied: nothing to store (the step decides what goes). */
	p = parse(&a,
	    &(struct quest_item_rec){ .kind = QK_FRITEXT, .max_length = 10 },
	    (const char *[]){ "svar", "   ", NULL });
	assert_true(p.ok);
	assert_int_equal(p.n, 0);
	arena_free(&a);
}

static void
screen_steps(void **state)
{
	static const struct {
		enum quest_kind kind;
		enum quest_go go;
		int shown, parsed, too_long;
		size_t nrows;
		enum quest_step want;
	} cases[] = {
		/* Given: stored, on next and on back. */
		{ QK_SKALA, QGO_NEXT, 1, 1, 0, 1, QSTEP_REPLACE },
		{ QK_SKALA, QGO_BACK, 1, 1, 0, 1, QSTEP_REPLACE },
		/* Skipped: removed, whatever was typed. */
		{ QK_SKALA, QGO_SKIP, 1, 1, 0, 0, QSTEP_SKIP },
		{ QK_FRITEXT, QGO_SKIP, 1, 1, 0, 0, QSTEP_SKIP },
		/* Nothing given on a shown screen: a text, number or boxes
		 * clear this sitting's answer; radios keep it. */
		{ QK_FRITEXT, QGO_NEXT, 1, 1, 0, 0, QSTEP_CLEAR },
		{ QK_VAS, QGO_NEXT, 1, 1, 0, 0, QSTEP_CLEAR },
		{ QK_FLERVAL, QGO_NEXT, 1, 1, 0, 0, QSTEP_CLEAR },
		{ QK_SKALA, QGO_NEXT, 1, 1, 0, 0, QSTEP_KEEP },
		{ QK_ENVAL, QGO_NEXT, 1, 1, 0, 0, QSTEP_KEEP },
		/* ... unless going back, or the screen was not shown. */
		{ QK_FRITEXT, QGO_BACK, 1, 1, 0, 0, QSTEP_KEEP },
		{ QK_FRITEXT, QGO_NEXT, 0, 1, 0, 0, QSTEP_KEEP },
		/* Input that does not fit: an error, but back keeps. */
		{ QK_SKALA, QGO_NEXT, 1, 0, 0, 0, QSTEP_ERROR },
		{ QK_SKALA, QGO_BACK, 1, 0, 0, 0, QSTEP_KEEP },
		{ QK_SKALA, QGO_SKIP, 1, 0, 0, 0, QSTEP_SKIP },
		/* A text over its limit is never dropped unsaid, not even on
		 * back. */
		{ QK_FRITEXT, QGO_NEXT, 1, 0, 1, 0, QSTEP_TOO_LONG },
		{ QK_FRITEXT, QGO_BACK, 1, 0, 1, 0, QSTEP_TOO_LONG },
		{ QK_FRITEXT, QGO_SKIP, 1, 0, 1, 0, QSTEP_SKIP },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(quest_step_decide(cases[i].kind, cases[i].go,
		                     cases[i].shown, cases[i].parsed,
		                     cases[i].too_long, cases[i].nrows),
		    cases[i].want);

	assert_int_equal(quest_go_from_form(NULL), QGO_NEXT);
	assert_int_equal(
	    quest_go_from_form(&(struct str){ "hoppa", 5 }), QGO_SKIP);
	assert_int_equal(
	    quest_go_from_form(&(struct str){ "tillbaka", 8 }), QGO_BACK);
	assert_int_equal(
	    quest_go_from_form(&(struct str){ "nasta", 5 }), QGO_NEXT);
}

/* The key of a screen: a resent or older form writes nothing. */
static void
screen_keys(void **state)
{
	static const struct {
		const char *s; /* NULL: not sent */
		int ok;
		long long key;
	} forms[] = {
		{ NULL, 1, QUEST_KEY_NONE },
		{ "0", 1, 0 },
		{ "7", 1, 7 },
		{ "999999999", 1, 999999999 },
		{ "1000000000", 0, QUEST_KEY_NONE }, /* longer than any count */
		{ "", 0, QUEST_KEY_NONE },
		{ "-1", 0, QUEST_KEY_NONE },
		{ " 1", 0, QUEST_KEY_NONE },
		{ "1a", 0, QUEST_KEY_NONE },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		struct str v = forms[i].s ? str_cstr(forms[i].s) : STR_NULL;
		long long key = 42;

		assert_int_equal(
		    quest_key_from_form(forms[i].s ? &v : NULL, &key),
		    forms[i].ok);
		if (forms[i].ok)
			assert_int_equal(key, forms[i].key);
	}
	/* The screen as it is now may write; one shown before the item's
	 * last save (that very form again, or an older one) may not. */
	assert_true(quest_key_current(0, 0));
	assert_true(quest_key_current(3, 3));
	assert_false(quest_key_current(2, 3));
	assert_false(quest_key_current(0, 1));
	assert_false(quest_key_current(4, 3));
	/* No key sent (a client of before): not checked. */
	assert_true(quest_key_current(QUEST_KEY_NONE, 5));
	/* Behind: a key we gave; ahead: one we never gave. */
	assert_int_equal(quest_key_judge(3, 3), QKEY_CURRENT);
	assert_int_equal(quest_key_judge(QUEST_KEY_NONE, 3), QKEY_CURRENT);
	assert_int_equal(quest_key_judge(0, 3), QKEY_STALE);
	assert_int_equal(quest_key_judge(2, 3), QKEY_STALE);
	assert_int_equal(quest_key_judge(4, 3), QKEY_UNKNOWN);
	assert_int_equal(quest_key_judge(1, 0), QKEY_UNKNOWN);
}

/* A stale form goes on only when it gives what is stored. */
static void
stale_rows(void **state)
{
	const struct quest_answer two[] = {
		{ 2, 1, { "", 0 }, { "", 0 } },
		{ 4, 1, { "", 0 }, { "", 0 } },
	};
	const struct quest_answer text[] = {
		{ 0, 0, { "hej", 3 }, { "", 0 } },
	};
	const struct quest_answer vet[] = {
		{ 0, 0, { "", 0 }, { "vet_ej", 6 } },
	};
	struct quest_answer_row r24[] = {
		{ 4, STR_NULL, QSPECIAL_NONE },
		{ 2, STR_NULL, QSPECIAL_NONE },
	};
	struct quest_answer_row r25[] = {
		{ 2, STR_NULL, QSPECIAL_NONE },
		{ 5, STR_NULL, QSPECIAL_NONE },
	};
	struct quest_answer_row rt[] = { { -1, STR_LIT("hej"),
	    QSPECIAL_NONE } };
	struct quest_answer_row rt2[] = { { -1, STR_LIT("hej!"),
	    QSPECIAL_NONE } };
	struct quest_answer_row rv[] = { { -1, STR_NULL, QSPECIAL_VET_EJ } };

	(void)state;
	assert_true(quest_rows_same(r24, 2, two, 2)); /* any order */
	assert_false(quest_rows_same(r25, 2, two, 2));
	assert_false(quest_rows_same(r24, 1, two, 2));
	assert_false(quest_rows_same(r24, 2, two, 1));
	assert_true(quest_rows_same(NULL, 0, NULL, 0)); /* both empty */
	assert_false(quest_rows_same(NULL, 0, two, 1)); /* a skip over 2 */
	assert_true(quest_rows_same(rt, 1, text, 1));
	assert_false(quest_rows_same(rt2, 1, text, 1));
	assert_false(quest_rows_same(r24, 1, text, 1));
	assert_true(quest_rows_same(rv, 1, vet, 1));
	assert_false(quest_rows_same(rv, 1, text, 1));
}

static void
shown_answers(void **state)
{
	const struct quest_answer vas[] = {
		{ 57, 1, { "", 0 }, { "", 0 } },
	};
	const struct quest_answer special[] = {
		{ 0, 0, { "", 0 }, { "vet_ej", 6 } },
	};
	const struct quest_answer boxes[] = {
		{ 1, 1, { "ja", 2 }, { "", 0 } },
		{ 3, 1, { "kanske", 6 }, { "", 0 } },
	};
	const struct quest_answer text[] = {
		{ 0, 0, { "hej", 3 }, { "", 0 } },
	};
	struct quest_shown sh;
	struct arena a;

	(void)state;
	assert_int_equal(arena_init(&a, 1u << 16), 1);
	memset(&sh, 0, sizeof(sh));
	quest_shown_from_answers(&a, QK_VAS, vas, 1, &sh);
	assert_true(str_eq_cstr(sh.text, "57"));
	assert_true(quest_shown_has(&sh, 57));
	memset(&sh, 0, sizeof(sh));
	quest_shown_from_answers(&a, QK_VAS, special, 1, &sh);
	assert_int_equal(sh.special, QSPECIAL_VET_EJ);
	assert_int_equal(sh.text.len, 0);
	assert_int_equal(sh.nints, 0);
	memset(&sh, 0, sizeof(sh));
	quest_shown_from_answers(&a, QK_FLERVAL, boxes, 2, &sh);
	assert_int_equal(sh.nints, 2);
	assert_true(quest_shown_has(&sh, 3));
	memset(&sh, 0, sizeof(sh));
	quest_shown_from_answers(&a, QK_FRITEXT, text, 1, &sh);
	assert_true(str_eq_cstr(sh.text, "hej"));
	arena_free(&a);
}

/* ---- The kiosk's words ------------------------------------------------ */

static void
kiosk_words_table(void **state)
{
	static const char *const langs[] = { "sv", "en", "ar", "so", "fa-AF",
		"ti" };
	struct kiosk_lang l;

	(void)state;
	for (size_t i = 0; i < sizeof(langs) / sizeof(langs[0]); i++) {
		l = kiosk_lang_resolve(S(langs[i]));
		assert_string_equal(l.lang, langs[i]);
		assert_true(l.own);
		assert_int_equal(l.rtl,
		    !strcmp(langs[i], "ar") || !strcmp(langs[i], "fa-AF"));
		for (int w = 0; w < KW__MAX; w++) {
			const char *t =
			    kiosk_word((enum kiosk_word)w, S(langs[i]));
			assert_non_null(t);
			assert_true(t[0] != '\0');
		}
	}
	/* Without the region; never a prefix of another tag. */
	l = kiosk_lang_resolve(S("so-SO"));
	assert_string_equal(l.lang, "so");
	assert_true(l.own);
	l = kiosk_lang_resolve(S("fa"));
	assert_string_equal(l.lang, "sv");
	assert_false(l.own);
	l = kiosk_lang_resolve(S("svx"));
	assert_string_equal(l.lang, "sv");
	assert_false(l.own);
	l = kiosk_lang_resolve(S(""));
	assert_string_equal(l.lang, "sv");
	assert_false(l.own);
	assert_false(l.rtl);
	assert_string_equal(kiosk_word(KW_NEXT, S("de")), "Nästa");
	assert_string_equal(kiosk_word(KW_SEND, S("ar")), "إرسال");
	assert_string_equal(
	    kiosk_word(KW_PROGRESS, S("en-GB")), "Question {n} of {m}");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(groups),
		cmocka_unit_test(measurement_states),
		cmocka_unit_test(open_check),
		cmocka_unit_test(measurements_of),
		cmocka_unit_test(code_check),
		cmocka_unit_test(code_live),
		cmocka_unit_test(code_attempts),
		cmocka_unit_test(code_digits),
		cmocka_unit_test(link_tokens),
		cmocka_unit_test(answer_scale_vas),
		cmocka_unit_test(answer_choices),
		cmocka_unit_test(answer_specials),
		cmocka_unit_test(answer_text),
		cmocka_unit_test(screen_steps),
		cmocka_unit_test(screen_keys),
		cmocka_unit_test(stale_rows),
		cmocka_unit_test(shown_answers),
		cmocka_unit_test(kiosk_words_table),
		cmocka_unit_test(panel_name_order),
		cmocka_unit_test(panel_row_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
