/*
 * forbund_cli.h: the installation operator's commands for the förbund
 * (include/forbund.h): `stegvis forbund-add`, a new förbund with its office
 * and first admin,
 *
 *   stegvis forbund-add [-c CONF] --name NAME --short SHORT [--host HOST]
 *                       --admin USERNAME --admin-name "FULL NAME"
 *
 * Through the application's own database account, in one transaction with
 * an access-log row (user cli:forbund-add). Prints the förbund's id and the
 * admin's temporary password, once: the admin must change it at the first
 * login, then makes the förbund's organisations, insatser and accounts on
 * the admin pages.
 */
#ifndef FORBUND_CLI_H
#define FORBUND_CLI_H

/* argv[0] is the subcommand. 0 when created, 1 on an error (message
 * printed, nothing stored), 2 on a usage error. */
int forbund_cli_add(int argc, char **argv);

/*
 * `stegvis forbund-set`: what only the operator changes of a förbund, the
 * one named by id or short name:
 *
 *   stegvis forbund-set [-c CONF] --forbund ID|SHORT [--name NAME]
 *                       [--short SHORT] [--host HOST | --no-host]
 *                       [--active 0|1]
 *
 * Checked as forbund-add checks them; in one transaction with an
 * access-log row (user cli:forbund-set); prints each value that changed.
 * Refused: a förbund left active without a host name beside another
 * (the installation's plain address would name neither), and the last
 * active förbund switched off. Switched off, a förbund's accounts are
 * locked at their next request and its public page and SUS export stop
 * (include/forbund.h); the public page's generation moves with any change
 * (sql/0071's trigger). argv[0] is the subcommand. 0 when changed or
 * nothing was to change, 1 on an error or refusal (message printed,
 * nothing stored), 2 on a usage error.
 */
int forbund_cli_set(int argc, char **argv);

/*
 * `stegvis installation-admin`: the operator names who manages the
 * installation's own settings (the national code lists; include/forbund.h),
 *
 *   stegvis installation-admin [-c CONF] --user USERNAME [--off]
 *
 * An active account with the admin role, of any förbund; --off takes the
 * mark away, but not from the last marked account. In one transaction with
 * an access-log row of the account's förbund (user cli:installation-admin).
 * It counts from the account's next request. argv[0] is the subcommand. 0
 * when changed or already so, 1 on an error or refusal (message printed,
 * nothing stored), 2 on a usage error.
 */
int forbund_cli_installation_admin(int argc, char **argv);

#endif /* !FORBUND_CLI_H */
