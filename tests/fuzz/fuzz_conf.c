/*
 * fuzz_conf.c: libFuzzer target for conf_parse().
 *
 * Links: app/conf.c app/db_nodes.c app/str.c app/arena.c app/app.c (plus the shared replay
 * main, or clang -fsanitize=fuzzer). conf_parse uses the heap (it runs once
 * at worker start), so leaks show up under ASan. Invariants checked with
 * abort():
 *  - APP_OK: err is "", every number is in its range, strings are
 *    NUL-terminated valid UTF-8; applying the same text again, on fresh
 *    defaults and on top of the result (a reload), gives the same values.
 *  - a db_nodes the parser took parses to 1..DB_NODES_MAX nodes
 *    (db_nodes.h), each a socket starting with '/' or a host with a port.
 *  - APP_EINPUT: err starts with "fuzz.conf:" and *c still holds the
 *    defaults.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "conf.h"
#include "db_nodes.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
fuzz_same(const struct conf *a, const struct conf *b)
{
	return strcmp(a->socket, b->socket) == 0 && a->workers == b->workers &&
	    a->max_requests == b->max_requests &&
	    strcmp(a->db_socket, b->db_socket) == 0 &&
	    strcmp(a->db_nodes, b->db_nodes) == 0 &&
	    strcmp(a->db_name, b->db_name) == 0 &&
	    strcmp(a->db_user, b->db_user) == 0 &&
	    strcmp(a->db_password_file, b->db_password_file) == 0 &&
	    strcmp(a->views, b->views) == 0 && strcmp(a->user, b->user) == 0 &&
	    a->secure_cookies == b->secure_cookies &&
	    a->session_idle_minutes == b->session_idle_minutes &&
	    a->session_max_hours == b->session_max_hours &&
	    strcmp(a->sso_header_param, b->sso_header_param) == 0 &&
	    strcmp(a->base_url, b->base_url) == 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct conf c, def, again;
	struct str text = { (const char *)data, size };
	char err[256];
	enum app_err e;

	conf_defaults(&c);
	conf_defaults(&def);
	e = conf_parse(&c, text, "fuzz.conf", err, sizeof(err));
	if (e == APP_OK) {
		if (err[0] != '\0')
			abort();
		if (c.workers > 256 || c.max_requests < 1 ||
		    c.max_requests > 10000000 || c.session_idle_minutes < 1 ||
		    c.session_idle_minutes > 1440 || c.session_max_hours < 1 ||
		    c.session_max_hours > 168 ||
		    (c.secure_cookies != 0 && c.secure_cookies != 1))
			abort();
		if (c.socket[0] == '\0' || c.db_name[0] == '\0' ||
		    !str_utf8_valid(str_cstr(c.views)) ||
		    !str_utf8_valid(str_cstr(c.base_url)))
			abort();
		if (c.db_nodes[0] != '\0') {
			struct db_node *nodes;
			size_t n;

			if (db_nodes_parse(str_cstr(c.db_nodes), &nodes, &n) !=
			        0 ||
			    n < 1 || n > DB_NODES_MAX)
				abort();
			for (size_t i = 0; i < n; i++)
				if (nodes[i].socket != NULL
				        ? nodes[i].socket[0] != '/'
				        : nodes[i].host == NULL ||
				            nodes[i].host[0] == '\0' ||
				            nodes[i].port < 1 ||
				            nodes[i].port > 65535)
					abort();
			db_nodes_free(nodes, n);
		}
		/* Re-applying the same text (a reload) gives the same. */
		conf_defaults(&again);
		if (conf_parse(&again, text, "fuzz.conf", err, sizeof(err)) !=
		        APP_OK ||
		    !fuzz_same(&c, &again))
			abort();
		if (conf_parse(&again, text, "fuzz.conf", err, sizeof(err)) !=
		        APP_OK ||
		    !fuzz_same(&c, &again))
			abort();
		conf_free(&again);
	} else {
		if (e != APP_EINPUT && e != APP_ENOMEM)
			abort();
		if (strncmp(err, "fuzz.conf:", 10) != 0)
			abort();
		if (!fuzz_same(&c, &def))
			abort();
	}
	conf_free(&c);
	if (!fuzz_same(&c, &def))
		abort();
	return 0;
}
