/*
 * db_scope.h: the request's förbund in a statement (issue 20, several
 * förbund in one installation).
 *
 * A statement names the förbund it is scoped to as ":forbund" in its SQL,
 * as many times as it needs (a WHERE, an INSERT's value, a subquery). The
 * db layer replaces each by a "?" when it prepares the statement and binds
 * the request's förbund there itself (db_forbund_set()), so a handler
 * never passes it and cannot pass the wrong one; a scoped statement run
 * with no förbund set is refused as a bug. The caller's own parameters
 * keep their order around the förbund's.
 *
 * Text inside quotes ('..', "..", `..`) and comments is left alone:
 * ":forbund" there is text, and so is "?".
 *
 * Pure: no I/O.
 */
#ifndef DB_SCOPE_H
#define DB_SCOPE_H

#include <stddef.h>

#include "db.h"

#define DB_SCOPE_TOKEN ":forbund"

/* A statement's text made ready to prepare. */
struct db_scope_plan {
	char *sql;               /* every :forbund as ?; heap */
	unsigned nplaceholders;  /* every ? of sql, the förbund's included */
	unsigned nscope;         /* how many of them are the förbund's */
	unsigned char *is_scope; /* per placeholder, 1 for the förbund's;
	                          * heap, NULL when nplaceholders is 0 */
};

/* Plan sql. 0 on success, -1 when out of memory (nothing to free). */
int db_scope_plan(const char *sql, struct db_scope_plan *out);

void db_scope_plan_free(struct db_scope_plan *);

/*
 * The parameters to bind for plan: the caller's n parameters in order,
 * with forbund at each of the förbund's places. out has room for
 * plan->nplaceholders. -1 when n is not the caller's share
 * (nplaceholders - nscope): a bug in the caller.
 */
int db_scope_bind(const struct db_scope_plan *plan, long long forbund,
    const struct db_param *params, size_t n, struct db_param *out);

#endif /* !DB_SCOPE_H */
