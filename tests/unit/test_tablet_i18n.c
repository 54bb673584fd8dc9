/*
 * test_tablet_i18n.c: unit tests for the tablet's words and a language's
 * lang/dir (app/tablet_i18n.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "kiosk_words.h"
#include "str.h"
#include "tablet_i18n.h"
#include "view.h"

static struct arena arena;

static int
setup(void **state)
{
	(void)state;
	return arena_init(&arena, 1024 * 1024) ? 0 : -1;
}

static int
teardown(void **state)
{
	(void)state;
	arena_free(&arena);
	return 0;
}

static void
languages(void **state)
{
	static const struct {
		const char *code;
		enum tablet_lang want;
		int own;
	} cases[] = {
		{ "sv", TABLET_SV, 1 },
		{ "en", TABLET_EN, 1 },
		{ "ar", TABLET_AR, 1 },
		{ "so", TABLET_SO, 1 },
		{ "fa-AF", TABLET_FA_AF, 1 },
		{ "ti", TABLET_TI, 1 },
		/* A region or more after one of ours. */
		{ "en-GB", TABLET_EN, 1 },
		{ "fa-AF-x", TABLET_FA_AF, 1 },
		/* Not ours: Swedish stands in. */
		{ "fa", TABLET_SV, 0 },
		{ "ckb", TABLET_SV, 0 },
		{ "eng", TABLET_SV, 0 },
		{ "", TABLET_SV, 0 },
	};
	int own;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(tablet_lang_of(str_cstr(cases[i].code), &own),
		    cases[i].want);
		assert_int_equal(own, cases[i].own);
	}
	assert_int_equal(tablet_lang_of(STR_LIT("ar"), NULL), TABLET_AR);
	for (int l = 0; l < TABLET_LANG__MAX; l++)
		assert_int_equal(
		    tablet_lang_of(
		        str_cstr(tablet_lang_code((enum tablet_lang)l)), NULL),
		    l);
}

static void
directions(void **state)
{
	static const char *const rtl[] = { "ar", "fa-AF", "fa", "ckb", "he",
		"ar-SY", "ur", "prs" };
	static const char *const ltr[] = { "sv", "en", "so", "ti", "", "arn",
		"fr-CA" };

	(void)state;
	for (size_t i = 0; i < sizeof(rtl) / sizeof(rtl[0]); i++)
		assert_string_equal(tablet_dir(str_cstr(rtl[i])), "rtl");
	for (size_t i = 0; i < sizeof(ltr) / sizeof(ltr[0]); i++)
		assert_string_equal(tablet_dir(str_cstr(ltr[i])), "ltr");
}

static void
names(void **state)
{
	(void)state;
	assert_true(str_eq_cstr(tablet_lang_name(STR_LIT("sv")), "Svenska"));
	assert_true(str_eq_cstr(tablet_lang_name(STR_LIT("en")), "English"));
	assert_true(str_eq_cstr(tablet_lang_name(STR_LIT("ar")), "العربية"));
	assert_true(str_eq_cstr(tablet_lang_name(STR_LIT("so")), "Soomaali"));
	assert_true(str_eq_cstr(tablet_lang_name(STR_LIT("fa-AF")), "دری"));
	assert_true(str_eq_cstr(tablet_lang_name(STR_LIT("ti")), "ትግርኛ"));
	/* A language that is not exactly one of ours shows its code. */
	assert_true(str_eq_cstr(tablet_lang_name(STR_LIT("en-GB")), "en-GB"));
	assert_true(str_eq_cstr(tablet_lang_name(STR_LIT("fa")), "fa"));
	/* Staff read the Swedish name first. */
	assert_true(
	    str_eq_cstr(tablet_lang_label(STR_LIT("ti")), "Tigrinja (ትግርኛ)"));
	assert_true(str_eq_cstr(tablet_lang_label(STR_LIT("sv")), "Svenska"));
	assert_true(str_eq_cstr(tablet_lang_label(STR_LIT("xx")), "xx"));
	/* Every language of ours has a name of its own, and its rank is its
	 * place in the table. */
	for (int l = 0; l < TABLET_LANG__MAX; l++) {
		struct str code =
		    str_cstr(tablet_lang_code((enum tablet_lang)l));
		assert_false(
		    str_eq(tablet_lang_name(code), code) && l != TABLET_SV);
		assert_false(str_eq(tablet_lang_label(code), code));
		assert_int_equal(tablet_lang_rank(code), l);
	}
	assert_int_equal(tablet_lang_rank(STR_LIT("fa")), TABLET_LANG__MAX);
}

