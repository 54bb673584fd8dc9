/* quest_code.c: the questionnaires' one-time codes; see
 * include/quest_code.h. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "app_limits.h"
#include "arena.h"
#include "audit.h"
#include "db.h"
#include "log.h"
#include "quest.h"
#include "quest_code.h"
#include "quest_response.h"
#include "req.h"
#include "session.h"
#include "sql_quest.h"

static const struct db_field quest_code_fields[] = {
	DB_FIELD(quest_code, id, "id", DB_F_INT),
	DB_FIELD(quest_code, kind_name, "kind", DB_F_STR),
	DB_FIELD(quest_code, questionnaire_id, "questionnaire_id", DB_F_INT),
	DB_FIELD(quest_code, response_id, "response_id", DB_F_INT),
	DB_FIELD(quest_code, participation_id, "participation_id", DB_F_INT),
	DB_FIELD(quest_code, measurement_name, "measurement", DB_F_STR),
	DB_FIELD(quest_code, insats_id, "insats_id", DB_F_INT),
	DB_FIELD(quest_code, expired, "expired", DB_F_BOOL),
	DB_FIELD(quest_code, held, "held", DB_F_BOOL),
	DB_FIELD(quest_code, language, "language", DB_F_STR),
	DB_FIELD(quest_code, sitting, "sitting", DB_F_INT),
	DB_FIELD(quest_code, anonymity_name, "anonymity", DB_F_STR),
};
const struct db_record quest_code_record =
    DB_RECORD(quest_code, quest_code_fields);

static void
qc_names(struct quest_code *c)
{
	c->kind = quest_code_kind_from_name(c->kind_name);
	c->measurement = quest_measurement_from_name(c->measurement_name);
	c->anonymity = quest_anonymity_from_name(c->anonymity_name);
}

/* Statement q (a code by hash or device) with key; the idle times first. */
static enum app_err
qc_load(struct db *db, struct arena *a, unsigned q, struct str key,
    struct quest_code *out, int *found)
{
	struct db_param p[3] = { DB_INT(QUEST_LINK_IDLE_SECONDS),
		DB_INT(QUEST_IDLE_SECONDS), DB_STR(key) };
	enum app_err e;

	if ((e = db_load_one(db, a, DB_QUEST, q, p, 3, out, found)) != APP_OK)
		return e;
	qc_names(out);
	return APP_OK;
}

struct str
quest_code_hash(struct arena *a, struct str token)
{
	unsigned char *h = arena_alloc(a, 32);

	if (h == NULL)
		return STR_NULL;
	session_token_hash(token, h);
	return (struct str){ (const char *)h, 32 };
}

enum app_err
quest_code_by_device(struct db *db, struct arena *a, struct str dev,
    struct quest_code *out, int *found)
{
	return qc_load(db, a, SQL_QUEST_CODE_BY_DEVICE, dev, out, found);
}

enum app_err
quest_code_by_hash(struct db *db, struct arena *a, struct str hash,
    struct quest_code *out, int *found)
{
	return qc_load(db, a, SQL_QUEST_CODE_BY_HASH, hash, out, found);
}

enum app_err
quest_code_touch(struct db *db, struct arena *a, long long code_id)
{
	struct db_param p[1] = { DB_INT(code_id) };

	return db_exec(db, a, DB_QUEST, SQL_QUEST_CODE_TOUCH, p, 1, NULL);
}

enum app_err
quest_code_unbind(struct db *db, struct arena *a, struct str dev)
{
	struct db_param p[1] = { DB_STR(dev) };

	return db_exec(db, a, DB_QUEST, SQL_QUEST_CODE_UNBIND, p, 1, NULL);
}

enum app_err
quest_code_release(struct db *db, struct arena *a, long long code_id,
    long long participation_id, int *released)
{
	struct db_param p[2] = { DB_INT(code_id), DB_INT(participation_id) };
	enum app_err e;

	*released = 0;
	if ((e = db_exec(db, a, DB_QUEST, SQL_QUEST_CODE_RELEASE, p, 2,
	         NULL)) != APP_OK)
		return e;
	*released = db_affected_rows(db) == 1;
	return APP_OK;
}

enum app_err
quest_code_release_anonymous(struct db *db, struct arena *a, struct str typed,
    long long insats_id, int *shape_ok, int *released)
{
	struct quest_code c;
	struct db_param p[2];
	struct str hash;
	char digits[9];
	int found = 0;
	enum app_err e;

	*released = 0;
	if (!(*shape_ok = quest_code_digits(typed, digits)))
		return APP_OK;
	if ((hash = quest_code_hash(a, str_cstr(digits))).p == NULL)
		return APP_ENOMEM;
	if ((e = quest_code_by_hash(db, a, hash, &c, &found)) != APP_OK)
		return e;
	if (!found || c.kind != QCODE_SURFPLATTA ||
	    c.anonymity != QANON_ANONYM || c.participation_id != 0)
		return APP_OK;
	p[0] = DB_INT(c.id);
	p[1] = DB_INT(insats_id);
	if ((e = db_exec(db, a, DB_QUEST, SQL_QUEST_CODE_RELEASE_ANON, p, 2,
	         NULL)) != APP_OK)
		return e;
	*released = db_affected_rows(db) == 1;
	return APP_OK;
}

