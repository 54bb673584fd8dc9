/* conf.c: the configuration file parser; see include/conf.h. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "app_limits.h"
#include "conf.h"
#include "db_nodes.h"
#include "str.h"

enum conf_type {
	CT_PATH,  /* non-empty string */
	CT_WORD,  /* [A-Za-z0-9_.-], at most CONF_WORD_MAX bytes */
	CT_PARAM, /* [A-Z0-9_], at most CONF_WORD_MAX bytes: a FastCGI param */
	CT_URL,   /* http:// or https:// URL without spaces or trailing '/' */
	CT_UINT,  /* unsigned, in min..max */
	CT_ULONG, /* unsigned long, in min..max */
	CT_BOOL,  /* yes/no, true/false, on/off, 1/0 */
	CT_NODES, /* a list of database endpoints (db_nodes.h) */
	CT__MAX
};

#define CONF_WORD_MAX 64u
#define CE_EMPTY_OK   0x01u /* a string key that may be set to "" */

enum conf_key {
	CK_SOCKET,
	CK_WORKERS,
	CK_MAX_REQUESTS,
	CK_DB_SOCKET,
	CK_DB_NODES,
	CK_DB_NAME,
	CK_DB_USER,
	CK_DB_PASSWORD_FILE,
	CK_VIEWS,
	CK_USER,
	CK_SECURE_COOKIES,
	CK_SESSION_IDLE_MINUTES,
	CK_SESSION_MAX_HOURS,
	CK_SSO_HEADER_PARAM,
	CK_BASE_URL,
	CK_REPORT_MIN_CELL,
	CK_SUS_SCHEMA,
	CK_SUS_VALIDATE,
	CK_SUS_EXPORT_DIR,
	CK_REPORT_TOP_STEPS,
	CK_REPORT_VAS_TOP,
	CK_STRICT_VIEWS,
	CK_BACKUP_DIR,
	CK_BACKUP_KEY_FILE,
	CK_BACKUP_KEEP_DAYS,
	CK__MAX
};

struct conf_entry {
	const char *name;
	enum conf_type type;
	size_t off; /* offsetof(struct conf, member) */
	unsigned long min, max;
	unsigned long def; /* numeric and bool defaults */
	const char *def_s; /* string defaults (static) */
	unsigned flags;    /* CE_* */
};

