/*
 * bind.h: typed records to view keys, written once for every page.
 *
 * A handler binds a record (a struct with a decode table, include/db.h's
 * struct db_record) to a view through a map of {column, key} pairs. The
 * field's type in the decode table decides how it binds: text as text, a
 * number as a number, a flag as a section flag. So one record binds the
 * same way on every page, and a map naming a column the record does not
 * have is caught (logged "BUG:", which fails the test run).
 */
#ifndef BIND_H
#define BIND_H

#include <stddef.h>

#include "app.h"
#include "str.h"

struct db_record;
struct view_ctx;

/* View key `key` gets the record's field named `column`. */
struct bind_key {
	const char *column;
	const char *key;
};

/* The number of entries of a map (an array). */
#define BIND_N(map) (sizeof(map) / sizeof((map)[0]))

/*
 * Bind every pair of map from row, a struct of rec's type (borrowed; text
 * is copied into the context's arena). APP_OK, APP_ENOMEM, or APP_EDB when
 * the map names a column rec does not have (a bug).
 */
enum app_err bind_record(struct view_ctx *, const struct db_record *rec,
    const struct bind_key *map, size_t nmap, const void *row);

/*
 * Bind list_key to a list with one item per record of rows (nrows structs
 * of rec's type, as db_load() returns them), each bound by map. An empty
 * rows binds an empty list. Errors as bind_record().
 */
enum app_err bind_list(struct view_ctx *, const char *list_key,
    const struct db_record *rec, const struct bind_key *map, size_t nmap,
    const void *rows, size_t nrows);

/*
 * An option list for a <select> or radio group: bind_list(), plus the key
 * "selected" on each item, true where the field select_column equals
 * selected (compared as text, a number in decimal). An empty selected
 * selects nothing. Errors as bind_record().
 */
enum app_err bind_options(struct view_ctx *, const char *list_key,
    const struct db_record *rec, const struct bind_key *map, size_t nmap,
    const void *rows, size_t nrows, const char *select_column,
    struct str selected);

/*
 * An option list from a fixed table of choices (an enum's names and
 * labels, for example): list_key gets one item per choice with "value"
 * (values[i]), "label" (labels[i]) and "selected" (values[i] equals
 * selected). Arrays are borrowed. APP_OK or APP_ENOMEM.
 */
enum app_err bind_choices(struct view_ctx *, const char *list_key,
    const char *const *values, const char *const *labels, size_t n,
    struct str selected);

#endif /* !BIND_H */
