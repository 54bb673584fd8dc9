/* test_public_host.c: unit tests for a request's host name
 * (app/public_host.c), by which a förbund's public page is found. No
 * database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "public_host.h"

static void
names(void **state)
{
	static const struct {
		const char *in, *out;
	} ok[] = {
		{ "stegvis.softleg.se", "stegvis.softleg.se" },
		{ "Stegvis.SOFTLEG.se:443", "stegvis.softleg.se" },
		{ "127.0.0.1:8391", "127.0.0.1" },
		{ "localhost", "localhost" },
		{ "a", "a" },
		{ "f-2.test:1", "f-2.test" },
	};
	char out[PUBLIC_HOST_MAX + 1];

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(*ok); i++) {
		assert_int_equal(public_host_of(ok[i].in, out), 1);
		assert_string_equal(out, ok[i].out);
	}
}

static void
not_names(void **state)
{
	static const char *const bad[] = { "", ":80", "[::1]:8080", "a b",
		"a_b", "-a", "a-", ".a", "a.", "a:", "a:123456", "a:80x",
		"a:80:90", "å.se", "a/b", "a\r\nX: y" };
	char out[PUBLIC_HOST_MAX + 1], longest[PUBLIC_HOST_MAX + 2];

	(void)state;
	assert_int_equal(public_host_of(NULL, out), 0);
	assert_string_equal(out, "");
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(public_host_of(bad[i], out), 0);
		assert_string_equal(out, "");
	}
	/* PUBLIC_HOST_MAX bytes are a name, one more is not. */
	memset(longest, 'a', PUBLIC_HOST_MAX);
	longest[PUBLIC_HOST_MAX] = '\0';
	assert_int_equal(public_host_of(longest, out), 1);
	assert_int_equal(strlen(out), PUBLIC_HOST_MAX);
	longest[PUBLIC_HOST_MAX] = 'a';
	longest[PUBLIC_HOST_MAX + 1] = '\0';
	assert_int_equal(public_host_of(longest, out), 0);
}

/* A förbund's own address: base_url with its host name replaced. */
static void
urls(void **state)
{
	static const struct {
		const char *base, *host, *out;
	} ok[] = {
		{ "https://stegvis.softleg.se", "stegvis.exempel.se",
		    "https://stegvis.exempel.se" },
		{ "http://127.0.0.1:8403", "f.stegvis.localhost",
		    "http://f.stegvis.localhost:8403" },
		{ "https://stegvis.softleg.se:8443/app", "x.se",
		    "https://x.se:8443/app" },
		{ "https://stegvis.softleg.se/app", "x.se",
		    "https://x.se/app" },
		{ "http://[::1]:8080", "x.se", "http://x.se:8080" },
		{ "http://[::1]", "x.se", "http://x.se" },
	};
	static const char *const bad[] = { "", "stegvis.softleg.se", "https://",
		"https://:8080", "https:///app" };
	char out[64];

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(*ok); i++) {
		struct str h = { ok[i].host, strlen(ok[i].host) };

		assert_int_equal(
		    public_host_url(ok[i].base, h, out, sizeof(out)), 1);
		assert_string_equal(out, ok[i].out);
		/* strlen(base) + host.len + 1 is always room enough. */
		assert_int_equal(public_host_url(ok[i].base, h, out,
		                     strlen(ok[i].base) + h.len + 1),
		    1);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		assert_int_equal(
		    public_host_url(bad[i], STR_LIT("x.se"), out, sizeof(out)),
		    0);
		assert_string_equal(out, "");
	}
	assert_int_equal(
	    public_host_url(NULL, STR_LIT("x.se"), out, sizeof(out)), 0);
	assert_int_equal(
	    public_host_url("https://a.se", STR_LIT(""), out, sizeof(out)), 0);
	/* Too small: nothing cut, nothing written. */
	assert_int_equal(
	    public_host_url("https://a.se", STR_LIT("x.se"), out, 12), 0);
	assert_string_equal(out, "");
	assert_int_equal(
	    public_host_url("https://a.se", STR_LIT("x.se"), out, 13), 1);
	assert_string_equal(out, "https://x.se");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names),
		cmocka_unit_test(not_names),
		cmocka_unit_test(urls),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
