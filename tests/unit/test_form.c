/* test_form.c: unit tests for app/form.c (parsers and form_validate). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "app_limits.h"
#include "arena.h"
#include "form.h"
#include "str.h"

#define NKV 6

/* One parser case: input (explicit length, may hold NUL), the expected
 * result and, on APP_OK, the expected pairs in order. */
struct pcase {
	const char *in;
	size_t len;
	enum app_err want;
	size_t n;
	const char *kv[NKV * 2];
};

#define IN(s) s, sizeof(s) - 1

static const struct pcase urlenc_cases[] = {
	{ IN(""), APP_OK, 0, { NULL } },
	{ IN("&"), APP_OK, 0, { NULL } },
	{ IN("&&&"), APP_OK, 0, { NULL } },
	{ IN("a=1"), APP_OK, 1, { "a", "1" } },
	{ IN("a=1&&b=2"), APP_OK, 2, { "a", "1", "b", "2" } },
	{ IN("&a=1&"), APP_OK, 1, { "a", "1" } },
	{ IN("a"), APP_OK, 1, { "a", "" } },
	{ IN("a="), APP_OK, 1, { "a", "" } },
	{ IN("a&b="), APP_OK, 2, { "a", "", "b", "" } },
	{ IN("a=1=2"), APP_OK, 1, { "a", "1=2" } },
	{ IN("a+b=c+d"), APP_OK, 1, { "a b", "c d" } },
	{ IN("k=+"), APP_OK, 1, { "k", " " } },
	{ IN("k=%2B"), APP_OK, 1, { "k", "+" } },
	{ IN("k=%25"), APP_OK, 1, { "k", "%" } },
	{ IN("k=%26%3D"), APP_OK, 1, { "k", "&=" } },
	{ IN("k=%C3%A5"), APP_OK, 1, { "k", "\xc3\xa5" } },
	{ IN("k=%c3%a5"), APP_OK, 1, { "k", "\xc3\xa5" } },
	{ IN("%C3%A5r=1"), APP_OK, 1, { "\xc3\xa5r", "1" } },
	{ IN("k=\xc3\xa5"), APP_OK, 1, { "k", "\xc3\xa5" } },
	{ IN("k=%F0%9F%98%80"), APP_OK, 1, { "k", "\xf0\x9f\x98\x80" } },
	{ IN("a=1&a=2"), APP_OK, 2, { "a", "1", "a", "2" } },
	{ IN("k=%0D%0A"), APP_OK, 1, { "k", "\r\n" } },
	/* malformed percent escapes */
	{ IN("k=%"), APP_EINPUT, 0, { NULL } },
	{ IN("k=%4"), APP_EINPUT, 0, { NULL } },
	{ IN("k=%4&x=1"), APP_EINPUT, 0, { NULL } },
	{ IN("k=%zz"), APP_EINPUT, 0, { NULL } },
	{ IN("k=%4g"), APP_EINPUT, 0, { NULL } },
	{ IN("k=%%41"), APP_EINPUT, 0, { NULL } },
	{ IN("k%=1"), APP_EINPUT, 0, { NULL } },
	/* NUL, decoded or raw */
	{ IN("k=%00"), APP_EINPUT, 0, { NULL } },
	{ IN("%00=1"), APP_EINPUT, 0, { NULL } },
	{ IN("k=a\0b"), APP_EINPUT, 0, { NULL } },
	/* invalid UTF-8 */
	{ IN("k=%C0%AF"), APP_EINPUT, 0, { NULL } },       /* overlong '/' */
	{ IN("k=%ED%A0%80"), APP_EINPUT, 0, { NULL } },    /* surrogate */
	{ IN("k=%F4%90%80%80"), APP_EINPUT, 0, { NULL } }, /* > U+10FFFF */
	{ IN("k=%C3"), APP_EINPUT, 0, { NULL } },          /* truncated */
	{ IN("k=%FF"), APP_EINPUT, 0, { NULL } },
	{ IN("k=\xff"), APP_EINPUT, 0, { NULL } },
	{ IN("%FF=1"), APP_EINPUT, 0, { NULL } },
	/* empty keys */
	{ IN("=v"), APP_EINPUT, 0, { NULL } },
	{ IN("="), APP_EINPUT, 0, { NULL } },
	{ IN("a=1&=2"), APP_EINPUT, 0, { NULL } },
};

