/*
 * backup_cli.c: `stegvis backup` and `stegvis restore`; see
 * include/backup.h and README "Säkerhetskopior".
 *
 * backup:  mariadb-dump --single-transaction --> us --> age -e --> file
 * restore: file --> age -d --> us (check only), then
 *          file --> age -d --> us --> mariadb (load)
 *
 * We sit in the middle of each pipe so that the plaintext is framed
 * (BACKUP_HEAD, the dump, the grants, BACKUP_END), counted for the
 * progress line and checked, without ever being written to disk.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <spawn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <mysql.h>

#include "backup.h"
#include "conf.h"
#include "progress.h"
#include "sus_file.h"

extern char **environ;

#define BK_DEFAULT_CONF "var/stegvis.conf"
#define BK_KEY_MAX      (64 * 1024)
#define BK_COL_MAX      256
#define BK_GRANTS_MAX   (256 * 1024)
#define BK_ERR_MAX      4096
/* Where restore keeps the access-log rows written since the backup while
 * it replaces the tables (never in a backup; dropped when done). */
#define BK_KEEP_TABLE   "restore_audit_keep"

/* ------------------------------------------------------------------------
 * Options shared by both commands
 * --------------------------------------------------------------------- */

struct bk_opts {
	const char *conf_path;
	const char *out;  /* backup: --out DIR */
	const char *key;  /* restore: --key FILE */
	const char *file; /* restore: the backup */
	const char *socket;
	const char *admin_user;
	int force; /* restore: --force, even while the app is connected */
};

static int
bk_usage(void)
{
	fputs("usage: stegvis backup [-c CONF] [--out DIR] [--socket SOCK] "
	      "[--admin-user USER]\n"
	      "       stegvis restore [-c CONF] [--key FILE] [--socket SOCK] "
	      "[--admin-user USER] [--force] BACKUP\n",
	    stderr);
	return 2;
}

/* Parse argv (argv[0] the subcommand); 1 when fine. */
static int
bk_parse(int argc, char **argv, int restore, struct bk_opts *o)
{
	memset(o, 0, sizeof(*o));
	for (int i = 1; i < argc; i++) {
		const char **slot = NULL;

		if (strcmp(argv[i], "-c") == 0)
			slot = &o->conf_path;
		else if (strcmp(argv[i], "--socket") == 0)
			slot = &o->socket;
		else if (strcmp(argv[i], "--admin-user") == 0)
			slot = &o->admin_user;
		else if (!restore && strcmp(argv[i], "--out") == 0)
			slot = &o->out;
		else if (restore && strcmp(argv[i], "--key") == 0)
			slot = &o->key;
		else if (restore && strcmp(argv[i], "--force") == 0) {
			o->force = 1;
			continue;
		} else if (restore && argv[i][0] != '-' && o->file == NULL) {
			o->file = argv[i];
			continue;
		} else
			return 0;
		if (i + 1 >= argc || argv[i + 1][0] == '\0')
			return 0;
		*slot = argv[++i];
	}
	return !restore || o->file != NULL;
}

/* The conf (o->conf_path, else var/stegvis.conf when there, else the
 * defaults) into c; 1 when fine, else a message and 0. */
static int
bk_conf(struct conf *c, struct bk_opts *o)
{
	char err[600];

	conf_defaults(c);
	if (o->conf_path == NULL && access(BK_DEFAULT_CONF, R_OK) == 0)
		o->conf_path = BK_DEFAULT_CONF;
	if (o->conf_path != NULL &&
	    conf_load(c, o->conf_path, err, sizeof(err)) != APP_OK) {
		fprintf(stderr, "stegvis: %s\n", err);
		return 0;
	}
	if (o->socket == NULL)
		o->socket = c->db_socket;
	if (o->admin_user == NULL) {
		/* unix_socket authentication: the OS user is the account. */
		struct passwd *pw = getpwuid(geteuid());

		o->admin_user = pw ? pw->pw_name : "root";
	}
	return 1;
}

/* Read the age key file at path and say what it holds; a message and
 * BACKUP_KEY_BAD when it is missing or no key file. */
static enum backup_key
bk_key(const char *path)
{
	static char buf[BK_KEY_MAX];
	enum backup_key k;
	ssize_t n;
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		fprintf(stderr,
		    "stegvis: nyckelfilen %s kan inte läsas (%s). Skapa "
		    "den med age-keygen, se README \"Säkerhetskopior\"\n",
		    path,
		    errno == ENOENT       ? "filen finns inte"
		        : errno == EACCES ? "ingen läsrätt"
		                          : strerror(errno));
		return BACKUP_KEY_BAD;
	}
	n = read(fd, buf, sizeof(buf));
	(void)close(fd);
	k = n > 0 && (size_t)n < sizeof(buf)
	    ? backup_key_kind((struct str){ buf, (size_t)n })
	    : BACKUP_KEY_BAD;
	if (k == BACKUP_KEY_BAD)
		fprintf(stderr,
		    "stegvis: %s är ingen age-nyckelfil (en rad age1… eller "
		    "AGE-SECRET-KEY-1…)\n",
		    path);
	return k;
}

/* ------------------------------------------------------------------------
 * The database, as the administrator, through prepared statements
 * --------------------------------------------------------------------- */

