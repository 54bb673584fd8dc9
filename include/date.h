/*
 * date.h: calendar dates as the förbund sees them (Europe/Stockholm).
 */
#ifndef DATE_H
#define DATE_H

#include <stddef.h>

#include "str.h"

struct arena;

/* The zone every date and time is shown in; storage stays UTC. */
#define DATE_ZONE "Europe/Stockholm"

/* The words that label a shown time as Swedish (DATE_ZONE) time. */
#define DATE_ZONE_LABEL "svensk tid"

/* Make DATE_ZONE the process's local time (TZ, then tzset()); main() calls
 * it first, so "today" and every shown time are Swedish wherever the
 * process runs. */
void date_use_swedish_zone(void);

/* Today's date in Sweden (the process's zone: date_use_swedish_zone()). */
void date_today(int *y, int *m, int *d);

/* Today as "ÅÅÅÅ-MM-DD" into buf (at least 11 bytes). */
void date_today_iso(char *buf, size_t n);

/* Parse a strict "ÅÅÅÅ-MM-DD" real calendar date; 1 on success. */
int date_parse_iso(struct str s, int *y, int *m, int *d);

/*
 * A UTC time as the database gives it, "ÅÅÅÅ-MM-DD HH:MM" or
 * "ÅÅÅÅ-MM-DD HH:MM:SS", written into out (at least 20 bytes) as the same
 * shape in Swedish time (daylight saving included). 1 on success; an
 * empty or malformed input writes "" and returns 0, so a value that never
 * was a time is not shown as one; so does a time in the last hours of
 * 9999, which is in year 10000 in Sweden.
 */
int date_utc_to_local(struct str utc, char *out, size_t n);

/*
 * As date_utc_to_local(), into the arena: *out is the whole time in
 * Swedish time (day_only 0) or only its Swedish calendar day "ÅÅÅÅ-MM-DD"
 * (day_only 1; a UTC time's own date is the wrong day near midnight). An
 * empty input gives "" and 1; a malformed one "" and 0; no memory "" and
 * -1. The one conversion behind the record types DB_F_UTC_TIME and
 * DB_F_UTC_DAY (db.h) and the readers of time cells without a record.
 */
int date_utc_local_str(
    struct arena *a, struct str utc, int day_only, struct str *out);

/* The whole time of date_utc_local_str() for a reader without a record (a
 * grid, a CSV writer): "" when utc is empty, malformed or memory ran out.
 * Arena. */
struct str date_local_time(struct arena *a, struct str utc);

/*
 * The UTC time "ÅÅÅÅ-MM-DD HH:MM:SS" (into out, at least 20 bytes) at which
 * the Swedish day "ÅÅÅÅ-MM-DD" plus add_days begins: the bound of a period
 * of Swedish days over UTC times (x >= start of the first day and
 * x < start of the day after the last). 1 on success; a malformed day
 * writes "" and returns 0.
 */
int date_local_day_start_utc(struct str day, int add_days, char *out, size_t n);

/* Days from 1970-01-01 (proleptic Gregorian), for comparisons and sums. */
long date_days(int y, int m, int d);

#endif /* !DATE_H */
