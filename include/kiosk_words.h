/*
 * kiosk_words.h: the questionnaire kiosk's own words (buttons, progress,
 * messages) in the languages of the shipped definitions, and the language
 * and direction they are shown in.
 *
 * The words themselves are the kiosk block of the one tablet word table
 * (include/tablet_i18n.h), which the consent tablet uses too; this is the
 * kiosk's view of it: a word for a message in a language, and the
 * language/direction resolver. No I/O.
 */
#ifndef KIOSK_WORDS_H
#define KIOSK_WORDS_H

#include "str.h"

enum kiosk_word {
	KW_CHOOSE,
	KW_PROGRESS,
	KW_NEXT,
	KW_BACK,
	KW_SKIP,
	KW_SEND_TITLE,
	KW_SEND_TEXT,
	KW_SEND,
	KW_THANKS,
	KW_THANKS_TEXT,
	KW_DONE,
	KW_DONT_KNOW,
	KW_NOT_APPL,
	KW_VAS_HELP,
	KW_ERROR,
	KW_YOUR_ANSWER,
	KW_COUNT_HINT,
	KW_COUNT_LEFT,
	KW_COUNT_OVER,
	KW_TOO_LONG,
	KW_OFFLINE,
	KW_SAVING,
	KW_VAS_UNSET,
	KW_CHANGED,
	KW_LOCKED,
	KW__MAX
};

/* The language the kiosk's words are shown in for a wanted language. */
struct kiosk_lang {
	const char *lang; /* the words' language (static): the wanted one,
	                   * else its primary language, else "sv" */
	int own;          /* 1 unless the words fell back to Swedish */
	int rtl;          /* the words' language is written right to left */
};

/* The words' language for lang: exact, then lang without its region
 * ("so-SO" finds "so"), then Swedish (own = 0). */
struct kiosk_lang kiosk_lang_resolve(struct str lang);

/* Message w in the words' language for lang (kiosk_lang_resolve()); it may
 * hold {n} and {m} for numbers. Static. */
const char *kiosk_word(enum kiosk_word w, struct str lang);

#endif /* !KIOSK_WORDS_H */
