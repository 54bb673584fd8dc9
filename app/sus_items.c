/* sus_items.c: a batch's items in multi-row INSERTs; see
 * include/sus_items.h. */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "sql_sus.h"
#include "sus_items.h"

/* Columns of one item row in the INSERTs (sql_sus.c's SUS_ITEM_ROW). */
#define ITEM_PARAMS 5u

const size_t sus_item_sizes[SUS_ITEM_SIZES] = { SUS_ITEM_CHUNK, 50, 5, 1 };
static const unsigned item_stmts[SUS_ITEM_SIZES] = {
	SQL_SUS_ITEM_INSERT_500,
	SQL_SUS_ITEM_INSERT_50,
	SQL_SUS_ITEM_INSERT_5,
	SQL_SUS_ITEM_INSERT,
};
_Static_assert(SUS_ITEM_CHUNK == 500, "SQL_SUS_ITEM_INSERT_500's size");

void
sus_items_init(struct sus_items *it, struct db *db, long long batch_no)
{
	it->db = db;
	it->batch_no = batch_no;
	it->n = 0;
	it->written = 0;
	it->statements = 0;
}

size_t
sus_items_split(size_t n, size_t count[SUS_ITEM_SIZES])
{
	size_t total = 0;

	for (size_t i = 0; i < SUS_ITEM_SIZES; i++) {
		count[i] = n / sus_item_sizes[i];
		n -= count[i] * sus_item_sizes[i];
		total += count[i];
	}
	return total;
}

/* Rows [from, from + k) as statement size index s. */
static enum app_err
sus_items_write(struct sus_items *it, struct arena *a, size_t from, size_t s)
{
	size_t k = sus_item_sizes[s], mark = arena_mark(a);
	struct db_param *p;
	enum app_err e;

	if ((p = arena_calloc(a, k * ITEM_PARAMS, sizeof(*p))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < k; i++) {
		const struct sus_item_row *r = &it->rows[from + i];
		struct db_param *q = &p[i * ITEM_PARAMS];

		q[0] = DB_INT(r->participation_id);
		q[1] = DB_INT(it->batch_no);
		q[2] = DB_STR(str_cstr(sus_item_action_name(r->action)));
		q[3] = r->has_hash
		    ? DB_STR(((struct str){
		          (const char *)r->hash, SUS_HASH_BYTES }))
		    : DB_NULL;
		q[4] = DB_INT(r->has_end);
	}
	e = db_exec(it->db, a, DB_SUS, item_stmts[s], p, k * ITEM_PARAMS, NULL);
	arena_rewind(a, mark);
	if (e == APP_OK) {
		it->written += k;
		it->statements++;
	}
	return e;
}

enum app_err
sus_items_flush(struct sus_items *it, struct arena *a)
{
	size_t count[SUS_ITEM_SIZES], at = 0;
	enum app_err e;

	(void)sus_items_split(it->n, count);
	for (size_t s = 0; s < SUS_ITEM_SIZES; s++)
		for (size_t c = 0; c < count[s]; c++) {
			if ((e = sus_items_write(it, a, at, s)) != APP_OK)
				return e;
			at += sus_item_sizes[s];
		}
	it->n = 0;
	return APP_OK;
}

enum app_err
sus_items_add(struct sus_items *it, struct arena *a, long long participation_id,
    enum sus_item_action action, const unsigned char *hash, int has_end)
{
	struct sus_item_row *r = &it->rows[it->n++];

	r->participation_id = participation_id;
	r->action = action;
	r->has_hash = hash != NULL;
	if (hash != NULL)
		memcpy(r->hash, hash, SUS_HASH_BYTES);
	r->has_end = has_end;
	return it->n == SUS_ITEM_CHUNK ? sus_items_flush(it, a) : APP_OK;
}
