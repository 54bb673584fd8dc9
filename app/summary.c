/* summary.c: the summary to the remittent as a document with versions;
 * see include/summary.h. */
#include <string.h>

#include "access.h"
#include "arena.h"
#include "consent.h"
#include "db.h"
#include "history.h"
#include "participation_edit.h"
#include "referral_follow.h"
#include "req.h"
#include "session.h"
#include "sql_summary.h"
#include "summary.h"

/* ---- states ---- */

static const char *const state_names[SUMMARY_STATE__MAX] = {
	[SUMMARY_UTKAST] = "utkast",
	[SUMMARY_SKICKAD] = "skickad",
};

const char *
summary_state_name(enum summary_state s)
{
	return (unsigned)s < SUMMARY_STATE__MAX ? state_names[s] : NULL;
}

enum summary_state
summary_state_from_name(struct str name)
{
	for (int s = 0; s < SUMMARY_STATE__MAX; s++)
		if (str_eq_cstr(name, state_names[s]))
			return (enum summary_state)s;
	return SUMMARY_STATE__MAX;
}

const char *
summary_version_label(enum summary_state s, int superseded)
{
	switch (s) {
	case SUMMARY_UTKAST: return "Utkast";
	case SUMMARY_SKICKAD:
		return superseded ? "Ersatt av en senare version" : "Skickad";
	case SUMMARY_STATE__MAX: break;
	}
	return "";
}

/* ---- the parts ---- */

const char *const summary_part_keys[SP__MAX] = {
	[SP_DONE] = "gjort",
	[SP_RESULT] = "resultat",
	[SP_OWN_VIEW] = "egen_syn",
	[SP_NEXT_STEP] = "nasta_steg",
	[SP_NEXT_WHO] = "vem",
	[SP_NEXT_BY] = "senast",
	[SP_FREE] = "fritext",
};

static const char *const part_labels[SP__MAX] = {
	[SP_DONE] = "Vad som gjorts",
	[SP_RESULT] = "Resultat",
	[SP_OWN_VIEW] = "Deltagarens egen syn",
	[SP_NEXT_STEP] = "Rekommenderat nästa steg",
	[SP_NEXT_WHO] = "Vem gör vad",
	[SP_NEXT_BY] = "Senast när",
	[SP_FREE] = "Övrigt",
};

static const char *const part_fields[SP__MAX] = {
	[SP_DONE] = "summary_done",
	[SP_RESULT] = "summary_result",
	[SP_OWN_VIEW] = "summary_own_view",
	[SP_NEXT_STEP] = "summary_next_step",
	[SP_NEXT_WHO] = "summary_next_who",
	[SP_NEXT_BY] = "summary_next_by",
	[SP_FREE] = "summary_free_text",
};

static const unsigned char part_required[SP__MAX] = {
	[SP_DONE] = 1,
	[SP_RESULT] = 1,
	[SP_OWN_VIEW] = 1,
	[SP_NEXT_STEP] = 1,
	[SP_NEXT_WHO] = 1,
};

const char *
summary_part_label(enum summary_part p)
{
	return (unsigned)p < SP__MAX ? part_labels[p] : "";
}

const char *
summary_part_field(enum summary_part p)
{
	return (unsigned)p < SP__MAX ? part_fields[p] : "";
}

int
summary_part_required(enum summary_part p)
{
	return (unsigned)p < SP__MAX && part_required[p];
}

unsigned
summary_missing(const struct str parts[SP__MAX])
{
	unsigned missing = 0;

	for (int p = 0; p < SP__MAX; p++)
		if (part_required[p] && parts[p].len == 0)
			missing |= 1u << p;
	return missing;
}

const char *
summary_write_refusal(enum participation_status s)
{
	switch (s) {
	case PARTICIPATION_AVSLUTAD: return NULL;
	case PARTICIPATION_FELREGISTRERAD: return SUMMARY_MSG_FELREG;
	case PARTICIPATION_INSKRIVEN:
	case PARTICIPATION_STATUS__MAX: break;
	}
	return SUMMARY_MSG_NOT_ENDED;
}