static const struct pcase cookie_cases[] = {
	{ IN(""), APP_OK, 0, { NULL } },
	{ IN(";;; ;"), APP_OK, 0, { NULL } },
	{ IN("a=1"), APP_OK, 1, { "a", "1" } },
	{ IN("a=1; b=2"), APP_OK, 2, { "a", "1", "b", "2" } },
	{ IN("a=1;b=2"), APP_OK, 2, { "a", "1", "b", "2" } },
	{ IN("a=1;\tb=2;"), APP_OK, 2, { "a", "1", "b", "2" } },
	{ IN("  a = 1 ;  b=2 "), APP_OK, 2, { "a", "1", "b", "2" } },
	{ IN("a="), APP_OK, 1, { "a", "" } },
	{ IN("s=\"abc\""), APP_OK, 1, { "s", "abc" } },
	{ IN("s=\"\""), APP_OK, 1, { "s", "" } },
	{ IN("s=a=b"), APP_OK, 1, { "s", "a=b" } },
	{ IN("s=%41"), APP_OK, 1, { "s", "%41" } }, /* no percent-decoding */
	{ IN("s=1; s=2"), APP_OK, 2, { "s", "1", "s", "2" } },
	{ IN("!#$%&'*+-.^_`|~=x"), APP_OK, 1, { "!#$%&'*+-.^_`|~", "x" } },
	/* malformed pairs are skipped, the rest survive */
	{ IN("s=\"; ok=2"), APP_OK, 1, { "ok", "2" } },
	{ IN("s=\"abc; ok=2"), APP_OK, 1, { "ok", "2" } },
	{ IN("s=a\"b\"; ok=2"), APP_OK, 1, { "ok", "2" } },
	{ IN("bad name=1; ok=2"), APP_OK, 1, { "ok", "2" } },
	{ IN("(x)=1; ok=2"), APP_OK, 1, { "ok", "2" } },
	{ IN("a/b=1; ok=2"), APP_OK, 1, { "ok", "2" } },
	{ IN("=1; ok=2"), APP_OK, 1, { "ok", "2" } },
	{ IN("noeq; ok=2"), APP_OK, 1, { "ok", "2" } },
	{ IN("j={\"a\":1,\"b\":2}; ok=2"), APP_OK, 1, { "ok", "2" } },
	{ IN("sp=a b; ok=2"), APP_OK, 1, { "ok", "2" } },
	{ IN("bs=a\\b; ok=2"), APP_OK, 1, { "ok", "2" } },
	{ IN("u=\xc3\xa5; ok=2"), APP_OK, 1, { "ok", "2" } },
	{ IN("\xc3\xa5=1; ok=2"), APP_OK, 1, { "ok", "2" } },
	{ IN("bad name=1"), APP_OK, 0, { NULL } },
	/* control characters anywhere reject the header */
	{ IN("a=1\0"), APP_EINPUT, 0, { NULL } },
	{ IN("a=\x01"), APP_EINPUT, 0, { NULL } },
	{ IN("a=\x7f"), APP_EINPUT, 0, { NULL } },
	{ IN("a=1\r\nSet-Cookie: x=1"), APP_EINPUT, 0, { NULL } },
	{ IN("a=1; b=\n"), APP_EINPUT, 0, { NULL } },
};

static void
check_list(const struct pcase *c, enum app_err got, const struct kv_list *l)
{
	size_t i;

	if (got != c->want)
		fail_msg("input \"%.*s\": got %s, want %s", (int)c->len, c->in,
		    app_strerror(got), app_strerror(c->want));
	if (got != APP_OK) {
		assert_int_equal(l->n, 0);
		assert_null(l->v);
		return;
	}
	if (l->n != c->n)
		fail_msg("input \"%.*s\": got %zu pairs, want %zu", (int)c->len,
		    c->in, l->n, c->n);
	for (i = 0; i < c->n; i++) {
		const char *k = c->kv[2 * i], *v = c->kv[2 * i + 1];

		assert_int_equal(l->v[i].key.len, strlen(k));
		assert_memory_equal(l->v[i].key.p, k, strlen(k));
		assert_int_equal(l->v[i].key.p[l->v[i].key.len], '\0');
		assert_int_equal(l->v[i].val.len, strlen(v));
		if (v[0] != '\0')
			assert_memory_equal(l->v[i].val.p, v, strlen(v));
		assert_int_equal(l->v[i].val.p[l->v[i].val.len], '\0');
	}
}

static void
test_urlenc_table(void **state)
{
	struct arena a;
	size_t i;

	(void)state;
	assert_true(arena_init(&a, 1u << 16));
	for (i = 0; i < sizeof(urlenc_cases) / sizeof(urlenc_cases[0]); i++) {
		const struct pcase *c = &urlenc_cases[i];
		struct kv_list l = { (struct kv *)1, 99 };

		arena_reset(&a);
		check_list(c,
		    form_parse_urlenc(&a, (struct str){ c->in, c->len }, &l),
		    &l);
	}
	arena_free(&a);
}

static void
test_cookie_table(void **state)
{
	struct arena a;
	size_t i;

	(void)state;
	assert_true(arena_init(&a, 1u << 16));
	for (i = 0; i < sizeof(cookie_cases) / sizeof(cookie_cases[0]); i++) {
		const struct pcase *c = &cookie_cases[i];
		struct kv_list l = { (struct kv *)1, 99 };

		arena_reset(&a);
		check_list(c,
		    form_parse_cookies(&a, (struct str){ c->in, c->len }, &l),
		    &l);
	}
	arena_free(&a);
}

/* Build "k=v&k=v..." with n pairs into a heap buffer. */
static char *
make_fields(size_t n, size_t *len)
{
	char *s = malloc(n * 16 + 1);
	size_t i, off = 0;

	assert_non_null(s);
	for (i = 0; i < n; i++)
		off +=
		    (size_t)snprintf(s + off, 17, "%sf%zu=1", i ? "&" : "", i);
	*len = off;
	return s;
}

static void
test_urlenc_field_count(void **state)
{
	struct arena a;
	struct kv_list l;
	size_t len;
	char *s;

	(void)state;
	assert_true(arena_init(&a, 1u << 20));

	s = make_fields(MAX_FIELDS, &len);
	assert_int_equal(
	    form_parse_urlenc(&a, (struct str){ s, len }, &l), APP_OK);
	assert_int_equal(l.n, MAX_FIELDS);
	assert_true(str_eq_cstr(l.v[MAX_FIELDS - 1].key, "f511"));
	free(s);

	arena_reset(&a);
	s = make_fields(MAX_FIELDS + 1, &len);
	assert_int_equal(
	    form_parse_urlenc(&a, (struct str){ s, len }, &l), APP_EINPUT);
	assert_int_equal(l.n, 0);
	free(s);
	arena_free(&a);

	/* 10 000 fields are rejected by counting alone: a 64-byte arena is
	 * never touched. */
	assert_true(arena_init(&a, 64));
	s = make_fields(10000, &len);
	assert_int_equal(
	    form_parse_urlenc(&a, (struct str){ s, len }, &l), APP_EINPUT);
	assert_int_equal(a.used, 0);
	free(s);
	arena_free(&a);
}

