/*
 * fuzz_route.c: libFuzzer target for route_match() against the real route
 * table (route_table()).
 *
 * Links: app/route.c and what it uses (plus the shared replay main, or
 * clang -fsanitize=fuzzer). The input is a path; its first byte, when
 * below 0x20, instead picks a route whose :params are filled from the
 * rest (split at '|'). Invariants checked with abort():
 *  - a match gives as many params as the pattern has, each non-empty,
 *    without '/', inside the path, and the pattern with the params put
 *    back is the path byte for byte;
 *  - a path built from a pattern with non-empty params without '/' (and
 *    at most MAX_ROUTE_PARAMS) matches it, with those params;
 *  - no route is matched by a path that is not its pattern filled in.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app_limits.h"
#include "route.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_PATH_MAX 8192

/* pattern with params put back, into out (FUZZ_PATH_MAX); its length, or
 * (size_t)-1 when it does not fit. */
static size_t
fuzz_fill(const char *pattern, const struct str *params, size_t np, char *out)
{
	size_t n = 0, k = 0;

	for (const char *p = pattern; *p != '\0';) {
		if (*p == ':') {
			if (k >= np || n + params[k].len > FUZZ_PATH_MAX)
				return (size_t)-1;
			memcpy(out + n, params[k].p, params[k].len);
			n += params[k++].len;
			while (*p != '\0' && *p != '/')
				p++;
			continue;
		}
		if (n + 1 > FUZZ_PATH_MAX)
			return (size_t)-1;
		out[n++] = *p++;
	}
	return k == np ? n : (size_t)-1;
}

static size_t
fuzz_nparams(const char *pattern)
{
	size_t n = 0;

	for (const char *p = pattern; *p != '\0'; p++)
		n += *p == ':';
	return n;
}

/* Every route against path: a match must be its pattern filled in. */
static void
fuzz_all(struct str path)
{
	static char back[FUZZ_PATH_MAX];
	const struct route *rt;
	size_t n;

	rt = route_table(&n);
	for (size_t i = 0; i < n; i++) {
		struct str params[MAX_ROUTE_PARAMS];
		size_t np = 99, len;

		if (!route_match(rt[i].pattern, path, params, &np))
			continue;
		if (np != fuzz_nparams(rt[i].pattern))
			abort();
		for (size_t k = 0; k < np; k++)
			if (params[k].len == 0 ||
			    memchr(params[k].p, '/', params[k].len) != NULL ||
			    params[k].p < path.p ||
			    params[k].p + params[k].len > path.p + path.len)
				abort();
		len = fuzz_fill(rt[i].pattern, params, np, back);
		if (len != path.len || memcmp(back, path.p, len) != 0)
			abort();
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char path[FUZZ_PATH_MAX];
	struct str in = { (const char *)data, size };
	struct str params[MAX_ROUTE_PARAMS], got[MAX_ROUTE_PARAMS];
	const struct route *rt;
	size_t n, np = 0, want, len, ngot = 0, i;

	fuzz_all(in);
	if (size == 0 || data[0] >= 0x20)
		return 0;
	/* A route's pattern filled in with the rest's '|'-separated parts. */
	rt = route_table(&n);
	rt += data[0] % n;
	want = fuzz_nparams(rt->pattern);
	for (i = 1; np < MAX_ROUTE_PARAMS && np < want;) {
		size_t j = i;

		while (j < size && data[j] != '|')
			j++;
		params[np++] = (struct str){ in.p + i, j - i };
		i = j + 1;
		if (j >= size)
			break;
	}
	if (np != want)
		return 0;
	if ((len = fuzz_fill(rt->pattern, params, np, path)) == (size_t)-1)
		return 0;
	for (i = 0; i < np; i++)
		if (params[i].len == 0 ||
		    memchr(params[i].p, '/', params[i].len) != NULL)
			return 0;
	if (!route_match(rt->pattern, (struct str){ path, len }, got, &ngot) ||
	    ngot != np)
		abort();
	for (i = 0; i < np; i++)
		if (!str_eq(got[i], params[i]))
			abort();
	fuzz_all((struct str){ path, len });
	return 0;
}
