/* kiosk_words.c: the kiosk's own words; see include/kiosk_words.h. */
#include <string.h>

#include "kiosk_words.h"

/*
 * The kiosk's own words in each language the shipped definitions use. The
 * Arabic, Somali, Dari and Tigrinya lines are our own best-effort
 * translations, to be checked by a translator. A language missing here
 * gets the Swedish words (marked lang="sv").
 *
 * KW_COUNT_*: the character count of a free text ({n}: the limit, what is
 * left, or how many too many); KW_TOO_LONG: the refusal of a text over the
 * limit.
 */
struct kiosk_words {
	const char *lang;
	int rtl;
	const char *words[KW__MAX];
};

static const struct kiosk_words kiosk_words[] = {
	{
	    .lang = "sv",
	    .rtl = 0,
	    .words = {
		[KW_CHOOSE] = "Välj språk",
		[KW_PROGRESS] = "Fråga {n} av {m}",
		[KW_NEXT] = "Nästa",
		[KW_BACK] = "Tillbaka",
		[KW_SKIP] = "Hoppa över",
		[KW_SEND_TITLE] = "Skicka svaren",
		[KW_SEND_TEXT] = "Du har svarat på {n} av {m} frågor. Du kan gå tillbaka och ändra innan du skickar.",
		[KW_SEND] = "Skicka",
		[KW_THANKS] = "Tack!",
		[KW_THANKS_TEXT] = "Dina svar är skickade.",
		[KW_DONE] = "Klar",
		[KW_DONT_KNOW] = "Vet ej",
		[KW_NOT_APPL] = "Ej aktuellt",
		[KW_VAS_HELP] = "Skriv en siffra från 0 till 100.",
		[KW_ERROR] = "Svaret kunde inte sparas. Kontrollera svaret eller hoppa över frågan.",
		[KW_YOUR_ANSWER] = "Ditt svar",
		[KW_COUNT_HINT] = "Du kan skriva upp till {n} tecken.",
		[KW_COUNT_LEFT] = "Du har {n} tecken kvar.",
		[KW_COUNT_OVER] = "Du har {n} tecken för mycket.",
		[KW_TOO_LONG] = "Svaret är för långt. Du kan skriva upp till {n} tecken.",
	    },
	},
	{
	    .lang = "en",
	    .rtl = 0,
	    .words = {
		[KW_CHOOSE] = "Choose language",
		[KW_PROGRESS] = "Question {n} of {m}",
		[KW_NEXT] = "Next",
		[KW_BACK] = "Back",
		[KW_SKIP] = "Skip",
		[KW_SEND_TITLE] = "Send your answers",
		[KW_SEND_TEXT] = "You have answered {n} of {m} questions. You can go back and change them before you send.",
		[KW_SEND] = "Send",
		[KW_THANKS] = "Thank you!",
		[KW_THANKS_TEXT] = "Your answers have been sent.",
		[KW_DONE] = "Done",
		[KW_DONT_KNOW] = "Don't know",
		[KW_NOT_APPL] = "Not applicable",
		[KW_VAS_HELP] = "Enter a number from 0 to 100.",
		[KW_ERROR] = "The answer could not be saved. Check it or skip the question.",
		[KW_YOUR_ANSWER] = "Your answer",
		[KW_COUNT_HINT] = "You can enter up to {n} characters.",
		[KW_COUNT_LEFT] = "You have {n} characters remaining.",
		[KW_COUNT_OVER] = "You have {n} characters too many.",
		[KW_TOO_LONG] = "Your answer is too long. You can enter up to {n} characters.",
	    },
	},
	{
	    .lang = "ar",
	    .rtl = 1,
	    .words = {
		[KW_CHOOSE] = "اختر اللغة",
		[KW_PROGRESS] = "السؤال {n} من {m}",
		[KW_NEXT] = "التالي",
		[KW_BACK] = "السابق",
		[KW_SKIP] = "تخطي",
		[KW_SEND_TITLE] = "إرسال الإجابات",
		[KW_SEND_TEXT] = "لقد أجبت على {n} من {m} أسئلة. يمكنك الرجوع وتغيير إجاباتك قبل الإرسال.",
		[KW_SEND] = "إرسال",
		[KW_THANKS] = "شكراً لك!",
		[KW_THANKS_TEXT] = "تم إرسال إجاباتك.",
		[KW_DONE] = "انتهيت",
		[KW_DONT_KNOW] = "لا أعرف",
		[KW_NOT_APPL] = "لا ينطبق",
		[KW_VAS_HELP] = "اكتب رقماً من 0 إلى 100.",
		[KW_ERROR] = "تعذّر حفظ الإجابة. تحقق منها أو تخطَّ السؤال.",
		[KW_YOUR_ANSWER] = "إجابتك",
		[KW_COUNT_HINT] = "يمكنك كتابة {n} حرفًا كحد أقصى.",
		[KW_COUNT_LEFT] = "تبقّى لك {n} حرفًا.",
		[KW_COUNT_OVER] = "لقد تجاوزت الحد بـ {n} حرفًا.",
		[KW_TOO_LONG] = "إجابتك طويلة جدًا. يمكنك كتابة {n} حرفًا كحد أقصى.",
	    },
	},
	{
	    .lang = "so",
	    .rtl = 0,
	    .words = {
		[KW_CHOOSE] = "Dooro luqadda",
		[KW_PROGRESS] = "Su'aasha {n} ee {m}",
		[KW_NEXT] = "Xiga",
		[KW_BACK] = "Dib u noqo",
		[KW_SKIP] = "Ka gudub",
		[KW_SEND_TITLE] = "Dir jawaabaha",
		[KW_SEND_TEXT] = "Waxaad ka jawaabtay {n} ka mid ah {m} su'aalood. Waad dib u noqon kartaa oo beddeli kartaa ka hor intaadan dirin.",
		[KW_SEND] = "Dir",
		[KW_THANKS] = "Mahadsanid!",
		[KW_THANKS_TEXT] = "Jawaabahaaga waa la diray.",
		[KW_DONE] = "Dhammaatay",
		[KW_DONT_KNOW] = "Ma garanayo",
		[KW_NOT_APPL] = "Ima khuseeyo",
		[KW_VAS_HELP] = "Qor tiro u dhaxaysa 0 ilaa 100.",
		[KW_ERROR] = "Jawaabta lama kaydin karin. Hubi ama ka gudub su'aasha.",
		[KW_YOUR_ANSWER] = "Jawaabtaada",
		[KW_COUNT_HINT] = "Waxaad qori kartaa ilaa {n} xaraf.",
		[KW_COUNT_LEFT] = "Waxaa kuu harsan {n} xaraf.",
		[KW_COUNT_OVER] = "Waxaad dheeraysay {n} xaraf.",
		[KW_TOO_LONG] = "Jawaabtaadu way dheer tahay. Waxaad qori kartaa ilaa {n} xaraf.",
	    },
	},
	{
	    .lang = "fa-AF",
	    .rtl = 1,
	    .words = {
		[KW_CHOOSE] = "زبان را انتخاب کنید",
		[KW_PROGRESS] = "سوال {n} از {m}",
		[KW_NEXT] = "بعدی",
		[KW_BACK] = "قبلی",
		[KW_SKIP] = "رد شدن",
		[KW_SEND_TITLE] = "فرستادن جواب‌ها",
		[KW_SEND_TEXT] = "شما به {n} از {m} سوال جواب داده‌اید. پیش از فرستادن می‌توانید برگردید و جواب‌ها را تغییر دهید.",
		[KW_SEND] = "فرستادن",
		[KW_THANKS] = "تشکر!",
		[KW_THANKS_TEXT] = "جواب‌های شما فرستاده شد.",
		[KW_DONE] = "تمام",
		[KW_DONT_KNOW] = "نمی‌دانم",
		[KW_NOT_APPL] = "مربوط نیست",
		[KW_VAS_HELP] = "عددی از 0 تا 100 بنویسید.",
		[KW_ERROR] = "جواب ذخیره نشد. آن را بررسی کنید یا از سوال بگذرید.",
		[KW_YOUR_ANSWER] = "جواب شما",
		[KW_COUNT_HINT] = "شما می‌توانید تا {n} حرف بنویسید.",
		[KW_COUNT_LEFT] = "{n} حرف باقی مانده است.",
		[KW_COUNT_OVER] = "شما {n} حرف بیشتر از حد نوشته‌اید.",
		[KW_TOO_LONG] = "جواب شما بسیار طولانی است. شما می‌توانید تا {n} حرف بنویسید.",
	    },
	},
	{
	    .lang = "ti",
	    .rtl = 0,
	    .words = {
		[KW_CHOOSE] = "ቋንቋ ምረጹ",
		[KW_PROGRESS] = "ሕቶ {n} ካብ {m}",
		[KW_NEXT] = "ዝቕጽል",
		[KW_BACK] = "ንድሕሪት",
		[KW_SKIP] = "ሕለፍ",
		[KW_SEND_TITLE] = "መልስታት ስደዱ",
		[KW_SEND_TEXT] = "ካብ {m} ሕቶታት ን{n} መሊስኩም ኣለኹም። ቅድሚ ምስዳድኩም ተመሊስኩም ክትቕይሩ ትኽእሉ ኢኹም።",
		[KW_SEND] = "ስደድ",
		[KW_THANKS] = "የቐንየልና!",
		[KW_THANKS_TEXT] = "መልስታትኩም ተላኢኾም ኣለዉ።",
		[KW_DONE] = "ተወዲኡ",
		[KW_DONT_KNOW] = "ኣይፈልጥን",
		[KW_NOT_APPL] = "ኣይምልከተንን",
		[KW_VAS_HELP] = "ካብ 0 ክሳብ 100 ቁጽሪ ጽሓፉ።",
		[KW_ERROR] = "እቲ መልሲ ክዕቀብ ኣይከኣለን። ኣረጋግጹ ወይ ነቲ ሕቶ ሕለፉ።",
		[KW_YOUR_ANSWER] = "መልስኹም",
		[KW_COUNT_HINT] = "ክሳብ {n} ፊደላት ክትጽሕፉ ትኽእሉ ኢኹም።",
		[KW_COUNT_LEFT] = "{n} ፊደላት ተሪፎምኹም።",
		[KW_COUNT_OVER] = "ብ{n} ፊደላት ኣብዚሕኩም።",
		[KW_TOO_LONG] = "መልስኹም ነዊሑ እዩ። ክሳብ {n} ፊደላት ክትጽሕፉ ትኽእሉ ኢኹም።",
	    },
	},
};

