/* participation_edit.c: the changes of a participation, each a versioned
 * edit; see include/participation_edit.h. */
#include <string.h>

#include "arena.h"
#include "consent.h"
#include "db.h"
#include "edit.h"
#include "gallring.h"
#include "history.h"
#include "once.h"
#include "participation_edit.h"
#include "req.h"
#include "session.h"
#include "sql_participation.h"
#include "sql_participation_sus.h"

static const struct db_field lock_fields[] = {
	DB_FIELD(participation_lock, version, "version", DB_F_INT),
	DB_FIELD(participation_lock, status_name, "status", DB_F_STR),
	DB_FIELD(participation_lock, summary_sent, "summary_sent", DB_F_BOOL),
	DB_FIELD(participation_lock, personnummer, "personnummer", DB_F_STR),
	DB_FIELD(participation_lock, ref_version, "ref_version", DB_F_INT),
	DB_FIELD(
	    participation_lock, person_version, "person_version", DB_F_INT),
	DB_FIELD(participation_lock, gallrad, "gallrad", DB_F_BOOL),
};
const struct db_record participation_lock_record =
    DB_RECORD(participation_lock, lock_fields);

/* One change in the making: what edit_run()'s steps share. */
struct pedit {
	const struct participation *p; /* as loaded for the page */
	enum participation_change ch;
	long long form_version;
	/* SUS: the referral's and the person's versions of the form. */
	int sub_versions;
	long long ref_version, person_version;
	const void *in; /* the change's input */
	enum app_err (*save)(struct req *, struct pedit *);
	struct participation_lock lock; /* as locked */
	int changed;
	/* A stale form may be a retry of a save already made (double click,
	 * resend): when may_retry, save runs dry (writes nothing, sets
	 * changed when anything would change); nothing would: retried. */
	int may_retry, dry, retried;
};

/* After an UPDATE guarded by the version we hold the lock of: exactly one
 * row, else a bug (the row cannot have moved under the lock). */
static enum app_err
one_row(struct req *r)
{
	return db_affected_rows(r->db) == 1 ? APP_OK : APP_EDB;
}

/* n as text (arena). */
static struct str
num_str(struct req *r, long long n)
{
	struct buf b;

	buf_init(&b, r->a);
	return buf_printf(&b, "%lld", n) == APP_OK ? buf_str(&b) : STR_LIT("");
}

enum app_err
participation_lock_for_edit(struct req *r, long long id,
    struct participation_lock *pl, struct edit_lock *lock)
{
	struct db_param q[1] = { DB_INT(id) };
	int found = 0;
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_LOCK, q, 1, pl, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	lock->version = pl->version;
	lock->personnummer = pl->personnummer;
	lock->refused = gallring_edit_refusal(pl->gallrad);
	return APP_OK;
}

enum app_err
participation_edit_run(struct req *r, const struct edit_ops *ops, void *state,
    long long id, long long form_version, const char *detail,
    enum edit_result *result, const char **refused)
{
	struct edit ed = { .ops = ops,
		.state = state,
		.form_version = form_version,
		.audit_type = "participation",
		.audit_id = id,
		.audit_detail = detail };
	struct edit_lock lock = { 0 };
	enum app_err e;

	*refused = NULL;
	if ((e = edit_run(r, &ed, result, &lock)) != APP_OK)
		return e;
	*refused = lock.refused;
	return APP_OK;
}

static enum app_err
pedit_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct pedit *st = state;
	struct participation_lock *l = &st->lock;
	enum app_err e;

	if ((e = participation_lock_for_edit(r, st->p->id, l, lock)) != APP_OK)
		return e;
	if (lock->refused == NULL)
		lock->refused = participation_refusal(
		    participation_status_from_name(l->status_name), st->ch);
	if (lock->refused != NULL)
		return APP_OK;
	/* The page was read at one version and shows the record as it was
	 * then; a form of another, or other parts that moved on, is stale. */
	if (st->p->version != l->version ||
	    (st->sub_versions &&
	        (l->ref_version != st->ref_version ||
	            l->person_version != st->person_version)))
		lock->version = -1;
	if (lock->version != st->form_version) {
		/* Unless what it asks for is stored already: a retry. */
		if (!st->may_retry)
			return APP_OK;
		st->dry = 1;
		e = st->save(r, st);
		st->dry = 0;
		if (e != APP_OK)
			return e;
		st->retried = !st->changed;
		st->changed = 0;
		if (st->retried)
			lock->version = st->form_version;
		return APP_OK;
	}
	return APP_OK;
}

