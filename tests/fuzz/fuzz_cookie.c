/*
 * fuzz_cookie.c: libFuzzer target for form_parse_cookies().
 *
 * Links: app/form.c app/str.c app/arena.c app/app.c (plus the shared replay
 * main, or clang -fsanitize=fuzzer). Invariants checked with abort():
 *  - APP_OK: at most MAX_COOKIES pairs; every name a non-empty RFC 6265
 *    token, every value cookie-octets only (quotes stripped), all
 *    NUL-terminated in the arena; the input was at most MAX_COOKIE_HEADER
 *    bytes and held no control characters.
 *  - any error: the list is empty and the error is APP_EINPUT or ENOMEM.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "app_limits.h"
#include "arena.h"
#include "form.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
fuzz_tchar(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z') ||
	    (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

static int
fuzz_octet(unsigned char c)
{
	return c > 0x20 && c < 0x7F && c != '"' && c != ',' && c != ';' &&
	    c != '\\';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct kv_list l;
	size_t i, k;
	enum app_err e;

	if (!arena_init(&a, 1u << 20))
		return 0;
	e = form_parse_cookies(
	    &a, (struct str){ (const char *)data, size }, &l);
	if (e != APP_OK) {
		if (l.n != 0 || l.v != NULL)
			abort();
		if (e != APP_EINPUT && e != APP_ENOMEM)
			abort();
		goto out;
	}
	if (size > MAX_COOKIE_HEADER || l.n > MAX_COOKIES ||
	    (l.n > 0) != (l.v != NULL))
		abort();
	for (i = 0; i < size; i++)
		if ((data[i] < 0x20 && data[i] != '\t') || data[i] == 0x7F)
			abort();
	for (i = 0; i < l.n; i++) {
		const struct kv *kv = &l.v[i];

		if (kv->key.len == 0)
			abort();
		for (k = 0; k < kv->key.len; k++)
			if (!fuzz_tchar((unsigned char)kv->key.p[k]))
				abort();
		for (k = 0; k < kv->val.len; k++)
			if (!fuzz_octet((unsigned char)kv->val.p[k]))
				abort();
		if (kv->key.p[kv->key.len] != '\0' ||
		    kv->val.p[kv->val.len] != '\0')
			abort();
		if (kv_get(&l, kv->key.p) == NULL ||
		    kv_count(&l, kv->key.p) == 0)
			abort();
	}
out:
	arena_free(&a);
	return 0;
}
