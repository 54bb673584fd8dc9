/*
 * history.h: the change history of referrals and participations.
 *
 * Every saved change of a field is one row in change_history: who, when,
 * which record and field, from what to what. Write it in the same
 * transaction as the change itself. The table is append-only for the
 * application's account (INSERT and SELECT only).
 */
#ifndef HISTORY_H
#define HISTORY_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct req;

/* What a person's data was recorded on (sql/0022): a referral holds the
 * person as its remittent recorded them, a participation as the insats
 * staff keep them. Rows of the old shared person record ('person') stay in
 * the table and are read by nobody. */
enum history_record { HISTORY_REFERRAL, HISTORY_PARTICIPATION, HISTORY__MAX };

/* Record field of record (type, id) changing from old to new, unless the
 * two are equal (then nothing is written). Values are cut to 65 535 bytes (a TEXT column). */
enum app_err history_field(struct req *, enum history_record type, long long id,
    const char *field, struct str old_value, struct str new_value);

/* One saved change, as history_load() returns it. */
struct history_row {
	struct str at;        /* ÅÅÅÅ-MM-DD HH:MM:SS, UTC */
	struct str who;       /* the staff member's display name */
	struct str field;     /* the column, e.g. "first_name" */
	struct str old_value; /* as text; "" when it had none */
	struct str new_value;
};

extern const struct db_record history_row_record;

/*
 * A stored value (old or new) of field on a record of type as the history
 * shows it, in Swedish: a status by its label (the referral's or the
 * participation's), a yes/no flag as "Ja"/"Nej", a gender and a
 * follow-up situation by their labels; "" stays "" and a value the table
 * does not know stays as stored. The code lists' labels and the accounts'
 * names come from the statements (HISTORY_SQL_VALUE, sql_history.h).
 * Static, or value itself (borrowed).
 */
struct str history_value_label(
    enum history_record type, struct str field, struct str value);

/* The history of one record, newest first, at most 500 rows: *rows points
 * to *n of them (arena; NULL when there are none). */
enum app_err history_load(struct req *, enum history_record type, long long id,
    struct history_row **rows, size_t *n);

#endif /* !HISTORY_H */
