/* db.c: one MariaDB connection per worker; see include/db.h. */
#include <errno.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mysql.h>
#include <errmsg.h>
#include <mysqld_error.h>

#include "arena.h"
#include "conf.h"
#include "date.h"
#include "db.h"
#include "db_nodes.h"
#include "log.h"
#include "sql_access.h"
#include "sql_admin.h"
#include "sql_auth.h"
#include "sql_history.h"
#include "sql_participation.h"
#include "sql_consent.h"
#include "sql_public.h"
#include "sql_referral.h"
#include "sql_report.h"
#include "sql_sus.h"
#include "sql_quest.h"
#include "sql_participation_sus.h"
#include "sql_form_stash.h"
#include "sql_report_flow.h"
#include "sql_report_people.h"
#include "sql_followup.h"
#include "sql_structural.h"
#include "sql_report_document.h"
#include "sql_gallring.h"
#include "sql_referral_follow.h"
#include "sql_summary.h"
#include "sql_midterm.h"
#include "sql_participation_correct.h"
#include "sql_overdue.h"
#include "sql_news.h"
#include "sql_once.h"
#include "db_scope.h"

/* Every area's statement table, prepared together when a connection opens. */
static const struct {
	const struct db_query *q;
	size_t n;
} areas[DB_AREA__MAX] = {
	[DB_PUBLIC] = { sql_public, SQL_PUBLIC__MAX },
	[DB_AUTH] = { sql_auth, SQL_AUTH__MAX },
	[DB_ADMIN] = { sql_admin, SQL_ADMIN__MAX },
	[DB_ACCESS] = { sql_access, SQL_ACCESS__MAX },
	[DB_HISTORY] = { sql_history, SQL_HISTORY__MAX },
	[DB_REFERRAL] = { sql_referral, SQL_REFERRAL__MAX },
	[DB_PARTICIPATION] = { sql_participation, SQL_PARTICIPATION__MAX },
	[DB_CONSENT] = { sql_consent, SQL_CONSENT__MAX },
	[DB_REPORT] = { sql_report, SQL_REPORT__MAX },
	[DB_SUS] = { sql_sus, SQL_SUS__MAX },
	[DB_QUEST] = { sql_quest, SQL_QUEST__MAX },
	[DB_PARTICIPATION_SUS] = { sql_participation_sus, SQL_PSUS__MAX },
	[DB_FORM_STASH] = { sql_form_stash, SQL_FS__MAX },
	[DB_REPORT_FLOW] = { sql_report_flow, SQL_FLOW__MAX },
	[DB_REPORT_PEOPLE] = { sql_report_people, SQL_RP__MAX },
	[DB_FOLLOWUP] = { sql_followup, SQL_FU__MAX },
	[DB_STRUCTURAL] = { sql_structural, SQL_ST__MAX },
	[DB_REPORT_DOCUMENT] = { sql_report_document, SQL_RD__MAX },
	[DB_GALLRING] = { sql_gallring, SQL_GR__MAX },
	[DB_REFERRAL_FOLLOW] = { sql_referral_follow, SQL_RF__MAX },
	[DB_SUMMARY] = { sql_summary, SQL_SUM__MAX },
	[DB_MIDTERM] = { sql_midterm, SQL_MT__MAX },
	[DB_PCORRECT] = { sql_participation_correct, SQL_PC__MAX },
	[DB_OVERDUE] = { sql_overdue, SQL_OVERDUE__MAX },
	[DB_NEWS] = { sql_news, SQL_NEWS__MAX },
	[DB_ONCE] = { sql_once, SQL_ONCE__MAX },
};
_Static_assert(sizeof(areas) / sizeof(areas[0]) == DB_AREA__MAX,
    "areas[] out of sync with enum db_area");

/* Every statement's text as it is prepared, its :forbund made ? (see
 * db_scope.h), in areas[] order: planned once per process, before the
 * first connection, and shared by every connection (the workers inherit
 * it from the master). NULL until then, or when out of memory. */
static struct db_scope_plan *plans;

/* Plan every statement once. -1 when out of memory. */
static int
db_plans_init(void)
{
	size_t total = 0, k = 0;
	struct db_scope_plan *p;

	if (plans != NULL)
		return 0;
	for (size_t a = 0; a < DB_AREA__MAX; a++)
		total += areas[a].n;
	if ((p = calloc(total, sizeof(*p))) == NULL)
		return -1;
	for (size_t a = 0; a < DB_AREA__MAX; a++)
		for (size_t i = 0; i < areas[a].n; i++, k++)
			if (db_scope_plan(areas[a].q[i].sql, &p[k]) != 0) {
				while (k-- > 0)
					db_scope_plan_free(&p[k]);
				free(p);
				return -1;
			}
	plans = p;
	return 0;
}

