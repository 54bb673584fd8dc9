/*
 * fuzz_totp.c: libFuzzer target for totp_check_at(), the one-time code
 * check (totp_check() at a fixed time), with a fixed secret.
 *
 * Links: app/totp.c and liboath (plus the shared replay main, or clang
 * -fsanitize=fuzzer). Byte 0 picks the time (one of a few fixed ones);
 * the rest is the code as typed. Invariants checked with abort():
 *  - accepted only when the code is six digits once blanks (space, tab,
 *    '-') are dropped, equal to liboath's code for the step given, and
 *    that step is the time's or one either side;
 *  - the right code of each step of the window, with the input's blanks
 *    put in between its digits, is accepted with that step; a wrong code
 *    (each digit of the right one moved by one) is refused.
 *  - an empty secret accepts nothing.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <liboath/oath.h>

#include "str.h"
#include "totp.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char fuzz_secret[TOTP_SECRET_BYTES] = "12345678901234567890";

static int
fuzz_blank(char c)
{
	return c == ' ' || c == '\t' || c == '-';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const time_t times[] = { 59, 1111111109, 1234567890, 2000000000,
		20000000000LL };
	static int inited;
	struct str secret = { fuzz_secret, TOTP_SECRET_BYTES };
	struct str code;
	char digits[8], right[8], typed[64];
	uint64_t step = 0;
	time_t now;
	size_t n = 0;

	if (!inited) {
		if (!totp_init())
			abort();
		inited = 1;
	}
	if (size < 1)
		return 0;
	now = times[data[0] % 5];
	code = (struct str){ (const char *)data + 1, size - 1 };
	if (totp_check_at(STR_LIT(""), code, now, &step))
		abort();
	if (totp_check_at(secret, code, now, &step)) {
		for (size_t i = 0; i < code.len; i++) {
			if (fuzz_blank(code.p[i]))
				continue;
			if (code.p[i] < '0' || code.p[i] > '9' || n == 6)
				abort();
			digits[n++] = code.p[i];
		}
		if (n != 6)
			abort();
		digits[6] = '\0';
		if (step + 1 < (uint64_t)now / 30 ||
		    step > (uint64_t)now / 30 + 1 ||
		    oath_totp_generate2(fuzz_secret, TOTP_SECRET_BYTES,
		        (time_t)step * 30, 30, 0, 6, 0, right) != OATH_OK ||
		    strcmp(right, digits) != 0)
			abort();
	}
	/* The right codes of the window, typed with the input's blanks. */
	for (int d = -1; d <= 1; d++) {
		uint64_t want = (uint64_t)now / 30 + (uint64_t)(int64_t)d;
		size_t k = 0, b = 0;

		if (oath_totp_generate2(fuzz_secret, TOTP_SECRET_BYTES,
		        (time_t)want * 30, 30, 0, 6, 0, right) != OATH_OK)
			abort();
		for (size_t i = 0; i < 6; i++) {
			while (b < code.len && k < sizeof(typed) - 8 &&
			    fuzz_blank(code.p[b]))
				typed[k++] = code.p[b++];
			if (b < code.len)
				b++;
			typed[k++] = right[i];
		}
		if (!totp_check_at(
		        secret, (struct str){ typed, k }, now, &step) ||
		    step != want)
			abort();
		/* Every digit one off: no step of the window has it (the
		 * three right codes differ from it in every place only by
		 * chance; skip those). */
		for (size_t i = 0; i < k; i++)
			if (typed[i] >= '0' && typed[i] <= '9')
				typed[i] =
				    (char)('0' + (typed[i] - '0' + 1) % 10);
		if (totp_check_at(
		        secret, (struct str){ typed, k }, now, &step)) {
			char wrong[8];
			int known = 0;

			for (size_t i = 0, j = 0; i < k; i++)
				if (typed[i] >= '0' && typed[i] <= '9')
					wrong[j++] = typed[i];
			wrong[6] = '\0';
			for (int e = -1; e <= 1; e++) {
				char other[8];

				oath_totp_generate2(fuzz_secret,
				    TOTP_SECRET_BYTES,
				    (time_t)((uint64_t)now / 30 +
				        (uint64_t)(int64_t)e) *
				        30,
				    30, 0, 6, 0, other);
				known |= strcmp(other, wrong) == 0;
			}
			if (!known)
				abort();
		}
	}
	return 0;
}
