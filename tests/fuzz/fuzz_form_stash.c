/*
 * fuzz_form_stash.c: libFuzzer target for form_stash_unpack(), the parser
 * of a kept form's packed layout (include/form_stash.h).
 *
 * Links: app/form_stash.c and what it uses (plus the shared replay main,
 * or clang -fsanitize=fuzzer). Invariants checked with abort():
 *  - APP_OK: the path starts with '/', at most MAX_URI bytes; at most
 *    MAX_FIELDS fields, every key 1..MAX_FIELD_NAME bytes and every value
 *    at most MAX_FIELD_LEN; all of them NUL-terminated, without NUL and
 *    valid UTF-8, and inside the input. Packing them again gives the input
 *    back byte for byte (unless a key is "csrf", which pack leaves out).
 *  - any error: the path is empty, the list is empty, the error is
 *    APP_EINPUT or APP_ENOMEM.
 *  - sealing the input with a fixed secret and opening it gives it back;
 *    opening the raw input as if sealed never succeeds with another
 *    secret's seal.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "app_limits.h"
#include "arena.h"
#include "form.h"
#include "form_stash.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
fuzz_inside(const uint8_t *data, size_t size, struct str s)
{
	const char *p = (const char *)data;

	return s.p >= p && s.p + s.len < p + size;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned char secret[FORM_STASH_SECRET_BYTES] = { 7 };
	struct arena a;
	struct kv_list l;
	struct str path, again, sealed, opened;
	struct str in = { (const char *)data, size };
	int has_csrf = 0;
	enum app_err e;

	if (!arena_init(&a, 4u << 20))
		return 0;
	e = form_stash_unpack(&a, in, &path, &l);
	if (e != APP_OK) {
		if (path.len != 0 || l.n != 0 || l.v != NULL)
			abort();
		if (e != APP_EINPUT && e != APP_ENOMEM)
			abort();
		goto seal;
	}
	if (path.len == 0 || path.len > MAX_URI || path.p[0] != '/' ||
	    !fuzz_inside(data, size, path) || path.p[path.len] != '\0' ||
	    str_has_nul(path) || !str_utf8_valid(path))
		abort();
	if (l.n > MAX_FIELDS || (l.n > 0) != (l.v != NULL))
		abort();
	for (size_t i = 0; i < l.n; i++) {
		const struct kv *kv = &l.v[i];

		if (kv->key.len == 0 || kv->key.len > MAX_FIELD_NAME ||
		    kv->val.len > MAX_FIELD_LEN ||
		    !fuzz_inside(data, size, kv->key) ||
		    !fuzz_inside(data, size, kv->val) ||
		    kv->key.p[kv->key.len] != '\0' ||
		    kv->val.p[kv->val.len] != '\0' || str_has_nul(kv->key) ||
		    str_has_nul(kv->val) || !str_utf8_valid(kv->key) ||
		    !str_utf8_valid(kv->val))
			abort();
		if (str_eq_cstr(kv->key, "csrf"))
			has_csrf = 1;
	}
	if (form_stash_pack(&a, path, &l, &again) != APP_OK)
		abort();
	if (!has_csrf && !str_eq(again, in))
		abort();
seal:
	if (form_stash_seal(&a, secret, in, &sealed) == APP_OK) {
		if (form_stash_open(&a, secret, sealed, &opened) != APP_OK ||
		    !str_eq(opened, in))
			abort();
	}
	/* Raw bytes are not a seal of anything under this secret (a forgery
	 * would need the Poly1305 tag). */
	if (form_stash_open(&a, secret, in, &opened) == APP_OK && size > 64)
		abort();
	arena_free(&a);
	return 0;
}