struct db {
	MYSQL *my;
	MYSQL_STMT **st;           /* every area's statements in one array */
	size_t nst;                /* its length: the sum of areas[].n */
	unsigned long *used_at;    /* per statement: tick of its last use */
	unsigned long tick;        /* counts statement uses */
	size_t nprepared;          /* how many of st are prepared now */
	size_t base[DB_AREA__MAX]; /* where area a starts in st */
	int ready;
	int connected_before; /* a reconnect checks the statements again */
	MYSQL_STMT *begin;    /* START TRANSACTION, prepared on first use */
	int in_tx;      /* between db_begin() and db_commit()/db_rollback() */
	int tx_broken;  /* the connection died inside the transaction: every
	                * call fails until db_rollback() */
	int tx_aborted; /* the server rolled the transaction back (a deadlock
	                 * victim): writes fail until db_rollback(), since with
	                 * autocommit on each would commit on its own */
	/* The nodes (db_nodes.h), and the one this connection last reached:
	 * a reconnect tries it first, then the next ones in turn. */
	struct db_node *nodes;
	size_t nnodes, cur;
	int skip_cur;        /* cur is out of the cluster: the others first */
	int wsrep;           /* connected to a Galera node (wsrep_on) */
	char setup_err[160]; /* why db_node_ready() said no, "" for none */
	char *name, *user, *password;
	unsigned int last_errno; /* of the last db_exec() or db_commit() */
	int deadlocked;          /* a deadlock since db_deadlock_reset() */
	int committed; /* a write committed since db_deadlock_reset() */
	unsigned long long affected, insert_id; /* of the last db_exec() */
	/* The request's förbund (db_forbund_set()), 0 for none. */
	long long forbund;
};

/* Connection-level failures: the server is gone, not the statement wrong. */
static int
db_errno_is_gone(unsigned int n)
{
	/* ER_UNKNOWN_COM_ERROR (1047) is what a Galera node that answers but
	 * is not part of the cluster's primary component (joining, cut off)
	 * says to every statement: "WSREP has not yet prepared node for
	 * application use". Another node will do. */
	return n == CR_SERVER_GONE_ERROR || n == CR_SERVER_LOST ||
	    n == CR_CONNECTION_ERROR || n == CR_CONN_HOST_ERROR ||
	    n == CR_SERVER_LOST_EXTENDED || n == ER_CONNECTION_KILLED ||
	    n == ER_SERVER_SHUTDOWN || n == CR_COMMANDS_OUT_OF_SYNC ||
	    n == ER_UNKNOWN_COM_ERROR;
}

int
db_error_is_full(unsigned int n, const char *msg)
{
	/* 1114 "The table 'x' is full" (InnoDB: also a full tablespace),
	 * 1021 ER_DISK_FULL, 1878 a temporary file that could not be
	 * written. */
	if (n == ER_RECORD_FILE_FULL || n == ER_DISK_FULL ||
	    n == ER_TEMP_FILE_WRITE_FAILURE)
		return 1;
	/* mysys's EE_WRITE (3), ER_ERROR_ON_WRITE, ER_GET_ERRNO and
	 * ER_ERROR_DURING_COMMIT only with errno 28 (ENOSPC) in the text,
	 * as the server words it: "Got error 28 \"No space left on
	 * device\" from storage engine", "Error writing file '...'
	 * (Errcode: 28 \"No space left on device\")". */
	if (n != 3 && n != ER_ERROR_ON_WRITE && n != ER_GET_ERRNO &&
	    n != ER_ERROR_DURING_COMMIT)
		return 0;
	return msg != NULL &&
	    (strstr(msg, "error 28 ") != NULL ||
	        strstr(msg, "Errcode: 28 ") != NULL ||
	        strstr(msg, "errno: 28 ") != NULL);
}

/* APP_EUNAVAIL for a server that is gone or out of room (503, try again),
 * APP_EDB for the rest. Out of room is logged as an error naming the
 * cause: an operator must free space, nothing else fixes it. */
static enum app_err
db_err_of(unsigned int n, const char *msg, const char *what)
{
	if (db_error_is_full(n, msg)) {
		log_error(
		    "database out of space (%s, error %u): %s", what, n, msg);
		return APP_EUNAVAIL;
	}
	log_warn("%s: %s", what, msg);
	return db_errno_is_gone(n) ? APP_EUNAVAIL : APP_EDB;
}

static void
db_disconnect(struct db *d)
{
	for (size_t i = 0; i < d->nst; i++)
		if (d->st[i] != NULL) {
			mysql_stmt_close(d->st[i]);
			d->st[i] = NULL;
		}
	d->nprepared = 0;
	if (d->begin != NULL) {
		mysql_stmt_close(d->begin);
		d->begin = NULL;
	}
	if (d->my != NULL) {
		mysql_close(d->my);
		d->my = NULL;
	}
	d->ready = 0;
	if (d->in_tx)
		d->tx_broken = 1;
}

