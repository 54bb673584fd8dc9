/*
 * insats_public.h: the insatser as anyone may see them on the public start
 * page: name, places, period, where, who hosts them, for whom, and their
 * goals. No personal data, no figures.
 */
#ifndef INSATS_PUBLIC_H
#define INSATS_PUBLIC_H

#include <stddef.h>

#include "app.h"
#include "db.h"
#include "str.h"

struct arena;

/* An active insats (SQL_INSATS_LIST). Strings are borrowed from the arena
 * it was loaded into; "" for none. */
struct insats_public {
	long long id;
	struct str name, location, target_groups;
	struct str places;       /* "" when the insats has no place limit */
	struct str period_start; /* ÅÅÅÅ-MM-DD */
	struct str period_end;   /* ÅÅÅÅ-MM-DD, "" while open-ended */
	struct str host;         /* the hosting organisation's name */
};
extern const struct db_record insats_public_record;

/* A goal of an active insats (SQL_INSATS_GOALS): at least numerator of
 * every denominator of those who ended; percent when out of 100. */
struct insats_public_goal {
	long long insats_id;
	struct str label;
	long long numerator, denominator;
	int percent;
};
extern const struct db_record insats_public_goal_record;

/* Every active insats of the request's förbund (db_forbund_set()) by
 * name into *ins (*nins of them), and every goal of
 * them by insats id, then their order, into *goals (*ngoals). Arena
 * arrays, NULL when empty. APP_E* from the database. */
enum app_err insats_public_load(struct db *, struct arena *,
    struct insats_public **ins, size_t *nins, struct insats_public_goal **goals,
    size_t *ngoals);

/* The generation of the public page (SQL_PUBLIC_GENERATION,
 * sql/0045_public_page_generation.sql): set anew by the database whenever
 * an insats, a goal, an organisation or a förbund changes. Compared as
 * text. With it, the förbund whose page an anonymous visitor gets
 * (sql/0071): the one whose public_host is the request's host name (none
 * when it is inactive), else, when no förbund has that name, the one
 * active förbund without a host name (the installation's default), else
 * none (0). */
struct public_generation {
	struct str gen;       /* arena; "" when the row is missing */
	long long forbund_id; /* 0: no förbund's page at this host */
};
extern const struct db_record public_generation_record;

/* The current generation of the public page into *gen (arena), and the
 * förbund of host (a public_host_of() name, "" for none) into *forbund
 * (0: none). APP_E* from the database; a missing row is APP_OK with ""
 * (which no kept page matches) and förbund 0. */
enum app_err insats_public_generation(struct db *, struct arena *,
    struct str host, struct str *gen, long long *forbund);

/* The goals of insats id among goals (as loaded: by insats id): *first is
 * the index of its first, the return value how many (0: none). */
size_t insats_public_goals_of(const struct insats_public_goal *goals,
    size_t ngoals, long long id, size_t *first);

#endif /* !INSATS_PUBLIC_H */
