/* test_organisation.c: organisations' kinds and parents, insatser's
 * address names and enums (app/organisation.c), without a database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "organisation.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static void
kinds(void **state)
{
	enum org_kind k;

	(void)state;
	for (int i = 0; i < ORG_KIND__MAX; i++) {
		assert_true(org_kind_from_name(S(org_kind_names[i]), &k));
		assert_int_equal(k, i);
		assert_true(org_kind_label(k)[0] != '\0');
	}
	assert_null(org_kind_names[ORG_KIND__MAX]);
	assert_false(org_kind_from_name(S("FK"), &k));
	assert_false(org_kind_from_name(S(""), &k));
	assert_true(org_kind_is_member(ORG_FK));
	assert_true(org_kind_is_member(ORG_REGION));
	assert_false(org_kind_is_member(ORG_UNIT));
	assert_false(org_kind_is_member(ORG_OTHER));
	assert_string_equal(org_kind_label(ORG_KOMMUN), "Kommun (medlem)");
}

/* A förbund: FK (1) with a unit (2), a kommun (3), an inactive region
 * (4), and an office of kind other (5) without units. */
static const struct org_row orgs[] = {
	{ .id = 1, .kind = { "fk", 2 }, .active = 1 },
	{ .id = 2, .kind = { "unit", 4 }, .parent_id = 1, .active = 1 },
	{ .id = 3, .kind = { "kommun", 6 }, .active = 1 },
	{ .id = 4, .kind = { "region", 6 }, .active = 0 },
	{ .id = 5, .kind = { "other", 5 }, .active = 1 },
};
#define NORGS (sizeof(orgs) / sizeof(orgs[0]))

static void
selectable(void **state)
{
	(void)state;
	assert_true(org_selectable(orgs, NORGS, 1, 0, 0));
	assert_true(org_selectable(orgs, NORGS, 2, 0, 0));
	assert_false(org_selectable(orgs, NORGS, 2, 0, 1)); /* a unit */
	/* Inactive: only while it is the one chosen now. */
	assert_false(org_selectable(orgs, NORGS, 4, 0, 0));
	assert_true(org_selectable(orgs, NORGS, 4, 4, 0));
	assert_true(org_selectable(orgs, NORGS, 4, 4, 1));
	assert_false(org_selectable(orgs, NORGS, 99, 99, 0)); /* unknown */
	assert_false(org_selectable(orgs, NORGS, 0, 0, 0));
}

static void
parents(void **state)
{
	(void)state;
	/* A unit needs a parent; a member may not have one. */
	assert_non_null(strstr(
	    org_parent_problem(orgs, NORGS, 0, ORG_UNIT, 0, 0), "En enhet"));
	for (int k = ORG_FK; k <= ORG_REGION; k++)
		assert_non_null(strstr(
		    org_parent_problem(orgs, NORGS, 0, k, 1, 0), "En medlem"));
	assert_null(org_parent_problem(orgs, NORGS, 0, ORG_FK, 0, 0));
	assert_null(org_parent_problem(orgs, NORGS, 0, ORG_UNIT, 1, 0));
	assert_null(org_parent_problem(orgs, NORGS, 0, ORG_OTHER, 0, 0));
	assert_null(org_parent_problem(orgs, NORGS, 0, ORG_OTHER, 3, 0));
	/* The parent is active and on the top level, and not itself. */
	assert_non_null(org_parent_problem(orgs, NORGS, 0, ORG_UNIT, 2, 0));
	assert_non_null(org_parent_problem(orgs, NORGS, 0, ORG_UNIT, 4, 0));
	assert_null(org_parent_problem(orgs, NORGS, 6, ORG_UNIT, 4, 4));
	assert_non_null(org_parent_problem(orgs, NORGS, 0, ORG_UNIT, 99, 0));
	assert_non_null(org_parent_problem(orgs, NORGS, 5, ORG_OTHER, 5, 0));
	/* Two levels: one with units stays on top. */
	assert_non_null(
	    strstr(org_parent_problem(orgs, NORGS, 1, ORG_OTHER, 3, 0),
	        "egna enheter"));
	assert_null(org_parent_problem(orgs, NORGS, 5, ORG_OTHER, 3, 0));
	/* Kind not chosen (an error of its own): only the parent counts. */
	assert_null(org_parent_problem(orgs, NORGS, 0, -1, 0, 0));
	assert_null(org_parent_problem(orgs, NORGS, 0, -1, 3, 0));
	assert_non_null(org_parent_problem(orgs, NORGS, 0, -1, 2, 0));
}

static void
slugs(void **state)
{
	static const struct {
		const char *slug;
		int ok;
	} cases[] = {
		{ "trampolinen-lilla-edet", 1 },
		{ "fv2", 1 },
		{ "a", 1 },
		{ "", 0 },
		{ "-a", 0 },
		{ "a-", 0 },
		{ "a--b", 0 },
		{ "A", 0 },
		{ "a_b", 0 },
		{ "a b", 0 },
		{ "h\xc3\xa4lsa", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(insats_slug_ok(S(cases[i].slug)), cases[i].ok);
}

static void
insats_enums(void **state)
{
	enum insats_direction d;
	enum insats_measurement m;

	(void)state;
	assert_true(insats_measurement_from_name(S("antal"), &m));
	assert_int_equal(m, INSATS_ANTAL);
	assert_false(insats_measurement_from_name(S(""), &m));
	assert_true(insats_direction_from_name(S("struktur"), &d));
	assert_int_equal(d, INSATS_STRUKTUR);
	assert_false(insats_direction_from_name(S("Struktur"), &d));
	assert_null(insats_direction_names[INSATS_DIRECTION__MAX]);
	assert_null(insats_measurement_names[INSATS_MEASUREMENT__MAX]);
	assert_null(goal_kind_names[GOAL_KIND__MAX]);
	assert_string_equal(
	    insats_measurement_label(INSATS_ANTAL), "Bara antal");
	for (int k = 0; k < GOAL_KIND__MAX; k++)
		assert_true(goal_kind_label((enum goal_kind)k)[0] != '\0');
	assert_string_equal(goal_kind_label(GOAL_KIND__MAX), "");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kinds),
		cmocka_unit_test(selectable),
		cmocka_unit_test(parents),
		cmocka_unit_test(slugs),
		cmocka_unit_test(insats_enums),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
