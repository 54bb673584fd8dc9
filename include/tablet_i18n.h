/*
 * tablet_i18n.h: the words around what a participant reads on a tablet,
 * in the participant's languages, and the lang/dir of a language code.
 *
 * One table of messages (enum tablet_msg) by the six participant languages
 * (enum tablet_lang: sv, en, ar, so, fa-AF, ti). What a message says is the
 * same on every tablet page that shows it. A word not translated into a
 * language is missing from the table (never guessed) and comes out in
 * Swedish; tablet_word_own() tells the page so that it can mark it
 * lang="sv". The texts themselves (consent texts, questionnaire items) are
 * data with their own languages; these are only the words around them.
 *
 * Three flows use it: the consent tablet (app/page_consent_tablet.c,
 * app/page_consent_revoke.c: TABLET_MSG_CONSENT_FIRST ..
 * TABLET_MSG_CONSENT_LAST), the questionnaire kiosk (its words are here,
 * TABLET_MSG_KIOSK_FIRST .. TABLET_MSG_KIOSK_LAST, for app/page_quest.c)
 * and the lock screen where a code is typed (app/page_kiosk.c:
 * TABLET_MSG_LOCK_FIRST .. TABLET_MSG_LOCK_LAST). Every message is in
 * every language (tests/unit/test_tablet_i18n.c).
 *
 * The Arabic, Somali, Dari and Tigrinya words are our own best-effort
 * translations, to be checked by a translator.
 *
 * No I/O; unit-tested in tests/unit/test_tablet_i18n.c.
 */
#ifndef TABLET_I18N_H
#define TABLET_I18N_H

#include "app.h"
#include "str.h"

struct view_ctx;

/* The participant languages we have words for; TABLET_SV is the fallback. */
enum tablet_lang {
	TABLET_SV,
	TABLET_EN,
	TABLET_AR,
	TABLET_SO,
	TABLET_FA_AF,
	TABLET_TI,
	TABLET_LANG__MAX
};

enum tablet_msg {
	/* The consent tablet: reading, signing, the copy, revoking. */
	TABLET_PARTIES,
	TABLET_CATEGORIES,
	TABLET_OBTAIN,
	TABLET_DISCLOSE,
	TABLET_PERIOD,
	TABLET_PERIOD_FROM,  /* before the start date: "från" 2026-01-01 */
	TABLET_PERIOD_UNTIL, /* before the end date: "till" 2026-12-31 */
	TABLET_COMMA,        /* between a name and a time: the language's
	                      * comma ("،" in Arabic and Dari) */
	TABLET_PURPOSE,
	TABLET_NAME,
	TABLET_SIGN,
	TABLET_CLEAR,
	TABLET_AGREE,
	TABLET_SUS_YES,
	TABLET_SUS_NO,
	TABLET_SEND,
	TABLET_ERR_NAME,
	TABLET_ERR_SIG,
	TABLET_ERR_ANSWER,
	TABLET_ERRORS,
	TABLET_THANKS,
	TABLET_GIVE_BACK,
	TABLET_COPY,
	TABLET_REVOKE,
	TABLET_REVOKE_FOR,
	TABLET_REVOKED,
	TABLET_WITHDRAWN,
	TABLET_SIGNATURE,
	TABLET_YOUR_COPY,
	TABLET_ANSWER,
	TABLET_NOTHING_TO_REVOKE,
	TABLET_SIGNED_PAPER,
	TABLET_TOO_LATE,
	TABLET_REVOKE_INTRO,
	TABLET_WAIVER,
	TABLET_WAIVER_ABOUT,
	TABLET_PARTY_DOES,
	TABLET_WAIVER_ALL,
	TABLET_WAIVER_ALL_DOES,
	TABLET_SUS,
	TABLET_SUS_ABOUT,
	TABLET_SUS_REVOKE,
	TABLET_SUS_DOES,
	TABLET_CONFIRM,
	TABLET_CONFIRM_YES,
	TABLET_CONFIRM_NO,
	TABLET_MORE,
	TABLET_DONE,
	TABLET_ERR_NAME_LONG, /* {n}: the limit */
	TABLET_COUNT_HINT,    /* {n}: the limit */
	TABLET_COUNT_LEFT,    /* {n}: left (filled in by teckenantal.js) */
	TABLET_COUNT_OVER,    /* {n}: too many (likewise) */
	/* The signature by typed name, the keyboard's way to sign. */
	TABLET_SIGN_TYPED_LEGEND,
	TABLET_SIGN_TYPED,
	TABLET_SIGN_TYPED_CONFIRM,
	TABLET_ERR_TYPED_CONFIRM,
	TABLET_ERR_TYPED_MATCH,
	TABLET_SIGNED_TYPED,
	/* The questionnaire kiosk. */
	TABLET_Q_CHOOSE,
	TABLET_Q_PROGRESS, /* {n} of {m} */
	TABLET_Q_NEXT,
	TABLET_Q_BACK,
	TABLET_Q_SKIP,
	TABLET_Q_SEND_TITLE,
	TABLET_Q_SEND_TEXT, /* {n} of {m} answered */
	TABLET_Q_SEND,
	TABLET_Q_THANKS,
	TABLET_Q_THANKS_TEXT,
	TABLET_Q_DONE,
	TABLET_Q_DONT_KNOW,
	TABLET_Q_NOT_APPL,
	TABLET_Q_VAS_HELP,
	TABLET_Q_ERROR,
	TABLET_Q_YOUR_ANSWER,
	TABLET_Q_COUNT_HINT, /* {n}: the limit */
	TABLET_Q_COUNT_LEFT,
	TABLET_Q_COUNT_OVER,
	TABLET_Q_TOO_LONG, /* {n}: the limit */
	TABLET_Q_OFFLINE,  /* the kiosk lost the network; the answer waits */
	TABLET_Q_SAVING,
	TABLET_Q_VAS_UNSET, /* a scale nobody has touched yet */
	TABLET_Q_CHANGED,   /* a retry met an answer saved since: shown */
	TABLET_Q_LOCKED,    /* the idle lock fired without a network */
	/* The lock screen (app/page_kiosk.c): typing a code. */
	TABLET_L_TITLE,
	TABLET_L_INTRO,
	TABLET_L_CODE,
	TABLET_L_START,
	TABLET_L_NOTE,
	TABLET_L_CODE_BAD,
	TABLET_L_CODE_OLD,
	TABLET_L_CODE_BUSY,
	TABLET_L_CODE_SHAPE,
	TABLET_L_CODE_MANY,
	TABLET_MSG__MAX
};