static void
test_urlenc_lengths(void **state)
{
	struct arena a;
	struct kv_list l;
	size_t n;
	char *s;

	(void)state;
	assert_true(arena_init(&a, 1u << 20));
	s = malloc(MAX_BODY + 2);
	assert_non_null(s);

	/* key exactly MAX_FIELD_NAME bytes, then one more */
	memset(s, 'k', MAX_FIELD_NAME + 1);
	s[MAX_FIELD_NAME] = '=';
	assert_int_equal(
	    form_parse_urlenc(&a, (struct str){ s, MAX_FIELD_NAME + 1 }, &l),
	    APP_OK);
	assert_int_equal(l.v[0].key.len, MAX_FIELD_NAME);
	memset(s, 'k', MAX_FIELD_NAME + 2);
	s[MAX_FIELD_NAME + 1] = '=';
	arena_reset(&a);
	assert_int_equal(
	    form_parse_urlenc(&a, (struct str){ s, MAX_FIELD_NAME + 2 }, &l),
	    APP_ETOOBIG);

	/* a percent-encoded key counts decoded bytes: 128 x "%41" is fine */
	for (n = 0; n < MAX_FIELD_NAME; n++)
		memcpy(s + 3 * n, "%41", 3);
	arena_reset(&a);
	assert_int_equal(
	    form_parse_urlenc(&a, (struct str){ s, 3 * MAX_FIELD_NAME }, &l),
	    APP_OK);
	assert_int_equal(l.v[0].key.len, MAX_FIELD_NAME);

	/* value exactly MAX_FIELD_LEN bytes, then one more */
	memcpy(s, "v=", 2);
	memset(s + 2, 'x', MAX_FIELD_LEN + 1);
	arena_reset(&a);
	assert_int_equal(
	    form_parse_urlenc(&a, (struct str){ s, 2 + MAX_FIELD_LEN }, &l),
	    APP_OK);
	assert_int_equal(l.v[0].val.len, MAX_FIELD_LEN);
	arena_reset(&a);
	assert_int_equal(
	    form_parse_urlenc(&a, (struct str){ s, 2 + MAX_FIELD_LEN + 1 }, &l),
	    APP_ETOOBIG);

	/* the whole input over MAX_BODY */
	memset(s, '&', MAX_BODY + 1);
	arena_reset(&a);
	assert_int_equal(
	    form_parse_urlenc(&a, (struct str){ s, MAX_BODY }, &l), APP_OK);
	assert_int_equal(
	    form_parse_urlenc(&a, (struct str){ s, MAX_BODY + 1 }, &l),
	    APP_ETOOBIG);

	free(s);
	arena_free(&a);
}

static void
test_urlenc_enomem(void **state)
{
	struct arena a;
	struct kv_list l;

	(void)state;
	assert_true(arena_init(&a, 128));
	assert_int_equal(form_parse_urlenc(&a,
	                     STR_LIT("a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8"), &l),
	    APP_ENOMEM);
	assert_int_equal(l.n, 0);
	arena_free(&a);
}

static void
test_cookie_limits(void **state)
{
	struct arena a;
	struct kv_list l;
	char *s;
	size_t i, off;

	(void)state;
	assert_true(arena_init(&a, 1u << 20));
	s = malloc(MAX_COOKIE_HEADER + 2);
	assert_non_null(s);

	/* exactly MAX_COOKIE_HEADER bytes is fine, one more is a 400 */
	memcpy(s, "a=", 2);
	memset(s + 2, 'x', MAX_COOKIE_HEADER);
	assert_int_equal(
	    form_parse_cookies(&a, (struct str){ s, MAX_COOKIE_HEADER }, &l),
	    APP_OK);
	assert_int_equal(l.n, 1);
	assert_int_equal(l.v[0].val.len, MAX_COOKIE_HEADER - 2);
	arena_reset(&a);
	assert_int_equal(form_parse_cookies(
	                     &a, (struct str){ s, MAX_COOKIE_HEADER + 1 }, &l),
	    APP_EINPUT);

	/* MAX_COOKIES pairs, then one more (invalid pairs count too) */
	for (i = 0, off = 0; i < MAX_COOKIES; i++)
		off +=
		    (size_t)snprintf(s + off, 16, "%sc%zu=1", i ? "; " : "", i);
	arena_reset(&a);
	assert_int_equal(
	    form_parse_cookies(&a, (struct str){ s, off }, &l), APP_OK);
	assert_int_equal(l.n, MAX_COOKIES);
	memcpy(s + off, "; (x)=1", 7);
	arena_reset(&a);
	assert_int_equal(
	    form_parse_cookies(&a, (struct str){ s, off + 7 }, &l), APP_EINPUT);

	free(s);
	arena_free(&a);
}

static void
test_kv_get(void **state)
{
	struct arena a;
	struct kv_list l;
	const struct str *v;

	(void)state;
	assert_true(arena_init(&a, 4096));
	assert_int_equal(
	    form_parse_urlenc(&a, STR_LIT("a=1&b=2&a=3&c"), &l), APP_OK);
	assert_non_null(v = kv_get(&l, "a"));
	assert_true(str_eq_cstr(*v, "1"));
	assert_non_null(v = kv_get(&l, "c"));
	assert_int_equal(v->len, 0);
	assert_null(kv_get(&l, "d"));
	assert_null(kv_get(&l, "A"));
	assert_int_equal(kv_count(&l, "a"), 2);
	assert_int_equal(kv_count(&l, "b"), 1);
	assert_int_equal(kv_count(&l, "d"), 0);
	l.v = NULL;
	l.n = 0;
	assert_null(kv_get(&l, "a"));
	assert_int_equal(kv_count(&l, "a"), 0);
	arena_free(&a);
}