static enum app_err
pedit_save(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct pedit *st = state;
	enum app_err e;

	(void)lock;
	if (!st->retried && (e = st->save(r, st)) != APP_OK)
		return e;
	*changed = st->changed;
	return APP_OK;
}

static const struct edit_ops pedit_ops = { pedit_lock, pedit_save };

/* Run change st, audited as detail, into *out. */
static enum app_err
pedit_run(struct req *r, struct pedit *st, const char *detail,
    struct participation_outcome *out)
{
	enum app_err e;

	memset(out, 0, sizeof(*out));
	if ((e = participation_edit_run(r, &pedit_ops, st, st->p->id,
	         st->form_version, detail, &out->result, &out->refused)) !=
	    APP_OK)
		return e;
	out->changed = st->changed;
	out->retried = st->retried;
	return APP_OK;
}

/* Change ch of p, from a form read at version: in for save, audited as
 * detail. */
static enum app_err
pedit_change(struct req *r, const struct participation *p,
    enum participation_change ch, long long version, const void *in,
    enum app_err (*save)(struct req *, struct pedit *), const char *detail,
    struct participation_outcome *out)
{
	struct pedit st = { .p = p,
		.ch = ch,
		.form_version = version,
		.in = in,
		.save = save };

	return pedit_run(r, &st, detail, out);
}

/* ---- the plan ---- */

struct plan_in {
	const struct participation_plan_row *rows;
	size_t n;
};

/* Activities as one line for change_history: "A (4 h); B (2 h)". */
static enum app_err
plan_text(struct req *r, const struct participation_plan_row *rows, size_t n,
    struct str *out)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	if ((e = buf_puts(&b, "")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		struct str a = rows[i].activity;
		if ((i > 0 && (e = buf_puts(&b, "; ")) != APP_OK) ||
		    (e = buf_append(&b, a.p, a.len)) != APP_OK ||
		    (e = buf_printf(&b, " (%lld h)", rows[i].hours)) != APP_OK)
			return e;
	}
	*out = buf_str(&b);
	return APP_OK;
}

static enum app_err
plan_save(struct req *r, struct pedit *st)
{
	const struct plan_in *in = st->in;
	long long id = st->p->id, total = 0;
	struct participation_activity *old;
	struct participation_plan_row *oldrows = NULL;
	struct db_param q[4] = { DB_INT(id) };
	struct str old_text, new_text;
	size_t nold;
	enum app_err e;

	if ((e = db_load(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_ACTIVITIES, q, 1, (void **)&old, &nold)) !=
	    APP_OK)
		return e;
	if (nold > 0 &&
	    (oldrows = arena_calloc(r->a, nold, sizeof(*oldrows))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < nold; i++)
		oldrows[i] = (struct participation_plan_row){ old[i].activity,
			old[i].hours };
	for (size_t i = 0; i < in->n; i++)
		total += in->rows[i].hours;
	if ((e = plan_text(r, nold ? oldrows : NULL, nold, &old_text)) !=
	        APP_OK ||
	    (e = plan_text(r, in->rows, in->n, &new_text)) != APP_OK)
		return e;
	if (st->dry) {
		/* A stale form: a retry (a double click) when the stored plan
		 * and hours are what it asks for. */
		st->changed = !str_eq(old_text, new_text) ||
		    !str_eq(st->p->hours_per_week, num_str(r, total));
		return APP_OK;
	}
	if ((e = db_exec(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_ACTIVITIES_DELETE, q, 1, NULL)) != APP_OK)
		return e;
	for (size_t i = 0; i < in->n; i++) {
		q[1] = DB_STR(in->rows[i].activity);
		q[2] = DB_INT(in->rows[i].hours);
		q[3] = DB_INT((long long)i + 1);
		if ((e = db_exec(r->db, r->a, DB_PARTICIPATION,
		         SQL_PARTICIPATION_ACTIVITY_INSERT, q, 4, NULL)) !=
		    APP_OK)
			return e;
	}
	q[0] = DB_INT(total);
	q[1] = DB_INT(id);
	q[2] = DB_INT(st->form_version);
	if ((e = db_exec(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_SET_PLAN, q, 3, NULL)) != APP_OK ||
	    (e = one_row(r)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id, "activities",
	         old_text, new_text)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, id, "hours_per_week",
	         st->p->hours_per_week, num_str(r, total))) != APP_OK)
		return e;
	st->changed = 1;
	return APP_OK;
}

