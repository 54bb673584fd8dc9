/*
 * fuzz_pnr.c: libFuzzer target for pnr_parse().
 *
 * Links: app/pnr.c app/str.c (plus the shared replay main, or clang
 * -fsanitize=fuzzer). Every input is parsed with two fixed "todays" (an
 * ordinary day and a leap day at a century boundary). Invariants checked
 * with abort():
 *  - success: digits are 12 ASCII digits and a NUL; the Luhn digit holds;
 *    the fields agree with the digits and form a real date that is not
 *    after today; the person turns 0..199 this year; the serial is not 000;
 *    the trimmed input was 10..13 bytes of digits and at most one '-' or
 *    '+'; pnr_format() and pnr_format_short() both parse back to the same
 *    digits.
 *  - failure: one of the documented messages, and *out all zero bytes.
 *  - the same input always gives the same answer.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pnr.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const messages[] = {
	"Ange personnumret som ÅÅÅÅMMDD-NNNN.",
	"Använd bindestreck med fyrsiffrigt årtal: ÅÅÅÅMMDD-NNNN.",
	"Datumet i personnumret finns inte.",
	"Personnumret ligger i framtiden.",
	"Födelseåret i personnumret ligger för långt tillbaka.",
	"De tre siffrorna efter datumet kan inte vara 000.",
	"Kontrollsiffran stämmer inte.",
};

static const struct {
	int y, m, d;
} todays[] = {
	{ 2025, 6, 15 },
	{ 2000, 2, 29 },
};

static int
fz_digits(const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	return 1;
}

static int
fz_val(const char *p, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (p[i] - '0');
	return v;
}

static int
fz_mdays(int y, int m)
{
	static const int d[13] = { 0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m];
}

static void
check_ok(struct str in, const struct pnr *p, int ty, int tm, int td)
{
	struct str t = str_trim_blanks(in);
	char buf[PNR_FORMAT_LEN], sbuf[PNR_SHORT_LEN];
	struct pnr q;
	size_t seps = 0;
	int dd;

	/* what was accepted */
	if (t.len < 10 || t.len > 13)
		abort();
	for (size_t i = 0; i < t.len; i++) {
		if (t.p[i] == '-' || t.p[i] == '+')
			seps++;
		else if (t.p[i] < '0' || t.p[i] > '9')
			abort();
	}
	if (seps > 1 || (seps == 1) != (t.len == 11 || t.len == 13))
		abort();

	/* the canonical digits and the fields */
	if (!fz_digits(p->digits, 12) || p->digits[12] != '\0')
		abort();
	if (!pnr_luhn_ok(p->digits + 2) || memcmp(p->digits + 8, "000", 3) == 0)
		abort();
	dd = fz_val(p->digits + 6, 2);
	if (p->year != fz_val(p->digits, 4) ||
	    p->month != fz_val(p->digits + 4, 2) ||
	    p->day != (dd > 60 ? dd - 60 : dd) ||
	    p->kind != (dd > 60 ? PNR_SAMORDNINGSNUMMER : PNR_PERSONNUMMER) ||
	    p->odd_serial != (p->digits[10] - '0') % 2)
		abort();
	if (p->month < 1 || p->month > 12 || p->day < 1 ||
	    p->day > fz_mdays(p->year, p->month))
		abort();
	if (p->year * 10000 + p->month * 100 + p->day >
	    ty * 10000 + tm * 100 + td)
		abort();
	if (ty - p->year < 0 || ty - p->year > 199)
		abort();
	if (pnr_age(p, ty, tm, td) < 0 || pnr_age(p, ty, tm, td) > 199)
		abort();
	/* the ten digits typed are the ten digits kept */
	if (memcmp(t.p + (t.len >= 12 ? 2 : 0), p->digits + 2, 6) != 0 ||
	    memcmp(t.p + t.len - 4, p->digits + 8, 4) != 0 ||
	    (t.len >= 12 && memcmp(t.p, p->digits, 2) != 0))
		abort();

	/* both printed forms round-trip */
	pnr_format(p, buf, sizeof(buf));
	if (buf[8] != '-' || buf[13] != '\0')
		abort();
	if (pnr_parse((struct str){ buf, 13 }, ty, tm, td, &q) != NULL ||
	    memcmp(&q, p, sizeof(q)) != 0)
		abort();
	pnr_format_short(p, ty, sbuf, sizeof(sbuf));
	if (sbuf[6] != (ty - p->year >= 100 ? '+' : '-') || sbuf[11] != '\0')
		abort();
	if (pnr_parse((struct str){ sbuf, 11 }, ty, tm, td, &q) != NULL ||
	    memcmp(&q, p, sizeof(q)) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str in = { (const char *)data, size };

	for (size_t k = 0; k < sizeof(todays) / sizeof(todays[0]); k++) {
		int ty = todays[k].y, tm = todays[k].m, td = todays[k].d;
		struct pnr p, again;
		const char *msg, *msg2;
		size_t i;

		memset(&p, 0xa5, sizeof(p));
		msg = pnr_parse(in, ty, tm, td, &p);
		msg2 = pnr_parse(in, ty, tm, td, &again);
		if (msg != msg2 || memcmp(&p, &again, sizeof(p)) != 0)
			abort();
		if (msg == NULL) {
			check_ok(in, &p, ty, tm, td);
			continue;
		}
		for (i = 0; i < sizeof(messages) / sizeof(messages[0]); i++)
			if (strcmp(msg, messages[i]) == 0)
				break;
		if (i == sizeof(messages) / sizeof(messages[0]))
			abort();
		for (i = 0; i < sizeof(p); i++)
			if (((const unsigned char *)&p)[i] != 0)
				abort();
	}
	return 0;
}
