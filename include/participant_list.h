/*
 * participant_list.h: the insats staff's participant list (GET
 * /deltagare) as a page of ids first: the page's 50 ids are chosen from
 * the narrow columns the filter and the order read, then the page's rows
 * only are read in full with their overdue kinds, and the count of the
 * matches is bounded (PARTICIPANT_LIST_AHEAD past the page), all in one
 * statement; the filter's choices (the caller's insatser and colleagues)
 * in a second. Who sees which row is as participation_list() in
 * participation.h: the caller's insatser only, in SQL.
 */
#ifndef PARTICIPANT_LIST_H
#define PARTICIPANT_LIST_H

#include <stddef.h>

#include "app.h"
#include "paging.h"
#include "participation.h"
#include "str.h"

struct req;

/* The list counts at most this many rows past the end of the page. */
#define PARTICIPANT_LIST_AHEAD 1000

/* A choice of the list's filter: an insats (kind 0) the caller works in,
 * or a colleague (kind 1) of those insatser who may be contact person. */
struct participant_list_option {
	long long kind;
	long long id;
	struct str name;
};
extern const struct db_record participant_list_option_record;

/* The caller's active insatser by name, then the active insats staff of
 * them by name: *ins and *staff point into one arena array. */
enum app_err participant_list_options(struct req *, long long staff_id,
    struct participant_list_option **ins, size_t *nins,
    struct participant_list_option **staff, size_t *nstaff);

/* The bound of the count for a page at offset (paging_offset()): the
 * statement counts at most this many matches and one more. */
long long participant_list_bound(long long offset);

/* One page (paging.h) of the participations f selects, in pg's order
 * (the name order as participation_list()); *total how many match, at
 * most participant_list_bound() + 1 (*more: 1 when beyond the bound,
 * then *total is the bound); 0 and no rows past the end. Arena. */
enum app_err participant_list_page(struct req *,
    const struct participation_filter *f, const struct paging *pg,
    struct participation_row **rows, size_t *n, long long *total, int *more);

#endif /* !PARTICIPANT_LIST_H */
