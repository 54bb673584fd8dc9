/*
 * fuzz_signature.c: libFuzzer target for signature_path_valid().
 *
 * Invariants checked with abort():
 *  - accepted input holds only 'M', 'L', digits, '.' and ' ', starts with
 *    'M', is at most SIGNATURE_MAX_BYTES, has at least SIGNATURE_MIN_POINTS
 *    points, and the point count equals the number of command letters;
 *  - accepted input holds no character that could end an HTML attribute;
 *  - the same input always gives the same answer.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "signature.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str d = { (const char *)data, size };
	size_t points = 0, again = 0, letters = 0;
	int ok = signature_path_valid(d, &points);

	if (signature_path_valid(d, &again) != ok || again != points)
		abort();
	if (!ok) {
		if (points != 0)
			abort();
		return 0;
	}
	if (size == 0 || size > SIGNATURE_MAX_BYTES || data[0] != 'M' ||
	    points < SIGNATURE_MIN_POINTS)
		abort();
	for (size_t i = 0; i < size; i++) {
		uint8_t c = data[i];
		if (c == 'M' || c == 'L')
			letters++;
		else if (!(c == ' ' || c == '.' || (c >= '0' && c <= '9')))
			abort();
	}
	if (letters != points)
		abort();
	return 0;
}
