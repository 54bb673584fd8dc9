/*
 * date.h: calendar dates as the förbund sees them (Europe/Stockholm).
 */
#ifndef DATE_H
#define DATE_H

#include <stddef.h>

#include "str.h"

/* Today's date in Sweden (the TZ of the process; the service sets
 * TZ=Europe/Stockholm). */
void date_today(int *y, int *m, int *d);

/* Today as "ÅÅÅÅ-MM-DD" into buf (at least 11 bytes). */
void date_today_iso(char *buf, size_t n);

/* Parse a strict "ÅÅÅÅ-MM-DD" real calendar date; 1 on success. */
int date_parse_iso(struct str s, int *y, int *m, int *d);

/* Days from 1970-01-01 (proleptic Gregorian), for comparisons and sums. */
long date_days(int y, int m, int d);

#endif /* !DATE_H */
