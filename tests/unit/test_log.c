/* test_log.c: unit tests for the log's rate limit (app/log.c) with a fake
 * clock: repeats past the burst are suppressed and told once in a summary,
 * every distinct message and every "BUG: " line is written, and digits do
 * not make a line new. Also the out-of-space classification of db.c,
 * which decides which database errors are a 503 and logged as such. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db.h"
#include "log.h"

static long long fake_now;

static long long
fake_clock(void)
{
	return fake_now;
}

/* stderr goes into a temporary file for the test; what() reads it. */
static FILE *captured;
static int saved_stderr = -1;

static int
setup(void **state)
{
	(void)state;
	fflush(stderr);
	captured = tmpfile();
	if (captured == NULL)
		return -1;
	saved_stderr = dup(2);
	dup2(fileno(captured), 2);
	fake_now = 1000000;
	log_set_clock(fake_clock);
	log_set_request_id(NULL);
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	fclose(captured);
	log_set_clock(NULL);
	return 0;
}

/* How many lines written so far contain needle. */
static int
lines_with(const char *needle)
{
	char line[2048];
	int n = 0;

	fflush(stderr);
	rewind(captured);
	while (fgets(line, sizeof(line), captured) != NULL)
		if (strstr(line, needle) != NULL) {
			n++;
			if (getenv("TEST_LOG_DEBUG"))
				dprintf(saved_stderr, "%.120s", line);
		}
	fseek(captured, 0, SEEK_END);
	return n;
}

static void
repeats_are_limited(void **state)
{
	(void)state;
	for (int i = 0; i < 100; i++)
		log_warn("database: connect: %s", "Can't connect");
	assert_int_equal(lines_with("database: connect"), LOG_LIMIT_BURST);
	assert_int_equal(lines_with("suppressed"), 0);
	/* The window passes: the next request boundary tells the count. */
	fake_now += LOG_LIMIT_WINDOW_MS;
	log_set_request_id("abc");
	assert_int_equal(lines_with("95 similar lines suppressed, the last: "
	                            "database: connect: Can't connect"),
	    1);
	/* and the key writes again, a fresh burst. */
	for (int i = 0; i < 10; i++)
		log_warn("database: connect: %s", "Can't connect");
	assert_int_equal(
	    lines_with("warn req=abc: database: connect"), LOG_LIMIT_BURST);
	/* Nothing more is told until that window is over as well. */
	log_set_request_id(NULL);
	assert_int_equal(lines_with("similar lines suppressed"), 1);
	fake_now += LOG_LIMIT_WINDOW_MS;
	log_set_request_id(NULL);
	assert_int_equal(lines_with("req=-: 5 similar lines suppressed"), 1);
}

static void
every_distinct_message_is_written(void **state)
{
	(void)state;
	for (int i = 0; i < 20; i++) {
		log_warn("statement: %s", "Lock wait timeout exceeded");
		log_warn("statement: %s", "The table 'person' is full");
		log_error("statement: %s", "Lock wait timeout exceeded");
	}
	assert_int_equal(
	    lines_with("warn req=-: statement: Lock wait"), LOG_LIMIT_BURST);
	assert_int_equal(
	    lines_with("warn req=-: statement: The table"), LOG_LIMIT_BURST);
	/* another level is another key */
	assert_int_equal(
	    lines_with("error req=-: statement: Lock wait"), LOG_LIMIT_BURST);
	/* and one never seen before is written however busy the others */
	log_warn("statement: %s", "Deadlock found");
	assert_int_equal(lines_with("Deadlock found"), 1);
}

static void
digits_do_not_make_a_line_new(void **state)
{
	(void)state;
	for (int i = 0; i < 50; i++)
		log_error(
		    "POST /deltagande/%d/kontakt -> 503 (handler)", i + 1);
	assert_int_equal(lines_with("/kontakt -> 503"), LOG_LIMIT_BURST);
	fake_now += LOG_LIMIT_WINDOW_MS;
	log_flush();
	assert_int_equal(lines_with("45 similar lines suppressed, the last: "
	                            "POST /deltagande/50/kontakt"),
	    1);
}

