/*
 * fuzz_multipart.c: libFuzzer target for multipart_parse() and
 * multipart_boundary() (app/multipart.c).
 *
 * The input is a Content-Type, a '\n', then the body (no '\n': all of it
 * is the body with "multipart/form-data; boundary=B"). Invariants checked
 * with abort():
 *  - any error: both lists are empty (NULL, 0); the error is APP_EINPUT,
 *    APP_ETOOBIG or APP_ENOMEM;
 *  - APP_OK: the boundary is 1..MP_MAX_BOUNDARY bytes; at most
 *    MP_MAX_PARTS parts; every field's name non-empty, at most
 *    MAX_FIELD_NAME bytes, its value at most MAX_FIELD_LEN, both valid
 *    UTF-8 without NUL and NUL-terminated; every file's name non-empty and
 *    its filename valid UTF-8; a file's bytes lie inside the body;
 *  - the parts written out again with the same boundary (fields, then
 *    files) parse to the same names, values, filenames, types and bytes.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "app_limits.h"
#include "arena.h"
#include "multipart.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_text(struct str s)
{
	if (str_has_nul(s) || !str_utf8_valid(s) || s.p[s.len] != '\0')
		abort();
}

static int
put(struct buf *b, struct str s)
{
	return buf_append(b, s.p, s.len) == APP_OK;
}

/* One part written as a browser would; 0 when the arena is full. */
static int
put_part(struct buf *b, struct str bnd, struct str name, const char *fn,
    struct str type, struct str data)
{
	return buf_puts(b, "--") == APP_OK && put(b, bnd) &&
	    buf_puts(b, "\r\nContent-Disposition: form-data; name=\"") ==
	    APP_OK &&
	    put(b, name) && buf_puts(b, "\"") == APP_OK &&
	    (fn == NULL ||
	        (buf_puts(b, "; filename=\"") == APP_OK &&
	            buf_puts(b, fn) == APP_OK &&
	            buf_puts(b, "\"") == APP_OK)) &&
	    buf_puts(b, "\r\n") == APP_OK &&
	    (type.len == 0 ||
	        (buf_puts(b, "Content-Type: ") == APP_OK && put(b, type) &&
	            buf_puts(b, "\r\n") == APP_OK)) &&
	    buf_puts(b, "\r\n") == APP_OK && put(b, data) &&
	    buf_puts(b, "\r\n") == APP_OK;
}

static void
roundtrip(struct arena *a, struct str ct, struct str bnd,
    const struct kv_list *f, const struct mp_files *fi)
{
	struct kv_list f2;
	struct mp_files fi2;
	struct buf b;
	size_t i;
	enum app_err e;

	buf_init(&b, a);
	for (i = 0; i < f->n; i++)
		if (!put_part(
		        &b, bnd, f->v[i].key, NULL, STR_LIT(""), f->v[i].val))
			return;
	for (i = 0; i < fi->n; i++) {
		/* A long filename written quoted may not fit the header
		 * limit the original (a token) fitted: skip those. */
		if (fi->v[i].filename.len + fi->v[i].type.len +
		        fi->v[i].name.len + 100 >
		    MP_MAX_HEADER)
			return;
		if (!put_part(&b, bnd, fi->v[i].name, fi->v[i].filename.p,
		        fi->v[i].type, fi->v[i].data))
			return;
	}
	if (buf_puts(&b, "--") != APP_OK || !put(&b, bnd) ||
	    buf_puts(&b, "--\r\n") != APP_OK)
		return;
	e = multipart_parse(a, ct, buf_str(&b), &f2, &fi2);
	if (e == APP_ENOMEM)
		return;
	if (e != APP_OK || f2.n != f->n || fi2.n != fi->n)
		abort();
	for (i = 0; i < f->n; i++)
		if (!str_eq(f->v[i].key, f2.v[i].key) ||
		    !str_eq(f->v[i].val, f2.v[i].val))
			abort();
	for (i = 0; i < fi->n; i++)
		if (!str_eq(fi->v[i].name, fi2.v[i].name) ||
		    !str_eq(fi->v[i].filename, fi2.v[i].filename) ||
		    !str_eq(fi->v[i].type, fi2.v[i].type) ||
		    !str_eq(fi->v[i].data, fi2.v[i].data))
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *d = (const char *)data;
	const char *nl = memchr(d, '\n', size);
	struct str ct = STR_LIT("multipart/form-data; boundary=B"), body, bnd;
	struct kv_list f;
	struct mp_files fi;
	struct arena a;
	size_t i;
	enum app_err e, be;

	if (nl != NULL) {
		ct = (struct str){ d, (size_t)(nl - d) };
		body = (struct str){ nl + 1, size - (size_t)(nl - d) - 1 };
	} else
		body = (struct str){ d, size };
	if (!arena_init(&a, 1u << 20))
		return 0;
	be = multipart_boundary(ct, &bnd);
	if (be == APP_OK &&
	    (bnd.len == 0 || bnd.len > MP_MAX_BOUNDARY || bnd.p < ct.p ||
	        bnd.p + bnd.len > ct.p + ct.len))
		abort();
	if (be == APP_OK && !multipart_is(ct))
		abort();
	e = multipart_parse(&a, ct, body, &f, &fi);
	if (e != APP_OK) {
		if (f.n != 0 || f.v != NULL || fi.n != 0 || fi.v != NULL)
			abort();
		if (e != APP_EINPUT && e != APP_ETOOBIG && e != APP_ENOMEM)
			abort();
		goto out;
	}
	if (be != APP_OK || f.n + fi.n > MP_MAX_PARTS ||
	    (f.n > 0) != (f.v != NULL) || (fi.n > 0) != (fi.v != NULL))
		abort();
	for (i = 0; i < f.n; i++) {
		if (f.v[i].key.len == 0 || f.v[i].key.len > MAX_FIELD_NAME ||
		    f.v[i].val.len > MAX_FIELD_LEN)
			abort();
		check_text(f.v[i].key);
		check_text(f.v[i].val);
	}
	for (i = 0; i < fi.n; i++) {
		const struct mp_file *x = &fi.v[i];

		if (x->name.len == 0 || x->name.len > MAX_FIELD_NAME)
			abort();
		check_text(x->name);
		check_text(x->filename);
		if (x->data.len > 0 &&
		    (x->data.p < body.p ||
		        x->data.p + x->data.len > body.p + body.len))
			abort();
	}
	roundtrip(&a, ct, bnd, &f, &fi);
out:
	arena_free(&a);
	return 0;
}
