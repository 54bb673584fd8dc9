/*
 * report_suppress.h: small-cell suppression for the activity report.
 *
 * Every number a report publishes about a group of people is a cell with
 * the count of people behind it. A cell counting 1 to min_cell - 1 people
 * is suppressed (primary: shown as "< 5"). Published sums are relations:
 * the cells of a row and its total, a column and its total, outcome counts
 * and a goal's result. A relation with exactly one suppressed cell would
 * let a reader back the cell out by subtraction, so in every such relation
 * one more cell is suppressed (secondary: shown as "x"), the smallest
 * non-zero one (zeros only when nothing else is left), until no relation has
 * exactly one. A cell shared by several tables (the participants by gender
 * are the column totals of every breakdown) is one cell, so it is shown or
 * hidden the same everywhere. Zero cells are shown: "none" is not a person.
 *
 * This is the usual heuristic of statistics offices (every relation 0 or
 * >= 2 suppressed); it is not an optimal or LP-audited pattern. Pure: no
 * I/O, memory from the arena given to sup_new().
 */
#ifndef REPORT_SUPPRESS_H
#define REPORT_SUPPRESS_H

#include <stddef.h>

#include "app.h"

struct arena;
struct sup_set;

enum sup_mark {
	SUP_SHOWN,  /* published */
	SUP_SMALL,  /* primary: 1 .. min_cell - 1 people, "< 5" */
	SUP_HIDDEN, /* secondary: hidden so a SMALL one cannot be backed out */
};

/* An empty set with room for max_cells cells, max_rels relations and
 * max_members cell references over all relations. NULL when a is full.
 * Arena. */
struct sup_set *sup_new(
    struct arena *a, size_t max_cells, size_t max_rels, size_t max_members);

/* A new cell counting n people; fixed: never suppressed (the grand total
 * of a report). Returns its index, or -1 when the set is full. */
int sup_cell(struct sup_set *, long long n, int fixed);

/* Start a new relation (a published sum) and add cells to it. Each returns
 * APP_OK or APP_ENOMEM when the set is full. A negative cell is ignored, so
 * callers may pass "no cell" through. */
enum app_err sup_rel_begin(struct sup_set *);
enum app_err sup_rel_add(struct sup_set *, int cell);

/* Mark the cells: primary, then secondary until every relation has zero or
 * at least two suppressed cells. min_cell >= 2. Idempotent. */
void sup_run(struct sup_set *, long long min_cell);

/* The cell's mark after sup_run() (SUP_SHOWN before; and for a negative
 * index). */
enum sup_mark sup_mark(const struct sup_set *, int cell);

/* The count the cell was created with (0 for a negative index). */
long long sup_count(const struct sup_set *, int cell);

/* Relations with exactly one suppressed cell after sup_run(): 0 unless a
 * relation could only be completed by a fixed cell. For the tests. */
size_t sup_open_relations(const struct sup_set *);

#endif /* !REPORT_SUPPRESS_H */