static void
bugs_are_never_suppressed(void **state)
{
	(void)state;
	for (int i = 0; i < 200; i++)
		log_error("BUG: db_cell(%d, 9) outside 1 rows x 3 columns", 1);
	assert_int_equal(lines_with("BUG: db_cell"), 200);
	log_flush();
	assert_int_equal(lines_with("suppressed"), 0);
}

static void
flush_tells_what_is_pending(void **state)
{
	(void)state;
	for (int i = 0; i < 7; i++)
		log_info("worker %d exited", 42);
	/* at exit, whatever the window */
	log_flush();
	assert_int_equal(
	    lines_with("req=-: 2 similar lines suppressed, the last: "
	               "worker 42"),
	    1);
	log_flush();
	assert_int_equal(lines_with("similar lines suppressed"), 1);
}

static void
many_keys_keep_the_bound(void **state)
{
	(void)state;
	/* More keys than slots: each is written at first sight, and the
	 * evicted ones tell their counts; nothing is lost silently. */
	for (int round = 0; round < 10; round++)
		for (int k = 0; k < 2 * LOG_LIMIT_KEYS; k++)
			log_warn("key %c%c", 'a' + k % 26, 'a' + k / 26);
	assert_int_equal(lines_with("key aa"), 10);
	log_flush();
	/* within one window each key writes at most its burst */
	assert_true(lines_with("warn req=-: key") <= 10 * 2 * LOG_LIMIT_KEYS);
}

static void
long_lines_are_cut_at_a_character(void **state)
{
	char big[600];
	size_t n = 0;

	(void)state;
	while (n + 2 < sizeof(big) - 1) {
		memcpy(big + n, "\xc3\xa5", 2); /* å */
		n += 2;
	}
	big[n] = '\0';
	for (int i = 0; i < LOG_LIMIT_BURST + 1; i++)
		log_warn("text %s", big);
	log_flush();
	/* the quoted text ends in a whole "å", never half of one */
	assert_int_equal(lines_with("\xc3\xa5..."), 1);
	assert_int_equal(lines_with("\xc3..."), 0);
}

static void
out_of_space_errors(void **state)
{
	(void)state;
	assert_true(db_error_is_full(1114, "The table 'person' is full"));
	assert_true(db_error_is_full(1021, NULL));
	assert_true(db_error_is_full(1878, "Temporary file write failure"));
	assert_true(db_error_is_full(1030,
	    "Got error 28 \"No space left on device\" from storage engine "
	    "InnoDB"));
	assert_true(db_error_is_full(3,
	    "Error writing file './x' (Errcode: 28 \"No space left on "
	    "device\")"));
	assert_true(db_error_is_full(1026,
	    "Error writing file 'x' (Errcode: 28 \"No space left on "
	    "device\")"));
	assert_true(db_error_is_full(1180,
	    "Got error 28 \"No space\" during "
	    "COMMIT"));
	/* The same numbers with another errno, and the rest: not full. */
	assert_false(db_error_is_full(1030,
	    "Got error 122 \"Disk quota\" "
	    "from storage engine"));
	assert_false(db_error_is_full(1030, "Got error 280 from engine"));
	assert_false(db_error_is_full(1026, NULL));
	assert_false(db_error_is_full(1205, "Lock wait timeout exceeded"));
	assert_false(db_error_is_full(2006, "Server has gone away"));
	assert_false(db_error_is_full(1062, "Duplicate entry"));
	assert_false(db_error_is_full(0, "error 28 "));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    repeats_are_limited, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    every_distinct_message_is_written, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    digits_do_not_make_a_line_new, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    bugs_are_never_suppressed, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    flush_tells_what_is_pending, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    many_keys_keep_the_bound, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    long_lines_are_cut_at_a_character, setup, teardown),
		cmocka_unit_test(out_of_space_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
