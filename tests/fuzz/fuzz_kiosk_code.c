/*
 * fuzz_kiosk_code.c: libFuzzer target for what the questionnaire kiosk
 * reads before any answer (the answers: fuzz_kiosk_answer.c): the code
 * typed on the lock screen (quest_code_digits()), a personal link's token
 * (quest_link_token_ok()) and the language asked for in the address
 * (kiosk_lang_resolve(), kiosk_word()).
 *
 * Links: app/quest_state.c app/kiosk_words.c app/tablet_i18n.c and what
 * they use (plus the shared replay main, or clang -fsanitize=fuzzer). The
 * whole input is tried as each. Invariants checked with abort():
 *  - quest_code_digits: accepted exactly when the input, blanks (space,
 *    tab, '-') dropped, is 8 digits, each an ASCII, Arabic-Indic
 *    (U+0660..) or Persian (U+06F0..) digit; then the output is those
 *    digits' values in ASCII, NUL-terminated (a reference decoder).
 *  - quest_link_token_ok: exactly 64 lower-case hex characters.
 *  - kiosk_lang_resolve: one of the six tablet languages; own exactly
 *    when the input is one of their codes, or one followed by '-' and
 *    more; else Swedish; rtl exactly for Arabic and Dari. Every word of
 *    the kiosk in that language is non-empty valid UTF-8 and is the word
 *    kiosk_word() gives for the input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kiosk_words.h"
#include "quest_state.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const fuzz_langs[] = { "sv", "en", "ar", "so", "fa-AF",
	"ti" };
#define FUZZ_NLANGS (sizeof(fuzz_langs) / sizeof(fuzz_langs[0]))

/* The reference reading of a typed code: 1 and the digits in out when it
 * is 8 digits once blanks are dropped. */
static int
fuzz_code_ref(struct str in, char out[9])
{
	size_t n = 0, i = 0;

	while (i < in.len) {
		unsigned char c = (unsigned char)in.p[i];
		unsigned char d =
		    i + 1 < in.len ? (unsigned char)in.p[i + 1] : 0;
		int v = -1;

		if (c == ' ' || c == '\t' || c == '-') {
			i++;
			continue;
		}
		if (c >= '0' && c <= '9')
			v = c - '0', i += 1;
		else if (c == 0xD9 && d >= 0xA0 && d <= 0xA9)
			v = d - 0xA0, i += 2;
		else if (c == 0xDB && d >= 0xB0 && d <= 0xB9)
			v = d - 0xB0, i += 2;
		if (v < 0 || n == 8)
			return 0;
		out[n++] = (char)('0' + v);
	}
	out[n] = '\0';
	return n == 8;
}

static void
fuzz_code(struct str in)
{
	char got[9], want[9];
	int ok;

	memset(got, 'x', sizeof(got));
	ok = quest_code_digits(in, got);
	if (ok != fuzz_code_ref(in, want))
		abort();
	if (ok && (got[8] != '\0' || strcmp(got, want) != 0))
		abort();
}

static void
fuzz_token(struct str in)
{
	int want = in.len == 64;

	for (size_t i = 0; want && i < in.len; i++)
		want = (in.p[i] >= '0' && in.p[i] <= '9') ||
		    (in.p[i] >= 'a' && in.p[i] <= 'f');
	if (quest_link_token_ok(in) != want)
		abort();
}

static void
fuzz_lang(struct str in)
{
	struct kiosk_lang l = kiosk_lang_resolve(in);
	size_t k, which = FUZZ_NLANGS;
	int own = 0;

	for (k = 0; k < FUZZ_NLANGS; k++) {
		size_t n = strlen(fuzz_langs[k]);

		if (l.lang != NULL && strcmp(l.lang, fuzz_langs[k]) == 0)
			which = k;
		if (in.len >= n && memcmp(in.p, fuzz_langs[k], n) == 0 &&
		    (in.len == n || in.p[n] == '-'))
			own = 1;
	}
	if (which == FUZZ_NLANGS || l.own != own || (!own && which != 0) ||
	    l.rtl !=
	        (strcmp(l.lang, "ar") == 0 || strcmp(l.lang, "fa-AF") == 0))
		abort();
	if (own) {
		size_t n = strlen(l.lang);

		if (in.len < n || memcmp(in.p, l.lang, n) != 0)
			abort();
	}
	for (int w = 0; w < KW__MAX; w++) {
		const char *s = kiosk_word((enum kiosk_word)w, in);

		if (s == NULL || s[0] == '\0' || !str_utf8_valid(str_cstr(s)) ||
		    s != kiosk_word((enum kiosk_word)w, str_cstr(l.lang)))
			abort();
	}
	if (kiosk_word(KW__MAX, in)[0] != '\0')
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct str in = { size ? (const char *)data : "", size };

	fuzz_code(in);
	fuzz_token(in);
	fuzz_lang(in);
	return 0;
}