static void
test_content_length(void **state)
{
	static const struct {
		const char *s;
		size_t max;
		enum app_err want;
		size_t v;
	} cases[] = {
		{ NULL, MAX_BODY, APP_OK, 0 }, { "", MAX_BODY, APP_OK, 0 },
		{ "0", MAX_BODY, APP_OK, 0 }, { "00", MAX_BODY, APP_OK, 0 },
		{ "01", MAX_BODY, APP_OK, 1 }, /* leading zeros: ok */
		{ "1", MAX_BODY, APP_OK, 1 },
		{ "1048576", MAX_BODY, APP_OK, 1048576 },
		{ "1048577", MAX_BODY, APP_ETOOBIG, 0 },
		{ "1", 0, APP_ETOOBIG, 0 },
		{ "18446744073709551615", SIZE_MAX, APP_OK, SIZE_MAX },
		{ "18446744073709551616", SIZE_MAX, APP_ETOOBIG, 0 },
		{ "99999999999999999999999", MAX_BODY, APP_ETOOBIG, 0 },
		{ "99999999999999999999999x", MAX_BODY, APP_EINPUT, 0 },
		{ "-1", MAX_BODY, APP_EINPUT, 0 },
		{ "-0", MAX_BODY, APP_EINPUT, 0 },
		{ "+1", MAX_BODY, APP_EINPUT, 0 },
		{ "1 ", MAX_BODY, APP_EINPUT, 0 },
		{ " 1", MAX_BODY, APP_EINPUT, 0 },
		{ "1,0", MAX_BODY, APP_EINPUT, 0 },
		{ "1.0", MAX_BODY, APP_EINPUT, 0 },
		{ "0x10", MAX_BODY, APP_EINPUT, 0 },
		{ "1e3", MAX_BODY, APP_EINPUT, 0 },
		{ "\xd9\xa1", MAX_BODY, APP_EINPUT, 0 }, /* Arabic-Indic 1 */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t v = 12345;
		enum app_err e;

		e = form_parse_content_length(cases[i].s, cases[i].max, &v);
		if (e != cases[i].want)
			fail_msg("\"%s\": got %s, want %s",
			    cases[i].s ? cases[i].s : "(null)", app_strerror(e),
			    app_strerror(cases[i].want));
		assert_int_equal(v, e == APP_OK ? cases[i].v : 12345);
	}
}

/* ------------------------------------------------------------------------
 * form_validate
 * --------------------------------------------------------------------- */

enum {
	F_NAME,
	F_AGE,
	F_BORN,
	F_AGREE,
	F_COLOR,
	F_TAGS,
	F_NOTE,
	F_NICK,
	F_SCORE,
	F_VISIT,
	F_OPT,
	F_ONCE,
	F_LINE,
	F__MAX
};

static const char *const colors[] = { "röd", "grön", "blå", NULL };

static const struct field_spec spec[F__MAX] = {
	[F_NAME] = { "name", FT_TEXT, 1, 200, FF_REQUIRED, NULL },
	[F_AGE] = { "age", FT_INT, 4, 40, FF_REQUIRED, NULL },
	[F_BORN] = { "born", FT_DATE, 0, 0, FF_REQUIRED, NULL },
	[F_AGREE] = { "agree", FT_BOOL, 0, 0, FF_REQUIRED, NULL },
	[F_COLOR] = { "color", FT_ENUM, 0, 0, FF_REQUIRED, colors },
	[F_TAGS] = { "tags", FT_ENUM, 0, 0, FF_MULTI, colors },
	[F_NOTE] = { "note", FT_TEXT, 0, 5, FF_MULTILINE, NULL },
	[F_NICK] = { "nick", FT_TEXT, 3, 10, 0, NULL },
	[F_SCORE] = { "score", FT_INT, -5, 5, 0, NULL },
	[F_VISIT] = { "visit", FT_DATE, 20240101, 20241231, 0, NULL },
	[F_OPT] = { "opt", FT_INT, 0, 9, 0, NULL },
	[F_ONCE] = { "once", FT_TEXT, 0, 0, 0, NULL },
	[F_LINE] = { "line", FT_TEXT, 0, 0, 0, NULL },
};
_Static_assert(sizeof(spec) / sizeof(spec[0]) == F__MAX, "spec out of sync");

static void
validate(struct arena *a, const char *body, struct field_val *out, size_t *nerr)
{
	struct kv_list l;

	assert_int_equal(form_parse_urlenc(a, str_cstr(body), &l), APP_OK);
	assert_int_equal(form_validate(a, &l, spec, F__MAX, out, nerr), APP_OK);
}

static void
assert_field(const struct field_val *f, int ok, const char *err, const char *s,
    long long i, int present)
{
	if (err == NULL)
		assert_null(f->error);
	else {
		assert_non_null(f->error);
		assert_string_equal(f->error, err);
	}
	assert_int_equal(f->ok, ok);
	assert_int_equal(f->s.len, strlen(s));
	if (f->s.len > 0)
		assert_memory_equal(f->s.p, s, f->s.len);
	assert_int_equal(f->i, i);
	assert_int_equal(f->present, present);
}