#define C_STR(k, t, m, d, f)                                                   \
	[k] = { #m, t, offsetof(struct conf, m), 0, 0, 0, d, f }
#define C_NUM(k, t, m, lo, hi, d)                                              \
	[k] = { #m, t, offsetof(struct conf, m), lo, hi, d, NULL, 0 }

static const struct conf_entry conf_tab[CK__MAX] = {
	C_STR(CK_SOCKET, CT_PATH, socket, "var/run/stegvis.sock", 0),
	C_NUM(CK_WORKERS, CT_UINT, workers, 0, 256, 0),
	C_NUM(CK_MAX_REQUESTS, CT_ULONG, max_requests, 1, 10000000, 10000),
	C_STR(CK_DB_SOCKET, CT_PATH, db_socket, "var/run/mysqld.sock", 0),
	C_STR(CK_DB_NODES, CT_NODES, db_nodes, "", CE_EMPTY_OK),
	C_STR(CK_DB_NAME, CT_WORD, db_name, "stegvis", 0),
	C_STR(CK_DB_USER, CT_WORD, db_user, "stegvis", 0),
	C_STR(CK_DB_PASSWORD_FILE, CT_PATH, db_password_file, "var/db.pass", 0),
	C_STR(CK_VIEWS, CT_PATH, views, "views", 0),
	C_STR(CK_USER, CT_WORD, user, "", CE_EMPTY_OK),
	C_NUM(CK_SECURE_COOKIES, CT_BOOL, secure_cookies, 0, 1, 1),
	C_NUM(CK_SESSION_IDLE_MINUTES, CT_UINT, session_idle_minutes, 1, 1440,
	    30),
	C_NUM(CK_SESSION_MAX_HOURS, CT_UINT, session_max_hours, 1, 168, 10),
	C_STR(CK_SSO_HEADER_PARAM, CT_PARAM, sso_header_param, "", CE_EMPTY_OK),
	C_STR(CK_BASE_URL, CT_URL, base_url, "http://127.0.0.1:8080", 0),
	C_NUM(CK_REPORT_MIN_CELL, CT_UINT, report_min_cell, 2, 100, 5),
	C_STR(CK_SUS_SCHEMA, CT_PATH, sus_schema, "conf/sus-export-2.xsd", 0),
	C_NUM(CK_SUS_VALIDATE, CT_BOOL, sus_validate, 0, 1, 1),
	C_STR(CK_SUS_EXPORT_DIR, CT_PATH, sus_export_dir, "var/sus", 0),
	C_NUM(CK_REPORT_TOP_STEPS, CT_UINT, report_top_steps, 1, 20, 2),
	C_NUM(CK_REPORT_VAS_TOP, CT_UINT, report_vas_top, 0, 100, 70),
	C_NUM(CK_STRICT_VIEWS, CT_BOOL, strict_views, 0, 1, 0),
	C_STR(CK_BACKUP_DIR, CT_PATH, backup_dir, "var/backup", 0),
	C_STR(
	    CK_BACKUP_KEY_FILE, CT_PATH, backup_key_file, "var/backup.key", 0),
	C_NUM(CK_BACKUP_KEEP_DAYS, CT_UINT, backup_keep_days, 1, 3650, 30),
};
_Static_assert(sizeof(conf_tab) / sizeof(conf_tab[0]) == CK__MAX,
    "conf_tab[] out of sync with enum conf_key");

static int
conf_is_str(enum conf_type t)
{
	return t == CT_PATH || t == CT_WORD || t == CT_PARAM || t == CT_URL ||
	    t == CT_NODES;
}

static const char **
conf_str_slot(struct conf *c, const struct conf_entry *e)
{
	return (const char **)(void *)((char *)c + e->off);
}

void
conf_defaults(struct conf *c)
{
	size_t k;

	memset(c, 0, sizeof(*c));
	for (k = 0; k < CK__MAX; k++) {
		const struct conf_entry *e = &conf_tab[k];
		char *slot = (char *)c + e->off;

		switch (e->type) {
		case CT_UINT:
			*(unsigned *)(void *)slot = (unsigned)e->def;
			break;
		case CT_ULONG: *(unsigned long *)(void *)slot = e->def; break;
		case CT_BOOL: *(int *)(void *)slot = (int)e->def; break;
		default: *conf_str_slot(c, e) = e->def_s; break;
		}
	}
}

/* Free a string unless it is the entry's static default. */
static void
conf_str_release(const struct conf_entry *e, const char *s)
{
	if (s != e->def_s)
		free((void *)(uintptr_t)s);
}

void
conf_free(struct conf *c)
{
	size_t k;

	for (k = 0; k < CK__MAX; k++)
		if (conf_is_str(conf_tab[k].type))
			conf_str_release(
			    &conf_tab[k], *conf_str_slot(c, &conf_tab[k]));
	conf_defaults(c);
}

/* ------------------------------------------------------------------------
 * Parsing
 * --------------------------------------------------------------------- */

static void conf_errf(char *, size_t, const char *, size_t, const char *, ...)
    __attribute__((format(printf, 5, 6)));

/* "FILE:LINE: message" into err; line 0 leaves out the line. */
static void
conf_errf(char *err, size_t errlen, const char *file, size_t line,
    const char *fmt, ...)
{
	va_list ap;
	int n;

	if (err == NULL || errlen == 0)
		return;
	if (file == NULL)
		file = "(conf)";
	if (line > 0)
		n = snprintf(err, errlen, "%s:%zu: ", file, line);
	else
		n = snprintf(err, errlen, "%s: ", file);
	if (n < 0 || (size_t)n >= errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
	va_end(ap);
}

/* Strict unsigned decimal: digits only. 0 on syntax error or overflow. */
static int
conf_ulong(struct str v, unsigned long *out)
{
	unsigned long acc = 0;
	size_t i;

	if (v.len == 0)
		return 0;
	for (i = 0; i < v.len; i++) {
		unsigned d;

		if (v.p[i] < '0' || v.p[i] > '9')
			return 0;
		d = (unsigned)(v.p[i] - '0');
		if (acc > (~0UL - d) / 10)
			return 0;
		acc = acc * 10 + d;
	}
	*out = acc;
	return 1;
}

static int
conf_bool(struct str v, int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	size_t i;

	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		if (str_eq_cstr(v, yes[i])) {
			*out = 1;
			return 1;
		}
		if (str_eq_cstr(v, no[i])) {
			*out = 0;
			return 1;
		}
	}
	return 0;
}

/* Check a string value against its type; NULL when fine, else why not. */
static const char *
conf_check_str(const struct conf_entry *e, struct str v)
{
	size_t i;

	if (v.len == 0)
		return (e->flags & CE_EMPTY_OK) ? NULL : "must not be empty";
	switch (e->type) {
	case CT_WORD:
	case CT_PARAM:
		if (v.len > CONF_WORD_MAX)
			return "is too long (at most 64 characters)";
		for (i = 0; i < v.len; i++) {
			char ch = v.p[i];

			if ((ch >= '0' && ch <= '9') ||
			    (ch >= 'A' && ch <= 'Z') || ch == '_')
				continue;
			if (e->type == CT_WORD &&
			    ((ch >= 'a' && ch <= 'z') || ch == '.' ||
			        ch == '-'))
				continue;
			return e->type == CT_WORD
			    ? "may only contain A-Z a-z 0-9 _ . -"
			    : "may only contain A-Z 0-9 _ (a FastCGI parameter "
			      "name such as STEGVIS_SSO_USER)";
		}
		/* HTTP_* params are request headers: the client could set
		 * them and log in as anyone. Only nginx may name the user. */
		if (e->type == CT_PARAM && str_has_prefix(v, "HTTP_"))
			return "must not be an HTTP_* parameter (those come from "
			       "the client's request headers)";
		/* Debian's fastcgi_params sets REMOTE_USER from any Basic
		 * Authorization header, checked or not: the client's word. */
		if (e->type == CT_PARAM && str_eq_cstr(v, "REMOTE_USER"))
			return "must not be REMOTE_USER (nginx fills it from the "
			       "client's Authorization header); use a parameter "
			       "nginx sets itself, such as STEGVIS_SSO_USER";
		return NULL;
	case CT_URL:
		if (!str_has_prefix(v, "http://") &&
		    !str_has_prefix(v, "https://"))
			return "must start with http:// or https://";
		if (v.len <= (str_has_prefix(v, "https://") ? 8u : 7u))
			return "needs a host name";
		for (i = 0; i < v.len; i++)
			if (v.p[i] == ' ' || v.p[i] == '\t' || v.p[i] == '"' ||
			    v.p[i] == '<' || v.p[i] == '>' || v.p[i] == '\\')
				return "must not contain spaces, quotes, "
				       "< > or \\";
		if (v.p[v.len - 1] == '/')
			return "must not end with '/'";
		return NULL;
	case CT_NODES: return db_nodes_check(v);
	default: return NULL;
	}
}

/* The first problem with a raw line's bytes, or NULL. */
static const char *
conf_check_bytes(struct str l)
{
	size_t i;

	for (i = 0; i < l.len; i++) {
		unsigned char ch = (unsigned char)l.p[i];

		if (ch == '\0')
			return "NUL byte";
		if ((ch < 0x20 && ch != '\t') || ch == 0x7F)
			return "control character";
	}
	if (!str_utf8_valid(l))
		return "invalid UTF-8";
	return NULL;
}

/* Apply "key = value" to *t. APP_EINPUT with a message, or APP_ENOMEM. */
static enum app_err
conf_apply(struct conf *t, const struct conf_entry *e, struct str v, char *err,
    size_t errlen, const char *file, size_t line)
{
	char *slot = (char *)t + e->off;
	const char *why;
	unsigned long n;
	int b;
	char *s;

	switch (e->type) {
	case CT_UINT:
	case CT_ULONG:
		if (!conf_ulong(v, &n) || n < e->min || n > e->max) {
			conf_errf(err, errlen, file, line,
			    "%s: expected a whole number from %lu to %lu",
			    e->name, e->min, e->max);
			return APP_EINPUT;
		}
		if (e->type == CT_UINT)
			*(unsigned *)(void *)slot = (unsigned)n;
		else
			*(unsigned long *)(void *)slot = n;
		return APP_OK;
	case CT_BOOL:
		if (!conf_bool(v, &b)) {
			conf_errf(err, errlen, file, line,
			    "%s: expected yes or no", e->name);
			return APP_EINPUT;
		}
		*(int *)(void *)slot = b;
		return APP_OK;
	default:
		if ((why = conf_check_str(e, v)) != NULL) {
			conf_errf(
			    err, errlen, file, line, "%s %s", e->name, why);
			return APP_EINPUT;
		}
		if ((s = strndup(v.len ? v.p : "", v.len)) == NULL) {
			conf_errf(err, errlen, file, line, "out of memory");
			return APP_ENOMEM;
		}
		*conf_str_slot(t, e) = s;
		return APP_OK;
	}
}

enum app_err
conf_parse(struct conf *c, struct str text, const char *filename, char *err,
    size_t errlen)
{
	struct conf t = *c;
	size_t seen[CK__MAX] = { 0 };
	size_t pos = 0, line = 0, k;
	enum app_err rc = APP_OK;

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	while (pos < text.len && rc == APP_OK) {
		const char *nl = memchr(text.p + pos, '\n', text.len - pos);
		size_t end = nl ? (size_t)(nl - text.p) : text.len;
		struct str l = { text.p + pos, end - pos }, key, val;
		const char *eq, *why;

		pos = end + 1;
		line++;
		if (l.len > 0 && l.p[l.len - 1] == '\r')
			l.len--;
		if (l.len > MAX_CONF_LINE) {
			conf_errf(err, errlen, filename, line,
			    "line longer than %u bytes", MAX_CONF_LINE);
			rc = APP_EINPUT;
			break;
		}
		if ((why = conf_check_bytes(l)) != NULL) {
			conf_errf(err, errlen, filename, line, "%s", why);
			rc = APP_EINPUT;
			break;
		}
		l = str_trim_blanks(l);
		if (l.len == 0 || l.p[0] == '#')
			continue;
		if ((eq = memchr(l.p, '=', l.len)) == NULL) {
			conf_errf(err, errlen, filename, line,
			    "expected 'key = value'");
			rc = APP_EINPUT;
			break;
		}
		key = str_trim_blanks((struct str){ l.p, (size_t)(eq - l.p) });
		val = str_trim_blanks(
		    (struct str){ eq + 1, l.len - (size_t)(eq - l.p) - 1 });
		for (k = 0; k < CK__MAX; k++)
			if (str_eq_cstr(key, conf_tab[k].name))
				break;
		if (key.len == 0) {
			conf_errf(err, errlen, filename, line,
			    "missing key before '='");
			rc = APP_EINPUT;
		} else if (k == CK__MAX) {
			conf_errf(err, errlen, filename, line,
			    "unknown key '%.*s'",
			    key.len > 64 ? 64 : (int)key.len, key.p);
			rc = APP_EINPUT;
		} else if (seen[k] != 0) {
			conf_errf(err, errlen, filename, line,
			    "duplicate key '%s' (first set on line %zu)",
			    conf_tab[k].name, seen[k]);
			rc = APP_EINPUT;
		} else {
			seen[k] = line;
			rc = conf_apply(
			    &t, &conf_tab[k], val, err, errlen, filename, line);
		}
	}

	/*
	 * Each key is set at most once, so a string slot that differs between
	 * t and *c holds exactly one new heap copy: drop the new copies on
	 * failure, or the replaced old values on success.
	 */
	for (k = 0; k < CK__MAX; k++) {
		const struct conf_entry *e = &conf_tab[k];
		const char *old, *new;

		if (!conf_is_str(e->type))
			continue;
		old = *conf_str_slot(c, e);
		new = *conf_str_slot(&t, e);
		if (old != new)
			conf_str_release(e, rc == APP_OK ? old : new);
	}
	if (rc == APP_OK)
		*c = t;
	return rc;
}

enum app_err
conf_load(struct conf *c, const char *path, char *err, size_t errlen)
{
	FILE *f;
	char *text;
	size_t n;
	int ioerr;
	enum app_err rc;

	if (err != NULL && errlen > 0)
		err[0] = '\0';
	if ((f = fopen(path, "rb")) == NULL) {
		conf_errf(err, errlen, path, 0, "%s", strerror(errno));
		return APP_EIO;
	}
	if ((text = malloc(CONF_MAX_FILE + 1)) == NULL) {
		fclose(f);
		conf_errf(err, errlen, path, 0, "out of memory");
		return APP_ENOMEM;
	}
	errno = 0;
	n = fread(text, 1, CONF_MAX_FILE + 1, f);
	ioerr = ferror(f);
	fclose(f);
	if (ioerr) {
		conf_errf(
		    err, errlen, path, 0, "read error: %s", strerror(errno));
		rc = APP_EIO;
	} else if (n > CONF_MAX_FILE) {
		conf_errf(err, errlen, path, 0, "larger than %u bytes",
		    CONF_MAX_FILE);
		rc = APP_EINPUT;
	} else
		rc = conf_parse(c, (struct str){ text, n }, path, err, errlen);
	free(text);
	return rc;
}