/* ---- the decision ---- */

enum summary_verdict
summary_decide(const struct summary_head *latest, long long form_no,
    long long form_version, int key_found, int same, enum summary_action action)
{
	if (key_found)
		return SV_RETRY;
	if (form_version == 0) {
		/* A new version on top of the one the form was read at. */
		if (latest->version_no == 0)
			return form_no == 0 ? SV_CREATE : SV_STALE;
		if (latest->version_no != form_no ||
		    latest->state != SUMMARY_SKICKAD)
			return SV_STALE;
		return SV_CREATE;
	}
	/* The draft numbered form_no. */
	if (latest->version_no != form_no)
		return SV_STALE;
	if (latest->state == SUMMARY_SKICKAD)
		return same && action == SUMMARY_SEND ? SV_RETRY : SV_FROZEN;
	if (latest->version == form_version)
		return SV_UPDATE;
	if (!same)
		return SV_STALE;
	return action == SUMMARY_SEND ? SV_UPDATE : SV_RETRY;
}

int
summary_visible_to_remittent(unsigned roles, unsigned via, enum vis_waiver w,
    int protected_, unsigned scope)
{
	struct vis_in in = { roles, via & ACCESS_VIA_REMITTENT, w,
		protected_ != 0, scope };

	return vis_may(&in, VIS_FOLLOW);
}

/* ---- the record ---- */

enum app_err
summary_list(struct req *r, long long participation_id,
    struct summary_record **rows, size_t *n)
{
	struct db_param p[1] = { DB_INT(participation_id) };

	return db_load(
	    r->db, r->a, DB_SUMMARY, SQL_SUM_LIST, p, 1, (void **)rows, n);
}

enum app_err
summary_list_sent(struct req *r, long long participation_id,
    struct summary_record **rows, size_t *n)
{
	struct db_param p[1] = { DB_INT(participation_id) };

	return db_load(
	    r->db, r->a, DB_SUMMARY, SQL_SUM_LIST_SENT, p, 1, (void **)rows, n);
}

enum app_err
summary_of_referral(
    struct req *r, long long referral_id, struct summary_of_ref *out)
{
	struct db_param p[1] = { DB_INT(referral_id) };
	int found = 0;
	enum app_err e;

	if ((e = db_load_one(r->db, r->a, DB_SUMMARY, SQL_SUM_OF_REFERRAL, p, 1,
	         out, &found)) != APP_OK)
		return e;
	return found ? APP_OK : APP_ENOTFOUND;
}

/* ---- a save or a send ---- */

/* One save in the making: what edit_run()'s steps share. */
struct ssave {
	const struct participation *p;
	const struct summary_input *in;
	struct participation_lock plock;
	struct summary_record latest; /* version_no 0: none */
	enum summary_verdict verdict;
	int no_consent;
};

static int
same_parts(const struct str a[SP__MAX], const struct str b[SP__MAX])
{
	for (int k = 0; k < SP__MAX; k++)
		if (!str_eq(a[k], b[k]))
			return 0;
	return 1;
}

