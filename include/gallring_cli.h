/*
 * gallring_cli.h: `stegvis gallring [-c CONF] [--dry-run]`: apply every
 * gallring rule (include/gallring.h, table gallring_rule) through the
 * application's own database account, each förbund's records by that
 * förbund's own rules (gallring_run.h), and print per förbund and rule
 * what was removed (or, with --dry-run, what would be, changing nothing):
 * "gallring CODE: N gallrade (D dagar), förbund ID SHORT", and for the
 * rows of no förbund "gallring CODE: N gallrade (D dagar), utan förbund
 * (förbund ID:s regel)". A förbund whose rules are missing or refused is
 * named on stderr and skipped; the others run.
 *
 * Each record is its own small transaction: the record is locked and
 * checked again (not yet gallrad, still due by gallring.h's predicate),
 * changed with everything that belongs to it, and given one access-log row
 * (action update, user cli:gallring, its personnummer), then committed. So
 * a run that is killed half way leaves every record either untouched or
 * done, and the next run does the rest; a second run removes nothing.
 * Bulk rows without personal meaning of their own (expired codes,
 * sessions, login failures) go in deletes of at most GALLRING_BULK rows.
 * Progress on a terminal only (progress.h), so a timer's journal stays
 * quiet.
 */
#ifndef GALLRING_CLI_H
#define GALLRING_CLI_H

/*
 * argv[0] is the subcommand. crash_after: a test hook (make check's
 * build/stegvis-testhooks passes STEGVIS_GALLRING_CRASH_AFTER, the
 * installed binary NULL): the process kills itself with SIGKILL after that
 * many committed records in all. Returns 0 when every förbund's rules
 * ran, 1 on an error or a förbund skipped (message printed), 2 on a usage
 * error.
 */
int gallring_cli(int argc, char **argv, const char *crash_after);

#endif /* !GALLRING_CLI_H */