struct kiosk_lang
kiosk_lang_resolve(struct str lang)
{
	size_t n = sizeof(kiosk_words) / sizeof(kiosk_words[0]);
	const struct kiosk_words *w = NULL;

	for (size_t i = 0; w == NULL && i < n; i++)
		if (str_eq_cstr(lang, kiosk_words[i].lang))
			w = &kiosk_words[i];
	for (size_t i = 0; w == NULL && i < n; i++) {
		size_t k = strlen(kiosk_words[i].lang);
		if (lang.len > k && lang.p[k] == '-' &&
		    memcmp(lang.p, kiosk_words[i].lang, k) == 0)
			w = &kiosk_words[i];
	}
	if (w == NULL)
		return (struct kiosk_lang){ kiosk_words[0].lang, 0,
			kiosk_words[0].rtl };
	return (struct kiosk_lang){ w->lang, 1, w->rtl };
}

const char *
kiosk_word(enum kiosk_word w, struct str lang)
{
	struct kiosk_lang l = kiosk_lang_resolve(lang);
	size_t n = sizeof(kiosk_words) / sizeof(kiosk_words[0]);

	if ((unsigned)w >= KW__MAX)
		return "";
	for (size_t i = 0; i < n; i++)
		if (strcmp(kiosk_words[i].lang, l.lang) == 0)
			return kiosk_words[i].words[w];
	return kiosk_words[0].words[w];
}
