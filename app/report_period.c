/* report_period.c: which days a report covers; see include/report_period.h. */
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "report.h"
#include "report_period.h"

const char *const report_period_names[REPORT_PERIOD__MAX + 1] = {
	[REPORT_PERIOD_AR] = "ar",
	[REPORT_PERIOD_JANAUG] = "jan-aug",
	[REPORT_PERIOD_Q1] = "q1",
	[REPORT_PERIOD_Q2] = "q2",
	[REPORT_PERIOD_Q3] = "q3",
	[REPORT_PERIOD_Q4] = "q4",
	[REPORT_PERIOD_FRITT] = "fritt",
	[REPORT_PERIOD__MAX] = NULL,
};

static const char *const period_labels[REPORT_PERIOD__MAX] = {
	[REPORT_PERIOD_AR] = "Helår",
	[REPORT_PERIOD_JANAUG] = "Januari–augusti",
	[REPORT_PERIOD_Q1] = "Kvartal 1",
	[REPORT_PERIOD_Q2] = "Kvartal 2",
	[REPORT_PERIOD_Q3] = "Kvartal 3",
	[REPORT_PERIOD_Q4] = "Kvartal 4",
	[REPORT_PERIOD_FRITT] = "Fria månader",
};
_Static_assert(
    sizeof(period_labels) / sizeof(period_labels[0]) == REPORT_PERIOD__MAX,
    "period_labels[] out of sync");

/* The first and last month of each fixed period. */
static const struct {
	int first, last;
} period_months[REPORT_PERIOD__MAX] = {
	[REPORT_PERIOD_AR] = { 1, 12 },
	[REPORT_PERIOD_JANAUG] = { 1, 8 },
	[REPORT_PERIOD_Q1] = { 1, 3 },
	[REPORT_PERIOD_Q2] = { 4, 6 },
	[REPORT_PERIOD_Q3] = { 7, 9 },
	[REPORT_PERIOD_Q4] = { 10, 12 },
	[REPORT_PERIOD_FRITT] = { 0, 0 },
};

static const char *const span_messages[REPORT_SPAN__MAX] = {
	[REPORT_SPAN_OK] = "",
	[REPORT_SPAN_BACKWARDS] = "Sista månaden kan inte vara före den "
	                          "första.",
	[REPORT_SPAN_TOO_LONG] = "Perioden kan vara högst tio år.",
};

const char *
report_period_name(enum report_period p)
{
	return p < REPORT_PERIOD__MAX ? report_period_names[p] : "";
}

const char *
report_period_label(enum report_period p)
{
	return p < REPORT_PERIOD__MAX ? period_labels[p] : "";
}

int
report_period_span(enum report_period p, int year, struct report_span *out)
{
	if (p >= REPORT_PERIOD__MAX || period_months[p].first == 0)
		return 0;
	out->fy = out->ty = year;
	out->fm = period_months[p].first;
	out->tm = period_months[p].last;
	return 1;
}

enum report_span_err
report_span_check(const struct report_span *s)
{
	long long a = s->fy * 12LL + s->fm, b = s->ty * 12LL + s->tm;

	if (b < a)
		return REPORT_SPAN_BACKWARDS;
	if (b - a + 1 > REPORT_MAX_MONTHS)
		return REPORT_SPAN_TOO_LONG;
	return REPORT_SPAN_OK;
}

const char *
report_span_message(enum report_span_err e)
{
	return e < REPORT_SPAN__MAX ? span_messages[e] : "";
}

void
report_span_dates(const struct report_span *s, char *from, char *to)
{
	/* Valid months: the bounds only keep the output in 11 bytes. */
	(void)snprintf(from, 11, "%04u-%02u-01", (unsigned)s->fy % 10000u,
	    (unsigned)s->fm % 100u);
	(void)snprintf(to, 11, "%04u-%02u-%02u", (unsigned)s->ty % 10000u,
	    (unsigned)s->tm % 100u,
	    (unsigned)report_month_days(s->ty, s->tm) % 100u);
}

int
report_month_parse(struct str s, int *y, int *m)
{
	char day[16];
	int d;

	if (s.len != 7)
		return 0;
	memcpy(day, s.p, 7);
	memcpy(day + 7, "-01", 4);
	return date_parse_iso(str_cstr(day), y, m, &d);
}

int
report_default_year(struct str period_end, int this_year)
{
	int y, m, d;

	if (period_end.len > 0 && date_parse_iso(period_end, &y, &m, &d) &&
	    y < this_year)
		return y;
	return this_year;
}

int
report_month_days(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	if (m < 1 || m > 12)
		return 0;
	return d[m - 1] + (m == 2 && leap);
}
