/* date.c: calendar dates; see include/date.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "date.h"

void
date_use_swedish_zone(void)
{
	setenv("TZ", DATE_ZONE, 1);
	tzset();
}

void
date_today(int *y, int *m, int *d)
{
	time_t now = time(NULL);
	struct tm tm;

	localtime_r(&now, &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
}

void
date_today_iso(char *buf, size_t n)
{
	int y, m, d;

	date_today(&y, &m, &d);
	snprintf(buf, n, "%04d-%02d-%02d", y, m, d);
}

static int
date_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_parse_iso(struct str s, int *y, int *m, int *d)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
		30, 31 };
	int v[3] = { 0, 0, 0 };
	static const size_t pos[3][2] = { { 0, 4 }, { 5, 7 }, { 8, 10 } };

	if (s.len != 10 || s.p[4] != '-' || s.p[7] != '-')
		return 0;
	for (int k = 0; k < 3; k++)
		for (size_t i = pos[k][0]; i < pos[k][1]; i++) {
			if (s.p[i] < '0' || s.p[i] > '9')
				return 0;
			v[k] = v[k] * 10 + (s.p[i] - '0');
		}
	if (v[0] < 1900 || v[1] < 1 || v[1] > 12 || v[2] < 1 ||
	    v[2] > mdays[v[1] - 1] + (v[1] == 2 && date_leap(v[0])))
		return 0;
	*y = v[0];
	*m = v[1];
	*d = v[2];
	return 1;
}

long
date_days(int y, int m, int d)
{
	/* Howard Hinnant's days_from_civil. */
	long yy = y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The decimal digits s[at..at+len) into *v; 0 if any is not a digit. */
static int
digits(struct str s, size_t at, size_t len, int *v)
{
	*v = 0;
	for (size_t i = at; i < at + len; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return 0;
		*v = *v * 10 + (s.p[i] - '0');
	}
	return 1;
}

int
date_utc_to_local(struct str utc, char *out, size_t n)
{
	int y, mo, d, h, mi, sec = 0, with_seconds = utc.len == 19;
	struct tm tm = { 0 };
	time_t t;

	if (n > 0)
		out[0] = '\0';
	if (n < 20 || (utc.len != 16 && utc.len != 19) || utc.p[10] != ' ' ||
	    utc.p[13] != ':' || (with_seconds && utc.p[16] != ':'))
		return 0;
	if (!date_parse_iso((struct str){ utc.p, 10 }, &y, &mo, &d) ||
	    !digits(utc, 11, 2, &h) || !digits(utc, 14, 2, &mi) ||
	    (with_seconds && !digits(utc, 17, 2, &sec)) || h > 23 || mi > 59 ||
	    sec > 59)
		return 0;
	/* Seconds since the epoch by the calendar alone (the input is UTC),
	 * then the process's zone (Europe/Stockholm) for the shown form. */
	t = (time_t)date_days(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
	/* The last hours of 9999 are in year 10000 in Sweden: not the
	 * shape, so not shown (written, it would not fit in 20 bytes). */
	if (localtime_r(&t, &tm) == NULL || tm.tm_year + 1900 > 9999)
		return 0;
	if (with_seconds)
		snprintf(out, n, "%04d-%02d-%02d %02d:%02d:%02d",
		    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		    tm.tm_min, tm.tm_sec);
	else
		snprintf(out, n, "%04d-%02d-%02d %02d:%02d", tm.tm_year + 1900,
		    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
	return 1;
}

int
date_utc_local_str(
    struct arena *a, struct str utc, int day_only, struct str *out)
{
	char buf[20];
	char *p;

	*out = STR_LIT("");
	if (utc.len == 0)
		return 1;
	if (!date_utc_to_local(utc, buf, sizeof(buf)))
		return 0;
	if (day_only)
		buf[10] = '\0';
	if ((p = arena_memdup(a, buf, strlen(buf))) == NULL)
		return -1;
	*out = (struct str){ p, strlen(buf) };
	return 1;
}

struct str
date_local_time(struct arena *a, struct str utc)
{
	struct str t;

	date_utc_local_str(a, utc, 0, &t);
	return t;
}

int
date_local_day_start_utc(struct str day, int add_days, char *out, size_t n)
{
	struct tm tm = { 0 };
	int y, m, d;
	time_t t;

	if (n > 0)
		out[0] = '\0';
	if (n < 20 || !date_parse_iso(day, &y, &m, &d))
		return 0;
	/* Midnight of that day in the process's zone (Swedish), the day
	 * count normalised by mktime(); then the UTC time of that instant. */
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d + add_days;
	tm.tm_isdst = -1;
	if ((t = mktime(&tm)) == (time_t)-1 || gmtime_r(&t, &tm) == NULL)
		return 0;
	snprintf(out, n, "%04d-%02d-%02d %02d:%02d:%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
	return 1;
}
