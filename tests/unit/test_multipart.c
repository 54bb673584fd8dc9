/* test_multipart.c: unit tests for the multipart/form-data parser
 * (app/multipart.c): the boundary, what a browser sends, and every refusal
 * of include/multipart.h. No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app_limits.h"
#include "arena.h"
#include "multipart.h"
#include "str.h"

#define CT "multipart/form-data; boundary=XyZ"

static struct arena A;

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static int
setup(void **state)
{
	(void)state;
	return arena_init(&A, 8u << 20) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

/* Parse body (a C string) with CT; the lists in *f and *fi. */
static enum app_err
P(const char *body, struct kv_list *f, struct mp_files *fi)
{
	return multipart_parse(&A, S(CT), S(body), f, fi);
}

/* Parse and expect e with both lists empty. */
static void
refused(const char *body, enum app_err e)
{
	struct kv_list f;
	struct mp_files fi;

	assert_int_equal(P(body, &f, &fi), e);
	assert_int_equal(f.n, 0);
	assert_null(f.v);
	assert_int_equal(fi.n, 0);
	assert_null(fi.v);
}

static void
boundaries(void **state)
{
	struct str b;
	char longest[MP_MAX_BOUNDARY + 40];

	(void)state;
	assert_int_equal(multipart_boundary(S(CT), &b), APP_OK);
	assert_true(str_eq_cstr(b, "XyZ"));
	assert_int_equal(
	    multipart_boundary(S("Multipart/Form-Data ; "
	                         "charset=utf-8;BOUNDARY=\"a b:c\""),
	        &b),
	    APP_OK);
	assert_true(str_eq_cstr(b, "a b:c"));
	assert_true(multipart_is(S("multipart/form-data")));
	assert_false(multipart_is(S("multipart/form-datax; boundary=a")));
	assert_false(multipart_is(S("application/x-www-form-urlencoded")));
	/* Missing, empty, repeated, bad characters, a trailing space, another
	 * media type, an unterminated quote, a parameter without a value. */
	assert_int_equal(
	    multipart_boundary(S("multipart/form-data"), &b), APP_EINPUT);
	assert_int_equal(multipart_boundary(S("multipart/form-data; "
	                                      "boundary=\"\""),
	                     &b),
	    APP_EINPUT);
	assert_int_equal(multipart_boundary(S("multipart/form-data; "
	                                      "boundary=a; boundary=a"),
	                     &b),
	    APP_EINPUT);
	assert_int_equal(multipart_boundary(S("multipart/form-data; "
	                                      "boundary=\"a\\b\""),
	                     &b),
	    APP_EINPUT);
	assert_int_equal(multipart_boundary(S("multipart/form-data; "
	                                      "boundary=\"ab \""),
	                     &b),
	    APP_EINPUT);
	assert_int_equal(
	    multipart_boundary(S("multipart/mixed; boundary=a"), &b),
	    APP_EINPUT);
	assert_int_equal(multipart_boundary(S("multipart/form-data; "
	                                      "boundary=\"ab"),
	                     &b),
	    APP_EINPUT);
	assert_int_equal(
	    multipart_boundary(S("multipart/form-data; boundary="), &b),
	    APP_EINPUT);
	/* 70 characters are the most. */
	snprintf(longest, sizeof(longest), "multipart/form-data; boundary=");
	memset(longest + 30, 'a', MP_MAX_BOUNDARY);
	longest[30 + MP_MAX_BOUNDARY] = '\0';
	assert_int_equal(multipart_boundary(S(longest), &b), APP_OK);
	assert_int_equal(b.len, MP_MAX_BOUNDARY);
	longest[30 + MP_MAX_BOUNDARY] = 'a';
	longest[31 + MP_MAX_BOUNDARY] = '\0';
	assert_int_equal(multipart_boundary(S(longest), &b), APP_EINPUT);
}

