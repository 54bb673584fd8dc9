/*
 * report_fixture.h: the shared fixture of the report's pure unit tests
 * (test_report_pass.c, test_report_quest_pairs.c): one arena, a, made
 * before the group's tests and freed after them (the setup and teardown
 * given to cmocka_run_group_tests). Each test file includes it once, so
 * the definitions are static there.
 */
#ifndef REPORT_FIXTURE_H
#define REPORT_FIXTURE_H

#include "arena.h"

static struct arena a;

static int
setup(void **state)
{
	(void)state;
	return arena_init(&a, 1u << 20) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&a);
	return 0;
}

#endif /* !REPORT_FIXTURE_H */