static enum app_err
ssave_lock(struct req *r, void *state, struct edit_lock *lock)
{
	struct ssave *st = state;
	const struct summary_input *in = st->in;
	struct db_param q[2] = { DB_INT(st->p->id) };
	struct summary_head head = { 0, SUMMARY_UTKAST, 0 };
	struct summary_num keyed = { 0, 0 };
	int found = 0, covered = 0;
	enum app_err e;

	/* The participation's own version does not guard a summary: each
	 * version row carries its own (summary_decide()). */
	if ((e = participation_lock_for_edit(r, st->p->id, &st->plock, lock)) !=
	    APP_OK)
		return e;
	lock->version = in->form_version;
	if (lock->refused == NULL)
		lock->refused = summary_write_refusal(
		    participation_status_from_name(st->plock.status_name));
	if (lock->refused != NULL)
		return APP_OK;
	if ((e = db_load_one(r->db, r->a, DB_SUMMARY, SQL_SUM_LATEST_LOCK, q, 1,
	         &st->latest, &found)) != APP_OK)
		return e;
	if (found) {
		head.version_no = st->latest.version_no;
		head.state = summary_state_from_name(st->latest.state);
		head.version = st->latest.version;
	}
	if (in->form_version == 0 && in->key.len > 0) {
		q[1] = DB_STR(in->key);
		if ((e = db_load_one(r->db, r->a, DB_SUMMARY, SQL_SUM_BY_KEY, q,
		         2, &keyed, &found)) != APP_OK)
			return e;
	}
	st->verdict =
	    summary_decide(&head, in->form_no, in->form_version, keyed.n > 0,
	        found && same_parts(in->parts, st->latest.parts), in->action);
	switch (st->verdict) {
	case SV_STALE: lock->version = -1; return APP_OK;
	case SV_FROZEN: lock->refused = SUMMARY_MSG_FROZEN; return APP_OK;
	case SV_RETRY: return APP_OK;
	case SV_CREATE:
	case SV_UPDATE: break;
	}
	/* The consent rule at the moment of the send, under the lock: the
	 * summary goes to the remittent only under a waiver in force that
	 * covers their organisation and allows disclosure. */
	if (in->action == SUMMARY_SEND) {
		if ((e = summary_may_send(r, st->p, &covered)) != APP_OK)
			return e;
		if (!covered) {
			st->no_consent = 1;
			lock->refused = SUMMARY_MSG_NO_CONSENT;
		}
	}
	return APP_OK;
}

enum app_err
summary_may_send(struct req *r, const struct participation *p, int *ok)
{
	struct referral_follow head;
	int found = 0;
	enum app_err e;

	*ok = 0;
	if ((e = consent_covers(r, p->referral_id, p->ref_org_id, 1, ok)) !=
	        APP_OK ||
	    !*ok)
		return e;
	/* The categories of a signed waiver never change: no lock needed. */
	if ((e = referral_follow_head(r, p->referral_id, &head, &found)) !=
	    APP_OK)
		return e;
	*ok = found && vis_scope_shares_course((unsigned)head.scope);
	return APP_OK;
}

/* n as text (arena). */
static struct str
num_str(struct req *r, long long n)
{
	struct buf b;

	buf_init(&b, r->a);
	return buf_printf(&b, "%lld", n) == APP_OK ? buf_str(&b) : STR_LIT("");
}

/* A history row per part that differs from old. */
static enum app_err
parts_history(struct req *r, long long id, const struct str old[SP__MAX],
    const struct str new_[SP__MAX], int *changed)
{
	enum app_err e;

	for (int k = 0; k < SP__MAX; k++) {
		if (str_eq(old[k], new_[k]))
			continue;
		if ((e = history_field(r, HISTORY_PARTICIPATION, id,
		         part_fields[k], old[k], new_[k])) != APP_OK)
			return e;
		*changed = 1;
	}
	return APP_OK;
}

static void
parts_params(struct db_param *q, const struct str parts[SP__MAX])
{
	for (int k = 0; k < SP__MAX; k++)
		q[k] = k == SP_NEXT_BY && parts[k].len == 0 ? DB_NULL
		                                            : DB_STR(parts[k]);
}

static enum app_err
ssave_save(
    struct req *r, void *state, const struct edit_lock *lock, int *changed)
{
	static const struct str none[SP__MAX];
	struct ssave *st = state;
	const struct summary_input *in = st->in;
	int send = in->action == SUMMARY_SEND;
	long long pid = st->p->id;
	struct db_param q[14];
	enum app_err e;

