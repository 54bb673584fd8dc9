/*
 * kiosk.h: the respondent's device: which code it holds and what it is
 * answering, from its cookie; and what every respondent's page shares
 * (the kiosk layout, the UI words, the pre-login CSRF token). Used by the
 * respondent's handlers (page_kiosk.c, page_quest.c) and the staff's code
 * page.
 *
 * A device holds a code through a random token in the cookie
 * KIOSK_COOKIE; only the token's hash is stored (include/quest_code.h).
 * A tablet lets go after QUEST_IDLE_SECONDS idle, a personal link after
 * QUEST_LINK_IDLE_SECONDS; every page is Cache-Control: no-store.
 */
#ifndef KIOSK_H
#define KIOSK_H

#include "app.h"
#include "kiosk_words.h"
#include "quest_code.h"
#include "quest.h"
#include "quest_response.h"
#include "str.h"

struct req;
struct view_ctx;

#define KIOSK_COOKIE "stegvis_enkat"
#define KIOSK_LOCK   "/surfplatta" /* the lock screen */

/* One respondent's state. Strings are arena. */
struct kiosk {
	struct quest_code code;   /* the code this device holds */
	struct quest_sheet sheet; /* where its answers go */
	struct str dev;           /* this device's hash */
	struct str lang;          /* the language chosen, "" before */
	long long nitems;         /* items of the questionnaire */
	int rtl;                  /* lang is written right to left, as the
	                           * definition says */
	int anon, is_link;
	struct kiosk_lang words; /* the UI words' language for lang */
};

/* What kiosk_load() reads in one statement (SQL_QUEST_KIOSK_DEVICE): the
 * code this device holds, its response (a linked code's), the number of
 * items and whether the language chosen is written right to left. */
struct kiosk_device {
	struct quest_code code;
	int has_resp; /* a linked code's response row exists */
	struct str resp_language, resp_status;
	long long resp_sitting;
	long long nitems;
	int rtl;
};
extern const struct db_record kiosk_device_record;

/* One row of an item screen (SQL_QUEST_KIOSK_ITEM): the item, one of its
 * options (an enval/flerval item has a row per option; opt_position 0:
 * none), the questionnaire's title and intro in the language, and the
 * screen's key with the code (quest_screen_key()). */
struct kiosk_item_row {
	struct quest_item_rec item;
	long long opt_position;
	struct str opt_value, opt_text;
	struct str title, intro;
	long long key;
};
extern const struct db_record kiosk_item_row_record;

/* An item screen as kiosk_item_load() reads it. Arena. */
struct kiosk_screen {
	struct quest_item_rec item;
	struct quest_option_rec *opts; /* enval/flerval: in order */
	size_t nopts;
	struct str title, intro;
	long long key; /* as read with the item */
};

/*
 * Item n (1..) of k's questionnaire in k's language, with its options,
 * the title and intro and the screen's key, in one statement:
 * APP_ENOTFOUND when there is no such item.
 */
enum app_err kiosk_item_load(
    struct req *, const struct kiosk *k, long long n, struct kiosk_screen *out);

/* One row of a save's statement (SQL_QUEST_KIOSK_SAVE): the device's row
 * (first, as kiosk_device_record reads it), the item at the position
 * without its texts (item.id 0: none there), one of its options
 * (opt_position 0: none) and the screen's key as read now. */
struct kiosk_save_row {
	struct kiosk_device d;
	struct quest_item_rec item;
	long long opt_position;
	struct str opt_value;
	long long key;
};
extern const struct db_record kiosk_save_row_record;

/*
 * kiosk_enter() (with a language) for a save of item n (1.., 0: none):
 * the respondent into k and the item's shape and options (no texts: the
 * save shows nothing; kiosk_item_load() reads a screen) with its
 * screen's key as read now (not locked) into out, in one statement.
 * The device is NOT marked seen: the save's write does that
 * (quest_sheet_save()), or the caller (quest_code_touch()). *redirected
 * as kiosk_enter(); APP_ENOTFOUND when there is no item n.
 */
