/*
 * gallring_run.h: one gallring run over every rule (include/gallring.h,
 * table gallring_rule), or only its count: what the run would remove.
 * `stegvis gallring` (gallring_cli.c) applies or, with --dry-run, counts;
 * /admin/gallring (page_admin_gallring.c) shows the same count as "what
 * the next run removes". One counting, written once.
 *
 * Applying: each record is its own small transaction: the record is
 * locked and checked again (not yet gallrad, still due by gallring.h's
 * predicate), changed with everything that belongs to it, and given one
 * access-log row (action update, user cli:gallring, its personnummer),
 * then committed. So a run that is killed half way leaves every record
 * either untouched or done, and the next run does the rest; a second run
 * removes nothing. Bulk rows without personal meaning of their own
 * (expired codes, sessions, login failures) go in deletes of at most
 * GALLRING_BULK rows.
 *
 * Counting changes nothing and counts each rule as if it ran alone (a
 * consent that goes with its participation is counted under both). It
 * reads no personal data: candidate rows carry ids, states and dates.
 *
 * Memory: every allocation is from the arena passed in, rewound to where
 * it stood on entry before each page of candidates and on return, so a
 * long run fits a request's arena.
 */
#ifndef GALLRING_RUN_H
#define GALLRING_RUN_H

#include <stddef.h>

#include "app.h"
#include "gallring.h"

struct arena;
struct db;

/* The stored rules as one run reads them. */
struct gallring_plan {
	long keep[GR__MAX]; /* keep_days per code */
	long today;         /* date_days() of today, UTC */
};

/* What a run did or would do. */
struct gallring_tally {
	long long n[GR__MAX]; /* records removed, or due when counting */
	long long skipped;    /* lock conflicts: left for the next run */
	long long once_keys;  /* applying: create forms' one-time keys older
	                       * than ONCE_KEEP_DAYS removed (once.h) */
	char err[256];        /* a Swedish message when not APP_OK */
};

/*
 * The stored rules and today into *plan. APP_OK; APP_EINPUT with msg set
 * when a rule is missing or the set is refused by gallring_validate()
 * (then nothing may run); APP_EDB (msg set) when the database failed.
 */
enum app_err gallring_plan_load(struct db *, struct arena *,
    struct gallring_plan *plan, char *msg, size_t n);

/*
 * Count per rule what a run with plan would remove (t->n), changing
 * nothing. progress: 1 to show a progress line on a terminal (progress.h).
 * APP_OK, else an error with t->err set.
 */
enum app_err gallring_count(struct db *, struct arena *,
    const struct gallring_plan *plan, int progress, struct gallring_tally *t);

/*
 * Apply every rule with plan. sus_dir: the conf's sus_export_dir, where
 * the sus_dokument rule also removes the batch files `stegvis sus-export`
 * wrote (NULL or "" for none). crash_after > 0: a test hook, the process
 * kills itself with SIGKILL after that many committed records (see
 * gallring_cli.h). Progress on a terminal. APP_OK with t->n removed per
 * rule, else an error with t->err set (what was committed stays).
 */
enum app_err gallring_apply(struct db *, struct arena *,
    const struct gallring_plan *plan, const char *sus_dir,
    long long crash_after, struct gallring_tally *t);

#endif /* !GALLRING_RUN_H */