enum app_err
participation_save_plan(struct req *r, const struct participation *p,
    long long version, const struct participation_plan_row *rows, size_t n,
    struct participation_outcome *out)
{
	struct plan_in in = { rows, n };
	struct pedit st = { .p = p,
		.ch = PCHANGE_PLAN,
		.form_version = version,
		.in = &in,
		.save = plan_save,
		.may_retry = 1 };

	return pedit_run(r, &st, "plan", out);
}

/* ---- an extension ---- */

struct extend_in {
	long long new_end;
	struct str reason;
	struct str once_key; /* "" for none */
	const char *location;
};

/* The extension's one-time key: claimed before it writes (also in the dry
 * run of a stale form). *used 1 when an earlier POST with it committed:
 * this one is a retry and writes nothing. A dry run's claim is rolled back
 * with the stale edit. */
static enum app_err
extend_claim(struct req *r, const struct extend_in *in, int *used)
{
	enum once_claim claim;
	struct str loc;
	enum app_err e;

	*used = 0;
	if ((e = once_claim(r, in->once_key, &claim, &loc)) != APP_OK)
		return e;
	*used = claim == ONCE_REPEAT;
	return APP_OK;
}

static enum app_err
extend_save(struct req *r, struct pedit *st)
{
	const struct extend_in *in = st->in;
	const struct participation *p = st->p;
	struct str old_end = p->planned_end;
	struct str new_end = participation_ymd_str(r->a, in->new_end);
	struct db_param q[5];
	int used;
	enum app_err e;

	if ((e = extend_claim(r, in, &used)) != APP_OK)
		return e;
	if (used || st->dry) {
		/* A retry changes nothing; a stale form without a used key
		 * would add an extension. */
		st->changed = !used;
		return APP_OK;
	}
	q[0] = DB_INT(p->id);
	q[1] = old_end.len ? DB_STR(old_end) : DB_NULL;
	q[2] = DB_STR(new_end);
	q[3] = DB_STR(in->reason);
	q[4] = DB_INT(r->user->id);
	if ((e = db_exec(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_EXTENSION_INSERT, q, 5, NULL)) != APP_OK)
		return e;
	q[0] = DB_STR(new_end);
	q[1] = DB_INT(p->id);
	q[2] = DB_INT(st->form_version);
	if ((e = db_exec(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_SET_PLANNED_END, q, 3, NULL)) != APP_OK ||
	    (e = one_row(r)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, p->id,
	         "planned_end_date", old_end, new_end)) != APP_OK ||
	    (e = once_done(r, in->once_key, str_cstr(in->location))) != APP_OK)
		return e;
	st->changed = 1;
	return APP_OK;
}

enum app_err
participation_extend(struct req *r, const struct participation *p,
    long long version, long long new_end, struct str reason,
    struct str once_key, const char *location,
    struct participation_outcome *out)
{
	struct extend_in in = { new_end, reason, once_key, location };
	struct pedit st = { .p = p,
		.ch = PCHANGE_EXTEND,
		.form_version = version,
		.in = &in,
		.save = extend_save,
		.may_retry = 1 };

	return pedit_run(r, &st, "extension", out);
}

/* ---- the end ---- */