/* What Firefox and Chromium send for a form with a textarea and a file. */
static void
browser_body(void **state)
{
	static const char body[] =
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"csrf\"\r\n"
	    "\r\n"
	    "abc\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"xml\"\r\n"
	    "\r\n"
	    "rad 1\r\nrad \xc3\xa5\r\n"
	    "--XyZ\r\n"
	    "Content-Disposition: form-data; name=\"fil\"; "
	    "filename=\"enk\xc3\xa4t.xml\"\r\n"
	    "Content-Type: text/xml\r\n"
	    "\r\n"
	    "<a>\0\r\n--XyY-XyZ</a>\r\n"
	    "--XyZ--\r\n";
	struct kv_list f;
	struct mp_files fi;
	const struct mp_file *file;

	(void)state;
	assert_int_equal(multipart_parse(&A, S(CT),
	                     (struct str){ body, sizeof(body) - 1 }, &f, &fi),
	    APP_OK);
	assert_int_equal(f.n, 2);
	assert_true(str_eq_cstr(*kv_get(&f, "csrf"), "abc"));
	assert_true(str_eq_cstr(*kv_get(&f, "xml"), "rad 1\r\nrad \xc3\xa5"));
	assert_int_equal(f.v[1].val.p[f.v[1].val.len], '\0');
	assert_int_equal(fi.n, 1);
	assert_null(mp_file_get(&fi, "xml"));
	assert_non_null(file = mp_file_get(&fi, "fil"));
	assert_true(str_eq_cstr(file->filename, "enk\xc3\xa4t.xml"));
	assert_true(str_eq_cstr(file->type, "text/xml"));
	/* A file's bytes are anything, a NUL and a near-delimiter too. */
	assert_int_equal(file->data.len, 19);
	assert_memory_equal(file->data.p, "<a>\0\r\n--XyY-XyZ</a>", 19);
}

static void
empty_file_and_padding(void **state)
{
	struct kv_list f;
	struct mp_files fi;

	(void)state;
	/* No file chosen: filename "" and no bytes. Transport padding after
	 * a delimiter, an unquoted name, an epilogue, a trailing ';'. */
	assert_int_equal(P("--XyZ \t\r\n"
	                   "content-disposition: form-data; name=fil; "
	                   "filename=\"\"\r\n"
	                   "Content-Type: application/octet-stream\r\n"
	                   "\r\n"
	                   "\r\n"
	                   "--XyZ\r\n"
	                   "Content-Disposition: form-data; name=a;\r\n"
	                   "X-Other: ignored\r\n"
	                   "\r\n"
	                   "\r\n"
	                   "--XyZ--epilogue",
	                     &f, &fi),
	    APP_OK);
	assert_int_equal(fi.n, 1);
	assert_int_equal(fi.v[0].data.len, 0);
	assert_int_equal(fi.v[0].filename.len, 0);
	assert_int_equal(f.n, 1);
	assert_int_equal(f.v[0].val.len, 0);
}

static void
malformed(void **state)
{
	(void)state;
	/* No closing delimiter (a body cut short). */
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n",
	    APP_EINPUT);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
	        "--XyZ",
	    APP_EINPUT);
	/* A preamble; another boundary; an empty body. */
	refused("x\r\n--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n"
	        "1\r\n--XyZ--",
	    APP_EINPUT);
	refused("--XyQ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
	        "--XyQ--",
	    APP_EINPUT);
	refused("", APP_EINPUT);
	/* Something else after a delimiter. */
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
	        "--XyZx\r\n--XyZ--",
	    APP_EINPUT);
	refused("--XyZ\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n"
	        "--XyZ--",
	    APP_EINPUT);
	/* Headers: none, not form-data, no name, an empty name, a folded
	 * line, a bare LF, no colon, twice, nested multipart. */
	refused("--XyZ\r\n\r\n1\r\n--XyZ--", APP_EINPUT);
	refused("--XyZ\r\nContent-Disposition: attachment; name=a\r\n\r\n1\r\n"
	        "--XyZ--",
	    APP_EINPUT);
	refused("--XyZ\r\nContent-Disposition: form-data\r\n\r\n1\r\n--XyZ--",
	    APP_EINPUT);
	refused(
	    "--XyZ\r\nContent-Disposition: form-data; name=\"\"\r\n\r\n1\r\n"
	    "--XyZ--",
	    APP_EINPUT);
	refused("--XyZ\r\nContent-Disposition: form-data;\r\n name=a\r\n\r\n"
	        "1\r\n--XyZ--",
	    APP_EINPUT);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\nX: y\r\n\r\n"
	        "1\r\n--XyZ--",
	    APP_EINPUT);
	refused("--XyZ\r\nContent-Disposition form-data; name=a\r\n\r\n1\r\n"
	        "--XyZ--",
	    APP_EINPUT);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	        "Content-Disposition: form-data; name=b\r\n\r\n1\r\n--XyZ--",
	    APP_EINPUT);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a; name=b\r\n"
	        "\r\n1\r\n--XyZ--",
	    APP_EINPUT);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a\r\n"
	        "Content-Type: multipart/mixed; boundary=q\r\n\r\n1\r\n--XyZ--",
	    APP_EINPUT);
	refused("--XyZ\r\nContent-Disposition: form-data; name=\"a\r\n\r\n1\r\n"
	        "--XyZ--",
	    APP_EINPUT);
	/* A field that is not UTF-8, or holds a NUL; a bad filename. */
	refused(
	    "--XyZ\r\nContent-Disposition: form-data; name=a\r\n\r\n\xff\r\n"
	    "--XyZ--",
	    APP_EINPUT);
	refused("--XyZ\r\nContent-Disposition: form-data; name=a; "
	        "filename=\"\xc0\xaf\"\r\n\r\n1\r\n--XyZ--",
	    APP_EINPUT);
}

