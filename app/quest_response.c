/* quest_response.c: a questionnaire response and its answers; see
 * include/quest_response.h. */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "followup.h"
#include "form.h"
#include "quest.h"
#include "quest_code.h"
#include "quest_response.h"
#include "req.h"
#include "sql_quest.h"

/* ---- Records ---------------------------------------------------------- */

static const struct db_field quest_response_fields[] = {
	DB_FIELD(
	    quest_response, questionnaire_id, "questionnaire_id", DB_F_INT),
	DB_FIELD(quest_response, language, "language", DB_F_STR),
	DB_FIELD(quest_response, status_name, "status", DB_F_STR),
	DB_FIELD(quest_response, anonymity_name, "anonymity", DB_F_STR),
	DB_FIELD(quest_response, sitting, "sitting", DB_F_INT),
};
const struct db_record quest_response_record =
    DB_RECORD(quest_response, quest_response_fields);

static const struct db_field quest_response_ref_fields[] = {
	DB_FIELD(quest_response_ref, id, "id", DB_F_INT),
	DB_FIELD(quest_response_ref, status_name, "status", DB_F_STR),
};
const struct db_record quest_response_ref_record =
    DB_RECORD(quest_response_ref, quest_response_ref_fields);

static const struct db_field quest_response_brief_fields[] = {
	DB_FIELD(quest_response_brief, code, "code", DB_F_STR),
	DB_FIELD(
	    quest_response_brief, measurement_name, "measurement", DB_F_STR),
	DB_FIELD(quest_response_brief, status_name, "status", DB_F_STR),
	DB_FIELD(quest_response_brief, submitted, "submitted", DB_F_STR),
};
const struct db_record quest_response_brief_record =
    DB_RECORD(quest_response_brief, quest_response_brief_fields);

static const struct db_field quest_answer_fields[] = {
	DB_FIELD(quest_answer, value_int, "value_int", DB_F_INT),
	DB_FIELD(quest_answer, has_int, "has_int", DB_F_BOOL),
	DB_FIELD(quest_answer, value_text, "value_text", DB_F_STR),
	DB_FIELD(quest_answer, special_name, "special", DB_F_STR),
};
const struct db_record quest_answer_record =
    DB_RECORD(quest_answer, quest_answer_fields);