static MYSQL *
bk_connect(const struct bk_opts *o, const struct conf *c)
{
	MYSQL *my = mysql_init(NULL);
	unsigned int timeout = 10;

	if (my == NULL)
		return NULL;
	mysql_options(my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	if (mysql_real_connect(my, NULL, o->admin_user, NULL, c->db_name, 0,
	        o->socket, 0) == NULL) {
		fprintf(stderr,
		    "stegvis: kan inte ansluta till databasen %s via %s som "
		    "%s: %s\n",
		    c->db_name, o->socket, o->admin_user, mysql_error(my));
		mysql_close(my);
		return NULL;
	}
	return my;
}

/* Called with each row's columns (NUL-terminated); nonzero stops. */
typedef int (*bk_row_fn)(void *arg, char cols[][BK_COL_MAX]);

/*
 * Run sql with nparams string parameters and ncols (<= 4) string result
 * columns, calling fn for every row. 1 when fine; else a message and 0.
 */
static int
bk_sql(MYSQL *my, const char *sql, const char *const *params, unsigned nparams,
    unsigned ncols, bk_row_fn fn, void *arg)
{
	MYSQL_STMT *st = mysql_stmt_init(my);
	MYSQL_BIND pb[2], rb[4];
	char cols[4][BK_COL_MAX];
	unsigned long plen[2], rlen[4];
	my_bool isnull[4];
	int ok = 0, rc;

	if (st == NULL || nparams > 2 || ncols > 4)
		goto out;
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0 ||
	    mysql_stmt_param_count(st) != nparams ||
	    mysql_stmt_field_count(st) != ncols)
		goto out;
	memset(pb, 0, sizeof(pb));
	for (unsigned i = 0; i < nparams; i++) {
		plen[i] = strlen(params[i]);
		pb[i].buffer_type = MYSQL_TYPE_STRING;
		pb[i].buffer = (void *)(uintptr_t)params[i];
		pb[i].buffer_length = plen[i];
		pb[i].length = &plen[i];
	}
	if (nparams > 0 && mysql_stmt_bind_param(st, pb) != 0)
		goto out;
	if (mysql_stmt_execute(st) != 0)
		goto out;
	if (ncols > 0) {
		memset(rb, 0, sizeof(rb));
		for (unsigned i = 0; i < ncols; i++) {
			rb[i].buffer_type = MYSQL_TYPE_STRING;
			rb[i].buffer = cols[i];
			rb[i].buffer_length = BK_COL_MAX - 1;
			rb[i].length = &rlen[i];
			rb[i].is_null = &isnull[i];
		}
		if (mysql_stmt_bind_result(st, rb) != 0)
			goto out;
		while ((rc = mysql_stmt_fetch(st)) == 0) {
			for (unsigned i = 0; i < ncols; i++)
				cols[i][isnull[i] ? 0 : rlen[i]] = '\0';
			if (fn(arg, cols) != 0)
				break;
		}
		if (rc == 1 || rc == MYSQL_DATA_TRUNCATED)
			goto out;
	}
	ok = 1;
out:
	if (!ok)
		fprintf(stderr, "stegvis: databasen: %s\n",
		    st ? mysql_stmt_error(st) : mysql_error(my));
	if (st != NULL)
		mysql_stmt_close(st);
	return ok;
}

static int
bk_row_ll(void *arg, char cols[][BK_COL_MAX])
{
	*(long long *)arg = strtoll(cols[0], NULL, 10);
	return 1;
}

/* A one-number query; 1 with *v set, or 0. */
static int
bk_number(MYSQL *my, const char *sql, const char *param, long long *v)
{
	*v = 0;
	return bk_sql(my, sql, &param, param ? 1 : 0, 1, bk_row_ll, v);
}

/* Append one row to the access log (action "export" or "admin"). */
static int
bk_audit(MYSQL *my, const char *who, const char *action, const char *detail)
{
	const char *p[2] = { who, detail };
	char sql[512];

	/* The action is one of our two literals. */
	snprintf(sql, sizeof(sql),
	    "INSERT INTO audit_log (at, staff_id, username, action, "
	    "object_type, object_id, personnummer, remote_addr, request_id, "
	    "detail) VALUES (UTC_TIMESTAMP(3), NULL, ?, '%s', 'backup', NULL, "
	    "NULL, 'local', 'cli', ?)",
	    strcmp(action, "export") == 0 ? "export" : "admin");
	return bk_sql(my, sql, p, 2, 0, NULL, NULL);
}

/* 1 when s is a plain identifier we may put between backticks or quotes
 * (the names come from the server's catalogue, never from users). */
static int
bk_ident_ok(const char *s, const char *extra)
{
	size_t n = strlen(s);

	if (n == 0 || n > 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		        (s[i] >= 'A' && s[i] <= 'Z') ||
		        (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		        strchr(extra, s[i]) != NULL) ||
		    s[i] == '\0')
			return 0;
	return 1;
}

/* The application account's table grants, as GRANT statements. */
struct bk_grants {
	char *p;
	size_t len;
	const char *user;
	int bad;
};

static int
bk_row_grant(void *arg, char cols[][BK_COL_MAX])
{
	struct bk_grants *g = arg;
	int n;

	/* Host, Table_name, Table_priv ("Select,Insert,Show view"). */
	if (!bk_ident_ok(cols[0], ".-:%") || !bk_ident_ok(cols[1], "") ||
	    !bk_ident_ok(cols[2], ", ") || !bk_ident_ok(g->user, ".-")) {
		g->bad = 1;
		return 1;
	}
	n = snprintf(g->p + g->len, BK_GRANTS_MAX - g->len,
	    "GRANT %s ON `%s` TO '%s'@'%s';\n", cols[2], cols[1], g->user,
	    cols[0]);
	if (n < 0 || (size_t)n >= BK_GRANTS_MAX - g->len) {
		g->bad = 1;
		return 1;
	}
	g->len += (size_t)n;
	return 0;
}

