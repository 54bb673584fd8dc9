/* page_kiosk.c: the way into a questionnaire: the tablet's lock screen
 * and its code, and a personal link; see include/page_quest.h. The lock
 * screen speaks the language chosen on it (every participant language,
 * each by its own name; include/tablet_i18n.h), its code errors too. */
#include "arena.h"
#include "form.h"
#include "kiosk.h"
#include "page_quest.h"
#include "pages.h"
#include "quest_code.h"
#include "quest_state.h"
#include "req.h"
#include "session.h"
#include "tablet_i18n.h"
#include "view.h"

/* ---- The lock screen and the code ------------------------------------ */

/* The lock screen's language: "sprak" from its form or its link when it
 * is one of ours (*chosen 1), else Swedish (*chosen 0). */
static enum tablet_lang
kiosk_lock_lang(struct req *r, int *chosen)
{
	const struct str *s = req_form(r, "sprak");
	enum tablet_lang l;
	int own = 0;

	if (s == NULL)
		s = req_query(r, "sprak");
	l = tablet_lang_of(s != NULL ? *s : STR_LIT(""), &own);
	*chosen = s != NULL && own;
	return l;
}

/* Every language of ours by its own name as list "languages" (code,
 * name, ldir, current), the one in use current. */
static enum app_err
kiosk_lock_languages(struct view_ctx *ctx, enum tablet_lang in_use)
{
	enum app_err e;

	if ((e = view_ctx_set_list(ctx, "languages")) != APP_OK)
		return e;
	for (int i = 0; i < TABLET_LANG__MAX; i++) {
		struct str code =
		    str_cstr(tablet_lang_code((enum tablet_lang)i));
		struct view_ctx *it = view_ctx_list_add(ctx, "languages");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_str(it, "code", code)) != APP_OK ||
		    (e = view_ctx_set_str(
		         it, "name", tablet_lang_name(code))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "ldir", tablet_dir(code))) !=
		        APP_OK ||
		    (e = view_ctx_set_bool(it, "current", i == (int)in_use)) !=
		        APP_OK)
			return e;
	}
	return APP_OK;
}

/* The lock screen with error (TABLET_MSG__MAX: none) and the code as
 * typed, in the language chosen on it. */
static enum app_err
kiosk_lock_render(struct req *r, enum tablet_msg error, struct str typed)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	int chosen;
	enum tablet_lang l = kiosk_lock_lang(r, &chosen);
	struct str code = str_cstr(tablet_lang_code(l));
	struct buf title;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	buf_init(&title, r->a);
	if ((e = buf_printf(&title, "%s – Stegvis",
	         tablet_word(l, TABLET_L_TITLE))) != APP_OK ||
	    (e = kiosk_csrf_bind(r, ctx)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "error",
	         error < TABLET_MSG__MAX ? tablet_word(l, error) : NULL)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "typed", typed)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "sprak", chosen ? code : STR_LIT(""))) !=
	        APP_OK ||
	    /* Not chosen yet: Swedish, with English beside it. */
	    (e = view_ctx_set_bool(ctx, "bilingual", !chosen)) != APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "t_choose", tablet_word(l, TABLET_Q_CHOOSE))) != APP_OK ||
	    (e = kiosk_lock_languages(ctx, l)) != APP_OK)
		return e;
	for (int m = TABLET_MSG_LOCK_FIRST; m <= TABLET_MSG_LOCK_LAST; m++)
		if ((e = view_ctx_set_cstr(ctx,
		         tablet_msg_key((enum tablet_msg)m),
		         tablet_word(l, (enum tablet_msg)m))) != APP_OK)
			return e;
	return kiosk_render(r, "kiosk_las", buf_str(&title), ctx, code,
	    str_eq_cstr(str_cstr(tablet_dir(code)), "rtl"), 0);
}

/* The lock screen's words for a refused code. */
static enum tablet_msg
kiosk_check_msg(enum quest_code_check c)
{
	switch (c) {
	case QCHECK_EXPIRED: return TABLET_L_CODE_OLD;
	case QCHECK_BUSY: return TABLET_L_CODE_BUSY;
	default: return TABLET_L_CODE_BAD;
	}
}

enum app_err
page_kiosk_lock(struct req *r)
{
	enum app_err e;
	r->resp.cacheable = 0; /* never stored, never revalidated */

	/* The lock screen ends whatever this device was answering. */
	if ((e = kiosk_release(r)) != APP_OK)
		return e;
	return kiosk_lock_render(r, TABLET_MSG__MAX, STR_LIT(""));
}

/* The HTTP status of a refused code or link. */
static int
kiosk_check_status(enum quest_code_check c, enum quest_code_kind want)
{
	if (c == QCHECK_BUSY)
		return 409;
	return want == QCODE_LANK ? 404 : 400;
}

/*
 * Bind this device to the code whose hash is given (quest_code_use()): a
 * fresh device token, then where the respondent goes on. *check says why
 * not (nothing changed).
 */
static enum app_err
kiosk_start(struct req *r, struct str hash, enum quest_code_kind want,
    enum quest_code_check *check)
{
	const struct str *old = kiosk_cookie(r);
	struct str token, dev, old_dev = STR_NULL;
	struct quest_code c;
	struct kiosk k;
	enum app_err e;

