/* midterm.c: the mid-term follow-ups of a participation; see
 * include/midterm.h. */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "edit.h"
#include "history.h"
#include "midterm.h"
#include "participation.h"
#include "participation_edit.h"
#include "req.h"
#include "session.h"
#include "sql_midterm.h"
#include "sql_participation.h"

static const struct db_field midterm_fields[] = {
	DB_FIELD(midterm, id, "id", DB_F_INT),
	DB_FIELD(midterm, participation_id, "participation_id", DB_F_INT),
	DB_FIELD(midterm, version, "version", DB_F_INT),
	DB_FIELD(midterm, held_date, "held_date", DB_F_STR),
	DB_FIELD(midterm, attendees, "attendees", DB_F_STR),
	DB_FIELD(midterm, note, "note", DB_F_STR),
	DB_FIELD(midterm, recorded_by, "recorded_by", DB_F_STR),
};
const struct db_record midterm_record = DB_RECORD(midterm, midterm_fields);

/* ---- the rules ---- */

const char *
midterm_check_date(struct arena *a, long long ymd, long long start,
    long long end, long long today)
{
	const char *msg = participation_check_date(a, ymd, start, today);

	if (msg != NULL)
		return msg;
	return end > 0 && ymd > end ? MIDTERM_MSG_AFTER_END : NULL;
}

/* ---- loads ---- */

enum app_err
midterm_get(
    struct req *r, long long pid, long long id, struct midterm *out, int *found)
{
	struct db_param q[2] = { DB_INT(pid), DB_INT(id) };

	return db_load_one(
	    r->db, r->a, DB_MIDTERM, SQL_MT_GET, q, 2, out, found);
}

/* ---- the changes ---- */

/* One add or change in the making: what edit_run()'s steps share. */
struct msave {
	const struct participation *p;
	const struct midterm_input *in;
	long long id;          /* 0: an add */
	struct midterm stored; /* a change: the row as locked */
	struct str date;       /* in->date as ÅÅÅÅ-MM-DD */
	int retried, changed;
};

/* A follow-up in words for change_history: "ÅÅÅÅ-MM-DD; who; note". */
static struct str
msave_text(struct req *r, struct str date, struct str who, struct str note)
{
	struct buf b;

	buf_init(&b, r->a);
	if (buf_append(&b, date.p, date.len) != APP_OK ||
	    buf_puts(&b, "; ") != APP_OK ||
	    buf_append(&b, who.p, who.len) != APP_OK ||
	    (note.len > 0 &&
	        (buf_puts(&b, "; ") != APP_OK ||
	            buf_append(&b, note.p, note.len) != APP_OK)))
		return STR_LIT("");
	return buf_str(&b);
}

static int
msave_same(const struct msave *st)
{
	return str_eq(st->stored.held_date, st->date) &&
	    str_eq(st->stored.attendees, st->in->attendees) &&
	    str_eq(st->stored.note, st->in->note);
}

static enum app_err
msave_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct msave *st = state;
	struct participation_lock pl;
	struct db_param q[2] = { DB_INT(st->p->id) };
	int found = 0;
	enum app_err e;

	if ((e = participation_lock_for_edit(r, st->p->id, &pl, lock)) !=
	    APP_OK)
		return e;
	if (lock->refused == NULL)
		lock->refused = participation_refusal(
		    participation_status_from_name(pl.status_name),
		    PCHANGE_MIDTERM);
	if (st->id == 0) {
		/* An add has no version; its key says whether it was made. */
		lock->version = 0;
		q[1] = DB_STR(st->in->key);
		if ((e = db_load_one(r->db, r->a, DB_MIDTERM, SQL_MT_BY_KEY, q,
		         2, &st->stored, &found)) != APP_OK)
			return e;
		st->retried = found;
		return APP_OK;
	}
	q[1] = DB_INT(st->id);
	if ((e = db_load_one(r->db, r->a, DB_MIDTERM, SQL_MT_LOCK, q, 2,
	         &st->stored, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	lock->version = st->stored.version;
	/* A stale form asking for what is stored already is a retry of a
	 * change that went through (its answer got lost): saved. */
	if (lock->version != st->in->version && msave_same(st)) {
		st->retried = 1;
		lock->version = st->in->version;
	}
	return APP_OK;
}

static enum app_err
msave_save(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct msave *st = state;
	const struct midterm_input *in = st->in;
	long long pid = st->p->id;
	struct str old = STR_LIT("");
	enum app_err e;

	(void)lock;
	*changed = 0;
	if (st->retried || (st->id != 0 && msave_same(st)))
		return APP_OK;
	if (st->id == 0) {
		struct db_param q[6] = { DB_INT(pid), DB_STR(st->date),
			DB_STR(in->attendees), DB_STR(in->note),
			DB_INT(r->user->id), DB_STR(in->key) };
		e = db_exec(r->db, r->a, DB_MIDTERM, SQL_MT_INSERT, q, 6, NULL);
	} else {
		struct db_param q[6] = { DB_STR(st->date),
			DB_STR(in->attendees), DB_STR(in->note),
			DB_INT(r->user->id), DB_INT(st->id),
			DB_INT(st->stored.version) };
		old = msave_text(r, st->stored.held_date, st->stored.attendees,
		    st->stored.note);
		e = db_exec(r->db, r->a, DB_MIDTERM, SQL_MT_UPDATE, q, 6, NULL);
	}
	if (e != APP_OK)
		return e;
	/* Under the participation's lock nothing moved: exactly one row. */
	if (db_affected_rows(r->db) != 1)
		return APP_EDB;
	if ((e = history_field(r, HISTORY_PARTICIPATION, pid, "midterm", old,
	         msave_text(r, st->date, in->attendees, in->note))) != APP_OK)
		return e;
	*changed = st->changed = 1;
	return APP_OK;
}

static const struct edit_ops msave_ops = { msave_lock, msave_save };

static enum app_err
msave_run(struct req *r, struct msave *st, long long form_version,
    struct midterm_outcome *out)
{
	enum app_err e;

	memset(out, 0, sizeof(*out));
	if ((st->date = participation_ymd_str(r->a, st->in->date)).len == 0)
		return APP_ENOMEM;
	if ((e = participation_edit_run(r, &msave_ops, st, st->p->id,
	         form_version, "midterm follow-up", &out->result,
	         &out->refused)) != APP_OK)
		return e;
	out->changed = out->result == EDIT_SAVED && st->changed;
	out->retried = out->result == EDIT_SAVED && st->retried;
	return APP_OK;
}

enum app_err
midterm_add(struct req *r, const struct participation *p,
    const struct midterm_input *in, struct midterm_outcome *out)
{
	struct msave st = { .p = p, .in = in };

	if (!edit_key_ok(in->key))
		return APP_EINPUT;
	return msave_run(r, &st, 0, out);
}

enum app_err
midterm_edit(struct req *r, const struct participation *p, long long id,
    const struct midterm_input *in, struct midterm_outcome *out)
{
	struct msave st = { .p = p, .in = in, .id = id };

	if (id <= 0)
		return APP_ENOTFOUND;
	return msave_run(r, &st, in->version, out);
}
