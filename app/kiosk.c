/* kiosk.c: the respondent's device and the kiosk's shared page parts; see
 * include/kiosk.h. */
#include <string.h>

#include "app_limits.h"
#include "arena.h"
#include "db.h"
#include "form.h"
#include "kiosk.h"
#include "pages.h"
#include "quest.h"
#include "req.h"
#include "session.h"
#include "sql_quest.h"
#include "tablet_i18n.h"
#include "view.h"

const struct str *
kiosk_cookie(struct req *r)
{
	const struct str *c = kv_get(&r->cookies, KIOSK_COOKIE);

	return c != NULL && c->len == 64 ? c : NULL;
}

enum app_err
kiosk_release(struct req *r)
{
	const struct str *c = kiosk_cookie(r);
	enum app_err e;

	if (c != NULL) {
		struct str dev = quest_code_hash(r->a, *c);
		if (dev.p == NULL)
			return APP_ENOMEM;
		if ((e = quest_code_unbind(r->db, r->a, dev)) != APP_OK)
			return e;
	}
	if (kv_get(&r->cookies, KIOSK_COOKIE) == NULL)
		return APP_OK;
	return session_set_cookie(r, KIOSK_COOKIE, STR_LIT(""), 0);
}

void
kiosk_from_code(struct kiosk *k, const struct quest_code *c)
{
	memset(k, 0, sizeof(*k));
	k->code = *c;
	k->anon = c->anonymity == QANON_ANONYM;
	k->is_link = c->kind == QCODE_LANK;
	k->lang = c->language;
	k->sheet = (struct quest_sheet){ .draft = k->anon,
		.owner = k->anon ? c->id : c->response_id,
		.sitting = c->sitting };
}

/* ---- Records: the device and an item screen, one statement each ---- */

/* The device's columns (SQL_QUEST_KIOSK_DEVICE) into member M (a struct
 * kiosk_device, "" for S itself) of struct S. */
#define DEVICE_FIELDS(S, M)                                                    \
	DB_FIELD(S, M code.id, "id", DB_F_INT),                                \
	    DB_FIELD(S, M code.kind_name, "kind", DB_F_STR),                   \
	    DB_FIELD(                                                          \
	        S, M code.questionnaire_id, "questionnaire_id", DB_F_INT),     \
	    DB_FIELD(S, M code.response_id, "response_id", DB_F_INT),          \
	    DB_FIELD(                                                          \
	        S, M code.participation_id, "participation_id", DB_F_INT),     \
	    DB_FIELD(S, M code.measurement_name, "measurement", DB_F_STR),     \
	    DB_FIELD(S, M code.insats_id, "insats_id", DB_F_INT),              \
	    DB_FIELD(S, M code.expired, "expired", DB_F_BOOL),                 \
	    DB_FIELD(S, M code.held, "held", DB_F_BOOL),                       \
	    DB_FIELD(S, M code.language, "language", DB_F_STR),                \
	    DB_FIELD(S, M code.sitting, "sitting", DB_F_INT),                  \
	    DB_FIELD(S, M code.anonymity_name, "anonymity", DB_F_STR),         \
	    DB_FIELD(S, M has_resp, "has_resp", DB_F_BOOL),                    \
	    DB_FIELD(S, M resp_language, "resp_language", DB_F_STR),           \
	    DB_FIELD(S, M resp_status, "resp_status", DB_F_STR),               \
	    DB_FIELD(S, M resp_sitting, "resp_sitting", DB_F_INT),             \
	    DB_FIELD(S, M nitems, "nitems", DB_F_INT),                         \
	    DB_FIELD(S, M rtl, "rtl", DB_F_BOOL)

/* An item's shape (SQL's KIOSK_ITEM_SHAPE) into member M of struct S,
 * its id and kind from columns ID and KIND. */
#define ITEM_SHAPE_FIELDS(S, M, ID, KIND)                                      \
	DB_FIELD(S, M id, ID, DB_F_INT),                                       \
	    DB_FIELD(S, M item_code, "item_code", DB_F_STR),                   \
	    DB_FIELD(S, M kind_name, KIND, DB_F_STR),                          \
	    DB_FIELD(S, M scale_min, "scale_min", DB_F_INT),                   \
	    DB_FIELD(S, M scale_max, "scale_max", DB_F_INT),                   \
	    DB_FIELD(S, M allow_vet_ej, "allow_vet_ej", DB_F_BOOL),            \
	    DB_FIELD(S, M allow_ej_aktuellt, "allow_ej_aktuellt", DB_F_BOOL),  \
	    DB_FIELD(S, M max_length, "max_length", DB_F_INT)

