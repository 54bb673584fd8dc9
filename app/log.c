/* log.c: one-line log records with the request id; see include/log.h. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static char log_reqid[65];

void
log_set_request_id(const char *id)
{
	size_t i = 0;

	if (id != NULL)
		/* Keep it printable: it is echoed into a log line. */
		for (; id[i] != '\0' && i < sizeof(log_reqid) - 1; i++)
			log_reqid[i] =
			    (id[i] > 0x20 && id[i] < 0x7f) ? id[i] : '?';
	log_reqid[i] = '\0';
}

const char *
log_request_id(void)
{
	return log_reqid[0] ? log_reqid : "-";
}

static void
log_write(const char *level, const char *fmt, va_list ap)
{
	char msg[1024], stamp[32];
	time_t now = time(NULL);
	struct tm tm;

	vsnprintf(msg, sizeof(msg), fmt, ap);
	/* A message may quote data: never let it break the line structure. */
	for (char *p = msg; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(stderr, "%s stegvis[%ld] %s req=%s: %s\n", stamp,
	    (long)getpid(), level, log_request_id(), msg);
}

void
log_info(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_write("info", fmt, ap);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_write("warn", fmt, ap);
	va_end(ap);
}

void
log_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	log_write("error", fmt, ap);
	va_end(ap);
}
