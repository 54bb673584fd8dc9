/*
 * db_nodes.h: the database endpoints a worker may connect to (conf's
 * db_nodes; issue 20, high availability).
 *
 * A list is comma-separated; spaces around an entry are ignored. Each
 * entry is a MariaDB unix socket, an absolute path ("/run/mysqld.sock"),
 * or a TCP endpoint "host:port" (host: letters, digits, '.', '-'; port
 * 1..65535). At most DB_NODES_MAX entries, none empty, none twice.
 *
 * The nodes are equals (Galera's multi-primary): a worker connects to the
 * one it used last and, when that one does not answer, to the next in
 * the list, round to the start (db.c). An empty list means the single
 * node of db_socket.
 *
 * Pure: no I/O.
 */
#ifndef DB_NODES_H
#define DB_NODES_H

#include <stddef.h>

#include "str.h"

#define DB_NODES_MAX 16

/* One endpoint: socket (NUL-terminated) for a unix socket, else host
 * (NUL-terminated) and port. */
struct db_node {
	char *socket;
	char *host;
	unsigned port;
};

/* NULL when list (non-empty) is a valid list, else why not (static
 * English text for the conf's error message). */
const char *db_nodes_check(struct str list);

/* The nodes of list (db_nodes_check() must accept it) into a heap array
 * of *n nodes (*out; free with db_nodes_free()). 0 on success, -1 on an
 * invalid list or no memory. */
int db_nodes_parse(struct str list, struct db_node **out, size_t *n);

void db_nodes_free(struct db_node *nodes, size_t n);

/* The node to try in attempt k (0, 1, …, n - 1) after node cur was the
 * last to answer: cur itself first (it may only have dropped one
 * connection), then those after it in list order, round to the start. */
size_t db_nodes_attempt(size_t cur, size_t n, size_t k);

#endif
