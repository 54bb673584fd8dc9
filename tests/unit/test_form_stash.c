/* test_form_stash.c: the pure parts of keeping a form over an ended
 * session: the packed layout, sealing with the browser's secret, the
 * cookie, and which POSTs may be kept. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include <sodium.h>

#include "app_limits.h"
#include "arena.h"
#include "form.h"
#include "form_stash.h"
#include "route.h"

static struct arena A;

static int
setup(void **state)
{
	(void)state;
	if (sodium_init() < 0 || !arena_init(&A, 8u << 20))
		return -1;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

static struct kv_list
fields(const char *body)
{
	struct kv_list l;

	assert_int_equal(form_parse_urlenc(&A, str_cstr(body), &l), APP_OK);
	return l;
}

static void
pack_round_trip_drops_csrf(void **state)
{
	struct kv_list in =
	    fields("csrf=0011&fornamn=%C3%85sa&bakgrund=Rad+1%0D"
	           "%0ARad+2&forsorjning=lon&forsorjning="
	           "sjukpenning&tom=&csrf=ff");
	struct kv_list out;
	struct str packed, path;

	(void)state;
	assert_int_equal(
	    form_stash_pack(&A, STR_LIT("/ansokningar/ny"), &in, &packed),
	    APP_OK);
	assert_int_equal(form_stash_unpack(&A, packed, &path, &out), APP_OK);
	assert_true(str_eq_cstr(path, "/ansokningar/ny"));
	assert_int_equal(path.p[path.len], '\0');
	/* Every field in order, duplicates kept, no csrf. */
	assert_int_equal(out.n, 5);
	assert_true(str_eq_cstr(out.v[0].key, "fornamn"));
	assert_true(str_eq_cstr(out.v[0].val, "Åsa"));
	assert_true(str_eq_cstr(out.v[1].val, "Rad 1\r\nRad 2"));
	assert_true(str_eq_cstr(out.v[2].val, "lon"));
	assert_true(str_eq_cstr(out.v[3].val, "sjukpenning"));
	assert_true(str_eq_cstr(out.v[4].key, "tom"));
	assert_int_equal(out.v[4].val.len, 0);
	assert_null(kv_get(&out, "csrf"));
	for (size_t i = 0; i < out.n; i++) {
		assert_int_equal(out.v[i].key.p[out.v[i].key.len], '\0');
		assert_int_equal(out.v[i].val.p[out.v[i].val.len], '\0');
	}
	/* No fields at all is a form too (a button). */
	in = fields("csrf=1");
	assert_int_equal(
	    form_stash_pack(&A, STR_LIT("/x"), &in, &packed), APP_OK);
	assert_int_equal(form_stash_unpack(&A, packed, &path, &out), APP_OK);
	assert_int_equal(out.n, 0);
}

static void
pack_refuses_a_bad_path(void **state)
{
	struct kv_list in = fields("a=1");
	struct str packed;

	(void)state;
	assert_int_equal(
	    form_stash_pack(&A, STR_LIT(""), &in, &packed), APP_EINPUT);
	assert_int_equal(
	    form_stash_pack(&A, STR_LIT("start"), &in, &packed), APP_EINPUT);
	assert_int_equal(
	    form_stash_pack(&A, (struct str){ "/a\0b", 4 }, &in, &packed),
	    APP_EINPUT);
}

/* Unpack a copy of bytes (so that nothing reads past them under ASan). */
static enum app_err
unpack_copy(const unsigned char *p, size_t n)
{
	char *c = arena_memdup(&A, p, n ? n : 1);
	struct str path;
	struct kv_list out;
	enum app_err e;

	assert_non_null(c);
	e = form_stash_unpack(&A, (struct str){ c, n }, &path, &out);
	if (e != APP_OK) {
		assert_int_equal(path.len, 0);
		assert_int_equal(out.n, 0);
		assert_null(out.v);
	}
	return e;
}

