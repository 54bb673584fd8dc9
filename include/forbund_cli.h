/*
 * forbund_cli.h: `stegvis forbund-add`, the installation operator's command
 * for a new förbund with its office and first admin (include/forbund.h):
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

#endif /* !FORBUND_CLI_H */
