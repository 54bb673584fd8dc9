/* page_quest.c: answering a questionnaire on a tablet or by personal link:
 * the language, one question per screen, sending; see
 * include/page_quest.h. The way in (lock screen, code, link) is
 * page_kiosk.c; the respondent's device is kiosk.c. */
#include "arena.h"
#include "bind.h"
#include "form.h"
#include "form_registry.h"
#include "kiosk.h"
#include "page_quest.h"
#include "pages.h"
#include "quest.h"
#include "quest_response.h"
#include "req.h"
#include "session.h"
#include "view.h"

/* ---- Language --------------------------------------------------------- */

static const struct bind_key kiosk_lang_map[] = {
	{ "lang", "code" },
	{ "name", "name" },
	{ "dir", "ldir" },
};

/* The language page: the one chosen already, else the one chosen on the
 * lock screen (?sprak=), comes preselected (marked and focused) when the
 * questionnaire has it; the page speaks it when we have its words, else
 * Swedish and English. */
enum app_err
page_kiosk_lang(struct req *r)
{
	struct quest_language *langs;
	struct view_ctx *ctx;
	struct kiosk k;
	struct kiosk_lang pw;
	struct str want;
	size_t nlangs;
	enum app_err e;
	int redirected = 0;

	if ((e = kiosk_enter(r, &k, 0, &redirected)) != APP_OK || redirected)
		return e;
	if ((e = quest_languages(r->db, r->a, k.code.questionnaire_id, &langs,
	         &nlangs)) != APP_OK)
		return e;
	want = k.lang.len > 0 ? k.lang : kiosk_req_lang(r);
	pw = kiosk_lang_resolve(want);
	if (want.len == 0 || !pw.own)
		pw = (struct kiosk_lang){ .lang = "", .own = 0, .rtl = 0 };
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	if ((e = kiosk_csrf_bind(r, ctx)) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "t_choose",
	         pw.own ? kiosk_word(KW_CHOOSE, want) : NULL)) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "languages")) != APP_OK)
		return e;
	for (size_t i = 0; i < nlangs; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "languages");
		struct kiosk_lang words = kiosk_lang_resolve(langs[i].lang);

		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &quest_language_record, kiosk_lang_map,
		         BIND_N(kiosk_lang_map), &langs[i])) != APP_OK ||
		    (words.own &&
		        (e = view_ctx_set_cstr(it, "choose",
		             kiosk_word(KW_CHOOSE, langs[i].lang))) !=
		            APP_OK) ||
		    (e = view_ctx_set_bool(
		         it, "current", str_eq(langs[i].lang, want))) != APP_OK)
			return e;
	}
	return kiosk_render(r, "kiosk_sprak",
	    pw.own ? str_cstr(kiosk_word(KW_CHOOSE, want))
	           : STR_LIT("Välj språk · Choose language"),
	    ctx, str_cstr(pw.lang), pw.rtl, kiosk_idle(&k));
}

enum app_err
page_kiosk_lang_set(struct req *r)
{
	const struct str *lang = req_form(r, "sprak");
	struct quest_language *langs;
	struct kiosk k;
	size_t nlangs;
	enum app_err e;
	int redirected = 0;

	if ((e = kiosk_enter(r, &k, 0, &redirected)) != APP_OK || redirected)
		return e;
	if ((e = quest_languages(r->db, r->a, k.code.questionnaire_id, &langs,
	         &nlangs)) != APP_OK)
		return e;
	for (size_t i = 0; lang != NULL && i < nlangs; i++)
		if (str_eq(langs[i].lang, *lang)) {
			e = k.anon
			    ? quest_code_set_lang(r->db, r->a, k.code.id, *lang)
			    : quest_response_set_lang(
			          r->db, r->a, k.code.response_id, *lang);
			if (e != APP_OK)
				return e;
			k.lang = *lang;
			return kiosk_continue(r, &k);
		}
	return page_redirect(r, "/enkat/sprak");
}

/* ---- One question per screen ----------------------------------------- */

/* The item at the path's position n, 1..nitems, with all its screen
 * shows (kiosk_item_load()). */
