/*
 * migrate.h: `stegvis migrate` and `stegvis demo-load`.
 *
 * Migrations are sql/NNNN_description.sql, applied in order, each once,
 * recorded in table schema_version. Never edit an applied migration: add
 * a new one. They run as a database administrator (by default the OS user
 * through MariaDB's unix_socket authentication), not as the application's
 * own account, which has data rights only. MariaDB commits DDL implicitly,
 * so a migration that fails halfway is reported with its file and is not
 * recorded; fix it and run again.
 */
#ifndef MIGRATE_H
#define MIGRATE_H

struct migrate_opts {
	const char *socket;     /* MariaDB unix socket */
	const char *admin_user; /* administrator account */
	const char *db_name;    /* "stegvis" */
	const char *sql_dir;    /* "sql" */
};

/* Apply every pending migration. Prints progress to stdout and errors to
 * stderr (this is a CLI). Returns 0 on success, 1 on failure. */
int migrate_run(const struct migrate_opts *);

/* Load sql/demo.sql (idempotent: safe to run again). 0 or 1 as above. */
int migrate_demo_load(const struct migrate_opts *);

#endif /* !MIGRATE_H */
