/* migrate.c: numbered SQL migrations and demo data; see include/migrate.h. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <mysql.h>

#include "migrate.h"

#define MIGRATE_MAX_FILES 1000
#define MIGRATE_MAX_SIZE  (16L * 1024 * 1024)

static MYSQL *
migrate_connect(const struct migrate_opts *o)
{
	MYSQL *my = mysql_init(NULL);
	unsigned int timeout = 10;

	if (my == NULL)
		return NULL;
	mysql_options(my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* Migration files are ours and hold many statements each. */
	if (mysql_real_connect(my, NULL, o->admin_user, NULL, o->db_name, 0,
	        o->socket, CLIENT_MULTI_STATEMENTS) == NULL) {
		fprintf(stderr, "stegvis: cannot connect to %s as %s: %s\n",
		    o->socket, o->admin_user, mysql_error(my));
		mysql_close(my);
		return NULL;
	}
	return my;
}

/* Read a whole file into a heap string. Caller frees with free(). */
static char *
migrate_slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	long n;

	if (f == NULL)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    n <= MIGRATE_MAX_SIZE && fseek(f, 0, SEEK_SET) == 0 &&
	    (p = malloc((size_t)n + 1)) != NULL) {
		if (fread(p, 1, (size_t)n, f) != (size_t)n) {
			free(p);
			p = NULL;
		} else {
			p[n] = '\0';
			*len = (size_t)n;
		}
	}
	fclose(f);
	return p;
}

/* Run every statement of a trusted SQL file; 1 on success. */
static int
migrate_exec_file(MYSQL *my, const char *path)
{
	size_t len = 0;
	char *sql = migrate_slurp(path, &len);
	int status, ok = 1;

	if (sql == NULL) {
		fprintf(stderr, "stegvis: %s: %s\n", path, strerror(errno));
		return 0;
	}
	status = mysql_real_query(my, sql, len);
	free(sql);
	if (status != 0) {
		fprintf(stderr, "stegvis: %s: %s\n", path, mysql_error(my));
		return 0;
	}
	/* Walk every result so an error in a later statement is seen. */
	do {
		MYSQL_RES *res = mysql_store_result(my);
		if (res != NULL)
			mysql_free_result(res);
		else if (mysql_field_count(my) != 0) {
			ok = 0;
			break;
		}
		if ((status = mysql_next_result(my)) > 0) {
			ok = 0;
			break;
		}
	} while (status == 0);
	if (!ok)
		fprintf(stderr, "stegvis: %s: %s\n", path, mysql_error(my));
	return ok;
}

static int
migrate_name_ok(const char *n)
{
	size_t len = strlen(n);

	return len > 9 && n[0] >= '0' && n[0] <= '9' && n[1] >= '0' &&
	    n[1] <= '9' && n[2] >= '0' && n[2] <= '9' && n[3] >= '0' &&
	    n[3] <= '9' && n[4] == '_' && strcmp(n + len - 4, ".sql") == 0;
}

static int
migrate_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 if version is recorded, 0 if not, -1 on error. */
static int
migrate_applied(MYSQL *my, int version)
{
	MYSQL_STMT *st = mysql_stmt_init(my);
	static const char q[] =
	    "SELECT COUNT(*) FROM schema_version WHERE version = ?";
	MYSQL_BIND in, out;
	long long v = version, count = 0;
	int rc = -1;

	if (st == NULL || mysql_stmt_prepare(st, q, sizeof(q) - 1) != 0)
		goto out;
	memset(&in, 0, sizeof(in));
	in.buffer_type = MYSQL_TYPE_LONGLONG;
	in.buffer = &v;
	memset(&out, 0, sizeof(out));
	out.buffer_type = MYSQL_TYPE_LONGLONG;
	out.buffer = &count;
	if (mysql_stmt_bind_param(st, &in) != 0 ||
	    mysql_stmt_execute(st) != 0 ||
	    mysql_stmt_bind_result(st, &out) != 0 || mysql_stmt_fetch(st) != 0)
		goto out;
	rc = count > 0;
out:
	if (st != NULL)
		mysql_stmt_close(st);
	return rc;
}

static int
migrate_record(MYSQL *my, int version, const char *name)
{
	MYSQL_STMT *st = mysql_stmt_init(my);
	static const char q[] =
	    "INSERT INTO schema_version (version, name) VALUES (?, ?)";
	MYSQL_BIND in[2];
	long long v = version;
	int ok = 0;

	memset(in, 0, sizeof(in));
	in[0].buffer_type = MYSQL_TYPE_LONGLONG;
	in[0].buffer = &v;
	in[1].buffer_type = MYSQL_TYPE_STRING;
	in[1].buffer = (void *)name;
	in[1].buffer_length = strlen(name);
	if (st != NULL && mysql_stmt_prepare(st, q, sizeof(q) - 1) == 0 &&
	    mysql_stmt_bind_param(st, in) == 0 && mysql_stmt_execute(st) == 0)
		ok = 1;
	if (st != NULL)
		mysql_stmt_close(st);
	return ok;
}

int
migrate_run(const struct migrate_opts *o)
{
	static const char create[] =
	    "CREATE TABLE IF NOT EXISTS schema_version ("
	    "version INT NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, "
	    "applied_at DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP"
	    ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
	char *names[MIGRATE_MAX_FILES];
	size_t n = 0, applied = 0;
	struct dirent *de;
	MYSQL *my;
	DIR *d;
	int rc = 1;

	if ((d = opendir(o->sql_dir)) == NULL) {
		fprintf(
		    stderr, "stegvis: %s: %s\n", o->sql_dir, strerror(errno));
		return 1;
	}
	while ((de = readdir(d)) != NULL && n < MIGRATE_MAX_FILES)
		if (migrate_name_ok(de->d_name) &&
		    (names[n] = strdup(de->d_name)) != NULL)
			n++;
	closedir(d);
	qsort(names, n, sizeof(names[0]), migrate_cmp);

	if ((my = migrate_connect(o)) == NULL)
		goto out;
	if (mysql_real_query(my, create, sizeof(create) - 1) != 0) {
		fprintf(
		    stderr, "stegvis: schema_version: %s\n", mysql_error(my));
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		int version = atoi(names[i]), done;

		if (i > 0 && atoi(names[i - 1]) == version) {
			fprintf(stderr,
			    "stegvis: two migrations numbered %04d\n", version);
			goto out;
		}
		if ((done = migrate_applied(my, version)) < 0) {
			fprintf(stderr, "stegvis: schema_version: %s\n",
			    mysql_error(my));
			goto out;
		}
		if (done)
			continue;
		snprintf(path, sizeof(path), "%s/%s", o->sql_dir, names[i]);
		if (!migrate_exec_file(my, path) ||
		    !migrate_record(my, version, names[i])) {
			fprintf(stderr,
			    "stegvis: migration %s failed; not recorded\n",
			    names[i]);
			goto out;
		}
		printf("stegvis: applied %s\n", names[i]);
		applied++;
	}
	printf("stegvis: schema up to date (%zu applied now, %zu in all)\n",
	    applied, n);
	rc = 0;
out:
	if (my != NULL)
		mysql_close(my);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	return rc;
}

int
migrate_demo_load(const struct migrate_opts *o)
{
	char path[4096];
	MYSQL *my;
	int ok;

	if ((my = migrate_connect(o)) == NULL)
		return 1;
	snprintf(path, sizeof(path), "%s/demo.sql", o->sql_dir);
	ok = migrate_exec_file(my, path);
	mysql_close(my);
	if (ok)
		printf("stegvis: demo data loaded\n");
	return ok ? 0 : 1;
}
