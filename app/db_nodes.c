/* db_nodes.c: the database endpoints of a list; see include/db_nodes.h. */
#include <stdlib.h>
#include <string.h>

#include "db_nodes.h"

/* The entry of list that starts at *pos (spaces around it trimmed), and
 * *pos moved past its comma; *last set when it was the last entry. */
static struct str
next_entry(struct str list, size_t *pos, int *last)
{
	size_t b = *pos, e;

	for (e = b; e < list.len && list.p[e] != ','; e++)
		;
	*last = e >= list.len;
	*pos = e + 1;
	while (b < e && (list.p[b] == ' ' || list.p[b] == '\t'))
		b++;
	while (e > b && (list.p[e - 1] == ' ' || list.p[e - 1] == '\t'))
		e--;
	return (struct str){ list.p + b, e - b };
}

/* The port of "host:port" (1..65535), 0 for none or a bad one; *hostlen
 * the length before the last ':'. */
static unsigned
entry_port(struct str s, size_t *hostlen)
{
	size_t c = s.len;
	unsigned long port = 0;

	while (c > 0 && s.p[c - 1] != ':')
		c--;
	if (c == 0 || c == s.len || s.len - c > 5)
		return 0;
	for (size_t i = c; i < s.len; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return 0;
		port = port * 10 + (unsigned long)(s.p[i] - '0');
	}
	*hostlen = c - 1;
	return port >= 1 && port <= 65535 ? (unsigned)port : 0;
}

static const char *
entry_check(struct str s)
{
	size_t hostlen = 0;

	if (s.len == 0)
		return "has an empty entry (two commas, or one at an end)";
	if (s.p[0] == '/') {
		for (size_t i = 0; i < s.len; i++)
			if (s.p[i] == ' ' || s.p[i] == '\t')
				return "has a socket path with a space in it";
		return NULL;
	}
	if (entry_port(s, &hostlen) == 0)
		return "needs each entry to be a socket path starting with '/' "
		       "or host:port with a port from 1 to 65535";
	if (hostlen == 0)
		return "has an entry without a host before ':'";
	for (size_t i = 0; i < hostlen; i++) {
		char ch = s.p[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		        (ch >= '0' && ch <= '9') || ch == '.' || ch == '-'))
			return "has a host name with characters other than "
			       "A-Z a-z 0-9 . -";
	}
	return NULL;
}

const char *
db_nodes_check(struct str list)
{
	struct str seen[DB_NODES_MAX];
	size_t pos = 0, n = 0;
	int last = 0;

	while (!last) {
		struct str s = next_entry(list, &pos, &last);
		const char *why = entry_check(s);

		if (why != NULL)
			return why;
		if (n == DB_NODES_MAX)
			return "lists more than 16 nodes";
		for (size_t i = 0; i < n; i++)
			if (str_eq(seen[i], s))
				return "names a node twice";
		seen[n++] = s;
	}
	return NULL;
}

int
db_nodes_parse(struct str list, struct db_node **out, size_t *n)
{
	struct db_node *nodes;
	size_t pos = 0, k = 0;
	int last = 0;

	*out = NULL;
	*n = 0;
	if (list.len == 0 || db_nodes_check(list) != NULL ||
	    (nodes = calloc(DB_NODES_MAX, sizeof(*nodes))) == NULL)
		return -1;
	while (!last) {
		struct str s = next_entry(list, &pos, &last);
		struct db_node *d = &nodes[k++];
		size_t hostlen = s.len;

		if (s.p[0] == '/') {
			d->socket = strndup(s.p, s.len);
		} else {
			d->port = entry_port(s, &hostlen);
			d->host = strndup(s.p, hostlen);
		}
		if (d->socket == NULL && d->host == NULL) {
			db_nodes_free(nodes, k);
			return -1;
		}
	}
	*out = nodes;
	*n = k;
	return 0;
}

void
db_nodes_free(struct db_node *nodes, size_t n)
{
	for (size_t i = 0; i < n && nodes != NULL; i++) {
		free(nodes[i].socket);
		free(nodes[i].host);
	}
	free(nodes);
}

size_t
db_nodes_attempt(size_t cur, size_t n, size_t k)
{
	return n == 0 ? 0 : (cur + k) % n;
}