static void
test_validate_ok(void **state)
{
	struct arena a;
	struct field_val v[F__MAX];
	size_t nerr = 99;

	(void)state;
	assert_true(arena_init(&a, 1u << 16));
	validate(&a,
	    "name=++%C3%85sa+%C3%96berg+&age=+07+&born=2024-02-29"
	    "&agree=on&color=bl%C3%A5&tags=gr%C3%B6n&tags=r%C3%B6d"
	    "&note=a%0D%0Abc&nick=%C3%A5%C3%A4%C3%B6&score=-5"
	    "&visit=2024-12-31&opt=&unknown=1&unknown=2",
	    v, &nerr);
	assert_int_equal(nerr, 0);
	assert_field(&v[F_NAME], 1, NULL,
	    "\xc3\x85sa \xc3\x96"
	    "berg",
	    0, 1);
	assert_field(&v[F_AGE], 1, NULL, "07", 7, 1);
	assert_field(&v[F_BORN], 1, NULL, "2024-02-29", 20240229, 1);
	assert_field(&v[F_AGREE], 1, NULL, "on", 1, 1);
	assert_field(&v[F_COLOR], 1, NULL, "bl\xc3\xa5", 2, 1);
	assert_field(&v[F_TAGS], 1, NULL, "gr\xc3\xb6n", 3, 1);
	assert_int_equal(v[F_TAGS].n, 2);
	/* a textarea's CR LF is kept as LF, as it is counted and stored */
	assert_field(&v[F_NOTE], 1, NULL, "a\nbc", 0, 1);
	/* three characters, six bytes: within 3..10 */
	assert_field(&v[F_NICK], 1, NULL, "\xc3\xa5\xc3\xa4\xc3\xb6", 0, 1);
	assert_field(&v[F_SCORE], 1, NULL, "-5", -5, 1);
	assert_field(&v[F_VISIT], 1, NULL, "2024-12-31", 20241231, 1);
	/* optional fields: empty and absent are both fine */
	assert_field(&v[F_OPT], 1, NULL, "", 0, 0);
	assert_int_equal(v[F_OPT].n, 1);
	assert_field(&v[F_ONCE], 1, NULL, "", 0, 0);
	assert_int_equal(v[F_ONCE].n, 0);
	arena_free(&a);
}

static void
test_validate_all_errors(void **state)
{
	struct arena a;
	struct field_val v[F__MAX];
	size_t nerr = 0;

	(void)state;
	assert_true(arena_init(&a, 1u << 16));
	/* Every field wrong at once: all errors are collected, and what the
	 * user typed is kept for re-rendering. */
	validate(&a,
	    "name=+++&age=3&born=2023-02-29&color=lila"
	    "&tags=r%C3%B6d&tags=gul&note=123456&nick=ab&score=6"
	    "&visit=2025-01-01&opt=1x&once=a&once=b&line=a%0Ab",
	    v, &nerr);
	assert_int_equal(nerr, 13);
	assert_field(&v[F_NAME], 0, "Fältet måste fyllas i.", "", 0, 0);
	assert_field(
	    &v[F_AGE], 0, "Ange ett heltal mellan 4 och 40.", "3", 0, 1);
	assert_field(&v[F_BORN], 0, "Datumet finns inte i kalendern.",
	    "2023-02-29", 0, 1);
	assert_field(&v[F_AGREE], 0, "Rutan måste kryssas i.", "", 0, 0);
	assert_field(&v[F_COLOR], 0, "Välj ett av alternativen.", "lila", 0, 1);
	assert_field(&v[F_TAGS], 0, "Välj ett av alternativen.",
	    "r\xc3\xb6"
	    "d",
	    0, 1);
	assert_field(&v[F_NOTE], 0,
	    "Högst 5 tecken. Du har skrivit 6 tecken, 1 för mycket.", "123456",
	    0, 1);
	assert_field(&v[F_NICK], 0, "Minst 3 tecken.", "ab", 0, 1);
	assert_field(
	    &v[F_SCORE], 0, "Ange ett heltal mellan -5 och 5.", "6", 0, 1);
	assert_field(&v[F_VISIT], 0,
	    "Ange ett datum mellan 2024-01-01 och 2024-12-31.", "2025-01-01", 0,
	    1);
	assert_field(
	    &v[F_OPT], 0, "Ange ett heltal mellan 0 och 9.", "1x", 0, 1);
	assert_field(
	    &v[F_ONCE], 0, "Fältet får bara anges en gång.", "a", 0, 1);
	assert_int_equal(v[F_ONCE].n, 2);
	assert_field(&v[F_LINE], 0, "Texten får inte innehålla radbrytningar.",
	    "a\nb", 0, 1);
	arena_free(&a);
}

static void
test_validate_missing(void **state)
{
	struct arena a;
	struct field_val v[F__MAX];
	size_t nerr = 0;

	(void)state;
	assert_true(arena_init(&a, 1u << 16));
	validate(&a, "", v, &nerr);
	assert_int_equal(nerr, 5);
	assert_field(&v[F_NAME], 0, "Fältet måste fyllas i.", "", 0, 0);
	assert_field(&v[F_AGE], 0, "Fältet måste fyllas i.", "", 0, 0);
	assert_field(&v[F_BORN], 0, "Fältet måste fyllas i.", "", 0, 0);
	assert_field(&v[F_AGREE], 0, "Rutan måste kryssas i.", "", 0, 0);
	assert_field(&v[F_COLOR], 0, "Välj ett alternativ.", "", 0, 0);
	assert_field(&v[F_TAGS], 1, NULL, "", 0, 0);
	arena_free(&a);
}

