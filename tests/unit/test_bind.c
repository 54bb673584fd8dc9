/*
 * test_bind.c: unit tests for binding typed records to views (app/bind.c)
 * and for decoding result rows into records (db_decode in app/db.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "bind.h"
#include "date.h"
#include "db.h"
#include "str.h"
#include "view.h"

static struct arena arena;

struct pet {
	long long id;
	struct str name;
	int active;
};

static const struct db_field pet_fields[] = {
	DB_FIELD(pet, id, "id", DB_F_INT),
	DB_FIELD(pet, name, "name", DB_F_STR),
	DB_FIELD(pet, active, "active", DB_F_BOOL),
};
static const struct db_record pet_record = DB_RECORD(pet, pet_fields);

static const struct bind_key pet_keys[] = {
	{ "id", "pet_id" },
	{ "name", "pet_name" },
	{ "active", "pet_active" },
};

static int
setup(void **state)
{
	(void)state;
	return arena_init(&arena, 1024 * 1024) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&arena);
	return 0;
}

static const char *
render(const char *src, const struct view_ctx *ctx)
{
	struct view_tpl *t;
	struct buf b;
	char err[256];

	if (view_compile(&t, "t.html", str_cstr(src), err, sizeof(err)) !=
	    APP_OK)
		fail_msg("compile failed: %s", err);
	buf_init(&b, &arena);
	assert_int_equal(view_tpl_render(t, ctx, &b), APP_OK);
	view_tpl_free(t);
	return buf_str(&b).p;
}

/* Each field binds by its type: a number as a number, text escaped, a
 * flag as a section. */
static void
record_binds_by_type(void **state)
{
	struct pet p = { 7, STR_LIT("Fido <3"), 1 };
	struct view_ctx *ctx = view_ctx_new(&arena);

	(void)state;
	assert_int_equal(
	    bind_record(ctx, &pet_record, pet_keys, BIND_N(pet_keys), &p),
	    APP_OK);
	assert_string_equal(
	    render("{{pet_id}} {{pet_name}}{{#pet_active}} ja{{/pet_active}}",
	        ctx),
	    "7 Fido &lt;3 ja");
}

/* A map naming a column the record lacks is refused, not bound as "". */
static void
unknown_column_is_refused(void **state)
{
	static const struct bind_key bad[] = { { "colour", "c" } };
	struct pet p = { 1, STR_LIT("x"), 0 };
	struct view_ctx *ctx = view_ctx_new(&arena);

	(void)state;
	assert_int_equal(
	    bind_record(ctx, &pet_record, bad, BIND_N(bad), &p), APP_EDB);
}

/* Options: one item per record, "selected" where the column matches. */
static void
options_mark_the_selected(void **state)
{
	struct pet pets[3] = { { 1, STR_LIT("a"), 1 }, { 12, STR_LIT("b"), 1 },
		{ 2, STR_LIT("c"), 0 } };
	struct view_ctx *ctx = view_ctx_new(&arena);

	(void)state;
	assert_int_equal(bind_options(ctx, "pets", &pet_record, pet_keys,
	                     BIND_N(pet_keys), pets, 3, "id", STR_LIT("12")),
	    APP_OK);
	assert_string_equal(render("{{#pets}}{{pet_name}}{{#selected}}*{{/"
	                           "selected}},{{/pets}}",
	                        ctx),
	    "a,b*,c,");
	/* Nothing selected: no item marked; an empty list renders empty. */
	ctx = view_ctx_new(&arena);
	assert_int_equal(bind_options(ctx, "pets", &pet_record, pet_keys,
	                     BIND_N(pet_keys), pets, 3, "id", STR_LIT("")),
	    APP_OK);
	assert_string_equal(
	    render("{{#pets}}{{#selected}}*{{/selected}}{{/pets}}", ctx), "");
	ctx = view_ctx_new(&arena);
	assert_int_equal(bind_list(ctx, "pets", &pet_record, pet_keys,
	                     BIND_N(pet_keys), NULL, 0),
	    APP_OK);
	assert_string_equal(render("[{{#pets}}x{{/pets}}]", ctx), "[]");
}

/* Choices from a fixed table: value, label, and the selected one. */
static void
choices_mark_the_selected(void **state)
{
	static const char *const values[] = { "kvinna", "man" };
	static const char *const labels[] = { "Kvinna", "Man" };
	struct view_ctx *ctx = view_ctx_new(&arena);

	(void)state;
	assert_int_equal(
	    bind_choices(ctx, "k", values, labels, 2, STR_LIT("man")), APP_OK);
	assert_string_equal(render("{{#k}}{{value}}={{label}}{{#selected}}*{{/"
	                           "selected}};{{/k}}",
	                        ctx),
	    "kvinna=Kvinna;man=Man*;");
}

/* db_decode fills a record from a row of text cells by the decode table:
 * NULL reads as "" / 0, flags as 0 or 1. */
static void
decode_fills_the_record(void **state)
{
	struct str cells[6] = { STR_LIT("42"), STR_LIT("Rex"), STR_LIT("1"),
		STR_LIT(""), STR_LIT(""), STR_LIT("0") };
	unsigned char nulls[6] = { 0, 0, 0, 1, 1, 0 };
	struct db_rows rows = { 2, 3, cells, nulls };
	struct pet p;

	(void)state;
	db_decode(&arena, &rows, 0, &pet_record, &p);
	assert_int_equal(p.id, 42);
	assert_true(str_eq_cstr(p.name, "Rex"));
	assert_int_equal(p.active, 1);
	db_decode(&arena, &rows, 1, &pet_record, &p);
	assert_int_equal(p.id, 0);
	assert_int_equal(p.name.len, 0);
	assert_int_equal(p.active, 0);
}

/* A stamp: a UTC time read as Swedish time and as its Swedish day. */
struct stamp {
	struct str at, day;
};
static const struct db_field stamp_fields[] = {
	DB_FIELD(stamp, at, "at", DB_F_UTC_TIME),
	DB_FIELD(stamp, day, "day", DB_F_UTC_DAY),
};
static const struct db_record stamp_record = DB_RECORD(stamp, stamp_fields);

/* The UTC time types convert when decoded (storage is UTC): summer +2 h,
 * winter +1 h, the day the Swedish one; NULL stays "". */
static void
decode_shows_utc_times_in_swedish_time(void **state)
{
	struct str cells[4] = { STR_LIT("2026-07-15 21:30:00"),
		STR_LIT("2026-01-15 23:30"), STR_LIT(""), STR_LIT("") };
	unsigned char nulls[4] = { 0, 0, 1, 1 };
	struct db_rows rows = { 2, 2, cells, nulls };
	struct stamp t;

	(void)state;
	date_use_swedish_zone();
	db_decode(&arena, &rows, 0, &stamp_record, &t);
	assert_true(str_eq_cstr(t.at, "2026-07-15 23:30:00"));
	assert_true(str_eq_cstr(t.day, "2026-01-16"));
	db_decode(&arena, &rows, 1, &stamp_record, &t);
	assert_int_equal(t.at.len, 0);
	assert_int_equal(t.day.len, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(record_binds_by_type),
		cmocka_unit_test(unknown_column_is_refused),
		cmocka_unit_test(options_mark_the_selected),
		cmocka_unit_test(choices_mark_the_selected),
		cmocka_unit_test(decode_fills_the_record),
		cmocka_unit_test(decode_shows_utc_times_in_swedish_time),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
