/* test_route.c: route patterns and the order of the generic checks. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "arena.h"
#include "route.h"

static void
patterns_match_segments(void **state)
{
	struct str params[MAX_ROUTE_PARAMS];
	size_t n = 0;

	(void)state;
	assert_true(route_match("/", STR_LIT("/"), params, &n));
	assert_int_equal(n, 0);
	assert_false(route_match("/", STR_LIT("/x"), params, &n));
	assert_true(
	    route_match("/insats/:id", STR_LIT("/insats/12"), params, &n));
	assert_int_equal(n, 1);
	assert_int_equal(params[0].len, 2);
	assert_memory_equal(params[0].p, "12", 2);
	assert_false(
	    route_match("/insats/:id", STR_LIT("/insats/"), params, &n));
	assert_false(
	    route_match("/insats/:id", STR_LIT("/insats/1/x"), params, &n));
	assert_false(
	    route_match("/insats/:id", STR_LIT("/insats"), params, &n));
	assert_true(route_match("/a/:x/b/:y", STR_LIT("/a/1/b/2"), params, &n));
	assert_int_equal(n, 2);
	assert_memory_equal(params[1].p, "2", 1);
	assert_false(
	    route_match("/a/:x/b/:y", STR_LIT("/a/1/c/2"), params, &n));
}

/* A request source over a fixed table of params, no body. */
struct fake {
	const char *method, *uri, *query, *length, *cookie;
};

static const char *
fake_param(void *ctx, const char *name)
{
	struct fake *f = ctx;

	if (strcmp(name, "REQUEST_METHOD") == 0)
		return f->method;
	if (strcmp(name, "DOCUMENT_URI") == 0)
		return f->uri;
	if (strcmp(name, "QUERY_STRING") == 0)
		return f->query;
	if (strcmp(name, "CONTENT_LENGTH") == 0)
		return f->length;
	if (strcmp(name, "HTTP_COOKIE") == 0)
		return f->cookie;
	return NULL;
}

static long
fake_read(void *ctx, char *dst, size_t n)
{
	(void)ctx;
	(void)dst;
	(void)n;
	return 0;
}

/* Dispatch with no views or database: the error page falls back to a
 * literal, and the status is what we test. */
static int
dispatch(struct fake *f)
{
	struct arena a;
	struct req r;
	int status;

	assert_true(arena_init(&a, 1 << 20));
	memset(&r, 0, sizeof(r));
	r.a = &a;
	r.src = (struct req_source){ fake_param, fake_read, f };
	resp_init(&r.resp, &a);
	route_dispatch(&r);
	status = r.resp.status;
	if (status == 405)
		assert_non_null(strstr(r.resp.headers.p, "Allow: "));
	assert_true(r.resp.body.len > 0);
	arena_free(&a);
	return status;
}

static void
generic_checks_in_order(void **state)
{
	struct fake f = { "GET", "/nope", NULL, NULL, NULL };

	(void)state;
	assert_int_equal(dispatch(&f), 404);
	f = (struct fake){ "DELETE", "/", NULL, NULL, NULL };
	assert_int_equal(dispatch(&f), 405);
	/* 404 wins over a body that is too large: the path decides first. */
	f = (struct fake){ "POST", "/nope", NULL, "99999999", NULL };
	assert_int_equal(dispatch(&f), 404);
	f = (struct fake){ "GET", "/", NULL, "99999999", NULL };
	assert_int_equal(dispatch(&f), 413);
	f = (struct fake){ "GET", "/", NULL, "12x", NULL };
	assert_int_equal(dispatch(&f), 400);
	f = (struct fake){ "GET", "/", "a=%zz", NULL, NULL };
	assert_int_equal(dispatch(&f), 400);
	f = (struct fake){ "GET", "/", NULL, NULL, "a=b\x01c" };
	assert_int_equal(dispatch(&f), 400);
	f = (struct fake){ "GET", "/\xc3\x28", NULL, NULL, NULL };
	assert_int_equal(dispatch(&f), 400);
	/* Everything passed: the handler runs, and without a database it
	 * answers 503, not a crash. */
	f = (struct fake){ "GET", "/", "a=1", NULL, "bad name=1; ok=2" };
	assert_int_equal(dispatch(&f), 503);
}

/* The participant's signing on a consent tablet is never kept for the
 * staff account that logs in on the device next (form_stash.h). */
static void
tablet_signing_is_never_kept(void **state)
{
	size_t n, found = 0;
	const struct route *t = route_table(&n);

	(void)state;
	for (size_t i = 0; i < n; i++)
		if (t[i].method == METHOD_POST &&
		    strcmp(t[i].pattern, "/samtycken/:id/surfplatta") == 0) {
			assert_true(t[i].flags & ROUTE_TABLET);
			found++;
		}
	assert_int_equal(found, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(patterns_match_segments),
		cmocka_unit_test(generic_checks_in_order),
		cmocka_unit_test(tablet_signing_is_never_kept),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
