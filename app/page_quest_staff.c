/* page_quest_staff.c: the staff's side of the questionnaires: a code for a
 * participation, the admin page; see include/page_quest.h. */
#include <stdio.h>
#include <string.h>

#include <sodium.h>

#include "access.h"
#include "app_limits.h"
#include "arena.h"
#include "audit.h"
#include "conf.h"
#include "db.h"
#include "form.h"
#include "form_registry.h"
#include "page_quest.h"
#include "pages.h"
#include "quest.h"
#include "quest_xml.h"
#include "req.h"
#include "session.h"
#include "sql_quest.h"
#include "view.h"

static enum app_err
sq(struct req *r, unsigned q, const struct db_param *p, size_t n,
    struct db_rows *out)
{
	return db_exec(r->db, r->a, DB_QUEST, q, p, n, out);
}

static struct str
sq_hash(struct req *r, struct str token)
{
	unsigned char *h = arena_alloc(r->a, 32);

	if (h == NULL)
		return STR_NULL;
	session_token_hash(token, h);
	return (struct str){ (const char *)h, 32 };
}

/* ---- The participation page ------------------------------------------ */

static const char *
sq_measurement_label(int slut)
{
	return slut ? "Slutmätning" : "Startmätning";
}

enum app_err
quest_bind_participation(
    struct req *r, struct view_ctx *ctx, long long participation_id)
{
	struct db_param p[1] = { DB_INT(participation_id) };
	struct db_rows defs, resp, codes;
	enum app_err e;

	if ((e = sq(r, SQL_QUEST_DEF_FOR_PARTICIPANTS, NULL, 0, &defs)) !=
	        APP_OK ||
	    (e = sq(r, SQL_QUEST_RESP_FOR_PARTICIPATION, p, 1, &resp)) !=
	        APP_OK ||
	    (e = sq(r, SQL_QUEST_CODES_OPEN, p, 1, &codes)) != APP_OK)
		return e;
	if ((e = view_ctx_set_list(ctx, "enkater")) != APP_OK)
		return e;
	for (size_t i = 0; i < defs.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "enkater");
		int linked = str_eq_cstr(db_cell(&defs, i, 3), "kopplad");

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "qid", db_cell(&defs, i, 0))) !=
		        APP_OK ||
		    (e = view_ctx_set_str(
		         it, "qtitle", db_cell(&defs, i, 2))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "kopplad", linked)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "anonym", !linked)) != APP_OK ||
		    (e = view_ctx_set_list(it, "matningar")) != APP_OK)
			return e;
		for (int m = 0; linked && m < 2; m++) {
			struct view_ctx *mi =
			    view_ctx_list_add(it, "matningar");
			const char *mv = m ? "slut" : "start";
			const char *state = "Ej besvarad";
			struct str date = STR_LIT("");
			int done = 0;

			if (mi == NULL)
				return APP_ENOMEM;
			for (size_t j = 0; j < resp.nrows; j++)
				if (str_eq(db_cell(&resp, j, 0),
				        db_cell(&defs, i, 1)) &&
				    str_eq_cstr(db_cell(&resp, j, 1), mv)) {
					done = str_eq_cstr(
					    db_cell(&resp, j, 2), "inskickad");
					state = done ? "Besvarad" : "Påbörjad";
					date = db_cell(&resp, j, 3);
				}
			for (size_t j = 0; !done && j < codes.nrows; j++)
				if (str_eq_cstr(db_cell(&codes, j, 0), mv) &&
				    str_eq_cstr(STR_LIT("Ej besvarad"), state))
					state = "Kod utlämnad, ej besvarad";
			if ((e = view_ctx_set_cstr(mi, "mvalue", mv)) !=
			        APP_OK ||
			    (e = view_ctx_set_cstr(mi, "mlabel",
			         sq_measurement_label(m))) != APP_OK ||
			    (e = view_ctx_set_cstr(mi, "mstate", state)) !=
			        APP_OK ||
			    (e = view_ctx_set_str(mi, "mdate", date)) !=
			        APP_OK ||
			    (e = view_ctx_set_bool(mi, "can_open", !done)) !=
			        APP_OK)
				return e;
		}
	}
	return APP_OK;
}

/* A new code: 8 digits for a tablet, 64 hex characters for a link. The
 * code itself is returned once (arena) and only its hash is stored. */
static enum app_err
sq_code_create(struct req *r, int link, long long qid, long long resp_id,
    long long participation_id, struct str measurement, long long insats_id,
    struct str *code)
{
	struct db_param p[8];
	enum app_err e = APP_EDUP;