static enum app_err
kiosk_item(
    struct req *r, const struct kiosk *k, long long *n, struct kiosk_screen *s)
{
	enum app_err e = req_param_id(r, n);

	if (e != APP_OK)
		return e;
	if (*n < 1 || *n > k->nitems)
		return APP_ENOTFOUND;
	return kiosk_item_load(r, k, *n, s);
}

/* What a screen says went wrong. */
enum kiosk_error {
	KE_NONE,
	KE_INVALID,  /* the answer does not fit the item */
	KE_TOO_LONG, /* a free text over its item's limit */
	KE_CHANGED,  /* a retry met another answer saved since: shown */
};

static const struct bind_key kiosk_option_map[] = {
	{ "position", "value" },
	{ "text", "label" },
};

/* The choices of a scale: min..max, the ends labelled. */
static enum app_err
kiosk_scale_bind(struct view_ctx *ctx, const struct quest_item_rec *item,
    const struct quest_shown *sh)
{
	enum app_err e;

	if ((e = view_ctx_set_bool(ctx, "is_scale", 1)) != APP_OK)
		return e;
	for (long long v = item->scale_min; v <= item->scale_max; v++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "choices");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_int(it, "value", v)) != APP_OK ||
		    (e = view_ctx_set_int(it, "label_num", v)) != APP_OK ||
		    (v == item->scale_min &&
		        (e = view_ctx_set_str(it, "label", item->min_label)) !=
		            APP_OK) ||
		    (v == item->scale_max &&
		        (e = view_ctx_set_str(it, "label", item->max_label)) !=
		            APP_OK) ||
		    (e = view_ctx_set_bool(it, "checked",
		         sh->special == QSPECIAL_NONE &&
		             quest_shown_has(sh, v))) != APP_OK)
			return e;
	}
	return view_ctx_set_cstr(ctx, "input", "radio");
}

/* The options of an enval or flerval item, in the screen's language. */
static enum app_err
kiosk_options_bind(struct view_ctx *ctx, const struct kiosk_screen *scr,
    const struct quest_shown *sh)
{
	const struct quest_item_rec *item = &scr->item;
	const struct quest_option_rec *opts = scr->opts;
	size_t nopts = scr->nopts;
	enum app_err e;

	for (size_t i = 0; i < nopts; i++) {
		struct view_ctx *it = view_ctx_list_add(ctx, "choices");
		if (it == NULL)
			return APP_ENOMEM;
		if ((e = bind_record(it, &quest_option_record, kiosk_option_map,
		         BIND_N(kiosk_option_map), &opts[i])) != APP_OK ||
		    (e = view_ctx_set_bool(it, "checked",
		         sh->special == QSPECIAL_NONE &&
		             quest_shown_has(sh, opts[i].position))) != APP_OK)
			return e;
	}
	if ((e = view_ctx_set_cstr(ctx, "input",
	         item->kind == QK_FLERVAL ? "checkbox" : "radio")) != APP_OK)
		return e;
	return view_ctx_set_bool(ctx, "is_choice", 1);
}

/* A free text: the item's own limit, with the count in the participant's
 * language (views/static/teckenantal.js). */
static enum app_err
kiosk_text_bind(struct req *r, struct view_ctx *ctx, const struct kiosk *k,
    const struct quest_item_rec *item, const struct quest_shown *sh)
{
	enum app_err e;

	if ((e = view_ctx_set_bool(ctx, "is_text", 1)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "typed", sh->text)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "svar_max", item->max_length)) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "teckenantal", 1)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "count_hint",
	         kiosk_fill(r, kiosk_t(k, KW_COUNT_HINT), item->max_length,
	             0))) != APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "t_count_left", kiosk_t(k, KW_COUNT_LEFT))) != APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "t_count_over", kiosk_t(k, KW_COUNT_OVER))) != APP_OK)
		return e;
	return APP_OK;
}

