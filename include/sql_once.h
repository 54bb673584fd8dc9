/*
 * sql_once.h: the statements of the create forms' one-time keys
 * (app/once.c, table form_once).
 */
#ifndef SQL_ONCE_H
#define SQL_ONCE_H

#include "db.h"

/* The days a used key is kept (gallring removes older ones). */
#define ONCE_KEEP_DAYS 30

struct once_row {
	struct str location;
	struct str digest; /* once_digest_of() of the submission */
};
extern const struct db_record once_row_record;

enum sql_once {
	/* (staff id, key, digest): claim the key; APP_EDUP when taken */
	SQL_ONCE_CLAIM,
	/* (staff id, key) -> struct once_row: where the first POST went,
	 * and what it held */
	SQL_ONCE_FIND,
	/* (location, staff id, key, derived key, digest): store where the
	 * created record is */
	SQL_ONCE_DONE,
	/* (): remove keys older than ONCE_KEEP_DAYS */
	SQL_ONCE_PURGE,
	SQL_ONCE__MAX
};

extern const struct db_query sql_once[SQL_ONCE__MAX];

#endif /* !SQL_ONCE_H */
