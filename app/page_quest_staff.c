/* page_quest_staff.c: the staff's side of the questionnaires: a code for a
 * participation, the admin page; see include/page_quest.h. */
#include "quest_panel.h"
#include "access.h"
#include "app_limits.h"
#include "arena.h"
#include "audit.h"
#include "bind.h"
#include "conf.h"
#include "form.h"
#include "followup.h"
#include "form_registry.h"
#include "kiosk.h"
#include "multipart.h"
#include "page_quest.h"
#include "page_create.h"
#include "pages.h"
#include "quest.h"
#include "quest_code.h"
#include "quest_response.h"
#include "quest_state.h"
#include "quest_xml.h"
#include "req.h"
#include "session.h"
#include "view.h"

/* ---- The participation page ------------------------------------------ */

static const struct bind_key sq_def_map[] = {
	{ "id", "qid" },
	{ "title", "qtitle" },
};

/* The linked measurement m of def for the participation page: its state
 * from the participation's responses and open codes. */
static enum app_err
sq_measurement_bind(struct view_ctx *it, const struct quest_info *def,
    enum quest_measurement m, const struct quest_response_brief *resp,
    size_t nresp, const struct quest_code_open *codes, size_t ncodes)
{
	struct view_ctx *mi = view_ctx_list_add(it, "matningar");
	enum quest_status status = QSTATUS_PAGAENDE;
	enum quest_meas_state state;
	struct str date = STR_LIT("");
	int has = 0, code_open = 0, held = 0;
	long long code_id = 0;
	enum app_err e;

	if (mi == NULL)
		return APP_ENOMEM;
	/* The last match wins: the newest version's response (the panel
	 * comes oldest version first, quest_panel_row_cmp()). */
	for (size_t j = 0; j < nresp; j++)
		if (str_eq(resp[j].code, def->code) &&
		    resp[j].measurement == m) {
			has = 1;
			status = resp[j].status;
			date = resp[j].submitted;
		}
	for (size_t j = 0; j < ncodes; j++)
		if (codes[j].measurement == m) {
			code_open = 1;
			if (codes[j].held) {
				held = 1;
				code_id = codes[j].id;
			}
		}
	state = quest_meas_state(has, status, code_open);
	if ((e = view_ctx_set_cstr(mi, "mvalue", quest_measurement_name(m))) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(mi, "mlabel", quest_measurement_label(m))) !=
	        APP_OK ||
	    (e = view_ctx_set_cstr(
	         mi, "mstate", quest_meas_state_label(state))) != APP_OK ||
	    (e = view_ctx_set_str(mi, "mdate", date)) != APP_OK ||
	    (e = view_ctx_set_bool(
	         mi, "can_open", quest_meas_can_open(state))) != APP_OK ||
	    /* A tablet holds the code: staff may let it go (lost, broken). */
	    (e = view_ctx_set_bool(mi, "held", held)) != APP_OK ||
	    /* The follow-up: offered as the follow-up panel says (fu_tablet,
	     * page_followup.c). */
	    (e = view_ctx_set_bool(mi, "is_fu", m == QMEAS_UPPFOLJNING)) !=
	        APP_OK ||
	    (e = view_ctx_set_int(mi, "code_id", code_id)) != APP_OK)
		return e;
	return APP_OK;
}

