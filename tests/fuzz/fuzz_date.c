/*
 * fuzz_date.c: libFuzzer target for the date parsers: date_parse_iso(),
 * date_utc_to_local() and the report's free months (report_month_parse(),
 * report_span_check(), report_span_dates(), report_default_year()).
 *
 * Links: app/date.c app/report_period.c and what they use (plus the shared
 * replay main, or clang -fsanitize=fuzzer). The whole input is tried as
 * each kind of value. Invariants checked with abort():
 *  - date_parse_iso: accepted only as exactly "ÅÅÅÅ-MM-DD" (digits and two
 *    dashes) of a real date from 1900 on, and the parts printed again
 *    give the input back.
 *  - date_utc_to_local (in Europe/Stockholm, as main() sets it): an
 *    accepted time is written in the same shape and length as the input,
 *    NUL-terminated, and its own date part parses; the local time is one
 *    or two hours after UTC. A refused one leaves "". A short buffer is
 *    never overrun.
 *  - report_month_parse: accepted only as "ÅÅÅÅ-MM", printed back equal;
 *    a span of two parsed months passes report_span_check() exactly when
 *    it runs forward and is at most REPORT_MAX_MONTHS long, and its dates
 *    parse, the first the 1st, the last the month's last day.
 *  - report_default_year: the year of a parsed past end, else this year.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "report.h"
#include "report_period.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
fuzz_shape(struct str s, const char *shape)
{
	size_t n = strlen(shape);

	if (s.len != n)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (shape[i] == '9' ? (s.p[i] < '0' || s.p[i] > '9')
		                    : s.p[i] != shape[i])
			return 0;
	}
	return 1;
}

static void
fuzz_iso(struct str s)
{
	char back[32];
	int y = 0, m = 0, d = 0;

	if (!date_parse_iso(s, &y, &m, &d))
		return;
	if (!fuzz_shape(s, "9999-99-99") || y < 1900 || m < 1 || m > 12 ||
	    d < 1 || d > report_month_days(y, m))
		abort();
	snprintf(back, sizeof(back), "%04d-%02d-%02d", y, m, d);
	if (!str_eq_cstr(s, back))
		abort();
}

static void
fuzz_local(struct str s)
{
	char out[20], small[8];
	int y, m, d, hh, mm, lhh, lmm;
	long diff;

	memset(small, 'x', sizeof(small));
	if (date_utc_to_local(s, small, sizeof(small)) || small[0] != '\0')
		abort();
	if (!date_utc_to_local(s, out, sizeof(out))) {
		if (out[0] != '\0')
			abort();
		return;
	}
	if (strlen(out) != s.len ||
	    !(fuzz_shape(s, "9999-99-99 99:99") ||
	        fuzz_shape(s, "9999-99-99 99:99:99")) ||
	    !(fuzz_shape(str_cstr(out), "9999-99-99 99:99") ||
	        fuzz_shape(str_cstr(out), "9999-99-99 99:99:99")))
		abort();
	if (s.len == 19 && memcmp(s.p + 16, out + 16, 3) != 0)
		abort();
	/* Sweden is UTC+1 or UTC+2: the shown time is that far ahead. */
	if (!date_parse_iso((struct str){ s.p, 10 }, &y, &m, &d))
		abort();
	hh = (s.p[11] - '0') * 10 + (s.p[12] - '0');
	mm = (s.p[14] - '0') * 10 + (s.p[15] - '0');
	diff = -(date_days(y, m, d) * 1440 + hh * 60 + mm);
	if (!date_parse_iso((struct str){ out, 10 }, &y, &m, &d))
		abort();
	lhh = (out[11] - '0') * 10 + (out[12] - '0');
	lmm = (out[14] - '0') * 10 + (out[15] - '0');
	diff += date_days(y, m, d) * 1440 + lhh * 60 + lmm;
	if (diff != 60 && diff != 120)
		abort();
}

static void
fuzz_month(struct str a, struct str b)
{
	char back[16], from[16], to[16];
	struct report_span sp;
	int y, m, y2, m2, d, months, ok;

	if (!report_month_parse(a, &y, &m))
		return;
	if (!fuzz_shape(a, "9999-99") || m < 1 || m > 12 || y < 1900)
		abort();
	snprintf(back, sizeof(back), "%04d-%02d", y, m);
	if (!str_eq_cstr(a, back))
		abort();
	if (!report_month_parse(b, &y2, &m2))
		return;
	sp = (struct report_span){ y, m, y2, m2 };
	months = (y2 - y) * 12 + (m2 - m) + 1;
	ok = report_span_check(&sp) == REPORT_SPAN_OK;
	if (ok != (months >= 1 && months <= REPORT_MAX_MONTHS))
		abort();
	if (!ok) {
		if (report_span_message(report_span_check(&sp))[0] == '\0')
			abort();
		return;
	}
	report_span_dates(&sp, from, to);
	if (!date_parse_iso(str_cstr(from), &y, &m, &d) || d != 1 ||
	    y != sp.fy || m != sp.fm)
		abort();
	if (!date_parse_iso(str_cstr(to), &y, &m, &d) || y != sp.ty ||
	    m != sp.tm || d != report_month_days(y, m))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int zoned;
	struct str s = { (const char *)data, size };
	const uint8_t *bar;
	int y, m, d, year;

	if (!zoned) {
		date_use_swedish_zone();
		zoned = 1;
	}
	fuzz_iso(s);
	fuzz_local(s);
	/* "A|B": the free months from A to B. */
	bar = memchr(data, '|', size);
	if (bar != NULL)
		fuzz_month((struct str){ s.p, (size_t)(bar - data) },
		    (struct str){ (const char *)bar + 1,
		        size - (size_t)(bar - data) - 1 });
	else
		fuzz_month(s, s);
	year = report_default_year(s, 2025);
	if (size > 0 && date_parse_iso(s, &y, &m, &d) && y < 2025
	        ? year != y
	        : year != 2025)
		abort();
	return 0;
}