static const struct db_field device_fields[] = {
	DEVICE_FIELDS(kiosk_device, ),
};
const struct db_record kiosk_device_record =
    DB_RECORD(kiosk_device, device_fields);

static const struct db_field item_row_fields[] = {
	ITEM_SHAPE_FIELDS(kiosk_item_row, item., "id", "kind"),
	DB_FIELD(kiosk_item_row, item.text, "text", DB_F_STR),
	DB_FIELD(kiosk_item_row, item.min_label, "min_label", DB_F_STR),
	DB_FIELD(kiosk_item_row, item.max_label, "max_label", DB_F_STR),
	DB_FIELD(kiosk_item_row, opt_position, "opt_position", DB_F_INT),
	DB_FIELD(kiosk_item_row, opt_value, "opt_value", DB_F_STR),
	DB_FIELD(kiosk_item_row, opt_text, "opt_text", DB_F_STR),
	DB_FIELD(kiosk_item_row, title, "title", DB_F_STR),
	DB_FIELD(kiosk_item_row, intro, "intro", DB_F_STR),
	DB_FIELD(kiosk_item_row, key, "nyckel", DB_F_INT),
};
const struct db_record kiosk_item_row_record =
    DB_RECORD(kiosk_item_row, item_row_fields);

static const struct db_field save_row_fields[] = {
	DEVICE_FIELDS(kiosk_save_row, d.),
	ITEM_SHAPE_FIELDS(kiosk_save_row, item., "item_id", "item_kind"),
	DB_FIELD(kiosk_save_row, opt_position, "opt_position", DB_F_INT),
	DB_FIELD(kiosk_save_row, opt_value, "opt_value", DB_F_STR),
	DB_FIELD(kiosk_save_row, key, "nyckel", DB_F_INT),
};
const struct db_record kiosk_save_row_record =
    DB_RECORD(kiosk_save_row, save_row_fields);

/*
 * k from d, the row of the device whose hash is dev: APP_ENOTFOUND when
 * its code is idle or expired (then let go; the answers stay) or its
 * linked response is not being answered.
 */
static enum app_err
kiosk_from_device(
    struct req *r, struct kiosk *k, struct kiosk_device *d, struct str dev)
{
	struct quest_code *c = &d->code;
	enum app_err e;

	c->kind = quest_code_kind_from_name(c->kind_name);
	c->measurement = quest_measurement_from_name(c->measurement_name);
	c->anonymity = quest_anonymity_from_name(c->anonymity_name);
	if (!quest_code_live(
	        c->held, c->expired, c->anonymity, c->response_id)) {
		/* Idle or expired: the tablet lets go; answers stay. */
		if ((e = quest_code_unbind(r->db, r->a, dev)) != APP_OK)
			return e;
		return APP_ENOTFOUND;
	}
	kiosk_from_code(k, c);
	k->dev = dev;
	if (!k->anon) {
		if (!d->has_resp ||
		    quest_status_from_name(d->resp_status) != QSTATUS_PAGAENDE)
			return APP_ENOTFOUND;
		k->lang = d->resp_language;
		k->sheet.sitting = d->resp_sitting;
	}
	k->nitems = d->nitems;
	k->rtl = k->lang.len > 0 && d->rtl;
	k->words = kiosk_lang_resolve(k->lang);
	return APP_OK;
}

