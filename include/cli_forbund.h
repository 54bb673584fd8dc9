/*
 * cli_forbund.h: which förbund a command-line command serves. A command
 * has no session, so no förbund of its own (include/db_scope.h): the
 * operator names one with --forbund, by its id or short name, or the
 * installation's only active förbund is meant. `stegvis sus-export` and
 * `stegvis questionnaire-import` choose it so (sus_forbund_choose() is the
 * rule, unit-tested).
 */
#ifndef CLI_FORBUND_H
#define CLI_FORBUND_H

struct arena;
struct db;

/* Sets the förbund on db (db_forbund_set()): name's (NULL: the only
 * active one). 0, or 1 after a Swedish message on stderr that lists the
 * active förbund; several is the message's end when several are active
 * and none is named (what they each have, e.g. "med var sina enkäter"). */
int cli_forbund_set(
    struct db *, struct arena *, const char *name, const char *several);

#endif /* !CLI_FORBUND_H */
