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
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "public_host.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char out[PUBLIC_HOST_MAX + 1], again[PUBLIC_HOST_MAX + 1], *in;
	size_t n;

	if ((in = malloc(size + 1)) == NULL)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0';
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
