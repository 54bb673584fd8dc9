/*
 * fuzz_http_head.c: libFuzzer target for req_parse_head() (the FastCGI
 * params of a request) and form_parse_content_length().
 *
 * Links: app/req.c app/form.c and what they use (plus the shared replay
 * main, or clang -fsanitize=fuzzer). The input is the params
 * REQUEST_METHOD, DOCUMENT_URI, QUERY_STRING, REMOTE_ADDR, REQUEST_ID and
 * CONTENT_LENGTH separated by NUL bytes (FastCGI params are C strings; a
 * missing one is absent). Invariants checked with abort():
 *  - form_parse_content_length (the whole input up to its first NUL, with
 *    a limit from the input): APP_OK exactly for "" or all digits whose
 *    value (leading zeros aside) is at most the limit, and then the value
 *    is the number; APP_EINPUT exactly for a non-digit; APP_ETOOBIG
 *    otherwise; *out untouched on an error.
 *  - req_parse_head: APP_OK gives the method the name says, a path that
 *    is "/" for none, at most MAX_URI bytes, valid UTF-8, a query of at
 *    most MAX_QUERY bytes and the content length that
 *    form_parse_content_length() gives for the param; an error is
 *    APP_EINPUT or APP_ETOOBIG, and APP_ETOOBIG only for a length.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "app_limits.h"
#include "arena.h"
#include "form.h"
#include "req.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const fuzz_names[] = { "REQUEST_METHOD", "DOCUMENT_URI",
	"QUERY_STRING", "REMOTE_ADDR", "REQUEST_ID", "CONTENT_LENGTH" };
#define FUZZ_NPARAMS (sizeof(fuzz_names) / sizeof(fuzz_names[0]))

struct fuzz_src {
	const char *v[FUZZ_NPARAMS]; /* NULL: absent */
};

static const char *
fuzz_param(void *ctx, const char *name)
{
	struct fuzz_src *s = ctx;

	for (size_t i = 0; i < FUZZ_NPARAMS; i++)
		if (strcmp(name, fuzz_names[i]) == 0)
			return s->v[i];
	return NULL;
}

static long
fuzz_read(void *ctx, char *dst, size_t n)
{
	(void)ctx;
	(void)dst;
	(void)n;
	abort(); /* req_parse_head() never reads the body */
}

/* The reference: decimal s (digits only) compared with max; -1 when it
 * is not all digits. 1 when it is at most max, with the value in *v. */
static int
fuzz_cl_ref(const char *s, size_t max, size_t *v)
{
	size_t n = 0;
	int over = 0;

	*v = 0;
	for (const char *p = s; *p != '\0'; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		if (over)
			continue;
		if (n > (SIZE_MAX - (size_t)(*p - '0')) / 10)
			over = 1;
		else
			n = n * 10 + (size_t)(*p - '0');
	}
	*v = n;
	return !over && n <= max;
}

static void
fuzz_content_length(const char *s, size_t max)
{
	size_t out = 12345, v;
	enum app_err e = form_parse_content_length(s, max, &out);
	int ref = fuzz_cl_ref(s, max, &v);

	if (e == APP_OK) {
		if (ref != 1 || out != v)
			abort();
	} else if (out != 12345 || (e == APP_EINPUT) != (ref == -1) ||
	    (e == APP_ETOOBIG) != (ref == 0))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t limits[] = { MAX_BODY, 0, 1, 99, SIZE_MAX };
	struct fuzz_src src = { { NULL } };
	struct arena a;
	struct req r;
	char *copy;
	size_t i, k, cl;
	enum app_err e;

	if ((copy = malloc(size + 1)) == NULL)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	fuzz_content_length(copy, limits[size % 5]);

	/* The params, NUL-separated, in fuzz_names order. */
	for (i = 0, k = 0; k < FUZZ_NPARAMS && i <= size; k++) {
		src.v[k] = copy + i;
		i += strlen(copy + i) + 1;
	}
	if (!arena_init(&a, 1u << 16)) {
		free(copy);
		return 0;
	}
	memset(&r, 0, sizeof(r));
	r.a = &a;
	r.src = (struct req_source){ fuzz_param, fuzz_read, &src };
	e = req_parse_head(&r);
	if (e == APP_OK) {
		struct str m = str_cstr(src.v[0]);
		enum http_method want = str_eq_cstr(m, "GET") ? METHOD_GET
		    : str_eq_cstr(m, "HEAD")                  ? METHOD_HEAD
		    : str_eq_cstr(m, "POST")                  ? METHOD_POST
		                                              : METHOD_OTHER;

		if (r.method != want || r.path.len == 0 ||
		    r.path.len > MAX_URI || !str_utf8_valid(r.path) ||
		    str_has_nul(r.path) || r.query_raw.len > MAX_QUERY)
			abort();
		if ((src.v[1] == NULL || src.v[1][0] == '\0') &&
		    !str_eq_cstr(r.path, "/"))
			abort();
		if (form_parse_content_length(src.v[5], MAX_BODY, &cl) !=
		        APP_OK ||
		    cl != r.content_length)
			abort();
	} else if (e == APP_ETOOBIG) {
		if (fuzz_cl_ref(src.v[5] ? src.v[5] : "", MAX_BODY, &cl) != 0)
			abort();
	} else if (e != APP_EINPUT)
		abort();
	arena_free(&a);
	free(copy);
	return 0;
}