static void
unpack_refuses_anything_else(void **state)
{
	struct kv_list in = fields("namn=Per&text=%C3%A5%C3%A4%C3%B6");
	struct str packed;
	unsigned char *b;

	(void)state;
	assert_int_equal(
	    form_stash_pack(&A, STR_LIT("/a/b"), &in, &packed), APP_OK);
	assert_int_equal(
	    unpack_copy((const unsigned char *)packed.p, packed.len), APP_OK);
	/* Cut anywhere: refused, never read past. */
	for (size_t n = 0; n < packed.len; n++)
		assert_int_equal(
		    unpack_copy((const unsigned char *)packed.p, n),
		    APP_EINPUT);
	b = (unsigned char *)arena_memdup(&A, packed.p, packed.len + 1);
	b[packed.len] = 'x'; /* a byte after the last field */
	assert_int_equal(unpack_copy(b, packed.len + 1), APP_EINPUT);
	b[0] = 2; /* another version */
	assert_int_equal(unpack_copy(b, packed.len), APP_EINPUT);
	b[0] = 1;
	b[3] = 'a'; /* a path not starting with '/' */
	assert_int_equal(unpack_copy(b, packed.len), APP_EINPUT);
	b[3] = '/';
	b[3 + 4] = 'x'; /* the path's NUL gone */
	assert_int_equal(unpack_copy(b, packed.len), APP_EINPUT);
	b[3 + 4] = '\0';
	b[packed.len - 2] = 0xff; /* invalid UTF-8 in the last value */
	assert_int_equal(unpack_copy(b, packed.len), APP_EINPUT);
	b[packed.len - 2] = '\0'; /* a NUL inside it */
	assert_int_equal(unpack_copy(b, packed.len), APP_EINPUT);
	{
		/* A field count far beyond the bytes there are. */
		static const unsigned char many[] = { 1, 0, 1, '/', 0, 0, 0,
			0x01, 0xff };
		static const unsigned char empty_key[] = { 1, 0, 1, '/', 0, 0,
			0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0 };
		assert_int_equal(unpack_copy(many, sizeof(many)), APP_EINPUT);
		assert_int_equal(
		    unpack_copy(empty_key, sizeof(empty_key)), APP_EINPUT);
	}
}

static void
seal_needs_the_browsers_secret(void **state)
{
	unsigned char secret[FORM_STASH_SECRET_BYTES], other[sizeof(secret)];
	unsigned char h1[FORM_STASH_HANDLE_BYTES], h2[sizeof(h1)];
	struct str plain = STR_LIT("Bakgrund: lång sjukskrivning"), s1, s2, out;
	char *t;

	(void)state;
	randombytes_buf(secret, sizeof(secret));
	memcpy(other, secret, sizeof(other));
	other[0] ^= 1;
	assert_int_equal(form_stash_seal(&A, secret, plain, &s1), APP_OK);
	assert_int_equal(form_stash_seal(&A, secret, plain, &s2), APP_OK);
	/* A fresh nonce each time; the text itself is nowhere in it. */
	assert_int_equal(s1.len, s2.len);
	assert_memory_not_equal(s1.p, s2.p, s1.len);
	assert_null(memmem(s1.p, s1.len, "sjukskrivning", 13));
	assert_int_equal(form_stash_open(&A, secret, s1, &out), APP_OK);
	assert_true(str_eq(out, plain));
	/* Another secret, a changed byte anywhere, or too short: refused. */
	assert_int_equal(form_stash_open(&A, other, s1, &out), APP_EINPUT);
	assert_int_equal(out.len, 0);
	t = arena_memdup(&A, s1.p, s1.len);
	for (size_t i = 0; i < s1.len; i += 7) {
		t[i] ^= 0x20;
		assert_int_equal(form_stash_open(&A, secret,
		                     (struct str){ t, s1.len }, &out),
		    APP_EINPUT);
		t[i] ^= 0x20;
	}
	assert_int_equal(
	    form_stash_open(&A, secret, (struct str){ s1.p, 39 }, &out),
	    APP_EINPUT);
	/* An empty text seals and opens too. */
	assert_int_equal(form_stash_seal(&A, secret, STR_LIT(""), &s2), APP_OK);
	assert_int_equal(form_stash_open(&A, secret, s2, &out), APP_OK);
	assert_int_equal(out.len, 0);
	/* The stored handle: the same for the same secret, never the
	 * secret itself, and another for another secret. */
	form_stash_handle(secret, h1);
	form_stash_handle(secret, h2);
	assert_memory_equal(h1, h2, sizeof(h1));
	assert_memory_not_equal(h1, secret, sizeof(h1));
	form_stash_handle(other, h2);
	assert_memory_not_equal(h1, h2, sizeof(h1));
}

static void
cookie_value_is_64_lower_hex(void **state)
{
	unsigned char s[FORM_STASH_SECRET_BYTES];
	char hex[65];

	(void)state;
	memset(hex, 'a', 64);
	hex[64] = '\0';
	hex[0] = '0';
	assert_true(form_stash_secret_parse(str_cstr(hex), s));
	assert_int_equal(s[0], 0x0a);
	assert_int_equal(s[31], 0xaa);
	hex[5] = 'A';
	assert_false(form_stash_secret_parse(str_cstr(hex), s));
	hex[5] = 'g';
	assert_false(form_stash_secret_parse(str_cstr(hex), s));
	hex[5] = 'a';
	assert_false(form_stash_secret_parse((struct str){ hex, 63 }, s));
	assert_false(form_stash_secret_parse(STR_LIT(""), s));
}

static void
only_plain_forms_are_kept(void **state)
{
	(void)state;
	assert_true(form_stash_route_ok(0));
	assert_false(form_stash_route_ok(ROUTE_PUBLIC));
	assert_false(form_stash_route_ok(ROUTE_PUBLIC | ROUTE_LOGIN_FORM));
	assert_false(form_stash_route_ok(ROUTE_PASSWORD)); /* /losenord */
	assert_false(form_stash_route_ok(ROUTE_CODE | ROUTE_PASSWORD));
	assert_false(form_stash_route_ok(ROUTE_BEARER));
	assert_false(form_stash_route_ok(ROUTE_TABLET)); /* the signing */
}

