/* kiosk_words.c: the kiosk's words, from the one tablet word table
 * (tablet_i18n.c); see include/kiosk_words.h. */
#include <string.h>

#include "kiosk_words.h"
#include "tablet_i18n.h"

/* The kiosk's messages are a block of the tablet's, in the same order. */
_Static_assert(TABLET_MSG_KIOSK_LAST - TABLET_MSG_KIOSK_FIRST + 1 == KW__MAX,
    "enum kiosk_word out of step with the kiosk block of enum tablet_msg");

struct kiosk_lang
kiosk_lang_resolve(struct str lang)
{
	int own;
	const char *code = tablet_lang_code(tablet_lang_of(lang, &own));

	return (struct kiosk_lang){ code, own,
		strcmp(tablet_dir(str_cstr(code)), "rtl") == 0 };
}

const char *
kiosk_word(enum kiosk_word w, struct str lang)
{
	if ((unsigned)w >= KW__MAX)
		return "";
	return tablet_word(tablet_lang_of(lang, NULL),
	    (enum tablet_msg)(TABLET_MSG_KIOSK_FIRST + w));
}
