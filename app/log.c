/* log.c: one-line log records with the request id, rate-limited; see
 * include/log.h. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static char log_reqid[65];

/* One key of the rate limit: a level, call site and text seen lately. */
struct log_key {
	uint64_t hash;            /* 0: the slot is free */
	long long window;         /* when its current window began (ms) */
	long long last;           /* its last line, written or not (ms) */
	unsigned written;         /* lines written in the current window */
	unsigned long suppressed; /* lines not written since the last summary */
	const char *level;        /* a literal */
	char msg[200];            /* the last suppressed line's text, cut */
};

static struct log_key log_keys[LOG_LIMIT_KEYS];
static int log_pending; /* some key has suppressed lines not yet told */
static pid_t log_owner; /* the process the table belongs to */
static int log_at_exit; /* log_flush() is registered with atexit() */

static long long
log_clock_real(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static long long (*log_clock)(void) = log_clock_real;

static void
log_forget(void)
{
	memset(log_keys, 0, sizeof(log_keys));
	log_pending = 0;
}

void
log_set_clock(long long (*now_ms)(void))
{
	log_clock = now_ms != NULL ? now_ms : log_clock_real;
	log_forget();
}

const char *
log_request_id(void)
{
	return log_reqid[0] ? log_reqid : "-";
}

/* The line itself, as it always looked. */
static void
log_emit(const char *level, const char *reqid, const char *msg)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;

	gmtime_r(&now, &tm);
	strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(stderr, "%s stegvis[%ld] %s req=%s: %s\n", stamp,
	    (long)getpid(), level, reqid, msg);
}

/* Tell how many lines of k were suppressed (none told yet), and reset. */
static void
log_summary(struct log_key *k)
{
	char line[320];

	if (k->suppressed == 0)
		return;
	snprintf(line, sizeof(line),
	    "%lu similar line%s suppressed, the last: %s", k->suppressed,
	    k->suppressed == 1 ? "" : "s", k->msg);
	log_emit(k->level, "-", line);
	k->suppressed = 0;
}

/* Summaries of the keys whose window has passed (all with force). */
static void
log_summaries(long long now, int force)
{
	int left = 0;

	if (!log_pending)
		return;
	for (size_t i = 0; i < LOG_LIMIT_KEYS; i++) {
		struct log_key *k = &log_keys[i];

		if (k->suppressed == 0)
			continue;
		if (force || now - k->window >= LOG_LIMIT_WINDOW_MS)
			log_summary(k);
		else
			left = 1;
	}
	log_pending = left;
}

void
log_flush(void)
{
	if (log_owner == getpid())
		log_summaries(0, 1);
}

void
log_set_request_id(const char *id)
{
	size_t i = 0;

	if (log_pending && log_owner == getpid())
		log_summaries(log_clock(), 0);
	if (id != NULL)
		/* Keep it printable: it is echoed into a log line. */
		for (; id[i] != '\0' && i < sizeof(log_reqid) - 1; i++)
			log_reqid[i] =
			    (id[i] > 0x20 && id[i] < 0x7f) ? id[i] : '?';
	log_reqid[i] = '\0';
}

/* FNV-1a of level, call site and the text with digit runs as one '#'. */
static uint64_t
log_hash(const char *level, const char *fmt, const char *msg)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	uintptr_t site = (uintptr_t)fmt;
	int digits = 0;

#define LOG_MIX(c) (h = (h ^ (unsigned char)(c)) * 0x100000001b3ULL)
	for (const char *p = level; *p != '\0'; p++)
		LOG_MIX(*p);
	for (size_t i = 0; i < sizeof(site); i++)
		LOG_MIX(site >> (8 * i));
	for (const char *p = msg; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9') {
			if (!digits)
				LOG_MIX('#');
			digits = 1;
			continue;
		}
		digits = 0;
		LOG_MIX(*p);
	}
#undef LOG_MIX
	return h != 0 ? h : 1;
}

/* The slot of hash: its own, a free one, or the one silent longest (its
 * count told first). */
static struct log_key *
log_slot(uint64_t hash, long long now)
{
	struct log_key *free = NULL, *old = NULL;

	for (size_t i = 0; i < LOG_LIMIT_KEYS; i++) {
		struct log_key *k = &log_keys[i];

		if (k->hash == hash)
			return k;
		if (k->hash == 0) {
			if (free == NULL)
				free = k;
		} else if (old == NULL || k->last < old->last)
			old = k;
	}
	if (free == NULL) {
		log_summary(old);
		free = old;
	}
	memset(free, 0, sizeof(*free));
	free->hash = hash;
	free->window = now;
	return free;
}

/* Copy msg into out (size n), cut at a UTF-8 character boundary with
 * "..." when it does not fit. */
static void
log_quote(char *out, size_t n, const char *msg)
{
	size_t len = strlen(msg);

	if (len < n) {
		memcpy(out, msg, len + 1);
		return;
	}
	len = n - 4;
	while (len > 0 && ((unsigned char)msg[len] & 0xc0) == 0x80)
		len--;
	memcpy(out, msg, len);
	memcpy(out + len, "...", 4);
}

/* Whether the line msg of (level, fmt) is written now. */
static int
log_admit(const char *level, const char *fmt, const char *msg)
{
	long long now;
	struct log_key *k;

	/* Our own bugs are never held back: make check counts them. */
	if (strncmp(msg, "BUG: ", 5) == 0)
		return 1;
	if (log_owner != getpid()) {
		/* A forked child starts with its own counts. */
		log_forget();
		log_owner = getpid();
	}
	now = log_clock();
	log_summaries(now, 0);
	k = log_slot(log_hash(level, fmt, msg), now);
	k->last = now;
	k->level = level;
	if (now - k->window >= LOG_LIMIT_WINDOW_MS) {
		log_summary(k);
		k->window = now;
		k->written = 0;
	}
	if (k->written < LOG_LIMIT_BURST) {
		k->written++;
		return 1;
	}
	k->suppressed++;
	log_quote(k->msg, sizeof(k->msg), msg);
	log_pending = 1;
	if (!log_at_exit) {
		/* A worker that stops still tells what it held back. */
		log_at_exit = atexit(log_flush) == 0;
	}
	return 0;
}

static void
log_write(const char *level, const char *fmt, va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	/* A message may quote data: never let it break the line structure. */
	for (char *p = msg; *p != '\0'; p++)
		if (*p == '\n' || *p == '\r')
			*p = ' ';
	if (log_admit(level, fmt, msg))
		log_emit(level, log_request_id(), msg);
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