enum app_err
quest_bind_participation(struct view_ctx *ctx, const struct quest_panel *pn)
{
	enum quest_measurement ms[2];
	struct quest_info *defs;
	struct quest_response_brief *resp;
	struct quest_code_open *codes;
	size_t ndefs, nresp, ncodes;
	enum app_err e;

	defs = pn->defs, ndefs = pn->ndefs;
	resp = pn->resp, nresp = pn->nresp;
	codes = pn->codes, ncodes = pn->ncodes;
	if ((e = view_ctx_set_list(ctx, "enkater")) != APP_OK)
		return e;
	for (size_t i = 0; i < ndefs; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "enkater");
		int linked = defs[i].anonymity == QANON_KOPPLAD;

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &quest_info_record, sq_def_map,
		         BIND_N(sq_def_map), &defs[i])) != APP_OK ||
		    (e = view_ctx_set_bool(it, "kopplad", linked)) != APP_OK ||
		    (e = view_ctx_set_bool(it, "anonym", !linked)) != APP_OK ||
		    (e = view_ctx_set_list(it, "matningar")) != APP_OK)
			return e;
		for (size_t m = 0,
		            n = linked ? quest_measurements_of(defs[i].code, ms)
		                       : 0;
		     m < n; m++)
			if ((e = sq_measurement_bind(it, &defs[i], ms[m], resp,
			         nresp, codes, ncodes)) != APP_OK)
				return e;
	}
	return APP_OK;
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
	enum quest_measurement meas = QMEAS_NONE;
	enum quest_open_refusal refused;
	struct quest_participation part;
	struct quest_response_ref resp = { .id = 0 };
	struct quest_info def = { .id = 0 };
	struct view_ctx *ctx;
	struct str code;
	long long pid, qid;
	unsigned via = 0;
	int found = 0, has_resp = 0;
	struct buf shown;
	enum app_err e;

	if ((e = req_param_id(r, &pid)) != APP_OK)
		return e;
	if ((e = access_participation(r, pid, &via)) != APP_OK)
		return e;
	if (!(via & ACCESS_INSATS))
		return APP_ENOTFOUND;
	qid = qs ? str_to_ll(*qs) : 0;
	if (qid > 0 &&
	    (e = quest_info_get(r->db, r->a, qid, &def, &found)) != APP_OK)
		return e;
	if (!quest_open_def_ok(found, def.active, def.group))
		return sq_error(
		    r, 400, quest_open_refusal_text(QOPEN_NO_DEF), pid);
	if ((e = quest_participation_get(r->db, r->a, pid, &part, &found)) !=
	    APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if (def.anonymity == QANON_KOPPLAD) {
		meas = ms ? quest_measurement_from_name(*ms) : QMEAS__MAX;
		if (quest_measurement_fits(def.code, meas) &&
		    (e = quest_response_find_linked(r->db, r->a, pid, meas, qid,
		         &resp, &has_resp)) != APP_OK)
			return e;
	}
	refused = quest_open_check(1, def.active, def.group, def.anonymity,
	    def.code, meas, has_resp, resp.status);
	if (refused != QOPEN_OK)
		return sq_error(r, refused == QOPEN_ANSWERED ? 409 : 400,
		    quest_open_refusal_text(refused), pid);
	/* The follow-up only while it is open and not recorded. */
	if (def.anonymity == QANON_KOPPLAD && meas == QMEAS_UPPFOLJNING) {
		const char *why = NULL;
		if ((e = followup_tablet_check(r, pid, &why)) != APP_OK)
			return e;
		if (why != NULL)
			return sq_error(r, 409, why, pid);
	}
	if ((e = quest_code_open_for(r, &def, pid, part.personnummer,
	         part.insats_id, meas, has_resp ? resp.id : 0, &code)) !=
	    APP_OK)
		return e;
	buf_init(&shown, r->a);
	if ((e = buf_printf(&shown, "%.4s %.4s", code.p, code.p + 4)) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = kiosk_csrf_bind(r, ctx)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "code", code)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "code_shown", buf_str(&shown))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "qtitle", def.title)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "pid", pid)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "days", QUEST_CODE_MINUTES / 1440)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(
	         ctx, "anonym", def.anonymity != QANON_KOPPLAD)) != APP_OK ||
	    (def.anonymity == QANON_KOPPLAD &&
	        (e = view_ctx_set_cstr(
	             ctx, "mlabel", quest_measurement_label(meas))) != APP_OK))
		return e;
	return page_render(r, "enkat_kod", "Enkätkod", ctx);
}

/* The same for an anonymous questionnaire: the staff type the code they
 * opened (nothing links it to the participation, and nothing here does:
 * the audit names the insats only, never the participation, the person
 * or the code). */
