/* test_staff.c: the rules of accounts and roles (app/staff.c) that the
 * admin pages follow, without a database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "req.h"
#include "staff.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

#define R(x) ROLE_BIT(ROLE_##x)

static void
role_names_and_labels(void **state)
{
	(void)state;
	/* The FT_ENUM choices are the names in enum order, so that bit i of
	 * the form's mask is ROLE_BIT(i). */
	for (int i = 0; i < ROLE__MAX; i++) {
		assert_string_equal(role_names[i], role_name((enum role)i));
		assert_int_equal(
		    role_parse_list(S(role_names[i])), ROLE_BIT(i));
		assert_true(role_label((enum role)i)[0] != '\0');
		assert_true(role_hint((enum role)i)[0] != '\0');
	}
	assert_null(role_names[ROLE__MAX]);
	assert_string_equal(role_name(ROLE__MAX), "");
	assert_string_equal(role_label(ROLE_FORBUND), "Förbundet");
	assert_int_equal(
	    role_parse_list(S("admin,remittent")), R(ADMIN) | R(REMITTENT));
	assert_int_equal(role_parse_list(S("Admin,admins,")), 0);
}

static void
role_lists(void **state)
{
	struct arena a;
	struct req r;

	(void)state;
	assert_true(arena_init(&a, 1 << 16));
	memset(&r, 0, sizeof(r));
	r.a = &a;
	assert_string_equal(
	    role_list_names(&r, R(ADMIN) | R(REMITTENT)), "remittent,admin");
	assert_string_equal(role_list_names(&r, 0), "");
	assert_string_equal(
	    role_list_labels(&r, R(INSATSPERSONAL) | R(FORBUND)),
	    "Insatspersonal, Förbundet");
	/* What the names give back is the set again. */
	for (unsigned set = 0; set < (1u << ROLE__MAX); set++)
		assert_int_equal(
		    role_parse_list(S(role_list_names(&r, set))), set);
	arena_free(&a);
}

static void
account_filter(void **state)
{
	const struct str aktiva = S("aktiva"), inaktiva = S("inaktiva"),
	                 other = S("alla"), empty = S("");

	(void)state;
	assert_int_equal(staff_filter_from_name(NULL), STAFF_FILTER_ALL);
	assert_int_equal(staff_filter_from_name(&aktiva), STAFF_FILTER_ACTIVE);
	assert_int_equal(
	    staff_filter_from_name(&inaktiva), STAFF_FILTER_INACTIVE);
	assert_int_equal(staff_filter_from_name(&other), STAFF_FILTER_ALL);
	assert_int_equal(staff_filter_from_name(&empty), STAFF_FILTER_ALL);
}

static void
usernames(void **state)
{
	static const struct {
		const char *name;
		int ok;
	} cases[] = {
		{ "anna.berg", 1 }, { "a1", 1 }, { "9-x_y.z", 1 },
		{ "a", 0 },     /* too short */
		{ ".anna", 0 }, /* must start with a letter or digit */
		{ "-anna", 0 }, { "Anna", 0 }, /* stored lower-case */
		{ "anna berg", 0 }, { "anna@berg", 0 },
		{ "\xc3\xa5sa", 0 }, /* non-ASCII */
	};
	char long_name[66];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(
		    staff_username_ok(S(cases[i].name)), cases[i].ok);
	memset(long_name, 'a', sizeof(long_name));
	assert_true(staff_username_ok((struct str){ long_name, 64 }));
	assert_false(staff_username_ok((struct str){ long_name, 65 }));
}