enum app_err
quest_code_set_lang(
    struct db *db, struct arena *a, long long code_id, struct str lang)
{
	struct db_param p[2] = { DB_STR(lang), DB_INT(code_id) };

	return db_exec(db, a, DB_QUEST, SQL_QUEST_CODE_SET_LANG, p, 2, NULL);
}

enum app_err
quest_code_use(struct db *db, struct arena *a, struct str hash,
    enum quest_code_kind want, struct str old_dev, struct str dev,
    struct quest_code *c, enum quest_code_check *check)
{
	int found = 0, mine = 0;
	enum app_err e;

	if ((e = db_begin(db)) != APP_OK)
		return e;
	if ((e = qc_load(db, a, SQL_QUEST_CODE_BY_HASH_LOCK, hash, c,
	         &found)) != APP_OK)
		goto fail;
	if (found && c->kind == want && !c->expired && c->held &&
	    old_dev.p != NULL) {
		/* Held by a device seen lately: unless it is this one, no. */
		struct quest_code held;
		int h = 0;

		if ((e = quest_code_by_device(db, a, old_dev, &held, &h)) !=
		    APP_OK)
			goto fail;
		mine = h && held.id == c->id;
	}
	*check =
	    quest_code_check(found, c->kind, want, c->expired, c->held, mine);
	if (*check != QCHECK_OK) {
		db_rollback(db);
		return APP_OK;
	}
	if (c->anonymity != QANON_ANONYM) {
		if (c->response_id == 0) {
			/* A linked measurement: its response from the start,
			 * with a random id like every response. */
			c->response_id = quest_random_id();
			if ((e = quest_response_insert(db, a, c->response_id,
			         c->id, STR_LIT(""))) != APP_OK)
				goto fail;
		} else {
			struct quest_response resp;
			int rf = 0;

			if ((e = quest_response_get(
			         db, a, c->response_id, &resp, &rf)) != APP_OK)
				goto fail;
			c->language = rf ? resp.language : STR_LIT("");
		}
		/* A new sitting of the response: what was answered before
		 * is kept and counted but not shown again. */
		if ((e = quest_response_new_sitting(db, a, c->response_id)) !=
		    APP_OK)
			goto fail;
	}
	{
		struct db_param p[3] = { DB_STR(dev),
			c->anonymity == QANON_ANONYM ? DB_NULL
			                             : DB_INT(c->response_id),
			DB_INT(c->id) };

		if ((e = db_exec(db, a, DB_QUEST, SQL_QUEST_CODE_BIND, p, 3,
		         NULL)) != APP_OK)
			goto fail;
		/* A screen row for every item, so that a save counts its
		 * screen in the UPDATE that locks the code
		 * (quest_sheet_save()); rows there already keep their
		 * count. */
		p[0] = DB_INT(c->id);
		p[1] = DB_INT(c->questionnaire_id);
		if ((e = db_exec(db, a, DB_QUEST, SQL_QUEST_SCREEN_OPEN, p, 2,
		         NULL)) != APP_OK)
			goto fail;
	}
	if ((e = db_commit(db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	db_rollback(db);
	return e;
}

/* 64 random hex characters (arena). */
static struct str
qc_random_hex(struct arena *a)
{
	unsigned char raw[32];
	char *hex = arena_alloc(a, sizeof(raw) * 2 + 1);

	if (hex == NULL)
		return STR_NULL;
	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(hex, sizeof(raw) * 2 + 1, raw, sizeof(raw));
	sodium_memzero(raw, sizeof(raw));
	return (struct str){ hex, sizeof(raw) * 2 };
}

enum app_err
quest_code_create(struct db *db, struct arena *a, enum quest_code_kind kind,
    long long qid, long long resp_id, long long participation_id,
    enum quest_measurement measurement, long long insats_id,
    long long created_by, struct str *code)
{
	int link = kind == QCODE_LANK;
	struct db_param p[9];
	enum app_err e = APP_EDUP;

	for (int tries = 0; tries < 8 && e == APP_EDUP; tries++) {
		if (link)
			*code = qc_random_hex(a);
		else {
			char *c = arena_alloc(a, 9);
			if (c == NULL)
				return APP_ENOMEM;
			snprintf(c, 9, "%08u", randombytes_uniform(100000000u));
			*code = (struct str){ c, 8 };
		}
		if (code->p == NULL)
			return APP_ENOMEM;
		p[0] = DB_STR(quest_code_hash(a, *code));
		p[1] = DB_STR(str_cstr(quest_code_kind_name(kind)));
		p[2] = DB_INT(qid);
		p[3] = resp_id > 0 ? DB_INT(resp_id) : DB_NULL;
		p[4] =
		    participation_id > 0 ? DB_INT(participation_id) : DB_NULL;
		p[5] = measurement != QMEAS_NONE && measurement < QMEAS__MAX
		    ? DB_STR(str_cstr(quest_measurement_name(measurement)))
		    : DB_NULL;
		p[6] = insats_id > 0 ? DB_INT(insats_id) : DB_NULL;
		p[7] = DB_INT(link ? QUEST_LINK_MINUTES : QUEST_CODE_MINUTES);
		p[8] = created_by > 0 ? DB_INT(created_by) : DB_NULL;
		if (p[0].s.p == NULL)
			return APP_ENOMEM;
		e = db_exec(db, a, DB_QUEST, SQL_QUEST_CODE_INSERT, p, 9, NULL);
	}
	return e;
}

enum app_err
quest_code_open_for(struct req *r, const struct quest_info *def,
    long long participation_id, struct str personnummer, long long insats_id,
    enum quest_measurement measurement, long long resp_id, struct str *code)
{
	int linked = def->anonymity == QANON_KOPPLAD;
	const char *meas = linked ? quest_measurement_name(measurement) : "";
	struct buf detail;
	enum app_err e;

	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	/* One code per measurement: a new one replaces the old. */
	if (linked) {
		struct db_param p[2] = { DB_INT(participation_id),
			DB_STR(str_cstr(meas)) };
		if ((e = db_exec(r->db, r->a, DB_QUEST,
		         SQL_QUEST_CODE_DELETE_FOR, p, 2, NULL)) != APP_OK)
			goto fail;
	}
	if ((e = db_exec(r->db, r->a, DB_QUEST, SQL_QUEST_CODE_SWEEP, NULL, 0,
	         NULL)) != APP_OK ||
	    (e = quest_code_create(r->db, r->a, QCODE_SURFPLATTA, def->id,
	         resp_id, linked ? participation_id : 0,
	         linked ? measurement : QMEAS_NONE, insats_id,
	         r->user != NULL ? r->user->id : 0, code)) != APP_OK)
		goto fail;
	/* An anonymous questionnaire's code is not tied to the person in the
	 * log either: only the insats and the questionnaire. */
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "questionnaire code: %.*s %s",
	         (int)def->code.len, def->code.p, meas)) != APP_OK ||
	    (e = audit_write(r, AUDIT_CREATE,
	         linked ? "participation" : "questionnaire_code",
	         linked ? participation_id : insats_id,
	         linked ? personnummer : STR_LIT(""), buf_str(&detail))) !=
	        APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	return APP_OK;
fail:
	db_rollback(r->db);
	return e;
}

enum app_err
quest_code_links(struct req *r, long long qid, long long n, struct str **tokens)
{
	struct buf d;
	enum app_err e;

	if (n < 1 ||
	    (*tokens = arena_calloc(r->a, (size_t)n, sizeof(**tokens))) == NULL)
		return n < 1 ? APP_EINPUT : APP_ENOMEM;
	for (long long i = 0; i < n; i++)
		if ((e = quest_code_create(r->db, r->a, QCODE_LANK, qid, 0, 0,
		         QMEAS_NONE, 0, 0, &(*tokens)[i])) != APP_OK)
			return e;
	buf_init(&d, r->a);
	if ((e = buf_printf(&d, "%lld personal questionnaire links", n)) !=
	    APP_OK)
		return e;
	return audit_write(
	    r, AUDIT_ADMIN, "questionnaire", qid, STR_LIT(""), buf_str(&d));
}

enum app_err
quest_code_attempt(struct db *db, struct arena *a, struct str addr,
    long long *id, int *too_many)
{
	char key[64];
	struct db_param p[2];
	struct quest_number mine, all;
	int found;
	enum app_err e;

	*too_many = 0;
	quest_addr_key(addr, key, sizeof(key));
	p[0] = DB_STR(str_cstr(key));
	if ((e = db_exec(db, a, DB_QUEST, SQL_QUEST_FAIL_INSERT, p, 1, NULL)) !=
	    APP_OK)
		return e;
	*id = (long long)db_insert_id(db);
	p[1] = DB_INT(QUEST_FAIL_WINDOW_MIN);
	if ((e = db_load_one(db, a, DB_QUEST, SQL_QUEST_FAIL_COUNT, p, 2, &mine,
	         &found)) != APP_OK ||
	    (e = db_load_one(db, a, DB_QUEST, SQL_QUEST_FAIL_COUNT_ALL, NULL, 0,
	         &all, &found)) != APP_OK)
		return e;
	if (quest_code_attempts_over(mine.n, 0))
		*too_many = 1;
	if (quest_code_attempts_over(0, all.n)) {
		log_warn("questionnaire codes: %lld wrong codes in the last "
		         "minute, every code refused",
		    all.n);
		*too_many = 1;
	}
	p[0] = DB_INT(QUEST_FAIL_WINDOW_MIN * 4);
	return db_exec(db, a, DB_QUEST, SQL_QUEST_FAIL_SWEEP, p, 1, NULL);
}

enum app_err
quest_code_attempt_forget(struct db *db, struct arena *a, long long id)
{
	struct db_param p[1] = { DB_INT(id) };

	return db_exec(db, a, DB_QUEST, SQL_QUEST_FAIL_DELETE, p, 1, NULL);
}