/* codes as one comma-separated line (the "income_after" history field). */
static enum app_err
codes_text(struct req *r, const struct str *codes, size_t n, struct str *out)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	if ((e = buf_puts(&b, "")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++)
		if ((i > 0 && (e = buf_puts(&b, ",")) != APP_OK) ||
		    (e = buf_append(&b, codes[i].p, codes[i].len)) != APP_OK)
			return e;
	*out = buf_str(&b);
	return APP_OK;
}

static enum app_err
end_save(struct req *r, struct pedit *st)
{
	const struct participation_end_input *in = st->in;
	const struct participation *p = st->p;
	enum participation_status status = participation_end_status(in->reason);
	struct participation_income *before, *after;
	struct str date = participation_ymd_str(r->a, in->date);
	struct str due = STR_LIT(""), old_text, new_text, *old = NULL;
	struct db_param q[7] = { DB_INT(p->id) };
	size_t nbefore, nafter;
	enum app_err e;

	/* The summary is due some days after the end; a mistaken
	 * registration has none. */
	if (status == PARTICIPATION_AVSLUTAD)
		due = participation_ymd_str(
		    r->a, participation_summary_due(in->date, p->due_days));
	if ((e = participation_incomes_load(
	         r, p, &before, &nbefore, &after, &nafter)) != APP_OK)
		return e;
	if (nafter > 0 &&
	    (old = arena_calloc(r->a, nafter, sizeof(*old))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < nafter; i++)
		old[i] = after[i].code;
	if ((e = codes_text(r, nafter ? old : NULL, nafter, &old_text)) !=
	        APP_OK ||
	    (e = codes_text(r, in->income, in->nincome, &new_text)) != APP_OK ||
	    (e = db_exec(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_INCOME_AFTER_DELETE, q, 1, NULL)) != APP_OK)
		return e;
	for (size_t i = 0; i < in->nincome; i++) {
		q[1] = DB_STR(in->income[i]);
		if ((e = db_exec(r->db, r->a, DB_PARTICIPATION,
		         SQL_PARTICIPATION_INCOME_AFTER_INSERT, q, 2, NULL)) !=
		    APP_OK)
			return e;
	}
	q[0] = DB_STR(str_cstr(participation_status_name(status)));
	q[1] = DB_STR(date);
	q[2] = DB_STR(in->reason);
	q[3] = in->occupation.len ? DB_STR(in->occupation) : DB_NULL;
	q[4] = due.len ? DB_STR(due) : DB_NULL;
	q[5] = DB_INT(p->id);
	q[6] = DB_INT(st->form_version);
	if ((e = db_exec(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_SET_END, q, 7, NULL)) != APP_OK ||
	    (e = one_row(r)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, p->id, "status",
	         p->status_name,
	         str_cstr(participation_status_name(status)))) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, p->id, "end_date",
	         p->end_date, date)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, p->id,
	         "end_reason_code", p->end_reason_code, in->reason)) !=
	        APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, p->id,
	         "occupation_after_code", p->occ_after_code, in->occupation)) !=
	        APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, p->id, "income_after",
	         old_text, new_text)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, p->id,
	         "summary_due_date", p->summary_due, due)) != APP_OK)
		return e;
	st->changed = 1;
	return APP_OK;
}

enum app_err
participation_end(struct req *r, const struct participation *p,
    long long version, const struct participation_end_input *in,
    struct participation_outcome *out)
{
	return pedit_change(r, p, PCHANGE_END, version, in, end_save,
	    participation_end_status(in->reason) == PARTICIPATION_FELREGISTRERAD
	        ? "end: felregistrerad"
	        : "end: avslutad",
	    out);
}

/* ---- the SUS registration data ---- */

/* The income codes of list (in its order) that are in set, comma-separated
 * (the "income" history field of the referral). */
static enum app_err
sus_income_text(struct req *r, const struct code_choices *list,
    const struct str *set, size_t nset, struct str *out)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	if ((e = buf_puts(&b, "")) != APP_OK)
		return e;
	for (size_t i = 0; i < list->n; i++) {
		struct str code = list->v[i].code;
		int in = 0;

		for (size_t k = 0; k < nset; k++)
			in |= str_eq(set[k], code);
		if (!in)
			continue;
		if ((b.len > 0 && (e = buf_puts(&b, ",")) != APP_OK) ||
		    (e = buf_append(&b, code.p, code.len)) != APP_OK)
			return e;
	}
	*out = buf_str(&b);
	return APP_OK;
}