/* Append one line to g (printf-like); 0 and g->bad when it is full. */
static int
bk_grant_add(struct bk_grants *g, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(g->p + g->len, BK_GRANTS_MAX - g->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= BK_GRANTS_MAX - g->len) {
		g->bad = 1;
		return 0;
	}
	g->len += (size_t)n;
	return 1;
}

/* Host, Routine_name, Routine_type (PROCEDURE, FUNCTION), Proc_priv
 * ("Execute,Alter Routine"). */
static int
bk_row_proc_grant(void *arg, char cols[][BK_COL_MAX])
{
	struct bk_grants *g = arg;

	if (!bk_ident_ok(cols[0], ".-:%") || !bk_ident_ok(cols[1], "") ||
	    (strcmp(cols[2], "PROCEDURE") != 0 &&
	        strcmp(cols[2], "FUNCTION") != 0) ||
	    !bk_ident_ok(cols[3], ", ") || !bk_ident_ok(g->user, ".-")) {
		g->bad = 1;
		return 1;
	}
	return bk_grant_add(g, "GRANT %s ON %s `%s` TO '%s'@'%s';\n", cols[3],
	           cols[2], cols[1], g->user, cols[0])
	    ? 0
	    : 1;
}

/* Host, Table_name, Column_name, Column_priv ("Select,Update"): one
 * GRANT with each privilege on the column. */
static int
bk_row_column_grant(void *arg, char cols[][BK_COL_MAX])
{
	struct bk_grants *g = arg;
	char privs[BK_COL_MAX], *save = NULL;
	int first = 1;

	if (!bk_ident_ok(cols[0], ".-:%") || !bk_ident_ok(cols[1], "") ||
	    !bk_ident_ok(cols[2], "") || !bk_ident_ok(cols[3], ", ") ||
	    !bk_ident_ok(g->user, ".-")) {
		g->bad = 1;
		return 1;
	}
	snprintf(privs, sizeof(privs), "%s", cols[3]);
	if (!bk_grant_add(g, "GRANT "))
		return 1;
	for (char *t = strtok_r(privs, ",", &save); t != NULL;
	     t = strtok_r(NULL, ",", &save), first = 0)
		if (!bk_grant_add(
		        g, "%s%s (`%s`)", first ? "" : ", ", t, cols[2]))
			return 1;
	return bk_grant_add(
	           g, " ON `%s` TO '%s'@'%s';\n", cols[1], g->user, cols[0])
	    ? 0
	    : 1;
}

/* ------------------------------------------------------------------------
 * Child processes and pipes
 * --------------------------------------------------------------------- */

/* Start argv with fds in, out and err as its 0, 1 and 2 (-1: ours).
 * Every other descriptor of ours is close-on-exec. The pid, or -1. */
static pid_t
bk_spawn(char *const argv[], int in, int out, int err)
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int rc;

	if (posix_spawn_file_actions_init(&fa) != 0)
		return -1;
	if (in >= 0)
		posix_spawn_file_actions_adddup2(&fa, in, 0);
	if (out >= 0)
		posix_spawn_file_actions_adddup2(&fa, out, 1);
	if (err >= 0)
		posix_spawn_file_actions_adddup2(&fa, err, 2);
	rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (rc != 0) {
		fprintf(stderr, "stegvis: kan inte starta %s: %s\n", argv[0],
		    strerror(rc));
		return -1;
	}
	return pid;
}

/* Wait for pid; 1 when it exited with status 0. */
static int
bk_wait(pid_t pid)
{
	int st;

	if (pid <= 0)
		return 0;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return 0;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static int
bk_write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return 0;
		p += k;
		n -= (size_t)k;
	}
	return 1;
}

static void
bk_close(int *fd)
{
	if (*fd >= 0)
		(void)close(*fd);
	*fd = -1;
}

/*
 * Copy from fd "in" to fd "out" (-1: only read) until EOF, feeding every
 * byte to scan and the progress line (steps: tables when by_tables, else
 * bytes). 1 when all was read and written.
 */
static int
bk_relay(int in, int out, struct backup_scan *scan, struct progress *pg,
    int by_tables)
{
	static char buf[64 * 1024];

	for (;;) {
		ssize_t n = read(in, buf, sizeof(buf));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return 0;
		if (n == 0)
			return 1;
		backup_scan_feed(scan, buf, (size_t)n);
		progress_set(pg, by_tables ? scan->tables : scan->bytes);
		if (out >= 0 && !bk_write_all(out, buf, (size_t)n))
			return 0;
	}
}

/* ------------------------------------------------------------------------
 * stegvis backup
 * --------------------------------------------------------------------- */

/* Before the grants: a mode in which a GRANT never creates an account. */
static const char bk_grant_mode[] =
    "SET SESSION sql_mode = 'STRICT_TRANS_TABLES,NO_AUTO_CREATE_USER';\n";

/* Remove the backups in dir older than keep days; prints each. The number
 * removed, or -1 when dir cannot be read. */