static void
nul_in_field(void **state)
{
	static const char body[] = "--XyZ\r\nContent-Disposition: form-data; "
	                           "name=a\r\n\r\n1\0002\r\n--XyZ--";
	struct kv_list f;
	struct mp_files fi;

	(void)state;
	assert_int_equal(multipart_parse(&A, S(CT),
	                     (struct str){ body, sizeof(body) - 1 }, &f, &fi),
	    APP_EINPUT);
	assert_int_equal(f.n + fi.n, 0);
}

/* A body of n parts named p0, p1, ... (arena). */
static struct str
parts(size_t n)
{
	struct buf b;
	size_t i;

	buf_init(&b, &A);
	for (i = 0; i < n; i++)
		assert_int_equal(buf_printf(&b,
		                     "--XyZ\r\nContent-Disposition: form-data; "
		                     "name=p%zu\r\n\r\nv\r\n",
		                     i),
		    APP_OK);
	assert_int_equal(buf_puts(&b, "--XyZ--\r\n"), APP_OK);
	return buf_str(&b);
}

static void
limits(void **state)
{
	struct kv_list f;
	struct mp_files fi;
	struct buf b;
	size_t fixed;

	(void)state;
	assert_int_equal(
	    multipart_parse(&A, S(CT), parts(MP_MAX_PARTS), &f, &fi), APP_OK);
	assert_int_equal(f.n, MP_MAX_PARTS);
	assert_int_equal(
	    multipart_parse(&A, S(CT), parts(MP_MAX_PARTS + 1), &f, &fi),
	    APP_EINPUT);
	assert_int_equal(f.n, 0);

	/* A header block of exactly MP_MAX_HEADER bytes (its empty line
	 * included) is read; one byte more is a 400, as is 10 kB. */
	buf_init(&b, &A);
	assert_int_equal(buf_puts(&b,
	                     "--XyZ\r\nContent-Disposition: "
	                     "form-data; name=a\r\nX-Pad: "),
	    APP_OK);
	fixed = strlen("Content-Disposition: form-data; name=a\r\nX-Pad: ") + 4;
	for (size_t i = fixed; i < MP_MAX_HEADER; i++)
		assert_int_equal(buf_puts(&b, "x"), APP_OK);
	assert_int_equal(buf_puts(&b, "\r\n\r\n1\r\n--XyZ--"), APP_OK);
	assert_int_equal(
	    multipart_parse(&A, S(CT), buf_str(&b), &f, &fi), APP_OK);
	assert_int_equal(f.n, 1);
	buf_init(&b, &A);
	assert_int_equal(buf_puts(&b,
	                     "--XyZ\r\nContent-Disposition: "
	                     "form-data; name=a\r\nX-Pad: "),
	    APP_OK);
	for (size_t i = fixed; i < MP_MAX_HEADER + 1; i++)
		assert_int_equal(buf_puts(&b, "x"), APP_OK);
	assert_int_equal(buf_puts(&b, "\r\n\r\n1\r\n--XyZ--"), APP_OK);
	assert_int_equal(
	    multipart_parse(&A, S(CT), buf_str(&b), &f, &fi), APP_EINPUT);
	buf_init(&b, &A);
	assert_int_equal(buf_puts(&b,
	                     "--XyZ\r\nContent-Disposition: "
	                     "form-data; name=a\r\nX-Pad: "),
	    APP_OK);
	for (size_t i = 0; i < 10240; i++)
		assert_int_equal(buf_puts(&b, "x"), APP_OK);
	assert_int_equal(buf_puts(&b, "\r\n\r\n1\r\n--XyZ--"), APP_OK);
	assert_int_equal(
	    multipart_parse(&A, S(CT), buf_str(&b), &f, &fi), APP_EINPUT);
}

