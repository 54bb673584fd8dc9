/* target_group.c: the participant's målgrupp among the insats's lines; see
 * include/target_group.h. */
#include "target_group.h"

/* The line of groups that starts at *at, trimmed; *at moves past it. */
static struct str
next_line(struct str groups, size_t *at)
{
	size_t i = *at, j = i;
	struct str line;

	while (j < groups.len && groups.p[j] != '\n')
		j++;
	*at = j < groups.len ? j + 1 : j;
	line = (struct str){ groups.p + i, j - i };
	if (line.len > 0 && line.p[line.len - 1] == '\r')
		line.len--;
	return str_trim_blanks(line);
}

size_t
target_group_lines(struct str groups, struct str *out, size_t max)
{
	size_t at = 0, n = 0;

	while (at < groups.len) {
		size_t start = at, from = 0;
		struct str line = next_line(groups, &at);
		int seen = 0;

		if (line.len == 0)
			continue;
		/* Once each: compare with every earlier line. */
		while (from < start && !seen)
			seen = str_eq(next_line(groups, &from), line);
		if (seen)
			continue;
		if (n < max)
			out[n] = line;
		n++;
	}
	return n;
}

int
target_group_listed(struct str groups, struct str value)
{
	size_t at = 0;

	if (value.len == 0)
		return 0;
	while (at < groups.len)
		if (str_eq(next_line(groups, &at), value))
			return 1;
	return 0;
}

const char *
target_group_refusal(struct str groups, struct str current, struct str value)
{
	if (value.len == 0 || str_eq(value, current) ||
	    target_group_listed(groups, value))
		return NULL;
	return TARGET_GROUP_MSG_FOREIGN;
}