/* "Vet ej" and "Ej aktuellt" where the item allows them. */
static enum app_err
kiosk_specials_bind(struct view_ctx *ctx, const struct kiosk *k,
    const struct quest_item_rec *item, const struct quest_shown *sh)
{
	const struct {
		int allowed;
		enum quest_special special;
		enum kiosk_word word;
	} specials[] = {
		{ item->allow_vet_ej, QSPECIAL_VET_EJ, KW_DONT_KNOW },
		{ item->allow_ej_aktuellt, QSPECIAL_EJ_AKTUELLT, KW_NOT_APPL },
	};
	enum app_err e;

	for (size_t i = 0; i < sizeof(specials) / sizeof(specials[0]); i++) {
		struct view_ctx *it;

		if (!specials[i].allowed)
			continue;
		if ((it = view_ctx_list_add(ctx, "specials")) == NULL)
			return APP_ENOMEM;
		if ((e = view_ctx_set_cstr(it, "value",
		         quest_special_name(specials[i].special))) != APP_OK ||
		    (e = view_ctx_set_cstr(it, "label",
		         kiosk_t(k, specials[i].word))) != APP_OK ||
		    (e = view_ctx_set_bool(it, "checked",
		         sh->special == specials[i].special)) != APP_OK)
			return e;
	}
	return APP_OK;
}

/* The page title of screen n: "Fråga n av m – <the questionnaire's
 * title>" in the respondent's language, never the question (it stays in
 * the browser's history). Arena. */
static enum app_err
kiosk_item_title(struct req *r, const struct kiosk *k, long long n,
    struct str qtitle, struct str *title)
{
	struct str progress;
	struct buf b;
	enum app_err e;

	progress = kiosk_fill(r, kiosk_t(k, KW_PROGRESS), n, k->nitems);
	if (progress.p == NULL)
		return APP_ENOMEM;
	buf_init(&b, r->a);
	if ((e = buf_append(&b, progress.p, progress.len)) != APP_OK)
		return e;
	if (qtitle.len > 0 &&
	    ((e = buf_puts(&b, " – ")) != APP_OK ||
	        (e = buf_append(&b, qtitle.p, qtitle.len)) != APP_OK))
		return e;
	*title = buf_str(&b);
	return APP_OK;
}

static enum app_err
kiosk_item_render(struct req *r, const struct kiosk *k, long long n,
    const struct kiosk_screen *scr, const struct quest_shown *sh,
    enum kiosk_error error)
{
	const struct quest_item_rec *item = &scr->item;
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct str lang = k->lang.len ? k->lang : STR_LIT("sv");
	struct str title;
	struct buf back;
	enum app_err e;

	if (ctx == NULL)
		return APP_ENOMEM;
	/* The screen's key as read with the item (also after an error: the
	 * item was not saved). */
	if ((e = kiosk_item_title(r, k, n, scr->title, &title)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "nyckel", scr->key)) != APP_OK)
		return e;
	buf_init(&back, r->a);
	if ((e = buf_printf(&back, "/enkat/fraga/%lld", n > 1 ? n - 1 : 1)) !=
	    APP_OK)
		return e;
	if ((e = kiosk_csrf_bind(r, ctx)) != APP_OK ||
	    (e = kiosk_bind_ui(ctx, k)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "n", n)) != APP_OK ||
	    (e = view_ctx_set_int(ctx, "m", k->nitems)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "progress",
	         kiosk_fill(r, kiosk_t(k, KW_PROGRESS), n, k->nitems))) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "text", item->text)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "min_label", item->min_label)) !=
	        APP_OK ||
	    (e = view_ctx_set_str(ctx, "max_label", item->max_label)) !=
	        APP_OK ||
	    (error == KE_INVALID &&
	        (e = view_ctx_set_cstr(ctx, "error", kiosk_t(k, KW_ERROR))) !=
	            APP_OK) ||
	    (error == KE_CHANGED &&
	        (e = view_ctx_set_cstr(ctx, "error", kiosk_t(k, KW_CHANGED))) !=
	            APP_OK) ||
	    (error == KE_TOO_LONG &&
	        (e = view_ctx_set_str(ctx, "error",
	             kiosk_fill(r, kiosk_t(k, KW_TOO_LONG), item->max_length,
	                 0))) != APP_OK))
		return e;
	if (n == 1 &&
	    (e = view_ctx_set_str(ctx, "intro", scr->intro)) != APP_OK)
		return e;
	if ((e = view_ctx_set_list(ctx, "choices")) != APP_OK ||
	    (e = view_ctx_set_list(ctx, "specials")) != APP_OK)
		return e;
	switch (item->kind) {
	case QK_SKALA: e = kiosk_scale_bind(ctx, item, sh); break;
	case QK_ENVAL:
	case QK_FLERVAL: e = kiosk_options_bind(ctx, scr, sh); break;
	case QK_VAS: {
		struct str typed =
		    sh->special != QSPECIAL_NONE ? STR_LIT("") : sh->text;
		if ((e = view_ctx_set_bool(ctx, "is_vas", 1)) == APP_OK &&
		    (e = view_ctx_set_bool(ctx, "vas_unset",
		         str_trim_blanks(typed).len == 0)) == APP_OK)
			e = view_ctx_set_str(ctx, "typed", typed);
		break;
	}
	default: e = kiosk_text_bind(r, ctx, k, item, sh); break;
	}
	if (e != APP_OK ||
	    (e = kiosk_specials_bind(ctx, k, item, sh)) != APP_OK)
		return e;
	if ((e = view_ctx_set_bool(ctx, "has_back", n > 1)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "back_url", buf_str(&back))) != APP_OK)
		return e;
	return kiosk_render(
	    r, "kiosk_fraga", title, ctx, lang, k->rtl, kiosk_idle(k));
}

