/*
 * conf.h: the configuration file (conf/stegvis.conf).
 *
 * Format, one setting per line:
 *
 *	# a comment (only on a line of its own)
 *	key = value
 *
 * Blank lines and lines whose first non-blank character is '#' are ignored.
 * Whitespace around the key and the value is trimmed; everything between
 * them is the value, literally: no quoting, no escapes, no inline comments
 * ('#' inside a value is part of it). Lines may end in LF or CRLF. Unknown
 * keys, duplicate keys, lines longer than MAX_CONF_LINE bytes, NUL or other
 * control characters, invalid UTF-8 and out-of-range numbers are all
 * errors; the whole file is rejected and nothing is applied.
 *
 * Relative paths (socket, db_socket, db_password_file, views) are relative
 * to the working directory of the process, not to the conf file; the
 * systemd unit sets WorkingDirectory= accordingly.
 *
 * The conf file never holds a secret: the database password is read from
 * the file named by db_password_file.
 */
#ifndef CONF_H
#define CONF_H

#include <stddef.h>

#include "app.h"
#include "app_limits.h"
#include "str.h"

/*
 * All string members are NUL-terminated and never NULL. They are owned by
 * the struct (static defaults or heap copies): borrowed for callers, freed
 * with conf_free(). Do not assign to them directly.
 */
struct conf {
	const char *socket; /* FastCGI unix socket path */
	/* Worker processes, 0..256; 0 = 2 x online CPUs (the caller
	 * resolves it). */
	unsigned workers;
	/* Requests per worker before it recycles itself, 1..10000000. */
	unsigned long max_requests;
	/* MariaDB unix socket path: the local node, for the command line's
	 * admin commands (migrate, backup, demo), and the workers' one node
	 * when db_nodes is empty. */
	const char *db_socket;
	/* The workers' database nodes (db_nodes.h: sockets or host:port,
	 * comma-separated), tried in turn when one does not answer; "" =
	 * db_socket alone. */
	const char *db_nodes;
	const char *db_name;
	const char *db_user;
	const char *db_password_file; /* path of a file holding the password */
	const char *views;            /* directory with the HTML templates */
	/* Drop privileges to this user when started as root; "" = don't. */
	const char *user;
	int secure_cookies;            /* 0/1: the Secure cookie attribute */
	unsigned session_idle_minutes; /* 1..1440 */
	unsigned session_max_hours;    /* 1..168 */
	/* The FastCGI param trusted as the user name in SSO mode (nginx must
	 * always overwrite it); "" = SSO off. Only [A-Z0-9_]. */
	const char *sso_header_param;
	const char *base_url; /* absolute http(s) URL, no final '/' */
	/* Reports: a cell counting fewer people than this (and more than 0)
	 * is suppressed, 2..100. */
	unsigned report_min_cell;
	/* The SUS export: the XSD every document is checked against, whether
	 * to check (on by default), and the directory for the command line's
	 * files and the server's temporary documents. */
	const char *sus_schema;
	int sus_validate;
	const char *sus_export_dir;
	/* Questionnaire results in the activity report: the "top part" of a
	 * scale item is its top report_top_steps steps (1..20, e.g. 2: 4-5 on
	 * 1-5); of a VAS item, the values from report_vas_top (0..100). */
	unsigned report_top_steps;
	unsigned report_vas_top;
	/* 0/1: log a BUG line for a view value tag no handler bound (see
	 * view.h); for tests, off by default. */
	int strict_views;
	/* `stegvis backup`/`restore` (include/backup.h): where the encrypted
	 * backups go, the age key file they are encrypted with (public
	 * recipients, or a secret identity), and how many days a backup is
	 * kept, 1..3650 (capped at the shortest gallring rule). */
	const char *backup_dir;
	const char *backup_key_file;
	unsigned backup_keep_days;
};

/*
 * Set every member to its default (see conf/stegvis.conf). Allocates
 * nothing; the struct must not hold heap strings (call conf_free() first,
 * which leaves the defaults in place).
 */
void conf_defaults(struct conf *);

/*
 * Parse "text" (the whole file) and apply its settings on top of *c, which
 * must have been set up by conf_defaults() (or an earlier successful
 * conf_parse/conf_load, e.g. a reload). "filename" is used only in
 * messages and may be NULL.
 * Returns APP_OK; APP_EINPUT for any error in the text, with *c unchanged
 * and "FILE:LINE: message" written into err (truncated to errlen, always
 * NUL-terminated when errlen > 0; err may be NULL); APP_ENOMEM when a heap
 * copy failed, *c unchanged. Pure: no I/O. "text" is borrowed; new strings
 * are heap copies owned by *c.
 */
enum app_err conf_parse(struct conf *c, struct str text, const char *filename,
    char *err, size_t errlen);

/*
 * Read the file at "path" and conf_parse() it. A missing or unreadable
 * file, or one larger than CONF_MAX_FILE bytes, is an error (APP_EIO, or
 * APP_EINPUT for the size) with "PATH: reason" in err. Otherwise as
 * conf_parse(). "path" is borrowed.
 */
enum app_err conf_load(
    struct conf *c, const char *path, char *err, size_t errlen);

/*
 * Free every heap string in *c and reset it to the defaults, so it is safe
 * to call twice or to conf_parse() into again.
 */
void conf_free(struct conf *);

#endif /* !CONF_H */
