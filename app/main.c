/*
 * main.c: the stegvis command line, one binary with subcommands (like git).
 *
 *   stegvis serve [-c CONF] [--pid-file FILE]   the FastCGI master + workers
 *   stegvis migrate [--socket S] [--admin-user U]  apply sql/NNNN_*.sql
 *   stegvis demo-load [--socket S] [--admin-user U] load sql/demo.sql
 *   stegvis demo-participants [--count N] [--seed S] [--force] [--socket S]
 *                                                made-up participants
 *   stegvis check-views [DIR]                    compile every template
 *   stegvis routes                               the route table, for tests
 *   stegvis questionnaire-import [-c CONF] [--schema XSD] FILE...
 *                                                load questionnaire definitions
 *   stegvis demo-questionnaires [-c CONF]        answered demo questionnaires
 */
#include <pwd.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "app.h"
#include "conf.h"
#include "demo.h"
#include "master.h"
#include "migrate.h"
#include "route.h"
#include "session.h"
#include "view.h"
#include "demo_quest.h"
#include "quest_cli.h"

#define DEFAULT_CONF "conf/stegvis.conf"

static int
usage(void)
{
	fputs(
	    "usage: stegvis serve [-c CONF] [--pid-file FILE]\n"
	    "       stegvis migrate [-c CONF] [--socket SOCK] [--admin-user USER]\n"
	    "       stegvis demo-load [-c CONF] [--socket SOCK] [--admin-user USER]\n"
	    "       stegvis demo-participants [--count N] [--seed S] [--force]\n"
	    "                 [-c CONF] [--socket SOCK] [--admin-user USER]\n"
	    "       stegvis check-views [DIR]\n"
	    "       stegvis routes\n"
	    "       stegvis questionnaire-import [-c CONF] [--schema XSD] FILE...\n"
	    "       stegvis demo-questionnaires [-c CONF] [--force]\n",
	    stderr);
	return 2;
}

/* The value after argv[*i], or NULL (and a usage error) when missing. */
static const char *
opt_value(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

static int
cmd_serve(int argc, char **argv)
{
	const char *conf = DEFAULT_CONF, *pid = NULL;

	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0 &&
		    (conf = opt_value(argc, argv, &i)))
			continue;
		if (strcmp(argv[i], "--pid-file") == 0 &&
		    (pid = opt_value(argc, argv, &i)))
			continue;
		return usage();
	}
	return master_run(conf, pid);
}

/* The subcommands that connect as the database administrator. */
enum admin_cmd { CMD_MIGRATE, CMD_DEMO_LOAD, CMD_DEMO_PARTICIPANTS };

static int
cmd_migrate(int argc, char **argv, enum admin_cmd cmd)
{
	const char *conf_path = NULL, *sock = NULL, *user = NULL, *v;
	struct demo_opts d = { .count = 600, .seed = 0, .force = 0 };
	struct migrate_opts o = { .db_name = "stegvis", .sql_dir = "sql" };
	struct passwd *pw = getpwuid(geteuid());
	struct conf c;
	char err[512];
	int rc;

	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "-c") == 0 &&
		    (conf_path = opt_value(argc, argv, &i)))
			continue;
		if (strcmp(argv[i], "--socket") == 0 &&
		    (sock = opt_value(argc, argv, &i)))
			continue;
		if (strcmp(argv[i], "--admin-user") == 0 &&
		    (user = opt_value(argc, argv, &i)))
			continue;
		if (cmd == CMD_DEMO_PARTICIPANTS) {
			if (strcmp(argv[i], "--count") == 0 &&
			    (v = opt_value(argc, argv, &i)) &&
			    (d.count = strtol(v, NULL, 10)) > 0 &&
			    d.count <= 10000000)
				continue;
			if (strcmp(argv[i], "--seed") == 0 &&
			    (v = opt_value(argc, argv, &i))) {
				d.seed = (unsigned)strtoul(v, NULL, 10);
				continue;
			}
			if (strcmp(argv[i], "--force") == 0) {
				d.force = 1;
				continue;
			}
		}
		return usage();
	}
	conf_defaults(&c);
	if (conf_path != NULL &&
	    conf_load(&c, conf_path, err, sizeof(err)) != APP_OK) {
		fprintf(stderr, "stegvis: %s\n", err);
		conf_free(&c);
		return 1;
	}
	o.socket = sock ? sock : c.db_socket;
	o.db_name = c.db_name;
	/* unix_socket authentication: the OS user is the admin account. */
	o.admin_user = user ? user : (pw ? pw->pw_name : "root");
	d.socket = o.socket;
	d.admin_user = o.admin_user;
	d.db_name = o.db_name;
	switch (cmd) {
	case CMD_MIGRATE: rc = migrate_run(&o); break;
	case CMD_DEMO_LOAD: rc = migrate_demo_load(&o); break;
	default: rc = demo_participants(&d); break;
	}
	conf_free(&c);
	return rc;
}

static int
cmd_check_views(int argc, char **argv)
{
	struct view_set *vs = NULL;
	const char *dir = argc > 2 ? argv[2] : "views";
	char err[512];

	if (view_set_load(dir, &vs, err, sizeof(err)) != APP_OK) {
		fprintf(stderr, "stegvis: %s\n", err);
		return 1;
	}
	view_set_free(vs);
	printf("stegvis: views in %s compile\n", dir);
	return 0;
}

/* One line per route: METHOD PATTERN ROLES, ROLES "public" or a comma list. */
static int
cmd_routes(void)
{
	static const char *const methods[METHOD__MAX] = {
		[METHOD_GET] = "GET",
		[METHOD_HEAD] = "HEAD",
		[METHOD_POST] = "POST",
		[METHOD_OTHER] = "OTHER",
	};
	size_t n;
	const struct route *rt = route_table(&n);

	for (size_t i = 0; i < n; i++) {
		const char *sep = "";

		printf("%s %s ", methods[rt[i].method], rt[i].pattern);
		if (rt[i].flags & ROUTE_PUBLIC)
			fputs("public", stdout);
		for (int role = 0; role < ROLE__MAX; role++)
			if (rt[i].roles & ROLE_BIT(role)) {
				printf("%s%s", sep, role_name((enum role)role));
				sep = ",";
			}
		putchar('\n');
	}
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc < 2)
		return usage();
	if (strcmp(argv[1], "serve") == 0)
		return cmd_serve(argc, argv);
	if (strcmp(argv[1], "migrate") == 0)
		return cmd_migrate(argc, argv, CMD_MIGRATE);
	if (strcmp(argv[1], "demo-load") == 0)
		return cmd_migrate(argc, argv, CMD_DEMO_LOAD);
	if (strcmp(argv[1], "demo-participants") == 0)
		return cmd_migrate(argc, argv, CMD_DEMO_PARTICIPANTS);
	if (strcmp(argv[1], "check-views") == 0)
		return cmd_check_views(argc, argv);
	if (strcmp(argv[1], "routes") == 0)
		return cmd_routes();
	/* Questionnaires: app/quest_cli.c, app/demo_quest.c */
	if (strcmp(argv[1], "questionnaire-import") == 0)
		return quest_cli_import(argc - 1, argv + 1);
	if (strcmp(argv[1], "demo-questionnaires") == 0)
		return demo_questionnaires(argc - 1, argv + 1);
	return usage();
}
