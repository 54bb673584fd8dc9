/*
 * report_quest_pairs.h: the start and end measurements of the linked
 * questionnaire in the activity report (report_quest.c), paired in C from
 * the rows of SQL_REPORT_QUEST_VALUES (sql_report.h), read a range of
 * participation ids at a time: the grouped rows are exactly those that
 * single grouped statement they replace gave (one per gender, struct
 * report_quest_pairs_row).
 *
 * Who counts: a participation whose end measurement was sent in the
 * period (kind 1, or kind 0 with such a row), with its start and end
 * values; one that ended in the period without any sent end measurement
 * (kind 0 without an end row), with its start values; not one that
 * ended in the period whose end measurement was sent another time.
 *
 * The value of an item at a measurement is that of the latest response
 * (the greatest response id) with a value of the item; of one response's
 * several answers to an item, the greatest as text (as the statement's
 * MAX over the id padded to 20 digits then the value). Values are never
 * negative (scale and VAS items), so the text order is the digits'.
 *
 * Pure: no I/O, no database; the state in the arena given to
 * rq_pairs_new(). The rows added need not outlive rq_pairs_add().
 */
#ifndef REPORT_QUEST_PAIRS_H
#define REPORT_QUEST_PAIRS_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct arena;
struct report_quest_pairs_row;

/* Items: the two VAS items, then the four scale items of the health
 * table (SQL_REPORT_QUEST_VALUES's item is 1 .. RQP_ITEMS, 0: none). */
#define RQP_ITEMS 6

/* One row of SQL_REPORT_QUEST_VALUES: participation pid of gender, of the
 * end-measured (kind 1) or the ended in the period (kind 0), with one
 * measurement (rid > 0: the end measurement or the start, end_in: an end
 * measurement sent in the period) and one answer (item: the item's id,
 * value v) or none (item 0), or no measurement (rid 0). */
struct report_quest_value_row {
	long long pid;
	struct str gender;
	int kind;
	long long rid;
	int at_end, end_in;
	long long item, v;
};

/* One row of SQL_REPORT_QUEST_ITEM_IDS: item id is item 1 .. RQP_ITEMS. */
struct report_quest_item_id_row {
	long long id, item;
};

struct rq_pairs;

/* NULL on a full arena. map: the items by id (n rows, copied; ids not
 * in it are no item of the pairs). */
struct rq_pairs *rq_pairs_new(
    struct arena *, const struct report_quest_item_id_row *map, size_t n);

/* Sort rows by participation (rq_pairs_add's order). */
void rq_pairs_sort(struct report_quest_value_row *rows, size_t n);

/* Add one row; the rows of a participation come one after another. */
void rq_pairs_add(struct rq_pairs *, const struct report_quest_value_row *);

/* The grouped rows, in the order of enum gender, a gender only when it
 * has participations; arena array. APP_ENOMEM on a full arena. */
enum app_err rq_pairs_rows(struct rq_pairs *, struct arena *,
    struct report_quest_pairs_row **rows, size_t *n);

#endif /* !REPORT_QUEST_PAIRS_H */
