/* test_conf.c: unit tests for app/conf.c. Run from the project root. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "app_limits.h"
#include "conf.h"
#include "str.h"

static void
assert_defaults(const struct conf *c)
{
	assert_string_equal(c->socket, "var/run/stegvis.sock");
	assert_int_equal(c->workers, 0);
	assert_int_equal(c->max_requests, 10000);
	assert_string_equal(c->db_socket, "var/run/mysqld.sock");
	assert_string_equal(c->db_nodes, "");
	assert_string_equal(c->db_name, "stegvis");
	assert_string_equal(c->db_user, "stegvis");
	assert_string_equal(c->db_password_file, "var/db.pass");
	assert_string_equal(c->views, "views");
	assert_string_equal(c->user, "");
	assert_int_equal(c->secure_cookies, 1);
	assert_int_equal(c->session_idle_minutes, 30);
	assert_int_equal(c->session_max_hours, 10);
	assert_string_equal(c->sso_header_param, "");
	assert_string_equal(c->base_url, "http://127.0.0.1:8080");
}

static void
test_defaults(void **state)
{
	struct conf c;

	(void)state;
	conf_defaults(&c);
	assert_defaults(&c);
	conf_free(&c);
	assert_defaults(&c);
	conf_free(&c); /* twice is safe */
}

static void
test_parse_all(void **state)
{
	static const char text[] = "# Stegvis\n"
	                           "\n"
	                           "   # indented comment\n"
	                           "socket = /run/stegvis/fcgi.sock\n"
	                           "workers=8\n"
	                           "\tmax_requests\t=\t500\t\n"
	                           "db_socket = /run/mysqld/mysqld.sock\r\n"
	                           "db_nodes = /run/a.sock, db2.example:3306\n"
	                           "db_name = stegvis_test\n"
	                           "db_user = stegvis-app\n"
	                           "db_password_file = /etc/stegvis/db#pass\n"
	                           "views = /usr/share/stegvis/views\n"
	                           "user = www-data\n"
	                           "secure_cookies = no\n"
	                           "session_idle_minutes = 1440\n"
	                           "session_max_hours = 1\n"
	                           "sso_header_param = STEGVIS_SSO_USER\n"
	                           "base_url = https://stegvis.kommun.se/app";
	struct conf c;
	char err[256] = "junk";

	(void)state;
	conf_defaults(&c);
	assert_int_equal(conf_parse(&c, (struct str){ text, sizeof(text) - 1 },
	                     "t.conf", err, sizeof(err)),
	    APP_OK);
	assert_string_equal(err, "");
	assert_string_equal(c.socket, "/run/stegvis/fcgi.sock");
	assert_int_equal(c.workers, 8);
	assert_int_equal(c.max_requests, 500);
	assert_string_equal(c.db_socket, "/run/mysqld/mysqld.sock");
	/* kept as written: db.c parses it (db_nodes.h) */
	assert_string_equal(c.db_nodes, "/run/a.sock, db2.example:3306");
	assert_string_equal(c.db_name, "stegvis_test");
	assert_string_equal(c.db_user, "stegvis-app");
	/* '#' inside a value is part of it */
	assert_string_equal(c.db_password_file, "/etc/stegvis/db#pass");
	assert_string_equal(c.views, "/usr/share/stegvis/views");
	assert_string_equal(c.user, "www-data");
	assert_int_equal(c.secure_cookies, 0);
	assert_int_equal(c.session_idle_minutes, 1440);
	assert_int_equal(c.session_max_hours, 1);
	assert_string_equal(c.sso_header_param, "STEGVIS_SSO_USER");
	assert_string_equal(c.base_url, "https://stegvis.kommun.se/app");
	conf_free(&c);
	assert_defaults(&c);
}