static long
bk_prune_dir(const char *dir, time_t now, unsigned keep)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	int *rm = NULL;
	size_t n = 0, cap = 0;
	long removed = 0;

	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL) {
		time_t t;

		if (!backup_name_time(de->d_name, &t))
			continue;
		if (n == cap) {
			char **nn;

			cap = cap ? cap * 2 : 64;
			if ((nn = realloc(names, cap * sizeof(*nn))) == NULL)
				break;
			names = nn;
		}
		if ((names[n] = strdup(de->d_name)) == NULL)
			break;
		n++;
	}
	closedir(d);
	if (n > 0 && (rm = calloc(n, sizeof(*rm))) != NULL) {
		backup_prune((const char *const *)names, n, now, keep, rm);
		for (size_t i = 0; i < n; i++) {
			char path[PATH_MAX];

			if (!rm[i])
				continue;
			snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
			if (unlink(path) == 0) {
				printf("stegvis: gallrade %s\n", names[i]);
				removed++;
			} else
				fprintf(stderr, "stegvis: %s: %s\n", path,
				    strerror(errno));
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(rm);
	return removed;
}

/* The retention: backup_keep_days capped by the case-data gallring rules
 * (BACKUP_CAPPING_RULES), when they exist. The shortest of every
 * förbund's (sql/0074), active or not: a backup holds every förbund's
 * records, so none stays in it longer than its own förbund's rule allows.
 * Read as the installation, no förbund set: the one statement that reads
 * all förbund's rules. */
static int
bk_keep(MYSQL *my, const struct conf *c, unsigned *keep, int *capped)
{
	long long have = 0, min = -1;

	if (!bk_number(my,
	        "SELECT COUNT(*) FROM information_schema.TABLES WHERE "
	        "TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
	        "gallring_rule", &have))
		return 0;
	if (have > 0 &&
	    !bk_number(my,
	        "SELECT COALESCE(MIN(keep_days), -1) FROM gallring_rule "
	        "WHERE FIND_IN_SET(code, ?)",
	        BACKUP_CAPPING_RULES, &min))
		return 0;
	*keep = backup_keep_days(c->backup_keep_days, min >= 0, min);
	*capped = *keep < c->backup_keep_days;
	return 1;
}

int
backup_cli_backup(int argc, char **argv)
{
	struct bk_opts o;
	struct conf c;
	struct sus_file f = { .fd = -1 };
	struct backup_scan scan = { 0 };
	struct progress pg;
	struct bk_grants g = { 0 };
	MYSQL *my = NULL;
	enum backup_key kind;
	const char *dir;
	char name[BACKUP_NAME_LEN + 1], path[PATH_MAX], sock_opt[PATH_MAX + 16];
	char user_opt[128], head[256], detail[128], ignore_opt[160];
	int dump_out[2] = { -1, -1 }, age_in[2] = { -1, -1 };
	pid_t dump = -1, age = -1;
	int ok_relay, ok_dump, ok_age, capped = 0, rc = 1;
	long long ntables = 0, audit_max = 0;
	unsigned keep = 0;
	long pruned;
	time_t now = time(NULL);

	if (!bk_parse(argc, argv, 0, &o))
		return bk_usage();
	signal(SIGPIPE, SIG_IGN);
	if (!bk_conf(&c, &o))
		goto out;
	dir = o.out ? o.out : c.backup_dir;
	if ((kind = bk_key(c.backup_key_file)) == BACKUP_KEY_BAD)
		goto out;
	if ((my = bk_connect(&o, &c)) == NULL)
		goto out;
	if ((g.p = malloc(BK_GRANTS_MAX)) == NULL)
		goto out;
	g.p[0] = '\0';
	g.user = c.db_user;
	if (!bk_keep(my, &c, &keep, &capped) ||
	    !bk_number(my,
	        "SELECT COUNT(*) FROM information_schema.TABLES WHERE "
	        "TABLE_SCHEMA = DATABASE() AND TABLE_TYPE = ?",
	        "BASE TABLE", &ntables) ||
	    !bk_sql(my,
	        "SELECT Host, Table_name, Table_priv FROM mysql.tables_priv "
	        "WHERE Db = DATABASE() AND User = ? ORDER BY Table_name, Host",
	        &g.user, 1, 3, bk_row_grant, &g) ||
	    !bk_sql(my,
	        "SELECT Host, Table_name, Column_name, Column_priv "
	        "FROM mysql.columns_priv WHERE Db = DATABASE() AND User = ? "
	        "ORDER BY Table_name, Column_name, Host",
	        &g.user, 1, 4, bk_row_column_grant, &g) ||
	    !bk_sql(my,
	        "SELECT Host, Routine_name, Routine_type, Proc_priv "
	        "FROM mysql.procs_priv WHERE Db = DATABASE() AND User = ? "
	        "ORDER BY Routine_name, Host",
	        &g.user, 1, 4, bk_row_proc_grant, &g))
		goto out;
	if (g.bad) {
		fprintf(stderr,
		    "stegvis: rättigheterna för %s kan inte "
		    "skrivas ut (oväntade namn)\n",
		    c.db_user);
		goto out;
	}
	if (!backup_name(now, name, sizeof(name)) ||
	    snprintf(path, sizeof(path), "%s/%s", dir, name) >=
	        (int)sizeof(path))
		goto out;
	if (sus_file_open(&f, dir) != APP_OK) {
		fprintf(stderr, "stegvis: %s: %s\n", dir, strerror(errno));
		goto out;
	}
	(void)fchmod(f.fd, 0600);
	/* The backup reads everyone's data: the access log says so, and the
	 * backup itself carries that row. */
	snprintf(detail, sizeof(detail), "säkerhetskopia %s", name);
	if (!bk_audit(my, "cli:backup", "export", detail) ||
	    !bk_number(my, "SELECT COALESCE(MAX(id), 0) FROM audit_log", NULL,
	        &audit_max))
		goto out;
	if (pipe2(dump_out, O_CLOEXEC) != 0 || pipe2(age_in, O_CLOEXEC) != 0)
		goto out;
	snprintf(sock_opt, sizeof(sock_opt), "--socket=%s", o.socket);
	snprintf(user_opt, sizeof(user_opt), "--user=%s", o.admin_user);
	snprintf(ignore_opt, sizeof(ignore_opt), "--ignore-table=%s.%s",
	    c.db_name, BK_KEEP_TABLE);
	{
		char *dump_argv[] = { "mariadb-dump", "--no-defaults", sock_opt,
			user_opt, ignore_opt, "--single-transaction",
			"--triggers", "--routines", "--hex-blob",
			"--default-character-set=utf8mb4",
			(char *)(uintptr_t)c.db_name, NULL };
		char *age_argv[] = { "age", "-e",
			kind == BACKUP_KEY_IDENTITY ? "-i" : "-R",
			(char *)(uintptr_t)c.backup_key_file, NULL };

		age = bk_spawn(age_argv, age_in[0], f.fd, -1);
		dump = bk_spawn(dump_argv, -1, dump_out[1], -1);
	}
	bk_close(&dump_out[1]);
	bk_close(&age_in[0]);
	if (age < 0 || dump < 0)
		goto out;
	snprintf(head, sizeof(head),
	    BACKUP_HEAD "-- database: %s\n-- file: %s\n" BACKUP_AUDIT_LINE
	                "%lld\n",
	    c.db_name, name, audit_max);
	progress_start(&pg, "backup: tabeller", ntables);
	ok_relay = bk_write_all(age_in[1], head, strlen(head)) &&
	    bk_relay(dump_out[0], age_in[1], &scan, &pg, 1);
	progress_end(&pg);
	bk_close(&dump_out[0]);
	ok_dump = bk_wait(dump);
	dump = -1;
	/* The grants after the dump (the tables exist then), with a mode
	 * that never creates an account a GRANT names. */
	ok_relay = ok_relay && ok_dump &&
	    backup_scan_tail_has(&scan, BACKUP_DUMP_DONE) &&
	    bk_write_all(age_in[1], bk_grant_mode, sizeof(bk_grant_mode) - 1) &&
	    bk_write_all(age_in[1], g.p, g.len) &&
	    bk_write_all(age_in[1], BACKUP_END, sizeof(BACKUP_END) - 1);
	bk_close(&age_in[1]);
	ok_age = bk_wait(age);
	age = -1;
	if (!ok_dump || !ok_relay || !ok_age) {
		fprintf(stderr,
		    "stegvis: säkerhetskopian misslyckades (%s): ingen fil "
		    "skrevs\n",
		    !ok_dump      ? "mariadb-dump"
		        : !ok_age ? "age"
		                  : "dumpen tog slut för tidigt");
		goto out;
	}
	if (sus_file_commit(&f, path) != APP_OK) {
		fprintf(stderr, "stegvis: %s: %s\n", path, strerror(errno));
		goto out;
	}
	printf("stegvis: säkerhetskopia %s (%lld tabeller, %lld byte "
	       "okrypterat)\n",
	    path, scan.tables, scan.bytes);
	if ((pruned = bk_prune_dir(dir, now, keep)) < 0)
		fprintf(stderr, "stegvis: %s: %s\n", dir, strerror(errno));
	printf("stegvis: sparas %u dagar%s; %ld äldre gallrade\n", keep,
	    capped ? " (kortaste gallringsregeln för ärenden)" : "",
	    pruned < 0 ? 0 : pruned);
	rc = pruned < 0;
out:
	bk_close(&dump_out[0]);
	bk_close(&dump_out[1]);
	bk_close(&age_in[0]);
	bk_close(&age_in[1]);
	if (dump > 0) {
		kill(dump, SIGTERM);
		bk_wait(dump);
	}
	if (age > 0) {
		kill(age, SIGTERM);
		bk_wait(age);
	}
	sus_file_close(&f);
	free(g.p);
	if (my != NULL)
		mysql_close(my);
	conf_free(&c);
	return rc;
}

/* ------------------------------------------------------------------------
 * stegvis restore
 * --------------------------------------------------------------------- */

enum bk_decrypt {
	BK_OK,
	BK_WRONG_KEY,
	BK_DAMAGED, /* age refused it: damaged or cut off */
	BK_PARTIAL, /* decrypts, but is not a whole backup */
	BK_FAILED,  /* our side: a tool, a pipe, the sink */
};

/*
 * Decrypt file with the identity key, feeding the plaintext to scan and
 * to fd sink (-1: nowhere). age's complaint, if any, goes into why.
 */
static enum bk_decrypt
bk_decrypt(const char *file, const char *key, int sink,
    struct backup_scan *scan, const char *label, char *why, size_t whylen)
{
	char *argv[] = { "age", "-d", "-i", (char *)(uintptr_t)key, NULL };
	int in = -1, out[2] = { -1, -1 }, err[2] = { -1, -1 }, ok_relay;
	struct progress pg;
	struct stat sb;
	size_t wl = 0;
	pid_t pid;
	ssize_t k;

	memset(scan, 0, sizeof(*scan));
	why[0] = '\0';
	/* The file on age's stdin: no name of ours becomes an option. */
	if ((in = open(file, O_RDONLY | O_CLOEXEC)) < 0 ||
	    fstat(in, &sb) != 0) {
		snprintf(why, whylen, "%s",
		    errno == ENOENT       ? "filen finns inte"
		        : errno == EACCES ? "ingen läsrätt"
		                          : strerror(errno));
		bk_close(&in);
		return BK_FAILED;
	}
	if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
		bk_close(&in);
		return BK_FAILED;
	}
	pid = bk_spawn(argv, in, out[1], err[1]);
	bk_close(&in);
	bk_close(&out[1]);
	bk_close(&err[1]);
	progress_start(&pg, label, (long long)sb.st_size);
	ok_relay = pid > 0 && bk_relay(out[0], sink, scan, &pg, 0);
	progress_end(&pg);
	bk_close(&out[0]); /* age stops on a closed pipe when we stopped */
	while (wl + 1 < whylen &&
	    (k = read(err[0], why + wl, whylen - wl - 1)) > 0)
		wl += (size_t)k;
	why[wl] = '\0';
	bk_close(&err[0]);
	if (!bk_wait(pid)) {
		if (strstr(why, "no identity matched") != NULL)
			return BK_WRONG_KEY;
		return ok_relay ? BK_DAMAGED : BK_FAILED;
	}
	if (!ok_relay)
		return BK_FAILED;
	return backup_scan_whole(scan) ? BK_OK : BK_PARTIAL;
}