static struct db_param
code_param(struct str code)
{
	return code.len ? DB_STR(code) : DB_NULL;
}

/* An extent as stored ("" none) and as a parameter. */
static struct str
pct_str(struct req *r, long long pct)
{
	return pct < 0 ? STR_LIT("") : num_str(r, pct);
}

static struct db_param
pct_param(long long pct)
{
	return pct < 0 ? DB_NULL : DB_INT(pct);
}

/* The extent of code: typed in x (n) when there, else the stored one of
 * incomes (m), else none. */
static long long
sus_extent_of(struct str code, const struct participation_extent *x, size_t n,
    const struct participation_income *incomes, size_t m)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(x[i].code, code))
			return x[i].pct;
	for (size_t i = 0; i < m; i++)
		if (str_eq(incomes[i].code, code) &&
		    incomes[i].extent.len > 0) {
			long long v = 0;
			for (size_t k = 0; k < incomes[i].extent.len; k++)
				v = v * 10 + (incomes[i].extent.p[k] - '0');
			return v;
		}
	return -1;
}

/* "code:pct" of each income with an extent, comma-separated (the
 * "income_extent" history fields). codes[i] has pcts[i]. */
static enum app_err
sus_extent_text(struct req *r, const struct str *codes, const long long *pcts,
    size_t n, struct str *out)
{
	struct buf b;
	enum app_err e;

	buf_init(&b, r->a);
	if ((e = buf_puts(&b, "")) != APP_OK)
		return e;
	for (size_t i = 0; i < n; i++) {
		if (pcts[i] < 0)
			continue;
		if ((b.len > 0 && (e = buf_puts(&b, ",")) != APP_OK) ||
		    (e = buf_append(&b, codes[i].p, codes[i].len)) != APP_OK ||
		    (e = buf_printf(&b, ":%lld", pcts[i])) != APP_OK)
			return e;
	}
	*out = buf_str(&b);
	return APP_OK;
}

/* The incomes after: each stored code's extent as typed; the changed
 * ones updated in place, one history row for them all. */