static void
test_parse_empty(void **state)
{
	struct conf c;
	char err[64];

	(void)state;
	conf_defaults(&c);
	assert_int_equal(
	    conf_parse(&c, STR_LIT(""), "e", err, sizeof(err)), APP_OK);
	assert_int_equal(
	    conf_parse(&c, STR_LIT("\n\n# x\n  \t\n"), "e", err, sizeof(err)),
	    APP_OK);
	assert_defaults(&c);
	/* empty values where allowed */
	assert_int_equal(conf_parse(&c, STR_LIT("user =\nsso_header_param="),
	                     "e", err, sizeof(err)),
	    APP_OK);
	assert_string_equal(c.user, "");
	assert_string_equal(c.sso_header_param, "");
	conf_free(&c);
}

/* Exact error messages for bad files; *c must stay untouched. */
static void
test_parse_errors(void **state)
{
	static const struct {
		const char *text;
		size_t len;
		const char *err;
	} cases[] = {
#define T(s) s, sizeof(s) - 1
		{ T("bogus = 1\n"), "f.conf:1: unknown key 'bogus'" },
		{ T("Socket = x\n"), "f.conf:1: unknown key 'Socket'" },
		{ T("\n# c\nworkers = 2\nworkers = 3\n"),
		    "f.conf:4: duplicate key 'workers' (first set on line 3)" },
		{ T("workers\n"), "f.conf:1: expected 'key = value'" },
		{ T(" = 3\n"), "f.conf:1: missing key before '='" },
		{ T("workers = 257"),
		    "f.conf:1: workers: expected a whole number from 0 to 256" },
		{ T("workers = -1"),
		    "f.conf:1: workers: expected a whole number from 0 to 256" },
		{ T("workers = +1"),
		    "f.conf:1: workers: expected a whole number from 0 to 256" },
		{ T("workers = 1 0"),
		    "f.conf:1: workers: expected a whole number from 0 to 256" },
		{ T("workers = 0x10"),
		    "f.conf:1: workers: expected a whole number from 0 to 256" },
		{ T("workers ="),
		    "f.conf:1: workers: expected a whole number from 0 to 256" },
		{ T("workers = 99999999999999999999999"),
		    "f.conf:1: workers: expected a whole number from 0 to 256" },
		{ T("max_requests = 0"),
		    "f.conf:1: max_requests: expected a "
		    "whole number from 1 to 10000000" },
		{ T("max_requests = 10000001"),
		    "f.conf:1: max_requests: "
		    "expected a whole number from 1 to 10000000" },
		{ T("session_idle_minutes = 0"),
		    "f.conf:1: "
		    "session_idle_minutes: expected a whole number from 1 to "
		    "1440" },
		{ T("session_max_hours = 169"),
		    "f.conf:1: session_max_hours: "
		    "expected a whole number from 1 to 168" },
		{ T("secure_cookies = maybe"),
		    "f.conf:1: secure_cookies: expected yes or no" },
		{ T("secure_cookies = YES"),
		    "f.conf:1: secure_cookies: expected yes or no" },
		{ T("socket ="), "f.conf:1: socket must not be empty" },
		{ T("db_name = a b"),
		    "f.conf:1: db_name may only contain A-Z a-z 0-9 _ . -" },
		{ T("db_user = `x`"),
		    "f.conf:1: db_user may only contain A-Z a-z 0-9 _ . -" },
		{ T("db_name = "
		    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
		    "f.conf:1: db_name is too long (at most 64 characters)" },
		{ T("user = r\xc3\xb6t"),
		    "f.conf:1: user may only contain A-Z a-z 0-9 _ . -" },
		{ T("sso_header_param = remote_user"),
		    "f.conf:1: sso_header_param may only contain A-Z 0-9 _ (a "
		    "FastCGI parameter name such as STEGVIS_SSO_USER)" },
		{ T("sso_header_param = REMOTE_USER"),
		    "f.conf:1: sso_header_param must not be REMOTE_USER (nginx "
		    "fills it from the client's Authorization header); use a "
		    "parameter nginx sets itself, such as STEGVIS_SSO_USER" },
		{ T("sso_header_param = HTTP_X_REMOTE_USER"),
		    "f.conf:1: sso_header_param must not be an HTTP_* parameter "
		    "(those come from the client's request headers)" },
		{ T("db_nodes = db1"),
		    "f.conf:1: db_nodes needs each entry to be a socket path "
		    "starting with '/' or host:port with a port from 1 to "
		    "65535" },
		{ T("db_nodes = /a.sock,,/b.sock"),
		    "f.conf:1: db_nodes has an empty entry (two commas, or one "
		    "at an end)" },
		{ T("db_nodes = db1:3306, db1:3306"),
		    "f.conf:1: db_nodes names a node twice" },
		{ T("base_url = ftp://x"),
		    "f.conf:1: base_url must start with http:// or https://" },
		{ T("base_url = https://"),
		    "f.conf:1: base_url needs a host name" },
		{ T("base_url = https://x/"),
		    "f.conf:1: base_url must not end with '/'" },
		{ T("base_url = https://x y"),
		    "f.conf:1: base_url must not contain spaces, quotes, < > or \\" },
		{ T("base_url ="), "f.conf:1: base_url must not be empty" },
		{ T("views = a\0b"), "f.conf:1: NUL byte" },
		{ T("\n\nviews = a\x01"), "f.conf:3: control character" },
		{ T("views = a\rb"), "f.conf:1: control character" },
		{ T("views = a\x7f"), "f.conf:1: control character" },
		{ T("views = \xff"), "f.conf:1: invalid UTF-8" },
		{ T("# \xc0\xaf"), "f.conf:1: invalid UTF-8" },
		{ T("\xef\xbb\xbfworkers = 1"),
		    "f.conf:1: unknown key '\xef\xbb\xbfworkers'" },
		/* the whole file is rejected even if earlier lines were fine */
		{ T("socket = /a\nviews = /b\nnope = 1\n"),
		    "f.conf:3: unknown key 'nope'" },
#undef T
	};
	struct conf c;
	char err[256];
	size_t i;

	(void)state;
	conf_defaults(&c);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		enum app_err e;

		e = conf_parse(&c, (struct str){ cases[i].text, cases[i].len },
		    "f.conf", err, sizeof(err));
		if (e != APP_EINPUT)
			fail_msg("case %zu: got %s", i, app_strerror(e));
		assert_string_equal(err, cases[i].err);
		assert_defaults(&c);
	}
	conf_free(&c);
}

