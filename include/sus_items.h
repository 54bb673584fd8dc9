/*
 * sus_items.h: a batch's items (sus_batch_item rows), written in multi-row
 * INSERTs of up to SUS_ITEM_CHUNK rows instead of one statement a row.
 *
 * sus_items_add() keeps an item and writes a full chunk as one statement;
 * sus_items_flush() writes what is left, as few statements as the prepared
 * sizes allow (sus_items_split()). Everything runs inside the caller's
 * transaction: a failure anywhere leaves the caller to roll back the
 * whole batch, so no chunk of it stays (include/sus_batch.h).
 */
#ifndef SUS_ITEMS_H
#define SUS_ITEMS_H

#include <stddef.h>

#include "app.h"
#include "sus_batch.h"
#include "sus_xml.h"

struct arena;
struct db;

/* Rows a statement inserts at most; the prepared sizes, largest first
 * (SQL_SUS_ITEM_INSERT_500, _50, _5 and SQL_SUS_ITEM_INSERT). */
#define SUS_ITEM_CHUNK 500u
#define SUS_ITEM_SIZES 4u
extern const size_t sus_item_sizes[SUS_ITEM_SIZES];

struct sus_item_row {
	long long participation_id;
	enum sus_item_action action;
	int has_hash, has_end;
	unsigned char hash[SUS_HASH_BYTES];
};

/* The pending items of one batch. Lives in the caller's memory (it is
 * large: put it in an arena, outside any mark that is rewound while it
 * holds items). */
struct sus_items {
	struct db *db;
	long long batch_no;
	size_t n;                      /* pending */
	unsigned long long written;    /* rows inserted so far */
	unsigned long long statements; /* INSERTs run so far */
	struct sus_item_row rows[SUS_ITEM_CHUNK];
};

/* Start an empty set for batch_no on db (borrowed). */
void sus_items_init(struct sus_items *, struct db *, long long batch_no);

/* Keep one item (hash NULL for a withdrawal or kvarhallen); when SUS_ITEM_CHUNK
 * are pending, write them as one statement. a: scratch for the statement's
 * parameters, rewound before return. APP_E* from the database. */
enum app_err sus_items_add(struct sus_items *, struct arena *a,
    long long participation_id, enum sus_item_action, const unsigned char *hash,
    int has_end);

/* Write every pending item. APP_E* from the database. */
enum app_err sus_items_flush(struct sus_items *, struct arena *a);

/* How n pending rows are written: the number of statements of each
 * prepared size (sizes[i] rows each) into count[SUS_ITEM_SIZES], largest
 * first; returns the number of statements. Pure (unit-tested). */
size_t sus_items_split(size_t n, size_t count[SUS_ITEM_SIZES]);

#endif /* !SUS_ITEMS_H */