enum app_err
kiosk_load(struct req *r, struct kiosk *k)
{
	const struct str *cookie = kiosk_cookie(r);
	struct kiosk_device d;
	struct db_param p[3];
	struct str dev;
	int found = 0;
	enum app_err e;

	memset(k, 0, sizeof(*k));
	if (cookie == NULL)
		return APP_ENOTFOUND;
	if ((dev = quest_code_hash(r->a, *cookie)).p == NULL)
		return APP_ENOMEM;
	/* The code, its response, its items and the language's direction
	 * in one statement (as quest_code_by_device(), quest_response_get(),
	 * quest_item_count() and quest_languages() would read them). */
	p[0] = DB_INT(QUEST_LINK_IDLE_SECONDS);
	p[1] = DB_INT(QUEST_IDLE_SECONDS);
	p[2] = DB_STR(dev);
	if ((e = db_load_one(r->db, r->a, DB_QUEST, SQL_QUEST_KIOSK_DEVICE, p,
	         3, &d, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if ((e = kiosk_from_device(r, k, &d, dev)) != APP_OK)
		return e;
	return quest_code_touch(r->db, r->a, k->code.id);
}

/* Option o into out's options, in the order of their positions (the
 * statements have none: a handful, so by insertion). out->opts has
 * room. */
static void
kiosk_option_add(struct kiosk_screen *out, struct quest_option_rec o)
{
	size_t at = out->nopts++;

	while (at > 0 && out->opts[at - 1].position > o.position) {
		out->opts[at] = out->opts[at - 1];
		at--;
	}
	out->opts[at] = o;
}

enum app_err
kiosk_enter_save(struct req *r, struct kiosk *k, long long n,
    struct kiosk_screen *out, int *redirected)
{
	const struct str *cookie = kiosk_cookie(r);
	struct kiosk_save_row *rows = NULL;
	struct db_param p[4];
	struct str dev = STR_NULL;
	size_t nrows = 0;
	void *v = NULL;
	enum app_err e;

	r->resp.cacheable = 0; /* never stored, never revalidated */
	*redirected = 0;
	memset(k, 0, sizeof(*k));
	memset(out, 0, sizeof(*out));
	if (cookie != NULL) {
		/* kiosk_load()'s row with the item: one statement. */
		if ((dev = quest_code_hash(r->a, *cookie)).p == NULL)
			return APP_ENOMEM;
		p[0] = DB_INT(QUEST_LINK_IDLE_SECONDS);
		p[1] = DB_INT(QUEST_IDLE_SECONDS);
		p[2] = DB_INT(n);
		p[3] = DB_STR(dev);
		if ((e = db_load(r->db, r->a, DB_QUEST, SQL_QUEST_KIOSK_SAVE, p,
		         4, &v, &nrows)) != APP_OK)
			return e;
		rows = v;
	}
	e = nrows > 0 ? kiosk_from_device(r, k, &rows[0].d, dev)
	              : APP_ENOTFOUND;
	if (e == APP_ENOTFOUND) { /* as kiosk_enter() */
		*redirected = 1;
		return kiosk_to_lock(r, kiosk_req_lang(r));
	}
	if (e != APP_OK)
		return e;
	if (k->lang.len == 0) {
		*redirected = 1;
		if ((e = quest_code_touch(r->db, r->a, k->code.id)) != APP_OK)
			return e;
		return page_redirect(r, "/enkat/sprak");
	}
	if (rows[0].item.id == 0)
		return APP_ENOTFOUND;
	out->item = rows[0].item;
	out->item.kind = quest_kind_from_name(out->item.kind_name);
	out->key = rows[0].key;
	if (rows[0].opt_position > 0 &&
	    (out->opts = arena_calloc(r->a, nrows, sizeof(*out->opts))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; out->opts != NULL && i < nrows; i++)
		kiosk_option_add(out,
		    (struct quest_option_rec){
		        rows[i].opt_position, rows[i].opt_value, STR_LIT("") });
	return APP_OK;
}

enum app_err
kiosk_item_load(
    struct req *r, const struct kiosk *k, long long n, struct kiosk_screen *out)
{
	struct str lang = k->lang.len ? k->lang : STR_LIT("sv");
	struct db_param p[9];
	struct kiosk_item_row *rows;
	size_t nrows, j = 0;
	void *v;
	enum app_err e;

	memset(out, 0, sizeof(*out));
	/* The item's three texts, its option's, the title's and the
	 * intro's in lang; the code (the key); the item. */
	for (int i = 0; i < 6; i++)
		p[j++] = DB_STR(lang);
	p[j++] = DB_INT(k->code.id);
	p[j++] = DB_INT(k->code.questionnaire_id);
	p[j++] = DB_INT(n);
	if ((e = db_load(r->db, r->a, DB_QUEST, SQL_QUEST_KIOSK_ITEM, p, j, &v,
	         &nrows)) != APP_OK)
		return e;
	if (nrows == 0)
		return APP_ENOTFOUND;
	rows = v;
	out->item = rows[0].item;
	out->item.kind = quest_kind_from_name(out->item.kind_name);
	out->title = rows[0].title;
	out->intro = rows[0].intro;
	out->key = rows[0].key;
	if (rows[0].opt_position > 0 &&
	    (out->opts = arena_calloc(r->a, nrows, sizeof(*out->opts))) == NULL)
		return APP_ENOMEM;
	for (size_t i = 0; out->opts != NULL && i < nrows; i++)
		kiosk_option_add(out,
		    (struct quest_option_rec){ rows[i].opt_position,
		        rows[i].opt_value, rows[i].opt_text });
	return APP_OK;
}

struct str
kiosk_req_lang(struct req *r)
{
	const struct str *s = req_form(r, "sprak");
	int own = 0;
	enum tablet_lang l;

	if (s == NULL)
		s = req_query(r, "sprak");
	if (s == NULL)
		return STR_LIT("");
	l = tablet_lang_of(*s, &own);
	return own ? str_cstr(tablet_lang_code(l)) : STR_LIT("");
}

/* path, with "?sprak=<ours>" when lang is one of the participant
 * languages (its own tag, never what was sent). Arena; NULL: no memory. */
static const char *
kiosk_url_lang(struct req *r, const char *path, struct str lang)
{
	int own = 0;
	enum tablet_lang l = tablet_lang_of(lang, &own);
	struct buf b;

	if (lang.len == 0 || !own)
		return path;
	buf_init(&b, r->a);
	if (buf_printf(&b, "%s?sprak=%s", path, tablet_lang_code(l)) != APP_OK)
		return NULL;
	return b.p;
}

const char *
kiosk_lock_url(struct req *r, struct str lang)
{
	/* Swedish is the lock screen's own (with English beside it). */
	if (tablet_lang_of(lang, NULL) == TABLET_SV)
		return KIOSK_LOCK;
	return kiosk_url_lang(r, KIOSK_LOCK, lang);
}

/* A redirect to url, or APP_ENOMEM when it could not be built. */
static enum app_err
kiosk_redirect(struct req *r, const char *url)
{
	return url != NULL ? page_redirect(r, url) : APP_ENOMEM;
}

enum app_err
kiosk_to_lock(struct req *r, struct str lang)
{
	return kiosk_redirect(r, kiosk_lock_url(r, lang));
}

enum app_err
kiosk_enter(struct req *r, struct kiosk *k, int need_lang, int *redirected)
{
	enum app_err e;

	r->resp.cacheable = 0; /* never stored, never revalidated */
	*redirected = 0;
	if ((e = kiosk_load(r, k)) == APP_ENOTFOUND) {
		/* Let go meanwhile (idle, released by staff, sent): the lock
		 * screen in the language the page said it was in. */
		*redirected = 1;
		return kiosk_to_lock(r, kiosk_req_lang(r));
	}
	if (e != APP_OK)
		return e;
	if (need_lang && k->lang.len == 0) {
		*redirected = 1;
		return page_redirect(r, "/enkat/sprak");
	}
	return APP_OK;
}

enum app_err
kiosk_continue(struct req *r, const struct kiosk *k)
{
	long long pos;
	struct buf b;
	enum app_err e;

	/* The language chosen on the lock screen comes preselected. */
	if (k->lang.len == 0)
		return kiosk_redirect(
		    r, kiosk_url_lang(r, "/enkat/sprak", kiosk_req_lang(r)));
	if ((e = quest_sheet_first_unanswered(r->db, r->a, &k->sheet,
	         k->code.questionnaire_id, &pos)) != APP_OK)
		return e;
	if (pos <= 0)
		return page_redirect(r, "/enkat/skicka");
	buf_init(&b, r->a);
	if ((e = buf_printf(&b, "/enkat/fraga/%lld", pos)) != APP_OK)
		return e;
	return page_redirect(r, b.p);
}

enum app_err
kiosk_csrf_bind(struct req *r, struct view_ctx *ctx)
{
	const struct str *pre = kv_get(&r->cookies, LOGIN_CSRF_COOKIE);
	struct str token;
	enum app_err e;

	if (pre != NULL && pre->len == 64)
		token = *pre;
	else if ((token = session_random_hex(r, 32)).p == NULL)
		return APP_ENOMEM;
	/* Renewed at every page, so a slow respondent never meets a 403. */
	if ((e = session_set_cookie(r, LOGIN_CSRF_COOKIE, token, 4 * 3600)) !=
	    APP_OK)
		return e;
	return view_ctx_set_str(ctx, "kiosk_csrf", token);
}

struct str
kiosk_fill(struct req *r, const char *tpl, long long n, long long m)
{
	struct buf b;

	buf_init(&b, r->a);
	for (const char *s = tpl; *s; s++) {
		if (s[0] == '{' && (s[1] == 'n' || s[1] == 'm') &&
		    s[2] == '}') {
			if (buf_printf(&b, "%lld", s[1] == 'n' ? n : m) !=
			    APP_OK)
				return STR_NULL;
			s += 2;
		} else if (buf_append(&b, s, 1) != APP_OK)
			return STR_NULL;
	}
	return buf_str(&b);
}

const char *
kiosk_t(const struct kiosk *k, enum kiosk_word w)
{
	return kiosk_word(w, k->lang);
}

unsigned
kiosk_idle(const struct kiosk *k)
{
	return k->is_link ? 0 : QUEST_IDLE_SECONDS;
}

enum app_err
kiosk_render(struct req *r, const char *page, struct str title,
    struct view_ctx *ctx, struct str lang, int rtl, unsigned idle)
{
	const char *lock = KIOSK_LOCK;
	enum app_err e;

	r->resp.cacheable = 0;
	if ((e = view_ctx_set_str(ctx, "title", title)) != APP_OK ||
	    (e = view_ctx_set_str(
	         ctx, "lang", lang.len ? lang : STR_LIT("sv"))) != APP_OK ||
	    (e = view_ctx_set_bool(ctx, "is_kiosk", idle > 0)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "dir", rtl ? "rtl" : "ltr")) != APP_OK)
		return e;
	/* The idle lock goes to the lock screen in the page's language. */
	if (idle && (lock = kiosk_lock_url(r, lang)) == NULL)
		return APP_ENOMEM;
	if (idle &&
	    ((e = view_ctx_set_cstr(ctx, "idle_url", lock)) != APP_OK ||
	        (e = view_ctx_set_int(ctx, "idle_seconds", idle)) != APP_OK))
		return e;
	/* What the idle lock says when it cannot reach the lock screen
	 * (views/static/idle.js). */
	if (idle &&
	    (e = view_ctx_set_cstr(
	         ctx, "t_locked", kiosk_word(KW_LOCKED, lang))) != APP_OK)
		return e;
	if (r->views == NULL)
		return APP_EIO;
	r->resp.body.len = 0;
	return view_render_page(
	    r->views, "kiosk_layout", page, ctx, &r->resp.body);
}

enum app_err
kiosk_bind_ui(struct view_ctx *ctx, const struct kiosk *k)
{
	static const struct {
		const char *key;
		enum kiosk_word w;
	} words[] = {
		{ "t_next", KW_NEXT },
		{ "t_back", KW_BACK },
		{ "t_skip", KW_SKIP },
		{ "t_send", KW_SEND },
		{ "t_send_title", KW_SEND_TITLE },
		{ "t_vas_help", KW_VAS_HELP },
		{ "t_your_answer", KW_YOUR_ANSWER },
		{ "t_offline", KW_OFFLINE },
		{ "t_saving", KW_SAVING },
		{ "t_vas_unset", KW_VAS_UNSET },
	};
	enum app_err e;

	if (!k->words.own &&
	    (e = view_ctx_set_cstr(ctx, "ui_lang", k->words.lang)) != APP_OK)
		return e;
	/* Sent back with each form, so a code let go meanwhile still finds
	 * the lock screen in the participant's language. */
	if ((e = view_ctx_set_str(ctx, "sprak", k->lang)) != APP_OK)
		return e;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if ((e = view_ctx_set_cstr(
		         ctx, words[i].key, kiosk_t(k, words[i].w))) != APP_OK)
			return e;
	return APP_OK;
}