static char *
db_read_password(const char *path, char *err, size_t errlen)
{
	char buf[256];
	size_t n;
	FILE *f;

	if (path == NULL || path[0] == '\0')
		return strdup("");
	if ((f = fopen(path, "r")) == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return strdup(buf);
}

void
db_library_init(void)
{
	(void)mysql_library_init(0, NULL, NULL);
}

struct db *
db_open(const struct conf *c, char *err, size_t errlen)
{
	struct db *d;

	if (db_plans_init() != 0 || (d = calloc(1, sizeof(*d))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	for (size_t a = 0; a < DB_AREA__MAX; a++) {
		d->base[a] = d->nst;
		d->nst += areas[a].n;
	}
	if ((d->st = calloc(d->nst, sizeof(*d->st))) == NULL ||
	    (d->used_at = calloc(d->nst, sizeof(*d->used_at))) == NULL) {
		snprintf(err, errlen, "out of memory");
		free(d->st);
		free(d);
		return NULL;
	}
	if (c->db_nodes[0] != '\0') {
		if (db_nodes_parse(
		        str_cstr(c->db_nodes), &d->nodes, &d->nnodes) != 0)
			d->nodes = NULL; /* the conf checked it: no memory */
	} else if ((d->nodes = calloc(1, sizeof(*d->nodes))) != NULL) {
		d->nnodes = 1;
		if ((d->nodes[0].socket = strdup(c->db_socket)) == NULL) {
			free(d->nodes);
			d->nodes = NULL;
		}
	}
	d->name = strdup(c->db_name);
	d->user = strdup(c->db_user);
	d->password = db_read_password(c->db_password_file, err, errlen);
	if (d->nodes == NULL || d->name == NULL || d->user == NULL ||
	    d->password == NULL) {
		if (d->password != NULL)
			snprintf(err, errlen, "out of memory");
		db_close(d);
		return NULL;
	}
	(void)db_connect(d, err, errlen);
	return d;
}

int
db_ready(const struct db *d)
{
	return d->ready;
}

/*
 * Whether prepared statement st has the shape its table entry q declares:
 * the number of columns and parameters (the caller's, and nscope more for
 * its :forbund), and, when it fills a record, the record's column names in
 * order. 0 with err set when not (schema drift or a query edited without
 * its record: a bug either way).
 */
static int
db_shape_ok(const struct db_query *q, unsigned nscope, MYSQL_STMT *st,
    char *err, size_t errlen)
{
	unsigned ncols = mysql_stmt_field_count(st);
	unsigned long nparams = mysql_stmt_param_count(st);
	MYSQL_RES *meta;
	MYSQL_FIELD *f;

	if (ncols != q->ncols || nparams != q->nparams + nscope) {
		snprintf(err, errlen,
		    "declares %u columns and %u parameters (+%u :forbund), "
		    "has %u and %lu",
		    q->ncols, q->nparams, nscope, ncols, nparams);
		return 0;
	}
	if (q->rec == NULL)
		return 1;
	if (q->rec->nfields != ncols) {
		snprintf(err, errlen, "record %s has %zu fields for %u columns",
		    q->rec->name, q->rec->nfields, ncols);
		return 0;
	}
	if ((meta = mysql_stmt_result_metadata(st)) == NULL) {
		snprintf(err, errlen, "record %s on a statement without rows",
		    q->rec->name);
		return 0;
	}
	f = mysql_fetch_fields(meta);
	for (unsigned c = 0; c < ncols; c++)
		if (strcmp(f[c].name, q->rec->fields[c].column) != 0) {
			snprintf(err, errlen,
			    "record %s field %u is '%s', column is '%s'",
			    q->rec->name, c, q->rec->fields[c].column,
			    f[c].name);
			mysql_free_result(meta);
			return 0;
		}
	mysql_free_result(meta);
	return 1;
}

/*
 * Set once every statement has prepared with its declared shape on one
 * connection of this process, or of the master before it forked (at
 * start and at each reload): the shape is the schema's and the binary's,
 * so a worker's first connection skips the ~450 prepares. A reconnect
 * (MariaDB restarted, perhaps restored or migrated) checks again.
 */
static int db_statements_checked;

/* A node's name for the log: its socket, or host:port. */
static void
db_node_name(const struct db_node *n, char *buf, size_t len)
{
	if (n->socket != NULL)
		snprintf(buf, len, "%s", n->socket);
	else
		snprintf(buf, len, "%s:%u", n->host, n->port);
}

/* Run sql (constant text) prepared on d->my; with want, compare the
 * second column of its first row (a SHOW ... LIKE): 1 equal, 0 not (or no
 * row); without, 1 when it ran. -1 on a failure. */
static int
db_setup_stmt(struct db *d, const char *sql, const char *want)
{
	MYSQL_STMT *st = mysql_stmt_init(d->my);
	MYSQL_BIND out[2];
	char val[2][64];
	unsigned long len[2] = { 0, 0 };
	int is = -1, fetched;

	if (st == NULL) {
		snprintf(d->setup_err, sizeof(d->setup_err), "%s",
		    mysql_error(d->my));
		return -1;
	}
	memset(out, 0, sizeof(out));
	for (int i = 0; i < 2; i++) {
		out[i].buffer_type = MYSQL_TYPE_STRING;
		out[i].buffer = val[i];
		out[i].buffer_length = sizeof(val[i]) - 1;
		out[i].length = &len[i];
	}
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0 ||
	    mysql_stmt_execute(st) != 0) {
		/* Kept: closing the statement clears the connection's. */
		snprintf(d->setup_err, sizeof(d->setup_err), "%s",
		    mysql_stmt_error(st));
		goto done;
	}
	if (want == NULL) {
		is = 1;
		goto done;
	}
	if (mysql_stmt_bind_result(st, out) != 0)
		goto done;
	fetched = mysql_stmt_fetch(st);
	if (fetched == MYSQL_NO_DATA) {
		is = 0;
		goto done;
	}
	if (fetched != 0 && fetched != MYSQL_DATA_TRUNCATED) {
		snprintf(d->setup_err, sizeof(d->setup_err), "%s",
		    mysql_stmt_error(st));
		goto done;
	}
	val[1][len[1] < sizeof(val[1]) - 1 ? len[1] : sizeof(val[1]) - 1] =
	    '\0';
	is = strcmp(val[1], want) == 0;
done:
	mysql_stmt_close(st);
	return is;
}

/*
 * Whether the server d->my reached may be used: a Galera node that is not
 * part of the primary component (joining, cut off) takes connections but
 * refuses statements (1047) or, waiting for the cluster, times out; a
 * lone server (wsrep_on OFF) always may. Then, on a cluster, a read waits
 * until this node has applied what the cluster committed before it
 * (wsrep_sync_wait 1): a session, a revocation or a decision written
 * through another node holds on the very next request here. Set after
 * the check, which would itself wait. 0 on a failure (mysql_errno set)
 * or a node not ready (mysql_errno 0).
 */
static int
db_node_ready(struct db *d)
{
	int on =
	    db_setup_stmt(d, "SHOW GLOBAL VARIABLES LIKE 'wsrep_on'", "ON");

	d->wsrep = on == 1;
	if (on < 0)
		return 0;
	if (on == 0) /* a lone server */
		return 1;
	if (db_setup_stmt(d, "SHOW GLOBAL STATUS LIKE 'wsrep_ready'", "ON") !=
	    1)
		return 0;
	return db_setup_stmt(d, "SET SESSION wsrep_sync_wait = 1", NULL) == 1;
}

/* d->my connected to node n, or 0 with the reason in err. */
static int
db_connect_node(struct db *d, const struct db_node *n, char *err, size_t errlen)
{
	unsigned int timeout = 3, rw_timeout = 30;

	d->setup_err[0] = '\0';
	d->wsrep = 0;
	if ((d->my = mysql_init(NULL)) == NULL) {
		snprintf(err, errlen, "mysql_init failed");
		return 0;
	}
	/* Bounded waits: a dead server gives a 503, never a hung worker. */
	mysql_options(d->my, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
	mysql_options(d->my, MYSQL_OPT_READ_TIMEOUT, &rw_timeout);
	mysql_options(d->my, MYSQL_OPT_WRITE_TIMEOUT, &rw_timeout);
	mysql_options(d->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	/* host:port means TCP, even for "localhost" (which Connector/C
	 * would otherwise take as the default unix socket). */
	if (n->host != NULL) {
		unsigned int tcp = MYSQL_PROTOCOL_TCP;

		mysql_options(d->my, MYSQL_OPT_PROTOCOL, &tcp);
	}
	/* DATETIME columns hold UTC (sql/0001 header). Strict mode whatever
	 * the server's default: without it MariaDB cuts a value longer than
	 * its column to fit and only warns, which is the silent cut the
	 * form limits exist to prevent (README, "Text limits"); with it the
	 * statement fails instead. */
	mysql_options(d->my, MYSQL_INIT_COMMAND,
	    "SET time_zone = '+00:00', sql_mode = "
	    "'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,"
	    "NO_ENGINE_SUBSTITUTION'");
	if (mysql_real_connect(d->my, n->host, d->user, d->password, d->name,
	        n->port, n->socket, 0) == NULL ||
	    !db_node_ready(d)) {
		char name[256];

		db_node_name(n, name, sizeof(name));
		snprintf(err, errlen, "connect: %s (node %s)",
		    mysql_errno(d->my) ? mysql_error(d->my)
		        : d->setup_err[0]
		        ? d->setup_err
		        : "a Galera node not in the cluster's "
		          "primary component (wsrep_ready OFF)",
		    name);
		db_disconnect(d);
		return 0;
	}
	return 1;
}

enum app_err
db_connect(struct db *d, char *err, size_t errlen)
{
	size_t k, first, node = d->cur;
	int check;

	if (d->ready)
		return APP_OK;
	db_disconnect(d);
	/* The node last reached first, then the others in turn: a node
	 * that is gone costs its connect's failure (at once for a socket,
	 * at most the timeout over TCP) until it answers again. After cur
	 * turned out to be a Galera node out of the cluster (1047: it still
	 * takes connections), the others first and cur last. */
	first = d->skip_cur && d->nnodes > 1;
	d->skip_cur = 0;
	for (k = 0; k < d->nnodes; k++) {
		node = db_nodes_attempt(d->cur, d->nnodes, first + k);
		if (db_connect_node(d, &d->nodes[node], err, errlen))
			break;
		if (d->nnodes > 1)
			log_warn("database node did not answer: %s", err);
	}
	if (k == d->nnodes)
		return APP_EUNAVAIL;
	if (node != d->cur) {
		char from[256], to[256];

		db_node_name(&d->nodes[d->cur], from, sizeof(from));
		db_node_name(&d->nodes[node], to, sizeof(to));
		log_warn("database: now on node %s (was %s)", to, from);
		d->cur = node;
	}
	check = !db_statements_checked || d->connected_before;
	d->connected_before = 1;
	for (size_t a = 0; a < DB_AREA__MAX && check; a++) {
		for (size_t i = 0; i < areas[a].n; i++) {
			const struct db_scope_plan *plan =
			    &plans[d->base[a] + i];
			const char *sql = plan->sql;
			MYSQL_STMT *st = mysql_stmt_init(d->my);

			if (st == NULL ||
			    mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
				unsigned int n = st ? mysql_stmt_errno(st)
				                    : mysql_errno(d->my);
				snprintf(err, errlen, "prepare %zu/%zu: %s", a,
				    i,
				    st ? mysql_stmt_error(st)
				       : mysql_error(d->my));
				if (st != NULL)
					mysql_stmt_close(st);
				db_disconnect(d);
				return db_errno_is_gone(n) ? APP_EUNAVAIL
				                           : APP_EDB;
			}
			if (!db_shape_ok(&areas[a].q[i], plan->nscope, st, err,
			        errlen)) {
				log_error("statement %zu/%zu: %s", a, i, err);
				mysql_stmt_close(st);
				db_disconnect(d);
				return APP_EDB;
			}
			/* Checked; prepared again on first use (db_stmt()). */
			mysql_stmt_close(st);
		}
	}
	db_statements_checked = 1;
	d->ready = 1;
	return APP_OK;
}

void
db_check_statements(const struct conf *c)
{
	char err[256];
	struct db *d;

	db_statements_checked = 0;
	d = db_open(c, err, sizeof(err));

	/* A failure is left for the workers' own connections to report. */
	db_close(d);
}

/*
 * Statement k of the connection, prepared on its first use. db_connect()
 * has prepared and checked every statement, and closed them again: each
 * one holds ~10 KB of client memory (its metadata and buffers), 4.5 MB for
 * all of them in every worker, though a page uses a few. At most
 * DB_PREPARED_MAX stay prepared: the one used longest ago is closed to
 * make room: enough for the busiest page (the yearly report uses about 70),
 * so a page never prepares again what it used a moment before, since every
 * prepare is a round trip. NULL with *errnum set when the prepare failed.
 */
#define DB_PREPARED_MAX 128

static void
db_stmt_make_room(struct db *d)
{
	size_t old = d->nst;

	if (d->nprepared < DB_PREPARED_MAX)
		return;
	for (size_t i = 0; i < d->nst; i++)
		if (d->st[i] != NULL &&
		    (old == d->nst || d->used_at[i] < d->used_at[old]))
			old = i;
	if (old == d->nst)
		return;
	mysql_stmt_close(d->st[old]);
	d->st[old] = NULL;
	d->nprepared--;
}

static MYSQL_STMT *
db_stmt(struct db *d, size_t k, const char *sql, unsigned int *errnum)
{
	my_bool on = 1;
	MYSQL_STMT *st;

	*errnum = 0;
	d->used_at[k] = ++d->tick;
	if (d->st[k] != NULL)
		return d->st[k];
	db_stmt_make_room(d);
	if ((st = mysql_stmt_init(d->my)) == NULL) {
		*errnum = mysql_errno(d->my);
		(void)db_err_of(*errnum, mysql_error(d->my), "statement");
		return NULL;
	}
	if (mysql_stmt_prepare(st, sql, strlen(sql)) != 0) {
		*errnum = mysql_stmt_errno(st);
		(void)db_err_of(*errnum, mysql_stmt_error(st), "prepare");
		mysql_stmt_close(st);
		return NULL;
	}
	mysql_stmt_attr_set(st, STMT_ATTR_UPDATE_MAX_LENGTH, &on);
	d->nprepared++;
	return d->st[k] = st;
}

void
db_close(struct db *d)
{
	if (d == NULL)
		return;
	db_disconnect(d);
	free(d->st);
	free(d->used_at);
	db_nodes_free(d->nodes, d->nnodes);
	free(d->name);
	free(d->user);
	if (d->password != NULL)
		explicit_bzero(d->password, strlen(d->password));
	free(d->password);
	free(d);
}

/* Cell (row, col) as a str ("" for NULL), borrowed from the rows. */
static struct str
db_cell(const struct db_rows *r, size_t row, size_t col)
{
	if (row >= r->nrows || col >= r->ncols) {
		/* A query and its reader drifted apart: our bug, loudly. */
		log_error("BUG: db_cell(%zu, %zu) outside %zu rows x %zu "
		          "columns",
		    row, col, r->nrows, r->ncols);
		return STR_LIT("");
	}
	return r->cells[row * r->ncols + col];
}

void
db_decode(struct arena *a, const struct db_rows *rows, size_t row,
    const struct db_record *rec, void *out)
{
	unsigned char *base = out;

	memset(out, 0, rec->size);
	for (size_t c = 0; c < rec->nfields; c++) {
		const struct db_field *f = &rec->fields[c];
		struct str v = db_cell(rows, row, c);

		switch (f->type) {
		case DB_F_STR: memcpy(base + f->offset, &v, sizeof(v)); break;
		case DB_F_INT: {
			long long n = 0;
			if (v.len > 0) {
				char *end;
				n = strtoll(v.p, &end, 10);
				if (end != v.p + v.len)
					log_error("BUG: record %s column %s "
					          "is not a number",
					    rec->name, f->column);
			}
			memcpy(base + f->offset, &n, sizeof(n));
			break;
		}
		case DB_F_BOOL: {
			int b = v.len > 0 && !(v.len == 1 && v.p[0] == '0');
			memcpy(base + f->offset, &b, sizeof(b));
			break;
		}
		case DB_F_UTC_TIME:
		case DB_F_UTC_DAY: {
			struct str t;
			if (date_utc_local_str(
			        a, v, f->type == DB_F_UTC_DAY, &t) == 0)
				log_error("BUG: record %s column %s is not "
				          "a UTC time",
				    rec->name, f->column);
			memcpy(base + f->offset, &t, sizeof(t));
			break;
		}
		}
	}
}

/* Copy every row of an executed statement into the arena, cells as text. */
static enum app_err
db_fetch_all(
    MYSQL_STMT *st, struct arena *a, struct db_rows *out, unsigned int *errnum)
{
	MYSQL_RES *meta;
	MYSQL_FIELD *fields;
	MYSQL_BIND *bind;
	unsigned long *lens;
	my_bool *nulls;
	size_t ncols, nrows, row = 0;
	enum app_err e = APP_OK;
	int rc;

	memset(out, 0, sizeof(*out));
	if ((meta = mysql_stmt_result_metadata(st)) == NULL)
		return APP_OK; /* not a SELECT */
	if (mysql_stmt_store_result(st) != 0) {
		*errnum = mysql_stmt_errno(st);
		e = db_err_of(*errnum, mysql_stmt_error(st), "result");
		mysql_free_result(meta);
		return e;
	}
	ncols = mysql_num_fields(meta);
	fields = mysql_fetch_fields(meta);
	nrows = (size_t)mysql_stmt_num_rows(st);
	bind = arena_calloc(a, ncols, sizeof(*bind));
	lens = arena_calloc(a, ncols, sizeof(*lens));
	nulls = arena_calloc(a, ncols, sizeof(*nulls));
	out->cells = arena_calloc(a, nrows * ncols + 1, sizeof(*out->cells));
	out->null = arena_calloc(a, nrows * ncols + 1, 1);
	if (bind == NULL || lens == NULL || nulls == NULL ||
	    out->cells == NULL || out->null == NULL) {
		e = APP_ENOMEM;
		goto out;
	}
	for (size_t c = 0; c < ncols; c++) {
		unsigned long sz = fields[c].max_length + 1;

		if (sz < 64)
			sz = 64;
		bind[c].buffer_type = MYSQL_TYPE_STRING;
		bind[c].buffer_length = sz;
		bind[c].length = &lens[c];
		bind[c].is_null = &nulls[c];
		if ((bind[c].buffer = arena_alloc(a, sz)) == NULL) {
			e = APP_ENOMEM;
			goto out;
		}
	}
	if (mysql_stmt_bind_result(st, bind) != 0) {
		e = APP_EDB;
		goto out;
	}
	while ((rc = mysql_stmt_fetch(st)) == 0 || rc == MYSQL_DATA_TRUNCATED) {
		if (row >= nrows)
			break;
		for (size_t c = 0; c < ncols; c++) {
			size_t k = row * ncols + c;
			char *v;

			out->null[k] = nulls[c] ? 1 : 0;
			if (nulls[c]) {
				out->cells[k] = STR_LIT("");
				continue;
			}
			if (lens[c] < bind[c].buffer_length) {
				v = arena_memdup(a, bind[c].buffer, lens[c]);
			} else {
				/* Longer than max_length promised: fetch it whole. */
				MYSQL_BIND one = bind[c];
				if ((v = arena_alloc(a, lens[c] + 1)) != NULL) {
					one.buffer = v;
					one.buffer_length = lens[c] + 1;
					if (mysql_stmt_fetch_column(st, &one,
					        (unsigned)c, 0) != 0) {
						e = APP_EDB;
						goto out;
					}
					v[lens[c]] = '\0';
				}
			}
			if (v == NULL) {
				e = APP_ENOMEM;
				goto out;
			}
			out->cells[k] = (struct str){ v, lens[c] };
		}
		row++;
	}
	if (rc == 1) {
		*errnum = mysql_stmt_errno(st);
		e = db_err_of(*errnum, mysql_stmt_error(st), "fetch");
	}
	out->nrows = row;
	out->ncols = ncols;
out:
	mysql_stmt_free_result(st);
	mysql_free_result(meta);
	return e;
}

static enum app_err
db_exec_once(MYSQL_STMT *st, struct arena *a, const struct db_param *params,
    size_t nparams, struct db_rows *out, unsigned int *errnum)
{
	MYSQL_BIND *bind = NULL;

	*errnum = 0;
	if (nparams != mysql_stmt_param_count(st)) {
		/* Our bug, not the user's: say which, loudly. */
		log_error("statement wants %lu parameters, got %zu",
		    mysql_stmt_param_count(st), nparams);
		return APP_EDB;
	}
	if (nparams > 0) {
		if ((bind = arena_calloc(a, nparams, sizeof(*bind))) == NULL)
			return APP_ENOMEM;
		for (size_t i = 0; i < nparams; i++) {
			switch (params[i].type) {
			case DBP_NULL:
				bind[i].buffer_type = MYSQL_TYPE_NULL;
				break;
			case DBP_INT:
				bind[i].buffer_type = MYSQL_TYPE_LONGLONG;
				bind[i].buffer = (void *)&params[i].i;
				break;
			case DBP_STR:
				bind[i].buffer_type = MYSQL_TYPE_STRING;
				bind[i].buffer =
				    (void *)(params[i].s.p ? params[i].s.p
				                           : "");
				bind[i].buffer_length = params[i].s.len;
				break;
			}
		}
		if (mysql_stmt_bind_param(st, bind) != 0)
			return APP_EDB;
	}
	if (mysql_stmt_execute(st) != 0) {
		*errnum = mysql_stmt_errno(st);
		if (*errnum == ER_DUP_ENTRY)
			return APP_EDUP;
		return db_err_of(*errnum, mysql_stmt_error(st), "statement");
	}
	if (out != NULL)
		return db_fetch_all(st, a, out, errnum);
	mysql_stmt_free_result(st);
	return APP_OK;
}

const struct db_query *
db_area_statements(enum db_area area, size_t *n)
{
	if ((unsigned)area >= DB_AREA__MAX)
		return NULL;
	*n = areas[area].n;
	return areas[area].q;
}

/* The statement entry of (area, q), or NULL when out of range. */
static const struct db_query *
db_query_of(enum db_area area, unsigned q)
{
	if ((unsigned)area >= DB_AREA__MAX || q >= areas[area].n)
		return NULL;
	return &areas[area].q[q];
}

/*
 * The parameters statement (area, q) is bound with: the caller's, and the
 * request's förbund at each :forbund of its text (db_scope.h). A scoped
 * statement with no förbund set is a bug: refused, never run unscoped.
 */
static enum app_err
db_scope_params(struct db *d, struct arena *a, enum db_area area, unsigned q,
    const struct db_param **params, size_t *nparams)
{
	const struct db_scope_plan *plan = &plans[d->base[area] + q];
	struct db_param *all;

	if (plan->nscope == 0)
		return APP_OK;
	if (d->forbund <= 0) {
		log_error("BUG: statement %d/%u is scoped to a förbund, and "
		          "the request has none",
		    (int)area, q);
		return APP_EDB;
	}
	if ((all = arena_calloc(a, plan->nplaceholders, sizeof(*all))) == NULL)
		return APP_ENOMEM;
	if (db_scope_bind(plan, d->forbund, *params, *nparams, all) != 0) {
		log_error("BUG: statement %d/%u wants %u parameters, got %zu",
		    (int)area, q, plan->nplaceholders - plan->nscope, *nparams);
		return APP_EDB;
	}
	*params = all;
	*nparams = plan->nplaceholders;
	return APP_OK;
}

void
db_forbund_set(struct db *d, long long forbund)
{
	if (d != NULL)
		d->forbund = forbund;
}

long long
db_forbund(const struct db *d)
{
	return d != NULL ? d->forbund : 0;
}

enum app_err
db_exec(struct db *d, struct arena *a, enum db_area area, unsigned q,
    const struct db_param *params, size_t nparams, struct db_rows *out)
{
	char err[256];
	unsigned int errnum;
	MYSQL_STMT *st;
	enum app_err e;

	if (d == NULL)
		return APP_EUNAVAIL;
	if (db_query_of(area, q) == NULL)
		return APP_EDB;
	/* Never run part of a transaction on a fresh autocommit connection. */
	if (d->tx_broken)
		return APP_EUNAVAIL;
	if (d->tx_aborted && !db_query_of(area, q)->read_only)
		return APP_EDB;
	if ((e = db_scope_params(d, a, area, q, &params, &nparams)) != APP_OK)
		return e;
	for (int attempt = 0; attempt < 2; attempt++) {
		if ((e = db_connect(d, err, sizeof(err))) != APP_OK) {
			log_warn("database: %s", err);
			return e;
		}
		st = db_stmt(d, d->base[area] + q, plans[d->base[area] + q].sql,
		    &errnum);
		if (st == NULL)
			e = db_errno_is_gone(errnum) ? APP_EUNAVAIL : APP_EDB;
		else
			e = db_exec_once(st, a, params, nparams, out, &errnum);
		d->last_errno = errnum;
		if (errnum == 1213) { /* ER_LOCK_DEADLOCK */
			d->deadlocked = 1;
			d->tx_aborted = d->in_tx;
		}
		if (e == APP_OK) {
			if (!d->in_tx && !db_query_of(area, q)->read_only &&
			    !db_query_of(area, q)->log_only)
				d->committed = 1; /* autocommit */
			my_ulonglong n = mysql_stmt_affected_rows(st);
			d->affected = n == (my_ulonglong)-1 ? 0 : n;
			d->insert_id = mysql_stmt_insert_id(st);
		}
		/* A read outside a transaction on a Galera node that waited
		 * in vain for the cluster (wsrep_sync_wait): the node, not a
		 * lock, is the trouble; another node will do. */
		if (errnum == ER_LOCK_WAIT_TIMEOUT && d->wsrep && !d->in_tx &&
		    areas[area].q[q].read_only) {
			errnum = ER_UNKNOWN_COM_ERROR;
			d->last_errno = errnum;
			e = APP_EUNAVAIL;
		}
		/* Out of room: the connection is fine, keep it. */
		if (e != APP_EUNAVAIL || !db_errno_is_gone(errnum))
			return e;
		/* The server went away (restart?): drop the connection. A
		 * read is retried once on a fresh one (another node first
		 * when this one is a Galera node out of the cluster); a write
		 * is not, since it may have been applied. */
		d->skip_cur = errnum == ER_UNKNOWN_COM_ERROR;
		db_disconnect(d);
		if (!areas[area].q[q].read_only || d->tx_broken)
			return e;
	}
	return e;
}

enum app_err
db_load(struct db *d, struct arena *a, enum db_area area, unsigned q,
    const struct db_param *params, size_t nparams, void **out, size_t *nrows)
{
	const struct db_query *dq = db_query_of(area, q);
	struct db_rows rows;
	unsigned char *recs;
	enum app_err e;

	*out = NULL;
	*nrows = 0;
	if (dq == NULL || dq->rec == NULL) {
		log_error("BUG: db_load(%d, %u) on a statement without record",
		    (int)area, q);
		return APP_EDB;
	}
	if ((e = db_exec(d, a, area, q, params, nparams, &rows)) != APP_OK)
		return e;
	if (rows.nrows == 0)
		return APP_OK;
	if ((recs = arena_calloc(a, rows.nrows, dq->rec->size)) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < rows.nrows; i++)
		db_decode(a, &rows, i, dq->rec, recs + i * dq->rec->size);
	*out = recs;
	*nrows = rows.nrows;
	return APP_OK;
}

enum app_err
db_load_one(struct db *d, struct arena *a, enum db_area area, unsigned q,
    const struct db_param *params, size_t nparams, void *rec, int *found)
{
	const struct db_query *dq = db_query_of(area, q);
	void *recs;
	size_t n;
	enum app_err e;

	*found = 0;
	if (dq != NULL && dq->rec != NULL)
		memset(rec, 0, dq->rec->size);
	if ((e = db_load(d, a, area, q, params, nparams, &recs, &n)) != APP_OK)
		return e;
	if (n > 0) {
		memcpy(rec, recs, dq->rec->size);
		*found = 1;
	}
	return APP_OK;
}

unsigned long long
db_affected_rows(const struct db *d)
{
	return d != NULL ? d->affected : 0;
}

unsigned long long
db_insert_id(const struct db *d)
{
	return d != NULL ? d->insert_id : 0;
}

int
db_in_tx(const struct db *d)
{
	return d != NULL && d->in_tx;
}

enum app_err
db_begin(struct db *d)
{
	char err[256];
	unsigned int n = 0;
	enum app_err e;

	if (d == NULL)
		return APP_EUNAVAIL;
	/* START TRANSACTION inside a transaction would commit the open one. */
	if (d->in_tx) {
		log_error("BUG: db_begin() inside a transaction");
		return APP_EDB;
	}
	if ((e = db_connect(d, err, sizeof(err))) != APP_OK) {
		log_warn("database: %s", err);
		return e;
	}
	/* START TRANSACTION rather than autocommit off and on again: one
	 * statement to begin and one (COMMIT or ROLLBACK) to end, where the
	 * switch cost two more round trips in every write. */
	if (d->begin == NULL && (d->begin = mysql_stmt_init(d->my)) != NULL &&
	    mysql_stmt_prepare(d->begin, "START TRANSACTION", 17) != 0) {
		n = mysql_stmt_errno(d->begin);
		mysql_stmt_close(d->begin);
		d->begin = NULL;
	} else if (d->begin == NULL)
		n = mysql_errno(d->my);
	else if (mysql_stmt_execute(d->begin) != 0)
		n = mysql_stmt_errno(d->begin);
	if (d->begin == NULL || n != 0) {
		d->last_errno = n;
		d->skip_cur = n == ER_UNKNOWN_COM_ERROR;
		db_disconnect(d);
		return db_errno_is_gone(n) ? APP_EUNAVAIL : APP_EDB;
	}
	d->in_tx = 1;
	return APP_OK;
}

/* make check-ha's race (db_test_commit_align()); 0 everywhere else. */
static unsigned db_commit_align_ms;

void
db_test_commit_align(unsigned ms)
{
	db_commit_align_ms = ms;
}

/* Wait for the next whole multiple of db_commit_align_ms of the clock. */
static void
db_commit_wait(void)
{
	struct timespec now, ts;
	long long ns, step;

	if (db_commit_align_ms == 0 || clock_gettime(CLOCK_REALTIME, &now) != 0)
		return;
	step = (long long)db_commit_align_ms * 1000000LL;
	ns = step - ((long long)now.tv_sec * 1000000000LL + now.tv_nsec) % step;
	ts.tv_sec = (time_t)(ns / 1000000000LL);
	ts.tv_nsec = (long)(ns % 1000000000LL);
	while (nanosleep(&ts, &ts) != 0)
		;
}

enum app_err
db_commit(struct db *d)
{
	unsigned int n;
	enum app_err e;

	if (d == NULL || !d->in_tx)
		return APP_EDB;
	if (d->tx_broken || d->my == NULL) {
		db_rollback(d);
		return APP_EUNAVAIL;
	}
	/* Nothing is left to commit of a deadlock victim's transaction. */
	if (d->tx_aborted) {
		db_rollback(d);
		return APP_EDB;
	}
	db_commit_wait();
	if (mysql_commit(d->my) == 0) {
		d->in_tx = 0;
		d->committed = 1;
		return APP_OK;
	}
	n = mysql_errno(d->my);
	d->last_errno = n;
	if (n == 1213)
		d->deadlocked = 1;
	d->skip_cur = n == ER_UNKNOWN_COM_ERROR;
	e = db_err_of(n, mysql_error(d->my), "commit");
	db_rollback(d);
	if (db_errno_is_gone(n))
		db_disconnect(d);
	return e;
}

void
db_rollback(struct db *d)
{
	if (d == NULL || !d->in_tx)
		return;
	d->in_tx = 0;
	d->tx_aborted = 0;
	if (d->tx_broken || d->my == NULL) {
		/* The server already discarded it with the connection. */
		d->tx_broken = 0;
		return;
	}
	/* A connection that cannot even roll back is dropped: the server
	 * discards the transaction when the connection closes. */
	if (mysql_rollback(d->my) != 0)
		db_disconnect(d);
}

unsigned int
db_last_errno(const struct db *d)
{
	return d != NULL ? d->last_errno : 0;
}

int
db_committed(const struct db *d)
{
	return d != NULL && d->committed;
}

int
db_deadlocked(const struct db *d)
{
	return d != NULL && d->deadlocked && !d->committed;
}

void
db_deadlock_reset(struct db *d)
{
	/* A run of a request starts with no error of its own: route.c asks
	 * db_lock_conflict() of this run's last statement only. */
	if (d != NULL) {
		d->deadlocked = d->committed = 0;
		d->last_errno = 0;
	}
}

int
db_lock_conflict(const struct db *d)
{
	unsigned int n = db_last_errno(d);

	/* ER_LOCK_WAIT_TIMEOUT (also what FOR UPDATE NOWAIT gives in
	 * MariaDB), ER_LOCK_DEADLOCK, MySQL's ER_LOCK_NOWAIT */
	return n == 1205 || n == 1213 || n == 3572;
}