/* age's first error line, without "age: error: ", for a message. */
static const char *
bk_age_reason(char *why)
{
	char *p = strstr(why, "error: "), *nl;

	p = p ? p + 7 : why;
	if ((nl = strchr(p, '\n')) != NULL)
		*nl = '\0';
	return p;
}

/* The tables and views of the database, to drop before the load. */
struct bk_names {
	char (*name)[BK_COL_MAX];
	int *view;
	size_t n, cap;
	int bad;
};

static int
bk_row_name(void *arg, char cols[][BK_COL_MAX])
{
	struct bk_names *t = arg;

	if (!bk_ident_ok(cols[0], "")) {
		t->bad = 1;
		return 1;
	}
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 128;
		char(*nn)[BK_COL_MAX] = realloc(t->name, cap * sizeof(*nn));
		int *nv;

		if (nn == NULL) {
			t->bad = 1;
			return 1;
		}
		t->name = nn;
		if ((nv = realloc(t->view, cap * sizeof(*nv))) == NULL) {
			t->bad = 1;
			return 1;
		}
		t->view = nv;
		t->cap = cap;
	}
	memcpy(t->name[t->n], cols[0], BK_COL_MAX);
	t->view[t->n] = strcmp(cols[1], "VIEW") == 0;
	t->n++;
	return 0;
}

