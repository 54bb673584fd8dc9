/* date.c: calendar dates; see include/date.h. */
#include <stdio.h>
#include <time.h>

#include "date.h"

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