/* Table tests for the single-value validators, through form_validate. */
static void
test_validate_values(void **state)
{
	static const struct {
		enum field_type type;
		long long min, max;
		const char *val;
		const char *err;
		long long i;
	} cases[] = {
		{ FT_INT, 4, 40, "4", NULL, 4 },
		{ FT_INT, 4, 40, "40", NULL, 40 },
		{ FT_INT, 4, 40, "0040", NULL, 40 },
		{ FT_INT, 4, 40, "41", "Ange ett heltal mellan 4 och 40.", 0 },
		{ FT_INT, 4, 40, "+5", "Ange ett heltal mellan 4 och 40.", 0 },
		{ FT_INT, 4, 40, "5 5", "Ange ett heltal mellan 4 och 40.", 0 },
		{ FT_INT, 4, 40, "5.0", "Ange ett heltal mellan 4 och 40.", 0 },
		{ FT_INT, 4, 40, "-", "Ange ett heltal mellan 4 och 40.", 0 },
		{ FT_INT, 4, 40, "0x10", "Ange ett heltal mellan 4 och 40.",
		    0 },
		{ FT_INT, LLONG_MIN, LLONG_MAX, "-9223372036854775808", NULL,
		    LLONG_MIN },
		{ FT_INT, LLONG_MIN, LLONG_MAX, "9223372036854775807", NULL,
		    LLONG_MAX },
		{ FT_INT, 0, LLONG_MAX, "9223372036854775808",
		    "Ange ett heltal mellan 0 och 9223372036854775807.", 0 },
		{ FT_INT, LLONG_MIN, 0, "-9223372036854775809",
		    "Ange ett heltal mellan -9223372036854775808 och 0.", 0 },
		{ FT_DATE, 0, 0, "2000-02-29", NULL, 20000229 },
		{ FT_DATE, 0, 0, "1900-02-29",
		    "Datumet finns inte i kalendern.", 0 },
		{ FT_DATE, 0, 0, "2024-04-31",
		    "Datumet finns inte i kalendern.", 0 },
		{ FT_DATE, 0, 0, "2024-13-01",
		    "Datumet finns inte i kalendern.", 0 },
		{ FT_DATE, 0, 0, "2024-00-10",
		    "Datumet finns inte i kalendern.", 0 },
		{ FT_DATE, 0, 0, "2024-01-00",
		    "Datumet finns inte i kalendern.", 0 },
		{ FT_DATE, 0, 0, "0000-01-01",
		    "Datumet finns inte i kalendern.", 0 },
		{ FT_DATE, 0, 0, "9999-12-31", NULL, 99991231 },
		{ FT_DATE, 0, 0, "2024-1-01", "Ange ett datum som ÅÅÅÅ-MM-DD.",
		    0 },
		{ FT_DATE, 0, 0, "20240101", "Ange ett datum som ÅÅÅÅ-MM-DD.",
		    0 },
		{ FT_DATE, 0, 0, "2024/01/01", "Ange ett datum som ÅÅÅÅ-MM-DD.",
		    0 },
		{ FT_DATE, 0, 0, "2024-01-0a", "Ange ett datum som ÅÅÅÅ-MM-DD.",
		    0 },
		{ FT_DATE, 0, 0, "+024-01-01", "Ange ett datum som ÅÅÅÅ-MM-DD.",
		    0 },
		{ FT_DATE, 20240101, 0, "2023-12-31",
		    "Ange ett datum från och med 2024-01-01.", 0 },
		{ FT_DATE, 0, 20241231, "2025-01-01",
		    "Ange ett datum till och med 2024-12-31.", 0 },
		{ FT_TEXT, 0, 3, "\xc3\xa5\xc3\xa5\xc3\xa5", NULL, 0 },
		{ FT_TEXT, 0, 3,
		    "\xf0\x9f\x98\x80\xf0\x9f\x98\x80\xf0\x9f\x98\x80", NULL,
		    0 },
		{ FT_TEXT, 0, 3, "abcd",
		    "Högst 3 tecken. Du har skrivit 4 tecken, 1 för mycket.",
		    0 },
		{ FT_TEXT, 0, 3, "a\tb", NULL, 0 },
		{ FT_TEXT, 0, 3,
		    "a\x01"
		    "b",
		    "Fältet innehåller otillåtna tecken.", 0 },
		{ FT_TEXT, 0, 3,
		    "a\x7f"
		    "b",
		    "Fältet innehåller otillåtna tecken.", 0 },
		{ FT_TEXT, 0, 3, "a\rb",
		    "Texten får inte innehålla radbrytningar.", 0 },
	};
	struct arena a;
	size_t i, nerr;

	(void)state;
	assert_true(arena_init(&a, 1u << 16));
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct field_spec sp = { "f", cases[i].type, cases[i].min,
			cases[i].max, 0, NULL };
		struct kv kv = { STR_LIT("f"), str_cstr(cases[i].val) };
		struct kv_list l = { &kv, 1 };
		struct field_val fv;

		arena_reset(&a);
		assert_int_equal(
		    form_validate(&a, &l, &sp, 1, &fv, &nerr), APP_OK);
		if (cases[i].err == NULL) {
			if (!fv.ok)
				fail_msg("\"%s\": unexpected error \"%s\"",
				    cases[i].val, fv.error);
			assert_int_equal(nerr, 0);
			assert_int_equal(fv.i, cases[i].i);
		} else {
			if (fv.ok)
				fail_msg("\"%s\": no error", cases[i].val);
			assert_int_equal(nerr, 1);
			assert_string_equal(fv.error, cases[i].err);
			assert_int_equal(fv.i, 0);
		}
	}
	arena_free(&a);
}

/* A kv_list not built by the parsers: bad bytes are field errors and are
 * never echoed back. */