/* Drop every table and view of the connected database; 1 when done. */
static int
bk_drop_all(MYSQL *my, long long *n)
{
	struct bk_names t = { 0 };
	int ok;

	ok = bk_sql(my,
	    "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES "
	    "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_TYPE <> ? "
	    "AND TABLE_NAME <> ?",
	    (const char *[]){ "SYSTEM VIEW", BK_KEEP_TABLE }, 2, 2, bk_row_name,
	    &t);
	ok = ok && !t.bad &&
	    bk_sql(my, "SET SESSION foreign_key_checks = 0", NULL, 0, 0, NULL,
	        NULL);
	for (size_t i = 0; ok && i < t.n; i++) {
		char sql[BK_COL_MAX + 32];

		/* An identifier cannot be a parameter: bk_ident_ok() let
		 * only [A-Za-z0-9_] through. */
		snprintf(sql, sizeof(sql), "DROP %s IF EXISTS `%s`",
		    t.view[i] ? "VIEW" : "TABLE", t.name[i]);
		ok = bk_sql(my, sql, NULL, 0, 0, NULL, NULL);
	}
	*n = (long long)t.n;
	free(t.name);
	free(t.view);
	return ok;
}

/* 1 with *yes set when the connected database has table name. */
static int
bk_table_exists(MYSQL *my, const char *name, int *yes)
{
	long long n = 0;
	int ok = bk_number(my,
	    "SELECT COUNT(*) FROM information_schema.TABLES "
	    "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?",
	    name, &n);

	*yes = n > 0;
	return ok;
}

/*
 * Before the tables go: copy the access-log rows above after (the
 * backup's highest id) into BK_KEEP_TABLE, which the drop spares. A
 * keep table left by a failed restore is added to, never emptied: its
 * rows may exist nowhere else. *kept: the rows it holds. 1 when fine.
 */
static int
bk_keep_audit(MYSQL *my, long long after, long long *kept)
{
	char a[32];
	int has_log, has_keep;

	*kept = 0;
	snprintf(a, sizeof(a), "%lld", after);
	if (!bk_table_exists(my, "audit_log", &has_log))
		return 0;
	if (has_log &&
	    (!bk_sql(my,
	         "CREATE TABLE IF NOT EXISTS " BK_KEEP_TABLE " LIKE audit_log",
	         NULL, 0, 0, NULL, NULL) ||
	        !bk_sql(my,
	            "INSERT IGNORE INTO " BK_KEEP_TABLE
	            " SELECT * FROM audit_log WHERE id > ?",
	            (const char *[]){ a }, 1, 0, NULL, NULL)))
		return 0;
	if (!bk_table_exists(my, BK_KEEP_TABLE, &has_keep))
		return 0;
	return !has_keep ||
	    bk_number(my, "SELECT COUNT(*) FROM " BK_KEEP_TABLE, NULL, kept);
}

