/*
 * report_suppress.h: small-cell protection for the activity report, by
 * cell suppression with protection intervals audited by linear
 * programming (the method of Statistics Sweden's and Eurostat's handbooks
 * on statistical disclosure control: primary suppression, then secondary
 * suppression until every suppressed cell's feasibility interval is wide
 * enough).
 *
 * The model. Every figure a report publishes about a group of people is a
 * cell: a count (people), or a measure of such a group (places in use),
 * with the people behind it. The report declares every linear relation a
 * reader can use, each as whole = sum of parts, within a table and across
 * tables (a goal's count is the sum of some outcomes; the rows of every
 * breakdown add up to the participants). A relation may hold unpublished
 * cells: unknowns to the reader that tie published cells (people of no
 * shown gender; the enrolled who did not start in the period).
 *
 * The rules, in sup_run():
 *   - Primary: a published cell about 1 .. min_cell - 1 people is
 *     suppressed (SUP_SMALL), unless fixed. A 0 is not: "none" is not a
 *     person.
 *   - Secondary cells (SUP_HIDDEN) are published with the same mark as
 *     primary ones ("×"), as statistics offices do: the mark does not tell
 *     a reader which hidden figures are small (with "< 5" beside "×", a
 *     row "< 5", "×", total 6 would give 1 and 5).
 *   - The reader's knowledge is then exactly: the relations, every shown
 *     value, and every cell >= 0 (a suppressed cell may be anything, 0
 *     too, since secondary suppression may hide a 0 when nothing else is
 *     left).
 *   - A cell needs protection when it is suppressed, or unpublished and
 *     small.
 *   - For each such cell the least and the greatest value a reader can
 *     reach from that knowledge are computed with GLPK's simplex (min and
 *     max of the cell over the relations that connect it), rounded inwards
 *     to whole people. The protection requirement:
 *       a count: greatest - least >= min_cell. A small cell (at most
 *         min_cell - 1) then always has a range that reaches min_cell, so
 *         the published figures never show that a hidden group is small,
 *         let alone its size; and no hidden figure, 0 included, is ever
 *         known to within fewer than min_cell + 1 values;
 *       a measure: greatest > least (it cannot be worked out exactly).
 *   - Secondary: first, a relation whose only unknown is a cell that needs
 *     protection gets one more hidden (its cheapest candidate); then each
 *     cell that fails the audit gets more hidden: of the shown cells in its
 *     relations, the one that brings it closest to protected (the cheapest
 *     of equals), else the cheapest; then the single-unknown rule again,
 *     and the audit again. Hiding a cell only widens every range, so a cell
 *     that passed stays passed and this ends.
 *   - Candidates: shown, published, not fixed. The cheapest is the
 *     smallest non-zero one; a 0 comes last.
 *   - When no candidate is left (everything around the cell is hidden or
 *     fixed, e.g. a grand total under min_cell), the cell is counted by
 *     sup_unprotected().
 *   - Bounded work: one run spends at most 4 000 solves on trying
 *     candidates; then it tries only as many as are left (the nearest
 *     first), then none, and hides the cheapest. And past 4 million LP
 *     columns solved over in all (about a second), every candidate
 *     connected through relations to a cell still open is hidden (more
 *     than any run could hide around it, so no cell is less protected than
 *     without the bound) and the open cells count as unprotected. Counts,
 *     not times: the same figures give the same marks on any machine and
 *     load (two patterns of one table could be combined).
 * A cell shared by several tables is one cell: shown or hidden everywhere.
 *
 * Pure apart from GLPK: no I/O. The set, its cells and relations are in
 * the arena given to sup_new(); sup_run() takes its working memory from the
 * same arena and gives it back (arena_rewind()) before it returns, as GLPK's
 * heap memory (its problems) is freed again: the arena's fill level is the
 * same after sup_run() as before.
 */
#ifndef REPORT_SUPPRESS_H
#define REPORT_SUPPRESS_H

#include <stddef.h>

#include "app.h"

struct arena;
struct sup_set;

