/*
 * fuzz_session_token.c: libFuzzer target for how a request names its
 * caller: the session and tablet cookies' tokens (form_parse_cookies(),
 * then session_token_ok() as session_load() reads them), the bearer token
 * of an Authorization value (session_bearer_token()) and the SSO param's
 * user name (auth_username()).
 *
 * Links: app/session.c app/auth.c app/form.c and what they use (plus the
 * shared replay main, or clang -fsanitize=fuzzer). The whole input is
 * tried as a Cookie header, as an Authorization value and as a user name.
 * Invariants checked with abort():
 *  - a token is accepted exactly when it is 64 lower-case hex characters;
 *    a cookie's token is the first value of its name;
 *  - a bearer token is the rest of "Bearer " (any case) and well-formed;
 *    a refused one leaves the token empty;
 *  - auth_username: at most 64 bytes, NUL-terminated, no byte outside
 *    '!'..'~' and no upper case; plausible exactly when the trimmed input
 *    is 1..64 printable ASCII bytes, and then it is that input
 *    lower-cased.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "auth.h"
#include "form.h"
#include "req.h"
#include "session.h"
#include "str.h"
#include "tablet.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
fuzz_hex64(struct str s)
{
	if (s.len != 2 * SESSION_TOKEN_BYTES)
		return 0;
	for (size_t i = 0; i < s.len; i++)
		if (!((s.p[i] >= '0' && s.p[i] <= '9') ||
		        (s.p[i] >= 'a' && s.p[i] <= 'f')))
			return 0;
	return 1;
}

static void
fuzz_cookies(struct arena *a, struct str in)
{
	static const char *const names[] = { SESSION_COOKIE, TABLET_COOKIE };
	struct kv_list l;

	if (form_parse_cookies(a, in, &l) != APP_OK)
		return;
	for (size_t k = 0; k < 2; k++) {
		const struct str *tok = kv_get(&l, names[k]);

		if (session_token_ok(tok) != (tok != NULL && fuzz_hex64(*tok)))
			abort();
		for (size_t i = 0; tok != NULL && i < l.n; i++)
			if (str_eq_cstr(l.v[i].key, names[k])) {
				if (&l.v[i].val != tok)
					abort();
				break;
			}
	}
}

static void
fuzz_bearer(struct str in)
{
	struct str tok = STR_LIT("x");
	int ok = session_bearer_token(in, &tok);
	int want = in.len > 7 && strncasecmp(in.p, "Bearer ", 7) == 0 &&
	    fuzz_hex64((struct str){ in.p + 7, in.len - 7 });

	if (ok != want)
		abort();
	if (ok ? tok.p != in.p + 7 || tok.len != in.len - 7 : tok.len != 0)
		abort();
}

static void
fuzz_username(struct arena *a, struct str in)
{
	struct req r;
	struct str out, t = str_trim_blanks(in);
	int plausible, want;

	memset(&r, 0, sizeof(r));
	r.a = a;
	plausible = auth_username(&r, in, &out);
	if (out.p == NULL || out.len > 64 || out.p[out.len] != '\0')
		abort();
	for (size_t i = 0; i < out.len; i++)
		if (out.p[i] < '!' || out.p[i] > '~' ||
		    (out.p[i] >= 'A' && out.p[i] <= 'Z'))
			abort();
	want = t.len > 0 && t.len <= 64;
	for (size_t i = 0; want && i < t.len; i++)
		want = t.p[i] >= '!' && t.p[i] <= '~';
	if (plausible != want)
		abort();
	if (!plausible)
		return;
	if (out.len != t.len || strncasecmp(out.p, t.p, t.len) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str in = { size ? (const char *)data : "", size };
	struct arena a;

	if (session_token_ok(NULL))
		abort();
	if (session_token_ok(&in) != fuzz_hex64(in))
		abort();
	fuzz_bearer(in);
	if (!arena_init(&a, 1u << 20))
		return 0;
	fuzz_cookies(&a, in);
	fuzz_username(&a, in);
	arena_free(&a);
	return 0;
}