enum app_err
page_kiosk_item(struct req *r)
{
	struct quest_shown sh = { .nints = 0 };
	struct quest_answer *ans;
	struct kiosk_screen scr;
	struct kiosk k;
	size_t nans;
	long long n;
	enum app_err e;
	int redirected = 0;

	if ((e = kiosk_enter(r, &k, 1, &redirected)) != APP_OK || redirected)
		return e;
	if ((e = kiosk_item(r, &k, &n, &scr)) != APP_OK ||
	    (e = quest_sheet_answers(
	         r->db, r->a, &k.sheet, scr.item.id, &ans, &nans)) != APP_OK)
		return e;
	quest_shown_from_answers(r->a, scr.item.kind, ans, nans, &sh);
	return kiosk_item_render(r, &k, n, &scr, &sh, KE_NONE);
}

/* A save that wrote nothing because of its key: a key we never gave is
 * a 400 like any other input that does not fit; a form shown before the
 * item's last save that gives another answer than the one saved (the
 * participant chose again while the first try's reply was lost) comes
 * back with the saved answer and says so, to be chosen again (409),
 * never moving on as if the new choice were kept. */
static enum app_err
kiosk_item_saved_since(struct req *r, const struct kiosk *k, long long n,
    struct kiosk_screen *scr, enum quest_saved saved)
{
	struct quest_shown sh = { .nints = 0 };
	struct quest_answer *ans;
	size_t nans;
	enum app_err e;

	/* The screen and the answers as they are now: saved since the item
	 * was read for the save. */
	if ((e = kiosk_item_load(r, k, n, scr)) != APP_OK ||
	    (e = quest_sheet_answers(
	         r->db, r->a, &k->sheet, scr->item.id, &ans, &nans)) != APP_OK)
		return e;
	quest_shown_from_answers(r->a, scr->item.kind, ans, nans, &sh);
	r->resp.status = saved == QSAVED_UNKNOWN ? 400 : 409;
	return kiosk_item_render(r, k, n, scr, &sh,
	    saved == QSAVED_UNKNOWN ? KE_INVALID : KE_CHANGED);
}