static void
only_from_our_own_pages(void **state)
{
	const char *base = "http://127.0.0.1:8080";

	(void)state;
	/* Sec-Fetch-Site decides when the browser sends it. */
	assert_true(form_stash_same_origin("same-origin", NULL, base, NULL));
	assert_true(
	    form_stash_same_origin("same-origin", "http://x", base, NULL));
	assert_false(form_stash_same_origin("same-site", base, base, NULL));
	assert_false(form_stash_same_origin("cross-site", base, base, NULL));
	assert_false(form_stash_same_origin("none", base, base, NULL));
	/* Else Origin against base_url's scheme, host and port. */
	assert_true(form_stash_same_origin(NULL, base, base, NULL));
	assert_true(form_stash_same_origin(NULL, "https://stegvis.example.se",
	    "https://stegvis.example.se/app", NULL));
	assert_false(
	    form_stash_same_origin(NULL, "http://127.0.0.1:8081", base, NULL));
	assert_false(
	    form_stash_same_origin(NULL, "http://127.0.0.1", base, NULL));
	assert_false(form_stash_same_origin(
	    NULL, "http://127.0.0.1:8080.evil", base, NULL));
	assert_false(form_stash_same_origin(NULL, "null", base, NULL));
	assert_false(form_stash_same_origin(NULL, "", base, NULL));
	/* Neither header: not kept. */
	assert_false(form_stash_same_origin(NULL, NULL, base, NULL));
}

/* A förbund on a host name of its own (sql/0071): Origin against
 * base_url's scheme and port with the host name the request came to. */
static void
or_from_the_host_asked(void **state)
{
	const char *base = "https://stegvis.example.se";
	const char *h = "stegvis.exempel.se";

	(void)state;
	assert_true(form_stash_same_origin(
	    NULL, "https://stegvis.exempel.se", base, h));
	/* base_url's port, whether or not the Host carries one. */
	assert_true(
	    form_stash_same_origin(NULL, "http://f.stegvis.localhost:8403",
	        "http://127.0.0.1:8403/x", "f.stegvis.localhost"));
	assert_true(
	    form_stash_same_origin(NULL, "http://f.stegvis.localhost:8403",
	        "http://127.0.0.1:8403", "f.stegvis.localhost:8403"));
	assert_false(
	    form_stash_same_origin(NULL, "http://f.stegvis.localhost:8404",
	        "http://127.0.0.1:8403", "f.stegvis.localhost:8404"));
	assert_false(form_stash_same_origin(
	    NULL, "https://stegvis.exempel.se:8443", base, h));
	/* The name in any case; an origin is lower case. */
	assert_true(form_stash_same_origin(
	    NULL, "https://stegvis.exempel.se", base, "Stegvis.Exempel.SE"));
	assert_false(form_stash_same_origin(
	    NULL, "https://Stegvis.exempel.se", base, h));
	/* base_url's origin still is ours, whatever the host. */
	assert_true(form_stash_same_origin(NULL, base, base, h));
	/* base_url's scheme only: a plain-http page is another origin. */
	assert_false(
	    form_stash_same_origin(NULL, "http://stegvis.exempel.se", base, h));
	/* Another site posting to the förbund's host. */
	assert_false(
	    form_stash_same_origin(NULL, "https://evil.example", base, h));
	assert_false(form_stash_same_origin(
	    NULL, "https://stegvis.exempel.se.evil.example", base, h));
	assert_false(
	    form_stash_same_origin(NULL, "https://stegvis.exempel.s", base, h));
	assert_false(form_stash_same_origin(
	    NULL, "https://stegvis.exempel.se/", base, h));
	/* A host that is no name matches nothing. */
	assert_false(form_stash_same_origin(NULL, "https://a/b", base, "a/b"));
	assert_false(form_stash_same_origin(NULL, "https://", base, ""));
	assert_false(form_stash_same_origin(NULL,
	    "https://u@stegvis.exempel.se", base, "u@stegvis.exempel.se"));
	/* Nor without Origin; Sec-Fetch-Site still decides when sent. */
	assert_false(form_stash_same_origin(NULL, NULL, base, h));
	assert_false(form_stash_same_origin(
	    "cross-site", "https://stegvis.exempel.se", base, h));
	/* No base_url: no scheme or port to take. */
	assert_false(form_stash_same_origin(
	    NULL, "https://stegvis.exempel.se", NULL, h));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(pack_round_trip_drops_csrf),
		cmocka_unit_test(pack_refuses_a_bad_path),
		cmocka_unit_test(unpack_refuses_anything_else),
		cmocka_unit_test(seal_needs_the_browsers_secret),
		cmocka_unit_test(cookie_value_is_64_lower_hex),
		cmocka_unit_test(only_plain_forms_are_kept),
		cmocka_unit_test(only_from_our_own_pages),
		cmocka_unit_test(or_from_the_host_asked),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