	for (int tries = 0; tries < 8 && e == APP_EDUP; tries++) {
		if (link)
			*code = session_random_hex(r, 32);
		else {
			char *c = arena_alloc(r->a, 9);
			if (c == NULL)
				return APP_ENOMEM;
			snprintf(c, 9, "%08u", randombytes_uniform(100000000u));
			*code = (struct str){ c, 8 };
		}
		if (code->p == NULL)
			return APP_ENOMEM;
		p[0] = DB_STR(sq_hash(r, *code));
		p[1] = DB_STR(link ? STR_LIT("lank") : STR_LIT("surfplatta"));
		p[2] = DB_INT(qid);
		p[3] = resp_id > 0 ? DB_INT(resp_id) : DB_NULL;
		p[4] =
		    participation_id > 0 ? DB_INT(participation_id) : DB_NULL;
		p[5] = measurement.len ? DB_STR(measurement) : DB_NULL;
		p[6] = insats_id > 0 ? DB_INT(insats_id) : DB_NULL;
		p[7] = DB_INT(link ? QUEST_LINK_MINUTES : QUEST_CODE_MINUTES);
		if (p[0].s.p == NULL)
			return APP_ENOMEM;
		e = sq(r, SQL_QUEST_CODE_INSERT, p, 8, NULL);
	}
	return e;
}

static enum app_err
sq_error(struct req *r, int status, const char *msg, long long pid)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	r->resp.status = status;
	if ((e = view_ctx_set_cstr(ctx, "error", msg)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "pid", pid)) != APP_OK)
		return e;
	return page_render(r, "enkat_kod", "Enkät", ctx);
}

enum app_err
page_participation_quest(struct req *r)
{
	const struct str *qs = req_form(r, "enkat");
	const struct str *ms = req_form(r, "matning");
	struct str meas = STR_LIT(""), code;
	struct db_param p[3];
	struct db_rows def, part, rows;
	struct view_ctx *ctx;
	long long pid, qid, resp_id = 0, insats;
	unsigned via = 0;
	int linked;
	struct buf shown, detail;
	enum app_err e;

	if ((e = req_param_id(r, &pid)) != APP_OK)
		return e;
	if ((e = access_participation(r, pid, &via)) != APP_OK)
		return e;
	if (!(via & ACCESS_INSATS))
		return APP_ENOTFOUND;
	qid = qs ? str_to_ll(*qs) : 0;
	p[0] = DB_INT(qid);
	if (qid <= 0 || (e = sq(r, SQL_QUEST_DEF_GET, p, 1, &def)) != APP_OK ||
	    def.nrows != 1 || !str_eq_cstr(db_cell(&def, 0, 5), "1") ||
	    !str_has_prefix(db_cell(&def, 0, 3), "deltagare"))
		return e != APP_OK
		    ? e
		    : sq_error(r, 400,
		          "Enkäten finns inte eller används inte "
		          "längre. Ladda om sidan.",
		          pid);
	linked = str_eq_cstr(db_cell(&def, 0, 4), "kopplad");
	p[0] = DB_INT(pid);
	if ((e = sq(r, SQL_QUEST_PARTICIPATION, p, 1, &part)) != APP_OK)
		return e;
	if (part.nrows != 1)
		return APP_ENOTFOUND;
	insats = str_to_ll(db_cell(&part, 0, 0));
	if (linked) {
		if (ms == NULL ||
		    (!str_eq_cstr(*ms, "start") && !str_eq_cstr(*ms, "slut")))
			return sq_error(r, 400,
			    "Välj startmätning eller slutmätning.", pid);
		meas = *ms;
		p[0] = DB_INT(pid);
		p[1] = DB_STR(meas);
		p[2] = DB_INT(qid);
		if ((e = sq(r, SQL_QUEST_RESP_FIND_LINKED, p, 3, &rows)) !=
		    APP_OK)
			return e;
		if (rows.nrows == 1 &&
		    str_eq_cstr(db_cell(&rows, 0, 1), "inskickad"))
			return sq_error(r, 409,
			    "Mätningen är redan besvarad och kan inte göras om.",
			    pid);
		if (rows.nrows == 1)
			resp_id = str_to_ll(db_cell(&rows, 0, 0));
	}
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	/* One code per measurement: a new one replaces the old. */
	if (linked) {
		p[0] = DB_INT(pid);
		p[1] = DB_STR(meas);
		if ((e = sq(r, SQL_QUEST_CODE_DELETE_FOR, p, 2, NULL)) !=
		    APP_OK)
			goto fail;
	}
	if ((e = sq(r, SQL_QUEST_CODE_SWEEP, NULL, 0, NULL)) != APP_OK ||
	    (e = sq_code_create(r, 0, qid, resp_id, linked ? pid : 0, meas,
	         insats, &code)) != APP_OK)
		goto fail;
	/* An anonymous questionnaire's code is not tied to the person in the
	 * log either: only the insats and the questionnaire. */
	buf_init(&detail, r->a);
	if ((e = buf_printf(&detail, "questionnaire code: %.*s %.*s",
	         (int)db_cell(&def, 0, 0).len, db_cell(&def, 0, 0).p,
	         (int)meas.len, meas.p)) != APP_OK ||
	    (e = audit_write(r, AUDIT_CREATE,
	         linked ? "participation" : "questionnaire_code",
	         linked ? pid : insats,
	         linked ? db_cell(&part, 0, 1) : STR_LIT(""),
	         buf_str(&detail))) != APP_OK ||
	    (e = db_commit(r->db)) != APP_OK)
		goto fail;
	buf_init(&shown, r->a);
	if ((e = buf_printf(&shown, "%.4s %.4s", code.p, code.p + 4)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = kiosk_csrf_bind(r, ctx)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "code", code)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "code_shown", buf_str(&shown))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "qtitle", db_cell(&def, 0, 2))) !=
	        APP_OK ||
	    (e = view_ctx_set_int(ctx, "pid", pid)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "days", QUEST_CODE_MINUTES / 1440)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "anonym", !linked)) != APP_OK ||
	    (linked &&
	        (e = view_ctx_set_cstr(ctx, "mlabel",
	             sq_measurement_label(
	                 meas.p[0] == 's' && meas.p[1] == 'l'))) != APP_OK))
		return e;
	return page_render(r, "enkat_kod", "Enkätkod", ctx);
