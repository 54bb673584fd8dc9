/*
 * gallring_run.h: one gallring run over every rule (include/gallring.h,
 * table gallring_rule), or only its count: what the run would remove.
 * `stegvis gallring` (gallring_cli.c) applies or, with --dry-run, counts;
 * /admin/gallring (page_admin_gallring.c) shows the same count as "what
 * the next run removes". One counting, written once.
 *
 * Per förbund: each förbund is its own personuppgiftsansvarig and keeps
 * its own rules (sql/0074). A plan is the rules of the förbund set on the
 * handle (db_forbund_set()), and a count or a run under it finds only that
 * förbund's records (a participation's, referral's or consent's by its
 * insats, a response's, code's, SUS document's or access-log row's by its
 * förbund, a session's or login's by its account's). The command runs
 * each förbund in turn (gallring_forbunds()).
 *
 * Rows of no förbund (access-log rows of installation events, failed
 * logins by names no account has, wrong questionnaire codes, form stashes
 * bound to no account) go by the rules of the förbund that manages the
 * installation: the first active one, the one whose admin manages the
 * installation's settings (forbund_may_manage_installation()), the first
 * of all when none is active. Neither the longest nor the shortest of all
 * förbund's rules: one admin answers for them, and sees the rule that
 * removes them on their own page. They are run (and counted, in
 * gallring_tally.none) with that förbund's plan, as are the create forms'
 * one-time keys.
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

struct gallring_forbund;

/* The stored rules of one förbund as one run reads them. */
struct gallring_plan {
	long keep[GR__MAX]; /* keep_days per code */
	long today;         /* date_days() of today, UTC */
	int installation;   /* the installation's first active förbund: the
	                     * rows of no förbund go by these rules too */
	int sole;           /* the installation's only active förbund */
};

/* What a run did or would do. */
struct gallring_tally {
	long long n[GR__MAX];    /* records removed, or due when counting */
	long long none[GR__MAX]; /* the same of rows of no förbund (only
	                          * inloggning and atkomstlogg have such) */
	long long committed;     /* applying: records committed one by one */
	long long skipped;       /* lock conflicts: left for the next run */
	long long once_keys;     /* applying: create forms' one-time keys older
	                       * than ONCE_KEEP_DAYS removed (once.h) */
	char err[256];           /* a Swedish message when not APP_OK */
};

/*
 * Every förbund, active or not (an inactive one's records still go by its
 * rules), in id order, into *out (from the arena). APP_OK or APP_EDB.
 */
enum app_err gallring_forbunds(
    struct db *, struct arena *, struct gallring_forbund **out, size_t *n);

/*
 * The stored rules of the förbund set on the handle, and today, into
 * *plan. APP_OK; APP_EINPUT with msg set
 * when a rule is missing or the set is refused by gallring_validate()
 * (then nothing may run); APP_EDB (msg set) when the database failed.
 */
enum app_err gallring_plan_load(struct db *, struct arena *,
    struct gallring_plan *plan, char *msg, size_t n);

/*
 * Count per rule what a run with plan would remove of the förbund set on
 * the handle (t->n; and t->none when plan->installation), changing
 * nothing. progress: 1 to show a progress line on a terminal (progress.h).
 * APP_OK, else an error with t->err set.
 */
enum app_err gallring_count(struct db *, struct arena *,
    const struct gallring_plan *plan, int progress, struct gallring_tally *t);

/*
 * Apply every rule with plan to the förbund set on the handle (and to the
 * rows of no förbund when plan->installation). sus_dir: the conf's sus_export_dir, where
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
