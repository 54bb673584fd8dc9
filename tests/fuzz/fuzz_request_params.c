/*
 * fuzz_request_params.c: libFuzzer target for the small request values
 * read outside a form's field table: the one-time keys of issue 18's
 * create forms and of the edit forms (once_key_kind(), edit_key_ok()),
 * the address a form's retry is sent back to (once_location_ok()), the
 * login's return path "nasta" (page_local_path_ok()) and a list's paging
 * query "sida", "sortera", "ordning" (paging_parse()).
 *
 * Links: app/once.c app/edit.c app/page_common.c app/paging.c and what
 * they use (plus the shared replay main, or clang -fsanitize=fuzzer). The
 * whole input is tried as a key, a location and a return path; split at
 * '&' into the three paging values. Invariants checked with abort():
 *  - a key: NONE exactly when empty, OK exactly when EDIT_KEY_LEN
 *    lower-case hex digits (and edit_key_ok() agrees), else BAD;
 *  - a location: exactly a '/' (not "//") and printable ASCII
 *    without a backslash, at most ONCE_LOCATION_MAX bytes;
 *  - a return path (it becomes a Location header): starts with '/', at
 *    most 512 bytes, and has no "//", no backslash, no byte below '!'
 *    (no CR, LF or NUL), no DEL, quote or angle bracket;
 *  - paging: the page is the value when it is 1..PAGING_PAGE_MAX in plain
 *    digits, else 1; the sort the one named (the list's default when
 *    none is), the order "stigande"/"fallande" or the sort's natural one;
 *    the offset and the order index follow.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "once.h"
#include "pages.h"
#include "paging.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const struct paging_sort fuzz_sorts[] = { { "namn", 0 }, { "datum", 1 },
	{ "status", 0 } };
#define FUZZ_NSORTS (sizeof(fuzz_sorts) / sizeof(fuzz_sorts[0]))

static void
fuzz_key(struct str in)
{
	int hex = in.len == EDIT_KEY_LEN;
	enum once_key_kind k = once_key_kind(in);

	for (size_t i = 0; hex && i < in.len; i++)
		hex = (in.p[i] >= '0' && in.p[i] <= '9') ||
		    (in.p[i] >= 'a' && in.p[i] <= 'f');
	if (edit_key_ok(in) != hex)
		abort();
	if (k !=
	    (in.len == 0  ? ONCE_KEY_NONE
	            : hex ? ONCE_KEY_OK
	                  : ONCE_KEY_BAD))
		abort();
	if (once_key_kind(STR_NULL) != ONCE_KEY_NONE)
		abort();
}

static void
fuzz_location(struct str in)
{
	int want = in.len > 0 && in.len <= ONCE_LOCATION_MAX && in.p[0] == '/';

	if (want && in.len > 1 && (in.p[1] == '/' || in.p[1] == '\\'))
		want = 0;
	for (size_t i = 0; want && i < in.len; i++)
		want = (unsigned char)in.p[i] >= '!' &&
		    (unsigned char)in.p[i] <= '~' && in.p[i] != '\\';
	if (once_location_ok(in) != want)
		abort();
}

static void
fuzz_return_path(struct str in)
{
	if (!page_local_path_ok(in))
		return;
	if (in.len == 0 || in.len > 512 || in.p[0] != '/' ||
	    memmem(in.p, in.len, "//", 2) != NULL)
		abort();
	for (size_t i = 0; i < in.len; i++) {
		unsigned char c = (unsigned char)in.p[i];

		if (c < '!' || c == 0x7f || c == '\\' || c == '"' || c == '<' ||
		    c == '>')
			abort();
	}
}

/* The reference page: 1..PAGING_PAGE_MAX in digits, else 1. */
static long long
fuzz_page_ref(const struct str *s)
{
	long long n = 0;

	if (s == NULL || s->len == 0 || s->len > 6)
		return 1;
	for (size_t i = 0; i < s->len; i++) {
		if (s->p[i] < '0' || s->p[i] > '9')
			return 1;
		n = n * 10 + (s->p[i] - '0');
	}
	return n >= 1 && n <= PAGING_PAGE_MAX ? n : 1;
}

static void
fuzz_paging(struct str in, unsigned def)
{
	struct str part[3] = { STR_NULL, STR_NULL, STR_NULL };
	const struct str *pp[3] = { NULL, NULL, NULL };
	struct paging pg;
	size_t i = 0, k = 0, want_sort;
	int want_desc;

	/* "sida&sortera&ordning"; a missing one is absent. */
	while (k < 3 && i <= in.len) {
		const char *amp = memchr(in.p + i, '&', in.len - i);
		size_t end = amp ? (size_t)(amp - in.p) : in.len;

		part[k] = (struct str){ in.p + i, end - i };
		pp[k] = &part[k];
		k++;
		i = end + 1;
	}
	memset(&pg, 0xAA, sizeof(pg));
	paging_parse(pp[0], pp[1], pp[2], fuzz_sorts, FUZZ_NSORTS, def, &pg);
	want_sort = def < FUZZ_NSORTS ? def : 0;
	for (size_t s = 0; pp[1] != NULL && s < FUZZ_NSORTS; s++)
		if (str_eq_cstr(*pp[1], fuzz_sorts[s].name))
			want_sort = s;
	want_desc = fuzz_sorts[want_sort].default_desc;
	if (pp[2] != NULL && str_eq_cstr(*pp[2], "stigande"))
		want_desc = 0;
	else if (pp[2] != NULL && str_eq_cstr(*pp[2], "fallande"))
		want_desc = 1;
	if (pg.page != fuzz_page_ref(pp[0]) || pg.sort != want_sort ||
	    pg.desc != want_desc)
		abort();
	if (paging_offset(&pg) != (pg.page - 1) * PAGING_ROWS ||
	    paging_order(&pg) != (long long)want_sort * 2 + want_desc)
		abort();
	/* No sorts at all: page only, never an index past the table. */
	memset(&pg, 0xAA, sizeof(pg));
	paging_parse(pp[0], pp[1], pp[2], NULL, 0, def, &pg);
	if (pg.page != fuzz_page_ref(pp[0]) || pg.sort != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str in = { size ? (const char *)data : "", size };

	fuzz_key(in);
	fuzz_location(in);
	fuzz_return_path(in);
	fuzz_paging(in, size ? data[0] % 4 : 0);
	return 0;
}