#define TABLET_MSG_CONSENT_FIRST TABLET_PARTIES
#define TABLET_MSG_CONSENT_LAST  TABLET_SIGNED_TYPED
#define TABLET_MSG_KIOSK_FIRST   TABLET_Q_CHOOSE
#define TABLET_MSG_KIOSK_LAST    TABLET_Q_LOCKED
#define TABLET_MSG_LOCK_FIRST    TABLET_L_TITLE
#define TABLET_MSG_LOCK_LAST     TABLET_L_CODE_MANY

/*
 * The language whose words serve code (a BCP 47 tag as the texts carry
 * it): an exact match, else one of ours that code extends with a region
 * or more ("en-GB" gets English), else Swedish. *own (may be NULL) is 1
 * when the words are code's own language, 0 when Swedish stands in.
 */
enum tablet_lang tablet_lang_of(struct str code, int *own);

/* The tag of lang ("sv", "fa-AF", ...). Static. */
const char *tablet_lang_code(enum tablet_lang lang);

/* "rtl" for a language written right to left (by its primary subtag, so
 * an admin's "ckb" or "fa-IR" text gets it too), else "ltr". Static. */
const char *tablet_dir(struct str code);

/* The language's own name ("Svenska", "English", "العربية", "Soomaali",
 * "دری", "ትግርኛ") when code is exactly one of ours, else code itself.
 * Borrowed (static or code). */
struct str tablet_lang_name(struct str code);

/* For staff: the Swedish name with the language's own after it
 * ("Tigrinja (ትግርኛ)", "Svenska") when code is exactly one of ours, else
 * code itself. Borrowed (static or code). */
struct str tablet_lang_label(struct str code);

/* code's place in the table of our languages (sv, en, ar, so, fa-AF, ti),
 * TABLET_LANG__MAX for a code that is not exactly one of ours: the order
 * lists of languages are shown in. */
int tablet_lang_rank(struct str code);

/* Message msg in lang, Swedish when it has not been translated into lang.
 * Static; never NULL. */
const char *tablet_word(enum tablet_lang lang, enum tablet_msg msg);

/* 1 when msg has been translated into lang (tablet_word() is in lang). */
int tablet_word_own(enum tablet_lang lang, enum tablet_msg msg);

/* The view key msg binds to in a tablet page ("t_parties", ...). Static. */
const char *tablet_msg_key(enum tablet_msg msg);

/*
 * Bind "lang" (code itself, so a text we have no words for is still
 * marked right for screen readers), "dir" (tablet_dir()) and every message
 * first .. last under its key, in the words of tablet_lang_of(code), and
 * always TABLET_Q_LOCKED (the idle lock's words, "t_locked").
 * APP_OK or APP_ENOMEM.
 */
enum app_err tablet_bind(struct view_ctx *, struct str code,
    enum tablet_msg first, enum tablet_msg last);

#endif /* !TABLET_I18N_H */
