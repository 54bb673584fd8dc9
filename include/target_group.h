/*
 * target_group.h: the participant's målgrupp (participation.target_group,
 * sql/0027) as the insats staff choose it: one line of the insats's
 * target groups (insats.target_groups, plain text, one group per line), or
 * none ("", "Ej angiven").
 *
 * Pure functions, no I/O: unit-tested in tests/unit/test_target_group.c.
 * The change itself is a versioned edit of the participation
 * (participation_save_target_group(), include/participation_edit.h); the
 * activity report's "Tid i insats per målgrupp" counts by the stored text.
 */
#ifndef TARGET_GROUP_H
#define TARGET_GROUP_H

#include <stddef.h>

#include "str.h"

/* The column's size, in characters (VARCHAR(500)). */
#define TARGET_GROUP_MAX_CHARS 500

#define TARGET_GROUP_MSG_FOREIGN                                               \
	"Målgruppen finns inte bland insatsens målgrupper. Välj en av "     \
	"dem, eller Ej angiven."

/*
 * The choices that groups (insats.target_groups) offers: its lines, each
 * trimmed of blanks (and a CR before the line break), blank lines left
 * out, each text once, in the order written. At most max of them into out
 * (views into groups, borrowed; out may be NULL when max is 0). Returns
 * how many there are, which may be more than max.
 */
size_t target_group_lines(struct str groups, struct str *out, size_t max);

/* 1 when value is one of the choices groups offers (target_group_lines()),
 * byte for byte; "" never is. */
int target_group_listed(struct str groups, struct str value);

/*
 * May a participation whose målgrupp is current now be given value, when
 * its insats lists groups? NULL when it may: value "" (not set), one of
 * the insats's lines, or current itself (an administrator may have
 * reworded the lines since it was chosen: it stays keepable); else
 * TARGET_GROUP_MSG_FOREIGN (static).
 */
const char *target_group_refusal(
    struct str groups, struct str current, struct str value);

#endif /* !TARGET_GROUP_H */
