/*
 * quest_cli.h: `stegvis questionnaire-import [-c CONF] [--forbund ID|SHORT]
 * [--schema XSD] FILE...`: parse, validate and store questionnaire
 * definitions of a förbund (each has its own, sql/0075: --forbund's, else
 * the only active one) through the application's own database account (the
 * conf's), the same code path as the admin page. Prints one line per file;
 * errors name the file and line.
 */
#ifndef QUEST_CLI_H
#define QUEST_CLI_H

struct conf;
struct db;

/* argv[0] is the subcommand. 0 when every file loaded (or was there
 * already), 1 otherwise, 2 on usage errors. */
int quest_cli_import(int argc, char **argv);

/* Load conf_path (NULL: defaults) into c and connect; for the CLI
 * subcommands that use the app's account. 0 or 1 (message printed).
 * Caller frees with db_close() and conf_free(). */
int quest_cli_connect(const char *conf_path, struct conf *c, struct db **db);

#endif /* !QUEST_CLI_H */
