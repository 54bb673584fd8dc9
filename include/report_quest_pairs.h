/*
 * report_quest_pairs.h: the start and end measurements of the linked
 * questionnaire in the activity report (report_quest.c), paired in C from
 * the rows of SQL_REPORT_QUEST_VALUES (sql_report.h), read a range of
 * participation ids at a time: the grouped rows are exactly those that
 * single grouped statement they replace gave (one per gender, struct
 * report_quest_pairs_row).
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
 * end-measured (kind 1) or the ended without one (kind 0), with one
 * answer (item > 0: response rid, at the end measurement or the start,
 * value v) or none (item 0). */
struct report_quest_value_row {
	long long pid;
	struct str gender;
	int kind;
	long long rid;
	int at_end;
	long long item, v;
};

struct rq_pairs;

/* NULL on a full arena. */
struct rq_pairs *rq_pairs_new(struct arena *);

/* Add one row; the rows of a participation come one after another. */
void rq_pairs_add(struct rq_pairs *, const struct report_quest_value_row *);

/* The grouped rows, in the order of enum gender, a gender only when it
 * has participations; arena array. APP_ENOMEM on a full arena. */
enum app_err rq_pairs_rows(struct rq_pairs *, struct arena *,
    struct report_quest_pairs_row **rows, size_t *n);

#endif /* !REPORT_QUEST_PAIRS_H */
