/*
 * main.c: the stegvis command line, one binary with subcommands (like git).
 *
 *   stegvis serve [-c CONF] [--pid-file FILE]   the FastCGI master + workers
 *   stegvis migrate [--socket S] [--admin-user U]  apply sql/NNNN_*.sql
 *   stegvis demo-load [--socket S] [--admin-user U] load sql/demo.sql
 *   stegvis demo-participants [--count N] [--seed S] [--as-of YYYY-MM-DD]
 *                             [--force] [--socket S]
 *                                                made-up participants
 *   stegvis check-views [DIR]                    compile every template
 *   stegvis routes                               the route table, for tests
 *   stegvis text-fields                          every form's fields and limits
 *   stegvis sus-export [-c CONF] [--forbund F] [--since N] [--out FILE]
 *                      [--no-validate] [--schema 1|2]
 *   stegvis sus-export [-c CONF] [--forbund F] --batch N [--out FILE]
 *   stegvis sus-export [-c CONF] [--forbund F] --ack N
 *                                                the SUS export (cron)
 *   stegvis questionnaire-import [-c CONF] [--forbund F] [--schema XSD] FILE...
 *                                                load questionnaire definitions
 *   stegvis demo-questionnaires [-c CONF]        answered demo questionnaires
 *   stegvis backup [-c CONF] [--out DIR]         encrypted backup (timer)
 *   stegvis restore [-c CONF] [--key FILE] BACKUP   load a backup
 *   stegvis gallring [-c CONF] [--dry-run]       gallring by rule (timer)
 *   stegvis forbund-add [-c CONF] --name N --short S [--host H] --admin U
 *                       --admin-name N           a new förbund, its admin
 *   stegvis forbund-set [-c CONF] --forbund F [--name N] [--short S]
 *                       [--host H | --no-host] [--active 0|1]
 *                                                its name, host, on or off
 *   stegvis installation-admin [-c CONF] --user U [--off]
 *                                                who manages the code lists
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "app.h"
#include "app_limits.h"
#include "arena.h"
#include "backup.h"
#include "cli_forbund.h"
#include "conf.h"
#include "db.h"
#include "form_registry.h"
#include "date.h"
#include "demo.h"
#include "master.h"
#include "migrate.h"
#include "progress.h"
#include "route.h"
#include "session.h"
#include "sql_sus.h"
#include "sus_batch.h"
#include "sus_xml.h"
#include "view.h"
#include "demo_quest.h"
#include "quest_cli.h"
#include "forbund_cli.h"
#include "gallring_cli.h"

#define DEFAULT_CONF "conf/stegvis.conf"

static int
usage(void)
{
	fputs(
	    "usage: stegvis serve [-c CONF] [--pid-file FILE]\n"
	    "       stegvis migrate [-c CONF] [--socket SOCK] [--admin-user USER]\n"
	    "       stegvis demo-load [-c CONF] [--socket SOCK] [--admin-user USER]\n"
	    "       stegvis demo-participants [--count N] [--seed S] "
	    "[--as-of YYYY-MM-DD] [--force]\n"
	    "                 [-c CONF] [--socket SOCK] [--admin-user USER]\n"
	    "       stegvis check-views [DIR]\n"
	    "       stegvis routes\n"
	    "       stegvis text-fields\n"
	    "       stegvis sus-export [-c CONF] [--forbund F] [--since N] [--out FILE]\n"
	    "                          [--no-validate] [--schema 1|2]\n"
	    "       stegvis sus-export [-c CONF] [--forbund F] --batch N [--out FILE]\n"
	    "       stegvis sus-export [-c CONF] [--forbund F] --ack N\n"
	    "       stegvis questionnaire-import [-c CONF] [--forbund F] [--schema XSD] FILE...\n"
	    "       stegvis demo-questionnaires [-c CONF] [--force]\n"
	    "       stegvis backup [-c CONF] [--out DIR]\n"
	    "       stegvis restore [-c CONF] [--key FILE] BACKUP\n"
	    "       stegvis gallring [-c CONF] [--dry-run]\n"
	    "       stegvis forbund-add [-c CONF] --name NAME --short SHORT "
	    "[--host HOST]\n"
	    "                           --admin USERNAME --admin-name NAME\n"
	    "       stegvis forbund-set [-c CONF] --forbund ID|SHORT [--name NAME] "
	    "[--short SHORT]\n"
	    "                           [--host HOST | --no-host] [--active 0|1]\n"
	    "       stegvis installation-admin [-c CONF] --user USERNAME [--off]\n",
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
#ifdef STEGVIS_TEST_HOOKS
	/* make check-ha's race of a decision and a revocation on two nodes:
	 * this app host commits on the clock's whole multiples of a step
	 * (db_test_commit_align()). */
	if (getenv("STEGVIS_COMMIT_ALIGN_MS") != NULL)
		db_test_commit_align((unsigned)strtoul(
		    getenv("STEGVIS_COMMIT_ALIGN_MS"), NULL, 10));
	/* ... and its lost race answered at once (route.c's 409), not run
	 * again. */
	if (getenv("STEGVIS_DEADLOCK_TRIES") != NULL)
		route_test_deadlock_tries(
		    (int)strtol(getenv("STEGVIS_DEADLOCK_TRIES"), NULL, 10));
