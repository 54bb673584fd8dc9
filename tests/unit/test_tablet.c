/* test_tablet.c: what a consent tablet session may reach (tablet.c),
 * checked against every route of the route table. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "route.h"
#include "tablet.h"

#define CONSENT 4711LL

/* The consent's own pages: the only routes a tablet session is served. */
static const struct {
	enum http_method method;
	const char *pattern;
} own[] = {
	{ METHOD_GET, "/samtycken/:id/surfplatta" },
	{ METHOD_POST, "/samtycken/:id/surfplatta" },
	{ METHOD_GET, "/samtycken/:id/kopia" },
	{ METHOD_GET, "/samtycken/:id/aterkalla" },
	{ METHOD_POST, "/samtycken/:id/aterkalla" },
};

static int
is_own(const struct route *rt)
{
	for (size_t i = 0; i < sizeof(own) / sizeof(own[0]); i++)
		if (own[i].method == rt->method &&
		    strcmp(own[i].pattern, rt->pattern) == 0)
			return 1;
	return 0;
}

/* The scope of rt with every :param set to value. */
static enum tablet_scope
scope_with(const struct route *rt, const char *value, long long consent)
{
	struct str params[MAX_ROUTE_PARAMS];
	size_t n = 0;

	for (const char *p = rt->pattern; *p; p++)
		if (*p == ':' && n < MAX_ROUTE_PARAMS)
			params[n++] = str_cstr(value);
	return tablet_scope(rt->method, rt->pattern, params, n, consent);
}

/* Each of the tablet's routes is in the route table, as it is written
 * there: a renamed route fails here instead of changing the scope. */
static void
tablet_routes_exist(void **state)
{
	size_t n, found = 0, lock = 0, login = 0;
	const struct route *rt = route_table(&n);

	(void)state;
	for (size_t i = 0; i < n; i++) {
		found += is_own(&rt[i]);
		lock += rt[i].method == METHOD_GET &&
		    strcmp(rt[i].pattern, TABLET_LOCK_PATH) == 0;
		login += rt[i].method == METHOD_POST &&
		    strcmp(rt[i].pattern, "/logga-in") == 0;
	}
	assert_int_equal(found, sizeof(own) / sizeof(own[0]));
	assert_int_equal(lock, 1);
	assert_int_equal(login, 1);
}

/* Every route of the table, with the session's consent id, another id and
 * no live session: only the consent's own pages for its own id are
 * served; the lock screen and the staff login are what they are;
 * everything else locks. */
static void
every_route_locks_but_the_consents_own(void **state)
{
	size_t n;
	const struct route *rt = route_table(&n);

	(void)state;
	assert_true(n > 50);
	for (size_t i = 0; i < n; i++) {
		enum tablet_scope same = scope_with(&rt[i], "4711", CONSENT);
		enum tablet_scope other = scope_with(&rt[i], "4712", CONSENT);
		enum tablet_scope ended = scope_with(&rt[i], "4711", 0);
		int lock_screen = rt[i].method == METHOD_GET &&
		    strcmp(rt[i].pattern, TABLET_LOCK_PATH) == 0;
		int login = rt[i].method == METHOD_POST &&
		    strcmp(rt[i].pattern, "/logga-in") == 0;

		if (is_own(&rt[i])) {
			assert_int_equal(same, TABLET_SCOPE_CONSENT);
			assert_int_equal(other, TABLET_SCOPE_LOCK);
			assert_int_equal(ended, TABLET_SCOPE_LOCK);
		} else if (lock_screen) {
			assert_int_equal(same, TABLET_SCOPE_LOCK_SCREEN);
			assert_int_equal(ended, TABLET_SCOPE_LOCK_SCREEN);
		} else if (login) {
			assert_int_equal(same, TABLET_SCOPE_LOGIN);
			assert_int_equal(ended, TABLET_SCOPE_LOGIN);
		} else {
			if (same != TABLET_SCOPE_LOCK)
				fail_msg("%s reachable from a tablet",
				    rt[i].pattern);
			assert_int_equal(other, TABLET_SCOPE_LOCK);
			assert_int_equal(ended, TABLET_SCOPE_LOCK);
		}
	}
}

/* The id must be the consent's, exactly as the handler will read it. */
static void
consent_id_is_exact(void **state)
{
	struct str p[1];

	(void)state;
	p[0] = STR_LIT("4711");
	assert_int_equal(
	    tablet_scope(METHOD_GET, "/samtycken/:id/kopia", p, 1, CONSENT),
	    TABLET_SCOPE_CONSENT);
	/* HEAD is a GET */
	assert_int_equal(
	    tablet_scope(METHOD_HEAD, "/samtycken/:id/kopia", p, 1, CONSENT),
	    TABLET_SCOPE_CONSENT);
	/* a POST to a GET-only page of the consent */
	assert_int_equal(
	    tablet_scope(METHOD_POST, "/samtycken/:id/kopia", p, 1, CONSENT),
	    TABLET_SCOPE_LOCK);
	const char *bad[] = { "47110", "471", "4711x", "x4711", "-4711", "",
		"4711 ", "1234567890123456789" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		p[0] = str_cstr(bad[i]);
		assert_int_equal(
		    tablet_scope(
		        METHOD_GET, "/samtycken/:id/surfplatta", p, 1, CONSENT),
		    TABLET_SCOPE_LOCK);
	}
	/* The staff's pages of the same consent stay out of reach. */
	p[0] = STR_LIT("4711");
	assert_int_equal(
	    tablet_scope(METHOD_GET, "/samtycken/:id", p, 1, CONSENT),
	    TABLET_SCOPE_LOCK);
	assert_int_equal(tablet_scope(METHOD_POST, "/samtycken/:id/overlamna",
	                     p, 1, CONSENT),
	    TABLET_SCOPE_LOCK);
	assert_int_equal(
	    tablet_scope(METHOD_POST, "/samtycken/:id/felaktig", p, 1, CONSENT),
	    TABLET_SCOPE_LOCK);
	/* No param at all */
	assert_int_equal(tablet_scope(METHOD_GET, "/samtycken/:id/surfplatta",
	                     NULL, 0, CONSENT),
	    TABLET_SCOPE_LOCK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tablet_routes_exist),
		cmocka_unit_test(every_route_locks_but_the_consents_own),
		cmocka_unit_test(consent_id_is_exact),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
