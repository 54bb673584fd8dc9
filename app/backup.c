/* backup.c: the pure rules of backup and restore; see include/backup.h. */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "backup.h"

int
backup_name(time_t t, char *buf, size_t len)
{
	struct tm tm;

	if (len < BACKUP_NAME_LEN + 1 || gmtime_r(&t, &tm) == NULL)
		return 0;
	return strftime(buf, len, BACKUP_PREFIX "%Y%m%dT%H%M%SZ" BACKUP_SUFFIX,
	           &tm) == BACKUP_NAME_LEN;
}

/* The n digits at p as a number, or -1 when one is not a digit. */
static int
backup_digits(const char *p, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	return v;
}

int
backup_name_time(const char *name, time_t *t)
{
	static const char pre[] = BACKUP_PREFIX, suf[] = BACKUP_SUFFIX;
	const char *s;
	struct tm tm;
	char again[BACKUP_NAME_LEN + 1];
	time_t v;

	if (strlen(name) != BACKUP_NAME_LEN ||
	    strncmp(name, pre, sizeof(pre) - 1) != 0 ||
	    strcmp(name + BACKUP_NAME_LEN - (sizeof(suf) - 1), suf) != 0)
		return 0;
	s = name + sizeof(pre) - 1; /* YYYYMMDDTHHMMSSZ */
	if (s[8] != 'T' || s[15] != 'Z')
		return 0;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = backup_digits(s, 4) - 1900;
	tm.tm_mon = backup_digits(s + 4, 2) - 1;
	tm.tm_mday = backup_digits(s + 6, 2);
	tm.tm_hour = backup_digits(s + 9, 2);
	tm.tm_min = backup_digits(s + 11, 2);
	tm.tm_sec = backup_digits(s + 13, 2);
	if (tm.tm_year < 0 || tm.tm_mon < 0 || tm.tm_mday < 0 ||
	    tm.tm_hour < 0 || tm.tm_min < 0 || tm.tm_sec < 0)
		return 0;
	if ((v = timegm(&tm)) == (time_t)-1)
		return 0;
	/* 20261332T... would normalise to another day: not a name we make. */
	if (!backup_name(v, again, sizeof(again)) || strcmp(again, name) != 0)
		return 0;
	*t = v;
	return 1;
}

int
backup_rule_caps(struct str code)
{
	static const char rules[] = BACKUP_CAPPING_RULES;
	const char *p = rules;

	while (*p != '\0') {
		size_t n = strcspn(p, ",");

		if (n == code.len && memcmp(p, code.p, n) == 0)
			return 1;
		p += n;
		if (*p == ',')
			p++;
	}
	return 0;
}

unsigned
backup_keep_days(unsigned conf_days, int have_gallring, long long gallring_min)
{
	unsigned d = conf_days;

	if (have_gallring && gallring_min < (long long)d)
		d = gallring_min < 1 ? 1 : (unsigned)gallring_min;
	return d < 1 ? 1 : d;
}

size_t
backup_prune(const char *const *names, size_t n, time_t now, unsigned keep_days,
    int *remove)
{
	time_t cutoff = now - (time_t)keep_days * BACKUP_DAY_SECONDS, t;
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		remove[i] = backup_name_time(names[i], &t) && t < cutoff;
		k += (size_t)remove[i];
	}
	return k;
}

enum backup_key
backup_key_kind(struct str text)
{
	static const char secret[] = "AGE-SECRET-KEY-1", pub[] = "age1";
	size_t pos = 0;
	int recipients = 0;

	while (pos < text.len) {
		const char *nl = memchr(text.p + pos, '\n', text.len - pos);
		size_t end = nl ? (size_t)(nl - text.p) : text.len;
		struct str l =
		    str_trim_blanks((struct str){ text.p + pos, end - pos });

		pos = end + 1;
		if (l.len > 0 && l.p[l.len - 1] == '\r')
			l.len--;
		if (l.len == 0 || l.p[0] == '#')
			continue;
		if (str_has_prefix(l, secret))
			return BACKUP_KEY_IDENTITY;
		if (!str_has_prefix(l, pub))
			return BACKUP_KEY_BAD;
		recipients++;
	}
	return recipients > 0 ? BACKUP_KEY_RECIPIENT : BACKUP_KEY_BAD;
}

void
backup_scan_feed(struct backup_scan *s, const char *p, size_t n)
{
	static const char marker[] = "\n-- Table structure for table ";
	static const char head[] = BACKUP_HEAD;
	const size_t mlen = sizeof(marker) - 1, tcap = sizeof(s->tail);

	if (s->bytes == 0)
		s->at_start = 1;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];

		if (s->at_start && s->head_len < sizeof(head) - 1) {
			if (c == head[s->head_len])
				s->head_len++;
			else
				s->at_start = 0;
		}
		/* The marker's first byte, '\n', occurs nowhere else in it,
		 * so on a mismatch the match restarts at this byte. */
		if (c == marker[s->match])
			s->match++;
		else
			s->match = c == '\n' ? 1 : 0;
		if (s->match == mlen) {
			s->tables++;
			s->match = 0;
		}
	}
	if (s->first_len < sizeof(s->first)) {
		size_t k = sizeof(s->first) - s->first_len;

		k = k < n ? k : n;
		memcpy(s->first + s->first_len, p, k);
		s->first_len += k;
	}
	s->bytes += (long long)n;
	/* Keep the last tcap bytes. */
	if (n >= tcap) {
		memcpy(s->tail, p + n - tcap, tcap);
		s->tail_len = tcap;
	} else {
		size_t keep = s->tail_len + n > tcap ? tcap - n : s->tail_len;

		memmove(s->tail, s->tail + s->tail_len - keep, keep);
		memcpy(s->tail + keep, p, n);
		s->tail_len = keep + n;
	}
}

int
backup_scan_tail_has(const struct backup_scan *s, const char *needle)
{
	return memmem(s->tail, s->tail_len, needle, strlen(needle)) != NULL;
}

int
backup_scan_whole(const struct backup_scan *s)
{
	static const char end[] = BACKUP_END;
	const size_t elen = sizeof(end) - 1;

	return s->at_start && s->head_len == sizeof(BACKUP_HEAD) - 1 &&
	    s->bytes >= (long long)(s->head_len + elen) &&
	    s->tail_len >= elen &&
	    memcmp(s->tail + s->tail_len - elen, end, elen) == 0;
}

int
backup_scan_audit_max(const struct backup_scan *s, long long *id)
{
	static const char line[] = "\n" BACKUP_AUDIT_LINE;
	const char *p = memmem(s->first, s->first_len, line, sizeof(line) - 1);
	const char *end = s->first + s->first_len;
	long long v = 0;
	int digits = 0;

	*id = 0;
	if (p == NULL)
		return 0;
	for (p += sizeof(line) - 1; p < end && *p >= '0' && *p <= '9'; p++) {
		if (v > (LLONG_MAX - 9) / 10)
			return 0;
		v = v * 10 + (*p - '0');
		digits++;
	}
	if (digits == 0 || p >= end || *p != '\n')
		return 0;
	*id = v;
	return 1;
}