enum app_err
page_kiosk_item_save(struct req *r)
{
	enum quest_go go = quest_go_from_form(req_form(r, "ga"));
	struct quest_answer_row rows[QUEST_ANSWER_ROWS];
	struct quest_shown sh = { .nints = 0 };
	struct kiosk_screen scr;
	const struct quest_item_rec *item = &scr.item;
	struct quest_save sv;
	struct kiosk k;
	size_t nrows = 0;
	long long n = 0, key;
	int parsed = 1, too_long = 0;
	enum quest_saved saved;
	enum quest_step step;
	struct buf next;
	enum app_err e, pe = req_param_id(r, &n);
	int redirected = 0;

	/* The respondent, the item and its key in one statement; the
	 * device is marked seen by the save's own write. */
	e = kiosk_enter_save(r, &k, pe == APP_OK ? n : 0, &scr, &redirected);
	if (redirected)
		return e;
	if (e == APP_ENOTFOUND) { /* no such item: seen all the same */
		if ((e = quest_code_touch(r->db, r->a, k.code.id)) != APP_OK)
			return e;
		return pe != APP_OK ? pe : APP_ENOTFOUND;
	}
	if (e != APP_OK)
		return e;
	if (go != QGO_SKIP)
		parsed = quest_answer_parse(r->a, item, scr.opts, scr.nopts,
		    &r->form, rows, &nrows, &sh);
	if (!parsed)
		too_long = quest_text_too_long(item, req_form(r, "svar"));
	step = quest_step_decide(item->kind, go,
	    kv_get(&r->form, "visad") != NULL, parsed, too_long, nrows);
	if (!quest_key_from_form(req_form(r, "nyckel"), &key))
		step = QSTEP_ERROR; /* not a key we gave */
	if (step == QSTEP_TOO_LONG || step == QSTEP_ERROR) {
		r->resp.status = 400;
		/* The screen again: all it shows (the save read less). */
		if ((e = quest_code_touch(r->db, r->a, k.code.id)) != APP_OK ||
		    (e = kiosk_item_load(r, &k, n, &scr)) != APP_OK)
			return e;
		return kiosk_item_render(r, &k, n, &scr, &sh,
		    step == QSTEP_TOO_LONG ? KE_TOO_LONG : KE_INVALID);
	}
	/* Saved at once, whole. A screen whose item was saved since it was
	 * shown (this form sent again: a reload, a retry whose first try
	 * arrived) writes nothing and goes on as the first one did. */
	sv = (struct quest_save){ .code_id = k.code.id,
		.dev = k.dev,
		.item = item->id,
		.multi = item->kind == QK_FLERVAL,
		.key = key,
		.key_read = scr.key,
		.step = step,
		.rows = rows,
		.nrows = nrows };
	if ((e = quest_sheet_save(r->db, r->a, &k.sheet, &sv, &saved)) !=
	    APP_OK)
		return e;
	if (saved == QSAVED_NOT_HELD)
		return kiosk_to_lock(r, k.lang);
	if (saved == QSAVED_UNKNOWN || saved == QSAVED_CHANGED)
		return kiosk_item_saved_since(r, &k, n, &scr, saved);
	buf_init(&next, r->a);
	if (go == QGO_BACK)
		e = n > 1 ? buf_printf(&next, "/enkat/fraga/%lld", n - 1)
		          : buf_puts(&next, "/enkat/sprak");
	else if (n < k.nitems)
		e = buf_printf(&next, "/enkat/fraga/%lld", n + 1);
	else
		e = buf_puts(&next, "/enkat/skicka");
	if (e != APP_OK)
		return e;
	return page_redirect(r, next.p);
}

/* ---- Sending ---------------------------------------------------------- */

enum app_err
page_kiosk_send_form(struct req *r)
{
	struct view_ctx *ctx;
	long long answered;
	struct buf back;
	struct kiosk k;
	enum app_err e;
	int redirected = 0;

	if ((e = kiosk_enter(r, &k, 1, &redirected)) != APP_OK || redirected)
		return e;
	if ((e = quest_sheet_answered(r->db, r->a, &k.sheet, &answered)) !=
	    APP_OK)
		return e;
	if ((ctx = view_ctx_new(r->a)) == NULL)
		return APP_ENOMEM;
	buf_init(&back, r->a);
	if ((e = buf_printf(&back, "/enkat/fraga/%lld", k.nitems)) != APP_OK ||
	    (e = kiosk_csrf_bind(r, ctx)) != APP_OK ||
	    (e = kiosk_bind_ui(ctx, &k)) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "summary",
	         kiosk_fill(r, kiosk_t(&k, KW_SEND_TEXT), answered,
	             k.nitems))) != APP_OK ||
	    (e = view_ctx_set_str(ctx, "back_url", buf_str(&back))) != APP_OK)
		return e;
	return kiosk_render(r, "kiosk_skicka",
	    str_cstr(kiosk_t(&k, KW_SEND_TITLE)), ctx, k.lang, k.rtl,
	    kiosk_idle(&k));
}

