/*
 * log.h: one-line log records on stderr, each carrying the request id.
 *
 * Workers set the current request id at the top of each request; nginx's
 * $request_id arrives as the FastCGI param REQUEST_ID. stderr goes to the
 * service log (journald, or var/log/stegvis.log for the private stack).
 *
 * Repeats are rate-limited, per process, so that an outage (the database
 * gone, a full disk) under load cannot flood the log: a busy server once
 * wrote 7 466 lines in 12 s. A line's key is its level, its call site (the
 * format string) and its text with every run of digits taken as one (ids,
 * ports and counts do not make a line new). Each key may write
 * LOG_LIMIT_BURST lines per LOG_LIMIT_WINDOW_MS; the rest are counted, not
 * written, and once that window has passed one line says how many were
 * suppressed and quotes the last. So the first occurrence of every
 * distinct message is always written. A line starting "BUG: " is never
 * limited (make check fails on any of them).
 */
#ifndef LOG_H
#define LOG_H

#define LOG_LIMIT_BURST     5    /* lines per key per window */
#define LOG_LIMIT_WINDOW_MS 1000 /* the window */
#define LOG_LIMIT_KEYS      64   /* keys remembered; the oldest goes */

/* Set the request id printed in every line until the next call; NULL or
 * "" clears it. The string is copied (at most 64 bytes, printable ASCII).
 * Also writes the summary line of every key whose window has passed with
 * lines suppressed (a request boundary is a natural moment for it). */
void log_set_request_id(const char *id);

/* The current request id, "-" when none. Borrowed. */
const char *log_request_id(void);

/* Write "TIME stegvis[PID] LEVEL req=ID: message\n" to stderr, unless the
 * rate limit above suppresses it. */
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Write the pending summary lines now, whatever the windows (at exit). */
void log_flush(void);

/* For the unit tests: read time (milliseconds, any origin, never going
 * back) from now_ms instead of CLOCK_MONOTONIC; NULL restores it. Also
 * forgets every key. */
void log_set_clock(long long (*now_ms)(void));

#endif /* !LOG_H */
