/* test_resp.c: response headers and serialisation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "arena.h"
#include "resp.h"

static void
header_values_reject_cr_lf_nul(void **state)
{
	struct arena a;
	struct resp r;

	(void)state;
	assert_true(arena_init(&a, 1 << 16));
	resp_init(&r, &a);
	assert_int_equal(resp_header(&r, "X-A", STR_LIT("ok")), APP_OK);
	assert_int_equal(
	    resp_header(&r, "X-B", STR_LIT("a\r\nSet-Cookie: x=1")),
	    APP_EINPUT);
	assert_int_equal(resp_header(&r, "X-C", STR_LIT("a\nb")), APP_EINPUT);
	assert_int_equal(
	    resp_header(&r, "X-D", ((struct str){ "a\0b", 3 })), APP_EINPUT);
	assert_string_equal(r.headers.p, "X-A: ok\r\n");
	arena_free(&a);
}

static void
serialise_has_security_headers(void **state)
{
	struct arena a;
	struct resp r;
	struct buf out;

	(void)state;
	assert_true(arena_init(&a, 1 << 16));
	resp_init(&r, &a);
	buf_init(&out, &a);
	r.status = 404;
	assert_int_equal(buf_puts(&r.body, "hej"), APP_OK);
	assert_int_equal(resp_serialise(&r, &out), APP_OK);
	assert_true(strncmp(out.p, "Status: 404 Not Found\r\n", 23) == 0);
	assert_non_null(strstr(out.p, "Content-Length: 3\r\n"));
	assert_non_null(strstr(out.p, "frame-ancestors 'none'"));
	assert_null(strstr(out.p, "unsafe-inline"));
	assert_non_null(strstr(out.p, "X-Content-Type-Options: nosniff\r\n"));
	assert_non_null(strstr(out.p, "Cache-Control: no-store\r\n"));
	assert_non_null(strstr(out.p, "\r\n\r\nhej"));

	/* A public page may be cached, but must be revalidated. */
	out.len = 0;
	r.cacheable = 1;
	assert_int_equal(resp_serialise(&r, &out), APP_OK);
	assert_non_null(strstr(out.p, "Cache-Control: no-cache\r\n"));
	arena_free(&a);
}

/* The worker sends the head, then the body from where it lies: the two
 * together are the whole response, and the head ends at the blank line. */
static void
head_then_body_is_the_response(void **state)
{
	struct arena a;
	struct resp r;
	struct buf whole, head;

	(void)state;
	assert_true(arena_init(&a, 1 << 16));
	resp_init(&r, &a);
	buf_init(&whole, &a);
	buf_init(&head, &a);
	assert_int_equal(buf_puts(&r.body, "<p>sidan</p>"), APP_OK);
	assert_int_equal(resp_serialise(&r, &whole), APP_OK);
	assert_int_equal(resp_serialise_head(&r, &head), APP_OK);
	assert_int_equal(head.len + r.body.len, whole.len);
	assert_memory_equal(head.p, whole.p, head.len);
	assert_memory_equal(whole.p + head.len, r.body.p, r.body.len);
	assert_true(
	    head.len >= 4 && memcmp(head.p + head.len - 4, "\r\n\r\n", 4) == 0);
	arena_free(&a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(header_values_reject_cr_lf_nul),
		cmocka_unit_test(serialise_has_security_headers),
		cmocka_unit_test(head_then_body_is_the_response),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