static enum app_err
sq_release_anonymous(struct req *r, long long pid, struct str typed)
{
	struct quest_participation part;
	int found = 0, shape_ok = 0, released = 0;
	struct buf loc;
	enum app_err e;

	if ((e = quest_participation_get(r->db, r->a, pid, &part, &found)) !=
	    APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = quest_code_release_anonymous(r->db, r->a, typed,
	         part.insats_id, &shape_ok, &released)) != APP_OK ||
	    (released &&
	        (e = audit_write(r, AUDIT_UPDATE, "insats", part.insats_id,
	             STR_LIT(""),
	             STR_LIT("tablet released (anonymous questionnaire "
	                     "code)"))) != APP_OK) ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	if (!shape_ok)
		return sq_error(r, 400,
		    "Skriv enkätkoden med åtta siffror, som den visades när "
		    "den öppnades.",
		    pid);
	if (!released)
		return sq_error(r, 400,
		    "Ingen surfplatta håller en öppen anonym enkätkod med de "
		    "siffrorna i insatsen. Kontrollera koden. En kod som "
		    "ingen surfplatta håller kan redan användas på en annan.",
		    pid);
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/deltagande/%lld?slappt=1", pid)) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
}

/* Let go of a tablet's hold on the participation's open code (the tablet
 * was lost or broke), so the participant can go on on another at once
 * instead of after the idle time. Audited; the answers stay. An
 * anonymous questionnaire's code comes typed ("anonym_kod"). */
enum app_err
page_participation_quest_release(struct req *r)
{
	const struct str *ks = req_form(r, "kod");
	struct quest_participation part;
	long long pid, code_id;
	unsigned via = 0;
	int found = 0, released = 0;
	struct buf loc;
	enum app_err e;

	if ((e = req_param_id(r, &pid)) != APP_OK ||
	    (e = access_participation(r, pid, &via)) != APP_OK)
		return e;
	if (!(via & ACCESS_INSATS))
		return APP_ENOTFOUND;
	if (req_form(r, "anonym_kod") != NULL)
		return sq_release_anonymous(r, pid, *req_form(r, "anonym_kod"));
	code_id = ks != NULL ? str_to_ll(*ks) : 0;
	if (code_id <= 0)
		return sq_error(r, 400,
		    "Välj vilken surfplatta som ska släppas, från "
		    "deltagandets sida.",
		    pid);
	if ((e = quest_participation_get(r->db, r->a, pid, &part, &found)) !=
	    APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if ((e = db_begin(r->db)) != APP_OK)
		return e;
	if ((e = quest_code_release(r->db, r->a, code_id, pid, &released)) !=
	        APP_OK ||
	    (released &&
	        (e = audit_write(r, AUDIT_UPDATE, "participation", pid,
	             part.personnummer, STR_LIT("tablet released"))) !=
	            APP_OK) ||
	    (e = db_commit(r->db)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/deltagande/%lld?%s", pid,
	         released ? "slappt=1" : "ej_hallen=1")) != APP_OK)
		return e;
	return page_redirect(r, loc.p);
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

/* The import: a definition pasted whole (up to the text limit), or sent as
 * a file (field "fil", multipart/form-data; up to the loader's
 * QUEST_MAX_XML bytes, which the loader itself checks). The file is no text
 * field: it has no row here and no text limit (README "Text limits"); the
 * body limit must leave room for the loader's limit and the form around
 * it, so that a file a little too big gets the loader's message, not 413. */
#define SQ_FILE_FIELD "fil"
static const struct field_spec sq_import_spec[1] = {
	{ "xml", FT_TEXT, 0, 65000, FF_MULTILINE, NULL },
};
_Static_assert(QUEST_MAX_XML + 64u * 1024u <= MAX_BODY,
    "a questionnaire file of the loader's limit must fit the body limit");

static const struct bind_key sq_list_map[] = {
	{ "id", "qid" },
	{ "code", "code" },
	{ "version", "version" },
	{ "title", "qtitle" },
	{ "respondent_group", "group" },
	{ "anonymity", "anonymity" },
	{ "imported", "imported" },
	{ "langs", "langs" },
	{ "items", "items" },
	{ "answers", "answers" },
	{ "is_active", "active" },
	{ "is_example", "example" },
};

/*
 * A row's links form: its own one-time key and count. A refused links
 * POST (400) draws its row again with the key and count it was sent with;
 * every other row, and every other page, gets a new key.
 */
static enum app_err
sq_links_bind(struct req *r, struct view_ctx *it, long long qid)
{
	const struct str *n = req_form(r, "antal");
	long long id;
	int kept = r->resp.status == 400 && n != NULL &&
	    req_param_id(r, &id) == APP_OK && id == qid;
	enum app_err e;

	if ((e = page_create_bind(
	         r, it, kept ? page_create_key(r) : STR_LIT(""))) != APP_OK)
		return e;
	return view_ctx_set_str(it, "antal", kept ? *n : STR_LIT("10"));
}

static enum app_err
sq_admin_render(struct req *r, const char *error, const char *notice,
    struct str xml, struct view_ctx *ctx)
{
	struct quest_info_row *defs;
	size_t ndefs;
	enum app_err e;

	if (ctx == NULL && (ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = quest_info_list(r->db, r->a, &defs, &ndefs)) != APP_OK)
		return e;
	if ((e = view_ctx_set_list(ctx, "defs")) != APP_OK ||
	    (e = page_form_limits(r, ctx, sq_import_spec, 1)) != APP_OK ||
	    (e = page_form_error(ctx, "import_error", error)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "notice", notice)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "xml", xml)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "fil_max_kb", QUEST_MAX_XML / 1024)) !=
	        APP_OK)
		return e;
	for (size_t i = 0; i < ndefs; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "defs");
		enum quest_group g = quest_group_from_name(defs[i].group_name);

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &quest_info_row_record, sq_list_map,
		         BIND_N(sq_list_map), &defs[i])) != APP_OK ||
		    (e = view_ctx_set_bool(it, "links",
		         quest_links_allowed(defs[i].active, g))) != APP_OK ||
		    (e = sq_links_bind(r, it, defs[i].id)) != APP_OK)
			return e;
	}
	return page_render(r, "admin_enkater", "Enkäter", ctx);
}

