/*
 * log.h: one-line log records on stderr, each carrying the request id.
 *
 * Workers set the current request id at the top of each request; nginx's
 * $request_id arrives as the FastCGI param REQUEST_ID. stderr goes to the
 * service log (journald, or var/log/stegvis.log for the private stack).
 */
#ifndef LOG_H
#define LOG_H

/* Set the request id printed in every line until the next call; NULL or
 * "" clears it. The string is copied (at most 64 bytes, printable ASCII). */
void log_set_request_id(const char *id);

/* The current request id, "-" when none. Borrowed. */
const char *log_request_id(void);

/* Write "TIME stegvis[PID] LEVEL req=ID: message\n" to stderr. */
void log_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void log_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif /* !LOG_H */