enum app_err
page_kiosk_send(struct req *r)
{
	struct buf to;
	struct kiosk k;
	int sent = 0;
	enum app_err e;
	r->resp.cacheable = 0; /* never stored, never revalidated */

	/* Sent already (a second tap, the back button): the lock screen. */
	if ((e = kiosk_load(r, &k)) == APP_ENOTFOUND)
		return kiosk_to_lock(r, kiosk_req_lang(r));
	if (e != APP_OK)
		return e;
	if ((e = quest_response_send(r, &k.code, k.dev, k.lang, &sent)) !=
	    APP_OK)
		return e;
	if (!sent) /* a parallel send won */
		return kiosk_to_lock(r, k.lang);
	if ((e = session_set_cookie(r, KIOSK_COOKIE, STR_LIT(""), 0)) != APP_OK)
		return e;
	buf_init(&to, r->a);
	if ((e = buf_printf(&to, "/enkat/tack?sprak=%s%s", k.words.lang,
	         k.is_link ? "" : "&surfplatta=1")) != APP_OK)
		return e;
	return page_redirect(r, to.p);
}

enum app_err
page_kiosk_thanks(struct req *r)
{
	const struct str *q = req_query(r, "sprak");
	struct str lang = q ? *q : STR_LIT("sv");
	int kiosk = req_query(r, "surfplatta") != NULL;
	struct view_ctx *ctx = view_ctx_new(r->a);
	struct kiosk_lang words = kiosk_lang_resolve(lang);
	struct str shown = str_cstr(words.own ? words.lang : "");
	const char *lock = kiosk_lock_url(r, shown);
	enum app_err e;
	r->resp.cacheable = 0; /* never stored, never revalidated */

	if (ctx == NULL || lock == NULL)
		return APP_ENOMEM;
	/* "Klar" (and the idle return) to the lock screen in the
	 * participant's language, never back to Swedish. */
	if ((e = view_ctx_set_cstr(ctx, "lock_url", lock)) != APP_OK ||
	    (e = view_ctx_set_cstr(
	         ctx, "t_thanks", kiosk_word(KW_THANKS, lang))) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "t_thanks_text",
	         kiosk_word(KW_THANKS_TEXT, lang))) != APP_OK ||
	    (e = view_ctx_set_cstr(ctx, "t_done", kiosk_word(KW_DONE, lang))) !=
	        APP_OK ||
	    (e = view_ctx_set_bool(ctx, "kiosk", kiosk)) != APP_OK)
		return e;
	/* On a tablet the thank-you goes back to the lock screen by itself
	 * (it shows nothing of the answers). */
	return kiosk_render(r, "kiosk_tack",
	    str_cstr(kiosk_word(KW_THANKS, lang)), ctx, shown, words.rtl,
	    kiosk ? 20 : 0);
}

/* The free text's limit is the item's own max-length (1..2000, checked
 * when a definition is loaded, app/quest_xml.c); 2000 is the most any
 * item may have, as answer.value_text holds. */
static const struct field_spec kiosk_text_spec[1] = {
	{ "svar", FT_TEXT, 0, 2000, FF_MULTILINE | FF_DATA_MAX, NULL },
};

static const struct form_def quest_forms[] = {
	{ "POST /enkat/fraga/:n", "kiosk_fraga", kiosk_text_spec, 1 },
};

const struct form_def *
page_quest_forms(size_t *n)
{
	*n = sizeof(quest_forms) / sizeof(quest_forms[0]);
	return quest_forms;
}