/* A field over MAX_FIELD_LEN is a 413 as urlencoded; a file of that size
 * is only a file. A name over MAX_FIELD_NAME is a 413 too. */
static void
sizes(void **state)
{
	size_t n = MAX_FIELD_LEN + 1;
	char *data = malloc(n);
	struct kv_list f;
	struct mp_files fi;
	struct buf b;

	(void)state;
	assert_non_null(data);
	memset(data, 'a', n);
	buf_init(&b, &A);
	assert_int_equal(buf_puts(&b,
	                     "--XyZ\r\nContent-Disposition: "
	                     "form-data; name=a\r\n\r\n"),
	    APP_OK);
	assert_int_equal(buf_append(&b, data, n), APP_OK);
	assert_int_equal(buf_puts(&b, "\r\n--XyZ--"), APP_OK);
	assert_int_equal(
	    multipart_parse(&A, S(CT), buf_str(&b), &f, &fi), APP_ETOOBIG);
	buf_init(&b, &A);
	assert_int_equal(buf_puts(&b,
	                     "--XyZ\r\nContent-Disposition: "
	                     "form-data; name=a; filename=x\r\n\r\n"),
	    APP_OK);
	assert_int_equal(buf_append(&b, data, n), APP_OK);
	assert_int_equal(buf_puts(&b, "\r\n--XyZ--"), APP_OK);
	assert_int_equal(
	    multipart_parse(&A, S(CT), buf_str(&b), &f, &fi), APP_OK);
	assert_int_equal(fi.n, 1);
	assert_int_equal(fi.v[0].data.len, n);
	buf_init(&b, &A);
	assert_int_equal(buf_puts(&b,
	                     "--XyZ\r\nContent-Disposition: "
	                     "form-data; name="),
	    APP_OK);
	assert_int_equal(buf_append(&b, data, MAX_FIELD_NAME + 1), APP_OK);
	assert_int_equal(buf_puts(&b, "\r\n\r\n1\r\n--XyZ--"), APP_OK);
	assert_int_equal(
	    multipart_parse(&A, S(CT), buf_str(&b), &f, &fi), APP_ETOOBIG);
	free(data);
}

/* Never past the body: the same bytes with the length cut before the
 * closing "--" are refused, whatever follows in memory. */
static void
bounded(void **state)
{
	static const char body[] = "--XyZ\r\nContent-Disposition: form-data; "
	                           "name=a\r\n\r\n1\r\n--XyZ--";
	struct kv_list f;
	struct mp_files fi;
	size_t n;

	(void)state;
	for (n = 0; n < sizeof(body) - 1; n++)
		assert_int_equal(multipart_parse(&A, S(CT),
		                     (struct str){ body, n }, &f, &fi),
		    APP_EINPUT);
	assert_int_equal(multipart_parse(&A, S(CT),
	                     (struct str){ body, sizeof(body) - 1 }, &f, &fi),
	    APP_OK);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(boundaries),
		cmocka_unit_test(browser_body),
		cmocka_unit_test(empty_file_and_padding),
		cmocka_unit_test(malformed),
		cmocka_unit_test(nul_in_field),
		cmocka_unit_test(limits),
		cmocka_unit_test(sizes),
		cmocka_unit_test(bounded),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
