/*
 * midterm.h: the mid-term follow-ups (avstämningar) of a participation,
 * any number of them (sql/0039): when each was held, who attended, a
 * note, and who recorded it.
 *
 * The date rule is a pure function (unit-tested in tests/unit/
 * test_midterm.c). Adding and changing one are versioned edits
 * (include/edit.h) under the participation's lock: only while it is
 * inskriven (participation_refusal(), PCHANGE_MIDTERM), never once
 * gallrad. Adding carries the form's one-time key (request_key): a
 * retried add finds the row the first one made and answers as it did,
 * so it never makes a second. Changing one carries the row's version: a
 * form read before someone else's change is stale. Each change writes a
 * change_history row of the participation (field "midterm", the
 * follow-up in words before and after) and an audit row ("midterm
 * follow-up") as the old single follow-up did. Adding one does not move
 * the participation's version on: no other form of the page is stale
 * because of it.
 */
#ifndef MIDTERM_H
#define MIDTERM_H

#include <stddef.h>

#include "app.h"
#include "db.h"
#include "edit.h"
#include "str.h"

struct arena;
struct req;
struct participation;

/* One follow-up as the page shows it. Strings are arena. */
struct midterm {
	long long id, participation_id, version;
	struct str held_date; /* ÅÅÅÅ-MM-DD */
	struct str attendees, note;
	struct str recorded_by; /* the staff member's name, "" none */
};
extern const struct db_record midterm_record;

#define MIDTERM_MSG_AFTER_END                                                  \
	"Mittuppföljningen kan inte vara efter deltagandets slutdatum."

/*
 * The day a follow-up was held, ymd (YYYYMMDD): NULL when it is within the
 * participation (on or after start, on or before end when end > 0) and
 * not after today, else the Swedish message (arena or static): those of
 * participation_check_date(), or MIDTERM_MSG_AFTER_END.
 */
const char *midterm_check_date(struct arena *, long long ymd, long long start,
    long long end, long long today);

/* The follow-ups of a participation's page are loaded with its other
 * lists (participation_page_load(): struct participation_page). */

/* Follow-up id of participation pid into *out; *found 0 when it has none
 * of that id. */
enum app_err midterm_get(
    struct req *, long long pid, long long id, struct midterm *out, int *found);

/* What a form says: held date (YYYYMMDD), who attended, the note; for an
 * add the form's key, for a change the version the form was read at.
 * Borrowed. */
struct midterm_input {
	long long date;
	struct str attendees, note;
	struct str key;    /* add: its one-time key (edit_key_ok()) */
	long long version; /* change */
};

struct midterm_outcome {
	enum edit_result result;
	const char *refused; /* EDIT_REFUSED: the Swedish reason (static) */
	int changed;         /* EDIT_SAVED: something was written */
	int retried; /* EDIT_SAVED: an add whose key was used already, or a
	              * stale change whose values are all stored: nothing
	              * written */
};

/* Add a follow-up to p. APP_OK with *out filled, else an error with
 * nothing written. */
enum app_err midterm_add(struct req *, const struct participation *p,
    const struct midterm_input *in, struct midterm_outcome *out);

/* Change follow-up id of p. APP_ENOTFOUND when p has none of that id. */
enum app_err midterm_edit(struct req *, const struct participation *p,
    long long id, const struct midterm_input *in, struct midterm_outcome *out);

#endif /* !MIDTERM_H */
