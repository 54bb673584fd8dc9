/* db_scope.c: ":forbund" in a statement; see include/db_scope.h. */
#include <stdlib.h>
#include <string.h>

#include "db_scope.h"

static int
db_scope_ident_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '_';
}

/* Where the quoted text, or comment, that starts at s ends: the index
 * just past it (the string's end when it is not closed). s[0] is the
 * quote or the comment's first character. */
static size_t
db_scope_skip(const char *s)
{
	size_t i = 1;

	if (s[0] == '-' || s[0] == '#') { /* to the end of the line */
		while (s[i] != '\0' && s[i] != '\n')
			i++;
		return i;
	}
	if (s[0] == '/') { /* "/ *" to "* /" */
		for (i = 2; s[i] != '\0'; i++)
			if (s[i] == '*' && s[i + 1] == '/')
				return i + 2;
		return i;
	}
	for (; s[i] != '\0'; i++) {
		if (s[i] == '\\' && s[0] != '`' && s[i + 1] != '\0')
			i++; /* an escaped character, the quote too */
		else if (s[i] == s[0]) {
			if (s[i + 1] != s[0])
				return i + 1;
			i++; /* a doubled quote stands for itself */
		}
	}
	return i;
}

/* The length of the text or comment at s to copy as it is, 0 when s does
 * not start one. */
static size_t
db_scope_opaque(const char *s)
{
	if (s[0] == '\'' || s[0] == '"' || s[0] == '`')
		return db_scope_skip(s);
	if (s[0] == '-' && s[1] == '-' &&
	    (s[2] == ' ' || s[2] == '\t' || s[2] == '\n' || s[2] == '\0'))
		return db_scope_skip(s);
	if (s[0] == '/' && s[1] == '*')
		return db_scope_skip(s);
	if (s[0] == '#')
		return db_scope_skip(s);
	return 0;
}

/* The length of the förbund's token at s, 0 when s does not start one. */
static size_t
db_scope_token(const char *s, size_t at)
{
	size_t len = sizeof(DB_SCOPE_TOKEN) - 1;

	if (strncmp(s + at, DB_SCOPE_TOKEN, len) != 0)
		return 0;
	if (db_scope_ident_char(s[at + len]) || s[at + len] == ':')
		return 0; /* :forbund_x is another name, :forbund:x too */
	if (at > 0 && (s[at - 1] == ':' || db_scope_ident_char(s[at - 1])))
		return 0; /* a::forbund or x:forbund is not ours either */
	return len;
}

int
db_scope_plan(const char *sql, struct db_scope_plan *out)
{
	size_t n = strlen(sql), i = 0, o = 0, k;
	unsigned marks = 0;

	memset(out, 0, sizeof(*out));
	/* At most one placeholder per input byte. */
	if ((out->sql = malloc(n + 1)) == NULL)
		return -1;
	if (n > 0 && (out->is_scope = calloc(n, 1)) == NULL) {
		free(out->sql);
		out->sql = NULL;
		return -1;
	}
	while (i < n) {
		if ((k = db_scope_opaque(sql + i)) > 0) {
			memcpy(out->sql + o, sql + i, k);
			o += k;
			i += k;
		} else if ((k = db_scope_token(sql, i)) > 0) {
			out->sql[o++] = '?';
			out->is_scope[marks++] = 1;
			out->nscope++;
			i += k;
		} else {
			if (sql[i] == '?')
				out->is_scope[marks++] = 0;
			out->sql[o++] = sql[i++];
		}
	}
	out->sql[o] = '\0';
	out->nplaceholders = marks;
	if (marks == 0) {
		free(out->is_scope);
		out->is_scope = NULL;
	}
	return 0;
}

void
db_scope_plan_free(struct db_scope_plan *p)
{
	free(p->sql);
	free(p->is_scope);
	memset(p, 0, sizeof(*p));
}

int
db_scope_bind(const struct db_scope_plan *plan, long long forbund,
    const struct db_param *params, size_t n, struct db_param *out)
{
	size_t next = 0;

	if (n != (size_t)(plan->nplaceholders - plan->nscope))
		return -1;
	for (unsigned k = 0; k < plan->nplaceholders; k++)
		out[k] = plan->is_scope[k] ? DB_INT(forbund) : params[next++];
	return 0;
}