fail:
	db_rollback(r->db);
	return e;
}

/* ---- Admin: definitions and personal links --------------------------- */

static struct quest_schema *sq_schema; /* worker lifetime */

static enum app_err
sq_schema_get(struct req *r, const struct quest_schema **out)
{
	char path[1024], err[512];

	if (sq_schema == NULL) {
		if (!quest_schema_path(r->conf->views, path, sizeof(path)))
			return APP_EIO;
		if (quest_schema_load(path, &sq_schema, err, sizeof(err)) !=
		    APP_OK)
			return APP_EIO;
	}
	*out = sq_schema;
	return APP_OK;
}

/* The import: a definition pasted whole. Longer ones are loaded with
 * `stegvis questionnaire-import` (up to QUEST_MAX_XML bytes). */
static const struct field_spec sq_import_spec[1] = {
	{ "xml", FT_TEXT, 1, 65000, FF_REQUIRED | FF_MULTILINE, NULL },
};

static enum app_err
sq_admin_render(struct req *r, const char *error, const char *notice,
    struct str xml, struct view_ctx *ctx)
{
	struct db_rows rows;
	enum app_err e;

	if (ctx == NULL && (ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = sq(r, SQL_QUEST_DEF_LIST, NULL, 0, &rows)) != APP_OK)
		return e;
	if ((e = view_ctx_set_list(ctx, "defs")) != APP_OK ||
	    (e = page_form_limits(r, ctx, sq_import_spec, 1)) != APP_OK ||
	    (e = page_form_error(ctx, "import_error", error)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", notice)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "xml", xml)) != APP_OK)
		return e;
	for (size_t i = 0; i < rows.nrows; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "defs");
		static const char *const keys[] = { "qid", "code", "version",
			"qtitle", "group", "anonymity", NULL, NULL, "imported",
			"langs", "items", "answers" };
		struct str grp = db_cell(&rows, i, 4);

		if (it == NULL)
			return APP_ENOMEM;
		for (size_t c = 0; c < sizeof(keys) / sizeof(keys[0]); c++)
			if (keys[c] != NULL &&
			    (e = view_ctx_set_str(
			         it, keys[c], db_cell(&rows, i, c))) != APP_OK)
				return e;
		if ((e = view_ctx_set_bool(it, "active",
		         str_eq_cstr(db_cell(&rows, i, 6), "1"))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "example",
		         str_eq_cstr(db_cell(&rows, i, 7), "1"))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "links",
		         str_eq_cstr(db_cell(&rows, i, 6), "1") &&
		             !str_has_prefix(grp, "deltagare"))) != APP_OK)
			return e;
	}
	return page_render(r, "admin_enkater", "Enkäter", ctx);
}

enum app_err
page_admin_quests(struct req *r)
{
	return sq_admin_render(r, NULL, NULL, STR_LIT(""), NULL);
}