	(void)lock;
	*changed = 0;
	if (st->verdict == SV_RETRY)
		return APP_OK;
	if (st->verdict == SV_CREATE) {
		long long no = st->latest.version_no + 1;
		const char *sname =
		    summary_state_name(send ? SUMMARY_SKICKAD : SUMMARY_UTKAST);

		q[0] = DB_INT(pid);
		q[1] = DB_INT(no);
		q[2] = DB_STR(str_cstr(sname));
		parts_params(q + 3, in->parts);
		q[10] = DB_INT(r->user->id);
		q[11] = send ? DB_INT(r->user->id) : DB_NULL;
		q[12] = DB_STR(str_cstr(sname));
		q[13] = in->key.len ? DB_STR(in->key) : DB_NULL;
		if ((e = db_exec(r->db, r->a, DB_SUMMARY, SQL_SUM_INSERT, q, 14,
		         NULL)) != APP_OK)
			return e;
		/* The history of a correction says what it changed. */
		if ((e = history_field(r, HISTORY_PARTICIPATION, pid,
		         "summary_version", STR_LIT(""), num_str(r, no))) !=
		        APP_OK ||
		    (e = parts_history(r, pid,
		         st->latest.version_no ? st->latest.parts : none,
		         in->parts, changed)) != APP_OK)
			return e;
		*changed = 1;
	} else {
		if (!same_parts(in->parts, st->latest.parts)) {
			parts_params(q, in->parts);
			q[7] = DB_INT(r->user->id);
			q[8] = DB_INT(st->latest.id);
			q[9] = DB_INT(st->latest.version);
			if ((e = db_exec(r->db, r->a, DB_SUMMARY,
			         SQL_SUM_UPDATE, q, 10, NULL)) != APP_OK)
				return e;
			if (db_affected_rows(r->db) != 1)
				return APP_EDB;
			if ((e = parts_history(r, pid, st->latest.parts,
			         in->parts, changed)) != APP_OK)
				return e;
		}
		if (send) {
			q[0] = DB_INT(r->user->id);
			q[1] = DB_INT(st->latest.id);
			if ((e = db_exec(r->db, r->a, DB_SUMMARY, SQL_SUM_SEND,
			         q, 2, NULL)) != APP_OK)
				return e;
			if (db_affected_rows(r->db) != 1)
				return APP_EDB;
			*changed = 1;
		}
	}
	if (!send)
		return APP_OK;
	if ((e = history_field(r, HISTORY_PARTICIPATION, pid, "summary_state",
	         STR_LIT("utkast"), STR_LIT("skickad"))) != APP_OK)
		return e;
	/* The first send is the participation's summary_sent_at. */
	if (!st->plock.summary_sent) {
		q[0] = DB_INT(pid);
		if ((e = db_exec(r->db, r->a, DB_SUMMARY, SQL_SUM_FIRST_SENT, q,
		         1, NULL)) != APP_OK ||
		    (e = history_field(r, HISTORY_PARTICIPATION, pid,
		         "summary_sent_at", STR_LIT(""),
		         participation_ymd_str(r->a, participation_today()))) !=
		        APP_OK)
			return e;
	}
	return APP_OK;
}

static const struct edit_ops ssave_ops = { ssave_lock, ssave_save };

enum app_err
summary_save(struct req *r, const struct participation *p,
    const struct summary_input *in, struct summary_outcome *out)
{
	struct ssave st = { .p = p, .in = in };
	enum app_err e;

	memset(out, 0, sizeof(*out));
	if ((e = participation_edit_run(r, &ssave_ops, &st, p->id,
	         in->form_version,
	         in->action == SUMMARY_SEND ? "summary sent"
	                                    : "summary draft saved",
	         &out->result, &out->refused)) != APP_OK)
		return e;
	out->verdict = st.verdict;
	out->no_consent = st.no_consent;
	/* Something written: the audit row says so (edit_run() wrote it). */
	out->changed = out->result == EDIT_SAVED && st.verdict != SV_RETRY &&
	    (st.verdict == SV_CREATE || in->action == SUMMARY_SEND ||
	        !same_parts(in->parts, st.latest.parts));
	return APP_OK;
}