static void
test_line_length(void **state)
{
	struct conf c;
	char err[128], *s;
	size_t n;

	(void)state;
	s = malloc(MAX_CONF_LINE + 8);
	assert_non_null(s);
	conf_defaults(&c);
	/* exactly MAX_CONF_LINE bytes, plus a CRLF, is fine */
	n = MAX_CONF_LINE;
	memcpy(s, "views = ", 8);
	memset(s + 8, 'v', n - 8);
	memcpy(s + n, "\r\n", 2);
	assert_int_equal(
	    conf_parse(&c, (struct str){ s, n + 2 }, "f", err, sizeof(err)),
	    APP_OK);
	assert_int_equal(strlen(c.views), MAX_CONF_LINE - 8);
	/* one more byte is an error, even in a comment */
	s[0] = '#';
	s[n] = 'v';
	assert_int_equal(
	    conf_parse(&c, (struct str){ s, n + 1 }, "f", err, sizeof(err)),
	    APP_EINPUT);
	assert_string_equal(err, "f:1: line longer than 1024 bytes");
	free(s);
	conf_free(&c);
}

/* A second parse (a reload) replaces values, and a failed one keeps them. */
static void
test_reparse(void **state)
{
	struct conf c;
	char err[128];

	(void)state;
	conf_defaults(&c);
	assert_int_equal(conf_parse(&c, STR_LIT("views = /a\nworkers = 3"), "f",
	                     err, sizeof(err)),
	    APP_OK);
	assert_int_equal(conf_parse(&c, STR_LIT("views = /b\nuser = nobody"),
	                     "f", err, sizeof(err)),
	    APP_OK);
	assert_string_equal(c.views, "/b");
	assert_string_equal(c.user, "nobody");
	assert_int_equal(c.workers, 3);
	assert_int_equal(conf_parse(&c, STR_LIT("views = /c\nuser = x y"), "f",
	                     err, sizeof(err)),
	    APP_EINPUT);
	assert_string_equal(c.views, "/b");
	assert_string_equal(c.user, "nobody");
	conf_free(&c);
	assert_defaults(&c);
}