#endif
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
	char err[512], sql_dir[PATH_MAX];
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
			if (strcmp(argv[i], "--as-of") == 0 &&
			    (v = opt_value(argc, argv, &i))) {
				int y, m, dd;
				if (!date_parse_iso(str_cstr(v), &y, &m, &dd))
					return usage();
				d.as_of = date_days(y, m, dd);
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
	/* The migrations sit beside the views, as the questionnaire XSD
	 * does (quest_schema_path): sql/ in the checkout, and
	 * $(PREFIX)/share/stegvis/sql once installed (README "A real
	 * server"), whatever the working directory. Else sql/ in it. */
	snprintf(sql_dir, sizeof(sql_dir), "%s/../sql", c.views);
	if (access(sql_dir, R_OK | X_OK) == 0)
		o.sql_dir = sql_dir;
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

/*
 * One line per field of every registered form, tab-separated:
 *   ROUTE VIEW NAME TYPE MIN MAX FLAGS KEY
 * (TYPE text, int, date, bool or enum; FLAGS a comma list or "-"; KEY the
 * view's limit key, "-" for other types). Then the registry's own check:
 * problems go to stderr and make the exit status 1.
 */
static int
cmd_text_fields(void)
{
	static const char *const types[FT__MAX] = {
		[FT_TEXT] = "text",
		[FT_INT] = "int",
		[FT_DATE] = "date",
		[FT_BOOL] = "bool",
		[FT_ENUM] = "enum",
	};
	size_t n, bad;
	const struct form_def *const *forms = form_registry(&n);
	static char err[8192];

	for (size_t f = 0; f < n; f++)
		for (size_t i = 0; i < forms[f]->nspec; i++) {
			const struct field_spec *sp = &forms[f]->spec[i];
			char key[VIEW_NAME_MAX + 1] = "-", fl[64];

			if (sp->type == FT_TEXT &&
			    form_limit_key(sp->name, key, sizeof(key)) == 0)
				snprintf(key, sizeof(key), "?");
			snprintf(fl, sizeof(fl), "%s%s%s%s",
			    sp->flags & FF_REQUIRED ? ",required" : "",
			    sp->flags & FF_MULTI ? ",multi" : "",
			    sp->flags & FF_MULTILINE ? ",multiline" : "",
			    sp->flags & FF_DATA_MAX ? ",datamax" : "");
			printf("%s\t%s\t%s\t%s\t%lld\t%lld\t%s\t%s\n",
			    forms[f]->route, forms[f]->view, sp->name,
			    types[sp->type], sp->min, sp->max,
			    fl[0] ? fl + 1 : "-", key);
		}
	if ((bad = form_registry_check(err, sizeof(err))) > 0) {
		fprintf(stderr,
		    "stegvis: %zu problems in the form registry:\n%s", bad,
		    err);
		return 1;
	}
	return 0;
}

/* A batch number from the command line: 0 .. 2^31, else -1. */
static long long
cli_batch_no(const char *v)
{
	char *end;
	long long n;

	if (v == NULL || *v < '0' || *v > '9')
		return -1;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < 0 || n > 2147483647LL)
		return -1;
	return n;
}

