/*
 * fuzz_urlenc.c: libFuzzer target for form_parse_urlenc() and, on the
 * parsed list, form_validate().
 *
 * Links: app/form.c app/str.c app/arena.c app/app.c (plus the shared replay
 * main, or clang -fsanitize=fuzzer). Invariants checked with abort():
 *  - APP_OK: at most MAX_FIELDS pairs; every key non-empty and at most
 *    MAX_FIELD_NAME bytes, every value at most MAX_FIELD_LEN; all of them
 *    valid UTF-8, free of NUL and NUL-terminated in the arena.
 *  - any error: the list is empty.
 *  - form_validate never fails with a 4 MiB arena on a parsed list, and
 *    every error row has a message.
 *  - text limits: a valid text has at most max characters; a textarea's
 *    value has no CR (line breaks as LF); form_text_lf() keeps the count.
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

static const char *const fuzz_choices[] = { "a", "b", "\xc3\xa5", NULL };

static const struct field_spec fuzz_spec[] = {
	{ "t", FT_TEXT, 1, 5, FF_REQUIRED, NULL },
	{ "m", FT_TEXT, 0, 0, FF_MULTILINE | FF_MULTI, NULL },
	{ "i", FT_INT, -100, 100, 0, NULL },
	{ "j", FT_INT, -9223372036854775807LL - 1, 9223372036854775807LL,
	    FF_MULTI, NULL },
	{ "d", FT_DATE, 0, 0, 0, NULL },
	{ "e", FT_DATE, 19000101, 20991231, FF_REQUIRED, NULL },
	{ "b", FT_BOOL, 0, 0, 0, NULL },
	{ "c", FT_ENUM, 0, 0, FF_REQUIRED, fuzz_choices },
	{ "s", FT_ENUM, 0, 0, FF_MULTI, fuzz_choices },
	{ "n", FT_TEXT, 0, 3, FF_MULTILINE, NULL },
};
#define FUZZ_NSPEC (sizeof(fuzz_spec) / sizeof(fuzz_spec[0]))

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct kv_list l;
	struct field_val fv[FUZZ_NSPEC];
	size_t i, nerr, bad;
	enum app_err e;

	if (!arena_init(&a, 4u << 20))
		return 0;
	e = form_parse_urlenc(&a, (struct str){ (const char *)data, size }, &l);
	if (e != APP_OK) {
		if (l.n != 0 || l.v != NULL)
			abort();
		if (e != APP_EINPUT && e != APP_ETOOBIG && e != APP_ENOMEM)
			abort();
		goto out;
	}
	if (l.n > MAX_FIELDS || (l.n > 0) != (l.v != NULL))
		abort();
	for (i = 0; i < l.n; i++) {
		const struct kv *kv = &l.v[i];

		if (kv->key.len == 0 || kv->key.len > MAX_FIELD_NAME ||
		    kv->val.len > MAX_FIELD_LEN)
			abort();
		if (str_has_nul(kv->key) || !str_utf8_valid(kv->key) ||
		    str_has_nul(kv->val) || !str_utf8_valid(kv->val))
			abort();
		if (kv->key.p[kv->key.len] != '\0' ||
		    kv->val.p[kv->val.len] != '\0')
			abort();
		if (form_text_chars(form_text_lf(&a, kv->val)) !=
		    form_text_chars(kv->val))
			abort();
	}

	if (form_validate(&a, &l, fuzz_spec, FUZZ_NSPEC, fv, &nerr) != APP_OK)
		abort();
	for (i = 0, bad = 0; i < FUZZ_NSPEC; i++) {
		if (fv[i].ok == (fv[i].error != NULL))
			abort();
		if (!fv[i].ok && fv[i].i != 0)
			abort();
		if (!str_utf8_valid(fv[i].s) || str_has_nul(fv[i].s))
			abort();
		bad += !fv[i].ok;
	}
	if (bad != nerr)
		abort();
	/* Typed values respect their ranges. */
	if (fv[2].ok && (fv[2].i < -100 || fv[2].i > 100))
		abort();
	if (fv[5].ok && (fv[5].i < 19000101 || fv[5].i > 20991231))
		abort();
	if (fv[7].ok && (fv[7].i < 0 || fv[7].i > 2))
		abort();
	if (fv[8].ok && (fv[8].i & ~7LL) != 0)
		abort();
	if (fv[9].ok && form_text_chars(fv[9].s) > 3)
		abort();
	if (memchr(fv[1].s.p, '\r', fv[1].s.len) != NULL ||
	    memchr(fv[9].s.p, '\r', fv[9].s.len) != NULL)
		abort();
out:
	arena_free(&a);
	return 0;
}