enum app_err
page_admin_quest_import(struct req *r)
{
	const struct str *xml = req_form(r, "xml");
	const struct quest_schema *schema;
	struct quest_def d;
	struct field_val fv[1];
	enum quest_store_result res;
	long long id = 0;
	size_t nerr;
	char err[1024];
	struct buf msg;
	enum app_err e;

	if ((e = form_validate(r->a, &r->form, sq_import_spec, 1, fv, &nerr)) !=
	    APP_OK)
		return e;
	if (xml == NULL || !fv[0].present) {
		r->resp.status = 400;
		return sq_admin_render(r, "Klistra in enkätens XML i fältet.",
		    NULL, STR_LIT(""), NULL);
	}
	if (nerr > 0) {
		r->resp.status = 400;
		return sq_admin_render(r, fv[0].error, NULL, fv[0].s, NULL);
	}
	if ((e = sq_schema_get(r, &schema)) != APP_OK)
		return e;
	if (quest_parse(r->a, *xml, schema, &d, err, sizeof(err)) != APP_OK) {
		r->resp.status = 400;
		return sq_admin_render(
		    r, str_dup_cstr(r->a, str_cstr(err)), NULL, *xml, NULL);
	}
	e = quest_store(r->db, r->a, &d, *xml, r->user->username, &id, &res,
	    err, sizeof(err));
	if (e == APP_EDUP) {
		r->resp.status = 400;
		return sq_admin_render(
		    r, str_dup_cstr(r->a, str_cstr(err)), NULL, *xml, NULL);
	}
	if (e != APP_OK)
		return e;
	buf_init(&msg, r->a);
	if ((e = buf_printf(&msg, "%s version %ld %s.", d.code, d.version,
	         res == QUEST_STORED ? "är inläst"
	                             : "fanns redan, oförändrad")) != APP_OK ||
	    (e = audit_write(r, AUDIT_ADMIN, "questionnaire", id, STR_LIT(""),
	         buf_str(&msg))) != APP_OK)
		return e;
	return sq_admin_render(r, NULL, msg.p, STR_LIT(""), NULL);
}

enum app_err
page_admin_quest_links(struct req *r)
{
	const struct str *ns = req_form(r, "antal");
	struct db_param p[1];
	struct db_rows def;
	struct view_ctx *ctx;
	long long qid, n = ns ? str_to_ll(*ns) : 0;
	enum app_err e;

	if ((e = req_param_id(r, &qid)) != APP_OK)
		return e;
	p[0] = DB_INT(qid);
	if ((e = sq(r, SQL_QUEST_DEF_GET, p, 1, &def)) != APP_OK)
		return e;
	if (def.nrows != 1)
		return APP_ENOTFOUND;
	if (!str_eq_cstr(db_cell(&def, 0, 5), "1") ||
	    str_has_prefix(db_cell(&def, 0, 3), "deltagare")) {
		r->resp.status = 400;
		return sq_admin_render(r,
		    "Personliga länkar görs bara för den aktiva versionen av "
		    "en enkät till personal, remittenter, chefer eller styrelse.",
		    NULL, STR_LIT(""), NULL);
	}
	if (n < 1 || n > QUEST_LINKS_MAX) {
		r->resp.status = 400;
		return sq_admin_render(r,
		    "Ange hur många länkar som behövs (1 till 200).", NULL,
		    STR_LIT(""), NULL);
	}
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_list(ctx, "new_links")) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "links_title", db_cell(&def, 0, 2))) !=
	        APP_OK)
		return e;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	for (long long i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "new_links");
		struct str token;
		struct buf url;

		if (it == NULL) {
			e = APP_ENOMEM;
			goto fail;
		}
		if ((e = sq_code_create(
		         r, 1, qid, 0, 0, STR_LIT(""), 0, &token)) != APP_OK)
			goto fail;
		buf_init(&url, r->a);
		if ((e = buf_printf(&url, "%s/enkat/lank/%.*s",
		         r->conf->base_url ? r->conf->base_url : "",
		         (int)token.len, token.p)) != APP_OK ||
		    (e = view_ctx_set_str(it, "url", buf_str(&url))) != APP_OK)
			goto fail;
	}
	{
		struct buf d;
		buf_init(&d, r->a);
		if ((e = buf_printf(&d, "%lld personal questionnaire links",
		         n)) != APP_OK ||
		    (e = audit_write(r, AUDIT_ADMIN, "questionnaire", qid,
		         STR_LIT(""), buf_str(&d))) != APP_OK ||
		    (e = db_commit(r->db)) != APP_OK)
			goto fail;
	}
	return sq_admin_render(r, NULL, NULL, STR_LIT(""), ctx);
fail:
	db_rollback(r->db);
	return e;
}

static const struct form_def quest_staff_forms[] = {
	{ "POST /admin/enkater", "admin_enkater", sq_import_spec, 1 },
};

const struct form_def *
page_quest_staff_forms(size_t *n)
{
	*n = sizeof(quest_staff_forms) / sizeof(quest_staff_forms[0]);
	return quest_staff_forms;
}