/* put() for sus_batch_stream() onto a file descriptor. */
static int
cli_put_fd(void *out, const char *p, size_t n)
{
	int fd = *(int *)out;

	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* The default conf of the command line: what `make run` wrote, when there
 * is one (run from the checkout), else the built-in defaults, which point
 * into var/ as well. */
#define SUS_DEFAULT_CONF "var/stegvis.conf"

/* Acknowledge batch n from the command line. */
static int
cli_sus_ack(struct sus_env *env, long long n)
{
	enum sus_ack r;
	enum app_err e;

	if ((e = sus_batch_ack(env, n, &r)) != APP_OK) {
		fprintf(stderr, "stegvis: batch %lld: %s\n", n,
		    e == APP_ENOTFOUND ? "finns inte" : app_strerror(e));
		return 1;
	}
	if (r == SUS_ACK_BUSY) {
		fprintf(stderr,
		    "stegvis: en annan export eller kvittens pågår: försök "
		    "igen om en stund\n");
		return 1;
	}
	if (r == SUS_ACK_STALE) {
		fprintf(stderr,
		    "stegvis: batch %lld bygger på en äldre kvittens än den "
		    "senaste: skapa en ny batch\n",
		    n);
		return 1;
	}
	printf("stegvis: batch %lld %s\n", n,
	    r == SUS_ACK_DONE ? "kvitterad" : "var redan kvitterad");
	return 0;
}

/* The stored document of batch n again, into f. */
static int
cli_sus_refetch(struct sus_env *env, long long n, struct sus_file *f,
    struct sus_result *res)
{
	struct sus_batch_info info;
	struct sus_stream s = { env->db, n };
	enum app_err e;

	if ((e = sus_batch_get(env->db, env->a, n, &info)) != APP_OK ||
	    info.purged) {
		fprintf(stderr, "stegvis: batch %lld: %s\n", n,
		    e == APP_OK              ? "dokumentet är gallrat"
		        : e == APP_ENOTFOUND ? "finns inte"
		                             : app_strerror(e));
		return 1;
	}
	memset(res, 0, sizeof(*res));
	res->batch_no = n;
	res->base_no = info.base_no;
	res->bytes = info.bytes;
	if (sus_batch_stream(&s, env->a, cli_put_fd, &f->fd) != APP_OK ||
	    sus_batch_fetched(env, n) != APP_OK) {
		fprintf(stderr, "stegvis: batch %lld could not be read\n", n);
		return 1;
	}
	return 0;
}

/*
 * stegvis sus-export: the next SUS batch into a file, for cron. Exit 0
 * with the file written (or nothing to send: no file, a message), 1 on
 * any failure with nothing written.
 */
static int
cmd_sus_export(int argc, char **argv)
{
	const char *conf_path = NULL, *out = NULL, *dir, *forbund = NULL;
	long long since = -1, batch = -1, ack = -1;
	int validate = 1, rc = 1, schema = SUS_SCHEMA_DEFAULT;
	char xsd[PATH_MAX];
	struct sus_env env = { 0 };
	struct sus_result res;
	struct sus_file f = { .fd = -1 };
	struct arena a = { 0 };
	struct db *db = NULL;
	struct conf c;
	char err[600], path[PATH_MAX], dirbuf[PATH_MAX];
	struct rusage ru;
	struct timespec t0, t1;
	struct progress prog;
	enum app_err e;

	for (int i = 2; i < argc; i++) {
		const char *v;

		if (strcmp(argv[i], "-c") == 0 &&
		    (conf_path = opt_value(argc, argv, &i)))
			continue;
		if (strcmp(argv[i], "--forbund") == 0 &&
		    (forbund = opt_value(argc, argv, &i)) && forbund[0] != '\0')
			continue;
		if (strcmp(argv[i], "--out") == 0 &&
		    (out = opt_value(argc, argv, &i)) && out[0] != '\0')
			continue;
		if (strcmp(argv[i], "--since") == 0 &&
		    (v = opt_value(argc, argv, &i)) &&
		    (since = cli_batch_no(v)) >= 0)
			continue;
		if (strcmp(argv[i], "--batch") == 0 &&
		    (v = opt_value(argc, argv, &i)) &&
		    (batch = cli_batch_no(v)) > 0)
			continue;
		if (strcmp(argv[i], "--ack") == 0 &&
		    (v = opt_value(argc, argv, &i)) &&
		    (ack = cli_batch_no(v)) > 0)
			continue;
		if (strcmp(argv[i], "--schema") == 0 &&
		    (v = opt_value(argc, argv, &i)) &&
		    (schema = (int)cli_batch_no(v)) >= SUS_SCHEMA_MIN &&
		    schema <= SUS_SCHEMA_MAX)
			continue;
		if (strcmp(argv[i], "--no-validate") == 0) {
			validate = 0;
			continue;
		}
		return usage();
	}
	if ((batch > 0) + (ack > 0) + (since >= 0) > 1 ||
	    (ack > 0 && out != NULL))
		return usage();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* On a terminal only: quiet under cron and systemd timers. */
	progress_start(&prog, "sus-export: deltaganden", 0);
	conf_defaults(&c);
	if (conf_path == NULL && access(SUS_DEFAULT_CONF, R_OK) == 0)
		conf_path = SUS_DEFAULT_CONF;
	if (conf_path != NULL &&
	    conf_load(&c, conf_path, err, sizeof(err)) != APP_OK) {
		fprintf(stderr, "stegvis: %s\n", err);
		goto done;
	}
	/* libsodium only: auth_init() would also hash a dummy password. */
	if (sodium_init() < 0 || !arena_init(&a, REQ_ARENA_SIZE)) {
		fprintf(stderr, "stegvis: out of memory\n");
		goto done;
	}
	if ((db = db_open(&c, err, sizeof(err))) == NULL ||
	    db_connect(db, err, sizeof(err)) != APP_OK) {
		fprintf(stderr, "stegvis: database: %s\n", err);
		goto done;
	}
	if (cli_forbund_set(db, &a, forbund, "") != 0)
		goto done;
	env = (struct sus_env){
		.db = db,
		.a = &a,
		.username = STR_LIT("cli:sus-export"),
		.remote_addr = STR_LIT("local"),
		.request_id = STR_LIT("sus-export"),
		.xsd_path =
		    (validate && c.sus_validate &&
		        sus_schema_path(c.sus_schema, schema, xsd, sizeof(xsd)))
		    ? xsd
		    : NULL,
		.schema = schema,
		.progress = &prog,
	};
#ifdef STEGVIS_TEST_HOOKS
	/* Only in make check's build/stegvis-testhooks, never in the
	 * binary that is installed. */
	if (getenv("STEGVIS_SUS_CRASH_AFTER") != NULL)
		env.crash_after =
		    cli_batch_no(getenv("STEGVIS_SUS_CRASH_AFTER"));
	/* make check-ha's SUS race: commits on the app hosts' instants. */
	if (getenv("STEGVIS_COMMIT_ALIGN_MS") != NULL)
		db_test_commit_align((unsigned)strtoul(
		    getenv("STEGVIS_COMMIT_ALIGN_MS"), NULL, 10));
#endif
	if (ack > 0) {
		rc = cli_sus_ack(&env, ack);
		goto done;
	}
	/* The file goes into the directory of --out (rename is atomic only
	 * within one file system), else into sus_export_dir. */
	if (out != NULL) {
		snprintf(dirbuf, sizeof(dirbuf), "%s", out);
		dir = dirname(dirbuf);
	} else
		dir = c.sus_export_dir;
	if (sus_file_open(&f, dir) != APP_OK) {
		fprintf(stderr, "stegvis: %s: %s\n", dir, strerror(errno));
		goto done;
	}
	if (batch > 0) {
		if (cli_sus_refetch(&env, batch, &f, &res) != 0)
			goto done;
	} else if ((e = sus_batch_create(
	                &env, since, f.fd, &res, err, sizeof(err))) != APP_OK) {
		fprintf(stderr, "stegvis: %s\n", err);
		goto done;
	} else if (res.busy) {
		fprintf(stderr,
		    "stegvis: en annan export eller kvittens "
		    "pågår: försök igen om en stund\n");
		goto done;
	} else if (res.empty) {
		printf("stegvis: inga ändringar sedan batch %lld: ingen ny "
		       "batch\n",
		    res.base_no);
		rc = 0;
		goto done;
	}
	/* Named with --forbund, the förbund's id is in the file's name:
	 * förbund that share sus_export_dir never overwrite each other's
	 * batch of the same number (gallring removes both names). */
	if (out == NULL && forbund != NULL)
		snprintf(path, sizeof(path), "%s/sus-batch-%lld-%06lld.xml",
		    dir, db_forbund(db), res.batch_no);
	else if (out == NULL)
		snprintf(path, sizeof(path), "%s/sus-batch-%06lld.xml", dir,
		    res.batch_no);
	else
		snprintf(path, sizeof(path), "%s", out);
	if (sus_file_commit(&f, path) != APP_OK) {
		fprintf(stderr, "stegvis: %s: %s\n", path, strerror(errno));
		/* The batch is committed already: say how to get it. */
		if (batch <= 0)
			fprintf(stderr,
			    "stegvis: batch %lld är sparad (recorded) men filen "
			    "kunde inte skrivas: hämta den med --batch %lld\n",
			    res.batch_no, res.batch_no);
		goto done;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	getrusage(RUSAGE_SELF, &ru);
	printf("stegvis: batch %lld (bygger på %lld) -> %s\n", res.batch_no,
	    res.base_no, path);
	if (batch <= 0)
		printf("stegvis: %lld nya, %lld rättelser, %lld anonymiserade, "
		       "%lld felregistreringar, %lld grupper, %lld väntar på "
		       "uppgifter\n",
		    res.n_new, res.n_changed, res.n_anonymised, res.n_felreg,
		    res.n_groups, res.n_held_back);
	printf("stegvis: %llu bytes, %.2f s, max RSS %ld KiB\n", res.bytes,
	    (double)(t1.tv_sec - t0.tv_sec) +
	        (double)(t1.tv_nsec - t0.tv_nsec) / 1e9,
	    ru.ru_maxrss);
	rc = 0;
done:
	progress_end(&prog);
	sus_file_close(&f);
	db_close(db);
	arena_free(&a);
	conf_free(&c);
	return rc;
}

/* The gallring crash hook: only in make check's build/stegvis-testhooks. */
#ifdef STEGVIS_TEST_HOOKS
#define GALLRING_CRASH_AFTER getenv("STEGVIS_GALLRING_CRASH_AFTER")
#else
#define GALLRING_CRASH_AFTER NULL
#endif

int
main(int argc, char **argv)
{
	/* Every date and time shown is Swedish; storage stays UTC (db.c). */
	date_use_swedish_zone();
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
	if (strcmp(argv[1], "text-fields") == 0)
		return cmd_text_fields();
	if (strcmp(argv[1], "sus-export") == 0)
		return cmd_sus_export(argc, argv);
	/* Questionnaires: app/quest_cli.c, app/demo_quest.c */
	if (strcmp(argv[1], "questionnaire-import") == 0)
		return quest_cli_import(argc - 1, argv + 1);
	if (strcmp(argv[1], "demo-questionnaires") == 0)
		return demo_questionnaires(argc - 1, argv + 1);
	/* Backup and restore: app/backup_cli.c */
	if (strcmp(argv[1], "backup") == 0)
		return backup_cli_backup(argc - 1, argv + 1);
	if (strcmp(argv[1], "restore") == 0)
		return backup_cli_restore(argc - 1, argv + 1);
	/* A new förbund, or one's name, host name or state, by the
	 * installation's operator: app/forbund_cli.c */
	if (strcmp(argv[1], "forbund-add") == 0)
		return forbund_cli_add(argc - 1, argv + 1);
	if (strcmp(argv[1], "forbund-set") == 0)
		return forbund_cli_set(argc - 1, argv + 1);
	if (strcmp(argv[1], "installation-admin") == 0)
		return forbund_cli_installation_admin(argc - 1, argv + 1);
	/* Gallring: app/gallring_cli.c */
	if (strcmp(argv[1], "gallring") == 0)
		return gallring_cli(argc - 1, argv + 1, GALLRING_CRASH_AFTER);
	return usage();
}