/* The columns of the kept rows that the restored access log also has. */
struct bk_columns {
	char list[2048]; /* `a`, `b`, ... */
	size_t len;
	int bad;
};

static int
bk_add_column(void *arg, char cols[][BK_COL_MAX])
{
	struct bk_columns *c = arg;
	int n;

	if (!bk_ident_ok(cols[0], "")) {
		c->bad = 1;
		return 1; /* stop */
	}
	n = snprintf(c->list + c->len, sizeof(c->list) - c->len, "%s`%s`",
	    c->len ? ", " : "", cols[0]);
	if (n < 0 || (size_t)n >= sizeof(c->list) - c->len)
		c->bad = 1;
	else
		c->len += (size_t)n;
	return c->bad; /* 0: the next row */
}

/*
 * After the load: put back the kept rows the backup lacks (above its
 * highest id), in order and with their ids, then drop the keep table.
 * The backup may be older than the schema the rows were written under
 * (taken before a migration that added a column, e.g. 0067's forbund_id):
 * only the columns both tables have go back, and `stegvis migrate`
 * afterwards adds and fills the rest as it does for every old row.
 * *back: how many went back. 1 when fine.
 */
static int
bk_put_back_audit(MYSQL *my, long long *back)
{
	char a[32], sql[2 * sizeof(((struct bk_columns *)0)->list) + 128];
	long long max = 0;
	int has_keep;
	struct bk_columns c = { .len = 0, .bad = 0 };

	*back = 0;
	if (!bk_table_exists(my, BK_KEEP_TABLE, &has_keep))
		return 0;
	if (!has_keep)
		return 1;
	if (!bk_number(
	        my, "SELECT COALESCE(MAX(id), 0) FROM audit_log", NULL, &max))
		return 0;
	snprintf(a, sizeof(a), "%lld", max);
	if (!bk_sql(my,
	        "SELECT k.COLUMN_NAME FROM information_schema.COLUMNS k "
	        "JOIN information_schema.COLUMNS l "
	        "ON l.TABLE_SCHEMA = k.TABLE_SCHEMA "
	        "AND l.TABLE_NAME = 'audit_log' "
	        "AND l.COLUMN_NAME = k.COLUMN_NAME "
	        "AND l.EXTRA NOT LIKE '%GENERATED%' "
	        "WHERE k.TABLE_SCHEMA = DATABASE() "
	        "AND k.TABLE_NAME = '" BK_KEEP_TABLE "' "
	        "ORDER BY k.ORDINAL_POSITION",
	        NULL, 0, 1, bk_add_column, &c) ||
	    c.bad || c.len == 0)
		return 0;
	/* The names come from the server's catalogue and passed
	 * bk_ident_ok: safe between backticks. */
	snprintf(sql, sizeof(sql),
	    "INSERT INTO audit_log (%s) SELECT %s FROM " BK_KEEP_TABLE
	    " WHERE id > ? ORDER BY id",
	    c.list, c.list);
	return bk_number(my,
	           "SELECT COUNT(*) FROM " BK_KEEP_TABLE " WHERE id > ?", a,
	           back) &&
	    bk_sql(my, sql, (const char *[]){ a }, 1, 0, NULL, NULL) &&
	    bk_sql(my, "DROP TABLE " BK_KEEP_TABLE, NULL, 0, 0, NULL, NULL);
}

/* Say why the file was refused before anything changed. */
static void
bk_refused(enum bk_decrypt r, const char *file, const char *key, char *why)
{
	switch (r) {
	case BK_WRONG_KEY:
		fprintf(stderr,
		    "stegvis: fel nyckel: %s är inte krypterad till nyckeln i "
		    "%s\n",
		    file, key);
		break;
	case BK_DAMAGED:
		fprintf(stderr,
		    "stegvis: %s är skadad eller avkortad och kan inte "
		    "läsas (age: %s)\n",
		    file, bk_age_reason(why));
		break;
	case BK_PARTIAL:
		fprintf(stderr,
		    "stegvis: %s är ingen hel säkerhetskopia från stegvis "
		    "backup (början eller slutet saknas)\n",
		    file);
		break;
	default:
		fprintf(stderr, "stegvis: %s kan inte läsas: %s\n", file,
		    why[0] ? bk_age_reason(why) : "okänt fel");
		break;
	}
	fputs("stegvis: databasen är orörd\n", stderr);
}

