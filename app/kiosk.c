/* kiosk.c: the respondent's device and the kiosk's shared page parts; see
 * include/kiosk.h. */
#include <string.h>

#include "app_limits.h"
#include "arena.h"
#include "form.h"
#include "kiosk.h"
#include "pages.h"
#include "quest.h"
#include "req.h"
#include "session.h"
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

enum app_err
kiosk_load(struct req *r, struct kiosk *k)
{
	const struct str *cookie = kiosk_cookie(r);
	struct quest_language *langs;
	struct quest_code c;
	struct str dev;
	size_t nlangs;
	int found = 0;
	enum app_err e;

	memset(k, 0, sizeof(*k));
	if (cookie == NULL)
		return APP_ENOTFOUND;
	if ((dev = quest_code_hash(r->a, *cookie)).p == NULL)
		return APP_ENOMEM;
	if ((e = quest_code_by_device(r->db, r->a, dev, &c, &found)) != APP_OK)
		return e;
	if (!found)
		return APP_ENOTFOUND;
	if (!quest_code_live(c.held, c.expired, c.anonymity, c.response_id)) {
		/* Idle or expired: the tablet lets go; answers stay. */
		if ((e = quest_code_unbind(r->db, r->a, dev)) != APP_OK)
			return e;
		return APP_ENOTFOUND;
	}
	kiosk_from_code(k, &c);
	k->dev = dev;
	if ((e = quest_code_touch(r->db, r->a, c.id)) != APP_OK)
		return e;
	if (!k->anon) {
		struct quest_response resp;

		if ((e = quest_response_get(
		         r->db, r->a, c.response_id, &resp, &found)) != APP_OK)
			return e;
		if (!found || resp.status != QSTATUS_PAGAENDE)
			return APP_ENOTFOUND;
		k->lang = resp.language;
		k->sheet.sitting = resp.sitting;
	}
	if ((e = quest_item_count(
	         r->db, r->a, c.questionnaire_id, &k->nitems)) != APP_OK)
		return e;
	if (k->lang.len > 0) {
		if ((e = quest_languages(r->db, r->a, c.questionnaire_id,
		         &langs, &nlangs)) != APP_OK)
			return e;
		for (size_t i = 0; i < nlangs; i++)
			if (str_eq(langs[i].lang, k->lang))
				k->rtl = langs[i].rtl;
	}
	k->words = kiosk_lang_resolve(k->lang);
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
