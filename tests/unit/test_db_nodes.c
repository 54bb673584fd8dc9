/* test_db_nodes.c: unit tests for the database node list (app/db_nodes.c):
 * what a list may hold, what it parses to, and the order a worker tries
 * the nodes in. No database. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db_nodes.h"
#include "str.h"

static struct str
S(const char *s) {
	return (struct str){ s, strlen(s) };
}

static void
valid_lists(void **state)
{
	static const char *const ok[] = {
		"/run/mysqld/mysqld.sock",
		"/a.sock,/b.sock",
		" /a.sock , /b.sock ,\t/c.sock ",
		"db1.example.se:3306",
		"db1:3306, db2:3307, 10.0.0.3:3306",
		"/var/run/a.sock, db-2.example:1, db3:65535",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		assert_null(db_nodes_check(S(ok[i])));
}

static void
invalid_lists(void **state)
{
	static const char *const bad[] = {
		"",                  /* an empty entry */
		"/a.sock,",          /* one at the end */
		",/a.sock",          /* one at the start */
		"/a.sock,,/b.sock",  /* two commas */
		"/a.sock, ",         /* only spaces */
		"relative.sock",     /* neither a path nor host:port */
		"db1",               /* no port */
		"db1:",              /* an empty port */
		":3306",             /* no host */
		"db1:0",             /* port 0 */
		"db1:65536",         /* over 65535 */
		"db1:123456",        /* too many digits */
		"db1:33x6",          /* not a number */
		"db_1:3306",         /* '_' in a host */
		"[::1]:3306",        /* IPv6 is not taken */
		"/a b.sock",         /* a space in a path */
		"/a.sock, /a.sock",  /* twice */
		"db1:3306,db1:3306", /* twice */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *why = db_nodes_check(S(bad[i]));

		if (why == NULL)
			fail_msg("accepted \"%s\"", bad[i]);
	}
}

static void
at_most_sixteen(void **state)
{
	char list[1024] = "";
	size_t len = 0;

	(void)state;
	for (int i = 1; i <= DB_NODES_MAX; i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len,
		    "%sdb%d:3306", i > 1 ? "," : "", i);
	assert_null(db_nodes_check(S(list)));
	snprintf(list + len, sizeof(list) - len, ",db17:3306");
	assert_non_null(db_nodes_check(S(list)));
}

static void
parses_sockets_and_tcp(void **state)
{
	struct db_node *n;
	size_t k;

	(void)state;
	assert_int_equal(
	    db_nodes_parse(
	        S(" /run/a.sock , db2.example:3307,10.0.0.3:1"), &n, &k),
	    0);
	assert_int_equal(k, 3);
	assert_string_equal(n[0].socket, "/run/a.sock");
	assert_null(n[0].host);
	assert_null(n[1].socket);
	assert_string_equal(n[1].host, "db2.example");
	assert_int_equal(n[1].port, 3307);
	assert_string_equal(n[2].host, "10.0.0.3");
	assert_int_equal(n[2].port, 1);
	db_nodes_free(n, k);
}

static void
refuses_to_parse_a_bad_list(void **state)
{
	struct db_node *n = (struct db_node *)1;
	size_t k = 7;

	(void)state;
	assert_int_equal(db_nodes_parse(S("db1"), &n, &k), -1);
	assert_null(n);
	assert_int_equal(k, 0);
	assert_int_equal(db_nodes_parse(S(""), &n, &k), -1);
}

/* The node last reached first, then the ones after it, round. */
static void
attempt_order(void **state)
{
	(void)state;
	assert_int_equal(db_nodes_attempt(0, 3, 0), 0);
	assert_int_equal(db_nodes_attempt(0, 3, 1), 1);
	assert_int_equal(db_nodes_attempt(0, 3, 2), 2);
	assert_int_equal(db_nodes_attempt(2, 3, 0), 2);
	assert_int_equal(db_nodes_attempt(2, 3, 1), 0);
	assert_int_equal(db_nodes_attempt(2, 3, 2), 1);
	assert_int_equal(db_nodes_attempt(0, 1, 0), 0);
	/* Every node once in n attempts, whichever was last. */
	for (size_t cur = 0; cur < 5; cur++) {
		int seen[5] = { 0 };

		for (size_t k = 0; k < 5; k++)
			seen[db_nodes_attempt(cur, 5, k)]++;
		for (size_t i = 0; i < 5; i++)
			assert_int_equal(seen[i], 1);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(valid_lists),
		cmocka_unit_test(invalid_lists),
		cmocka_unit_test(at_most_sixteen),
		cmocka_unit_test(parses_sockets_and_tcp),
		cmocka_unit_test(refuses_to_parse_a_bad_list),
		cmocka_unit_test(attempt_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
