/*
 * fuzz_db_scope.c: libFuzzer target for db_scope_plan() (app/db_scope.c),
 * the scanner that finds ":forbund" and "?" in a statement's text.
 *
 * Links: app/db_scope.c (plus the shared replay main, or clang
 * -fsanitize=fuzzer). The input, cut at its first NUL, is planned.
 * Invariants checked with abort():
 *  - nscope <= nplaceholders, and is_scope holds nscope ones;
 *  - the text shrinks by exactly the token's length less one per
 *    :forbund, and has one '?' more per :forbund;
 *  - planning the planned text again finds the same placeholders, none
 *    of them the förbund's (a ? put in never joins a quote or comment);
 *  - db_scope_bind() fills every placeholder, the förbund's with it.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "db_scope.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static size_t
count_char(const char *s, char c)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += *s == c;
	return n;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct db_scope_plan p, again;
	struct db_param *caller, *all;
	size_t tok = sizeof(DB_SCOPE_TOKEN) - 1, ones = 0, ncaller;
	char *sql;

	if ((sql = malloc(size + 1)) == NULL)
		return 0;
	memcpy(sql, data, size);
	sql[size] = '\0';
	if (db_scope_plan(sql, &p) != 0) {
		free(sql);
		return 0;
	}
	if (p.nscope > p.nplaceholders)
		abort();
	for (unsigned k = 0; k < p.nplaceholders; k++)
		ones += p.is_scope[k];
	if (ones != p.nscope)
		abort();
	if (strlen(p.sql) != strlen(sql) - p.nscope * (tok - 1))
		abort();
	if (count_char(p.sql, '?') != count_char(sql, '?') + p.nscope)
		abort();
	if (db_scope_plan(p.sql, &again) == 0) {
		if (again.nplaceholders != p.nplaceholders || again.nscope != 0)
			abort();
		db_scope_plan_free(&again);
	}
	ncaller = p.nplaceholders - p.nscope;
	caller = calloc(ncaller + 1, sizeof(*caller));
	all = calloc(p.nplaceholders + 1, sizeof(*all));
	if (caller != NULL && all != NULL) {
		for (size_t k = 0; k < ncaller; k++)
			caller[k] = DB_INT((long long)k + 100);
		if (db_scope_bind(&p, 7, caller, ncaller, all) != 0)
			abort();
		for (size_t k = 0, next = 0; k < p.nplaceholders; k++)
			if (p.is_scope[k]
			        ? all[k].i != 7
			        : all[k].i != (long long)(next++ + 100))
				abort();
		if (ncaller > 0 &&
		    db_scope_bind(&p, 7, caller, ncaller - 1, all) != -1)
			abort();
	}
	free(caller);
	free(all);
	db_scope_plan_free(&p);
	free(sql);
	return 0;
}
