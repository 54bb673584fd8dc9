/*
 * participant_list.h: the insats staff's participant list (GET
 * /deltagare) a page at a time, read from participation_order (sql/0049):
 * the page's ids first, then those rows in full with their overdue kinds,
 * and the count, all in one statement; the filter's choices (the caller's
 * insatser and colleagues) and the key of the row the page follows in a
 * second. Who sees which row is as participation_list() in
 * participation.h: the caller's insatser only, in SQL.
 *
 * Pages follow a key, not an offset: "Nästa 50" carries the id of the
 * last row shown (never a name: it is in the URL), and the next page is
 * the rows after that row's place in the order as it is when the page is
 * asked for (its name key, sort value and id, read again then). What
 * holds between two loads: a row whose place does not change is on the
 * next pages if and only if it sorts after the key row's place then,
 * whatever other rows are added, changed or removed. What does not: a row whose own
 * place crosses the key's (renamed, its sort value changed) is missed or
 * shown twice; and the key row is not held where it was: if it is renamed
 * or its sort value changes, the page starts at its new place, so the
 * rows between its old and new place are skipped (it moved on) or shown
 * again (it moved back). A key row that is no longer one of the caller's
 * insatser's (or deleted) starts the list again at page 1.
 *
 * In the name order (the default) the page reads its rows in index
 * order, per insats of the caller (PARTICIPANT_LIST_SLOTS at most; with
 * more, and in the other orders, every match is sorted).
 */
#ifndef PARTICIPANT_LIST_H
#define PARTICIPANT_LIST_H

#include <stddef.h>

#include "app.h"
#include "paging.h"
#include "participation.h"
#include "str.h"

struct req;

/* The list counts at most this many matches when it cannot sum stored
 * counts (a contact, gender or overdue filter). */
#define PARTICIPANT_LIST_AHEAD 1000
/* Rows a page fetches: PAGING_ROWS and one more (is there a next?). */
#define PARTICIPANT_LIST_FETCH 51
/* The caller's insatser the name order reads one by one in index order. */
#define PARTICIPANT_LIST_SLOTS 6

/* A row of the options statement: an insats (kind 0) the caller works in,
 * or a colleague (kind 1) of those insatser who may be contact person;
 * kind 2, the key row (name: its name key, sv: its sort value), and kind
 * 3, an inactive insats of the caller, are not choices. */
struct participant_list_option {
	long long kind;
	long long id;
	struct str name;
	struct str sv;
};
extern const struct db_record participant_list_option_record;

/* Where a page starts: after row id (0: from the first), whose name key
 * and sort value the options statement read. */
struct participant_list_key {
	long long id;
	struct str name_key, sv;
};

/* The filter's choices and the key: the caller's active insatser by
 * name, then the active insats staff of them by name (*ins and *staff
 * point into one arena array), the caller's insatser active or not
 * (*mine, *nmine; arena), and the key of row after_id in order (0: none;
 * key->id 0 when it is not a row of the caller's insatser). */
enum app_err participant_list_options(struct req *, long long staff_id,
    long long after_id, long long order, struct participant_list_option **ins,
    size_t *nins, struct participant_list_option **staff, size_t *nstaff,
    long long **mine, size_t *nmine, struct participant_list_key *key);

/* The PAGING_ROWS participations f selects after key (key->id 0: the
 * first) in order (paging_order()), of the caller's insatser mine (as
 * participant_list_options() gave them); *total how many match in all
 * (*more 1: more than PARTICIPANT_LIST_AHEAD, then *total is that),
 * *next 1 when rows follow the page. Arena. */
enum app_err participant_list_page(struct req *,
    const struct participation_filter *f, long long order,
    const struct participant_list_key *key, const long long *mine, size_t nmine,
    struct participation_row **rows, size_t *n, long long *total, int *more,
    int *next);

#endif /* !PARTICIPANT_LIST_H */