enum app_err
page_admin_quests(struct req *r)
{
	return sq_admin_render(r, NULL,
	    req_query(r, "lankar") ? QUEST_MSG_LINKS_SENT_AGAIN : NULL,
	    STR_LIT(""), NULL);
}

/* The file posted in SQ_FILE_FIELD, or NULL when none was chosen (a file
 * input left empty sends an empty part with an empty filename). */
static const struct mp_file *
sq_import_file(const struct req *r)
{
	const struct mp_file *f = mp_file_get(&r->files, SQ_FILE_FIELD);

	if (f == NULL || (f->filename.len == 0 && f->data.len == 0))
		return NULL;
	return f;
}

/* Store d; a double click's second POST that lost the race for the
 * (code, version) key finds the first one's row when tried again, and
 * answers as a repeat does ("fanns redan, oförändrad"). */
static enum app_err
sq_store(struct req *r, const struct quest_def *d, struct str xml,
    long long *id, enum quest_store_result *res, char *err, size_t errlen)
{
	enum app_err e = quest_store(
	    r->db, r->a, d, xml, r->user->username, id, res, err, errlen);

	if (e == APP_EDUP)
		e = quest_store(r->db, r->a, d, xml, r->user->username, id, res,
		    err, errlen);
	return e;
}

/* A refused import (400): msg next to the file field when a file was
 * sent, else next to the textarea, which keeps what was pasted. */
static enum app_err
sq_import_refuse(
    struct req *r, const struct mp_file *file, const char *msg, struct str kept)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	r->resp.status = 400;
	if (file != NULL) {
		if ((e = page_form_error(ctx, "file_error", msg)) != APP_OK ||
		    (e = view_ctx_set_str(ctx, "file_name", file->filename)) !=
		        APP_OK)
			return e;
		msg = NULL;
	}
	return sq_admin_render(r, msg, NULL, kept, ctx);
}