static void
words(void **state)
{
	(void)state;
	/* Every message has its Swedish words and a view key; each flow's
	 * keys are distinct, so one bind sets each once. */
	for (int m = 0; m < TABLET_MSG__MAX; m++) {
		assert_true(tablet_word_own(TABLET_SV, (enum tablet_msg)m));
		assert_true(tablet_msg_key((enum tablet_msg)m)[0]);
	}
	for (int m = TABLET_MSG_CONSENT_FIRST; m <= TABLET_MSG_CONSENT_LAST;
	     m++)
		for (int k = m + 1; k <= TABLET_MSG_CONSENT_LAST; k++)
			assert_string_not_equal(
			    tablet_msg_key((enum tablet_msg)m),
			    tablet_msg_key((enum tablet_msg)k));
	for (int m = TABLET_MSG_KIOSK_FIRST; m <= TABLET_MSG_KIOSK_LAST; m++)
		for (int k = m + 1; k <= TABLET_MSG_KIOSK_LAST; k++)
			assert_string_not_equal(
			    tablet_msg_key((enum tablet_msg)m),
			    tablet_msg_key((enum tablet_msg)k));
	for (int m = TABLET_MSG_LOCK_FIRST; m <= TABLET_MSG_LOCK_LAST; m++)
		for (int k = m + 1; k <= TABLET_MSG_LOCK_LAST; k++)
			assert_string_not_equal(
			    tablet_msg_key((enum tablet_msg)m),
			    tablet_msg_key((enum tablet_msg)k));
	/* The three ranges cover every message, in order. */
	assert_int_equal(TABLET_MSG_CONSENT_FIRST, 0);
	assert_int_equal(TABLET_MSG_KIOSK_FIRST, TABLET_MSG_CONSENT_LAST + 1);
	assert_int_equal(TABLET_MSG_LOCK_FIRST, TABLET_MSG_KIOSK_LAST + 1);
	assert_int_equal(TABLET_MSG__MAX, TABLET_MSG_LOCK_LAST + 1);
	/* Every message is in every language (issue 16: the consent tablet,
	 * the kiosk and the lock screen in all six), and a translation keeps
	 * the {n} and {m} its Swedish words have. */
	for (int l = 0; l < TABLET_LANG__MAX; l++)
		for (int m = 0; m < TABLET_MSG__MAX; m++) {
			const char *sv =
			    tablet_word(TABLET_SV, (enum tablet_msg)m);
			const char *w = tablet_word(
			    (enum tablet_lang)l, (enum tablet_msg)m);
			if (!tablet_word_own(
			        (enum tablet_lang)l, (enum tablet_msg)m))
				fail_msg("%s has no words in %s",
				    tablet_msg_key((enum tablet_msg)m),
				    tablet_lang_code((enum tablet_lang)l));
			assert_true(w[0] != '\0');
			assert_int_equal(strstr(sv, "{n}") != NULL,
			    strstr(w, "{n}") != NULL);
			assert_int_equal(strstr(sv, "{m}") != NULL,
			    strstr(w, "{m}") != NULL);
			/* Only Swedish, and the words left untranslated on
			 * purpose (none), are the Swedish words; the comma
			 * is the same mark in Latin script. */
			if (l != TABLET_SV && strcmp(sv, w) == 0 &&
			    strcmp(sv, "SUS") != 0 && strcmp(sv, ",") != 0)
				fail_msg("%s in %s is the Swedish words",
				    tablet_msg_key((enum tablet_msg)m),
				    tablet_lang_code((enum tablet_lang)l));
		}
	assert_string_equal(tablet_word(TABLET_TI, TABLET_L_CODE_BUSY),
	    "እዚ ኮድ ሕጂ ኣብ ካልእ ታብሌት ይጥቀመሉ ኣሎ። ኣብኡ ወድኡ፣ ወይ ቁሩብ ደቓይቕ "
	    "ተጸበዩ እሞ ደጊምኩም ፈትኑ።");
	assert_string_equal(
	    tablet_word(TABLET_SV, TABLET_AGREE), "Jag samtycker");
	assert_string_equal(tablet_word(TABLET_EN, TABLET_AGREE), "I consent");
	assert_string_equal(tablet_word(TABLET_SO, TABLET_Q_NEXT), "Xiga");
	assert_string_equal(tablet_word(TABLET_SV, TABLET_MSG__MAX), "");
}