static void
test_validate_bad_bytes(void **state)
{
	struct arena a;
	struct field_spec sp = { "f", FT_TEXT, 0, 0, 0, NULL };
	struct kv kv[4] = {
		{ STR_LIT("f"), { "a\xff", 2 } },
		{ STR_LIT("g"), { "a\0b", 3 } },
		{ STR_LIT("h"), { "a\xff", 2 } },
		{ STR_LIT("h"), STR_LIT("b") },
	};
	struct kv_list l = { kv, 4 };
	struct field_val fv[3];
	struct field_spec sp3[3] = {
		sp, { "g", FT_TEXT, 0, 0, 0, NULL },
		{ "h", FT_TEXT, 0, 0, 0, NULL }, /* duplicate, not FF_MULTI */
	};
	size_t nerr;

	(void)state;
	assert_true(arena_init(&a, 4096));
	assert_int_equal(form_validate(&a, &l, sp3, 3, fv, &nerr), APP_OK);
	assert_int_equal(nerr, 3);
	assert_field(
	    &fv[0], 0, "Fältet innehåller otillåtna tecken.", "", 0, 0);
	assert_field(
	    &fv[1], 0, "Fältet innehåller otillåtna tecken.", "", 0, 0);
	assert_field(&fv[2], 0, "Fältet får bara anges en gång.", "", 0, 0);
	arena_free(&a);
}

/* A textarea posted twice is refused, and shown again with its line
 * breaks as LF like any textarea (found by fuzz_urlenc). */
static void
test_validate_dup_multiline(void **state)
{
	struct arena a;
	struct field_spec sp = { "n", FT_TEXT, 0, 3, FF_MULTILINE, NULL };
	struct kv kv[2] = {
		{ STR_LIT("n"), STR_LIT("a\rb\r\nc") },
		{ STR_LIT("n"), STR_LIT("d") },
	};
	struct kv_list l = { kv, 2 };
	struct field_val fv;
	size_t nerr;

	(void)state;
	assert_true(arena_init(&a, 4096));
	assert_int_equal(form_validate(&a, &l, &sp, 1, &fv, &nerr), APP_OK);
	assert_int_equal(nerr, 1);
	assert_string_equal(fv.error, "Fältet får bara anges en gång.");
	assert_int_equal(fv.s.len, 5);
	assert_memory_equal(fv.s.p, "a\nb\nc", 5);
	arena_free(&a);
}

static void
test_validate_enomem(void **state)
{
	struct arena a;
	struct field_spec sp = { "f", FT_INT, 1, 2, 0, NULL };
	struct kv kv = { STR_LIT("f"), STR_LIT("3") };
	struct kv_list l = { &kv, 1 };
	struct field_val fv;
	size_t nerr;

	(void)state;
	assert_true(arena_init(&a, 16));
	assert_int_equal(form_validate(&a, &l, &sp, 1, &fv, &nerr), APP_ENOMEM);
	arena_free(&a);
}

