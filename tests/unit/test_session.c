/* test_session.c: role lists, cookie attributes, redirect targets. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "conf.h"
#include "pages.h"
#include "req.h"
#include "session.h"

static void
role_lists_parse(void **state)
{
	(void)state;
	assert_int_equal(role_parse_list(STR_LIT("")), 0);
	assert_int_equal(
	    role_parse_list(STR_LIT("admin")), ROLE_BIT(ROLE_ADMIN));
	assert_int_equal(role_parse_list(STR_LIT("remittent,forbund")),
	    ROLE_BIT(ROLE_REMITTENT) | ROLE_BIT(ROLE_FORBUND));
	/* Unknown names and near misses grant nothing. */
	assert_int_equal(role_parse_list(STR_LIT("admins,Admin,adm,")), 0);
	assert_int_equal(role_parse_list(STR_LIT("insatspersonal,integration")),
	    ROLE_BIT(ROLE_INSATSPERSONAL) | ROLE_BIT(ROLE_INTEGRATION));
	for (int r = 0; r < ROLE__MAX; r++)
		assert_int_equal(
		    role_parse_list(str_cstr(role_name((enum role)r))),
		    ROLE_BIT(r));
}

/* The Set-Cookie header session_set_cookie() writes under conf c. */
static void
cookie_for(struct conf *c, long max_age, char *out, size_t n)
{
	struct arena a;
	struct req r;

	assert_true(arena_init(&a, 1 << 16));
	memset(&r, 0, sizeof(r));
	r.a = &a;
	r.conf = c;
	resp_init(&r.resp, &a);
	assert_int_equal(
	    session_set_cookie(&r, SESSION_COOKIE, STR_LIT("abc"), max_age),
	    APP_OK);
	snprintf(out, n, "%s", r.resp.headers.p);
	arena_free(&a);
}

static void
cookies_are_strict_and_secure(void **state)
{
	struct conf c;
	char h[512];

	(void)state;
	conf_defaults(&c);
	cookie_for(&c, -1, h, sizeof(h));
	assert_string_equal(h,
	    "Set-Cookie: stegvis_session=abc; Path=/; "
	    "HttpOnly; SameSite=Strict; Secure\r\n");
	/* Relaxed only for plain http on loopback. */
	c.secure_cookies = 0;
	cookie_for(&c, 0, h, sizeof(h));
	assert_string_equal(h,
	    "Set-Cookie: stegvis_session=abc; Path=/; "
	    "HttpOnly; SameSite=Strict; Max-Age=0\r\n");
	c.base_url = "https://stegvis.example.se";
	cookie_for(&c, -1, h, sizeof(h));
	assert_non_null(strstr(h, "; Secure"));
	c.base_url = "http://127.0.0.1.evil.example";
	cookie_for(&c, -1, h, sizeof(h));
	assert_non_null(strstr(h, "; Secure")); /* not loopback at all */
	c.base_url = "http://localhost:8080";
	cookie_for(&c, -1, h, sizeof(h));
	assert_null(strstr(h, "; Secure"));
	c.base_url = "http://intranet.kommun.se";
	cookie_for(&c, -1, h, sizeof(h));
	assert_non_null(strstr(h, "; Secure"));
}

static void
redirect_targets_stay_local(void **state)
{
	(void)state;
	assert_true(page_local_path_ok(STR_LIT("/start")));
	assert_true(page_local_path_ok(STR_LIT("/admin/konton/3")));
	assert_false(page_local_path_ok(STR_LIT("")));
	assert_false(page_local_path_ok(STR_LIT("start")));
	assert_false(page_local_path_ok(STR_LIT("//evil.example/")));
	assert_false(page_local_path_ok(STR_LIT("/\\evil.example")));
	assert_false(page_local_path_ok(STR_LIT("https://evil.example")));
	assert_false(page_local_path_ok(STR_LIT("/a\r\nSet-Cookie: x")));
	assert_false(page_local_path_ok(STR_LIT("/a b")));
	assert_false(page_local_path_ok(STR_LIT("/a//b")));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(role_lists_parse),
		cmocka_unit_test(cookies_are_strict_and_secure),
		cmocka_unit_test(redirect_targets_stay_local),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