	if (old != NULL && (old_dev = quest_code_hash(r->a, *old)).p == NULL)
		return APP_ENOMEM;
	if ((token = session_random_hex(r, 32)).p == NULL ||
	    (dev = quest_code_hash(r->a, token)).p == NULL)
		return APP_ENOMEM;
	if ((e = quest_code_use(
	         r->db, r->a, hash, want, old_dev, dev, &c, check)) != APP_OK ||
	    *check != QCHECK_OK)
		return e;
	/* The code this device held before (if another) is let go. */
	if ((e = kiosk_release(r)) != APP_OK)
		return e;
	/* A staff member who started the questionnaire on this tablet is
	 * logged out: the participant holds it now. */
	if ((e = session_hand_over(
	         r, STR_LIT("tablet handed to a respondent"))) != APP_OK)
		return e;
	if ((e = session_set_cookie(r, KIOSK_COOKIE, token, -1)) != APP_OK)
		return e;
	kiosk_from_code(&k, &c);
	return kiosk_continue(r, &k);
}

enum app_err
page_kiosk_code(struct req *r)
{
	const struct str *typed = req_form(r, "kod");
	struct str t = typed ? *typed : STR_LIT("");
	enum quest_code_check check = QCHECK_OK;
	int too_many = 0;
	long long attempt = 0;
	char digits[9];
	enum app_err e;
	r->resp.cacheable = 0; /* never stored, never revalidated */

	if (t.len > 64)
		t = STR_LIT("");
	if (!quest_code_digits(t, digits)) {
		r->resp.status = 400;
		return kiosk_lock_render(r, TABLET_L_CODE_SHAPE, t);
	}
	if ((e = quest_code_attempt(
	         r->db, r->a, r->remote_addr, &attempt, &too_many)) != APP_OK)
		return e;
	if (too_many) {
		r->resp.status = 429;
		return kiosk_lock_render(r, TABLET_L_CODE_MANY, STR_LIT(""));
	}
	e = kiosk_start(r, quest_code_hash(r->a, str_cstr(digits)),
	    QCODE_SURFPLATTA, &check);
	if (e != APP_OK)
		return e;
	/* Not a wrong code: not counted. */
	if (check != QCHECK_UNKNOWN &&
	    (e = quest_code_attempt_forget(r->db, r->a, attempt)) != APP_OK)
		return e;
	if (check == QCHECK_OK)
		return APP_OK;
	r->resp.status = kiosk_check_status(check, QCODE_SURFPLATTA);
	return kiosk_lock_render(r, kiosk_check_msg(check), t);
}

/* ---- A personal link --------------------------------------------------- */

/* The link's token from the path, when it has the shape of one. */
static int
kiosk_token_ok(const struct req *r)
{
	return r->nparams == 1 && quest_link_token_ok(r->params[0]);
}

static enum app_err
kiosk_link_render(struct req *r, const char *error)
{
	struct view_ctx *ctx = view_ctx_new(r->a);
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	if ((e = kiosk_csrf_bind(r, ctx)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "error", error)) != APP_OK ||
	    (!error &&
	        (e = view_ctx_set_str(ctx, "token", r->params[0])) != APP_OK))
		return e;
	return kiosk_render(r, "kiosk_lank", STR_LIT("Enkät – Stegvis"), ctx,
	    STR_LIT("sv"), 0, 0);
}

enum app_err
page_kiosk_link(struct req *r)
{
	struct quest_code c;
	struct str hash;
	int found = 0;
	enum app_err e;
	r->resp.cacheable = 0; /* never stored, never revalidated */

	/* A link opened from e-mail carries no SameSite=Strict cookie, so the
	 * start is a button on our own page (a same-site POST). */
	if (!kiosk_token_ok(r)) {
		r->resp.status = 404;
		return kiosk_link_render(r, QUEST_MSG_LINK_BAD);
	}
	if ((hash = quest_code_hash(r->a, r->params[0])).p == NULL)
		return APP_ENOMEM;
	if ((e = quest_code_by_hash(r->db, r->a, hash, &c, &found)) != APP_OK)
		return e;
	if (quest_code_check(found, c.kind, QCODE_LANK, c.expired, 0, 0) !=
	    QCHECK_OK) {
		r->resp.status = 404;
		return kiosk_link_render(r, QUEST_MSG_LINK_BAD);
	}
	return kiosk_link_render(r, NULL);
}

enum app_err
page_kiosk_link_start(struct req *r)
{
	enum quest_code_check check = QCHECK_OK;
	enum app_err e;
	r->resp.cacheable = 0; /* never stored, never revalidated */

	if (!kiosk_token_ok(r)) {
		r->resp.status = 404;
		return kiosk_link_render(r, QUEST_MSG_LINK_BAD);
	}
	e = kiosk_start(
	    r, quest_code_hash(r->a, r->params[0]), QCODE_LANK, &check);
	if (e != APP_OK || check == QCHECK_OK)
		return e;
	r->resp.status = kiosk_check_status(check, QCODE_LANK);
	return kiosk_link_render(r, quest_code_check_text(check, QCODE_LANK));
}