/* form_text_chars: code points, not bytes; CR LF is one character. */
static void
test_text_chars(void **state)
{
	static const struct {
		const char *s;
		size_t chars;
	} cases[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "\xc3\xa5\xc3\xa4\xc3\xb6", 3 }, /* åäö: 6 bytes */
		{ "\xd8\xb4\xd8\xb4", 2 },         /* شش: 4 bytes */
		{ "\xe1\x88\x80", 1 },             /* Ethiopic: 3 */
		{ "\xf0\x9f\x98\x80", 1 },         /* emoji: 4 */
		{ "a\r\nb", 3 },                   /* CR LF = 1 */
		{ "a\nb", 3 },
		{ "a\rb", 3 }, /* lone CR */
		{ "\r\n\r\n", 2 },
		{ "\r\r\n", 2 },
		{ "a\r", 2 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		if (form_text_chars(str_cstr(cases[i].s)) != cases[i].chars)
			fail_msg("case %zu: %zu characters, want %zu", i,
			    form_text_chars(str_cstr(cases[i].s)),
			    cases[i].chars);
}

/* Validate one FT_TEXT value of "reps" copies of "unit" against max. */
static void
limit_case(struct arena *a, const char *unit, size_t reps, long long max,
    unsigned flags, const char *want_err)
{
	size_t ulen = strlen(unit), nerr = 99;
	char *v = arena_alloc(a, ulen * reps + 1);
	struct field_spec sp = { "f", FT_TEXT, 0, max, flags, NULL };
	struct kv kv;
	struct kv_list l = { &kv, 1 };
	struct field_val fv;

	assert_non_null(v);
	for (size_t i = 0; i < reps; i++)
		memcpy(v + i * ulen, unit, ulen);
	v[ulen * reps] = '\0';
	kv = (struct kv){ STR_LIT("f"), { v, ulen * reps } };
	assert_int_equal(form_validate(a, &l, &sp, 1, &fv, &nerr), APP_OK);
	/* What was typed is always handed back whole, for re-rendering (a
	 * textarea's CR LF as LF). */
	if (flags & FF_MULTILINE) {
		struct str lf = form_text_lf(a, (struct str){ v, ulen * reps });

		assert_int_equal(fv.s.len, lf.len);
		assert_memory_equal(fv.s.p, lf.p, lf.len);
	} else {
		assert_int_equal(fv.s.len, ulen * reps);
		assert_memory_equal(fv.s.p, v, ulen * reps);
	}
	if (want_err == NULL) {
		if (!fv.ok)
			fail_msg("%zu x \"%s\" (max %lld): \"%s\"", reps, unit,
			    max, fv.error);
		assert_int_equal(nerr, 0);
	} else {
		if (fv.ok)
			fail_msg("%zu x \"%s\" (max %lld): accepted", reps,
			    unit, max);
		assert_int_equal(nerr, 1);
		assert_string_equal(fv.error, want_err);
	}
}

/* The limit is in characters: exactly max multi-byte characters pass,
 * max + 1 are refused with a message that says by how much, whatever the
 * bytes; a textarea's CR LF counts once. */
static void
test_validate_text_limit(void **state)
{
	struct arena a;

	(void)state;
	assert_true(arena_init(&a, 1u << 20));
	limit_case(&a, "\xc3\xa5", 4000, 4000, 0, NULL); /* 8000 bytes */
	limit_case(&a, "\xc3\xa5", 4001, 4000, 0,
	    "Högst 4000 tecken. Du har skrivit 4001 tecken, 1 för mycket.");
	limit_case(&a, "\xd8\xb4", 200, 200, 0, NULL);
	limit_case(&a, "\xd8\xb4", 210, 200, 0,
	    "Högst 200 tecken. Du har skrivit 210 tecken, 10 för mycket.");
	limit_case(&a, "\xf0\x9f\x98\x80", 100, 100, 0, NULL); /* 400 bytes */
	limit_case(&a, "\xf0\x9f\x98\x80", 101, 100, 0,
	    "Högst 100 tecken. Du har skrivit 101 tecken, 1 för mycket.");
	/* Bytes would pass where characters do not: 5 ASCII bytes, 5
	 * characters, max 4. */
	limit_case(&a, "x", 5, 4, 0,
	    "Högst 4 tecken. Du har skrivit 5 tecken, 1 för mycket.");
	/* "b" CR LF "b": 3 characters as the browser counts them. */
	limit_case(&a, "b\r\nb", 33, 99, FF_MULTILINE, NULL);
	limit_case(&a, "b\r\nb", 34, 100, FF_MULTILINE,
	    "Högst 100 tecken. Du har skrivit 102 tecken, 2 för mycket.");
	arena_free(&a);
}

/* form_text_lf: CR LF and a lone CR become LF; no CR, no copy. */
static void
test_text_lf(void **state)
{
	static const char *const cases[][2] = {
		{ "abc", "abc" },
		{ "a\r\nb", "a\nb" },
		{ "a\rb", "a\nb" },
		{ "\r\n\r\n", "\n\n" },
		{ "\r\r\n", "\n\n" },
		{ "a\r", "a\n" },
		{ "\xc3\xa5\r\n\xf0\x9f\x98\x80",
		    "\xc3\xa5\n\xf0\x9f\x98\x80" },
	};
	struct arena a;

	(void)state;
	assert_true(arena_init(&a, 4096));
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct str in = str_cstr(cases[i][0]);
		struct str out = form_text_lf(&a, in);

		assert_int_equal(out.len, strlen(cases[i][1]));
		assert_memory_equal(out.p, cases[i][1], out.len);
		/* as many characters after as counted before */
		assert_int_equal(form_text_chars(out), form_text_chars(in));
		if (strchr(cases[i][0], '\r') == NULL)
			assert_ptr_equal(out.p, in.p);
	}
	arena_free(&a);
	assert_true(arena_init(&a, 1));
	assert_null(form_text_lf(&a, STR_LIT("a\r\nb")).p);
	arena_free(&a);
}

static void
test_text_too_long_msg(void **state)
{
	struct arena a;

	(void)state;
	assert_true(arena_init(&a, 4096));
	assert_string_equal(form_text_too_long(&a, 1000, 1002),
	    "Högst 1000 tecken. Du har skrivit 1002 tecken, 2 för mycket.");
	arena_free(&a);
	assert_true(arena_init(&a, 8));
	assert_null(form_text_too_long(&a, 1000, 1002));
	arena_free(&a);
}

static void
test_limit_key(void **state)
{
	static const char *const cases[][2] = {
		{ "namn", "namn_max" },
		{ "med1_namn", "med_namn_max" },
		{ "aktivitet_10", "aktivitet_max" },
		{ "mal3_text", "mal_text_max" },
		{ "etikett-*", "etikett_max" },
		{ "ny-etikett", "ny_etikett_max" },
		{ "tolk_sprak", "tolk_sprak_max" },
		{ "_a__b_", "a_b_max" },
		{ "12", "" },
		{ "", "" },
	};
	char out[32];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t n = form_limit_key(cases[i][0], out, sizeof(out));

		assert_int_equal(n, strlen(cases[i][1]));
		if (n > 0)
			assert_string_equal(out, cases[i][1]);
	}
	assert_int_equal(form_limit_key("namn", out, 8), 0); /* "namn_max" */
	assert_int_equal(form_limit_key("namn", out, 9), 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_urlenc_table),
		cmocka_unit_test(test_urlenc_field_count),
		cmocka_unit_test(test_urlenc_lengths),
		cmocka_unit_test(test_urlenc_enomem),
		cmocka_unit_test(test_cookie_table),
		cmocka_unit_test(test_cookie_limits),
		cmocka_unit_test(test_kv_get),
		cmocka_unit_test(test_content_length),
		cmocka_unit_test(test_validate_ok),
		cmocka_unit_test(test_validate_all_errors),
		cmocka_unit_test(test_validate_missing),
		cmocka_unit_test(test_validate_values),
		cmocka_unit_test(test_validate_bad_bytes),
		cmocka_unit_test(test_validate_enomem),
		cmocka_unit_test(test_text_chars),
		cmocka_unit_test(test_validate_text_limit),
		cmocka_unit_test(test_text_too_long_msg),
		cmocka_unit_test(test_text_lf),
		cmocka_unit_test(test_validate_dup_multiline),
		cmocka_unit_test(test_limit_key),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