static void
test_err_buffer(void **state)
{
	struct conf c;
	char err[8];

	(void)state;
	conf_defaults(&c);
	/* NULL or tiny error buffers are fine; output is truncated */
	assert_int_equal(
	    conf_parse(&c, STR_LIT("x = 1"), NULL, NULL, 0), APP_EINPUT);
	assert_int_equal(
	    conf_parse(&c, STR_LIT("x = 1"), "long.conf", err, sizeof(err)),
	    APP_EINPUT);
	assert_string_equal(err, "long.co");
	assert_int_equal(
	    conf_parse(&c, STR_LIT("x = 1"), NULL, err, 1), APP_EINPUT);
	assert_string_equal(err, "");
	{
		char big[64];

		assert_int_equal(
		    conf_parse(&c, STR_LIT("x = 1"), NULL, big, sizeof(big)),
		    APP_EINPUT);
		assert_string_equal(big, "(conf):1: unknown key 'x'");
	}
	conf_free(&c);
}

static void
test_load(void **state)
{
	struct conf c;
	char err[256], path[] = "/tmp/test_conf.XXXXXX";
	int fd;

	(void)state;
	conf_defaults(&c);

	/* the shipped example must parse and match the defaults */
	assert_int_equal(
	    conf_load(&c, "conf/stegvis.conf", err, sizeof(err)), APP_OK);
	assert_defaults(&c);

	assert_int_equal(
	    conf_load(&c, "/nonexistent/stegvis.conf", err, sizeof(err)),
	    APP_EIO);
	assert_string_equal(
	    err, "/nonexistent/stegvis.conf: No such file or directory");

	assert_int_equal(conf_load(&c, "/", err, sizeof(err)), APP_EIO);
	assert_string_equal(err, "/: read error: Is a directory");

	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, "workers = 4\nworkers = 5\n", 24), 24);
	close(fd);
	assert_int_equal(conf_load(&c, path, err, sizeof(err)), APP_EINPUT);
	assert_true(strstr(err, ":2: duplicate key 'workers'") != NULL);
	assert_int_equal(strncmp(err, path, strlen(path)), 0);
	unlink(path);
	conf_free(&c);
}

static void
test_load_too_big(void **state)
{
	struct conf c;
	char err[256], path[] = "/tmp/test_conf.XXXXXX", *s;
	int fd;

	(void)state;
	conf_defaults(&c);
	assert_non_null(s = malloc(CONF_MAX_FILE + 1));
	memset(s, '\n', CONF_MAX_FILE + 1);
	assert_true((fd = mkstemp(path)) >= 0);
	assert_int_equal(write(fd, s, CONF_MAX_FILE), CONF_MAX_FILE);
	assert_int_equal(conf_load(&c, path, err, sizeof(err)), APP_OK);
	assert_int_equal(write(fd, s, 1), 1);
	close(fd);
	assert_int_equal(conf_load(&c, path, err, sizeof(err)), APP_EINPUT);
	assert_non_null(strstr(err, ": larger than 262144 bytes"));
	unlink(path);
	free(s);
	conf_free(&c);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_parse_all),
		cmocka_unit_test(test_parse_empty),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_line_length),
		cmocka_unit_test(test_reparse),
		cmocka_unit_test(test_err_buffer),
		cmocka_unit_test(test_load),
		cmocka_unit_test(test_load_too_big),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