/* The kiosk (kiosk_words.c) reads its words and languages from this
 * table: the same words, the same fallbacks, the same direction. */
static void
kiosk_agrees(void **state)
{
	static const char *const langs[] = { "sv", "en", "ar", "so", "fa-AF",
		"ti", "en-GB", "fa", "xx" };

	(void)state;
	_Static_assert(
	    TABLET_MSG_KIOSK_LAST - TABLET_MSG_KIOSK_FIRST + 1 == KW__MAX,
	    "the kiosk's messages out of sync");
	for (size_t i = 0; i < sizeof(langs) / sizeof(langs[0]); i++) {
		struct str l = str_cstr(langs[i]);
		struct kiosk_lang k = kiosk_lang_resolve(l);
		int own;
		enum tablet_lang t = tablet_lang_of(l, &own);

		assert_string_equal(k.lang, tablet_lang_code(t));
		assert_int_equal(k.own, own);
		assert_int_equal(
		    k.rtl, strcmp(tablet_dir(str_cstr(k.lang)), "rtl") == 0);
		for (int w = 0; w < KW__MAX; w++)
			assert_string_equal(kiosk_word((enum kiosk_word)w, l),
			    tablet_word(t,
			        (enum tablet_msg)(TABLET_MSG_KIOSK_FIRST + w)));
	}
}

static const char *
render(const char *src, const struct view_ctx *ctx)
{
	struct view_tpl *t;
	struct buf b;
	char err[256];

	if (view_compile(&t, "t.html", str_cstr(src), err, sizeof(err)) !=
	    APP_OK)
		fail_msg("compile failed: %s", err);
	buf_init(&b, &arena);
	assert_int_equal(view_tpl_render(t, ctx, &b), APP_OK);
	view_tpl_free(t);
	return buf_str(&b).p;
}

static void
binding(void **state)
{
	struct view_ctx *ctx = view_ctx_new(&arena);

	(void)state;
	assert_int_equal(tablet_bind(ctx, STR_LIT("ar-SY"),
	                     TABLET_MSG_CONSENT_FIRST, TABLET_MSG_CONSENT_LAST),
	    APP_OK);
	assert_string_equal(
	    render("{{lang}} {{dir}} {{t_agree}}", ctx), "ar-SY rtl أوافق");
	ctx = view_ctx_new(&arena);
	assert_int_equal(tablet_bind(ctx, STR_LIT("so"),
	                     TABLET_MSG_CONSENT_FIRST, TABLET_MSG_CONSENT_LAST),
	    APP_OK);
	assert_string_equal(render("{{lang}} {{dir}} {{t_agree}}", ctx),
	    "so ltr Waan oggolahay");
	ctx = view_ctx_new(&arena);
	assert_int_equal(tablet_bind(ctx, STR_LIT("fa-AF"),
	                     TABLET_MSG_LOCK_FIRST, TABLET_MSG_LOCK_LAST),
	    APP_OK);
	assert_string_equal(
	    render("{{lang}} {{dir}} {{t_code}}", ctx), "fa-AF rtl کد");
	ctx = view_ctx_new(&arena);
	assert_int_equal(tablet_bind(ctx, STR_LIT("ckb"),
	                     TABLET_MSG_CONSENT_FIRST, TABLET_MSG_CONSENT_LAST),
	    APP_OK);
	/* A language we have no words for: marked as the text's language,
	 * the words in Swedish. */
	assert_string_equal(render("{{lang}} {{dir}} {{t_agree}}", ctx),
	    "ckb rtl Jag samtycker");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(languages),
		cmocka_unit_test(directions),
		cmocka_unit_test(names),
		cmocka_unit_test(words),
		cmocka_unit_test(binding),
		cmocka_unit_test(kiosk_agrees),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