enum app_err kiosk_enter_save(struct req *, struct kiosk *k, long long n,
    struct kiosk_screen *out, int *redirected);

/* The device cookie, when it has the shape of one (borrowed). */
const struct str *kiosk_cookie(struct req *);

/* Let go of this device's code (if any) and clear the cookie. */
enum app_err kiosk_release(struct req *);

/* k as a device that has just used code c (no device hash, no items
 * counted): enough for kiosk_continue(). */
void kiosk_from_code(struct kiosk *k, const struct quest_code *c);

/*
 * The respondent of this device into k, or APP_ENOTFOUND: no code held,
 * idle too long, expired or sent (an idle or expired one is let go; the
 * answers stay). The device is seen now.
 */
enum app_err kiosk_load(struct req *, struct kiosk *k);

/*
 * The participant language the request names ("sprak" in its form, else
 * its query), as our own tag ("ti", "fa-AF"), or "" when it names none of
 * ours. The lock screen's choice travels so: from the lock screen's form
 * to the language page (preselected), and back in every kiosk form, so a
 * code let go meanwhile still lands on the lock screen in that language.
 * A language is no personal data; nothing else goes into a URL. Static.
 */
struct str kiosk_req_lang(struct req *);

/* The lock screen in lang ("/surfplatta?sprak=ti") when lang is one of
 * the participant languages (include/tablet_i18n.h) other than Swedish,
 * else KIOSK_LOCK (Swedish with English beside it, the lock screen's
 * own). Arena or static; NULL when out of memory. */
const char *kiosk_lock_url(struct req *, struct str lang);

/* Redirect to kiosk_lock_url(lang). */
enum app_err kiosk_to_lock(struct req *, struct str lang);

/*
 * What every kiosk page does first: never cache; the respondent of this
 * device (none: to the lock screen, in kiosk_req_lang()'s language); with
 * need_lang, a language chosen (none: to the language choice). *redirected
 * = 1 when a redirect is the answer, and the caller returns at once.
 */
enum app_err kiosk_enter(
    struct req *, struct kiosk *k, int need_lang, int *redirected);

/* Redirect to where a respondent goes on: the language (with
 * kiosk_req_lang() preselected), the first unanswered item, or the send
 * page. k needs anon, code, sheet, lang. */
enum app_err kiosk_continue(struct req *, const struct kiosk *k);

/* The pre-login CSRF token for the kiosk's forms (set as a cookie when
 * missing, renewed at every page), bound to "kiosk_csrf" in ctx. */
enum app_err kiosk_csrf_bind(struct req *, struct view_ctx *);

/* "{n}" and "{m}" in tpl replaced (arena); {NULL, 0} when it is full. */
struct str kiosk_fill(struct req *, const char *tpl, long long n, long long m);

/* Word w in the respondent's language (kiosk_words.h). Static. */
const char *kiosk_t(const struct kiosk *k, enum kiosk_word w);

/* Seconds idle before the lock screen: a tablet's, none for a link. */
unsigned kiosk_idle(const struct kiosk *k);

/*
 * Render page inside the kiosk layout with title: lang ("" for none
 * chosen: Swedish) and dir of the respondent, the idle return to the lock
 * screen in lang (kiosk_lock_url()) when idle > 0, never cached.
 */
enum app_err kiosk_render(struct req *, const char *page, struct str title,
    struct view_ctx *, struct str lang, int rtl, unsigned idle);

/* The navigation words into ctx ("ui_lang" set when they are not in the
 * respondent's language), and "sprak", the respondent's language, for a
 * hidden field of the page's form (kiosk_req_lang()). */
enum app_err kiosk_bind_ui(struct view_ctx *, const struct kiosk *k);

#endif /* !KIOSK_H */
