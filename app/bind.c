/* bind.c: typed records to view keys; see include/bind.h. */
#include <stdio.h>
#include <string.h>

#include "bind.h"
#include "db.h"
#include "log.h"
#include "view.h"

/* rec's field named column, or NULL (logged as the bug it is). */
static const struct db_field *
bind_find(const struct db_record *rec, const char *column)
{
	for (size_t i = 0; i < rec->nfields; i++)
		if (strcmp(rec->fields[i].column, column) == 0)
			return &rec->fields[i];
	log_error(
	    "BUG: record %s has no column '%s' to bind", rec->name, column);
	return NULL;
}

/* Field f of row, bound to key in ctx by its type. */
static enum app_err
bind_field(struct view_ctx *ctx, const char *key, const struct db_field *f,
    const void *row)
{
	const unsigned char *base = row;

	switch (f->type) {
	case DB_F_STR:
	case DB_F_UTC_TIME:
	case DB_F_UTC_DAY: {
		struct str v;
		memcpy(&v, base + f->offset, sizeof(v));
		return view_ctx_set_str(ctx, key, v);
	}
	case DB_F_INT: {
		long long n;
		memcpy(&n, base + f->offset, sizeof(n));
		return view_ctx_set_int(ctx, key, n);
	}
	case DB_F_BOOL: {
		int b;
		memcpy(&b, base + f->offset, sizeof(b));
		return view_ctx_set_bool(ctx, key, b);
	}
	}
	return APP_EDB;
}

/* Whether field f of row equals want as text (a number in decimal). */
static int
bind_field_equals(const struct db_field *f, const void *row, struct str want)
{
	const unsigned char *base = row;
	char num[32];
	struct str v;

	switch (f->type) {
	case DB_F_STR:
	case DB_F_UTC_TIME:
	case DB_F_UTC_DAY:
		memcpy(&v, base + f->offset, sizeof(v));
		return str_eq(v, want);
	case DB_F_INT: {
		long long n;
		memcpy(&n, base + f->offset, sizeof(n));
		snprintf(num, sizeof(num), "%lld", n);
		return str_eq_cstr(want, num);
	}
	case DB_F_BOOL: {
		int b;
		memcpy(&b, base + f->offset, sizeof(b));
		return str_eq_cstr(want, b ? "1" : "0");
	}
	}
	return 0;
}

enum app_err
bind_record(struct view_ctx *ctx, const struct db_record *rec,
    const struct bind_key *map, size_t nmap, const void *row)
{
	enum app_err e;

	for (size_t i = 0; i < nmap; i++) {
		const struct db_field *f = bind_find(rec, map[i].column);
		if (f == NULL)
			return APP_EDB;
		if ((e = bind_field(ctx, map[i].key, f, row)) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
bind_options(struct view_ctx *ctx, const char *list_key,
    const struct db_record *rec, const struct bind_key *map, size_t nmap,
    const void *rows, size_t nrows, const char *select_column,
    struct str selected)
{
	const struct db_field *sel = NULL;
	const unsigned char *base = rows;
	enum app_err e;

	if (select_column != NULL &&
	    (sel = bind_find(rec, select_column)) == NULL)
		return APP_EDB;
	if ((e = view_ctx_set_list(ctx, list_key)) != APP_OK)
		return e;
	for (size_t i = 0; i < nrows; i++) {
		const void *row = base + i * rec->size;
		struct view_ctx *it = view_ctx_list_add(ctx, list_key);

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, rec, map, nmap, row)) != APP_OK)
			return e;
		if (sel != NULL &&
		    (e = view_ctx_set_bool(it, "selected",
		         selected.len > 0 &&
		             bind_field_equals(sel, row, selected))) != APP_OK)
			return e;
	}
	return APP_OK;
}

enum app_err
bind_list(struct view_ctx *ctx, const char *list_key,
    const struct db_record *rec, const struct bind_key *map, size_t nmap,
    const void *rows, size_t nrows)
{
	return bind_options(
	    ctx, list_key, rec, map, nmap, rows, nrows, NULL, STR_LIT(""));
}

enum app_err
bind_choices(struct view_ctx *ctx, const char *list_key,
    const char *const *values, const char *const *labels, size_t n,
    struct str selected)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, list_key)) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, list_key);

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(it, "value", values[i])) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "label", labels[i])) != APP_OK ||
		    (e = view_ctx_set_bool(it, "selected",
		         selected.len > 0 &&
		             str_eq_cstr(selected, values[i]))) != APP_OK)
			return e;
	}
	return APP_OK;
}