enum sup_mark {
	SUP_SHOWN,  /* published */
	SUP_SMALL,  /* primary: 1 .. min_cell - 1 people */
	SUP_HIDDEN, /* secondary, or never published */
};

/* Flags of sup_cell() and sup_measure(). */
#define SUP_FIXED       0x1u /* always shown: a grand total */
#define SUP_UNPUBLISHED 0x2u /* never shown: an unknown tying shown cells */

/* An empty set with room for max_cells cells, max_rels relations and
 * max_members cell references over all relations (each whole counts).
 * NULL when a is full. Arena (a is kept for sup_run()). */
struct sup_set *sup_new(
    struct arena *a, size_t max_cells, size_t max_rels, size_t max_members);

/* A new count cell of n people. Returns its index, or -1 when the set is
 * full. */
int sup_cell(struct sup_set *, long long n, unsigned flags);

/* A new measure cell: the figure value (>= 0) about a group of `people`
 * people (the primary rule looks at people). -1 when full. */
int sup_measure(
    struct sup_set *, double value, long long people, unsigned flags);

/* Start a new relation whole = sum of parts, then add its parts. Each
 * returns APP_OK, or APP_ENOMEM when the set is full. A negative whole
 * starts a void relation whose parts are ignored, and a negative part is
 * ignored, so callers may pass "no cell" through. Counts and measures are
 * not mixed in one relation. */
enum app_err sup_rel_begin(struct sup_set *, int whole);
enum app_err sup_rel_add(struct sup_set *, int part);

/* Cell `cell` is shown only when `leader` is (a share is shown only with
 * its denominator): sup_run() hides it, as secondary, once the leader is
 * suppressed, and audits it like any other. APP_ENOMEM when the set (max
 * max_cells such pairs) or the arena is full. Negative cells: nothing. */
enum app_err sup_follow(struct sup_set *, int cell, int leader);

/* Mark the cells as above; min_cell >= 2. APP_OK; APP_EINPUT when a
 * relation does not hold for the values (a caller's bug: nothing is then
 * decided); APP_ENOMEM when the arena or GLPK runs out. Can be run again
 * after more cells and relations are added: marks are only ever added. */
enum app_err sup_run(struct sup_set *, long long min_cell);

/* A run's marks kept for the next identical set: the activity document
 * builds the path's joint set once per insats (report_flow.c), the same
 * figures each time, and each run of it may take a second. In a (longer
 * lived) arena; NULL when it is full. */
struct sup_memo;
struct sup_memo *sup_memo_new(struct arena *a);

/* sup_run() on a set not run before, unless memo holds the outcome of a
 * set with the same cells, values, relations, follows and min_cell (two
 * 64-bit hashes): then that outcome, which is what sup_run() would give
 * (it is deterministic). Else the run's outcome is kept in memo. A set
 * decided from the memo lacks the per-cell audit memo a run leaves, so it
 * is not to be run again (report_flow.c drops it at once). */
enum app_err sup_run_memo(
    struct sup_set *, long long min_cell, struct sup_memo *memo);

/* The cell's mark after sup_run() (SUP_SHOWN before, and for a negative
 * index; SUP_HIDDEN for an unpublished cell). */
enum sup_mark sup_mark(const struct sup_set *, int cell);

/* The count the cell was created with (a measure: its people; 0 for a
 * negative index). */
long long sup_count(const struct sup_set *, int cell);

/* After sup_run(): relations with exactly one unknown (suppressed or
 * unpublished) cell that needs protection. 0 unless only fixed or zero
 * cells were left around it. For the tests. */
size_t sup_open_relations(const struct sup_set *);

/* 1 when the last sup_run() audited the cell and found it protected. */
int sup_passed(const struct sup_set *, int cell);

/* The simplex solves of the last sup_run() (audits and trials); for the
 * tests, which hold the work bound above. */
size_t sup_solves(const struct sup_set *);

/* After sup_run(): cells that need protection and could not get it (no
 * candidate left around them). */
size_t sup_unprotected(const struct sup_set *);

#endif /* !REPORT_SUPPRESS_H */