enum app_err
page_admin_quest_import(struct req *r)
{
	const struct mp_file *file = sq_import_file(r);
	const struct str *pasted = req_form(r, "xml");
	const struct quest_schema *schema;
	struct quest_def d;
	struct field_val fv[1];
	enum quest_store_result res;
	struct str xml, kept;
	long long id = 0;
	size_t nerr;
	char err[1024];
	struct buf msg;
	enum app_err e;

	if ((e = form_validate(r->a, &r->form, sq_import_spec, 1, fv, &nerr)) !=
	    APP_OK)
		return e;
	/* What goes back into the textarea on an error: what was pasted. */
	kept = pasted != NULL && fv[0].present ? *pasted : STR_LIT("");
	if (nerr > 0)
		return sq_import_refuse(r, NULL, fv[0].error, fv[0].s);
	if (file != NULL && fv[0].present)
		return sq_import_refuse(r, NULL,
		    "Välj en fil eller klistra in XML, inte båda.", kept);
	if (file == NULL && !fv[0].present)
		return sq_import_refuse(r, NULL,
		    "Välj enkätens XML-fil eller klistra in XML i fältet.",
		    kept);
	xml = file != NULL ? file->data : kept;
	if ((e = sq_schema_get(r, &schema)) != APP_OK)
		return e;
	if (quest_parse(r->a, xml, schema, &d, err, sizeof(err)) != APP_OK)
		return sq_import_refuse(
		    r, file, str_dup_cstr(r->a, str_cstr(err)), kept);
	/* The loader reads any file as UTF-8; what is stored must be. */
	if (!str_utf8_valid(xml))
		return sq_import_refuse(
		    r, file, "Filen är inte UTF-8. Spara den som UTF-8.", kept);
	e = sq_store(r, &d, xml, &id, &res, err, sizeof(err));
	if (e == APP_EDUP)
		return sq_import_refuse(
		    r, file, str_dup_cstr(r->a, str_cstr(err)), kept);
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
	struct str key = page_create_key(r);
	struct quest_info def;
	struct view_ctx *ctx;
	struct str *tokens;
	long long qid, n = ns ? str_to_ll(*ns) : 0;
	struct buf loc;
	int found = 0, answered;
	enum app_err e;

	if ((e = req_param_id(r, &qid)) != APP_OK)
		return e;
	if ((e = quest_info_get(r->db, r->a, qid, &def, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if (page_create_bad(key)) {
		r->resp.status = 400;
		return sq_admin_render(r, NULL, NULL, STR_LIT(""), NULL);
	}
	if (!quest_links_allowed(def.active, def.group)) {
		r->resp.status = 400;
		return sq_admin_render(
		    r, QUEST_MSG_LINKS_NOT_ALLOWED, NULL, STR_LIT(""), NULL);
	}
	if (n < 1 || n > QUEST_LINKS_MAX) {
		r->resp.status = 400;
		return sq_admin_render(
		    r, QUEST_MSG_LINKS_COUNT, NULL, STR_LIT(""), NULL);
	}
	/* The links are shown once, now: a retry is told so. */
	buf_init(&loc, r->a);
	if ((e = buf_printf(&loc, "/admin/enkater?lankar=%lld", qid)) !=
	        APP_OK ||
	    (e = page_create_begin(r, key, "/admin/enkater", &answered)) !=
	        APP_OK ||
	    answered)
		return e;
	if ((e = quest_code_links(r, qid, n, &tokens)) != APP_OK) {
		db_rollback(r->db);
		return e;
	}
	if ((e = page_create_commit(r, key, buf_str(&loc))) != APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = view_ctx_set_list(ctx, "new_links")) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "links_title", def.title)) != APP_OK)
		return e;
	for (long long i = 0; i < n; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "new_links");
		struct buf url;

		if (it == NULL)
			return APP_ENOMEM;
		buf_init(&url, r->a);
		if ((e = buf_printf(&url, "%s/enkat/lank/%.*s",
		         session_base_url(r), (int)tokens[i].len,
		         tokens[i].p)) != APP_OK ||
		    (e = view_ctx_set_str(it, "url", buf_str(&url))) != APP_OK)
			return e;
	}
	return sq_admin_render(r, NULL, NULL, STR_LIT(""), ctx);
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
