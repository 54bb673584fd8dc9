/* sql_midterm.c: the mid-term follow-ups' statements; see
 * include/sql_midterm.h. */
#include "midterm.h"
#include "sql_midterm.h"

#define MT_COLS                                                                \
	"SELECT m.id AS id, m.participation_id AS participation_id, "          \
	"m.version AS version, m.held_date AS held_date, "                     \
	"m.attendees AS attendees, m.note AS note, "                           \
	"IFNULL(s.display_name, '') AS recorded_by "                           \
	"FROM participation_midterm m "                                        \
	"LEFT JOIN staff s ON s.id = m.recorded_by "

const struct db_query sql_midterm[SQL_MT__MAX] = {
	[SQL_MT_GET] = { MT_COLS "WHERE m.participation_id = ? AND m.id = ?", 1,
	    .ncols = 7, .nparams = 2, .rec = &midterm_record },
	[SQL_MT_LOCK] = { MT_COLS "WHERE m.participation_id = ? AND m.id = ? "
	                          "FOR UPDATE",
	    0, .ncols = 7, .nparams = 2, .rec = &midterm_record },
	[SQL_MT_BY_KEY] = { MT_COLS "WHERE m.participation_id = ? "
	                            "AND m.request_key = ?",
	    0, .ncols = 7, .nparams = 2, .rec = &midterm_record },
	[SQL_MT_INSERT] = { "INSERT INTO participation_midterm "
	                    "(participation_id, held_date, attendees, note, "
	                    "recorded_by, request_key) "
	                    "VALUES (?, ?, ?, ?, ?, ?)",
	    0, .ncols = 0, .nparams = 6 },
	[SQL_MT_UPDATE] = { "UPDATE participation_midterm SET held_date = ?, "
	                    "attendees = ?, note = ?, recorded_by = ?, "
	                    "version = version + 1 "
	                    "WHERE id = ? AND version = ?",
	    0, .ncols = 0, .nparams = 6 },
};