int
backup_cli_restore(int argc, char **argv)
{
	struct bk_opts o;
	struct conf c;
	struct backup_scan scan;
	MYSQL *my = NULL;
	const char *key, *base;
	char why[BK_ERR_MAX], sock_opt[PATH_MAX + 16], user_opt[128],
	    db_opt[128], detail[160];
	int load_in[2] = { -1, -1 }, ok_load, rc = 1;
	long long users = 0, dropped = 0, app_conns = 0, audit_max = 0;
	long long kept = 0, back = 0, sus_last = 0;
	int has_sus = 0;
	enum bk_decrypt r;
	pid_t cli = -1;

	if (!bk_parse(argc, argv, 1, &o))
		return bk_usage();
	signal(SIGPIPE, SIG_IGN);
	if (!bk_conf(&c, &o))
		goto out;
	key = o.key ? o.key : c.backup_key_file;
	switch (bk_key(key)) {
	case BACKUP_KEY_BAD: goto out;
	case BACKUP_KEY_RECIPIENT:
		fprintf(stderr,
		    "stegvis: %s har bara den publika nyckeln; ange den "
		    "hemliga med --key FIL\n",
		    key);
		goto out;
	default: break;
	}
	/* 1. The whole file, decrypted and checked, before anything. */
	if ((r = bk_decrypt(o.file, key, -1, &scan, "restore: kontroll", why,
	         sizeof(why))) != BK_OK) {
		bk_refused(r, o.file, key, why);
		goto out;
	}
	/* 2. The account the grants name must exist: a GRANT must never
	 * create one (without a password). */
	if ((my = bk_connect(&o, &c)) == NULL ||
	    !bk_number(my, "SELECT COUNT(*) FROM mysql.user WHERE User = ?",
	        c.db_user, &users))
		goto untouched;
	if (users == 0) {
		fprintf(stderr,
		    "stegvis: kontot %s finns inte i MariaDB: skapa det först "
		    "(README \"Säkerhetskopior\")\n",
		    c.db_user);
		goto untouched;
	}
	/* 3. Not under a serving app: its requests would fail while the
	 * tables are replaced. */
	if (!bk_number(my,
	        "SELECT COUNT(*) FROM information_schema.PROCESSLIST "
	        "WHERE USER = ? AND ID <> CONNECTION_ID()",
	        c.db_user, &app_conns))
		goto untouched;
	if (app_conns > 0 && !o.force) {
		fprintf(stderr,
		    "stegvis: Stegvis är igång: kontot %s har %lld "
		    "anslutningar till databasen. Stoppa tjänsten först "
		    "(systemctl stop stegvis) och kör restore igen, eller "
		    "ange --force\n",
		    c.db_user, app_conns);
		goto untouched;
	}
	/* 4. Keep the access log written since the backup: the only record
	 * of what was read, and of what gallring removed, since then. */
	(void)backup_scan_audit_max(&scan, &audit_max);
	if (!bk_keep_audit(my, audit_max, &kept)) {
		fprintf(stderr,
		    "stegvis: åtkomstloggens nya rader kunde inte sparas\n");
		goto untouched;
	}
	/* 5. Empty the database, then load the file through the client. */
	if (!bk_drop_all(my, &dropped)) {
		fprintf(stderr, "stegvis: tabellerna kunde inte tas bort\n");
		goto partial;
	}
	snprintf(sock_opt, sizeof(sock_opt), "--socket=%s", o.socket);
	snprintf(user_opt, sizeof(user_opt), "--user=%s", o.admin_user);
	snprintf(db_opt, sizeof(db_opt), "--database=%s", c.db_name);
	if (pipe2(load_in, O_CLOEXEC) != 0)
		goto partial;
	{
		char *cli_argv[] = { "mariadb", "--no-defaults", sock_opt,
			user_opt, db_opt, "--batch",
			"--default-character-set=utf8mb4", NULL };

		cli = bk_spawn(cli_argv, load_in[0], -1, -1);
	}
	bk_close(&load_in[0]);
	if (cli < 0)
		goto partial;
	r = bk_decrypt(o.file, key, load_in[1], &scan, "restore: läser in", why,
	    sizeof(why));
	bk_close(&load_in[1]);
	ok_load = bk_wait(cli);
	cli = -1;
	if (r != BK_OK || !ok_load)
		goto partial;
	if (!bk_put_back_audit(my, &back)) {
		fprintf(stderr,
		    "stegvis: åtkomstloggens rader efter säkerhetskopian kunde "
		    "inte läggas tillbaka; de finns kvar i tabellen " BK_KEEP_TABLE
		    ": kör restore igen\n");
		goto out;
	}
	base = strrchr(o.file, '/') ? strrchr(o.file, '/') + 1 : o.file;
	snprintf(detail, sizeof(detail), "återläst från %.100s", base);
	if (!bk_audit(my, "cli:restore", "admin", detail))
		fprintf(stderr,
		    "stegvis: raden i åtkomstloggen kunde inte "
		    "skrivas\n");
	printf("stegvis: %s återläst i databasen %s (%lld tabeller)\n", o.file,
	    c.db_name, scan.tables);
	printf("stegvis: %lld rader i åtkomstloggen från efter "
	       "säkerhetskopian är bevarade\n",
	    back);
	if (bk_table_exists(my, "sus_batch", &has_sus) && has_sus)
		(void)bk_number(my,
		    "SELECT COALESCE(MAX(batch_no), 0) FROM sus_batch", NULL,
		    &sus_last);
	printf("stegvis: VIKTIGT: det som gallrats efter att säkerhetskopian "
	       "togs är tillbaka. Kör stegvis gallring nu, före allt annat.\n");
	printf("stegvis: VIKTIGT: SUS-omgångarnas nummer är tillbaka på "
	       "säkerhetskopians (senaste omgången nu %lld). Meddela "
	       "mottagaren av SUS-filerna, eller låt den kvittera om.\n",
	    sus_last);
	printf("stegvis: kör sedan stegvis migrate och starta om stegvis\n");
	rc = 0;
	goto out;
untouched:
	fputs("stegvis: databasen är orörd\n", stderr);
	goto out;
partial:
	fprintf(stderr,
	    "stegvis: återläsningen avbröts efter att %lld tabeller tagits "
	    "bort: databasen %s är ofullständig. Rätta felet ovan och kör "
	    "restore igen\n",
	    dropped, c.db_name);
out:
	bk_close(&load_in[0]);
	bk_close(&load_in[1]);
	if (cli > 0)
		bk_wait(cli);
	if (my != NULL)
		mysql_close(my);
	conf_free(&c);
	return rc;
}