static void
emails(void **state)
{
	static const struct {
		const char *email;
		int ok;
	} cases[] = {
		{ "namn@exempel.se", 1 },
		{ "a.b@c.d.se", 1 },
		{ "namn@exempel", 0 }, /* no dot after the @ */
		{ "@exempel.se", 0 },  /* nothing before it */
		{ "namn@@exempel.se", 0 },
		{ "namn@.se", 0 },      /* dot right after the @ */
		{ "namn@exempel.", 0 }, /* nothing after the dot */
		{ "na mn@exempel.se", 0 },
		{ "<namn@exempel.se>", 0 },
		{ "a,b@exempel.se", 0 },
		{ "namn", 0 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_int_equal(
		    staff_email_ok(S(cases[i].email)), cases[i].ok);
}

/* Role sets an admin may save, by who edits (self or another account). */
static void
role_rules(void **state)
{
	(void)state;
	assert_true(staff_is_integration(R(INTEGRATION)));
	assert_false(staff_is_integration(R(INTEGRATION) | R(ADMIN)));
	assert_false(staff_is_integration(R(REMITTENT)));

	/* None at all. */
	assert_string_equal(staff_roles_problem(0, 0), "Välj minst en roll.");
	assert_string_equal(staff_roles_problem(0, 1), "Välj minst en roll.");
	/* Integration is a token account: alone or not at all. */
	for (int i = 0; i < ROLE_INTEGRATION; i++)
		assert_non_null(
		    strstr(staff_roles_problem(R(INTEGRATION) | ROLE_BIT(i), 0),
		        "Integration kan inte kombineras"));
	assert_null(staff_roles_problem(R(INTEGRATION), 0));
	/* An admin never takes the admin role from themselves ... */
	assert_non_null(staff_roles_problem(R(REMITTENT), 1));
	assert_non_null(staff_roles_problem(R(INTEGRATION), 1));
	assert_null(staff_roles_problem(R(ADMIN) | R(REMITTENT), 1));
	/* ... but may from anyone else. */
	assert_null(staff_roles_problem(R(REMITTENT), 0));
	/* Every combination of the four staff roles is fine for another. */
	for (unsigned set = 1; set <= ROLES_STAFF; set++)
		if ((set & ~ROLES_STAFF) == 0)
			assert_null(staff_roles_problem(set, 0));
}

static void
active_and_insatser(void **state)
{
	(void)state;
	assert_non_null(staff_active_problem(0, 1));
	assert_null(staff_active_problem(1, 1));
	assert_null(staff_active_problem(0, 0));
	assert_null(staff_active_problem(1, 0));

	assert_null(staff_insatser_problem(R(REMITTENT), 0));
	assert_null(staff_insatser_problem(R(INSATSPERSONAL), 3));
	assert_null(staff_insatser_problem(R(INSATSPERSONAL) | R(ADMIN), 1));
	assert_non_null(staff_insatser_problem(R(REMITTENT), 1));
	assert_non_null(staff_insatser_problem(R(ADMIN) | R(FORBUND), 2));
}

/* Who may get a temporary password or a token from an admin. */
static void
password_and_token(void **state)
{
	(void)state;
	/* Not one's own password: that is the password page's. */
	assert_non_null(
	    strstr(staff_password_reset_refusal(R(ADMIN), 1), "Byt ditt eget"));
	/* Not an integration account's: it has a token instead. */
	assert_non_null(strstr(staff_password_reset_refusal(R(INTEGRATION), 0),
	    "integrationskonto"));
	assert_null(staff_password_reset_refusal(R(REMITTENT), 0));
	assert_null(staff_password_reset_refusal(R(ADMIN) | R(FORBUND), 0));

	assert_null(staff_token_refusal(R(INTEGRATION)));
	assert_non_null(staff_token_refusal(R(ADMIN)));
	assert_non_null(staff_token_refusal(0));
	assert_non_null(staff_token_refusal(ROLES_STAFF));
}

/* Account recovery: a lock or counted failures to lift; two-step on or
 * pending to reset, never the admin's own. */
static void
recovery(void **state)
{
	(void)state;
	assert_null(staff_unlock_refusal(1, 5));
	assert_null(staff_unlock_refusal(0, 3));
	assert_null(staff_unlock_refusal(1, 0));
	assert_non_null(staff_unlock_refusal(0, 0));
	assert_null(staff_totp_reset_refusal(1, 0, 0));
	assert_null(staff_totp_reset_refusal(0, 1, 0));
	assert_non_null(staff_totp_reset_refusal(0, 0, 0));
	assert_non_null(staff_totp_reset_refusal(1, 0, 1));
	assert_string_not_equal(staff_totp_reset_refusal(1, 0, 1),
	    staff_totp_reset_refusal(0, 0, 0));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(role_names_and_labels),
		cmocka_unit_test(role_lists),
		cmocka_unit_test(account_filter),
		cmocka_unit_test(usernames),
		cmocka_unit_test(emails),
		cmocka_unit_test(role_rules),
		cmocka_unit_test(active_and_insatser),
		cmocka_unit_test(password_and_token),
		cmocka_unit_test(recovery),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
