/*
 * fuzz_public_host.c: libFuzzer target for public_host_of()
 * (app/public_host.c), the Host header's name.
 *
 * Links: app/public_host.c (plus the shared replay main, or clang
 * -fsanitize=fuzzer). The input, cut at its first NUL, is read. Invariants
 * checked with abort():
 *  - a name: 1..PUBLIC_HOST_MAX bytes of a-z 0-9 . -, not starting or
 *    ending with . or -, and the input's prefix up to ':' the same name
 *    ignoring case;
 *  - none: out is "";
 *  - reading the name again gives the same name.
 * And public_host_url() with the input as base_url and "x.se" as the host,
 * in the room the header promises: either out is "" (refused), or it is
 * the input's scheme and "://", "x.se", then a tail of the input (the
 * port and path), never longer than the room.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "public_host.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
url_check(const char *in)
{
	size_t room = strlen(in) + 4 + 1, n, scheme, tail;
	const char *auth = strstr(in, "://");
	char *url;

	if ((url = malloc(room)) == NULL)
		return;
	if (!public_host_url(in, STR_LIT("x.se"), url, room)) {
		if (url[0] != '\0')
			abort();
		free(url);
		return;
	}
	n = strlen(url);
	if (auth == NULL || n >= room)
		abort();
	scheme = (size_t)(auth + 3 - in);
	if (n < scheme + 4 || strncmp(url, in, scheme) != 0 ||
	    strncmp(url + scheme, "x.se", 4) != 0)
		abort();
	tail = n - scheme - 4;
	if (strcmp(url + scheme + 4, in + strlen(in) - tail) != 0)
		abort();
	free(url);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char out[PUBLIC_HOST_MAX + 1], again[PUBLIC_HOST_MAX + 1], *in;
	size_t n;

	if ((in = malloc(size + 1)) == NULL)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';
	url_check(in);
	if (!public_host_of(in, out)) {
		if (out[0] != '\0')
			abort();
		free(in);
		return 0;
	}
	n = strlen(out);
	if (n == 0 || n > PUBLIC_HOST_MAX ||
	    strspn(out, "abcdefghijklmnopqrstuvwxyz0123456789.-") != n ||
	    strchr(".-", out[0]) != NULL || strchr(".-", out[n - 1]) != NULL)
		abort();
	if (strncasecmp(in, out, n) != 0 || (in[n] != '\0' && in[n] != ':'))
		abort();
	if (!public_host_of(out, again) || strcmp(out, again) != 0)
		abort();
	free(in);
	return 0;
}