static const struct db_field quest_participation_fields[] = {
	DB_FIELD(quest_participation, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(quest_participation, personnummer, "personnummer", DB_F_STR),
	DB_FIELD(quest_participation, status, "status", DB_F_STR),
};
const struct db_record quest_participation_record =
    DB_RECORD(quest_participation, quest_participation_fields);

/* ---- Loading ---------------------------------------------------------- */

enum app_err
quest_response_get(struct db *db, struct arena *a, long long id,
    struct quest_response *out, int *found)
{
	struct db_param p[1] = { DB_INT(id) };
	enum app_err e;

	if ((e = db_load_one(db, a, DB_QUEST, SQL_QUEST_RESP_GET, p, 1, out,
	         found)) != APP_OK)
		return e;
	out->status = quest_status_from_name(out->status_name);
	return APP_OK;
}

enum app_err
quest_response_find_linked(struct db *db, struct arena *a,
    long long participation_id, enum quest_measurement m, long long qid,
    struct quest_response_ref *out, int *found)
{
	struct db_param p[3] = { DB_INT(participation_id),
		DB_STR(str_cstr(quest_measurement_name(m))), DB_INT(qid) };
	enum app_err e;

	if ((e = db_load_one(db, a, DB_QUEST, SQL_QUEST_RESP_FIND_LINKED, p, 3,
	         out, found)) != APP_OK)
		return e;
	out->status = quest_status_from_name(out->status_name);
	return APP_OK;
}

enum app_err
quest_participation_get(struct db *db, struct arena *a, long long id,
    struct quest_participation *out, int *found)
{
	struct db_param p[1] = { DB_INT(id) };

	return db_load_one(
	    db, a, DB_QUEST, SQL_QUEST_PARTICIPATION, p, 1, out, found);
}

enum app_err
quest_response_insert(struct db *db, struct arena *a, long long id,
    long long code_id, struct str lang)
{
	struct db_param p[3] = { DB_INT(id), DB_STR(lang), DB_INT(code_id) };
	enum app_err e;

	if ((e = db_exec(db, a, DB_QUEST, SQL_QUEST_RESP_INSERT, p, 3, NULL)) !=
	    APP_OK)
		return e;
	return db_affected_rows(db) == 1 ? APP_OK : APP_EDB;
}

enum app_err
quest_response_new_sitting(struct db *db, struct arena *a, long long id)
{
	struct db_param p[1] = { DB_INT(id) };

	return db_exec(db, a, DB_QUEST, SQL_QUEST_RESP_NEW_SITTING, p, 1, NULL);
}

enum app_err
quest_response_set_lang(
    struct db *db, struct arena *a, long long id, struct str lang)
{
	struct db_param p[2] = { DB_STR(lang), DB_INT(id) };

	return db_exec(db, a, DB_QUEST, SQL_QUEST_RESP_SET_LANG, p, 2, NULL);
}

/* ---- The sheet: where the answers being given live -------------------- */

enum app_err
quest_sheet_answers(struct db *db, struct arena *a, const struct quest_sheet *s,
    long long item, struct quest_answer **out, size_t *n)
{
	struct db_param p[3] = { DB_INT(s->owner), DB_INT(item),
		DB_INT(s->sitting) };

	return db_load(db, a, DB_QUEST,
	    s->draft ? SQL_QUEST_DRAFT_ANSWERS : SQL_QUEST_ANSWERS, p, 3,
	    (void **)out, n);
}

enum app_err
quest_sheet_answered(
    struct db *db, struct arena *a, const struct quest_sheet *s, long long *n)
{
	struct db_param p[1] = { DB_INT(s->owner) };
	struct quest_number num;
	int found;
	enum app_err e;

	if ((e = db_load_one(db, a, DB_QUEST,
	         s->draft ? SQL_QUEST_DRAFT_COUNT : SQL_QUEST_ANSWERED_COUNT, p,
	         1, &num, &found)) != APP_OK)
		return e;
	*n = num.n;
	return APP_OK;
}

enum app_err
quest_sheet_first_unanswered(struct db *db, struct arena *a,
    const struct quest_sheet *s, long long qid, long long *pos)
{
	struct db_param p[2];
	struct quest_number num;
	int found;
	enum app_err e;

	if (s->draft) {
		p[0] = DB_INT(qid);
		p[1] = DB_INT(s->owner);
		e = db_load_one(db, a, DB_QUEST,
		    SQL_QUEST_DRAFT_FIRST_UNANSWERED, p, 2, &num, &found);
	} else {
		p[0] = DB_INT(s->owner);
		e = db_load_one(db, a, DB_QUEST, SQL_QUEST_FIRST_UNANSWERED, p,
		    1, &num, &found);
	}
	if (e != APP_OK)
		return e;
	*pos = num.n;
	return APP_OK;
}

/* ---- Answering: the rules of one screen ------------------------------ */

int
quest_shown_has(const struct quest_shown *s, long long v)
{
	for (size_t i = 0; i < s->nints; i++)
		if (s->ints[i] == v)
			return 1;
	return 0;
}

void
quest_shown_from_answers(struct arena *a, enum quest_kind kind,
    const struct quest_answer *ans, size_t n, struct quest_shown *sh)
{
	for (size_t i = 0; i < n && sh->nints < QUEST_ANSWER_ROWS; i++) {
		if (ans[i].special_name.len)
			sh->special =
			    quest_special_from_name(ans[i].special_name);
		else if (ans[i].has_int)
			sh->ints[sh->nints++] = ans[i].value_int;
		if (kind == QK_FRITEXT)
			sh->text = ans[i].value_text;
		else if (kind == QK_VAS) {
			struct buf b;

			sh->text = STR_LIT("");
			buf_init(&b, a);
			if (ans[i].has_int &&
			    buf_printf(&b, "%lld", ans[i].value_int) == APP_OK)
				sh->text = buf_str(&b);
		}
	}
}

/* A non-negative decimal number of at most 4 digits, else -1. */
static long long
qr_small_int(struct str s)
{
	long long v = 0;

	s = str_trim_blanks(s);
	if (s.len == 0 || s.len > 4)
		return -1;
	for (size_t i = 0; i < s.len; i++) {
		if (s.p[i] < '0' || s.p[i] > '9')
			return -1;
		v = v * 10 + (s.p[i] - '0');
	}
	return v;
}

int
quest_answer_parse(struct arena *a, const struct quest_item_rec *item,
    const struct quest_option_rec *opts, size_t nopts,
    const struct kv_list *form, struct quest_answer_row *rows, size_t *nrows,
    struct quest_shown *sh)
{
	int multi = item->kind == QK_FLERVAL;

	*nrows = 0;
	for (size_t i = 0; i < form->n; i++) {
		struct str key = form->v[i].key, val = form->v[i].val;
		enum quest_special sp = quest_special_from_name(val);
		long long v;

		if (!str_eq_cstr(key, "svar") && !str_eq_cstr(key, "special"))
			continue;
		if (sp == QSPECIAL_VET_EJ || sp == QSPECIAL_EJ_AKTUELLT) {
			if ((sp == QSPECIAL_VET_EJ && !item->allow_vet_ej) ||
			    (sp == QSPECIAL_EJ_AKTUELLT &&
			        !item->allow_ej_aktuellt))
				return 0;
			sh->special = sp;
			rows[0] = (struct quest_answer_row){ -1, STR_NULL, sp };
			*nrows = 1;
			return 1; /* a special answer stands alone */
		}
		if (!str_eq_cstr(key, "svar"))
			return 0;
		if (item->kind == QK_FRITEXT) {
			struct str t = str_trim_blanks(val);
			/* Shown again with LF line breaks, as counted. */
			if ((sh->text = form_text_lf(a, val)).p == NULL)
				return 0;
			/* Characters as every limit counts them
			 * (form_text_chars()), not bytes. */
			if ((long long)form_text_chars(t) > item->max_length ||
			    str_has_nul(t))
				return 0;
			/* Stored with LF line breaks: as counted. */
			if (t.len > 0 && (t = form_text_lf(a, t)).p == NULL)
				return 0;
			if (t.len > 0) {
				rows[0] = (struct quest_answer_row){ -1, t,
					QSPECIAL_NONE };
				*nrows = 1;
			}
			continue;
		}
		if (item->kind == QK_VAS) {
			sh->text = val;
			if (str_trim_blanks(val).len == 0)
				continue;
			v = qr_small_int(val);
			if (v < 0 || v > 100)
				return 0;
			rows[0] = (struct quest_answer_row){ v, STR_NULL,
				QSPECIAL_NONE };
			*nrows = 1;
			continue;
		}
		v = qr_small_int(val);
		if (item->kind == QK_SKALA) {
			if (v < item->scale_min || v > item->scale_max ||
			    *nrows > 0)
				return 0;
			rows[0] = (struct quest_answer_row){ v, STR_NULL,
				QSPECIAL_NONE };
			*nrows = 1;
			sh->ints[0] = v;
			sh->nints = 1;
			continue;
		}
		/* enval / flerval: an option position */
		if (v < 1 || (size_t)v > nopts || (!multi && *nrows > 0) ||
		    *nrows >= QUEST_ANSWER_ROWS)
			return 0;
		int dup = 0;
		for (size_t j = 0; j < *nrows; j++)
			dup |= rows[j].vint == v;
		if (dup)
			continue;
		rows[*nrows] = (struct quest_answer_row){ v,
			opts[(size_t)v - 1].value, QSPECIAL_NONE };
		(*nrows)++;
		if (sh->nints < QUEST_ANSWER_ROWS)
			sh->ints[sh->nints++] = v;
	}
	return 1;
}

int
quest_text_too_long(const struct quest_item_rec *item, const struct str *svar)
{
	return svar != NULL && item->kind == QK_FRITEXT &&
	    (long long)form_text_chars(str_trim_blanks(*svar)) >
	    item->max_length;
}

enum quest_go
quest_go_from_form(const struct str *ga)
{
	if (ga != NULL && str_eq_cstr(*ga, "hoppa"))
		return QGO_SKIP;
	if (ga != NULL && str_eq_cstr(*ga, "tillbaka"))
		return QGO_BACK;
	return QGO_NEXT;
}

enum quest_step
quest_step_decide(enum quest_kind kind, enum quest_go go, int shown, int parsed,
    int too_long, size_t nrows)
{
	int clearable = shown && kind != QK_SKALA && kind != QK_ENVAL;

	if (go != QGO_SKIP && !parsed) {
		if (too_long)
			return QSTEP_TOO_LONG;
		if (go != QGO_BACK)
			return QSTEP_ERROR;
		return QSTEP_KEEP; /* going back: keep what is stored */
	}
	if (go == QGO_SKIP)
		return QSTEP_SKIP;
	if (nrows > 0)
		return QSTEP_REPLACE;
	if (clearable && go != QGO_BACK)
		return QSTEP_CLEAR;
	return QSTEP_KEEP;
}

/* ---- The key of a screen ---------------------------------------------- */

int
quest_key_from_form(const struct str *s, long long *key)
{
	long long v = 0;

	*key = QUEST_KEY_NONE;
	if (s == NULL)
		return 1;
	if (s->len == 0 || s->len > 9)
		return 0;
	for (size_t i = 0; i < s->len; i++) {
		if (s->p[i] < '0' || s->p[i] > '9')
			return 0;
		v = v * 10 + (s->p[i] - '0');
	}
	*key = v;
	return 1;
}

int
quest_key_current(long long given, long long current)
{
	return given == QUEST_KEY_NONE || given == current;
}

enum quest_key_state
quest_key_judge(long long given, long long current)
{
	if (quest_key_current(given, current))
		return QKEY_CURRENT;
	return given < current ? QKEY_STALE : QKEY_UNKNOWN;
}

/* 1 when stored answer a is row w. */
static int
qr_row_is(const struct quest_answer_row *w, const struct quest_answer *a)
{
	struct str vt = w->vtext.p ? w->vtext : STR_LIT("");
	const char *sp =
	    w->special != QSPECIAL_NONE ? quest_special_name(w->special) : "";

	if ((w->vint >= 0) != (a->has_int != 0))
		return 0;
	if (w->vint >= 0 && w->vint != a->value_int)
		return 0;
	return str_eq(vt, a->value_text) && str_eq_cstr(a->special_name, sp);
}

int
quest_rows_same(const struct quest_answer_row *rows, size_t nrows,
    const struct quest_answer *ans, size_t n)
{
	if (nrows != n)
		return 0;
	for (size_t i = 0; i < nrows; i++) {
		size_t j = 0;

		while (j < n && !qr_row_is(&rows[i], &ans[j]))
			j++;
		if (j == n)
			return 0;
	}
	return 1;
}

enum app_err
quest_screen_key(struct db *db, struct arena *a, long long code_id,
    long long item, long long *key)
{
	struct db_param p[2] = { DB_INT(code_id), DB_INT(item) };
	struct quest_number num;
	int found = 0;
	enum app_err e;

	if ((e = db_load_one(db, a, DB_QUEST, SQL_QUEST_SCREEN_KEY, p, 2, &num,
	         &found)) != APP_OK)
		return e;
	*key = found ? num.n : 0;
	return APP_OK;
}

/* ---- Transitions ------------------------------------------------------ */

/* The code row locked while dev holds it: *held 0 when it does not. */
static enum app_err
qr_lock_mine(struct db *db, struct arena *a, long long code_id, struct str dev,
    int *held)
{
	struct db_param p[2] = { DB_INT(code_id), DB_STR(dev) };
	struct quest_number id;

	return db_load_one(
	    db, a, DB_QUEST, SQL_QUEST_CODE_LOCK_MINE, p, 2, &id, held);
}

/*
 * The item's answers as sv's step says: the rows given stored over the
 * stored ones (REPLACE; a flerval item's rows past them go too), this
 * sitting's gone (CLEAR) or every sitting's gone (SKIP). One statement,
 * two for a flerval answer.
 */
static enum app_err
qr_write(struct db *db, struct arena *a, const struct quest_sheet *s,
    const struct quest_save *sv)
{
	const struct quest_answer_row *w = sv->rows;
	struct db_param p[6];
	long long kept = 1;
	enum app_err e;

	p[0] = DB_INT(s->owner);
	p[1] = DB_INT(sv->item);
	if (sv->step == QSTEP_CLEAR) {
		p[2] = DB_INT(s->sitting);
		return db_exec(db, a, DB_QUEST,
		    s->draft ? SQL_QUEST_DRAFT_CLEAR : SQL_QUEST_ANSWER_CLEAR,
		    p, 3, NULL);
	}
	if (sv->step == QSTEP_SKIP || sv->nrows == 0)
		return db_exec(db, a, DB_QUEST,
		    s->draft ? SQL_QUEST_DRAFT_DELETE : SQL_QUEST_ANSWER_DELETE,
		    p, 2, NULL);
	if (sv->multi && w[0].special == QSPECIAL_NONE) {
		/* The options chosen, by their positions. */
		struct buf pos;

		buf_init(&pos, a);
		for (size_t i = 0; i < sv->nrows; i++)
			if ((e = buf_printf(&pos, "%s%lld", i ? "," : "",
			         w[i].vint)) != APP_OK)
				return e;
		p[1] = DB_INT(s->sitting);
		p[2] = DB_INT(sv->item);
		p[3] = DB_STR(buf_str(&pos));
		kept = (long long)sv->nrows;
		e = db_exec(db, a, DB_QUEST,
		    s->draft ? SQL_QUEST_DRAFT_PUT_OPTIONS
		             : SQL_QUEST_ANSWER_PUT_OPTIONS,
		    p, 4, NULL);
	} else {
		p[2] = DB_INT(s->sitting);
		p[3] = w[0].vint >= 0 ? DB_INT(w[0].vint) : DB_NULL;
		p[4] = w[0].vtext.p ? DB_STR(w[0].vtext) : DB_NULL;
		p[5] = w[0].special != QSPECIAL_NONE
		    ? DB_STR(str_cstr(quest_special_name(w[0].special)))
		    : DB_NULL;
		e = db_exec(db, a, DB_QUEST,
		    s->draft ? SQL_QUEST_DRAFT_PUT : SQL_QUEST_ANSWER_PUT, p, 6,
		    NULL);
	}
	if (e != APP_OK || !sv->multi)
		return e;
	/* Fewer options than stored, or a special answer: the rest go. */
	p[0] = DB_INT(s->owner);
	p[1] = DB_INT(sv->item);
	p[2] = DB_INT(kept);
	return db_exec(db, a, DB_QUEST,
	    s->draft ? SQL_QUEST_DRAFT_SHRINK : SQL_QUEST_ANSWER_SHRINK, p, 3,
	    NULL);
}

/*
 * The save inside the transaction quest_sheet_save() began, with the
 * code row locked first (as before the claim): the device holds the
 * code, the key is judged against the screen's count read under the
 * lock. Commits what it writes (the device's mark too), else rolls
 * back.
 */
static enum app_err
qr_save_locked(struct db *db, struct arena *a, const struct quest_sheet *s,
    const struct quest_save *sv, enum quest_saved *out)
{
	struct db_param p[3];
	struct quest_number num;
	int held = 0;
	enum app_err e;

	/* The code row locked while dev holds it, and the screen's key read
	 * after the lock: no other save of this code runs now. */
	p[0] = DB_INT(sv->item);
	p[1] = DB_INT(sv->code_id);
	p[2] = DB_STR(sv->dev);
	if ((e = db_load_one(db, a, DB_QUEST, SQL_QUEST_CODE_LOCK_KEY, p, 3,
	         &num, &held)) != APP_OK)
		return e;
	if (!held) {
		*out = QSAVED_NOT_HELD;
		db_rollback(db);
		return APP_OK;
	}
	switch (quest_key_judge(sv->key, num.n)) {
	case QKEY_CURRENT:
		/* A code without its screen rows (taken before sql/0050):
		 * the row is made by the count. */
		p[0] = DB_INT(sv->code_id);
		p[1] = DB_INT(sv->item);
		if ((e = qr_write(db, a, s, sv)) != APP_OK ||
		    (e = db_exec(db, a, DB_QUEST, SQL_QUEST_SCREEN_SAVED, p, 2,
		         NULL)) != APP_OK)
			return e;
		break;
	case QKEY_UNKNOWN: *out = QSAVED_UNKNOWN; break;
	case QKEY_STALE: {
		/* Read under the lock: no save of this code runs meanwhile. */
		struct quest_answer *ans;
		size_t nans;

		if ((e = quest_sheet_answers(
		         db, a, s, sv->item, &ans, &nans)) != APP_OK)
			return e;
		*out = quest_rows_same(sv->rows,
		           sv->step == QSTEP_REPLACE ? sv->nrows : 0, ans, nans)
		    ? QSAVED_STALE
		    : QSAVED_CHANGED;
		break;
	}
	}
	/* Seen now, whether it wrote or not. */
	if ((e = quest_code_touch(db, a, sv->code_id)) != APP_OK)
		return e;
	return db_commit(db);
}

enum app_err
quest_sheet_save(struct db *db, struct arena *a, const struct quest_sheet *s,
    const struct quest_save *sv, enum quest_saved *out)
{
	struct db_param p[5];
	enum app_err e;

	*out = QSAVED_DONE;
	if (sv->step != QSTEP_SKIP && sv->step != QSTEP_REPLACE &&
	    sv->step != QSTEP_CLEAR) /* nothing to write: seen now */
		return quest_code_touch(db, a, sv->code_id);
	if ((e = db_begin(db)) != APP_OK)
		return e;
	if (quest_key_current(sv->key, sv->key_read)) {
		/* The claim: the code row locked (first, as the send locks
		 * it) and marked seen and the screen counted, only while dev
		 * holds the code and the key is current under the lock. */
		p[0] = DB_INT(sv->item);
		p[1] = DB_INT(sv->code_id);
		p[2] = DB_STR(sv->dev);
		p[3] = DB_INT(sv->key);
		p[4] = DB_INT(sv->key);
		if ((e = db_exec(db, a, DB_QUEST, SQL_QUEST_SCREEN_CLAIM, p, 5,
		         NULL)) != APP_OK)
			goto fail;
		if (db_affected_rows(db) > 0) {
			if ((e = qr_write(db, a, s, sv)) != APP_OK ||
			    (e = db_commit(db)) != APP_OK)
				goto fail;
			return APP_OK;
		}
	}
	if ((e = qr_save_locked(db, a, s, sv, out)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	db_rollback(db);
	return e;
}

enum app_err
quest_response_send(struct req *r, const struct quest_code *c, struct str dev,
    struct str lang, int *sent)
{
	long long rid = c->response_id;
	struct db_param p[2];
	enum app_err e;

	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = qr_lock_mine(r->db, r->a, c->id, dev, sent)) != APP_OK)
		goto fail;
	if (!*sent) { /* a parallel send won */
		db_rollback(r->db);
		return APP_OK;
	}
	if (c->anonymity == QANON_ANONYM) {
		/* Only now a response, with a random id and the date only:
		 * nothing in it says when the code was typed or which. */
		rid = quest_random_id();
		if ((e = quest_response_insert(
		         r->db, r->a, rid, c->id, lang)) != APP_OK)
			goto fail;
		p[0] = DB_INT(rid);
		p[1] = DB_INT(c->id);
		if ((e = db_exec(r->db, r->a, DB_QUEST, SQL_QUEST_DRAFT_MOVE, p,
		         2, NULL)) != APP_OK)
			goto fail;
	}
	p[0] = DB_INT(rid);
	if ((e = db_exec(r->db, r->a, DB_QUEST, SQL_QUEST_RESP_SUBMIT, p, 1,
	         NULL)) != APP_OK)
		goto fail;
	/* The follow-up questionnaire's answer is the follow-up (followup.h),
	 * read while the code still says who opened it. */
	if (c->measurement == QMEAS_UPPFOLJNING && c->participation_id > 0) {
		int written = 0;
		if ((e = followup_from_tablet(r, c->participation_id, rid,
		         c->id, &written)) != APP_OK)
			goto fail;
	}
	/* The code is consumed (its draft rows go with it): nothing links
	 * the response to it any more. */
	p[0] = DB_INT(c->id);
	if ((e = db_exec(r->db, r->a, DB_QUEST, SQL_QUEST_CODE_DELETE, p, 1,
	         NULL)) != APP_OK)
		goto fail;
	/* The log row's förbund is the response's (sql/0072): the kiosk's
	 * request has none of its own. */
	if (c->participation_id > 0) {
		struct quest_number owner = { 0 };
		struct buf d;
		int found;

		p[0] = DB_INT(rid);
		if ((e = db_load_one(r->db, r->a, DB_QUEST,
		         SQL_QUEST_RESP_FORBUND, p, 1, &owner, &found)) !=
		    APP_OK)
			goto fail;
		buf_init(&d, r->a);
		if ((e = buf_printf(&d,
		         "questionnaire response %lld (%.*s) sent for "
		         "participation %lld",
		         rid, (int)c->measurement_name.len,
		         c->measurement_name.p, c->participation_id)) !=
		        APP_OK ||
		    (e = audit_write_anonymous(r, owner.n, STR_LIT("deltagare"),
		         AUDIT_UPDATE, buf_str(&d))) != APP_OK)
			goto fail;
	}
	if ((e = db_commit(r->db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	db_rollback(r->db);
	return e;
}