static enum app_err
sus_save_after_extents(struct req *r, struct pedit *st,
    const struct participation_income *after, size_t nafter)
{
	const struct participation_sus_input *in = st->in;
	struct str *codes, old_text, new_text;
	long long *old, *now;
	struct db_param q[3];
	enum app_err e;

	if (nafter == 0)
		return APP_OK;
	if ((codes = arena_calloc(r->a, nafter, sizeof(*codes))) == NULL ||
	    (old = arena_calloc(r->a, nafter, sizeof(*old))) == NULL ||
	    (now = arena_calloc(r->a, nafter, sizeof(*now))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < nafter; i++) {
		codes[i] = after[i].code;
		old[i] = sus_extent_of(codes[i], NULL, 0, after, nafter);
		now[i] = sus_extent_of(
		    codes[i], in->ext_after, in->next_after, after, nafter);
		if (old[i] == now[i])
			continue;
		st->changed = 1;
		if (st->dry)
			continue;
		q[0] = pct_param(now[i]);
		q[1] = DB_INT(st->p->id);
		q[2] = DB_STR(codes[i]);
		if ((e = db_exec(r->db, r->a, DB_PARTICIPATION_SUS,
		         SQL_PSUS_INCOME_AFTER_EXTENT, q, 3, NULL)) != APP_OK)
			return e;
	}
	if (st->dry)
		return APP_OK;
	if ((e = sus_extent_text(r, codes, old, nafter, &old_text)) != APP_OK ||
	    (e = sus_extent_text(r, codes, now, nafter, &new_text)) != APP_OK)
		return e;
	return history_field(r, HISTORY_PARTICIPATION, st->p->id,
	    "income_after_extent", old_text, new_text);
}

static enum app_err
sus_save(struct req *r, struct pedit *st)
{
	const struct participation_sus_input *in = st->in;
	struct participation s;
	struct participation_income *before, *after;
	struct code_choices codes[PCODES__MAX];
	struct str edu, sup, occ, kommun, old_inc, new_inc, *stored = NULL;
	struct str old_ext, new_ext, occ_pct, occ_after_pct;
	const struct str *set;
	long long *old_pcts = NULL, *new_pcts = NULL;
	struct db_param q[5];
	long long id = st->p->id, ref_id = st->p->referral_id;
	size_t nbefore, nafter, nset;
	int found = 0, ref_d, inc_d, kommun_d, occ_d;
	enum app_err e;

	/* What is stored now, read under the locks. */
	if ((e = participation_load(r, id, &s, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if ((e = participation_incomes_load(
	         r, &s, &before, &nbefore, &after, &nafter)) != APP_OK ||
	    (e = participation_codes_load(r, codes)) != APP_OK)
		return e;
	if (nbefore > 0 &&
	    ((stored = arena_calloc(r->a, nbefore, sizeof(*stored))) == NULL ||
	        (old_pcts = arena_calloc(r->a, nbefore, sizeof(*old_pcts))) ==
	            NULL))
		return APP_ENOMEM;
	for (size_t i = 0; i < nbefore; i++) {
		stored[i] = before[i].code;
		old_pcts[i] =
		    sus_extent_of(stored[i], NULL, 0, before, nbefore);
	}
	set = in->nincome ? in->income : stored;
	nset = in->nincome ? in->nincome : nbefore;
	if (nset > 0 &&
	    (new_pcts = arena_calloc(r->a, nset, sizeof(*new_pcts))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; i < nset; i++)
		new_pcts[i] = sus_extent_of(
		    set[i], in->ext_before, in->next_before, before, nbefore);
	edu = in->edu.len ? in->edu : s.edu_code;
	sup = in->support.len ? in->support : s.support_code;
	occ = in->occupation.len ? in->occupation : s.occ_before_code;
	kommun = in->kommun.len ? in->kommun : s.person.municipality;
	occ_pct = pct_str(r, in->occ_pct);
	occ_after_pct =
	    in->set_after ? pct_str(r, in->occ_after_pct) : s.occ_after_pct;
	if ((e = sus_income_text(r, &codes[PCODES_INCOME], stored, nbefore,
	         &old_inc)) != APP_OK ||
	    (e = sus_income_text(
	         r, &codes[PCODES_INCOME], set, nset, &new_inc)) != APP_OK ||
	    (e = sus_extent_text(r, stored, old_pcts, nbefore, &old_ext)) !=
	        APP_OK ||
	    (e = sus_extent_text(r, set, new_pcts, nset, &new_ext)) != APP_OK)
		return e;

	ref_d = !str_eq(edu, s.edu_code) || !str_eq(sup, s.support_code) ||
	    !str_eq(old_inc, new_inc);
	inc_d = !str_eq(old_inc, new_inc) || !str_eq(old_ext, new_ext);
	kommun_d = !str_eq(kommun, s.person.municipality);
	occ_d = !str_eq(occ, s.occ_before_code) ||
	    !str_eq(occ_pct, s.occ_before_pct) ||
	    !str_eq(occ_after_pct, s.occ_after_pct);
	if (st->dry) {
		st->changed = ref_d || inc_d || kommun_d || occ_d;
		return in->set_after && !st->changed
		    ? sus_save_after_extents(r, st, after, nafter)
		    : APP_OK;
	}
	/* The referral: education, support time, income before. */
	if (ref_d) {
		q[0] = code_param(edu);
		q[1] = code_param(sup);
		q[2] = DB_INT(ref_id);
		q[3] = DB_INT(st->lock.ref_version);
		if ((e = db_exec(r->db, r->a, DB_PARTICIPATION_SUS,
		         SQL_PSUS_SET_REFERRAL, q, 4, NULL)) != APP_OK ||
		    (e = one_row(r)) != APP_OK ||
		    (e = history_field(r, HISTORY_REFERRAL, ref_id,
		         "education_code", s.edu_code, edu)) != APP_OK ||
		    (e = history_field(r, HISTORY_REFERRAL, ref_id,
		         "support_time_code", s.support_code, sup)) != APP_OK)
			return e;
		st->changed = 1;
	}
	/* The incomes before and their extents: rewritten together. */
	if (inc_d) {
		const struct code_choices *l = &codes[PCODES_INCOME];

		q[0] = DB_INT(ref_id);
		if ((e = db_exec(r->db, r->a, DB_PARTICIPATION_SUS,
		         SQL_PSUS_INCOME_DELETE, q, 1, NULL)) != APP_OK)
			return e;
		for (size_t i = 0; i < l->n; i++) {
			size_t at = nset;
			for (size_t k = 0; k < nset; k++)
				if (str_eq(set[k], l->v[i].code))
					at = k;
			if (at == nset)
				continue;
			q[1] = DB_STR(l->v[i].code);
			q[2] = pct_param(new_pcts[at]);
			if ((e = db_exec(r->db, r->a, DB_PARTICIPATION_SUS,
			         SQL_PSUS_INCOME_INSERT, q, 3, NULL)) != APP_OK)
				return e;
		}
		if ((e = history_field(r, HISTORY_REFERRAL, ref_id, "income",
		         old_inc, new_inc)) != APP_OK ||
		    (e = history_field(r, HISTORY_REFERRAL, ref_id,
		         "income_extent", old_ext, new_ext)) != APP_OK)
			return e;
		st->changed = 1;
	}
	/* The insats's record of the person: folkbokföringskommun. */
	if (kommun_d) {
		q[0] = DB_STR(kommun);
		q[1] = DB_INT(id);
		q[2] = DB_INT(st->lock.person_version);
		if ((e = db_exec(r->db, r->a, DB_PARTICIPATION_SUS,
		         SQL_PSUS_SET_PERSON, q, 3, NULL)) != APP_OK ||
		    (e = one_row(r)) != APP_OK ||
		    (e = history_field(r, HISTORY_PARTICIPATION, id,
		         "home_municipality", s.person.municipality, kommun)) !=
		        APP_OK)
			return e;
		st->changed = 1;
	}
	/* The participation: occupation before and the extents. */
	if (occ_d) {
		q[0] = code_param(occ);
		q[1] = pct_param(in->occ_pct);
		q[2] = occ_after_pct.len ? DB_STR(occ_after_pct) : DB_NULL;
		q[3] = DB_INT(id);
		q[4] = DB_INT(st->form_version);
		if ((e = db_exec(r->db, r->a, DB_PARTICIPATION_SUS,
		         SQL_PSUS_SET_OCCUPATION, q, 5, NULL)) != APP_OK ||
		    (e = one_row(r)) != APP_OK ||
		    (e = history_field(r, HISTORY_PARTICIPATION, id,
		         "occupation_before_code", s.occ_before_code, occ)) !=
		        APP_OK ||
		    (e = history_field(r, HISTORY_PARTICIPATION, id,
		         "occupation_before_percent", s.occ_before_pct,
		         occ_pct)) != APP_OK ||
		    (e = history_field(r, HISTORY_PARTICIPATION, id,
		         "occupation_after_percent", s.occ_after_pct,
		         occ_after_pct)) != APP_OK)
			return e;
		st->changed = 1;
	}
	return in->set_after ? sus_save_after_extents(r, st, after, nafter)
	                     : APP_OK;
}

enum app_err
participation_save_sus(struct req *r, const struct participation *p,
    long long version, const struct participation_sus_input *in,
    struct participation_outcome *out)
{
	struct pedit st = { .p = p,
		.ch = PCHANGE_SUS,
		.form_version = version,
		.sub_versions = 1,
		.ref_version = in->ref_version,
		.person_version = in->person_version,
		.in = in,
		.save = sus_save,
		.may_retry = 1 };

	return pedit_run(r, &st, "SUS data", out);
}

/* ---- the målgrupp ---- */

static enum app_err
target_group_save(struct req *r, struct pedit *st)
{
	const struct str *value = st->in;
	const struct participation *p = st->p;
	struct db_param q[3] = { DB_STR(*value), DB_INT(p->id),
		DB_INT(st->form_version) };
	enum app_err e;

	/* p is as locked (the versions matched): the same choice again
	 * writes nothing. */
	if (str_eq(*value, p->target_group))
		return APP_OK;
	if ((e = db_exec(r->db, r->a, DB_PARTICIPATION,
	         SQL_PARTICIPATION_SET_TARGET_GROUP, q, 3, NULL)) != APP_OK ||
	    (e = one_row(r)) != APP_OK ||
	    (e = history_field(r, HISTORY_PARTICIPATION, p->id, "target_group",
	         p->target_group, *value)) != APP_OK)
		return e;
	st->changed = 1;
	return APP_OK;
}

enum app_err
participation_save_target_group(struct req *r, const struct participation *p,
    long long version, struct str value, struct participation_outcome *out)
{
	return pedit_change(r, p, PCHANGE_TARGET_GROUP, version, &value,
	    target_group_save, "target group", out);
}

/* ---- the insats's record of the person ---- */

int
participation_contact_hidden(enum contact_field f)
{
	return f == CONTACT_ADDRESS || f == CONTACT_POSTAL_CODE ||
	    f == CONTACT_CITY || f == CONTACT_PHONE;
}

struct contact_edit {
	long long id;
	const struct contact_record *typed;
	struct participation_person *stored;
	int changed;
};

static enum app_err
contact_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct contact_edit *st = state;
	int found = 0;
	enum app_err e;

	if ((e = participation_person_load(r, st->id, 1, st->stored, &found)) !=
	    APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	lock->version = st->stored->version;
	lock->personnummer = st->stored->personnummer;
	lock->refused = gallring_edit_refusal(st->stored->gallrad);
	if (lock->refused == NULL)
		lock->refused =
		    participation_refusal(st->stored->status, PCHANGE_CONTACT);
	return APP_OK;
}

static enum app_err
contact_save(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	struct contact_edit *st = state;
	const struct contact_record *old_rec = &st->stored->c;
	struct db_param q[CONTACT__MAX + 2];
	enum app_err e;

	for (int i = 0; i < CONTACT__MAX; i++) {
		enum contact_field f = (enum contact_field)i;
		struct str old = contact_field_value(old_rec, f);
		struct str now = contact_field_value(st->typed, f);

		/* Not shown while protected: left empty, it stays. */
		if (old_rec->protected_identity &&
		    participation_contact_hidden(f) && now.len == 0)
			now = old;
		q[i] = contact_field_is_flag(f) ? DB_INT(str_eq_cstr(now, "1"))
		                                : DB_STR(now);
		if (str_eq(old, now))
			continue;
		st->changed = 1;
		if ((e = history_field(r, HISTORY_PARTICIPATION, st->id,
		         contact_field_column(f), old, now)) != APP_OK)
			return e;
	}
	if (st->changed) {
		q[CONTACT__MAX] = DB_INT(st->id);
		q[CONTACT__MAX + 1] = DB_INT(lock->version);
		if ((e = db_exec(r->db, r->a, DB_PARTICIPATION,
		         SQL_PARTICIPATION_PERSON_UPDATE, q, CONTACT__MAX + 2,
		         NULL)) != APP_OK ||
		    (e = one_row(r)) != APP_OK)
			return e;
	}
	*changed = st->changed;
	return APP_OK;
}

static const struct edit_ops contact_ops = { contact_lock, contact_save };

enum app_err
participation_save_contact(struct req *r, long long id, long long version,
    const struct contact_record *typed, struct participation_person *stored,
    struct participation_outcome *out)
{
	struct contact_edit st = { id, typed, stored, 0 };
	struct edit ed = { .ops = &contact_ops,
		.state = &st,
		.form_version = version,
		.audit_type = "participation",
		.audit_id = id,
		.audit_detail = "contact data" };
	struct edit_lock lock;
	enum app_err e;

	memset(out, 0, sizeof(*out));
	if ((e = edit_run(r, &ed, &out->result, &lock)) != APP_OK)
		return e;
	out->refused = lock.refused;
	out->changed = st.changed;
	return APP_OK;
}
