/*
 * code_labels.h: one worker's copy of the code lists the participation
 * page names codes from (code, label, SUS code, in each list's order),
 * kept under the code label generation it was read under
 * (sql/0054_code_label_generation.sql).
 *
 * The page's statements return codes; the words are looked up here in C,
 * where a join or a subquery per code had to be planned by MariaDB on
 * every execution. The copy may be used only while the generation the
 * database reports for this request (SQL_PARTICIPATION_GET's code_gen) is
 * the one it was read under: participation_load() reads the lists again
 * (one statement) when it differs, so a change to a list is seen on the
 * next request on every worker.
 *
 * Each look-up gives what the statement it replaces gave, byte for byte:
 * code_labels_label()/_sus() as a LEFT JOIN on the code (the code as
 * stored, exact), code_labels_name()/_names() as HISTORY_SQL_CODE/_CODES
 * (include/sql_history.h) do for a history value, whose comparison is the
 * text's collation: ASCII letters in either case, trailing spaces
 * ignored by = (not by FIND_IN_SET, the sets' items).
 *
 * Per process (a worker has one thread), heap, worker lifetime. No I/O.
 */
#ifndef CODE_LABELS_H
#define CODE_LABELS_H

#include <stddef.h>

#include "app.h"
#include "code_list.h"
#include "str.h"

struct arena;

/* The longest generation kept (UUID_SHORT() is at most 20 digits). */
#define CODE_LABELS_GEN_MAX 32

/* A row of SQL_PARTICIPATION_CODE_LABELS: list -1 is the generation's
 * row (gen), any other a code of that list (enum code_list,
 * include/code_list.h); sus "" when it has none. */
struct code_label_row {
	long long list;
	struct str code, label, sus;
	int has_sus;
	long long sort_order;
	struct str gen;
};
extern const struct db_record code_label_row_record;

/* 1 when a copy is kept under exactly generation gen (never for ""). */
int code_labels_current(struct str gen);

/* Keep the codes of rows (copied; in each list's order, sort_order then
 * code) under the generation of its list -1 row, replacing what was kept.
 * Rows without a generation, or a failed copy, keep nothing:
 * APP_EDB or APP_ENOMEM, and every look-up finds nothing. */
enum app_err code_labels_put(const struct code_label_row *rows, size_t n);

/* Forget the copy and free it. */
void code_labels_clear(void);

/* The label (sus: the SUS code) of code in list l, "" when it has none:
 * IFNULL(c.label, '') of a LEFT JOIN on c.code = code. Borrowed until the
 * next put or clear. */
struct str code_labels_label(enum code_list l, struct str code);
struct str code_labels_sus(enum code_list l, struct str code);
/* 1 when code in list l has a SUS code (c.sus_code IS NOT NULL). */
int code_labels_has_sus(enum code_list l, struct str code);

/* A history value v naming a code of list l: its label, else v. */
struct str code_labels_name(enum code_list l, struct str v);

/* A history value v naming a comma-separated set of codes of list l: the
 * labels of the list's codes in it, in the list's order, joined by ", "
 * (arena a), into *out; v when it names none. APP_ENOMEM: arena full. */
enum app_err code_labels_names(
    struct arena *a, enum code_list l, struct str v, struct str *out);

#endif /* !CODE_LABELS_H */
